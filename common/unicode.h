/*
 * unicode.h: Unicode normalization (NFC, NFKC) on utf8proc.
 *
 * Most Chinese text is already normalized, and utf8proc is slow next to a
 * byte scan, so sp_unicode_quick() says when a span cannot change and the
 * caller normalizes only the spans that may.
 *
 * SP_NFKC_CJK is NFKC that leaves CJK punctuation alone: full-width ，。！？
 * （）：；, the ideographic space and the ellipsis … keep their form instead
 * of folding to ASCII, because in Chinese text they are the right ones.
 * Full-width letters and digits (ＡＢ１２) and other compatibility forms
 * (①, ㎡, ⼀) fold as in NFKC.
 */
#ifndef SP_UNICODE_H
#define SP_UNICODE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum sp_norm_form { SP_NFC, SP_NFKC, SP_NFKC_CJK };

/*
 * Returns 1 when s[0..n) (valid UTF-8) is certainly unchanged by
 * normalization to form, 0 when it may change.
 */
int sp_unicode_quick(const char *s, size_t n, enum sp_norm_form form);
/* The same for one code point, alone. */
int sp_unicode_quick_cp(int32_t cp, enum sp_norm_form form);

/*
 * Appends s[0..n) (valid UTF-8) normalized to form to out.  Returns 0, or
 * -1 when out of memory.
 */
int sp_unicode_normalize(const char *s, size_t n, enum sp_norm_form form,
    struct sp_buf *out);

#endif
