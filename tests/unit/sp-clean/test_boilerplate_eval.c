/*
 * The boilerplate step against labelled pages: every line of the pages in
 * tests/eval/boilerplate/ (*.tsv) is labelled content (c) or boilerplate (b)
 * (see make-pages.py there).  Prints boilerplate precision and recall and
 * content recall; content recall must be 100%, the others above a floor.
 * Pages named heldout-* were labelled after the scorer was tuned on the
 * others and are reported apart as well, so the figures say how it does on
 * pages it has not seen.  With SP_EVAL_VERBOSE=1 in the environment,
 * prints every wrong line (2: every line).
 * Run from the repository root (tests/run does).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "buf.h"
#include "check.h"

#define DIR_ "tests/eval/boilerplate"
/* Floors for the figures printed; raise them as the scorer improves. */
#define MIN_PRECISION 0.99
#define MIN_RECALL 0.92

struct page {
	struct sp_buf doc;
	char *label;		/* per line: 'c' or 'b' */
	size_t *start;		/* per line: offset in doc */
	size_t n, cap;
	char *dropped;
	char **why;
};

static void
on_drop(const char *line, size_t len, const char *reason, void *ctx)
{
	struct page *p = ctx;
	size_t lo = 0, hi = p->n, mid;

	(void)len;
	/* The line points into the document: find it by its offset. */
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (p->start[mid] <= (size_t)(line - p->doc.data))
			lo = mid;
		else
			hi = mid;
	}
	p->dropped[lo] = 1;
	free(p->why[lo]);
	p->why[lo] = strdup(reason);
}

static int
read_page(const char *path, struct page *p)
{
	FILE *f;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t k;

	memset(p, 0, sizeof *p);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while ((k = getline(&buf, &cap, f)) > 0) {
		if (buf[k - 1] == '\n')
			buf[--k] = '\0';
		if (k == 0 || buf[0] == '#')
			continue;
		if (k < 2 || (buf[0] != 'c' && buf[0] != 'b') || buf[1] != '\t') {
			printf("FAIL %s: bad line \"%s\"\n", path, buf);
			check_failed++;
			continue;
		}
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 64;
			p->label = realloc(p->label, p->cap);
			p->start = realloc(p->start, p->cap * sizeof *p->start);
			if (!p->label || !p->start)
				abort();
		}
		if (p->n)
			sp_buf_putc(&p->doc, '\n');
		p->label[p->n] = buf[0];
		p->start[p->n] = p->doc.len;
		sp_buf_append(&p->doc, buf + 2, (size_t)k - 2);
		p->n++;
	}
	free(buf);
	fclose(f);
	p->dropped = calloc(p->n ? p->n : 1, 1);
	p->why = calloc(p->n ? p->n : 1, sizeof *p->why);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(void)
{
	struct boilerplate *bp;
	struct sp_buf out = SP_BUF_INIT;
	struct page p;
	char err[256], path[512], *names[256];
	size_t tp = 0, fp = 0, fn = 0, content = 0, kept = 0, i, nn = 0;
	size_t htp = 0, hfp = 0, hfn = 0, hcontent = 0, hkept = 0;
	int held;
	size_t page_fp;
	DIR *d;
	struct dirent *e;
	const char *verbose = getenv("SP_EVAL_VERBOSE");
	double prec, rec;

	if ((bp = boilerplate_new(err, sizeof err)) == NULL) {
		printf("FAIL boilerplate_new: %s\n", err);
		return check_done("test_boilerplate_eval");
	}
	if ((d = opendir(DIR_)) == NULL) {
		printf("FAIL %s: cannot open (run from the repository root)\n",
		    DIR_);
		check_failed++;
		boilerplate_free(bp);
		return check_done("test_boilerplate_eval");
	}
	while ((e = readdir(d)) != NULL && nn < 256) {
		size_t l = strlen(e->d_name);

		if (l > 4 && strcmp(e->d_name + l - 4, ".tsv") == 0)
			names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof names[0], by_name);
	CHECK(nn >= 13);
	for (i = 0; i < nn; i++) {
		size_t j;

		snprintf(path, sizeof path, "%s/%s", DIR_, names[i]);
		if (read_page(path, &p) < 0) {
			printf("FAIL %s: cannot read\n", path);
			check_failed++;
			continue;
		}
		boilerplate_filter(bp, p.doc.data ? p.doc.data : "", p.doc.len,
		    &out, on_drop, &p, NULL);
		page_fp = 0;
		held = strncmp(names[i], "heldout-", 8) == 0;
		for (j = 0; j < p.n; j++) {
			int b = p.label[j] == 'b';
			const char *line = p.doc.data + p.start[j];
			int n = (int)((j + 1 < p.n ? p.start[j + 1] - 1 :
			    p.doc.len) - p.start[j]);

			if (held) {
				hcontent += !b;
				hkept += !b && !p.dropped[j];
				htp += b && p.dropped[j];
				hfp += !b && p.dropped[j];
				hfn += b && !p.dropped[j];
			}
			if (!b)
				content++;
			if (!b && !p.dropped[j])
				kept++;
			if (b && p.dropped[j])
				tp++;
			else if (!b && p.dropped[j]) {
				fp++;
				page_fp++;
				printf("# %s:%zu: content dropped (%s): %.*s\n",
				    names[i], j + 1, p.why[j], n > 120 ? 120 : n,
				    line);
			} else if (verbose && *verbose == '2') {
				printf("# %s:%zu: %c %s: %.*s\n", names[i],
				    j + 1, p.label[j], p.dropped[j] ? p.why[j] :
				    "kept", n > 80 ? 80 : n, line);
			}
			if (b && !p.dropped[j]) {
				fn++;
				if (verbose)
					printf("# %s:%zu: boilerplate kept: "
					    "%.*s\n", names[i], j + 1,
					    n > 120 ? 120 : n, line);
			}
		}
		/* Content recall is 100% on every page. */
		check_report(page_fp == 0, names[i], 0, "content recall 100%");
		sp_buf_free(&p.doc);
		free(p.label);
		free(p.start);
		for (j = 0; j < p.n; j++)
			free(p.why[j]);
		free(p.why);
		free(p.dropped);
		free(names[i]);
	}
	prec = tp + fp ? (double)tp / (double)(tp + fp) : 1;
	rec = tp + fn ? (double)tp / (double)(tp + fn) : 1;
	printf("boilerplate precision: %.4f (%zu of %zu lines dropped)\n",
	    prec, tp, tp + fp);
	printf("boilerplate recall: %.4f (%zu of %zu boilerplate lines)\n",
	    rec, tp, tp + fn);
	printf("content recall: %.4f (%zu of %zu content lines)\n",
	    content ? (double)kept / (double)content : 1, kept, content);
	printf("held-out pages: boilerplate precision %.4f, recall %.4f, "
	    "content recall %.4f (%zu lines)\n",
	    htp + hfp ? (double)htp / (double)(htp + hfp) : 1,
	    htp + hfn ? (double)htp / (double)(htp + hfn) : 1,
	    hcontent ? (double)hkept / (double)hcontent : 1,
	    htp + hfp + hfn + hkept);
	CHECK(prec >= MIN_PRECISION);
	CHECK(rec >= MIN_RECALL);
	sp_buf_free(&out);
	boilerplate_free(bp);
	return check_done("test_boilerplate_eval");
}
