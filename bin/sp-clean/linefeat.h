/*
 * linefeat.h: what one line of a document looks like, for the steps that
 * judge lines (boilerplate) and the breaks between them (hard wraps).
 *
 * A line is UTF-8 text without its newline, already normalized by the
 * earlier steps (NFC, spaces trimmed, full-width punctuation in Chinese
 * text).  Nothing here allocates.
 */
#ifndef SP_CLEAN_LINEFEAT_H
#define SP_CLEAN_LINEFEAT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* How a line opens, when it opens like a heading or a list item. */
enum lf_marker {
	LF_NONE = 0,
	LF_NUMERAL,	/* 一、 二、 十一、 */
	LF_PAREN,	/* （一） (二) （3） (4) */
	LF_ORDINAL,	/* 第一篇 第二章 第三节 第一部分 第一， 第二： */
	LF_DIGIT,	/* 1. 2、 3． 4) */
	LF_CIRCLED,	/* ① ⑳ */
	LF_POINT,	/* 一是 二要 首先， 其次， 最后， */
	LF_BULLET	/* □ ■ ● ◆ ★ ▲ ※ · */
};

struct lf_features {
	size_t chars;		/* characters */
	size_t han;		/* Han characters */
	size_t alnum;		/* other letters and digits */
	size_t sentence;	/* 。！？ (and . ! ? after a letter) */
	size_t inner_sentence;	/* sentence punctuation before the end */
	size_t clause;		/* ，、；： */
	size_t stops;		/* 。 ； and a Latin full stop */
	size_t colons;		/* ： : */
	size_t seps;		/* navigation separators: > » › | ｜ 丨 / */
	size_t spaces;		/* runs of spaces inside the line */
	size_t open;		/* brackets and quotes opened and not closed */
	size_t unopened;	/* closed without being opened in the line */
	enum lf_marker marker;	/* how the line opens */
	int32_t last;		/* last character ignoring closing quotes */
	int final;		/* ends a sentence: 。！？；：… or . ! ? ; : */
	int only_symbols;	/* no letter, digit or Han at all */
};

/* Fills *f for line[0..n). */
void lf_scan(const char *line, size_t n, struct lf_features *f);
/* f.final without the scan: looks only at the end of the line. */
int lf_ends_sentence(const char *line, size_t n);
/*
 * The marker line[0..n) opens with, and its length in bytes in *len (may
 * be NULL): a bullet, or a heading marker (items too) as
 * sp_heading_match() finds it.
 */
enum lf_marker lf_marker(const char *line, size_t n, size_t *len);
/*
 * Bytes of the full date line[0..n) opens with (2003年5月16日,
 * ２０１２年１２月３日, 二〇〇九年二月六日, after an opening bracket:
 * （1991年4月9日), or 0 when it opens with none.
 */
size_t lf_date_prefix(const char *line, size_t n);
/* Does line[0..n) end with a URL (http://…, https://…, www.…)? */
int lf_ends_with_url(const char *line, size_t n);
/* The first character of s[0..n), n > 0, and its length in *len. */
int32_t lf_first(const char *s, size_t n, size_t *len);
/* The last character of s[0..n), n > 0, and its length in *len. */
int32_t lf_last(const char *s, size_t n, size_t *len);
/* Sentence-final punctuation (。！？；：… and ASCII . ! ? ; :). */
int lf_is_final(int32_t cp);
/* Closing quotes and brackets: ” ’ 」 』 ） ) 》 】 〕 ］ ] > */
int lf_is_closer(int32_t cp);
int lf_is_opener(int32_t cp);

/*
 * Does s[0..n) hold c, the three bytes of a character (年, 。, ，)?  As
 * memmem(s, n, c, 3), by memchr() of its first byte: on a short line
 * memmem() paid more to set up its search than the search cost (2% of
 * sp-clean on dumps of news pages, asking of each line's neighbour
 * whether it held 年 and 日; callgrind).
 */
static inline int
lf_holds(const char *s, size_t n, const char c[3])
{
	const char *p = s, *end = s + n;

	while (end - p >= 3 &&
	    (p = memchr(p, c[0], (size_t)(end - p) - 2)) != NULL) {
		if (p[1] == c[1] && p[2] == c[2])
			return 1;
		p++;
	}
	return 0;
}

#endif
