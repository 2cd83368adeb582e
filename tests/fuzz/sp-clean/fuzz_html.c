/*
 * Fuzz target: sp-clean's HTML step (html.h) alone.  Properties:
 *   - the output of valid UTF-8 is valid UTF-8;
 *   - text without '&' and '<' comes out unchanged;
 *   - the output is never longer than the input, but for the two named
 *     references whose two code points take one byte more (&nGt; &nLt;);
 *   - html_reference() decodes one reference to one or two characters,
 *     uses no more bytes than it has, and refuses what is not '&';
 *   - escaping: any text whose '&' and '<' (and, at random, any other
 *     character) are written as references, decimal, hexadecimal or named,
 *     decodes back to the text itself, with one reference counted each.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
valid(const struct sp_buf *b)
{
	if (b->len && sp_utf8_valid_prefix((const unsigned char *)b->data,
	    b->len) != b->len)
		abort();
}

/* Count of s[0..n) occurrences of the two references that grow. */
static size_t
growing(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i + 5 <= n; i++)
		if (memcmp(s + i, "&nGt;", 5) == 0 ||
		    memcmp(s + i, "&nLt;", 5) == 0)
			c++;
	return c;
}

static const struct {
	int32_t cp;
	const char *name;
} named[] = {
	{ '&', "amp" }, { '&', "AMP" }, { '<', "lt" }, { '<', "LT" },
	{ '>', "gt" }, { '"', "quot" }, { '\'', "apos" }, { 0xA0, "nbsp" },
	{ 0xA9, "copy" }, { 0xB7, "middot" }, { 0xD7, "times" },
	{ 0x2014, "mdash" }, { 0x2026, "hellip" }, { 0x201C, "ldquo" },
	{ 0x201D, "rdquo" }, { 0x2018, "lsquo" }, { 0x2019, "rsquo" },
	{ 0x27E8, "lang" }, { 0x2003, "emsp" }, { 0x20AC, "euro" },
};

static const char *
name_of(int32_t cp, unsigned pick)
{
	size_t i, n = sizeof named / sizeof named[0], k;

	for (k = 0; k < n; k++) {
		i = (k + pick) % n;
		if (named[i].cp == cp)
			return named[i].name;
	}
	return NULL;
}

/* Writes text as HTML, every '&' and '<' and some others as references. */
static size_t
escape(const char *s, size_t n, uint32_t seed, struct sp_buf *out)
{
	size_t i = 0, k, refs = 0;
	int32_t cp;
	unsigned r;
	const char *name;
	char tmp[64];

	while (i < n) {
		k = sp_utf8_decode((const unsigned char *)s + i, n - i, &cp,
		    NULL);
		seed = seed * 1103515245u + 12345u;
		r = seed >> 16;
		/* NUL, C1 and surrogates are not what a reference gives. */
		if (cp == 0 || (cp >= 0x80 && cp <= 0x9F) ||
		    ((r & 3) == 0 && cp != '&' && cp != '<')) {
			sp_buf_append(out, s + i, k);
			i += k;
			continue;
		}
		name = (r & 3) == 3 || cp == '&' || cp == '<' ?
		    name_of(cp, r >> 2) : NULL;
		if (name)
			snprintf(tmp, sizeof tmp, "&%s;", name);
		else if (r & 4)
			snprintf(tmp, sizeof tmp, "&#%s%ld;",
			    r & 8 ? "00" : "", (long)cp);
		else
			snprintf(tmp, sizeof tmp, r & 8 ? "&#x%lX;" :
			    "&#X%04lx;", (long)cp);
		sp_buf_puts(out, tmp);
		refs++;
		i += k;
	}
	return refs;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_buf in = SP_BUF_INIT, out = SP_BUF_INIT, esc = SP_BUF_INIT;
	struct html_stats st = { 0, 0, 0, 0 };
	const char *s;
	size_t i, j, k, used, refs;
	uint32_t seed = 0;

	if (sp_utf8_sanitize((const char *)data, size, &in, NULL, 0) < 0)
		abort();
	s = in.data ? in.data : "";
	html_clean(s, in.len, &out, &st);
	valid(&out);
	if (out.len > in.len + growing(s, in.len))
		abort();
	if (memchr(s, '&', in.len) == NULL && memchr(s, '<', in.len) == NULL &&
	    (out.len != in.len || memcmp(out.data ? out.data : "", s, in.len)))
		abort();

	/* Every '&' of the input as a reference on its own. */
	for (i = 0; i < in.len; i++) {
		sp_buf_clear(&out);
		used = html_reference(s + i, in.len - i, &out);
		if (s[i] != '&' && used != 0)
			abort();
		if (used > in.len - i || (used == 0) != (out.len == 0))
			abort();
		if (used == 0)
			continue;
		valid(&out);
		/* One or two characters, one byte over only for &nGt; &nLt;. */
		if (out.len > used + (growing(s + i, used) ? 1 : 0))
			abort();
		for (k = 0, j = 0; j < out.len; j++)
			k += ((unsigned char)out.data[j] & 0xC0) != 0x80;
		if (k < 1 || k > 2)
			abort();
	}

	/* Escaped, then decoded: the text itself. */
	for (i = 0; i < size && i < 4; i++)
		seed = seed << 8 | data[i];
	refs = escape(s, in.len, seed, &esc);
	memset(&st, 0, sizeof st);
	sp_buf_clear(&out);
	html_clean(esc.data ? esc.data : "", esc.len, &out, &st);
	if (out.len != in.len || memcmp(out.data ? out.data : "", s, in.len) ||
	    st.refs != refs || st.tags != 0) {
		fprintf(stderr, "escaped:\n%.*s\ndecoded:\n%.*s\n",
		    (int)esc.len, esc.data, (int)out.len, out.data);
		abort();
	}
	sp_buf_free(&in);
	sp_buf_free(&out);
	sp_buf_free(&esc);
	return 0;
}
