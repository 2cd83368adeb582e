/* heading.c: heading markers and the heading path; see heading.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cjk.h"
#include "heading.h"
#include "utf8.h"
#include "zh.h"

#define SHORT_TITLE 40		/* characters: whole line is the title */
#define RUNIN_MAX 80		/* characters of a run-in head */
#define MAX_DEPTH 40

static int
is_digit_cp(int32_t cp)
{
	return sp_digit_value(cp) >= 0;
}

size_t
sp_heading_bullet(const char *s, size_t n)
{
	int32_t cp;
	size_t l;

	if (n == 0)
		return 0;
	l = sp_cp_at(s, n, 0, &cp);
	switch (cp) {
	case 0x25A1: case 0x25A0: case 0x25CF: case 0x25C6: case 0x25C7:
	case 0x2605: case 0x2606: case 0x25B2: case 0x25B3: case 0x203B:
	case 0xB7: case 0x2022: case 0x25AA: case 0x25CB: case 0x25B6:
	case 0x2192: case 0x25BA:
		return l;
	}
	return 0;
}

/* The form bit of an item's delimiter: ， , ： : 、 是. */
static unsigned
item_delim(int32_t cp)
{
	switch (cp) {
	case 0xFF0C: return SP_HF_COMMA_FULL;
	case ',': return SP_HF_COMMA_HALF;
	case 0xFF1A: return SP_HF_COLON_FULL;
	case ':': return SP_HF_COLON_HALF;
	case 0x3001: return SP_HF_DUN;
	case 0x662F: return SP_HF_IS;
	}
	return 0;
}

/* Arabic digits, ASCII or full-width, at most 3: value, or -1. */
static long
arabic(const char *s, size_t n, size_t *used, int *full)
{
	return sp_arabic_number(s, n, 3, used, full);
}

static int
is_leader(int32_t cp)
{
	return cp == '.' || cp == 0xFF0E || cp == 0x2026 || cp == 0xB7 ||
	    cp == 0x22EF || cp == 0x30FB;
}

/* Sentence ends and colons that close a run-in head. */
static int
is_head_end(int32_t cp, int32_t prev)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A:
	case '!': case '?': case ';': case ':': case 0xFF61:
		return 1;
	case '.':
		return prev >= 0x2E80;	/* a half-width full stop in Chinese */
	}
	return 0;
}

/* The character at s[i], or 0 at the end. */
static int32_t
peek(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp = 0;

	*len = 0;
	if (i < n)
		*len = sp_cp_at(s, n, i, &cp);
	return cp;
}

/*
 * Words after 第X章/条… that make it a reference to one, not a heading:
 * 第三条规定, 第二章的, 第一条至第五条, 第十条第二款.
 */
static int
is_reference_word(int32_t cp)
{
	switch (cp) {
	case 0x7684: case 0x89C4: case 0x6240: case 0x4E4B: case 0x4E2D:
	case 0x81F3: case 0x548C: case 0x6216: case 0x3001: case 0x7B2C:
	case 0x4EE5: case 0x5230: case 0x53CA: case 0x4E0E: case 0x6B3E:
	case 0x9879: case 0x91CC: case 0x5185: case 0x4E2A: case 0x8DDF:
	case 0x540C: case 0x5DF2: case 0x662F: case 0x4E5F: case 0x90FD:
	case 0x5C31: case 0x5C06: case 0x628A: case 0x88AB: case 0x5BF9:
		/* 的 规 所 之 中 至 和 或 、 第 以 到 及 与 款 项 里 内 个
		 * 跟 同 已 是 也 都 就 将 把 被 对 */
		return 1;
	}
	return 0;
}

/*
 * A table-of-contents line or a placeholder: the title starts with a
 * dotted leader, or the rest ends in a leader and a page number.
 */
static int
is_leader_line(const char *s, size_t n, size_t from)
{
	size_t i = from, l, run = 0, ell = 0;
	int32_t cp;
	int in_run_then_digits = 0;

	/* Leader at the start of the title. */
	while (i < n) {
		l = sp_cp_at(s, n, i, &cp);
		if (!is_leader(cp))
			break;
		run++;
		i += l;
	}
	if (run >= 3 || (run >= 2 && i >= n))
		return 1;
	/*
	 * "总则……………3": a leader run followed only by blanks and digits.
	 * Anchored at the end, so the last 120 bytes are enough.
	 */
	run = 0;
	i = from;
	if (n > 120 && n - 120 > from) {
		i = n - 120;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	for (; i < n; i += l) {
		l = sp_cp_at(s, n, i, &cp);
		if (is_leader(cp)) {
			run++;
			ell += cp == 0x2026;
			in_run_then_digits = 0;
		} else if (is_digit_cp(cp) || sp_is_blank(cp)) {
			if (run >= 4 || ell >= 2)
				in_run_then_digits = 1;
			run = ell = 0;
		} else {
			run = ell = 0;
			in_run_then_digits = 0;
		}
	}
	return in_run_then_digits || run >= 4 || ell >= 3;
}

static int
is_part_kind(enum sp_heading_kind k)
{
	return k >= SP_HK_PIAN && k <= SP_HK_PIAN_TAIL;
}

int
sp_heading_kind_is_item(enum sp_heading_kind k)
{
	return k >= SP_HK_DI && k <= SP_HK_YAO;
}

const char *
sp_heading_kind_name(enum sp_heading_kind k)
{
	static const char *name[SP_HK_NKINDS] = {
		"none", "pian", "bufen", "bian", "fenbian", "zhang", "jie",
		"tiao",
		"pian-tail", "cn-dun", "cn-paren", "num-dot", "num-paren",
		"circled", "num-rparen", "di", "seq", "shi", "yao"
	};

	return (unsigned)k < SP_HK_NKINDS ? name[k] : "none";
}

/*
 * Sets the title of h: s[from..n) is what follows the marker.  Returns 0
 * when there is no title.
 */
static int
find_title(const char *s, size_t n, size_t from, struct sp_heading *h)
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
static int
inline_list(const char *s, size_t n, const struct sp_heading *h)
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
static int
plausible_title(const char *s, const struct sp_heading *h)
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

/* A short line ending in 篇X: "杭州市政协十一届三次会议篇一". */
static int
match_pian_tail(const char *s, size_t n, size_t start, struct sp_heading *h)
{
	size_t end = n, i, used, chars = 0, l;
	long v;
	int32_t cp, prev = 0;

	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' ||
	    s[end - 1] == '\r'))
		end--;
	/* Numeral characters are 3 bytes: step back over them. */
	i = end;
	while (i >= start + 3 && ((unsigned char)s[i - 3] & 0xF0) == 0xE0 &&
	    sp_cn_value((sp_cp_at(s, end, i - 3, &cp), cp)) >= 0 &&
	    sp_cn_value(cp) < 100 && end - i < 12)
		i -= 3;
	if (i == end || i < start + 3 + 6)
		return 0;
	if (memcmp(s + i - 3, "篇", 3) != 0)
		return 0;
	v = sp_cn_number(s + i, end - i, &used);
	if (v <= 0 || v > 99 || used != end - i)
		return 0;
	for (size_t j = start; j < i - 3; j += l) {
		l = sp_cp_at(s, n, j, &cp);
		if (is_head_end(cp, prev) || cp == 0xFF0C || cp == ',')
			return 0;
		if (++chars > SHORT_TITLE)
			return 0;
		prev = cp;
	}
	h->kind = SP_HK_PIAN_TAIL;
	h->number = v;
	h->form = 0;
	h->marker_off = i - 3;
	h->marker_len = end - (i - 3);
	h->title_off = start;
	h->title_len = i - 3 - start;
	return 1;
}

/*
 * Is what follows the marker of number v (s[at..n)) the rest of a list
 * of numbers rather than a title: 1、2月份, 1、3、5号楼, 一、二季度,
 * 一、二、三产业?  It is when it opens with a larger number of the same
 * system (Arabic when arabic), close to v, that a unit, a dun or a range
 * word follows.  A number of the other system is a title's own:
 * 一、2024年工作回顾.
 */
static int
number_list(const char *s, size_t n, size_t at, long v, int arabic_marker)
{
	size_t used, l;
	long m;
	int full;
	int32_t f;

	if (arabic_marker)
		m = sp_arabic_number(s + at, n - at, 4, &used, &full);
	else
		m = sp_cn_number(s + at, n - at, &used);
	if (m <= v || m > v + 10)
		return 0;
	f = peek(s, n, at + used, &l);
	/* 1、3、5号: a longer list goes on with 、 or a comma. */
	if (f == 0x3001 || f == 0xFF0C || f == ',')
		return 1;
	/* A unit or a range word only after the next number: 1、2月, but
	 * 一、三年来的斗争 is a title. */
	if (m != v + 1)
		return 0;
	switch (f) {
	case 0x5B63: case 0x7B49: case 0x7EA7:	/* 季 等 级 */
	case 0x6708: case 0x5E74: case 0x65E5:	/* 月 年 日 */
	case 0x53F7: case 0x7C7B: case 0x4EA7:	/* 号 类 产 */
	case 0x81F3: case 0x5230: case '-':	/* 至 到 - */
	case 0x2014: case 0xFF5E: case '~':	/* — ～ ~ */
		return 1;
	}
	return 0;
}

/* 第X…: parts, chapters, articles, and the 第一，items. */
static int
match_di(const char *s, size_t n, size_t i, unsigned flags,
    struct sp_heading *h, size_t *after)
{
	size_t used, l, l2;
	int full = 0;
	long v;
	int32_t c, c2;

	v = sp_cn_number(s + i, n - i, &used);
	if (v < 0) {
		v = sp_arabic_number(s + i, n - i, 4, &used, &full);
		if (v < 0)
			return 0;
		h->form |= SP_HF_ARABIC | (full ? SP_HF_DIGITS_FULL : 0);
	}
	if (v <= 0 || v > 9999)		/* novels reach 第一千八百章 */
		return 0;
	i += used;
	c = peek(s, n, i, &l);
	switch (c) {
	case 0x7BC7: h->kind = SP_HK_PIAN; break;	/* 篇 */
	case 0x7F16: h->kind = SP_HK_BIAN; break;	/* 编 */
	case 0x5206:					/* 分编 */
		if (peek(s, n, i + l, &l2) != 0x7F16)
			return 0;
		h->kind = SP_HK_FENBIAN;
		l += l2;
		break;
	case 0x7AE0: h->kind = SP_HK_ZHANG; break;	/* 章 */
	case 0x8282: h->kind = SP_HK_JIE; break;	/* 节 */
	case 0x6761: h->kind = SP_HK_TIAO; break;	/* 条 */
	case 0x90E8:					/* 部分 */
		if (peek(s, n, i + l, &l2) != 0x5206)
			return 0;
		h->kind = SP_HK_BUFEN;
		l += l2;
		break;
	case 0xFF0C: case ',': case 0x3001: case 0xFF1A: case ':':
	case 0x662F:	/* ， , 、 ： : 是 */
		if (!(flags & SP_HEADING_ITEMS) || v > 99 ||
		    (h->form & SP_HF_ARABIC))
			return 0;
		h->kind = SP_HK_DI;
		h->form |= item_delim(c);
		h->number = v;
		*after = i + l;
		return 1;
	default:
		return 0;
	}
	i += l;
	c2 = peek(s, n, i, &l2);
	/* 第二十条之一: an article put in later between two others. */
	if (h->kind == SP_HK_TIAO && c2 == 0x4E4B) {
		long sub = sp_cn_number(s + i + l2, n - i - l2, &used);

		if (sub > 0 && sub < 100) {
			h->sub = sub;
			i += l2 + used;
			c2 = peek(s, n, i, &l2);
		}
	}
	if (is_reference_word(c2))
		return 0;
	h->number = v;
	*after = i;
	return 1;
}

int
sp_heading_match(const char *s, size_t n, unsigned flags,
    struct sp_heading *h)
{
	size_t i, l, l2, used, after = 0, t;
	int32_t c, d, e;
	long v;
	int full;
	unsigned char b;

	memset(h, 0, sizeof *h);
	i = sp_skip_blank(s, n, 0);
	if (i >= n)
		return 0;
	b = (unsigned char)s[i];
	/* Most lines start with a character no marker starts with. */
	if (b < 0x80 && b != '(' && !(b >= '0' && b <= '9'))
		return 0;
	h->marker_off = i;
	c = peek(s, n, i, &l);
	d = peek(s, n, i + l, &l2);
	if (c == 0x7B2C) {					/* 第 */
		if (!match_di(s, n, i + l, flags, h, &after))
			goto tail;
	} else if ((c == 0x9996 && d == 0x5148) || (c == 0x5176 &&
	    d == 0x6B21) || (c == 0x518D && d == 0x6B21) || (c == 0x6700 &&
	    d == 0x540E)) {				/* 首先 其次 再次 最后 */
		if (!(flags & SP_HEADING_ITEMS))
			return 0;
		e = peek(s, n, i + l + l2, &t);
		if (e != 0xFF0C && e != ',' && e != 0x3001 && e != 0xFF1A &&
		    e != ':' && e != 0x662F)
			return 0;
		h->kind = SP_HK_SEQ;
		h->form = item_delim(e);
		h->number = c == 0x9996 ? 1 : c == 0x5176 ? 2 :
		    c == 0x518D ? 3 : 0;
		after = i + l + l2 + t;
	} else if (sp_cn_value(c) >= 1 && sp_cn_value(c) <= 10 && c != 0x4E24) {
		v = sp_cn_number(s + i, n - i, &used);
		if (v <= 0)
			goto tail;
		t = i + used;
		d = peek(s, n, t, &l2);
		/* "一 、" as some pages space it. */
		if (d == ' ' && peek(s, n, t + 1, &l) == 0x3001) {
			t++;
			d = peek(s, n, t, &l2);
		}
		if (d == 0x3001 || d == 0xFF0E || d == '.') {	/* 、 ． . */
			size_t l3;

			if (v > 199)
				return 0;
			h->kind = SP_HK_CN_DUN;
			h->form = d == 0x3001 ? SP_HF_DUN : d == '.' ?
			    SP_HF_DOT_HALF : SP_HF_DOT_FULL;
			after = t + l2;
			e = peek(s, n, after, &l3);
			if (is_digit_cp(e) && d != 0x3001)
				return 0;		/* 一.5 */
			/* 一、二季度, 一、二、三产业: a range, not a heading. */
			if (number_list(s, n, after, v, 0))
				return 0;
		} else if ((d == 0x662F || d == 0x8981) && v <= 30) {
			if (!(flags & SP_HEADING_ITEMS))
				return 0;
			h->kind = d == 0x662F ? SP_HK_SHI : SP_HK_YAO;
			after = t + l2;
			/* 一是一，二是二 is an idiom, not a list. */
			e = peek(s, n, after, &l2);
			if (sp_cn_value(e) >= 0)
				return 0;
			/* 一是，杨鼎新…: the comma belongs to the marker. */
			if (e == 0xFF0C || e == ',' || e == 0xFF1A || e == ':') {
				h->form = item_delim(e);
				after += l2;
			}
		} else
			goto tail;
		h->number = v;
	} else if (c == 0xFF08 || c == '(') {			/* （ ( */
		h->form = c == '(' ? SP_HF_OPEN_HALF : SP_HF_OPEN_FULL;
		t = i + l;
		v = sp_cn_number(s + t, n - t, &used);
		if (v >= 0) {
			h->kind = SP_HK_CN_PAREN;
		} else if ((v = arabic(s + t, n - t, &used, &full)) >= 0) {
			h->kind = SP_HK_NUM_PAREN;
			if (full)
				h->form |= SP_HF_DIGITS_FULL;
		} else
			return 0;
		if (v <= 0 || v > 99)
			return 0;
		t += used;
		d = peek(s, n, t, &l2);
		if (d != 0xFF09 && d != ')')
			return 0;
		h->form |= d == ')' ? SP_HF_CLOSE_HALF : SP_HF_CLOSE_FULL;
		h->number = v;
		after = t + l2;
	} else if (is_digit_cp(c)) {
		v = arabic(s + i, n - i, &used, &full);
		if (v <= 0)
			return 0;
		if (full)
			h->form |= SP_HF_DIGITS_FULL;
		t = i + used;
		d = peek(s, n, t, &l2);
		/* "1 、" as some pages space it. */
		if (d == ' ' && peek(s, n, t + 1, &l) == 0x3001) {
			t++;
			d = peek(s, n, t, &l2);
		}
		after = t + l2;
		e = peek(s, n, after, &l);
		if (d == '.' || d == 0xFF0E || d == 0x3001) {
			if (is_digit_cp(e) && d != 0x3001)
				return 0;		/* 3.28亿, 11.5.2 */
			if (number_list(s, n, after, v, 1))
				return 0;		/* 1、2月份, 1、3、5号 */
			h->kind = SP_HK_NUM_DOT;
			h->form |= d == '.' ? SP_HF_DOT_HALF : d == 0x3001 ?
			    SP_HF_DUN : SP_HF_DOT_FULL;
			/* "2..请": one stray dot is a typo, more a leader. */
			if (d != 0x3001 && is_leader(e)) {
				size_t l3;

				if (is_leader(peek(s, n, after + l, &l3)))
					return 0;
				after += l;
			}
		} else if (d == ')' || d == 0xFF09) {
			h->kind = SP_HK_NUM_RPAREN;
			h->form |= d == ')' ? SP_HF_CLOSE_HALF :
			    SP_HF_CLOSE_FULL;
		} else
			return 0;
		h->number = v;
	} else if (c >= 0x3220 && c <= 0x3229) {		/* ㈠ */
		h->kind = SP_HK_CN_PAREN;
		h->form = SP_HF_ENCLOSED;
		h->number = c - 0x321F;
		after = i + l;
	} else if (c >= 0x2474 && c <= 0x2487) {		/* ⑴ */
		h->kind = SP_HK_NUM_PAREN;
		h->form = SP_HF_ENCLOSED;
		h->number = c - 0x2473;
		after = i + l;
	} else if (c >= 0x2488 && c <= 0x249B) {		/* ⒈ */
		h->kind = SP_HK_NUM_DOT;
		h->form = SP_HF_ENCLOSED;
		h->number = c - 0x2487;
		after = i + l;
	} else if ((c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 &&
	    c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) || (c >= 0x3280 &&
	    c <= 0x3289)) {					/* ① ㉑ ㊱ ㊀ */
		h->kind = SP_HK_CIRCLED;
		h->form = SP_HF_ENCLOSED;
		h->number = c <= 0x2473 ? c - 0x245F : c <= 0x325F ?
		    c - 0x3251 + 21 : c >= 0x32B1 ? c - 0x32B1 + 36 :
		    c - 0x327F;
		if (c >= 0x3280 && c <= 0x3289)
			h->form |= SP_HF_IDEOGRAPH;
		after = i + l;
	} else
		goto tail;

	h->marker_len = after - i;
	/* A part's title may follow a colon or a dot: 第一篇：讲话. */
	if (is_part_kind(h->kind)) {
		t = sp_skip_blank(s, n, after);
		d = peek(s, n, t, &l2);
		if (d == 0xFF1A || d == ':' || d == 0x3001 || d == '.' ||
		    d == 0xFF0E)
			after = t + l2;
	} else if (h->form & SP_HF_ENCLOSED) {
		/* ①、 ⑴. : a stray delimiter after an enclosed number. */
		d = peek(s, n, after, &l2);
		if (d == 0x3001 || d == '.' || d == 0xFF0E) {
			after += l2;
			h->marker_len = after - i;
		}
	}
	if (is_leader_line(s, n, sp_skip_blank(s, n, after)))
		return 0;
	/* A part names a speech on a line of its own: "第一篇文章写得很好，
	 * 我们要认真学习。" is a sentence (sp-split -d reads it so too). */
	if ((h->kind == SP_HK_PIAN || h->kind == SP_HK_BUFEN) &&
	    memmem(s + after, n - after, "。", 3) != NULL)
		return 0;
	if (!find_title(s, n, after, h) && !is_part_kind(h->kind))
		return 0;
	if (!is_part_kind(h->kind) && (inline_list(s, n, h) ||
	    !plausible_title(s, h)))
		return 0;
	return 1;
tail:
	memset(h, 0, sizeof *h);
	return match_pian_tail(s, n, i, h);
}

int
sp_heading_format_marker(struct sp_buf *out, enum sp_heading_kind kind,
    unsigned form, long n)
{
	char num[32];
	int r = 0;
	int ascii = !(form & SP_HF_DIGITS_FULL);

	/* An Arabic number in the marker's digits. */
#define ARABIC() do { \
	if (ascii) { \
		snprintf(num, sizeof num, "%ld", n); \
		r |= sp_buf_puts(out, num); \
	} else { \
		snprintf(num, sizeof num, "%ld", n); \
		for (char *p = num; *p; p++) \
			r |= sp_buf_put_cp(out, 0xFF10 + (*p - '0')); \
	} \
} while (0)

	if (form & SP_HF_ENCLOSED) {
		long cp = 0;

		switch (kind) {
		case SP_HK_CN_PAREN:
			if (n >= 1 && n <= 10)
				cp = 0x321F + n;
			break;
		case SP_HK_NUM_PAREN:
			if (n >= 1 && n <= 20)
				cp = 0x2473 + n;
			break;
		case SP_HK_NUM_DOT:
			if (n >= 1 && n <= 20)
				cp = 0x2487 + n;
			break;
		case SP_HK_CIRCLED:
			if (form & SP_HF_IDEOGRAPH)
				cp = n >= 1 && n <= 10 ? 0x327F + n : 0;
			else
				cp = n >= 1 && n <= 20 ? 0x245F + n :
				    n <= 35 ? 0x3251 + n - 21 :
				    n <= 50 ? 0x32B1 + n - 36 : 0;
			break;
		default:
			break;
		}
		if (cp)
			return sp_buf_put_cp(out, cp);
		/* Beyond the enclosed characters: say it in parentheses. */
		r |= sp_buf_puts(out, "（");
		ARABIC();
		r |= sp_buf_puts(out, "）");
		return r ? -1 : 0;
	}
	if (form & SP_HF_OPEN_FULL)
		r |= sp_buf_puts(out, "（");
	if (form & SP_HF_OPEN_HALF)
		r |= sp_buf_putc(out, '(');
	switch (kind) {
	case SP_HK_PIAN: case SP_HK_BUFEN: case SP_HK_BIAN: case SP_HK_FENBIAN:
	case SP_HK_ZHANG: case SP_HK_JIE: case SP_HK_TIAO: case SP_HK_DI:
		r |= sp_buf_puts(out, "第");
		if (form & SP_HF_ARABIC)
			ARABIC();
		else
			r |= sp_cn_format(out, n);
		r |= sp_buf_puts(out, kind == SP_HK_PIAN ? "篇" :
		    kind == SP_HK_BUFEN ? "部分" : kind == SP_HK_BIAN ? "编" :
		    kind == SP_HK_FENBIAN ? "分编" :
		    kind == SP_HK_ZHANG ? "章" : kind == SP_HK_JIE ? "节" :
		    kind == SP_HK_TIAO ? "条" : "");
		break;
	case SP_HK_PIAN_TAIL:
		r |= sp_buf_puts(out, "篇");
		r |= sp_cn_format(out, n);
		break;
	case SP_HK_CN_DUN: case SP_HK_CN_PAREN: case SP_HK_SHI:
	case SP_HK_YAO:
		r |= sp_cn_format(out, n);
		if (kind == SP_HK_SHI)
			r |= sp_buf_puts(out, "是");
		if (kind == SP_HK_YAO)
			r |= sp_buf_puts(out, "要");
		break;
	case SP_HK_SEQ:
		r |= sp_buf_puts(out, n == 1 ? "首先" : n == 2 ? "其次" :
		    n == 3 ? "再次" : "最后");
		break;
	default:
		ARABIC();
		break;
	}
#undef ARABIC
	if (form & SP_HF_IS)
		r |= sp_buf_puts(out, "是");
	if (form & SP_HF_COMMA_FULL)
		r |= sp_buf_puts(out, "，");
	if (form & SP_HF_COMMA_HALF)
		r |= sp_buf_putc(out, ',');
	if (form & SP_HF_COLON_FULL)
		r |= sp_buf_puts(out, "：");
	if (form & SP_HF_COLON_HALF)
		r |= sp_buf_putc(out, ':');
	if (form & SP_HF_DUN)
		r |= sp_buf_puts(out, "、");
	if (form & SP_HF_DOT_FULL)
		r |= sp_buf_puts(out, "．");
	if (form & SP_HF_DOT_HALF)
		r |= sp_buf_putc(out, '.');
	if (form & SP_HF_CLOSE_FULL)
		r |= sp_buf_puts(out, "）");
	if (form & SP_HF_CLOSE_HALF)
		r |= sp_buf_putc(out, ')');
	return r ? -1 : 0;
}

/* The tracker. */

struct style {
	int rank;		/* 0: not seen in this document */
	unsigned first_form;
	/* The last heading of the style, and the serial of its parent. */
	uint64_t last_parent;
	long last_number;
	enum sp_heading_kind last_kind;
	unsigned last_form;
	uint64_t last_line;
	long last_sub;
	char last_marker[SP_HEADING_MARKER_MAX];
};

struct sp_heading_tracker {
	unsigned flags;
	struct style style[2 * SP_HK_NKINDS];
	struct sp_heading_entry path[MAX_DEPTH];
	int key[MAX_DEPTH];	/* the style of each path entry */
	int leaf[MAX_DEPTH];	/* an item that is a whole paragraph */
	uint64_t serial[MAX_DEPTH];	/* tells headings apart */
	uint64_t next_serial;
	int depth;
	struct sp_heading_entry *found;
	int nfound, cap;
	/*
	 * The last part (第X篇, …篇X, 第X部分) of the previous document: a
	 * page split into one document a part (sp-split -d) numbers its parts
	 * across the documents, so 第二篇 opening a document follows it.
	 */
	struct style carry_part;
	/* The last item left out (not reported), to continue its list. */
	int left_family, left_depth;
	long left_number;
	/* A 一、 section has stood above an article: it ranks above 条. */
	int dun_over_article;
	/* ①…⑳ seen inside a line: note references, so ① lines are notes. */
	uint32_t note_refs;
};

struct sp_heading_tracker *
sp_heading_tracker_new(unsigned flags)
{
	struct sp_heading_tracker *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->flags = flags;
	sp_heading_tracker_reset(t);
	return t;
}

static int is_part_family(int k);

void
sp_heading_tracker_reset(struct sp_heading_tracker *t)
{
	size_t i;
	const struct style *last = NULL;

	for (i = 0; i < sizeof t->style / sizeof t->style[0]; i++)
		if (t->style[i].rank && is_part_family(t->style[i].last_kind) &&
		    (last == NULL || t->style[i].last_line >= last->last_line))
			last = &t->style[i];
	if (last)
		t->carry_part = *last;
	memset(t->style, 0, sizeof t->style);
	t->depth = 0;
	t->nfound = 0;
	t->dun_over_article = 0;
	t->note_refs = 0;
	t->left_depth = -1;
}

void
sp_heading_tracker_free(struct sp_heading_tracker *t)
{
	if (t == NULL)
		return;
	free(t->found);
	free(t);
}

static int
is_part_family(int k)
{
	return k == SP_HK_PIAN || k == SP_HK_BUFEN || k == SP_HK_PIAN_TAIL;
}

/*
 * The order GB/T 9704, legislative drafting and common use give the
 * styles, used to place a style the first time it appears: parts; the
 * law's 编 分编 章 节 条; 一、（一）1.（1）①1); then items (law items,
 * 第一/首先, 一是, 一要).  A law's own levels (编 > 分编 > 章 > 节 > 条,
 * and under an article its items （一） > 1.) are fixed by drafting
 * practice; a 一、 section that stands above articles (a judicial
 * interpretation's 一、受案范围 over its 第X条) ranks between 节 and 条
 * once seen.
 */
static int
natural(const struct sp_heading_tracker *t, int key)
{
	static const signed char order[SP_HK_NKINDS] = {
		[SP_HK_PIAN] = 0, [SP_HK_BUFEN] = 0, [SP_HK_PIAN_TAIL] = 0,
		[SP_HK_BIAN] = 2, [SP_HK_FENBIAN] = 3, [SP_HK_ZHANG] = 4,
		[SP_HK_JIE] = 6, [SP_HK_TIAO] = 8, [SP_HK_CN_DUN] = 10,
		[SP_HK_CN_PAREN] = 12, [SP_HK_NUM_DOT] = 14,
		[SP_HK_NUM_PAREN] = 16, [SP_HK_CIRCLED] = 18,
		[SP_HK_NUM_RPAREN] = 20,
		[SP_HK_DI] = 60, [SP_HK_SEQ] = 60, [SP_HK_SHI] = 62,
		[SP_HK_YAO] = 64
	};

	if (key >= SP_HK_NKINDS)	/* a numbered marker as a law item */
		return 40 + order[key - SP_HK_NKINDS];
	if (key == SP_HK_CN_DUN && t->dun_over_article)
		return 7;
	return order[key];
}

/* Styles that continue one another share a rank: 第一篇 and …篇二. */
static int
family(enum sp_heading_kind k)
{
	switch (k) {
	case SP_HK_PIAN_TAIL: return SP_HK_PIAN;
	case SP_HK_SEQ: return SP_HK_DI;
	default: return k;
	}
}

static void
copy_text(char *dst, size_t cap, size_t *len, const char *s, size_t n)
{
	if (n >= cap)
		n = sp_utf8_boundary(s, cap - 1);
	memcpy(dst, s, n);
	dst[n] = '\0';
	*len = n;
}

/* Is the deepest open heading that is not an item a 一、 section? */
static int
dun_open(const struct sp_heading_tracker *t)
{
	int i;

	for (i = t->depth - 1; i >= 0; i--)
		if (!t->path[i].item)
			return t->path[i].h.kind == SP_HK_CN_DUN;
	return 0;
}

/*
 * Is h, not a line of its own, the start or the next entry of a list
 * numbered afresh inside a section of its own style: 一、…二、… rules
 * written as paragraphs under a report's 三、 section?
 */
static int
restarted_list(const struct sp_heading_tracker *t, const struct sp_heading *h,
    int key)
{
	int i;

	/* Items are not kept when not reported: the last one left out. */
	if (t->left_depth == t->depth && t->left_family == key &&
	    t->left_number == h->number - 1)
		return 1;
	for (i = t->depth - 1; i >= 0; i--) {
		const struct sp_heading_entry *p = &t->path[i];

		if (family(p->h.kind) != key)
			continue;
		if (p->item)	/* the list goes on: 二、 after its 一、 */
			return p->h.number == h->number - 1;
		/* 一、 under a titled 三、: a list begins. */
		return h->number == 1 && p->h.number >= 2 && p->whole;
	}
	return 0;
}

static int
add(struct sp_heading_tracker *t, const char *s, const struct sp_heading *h,
    uint64_t line, uint64_t offset, int runin, int whole, int listed)
{
	struct sp_heading_entry *e;
	int item, key, rank, under_article = 0, i;
	uint64_t parent;
	struct style *st;

	for (i = 0; i < t->depth; i++)
		if (t->path[i].h.kind == SP_HK_TIAO)
			under_article = 1;
	/*
	 * The law's sections: the first article under an open 一、 puts 一、
	 * above 条 (司法解释), and so does a 一、 that is a title line of its
	 * own after articles (an appendix's 一、基础电信业务); from then on
	 * 一、 is a section, never an article's item.
	 */
	if (h->kind == SP_HK_TIAO && !under_article && dun_open(t))
		t->dun_over_article = 1;
	if (h->kind == SP_HK_CN_DUN && under_article && whole && !runin)
		t->dun_over_article = 1;
	item = sp_heading_kind_is_item(h->kind) ||
	    (under_article && !is_part_kind(h->kind) &&
	    !(h->kind == SP_HK_CN_DUN && t->dun_over_article)) ||
	    (!is_part_kind(h->kind) && (listed || (!whole &&
	    restarted_list(t, h, family(h->kind)))));
	if (item && !(t->flags & SP_HEADING_ITEMS)) {
		t->left_family = family(h->kind);
		t->left_number = h->number;
		t->left_depth = t->depth;
		return 0;
	}
	t->left_depth = -1;
	key = family(h->kind) + (item && !sp_heading_kind_is_item(h->kind) ?
	    SP_HK_NKINDS : 0);
	/* A part starts afresh: the styles below it are learnt again. */
	if (is_part_family(h->kind)) {
		for (i = 0; i < 2 * SP_HK_NKINDS; i++)
			if (!is_part_family(i % SP_HK_NKINDS))
				t->style[i].rank = 0;
		while (t->depth > 0 && !is_part_family(t->key[t->depth - 1]))
			t->depth--;
	}
	if (t->style[key].rank == 0) {
		/*
		 * A new style: below the deepest open heading whose style
		 * comes before it in the natural order, above the rest.
		 */
		int above = -1;

		for (i = t->depth - 1; i >= 0 && above < 0; i--)
			if (natural(t, t->key[i]) < natural(t, key))
				above = i;
		rank = above < 0 ? 1 : t->style[t->key[above]].rank + 1;
		for (i = 0; i < 2 * SP_HK_NKINDS; i++)
			if (t->style[i].rank >= rank)
				t->style[i].rank++;
		t->style[key].rank = rank;
		t->style[key].first_form = h->form;
	}
	rank = t->style[key].rank;
	/*
	 * An item that is a whole paragraph ("第四是生活纪律。一些干部…")
	 * holds no list of its own: the next item closes it.
	 */
	if (item)
		while (t->depth > 0 && t->leaf[t->depth - 1] &&
		    t->key[t->depth - 1] != key)
			t->depth--;
	if (t->nfound == t->cap) {
		int ncap = t->cap ? t->cap * 2 : 4;
		void *p = realloc(t->found, ncap * sizeof *t->found);

		if (p == NULL) {
			errno = ENOMEM;
			return -1;
		}
		t->found = p;
		t->cap = ncap;
	}
	e = &t->found[t->nfound];
	memset(e, 0, sizeof *e);
	e->prev_number = -1;
	while (t->depth > 0 && t->style[t->key[t->depth - 1]].rank >= rank) {
		struct sp_heading_entry *p = &t->path[t->depth - 1];

		if (t->key[t->depth - 1] == key) {
			e->prev_number = p->h.number;
			e->prev_sub = p->h.sub;
			e->prev_kind = p->h.kind;
			e->prev_form = p->h.form;
			e->prev_line = p->line;
			memcpy(e->prev_marker, p->marker, p->marker_len + 1);
		}
		t->depth--;
	}
	if (t->depth == MAX_DEPTH)	/* cannot happen: ranks are distinct */
		t->depth--;
	/* A sibling closed early (a run-in item) is still the previous one. */
	parent = t->depth > 0 ? t->serial[t->depth - 1] : 0;
	st = &t->style[key];
	if (e->prev_number == -1 && st->last_parent == parent &&
	    st->last_line > 0) {
		e->prev_number = st->last_number;
		e->prev_sub = st->last_sub;
		e->prev_kind = st->last_kind;
		e->prev_form = st->last_form;
		e->prev_line = st->last_line;
		memcpy(e->prev_marker, st->last_marker, sizeof e->prev_marker);
	}
	/* A document opening at part two or later continues the last one. */
	if (e->prev_number == -1 && is_part_family(h->kind) &&
	    h->number != 1 && t->carry_part.rank) {
		e->prev_number = t->carry_part.last_number;
		e->prev_kind = t->carry_part.last_kind;
		e->prev_form = t->carry_part.last_form;
		e->prev_line = t->carry_part.last_line;
		memcpy(e->prev_marker, t->carry_part.last_marker,
		    sizeof e->prev_marker);
	}
	e->h = *h;
	e->level = t->depth + 1;
	e->item = item;
	e->whole = whole;
	e->line = line;
	e->offset = offset + h->marker_off;
	e->first_form = t->style[key].first_form;
	copy_text(e->marker, sizeof e->marker, &e->marker_len,
	    s + h->marker_off, h->marker_len);
	copy_text(e->title, sizeof e->title, &e->title_len,
	    s + h->title_off, h->title_len);
	t->path[t->depth] = *e;
	st->last_parent = parent;
	st->last_number = h->number;
	st->last_sub = h->sub;
	st->last_kind = h->kind;
	st->last_form = h->form;
	st->last_line = line ? line : 1;
	memcpy(st->last_marker, e->marker, sizeof st->last_marker);
	t->serial[t->depth] = ++t->next_serial;
	t->key[t->depth] = key;
	t->leaf[t->depth] = item && runin;
	t->depth++;
	t->nfound++;
	return 0;
}

static int
try_segment(struct sp_heading_tracker *t, const char *s, size_t start,
    size_t end, uint64_t line, uint64_t offset)
{
	struct sp_heading h;

	size_t i, l;
	int32_t cp;
	int runin = 0, whole, listed = 0;

	if (!sp_heading_match(s + start, end - start, t->flags, &h))
		return 0;
	/*
	 * ① where the text has referred to ① inside a line before opens
	 * the note, not a heading: the notes at the end of a report.
	 */
	if (h.kind == SP_HK_CIRCLED && !(h.form & SP_HF_IDEOGRAPH) &&
	    h.number <= 20 && (t->note_refs >> (h.number - 1) & 1))
		return 0;
	h.marker_off += start;
	h.title_off += start;
	/* Does the paragraph go on after the head (and its 。)? */
	whole = sp_skip_blank(s, end, h.title_off + h.title_len) == end;
	/* "（一）固定网络国内长途及本地电话业务；": one clause closed by a
	 * semicolon is an entry of a list, never a heading. */
	i = h.title_off + h.title_len;
	if (i < end && (s[i] == ';' || (end - i >= 3 &&
	    memcmp(s + i, "；", 3) == 0)) &&
	    sp_skip_blank(s, end, i + (s[i] == ';' ? 1 : 3)) == end &&
	    !sp_heading_kind_is_item(h.kind))
		listed = 1;
	for (i = h.title_off + h.title_len; i < end && !runin; i += l) {
		l = sp_cp_at(s, end, i, &cp);
		runin = !sp_is_blank(cp) && !(i == h.title_off + h.title_len &&
		    is_head_end(cp, 0x4E00));
	}
	return add(t, s, &h, line, offset, runin, whole, listed);
}

/*
 * The next blank that can end a segment: space, tab, U+3000 (E3 80 80) or
 * NBSP (C2 A0).  Most lines hold none, so this is the tracker's inner
 * loop: sixteen bytes at a time where SSE2 is there (every x86-64), a
 * byte at a time elsewhere.
 */
static size_t
next_blank(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t'),
	    e3 = _mm_set1_epi8((char)0xE3), c2 = _mm_set1_epi8((char)0xC2);
	__m128i v;
	unsigned mask;

	while (i + 16 <= n) {
		v = _mm_loadu_si128((const __m128i *)(s + i));
		mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, tab)),
		    _mm_or_si128(_mm_cmpeq_epi8(v, e3), _mm_cmpeq_epi8(v, c2))));
		while (mask) {
			size_t j = i + (size_t)__builtin_ctz(mask);
			unsigned char b = (unsigned char)s[j];

			if (b == ' ' || b == '\t' || (b == 0xC2 && j + 1 < n &&
			    (unsigned char)s[j + 1] == 0xA0) || (b == 0xE3 &&
			    j + 2 < n && (unsigned char)s[j + 1] == 0x80 &&
			    (unsigned char)s[j + 2] == 0x80))
				return j;
			mask &= mask - 1;
		}
		i += 16;
	}
#endif
	for (; i < n; i++) {
		unsigned char b = (unsigned char)s[i];

		if (b == ' ' || b == '\t' || (b == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) || (b == 0xE3 &&
		    i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80))
			return i;
	}
	return n;
}

/* Is there a sentence end just before s[i]? */
static int
after_sentence_end(const char *s, size_t i)
{
	return i >= 3 && ((unsigned char)s[i - 3] == 0xE3 &&
	    (unsigned char)s[i - 2] == 0x80 && (unsigned char)s[i - 1] == 0x82);
}

size_t
sp_heading_segment(const char *s, size_t n, size_t *next)
{
	size_t i = 0, run_start, l;
	int runs;
	int32_t cp;

	while ((i = next_blank(s, n, i)) < n) {
		run_start = i;
		runs = 0;
		while (i < n) {
			if (s[i] == ' ') {
				runs++;
				i++;
				continue;
			}
			l = sp_cp_at(s, n, i, &cp);
			if (!sp_is_blank(cp))
				break;
			runs++;
			i += l;
		}
		if (i >= n)
			break;
		if (run_start > 0 && (runs >= 2 ||
		    after_sentence_end(s, run_start))) {
			*next = i;
			return run_start;
		}
	}
	*next = n;
	return n;
}

/*
 * Records the circled numbers ①…⑳ (E2 91 A0…B3) that stand inside the
 * line, after its first character: note references, as in "…的理论。①".
 */
static void
note_refs(struct sp_heading_tracker *t, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t lead;

	if (n < 4)
		return;
	lead = sp_skip_blank(s, n, 0);
	while ((p = memchr(p, 0xE2, (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && (unsigned char)p[1] == 0x91 &&
		    (unsigned char)p[2] >= 0xA0 &&
		    (unsigned char)p[2] <= 0xB3 && (size_t)(p - s) > lead)
			t->note_refs |= 1u << ((unsigned char)p[2] - 0xA0);
		if (++p >= end)
			break;
	}
}

int
sp_heading_tracker_feed(struct sp_heading_tracker *t, const char *s,
    size_t n, uint64_t line, uint64_t offset)
{
	size_t start = 0, end, next;

	t->nfound = 0;
	note_refs(t, s, n);
	if (t->flags & SP_HEADING_NO_SEGMENTS) {
		if (try_segment(t, s, 0, n, line, offset) < 0)
			return -1;
		return t->nfound;
	}
	while (start < n) {
		end = sp_heading_segment(s + start, n - start, &next);
		if (try_segment(t, s, start, start + end, line, offset) < 0)
			return -1;
		start += next;
	}
	return t->nfound;
}

const struct sp_heading_entry *
sp_heading_tracker_found(const struct sp_heading_tracker *t, int i)
{
	return i >= 0 && i < t->nfound ? &t->found[i] : NULL;
}

int
sp_heading_tracker_depth(const struct sp_heading_tracker *t)
{
	return t->depth;
}

const struct sp_heading_entry *
sp_heading_tracker_at(const struct sp_heading_tracker *t, int i)
{
	return i >= 0 && i < t->depth ? &t->path[i] : NULL;
}

int
sp_heading_entry_text(const struct sp_heading_entry *e, struct sp_buf *out)
{
	/* …篇一 comes after its title, as written. */
	if (e->h.kind == SP_HK_PIAN_TAIL)
		return sp_buf_append(out, e->title, e->title_len) < 0 ||
		    sp_buf_append(out, e->marker, e->marker_len) < 0 ? -1 : 0;
	if (sp_buf_append(out, e->marker, e->marker_len) < 0)
		return -1;
	if (e->title_len == 0)
		return 0;
	if (is_part_kind(e->h.kind) && sp_buf_putc(out, ' ') < 0)
		return -1;
	return sp_buf_append(out, e->title, e->title_len);
}

int
sp_heading_tracker_path(const struct sp_heading_tracker *t, const char *sep,
    struct sp_buf *out)
{
	int i;

	if (sep == NULL)
		sep = " > ";
	for (i = 0; i < t->depth; i++) {
		if (i > 0 && sp_buf_puts(out, sep) < 0)
			return -1;
		if (sp_heading_entry_text(&t->path[i], out) < 0)
			return -1;
	}
	return 0;
}
