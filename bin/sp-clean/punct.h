/*
 * punct.h: punctuation in Chinese text (step 7).
 *
 * ASCII , . ! ? : ; ( ) next to Han text become ，。！？：；（）, but not
 * inside numbers (3.28, 67.56亿, 1,000, 1.5%), times (13:50), URLs and
 * e-mail addresses, Latin text, nor the dot of an enumerator opening a
 * line (1. 2.).  Brackets convert as a pair.  Straight quotes "…" around
 * Han text become “…”, mangled ‚…‛ pairs become “…”, and a short run of
 * dots after Han text (... 。。。) becomes the ellipsis ……; a line of dots
 * alone is a placeholder and stays.
 */
#ifndef SP_CLEAN_PUNCT_H
#define SP_CLEAN_PUNCT_H
#include <stddef.h>

#include "buf.h"

void punct_clean(const char *s, size_t n, struct sp_buf *out, size_t *changed);
/* Frees the calling thread's scratch (before it exits). */
void punct_thread_end(void);

#endif
