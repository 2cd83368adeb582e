/*
 * heading_int.h: what the files of the heading recognizer share, and
 * nothing else includes.
 *
 *   heading_marker.c   a line's marker: sp_heading_match(), bullets
 *   heading_title.c    the title after a marker, and whether it reads as one
 *   heading_format.c   markers and kinds written back: names, numbering
 *   heading_segment.c  where a glued line holds a heading: sp_heading_segment()
 *   heading_tracker.c  levels and numbering over a document, the law's
 *                      hierarchy
 */
#ifndef SP_HEADING_INT_H
#define SP_HEADING_INT_H
#include <stddef.h>
#include <stdint.h>

#include "heading.h"
#include "zh.h"

#define SHORT_TITLE 40		/* characters: whole line is the title */

static inline int
is_digit_cp(int32_t cp)
{
	return sp_digit_value(cp) >= 0;
}

/* Sentence ends and colons that close a run-in head. */
static inline int
is_head_end(int32_t cp, int32_t prev)
{
	switch (cp) {
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: case 0xFF1A:
	case '!': case '?': case ';': case ':': case 0xFF61:
		return 1;
	case '.':
		return prev >= 0x2E80;	/* a half-width full stop in Chinese */
	}
	return 0;
}

/* Parts: 第X篇, 第X部分, …篇X (and 编, 分编, 章, 节, 条 between). */
static inline int
is_part_kind(enum sp_heading_kind k)
{
	return k >= SP_HK_PIAN && k <= SP_HK_PIAN_TAIL;
}

/* heading_title.c */
/*
 * Sets the title of h: s[from..n) is what follows the marker.  Returns 0
 * when there is no title.
 */
int sp_heading_find_title(const char *s, size_t n, size_t from,
    struct sp_heading *h);
/* Is the line a list written inline ("一是…；二是…")? */
int sp_heading_inline_list(const char *s, size_t n, const struct sp_heading *h);
/* Does the title read as one (Chinese after an Arabic marker, ...)? */
int sp_heading_plausible_title(const char *s, const struct sp_heading *h);

#endif
