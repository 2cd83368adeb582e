/*
 * table-wordbigram.c: data/wordbigram (gen/mkwordbigram.py's file) into
 * the table of lmtable.h, the file after it, at build time:
 * table-wordbigram IN OUT.  The file is checked whole here, so that a
 * run reads it without a check of each word.
 */
#include <stdint.h>

#include "lmtable.h"
#include "table.h"

int
main(int argc, char **argv)
{
	const unsigned char *p, *end, *row_start;
	unsigned char *file, *t, *keys, *words, *single, *edges, *pair_opens;
	uint64_t size = 2, key;
	size_t len, h, need;
	uint32_t counts[3], nwords, nforms, nbigrams, i, w;
	unsigned flen, k;

	file = table_start(argc, argv, "table-wordbigram", &len);
	end = file + len;
	p = table_header(file, len, argv[1], "SPWB1\n", "word bigram model",
	    counts, 3);
	nwords = counts[0];
	nforms = counts[1];
	nbigrams = counts[2];
	need = 2 * (size_t)nwords + 4 * ((size_t)nwords + 1);
	if ((size_t)(end - p) < need)
		table_fail(argv[1], "its words cut short");
	row_start = p + 2 * (size_t)nwords;
	p += need;
	while (size < (uint64_t)nforms * 2)
		size <<= 1;
	t = table_new(wordbigram_file_at(size) + len);
	memcpy(t, WORDBIGRAM_TABLE_MAGIC, 8);
	table_put_u64(t + 8, size);
	table_put_u64(t + 16, len);
	keys = t + WORDBIGRAM_TABLE_HEAD;
	words = t + wordbigram_words_at(size);
	single = t + wordbigram_single_at(size);
	edges = t + wordbigram_edges_at(size);
	pair_opens = t + wordbigram_pairs_at(size);
	for (i = 0; i < 0x10000; i++)
		table_put_u32(single + 4 * (size_t)i, LM_NO_WORD);
	for (i = 0; i < nforms; i++) {
		if (end - p < 6 || (flen = p[0]) == 0 || flen > LM_LONGEST ||
		    (size_t)(end - p) < 6 + 2 * (size_t)flen)
			table_fail(argv[1], "a form cut short or too long");
		if ((w = lm_u32(p + 2)) >= nwords)
			table_fail(argv[1], "a form of no word");
		for (key = 0, k = 0; k < flen; k++)
			key = key << 16 | lm_u16(p + 6 + 2 * k);
		h = table_put_key(keys, size, key);
		table_put_u32(words + 4 * h, w);
		if (flen == 1) {
			table_put_u32(single + 4 * (size_t)lm_u16(p + 6), w);
		} else {
			h = lm_pair_bit((int32_t)lm_u16(p + 6),
			    (int32_t)lm_u16(p + 8));
			pair_opens[h >> 3] |= (unsigned char)(1u << (h & 7));
		}
		edges[lm_u16(p + 6)] |= LM_OPENS_AT(flen);
		edges[lm_u16(p + 6 + 2 * (flen - 1))] |= LM_ENDS_AT(flen);
		p += 6 + 2 * (size_t)flen;
	}
	table_put_u64(t + 24, (uint64_t)(p - file));
	if ((size_t)(end - p) != 4 * (size_t)nbigrams ||
	    lm_u32(row_start + 4 * (size_t)nwords) != nbigrams)
		table_fail(argv[1], "its bigrams not as many as it says");
	/* Each word's bigrams within the file, in order. */
	for (i = 0; i < nwords; i++)
		if (lm_u32(row_start + 4 * (size_t)i) >
		    lm_u32(row_start + 4 * ((size_t)i + 1)))
			table_fail(argv[1], "a word's bigrams out of order");
	memcpy(t + wordbigram_file_at(size), file, len);
	table_write(argv[2], t, wordbigram_file_at(size) + len);
	free(file);
	free(t);
	return 0;
}
