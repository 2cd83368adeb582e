/*
 * hashset.h: a set of 128-bit fingerprints, optionally with a 64-bit value
 * each, in one open-addressing table.
 *
 * The set holds fingerprints, never text: 16 bytes a slot (24 with
 * values), at most 80% full, so never more than 40 bytes (60 with values)
 * per member.  It grows by doubling in place: the table is realloc'ed and
 * rehashed where it lies, so growing never needs the old and the new table
 * at once.  Out of memory is reported by a -1 return.
 */
#ifndef DEDUPE_HASHSET_H
#define DEDUPE_HASHSET_H
#include <stddef.h>
#include <stdint.h>

struct fp {
	uint64_t lo, hi;
};

struct hashset {
	struct fp *keys;
	uint64_t *vals;		/* NULL unless made with values */
	int with_values;
	size_t cap;		/* a power of two, or 0 */
	size_t count;
};

/* with_values: keep a value per member. */
void hashset_init(struct hashset *s, int with_values);
void hashset_free(struct hashset *s);

/*
 * Adds k.  Returns 1 if it was new (its value set to v), 0 if it was there
 * already (*old, when not NULL, gets its value), -1 when out of memory.
 */
int hashset_add(struct hashset *s, struct fp k, uint64_t v, uint64_t *old);
/* Returns a pointer to k's value (or to a dummy without values), or NULL. */
uint64_t *hashset_find(const struct hashset *s, struct fp k);

/* Iterates: *i starts at 0; returns 0 when done. */
int hashset_next(const struct hashset *s, size_t *i, struct fp *k,
    uint64_t *v);

/* Bytes allocated. */
size_t hashset_bytes(const struct hashset *s);

#endif
