/*
 * heading_quiet_block.h: the block test of sp_heading_quiet_lines()'s
 * scan in GCC's and Clang's vector extension, included by
 * heading_quiet.c once for each SSE2 and AVX2 width, from the same
 * source: QUIET_BLOCK names it, QUIET_KEYS its constants (QUIET_KEYS_INIT
 * sets them), QUIET_VEC the vector, QUIET_WIDTH the bytes of a block,
 * QUIET_TARGET the target attribute, QUIET_MOVEMASK(v) the bits of a
 * vector's bytes.  heading_quiet_avx512.h is the same test with AVX-512's
 * mask registers.
 */

typedef unsigned char QUIET_VEC __attribute__((vector_size(QUIET_WIDTH)));

/* The bytes QUIET_BLOCK() compares with, each in every lane. */
struct QUIET_KEYS {
	QUIET_VEC lparen, zero, nine, ff, x20, nl, c2, a0, e3, x80, e2, x91, e7,
	    af, x87;
};

QUIET_TARGET static inline void
QUIET_KEYS_INIT(struct QUIET_KEYS *k)
{
	memset(&k->lparen, '(', sizeof k->lparen);
	memset(&k->zero, '0', sizeof k->zero);
	memset(&k->nine, 9, sizeof k->nine);
	memset(&k->ff, '\f', sizeof k->ff);
	memset(&k->x20, 0x20, sizeof k->x20);
	memset(&k->nl, '\n', sizeof k->nl);
	memset(&k->c2, 0xC2, sizeof k->c2);
	memset(&k->a0, 0xA0, sizeof k->a0);
	memset(&k->e3, 0xE3, sizeof k->e3);
	memset(&k->x80, 0x80, sizeof k->x80);
	memset(&k->e2, 0xE2, sizeof k->e2);
	memset(&k->x91, 0x91, sizeof k->x91);
	memset(&k->e7, 0xE7, sizeof k->e7);
	memset(&k->af, 0xAF, sizeof k->af);
	memset(&k->x87, 0x87, sizeof k->x87);
}

/*
 * The bytes among the QUIET_WIDTH at s[i] that quiet_at() must look at,
 * and in *nl the newlines.  s[i + QUIET_WIDTH + 1] must be readable.
 *
 * A piece can open a marker only with '(', a digit or a byte beyond
 * ASCII; before such a byte (or a form feed, a document's end after a
 * newline), a newline, a blank or any other byte up to 0x20 is looked
 * at.  So are the blanks beyond ASCII that open a run (NBSP C2 A0,
 * U+3000 E3 80 80), E2 91 (① ⑴ ⒈, a note reference too) and 篇 (E7 AF
 * 87).  Indentation, the words of English and HTML, and the text of
 * Chinese paragraphs hold none of these.
 */
QUIET_TARGET static inline uint64_t
QUIET_BLOCK(const char *s, size_t i, const struct QUIET_KEYS *k,
    uint64_t *nl)
{
	typedef signed char QUIET_SVEC
	    __attribute__((vector_size(QUIET_WIDTH)));
	QUIET_VEC v0, v1, v2, d, ev, zero = { 0 };

	memcpy(&v0, s + i, sizeof v0);
	memcpy(&v1, s + i + 1, sizeof v1);
	memcpy(&v2, s + i + 2, sizeof v2);
	/*
	 * '(' and the digits, exactly: widened to the bytes between them
	 * (one compare fewer), the blank before each "/>" and "-->" of
	 * HTML and each " + " of its scripts stopped the scan, most of
	 * them in a block of their own, for a look that found nothing.
	 */
	d = v1 - k->zero;
	ev = (QUIET_VEC)((d <= k->nine) | (v1 == k->lparen) | (v1 == k->ff) |
	    ((QUIET_SVEC)v1 < (QUIET_SVEC)zero));
	ev &= (QUIET_VEC)(v0 <= k->x20);
	*nl = QUIET_MOVEMASK((QUIET_VEC)(v0 == k->nl));
	/* A block of ASCII (most of HTML's) holds none of the rest. */
	if (QUIET_MOVEMASK(v0) == 0)
		return QUIET_MOVEMASK(ev);
	ev |= (QUIET_VEC)((v0 == k->c2) & (v1 == k->a0));
	ev |= (QUIET_VEC)((v0 == k->e3) & (v1 == k->x80) & (v2 == k->x80));
	ev |= (QUIET_VEC)((v0 == k->e2) & (v1 == k->x91));
	ev |= (QUIET_VEC)((v0 == k->e7) & (v1 == k->af) & (v2 == k->x87));
	return QUIET_MOVEMASK(ev);
}
