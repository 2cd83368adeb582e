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

int
main(void)
{
	char path[512], *names[64], *in, *gold, *js, *jg;
	size_t nn = 0, i, k, n, gn, tp = 0, fp = 0, fn = 0, hidden = 0;
	size_t visible_fn = 0, ls;
	struct sp_buf out = SP_BUF_INIT;
	const char *verbose = getenv("SP_EVAL_VERBOSE");
	DIR *d;
	struct dirent *e;
	double prec, rec, vrec;

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
		size_t page_fp = 0;

		snprintf(path, sizeof path, "%s/%s.in", DIR_, names[k]);
		in = slurp(path, &n);
		snprintf(path, sizeof path, "%s/%s.gold", DIR_, names[k]);
		gold = slurp(path, &gn);
		if (!in || !gold) {
			printf("FAIL %s: cannot read\n", path);
			check_failed++;
			continue;
		}
		hardwrap_join(in, n, NULL, 0, &out);
		js = calloc(n + 1, 1);
		jg = calloc(n + 1, 1);
		if (!check_report(joins_of(in, n, out.data ? out.data : "",
		    out.len, js) == 0, names[k], 0, "output is input joined") ||
		    !check_report(joins_of(in, n, gold, gn, jg) == 0, names[k],
		    0, "gold is input joined"))
			goto next;
		for (i = 0, ls = 0; i < n; i++) {
			if (in[i] != '\n')
				continue;
			if (js[i] && jg[i])
				tp++;
			else if (js[i]) {
				fp++;
				page_fp++;
				if (verbose)
					printf("# %s: false join: %.*s|\n",
					    names[k], (int)(i - ls > 90 ? 90 :
					    i - ls), in + ls);
			} else if (jg[i]) {
				fn++;
				if (lf_ends_sentence(in + ls, i - ls))
					hidden++;
				else {
					visible_fn++;
					if (verbose)
						printf("# %s: missed: %.*s|\n",
						    names[k], (int)(i - ls > 90 ?
						    90 : i - ls), in + ls);
				}
			}
			ls = i + 1;
		}
		printf("%s: %zu false joins\n", names[k], page_fp);
next:
		free(js);
		free(jg);
		free(in);
		free(gold);
		free(names[k]);
	}
	prec = tp + fp ? (double)tp / (double)(tp + fp) : 1;
	rec = tp + fn ? (double)tp / (double)(tp + fn) : 1;
	vrec = tp + visible_fn ? (double)tp / (double)(tp + visible_fn) : 1;
	printf("hardwrap precision: %.4f (%zu of %zu joins right)\n", prec, tp,
	    tp + fp);
	printf("hardwrap recall: %.4f (%zu of %zu wraps; %zu right after a "
	    "sentence end, never joined)\n", rec, tp, tp + fn, hidden);
	printf("hardwrap recall of visible wraps: %.4f\n", vrec);
	CHECK(prec >= MIN_PRECISION);
	CHECK(vrec >= MIN_VISIBLE_RECALL);
	sp_buf_free(&out);
	return check_done("test_hardwrap_eval");
}
