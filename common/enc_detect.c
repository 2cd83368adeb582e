/*
 * enc_detect.c: which encoding a byte stream is in (sp_enc_detect(); see
 * encoding.h for the order of the questions asked).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>
#include <utf8proc.h>

#include "cjk.h"
#include "enc_declared.h"
#include "enc_score.h"
#include "encoding.h"
#include "lazylib.h"
#include "utf8.h"

#define BINARY_WINDOW 8192
/* Bytes of the head decoded to check a guess: enough to judge, cheap. */
#define TRIAL_WINDOW (16 * 1024)
/* A guess reads as text when this share of its characters is common. */
#define PLAUSIBLE 0.6
/* A guess overrides the detector's answer only by this much more. */
#define OVERRIDE 0.25
/* ... or, when that answer does not read as text, by this much. */
#define MARGIN 0.1

static void
set_name(struct sp_enc_guess *g, const char *name)
{
	strncpy(g->name, name, sizeof g->name - 1);
	g->name[sizeof g->name - 1] = '\0';
}

/*
 * UTF-32 without a mark: nearly every four bytes a Unicode scalar value
 * that is a character of text (not a control), which neither other text
 * nor binary data makes.
 */
static int
scalar_text(unsigned long u)
{
	return u <= 0x10FFFF && !(u >= 0xD800 && u <= 0xDFFF) &&
	    (u >= 0x20 || u == '\t' || u == '\n' || u == '\r') &&
	    !(u >= 0x7F && u <= 0x9F);
}

static const char *
utf32_by_units(const unsigned char *s, size_t n)
{
	size_t i, units, le = 0, be = 0;
	unsigned long u;

	if (n > BINARY_WINDOW)
		n = BINARY_WINDOW;
	units = n / 4;
	if (units < 2)
		return NULL;
	for (i = 0; i + 3 < n; i += 4) {
		u = s[i] | (unsigned long)s[i + 1] << 8 |
		    (unsigned long)s[i + 2] << 16 | (unsigned long)s[i + 3] << 24;
		le += scalar_text(u);
		u = s[i + 3] | (unsigned long)s[i + 2] << 8 |
		    (unsigned long)s[i + 1] << 16 | (unsigned long)s[i] << 24;
		be += scalar_text(u);
	}
	if (le * 100 >= units * 98)
		return "UTF-32LE";
	if (be * 100 >= units * 98)
		return "UTF-32BE";
	return NULL;
}

/* UTF-16 without a mark: most ASCII characters have a NUL for a twin. */
static const char *
utf16_by_nuls(const unsigned char *s, size_t n)
{
	size_t i, even = 0, odd = 0, pairs;

	if (n > BINARY_WINDOW)
		n = BINARY_WINDOW;
	pairs = n / 2;
	if (pairs < 2)
		return NULL;
	for (i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	if (odd * 10 >= pairs * 3 && even * 50 <= pairs)
		return "UTF-16LE";
	if (even * 10 >= pairs * 3 && odd * 50 <= pairs)
		return "UTF-16BE";
	return NULL;
}

/* A UTF-16 code unit that CJK text is made of; *letter: not punctuation. */
static int
text_unit(unsigned u, int *letter)
{
	*letter = (u >= 0x3041 && u <= 0x30FC) || (u >= 0x4E00 && u <= 0x9FFF) ||
	    (u >= 0xAC00 && u <= 0xD7A3);
	if (*letter)
		return sp_enc_common_cjk((long)u);
	return u == '\t' || u == '\n' || u == '\r' ||
	    (u >= 0x20 && u < 0x7F) || (u >= 0x2000 && u <= 0x206F) ||
	    (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF);
}

/*
 * UTF-16 without a mark and with few NULs: CJK text, whose code units are
 * nearly all common Han, kana or Hangul and CJK punctuation, a third of
 * them at least letters.  Asked only of text that is not UTF-8 (ASCII read
 * as UTF-16 looks Han too), and checked against the detector's answer: a
 * legacy encoding read as UTF-16 can make common characters too.  Text
 * with a NUL byte (nul) is no legacy encoding's: a line or two of it
 * (中文 and a line feed, 2D 4E 87 65 0A 00) is judged too.
 */
static const char *
utf16_by_text(const unsigned char *s, size_t n, int nul)
{
	size_t i, units, le = 0, be = 0, le_let = 0, be_let = 0;
	int letter;

	if (n > BINARY_WINDOW)
		n = BINARY_WINDOW;
	units = n / 2;
	if (units < (nul ? 2 : 8))
		return NULL;
	for (i = 0; i + 1 < n; i += 2) {
		le += text_unit(s[i] | (unsigned)s[i + 1] << 8, &letter);
		le_let += letter;
		be += text_unit((unsigned)s[i] << 8 | s[i + 1], &letter);
		be_let += letter;
	}
	if (le * 100 >= units * 90 && le_let * 3 >= units)
		return "UTF-16LE";
	if (be * 100 >= units * 90 && be_let * 3 >= units)
		return "UTF-16BE";
	return NULL;
}

/*
 * UTF-8 with bad bytes is UTF-8 (they become U+FFFD), not a legacy
 * encoding: many valid multi-byte characters for each invalid sequence,
 * or, where the damage is heavy, valid characters of three and four bytes
 * at least half as many as the invalid sequences.  Legacy CJK text makes a
 * valid character of three bytes now and then, by chance: one for twenty
 * invalid sequences at the most, on the encoded files of the tests.
 */
static int
mostly_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, k, good = 0, long_ = 0, bad = 0;
	enum sp_utf8_error e;
	int32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = sp_utf8_decode(s + i, n - i, &cp, &e);
		if (e == SP_UTF8_OK) {
			good++;
			long_ += k >= 3;
		} else {
			bad++;
		}
		i += k;
	}
	return (good >= 4 && good >= 20 * bad) || (long_ >= 4 && 2 * long_ >= bad);
}

/*
 * Few non-ASCII bytes, all pairing up as GB2312 characters: too little
 * for uchardet to judge (it takes "中文" for Cyrillic), and most likely
 * Chinese.
 */
static int
short_gb2312(const unsigned char *s, size_t n)
{
	size_t i, pairs = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x80)
			continue;
		if (i + 1 >= n || s[i] < 0xA1 || s[i] > 0xF7 ||
		    (s[i] > 0xA9 && s[i] < 0xB0) || s[i + 1] < 0xA1 ||
		    s[i + 1] > 0xFE)
			return 0;
		i++;
		if (++pairs > 16)
			return 0;
	}
	return pairs > 0;
}

/*
 * The ISO-2022 encodings are 7-bit: without a look at their escape
 * sequences they pass for ASCII (and so for UTF-8), and the text comes
 * out as "$B%3%s%=!<%k".  Text of ASCII bytes only that designates a
 * character set of one of them is in it: ESC $ B (JIS X 0208) and its
 * kin for Japanese, ESC $ ) C for Korean, ESC $ ) A or G for Chinese.
 */
/* Is c one of the bytes of set (never NUL)? */
static int
one_of(unsigned char c, const char *set)
{
	return c != '\0' && strchr(set, c) != NULL;
}

static const char *
iso2022_by_escapes(const unsigned char *s, size_t n)
{
	const unsigned char *e = memchr(s, 0x1B, n);
	const char *name = NULL;
	size_t i;

	if (e == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return NULL;
	for (i = (size_t)(e - s); i + 3 < n; i++) {
		if (s[i] != 0x1B)
			continue;
		if (s[i + 1] == '$' && s[i + 2] == ')' && s[i + 3] == 'C')
			return "ISO-2022-KR";
		if (s[i + 1] == '$' && (s[i + 2] == ')' || s[i + 2] == '*' ||
		    s[i + 2] == '+') && one_of(s[i + 3], "AGHIJKLM"))
			return "ISO-2022-CN-EXT";
		if (s[i + 1] == '$' && s[i + 2] == '(' && one_of(s[i + 3], "OPQ"))
			return "ISO-2022-JP-3";
		if ((s[i + 1] == '$' && one_of(s[i + 2], "@B")) ||
		    (s[i + 1] == '$' && s[i + 2] == '(' && s[i + 3] == 'D') ||
		    (s[i + 1] == '(' && one_of(s[i + 2], "IJ")))
			name = "ISO-2022-JP-2";
	}
	return name;
}

/* What a guess makes of the head: invalid sequences, share of common. */
struct trial {
	char name[32];
	int tried;
	uint64_t invalid;
	size_t chars;		/* non-ASCII characters made */
	double plausible;
};

static void
try_guess(const unsigned char *s, size_t n, int at_eof, const char *name,
    struct trial *t)
{
	struct sp_buf out = SP_BUF_INIT;
	struct sp_conv *c;

	memset(t, 0, sizeof *t);
	if (name == NULL || strlen(name) >= sizeof t->name)
		return;
	strcpy(t->name, name);
	if (n > TRIAL_WINDOW) {
		n = TRIAL_WINDOW;
		at_eof = 0;
	}
	if (strcmp(name, "UTF-8") == 0) {
		/* Read as the reader reads it: a U+FFFD a maximal subpart. */
		struct sp_utf8_stats st;

		sp_utf8_stats_init(&st);
		if (!at_eof)
			n = sp_utf8_boundary((const char *)s, n);
		if (sp_utf8_sanitize((const char *)s, n, &out, &st, 0) >= 0) {
			t->tried = 1;
			t->invalid = st.count[0];
		}
		c = NULL;
	} else if ((c = sp_conv_new(name)) == NULL) {
		return;
	} else if (sp_conv_feed(c, (const char *)s, n, at_eof, &out) == 0) {
		t->tried = 1;
		t->invalid = sp_conv_invalid(c, NULL);
	}
	if (t->tried) {
		/* Each U+FFFD made counts as a character that is not text. */
		t->plausible = sp_enc_plausibility(out.data ? out.data : "",
		    out.len, &t->chars);
	}
	sp_conv_free(c);
	sp_buf_free(&out);
}

/* Is name an encoding of one byte a character? */
static int
single_byte(const char *name)
{
	return strncmp(name, "ISO-8859-", 9) == 0 ||
	    strncmp(name, "WINDOWS-", 8) == 0 || strncmp(name, "IBM", 3) == 0 ||
	    strncmp(name, "CP", 2) == 0 || strncmp(name, "KOI8", 4) == 0 ||
	    strncmp(name, "MAC", 3) == 0 || strcmp(name, "TIS-620") == 0 ||
	    strcmp(name, "VISCII") == 0;
}

/*
 * A name as a guess: canonical, and the labels that mean Windows-1252 on
 * the web taken for it (ISO-8859-1 pages put curly quotes in 0x80..0x9F).
 */
static const char *
guess_name(const char *label, char *buf, size_t len)
{
	const char *name;

	if (label == NULL || *label == '\0' ||
	    (name = sp_enc_canonical(label, buf, len)) == NULL)
		return NULL;
	if (strcmp(name, "ISO-8859-1") == 0 || strcmp(name, "ISO_8859-1") == 0 ||
	    strcmp(name, "LATIN1") == 0 || strcmp(name, "CP1252") == 0) {
		snprintf(buf, len, "WINDOWS-1252");
		return buf;
	}
	return name;
}

/*
 * uchardet's functions, from the library that the first text that is not
 * UTF-8 loads (lazylib.h): most runs read UTF-8 alone and do not load it,
 * nor the C++ library it needs (0.55 ms of each start).
 */
static __typeof__(uchardet_new) *ud_new;
static __typeof__(uchardet_handle_data) *ud_data;
static __typeof__(uchardet_data_end) *ud_end;
static __typeof__(uchardet_get_charset) *ud_charset;
static __typeof__(uchardet_delete) *ud_delete;
static const char *const ud_names[] = { "uchardet_new",
    "uchardet_handle_data", "uchardet_data_end", "uchardet_get_charset",
    "uchardet_delete", NULL };
static void *const ud_slots[] = { &ud_new, &ud_data, &ud_end, &ud_charset,
    &ud_delete };
static struct sp_lazylib uchardet = SP_LAZYLIB_INIT(SP_UCHARDET_LIB,
    ud_names, ud_slots);

/* uchardet's answer for s[0..n), as a guess name, or NULL; g->unaided
 * says why, when the library cannot be loaded. */
static const char *
detector(const unsigned char *s, size_t n, char *buf, size_t len,
    struct sp_enc_guess *g)
{
	const char *name = NULL;
	uchardet_t ud;

	if (sp_lazylib_load(&uchardet) < 0) {
		g->unaided = uchardet.why;
		return NULL;
	}
	if ((ud = ud_new()) == NULL)
		return NULL;
	if (ud_data(ud, (const char *)s, n) == 0) {
		ud_end(ud);
		name = guess_name(ud_charset(ud), buf, len);
	}
	ud_delete(ud);
	return name;
}

/*
 * Is every non-ASCII character of s[0..n) (valid UTF-8) a combining mark
 * that stands on no letter or digit?  No text is made of those, but a legacy CJK
 * encoding's can be, by chance, when it is short: GBK's 通知 is CD A8 D6
 * AA, valid UTF-8 for U+0368 U+05AA.  A single accented letter, Greek
 * or Cyrillic (Questo è, 10 μm, Я) is text, and so is UTF-8 read as
 * Latin-1 and saved again (ä¸­æ), which the mojibake step repairs.
 */
static int
stray_marks_only(const unsigned char *s, size_t n)
{
	size_t i = 0, k, marks = 0;
	int32_t cp, prev = ' ';
	utf8proc_category_t c;

	while (i < n) {
		k = sp_utf8_next(s + i, n - i, &cp);
		if (cp >= 0x80) {
			c = utf8proc_category(cp);
			if ((c != UTF8PROC_CATEGORY_MN &&
			    c != UTF8PROC_CATEGORY_ME) || sp_is_alnum(prev))
				return 0;
			marks++;
		}
		prev = cp;
		i += k;
	}
	return marks > 0;
}

/*
 * Valid UTF-8 of stray marks only, which a legacy CJK encoding decodes
 * cleanly into text that reads as text: that encoding, in g.
 */
static int
cjk_not_utf8(const unsigned char *s, size_t n, int at_eof,
    struct sp_enc_guess *g)
{
	static const char *const cjk[] = { "GB18030", "BIG5", "CP932",
	    "CP949" };
	struct trial t, best;
	size_t i;

	if (!stray_marks_only(s, n < TRIAL_WINDOW ? n : TRIAL_WINDOW))
		return 0;
	memset(&best, 0, sizeof best);
	for (i = 0; i < sizeof cjk / sizeof cjk[0]; i++) {
		try_guess(s, n, at_eof, cjk[i], &t);
		if (t.tried && t.invalid == 0 && (!best.tried ||
		    t.plausible > best.plausible))
			best = t;
	}
	if (!best.tried || best.plausible < PLAUSIBLE)
		return 0;
	set_name(g, best.name);
	return 1;
}

/*
 * Valid UTF-8 whose characters beyond ASCII are all of two bytes (Latin,
 * Greek, Cyrillic), on a page that declares a CJK encoding in which its
 * bytes decode cleanly into text that reads as text: that encoding, in
 * g.  GBK's 学校 (D1A7 D0A3) is valid UTF-8, ѧУ; a page of Chinese in
 * UTF-8 writes characters of three bytes.
 */
static int
declared_not_utf8(const unsigned char *s, size_t n, int at_eof,
    struct sp_enc_guess *g)
{
	static const char *const cjk[] = { "GB18030", "BIG5", "CP950",
	    "BIG5-HKSCS", "CP932", "EUC-JP", "CP949", "EUC-TW" };
	char lbuf[64], dbuf[32];
	const char *name;
	struct trial t;
	size_t i, k, wide = 0;

	for (i = 0; i < n; i++)
		if (s[i] >= 0xE0)
			return 0;	/* a lead byte of three or four */
		else if (s[i] >= 0xC0)
			wide++;
	if (wide == 0 ||
	    (name = sp_enc_declared(s, n, lbuf, sizeof lbuf)) == NULL ||
	    (name = guess_name(name, dbuf, sizeof dbuf)) == NULL)
		return 0;
	for (k = 0; k < sizeof cjk / sizeof cjk[0]; k++)
		if (strcmp(name, cjk[k]) == 0)
			break;
	if (k == sizeof cjk / sizeof cjk[0])
		return 0;
	try_guess(s, n, at_eof, name, &t);
	if (!t.tried || t.invalid != 0 || t.plausible < PLAUSIBLE)
		return 0;
	set_name(g, name);
	return 1;
}

/*
 * Text that is not UTF-8: the charset the page declares when its bytes
 * decode cleanly and plausibly with it; else the detector's answer, unless
 * it does not read as text and another guess does (UTF-16 without a mark,
 * Windows-1252 for a rarer single-byte code page, or the common legacy
 * encodings of CJK text).
 */
static void
legacy(const unsigned char *s, size_t n, int at_eof, struct sp_enc_guess *g)
{
	static const char *const others[] = { "GB18030", "BIG5", "CP932",
	    "CP949", "WINDOWS-1252", "UTF-8" };
	char lbuf[64], dbuf[32], ubuf[32];
	struct trial best, top, t;
	const char *name, *u16;
	size_t i;

	set_name(g, "GB18030");
	if ((name = sp_enc_declared(s, n, lbuf, sizeof lbuf)) != NULL &&
	    (name = guess_name(name, dbuf, sizeof dbuf)) != NULL &&
	    strncmp(name, "UTF-", 4) != 0) {
		try_guess(s, n, at_eof, name, &t);
		if (t.tried && t.invalid == 0 && t.plausible >= PLAUSIBLE) {
			set_name(g, name);
			return;
		}
	}
	name = detector(s, n, ubuf, sizeof ubuf, g);
	if (short_gb2312(s, n)) {
		/*
		 * Korean, Japanese and traditional Chinese in their EUC forms
		 * are GB2312-shaped too.  On so little text uchardet names
		 * Chinese wrongly (Cyrillic, Windows-1252) but never names
		 * one of those for Chinese: its word for one of them, when
		 * the bytes decode cleanly with it, is taken.
		 */
		if (name != NULL && (strcmp(name, "CP949") == 0 ||
		    strcmp(name, "EUC-JP") == 0 || strcmp(name, "EUC-TW") == 0)) {
			try_guess(s, n, at_eof, name, &t);
			if (t.tried && t.invalid == 0)
				set_name(g, name);
		}
		return;
	}
	try_guess(s, n, at_eof, name, &best);
	if ((u16 = utf16_by_text(s, n, g->binary)) != NULL) {
		try_guess(s, n, at_eof, u16, &t);
		/* A NUL byte is no character of a legacy encoding's text:
		 * with one, UTF-16 that reads as text is taken. */
		if (t.tried && t.invalid == 0 && (!best.tried || best.invalid ||
		    t.plausible >= best.plausible + OVERRIDE ||
		    (g->binary && t.plausible >= PLAUSIBLE))) {
			set_name(g, u16);
			g->utf16 = 1;
			g->binary = 0;
			return;
		}
	}
	if (best.tried && single_byte(best.name) &&
	    strcmp(best.name, "WINDOWS-1252") != 0) {
		try_guess(s, n, at_eof, "WINDOWS-1252", &t);
		if (t.tried && t.plausible >= best.plausible)
			best = t;
	}
	if (!best.tried || best.plausible < PLAUSIBLE) {
		memset(&top, 0, sizeof top);
		for (i = 0; i < sizeof others / sizeof others[0]; i++) {
			try_guess(s, n, at_eof, others[i], &t);
			if (t.tried && (!top.tried || t.plausible > top.plausible))
				top = t;
		}
		if (top.tried && (!best.tried ||
		    top.plausible > best.plausible + MARGIN))
			best = top;
	}
	if (best.tried)
		set_name(g, best.name);
}

void
sp_enc_detect(const unsigned char *s, size_t n, int at_eof,
    struct sp_enc_guess *g)
{
	const char *u16, *iso;
	size_t valid;

	memset(g, 0, sizeof *g);
	if (n >= 4 && memcmp(s, "\xff\xfe\0\0", 4) == 0) {
		set_name(g, "UTF-32LE");
		g->bom = 4, g->utf16 = 1;
		return;
	}
	if (n >= 4 && memcmp(s, "\0\0\xfe\xff", 4) == 0) {
		set_name(g, "UTF-32BE");
		g->bom = 4, g->utf16 = 1;
		return;
	}
	if (n >= 2 && (s[0] == 0xFF && s[1] == 0xFE)) {
		set_name(g, "UTF-16LE");
		g->bom = 2, g->utf16 = 1;
		return;
	}
	if (n >= 2 && (s[0] == 0xFE && s[1] == 0xFF)) {
		set_name(g, "UTF-16BE");
		g->bom = 2, g->utf16 = 1;
		return;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		set_name(g, "UTF-8");
		g->bom = 3;
		return;
	}
	if ((u16 = utf32_by_units(s, n)) != NULL ||
	    (u16 = utf16_by_nuls(s, n)) != NULL) {
		set_name(g, u16);
		g->utf16 = 1;
		return;
	}
	g->binary = memchr(s, 0, n < BINARY_WINDOW ? n : BINARY_WINDOW) != NULL;
	if ((iso = iso2022_by_escapes(s, n)) != NULL) {
		set_name(g, iso);
		return;
	}
	/* Valid UTF-8 (a character cut by the end of the head aside) is. */
	valid = sp_utf8_valid_prefix(s, n);
	if (valid == n || (!at_eof && n - valid < 4 &&
	    sp_utf8_boundary((const char *)s, n) == valid)) {
		if (!cjk_not_utf8(s, valid, at_eof && valid == n, g) &&
		    !declared_not_utf8(s, valid, at_eof && valid == n, g))
			set_name(g, "UTF-8");
		return;
	}
	if (mostly_utf8(s, at_eof ? n : sp_utf8_boundary((const char *)s, n))) {
		set_name(g, "UTF-8");
		return;
	}
	legacy(s, n, at_eof, g);
}
