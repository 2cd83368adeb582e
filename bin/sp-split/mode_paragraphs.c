/*
 * mode_paragraphs.c: -p, one paragraph a line.
 *
 * Paragraphs are separated by blank lines, by a line that begins with
 * indentation (two spaces, a tab or an ideographic space), and by a run of
 * indentation inside a line, where a page glued indented paragraphs into
 * one line.  What any other newline is depends on the document's style,
 * read from its first lines: where most lines are indented, or where
 * indented lines open paragraphs whose other lines mostly run on
 * mid-sentence, or where blank lines separate blocks whose lines run on
 * mid-sentence, the lines of a paragraph were wrapped and are joined;
 * otherwise each line is a paragraph of its own.  In an indented
 * document a line that ends a sentence at the width the text is wrapped
 * at was wrapped there too: the line after it, not indented, goes on,
 * unless it opens as a heading does (二、工作安排).
 *
 * Plain output drops the newlines inside a paragraph (a space stays
 * between Latin words); records keep the exact text, newlines included,
 * and its offsets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cjk.h"
#include "heading.h"
#include "split.h"
#include "tool.h"
#include "utf8.h"
#include "zh.h"

#define WINDOW_LINES 100
#define WINDOW_BYTES ((size_t)64 << 10)
#define WRAP_MIN 24		/* columns: twelve Chinese characters */

enum style { LINES, INDENT, BLANK };

struct held {
	size_t at, len, eol_len;	/* in window.data */
	struct line l;
};

static struct {
	int decided;
	enum style style;
	struct sp_buf window;
	struct held held[WINDOW_LINES];
	int nheld;
	/* The paragraph being built. */
	int open;
	uint64_t unit, start, end;
	struct sp_buf text;		/* records */
	int32_t last;			/* its last character */
	const char *eol;		/* the newline that may join the next */
	size_t eol_len;
	char eolbuf[2];
	int prev_blank;			/* the previous line was blank */
	int prev_ends;			/* ... ended with an end mark */
	int prev_full;			/* ... reached the wrap width */
	size_t wrap_width;		/* columns of wrapped lines, or 0 */
} P;

/* Width of the indentation at s: space 1, tab 4, ideographic space 2. */
static size_t
indent_width(const char *s, size_t n, size_t *bytes)
{
	size_t i = 0, w = 0, b;

	while (i < n && (b = sp_blank_len(s + i, n - i)) > 0) {
		w += s[i] == '\t' ? 4 : b == 3 ? 2 : 1;
		i += b;
	}
	if (bytes)
		*bytes = i;
	return w;
}

/* Columns of s[0..n) on a terminal: wide characters take two. */
static size_t
columns(const char *s, size_t n)
{
	size_t i = 0, w = 0, b;
	int32_t cp;

	while (i < n) {
		b = sp_utf8_decode((const unsigned char *)s + i, n - i, &cp,
		    NULL);
		w += sp_is_wide(cp) || sp_is_hangul(cp) ? 2 : 1;
		i += b ? b : 1;
	}
	return w;
}

static int
is_blank_line(const char *s, size_t n)
{
	size_t b;

	indent_width(s, n, &b);
	return b == n;
}

static int32_t
last_char(const char *s, size_t n)
{
	size_t i;
	int32_t cp;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return 0;
	i = n - 1;
	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	sp_utf8_decode((const unsigned char *)s + i, n - i, &cp, NULL);
	return cp;
}

static int
ends_sentence(const char *s, size_t n)
{
	int32_t c = last_char(s, n);

	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' ||
	    c == '?' || c == '.' || c == 0x2026 || c == ';' || c == 0xFF1B ||
	    c == ':' || c == 0xFF1A || c == 0x201D || c == 0x300D ||
	    c == 0x300F || c == '"';
}

static int
by_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/*
 * The width a text was wrapped at: the median columns of the window's
 * lines that run on mid-sentence into a line not indented, when three
 * do and two in three of them are within two columns of it (a text's
 * wrapped lines, as long as each other, not titles and list items of
 * any length), and it is not a short line's (a column of short items:
 * WRAP_MIN); else 0, unknown.
 */
static size_t
wrap_width(void)
{
	size_t w[WINDOW_LINES], m;
	int k, n = 0, near = 0;

	for (k = 0; k + 1 < P.nheld; k++) {
		const char *s = P.window.data + P.held[k].at;
		const char *t = P.window.data + P.held[k + 1].at;
		size_t sn = P.held[k].len, tn = P.held[k + 1].len;

		if (!is_blank_line(s, sn) && !is_blank_line(t, tn) &&
		    indent_width(t, tn, NULL) < 2 && !ends_sentence(s, sn))
			w[n++] = columns(s, sn);
	}
	if (n < 3)
		return 0;
	qsort(w, (size_t)n, sizeof *w, by_size);
	m = w[n / 2];
	for (k = 0; k < n; k++)
		near += w[k] + 2 >= m && w[k] <= m + 2;
	return m >= WRAP_MIN && near * 3 >= n * 2 ? m : 0;
}

static void
decide(void)
{
	int k, nonblank = 0, indented = 0, seps = 0, pairs = 0, wraps = 0;
	int prev = -1, blank_between = 0;

	for (k = 0; k < P.nheld; k++) {
		const char *s = P.window.data + P.held[k].at;
		size_t n = P.held[k].len;

		if (is_blank_line(s, n)) {
			blank_between = prev >= 0;
			continue;
		}
		nonblank++;
		if (indent_width(s, n, NULL) >= 2)
			indented++;
		else if (prev >= 0 && !blank_between) {
			pairs++;
			wraps += !ends_sentence(P.window.data +
			    P.held[prev].at, P.held[prev].len);
		}
		seps += blank_between;
		blank_between = 0;
		prev = k;
	}
	/* Wrapped paragraphs have more lines than indented ones, but
	 * those mostly run on mid-sentence, at one width. */
	P.wrap_width = wrap_width();
	if (indented >= 2 && (indented * 2 >= nonblank ||
	    (pairs >= 2 && wraps * 2 > pairs && P.wrap_width > 0)))
		P.style = INDENT;
	else if (seps >= 1 && pairs >= 1 && wraps * 2 > pairs)
		P.style = BLANK;
	else
		P.style = LINES;
	P.decided = 1;
}

static void
close_para(const struct doc *d)
{
	char m[96];

	if (!P.open)
		return;
	P.open = 0;
	sp_stat_add("paragraphs", 1);
	if (!split_opts.json_out) {
		out_text("\n", 1);
		return;
	}
	snprintf(m, sizeof m, "\"unit\":%llu,\"start\":%llu,\"end\":%llu",
	    (unsigned long long)++P.unit, (unsigned long long)P.start,
	    (unsigned long long)P.end);
	out_record(d, m, P.text.data ? P.text.data : "", P.text.len, 0);
}

static int
latin(int32_t c)
{
	return c > ' ' && c < 0x80;
}

/* Adds s[0..n) at offset off to the paragraph, joining or opening. */
static void
add(const struct doc *d, const char *s, size_t n, uint64_t off, int join)
{
	int32_t first;
	size_t len;

	if (n == 0)
		return;
	if (!join || !P.open) {
		close_para(d);
		P.open = 1;
		P.start = off;
		sp_buf_clear(&P.text);
	} else if (split_opts.json_out) {
		if (sp_buf_append(&P.text, P.eol, P.eol_len) < 0)
			sp_oom();
	} else {
		sp_utf8_decode((const unsigned char *)s, n, &first, NULL);
		if (latin(P.last) && latin(first))
			out_text(" ", 1);
	}
	if (split_opts.json_out) {
		if (sp_buf_append(&P.text, s, n) < 0)
			sp_oom();
	} else {
		out_text(s, n);
	}
	P.end = off + n;
	P.last = last_char(s, n);
	(void)len;
}

/* The end of the indentation run in s[i..n) that splits the line, or 0. */
static size_t
inner_run(const char *s, size_t n, size_t i, size_t *run_start)
{
	size_t j, w = 0, b;
	int32_t before, after;

	for (; i < n; i++) {
		if ((b = sp_blank_len(s + i, n - i)) == 0)
			continue;
		for (j = i, w = 0; j < n && (b = sp_blank_len(s + j, n - j)) > 0;
		    j += b)
			w += b == 3 ? 2 : 1;
		if (w >= 3 && j < n && i > 0) {
			before = last_char(s, i);
			sp_utf8_decode((const unsigned char *)s + j, n - j,
			    &after, NULL);
			if (sp_is_cjk(before) || sp_is_cjk(after)) {
				*run_start = i;
				return j;
			}
		}
		i = j - 1;
	}
	return 0;
}

static void
process(const struct doc *d, const struct line *l)
{
	size_t seg = 0, rs, re, ib;
	int join;
	struct sp_heading h;

	if (l->continued) {
		add(d, l->text, l->len, l->off, 1);
		goto done;
	}
	if (is_blank_line(l->text, l->len)) {
		close_para(d);
		P.prev_blank = 1;
		return;
	}
	indent_width(l->text, l->len, &ib);
	if (indent_width(l->text, l->len, NULL) >= 2)
		join = 0;
	else if (P.prev_blank)
		join = 0;
	else if (P.style == BLANK)
		join = 1;
	else if (P.style == INDENT)
		join = !P.prev_ends || (P.prev_full &&
		    !sp_heading_match(l->text, l->len, 0, &h));
	else
		join = 0;
	/* Runs of indentation inside the line open paragraphs too. */
	while ((re = inner_run(l->text, l->len, seg > ib ? seg : ib, &rs)) > 0) {
		add(d, l->text + seg, rs - seg, l->off + seg, join);
		join = 0;
		seg = rs;
		(void)re;
		ib = re;
	}
	add(d, l->text + seg, l->len - seg, l->off + seg, join);
done:
	P.prev_blank = 0;
	P.prev_ends = ends_sentence(l->text, l->len);
	/* Within a column of the width: a wide character that did not
	 * fit leaves one. */
	P.prev_full = P.prev_ends && P.wrap_width > 0 &&
	    columns(l->text, l->len) + 1 >= P.wrap_width;
	if (l->eol_len <= 2) {
		memcpy(P.eolbuf, l->eol, l->eol_len);
		P.eol = P.eolbuf;
		P.eol_len = l->eol_len;
	}
}

static void
flush_window(const struct doc *d)
{
	int k;

	if (!P.decided)
		decide();
	for (k = 0; k < P.nheld; k++) {
		struct line l = P.held[k].l;

		l.text = P.window.data + P.held[k].at;
		l.eol = l.text + l.len;
		process(d, &l);
	}
	P.nheld = 0;
	sp_buf_clear(&P.window);
}

static void
begin(const struct doc *d)
{
	P.decided = 0;
	P.nheld = 0;
	P.open = 0;
	P.unit = 0;
	P.prev_blank = 0;
	P.prev_ends = 0;
	P.prev_full = 0;
	P.wrap_width = 0;
	P.eol_len = 0;
	sp_buf_clear(&P.window);
	out_begin_doc(d);
}

static void
line(const struct doc *d, const struct line *l)
{
	struct held *h;

	if (P.decided) {
		process(d, l);
		return;
	}
	if (P.nheld == WINDOW_LINES ||
	    P.window.len + l->len + l->eol_len > WINDOW_BYTES) {
		flush_window(d);
		process(d, l);
		return;
	}
	h = &P.held[P.nheld++];
	h->at = P.window.len;
	h->l = *l;
	h->len = l->len;
	h->eol_len = l->eol_len;
	if (sp_buf_append(&P.window, l->text, l->len) < 0 ||
	    sp_buf_append(&P.window, l->eol, l->eol_len) < 0)
		sp_oom();
}

static void
end(const struct doc *d)
{
	flush_window(d);
	close_para(d);
	out_end_doc(d);
}

static const char *const members[] = { "doc", "unit", "start", "end", NULL };

const struct mode mode_paragraphs = { begin, line, end, members, NULL };
