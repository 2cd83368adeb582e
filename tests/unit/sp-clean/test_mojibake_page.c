/*
 * Unit tests of the page's evidence for a repair (mojibake_page.h): the
 * characters the page writes beside a neighbour of a span, and the pairs
 * it writes, are found outside the span only, each once, those fits()
 * refuses left out, and no more than asked for.
 */
#include <string.h>

#include "check.h"
#include "mojibake_page.h"
#include "text.h"

/* Any Han character. */
static int
any_han(int32_t c, const void *arg)
{
	(void)arg;
	return c >= 0x4E00 && c <= 0x9FFF;
}

/* Not 地. */
static int
not_di(int32_t c, const void *arg)
{
	(void)arg;
	return any_han(c, NULL) && c != 0x5730;
}

/* A pair whose second character is arg's. */
static int
second_is(int32_t a, int32_t b, const void *arg)
{
	(void)a;
	return b == *(const int32_t *)arg;
}

static void
test_neighbours(void)
{
	const char *p = "双方说，??方拟对方与地方，双方";
	size_t n = strlen(p), i = strlen("双方说，"), end = i + 2;
	int32_t out[8];

	/* Before 方: 双 (twice, once kept), 对, 地; not the span's "?". */
	CHECK(page_neighbours(p, n, i, end, "方", strlen("方"), 1, any_han,
	    NULL, out, 8) == 3);
	CHECK(out[0] == 0x53CC && out[1] == 0x5BF9 && out[2] == 0x5730);
	CHECK(page_neighbours(p, n, i, end, "方", strlen("方"), 1, not_di,
	    NULL, out, 8) == 2);
	CHECK(page_neighbours(p, n, i, end, "方", strlen("方"), 1, any_han,
	    NULL, out, 1) == 1);
	/* After 双: 方, each time. */
	CHECK(page_neighbours(p, n, i, end, "双", strlen("双"), 0, any_han,
	    NULL, out, 8) == 1);
	CHECK(out[0] == 0x65B9);
}

static void
test_pairs(void)
{
	const char *p = "加快民生改善，服务?裆?，民生";
	size_t n = strlen(p), i = strlen("加快民生改善，服务"),
	    end = i + strlen("?裆?");
	int32_t out[8], sheng = 0x751F, shang = 0x88C6;

	/* 民生, twice on the page, found once. */
	CHECK(page_pairs(p, n, i, end, second_is, &sheng, out, 4) == 1);
	CHECK(out[0] == 0x6C11 && out[1] == sheng);
	/* The span's own 裆 is no part of a pair. */
	CHECK(page_pairs(p, n, i, end, second_is, &shang, out, 4) == 0);
}

int
main(void)
{
	test_neighbours();
	test_pairs();
	return check_done("test_mojibake_page");
}
