/*
 * Fuzz target: an HTML page parsed into lines (htmlpage.c), then judged
 * by the boilerplate step with what the page said of each line.
 * Properties: the text is valid UTF-8 with one line a page line and no
 * empty line; each line's characters are those it counts, its links no
 * more than its characters, its container no smaller than it; and the
 * boilerplate step keeps lines of the text, in order, unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "htmlpage.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct html_page pg;
static struct boilerplate *bp;

/* Characters of s[0..n) other than spaces. */
static uint32_t
visible(const char *s, size_t n)
{
	uint32_t k = 0;
	size_t i;

	for (i = 0; i < n; i++)
		k += s[i] != ' ' && ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

static void
check_lines(void)
{
	const char *s = pg.text.data ? pg.text.data : "", *end, *nl;
	size_t i;

	end = s + pg.text.len;
	if (pg.text.len && sp_utf8_valid_prefix((const unsigned char *)s,
	    pg.text.len) != pg.text.len)
		abort();
	for (i = 0; i < pg.nlines; i++, s = nl + 1) {
		const struct html_line *l = &pg.lines[i];

		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		if (nl == s || visible(s, (size_t)(nl - s)) != l->chars ||
		    l->link_chars > l->chars || l->box_chars < l->chars ||
		    l->box_link_chars > l->box_chars || l->box_share > 1.0001f)
			abort();
		if (nl == end && i + 1 != pg.nlines)
			abort();
	}
	if (pg.nlines && s != end + 1)
		abort();
	if (pg.nlines == 0 && pg.text.len != 0)
		abort();
}

/* The kept lines are lines of the text, in order. */
static void
check_kept(const struct sp_buf *out)
{
	const char *k = out->data ? out->data : "", *kend = k + out->len;
	const char *s = pg.text.data ? pg.text.data : "";
	const char *end = s + pg.text.len, *nl, *knl;

	while (k < kend) {
		if ((knl = memchr(k, '\n', (size_t)(kend - k))) == NULL)
			knl = kend;
		for (;;) {
			if (s >= end)
				abort();
			if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
				nl = end;
			if (nl - s == knl - k && memcmp(s, k, (size_t)(nl -
			    s)) == 0)
				break;
			s = nl + 1;
		}
		s = nl + 1;
		k = knl + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct html_line **of;
	struct sp_buf out = SP_BUF_INIT;
	struct page_info info = { NULL, 0, NULL, NULL };
	char err[256];
	size_t i;

	if (bp == NULL && (bp = boilerplate_new(err, sizeof err)) == NULL)
		abort();
	(void)html_is_page((const char *)data, size);
	html_page_parse(&pg, (const char *)data, size);
	check_lines();
	of = malloc((pg.nlines + 1) * sizeof *of);
	if (of == NULL)
		abort();
	for (i = 0; i < pg.nlines; i++)
		of[i] = &pg.lines[i];
	info.html = of;
	info.nhtml = pg.nlines;
	(void)boilerplate_filter(bp, pg.text.data ? pg.text.data : "",
	    pg.text.len, &info, &out, NULL, NULL, NULL);
	check_kept(&out);
	sp_buf_free(&out);
	free(of);
	return 0;
}
