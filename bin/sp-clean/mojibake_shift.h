/*
 * mojibake_shift.h: gbk-shift, GBK text decoded one byte off (see
 * mojibake.h): after a marker ('?' or U+FFFD) that stands for a lost
 * byte come characters made of the second byte of one character and the
 * first of the next.  The span is re-encoded to GBK, realigned by one
 * byte and decoded; the bytes lost at its ends are chosen by the language
 * models among those that make a character with the byte known.
 */
#ifndef SP_CLEAN_MOJIBAKE_SHIFT_H
#define SP_CLEAN_MOJIBAKE_SHIFT_H
#include "mojibake_span.h"

/*
 * gbk-shift at s[i..n), s[i] a marker: a mojibake_fn (mojibake_span.h).
 * A span too broken to repair is noted in span_broken.
 */
size_t gbk_shift(const char *s, size_t n, size_t i, struct sp_buf *out,
    int *fixed, struct mojibake_stats *st, mojibake_explain_fn explain,
    void *ctx);

#endif
