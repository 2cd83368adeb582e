/* outline.c: one document's outline in four renderings; see outline.h. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "heading.h"
#include "lint.h"
#include "mdescape.h"
#include "outline.h"
#include "utf8.h"
#include "zh.h"

#define TITLE_MAX 80		/* characters of a document title */
#define MAX_LEVELS 64

struct outline {
	struct outline_opts o;
	struct sp_heading_tracker *tr;
	struct sp_buf out;		/* rendered output, drained by caller */
	struct sp_buf tmp;
	const char *where;
	uint64_t record_line;
	int has_title;
	int blocks;			/* Markdown blocks written */
	/*
	 * A line longer than --max-unit comes in pieces: goes_on, the line
	 * fed goes on in the next piece; md_open, the Markdown paragraph
	 * written last is such a line's, its end still to come.
	 */
	int goes_on, md_open;
	struct sp_buf title;
	uint64_t title_line;
	/*
	 * --json is written as it goes, so that memory does not grow with
	 * the document: the object's head once the title is known, each
	 * heading with its children array left open, closed by "]}" when a
	 * heading at its level or above comes.
	 */
	int json_open;			/* the document's head is written */
	int jdepth;			/* headings open */
	char jchild[MAX_LEVELS + 1];	/* has the array at depth d an item */
	const char *title_override;
	uint64_t headings, problems, invalid;
};

struct outline *
outline_new(const struct outline_opts *o)
{
	struct outline *ol = calloc(1, sizeof *ol);

	if (ol == NULL)
		return NULL;
	ol->o = *o;
	if ((ol->tr = sp_heading_tracker_new(o->flags)) == NULL) {
		free(ol);
		return NULL;
	}
	return ol;
}

void
outline_free(struct outline *ol)
{
	if (ol == NULL)
		return;
	sp_heading_tracker_free(ol->tr);
	sp_buf_free(&ol->out);
	sp_buf_free(&ol->tmp);
	sp_buf_free(&ol->title);
	free(ol);
}

struct sp_buf *
outline_output(struct outline *ol)
{
	return &ol->out;
}

uint64_t
outline_headings(const struct outline *ol)
{
	return ol->headings;
}

uint64_t
outline_problems(const struct outline *ol)
{
	return ol->problems;
}

uint64_t
outline_invalid(const struct outline *ol)
{
	return ol->invalid;
}

/*
 * Is s[0..n) valid UTF-8?  ASCII and 3-byte characters (all of Chinese)
 * are checked inline, Markdown output passing every byte through here.
 */
static int
valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		if (p[i] < 0x80)
			i++;
		else if (p[i] >= 0xE1 && p[i] <= 0xEC && i + 2 < n &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80)
			i += 3;
		else
			return sp_utf8_valid_prefix(p + i, n - i) == n - i;
	}
	return 1;
}

/* Appends s[0..n) with invalid UTF-8 replaced by U+FFFD. */
static int
put_text(struct outline *ol, struct sp_buf *b, const char *s, size_t n)
{
	long bad;

	if (valid_utf8(s, n))
		return sp_buf_append(b, s, n);
	if ((bad = sp_utf8_sanitize(s, n, b, NULL, 0)) < 0)
		return -1;
	ol->invalid += bad;
	return 0;
}

/* Is the byte b an ASCII blank (of sp_is_blank())? */
static int
ascii_blank(unsigned char b)
{
	return b == ' ' || b == '\t' || b == '\r';
}

/*
 * Trims blanks at both ends of s[0..*n); returns the new start.  The
 * runs of ASCII spaces w3m centres a page's title with (its first line,
 * trimmed twice) are passed a byte at a time, not a decode each.
 */
static const char *
trim(const char *s, size_t *n)
{
	int32_t cp;
	size_t l, b;

	while (*n > 0) {
		if ((unsigned char)s[0] < 0x80) {
			if (!ascii_blank((unsigned char)s[0]))
				break;
			s++;
			--*n;
			continue;
		}
		l = sp_utf8_decode((const unsigned char *)s, *n, &cp, NULL);
		if (!sp_is_blank(cp))
			break;
		s += l;
		*n -= l;
	}
	while (*n > 0) {
		if ((unsigned char)s[*n - 1] < 0x80) {
			if (!ascii_blank((unsigned char)s[*n - 1]))
				break;
			--*n;
			continue;
		}
		b = *n - 1;
		while (b > 0 && ((unsigned char)s[b] & 0xC0) == 0x80)
			b--;
		sp_utf8_decode((const unsigned char *)s + b, *n - b, &cp, NULL);
		if (!sp_is_blank(cp))
			break;
		*n = b;
	}
	return s;
}

/*
 * The end of the first piece of s[0..n) when blank runs separate pieces
 * (a glued page: see sp_heading_piece), in *next the start of the next;
 * n when there is one piece.  A marker alone runs on to its title, as
 * the tracker reads it: a document that opens with 第一章　总则 is not
 * titled 第一章.
 */
static size_t
piece_end(const struct outline *ol, const char *s, size_t n, size_t *next)
{
	return sp_heading_piece(s, n, ol->o.flags, next);
}

static void
set_title(struct outline *ol, const char *s, size_t n, uint64_t line)
{
	size_t next, chars = 0, i = 0, l;
	int32_t cp;

	n = piece_end(ol, s, n, &next);
	s = trim(s, &n);
	while (i < n && chars < TITLE_MAX) {
		l = sp_utf8_decode((const unsigned char *)s + i, n - i, &cp,
		    NULL);
		i += l;
		chars++;
	}
	sp_buf_clear(&ol->title);
	if (put_text(ol, &ol->title, s, i) < 0)
		ol->title.len = 0;
	ol->has_title = 1;
	ol->title_line = line;
}

static int
put_line_number(struct outline *ol, uint64_t line)
{
	char num[32];

	if (!ol->o.numbers)
		return 0;
	snprintf(num, sizeof num, "%" PRIu64 ":", line);
	return sp_buf_puts(&ol->out, num);
}

/* Markdown: one block, a blank line before all but the first. */
static int
md_block_start(struct outline *ol)
{
	if (ol->blocks++ > 0)
		return sp_buf_putc(&ol->out, '\n');
	return 0;
}

/*
 * Text as Markdown, a backslash before each byte it would read as markup
 * (mdescape.c).  block: s[0..n) opens a paragraph.
 */
static int
md_text(struct outline *ol, const char *s, size_t n, int block)
{
	struct md_line l;
	size_t i = 0, e;

	md_line_start(&l, s, n, block);
	while (i < n) {
		e = md_next_escape(&l, i);
		if (put_text(ol, &ol->out, s + i, e - i) < 0)
			return -1;
		if (e == n)
			break;
		/* An ASCII byte: no character is cut. */
		if (sp_buf_putc(&ol->out, '\\') < 0 ||
		    sp_buf_putc(&ol->out, s[e]) < 0)
			return -1;
		i = e + 1;
	}
	return 0;
}

/* Ends the open paragraph of a line cut in pieces, if there is one. */
static int
md_close(struct outline *ol)
{
	if (!ol->md_open)
		return 0;
	ol->md_open = 0;
	return sp_buf_putc(&ol->out, '\n');
}

/*
 * Body text as Markdown paragraphs, escaped where Markdown would misread.
 * The pieces of a line longer than --max-unit make one text: the first
 * piece of the text goes on the paragraph left open (md_open), untrimmed
 * where the cut was, and the last is left open while the line goes on.
 */
static int
md_body(struct outline *ol, const char *s, size_t n)
{
	size_t end, next, k;
	const char *p;
	int join, open;

	while (n > 0) {
		end = piece_end(ol, s, n, &next);
		join = ol->md_open;
		open = ol->goes_on && next >= n;
		k = end;
		p = trim(s, &k);
		/* Blanks at a cut are the line's, but for the last piece's
		 * blanks at the line's end, which go as a whole line's do. */
		if (join && (k > 0 || open))
			k += (size_t)(p - s), p = s;
		if (open)
			k = end - (size_t)(p - s);
		if (join && k == 0) {
			if (md_close(ol) < 0)
				return -1;
		} else if (k > 0) {
			if ((!join && md_block_start(ol) < 0) ||
			    md_text(ol, p, k, !join) < 0)
				return -1;
			ol->md_open = open;
			if (!open && sp_buf_putc(&ol->out, '\n') < 0)
				return -1;
		}
		s += next;
		n -= next;
	}
	return 0;
}

/* A heading's end in its line: the title, and a sentence end after it
 * (or the clause mark a wrapped line ends in). */
static size_t
heading_end(const struct sp_heading_entry *e, const char *s, size_t n)
{
	size_t end = e->h.title_len ? e->h.title_off + e->h.title_len :
	    e->h.marker_off + e->h.marker_len;
	int32_t cp;
	size_t l;

	if (e->h.kind == SP_HK_PIAN_TAIL)
		end = e->h.marker_off + e->h.marker_len;
	if (end < n) {
		l = sp_utf8_decode((const unsigned char *)s + end, n - end,
		    &cp, NULL);
		if (cp == 0x3002 || cp == 0xFF1A || cp == ':' || cp == 0xFF1B ||
		    cp == 0xFF01 || cp == 0xFF1F || cp == '.' || cp == ';' ||
		    cp == '!' || cp == '?')
			end += l;
		/* The ， or 、 a wrapped line ends in, left out of the
		 * title: the heading's line keeps it. */
		else if ((cp == 0xFF0C || cp == 0x3001 || cp == ',') &&
		    end + l == n)
			end += l;
	}
	return end;
}

static int
shown(const struct outline *ol, const struct sp_heading_entry *e)
{
	return ol->o.max_level == 0 || e->level <= ol->o.max_level;
}

static int
markdown_line(struct outline *ol, const char *s, size_t n, int found)
{
	const struct sp_heading_entry *e;
	size_t pos = 0, start, end, k;
	const char *p;
	int i, hashes;

	if (!ol->has_title)
		return 0;
	for (i = 0; i < found; i++) {
		e = sp_heading_tracker_found(ol->tr, i);
		if (!shown(ol, e))
			continue;
		start = e->h.marker_off;
		if (e->h.kind == SP_HK_PIAN_TAIL)
			start = e->h.title_off;
		if (start < pos)
			continue;
		if (md_body(ol, s + pos, start - pos) < 0)
			return -1;
		end = heading_end(e, s, n);
		k = end - start;
		p = trim(s + start, &k);
		hashes = e->level + 1 > 6 ? 6 : e->level + 1;
		if (md_block_start(ol) < 0 ||
		    sp_buf_append(&ol->out, "######", hashes) < 0 ||
		    sp_buf_putc(&ol->out, ' ') < 0 ||
		    md_text(ol, p, k, 0) < 0 ||
		    sp_buf_putc(&ol->out, '\n') < 0)
			return -1;
		pos = end;
	}
	return md_body(ol, s + pos, n - pos);
}

static json_t *
jstr(struct outline *ol, const char *s, size_t n)
{
	sp_buf_clear(&ol->tmp);
	if (put_text(ol, &ol->tmp, s, n) < 0)
		return NULL;
	return json_stringn(ol->tmp.data ? ol->tmp.data : "", ol->tmp.len);
}

/* Appends a JSON value made here, compact, without its last cut bytes. */
static int
put_json(struct outline *ol, json_t *v, size_t cut)
{
	char *text;
	size_t n;
	int r;

	if (v == NULL)
		return -1;
	text = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(v);
	if (text == NULL)
		return -1;
	n = strlen(text);
	r = sp_buf_append(&ol->out, text, n > cut ? n - cut : 0);
	free(text);
	return r;
}

/* {"title":…,"line":N,"headings":[ */
static int
json_head(struct outline *ol)
{
	json_t *doc;
	const char *t = ol->title_override;
	int r = 0;

	if (ol->json_open)
		return 0;
	ol->json_open = 1;
	ol->jdepth = 0;
	ol->jchild[0] = 0;
	if ((doc = json_object()) == NULL)
		return -1;
	r |= json_object_set_new(doc, "title", t ? jstr(ol, t, strlen(t)) :
	    jstr(ol, ol->title.data ? ol->title.data : "", ol->title.len));
	r |= json_object_set_new(doc, "line",
	    json_integer((json_int_t)ol->title_line));
	r |= json_object_set_new(doc, "headings", json_array());
	if (r) {
		json_decref(doc);
		return -1;
	}
	return put_json(ol, doc, 2);	/* without "]}" */
}

static int
json_heading(struct outline *ol, const struct sp_heading_entry *e)
{
	json_t *node;
	int level = e->level > MAX_LEVELS ? MAX_LEVELS : e->level, r = 0;

	if (json_head(ol) < 0)
		return -1;
	while (ol->jdepth >= level) {
		if (sp_buf_puts(&ol->out, "]}") < 0)
			return -1;
		ol->jdepth--;
	}
	if (ol->jchild[ol->jdepth] && sp_buf_putc(&ol->out, ',') < 0)
		return -1;
	ol->jchild[ol->jdepth] = 1;
	if ((node = json_object()) == NULL)
		return -1;
	r |= json_object_set_new(node, "level", json_integer(e->level));
	r |= json_object_set_new(node, "kind",
	    json_string(sp_heading_kind_name(e->h.kind)));
	r |= json_object_set_new(node, "marker",
	    jstr(ol, e->marker, e->marker_len));
	r |= json_object_set_new(node, "number", json_integer(e->h.number));
	if (e->h.sub > 0)	/* 第二十条之一 */
		r |= json_object_set_new(node, "sub", json_integer(e->h.sub));
	r |= json_object_set_new(node, "title",
	    jstr(ol, e->title, e->title_len));
	r |= json_object_set_new(node, "line", json_integer(e->line));
	r |= json_object_set_new(node, "offset",
	    json_integer((json_int_t)e->offset));
	if (e->item)
		r |= json_object_set_new(node, "item", json_true());
	r |= json_object_set_new(node, "children", json_array());
	if (r) {
		json_decref(node);
		return -1;
	}
	ol->jdepth++;
	ol->jchild[ol->jdepth] = 0;
	return put_json(ol, node, 2);	/* the children stay open */
}

static int
check_heading(struct outline *ol, const struct sp_heading_entry *e)
{
	char prefix[64];
	size_t i, start = 0;
	int n;

	sp_buf_clear(&ol->tmp);
	if ((n = lint_heading(e, &ol->tmp)) <= 0)
		return n;
	ol->problems += n;
	snprintf(prefix, sizeof prefix, ":%" PRIu64 ": ",
	    ol->record_line ? ol->record_line : e->line);
	for (i = 0; i < ol->tmp.len; i++) {
		if (ol->tmp.data[i] != '\n')
			continue;
		if (sp_buf_puts(&ol->out, ol->where) < 0 ||
		    sp_buf_puts(&ol->out, prefix) < 0 ||
		    put_text(ol, &ol->out, ol->tmp.data + start,
		    i + 1 - start) < 0)
			return -1;
		start = i + 1;
	}
	return 0;
}

void
outline_begin(struct outline *ol, const char *where, uint64_t record_line,
    const char *title)
{
	sp_heading_tracker_reset(ol->tr);
	ol->where = where;
	ol->record_line = record_line;
	ol->has_title = 0;
	ol->blocks = 0;
	ol->goes_on = ol->md_open = 0;
	ol->title_line = 0;
	sp_buf_clear(&ol->title);
	ol->json_open = 0;
	ol->jdepth = 0;
	ol->title_override = title;
}

/* The first line with text: the title, and in Markdown its "#" line. */
static int
first_line(struct outline *ol, const char **sp, size_t *np, uint64_t line,
    uint64_t *offset)
{
	const char *s = *sp, *p;
	size_t n = *np, next, end, k;
	struct sp_heading h;

	set_title(ol, s, n, line);
	if (ol->o.mode == MODE_TREE)
		return put_line_number(ol, line) < 0 ||
		    sp_buf_append(&ol->out, ol->title.data, ol->title.len) < 0 ||
		    sp_buf_putc(&ol->out, '\n') < 0 ? -1 : 0;
	if (ol->o.mode != MODE_MARKDOWN)
		return 0;
	end = piece_end(ol, s, n, &next);
	if (sp_heading_match(s, end, ol->o.flags, &h))
		return 0;	/* a heading: shown as one */
	k = end;
	p = trim(s, &k);
	if (md_block_start(ol) < 0 || sp_buf_puts(&ol->out, "# ") < 0 ||
	    md_text(ol, p, k, 0) < 0 || sp_buf_putc(&ol->out, '\n') < 0)
		return -1;
	*sp = s + next;
	*np = n - next;
	*offset += next;
	return 0;
}

int
outline_line(struct outline *ol, const char *s, size_t n, uint64_t line,
    uint64_t offset)
{
	const struct sp_heading_entry *e;
	int found, i;
	size_t k;

	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (!ol->has_title) {
		k = n;
		trim(s, &k);
		if (k == 0)
			return 0;
		if (first_line(ol, &s, &n, line, &offset) < 0)
			return -1;
	}
	if ((found = sp_heading_tracker_feed(ol->tr, s, n, line, offset)) < 0)
		return -1;
	for (i = 0; i < found; i++) {
		e = sp_heading_tracker_found(ol->tr, i);
		if (!shown(ol, e))
			continue;
		ol->headings++;
		switch (ol->o.mode) {
		case MODE_TREE:
			sp_buf_clear(&ol->tmp);
			if (put_line_number(ol, e->line) < 0 ||
			    sp_buf_append(&ol->out, "                    "
			    "                                            ",
			    2 * (e->level > 32 ? 32 : e->level)) < 0 ||
			    sp_heading_entry_text(e, &ol->tmp) < 0 ||
			    put_text(ol, &ol->out, ol->tmp.data, ol->tmp.len) < 0 ||
			    sp_buf_putc(&ol->out, '\n') < 0)
				return -1;
			break;
		case MODE_JSON:
			if (json_heading(ol, e) < 0)
				return -1;
			break;
		case MODE_CHECK:
			if (check_heading(ol, e) < 0)
				return -1;
			break;
		default:
			break;
		}
	}
	if (ol->o.mode == MODE_MARKDOWN)
		return markdown_line(ol, s, n, found);
	return 0;
}

size_t
outline_skip(const struct outline *ol, const char *s, size_t n,
    uint64_t *lines)
{
	*lines = 0;
	if (!ol->has_title || ol->o.mode == MODE_MARKDOWN)
		return 0;
	return sp_heading_quiet_lines(s, n, lines);
}

void
outline_goes_on(struct outline *ol, int goes_on)
{
	ol->goes_on = goes_on;
}

int
outline_more(struct outline *ol, const char *s, size_t n)
{
	if (ol->o.mode != MODE_MARKDOWN || !ol->has_title)
		return 0;
	return md_body(ol, s, n);
}

int
outline_end(struct outline *ol)
{
	if (md_close(ol) < 0)
		return -1;
	if (ol->o.mode != MODE_JSON)
		return 0;
	if (json_head(ol) < 0)
		return -1;
	for (; ol->jdepth > 0; ol->jdepth--)
		if (sp_buf_puts(&ol->out, "]}") < 0)
			return -1;
	ol->json_open = 0;
	return sp_buf_puts(&ol->out, "]}");
}

void
outline_file_end(struct outline *ol)
{
	sp_heading_tracker_forget_parts(ol->tr);
}
