/*
 * tablepart.h: the parts of a table that a build writes and a run reads
 * in place (model_table.c, quickscore.c): each part n bytes of an array,
 * padded to a multiple of 8, so that every part is 8-byte aligned in a
 * table that is.
 */
#ifndef SP_CLEAN_TABLEPART_H
#define SP_CLEAN_TABLEPART_H
#include <stddef.h>
#include <string.h>

/* n bytes rounded up to a multiple of 8. */
static inline size_t
part_pad(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Copies n bytes of from to t + *at, when there is a table (t is NULL
 * while the table is measured); moves *at past the part. */
static inline void
part_put(unsigned char *t, size_t *at, const void *from, size_t n)
{
	if (t != NULL && n > 0)
		memcpy(t + *at, from, n);
	*at += part_pad(n);
}

/* The part of n bytes at t + *at, or NULL when it would pass len; moves
 * *at past it. */
static inline const void *
part_get(const unsigned char *t, size_t len, size_t *at, size_t n)
{
	const void *p = t + *at;

	if (*at > len || n > len || part_pad(n) > len - *at)
		return NULL;
	*at += part_pad(n);
	return p;
}

#endif
