/*
 * Unit tests of common/regex.c: the classes PCRE2 10.42's JIT fails on
 * Chinese text with PCRE2_MATCH_INVALID_UTF (\S \D \W), bad bytes taken
 * as SUB at the offsets of the line, bad patterns told.
 */
#include <string.h>

#include "check.h"
#include "regex.h"

static pcre2_match_data *md;
static struct sp_buf scratch = SP_BUF_INIT;

/* Where pattern p first matches line s[0..n), or -1. */
static long
match_at(const char *p, const char *s, size_t n)
{
	pcre2_code *re;
	const char *subject;
	size_t off;
	long at = -1;
	int err;

	re = sp_re_compile(p, strlen(p), 0, &err, &off);
	CHECK(re != NULL);
	if (re == NULL)
		return -2;
	subject = sp_re_subject(s, n, &scratch);
	if (sp_re_match(re, subject, n, md, NULL) >= 0)
		at = (long)pcre2_get_ovector_pointer(md)[0];
	pcre2_code_free(re);
	return at;
}

#define AT(p, s) match_at((p), (s), strlen(s))

int
main(void)
{
	pcre2_code *re;
	size_t off;
	int err;

	md = pcre2_match_data_create(4, NULL);
	if (md == NULL)
		return 2;
	/* Negated classes on characters of three bytes. */
	CHECK_INT(AT("^\\S", "重庆"), 0);
	CHECK_INT(AT("重\\S", "● 重庆"), 4);
	CHECK_INT(AT("\\D", "庆"), 0);
	CHECK_INT(AT("\\W", "庆"), 0);
	CHECK_INT(AT("^\\S{2}\\D$", "述职报"), 0);
	CHECK_INT(AT("\\s", "重庆"), -1);
	CHECK_INT(AT("\\d", "重庆"), -1);
	/* A valid line is matched as it is. */
	{
		static const char valid[] = "甲乙";

		CHECK(sp_re_subject(valid, 6, &scratch) == valid);
	}
	/* Bad bytes: the valid parts match, at the line's offsets. */
	CHECK_INT(match_at("庆", "重\xff庆", 7), 4);
	CHECK_INT(match_at("重.庆", "重\xff庆", 7), 0);
	CHECK_INT(match_at("\\w", "\xff\xfe" "a", 3), 2);
	CHECK_INT(match_at("^\\S+$", "\xe9\x87", 2), 0);
	CHECK_INT(match_at("\\d", "\xc0\xaf", 2), -1);
	CHECK_INT(match_at("\xef\xbf\xbd", "\xff", 1), -1);
	/* NUL bytes are characters of the line. */
	CHECK_INT(match_at("b", "a\0b", 3), 2);
	/* A bad pattern is told, with its offset. */
	re = sp_re_compile("(a", 2, 0, &err, &off);
	CHECK(re == NULL);
	CHECK_INT(off, 2);
	re = sp_re_compile("\xff", 1, 0, &err, &off);
	CHECK(re == NULL);
	pcre2_match_data_free(md);
	sp_buf_free(&scratch);
	return check_done("test_regex");
}
