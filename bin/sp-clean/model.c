/* model.c: the learned line scorer; see model.h. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define MAGIC "sp-clean boilerplate model 1"
/* Bounds that no trained model comes near, so a bad file cannot ask
 * for all memory. */
#define MAX_TREES 100000
#define MAX_NODES (1 << 16)
/* Outputs far beyond what training gives (a few units of log-odds). */
#define MAX_VALUE 1e6

struct node {
	int32_t feat;		/* the build's feature, or -1: a leaf */
	int32_t left, right;	/* indexes into the model's nodes */
	float thr;
	float value;
	uint8_t missing_left;
};

/*
 * The same trees packed for scoring, which takes half of sp-clean's time
 * on dumps of news pages: eight bytes a node, laid out depth first so that
 * a node's left child is the next node, and all the trees (6,000 nodes)
 * fit the first-level cache that the 24-byte nodes overflowed.
 */
struct packed {
	float thr;		/* a leaf's value */
	uint16_t slot;		/* the value tested, in the walk's vector */
	uint16_t right;		/* the right child, this many nodes on */
};

/*
 * The vector a walk tests, so that every node goes right when !(v <= thr),
 * without a branch: the features (a missing one, NAN, goes right), then
 * the same with -INFINITY for NAN (for the nodes that send a missing value
 * left), then a NAN that the leaves test, whose right child is themselves.
 */
#define MAX_PACKED_FEATURES 1024
#define SLOT_MISSING_LEFT(m, f) ((m)->nfeat + (f))
#define SLOT_LEAF(m) (2 * (m)->nfeat)

/*
 * Scoring walks LANES trees at once, each step without a branch (a leaf
 * steps onto itself), for as many steps as the deepest of them needs: a
 * walk that branched on every split mispredicted about half of them.  So
 * that the trees walked together are about as deep, each CHUNK of trees
 * is walked in order of depth; its leaves are then added in the trees'
 * own order, so the score is the same double, bit for bit.
 */
#define LANES 8
#define CHUNK 256

struct model {
	double threshold, base;
	struct node *nodes;
	size_t nnodes, cap;
	size_t *roots;
	size_t ntrees;
	struct packed *packed;	/* the trees one after another */
	uint32_t *walk;		/* the trees of each chunk, shallowest first */
	uint16_t *depth;	/* each tree's longest path, in steps */
	int nfeat;		/* the build's features */
	int *map;		/* the file's feature -> the build's */
	int nmap;
};

/* A cursor over the file's lines, for messages. */
struct cursor {
	const char *p, *end, *name;
	size_t lineno;
	char *err;
	size_t errlen;
	char line[512];
};

static int
fail(struct cursor *c, const char *fmt, ...)
{
	va_list ap;
	int k;

	k = snprintf(c->err, c->errlen, "%s:%zu: ", c->name, c->lineno);
	if (k < 0 || (size_t)k >= c->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(c->err + k, c->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return -1;
}

/* The next line that is not blank or a comment, in c->line; 0 at end. */
static int
next_line(struct cursor *c)
{
	const char *nl;
	size_t n;

	while (c->p < c->end) {
		nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
		n = (size_t)((nl ? nl : c->end) - c->p);
		c->lineno++;
		if (n >= sizeof c->line) {
			c->p = c->end;
			return fail(c, "line too long");
		}
		memcpy(c->line, c->p, n);
		c->line[n] = '\0';
		c->p = nl ? nl + 1 : c->end;
		if (n > 0 && c->line[n - 1] == '\r')
			c->line[--n] = '\0';
		if (n == 0 || c->line[0] == '#')
			continue;
		return 1;
	}
	return 0;
}

static int
want_line(struct cursor *c, const char *what)
{
	int r = next_line(c);

	if (r == 0)
		return fail(c, "ends before %s", what);
	return r;
}

/* A number of the file: finite, the whole of its word. */
static int
number(const char **s, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(*s, &end);
	if (end == *s || errno == ERANGE || !isfinite(*v) ||
	    (*end != ' ' && *end != '\0'))
		return -1;
	*s = end;
	return 0;
}

/* A score of the model: a number within MAX_VALUE. */
static int
value(const char **s, double *v)
{
	return number(s, v) < 0 || fabs(*v) > MAX_VALUE ? -1 : 0;
}

/*
 * A split's threshold: a number, or "inf", with which a split only
 * parts the lines that have the feature from those that do not.
 */
static int
threshold(const char **s, double *v)
{
	if (strncmp(*s, " inf", 4) == 0 && ((*s)[4] == ' ' || !(*s)[4])) {
		*v = INFINITY;
		*s += 4;
		return 0;
	}
	return number(s, v);
}

static int
integer(const char **s, long lo, long hi, long *v)
{
	char *end;

	errno = 0;
	*v = strtol(*s, &end, 10);
	if (end == *s || errno == ERANGE || *v < lo || *v > hi ||
	    (*end != ' ' && *end != '\0'))
		return -1;
	*s = end;
	return 0;
}

static int
keyword(const char **s, const char *kw)
{
	size_t n = strlen(kw);

	if (strncmp(*s, kw, n) != 0 || ((*s)[n] != ' ' && (*s)[n] != '\0'))
		return 0;
	*s += n;
	return 1;
}

static int
header(struct model *m, struct cursor *c, const char *const *names,
    int nfeat)
{
	const char *s;
	long ntrees;
	int i, k;

	if (want_line(c, "its first line") < 0)
		return -1;
	if (strcmp(c->line, MAGIC) != 0)
		return fail(c, "not an sp-clean model (\"%s\" expected)", MAGIC);
	if (want_line(c, "threshold") < 0)
		return -1;
	s = c->line;
	if (!keyword(&s, "threshold") || number(&s, &m->threshold) < 0 ||
	    *s || m->threshold < 0 || m->threshold > 1)
		return fail(c, "\"threshold P\" expected, P from 0 to 1");
	if (want_line(c, "base") < 0)
		return -1;
	s = c->line;
	if (!keyword(&s, "base") || value(&s, &m->base) < 0 || *s)
		return fail(c, "\"base B\" expected");
	for (;;) {
		if (want_line(c, "its trees") < 0)
			return -1;
		s = c->line;
		if (!keyword(&s, "feature"))
			break;
		while (*s == ' ')
			s++;
		for (i = 0; i < nfeat && strcmp(names[i], s) != 0; i++)
			;
		if (i == nfeat)
			return fail(c, "unknown feature '%s' (a model for "
			    "another version of sp-clean?)", s);
		for (k = 0; k < m->nmap && m->map[k] != i; k++)
			;
		if (k < m->nmap)
			return fail(c, "feature '%s' named twice", s);
		m->map[m->nmap++] = i;
	}
	s = c->line;
	if (!keyword(&s, "trees") || integer(&s, 0, MAX_TREES, &ntrees) < 0 ||
	    *s)
		return fail(c, "\"trees N\" expected");
	m->ntrees = (size_t)ntrees;
	if ((m->roots = calloc(m->ntrees + 1, sizeof *m->roots)) == NULL)
		return fail(c, "out of memory");
	return 0;
}

static int
add_node(struct model *m, struct cursor *c, const struct node *n)
{
	struct node *v;

	if (m->nnodes == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 1024;
		if ((v = realloc(m->nodes, m->cap * sizeof *v)) == NULL)
			return fail(c, "out of memory");
		m->nodes = v;
	}
	m->nodes[m->nnodes++] = *n;
	return 0;
}

/* One "node ..." or "leaf ..." line of a tree of nn nodes. */
static int
parse_node(struct model *m, struct cursor *c, long nn, struct node *n)
{
	const char *s = c->line;
	double thr, v;
	long f, mleft, l, r;

	memset(n, 0, sizeof *n);
	if (keyword(&s, "leaf")) {
		if (value(&s, &v) < 0 || *s)
			return fail(c, "\"leaf V\" expected, V a number "
			    "within 1e6");
		n->feat = -1;
		n->value = (float)v;
		return 0;
	}
	if (!keyword(&s, "node") || integer(&s, 0, m->nmap - 1, &f) < 0 ||
	    threshold(&s, &thr) < 0 || integer(&s, 0, 1, &mleft) < 0 ||
	    integer(&s, 1, nn - 1, &l) < 0 || integer(&s, 1, nn - 1, &r) < 0 ||
	    value(&s, &v) < 0 || *s)
		return fail(c, "\"node F T M L R V\" or \"leaf V\" expected");
	n->feat = m->map[f];
	n->thr = (float)thr;
	n->missing_left = (uint8_t)mleft;
	n->left = (int32_t)l;
	n->right = (int32_t)r;
	n->value = (float)v;
	return 0;
}

/*
 * Checks that tree t's nodes, first..nnodes, form a tree: every child
 * comes after its parent, so no path can loop, and is reached once.
 */
static int
check_tree(struct model *m, struct cursor *c, size_t first)
{
	size_t nn = m->nnodes - first, i;
	unsigned char *seen;
	struct node *n;

	if ((seen = calloc(nn, 1)) == NULL)
		return fail(c, "out of memory");
	for (i = 0; i < nn; i++) {
		n = &m->nodes[first + i];
		if (n->feat < 0)
			continue;
		if ((size_t)n->left <= i || (size_t)n->right <= i ||
		    n->left == n->right || seen[n->left] || seen[n->right]) {
			free(seen);
			return fail(c, "node %zu of the tree: bad children", i);
		}
		seen[n->left] = seen[n->right] = 1;
		n->left += (int32_t)first;
		n->right += (int32_t)first;
	}
	for (i = 1; i < nn && seen[i]; i++)
		;
	free(seen);
	if (i < nn)
		return fail(c, "node %zu of the tree is not reached", i);
	return 0;
}

static int
trees(struct model *m, struct cursor *c)
{
	const char *s;
	struct node n;
	size_t t, first;
	long nn, k;

	for (t = 0; t < m->ntrees; t++) {
		if (want_line(c, "the next tree") < 0)
			return -1;
		s = c->line;
		if (!keyword(&s, "tree") || integer(&s, 1, MAX_NODES, &nn) < 0 ||
		    *s)
			return fail(c, "\"tree N\" expected");
		first = m->nnodes;
		m->roots[t] = first;
		for (k = 0; k < nn; k++) {
			if (want_line(c, "the tree's nodes") < 0 ||
			    parse_node(m, c, nn, &n) < 0 ||
			    add_node(m, c, &n) < 0)
				return -1;
		}
		if (check_tree(m, c, first) < 0)
			return -1;
	}
	if (next_line(c) != 0)
		return fail(c, "text after the last tree");
	return 0;
}

/*
 * Packs tree t depth first, from stack (room for its nodes), into
 * m->packed from *at on; notes its depth.
 */
static void
pack_tree(struct model *m, size_t t, size_t *stack, size_t *at)
{
	size_t top = 0, here, from, level, deepest = 0;
	const struct node *n;
	struct packed *p;

	/*
	 * Each entry: a node, its level, and the packed node whose right
	 * child it is.
	 */
	stack[top++] = m->roots[t];
	stack[top++] = 0;
	stack[top++] = SIZE_MAX;
	while (top > 0) {
		from = stack[--top];
		level = stack[--top];
		n = &m->nodes[stack[--top]];
		here = (*at)++;
		if (from != SIZE_MAX)
			m->packed[from].right = (uint16_t)(here - from);
		p = &m->packed[here];
		if (n->feat < 0) {
			p->slot = (uint16_t)SLOT_LEAF(m);
			p->thr = n->value;
			p->right = 0;
			if (level > deepest)
				deepest = level;
			continue;
		}
		p->slot = (uint16_t)(n->missing_left ?
		    SLOT_MISSING_LEFT(m, n->feat) : n->feat);
		p->thr = n->thr;
		stack[top++] = (size_t)n->right;
		stack[top++] = level + 1;
		stack[top++] = here;
		stack[top++] = (size_t)n->left;
		stack[top++] = level + 1;
		stack[top++] = SIZE_MAX;
	}
	m->depth[t] = (uint16_t)deepest;
}

/*
 * The walking order: each chunk's trees by depth, the shallowest first
 * (an insertion sort, stable, of at most CHUNK trees).
 */
static void
order_walk(struct model *m)
{
	size_t c, i, j, end;
	uint32_t t;

	for (c = 0; c < m->ntrees; c += CHUNK) {
		end = m->ntrees - c < CHUNK ? m->ntrees : c + CHUNK;
		for (i = c; i < end; i++) {
			t = (uint32_t)i;
			for (j = i; j > c && m->depth[m->walk[j - 1]] >
			    m->depth[t]; j--)
				m->walk[j] = m->walk[j - 1];
			m->walk[j] = t;
		}
	}
}

/* Packs every tree; check_tree has made each one a tree. */
static int
pack(struct model *m, struct cursor *c, int nfeat)
{
	size_t t, at = 0, *stack;

	if (nfeat > MAX_PACKED_FEATURES)
		return fail(c, "too many features to pack");
	m->nfeat = nfeat;
	m->packed = malloc((m->nnodes ? m->nnodes : 1) * sizeof *m->packed);
	m->walk = malloc((m->ntrees ? m->ntrees : 1) * sizeof *m->walk);
	m->depth = malloc((m->ntrees ? m->ntrees : 1) * sizeof *m->depth);
	stack = malloc((3 * m->nnodes + 3) * sizeof *stack);
	if (m->packed == NULL || m->walk == NULL || m->depth == NULL ||
	    stack == NULL) {
		free(stack);
		return fail(c, "out of memory");
	}
	for (t = 0; t < m->ntrees; t++)
		pack_tree(m, t, stack, &at);
	free(stack);
	order_walk(m);
	return 0;
}

struct model *
model_parse(const char *text, size_t len, const char *name,
    const char *const *names, int nfeat, char *err, size_t errlen)
{
	struct cursor c = { text, text + len, name, 0, err, errlen, "" };
	struct model *m;

	if ((m = calloc(1, sizeof *m)) == NULL ||
	    (m->map = calloc((size_t)nfeat, sizeof *m->map)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", name);
		model_free(m);
		return NULL;
	}
	if (memchr(text, '\0', len)) {
		snprintf(err, errlen, "%s: not a text file", name);
		model_free(m);
		return NULL;
	}
	if (header(m, &c, names, nfeat) < 0 || trees(m, &c) < 0 ||
	    pack(m, &c, nfeat) < 0) {
		model_free(m);
		return NULL;
	}
	return m;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	free(m->nodes);
	free(m->packed);
	free(m->walk);
	free(m->depth);
	free(m->roots);
	free(m->map);
	free(m);
}

double
model_threshold(const struct model *m)
{
	return m->threshold;
}

void
model_set_threshold(struct model *m, double p)
{
	m->threshold = p;
}

double
model_base(const struct model *m)
{
	double b = m->base;
	size_t t;

	for (t = 0; t < m->ntrees; t++)
		b += m->nodes[m->roots[t]].value;
	return b;
}

double
model_probability(double score)
{
	return 1.0 / (1.0 + exp(-score));
}

/*
 * The leaves that the walk's vector xs reaches in the trees walk[0..n),
 * into leaf[], at each tree's place less first.  The trees' depths rise,
 * so the last of each LANES is the deepest; a short last group walks
 * spare lanes on a leaf of its own.
 */
static void
walk_trees(const struct model *m, const float *xs, const uint32_t *walk,
    size_t n, size_t first, float *leaf)
{
	const struct packed spare = { 0, (uint16_t)SLOT_LEAF(m), 0 };
	const struct packed *p[LANES], *q;
	size_t g, k, lanes, steps, s;
	unsigned right;

	for (g = 0; g < n; g += LANES) {
		lanes = n - g < LANES ? n - g : LANES;
		for (k = 0; k < LANES; k++)
			p[k] = k < lanes ? &m->packed[m->roots[walk[g + k]]] :
			    &spare;
		steps = m->depth[walk[g + lanes - 1]];
		for (s = 0; s < steps; s++) {
			for (k = 0; k < LANES; k++) {
				q = p[k];
				right = !(xs[q->slot] <= q->thr);
				/* 1, or q->right when right. */
				p[k] = q + (1u + (((unsigned)q->right - 1u) &
				    (0u - right)));
			}
		}
		for (k = 0; k < lanes; k++)
			leaf[walk[g + k] - first] = p[k]->thr;
	}
}

/* The score of x, walking the packed trees a chunk at a time. */
static double
score_packed(const struct model *m, const float *x)
{
	float xs[2 * MAX_PACKED_FEATURES + 1], leaf[CHUNK];
	double score = m->base;
	size_t c, n, i;
	int f;

	for (f = 0; f < m->nfeat; f++) {
		xs[f] = x[f];
		xs[SLOT_MISSING_LEFT(m, f)] = isnan(x[f]) ? -INFINITY : x[f];
	}
	xs[SLOT_LEAF(m)] = NAN;
	for (c = 0; c < m->ntrees; c += n) {
		n = m->ntrees - c < CHUNK ? m->ntrees - c : CHUNK;
		walk_trees(m, xs, m->walk + c, n, c, leaf);
		for (i = 0; i < n; i++)
			score += leaf[i];
	}
	return score;
}

double
model_score(const struct model *m, const float *x, double *contrib)
{
	const struct node *nodes = m->nodes, *n;
	double score = m->base;
	size_t t;
	float v;
	int left;

	if (contrib == NULL)
		return score_packed(m, x);
	for (t = 0; t < m->ntrees; t++) {
		n = &nodes[m->roots[t]];
		while (n->feat >= 0) {
			v = x[n->feat];
			left = isnan(v) ? n->missing_left : v <= n->thr;
			if (contrib) {
				const struct node *k = &nodes[left ? n->left :
				    n->right];

				contrib[n->feat] += (double)k->value -
				    (double)n->value;
			}
			n = &nodes[left ? n->left : n->right];
		}
		score += n->value;
	}
	return score;
}
