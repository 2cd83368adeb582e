/*
 * Fuzz target: sp-outline's outline builder and numbering checker
 * (outline.h, lint.h), fed documents line by line as the tool feeds them.
 * Properties, for every flag combination the first byte picks:
 *   - --json: each document is one JSON object that jansson parses, with
 *     the members the man page lists; a heading's level is its depth in
 *     the tree, its line is a line of the document, and its offset points
 *     at its marker in that line;
 *   - --check: every finding is "FILE:LINE: MARKER …" for a heading the
 *     JSON tree has at that line, and there are as many as it counts;
 *   - --markdown loses no text: without blanks, '#' and '\', the output
 *     is the input;
 *   - all renderings are valid UTF-8, and invalid input is counted, not
 *     passed on (a second run on the raw bytes).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "heading.h"
#include "outline.h"
#include "utf8.h"
#include "zh.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAXH 4096
struct found {
	uint64_t line;
	char marker[SP_HEADING_MARKER_MAX];
};

struct run {
	const char *s;		/* the input */
	size_t n;
	const size_t *ls;	/* line starts, ls[nl] == n + 1 */
	size_t nl;
	struct found h[MAXH];
	size_t nh;
};

static void
fail(const char *why, const char *s, size_t n)
{
	fprintf(stderr, "fuzz_outline: %s\n%.*s\n", why, (int)(n > 4000 ?
	    4000 : n), s);
	abort();
}

static void
valid(const struct sp_buf *b)
{
	if (b->len && sp_utf8_valid_prefix((const unsigned char *)b->data,
	    b->len) != b->len)
		fail("invalid UTF-8 out", b->data, b->len);
}

static json_int_t
member_int(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	if (!json_is_integer(v))
		fail("member not an integer", k, strlen(k));
	return json_integer_value(v);
}

static const char *
member_str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	if (!json_is_string(v))
		fail("member not a string", k, strlen(k));
	return json_string_value(v);
}

/* Checks the headings of arr at depth, lines first..last of r. */
static void
walk(struct run *r, json_t *arr, int depth, uint64_t first, uint64_t last,
    int check_offsets)
{
	size_t i, len;
	json_t *node, *kids;
	json_int_t line, off;
	const char *marker;

	if (!json_is_array(arr))
		fail("headings not an array", "", 0);
	json_array_foreach(arr, i, node) {
		if (!json_is_object(node))
			fail("heading not an object", "", 0);
		if (member_int(node, "level") != depth)
			fail("level is not the depth", "", 0);
		member_str(node, "kind");
		member_str(node, "title");
		member_int(node, "number");
		marker = member_str(node, "marker");
		len = strlen(marker);
		line = member_int(node, "line");
		off = member_int(node, "offset");
		if (line < (json_int_t)first || line > (json_int_t)last)
			fail("heading line outside its document", marker, len);
		if (check_offsets && (off < (json_int_t)r->ls[line - 1] ||
		    (size_t)off + len > r->ls[line] - 1 ||
		    memcmp(r->s + off, marker, len) != 0))
			fail("offset does not point at the marker", marker,
			    len);
		if (r->nh < MAXH && len < SP_HEADING_MARKER_MAX) {
			r->h[r->nh].line = (uint64_t)line;
			memcpy(r->h[r->nh].marker, marker, len + 1);
			r->nh++;
		}
		kids = json_object_get(node, "children");
		walk(r, kids, depth + 1, first, last, check_offsets);
	}
}

/*
 * Feeds the documents of r (separated by lines holding only \f) to an
 * outline of mode m; calls back per document with its output.
 */
typedef void (*doc_fn)(struct run *r, struct outline *ol, uint64_t first,
    uint64_t last, void *ctx);

static void
feed(struct run *r, struct outline *ol, doc_fn fn, void *ctx)
{
	size_t l, a, b;
	uint64_t first = 1;

	outline_begin(ol, "f", 0, NULL);
	for (l = 0; l < r->nl; l++) {
		a = r->ls[l];
		b = r->ls[l + 1] - 1;
		if (b - a == 1 && r->s[a] == '\f') {
			if (outline_end(ol) < 0)
				abort();
			fn(r, ol, first, l, ctx);
			outline_begin(ol, "f", 0, NULL);
			first = l + 2;
			continue;
		}
		if (outline_line(ol, r->s + a, b - a, l + 1, a) < 0)
			abort();
	}
	if (outline_end(ol) < 0)
		abort();
	fn(r, ol, first, r->nl, ctx);
}

struct jctx {
	int check_offsets;
	uint64_t headings;
};

static void
json_doc(struct run *r, struct outline *ol, uint64_t first, uint64_t last,
    void *ctx)
{
	struct sp_buf *out = outline_output(ol);
	struct jctx *c = ctx;
	json_error_t err;
	json_t *doc;
	size_t before = r->nh;

	valid(out);
	if ((doc = json_loadb(out->data ? out->data : "", out->len,
	    JSON_ALLOW_NUL, &err)) == NULL)
		fail(err.text, out->data, out->len);
	if (!json_is_object(doc))
		fail("document not an object", out->data, out->len);
	member_str(doc, "title");
	member_int(doc, "line");
	walk(r, json_object_get(doc, "headings"), 1, first, last,
	    c->check_offsets);
	c->headings += r->nh - before;
	json_decref(doc);
	sp_buf_clear(out);
}

static void
check_doc(struct run *r, struct outline *ol, uint64_t first, uint64_t last,
    void *ctx)
{
	struct sp_buf *out = outline_output(ol);
	uint64_t *lines = ctx, line;
	size_t i = 0, e, k;
	char *q;

	(void)first;
	(void)last;
	valid(out);
	while (i < out->len) {
		e = i;
		while (e < out->len && out->data[e] != '\n')
			e++;
		if (e == out->len)
			fail("finding without newline", out->data, out->len);
		if (e - i < 4 || memcmp(out->data + i, "f:", 2) != 0)
			fail("finding without FILE:", out->data + i, e - i);
		line = strtoull(out->data + i + 2, &q, 10);
		if (q[0] != ':' || q[1] != ' ')
			fail("finding without LINE:", out->data + i, e - i);
		q += 2;
		for (k = 0; k < r->nh; k++)
			if (r->h[k].line == line && strncmp(q, r->h[k].marker,
			    strlen(r->h[k].marker)) == 0)
				break;
		if (k == r->nh && r->nh < MAXH)
			fail("finding names no heading of its line",
			    out->data + i, e - i);
		(*lines)++;
		i = e + 1;
	}
	sp_buf_clear(out);
}

static void
md_doc(struct run *r, struct outline *ol, uint64_t first, uint64_t last,
    void *ctx)
{
	struct sp_buf *out = outline_output(ol);

	(void)r;
	(void)first;
	(void)last;
	valid(out);
	sp_buf_append(ctx, out->data, out->len);
	sp_buf_clear(out);
}

static void
tree_doc(struct run *r, struct outline *ol, uint64_t first, uint64_t last,
    void *ctx)
{
	(void)r;
	(void)first;
	(void)last;
	(void)ctx;
	valid(outline_output(ol));
	sp_buf_clear(outline_output(ol));
}

/*
 * s without blanks, '#' and '\' (and, for the input, its \f lines).  The
 * blanks are the heading recognizer's (common/heading.c), which drops
 * them where it parts a title from the body glued to it: the spaces
 * U+2000..U+200A and the zero-width space too.
 */
static void
text_only(const char *s, size_t n, struct sp_buf *out)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		k = sp_utf8_decode((const unsigned char *)s + i, n - i, &cp,
		    NULL);
		/* Blank space as the library defines it (zh.h), line ends,
		 * and Markdown's own marks. */
		if (!(sp_is_blank(cp) || (cp >= '\t' && cp <= '\r') ||
		    cp == '#' || cp == '\\'))
			sp_buf_append(out, s + i, k);
		i += k;
	}
}

static size_t *
split(const char *s, size_t n, size_t *nl)
{
	size_t *ls = malloc((n + 2) * sizeof *ls), i, c = 0;

	if (ls == NULL)
		abort();
	ls[c++] = 0;
	for (i = 0; i < n; i++)
		if (s[i] == '\n')
			ls[c++] = i + 1;
	if (n == 0 || s[n - 1] != '\n')
		ls[c++] = n + 1;	/* the last line has no newline */
	*nl = c - 1;
	return ls;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct run r;
	struct outline_opts o;
	struct outline *ol;
	struct sp_buf in = SP_BUF_INIT, md = SP_BUF_INIT;
	struct sp_buf a = SP_BUF_INIT, b = SP_BUF_INIT;
	struct jctx jc = { 1, 0 };
	uint64_t findings = 0;
	size_t *ls;
	int pass;

	if (size == 0)
		return 0;
	memset(&o, 0, sizeof o);
	o.flags = data[0] & 3;
	o.max_level = (data[0] >> 2) & 3;
	o.numbers = (data[0] >> 4) & 1;
	data++;
	size--;
	for (pass = 0; pass < 2; pass++) {
		if (pass == 0) {
			if (sp_utf8_sanitize((const char *)data, size, &in,
			    NULL, 0) < 0)
				abort();
			r.s = in.data ? in.data : "";
			r.n = in.len;
		} else {
			/* The raw bytes: no crash, valid output, counted. */
			r.s = (const char *)data;
			r.n = size;
			jc.check_offsets = 0;
		}
		ls = split(r.s, r.n, &r.nl);
		r.ls = ls;
		r.nh = 0;
		jc.headings = 0;

		o.mode = MODE_JSON;
		if ((ol = outline_new(&o)) == NULL)
			abort();
		feed(&r, ol, json_doc, &jc);
		if (jc.headings != outline_headings(ol) && r.nh < MAXH)
			fail("headings counted differ from the tree", r.s,
			    r.n);
		if (pass == 0 && outline_invalid(ol) != 0)
			fail("valid input counted invalid", r.s, r.n);
		outline_free(ol);

		if (pass == 0) {
			o.mode = MODE_CHECK;
			if ((ol = outline_new(&o)) == NULL)
				abort();
			feed(&r, ol, check_doc, &findings);
			if (findings != outline_problems(ol))
				fail("findings counted differ", r.s, r.n);
			outline_free(ol);

			o.mode = MODE_MARKDOWN;
			if ((ol = outline_new(&o)) == NULL)
				abort();
			feed(&r, ol, md_doc, &md);
			outline_free(ol);
			text_only(r.s, r.n, &a);
			text_only(md.data ? md.data : "", md.len, &b);
			if (a.len != b.len || memcmp(a.data ? a.data : "",
			    b.data ? b.data : "", a.len)) {
				fprintf(stderr, "markdown:\n%.*s\n",
				    (int)md.len, md.data);
				fail("markdown lost or changed text", r.s,
				    r.n);
			}
		} else {
			o.mode = MODE_TREE;
			if ((ol = outline_new(&o)) == NULL)
				abort();
			feed(&r, ol, tree_doc, NULL);
			outline_free(ol);
			o.mode = MODE_MARKDOWN;
			if ((ol = outline_new(&o)) == NULL)
				abort();
			feed(&r, ol, tree_doc, NULL);
			outline_free(ol);
		}
		free(ls);
	}
	sp_buf_free(&in);
	sp_buf_free(&md);
	sp_buf_free(&a);
	sp_buf_free(&b);
	return 0;
}
