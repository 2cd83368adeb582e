/*
 * heading_title.c: the title after a heading's marker, and whether the
 * line reads as a heading at all (not an inline list, not an English
 * list, not a table of contents' chapter line).
 */
#include <string.h>

#include "cjk.h"
#include "heading_int.h"
#include "utf8.h"

#define RUNIN_MAX 80		/* characters of a run-in head */

/*
 * Sets the title of h: s[from..n) is what follows the marker.  Returns 0
 * when there is no title.
 */
int
sp_heading_find_title(const char *s, size_t n, size_t from,
    struct sp_heading *h)
{
	size_t i, l, end, cut = 0, chars = 0, last_ink;
	int32_t cp, prev = 0;
	int has_end = 0;

	from = sp_skip_blank(s, n, from);
	/*
	 * Is the rest short (its end, trimmed) with no sentence end?  Only
	 * the first SHORT_TITLE characters need looking at.
	 */
	last_ink = from;
	for (i = from; i < n && !has_end && chars <= SHORT_TITLE; i += l) {
		l = sp_cp_at(s, n, i, &cp);
		if (!sp_is_blank(cp))
			last_ink = i + l;
		has_end = is_head_end(cp, prev);
		chars++;
		prev = cp;
	}
	/* Stopped early with no sentence end: the line is long. */
	if (i < n && !has_end)
		chars = SHORT_TITLE + 1;	/* more text follows: long */
	end = has_end || chars > SHORT_TITLE ? n : last_ink;
	if (chars > SHORT_TITLE || has_end) {
		/* The run-in head. */
		chars = 0;
		prev = 0;
		for (i = from; i < end; i += l) {
			l = sp_cp_at(s, n, i, &cp);
			if (is_head_end(cp, prev) || (sp_is_blank(cp) &&
			    chars > 0) || chars == RUNIN_MAX)
				break;
			chars++;
			prev = cp;
		}
		cut = i;
		end = cut;
		/* Trim blanks before the cut. */
		while (end > from) {
			size_t b = end - 1;

			while (b > from && ((unsigned char)s[b] & 0xC0) == 0x80)
				b--;
			sp_cp_at(s, n, b, &cp);
			if (!sp_is_blank(cp))
				break;
			end = b;
		}
	}
	/* A line that ends in ， or 、 goes on in the next: the title is the
	 * words before the mark (增强乡镇应急管理能力，). */
	while (end > from + 3 && (memcmp(s + end - 3, "，", 3) == 0 ||
	    memcmp(s + end - 3, "、", 3) == 0))
		end -= 3;
	while (end > from + 1 && s[end - 1] == ',')
		end--;
	h->title_off = from;
	h->title_len = end > from ? end - from : 0;
	return h->title_len > 0;
}

/*
 * "一是大会述职；二是大会测评；…": the next item follows the first in its
 * own sentence, so the line is a list written inline, not a paragraph
 * opened by an item.
 */
static int
next_item_at(const char *s, size_t n, size_t i, const struct sp_heading *h)
{
	size_t used;
	int32_t cp = 0;

	i = sp_skip_blank(s, n, i);
	if (h->kind == SP_HK_DI) {
		if (i + 3 > n || memcmp(s + i, "第", 3) != 0)
			return 0;
		i += 3;
	}
	if (sp_cn_number(s + i, n - i, &used) != h->number + 1)
		return 0;
	if (h->kind == SP_HK_DI)
		return 1;
	if (i + used < n)
		sp_cp_at(s, n, i + used, &cp);
	return (h->kind == SP_HK_SHI && cp == 0x662F) ||
	    (h->kind == SP_HK_YAO && cp == 0x8981);
}

/* Does s[i] follow a stop (；;。，！？ or a blank) after s[from]? */
static int
after_stop(const char *s, size_t from, size_t i)
{
	static const char stops[][4] = { "；", "。", "，", "！", "？", "　" };
	size_t k;

	if (i > from && (s[i - 1] == ';' || s[i - 1] == ' '))
		return 1;
	if (i < from + 3)
		return 0;
	for (k = 0; k < sizeof stops / sizeof stops[0]; k++)
		if (memcmp(s + i - 3, stops[k], 3) == 0)
			return 1;
	return 0;
}

/*
 * "一是大会述职；二是大会测评；…", "1、淘汰噪音；2、要求便于来访": the next
 * marker follows in the same paragraph, after a sentence or clause, so
 * the line is a list written inline, not a paragraph opened by a heading.
 */
int
sp_heading_inline_list(const char *s, size_t n, const struct sp_heading *h)
{
	char next[SP_HEADING_MARKER_MAX];
	struct sp_buf b = SP_BUF_INIT;
	size_t i, l, len, end = h->title_off + h->title_len;
	int32_t cp;
	int found = 0;

	/* Articles and chapters are never written as inline lists. */
	if (h->kind == SP_HK_SEQ || (h->kind >= SP_HK_BIAN &&
	    h->kind <= SP_HK_TIAO))
		return 0;
	if (h->kind == SP_HK_SHI || h->kind == SP_HK_YAO || h->kind == SP_HK_DI)
		for (i = h->title_off; i < n && i <= end; i += l) {
			l = sp_cp_at(s, n, i, &cp);
			if ((cp == 0xFF1B || cp == ';' || cp == 0xFF0C ||
			    cp == ',') && next_item_at(s, n, i + l, h))
				return 1;
		}
	if (sp_heading_kind_is_item(h->kind))
		return 0;
	/* Numbered markers: look for the next one after a stop. */
	if (sp_heading_format_marker(&b, h->kind, h->form, h->number + 1) < 0 ||
	    b.len == 0 || b.len >= sizeof next) {
		sp_buf_free(&b);
		return 0;
	}
	len = b.len;
	memcpy(next, b.data, len);
	sp_buf_free(&b);
	if (n > 1000)
		n = 1000;	/* a paragraph's first clauses are enough */
	for (i = h->title_off; i + len <= n; i++) {
		const char *p = memchr(s + i, next[0], n - len + 1 - i);

		if (p == NULL)
			break;
		i = (size_t)(p - s);
		if (memcmp(p, next, len) == 0 && after_stop(s, h->title_off,
		    i)) {
			found = 1;
			break;
		}
	}
	return found;
}

/*
 * A title must read as Chinese text when the marker is Arabic ("1. The
 * Number 40" is an English list), and must not itself open with a 第X章
 * marker ("1.第1章 艱苦的生活" lists a novel's chapters).
 */
int
sp_heading_plausible_title(const char *s, const struct sp_heading *h)
{
	size_t i, l, n = h->title_off + h->title_len, used;
	int32_t cp;
	int han = 0;

	if (h->title_len >= 3 && memcmp(s + h->title_off, "第", 3) == 0) {
		i = h->title_off + 3;
		if (i < n && (sp_cn_number(s + i, n - i, &used) >= 0 ||
		    (used = 0, is_digit_cp((sp_cp_at(s, n, i, &cp), cp))))) {
			/* Digits, full-width ones three bytes each. */
			while (i + used < n && (l = sp_cp_at(s, n, i + used, &cp),
			    is_digit_cp(cp)))
				used += l;
			i += used;
			if (i < n) {
				sp_cp_at(s, n, i, &cp);
				if (cp == 0x7AE0 || cp == 0x8282 || cp == 0x7BC7 ||
				    cp == 0x56DE || cp == 0x96C6)
					return 0;	/* 章 节 篇 回 集 */
			}
		}
	}
	if (h->kind != SP_HK_NUM_DOT && h->kind != SP_HK_NUM_PAREN &&
	    h->kind != SP_HK_NUM_RPAREN && h->kind != SP_HK_CIRCLED)
		return 1;
	for (i = h->title_off; i < n && !han; i += l) {
		l = sp_cp_at(s, n, i, &cp);
		han = sp_is_han(cp);
	}
	return han;
}
