/*
 * utf8.h: UTF-8 decoding and encoding that never fails.
 *
 * Invalid input is not an error here but a fact to count: each maximal
 * invalid subpart (Unicode 15, section 3.9, "U+FFFD substitution of maximal
 * subparts") decodes to U+FFFD, and its class is reported so a tool can say
 * what was wrong and where.
 */
#ifndef SP_UTF8_H
#define SP_UTF8_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define SP_REPLACEMENT 0xFFFD

enum sp_utf8_error {
	SP_UTF8_OK = 0,
	SP_UTF8_TRUNCATED,	/* a lead byte not followed by enough continuations */
	SP_UTF8_OVERLONG,	/* C0, C1, E0 80..9F, F0 80..8F */
	SP_UTF8_SURROGATE,	/* ED A0..BF: U+D800..U+DFFF */
	SP_UTF8_STRAY,		/* a continuation byte with no lead */
	SP_UTF8_TOO_LARGE,	/* F4 90.. and F5..FF: beyond U+10FFFF */
	SP_UTF8_NCLASSES
};

/* Counts of invalid sequences by class, and the first one's byte offset. */
struct sp_utf8_stats {
	uint64_t count[SP_UTF8_NCLASSES];	/* count[0]: total invalid */
	int64_t first_offset;			/* -1 when none */
	enum sp_utf8_error first_class;
};

/* A short English name of an error class, e.g. "overlong form". */
const char *sp_utf8_strerror(enum sp_utf8_error e);

/*
 * Decodes one character from s[0..n), n > 0.  Stores the code point, or
 * SP_REPLACEMENT for an invalid subpart, in *cp and its class in *err (which
 * may be NULL).  Returns the bytes consumed, always >= 1.
 */
size_t sp_utf8_decode(const unsigned char *s, size_t n, int32_t *cp,
    enum sp_utf8_error *err);

/*
 * sp_utf8_decode() for hot loops: ASCII and valid three-byte characters
 * (the BMP, so nearly all of Chinese text) decoded inline, the rest by
 * sp_utf8_decode(), with the same results.
 */
static inline size_t
sp_utf8_next(const unsigned char *s, size_t n, int32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (n >= 3 && (s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80 && (s[0] != 0xE0 || s[1] >= 0xA0) &&
	    (s[0] != 0xED || s[1] < 0xA0)) {
		*cp = (int32_t)(s[0] & 0x0F) << 12 |
		    (int32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
		return 3;
	}
	return sp_utf8_decode(s, n, cp, NULL);
}

/* Encodes cp (a scalar value; others become U+FFFD) into out; returns 1..4. */
size_t sp_utf8_encode(long cp, char out[4]);

/* Length of the valid UTF-8 prefix of s[0..n). */
size_t sp_utf8_valid_prefix(const unsigned char *s, size_t n);

/*
 * Appends s[0..n) to out with every invalid subpart replaced by U+FFFD.
 * st (may be NULL) accumulates counts; base is the input offset of s[0],
 * for st->first_offset.  Returns the number of replacements, or -1 when out
 * of memory.
 */
long sp_utf8_sanitize(const char *s, size_t n, struct sp_buf *out,
    struct sp_utf8_stats *st, uint64_t base);

/* The largest m <= n such that s[0..m) does not end inside a character. */
size_t sp_utf8_boundary(const char *s, size_t n);

void sp_utf8_stats_init(struct sp_utf8_stats *st);

#endif
