/*
 * check.h: the unit tests' assertions.  Each failed check prints where and
 * what; check_done() prints "NAME: N ok, N failed" for tests/run to count
 * and returns the exit status.
 */
#ifndef SP_CHECK_H
#define SP_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_ok, check_failed;

#define CHECK(cond) check_report((cond) != 0, __FILE__, __LINE__, #cond)
#define CHECK_MEM(got, gotlen, want) \
	check_mem((got), (gotlen), (want), strlen(want), __FILE__, __LINE__, #got)
#define CHECK_INT(got, want) \
	check_int((long long)(got), (long long)(want), __FILE__, __LINE__, #got)

static inline int
check_report(int ok, const char *file, int line, const char *what)
{
	if (ok) {
		check_ok++;
		return 1;
	}
	check_failed++;
	printf("FAIL %s:%d: %s\n", file, line, what);
	return 0;
}

static inline int
check_int(long long got, long long want, const char *file, int line,
    const char *what)
{
	if (got == want)
		return check_report(1, file, line, what);
	check_failed++;
	printf("FAIL %s:%d: %s is %lld, want %lld\n", file, line, what, got,
	    want);
	return 0;
}

static inline int
check_mem(const char *got, size_t gotlen, const char *want, size_t wantlen,
    const char *file, int line, const char *what)
{
	if (gotlen == wantlen && (wantlen == 0 || memcmp(got, want, wantlen) == 0))
		return check_report(1, file, line, what);
	check_failed++;
	printf("FAIL %s:%d: %s is \"%.*s\" (%zu bytes), want \"%s\"\n", file,
	    line, what, (int)(gotlen > 200 ? 200 : gotlen), got, gotlen, want);
	return 0;
}

static inline int
check_done(const char *name)
{
	printf("%s: %d ok, %d failed\n", name, check_ok, check_failed);
	return check_failed ? 1 : 0;
}

#endif
