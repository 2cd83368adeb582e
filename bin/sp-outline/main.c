/*
 * sp-outline: the heading tree of official documents, and a numbering
 * checker.
 *
 * Each document (the input, a part between form-feed lines, a NUL-ended
 * document with -z, or a JSON Lines record) is read line by line; the
 * heading tracker of common/heading.h finds its headings and their levels,
 * and outline.c renders them: an indented tree (the default), Markdown,
 * JSON, or the numbering problems (--check).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "heading.h"
#include "heap.h"
#include "outline.h"
#include "stream.h"
#include "tool.h"

static const char usage_text[] =
"usage: sp-outline [-iLn] [-l N] [options] [file ...]\n"
"       sp-outline -m [-iL] [-l N] [options] [file ...]\n"
"       sp-outline -j [-iL] [-l N] [options] [file ...]\n"
"       sp-outline -c [-iL] [options] [file ...]\n"
"options: [--start-line N] [--start-offset N] [-z] [--jsonl] [--field NAME]\n"
"         [--max-unit SIZE] [--stats] [--progress] [-h] [--version]\n"
"\n"
"  -m, --markdown       the whole document as Markdown, headings as #\n"
"  -j, --json           one JSON tree a document: level, kind, marker,\n"
"                       number, title, line, offset, children\n"
"  -c, --check          report numbering gaps, repeats, restarts,\n"
"                       disorder and mixed widths; exit 1 if any\n"
"  -n, --line-numbers   the tree shows input line numbers\n"
"  -l, --max-level N    leave out headings deeper than level N\n"
"  -i, --items          also enumerations: 第一，首先，一是，一要 ...\n"
"  -L, --line-start     headings only at line starts, not after runs of\n"
"                       spaces inside a line (glued pages)\n"
"      --start-line N   number the first input line N (1): for pieces\n"
"                       of a sharded stream\n"
"      --start-offset N\n"
"                       the first input byte's offset (0), for -j\n"
"  -z, --null           documents end with NUL, not form-feed lines\n"
"      --jsonl          JSON Lines records, one document each\n"
"      --field NAME     the field of JSON Lines records (text)\n"
"      --max-unit SIZE  longest line held whole (64M)\n"
"      --stats          counts on stderr\n"
"      --progress       bytes read, on a terminal\n"
"  -h, --help           this text\n"
"      --version        version and libraries\n";

enum { OPT_START_LINE = SP_OPT_TOOL_BASE, OPT_START_OFFSET };

static const struct option longopts[] = {
	{ "markdown",     no_argument,       NULL, 'm' },
	{ "json",         no_argument,       NULL, 'j' },
	{ "check",        no_argument,       NULL, 'c' },
	{ "line-numbers", no_argument,       NULL, 'n' },
	{ "max-level",    required_argument, NULL, 'l' },
	{ "items",        no_argument,       NULL, 'i' },
	{ "line-start",   no_argument,       NULL, 'L' },
	{ "start-line",   required_argument, NULL, OPT_START_LINE },
	{ "start-offset", required_argument, NULL, OPT_START_OFFSET },
	SP_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

struct run {
	struct outline *ol;
	enum outline_mode mode;
	struct sp_separator sep;	/* between plain documents' outlines */
	uint64_t documents, input_lines;
	uint64_t invalid_warned;
	char where[1024];
	struct sp_buf rec;	/* a JSON Lines record being built */
	char *title;		/* the record's "title", for -j */
	/*
	 * --start-line, --start-offset: where the input sits in a longer
	 * stream, added to the line numbers and offsets of plain and -z
	 * input, and to the record numbers of JSON Lines (whose lines and
	 * offsets are the record's text's own).
	 */
	uint64_t line_base, offset_base;
};

/* A JSON Lines record's outline: the record with its field replaced. */
static void
emit_record(struct run *r, const struct sp_input_unit *in, struct sp_buf *out)
{
	if (r->mode == MODE_JSON) {
		sp_buf_clear(&r->rec);
		if (sp_buf_puts(&r->rec, "\"outline\":") < 0 ||
		    sp_buf_append(&r->rec, out->data, out->len) < 0)
			sp_oom();
		sp_emit(in, in->text, in->len, r->rec.data);
	} else {
		/* The field holds the lines, not a last "\n". */
		if (out->len > 0 && out->data[out->len - 1] == '\n')
			out->len--;
		sp_emit(in, out->data ? out->data : "", out->len, NULL);
	}
}

/* Writes what the outline has rendered, framed as a document. */
static void
drain(struct run *r, const struct sp_doc *d, int last)
{
	struct sp_buf *out = outline_output(r->ol);

	if (out->data == NULL && sp_buf_putc(out, '\0') == 0)
		out->len = 0;	/* never hand out a null pointer */

	if (r->mode == MODE_CHECK) {
		/* Problems raise the status now: a closed pipe exits with it. */
		if (outline_problems(r->ol) > 0 && sp_status < SP_EXIT_PROBLEMS)
			sp_status = SP_EXIT_PROBLEMS;
		sp_write(out->data, out->len);
		sp_buf_clear(out);
		return;
	}
	if (d->in) {
		/* JSON Lines: the whole record at the document's end. */
		if (last) {
			emit_record(r, d->in, out);
			sp_buf_clear(out);
		}
		return;
	}
	sp_write(out->data, out->len);
	sp_buf_clear(out);
	if (last && r->mode == MODE_JSON)
		sp_putc('\n');	/* JSON Lines, whatever the framing */
	else if (last && sp_opts.nul)
		sp_putc('\0');
}

static void
feed(struct run *r, const struct sp_doc *d, const char *s, size_t n,
    uint64_t line, uint64_t off)
{
	r->input_lines++;
	if (d->in == NULL) {
		line += r->line_base;
		off += r->offset_base;
	}
	if (outline_line(r->ol, s, n, line, off) < 0)
		sp_oom();
}

/* Does the raw record hold the escape \u0000 (a NUL in a string)? */
static int
holds_nul_escape(const char *s, size_t n)
{
	const char *p = s, *q;
	size_t at, b;

	while ((q = memmem(p, n - (size_t)(p - s), "\\u0000", 6)) != NULL) {
		at = (size_t)(q - s);
		for (b = at; b > 0 && s[b - 1] == '\\'; b--)
			;
		if ((at - b) % 2 == 0)	/* its backslash is not escaped */
			return 1;
		p = q + 1;
	}
	return 0;
}

/*
 * The title member of a JSON Lines record, or NULL: from the record as
 * the stream layer decoded it, not decoded again.  A record with a NUL
 * anywhere in its strings has never given its title (it was decoded
 * again without JSON_ALLOW_NUL, which refuses it), and gives none now.
 */
static char *
record_title(const struct sp_input_unit *in)
{
	const char *t = sp_jsonl_member(in->rec, "title");

	if (t == NULL || holds_nul_escape(in->rec->line, in->rec->line_len))
		return NULL;
	return sp_xstrdup(t);
}

/*
 * Outlines of plain input are separated by form-feed lines where the
 * input's documents were (the stream layer's rule, sp_sep_pay()).
 */
static void
write_separator(void *ctx)
{
	struct run *r = ctx;

	if (r->mode != MODE_CHECK && r->mode != MODE_JSON)
		sp_write("\f\n", 2);
}

static void
on_begin(const struct sp_doc *d, void *ctx)
{
	struct run *r = ctx;

	sp_sep_pay(&r->sep);
	r->documents++;
	snprintf(r->where, sizeof r->where, "%s", d->file);
	free(r->title);
	r->title = d->in && r->mode == MODE_JSON ? record_title(d->in) : NULL;
	outline_begin(r->ol, r->where, d->in ? d->number + r->line_base : 0,
	    r->title);
}

static void
on_line(const struct sp_doc *d, const struct sp_doc_line *l, void *ctx)
{
	struct run *r = ctx;
	/* The heading recognizer sees a line's CR, as written. */
	size_t n = l->len + (l->eol_len == 2);

	outline_goes_on(r->ol, (l->flags & SP_UNIT_PARTIAL) != 0);
	/* The rest of a line longer than --max-unit holds no heading. */
	if (l->flags & SP_UNIT_CONTINUED) {
		if (outline_more(r->ol, l->text, n) < 0)
			sp_oom();
		outline_goes_on(r->ol, 0);
		return;
	}
	/* With -z, "\n\0" ends the document, not one more line. */
	if (l->len == 0 && l->eol_len == 0 && d->in == NULL)
		return;
	if (d->in)
		feed(r, d, l->text, n, l->doc_line, l->off);
	else
		feed(r, d, l->text, n, l->number, l->file_off);
	outline_goes_on(r->ol, 0);
	if (d->in == NULL && outline_output(r->ol)->len >= 65536)
		drain(r, d, 0);
}

/*
 * A run of lines, each as on_line() takes it, in a loop of its own: most
 * lines hold no heading, and the calls that bring a line one at a time
 * cost more than looking at it.  The lines that would change nothing are
 * passed over in one scan (outline_skip()), only counted.
 */
static size_t
on_lines(const struct sp_doc *d, const struct sp_doc_line *first,
    uint64_t *count, void *ctx)
{
	struct run *r = ctx;
	const char *s = first->text, *nl;
	size_t used = 0, n;
	uint64_t skipped;

	for (;;) {
		used += outline_skip(r->ol, s + used, first->len - used,
		    &skipped);
		*count += skipped;
		r->input_lines += skipped;
		if ((nl = memchr(s + used, '\n', first->len - used)) == NULL)
			break;
		n = (size_t)(nl - (s + used));
		if (n > 0 && s[used] == '\f')
			break;
		if (d->in)	/* a record's: as on_line() numbers them */
			feed(r, d, s + used, n, first->doc_line + *count,
			    first->off + used);
		else
			feed(r, d, s + used, n, first->number + *count,
			    first->file_off + used);
		if (outline_output(r->ol)->len >= 65536)
			drain(r, d, 0);
		used += n + 1;
		++*count;
	}
	return used;
}

static void
on_end(const struct sp_doc *d, int followed, void *ctx)
{
	struct run *r = ctx;

	if (outline_end(r->ol) < 0)
		sp_oom();
	drain(r, d, 1);
	if (d->in == NULL && !sp_opts.nul) {
		sp_sep_owe(&r->sep);
		if (followed)
			sp_sep_pay(&r->sep);
	}
}

static void
at_file_end(const char *file, int index, void *ctx)
{
	struct run *r = ctx;
	uint64_t bad;

	(void)index;
	/* sp-outline -c *.txt: each file's parts number afresh. */
	outline_file_end(r->ol);
	bad = outline_invalid(r->ol);
	if (bad > r->invalid_warned)
		sp_warn(file, "%llu invalid UTF-8 sequences shown as U+FFFD",
		    (unsigned long long)(bad - r->invalid_warned));
	r->invalid_warned = bad;
}

int
main(int argc, char **argv)
{
	struct outline_opts o;
	struct run r;
	/* -j adds "outline" to each record, in place of the record's own. */
	static const char *const added[] = { "outline", NULL };
	struct sp_doc_ops ops = {
		.begin = on_begin, .line = on_line, .end = on_end,
		.file_end = at_file_end, .lines = on_lines
	};
	int c, nmodes = 0;

	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	sp_tool_init("sp-outline", usage_text);
	/* getopt_long() names argv[0] in its messages: the tool, not its path. */
	argv[0] = (char *)sp_progname;
	sp_heap_keep();	/* a record's memory serves the next */
	o.mode = MODE_TREE;
	while ((c = getopt_long(argc, argv, "mjcnl:iLzh", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'm':
		case 'j':
		case 'c':
			o.mode = c == 'm' ? MODE_MARKDOWN : c == 'j' ?
			    MODE_JSON : MODE_CHECK;
			nmodes++;
			break;
		case 'n':
			o.numbers = 1;
			break;
		case 'l':
			o.max_level = (int)sp_parse_number("--max-level",
			    optarg, 1, 64);
			break;
		case 'i':
			o.flags |= SP_HEADING_ITEMS;
			break;
		case 'L':
			o.flags |= SP_HEADING_NO_SEGMENTS;
			break;
		case OPT_START_LINE:
			r.line_base = (uint64_t)sp_parse_number("--start-line",
			    optarg, 1, 1LL << 62) - 1;
			break;
		case OPT_START_OFFSET:
			r.offset_base = (uint64_t)sp_parse_number(
			    "--start-offset", optarg, 0, 1LL << 62);
			break;
		default:
			if (!sp_common_option(c, optarg))
				sp_usage_error("unknown option");
		}
	}
	if (nmodes > 1)
		sp_usage_error("-m, -j and -c: one at a time");
	if (sp_opts.jsonl && sp_opts.nul)
		sp_usage_error("--jsonl and -z exclude each other: a record "
		    "is a line");
	if (o.numbers && o.mode != MODE_TREE)
		sp_usage_error("-n works with the tree only");
	if (o.max_level && o.mode == MODE_CHECK)
		sp_usage_error("-l does not work with -c");
	/* -c writes problems, not records: one that cannot be used is
	 * reported (exit 2), not written among them. */
	if (o.mode == MODE_CHECK)
		sp_stream_write_unusable(0);
	if (o.mode == MODE_JSON && sp_opts.jsonl) {
		if (strcmp(sp_opts.field, added[0]) == 0)
			sp_usage_error("--field %s: -j writes a member of that "
			    "name", sp_opts.field);
		ops.strip = added;
	}
	/* The stream's warnings number lines as the output does. */
	sp_stream_number_base(r.line_base);
	if ((r.ol = outline_new(&o)) == NULL)
		sp_oom();
	r.mode = o.mode;
	r.sep.write = write_separator;
	r.sep.ctx = &r;
	sp_each_doc_line(argc - optind, argv + optind, &ops, &r);
	if (sp_opts.stats) {
		sp_stat_add("documents", r.documents);
		sp_stat_add("lines", r.input_lines);
		sp_stat_add("headings", outline_headings(r.ol));
		if (o.mode == MODE_CHECK)
			sp_stat_add("problems", outline_problems(r.ol));
	}
	if (outline_problems(r.ol) > 0 && sp_status < SP_EXIT_PROBLEMS)
		sp_status = SP_EXIT_PROBLEMS;
	outline_free(r.ol);
	free(r.title);
	sp_buf_free(&r.rec);
	return sp_finish();
}
