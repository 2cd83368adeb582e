/*
 * mojibake_cache.h: the characters the text around a repair writes, as a
 * cache model's evidence for the characters it restores.
 *
 * A text repeats its own words: a line of UTF-8 read as GBK that writes
 * 三星杯、LG?、应氏杯 lost a byte of 杯, not of 杀, though the models,
 * which read only the characters beside the lost one, like 杀 better
 * there.  A cache model mixes the model's chance of a character with its
 * share of the text around (Kuhn and De Mori, 1990); what that adds, in
 * bits, is large for a character the models find rare and the text
 * writes often, and next to nothing for one they expect anyway (的).
 */
#ifndef SP_CLEAN_MOJIBAKE_CACHE_H
#define SP_CLEAN_MOJIBAKE_CACHE_H
#include <stddef.h>
#include <stdint.h>

/* Forgets the characters counted (the calling thread's cache). */
void cache_clear(void);

/*
 * Counts the Han characters of the UTF-8 in b[0..n); an invalid sequence
 * (a byte lost, LOST in it) is skipped, not counted.
 */
void cache_add_utf8(const unsigned char *b, size_t n);

/*
 * How many bits likelier Han character c is for the text's writing it:
 * log2(1 + CACHE_SHARE / (1 - CACHE_SHARE) * share / P(c)), where share
 * is c's part of the characters counted and P(c) its chance by the
 * character model alone; 0 for a character not counted.
 */
double cache_bonus(int32_t c);

/*
 * The script the characters counted are written in: 1 simplified or 2
 * traditional where at least one of them is of that script alone and
 * none of the other (charlm_script()), else 0.  A run of UTF-8 read as
 * GBK that writes 網址 and 查詢 lost a byte of 為, not of 点.
 */
int cache_script(void);

#endif
