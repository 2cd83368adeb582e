/*
 * jsonl.h: one JSON Lines record whose unit is one string field.
 *
 * A record is parsed with jansson (so invalid JSON is refused with
 * jansson's reason), its field decoded, and the position of the field's
 * value in the raw line remembered: writing the record back replaces only
 * those bytes, so every other field stays exactly as it was, in its order,
 * with its number formatting and escapes untouched.
 */
#ifndef SP_JSONL_H
#define SP_JSONL_H
#include <stddef.h>

#include "buf.h"

struct json_t;

struct sp_jsonl {
	const char *line;	/* the raw record (not owned; keep it alive) */
	size_t line_len;
	/*
	 * The field's decoded value, NUL-terminated: decoded once, into own
	 * (or, when the quick way is not sure, jansson's own string), never
	 * copied (a record of a page is mostly its text).
	 */
	const char *text;
	size_t text_len;	/* may hold NULs from \u0000 */
	size_t value_start;	/* the field's raw value in line */
	size_t value_end;
	size_t close_brace;	/* index of the object's closing '}' */
	struct json_t *root;	/* the record decoded, until sp_jsonl_free() */
	const char *field;	/* its name, as given to sp_jsonl_parse() */
	struct sp_buf own;	/* the text, when decoded here */
};

/*
 * Parses line[0..len) (without its newline) and finds field.  Returns 0, or
 * -1 with a reason in err (e.g. "no field \"text\"", "field \"text\" is not
 * a string", "invalid JSON: ... at column 7").  Free with sp_jsonl_free().
 */
int sp_jsonl_parse(struct sp_jsonl *rec, const char *line, size_t len,
    const char *field, char *err, size_t errlen);

/*
 * The string member name of the record (another than the field, such as
 * "title"), NUL-terminated, valid until sp_jsonl_free(); NULL when the
 * record has none or it is not a string.  Read from the record decoded
 * once, not parsed again.
 */
const char *sp_jsonl_member(const struct sp_jsonl *rec, const char *name);

/*
 * Appends the record to out with the field's value replaced by text[0..len)
 * (which must be valid UTF-8).  extra, when not NULL, is a list of members
 * ("\"unit\":3,\"start\":0") added at the end of the object.  No newline
 * is appended.  Returns 0, or -1 when out of memory.
 */
int sp_jsonl_write(const struct sp_jsonl *rec, const char *text, size_t len,
    const char *extra, struct sp_buf *out);
/* sp_jsonl_write() with extra's length known, elen (0: none). */
int sp_jsonl_write_n(const struct sp_jsonl *rec, const char *text,
    size_t len, const char *extra, size_t elen, struct sp_buf *out);

/*
 * Copies the object line[0..len) (valid JSON) to out without its top-level
 * members named in names (a NULL-terminated list), so that a tool adding
 * members of those names sets them instead of repeating them.  Returns the
 * number of members dropped (out then holds the record rebuilt), 0 when
 * none was (out is left empty: use the line as it is), or -1 when out of
 * memory.
 */
int sp_jsonl_strip(const char *line, size_t len, const char *const *names,
    struct sp_buf *out);

/* Appends text[0..len) as a JSON string literal, quotes included. */
int sp_json_quote(struct sp_buf *out, const char *text, size_t len);

void sp_jsonl_free(struct sp_jsonl *rec);

#endif
