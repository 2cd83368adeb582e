/* html.c: HTML leftovers (step 2); see html.h. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "embed.h"
#include "html.h"
#include "text.h"

SP_DATA(html5_entities);

struct entity {
	struct text_key name;	/* first, for text_key_cmp */
	int32_t cp[2];
};

static struct entity *entities;
static size_t nentities;
/* Loaded once, by whichever thread asks first. */
static pthread_once_t entities_once = PTHREAD_ONCE_INIT;

/* Reads data/html5-entities: "NAME HEX[,HEX]" a line, sorted by name. */
static void
load_entities(void)
{
	const char *p = (const char *)sp_data_html5_entities;
	const char *end = p + sp_data_html5_entities_len, *nl, *sp;
	size_t cap = 2300;
	char *q;

	entities = sp_xmalloc(cap * sizeof *entities);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((sp = memchr(p, ' ', (size_t)(nl - p))) == NULL)
			continue;
		if (nentities == cap)
			entities = sp_xrealloc(entities,
			    (cap *= 2) * sizeof *entities);
		entities[nentities].name.s = p;
		entities[nentities].name.len = (size_t)(sp - p);
		entities[nentities].cp[0] = (int32_t)strtol(sp + 1, &q, 16);
		entities[nentities].cp[1] = *q == ',' ?
		    (int32_t)strtol(q + 1, NULL, 16) : -1;
		nentities++;
	}
}

static const struct entity *
find_entity(const char *name, size_t len)
{
	struct text_key key = { name, len };

	(void)pthread_once(&entities_once, load_entities);
	return bsearch(&key, entities, nentities, sizeof *entities,
	    text_key_cmp);
}

static int
is_alnum(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

int32_t
html_numeric_value(unsigned long v)
{
	static const int32_t c1[32] = {
		0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
		0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
	};

	if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0xFFFD;
	if (v >= 0x80 && v <= 0x9F)
		return c1[v - 0x80];
	return (int32_t)v;
}

/*
 * The numeric reference at s[0..n) ("&#", its ';' optional): its bytes,
 * its value in *v (a number past U+10FFFF, however long, as 0x110000),
 * or 0 when s does not start one.
 */
static size_t
numeric_reference(const char *s, size_t n, unsigned long *v)
{
	size_t i = 2, start;
	int hex = 0, d;

	*v = 0;
	if (n < 3 || s[0] != '&' || s[1] != '#')
		return 0;
	if (s[i] == 'x' || s[i] == 'X')
		hex = 1, i++;
	for (start = i; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (hex && s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (hex && s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			break;
		*v = *v * (hex ? 16 : 10) + (unsigned long)d;
		if (*v > 0x10FFFF)
			*v = 0x110000;	/* stays past the last character */
	}
	if (i == start || (i < n && is_alnum((unsigned char)s[i])))
		return 0;
	return i < n && s[i] == ';' ? i + 1 : i;
}

size_t
html_reference(const char *s, size_t n, struct sp_buf *out)
{
	const struct entity *e;
	unsigned long v = 0;
	size_t i = 1;

	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		if ((i = numeric_reference(s, n, &v)) == 0)
			return 0;
		putcp(out, html_numeric_value(v));
		return i;
	}
	while (i < n && i < 40 && is_alnum((unsigned char)s[i]))
		i++;
	if (i == 1)
		return 0;
	if (i < n && s[i] == ';')
		e = find_entity(s + 1, i);	/* the name with its ';' */
	else if (i < n && s[i] == '=')
		return 0;	/* a URL's query: a=1&b=2 */
	else
		e = find_entity(s + 1, i - 1);	/* the legacy forms: &nbsp */
	if (e == NULL)
		return 0;
	putcp(out, e->cp[0]);
	if (e->cp[1] >= 0)
		putcp(out, e->cp[1]);
	return e->name.len + 1;
}

#define MAX_TAG 4096

/*
 * The end of a legacy reference at s[0..n) ('&' at 0) written without
 * its ';' (&nbsp &copy &lt), where browsers read it: a name HTML lets go
 * without one, then neither a letter or digit nor '=' (a URL's query,
 * ?a=1&copy=2).  0 when there is none.
 */
static size_t
legacy_reference(const char *s, size_t n)
{
	size_t i = 1;

	while (i < n && i < 40 && is_alnum((unsigned char)s[i]))
		i++;
	if (i == 1 || i >= n || s[i] == ';' || s[i] == '=' ||
	    is_alnum((unsigned char)s[i]) || find_entity(s + 1, i - 1) == NULL)
		return 0;
	return i;
}

int
html_complete_references(const char *s, size_t n, struct sp_buf *out)
{
	const char *p = s, *end = s + n, *amp;
	size_t k;
	int any = 0;

	unsigned long v;

	while ((amp = memchr(p, '&', (size_t)(end - p))) != NULL) {
		/*
		 * A number that is no character (&#0; a surrogate, past
		 * U+10FFFF), which libxml2 drops: U+FFFD, as HTML says.
		 */
		if ((k = numeric_reference(amp, (size_t)(end - amp), &v)) > 0 &&
		    (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)) {
			if (!any)
				sp_buf_clear(out);
			any = 1;
			put(out, s, (size_t)(amp - s));
			put(out, "&#xFFFD;", 8);
			n -= (size_t)(amp - s) + k;
			s = p = amp + k;
			continue;
		}
		if ((k = legacy_reference(amp, (size_t)(end - amp))) == 0) {
			p = amp + 1;
			continue;
		}
		if (!any)
			sp_buf_clear(out);
		any = 1;
		put(out, s, (size_t)(amp - s) + k);
		putch(out, ';');
		n -= (size_t)(amp - s) + k;
		s = p = amp + k;
	}
	if (any)
		put(out, s, n);
	return any;
}

/* Elements whose tags vanish; all others (block elements, and unknown
 * ones such as a feed's <content>) break the line. */
static const char *const inline_[] = {
	"a", "abbr", "acronym", "audio", "b", "base", "basefont", "bdi",
	"bdo", "big", "blink", "button", "canvas", "cite", "code", "col",
	"colgroup", "data", "datalist", "del", "dfn", "em", "embed", "font",
	"i", "img", "input", "ins", "kbd", "label", "map", "mark", "meter",
	"nobr", "object", "output", "param", "picture", "progress", "q",
	"rb", "rp", "rt", "rtc", "ruby", "s", "samp", "small", "source",
	"span", "strike", "strong", "sub", "sup", "svg", "template", "time",
	"track", "tt", "u", "var", "video", "wbr", NULL
};

static int
in_list(const char *const *list, const char *name, size_t len)
{
	for (; *list; list++)
		if (strlen(*list) == len && strncasecmp(*list, name, len) == 0)
			return 1;
	return 0;
}


/*
 * Can c start an attribute's name as pages write them: a letter, or the
 * marks of templates and frameworks (_ : @ # * ( [), or the '/' of
 * <br />?  Not '&', '|', a digit or another mark: what a comparison
 * writes between '<' and '>'.
 */
static int
attribute_start(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    c == '_' || c == ':' || c == '@' || c == '#' || c == '*' ||
	    c == '(' || c == '[' || c == '/' || c == '"' || c == '\'' ||
	    c == '=' || c == '>';
}

/*
 * The end of the tag at s[0..n) ('<' at 0), past its '>', with s[i] just
 * after its name; 0 when it is text: a '<' before the '>', or a byte
 * beyond ASCII outside a value (quoted, or unquoted up to a blank).  Pages
 * write their attributes in ASCII, however loosely (class="a";,
 * (click)="f()"), and Chinese text between '<' and '>' is a comparison or
 * a quotation, not a tag: "x<y 且 y>z", "a<b 且 b>c".  In an element an
 * attribute's name opens with a letter or a template's mark after a blank
 * (attribute_start()), so "a<b && c>d" is text; a declaration (<!DOCTYPE,
 * <?xml), element 0, is free in its words.
 */
static size_t
tag_end(const char *s, size_t n, size_t i, int element)
{
	char quote = 0;
	int value = 0;	/* in a value written without quotes */
	int blank = 0;	/* after a blank: an attribute's name may start */

	if (n > MAX_TAG)
		n = MAX_TAG;
	for (; i < n; i++) {
		if (quote) {
			if (s[i] == quote)
				quote = 0;
		} else if (s[i] == '>') {
			return i + 1;
		} else if (s[i] == '<') {
			return 0;
		} else if (value) {
			value = s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
			    s[i] != '\r';
			blank = !value;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			blank = 1;
		} else if (element && blank &&
		    !attribute_start((unsigned char)s[i])) {
			return 0;	/* a<b && c>d, n<m || m>k: text */
		} else if (s[i] == '=') {
			/* Its value: quoted, or up to a blank or the '>'. */
			while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t'))
				i++;
			if (i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\''))
				quote = s[++i];
			else
				value = 1;
		} else if ((unsigned char)s[i] >= 0x80) {
			return 0;
		}
		if (!quote && !value && s[i] != ' ' && s[i] != '\t' &&
		    s[i] != '\n' && s[i] != '\r')
			blank = 0;
	}
	return 0;
}

/* Where "</NAME" followed by '>' or a space starts in s[0..n), or n. */
static size_t
find_close(const char *s, size_t n, const char *name)
{
	size_t len = strlen(name), i;
	const char *p;

	for (i = 0; i + len + 2 < n; i++) {
		if ((p = memchr(s + i, '<', n - i)) == NULL)
			break;
		i = (size_t)(p - s);
		if (i + len + 2 < n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, name, len) == 0 &&
		    (s[i + len + 2] == '>' || s[i + len + 2] == ' ' ||
		    s[i + len + 2] == '\t' || s[i + len + 2] == '\n'))
			return i;
	}
	return n;
}

/*
 * Handles the markup at s[0..n) (s[0] == '<'): writes what it becomes to
 * out and returns the bytes used, or 0 when it is not markup.
 */
static size_t
markup(const char *s, size_t n, struct sp_buf *out, struct html_stats *st)
{
	const char *p, *name;
	size_t i = 1, len, end, close;
	int closing = 0;

	if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
		for (i = 4; i + 2 < n; i++) {
			if ((p = memchr(s + i, '-', n - i - 2)) == NULL)
				return 0;
			i = (size_t)(p - s);
			if (s[i + 1] == '-' && s[i + 2] == '>') {
				st->tags++;
				return i + 3;
			}
		}
		return 0;
	}
	if (n >= 3 && (s[1] == '!' || s[1] == '?') &&
	    ((s[2] >= 'A' && s[2] <= 'Z') || (s[2] >= 'a' && s[2] <= 'z'))) {
		if ((end = tag_end(s, n, 2, 0)) == 0)
			return 0;
		st->tags++;
		return end;
	}
	if (i < n && s[i] == '/')
		closing = 1, i++;
	/* <\/p>: an end tag as JSON writes it, left in text scraped from a
	 * JSON string escaped twice. */
	else if (i + 1 < n && s[i] == '\\' && s[i + 1] == '/')
		closing = 1, i += 2;
	name = s + i;
	if (i >= n || !((s[i] >= 'A' && s[i] <= 'Z') ||
	    (s[i] >= 'a' && s[i] <= 'z')))
		return 0;
	while (i < n && (is_alnum((unsigned char)s[i]) || s[i] == '-' ||
	    s[i] == ':' || s[i] == '_'))
		i++;
	len = (size_t)(s + i - name);
	/* <http://www.gov.cn/>: an address, not a tag of namespace http. */
	if (name[len - 1] == ':')
		return 0;
	if (i >= n || !(s[i] == '>' || s[i] == '/' || s[i] == ' ' ||
	    s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		return 0;
	if ((end = tag_end(s, n, i, 1)) == 0)
		return 0;
	st->tags++;
	if (!closing && ((len == 6 && strncasecmp(name, "script", 6) == 0) ||
	    (len == 5 && strncasecmp(name, "style", 5) == 0))) {
		char nm[8];

		memcpy(nm, name, len);
		nm[len] = '\0';
		close = end + find_close(s + end, n - end, nm);
		if (close < n) {
			i = tag_end(s + close, n - close, 2 + len, 1);
			st->scripts++;
			return close + (i ? i : 2 + len);
		}
		return end;	/* no end tag: only the tag goes */
	}
	if (in_list(inline_, name, len))
		return end;
	if ((len == 2 && (strncasecmp(name, "td", 2) == 0 ||
	    strncasecmp(name, "th", 2) == 0)))
		putch(out, ' ');
	else
		putch(out, '\n');	/* block elements, and unknown ones */
	return end;
}

void
html_clean(const char *s, size_t n, struct sp_buf *out, struct html_stats *st)
{
	size_t i = 0, start = 0, used;

	while (i < n) {
		if (s[i] != '<' && s[i] != '&') {
			i++;
			continue;
		}
		put(out, s + start, i - start);
		if (s[i] == '&') {
			used = html_reference(s + i, n - i, out);
			if (used)
				st->refs++;
		} else {
			used = markup(s + i, n - i, out, st);
		}
		if (used == 0) {
			putch(out, s[i]);
			used = 1;
		}
		i += used;
		start = i;
	}
	put(out, s + start, n - start);
}
