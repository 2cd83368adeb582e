/* mojibake.c: wrongly decoded text (step 7); see mojibake.h. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "embed.h"
#include "encoding.h"
#include "mojibake.h"
#include "text.h"

SP_DATA(hanfreq);

#define FREQ_LO 0x3400
#define FREQ_HI 0x9FFF
static uint32_t *freq;		/* FREQ_LO..FREQ_HI */
static unsigned char *zero_bits;	/* FREQ_LO..FREQ_HI: not in the table */

/* GBK's two-byte codes: lead 0x81..0xFE, trail 0x40..0xFE. */
#define GBK_INDEX(l, t) (((l) - 0x81) * 191 + ((t) - 0x40))
static uint16_t *gbk_cp;	/* code → BMP code point, 0: none */
static uint16_t *cp_gbk;	/* BMP code point → code, 0: none */
/* The tables are loaded once, by whichever thread asks first. */
static pthread_once_t freq_once = PTHREAD_ONCE_INIT;
static pthread_once_t gbk_once = PTHREAD_ONCE_INIT;

/* Common punctuation of Chinese text, counted like characters. */
static const struct { int32_t cp; uint32_t n; } punct_freq[] = {
	{ 0xFF0C, 60000 }, { 0x3002, 40000 }, { 0x3001, 15000 },
	{ 0x201C, 8000 }, { 0x201D, 8000 }, { 0xFF1A, 6000 },
	{ 0xFF1B, 3000 }, { 0xFF08, 3000 }, { 0xFF09, 3000 },
	{ 0x3000, 3000 }, { 0xFF01, 2000 }, { 0xFF1F, 2000 },
	{ 0x300A, 2000 }, { 0x300B, 2000 }, { 0x2014, 1000 },
	{ 0x2026, 1000 }, { 0x00B7, 500 }, { 0x2018, 500 }, { 0x2019, 500 },
	{ 0xFF10, 2000 }, { 0xFF11, 2000 }, { 0xFF12, 2000 }, { 0xFF13, 2000 },
	{ 0xFF14, 2000 }, { 0xFF15, 2000 }, { 0xFF16, 2000 }, { 0xFF17, 2000 },
	{ 0xFF18, 2000 }, { 0xFF19, 2000 },
};

static void
load_freq(void)
{
	const char *p = (const char *)sp_data_hanfreq;
	const char *end = p + sp_data_hanfreq_len;
	size_t k;
	int32_t cp;
	char *q;

	freq = calloc(FREQ_HI - FREQ_LO + 1, sizeof *freq);
	if (freq == NULL)
		sp_oom();
	while (p < end) {
		cp = cp_at(p, (size_t)(end - p), 0, &k);
		p += k;
		if (cp >= FREQ_LO && cp <= FREQ_HI)
			freq[cp - FREQ_LO] = (uint32_t)strtoul(p, &q, 10);
		else
			strtoul(p, &q, 10);
		p = q;
		while (p < end && *p != '\n')
			p++;
		p++;
	}
	zero_bits = sp_xmalloc((FREQ_HI - FREQ_LO) / 8 + 1);
	memset(zero_bits, 0, (FREQ_HI - FREQ_LO) / 8 + 1);
	for (cp = FREQ_LO; cp <= FREQ_HI; cp++)
		if (freq[cp - FREQ_LO] == 0)
			zero_bits[(cp - FREQ_LO) >> 3] |=
			    (unsigned char)(1 << ((cp - FREQ_LO) & 7));
}

unsigned long
mojibake_freq(int32_t cp)
{
	size_t i;

	(void)pthread_once(&freq_once, load_freq);
	if (cp >= FREQ_LO && cp <= FREQ_HI)
		return freq[cp - FREQ_LO];
	for (i = 0; i < sizeof punct_freq / sizeof punct_freq[0]; i++)
		if (punct_freq[i].cp == cp)
			return punct_freq[i].n;
	return 0;
}

static void
load_gbk(void)
{
	struct sp_buf out = SP_BUF_INIT;
	unsigned l, t;
	char pair[2];
	int32_t cp;
	size_t k;

	gbk_cp = calloc(126 * 191, sizeof *gbk_cp);
	cp_gbk = calloc(65536, sizeof *cp_gbk);
	if (gbk_cp == NULL || cp_gbk == NULL)
		sp_oom();
	for (l = 0x81; l <= 0xFE; l++)
		for (t = 0x40; t <= 0xFE; t++) {
			if (t == 0x7F)
				continue;
			pair[0] = (char)l;
			pair[1] = (char)t;
			sp_buf_clear(&out);
			if (sp_enc_decode("GB18030", pair, 2, &out) < 0 ||
			    out.len == 0)
				continue;
			cp = cp_at(out.data, out.len, 0, &k);
			if (k != out.len || cp > 0xFFFF || cp == 0xFFFD)
				continue;
			gbk_cp[GBK_INDEX(l, t)] = (uint16_t)cp;
			if (cp_gbk[cp] == 0)
				cp_gbk[cp] = (uint16_t)(l << 8 | t);
		}
	sp_buf_free(&out);
}

static int32_t
gbk_decode(unsigned l, unsigned t)
{
	if (l < 0x81 || l > 0xFE || t < 0x40 || t > 0xFE || t == 0x7F)
		return 0;
	return gbk_cp[GBK_INDEX(l, t)];
}

/* The two-byte GBK code of cp, 0 when it has none. */
static unsigned
gbk_encode(int32_t cp)
{
	if (cp < 0x80 || cp > 0xFFFF)
		return 0;
	return cp_gbk[cp];
}

/* How common a character is, as a score: log of its count. */
static double
score_cp(int32_t cp)
{
	return log((double)mojibake_freq(cp) + 1.0);
}

/* The mean score of the characters of s[0..n) that are not ASCII. */
static double
score(const char *s, size_t n, size_t *counted)
{
	double sum = 0;
	size_t i, k, c = 0;
	int32_t cp;

	for (i = 0; i < n; i += k) {
		cp = cp_at(s, n, i, &k);
		if (cp < 0x80 || cp == 0xFFFD)
			continue;
		sum += score_cp(cp);
		c++;
	}
	if (counted)
		*counted = c;
	return c ? sum / (double)c : 0;
}

/* Thresholds: common text scores above GOOD; mojibake below BAD. */
#define GOOD 5.0	/* a count of about 150 */
#define BAD 4.0
#define GAIN 2.0	/* a repair must beat the original by this much */

/* Scratch of the thread repairing: see mojibake_thread_end(). */
static _Thread_local struct sp_buf rep, bytes;

static int
is_final(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x201D ||
	    cp == '.' || cp == '!' || cp == '?';
}

static int
is_marker(int32_t cp)
{
	return cp == '?' || cp == 0xFFFD;
}

/* ASCII punctuation that NFKC may have made of a full-width one. */
static int32_t
span_char(int32_t cp)
{
	if (cp > 0x20 && cp < 0x7F && cp != '?' && !(cp >= '0' && cp <= '9') &&
	    !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
		return sp_to_fullwidth(cp);
	return cp;
}

/*
 * The most common character whose GBK code ends in byte trail, when it is
 * much more common than all the others; else 0.
 */
static int32_t
guess(unsigned trail)
{
	unsigned v;
	int32_t best = 0, cp;
	unsigned long bf = 0, second = 0, f;

	for (v = 0xA1; v <= 0xF7; v++) {	/* GB2312's lead bytes */
		cp = gbk_decode(v, trail);
		if (cp == 0 || (f = mojibake_freq(cp)) == 0)
			continue;
		if (f > bf) {
			second = bf;
			bf = f;
			best = cp;
		} else if (f > second) {
			second = f;
		}
	}
	return best && bf >= 4 * second ? best : 0;
}

/* The last span found broken and not repaired, for the caller to count. */
static _Thread_local struct {
	const char *kind, *s;
	size_t len;
} broken;

/*
 * A span that could not be repaired: counted when it is long enough to be
 * sure it is broken, and given back to the caller (returns 0) so that the
 * other kinds may try it.
 */
static size_t
unrepaired(const char *kind, const char *s, size_t i, size_t end,
    size_t chars, struct mojibake_stats *st, mojibake_explain_fn explain,
    void *ctx)
{
	(void)st;
	(void)explain;
	(void)ctx;
	if (chars < 4)
		return 0;
	broken.kind = kind;
	broken.s = s + i;
	broken.len = end - i;
	return 0;
}

/*
 * gbk-shift at s[i..n): s[i] is a marker.  Returns the bytes of the span
 * handled (marker included), or 0.  Writes the repair, or the text as it
 * was, to out.
 */
static size_t
gbk_shift(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j, k, m, chars = 0, end, counted, first_len;
	unsigned code, first = 0;
	int32_t cp, c;
	int closed = 0;
	double old, new_;

	cp_at(s, n, i, &k);
	j = i + k;
	sp_buf_clear(&bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (is_marker(cp)) {
			closed = 1;
			break;
		}
		c = span_char(cp);
		if ((code = gbk_encode(c)) == 0)
			break;
		putch(&bytes, (int)(code >> 8));
		putch(&bytes, (int)(code & 0xFF));
		chars++;
		j += m;
	}
	if (chars < 2)
		return 0;
	old = score(s + i + k, j - i - k, &counted);
	if (old >= BAD)
		return 0;	/* reads as text already */
	end = closed ? j + 1 : j;	/* a '?' is one byte; U+FFFD three */
	if (closed && (unsigned char)s[j] != '?')
		end = j + 3;
	/* Realign: (lost, b0) (b1, b2) … (b[2k-1], lost). */
	sp_buf_clear(&rep);
	first = (unsigned char)bytes.data[0];
	/*
	 * The character whose first byte was lost cannot be told: U+FFFD,
	 * unless it is most likely 。 and a sentence end stands before the
	 * '?' already (news feeds lose the byte at paragraph starts).
	 */
	c = guess(first);
	if (!(is_final(c) && i > 0 && is_final(cp_before(s, i, &m))))
		putcp(&rep, 0xFFFD);
	first_len = rep.len;
	for (m = 1; m + 1 < bytes.len; m += 2) {
		c = gbk_decode((unsigned char)bytes.data[m],
		    (unsigned char)bytes.data[m + 1]);
		if (c == 0)
			break;
		putcp(&rep, c);
	}
	if (m + 1 < bytes.len)
		return unrepaired("gbk-shift", s, i, end, chars, st, explain,
		    ctx);
	/* The middle, known for sure, must read as common text. */
	new_ = score(rep.data + first_len, rep.len - first_len, NULL);
	putcp(&rep, 0xFFFD);	/* the character whose second byte was lost */
	if (new_ < GOOD || new_ < old + GAIN)
		return unrepaired("gbk-shift", s, i, end, chars, st, explain,
		    ctx);
	*fixed = 1;
	st->repaired++;
	if (explain)
		explain("gbk-shift", s + i, end - i, rep.data, rep.len, ctx);
	put(out, rep.data, rep.len);
	return end - i;
}

/* Windows-1252's characters for bytes 0x80..0x9F. */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* The byte a character stands for when Latin-1/1252 was wrongly used. */
static int
latin1_byte(int32_t cp)
{
	int b;

	if (cp >= 0x80 && cp <= 0xFF)
		return cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (b = 0; b < 32; b++)
		if (cp1252[b] && cp1252[b] == cp)
			return 0x80 + b;
	return -1;
}

/*
 * Decodes bytes as GBK into rep; returns 0, or -1 on an invalid pair.
 * *gb2312 tells whether every pair was in GB2312's range.
 */
static int
decode_gbk_bytes(int *gb2312)
{
	size_t m;
	int32_t c;
	unsigned char l;

	sp_buf_clear(&rep);
	for (m = 0; m < bytes.len; m++) {
		l = (unsigned char)bytes.data[m];
		if (l < 0x80) {
			putch(&rep, l);
			continue;
		}
		if (m + 1 >= bytes.len ||
		    (c = gbk_decode(l, (unsigned char)bytes.data[m + 1])) == 0)
			return -1;
		if (l > 0xF7 || (unsigned char)bytes.data[m + 1] < 0xA1)
			*gb2312 = 0;
		putcp(&rep, c);
		m++;
	}
	return 0;
}

/* gbk-latin1 at s[i..n): s[i] is a Latin-1 letter.  As gbk_shift(). */
static size_t
gbk_latin1(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j = i, m, high = 0, dots = 0, counted, last = i, distinct = 0;
	size_t letters = 0;
	unsigned char seen[32] = { 0 };
	int32_t cp;
	int b, gb2312 = 1;
	double sc;

	sp_buf_clear(&bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (cp < 0x80 && cp >= 0x20) {
			/* One ASCII byte may be a GBK trail byte; more end it. */
			if (j > last)
				break;
			b = (int)cp;
		} else if ((b = latin1_byte(cp)) < 0) {
			break;
		} else {
			/*
			 * Middle dots and multiplication signs are Chinese
			 * typography (leaders, 卡尔·马克思, redaction ×××):
			 * they go with a span but do not make one.
			 */
			if (cp == 0xB7 || cp == 0xD7)
				dots++;
			else
				high++;
			if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 &&
			    cp != 0xF7)
				letters++;
			if (!(seen[b >> 3] & (1u << (b & 7)))) {
				seen[b >> 3] |= (unsigned char)(1u << (b & 7));
				distinct++;
			}
			last = j + m;
		}
		putch(&bytes, b);
		j += m;
	}
	/* The span ends with its last Latin-1 letter. */
	bytes.len -= j - last;
	/*
	 * Text read at the wrong width has varied bytes, not "······¥"; and
	 * letters: the lead bytes of common Han characters run from B0 to
	 * F7, and from C0 on they read as À..÷, so a span of only symbols
	 * ("°¥°°°§", degrees and prices) is typography, not GBK.
	 */
	if (high + dots < 4 || high < 2 || distinct < 3 ||
	    letters * 4 < high + dots)
		return 0;
	if (decode_gbk_bytes(&gb2312) < 0) {
		if (high >= 6) {
			st->unrepairable++;
			if (explain)
				explain("gbk-latin1", s + i, last - i, NULL, 0,
				    ctx);
		}
		return last - i;
	}
	sc = score(rep.data, rep.len, &counted);
	if (counted < 2 || (sc < GOOD && !(gb2312 && sc >= BAD - 1)))
		return last - i;
	*fixed = 1;
	st->repaired++;
	if (explain)
		explain("gbk-latin1", s + i, last - i, rep.data, rep.len, ctx);
	put(out, rep.data, rep.len);
	return last - i;
}

/* utf8-gbk at s[i..n): a run of uncommon CJK.  As gbk_shift(). */
static inline int uncommon_cjk(int32_t);

/*
 * Decodes bytes as UTF-8 into rep, where 0xFF stands for a byte the GBK
 * decoder lost: a character with a lost byte becomes one U+FFFD, as does
 * anything else invalid.  Returns the number of U+FFFD.
 */
static size_t
decode_lossy_utf8(void)
{
	const unsigned char *b = (const unsigned char *)bytes.data;
	size_t n = bytes.len, i = 0, j, need, lost = 0;
	int32_t cp;
	int gap;

	sp_buf_clear(&rep);
	while (i < n) {
		if (b[i] < 0x80) {
			putch(&rep, b[i++]);
			continue;
		}
		need = b[i] >= 0xF0 && b[i] <= 0xF4 ? 4 : b[i] >= 0xE0 &&
		    b[i] <= 0xEF ? 3 : b[i] >= 0xC2 && b[i] <= 0xDF ? 2 : 0;
		if (b[i] == 0xFF) {
			/* A lost lead byte: its continuation bytes go with it. */
			for (j = i + 1; j < n && j - i < 4 &&
			    (b[j] & 0xC0) == 0x80; j++)
				;
		} else if (need == 0) {
			j = i + 1;	/* a stray byte */
		} else {
			gap = 0;
			for (j = i + 1; j < n && j - i < need &&
			    ((b[j] & 0xC0) == 0x80 || b[j] == 0xFF); j++)
				gap |= b[j] == 0xFF;
			if (j - i == need && !gap &&
			    sp_utf8_decode(b + i, need, &cp, NULL) == need &&
			    cp != 0xFFFD) {
				put(&rep, b + i, need);
				i = j;
				continue;
			}
		}
		putcp(&rep, 0xFFFD);
		lost++;
		i = j;
	}
	return lost;
}

/*
 * Can cp be part of UTF-8 read as GBK?  Any GBK character can, and €
 * (byte 0x80), but the common punctuation of Chinese text ends a run:
 * it keeps runs short, and mojibake seldom makes it.
 */
static int
run_char(int32_t cp)
{
	if (cp == 0x20AC)
		return 1;
	if (cp < 0x80 || gbk_encode(cp) == 0)
		return 0;
	switch (cp) {
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1A: case 0xFF1B:
	case 0xFF1F: case 0xFF01: case 0x201C: case 0x201D: case 0xFF08:
	case 0xFF09: case 0x3000:
		return 0;
	}
	return 1;
}

static size_t
utf8_gbk(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j = i, m, chars = 0, counted, rare = 0, lost;
	unsigned code;
	int32_t cp;

	sp_buf_clear(&bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (cp == '?' || cp == 0xFFFD) {
			/* A byte the GBK decoder could not place: lost. */
			putch(&bytes, 0xFF);
		} else if (run_char(cp)) {
			code = cp == 0x20AC ? 0x80 : gbk_encode(cp);
			rare += uncommon_cjk(cp);
			if (code > 0xFF)
				putch(&bytes, (int)(code >> 8));
			putch(&bytes, (int)(code & 0xFF));
			chars++;
		} else {
			break;
		}
		j += m;
	}
	if (chars < 3 || rare < 2 || rare * 10 < chars * 3)
		return j - i;	/* reads as text: few uncommon characters */
	/* Decode as UTF-8; what was lost becomes one U+FFFD a character. */
	lost = decode_lossy_utf8();
	if (score(rep.data, rep.len, &counted) < GOOD || counted < 2 + lost ||
	    lost * 2 > counted)
		return j - i;
	*fixed = 1;
	st->repaired++;
	if (explain)
		explain("utf8-gbk", s + i, j - i, rep.data, rep.len, ctx);
	put(out, rep.data, rep.len);
	return j - i;
}

static inline int
uncommon_cjk(int32_t cp)
{
	/* A bitmap, not the counts: it stays in the cache. */
	if (cp >= FREQ_LO && cp <= FREQ_HI)
		return zero_bits[(cp - FREQ_LO) >> 3] >> ((cp - FREQ_LO) & 7) & 1;
	return sp_is_han(cp) && mojibake_freq(cp) == 0;
}

/*
 * Trims the spaces a repair brought to the ends of the line out[from..]
 * (GBK text keeps its indent of ideographic spaces): step 4 has run.
 */
static void
trim(struct sp_buf *out, size_t from)
{
	size_t a = from, k;

	while (a < out->len && sp_is_space(cp_at(out->data, out->len, a, &k)))
		a += k;
	memmove(out->data + from, out->data + a, out->len - a);
	out->len -= a - from;
	while (out->len > from &&
	    sp_is_space(cp_before(out->data, out->len, &k)))
		out->len -= k;
	out->data[out->len] = '\0';
}

/* Repairs one line. */
static void
line(const char *s, size_t n, struct sp_buf *out, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t i = 0, k, used, start = 0, rare = 0, p, b;
	size_t (*det)(const char *, size_t, size_t, struct sp_buf *, int *,
	    struct mojibake_stats *, mojibake_explain_fn, void *);
	int32_t cp;
	unsigned char c;
	int fixed;
	size_t line_start, repaired = st->repaired, tried = 0;

	(void)pthread_once(&freq_once, load_freq);
	/* A quick look first: most lines hold none of the signs. */
	for (p = 0; p < n; p++) {
		c = (unsigned char)s[p];
		if (c == '?' || c == 0xC2 || c == 0xC3 ||
		    (c == 0xEF && p + 2 < n && (unsigned char)s[p + 1] == 0xBF &&
		    (unsigned char)s[p + 2] == 0xBD))
			break;
		if (c >= 0xE4 && c <= 0xE9 && p + 2 < n) {
			/* A Han ideograph (U+4E00..U+9FFF) not in the table? */
			cp = (int32_t)(c & 0x0F) << 12 |
			    (int32_t)((unsigned char)s[p + 1] & 0x3F) << 6 |
			    ((unsigned char)s[p + 2] & 0x3F);
			if (cp >= 0x4E00 && (zero_bits[(cp - FREQ_LO) >> 3] >>
			    ((cp - FREQ_LO) & 7) & 1) && ++rare >= 2)
				break;
			p += 2;
		}
	}
	if (p >= n) {
		put(out, s, n);
		return;
	}
	(void)pthread_once(&gbk_once, load_gbk);
	line_start = out->len;
	while (i < n) {
		cp = cp_at(s, n, i, &k);
		b = i;
		if (is_marker(cp)) {
			put(out, s + start, i - start);
			start = i;
			fixed = 0;
			broken.s = NULL;
			if ((used = gbk_shift(s, n, i, out, &fixed, st, explain,
			    ctx)) > 0) {
				start = i = i + used;
				continue;
			}
			/* Perhaps UTF-8 read as GBK after a '?'. */
			if (broken.s && i + k < n) {
				put(out, s + i, k);
				start = i + k;
				used = utf8_gbk(s, n, i + k, out, &fixed, st,
				    explain, ctx);
				if (fixed) {
					start = i = i + k + used;
					continue;
				}
			}
			if (broken.s) {
				st->unrepairable++;
				if (explain)
					explain(broken.kind, broken.s,
					    broken.len, NULL, 0, ctx);
			}
			i += k;
			continue;
		} else if (cp >= 0x80 && latin1_byte(cp) >= 0 &&
		    !(i > 0 && latin1_byte(cp_before(s, i, &p)) >= 0)) {
			det = gbk_latin1;
		} else if (cp >= 0x80 && i >= tried && uncommon_cjk(cp)) {
			det = utf8_gbk;
			/* The run starts at the first CJK before it. */
			while (b > start && b > tried) {
				int32_t pc = cp_before(s, b, &p);

				if (!run_char(pc))
					break;
				b -= p;
			}
		} else {
			i += k;
			continue;
		}
		put(out, s + start, b - start);
		start = b;
		fixed = 0;
		used = det(s, n, b, out, &fixed, st, explain, ctx);
		if (det == utf8_gbk)
			tried = b + (used ? used : k);
		if (fixed) {
			start = b + used;
		} else if (det == gbk_latin1 && used) {
			/* Left as it is, but for the soft hyphens step 3 kept. */
			for (p = b; p < b + used; p += k) {
				cp = cp_at(s, n, p, &k);
				if (cp != 0xAD && !(cp >= 0x80 && cp <= 0x9F))
					put(out, s + p, k);
			}
			start = b + used;
		}
		i = used && b + used > i ? b + used : i + k;
	}
	put(out, s + start, n - start);
	if (st->repaired > repaired)
		trim(out, line_start);
}

void
mojibake_repair(const char *s, size_t n, struct sp_buf *out,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	const char *nl;
	size_t len;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		line(s, len, out, st, explain, ctx);
		if (nl == NULL)
			break;
		putch(out, '\n');
		s += len + 1;
		n -= len + 1;
	}
}

void
mojibake_thread_end(void)
{
	sp_buf_free(&rep);
	sp_buf_free(&bytes);
}
