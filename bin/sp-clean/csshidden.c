/* csshidden.c: the names a page's style sheets hide; see csshidden.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "csshidden.h"

/* What a rule does to the elements it selects. */
enum effect { NONE, HIDES, SHOWS };

/* A rule's declarations and where it stands. */
struct rule {
	const char *sel, *decl;
	size_t nsel, ndecl;
	int conditional;	/* under an at-rule */
};

static int
name_byte(unsigned char c)
{
	return isalnum(c) || c == '-' || c == '_' || c >= 0x80;
}

/* Past a comment or a string that starts at s[i], or i. */
static size_t
past_comment_or_string(const char *s, size_t n, size_t i)
{
	const char *end;

	if (i + 1 < n && s[i] == '/' && s[i + 1] == '*') {
		end = memmem(s + i + 2, n - i - 2, "*/", 2);
		return end ? (size_t)(end - s) + 2 : n;
	}
	if (s[i] == '"' || s[i] == '\'') {
		size_t j;

		for (j = i + 1; j < n && s[j] != s[i] && s[j] != '\n'; j++)
			if (s[j] == '\\')
				j++;
		return j < n ? j + 1 : n;
	}
	return i;
}

/* The first of the bytes stop at depth 0 from s[i], past comments,
 * strings and nested blocks, or n. */
static size_t
find_stop(const char *s, size_t n, size_t i, const char *stop)
{
	size_t j;
	int depth = 0;

	while (i < n) {
		if ((j = past_comment_or_string(s, n, i)) != i) {
			i = j;
			continue;
		}
		if (depth == 0 && s[i] != '\0' && strchr(stop, s[i]))
			return i;
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && depth > 0)
			depth--;
		i++;
	}
	return n;
}

/* s[0..n) without blank space and comments at either end. */
static void
trim(const char **s, size_t *n)
{
	const char *end;
	size_t k;

	for (;;) {
		while (*n > 0 && isspace((unsigned char)**s)) {
			(*s)++;
			(*n)--;
		}
		if (*n < 2 || (*s)[0] != '/' || (*s)[1] != '*')
			break;
		end = memmem(*s + 2, *n - 2, "*/", 2);
		k = end ? (size_t)(end - *s) + 2 : *n;
		*s += k;
		*n -= k;
	}
	for (;;) {
		while (*n > 0 && isspace((unsigned char)(*s)[*n - 1]))
			(*n)--;
		if (*n < 4 || (*s)[*n - 1] != '/' || (*s)[*n - 2] != '*')
			break;
		/* Comments do not nest: the last opening starts it. */
		for (k = *n - 2; k >= 2 && !((*s)[k - 2] == '/' &&
		    (*s)[k - 1] == '*'); k--)
			;
		if (k < 2)
			break;
		*n = k - 2;
	}
}

/* Does the value s[0..n), blank space, !important and case aside, read
 * word? */
static int
value_is(const char *s, size_t n, const char *word)
{
	const char *bang = memchr(s, '!', n);

	if (bang)
		n = (size_t)(bang - s);
	trim(&s, &n);
	return n == strlen(word) && strncasecmp(s, word, n) == 0;
}

/* What declarations s[0..n) do: the last display and visibility
 * count. */
static enum effect
effect_of(const char *s, size_t n)
{
	enum effect display = NONE, visibility = NONE;
	size_t i = 0, end, colon;

	while (i < n) {
		const char *prop, *val;
		size_t nprop, nval;

		end = find_stop(s, n, i, ";");
		colon = find_stop(s, end, i, ":");
		if (colon < end) {
			prop = s + i;
			nprop = colon - i;
			trim(&prop, &nprop);
			val = s + colon + 1;
			nval = end - colon - 1;
			if (nprop == 7 && strncasecmp(prop, "display", 7) == 0)
				display = value_is(val, nval, "none") ?
				    HIDES : SHOWS;
			else if (nprop == 10 &&
			    strncasecmp(prop, "visibility", 10) == 0)
				visibility = value_is(val, nval, "hidden") ||
				    value_is(val, nval, "collapse") ? HIDES :
				    value_is(val, nval, "visible") ? SHOWS :
				    NONE;
		}
		i = end + 1;
	}
	if (display == HIDES || visibility == HIDES)
		return HIDES;
	return display == SHOWS || visibility == SHOWS ? SHOWS : NONE;
}

/* The entry of name s[0..n) of kind, made when there is room, or
 * NULL. */
static struct css_name *
entry(struct css_hidden *h, char kind, const char *s, size_t n, int make)
{
	size_t k;

	if (n == 0 || n > CSS_NAME_MAX)
		return NULL;
	for (k = 0; k < h->n; k++)
		if (h->names[k].kind == kind &&
		    strncmp(h->names[k].name, s, n) == 0 &&
		    h->names[k].name[n] == '\0')
			return &h->names[k];
	if (!make || h->n == CSS_HIDDEN_MAX)
		return NULL;
	k = h->n++;
	memset(&h->names[k], 0, sizeof h->names[k]);
	h->names[k].kind = kind;
	memcpy(h->names[k].name, s, n);
	return &h->names[k];
}

/* Every class and id a selector s[0..n) names is shown. */
static void
show_names(struct css_hidden *h, const char *s, size_t n)
{
	size_t i = 0, j;
	struct css_name *e;

	while (i < n) {
		if (s[i] != '.' && s[i] != '#') {
			i++;
			continue;
		}
		for (j = i + 1; j < n && name_byte((unsigned char)s[j]); j++)
			;
		if ((e = entry(h, s[i], s + i + 1, j - i - 1, 1)) != NULL)
			e->shown = 1;
		i = j;
	}
}

/* A simple selector s[0..n) (tag.name, .name, #name) hides its name. */
static void
hide_simple(struct css_hidden *h, const char *s, size_t n)
{
	size_t t = 0, j;
	struct css_name *e;

	trim(&s, &n);
	while (t < n && isalnum((unsigned char)s[t]))
		t++;
	if (t == n || (s[t] != '.' && s[t] != '#') || t >= sizeof e->tag)
		return;
	for (j = t + 1; j < n && name_byte((unsigned char)s[j]); j++)
		;
	if (j != n || (e = entry(h, s[t], s + t + 1, j - t - 1, 1)) == NULL)
		return;
	if (t == 0)
		e->hidden = 1;
	else if (e->tag[0] == '\0') {
		for (j = 0; j < t; j++)
			e->tag[j] = (char)tolower((unsigned char)s[j]);
		e->tag[t] = '\0';
	}
}

static void
apply(struct css_hidden *h, const struct rule *r)
{
	enum effect e = effect_of(r->decl, r->ndecl);
	size_t i = 0, comma;

	if (e == NONE || (e == HIDES && r->conditional))
		return;
	while (i <= r->nsel) {
		comma = find_stop(r->sel, r->nsel, i, ",");
		if (e == SHOWS)
			show_names(h, r->sel + i, comma - i);
		else
			hide_simple(h, r->sel + i, comma - i);
		i = comma + 1;
	}
}

/* At-rules whose block holds rules (the others hold declarations,
 * frames or fonts, and are skipped whole). */
static int
holds_rules(const char *s, size_t n)
{
	static const char *const names[] = { "@media", "@supports",
	    "@layer", "@container", "@document", "@-moz-document" };
	size_t k, len;

	for (k = 0; k < sizeof names / sizeof names[0]; k++) {
		len = strlen(names[k]);
		if (n >= len && strncasecmp(s, names[k], len) == 0 &&
		    (n == len || !name_byte((unsigned char)s[len])))
			return 1;
	}
	return 0;
}

/* The rules of the style sheet s[0..n). */
static void
sheet(struct css_hidden *h, const char *s, size_t n)
{
	size_t i = 0, stop, close;
	int at = 0;		/* at-rule blocks open around i */
	struct rule r;

	while (i < n) {
		stop = find_stop(s, n, i, "{;}");
		if (stop == n)
			return;
		if (s[stop] == '}') {
			if (at > 0)
				at--;
			i = stop + 1;
			continue;
		}
		r.sel = s + i;
		r.nsel = stop - i;
		trim(&r.sel, &r.nsel);
		if (s[stop] == ';') {		/* @import, @charset */
			i = stop + 1;
			continue;
		}
		if (r.nsel > 0 && r.sel[0] == '@') {
			if (holds_rules(r.sel, r.nsel)) {
				at++;
				i = stop + 1;
			} else {
				close = find_stop(s, n, stop + 1, "}");
				i = close + 1;
			}
			continue;
		}
		close = find_stop(s, n, stop + 1, "}");
		r.decl = s + stop + 1;
		r.ndecl = close - stop - 1;
		r.conditional = at > 0;
		apply(h, &r);
		i = close + 1;
	}
}

/* The first "<w" of s[0..n) that a name does not go on from,
 * case-insensitive, or NULL. */
static const char *
find_tag(const char *s, size_t n, const char *w)
{
	const char *p = s, *end = s + n;
	size_t k = strlen(w);

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= k && strncasecmp(p, w, k) == 0 &&
		    ((size_t)(end - p) == k || !name_byte((unsigned char)p[k])))
			return p;
		p++;
	}
	return NULL;
}

void
css_hidden_scan(struct css_hidden *h, const char *s, size_t n)
{
	const char *open, *gt, *close, *end = s + n;

	h->n = 0;
	while ((open = find_tag(s, (size_t)(end - s), "<style")) != NULL) {
		gt = memchr(open, '>', (size_t)(end - open));
		if (gt == NULL)
			return;
		gt++;
		close = find_tag(gt, (size_t)(end - gt), "</style");
		if (close == NULL)
			close = end;
		sheet(h, gt, (size_t)(close - gt));
		s = close;
		if (s == end)
			return;
		s++;
	}
}

/* Is name s[0..n) of kind hidden on tag (1), shown (-1), or neither? */
static int
name_says(const struct css_hidden *h, char kind, const char *s, size_t n,
    const char *tag)
{
	size_t k;
	const struct css_name *e;

	if (n > CSS_NAME_MAX)
		return 0;
	for (k = 0; k < h->n; k++) {
		e = &h->names[k];
		if (e->kind != kind || strncmp(e->name, s, n) != 0 ||
		    e->name[n] != '\0')
			continue;
		if (e->shown)
			return -1;
		return e->hidden || (e->tag[0] && strcmp(e->tag, tag) == 0);
	}
	return 0;
}

int
css_hidden_element(const struct css_hidden *h, const char *tag,
    const char *cls, const char *id)
{
	size_t i = 0, j;
	int hidden = 0, says;

	if (h->n == 0)
		return 0;
	if (id && id[0]) {
		says = name_says(h, '#', id, strlen(id), tag);
		if (says < 0)
			return 0;
		hidden = says;
	}
	while (cls && cls[i]) {
		if (isspace((unsigned char)cls[i])) {
			i++;
			continue;
		}
		for (j = i; cls[j] && !isspace((unsigned char)cls[j]); j++)
			;
		says = name_says(h, '.', cls + i, j - i, tag);
		if (says < 0)
			return 0;
		hidden |= says;
		i = j;
	}
	return hidden;
}
