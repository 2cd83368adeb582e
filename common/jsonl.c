/* jsonl.c: JSON Lines records; see jsonl.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonl.h"
#include "utf8.h"

static size_t
skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	    s[i] == '\n'))
		i++;
	return i;
}

/*
 * s[i] is '"'; returns the index just past the closing quote.  A record
 * is mostly its text's one long string: memchr() goes from quote to
 * quote, and a quote is escaped when an odd run of backslashes (inside
 * the string) comes before it.
 */
static size_t
skip_string(const char *s, size_t i, size_t n)
{
	const char *q;
	size_t start = i + 1, b;

	for (i = start; i < n; i = (size_t)(q - s) + 1) {
		if ((q = memchr(s + i, '"', n - i)) == NULL)
			break;
		for (b = (size_t)(q - s); b > start && s[b - 1] == '\\'; b--)
			;
		if (((size_t)(q - s) - b) % 2 == 0)
			return (size_t)(q - s) + 1;
	}
	return n;
}

/* Returns the index just past the value starting at s[i]. */
static size_t
skip_value(const char *s, size_t i, size_t n)
{
	size_t depth = 0;

	if (i < n && s[i] == '"')
		return skip_string(s, i, n);
	for (; i < n; i++) {
		char c = s[i];

		if (c == '"') {
			i = skip_string(s, i, n) - 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' ||
		    c == '\r' || c == '\n')) {
			return i;
		}
	}
	return n;
}

/* Does the raw key s[a..b) (quotes included) name field? */
static int
key_is(const char *s, size_t a, size_t b, const char *field)
{
	json_t *k;
	int same;

	if (memchr(s + a, '\\', b - a) == NULL)
		return b - a - 2 == strlen(field) &&
		    memcmp(s + a + 1, field, b - a - 2) == 0;
	k = json_loadb(s + a, b - a, JSON_DECODE_ANY, NULL);
	same = k && json_is_string(k) && strcmp(json_string_value(k),
	    field) == 0;
	json_decref(k);
	return same;
}

/*
 * Locates the raw value of field among the object's top-level members.
 * jansson has already validated the line, so this walk needs no error
 * handling; like jansson, the last of duplicate keys wins.
 */
static void
locate(struct sp_jsonl *rec, const char *field)
{
	const char *s = rec->line;
	size_t n = rec->line_len, i, ks, ke, ve;

	i = skip_ws(s, 0, n) + 1;	/* past '{' */
	for (;;) {
		i = skip_ws(s, i, n);
		if (i >= n || s[i] == '}')
			break;
		ks = i;
		ke = skip_string(s, i, n);
		i = skip_ws(s, ke, n) + 1;	/* past ':' */
		i = skip_ws(s, i, n);
		ve = skip_value(s, i, n);
		if (key_is(s, ks, ke, field)) {
			rec->value_start = i;
			rec->value_end = ve;
		}
		i = skip_ws(s, ve, n);
		if (i < n && s[i] == ',')
			i++;
	}
	rec->close_brace = i;
}

/* Does s[0..n) hold a byte below 0x20 (which no JSON string may)? */
static int
has_control(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
	uint64_t w;
	size_t i = 0;

	/* Exact as a whole, like plain8() below. */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (((w - ones * 0x20) & ~w & highs) != 0)
			return 1;
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return 1;
	return 0;
}

/* The code unit of the four hex digits at s[i..i+4), or -1. */
static long
hex4(const char *s, size_t n, size_t i)
{
	long v = 0;
	size_t k;
	char c;

	if (i + 4 > n)
		return -1;
	for (k = i; k < i + 4; k++) {
		c = s[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/*
 * Decodes the body s[0..n) of a JSON string (between its quotes) into out,
 * by JSON's rules as jansson applies them with JSON_ALLOW_NUL: UTF-8 that
 * is valid, no byte below 0x20, the escapes \" \\ \/ \b \f \n \r \t and
 * \uXXXX (a surrogate only in a pair).  Returns 0, or -1 for anything
 * else, which the caller hands to jansson whole: it alone says what is
 * wrong, and where.
 */
static int
decode_string(const char *s, size_t n, struct sp_buf *out)
{
	const char *q;
	size_t i = 0, k, step;
	long cp, lo;
	char c;

	if (has_control(s, n) ||
	    sp_utf8_valid_prefix((const unsigned char *)s, n) != n)
		return -1;
	sp_buf_clear(out);
	if (sp_buf_reserve(out, n + 1) < 0)
		return -1;
	while ((q = memchr(s + i, '\\', n - i)) != NULL) {
		k = (size_t)(q - s);
		if (sp_buf_append(out, s + i, k - i) < 0 || k + 1 >= n)
			return -1;
		step = 2;
		switch ((c = s[k + 1])) {
		case '"': case '\\': case '/': break;
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u':
			if ((cp = hex4(s, n, k + 2)) < 0 ||
			    (cp >= 0xDC00 && cp <= 0xDFFF))
				return -1;
			step = 6;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (k + 7 >= n || s[k + 6] != '\\' ||
				    s[k + 7] != 'u' ||
				    (lo = hex4(s, n, k + 8)) < 0xDC00 ||
				    lo > 0xDFFF)
					return -1;
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				step = 12;
			}
			if (sp_buf_put_cp(out, cp) < 0)
				return -1;
			i = k + step;
			continue;
		default:
			return -1;
		}
		if (sp_buf_putc(out, c) < 0)
			return -1;
		i = k + step;
	}
	return sp_buf_append(out, s + i, n - i);
}

/*
 * The quick way for a record that is mostly its field (a page's text):
 * jansson, which goes a byte at a time, parses the record with the field's
 * value cut to "", and the value is decoded here.  That is the record's
 * parse exactly when the record with "" parses with its last member named
 * field holding that "" where the raw value was (located again in what
 * jansson accepted), and the value decodes: one string token stands for
 * another, nothing else moves.  Returns 0, or -1 to take the whole parse.
 */
static int
parse_split(struct sp_jsonl *rec, const char *field)
{
	const char *s = rec->line;
	size_t vs, ve, head, tail, n;
	struct sp_jsonl stub;
	char small[4096], *line;
	json_t *root = NULL, *v;
	int ok = 0;

	locate(rec, field);
	vs = rec->value_start;
	ve = rec->value_end;
	if (ve < vs + 2 || s[vs] != '"' || s[ve - 1] != '"' ||
	    decode_string(s + vs + 1, ve - vs - 2, &rec->own) < 0)
		return -1;
	head = vs;
	tail = rec->line_len - ve;
	n = head + 2 + tail;
	if ((line = n <= sizeof small ? small : malloc(n)) == NULL)
		return -1;
	memcpy(line, s, head);
	memcpy(line + head, "\"\"", 2);
	memcpy(line + head + 2, s + ve, tail);
	root = json_loadb(line, n, JSON_ALLOW_NUL, NULL);
	if (root && json_is_object(root) &&
	    (v = json_object_get(root, field)) != NULL &&
	    json_is_string(v) && json_string_length(v) == 0) {
		memset(&stub, 0, sizeof stub);
		stub.line = line;
		stub.line_len = n;
		locate(&stub, field);
		ok = stub.value_start == vs && stub.value_end == vs + 2;
	}
	if (line != small)
		free(line);
	if (!ok) {
		json_decref(root);
		return -1;
	}
	rec->root = root;
	rec->text = rec->own.data;
	rec->text_len = rec->own.len;
	return 0;
}

int
sp_jsonl_parse(struct sp_jsonl *rec, const char *line, size_t len,
    const char *field, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root, *v;

	memset(rec, 0, sizeof *rec);
	rec->line = line;
	rec->line_len = len;
	rec->field = field;
	if (parse_split(rec, field) == 0)
		return 0;
	sp_buf_free(&rec->own);
	rec->value_start = rec->value_end = rec->close_brace = 0;
	root = json_loadb(line, len, JSON_ALLOW_NUL, &je);
	if (root == NULL) {
		snprintf(err, errlen, "invalid JSON: %s at column %d",
		    je.text, je.column);
		return -1;
	}
	if (!json_is_object(root)) {
		snprintf(err, errlen, "not a JSON object");
		json_decref(root);
		return -1;
	}
	v = json_object_get(root, field);
	if (v == NULL || !json_is_string(v)) {
		snprintf(err, errlen, v ? "field \"%s\" is not a string" :
		    "no field \"%s\"", field);
		json_decref(root);
		return -1;
	}
	rec->text_len = json_string_length(v);
	rec->text = json_string_value(v);
	rec->root = root;
	locate(rec, field);
	return 0;
}

const char *
sp_jsonl_member(const struct sp_jsonl *rec, const char *name)
{
	json_t *v;

	if (rec->root && rec->field && strcmp(name, rec->field) == 0)
		return rec->text;	/* perhaps decoded here, not by jansson */
	v = rec->root ? json_object_get(rec->root, name) : NULL;

	return v && json_is_string(v) ? json_string_value(v) : NULL;
}

static int
key_in(const char *s, size_t a, size_t b, const char *const *names)
{
	for (; names && *names; names++)
		if (key_is(s, a, b, *names))
			return 1;
	return 0;
}

int
sp_jsonl_strip(const char *line, size_t len, const char *const *names,
    struct sp_buf *out)
{
	const char *s = line;
	size_t n = len, i, ks, ke, ve;
	int dropped = 0, first = 1;

	sp_buf_clear(out);
	i = skip_ws(s, 0, n);
	if (sp_buf_append(out, s, i + 1) < 0)
		return -1;
	i++;
	for (;;) {
		i = skip_ws(s, i, n);
		if (i >= n || s[i] == '}')
			break;
		ks = i;
		ke = skip_string(s, i, n);
		i = skip_ws(s, skip_ws(s, ke, n) + 1, n);
		ve = skip_value(s, i, n);
		if (key_in(s, ks, ke, names)) {
			dropped++;
		} else {
			if ((!first && sp_buf_putc(out, ',') < 0) ||
			    sp_buf_append(out, s + ks, ve - ks) < 0)
				return -1;
			first = 0;
		}
		i = skip_ws(s, ve, n);
		if (i < n && s[i] == ',')
			i++;
	}
	if (!dropped) {
		sp_buf_clear(out);
		return 0;
	}
	if (sp_buf_append(out, s + i, n - i) < 0)
		return -1;
	return dropped;
}

/*
 * Do the eight bytes at s need no escape: none below 0x20, no '"', no
 * '\\'?  Word tests (a byte below n: (x - n) & ~x & 0x80; a zero byte:
 * the same with n = 1), exact as a whole; the text is copied eight bytes
 * at a step between the escapes, as most of it needs none.
 */
static int
plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
	uint64_t w, q, b;

	memcpy(&w, s, 8);
	q = w ^ (ones * '"');
	b = w ^ (ones * '\\');
	return ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) |
	    ((b - ones) & ~b)) & highs) == 0;
}

int
sp_json_quote(struct sp_buf *out, const char *text, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, run = 0;

	if (sp_buf_putc(out, '"') < 0)
		return -1;
	for (i = 0; i < len; i++) {
		unsigned char c;
		char esc[7];
		size_t elen = 2;

		if (i + 8 <= len && plain8(text + i)) {
			i += 7;
			continue;
		}
		c = (unsigned char)text[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		esc[0] = '\\';
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\t': esc[1] = 't'; break;
		case '\r': esc[1] = 'r'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			elen = 6;
		}
		if (sp_buf_append(out, text + run, i - run) < 0 ||
		    sp_buf_append(out, esc, elen) < 0)
			return -1;
		run = i + 1;
	}
	if (sp_buf_append(out, text + run, len - run) < 0)
		return -1;
	return sp_buf_putc(out, '"');
}

int
sp_jsonl_write(const struct sp_jsonl *rec, const char *text, size_t len,
    const char *extra, struct sp_buf *out)
{
	const char *s = rec->line;

	if (sp_buf_append(out, s, rec->value_start) < 0 ||
	    sp_json_quote(out, text, len) < 0)
		return -1;
	if (extra == NULL || *extra == '\0')
		return sp_buf_append(out, s + rec->value_end,
		    rec->line_len - rec->value_end);
	if (sp_buf_append(out, s + rec->value_end,
	    rec->close_brace - rec->value_end) < 0 ||
	    sp_buf_putc(out, ',') < 0 || sp_buf_puts(out, extra) < 0)
		return -1;
	return sp_buf_append(out, s + rec->close_brace,
	    rec->line_len - rec->close_brace);
}

void
sp_jsonl_free(struct sp_jsonl *rec)
{
	json_decref(rec->root);
	rec->root = NULL;
	rec->text = NULL;
	sp_buf_free(&rec->own);
}
