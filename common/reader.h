/*
 * reader.h: a streaming reader of units (lines, paragraphs, documents).
 *
 * Input is read in blocks and never whole: memory is bounded by the largest
 * unit, and a unit longer than the cap is handed out in pieces (each ending
 * on a UTF-8 character boundary) flagged SP_UNIT_PARTIAL, never truncated.
 *
 * Every unit comes with the separator that ended it, so that writing each
 * unit's text followed by its sep reproduces the input byte for byte:
 *
 *   lines       text: the line without '\n'      sep: "\n" (or "" at EOF)
 *   paragraphs  text: lines up to a blank line    sep: "\n" and the blank
 *               (inner '\n' kept)                      lines that follow
 *   documents   text: everything before a line    sep: "\n\f\n" (the form
 *               holding only a form feed              feed line with the
 *                                                     newline before it)
 *   nul         text: everything before a NUL     sep: "\0"
 *
 * A blank line is one holding only spaces, tabs and a CR.  In paragraph mode
 * blank lines before the first paragraph come as a unit with empty text.  In
 * document mode "\r\n" line ends around the form feed are accepted.  In
 * every framing a CR before the '\n' that ends a unit's last line is the
 * unit's text (as awk's $0 keeps it): "a\r\n\f\r\n" is text "a\r", sep
 * "\n\f\r\n", as "a\r\n" at the end of input is "a\r" and "\n".
 */
#ifndef SP_READER_H
#define SP_READER_H
#include <stddef.h>
#include <stdint.h>

enum sp_framing {
	SP_FRAME_LINES,
	SP_FRAME_PARAGRAPHS,
	SP_FRAME_DOCUMENTS,
	SP_FRAME_NUL
};

#define SP_DEFAULT_MAX_UNIT ((size_t)64 << 20)

enum {
	SP_UNIT_PARTIAL = 1,	/* more of this unit follows in the next piece */
	SP_UNIT_CONTINUED = 2	/* this piece continues the previous one */
};

struct sp_unit {
	const char *text;	/* valid until the next sp_reader_next() */
	size_t len;
	const char *sep;
	size_t sep_len;
	uint64_t offset;	/* byte offset of text in the input */
	uint64_t number;	/* 1-based unit number; pieces share it */
	unsigned flags;
};

struct sp_reader;

/*
 * Reads from fd (not closed by the reader).  max_unit 0 means the default.
 * Returns NULL when out of memory.
 */
struct sp_reader *sp_reader_new(int fd, enum sp_framing f, size_t max_unit);
/* Returns 1 and fills *u; 0 at end of input; -1 on a read error (errno). */
int sp_reader_next(struct sp_reader *r, struct sp_unit *u);
/*
 * The bytes the reader holds from the next unit on, *len of them, for a
 * loop that passes over lines it needs not be handed one by one: NULL
 * unless the framing is lines, no piece of an over-long line is pending
 * and all it holds is within the longest unit (so no line in it is too
 * long).  The last line in it may lack its '\n': only whole lines are
 * passed over.  Valid until the next call on r.
 */
const char *sp_reader_ahead(const struct sp_reader *r, size_t *len);
/*
 * Passes over the next bytes of sp_reader_ahead(): lines whole lines,
 * each ending in '\n'.  The next unit's number and offset follow them.
 */
void sp_reader_pass(struct sp_reader *r, size_t bytes, uint64_t lines);
/* Bytes consumed so far, for --progress. */
uint64_t sp_reader_bytes(const struct sp_reader *r);
void sp_reader_free(struct sp_reader *r);

#endif
