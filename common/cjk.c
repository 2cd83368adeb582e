/* cjk.c: character classes for Chinese text; see cjk.h. */
#include <utf8proc.h>

#include "cjk.h"

static int
category_is_punct(utf8proc_category_t c)
{
	return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int
sp_is_punct(int32_t cp)
{
	if (cp < 0 || cp > 0x10FFFF)
		return 0;
	return category_is_punct(utf8proc_category(cp));
}

int
sp_is_cjk_punct(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0xB7)
		return 0;
	/* Punctuation used in Chinese text outside the CJK blocks. */
	switch (cp) {
	case 0xB7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
	case 0x201C: case 0x201D: case 0x2026: case 0x2027: case 0x22EF:
	case 0x2E3A: case 0x2E3B:
		return 1;
	}
	c = utf8proc_category(cp);
	if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE1F) ||
	    (cp >= 0xFE30 && cp <= 0xFE6F))
		return category_is_punct(c) || c == UTF8PROC_CATEGORY_SM ||
		    c == UTF8PROC_CATEGORY_SO;
	if (cp >= 0xFF00 && cp <= 0xFFEF)
		return category_is_punct(c) || c == UTF8PROC_CATEGORY_SM;
	return 0;
}

int
sp_is_cjk(int32_t cp)
{
	return sp_is_han(cp) || sp_is_cjk_punct(cp) ||
	    (cp >= 0x3040 && cp <= 0x30FF) ||	/* kana */
	    (cp >= 0x3100 && cp <= 0x312F) ||	/* bopomofo */
	    (cp >= 0xAC00 && cp <= 0xD7AF) ||	/* hangul */
	    (cp >= 0xFF00 && cp <= 0xFFEF);	/* full-width forms */
}

int
sp_is_hangul(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F) ||
	    (cp >= 0xAC00 && cp <= 0xD7FF);
}

int
sp_is_wide(int32_t cp)
{
	return cp >= 0x1100 && !sp_is_hangul(cp) &&
	    utf8proc_charwidth(cp) == 2;
}

int
sp_is_space(int32_t cp)
{
	if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D))
		return 1;
	if (cp < 0x80 || cp > 0x10FFFF)
		return 0;
	return cp == 0x85 || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

int
sp_is_newline(int32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 ||
	    cp == 0x2029;
}

int
sp_is_zero_width(int32_t cp)
{
	return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
	    cp == 0xFEFF || cp == 0x180E;
}

int
sp_is_ignorable(int32_t cp)
{
	if (cp < 0xAD || cp > 0x10FFFF)
		return 0;
	return utf8proc_get_property(cp)->ignorable;
}

int
sp_is_control(int32_t cp)
{
	if (cp == '\t' || cp == '\n')
		return 0;
	return (cp >= 0 && cp < 0x20) || (cp >= 0x7F && cp < 0xA0);
}

int
sp_is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp > 0x10FFFF)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* sp_is_alnum() by utf8proc's category, for cp 0..0x10FFFF. */
static int
alnum_by_category(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
	    c == UTF8PROC_CATEGORY_ND;
}

/*
 * The answers for the BMP, a bit a character, each block of 256 filled
 * from utf8proc the first time one of its characters is asked about:
 * utf8proc's look-up, two tables deep and out of line, asked of every
 * punctuation mark of every line, was 5% of sp-clean's time on w3m dumps
 * (perf).  A block is filled by whichever threads ask first, with the
 * same bits, and is read once its flag says it is whole.
 */
static uint32_t alnum_bits[0x10000 / 32];
static unsigned char alnum_filled[0x10000 / 256];

/* Out of line, once a block: the test of the others keeps its registers. */
__attribute__((noinline, cold)) static void
alnum_fill(unsigned block)
{
	uint32_t w;
	int32_t cp;
	unsigned i, j;

	for (i = 0; i < 256 / 32; i++) {
		w = 0;
		for (j = 0; j < 32; j++) {
			cp = (int32_t)(block * 256 + i * 32 + j);
			w |= (uint32_t)alnum_by_category(cp) << j;
		}
		__atomic_store_n(&alnum_bits[block * 8 + i], w,
		    __ATOMIC_RELAXED);
	}
	__atomic_store_n(&alnum_filled[block], 1, __ATOMIC_RELEASE);
}

int
sp_is_alnum(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' &&
		    (cp | 0x20) <= 'z');
	if (cp > 0xFFFF)
		return cp <= 0x10FFFF && alnum_by_category(cp);
	if (!__atomic_load_n(&alnum_filled[cp >> 8], __ATOMIC_ACQUIRE))
		alnum_fill((unsigned)cp >> 8);
	return (int)(__atomic_load_n(&alnum_bits[cp >> 5], __ATOMIC_RELAXED) >>
	    (cp & 31)) & 1;
}

/* The single code point a WIDE or NARROW compatibility mapping gives. */
static int32_t
width_mapping(int32_t cp, int want)
{
	const utf8proc_property_t *p;
	utf8proc_int32_t dst[4];
	int last;
	utf8proc_ssize_t n;

	p = utf8proc_get_property(cp);
	if (p->decomp_type != want)
		return cp;
	last = 0;
	n = utf8proc_decompose_char(cp, dst, 4,
	    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
	return n == 1 ? dst[0] : cp;
}

int32_t
sp_to_halfwidth(int32_t cp)
{
	if (cp == 0x3000)
		return ' ';
	if (cp < 0xFF00 || cp > 0xFFEF)
		return cp;
	return width_mapping(cp, UTF8PROC_DECOMP_TYPE_WIDE);
}

int32_t
sp_to_fullwidth(int32_t cp)
{
	if (cp == ' ')
		return 0x3000;
	/* U+FF01..FF5E mirror U+0021..007E one to one. */
	if (cp >= 0x21 && cp <= 0x7E)
		return cp + 0xFEE0;
	return width_mapping(cp, UTF8PROC_DECOMP_TYPE_NARROW);
}
