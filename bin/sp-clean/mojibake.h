/*
 * mojibake.h: text decoded in the wrong encoding or at the wrong byte
 * offset (step 7), repaired when the repair reads as common Chinese.
 *
 * Three kinds are found:
 *   gbk-shift   GBK text decoded one byte off: after a '?' (or U+FFFD)
 *               that stands for a lost byte come characters made of the
 *               second byte of one character and the first of the next
 *               ("?；泼鳎合衷谖倚?布" for "。黄明：现在我宣布").  The span
 *               is re-encoded to GBK, realigned by one byte and decoded;
 *               the bytes lost at its two ends are guessed by frequency.
 *   gbk-latin1  GBK bytes read as Latin-1 or Windows-1252
 *               ("¸ü¶à¾«Ð£" for "更多精校").
 *   utf8-gbk    UTF-8 bytes read as GBK ("鐧惧害璐村惂" for "百度贴吧").
 * A repair is kept only when the Han characters it yields are much more
 * common than those it replaces, judged by a character-frequency table
 * (data/hanfreq).  A span that looks broken but cannot be repaired is left
 * as it is and counted.
 */
#ifndef SP_CLEAN_MOJIBAKE_H
#define SP_CLEAN_MOJIBAKE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct mojibake_stats {
	size_t repaired;
	size_t unrepairable;
};

/*
 * Called for each span: kind as above, the text found, and its repair
 * (NULL when it could not be repaired).
 */
typedef void (*mojibake_explain_fn)(const char *kind, const char *old,
    size_t oldlen, const char *repair, size_t replen, void *ctx);

void mojibake_repair(const char *s, size_t n, struct sp_buf *out,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx);

/* Frees the calling thread's scratch (before it exits). */
void mojibake_thread_end(void);

/* How common Han character cp is: occurrences in the frequency corpus. */
unsigned long mojibake_freq(int32_t cp);

#endif
