/*
 * heading.h: headings of Chinese official documents and speeches.
 *
 * Two layers.  sp_heading_match() looks at one line (or one segment of a
 * glued line) and says whether it opens with a heading marker: its style
 * (kind), its number, where the marker is, and the heading's title.
 * The tracker, fed a document line by line, gives each heading its level
 * and keeps the current heading path, so that a tool can print an outline
 * (sp-outline), check the numbering, or label chunks with the path they
 * come from (sp-split --headings).
 *
 * Markers (full- and half-width forms alike; X is a Chinese numeral
 * 一…九十九, 一百零一…, with 〇/零/两, or Arabic or full-width digits):
 *
 *   kind              marker                       family
 *   SP_HK_PIAN        第X篇                         part
 *   SP_HK_BUFEN       第X部分                       part
 *   SP_HK_BIAN        第X编                         law
 *   SP_HK_FENBIAN     第X分编                       law
 *   SP_HK_ZHANG       第X章                         law
 *   SP_HK_JIE         第X节                         law
 *   SP_HK_TIAO        第X条, 第X条之Y               law (article)
 *   SP_HK_PIAN_TAIL   a short title line ending in 篇X ("…讲话篇一")
 *   SP_HK_CN_DUN      一、 一． 一.
 *   SP_HK_CN_PAREN    （一） (一) （一) (一） ㈠
 *   SP_HK_NUM_DOT     1. 1． 1、 １． ⒈
 *   SP_HK_NUM_PAREN   （1） (1) ⑴
 *   SP_HK_CIRCLED     ① ㊀
 *   SP_HK_NUM_RPAREN  1) 1）
 *   items, matched only with SP_HEADING_ITEMS:
 *   SP_HK_DI          第一， 第一、 第一：  第一是
 *   SP_HK_SEQ         首先， 其次， 再次， 最后，  (and 首先是…)
 *   SP_HK_SHI         一是 二是 …
 *   SP_HK_YAO         一要 二要 …
 *
 * False headings are refused: decimals and dotted numbers (3.28亿,
 * 11.5.2的…, 1、2月), ranges (一、二季度), cross-references (第三条规定,
 * 第二章的), dotted leaders (一、总则……3), bare markers with no text,
 * lists written inline (一是甲；二是乙, 1、甲；2、乙), titles with no
 * Chinese after an Arabic marker (1. The Number 40) and chapter lists
 * (1.第1章 …).
 * Markers count only at the start of a line or of a segment: an
 * enumerator inside a sentence is never a heading.
 *
 * Like the rest of common/, nothing here prints or exits; functions that
 * allocate return -1 (errno ENOMEM) when memory runs out.
 */
#ifndef SP_HEADING_H
#define SP_HEADING_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "zh.h"		/* sp_cn_number(), sp_cn_format() */

enum sp_heading_kind {
	SP_HK_NONE = 0,
	SP_HK_PIAN, SP_HK_BUFEN, SP_HK_BIAN, SP_HK_FENBIAN, SP_HK_ZHANG,
	SP_HK_JIE,
	SP_HK_TIAO, SP_HK_PIAN_TAIL,
	SP_HK_CN_DUN, SP_HK_CN_PAREN, SP_HK_NUM_DOT, SP_HK_NUM_PAREN,
	SP_HK_CIRCLED, SP_HK_NUM_RPAREN,
	SP_HK_DI, SP_HK_SEQ, SP_HK_SHI, SP_HK_YAO,
	SP_HK_NKINDS
};

/* Flags of sp_heading_match() and sp_heading_tracker_new(). */
enum {
	SP_HEADING_ITEMS = 1,	/* also match the enumerations (items) */
	SP_HEADING_NO_SEGMENTS = 2 /* tracker: markers only at line starts */
};

/*
 * The form of a marker, for the mixed-width check: which brackets,
 * delimiter and digits it was written with.  Two markers of one kind are
 * written alike when their forms are equal.
 */
enum {
	SP_HF_OPEN_FULL = 1 << 0,	/* （ */
	SP_HF_OPEN_HALF = 1 << 1,	/* ( */
	SP_HF_CLOSE_FULL = 1 << 2,	/* ） */
	SP_HF_CLOSE_HALF = 1 << 3,	/* ) */
	SP_HF_DOT_FULL = 1 << 4,	/* ． */
	SP_HF_DOT_HALF = 1 << 5,	/* . */
	SP_HF_DUN = 1 << 6,		/* 、 */
	SP_HF_DIGITS_FULL = 1 << 7,	/* １２ */
	SP_HF_ENCLOSED = 1 << 8,	/* one character: ㈠ ⑴ ⒈ ① */
	SP_HF_IDEOGRAPH = 1 << 9,	/* ㊀ */
	SP_HF_ARABIC = 1 << 10,		/* 第1章: Arabic number in a 第X */
	SP_HF_COMMA_FULL = 1 << 11,	/* items: 第一， 一是， */
	SP_HF_COMMA_HALF = 1 << 12,	/* 第一, */
	SP_HF_COLON_FULL = 1 << 13,	/* 第一： */
	SP_HF_COLON_HALF = 1 << 14,	/* 第一: */
	SP_HF_IS = 1 << 15,		/* 第一是 首先是 */
	SP_HF_FORMAL = 1 << 16		/* 壹、 贰拾条: formal numerals */
};

struct sp_heading {
	enum sp_heading_kind kind;
	long number;		/* 1, 2, …; 0 when it has none (最后) */
	long sub;		/* 第二十条之一: 1; 0 for the rest */
	unsigned form;		/* SP_HF_* bits */
	size_t marker_off;	/* the marker: s[marker_off..+marker_len) */
	size_t marker_len;
	size_t title_off;	/* the title: s[title_off..+title_len) */
	size_t title_len;
};

/*
 * Does s[0..n) (a line without its newline, or a segment of one) open
 * with a heading?  Leading white space is skipped.  Returns 1 and fills
 * *h, or 0.  flags: SP_HEADING_ITEMS.
 *
 * The title is the rest of the line when that is short (at most 40
 * characters) and holds no sentence end; otherwise the run-in head: the
 * text up to the first 。！？；： (or their half-width forms) or white
 * space, at most 80 characters.  "（一）服务企业，大力帮扶企业发展。企业是…"
 * has the title "服务企业，大力帮扶企业发展".
 */
int sp_heading_match(const char *s, size_t n, unsigned flags,
    struct sp_heading *h);

/*
 * A bullet that opens s[0..n) (□ ■ ● ◆ ◇ ★ ☆ ▲ △ ※ · • ▪ ○ ▶ → ►):
 * its length in bytes, or 0.  Bullets mark list entries, not numbered
 * headings; the tracker ignores them.
 */
size_t sp_heading_bullet(const char *s, size_t n);

/* A short English name of a kind, for JSON: "cn-dun", "cn-paren"… */
const char *sp_heading_kind_name(enum sp_heading_kind k);
/* Is the kind one of the items (第一，首先，一是，一要)? */
int sp_heading_kind_is_item(enum sp_heading_kind k);

/*
 * Appends the marker that kind and form give number n: the marker a
 * heading numbered n would have if written like one of that form.  With
 * kind SP_HK_CN_PAREN, form SP_HF_OPEN_FULL|SP_HF_CLOSE_FULL and n 2 that
 * is "（二）".  Used to say which marker was expected.
 */
int sp_heading_format_marker(struct sp_buf *out, enum sp_heading_kind kind,
    unsigned form, long n);

/*
 * The tracker.  Levels come from the order in which marker styles first
 * appear in the document: the first style seen is level 1, and a heading
 * closes every open heading whose style ranks after its own (or is its
 * own: a sibling).  A document that starts at （一） has （一） as level 1;
 * one that goes 一、（一）1. nests them in that order.  A style appearing
 * for the first time is placed by the natural order (parts; 编 章 节 条;
 * 一、（一）1.（1）①1); items): it goes below the deepest open heading
 * whose style comes before it there, and closes the others, so （一)
 * after an agenda list 1. 2. closes the list rather than nesting in it.
 * Parts (第X篇, …篇X, 第X部分) name whole speeches: they stay above every
 * other style, and each part learns the order of the styles below it
 * afresh.  Items come below every numbered level, and so do numbered
 * markers under a law article (第X条): a law's （一） is an item of its
 * article.  An item that is a whole paragraph (第四是生活纪律。一些…)
 * holds no list: the next item of another style closes it, while an item
 * that is a line of its own (第一，发展思路要清晰) may head a list of
 * 一要….  Items are reported only with SP_HEADING_ITEMS.
 *
 * Lines are segmented unless SP_HEADING_NO_SEGMENTS is given: a run of two
 * or more spaces (or one after 。！？) starts a new segment, so the
 * headings of a page whose paragraphs were glued into one line are found.
 */
#define SP_HEADING_MARKER_MAX 48
#define SP_HEADING_TITLE_MAX (80 * 4 + 1)

/*
 * Segments of a line: returns the end of the first segment of s[0..n)
 * and sets *next to where the next one starts (n when there is none).  A
 * run of two or more blanks (space, tab, U+3000, NBSP), or one after 。,
 * ends a segment; blanks at the very start do not.
 */
size_t sp_heading_segment(const char *s, size_t n, size_t *next);

/*
 * The first piece of s[0..n) as the tracker reads it, under FLAGS: the
 * first segment, or the whole line with SP_HEADING_NO_SEGMENTS; a segment
 * holding only a heading's marker runs on to the end of the segment
 * after it, its title (第一章　　总则).  Returns the piece's end, and
 * sets *next to where the next piece starts (n when there is none).
 */
size_t sp_heading_piece(const char *s, size_t n, int flags, size_t *next);

/*
 * Lines the tracker finds nothing in, whatever its state and flags: the
 * bytes of the whole lines (each ended by '\n') at the start of s[0..n),
 * their count in *lines.  A line is passed over when no segment of it
 * opens with a character a marker may open with, it holds no 篇 (…篇X)
 * and no E2 91 (① ⑴, a note reference too): feeding it would find no
 * heading and change nothing.  Stops before any other line, before a
 * line that opens with a form feed (a document's end in a stream), and
 * before a last line with no '\n'; the caller feeds that line as usual.
 * Most lines of a page are passed over in one scan of the buffer,
 * instead of a call a line.
 */
size_t sp_heading_quiet_lines(const char *s, size_t n, uint64_t *lines);

struct sp_heading_entry {
	struct sp_heading h;	/* offsets relative to the line fed */
	int level;		/* 1-based depth in the outline */
	int item;		/* 1 for an item (enumeration, law item) */
	int whole;		/* the title is the whole line: no run-in text */
	uint64_t line;		/* as given to sp_heading_tracker_feed() */
	uint64_t offset;	/* byte offset of the marker in the input */
	/* NUL-terminated copies (a title holds at most 80 characters). */
	char marker[SP_HEADING_MARKER_MAX];
	char title[SP_HEADING_TITLE_MAX];
	size_t marker_len, title_len;
	/*
	 * For numbering checks: the previous heading of the same style under
	 * the same parent (prev_number -1 and prev_marker "" when this is the
	 * first), and the form of the first heading of this style in the
	 * document.
	 */
	long prev_number;
	long prev_sub;		/* the previous one's sub (第X条之Y) */
	enum sp_heading_kind prev_kind;
	unsigned prev_form;
	uint64_t prev_line;
	char prev_marker[SP_HEADING_MARKER_MAX];
	unsigned first_form;
};

struct sp_heading_tracker;

/* Returns NULL when out of memory.  flags: SP_HEADING_*. */
struct sp_heading_tracker *sp_heading_tracker_new(unsigned flags);
/* Forgets the document: the next line fed starts a new one. */
void sp_heading_tracker_reset(struct sp_heading_tracker *t);
/*
 * Forgets the parts (第X篇) of the documents before too: the next one is
 * of another page (a file's first), whose 第二篇 continues nothing.
 */
void sp_heading_tracker_forget_parts(struct sp_heading_tracker *t);
void sp_heading_tracker_free(struct sp_heading_tracker *t);

/*
 * Feeds one line s[0..n) (without its newline), number line, at byte
 * offset in the input.  Returns how many headings it holds (usually 0 or
 * 1; more when the line is a glued page), or -1 when out of memory.
 * The headings found are sp_heading_tracker_found(t, 0 … count-1), valid
 * until the next feed or reset.
 */
int sp_heading_tracker_feed(struct sp_heading_tracker *t, const char *s,
    size_t n, uint64_t line, uint64_t offset);
const struct sp_heading_entry *sp_heading_tracker_found(
    const struct sp_heading_tracker *t, int i);

/*
 * The current heading path, outermost first: depth() entries, at(i) for
 * 0 <= i < depth, valid until the next feed or reset.
 */
int sp_heading_tracker_depth(const struct sp_heading_tracker *t);
const struct sp_heading_entry *sp_heading_tracker_at(
    const struct sp_heading_tracker *t, int i);

/*
 * Appends the path as text, e.g. "一、肯定成绩 > （二）服务项目": each
 * heading's marker and title (a space between them after 第X篇/章/条…),
 * joined by sep (" > " when NULL).  Appends nothing at the top of a
 * document.  Returns 0, or -1 when out of memory.
 */
int sp_heading_tracker_path(const struct sp_heading_tracker *t,
    const char *sep, struct sp_buf *out);
/* Appends one entry as the path shows it: marker, space when due, title. */
int sp_heading_entry_text(const struct sp_heading_entry *e,
    struct sp_buf *out);

#endif
