/* mojibake_utf8.c: UTF-8 read as GBK; see mojibake_utf8.h. */
#include <string.h>

#include "mojibake_beam.h"
#include "mojibake_cache.h"
#include "mojibake_gbk.h"
#include "mojibake_latin1.h"
#include "mojibake_marks.h"
#include "mojibake_score.h"
#include "mojibake_span.h"
#include "mojibake_utf8.h"
#include "utf8.h"
#include "wordbigram.h"
#include "zh.h"

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

/*
 * A closing quote or bracket is likelier where span_rep has its opening
 * one open; a closing bracket with none open is unlikely (谢谢！, not
 * 谢谢）: the lost byte of ！ and of ） differ, and the model's rates of
 * punctuation after a word do not look back for the bracket).  A garbled
 * line is one run but for the ASCII in it, so the opening one is seldom
 * in a run before.
 */
#define PAIR_BONUS 6.0

/* What c's place in the pairs of span_rep takes off its cost. */
static double
pair_bonus(int32_t c)
{
	size_t k, i;
	int bracket = 0, depth = 0;
	int32_t cp, open = mark_opening(c, &bracket);

	if (open == 0)
		return 0;
	for (i = 0; i < span_rep.len; i += k) {
		cp = cp_at(span_rep.data, span_rep.len, i, &k);
		depth += cp == open;
		depth -= cp == c && depth > 0;
	}
	return depth > 0 ? PAIR_BONUS : bracket ? -PAIR_BONUS : 0;
}

/*
 * Could the decoder by have lost byte v, followed by byte next (-1: not
 * known, 256: none)?  Windows-1252 loses only the bytes it leaves
 * undefined.  A GBK decoder loses a byte that makes no character with the
 * byte after it, and goes on from that byte; pages are as often decoded
 * as GB2312, which has fewer: a lead outside A1..F7 or a trail outside
 * A1..FE makes none there.
 */
static int
byte_lost(enum lost_by by, unsigned v, int next)
{
	size_t k;

	if (by == LOST_BY_1252) {
		for (k = 0; k < N_UNDEFINED1252; k++)
			if (v == undefined1252[k])
				return 1;
		return 0;
	}
	if (next < 0 || next > 0xFF)
		return 1;
	if (by == LOST_BY_GBK_ONLY)
		return gbk_decode(v, (unsigned)next) == 0;
	if (v < 0xA1 || v > 0xF7)
		return 1;
	return next < 0xA1 || next > 0xFE ||
	    gbk_decode(v, (unsigned)next) == 0;
}

/* Could the decoder by have lost the bytes seq[at[k]], k < nat? */
static int
lost_fits(const unsigned char *seq, size_t len, const size_t *at, size_t nat,
    enum lost_by by, int next_byte)
{
	size_t k;

	for (k = 0; k < nat; k++)
		if (!byte_lost(by, seq[at[k]], at[k] + 1 < len ?
		    seq[at[k] + 1] : next_byte))
			return 0;
	return 1;
}

/*
 * What candidate c costs between the characters around it (around[0..3)
 * before, around[3..6) after; 0: none), but for the word bigram model's
 * say (bigram_of(), added for the few it costs).  Windows-1252 leaves five
 * bytes undefined, so a byte it lost has a few candidates, often two
 * common characters (证 and 话 of E8 AF 81 and E8 AF 9D): the word model
 * tells which makes a word (查证).  A byte GBK lost has up to 64, where
 * the word model's liking for common one-character words chose worse than
 * the bigram model alone (measured on the dev set).  The word bigram
 * model, which knows which word follows which (这一期, 举个例子), chose
 * better in both: UTF-8 read as GBK, lines left 8 / 12 / 12 of 30 (dev /
 * held-out / crawl) without it, 5 / 7 / 8 with it between two characters
 * on each side, 4 / 5 / 8 between three (中国同中亚国家, not 同一亚 where
 * 国家 is out of sight); UTF-8 read as Windows-1252, 0 / 5 / 5 of 20
 * without it, 0 / 2 / 2 with it (分包商发完, not 分包商向完).  The word
 * models stay between two each side there (choice_cost() between three
 * lost a dev line).
 */
static double
cost_of(enum lost_by by, const int32_t around[6], int32_t c)
{
	if (by == LOST_BY_1252)
		return choice_between(around[1], around[2], c, around[3],
		    around[4]);
	return charlm_between(around[1], around[2], c, around[3], around[4]);
}

/* What the word bigram model says of c between around[0..6). */
static double
bigram_of(const int32_t around[6], int32_t c)
{
	int32_t win[7];
	size_t k;

	for (k = 0; k < 7; k++) {
		win[k] = k < 3 ? around[k] : k == 3 ? c : around[k - 1];
		win[k] = win[k] ? span_char(win[k]) : 0;
	}
	return wordbigram_cost(win, 7);
}

/*
 * How much likelier than the best character a decoder could have lost
 * bytes of, in bits, one it could not have must read to be chosen.  The
 * rule of the decoder (byte_lost()) is what the pages of GBK decoders
 * show, but real pages break it: a Common Crawl page lost the 8B of 看
 * (E7 9C 8B) before E5, which GBK reads as one character, and was
 * restored as 观眯 for 观看, 37 bits dearer.  On the labelled lines, made
 * by a GBK decoder, no excluded character reads better than the chosen
 * one by more than 23 bits.
 */
#define DECODER_DOUBT 30.0

/*
 * The candidate of cands that costs least with the word bigram model's
 * say added (and its cost in *cost, its bytes in byte[]), or 0.
 */
static int32_t
best_of(const struct beam *cands, const int32_t around[6], double *cost,
    unsigned byte[2])
{
	int32_t best = 0;
	double c;
	size_t k;

	for (k = 0; k < cands->n; k++) {
		c = cands->cost[k] + bigram_of(around, cands->c[k]);
		if (best == 0 || c < *cost || (c == *cost &&
		    (cands->byte[k] << 8 | cands->byte2[k]) <
		    (byte[0] << 8 | byte[1]))) {
			best = cands->c[k];
			*cost = c;
			byte[0] = cands->byte[k];
			byte[1] = cands->byte2[k];
		}
	}
	return best;
}

/*
 * Bits a Chinese numeral gains where a line opens with it and 、 or ．
 * follows: a heading's number (一、提高认识), which the character models,
 * reading the line's first character without the lines around it, gave
 * to 中 of the same lead bytes (中、提高认识).
 */
#define HEADING_NUMBER 16.0

static double
heading_number_bonus(const int32_t around[6], int32_t c)
{
	int v;

	if ((around[2] != 0 && around[2] != '\n') ||
	    (around[3] != 0x3001 && around[3] != 0xFF0E))
		return 0;
	v = sp_cn_value(c);
	return v >= 1 && v <= 10 && !sp_cn_is_formal(c) && c != 0x4E24 &&
	    c != 0x5169 ? HEADING_NUMBER : 0;	/* not 两 兩 */
}

/*
 * The character of the sequence b[0..len) with bytes lost (LOST): the
 * values of them that make the likeliest character between the three
 * characters before it and the three after, around[0..6) (0: none).  A
 * lead byte lost is one of those that start a sequence of len bytes; a
 * continuation byte one of 0x80..0xBF; two continuation bytes lost leave
 * 4096 values, still few for the model.  Only values that the decoder by
 * loses count (byte_lost(); next_byte is the byte after the sequence).
 * Returns the character, the bytes in byte[] (in the order lost); 0 when
 * none makes one.
 */
static int32_t
choose_utf8(const unsigned char *b, size_t len, enum lost_by by,
    int next_byte, const int32_t around[6], unsigned byte[2])
{
	unsigned char seq[4];
	size_t at[2], nat = 0, k;
	unsigned v, w, lo[2], hi[2];
	int32_t best = 0, c;
	double bc = 0;
	struct beam cand, doubt;

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
	beam_init(&cand, BEAM);
	beam_init(&doubt, BEAM);
	for (v = lo[0]; v <= hi[0]; v++)
		for (w = lo[1]; w <= hi[1]; w++) {
			seq[at[0]] = (unsigned char)v;
			if (nat == 2)
				seq[at[1]] = (unsigned char)w;
			if (sp_utf8_decode(seq, len, &c, NULL) != len ||
			    c == SP_REPLACEMENT || c < 0x80)
				continue;
			if (!lost_fits(seq, len, at, nat, by, next_byte)) {
				if (by != LOST_BY_1252)
					beam_add(&doubt, cost_of(by, around, c) -
					    pair_bonus(c) - cache_bonus(c) +
					    charlm_script_cost(c,
					    cache_script()), c, v, w);
				continue;
			}
			beam_add(&cand, cost_of(by, around, c) - pair_bonus(c) -
			    heading_number_bonus(around, c) - cache_bonus(c) +
			    charlm_script_cost(c, cache_script()), c, v, w);
		}
	/* The word bigram model, the dearest, costs the BEAM best only. */
	if ((best = best_of(&cand, around, &bc, byte)) != 0 && doubt.n > 0) {
		unsigned db[2] = { 0, 0 };
		double dc = 0;
		int32_t d;

		/* Its three best: a guard, not a search. */
		beam_order(&doubt);
		if (doubt.n > 3)
			doubt.n = 3;
		d = best_of(&doubt, around, &dc, db);

		if (dc + DECODER_DOUBT < bc) {
			best = d;
			byte[0] = db[0];
			byte[1] = db[1];
		}
	}
	return best;
}

/* What follows the run being repaired: its character, '\n' at the end. */
static _Thread_local int32_t run_after;
/*
 * The characters a first pass chose for the sequences with bytes lost,
 * by the offset of their first byte (0: none), for the second pass to
 * see its neighbours by (坚持, not 做持, when both lost a byte); or NULL.
 */
static _Thread_local const int32_t *guessed;

/*
 * The character of the sequence at b[i..n), lost bytes ignored (or as
 * guessed); or 0.
 */
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
	if (len == 0 || i + len > n)
		return 0;
	if (memchr(b + i, LOST, len))
		return guessed ? guessed[i] : 0;
	if (sp_utf8_decode(b + i, len, &c, NULL) != len)
		return 0;
	return c;
}

/*
 * The first byte the GBK decoder read after a run, where after follows
 * it: an ASCII character's, the lead of a GBK character's; 256 at the end
 * of the line, -1 when not known.
 */
static int
after_byte(int32_t after)
{
	if (after == '\n')
		return 256;
	if (after < 0x80)
		return after;
	return gbk_encode(after) ? (int)(gbk_encode(after) >> 8) : -1;
}

/* Where the character after the one at b[i] starts. */
static size_t
next_at(const unsigned char *b, size_t n, size_t i)
{
	size_t len = i < n && b[i] >= 0x80 ? seq_len(b, n, i) : 1;

	return i + (len ? len : 1);
}

/* Shifts cp in as the last of the three characters back[0..3). */
static void
push_back(int32_t back[3], int32_t cp)
{
	back[0] = back[1];
	back[1] = back[2];
	back[2] = cp;
}

/*
 * As decode_lossy_utf8(), one pass: with guess, writes in it the
 * characters chosen for lost bytes and notes and counts none.
 */
static size_t
decode_pass(struct mojibake_stats *st, enum lost_by by, int32_t before,
    int32_t after, int32_t *guess)
{
	const unsigned char *b = (const unsigned char *)span_bytes.data, *q;
	size_t n = span_bytes.len, i = 0, k, len, lost = 0, holes, j, have;
	int32_t cp, around[6] = { 0, 0, before, 0, 0, 0 };
	unsigned byte[2];
	unsigned char cut[4];
	int next_byte;

	run_after = after;
	sp_buf_clear(&span_rep);
	while (i < n) {
		if (b[i] < 0x80) {
			push_back(around, b[i]);
			putch(&span_rep, b[i++]);
			continue;
		}
		len = seq_len(b, n, i);
		if (len == 0) {
			putcp(&span_rep, 0xFFFD);	/* a stray byte */
			push_back(around, 0xFFFD);
			lost++;
			i++;
			continue;
		}
		q = b + i;
		have = len;
		if (i + len > n) {
			have = n - i;
			/*
			 * Cut short by the run's end: the decoder dropped its
			 * last bytes with the character after the run, writing
			 * nothing ("鐖 THE" for "爱 THE": B1 then a space is no
			 * GBK character), or the page was cut there.  The byte
			 * missing is a lost one.  Read as Windows-1252, only
			 * after a byte of its punctuation (80..9F: "â€" for ”,
			 * 9D undefined): Latin-1 text ends so with a letter and
			 * a no-break space ("é\xA0", which E9 A0 starts).
			 */
			if (len - have == 1 && have > 1 &&
			    memchr(q, LOST, have) == NULL &&
			    (by != LOST_BY_1252 || (q[have - 1] >= 0x80 &&
			    q[have - 1] <= 0x9F))) {
				memcpy(cut, q, have);
				memset(cut + have, LOST, len - have);
				q = cut;
			} else {
				len = have;
			}
		}
		for (k = 0, holes = 0; k < len; k++)
			if (q[k] == LOST) {
				holes++;
			} else if (k > 0 && (q[k] & 0xC0) != 0x80) {
				break;
			}
		if (k < len) {
			/* Cut short: a lead byte without its trail. */
			putcp(&span_rep, 0xFFFD);
			push_back(around, 0xFFFD);
			lost++;
			i += k;
			continue;
		}
		cp = 0;
		if (holes == 0 && sp_utf8_decode(q, len, &cp, NULL) != len)
			cp = 0;
		next_byte = i + have < n ? (b[i + have] == LOST ? -1 :
		    b[i + have]) : after_byte(after);
		if (holes > 0) {
			/* The three characters after it, as far as known. */
			for (j = i + have, k = 3; k < 6; k++) {
				around[k] = j <= n ? peek_utf8(b, n, j) : 0;
				j = j < n ? next_at(b, n, j) : n + 1;
			}
			cp = choose_utf8(q, len, by, next_byte, around, byte);
		}
		if (holes > 0 && cp != 0) {
			if (guess) {
				guess[i] = cp;
			} else {
				for (k = 0; k < holes; k++)
					note_byte(byte[k], cp);
				st->restored += holes;
			}
		}
		if (cp == 0 || cp == SP_REPLACEMENT) {
			cp = 0xFFFD;
			lost++;
		}
		putcp(&span_rep, cp);
		push_back(around, cp);
		i += have;
	}
	return lost;
}

/*
 * See mojibake_utf8.h.  Where characters side by side both lost bytes, a
 * first pass guesses each without its neighbour; the second chooses each
 * again with the guesses of its neighbours.
 */
size_t
decode_lossy_utf8(struct mojibake_stats *st, enum lost_by by, int32_t before,
    int32_t after)
{
	size_t n = span_bytes.len;
	int32_t *guess;

	if (memchr(span_bytes.data, LOST, n) == NULL)
		return decode_pass(st, by, before, after, NULL);
	cache_clear();
	cache_add_utf8((const unsigned char *)span_bytes.data, n);
	sp_buf_clear(&span_guess);
	if (sp_buf_reserve(&span_guess, n * sizeof *guess) < 0)
		sp_oom();
	guess = (int32_t *)(void *)span_guess.data;
	memset(guess, 0, n * sizeof *guess);
	decode_pass(st, by, before, after, guess);
	guessed = guess;
	n = decode_pass(st, by, before, after, NULL);
	guessed = NULL;
	return n;
}

/*
 * Can cp be part of UTF-8 read as GBK?  Any GBK character can, and €
 * (byte 0x80), but the common punctuation of Chinese text ends a run:
 * it keeps runs short, and mojibake seldom makes it.
 */
int
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

/* What read_run() counts of a run. */
struct run_count {
	size_t chars, rare, markers;
	size_t gbk_only;	/* characters GBK has and GB2312 lacks */
	size_t digits;		/* digits read across */
};

/*
 * How many continuation bytes the UTF-8 character whose lead byte is
 * among the last of span_bytes still needs: 0 when the bytes end with a
 * whole character, or end where it cannot be told (a byte lost, a byte
 * UTF-8 never has).
 */
static unsigned
utf8_owed(void)
{
	const unsigned char *b = (const unsigned char *)span_bytes.data;
	size_t k = span_bytes.len, have = 0;
	unsigned need;

	while (k > 0 && have < 3 && b[k - 1] >= 0x80 && b[k - 1] <= 0xBF) {
		k--;
		have++;
	}
	if (k == 0 || b[k - 1] == LOST)
		return 0;
	if (b[k - 1] >= 0xC2 && b[k - 1] <= 0xDF)
		need = 1;
	else if (b[k - 1] >= 0xE0 && b[k - 1] <= 0xEF)
		need = 2;
	else if (b[k - 1] >= 0xF0 && b[k - 1] <= 0xF4)
		need = 3;
	else
		return 0;
	return need > have ? need - (unsigned)have : 0;
}

/*
 * Reads the run at s[i..n) into span_bytes as the bytes the GBK decoder
 * read; with digits, across the ASCII digits in it, which are bytes of
 * their own in UTF-8 and GBK alike and no GBK trail: the decoder wrote
 * them as they were, after the byte it lost before them ("鏈?2鏃?" for
 * "月2日").  Returns where the run ends.
 */
static size_t
read_run(const char *s, size_t n, size_t i, int digits, struct run_count *rc)
{
	size_t j = i, m;
	unsigned code;
	int32_t cp;

	memset(rc, 0, sizeof *rc);
	sp_buf_clear(&span_bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (cp == '?' || cp == 0xFFFD) {
			/* A byte the GBK decoder could not place: lost. */
			putch(&span_bytes, LOST);
			rc->markers++;
		} else if (digits && cp >= '0' && cp <= '9' && j > i) {
			putch(&span_bytes, (int)cp);
			rc->digits++;
		} else if (run_char(cp) || (cp >= 0x80 && j > i &&
		    (code = gbk_encode(cp)) > 0xFF && (code >> 8) <= 0xBF &&
		    (code & 0xFF) >= 0x80 && (code & 0xFF) <= 0xBF &&
		    utf8_owed() >= 2)) {
			/*
			 * A mark of Chinese text ends a run, but for one both
			 * of whose bytes are the continuation bytes that the
			 * character before still needs ("佽、" for 衢, E8 A1
			 * A2: 、 is A1 A2).
			 */
			code = cp == 0x20AC ? 0x80 : gbk_encode(cp);
			rc->rare += uncommon_cjk(cp);
			rc->gbk_only += code > 0xFF && ((code >> 8) < 0xA1 ||
			    (code & 0xFF) < 0xA1);
			if (code > 0xFF)
				putch(&span_bytes, (int)(code >> 8));
			putch(&span_bytes, (int)(code & 0xFF));
			rc->chars++;
		} else {
			break;
		}
		j += m;
	}
	/* Digits at the end are the text's, not the run's. */
	while (digits && j > i && s[j - 1] >= '0' && s[j - 1] <= '9') {
		j--;
		span_bytes.len--;
		rc->digits--;
	}
	return j;
}

/*
 * The mean cost of the run s[0..n) as it reads, its markers costed as
 * what they are, a byte the decoder lost (U+FFFD): a "?" typed after a
 * word costs little, and a run of two characters, each a byte lost
 * before a digit or a comma, read as text ("鏈?2鏃?," for "月2日,").
 */
static double
run_cost(const char *s, size_t n)
{
	size_t k;

	if (memchr(s, '?', n) == NULL)
		return mean_cost(s, n, 0, 0);
	sp_buf_clear(&span_lost);
	for (k = 0; k < n; k++)
		if (s[k] == '?')
			putcp(&span_lost, 0xFFFD);
		else
			putch(&span_lost, (unsigned char)s[k]);
	return mean_cost(span_lost.data, span_lost.len, 0, 0);
}

/*
 * utf8-gbk on the run at s[i..n), read with or without its digits; see
 * utf8_gbk().
 */
static size_t
repair_run(const char *s, size_t n, size_t i, int digits, struct sp_buf *out,
    int *fixed, int *crossed, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t j, m, counted, lost;
	size_t restored = st->restored;
	struct run_count rc;
	double old, new_;

	j = read_run(s, n, i, digits, &rc);
	*crossed = rc.digits > 0;
	/*
	 * A marker is a byte of a character too: "鍥犳??" for "因此".  Once
	 * the document is known to be UTF-8 read as GBK, a run of two with
	 * one uncommon character is one too ("銆?" for 。 after ASCII).
	 */
	if (rc.chars + rc.markers < (document.utf8_gbk ? 2 : 3) ||
	    rc.rare < (document.utf8_gbk ? 1 : 2) ||
	    rc.rare * 10 < rc.chars * 3)
		return j - i;	/* reads as text: few uncommon characters */
	sp_buf_clear(&span_note);
	/*
	 * Characters only GBK has tell the decoder was GBK, not GB2312:
	 * then a byte it lost made no GBK character with the next.
	 */
	lost = decode_lossy_utf8(st, rc.gbk_only ? LOST_BY_GBK_ONLY :
	    LOST_BY_GBK, i > 0 ? cp_before(s, i, &m) :
	    0, j < n ? cp_at(s, n, j, &m) : '\n');
	old = run_cost(s + i, j - i);
	new_ = mean_cost(span_rep.data, span_rep.len, 0, 0);
	charlm_text_cost(span_rep.data, span_rep.len, 0, 0, &counted);
	if (new_ > TEXT || new_ + GAIN > old || lost * 2 > counted) {
		st->restored = restored;
		return j - i;
	}
	*fixed = 1;
	document.utf8_gbk = 1;
	repaired("utf8-gbk", s + i, j - i, st, explain, ctx);
	put(out, span_rep.data, span_rep.len);
	return j - i;
}

/*
 * The run read across its digits first, and where that crossed some and
 * is no repair, up to the first digit: one broken piece must not keep
 * the others from being repaired.
 */
size_t
utf8_gbk(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	int crossed;
	size_t used = repair_run(s, n, i, 1, out, fixed, &crossed, st,
	    explain, ctx);

	if (*fixed || !crossed)
		return used;
	return repair_run(s, n, i, 0, out, fixed, &crossed, st, explain,
	    ctx);
}
