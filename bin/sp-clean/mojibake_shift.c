/* mojibake_shift.c: GBK decoded one byte off; see mojibake_shift.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "charlm.h"
#include "cjk.h"
#include "mojibake_beam.h"
#include "mojibake_gbk.h"
#include "mojibake_marks.h"
#include "mojibake_memo.h"
#include "mojibake_page.h"
#include "mojibake_score.h"
#include "mojibake_shift.h"
#include "mojibake_span.h"
#include "wordlm.h"
#include "zh.h"

/* What a search returns when the line's budget is spent (see
 * mojibake_span.h): the span is left as it is. */
#define NOT_SEARCHED ((size_t)-1)

/* The candidates a search may cost, for the budget. */
#define ALL_PAIRS (126 * 126)
#define ENDS_FULL (2 * 126 + BEAM * BEAM)

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

/*
 * The two characters before the two before s[i] into far[] (far[0] the
 * farther; 0 where the line starts sooner): with before2 and before, the
 * LEFT characters the windows of a choice hold (mojibake_score.h).
 */
static void
far_before(const char *s, size_t i, int32_t far[2])
{
	size_t m, k;
	int32_t c;

	far[0] = far[1] = 0;
	for (k = 0; k < 4 && i > 0; k++) {
		c = cp_before(s, i, &m);
		i -= m;
		if (k >= 2)
			far[3 - k] = c;	/* before3, then before4 */
	}
}

/*
 * The character whose trail byte the closing marker of a shifted span
 * stands for: lead is known; the trail is one that made the decoder fail
 * on it and the byte after (after's).  As choose_gbk().
 */
static int32_t
choose_tail(unsigned lead, int32_t prev2, int32_t prev, int32_t after,
    int32_t after2, unsigned open, unsigned *byte)
{
	int32_t best = 0, c;
	double bc = 0, cost;
	unsigned v;

	for (v = 0x81; v <= 0xFE; v++) {
		if ((c = gbk_decode(lead, v)) == 0 || !pair_fails(v, after))
			continue;
		cost = choice_between(prev2, prev, c, after, after2) +
		    mark_fit_in(c, open);
		if (best == 0 || cost < bc) {
			best = c;
			bc = cost;
			*byte = v;
		}
	}
	return best;
}

/*
 * After a sentence end, is byte (the first a shifted span kept) the trail
 * of a 。 (A1 A3) whose lead byte the decoder lost?  Then the 。 is there
 * already, and text was decoded one byte off from it on.
 */
static int
lost_period(int32_t before, unsigned byte)
{
	return is_final(before) && gbk_decode(0xA1, byte) == 0x3002;
}

/*
 * After a Han character, does a span open with a full-width letter or
 * digit (GBK's row A3)?  Its first byte A3 is then the trail of the
 * character lost before it, most often a 。 (A1 A3) that ended the
 * clause ("景象?３中?上升" for "景象。持续上升"): text has a letter of
 * that row after a marker seldom, a shifted span often.
 */
static int
lost_mark_after(int32_t before, const char *mid, size_t mn)
{
	size_t k;
	int32_t c = mn ? cp_at(mid, mn, 0, &k) : 0;

	return sp_is_han(before) && c >= 0xFF10 && c <= 0xFF5A &&
	    gbk_encode(c) >> 8 == 0xA3;
}

/*
 * Does the middle of a span mid[0..mn) that reads as no common Chinese
 * text read as text all the same, so that, when no repair reads better,
 * it is not reported broken?  Two kana in a row are Japanese (a shifted
 * span makes a kana only of a trail byte A4 or A5, seldom twice running:
 * "?お漏らし" is a title after a typed "?"); words of the word list, at
 * TEXT a character, are rare words ("?服務咨詢熱線").
 */
static int
other_text(const char *mid, size_t mn)
{
	int32_t w[16];
	size_t k, m, nw = 0;
	int kana = 0;

	for (k = 0; k < mn; k += m) {
		int32_t c = cp_at(mid, mn, k, &m);

		kana = c >= 0x3041 && c <= 0x30FA ? kana + 1 : 0;
		if (kana == 2)
			return 1;
		if (nw < 16)
			w[nw++] = span_char(c);
	}
	return nw > 0 && wordlm_cost(w, nw) <= TEXT * (double)nw;
}

/* What a character found on the page must fit (page_between()). */
struct lost_fit {
	unsigned lead, trail;	/* the byte kept: 0 when not */
	int32_t after;		/* its trail byte failed before this one */
};

static int
fits_lost(int32_t c, const void *arg)
{
	const struct lost_fit *f = arg;
	unsigned code = gbk_encode(c);

	if (code < 0x100 || !sp_is_han(c))
		return 0;
	if (f->lead && code >> 8 != f->lead)
		return 0;
	if (f->trail && (code & 0xFF) != f->trail)
		return 0;
	return f->after == 0 || pair_fails(code & 0xFF, f->after);
}

/*
 * A short span s[i..end) of the line s[0..n), from the page
 * (mojibake_page.h): "??" as the character the page writes between the
 * same two characters on either side, "?X?" as the two it writes after
 * the two before and before the two after, with X's bytes (code).  Into
 * span_rep; returns the bytes restored, or 0 (also when the line's budget
 * is spent).
 */
static size_t
short_from_page(const char *s, size_t n, size_t i, size_t end,
    size_t chars, unsigned code, int32_t before, int32_t after)
{
	const char *p;
	size_t pn, base = page_of(s, n, &p, &pn), li, ri, k, m;
	int32_t head = 0, tail;
	struct lost_fit f = { 0, 0, after };

	/* Two characters of context each side, where the line has them. */
	for (li = i, k = 0; k < 2 && li > 0; k++)
		cp_before(s, li, &m), li -= m;
	for (ri = end, k = 0; k < 2 && ri < n && s[ri] != '\n'; k++)
		cp_at(s, n, ri, &m), ri += m;
	if (i - li == 0 || ri - end == 0 ||
	    !budget_take(page_cost(pn, base + i, base + end), 0))
		return 0;
	sp_buf_clear(&span_rep);
	sp_buf_clear(&span_note);
	if (chars == 0) {
		if ((tail = page_between(p, pn, base + i, base + end, s + li,
		    i - li, s + end, ri - end, fits_lost, &f)) == 0)
			return 0;
		putcp(&span_rep, tail);
		note_byte(gbk_encode(tail) >> 8, tail);
		note_byte(gbk_encode(tail) & 0xFF, tail);
		return 2;
	}
	f.lead = code & 0xFF;
	if ((tail = page_between(p, pn, base + i, base + end, NULL, 0,
	    s + end, ri - end, fits_lost, &f)) == 0)
		return 0;
	/* After a sentence end, X's lead byte is a 。's trail. */
	if (!lost_period(before, code >> 8)) {
		f.lead = 0;
		f.trail = code >> 8;
		f.after = 0;
		if ((head = page_between(p, pn, base + i, base + end, s + li,
		    i - li, NULL, 0, fits_lost, &f)) == 0)
			return 0;
		putcp(&span_rep, head);
		note_byte(gbk_encode(head) >> 8, head);
	}
	putcp(&span_rep, tail);
	note_byte(gbk_encode(tail) & 0xFF, tail);
	return head ? 2 : 1;
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
 * What "??" between before and after costs read as it may well be: a
 * question mark typed half-width, twice (真的假的??我不信).
 */
static double
typed_question(int32_t before, int32_t after)
{
	return charlm_cost(before, 0xFF1F) + charlm_cost(0xFF1F, 0xFF1F) +
	    charlm_cost(0xFF1F, after);
}

/*
 * What a character chosen for "??" between before and after may cost
 * beside them at most to be kept (lost_whole() refuses one that costs
 * more): likely text, and likelier than the question marks by
 * QUESTION_GAIN.
 */
static double
whole_limit(int32_t before, int32_t after)
{
	double typed = typed_question(before, after) - QUESTION_GAIN;

	return typed < 2 * SHORT ? typed : 2 * SHORT;
}

/*
 * Does some Han character whose trail byte fails before after cost at
 * most limit beside before and after?  If none does, whichever the
 * search chose would be refused: two lookups a candidate say so, where
 * the search takes five and its beams (most "??" of the web's pages are
 * questions typed so, and none passes).
 */
static int
whole_may_pass(int32_t before, int32_t after, double limit)
{
	unsigned l, v;
	int32_t c;

	if (limit < 0)
		return 0;
	for (v = 0x81; v <= 0xFE; v++) {
		if (!pair_fails(v, after))
			continue;
		for (l = 0x81; l <= 0xFE; l++)
			if ((c = gbk_decode(l, v)) != 0 && sp_is_han(c) &&
			    charlm_cost(before, c) + charlm_cost(c, after) <=
			    limit)
				return 1;
	}
	return 0;
}

/* How many characters the page writes beside a neighbour of "??" are
 * kept, at most. */
#define PAGE_NEIGHBOURS 6
/*
 * What a character that the page writes beside the same neighbour costs
 * less for "??", and a pair that it writes for "?X?", in bits: the page's
 * own words are likelier on it than in text at large (a cache model's
 * evidence, softer than short_from_page()'s two neighbours each side,
 * which choose alone).  Read on the labelled lines (2026-12-05): any of 1
 * to 6 bits filled 今年3月，??方拟 as 双方 (the line writes 双方组委会),
 * where the models chose 双 over 东 by a margin too small to keep it; 2
 * to 6 read 服务?裆? as 服务民生, where the line writes 民生 elsewhere,
 * not 服务神色.  Nothing else changed, nor anything of the SogouCA sample
 * under 4.
 */
#define PAGE_BONUS 2.0

/* Is c one of page[0..npage)? */
static int
on_page(int32_t c, const int32_t *page, size_t npage)
{
	size_t k;

	for (k = 0; k < npage; k++)
		if (page[k] == c)
			return 1;
	return 0;
}

/*
 * The Han characters that the page writes right before after or right
 * after before (each a Han character) and that fit "??" at s[i..end) of
 * the line s[0..n) (their trail byte fails before after): into out[], up
 * to PAGE_NEIGHBOURS.  Returns how many (0 also when the line's budget is
 * spent).
 */
static size_t
whole_neighbours(const char *s, size_t n, size_t i, size_t end,
    int32_t before, int32_t after, int32_t *out)
{
	const char *p;
	size_t pn, base = page_of(s, n, &p, &pn), got = 0, un, k, j, m;
	struct lost_fit f = { 0, 0, after };
	int32_t found[PAGE_NEIGHBOURS];
	char u[4];

	if (!budget_take(2 * page_cost(pn, base + i, base + end), 0))
		return 0;
	if (sp_is_han(after)) {
		un = sp_utf8_encode(after, u);
		got = page_neighbours(p, pn, base + i, base + end, u, un, 1,
		    fits_lost, &f, out, PAGE_NEIGHBOURS);
	}
	if (sp_is_han(before) && got < PAGE_NEIGHBOURS) {
		un = sp_utf8_encode(before, u);
		m = page_neighbours(p, pn, base + i, base + end, u, un, 0,
		    fits_lost, &f, found, PAGE_NEIGHBOURS - got);
		for (k = 0; k < m; k++) {
			for (j = 0; j < got && out[j] != found[k]; j++)
				;
			if (j == got)
				out[got++] = found[k];
		}
	}
	return got;
}

/*
 * "??" between far before2 before (LEFT characters, far_before()) and
 * after after2 after3: into span_rep, the Han character whose trail byte
 * fails before after that reads likeliest there in text of script
 * (span_script()), those of page[0..npage) (whole_neighbours())
 * PAGE_BONUS likelier.  Returns the bytes restored, 0 when none reads as
 * text, or NOT_SEARCHED.
 */
static size_t
lost_whole(const int32_t *far, int32_t before2, int32_t before, int32_t after,
    int32_t after2, int32_t after3, int script, const int32_t *page,
    size_t npage)
{
	int32_t c, bh = 0, w3[5] = { before2, before, 0, after, after2 };
	unsigned l, v, bl = 0, bv = 0;
	double cost, best = 0, second = INFINITY, wc;
	struct beam cand, words, top;
	size_t k, x;
	struct memo_key key = { { 'W' | script << 8, before2, before, after,
	    after2, after3 } };
	struct memo_val got;
	struct beam paged;

	for (k = 0; k < npage && k < PAGE_NEIGHBOURS; k++)
		key.k[6 + k] = page[k];
	key.k[12] = far[0];
	key.k[13] = far[1];

	if (memo_get(&key, &got)) {
		bh = got.c[0];
		bl = got.byte[0];
		bv = got.byte[1];
		goto chosen;
	}
	if (!budget_take(ALL_PAIRS, BEAM_WHOLE + BEAM))
		return NOT_SEARCHED;
	if (!whole_may_pass(before, after, whole_limit(before, after))) {
		memo_put(&key, &(struct memo_val){ { 0, 0 }, { 0, 0 } });
		return 0;
	}
	/*
	 * Some 16,000 characters fit: the bigram model's cost beside the
	 * two neighbours keeps the few that may read as text for the full
	 * cost (see mojibake_beam.h), and the word list those that make a
	 * word of three with them, which the bigram model cannot see
	 * (切入点).
	 */
	beam_init(&cand, BEAM_WHOLE);
	beam_init(&words, BEAM);
	for (v = 0x81; v <= 0xFE; v++) {
		if (!pair_fails(v, after))
			continue;
		for (l = 0x81; l <= 0xFE; l++) {
			if ((c = gbk_decode(l, v)) == 0 || !sp_is_han(c))
				continue;
			beam_add(&cand, charlm_cost2(before2, before, c) +
			    charlm_cost(c, after) +
			    charlm_script_cost(c, script), c, l, v);
			w3[2] = c;
			for (x = 0; x < 3; x++)
				if ((wc = wordlm_word(w3 + x, 3)) >= 0)
					beam_add(&words, wc, c, l, v);
		}
	}
	beam_init(&paged, BEAM);
	for (k = 0; k < npage; k++) {
		unsigned code = gbk_encode(page[k]);

		beam_add(&paged, 0, page[k], code >> 8, code & 0xFF);
	}
	beam_merge(&cand, &paged);
	beam_merge(&cand, &words);
	beam_order(&cand);
	/* By the word models, then the BEAM best by the word bigram model
	 * too (mojibake_score.h); top.byte is the place in cand. */
	beam_init(&top, BEAM);
	for (k = 0; k < cand.n; k++) {
		int32_t win[8] = { far[0], far[1], before2, before,
		    cand.c[k], after, after2, after3 };

		beam_add(&top, choice_words(win, 8) - (on_page(cand.c[k],
		    page, npage) ? PAGE_BONUS : 0) +
		    charlm_script_cost(cand.c[k], script), cand.c[k],
		    (unsigned)k, 0);
	}
	beam_order(&top);
	for (k = 0; k < top.n; k++) {
		int32_t win[8] = { far[0], far[1], before2, before, top.c[k],
		    after, after2, after3 };

		cost = top.cost[k] + whole_bigram(win, 8);
		if (bh == 0 || cost < best) {
			second = bh == 0 ? second : best;
			bh = top.c[k];
			best = cost;
			bl = cand.byte[top.byte[k]];
			bv = cand.byte2[top.byte[k]];
		} else if (cost < second) {
			second = cost;
		}
	}
	/* A choice the context does not make is a guess (see
	 * WHOLE_MARGIN): the "??" stays. */
	if (second - best < WHOLE_MARGIN)
		bh = 0;
	memo_put(&key, &(struct memo_val){ { bh, 0 }, { bl, bv } });
chosen:
	if (bh == 0)
		return 0;
	if (charlm_cost(before, bh) + charlm_cost(bh, after) >
	    whole_limit(before, after))
		return 0;
	sp_buf_clear(&span_rep);
	sp_buf_clear(&span_note);
	putcp(&span_rep, bh);
	note_byte(bl, bh);
	note_byte(bv, bh);
	return 2;
}

/* Is t, made with trail byte v, a tail "?X?" may end with before after? */
static int
halves_tail(int32_t t, unsigned v, int32_t after, int listing)
{
	return t != 0 && cjk_text(t) && pair_fails(v, after) &&
	    (!listing || sp_is_cn_numeral(t));
}

/*
 * The cost of the lightest word of the list that the two halves h t make
 * with the characters around them (win[0..6): before2 before h t after
 * after2), or -1 when they make none.
 */
static double
halves_word(const int32_t *win)
{
	double best = -1, wc;
	size_t from, len;

	for (len = 2; len <= 4; len++)
		for (from = len > 2 ? 4 - len : 2; from <= 2 && from +
		    len <= 6; from++)
			if ((wc = wordlm_word(win + from, len)) >= 0 &&
			    (best < 0 || wc < best))
				best = wc;
	return best;
}

/*
 * The head h of "?X?" after before as the repair writes it: a 。 lost
 * after a sentence end is left out (see lost_halves()), and a pair with
 * it is costed as the text it leaves, not as a second 。 there.
 * Returns h, or 0 (a code point the models skip).
 */
static int32_t
written_head(int32_t h, int32_t before)
{
	return h == 0x3002 && is_final(before) ? 0 : h;
}

/*
 * Do the two halves h t of "?X?" read as text between before and after,
 * as the repair writes them (a 。 lost after a sentence end left out)?
 * The characters that fit are chosen among the pairs that do, or that the
 * page writes (a pair of a name the models do not know, 青岛港为龙头 on a
 * page that writes 烟台港为两翼): the likeliest by the models may read as
 * no text by the bigram model alone (空腹对柳丁) where the next reads as
 * text (空腹自柳丁, its tail right).
 */
static int
halves_read(int32_t h, int32_t t, int32_t before, int32_t after)
{
	/*
	 * What it costs: a mark's cost, less than SHORT, goes with a 。
	 * left out.
	 */
	if (h == 0x3002 && is_final(before))
		return charlm_cost(before, t) + charlm_cost(t, after) <=
		    2.5 * SHORT;
	return charlm_cost(before, h) + charlm_cost(h, t) +
	    charlm_cost(t, after) <= 3 * SHORT;
}

/* How many pairs the page writes that fit "?X?" are kept, at most. */
#define PAGE_PAIRS 4

/* What a pair found on the page must fit (page_pairs()). */
struct halves_fit {
	unsigned code;	/* X's */
	int32_t after;
	int listing;
};

static int
fits_halves(int32_t h, int32_t t, const void *arg)
{
	const struct halves_fit *f = arg;
	unsigned hc = gbk_encode(h), tc = gbk_encode(t);

	return sp_is_han(h) && sp_is_han(t) && hc > 0xFF && tc > 0xFF &&
	    (hc & 0xFF) == f->code >> 8 && tc >> 8 == (f->code & 0xFF) &&
	    halves_tail(t, tc & 0xFF, f->after, f->listing);
}

/*
 * The pairs of Han characters that the page writes next to each other
 * and that fit "?X?" at s[i..end) of the line s[0..n), code X's GBK code:
 * the trail byte of the first and the lead of the second X's, the second's
 * trail failing before after.  Into out[] (two code points a pair), up to
 * PAGE_PAIRS; returns how many (0 also when the line's budget is spent).
 */
static size_t
halves_neighbours(const char *s, size_t n, size_t i, size_t end,
    unsigned code, int32_t before, int32_t after, int32_t *out)
{
	const char *p;
	size_t pn, base = page_of(s, n, &p, &pn);
	struct halves_fit f = { code, after,
	    is_final(before) && after == 0x3001 };

	if (!budget_take(page_cost(pn, base + i, base + end), 0))
		return 0;
	return page_pairs(p, pn, base + i, base + end, fits_halves, &f, out,
	    PAGE_PAIRS);
}

/* Is h t one of the pairs page[0..2 npage)? */
static int
pair_on_page(int32_t h, int32_t t, const int32_t *page, size_t npage)
{
	size_t k;

	for (k = 0; k < npage; k++)
		if (page[2 * k] == h && page[2 * k + 1] == t)
			return 1;
	return 0;
}

/*
 * "?X?" between far before2 before (LEFT characters, far_before()) and
 * after after2 after3, code X's GBK code: into span_rep, the two
 * characters with X's bytes, the trail of one and the lead of the next,
 * that read likeliest there, the pairs of page[0..2 npage)
 * (halves_neighbours()) PAGE_BONUS likelier.  Returns the bytes restored,
 * 0 when none read as text, or NOT_SEARCHED.
 */
static size_t
lost_halves(unsigned code, const int32_t *far, int32_t before2,
    int32_t before, int32_t after, int32_t after2, int32_t after3,
    const int32_t *page, size_t npage)
{
	/* After a sentence end, before 、, the character is a list's number
	 * (一、 二、 三、): the models know the numerals as words, not as the
	 * items of a list, and would take 而 for 二. */
	int listing = is_final(before) && after == 0x3001;
	int32_t h, t, bh = 0, bt = 0;
	unsigned l, v, bl = 0, bv = 0;
	double cost, best = 0, wc;
	struct beam heads, tails, words, pairs;
	size_t a, b, k;
	int period;
	struct memo_key key = { { 'H' | (int32_t)marks_open() << 8,
	    (int32_t)code, before2, before, after,
	    after2, after3 } };
	struct memo_val got;

	for (k = 0; k < npage && k < PAGE_PAIRS; k++)
		key.k[7 + k] = (int32_t)((uint32_t)page[2 * k] << 16 |
		    (uint32_t)page[2 * k + 1]);
	key.k[12] = far[0];
	key.k[13] = far[1];
	if (memo_get(&key, &got)) {
		bh = got.c[0];
		bt = got.c[1];
		bl = got.byte[0];
		bv = got.byte[1];
		goto chosen;
	}
	if (!budget_take(ALL_PAIRS, ENDS_FULL + BEAM))
		return NOT_SEARCHED;
	/*
	 * Each half costed with its side first (mojibake_beam.h), and the
	 * pairs that make a word of the list together (总结出智慧: 智 alone
	 * reads badly after 出, and is no head its side would keep).
	 */
	beam_init(&heads, BEAM);
	beam_init(&tails, BEAM);
	beam_init(&words, BEAM);
	for (l = 0x81; l <= 0xFE; l++) {
		if ((h = gbk_decode(l, code >> 8)) == 0 || !cjk_text(h))
			continue;
		{
			int32_t win[5] = { far[0], far[1], before2, before,
			    written_head(h, before) };

			beam_add(&heads, choice_cost(win, 5) + mark_fit(h), h,
			    l, 0);
		}
		if (!sp_is_han(h))
			continue;
		for (v = 0x81; v <= 0xFE; v++) {
			int32_t win[6] = { before2, before, h, 0, after,
			    after2 };

			t = gbk_decode(code & 0xFF, v);
			if (!sp_is_han(t) || !halves_tail(t, v, after,
			    listing))
				continue;
			win[3] = t;
			if ((wc = halves_word(win)) >= 0)
				beam_add(&words, wc, h, l, v);
		}
	}
	for (v = 0x81; v <= 0xFE; v++) {
		t = gbk_decode(code & 0xFF, v);
		if (!halves_tail(t, v, after, listing))
			continue;
		{
			int32_t win[4] = { t, after, after2, after3 };

			beam_add(&tails, choice_cost(win, 4) + mark_fit(t), t,
			    v, 0);
		}
	}
	beam_order(&heads);
	beam_order(&tails);
	/* The pairs by the word models: byte and byte2 are their bytes. */
	beam_init(&pairs, BEAM);
	for (a = 0; a < heads.n + words.n + npage; a++)
		for (b = 0; b < (a < heads.n ? tails.n : 1); b++) {
			if (a < heads.n) {
				l = heads.byte[a];
				v = tails.byte[b];
			} else if (a < heads.n + words.n) {
				l = words.byte[a - heads.n];
				v = words.byte2[a - heads.n];
			} else {
				k = a - heads.n - words.n;
				l = gbk_encode(page[2 * k]) >> 8;
				v = gbk_encode(page[2 * k + 1]) & 0xFF;
			}
			h = gbk_decode(l, code >> 8);
			t = gbk_decode(code & 0xFF, v);
			{
				int32_t win[9] = { far[0], far[1], before2,
				    before, written_head(h, before), t, after,
				    after2, after3 };

				beam_add(&pairs, choice_words(win, 9) +
				    mark_fit(h) + mark_fit(t) -
				    (pair_on_page(h, t, page, npage) ?
				    PAGE_BONUS : 0), 0, l, v);
			}
		}
	beam_order(&pairs);
	for (k = 0; k < pairs.n; k++) {
		int32_t win[9] = { far[0], far[1], before2, before, 0, 0,
		    after, after2, after3 };

		if (k > 0 && pairs.byte[k] == pairs.byte[k - 1] &&
		    pairs.byte2[k] == pairs.byte2[k - 1])
			continue;	/* a word pair of the heads and tails */
		h = gbk_decode(pairs.byte[k], code >> 8);
		t = gbk_decode(code & 0xFF, pairs.byte2[k]);
		if (!halves_read(h, t, before, after) &&
		    !pair_on_page(h, t, page, npage))
			continue;
		win[4] = written_head(h, before);
		win[5] = t;
		cost = pairs.cost[k] + choice_bigram(win, 9);
		if (bh == 0 || cost < best) {
			bh = h;
			bt = t;
			best = cost;
			bl = pairs.byte[k];
			bv = pairs.byte2[k];
		}
	}
	memo_put(&key, &(struct memo_val){ { bh, bt }, { bl, bv } });
chosen:
	if (bh == 0)
		return 0;
	/* A 。 lost after a sentence end (see gbk_shift()) is left out. */
	period = bh == 0x3002 && is_final(before);
	sp_buf_clear(&span_rep);
	sp_buf_clear(&span_note);
	if (!period) {
		putcp(&span_rep, bh);
		note_byte(bl, bh);
	}
	putcp(&span_rep, bt);
	note_byte(bv, bt);
	return period ? 1 : 2;
}

/* How far back a clause's question word is looked for, in characters. */
#define CLAUSE_REACH 24

/*
 * Does the clause before s[i] ask a question (a particle or question
 * word in it: 吗, 呢, 什么, 怎么办, 是谁)?  Then "??" or "?X?" at s[i] is
 * its question mark typed half-width, clean text whatever character
 * would fit between: a lost character is no likelier after a question
 * word than anywhere, a question mark is.
 */
static int
question_before(const char *s, size_t i)
{
	size_t m, k;
	int32_t c;

	for (k = 0; k < CLAUSE_REACH && i > 0; k++, i -= m) {
		c = cp_before(s, i, &m);
		if (c == '\n' || is_final(c) || c == 0xFF0C || c == ',' ||
		    c == 0xFF1B || c == ';' || c == 0xFF1A || c == ':' ||
		    c == 0x3001)
			return 0;
		if (asks(c))
			return 1;
	}
	return 0;
}

static size_t
gbk_shift_short(const char *s, size_t n, size_t i, size_t j, size_t chars,
    struct sp_buf *out, int *fixed, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t m, m0, mk, end, restored;
	int32_t before, before2, after, after2, after3, far[2];
	unsigned code;

	if (i == 0)
		return 0;
	far_before(s, i, far);
	before = cp_before(s, i, &m);
	before2 = i > m ? cp_before(s, i - m, &mk) : 0;
	cp_at(s, n, j, &mk);
	end = j + mk;
	/* At the end of a line, "??" ends a question. */
	if (end >= n)
		return 0;
	if (s[i] == '?' && question_before(s, i))
		return 0;
	after = cp_at(s, n, end, &m);
	after2 = next_after(s, n, end);
	after3 = third_after(s, n, end);
	cp_at(s, n, i, &m0);
	code = chars ? gbk_encode(span_char(cp_at(s, n, i + m0, &m))) : 0;
	/*
	 * Between two marks, "?X?" is a lost character only with the
	 * shift's signature: a 。 lost after a sentence end, X its trail
	 * byte paired with the next character's lead ("。?６?、" for "。二、",
	 * a list's next item).  Between Han characters X is a lost pair's
	 * middle also before a letter or digit, the ASCII byte the trail
	 * failed on ("约?枰?3小时" for "约需要3小时").
	 */
	if (!cjk_text(span_char(before)) || (!cjk_text(span_char(after)) &&
	    !(chars == 1 && sp_is_han(before) && after < 0x80 &&
	    sp_is_alnum(after) && sp_is_han(cp_at(s, n, i + m0, &m)))) ||
	    (!sp_is_han(before) && !sp_is_han(after) &&
	    !(chars == 1 && lost_period(before, code >> 8))))
		return 0;
	/*
	 * What the page writes beside the same words first: a lost name is
	 * one the models do not know (西部??伯塔省 read as 西部伯伯塔省).
	 */
	restored = short_from_page(s, n, i, end, chars, code, before, after);
	if (restored == 0 && chars == 0) {
		int32_t page[PAGE_NEIGHBOURS];
		size_t npage = whole_neighbours(s, n, i, end, before, after,
		    page);

		restored = lost_whole(far, before2, before, after, after2,
		    after3, span_script(s, n, i, end), page, npage);
	} else if (restored == 0) {
		int32_t page[2 * PAGE_PAIRS];
		size_t npage = halves_neighbours(s, n, i, end, code, before,
		    after, page);

		restored = lost_halves(code, far, before2, before, after,
		    after2, after3, page, npage);
	}
	if (restored == NOT_SEARCHED)
		return unsearched("gbk-shift", s, i, end);
	if (restored == 0)
		return 0;
	st->restored += restored;
	*fixed = 1;
	repaired("gbk-shift", s + i, end - i, st, explain, ctx);
	put(out, span_rep.data, span_rep.len);
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
	int32_t before, before2, after, after2, c, far[2];
	unsigned byte = 0;

	if (i == 0 || j + 1 >= n)
		return 0;
	before = cp_before(s, i, &m);
	after = cp_at(s, n, j + 1, &m);
	if (!sp_is_han(before) || !sp_is_han(after))
		return 0;
	before2 = i > m ? cp_before(s, i - m, &k) : 0;
	after2 = next_after(s, n, j + 1);
	far_before(s, i, far);
	{
		struct memo_key key = { { 'A' | (int32_t)marks_open() << 8,
		    (unsigned char)s[j], before2,
		    before, after, after2 } };

		key.k[12] = far[0];
		key.k[13] = far[1];
		struct memo_val got;

		if (memo_get(&key, &got)) {
			c = got.c[0];
			byte = got.byte[0];
		} else if (!budget_take(0, 126)) {
			return unsearched("gbk-shift", s, i, j + 1);
		} else {
			c = choose_gbk((unsigned char)s[j], 1, 0x81, 0xFE,
			    NULL, 0, far, before2, before, after, after2,
			    &byte);
			memo_put(&key, &(struct memo_val){ { c, 0 },
			    { c ? byte : 0, 0 } });
		}
	}
	if (c == 0 || !sp_is_han(c) || charlm_cost(before, c) +
	    charlm_cost(c, after) > 2 * SHORT)
		return 0;
	sp_buf_clear(&span_rep);
	sp_buf_clear(&span_note);
	putcp(&span_rep, c);
	note_byte(byte, c);
	st->restored++;
	*fixed = 1;
	repaired("gbk-shift", s + i, j + 1 - i, st, explain, ctx);
	put(out, span_rep.data, span_rep.len);
	return j + 1 - i;
}

/* The window of a span's two ends, head and tail, and mid between. */
static void
ends_window(int32_t *win, const int32_t *far, int32_t before2,
    int32_t before, int32_t head, const int32_t *mid, size_t nmid,
    int32_t tail, int32_t after, int32_t after2, int32_t after3)
{
	size_t k;

	win[0] = far[0];
	win[1] = far[1];
	win[2] = before2;
	win[3] = before;
	win[4] = head;
	for (k = 0; k < nmid; k++)
		win[5 + k] = mid[k];
	win[5 + k] = tail;
	win[6 + k] = after;
	win[7 + k] = after2;
	win[8 + k] = after3;
}

/*
 * The characters that lost a byte at both ends of a shifted span with a
 * middle mid[0..nmid) of at most two characters, chosen together (the
 * choice of one changes the likeliest other: 的灵魂, not 心灵魂), after
 * far before2 before (far_before()): head is (lost, b0), tail (lead,
 * lost) with a byte that fails before after.  Returns 1 and them with
 * their bytes, or 0 when no pair is characters.
 */
static int
choose_ends(unsigned b0, unsigned lead, const int32_t *mid, size_t nmid,
    const int32_t *far, int32_t before2, int32_t before, int32_t after,
    int32_t after2, int32_t after3, unsigned open, int32_t *head,
    unsigned *hbyte, int32_t *tail, unsigned *tbyte)
{
	int32_t win[11];
	unsigned v, w;
	double cost, best = 0;
	size_t k, a, b;
	int found = 0;
	struct beam heads, tails, pairs;

	/* Each end costed with its side first (mojibake_beam.h). */
	beam_init(&heads, BEAM);
	beam_init(&tails, BEAM);
	for (v = 0x81; v <= 0xFE; v++) {
		if ((win[4] = gbk_decode(v, b0)) == 0)
			continue;
		*head = win[4];
		win[0] = far[0];
		win[1] = far[1];
		win[2] = before2;
		win[3] = before;
		for (k = 0; k < nmid; k++)
			win[5 + k] = mid[k];
		beam_add(&heads, choice_words(win, 5 + nmid) +
		    mark_fit(*head), *head, v, 0);
	}
	for (w = 0x81; w <= 0xFE; w++) {
		if ((win[nmid] = gbk_decode(lead, w)) == 0 ||
		    !pair_fails(w, after))
			continue;
		*tail = win[nmid];
		for (k = 0; k < nmid; k++)
			win[k] = mid[k];
		win[nmid + 1] = after;
		win[nmid + 2] = after2;
		win[nmid + 3] = after3;
		beam_add(&tails, choice_words(win, 4 + nmid) +
		    mark_fit_in(*tail, open), *tail, w, 0);
	}
	beam_order(&heads);
	beam_order(&tails);
	/* The pairs by the word models, then the BEAM best by the word
	 * bigram model too (its byte and byte2: the ends' places). */
	beam_init(&pairs, BEAM);
	for (a = 0; a < heads.n; a++)
		for (b = 0; b < tails.n; b++) {
			ends_window(win, far, before2, before, heads.c[a], mid,
			    nmid, tails.c[b], after, after2, after3);
			beam_add(&pairs, choice_words(win, 9 + nmid) +
			    mark_fit(heads.c[a]) +
			    mark_fit_in(tails.c[b], open), 0, (unsigned)a,
			    (unsigned)b);
		}
	beam_order(&pairs);
	for (k = 0; k < pairs.n; k++) {
		a = pairs.byte[k];
		b = pairs.byte2[k];
		ends_window(win, far, before2, before, heads.c[a], mid, nmid,
		    tails.c[b], after, after2, after3);
		cost = pairs.cost[k] + choice_bigram(win, 9 + nmid);
		if (!found || cost < best) {
			found = 1;
			best = cost;
			*head = heads.c[a];
			*hbyte = heads.byte[a];
			*tail = tails.c[b];
			*tbyte = tails.byte[b];
		}
	}
	return found;
}


/* The characters of a span's opening (see gbk_shift()). */
#define OPENING_CHARS 24

/* The bytes of the first OPENING_CHARS characters of s[i..j). */
static size_t
opening_bytes(const char *s, size_t j, size_t i)
{
	size_t at = i, c, m;

	for (c = 0; c < OPENING_CHARS && at < j; c++) {
		cp_at(s, j, at, &m);
		at += m;
	}
	return at - i;
}

/*
 * Reads the characters of a shifted span from s[j..n) as GBK bytes into
 * span_bytes, up to the closing marker (*closed set) or the first
 * character GBK lacks, and when at_ascii, up to the first ASCII
 * character in a trail byte's range (see gbk_shift()).  Returns where
 * they end; *chars gets how many.
 */
static size_t
read_shifted(const char *s, size_t n, size_t j, size_t *chars, int *closed,
    int at_ascii)
{
	size_t m;
	unsigned code;
	int32_t cp;

	*chars = 0;
	*closed = 0;
	sp_buf_clear(&span_bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (is_marker(cp)) {
			*closed = 1;
			break;
		}
		if (at_ascii && cp >= 0x40 && cp < 0x7F)
			break;
		if ((code = gbk_encode(span_char(cp))) == 0)
			break;
		putch(&span_bytes, (int)(code >> 8));
		putch(&span_bytes, (int)(code & 0xFF));
		(*chars)++;
		j += m;
	}
	return j;
}

/*
 * The middle of a shifted span, known for sure: span_bytes paired one
 * byte on, (b1, b2) ... (b[2k-3], b[2k-2]), decoded into span_rep.  A
 * pair of GBK's user-defined areas (a private mark some sites put between
 * paragraphs, which the decoder lost with the alignment) is kept as
 * U+FFFD, wherever the same pair recurs.  Returns 0, or -1 when a pair
 * is no character.
 */
static int
decode_middle(void)
{
	size_t m;
	int32_t c;
	unsigned l, t, private = 0;

	sp_buf_clear(&span_rep);
	sp_buf_clear(&span_note);
	for (m = 1; m + 1 < span_bytes.len; m += 2) {
		l = (unsigned char)span_bytes.data[m];
		t = (unsigned char)span_bytes.data[m + 1];
		if ((c = gbk_decode(l, t)) == 0) {
			/* The mark is one pair, written again where it recurs. */
			if (!gbk_user_defined(l, t) ||
			    (private && private != (l << 8 | t)))
				return -1;
			private = l << 8 | t;
			c = 0xFFFD;
		}
		putcp(&span_rep, c);
	}
	return 0;
}

/* The characters that lost a byte at the ends of a span, and the bytes. */
struct ends {
	int32_t head, tail;	/* 0: none found */
	unsigned hbyte, tbyte;
};

/*
 * Chooses the ends of the span whose middle is in span_rep: b0 is the
 * trail byte of the head, lead the lead byte of the tail (which only a
 * closed span has), far before2 before the LEFT characters before the
 * span (far_before()).  With a middle of two characters or fewer the two
 * are chosen together, else each beside the middle.  Returns 1, or 0
 * when the line's budget is spent (nothing chosen).
 */
static int
choose_both_ends(unsigned b0, unsigned lead, int closed, const int32_t *far,
    int32_t before2, int32_t before, int32_t after, int32_t after2,
    int32_t after3, struct ends *e)
{
	int32_t mid[3] = { 0, 0, 0 };
	size_t nmid, k, mk;
	const char *r = span_rep.data;
	size_t rn = span_rep.len;
	struct memo_key key;
	struct memo_val got;
	unsigned open;

	e->head = e->tail = 0;
	e->hbyte = e->tbyte = 0;
	for (nmid = 0, k = 0; k < rn && nmid < 3; k += mk)
		mid[nmid++] = cp_at(r, rn, k, &mk);
	/* The middle's ends and its length (0 to 3 or more) tell it. */
	memset(&key, 0, sizeof key);
	key.k[0] = (int32_t)marks_open() << 16 | 'E' << 8 | (int32_t)nmid;
	key.k[1] = (int32_t)(b0 | lead << 8 | (unsigned)closed << 16);
	key.k[2] = first_cp(r, rn);
	key.k[3] = second_cp(r, rn);
	key.k[4] = last2_cp(r, rn);
	key.k[5] = last_cp(r, rn);
	key.k[6] = before2;
	key.k[7] = before;
	key.k[8] = after;
	key.k[9] = after2;
	key.k[10] = after3;
	/* The marks the middle opens count for its tail (（来源：羊城晚报? is
	 * closed by ）, not ０). */
	key.k[11] = (int32_t)(open = marks_open_after(r, rn));
	key.k[12] = far[0];
	key.k[13] = far[1];
	if (memo_get(&key, &got)) {
		e->head = got.c[0];
		e->tail = got.c[1];
		e->hbyte = got.byte[0];
		e->tbyte = got.byte[1];
		return 1;
	}
	if (!budget_take(0, ENDS_FULL))
		return 0;
	if (!(closed && nmid <= 2 && choose_ends(b0, lead, mid, nmid, far,
	    before2, before, after, after2, after3, open, &e->head,
	    &e->hbyte, &e->tail, &e->tbyte))) {
		e->head = choose_gbk(b0, 1, 0x81, 0xFE, NULL, 0, far, before2,
		    before, first_cp(r, rn), second_cp(r, rn), &e->hbyte);
		/* The lead byte of the last pair is the span's last byte. */
		e->tail = closed ? choose_tail(lead, last2_cp(r, rn),
		    last_cp(r, rn), after, after2, open, &e->tbyte) : 0;
	}
	memo_put(&key, &(struct memo_val){ { e->head, e->tail },
	    { e->hbyte, e->tbyte } });
	return 1;
}

/*
 * The ends the page gives a span s[i..end) of the line s[0..n) whose middle
 * is mid[0..mn) (mojibake_page.h): where the page writes it elsewhere,
 * the character before it there whose trail byte is b0 (none needed after
 * a sentence end, see put_ends()) and the one after it whose lead byte is
 * lead and whose trail byte fails before after.  At least two characters
 * must be copied in a row, the middle's and the ends'.  Returns 1 and
 * fills *e (0 for an end the page does not give), or 0.
 */
static int
ends_from_page(const char *s, size_t n, size_t i, size_t end,
    const char *mid, size_t mn, unsigned b0, unsigned lead, int closed,
    int32_t before, int32_t after, struct ends *e)
{
	size_t at = 0, k, step, chars = 0, base, tries = 0;
	int32_t c;
	unsigned code;
	int best = 0, got, period = lost_period(before, b0);
	struct ends pe;

	memset(e, 0, sizeof *e);
	for (k = 0; k < mn; k += step, chars++)
		cp_at(mid, mn, k, &step);
	base = page_of(s, n, &s, &n);
	i += base;
	end += base;
	if (!budget_take(page_cost(n, i, end), 0))
		return 0;
	for (; tries++ < PAGE_TRIES && page_find(s, n, i, end, mid, mn, &at);
	    at++) {
		memset(&pe, 0, sizeof pe);
		if (!period && at > 0 && ((code = gbk_encode(c =
		    cp_before(s, at, &k))) & 0xFF) == b0 && code > 0xFF) {
			pe.head = c;
			pe.hbyte = code >> 8;
		}
		if (closed && at + mn < n && (code = gbk_encode(c = cp_at(s, n,
		    at + mn, &k))) >> 8 == lead && pair_fails(code & 0xFF,
		    after)) {
			pe.tail = c;
			pe.tbyte = code & 0xFF;
		}
		got = (int)chars + (pe.head != 0) + (pe.tail != 0);
		if (got >= 2 && got > best) {
			best = got;
			*e = pe;
		}
	}
	return best > 0;
}

/*
 * The tail of a span s[i..end) whose middle reads as text, its trail
 * byte lost: where the page writes the two Han characters after the
 * span, the character before them whose lead byte is lead and whose
 * trail fails before after.  A name the models do not know: 作者：汤一亮
 * ?胜春 is 庄胜春 on a page that writes 庄胜春, not 转胜春.  Where a mark
 * follows the span, the character the page writes after the span's last
 * two (the middle in span_rep, the head before it when the middle is one
 * character): "经济?母叩?," is 经济的高地 on a page that writes 人文的高地,
 * not 的高等.  Returns it, or 0 (also when the line's budget is spent).
 */
static int32_t
tail_from_page(const char *s, size_t n, size_t i, size_t end, unsigned lead,
    int32_t head, int32_t after)
{
	const char *p;
	size_t pn, base = page_of(s, n, &p, &pn), ri, k, m;
	struct lost_fit f = { lead, 0, after };
	char left[8];
	size_t ln = 0;
	int32_t last[2] = { 0, head };

	for (ri = end, k = 0; k < 2 && ri < n; k++) {
		if (!sp_is_han(cp_at(s, n, ri, &m)))
			break;
		ri += m;
	}
	if (k < 2) {
		/* The middle's last two characters, or the head and it. */
		for (k = 0; k < span_rep.len; k += m) {
			last[0] = last[1];
			last[1] = cp_at(span_rep.data, span_rep.len, k, &m);
		}
		if (!sp_is_han(last[0]) || !sp_is_han(last[1]))
			return 0;
		ln = sp_utf8_encode(last[0], left);
		ln += sp_utf8_encode(last[1], left + ln);
		ri = end;
	}
	if (!budget_take(page_cost(pn, base + i, base + end), 0))
		return 0;
	return page_between(p, pn, base + i, base + end, left, ln, s + end,
	    ri - end, fits_lost, &f);
}

/* The ends the page gives (ends_from_page()) over those chosen. */
static void
take_page_ends(struct ends *e, const struct ends *page)
{
	if (page->head) {
		e->head = page->head;
		e->hbyte = page->hbyte;
	}
	if (page->tail) {
		e->tail = page->tail;
		e->tbyte = page->tbyte;
	}
}

/*
 * The repair into span_rep: the head, the middle (moved to span_bytes),
 * the tail when tail_lost, U+FFFD for an end not found.  Returns the
 * bytes restored.
 */
static size_t
put_ends(const struct ends *e, unsigned char first_byte, int32_t before,
    int tail_lost)
{
	size_t restored = 0;

	sp_buf_clear(&span_bytes);
	put(&span_bytes, span_rep.data, span_rep.len);
	sp_buf_clear(&span_rep);
	if (e->head && lost_period(before, first_byte)) {
		/*
		 * A sentence end, then the byte lost where a 。 could have
		 * stood: news feeds lose the lead byte of a paragraph's
		 * start after the sentence that ends the one before; the
		 * sentence end is there already.
		 */
	} else if (e->head) {
		putcp(&span_rep, e->head);
		note_byte(e->hbyte, e->head);
		restored++;
	} else {
		putcp(&span_rep, 0xFFFD);
	}
	put(&span_rep, span_bytes.data, span_bytes.len);
	if (!tail_lost) {
		/* The middle ends the span. */
	} else if (e->tail) {
		putcp(&span_rep, e->tail);
		note_byte(e->tbyte, e->tail);
		restored++;
	} else {
		putcp(&span_rep, 0xFFFD);
	}
	return restored;
}

/*
 * Does an unclosed shifted span end where the decoder realigned on a
 * trail byte in ASCII's range?  Its last byte then leads the character
 * whose trail s[j] is ("?馇榫w" for "免情緒": 緒 is BE 77, and 0x77 was
 * written as "w").  Returns that character, or 0.
 */
static int32_t
ascii_tail(const char *s, size_t n, size_t j)
{
	unsigned char t = j < n ? (unsigned char)s[j] : 0;
	int32_t c;

	if (t < 0x40 || t >= 0x7F || span_bytes.len == 0)
		return 0;
	c = gbk_decode((unsigned char)span_bytes.data[span_bytes.len - 1], t);
	return sp_is_han(c) ? c : 0;
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
size_t
gbk_shift(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j, k, m = 0, mk, chars, end, restored;
	unsigned lead;
	int32_t before, before2, after = 0, after2, after3, far[2];
	struct ends e, pe;
	int closed, page, signed_;
	int32_t tail, c;
	unsigned char first_byte;
	double old, new_;
	int as_text;

	marks_before(s, i);
	cp_at(s, n, i, &k);
	j = read_shifted(s, n, i + k, &chars, &closed, 1);
	/*
	 * An ASCII mark in a trail byte's range (^ ~ _ @ [ ] { }) may be
	 * a full-width one of the span that NFKC made ASCII, or the trail of
	 * the character the span ends with, written as ASCII where the
	 * decoder realigned ("?容^溫" for "比較溫": 較 is DD 5E).  A span
	 * closed by a marker after it is read whole, as before; an unclosed
	 * one ends at it.
	 */
	if (!closed && j < n && s[j] >= 0x40 && s[j] < 0x7F &&
	    span_char((unsigned char)s[j]) != (unsigned char)s[j]) {
		size_t whole_chars;
		int whole_closed;
		size_t whole = read_shifted(s, n, i + k, &whole_chars,
		    &whole_closed, 0);

		if (whole_closed)
			j = whole, chars = whole_chars, closed = 1;
		else
			j = read_shifted(s, n, i + k, &chars, &closed, 1);
	}
	if (chars == 0 && !closed && j < n && s[j] >= 0x40 && s[j] < 0x7F)
		return gbk_shift_ascii(s, n, i, j, out, fixed, st, explain,
		    ctx);
	/* A tail known whole: its trail byte is the ASCII character. */
	tail = closed ? 0 : ascii_tail(s, n, j);
	if (chars < 2 && tail == 0)
		return closed ? gbk_shift_short(s, n, i, j, chars, out, fixed,
		    st, explain, ctx) : 0;
	before = i > 0 ? cp_before(s, i, &m) : 0;
	before2 = i > m ? cp_before(s, i - m, &mk) : 0;
	/*
	 * An unclosed span is most often the rest of a line after a "?"
	 * typed half-width, which was costed whole for each "?" (perf:
	 * mean_cost() 13% of the step on clean speech pages): one whose
	 * first characters read as text is text.  A shifted span is garbled
	 * from its first character to its last.
	 */
	if (!closed && tail == 0 && chars > OPENING_CHARS &&
	    mean_cost(s + i + k, opening_bytes(s, j, i + k), before, 0) <
	    GARBLED)
		return 0;
	old = mean_cost(s + i + k, j - i - k, before, 0);
	/*
	 * A middle that reads as text is no mojibake, but for a closed one
	 * with the shift's signature (see signed_ below): the digit a lost
	 * 。 leaves costs little, and "。?２还?，" reads as "２还".
	 */
	if (old < GARBLED && !(closed && span_bytes.len > 0 &&
	    (lost_period(before, (unsigned char)span_bytes.data[0]) ||
	    (lost_mark_after(before, s + i + k, j - i - k) &&
	    !question_before(s, i)))))
		return 0;	/* reads as text already */
	/*
	 * Such a span, if no repair reads better, is left as text; so is
	 * one after a question word, whose "?" is first of all a question
	 * mark typed half-width (真的吗?Ａ股又跌了?我不信).
	 */
	as_text = old < GARBLED || question_before(s, i) ||
	    other_text(s + i + k, j - i - k);
	end = j;
	if (closed || tail) {
		cp_at(s, n, j, &mk);
		end = j + mk;
		after = end < n ? cp_at(s, n, end, &m) : '\n';
	}
	/* The middle, known for sure, must read as common text. */
	if (decode_middle() < 0)
		return as_text ? 0 : unrepaired("gbk-shift", s, i, end, chars);
	if (tail)
		putcp(&span_rep, tail);
	new_ = mean_cost(span_rep.data, span_rep.len, 0, 0);
	/*
	 * A middle of one or two characters is judged with its ends.  A
	 * span closed by a second marker, after which the text reads aligned
	 * again, is evidence of its own: its middle needs only SHORT_GAIN
	 * (a span of common characters, "?４税钢校?" for "此案中，", costs
	 * little more than text).
	 */
	first_byte = (unsigned char)span_bytes.data[0];
	lead = gbk_encode(span_char(cp_before(s, j, &mk))) & 0xFF;
	/*
	 * A closed span after a sentence end whose first byte is the trail
	 * of a 。 (A1 A3, its lead byte lost: a full-width letter or digit
	 * opens the span) bears the shift's signature: its middle needs only
	 * to read as text, a name in it allowed (SIGNED_TEXT), and better than
	 * the span ("?４由现ぶ甘?" for "。从上证指数", where the span's digit
	 * costs little).
	 */
	signed_ = closed && (lost_period(before, first_byte) ||
	    lost_mark_after(before, s + i + k, j - i - k));
	/*
	 * A middle the models doubt may yet be a name the page writes
	 * elsewhere: then the page gives the ends it can.
	 */
	page = chars > 3 && (signed_ ? new_ > SIGNED_TEXT || new_ >= old :
	    new_ > TEXT || new_ + (closed ? SHORT_GAIN : GAIN) > old);
	if (page && !ends_from_page(s, n, i, end, span_rep.data, span_rep.len,
	    first_byte, lead, closed, before, after, &pe))
		return as_text ? 0 :
		    unrepaired("gbk-shift", s, i, end, chars);
	/* The two characters that lost a byte. */
	after2 = (closed || tail) && end < n ? next_after(s, n, end) : 0;
	after3 = (closed || tail) && end < n ? third_after(s, n, end) : 0;
	far_before(s, i, far);
	if (!choose_both_ends(first_byte, lead, closed, far, before2, before,
	    after, after2, after3, &e))
		return unsearched("gbk-shift", s, i, end);
	if (page)
		take_page_ends(&e, &pe);
	else if (closed && (c = tail_from_page(s, n, i, end, lead,
	    lost_period(before, first_byte) ? 0 : e.head, after)) != 0) {
		e.tail = c;
		e.tbyte = gbk_encode(c) & 0xFF;
	}
	restored = put_ends(&e, first_byte, before, tail == 0);
	if (chars <= 3) {
		new_ = mean_cost(span_rep.data, span_rep.len, before, after);
		old = marked_cost(s + i + k, j - i - k, before, after);
		if ((new_ > TEXT || new_ + (signed_ ? 0 : SHORT_GAIN) > old) &&
		    !reads_as_words(span_rep.data, span_rep.len, s + i + k,
		    j - i - k, before, after)) {
			/* put_ends() left the middle alone in span_bytes. */
			if (!ends_from_page(s, n, i, end, span_bytes.data,
			    span_bytes.len, first_byte, lead, closed, before,
			    after, &pe))
				return as_text ? 0 : unrepaired("gbk-shift",
				    s, i, end, chars);
			sp_buf_clear(&span_rep);
			sp_buf_clear(&span_note);	/* the refused ends' */
			put(&span_rep, span_bytes.data, span_bytes.len);
			take_page_ends(&e, &pe);
			restored = put_ends(&e, first_byte, before, tail == 0);
		}
	}
	st->restored += restored;
	*fixed = 1;
	repaired("gbk-shift", s + i, end - i, st, explain, ctx);
	put(out, span_rep.data, span_rep.len);
	return end - i;
}
