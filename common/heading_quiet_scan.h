/*
 * heading_quiet_scan.h: the block loop of sp_heading_quiet_lines(),
 * included by heading_quiet.c once for each vector width, from the same
 * source (GCC's and Clang's vector extension): QUIET_SCAN names it,
 * QUIET_BLOCK its block test, QUIET_WIDTH is the bytes of a block,
 * QUIET_TARGET the target attribute, QUIET_MOVEMASK(v) the bits of a
 * vector's bytes.
 */

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
QUIET_TARGET static uint32_t
QUIET_BLOCK(const char *s, size_t i, uint32_t *nl)
{
	typedef unsigned char vec __attribute__((vector_size(QUIET_WIDTH)));
	vec v0, v1, v2, d, ev;

	memcpy(&v0, s + i, sizeof v0);
	memcpy(&v1, s + i + 1, sizeof v1);
	memcpy(&v2, s + i + 2, sizeof v2);
	d = v1 - '0';
	ev = (vec)((v1 == '(') | (d <= 9) | (v1 >= 0x80) | (v1 == '\f'));
	ev &= (vec)(v0 <= 0x20);
	ev |= (vec)((v0 == 0xC2) & (v1 == 0xA0));
	ev |= (vec)((v0 == 0xE3) & (v1 == 0x80) & (v2 == 0x80));
	ev |= (vec)((v0 == 0xE2) & (v1 == 0x91));
	ev |= (vec)((v0 == 0xE7) & (v1 == 0xAF) & (v2 == 0x87));
	*nl = QUIET_MOVEMASK((vec)(v0 == '\n'));
	return QUIET_MOVEMASK(ev);
}

/*
 * Scans blocks from s[*ip] while a block and the two bytes after it are
 * in s[0..n), counting the lines that end in them.  Returns 1 when a
 * line may hold a heading (q says where it opens), else 0 with *ip at
 * the first byte not scanned.
 */
QUIET_TARGET static int
QUIET_SCAN(const char *s, size_t n, size_t *ip, struct quiet *q)
{
	size_t i = *ip, j;
	uint32_t ev, nl;

	for (; i + QUIET_WIDTH + 2 <= n; i = q->seen > i + QUIET_WIDTH ?
	    q->seen : i + QUIET_WIDTH) {
		ev = QUIET_BLOCK(s, i, &nl) & after_seen(q, i, QUIET_WIDTH);
		while (ev) {
			j = i + (size_t)__builtin_ctz(ev);
			ev &= ev - 1;
			if (!quiet_at(s, n, j, &q->seen)) {
				lines_before(q, s, i, j, nl);
				return 1;
			}
			ev &= after_seen(q, i, QUIET_WIDTH);
		}
		lines_in(q, i, nl);
	}
	*ip = i;
	return 0;
}
