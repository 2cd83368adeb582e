/*
 * whole_mask.h: the masks of a block for whole_lines.c, at one vector
 * width; included once a width (SSE2's 16 bytes, AVX2's 32), as
 * sp-clean's quickscore_lanes.h is, with these defined:
 *
 *   MASK_FN        the function's name
 *   MASK_TARGET    its attribute: empty, or the target it needs
 *   MASK_WIDTH     bytes a vector
 *   VEC            the vector type, and on it:
 *   LOADU(p)       the vector at p (unaligned)
 *   SET1(b)        b in every byte
 *   EQ(x, y)       bytes equal; GT(x, y), x above y, signed
 *   AND(x, y), OR(x, y), BITS(x) (the top bit of each byte, a bit each)
 *
 * The bytes that may_split_at() looks at, and more: marks and blanks
 * only where the next byte may let them end or be a run: a byte below
 * '#' (blanks, '!', '"'; the rest of them control characters) or beyond
 * ASCII (signed, negative), or a closing bracket (may_end_before()); the
 * marks tab to '!' taken at once with the control characters between
 * them, '.' '?' apart, ';' with --semicolon.  Lead bytes beyond ASCII
 * only before a byte that the characters looked at have second: E2 80,
 * 81 and 8B (not the ━ and ─ of w3m's rules), E3 80, EF B8 to BF.
 * Pairs that differ in one bit are compared at once: E2 E3, 80 81.
 */
MASK_TARGET static void
MASK_FN(const unsigned char *s, int semicolon, struct masks *m)
{
	/* '.' again without --semicolon: a compare that finds no more. */
	const VEC semi = SET1(semicolon ? ';' : '.');
	VEC v, w, mark, after, lead;
	size_t k, at;

	memset(m, 0, sizeof *m);
	for (k = 0; k < BLOCK / MASK_WIDTH; k++) {
		v = LOADU(s + MASK_WIDTH * k);
		w = LOADU(s + MASK_WIDTH * k + 1);
		mark = AND(GT(v, SET1(8)), GT(SET1('"'), v));
		mark = OR(mark, OR(OR(EQ(v, SET1('.')), EQ(v, SET1('?'))),
		    EQ(v, semi)));
		after = OR(GT(SET1('#'), w), OR(EQ(w, SET1(')')),
		    EQ(w, SET1(']'))));
		lead = AND(EQ(AND(v, SET1(0xFE)), SET1(0xE2)),
		    OR(EQ(AND(w, SET1(0xFE)), SET1(0x80)), EQ(w, SET1(0x8B))));
		lead = OR(lead, AND(EQ(v, SET1(0xEF)),
		    EQ(AND(w, SET1(0xF8)), SET1(0xB8))));
		lead = OR(lead, OR(EQ(v, SET1(0xC2)), EQ(v, SET1(0xE1))));
		lead = OR(lead, OR(EQ(v, SET1(')')), EQ(v, SET1(']'))));
		at = MASK_WIDTH * k;
		m->look[at / 64] |= (uint64_t)BITS(OR(lead, AND(mark, after)))
		    << (at % 64);
		m->newline[at / 64] |= (uint64_t)BITS(EQ(v, SET1('\n'))) <<
		    (at % 64);
	}
}

#undef MASK_FN
#undef MASK_TARGET
#undef MASK_WIDTH
#undef VEC
#undef LOADU
#undef SET1
#undef EQ
#undef GT
#undef AND
#undef OR
#undef BITS
