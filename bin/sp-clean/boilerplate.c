/*
 * boilerplate.c: the scorer of site furniture; see boilerplate.h.
 *
 * Passes over a document.  The first scans each line (features and
 * vocabulary).  Then the page's title is found (a first line that is
 * another line plus the site's name; lines that begin with the first
 * line's title) and protected, and the anchors: lines of prose, which only
 * a document has.  Lines before the first anchor are the head of the page,
 * lines after the last its tail; menus, breadcrumbs and footers live
 * there, so evidence found there counts for more, and evidence found
 * between anchors for less.  A page without prose is all body.  Each line
 * is then scored alone, and last come runs: the link-like lines after a
 * list heading, runs of short menu lines, forms.
 *
 * Every weight is a judgement for content first: no structure alone drops
 * a line of prose, a heading (一、 （一）), a salutation, a redaction mark
 * or a placeholder line; between anchors only strong evidence counts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "buf.h"
#include "cjk.h"
#include "embed.h"
#include "linefeat.h"
#include "pool.h"
#include "rules.h"
#include "tool.h"

SP_DATA(boilerplate_rules);

enum zone { ZONE_HEAD, ZONE_BODY, ZONE_TAIL };

/* Lines longer than this with several sentences are prose, unscored. */
#define PROSE_CHARS	300
/* Only this many lines are compared with a title line. */
#define TITLE_SPAN	300
/* Lines scored together; a longer document is scored in windows. */
#define WINDOW		100000

struct line {
	const char *s;
	size_t n;
	struct lf_features f;
	struct rule_hits h;
	enum zone zone;
	int score;
	int best;		/* the largest positive contribution */
	const char *why;	/* its reason, when not a rule */
	const struct rule *why_rule;
	const char *why_list;	/* the heading of its list */
	int title;		/* the page's title: others end with it */
	int site_title;		/* the title and the site's name */
	int heading;		/* a list heading: list rule or "…MORE" */
	int anchor;		/* a paragraph of prose */
	int breadcrumb;
};

/* Lines of a long document whose pass 1 runs in some thread. */
struct scan_task {
	struct pool_task task;		/* first: a task is its chunk */
	struct boilerplate *bp;
	size_t from, to;		/* bp->lines[from..to) */
	struct sp_buf msgs;		/* a pattern's warning, in order */
};

struct boilerplate {
	struct rules rules;
	struct line *lines;
	size_t cap;
	/* For a long document: a matcher a thread of the pool. */
	struct rules *matchers;
	int nmatchers;
	struct scan_task *tasks;
	size_t ntasks;
};

/* Pass 1 of a window this many lines long or more runs in the pool. */
#define SCAN_SPLIT	4096
/* Lines a task. */
#define SCAN_CHUNK	1024

struct boilerplate *
boilerplate_new(char *err, size_t errlen)
{
	struct boilerplate *bp;

	if ((bp = calloc(1, sizeof *bp)) == NULL ||
	    rules_init(&bp->rules) < 0) {
		snprintf(err, errlen, "out of memory");
		boilerplate_free(bp);
		return NULL;
	}
	if (rules_parse(&bp->rules, (const char *)sp_data_boilerplate_rules,
	    sp_data_boilerplate_rules_len, "boilerplate.rules", err,
	    errlen) < 0) {
		boilerplate_free(bp);
		return NULL;
	}
	return bp;
}

struct boilerplate *
boilerplate_clone(const struct boilerplate *bp)
{
	struct boilerplate *c;

	if ((c = calloc(1, sizeof *c)) == NULL)
		return NULL;
	if (rules_clone(&c->rules, &bp->rules) < 0) {
		free(c);
		return NULL;
	}
	return c;
}

int
boilerplate_load(struct boilerplate *bp, const char *text, size_t len,
    const char *name, char *err, size_t errlen)
{
	return rules_parse(&bp->rules, text, len, name, err, errlen);
}

void
boilerplate_free(struct boilerplate *bp)
{
	size_t i;
	int k;

	if (bp == NULL)
		return;
	for (k = 0; k < bp->nmatchers; k++)
		rules_free(&bp->matchers[k]);
	free(bp->matchers);
	for (i = 0; i < bp->ntasks; i++)
		sp_buf_free(&bp->tasks[i].msgs);
	free(bp->tasks);
	if (bp->rules.mctx)
		rules_free(&bp->rules);
	free(bp->lines);
	free(bp);
}

/*
 * A paragraph of prose, which pages have only in their documents: long
 * enough, punctuated like sentences, mostly words rather than symbols.
 * Titles ("…，…？ - 站名") are not: too short, or not ended.
 */
static int
prose(const struct line *l)
{
	size_t punct = l->f.sentence + l->f.clause;

	if ((l->f.han + l->f.alnum) * 10 < l->f.chars * 6)
		return 0;
	return (l->f.chars >= 40 && punct >= 3 && (l->f.inner_sentence > 0 ||
	    l->f.last == 0x3002 || l->f.last == '.')) ||
	    (l->f.chars >= 80 && punct >= 3);
}

/*
 * A long paragraph of sentences (1,200 bytes, three full stops, ended):
 * known to be prose without looking at every character.
 */
static int
long_prose(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	int stops = 0;

	if (n < 3 * PROSE_CHARS + 300 || !lf_ends_sentence(s, n))
		return 0;
	while (stops < 3 && (p = memmem(p, (size_t)(end - p), "。", 3))) {
		stops++;
		p += 3;
	}
	return stops == 3;
}

/* Site furniture without doubt, from the first pass alone. */
static int
furniture(const struct line *l)
{
	return l->h.vocab > 0 || l->heading || l->h.nav_hits > 0 ||
	    l->h.inline_list;
}

/*
 * Moves the document's edge from `from` (its first anchor, dir 1; its
 * last, dir -1) past stray anchors: one or two prose lines in the page's
 * furniture (a teaser, a notice, a garbled footer), cut off from the
 * document by eight lines or more that are mostly furniture.  A gap of
 * ordinary short lines (a list in a speech) keeps the anchors.
 */
static size_t
trim_stray(const struct line *v, size_t from, size_t to, int dir)
{
	size_t i, gap, furn, strays;

	for (;;) {
		/* Up to two anchors at the edge, then a gap. */
		strays = 0;
		i = from;
		for (;;) {
			if (v[i].anchor)
				strays++;
			if (i == to)
				return from;
			if (strays > 2)
				return from;
			gap = 0;
			furn = 0;
			while (i != to && !v[i + dir].anchor) {
				i += dir;
				gap++;
				furn += furniture(&v[i]) != 0;
			}
			if (i == to)
				return from;
			i += dir;	/* the next anchor */
			if (gap >= 8 && furn * 2 >= gap)
				break;
		}
		from = i;
	}
}

/* Adds w to the line's score, remembering the reason of the largest. */
static void
add(struct line *l, int w, const char *why)
{
	l->score += w;
	if (w > l->best) {
		l->best = w;
		l->why = why;
		l->why_rule = NULL;
		l->why_list = NULL;
	}
}

/* Separators between the segments of a breadcrumb or a menu. */
struct segs {
	int gt;		/* > » › → ＞ */
	int bars;	/* | ｜ 丨 and a spaced / */
	int nseg;	/* segments with text */
	size_t maxseg;	/* characters in the longest */
};

static void
segments(const char *s, size_t n, struct segs *g)
{
	size_t i = 0, k, cur = 0;
	int32_t cp, prev = 0, next;
	int sep, tag = 0;

	memset(g, 0, sizeof *g);
	while (i < n) {
		cp = lf_first(s + i, n - i, &k);
		next = i + k < n ? lf_first(s + i + k, n - i - k, NULL) : 0;
		sep = 0;
		/* The > closing a tag ("<\/p>") separates nothing. */
		if (cp == '<')
			tag = 1;
		else if (cp == '>' && tag)
			tag = 0;
		else if (cp == '>' || cp == 0xBB || cp == 0x203A ||
		    cp == 0x2192 || cp == 0xFF1E) {
			if (prev != cp)
				g->gt++;
			sep = 1;
		} else if (cp == '|' || cp == 0xFF5C || cp == 0x4E28 ||
		    (cp == '/' && (prev == ' ' || next == ' ')) ||
		    (cp == '_' && (prev >= 0x80 || next >= 0x80))) {
			if (prev != cp)
				g->bars++;
			sep = 1;
		}
		if (sep) {
			if (cur > 0)
				g->nseg++;
			if (cur > g->maxseg)
				g->maxseg = cur;
			cur = 0;
		} else if (cp != ' ') {
			cur++;
		}
		prev = cp;
		i += k;
	}
	if (cur > 0)
		g->nseg++;
	if (cur > g->maxseg)
		g->maxseg = cur;
}

/* A line of decoration only: - | _ = ~ — – · •, not redaction marks. */
static int
decoration(const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		cp = lf_first(s + i, n - i, &k);
		switch (cp) {
		case '-': case '|': case '_': case '=': case '~': case ' ':
		case 0x2014: case 0x2013: case 0xB7: case 0x2022: case 0xFF5C:
		case 0x394: case 0x25B2: case 0x25BC: case 0xFFE5: case '>':
		case '<': case 0x2191:
			break;
		default:
			return 0;
		}
		i += k;
	}
	return n > 0;
}

/*
 * Template code or markup: "{{# if(!v.x){ }}", mostly symbols.  Redaction
 * marks (****, ×××) and placeholder dots have none of { } ( ) = ; $ < >.
 */
static int
code_like(const struct line *l)
{
	size_t i, syms = 0;

	if (l->f.chars < 4 || (l->f.han + l->f.alnum) * 2 >= l->f.chars)
		return 0;
	for (i = 0; i < l->n; i++)
		if (strchr("{}()=;$<>", l->s[i]) && l->s[i] != '\0')
			syms++;
	return syms >= 2;
}

/*
 * A heading over a list that ends in "MORE" or "更多>>": the lines after
 * it are links.
 */
static int
more_heading(const struct line *l)
{
	static const char *const ends[] = { "MORE", "MORE+", "More",
	    "更多>>", "更多+", "更多»", "更多>", ">>", "更多", NULL };
	size_t i, m, n = l->n;

	while (n > 0 && (l->s[n - 1] == ' ' || l->s[n - 1] == '+'))
		n--;
	if (l->f.chars > 20 || l->f.sentence > 0)
		return 0;
	for (i = 0; ends[i]; i++) {
		m = strlen(ends[i]);
		if (n > m && memcmp(l->s + n - m, ends[i], m) == 0)
			return 1;
	}
	return 0;
}

/* A date, a time, a count: "2022-11-10", "4599", "[06-01]", "12:30". */
static int
date_like(const struct line *l)
{
	size_t i = 0, k;
	int32_t cp;

	if (l->f.chars > 24 || l->n == 0)
		return 0;
	while (i < l->n) {
		cp = lf_first(l->s + i, l->n - i, &k);
		if (!((cp >= '0' && cp <= '9') || cp == '-' || cp == '/' ||
		    cp == ':' || cp == ' ' || cp == '.' || cp == '[' ||
		    cp == ']' || cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 ||
		    cp == 0x65F6 || cp == 0x5206 || cp == 0x79D2 ||
		    cp == 0xFF1A || cp == 0x3010 || cp == 0x3011))
			return 0;	/* digits, - / : . [] 年月日时分秒 */
		i += k;
	}
	return 1;
}

/* Ends cut short: "…", "...", "……" after a word. */
static int
truncated(const struct line *l)
{
	size_t k;
	int32_t cp;

	if (l->n >= 3 && memcmp(l->s + l->n - 3, "...", 3) == 0)
		return 1;
	cp = lf_last(l->s, l->n, &k);
	return cp == 0x2026;
}

/*
 * Is line i the page's title followed by the site's name: "T_site",
 * "T - site", "T | site", where T is another line of the page?
 */
static int
title_with_site(struct line *v, size_t nlines, size_t i)
{
	const struct line *l = &v[i];
	size_t p = 0, k, t, j, span;
	int32_t cp;

	span = nlines < TITLE_SPAN ? nlines : TITLE_SPAN;
	while (p < l->n) {
		cp = lf_first(l->s + p, l->n - p, &k);
		if (cp == '_' || cp == '-' || cp == '|' || cp == 0xFF5C ||
		    cp == 0x2013 || cp == 0x2014 || cp == 0xFF3F ||
		    cp == 0x2014) {
			t = p;
			while (t > 0 && l->s[t - 1] == ' ')
				t--;
			if (t >= 8) {
				for (j = 0; j < span; j++) {
					if (j != i && v[j].n == t &&
					    memcmp(v[j].s, l->s, t) == 0) {
						v[j].title = 1;
						return 1;
					}
				}
			}
		}
		p += k;
	}
	return 0;
}

/*
 * The first line of a page is often its <title>: junk, then the title,
 * then the site's name.  A later line that begins with the title (30 bytes
 * of it or more) is the document's own title line, maybe with a date or a
 * source glued on: it is protected.
 */
static void
mark_title_lines(struct line *v, size_t nlines)
{
	const struct line *t = &v[0];
	size_t j, p, k, m, span, tries;

	if (nlines < 2 || t->f.chars > 120 || v[0].title)
		return;
	span = nlines < TITLE_SPAN ? nlines : TITLE_SPAN;
	for (j = 1; j < span; j++) {
		if (v[j].n < 30 || v[j].site_title)
			continue;
		for (p = 0, tries = 0; p + 30 <= t->n && tries < 40;
		    p += k, tries++) {
			(void)lf_first(t->s + p, t->n - p, &k);
			m = t->n - p < v[j].n ? t->n - p : v[j].n;
			if (m >= 30 && memcmp(t->s + p, v[j].s, 30) == 0 &&
			    memcmp(t->s + p, v[j].s, m) == 0) {
				v[j].title = 1;
				break;
			}
		}
	}
}

/*
 * Is line i a breadcrumb whose separators were lost ("首页高考志愿" + the
 * title): a short trail of menu words, then a later line in full?
 */
static int
trail_to_title(struct line *v, size_t nlines, size_t i)
{
	const struct line *l = &v[i];
	size_t j, end = i + 30 < nlines ? i + 30 : nlines, lead;

	if (l->h.nav_hits == 0 || l->f.chars > 150)
		return 0;
	for (j = i + 1; j < end; j++) {
		if (v[j].n < 8 || v[j].n >= l->n)
			continue;
		lead = l->n - v[j].n;
		if (lead <= 60 && memcmp(l->s + lead, v[j].s, v[j].n) == 0) {
			v[j].title = 1;
			return 1;
		}
	}
	return 0;
}

/* Characters of the line other than spaces. */
static size_t
visible(const struct line *l)
{
	size_t i, sp = 0;

	for (i = 0; i < l->n; i++)
		if (l->s[i] == ' ')
			sp++;
	return l->f.chars - sp;
}

/* Mostly menu words: "网站首页", "首页 新闻 产品中心". */
static int
nav_line(const struct line *l)
{
	size_t vis = visible(l);

	return l->h.nav_hits > 0 && vis > 0 && l->f.sentence == 0 &&
	    l->f.clause == 0 && l->f.chars <= 60 &&
	    l->h.nav_chars * 2 >= vis;
}

/* The features of one line alone. */
static void
score_line(struct line *v, size_t nlines, size_t i)
{
	struct line *l = &v[i];
	struct segs g;
	int punctuated;

	l->score = l->h.vocab;
	l->best = 0;
	if (l->h.best) {
		l->best = l->h.best->weight;
		l->why_rule = l->h.best;
	}
	if (l->f.chars > PROSE_CHARS && l->f.sentence >= 3)
		return;
	/* Colons of "电话：… 地址：…" labels are not a sentence's. */
	punctuated = (l->f.sentence > 0 || l->f.clause - l->f.colons >= 2) &&
	    (l->f.han + l->f.alnum) * 10 >= l->f.chars * 6;
	if (l->title) {
		/* The document's title, whatever it looks like. */
		add(l, -10, NULL);
		return;
	}
	if (l->f.seps > 0 || memchr(l->s, '_', l->n))
		segments(l->s, l->n, &g);
	else {
		memset(&g, 0, sizeof g);
		g.nseg = 1;
		g.maxseg = l->f.chars;
	}
	if ((g.gt >= 2 && l->f.sentence == 0 && l->f.chars <= 150) ||
	    (g.gt == 1 && l->h.nav_hits > 0 && l->f.sentence == 0 &&
	    l->f.chars <= 60) ||
	    (l->zone == ZONE_HEAD && trail_to_title(v, nlines, i))) {
		add(l, 10, "breadcrumb");
		l->breadcrumb = 1;
	}
	if (g.gt + g.bars >= 2 && g.nseg >= 3 && g.maxseg <= 12 &&
	    l->f.sentence == 0)
		add(l, 10, "menu");
	else if (nav_line(l) && (l->h.nav_hits >= 2 || l->zone != ZONE_BODY))
		add(l, 10, "menu");
	/* Chinese words between spaces (in Latin text spaces part words). */
	if (l->f.spaces >= 3 && l->f.sentence == 0 && l->f.clause == 0 &&
	    l->f.han > l->f.alnum && visible(l) <= (l->f.spaces + 1) * 12)
		add(l, 7, "list of keywords");
	if (decoration(l->s, l->n))
		add(l, 10, "decoration");
	if (code_like(l))
		add(l, 7, "markup or code");
	if (l->h.inline_list) {
		add(l, 10, "list of links after");
		if (l->why && strcmp(l->why, "list of links after") == 0)
			l->why_list = l->h.inline_list->text;
	}
	if (l->site_title)
		add(l, 10, "page title with the site's name");
	/* Where the page puts its furniture, evidence counts for more. */
	if (l->score > 0 && l->zone != ZONE_BODY) {
		add(l, 3, "head or tail of the page");
		if (l->f.chars <= 30 && l->f.sentence == 0)
			add(l, 2, "short line at the head or tail");
	}
	if (punctuated) {
		if (l->f.chars >= 200)
			add(l, -15, NULL);
		else if (l->f.chars >= 80)
			add(l, -6, NULL);
		else if (l->f.chars >= 30)
			add(l, -3, NULL);
	}
	if (l->zone == ZONE_BODY && l->f.marker != LF_NONE &&
	    l->f.marker != LF_BULLET)
		add(l, -5, NULL);
}

/* Could line l be an entry of a list of links? */
static int
item_like(const struct line *v, size_t nlines, size_t j, int threshold)
{
	const struct line *l = &v[j];

	if (l->heading || l->score >= threshold || date_like(l))
		return 1;
	/* A title: short, no full stop (？ and ！ are common in titles). */
	if (l->f.chars <= 50 && memmem(l->s, l->n, "。", 3) == NULL)
		return 1;
	if (l->f.chars <= 160 && truncated(l))
		return 1;
	/* A teaser: a short paragraph next to its date. */
	if (l->f.chars <= 160 && ((j + 1 < nlines && date_like(&v[j + 1])) ||
	    (j > 0 && date_like(&v[j - 1]))))
		return 1;
	return 0;
}

static void
mark(struct line *l, int threshold, const char *why, const char *list)
{
	if (l->score >= threshold)
		return;
	/* Structure is strong evidence, as strong as a word of weight 10. */
	l->score = (l->score > 0 ? l->score : 0) + 10;
	l->best = 10;
	l->why = why;
	l->why_rule = NULL;
	l->why_list = list;
}

/* The link-like lines after a list heading go with it. */
static void
score_lists(struct line *v, size_t nlines, int threshold)
{
	size_t i, j;
	const char *list;

	for (i = 0; i < nlines; i++) {
		if (!v[i].heading)
			continue;
		list = v[i].h.list ? v[i].h.list->text : "a \"more\" link";
		mark(&v[i], threshold, "list heading", list);
		for (j = i + 1; j < nlines && !v[j].heading &&
		    !(v[j].title && v[j].zone == ZONE_HEAD) &&
		    !v[j].breadcrumb && item_like(v, nlines, j, threshold);
		    j++)
			mark(&v[j], threshold, "list of links after", list);
		i = j - 1;
	}
}

/* A short line of a menu: no punctuation, not a heading. */
static int
short_item(const struct line *l)
{
	return l->f.chars <= 12 && l->f.sentence == 0 && l->f.clause == 0 &&
	    (l->f.marker == LF_NONE || l->f.marker == LF_BULLET) && !l->title;
}

/*
 * The rank a line of a ranking opens with ("1早财经…", "10 麦趣尔…"), or 0:
 * one or two digits straight before the title, no enumerator punctuation.
 */
static int
rank_of(const struct line *l)
{
	int r = 0;
	size_t i = 0;

	while (i < l->n && i < 2 && l->s[i] >= '0' && l->s[i] <= '9')
		r = r * 10 + (l->s[i++] - '0');
	if (i == 0 || i == l->n || (l->s[i] >= '0' && l->s[i] <= '9'))
		return 0;
	if (l->f.marker != LF_NONE || l->f.chars > 50 ||
	    memmem(l->s, l->n, "。", 3))
		return 0;
	return r;
}

/*
 * Outside the document, a run of lines ranked 1, 2, 3… is a list of the
 * site's most read pages.
 */
static void
score_rankings(struct line *v, size_t nlines, int threshold)
{
	size_t i, j, k;

	for (i = 0; i < nlines; i = j) {
		if (rank_of(&v[i]) != 1 || v[i].zone == ZONE_BODY) {
			j = i + 1;
			continue;
		}
		for (j = i + 1; j < nlines && rank_of(&v[j]) ==
		    rank_of(&v[j - 1]) + 1; j++)
			;
		/* A sentence after it: a numbered list of the document's. */
		if (j - i >= 3 && !(j < nlines && v[j].f.final &&
		    v[j].f.clause > 0))
			for (k = i; k < j; k++)
				mark(&v[k], threshold, "ranked list of links",
				    NULL);
	}
}

/* A field of a form: "您的姓名：", "*邮箱：". */
static int
form_field(const struct line *l)
{
	return l->f.chars <= 10 && (l->f.last == 0xFF1A || l->f.last == ':') &&
	    l->f.clause == 1 && l->f.sentence == 0;
}

/*
 * Three form fields in a row outside the document are a form ("同志们："
 * alone is a salutation, and a template's fields between paragraphs are
 * the document's).
 */
static void
score_forms(struct line *v, size_t nlines, int threshold)
{
	size_t i, j, k;

	for (i = 0; i < nlines; i = j + 1) {
		for (j = i; j < nlines && form_field(&v[j]); j++)
			;
		if (j - i >= 3 && (v[i].zone != ZONE_BODY ||
		    v[j - 1].zone != ZONE_BODY))
			for (k = i; k < j; k++)
				mark(&v[k], threshold, "form", NULL);
	}
}

/* Is short line l evidence of a menu in its zone? */
static int
menu_hit(const struct line *l, int threshold)
{
	if (l->h.vocab > 0 || l->score >= threshold)
		return 1;
	if (!nav_line(l))
		return 0;
	/* Between paragraphs, only lines made wholly of menu words. */
	return l->zone != ZONE_BODY || l->h.nav_chars >= visible(l);
}

/*
 * Runs of short lines among menu words are menus.  Only the stretch from
 * the first menu line to the last goes: the short lines after a menu at
 * the head of a page are the document's title block, those before a menu
 * at its tail its signature.
 */
static void
score_menus(struct line *v, size_t nlines, int threshold)
{
	size_t i, j, k, len, hits, first, last;
	int edge, ok;

	for (i = 0; i < nlines; i = j) {
		if (!short_item(&v[i])) {
			j = i + 1;
			continue;
		}
		hits = 0;
		first = last = i;
		for (j = i; j < nlines && short_item(&v[j]); j++) {
			if (menu_hit(&v[j], threshold)) {
				if (hits++ == 0)
					first = j;
				last = j;
			}
		}
		len = j - i;
		edge = v[i].zone != ZONE_BODY || v[j - 1].zone != ZONE_BODY;
		if (edge)
			ok = hits >= 2 || (len >= 5 && hits >= 1) ||
			    (len == 1 && hits == 1 && v[i].f.chars <= 8 &&
			    nav_line(&v[i]));
		else
			ok = hits >= 3 && hits * 2 >= len;
		if (!ok)
			continue;
		/* At the head a menu runs from the run's start (the site's
		 * name); at the tail, to the run's end. */
		if (v[i].zone == ZONE_HEAD)
			first = i;
		if (v[j - 1].zone == ZONE_TAIL)
			last = j - 1;
		for (k = first; k <= last; k++)
			mark(&v[k], threshold, "menu", NULL);
	}
}

static void
put(struct sp_buf *out, const void *s, size_t n)
{
	if (sp_buf_append(out, s, n) < 0)
		sp_oom();
}

static void
explain_line(const struct line *l, boilerplate_explain_fn explain, void *ctx)
{
	char why[160];

	if (l->why_list)
		snprintf(why, sizeof why, "%s %s", l->why, l->why_list);
	else if (l->why_rule && l->h.best_len > 0 && l->h.best_len <= 60)
		snprintf(why, sizeof why, "site vocabulary: %.*s",
		    (int)l->h.best_len, l->s + l->h.best_at);
	else if (l->why_rule)
		snprintf(why, sizeof why, "site vocabulary: %s",
		    l->why_rule->text);
	else
		snprintf(why, sizeof why, "%s", l->why ? l->why : "score");
	explain(l->s, l->n, why, ctx);
}

/* Pass 1 for one line: its features and what the vocabulary says. */
static void
scan_line(struct rules *r, struct line *l)
{
	size_t mlen;

	if (long_prose(l->s, l->n)) {
		/* Nothing in it is scored: skip the scan too. */
		l->f.marker = lf_marker(l->s, l->n, NULL);
		l->f.chars = l->f.han = l->n / 3;
		l->f.sentence = l->f.stops = 3;
		l->f.inner_sentence = 2;
		l->f.last = 0x3002;
		l->f.final = 1;
	} else
		lf_scan(l->s, l->n, &l->f);
	if (!(l->f.chars > PROSE_CHARS && l->f.sentence >= 3)) {
		mlen = 0;
		if (l->f.marker == LF_BULLET)
			(void)lf_marker(l->s, l->n, &mlen);
		rules_match(r, l->s, l->n, mlen,
		    l->f.chars > 150 && l->f.sentence > 0, &l->h);
	}
	l->heading = l->h.list != NULL || more_heading(l);
}

static void
run_scan(struct pool_task *t, int thread)
{
	struct scan_task *c = (struct scan_task *)t;
	struct sp_buf *was = sp_warn_capture(&c->msgs);
	size_t i;

	for (i = c->from; i < c->to; i++)
		scan_line(&c->bp->matchers[thread], &c->bp->lines[i]);
	sp_warn_capture(was);
}

/*
 * Pass 1 over lines[0..nlines): in the pool, a chunk of lines a task and a
 * matcher a thread, when there are enough lines; else here.
 */
static void
scan_lines(struct boilerplate *bp, struct pool *pool, size_t nlines)
{
	size_t i, n = (nlines + SCAN_CHUNK - 1) / SCAN_CHUNK;
	int k;

	if (nlines < SCAN_SPLIT) {
		for (i = 0; i < nlines; i++)
			scan_line(&bp->rules, &bp->lines[i]);
		return;
	}
	if (bp->nmatchers < pool_threads(pool)) {
		k = pool_threads(pool);
		bp->matchers = sp_xrealloc(bp->matchers, (size_t)k *
		    sizeof *bp->matchers);
		for (; bp->nmatchers < k; bp->nmatchers++)
			if (rules_clone(&bp->matchers[bp->nmatchers],
			    &bp->rules) < 0)
				sp_oom();
	}
	if (bp->ntasks < n) {
		bp->tasks = sp_xrealloc(bp->tasks, n * sizeof *bp->tasks);
		memset(bp->tasks + bp->ntasks, 0,
		    (n - bp->ntasks) * sizeof *bp->tasks);
		bp->ntasks = n;
	}
	for (i = 0; i < n; i++) {
		bp->tasks[i].task.run = run_scan;
		bp->tasks[i].bp = bp;
		bp->tasks[i].from = i * SCAN_CHUNK;
		bp->tasks[i].to = i + 1 < n ? (i + 1) * SCAN_CHUNK : nlines;
		pool_submit(pool, &bp->tasks[i].task);
	}
	for (i = 0; i < n; i++) {
		pool_wait(pool, &bp->tasks[i].task);
		/* Their messages, in the order of the lines. */
		sp_warn_pass(&bp->tasks[i].msgs);
	}
}

/*
 * Scores the lines of doc[0..len), at most WINDOW of them, appending the
 * kept ones to out (*started: out already holds a line).  Returns the
 * number dropped; *rest gets where the lines not taken begin, or NULL.
 */
static size_t
filter_window(struct boilerplate *bp, const char *doc, size_t len,
    struct sp_buf *out, int *started, const char **rest,
    boilerplate_explain_fn explain, void *ctx, struct pool *pool)
{
	const char *s = doc, *end = doc + len, *nl;
	size_t nlines = 0, i, first, last, dropped = 0;
	struct line *v, *l;
	int threshold = bp->rules.threshold, any = 0;

	/* Pass 1: features, vocabulary, anchors. */
	first = SIZE_MAX;
	last = 0;
	*rest = NULL;
	for (;;) {
		if (nlines == WINDOW) {
			*rest = s;
			break;
		}
		nl = memchr(s, '\n', (size_t)(end - s));
		if (nlines == bp->cap) {
			bp->cap = bp->cap ? bp->cap * 2 : 256;
			bp->lines = sp_xrealloc(bp->lines,
			    bp->cap * sizeof *bp->lines);
		}
		l = &bp->lines[nlines];
		memset(l, 0, sizeof *l);
		l->s = s;
		l->n = (size_t)((nl ? nl : end) - s);
		if (pool == NULL)
			scan_line(&bp->rules, l);
		nlines++;
		if (!nl)
			break;
		s = nl + 1;
	}
	if (pool)
		scan_lines(bp, pool, nlines);
	v = bp->lines;
	for (i = 0; i < nlines && i < 3; i++)
		v[i].site_title = v[i].f.sentence <= 3 &&
		    title_with_site(v, nlines, i);
	mark_title_lines(v, nlines);
	for (i = 0; i < nlines; i++) {
		l = &v[i];
		l->anchor = prose(l) && l->h.vocab < 5 && !l->heading &&
		    !l->site_title;
		if (l->anchor) {
			if (!any)
				first = i;
			last = i;
			any = 1;
		}
	}
	if (any) {
		first = trim_stray(v, first, last, 1);
		last = trim_stray(v, last, first, -1);
	}
	for (i = 0; i < nlines; i++)
		v[i].zone = !any ? ZONE_BODY : i < first ? ZONE_HEAD :
		    i > last ? ZONE_TAIL : ZONE_BODY;
	/* Pass 2: each line alone; pass 3: lists and menus. */
	for (i = 0; i < nlines; i++)
		score_line(v, nlines, i);
	score_lists(v, nlines, threshold);
	score_menus(v, nlines, threshold);
	score_forms(v, nlines, threshold);
	score_rankings(v, nlines, threshold);
	for (i = 0; i < nlines; i++) {
		l = &v[i];
		if (l->score >= threshold) {
			dropped++;
			if (explain)
				explain_line(l, explain, ctx);
			continue;
		}
		if (*started)
			put(out, "\n", 1);
		put(out, l->s, l->n);
		*started = 1;
	}
	return dropped;
}

size_t
boilerplate_filter(struct boilerplate *bp, const char *doc, size_t len,
    struct sp_buf *out, boilerplate_explain_fn explain, void *ctx,
    struct pool *pool)
{
	const char *rest;
	size_t dropped = 0;
	int started = 0;

	sp_buf_clear(out);
	if (sp_buf_reserve(out, len) < 0)
		sp_oom();
	/* A document of very many lines is scored a window at a time, so
	 * memory stays bounded whatever the line count. */
	for (;;) {
		dropped += filter_window(bp, doc, len, out, &started, &rest,
		    explain, ctx, pool);
		if (rest == NULL)
			break;
		len -= (size_t)(rest - doc);
		doc = rest;
	}
	return dropped;
}
