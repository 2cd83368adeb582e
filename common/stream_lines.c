/*
 * stream_lines.c: documents read a line at a time, with a call where each
 * begins and ends; see sp_each_doc_line() in stream.h.
 */
#include <errno.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "stream.h"
#include "tool.h"

struct doc_reader {
	const struct sp_doc_ops *ops;
	void *ctx;
	struct sp_doc doc;
	int open;		/* a document has begun */
	uint64_t doc_start;	/* its offset in the operand */
	uint64_t doc_lines;	/* lines begun in it */
	uint64_t warned;	/* the over-long line last warned about */
};

static void
doc_begin(struct doc_reader *dr, uint64_t off)
{
	dr->open = 1;
	dr->doc.empty = 0;
	dr->doc_start = off;
	dr->doc_lines = 0;
	dr->ops->begin(&dr->doc, dr->ctx);
}

/* Two separators in a row: a document with no lines. */
static void
empty_doc(struct doc_reader *dr, int followed)
{
	dr->doc.empty = 1;
	dr->ops->begin(&dr->doc, dr->ctx);
	dr->ops->end(&dr->doc, followed, dr->ctx);
	dr->doc.empty = 0;
}

/* Ends the open document; followed: at a form-feed line. */
static void
doc_end(struct doc_reader *dr, int followed)
{
	if (dr->open) {
		dr->open = 0;
		dr->ops->end(&dr->doc, followed, dr->ctx);
	}
}

/* Hands text[0..len), which holds no '\n', on as a line. */
static void
feed(struct doc_reader *dr, const char *text, size_t len, const char *eol,
    size_t eol_len, uint64_t off, const struct sp_unit *u)
{
	struct sp_doc_line l;

	if (!dr->open)
		doc_begin(dr, off);
	if (eol_len == 1 && len > 0 && text[len - 1] == '\r') {
		eol = text + len - 1;	/* "\r\n": contiguous in the buffer */
		eol_len = 2;
		len--;
	}
	l.text = text;
	l.len = len;
	l.eol = eol;
	l.eol_len = eol_len;
	l.number = u->number;
	if (!(u->flags & SP_UNIT_CONTINUED))
		dr->doc_lines++;
	l.doc_line = dr->doc_lines;
	l.off = off - dr->doc_start;
	l.file_off = off;
	l.flags = u->flags;
	dr->ops->line(&dr->doc, &l, dr->ctx);
}

static int
is_form_feed_line(const struct sp_unit *u)
{
	return !(u->flags & SP_UNIT_CONTINUED) &&
	    ((u->len == 1 && u->text[0] == '\f') ||
	    (u->len == 2 && u->text[0] == '\f' && u->text[1] == '\r'));
}

/* A line of text: a form-feed line ends the document, with -z a NUL. */
static void
text_line(struct doc_reader *dr, const struct sp_unit *u)
{
	const char *p = u->text, *end = u->text + u->len, *z;

	dr->doc.in = NULL;
	if ((u->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
	    dr->warned != u->number) {
		dr->warned = u->number;
		sp_warn_long_unit(dr->doc.file, u->number);
	}
	if (!sp_opts.nul) {
		if (is_form_feed_line(u)) {
			if (!dr->open)
				empty_doc(dr, 1);
			else
				doc_end(dr, 1);
			return;
		}
		feed(dr, p, u->len, u->sep, u->sep_len, u->offset, u);
		return;
	}
	while ((z = memchr(p, '\0', (size_t)(end - p))) != NULL) {
		if (z > p || dr->open)
			feed(dr, p, (size_t)(z - p), "", 0,
			    u->offset + (uint64_t)(p - u->text), u);
		else
			empty_doc(dr, 0);
		doc_end(dr, 0);
		p = z + 1;
	}
	if (p < end || u->sep_len)
		feed(dr, p, (size_t)(end - p), u->sep, u->sep_len,
		    u->offset + (uint64_t)(p - u->text), u);
}

/*
 * JSON Lines: skipping blanks, does the line open an object, or is it a
 * JSON array whole ([1,2,3], a record that is no object, which is then
 * reported as the other tools report it; a text line such as "[转载]"
 * is no JSON)?
 */
static int
looks_like_json(const struct sp_unit *u)
{
	size_t i = sp_jsonl_bom(u);
	json_t *v;

	while (i < u->len && (u->text[i] == ' ' || u->text[i] == '\t'))
		i++;
	if (i < u->len && u->text[i] == '{')
		return 1;
	if (i >= u->len || u->text[i] != '[' ||
	    (v = json_loadb(u->text + i, u->len - i, JSON_DECODE_ANY |
	    JSON_DECODE_INT_AS_REAL | JSON_ALLOW_NUL, NULL)) == NULL)
		return 0;
	json_decref(v);
	return 1;
}

/*
 * The JSON value the line is whole, blanks and a byte order mark before
 * it aside, if it opens as an object or an array does; else NULL.
 */
static json_t *
json_value(const struct sp_unit *u)
{
	size_t i = sp_jsonl_bom(u);

	while (i < u->len && (u->text[i] == ' ' || u->text[i] == '\t'))
		i++;
	if (i >= u->len || (u->text[i] != '{' && u->text[i] != '['))
		return NULL;
	return json_loadb(u->text + i, u->len - i, JSON_DECODE_ANY |
	    JSON_DECODE_INT_AS_REAL | JSON_ALLOW_NUL, NULL);
}

/* Is the line a JSON record whole: an object, or an array (a record that
 * is no object)? */
static int
json_whole(const struct sp_unit *u)
{
	json_t *v = json_value(u);

	json_decref(v);
	return v != NULL;
}

/* Is the line a JSON object whole? */
static int
json_object_whole(const struct sp_unit *u)
{
	json_t *v = json_value(u);
	int object = json_is_object(v);

	json_decref(v);
	return object;
}

/*
 * Is the line t[0..n) a JSON value whole that no record is: null, true,
 * false, a number or a string (what jq writes for a record it could not
 * select)?  Only lines opening as one of these can be.
 */
static int
json_scalar_whole(const char *t, size_t n)
{
	json_t *v;

	if (n == 0 || !strchr("ntf\"-0123456789", t[0]))
		return 0;
	v = json_loadb(t, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	json_decref(v);
	return v != NULL;
}

/*
 * Does a first line that is no JSON record look like one, or the end of
 * one cut short: opening with { or [, ending with }, or a JSON value that
 * is no record ("null" before the records of a jq filter)?  Only such a
 * line waits for the next to tell JSON Lines from text; a line of text
 * ("参考文献", "[1]" after it) tells text at once.
 */
static int
record_like(const struct sp_unit *u)
{
	size_t i = sp_jsonl_bom(u), e = u->len;

	while (i < e && (u->text[i] == ' ' || u->text[i] == '\t'))
		i++;
	while (e > i && (u->text[e - 1] == ' ' || u->text[e - 1] == '\t' ||
	    u->text[e - 1] == '\r'))
		e--;
	return i < e && (u->text[i] == '{' || u->text[i] == '[' ||
	    u->text[e - 1] == '}' || json_scalar_whole(u->text + i, e - i));
}

/*
 * Whether a line of an operand that may be text (ops->text_operands) is
 * held back until a line with something in it tells JSON Lines from text:
 * a blank line (no record, see sp_jsonl_blank()) that is whole, while the
 * lines held stay within --max-unit (an operand that opens with more blank
 * lines than that is taken for text).
 */
static int
hold_back(const struct sp_buf *held, const struct sp_unit *u)
{
	return !(u->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
	    u->sep_len > 0 && sp_jsonl_blank(u) &&
	    held->len + u->len + u->sep_len <= sp_opts.max_unit;
}

/*
 * Whether the first line with text, no JSON record whole, is held back
 * for the next to tell JSON Lines from text: when it is whole and the
 * lines held stay within --max-unit (else it alone tells, as it opens).
 */
static int
hold_first(const struct sp_buf *held, const struct sp_unit *u)
{
	return !(u->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
	    u->sep_len > 0 && held->len + u->len + u->sep_len <=
	    sp_opts.max_unit;
}

/*
 * The lines held back, held[0..len), each ending in '\n', from the
 * operand's start: read as text after all, or as records (json), line by
 * line.
 */
static void record(struct doc_reader *dr, const struct sp_unit *u);

static void
replay(struct doc_reader *dr, const struct sp_buf *held, int json)
{
	const char *p = held->data, *end, *nl;
	struct sp_unit u;

	if (held->len == 0)
		return;		/* nothing held, and maybe no buffer yet */
	end = p + held->len;
	memset(&u, 0, sizeof u);
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		u.text = p;
		u.len = (size_t)(nl - p);
		u.sep = nl;
		u.sep_len = 1;
		u.offset = (uint64_t)(p - held->data);
		u.number++;
		if (json)
			record(dr, &u);
		else
			text_line(dr, &u);
	}
}

/*
 * The lines of a record's text t[0..len) at offset off, after the line
 * l handed on, a run to the tool at once; returns the bytes it took, and
 * counts their lines in l.
 */
static size_t
record_run(struct doc_reader *dr, struct sp_doc_line *l, const char *t,
    size_t len, uint64_t off)
{
	struct sp_doc_line run = *l;
	uint64_t count = 0;
	size_t used;

	run.text = t;
	run.len = len;
	run.eol = "";
	run.eol_len = 0;
	run.doc_line = l->doc_line + 1;
	run.off = run.file_off = off;
	used = dr->ops->lines(&dr->doc, &run, &count, dr->ctx);
	l->doc_line += count;
	return used;
}

/* A record's text, line by line, as one document. */
static void
record_lines(struct doc_reader *dr, const struct sp_jsonl *rec,
    const struct sp_unit *u)
{
	const char *t = rec->text, *end = t + rec->text_len, *nl;
	struct sp_doc_line l;
	size_t len;

	dr->open = 1;
	dr->doc.empty = 0;
	dr->doc.number = u->number;
	dr->ops->begin(&dr->doc, dr->ctx);
	memset(&l, 0, sizeof l);
	l.number = u->number;
	while (t < end) {
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
		l.off = l.file_off = (uint64_t)(t - rec->text);
		l.doc_line++;
		dr->ops->line(&dr->doc, &l, dr->ctx);
		t += len + (nl ? 1 : 0);
		if (dr->ops->lines && !sp_opts.nul && t < end)
			t += record_run(dr, &l, t, (size_t)(end - t),
			    (uint64_t)(t - rec->text));
	}
	doc_end(dr, 0);
}

/* A record read: its members stripped as asked, its lines handed on. */
static int
record_doc(const struct sp_input_unit *in, void *ctx)
{
	static struct sp_buf stripped;
	struct doc_reader *dr = ctx;
	const struct sp_unit *u = in->unit;
	struct sp_input_unit use = *in;
	struct sp_jsonl rec2;
	char err[256];

	if (dr->ops->strip && sp_jsonl_strip(u->text, u->len, dr->ops->strip,
	    &stripped) < 0)
		sp_oom();
	if (dr->ops->strip && stripped.len > 0) {
		if (sp_jsonl_parse(&rec2, stripped.data, stripped.len,
		    sp_opts.field, err, sizeof err) < 0)
			sp_die(dr->doc.file, "line %llu: %s",
			    (unsigned long long)u->number, err);
		use.rec = &rec2;
		use.text = rec2.text;
		use.len = rec2.text_len;
	}
	dr->doc.in = &use;
	record_lines(dr, use.rec, u);
	dr->doc.in = NULL;
	if (use.rec == &rec2)
		sp_jsonl_free(&rec2);
	return 0;
}

/* One JSON Lines record: one that cannot be used is written unchanged. */
static void
record(struct doc_reader *dr, const struct sp_unit *u)
{
	struct sp_input_unit in;

	memset(&in, 0, sizeof in);
	in.file = dr->doc.file;
	in.unit = u;
	in.text = u->text;
	in.len = u->len;
	in.file_index = dr->doc.file_index;
	sp_stream_record(&in, &dr->warned, record_doc, dr);
}

/* The lines after the one handed on, a run to the tool at once. */
static void
run_of_lines(struct doc_reader *dr, struct sp_reader *r, uint64_t number,
    uint64_t off)
{
	struct sp_doc_line l;
	size_t used;
	uint64_t count = 0;

	if ((l.text = sp_reader_ahead(r, &l.len)) == NULL)
		return;
	l.eol = "";
	l.eol_len = 0;
	l.number = number;
	l.doc_line = dr->doc_lines + 1;
	l.off = off - dr->doc_start;
	l.file_off = off;
	l.flags = 0;
	if ((used = dr->ops->lines(&dr->doc, &l, &count, dr->ctx)) > 0) {
		sp_reader_pass(r, used, count);
		dr->doc_lines += count;
	}
}

static void
read_operand(struct doc_reader *dr, int fd)
{
	static struct sp_buf held;	/* blank lines while undecided */
	struct sp_reader *r = sp_reader_for(fd, SP_FRAME_LINES);
	struct sp_unit u;
	int got, json = sp_opts.jsonl && !dr->ops->text_operands;
	int undecided = sp_opts.jsonl && dr->ops->text_operands;
	int first = 0;		/* the first line with text is held */
	int first_opens = 0;	/* ... and opens as JSON does */

	sp_buf_clear(&held);
	while ((got = sp_reader_next(r, &u)) == 1) {
		if (undecided) {
			/*
			 * JSON Lines or text?  A first line with text that is
			 * a JSON record says JSON Lines; one that is not (a
			 * record cut short by split -b, "{“十四五”规划}解读")
			 * leaves it to the next: JSON Lines when that is a
			 * record whole, else text.
			 */
			if (hold_back(&held, &u) || (!first &&
			    record_like(&u) && !json_whole(&u) &&
			    hold_first(&held, &u))) {
				if (!first && !sp_jsonl_blank(&u)) {
					first = 1;
					first_opens = looks_like_json(&u);
				}
				if (sp_buf_append(&held, u.text, u.len) < 0 ||
				    sp_buf_append(&held, u.sep, u.sep_len) < 0)
					sp_oom();
				continue;
			}
			undecided = 0;
			json = first ? json_object_whole(&u) :
			    looks_like_json(&u);
			replay(dr, &held, json);
		}
		if (json)
			record(dr, &u);
		else {
			text_line(dr, &u);
			if (dr->ops->lines && dr->open && !sp_opts.nul)
				run_of_lines(dr, r, u.number + 1,
				    u.offset + u.len + u.sep_len);
		}
		if (sp_opts.progress)	/* not a call a line for nothing */
			sp_progress(sp_reader_bytes(r));
	}
	/* Nothing but blank lines is text, as ever; a line with text alone
	 * is JSON Lines when it opens as JSON does. */
	if (undecided)
		replay(dr, &held, first && first_opens);
	if (got < 0)
		sp_warn_status(SP_EXIT_ERROR, dr->doc.file, "%s",
		    strerror(errno));
	doc_end(dr, 0);
	sp_reader_free(r);
}

void
sp_each_doc_line(int argc, char **argv, const struct sp_doc_ops *ops,
    void *ctx)
{
	struct doc_reader dr;
	const char *display;
	int i, fd;

	argv = sp_operands(&argc, argv);
	for (i = 0; i < argc; i++) {
		if ((fd = sp_open_input(argv[i], &display)) < 0)
			continue;
		memset(&dr, 0, sizeof dr);
		dr.ops = ops;
		dr.ctx = ctx;
		dr.doc.file = display;
		dr.doc.file_index = i;
		read_operand(&dr, fd);
		sp_close_input(fd);
		if (ops->file_end)
			ops->file_end(display, i, ctx);
	}
}
