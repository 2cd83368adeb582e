/*
 * mojibake_latin1.h: bytes read as Latin-1 or Windows-1252 (see
 * mojibake.h): GBK text (gbk-latin1, "¸ü¶à¾«Ð£" for "更多精校") and
 * UTF-8 text (utf8-latin1, "ä¸­æ–‡" for "中文"), a '?' in either for a
 * byte Windows-1252 does not define.
 */
#ifndef SP_CLEAN_MOJIBAKE_LATIN1_H
#define SP_CLEAN_MOJIBAKE_LATIN1_H
#include <stddef.h>
#include <stdint.h>

#include "mojibake_span.h"

/* The bytes Windows-1252 has no character for: a decoder writes '?'. */
#define N_UNDEFINED1252 5
extern const unsigned undefined1252[N_UNDEFINED1252];

/* The byte cp stands for when Latin-1/1252 was wrongly used, or -1. */
int latin1_byte(int32_t cp);
/*
 * A character text read as Latin-1 or Windows-1252 is made of: one of
 * Latin-1's upper half but its space, or one of 1252's for the bytes
 * 0x80-0x9F (€ ‚ ƒ „ … ™).  The steps before this one keep the soft
 * hyphens, C1 controls and NBSPs of a run of them for it (step 3, step
 * 4): they are bytes of the text it repairs.
 */
int read_as_latin1(int32_t cp);
/*
 * May byte c (0x80-0xBF), read as Latin-1 at s[i], be one of such a run:
 * after the characters, read as Latin-1 or 1252 (C1 controls too), of a
 * UTF-8 sequence that c goes on?  (UTF-8's 样 加 因 à, E6 A0 B7, E5 8A A0
 * …, read so have an NBSP, 0xA0; 公 关 内, E5 85 AC …, a NEL, 0x85; a
 * sequence complete before it, as in ”\u00a0, has none.)
 */
int latin1_continues(const char *s, size_t i, int c);
/* latin1_continues() for an NBSP. */
#define latin1_nbsp(s, i) latin1_continues((s), (i), 0xA0)

/*
 * gbk-latin1 or utf8-latin1 at s[i..n), s[i] a Latin-1 letter: a
 * mojibake_fn (mojibake_span.h).  It returns the span's length also when
 * it is left as it was.
 */
size_t gbk_latin1(const char *s, size_t n, size_t i, struct sp_buf *out,
    int *fixed, struct mojibake_stats *st, mojibake_explain_fn explain,
    void *ctx);

#endif
