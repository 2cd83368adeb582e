/*
 * outline.h: one document's outline, built line by line and rendered as
 * an indented tree, as Markdown, as JSON, or checked for numbering
 * problems.
 *
 * Output accumulates in a buffer the caller drains when it likes, so a
 * document is written as it goes, in every rendering: memory does not grow
 * with the document.
 */
#ifndef SP_OUTLINE_OUTLINE_H
#define SP_OUTLINE_OUTLINE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum outline_mode { MODE_TREE, MODE_MARKDOWN, MODE_JSON, MODE_CHECK };

struct outline_opts {
	enum outline_mode mode;
	int numbers;		/* -n: line numbers in the tree */
	int max_level;		/* headings deeper are left out; 0: all */
	unsigned flags;		/* SP_HEADING_ITEMS, SP_HEADING_NO_SEGMENTS */
};

struct outline;

/* Returns NULL when out of memory. */
struct outline *outline_new(const struct outline_opts *o);
void outline_free(struct outline *ol);

/*
 * Starts a document.  where names it in --check messages (the file);
 * record_line, when not 0, is used as the line of every message instead
 * of the heading's own (for JSON Lines, where a document is one record);
 * title, when not NULL, replaces the title taken from the text (a JSON
 * Lines record's "title") and must live until outline_end().
 */
void outline_begin(struct outline *ol, const char *where,
    uint64_t record_line, const char *title);
/*
 * Feeds one line (without its newline; a final CR is ignored), its 1-based
 * number and the byte offset of its start.  Returns 0, or -1 when out of
 * memory.
 */
int outline_line(struct outline *ol, const char *s, size_t n, uint64_t line,
    uint64_t offset);
/*
 * The bytes of the whole lines at the start of s[0..n) that would change
 * nothing here, and their count in *lines: the caller passes over them
 * instead of feeding them.  Lines with no heading, once the document's
 * title is known, in the renderings that show only headings (Markdown
 * writes every line).
 */
size_t outline_skip(const struct outline *ol, const char *s, size_t n,
    uint64_t *lines);
/*
 * Feeds the rest of a line longer than --max-unit, which holds no
 * heading: Markdown writes it on with the line's text before it, so
 * that no text is lost; the other renderings ignore it.
 */
int outline_more(struct outline *ol, const char *s, size_t n);
/*
 * Does the line (or piece) fed next go on in another piece (its line is
 * longer than --max-unit)?  Set before each line fed.
 */
void outline_goes_on(struct outline *ol, int goes_on);
/*
 * Ends the document.  For --json this closes the document's object, one
 * line of JSON without its newline, written as the headings came.
 * Returns 0, or -1 when out of memory.
 */
int outline_end(struct outline *ol);

/* The output so far; the caller writes it and clears it. */
struct sp_buf *outline_output(struct outline *ol);
/* Counts: headings reported, numbering problems, invalid UTF-8 replaced. */
uint64_t outline_headings(const struct outline *ol);
uint64_t outline_problems(const struct outline *ol);
uint64_t outline_invalid(const struct outline *ol);
/* An operand was read to its end: the next document is of another page. */
void outline_file_end(struct outline *ol);

#endif
