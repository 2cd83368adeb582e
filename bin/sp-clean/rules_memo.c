/* rules_memo.c: the patterns' matches of lines, remembered; see rules_memo.h. */
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "rules_memo.h"
#include "tool.h"

/* Slots of a table (a power of two): some 640 KB. */
#define SLOTS 4096

struct rules_memo_slot {
	uint64_t key;
	uint8_t len;		/* of the line; 0: an empty slot */
	uint8_t nhits;
	char line[RULES_MEMO_LINE];
	struct rules_memo_hit hit[RULES_MEMO_HITS];
};

_Static_assert(RULES_MEMO_LINE <= UINT8_MAX, "a line's length fits");

int
rules_memo_get(struct rules_memo *m, const char *line, size_t n,
    uint64_t *key, struct rules_memo_hit hits[RULES_MEMO_HITS])
{
	const struct rules_memo_slot *s;

	if (n == 0 || n > RULES_MEMO_LINE || m->slot == NULL) {
		*key = 0;
		return -1;
	}
	*key = XXH3_64bits(line, n);
	s = &m->slot[*key & (SLOTS - 1)];
	/* The bytes decide; the key only finds the slot. */
	if (s->len != n || s->key != *key || memcmp(s->line, line, n) != 0)
		return -1;
	memcpy(hits, s->hit, s->nhits * sizeof *hits);
	return s->nhits;
}

void
rules_memo_put(struct rules_memo *m, uint64_t key, const char *line,
    size_t n, const struct rules_memo_hit *hits, size_t nhits)
{
	struct rules_memo_slot *s;

	if (n == 0 || n > RULES_MEMO_LINE || nhits > RULES_MEMO_HITS)
		return;
	if (m->slot == NULL) {
		m->slot = sp_xmalloc(SLOTS * sizeof *m->slot);
		rules_memo_clear(m);
		key = XXH3_64bits(line, n);
	}
	s = &m->slot[key & (SLOTS - 1)];
	s->key = key;
	s->len = (uint8_t)n;
	s->nhits = (uint8_t)nhits;
	memcpy(s->line, line, n);
	memcpy(s->hit, hits, nhits * sizeof *hits);
}

void
rules_memo_clear(struct rules_memo *m)
{
	size_t i;

	if (m->slot == NULL)
		return;
	for (i = 0; i < SLOTS; i++)
		m->slot[i].len = 0;
}

void
rules_memo_free(struct rules_memo *m)
{
	free(m->slot);
	m->slot = NULL;
}
