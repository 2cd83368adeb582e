/*
 * heading_quiet_avx512.h: the block test of heading_quiet_block.h, 64
 * bytes at a time with AVX-512BW, included by heading_quiet.c.  Its
 * compares write mask registers, a bit a byte, and take the mask of the
 * compare before as an operand: the ands, ors and movemasks of the
 * vector-extension test are gone, and a block is twice as long.
 */

#define QUIET512_TARGET __attribute__((target("avx512f,avx512bw,popcnt")))

/* The bytes quiet_block_avx512() compares with, each in every lane. */
struct quiet_keys_avx512 {
	__m512i lparen, zero, nine, ff, x20, nl, c2, a0, e3, x80, e2, x91, e7,
	    af, x87;
};

QUIET512_TARGET static inline void
quiet_keys_init_avx512(struct quiet_keys_avx512 *k)
{
	k->lparen = _mm512_set1_epi8('(');
	k->zero = _mm512_set1_epi8('0');
	k->nine = _mm512_set1_epi8(9);
	k->ff = _mm512_set1_epi8('\f');
	k->x20 = _mm512_set1_epi8(0x20);
	k->nl = _mm512_set1_epi8('\n');
	k->c2 = _mm512_set1_epi8((char)0xC2);
	k->a0 = _mm512_set1_epi8((char)0xA0);
	k->e3 = _mm512_set1_epi8((char)0xE3);
	k->x80 = _mm512_set1_epi8((char)0x80);
	k->e2 = _mm512_set1_epi8((char)0xE2);
	k->x91 = _mm512_set1_epi8((char)0x91);
	k->e7 = _mm512_set1_epi8((char)0xE7);
	k->af = _mm512_set1_epi8((char)0xAF);
	k->x87 = _mm512_set1_epi8((char)0x87);
}

/*
 * QUIET_BLOCK() of heading_quiet_block.h for the 64 bytes at s[i]: the
 * same bytes, found the same way.  s[i + 65] must be readable.
 */
QUIET512_TARGET static inline uint64_t
quiet_block_avx512(const char *s, size_t i,
    const struct quiet_keys_avx512 *k, uint64_t *nl)
{
	__m512i v0 = _mm512_loadu_si512(s + i);
	__m512i v1 = _mm512_loadu_si512(s + i + 1);
	__m512i v2;
	__mmask64 low, ev;

	low = _mm512_cmple_epu8_mask(v0, k->x20);
	*nl = _mm512_mask_cmpeq_epi8_mask(low, v0, k->nl);
	ev = _mm512_mask_cmple_epu8_mask(low, _mm512_sub_epi8(v1, k->zero),
	    k->nine) | _mm512_mask_cmpeq_epi8_mask(low, v1, k->lparen) |
	    _mm512_mask_cmpeq_epi8_mask(low, v1, k->ff) |
	    (low & _mm512_movepi8_mask(v1));
	/* A block of ASCII (most of HTML's) holds none of the rest. */
	if (_mm512_movepi8_mask(v0) == 0)
		return ev;
	v2 = _mm512_loadu_si512(s + i + 2);
	ev |= _mm512_mask_cmpeq_epi8_mask(
	    _mm512_cmpeq_epi8_mask(v0, k->c2), v1, k->a0);
	ev |= _mm512_mask_cmpeq_epi8_mask(
	    _mm512_mask_cmpeq_epi8_mask(_mm512_cmpeq_epi8_mask(v0, k->e3),
	    v1, k->x80), v2, k->x80);
	ev |= _mm512_mask_cmpeq_epi8_mask(
	    _mm512_cmpeq_epi8_mask(v0, k->e2), v1, k->x91);
	ev |= _mm512_mask_cmpeq_epi8_mask(
	    _mm512_mask_cmpeq_epi8_mask(_mm512_cmpeq_epi8_mask(v0, k->e7),
	    v1, k->af), v2, k->x87);
	return ev;
}
