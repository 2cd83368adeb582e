/*
 * input.c: every operand as documents, each handed to the mode line by
 * line.
 *
 * Input is read a line at a time, so memory is bounded by the longest
 * line whatever the size of a document.  Text is split into documents at
 * lines holding only a form feed (at NULs with -z), and each operand is a
 * document of its own.  With --jsonl, an operand whose first line opens a
 * JSON object is read as JSON Lines, one document per record; any other
 * operand is read as text, so a plain page can be turned into records.
 */
#include <errno.h>
#include <string.h>

#include "reader.h"
#include "split.h"
#include "tool.h"

struct input {
	const struct mode *mode;
	struct doc doc;
	int open;		/* a document has begun */
	uint64_t doc_start;	/* its offset in the operand */
	uint64_t warned;	/* the over-long line last warned about */
};

/*
 * Documents are numbered from --start-document in the order read; an
 * empty one (two separators in a row) takes no number, as GNU parallel
 * -N counts no empty record, so that a piece of a stream cut at
 * separators, numbered from the number of its first document, numbers
 * them as the whole stream would.
 */
static uint64_t ndocs;

/*
 * Two separators in a row: an empty document, written back empty, so
 * that the output keeps the input's separators.  -d finds no document in
 * it, as in a preamble of blank lines.
 */
static void
empty_doc(const struct input *in)
{
	if (in->mode != &mode_documents)
		out_empty_doc();
}

static void
doc_end(struct input *in)
{
	if (in->open) {
		in->mode->end(&in->doc);
		in->open = 0;
	}
}

/* Hands text[0..len), which holds no '\n', to the mode. */
static void
feed(struct input *in, const char *text, size_t len, const char *eol,
    size_t eol_len, uint64_t off, const struct sp_unit *u)
{
	struct line l;

	if (!in->open) {
		in->open = 1;
		in->doc.number = ++ndocs;
		in->doc.rec = NULL;
		in->doc_start = off;
		sp_stat_add("documents in", 1);
		in->mode->begin(&in->doc);
	}
	l.partial = (u->flags & SP_UNIT_PARTIAL) != 0;
	l.continued = (u->flags & SP_UNIT_CONTINUED) != 0;
	if (eol_len == 1 && len > 0 && text[len - 1] == '\r') {
		eol = text + len - 1;	/* "\r\n": contiguous in the buffer */
		eol_len = 2;
		len--;
	}
	l.text = text;
	l.len = len;
	l.eol = eol;
	l.eol_len = eol_len;
	l.off = off - in->doc_start;
	l.number = u->number;
	in->mode->line(&in->doc, &l);
}

static void
text_unit(struct input *in, const struct sp_unit *u)
{
	const char *p = u->text, *end = u->text + u->len, *z;

	if ((u->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
	    in->warned != u->number) {
		in->warned = u->number;
		sp_warn(in->doc.file, "line %llu is longer than --max-unit "
		    "(%zu bytes): split in pieces", (unsigned long long)u->number,
		    sp_opts.max_unit);
	}
	if (!sp_opts.nul) {
		if (!(u->flags & SP_UNIT_CONTINUED) &&
		    ((u->len == 1 && p[0] == '\f') ||
		    (u->len == 2 && p[0] == '\f' && p[1] == '\r'))) {
			if (!in->open)
				empty_doc(in);
			doc_end(in);
			out_input_separator();
			return;
		}
		feed(in, p, u->len, u->sep, u->sep_len, u->offset, u);
		return;
	}
	/* -z: a NUL ends the line and the document. */
	while ((z = memchr(p, '\0', (size_t)(end - p))) != NULL) {
		if (z > p || in->open)
			feed(in, p, (size_t)(z - p), "", 0,
			    u->offset + (uint64_t)(p - u->text), u);
		else
			empty_doc(in);
		doc_end(in);
		p = z + 1;
	}
	if (p < end || u->sep_len)
		feed(in, p, (size_t)(end - p), u->sep, u->sep_len,
		    u->offset + (uint64_t)(p - u->text), u);
}

/* JSON Lines: skipping blanks, does the line open an object? */
static int
looks_like_json(const struct sp_unit *u)
{
	size_t i = 0;

	if (u->len >= 3 && memcmp(u->text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < u->len && (u->text[i] == ' ' || u->text[i] == '\t'))
		i++;
	return i < u->len && u->text[i] == '{';
}

static void
json_unit(struct input *in, const struct sp_unit *u)
{
	static struct sp_buf stripped;
	struct sp_jsonl rec, rec2, *use = &rec;
	char err[256];
	const char *t, *nl, *end;
	size_t len;

	if (u->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) {
		if (in->warned != u->number) {
			in->warned = u->number;
			sp_warn_status(SP_EXIT_ERROR, in->doc.file, "line %llu "
			    "is longer than --max-unit (%zu bytes): passed "
			    "through unchanged", (unsigned long long)u->number,
			    sp_opts.max_unit);
		}
		out_text(u->text, u->len);
		out_text(u->sep, u->sep_len);
		return;
	}
	if (u->len == 0 || (u->len == 1 && u->text[0] == '\r'))
		return;
	if (sp_jsonl_parse(&rec, u->text, u->len, sp_opts.field, err,
	    sizeof err) < 0) {
		sp_warn_status(SP_EXIT_ERROR, NULL, "%s:%llu: %s", in->doc.file,
		    (unsigned long long)u->number, err);
		out_text(u->text, u->len);
		out_text("\n", 1);
		return;
	}
	/*
	 * A record split twice (sp-split -d | sp-split -s) must hold each of
	 * the members the mode adds once: drop the ones it will set anew.
	 */
	if (sp_jsonl_strip(u->text, u->len, in->mode->members, &stripped) < 0)
		sp_oom();
	if (stripped.len > 0) {
		if (sp_jsonl_parse(&rec2, stripped.data, stripped.len,
		    sp_opts.field, err, sizeof err) < 0)
			sp_die(in->doc.file, "line %llu: %s",
			    (unsigned long long)u->number, err);
		use = &rec2;
	}
	in->open = 1;
	in->doc.number = ++ndocs;
	in->doc.rec = use;
	sp_stat_add("documents in", 1);
	in->mode->begin(&in->doc);
	t = use->text;
	end = t + use->text_len;
	while (t < end) {
		struct line l;

		nl = memchr(t, '\n', (size_t)(end - t));
		len = nl ? (size_t)(nl - t) : (size_t)(end - t);
		l.text = t;
		l.len = len;
		l.eol = nl ? "\n" : "";
		l.eol_len = nl ? 1 : 0;
		if (nl && len > 0 && t[len - 1] == '\r') {
			l.eol = "\r\n";
			l.eol_len = 2;
			l.len--;
		}
		l.off = (uint64_t)(t - use->text);
		l.partial = l.continued = 0;
		l.number = u->number;
		in->mode->line(&in->doc, &l);
		t += len + (nl ? 1 : 0);
	}
	in->mode->end(&in->doc);
	in->open = 0;
	if (use == &rec2)
		sp_jsonl_free(&rec2);
	sp_jsonl_free(&rec);
}

void
split_run(int argc, char **argv, const struct mode *mode)
{
	static char *stdin_only[] = { "-", NULL };
	struct input in;
	struct sp_reader *r;
	struct sp_unit u;
	const char *display;
	int i, fd, got, json = 0, first;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	ndocs = split_opts.start_document - 1;
	for (i = 0; i < argc; i++) {
		if ((fd = sp_open_input(argv[i], &display)) < 0)
			continue;
		memset(&in, 0, sizeof in);
		in.mode = mode;
		in.doc.file = display;
		r = sp_reader_for(fd, SP_FRAME_LINES);
		first = 1;
		while ((got = sp_reader_next(r, &u)) == 1) {
			if (first) {
				json = sp_opts.jsonl && looks_like_json(&u);
				first = 0;
			}
			if (json)
				json_unit(&in, &u);
			else
				text_unit(&in, &u);
			sp_progress(sp_reader_bytes(r));
		}
		if (got < 0)
			sp_warn_status(SP_EXIT_ERROR, display, "%s",
			    strerror(errno));
		doc_end(&in);
		sp_reader_free(r);
		sp_close_input(fd);
	}
}
