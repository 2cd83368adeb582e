/*
 * mojibake_beam.h: the few likeliest candidates for a lost byte, kept
 * while the repairs (mojibake_shift.c) look at every byte value.
 *
 * Two characters that each lost a byte make some 126 x 126 pairs; the
 * full cost of a pair (choice_cost(), the word model's and the bigram
 * model's) took most of a millisecond per span on every pair.  Each end
 * is first costed alone with the text on its side, and only the BEAM
 * cheapest of each are paired: the pair the full cost chooses is nearly
 * always made of ends that read well with their own side.
 */
#ifndef SP_CLEAN_MOJIBAKE_BEAM_H
#define SP_CLEAN_MOJIBAKE_BEAM_H
#include <stddef.h>
#include <stdint.h>

/*
 * How many candidates of one end are kept (BEAM), and of a character
 * lost whole, whose candidates are costed by the bigram model alone
 * (BEAM_WHOLE).
 */
#define BEAM 12
#define BEAM_WHOLE 64
/* Room for a second beam merged into one of BEAM_WHOLE. */
#define BEAM_ROOM (BEAM_WHOLE + BEAM)

struct beam {
	size_t n, size, worst;
	double cost[BEAM_ROOM];
	int32_t c[BEAM_ROOM];	/* the character */
	unsigned byte[BEAM_ROOM];	/* the byte restored in it */
	unsigned byte2[BEAM_ROOM];	/* a second one, where both were lost */
};

/* An empty beam that keeps size candidates (at most BEAM_WHOLE). */
static inline void
beam_init(struct beam *b, size_t size)
{
	b->n = 0;
	b->size = size;
	b->worst = 0;
}

/*
 * Offers c (made with byte and byte2) at cost: kept when among the
 * cheapest so far; of equal costs, the first offered.
 */
static inline void
beam_add(struct beam *b, double cost, int32_t c, unsigned byte,
    unsigned byte2)
{
	size_t k;

	if (b->n < b->size) {
		k = b->n++;
	} else if (cost < b->cost[b->worst]) {
		k = b->worst;
	} else {
		return;	/* most candidates, at the cost of one test */
	}
	b->cost[k] = cost;
	b->c[k] = c;
	b->byte[k] = byte;
	b->byte2[k] = byte2;
	if (b->n < b->size)
		return;
	/* Full: which one the next cheaper candidate replaces. */
	for (b->worst = 0, k = 1; k < b->n; k++)
		if (b->cost[k] > b->cost[b->worst])
			b->worst = k;
}

/*
 * Adds to b (of at most BEAM_WHOLE) the candidates of other (of at most
 * BEAM) it lacks; b is then only for reading.
 */
static inline void
beam_merge(struct beam *b, const struct beam *other)
{
	size_t i, j;

	for (i = 0; i < other->n && b->n < BEAM_ROOM; i++) {
		for (j = 0; j < b->n; j++)
			if (b->byte[j] == other->byte[i] &&
			    b->byte2[j] == other->byte2[i])
				break;
		if (j == b->n) {
			b->cost[b->n] = other->cost[i];
			b->c[b->n] = other->c[i];
			b->byte[b->n] = other->byte[i];
			b->byte2[b->n++] = other->byte2[i];
		}
	}
}

/*
 * Puts the kept candidates back in the order they were offered in (by
 * their bytes), so that the full cost breaks ties as it did when it saw
 * every candidate.
 */
static inline void
beam_order(struct beam *b)
{
	size_t i, j;
	double cost;
	int32_t c;
	unsigned x, y;

	for (i = 1; i < b->n; i++)
		for (j = i; j > 0 && b->byte[j - 1] * 256 + b->byte2[j - 1] >
		    b->byte[j] * 256 + b->byte2[j]; j--) {
			cost = b->cost[j];
			c = b->c[j];
			x = b->byte[j];
			y = b->byte2[j];
			b->cost[j] = b->cost[j - 1];
			b->c[j] = b->c[j - 1];
			b->byte[j] = b->byte[j - 1];
			b->byte2[j] = b->byte2[j - 1];
			b->cost[j - 1] = cost;
			b->c[j - 1] = c;
			b->byte[j - 1] = x;
			b->byte2[j - 1] = y;
		}
}

#endif
