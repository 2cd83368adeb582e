/*
 * Fuzz target: the page numbers the hardwrap step removes (pagenum.h).
 * Properties, on any text (made valid UTF-8 first, as step 1 does):
 *   - the output is valid UTF-8, never longer than the input;
 *   - what went is digits, spaces and line breaks only: the output is
 *     the input with some of those bytes taken out;
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

/* Is b[0..m) a[0..n) less some of its digits, spaces and breaks? */
static int
only_numbers_gone(const char *a, size_t n, const char *b, size_t m)
{
	size_t i = 0, j = 0;

	while (i < n) {
		if (j < m && a[i] == b[j]) {
			i++;
			j++;
		} else if ((a[i] >= '0' && a[i] <= '9') || a[i] == ' ' ||
		    a[i] == '\n') {
			i++;
		} else {
			return 0;
		}
	}
	return j == m;
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
	    !only_numbers_gone(in.data, in.len, doc.data, len) ||
	    (!digits && (removed || len != in.len)))
		abort();
	sp_buf_free(&in);
	sp_buf_free(&doc);
	return 0;
}
