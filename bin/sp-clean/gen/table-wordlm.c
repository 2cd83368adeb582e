/*
 * table-wordlm.c: data/wordlm (gen/mkwordlm.py's file) into the table of
 * lmtable.h, at build time: table-wordlm IN OUT.
 */
#include <stdint.h>

#include "lmtable.h"
#include "table.h"

int
main(int argc, char **argv)
{
	const unsigned char *p, *end;
	unsigned char *file, *t, *keys, *costs, *edges;
	uint64_t size = 2, key;
	size_t len, h;
	uint32_t n, i;
	unsigned wlen, k;

	file = table_start(argc, argv, "table-wordlm", &len);
	end = file + len;
	p = table_header(file, len, argv[1], "SPWL1\n", "word list", &n, 1);
	while (size < (uint64_t)n * 2)
		size <<= 1;
	t = table_new(wordlm_table_len(size));
	memcpy(t, WORDLM_TABLE_MAGIC, 8);
	table_put_u64(t + 8, size);
	keys = t + WORDLM_TABLE_HEAD;
	costs = keys + size * 8;
	edges = costs + size;
	for (i = 0; i < n; i++) {
		if (end - p < 2 || (wlen = p[0]) == 0 || wlen > LM_LONGEST ||
		    (size_t)(end - p) < 2 + 2 * (size_t)wlen)
			table_fail(argv[1], "a word cut short or too long");
		for (key = 0, k = 0; k < wlen; k++)
			key = key << 16 | lm_u16(p + 2 + 2 * k);
		h = table_put_key(keys, size, key);
		costs[h] = p[1];
		edges[lm_u16(p + 2)] |= LM_OPENS_AT(wlen);
		edges[lm_u16(p + 2 * wlen)] |= LM_ENDS_AT(wlen);
		p += 2 + 2 * (size_t)wlen;
	}
	if (p != end)
		table_fail(argv[1], "bytes after the last word");
	table_write(argv[2], t, wordlm_table_len(size));
	free(file);
	free(t);
	return 0;
}
