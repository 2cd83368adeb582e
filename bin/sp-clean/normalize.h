/*
 * normalize.h: Unicode clean-up (step 3).
 *
 * NFC (or NFKC that keeps CJK punctuation, with --nfkc); control
 * characters other than tab and newline, zero-width characters, byte order
 * marks, soft hyphens and the other default-ignorable characters removed;
 * CRLF, CR, NEL and the Unicode line and paragraph separators become LF.
 * utf8proc runs only on the lines a quick check says may change.
 */
#ifndef SP_CLEAN_NORMALIZE_H
#define SP_CLEAN_NORMALIZE_H
#include <stddef.h>

#include "buf.h"

struct normalize_stats {
	size_t removed;		/* characters removed */
	size_t newlines;	/* CR, CRLF and other line ends made LF */
	size_t normalized;	/* lines changed by normalization */
};

/*
 * Appends s[0..n) (valid UTF-8) cleaned to out; nfkc: NFKC, not NFC.
 * for_mojibake: the mojibake step (mojibake.h) follows, and the soft
 * hyphens and C1 controls of a run of Latin-1 letters are kept for it,
 * as the bytes of text read as Latin-1 that it may repair; else removed.
 */
void normalize_text(const char *s, size_t n, int nfkc, int for_mojibake,
    struct sp_buf *out, struct normalize_stats *st);
/* Frees the calling thread's scratch (before it exits). */
void normalize_thread_end(void);

#endif
