/*
 * Unit tests of bin/sp-dedupe/minhash.c: signatures are pinned (the same
 * on every machine), estimates track the true Jaccard similarity, Latin
 * words are tokens, and the banding follows the rule in the man page.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <xxhash.h>

#include "check.h"
#include "minhash.h"

static uint64_t
sig_digest(const uint32_t *sig)
{
	unsigned char b[MH_PERMS * 4];
	int i;

	for (i = 0; i < MH_PERMS; i++) {
		b[4 * i] = (unsigned char)sig[i];
		b[4 * i + 1] = (unsigned char)(sig[i] >> 8);
		b[4 * i + 2] = (unsigned char)(sig[i] >> 16);
		b[4 * i + 3] = (unsigned char)(sig[i] >> 24);
	}
	return XXH3_64bits(b, sizeof b);
}

/* n distinct Han characters from U+4E00 + start, as UTF-8. */
static size_t
han(char *out, int start, int n)
{
	size_t len = 0;
	int i, cp;

	for (i = 0; i < n; i++) {
		cp = 0x4E00 + start + i;
		out[len++] = (char)(0xE0 | cp >> 12);
		out[len++] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[len++] = (char)(0x80 | (cp & 0x3F));
	}
	return len;
}

int
main(void)
{
	struct minhasher m;
	uint32_t a[MH_PERMS], b[MH_PERMS];
	char ta[4000], tb[4000];
	size_t la, lb;
	double est, truth;
	int bands, rows, k;
	const char *speech = "同志们：这次全市机关干部大会的主题是，全面落实市委"
	    "五届九次全会精神，以深入学习实践科学发展观为主线。";

	mh_init(&m, 5, 0);

	/* Pinned: a change of hashing or permutations changes these. */
	CHECK_INT(mh_signature(&m, speech, strlen(speech), a), 42);
	printf("# signature digest %016llx, first value %u\n",
	    (unsigned long long)sig_digest(a), a[0]);
	CHECK(sig_digest(a) == 0x60240c31417990aaULL);
	CHECK(mh_band_key(a, 0, 6) == mh_band_key(a, 0, 6));
	CHECK(mh_band_key(a, 0, 6) != mh_band_key(a, 1, 6));

	/* Space, punctuation, width and case make no difference. */
	mh_signature(&m, "同志们: 这次全市机关干部大会的主题是,全面落实市委五届九次"
	    "全会精神,以深入学习实践科学发展观为主线.", strlen("同志们: 这次全市"
	    "机关干部大会的主题是,全面落实市委五届九次全会精神,以深入学习实践科学"
	    "发展观为主线."), b);
	CHECK(mh_similarity(a, b) == 1.0);

	/* Estimates of J for 200 shingles with k replaced characters. */
	for (k = 0; k <= 120; k += 20) {
		la = han(ta, 0, 204);
		memcpy(tb, ta, la);
		lb = la;
		if (k)
			han(tb + (204 - k) * 3, 1000, k);
		mh_signature(&m, ta, la, a);
		mh_signature(&m, tb, lb, b);
		/* Shingles of 5 over 204: 200; the last k + 4 differ. */
		{
			int same = 200 - (k ? k + 4 : 0);

			truth = (double)same / (400 - same);
		}
		est = mh_similarity(a, b);
		printf("# k=%d true J %.3f estimate %.3f\n", k, truth, est);
		CHECK(fabs(est - truth) < 0.12);
	}

	/* Latin runs are words: five words are one shingle of five tokens. */
	CHECK_INT(mh_signature(&m, "Hello, world: foo bar baz", 25, a), 1);
	CHECK_INT(mh_signature(&m, "hello world foo bar baz!", 24, b), 1);
	CHECK(mh_similarity(a, b) == 1.0);
	CHECK_INT(mh_signature(&m, "hello world foo bar baz qux", 27, b), 2);
	CHECK(mh_similarity(a, b) < 1.0);
	/* "helloworld" is not "hello world". */
	mh_signature(&m, "helloworld foo bar baz", 22, b);
	CHECK(mh_similarity(a, b) < 0.5);
	/* Fewer tokens than a shingle: the whole text is one; none: none. */
	CHECK_INT(mh_signature(&m, "中国", 6, a), 1);
	CHECK_INT(mh_signature(&m, "，。 ", 7, a), 0);
	mh_free(&m);

	/* The banding rule and its table in the man page. */
	mh_banding(0.8, &bands, &rows);
	CHECK_INT(bands, 21);
	CHECK_INT(rows, 6);
	CHECK(mh_candidate_probability(0.8, bands, rows) >= 0.99);
	CHECK(mh_candidate_probability(0.8, 128 / (rows + 1), rows + 1) < 0.99);
	mh_banding(0.5, &bands, &rows);
	CHECK(bands == 42 && rows == 3);
	mh_banding(0.7, &bands, &rows);
	CHECK(bands == 32 && rows == 4);
	mh_banding(0.9, &bands, &rows);
	CHECK(bands == 12 && rows == 10);
	mh_banding(0.95, &bands, &rows);
	CHECK(bands == 8 && rows == 16);
	mh_banding(1.0, &bands, &rows);
	CHECK(bands == 1 && rows == 128);
	mh_banding(0.0, &bands, &rows);
	CHECK(bands == 128 && rows == 1);
	return check_done("sp-dedupe/test_minhash");
}
