/*
 * mojibake_score.h: how the mojibake repair (mojibake.h) judges text by
 * the language models (charlm.h, wordlm.h): which characters are rare
 * enough to be mojibake, which candidate a lost byte makes best, and
 * whether a repair reads as text where the span did not.
 */
#ifndef SP_CLEAN_MOJIBAKE_SCORE_H
#define SP_CLEAN_MOJIBAKE_SCORE_H
#include <stddef.h>
#include <stdint.h>

#include "charlm.h"
#include "charlmtable.h"
#include "cjk.h"

/*
 * Han characters the language model finds rare, as bitmaps: UNCOMMON
 * bits (one in 30,000 characters of text) or more make the runs that
 * UTF-8 read as GBK is made of; the quick look at each line, which most
 * clean lines must pass at once, asks for two RARE ones (one in 130,000).
 * The build makes them with the model's table (charlmtable.h).
 */
#define UNCOMMON CHARLM_UNCOMMON
#define RARE CHARLM_RARE
#define RARE_LO CHARLM_BITS_LO
#define RARE_HI CHARLM_BITS_HI
extern const unsigned char *rare_bits, *uncommon_bits;

/* Finds the bitmaps, the first time it is called (thread-safe). */
void rare_load(void);

/* Is cp, in RARE_LO..RARE_HI, a RARE character? */
static inline int
rare_han(int32_t cp)
{
	return rare_bits[(cp - RARE_LO) >> 3] >> ((cp - RARE_LO) & 7) & 1;
}

/* Is cp an UNCOMMON Han character? */
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
/* What the middle of a span with the signature of a lost 。 may cost at
 * most (mojibake_shift.c): text with a name in it, which the models do
 * not know, costs a bit or so more than TEXT. */
#define SIGNED_TEXT 14.0
/* What a character chosen whole or nearly must cost at most, with its
 * neighbours: a likely word, not just a possible one. */
#define SHORT 10.0
/*
 * A character lost whole ("??") must read likelier than the question
 * marks the two "?" may as well be, by this many bits.  Measured on the
 * labelled lines (2026-12-04): right fills beat the question marks by 12
 * to 28 bits, two thirds of them by 16 or more; fills of questions typed
 * "??" in clean text (了??我, 的??太) by 12 to 16.  A wrong character
 * that reads as text is worse than a "??" left for the reader.
 */
#define QUESTION_GAIN 16.0
/*
 * A character lost whole must also read likelier than the next best by
 * this many bits.  Where neither neighbour says anything of it, the
 * likeliest is the commonest character that fits the bytes (他, as often
 * as not), chosen by a bit or so.  Read on the fills of all three sets
 * of the labelled lines (2026-12-05): of the choices by less than 1.5
 * bits 4 in 16 were right, of those by more 11 in 14, and the wrong
 * ones by less were 他 six times in twelve.
 */
#define WHOLE_MARGIN 1.5

/* The mean cost of s[0..n) after before (0: none), then after. */
double mean_cost(const char *s, size_t n, int32_t before, int32_t after);

/* Does cp end a sentence? */
int is_final(int32_t cp);

/* Is cp a question particle or of a question word (吗, 呢, 什么's 么)? */
int asks(int32_t cp);

/*
 * The script the text around the span s[i..end) of the line s[0..n) is
 * written in, for the characters a repair restores there: 1 simplified
 * or 2 traditional where two or more of the common Han characters within
 * SCRIPT_REACH bytes of it are of that script alone and none is of the
 * other (mojibake's rare characters left out), else 0.  A lost character
 * of the other script costs charlm_script_cost() more: without it, 国
 * and 國 tie between characters of both (我们的??家), and a tie is
 * refused.
 */
#define SCRIPT_REACH 192
int span_script(const char *s, size_t n, size_t i, size_t end);

/* Is cp a marker a decoder left for a byte it lost ('?' or U+FFFD)? */
static inline int
is_marker(int32_t cp)
{
	return cp == '?' || cp == 0xFFFD;
}

/* Is cp a Han character or a punctuation mark of Chinese text? */
int cjk_text(int32_t cp);

/*
 * The character cp of a span stood for: ASCII punctuation that NFKC may
 * have made of a full-width one is that one; any other, itself.
 */
int32_t span_char(int32_t cp);

/*
 * What the characters win[0..n) (0: none) cost, for choosing lost ones:
 * the character bigram model's cost, the word model's and the word bigram
 * model's.  Rewrites win[] with span_char() of each.
 */
double choice_cost(int32_t *win, size_t n);

/*
 * choice_cost() but for the word bigram model, the dearest: a search
 * costs its candidates so, then adds choice_bigram() for the BEAM best.
 */
double choice_words(int32_t *win, size_t n);
double choice_bigram(const int32_t *win, size_t n);
/* choice_bigram() at the weight of a character lost whole (see
 * WHOLE_MARGIN). */
double whole_bigram(const int32_t *win, size_t n);

/* choice_cost() of c between prev2 prev and next next2. */
double choice_between(int32_t prev2, int32_t prev, int32_t c, int32_t next,
    int32_t next2);

/*
 * The characters before a lost one that the windows of the choices for
 * GBK decoded one byte off hold, its neighbour included: four, the
 * longest word of the models, so that the word that ends before it is
 * read whole.  Read from two, 灵活性? was 活性? and became 活性炭 (for
 * 灵活性强), 说服力? 力拓 (for 说服力地), 使用权? 权杖 (for 使用权等):
 * the models, which read the whole word right, were shown half of it.
 * Beyond prev2 and prev, the two farther ones are far[0] (the farthest)
 * and far[1]; 0 where the line starts sooner.
 */
#define LEFT 4

/*
 * The character a lost byte made, chosen by the language model between
 * prev and next: the one of the candidates (pairs of GBK, with the lead
 * byte lost: (v, known) for v in lo..hi, or in only[0..nonly) when only is
 * not NULL; or the trail: (known, v)) that costs least, with far (LEFT;
 * NULL: not known) before prev2.  Returns it and the byte in *byte, or 0
 * when none is a character.
 */
int32_t choose_gbk(unsigned known, int lead_lost, unsigned lo, unsigned hi,
    const unsigned *only, size_t nonly, const int32_t *far, int32_t prev2,
    int32_t prev, int32_t next, int32_t next2, unsigned *byte);

/*
 * The mean cost of a short span o[0..on) with the markers around it, each
 * read as the question mark it would be in text (a "?" after 在 is none),
 * between before and after.
 */
double marked_cost(const char *o, size_t on, int32_t before, int32_t after);

/*
 * Does the repair r[0..rn), between before and after, read as words
 * where the span o[0..on) it replaces did not?  The word model's cost per
 * character must be that of text and GAIN less than the span's: a name
 * (民进党) the bigram model finds rare is a likely word.
 */
int reads_as_words(const char *r, size_t rn, const char *o, size_t on,
    int32_t before, int32_t after);

#endif
