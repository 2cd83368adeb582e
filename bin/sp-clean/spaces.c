/* spaces.c: spaces (step 4); see spaces.h. */
#include <string.h>

#include "cjk.h"
#include "heading.h"
#include "linefeat.h"
#include "mojibake_latin1.h"
#include "spaces.h"
#include "text.h"

/*
 * The first position from i on where a space or a newline may start: a
 * quick look in bytes, a superset of what sp_is_space() accepts (C0
 * spaces, U+0085, U+00A0, U+1680, U+180E, U+2000..U+205F, U+3000), which
 * has the last say.
 * Most of a Chinese line is three-byte characters that cannot be spaces,
 * and they are passed over whole.
 */
static size_t
next_candidate(const char *str, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			if (c <= ' ')
				return i;
			i++;
		} else if (c >= 0xE4 && c <= 0xEF) {
			i += 3;			/* U+4000..U+FFFF */
		} else if (c == 0xC2 ||
		    (c == 0xE1 && i + 1 < n &&
		    (s[i + 1] == 0x9A || s[i + 1] == 0xA0)) ||
		    (c == 0xE2 && i + 1 < n &&
		    (s[i + 1] == 0x80 || s[i + 1] == 0x81)) ||
		    (c == 0xE3 && i + 2 < n &&
		    s[i + 1] == 0x80 && s[i + 2] == 0x80)) {
			return i;
		} else {
			i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		}
	}
	return n;
}

/* Longest label, in characters, label_value() takes before its colon. */
#define LABEL_MAX 8

/*
 * Is the run of spaces at s[..end) the gap between a label and its value
 * in a row of a form (主办单位：    某某县教育局; 成文日期：  2022年…)?
 * The line so far, out[line..len), is a short label ending in a colon,
 * and no sentence ends in the rest of the line: a salutation before its
 * first paragraph (同志们：   今天……。) is not a label.
 */
static int
label_value(const struct sp_buf *out, size_t line, const char *s, size_t n,
    size_t end)
{
	const char *eol;
	size_t i, chars = 0;

	if (out->len < line + 3 ||
	    memcmp(out->data + out->len - 3, "\xEF\xBC\x9A", 3) != 0)
		return 0;			/* ： */
	for (i = line; i < out->len; i++)
		chars += ((unsigned char)out->data[i] & 0xC0) != 0x80;
	if (chars > LABEL_MAX)
		return 0;
	eol = memchr(s + end, '\n', n - end);
	n = eol ? (size_t)(eol - s) : n;
	return !memmem(s + end, n - end, "\xE3\x80\x82", 3) &&	/* 。 */
	    !memmem(s + end, n - end, "\xEF\xBC\x81", 3) &&	/* ！ */
	    !memmem(s + end, n - end, "\xEF\xBC\x9F", 3);	/* ？ */
}

/* The shortest and the longest heading, in characters after its marker,
 * that a single space may end: shorter, it is a list's label (1. 视频). */
#define HEADING_MIN 4
#define HEADING_MAX 40

/* Does s[0..n) hold a sentence's end (。)? */
static int
has_full_stop(const char *s, size_t n)
{
	return memmem(s, n, "\xE3\x80\x82", 3) != NULL;
}

/*
 * Is the single space at s[..end), between prev and next, the break
 * between a heading and its first paragraph, glued into one line
 * ("二、共克时艰，全面开展“三服务”活动 新的一年，我们面临的任务很重。")?
 * The line so far, out[line..len), opens with a heading's marker (一、
 * （一） 第一章 1. ①) and a title of HEADING_MIN to HEADING_MAX
 * characters that ends no sentence, and ends in a Han character or a
 * closing quote; the rest of the line opens with a Han character or an
 * opening quote and holds a sentence's end.  A heading of two phrases
 * (一、坚持问题导向 推动工作落实) has no sentence after its space, a
 * law's article (第一条　为了……。) no title at all, and a list item with a
 * stray space before its comma (4 、高位码垛机 ，这是……) no paragraph
 * after it.
 */
static int
heading_then_prose(const struct sp_buf *out, size_t line, const char *s,
    size_t n, size_t end, int32_t prev, int32_t next)
{
	const char *h = out->data + line, *eol;
	size_t hn = out->len - line, mlen, i, chars = 0;
	enum lf_marker m;
	struct sp_heading hd;

	if (!(sp_is_han(prev) || lf_is_closer(prev)) ||
	    !(sp_is_han(next) || lf_is_opener(next)))
		return 0;
	m = lf_marker(h, hn, &mlen);
	if (m == LF_NONE || m == LF_POINT || m == LF_BULLET)
		return 0;
	/* A law's article has no title: its text runs on after the marker
	 * (第二十条之一　行政机关应当依照本条例第三条 的规定，……。). */
	if (m == LF_ORDINAL && sp_heading_match(h, hn, SP_HEADING_ITEMS, &hd) &&
	    hd.kind == SP_HK_TIAO)
		return 0;
	for (i = mlen; i < hn; i++)
		chars += ((unsigned char)h[i] & 0xC0) != 0x80;
	if (chars < HEADING_MIN || chars > HEADING_MAX ||
	    has_full_stop(h + mlen, hn - mlen) ||
	    memmem(h + mlen, hn - mlen, "\xEF\xBC\x81", 3) ||	/* ！ */
	    memmem(h + mlen, hn - mlen, "\xEF\xBC\x9F", 3))		/* ？ */
		return 0;
	eol = memchr(s + end, '\n', n - end);
	return has_full_stop(s + end, (eol ? (size_t)(eol - s) : n) - end);
}

/* Shortest and longest ordinal marker, in bytes, ordinal_gap() looks at
 * (第1条 is 7, 第一百二十三条之一 27), and how much of the title after it
 * the recognizer is shown. */
#define ORDINAL_MIN	7
#define ORDINAL_MAX	36
#define ORDINAL_TITLE	48

/*
 * Is the run of spaces at s[..end) the gap after a law's or a book's
 * ordinal marker that opens the line (第一条　为了…, 第三章　监督和保障,
 * 第二编　物权)?  Official texts set one ideographic space there; it is
 * part of the heading, neither a break between paragraphs nor a space
 * between two words of Chinese.  The shared recognizer (heading.h)
 * decides, shown the marker and the start of what follows, so a
 * cross-reference (第三条规定) is no marker.
 */
static int
ordinal_gap(const struct sp_buf *out, size_t line, const char *s, size_t n,
    size_t end)
{
	char buf[ORDINAL_MAX + 1 + ORDINAL_TITLE];
	size_t hn = out->len - line, tn = n - end;
	const char *eol;
	struct sp_heading h;

	if (hn < ORDINAL_MIN || hn > ORDINAL_MAX ||
	    memcmp(out->data + line, "\xE7\xAC\xAC", 3) != 0)	/* 第 */
		return 0;
	if ((eol = memchr(s + end, '\n', tn)) != NULL)
		tn = (size_t)(eol - (s + end));
	if (tn > ORDINAL_TITLE)
		tn = ORDINAL_TITLE;
	memcpy(buf, out->data + line, hn);
	buf[hn] = ' ';
	memcpy(buf + hn + 1, s + end, tn);
	if (!sp_heading_match(buf, hn + 1 + tn, 0, &h) ||
	    h.marker_off != 0 || h.marker_len != hn)
		return 0;
	switch (h.kind) {
	case SP_HK_PIAN: case SP_HK_BUFEN: case SP_HK_BIAN:
	case SP_HK_FENBIAN: case SP_HK_ZHANG: case SP_HK_JIE: case SP_HK_TIAO:
		return 1;
	default:
		return 0;
	}
}

/*
 * Is the space at s[i] one that spaces_clean() keeps as it is, known
 * from its bytes?  A single ASCII space before ASCII, after text of its
 * line not yet written (s[start..i), which holds no space) that does not
 * end in a label's colon (：): no rule below applies to it but the last,
 * which keeps it, and what comes after it cannot be a spaced-out word's
 * character.  Asked first: English words and numbers on a page are
 * spaced so, and many of its spaces are these.
 */
static int
kept_space(const char *str, size_t n, size_t i, size_t start)
{
	const unsigned char *s = (const unsigned char *)str;

	if (s[i] != ' ' || i == start || i + 1 >= n || s[i + 1] <= ' ' ||
	    s[i + 1] >= 0x80)
		return 0;
	return i - start < 3 || memcmp(s + i - 3, "\xEF\xBC\x9A", 3) != 0;
}

static int
is_space(int32_t cp)
{
	return cp != '\n' && sp_is_space(cp);
}

/* The Han characters a name has: 2 to NAME_MAX. */
#define NAME_MAX 4

/*
 * The Han characters that end out[line..len), and in *before the
 * character before them (-1: none).
 */
static size_t
han_run_before(const struct sp_buf *out, size_t line, int32_t *before)
{
	size_t len = out->len, k, run = 0;
	int32_t cp = -1;

	while (len > line && run <= NAME_MAX) {
		cp = cp_before(out->data + line, len - line, &k);
		if (!sp_is_han(cp))
			break;
		run++;
		len -= k;
		cp = -1;
	}
	*before = len > line ? cp : -1;
	return run;
}

/* The Han characters that open s[i..n), and in *next where they end. */
static size_t
han_run_at(const char *s, size_t n, size_t i, size_t *next)
{
	size_t k, run = 0;

	while (i < n && run <= NAME_MAX && sp_is_han(cp_at(s, n, i, &k))) {
		run++;
		i += k;
	}
	*next = i;
	return run;
}

static int
name_sized(size_t run)
{
	return run >= 2 && run <= NAME_MAX;
}

/*
 * Does out's last name follow a space kept between two names: Han text
 * before that space too (张三 李四 …, not 1. 视频)?
 */
static int
kept_between_names(const struct sp_buf *out, size_t line)
{
	size_t len = out->len, k;

	while (len > line && sp_is_han(cp_before(out->data + line, len - line,
	    &k)))
		len -= k;
	if (len <= line + 1 || out->data[len - 1] != ' ')
		return 0;
	return sp_is_han(cp_before(out->data + line, len - 1 - line, &k));
}

/*
 * Is the single blank between out's text and s[end..n) one between names
 * listed (出席的有：张三 李四 王五, 记者 汤一亮　庄胜春, 作者：唐一亮　庄胜春)?
 * Two to four Han characters each side, and a list about them: a name
 * kept apart before, a third name after, or a label's colon before.  A
 * space inside a word (中国 政府) has none of these, and goes.
 */
static int
names_listed(const struct sp_buf *out, size_t line, const char *s, size_t n,
    size_t end)
{
	size_t after, k;
	int32_t before, cp;

	if (!name_sized(han_run_before(out, line, &before)) ||
	    !name_sized(han_run_at(s, n, end, &after)))
		return 0;
	if (before == 0xFF1A || before == ':' || (before == ' ' &&
	    kept_between_names(out, line)))
		return 1;
	if (after >= n || !is_space(cp = cp_at(s, n, after, &k)))
		return 0;
	return name_sized(han_run_at(s, n, after + k, &after)) &&
	    (after >= n || !sp_is_han(cp_at(s, n, after, &k)));
}

/* Chinese or Japanese: a space between two of these is no word break.
 * Korean spaces its words, so Hangul is not counted. */
static int
is_unspaced(int32_t cp)
{
	return sp_is_cjk(cp) && !sp_is_hangul(cp);
}

void
spaces_clean(const char *s, size_t n, int for_mojibake, struct sp_buf *out,
    struct spaces_stats *st)
{
	size_t i = 0, start = 0, k, run, line = out->len, end, plen = 0, nlen = 0;
	size_t seg = out->len;	/* where the text since the last run begins */
	int32_t cp, prev, next;
	int spaced_out;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	/* Text without spaces accumulates in s[start..i). */
	while (i < n) {
		if ((i = next_candidate(s, n, i)) >= n)
			break;
		if (kept_space(s, n, i, start)) {
			i++;
			continue;
		}
		if (s[i] == '\n') {
			i++;
			put(out, s + start, i - start);
			start = i;
			line = seg = out->len;
			continue;
		}
		cp = cp_at(s, n, i, &k);
		if (!is_space(cp) || (for_mojibake &&
		    (cp == 0xA0 || cp == 0x85) && latin1_continues(s, i, cp))) {
			i += k;
			continue;
		}
		put(out, s + start, i - start);
		/* A run of spaces: what is on either side decides. */
		run = 0;
		end = i;
		while (end < n) {
			if (s[end] == ' ')	/* most of a run: not decoded */
				k = 1;
			else if (!is_space(cp_at(s, n, end, &k)))
				break;
			end += k;
			run++;
		}
		prev = out->len > line ? cp_before(out->data, out->len,
		    &plen) : -1;
		next = end < n && s[end] != '\n' ? cp_at(s, n, end, &nlen) :
		    -1;
		/* A word spaced out letter by letter to fill a column
		 * (标      题：, 联  系  人：王  明): one character between
		 * runs, or after the last one, is no paragraph. */
		spaced_out = prev >= 0 && next >= 0 && sp_is_han(prev) &&
		    sp_is_han(next) && (out->len - seg == plen ||
		    end + nlen == n || s[end + nlen] == '\n');
		if (prev < 0 || next < 0 ||
		    (prev == 0xFF1A && label_value(out, line, s, n, end))) {
			st->removed++;
		} else if (is_unspaced(prev) && is_unspaced(next) &&
		    ordinal_gap(out, line, s, n, end)) {
			if (run > 1 || cp_at(s, n, i, &k) != 0x3000)
				st->changed++;
			put(out, "\xE3\x80\x80", 3);		/* U+3000 */
		} else if (run >= 2 && (is_unspaced(prev) ||
		    is_unspaced(next)) && !spaced_out) {
			st->breaks++;
			putch(out, '\n');
			line = out->len;
		} else if (run == 1 && is_unspaced(prev) && is_unspaced(next) &&
		    heading_then_prose(out, line, s, n, end, prev, next)) {
			st->breaks++;
			putch(out, '\n');
			line = out->len;
		} else if (is_unspaced(prev) && is_unspaced(next) &&
		    !(run == 1 && names_listed(out, line, s, n, end))) {
			st->removed++;
		} else {
			if (run > 1 || s[i] != ' ')
				st->changed++;
			putch(out, ' ');
		}
		start = i = end;
		seg = out->len;
	}
	put(out, s + start, n - start);
}
