/*
 * heading_segment.c: where a glued line (a page whose paragraphs lost
 * their line ends) may hold a heading: after a run of blanks, or a blank
 * after a sentence end.
 */
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "heading_int.h"

/*
 * The next blank that can end a segment: space, tab, U+3000 (E3 80 80) or
 * NBSP (C2 A0).  Most lines hold none, so this is the tracker's inner
 * loop: sixteen bytes at a time where SSE2 is there (every x86-64), a
 * byte at a time elsewhere.
 */
static size_t
next_blank(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
	    e3 = _mm_set1_epi8((char)0xE3), c2 = _mm_set1_epi8((char)0xC2);
	__m128i v;
	unsigned mask;

	while (i + 16 <= n) {
		v = _mm_loadu_si128((const __m128i *)(s + i));
		mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, c2))));
		while (mask) {
			size_t j = i + (size_t)__builtin_ctz(mask);
			unsigned char b = (unsigned char)s[j];

			if (b == ' ' || b == '\t' || (b == 0xC2 && j + 1 < n &&
			    (unsigned char)s[j + 1] == 0xA0) || (b == 0xE3 &&
			    j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
			    (unsigned char)s[j + 2] == 0x80))
				return j;
			mask &= mask - 1;
		}
		i += 16;
	}
#endif
	for (; i < n; i++) {
		unsigned char b = (unsigned char)s[i];

		if (b == ' ' || b == '\t' || (b == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) || (b == 0xE3 &&
		    i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80))
			return i;
	}
	return n;
}

/* Is there a sentence end just before s[i]? */
static int
after_sentence_end(const char *s, size_t i)
{
	return i >= 3 && ((unsigned char)s[i - 3] == 0xE3 &&
	    (unsigned char)s[i - 2] == 0x80 && (unsigned char)s[i - 1] == 0x82);
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
				runs++;
				i++;
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
		    after_sentence_end(s, run_start))) {
			*next = i;
			return run_start;
		}
	}
	*next = n;
	return n;
}
