/*
 * lsh.h: the in-memory band index of near mode: band keys to the numbers
 * of the kept units that have them, a multimap in one open-addressing
 * table (a key appears once per unit having it).
 */
#ifndef DEDUPE_LSH_H
#define DEDUPE_LSH_H
#include <stddef.h>
#include <stdint.h>

struct lsh_slot {
	uint64_t key;
	uint64_t id;
};

struct lsh {
	struct lsh_slot *slot;
	size_t cap, count;
};

/*
 * Key 0 marks an empty slot, so 0 is stored as 1: two keys that differ
 * only so are one key here, and --emit-keys writes them as lsh_key() does
 * to make the same candidates.
 */
static inline uint64_t
lsh_key(uint64_t k)
{
	return k ? k : 1;
}

void lsh_init(struct lsh *l);
void lsh_free(struct lsh *l);
/* Returns 0, or -1 when out of memory. */
int lsh_add(struct lsh *l, uint64_t key, uint64_t id);
/*
 * Calls fn(id, ctx) for each unit with key, until fn returns non-zero;
 * returns that value or 0.
 */
int lsh_each(const struct lsh *l, uint64_t key, int (*fn)(uint64_t, void *),
    void *ctx);

#endif
