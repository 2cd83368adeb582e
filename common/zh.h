/*
 * zh.h: the characters of Chinese text that structure hangs on: code
 * points, blank space and numerals.  The one place that knows them:
 * heading markers (heading.h), sp-clean's line features and hard-wrap
 * joining, sp-split's document markers and sentence enumerators all ask
 * here.
 *
 * Numerals: the digits 〇 零 一 二 两 兩 三 … 九 and the units 十 百 千,
 * with the formal (大写) forms 壹 贰 貳 叁 參 肆 伍 陆 陸 柒 捌 玖 拾 佰 仟;
 * Arabic digits ASCII or full-width.
 */
#ifndef SP_ZH_H
#define SP_ZH_H
#include <stddef.h>
#include <stdint.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "utf8.h"

/*
 * The character at s[i] (i < n) in *cp; returns its length, at least 1.
 * An invalid byte is U+FFFD, one byte long.
 */
static inline size_t
sp_cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
	return sp_utf8_next((const unsigned char *)s + i, n - i, cp);
}

/* sp_cp_at() for expressions: returns the character, its length in *len. */
static inline int32_t
sp_cp_get(const void *s, size_t n, size_t i, size_t *len)
{
	int32_t cp;

	*len = sp_utf8_next((const unsigned char *)s + i, n - i, &cp);
	return cp;
}

/* The start of the character before s[i], i > 0. */
size_t sp_cp_before(const char *s, size_t i);

/*
 * Blank space inside a line: space, tab, CR, NBSP, U+3000 and the other
 * Unicode spaces (U+1680, U+2000-U+200A, U+202F, U+205F), and the
 * zero-width space and BOM that scraped pages leave where a space was.
 */
static inline int
sp_is_blank(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t' || cp == '\r';
	if (cp > 0x3000)	/* Han and the rest of Chinese text, at once */
		return cp == 0xFEFF;
	return cp == 0xA0 || cp == 0x3000 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
	    cp == 0xFEFF;
}
/* The index of the first character at or after s[i] that is not blank. */
size_t sp_skip_blank(const char *s, size_t n, size_t i);
/* Bytes of the blank character at s[0..n), or 0 when it is not one. */
size_t sp_blank_len(const char *s, size_t n);

/* Arabic digits, ASCII or full-width: value 0-9, or -1. */
static inline int
sp_digit_value(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10;
	return -1;
}

/*
 * The value of a Chinese numeral character: 0-9 for the digits, 10, 100,
 * 1000 for the units; -1 for anything else.
 */
int sp_cn_value(int32_t cp);
/* A Chinese numeral character (sp_cn_value() >= 0)? */
int sp_is_cn_numeral(int32_t cp);

/*
 * Parses the Chinese numeral at the start of s[0..n): 一…九十九, 一百零一,
 * 两千, 〇/零 as zero fillers, or written digit by digit (二〇二〇).
 * Returns its value (0…9999) and the bytes used in *used, or -1 (*used 0)
 * when s does not start with a numeral.
 */
long sp_cn_number(const char *s, size_t n, size_t *used);

/*
 * Arabic digits at the start of s[0..n), ASCII or full-width, at most
 * max of them: the value and bytes used, *full set when any was
 * full-width; -1 when there is none or more than max.
 */
long sp_arabic_number(const char *s, size_t n, int max, size_t *used,
    int *full);

/*
 * A number at the start of s[0..n) in either system: Chinese numerals,
 * else Arabic digits (at most 4).  -1 when there is none.
 */
long sp_any_number(const char *s, size_t n, size_t *used);

/* Appends n (1…9999) in Chinese numerals: 1 一, 21 二十一, 101 一百零一. */
int sp_cn_format(struct sp_buf *out, long n);
/* The same in formal numerals (financial writing): 21 贰拾壹. */
int sp_cn_format_formal(struct sp_buf *out, long n);
/* A formal numeral: 壹 贰 叁 … 拾 佰 仟 (and the traditional 貳 參 陸)? */
int sp_cn_is_formal(int32_t cp);

/*
 * The end of the run of ASCII spaces at s[i] (i when there is none): w3m
 * dumps centre and indent with dozens of them, so sixteen are compared at
 * a time where SSE2 is there (every x86-64).
 */
static inline size_t
sp_space_run_end(const void *p, size_t n, size_t i)
{
	const char *s = p;
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' ');
	unsigned other;

	while (i + 16 <= n) {
		other = ~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(s + i)), sp)) & 0xFFFF;
		if (other)
			return i + (size_t)__builtin_ctz(other);
		i += 16;
	}
#endif
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

#endif
