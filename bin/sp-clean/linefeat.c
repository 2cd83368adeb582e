/* linefeat.c: features of one line; see linefeat.h. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cjk.h"
#include "heading.h"
#include "linefeat.h"
#include "utf8.h"
#include "zh.h"

int32_t
lf_first(const char *s, size_t n, size_t *len)
{
	int32_t cp;
	size_t k;

	/* The inline decoder: the layout reads lines a character at a
	 * time through this. */
	k = sp_utf8_next((const unsigned char *)s, n, &cp);
	if (len)
		*len = k;
	return cp;
}

int32_t
lf_last(const char *s, size_t n, size_t *len)
{
	size_t i;
	int32_t cp;

	/* Back up over at most three continuation bytes to a lead byte. */
	i = n - 1;
	while (i > 0 && n - i < 4 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	if (sp_utf8_next((const unsigned char *)s + i, n - i, &cp) != n - i) {
		/* Invalid tail: treat the last byte as one character. */
		i = n - 1;
		cp = SP_REPLACEMENT;
	}
	if (len)
		*len = n - i;
	return cp;
}

int
lf_is_final(int32_t cp)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A:
	case 0x2026: case 0xFF0E: case 0x203C: case 0x2047: case 0x2049:
	case '.': case '!': case '?': case ';': case ':':
		return 1;
	}
	return 0;
}

int
lf_is_closer(int32_t cp)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0xFF09:
	case ')': case 0x300B: case 0x3011: case 0x3015: case 0xFF3D:
	case ']': case 0x3009: case '"': case '\'':
		return 1;
	}
	return 0;
}

int
lf_is_opener(int32_t cp)
{
	switch (cp) {
	case 0x201C: case 0x2018: case 0x300C: case 0x300E: case 0xFF08:
	case '(': case 0x300A: case 0x3010: case 0x3014: case 0xFF3B:
	case '[': case 0x3008:
		return 1;
	}
	return 0;
}

/* Index of a bracket pair, for counting what is left open; -1 if none. */
static int
pair_of(int32_t cp, int *closing)
{
	*closing = 0;
	switch (cp) {
	case 0x201D: *closing = 1; /* FALLTHROUGH */
	case 0x201C: return 0;
	case 0x2019: *closing = 1; /* FALLTHROUGH */
	case 0x2018: return 1;
	case 0x300D: *closing = 1; /* FALLTHROUGH */
	case 0x300C: return 2;
	case 0x300F: *closing = 1; /* FALLTHROUGH */
	case 0x300E: return 3;
	case 0xFF09: *closing = 1; /* FALLTHROUGH */
	case 0xFF08: return 4;
	case ')': *closing = 1; /* FALLTHROUGH */
	case '(': return 5;
	case 0x300B: *closing = 1; /* FALLTHROUGH */
	case 0x300A: return 6;
	case 0x3011: *closing = 1; /* FALLTHROUGH */
	case 0x3010: return 7;
	case 0x3015: *closing = 1; /* FALLTHROUGH */
	case 0x3014: return 8;
	case 0xFF3D: *closing = 1; /* FALLTHROUGH */
	case 0xFF3B: return 9;
	case ']': *closing = 1; /* FALLTHROUGH */
	case '[': return 10;
	case 0x3009: *closing = 1; /* FALLTHROUGH */
	case 0x3008: return 11;
	}
	return -1;
}

static int
is_sep(int32_t cp)
{
	return cp == '>' || cp == 0xBB || cp == 0x203A || cp == '|' ||
	    cp == 0xFF5C || cp == 0x4E28 || cp == 0xFF1E || cp == 0x2192;
}


/* The character after position i, or 0 at the end. */
static int32_t
peek(const unsigned char *s, size_t n, size_t i)
{
	int32_t cp;

	if (i >= n)
		return 0;
	(void)sp_utf8_next(s + i, n - i, &cp);
	return cp;
}

/* How the line ends: its last telling character, closers skipped. */
static int32_t
ending(const char *line, size_t n)
{
	int32_t cp, before;
	size_t k;

	while (n > 0) {
		cp = lf_last(line, n, &k);
		if (sp_is_blank(cp)) {
			n -= k;
			continue;
		}
		if (n > k)
			before = lf_last(line, n - k, NULL);
		else
			before = 0;
		/* "…放開她！”-": a stray dash after the end. */
		if (cp == '-' && (lf_is_final(before) || lf_is_closer(before))) {
			n -= k;
			continue;
		}
		if (lf_is_closer(cp) && (lf_is_final(before) ||
		    lf_is_closer(before))) {
			n -= k;
			continue;
		}
		return cp;
	}
	return 0;
}

int
lf_ends_sentence(const char *line, size_t n)
{
	return lf_is_final(ending(line, n));
}

void
lf_scan(const char *line, size_t n, struct lf_features *f)
{
	const unsigned char *s = (const unsigned char *)line;
	int opens[12] = { 0 };
	int32_t cp, prev = 0, next;
	size_t i = 0, k;
	int closing, p, j, in_space = 0;

	memset(f, 0, sizeof *f);
	f->marker = lf_marker(line, n, NULL);
	for (; i < n; prev = cp, i += k) {
		k = sp_utf8_next(s + i, n - i, &cp);
		f->chars++;
		/* The common cases first: Han, ASCII letters and digits. */
		if (cp >= 0x4E00 && cp <= 0x9FFF) {
			f->han++;
			in_space = 0;
			continue;
		}
		if (cp < 0x80 && (((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
		    (cp >= '0' && cp <= '9'))) {
			f->alnum++;
			in_space = 0;
			continue;
		}
		if (sp_is_blank(cp)) {
			if (!in_space && i > 0)
				f->spaces++;
			in_space = 1;
			continue;
		}
		in_space = 0;
		switch (cp) {
		case 0x3002:	/* 。 */
			f->stops++;
			/* FALLTHROUGH */
		case 0xFF01: case 0xFF1F:	/* ！？ */
			f->sentence++;
			if (i + k < n)
				f->inner_sentence++;
			continue;
		case '!': case '?':
			if (prev != 0) {
				f->sentence++;
				if (i + k < n)
					f->inner_sentence++;
			}
			continue;
		case '.':
			next = peek(s, n, i + k);
			if (prev < 0x80 && (prev | 0x20) >= 'a' &&
			    (prev | 0x20) <= 'z' &&
			    (next == 0 || next == ' ')) {
				f->sentence++;
				f->stops++;
				if (i + k < n)
					f->inner_sentence++;
			}
			continue;
		case 0xFF1B: case ';':	/* ； */
			f->stops++;
			f->clause++;
			continue;
		case 0xFF1A:	/* ： */
			f->colons++;
			/* FALLTHROUGH */
		case 0xFF0C: case 0x3001:	/* ，、 */
			f->clause++;
			continue;
		case ',':
			next = peek(s, n, i + k);
			if (!(next >= '0' && next <= '9'))
				f->clause++;
			continue;
		case '/':
			next = peek(s, n, i + k);
			if (prev == ' ' || next == ' ')
				f->seps++;
			continue;
		}
		if (is_sep(cp)) {
			if (prev != cp)
				f->seps++;
			continue;
		}
		if ((p = pair_of(cp, &closing)) >= 0) {
			if (!closing)
				opens[p]++;
			else if (opens[p] > 0)
				opens[p]--;
			else
				f->unopened++;
			continue;
		}
		if (sp_is_han(cp))
			f->han++;
		else if (cp >= 0x80 && sp_is_alnum(cp))
			f->alnum++;
	}
	for (j = 0; j < 12; j++)
		f->open += (size_t)opens[j];
	f->only_symbols = f->han == 0 && f->alnum == 0;
	f->last = ending(line, n);
	f->final = lf_is_final(f->last);
}

/* How the kinds of the heading recognizer read as line openings. */
static enum lf_marker
marker_of(enum sp_heading_kind k)
{
	switch (k) {
	case SP_HK_CN_DUN:
		return LF_NUMERAL;
	case SP_HK_CN_PAREN: case SP_HK_NUM_PAREN:
		return LF_PAREN;
	case SP_HK_PIAN: case SP_HK_BUFEN: case SP_HK_BIAN: case SP_HK_FENBIAN:
	case SP_HK_ZHANG: case SP_HK_JIE: case SP_HK_TIAO:
	case SP_HK_PIAN_TAIL: case SP_HK_DI:
		return LF_ORDINAL;
	case SP_HK_NUM_DOT: case SP_HK_NUM_RPAREN:
		return LF_DIGIT;
	case SP_HK_CIRCLED:
		return LF_CIRCLED;
	case SP_HK_SEQ: case SP_HK_SHI: case SP_HK_YAO:
		return LF_POINT;
	default:
		return LF_NONE;
	}
}

/*
 * The markers are those of sp-outline: the shared recognizer decides,
 * so a line that opens a heading there opens one here, and a line that
 * only starts with a number (1、2月份累计增长…) does not.
 */
enum lf_marker
lf_marker(const char *line, size_t n, size_t *len)
{
	struct sp_heading h;
	size_t b;

	if (len)
		*len = 0;
	if (n == 0)
		return LF_NONE;
	if ((b = sp_heading_bullet(line, n)) > 0) {
		if (len)
			*len = b;
		return LF_BULLET;
	}
	if (!sp_heading_match(line, n, SP_HEADING_ITEMS, &h))
		return LF_NONE;
	if (len)
		*len = h.marker_off + h.marker_len;
	return marker_of(h.kind);
}

/* Bytes of the number and then the character unit at s[0..n), or 0. */
static size_t
number_then(const char *s, size_t n, int32_t unit)
{
	size_t used, k;

	if (sp_any_number(s, n, &used) < 0 || used >= n)
		return 0;
	if (lf_first(s + used, n - used, &k) != unit)
		return 0;
	return used + k;
}

size_t
lf_date_prefix(const char *line, size_t n)
{
	size_t i = 0, k, y, m, d;
	int32_t first;

	if (n == 0)
		return 0;
	first = lf_first(line, n, &k);
	if (first == 0xFF08 || first == '(')
		i = k;
	if ((y = number_then(line + i, n - i, 0x5E74)) == 0 ||	/* 年 */
	    (m = number_then(line + i + y, n - i - y, 0x6708)) == 0 ||	/* 月 */
	    (d = number_then(line + i + y + m, n - i - y - m, 0x65E5)) == 0)
		return 0;	/* 日 */
	return i + y + m + d;
}

int
lf_ends_with_url(const char *line, size_t n)
{
	size_t i = n;

	/* The URL is the run of printable ASCII at the end. */
	while (i > 0 && line[i - 1] > ' ' && line[i - 1] < 0x7F)
		i--;
	line += i;
	n -= i;
	return n > 4 && (memmem(line, n, "://", 3) != NULL ||
	    memcmp(line, "www.", 4) == 0);
}
