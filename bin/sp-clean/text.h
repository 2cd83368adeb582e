/*
 * text.h: helpers every step of sp-clean uses on UTF-8 text: appending to
 * a buffer (out of memory is fatal, as everywhere in the tools) and
 * reading the character at or before a position.  The text is valid UTF-8
 * by the time any step sees it (step 1 makes it so).
 */
#ifndef SP_CLEAN_TEXT_H
#define SP_CLEAN_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "tool.h"
#include "utf8.h"

/*
 * A key of a sorted table read from a data file: bytes in the file, not
 * terminated.  Tables whose entries open with one are searched with
 * bsearch(3) and text_key_cmp (byte order, then length).
 */
struct text_key {
	const char *s;
	size_t len;
};

static inline int
text_key_cmp(const void *a, const void *b)
{
	const struct text_key *x = a, *y = b;
	size_t m = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->s, y->s, m);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static inline void
put(struct sp_buf *b, const void *p, size_t n)
{
	if (sp_buf_append(b, p, n) < 0)
		sp_oom();
}

static inline void
putch(struct sp_buf *b, int c)
{
	if (sp_buf_putc(b, c) < 0)
		sp_oom();
}

static inline void
putcp(struct sp_buf *b, int32_t cp)
{
	if (sp_buf_put_cp(b, cp) < 0)
		sp_oom();
}

/*
 * The character at s[i] (i < n) and its length in *len.  The text is
 * valid UTF-8, so the common lengths are decoded without checks; a
 * sequence cut by the end of s goes to the checking decoder.
 */
static inline int32_t
cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s + i;
	int32_t cp;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] >= 0xE0 && p[0] < 0xF0 && n - i >= 3) {
		*len = 3;
		return (int32_t)(p[0] & 0x0F) << 12 |
		    (int32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
	}
	if (p[0] >= 0xC2 && p[0] < 0xE0 && n - i >= 2) {
		*len = 2;
		return (int32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
	}
	*len = sp_utf8_decode(p, n - i, &cp, NULL);
	return cp;
}

/* The character ending at s[i] (i > 0), and its length in *len. */
static inline int32_t
cp_before(const char *s, size_t i, size_t *len)
{
	size_t j = i, k;
	int32_t cp;

	if ((unsigned char)s[i - 1] < 0x80) {
		*len = 1;
		return (unsigned char)s[i - 1];
	}
	while (j > 0 && i - j < 4 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
		j--;
	if (j > 0)
		j--;
	*len = i - j;
	cp = cp_at(s, i, j, &k);
	if (k != *len) {
		/* Not one character: the checking decoder has the last say. */
		sp_utf8_decode((const unsigned char *)s + i - 1, 1, &cp, NULL);
		*len = 1;
	}
	return cp;
}

/*
 * Is s[0..n) valid UTF-8?  sp_utf8_valid_prefix() checks sixteen or
 * thirty-two bytes a test; the character at a time of a check inline
 * here, once the faster one, was 5% of sp-clean on the speech pages
 * (callgrind).
 */
static inline int
utf8_valid(const char *str, size_t n)
{
	return sp_utf8_valid_prefix((const unsigned char *)str, n) == n;
}

/*
 * Chinese text is mostly bytes of three-byte characters, and the marks the
 * steps look for are ASCII: these find the next ASCII byte in a set
 * sixteen bytes at a time, where SSE2 is there.
 */
#ifdef __SSE2__
/* Bit k set: s[k] (of 16) is ASCII, or with lead2 0xE2 or 0xE3. */
static inline unsigned
ascii_mask16(const char *s, int lead2)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
	unsigned m = (unsigned)~_mm_movemask_epi8(v) & 0xFFFF;

	if (lead2)
		m |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_and_si128(v, _mm_set1_epi8((char)0xFE)),
		    _mm_set1_epi8((char)0xE2)));
	return m;
}
#endif

/*
 * The index of the first byte of s[from..n) that set[] marks (set is
 * indexed by byte; it marks ASCII bytes only), or n.
 */
static inline size_t
next_ascii_in(const char *s, size_t from, size_t n,
    const unsigned char set[128])
{
	size_t j = from;

#ifdef __SSE2__
	for (; j + 16 <= n; j += 16) {
		unsigned m = ascii_mask16(s + j, 0);

		while (m) {
			unsigned k = (unsigned)__builtin_ctz(m);

			if (set[(unsigned char)s[j + k]])
				return j + k;
			m &= m - 1;
		}
	}
#endif
	for (; j < n; j++)
		if ((unsigned char)s[j] < 0x80 && set[(unsigned char)s[j]])
			return j;
	return n;
}

#endif
