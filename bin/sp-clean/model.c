/* model.c: the learned line scorer; see model.h. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "model_int.h"
#include "quickscore.h"

/* The first line of a model file, followed by its version: 1, one
 * stage; 2, two. */
#define MAGIC "sp-clean boilerplate model"
/* Bounds that no trained model comes near, so a bad file cannot ask
 * for all memory. */
#define MAX_TREES 100000
#define MAX_NODES (1 << 16)
/* Outputs far beyond what training gives (a few units of log-odds). */
#define MAX_VALUE 1e6

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

/* "sp-clean boilerplate model V" and "threshold P": the version. */
static int
header(struct model *m, struct cursor *c)
{
	const char *s;
	long version;

	if (want_line(c, "its first line") < 0)
		return -1;
	s = c->line;
	if (!keyword(&s, MAGIC))
		return fail(c, "not an sp-clean model (\"%s 2\" expected)",
		    MAGIC);
	while (*s == ' ')
		s++;
	if (integer(&s, 1, 2, &version) < 0 || *s)
		return fail(c, "a model of version '%s': this sp-clean "
		    "reads versions 1 and 2", s);
	m->nstages = (int)version;
	if (want_line(c, "threshold") < 0)
		return -1;
	s = c->line;
	if (!keyword(&s, "threshold") || number(&s, &m->threshold) < 0 ||
	    *s || m->threshold < 0 || m->threshold > 1)
		return fail(c, "\"threshold P\" expected, P from 0 to 1");
	return 0;
}

/* A stage's base, its features (the build's: names[0..nfeat)) and its
 * count of trees. */
static int
stage_header(struct ensemble *e, struct cursor *c, const char *const *names,
    int nfeat)
{
	const char *s;
	long ntrees;
	int i, k;

	if ((e->map = calloc((size_t)nfeat + 1, sizeof *e->map)) == NULL)
		return fail(c, "out of memory");
	if (want_line(c, "base") < 0)
		return -1;
	s = c->line;
	if (!keyword(&s, "base") || value(&s, &e->base) < 0 || *s)
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
		for (k = 0; k < e->nmap && e->map[k] != i; k++)
			;
		if (k < e->nmap)
			return fail(c, "feature '%s' named twice", s);
		e->map[e->nmap++] = i;
	}
	s = c->line;
	if (!keyword(&s, "trees") || integer(&s, 0, MAX_TREES, &ntrees) < 0 ||
	    *s)
		return fail(c, "\"trees N\" expected");
	e->ntrees = (size_t)ntrees;
	if ((e->roots = calloc(e->ntrees + 1, sizeof *e->roots)) == NULL)
		return fail(c, "out of memory");
	return 0;
}

static int
add_node(struct ensemble *e, struct cursor *c, const struct node *n)
{
	struct node *v;

	if (e->nnodes == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 1024;
		if ((v = realloc(e->nodes, e->cap * sizeof *v)) == NULL)
			return fail(c, "out of memory");
		e->nodes = v;
	}
	/* Padding zeroed too: a table of the nodes (model_put) is the same
	 * bytes at each build. */
	memset(&e->nodes[e->nnodes], 0, sizeof *e->nodes);
	e->nodes[e->nnodes].feat = n->feat;
	e->nodes[e->nnodes].left = n->left;
	e->nodes[e->nnodes].right = n->right;
	e->nodes[e->nnodes].thr = n->thr;
	e->nodes[e->nnodes].value = n->value;
	e->nodes[e->nnodes].missing_left = n->missing_left;
	e->nnodes++;
	return 0;
}

/* One "node ..." or "leaf ..." line of a tree of nn nodes. */
static int
parse_node(const struct ensemble *e, struct cursor *c, long nn,
    struct node *n)
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
	if (!keyword(&s, "node") || integer(&s, 0, e->nmap - 1, &f) < 0 ||
	    threshold(&s, &thr) < 0 || integer(&s, 0, 1, &mleft) < 0 ||
	    integer(&s, 1, nn - 1, &l) < 0 || integer(&s, 1, nn - 1, &r) < 0 ||
	    value(&s, &v) < 0 || *s)
		return fail(c, "\"node F T M L R V\" or \"leaf V\" expected");
	n->feat = e->map[f];
	n->thr = (float)thr;
	n->missing_left = (uint8_t)mleft;
	n->left = (int32_t)l;
	n->right = (int32_t)r;
	n->value = (float)v;
	return 0;
}

/*
 * Checks that the tree of nodes first..nnodes is one: every child comes
 * after its parent, so no path can loop, and is reached once.
 */
static int
check_tree(struct ensemble *e, struct cursor *c, size_t first)
{
	size_t nn = e->nnodes - first, i;
	unsigned char *seen;
	struct node *n;

	if ((seen = calloc(nn, 1)) == NULL)
		return fail(c, "out of memory");
	for (i = 0; i < nn; i++) {
		n = &e->nodes[first + i];
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
trees(struct ensemble *e, struct cursor *c)
{
	const char *s;
	struct node n;
	size_t t, first;
	long nn, k;

	for (t = 0; t < e->ntrees; t++) {
		if (want_line(c, "the next tree") < 0)
			return -1;
		s = c->line;
		if (!keyword(&s, "tree") || integer(&s, 1, MAX_NODES, &nn) < 0 ||
		    *s)
			return fail(c, "\"tree N\" expected");
		first = e->nnodes;
		e->roots[t] = first;
		for (k = 0; k < nn; k++) {
			if (want_line(c, "the tree's nodes") < 0 ||
			    parse_node(e, c, nn, &n) < 0 ||
			    add_node(e, c, &n) < 0)
				return -1;
		}
		if (check_tree(e, c, first) < 0)
			return -1;
	}
	/* The trees for quick_score, when they fit; check_tree made each a
	 * tree. */
	e->roots[e->ntrees] = e->nnodes;
	if (quick_new(e->nodes, e->roots, e->ntrees, &e->quick) < 0)
		return fail(c, "out of memory");
	return 0;
}

/*
 * The stages of the file: version 1 holds one, its trees right after the
 * threshold; version 2 two, each opened by "stage K".
 */
static int
stages(struct model *m, struct cursor *c, const char *const *const *names,
    const int *nfeat)
{
	const char *s;
	long k;
	int i;

	for (i = 0; i < m->nstages; i++) {
		if (m->nstages > 1) {
			if (want_line(c, "the next stage") < 0)
				return -1;
			s = c->line;
			if (!keyword(&s, "stage") || integer(&s, i + 1, i + 1,
			    &k) < 0 || *s)
				return fail(c, "\"stage %d\" expected", i + 1);
		}
		if (stage_header(&m->stage[i], c, names[i], nfeat[i]) < 0 ||
		    trees(&m->stage[i], c) < 0)
			return -1;
	}
	if (next_line(c) != 0)
		return fail(c, "text after the last tree");
	return 0;
}

struct model *
model_parse(const char *text, size_t len, const char *name,
    const char *const *names, int nfeat, const char *const *names2,
    int nfeat2, char *err, size_t errlen)
{
	struct cursor c = { text, text + len, name, 0, err, errlen, "" };
	const char *const *all[MODEL_STAGES] = { names, names2 };
	int n[MODEL_STAGES] = { nfeat, nfeat2 };
	struct model *m;

	if ((m = calloc(1, sizeof *m)) == NULL) {
		snprintf(err, errlen, "%s: out of memory", name);
		return NULL;
	}
	if (memchr(text, '\0', len)) {
		snprintf(err, errlen, "%s: not a text file", name);
		model_free(m);
		return NULL;
	}
	if (header(m, &c) < 0 || stages(m, &c, all, n) < 0) {
		model_free(m);
		return NULL;
	}
	return m;
}

void
model_free(struct model *m)
{
	struct ensemble *e;
	int i;

	if (m == NULL)
		return;
	for (i = 0; i < MODEL_STAGES; i++) {
		e = &m->stage[i];
		quick_free(e->quick);
		if (m->in_place)
			continue;
		free(e->nodes);
		free(e->roots);
		free(e->map);
	}
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

int
model_stages(const struct model *m)
{
	return m->nstages;
}

int
model_uses(const struct model *m, int stage, int *feat, int most)
{
	const struct ensemble *e = &m->stage[stage];
	int k;

	for (k = 0; k < e->nmap && k < most; k++)
		feat[k] = e->map[k];
	return e->nmap;
}

double
model_base(const struct model *m, int stage)
{
	const struct ensemble *e = &m->stage[stage];
	double b = e->base;
	size_t t;

	for (t = 0; t < e->ntrees; t++)
		b += e->nodes[e->roots[t]].value;
	return b;
}

double
model_probability(double score)
{
	return 1.0 / (1.0 + exp(-score));
}

/*
 * Without contributions, the bit vectors of quickscore.c; for --explain,
 * or a model with a tree too big for them, the walk down the trees.
 */
double
model_score(const struct model *m, int stage, const float *x,
    double *contrib)
{
	const struct ensemble *e = &m->stage[stage];
	const struct node *nodes = e->nodes, *n;
	double score = e->base;
	size_t t;
	float v;
	int left;

	if (contrib == NULL && e->quick != NULL)
		return quick_score(e->quick, e->base, x);
	for (t = 0; t < e->ntrees; t++) {
		n = &nodes[e->roots[t]];
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

void
model_score_many(const struct model *m, int stage, const float *const *x,
    size_t n, double *score)
{
	const struct ensemble *e = &m->stage[stage];
	size_t i;

	if (e->quick != NULL) {
		quick_score_many(e->quick, e->base, x, n, score);
		return;
	}
	for (i = 0; i < n; i++)
		score[i] = model_score(m, stage, x[i], NULL);
}
