/*
 * The hard-wrap step against pages whose right line breaks are known:
 * tests/eval/hardwrap/NAME.in and NAME.gold (see make-pages.py there).
 * Prints the precision and recall of the joins, recall apart for the
 * wraps that can be seen (not right after a sentence end, which is never
 * joined), and checks them against floors.  SP_EVAL_VERBOSE=1 prints each
 * wrong break.  Run from the repository root (tests/run does).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "hardwrap.h"
#include "linefeat.h"

#define DIR_ "tests/eval/hardwrap"
#define MIN_PRECISION 0.99
#define MIN_VISIBLE_RECALL 0.95
#define MIN_BLANK_RECALL 0.99	/* all wraps, with blank lines */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	struct sp_buf b = SP_BUF_INIT;
	char tmp[65536];
	size_t k;

	if (f == NULL)
		return NULL;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		sp_buf_append(&b, tmp, k);
	fclose(f);
	if (b.len && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	*len = b.len;
	return b.data ? b.data : calloc(1, 1);
}

/*
 * Marks in joined[] each '\n' of in[0..n) that out[0..m) removed (a glue
 * space may stand in its place).  Returns -1 if out is not in with some
 * breaks removed.
 */
static int
joins_of(const char *in, size_t n, const char *out, size_t m, char *joined)
{
	size_t i = 0, j = 0;

	while (i < n) {
		if (j < m && in[i] == out[j]) {
			i++;
			j++;
		} else if (in[i] == '\n') {
			joined[i] = 1;
			if (j < m && out[j] == ' ')
				j++;
			i++;
		} else {
			return -1;
		}
	}
	return j == m ? 0 : -1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct score {
	size_t tp, fp, fn, hidden, visible_fn;
};

/*
 * The breaks gaps[] that empty lines between the gold's paragraphs give
 * (HARDWRAP_BLANK before each line that opens one), for in[0..n) whose
 * removed breaks jg[] marks: the page as a text with blank lines between
 * its paragraphs hands it on.
 */
static unsigned char *
blank_gaps(const char *in, size_t n, const char *jg, size_t *ngaps)
{
	unsigned char *g = calloc(hardwrap_lines(in, n) + 1, 1);
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (in[i] == '\n' && !jg[i])
			g[++k] = HARDWRAP_BLANK;
		else if (in[i] == '\n')
			k++;
	*ngaps = k + 1;
	return g;
}

/* Scores the page name, with empty lines between its paragraphs when
 * blanks is set; prints its false joins. */
static void
score_page(const char *name, int blanks, struct score *sc)
{
	char path[512], *in, *gold, *js = NULL, *jg = NULL;
	const char *verbose = getenv("SP_EVAL_VERBOSE");
	unsigned char *gaps = NULL;
	size_t i, n, gn, ngaps = 0, ls, page_fp = 0;
	struct sp_buf out = SP_BUF_INIT;

	snprintf(path, sizeof path, "%s/%s.in", DIR_, name);
	in = slurp(path, &n);
	snprintf(path, sizeof path, "%s/%s.gold", DIR_, name);
	gold = slurp(path, &gn);
	if (!in || !gold) {
		printf("FAIL %s: cannot read\n", path);
		check_failed++;
		goto next;
	}
	js = calloc(n + 1, 1);
	jg = calloc(n + 1, 1);
	if (!check_report(joins_of(in, n, gold, gn, jg) == 0, name, 0,
	    "gold is input joined"))
		goto next;
	if (blanks)
		gaps = blank_gaps(in, n, jg, &ngaps);
	hardwrap_join(in, n, gaps, ngaps, &out);
	if (!check_report(joins_of(in, n, out.data ? out.data : "", out.len,
	    js) == 0, name, 0, "output is input joined"))
		goto next;
	for (i = 0, ls = 0; i < n; i++) {
		if (in[i] != '\n')
			continue;
		if (js[i] && jg[i])
			sc->tp++;
		else if (js[i]) {
			sc->fp++;
			page_fp++;
			if (verbose)
				printf("# %s: false join: %.*s|\n", name,
				    (int)(i - ls > 90 ? 90 : i - ls), in + ls);
		} else if (jg[i]) {
			sc->fn++;
			if (lf_ends_sentence(in + ls, i - ls))
				sc->hidden++;
			else {
				sc->visible_fn++;
				if (verbose)
					printf("# %s: missed: %.*s|\n", name,
					    (int)(i - ls > 90 ? 90 : i - ls),
					    in + ls);
			}
		}
		ls = i + 1;
	}
	printf("%s%s: %zu false joins\n", name, blanks ? " (blank lines)" : "",
	    page_fp);
next:
	free(gaps);
	free(js);
	free(jg);
	free(in);
	free(gold);
	sp_buf_free(&out);
}

static double
ratio(size_t a, size_t b)
{
	return b ? (double)a / (double)b : 1;
}

int
main(void)
{
	char *names[64];
	size_t nn = 0, k;
	struct score sc = { 0 }, bl = { 0 };
	DIR *d;
	struct dirent *e;
	double prec, rec, vrec, bprec, brec;

	if ((d = opendir(DIR_)) == NULL) {
		printf("FAIL %s: cannot open (run from the repository root)\n",
		    DIR_);
		check_failed++;
		return check_done("test_hardwrap_eval");
	}
	while ((e = readdir(d)) != NULL && nn < 64) {
		size_t l = strlen(e->d_name);

		if (l > 3 && strcmp(e->d_name + l - 3, ".in") == 0)
			names[nn++] = strndup(e->d_name, l - 3);
	}
	closedir(d);
	qsort(names, nn, sizeof names[0], by_name);
	CHECK(nn >= 3);
	for (k = 0; k < nn; k++) {
		score_page(names[k], 0, &sc);
		score_page(names[k], 1, &bl);
		free(names[k]);
	}
	prec = ratio(sc.tp, sc.tp + sc.fp);
	rec = ratio(sc.tp, sc.tp + sc.fn);
	vrec = ratio(sc.tp, sc.tp + sc.visible_fn);
	printf("hardwrap precision: %.4f (%zu of %zu joins right)\n", prec,
	    sc.tp, sc.tp + sc.fp);
	printf("hardwrap recall: %.4f (%zu of %zu wraps; %zu right after a "
	    "sentence end, never joined)\n", rec, sc.tp, sc.tp + sc.fn,
	    sc.hidden);
	printf("hardwrap recall of visible wraps: %.4f\n", vrec);
	/* The same pages with empty lines between their paragraphs, as a
	 * text copied from a word processor has them: wraps right after a
	 * sentence end can be told there, at the wrap width. */
	bprec = ratio(bl.tp, bl.tp + bl.fp);
	brec = ratio(bl.tp, bl.tp + bl.fn);
	printf("hardwrap with blank lines between paragraphs: precision "
	    "%.4f recall %.4f (%zu wraps right after a sentence end "
	    "missed)\n", bprec, brec, bl.hidden);
	CHECK(prec >= MIN_PRECISION);
	CHECK(vrec >= MIN_VISIBLE_RECALL);
	CHECK(bprec >= MIN_PRECISION);
	CHECK(brec >= MIN_BLANK_RECALL);
	return check_done("test_hardwrap_eval");
}
