/* quickscore.c: the model's trees scored by bit vectors; see quickscore.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "quickscore.h"
#include "tablepart.h"

/* Trees scored together, their bit vectors on the stack. */
#define CHUNK 256

/* A split: when a value is above thr, tree's leaves &= mask. */
struct split {
	float thr;
	uint32_t mask;
	uint16_t tree;		/* in its chunk */
};

/*
 * The splits of one feature in one chunk: splits[first..nan), by
 * threshold, the last an INFINITY that no value is above; then
 * splits[nan..end), those that send a missing value right.
 */
struct list {
	uint32_t first, nan, end;
	int32_t feat;
};

struct quick {
	size_t ntrees;
	struct split *splits;
	struct list *lists;
	size_t *chunk;		/* chunk k's lists: lists[chunk[k]..chunk[k+1]) */
	double *leaves;		/* each tree's leaves, left to right (floats,
				   widened once, not at every sum) */
	size_t *first_leaf;	/* tree t's: leaves[first_leaf[t]..] */
	size_t nsplits, nlists, nleaves;	/* for quick_put() */
	int in_place;		/* the arrays are a table's (quick_in_place) */
};

/* A split as gathered, before it is sorted into its feature's list. */
struct gathered {
	int32_t feat;
	float thr;
	uint32_t mask;
	uint16_t tree;
	uint8_t missing_left;
};

/*
 * Gathers the splits and leaves of the subtree at node i, in order, left
 * to right: a split's mask clears the leaves of its left subtree.  The
 * depth is bounded: a tree has at most 2 * QUICK_MAX_LEAVES - 1 nodes.
 */
static void
gather(const struct node *nodes, int32_t i, uint16_t tree, unsigned *nleaf,
    double *leaves, struct gathered *g, size_t *ng)
{
	const struct node *n = &nodes[i];
	unsigned lo, hi;
	struct gathered *s;

	if (n->feat < 0) {
		leaves[(*nleaf)++] = n->value;
		return;
	}
	lo = *nleaf;
	gather(nodes, n->left, tree, nleaf, leaves, g, ng);
	hi = *nleaf;
	/* A left subtree leaves a leaf to the right: hi - lo < 32. */
	s = &g[(*ng)++];
	s->feat = n->feat;
	s->thr = n->thr;
	s->mask = ~(((UINT32_C(1) << (hi - lo)) - 1) << lo);
	s->tree = tree;
	s->missing_left = n->missing_left;
	gather(nodes, n->right, tree, nleaf, leaves, g, ng);
}

static int
by_feature(const void *a, const void *b)
{
	const struct gathered *x = a, *y = b;

	if (x->feat != y->feat)
		return x->feat < y->feat ? -1 : 1;
	if (x->thr != y->thr)
		return x->thr < y->thr ? -1 : 1;
	return (int)x->tree - (int)y->tree;
}

/* The lists of g[0..ng), one chunk's splits, sorted, from q's ends on. */
static void
lists(struct quick *q, const struct gathered *g, size_t ng, size_t *nsplit,
    size_t *nlist)
{
	size_t i, j, k;
	struct list *l;
	struct split *s;

	for (i = 0; i < ng; i = j) {
		l = &q->lists[(*nlist)++];
		l->feat = g[i].feat;
		l->first = (uint32_t)*nsplit;
		for (j = i; j < ng && g[j].feat == g[i].feat; j++) {
			s = &q->splits[(*nsplit)++];
			s->thr = g[j].thr;
			s->mask = g[j].mask;
			s->tree = g[j].tree;
		}
		s = &q->splits[(*nsplit)++];
		s->thr = INFINITY;
		s->mask = UINT32_MAX;
		s->tree = 0;
		l->nan = (uint32_t)*nsplit;
		for (k = i; k < j; k++) {
			if (g[k].missing_left)
				continue;
			s = &q->splits[(*nsplit)++];
			s->thr = g[k].thr;
			s->mask = g[k].mask;
			s->tree = g[k].tree;
		}
		l->end = (uint32_t)*nsplit;
	}
}

int
quick_new(const struct node *nodes, const size_t *roots, size_t ntrees,
    struct quick **out)
{
	size_t t, c, n, ng, nsplit = 0, nlist = 0, nnodes, at = 0;
	struct gathered *g;
	struct quick *q;
	unsigned nleaf;

	*out = NULL;
	nnodes = roots[ntrees] - roots[0];
	for (t = 0; t < ntrees; t++)
		if (roots[t + 1] - roots[t] > 2 * QUICK_MAX_LEAVES - 1)
			return 0;
	if ((q = calloc(1, sizeof *q)) == NULL)
		return -1;
	q->ntrees = ntrees;
	/* Each split twice at most, and a sentinel for each list; zeroed,
	 * padding too, so that a table of them (quick_put) is the same
	 * bytes at each build. */
	q->splits = calloc(3 * nnodes + 1, sizeof *q->splits);
	q->lists = malloc((nnodes + 1) * sizeof *q->lists);
	q->chunk = malloc((ntrees / CHUNK + 2) * sizeof *q->chunk);
	q->leaves = malloc((nnodes + 1) * sizeof *q->leaves);
	q->first_leaf = malloc((ntrees + 1) * sizeof *q->first_leaf);
	g = malloc((nnodes + 1) * sizeof *g);
	if (q->splits == NULL || q->lists == NULL || q->chunk == NULL ||
	    q->leaves == NULL || q->first_leaf == NULL || g == NULL) {
		free(g);
		quick_free(q);
		return -1;
	}
	for (c = 0; c < ntrees; c += CHUNK) {
		n = ntrees - c < CHUNK ? ntrees - c : CHUNK;
		ng = 0;
		for (t = c; t < c + n; t++) {
			q->first_leaf[t] = at;
			nleaf = 0;
			gather(nodes, (int32_t)roots[t], (uint16_t)(t - c),
			    &nleaf, q->leaves + at, g, &ng);
			at += nleaf;
		}
		qsort(g, ng, sizeof *g, by_feature);
		q->chunk[c / CHUNK] = nlist;
		lists(q, g, ng, &nsplit, &nlist);
	}
	q->chunk[(ntrees + CHUNK - 1) / CHUNK] = nlist;
	q->nsplits = nsplit;
	q->nlists = nlist;
	q->nleaves = at;
	free(g);
	*out = q;
	return 0;
}

/* The chunks' starts of a scorer of ntrees trees, and the end. */
static size_t
nchunks(size_t ntrees)
{
	return (ntrees + CHUNK - 1) / CHUNK + 1;
}

/*
 * The table of q: five counts (uint64_t: trees, splits, lists, leaves,
 * 0) and the arrays, in this build's layout, each 8-byte aligned.
 */
size_t
quick_put(const struct quick *q, unsigned char *t)
{
	uint64_t head[5] = { q->ntrees, q->nsplits, q->nlists, q->nleaves, 0 };
	size_t at = 0;

	part_put(t, &at, head, sizeof head);
	part_put(t, &at, q->splits, q->nsplits * sizeof *q->splits);
	part_put(t, &at, q->lists, q->nlists * sizeof *q->lists);
	part_put(t, &at, q->chunk, nchunks(q->ntrees) * sizeof *q->chunk);
	part_put(t, &at, q->leaves, q->nleaves * sizeof *q->leaves);
	part_put(t, &at, q->first_leaf, q->ntrees * sizeof *q->first_leaf);
	return at;
}

struct quick *
quick_in_place(const unsigned char *t, size_t len)
{
	uint64_t head[5];
	struct quick *q;
	size_t at = sizeof head;

	if (len < sizeof head || ((uintptr_t)t & 7) != 0)
		return NULL;
	memcpy(head, t, sizeof head);
	if (head[0] > SIZE_MAX / 64 || head[1] > SIZE_MAX / 64 ||
	    head[2] > SIZE_MAX / 64 || head[3] > SIZE_MAX / 64 ||
	    (q = calloc(1, sizeof *q)) == NULL)
		return NULL;
	q->in_place = 1;
	q->ntrees = (size_t)head[0];
	q->nsplits = (size_t)head[1];
	q->nlists = (size_t)head[2];
	q->nleaves = (size_t)head[3];
	/* The table is read only: the casts only drop the const. */
	q->splits = (struct split *)(uintptr_t)part_get(t, len, &at,
	    q->nsplits * sizeof *q->splits);
	q->lists = (struct list *)(uintptr_t)part_get(t, len, &at,
	    q->nlists * sizeof *q->lists);
	q->chunk = (size_t *)(uintptr_t)part_get(t, len, &at,
	    nchunks(q->ntrees) * sizeof *q->chunk);
	q->leaves = (double *)(uintptr_t)part_get(t, len, &at,
	    q->nleaves * sizeof *q->leaves);
	q->first_leaf = (size_t *)(uintptr_t)part_get(t, len, &at,
	    q->ntrees * sizeof *q->first_leaf);
	if (at != len || q->splits == NULL || q->lists == NULL ||
	    q->chunk == NULL || q->leaves == NULL || q->first_leaf == NULL) {
		free(q);
		return NULL;
	}
	return q;
}

void
quick_free(struct quick *q)
{
	if (q == NULL)
		return;
	if (q->in_place) {
		free(q);
		return;
	}
	free(q->splits);
	free(q->lists);
	free(q->chunk);
	free(q->leaves);
	free(q->first_leaf);
	free(q);
}

double
quick_score(const struct quick *q, double base, const float *x)
{
	uint32_t leaves[CHUNK];
	const struct list *l, *end;
	const struct split *s;
	double score = base;
	size_t c, n, t;
	float v;

	for (c = 0; c < q->ntrees; c += n) {
		n = q->ntrees - c < CHUNK ? q->ntrees - c : CHUNK;
		for (t = 0; t < n; t++)
			leaves[t] = UINT32_MAX;
		end = &q->lists[q->chunk[c / CHUNK + 1]];
		for (l = &q->lists[q->chunk[c / CHUNK]]; l < end; l++) {
			v = x[l->feat];
			if (isnan(v)) {
				for (s = &q->splits[l->nan];
				    s < &q->splits[l->end]; s++)
					leaves[s->tree] &= s->mask;
				continue;
			}
			for (s = &q->splits[l->first]; s->thr < v; s++)
				leaves[s->tree] &= s->mask;
		}
		/* The leftmost leaf standing; the walk's leaf always is. */
		for (t = 0; t < n; t++)
			score += q->leaves[q->first_leaf[c + t] +
			    (unsigned)__builtin_ctz(leaves[t])];
	}
	return score;
}

/*
 * score_lanes(): QUICK_LANES lines at once, in vectors of four lanes
 * (GCC's and Clang's vector extension: an SSE or NEON register where the
 * machine has them, plain code where not); and on an x86 processor with
 * AVX2, in one vector of eight, from the same source.
 */
#define LANES_FN score_lanes
#define LANES_WIDTH 4
#define LANES_TARGET
#include "quickscore_lanes.h"
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define LANES_FN score_lanes_avx2
#define LANES_WIDTH 8
#define LANES_TARGET __attribute__((target("avx2")))
#include "quickscore_lanes.h"
#define HAVE_AVX2_LANES 1
#endif

/* Not to be changed while another thread scores. */
static int generic_only;

void
quick_generic_only(int on)
{
	generic_only = on;
}

void
quick_score_many(const struct quick *q, double base, const float *const *x,
    size_t n, double *score)
{
	const float *lane[QUICK_LANES];
	double got[QUICK_LANES];
	size_t i, k, m;

#ifdef HAVE_AVX2_LANES
	int avx2 = !generic_only && __builtin_cpu_supports("avx2");
#endif

	for (i = 0; i < n; i += m) {
		m = n - i < QUICK_LANES ? n - i : QUICK_LANES;
		/* Lanes past the last line score its first again. */
		for (k = 0; k < QUICK_LANES; k++)
			lane[k] = x[i + (k < m ? k : 0)];
#ifdef HAVE_AVX2_LANES
		if (avx2)
			score_lanes_avx2(q, base, lane, got);
		else
#endif
			score_lanes(q, base, lane, got);
		for (k = 0; k < m; k++)
			score[i + k] = got[k];
	}
}
