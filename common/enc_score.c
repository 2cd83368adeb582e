/* enc_score.c: does a decoding read as text; see enc_score.h. */
#include <iconv.h>
#include <pthread.h>
#include <string.h>

#include "enc_score.h"
#include "utf8.h"

#define HAN_LO 0x4E00
#define HAN_HI 0x9FFF
#define HANGUL_LO 0xAC00
#define HANGUL_HI 0xD7A3

static unsigned char han_bits[(HAN_HI - HAN_LO) / 8 + 1];
static unsigned char hangul_bits[(HANGUL_HI - HANGUL_LO) / 8 + 1];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
set_bit(unsigned char *bits, long lo, long hi, long cp)
{
	if (cp >= lo && cp <= hi)
		bits[(cp - lo) >> 3] |= (unsigned char)(1u << ((cp - lo) & 7));
}

/*
 * Marks the characters of the two-byte codes lead lo_lead..hi_lead, trail
 * in the ranges t1 and t2, of encoding enc: what the everyday sets hold,
 * taken from iconv's own tables.
 */
static void
mark(const char *enc, unsigned lo_lead, unsigned hi_lead, unsigned t1a,
    unsigned t1b, unsigned t2a, unsigned t2b)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	unsigned l, t;
	char pair[2], out[8], *in, *o;
	size_t left, room;
	int32_t cp;

	if (cd == (iconv_t)-1)
		return;
	for (l = lo_lead; l <= hi_lead; l++)
		for (t = t1a; t <= t2b; t++) {
			if (!((t >= t1a && t <= t1b) || (t >= t2a && t <= t2b)))
				continue;
			pair[0] = (char)l;
			pair[1] = (char)t;
			in = pair;
			left = 2;
			o = out;
			room = sizeof out;
			iconv(cd, NULL, NULL, NULL, NULL);
			if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 ||
			    left != 0)
				continue;
			if (sp_utf8_decode((unsigned char *)out,
			    (size_t)(o - out), &cp, NULL) != (size_t)(o - out))
				continue;
			set_bit(han_bits, HAN_LO, HAN_HI, cp);
			set_bit(hangul_bits, HANGUL_LO, HANGUL_HI, cp);
		}
	iconv_close(cd);
}

static void
build(void)
{
	mark("GB2312", 0xB0, 0xD7, 0xA1, 0xFE, 0xA1, 0xFE);	/* level 1 */
	mark("BIG5", 0xA4, 0xC6, 0x40, 0x7E, 0xA1, 0xFE);	/* frequent */
	mark("SHIFT_JIS", 0x88, 0x98, 0x40, 0x7E, 0x80, 0xFC);	/* level 1 */
	mark("EUC-KR", 0xB0, 0xC8, 0xA1, 0xFE, 0xA1, 0xFE);	/* Hangul */
}

static int
bit(const unsigned char *bits, long lo, long cp)
{
	return bits[(cp - lo) >> 3] >> ((cp - lo) & 7) & 1;
}

int
sp_enc_common_cjk(long cp)
{
	(void)pthread_once(&once, build);
	if (cp >= HAN_LO && cp <= HAN_HI)
		return bit(han_bits, HAN_LO, cp);
	if (cp >= HANGUL_LO && cp <= HANGUL_HI)
		return bit(hangul_bits, HANGUL_LO, cp);
	return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FC);
}

/* The alphabetic script of letter cp: 1 Latin, 2.. others, 0 none. */
static int
script(long cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return 1;
	if ((cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x1E00 && cp <= 0x1EFF))
		return 1;
	if (cp >= 0x370 && cp <= 0x3FF)
		return 2;
	if (cp >= 0x400 && cp <= 0x52F)
		return 3;
	if (cp >= 0x590 && cp <= 0x5FF)
		return 4;
	if (cp >= 0x600 && cp <= 0x6FF)
		return 5;
	if (cp >= 0xE00 && cp <= 0xE7F)
		return 6;
	return 0;
}

/* Punctuation and symbols common in text of any script. */
static int
common_symbol(long cp)
{
	return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
	    cp == 0x20AC || (cp >= 0x2100 && cp <= 0x2179) ||
	    (cp >= 0x2200 && cp <= 0x22FF) || (cp >= 0x3200 && cp <= 0x33FF) ||
	    (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2460 && cp <= 0x24FF) ||
	    (cp >= 0x25A0 && cp <= 0x26FF) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFF01 && cp <= 0xFF65) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    cp == 0x2027 || cp == 0x02C7 || cp == 0x02C9 || cp == 0xFE30 ||
	    (cp >= 0xFE50 && cp <= 0xFE6B) || cp == 0x0251 || cp == 0x0261;
}

static int
word_or_space(long c)
{
	return c == ' ' || c == '\t' || c == '\n' || (c >= '0' && c <= '9') ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Latin-1's symbols (° · « » ©, no-break space) stand beside ASCII words in
 * Western text; GBK read as Latin-1 makes runs of them and of letters.
 */
static int
latin1_symbol(long cp)
{
	return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7;
}

/*
 * A letter of an alphabet reads as text beside a letter of its script: an
 * accented Latin one beside an ASCII letter (GBK read as Latin-1 makes
 * runs of accented letters only).
 */
static int
letter_ok(long cp, long prev, long next)
{
	int s = script(cp);

	if (s == 1)
		return (prev < 0x80 && script(prev) == 1) ||
		    (next < 0x80 && script(next) == 1);
	return script(prev) == s || script(next) == s;
}

double
sp_enc_plausibility(const char *str, size_t n, size_t *counted)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, k, good = 0, total = 0;
	int32_t cp, prev = ' ', next;

	while (i < n) {
		k = sp_utf8_next(s + i, n - i, &cp);
		if (cp < 0x80) {
			prev = cp;
			i += k;
			continue;
		}
		next = ' ';
		if (i + k < n)
			sp_utf8_next(s + i + k, n - i - k, &next);
		total++;
		if (sp_enc_common_cjk(cp) || common_symbol(cp) ||
		    (script(cp) && letter_ok(cp, prev, next)) ||
		    (latin1_symbol(cp) && (word_or_space(prev) ||
		    word_or_space(next))))
			good++;
		prev = cp;
		i += k;
	}
	if (counted)
		*counted = total;
	return total ? (double)good / (double)total : 1.0;
}
