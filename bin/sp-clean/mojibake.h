/*
 * mojibake.h: text decoded in the wrong encoding or at the wrong byte
 * offset (step 6), repaired when the repair reads as Chinese.
 *
 * Four kinds are found:
 *   gbk-shift   GBK text decoded one byte off: after a '?' (or U+FFFD)
 *               that stands for a lost byte come characters made of the
 *               second byte of one character and the first of the next
 *               ("?；泼鳎合衷谖倚?布" for "。黄明：现在我宣布").  The span
 *               is re-encoded to GBK, realigned by one byte and decoded.
 *   gbk-latin1  GBK bytes read as Latin-1 or Windows-1252
 *               ("¸ü¶à¾«Ð£" for "更多精校"), a '?' in it for a byte
 *               Windows-1252 does not define.
 *   utf8-gbk    UTF-8 bytes read as GBK ("鐧惧害璐村惂" for "百度贴吧"),
 *               a '?' for each byte the GBK decoder could not place.
 *   utf8-latin1 UTF-8 bytes read as Windows-1252 or Latin-1 ("ä¸­æ–‡"
 *               for "中文", "cafÃ©" for "café"), a '?' for each byte
 *               Windows-1252 does not define.
 * A lost byte is not unknown: the byte beside it is, so only some values
 * make a character, and the character language model (charlm.h) picks the
 * one that makes the likeliest text ("?；" gives back the A1 of "。").
 * A repair is kept only when it makes the text clearly more likely than
 * it was, by the same model.  A span that looks broken but cannot be
 * repaired is left as it is and counted.
 */
#ifndef SP_CLEAN_MOJIBAKE_H
#define SP_CLEAN_MOJIBAKE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct mojibake_stats {
	size_t repaired;	/* spans repaired */
	size_t restored;	/* lost bytes given back, in those spans */
	size_t unrepairable;	/* spans broken but left as they were */
	size_t removed;		/* C1 controls and soft hyphens dropped from
				   unrepaired Latin-1 spans */
};

/*
 * Called for each span: kind as above, the text found, its repair (NULL
 * when it could not be repaired) and the bytes restored in it ("A1=。,
 * FB=宣"; NULL when none).
 */
typedef void (*mojibake_explain_fn)(const char *kind, const char *old,
    size_t oldlen, const char *repair, size_t replen, const char *restored,
    void *ctx);

/* What the steps before this one left in the text for it. */
enum {
	/* Step 3: the C1 controls and soft hyphens of runs of text read
	 * as Latin-1; any left unrepaired are dropped. */
	MOJIBAKE_KEPT_MARKS = 1 << 0,
	/* Step 4: the NBSPs of those runs (latin1_nbsp()); any left
	 * unrepaired become the space step 4 would have made. */
	MOJIBAKE_KEPT_NBSP = 1 << 1
};

/* Appends s[0..n) repaired to out; kept: MOJIBAKE_KEPT_ bits. */
void mojibake_repair(const char *s, size_t n, unsigned kept,
    struct sp_buf *out, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx);

/* Frees the calling thread's scratch (before it exits). */
void mojibake_thread_end(void);

#endif
