/*
 * stream.h: the loop every tool runs, over the units of its operands.
 *
 * sp_each_unit() opens each operand in turn ("-" or none: standard input),
 * reads it in the framing the options chose, decodes JSON Lines records,
 * and hands each unit to the tool; sp_emit() writes a unit back in the same
 * framing.  sp_each_doc_line() reads documents a line at a time instead,
 * with a call where each begins and ends, for tools whose memory must not
 * grow with a document.  A missing file, a read error, a JSON Lines record
 * that cannot be used, and a unit longer than --max-unit are reported here,
 * once, in the suite's words.  Part of the tool layer (it prints), like
 * tool.h.
 *
 * --max-unit, in every tool: a unit longer than it is reported once,
 * "FILE: unit N is longer than --max-unit (SIZE bytes): processed in
 * pieces" (N the unit's number: its line, paragraph or document), and
 * handled in pieces cut between characters, nothing lost; the exit status
 * does not change.  A JSON Lines record cannot be read in pieces: one
 * longer than --max-unit is a record that cannot be used, reported as
 * "FILE:LINE: longer than --max-unit (SIZE bytes)", written out unchanged,
 * and the exit status is 2.
 */
#ifndef SP_STREAM_H
#define SP_STREAM_H
#include <stddef.h>
#include <stdint.h>

#include "jsonl.h"
#include "reader.h"

/* The operands: argv[0..*argc), or "-" alone (and *argc 1) when none. */
char **sp_operands(int *argc, char **argv);

/* Reports unit number of file as longer than --max-unit, in pieces. */
void sp_warn_long_unit(const char *file, uint64_t number);
/*
 * A number added to the unit and record numbers the stream's warnings
 * give: a tool numbering its input from --start-line N passes N - 1.
 */
void sp_stream_number_base(uint64_t base);
/* What that warning says is done with such a unit (default "processed in
 * pieces"). */
void sp_stream_long_unit_fate(const char *fate);
/*
 * Reports record number (its line) of file as one that cannot be used,
 * for reason (NULL: it is longer than --max-unit), and raises the exit
 * status to 2.  The caller writes it out unchanged.
 */
void sp_warn_bad_record(const char *file, uint64_t number, const char *reason);

/*
 * The separator rule that makes sharded output byte-identical: output
 * units (documents, paragraphs) are separated where the input's were.  A
 * unit's end owes a separator; it is paid when the input's separator is
 * read, or else when the next unit begins, which after the last unit of
 * a file is the next file's first.  So the output of a stream cut into
 * pieces at its separators (GNU parallel --pipe --recend) is the
 * concatenation of the pieces' outputs.
 */
struct sp_separator {
	void (*write)(void *ctx);	/* writes one separator */
	void *ctx;
	int owed;
};
/* A unit ended: its separator is owed. */
void sp_sep_owe(struct sp_separator *s);
/* The input's separator was read, or a unit begins: pays what is owed. */
void sp_sep_pay(struct sp_separator *s);

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
 * A line of JSON Lines input, u, as the record loop sees it: the bytes
 * that open it and are no part of a record (a UTF-8 byte order mark at the
 * very start of an operand, which is skipped and never written back); and
 * whether it holds no record at all (nothing, or spaces, tabs and CRs,
 * past such a mark), a blank line that is skipped.
 */
size_t sp_jsonl_bom(const struct sp_unit *u);
int sp_jsonl_blank(const struct sp_unit *u);

/*
 * One line read as a JSON Lines record, for a loop of the tool's own: in
 * holds the line as read (in->unit; in->rec NULL).  fn gets in with the
 * record and its field; a line that cannot be used (not JSON, no field,
 * longer than --max-unit) is reported and written out unchanged, unless
 * the loop is quiet or told not to write it; blank lines are skipped.
 * *warned is the number of the over-long line last reported (0 at an
 * operand's start).  Returns what fn returned, or 0.
 */
int sp_stream_record(struct sp_input_unit *in, uint64_t *warned,
    sp_unit_fn fn, void *ctx);

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
/*
 * Writes the unit as it was read, for a tool that passes units through
 * (sp-dedupe): a JSON Lines record unchanged, else as sp_emit() writes its
 * text but with a separator the input had after it written with the
 * input's line end (a form-feed line "\f\r\n", a blank line "\r\n"), so
 * that CRLF input comes out CRLF.
 */
void sp_emit_unit(const struct sp_input_unit *in);
/* Writes the unit exactly as it was read, separator included. */
void sp_emit_raw(const struct sp_input_unit *in);
/*
 * Writes the separator owed after the last unit written (documents and
 * paragraphs), if one is: for output that is one of several to be
 * concatenated (a shard's), so that its last unit and the next one's
 * first stay apart, as the units of two operands of one run do.
 */
void sp_emit_owed(void);
/*
 * Has fn called, with the unit, before the loop writes a unit itself (a
 * JSON Lines record it cannot read, or each piece of one over --max-unit),
 * so that a tool holding units back writes them first and the output
 * keeps the input's order.
 */
void sp_stream_before_raw(void (*fn)(const struct sp_input_unit *));
/*
 * With on, the loop reads as a first pass of two: it tells nothing, and
 * units it would write back itself (records it cannot read, pieces of a
 * record over --max-unit) are neither written nor handed on; the second
 * pass, run without, tells and writes them.
 */
void sp_stream_quiet(int on);
/*
 * With off, JSON Lines records the loop cannot use are reported (status
 * 2) but not written out: for a pass whose output is not the input's
 * units, such as sp-dedupe's keys.  On by default.
 */
void sp_stream_write_unusable(int on);

/*
 * Documents read a line at a time: text split into documents at lines
 * holding only a form feed (at NULs with -z: a NUL ends the line and the
 * document), each operand a document of its own; with --jsonl, each record
 * a document whose field's text is handed on line by line.  Memory is
 * bounded by the longest line, whatever the size of a document.
 */
struct sp_doc {
	const char *file;		/* the operand's name in messages */
	int file_index;			/* 0-based operand number */
	int empty;			/* two separators in a row: no lines */
	const struct sp_input_unit *in;	/* JSON Lines: the record read, for
					   sp_emit(); else NULL */
	uint64_t number;		/* JSON Lines: the record's line */
};

struct sp_doc_line {
	const char *text;		/* without its line end */
	size_t len;
	const char *eol;		/* "\n", "\r\n" or "" (the last line) */
	size_t eol_len;
	uint64_t number;		/* line number in the operand (JSON
					   Lines: the record's) */
	uint64_t doc_line;		/* 1-based line number in the document */
	uint64_t off;			/* offset of text in the document */
	uint64_t file_off;		/* offset in the operand (JSON Lines:
					   in the field's text) */
	unsigned flags;			/* SP_UNIT_PARTIAL, SP_UNIT_CONTINUED:
					   pieces of a line over --max-unit */
};

struct sp_doc_ops {
	void (*begin)(const struct sp_doc *d, void *ctx);
	void (*line)(const struct sp_doc *d, const struct sp_doc_line *l,
	    void *ctx);
	/*
	 * The document ended; followed: at a form-feed line (a separator
	 * in the input), not at a NUL, a record's end or an operand's end.
	 * An empty document gets begin() and end(), no line().
	 */
	void (*end)(const struct sp_doc *d, int followed, void *ctx);
	/* An operand has been read to its end (may be NULL). */
	void (*file_end)(const char *file, int file_index, void *ctx);
	/*
	 * JSON Lines members dropped from each record before it is read, so
	 * that a tool adding members of those names sets them anew (NULL:
	 * none).
	 */
	const char *const *strip;
	/*
	 * May be NULL.  Lines handed a run at a time, for a tool whose work
	 * on most lines is little next to the calls of line() (sp-outline):
	 * after a line() (not with -z), first holds what follows it (text
	 * and len: whole lines and perhaps the start of one more, as read
	 * so far, or the rest of a JSON Lines record's text; eol "", flags
	 * 0) and the first line's numbers and offsets; each next line's are
	 * those advanced by the lines and bytes before it (number too, but
	 * in a record, whose lines share its number).  lines() does for
	 * lines from the first what line() would, each line's text running
	 * to its '\n' (a CR before it kept), counts them in *count and
	 * returns their bytes with their '\n'; it stops before a line that
	 * opens with a form feed, and at the last '\n'.  The lines after
	 * them count them.
	 */
	size_t (*lines)(const struct sp_doc *d, const struct sp_doc_line *first,
	    uint64_t *count, void *ctx);
	/*
	 * With --jsonl, an operand whose first line with a record in it
	 * (past blank lines, see sp_jsonl_blank()) does not open a JSON
	 * object is read as text (so a plain page can be turned into
	 * records); else every line must be a record.
	 */
	int text_operands;
};

/* Runs ops over the documents of argv[0..argc) (none: standard input). */
void sp_each_doc_line(int argc, char **argv, const struct sp_doc_ops *ops,
    void *ctx);

#endif
