/*
 * stream.h: the loop every tool runs, over the units of its operands.
 *
 * sp_each_unit() opens each operand in turn ("-" or none: standard input),
 * reads it in the framing the options chose, decodes JSON Lines records,
 * and hands each unit to the tool; sp_emit() writes a unit back in the same
 * framing.  A missing file, a read error, a JSON Lines record that cannot be
 * used, and a unit longer than --max-unit are reported here, once, in the
 * suite's words.  Part of the tool layer (it prints), like tool.h.
 */
#ifndef SP_STREAM_H
#define SP_STREAM_H
#include <stddef.h>
#include <stdint.h>

#include "jsonl.h"
#include "reader.h"

struct sp_input_unit {
	const char *file;		/* the operand's name in messages */
	const struct sp_unit *unit;	/* as read: for JSONL, the whole line */
	const char *text;		/* the unit; for JSONL the field value */
	size_t len;
	const struct sp_jsonl *rec;	/* the record, or NULL */
	int file_index;			/* 0-based operand number */
};

/*
 * Called for each unit; the unit's memory is valid only during the call.
 * A non-zero return stops the loop (the tool has reported why).
 */
typedef int (*sp_unit_fn)(const struct sp_input_unit *in, void *ctx);
/* Called when an operand has been read to its end (may be NULL). */
typedef void (*sp_file_fn)(const char *file, int file_index, void *ctx);

/*
 * Runs fn over every unit of argv[0..argc) (operands; "-" when argc is 0).
 * unit is the tool's unit framing before -z and --jsonl apply.  JSON Lines
 * records that cannot be read are reported as "FILE:LINE: reason", written
 * out unchanged, and raise the exit status to 2.  Returns non-zero if fn
 * stopped the loop.
 */
int sp_each_unit(int argc, char **argv, enum sp_framing unit, sp_unit_fn fn,
    sp_file_fn at_end, void *ctx);

/*
 * The same for one operand already open: fd (not closed here), named
 * display in messages, operand number index.  For a tool that must look at
 * a file's bytes before its units are read (sp-clean detects the
 * encoding and hands a converted stream here).
 */
int sp_each_unit_fd(int fd, const char *display, int index,
    enum sp_framing unit, sp_unit_fn fn, void *ctx);

/*
 * Writes text[0..len) as one output unit in the input's framing: a line,
 * paragraph or document with its separator (documents are separated by a
 * form-feed line, or terminated by NUL with -z), or for JSONL in's record
 * with its field replaced by text and extra members appended (extra may be
 * NULL; see sp_jsonl_write).  Pieces of a unit longer than --max-unit are
 * written back to back, as one unit.
 */
void sp_emit(const struct sp_input_unit *in, const char *text, size_t len,
    const char *extra);
/* Writes the unit exactly as it was read, separator included. */
void sp_emit_raw(const struct sp_input_unit *in);
/*
 * Has fn called before the loop writes a unit itself (a JSON Lines record
 * it cannot read, or one over --max-unit), so that a tool holding units
 * back writes them first and the output keeps the input's order.
 */
void sp_stream_before_raw(void (*fn)(void));
/*
 * With on, the loop reads as a first pass of two: it tells nothing, and
 * units it would write back itself (records it cannot read, pieces of a
 * record over --max-unit) are neither written nor handed on; the second
 * pass, run without, tells and writes them.
 */
void sp_stream_quiet(int on);

#endif
