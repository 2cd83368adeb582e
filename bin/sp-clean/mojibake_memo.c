/* mojibake_memo.c: the searches' answers remembered; see mojibake_memo.h. */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "mojibake_memo.h"
#include "text.h"

/* Slots per thread: some 60 KB, a page's worth of distinct spans. */
#define SLOTS 1024

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

	if (table == NULL) {
		table = sp_xmalloc(SLOTS * sizeof *table);
		memset(table, 0, SLOTS * sizeof *table);
	}
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
