/*
 * spaces.h: spaces (step 4).
 *
 * Every Unicode space (tab, NBSP, U+3000, U+2000..U+200A, …) is handled:
 * at the start and end of a line it goes; between two CJK characters or
 * CJK punctuation it goes ("孙 建 国" → "孙建国"), except one between
 * names listed, which stays one space ("作者：唐一亮　庄胜春" → "作者：
 * 唐一亮 庄胜春", "记者 傅大伟 通讯员 刘洪韬"); a run of two or more
 * next to CJK text is a paragraph break, as pages glue paragraphs into one
 * line with runs of spaces, except in a word spaced out to fill a column
 * ("标      题" → "标题") and between a form's label and its value
 * ("主办单位：    某某县教育局" → "主办单位：某某县教育局"); a single space
 * between a heading and the first sentence of its paragraph, glued into
 * one line, is a paragraph break too ("二、共克时艰 新的一年，……。"); the
 * run after a law's ordinal marker that opens a line is the one U+3000 of
 * official typography ("第三章  监督和保障" → "第三章　监督和保障"); any
 * other run becomes one ASCII space.
 */
#ifndef SP_CLEAN_SPACES_H
#define SP_CLEAN_SPACES_H
#include <stddef.h>

#include "buf.h"

struct spaces_stats {
	size_t removed;		/* runs removed (ends, between CJK) */
	size_t changed;		/* runs made one ASCII space */
	size_t breaks;		/* runs made paragraph breaks */
};

/*
 * Appends s[0..n) with its spaces so to out.  for_mojibake: the mojibake
 * step follows, and an NBSP or a NEL inside a run of text read as
 * Latin-1 is kept for it (mojibake_latin1.h).
 */
void spaces_clean(const char *s, size_t n, int for_mojibake,
    struct sp_buf *out, struct spaces_stats *st);

#endif
