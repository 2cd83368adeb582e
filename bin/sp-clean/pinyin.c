/* pinyin.c: pinyin annotations (step 5); see pinyin.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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
	static const char *const marked[] = {
		"a\u0101\u00e1\u01ce\u00e0", "e\u0113\u00e9\u011b\u00e8",
		"i\u012b\u00ed\u01d0\u00ec", "o\u014d\u00f3\u01d2\u00f2",
		"u\u016b\u00fa\u01d4\u00f9", "\u00fc\u01d6\u01d8\u01da\u01dc",
		"n\u0144\u0148\u01f9", "m\u1e3f", NULL
	};
	const char *p;
	size_t k;
	int32_t c;
	int i;

	if (cp >= 'a' && cp <= 'z') {
		*tone = 0;
		return cp;
	}
	for (i = 0; marked[i]; i++) {
		p = marked[i];
		c = cp_at(p, strlen(p), 0, &k);
		for (p += k; *p; p += k) {
			if (cp_at(p, strlen(p), 0, &k) == cp) {
				*tone = 1;
				return c;
			}
		}
		if (cp == c && c == 0xFC) {
			*tone = 0;
			return c;
		}
	}
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

/* The next '(' or '（' in s[i..n), or n. */
/*
 * Where the next '(' and the next '（' are, from some position on: each is
 * found with memchr/memmem and looked for again only once passed, so a line
 * is searched about once for each.
 */
struct parens {
	size_t ascii, full;	/* where they are, or n: none */
	int known;
};

static size_t
next_paren(const char *s, size_t n, size_t i, struct parens *c)
{
	const char *p;

	if (!c->known || c->ascii < i) {
		p = memchr(s + i, '(', n - i);
		c->ascii = p ? (size_t)(p - s) : n;
	}
	if (!c->known || c->full < i) {
		p = memmem(s + i, n - i, "\xef\xbc\x88", 3);
		c->full = p ? (size_t)(p - s) : n;
	}
	c->known = 1;
	return c->ascii < c->full ? c->ascii : c->full;
}

void
pinyin_clean(const char *s, size_t n, struct sp_buf *out, size_t *dropped)
{
	size_t i = 0, start = 0, p, j, k, used, han;
	struct parens cache = { 0, 0, 0 };	/* i only grows */

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	while ((p = next_paren(s, n, i, &cache)) < n) {
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
