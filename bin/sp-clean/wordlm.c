/* wordlm.c: a word language model of Chinese; see wordlm.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "charlm.h"
#include "embed.h"
#include "lmfile.h"
#include "cjk.h"
#include "text.h"
#include "tool.h"
#include "wordlm.h"

SP_DATA(wordlm);

/* The longest word of the model, in characters. */
#define LONGEST 4
/* The cost of a Han character that is no word of the list: rarer than
 * the rarest single-character word. */
#define COST_NO_WORD 26.0
/* The longest window wordlm_cost() is asked about. */
#define WINDOW 16

/*
 * An open-addressed hash table of the words, keyed by their code points
 * packed 16 bits each (a word has no code point 0, so shorter words pad
 * with zeros and stay distinct).
 */
static uint64_t *keys;
static unsigned char *costs;	/* eighths of a bit */
static size_t mask;		/* table size - 1; 0: no model */
/*
 * For each BMP code point, the lengths of the words of the list it opens
 * and of those it closes (bits OPENS_AT(len), ENDS_AT(len)): a look-up in
 * 64 KB, which stays in the cache, refuses most candidates before the
 * table of some megabytes is read (a repair asks about thousands).
 */
static unsigned char *edges;	/* 0x10000 of them */
#define OPENS_AT(len) (1u << ((len) - 1))
#define ENDS_AT(len) (1u << ((len) + 3))
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
load(void)
{
	const unsigned char *p = sp_data_wordlm, *end = p + sp_data_wordlm_len;
	uint32_t n, i;
	size_t size = 1, h;
	uint64_t key;
	unsigned len, k;

	if (end - p < 10 || memcmp(p, "SPWL1\n", 6) != 0)
		return;		/* no model: every word unknown */
	n = lm_u32(p + 6);
	p += 10;
	while (size < (size_t)n * 2)
		size <<= 1;
	/* One table, in huge pages where the system gives them. */
	keys = sp_table_zeroed(size * sizeof *keys + size + 0x10000);
	costs = (unsigned char *)(keys + size);
	edges = costs + size;
	mask = size - 1;
	for (i = 0; i < n; i++) {
		if (end - p < 2 || (len = p[0]) == 0 || len > LONGEST ||
		    (size_t)(end - p) < 2 + 2 * (size_t)len) {
			mask = 0;	/* a broken file: no model */
			return;
		}
		for (key = 0, k = 0; k < len; k++)
			key = key << 16 | lm_u16(p + 2 + 2 * k);
		for (h = lm_slot(key, mask); keys[h] != 0; h = (h + 1) & mask)
			;
		keys[h] = key;
		costs[h] = p[1];
		edges[lm_u16(p + 2)] |= OPENS_AT(len);
		edges[lm_u16(p + 2 * len)] |= ENDS_AT(len);
		p += 2 + 2 * (size_t)len;
	}
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
	    cps[len - 1] > 0xFFFF || !(edges[cps[0]] & OPENS_AT(len)) ||
	    !(edges[cps[len - 1]] & ENDS_AT(len)))
		return -1;
	for (k = 0; k < len; k++) {
		if (cps[k] <= 0 || cps[k] > 0xFFFF)
			return -1;
		key = key << 16 | (uint64_t)cps[k];
	}
	for (h = lm_slot(key, mask); keys[h] != 0; h = (h + 1) & mask)
		if (keys[h] == key)
			return costs[h] / 8.0;
	return -1;
}

double
wordlm_word(const int32_t *cps, size_t n)
{
	(void)pthread_once(&once, load);
	return n > 0 && n <= LONGEST ? word(cps, n) : -1;
}

double
wordlm_cost(const int32_t *cps, size_t n)
{
	int32_t s[WINDOW];
	double best[WINDOW + 1], w;
	size_t m = 0, i, len;

	(void)pthread_once(&once, load);
	for (i = 0; i < n && m < WINDOW; i++)
		if (cps[i] != 0)
			s[m++] = cps[i];
	best[0] = 0;
	for (i = 1; i <= m; i++) {
		/* s[i - 1] alone: a word, a Han character none, or a mark. */
		if (!sp_is_han(s[i - 1]))
			w = charlm_cost(i > 1 ? s[i - 2] : 0, s[i - 1]);
		else if ((w = word(s + i - 1, 1)) < 0)
			w = COST_NO_WORD;
		best[i] = best[i - 1] + w;
		for (len = 2; len <= LONGEST && len <= i; len++)
			if ((w = word(s + i - len, len)) >= 0 &&
			    best[i - len] + w < best[i])
				best[i] = best[i - len] + w;
	}
	return best[m];
}
