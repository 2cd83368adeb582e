/*
 * mojibake.c: wrongly decoded text (step 6); see mojibake.h.  This file
 * finds the spans of each line and hands them to the repair of their
 * kind: mojibake_shift.c (gbk-shift), mojibake_latin1.c (gbk-latin1,
 * utf8-latin1), mojibake_utf8.c (utf8-gbk); they judge candidates by
 * mojibake_score.c and share mojibake_span.c.
 */
#include <string.h>

#include "mojibake.h"
#include "mojibake_gbk.h"
#include "mojibake_latin1.h"
#include "mojibake_marks.h"
#include "mojibake_memo.h"
#include "mojibake_page.h"
#include "mojibake_score.h"
#include "mojibake_shift.h"
#include "mojibake_span.h"
#include "mojibake_utf8.h"
#include "text.h"

/*
 * Trims the spaces a repair brought to the ends of the line out[from..]
 * (GBK text keeps its indent of ideographic spaces): step 4 has run.
 */
static void
trim(struct sp_buf *out, size_t from)
{
	size_t a = from, k;

	while (a < out->len && sp_is_space(cp_at(out->data, out->len, a, &k)))
		a += k;
	memmove(out->data + from, out->data + a, out->len - a);
	out->len -= a - from;
	while (out->len > from &&
	    sp_is_space(cp_before(out->data, out->len, &k)))
		out->len -= k;
	out->data[out->len] = '\0';
}

/*
 * A quick look first, which most lines pass at once: might s[0..n) hold
 * mojibake?  It holds a marker, a Latin-1 letter's lead byte, or two Han
 * ideographs (U+4E00..U+9FFF) that the model finds RARE.
 */
static int
may_hold_mojibake(const char *s, size_t n)
{
	/* What a byte may open: 1 mojibake ('?', Latin-1 letters), 2 a
	 * U+FFFD (0xEF), 3 a Han ideograph (U+4000..U+9FFF). */
	static const unsigned char look[256] = {
		['?'] = 1, [0xC2] = 1, [0xC3] = 1, [0xEF] = 2,
		[0xE4] = 3, [0xE5] = 3, [0xE6] = 3, [0xE7] = 3, [0xE8] = 3,
		[0xE9] = 3,
	};
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t rare = 0;
	int32_t cp;

	for (; p < end; p++) {
		switch (look[*p]) {
		case 0:
			continue;
		case 1:
			return 1;
		case 2:
			if (end - p > 2 && p[1] == 0xBF && p[2] == 0xBD)
				return 1;
			continue;
		}
		if (end - p <= 2)
			continue;
		cp = (int32_t)(p[0] & 0x0F) << 12 | (int32_t)(p[1] & 0x3F) << 6 |
		    (p[2] & 0x3F);
		if (cp >= 0x4E00 && rare_han(cp) && ++rare >= 2)
			return 1;
		p += 2;
	}
	return 0;
}

/*
 * Where the run of UTF-8 read as GBK around s[b] starts: at the first
 * run_char() before it, not before floor.
 */
static size_t
run_start(const char *s, size_t b, size_t floor)
{
	size_t p;

	while (b > floor && run_char(cp_before(s, b, &p)))
		b -= p;
	return b;
}

/*
 * Where the next run of UTF-8 read as GBK may start at or after s[i]: past
 * ASCII punctuation (a gbk-shift span reads it across, as the full-width
 * marks NFKC may have made it), at most a few characters on.
 */
static size_t
next_run_at(const char *s, size_t n, size_t i)
{
	size_t k, p = i;

	for (k = 0; k < 3 && p < n && (unsigned char)s[p] < 0x80 &&
	    s[p] != '?' && span_char((unsigned char)s[p]) !=
	    (unsigned char)s[p]; k++)
		p++;
	return p < n && run_char(cp_at(s, n, p, &k)) ? p : i;
}

/*
 * At the marker s[i..i+k), out holding the line up to it from floor on:
 * repairs UTF-8 read as GBK that it is part of, or the gbk-shift span it
 * opens, or UTF-8 read as GBK after it; else copies the marker to out,
 * counting the span when it was broken beyond repair.  Returns where the
 * line goes on.
 */
static size_t
at_marker(const char *s, size_t n, size_t i, size_t k, size_t floor,
    struct sp_buf *out, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t used, b = run_start(s, i, floor);
	int fixed = 0;

	/*
	 * A marker the GBK decoder wrote inside UTF-8 ("涓?鏄?" for "一是")
	 * has the run's characters before it.  The run is read to its end
	 * for each marker in it: paid from the line's budget, so that a line
	 * of a megabyte of Han and markers and no punctuation is not read
	 * again for each marker.
	 */
	if (b < i && span_budget > 0) {
		out->len -= i - b;
		used = utf8_gbk(s, n, b, out, &fixed, st, explain, ctx);
		budget_spend(used);
		if (fixed)
			return b + used;
		put(out, s + b, i - b);
	}
	span_broken.s = NULL;
	if ((used = gbk_shift(s, n, i, out, &fixed, st, explain, ctx)) > 0)
		return i + used;
	put(out, s + i, k);
	/*
	 * Not after a span the budget left: the rest of the line, read
	 * again for each of them, would cost its length a span.
	 */
	if (span_broken.s && !span_broken.unsearched && i + k < n &&
	    span_budget > 0) {
		size_t at = out->len, p = next_run_at(s, n, i + k);

		/* Past what the span read across that no run holds:
		 * "鏃?,鎴戜滑" is a run after a marker and a comma. */
		put(out, s + i + k, p - (i + k));
		used = utf8_gbk(s, n, p, out, &fixed, st, explain, ctx);
		budget_spend(used);
		if (fixed)
			return p + used;
		out->len = at;
	}
	if (span_broken.s) {
		st->unrepairable++;
		if (explain)
			explain(span_broken.kind, span_broken.s,
			    span_broken.len, NULL, 0, NULL, ctx);
	}
	return i + k;
}

/*
 * A Latin-1 span s[b..end) left as it is, but for the soft hyphens and C1
 * controls step 3 kept for this step: dropped, and counted.
 */
static void
keep_latin1(const char *s, size_t n, size_t b, size_t end,
    struct sp_buf *out, struct mojibake_stats *st)
{
	size_t p, k;
	int32_t cp;

	for (p = b; p < end; p += k) {
		cp = cp_at(s, n, p, &k);
		if (cp != 0xAD && !(cp >= 0x80 && cp <= 0x9F))
			put(out, s + p, k);
		else
			st->removed++;
	}
}

/*
 * Drops from out[from..) the soft hyphens and C1 controls step 3 kept
 * for this step that no repair took (a repair never writes them), and
 * counts them; an NBSP step 4 kept (latin1_nbsp()) becomes the space
 * step 4 would have made of it: one between words, none at an end.
 * kept: MOJIBAKE_KEPT_ bits, what the steps before left.
 */
static void
drop_kept_marks(struct sp_buf *out, size_t from, unsigned kept,
    struct mojibake_stats *st)
{
	char *d = out->data;
	size_t i, j, n = out->len;
	unsigned char b;

	if (kept == 0 || d == NULL || !memchr(d + from, 0xC2, n - from))
		return;
	for (i = j = from; i < n; i++) {
		b = i + 1 < n && (unsigned char)d[i] == 0xC2 ?
		    (unsigned char)d[i + 1] : 0;
		if ((kept & MOJIBAKE_KEPT_MARKS) &&
		    ((b >= 0x80 && b <= 0x9F) || b == 0xAD)) {
			st->removed++;
			i++;
			continue;
		}
		/* What precedes it is d[..j), the text as now written. */
		if ((kept & MOJIBAKE_KEPT_NBSP) && b == 0xA0 &&
		    latin1_nbsp(d, j)) {
			if (j > from && d[j - 1] != ' ' && i + 2 < n &&
			    d[i + 2] != ' ')
				d[j++] = ' ';
			i++;
			continue;
		}
		d[j++] = d[i];
	}
	out->len = j;
}

/* Repairs one line. */
static void
line(const char *s, size_t n, unsigned kept, struct sp_buf *out,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t i = 0, k, used, start = 0, p, b;
	mojibake_fn det;
	int32_t cp;
	int fixed;
	size_t line_start, repaired = st->repaired, tried = 0;

	if (!may_hold_mojibake(s, n)) {
		put(out, s, n);
		return;
	}
	gbk_load();
	budget_line(n);
	marks_line();
	line_start = out->len;
	while (i < n) {
		cp = cp_at(s, n, i, &k);
		b = i;
		if (is_marker(cp)) {
			put(out, s + start, i - start);
			start = i = at_marker(s, n, i, k, start > tried ?
			    start : tried, out, st, explain, ctx);
			continue;
		} else if (cp >= 0x80 && latin1_byte(cp) >= 0 &&
		    !(i > 0 && latin1_byte(cp_before(s, i, &p)) >= 0)) {
			det = gbk_latin1;
		} else if (cp >= 0x80 && i >= tried && uncommon_cjk(cp)) {
			det = utf8_gbk;
			b = run_start(s, b, start > tried ? start : tried);
		} else {
			i += k;
			continue;
		}
		put(out, s + start, b - start);
		start = b;
		fixed = 0;
		used = det(s, n, b, out, &fixed, st, explain, ctx);
		if (det == utf8_gbk)
			tried = b + (used ? used : k);
		if (fixed) {
			start = b + used;
		} else if (det == gbk_latin1 && used) {
			keep_latin1(s, n, b, b + used, out, st);
			start = b + used;
		}
		/*
		 * A run utf8_gbk() left may still hold a shifted span: its
		 * markers are looked at (tried keeps it from being tried
		 * again).
		 */
		if (det == utf8_gbk && !fixed)
			i += k;
		else
			i = used && b + used > i ? b + used : i + k;
	}
	put(out, s + start, n - start);
	drop_kept_marks(out, line_start, kept, st);
	if (st->repaired > repaired)
		trim(out, line_start);
}

/*
 * Repairs one line.  Where its repairs are the document's first of a kind
 * (UTF-8 read as GBK, GBK read as Latin-1), the spans of that kind before
 * the first were too short to tell by themselves: the line is read again
 * from the start, the kind known.  The first reading says nothing (it is
 * read again when --explain asks, too, so that what is said is said once
 * and of the input's own spans).
 */
static void
line_twice(const char *s, size_t n, unsigned kept, struct sp_buf *out,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t line_start = out->len;
	struct document_evidence was = document;
	struct mojibake_stats first = *st;

	line(s, n, kept, out, &first, NULL, NULL);
	if (was.utf8_gbk == document.utf8_gbk &&
	    was.gbk_latin1 == document.gbk_latin1 && explain == NULL) {
		*st = first;
		return;
	}
	out->len = line_start;
	line(s, n, kept, out, st, explain, ctx);
}

void
mojibake_repair(const char *s, size_t n, unsigned kept, struct sp_buf *out,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	const char *nl;
	size_t len;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	rare_load();	/* once per text, not per line: the quick look's */
	page_set(s, n);
	document = (struct document_evidence){ 0, 0 };
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		line_twice(s, len, kept, out, st, explain, ctx);
		if (nl == NULL)
			break;
		putch(out, '\n');
		s += len + 1;
		n -= len + 1;
	}
	page_set(NULL, 0);
}

void
mojibake_thread_end(void)
{
	sp_buf_free(&span_rep);
	sp_buf_free(&span_bytes);
	sp_buf_free(&span_note);
	sp_buf_free(&span_guess);
	sp_buf_free(&span_layer);
	sp_buf_free(&span_lost);
	memo_free();
}
