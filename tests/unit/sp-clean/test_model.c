/*
 * Unit tests of bin/sp-clean/model.c: a hand-made model scores as its
 * trees say (missing values, "inf" splits, the base), --explain's
 * contributions add up to the score, and every malformed model file is
 * refused with its line named.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "model.h"

static const char *const names[] = { "a", "b", "c" };

static struct model *
parse(const char *text, char *err, size_t errlen)
{
	return model_parse(text, strlen(text), "m", names, 3, err, errlen);
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
	x[0] = 5;		/* a */
	x[1] = 1;		/* b */
	x[2] = 0;
	CHECK(model_score(m, x, NULL) == -1 + 3 + 0);
	x[0] = 20;
	CHECK(model_score(m, x, NULL) == -1 + 3 + 1);
	x[0] = NAN;		/* a missing: right, to the leaf -1 */
	x[1] = NAN;		/* b missing: left, to -2 */
	CHECK(model_score(m, x, NULL) == -1 - 2 - 1);
	/* The contributions add up: base and roots, then each split. */
	x[0] = 20;
	x[1] = 1;
	memset(c, 0, sizeof c);
	sum = model_score(m, x, c);
	CHECK(fabs(model_base(m) + c[0] + c[1] + c[2] - sum) < 1e-6);
	CHECK(c[2] == 0);
	CHECK(c[1] > 0);	/* b took the path to 3 */
	CHECK(fabs(model_probability(0) - 0.5) < 1e-12);
	model_set_threshold(m, 0.5);
	CHECK(model_threshold(m) == 0.5);
	model_free(m);
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
}

/* A NUL byte: not a model file. */
static void
binary(void)
{
	static const char text[] = "sp-clean boilerplate model 1\n\0\n";
	char err[256] = "";
	struct model *m = model_parse(text, sizeof text - 1, "m", names, 3,
	    err, sizeof err);

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
	malformed();
	binary();
	long_line();
	return check_done("sp-clean/test_model");
}
