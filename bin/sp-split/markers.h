/*
 * markers.h: the lines that open a document on a page holding several.
 *
 * Built in: a line opening with 第一篇 (with or without ：or a space), a
 * short title line ending in 篇一, 【篇一】 or 【第一篇】, 范文一, 篇一；
 * numerals Chinese or Arabic, full or half width.  Marker lines are short
 * (at most 60 characters) and hold no 。, so a paragraph that merely
 * begins with 第一篇 is not one.  --marker adds PCRE2 patterns.
 */
#ifndef SPLIT_MARKERS_H
#define SPLIT_MARKERS_H
#include <stddef.h>
#include <stdint.h>

/* Is line s[0..n) (without its newline) a marker by the built-in rules? */
int marker_builtin(const char *s, size_t n);
/* Adds a --marker pattern; a pattern that does not compile is fatal. */
void markers_add_pattern(const char *pattern);
int markers_user_count(void);
/* Built-in rules or a pattern; file and line name a failed match. */
int marker_line(const char *s, size_t n, const char *file, uint64_t line);
/* The title: s[0..n) without the blank space around it. */
void marker_trim(const char **s, size_t *n);

#endif
