/* charlm.c: a character language model of Chinese; see charlm.h. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "charlm.h"
#include "charlmtable.h"
#include "embed.h"
#include "lmfile.h"
#include "text.h"

SP_DATA(charlm_table);

/* Costs of what the model does not hold, in bits. */
#define COST_UNKNOWN_HAN CHARLM_UNKNOWN_HAN
#define COST_REPLACEMENT 26.0	/* a character lost */
#define COST_ASCII 6.0		/* letters, digits, spaces */
#define COST_WIDE_LETTER 14.0	/* Ａ: seen in Chinese text, seldom */
#define COST_OTHER 20.0		/* kana, Hangul, Latin-1, symbols: rare in
				   Chinese text, common in mojibake */
#define COST_PUNCT_PAIR 12.0	/* a mark right after another (but ——) */
#define COST_OPENING 4.0	/* “ 《 （ after a mark, space or start */
#define COST_MIXED 6.0		/* a simplified-only character beside a
				   traditional-only one */
/* The numeral a digit is read as, for what follows it: 三. */
#define NUMERAL 0x4E09
#define COST_PUNCT_OTHER 18.0	/* a mark the model has no rate for */

/* The model's parts, in the table (charlmtable.h) where it is compiled
 * in. */
static const uint16_t *index_of;	/* code point -> 1 + entry, 0: none */
static const struct charlm_entry *chars;
static const unsigned char *bigrams;	/* 3 bytes each */
static const uint8_t (*punct_cost)[256];	/* 0: not a mark */
static const unsigned char *rare_map, *uncommon_map;
static pthread_once_t once = PTHREAD_ONCE_INIT;
/*
 * 2^-(e/8) for every cost e of one or two table entries (eighths of a bit,
 * 0 to 2 * 255): the probabilities behind the costs, looked up rather than
 * computed, since exp2() took a tenth of the mojibake step on web pages.
 */
static double chance_of[2 * 255 + 1];

/* What a build without its table reads: no character known, every Han
 * character rare. */
static const uint16_t no_index[0x10000];
static const uint8_t no_punct[0x10000 >> 8][256];
static unsigned char all_rare[CHARLM_BITS_BYTES];

static void
load(void)
{
	const unsigned char *t = sp_data_charlm_table;
	uint64_t n, nbi;
	uint32_t i;

	for (i = 0; i < sizeof chance_of / sizeof *chance_of; i++)
		chance_of[i] = exp2(-(double)i / 8.0);
	index_of = no_index;
	punct_cost = no_punct;
	memset(all_rare, 0xFF, sizeof all_rare);
	rare_map = uncommon_map = all_rare;
	if (sp_data_charlm_table_len < CHARLM_TABLE_HEAD ||
	    memcmp(t, CHARLM_TABLE_MAGIC, 8) != 0)
		return;
	memcpy(&n, t + 8, sizeof n);
	memcpy(&nbi, t + 16, sizeof nbi);
	if (n >= 0xFFFF || nbi > UINT32_MAX ||
	    sp_data_charlm_table_len != charlm_table_len(n, nbi))
		return;
	/* The table is 64-byte aligned (scripts/incbin.sh), each part
	 * 8-byte. */
	index_of = (const uint16_t *)(const void *)(t + CHARLM_TABLE_HEAD);
	chars = (const struct charlm_entry *)(const void *)(t +
	    charlm_entries_at());
	bigrams = t + charlm_bigrams_at(n);
	punct_cost = (const uint8_t (*)[256])(const void *)(t +
	    charlm_punct_at(n, nbi));
	rare_map = t + charlm_rare_at(n, nbi);
	uncommon_map = t + charlm_uncommon_at(n, nbi);
}

const unsigned char *
charlm_rare_bits(double at_least)
{
	(void)pthread_once(&once, load);
	return at_least == CHARLM_RARE ? rare_map : at_least ==
	    CHARLM_UNCOMMON ? uncommon_map : NULL;
}

static const struct charlm_entry *
lookup(int32_t cp)
{
	if (cp <= 0 || cp > 0xFFFF || index_of[cp] == 0)
		return NULL;
	return &chars[index_of[cp] - 1];
}

/* The in-word cost of b after a (eighths of a bit), or -1 when unseen. */
static int
bigram(const struct charlm_entry *a, int32_t b)
{
	uint32_t lo = a->first, hi = a->first + a->count, mid;
	unsigned v;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		v = lm_u16(bigrams + (size_t)mid * 3);
		if (v == (unsigned)b)
			return bigrams[(size_t)mid * 3 + 2];
		if (v < (unsigned)b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
han(int32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

/* Opening quotes and brackets, which follow a space or a mark. */
static int
opening(int32_t cp)
{
	return cp == 0x201C || cp == 0x2018 || cp == 0x300A || cp == 0x300C ||
	    cp == 0x300E || cp == 0x3010 || cp == 0xFF08;
}

/* A punctuation mark, CJK or ASCII. */
static int
mark(int32_t cp)
{
	return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
	    (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E) ||
	    (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3000 && cp <= 0x303F) ||
	    (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	    (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

/*
 * The cost of a paragraph ending after prev: paragraphs end with a
 * sentence, seldom after a comma; headings end with a word.
 */
static double
line_end(int32_t prev)
{
	switch (prev) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0x2026: case 0x201D:
	case 0x300D: case 0x300F: case 0xFF09: case '.': case '!': case '?':
	case ')':
		return 1.0;
	}
	if (han(prev))
		return 5.0;
	if (mark(prev))
		return 16.0;
	return COST_ASCII;
}

static double
bits(unsigned eighths)
{
	return eighths / 8.0;
}

double
charlm_unigram(int32_t cp)
{
	const struct charlm_entry *c;

	(void)pthread_once(&once, load);
	if (cp == SP_REPLACEMENT)
		return COST_REPLACEMENT;
	if ((c = lookup(cp)) != NULL)
		return bits(c->uni);
	return han(cp) ? COST_UNKNOWN_HAN : cp < 0x80 ? COST_ASCII : COST_OTHER;
}

int
charlm_script(int32_t cp)
{
	const struct charlm_entry *e;

	(void)pthread_once(&once, load);
	return (e = lookup(cp)) != NULL ? e->script : 0;
}

double
charlm_script_cost(int32_t cp, int script)
{
	int own;

	if (script == 0)
		return 0;
	own = charlm_script(cp);
	return own != 0 && own != script ? COST_MIXED : 0;
}

int
charlm_known(int32_t cp)
{
	(void)pthread_once(&once, load);
	return lookup(cp) != NULL;
}

double
charlm_cost(int32_t prev, int32_t cp)
{
	const struct charlm_entry *a, *b;
	double mixed = 0;
	unsigned pc;
	int in;

	(void)pthread_once(&once, load);
	if (cp == SP_REPLACEMENT)
		return COST_REPLACEMENT;
	if (cp == '\n')
		return line_end(prev);
	b = lookup(cp);
	if (han(cp) && b == NULL)
		return COST_UNKNOWN_HAN;
	/*
	 * A digit stands where Chinese writes a numeral, which the word
	 * list knows the words after (三月, 三日, 三个): 3月, not 3有.
	 */
	if (prev >= '0' && prev <= '9')
		prev = NUMERAL;
	a = han(prev) ? lookup(prev) : NULL;
	if (b) {
		if (a == NULL)
			return bits(b->init);	/* a word starts */
		if (a->script && b->script && a->script != b->script)
			mixed = COST_MIXED;	/* 大會 in simplified text */
		/* Inside a word, or a word ends at a and one starts at b. */
		in = bigram(a, cp);
		return mixed - log2((in >= 0 ? chance_of[in] : 0) +
		    chance_of[a->end + b->init]);
	}
	if (cp == 0x3000)	/* an ideographic space: indents, not joins */
		return a ? COST_PUNCT_OTHER : COST_ASCII;
	if (opening(cp) && a == NULL)
		return COST_OPENING;
	if (cp > 0 && cp <= 0xFFFF &&
	    (pc = punct_cost[cp >> 8][cp & 0xFF]) != 0)
		return (a ? bits(a->end) : 0) + bits(pc) +
		    (mark(prev) && prev != cp ? COST_PUNCT_PAIR : 0);
	if (cp < 0x80 || (cp >= 0xFF10 && cp <= 0xFF19))
		return COST_ASCII;	/* full-width digits too */
	if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A))
		return COST_WIDE_LETTER;
	if (mark(cp) || (cp >= 0xFF00 && cp <= 0xFFEF))
		return COST_PUNCT_OTHER;
	return COST_OTHER;
}

/* Share of words that go on past their second character. */
#define LONGER 0.25

double
charlm_cost2(int32_t prev2, int32_t prev, int32_t cp)
{
	const struct charlm_entry *a, *b, *p2;
	double in, cross, post, end, cont;
	int k;

	(void)pthread_once(&once, load);
	a = han(prev) ? lookup(prev) : NULL;
	b = han(cp) ? lookup(cp) : NULL;
	p2 = han(prev2) ? lookup(prev2) : NULL;
	if (a == NULL || b == NULL || p2 == NULL)
		return charlm_cost(prev, cp);
	/* Is prev the second character of a word begun at prev2? */
	k = bigram(p2, prev);
	in = k >= 0 ? chance_of[k] : 0;
	cross = chance_of[p2->end + a->init];
	post = in / (in + cross);
	end = chance_of[a->end];
	/* Then a word of two ends at prev, mostly: cp begins the next. */
	end = post * (1 - LONGER) + (1 - post) * end;
	k = bigram(a, cp);
	cont = k >= 0 && end < 1 ? chance_of[k] /
	    (1 - chance_of[a->end]) : 0;
	if (cont > 1)
		cont = 1;
	return -log2((1 - end) * cont + end * chance_of[b->init]) +
	    (a->script && b->script && a->script != b->script ? COST_MIXED : 0);
}

double
charlm_between(int32_t prev2, int32_t prev, int32_t cp, int32_t next,
    int32_t next2)
{
	double c = charlm_cost2(prev2, prev, cp);

	if (next)
		c += charlm_cost2(prev, cp, next);
	if (next && next2)
		c += charlm_cost2(cp, next, next2);
	return c;
}

double
charlm_text_cost(const char *s, size_t n, int32_t before, int32_t after,
    size_t *count)
{
	double sum = 0;
	size_t i, k, c = 0;
	int32_t cp, prev = before;

	for (i = 0; i < n; i += k) {
		cp = cp_at(s, n, i, &k);
		sum += charlm_cost(prev, cp);
		prev = cp;
		c++;
	}
	if (after) {
		sum += charlm_cost(prev, after);
		c++;
	}
	if (count)
		*count = c;
	return sum;
}
