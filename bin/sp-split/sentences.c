/*
 * sentences.c: sentence ends in one line of Chinese (or mixed) text.
 *
 * One pass over the bytes.  Most bytes are Han ideographs, whose UTF-8
 * lead bytes are E4..E9, and cannot end a sentence; a table of the bytes
 * that may start something interesting lets the loop step over the rest
 * without decoding.
 *
 * Quotes, brackets and titles are spans: at an opener the closer is looked
 * for ahead on the same line, within a limit, and if found nothing inside
 * ends a sentence; quotes and brackets may end one at their close.  An
 * opener with no closer in reach is an ordinary character, so scraped text
 * with a lost closer is still split.  Failed searches are remembered per
 * span type, which keeps a line full of openers linear.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cjk.h"
#include "embed.h"
#include "sentences.h"
#include "utf8.h"
#include "zh.h"

SP_DATA(abbreviations);

enum span_kind { QUOTE, BRACKET, TITLE };

/*
 * A span's strings with their lengths, counted by the compiler: the
 * closers are looked for at every opener, and HTML is full of '"'.  ""
 * is no second closer.
 */
#define STR(x) { x, sizeof x - 1 }

static const struct span {
	struct { const char *s; size_t len; } open, close[2];
	size_t limit;		/* bytes searched for the closer */
	enum span_kind kind;
} spans[] = {
	/* “ may close on a straight quote: “…" is common in scraped text. */
	{ STR("\xE2\x80\x9C"), { STR("\xE2\x80\x9D"), STR("\"") },
	    2048, QUOTE },				/* “” */
	{ STR("\xE2\x80\x98"), { STR("\xE2\x80\x99"), STR("") },
	    600, QUOTE },				/* ‘’ */
	{ STR("\xE2\x80\x9A"), { STR("\xE2\x80\x9B"), STR("") },
	    2048, QUOTE },				/* ‚‛ */
	{ STR("\xE3\x80\x8C"), { STR("\xE3\x80\x8D"), STR("") },
	    2048, QUOTE },				/* 「」 */
	{ STR("\xE3\x80\x8E"), { STR("\xE3\x80\x8F"), STR("") },
	    2048, QUOTE },				/* 『』 */
	{ STR("\""), { STR("\""), STR("") }, 1000, QUOTE },
	{ STR("\xEF\xBC\x88"), { STR("\xEF\xBC\x89"), STR(")") },
	    600, BRACKET },				/* （） */
	{ STR("("), { STR(")"), STR("\xEF\xBC\x89") }, 600, BRACKET },
	{ STR("\xE3\x80\x90"), { STR("\xE3\x80\x91"), STR("") },
	    300, BRACKET },				/* 【】 */
	{ STR("["), { STR("]"), STR("\xEF\xBC\xBD") }, 300, BRACKET },
	{ STR("\xEF\xBC\xBB"), { STR("\xEF\xBC\xBD"), STR("]") },
	    300, BRACKET },				/* ［］ */
	{ STR("\xE3\x80\x94"), { STR("\xE3\x80\x95"), STR("") },
	    300, BRACKET },				/* 〔〕 */
	{ STR("\xE3\x80\x8A"), { STR("\xE3\x80\x8B"), STR("") },
	    300, TITLE },				/* 《》 */
	{ STR("\xE3\x80\x88"), { STR("\xE3\x80\x89"), STR("") },
	    300, TITLE },				/* 〈〉 */
	/*
	 * ” that opens a quote, on a line where no “ or „ came before it:
	 * text that turns every double quote one way (他说”明天见”).
	 * Its closer is the next ”, unless a “ or „ comes first.
	 */
	{ STR("\xE2\x80\x9D"), { STR("\xE2\x80\x9D"), STR("") },
	    2048, QUOTE },				/* ”” */
};
#define NSPANS (sizeof spans / sizeof spans[0])
#define DQUOTE_SPAN 5
#define TURNED_SPAN 14
#define RDQUOTE 0x201D
#define LOW_DQUOTE 0x201E	/* „ opens what ” closes in Polish */

/* Bytes that may begin a character the splitter looks at. */
#define INTERESTING(X) X('.') X('!') X('?') X(';') X('"') X('(') X('[') \
	X(':') X(' ') X('\t') X(0xE2) X(0xE3) X(0xEF)
#define TABLE_ENTRY(b) [(unsigned char)(b)] = 1,
static const unsigned char interesting[256] = { INTERESTING(TABLE_ENTRY) };

/*
 * Is s[i] a space or tab with no blank after it?  Such a blank is not
 * the three-wide run that ends a glued paragraph (glue_run), and does
 * nothing else: the search steps over it, as it does over the words
 * that lone spaces separate in English and HTML.  A blank starts with
 * space, tab, CR or a lead byte C2 E1 E2 E3 EF.
 */
static int
lone_blank(const unsigned char *s, size_t n, size_t i)
{
	unsigned char b;

	if ((s[i] != ' ' && s[i] != '\t') || i + 1 >= n)
		return 0;
	b = s[i + 1];
	return b < 0x80 ? b != ' ' && b != '\t' && b != '\r' :
	    b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 && b != 0xEF;
}

enum term { T_NO, T_HARD, T_SOFT, T_DOT, T_ELLIPSIS };

static enum term term_class(int32_t cp, int semicolon);
static int span_of(int32_t cp);

/*
 * Does the character at s[j], whose first byte is interesting, make
 * sent_next() do anything: a blank that is not lone, an end mark, an
 * opener (” and „ too: see TURNED_SPAN), or any ASCII mark?  Most of the E3 and EF characters of Chinese
 * text do nothing (，、》」 close no sentence and open no span), and
 * leaving them out here, three bytes read and no decoding, keeps the
 * search in its loop.  A sequence that is not whole (cut by the line's
 * end, or invalid) is looked at, as before.
 */
#ifdef __SSE2__
#define EQ(x, b) _mm_cmpeq_epi8((x), _mm_set1_epi8((char)(b)))
/*
 * The interesting bytes among the 16 at s, a bit each: the bytes of
 * INTERESTING, compared in pairs that differ in the low bit alone (E2 E3,
 * space !, : ;) where the pair is in it.  No branch on the block's kind:
 * skipping the ASCII compares for blocks of Chinese alone cost more in
 * mispredictions than it saved on text that mixes them (pinyin).
 */
static unsigned
interesting_mask(const unsigned char *s)
{
	__m128i v = _mm_loadu_si128((const __m128i *)s), w, hit;

	w = _mm_and_si128(v, _mm_set1_epi8((char)0xFE));
	hit = _mm_or_si128(EQ(w, 0xE2), EQ(v, 0xEF));
	hit = _mm_or_si128(hit, _mm_or_si128(EQ(w, ' '), EQ(v, '"')));
	hit = _mm_or_si128(hit, _mm_or_si128(EQ(v, '('), EQ(v, '.')));
	hit = _mm_or_si128(hit, _mm_or_si128(EQ(w, ':'), EQ(v, '?')));
	hit = _mm_or_si128(hit, _mm_or_si128(EQ(v, '['), EQ(v, '\t')));
	return (unsigned)_mm_movemask_epi8(hit);
}
#undef EQ
#endif

static int
worth_a_look(const unsigned char *s, size_t n, size_t j)
{
	int32_t cp;

	if (s[j] < 0x80)
		return !lone_blank(s, n, j);
	if (j + 2 >= n || (s[j + 1] & 0xC0) != 0x80 ||
	    (s[j + 2] & 0xC0) != 0x80)
		return 1;
	cp = (int32_t)(s[j] & 0x0F) << 12 | (int32_t)(s[j + 1] & 0x3F) << 6 |
	    (s[j + 2] & 0x3F);
	return sp_is_blank(cp) || term_class(cp, 1) != T_NO ||
	    span_of(cp) >= 0 || cp == RDQUOTE || cp == LOW_DQUOTE;
}

/*
 * The next interesting byte at or after s[i], lone blanks and characters
 * that do nothing left out, or n.  Han ideographs (E4 to E9 leads) and
 * Latin letters are most of a line: sixteen bytes are compared at a time
 * where SSE2 is there (every x86-64).
 */
static size_t
next_interesting(const unsigned char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	unsigned mask;
	size_t j, last;

	while (i + 16 <= n) {
		for (mask = interesting_mask(s + i); mask; mask &= mask - 1) {
			j = i + (size_t)__builtin_ctz(mask);
			if (worth_a_look(s, n, j))
				return j;
		}
		i += 16;
	}
	/* The rest of a line of 16 bytes or more: its last 16, those
	 * already searched masked off (lines of HTML and of naive dumps are
	 * short, and their rest is much of them). */
	if (i < n && n >= 16) {
		last = n - 16;
		mask = interesting_mask(s + last) >> (i - last) << (i - last);
		for (; mask; mask &= mask - 1) {
			j = last + (size_t)__builtin_ctz(mask);
			if (worth_a_look(s, n, j))
				return j;
		}
		return n;
	}
#endif
	while (i < n && (!interesting[s[i]] || !worth_a_look(s, n, i)))
		i++;
	return i;
}

static enum term
term_class(int32_t cp, int semicolon)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF61:	/* 。！？｡ */
		return T_HARD;
	case 0xFF1B:						/* ； */
		return semicolon ? T_HARD : T_NO;
	case '!': case '?':
		return T_SOFT;
	case ';':
		return semicolon ? T_SOFT : T_NO;
	case '.': case 0xFF0E:					/* ． */
		return T_DOT;
	case 0x2026: case 0x22EF:				/* …⋯ */
		return T_ELLIPSIS;
	}
	return T_NO;
}

static int
is_closer(int32_t cp)
{
	switch (cp) {
	case 0x201D: case 0x2019: case 0x201B:		/* ”’‛ */
	case 0x300D: case 0x300F: case 0x300B: case 0x3009: /* 」』》〉 */
	case 0xFF09: case 0x3011: case 0xFF3D: case 0x3015: /* ）】］〕 */
	case ')': case ']':
		return 1;
	}
	return 0;
}

/* Is cp a decimal digit, ASCII or full-width? */
static int
is_digit_cp(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/*
 * Are the characters before the dot at s[i] the number of a list item
 * within a sentence: one to three digits after a clause mark of Chinese
 * (：；，、) or （, the sentence's start at or before it?
 * 主要有三点：1.加强领导；2.落实责任。
 */
static int
inline_enumerator(const unsigned char *s, size_t start, size_t i)
{
	size_t k = i, len, digits = 0;
	int32_t cp;

	while (k > start && digits <= 3) {
		size_t b = sp_cp_before((const char *)s, k);

		if (!is_digit_cp(sp_cp_get(s, k, b, &len)))
			break;
		digits++;
		k = b;
	}
	if (digits == 0 || digits > 3 || k <= start)
		return 0;
	cp = sp_cp_get(s, k, sp_cp_before((const char *)s, k), &len);
	/* The marks of Chinese only: 1,500. and 10:30. end English. */
	return cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF0C || cp == 0x3001 ||
	    cp == 0xFF08;
}

/*
 * Is s[0..i) blank space and an enumerator like 1, 1.2, a, 一, (3)?  s is
 * where the sentence starts: the start of the line or after an end.
 */
static int
line_enumerator(const unsigned char *s, size_t i)
{
	size_t p = 0, len, k = 0;
	int32_t cp;
	int digits = 0, letters = 0, han = 0, roman = 1;

	while (p < i && sp_is_blank(sp_cp_get(s, i, p, &len)))
		p += len;
	while (p < i) {
		cp = sp_cp_get(s, i, p, &len);
		if (is_digit_cp(cp))
			digits++;
		else if (cp == '.' && digits > 0 && p + 1 < i)
			;			/* 1.2. */
		else if (cp < 0x80 && isalpha(cp)) {
			letters++;
			roman &= strchr("ivxlcdmIVXLCDM", (int)cp) != NULL;
		}
		else if (sp_is_cn_numeral(cp))
			han++;
		else if (cp == '(' || cp == 0xFF08 || cp == ')' || cp == 0xFF09)
			;
		else
			return 0;
		p += len;
		if (++k > 8)
			return 0;	/* not read to the end: 1.1.1.… */
	}
	if (k == 0)
		return 0;
	if (digits > 0)
		return letters == 0 && han == 0 && digits <= 6;
	/* a. b. iv. viii.: one letter or a Roman number, not a word (Yes. OK.) */
	if (letters > 0)
		return han == 0 && (letters == 1 || (roman && letters <= 4));
	return han > 0 && han <= 4;
}

/*
 * Could w[0..len) be a line of the list of abbreviations: no longer than
 * its longest entry, and starting with a letter one starts with?  Most
 * words before a dot (of English, of the code and addresses in HTML) are
 * not, and are told so without a search of the list.  The entries' shape
 * is read from the list once.
 */
static int
listed_shape(const unsigned char *w, size_t len)
{
	static int read;
	static size_t longest;
	static uint64_t firsts;		/* bit c - 'A' for a first letter c */
	static int other_firsts;	/* an entry starts with another byte */
	const unsigned char *d = sp_data_abbreviations, *end, *nl;
	size_t l;

	if (!read) {
		end = d + sp_data_abbreviations_len;
		for (; d < end; d = nl + 1) {
			if ((nl = memchr(d, '\n', (size_t)(end - d))) == NULL)
				nl = end;
			l = (size_t)(nl - d);
			if (l == 0 || d[0] == '#')
				continue;
			if (l > longest)
				longest = l;
			if (d[0] >= 'A' && d[0] <= 'z')
				firsts |= (uint64_t)1 << (d[0] - 'A');
			else
				other_firsts = 1;
		}
		read = 1;
	}
	if (len > longest)
		return 0;
	return other_firsts || (w[0] >= 'A' && w[0] <= 'z' &&
	    (firsts >> (w[0] - 'A') & 1));
}

/* The longest word with its dots that is looked up as an abbreviation. */
#define ABBREVIATION_REACH 32

/* Is the word before a '.' at s[i] an abbreviation: U.S.A. e.g. Mr. J. */
static int
abbreviation(const unsigned char *s, size_t i)
{
	size_t w = i, seg, len, k;
	const char *d, *end, *p;

	/* Not further back than an abbreviation reaches (a.b.a.b.… is no
	 * sentence's end at every dot, each read to its start). */
	while (w > 0 && i - w < ABBREVIATION_REACH &&
	    (isalpha(s[w - 1]) || s[w - 1] == '.'))
		w--;
	if (w > 0 && (isalpha(s[w - 1]) || s[w - 1] == '.'))
		return 0;
	while (w < i && s[w] == '.')
		w++;
	if (w == i)
		return 0;
	if (w > 0 && isdigit(s[w - 1]))
		return 0;
	len = i - w;
	if (memchr(s + w, '.', len) != NULL) {
		/* Dotted letter groups: every piece one or two letters. */
		for (seg = 0, k = w; k < i; k++) {
			if (s[k] == '.') {
				if (seg == 0 || seg > 2)
					return 0;
				seg = 0;
			} else
				seg++;
		}
		return seg > 0 && seg <= 2;
	}
	if (len == 1)
		return 1;
	if (!listed_shape(s + w, len))
		return 0;
	/*
	 * A line of the list that is the word (letters: never a '#'
	 * comment): one search for the word, not a compare a line.
	 */
	d = (const char *)sp_data_abbreviations;
	end = d + sp_data_abbreviations_len;
	while ((p = memmem(d, (size_t)(end - d), s + w, len)) != NULL) {
		if ((p == (const char *)sp_data_abbreviations ||
		    p[-1] == '\n') && (p + len == end || p[len] == '\n'))
			return 1;
		d = p + 1;
	}
	return 0;
}

/* The end of a URL starting before s[i], trailing punctuation excluded. */
static size_t
url_end(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && s[i] > 0x20 && s[i] < 0x7F &&
	    strchr("<>\"'()", s[i]) == NULL)
		i++;
	while (strchr(".,;:!?", s[i - 1]) != NULL)
		i--;
	return i;
}

static int
url_at(const unsigned char *s, size_t n, size_t i)
{
	if (s[i] == ':')
		return i > 0 && isalpha(s[i - 1]) && i + 2 < n &&
		    s[i + 1] == '/' && s[i + 2] == '/';
	/* '.' after a "www" that starts a word. */
	return i >= 3 && strncasecmp((const char *)s + i - 3, "www", 3) == 0 &&
	    (i == 3 || !isalnum(s[i - 4])) && i + 1 < n && isalnum(s[i + 1]);
}

/*
 * Is s[0..n), inside brackets, a note of the audience's response as
 * transcripts of speeches have them: 掌声, 热烈掌声, 笑声, 鼓掌...
 */
static int
audience_note(const unsigned char *s, size_t n)
{
	static const char *const words[] = { "掌声", "笑声", "鼓掌", "欢呼",
	    NULL };
	size_t k;

	if (n == 0 || n > 8 * 3)
		return 0;
	/* The words are Han: brackets of ASCII (code, English) hold none. */
	for (k = 0; k < n && s[k] < 0x80; k++)
		;
	if (k == n)
		return 0;
	for (k = 0; words[k]; k++)
		if (memmem(s, n, words[k], strlen(words[k])) != NULL)
			return 1;
	return 0;
}

/* Which span does the character cp open, or -1. */
static int
span_of(int32_t cp)
{
	switch (cp) {
	case 0x201C: return 0;
	case 0x2018: return 1;
	case 0x201A: return 2;
	case 0x300C: return 3;
	case 0x300E: return 4;
	case '"': return 5;
	case 0xFF08: return 6;
	case '(': return 7;
	case 0x3010: return 8;
	case '[': return 9;
	case 0xFF3B: return 10;
	case 0x3014: return 11;
	case 0x300A: return 12;
	case 0x3008: return 13;
	}
	return -1;
}

/*
 * The first needle[0..nl) in h[0..hn), or NULL: memmem() for closers of
 * one to three bytes, most found a few bytes on (會(huì)), where the
 * setup of memmem()'s general search costs more than the search.
 */
static const unsigned char *
find_short(const unsigned char *h, size_t hn, const char *needle, size_t nl)
{
	const unsigned char *p = h, *end = h + hn;

	/* '"' ')' ']': the first byte is the closer (HTML's attributes). */
	if (nl == 1)
		return memchr(h, needle[0], hn);
	while ((size_t)(end - p) >= nl && (p = memchr(p, needle[0],
	    (size_t)(end - p) - nl + 1)) != NULL) {
		if (memcmp(p, needle, nl) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* The first “ or „ in s[i..n), or n. */
static size_t
dquote_opener(const unsigned char *s, size_t i, size_t n)
{
	const unsigned char *p;

	while (i + 3 <= n && (p = memchr(s + i, 0xE2, n - i - 2)) != NULL) {
		i = (size_t)(p - s);
		if (p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9E))
			return i;
		i++;
	}
	return n;
}

/*
 * Has a “ or „ come before s[k] on the line, inside brackets or titles
 * too?  The line is searched once, up to the furthest ” asked about.
 */
static int
curly_before(struct sentences *it, size_t k)
{
	if (!it->curly && it->no_curly < k) {
		if (dquote_opener(it->s, it->no_curly, k) < k)
			it->curly = 1;
		else
			it->no_curly = k;
	}
	return it->curly;
}

/* Finds the closer of span t opened at s[i]; returns its index or n. */
static size_t
find_close(struct sentences *it, int t, size_t i, size_t *clen)
{
	const struct span *sp = &spans[t];
	size_t from = i + sp->open.len, lim, best = it->n, k;

	if ((it->noclose_set >> t & 1) && from < it->noclose[t])
		from = it->noclose[t];
	lim = i + sp->limit < it->n ? i + sp->limit : it->n;
	if (from >= lim)
		return it->n;
	for (k = 0; k < 2 && sp->close[k].len; k++) {
		size_t l = sp->close[k].len;
		/* The other closer counts only before the first one found. */
		size_t end = best < lim ? best : lim;
		const unsigned char *p = end > from ? find_short(it->s + from,
		    end - from, sp->close[k].s, l) : NULL;

		if (p && (size_t)(p - it->s) < best) {
			best = (size_t)(p - it->s);
			*clen = l;
		}
	}
	if (best == it->n) {
		it->noclose[t] = lim;
		it->noclose_set |= 1u << t;
	}
	/*
	 * A ” after a “ or „ is that one's closer.  Looked for only up to
	 * the closer found: a line of ”s (好。”好。”) stays linear.
	 */
	if (t == TURNED_SPAN && best < it->n &&
	    dquote_opener(it->s, from, best) < best)
		return it->n;
	return best;
}

/*
 * Does the quote cp at s[k], after a sentence end, open a quote (then it
 * starts the next sentence) rather than close one?  A straight quote
 * opens when an even number of them came before; a ” on a line with no
 * “ or „ before it opens when a ” closes it (TURNED_SPAN).  A ” that
 * nothing closes ends a quote opened before the line: a quote of several
 * paragraphs, or a hard-wrapped line.
 */
static int
opens_quote(struct sentences *it, int32_t cp, size_t k)
{
	size_t clen;

	if (cp == '"')
		return it->dquotes % 2 == 0;
	return cp == RDQUOTE && !curly_before(it, k) &&
	    find_close(it, TURNED_SPAN, k, &clen) < it->n;
}

/* Does a run of ellipsis marks start at s[k] that text follows at once? */
static int
ellipsis_before_text(const struct sentences *it, size_t k)
{
	size_t len;
	int32_t cp;
	int marks = 0;

	while (k < it->n && term_class(cp = sp_cp_get(it->s, it->n, k, &len),
	    0) == T_ELLIPSIS) {
		marks++;
		k += len;
	}
	return marks > 0 && k < it->n && !sp_is_blank(cp) && !is_closer(cp);
}

/*
 * Is s[start..i), back to its last ellipsis if it holds one, a fragment
 * of at most FRAGMENT characters?  An ellipsis after one breaks off
 * speech that goes on; after anything longer it ends a sentence.
 */
#define FRAGMENT 4

static int
fragment_before(const unsigned char *s, size_t n, size_t start, size_t i)
{
	size_t q = i, len;
	int32_t cp;
	int chars = 0;

	while (q > start) {
		q = sp_cp_before((const char *)s, q);
		cp = sp_cp_get(s, n, q, &len);
		if (term_class(cp, 0) == T_ELLIPSIS ||
		    (cp == '.' && q > start && s[q - 1] == '.'))
			break;
		if (!sp_is_blank(cp) && ++chars > FRAGMENT)
			return 0;
	}
	return 1;
}

/*
 * Does the text at s[j], after an ellipsis, go on with the word that
 * closes a list (等, 之类, 什么的)?
 */
static int
list_goes_on(const unsigned char *s, size_t n, size_t j)
{
	return (n - j >= 3 && memcmp(s + j, "\xE7\xAD\x89", 3) == 0) ||	/* 等 */
	    (n - j >= 6 && memcmp(s + j, "\xE4\xB9\x8B\xE7\xB1\xBB", 6) == 0) ||	/* 之类 */
	    (n - j >= 9 && memcmp(s + j,
	    "\xE4\xBB\x80\xE4\xB9\x88\xE7\x9A\x84", 9) == 0);	/* 什么的 */
}

/*
 * After a sentence end at s[k]: takes closing marks, more end marks and
 * the blank space that follows.  An ellipsis that text follows opens the
 * next sentence (……我们明白), so it is left to it.
 */
static size_t
absorb(struct sentences *it, size_t k)
{
	size_t len;
	int32_t cp;

	while (k < it->n) {
		cp = sp_cp_get(it->s, it->n, k, &len);
		if (term_class(cp, 0) == T_ELLIPSIS &&
		    ellipsis_before_text(it, k))
			break;
		if (opens_quote(it, cp, k))
			break;		/* it opens the next quote */
		if (cp == '"')
			it->dquotes++;
		else if (!is_closer(cp) &&
		    term_class(cp, it->semicolon) == T_NO)
			break;
		k += len;
	}
	while (k < it->n && sp_is_blank(cp = sp_cp_get(it->s, it->n, k, &len)))
		k += len;
	return k;
}

void
sent_init(struct sentences *it, const char *line, size_t n, int semicolon)
{
	it->s = (const unsigned char *)line;
	it->n = n;
	it->pos = 0;
	it->semicolon = semicolon;
	it->dquotes = 0;
	it->curly = 0;
	it->no_curly = 0;
	it->noclose_set = 0;	/* noclose[] left as it is: unread */
}

/* Where the first marks of the run of end marks at s[i] end. */
static size_t
half_run(const unsigned char *s, size_t n, size_t i, size_t marks)
{
	size_t len;

	while (marks-- > 0 && i < n) {
		sp_cp_get(s, n, i, &len);
		i += len;
	}
	return i;
}

/*
 * A run of end marks starts at s[i].  Returns the end of the sentence it
 * ends, or 0 if it ends none (then *next is where to go on).
 */
static size_t
end_run(struct sentences *it, size_t start, size_t i, size_t *next)
{
	const unsigned char *s = it->s;
	size_t n = it->n, j = i, k, len, count = 0, dots = 0, circles = 0;
	size_t ellipses = 0;
	int soft_only = 1, last = T_NO;
	int32_t cp = 0, lastcp = 0;
	enum term t;

	while (j < n && (t = term_class(cp = sp_cp_get(s, n, j, &len),
	    it->semicolon)) != T_NO) {
		/* 他走了。……我们明白: the ellipsis opens the next one. */
		if (t == T_ELLIPSIS && last == T_HARD &&
		    ellipsis_before_text(it, j))
			break;
		if (t == T_HARD || t == T_ELLIPSIS || cp == 0xFF0E)
			soft_only = 0;
		if (t == T_DOT)
			dots++;
		if (t == T_ELLIPSIS)
			ellipses++;
		if (cp == 0x3002)
			circles++;
		last = t;
		lastcp = cp;
		count++;
		j += len;
	}
	*next = j;
	if (count == 1 && last == T_DOT &&
	    (line_enumerator(s + start, i - start) || (lastcp == '.' && abbreviation(s, i))))
		return 0;
	/* A list's number within a sentence: 主要有：1.加强领导；2.落实责任。
	 * Its item follows at once, in Chinese. */
	if (count == 1 && last == T_DOT && j < n && s[j] >= 0x80 &&
	    inline_enumerator(s, start, i))
		return 0;
	/* No sentence ends inside a number: ７．３％, 1．5, １.５. */
	if (count == 1 && last == T_DOT && i > 0 && j < n &&
	    is_digit_cp(sp_cp_get(s, n, sp_cp_before((const char *)s, i),
	    &len)) && is_digit_cp(sp_cp_get(s, n, j, &len)))
		return 0;
	/* Closing marks after the run. */
	for (k = j; k < n; k += len) {
		cp = sp_cp_get(s, n, k, &len);
		if (opens_quote(it, cp, k) || (cp != '"' && !is_closer(cp)))
			break;
	}
	/* An ellipsis before a closing mark is a pause, not an end. */
	if (k > j && (last == T_ELLIPSIS || (dots == count && dots >= 2) ||
	    (circles == count && circles >= 3)))
		return 0;
	/*
	 * Two ellipses with text after (梁美芬教授…………我們感到): one ends
	 * this sentence, the other opens the next, as a sentence that starts
	 * with an ellipsis is printed after one that ends with it.
	 */
	if (k == j && j < n && ellipses == count && count >= 4 &&
	    count % 2 == 0 && !sp_is_blank(sp_cp_get(s, n, j, &len)) &&
	    !fragment_before(s, n, start, i))
		return half_run(s, n, i, count / 2);
	/*
	 * An ellipsis (…… or ...) that text follows at once ends the
	 * sentence, as a sentence-final ellipsis takes no full stop
	 * (度日如年……莫非我……), unless it breaks off a fragment of speech:
	 * 你可以……做我的……筆友嗎？  他说……我们明白。
	 */
	if (k == j && j < n && (last == T_ELLIPSIS || (dots == count &&
	    dots >= 2)) && !sp_is_blank(sp_cp_get(s, n, j, &len)) &&
	    fragment_before(s, n, start, i))
		return 0;
	/* An ellipsis a list closes with goes on: 经济、文化……等议题。 */
	if (k == j && j < n && (last == T_ELLIPSIS || (dots == count &&
	    dots >= 2) || (circles == count && circles >= 3)) &&
	    list_goes_on(s, n, j))
		return 0;
	/*
	 * ASCII marks end a sentence only after a word (a lone "?" is most
	 * often a character lost to a wrong encoding: "Copyright ? 2022") and
	 * before space, line end or CJK.
	 */
	if (soft_only && (i == start || sp_is_blank(sp_cp_get(s, n, sp_cp_before((const char *)s, i),
	    &len))))
		return 0;
	if (soft_only && k < n) {
		cp = sp_cp_get(s, n, k, &len);
		if (!sp_is_blank(cp) && !sp_is_cjk(cp))
			return 0;
		/*
		 * A Latin word with its mark and no space after it is a
		 * name: Yes!樂隊, Yahoo!奇摩.
		 */
		if (!sp_is_blank(cp) && k == j && i > start &&
		    isalpha(s[sp_cp_before((const char *)s, i)]))
			return 0;
	}
	return absorb(it, j);
}

/* The end of the blank space at s[i]; ASCII blanks without decoding. */
static size_t
skip_blanks(const unsigned char *s, size_t n, size_t i)
{
	size_t len;

	while (i < n) {
		if (s[i] == ' ')
			i = sp_space_run_end(s, n, i);
		else if (s[i] == '\t' || s[i] == '\r')
			i++;
		else if (s[i] >= 0x80 && sp_is_blank(sp_cp_get(s, n, i, &len)))
			i += len;
		else
			break;
	}
	return i;
}

/*
 * A run of blank space at s[i]: where a page glued indented paragraphs
 * into one line, a run three wide (an ideographic space counts two)
 * between text, CJK on one side, ends a sentence.  Returns the run's end
 * if it does, else 0; *next is the run's end either way.
 */
static size_t
glue_run(struct sentences *it, size_t i, size_t *next)
{
	const unsigned char *s = it->s;
	size_t n = it->n, j = i, len, w = 0;
	int32_t before, after, cp;

	while (j < n) {
		if (s[j] == ' ') {	/* the runs of w3m's layout */
			len = sp_space_run_end(s, n, j);
			w += len - j;
			j = len;
			continue;
		}
		if (s[j] == '\t' || s[j] == '\r') {
			w++;
			j++;
			continue;
		}
		if (!sp_is_blank(cp = sp_cp_get(s, n, j, &len)))
			break;
		/* An ideographic space is two wide, a zero-width one none. */
		w += cp == 0x3000 ? 2 : cp == 0x200B || cp == 0xFEFF ? 0 : 1;
		j += len;
	}
	*next = j;
	if (w < 3 || i == 0 || j >= n)
		return 0;
	before = sp_cp_get(s, n, sp_cp_before((const char *)s, i), &len);
	after = sp_cp_get(s, n, j, &len);
	return sp_is_cjk(before) || sp_is_cjk(after) ? j : 0;
}

int
sent_next(struct sentences *it, size_t *start, size_t *end)
{
	const unsigned char *s = it->s;
	size_t n = it->n, i = it->pos, len, c, clen = 0, e, p, next;
	size_t lead = SIZE_MAX;	/* the sentence's leading blanks' end */
	int32_t cp;
	int t;

	if (i >= n)
		return 0;
	*start = i;
	while (i < n) {
		if ((i = next_interesting(s, n, i)) >= n)
			break;
		cp = sp_cp_get(s, n, i, &len);
		if (sp_is_blank(cp)) {
			/* Found at the first run, not again at each. */
			if (lead == SIZE_MAX)
				lead = skip_blanks(s, n, *start);
			if ((e = glue_run(it, i, &next)) != 0 && i > lead) {
				it->pos = *end = e;
				return 1;
			}
			i = next;
			continue;
		}
		if (term_class(cp, it->semicolon) != T_NO) {
			if (cp == '.' && url_at(s, n, i)) {
				i = url_end(s, n, i);
				continue;
			}
			if ((e = end_run(it, *start, i, &next)) != 0) {
				it->pos = *end = e;
				return 1;
			}
			i = next;
			continue;
		}
		if (cp == ':') {
			i = url_at(s, n, i) ? url_end(s, n, i) : i + 1;
			continue;
		}
		t = span_of(cp);
		if (t == 0 || cp == LOW_DQUOTE)
			it->curly = 1;
		else if (cp == RDQUOTE && !curly_before(it, i))
			t = TURNED_SPAN;
		if (t < 0) {
			i += len;
			continue;
		}
		c = find_close(it, t, i, &clen);
		if (c == n) {
			if (t == DQUOTE_SPAN)
				it->dquotes++;
			i += len;
			continue;
		}
		if (t == DQUOTE_SPAN)
			it->dquotes += 2;
		if (spans[t].kind == TITLE) {
			i = c + clen;
			continue;
		}
		/* A note of the audience, "（掌声）", is a sentence of its own. */
		if (spans[t].kind == BRACKET && audience_note(s + i + len,
		    c - i - len) && c + clen < n) {
			it->pos = *end = absorb(it, c + clen);
			return 1;
		}
		/* A quote or bracket closing on an end mark ends the sentence. */
		for (p = c; p > i + len; ) {
			size_t q = sp_cp_before((const char *)s, p), l2;
			int32_t pc = sp_cp_get(s, n, q, &l2);

			if (sp_is_blank(pc) || is_closer(pc) || pc == '"') {
				p = q;
				continue;
			}
			t = term_class(pc, it->semicolon);
			/* (Martin Luther King, Jr.): an abbreviation's dot. */
			if (t == T_DOT && pc == '.' && abbreviation(s, q))
				break;
			if (t == T_HARD || t == T_SOFT || (t == T_DOT &&
			    !(q > 0 && s[q - 1] == '.'))) {
				it->pos = *end = absorb(it, c + clen);
				return 1;
			}
			break;
		}
		i = c + clen;
	}
	it->pos = *end = n;
	return 1;
}
