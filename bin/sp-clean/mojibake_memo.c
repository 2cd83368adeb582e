/* mojibake_memo.c: the searches' answers remembered; see mojibake_memo.h. */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "mojibake_memo.h"
#include "text.h"

/*
 * Slots per thread: some 1 MB.  A page garbled throughout asks a thousand
 * distinct questions or more, and the pages of one site ask their
 * furniture's again and again: with the 1,024 slots of a page's worth,
 * the hundred Common Crawl pages of tests/data asked most of theirs anew
 * each time they came round.
 */
#define SLOTS 16384

struct slot {
	struct memo_key key;
	struct memo_val val;
	int used;
};

static _Thread_local struct slot *table;

static size_t
slot_of(const struct memo_key *key)
{
	return (size_t)(XXH3_64bits(key, sizeof *key) % SLOTS);
}

int
memo_get(const struct memo_key *key, struct memo_val *val)
{
	const struct slot *s;

	if (table == NULL)
		return 0;
	s = &table[slot_of(key)];
	if (!s->used || memcmp(&s->key, key, sizeof *key) != 0)
		return 0;
	*val = s->val;
	return 1;
}

void
memo_put(const struct memo_key *key, const struct memo_val *val)
{
	struct slot *s;

	/* calloc: the pages of slots never used are never touched. */
	if (table == NULL && (table = calloc(SLOTS, sizeof *table)) == NULL)
		sp_oom();
	s = &table[slot_of(key)];
	s->key = *key;
	s->val = *val;
	s->used = 1;
}

void
memo_free(void)
{
	free(table);
	table = NULL;
}
