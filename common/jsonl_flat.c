/*
 * jsonl_flat.c: the rest of a record (its field's value cut to "") told
 * valid without jansson when it is one flat object, as web records are:
 * {"url": "...", "timestamp": "...", "text": ""}.  jansson spends some
 * 28,000 instructions on such a line of 160 bytes, building an object
 * nobody reads; this walk spends a few per byte.
 *
 * It says yes only where jansson (JSON_ALLOW_NUL) surely accepts: keys of
 * printable ASCII without escapes, values that are strings, integers of
 * at most 18 digits, true, false or null.  Anything else (nesting, reals,
 * escaped keys, a lone surrogate, what is not JSON at all) is left to
 * jansson, which alone says what is wrong, and where.
 */
#include <string.h>

#include "jsonl_int.h"
#include "utf8.h"

static size_t
ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	return i;
}

/* The code unit of the four hex digits at s[i], or -1. */
static long
hex4_at(const char *s, size_t n, size_t i)
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
 * The end (past the closing quote) of the string value at s[i] (a '"'),
 * or 0 when it is not one jansson surely reads: a byte below 0x20, an
 * escape it refuses, a surrogate out of its pair, invalid UTF-8.
 */
static size_t
string_end(const char *s, size_t n, size_t i)
{
	size_t start = ++i;
	long cp, lo;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c == '"')
			break;
		if (c < 0x20)
			return 0;
		if (c != '\\') {
			i++;
			continue;
		}
		if (i + 1 >= n)
			return 0;
		switch (s[i + 1]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n':
		case 'r': case 't':
			i += 2;
			continue;
		case 'u':
			break;
		default:
			return 0;
		}
		if ((cp = hex4_at(s, n, i + 2)) < 0 ||
		    (cp >= 0xDC00 && cp <= 0xDFFF))
			return 0;
		i += 6;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			if (i + 1 >= n || s[i] != '\\' || s[i + 1] != 'u' ||
			    (lo = hex4_at(s, n, i + 2)) < 0xDC00 || lo > 0xDFFF)
				return 0;
			i += 6;
		}
	}
	if (i >= n || sp_utf8_valid_prefix((const unsigned char *)s + start,
	    i - start) != i - start)
		return 0;
	return i + 1;
}

/* The end of the key at s[i] (a '"'): printable ASCII, no escape; or 0. */
static size_t
key_end(const char *s, size_t n, size_t i)
{
	unsigned char c;

	for (i++; i < n && s[i] != '"'; i++) {
		c = (unsigned char)s[i];
		if (c < 0x20 || c > 0x7E || c == '\\')
			return 0;
	}
	return i < n ? i + 1 : 0;
}

/* The end of the integer at s[i]: -?(0|[1-9][0-9]{0,17}); or 0. */
static size_t
integer_end(const char *s, size_t n, size_t i)
{
	size_t d;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return 0;
	d = i;
	if (s[i] == '0')
		i++;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9' && i - d < 18)
			i++;
	/* More digits, a fraction or an exponent: jansson's to judge. */
	if (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
	    s[i] == 'e' || s[i] == 'E'))
		return 0;
	return i;
}

/* The end of the value at s[i], or 0 when it is no flat one. */
static size_t
value_end(const char *s, size_t n, size_t i)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t k, l;

	if (i >= n)
		return 0;
	if (s[i] == '"')
		return string_end(s, n, i);
	if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9'))
		return integer_end(s, n, i);
	for (k = 0; k < 3; k++) {
		l = strlen(words[k]);
		if (n - i >= l && memcmp(s + i, words[k], l) == 0)
			return i + l;
	}
	return 0;
}

int
sp_jsonl_flat(const char *s, size_t n, const char *field, size_t *value)
{
	size_t i, ks, ke, vs, ve, flen = strlen(field);
	int found = 0;

	i = ws(s, n, 0);
	if (i >= n || s[i] != '{')
		return 0;
	for (i = ws(s, n, i + 1);; i = ws(s, n, i + 1)) {
		if (i >= n || s[i] != '"' || (ke = key_end(s, n, i)) == 0)
			return 0;
		ks = i;
		i = ws(s, n, ke);
		if (i >= n || s[i] != ':')
			return 0;
		vs = ws(s, n, i + 1);
		if ((ve = value_end(s, n, vs)) == 0)
			return 0;
		/* Like jansson, the last of duplicate keys wins. */
		if (ke - ks - 2 == flen && memcmp(s + ks + 1, field, flen) == 0) {
			*value = vs;
			found = 1;
		}
		i = ws(s, n, ve);
		if (i < n && s[i] == '}')
			break;
		if (i >= n || s[i] != ',')
			return 0;
	}
	return found && ws(s, n, i + 1) == n;
}
