/*
 * Fuzz target: the page numbers the hardwrap step removes (pagenum.h).
 * Properties, on any text (made valid UTF-8 first, as step 1 does):
 *   - the output is valid UTF-8, never longer than the input;
 *   - what went is digits, spaces and line breaks, or a short line with
 *     a digit (a page number as printers set it: — 1 —, 第1页): the
 *     output is the input with such runs taken out;
 *   - as many numbers explained as counted, each valid UTF-8 holding a
 *     digit;
 *   - the lines joined, counted, no more than the line breaks that went;
 *   - text without ASCII digits comes out unchanged.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pagenum.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	size_t told;
};

static void
explain(const char *s, size_t n, void *ctx)
{
	struct seen *w = ctx;
	size_t i;

	if (n == 0 || sp_utf8_valid_prefix((const unsigned char *)s, n) != n)
		abort();
	for (i = 0; i < n && (s[i] < '0' || s[i] > '9'); i++)
		;
	if (i == n)
		abort();	/* a page number without a digit */
	w->told++;
}

/* The longest printed page number's line pagenum.c takes, in bytes. */
#define PRINTED_MAX 64

/* Is b[0..m) a subsequence of a[0..n)?  (Taking the first match of each
 * byte finds one whenever there is one.) */
static int
subsequence(const char *a, size_t n, const char *b, size_t m)
{
	size_t i, j = 0;

	for (i = 0; i < n && j < m; i++)
		if (a[i] == b[j])
			j++;
	return j == m;
}

/* The bytes of s[0..n) other than digits, spaces and line breaks. */
static size_t
others(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += !((s[i] >= '0' && s[i] <= '9') || s[i] == ' ' ||
		    s[i] == '\n');
	return k;
}

/*
 * Is b[0..m) a[0..n) less some of its bytes, those other than digits,
 * spaces and breaks no more than a printed page number's line each of
 * the removed numbers may take?
 */
static int
only_numbers_gone(const char *a, size_t n, const char *b, size_t m,
    size_t removed)
{
	return subsequence(a, n, b, m) &&
	    others(a, n) - others(b, m) <= removed * PRINTED_MAX;
}

/* The line breaks of s[0..n). */
static size_t
breaks(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_buf in = SP_BUF_INIT, doc = SP_BUF_INIT;
	struct seen w;
	size_t removed, len, i, joins = 0;
	int digits = 0;

	if (sp_utf8_sanitize((const char *)data, size, &in, NULL, 0) < 0)
		abort();
	if (in.len == 0) {
		sp_buf_free(&in);
		return 0;
	}
	if (sp_buf_append(&doc, in.data, in.len) < 0)
		abort();
	for (i = 0; i < in.len; i++)
		digits |= in.data[i] >= '0' && in.data[i] <= '9';
	w.told = 0;
	len = doc.len;
	removed = pagenum_strip(doc.data, &len, explain, &w, &joins);
	if (len > in.len || w.told != removed ||
	    joins > breaks(in.data, in.len) - breaks(doc.data, len) ||
	    (!removed && joins) ||
	    (len && sp_utf8_valid_prefix((const unsigned char *)doc.data,
	    len) != len) ||
	    !only_numbers_gone(in.data, in.len, doc.data, len, removed) ||
	    (!digits && (removed || len != in.len)))
		abort();
	sp_buf_free(&in);
	sp_buf_free(&doc);
	return 0;
}
