/*
 * pinyin.h: pinyin annotations (step 5).
 *
 * Pages for learners print the reading after a character: 會(huì),
 * 發（fā）, 活動(huó dòng).  The annotation goes and the characters stay.  An
 * annotation is one parenthesized group right after Han text, holding only
 * Mandarin syllables (data/pinyin-syllables, from Unihan's kMandarin),
 * at least one with a tone mark, each a reading of the Han character it
 * stands over, the last over the last (data/pinyin-readings, from
 * Unihan's readings; a character it gives none may read as any).
 * "(五篇)", "(2009年2月2日)", "(GDP)" stay, and so does a reading the
 * text quotes: 这个字读作(huì) (作 is zuo).
 */
#ifndef SP_CLEAN_PINYIN_H
#define SP_CLEAN_PINYIN_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

void pinyin_clean(const char *s, size_t n, struct sp_buf *out, size_t *dropped);
/*
 * The length of the annotation at s[0..n) (an opening parenthesis), given
 * the nhan Han characters right before it, han[0..nhan) in text order
 * (nhan < 64), or 0 when it is not one.
 */
size_t pinyin_annotation(const char *s, size_t n, const int32_t *han,
    size_t nhan);

#endif
