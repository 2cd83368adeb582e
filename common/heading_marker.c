/*
 * heading_marker.c: the marker that opens a heading line (一、 （一） 1.
 * 第X章 ① 一是 …), its kind, form and number, and the checks that tell a
 * heading from a sentence that starts like one.
 */
#include <string.h>

#include "heading_int.h"

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
	case 0x898F: case 0x8207: case 0x9805: case 0x88E1: case 0x5167:
	case 0x500B: case 0x5C07: case 0x5C0D:
		/* 規 與 項 裡 內 個 將 對: the same in traditional script */
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
	    small_cn_value((sp_cp_at(s, end, i - 3, &cp), cp)) >= 0 &&
	    small_cn_value(cp) < 100 && end - i < 12)
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
	case 0x7F16: case 0x7DE8:			/* 编 編 */
		h->kind = SP_HK_BIAN;
		break;
	case 0x5206:					/* 分编 分編 */
		c2 = peek(s, n, i + l, &l2);
		if (c2 != 0x7F16 && c2 != 0x7DE8)
			return 0;
		h->kind = SP_HK_FENBIAN;
		l += l2;
		break;
	case 0x7AE0: h->kind = SP_HK_ZHANG; break;	/* 章 */
	case 0x8282: case 0x7BC0:			/* 节 節 */
		h->kind = SP_HK_JIE;
		break;
	case 0x6761: case 0x689D:			/* 条 條 */
		h->kind = SP_HK_TIAO;
		break;
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

/* What a family's matcher makes of the line's start. */
enum { NOT_HEADING = 0, MARKER = 1, TRY_TAIL = -1 };

/* 首先，其次，再次，最后：items of a sequence (with SP_HEADING_ITEMS). */
static int
match_seq(const char *s, size_t n, size_t i, unsigned flags,
    struct sp_heading *h, size_t *after)
{
	size_t l, l2, t;
	int32_t c = peek(s, n, i, &l), e;

	if (!(flags & SP_HEADING_ITEMS))
		return NOT_HEADING;
	peek(s, n, i + l, &l2);
	e = peek(s, n, i + l + l2, &t);
	if (e != 0xFF0C && e != ',' && e != 0x3001 && e != 0xFF1A &&
	    e != ':' && e != 0x662F)
		return NOT_HEADING;
	h->kind = SP_HK_SEQ;
	h->form = item_delim(e);
	h->number = c == 0x9996 ? 1 : c == 0x5176 ? 2 : c == 0x518D ? 3 : 0;
	*after = i + l + l2 + t;
	return MARKER;
}

/* A Chinese numeral: 一、 一. 一是 一要. */
static int
match_cn(const char *s, size_t n, size_t i, unsigned flags,
    struct sp_heading *h, size_t *after)
{
	size_t l, l2, l3, used, t;
	int32_t d, e;
	long v = sp_cn_number(s + i, n - i, &used);

	if (v <= 0)
		return TRY_TAIL;
	t = i + used;
	d = peek(s, n, t, &l2);
	/* "一 、" as some pages space it. */
	if (d == ' ' && peek(s, n, t + 1, &l) == 0x3001) {
		t++;
		d = peek(s, n, t, &l2);
	}
	if (d == 0x3001 || d == 0xFF0E || d == '.') {	/* 、 ． . */
		if (v > 199)
			return NOT_HEADING;
		h->kind = SP_HK_CN_DUN;
		h->form = d == 0x3001 ? SP_HF_DUN : d == '.' ?
		    SP_HF_DOT_HALF : SP_HF_DOT_FULL;
		*after = t + l2;
		e = peek(s, n, *after, &l3);
		if (is_digit_cp(e) && d != 0x3001)
			return NOT_HEADING;		/* 一.5 */
		/* 一、二季度, 一、二、三产业: a range, not a heading. */
		if (number_list(s, n, *after, v, 0))
			return NOT_HEADING;
	} else if ((d == 0x662F || d == 0x8981) && v <= 30) {
		if (!(flags & SP_HEADING_ITEMS))
			return NOT_HEADING;
		h->kind = d == 0x662F ? SP_HK_SHI : SP_HK_YAO;
		*after = t + l2;
		/* 一是一，二是二 is an idiom, not a list. */
		e = peek(s, n, *after, &l2);
		if (sp_cn_value(e) >= 0)
			return NOT_HEADING;
		/* 一是，杨鼎新…: the comma belongs to the marker. */
		if (e == 0xFF0C || e == ',' || e == 0xFF1A || e == ':') {
			h->form = item_delim(e);
			*after += l2;
		}
	} else
		return TRY_TAIL;
	h->number = v;
	return MARKER;
}

/* Does a number in parentheses open at s[i]: （二） (3)? */
static int
paren_number_at(const char *s, size_t n, size_t i)
{
	size_t l, used, full_used;
	int32_t c = peek(s, n, i, &l);
	int full;

	if (c != 0xFF08 && c != '(')
		return 0;
	i += l;
	if (sp_cn_number(s + i, n - i, &used) < 0 &&
	    arabic(s + i, n - i, &full_used, &full) < 0)
		return 0;
	if (sp_cn_number(s + i, n - i, &used) < 0)
		used = full_used;
	c = peek(s, n, i + used, &l);
	return c == 0xFF09 || c == ')';
}

/*
 * Is the number in parentheses ending at s[after] a reference to an item,
 * not a heading: （一）至（三）项, （一）、（二）项所列, （一）（二）两项,
 * （一）项规定?  Another such number after it (alone, or after a range
 * or list word), or 项 款 条 and a word that refers (是 the title 项目
 *建设 is not).
 */
static int
paren_reference(const char *s, size_t n, size_t after)
{
	size_t l, l2;
	int32_t c = peek(s, n, after, &l);

	switch (c) {
	case 0x81F3: case 0x5230: case 0x3001: case 0x548C:	/* 至 到 、 和 */
	case 0x6216: case 0x53CA: case 0x4E0E: case 0xFF0C:	/* 或 及 与 ， */
	case 0x8207: case ',': case '-': case 0xFF5E: case '~':	/* 與 */
		return paren_number_at(s, n, after + l);
	case 0x9879: case 0x6B3E: case 0x6761:			/* 项 款 条 */
	case 0x9805: case 0x689D:				/* 項 條 */
		/* 项规定, 项所列, 项的; not the titles 款项… 条款… */
		switch (peek(s, n, after + l, &l2)) {
		case 0: case 0x3002: case 0x89C4: case 0x898F:	/* 。 规 規 */
		case 0x6240: case 0x7684: case 0x4E2D: case 0x4E4B:
			/* 所 的 中 之 */
		case 0x5185: case 0x5167: case 0x548C: case 0x6216:
			/* 内 內 和 或 */
		case 0x53CA: case 0x4E0E: case 0x8207: case 0x3001:
			/* 及 与 與 、 */
		case 0x81F3: case 0x5230: case 0xFF0C:	/* 至 到 ， */
			return 1;
		}
		return 0;
	}
	return paren_number_at(s, n, after);
}

/* （一） (1) （１）: a number in parentheses. */
static int
match_paren(const char *s, size_t n, size_t i, struct sp_heading *h,
    size_t *after)
{
	size_t l, l2, used, t;
	int32_t c = peek(s, n, i, &l), d;
	long v;
	int full;

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
		return NOT_HEADING;
	if (v <= 0 || v > 99)
		return NOT_HEADING;
	t += used;
	d = peek(s, n, t, &l2);
	if (d != 0xFF09 && d != ')')
		return NOT_HEADING;
	h->form |= d == ')' ? SP_HF_CLOSE_HALF : SP_HF_CLOSE_FULL;
	if (paren_reference(s, n, t + l2))
		return NOT_HEADING;
	h->number = v;
	*after = t + l2;
	return MARKER;
}

/*
 * Does a year open at s[i], four digits and 年 (1.2024年工作回顾: a title
 * after the marker, no decimal number)?
 */
static int
year_follows(const char *s, size_t n, size_t i)
{
	size_t used, l;
	int full;
	long y = sp_arabic_number(s + i, n - i, 4, &used, &full);

	return y >= 1900 && y <= 2199 && peek(s, n, i + used, &l) == 0x5E74;
}

/* Arabic digits: 1. 1、 1． 1) */
static int
match_arabic(const char *s, size_t n, size_t i, struct sp_heading *h,
    size_t *after)
{
	size_t l, l2, l3, used, t;
	int32_t d, e;
	long v;
	int full;

	v = arabic(s + i, n - i, &used, &full);
	if (v <= 0)
		return NOT_HEADING;
	if (full)
		h->form |= SP_HF_DIGITS_FULL;
	t = i + used;
	d = peek(s, n, t, &l2);
	/* "1 、" as some pages space it. */
	if (d == ' ' && peek(s, n, t + 1, &l) == 0x3001) {
		t++;
		d = peek(s, n, t, &l2);
	}
	*after = t + l2;
	e = peek(s, n, *after, &l);
	if (d == '.' || d == 0xFF0E || d == 0x3001) {
		if (is_digit_cp(e) && d != 0x3001 &&
		    !year_follows(s, n, *after))
			return NOT_HEADING;	/* 3.28亿, 11.5.2 */
		if (number_list(s, n, *after, v, 1))
			return NOT_HEADING;	/* 1、2月份, 1、3、5号 */
		h->kind = SP_HK_NUM_DOT;
		h->form |= d == '.' ? SP_HF_DOT_HALF : d == 0x3001 ?
		    SP_HF_DUN : SP_HF_DOT_FULL;
		/* "2..请": one stray dot is a typo, more a leader. */
		if (d != 0x3001 && is_leader(e)) {
			if (is_leader(peek(s, n, *after + l, &l3)))
				return NOT_HEADING;
			*after += l;
		}
	} else if (d == ')' || d == 0xFF09) {
		h->kind = SP_HK_NUM_RPAREN;
		h->form |= d == ')' ? SP_HF_CLOSE_HALF : SP_HF_CLOSE_FULL;
	} else
		return NOT_HEADING;
	h->number = v;
	return MARKER;
}

/* One enclosed character c, ending at end: ㈠ ⑴ ⒈ ① ㉑ ㊱ ㊀. */
static int
match_enclosed(int32_t c, size_t end, struct sp_heading *h, size_t *after)
{
	if (c >= 0x3220 && c <= 0x3229) {			/* ㈠ */
		h->kind = SP_HK_CN_PAREN;
		h->number = c - 0x321F;
	} else if (c >= 0x2474 && c <= 0x2487) {		/* ⑴ */
		h->kind = SP_HK_NUM_PAREN;
		h->number = c - 0x2473;
	} else if (c >= 0x2488 && c <= 0x249B) {		/* ⒈ */
		h->kind = SP_HK_NUM_DOT;
		h->number = c - 0x2487;
	} else if ((c >= 0x2460 && c <= 0x2473) || (c >= 0x3251 &&
	    c <= 0x325F) || (c >= 0x32B1 && c <= 0x32BF) || (c >= 0x3280 &&
	    c <= 0x3289)) {					/* ① ㉑ ㊱ ㊀ */
		h->kind = SP_HK_CIRCLED;
		h->number = c <= 0x2473 ? c - 0x245F : c <= 0x325F ?
		    c - 0x3251 + 21 : c >= 0x32B1 ? c - 0x32B1 + 36 :
		    c - 0x327F;
	} else
		return TRY_TAIL;
	h->form = SP_HF_ENCLOSED;
	if (c >= 0x3280 && c <= 0x3289)
		h->form |= SP_HF_IDEOGRAPH;
	*after = end;
	return MARKER;
}

/*
 * The marker at s[i], by the family its first characters name.  A
 * character no marker opens with (a Han ideograph, as most lines start,
 * or a quote, a bracket, a bullet) goes to the …篇X test at once.
 */
static int
match_marker(const char *s, size_t n, size_t i, unsigned flags,
    struct sp_heading *h, size_t *after)
{
	size_t l, l2;
	int32_t c = peek(s, n, i, &l), d;

	if (!may_open_marker_cp(c))
		return TRY_TAIL;
	d = peek(s, n, i + l, &l2);
	if (c == 0x7B2C)					/* 第 */
		return match_di(s, n, i + l, flags, h, after) ? MARKER :
		    TRY_TAIL;
	if (is_seq_word(c, d))
		return match_seq(s, n, i, flags, h, after);
	if (small_cn_value(c) >= 1 && small_cn_value(c) <= 10 &&
	    c != 0x4E24)
		return match_cn(s, n, i, flags, h, after);
	if (c == 0xFF08 || c == '(')				/* （ ( */
		return match_paren(s, n, i, h, after);
	if (is_digit_cp(c))
		return match_arabic(s, n, i, h, after);
	return match_enclosed(c, i + l, h, after);
}

/*
 * The marker of h runs from s[i] to s[after]: does a title follow that
 * makes the line a heading?
 */
static int
title_follows(const char *s, size_t n, size_t i, size_t after,
    struct sp_heading *h)
{
	size_t t, l2;
	int32_t d;

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
	if (!sp_heading_find_title(s, n, after, h) && !is_part_kind(h->kind))
		return 0;
	if (!is_part_kind(h->kind) && (sp_heading_inline_list(s, n, h) ||
	    !sp_heading_plausible_title(s, h)))
		return 0;
	return 1;
}

/*
 * SP_HF_FORMAL when the marker s[0..n) counts in formal numerals (壹、,
 * 第贰拾条), so that the marker expected after it is written so too.
 */
static unsigned
formal_numerals(const char *s, size_t n)
{
	size_t i, l;
	int32_t cp;

	for (i = 0; i < n; i += l) {
		l = sp_cp_at(s, n, i, &cp);
		if (sp_cn_is_formal(cp))
			return SP_HF_FORMAL;
	}
	return 0;
}

int
sp_heading_match(const char *s, size_t n, unsigned flags,
    struct sp_heading *h)
{
	size_t i, after = 0;
	unsigned char b;
	int found;

	memset(h, 0, sizeof *h);
	i = skip_blank(s, n, 0);
	if (i >= n)
		return 0;
	b = (unsigned char)s[i];
	/* Most lines start with a character no marker starts with. */
	if (!may_open_marker(b))
		return 0;
	h->marker_off = i;
	found = match_marker(s, n, i, flags, h, &after);
	if (found == TRY_TAIL) {
		memset(h, 0, sizeof *h);
		found = match_pian_tail(s, n, i, h);
	} else
		found = found == MARKER && title_follows(s, n, i, after, h);
	if (found)
		h->form |= formal_numerals(s + h->marker_off, h->marker_len);
	return found;
}
