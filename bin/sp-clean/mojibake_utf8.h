/*
 * mojibake_utf8.h: UTF-8 read as GBK (utf8-gbk, "鐧惧害璐村惂" for
 * "百度贴吧"; see mojibake.h), and the UTF-8 decoding with lost bytes
 * that it and utf8-latin1 share.
 */
#ifndef SP_CLEAN_MOJIBAKE_UTF8_H
#define SP_CLEAN_MOJIBAKE_UTF8_H
#include <stdint.h>

#include "mojibake_span.h"

/*
 * Can cp be part of UTF-8 read as GBK?  Any GBK character can, and €
 * (byte 0x80), but not the common punctuation of Chinese text.
 */
int run_char(int32_t cp);

/*
 * utf8-gbk at s[i..n), s[i] the start of a run of run_char() characters:
 * a mojibake_fn (mojibake_span.h).  It returns the run's length also when
 * it is left as it was.
 */
size_t utf8_gbk(const char *s, size_t n, size_t i, struct sp_buf *out,
    int *fixed, struct mojibake_stats *st, mojibake_explain_fn explain,
    void *ctx);

/* The decoders that lose bytes, writing '?' for them. */
enum lost_by {
	LOST_BY_1252,	/* Windows-1252: its five undefined bytes */
	LOST_BY_GBK,	/* GBK or GB2312: a byte that starts no
			   character there */
	LOST_BY_GBK_ONLY	/* GBK, known to be: the text holds what
			   GB2312 lacks */
};

/*
 * Decodes span_bytes as UTF-8 into span_rep, where LOST stands for a byte
 * the decoder by lost, which before (0: none) precedes and after (a
 * character, '\n' for the end of the line) follows: a character with bytes lost is restored, the language
 * model choosing among the bytes by could have lost (noted in span_note,
 * counted in st->restored); one that cannot be becomes U+FFFD, as does
 * anything else invalid.  Returns the number of U+FFFD.
 */
size_t decode_lossy_utf8(struct mojibake_stats *st, enum lost_by by,
    int32_t before, int32_t after);

#endif
