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
		/* The comment that ends there opens at the first slash-star
		 * before it that no other comment holds. */
		for (k = 0; k + 1 < *n; k++) {
			if ((*s)[k] != '/' || (*s)[k + 1] != '*')
				continue;
			end = memmem(*s + k + 2, *n - k - 2, "*/", 2);
			if (end == NULL || end + 2 == *s + *n)
				break;
			k = (size_t)(end - *s) + 1;
		}
		if (k + 1 >= *n)
			break;
		*n = k;
	}
}

/* Does the value s[0..n), blank space, !important and case aside, read
 * word? */
static int
value_is(const char *s, size_t n, const char *word)
{
	const char *bang;

	trim(&s, &n);
	if ((bang = memchr(s, '!', n)) != NULL) {	/* !important */
		n = (size_t)(bang - s);
		trim(&s, &n);
	}
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
				    SHOWS;
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

	/* Rules nested in the declarations (CSS nesting: &.open { … })
	 * may show what the rule hides: it hides nothing. */
	if (e == NONE || (e == HIDES && (r->conditional ||
	    memchr(r->decl, '{', r->ndecl))))
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

/* Past the <!-- and --> that a style sheet may hold at its top level
 * (old pages hid their sheets from old browsers so), and blank space. */
static size_t
past_cdo_cdc(const char *s, size_t n, size_t i)
{
	for (;;) {
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i >= n)
			return i;
		if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
			i += 4;
		else if (n - i >= 3 && memcmp(s + i, "-->", 3) == 0)
			i += 3;
		else
			return i;
	}
}

/*
 * The rules of the style sheet s[0..n); conditional: the sheet holds
 * for some media only (<style media="print">), and hides nothing.
 */
static void
sheet(struct css_hidden *h, const char *s, size_t n, int conditional)
{
	size_t i = 0, stop, close;
	int at = 0;		/* at-rule blocks open around i */
	int broken = 0;		/* a ';' outside any rule: the next rule's
				   selector holds it, and is invalid */
	struct rule r;

	while ((i = past_cdo_cdc(s, n, i)) < n) {
		stop = find_stop(s, n, i, "{;}");
		if (stop == n)
			return;
		if (s[stop] == '}') {
			if (at > 0)
				at--;
			i = stop + 1;
			broken = 0;
			continue;
		}
		r.sel = s + i;
		r.nsel = stop - i;
		trim(&r.sel, &r.nsel);
		if (s[stop] == ';') {		/* @import, @charset */
			if (r.nsel == 0 || r.sel[0] != '@')
				broken = 1;
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
		r.conditional = conditional || at > 0;
		if (!broken)
			apply(h, &r);
		broken = 0;
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
		/* The second byte first: a call for each tag of a page
		 * was a cost of its own. */
		if ((size_t)(end - p) >= k && k >= 2 &&
		    ((p[1] ^ w[1]) & ~0x20) == 0 &&
		    strncasecmp(p, w, k) == 0 &&
		    ((size_t)(end - p) == k || !name_byte((unsigned char)p[k])))
			return p;
		p++;
	}
	return NULL;
}

/*
 * Does the start tag s[0..n) of a <style> give it media other than the
 * screen's (media="print", media="(max-width: 600px)")?
 */
static int
for_some_media(const char *s, size_t n)
{
	const char *v, *end = s + n;
	size_t i, k;
	char quote;

	for (i = 0; i + 5 <= n; i++) {
		if (strncasecmp(s + i, "media", 5) != 0 ||
		    (i > 0 && name_byte((unsigned char)s[i - 1])) ||
		    (i + 5 < n && name_byte((unsigned char)s[i + 5])))
			continue;
		for (v = s + i + 5; v < end && isspace((unsigned char)*v); v++)
			;
		if (v == end || *v != '=')
			continue;
		for (v++; v < end && isspace((unsigned char)*v); v++)
			;
		quote = v < end && (*v == '"' || *v == '\'') ? *v++ : 0;
		for (k = 0; v + k < end && (quote ? v[k] != quote :
		    !isspace((unsigned char)v[k])); k++)
			;
		while (k > 0 && isspace((unsigned char)v[k - 1]))
			k--;
		while (k > 0 && isspace((unsigned char)*v)) {
			v++;
			k--;
		}
		return !(k == 0 || (k == 3 && strncasecmp(v, "all", 3) == 0) ||
		    (k == 6 && strncasecmp(v, "screen", 6) == 0));
	}
	return 0;
}

/* Past what in a page holds no style sheet of it though it may hold
 * "<style": a comment, a script, a template, noscript; or NULL when p
 * starts none of them.  end: the page's end. */
static const char *
past_no_style(const char *p, const char *end)
{
	static const char *const ends[][2] = {
		{ "<script", "</script" }, { "<noscript", "</noscript" },
		{ "<template", "</template" },
	};
	const char *e;
	size_t k, len;

	if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
		e = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
		return e ? e + 3 : end;
	}
	for (k = 0; k < sizeof ends / sizeof ends[0]; k++) {
		len = strlen(ends[k][0]);
		if ((size_t)(end - p) > len &&
		    strncasecmp(p, ends[k][0], len) == 0 &&
		    !name_byte((unsigned char)p[len])) {
			e = find_tag(p + len, (size_t)(end - p - len),
			    ends[k][1]);
			return e ? e + 1 : end;
		}
	}
	return NULL;
}

void
css_hidden_scan(struct css_hidden *h, const char *s, size_t n)
{
	const char *p = s, *gt, *close, *end = s + n, *past;

	h->n = 0;
	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		/*
		 * Only <!--, <script, <noscript, <template and <style matter
		 * here: the other tags, most, are told by their second byte
		 * without the five compares (strncasecmp 1.4% of sp-clean
		 * on HTML pages, callgrind).
		 */
		if (end - p < 2 || (p[1] != '!' && (p[1] | 0x20) != 's' &&
		    (p[1] | 0x20) != 'n' && (p[1] | 0x20) != 't')) {
			p++;
			continue;
		}
		if ((past = past_no_style(p, end)) != NULL) {
			p = past;
			continue;
		}
		if ((size_t)(end - p) < 6 || strncasecmp(p, "<style", 6) != 0 ||
		    ((size_t)(end - p) > 6 && name_byte((unsigned char)p[6]))) {
			p++;
			continue;
		}
		if ((gt = memchr(p, '>', (size_t)(end - p))) == NULL)
			return;
		close = find_tag(gt + 1, (size_t)(end - gt - 1), "</style");
		if (close == NULL)
			close = end;
		sheet(h, gt + 1, (size_t)(close - gt - 1),
		    for_some_media(p + 6, (size_t)(gt - p - 6)));
		p = close;
		if (p == end)
			return;
		p++;
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
