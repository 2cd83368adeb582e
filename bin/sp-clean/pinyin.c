/* pinyin.c: pinyin annotations (step 5); see pinyin.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cjk.h"
#include "embed.h"
#include "pinyin.h"
#include "text.h"

SP_DATA(pinyin_syllables);
SP_DATA(pinyin_readings);

static struct text_key *syl;
static size_t nsyl;
/* Loaded once, by whichever thread asks first. */
static pthread_once_t syl_once = PTHREAD_ONCE_INIT;

/* A character's readings: " hui kuai", toneless, each after a space. */
struct reading {
	int32_t cp;
	const char *r;
	size_t len;
};
static struct reading *rd;
static size_t nrd;
static pthread_once_t rd_once = PTHREAD_ONCE_INIT;

/* data/pinyin-readings: a line a character, in code point order. */
static void
load_readings(void)
{
	const char *p = (const char *)sp_data_pinyin_readings;
	const char *end = p + sp_data_pinyin_readings_len, *nl;
	size_t cap = 1024, k;
	int32_t cp;

	rd = sp_xmalloc(cap * sizeof *rd);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		cp = cp_at(p, (size_t)(nl - p), 0, &k);
		if (nl - p <= (ptrdiff_t)k)
			continue;
		if (nrd == cap)
			rd = sp_xrealloc(rd, (cap *= 2) * sizeof *rd);
		rd[nrd].cp = cp;
		rd[nrd].r = p + k;
		rd[nrd++].len = (size_t)(nl - p) - k;
	}
}

static int
reading_cmp(const void *key, const void *e)
{
	int32_t a = *(const int32_t *)key, b = ((const struct reading *)e)->cp;

	return (a > b) - (a < b);
}

/*
 * Is the toneless syllable w[0..n) a reading of Han character cp?  A
 * character Unihan gives no reading counts as reading it: a rare one is
 * given the benefit of the doubt, as before.
 */
static int
reads_as(int32_t cp, const char *w, size_t n)
{
	const struct reading *e;
	const char *p, *q, *end;

	(void)pthread_once(&rd_once, load_readings);
	if ((e = bsearch(&cp, rd, nrd, sizeof *rd, reading_cmp)) == NULL)
		return 1;
	for (p = e->r, end = e->r + e->len; p < end; p = q) {
		p++;	/* past the space before each reading */
		if ((q = memchr(p, ' ', (size_t)(end - p))) == NULL)
			q = end;
		if ((size_t)(q - p) == n && memcmp(p, w, n) == 0)
			return 1;
	}
	return 0;
}

static void
load(void)
{
	const char *p = (const char *)sp_data_pinyin_syllables;
	const char *end = p + sp_data_pinyin_syllables_len, *nl;
	size_t cap = 512;

	syl = sp_xmalloc(cap * sizeof *syl);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl == p)
			continue;
		if (nsyl == cap)
			syl = sp_xrealloc(syl, (cap *= 2) * sizeof *syl);
		syl[nsyl].s = p;
		syl[nsyl++].len = (size_t)(nl - p);
	}
}

static int
is_syllable(const char *s, size_t len)
{
	struct text_key key = { s, len };

	(void)pthread_once(&syl_once, load);
	return bsearch(&key, syl, nsyl, sizeof *syl, text_key_cmp) != NULL;
}

/*
 * The toneless letter of a pinyin letter, 0 when cp is none; *tone is set
 * when it carries a tone mark.  ü stays ü (0xFC).
 */
static int32_t
base_letter(int32_t cp, int *tone)
{
	*tone = 1;
	switch (cp) {
	case 0x101: case 0xE1: case 0x1CE: case 0xE0:		/* ā á ǎ à */
		return 'a';
	case 0x113: case 0xE9: case 0x11B: case 0xE8:		/* ē é ě è */
		return 'e';
	case 0x12B: case 0xED: case 0x1D0: case 0xEC:		/* ī í ǐ ì */
		return 'i';
	case 0x14D: case 0xF3: case 0x1D2: case 0xF2:		/* ō ó ǒ ò */
		return 'o';
	case 0x16B: case 0xFA: case 0x1D4: case 0xF9:		/* ū ú ǔ ù */
		return 'u';
	case 0x1D6: case 0x1D8: case 0x1DA: case 0x1DC:	/* ǖ ǘ ǚ ǜ */
		return 0xFC;
	case 0x144: case 0x148: case 0x1F9:			/* ń ň ǹ */
		return 'n';
	case 0x1E3F:						/* ḿ */
		return 'm';
	}
	*tone = 0;
	if ((cp >= 'a' && cp <= 'z') || cp == 0xFC)
		return cp;
	return 0;
}

/* The lower case of a capital pinyin letter, or cp itself. */
static int32_t
lower(int32_t cp)
{
	static const int32_t caps[][2] = {
		{ 0xC0, 0xE0 }, { 0xC1, 0xE1 }, { 0xC8, 0xE8 }, { 0xC9, 0xE9 },
		{ 0xCC, 0xEC }, { 0xCD, 0xED }, { 0xD2, 0xF2 }, { 0xD3, 0xF3 },
		{ 0xD9, 0xF9 }, { 0xDA, 0xFA }, { 0xDC, 0xFC },
		{ 0x100, 0x101 }, { 0x112, 0x113 }, { 0x11A, 0x11B },
		{ 0x12A, 0x12B }, { 0x14C, 0x14D }, { 0x16A, 0x16B },
		{ 0x1CD, 0x1CE }, { 0x1CF, 0x1D0 }, { 0x1D1, 0x1D2 },
		{ 0x1D3, 0x1D4 }, { 0x1D5, 0x1D6 }, { 0x1D7, 0x1D8 },
		{ 0x1D9, 0x1DA }, { 0x1DB, 0x1DC },
	};
	size_t i;

	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++)
		if (caps[i][0] == cp)
			return caps[i][1];
	return cp;
}

/* Letters of an annotation, its words apart, that the DP below reads. */
#define ANNOTATION_MAX 64

/*
 * Can the toneless annotation w[0..n) (words apart by a space) be read as
 * syllables, each a reading of the Han character it stands over: the
 * last syllable over han[nhan - 1], the one before over han[nhan - 2] and
 * so on?  Returns the number of syllables of such a reading, or 0.  "是
 * (huì)" is none (是 reads shi): the parenthesis is the text's own, a
 * reading it quotes, not an annotation.
 */
static size_t
aligned(const char *w, size_t n, const int32_t *han, size_t nhan)
{
	/* at[pos]: bit t set when w[pos..n) reads as the last t characters. */
	uint64_t at[ANNOTATION_MAX + 1];
	size_t pos, j, t;

	if (n > ANNOTATION_MAX || nhan > 63)
		return 0;
	memset(at, 0, sizeof at);
	at[n] = 1;
	for (pos = n; pos > 0; pos--) {
		if (at[pos] == 0)
			continue;
		if (w[pos - 1] == ' ') {
			at[pos - 1] |= at[pos];
			continue;
		}
		for (j = pos > 7 ? pos - 7 : 0; j < pos; j++) {
			if (memchr(w + j, ' ', pos - j) || !is_syllable(w + j,
			    pos - j))
				continue;
			for (t = 0; t < nhan; t++)
				if ((at[pos] >> t & 1) &&
				    reads_as(han[nhan - 1 - t], w + j, pos - j))
					at[j] |= (uint64_t)1 << (t + 1);
		}
	}
	/* The fewest syllables that read: the tightest annotation. */
	for (t = 1; t <= nhan; t++)
		if (at[0] >> t & 1)
			return t;
	return 0;
}

size_t
pinyin_annotation(const char *s, size_t n, const int32_t *han, size_t nhan)
{
	char word[ANNOTATION_MAX + 1];
	size_t i, k, wl = 0;
	int32_t cp, open, b;
	int tone, tones = 0, start = 1;

	open = cp_at(s, n, 0, &k);
	if (open != '(' && open != 0xFF08)
		return 0;
	for (i = k; i < n; i += k) {
		cp = cp_at(s, n, i, &k);
		if (cp == ')' || cp == 0xFF09) {
			while (wl > 0 && word[wl - 1] == ' ')
				wl--;
			if (wl == 0 || tones == 0 ||
			    aligned(word, wl, han, nhan) == 0)
				return 0;
			return i + k;
		}
		if (cp == ' ') {
			if (wl > 0 && word[wl - 1] != ' ')
				word[wl++] = ' ';
			start = 1;
			continue;
		}
		if (start)
			cp = lower(cp);	/* a proper name: 北京(Běijīng) */
		start = 0;
		if ((b = base_letter(cp, &tone)) == 0)
			return 0;
		tones += tone;
		if (wl + 2 >= sizeof word)
			return 0;
		if (b == 0xFC) {
			word[wl++] = (char)0xC3;
			word[wl++] = (char)0xBC;
		} else {
			word[wl++] = (char)b;
		}
	}
	return 0;
}

/*
 * The next '(' or '（' in s[i..n), or n: one pass over the text, sixteen
 * bytes a test where SSE2 is there (memmem(3) for '（' cost more than all
 * the rest of the step on text without pinyin).
 */
static size_t
next_paren(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	for (; i + 18 <= n; i += 16) {
		__m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		__m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i + 1));
		__m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i + 2));
		__m128i full = _mm_and_si128(_mm_and_si128(
		    _mm_cmpeq_epi8(v0, _mm_set1_epi8((char)0xEF)),
		    _mm_cmpeq_epi8(v1, _mm_set1_epi8((char)0xBC))),
		    _mm_cmpeq_epi8(v2, _mm_set1_epi8((char)0x88)));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(full,
		    _mm_cmpeq_epi8(v0, _mm_set1_epi8('('))));

		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	for (; i < n; i++)
		if (s[i] == '(' || (i + 2 < n &&
		    memcmp(s + i, "\xef\xbc\x88", 3) == 0))
			return i;
	return n;
}

/*
 * Might the bracket at s[p] open an annotation?  What follows it must be
 * a space or a pinyin letter (pinyin_annotation() asks the same first):
 * most brackets are refused here, before the Han characters before them
 * are counted.
 */
static int
may_open_pinyin(const char *s, size_t n, size_t p)
{
	size_t k;
	int32_t cp;
	int tone;

	p += s[p] == '(' ? 1 : 3;
	if (p >= n)
		return 0;
	cp = cp_at(s, n, p, &k);
	return cp == ' ' || base_letter(lower(cp), &tone) != 0;
}

void
pinyin_clean(const char *s, size_t n, struct sp_buf *out, size_t *dropped)
{
	int32_t back[ANNOTATION_MAX], han[ANNOTATION_MAX];
	size_t i = 0, start = 0, p, j, k, used, nhan, h;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	while ((p = next_paren(s, n, i)) < n) {
		if (!may_open_pinyin(s, n, p)) {
			i = p + 1;
			continue;
		}
		/* The Han characters right before it, in text order. */
		for (nhan = 0, j = p; j > start && nhan < 63; j -= k) {
			if (!sp_is_han(back[nhan] = cp_before(s, j, &k)))
				break;
			nhan++;
		}
		for (h = 0; h < nhan; h++)
			han[h] = back[nhan - 1 - h];
		if (nhan > 0 && (used = pinyin_annotation(s + p, n - p, han,
		    nhan))) {
			put(out, s + start, p - start);
			start = i = p + used;
			(*dropped)++;
			continue;
		}
		i = p + 1;
	}
	put(out, s + start, n - start);
}
