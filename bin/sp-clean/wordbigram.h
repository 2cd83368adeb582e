/*
 * wordbigram.h: a word bigram language model of Chinese, for choosing the
 * characters a mojibake repair restores (step 6).
 *
 * Built by gen/mkwordbigram.py into data/wordbigram from the open-gram
 * model Debian's sunpinyin-data ships, counted in running text.  The word
 * lists of wordlm.h say how common each word is; this says which word
 * follows which, so that 这里??可以 reads as 这里您可以, not 这里他可以,
 * and 就是??开展 as 就是要开展.
 */
#ifndef SP_CLEAN_WORDBIGRAM_H
#define SP_CLEAN_WORDBIGRAM_H
#include <stddef.h>
#include <stdint.h>

/*
 * The cost, in bits, of the characters cps[0..n) cut into the words of
 * the model at the likeliest places, each word costed after the one
 * before it (the first as a word alone).  A run of ASCII digits is read
 * as the numeral 三 (3日 as 三日).  A Han character that is no word of
 * the model costs as a rare word, any other character (a letter, a mark
 * the model lacks) what charlm_cost() gives it after the character
 * before; either is followed as by nothing.  Code points 0 are skipped.
 */
double wordbigram_cost(const int32_t *cps, size_t n);

#endif
