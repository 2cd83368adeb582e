/*
 * Unit tests of the cache model of a repair's text (mojibake_cache.h):
 * a character the text writes gains bits, more the rarer the models find
 * it and the more often the text writes it; one it does not write, or
 * one whose bytes were lost, gains none; clearing forgets.
 */
#include <string.h>

#include "check.h"
#include "mojibake_cache.h"
#include "mojibake_span.h"

static void
add(const char *s)
{
	cache_add_utf8((const unsigned char *)s, strlen(s));
}

static void
test_bonus(void)
{
	int32_t bei = 0x676F, sha = 0x6740, de = 0x7684;	/* 杯 杀 的 */
	double once, thrice;

	cache_clear();
	CHECK(cache_bonus(bei) == 0);
	add("农信杯的决赛和名人的决赛");
	once = cache_bonus(bei);
	CHECK(once > 0);
	CHECK(cache_bonus(sha) == 0);
	/* 的, as common on the page, is expected anyway. */
	CHECK(cache_bonus(de) < once);
	cache_clear();
	add("农信杯、阿含杯、天元杯的决赛");
	thrice = cache_bonus(bei);
	CHECK(thrice > once);
	/* Neither a letter nor punctuation is counted. */
	CHECK(cache_bonus('a') == 0 && cache_bonus(0x3001) == 0);
	cache_clear();
	CHECK(cache_bonus(bei) == 0);
}

static void
test_lost(void)
{
	/* 杯 (E6 9D AF) with its last byte lost is not counted. */
	const unsigned char b[] = { 0xE6, 0x9D, LOST, 0xE7, 0x9A, 0x84 };

	cache_clear();
	cache_add_utf8(b, sizeof b);
	CHECK(cache_bonus(0x676F) == 0);
	CHECK(cache_bonus(0x7684) > 0);
	cache_clear();
}

static void
test_script(void)
{
	cache_clear();
	CHECK_INT(cache_script(), 0);
	add("網址為");	/* 網 and 為 traditional alone, 址 both */
	CHECK_INT(cache_script(), 2);
	add("网址");		/* 网 simplified: both scripts now */
	CHECK_INT(cache_script(), 0);
	cache_clear();
	add("人的地址");	/* none of one script alone */
	CHECK_INT(cache_script(), 0);
	add("这");
	CHECK_INT(cache_script(), 1);
	cache_clear();
}

int
main(void)
{
	test_bonus();
	test_lost();
	test_script();
	return check_done("test_mojibake_cache");
}
