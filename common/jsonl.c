/* jsonl.c: JSON Lines records; see jsonl.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_COPY 1
#endif

#include "jsonl.h"
#include "utf8.h"

/*
 * How jansson reads a record: a NUL in a string is a character, and an
 * integer of any size is taken (as the nearest double: a record's numbers
 * are passed through as their bytes, never read), where jansson refuses
 * one beyond 64 bits as "too big integer".
 */
#define JSON_OPTIONS (JSON_ALLOW_NUL | JSON_DECODE_INT_AS_REAL)

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

/* Appends s[0..n) to out, which has room for it (sp_buf_reserve()). */
static void
put(struct sp_buf *out, const char *s, size_t n)
{
	if (n)	/* s may be NULL then */
		memcpy(out->data + out->len, s, n);
	out->len += n;
}

/* Does the byte c end a run copied as it is: a backslash, or a byte
 * below 0x20 (which no JSON string may hold)? */
static inline int
run_ends(unsigned char c)
{
	return c == '\\' || c < 0x20;
}

#ifdef __SSE2__
/*
 * The blocks of sixteen bytes from s[i] while they are in s[0..n), each
 * stored at d[i - from] (d: where s[from] goes) before it is tested:
 * returns the first byte that ends the run (run_ends()), or the first not
 * tested.  The bytes stored past it are overwritten next.
 */
static size_t
run_blocks16(const char *s, size_t i, size_t n, size_t from, char *d)
{
	const __m128i bs = _mm_set1_epi8('\\'), x1f = _mm_set1_epi8(0x1F);
	__m128i v;
	unsigned m;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(s + i));
		_mm_storeu_si128((__m128i *)(d + (i - from)), v);
		/* max(v, 0x1F) == 0x1F: v at most 0x1F, unsigned. */
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_cmpeq_epi8(v, bs),
		    _mm_cmpeq_epi8(_mm_max_epu8(v, x1f), x1f)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
	return i;
}
#endif

#ifdef HAVE_AVX2_COPY
/* run_blocks16() thirty-two bytes a block, where the processor has AVX2. */
__attribute__((target("avx2"))) static size_t
run_blocks32(const char *s, size_t i, size_t n, size_t from, char *d)
{
	const __m256i bs = _mm256_set1_epi8('\\'),
	    x1f = _mm256_set1_epi8(0x1F);
	__m256i v;
	uint32_t m;

	for (; i + 32 <= n; i += 32) {
		v = _mm256_loadu_si256((const __m256i *)(s + i));
		_mm256_storeu_si256((__m256i *)(d + (i - from)), v);
		m = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
		    _mm256_cmpeq_epi8(v, bs),
		    _mm256_cmpeq_epi8(_mm256_max_epu8(v, x1f), x1f)));
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
	return i;
}
#endif

/*
 * Copies s[i..n) to out up to the first byte that ends a run (a
 * backslash, or a control byte that makes the string invalid) and
 * returns where it is (n: none).  A record's text has an escape a line
 * (\n), and a call of memchr() and of memcpy() a run cost more than the
 * run: the blocks are copied whole as they are tested, the bytes past
 * the run's end overwritten next, and the test for control bytes is the
 * same pass, not one of its own over the whole text.  out has room for
 * n - i bytes more (the text decoded is never longer than its escapes).
 * wide: the processor has AVX2.
 */
static size_t
copy_to_escape(const char *s, size_t i, size_t n, struct sp_buf *out,
    int wide)
{
	char *d = out->data + out->len;
	size_t from = i;

	(void)wide;
#ifdef HAVE_AVX2_COPY
	if (wide)
		i = run_blocks32(s, i, n, from, d);
#endif
#ifdef __SSE2__
	/* The rest of sixteen bytes or more, or all without AVX2. */
	if (i < n && !run_ends((unsigned char)s[i]))
		i = run_blocks16(s, i, n, from, d);
#endif
	for (; i < n && !run_ends((unsigned char)s[i]); i++)
		d[i - from] = s[i];
	out->len += i - from;
	return i;
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
	size_t i = 0, k, step;
	long cp, lo;
	char c, utf8[4];
	int wide = 0;

	if (sp_utf8_valid_prefix((const unsigned char *)s, n) != n)
		return -1;
#ifdef HAVE_AVX2_COPY
	wide = n >= 64 && __builtin_cpu_supports("avx2");
#endif
	/* The text decoded is never longer than its escapes: room for it
	 * all at once, the runs between escapes copied into it. */
	sp_buf_clear(out);
	if (sp_buf_reserve(out, n + 1) < 0)
		return -1;
	while ((k = copy_to_escape(s, i, n, out, wide)) < n) {
		if (s[k] != '\\' || k + 1 >= n)
			return -1;	/* a control byte, or a lone '\\' */
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
			/* Four bytes at most, from six or twelve. */
			put(out, utf8, sp_utf8_encode(cp, utf8));
			i = k + step;
			continue;
		default:
			return -1;
		}
		put(out, &c, 1);
		i = k + step;
	}
	out->data[out->len] = '\0';
	return 0;
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
	root = json_loadb(line, n, JSON_OPTIONS, NULL);
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
	root = json_loadb(line, len, JSON_OPTIONS, &je);
	if (root == NULL) {
		/* null, 7 or "a" is JSON, no object: said as [1] is. */
		if ((v = json_loadb(line, len, JSON_OPTIONS | JSON_DECODE_ANY,
		    NULL)) != NULL) {
			json_decref(v);
			snprintf(err, errlen, "not a JSON object");
		} else
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

/* Is one of the object's top-level members named in names? */
static int
holds_member(const char *s, size_t n, const char *const *names)
{
	size_t i = skip_ws(s, 0, n) + 1, ks, ke;

	for (;;) {
		i = skip_ws(s, i, n);
		if (i >= n || s[i] == '}')
			return 0;
		ks = i;
		ke = skip_string(s, i, n);
		if (key_in(s, ks, ke, names))
			return 1;
		i = skip_ws(s, skip_ws(s, ke, n) + 1, n);
		i = skip_ws(s, skip_value(s, i, n), n);
		if (i < n && s[i] == ',')
			i++;
	}
}

int
sp_jsonl_strip(const char *line, size_t len, const char *const *names,
    struct sp_buf *out)
{
	const char *s = line;
	size_t n = len, i, ks, ke, ve, value_out = 0;
	int dropped = 0, comma, dangling = 0;

	sp_buf_clear(out);
	/* Most records hold none of the names: found so, not copied. */
	if (!holds_member(s, n, names))
		return 0;
	/*
	 * A member kept is copied with the comma and blanks after it, as
	 * they are (", " stays ", "); one dropped goes with its own.  A
	 * comma copied with no member kept after it is taken back.
	 */
	i = skip_ws(s, 0, n) + 1;
	i = skip_ws(s, i, n);
	if (sp_buf_append(out, s, i) < 0)
		return -1;
	while (i < n && s[i] != '}') {
		ks = i;
		ke = skip_string(s, i, n);
		i = skip_ws(s, skip_ws(s, ke, n) + 1, n);
		ve = skip_value(s, i, n);
		i = skip_ws(s, ve, n);
		comma = i < n && s[i] == ',';
		if (comma)
			i = skip_ws(s, i + 1, n);
		if (key_in(s, ks, ke, names)) {
			dropped++;
			continue;
		}
		value_out = out->len + (ve - ks);
		dangling = comma;
		if (sp_buf_append(out, s + ks, i - ks) < 0)
			return -1;
	}
	if (!dropped) {
		sp_buf_clear(out);
		return 0;
	}
	if (dangling)
		out->len = value_out;
	if (sp_buf_append(out, s + i, n - i) < 0)
		return -1;
	return dropped;
}

/*
 * Do the eight bytes at s need no escape: none below 0x20, no '"', no
 * '\\'?  Word tests (a byte below n: (x - n) & ~x & 0x80; a zero byte:
 * the same with n = 1), exact as a whole.
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

#ifdef __SSE2__
/* The bytes of v that need an escape: below 0x20, '"' or '\\'. */
static inline unsigned
escape_mask16(__m128i v)
{
	const __m128i quote = _mm_set1_epi8('"'), bs = _mm_set1_epi8('\\'),
	    x1f = _mm_set1_epi8(0x1F);

	/* max(v, 0x1F) == 0x1F: v at most 0x1F, unsigned. */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
	    _mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bs)),
	    _mm_cmpeq_epi8(_mm_max_epu8(v, x1f), x1f)));
}
#endif

/*
 * How many bytes from s need no escape, those bytes copied to d, which
 * has room for n (the bytes stored past the run are overwritten next).
 * Most text needs none: sixteen bytes a test where SSE2 is there (every
 * x86-64), else eight; each block stored as it is tested, not copied
 * again by a call of memcpy() a run (a record a sentence: the calls cost
 * more than the copying).
 */
static size_t
plain_copy(const char *s, size_t n, char *d)
{
	size_t i = 0;
	unsigned char c;
#ifdef __SSE2__
	__m128i v;
	unsigned m;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(s + i));
		_mm_storeu_si128((__m128i *)(d + i), v);
		if ((m = escape_mask16(v)) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
	/*
	 * The rest of a text of sixteen bytes or more: its last sixteen,
	 * those already tested masked off (a sentence a record, most end
	 * in such a rest: a byte at a time, it was a fifth of the quoting).
	 */
	if (i < n && n >= 16) {
		v = _mm_loadu_si128((const __m128i *)(s + n - 16));
		_mm_storeu_si128((__m128i *)(d + n - 16), v);
		m = escape_mask16(v) >> (i - (n - 16));
		return m ? i + (size_t)__builtin_ctz(m) : n;
	}
#endif
	for (; i + 8 <= n && plain8(s + i); i += 8)
		memcpy(d + i, s + i, 8);
	for (; i < n; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c == '"' || c == '\\')
			break;
		d[i] = (char)c;
	}
	return i;
}

/*
 * The escape of the byte c (one that needs one), at most six bytes, in
 * esc; returns its length.
 */
static size_t
escape(unsigned char c, char *esc)
{
	static const char hex[] = "0123456789abcdef";

	esc[0] = '\\';
	switch (c) {
	case '"': esc[1] = '"'; return 2;
	case '\\': esc[1] = '\\'; return 2;
	case '\n': esc[1] = 'n'; return 2;
	case '\t': esc[1] = 't'; return 2;
	case '\r': esc[1] = 'r'; return 2;
	case '\b': esc[1] = 'b'; return 2;
	case '\f': esc[1] = 'f'; return 2;
	}
	memcpy(esc + 1, "u00", 3);
	esc[4] = hex[c >> 4];
	esc[5] = hex[c & 15];
	return 6;
}

/*
 * sp_json_quote() into out, which has room for len + 2 bytes and the
 * after bytes the caller writes next: the text copied in runs between the
 * bytes that need an escape, room made for each escape as it comes.
 */
static int
quote_into(struct sp_buf *out, const char *text, size_t len, size_t after)
{
	size_t i = 0, k;
	char esc[6];

	put(out, "\"", 1);
	for (;;) {
		k = plain_copy(text + i, len - i, out->data + out->len);
		out->len += k;
		if ((i += k) == len)
			break;
		k = escape((unsigned char)text[i++], esc);
		/* The escape, the rest (which may need no other), the
		 * closing quote and what the caller writes after it. */
		if (sp_buf_reserve(out, k + (len - i) + 1 + after) < 0)
			return -1;
		put(out, esc, k);
	}
	put(out, "\"", 1);
	out->data[out->len] = '\0';
	return 0;
}

int
sp_json_quote(struct sp_buf *out, const char *text, size_t len)
{
	if (sp_buf_reserve(out, len + 2) < 0)
		return -1;
	return quote_into(out, text, len, 0);
}

int
sp_jsonl_write(const struct sp_jsonl *rec, const char *text, size_t len,
    const char *extra, struct sp_buf *out)
{
	return sp_jsonl_write_n(rec, text, len, extra,
	    extra ? strlen(extra) : 0, out);
}

int
sp_jsonl_write_n(const struct sp_jsonl *rec, const char *text, size_t len,
    const char *extra, size_t elen, struct sp_buf *out)
{
	const char *s = rec->line;
	size_t tail;

	/*
	 * Room for the whole record at once (a record is written a unit at
	 * a time, each a few short copies): the line without the field's
	 * value, the text quoted, the comma and extra members.
	 */
	tail = rec->line_len - rec->value_end + (elen ? elen + 1 : 0);
	if (sp_buf_reserve(out, rec->value_start + len + 2 + tail) < 0)
		return -1;
	put(out, s, rec->value_start);
	if (quote_into(out, text, len, tail) < 0)
		return -1;
	if (elen == 0) {
		put(out, s + rec->value_end, rec->line_len - rec->value_end);
	} else {
		put(out, s + rec->value_end,
		    rec->close_brace - rec->value_end);
		put(out, ",", 1);
		put(out, extra, elen);
		put(out, s + rec->close_brace,
		    rec->line_len - rec->close_brace);
	}
	out->data[out->len] = '\0';
	return 0;
}

void
sp_jsonl_free(struct sp_jsonl *rec)
{
	json_decref(rec->root);
	rec->root = NULL;
	rec->text = NULL;
	sp_buf_free(&rec->own);
}
