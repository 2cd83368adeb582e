/* mojibake.c: wrongly decoded text (step 6); see mojibake.h. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charlm.h"
#include "cjk.h"
#include "encoding.h"
#include "mojibake.h"
#include "text.h"
#include "wordlm.h"

/*
 * Han characters the language model finds rare, as bitmaps: UNCOMMON
 * bits (one in 30,000 characters of text) or more make the runs that
 * UTF-8 read as GBK is made of; the quick look at each line, which most
 * clean lines must pass at once, asks for two RARE ones (one in 130,000).
 */
#define UNCOMMON 15.0
#define RARE 17.0
#define RARE_LO 0x3400
#define RARE_HI 0x9FFF
static unsigned char *rare_bits, *uncommon_bits;

/* GBK's two-byte codes: lead 0x81..0xFE, trail 0x40..0xFE. */
#define GBK_INDEX(l, t) (((l) - 0x81) * 191 + ((t) - 0x40))
static uint16_t *gbk_cp;	/* code → BMP code point, 0: none */
static uint16_t *cp_gbk;	/* BMP code point → code, 0: none */
/* The tables are loaded once, by whichever thread asks first. */
static pthread_once_t rare_once = PTHREAD_ONCE_INIT;
static pthread_once_t gbk_once = PTHREAD_ONCE_INIT;

static void
load_rare(void)
{
	int32_t cp;

	double c;

	rare_bits = sp_xmalloc((RARE_HI - RARE_LO) / 8 + 1);
	uncommon_bits = sp_xmalloc((RARE_HI - RARE_LO) / 8 + 1);
	memset(rare_bits, 0, (RARE_HI - RARE_LO) / 8 + 1);
	memset(uncommon_bits, 0, (RARE_HI - RARE_LO) / 8 + 1);
	for (cp = RARE_LO; cp <= RARE_HI; cp++) {
		c = charlm_unigram(cp);
		if (c >= RARE)
			rare_bits[(cp - RARE_LO) >> 3] |=
			    (unsigned char)(1 << ((cp - RARE_LO) & 7));
		if (c >= UNCOMMON)
			uncommon_bits[(cp - RARE_LO) >> 3] |=
			    (unsigned char)(1 << ((cp - RARE_LO) & 7));
	}
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
			if (cp_gbk[cp] == 0)
				cp_gbk[cp] = (uint16_t)(l << 8 | t);
			/*
			 * GBK's user-defined areas (private use) are no
			 * characters: decoders of the web refuse them (one
			 * that made them, they are still encoded back).
			 */
			if (cp < 0xE000 || cp > 0xF8FF)
				gbk_cp[GBK_INDEX(l, t)] = (uint16_t)cp;
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

/*
 * Thresholds, in bits a character of the language model (charlm.h): text
 * costs 4 to 10, mojibake 15 and more.  A span that costs less than
 * GARBLED reads as text already; a repair must cost at most TEXT and
 * GAIN less than the span it replaces.
 */
#define GARBLED 11.0
#define TEXT 12.0
#define GAIN 4.0
/* A short span's repair is judged with its markers read as text: they are
 * the rest of the evidence GAIN stands for. */
#define SHORT_GAIN 2.0
/* What a character chosen whole or nearly must cost at most, with its
 * neighbours: a likely word, not just a possible one. */
#define SHORT 10.0
/* The weight of the bigram model beside the word model in choices. */
#define CHOICE_BIGRAM 0.5
/* What a lone full-width letter or digit between Han costs more. */
#define COST_LONE_ALNUM 16.0

/* The mean cost of s[0..n) after before (0: none), then after. */
static double
mean_cost(const char *s, size_t n, int32_t before, int32_t after)
{
	size_t c;
	double sum = charlm_text_cost(s, n, before, after, &c);

	return c ? sum / (double)c : 0;
}

/* Scratch of the thread repairing: see mojibake_thread_end(). */
static _Thread_local struct sp_buf rep, bytes, note;

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
 * What the characters win[0..n) cost, for choosing lost ones: the
 * character bigram model's cost of them and the word model's.  The
 * bigram model alone reads two overlapping words as likely (心灵 and
 * 灵魂 make 心灵魂 cheaper than 的灵魂): the word model, cutting the
 * characters into words that do not overlap, tells them apart.
 */
static double
choice_cost(int32_t *win, size_t n)
{
	double c = 0, odd = 0;
	int32_t p2 = 0, p = 0;
	size_t k;

	for (k = 0; k < n; k++)
		win[k] = win[k] ? span_char(win[k]) : 0;
	for (k = 0; k < n; k++) {
		if (win[k] == 0)
			continue;
		c += charlm_cost2(p2, p, win[k]);
		/*
		 * A letter or digit alone between Han characters (GBK's row
		 * A3 of full-width ones, a candidate of every lost lead byte
		 * there) is rare in text, rarer than the models say.
		 */
		if (win[k] >= 0xFF10 && win[k] <= 0xFF5A && sp_is_han(p) &&
		    k + 1 < n && sp_is_han(win[k + 1]))
			odd += COST_LONE_ALNUM;
		p2 = p;
		p = win[k];
	}
	return CHOICE_BIGRAM * c + wordlm_cost(win, n) + odd;
}

/* choice_cost() of c between prev2 prev and next next2. */
static double
choice_between(int32_t prev2, int32_t prev, int32_t c, int32_t next,
    int32_t next2)
{
	int32_t win[5] = { prev2, prev, c, next, next2 };

	return choice_cost(win, 5);
}

/* The first character of UTF-8 text s[0..n), 0 when empty. */
static int32_t
first_cp(const char *s, size_t n)
{
	size_t k;

	return n ? cp_at(s, n, 0, &k) : 0;
}

/* The second character of s[0..n), 0 when none. */
static int32_t
second_cp(const char *s, size_t n)
{
	size_t k;

	if (n == 0)
		return 0;
	cp_at(s, n, 0, &k);
	return k < n ? cp_at(s, n, k, &k) : 0;
}

/* The character after the one at s[i] (i < n), '\n' at the end. */
static int32_t
next_after(const char *s, size_t n, size_t i)
{
	size_t k;

	cp_at(s, n, i, &k);
	return i + k < n ? cp_at(s, n, i + k, &k) : '\n';
}

/* The character before the last of s[0..n), 0 when none. */
static int32_t
last2_cp(const char *s, size_t n)
{
	size_t k;

	if (n == 0)
		return 0;
	cp_before(s, n, &k);
	return k < n ? cp_before(s, n - k, &k) : 0;
}

static int32_t
last_cp(const char *s, size_t n)
{
	size_t k;

	return n ? cp_before(s, n, &k) : 0;
}

/* Notes byte b, restored, for --explain. */
static void
note_byte(unsigned b, int32_t cp)
{
	char hex[16];

	snprintf(hex, sizeof hex, "%s%02X=", note.len ? ", " : "", b & 0xFF);
	put(&note, hex, strlen(hex));
	putcp(&note, cp);
}

/*
 * The character a lost byte made, chosen by the language model between
 * prev and next: the one of the candidates (pairs of GBK, with the lead
 * byte lost: (v, known) for v in lo..hi; or the trail: (known, v)) that
 * costs least.  Returns it and the byte in *byte, or 0 when none is a
 * character.
 */
static int32_t
choose_gbk(unsigned known, int lead_lost, unsigned lo, unsigned hi,
    const unsigned *only, size_t nonly, int32_t prev2, int32_t prev,
    int32_t next, int32_t next2, unsigned *byte)
{
	int32_t best = 0, c;
	double bc = 0, cost;
	unsigned v;
	size_t k;

	for (k = 0, v = lo; only ? k < nonly : v <= hi; k++, v++) {
		if (only)
			v = only[k];
		c = lead_lost ? gbk_decode(v, known) : gbk_decode(known, v);
		if (c == 0)
			continue;
		cost = choice_between(prev2, prev, c, next, next2);
		if (best == 0 || cost < bc) {
			best = c;
			bc = cost;
			*byte = v;
		}
	}
	return best;
}

static int pair_fails(unsigned, int32_t);

/*
 * The character whose trail byte the closing marker of a shifted span
 * stands for: lead is known; the trail is one that made the decoder fail
 * on it and the byte after (after's).  As choose_gbk().
 */
static int32_t
choose_tail(unsigned lead, int32_t prev2, int32_t prev, int32_t after,
    int32_t after2,
    unsigned *byte)
{
	int32_t best = 0, c;
	double bc = 0, cost;
	unsigned v;

	for (v = 0x81; v <= 0xFE; v++) {
		if ((c = gbk_decode(lead, v)) == 0 || !pair_fails(v, after))
			continue;
		cost = choice_between(prev2, prev, c, after, after2);
		if (best == 0 || cost < bc) {
			best = c;
			bc = cost;
			*byte = v;
		}
	}
	return best;
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
    size_t chars)
{
	if (chars < 4)
		return 0;
	broken.kind = kind;
	broken.s = s + i;
	broken.len = end - i;
	return 0;
}

static void
repaired(const char *kind, const char *old, size_t oldlen,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	st->repaired++;
	if (explain)
		explain(kind, old, oldlen, rep.data, rep.len,
		    note.len ? note.data : NULL, ctx);
}

/* Is cp a Han character or a punctuation mark of Chinese text? */
static int
cjk_text(int32_t cp)
{
	return sp_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2010 && cp <= 0x2027);
}

/*
 * gbk-shift with fewer than two characters between its markers: "??" is
 * one character lost whole (its lead byte lost, its trail byte in the
 * pair that failed after it), "?X?" two characters with one byte each
 * known, X's.  The language model chooses among the characters that fit
 * the known bytes and the failed pair, between the Han characters on
 * either side; the span is kept as it is unless the choice reads as
 * likely text (a "??" of a question is not a lost character).
 */
/*
 * Did the GBK decoder fail on the pair (v, the first byte of after), as it
 * did where a marker stands?  After an ASCII character the byte is that
 * character, or, where NFKC made it of a full-width one, that one's lead.
 */
static int
pair_fails(unsigned v, int32_t after)
{
	unsigned code = gbk_encode(span_char(after));

	if (v < 0x81)
		return 0;	/* an ASCII byte: written, not lost */
	if (after < 0x80 && (after < 0x40 || after == 0x7F ||
	    gbk_decode(v, (unsigned)after) == 0))
		return 1;
	return code != 0 && gbk_decode(v, code >> 8) == 0;
}

static size_t
gbk_shift_short(const char *s, size_t n, size_t i, size_t j, size_t chars,
    struct sp_buf *out, int *fixed, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t m, mk, end;
	int32_t before, before2, after, after2, c, h, t, bh = 0, bt = 0;
	unsigned code, l, v, bl = 0, bv = 0;
	double cost, best = 0;
	int period;

	if (i == 0)
		return 0;
	before = cp_before(s, i, &m);
	before2 = i > m ? cp_before(s, i - m, &mk) : 0;
	cp_at(s, n, j, &mk);
	end = j + mk;
	/* At the end of a line, "??" ends a question. */
	if (end >= n)
		return 0;
	after = cp_at(s, n, end, &m);
	after2 = next_after(s, n, end);
	if (!cjk_text(span_char(before)) || !cjk_text(span_char(after)) ||
	    (!sp_is_han(before) && !sp_is_han(after)))
		return 0;
	if (chars == 0) {
		/* Any Han character whose trail byte fails before after. */
		for (l = 0x81; l <= 0xFE; l++)
			for (v = 0x81; v <= 0xFE; v++) {
				if ((c = gbk_decode(l, v)) == 0 ||
				    !sp_is_han(c) || !pair_fails(v, after))
					continue;
				cost = choice_between(before2, before, c, after,
				    after2);
				if (bh == 0 || cost < best) {
					bh = c;
					best = cost;
					bl = l;
					bv = v;
				}
			}
		if (bh == 0 || charlm_cost(before, bh) + charlm_cost(bh,
		    after) > 2 * SHORT)
			return 0;
		sp_buf_clear(&rep);
		sp_buf_clear(&note);
		putcp(&rep, bh);
		note_byte(bl, bh);
		note_byte(bv, bh);
		st->restored += 2;
	} else {
		/* X's bytes: the trail of one, the lead of the next. */
		cp_at(s, n, i, &m);
		code = gbk_encode(span_char(cp_at(s, n, i + m, &m)));
		for (l = 0x81; l <= 0xFE; l++) {
			if ((h = gbk_decode(l, code >> 8)) == 0 || !cjk_text(h))
				continue;
			for (v = 0x81; v <= 0xFE; v++) {
				if ((t = gbk_decode(code & 0xFF, v)) == 0 ||
				    !cjk_text(t) || !pair_fails(v, after))
					continue;
				{
					int32_t win[6] = { before2, before, h,
					    t, after, after2 };

					cost = choice_cost(win, 6);
				}
				if (bh == 0 || cost < best) {
					bh = h;
					bt = t;
					best = cost;
					bl = l;
					bv = v;
				}
			}
		}
		if (bh == 0)
			return 0;
		/*
		 * A 。 lost after a sentence end: see gbk_shift().  It is
		 * left out, and what it cost (a mark's cost, less than SHORT)
		 * with it.
		 */
		period = bh == 0x3002 && is_final(before);
		if (period ? charlm_cost(before, bt) + charlm_cost(bt, after) >
		    2.5 * SHORT : charlm_cost(before, bh) + charlm_cost(bh, bt) +
		    charlm_cost(bt, after) > 3 * SHORT)
			return 0;
		sp_buf_clear(&rep);
		sp_buf_clear(&note);
		if (!period) {
			putcp(&rep, bh);
			note_byte(bl, bh);
			st->restored++;
		}
		putcp(&rep, bt);
		note_byte(bv, bt);
		st->restored++;
	}
	*fixed = 1;
	repaired("gbk-shift", s + i, end - i, st, explain, ctx);
	put(out, rep.data, rep.len);
	return end - i;
}

/*
 * A lead byte lost before a trail byte in ASCII's range (0x40..0x7E),
 * which the decoder wrote as that ASCII character and went on aligned:
 * "平等?F象" for "平等現象".  Between Han characters, the character of
 * the model's choice takes the two when it makes a likely word.
 */
static size_t
gbk_shift_ascii(const char *s, size_t n, size_t i, size_t j,
    struct sp_buf *out, int *fixed, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t m, k;
	int32_t before, before2, after, after2, c;
	unsigned byte;

	if (i == 0 || j + 1 >= n)
		return 0;
	before = cp_before(s, i, &m);
	after = cp_at(s, n, j + 1, &m);
	if (!sp_is_han(before) || !sp_is_han(after))
		return 0;
	before2 = i > m ? cp_before(s, i - m, &k) : 0;
	after2 = next_after(s, n, j + 1);
	c = choose_gbk((unsigned char)s[j], 1, 0x81, 0xFE, NULL, 0, before2,
	    before, after, after2, &byte);
	if (c == 0 || !sp_is_han(c) || charlm_cost(before, c) +
	    charlm_cost(c, after) > 2 * SHORT)
		return 0;
	sp_buf_clear(&rep);
	sp_buf_clear(&note);
	putcp(&rep, c);
	note_byte(byte, c);
	st->restored++;
	*fixed = 1;
	repaired("gbk-shift", s + i, j + 1 - i, st, explain, ctx);
	put(out, rep.data, rep.len);
	return j + 1 - i;
}

/*
 * The characters that lost a byte at both ends of a shifted span with a
 * middle mid[0..nmid) of at most two characters, chosen together (the
 * choice of one changes the likeliest other: 的灵魂, not 心灵魂): head is
 * (lost, b0), tail (lead, lost) with a byte that fails before after.
 * Returns 1 and them with their bytes, or 0 when no pair is characters.
 */
static int
choose_ends(unsigned b0, unsigned lead, const int32_t *mid, size_t nmid,
    int32_t before2, int32_t before, int32_t after, int32_t after2,
    int32_t *head, unsigned *hbyte, int32_t *tail, unsigned *tbyte)
{
	int32_t h, t, win[8];
	unsigned v, w;
	double cost, best = 0;
	size_t k;
	int found = 0;

	for (v = 0x81; v <= 0xFE; v++) {
		if ((h = gbk_decode(v, b0)) == 0)
			continue;
		for (w = 0x81; w <= 0xFE; w++) {
			if ((t = gbk_decode(lead, w)) == 0 ||
			    !pair_fails(w, after))
				continue;
			win[0] = before2;
			win[1] = before;
			win[2] = h;
			for (k = 0; k < nmid; k++)
				win[3 + k] = mid[k];
			win[3 + k] = t;
			win[4 + k] = after;
			win[5 + k] = after2;
			cost = choice_cost(win, 6 + nmid);
			if (!found || cost < best) {
				found = 1;
				best = cost;
				*head = h;
				*hbyte = v;
				*tail = t;
				*tbyte = w;
			}
		}
	}
	return found;
}

/*
 * The mean cost of a short span o[0..on) with the markers around it, each
 * read as the question mark it would be in text (a "?" after 在 is none),
 * between before and after.
 */
static double
marked_cost(const char *o, size_t on, int32_t before, int32_t after)
{
	size_t c;
	double sum = charlm_cost(before, 0xFF1F);

	sum += charlm_text_cost(o, on, 0xFF1F, 0, &c);
	sum += charlm_cost(last_cp(o, on), 0xFF1F) + charlm_cost(0xFF1F, after);
	return sum / (double)(c + 3);
}

/*
 * Does the repair r[0..rn), between before and after, read as words
 * where the span o[0..on) it replaces did not?  The word model's cost per
 * character must be that of text and GAIN less than the span's: a name
 * (民进党) the bigram model finds rare is a likely word.
 */
static int
reads_as_words(const char *r, size_t rn, const char *o, size_t on,
    int32_t before, int32_t after)
{
	int32_t a[16], b[16];
	size_t na = 0, nb = 0, k, m;

	a[na++] = b[nb++] = before;
	for (k = 0; k < rn && na < 15; k += m)
		a[na++] = span_char(cp_at(r, rn, k, &m));
	for (k = 0; k < on && nb < 15; k += m)
		b[nb++] = span_char(cp_at(o, on, k, &m));
	if (k < on)
		return 0;
	a[na++] = b[nb++] = after == '\n' ? 0 : after;
	return wordlm_cost(a, na) <= TEXT * (double)(na - 1) &&
	    wordlm_cost(a, na) + GAIN * (double)(na - 1) <=
	    wordlm_cost(b, nb) * (double)(na - 1) / (double)(nb - 1);
}

/*
 * gbk-shift at s[i..n): s[i] is a marker.  Returns the bytes of the span
 * handled (marker included), or 0.  Writes the repair to out.
 *
 * The span's characters are re-encoded to GBK and paired one byte on:
 * (lost, b0) (b1, b2) ... (b[2k-1], lost).  The lead byte lost before b0
 * and the trail byte the closing marker stands for are chosen by the
 * language model among the bytes that make a character with the known
 * one, given the text on either side.
 */
static size_t
gbk_shift(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j, k, m, mk, chars = 0, end, mid_at, mid_len, nmid, k2;
	unsigned code, byte = 0, tbyte = 0, lead;
	int32_t cp, c, before, before2, after = 0, after2, head, tail = 0;
	int32_t mid[3];
	int closed = 0, joint;
	char first_byte;
	size_t restored = 0;
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
	if (chars == 0 && !closed && j < n && s[j] >= 0x40 && s[j] < 0x7F)
		return gbk_shift_ascii(s, n, i, j, out, fixed, st, explain,
		    ctx);
	if (chars < 2)
		return closed ? gbk_shift_short(s, n, i, j, chars, out, fixed,
		    st, explain, ctx) : 0;
	before = i > 0 ? cp_before(s, i, &m) : 0;
	before2 = i > m ? cp_before(s, i - m, &mk) : 0;
	old = mean_cost(s + i + k, j - i - k, before, 0);
	if (old < GARBLED)
		return 0;	/* reads as text already */
	end = j;
	if (closed) {
		cp_at(s, n, j, &mk);
		end = j + mk;
		after = end < n ? cp_at(s, n, end, &m) : '\n';
	}
	/* The middle, known for sure, must read as common text. */
	sp_buf_clear(&rep);
	sp_buf_clear(&note);
	putcp(&rep, 0xFFFD);	/* for now: the head, its lead byte lost */
	mid_at = rep.len;
	for (m = 1; m + 1 < bytes.len; m += 2) {
		c = gbk_decode((unsigned char)bytes.data[m],
		    (unsigned char)bytes.data[m + 1]);
		if (c == 0)
			return unrepaired("gbk-shift", s, i, end, chars);
		putcp(&rep, c);
	}
	mid_len = rep.len - mid_at;
	new_ = mean_cost(rep.data + mid_at, mid_len, 0, 0);
	/* A middle of one or two characters is judged with its ends. */
	if (chars > 3 && (new_ > TEXT || new_ + GAIN > old))
		return unrepaired("gbk-shift", s, i, end, chars);
	/* The two characters that lost a byte. */
	first_byte = bytes.data[0];
	after2 = closed && end < n ? next_after(s, n, end) : 0;
	lead = gbk_encode(span_char(cp_before(s, j, &mk))) & 0xFF;
	for (nmid = 0, k2 = mid_at; k2 < rep.len && nmid < 3; k2 += mk)
		mid[nmid++] = cp_at(rep.data, rep.len, k2, &mk);
	joint = closed && nmid <= 2 && choose_ends((unsigned char)first_byte,
	    lead, mid, nmid, before2, before, after, after2,
	    &head, &byte, &tail, &tbyte);
	if (!joint)
		head = choose_gbk((unsigned char)first_byte, 1, 0x81, 0xFE,
		    NULL, 0, before2, before, first_cp(rep.data +
		    mid_at, mid_len), second_cp(rep.data + mid_at, mid_len),
		    &byte);
	sp_buf_clear(&bytes);
	put(&bytes, rep.data + mid_at, mid_len);
	sp_buf_clear(&rep);
	if (head && is_final(before) && gbk_decode(0xA1,
	    (unsigned char)first_byte) == 0x3002) {
		/*
		 * A sentence end, then the byte lost where a 。 could have
		 * stood: news feeds lose the lead byte of a paragraph's
		 * start after the sentence that ends the one before; the
		 * sentence end is there already.
		 */
	} else if (head) {
		putcp(&rep, head);
		note_byte(byte, head);
		restored++;
	} else {
		putcp(&rep, 0xFFFD);
	}
	put(&rep, bytes.data, bytes.len);
	if (!joint) {
		/* The lead byte of the last pair is the span's last byte. */
		tail = closed ? choose_tail(lead, last2_cp(bytes.data,
		    bytes.len), last_cp(bytes.data, bytes.len), after, after2,
		    &tbyte) : 0;
	}
	if (closed && tail) {
		putcp(&rep, tail);
		note_byte(tbyte, tail);
		restored++;
	}
	if (!tail)
		putcp(&rep, 0xFFFD);
	if (chars <= 3) {
		new_ = mean_cost(rep.data, rep.len, before, after);
		old = marked_cost(s + i + k, j - i - k, before, after);
		if ((new_ > TEXT || new_ + SHORT_GAIN > old) &&
		    !reads_as_words(rep.data, rep.len, s + i + k, j - i - k,
		    before, after))
			return unrepaired("gbk-shift", s, i, end, chars);
	}
	st->restored += restored;
	*fixed = 1;
	repaired("gbk-shift", s + i, end - i, st, explain, ctx);
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
/* The bytes Windows-1252 has no character for: a decoder writes '?'. */
static const unsigned undefined1252[] = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };

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

/* Placeholder, in bytes, of a byte a decoder lost ('?' or U+FFFD). */
#define LOST 0xFF

/*
 * Decodes bytes as GBK into rep; returns 0, or -1 on an invalid pair.
 * *gb2312 tells whether every pair was in GB2312's range.  A LOST byte is
 * one of those Windows-1252 leaves undefined: the language model picks
 * which, given the characters around it.
 */
static int
decode_gbk_bytes(int *gb2312, struct mojibake_stats *st)
{
	size_t m;
	int32_t c, prev = 0, prev2 = 0, next, next2;
	unsigned char l, t;
	unsigned byte;

	sp_buf_clear(&rep);
	for (m = 0; m < bytes.len; m++) {
		l = (unsigned char)bytes.data[m];
		if (l < 0x80) {
			putch(&rep, l);
			prev2 = prev;
			prev = l;
			continue;
		}
		if (m + 1 >= bytes.len)
			return -1;
		t = (unsigned char)bytes.data[m + 1];
		next = m + 3 < bytes.len ? gbk_decode((unsigned char)
		    bytes.data[m + 2], (unsigned char)bytes.data[m + 3]) : 0;
		next2 = m + 5 < bytes.len ? gbk_decode((unsigned char)
		    bytes.data[m + 4], (unsigned char)bytes.data[m + 5]) : 0;
		if (l == LOST || t == LOST) {
			if (l == LOST && t == LOST)
				return -1;
			c = choose_gbk(l == LOST ? t : l, l == LOST, 0, 0,
			    undefined1252, sizeof undefined1252 /
			    sizeof undefined1252[0], prev2, prev, next, next2, &byte);
			if (c == 0)
				return -1;
			note_byte(byte, c);
			st->restored++;
			*gb2312 = 0;
		} else if ((c = gbk_decode(l, t)) == 0) {
			return -1;
		}
		if (l > 0xF7 || t < 0xA1)
			*gb2312 = 0;
		putcp(&rep, c);
		prev2 = prev;
		prev = c;
		m++;
	}
	return 0;
}

static size_t decode_lossy_utf8(struct mojibake_stats *);

/*
 * utf8-latin1: the bytes of the Latin-1 span s[i..end), in bytes, are
 * UTF-8 read as Windows-1252 or Latin-1 ("ä¸­æ–‡" for "中文", "â€œ" for
 * "“", "cafÃ©" for "café"): every byte of it in a valid sequence, a '?'
 * for each byte Windows-1252 leaves undefined restored by the model.
 * Text in Latin-1 seldom makes valid UTF-8 of two bytes and more; what
 * it makes of Han must read as text.  Returns 1 when repaired.
 */
static int
utf8_latin1(const char *s, size_t i, size_t end, struct sp_buf *out,
    int *fixed, struct mojibake_stats *st, mojibake_explain_fn explain,
    void *ctx)
{
	size_t k, lead = 0, restored = st->restored, han = 0, chars;
	unsigned char b;
	int32_t cp;
	double new_;

	for (k = 0; k < bytes.len; k++) {
		b = (unsigned char)bytes.data[k];
		if (b >= 0xC0 && b != LOST && !((b >= 0xC2 && b <= 0xC5) ||
		    (b >= 0xE2 && b <= 0xE9) || b == 0xEF))
			return 0;	/* not a lead of text's characters */
		lead += b >= 0xC2 && b != LOST;
	}
	if (lead == 0)
		return 0;
	sp_buf_clear(&note);
	if (decode_lossy_utf8(st) > 0) {
		st->restored = restored;
		return 0;
	}
	for (k = 0; k < rep.len; k += chars) {
		cp = cp_at(rep.data, rep.len, k, &chars);
		han += sp_is_han(cp);
		if (!(cp < 0x250 || sp_is_han(cp) || (cp >= 0x2000 &&
		    cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
		    (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x20AC ||
		    cp == 0x2122)) {
			/* Not what text is made of: "×—" is not ח. */
			st->restored = restored;
			return 0;
		}
	}
	/*
	 * Every byte made a valid sequence, which Latin-1 text seldom does:
	 * evidence a GBK guess lacks, so the repair may read as rarer text
	 * (脂溢性脱发, 快秃顶) by GAIN.
	 */
	new_ = mean_cost(rep.data, rep.len, 0, 0);
	if (han > 0 && new_ > TEXT + GAIN) {
		st->restored = restored;
		return 0;
	}
	*fixed = 1;
	repaired("utf8-latin1", s + i, end - i, st, explain, ctx);
	put(out, rep.data, rep.len);
	return 1;
}

/* gbk-latin1 at s[i..n): s[i] is a Latin-1 letter.  As gbk_shift(). */
static size_t
gbk_latin1(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j = i, m, high = 0, dots = 0, last = i, distinct = 0;
	size_t letters = 0, restored = st->restored;
	unsigned char seen[32] = { 0 };
	int32_t cp;
	int b, gb2312 = 1;
	double new_;

	sp_buf_clear(&bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (is_marker(cp) && j == last && j > i) {
			/* A byte Windows-1252 does not define, lost. */
			b = LOST;
		} else if (cp < 0x80 && cp >= 0x20) {
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
		if (b == LOST)
			last = j + m;
		putch(&bytes, b);
		j += m;
	}
	/* The span ends with its last Latin-1 letter (or lost byte). */
	bytes.len -= j - last;
	if (utf8_latin1(s, i, last, out, fixed, st, explain, ctx))
		return last - i;
	/*
	 * Text read at the wrong width has varied bytes, not "······¥"; and
	 * letters: the lead bytes of common Han characters run from B0 to
	 * F7, and from C0 on they read as À..÷, so a span of only symbols
	 * ("°¥°°°§", degrees and prices) is typography, not GBK.
	 */
	if (high + dots < 4 || high < 2 || distinct < 3 ||
	    letters * 4 < high + dots)
		return 0;
	sp_buf_clear(&note);
	if (decode_gbk_bytes(&gb2312, st) < 0) {
		st->restored = restored;
		if (high >= 6) {
			st->unrepairable++;
			if (explain)
				explain("gbk-latin1", s + i, last - i, NULL, 0,
				    NULL, ctx);
		}
		return last - i;
	}
	/*
	 * Latin-1 letters are not Chinese to compare with: the repair must
	 * read as text, and (outside GB2312's range, where GBK is rarer) as
	 * common text.
	 */
	new_ = mean_cost(rep.data, rep.len, 0, 0);
	if (new_ > (gb2312 ? TEXT : TEXT - 1)) {
		st->restored = restored;
		return last - i;
	}
	*fixed = 1;
	repaired("gbk-latin1", s + i, last - i, st, explain, ctx);
	put(out, rep.data, rep.len);
	return last - i;
}

/* utf8-gbk at s[i..n): a run of uncommon CJK.  As gbk_shift(). */
static inline int uncommon_cjk(int32_t);

/*
 * The length of the UTF-8 sequence at b[i..n) (LOST for a lost byte):
 * from its lead byte, or, its lead lost, from the continuation bytes
 * after it.  0 for a byte that starts none.
 */
static size_t
seq_len(const unsigned char *b, size_t n, size_t i)
{
	size_t j;

	if (b[i] == LOST) {
		for (j = i + 1; j < n && j - i < 4 && (b[j] & 0xC0) == 0x80 &&
		    b[j] != LOST; j++)
			;
		return j - i;
	}
	return b[i] >= 0xF0 && b[i] <= 0xF4 ? 4 : b[i] >= 0xE0 &&
	    b[i] <= 0xEF ? 3 : b[i] >= 0xC2 && b[i] <= 0xDF ? 2 : 0;
}

/* A closing quote is likelier where rep holds an opening one unclosed. */
#define QUOTE_BONUS 6.0

static int
closes_quote(int32_t c)
{
	size_t k, i;
	int32_t cp, open = c == 0x201D ? 0x201C : c == 0x2019 ? 0x2018 :
	    c == 0x300D ? 0x300C : c == 0x300F ? 0x300E : 0;
	int depth = 0;

	if (open == 0)
		return 0;
	for (i = 0; i < rep.len; i += k) {
		cp = cp_at(rep.data, rep.len, i, &k);
		depth += cp == open;
		depth -= cp == c && depth > 0;
	}
	return depth > 0;
}

/*
 * The character of the sequence b[0..len) with bytes lost (LOST): the
 * values of them that make the likeliest character between prev and
 * next.  A lead byte lost is one of those that start a sequence of len
 * bytes; a continuation byte one of 0x80..0xBF; two continuation bytes
 * lost leave 4096 values, still few for the model.  Returns the character,
 * the bytes in byte[] (in the order lost); 0 when none makes one.
 */
static int32_t
choose_utf8(const unsigned char *b, size_t len, int32_t prev2, int32_t prev,
    int32_t next, int32_t next2, unsigned byte[2])
{
	unsigned char seq[4];
	size_t at[2], nat = 0, k;
	unsigned v, w, lo[2], hi[2];
	int32_t best = 0, c;
	double bc = 0, cost;

	for (k = 0; k < len; k++)
		if (b[k] == LOST) {
			if (nat == 2)
				return 0;
			at[nat++] = k;
		}
	for (k = 0; k < nat; k++) {
		lo[k] = 0x80;
		hi[k] = 0xBF;
		if (at[k] == 0) {
			lo[k] = len == 2 ? 0xC2 : len == 3 ? 0xE0 : 0xF0;
			hi[k] = len == 2 ? 0xDF : len == 3 ? 0xEF : 0xF4;
		}
	}
	if (nat == 0)
		return 0;
	if (nat == 1)
		lo[1] = hi[1] = 0;
	else if (at[0] == 0)
		return 0;	/* a lead and a continuation: too many */
	memcpy(seq, b, len);
	for (v = lo[0]; v <= hi[0]; v++)
		for (w = lo[1]; w <= hi[1]; w++) {
			seq[at[0]] = (unsigned char)v;
			if (nat == 2)
				seq[at[1]] = (unsigned char)w;
			if (sp_utf8_decode(seq, len, &c, NULL) != len ||
			    c == SP_REPLACEMENT || c < 0x80)
				continue;
			cost = charlm_between(prev2, prev, c, next, next2) -
			    (closes_quote(c) ? QUOTE_BONUS : 0);
			if (best == 0 || cost < bc) {
				best = c;
				bc = cost;
				byte[0] = v;
				byte[1] = w;
			}
		}
	return best;
}

/* What follows the run being repaired: its character, '\n' at the end. */
static _Thread_local int32_t run_after;

/* The character of the sequence at b[i..n), lost bytes ignored; or 0. */
static int32_t
peek_utf8(const unsigned char *b, size_t n, size_t i)
{
	size_t len;
	int32_t c;

	if (i >= n)
		return run_after;
	if (b[i] < 0x80)
		return b[i];
	len = seq_len(b, n, i);
	if (len == 0 || i + len > n || memchr(b + i, LOST, len) ||
	    sp_utf8_decode(b + i, len, &c, NULL) != len)
		return 0;
	return c;
}

/*
 * Decodes bytes as UTF-8 into rep, where LOST stands for a byte the GBK
 * decoder lost.  A character with bytes lost is restored, the language
 * model choosing them (choose_utf8()); one that cannot be becomes U+FFFD,
 * as does anything else invalid.  Returns the number of U+FFFD.
 */
static size_t
decode_lossy_utf8(struct mojibake_stats *st)
{
	const unsigned char *b = (const unsigned char *)bytes.data;
	size_t n = bytes.len, i = 0, k, len, lost = 0, holes;
	int32_t cp, prev = 0, prev2 = 0;
	unsigned byte[2];

	sp_buf_clear(&rep);
	while (i < n) {
		if (b[i] < 0x80) {
			prev2 = prev;
			prev = b[i];
			putch(&rep, b[i++]);
			continue;
		}
		len = seq_len(b, n, i);
		if (len == 0) {
			putcp(&rep, 0xFFFD);	/* a stray byte */
			prev2 = prev;
			prev = 0xFFFD;
			lost++;
			i++;
			continue;
		}
		if (i + len > n)
			len = n - i;
		for (k = 0, holes = 0; k < len; k++)
			if (b[i + k] == LOST) {
				holes++;
			} else if (k > 0 && (b[i + k] & 0xC0) != 0x80) {
				break;
			}
		if (k < len) {
			/* Cut short: a lead byte without its trail. */
			putcp(&rep, 0xFFFD);
			prev2 = prev;
			prev = 0xFFFD;
			lost++;
			i += k;
			continue;
		}
		cp = 0;
		if (holes == 0 && sp_utf8_decode(b + i, len, &cp, NULL) != len)
			cp = 0;
		if (holes > 0 && (cp = choose_utf8(b + i, len, prev2, prev,
		    peek_utf8(b, n, i + len), peek_utf8(b, n, i + len +
		    (i + len < n && b[i + len] >= 0x80 ? seq_len(b, n,
		    i + len) : 1)), byte)) != 0) {
			for (k = 0; k < holes; k++)
				note_byte(byte[k], cp);
			st->restored += holes;
		}
		if (cp == 0 || cp == SP_REPLACEMENT) {
			cp = 0xFFFD;
			lost++;
		}
		putcp(&rep, cp);
		prev2 = prev;
		prev = cp;
		i += len;
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
	size_t restored = st->restored;
	unsigned code;
	int32_t cp;
	double old, new_;

	sp_buf_clear(&bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (cp == '?' || cp == 0xFFFD) {
			/* A byte the GBK decoder could not place: lost. */
			putch(&bytes, LOST);
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
	run_after = j < n ? cp_at(s, n, j, &m) : '\n';
	sp_buf_clear(&note);
	lost = decode_lossy_utf8(st);
	old = mean_cost(s + i, j - i, 0, 0);
	new_ = mean_cost(rep.data, rep.len, 0, 0);
	charlm_text_cost(rep.data, rep.len, 0, 0, &counted);
	if (new_ > TEXT || new_ + GAIN > old || lost * 2 > counted) {
		st->restored = restored;
		return j - i;
	}
	*fixed = 1;
	repaired("utf8-gbk", s + i, j - i, st, explain, ctx);
	put(out, rep.data, rep.len);
	return j - i;
}

static inline int
uncommon_cjk(int32_t cp)
{
	/* A bitmap, not the model: it stays in the cache. */
	if (cp >= RARE_LO && cp <= RARE_HI)
		return uncommon_bits[(cp - RARE_LO) >> 3] >>
		    ((cp - RARE_LO) & 7) & 1;
	return sp_is_han(cp) && charlm_unigram(cp) >= UNCOMMON;
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

	(void)pthread_once(&rare_once, load_rare);
	/* A quick look first: most lines hold none of the signs. */
	for (p = 0; p < n; p++) {
		c = (unsigned char)s[p];
		if (c == '?' || c == 0xC2 || c == 0xC3 ||
		    (c == 0xEF && p + 2 < n && (unsigned char)s[p + 1] == 0xBF &&
		    (unsigned char)s[p + 2] == 0xBD))
			break;
		if (c >= 0xE4 && c <= 0xE9 && p + 2 < n) {
			/* A Han ideograph (U+4E00..U+9FFF) not in the model? */
			cp = (int32_t)(c & 0x0F) << 12 |
			    (int32_t)((unsigned char)s[p + 1] & 0x3F) << 6 |
			    ((unsigned char)s[p + 2] & 0x3F);
			if (cp >= 0x4E00 && (rare_bits[(cp - RARE_LO) >> 3] >>
			    ((cp - RARE_LO) & 7) & 1) && ++rare >= 2)
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
					    broken.len, NULL, 0, NULL, ctx);
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
			/*
			 * Left as it is, but for the soft hyphens and C1
			 * controls step 3 kept for this step: counted.
			 */
			for (p = b; p < b + used; p += k) {
				cp = cp_at(s, n, p, &k);
				if (cp != 0xAD && !(cp >= 0x80 && cp <= 0x9F))
					put(out, s + p, k);
				else
					st->removed++;
			}
			start = b + used;
		}
		/*
		 * A run utf8_gbk() left may still hold a shifted span: its
		 * markers are looked at (tried keeps it from being tried
		 * again).
		 */
		if (det == utf8_gbk && !fixed)
			i += k;
		else
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
	sp_buf_free(&note);
}
