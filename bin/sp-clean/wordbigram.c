/* wordbigram.c: a word bigram language model of Chinese; see wordbigram.h. */
#include <pthread.h>
#include <string.h>

#include "charlm.h"
#include "cjk.h"
#include "embed.h"
#include "lmtable.h"
#include "wordbigram.h"

SP_DATA(wordbigram_table);

/* The longest window wordbigram_cost() is asked about. */
#define WINDOW 16
/* A Han character the model has no word for: rarer than its rarest. */
#define COST_NO_WORD 26.0
/* No word: the state after a character the model lacks. */
#define NONE LM_NO_WORD

/*
 * The table of lmtable.h and the file after it, read in place: the
 * words' costs and back-off weights, the start of each word's bigrams,
 * and the bigrams, which a binary search finds among those of their
 * first word; the written forms in an open-addressed hash table keyed by
 * their code points packed 16 bits each (as in wordlm.c), with their
 * words.
 */
static const unsigned char *word_costs;	/* nwords x (cost, back-off) */
static const unsigned char *row_start;	/* nwords + 1 x u32 */
static const unsigned char *pairs;	/* nbigrams x 4 bytes */
static const unsigned char *keys;	/* u64 each */
static const unsigned char *key_word;	/* u32 each */
static size_t mask;			/* table size - 1; 0: no model */
/*
 * For each BMP code point, the lengths of the forms it opens and closes
 * (as in wordlm.c): a look-up in 64 KB refuses most pieces of a window
 * before the table is read.
 */
static const unsigned char *edges;
/* The word of each BMP code point written alone (u32), or NONE: most
 * pieces of a window are one character, and this is read without the
 * table. */
static const unsigned char *single;
/*
 * A bit for each pair of characters that opens a form of two or more
 * (lm_pair_bit(), 128 KB): the pieces of a window with the candidate in
 * them are mostly no word, and a random pair seldom finds its bit set,
 * where edges passes most.
 */
static const unsigned char *pair_opens;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/*
 * Points the model into its table; leaves mask 0 (no model) when the
 * table does not hold together (the generator checked the file whole).
 */
static void
load(void)
{
	const unsigned char *t = sp_data_wordbigram_table, *file;
	size_t len = sp_data_wordbigram_table_len;
	uint64_t size, file_len, pairs_at;
	uint32_t nwords, nbigrams;

	if (len < WORDBIGRAM_TABLE_HEAD ||
	    memcmp(t, WORDBIGRAM_TABLE_MAGIC, 8) != 0)
		return;		/* no model: every word unknown */
	size = lm_u64_native(t + 8);
	file_len = lm_u64_native(t + 16);
	pairs_at = lm_u64_native(t + 24);
	if (size < 2 || (size & (size - 1)) != 0 || file_len < 18 ||
	    len != wordbigram_file_at(size) + file_len)
		return;
	file = t + wordbigram_file_at(size);
	nwords = lm_u32(file + 6);
	nbigrams = lm_u32(file + 14);
	if (18 + 6 * (size_t)nwords + 4 > pairs_at ||
	    pairs_at + 4 * (size_t)nbigrams != file_len)
		return;
	word_costs = file + 18;
	row_start = word_costs + 2 * (size_t)nwords;
	pairs = file + pairs_at;
	keys = t + WORDBIGRAM_TABLE_HEAD;
	key_word = t + wordbigram_words_at(size);
	single = t + wordbigram_single_at(size);
	edges = t + wordbigram_edges_at(size);
	pair_opens = t + wordbigram_pairs_at(size);
	mask = size - 1;
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
		return cps[0] > 0 && cps[0] <= 0xFFFF ?
		    lm_u32_native(single + 4 * (size_t)cps[0]) : NONE;
	if (cps[0] <= 0 || cps[0] > 0xFFFF || cps[len - 1] <= 0 ||
	    cps[len - 1] > 0xFFFF || !(edges[cps[0]] & LM_OPENS_AT(len)) ||
	    !(edges[cps[len - 1]] & LM_ENDS_AT(len)))
		return NONE;
	h = lm_pair_bit(cps[0], cps[1]);
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
	for (h = lm_slot(key, mask); lm_u64_native(keys + 8 * h) != 0;
	    h = (h + 1) & mask)
		if (lm_u64_native(keys + 8 * h) == key)
			return seen->w = lm_u32_native(key_word + 4 * h);
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
	} at[WINDOW + 1][LM_LONGEST + 1];
	size_t nat[WINDOW + 1], m = 0, i, len, k, j;
	uint32_t w;
	double c, best;

	(void)pthread_once(&once, load);
	m = lm_window(cps, n, s, WINDOW);
	nat[0] = 1;
	at[0][0] = (struct state){ NONE, 0 };
	for (i = 1; i <= m; i++) {
		nat[i] = 0;
		for (len = 1; len <= LM_LONGEST && len <= i; len++) {
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
