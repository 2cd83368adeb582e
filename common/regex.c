/* regex.c: PCRE2 patterns matched against any line; see regex.h. */
#include <pthread.h>
#include <string.h>

#include "regex.h"
#include "tool.h"
#include "utf8.h"

/* What a byte of a bad sequence becomes in the subject. */
#define SUB 0x1A

pcre2_code *
sp_re_compile(const char *p, size_t n, uint32_t options, int *err,
    size_t *off)
{
	PCRE2_SIZE at = 0;
	pcre2_code *re;

	re = pcre2_compile((PCRE2_SPTR)p, n, PCRE2_UTF | options, err, &at,
	    NULL);
	*off = (size_t)at;
	/* JIT is an optimization: without it, the limits still hold. */
	if (re)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

int
sp_re_compile_lazy(struct sp_re_lazy *re, const char *p, size_t n,
    uint32_t options, int *err, size_t *off)
{
	PCRE2_SIZE at = 0;

	re->code = pcre2_compile((PCRE2_SPTR)p, n, PCRE2_UTF | options, err,
	    &at, NULL);
	re->jitted = 0;
	*off = (size_t)at;
	return re->code ? 0 : -1;
}

/* One lock for the JIT compilations of all lazy patterns: each is done
 * once in a run, and they are few. */
static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

int
sp_re_match_lazy(struct sp_re_lazy *re, const char *subject, size_t n,
    pcre2_match_data *md, pcre2_match_context *mctx)
{
	/*
	 * The flag is set only after the compilation, under the lock: a
	 * thread that reads it set finds the compiled code; one that reads
	 * it clear takes the lock, which orders it after the compilation
	 * (pcre2_jit_compile() of a compiled pattern changes nothing).
	 */
	if (!__atomic_load_n(&re->jitted, __ATOMIC_ACQUIRE)) {
		pthread_mutex_lock(&jit_lock);
		if (!__atomic_load_n(&re->jitted, __ATOMIC_RELAXED)) {
			/* An optimization: without it, the same matches. */
			(void)pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
			__atomic_store_n(&re->jitted, 1, __ATOMIC_RELEASE);
		}
		pthread_mutex_unlock(&jit_lock);
	}
	return sp_re_match(re->code, subject, n, md, mctx);
}

const char *
sp_re_subject(const char *s, size_t n, struct sp_buf *scratch)
{
	const unsigned char *u = (const unsigned char *)s;
	enum sp_utf8_error bad;
	size_t i, ok, k;
	int32_t cp;

	ok = sp_utf8_valid_prefix(u, n);
	if (ok == n)
		return s;
	sp_buf_clear(scratch);
	if (sp_buf_append(scratch, s, n) < 0)
		sp_oom();
	for (i = ok; i < n; i += k) {
		k = sp_utf8_decode(u + i, n - i, &cp, &bad);
		if (bad != SP_UTF8_OK)
			memset(scratch->data + i, SUB, k);
	}
	return scratch->data;
}

/*
 * The JIT's code straight, without pcre2_match()'s checks of what it was
 * given before it calls it (a tenth of the instructions of matching the
 * short lines of a news page, callgrind); a pattern the JIT has not
 * compiled is told by PCRE2_ERROR_JIT_BADOPTION, and is interpreted.
 */
int
sp_re_match(const pcre2_code *re, const char *subject, size_t n,
    pcre2_match_data *md, pcre2_match_context *mctx)
{
	int rc;

	rc = pcre2_jit_match(re, (PCRE2_SPTR)subject, n, 0,
	    PCRE2_NO_UTF_CHECK, md, mctx);
	if (rc != PCRE2_ERROR_JIT_BADOPTION)
		return rc;
	return pcre2_match(re, (PCRE2_SPTR)subject, n, 0, PCRE2_NO_UTF_CHECK,
	    md, mctx);
}
