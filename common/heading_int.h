/*
 * heading_int.h: what the files of the heading recognizer share, and
 * nothing else includes.
 *
 *   heading_marker.c   a line's marker: sp_heading_match(), bullets
 *   heading_title.c    the title after a marker, and whether it reads as one
 *   heading_format.c   markers and kinds written back: names, numbering
 *   heading_segment.c  where a glued line holds a heading: sp_heading_segment()
 *   heading_quiet.c    the lines that hold none, in one scan: sp_heading_quiet_lines()
 *   heading_tracker.c  levels and numbering over a document, the law's
 *                      hierarchy
 */
#ifndef SP_HEADING_INT_H
#define SP_HEADING_INT_H
#include <stddef.h>
#include <stdint.h>

#include "heading.h"
#include "zh.h"

#define SHORT_TITLE 40		/* characters: whole line is the title */

static inline int
is_digit_cp(int32_t cp)
{
	return sp_digit_value(cp) >= 0;
}

/*
 * Can a marker open with the byte b, the first after the blanks?  Of
 * ASCII only '(' and the digits can (a lead byte may: 一 第 （ ① ⑴ …).
 */
static inline int
may_open_marker(unsigned char b)
{
	return b >= 0x80 || b == '(' || (b >= '0' && b <= '9');
}

/* Sentence ends and colons that close a run-in head. */
static inline int
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

/*
 * sp_skip_blank() for the tracker's every line: runs of ASCII blanks (the
 * indentation of w3m dumps and HTML) are stepped over a byte at a time,
 * and a byte no blank starts with (any other ASCII; a lead byte other
 * than C2 E1 E2 E3 EF) ends the skip without decoding.
 */
static inline size_t
skip_blank(const char *s, size_t n, size_t i)
{
	unsigned char b;
	size_t l;

	for (;;) {
		i = sp_space_run_end(s, n, i);
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i >= n)
			return i;
		b = (unsigned char)s[i];
		if (b < 0x80 || (b != 0xC2 && b != 0xE1 && b != 0xE2 &&
		    b != 0xE3 && b != 0xEF))
			return i;
		if ((l = sp_blank_len(s + i, n - i)) == 0)
			return i;
		i += l;
	}
}

/* Is there a sentence end (。) just before s[i]? */
static inline int
after_sentence_end(const char *s, size_t i)
{
	return i >= 3 && ((unsigned char)s[i - 3] == 0xE3 &&
	    (unsigned char)s[i - 2] == 0x80 && (unsigned char)s[i - 1] == 0x82);
}

/*
 * Is the space or tab at s[i], which opens a run of blanks, a run of one
 * blank that ends no segment: what follows is no blank (its first byte
 * shows it: none starts with another ASCII byte or with a lead byte
 * other than C2 E1 E2 E3 EF), and no 。 comes before it?  Most blanks of
 * a line are such (between the words of English and of HTML), and
 * skipping them here, as the segment loop would, keeps the search in the
 * vector loop.
 */
static inline int
lone_blank(const char *s, size_t n, size_t i)
{
	unsigned char b;

	if ((s[i] != ' ' && s[i] != '\t') || i + 1 >= n ||
	    after_sentence_end(s, i))
		return 0;
	b = (unsigned char)s[i + 1];
	return b < 0x80 ? b != ' ' && b != '\t' && b != '\r' :
	    b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF;
}

/*
 * The Han characters a heading's marker starts with (第 首 其 再 最 and
 * the numerals), a table of contents' title (目录) starts with, or a
 * …篇X title ends with (the numerals below 100), as a
 * filter: a bit for each of 1024 slots, the low ten bits of the code
 * point.  A character whose bit is clear is none of them, so most lines
 * are refused without sp_cn_value()'s search; a set bit is checked in
 * full.
 */
#define MARKER_HAN_BIT(cp, w) \
	((((cp) >> 6) & 15) == (w) ? (uint64_t)1 << ((cp) & 63) : 0)
#define MARKER_HAN(w) (MARKER_HAN_BIT(0x7B2C, w) | /* 第 */ \
	MARKER_HAN_BIT(0x9996, w) | MARKER_HAN_BIT(0x5176, w) | /* 首 其 */ \
	MARKER_HAN_BIT(0x518D, w) | MARKER_HAN_BIT(0x6700, w) | /* 再 最 */ \
	MARKER_HAN_BIT(0x3007, w) | MARKER_HAN_BIT(0x96F6, w) | /* 〇 零 */ \
	MARKER_HAN_BIT(0x4E00, w) | MARKER_HAN_BIT(0x58F9, w) | /* 一 壹 */ \
	MARKER_HAN_BIT(0x4E8C, w) | MARKER_HAN_BIT(0x4E24, w) | /* 二 两 */ \
	MARKER_HAN_BIT(0x5169, w) | MARKER_HAN_BIT(0x8D30, w) | /* 兩 贰 */ \
	MARKER_HAN_BIT(0x8CB3, w) | MARKER_HAN_BIT(0x4E09, w) | /* 貳 三 */ \
	MARKER_HAN_BIT(0x53C1, w) | MARKER_HAN_BIT(0x53C3, w) | /* 叁 參 */ \
	MARKER_HAN_BIT(0x56DB, w) | MARKER_HAN_BIT(0x8086, w) | /* 四 肆 */ \
	MARKER_HAN_BIT(0x4E94, w) | MARKER_HAN_BIT(0x4F0D, w) | /* 五 伍 */ \
	MARKER_HAN_BIT(0x516D, w) | MARKER_HAN_BIT(0x9646, w) | /* 六 陆 */ \
	MARKER_HAN_BIT(0x9678, w) | MARKER_HAN_BIT(0x4E03, w) | /* 陸 七 */ \
	MARKER_HAN_BIT(0x67D2, w) | MARKER_HAN_BIT(0x516B, w) | /* 柒 八 */ \
	MARKER_HAN_BIT(0x634C, w) | MARKER_HAN_BIT(0x4E5D, w) | /* 捌 九 */ \
	MARKER_HAN_BIT(0x7396, w) | MARKER_HAN_BIT(0x5341, w) | /* 玖 十 */ \
	MARKER_HAN_BIT(0x62FE, w) | MARKER_HAN_BIT(0x76EE, w))	/* 拾 目 */

static inline int
maybe_marker_han(int32_t cp)
{
	static const uint64_t slots[16] = {
		MARKER_HAN(0), MARKER_HAN(1), MARKER_HAN(2), MARKER_HAN(3),
		MARKER_HAN(4), MARKER_HAN(5), MARKER_HAN(6), MARKER_HAN(7),
		MARKER_HAN(8), MARKER_HAN(9), MARKER_HAN(10), MARKER_HAN(11),
		MARKER_HAN(12), MARKER_HAN(13), MARKER_HAN(14), MARKER_HAN(15)
	};

	return slots[(cp >> 6) & 15] >> (cp & 63) & 1;
}

/* 首先 其次 再次 最后: the words of a sequence's items */
static inline int
is_seq_word(int32_t c, int32_t d)
{
	return (c == 0x9996 && d == 0x5148) || (c == 0x5176 && d == 0x6B21) ||
	    (c == 0x518D && d == 0x6B21) || (c == 0x6700 && d == 0x540E);
}

/*
 * Can a marker open with the character c (the first of a line or segment
 * after its blanks)?  ( （ and the digits; 第 首 其 再 最 and the
 * numerals from 一 to 十 but 两 (match_marker() reads no other Han
 * character); the enclosed numbers ① ⑴ ⒈ (U+2460-U+249B) and ㈠ ㉑ ㊀
 * ㊱ (U+3220-U+32BF, a few more than they); and 目, of 目录, whose line
 * the tracker reads for a table of contents.  A line or segment opening
 * with any other character holds a heading only as a …篇X title.
 */
static inline int
may_open_marker_cp(int32_t c)
{
	int v;

	if (c == '(' || c == 0xFF08 || is_digit_cp(c) ||
	    (c >= 0x2460 && c <= 0x249B) || (c >= 0x3220 && c <= 0x32BF))
		return 1;
	if (!maybe_marker_han(c))
		return 0;
	if (c == 0x7B2C || c == 0x9996 || c == 0x5176 || c == 0x518D ||
	    c == 0x6700 || c == 0x76EE)
		return 1;
	v = sp_cn_value(c);
	return v >= 1 && v <= 10 && c != 0x4E24;
}

/*
 * sp_cn_value() of a numeral below 100 (the digits and 十, all a marker
 * or a …篇X title holds before its delimiter), else -1 or 100 and more.
 */
static inline int
small_cn_value(int32_t cp)
{
	return maybe_marker_han(cp) ? sp_cn_value(cp) : -1;
}

/* Parts: 第X篇, 第X部分, …篇X (and 编, 分编, 章, 节, 条 between). */
static inline int
is_part_kind(enum sp_heading_kind k)
{
	return k >= SP_HK_PIAN && k <= SP_HK_PIAN_TAIL;
}

/* heading_title.c */
/*
 * Sets the title of h: s[from..n) is what follows the marker.  Returns 0
 * when there is no title.
 */
int sp_heading_find_title(const char *s, size_t n, size_t from,
    struct sp_heading *h);
/* Is the line a list written inline ("一是…；二是…")? */
int sp_heading_inline_list(const char *s, size_t n, const struct sp_heading *h);
/* Does the title read as one (Chinese after an Arabic marker, ...)? */
int sp_heading_plausible_title(const char *s, const struct sp_heading *h);

/* heading_segment.c */
/*
 * May s[0..n) hold a heading: does a byte a marker may open with
 * (may_open_marker) open the line or follow a blank, or is any byte
 * beyond ASCII?  0 only for a line that holds none, whatever its pieces:
 * most lines of HTML (tags, attributes, script) are such.
 */
int sp_heading_may_hold(const char *s, size_t n);
/* sp_heading_quiet_lines() in blocks of widest bytes or fewer (64, 32,
 * 16; 1: a byte at a time), for the unit test to compare the widths. */
size_t sp_heading_quiet_lines_upto(const char *s, size_t n, uint64_t *lines,
    unsigned widest);

#endif
