/*
 * input.c: every operand as documents, each handed to the mode line by
 * line, read by the suite's stream layer (sp_each_doc_line(): form-feed
 * lines, NULs with -z, JSON Lines records; memory bounded by the longest
 * line).  With --jsonl, an operand whose first line with text is a JSON
 * record (or, when it is not, whose second is) is read as JSON Lines, one
 * document per record; any other operand is read as text, so a plain
 * page can be turned into records.
 */
#include <string.h>

#include "split.h"
#include "stream.h"
#include "tool.h"

struct input {
	const struct mode *mode;
	struct doc doc;
};

/*
 * Documents are numbered from --start-document in the order read; an
 * empty one (two separators in a row) takes no number, as GNU parallel
 * -N counts no empty record, so that a piece of a stream cut at
 * separators, numbered from the number of its first document, numbers
 * them as the whole stream would.
 */
static uint64_t ndocs;

static void
on_begin(const struct sp_doc *d, void *ctx)
{
	struct input *in = ctx;

	/*
	 * An empty document is written back empty, so that the output keeps
	 * the input's separators.  -d finds no document in it, as in a
	 * preamble of blank lines.
	 */
	if (d->empty) {
		if (in->mode != &mode_documents)
			out_empty_doc();
		return;
	}
	in->doc.file = d->file;
	in->doc.number = ++ndocs;
	in->doc.rec = d->in ? d->in->rec : NULL;
	sp_stat_add("documents in", 1);
	in->mode->begin(&in->doc);
}

/* The stream layer's line as the modes take it. */
static void
mode_line(const struct sp_doc_line *sl, struct line *l)
{
	l->text = sl->text;
	l->len = sl->len;
	l->eol = sl->eol;
	l->eol_len = sl->eol_len;
	l->off = sl->off;
	l->partial = (sl->flags & SP_UNIT_PARTIAL) != 0;
	l->continued = (sl->flags & SP_UNIT_CONTINUED) != 0;
	l->number = sl->number;
}

static void
on_line(const struct sp_doc *d, const struct sp_doc_line *sl, void *ctx)
{
	struct input *in = ctx;
	struct line l;

	(void)d;
	mode_line(sl, &l);
	in->mode->line(&in->doc, &l);
}

/* A run of lines (flags 0), handed to the mode's lines() as one. */
static size_t
on_lines(const struct sp_doc *d, const struct sp_doc_line *first,
    uint64_t *count, void *ctx)
{
	struct input *in = ctx;
	struct line l;

	(void)d;
	mode_line(first, &l);
	return in->mode->lines(&in->doc, &l, count);
}

static void
on_end(const struct sp_doc *d, int followed, void *ctx)
{
	struct input *in = ctx;

	if (!d->empty)
		in->mode->end(&in->doc);
	if (followed)
		out_input_separator();
}

/*
 * A record the stream writes back itself (one that cannot be used): the
 * records before it first, and it takes a document's number, as one of
 * an empty text does, so that pieces numbered with --start-document give
 * the numbers one run gives.  A record over --max-unit, written in pieces,
 * takes one.
 */
static void
raw_record(const struct sp_input_unit *in)
{
	out_flush_records();
	if (!(in->unit->flags & SP_UNIT_CONTINUED))
		ndocs++;
}

/* The most members a mode adds, and the list's end. */
#define MAX_MEMBERS 8

void
split_run(int argc, char **argv, const struct mode *mode)
{
	struct input in = { .mode = mode };
	/* The members the mode adds, which the records' own give way to. */
	const char *added[MAX_MEMBERS];
	size_t k, n;
	struct sp_doc_ops ops = {
		.begin = on_begin, .line = on_line, .end = on_end,
		.strip = added, .text_operands = 1,
		.lines = mode->lines ? on_lines : NULL
	};

	/*
	 * The field is written back holding each unit; a member the mode
	 * adds of the same name would be written twice, and the records'
	 * own of that name are replaced (stripped before the field is
	 * read).  The heading of chunks is added only with --headings.
	 */
	for (k = 0, n = 0; mode->members[k] && n + 1 < MAX_MEMBERS; k++) {
		if (strcmp(mode->members[k], "heading") == 0 &&
		    !split_opts.headings)
			continue;
		if (sp_opts.jsonl && strcmp(mode->members[k],
		    sp_opts.field) == 0)
			sp_usage_error("--field %s: sp-split writes a member of "
			    "that name in this mode", sp_opts.field);
		added[n++] = mode->members[k];
	}
	added[n] = NULL;
	ndocs = split_opts.start_document - 1;
	sp_stream_before_raw(raw_record);
	sp_each_doc_line(argc, argv, &ops, &in);
	out_flush_records();
}
