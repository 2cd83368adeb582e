/* mdescape.c: where Markdown needs a backslash; see mdescape.h. */
#include <string.h>

#include "mdescape.h"

static int
letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
hex_digit(char c)
{
	return digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/*
 * Does s[i] == '<' open an HTML block at a paragraph's start?  The
 * CommonMark kinds: a tag name (<div, <script), a closing tag (</p), a
 * comment (<!--), a declaration or CDATA (<!DOCTYPE, <![CDATA[), a
 * processing instruction (<?).  None needs its > on the same line.
 */
static int
opens_html_block(const char *s, size_t n, size_t i)
{
	return i + 1 < n && (letter(s[i + 1]) || s[i + 1] == '/' ||
	    s[i + 1] == '!' || s[i + 1] == '?');
}

static int
alnum(char c)
{
	return letter(c) || digit(c);
}

/* Is s[i..n) an address's autolink: local@domain>? */
static int
email_autolink(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && (alnum(s[k]) || (s[k] != '\0' &&
	    strchr(".!#$%&'*+/=?^_`{|}~-", s[k]))))
		k++;
	if (k == i || k >= n || s[k] != '@')
		return 0;
	for (i = ++k; k < n && (alnum(s[k]) || s[k] == '.' || s[k] == '-');
	    k++)
		;
	return k > i && k < n && s[k] == '>';
}

/*
 * Does s[i] == '<' open inline HTML or an autolink (CommonMark 6.5, 6.6),
 * closed in this line, since every line is a paragraph of its own?  A tag
 * (<span>, <a href=...>, </span>, <br/>), a comment, a declaration or a
 * processing instruction (<!...>, <?...>), a link (<http://x>), an address
 * (<12345@qq.com>).  "a <b" and "1<2，x<>y" are none.  last_gt: where the
 * line's last > is, or n; each scan stops at the next <, so that a line
 * of many is read in a time linear in its length.
 */
static int
opens_inline_html(const char *s, size_t n, size_t i, size_t last_gt)
{
	size_t j = i + 1, k;
	int closing = 0;

	if (last_gt == n || last_gt <= j)
		return 0;
	if (s[j] == '!' || s[j] == '?')
		return 1;
	if (s[j] == '/') {
		closing = 1;
		j++;
	}
	if (letter(s[j])) {
		for (k = j + 1; k < n && (alnum(s[k]) || s[k] == '-'); k++)
			;
		if (k < n && (s[k] == '>' || s[k] == ' ' || s[k] == '\t' ||
		    (!closing && s[k] == '/')))
			return 1;
		/* A scheme (2 to 32 of letters, digits, + . -), a colon, and
		 * no blank or < before the >. */
		while (k < n && (alnum(s[k]) || s[k] == '+' || s[k] == '.'))
			k++;
		if (!closing && k < n && s[k] == ':' && k - j >= 2 &&
		    k - j <= 32) {
			while (++k < n && s[k] != '>' && s[k] != ' ' &&
			    s[k] != '<')
				;
			return k < n && s[k] == '>';
		}
	}
	return !closing && email_autolink(s, n, j);
}

/*
 * Does s[i] == '&' open an entity (&amp;, a letter and up to 31 letters
 * or digits) or a numeric reference (&#20013; &#x4E2D;) ended by ;?  An
 * unknown name (&foo;) is shown as written, escaped or not.
 */
static int
opens_entity(const char *s, size_t n, size_t i)
{
	size_t j = i + 1, k, max = 32;
	int (*ok)(char) = NULL;

	if (j < n && letter(s[j])) {
		ok = letter;
		j++;
		max = 31;
	} else if (j + 1 < n && s[j] == '#' && (s[j + 1] == 'x' ||
	    s[j + 1] == 'X')) {
		ok = hex_digit;
		j += 2;
		max = 6;
	} else if (j < n && s[j] == '#') {
		ok = digit;
		j++;
		max = 7;
	} else {
		return 0;
	}
	for (k = j; k < n && k - j < max && (ok(s[k]) || (ok == letter &&
	    digit(s[k]))); k++)
		;
	/* A number needs a digit; a name has its first letter already. */
	return k < n && s[k] == ';' && (ok == letter || k > j);
}

/* Is c ASCII punctuation, the bytes a backslash escapes? */
static int
punctuation(char c)
{
	return c != '\0' && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c);
}

/*
 * At a paragraph's start: the byte of block markup to escape, or n.  A
 * number's list mark is escaped after the digits ("3\. "), the others
 * at the line's first byte.
 */
static size_t
block_escape(const char *s, size_t n)
{
	size_t d = 0;

	if (n == 0)
		return n;
	if (strchr("#>-+*=|`", s[0]) || (s[0] == '<' &&
	    opens_html_block(s, n, 0)))
		return 0;
	while (d < n && digit(s[d]))
		d++;
	/* An ordered list's mark: digits, . or ), then a space or a tab. */
	if (d > 0 && d < n && (s[d] == '.' || s[d] == ')') &&
	    (d + 1 == n || s[d + 1] == ' ' || s[d + 1] == '\t'))
		return d;
	return n;
}

/*
 * In a heading's text: the first byte of a run of # that ends the text
 * after a blank, which the renderer takes for the heading's closing
 * sequence and drops (第一章 总则 #), or n.
 */
static size_t
closing_hashes(const char *s, size_t n)
{
	size_t k = n;

	while (k > 0 && s[k - 1] == '#')
		k--;
	if (k == n || (k > 0 && s[k - 1] != ' ' && s[k - 1] != '\t'))
		return n;
	return k;
}

void
md_line_start(struct md_line *l, const char *s, size_t n, int block)
{
	size_t k = n;

	while (k > 0 && s[k - 1] != '>')
		k--;
	l->s = s;
	l->n = n;
	l->block_at = block ? block_escape(s, n) : closing_hashes(s, n);
	l->last_gt = k > 0 ? k - 1 : n;
}

size_t
md_next_escape(const struct md_line *l, size_t from)
{
	const char *s = l->s;
	size_t i, n = l->n;

	for (i = from; i < n; i++) {
		if (i == l->block_at)
			return i;
		/*
		 * A backslash before punctuation is shown, and the
		 * punctuation after it kept from being read as markup, as
		 * it was: \* would otherwise open emphasis.
		 */
		if (i > 0 && s[i - 1] == '\\' && punctuation(s[i]))
			return i;
		switch (s[i]) {
		case '<':
			if (opens_inline_html(s, n, i, l->last_gt))
				return i;
			break;
		case '&':
			if (opens_entity(s, n, i))
				return i;
			break;
		case '\\':
			if (i + 1 < n && punctuation(s[i + 1]))
				return i;
			break;
		case '*': case '`': case '[': case '~':
			/* Emphasis, code spans, links and images (![),
			 * strikethrough (GFM's ~~ and ~). */
			return i;
		case '_':
			/* Inside a word of ASCII letters or digits an
			 * underscore opens no emphasis (snake_case); beside
			 * Chinese punctuation it may. */
			if (!(i > 0 && i + 1 < n && alnum(s[i - 1]) &&
			    alnum(s[i + 1])))
				return i;
			break;
		}
	}
	return n;
}
