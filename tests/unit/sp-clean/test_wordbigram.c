/*
 * Unit tests of sp-clean's word bigram model (wordbigram.h): it is
 * compiled in and read, it knows which word follows which where the word
 * frequencies alone choose wrong, and it reads traditional forms as their
 * simplified words.
 */
#include <string.h>

#include "check.h"
#include "text.h"
#include "wordbigram.h"
#include "wordlm.h"

/* The code points of the UTF-8 string s into cps; returns how many. */
static size_t
cps_of(const char *s, int32_t *cps, size_t max)
{
	size_t n = 0, k, m, len = strlen(s);

	for (k = 0; k < len && n < max; k += m)
		cps[n++] = cp_at(s, len, k, &m);
	return n;
}

static double
bigram(const char *s)
{
	int32_t cps[16];

	return wordbigram_cost(cps, cps_of(s, cps, 16));
}

static double
unigram(const char *s)
{
	int32_t cps[16];

	return wordlm_cost(cps, cps_of(s, cps, 16));
}

static void
test_follows(void)
{
	/* The frequencies alone like 他 and 这个 better; what follows
	 * tells. */
	CHECK(unigram("听说他，") < unigram("听说过，"));
	CHECK(bigram("听说过，") < bigram("听说他，"));
	CHECK(unigram("这个期节目") < unigram("这一期节目"));
	CHECK(bigram("这一期节目") < bigram("这个期节目"));
	CHECK(bigram("举个例子") < bigram("举一例子"));
	CHECK(bigram("中国同中亚国家") < bigram("中国同一亚国家"));
}

static void
test_forms(void)
{
	int32_t none[1] = { 0 };

	/* A common word costs a few bits, not a rare word's. */
	CHECK(bigram("的") > 0 && bigram("的") < 8);
	CHECK(bigram("说过") == bigram("說過"));
	CHECK(bigram("我们") == bigram("我們"));
	/* Nothing costs nothing; code points 0 are skipped. */
	CHECK(wordbigram_cost(none, 1) == 0);
	CHECK(wordbigram_cost(none, 0) == 0);
	{
		int32_t gap[4] = { 0x542C, 0, 0x8BF4, 0x8FC7 };	/* 听 说过 */

		CHECK(wordbigram_cost(gap, 4) == bigram("听说过"));
	}
	/* Letters cost what the character model says, the same whatever
	 * the words around them. */
	CHECK(bigram("ab") > 0);
}

/* A number in digits is read as the numeral 三, as the character model
 * reads a digit: 3日 is the word 三日, however many digits. */
static void
test_digits(void)
{
	CHECK(bigram("3日") == bigram("三日"));
	CHECK(bigram("2019年") == bigram("三年"));
	CHECK(unigram("12日") == unigram("三日"));
	CHECK(bigram("3月2日") < bigram("3月2至"));
	CHECK(unigram("12日") < unigram("12至"));
}

int
main(void)
{
	test_follows();
	test_forms();
	test_digits();
	return check_done("test_wordbigram");
}
