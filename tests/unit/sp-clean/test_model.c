/*
 * Unit tests of bin/sp-clean/model.c: a hand-made model scores as its
 * trees say (missing values, "inf" splits, the base), --explain's
 * contributions add up to the score, the bit-vector scorer (quickscore.c)
 * gives the walk's score bit for bit on random trees, lines scored side
 * by side (model_score_many) too, and every malformed
 * model file is refused with its line named.  A file of version 2 holds
 * two stages, each scored over its own features; version 1 is read as
 * stage 1 alone, and other versions are refused.  A model written as a
 * table (model_table.c) and read in place scores as the parsed one, and
 * a table cut, grown, misaligned or of another kind is refused.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "model.h"
#include "quickscore.h"

static const char *const names[] = { "a", "b", "c" };
static const char *const names2[] = { "p", "q" };

static struct model *
parse(const char *text, char *err, size_t errlen)
{
	return model_parse(text, strlen(text), "m", names, 3, names2, 2, err,
	    errlen);
}

/* Room for the tables of the tests' models, 8-byte aligned. */
static uint64_t table_room[1 << 17];

/* m written as a table and read in place (NULL when it would not fit). */
static struct model *
in_place(const struct model *m, size_t *len)
{
	*len = model_put(m, NULL);
	if (*len > sizeof table_room)
		return NULL;
	model_put(m, (unsigned char *)table_room);
	return model_in_place((unsigned char *)table_room, *len);
}

/* Two trees over features b and a (the file's order is its own). */
static const char good[] =
    "sp-clean boilerplate model 1\n"
    "# a comment\n"
    "threshold 0.75\n"
    "base -1\n"
    "feature b\n"
    "feature a\n"
    "trees 2\n"
    "tree 3\n"
    "node 0 0.5 1 1 2 0.25\n"		/* b <= 0.5, missing: left */
    "leaf -2\n"
    "leaf 3\n"
    "tree 5\n"
    "node 1 inf 0 1 2 0\n"		/* a known: left */
    "node 1 10 0 3 4 0.5\n"		/* a <= 10 */
    "leaf -1\n"
    "leaf 0\n"
    "leaf 1\n";

static void
scores(void)
{
	char err[256];
	struct model *m = parse(good, err, sizeof err);
	float x[3];
	double c[3], sum;

	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(model_threshold(m) == 0.75);
	CHECK(model_stages(m) == 1);
	x[0] = 5;		/* a */
	x[1] = 1;		/* b */
	x[2] = 0;
	CHECK(model_score(m, 0, x, NULL) == -1 + 3 + 0);
	x[0] = 20;
	CHECK(model_score(m, 0, x, NULL) == -1 + 3 + 1);
	x[0] = NAN;		/* a missing: right, to the leaf -1 */
	x[1] = NAN;		/* b missing: left, to -2 */
	CHECK(model_score(m, 0, x, NULL) == -1 - 2 - 1);
	/* The contributions add up: base and roots, then each split. */
	x[0] = 20;
	x[1] = 1;
	memset(c, 0, sizeof c);
	sum = model_score(m, 0, x, c);
	CHECK(fabs(model_base(m, 0) + c[0] + c[1] + c[2] - sum) < 1e-6);
	CHECK(c[2] == 0);
	CHECK(c[1] > 0);	/* b took the path to 3 */
	CHECK(fabs(model_probability(0) - 0.5) < 1e-12);
	model_set_threshold(m, 0.5);
	CHECK(model_threshold(m) == 0.5);
	model_free(m);
}

/* Two stages: each over its own features, stage 2's named apart. */
static const char two[] =
    "sp-clean boilerplate model 2\n"
    "threshold 0.6\n"
    "stage 1\n"
    "base 0.5\n"
    "feature c\n"
    "trees 1\n"
    "tree 3\n"
    "node 0 1 0 1 2 0\n"
    "leaf -1\n"
    "leaf 1\n"
    "stage 2\n"
    "base -0.5\n"
    "feature q\n"
    "feature p\n"
    "trees 2\n"
    "tree 3\n"
    "node 1 0.5 1 1 2 0\n"		/* p <= 0.5 */
    "leaf -2\n"
    "leaf 2\n"
    "tree 1\n"
    "leaf 0.25\n";

static void
two_stages(void)
{
	char err[256];
	struct model *m = parse(two, err, sizeof err);
	int feat[4];
	float x[3] = { 0, 0, 5 }, x2[2] = { 9, 0.75f };
	double c[2] = { 0, 0 };

	CHECK(m != NULL);
	if (m == NULL) {
		printf("  %s\n", err);
		return;
	}
	CHECK(model_stages(m) == 2);
	CHECK(model_threshold(m) == 0.6);
	CHECK(model_score(m, 0, x, NULL) == 0.5 + 1);
	CHECK(model_score(m, 1, x2, NULL) == -0.5 + 2 + 0.25);
	CHECK(model_score(m, 1, x2, c) == -0.5 + 2 + 0.25);
	CHECK(c[0] > 0 && c[1] == 0);
	CHECK(model_uses(m, 0, feat, 4) == 1 && feat[0] == 2);
	CHECK(model_uses(m, 1, feat, 4) == 2 && feat[0] == 1 && feat[1] == 0);
	x2[0] = NAN;		/* p missing: left */
	CHECK(model_score(m, 1, x2, NULL) == -0.5 - 2 + 0.25);
	/* Read in place from its table: the same stages, features, scores. */
	{
		struct model *t;
		size_t len;

		t = in_place(m, &len);
		CHECK(t != NULL);
		if (t != NULL) {
			CHECK(model_stages(t) == 2);
			CHECK(model_threshold(t) == 0.6);
			CHECK(model_uses(t, 1, feat, 4) == 2 && feat[0] == 1 &&
			    feat[1] == 0);
			CHECK(model_score(t, 0, x, NULL) == 0.5 + 1);
			CHECK(model_score(t, 1, x2, NULL) == -0.5 - 2 + 0.25);
			CHECK(model_score(t, 1, x2, c) == -0.5 - 2 + 0.25);
		}
		model_free(t);
	}
	model_free(m);
}

/* Tables that are not one of a model: refused. */
static void
bad_tables(void)
{
	unsigned char *p = (unsigned char *)table_room;
	char err[256];
	struct model *m = parse(two, err, sizeof err), *t;
	size_t len, k;

	CHECK(m != NULL);
	if (m == NULL)
		return;
	t = in_place(m, &len);
	CHECK(t != NULL);
	model_free(t);
	/* Cut anywhere, or a byte more: its parts do not end at its end. */
	for (k = 0; k < len; k++)
		CHECK((t = model_in_place(p, k)) == NULL);
	CHECK(model_in_place(p, len + 8) == NULL);
	/* Not 8-byte aligned. */
	memmove(p + 1, p, len);
	CHECK(model_in_place(p + 1, len) == NULL);
	memmove(p, p + 1, len);
	CHECK((t = model_in_place(p, len)) != NULL);
	model_free(t);
	/* Another kind of table. */
	p[0] ^= 1;
	CHECK(model_in_place(p, len) == NULL);
	model_free(m);
}

/* A fixed pseudo-random sequence, the same on every machine. */
static unsigned long rnd_state = 1;

static unsigned
rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rnd_state >> 33) % n;
}

/* Thresholds and values that meet: a value equal to a threshold is left. */
static const char *const thresholds[] = { "-1", "0", "0.5", "1", "2", "inf" };
static const float values[] = { -1, 0, 0.25f, 0.5f, 1, 2, 3, INFINITY,
    -INFINITY };

/* A random subtree of k leaves, its nodes in preorder from *at on. */
static int
emit_tree(char *out, size_t size, size_t *len, int k, int *at)
{
	int a, here = (*at)++, n;

	if (k == 1) {
		n = snprintf(out + *len, size - *len, "leaf %d.%03u\n",
		    (int)rnd(7) - 3, rnd(1000));
		*len += (size_t)n;
		return *len < size ? 0 : -1;
	}
	a = 1 + (int)rnd((unsigned)k - 1);
	n = snprintf(out + *len, size - *len, "node %u %s %u %d %d %d.%02u\n",
	    rnd(3), thresholds[rnd(6)], rnd(2), here + 1, here + 2 * a,
	    (int)rnd(3) - 1, rnd(100));
	*len += (size_t)n;
	if (*len >= size)
		return -1;
	if (emit_tree(out, size, len, a, at) < 0)
		return -1;
	return emit_tree(out, size, len, k - a, at);
}

/*
 * Random models, of trees small enough for the bit vectors (up to 32
 * leaves) and some not (then walked), over 300 trees so that they come
 * in two chunks: model_score() without contributions gives the very
 * double that the walk with them gives, on values that meet the
 * thresholds, infinities and missing values; and model_score_many()
 * gives it for each of runs of lines of every length up to two batches
 * of lanes and some.
 */
static void
agrees(void)
{
	static char text[1 << 20];
	char err[256];
	struct model *m, *tm;
	double c[3], many[20];
	float x[3], xs[20][3];
	const float *rows[20];
	size_t len, n, r, tlen;
	int round, t, ntrees, most, leaves, at, i, j, same;

	for (round = 0; round < 12; round++) {
		ntrees = round % 3 == 0 ? 300 : 1 + (int)rnd(40);
		most = round % 4 == 3 ? 40 : 32;
		len = (size_t)snprintf(text, sizeof text, "sp-clean boilerplate "
		    "model 1\nthreshold 0.5\nbase 0.125\nfeature c\n"
		    "feature a\nfeature b\ntrees %d\n", ntrees);
		for (t = 0; t < ntrees; t++) {
			leaves = t == 0 ? most : 1 + (int)rnd((unsigned)most);
			len += (size_t)snprintf(text + len, sizeof text - len,
			    "tree %d\n", 2 * leaves - 1);
			at = 0;
			if (emit_tree(text, sizeof text, &len, leaves, &at) < 0)
				break;
		}
		m = parse(text, err, sizeof err);
		CHECK(m != NULL);
		if (m == NULL) {
			printf("  %s\n", err);
			continue;
		}
		tm = in_place(m, &tlen);
		CHECK(tm != NULL);
		same = 1;
		for (i = 0; i < 2000; i++) {
			for (j = 0; j < 3; j++)
				x[j] = rnd(8) == 0 ? NAN :
				    values[rnd(sizeof values / sizeof *values)];
			if (model_score(m, 0, x, NULL) != model_score(m, 0, x, c))
				same = 0;
			if (tm != NULL && (model_score(tm, 0, x, NULL) !=
			    model_score(m, 0, x, NULL) || model_score(tm, 0, x,
			    c) != model_score(m, 0, x, NULL)))
				same = 0;
		}
		CHECK(same);
		same = 1;
		for (i = 0; i < 200; i++) {
			n = 1 + rnd(20);
			for (r = 0; r < n; r++) {
				for (j = 0; j < 3; j++)
					xs[r][j] = rnd(8) == 0 ? NAN : values[
					    rnd(sizeof values / sizeof *values)];
				rows[r] = xs[r];
			}
			/* The vectors of the machine, then the plain ones. */
			quick_generic_only(i % 2);
			model_score_many(m, 0, rows, n, many);
			for (r = 0; r < n; r++)
				if (many[r] != model_score(m, 0, xs[r], c))
					same = 0;
			if (tm == NULL)
				continue;
			model_score_many(tm, 0, rows, n, many);
			for (r = 0; r < n; r++)
				if (many[r] != model_score(m, 0, xs[r], c))
					same = 0;
		}
		CHECK(same);
		quick_generic_only(0);
		model_free(tm);
		model_free(m);
	}
}

/* A malformed model: refused, with the reason and the line. */
static void
refused(const char *text, const char *want, int line)
{
	char err[256] = "";
	struct model *m = parse(text, err, sizeof err);

	check_report(m == NULL, __FILE__, line, "refused");
	check_report(strstr(err, want) != NULL, __FILE__, line, want);
	if (m == NULL && strstr(err, want) == NULL)
		printf("  got: %s\n", err);
	model_free(m);
}
#define REFUSED(text, want) refused((text), (want), __LINE__)
#define HEAD "sp-clean boilerplate model 1\nthreshold 0.5\nbase 0\n"

static void
malformed(void)
{
	REFUSED("", "m:0: ends before its first line");
	REFUSED("a model\n", "m:1: not an sp-clean model");
	REFUSED("sp-clean boilerplate model 1\nthreshold 2\n", "m:2:");
	REFUSED("sp-clean boilerplate model 1\nthreshold x\n", "threshold P");
	REFUSED("sp-clean boilerplate model 1\nthreshold 0.5\nbase nan\n",
	    "base B");
	REFUSED(HEAD "feature zzz\n", "unknown feature 'zzz'");
	REFUSED(HEAD "feature a\nfeature a\ntrees 0\n", "named twice");
	REFUSED(HEAD "trees -1\n", "trees N");
	REFUSED(HEAD "trees 1\n", "ends before the next tree");
	REFUSED(HEAD "trees 1\ntree 1\n", "ends before the tree's nodes");
	REFUSED(HEAD "feature a\ntrees 1\ntree 3\nnode 0 1 0 2 2 0\nleaf 0\n"
	    "leaf 0\n", "bad children");
	REFUSED(HEAD "feature a\ntrees 1\ntree 3\nnode 0 1 0 0 2 0\nleaf 0\n"
	    "leaf 0\n", "node F T M L R V");	/* a child before its parent */
	REFUSED(HEAD "feature a\ntrees 1\ntree 3\nnode 1 1 0 1 2 0\nleaf 0\n"
	    "leaf 0\n", "node F T M L R V");	/* no feature 1 in the file */
	REFUSED(HEAD "feature a\ntrees 1\ntree 3\nnode 0 1 0 1 2 0 9\n"
	    "leaf 0\nleaf 0\n", "node F T M L R V");
	REFUSED(HEAD "trees 1\ntree 2\nleaf 0\nleaf 0\n", "not reached");
	REFUSED(HEAD "trees 1\ntree 1\nleaf 0\nleaf 1\n", "after the last");
	REFUSED(HEAD "trees 1\ntree 1\nleaf 1e999\n", "leaf V");
	REFUSED(HEAD "trees 1\ntree 1\nleaf 2e6\n", "within 1e6");
	REFUSED("sp-clean boilerplate model 1\nthreshold 0.5\nbase 1e7\n",
	    "base B");
	REFUSED("sp-clean boilerplate model 3\n", "m:1: a model of version "
	    "'3': this sp-clean reads versions 1 and 2");
	REFUSED("sp-clean boilerplate model\n", "version ''");
	/* Version 2: each stage named, in order, and both there. */
	REFUSED("sp-clean boilerplate model 2\nthreshold 0.5\nbase 0\n",
	    "m:3: \"stage 1\" expected");
	REFUSED("sp-clean boilerplate model 2\nthreshold 0.5\nstage 1\n"
	    "base 0\ntrees 0\n", "m:5: ends before the next stage");
	REFUSED("sp-clean boilerplate model 2\nthreshold 0.5\nstage 1\n"
	    "base 0\ntrees 0\nstage 3\n", "m:6: \"stage 2\" expected");
	/* Stage 2's features are its own: stage 1's names are not. */
	REFUSED("sp-clean boilerplate model 2\nthreshold 0.5\nstage 1\n"
	    "base 0\ntrees 0\nstage 2\nbase 0\nfeature a\n",
	    "m:8: unknown feature 'a'");
	REFUSED("sp-clean boilerplate model 2\nthreshold 0.5\nstage 1\n"
	    "base 0\ntrees 0\nstage 2\nbase 0\ntrees 0\nstage 3\n",
	    "m:9: text after the last tree");
}

/* A NUL byte: not a model file. */
static void
binary(void)
{
	static const char text[] = "sp-clean boilerplate model 1\n\0\n";
	char err[256] = "";
	struct model *m = model_parse(text, sizeof text - 1, "m", names, 3,
	    names2, 2, err, sizeof err);

	CHECK(m == NULL);
	CHECK(strstr(err, "m: not a text file") != NULL);
	model_free(m);
}

/* A line over the reader's limit is refused, not cut. */
static void
long_line(void)
{
	char text[2048];

	memset(text, 'x', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	REFUSED(text, "line too long");
}

int
main(void)
{
	scores();
	two_stages();
	bad_tables();
	agrees();
	malformed();
	binary();
	long_line();
	return check_done("sp-clean/test_model");
}
