/*
 * split.h: what sp-split's modes share.
 *
 * input.c reads each operand as documents with the stream layer (text
 * split at form-feed lines, or at NULs with -z, or one JSON Lines record
 * each) and hands every document to the mode line by line; output.c writes the mode's units in
 * the framing the options chose.  Offsets are bytes into the document: the
 * text between form feeds, or the decoded field of a record.
 */
#ifndef SPLIT_H
#define SPLIT_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "jsonl.h"

struct doc {
	const char *file;		/* the operand, for messages */
	uint64_t number;		/* over the run, from --start-document */
	const struct sp_jsonl *rec;	/* the record read, or NULL */
};

/* One line of a document; eol is "\n", "\r\n" or "" (the last line). */
struct line {
	const char *text;
	size_t len;
	const char *eol;
	size_t eol_len;
	uint64_t off;			/* offset of text in the document */
	int partial;			/* a piece: more of the line follows */
	int continued;			/* this piece continues the line */
	uint64_t number;		/* line number in the operand */
};

struct mode {
	void (*begin)(const struct doc *d);
	void (*line)(const struct doc *d, const struct line *l);
	void (*end)(const struct doc *d);
	const char *const *members;	/* the JSON members the mode adds */
	/*
	 * May be NULL.  The lines from first on, a run at a time, as the
	 * stream layer's lines() hands them (stream.h): does what line()
	 * would for each whole line, counts them in *count and returns
	 * their bytes.  For a mode whose work on a short line is little next
	 * to the calls that bring it.
	 */
	size_t (*lines)(const struct doc *d, const struct line *first,
	    uint64_t *count);
};

extern const struct mode mode_sentences, mode_paragraphs, mode_chunks,
    mode_documents;

/* Options beyond the shared ones. */
struct split_opts {
	int semicolon;			/* --semicolon */
	size_t chunk;			/* -c N */
	int bytes;			/* --bytes */
	size_t overlap;			/* --overlap K */
	int headings;			/* --headings */
	int no_preamble;		/* --no-preamble */
	const char *prefix;		/* -o PREFIX */
	int digits;			/* -n DIGITS */
	uint64_t start_document;	/* --start-document N: the first number */
	int json_out;			/* --jsonl: records written */
};
extern struct split_opts split_opts;

/* mode_documents.c: after the run, puts -o files in place, or (on
 * failure) removes them, leaving the files there before. */
void documents_finish(void);

/* input.c: runs mode over every operand. */
void split_run(int argc, char **argv, const struct mode *mode);

/* output.c */
/* A document's output starts or ends (separators, -z terminators). */
void out_begin_doc(const struct doc *d);
void out_end_doc(const struct doc *d);
/* An empty input document: written as one (no records). */
void out_empty_doc(void);
/* The input had a form-feed line: write the separator it calls for. */
void out_input_separator(void);
/* Plain output. */
void out_text(const char *s, size_t n);
/* Ends the output line if the last text did not. */
void out_end_line(void);
/*
 * One JSON Lines record: doc number, members ("\"unit\":1,..."), field.
 * valid: the text is known to be valid UTF-8 (else it is checked, and
 * invalid bytes written as U+FFFD).
 */
void out_record(const struct doc *d, const char *members, const char *text,
    size_t len, int valid);
/* out_record() with the members' length known, mlen. */
void out_record_n(const struct doc *d, const char *members, size_t mlen,
    const char *text, size_t len, int valid);
/* Writes the records out_record() holds back, gathered into batches. */
void out_flush_records(void);
/* Writes v in decimal at p, NUL-ended; returns the end (p + 20 at most). */
char *out_number(char *p, uint64_t v);
/*
 * Writes the member "name":v at p (a name of plain letters), NUL-ended;
 * returns the end.  p needs strlen(name) + 24 bytes.  Records are written
 * a sentence each, three or four members a record: snprintf() was a tenth
 * of the time of -s --jsonl, and a call copying the name a byte at a time
 * an eighth; inline, the length of a literal name is the compiler's.
 */
static inline char *
out_member(char *p, const char *name, uint64_t v)
{
	size_t l = strlen(name);

	p[0] = '"';
	memcpy(p + 1, name, l);
	memcpy(p + 1 + l, "\":", 2);
	return out_number(p + l + 3, v);
}
/* Appends s[0..n) as a JSON string, U+FFFD for invalid UTF-8. */
void out_json_string(struct sp_buf *b, const char *s, size_t n);
/* Writes s[0..n) as one output line: a newline goes, or becomes a space
 * where the text would otherwise run together (see output.c). */
void out_joined(const char *s, size_t n);

/* Characters (code points) in s[0..n). */
size_t count_chars(const char *s, size_t n);
/* count_chars(), or bytes with --bytes. */
size_t unit_size(const char *s, size_t n);

#endif
