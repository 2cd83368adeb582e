/* mojibake_score.c: judging text and candidates; see mojibake_score.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "mojibake_beam.h"
#include "mojibake_marks.h"
#include "mojibake_gbk.h"
#include "mojibake_score.h"
#include "mojibake_span.h"
#include "text.h"
#include "wordbigram.h"
#include "wordlm.h"

const unsigned char *rare_bits, *uncommon_bits;
static pthread_once_t rare_once = PTHREAD_ONCE_INIT;

/*
 * The weights of the character bigram model and of the word bigram model
 * beside the word model in choices.  The word bigram model's, set on the
 * dev set of tests/eval/clean/mojibake.tsv: GBK read one byte off
 * restored .913 / .894 / .873 (dev / held-out / crawl) without it, .909 /
 * .911 / .873 at 0.25, and on the SogouCA sample 796 spans repaired, 25
 * lines left with a "?" span, then 797 and 24.  Read again on
 * 2026-12-05, once "?X?" had its word pairs (mojibake_shift.c): 0.25,
 * 0.5, 0.6, 0.75, 1 restored .930 / .919 / .891, .930 / .923 / .895,
 * .934 / .923 / .895, .934 / .923 / .906, .934 / .923 / .906; from 0.75
 * on, UTF-8 read as Latin-1 lost a character of the crawl set (偉力 read
 * as 吉力).  Of the three models it alone was counted in running text,
 * and it tells the characters that words of the list cannot (三是要, not
 * 三角要; 立委, not 立为), where the character bigram model, made of
 * the word lists, has it the other way.  On the SogouCA sample 0.6 wrote
 * seven names and words right that 0.25 had wrong (泰达宏利, 大众网,
 * 经审查, 中弹) and one wrong (朝投资之外).
 */
#define CHOICE_BIGRAM 0.5
#define CHOICE_WORD_BIGRAM 0.6
/*
 * The word bigram model's weight in choosing a character lost whole
 * ("??"): the weight WHOLE_MARGIN and QUESTION_GAIN (mojibake_score.h)
 * were read at.  At 0.6 the margins grew, and two wrong fills that read
 * as words (会干净 for 会干事, 怒潮 for 国潮) passed where "??" had stayed.
 */
#define WHOLE_WORD_BIGRAM 0.25
/* What a lone full-width letter or digit between Han costs more. */
#define COST_LONE_ALNUM 16.0

static void
build_rare(void)
{
	rare_bits = charlm_rare_bits(RARE);
	uncommon_bits = charlm_rare_bits(UNCOMMON);
}

void
rare_load(void)
{
	(void)pthread_once(&rare_once, build_rare);
}

/* The mean cost of s[0..n) after before (0: none), then after. */
double
mean_cost(const char *s, size_t n, int32_t before, int32_t after)
{
	size_t c;
	double sum = charlm_text_cost(s, n, before, after, &c);

	return c ? sum / (double)c : 0;
}

int
is_final(int32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x201D ||
	    cp == '.' || cp == '!' || cp == '?';
}

/*
 * The question particles and the characters of question words (为什么,
 * 怎么办, 在哪, 是谁, 如何), simplified and traditional: Chinese grammar,
 * not any site's vocabulary.  Sorted, for bsearch.
 */
static const int32_t question_chars[] = {
	0x4E48,	/* 么 */
	0x4F55,	/* 何 */
	0x5417,	/* 吗 */
	0x5427,	/* 吧 */
	0x5440,	/* 呀 */
	0x5462,	/* 呢 */
	0x548B,	/* 咋 */
	0x54EA,	/* 哪 */
	0x554A,	/* 啊 */
	0x5565,	/* 啥 */
	0x55CE,	/* 嗎 */
	0x561B,	/* 嘛 */
	0x600E,	/* 怎 */
	0x8AB0,	/* 誰 */
	0x8C01,	/* 谁 */
	0x9EBC,	/* 麼 */
	0x9EBD,	/* 麽 */
};

static int
cmp_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

int
asks(int32_t cp)
{
	return bsearch(&cp, question_chars, sizeof question_chars /
	    sizeof question_chars[0], sizeof question_chars[0], cmp_cp) != NULL;
}

/* ASCII punctuation that NFKC may have made of a full-width one. */
int32_t
span_char(int32_t cp)
{
	if (cp > 0x20 && cp < 0x7F && cp != '?' && !(cp >= '0' && cp <= '9') &&
	    !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
		return sp_to_fullwidth(cp);
	return cp;
}

/*
 * The character bigram model's cost of the characters win[0..n) and the
 * word model's (see mojibake_score.h).  The bigram model alone reads two
 * overlapping words as likely (心灵 and 灵魂 make 心灵魂 cheaper than
 * 的灵魂): the word model, cutting the characters into words that do not
 * overlap, tells them apart.
 */
double
choice_words(int32_t *win, size_t n)
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

/*
 * The word bigram model's share: which word follows which (听说过，, not
 * 听说他，), of at most 16 characters.
 */
static double
word_bigram_share(const int32_t *win, size_t n, double weight)
{
	int32_t w[16];
	size_t k;

	for (k = 0; k < n && k < 16; k++)
		w[k] = win[k] ? span_char(win[k]) : 0;
	return weight * wordbigram_cost(w, k);
}

double
choice_bigram(const int32_t *win, size_t n)
{
	return word_bigram_share(win, n, CHOICE_WORD_BIGRAM);
}

double
whole_bigram(const int32_t *win, size_t n)
{
	return word_bigram_share(win, n, WHOLE_WORD_BIGRAM);
}

double
choice_cost(int32_t *win, size_t n)
{
	double words = choice_words(win, n);

	return words + choice_bigram(win, n);
}

/* choice_cost() of c between prev2 prev and next next2. */
double
choice_between(int32_t prev2, int32_t prev, int32_t c, int32_t next,
    int32_t next2)
{
	int32_t win[5] = { prev2, prev, c, next, next2 };

	return choice_cost(win, 5);
}

/* Counts by charlm_script() the common Han characters of s[i..end). */
static void
count_scripts(const char *s, size_t i, size_t end, unsigned count[3])
{
	size_t m;
	int32_t c;

	for (; i < end; i += m) {
		c = cp_at(s, end, i, &m);
		if (sp_is_han(c) && !uncommon_cjk(c))
			count[charlm_script(c)]++;
	}
}

int
span_script(const char *s, size_t n, size_t i, size_t end)
{
	unsigned count[3] = { 0, 0, 0 };
	size_t from = i > SCRIPT_REACH ? i - SCRIPT_REACH : 0,
	    to = n - end > SCRIPT_REACH ? end + SCRIPT_REACH : n;

	/* Whole characters: from the first that starts at or after from. */
	while (from < i && ((unsigned char)s[from] & 0xC0) == 0x80)
		from++;
	while (to > end && to < n && ((unsigned char)s[to] & 0xC0) == 0x80)
		to--;
	count_scripts(s, from, i, count);
	count_scripts(s, end, to, count);
	return count[1] >= 1 && count[2] == 0 ? 1 :
	    count[2] >= 1 && count[1] == 0 ? 2 : 0;
}

int
cjk_text(int32_t cp)
{
	return sp_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2010 && cp <= 0x2027);
}

/*
 * The character a lost byte made, chosen by the language model between
 * prev and next: the one of the candidates (pairs of GBK, with the lead
 * byte lost: (v, known) for v in lo..hi; or the trail: (known, v)) that
 * costs least.  Returns it and the byte in *byte, or 0 when none is a
 * character.
 */
int32_t
choose_gbk(unsigned known, int lead_lost, unsigned lo, unsigned hi,
    const unsigned *only, size_t nonly, const int32_t *far, int32_t prev2,
    int32_t prev, int32_t next, int32_t next2, unsigned *byte)
{
	int32_t f0 = far ? far[0] : 0, f1 = far ? far[1] : 0;
	int32_t best = 0, c;
	double bc = 0, cost;
	unsigned v;
	size_t k;
	struct beam cand;

	/*
	 * The word bigram model, the dearest, costs only the BEAM that the
	 * others like best (of up to 126): on clean text with a "?" before
	 * a letter it took a tenth of the time (perf).
	 */
	beam_init(&cand, BEAM);
	for (k = 0, v = lo; only ? k < nonly : v <= hi; k++, v++) {
		if (only)
			v = only[k];
		c = lead_lost ? gbk_decode(v, known) : gbk_decode(known, v);
		if (c == 0)
			continue;
		{
			int32_t win[7] = { f0, f1, prev2, prev, c, next,
			    next2 };

			beam_add(&cand, choice_words(win, 7) + mark_fit(c), c,
			    v, 0);
		}
	}
	for (k = 0; k < cand.n; k++) {
		int32_t win[7] = { f0, f1, prev2, prev, cand.c[k], next,
		    next2 };

		cost = cand.cost[k] + choice_bigram(win, 7);
		if (best == 0 || cost < bc || (cost == bc &&
		    cand.byte[k] < *byte)) {
			best = cand.c[k];
			bc = cost;
			*byte = cand.byte[k];
		}
	}
	return best;
}

/*
 * The mean cost of a short span o[0..on) with the markers around it, each
 * read as the question mark it would be in text (a "?" after 在 is none),
 * between before and after.
 */
double
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
int
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
