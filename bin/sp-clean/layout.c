/*
 * layout.c: where each line of a page stands, and the score the rules and
 * the layout alone give it; see layout.h.
 *
 * The page's title is found (a first line that is another line plus the
 * site's name; lines that begin with the first line's title) and
 * protected, and the anchors: lines of prose, which only a document has.
 * Lines before the first anchor are the head of the page, lines after the
 * last its tail; menus, breadcrumbs and footers live there, so evidence
 * found there counts for more, and evidence found between anchors for
 * less.  A page without prose is all body.  Each line is then scored
 * alone, and last come runs: the link-like lines after a list heading,
 * runs of short menu lines, forms, rankings.
 *
 * Every weight is a judgement for content first: no structure alone drops
 * a line of prose, a heading (一、 （一）), a salutation, a redaction mark
 * or a placeholder line; between anchors only strong evidence counts.
 * These scores are what the step runs on when a rules file replaces the
 * built-in judgement, and features of the learned model otherwise.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "layout.h"

/* Lines longer than this with several sentences are prose, unscored. */
#define PROSE_CHARS	300
/* Only this many lines are compared with a title line. */
#define TITLE_SPAN	300
/* A line may begin at this many characters of the page's first line. */
#define TITLE_TRIES	40

const char *const mark_names[M_NMARKS] = {
	"breadcrumb", "menu", "list of keywords", "decoration",
	"markup or code", "list of links after",
	"page title with the site's name", "head or tail of the page",
	"short line at the head or tail", "list heading",
	"list of links after", "ranked list of links", "form"
};

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
add(struct line *l, int w, int why)
{
	l->score += w;
	if (why >= 0)
		l->marks |= 1u << why;
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

/* Is b a letter, digit or '_' of a script's names? */
static int
name_byte(unsigned char b)
{
	return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
	    (b >= '0' && b <= '9') || b == '_';
}

/*
 * Does s[0..n) hold word w where a script's name would stand: no name's
 * byte before it, and after an object's dot a name (window.onload, not
 * "the window. It")?
 */
static int
script_word(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	const char *p = s, *end = s + n;

	while ((p = memmem(p, (size_t)(end - p), w, m)) != NULL) {
		if ((p == s || !name_byte((unsigned char)p[-1])) &&
		    (w[m - 1] != '.' || (p + m < end &&
		    name_byte((unsigned char)p[m]))))
			return 1;
		p++;
	}
	return 0;
}

/*
 * A line of JavaScript that a text dump left (a counter's snippet,
 * document.write(…), window.onload=…): no Han, a name scripts use
 * (function(, var, document., window., $(), and three of { } ( ) = ; or
 * more.
 * Prose that says "the window." has no such run of marks.
 */
static int
script_like(const struct line *l)
{
	static const char *const words[] = { "function(", "function (",
	    "var ", "document.", "window.", "$(", "jQuery", NULL };
	size_t i, syms = 0;
	int word = 0;

	if (l->f.han > 0 || l->n < 8)
		return 0;
	for (i = 0; words[i] && !word; i++)
		word = script_word(l->s, l->n, words[i]);
	if (!word)
		return 0;
	for (i = 0; i < l->n; i++)
		if (l->s[i] != '\0' && strchr("{}()=;", l->s[i]))
			syms++;
	return syms >= 3;
}

/* Is s[i..n) a CSS property's name, up to its colon?  Moves i past it. */
static int
css_property(const char *s, size_t n, size_t *i)
{
	size_t start = *i;

	while (*i < n && ((s[*i] >= 'a' && s[*i] <= 'z') || s[*i] == '-'))
		++*i;
	if (*i == start)
		return 0;
	while (*i < n && s[*i] == ' ')
		++*i;
	return *i < n && s[*i] == ':';
}

/*
 * A line of a style sheet that a text dump left (its <style> read as
 * text): declarations, "padding:3px 8px; color : red;", each a property
 * name of lower-case letters and hyphens, a colon, a value and a
 * semicolon (the last may close the block), or a rule's selector opening
 * its block, "#NewsTopText img {", in ASCII.  Prose has no such shape.
 */
static int
css_like(const char *s, size_t n)
{
	size_t i = 0, decls = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n)
		return 0;
	if (s[n - 1] == '{') {
		for (; i < n - 1; i++)
			if ((unsigned char)s[i] >= 0x80 ||
			    strchr(";{}()<>=\"'", s[i]))
				return 0;
		return 1;
	}
	if (s[n - 1] == '}')
		n--;
	while (i < n) {
		if (!css_property(s, n, &i))
			return 0;
		while (i < n && s[i] != ';' && s[i] != '{' && s[i] != '}')
			i++;
		if (i >= n || s[i] != ';')
			return 0;
		decls++;
		i++;
		while (i < n && s[i] == ' ')
			i++;
	}
	return decls > 0;
}

/*
 * A heading over a list that ends in "MORE" or "更多>>": the lines after
 * it are links.
 */
int
layout_more_heading(const struct line *l)
{
	/* Their lengths known, and their last bytes compared first: every
	 * line is asked, twice, and few end in any of them. */
#define END(s) { s, sizeof s - 1 }
	static const struct {
		const char *s;
		size_t n;
	} ends[] = { END("MORE"), END("MORE+"), END("More"), END("更多>>"),
	    END("更多+"), END("更多»"), END("更多>"), END(">>"), END("更多") };
#undef END
	size_t i, m, n = l->n;

	if (l->f.chars > 20 || l->f.sentence > 0)
		return 0;
	while (n > 0 && (l->s[n - 1] == ' ' || l->s[n - 1] == '+'))
		n--;
	for (i = 0; i < sizeof ends / sizeof *ends; i++) {
		m = ends[i].n;
		if (n > m && l->s[n - 1] == ends[i].s[m - 1] &&
		    memcmp(l->s + n - m, ends[i].s, m) == 0)
			return 1;
	}
	return 0;
}

int
layout_date_char(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '-' || cp == '/' ||
	    cp == ':' || cp == ' ' || cp == '.' || cp == '[' || cp == ']' ||
	    cp == 0x5E74 || cp == 0x6708 || cp == 0x65E5 || cp == 0x65F6 ||
	    cp == 0x5206 || cp == 0x79D2 || cp == 0xFF1A || cp == 0x3010 ||
	    cp == 0x3011;	/* digits, - / : . [] 年月日时分秒 ：【】 */
}

/* A date, a time, a count: "2022-11-10", "4599", "[06-01]", "12:30". */
int
layout_date_like(const struct line *l)
{
	size_t i = 0, k;
	int32_t cp;

	if (l->f.chars > 24 || l->n == 0)
		return 0;
	while (i < l->n) {
		cp = lf_first(l->s + i, l->n - i, &k);
		if (!layout_date_char(cp))
			return 0;
		i += k;
	}
	return 1;
}

/* Ends cut short: "…", "...", "……" after a word. */
int
layout_truncated(const struct line *l)
{
	size_t k;
	int32_t cp;

	if (l->n >= 3 && memcmp(l->s + l->n - 3, "...", 3) == 0)
		return 1;
	cp = lf_last(l->s, l->n, &k);
	return cp == 0x2026;
}

/* The most lines a title wrapped in the page's source may take. */
#define TITLE_WRAP 3

/*
 * Line i, the last line of the page's title and the site's name, ends
 * a copy of title line j: a title its source wrapped comes so in both
 * places, and the lines before i that are those before j (the same
 * text, line for line) are the title's first lines.
 */
static void
title_wrapped(struct line *v, size_t i, size_t j)
{
	size_t d;

	for (d = 1; d <= TITLE_WRAP && d <= i && d <= j && j - d != i; d++) {
		if (v[i - d].n == 0 || v[i - d].n != v[j - d].n ||
		    memcmp(v[i - d].s, v[j - d].s, v[i - d].n) != 0)
			break;
		v[j - d].title = 1;
	}
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
						title_wrapped(v, i, j);
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
	size_t j, p, k, m, span, q, nat = 0, at[TITLE_TRIES];

	if (nlines < 2 || t->f.chars > 120 || v[0].title)
		return;
	/* Where the title's characters start, found once for all the
	 * lines (for each, they were 1.4% of sp-clean on naive dumps). */
	for (p = 0; p + 30 <= t->n && nat < TITLE_TRIES; p += k) {
		at[nat++] = p;
		(void)lf_first(t->s + p, t->n - p, &k);
	}
	span = nlines < TITLE_SPAN ? nlines : TITLE_SPAN;
	for (j = 1; j < span; j++) {
		if (v[j].n < 30 || v[j].site_title)
			continue;
		for (q = 0; q < nat; q++) {
			p = at[q];
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
/*
 * A menu written on one line: MENU_LINE_BARS bars or more (| ｜ 丨) between
 * items of MENU_LINE_ITEM characters at most, no sentence and no clause
 * (HOWO悍将| 小卡之星| 多利卡D6| …).  Every such line of the labelled pages
 * is the site's; a table written with bars opens with one (| 项目 | …).
 */
#define MENU_LINE_BARS	3
#define MENU_LINE_ITEM	16

static int
opens_with_bar(const char *s, size_t n)
{
	int32_t cp;

	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	if (n == 0)
		return 0;
	cp = lf_first(s, n, NULL);
	return cp == '|' || cp == 0xFF5C || cp == 0x4E28;
}

static void
score_line(struct line *v, size_t nlines, size_t i)
{
	struct line *l = &v[i];
	struct segs g;
	int punctuated;

	l->score = l->h.vocab;
	l->best = 0;
	l->why = -1;
	l->script = 0;
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
		add(l, -10, -1);
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
		add(l, 10, M_BREADCRUMB);
		l->breadcrumb = 1;
	}
	if (g.gt + g.bars >= 2 && g.nseg >= 3 && g.maxseg <= 12 &&
	    l->f.sentence == 0)
		add(l, 10, M_MENU);
	else if (nav_line(l) && (l->h.nav_hits >= 2 || l->zone != ZONE_BODY))
		add(l, 10, M_MENU);
	l->menu_line = g.bars >= MENU_LINE_BARS && g.nseg > MENU_LINE_BARS &&
	    g.maxseg <= MENU_LINE_ITEM && l->f.sentence == 0 &&
	    l->f.clause == 0 && !opens_with_bar(l->s, l->n);
	/* Chinese words between spaces (in Latin text spaces part words). */
	if (l->f.spaces >= 3 && l->f.sentence == 0 && l->f.clause == 0 &&
	    l->f.han > l->f.alnum && visible(l) <= (l->f.spaces + 1) * 12)
		add(l, 7, M_KEYWORDS);
	if (decoration(l->s, l->n))
		add(l, 10, M_DECORATION);
	l->script = script_like(l);
	if (l->script)
		add(l, 10, M_CODE);
	else if (code_like(l) || css_like(l->s, l->n))
		add(l, 7, M_CODE);
	if (l->h.inline_list) {
		add(l, 10, M_INLINE_LIST);
		if (l->why == M_INLINE_LIST)
			l->why_list = l->h.inline_list->text;
	}
	if (l->site_title)
		add(l, 10, M_SITE_TITLE);
	/* Where the page puts its furniture, evidence counts for more. */
	if (l->score > 0 && l->zone != ZONE_BODY) {
		add(l, 3, M_EDGE);
		if (l->f.chars <= 30 && l->f.sentence == 0)
			add(l, 2, M_EDGE_SHORT);
	}
	if (punctuated) {
		if (l->f.chars >= 200)
			add(l, -15, -1);
		else if (l->f.chars >= 80)
			add(l, -6, -1);
		else if (l->f.chars >= 30)
			add(l, -3, -1);
	}
	if (l->zone == ZONE_BODY && l->f.marker != LF_NONE &&
	    l->f.marker != LF_BULLET)
		add(l, -5, -1);
}

/* Could line l be an entry of a list of links? */
static int
item_like(const struct line *v, size_t nlines, size_t j, int threshold)
{
	const struct line *l = &v[j];

	if (l->heading || l->score >= threshold || layout_date_like(l))
		return 1;
	/* A title: short, no full stop (？ and ！ are common in titles). */
	if (l->f.chars <= 50 && !lf_holds(l->s, l->n, "。"))
		return 1;
	if (l->f.chars <= 160 && layout_truncated(l))
		return 1;
	/* A teaser: a short paragraph next to its date. */
	if (l->f.chars <= 160 && ((j + 1 < nlines && layout_date_like(&v[j + 1])) ||
	    (j > 0 && layout_date_like(&v[j - 1]))))
		return 1;
	return 0;
}

static void
mark(struct line *l, int threshold, int why, const char *list)
{
	l->marks |= 1u << why;
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
		mark(&v[i], threshold, M_LIST_HEADING, list);
		for (j = i + 1; j < nlines && !v[j].heading &&
		    !(v[j].title && v[j].zone == ZONE_HEAD) &&
		    !v[j].breadcrumb && item_like(v, nlines, j, threshold);
		    j++)
			mark(&v[j], threshold, M_LIST_ITEM, list);
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
	    lf_holds(l->s, l->n, "。"))
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
				mark(&v[k], threshold, M_RANKING,
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
				mark(&v[k], threshold, M_FORM, NULL);
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
			mark(&v[k], threshold, M_MENU, NULL);
	}
}

void
layout_page(struct line *v, size_t nlines, int threshold)
{
	size_t i, first = SIZE_MAX, last = 0;
	int any = 0;

	for (i = 0; i < nlines && i < 3; i++)
		v[i].site_title = v[i].f.sentence <= 3 &&
		    title_with_site(v, nlines, i);
	mark_title_lines(v, nlines);
	for (i = 0; i < nlines; i++) {
		struct line *l = &v[i];

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
	/* Each line alone, then lists and menus. */
	for (i = 0; i < nlines; i++)
		score_line(v, nlines, i);
	score_lists(v, nlines, threshold);
	score_menus(v, nlines, threshold);
	score_forms(v, nlines, threshold);
	score_rankings(v, nlines, threshold);
}
