/*
 * Unit tests of common/regex.c: the classes PCRE2 10.42's JIT fails on
 * Chinese text with PCRE2_MATCH_INVALID_UTF (\S \D \W), bad bytes taken
 * as SUB at the offsets of the line, bad patterns told; patterns
 * JIT-compiled at their first match find the same, in threads that
 * share one.
 */
#include <pthread.h>
#include <string.h>

#include "check.h"
#include "regex.h"

static pcre2_match_data *md;
static struct sp_buf scratch = SP_BUF_INIT;
static int lazy;	/* match_at() compiles with sp_re_compile_lazy() */

/* Where pattern p first matches line s[0..n), or -1. */
static long
match_at(const char *p, const char *s, size_t n)
{
	struct sp_re_lazy lre;
	pcre2_code *re;
	const char *subject;
	size_t off;
	long at = -1;
	int err, rc;

	if (lazy) {
		re = sp_re_compile_lazy(&lre, p, strlen(p), 0, &err, &off) == 0 ?
		    lre.code : NULL;
	} else {
		re = sp_re_compile(p, strlen(p), 0, &err, &off);
	}
	CHECK(re != NULL);
	if (re == NULL)
		return -2;
	subject = sp_re_subject(s, n, &scratch);
	rc = lazy ? sp_re_match_lazy(&lre, subject, n, md, NULL) :
	    sp_re_match(re, subject, n, md, NULL);
	if (rc >= 0)
		at = (long)pcre2_get_ovector_pointer(md)[0];
	pcre2_code_free(re);
	return at;
}

/* One pattern, JIT-compiled at the first match of any of the threads. */
static struct sp_re_lazy shared;
static const char shared_line[] = "第一章 总则\n";

static void *
match_shared(void *arg)
{
	pcre2_match_data *own = pcre2_match_data_create(4, NULL);
	long *at = arg;
	int k;

	*at = -2;
	for (k = 0; own != NULL && k < 100; k++)
		if (sp_re_match_lazy(&shared, shared_line,
		    sizeof shared_line - 1, own, NULL) >= 0)
			*at = (long)pcre2_get_ovector_pointer(own)[0];
	pcre2_match_data_free(own);
	return NULL;
}

static void
test_shared(void)
{
	pthread_t t[4];
	long at[4];
	size_t off;
	int err, k;

	CHECK_INT(sp_re_compile_lazy(&shared, "\\S+$", 4, 0, &err, &off),
	    0);
	for (k = 0; k < 4; k++)
		CHECK_INT(pthread_create(&t[k], NULL, match_shared, &at[k]),
		    0);
	for (k = 0; k < 4; k++) {
		pthread_join(t[k], NULL);
		CHECK_INT(at[k], 10);
	}
	pcre2_code_free(shared.code);
}

#define AT(p, s) match_at((p), (s), strlen(s))

static void cases(void);

int
main(void)
{
	pcre2_code *re;
	size_t off;
	int err;

	md = pcre2_match_data_create(4, NULL);
	if (md == NULL)
		return 2;
	/* Each case compiled at once, then JIT-compiled at its match. */
	for (lazy = 0; lazy < 2; lazy++)
		cases();
	test_shared();
	/* A bad pattern is told, with its offset, lazy or not. */
	re = sp_re_compile("(a", 2, 0, &err, &off);
	CHECK(re == NULL);
	CHECK_INT(off, 2);
	re = sp_re_compile("\xff", 1, 0, &err, &off);
	CHECK(re == NULL);
	{
		struct sp_re_lazy lre;

		CHECK_INT(sp_re_compile_lazy(&lre, "(a", 2, 0, &err, &off),
		    -1);
		CHECK(lre.code == NULL);
		CHECK_INT(off, 2);
	}
	pcre2_match_data_free(md);
	sp_buf_free(&scratch);
	return check_done("test_regex");
}

static void
cases(void)
{
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
}
