/*
 * mode_documents.c: -d, a page holding several documents split at their
 * markers.
 *
 * Each document runs from its marker line, its title, to the next marker;
 * the text before the first marker is the preamble, a document of its own
 * (with no title) unless --no-preamble drops it, and a preamble of blank
 * lines alone is no document.  Documents are written as they are read,
 * except records, which need the whole text.  With -o each goes to its
 * own file, csplit-style, put in place only when the whole run has gone
 * well (outfiles.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markers.h"
#include "outfiles.h"
#include "split.h"
#include "tool.h"
#include "zh.h"

#define LEAD_MAX ((size_t)64 << 10)	/* blank lines held before text */

static struct {
	int open;		/* a document is being written */
	int seen;		/* a document of this input has begun */
	int counting;		/* number has been set from --start-document */
	uint64_t number;	/* the last output document's number */
	struct sp_buf title;
	int has_title;
	uint64_t start, end;	/* offsets in the input document */
	struct sp_buf text;	/* for records */
	struct sp_buf lead;	/* blank lines before any text */
	uint64_t lead_start;
	FILE *fp;
	char *path;
} cur;

void
documents_finish(void)
{
	if (split_opts.prefix)
		/* A record refused is written back, not lost: the
		 * documents of the others stand. */
		outfiles_finish(sp_status_besides_refused < SP_EXIT_ERROR);
}

static void
open_file(void)
{
	unsigned long long limit = 1;
	size_t len;
	int k;

	for (k = 0; k < split_opts.digits; k++)
		limit *= 10;
	if (cur.number >= limit)
		sp_die(NULL, "-o: more than %llu documents do not fit in -n %d "
		    "digits", limit - 1, split_opts.digits);
	len = strlen(split_opts.prefix) + 32;
	cur.path = sp_xmalloc(len);
	snprintf(cur.path, len, "%s%0*llu.txt", split_opts.prefix,
	    split_opts.digits, (unsigned long long)cur.number);
	cur.fp = outfiles_open(cur.path);
}

static void
put(const char *s, size_t n)
{
	if (n == 0)
		return;
	if (split_opts.prefix) {
		if (fwrite(s, 1, n, cur.fp) != n)
			sp_die(cur.path, "%s", strerror(errno));
	} else if (split_opts.json_out) {
		if (sp_buf_append(&cur.text, s, n) < 0)
			sp_oom();
	} else {
		out_text(s, n);
	}
}

static void
close_doc(const struct doc *d)
{
	struct sp_buf m = SP_BUF_INIT;
	struct doc od;
	char num[64];

	if (!cur.open)
		return;
	cur.open = 0;
	od = *d;
	od.number = cur.number;
	if (split_opts.prefix) {
		outfiles_close(cur.fp, cur.path);
		cur.fp = NULL;
	} else if (split_opts.json_out) {
		if (sp_buf_puts(&m, "\"title\":") < 0)
			sp_oom();
		if (cur.has_title)
			out_json_string(&m, cur.title.data, cur.title.len);
		else if (sp_buf_puts(&m, "null") < 0)
			sp_oom();
		snprintf(num, sizeof num, ",\"start\":%llu,\"end\":%llu",
		    (unsigned long long)cur.start, (unsigned long long)cur.end);
		if (sp_buf_puts(&m, num) < 0)
			sp_oom();
		out_record(&od, m.data, cur.text.data ? cur.text.data : "",
		    cur.text.len, 0);
		sp_buf_free(&m);
	} else {
		if (!sp_opts.nul)
			out_end_line();
		out_end_doc(&od);
	}
}

static void
open_doc(const struct doc *d, const char *title, size_t tlen, uint64_t start)
{
	cur.open = 1;
	cur.seen = 1;
	cur.number++;
	cur.start = cur.end = start;
	cur.has_title = title != NULL;
	sp_buf_clear(&cur.title);
	sp_buf_clear(&cur.text);
	if (title && sp_buf_append(&cur.title, title, tlen) < 0)
		sp_oom();
	sp_stat_add("documents out", 1);
	if (split_opts.prefix)
		open_file();
	else if (!split_opts.json_out)
		out_begin_doc(d);
}

static void
begin(const struct doc *d)
{
	(void)d;
	if (!cur.counting) {
		cur.counting = 1;
		cur.number = split_opts.start_document - 1;
	}
	cur.seen = 0;
	sp_buf_clear(&cur.lead);
}

static int
blank_line(const struct line *l)
{
	size_t i = 0, b;

	while (i < l->len && (b = sp_blank_len(l->text + i, l->len - i)) > 0)
		i += b;
	return i == l->len;
}

static void
put_line(const struct line *l)
{
	put(l->text, l->len);
	put(l->eol, l->eol_len);
	cur.end = l->off + l->len + l->eol_len;
}

/* A line that opens no document: the preamble's or the current one's. */
static void
regular(const struct doc *d, const struct line *l)
{
	if (cur.open) {
		put_line(l);
		return;
	}
	if (split_opts.no_preamble || cur.seen)
		return;
	/* The preamble: blank lines alone make no document. */
	if (blank_line(l) && cur.lead.len + l->len + 2 <= LEAD_MAX) {
		if (cur.lead.len == 0)
			cur.lead_start = l->off;
		if (sp_buf_append(&cur.lead, l->text, l->len) < 0 ||
		    sp_buf_append(&cur.lead, l->eol, l->eol_len) < 0)
			sp_oom();
		return;
	}
	open_doc(d, NULL, 0, cur.lead.len ? cur.lead_start : l->off);
	put(cur.lead.data, cur.lead.len);
	sp_buf_clear(&cur.lead);
	put_line(l);
}

/*
 * A marker line is held until the next line that is not blank: when that
 * is a marker too, the two are a table of contents (篇一 篇二 … listed
 * before the documents) and open no document.
 */
#define HELD_MAX 64
static struct {
	int n;			/* lines held: the marker, then blank ones */
	struct line l[HELD_MAX];
	size_t at[HELD_MAX];
	struct sp_buf bytes;
} held;

static void
hold(const struct line *l)
{
	held.at[held.n] = held.bytes.len;
	held.l[held.n++] = *l;
	if (sp_buf_append(&held.bytes, l->text, l->len) < 0 ||
	    sp_buf_append(&held.bytes, l->eol, l->eol_len) < 0)
		sp_oom();
}

/* Lets the held lines go, the first opening a document if open is set. */
static void
release(const struct doc *d, int open)
{
	int k;

	for (k = 0; k < held.n; k++) {
		struct line l = held.l[k];

		l.text = held.bytes.data + held.at[k];
		l.eol = l.text + l.len;
		if (k == 0 && open) {
			const char *t = l.text;
			size_t tn = l.len;

			close_doc(d);
			marker_trim(&t, &tn);
			open_doc(d, t, tn, l.off);
			put_line(&l);
		} else {
			regular(d, &l);
		}
	}
	held.n = 0;
	sp_buf_clear(&held.bytes);
}

static void
line(const struct doc *d, const struct line *l)
{
	int marker = !l->continued &&
	    marker_line(l->text, l->len, d->file, l->number);

	if (held.n > 0) {
		if (!marker && blank_line(l) && held.n < HELD_MAX) {
			hold(l);
			return;
		}
		/* A marker after a marker: the one held was an entry of a
		 * table of contents. */
		release(d, !marker);
	}
	if (marker)
		hold(l);
	else
		regular(d, l);
}

static void
end(const struct doc *d)
{
	if (held.n > 0)
		release(d, 1);
	close_doc(d);
}

static const char *const members[] = { "doc", "title", "start", "end", NULL };

const struct mode mode_documents = { begin, line, end, members, NULL };
