/*
 * edges.c: the site's lines at the edges of a page's article; see
 * edges.h.
 *
 * Two walks find the article's edges: one down from the page's top, one
 * up from its end, each over the lines that are not the article's
 * paragraphs to the first that is.  The paragraphs the walks pass in the
 * site's voice are the site's; the lines after the article's last
 * paragraph are looked through for runs of titles.  Only the lines the
 * walks pass are matched against the site's voice: the article's text is
 * not read again.
 */
#include <stddef.h>
#include <stdint.h>

#include "edges.h"
#include "layout.h"
#include "linefeat.h"

/* Han characters of a paragraph whose words the walks weigh: fewer is a
 * button or a label with a full stop, not a paragraph. */
#define PARAGRAPH_HAN	8
/* Characters of a paragraph in the site's voice, at most: a site says
 * its piece in two or three sentences (112 characters on a 范文 site's
 * page); a longer paragraph is the article's, and is not read again. */
#define VOICE_CHARS	400
/*
 * A title of a list of articles: Han characters, at least (a poem's line
 * of seven without its punctuation is no title), and characters, at most
 * (a longer line is a paragraph cut short, or a headline a page prints
 * once).
 */
#define TITLE_HAN	8
#define TITLE_CHARS	40
/* Titles in a run that make a list, and under a list heading (相关推荐). */
#define TITLE_RUN	3
#define TITLE_RUN_HEADED 2

/* A paragraph: a sentence in it, and Han enough. */
static int
paragraph(const struct line *l)
{
	return l->n > 0 && l->f.sentence > 0 && l->f.han >= PARAGRAPH_HAN;
}

/*
 * After the article, what a list of others' articles prints and no
 * paragraph of the article is: a teaser cut short (…), or a line of a
 * title's length with no full stop (我亲爱的小孩这首歌叫什么，歌曲作者是
 * 谁？).  Not before the article: a page may open with the question its
 * article answers (成考函授大专学历国家承认吗？).  A speech's last cheer
 * (让我们携手共创美好未来！) is passed too, but is no title (asks()).
 */
static int
list_line(const struct line *l)
{
	return layout_truncated(l) ||
	    (l->f.stops == 0 && l->f.chars <= TITLE_CHARS);
}

/* Does l end as a question does (a title may; a cheer is a speech's)? */
static int
asks(const struct line *l)
{
	return l->f.last == 0xFF1F || l->f.last == '?';
}

int
edges_voice(struct rules *voice, const struct line *l)
{
	struct rule_hits h;

	rules_match(voice, l->s, l->n, 0, 1, &h);
	return h.vocab;
}

int
edges_invites(struct rules *voice, const struct line *l)
{
	struct rule_hits h;

	if (l->h.best == NULL)
		return 0;
	rules_match(voice, l->s + l->h.best_at, l->h.best_len, 0, 1, &h);
	return h.vocab > 0;
}

/* Do the words of site-voice.rules in l weigh their threshold? */
static int
voiced(struct rules *voice, const struct line *l)
{
	return edges_voice(voice, l) >= voice->threshold;
}

/*
 * Walks from line from, down or up, over what is not the article's
 * paragraphs, marking those in the site's voice: lines of no paragraph
 * (a headline, a menu, a date) and paragraphs of the site's vocabulary
 * (版权所有…。) are passed, and the walk stops at the first paragraph that
 * is none of these.  Not passed, a paragraph whose heaviest word of the
 * site's is an invitation the site's voice has too: a speech's first
 * paragraph may hold two (下面，我讲几点意见，供大家参考，希望对大家有所
 * 帮助。), the site's offer of what it gathered not.  Returns its index,
 * or nlines when there is none: the page is then the site's words alone,
 * or has no paragraph, and what the walk marked is not taken (a page
 * that is a site's notice keeps it).
 */
static size_t
walk(struct line *v, size_t nlines, size_t from, int down,
    struct rules *voice, int threshold)
{
	size_t i = from, n;

	for (n = 0; n < nlines; n++, i = down ? i + 1 : i - 1) {
		struct line *l = &v[i];

		if (!paragraph(l) || (!down && list_line(l)))
			continue;
		if (l->f.chars <= VOICE_CHARS && voiced(voice, l)) {
			l->edge = EDGE_VOICE;
			continue;
		}
		if (!l->unjudged && l->h.vocab >= threshold &&
		    !edges_invites(voice, l))
			continue;
		return i;
	}
	for (i = 0; i < nlines; i++)
		if (v[i].edge == EDGE_VOICE)
			v[i].edge = EDGE_NONE;
	return nlines;
}

/*
 * A title as a list of articles prints it: a short line of Han with no
 * sentence end but a question's, one comma at most (a clause of prose
 * has more), one
 * separator at most (权威发布｜2022年7月全省火灾情况), no heading's number
 * (一、 1. （一）: the document's own list), and nothing of a table's row
 * or a label's value: no date, time, phone number or address in it
 * (促销时间 2020年03月25日-2020年03月25日), no dump token.
 */
static int
title_shaped(const struct line *l, const struct shape *sh)
{
	return l->f.han >= TITLE_HAN && l->f.chars <= TITLE_CHARS &&
	    l->f.stops == 0 && (!l->f.final || asks(l)) && l->f.clause <= 1 &&
	    l->f.seps <= 1 &&
	    (l->f.marker == LF_NONE || l->f.marker == LF_BULLET) &&
	    !l->unjudged && sh->pattern == 0 && sh->tokens == 0;
}

/* A title's teaser, cut short (…): Han enough (a line of dots is a
 * document's placeholder). */
static int
teaser(const struct line *l)
{
	return layout_truncated(l) && l->f.han >= TITLE_HAN;
}

/* What may stand between a list's titles: its heading, a teaser, a
 * date. */
static int
between_titles(const struct line *l)
{
	return l->heading || teaser(l) || layout_date_like(l);
}

/* Does l end with a colon, a label before what it introduces? */
static int
label(const struct line *l)
{
	return l->f.last == 0xFF1A || l->f.last == ':';
}

/*
 * Is l the site's by its words: its vocabulary weighs the threshold
 * (分享到：, （责任编辑：王明）, 上一篇：…), or it is a list on one line
 * (推荐访问：…)?  Not by the layout's score, which a document's own short
 * lines after its text get as well (2.联系人名单).
 */
static int
site_line(const struct line *l, int threshold)
{
	return l->h.vocab >= threshold || l->h.inline_list != NULL;
}

/*
 * Marks the run of lines v[a..b) (blank lines among them) as a list of
 * others' titles when it is one: TITLE_RUN titles or more, or
 * TITLE_RUN_HEADED under a list heading, and the site's hand on it: the
 * heading, teasers or dates between its titles (two: one may be a
 * signature's, between the body that signs and a list of the site's),
 * or the site's lines between it and the article (site: 分享到：,
 * 上一篇：…, （责任编辑：…）).
 * A document's own list follows its text (现将先进单位名单公布如下。 /
 * 县应急管理局安全生产监督管理股 / …).  Not when a label that no list
 * heading nor the site's is introduces it (附件：, 参会单位：, not
 * 分享到：), nor when a date closes it with none between its titles: the
 * bodies that sign a document, one a line, over its date.  threshold:
 * the weight of the site's vocabulary at which a line is the site's.
 */
static void
mark_run(struct line *v, const struct shape *sh, size_t a, size_t b,
    const struct line *before, int site, int threshold)
{
	size_t i, titles = 0, last = a, dated = 0;
	int headed = 0, teased = 0;

	if (label(before) && !before->heading &&
	    !site_line(before, threshold))
		return;
	for (i = a; i < b; i++)
		if (v[i].n > 0)
			last = i;
	for (i = a; i <= last; i++) {
		const struct line *l = &v[i];

		if (l->n == 0)
			continue;
		if (title_shaped(l, &sh[i]))
			titles++;
		else if (l->heading && titles == 0)
			headed = 1;
		else if (layout_date_like(l) && titles > 0 && i < last)
			dated++;
		else if (teaser(l))
			teased = 1;
	}
	if (layout_date_like(&v[last]) && dated == 0)
		return;
	if (titles < (headed ? TITLE_RUN_HEADED : TITLE_RUN) ||
	    !(headed || dated >= 2 || teased || site))
		return;
	for (i = a; i <= last; i++)
		if (v[i].n > 0)
			v[i].edge = EDGE_TITLES;
}

/*
 * Marks the lists of titles after the article's last paragraph, line
 * end, and the lists written on one line there (推荐访问：… …), which
 * the layout knows (an inline list).  threshold: the weight of the
 * site's vocabulary at which a line is the site's.
 */
static void
mark_titles(struct line *v, const struct shape *sh, size_t nlines,
    size_t end, int threshold)
{
	size_t i, a = 0;
	const struct line *before = &v[end];
	int in_run = 0, site = 0;

	for (i = end + 1; i <= nlines; i++) {
		const struct line *l = i < nlines ? &v[i] : NULL;

		if (l != NULL && l->n == 0)
			continue;
		/* A heading opens a list: the titles above it are not
		 * of it. */
		if (in_run && l != NULL && l->heading) {
			mark_run(v, sh, a, i, before, site, threshold);
			site |= v[a].edge == EDGE_TITLES;
			in_run = 0;
		}
		if (l != NULL && (title_shaped(l, &sh[i]) ||
		    between_titles(l))) {
			if (!in_run)
				a = i;
			in_run = 1;
			continue;
		}
		if (in_run) {
			mark_run(v, sh, a, i, before, site, threshold);
			site |= v[a].edge == EDGE_TITLES;
		}
		in_run = 0;
		if (l == NULL)
			break;
		if (l->h.inline_list != NULL && l->f.sentence == 0)
			v[i].edge = EDGE_TITLES;
		site |= site_line(l, threshold);
		before = l;
	}
}

void
edges_mark(struct line *v, const struct shape *sh, size_t nlines,
    struct rules *voice, int threshold, int first, int last,
    size_t *top, size_t *end)
{
	size_t i;

	*top = *end = nlines;
	for (i = 0; i < nlines; i++)
		v[i].edge = EDGE_NONE;
	if (nlines == 0)
		return;
	*top = first ? walk(v, nlines, 0, 1, voice, threshold) : 0;
	if (*top == nlines)
		return;
	*end = last ? walk(v, nlines, nlines - 1, 0, voice, threshold) :
	    nlines - 1;
	if (last)
		mark_titles(v, sh, nlines, *end, threshold);
}
