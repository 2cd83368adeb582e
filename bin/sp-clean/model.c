/* model.c: the learned line scorer; see model.h. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "modeltree.h"
#include "quickscore.h"

#define MAGIC "sp-clean boilerplate model 1"
/* Bounds that no trained model comes near, so a bad file cannot ask
 * for all memory. */
#define MAX_TREES 100000
#define MAX_NODES (1 << 16)
/* Outputs far beyond what training gives (a few units of log-odds). */
#define MAX_VALUE 1e6

struct model {
	double threshold, base;
	struct node *nodes;
	size_t nnodes, cap;
	size_t *roots;		/* and roots[ntrees], the end of the nodes */
	size_t ntrees;
	struct quick *quick;	/* the trees for scoring, or NULL: walk them */
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

/* The trees for quick_score, when they fit; check_tree made each a tree. */
static int
quicken(struct model *m, struct cursor *c)
{
	m->roots[m->ntrees] = m->nnodes;
	if (quick_new(m->nodes, m->roots, m->ntrees, &m->quick) < 0)
		return fail(c, "out of memory");
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
	    quicken(m, &c) < 0) {
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
	quick_free(m->quick);
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
 * Without contributions, the bit vectors of quickscore.c; for --explain,
 * or a model with a tree too big for them, the walk down the trees.
 */
double
model_score(const struct model *m, const float *x, double *contrib)
{
	const struct node *nodes = m->nodes, *n;
	double score = m->base;
	size_t t;
	float v;
	int left;

	if (contrib == NULL && m->quick != NULL)
		return quick_score(m->quick, m->base, x);
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
