/*
 * table-charlm.c: data/charlm (gen/mkcharlm.py's file) into the table of
 * charlmtable.h, at build time: table-charlm IN OUT.  The file, SPLM1:
 * n, nbi and np (32 bits, little-endian); n entries of 6 bytes (the code
 * point, 16 bits, and the costs alone, opening and ending a word, and the
 * script); n counts of bigrams (16 bits); nbi bigrams of 3 bytes; np
 * marks of 3 bytes (the code point, 16 bits, and its cost after a word).
 * It is checked whole here.
 */
#include <stdint.h>

#include "charlmtable.h"
#include "lmfile.h"
#include "table.h"

/* Sets bit cp - CHARLM_BITS_LO of map where cost is at least at_least. */
static void
put_bit(unsigned char *map, int32_t cp, double cost, double at_least)
{
	if (cost >= at_least)
		map[(cp - CHARLM_BITS_LO) >> 3] |=
		    (unsigned char)(1u << ((cp - CHARLM_BITS_LO) & 7));
}

int
main(int argc, char **argv)
{
	const unsigned char *p, *end;
	unsigned char *file, *t, *rare, *uncommon, *punct;
	struct charlm_entry *entries, e;
	uint16_t *index;
	uint32_t counts[3], n, nbi, np, i, first = 0;
	unsigned cp;
	size_t len;
	int32_t c;
	double cost;

	file = table_start(argc, argv, "table-charlm", &len);
	end = file + len;
	p = table_header(file, len, argv[1], "SPLM1\n", "character model",
	    counts, 3);
	n = counts[0];
	nbi = counts[1];
	np = counts[2];
	if (n >= 0xFFFF || (size_t)(end - p) != (size_t)n * 8 +
	    (size_t)nbi * 3 + (size_t)np * 3)
		table_fail(argv[1], "cut short, or its counts wrong");
	t = table_new(charlm_table_len(n, nbi));
	memcpy(t, CHARLM_TABLE_MAGIC, 8);
	table_put_u64(t + 8, n);
	table_put_u64(t + 16, nbi);
	index = (uint16_t *)(void *)(t + CHARLM_TABLE_HEAD);
	entries = (struct charlm_entry *)(void *)(t + charlm_entries_at());
	punct = t + charlm_punct_at(n, nbi);
	rare = t + charlm_rare_at(n, nbi);
	uncommon = t + charlm_uncommon_at(n, nbi);
	for (i = 0; i < n; i++, p += 6) {
		if (index[lm_u16(p)] != 0)
			table_fail(argv[1], "a character twice");
		index[lm_u16(p)] = (uint16_t)(i + 1);
		memset(&e, 0, sizeof e);	/* its padding too */
		e.uni = p[2];
		e.init = p[3];
		e.end = p[4];
		e.script = p[5];
		memcpy(&entries[i], &e, sizeof e);
	}
	for (i = 0; i < n; i++, p += 2) {
		entries[i].first = first;
		entries[i].count = lm_u16(p);
		first += entries[i].count;
	}
	if (first != nbi)
		table_fail(argv[1], "its bigrams are not its entries' count");
	memcpy(t + charlm_bigrams_at(n), p, (size_t)nbi * 3);
	p += (size_t)nbi * 3;
	for (i = 0; i < np; i++, p += 3)
		punct[lm_u16(p)] = p[2] ? p[2] : 1;
	/* charlm_unigram() of each, as a run would ask it. */
	for (c = CHARLM_BITS_LO; c <= CHARLM_BITS_HI; c++) {
		cp = (unsigned)c;
		cost = index[cp] ? entries[index[cp] - 1].uni / 8.0 :
		    CHARLM_UNKNOWN_HAN;
		put_bit(rare, c, cost, CHARLM_RARE);
		put_bit(uncommon, c, cost, CHARLM_UNCOMMON);
	}
	table_write(argv[2], t, charlm_table_len(n, nbi));
	return 0;
}
