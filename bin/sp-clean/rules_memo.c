/* rules_memo.c: the patterns' matches of lines, remembered; see rules_memo.h. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "rules_memo.h"
#include "tool.h"

/* Slots of a table (a power of two): some 720 KB, and 32 KB of keys. */
#define SLOTS 4096

struct rules_memo_slot {
	uint8_t len;		/* of the line */
	uint8_t nhits;
	char line[RULES_MEMO_LINE];
	struct rules_memo_hit hit[RULES_MEMO_HITS];
};

_Static_assert(RULES_MEMO_LINE <= UINT8_MAX, "a line's length fits");

/* The key of line[0..n): never 0, which marks an empty slot. */
static uint64_t
key_of(const char *line, size_t n)
{
	return XXH3_64bits(line, n) | 1;
}

/* The slot of a key, from bits the | 1 left alone. */
static size_t
slot_of(uint64_t key)
{
	return (size_t)(key >> 1) & (SLOTS - 1);
}

uint64_t
rules_memo_key(const struct rules_memo *m, const char *line, size_t n)
{
	uint64_t key;

	if (n == 0 || n > RULES_MEMO_LINE)
		return 0;
	key = key_of(line, n);
	if (m->slot != NULL) {
		__builtin_prefetch(&m->key[slot_of(key)]);
		__builtin_prefetch(&m->slot[slot_of(key)]);
	}
	return key;
}

int
rules_memo_get(const struct rules_memo *m, uint64_t key, const char *line,
    size_t n, struct rules_memo_hit hits[RULES_MEMO_HITS])
{
	const struct rules_memo_slot *s;

	if (key == 0 || m->slot == NULL || m->key[slot_of(key)] != key)
		return -1;
	/* The bytes decide; the key only finds the slot. */
	s = &m->slot[slot_of(key)];
	if (s->len != n || memcmp(s->line, line, n) != 0)
		return -1;
	memcpy(hits, s->hit, s->nhits * sizeof *hits);
	return s->nhits;
}

void
rules_memo_put(struct rules_memo *m, uint64_t key, const char *line,
    size_t n, const struct rules_memo_hit *hits, size_t nhits)
{
	struct rules_memo_slot *s;

	if (key == 0 || nhits > RULES_MEMO_HITS || m->off)
		return;
	if (m->slot == NULL) {
		m->key = sp_xmalloc(SLOTS * sizeof *m->key);
		m->slot = sp_xmalloc(SLOTS * sizeof *m->slot);
		rules_memo_clear(m);
	}
	m->key[slot_of(key)] = key;
	s = &m->slot[slot_of(key)];
	s->len = (uint8_t)n;
	s->nhits = (uint8_t)nhits;
	memcpy(s->line, line, n);
	memcpy(s->hit, hits, nhits * sizeof *hits);
}

void
rules_memo_clear(struct rules_memo *m)
{
	if (m->key != NULL)
		memset(m->key, 0, SLOTS * sizeof *m->key);
}

void
rules_memo_free(struct rules_memo *m)
{
	free(m->key);
	free(m->slot);
	m->key = NULL;
	m->slot = NULL;
}
