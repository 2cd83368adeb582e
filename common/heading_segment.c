/*
 * heading_segment.c: where a glued line (a page whose paragraphs lost
 * their line ends) may hold a heading: after a run of blanks, or a blank
 * after a sentence end.
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <string.h>

#include "cjk.h"
#include "heading_int.h"

/*
 * The next blank that can end a segment: space, tab, U+3000 (E3 80 80) or
 * NBSP (C2 A0), lone blanks left out.  Most lines hold none, so this is
 * the tracker's inner loop: sixteen bytes at a time where SSE2 is there
 * (every x86-64), a byte at a time elsewhere.  The vector test is exact,
 * the byte after an E3 or C2 compared in a second load (and the one after
 * that in a third), as E3 leads most Chinese punctuation (。、「」).
 */
#ifdef __SSE2__
/* The blanks among the 16 bytes at s[i]; s[i + 17] must be readable. */
static unsigned
blank_mask(const char *s, size_t i)
{
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
	    e3 = _mm_set1_epi8((char)0xE3), x80 = _mm_set1_epi8((char)0x80),
	    c2 = _mm_set1_epi8((char)0xC2), a0 = _mm_set1_epi8((char)0xA0);
	__m128i v0, v1, v2, hit;

	v0 = _mm_loadu_si128((const __m128i *)(s + i));
	v1 = _mm_loadu_si128((const __m128i *)(s + i + 1));
	v2 = _mm_loadu_si128((const __m128i *)(s + i + 2));
	hit = _mm_or_si128(_mm_cmpeq_epi8(v0, sp), _mm_cmpeq_epi8(v0, tab));
	hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v0, c2),
	    _mm_cmpeq_epi8(v1, a0)));
	hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(
	    _mm_cmpeq_epi8(v0, e3), _mm_cmpeq_epi8(v1, x80)),
	    _mm_cmpeq_epi8(v2, x80)));
	return (unsigned)_mm_movemask_epi8(hit);
}
#endif

static size_t
next_blank(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	unsigned mask;
	size_t last;

	while (i + 18 <= n) {
		for (mask = blank_mask(s, i); mask; mask &= mask - 1) {
			size_t j = i + (size_t)__builtin_ctz(mask);

			if (!lone_blank(s, n, j))
				return j;
		}
		i += 16;
	}
	/*
	 * A line shorter than a block and its two bytes after (many of a
	 * page's are: menu entries, dates): one block of a copy padded with
	 * NULs, which match nothing, instead of a byte at a time.
	 */
	if (n < 18 && i < n) {
		char pad[32] = { 0 };

		memcpy(pad, s, n);
		for (mask = blank_mask(pad, 0) >> i << i; mask;
		    mask &= mask - 1) {
			size_t j = (size_t)__builtin_ctz(mask);

			if (j < n && !lone_blank(s, n, j))
				return j;
		}
		/* The 17th byte, in no block: a byte at a time below. */
		i = n > 16 ? 16 : n;
	}
	/* The rest but two bytes: one more block, back to n - 18. */
	if (n >= 18 && i + 2 < n) {
		last = n - 18;
		mask = blank_mask(s, last) >> (i - last) << (i - last);
		for (; mask; mask &= mask - 1) {
			size_t j = last + (size_t)__builtin_ctz(mask);

			if (!lone_blank(s, n, j))
				return j;
		}
		i = n - 2;
	}
#endif
	for (; i < n; i++) {
		unsigned char b = (unsigned char)s[i];

		if (((b == ' ' || b == '\t') && !lone_blank(s, n, i)) ||
		    (b == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) || (b == 0xE3 &&
		    i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80))
			return i;
	}
	return n;
}

/*
 * A line of ASCII holds a heading only where a piece opens with a byte a
 * marker may open with, and pieces open at the line's start or after a
 * blank (space, tab, CR: all below 0x21).  Lines of script and style in
 * HTML are full of digits and parentheses, few of them after a blank
 * ("width:100px", "f(x)"), and those lines are refused here whole.  Any
 * byte from 0x80 on (Chinese, or a blank such as U+3000 before a piece)
 * says the line may hold one.
 */
#ifdef __SSE2__
/*
 * May the 16 bytes at p hold a piece a marker opens?  after is 1 when
 * p[0] opens a piece; *next is set to 1 when the last byte is a blank.
 */
static int
block_may_hold(const char *p, unsigned after, unsigned *next)
{
	const __m128i paren = _mm_set1_epi8('('), zero = _mm_set1_epi8('0'),
	    nine = _mm_set1_epi8(9), x21 = _mm_set1_epi8(0x21);
	__m128i v, d;
	unsigned opens, blanks;

	v = _mm_loadu_si128((const __m128i *)p);
	if (_mm_movemask_epi8(v))
		return 1;
	d = _mm_sub_epi8(v, zero);	/* digits: 0..9 */
	opens = (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmpeq_epi8(v, paren),
	    _mm_cmpeq_epi8(_mm_min_epu8(d, nine), d)));
	/* Signed, but every byte here is ASCII. */
	blanks = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, x21));
	*next = blanks >> 15;
	return (opens & (blanks << 1 | after)) != 0;
}
#endif

int
sp_heading_may_hold(const char *s, size_t n)
{
	size_t i = 0;
	unsigned after = 1;	/* the line's start is a piece's */
#ifdef __SSE2__
	char pad[16];

	for (; i + 16 <= n; i += 16)
		if (block_may_hold(s + i, after, &after))
			return 1;
	if (i == n)
		return 0;
	/*
	 * The rest in one block, not a byte at a time (most lines of HTML
	 * are short, and their rest is much of them): the last sixteen
	 * bytes, those seen again answering as before, after the byte
	 * before them; or a line shorter than a block, padded with NULs,
	 * which open nothing.
	 */
	if (n >= 16)
		return block_may_hold(s + n - 16,
		    (unsigned char)s[n - 17] < 0x21, &after);
	memset(pad, 0, sizeof pad);
	memcpy(pad, s, n);
	return block_may_hold(pad, 1, &after);
#else
	unsigned char b;

	for (; i < n; i++) {
		b = (unsigned char)s[i];
		if (b >= 0x80 || (after && may_open_marker(b)))
			return 1;
		after = b < 0x21;
	}
	return 0;
#endif
}

/*
 * Is the run of blanks s[run_start..i) inside a word spaced out to fill
 * a column (总　　则, 附　　则): a Han character before it, and after it
 * one Han character that ends the line or another run?  Not a break
 * between segments.
 */
static int
spaced_out(const char *s, size_t n, size_t run_start, size_t i)
{
	int32_t cp;
	size_t l;

	if (run_start < 3 || sp_cp_at(s, n, run_start - 3, &cp) != 3 ||
	    !sp_is_han(cp))
		return 0;
	l = sp_cp_at(s, n, i, &cp);
	if (!sp_is_han(cp))
		return 0;
	if (i + l == n)
		return 1;
	sp_cp_at(s, n, i + l, &cp);
	return sp_is_blank(cp);
}

size_t
sp_heading_segment(const char *s, size_t n, size_t *next)
{
	size_t i = 0, run_start, l;
	int runs;
	int32_t cp;

	while ((i = next_blank(s, n, i)) < n) {
		run_start = i;
		runs = 0;
		while (i < n) {
			if (s[i] == ' ') {
				l = sp_space_run_end(s, n, i);
				runs += l - i >= 2 ? 2 : 1;	/* 2: enough */
				i = l;
				continue;
			}
			l = sp_cp_at(s, n, i, &cp);
			if (!sp_is_blank(cp))
				break;
			runs++;
			i += l;
		}
		if (i >= n)
			break;
		if (run_start > 0 && (runs >= 2 ||
		    after_sentence_end(s, run_start)) &&
		    !spaced_out(s, n, run_start, i)) {
			*next = i;
			return run_start;
		}
	}
	*next = n;
	return n;
}
