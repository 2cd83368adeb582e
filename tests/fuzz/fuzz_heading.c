/*
 * Fuzz target: the heading recognizer and tracker.  Each input line is
 * matched and fed.  Properties: a match's marker and title lie inside the
 * line, levels stay within the path's depth, the path renders, a parsed
 * numeral is within its documented range, and the lines
 * sp_heading_quiet_lines() passes over are whole, counted, and hold
 * nothing a fresh tracker finds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "heading.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * The quiet lines from s[0..n): whole lines, counted; returns where
 * they end.
 */
static size_t
quiet_from(const char *s, size_t n)
{
	uint64_t lines, count = 0;
	size_t q = sp_heading_quiet_lines(s, n, &lines), k;

	if (q > n || (q > 0 && s[q - 1] != '\n'))
		abort();
	for (k = 0; k < q; k++)
		count += s[k] == '\n';
	if (count != lines)
		abort();
	return q;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_heading_tracker *t, *fresh;
	struct sp_heading h;
	struct sp_buf path = SP_BUF_INIT;
	const char *s = (const char *)data, *nl;
	size_t n = size, len, used;
	uint64_t line = 0, off = 0, quiet_to = 0;
	long v;
	int i, found;

	if (size == 0)
		return 0;
	t = sp_heading_tracker_new(data[0] & 1 ? SP_HEADING_ITEMS : 0);
	fresh = sp_heading_tracker_new(SP_HEADING_ITEMS);
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		if (off >= quiet_to)
			quiet_to = off + quiet_from(s, n);
		if (off < quiet_to) {
			sp_heading_tracker_reset(fresh);
			if (sp_heading_tracker_feed(fresh, s, len, 1, 0) != 0)
				abort();
		}
		if (len == 1 && s[0] == '\f')
			sp_heading_tracker_reset(t);
		if (sp_heading_match(s, len, SP_HEADING_ITEMS, &h) &&
		    (h.marker_off + h.marker_len > len ||
		    h.title_off + h.title_len > len))
			abort();
		v = sp_cn_number(s, len, &used);
		if (v < -1 || v > 9999 || used > len || (v == -1 && used))
			abort();
		/* zh.h: numbers, blanks and bullets stay inside the line. */
		v = sp_any_number(s, len, &used);
		if (v < -1 || v > 9999 || used > len)
			abort();
		if (sp_skip_blank(s, len, 0) > len ||
		    sp_heading_bullet(s, len) > len || sp_blank_len(s, len) > len)
			abort();
		found = sp_heading_tracker_feed(t, s, len, ++line, off);
		if (found < 0)
			abort();
		for (i = 0; i < found; i++) {
			const struct sp_heading_entry *e =
			    sp_heading_tracker_found(t, i);

			if (e->level < 1 || e->marker_len >= SP_HEADING_MARKER_MAX)
				abort();
		}
		if (sp_heading_tracker_depth(t) < 0)
			abort();
		sp_buf_clear(&path);
		if (sp_heading_tracker_path(t, NULL, &path) < 0)
			abort();
		off += len + (nl != NULL);
		if (nl == NULL)
			break;
		s = nl + 1;
		n -= len + 1;
	}
	sp_buf_free(&path);
	sp_heading_tracker_free(t);
	sp_heading_tracker_free(fresh);
	return 0;
}
