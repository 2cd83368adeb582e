/* bpfeatures.c: what the boilerplate model sees of a line; see bpfeatures.h. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "cjk.h"
#include "bpfeatures.h"
#include "layout.h"
#include "tool.h"
#include "utf8.h"

/* Slots of the set of the prose's words (8 bytes each) at most. */
#define SET_MAX ((size_t)1 << 20)
/* Lines longer than this (bytes) are not searched for shapes: prose. */
#define SHAPE_SCAN_MAX 300
/* Of a paragraph of prose, the words of this many bytes make the set. */
#define PROSE_WORDS 300
/* Lines longer than this (bytes) are not weighed for shared words: what
 * they tell (title, caption, related headline) is told in fewer. */
#define OVERLAP_MAX 300

/*
 * The function characters of Chinese prose, simplified and traditional:
 * particles, pronouns, prepositions, conjunctions, common verbs.  Menus,
 * headlines and labels have few of them.
 */
static const char function_list[] =
	"的了是在和也有就不人我们这中为上个以要他到说大地着对与而等被及其"
	"将或但所之于把让从向还都又很会能可没并因如此那些她它你自己时后来"
	"得过去看好已经只再更最所以因为如果虽然但是而且并且就是还是"
	"們這為個說對與將於從讓還會沒並來時後過經雖";

static unsigned char function_bits[(0x9FFF - 0x4E00 + 1) / 8 + 1];

static void
function_init(void)
{
	const unsigned char *s = (const unsigned char *)function_list;
	size_t n = sizeof function_list - 1, i = 0;
	int32_t cp;

	while (i < n) {
		i += sp_utf8_next(s + i, n - i, &cp);
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			function_bits[(cp - 0x4E00) >> 3] |=
			    (unsigned char)(1u << ((cp - 0x4E00) & 7));
	}
}

static int
is_function(int32_t cp)
{
	return cp >= 0x4E00 && cp <= 0x9FFF &&
	    (function_bits[(cp - 0x4E00) >> 3] >> ((cp - 0x4E00) & 7) & 1);
}

static int
is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0xB7: case 0x25CF: case 0x25CB: case 0x25C6:
	case 0x25C7: case 0x25A0: case 0x25A1: case 0x25B2: case 0x25B3:
	case 0x25B6: case 0x25BA: case 0x2605: case 0x2606: case 0x203B:
	case 0xBB: case '*': case '-': case '>': case 0x30FB: case 0x2192:
		return 1;
	}
	return 0;
}

static int
is_digit(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Words whose presence gives a line a shape; ASCII ones in lower case. */
struct shape_word {
	const char *w;
	uint16_t bit;
};

static const struct shape_word shape_words[] = {
	{ "星期", SHAPE_WEEKDAY }, { "礼拜", SHAPE_WEEKDAY },
	{ "禮拜", SHAPE_WEEKDAY }, { "monday", SHAPE_WEEKDAY },
	{ "tuesday", SHAPE_WEEKDAY }, { "wednesday", SHAPE_WEEKDAY },
	{ "thursday", SHAPE_WEEKDAY }, { "friday", SHAPE_WEEKDAY },
	{ "saturday", SHAPE_WEEKDAY }, { "sunday", SHAPE_WEEKDAY },
	{ "作者", SHAPE_BYLINE }, { "记者", SHAPE_BYLINE },
	{ "記者", SHAPE_BYLINE }, { "编辑", SHAPE_BYLINE },
	{ "編輯", SHAPE_BYLINE }, { "责编", SHAPE_BYLINE },
	{ "責編", SHAPE_BYLINE }, { "来源", SHAPE_BYLINE },
	{ "來源", SHAPE_BYLINE }, { "稿源", SHAPE_BYLINE },
	{ "出处", SHAPE_BYLINE }, { "出處", SHAPE_BYLINE },
	{ "撰稿", SHAPE_BYLINE }, { "摄影", SHAPE_BYLINE },
	{ "攝影", SHAPE_BYLINE }, { "通讯员", SHAPE_BYLINE },
	{ "通訊員", SHAPE_BYLINE }, { "供稿", SHAPE_BYLINE },
	{ "author", SHAPE_BYLINE }, { "editor", SHAPE_BYLINE },
	{ "reporter", SHAPE_BYLINE }, { "source:", SHAPE_BYLINE },
	{ "posted by", SHAPE_BYLINE }, { "written by", SHAPE_BYLINE },
	{ "电话", SHAPE_PHONE }, { "電話", SHAPE_PHONE },
	{ "传真", SHAPE_PHONE }, { "傳真", SHAPE_PHONE },
	{ "热线", SHAPE_PHONE }, { "熱線", SHAPE_PHONE },
	{ "tel:", SHAPE_PHONE }, { "tel.", SHAPE_PHONE },
	{ "fax", SHAPE_PHONE }, { "phone", SHAPE_PHONE },
	{ "http://", SHAPE_URL }, { "https://", SHAPE_URL },
	{ "www.", SHAPE_URL }, { ".com", SHAPE_URL }, { ".cn", SHAPE_URL },
	{ ".net", SHAPE_URL }, { ".org", SHAPE_URL }, { ".htm", SHAPE_URL },
	{ "(c)", SHAPE_COPYRIGHT },
	{ "copyright", SHAPE_COPYRIGHT }, { "版权", SHAPE_COPYRIGHT },
	{ "版權", SHAPE_COPYRIGHT }, { "icp", SHAPE_COPYRIGHT },
	{ "备案", SHAPE_COPYRIGHT }, { "備案", SHAPE_COPYRIGHT },
	{ "rights reserved", SHAPE_COPYRIGHT },
	{ "保留所有", SHAPE_COPYRIGHT },
};

/* Digits from s[i]: how many, ASCII only. */
static size_t
digits_at(const char *s, size_t n, size_t i)
{
	size_t k = 0;

	while (i + k < n && s[i + k] >= '0' && s[i + k] <= '9')
		k++;
	return k;
}

/* A date separator at s[i]: - / . or 年 月; its length, or 0. */
static size_t
date_sep(const char *s, size_t n, size_t i)
{
	if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.'))
		return 1;
	if (i + 3 <= n && (memcmp(s + i, "年", 3) == 0 ||
	    memcmp(s + i, "月", 3) == 0))
		return 3;
	return 0;
}

/* Dates (2012-01-16, 2012年1月16日, 1月16日), times (12:30), e-mail. */
static uint16_t
number_shapes(const char *s, size_t n)
{
	uint16_t bits = 0;
	size_t i, k, a, b, c;

	for (i = 0; i < n; i++) {
		if (s[i] == '@' && i > 0 && i + 3 < n &&
		    sp_is_alnum((unsigned char)s[i - 1]) &&
		    memchr(s + i + 1, '.', n - i - 1 < 64 ? n - i - 1 : 64))
			bits |= SHAPE_EMAIL;
		if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' &&
		    s[i - 1] <= '9'))
			continue;
		a = digits_at(s, n, i);
		k = i + a;
		if (k < n && (s[k] == ':' || (k + 3 <= n &&
		    memcmp(s + k, "：", 3) == 0)) && a <= 2 &&
		    digits_at(s, n, k + (s[k] == ':' ? 1 : 3)) == 2)
			bits |= SHAPE_TIME;
		if ((c = date_sep(s, n, k)) == 0)
			continue;
		b = digits_at(s, n, k + c);
		if (b < 1 || b > 2)
			continue;
		if (a <= 2 && c == 3 && k + c + b + 3 <= n &&
		    memcmp(s + k + c + b, "日", 3) == 0)
			bits |= SHAPE_DATE;	/* 1月16日 */
		k += c + b;
		if (a == 4 && (c = date_sep(s, n, k)) > 0 &&
		    (b = digits_at(s, n, k + c)) >= 1 && b <= 2)
			bits |= SHAPE_DATE;
	}
	return bits;
}

/* Phone numbers: 010-12345678, 400-800-1234, a mobile's 11 digits. */
static int
phone_number(const char *s, size_t n)
{
	size_t i, a, b;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' &&
		    s[i - 1] <= '9'))
			continue;
		a = digits_at(s, n, i);
		if (a == 11 && s[i] == '1')
			return 1;
		if (a >= 3 && a <= 4 && i + a < n && s[i + a] == '-' &&
		    (b = digits_at(s, n, i + a + 1)) >= 7 && b <= 8)
			return 1;
		i += a;
	}
	return 0;
}

/*
 * The shape words by a hash of their first three bytes: a bit a hash, so
 * that one pass over a line tries a word only where its start stands.
 */
#define SHAPE_KEY(s) ((((unsigned)(unsigned char)(s)[0] * 31u + \
	(unsigned char)(s)[1]) * 31u + (unsigned char)(s)[2]) & 0xFFFF)
#define NSHAPE_WORDS (sizeof shape_words / sizeof shape_words[0])

static unsigned char shape_keys[65536 / 8];
static unsigned short shape_key[NSHAPE_WORDS];
static unsigned char shape_len[NSHAPE_WORDS];

static void
shape_init(void)
{
	size_t k;
	unsigned key;

	for (k = 0; k < NSHAPE_WORDS; k++) {
		shape_len[k] = (unsigned char)strlen(shape_words[k].w);
		key = SHAPE_KEY(shape_words[k].w);
		shape_key[k] = (unsigned short)key;
		shape_keys[key >> 3] |= (unsigned char)(1u << (key & 7));
	}
}

/* The shapes a line's words give it, searched in lower case. */
static uint16_t
word_shapes(const char *s, size_t n)
{
	char low[SHAPE_SCAN_MAX + 3];
	uint16_t bits = 0;
	size_t i, k;
	unsigned key;

	for (i = 0; i < n; i++)
		low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	low[n] = low[n + 1] = low[n + 2] = '\0';
	for (i = 0; i + 2 < n; i++) {
		/* No word starts inside a character: Han text is mostly
		 * continuation bytes, passed over without a hash. */
		if (((unsigned char)low[i] & 0xC0) == 0x80)
			continue;
		key = SHAPE_KEY(low + i);
		if (!(shape_keys[key >> 3] >> (key & 7) & 1))
			continue;
		for (k = 0; k < NSHAPE_WORDS; k++)
			if (shape_key[k] == key && shape_len[k] <= n - i &&
			    !(bits & shape_words[k].bit) &&
			    memcmp(low + i, shape_words[k].w, shape_len[k]) == 0)
				bits |= shape_words[k].bit;
	}
	return bits;
}

/*
 * "image(" or "embed(" in s[0..n), a widget's script left in the text:
 * found from the '(', which few lines hold, rather than by memmem() of
 * each, which every line paid for.
 */
static int
widget_call(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '(', (size_t)(end - p))) != NULL) {
		if (p - s >= 5 && (memcmp(p - 5, "image", 5) == 0 ||
		    memcmp(p - 5, "embed", 5) == 0))
			return 1;
		p++;
	}
	return 0;
}

/*
 * [logo_2], [IMG], [fbconnect]: what dumps leave of images and widgets,
 * a word in brackets; and the bytes they take.
 */
static void
dump_tokens(const char *s, size_t n, struct shape *sh)
{
	const char *p = s, *end = s + n, *close, *q;
	int word;

	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		close = memchr(p, ']', (size_t)(end - p));
		if (close == NULL)
			break;
		for (q = p + 1, word = close - p > 1 && close - p <= 40;
		    word && q < close; q++)
			word = (unsigned char)*q >= 0x80 || *q == '_' ||
			    *q == '-' || *q == '.' || *q == ' ' ||
			    (*q >= '0' && *q <= '9') ||
			    ((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z');
		if (word) {
			sh->tokens++;
			sh->token_chars += (uint32_t)(close - p + 1);
		}
		p = close + 1;
	}
	if (widget_call(s, n))
		sh->tokens++;
}

/* Segments in brackets: 【字号大中小】【打印】, [新闻], 〖…〗, in one pass. */
static uint32_t
bracketed(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t k = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '[')
			k++;
		else if (s[i] == 0xE3 && i + 2 < n && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0x90 || s[i + 2] == 0x96 || s[i + 2] == 0x94))
			k++;	/* 【 〖 〔 */
		else if (s[i] == 0xEF && i + 2 < n && s[i + 1] == 0xBC &&
		    s[i + 2] == 0xBB)
			k++;	/* ［ */
	}
	return k;
}

/*
 * lg(n) of the small counts, which most of a line's features are: log2
 * took 4% of the time on dumps of news pages, called 21 times a line.
 */
#define LG_TABLE 1024
static float lg_table[LG_TABLE];

static void
lg_init(void)
{
	int i;

	for (i = 0; i < LG_TABLE; i++)
		lg_table[i] = (float)log2(1 + (double)i);
}

static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void
tables_init(void)
{
	function_init();
	shape_init();
	lg_init();
}

void
features_init(void)
{
	pthread_once(&tables_once, tables_init);
}

void
features_scan(const char *line, size_t n, struct shape *sh)
{
	const unsigned char *s = (const unsigned char *)line;
	size_t i = 0, k, run = 0;
	int32_t cp;
	int first = 1;

	memset(sh, 0, sizeof *sh);
	for (; i < n; i += k) {
		k = sp_utf8_next(s + i, n - i, &cp);
		if (cp >= 0x4E00 && cp <= 0x9FFF) {
			sh->function_chars += is_function(cp);
			first = 0;
		} else if (cp == ' ' || cp == 0x3000 || cp == '\t' ||
		    cp == 0xA0) {
			sh->spaces++;
		} else if (is_digit(cp)) {
			sh->digits++;
			first = 0;
		} else if (cp < 0x80 ? (((cp | 0x20) >= 'a' &&
		    (cp | 0x20) <= 'z')) : (sp_is_alnum(cp) &&
		    !sp_is_han(cp))) {
			sh->latin++;
			run++;
			first = 0;
			continue;
		} else if (!sp_is_han(cp)) {
			sh->punct++;
			if (cp == 0xA9)	/* © */
				sh->pattern |= SHAPE_COPYRIGHT;
			if (cp >= 0x2500 && cp <= 0x257F)
				sh->box_drawing++;
			if (first && is_bullet(cp))
				sh->bullet = 1;
			first = 0;
		}
		if (run > 0) {
			sh->words++;
			sh->short_words += run <= 3;
			run = 0;
		}
	}
	if (run > 0) {
		sh->words++;
		sh->short_words += run <= 3;
	}
	if (n <= SHAPE_SCAN_MAX) {
		dump_tokens(line, n, sh);
		sh->bracketed = bracketed(line, n);
		sh->pattern |= number_shapes(line, n) | word_shapes(line, n);
		if (phone_number(line, n))
			sh->pattern |= SHAPE_PHONE;
	}
}

static void *
grow(void *p, size_t n, size_t size)
{
	return sp_xrealloc(p, n * size);
}

/* How many other lines of the page are equal to each line. */
static void
count_repeats(struct line *v, size_t nlines)
{
	size_t cap = 64, i, slot;
	uint64_t *keys, h;
	uint32_t *counts, *where;

	while (cap < nlines * 2)
		cap *= 2;
	keys = sp_xmalloc(cap * sizeof *keys);
	counts = sp_xmalloc(cap * sizeof *counts);
	where = sp_xmalloc(nlines * sizeof *where + 1);
	memset(counts, 0, cap * sizeof *counts);
	for (i = 0; i < nlines; i++) {
		h = XXH3_64bits(v[i].s, v[i].n);
		for (slot = h & (cap - 1); counts[slot] && keys[slot] != h;
		    slot = (slot + 1) & (cap - 1))
			;
		keys[slot] = h;
		counts[slot]++;
		where[i] = (uint32_t)slot;
	}
	for (i = 0; i < nlines; i++)
		v[i].repeats = (int)counts[where[i]] - 1;
	free(keys);
	free(counts);
	free(where);
}

/* A short line without sentences: a menu's, a list's. */
static int
short_line(const struct line *l)
{
	return l->f.chars <= 20 && l->f.sentence == 0;
}

/* Shaped like a headline or a link's text: no full stop inside or at
 * the end ("？" and "！" end headlines too). */
static int
headline_like(const struct line *l)
{
	return l->f.chars >= 6 && l->f.chars <= 45 && l->f.stops == 0 &&
	    l->f.inner_sentence == 0;
}

/* run[i]: the length of the run of lines like v[i] around it, or 0. */
static void
runs(const struct line *v, size_t nlines, int (*like)(const struct line *),
    size_t *run)
{
	size_t i, j, k;

	for (i = 0; i < nlines; i = j) {
		if (!like(&v[i])) {
			run[i] = 0;
			j = i + 1;
			continue;
		}
		for (j = i; j < nlines && like(&v[j]); j++)
			;
		for (k = i; k < j; k++)
			run[k] = j - i;
	}
}

/*
 * The words of a line, for telling whether the page's prose speaks of
 * what it says: pairs of Han characters, and Latin words of four
 * letters or more, hashed (never 0).  Calls fn for each.
 */
static void
words_of(const struct line *l, size_t n, void (*fn)(uint64_t h, void *ctx),
    void *ctx)
{
	const unsigned char *s = (const unsigned char *)l->s;
	size_t i = 0, k, len = 0;
	uint64_t word = 0;
	int32_t cp, prev = 0;

	if (n > l->n)
		n = l->n;
	for (; i <= n; i += k) {
		k = 1;
		cp = 0;
		if (i < n)
			k = sp_utf8_next(s + i, n - i, &cp);
		if (cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
			word = (word ^ (uint64_t)(cp | 0x20)) *
			    0x100000001B3ULL;
			len++;
			prev = 0;
			continue;
		}
		if (len >= 4)
			fn(word | 1, ctx);
		word = 0xCBF29CE484222325ULL;
		len = 0;
		if (cp >= 0x4E00 && cp <= 0x9FFF) {
			if (prev)
				fn((((uint64_t)prev << 32 | (uint64_t)cp) *
				    0x9E3779B97F4A7C15ULL) | 1, ctx);
			prev = cp;
		} else
			prev = 0;
	}
}

/*
 * The first slot to try for word h in a set of mask + 1 slots.  A Han
 * pair's hash is a product, whose low bits are those of the second
 * character's alone: taken as they were, every pair ending in 的 began
 * at the same slot, and an add walked 17 slots on average (callgrind,
 * speech pages).  Its high half, folded in, is of both characters.
 * Where a word lands changes no answer: a set holds the words added
 * until it is half full, wherever they are.
 */
static size_t
slot_of(uint64_t h, size_t mask)
{
	return (size_t)(h ^ h >> 32) & mask;
}

/* Makes ws an empty set of room for at least n words, bounded. */
static void
wordset_reset(struct wordset *ws, size_t n)
{
	size_t size = 256;

	/* Half full at most, and never more than SET_MAX slots: a page of
	 * more prose than that is known by what it says first. */
	while (size < 2 * n && size < SET_MAX)
		size *= 2;
	if (ws->cap < size) {
		free(ws->slot);
		ws->slot = sp_xmalloc(size * sizeof *ws->slot);
		ws->cap = size;
	}
	ws->size = size;
	ws->used = 0;
	memset(ws->slot, 0, size * sizeof *ws->slot);
}

static void
wordset_add(uint64_t h, void *ctx)
{
	struct wordset *ws = ctx;
	size_t mask = ws->size - 1, i;

	if (ws->used >= ws->size / 2)
		return;
	for (i = slot_of(h, mask); ws->slot[i] && ws->slot[i] != h;
	    i = (i + 1) & mask)
		;
	if (ws->slot[i] == 0)
		ws->used++;
	ws->slot[i] = h;
}

/* One line's words probed into the prose and title sets at once. */
struct probe {
	const struct wordset *ws[2];	/* NULL: not asked */
	size_t items, hits[2];
};

static void
wordset_probe(uint64_t h, void *ctx)
{
	struct probe *p = ctx;
	size_t mask, i;
	int k;

	p->items++;
	for (k = 0; k < 2; k++) {
		const struct wordset *ws = p->ws[k];

		if (ws == NULL)
			continue;
		mask = ws->size - 1;
		for (i = slot_of(h, mask); ws->slot[i]; i = (i + 1) & mask)
			if (ws->slot[i] == h) {
				p->hits[k]++;
				break;
			}
	}
}

/*
 * A line's words, gathered before they are probed: a line of at most
 * OVERLAP_MAX bytes has a word for at most each byte but its first; the
 * prose words are of the first PROSE_WORDS bytes of a line.
 */
_Static_assert(PROSE_WORDS <= OVERLAP_MAX, "a line's prose words fit");
struct gathered_words {
	size_t n;
	uint64_t h[OVERLAP_MAX];
};

static void
gather_word(uint64_t h, void *ctx)
{
	struct gathered_words *g = ctx;

	if (g->n < OVERLAP_MAX)
		g->h[g->n++] = h;
}

/*
 * Probes a line's words into the sets of p: the slots of them all are
 * fetched first, then read.  A page's prose set is of megabytes (a
 * speech page's, some 8 MB), and a probe at a time waited for each miss
 * (perf: words_of() 9% of sp-clean -j1 on the speech pages, most of it
 * the loads of the slots).
 */
static void
probe_words(const struct gathered_words *g, struct probe *p)
{
	size_t i;
	int k;

	for (k = 0; k < 2; k++)
		if (p->ws[k] != NULL)
			for (i = 0; i < g->n; i++)
				__builtin_prefetch(&p->ws[k]->slot[slot_of(
				    g->h[i], p->ws[k]->size - 1)]);
	for (i = 0; i < g->n; i++)
		wordset_probe(g->h[i], p);
}

/* Adds a line's words to ws, their slots fetched first (as above). */
static void
add_words(const struct gathered_words *g, struct wordset *ws)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		__builtin_prefetch(&ws->slot[slot_of(g->h[i],
		    ws->size - 1)], 1);
	for (i = 0; i < g->n; i++)
		wordset_add(g->h[i], ws);
}

/*
 * The share of each judged line's words in the page's prose (NULL: no
 * prose) and in its title, line title (NULL: none): how much of its
 * wording they share.  An article's title, captions and subheadings
 * speak of what its paragraphs say; a related headline, a menu or a
 * notice does not.  One walk of each line's words serves both.
 */
static void
shares(const struct line *v, size_t nlines, const struct wordset *prose,
    const struct wordset *title_words, size_t title, struct page_sums *ps)
{
	struct gathered_words g;
	struct probe p;
	size_t i;

	for (i = 0; i < nlines; i++) {
		p.ws[0] = prose;
		p.ws[1] = i == title ? NULL : title_words;
		p.items = p.hits[0] = p.hits[1] = 0;
		if ((p.ws[0] || p.ws[1]) && v[i].n <= OVERLAP_MAX &&
		    !v[i].unjudged) {
			g.n = 0;
			words_of(&v[i], v[i].n, gather_word, &g);
			probe_words(&g, &p);
		}
		ps->overlap[i] = p.ws[0] && p.items >= 2 ?
		    (float)p.hits[0] / (float)p.items : NAN;
		ps->title_overlap[i] = p.ws[1] && p.items >= 2 ?
		    (float)p.hits[1] / (float)p.items : NAN;
	}
}

/* The words of the page's prose, or NULL when it has none. */
static const struct wordset *
prose_words(const struct line *v, size_t nlines, struct page_sums *ps)
{
	struct gathered_words g;
	size_t i, bytes = 0;

	if (ps->anchors == 0)
		return NULL;
	for (i = 0; i < nlines; i++)
		if (v[i].anchor)
			bytes += v[i].n < PROSE_WORDS ? v[i].n : PROSE_WORDS;
	/* A word a Han character (3 bytes) at most, a Latin word 5. */
	wordset_reset(&ps->prose, bytes / 3);
	for (i = 0; i < nlines; i++)
		if (v[i].anchor) {
			g.n = 0;
			words_of(&v[i], PROSE_WORDS, gather_word, &g);
			add_words(&g, &ps->prose);
		}
	return &ps->prose;
}

/* The page's title: its <title>, or else its first line. */
static size_t
title_line(const struct line *v, size_t nlines)
{
	size_t i;

	for (i = 0; i < nlines && i < 50; i++)
		if (v[i].html && (v[i].html->inside & HI_TITLE))
			return i;
	return 0;
}

/* The words of the page's title line t, or NULL when it has none. */
static const struct wordset *
title_words(const struct line *v, size_t nlines, size_t t,
    struct page_sums *ps)
{
	if (nlines == 0 || v[t].n > 4096)
		return NULL;
	wordset_reset(&ps->title, v[t].n / 3);
	words_of(&v[t], v[t].n, wordset_add, &ps->title);
	return &ps->title;
}

/* Features of each neighbour. */
#define NEAR (F_p2_len - F_p1_len)

static float lg_count(size_t n);
static float clamp(int v, int lo, int hi);
static float link_density(const struct line *l);

/* What line l says of itself to the lines around it, x[0..NEAR). */
static void
near_of(const struct line *l, float *x)
{
	x[F_p1_len - F_p1_len] = lg_count(l->f.chars);
	x[F_p1_punctuated - F_p1_len] = l->f.sentence + l->f.clause > 0;
	x[F_p1_anchor - F_p1_len] = (float)l->anchor;
	x[F_p1_link - F_p1_len] = link_density(l);
	x[F_p1_rules - F_p1_len] = clamp(l->score, -40, 60);
	x[F_p1_final - F_p1_len] = (float)l->f.final;
}

void
features_page(struct line *v, size_t nlines, struct page_sums *ps)
{
	size_t i, last, title;

	if (ps->cap < nlines) {
		ps->cap = nlines;
		ps->chars_before = grow(ps->chars_before, nlines,
		    sizeof *ps->chars_before);
		ps->prev_anchor = grow(ps->prev_anchor, nlines,
		    sizeof *ps->prev_anchor);
		ps->next_anchor = grow(ps->next_anchor, nlines,
		    sizeof *ps->next_anchor);
		ps->short_run = grow(ps->short_run, nlines,
		    sizeof *ps->short_run);
		ps->title_run = grow(ps->title_run, nlines,
		    sizeof *ps->title_run);
		ps->overlap = grow(ps->overlap, nlines, sizeof *ps->overlap);
		ps->title_overlap = grow(ps->title_overlap, nlines,
		    sizeof *ps->title_overlap);
		ps->near = grow(ps->near, nlines * NEAR, sizeof *ps->near);
	}
	ps->nlines = nlines;
	ps->chars = 0;
	ps->anchors = 0;
	count_repeats(v, nlines);
	for (i = 0, last = SIZE_MAX; i < nlines; i++) {
		ps->chars_before[i] = ps->chars;
		ps->chars += (double)v[i].f.chars;
		ps->prev_anchor[i] = last;
		if (v[i].anchor) {
			last = i;
			ps->anchors++;
		}
	}
	for (i = nlines, last = SIZE_MAX; i-- > 0; ) {
		ps->next_anchor[i] = last;
		if (v[i].anchor)
			last = i;
	}
	ps->longest = 0;
	ps->han = 0;
	for (i = 0; i < nlines; i++) {
		near_of(&v[i], ps->near + i * NEAR);
		if ((double)v[i].f.chars > ps->longest)
			ps->longest = (double)v[i].f.chars;
		ps->han += (double)v[i].f.han;
	}
	runs(v, nlines, short_line, ps->short_run);
	runs(v, nlines, headline_like, ps->title_run);
	title = title_line(v, nlines);
	shares(v, nlines, prose_words(v, nlines, ps),
	    title_words(v, nlines, title, ps), title, ps);
}

void
page_sums_free(struct page_sums *ps)
{
	free(ps->chars_before);
	free(ps->prev_anchor);
	free(ps->next_anchor);
	free(ps->short_run);
	free(ps->title_run);
	free(ps->overlap);
	free(ps->title_overlap);
	free(ps->near);
	free(ps->prose.slot);
	free(ps->title.slot);
	memset(ps, 0, sizeof *ps);
}

static float
lg(double x)
{
	if (x >= 0 && x < LG_TABLE && x == (double)(int)x)
		return lg_table[(int)x];
	return (float)log2(1 + x);
}

/* lg() of a count: the same float, without asking whether it is one. */
static float
lg_count(size_t n)
{
	return n < LG_TABLE ? lg_table[n] : (float)log2(1 + (double)n);
}

static float
share(double part, double whole)
{
	return whole > 0 ? (float)(part / whole) : 0;
}

static float
clamp(int v, int lo, int hi)
{
	return (float)(v < lo ? lo : v > hi ? hi : v);
}

static float
link_density(const struct line *l)
{
	if (l->html == NULL)
		return NAN;
	return share(l->html->link_chars, l->html->chars);
}

static void
own_text(const struct line *l, const struct shape *sh, float *x)
{
	const struct lf_features *f = &l->f;
	double chars = (double)f->chars;

	x[F_len] = lg_count(f->chars);
	x[F_han] = share((double)f->han, chars);
	x[F_latin] = share(sh->latin, chars);
	x[F_digit] = share(sh->digits, chars);
	x[F_punct] = share(sh->punct, chars);
	x[F_space] = share(sh->spaces, chars);
	x[F_sentences] = clamp((int)f->sentence, 0, 50);
	x[F_clauses] = clamp((int)f->clause, 0, 100);
	x[F_final] = (float)f->final;
	x[F_inner_sentences] = clamp((int)f->inner_sentence, 0, 50);
	x[F_function_chars] = f->han >= 4 ?
	    share(sh->function_chars, (double)f->han) : NAN;
	x[F_words] = lg_count(sh->words);
	x[F_short_words] = sh->words >= 3 ?
	    share(sh->short_words, sh->words) : NAN;
	x[F_separators] = clamp((int)f->seps, 0, 50);
	x[F_bullet] = sh->bullet;
	x[F_tokens] = clamp((int)sh->tokens, 0, 50);
	x[F_token_share] = l->n ? share(sh->token_chars, (double)l->n) : 0;
	x[F_bracketed] = clamp((int)sh->bracketed, 0, 50);
	x[F_box_drawing] = share(sh->box_drawing, chars);
	x[F_date] = (sh->pattern & SHAPE_DATE) != 0;
	x[F_time] = (sh->pattern & SHAPE_TIME) != 0;
	x[F_weekday] = (sh->pattern & SHAPE_WEEKDAY) != 0;
	x[F_byline] = (sh->pattern & SHAPE_BYLINE) != 0;
	x[F_phone] = (sh->pattern & SHAPE_PHONE) != 0;
	x[F_email] = (sh->pattern & SHAPE_EMAIL) != 0;
	x[F_url] = (sh->pattern & SHAPE_URL) != 0;
	x[F_copyright] = (sh->pattern & SHAPE_COPYRIGHT) != 0;
	x[F_marker] = (float)f->marker;
	x[F_heading_marker] = f->marker != LF_NONE && f->marker != LF_BULLET;
}

static void
own_layout(const struct line *l, float *x)
{
	size_t vis = l->f.chars;
	int m;

	x[F_vocab] = clamp(l->h.vocab, -100, 100);
	x[F_nav_words] = clamp(l->h.nav_hits, 0, 50);
	x[F_nav_share] = share((double)l->h.nav_chars, (double)vis);
	x[F_list_heading] = l->h.list != NULL;
	x[F_inline_list] = l->h.inline_list != NULL;
	x[F_rules_score] = clamp(l->score, -40, 60);
	x[F_zone] = (float)l->zone;
	x[F_anchor] = (float)l->anchor;
	x[F_title] = (float)l->title;
	x[F_site_title] = (float)l->site_title;
	x[F_more_heading] = (float)layout_more_heading(l);
	x[F_date_like] = (float)layout_date_like(l);
	x[F_truncated] = l->n > 0 ? (float)layout_truncated(l) : 0;
	for (m = 0; m < M_NMARKS; m++)
		x[F_m_breadcrumb + m] = (l->marks >> m) & 1;
}

void
features_centre(size_t nlines, float *x)
{
	x[F_position] = 0.5f;
	x[F_char_position] = 0.5f;
	x[F_from_top] = lg_count(nlines / 2);
	x[F_from_end] = lg_count(nlines - 1 - nlines / 2);
}

static void
own_place(const struct line *l, size_t nlines, size_t i,
    const struct page_sums *ps, float *x)
{
	x[F_position] = share((double)i, (double)nlines);
	x[F_from_top] = lg_count(i);
	x[F_from_end] = lg_count(nlines - 1 - i);
	x[F_lines] = lg_count(nlines);
	x[F_char_position] = share(ps->chars_before[i], ps->chars);
	x[F_page_chars] = lg(ps->chars);
	x[F_prev_anchor] = ps->prev_anchor[i] == SIZE_MAX ? NAN :
	    lg_count(i - ps->prev_anchor[i]);
	x[F_next_anchor] = ps->next_anchor[i] == SIZE_MAX ? NAN :
	    lg_count(ps->next_anchor[i] - i);
	x[F_anchors] = lg_count(ps->anchors);
	x[F_anchor_share] = share((double)ps->anchors, (double)nlines);
	x[F_repeats] = lg(l->repeats);
	x[F_furniture] = l->furniture;
	x[F_furniture_pages] = isnan(l->furniture) ? NAN :
	    lg(l->furniture_pages);
	x[F_short_run] = lg_count(ps->short_run[i]);
	x[F_title_run] = lg_count(ps->title_run[i]);
	x[F_longest_share] = share((double)l->f.chars, ps->longest);
	x[F_body_overlap] = ps->overlap[i];
	x[F_page_han] = share(ps->han, ps->chars);
	x[F_title_overlap] = ps->title_overlap[i];
}

static void
own_html(const struct line *l, float *x)
{
	const struct html_line *h = l->html;
	int k;

	if (h == NULL) {
		for (k = F_html; k <= F_main_share; k++)
			x[k] = NAN;
		x[F_html] = 0;
		return;
	}
	x[F_html] = 1;
	x[F_link_density] = share(h->link_chars, h->chars);
	x[F_all_link] = h->chars > 0 && h->link_chars == h->chars;
	/* HI_NAV .. HI_SPAN in the order of the features. */
	for (k = 0; k <= F_in_span - F_in_nav; k++)
		x[F_in_nav + k] = (h->inside >> (k + 1)) & 1;
	for (k = 0; k < HH_COUNT; k++) {
		x[F_c_nav + k] = (h->hints >> k) & 1;
		x[F_n_nav + k] = (h->near_hints >> k) & 1;
	}
	x[F_block] = h->block;
	x[F_depth] = h->depth;
	x[F_tables] = h->tables;
	x[F_box_chars] = lg_count(h->box_chars);
	x[F_box_links] = share(h->box_link_chars, h->box_chars);
	x[F_box_lines] = lg_count(h->box_lines);
	x[F_box_paras] = lg_count(h->box_paras);
	x[F_box_share] = h->box_share;
	x[F_in_main] = h->in_main;
	x[F_main_share] = h->main_share;
}

/* What a line says of its neighbour, from what features_page() said. */
static void
neighbour(const struct page_sums *ps, size_t nlines, size_t j, int in,
    float *x)
{
	int k;

	if (!in || j >= nlines) {
		for (k = 0; k < NEAR; k++)
			x[k] = NAN;
		return;
	}
	memcpy(x, ps->near + j * NEAR, NEAR * sizeof *x);
}

static void
context(const struct line *v, size_t nlines, size_t i, int threshold,
    const struct page_sums *ps, float *x)
{
	size_t from = i >= 5 ? i - 5 : 0, to = i + 6 < nlines ? i + 6 :
	    nlines, j, n = 0, nlink = 0;
	double len = 0, anchors = 0, link = 0, rules = 0, ld;
	int d;

	for (d = 1; d <= FEAT_WINDOW; d++) {
		neighbour(ps, nlines, i - (size_t)d, (size_t)d <= i,
		    x + F_p1_len + NEAR * (d - 1));
		neighbour(ps, nlines, i + (size_t)d, 1,
		    x + F_n1_len + NEAR * (d - 1));
	}
	for (j = from; j < to; j++) {
		if (j == i)
			continue;
		n++;
		len += ps->near[j * NEAR + F_p1_len - F_p1_len];
		anchors += v[j].anchor;
		rules += v[j].score >= threshold;
		if (!isnan(ld = link_density(&v[j]))) {
			link += ld;
			nlink++;
		}
	}
	x[F_around_len] = n ? (float)(len / (double)n) : NAN;
	x[F_around_anchors] = n ? (float)(anchors / (double)n) : NAN;
	x[F_around_link] = nlink ? (float)(link / (double)nlink) : NAN;
	x[F_around_rules] = n ? (float)(rules / (double)n) : NAN;
}

void
features_line(const struct line *v, const struct shape *sh, size_t nlines,
    size_t i, int threshold, const struct page_sums *ps, float *x)
{
	own_text(&v[i], &sh[i], x);
	own_layout(&v[i], x);
	own_place(&v[i], nlines, i, ps, x);
	own_html(&v[i], x);
	context(v, nlines, i, threshold, ps, x);
}
