/* punct.c: punctuation in Chinese text (step 7); see punct.h. */
#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "punct.h"
#include "text.h"
#include "zh.h"

/*
 * One line, decoded: the characters and what each becomes.  Each thread
 * cleaning has its own (see punct_thread_end()).
 */
static _Thread_local int32_t *cps;	/* the characters */
static _Thread_local size_t *off;	/* the byte offset of each */
static _Thread_local int32_t *rep;	/* replacement, 0: keep, -1: drop */
static _Thread_local unsigned char *prot; /* inside a URL or e-mail address */
static _Thread_local size_t cap;

static void
grow(size_t m)
{
	if (m <= cap)
		return;
	cap = m + m / 2 + 64;
	cps = sp_xrealloc(cps, cap * sizeof *cps);
	off = sp_xrealloc(off, cap * sizeof *off);
	rep = sp_xrealloc(rep, cap * sizeof *rep);
	prot = sp_xrealloc(prot, cap);
}

static int
is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

static int
is_latin(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Han text, or the CJK punctuation that stands in it: 。”）》. */
static int
hanlike(int32_t c)
{
	return c > 0x7F && (sp_is_han(c) || sp_is_cjk_punct(c));
}

static int
is_dot(int32_t c)
{
	return c == '.' || c == 0x3002 || c == 0xFF0E;
}

static int
email_char(int32_t c, int domain)
{
	return is_latin(c) || is_digit(c) || c == '.' || c == '-' ||
	    (!domain && (c == '_' || c == '%' || c == '+'));
}

/*
 * Where the URL in the token t[a..b) starts: its scheme (http://) or its
 * www.; punctuation before it (网址:http://…) is prose.
 */
static size_t
url_start(const int32_t *t, size_t a, size_t b)
{
	size_t k, e;

	for (k = a; k < b; k++) {
		if (!is_latin(t[k]) || (k > a && is_latin(t[k - 1])))
			continue;
		for (e = k; e < b && is_latin(t[e]); e++)
			;
		if (e + 2 < b && t[e] == ':' && t[e + 1] == '/' &&
		    t[e + 2] == '/')
			return k;
		if (e - k == 3 && e < b && t[e] == '.' &&
		    (t[k] | 0x20) == 'w' && (t[k + 1] | 0x20) == 'w' &&
		    (t[k + 2] | 0x20) == 'w')
			return k;
	}
	return a;
}

/* Marks URLs and e-mail addresses: their punctuation is not prose. */
static void
mark_protected(size_t m)
{
	size_t i = 0, a, b, k;
	int url, at;

	memset(prot, 0, m);
	while (i < m) {
		if (!(cps[i] > ' ' && cps[i] < 0x7F)) {
			i++;
			continue;
		}
		a = i;
		while (i < m && cps[i] > ' ' && cps[i] < 0x7F)
			i++;
		b = i;
		url = at = 0;
		for (k = a; k < b; k++) {
			if (k + 2 < b && cps[k] == ':' && cps[k + 1] == '/' &&
			    cps[k + 2] == '/')
				url = 1;
			if (k + 3 < b && (cps[k] | 0x20) == 'w' &&
			    (cps[k + 1] | 0x20) == 'w' &&
			    (cps[k + 2] | 0x20) == 'w' && cps[k + 3] == '.')
				url = 1;
			if (cps[k] == '@' && k > a && k + 1 < b &&
			    (is_latin(cps[k - 1]) || is_digit(cps[k - 1])))
				at = 1;
		}
		if (!url && !at)
			continue;
		if (url)
			a = url_start(cps, a, b);
		if (!url) {
			/* Only the address itself: local@domain. */
			for (k = a; cps[k] != '@'; k++)
				;
			for (a = k; a > 0 && email_char(cps[a - 1], 0); a--)
				;
			for (b = k + 1; b < m && email_char(cps[b], 1); b++)
				;
		}
		/* Trailing punctuation belongs to the sentence. */
		while (b > a && strchr(".,:;!?)'\"", (int)cps[b - 1]))
			b--;
		memset(prot + a, 1, b - a);
	}
}

/* The nearest character before i (skipping ASCII spaces), or -1. */
static int32_t
before(size_t i)
{
	while (i > 0 && cps[i - 1] == ' ')
		i--;
	if (i == 0)
		return -1;
	return rep[i - 1] > 0 ? rep[i - 1] : cps[i - 1];
}

static int32_t
after(size_t i, size_t m)
{
	while (i + 1 < m && cps[i + 1] == ' ')
		i++;
	return i + 1 < m ? cps[i + 1] : -1;
}

/* Drops the ASCII spaces around a character made full-width. */
static void
drop_spaces(size_t i, size_t m)
{
	size_t j;

	for (j = i; j > 0 && cps[j - 1] == ' '; j--)
		rep[j - 1] = -1;
	for (j = i + 1; j < m && cps[j] == ' '; j++)
		rep[j] = -1;
}

static int
contains_han(size_t a, size_t b)
{
	for (; a < b; a++)
		if (cps[a] > 0x7F && sp_is_han(cps[a]))
			return 1;
	return 0;
}

static size_t
quotes(size_t m)
{
	size_t i, open = (size_t)-1, changed = 0;

	/* Straight double quotes, paired in order. */
	for (i = 0; i < m; i++) {
		if (cps[i] != '"' || prot[i])
			continue;
		if (open == (size_t)-1) {
			open = i;
			continue;
		}
		if (contains_han(open + 1, i) ||
		    (open > 0 && hanlike(cps[open - 1])) ||
		    (i + 1 < m && hanlike(cps[i + 1]))) {
			rep[open] = 0x201C;
			rep[i] = 0x201D;
			changed += 2;
		}
		open = (size_t)-1;
	}
	/* ‚…‛: low-9 and reversed-9 quotes standing for “…”. */
	open = (size_t)-1;
	for (i = 0; i < m; i++) {
		if (cps[i] == 0x201A)
			open = i;
		else if (cps[i] == 0x201B && open != (size_t)-1) {
			rep[open] = 0x201C;
			rep[i] = 0x201D;
			changed += 2;
			open = (size_t)-1;
		}
	}
	return changed;
}

/*
 * Are the brackets at o and c a call written in code or a formula
 * (main(), len(list), =SUM(A1:A10)): a name right before the opening one,
 * nothing but ASCII inside?  They stay as written, whatever text is
 * around them.
 */
static int
call(size_t o, size_t c)
{
	size_t k;

	if (o == 0 || !(is_latin(cps[o - 1]) || is_digit(cps[o - 1]) ||
	    cps[o - 1] == '_'))
		return 0;
	for (k = o + 1; k < c; k++)
		if (cps[k] > 0x7F)
			return 0;
	return 1;
}

static size_t
parens(size_t m)
{
	size_t stack[32], depth = 0, i, o, changed = 0;
	int32_t p, n;

	for (i = 0; i < m; i++) {
		if ((cps[i] != '(' && cps[i] != ')') || prot[i])
			continue;
		if (cps[i] == '(') {
			if (depth < 32)
				stack[depth++] = i;
			continue;
		}
		p = before(i);
		n = after(i, m);
		if (depth == 0) {	/* unmatched: by its neighbours */
			if (hanlike(p) || hanlike(n)) {
				rep[i] = 0xFF09;
				changed++;
			}
			continue;
		}
		o = stack[--depth];
		if (call(o, i))
			continue;
		if (contains_han(o + 1, i) || hanlike(before(o)) ||
		    hanlike(n)) {
			rep[o] = 0xFF08;
			rep[i] = 0xFF09;
			drop_spaces(o, m);
			drop_spaces(i, m);
			changed += 2;
		}
	}
	while (depth > 0) {
		o = stack[--depth];
		if (hanlike(before(o)) || hanlike(after(o, m))) {
			rep[o] = 0xFF08;
			changed++;
		}
	}
	return changed;
}

static size_t
ellipses(size_t m)
{
	size_t i = 0, a, j, changed = 0;
	int only_dots = 1;

	for (j = 0; j < m; j++)
		if (!is_dot(cps[j]) && cps[j] != ' ' && cps[j] != 0x2026)
			only_dots = 0;
	if (only_dots)
		return 0;	/* a placeholder line */
	while (i < m) {
		if (!is_dot(cps[i]) || prot[i]) {
			i++;
			continue;
		}
		a = i;
		while (i < m && is_dot(cps[i]))
			i++;
		if (i - a < 3 || i - a > 8 || a == 0)
			continue;
		if (!(sp_is_han(cps[a - 1]) || cps[a - 1] == 0x201D ||
		    cps[a - 1] == 0x2019 || cps[a - 1] == 0xFF09))
			continue;
		if (i < m && (is_digit(cps[i]) || is_latin(cps[i])))
			continue;	/* a leader: 目录...5 */
		rep[a] = 0x2026;
		rep[a + 1] = 0x2026;
		for (j = a + 2; j < i; j++)
			rep[j] = -1;
		changed++;
	}
	return changed;
}

/* The longest number an enumerator inside a line has, in digits. */
#define ITEM_DIGITS 2

/*
 * Can c stand before an enumerator inside a line: a clause mark or Han
 * text (三类：1.自然科学；2.社会科学, 两个等级1.牛津剑桥)?
 */
static int
item_opener(int32_t c)
{
	return hanlike(c) || c == ':' || c == ';' || c == ',';
}

/*
 * Do digits (how many) before a dot make an enumerator: opening the line
 * (nothing but spaces before them), or a short one after a clause mark
 * or Han text (before)?  Its dot is no full stop (1.自然科学 is not
 * 1。自然科学); a sentence that ends in a bare number of one or two
 * digits is rarer than a list written in a line, and a dot left as it is
 * loses nothing.  The one rule of both paths below.
 */
static int
enumerator_rule(size_t digits, int opens_line, int32_t before)
{
	return opens_line || (digits > 0 && digits <= ITEM_DIGITS &&
	    item_opener(before));
}

/* The most Chinese numerals a heading's number has: 一百二十. */
#define CN_DIGITS 4

/* enumerator_rule() for the digit run ending before cps[i]. */
static int
enumerator(size_t i)
{
	size_t d = i, k;

	while (d > 0 && is_digit(cps[d - 1]))
		d--;
	/* 一.总体要求, 十二.其他, 第一.: a heading's marker written with a
	 * half-width dot, when it opens the line. */
	if (d == i) {
		while (d > 0 && i - d < CN_DIGITS && sp_cn_value(cps[d - 1]) >= 0)
			d--;
		if (d < i && d > 0 && cps[d - 1] == 0x7B2C)	/* 第 first */
			d--;
	}
	for (k = d; k > 0 && cps[k - 1] == ' '; k--)
		;
	if (d < i && !is_digit(cps[i - 1]))
		return k == 0;
	return enumerator_rule(i - d, k == 0, k > 0 ? cps[k - 1] : -1);
}

/*
 * Is c Chinese text for a mark beside it: Han or CJK punctuation, but
 * the marks Western text shares (“ ” ‘ ’ — … ·) only in a line that holds
 * Han (han): in "The speech: “we will act”" the colon stays.
 */
static int
beside_chinese(int32_t c, int han)
{
	if (!hanlike(c))
		return 0;
	switch (c) {
	case 0xB7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
	case 0x201C: case 0x201D: case 0x2026:
		return han;
	}
	return 1;
}

/*
 * What the ASCII mark c becomes (0: it stays), given the character right
 * before it (pi) and right after it (ni), the nearest ones past spaces (p,
 * n; -1 at the line's ends), whether it follows a line-opening number
 * (enumer), whether the line holds Han text (han) and whether it follows a
 * URL or e-mail address (addr).  The one rule for both paths below.
 */
static int32_t
decide(int32_t c, int32_t pi, int32_t p, int32_t ni, int32_t n, int enumer,
    int han, int addr)
{
	int near = beside_chinese(p, han) || beside_chinese(n, han);
	int end = n < 0 && han && !is_latin(p);	/* ends a Chinese line */

	switch (c) {
	case ',':
	case ':':
		if (is_digit(pi) && is_digit(ni))
			return 0;	/* 1,000 13:50 */
		if (near || end)
			return c == ',' ? 0xFF0C : 0xFF1A;
		if (c == ',' && han && (pi == '%' || pi == 0x2030))
			return 0xFF0C;	/* 增长13.7%,30个 */
		return 0;
	case ';':
		if (han && (pi == '%' || pi == 0x2030))
			return 0xFF1B;
		return near || end ? 0xFF1B : 0;
	case '!':
	case '?':
		if (near || end)
			return c == '!' ? 0xFF01 : 0xFF1F;
		return 0;
	case '.':
		if (is_digit(ni) || is_latin(ni) || ni == '.' || is_dot(pi))
			return 0;	/* 3.28 e.g. ... 。. */
		if (hanlike(pi) && !enumer)
			return 0x3002;
		if ((is_digit(pi) || pi == '%' || addr) &&
		    (hanlike(n) || (n < 0 && han)) && !enumer)
			return 0x3002;	/* 增长1.5%. 见www.a.cn. */
		return 0;
	}
	return 0;
}

static size_t
marks(size_t m)
{
	size_t i, changed = 0;
	int32_t c, pi, to;
	int han = contains_han(0, m);

	for (i = 0; i < m; i++) {
		c = cps[i];
		/* The mark first: most characters are none. */
		if (!(c == ',' || c == '.' || c == '!' || c == '?' ||
		    c == ':' || c == ';') || rep[i] || prot[i])
			continue;
		pi = i > 0 ? (rep[i - 1] > 0 ? rep[i - 1] : cps[i - 1]) : -1;
		to = decide(c, pi, before(i), i + 1 < m ? cps[i + 1] : -1,
		    after(i, m), c == '.' && enumerator(i), han,
		    i > 0 && prot[i - 1]);
		if (to) {
			rep[i] = to;
			drop_spaces(i, m);
			changed++;
		}
	}
	return changed;
}

/* What line s[0..n) holds that may convert: a mask of these. */
enum { H_MARK = 1, H_DOT = 2, H_QUOTE = 4, H_PAREN = 8, H_URL = 16 };

/* The bits of candidate() for the byte s[i]: look[] says it may count. */
static unsigned
candidate_at(const char *s, size_t n, size_t i, unsigned char look)
{
	if (look != 0x80) {
		if (s[i] == '.' && i + 1 < n && s[i + 1] == '.')
			return look | H_DOT;
		return look;
	}
	if ((unsigned char)s[i] == 0xE2) {	/* ‚ ‛ */
		if (i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x9A ||
		    (unsigned char)s[i + 2] == 0x9B))
			return H_QUOTE;
	} else if (i + 5 < n && memcmp(s + i, "\xe3\x80\x82\xe3\x80\x82",
	    6) == 0) {	/* 。。 */
		return H_DOT;
	}
	return 0;
}

static unsigned
candidate(const char *s, size_t n)
{
	static const unsigned char look[256] = {
		[','] = H_MARK, ['!'] = H_MARK, ['?'] = H_MARK,
		[';'] = H_MARK, ['.'] = H_MARK, [':'] = H_MARK | H_URL,
		['@'] = H_URL, ['"'] = H_QUOTE, ['('] = H_PAREN,
		[')'] = H_PAREN, [0xE2] = 0x80, [0xE3] = 0x80,
	};
	unsigned has = 0;
	size_t i = 0;

#ifdef __SSE2__
	/* Only ASCII and 0xE2, 0xE3 bytes can count: the rest is skipped. */
	for (; i + 16 <= n; i += 16) {
		unsigned m = ascii_mask16(s + i, 1), k;

		while (m) {
			k = (unsigned)__builtin_ctz(m);
			m &= m - 1;
			if (look[(unsigned char)s[i + k]])
				has |= candidate_at(s, n, i + k,
				    look[(unsigned char)s[i + k]]);
		}
	}
#endif
	for (; i < n; i++)
		if (look[(unsigned char)s[i]])
			has |= candidate_at(s, n, i, look[(unsigned char)s[i]]);
	return has;
}

/*
 * The address found in the last token looked at: fast_marks() asks about
 * every mark of a token, and a token of a megabyte of "http://a.b/" must
 * not be scanned once for each of its marks.
 */
struct addr {
	const char *s;		/* the line, or NULL: nothing known */
	size_t a, b;		/* the token: a run of printable ASCII */
	size_t lo, hi;		/* the address in it (lo == hi: none) */
};

/*
 * The URL or e-mail address test of mark_protected() for the ASCII mark at
 * s[j], in byte space: the token of printable ASCII around it.
 */
static int
in_address(const char *s, size_t n, size_t j, struct addr *c)
{
	size_t a = j, b = j, k, end;
	int url = 0, at = 0;

	/* The runs are maximal, so j in [a, b] finds the same one. */
	if (c->s == s && j >= c->a && j <= c->b)
		return j >= c->lo && j < c->hi;
	while (a > 0 && s[a - 1] > ' ' && s[a - 1] < 0x7F)
		a--;
	while (b < n && s[b] > ' ' && s[b] < 0x7F)
		b++;
	c->s = s;
	c->a = a;
	c->b = b;
	c->lo = c->hi = 0;
	for (k = a; k < b; k++) {
		if (k + 2 < b && s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/')
			url = 1;
		if (k + 3 < b && (s[k] | 0x20) == 'w' && (s[k + 1] | 0x20) == 'w' &&
		    (s[k + 2] | 0x20) == 'w' && s[k + 3] == '.')
			url = 1;
		if (s[k] == '@' && k > a && k + 1 < b &&
		    (is_latin(s[k - 1]) || is_digit(s[k - 1])))
			at = 1;
	}
	if (!url && !at)
		return 0;
	if (url) {
		int32_t t[256];
		size_t m = b - a < 256 ? b - a : 256;

		for (k = 0; k < m; k++)
			t[k] = (unsigned char)s[a + k];
		a += url_start(t, 0, m);
	}
	if (!url) {
		for (k = a; s[k] != '@'; k++)
			;
		for (a = k; a > 0 && email_char(s[a - 1], 0); a--)
			;
		for (b = k + 1; b < n && email_char(s[b], 1); b++)
			;
	}
	end = b;
	while (end > a && strchr(".,:;!?)'\"", s[end - 1]))
		end--;
	c->lo = a;
	c->hi = end;
	return j >= a && j < end;
}

/* The character before byte i, skipping ASCII spaces when skip; or -1. */
static int32_t
char_before(const char *s, size_t i, size_t from, int skip, size_t conv_end,
    int32_t conv)
{
	size_t k;

	while (skip && i > from && s[i - 1] == ' ')
		i--;
	if (i <= from)
		return -1;
	if (i == conv_end)
		return conv;
	return cp_before(s, i, &k);
}

static int32_t
char_after(const char *s, size_t n, size_t i, int skip)
{
	size_t k;

	while (skip && i < n && s[i] == ' ')
		i++;
	return i < n ? cp_at(s, n, i, &k) : -1;
}

/*
 * Do the Chinese numerals ending at s[j) open the line, spaces alone
 * before them (一.总体要求)?  enumerator() in byte space.
 */
static int
cn_enumerator_at(const char *s, size_t j)
{
	size_t d = j, m, count = 0;

	while (d > 0 && count < CN_DIGITS &&
	    sp_cn_value(cp_before(s, d, &m)) >= 0) {
		d -= m;
		count++;
	}
	if (count == 0)
		return 0;
	if (d > 0 && cp_before(s, d, &m) == 0x7B2C)	/* 第 first */
		d -= m;
	while (d > 0 && s[d - 1] == ' ')
		d--;
	return d == 0;
}

/* enumerator_rule() for the digits ending at s[j), in byte space. */
static int
enumerator_at(const char *s, size_t j)
{
	size_t d = j, k, m;

	while (d > 0 && is_digit(s[d - 1]))
		d--;
	for (k = d; k > 0 && s[k - 1] == ' '; k--)
		;
	return enumerator_rule(j - d, k == 0, k > 0 ? cp_before(s, k, &m) :
	    -1);
}

/*
 * marks() for a line that holds no quotes, brackets or dot runs: the same
 * rules, applied in byte space around each ASCII mark, with no decoding
 * of the rest of the line.
 */
static size_t
fast_marks(const char *s, size_t n, struct sp_buf *out)
{
	static const unsigned char marks_set[128] = {
		[','] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [':'] = 1,
		[';'] = 1,
	};
	size_t j, start = 0, changed = 0, conv_end = (size_t)-1, a, b;
	int32_t c, p, pi, nx, ni, to, conv = 0;
	int han = 0;
	struct addr addr = { NULL, 0, 0, 0, 0 };

	/* Han text: the lead bytes of U+4E00..U+9FFF. */
	for (j = 0; j < n && !han; j++)
		han = (unsigned char)s[j] >= 0xE4 && (unsigned char)s[j] <= 0xE9;

	for (j = 0; (j = next_ascii_in(s, j, n, marks_set)) < n; j++) {
		c = (unsigned char)s[j];
		pi = char_before(s, j, 0, 0, conv_end, conv);
		p = char_before(s, j, 0, 1, conv_end, conv);
		ni = char_after(s, n, j + 1, 0);
		nx = char_after(s, n, j + 1, 1);
		to = decide(c, pi, p, ni, nx, c == '.' && j > 0 &&
		    (is_digit(s[j - 1]) ? enumerator_at(s, j) :
		    cn_enumerator_at(s, j)), han, j > 0 &&
		    in_address(s, n, j - 1, &addr));
		if (to && in_address(s, n, j, &addr))
			to = 0;
		if (!to)
			continue;
		for (a = j; a > start && s[a - 1] == ' '; a--)
			;
		for (b = j + 1; b < n && s[b] == ' '; b++)
			;
		put(out, s + start, a - start);
		putcp(out, to);
		start = b;
		conv_end = j + 1;
		conv = to;
		changed++;
		j = b - 1;
	}
	put(out, s + start, n - start);
	return changed;
}

static size_t
line(const char *s, size_t n, struct sp_buf *out)
{
	size_t m = 0, i, k, changed;
	unsigned has;

	if ((has = candidate(s, n)) == 0) {
		put(out, s, n);
		return 0;
	}
	if ((has & ~(unsigned)(H_MARK | H_URL)) == 0)
		return fast_marks(s, n, out);
	grow(n + 1);
	for (i = 0; i < n; i += k) {
		off[m] = i;
		cps[m++] = cp_at(s, n, i, &k);
	}
	off[m] = n;
	memset(rep, 0, m * sizeof *rep);
	if (has & H_URL)
		mark_protected(m);
	else
		memset(prot, 0, m);
	changed = has & H_DOT ? ellipses(m) : 0;
	if (has & H_QUOTE)
		changed += quotes(m);
	if (has & H_PAREN)
		changed += parens(m);
	if (has & H_MARK)
		changed += marks(m);
	if (changed == 0) {
		put(out, s, n);
		return 0;
	}
	/* Unchanged characters are copied as byte runs. */
	for (i = 0, k = 0; i < m; i++) {
		if (rep[i] == 0)
			continue;
		put(out, s + off[k], off[i] - off[k]);
		if (rep[i] > 0)
			putcp(out, rep[i]);
		k = i + 1;
	}
	put(out, s + off[k], n - off[k]);
	return changed;
}

void
punct_clean(const char *s, size_t n, struct sp_buf *out, size_t *changed)
{
	const char *nl;
	size_t len;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		*changed += line(s, len, out);
		if (nl == NULL)
			break;
		putch(out, '\n');
		s += len + 1;
		n -= len + 1;
	}
}

void
punct_thread_end(void)
{
	free(cps);
	free(off);
	free(rep);
	free(prot);
	cps = rep = NULL;
	off = NULL;
	prot = NULL;
	cap = 0;
}
