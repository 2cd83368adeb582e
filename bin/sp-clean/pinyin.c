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

static struct text_key *syl;
static size_t nsyl;
/* Loaded once, by whichever thread asks first. */
static pthread_once_t syl_once = PTHREAD_ONCE_INIT;

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

/* Splits word[0..n) (toneless) into syllables; returns how many, or 0. */
static size_t
segment(const char *w, size_t n)
{
	size_t best[64], i, j;

	if (n >= 64)
		return 0;
	best[0] = 0;
	for (i = 1; i <= n; i++) {
		best[i] = (size_t)-1;
		for (j = i > 7 ? i - 7 : 0; j < i; j++)
			if (best[j] != (size_t)-1 && best[j] + 1 < best[i] &&
			    is_syllable(w + j, i - j))
				best[i] = best[j] + 1;
	}
	return best[n] == (size_t)-1 ? 0 : best[n];
}

size_t
pinyin_annotation(const char *s, size_t n, size_t han)
{
	char word[64];
	size_t i, k, wl = 0, count = 0, got;
	int32_t cp, open, b;
	int tone, tones = 0;

	open = cp_at(s, n, 0, &k);
	if (open != '(' && open != 0xFF08)
		return 0;
	for (i = k; i < n; i += k) {
		cp = cp_at(s, n, i, &k);
		if (cp == ')' || cp == 0xFF09 || cp == ' ') {
			if (wl > 0) {
				if ((got = segment(word, wl)) == 0)
					return 0;
				count += got;
				wl = 0;
			}
			if (cp == ' ')
				continue;
			if (count == 0 || tones == 0 || count > han)
				return 0;
			return i + k;
		}
		if (wl == 0)
			cp = lower(cp);	/* a proper name: 北京(Běijīng) */
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
	size_t i = 0, start = 0, p, j, k, used, han;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	while ((p = next_paren(s, n, i)) < n) {
		if (!may_open_pinyin(s, n, p)) {
			i = p + 1;
			continue;
		}
		/* The Han characters right before it. */
		for (han = 0, j = p; j > start && han < 64; j -= k) {
			if (!sp_is_han(cp_before(s, j, &k)))
				break;
			han++;
		}
		if (han > 0 && (used = pinyin_annotation(s + p, n - p, han))) {
			put(out, s + start, p - start);
			start = i = p + used;
			(*dropped)++;
			continue;
		}
		i = p + 1;
	}
	put(out, s + start, n - start);
}
