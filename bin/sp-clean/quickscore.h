/*
 * quickscore.h: the boilerplate model's trees scored by bit vectors
 * (QuickScorer: Lucchese et al., SIGIR 2015), without walking them.
 *
 * Walking a tree takes a branch on every split that the data decides,
 * and about half of them mispredict.  Here each tree's leaves, left to
 * right, are the bits of a word; each split whose test fails (the value
 * goes right) clears the leaves of its left subtree; the leftmost leaf
 * left standing is the one the walk would reach.  The splits are visited
 * feature by feature in order of threshold, so those that fail for a
 * value are a prefix of its feature's list, and no split that passes is
 * looked at.  The leaves are added in the trees' order, from the base:
 * the score is the double that walking gives, bit for bit.
 */
#ifndef SP_CLEAN_QUICKSCORE_H
#define SP_CLEAN_QUICKSCORE_H
#include <stddef.h>

#include "modeltree.h"

struct quick;

/* The most leaves a tree may have to be scored here. */
#define QUICK_MAX_LEAVES 32

/*
 * Builds the scorer of the ntrees trees of nodes, tree t's nodes
 * nodes[roots[t]..roots[t + 1]), its root first (each checked to be a
 * tree), in *q.  Returns 0, with *q NULL when a tree has more than
 * QUICK_MAX_LEAVES leaves, or -1 when out of memory.
 */
int quick_new(const struct node *nodes, const size_t *roots, size_t ntrees,
    struct quick **q);
void quick_free(struct quick *q);

/*
 * q as a table, to be read in place by quick_in_place() in a build of
 * the same sources (gen/table-boilerplate.model.c): writes it at t
 * (8-byte aligned) when t is not NULL, and returns its bytes.
 */
size_t quick_put(const struct quick *q, unsigned char *t);
/*
 * The scorer of the table t[0..len) (8-byte aligned), its arrays read in
 * place, or NULL when t is not one; quick_free() frees it, not t.
 */
struct quick *quick_in_place(const unsigned char *t, size_t len);

/* base plus the leaves x reaches, NAN for a missing value. */
double quick_score(const struct quick *q, double base, const float *x);

/*
 * quick_score() of n feature vectors x[0..n) into score[0..n), each the
 * very double that quick_score() gives; QUICK_LANES of them at a time
 * share the walk of the splits, a vector lane each.
 */
#define QUICK_LANES 8
void quick_score_many(const struct quick *q, double base,
    const float *const *x, size_t n, double *score);

/*
 * With on, quick_score_many() keeps to the vectors every machine has
 * even where it would take AVX2's (for the tests, which compare both).
 */
void quick_generic_only(int on);

#endif
