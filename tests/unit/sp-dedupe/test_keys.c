/*
 * Unit tests of bin/sp-dedupe/keys.c: positions are written zero-padded
 * and read back in any width, refused when malformed or out of range, and
 * sort as text in position order; signatures survive base64 both ways
 * and damaged ones are refused.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "dedupe.h"
#include "keys.h"

static int
parses(const char *s, uint64_t want)
{
	uint64_t p = 0;

	return pos_parse(s, strlen(s), &p) == 0 && p == want;
}

static int
refused(const char *s)
{
	uint64_t p;

	return pos_parse(s, strlen(s), &p) < 0;
}

int
main(void)
{
	char a[POS_TEXT_MAX], b[POS_TEXT_MAX], text[SIG_TEXT_LEN + 1];
	uint32_t sig[MH_PERMS], back[MH_PERMS];
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	size_t n;
	int i;

	n = pos_format(a, POS(3, 17));
	CHECK_MEM(a, n, "000003:0000000017");
	n = pos_format(a, POS(999999, 9999999999ULL));
	CHECK_MEM(a, n, "999999:9999999999");
	CHECK(parses("000003:0000000017", POS(3, 17)));
	CHECK(parses("3:17", POS(3, 17)));
	CHECK(parses("0:0", POS(0, 0)));
	CHECK(parses("999999:1099511627775", POS(999999, 1099511627775ULL)));
	CHECK(refused("1000000:1"));		/* shard too big */
	CHECK(refused("1:1099511627776"));	/* unit too big */
	CHECK(refused("1:"));
	CHECK(refused(":1"));
	CHECK(refused("1:2 "));
	CHECK(refused("1;2"));
	CHECK(refused("-1:2"));
	CHECK(refused(""));
	/* Text order is position order. */
	pos_format(a, POS(2, 999));
	pos_format(b, POS(10, 1));
	CHECK(strcmp(a, b) < 0);
	pos_format(a, POS(2, 9));
	pos_format(b, POS(2, 10));
	CHECK(strcmp(a, b) < 0);

	CHECK_INT(SIG_TEXT_LEN, 683);
	for (i = 0; i < MH_PERMS; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		sig[i] = (uint32_t)x;
	}
	sig[0] = 0;
	sig[MH_PERMS - 1] = UINT32_MAX;
	sig_encode(sig, text);
	text[SIG_TEXT_LEN] = '\0';
	CHECK(strspn(text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/") == SIG_TEXT_LEN);
	CHECK(sig_decode(text, SIG_TEXT_LEN, back) == 0);
	CHECK(memcmp(sig, back, sizeof sig) == 0);
	CHECK_MEM(text, 6, "AAAAAA");		/* sig[0] == 0 first */
	CHECK(sig_decode(text, SIG_TEXT_LEN - 1, back) < 0);
	text[100] = '=';
	CHECK(sig_decode(text, SIG_TEXT_LEN, back) < 0);
	text[100] = 'A';
	/* The last character's spare bits must be zero. */
	sig_encode(sig, text);
	text[SIG_TEXT_LEN - 1] = '/';
	CHECK(sig_decode(text, SIG_TEXT_LEN, back) < 0);
	return check_done("sp-dedupe/test_keys");
}
