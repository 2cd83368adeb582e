/* wordlm.c: a word language model of Chinese; see wordlm.h. */
#include <pthread.h>
#include <string.h>

#include "charlm.h"
#include "embed.h"
#include "lmtable.h"
#include "cjk.h"
#include "text.h"
#include "wordlm.h"

SP_DATA(wordlm_table);

/* The cost of a Han character that is no word of the list: rarer than
 * the rarest single-character word. */
#define COST_NO_WORD 26.0
/* The longest window wordlm_cost() is asked about. */
#define WINDOW 16

/*
 * The table of lmtable.h, read in place: an open-addressed hash table of
 * the words, keyed by their code points packed 16 bits each (a word has
 * no code point 0, so shorter words pad with zeros and stay distinct),
 * their costs, and each code point's edges (LM_OPENS_AT, LM_ENDS_AT).
 */
static const unsigned char *keys;
static const unsigned char *costs;	/* eighths of a bit */
static const unsigned char *edges;	/* 0x10000 of them */
static size_t mask;		/* table size - 1; 0: no model */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
load(void)
{
	const unsigned char *t = sp_data_wordlm_table;
	uint64_t size;

	if (sp_data_wordlm_table_len < WORDLM_TABLE_HEAD ||
	    memcmp(t, WORDLM_TABLE_MAGIC, 8) != 0)
		return;		/* no model: every word unknown */
	size = lm_u64_native(t + 8);
	if (size < 2 || (size & (size - 1)) != 0 ||
	    sp_data_wordlm_table_len != wordlm_table_len(size))
		return;
	keys = t + WORDLM_TABLE_HEAD;
	costs = keys + size * 8;
	edges = costs + size;
	mask = size - 1;
}

/* The cost of the word cps[0..len), or -1 when the list lacks it. */
static double
word(const int32_t *cps, size_t len)
{
	uint64_t key = 0;
	size_t h, k;

	if (mask == 0)
		return -1;
	if (cps[0] <= 0 || cps[0] > 0xFFFF || cps[len - 1] <= 0 ||
	    cps[len - 1] > 0xFFFF || !(edges[cps[0]] & LM_OPENS_AT(len)) ||
	    !(edges[cps[len - 1]] & LM_ENDS_AT(len)))
		return -1;
	for (k = 0; k < len; k++) {
		if (cps[k] <= 0 || cps[k] > 0xFFFF)
			return -1;
		key = key << 16 | (uint64_t)cps[k];
	}
	for (h = lm_slot(key, mask); lm_u64_native(keys + 8 * h) != 0;
	    h = (h + 1) & mask)
		if (lm_u64_native(keys + 8 * h) == key)
			return costs[h] / 8.0;
	return -1;
}

double
wordlm_word(const int32_t *cps, size_t n)
{
	(void)pthread_once(&once, load);
	return n > 0 && n <= LM_LONGEST ? word(cps, n) : -1;
}

double
wordlm_cost(const int32_t *cps, size_t n)
{
	int32_t s[WINDOW];
	double best[WINDOW + 1], w;
	size_t m = 0, i, len;

	(void)pthread_once(&once, load);
	m = lm_window(cps, n, s, WINDOW);
	best[0] = 0;
	for (i = 1; i <= m; i++) {
		/* s[i - 1] alone: a word, a Han character none, or a mark. */
		if (!sp_is_han(s[i - 1]))
			w = charlm_cost(i > 1 ? s[i - 2] : 0, s[i - 1]);
		else if ((w = word(s + i - 1, 1)) < 0)
			w = COST_NO_WORD;
		best[i] = best[i - 1] + w;
		for (len = 2; len <= LM_LONGEST && len <= i; len++)
			if ((w = word(s + i - len, len)) >= 0 &&
			    best[i - len] + w < best[i])
				best[i] = best[i - len] + w;
	}
	return best[m];
}
