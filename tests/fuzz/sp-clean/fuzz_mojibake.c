/*
 * Fuzz target: sp-clean's mojibake repair (mojibake.h) alone.
 * Properties, on any text (made valid UTF-8 first, as step 1 does):
 *   - the output is valid UTF-8 and has as many lines as the input;
 *   - every span explained lies inside the input, its repair is valid
 *     UTF-8, and the counts equal the spans explained (repaired and not);
 *   - with nothing repaired, the text comes out as it went in, but for
 *     soft hyphens and C1 controls, which an unrepaired Latin-1 span drops,
 *     and its NBSPs, which become one space between words;
 *   - clean Chinese text, made of Han characters of the frequency table,
 *     the punctuation of Chinese text and ASCII but no '?' or U+FFFD,
 *     comes out unchanged.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charlm.h"
#include "mojibake.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	const char *s;
	size_t n;
	size_t repaired, unrepaired;
};

static void
valid(const char *s, size_t n)
{
	if (n && sp_utf8_valid_prefix((const unsigned char *)s, n) != n)
		abort();
}

static void
explain(const char *kind, const char *old, size_t oldlen, const char *repair,
    size_t replen, const char *restored, void *ctx)
{
	struct seen *w = ctx;

	if (restored)
		valid(restored, strlen(restored));
	if (kind == NULL || old < w->s || old + oldlen > w->s + w->n)
		abort();
	if (repair) {
		valid(repair, replen);
		w->repaired++;
	} else {
		w->unrepaired++;
	}
}

static size_t
lines(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += s[i] == '\n';
	return c;
}

/* s without U+00AD, C1 controls, NBSPs and spaces. */
static void
strip(const char *s, size_t n, struct sp_buf *out)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		k = sp_utf8_decode((const unsigned char *)s + i, n - i, &cp,
		    NULL);
		if (cp != 0xAD && !(cp >= 0x80 && cp <= 0x9F) && cp != 0xA0 &&
		    cp != ' ')
			sp_buf_append(out, s + i, k);
		i += k;
	}
}

static int32_t *han;
static size_t nhan;

/* The Han characters of the frequency table: common Chinese. */
static void
load_han(void)
{
	int32_t cp;

	han = malloc(0x5200 * sizeof *han);
	if (han == NULL)
		abort();
	for (cp = 0x4E00; cp <= 0x9FFF; cp++)
		if (charlm_known(cp))
			han[nhan++] = cp;
}

/*
 * What clean Chinese text holds besides Han: no '?', no U+FFFD; Latin-1
 * symbols too, whose runs once read as GB2312 ("·······¥" became
 * 贩贩贩伐, seed middot-run).
 */
static const int32_t other[] = {
	0xFF0C, 0x3002, 0x3001, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0x201C,
	0x201D, 0x2018, 0x2019, 0xFF08, 0xFF09, 0x300A, 0x300B, 0x2014,
	0x2026, 0x00B7, 0x3000, 0xFF10, 0xFF11, 0xFF15, 0x2022, 0x20AC,
	0x3010, 0x3011, 0xFFE5, 0x00D7, 0x00B0, 0x00A5, 0x00B1, 0x00A7,
	' ', ' ', '\n', ',', '.', '0', '1', '9', 'a', 'Z', '%', '-', ':',
	'(', ')', '/',
};

static void
clean_text(const uint8_t *data, size_t size, struct sp_buf *out)
{
	size_t i, no = sizeof other / sizeof other[0];
	unsigned v;
	char enc[4];

	for (i = 0; i + 1 < size; i += 2) {
		v = (unsigned)data[i] << 8 | data[i + 1];
		if (v % 4 != 0)		/* three in four: Han */
			sp_buf_append(out, enc,
			    sp_utf8_encode(han[(v / 4) % nhan], enc));
		else
			sp_buf_append(out, enc,
			    sp_utf8_encode(other[(v / 4) % no], enc));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_buf in = SP_BUF_INIT, out = SP_BUF_INIT;
	struct sp_buf a = SP_BUF_INIT, b = SP_BUF_INIT;
	struct mojibake_stats st = { 0, 0, 0, 0 };
	struct seen w;

	if (han == NULL)
		load_han();
	if (sp_utf8_sanitize((const char *)data, size, &in, NULL, 0) < 0)
		abort();
	w.s = in.data ? in.data : "";
	w.n = in.len;
	w.repaired = w.unrepaired = 0;
	mojibake_repair(w.s, w.n, MOJIBAKE_KEPT_MARKS | MOJIBAKE_KEPT_NBSP,
	    &out, &st, explain, &w);
	valid(out.data, out.len);
	if (lines(out.data, out.len) != lines(w.s, w.n))
		abort();
	if (st.repaired != w.repaired || st.unrepairable != w.unrepaired)
		abort();
	if (st.repaired == 0) {
		strip(w.s, w.n, &a);
		strip(out.data ? out.data : "", out.len, &b);
		if (a.len != b.len || memcmp(a.data ? a.data : "",
		    b.data ? b.data : "", a.len))
			abort();
	}

	sp_buf_clear(&in);
	sp_buf_clear(&out);
	memset(&st, 0, sizeof st);
	clean_text(data, size, &in);
	mojibake_repair(in.data ? in.data : "", in.len,
	    MOJIBAKE_KEPT_MARKS | MOJIBAKE_KEPT_NBSP, &out, &st, NULL, NULL);
	if (out.len != in.len || (in.len && memcmp(out.data, in.data, in.len))) {
		fprintf(stderr, "clean text changed:\n%.*s\n->\n%.*s\n",
		    (int)in.len, in.data, (int)out.len, out.data);
		abort();
	}
	sp_buf_free(&in);
	sp_buf_free(&out);
	sp_buf_free(&a);
	sp_buf_free(&b);
	return 0;
}
