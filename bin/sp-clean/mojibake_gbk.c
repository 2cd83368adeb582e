/* mojibake_gbk.c: GBK's codes; see mojibake_gbk.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "mojibake_gbk.h"
#include "text.h"

uint16_t *gbk_cp;
uint16_t *cp_gbk;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/*
 * Is (l, t) one of the pairs GB18030 gave characters that GBK has not
 * (€ at A2E3, vertical forms in row A6, ḿ ǹ in row A8, ideographic
 * description characters in row A9, radicals and CJK Extension A in row
 * FE)?  The system's GB18030 decoder builds the table, but the decoders
 * that made the mojibake of the web are GBK's and fail on these: 专家 is
 * D7A8 BCD2, and a page read one byte off has A8 BC fail where 专 was
 * (taken for valid, 专 was never tried, and 庄家 came out).
 */
static int
gb18030_addition(unsigned l, unsigned t)
{
	switch (l) {
	case 0xA2:
		return t == 0xE3;
	case 0xA6:
		return (t >= 0xD9 && t <= 0xDF) || t == 0xEC || t == 0xED ||
		    t == 0xF3;
	case 0xA8:
		return t == 0xBC || t == 0xBF;
	case 0xA9:
		return t >= 0x89 && t <= 0x95;
	case 0xFE:
		return t >= 0x50 && t <= 0xA0;
	default:
		return 0;
	}
}

/*
 * Records that the pair (l, t) decodes to the single character s[0..n),
 * or nothing when it does not.
 */
static void
record(unsigned l, unsigned t, const char *s, size_t n)
{
	int32_t cp;
	size_t k;

	if (n == 0)
		return;
	cp = cp_at(s, n, 0, &k);
	if (k != n || cp > 0xFFFF || cp == 0xFFFD)
		return;
	if (cp_gbk[cp] == 0)
		cp_gbk[cp] = (uint16_t)(l << 8 | t);
	/*
	 * GBK's user-defined areas (private use) are no characters:
	 * decoders of the web refuse them (one that made them, they are
	 * still encoded back).
	 */
	if ((cp < 0xE000 || cp > 0xF8FF) && !gb18030_addition(l, t))
		gbk_cp[GBK_INDEX(l, t)] = (uint16_t)cp;
}

/*
 * The pair after (*l, *t) in GBK's code space, the first when *l is 0;
 * returns 0 after the last.
 */
static int
next_pair(unsigned *l, unsigned *t)
{
	if (*l == 0) {
		*l = 0x81;
		*t = 0x40;
		return 1;
	}
	if (++*t == 0x7F)
		++*t;
	if (*t > 0xFE) {
		*t = 0x40;
		++*l;
	}
	return *l <= 0xFE;
}

/*
 * Every pair decoded in one call, a line each: the decoder is set up
 * once, not 24,000 times (that was half the instructions of cleaning
 * a 3 KB page).  Returns -1, having recorded nothing, when the decoder
 * refuses a pair or the lines do not come out one a pair.
 */
static int
build_at_once(void)
{
	struct sp_buf in = SP_BUF_INIT, out = SP_BUF_INIT;
	const char *p, *end, *nl;
	unsigned l = 0, t = 0;
	size_t pairs = 0, lines = 0;
	char pair[3];
	int rc = -1;

	while (next_pair(&l, &t)) {
		pair[0] = (char)l;
		pair[1] = (char)t;
		pair[2] = '\n';
		if (sp_buf_append(&in, pair, 3) < 0)
			sp_oom();
		pairs++;
	}
	if (sp_enc_decode("GB18030", in.data, in.len, &out) < 0)
		goto done;
	for (p = out.data, end = p + out.len; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			goto done;
		lines++;
	}
	if (lines != pairs)
		goto done;
	for (p = out.data, l = 0; next_pair(&l, &t); p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		record(l, t, p, (size_t)(nl - p));
	}
	rc = 0;
done:
	sp_buf_free(&in);
	sp_buf_free(&out);
	return rc;
}

static void
build(void)
{
	struct sp_buf out = SP_BUF_INIT;
	unsigned l = 0, t = 0;
	char pair[2];

	gbk_cp = calloc(126 * 191, sizeof *gbk_cp);
	cp_gbk = calloc(65536, sizeof *cp_gbk);
	if (gbk_cp == NULL || cp_gbk == NULL)
		sp_oom();
	if (build_at_once() == 0)
		return;
	/* A decoder that refuses a pair: one pair at a time. */
	while (next_pair(&l, &t)) {
		pair[0] = (char)l;
		pair[1] = (char)t;
		sp_buf_clear(&out);
		if (sp_enc_decode("GB18030", pair, 2, &out) == 0)
			record(l, t, out.data, out.len);
	}
	sp_buf_free(&out);
}

void
gbk_load(void)
{
	(void)pthread_once(&once, build);
}
