/*
 * pinyin.h: pinyin annotations (step 5).
 *
 * Pages for learners print the reading after a character: 會(huì),
 * 發（fā）, 活動(huó dòng).  The annotation goes and the characters stay.  An
 * annotation is one parenthesized group right after Han text, holding only
 * Mandarin syllables (data/pinyin-syllables, from Unihan's kMandarin),
 * at least one with a tone mark, and no more syllables than the Han
 * characters before it.  "(五篇)", "(2009年2月2日)", "(GDP)" stay.
 */
#ifndef SP_CLEAN_PINYIN_H
#define SP_CLEAN_PINYIN_H
#include <stddef.h>

#include "buf.h"

void pinyin_clean(const char *s, size_t n, struct sp_buf *out, size_t *dropped);
/*
 * The length of the annotation at s[0..n) (an opening parenthesis), given
 * han Han characters right before it, or 0 when it is not one.
 */
size_t pinyin_annotation(const char *s, size_t n, size_t han);

#endif
