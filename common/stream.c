/* stream.c: the unit loop and framed output; see stream.h. */
#include <errno.h>
#include <string.h>

#include "buf.h"
#include "stream.h"
#include "tool.h"

static enum sp_framing out_framing;
static struct sp_separator out_sep;
static struct sp_buf record;
static void (*before_raw)(const struct sp_input_unit *);
static int quiet;
static int keep_unusable = 1;

char **
sp_operands(int *argc, char **argv)
{
	static char *stdin_only[] = { "-", NULL };

	if (*argc > 0)
		return argv;
	*argc = 1;
	return stdin_only;
}

/* Added to the unit and record numbers warnings give (--start-line). */
static uint64_t number_base;

void
sp_stream_number_base(uint64_t base)
{
	number_base = base;
}

/* What the tool does with a unit over --max-unit, for the warning. */
static const char *long_unit_fate = "processed in pieces";

void
sp_stream_long_unit_fate(const char *fate)
{
	long_unit_fate = fate;
}

void
sp_warn_long_unit(const char *file, uint64_t number)
{
	sp_warn(file, "unit %llu is longer than --max-unit (%zu bytes): %s",
	    (unsigned long long)(number + number_base), sp_opts.max_unit,
	    long_unit_fate);
}

void
sp_warn_bad_record(const char *file, uint64_t number, const char *reason)
{
	if (reason)
		sp_warn_refused(NULL, "%s:%llu: %s", file,
		    (unsigned long long)(number + number_base), reason);
	else
		sp_warn_refused(NULL, "%s:%llu: longer than "
		    "--max-unit (%zu bytes)", file,
		    (unsigned long long)(number + number_base),
		    sp_opts.max_unit);
}

void
sp_sep_owe(struct sp_separator *s)
{
	s->owed = 1;
}

void
sp_sep_pay(struct sp_separator *s)
{
	if (s->owed) {
		s->owed = 0;
		s->write(s->ctx);
	}
}

void
sp_stream_before_raw(void (*fn)(const struct sp_input_unit *))
{
	before_raw = fn;
}

void
sp_stream_quiet(int on)
{
	quiet = on;
}

void
sp_stream_write_unusable(int on)
{
	keep_unusable = on;
}

size_t
sp_jsonl_bom(const struct sp_unit *u)
{
	if (u->offset == 0 && u->len >= 3 && !(u->flags & SP_UNIT_CONTINUED) &&
	    memcmp(u->text, "\xEF\xBB\xBF", 3) == 0)
		return 3;
	return 0;
}

int
sp_jsonl_blank(const struct sp_unit *u)
{
	size_t i;

	/* JSON's white space but the line feed that ends the line. */
	for (i = sp_jsonl_bom(u); i < u->len; i++)
		if (u->text[i] != ' ' && u->text[i] != '\t' &&
		    u->text[i] != '\r')
			return 0;
	return 1;
}

/* sp_stream_record() of a line without a byte order mark. */
static int
read_record(struct sp_input_unit *in, uint64_t *warned, sp_unit_fn fn,
    void *ctx)
{
	const struct sp_unit *u = in->unit;
	struct sp_jsonl rec;
	char err[256];
	int stop;

	if (u->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) {
		if (quiet)
			return 0;
		if (*warned != u->number)
			sp_warn_bad_record(in->file, u->number, NULL);
		*warned = u->number;
		if (keep_unusable)
			sp_emit_raw(in);
		return 0;
	}
	if (sp_jsonl_blank(u))
		return 0;	/* blank lines are no records */
	if (sp_jsonl_parse(&rec, u->text, u->len, sp_opts.field, err,
	    sizeof err) < 0) {
		if (quiet)
			return 0;
		sp_warn_bad_record(in->file, u->number, err);
		if (keep_unusable)
			sp_emit_raw(in);
		return 0;
	}
	in->rec = &rec;
	in->text = rec.text;
	in->len = rec.text_len;
	stop = fn(in, ctx);
	sp_jsonl_free(&rec);
	return stop;
}

int
sp_stream_record(struct sp_input_unit *in, uint64_t *warned, sp_unit_fn fn,
    void *ctx)
{
	const struct sp_unit *as_read = in->unit;
	struct sp_unit past_bom;
	size_t bom;
	int stop;

	if ((bom = sp_jsonl_bom(as_read)) == 0)
		return read_record(in, warned, fn, ctx);
	/* Read, and written back if unusable, as if the mark were not there. */
	past_bom = *as_read;
	past_bom.text += bom;
	past_bom.len -= bom;
	past_bom.offset += bom;
	in->unit = &past_bom;
	in->text = past_bom.text;
	in->len = past_bom.len;
	stop = read_record(in, warned, fn, ctx);
	in->unit = as_read;
	return stop;
}

static int
run_file(int fd, const char *file, int index, enum sp_framing unit,
    sp_unit_fn fn, void *ctx)
{
	struct sp_reader *r = sp_reader_for(fd, sp_framing_for(unit));
	struct sp_unit u;
	struct sp_input_unit in;
	uint64_t warned = 0;
	int got, stop = 0;

	out_framing = sp_framing_for(unit);
	while (!stop && (got = sp_reader_next(r, &u)) == 1) {
		in.file = file;
		in.unit = &u;
		in.text = u.text;
		in.len = u.len;
		in.rec = NULL;
		in.file_index = index;
		if (sp_opts.jsonl) {
			stop = sp_stream_record(&in, &warned, fn, ctx);
		} else {
			if ((u.flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
			    warned != u.number && !quiet) {
				warned = u.number;
				sp_warn_long_unit(file, u.number);
			}
			stop = fn(&in, ctx);
		}
		if (sp_opts.progress)	/* not a call a line for nothing */
			sp_progress(sp_reader_bytes(r));
	}
	if (!stop && got < 0 && !quiet)
		sp_warn_status(SP_EXIT_ERROR, file, "%s", strerror(errno));
	sp_reader_free(r);
	return stop;
}

int
sp_each_unit(int argc, char **argv, enum sp_framing unit, sp_unit_fn fn,
    sp_file_fn at_end, void *ctx)
{
	const char *display;
	int i, fd, stop = 0;

	out_sep.owed = 0;
	argv = sp_operands(&argc, argv);
	for (i = 0; i < argc && !stop; i++) {
		if ((fd = sp_open_input(argv[i], &display)) < 0)
			continue;
		stop = run_file(fd, display, i, unit, fn, ctx);
		sp_close_input(fd);
		if (!stop && at_end)
			at_end(display, i, ctx);
	}
	sp_buf_free(&record);
	return stop;
}

int
sp_each_unit_fd(int fd, const char *display, int index, enum sp_framing unit,
    sp_unit_fn fn, void *ctx)
{
	return run_file(fd, display, index, unit, fn, ctx);
}

/* Did a form-feed line (documents) or a blank line (paragraphs) follow? */
static int
sep_follows(const struct sp_unit *u)
{
	if (out_framing == SP_FRAME_DOCUMENTS)
		return memchr(u->sep, '\f', u->sep_len) != NULL;
	return u->sep_len > 0 && memchr(u->sep + 1, '\n', u->sep_len - 1);
}

/*
 * Did the input's separator line after u end in "\r\n"?  Its form-feed
 * line (documents) or its first blank line (paragraphs; u's sep opens
 * with the '\n' of its last line).
 */
static int
sep_line_crlf(const struct sp_unit *u)
{
	const char *p = u->sep, *end = u->sep + u->sep_len, *nl;

	if (out_framing == SP_FRAME_DOCUMENTS)
		p = memchr(u->sep, '\f', u->sep_len);
	else if (u->sep_len > 0)
		p++;
	nl = memchr(p, '\n', (size_t)(end - p));
	return nl != NULL && nl > p && nl[-1] == '\r';
}

/*
 * A document's separator is a form-feed line, a paragraph's a blank line;
 * ctx, when not NULL, is the unit written as read after which the input
 * had it, whose line end it keeps ("\f\r\n" stays so).
 */
static void
write_sep(void *ctx)
{
	const struct sp_unit *as_read = ctx;

	if (out_framing == SP_FRAME_DOCUMENTS)
		sp_putc('\f');
	if (as_read != NULL && sep_line_crlf(as_read))
		sp_putc('\r');
	sp_putc('\n');
}

/* sp_emit(), and sp_emit_unit() with as_read, the unit read. */
static void
emit(const struct sp_input_unit *in, const char *text, size_t len,
    const char *extra, const struct sp_unit *as_read)
{
	unsigned flags = in->unit->flags;

	if (in->rec) {
		sp_buf_clear(&record);
		if (sp_jsonl_write(in->rec, text, len, extra, &record) < 0)
			sp_oom();
		sp_buf_putc(&record, '\n');
		sp_write(record.data, record.len);
		return;
	}
	switch (out_framing) {
	case SP_FRAME_DOCUMENTS:
	case SP_FRAME_PARAGRAPHS:
		out_sep.write = write_sep;
		if (!(flags & SP_UNIT_CONTINUED))
			sp_sep_pay(&out_sep);
		sp_write(text, len);
		if (flags & SP_UNIT_PARTIAL)
			break;
		if (len > 0)	/* an empty document is no empty line */
			sp_putc('\n');
		sp_sep_owe(&out_sep);
		if (sep_follows(in->unit)) {
			out_sep.ctx = (void *)as_read;
			sp_sep_pay(&out_sep);
			out_sep.ctx = NULL;	/* one paid later is generic */
		}
		break;
	case SP_FRAME_NUL:
		sp_write(text, len);
		if (!(flags & SP_UNIT_PARTIAL))
			sp_putc('\0');
		break;
	default:
		sp_write(text, len);
		if (!(flags & SP_UNIT_PARTIAL))
			sp_putc('\n');
	}
}

void
sp_emit_owed(void)
{
	if (out_framing == SP_FRAME_DOCUMENTS ||
	    out_framing == SP_FRAME_PARAGRAPHS)
		sp_sep_pay(&out_sep);
}

void
sp_emit(const struct sp_input_unit *in, const char *text, size_t len,
    const char *extra)
{
	emit(in, text, len, extra, NULL);
}

void
sp_emit_unit(const struct sp_input_unit *in)
{
	if (in->rec)
		sp_emit_raw(in);
	else
		emit(in, in->text, in->len, NULL, in->unit);
}

void
sp_emit_raw(const struct sp_input_unit *in)
{
	if (before_raw)
		before_raw(in);
	sp_write(in->unit->text, in->unit->len);
	if (in->unit->sep_len)
		sp_write(in->unit->sep, in->unit->sep_len);
	else if (sp_opts.jsonl && !(in->unit->flags & SP_UNIT_PARTIAL))
		sp_putc('\n');	/* the last record had no newline */
}
