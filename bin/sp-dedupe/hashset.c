/*
 * hashset.c: open addressing with linear probing over fingerprints that
 * are already uniformly random, so a slot's home is just the low bits.
 * See hashset.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hashset.h"

#define MIN_CAP 1024

/* The all-zero key marks an empty slot; a real one is moved off it. */
static struct fp
canon(struct fp k)
{
	if (k.lo == 0 && k.hi == 0)
		k.lo = 1;
	return k;
}

static int
is_empty(const struct fp *k)
{
	return k->lo == 0 && k->hi == 0;
}

void
hashset_init(struct hashset *s, int with_values)
{
	memset(s, 0, sizeof *s);
	s->with_values = with_values;
}

void
hashset_free(struct hashset *s)
{
	int with_values = s->with_values;

	free(s->keys);
	free(s->vals);
	hashset_init(s, with_values);
}

/*
 * Doubles the table in place.  The new half starts empty; each old member
 * is then moved to its slot in the doubled table, probing past slots
 * already settled (marked in a bitmap) and evicting any old member not yet
 * moved from the slot it takes, which is then moved in turn.
 */
static int
grow(struct hashset *s)
{
	size_t old = s->cap, cap = old ? old * 2 : MIN_CAP, mask = cap - 1;
	size_t j, i;
	uint64_t *settled;
	struct fp *keys, k, t;
	uint64_t *vals = NULL, v = 0, tv;

	if (cap > SIZE_MAX / 2 / sizeof *keys)
		return errno = ENOMEM, -1;
	settled = calloc(cap / 64 + 1, sizeof *settled);
	if (settled == NULL)
		return -1;
	keys = realloc(s->keys, cap * sizeof *keys);
	if (keys == NULL) {
		free(settled);
		return -1;
	}
	s->keys = keys;
	if (s->with_values) {
		vals = realloc(s->vals, cap * sizeof *vals);
		if (vals == NULL) {
			/* Keys grew but values did not: stay at the old size. */
			free(settled);
			return -1;
		}
		s->vals = vals;
	}
	memset(keys + old, 0, (cap - old) * sizeof *keys);
	for (j = 0; j < old; j++) {
		if (is_empty(&keys[j]) || (settled[j / 64] >> (j % 64) & 1))
			continue;
		k = keys[j];
		if (vals)
			v = vals[j];
		memset(&keys[j], 0, sizeof keys[j]);
		for (;;) {
			i = k.lo & mask;
			while (settled[i / 64] >> (i % 64) & 1)
				i = (i + 1) & mask;
			settled[i / 64] |= 1ULL << (i % 64);
			if (i < old && !is_empty(&keys[i])) {
				t = keys[i], keys[i] = k, k = t;
				if (vals)
					tv = vals[i], vals[i] = v, v = tv;
				continue;
			}
			keys[i] = k;
			if (vals)
				vals[i] = v;
			break;
		}
	}
	free(settled);
	s->cap = cap;
	return 0;
}

int
hashset_add(struct hashset *s, struct fp k, uint64_t v, uint64_t *old)
{
	size_t i, mask;

	k = canon(k);
	if (s->count + 1 > s->cap / 5 * 4 && grow(s) < 0)
		return -1;
	mask = s->cap - 1;
	for (i = k.lo & mask; !is_empty(&s->keys[i]); i = (i + 1) & mask)
		if (s->keys[i].lo == k.lo && s->keys[i].hi == k.hi) {
			if (old)
				*old = s->vals ? s->vals[i] : 0;
			return 0;
		}
	s->keys[i] = k;
	if (s->vals)
		s->vals[i] = v;
	s->count++;
	return 1;
}

uint64_t *
hashset_find(const struct hashset *s, struct fp k)
{
	static uint64_t dummy;
	size_t i, mask;

	if (s->cap == 0)
		return NULL;
	k = canon(k);
	mask = s->cap - 1;
	for (i = k.lo & mask; !is_empty(&s->keys[i]); i = (i + 1) & mask)
		if (s->keys[i].lo == k.lo && s->keys[i].hi == k.hi)
			return s->vals ? &s->vals[i] : &dummy;
	return NULL;
}

int
hashset_next(const struct hashset *s, size_t *i, struct fp *k, uint64_t *v)
{
	for (; *i < s->cap; (*i)++)
		if (!is_empty(&s->keys[*i])) {
			*k = s->keys[*i];
			*v = s->vals ? s->vals[*i] : 0;
			(*i)++;
			return 1;
		}
	return 0;
}

size_t
hashset_bytes(const struct hashset *s)
{
	return s->cap * (sizeof *s->keys + (s->vals ? sizeof *s->vals : 0));
}
