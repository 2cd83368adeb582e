/*
 * wordlm.h: a word language model of Chinese, for choosing the characters
 * a mojibake repair restores (step 6).
 *
 * Built from two word frequency lists (gen/freqlists.py: jieba's, Rime's
 * essay), simplified and (through OpenCC) traditional, by
 * gen/mkwordlm.py into data/wordlm.  A few characters are
 * costed as the likeliest way to cut them into the words of the list;
 * where the character bigram model (charlm.h) sees two words overlap
 * (心灵 and 灵魂 in 心灵魂), this model sees that none does.
 */
#ifndef SP_CLEAN_WORDLM_H
#define SP_CLEAN_WORDLM_H
#include <stddef.h>
#include <stdint.h>

/*
 * The cost, in bits, of the characters cps[0..n) cut into words at the
 * likeliest places: a word of the list costs its rarity; a Han character
 * that is no word of it, or is not in it at all, costs as a rare word;
 * a run of ASCII digits is read as the numeral 三 (3日 as 三日); anything
 * else (punctuation, letters) costs what charlm_cost() gives it after the
 * character before.  Code points 0 are skipped.
 */
double wordlm_cost(const int32_t *cps, size_t n);

/*
 * The cost, in bits, of cps[0..n) as one word of the list, or -1 when the
 * list lacks it: a quick look, for keeping the candidates that make a
 * word where the bigram model sees none (切入点).
 */
double wordlm_word(const int32_t *cps, size_t n);

#endif
