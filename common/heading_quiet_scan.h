/*
 * heading_quiet_scan.h: the block loop of sp_heading_quiet_lines(),
 * included by heading_quiet.c once for each vector width, from the same
 * source: QUIET_SCAN names it, QUIET_BLOCK is its block test (a bit for
 * each byte of the block), QUIET_KEYS the test's constants and
 * QUIET_KEYS_INIT() what sets them, QUIET_WIDTH the bytes of a block (64
 * at most), QUIET_TARGET the target attribute.  It undefines them, and
 * QUIET_VEC and QUIET_MOVEMASK of heading_quiet_block.h, for the next
 * width.
 */

/*
 * Scans blocks from s[*ip] while a block and the two bytes after it are
 * in s[0..n), counting the lines that end in them.  Returns 1 when a
 * line may hold a heading (q says where it opens), else 0 with *ip at
 * the first byte not scanned.  The blocks with nothing to look at, most
 * of them, go by in a loop of their own that calls nothing, so that its
 * constants stay in registers.
 */
QUIET_TARGET static int
QUIET_SCAN(const char *s, size_t n, size_t *ip, struct quiet *q)
{
	size_t i = *ip, j;
	uint64_t ev = 0, nl;
	struct QUIET_KEYS k;

	/*
	 * GCC builds a constant it has no register for anew every block,
	 * from an immediate, three instructions; held in memory it knows
	 * nothing of (the empty asm), each is an operand of its compare.
	 */
	QUIET_KEYS_INIT(&k);
	__asm__("" : "+m"(k));
	for (;;) {
		/*
		 * The count in locals, q's fields set once the loop is left:
		 * a store to them, which the next block's loads (of chars,
		 * which may alias anything) must follow, made a chain
		 * through memory of every block that held a newline.
		 */
		struct quiet at = *q;

		for (; i + QUIET_WIDTH + 2 <= n; i += QUIET_WIDTH) {
			if ((ev = QUIET_BLOCK(s, i, &k, &nl)) != 0 &&
			    (ev = worth_a_look(s, n, i, ev)) != 0)
				break;
			lines_in(&at, i, nl);
		}
		q->line = at.line;
		q->count = at.count;
		if (ev == 0)
			break;
		/* q->seen <= i here: every event of the block counts. */
		while (ev) {
			j = i + (size_t)__builtin_ctzll(ev);
			ev &= ev - 1;
			if (!quiet_at(s, n, j, &q->seen)) {
				lines_before(q, s, i, j, nl);
				return 1;
			}
			ev &= after_seen(q, i, QUIET_WIDTH);
		}
		lines_in(q, i, nl);
		i = q->seen > i + QUIET_WIDTH ? q->seen : i + QUIET_WIDTH;
	}
	*ip = i;
	return 0;
}

#undef QUIET_SCAN
#undef QUIET_BLOCK
#undef QUIET_VEC
#undef QUIET_KEYS
#undef QUIET_KEYS_INIT
#undef QUIET_WIDTH
#undef QUIET_TARGET
#undef QUIET_MOVEMASK
