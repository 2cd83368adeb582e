/* enc_declared.c: the charset a page declares; see enc_declared.h. */
#include <string.h>
#include <strings.h>

#include "enc_declared.h"

static int
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int
label_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == ':';
}

/* A case-insensitive search for word in s[from..n); n when absent. */
static size_t
find(const unsigned char *s, size_t from, size_t n, const char *word)
{
	size_t i, len = strlen(word);

	for (i = from; i + len <= n; i++)
		if (strncasecmp((const char *)s + i, word, len) == 0)
			return i;
	return n;
}

/*
 * The label after "NAME" at s[i] (NAME already matched, len bytes): spaces,
 * '=', spaces, an optional quote, then the label.  Copies it to buf.
 */
static const char *
value(const unsigned char *s, size_t i, size_t n, char *buf, size_t buflen)
{
	size_t k = 0;

	while (i < n && space(s[i]))
		i++;
	if (i >= n || s[i] != '=')
		return NULL;
	i++;
	while (i < n && space(s[i]))
		i++;
	if (i < n && (s[i] == '"' || s[i] == '\''))
		i++;
	while (i < n && label_char(s[i])) {
		if (k + 1 >= buflen)
			return NULL;
		buf[k++] = (char)s[i++];
	}
	if (k == 0)
		return NULL;
	buf[k] = '\0';
	return buf;
}

/* <?xml version="1.0" encoding="X"?> at the start of the file. */
static const char *
xml_declaration(const unsigned char *s, size_t n, char *buf, size_t buflen)
{
	size_t end, at;

	if (n < 5 || strncmp((const char *)s, "<?xml", 5) != 0)
		return NULL;
	for (end = 5; end + 1 < n && !(s[end] == '?' && s[end + 1] == '>');
	    end++)
		;
	at = find(s, 5, end, "encoding");
	if (at >= end)
		return NULL;
	return value(s, at + 8, end, buf, buflen);
}

/* The first <meta ...> holding "charset" = a label, in s[0..n). */
static const char *
meta(const unsigned char *s, size_t n, char *buf, size_t buflen)
{
	size_t at = 0, end, cs;

	while ((at = find(s, at, n, "<meta")) < n) {
		for (end = at + 5; end < n && s[end] != '>'; end++)
			;
		/* "charset" as an attribute, or inside content="...". */
		for (cs = find(s, at + 5, end, "charset"); cs < end;
		    cs = find(s, cs + 7, end, "charset"))
			if (value(s, cs + 7, end, buf, buflen))
				return buf;
		at = end;
	}
	return NULL;
}

const char *
sp_enc_declared(const unsigned char *s, size_t n, char *buf, size_t buflen)
{
	if (n > SP_ENC_DECLARED_WINDOW)
		n = SP_ENC_DECLARED_WINDOW;
	if (buflen == 0)
		return NULL;
	if (xml_declaration(s, n, buf, buflen))
		return buf;
	return meta(s, n, buf, buflen);
}
