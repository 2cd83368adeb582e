/*
 * hardwrap.c: join hard-wrapped lines; see hardwrap.h.
 *
 * Each break is judged from the paragraph built so far (how it opened, how
 * it ends, what it left open) and the line after the break.  The paragraph's
 * features are kept as running totals, so a paragraph wrapped over
 * thousands of lines costs one pass, not one pass per line.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "cjk.h"
#include "hardwrap.h"
#include "linefeat.h"
#include "tool.h"
#include "utf8.h"

/* The paragraph being built. */
struct para {
	enum lf_marker marker;	/* how its first line opened */
	size_t chars;
	size_t sentence;	/* sentence punctuation, the last one included */
	size_t clause;
	size_t open;		/* quotes and brackets still open */
	int32_t last;		/* its last character (closers skipped) */
	int32_t last_raw;	/* its very last character */
	int final;
	int page_number;	/* ends with " 12": a page number */
};

/* Characters after which a Chinese sentence cannot stop. */
static int
is_function_char(int32_t cp)
{
	/* 的地得和与及或并而在对把被将从向为以于是要让使由因所更最很也都还就才又再不之其 */
	static const char set[] = "的地得和与及或并而在对把被将从向为以于是要让使由"
	    "因所更最很也都还就才又再不之其";
	char enc[4];
	size_t k = sp_utf8_encode(cp, enc);

	if (cp < 0x80)
		return 0;
	return memmem(set, sizeof set - 1, enc, k) != NULL;
}

static int
is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int
is_ascii_alnum(int32_t cp)
{
	return is_digit(cp) || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z');
}

/*
 * Length of line[0..n) without a page number at its end: a Han character,
 * a space and one to three digits ("…转变 12").  Returns n when none.
 */
static size_t
strip_page_number(const char *line, size_t n)
{
	size_t i = n, digits = 0, k;

	while (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9') {
		i--;
		digits++;
	}
	if (digits == 0 || digits > 3 || i < 2 || line[i - 1] != ' ')
		return n;
	i--;
	if (!sp_is_han(lf_last(line, i, &k)))
		return n;
	return i;
}

/* A line holding only a page number. */
static int
is_page_number_line(const char *line, size_t n)
{
	size_t i;

	if (n == 0 || n > 3)
		return 0;
	for (i = 0; i < n; i++)
		if (line[i] < '0' || line[i] > '9')
			return 0;
	return 1;
}

static void
para_start(struct para *p, const char *line, size_t n)
{
	struct lf_features f;
	size_t m = strip_page_number(line, n);

	lf_scan(line, m, &f);
	p->marker = f.marker;
	p->chars = f.chars;
	p->sentence = f.sentence;
	p->clause = f.clause;
	p->open = f.open;
	p->last = f.last;
	p->last_raw = n ? lf_last(line, n, NULL) : 0;
	p->final = f.final;
	p->page_number = m < n;
}

static void
para_add(struct para *p, const char *line, size_t n)
{
	struct lf_features f;
	size_t m = strip_page_number(line, n);

	lf_scan(line, m, &f);
	p->chars += f.chars;
	p->sentence += f.sentence;
	p->clause += f.clause;
	p->open = (p->open > f.unopened ? p->open - f.unopened : 0) + f.open;
	p->last = f.last;
	p->last_raw = n ? lf_last(line, n, NULL) : 0;
	p->final = f.final;
	p->page_number = m < n;
}

/* A short line with no punctuation: a title, a name, a date. */
static int
title_like(const struct lf_features *f)
{
	return f->chars <= 25 && f->clause == 0 && f->sentence == 0 &&
	    !f->final;
}

/* Does the line next[0..n) continue the paragraph p? */
static int
continues(const struct para *p, const char *next, size_t n)
{
	struct lf_features f;
	int32_t first;
	size_t inner;

	if (n == 0)
		return 0;
	lf_scan(next, n, &f);
	first = lf_first(next, n, NULL);
	if (f.marker != LF_NONE)
		return 0;
	if (p->final)
		return 0;
	/* A short line ending in a colon opens something: 同志们： */
	if (f.chars <= 12 && (f.last == 0xFF1A || f.last == ':'))
		return 0;
	/* Latin text: a lower-case word goes on. */
	if (first >= 'a' && first <= 'z' && (is_ascii_alnum(p->last_raw) ||
	    p->last_raw == ',' || p->last_raw == '-'))
		return 1;
	inner = p->sentence;
	/* A heading is never joined to its body, unless cut inside quotes. */
	if (p->marker != LF_NONE && p->marker != LF_POINT &&
	    p->marker != LF_BULLET && p->chars <= 60 && inner == 0)
		return p->open > 0;
	/* Cut off: nothing else could follow. */
	if (p->open > 0 || p->last == 0xFF0C || p->last == 0x3001 ||
	    p->last == ',' || is_function_char(p->last))
		return 1;
	/* The next line cannot open a paragraph. */
	if (first == 0xFF0C || first == 0x3002 || first == 0x3001 ||
	    first == 0xFF1B || first == 0xFF1A || first == 0xFF09 ||
	    first == 0x201D || first == 0x300B || first == 0xFF01 ||
	    first == 0xFF1F)
		return 1;
	if (title_like(&f))
		return 0;
	/* Prose whose last sentence was cut. */
	if (inner > 0 || (p->clause > 0 && p->chars >= 10))
		return 1;
	return 0;
}

static void
put(struct sp_buf *out, const void *s, size_t n)
{
	if (sp_buf_append(out, s, n) < 0)
		sp_oom();
}

/* What goes between the paragraph and the line joined to it. */
static void
put_glue(struct sp_buf *out, const struct para *p, const char *next,
    size_t n)
{
	int32_t first = lf_first(next, n, NULL);

	if (p->page_number ||
	    (is_ascii_alnum(first) && (is_ascii_alnum(p->last_raw) ||
	    p->last_raw == ',' || p->last_raw == ';')))
		put(out, " ", 1);
}

size_t
hardwrap_join(const char *doc, size_t len, struct sp_buf *out)
{
	const char *line, *end = doc + len, *nl, *next, *after, *nl2;
	size_t n, nn, joins = 0;
	struct para p;

	sp_buf_clear(out);
	if (sp_buf_reserve(out, len) < 0)
		sp_oom();
	line = doc;
	nl = memchr(line, '\n', (size_t)(end - line));
	n = (size_t)((nl ? nl : end) - line);
	put(out, line, n);
	para_start(&p, line, n);
	while (nl) {
		next = nl + 1;
		nl = memchr(next, '\n', (size_t)(end - next));
		nn = (size_t)((nl ? nl : end) - next);
		if (is_page_number_line(next, nn) && nl &&
		    !p.final) {
			/* "…进一步" / "12" / "转变…": keep the number in. */
			after = nl + 1;
			nl2 = memchr(after, '\n', (size_t)(end - after));
			n = (size_t)((nl2 ? nl2 : end) - after);
			if (continues(&p, after, n)) {
				put(out, " ", 1);
				put(out, next, nn);
				put(out, " ", 1);
				put(out, after, n);
				para_add(&p, after, n);
				joins += 2;
				nl = nl2;
				continue;
			}
		}
		if (continues(&p, next, nn)) {
			put_glue(out, &p, next, nn);
			put(out, next, nn);
			para_add(&p, next, nn);
			joins++;
		} else {
			put(out, "\n", 1);
			put(out, next, nn);
			para_start(&p, next, nn);
		}
	}
	return joins;
}
