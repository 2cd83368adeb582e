/* mojibake_cache.c: the text's own characters; see mojibake_cache.h. */
#include <math.h>
#include <string.h>

#include "charlm.h"
#include "cjk.h"
#include "mojibake_cache.h"
#include "utf8.h"

/*
 * The weight of the cache in the mix: the share of a text's characters
 * that repeat what it wrote before rather than follow the model of text
 * at large.  A tenth is what cache models of words were found to take
 * (Kuhn and De Mori's 0.1 to 0.2); set so before any measure, not tuned.
 */
#define CACHE_SHARE 0.1

/* Distinct characters counted, at most: a line's worth, and a hash table
 * twice as large, open addressing. */
#define CACHE_SLOTS 1024

static _Thread_local struct {
	int32_t cp[CACHE_SLOTS];	/* 0: empty */
	unsigned count[CACHE_SLOTS];
	size_t distinct, total;
	size_t script[3];	/* characters by charlm_script() */
} cache;

void
cache_clear(void)
{
	memset(&cache, 0, sizeof cache);
}

/* The slot of cp: where it is, or the empty one where it would go. */
static size_t
slot(int32_t cp)
{
	size_t h = ((uint32_t)cp * 2654435761u) % CACHE_SLOTS;

	while (cache.cp[h] != 0 && cache.cp[h] != cp)
		h = (h + 1) % CACHE_SLOTS;
	return h;
}

void
cache_add_utf8(const unsigned char *b, size_t n)
{
	size_t i = 0, m, h;
	int32_t cp;

	while (i < n) {
		m = sp_utf8_decode(b + i, n - i, &cp, NULL);
		if (m == 0)
			m = 1;
		i += m;
		if (cp == SP_REPLACEMENT || !sp_is_han(cp))
			continue;
		cache.script[charlm_script(cp)]++;
		h = slot(cp);
		if (cache.cp[h] == 0) {
			/* Full (half the slots): the rest is not counted. */
			if (cache.distinct >= CACHE_SLOTS / 2)
				continue;
			cache.cp[h] = cp;
			cache.distinct++;
		}
		cache.count[h]++;
		cache.total++;
	}
}

double
cache_bonus(int32_t c)
{
	size_t h;
	double share;

	if (cache.total == 0 || !sp_is_han(c))
		return 0;
	h = slot(c);
	if (cache.cp[h] != c)
		return 0;
	share = (double)cache.count[h] / (double)cache.total;
	return log2(1 + CACHE_SHARE / (1 - CACHE_SHARE) * share *
	    exp2(charlm_unigram(c)));
}


int
cache_script(void)
{
	if (cache.script[1] > 0 && cache.script[2] == 0)
		return 1;
	if (cache.script[2] > 0 && cache.script[1] == 0)
		return 2;
	return 0;
}
