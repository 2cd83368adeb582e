/* wordbigram.c: a word bigram language model of Chinese; see wordbigram.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "charlm.h"
#include "cjk.h"
#include "embed.h"
#include "lmfile.h"
#include "tool.h"
#include "wordbigram.h"

SP_DATA(wordbigram);

/* The longest word of the model, in characters. */
#define LONGEST 4
/* The longest window wordbigram_cost() is asked about. */
#define WINDOW 16
/* A Han character the model has no word for: rarer than its rarest. */
#define COST_NO_WORD 26.0
/* No word: the state after a character the model lacks. */
#define NONE UINT32_MAX

/*
 * The file is read in place: the words' costs and back-off weights, the
 * start of each word's bigrams, and the bigrams, which a binary search
 * finds among those of their first word.  Only the written forms are
 * copied, into an open-addressed hash table keyed by their code points
 * packed 16 bits each (as in wordlm.c).
 */
static const unsigned char *word_costs;	/* nwords x (cost, back-off) */
static const unsigned char *row_start;	/* nwords + 1 x u32 */
static const unsigned char *pairs;	/* nbigrams x 4 bytes */
static uint32_t nwords;
static uint64_t *keys;
static uint32_t *key_word;
static size_t mask;			/* table size - 1; 0: no model */
/*
 * For each BMP code point, the lengths of the forms it opens and closes
 * (as in wordlm.c): a look-up in 64 KB refuses most pieces of a window
 * before the table is read.
 */
static unsigned char *edges;
#define OPENS_AT(len) (1u << ((len) - 1))
#define ENDS_AT(len) (1u << ((len) + 3))
/* The word of each BMP code point written alone, or NONE: most pieces of
 * a window are one character, and this is read without the table. */
static uint32_t *single;
/*
 * A bit for each pair of characters that opens a form of two or more
 * (hashed to PAIR_BITS bits, 128 KB): the pieces of a window with the
 * candidate in them are mostly no word, and a random pair seldom finds
 * its bit set, where edges passes most.
 */
#define PAIR_BITS 20
static unsigned char *pair_opens;

static size_t
pair_bit(int32_t a, int32_t b)
{
	return lm_slot((uint64_t)a << 16 | (uint64_t)b, ((size_t)1 <<
	    PAIR_BITS) - 1);
}
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
load(void)
{
	const unsigned char *p = sp_data_wordbigram, *end;
	uint32_t nforms, nbigrams, i, w;
	size_t size = 1, h, need;
	uint64_t key;
	unsigned len, k;

	end = p + sp_data_wordbigram_len;
	if (end - p < 18 || memcmp(p, "SPWB1\n", 6) != 0)
		return;		/* no model: every word unknown */
	nwords = lm_u32(p + 6);
	nforms = lm_u32(p + 10);
	nbigrams = lm_u32(p + 14);
	p += 18;
	need = 2 * (size_t)nwords + 4 * ((size_t)nwords + 1);
	if ((size_t)(end - p) < need)
		return;
	word_costs = p;
	row_start = p + 2 * (size_t)nwords;
	p += need;
	while (size < (size_t)nforms * 2)
		size <<= 1;
	/* One table, in huge pages where the system gives them. */
	keys = sp_table_zeroed(size * sizeof *keys + size * sizeof *key_word +
	    0x10000 * sizeof *single + 0x10000 + ((size_t)1 << (PAIR_BITS -
	    3)));
	key_word = (uint32_t *)(keys + size);
	single = key_word + size;
	edges = (unsigned char *)(single + 0x10000);
	pair_opens = edges + 0x10000;
	for (i = 0; i < 0x10000; i++)
		single[i] = NONE;
	mask = size - 1;
	for (i = 0; i < nforms; i++) {
		if (end - p < 6 || (len = p[0]) == 0 || len > LONGEST ||
		    (size_t)(end - p) < 6 + 2 * (size_t)len ||
		    (w = lm_u32(p + 2)) >= nwords)
			goto broken;
		for (key = 0, k = 0; k < len; k++)
			key = key << 16 | lm_u16(p + 6 + 2 * k);
		for (h = lm_slot(key, mask); keys[h] != 0; h = (h + 1) & mask)
			;
		keys[h] = key;
		key_word[h] = w;
		if (len == 1) {
			single[lm_u16(p + 6)] = w;
		} else {
			h = pair_bit((int32_t)lm_u16(p + 6),
			    (int32_t)lm_u16(p + 8));
			pair_opens[h >> 3] |= (unsigned char)(1u << (h & 7));
		}
		edges[lm_u16(p + 6)] |= OPENS_AT(len);
		edges[lm_u16(p + 6 + 2 * (len - 1))] |= ENDS_AT(len);
		p += 6 + 2 * (size_t)len;
	}
	if ((size_t)(end - p) < 4 * (size_t)nbigrams ||
	    lm_u32(row_start + 4 * (size_t)nwords) != nbigrams)
		goto broken;
	/* Each word's bigrams within the file, in order. */
	for (i = 0; i < nwords; i++)
		if (lm_u32(row_start + 4 * (size_t)i) >
		    lm_u32(row_start + 4 * ((size_t)i + 1)))
			goto broken;
	pairs = p;
	return;
broken:
	mask = 0;	/* a broken file: no model */
}

/*
 * The pieces word_of() looked up last, a slot for each (direct-mapped, a
 * few KB that stay in the cache): of the windows a choice costs, which
 * differ in one character, the pieces that do not hold it are looked up
 * again for each candidate, in a table of megabytes.
 */
#define SEEN 1024
static _Thread_local struct seen {
	uint64_t key;	/* 0: an empty slot */
	uint32_t w;
} seen_words[SEEN];

/* The word written cps[0..len), or NONE. */
static uint32_t
word_of(const int32_t *cps, size_t len)
{
	uint64_t key = 0;
	size_t h, k;
	struct seen *seen;

	if (len == 1)
		return cps[0] > 0 && cps[0] <= 0xFFFF ? single[cps[0]] : NONE;
	if (cps[0] <= 0 || cps[0] > 0xFFFF || cps[len - 1] <= 0 ||
	    cps[len - 1] > 0xFFFF || !(edges[cps[0]] & OPENS_AT(len)) ||
	    !(edges[cps[len - 1]] & ENDS_AT(len)))
		return NONE;
	h = pair_bit(cps[0], cps[1]);
	if (!(pair_opens[h >> 3] >> (h & 7) & 1))
		return NONE;
	for (k = 0; k < len; k++) {
		if (cps[k] <= 0 || cps[k] > 0xFFFF)
			return NONE;
		key = key << 16 | (uint64_t)cps[k];
	}
	seen = &seen_words[lm_slot(key, SEEN - 1)];
	if (seen->key == key)
		return seen->w;
	seen->key = key;
	seen->w = NONE;
	for (h = lm_slot(key, mask); keys[h] != 0; h = (h + 1) & mask)
		if (keys[h] == key)
			return seen->w = key_word[h];
	return NONE;
}

/*
 * The pairs word_after() found last, a slot for each (direct-mapped): the
 * windows a choice costs differ in one character, so the pairs of the
 * words around it are asked again for each candidate, and a search of a
 * common word's bigrams reads far in the file.
 */
#define RECENT 4096
static _Thread_local struct recent {
	uint32_t before, w;	/* w NONE: an empty slot */
	double cost;
} recent[RECENT];
static _Thread_local int recent_ready;

/* The cost, in bits, of word w after word before (NONE: after nothing). */
static double
word_after(uint32_t before, uint32_t w)
{
	uint32_t lo, hi, mid, b;
	const unsigned char *e;
	struct recent *r;
	double cost;
	size_t k;

	if (before == NONE)
		return word_costs[2 * (size_t)w] / 8.0;
	if (!recent_ready) {
		for (k = 0; k < RECENT; k++)
			recent[k].w = NONE;
		recent_ready = 1;
	}
	r = &recent[(before * 2654435761u ^ w) % RECENT];
	if (r->before == before && r->w == w)
		return r->cost;
	lo = lm_u32(row_start + 4 * (size_t)before);
	hi = lm_u32(row_start + 4 * ((size_t)before + 1));
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		e = pairs + 4 * (size_t)mid;
		b = e[1] | (uint32_t)e[2] << 8 | (uint32_t)e[3] << 16;
		if (b == w)
			break;
		if (b < w)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < hi)
		cost = e[0] / 8.0;
	else	/* backed off: the weight after before, then w alone */
		cost = (word_costs[2 * (size_t)before + 1] - 128) / 8.0 +
		    word_costs[2 * (size_t)w] / 8.0;
	*r = (struct recent){ before, w, cost };
	return cost;
}

double
wordbigram_cost(const int32_t *cps, size_t n)
{
	int32_t s[WINDOW];
	/*
	 * The likeliest cut of s[0..i) ending in each word: at most one a
	 * length, and NONE (after a character the model lacks).
	 */
	struct state {
		uint32_t last;
		double cost;
	} at[WINDOW + 1][LONGEST + 1];
	size_t nat[WINDOW + 1], m = 0, i, len, k, j;
	uint32_t w;
	double c, best;

	(void)pthread_once(&once, load);
	for (i = 0; i < n && m < WINDOW; i++)
		if (cps[i] != 0)
			s[m++] = cps[i];
	nat[0] = 1;
	at[0][0] = (struct state){ NONE, 0 };
	for (i = 1; i <= m; i++) {
		nat[i] = 0;
		for (len = 1; len <= LONGEST && len <= i; len++) {
			w = mask ? word_of(s + i - len, len) : NONE;
			if (w == NONE && len > 1)
				continue;
			best = -1;
			for (k = 0; k < nat[i - len]; k++) {
				const struct state *from = &at[i - len][k];

				if (w != NONE)
					c = word_after(from->last, w);
				else if (sp_is_han(s[i - 1]))
					c = COST_NO_WORD;
				else
					c = charlm_cost(i > 1 ? s[i - 2] : 0,
					    s[i - 1]);
				c += from->cost;
				if (best < 0 || c < best)
					best = c;
			}
			if (best < 0)
				continue;
			/* A character the model lacks: one NONE state. */
			for (j = 0; j < nat[i]; j++)
				if (at[i][j].last == w)
					break;
			if (j == nat[i])
				at[i][nat[i]++] = (struct state){ w, best };
			else if (best < at[i][j].cost)
				at[i][j].cost = best;
		}
	}
	best = 0;
	for (k = 0; k < nat[m]; k++)
		if (k == 0 || at[m][k].cost < best)
			best = at[m][k].cost;
	return best;
}
