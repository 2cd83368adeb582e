/* lsh.c: a multimap of band keys; see lsh.h.  Key 0 marks an empty slot. */
#include <stdlib.h>

#include "lsh.h"

void
lsh_init(struct lsh *l)
{
	l->slot = NULL;
	l->cap = l->count = 0;
}

void
lsh_free(struct lsh *l)
{
	free(l->slot);
	lsh_init(l);
}

static void
place(struct lsh_slot *t, size_t mask, struct lsh_slot s)
{
	size_t i;

	for (i = s.key & mask; t[i].key; i = (i + 1) & mask)
		;
	t[i] = s;
}

int
lsh_add(struct lsh *l, uint64_t key, uint64_t id)
{
	struct lsh_slot *t, s;
	size_t i, cap;

	if ((l->count + 1) * 4 > l->cap * 3) {
		cap = l->cap ? l->cap * 2 : 1024;
		if ((t = calloc(cap, sizeof *t)) == NULL)
			return -1;
		for (i = 0; i < l->cap; i++)
			if (l->slot[i].key)
				place(t, cap - 1, l->slot[i]);
		free(l->slot);
		l->slot = t;
		l->cap = cap;
	}
	s.key = lsh_key(key);
	s.id = id;
	place(l->slot, l->cap - 1, s);
	l->count++;
	return 0;
}

int
lsh_each(const struct lsh *l, uint64_t key, int (*fn)(uint64_t, void *),
    void *ctx)
{
	size_t i, mask;
	int r;

	if (l->cap == 0)
		return 0;
	key = lsh_key(key);
	mask = l->cap - 1;
	for (i = key & mask; l->slot[i].key; i = (i + 1) & mask)
		if (l->slot[i].key == key && (r = fn(l->slot[i].id, ctx)))
			return r;
	return 0;
}
