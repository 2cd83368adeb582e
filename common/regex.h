/*
 * regex.h: PCRE2 patterns of the user's (sp-clean --rules, sp-split
 * --marker) matched against lines that may not be valid UTF-8.
 *
 * PCRE2_MATCH_INVALID_UTF would take any bytes, but the JIT of PCRE2
 * 10.34 to 10.42 (Debian 12 ships 10.42) then fails \S, \D and \W on
 * every character of more than one byte: ^\S never matched a line that
 * opens with a Chinese character (PCRE2 issue #224, fixed in 10.43).  So
 * patterns are compiled for valid UTF-8 and JIT-compiled, and each
 * subject is checked once: a valid line is matched as it is, without
 * PCRE2's own check again; a line with bad bytes is matched as a copy in
 * which each byte of a bad sequence is SUB (0x1A), a character a pattern
 * can take for "anything" but never for a letter or a digit.  Offsets in
 * the copy are those of the line.
 */
#ifndef SP_REGEX_H
#define SP_REGEX_H

#include <stddef.h>
#include <stdint.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "buf.h"

/*
 * Compiles pattern p[0..n) with PCRE2_UTF and options, and JIT-compiles it
 * when the JIT is there.  NULL on a bad pattern, with PCRE2's error code
 * and offset in *err and *off.
 */
pcre2_code *sp_re_compile(const char *p, size_t n, uint32_t options,
    int *err, size_t *off);

/*
 * A pattern whose JIT compilation waits for its first match: a tool that
 * holds many patterns (sp-clean's vocabulary has 57) and most often runs
 * few of them on a page pays at each start only for those it runs (the
 * JIT compilation of all was 0.85 ms of a run of 7 on a page of one
 * line).  The code may be shared by threads: the first match of any of
 * them compiles it, under a lock, and the others wait for it.
 */
struct sp_re_lazy {
	pcre2_code *code;	/* NULL: no pattern */
	int jitted;		/* read and written atomically */
};

/*
 * sp_re_compile() into *re, without the JIT compilation, which
 * sp_re_match_lazy() does.  -1 on a bad pattern, as sp_re_compile().
 */
int sp_re_compile_lazy(struct sp_re_lazy *re, const char *p, size_t n,
    uint32_t options, int *err, size_t *off);

/*
 * The subject to match for line s[0..n): s itself when it is valid UTF-8,
 * else a copy in scratch with the bytes of bad sequences made SUB.  Match
 * it with sp_re_match.
 */
const char *sp_re_subject(const char *s, size_t n, struct sp_buf *scratch);

/* pcre2_match of a subject sp_re_subject gave, without PCRE2's check of
 * its UTF-8 again. */
int sp_re_match(const pcre2_code *re, const char *subject, size_t n,
    pcre2_match_data *md, pcre2_match_context *mctx);

/* sp_re_match() of a lazy pattern, JIT-compiled first the first time. */
int sp_re_match_lazy(struct sp_re_lazy *re, const char *subject, size_t n,
    pcre2_match_data *md, pcre2_match_context *mctx);

#endif
