/*
 * minhash.h: MinHash signatures of texts over character shingles, and the
 * LSH banding that finds candidate near-duplicates among them.
 *
 * A text is folded (fold.h, keeping words apart) and cut into tokens: each
 * CJK character is a token, and so is each run of word characters (a Latin
 * word or a number).  A shingle is a run of `shingle` consecutive tokens;
 * a text with fewer tokens has one shingle, the whole text.  Each shingle
 * is hashed with XXH3 (fixed seed) to 32 bits, and the signature keeps,
 * for each of MH_PERMS fixed permutations of the 32-bit values (an xor
 * with a fixed random key, then the murmur3 finalizer, both bijections),
 * the least permuted value.  The fraction of equal positions in two
 * signatures estimates the Jaccard similarity of their shingle sets.  A
 * text of one shingle has its signature made from the shingle's 64-bit
 * hash, each position mixed apart (one 32-bit value for all 128 made
 * distinct texts alike when it collided).  All
 * of it is integer arithmetic with constants fixed here, so signatures are
 * the same on every run and every machine.
 */
#ifndef DEDUPE_MINHASH_H
#define DEDUPE_MINHASH_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define MH_PERMS 128

struct minhasher {
	int shingle;
	unsigned fold_flags;
	struct sp_buf folded;
	size_t *tok;		/* token start offsets in folded, then its end */
	size_t ntok, captok;
};

void mh_init(struct minhasher *m, int shingle, unsigned fold_flags);
void mh_free(struct minhasher *m);
/* Computes sig for s[0..n).  Returns the number of shingles, -1 on ENOMEM. */
long mh_signature(struct minhasher *m, const char *s, size_t n,
    uint32_t sig[MH_PERMS]);
/* The estimated Jaccard similarity of two signatures, in [0, 1]. */
double mh_similarity(const uint32_t *a, const uint32_t *b);

/*
 * The banding for threshold t: the most rows per band (so the fewest
 * chance candidates) such that a pair whose similarity is exactly t becomes
 * a candidate with probability at least 0.99, using bands * rows <=
 * MH_PERMS positions.
 */
void mh_banding(double t, int *bands, int *rows);
/* The probability that a pair of similarity s shares at least one band. */
double mh_candidate_probability(double s, int bands, int rows);
/* The key of band b (rows positions from b * rows), with b mixed in. */
uint64_t mh_band_key(const uint32_t *sig, int b, int rows);

#endif
