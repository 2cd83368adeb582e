/*
 * boilerplate.c: the judge of site furniture; see boilerplate.h.
 *
 * Passes over a document, a window of lines at a time.  The first scans
 * each line: its features (linefeat.h, features.h) and what the
 * vocabulary says (rules.h); on a long document it runs in the pool's
 * threads.  Then the layout of the page (layout.h), the page's sums, and
 * last each line's features go to the model, or to the user's rules
 * first.  A model of two stages scores every line by stage 1 first, then
 * judges each by stage 2, which sees the stage-1 probabilities of the
 * lines around it (bpstack.h).
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boilerplate.h"
#include "buf.h"
#include "utf8.h"
#include "embed.h"
#include "cjk.h"
#include "held.h"
#include "bpfeatures.h"
#include "bpstack.h"
#include "docnum.h"
#include "edges.h"
#include "layout.h"
#include "model.h"
#include "pool.h"
#include "rules.h"
#include "tool.h"
#include "zh.h"

SP_DATA(boilerplate_rules);
SP_DATA(boilerplate_model_table);
SP_DATA(site_voice_rules);

/*
 * Lines longer than this with as many sentences are prose, unscored.
 * A news paragraph is two or three sentences, 100 to 300 characters;
 * at 300 and three, short paragraphs were scored, and lost on lines of
 * sites' vocabulary they carried (a translation widget's "Powered by"),
 * while the sets of prose words the model weighs other lines against
 * took no better.  On the labelled w3m dumps (cross-validated) 120 and
 * two kept 0.9897 of the articles' characters and removed 0.822 of the
 * boilerplate lines, against 0.9890 and 0.808.
 */
#define PROSE_CHARS	120
#define PROSE_SENTENCES	2
/* A line this long with three full stops, ended, is prose unread. */
#define LONG_PROSE	1200
/* Lines scored together; a longer document is scored in windows. */
#define WINDOW		100000
/* Pass 1 of a window this many lines long or more runs in the pool. */
#define SCAN_SPLIT	4096
/* Lines a task. */
#define SCAN_CHUNK	1024
/* Features named in --explain for a dropped line. */
#define EXPLAIN_TOP	3
/* Lines whose stage-1 features are gathered to be scored together. */
#define BATCH		32

/* What a thread matches lines with: the vocabulary, the user's rules. */
struct matcher {
	struct rules rules;
	struct rules user;
};

/* Lines of a long document whose pass 1 runs in some thread. */
struct scan_task {
	struct pool_task task;		/* first: a task is its chunk */
	struct boilerplate *bp;
	size_t from, to;		/* bp->lines[from..to) */
	struct sp_buf msgs;		/* a pattern's warning, in order */
};

struct boilerplate {
	struct matcher m;		/* rules: built in and the user's;
					   user: the user's alone */
	int has_user;			/* the user gave rules */
	struct rules voice;		/* the site's words on its article
					   (edges.h) */
	struct model *model;		/* NULL: the rules alone judge */
	int owns_model;			/* the original, not a clone */
	double cutoff;			/* drop at this probability */
	int dump;			/* write features, drop nothing */
	struct line *lines;
	struct shape *shapes;
	struct rule_hits *user_hits;
	size_t cap;
	struct page_sums sums;
	float x[NFEATURES];
	double contrib[NFEATURES];
	/* A model of two stages: each line's stage-1 probability (NAN:
	 * blank) and length, and the nown stage-1 features of it that
	 * stage 2 uses, own_feat[0..nown), nown a line. */
	float *p1, *len1, *own;
	int own_feat[NFEATURES];
	/* Each line's stage-1 score, as stage1_all() left it, and the
	 * features of the lines it is gathering, a line a row. */
	double *score1;
	float xb[BATCH][NFEATURES];
	int nown;
	struct stack_page stack;
	float x2[NSTAGE2];
	double contrib2[NSTAGE2];
	/* For a long document: a matcher a thread of the pool. */
	struct matcher *matchers;
	int nmatchers;
	struct scan_task *tasks;
	size_t ntasks;
	/* The last filter's kept lines: a byte each, 1 when lines were
	 * dropped right before it (boilerplate_gaps). */
	struct sp_buf gaps;
	/* and each one's number among the lines of the document, a size_t
	 * each (boilerplate_kept). */
	struct sp_buf kept;
	int dropped_before;		/* since the last line kept */
	/* Of the lines judged together (a page, or a window of a long
	 * document): */
	int hides_little;		/* hidden_furniture() may hold */
	size_t main_end;		/* after the last line of the main
					   text (nlines: none) */
	uint32_t main_inside, main_hints;	/* the elements and names
					   around every line of the main
					   text: page-wide wrappers */
	size_t top, end;		/* the article's first and last
					   paragraph (edges.h) */
};

/* The model compiled in, parsed when sp-clean was built (model_table.c). */
static struct model *
builtin_model(char *err, size_t errlen)
{
	struct model *m = model_in_place(sp_data_boilerplate_model_table,
	    sp_data_boilerplate_model_table_len);

	if (m == NULL)
		snprintf(err, errlen, "boilerplate.model.table: not a model "
		    "table of this build, or out of memory");
	return m;
}

/* Which of stage 1's features of a line stage 2 of bp's model uses. */
static void
own_features(struct boilerplate *bp)
{
	int feat[NSTAGE2], n, k;

	bp->nown = 0;
	if (bp->model == NULL || model_stages(bp->model) < 2)
		return;
	n = model_uses(bp->model, 1, feat, NSTAGE2);
	for (k = 0; k < n; k++)
		if (feat[k] >= S1)
			bp->own_feat[bp->nown++] = feat[k] - S1;
	if (bp->cap > 0)
		bp->own = sp_xrealloc(bp->own, bp->cap * (size_t)(bp->nown +
		    1) * sizeof *bp->own);
}

struct boilerplate *
boilerplate_new(char *err, size_t errlen)
{
	struct boilerplate *bp;

	features_init();
	if ((bp = calloc(1, sizeof *bp)) == NULL ||
	    rules_init(&bp->m.rules) < 0 || rules_init(&bp->m.user) < 0 ||
	    rules_init(&bp->voice) < 0) {
		snprintf(err, errlen, "out of memory");
		boilerplate_free(bp);
		return NULL;
	}
	if (rules_parse(&bp->m.rules, (const char *)sp_data_boilerplate_rules,
	    sp_data_boilerplate_rules_len, "boilerplate.rules", err,
	    errlen) < 0 || rules_parse(&bp->voice,
	    (const char *)sp_data_site_voice_rules,
	    sp_data_site_voice_rules_len, "site-voice.rules", err,
	    errlen) < 0 || (bp->model = builtin_model(err, errlen)) == NULL) {
		boilerplate_free(bp);
		return NULL;
	}
	bp->owns_model = 1;
	bp->cutoff = model_threshold(bp->model);
	own_features(bp);
	return bp;
}

struct boilerplate *
boilerplate_clone(const struct boilerplate *bp)
{
	struct boilerplate *c;

	if ((c = calloc(1, sizeof *c)) == NULL)
		return NULL;
	if (rules_clone(&c->m.rules, &bp->m.rules) < 0) {
		free(c);
		return NULL;
	}
	if (rules_clone(&c->m.user, &bp->m.user) < 0) {
		rules_free(&c->m.rules);
		free(c);
		return NULL;
	}
	if (rules_clone(&c->voice, &bp->voice) < 0) {
		rules_free(&c->m.rules);
		rules_free(&c->m.user);
		free(c);
		return NULL;
	}
	c->has_user = bp->has_user;
	c->model = bp->model;
	c->cutoff = bp->cutoff;
	c->dump = bp->dump;
	own_features(c);
	return c;
}

int
boilerplate_load(struct boilerplate *bp, const char *text, size_t len,
    const char *name, char *err, size_t errlen)
{
	if (rules_parse(&bp->m.user, text, len, name, err, errlen) < 0)
		return -1;
	bp->has_user = 1;
	if (bp->m.user.replaced && bp->owns_model) {
		/* The user's rules are the judgement now: no model, no
		 * built-in vocabulary. */
		model_free(bp->model);
		bp->model = NULL;
		own_features(bp);
		rules_free(&bp->m.rules);
		if (rules_init(&bp->m.rules) < 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	}
	return 0;
}

int
boilerplate_load_model(struct boilerplate *bp, const char *text,
    size_t len, const char *name, char *err, size_t errlen)
{
	struct model *m;

	m = model_parse(text, len, name, feature_names, NFEATURES,
	    stage2_names, NSTAGE2, err, errlen);
	if (m == NULL)
		return -1;
	if (bp->m.user.replaced) {
		/* The user's rules replace the judgement: no model. */
		model_free(m);
		return 0;
	}
	if (bp->owns_model)
		model_free(bp->model);
	bp->model = m;
	bp->owns_model = 1;
	bp->cutoff = model_threshold(m);
	own_features(bp);
	return 0;
}

void
boilerplate_set_cutoff(struct boilerplate *bp, double p)
{
	bp->cutoff = p;
}

void
boilerplate_dump_features(struct boilerplate *bp, int on)
{
	bp->dump = on;
}

const unsigned char *
boilerplate_gaps(const struct boilerplate *bp, size_t *n)
{
	*n = bp->gaps.len;
	return (const unsigned char *)bp->gaps.data;
}

const size_t *
boilerplate_kept(const struct boilerplate *bp, size_t *n)
{
	*n = bp->kept.len / sizeof(size_t);
	return (const size_t *)(const void *)bp->kept.data;
}

void
boilerplate_free(struct boilerplate *bp)
{
	size_t i;
	int k;

	if (bp == NULL)
		return;
	for (k = 0; k < bp->nmatchers; k++) {
		rules_free(&bp->matchers[k].rules);
		rules_free(&bp->matchers[k].user);
	}
	free(bp->matchers);
	for (i = 0; i < bp->ntasks; i++)
		sp_buf_free(&bp->tasks[i].msgs);
	free(bp->tasks);
	if (bp->m.rules.mctx)
		rules_free(&bp->m.rules);
	if (bp->m.user.mctx)
		rules_free(&bp->m.user);
	if (bp->voice.mctx)
		rules_free(&bp->voice);
	if (bp->owns_model)
		model_free(bp->model);
	sp_buf_free(&bp->gaps);
	sp_buf_free(&bp->kept);
	free(bp->lines);
	free(bp->shapes);
	free(bp->user_hits);
	free(bp->p1);
	free(bp->score1);
	free(bp->len1);
	free(bp->own);
	stack_page_free(&bp->stack);
	page_sums_free(&bp->sums);
	free(bp);
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

	if (n < LONG_PROSE || !lf_ends_sentence(s, n))
		return 0;
	while (stops < 3 && (p = memmem(p, (size_t)(end - p), "。", 3))) {
		stops++;
		p += 3;
	}
	return stops == 3;
}

/* Prose that no model is asked about: only a user's rule drops it. */
static int
plain_prose(const struct line *l)
{
	return l->f.chars > PROSE_CHARS && l->f.sentence >= PROSE_SENTENCES;
}

static void
put(struct sp_buf *out, const void *s, size_t n)
{
	if (sp_buf_append(out, s, n) < 0)
		sp_oom();
}

/* The user's vocabulary joins the built-in one the layout and model see. */
static void
add_hits(struct rule_hits *h, const struct rule_hits *u)
{
	h->vocab += u->vocab;
	if (u->best && (h->best == NULL || u->best->weight > h->best->weight)) {
		h->best = u->best;
		h->best_at = u->best_at;
		h->best_len = u->best_len;
	}
	h->nav_hits += u->nav_hits;
	h->nav_chars += u->nav_chars;
	if (h->list == NULL)
		h->list = u->list;
	if (h->inline_list == NULL)
		h->inline_list = u->inline_list;
}

/* Where line l's text begins after its bullet (for start, is and list
 * rules), or 0. */
static size_t
bullet_len(const struct line *l)
{
	size_t mlen = 0;

	if (l->f.marker == LF_BULLET)
		(void)lf_marker(l->s, l->n, &mlen);
	return mlen;
}

/* Pass 1 for one line: its features and what the vocabulary says. */
static void
scan_line(struct boilerplate *bp, struct matcher *m, size_t i)
{
	struct line *l = &bp->lines[i];
	size_t mlen = 0;
	int prose;

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
	prose = plain_prose(l);
	/* Plain prose is not judged: its vocabulary need not be looked up
	 * (the user's rules still are: they decide). */
	mlen = bullet_len(l);
	if (!prose)
		rules_match(&m->rules, l->s, l->n, mlen, l->f.chars > 150 &&
		    l->f.sentence > 0, &l->h);
	if (bp->has_user) {
		rules_match(&m->user, l->s, l->n, mlen, 0, &bp->user_hits[i]);
		add_hits(&l->h, &bp->user_hits[i]);
	}
	l->heading = l->h.list != NULL || layout_more_heading(l);
	l->unjudged = prose && !bp->dump;
	if (!l->unjudged)
		features_scan(l->s, l->n, &bp->shapes[i]);
}

static void
run_scan(struct pool_task *t, int thread)
{
	struct scan_task *c = (struct scan_task *)t;
	struct sp_buf *was = held_capture(&c->msgs);
	size_t i;

	for (i = c->from; i < c->to; i++)
		scan_line(c->bp, &c->bp->matchers[thread], i);
	held_capture(was);
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

	if (pool == NULL || nlines < SCAN_SPLIT) {
		for (i = 0; i < nlines; i++)
			scan_line(bp, &bp->m, i);
		return;
	}
	if (bp->nmatchers < pool_threads(pool)) {
		k = pool_threads(pool);
		bp->matchers = sp_xrealloc(bp->matchers, (size_t)k *
		    sizeof *bp->matchers);
		for (; bp->nmatchers < k; bp->nmatchers++) {
			if (rules_clone(&bp->matchers[bp->nmatchers].rules,
			    &bp->m.rules) < 0 ||
			    rules_clone(&bp->matchers[bp->nmatchers].user,
			    &bp->m.user) < 0)
				sp_oom();
			/* Each document's thread has these: a memo each
			 * would cost the square of the threads. */
			rules_no_memo(&bp->matchers[bp->nmatchers].rules);
			rules_no_memo(&bp->matchers[bp->nmatchers].user);
		}
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
		held_pass(&bp->tasks[i].msgs);
	}
}

/* The score at which the layout and the rules drop a line. */
static int
threshold_of(const struct boilerplate *bp)
{
	return bp->has_user ? bp->m.user.threshold : bp->m.rules.threshold;
}

/* Room for n lines. */
static void
reserve(struct boilerplate *bp, size_t n)
{
	if (n <= bp->cap)
		return;
	bp->cap = bp->cap ? bp->cap * 2 : 256;
	if (bp->cap < n)
		bp->cap = n;
	bp->lines = sp_xrealloc(bp->lines, bp->cap * sizeof *bp->lines);
	bp->shapes = sp_xrealloc(bp->shapes, bp->cap * sizeof *bp->shapes);
	bp->user_hits = sp_xrealloc(bp->user_hits, bp->cap *
	    sizeof *bp->user_hits);
	bp->p1 = sp_xrealloc(bp->p1, bp->cap * sizeof *bp->p1);
	bp->score1 = sp_xrealloc(bp->score1, bp->cap * sizeof *bp->score1);
	bp->len1 = sp_xrealloc(bp->len1, bp->cap * sizeof *bp->len1);
	bp->own = sp_xrealloc(bp->own, bp->cap * (size_t)(bp->nown + 1) *
	    sizeof *bp->own);
}

/* Why the rules alone drop l. */
static void
why_rules(const struct line *l, char *why, size_t n)
{
	const char *mark = l->why >= 0 ? mark_names[l->why] : "score";

	if (l->why_list)
		snprintf(why, n, "%s %s", mark, l->why_list);
	else if (l->why_rule && l->h.best_len > 0 && l->h.best_len <= 60)
		snprintf(why, n, "site vocabulary: %.*s", (int)l->h.best_len,
		    l->s + l->h.best_at);
	else if (l->why_rule)
		snprintf(why, n, "site vocabulary: %s", l->why_rule->text);
	else
		snprintf(why, n, "%s", mark);
}

/* Why the user's rules drop l. */
static void
why_user(const struct line *l, const struct rule_hits *h, char *why,
    size_t n)
{
	if (h->best && h->best_len > 0 && h->best_len <= 60)
		snprintf(why, n, "rule: %.*s", (int)h->best_len,
		    l->s + h->best_at);
	else if (h->best)
		snprintf(why, n, "rule: %s", h->best->text);
	else
		snprintf(why, n, "rules: weight %d", h->vocab);
}

/* Why the model drops a line: its probability, the features that
 * weighed most towards dropping it, their values and their weights, and
 * the vocabulary it holds. */
static void
why_model(const struct boilerplate *bp, const struct line *l, double p,
    double p1, char *why, size_t n)
{
	int top[EXPLAIN_TOP], k, f, j, used;
	double near = 0;
	size_t at;

	for (k = 0; k < EXPLAIN_TOP; k++) {
		top[k] = -1;
		for (f = 0; f < NFEATURES; f++) {
			if (bp->contrib[f] <= 0.005)
				continue;
			for (j = 0; j < k && top[j] != f; j++)
				;
			if (j < k)
				continue;
			if (top[k] < 0 || bp->contrib[f] > bp->contrib[top[k]])
				top[k] = f;
		}
	}
	if (model_stages(bp->model) > 1) {
		/* Stage 2: what the line's neighbours' stage-1 scores
		 * moved it by, beside what stage 1 said of it alone. */
		for (f = 0; f < NSTACK; f++)
			if (f != S_s_p)
				near += bp->contrib2[f];
		used = snprintf(why, n, "model %.2f (alone %.2f, "
		    "neighbours' scores %+.2f)", p, p1, near);
	} else
		used = snprintf(why, n, "model %.2f", p);
	at = used < 0 ? 0 : (size_t)used;
	for (k = 0; k < EXPLAIN_TOP && top[k] >= 0 && at < n; k++) {
		used = snprintf(why + at, n - at, "%s %s=%g (+%.2f)",
		    k ? "," : ":", feature_names[top[k]], (double)bp->x[top[k]],
		    bp->contrib[top[k]]);
		at += used < 0 ? 0 : (size_t)used;
	}
	if (l->h.best && l->h.best_len > 0 && l->h.best_len <= 60 && at < n)
		snprintf(why + at, n - at, "; vocabulary: %.*s",
		    (int)l->h.best_len, l->s + l->h.best_at);
}

/* Anchors within this many lines, above and below, shelter a line. */
#define SHELTER 3

/* Is line l, of a page's HTML, mostly the text of links? */
static int
mostly_link(const struct line *l)
{
	return l->html && l->html->link_chars * 2 > l->html->chars;
}

/* What the markup says is the site's: its menus, header, footer, side
 * columns, forms, and parts named so (nav, footer, related, share …). */
#define SITE_ELEMENTS	(HI_NAV | HI_HEADER | HI_FOOTER | HI_ASIDE | \
	HI_FORM | HI_MARQUEE | HI_HIDDEN)
#define SITE_NAMES	(HH_NAV | HH_CRUMB | HH_FOOTER | HH_SIDE | \
	HH_COMMENT | HH_SHARE | HH_RELATED | HH_HEADER | HH_AD | HH_FORM | \
	HH_TAGS | HH_PAGER | HH_DATE)

/* Does the markup put line l in the site's parts (a menu, a header or
 * footer, a side column, a form)? */
static int
in_site_element(const struct line *l)
{
	return l->html && (l->html->inside & SITE_ELEMENTS);
}

/* Is line i between paragraphs of prose, SHELTER lines or fewer above
 * and below? */
static int
between_prose(const struct page_sums *ps, size_t i)
{
	return ps->prev_anchor[i] != SIZE_MAX && ps->next_anchor[i] !=
	    SIZE_MAX && i - ps->prev_anchor[i] <= SHELTER &&
	    ps->next_anchor[i] - i <= SHELTER;
}

/*
 * A line sheltered by the document: between paragraphs of prose close
 * above and below it, with nothing of the site about it (no vocabulary,
 * no dump token, not a link or a breadcrumb).  The short lines of a
 * speech's lists and its subheadings stand there; the model, which has
 * seen few speeches, may take them for a menu.
 */
static int
sheltered(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct page_sums *ps = &bp->sums;

	if (l->zone != ZONE_BODY || l->anchor || l->h.vocab > 0 ||
	    bp->shapes[i].tokens > 0 || l->breadcrumb ||
	    mostly_link(l) || in_site_element(l))
		return 0;
	return between_prose(ps, i);
}

/* Lines inside_article() looks up and down for the article's sentences:
 * a list or a table of a page runs to dozens of lines. */
#define ARTICLE_REACH	60
/* Is line i, of a page's HTML, in the main text and nothing of the
 * site's about it: not a link, no element or class name of the site's,
 * none of its vocabulary, menu words or dump tokens? */
static int
main_text(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct html_line *h = l->html;

	return h && h->in_main && !h->main_root &&
	    !mostly_link(l) &&
	    !in_site_element(l) && !(h->hints & SITE_NAMES) &&
	    l->h.vocab <= 0 && l->h.nav_hits == 0 &&
	    bp->shapes[i].tokens == 0;
}

/* A sentence of the main text: it ends as sentences end. */
static int
main_sentence(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];

	return l->f.sentence > 0 && l->f.final && main_text(bp, i);
}

/*
 * An item of a list, a cell of a table or a line of preformatted text
 * that the markup puts inside the article: in the page's main text (an
 * element that is not <body> itself, which says nothing of where a line
 * is) with nothing of the site's about it, not the heading of a list,
 * repeated neither on the page nor on the site's other pages, and a
 * sentence of the main text above and below it, the lines between all
 * of the main text too (the main text is one element: nothing else
 * stands between two of its lines).  The model, which learnt short
 * lines from menus, would drop the article's lists and tables.
 */
static int
inside_article(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];
	size_t j, up = 0, down = 0;

	if (l->html == NULL || (!(l->html->inside & (HI_LIST | HI_TABLE)) &&
	    l->html->block != HB_PRE))
		return 0;
	if (!main_text(bp, i) || l->heading || l->repeats > 0 ||
	    (!isnan(l->furniture) && l->furniture > 0))
		return 0;
	for (j = i; j-- > 0 && i - j <= ARTICLE_REACH && !up; )
		up = main_sentence(bp, j);
	for (j = i + 1; j < nlines && j - i <= ARTICLE_REACH && !down; j++)
		down = main_sentence(bp, j);
	return up && down;
}

/*
 * A line of redaction marks or placeholder dots: ×××, XX, ****, ……,
 * .............; content a document leaves to be filled in.
 */
static int
redaction(const char *s, size_t n)
{
	size_t i = 0, k;
	int32_t cp;

	if (n == 0)
		return 0;
	while (i < n) {
		cp = lf_first(s + i, n - i, &k);
		switch (cp) {
		case 0xD7: case 'X': case 'x': case '*': case 0xFF0A:
		case '.': case 0x2026: case 0xB7: case 0x3002: case ' ':
		case 0x25CB: case 0x25A1: case '_':
			break;
		default:
			return 0;
		}
		i += k;
	}
	return 1;
}

/*
 * Line l is a signature's date: a year, month and day, in Arabic digits
 * (ASCII or full-width) or Chinese numerals (二〇二四年三月一日, with 〇,
 * ○ or 零), blanks between, what layout_date_like() takes besides (a time:
 * 10:30), and an official document's 印发 or 发布 after it (2024年3月1日印发).
 */
static int
signature_date(const struct line *l)
{
	size_t i = 0, k, n = l->n;
	int32_t cp;

	if (l->f.chars > 24 || !lf_holds(l->s, n, "年") ||
	    !lf_holds(l->s, n, "日"))
		return 0;
	if (n > 6 && (memcmp(l->s + n - 6, "印发", 6) == 0 ||
	    memcmp(l->s + n - 6, "发布", 6) == 0))
		n -= 6;
	while (i < n) {
		cp = lf_first(l->s + i, n - i, &k);
		if (sp_digit_value(cp) < 0 && !sp_is_cn_numeral(cp) &&
		    cp != 0x25CB && cp != 0x5E74 && cp != 0x6708 &&
		    cp != 0x65E5 && !sp_is_blank(cp) &&
		    !layout_date_char(cp))
			return 0;	/* 〇 ○ 零 一…十, 年月日 */
		i += k;
	}
	return 1;
}

/*
 * A signature: who issued the document, a short line of no sentence,
 * over its date in words (XX县委办公室 / 2023年2月1日, 二〇二三年二月一日).
 */
static int
signature(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];

	if (i + 1 >= nlines)
		return 0;
	return l->f.chars <= 25 && l->f.sentence == 0 && l->f.seps == 0 &&
	    signature_date(&bp->lines[i + 1]);
}

/* Lines of labels and values a document may print between its last
 * sentence and its signature (会议时间：…, 报到时间：…, 联系人：…), at
 * most, and characters of each, at most. */
#define CLOSING_LABELS 6
#define CLOSING_LABEL_CHARS 60

/* Is line l a label and its value, no sentence, and no word of the
 * site's that alone drops a line (网站标识码：…)? */
static int
closing_label(const struct boilerplate *bp, const struct line *l)
{
	return l->f.colons > 0 && l->f.sentence == 0 &&
	    l->f.chars <= CLOSING_LABEL_CHARS && !mostly_link(l) &&
	    (l->h.best == NULL || l->h.best->weight < threshold_of(bp));
}

/*
 * Marks the blocks that close a document: its signature and the date
 * under it (signature()), with none of the site's words or tokens in
 * the signature, after the document's last sentence and the labels and
 * values a notice prints there (会议时间：2023年5月10日 14:30, 报到时间：…,
 * 联系人：…).  A site's dates have the shape of a signature's, so the
 * site's vocabulary does not count against the date or the labels here
 * (时间：, a date); the sentence above must close a text.
 */
static void
mark_closings(struct boilerplate *bp, size_t nlines)
{
	const struct line *l;
	size_t i, j, k;
	int found;

	for (i = 0; i < nlines; i++)
		bp->lines[i].closing = 0;
	for (i = 1; i + 1 < nlines; i++) {
		if (!signature(bp, nlines, i) || bp->lines[i].h.vocab > 0 ||
		    bp->shapes[i].tokens > 0)
			continue;
		found = 0;
		for (j = i, k = 0; j > 0;) {
			l = &bp->lines[--j];
			if (l->n == 0)
				continue;
			if (l->f.sentence > 0 && l->f.final) {
				found = 1;
				break;
			}
			if (!closing_label(bp, l) || ++k > CLOSING_LABELS)
				break;
		}
		if (!found)
			continue;
		for (k = j + 1; k <= i + 1; k++)
			bp->lines[k].closing = 1;
	}
}

/* How far up and down a block of particulars is looked through. */
#define PARTICULARS_REACH 24

/*
 * Is line i one of a block of a document's particulars, as government
 * sites print them over its text (索引号：…, 发文机关：…, 成文日期：…,
 * 发文字号：…): a label and its value, a label alone, or the value
 * under a label alone, short and with no sentence?
 */
/*
 * The labels (docnum_label()) of the last lines read, by line: a line's
 * is asked again by the line under it, and was read twice (the reading
 * 1.5% of sp-clean on naive dumps, perf).
 */
struct labels {
	size_t at[4], len[4];	/* line at[k]'s label is len[k] bytes */
};

static size_t
label_of(const struct boilerplate *bp, size_t i, struct labels *m)
{
	size_t k = i & 3;

	if (m->at[k] != i) {
		m->at[k] = i;
		m->len[k] = docnum_label(bp->lines[i].s, bp->lines[i].n);
	}
	return m->len[k];
}

static int
particular(const struct boilerplate *bp, size_t i, struct labels *m)
{
	const struct line *l = &bp->lines[i], *up;
	size_t j;

	if (l->n == 0 || l->f.sentence > 0 || l->f.chars > 160 ||
	    mostly_link(l))
		return 0;
	if (label_of(bp, i, m) > 0)
		return 1;
	for (j = i; j > 0 && bp->lines[j - 1].n == 0; j--)
		;
	if (j == 0 || l->f.chars > 100)
		return 0;
	up = &bp->lines[j - 1];
	return label_of(bp, j - 1, m) == up->n && !mostly_link(up);
}

/*
 * Does the block of particulars go on from line i, one line at a time
 * in direction step (+1 down, -1 up), to a line of the document's
 * number, within PARTICULARS_REACH lines?
 */
static int
number_in_block(const struct boilerplate *bp, size_t nlines, size_t i,
    int step)
{
	size_t j, d;

	for (d = 1, j = i + (size_t)step; d <= PARTICULARS_REACH &&
	    j < nlines; d++, j += (size_t)step) {
		if (bp->lines[j].n == 0)
			continue;
		if (!bp->lines[j].particular)
			return 0;
		if (bp->lines[j].docnum)
			return 1;
	}
	return 0;
}

/*
 * Is line i in a block of particulars that holds the document's number?
 * The number says the block is the document's, not the site's (主办单位：
 * …, 备案号：… have none): each of its lines is kept.
 */
static int
particulars(const struct boilerplate *bp, size_t nlines, size_t i)
{
	return bp->lines[i].particular && (bp->lines[i].docnum ||
	    number_in_block(bp, nlines, i, -1) ||
	    number_in_block(bp, nlines, i, 1));
}

/*
 * Marks, once a window, the lines of blocks of particulars and the
 * document numbers: a block's every line asked the 24 above and below
 * it, and the scans for a number were a twentieth of sp-clean's time on
 * naive dumps (perf, 2026-12-04: docnum_label 3.5%, number_at 1.4%).
 */
static void
mark_particulars(struct boilerplate *bp, size_t nlines)
{
	struct labels m = { { SIZE_MAX, SIZE_MAX, SIZE_MAX, SIZE_MAX },
	    { 0, 0, 0, 0 } };
	struct line *l;
	size_t i;

	for (i = 0; i < nlines; i++) {
		l = &bp->lines[i];
		l->particular = (unsigned char)particular(bp, i, &m);
		l->docnum = (unsigned char)(l->n > 0 &&
		    docnum_line(l->s, l->n));
	}
}

/* Characters of an attachment's title, at most. */
#define ATTACHMENT_TITLE_CHARS 40

/* Is line l an attachment's label alone: 附： 附件 附录 附表, a colon
 * maybe after it? */
static int
attachment_label(const struct line *l)
{
	static const char *const label[] = { "附", "附件", "附錄", "附录",
	    "附表" };
	size_t n = l->n, a, k, m;
	int32_t cp;

	a = sp_skip_blank(l->s, n, 0);
	while (n > a && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	/* A label of two characters and a full-width colon at most: the
	 * longer lines, most, are told without reading their end. */
	if (n - a > 9)
		return 0;
	if (n > a && ((cp = lf_last(l->s + a, n - a, &m)) == 0xFF1A ||
	    cp == ':'))
		n -= m;
	for (k = 0; k < sizeof label / sizeof *label; k++)
		if (n - a == strlen(label[k]) &&
		    memcmp(l->s + a, label[k], n - a) == 0)
			return 1;
	return 0;
}

/*
 * Is line i the title of an attachment, under its label alone (附： /
 * 电信业务分类目录 at the end of a regulation): short, no sentence?
 */
static int
attachment_title(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	size_t j = i;

	if (l->f.chars > ATTACHMENT_TITLE_CHARS || l->f.sentence > 0)
		return 0;
	while (j > 0 && bp->lines[j - 1].n == 0)
		j--;
	return j > 0 && attachment_label(&bp->lines[j - 1]);
}

/* Characters of a news agency's dateline alone, at most. */
#define DATELINE_CHARS 24

/*
 * Is line l a news agency's dateline alone, the words an article opens
 * with (本报郑州12月15日电, 大陸新聞組北京17日電), which a naive dump puts
 * on a line of their own: short, no sentence, ending in a day and 电?
 */
static int
dateline(const struct line *l)
{
	size_t n = l->n, k;
	int32_t cp;

	if (l->f.chars > DATELINE_CHARS || l->f.sentence > 0)
		return 0;
	while (n > 0 && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	if (n == 0 || ((cp = lf_last(l->s, n, &k)) != 0x7535 && cp != 0x96FB))
		return 0;			/* 电 電 */
	n -= k;
	if (n == 0 || lf_last(l->s, n, &k) != 0x65E5)
		return 0;			/* 日 */
	n -= k;
	if (n == 0)
		return 0;
	cp = lf_last(l->s, n, &k);		/* the day: 15, １５, 十五 */
	return sp_digit_value(cp) >= 0 || sp_is_cn_numeral(cp);
}

/*
 * The bones of a document, which a site's furniture does not have: a
 * heading numbered the Chinese way (一、 （一） 第一章 一是), a salutation
 * before a sentence (同志们：), redaction marks and placeholders, the
 * document number (docnum.h) and the block of particulars that holds
 * it, the signature and the date at the end and the labels before them
 * (mark_closings()); a news agency's dateline alone; an attachment's
 * label alone (附：) and the title under it.  Kept when nothing of the
 * site is about them.
 */
static int
structural(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];

	if (mostly_link(l))
		return 0;
	/* A label's words may be a site's (字号 of a font-size widget), and
	 * [2021] a dump's token: the number decides. */
	if (l->docnum || particulars(bp, nlines, i))
		return 1;
	if (bp->shapes[i].tokens > 0)
		return 0;
	if (l->closing)
		return 1;
	/*
	 * The date under a signature goes with it, whatever the lines
	 * above the signature (mark_closings() wants the last sentence
	 * there): a date is the site's words' shape too, and counts not.
	 */
	if (i > 0 && signature(bp, nlines, i - 1) &&
	    bp->lines[i - 1].h.vocab == 0 && bp->shapes[i - 1].tokens == 0)
		return 1;
	if (l->h.vocab > 0)
		return 0;
	if (dateline(l) || attachment_label(l) || attachment_title(bp, i))
		return 1;
	switch (l->f.marker) {
	case LF_NUMERAL: case LF_PAREN: case LF_ORDINAL: case LF_POINT:
		return l->f.han > 0;
	default:
		break;
	}
	if (redaction(l->s, l->n) || signature(bp, nlines, i))
		return 1;
	return l->f.chars <= 12 && l->f.clause == 1 && l->f.sentence == 0 &&
	    (l->f.last == 0xFF1A || l->f.last == ':') && i + 1 < nlines &&
	    bp->lines[i + 1].f.final && bp->lines[i + 1].f.chars >= 10 &&
	    bp->lines[i + 1].f.sentence > 0;
}

/* Han characters of prose that a vocabulary word in a line's tail
 * cannot outweigh: PROSE_HEAD or more, twice those from the word on. */
#define PROSE_HEAD 20

/*
 * A paragraph with the site's words glued to its end: its heaviest
 * vocabulary word comes after a sentence of prose that outweighs the
 * rest of the line two to one (今年的收成比去年好了一成。【Powered by
 * Google AJAX Language API】, a widget a text dump left on each
 * paragraph), and the prose has none of the site's words itself (a
 * notice of the site's, 凡本站转载的稿件…。…版权归原作者所有, is the
 * site's words throughout).  Content comes first: the paragraph stays,
 * tail and all.
 */
static int
prose_then_vocabulary(struct boilerplate *bp, const struct line *l)
{
	size_t i = 0, k, at = l->h.best_at;
	size_t head = 0, tail = 0, end = 0, mlen;
	int32_t cp;
	struct rule_hits h;
	int vocab;

	if (l->h.best == NULL || at == 0 || at >= l->n)
		return 0;
	while (i < l->n) {
		k = sp_utf8_next((const unsigned char *)l->s + i, l->n - i, &cp);
		if (sp_is_han(cp))
			*(i < at ? &head : &tail) += 1;
		else if (i < at && lf_is_final(cp))
			end = head;
		i += k;
	}
	if (end < PROSE_HEAD || head < 2 * tail)
		return 0;
	/* The head's words, as scan_line() weighs a line's. */
	if ((mlen = bullet_len(l)) >= at)
		mlen = 0;
	rules_match(&bp->m.rules, l->s, at, mlen, 0, &h);
	vocab = h.vocab;
	if (bp->has_user) {
		rules_match(&bp->m.user, l->s, at, mlen, 0, &h);
		vocab += h.vocab;
	}
	return vocab <= 0;
}

/* Shortest name of an image token id_tokens() takes for a file's. */
#define ID_TOKEN_MIN	6

/*
 * A line of nothing but what a dump leaves of images named by their file
 * or a number ([W020211112707878393604], [thumb_142_106_13267],
 * [99jee313]): ASCII letters, digits, _ - . and a digit among them, six
 * characters or more.  No document writes that; the model, which weighs
 * the tokens with the lines around them, keeps some within a list of
 * headlines.  A footnote mark ([1], [12]) is shorter, a word in brackets
 * ([IMG], [新闻]) has no digit.
 */
static int
id_tokens(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *close, *q;
	int digit, any = 0;

	while (p < end) {
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (*p != '[' || (close = memchr(p, ']', (size_t)(end - p))) ==
		    NULL || close - p - 1 < ID_TOKEN_MIN)
			return 0;
		for (q = p + 1, digit = 0; q < close; q++) {
			if (*q >= '0' && *q <= '9')
				digit = 1;
			else if (!(((*q | 0x20) >= 'a' && (*q | 0x20) <= 'z') ||
			    *q == '_' || *q == '-' || *q == '.'))
				return 0;
		}
		if (!digit)
			return 0;
		any = 1;
		p = close + 1;
	}
	return any;
}

/* What judge() found of a line. */
enum verdict { KEPT, DROPPED_BY_RULE, DROPPED_BY_MODEL };

/*
 * Furniture comes in runs: a menu, a list of headlines, a footer.  A
 * line the model alone would drop, with nothing of the site about it,
 * between lines that are kept above and below (blank lines aside) is
 * more likely a line of the document the model has not seen the like of
 * (a bulletin's issue number under its title, a short subheading) than
 * a lone piece of the site; content first, it stays.  Not so the
 * heading of a list (相关新闻), whose list may have been kept, nor a
 * breadcrumb (首页 > 新闻 > 正文), the site's wherever it stands.
 */
static int
lone(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];
	size_t up = i, down = i + 1;

	if (l->verdict != DROPPED_BY_MODEL || l->h.vocab > 0 || l->heading ||
	    bp->shapes[i].tokens > 0 || l->repeats > 0 || l->breadcrumb ||
	    mostly_link(l) || in_site_element(l))
		return 0;
	while (up > 0 && bp->lines[up - 1].n == 0)
		up--;
	while (down < nlines && bp->lines[down].n == 0)
		down++;
	return up > 0 && down < nlines && bp->lines[up - 1].verdict == KEPT &&
	    bp->lines[down].verdict == KEPT;
}

/* A sentence cut into pieces: at most this many pieces between the
 * kept lines it starts and ends on, each this many characters at most. */
#define PIECES_MAX 12
#define PIECE_CHARS 20

/* Does line l end a sentence (。！？ ! ? …, closing quotes after)? */
static int
ends_sentence(const struct line *l)
{
	size_t n = l->n, k;
	int32_t cp;

	while (n > 0) {
		cp = lf_last(l->s, n, &k);
		if (cp == ' ' || cp == '\t' || lf_is_closer(cp)) {
			n -= k;
			continue;
		}
		return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
		    cp == '!' || cp == '?' || cp == 0x2026 || cp == '.';
	}
	return 0;
}

/* Does line l hold a sentence's end inside it? */
static int
stops_inside(const struct line *l)
{
	size_t i, k;
	int32_t cp;

	for (i = 0; i < l->n; i += k) {
		k = sp_utf8_next((const unsigned char *)l->s + i, l->n - i, &cp);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F)
			return 1;
	}
	return 0;
}

/* Does line l open with what only goes on a Chinese sentence (，、；)? */
static int
goes_on(const struct line *l)
{
	int32_t cp = lf_first(l->s, l->n, NULL);

	return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1B;
}

/*
 * A naive dump cuts a sentence at each of its inline elements (a link,
 * a figure in a <span>: 评级自 / AAA / 下调至 / AA+ / ；法国成功拍卖),
 * and the model, seeing each piece alone, drops the short ones.  Pieces
 * the model dropped between a kept line that does not end its sentence
 * and the next kept line are kept when one of them, or that next line,
 * opens with what only goes on a sentence (，、；), and none is more
 * than a piece: no sentence's end inside, no rule of the site's, no
 * bullet, no list heading.
 */
static void
mend_sentences(struct boilerplate *bp, size_t nlines)
{
	struct line *v = bp->lines;
	size_t i, j, k;
	int on;

	for (i = 0; i + 2 < nlines; i++) {
		if (v[i].verdict != KEPT || v[i].n == 0 || ends_sentence(&v[i]))
			continue;
		on = 0;
		for (j = i + 1; j < nlines && j - i <= PIECES_MAX; j++) {
			const struct line *l = &v[j];

			if (l->verdict == KEPT || l->n == 0)
				break;
			if (l->verdict != DROPPED_BY_MODEL ||
			    l->f.chars > PIECE_CHARS || stops_inside(l) ||
			    l->heading || l->breadcrumb || bp->shapes[j].bullet)
				break;
			on |= goes_on(l);
		}
		if (j == i + 1 || j >= nlines || v[j].verdict != KEPT ||
		    v[j].n == 0 || !(on || goes_on(&v[j])))
			continue;
		for (k = i + 1; k < j; k++)
			v[k].verdict = KEPT;
		i = j - 1;
	}
}

/*
 * Stage 2's probability that line i, not blank, is furniture, stage 1
 * giving it p1: x holds its stage-1 features, or is NULL for those kept
 * by stage1_all().  contrib2 (may be NULL) as model_score's.
 */
static double
stage2(struct boilerplate *bp, size_t i, double p1, const float *x,
    double *contrib2)
{
	int k;

	stack_line(&bp->stack, bp->p1, i, (float)p1, bp->x2);
	for (k = 0; k < bp->nown; k++)
		bp->x2[S1 + bp->own_feat[k]] = x ? x[bp->own_feat[k]] :
		    bp->own[i * (size_t)bp->nown + (size_t)k];
	return model_probability(model_score(bp->model, 1, bp->x2,
	    contrib2));
}

/*
 * Stage 1's scores of the n lines at[0..n), their features in xb[0..n),
 * and with two stages what stage 2 needs of each.
 */
static void
stage1_batch(struct boilerplate *bp, const size_t *at, size_t n)
{
	const float *x[BATCH];
	double score[BATCH];
	size_t j, i;
	int k;

	for (j = 0; j < n; j++)
		x[j] = bp->xb[j];
	model_score_many(bp->model, 0, x, n, score);
	for (j = 0; j < n; j++) {
		i = at[j];
		bp->score1[i] = score[j];
		if (model_stages(bp->model) < 2)
			continue;
		bp->p1[i] = (float)model_probability(score[j]);
		bp->len1[i] = bp->xb[j][F_len];
		for (k = 0; k < bp->nown; k++)
			bp->own[i * (size_t)bp->nown + (size_t)k] =
			    bp->xb[j][bp->own_feat[k]];
	}
}

/*
 * Stage 1's score of every line of the window that is judged, BATCH
 * lines at a time (the model walks its splits once for several); with
 * two stages, the probability of every line (a blank line has none;
 * plain prose, which is not judged, is content: 0), what stage 2 needs
 * of each line, and the window's sums.
 */
static void
stage1_all(struct boilerplate *bp, size_t nlines, int threshold)
{
	size_t at[BATCH], n = 0, i;
	struct line *l;

	for (i = 0; i < nlines; i++) {
		l = &bp->lines[i];
		if (l->n == 0) {
			bp->p1[i] = NAN;
			bp->len1[i] = 0;
			continue;
		}
		if (l->unjudged) {
			bp->p1[i] = 0;
			bp->len1[i] = (float)log2(1.0 + (double)l->f.chars);
			continue;
		}
		features_line(bp->lines, bp->shapes, nlines, i, threshold,
		    &bp->sums, bp->xb[n]);
		at[n++] = i;
		if (n == BATCH) {
			stage1_batch(bp, at, n);
			n = 0;
		}
	}
	stage1_batch(bp, at, n);
	if (model_stages(bp->model) > 1)
		stack_page(&bp->stack, bp->p1, bp->len1, nlines);
}

/* How probability() is to score a line. */
enum asking {
	STORED,		/* as stage1_all() left it, when it did */
	FRESH,		/* from the line's features as they are now */
	EXPLAINED	/* and with each feature's contribution */
};

/*
 * The model's probability that line i is furniture; with two stages, in
 * *p1 (may be NULL) stage 1's.
 */
static double
probability(struct boilerplate *bp, size_t nlines, size_t i, int threshold,
    enum asking how, double *p1)
{
	int two = model_stages(bp->model) > 1;
	double p;

	if (how == STORED && !two) {
		p = model_probability(bp->score1[i]);
		if (p1)
			*p1 = p;
		return p;
	}
	if (how == STORED) {
		if (p1)
			*p1 = bp->p1[i];
		return stage2(bp, i, bp->p1[i], NULL, NULL);
	}
	features_line(bp->lines, bp->shapes, nlines, i, threshold, &bp->sums,
	    bp->x);
	if (how == EXPLAINED) {
		memset(bp->contrib, 0, sizeof bp->contrib);
		memset(bp->contrib2, 0, sizeof bp->contrib2);
	}
	p = model_probability(model_score(bp->model, 0, bp->x,
	    how == EXPLAINED ? bp->contrib : NULL));
	if (p1)
		*p1 = p;
	if (!two)
		return p;
	return stage2(bp, i, p, bp->x, how == EXPLAINED ? bp->contrib2 :
	    NULL);
}

/*
 * The model's probability that line i is furniture were it in the middle
 * of the page: the top and the end of a page are where its furniture
 * stands, but a page may open or close with the document's sentences.
 */
static double
centred_probability(struct boilerplate *bp, size_t nlines, size_t i,
    int threshold)
{
	double p;

	features_line(bp->lines, bp->shapes, nlines, i, threshold, &bp->sums,
	    bp->x);
	features_centre(nlines, bp->x);
	p = model_probability(model_score(bp->model, 0, bp->x, NULL));
	if (model_stages(bp->model) < 2)
		return p;
	return stage2(bp, i, p, bp->x, NULL);
}

/*
 * Content first: the model, sure of line i, is asked again without what
 * is not the line's own.  Prose (a sentence, a link's words) is not
 * dropped for repeating alone, on the page or on the site's other
 * pages; a sentence is not dropped for its place alone.  Returns 1 when
 * the line is kept after all.
 */
/*
 * A line of twenty Han characters or more with nothing of a menu, a list
 * or a notice about it (no bullet, separator, space, full stop, date or
 * link): a headline, or one restated under a photo or a video.
 */
static int
headline_like(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct shape *sh = &bp->shapes[i];

	return l->f.han >= 20 && l->f.seps == 0 && l->f.stops == 0 &&
	    sh->bullet == 0 && sh->spaces == 0 && sh->pattern == 0;
}

/* Nothing in line i but a headline's words: no comma, full stop,
 * separator, date or link, two spaces at most. */
static int
plain_headline(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct shape *sh = &bp->shapes[i];

	return l->f.seps == 0 && l->f.stops == 0 && sh->spaces <= 2 &&
	    sh->pattern == 0 && !memchr(l->s, ',', l->n) &&
	    !lf_holds(l->s, l->n, "，");
}

/*
 * A headline as a list of them prints it: sixteen characters or more, ten
 * of them Han, without a bullet, and plain (plain_headline): without a
 * comma (a wrapped line of prose has one), a full stop, a separator, a
 * date or a link.  A space or two may part a headline from its second
 * half or a figure (暴雨致山区道路中断 3000人转移安置), and Latin words
 * and digits may be in it (某公司：5G手机出货量今年增长两成…).
 */
static int
bare_headline(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];

	return l->f.chars >= 16 && l->f.han >= 10 &&
	    bp->shapes[i].bullet == 0 && plain_headline(bp, i);
}

/* Kinds of headline a list is made of: all of a list are of one. */
enum { NOT_HEADLINE, BARE_HEADLINE, BULLETED_HEADLINE };

/*
 * Does a sentence of prose without the site's words come after the run
 * of bulleted lines line i is in (blank lines aside)?  Then the run is a
 * list the text goes on from.  mark_prose_after() answered it for every
 * line at once: a walk for each line would cost the length of the run,
 * and a run may be thousands of lines long.
 */
static int
prose_after_items(const struct boilerplate *bp, size_t i)
{
	return bp->lines[i].prose_after;
}

/* A sentence of prose without the site's words. */
static int
plain_sentence(const struct line *o)
{
	return o->f.sentence > 0 && o->f.final && o->f.chars >= 20 &&
	    o->h.vocab <= 0;
}

/* prose_after_items() for each of the window's lines, from the last. */
static void
mark_prose_after(struct boilerplate *bp, size_t nlines)
{
	size_t i = nlines;
	int follows = 0;

	while (i-- > 0) {
		struct line *l = &bp->lines[i];

		if (l->n > 0 && !bp->shapes[i].bullet)
			follows = plain_sentence(l);
		l->prose_after = (unsigned char)follows;
	}
}

/*
 * Does line i stand apart from the article's text: on an HTML page,
 * outside the main text found; in a dump, above its first paragraph of
 * prose or after its last, and no sentence goes on after its list (the
 * layout's zones are drawn by the long paragraphs, and a short one may
 * close the article after a list of its own)?
 */
static int
apart_from_article(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];

	if (l->html)
		return !l->html->in_main && l->html->main_share > 0 &&
		    !l->html->main_root;
	return l->zone != ZONE_BODY && !prose_after_items(bp, i);
}

/*
 * A headline with a bullet before it (• 本市新建十所学校), as a dump
 * prints the items of a list: eight characters or more, five of them
 * Han, and plain, apart from the article's text (an article's own list
 * of points, • 早睡早起保证充足睡眠, is as plain).
 */
static int
headline_kind(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct shape *sh = &bp->shapes[i];

	if (bare_headline(bp, i))
		return BARE_HEADLINE;
	if (sh->bullet && l->f.chars >= 8 && l->f.han >= 5 &&
	    plain_headline(bp, i) && apart_from_article(bp, i))
		return BULLETED_HEADLINE;
	return NOT_HEADLINE;
}

/* The fewest bare headlines in a row that make a list of them. */
#define HEADLINE_LIST 3
/* A headline of a list goes when the model leans to furniture, short
 * of its cut-off: that is set for a line alone, and the lines of a list
 * tell more together. */
#define EVEN_ODDS 0.5

/* Are lines a and b the same text? */
static int
same_line(const struct line *a, const struct line *b)
{
	return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

/* Lines headlines_from() passes over (empty, or the same as the one
 * before) before it gives up: a page repeats a headline a few times, and
 * a walk over a run of thousands, for each of its lines, would cost the
 * square of the run. */
#define HEADLINE_SKIP 16

/*
 * The different headlines of i's kind in a row from line i, one line at
 * a time in direction step (+1 down, -1 up), i's not counted, up to want
 * (empty lines between them aside, a line the same as the one before
 * it counting once, HEADLINE_SKIP such lines at most).
 */
static size_t
headlines_from(const struct boilerplate *bp, size_t nlines, size_t i,
    int step, size_t want)
{
	const struct line *v = bp->lines, *last = &v[i];
	size_t j, run = 0, skipped = 0;
	int kind = headline_kind(bp, i);

	for (j = i + (size_t)step; j < nlines && run < want;
	    j += (size_t)step) {
		if (v[j].n == 0 || same_line(&v[j], last)) {
			if (++skipped > HEADLINE_SKIP)
				break;
			continue;
		}
		if (headline_kind(bp, j) != kind)
			break;
		last = &v[j];
		run++;
	}
	return run;
}

/*
 * Is line i one of a list of headlines: a bare headline among
 * HEADLINE_LIST or more in a row?  An article has one headline, which
 * its page may print twice over (the title, the heading); a list of
 * others' (related news, the most read) has many.
 */
static int
headline_list(const struct boilerplate *bp, size_t nlines, size_t i)
{
	size_t run;

	if (headline_kind(bp, i) == NOT_HEADLINE)
		return 0;
	run = 1 + headlines_from(bp, nlines, i, -1, HEADLINE_LIST - 1);
	return run + headlines_from(bp, nlines, i, 1, HEADLINE_LIST - run) >=
	    HEADLINE_LIST;
}

/* How far from a list its article's headline is looked for. */
#define OWN_HEADLINE_REACH 400
/* The bytes of a headline compared: eight Han characters. */
#define OWN_HEADLINE_KEY 24
/* Lines where a headline stands compared at most, each time: a page
 * prints its headline at most a few times. */
#define OWN_HEADLINE_TRIES 64

/* Where line l's words begin: past bullets, marks and blanks. */
static size_t
words_start(const struct line *l)
{
	size_t j = 0, k;
	int32_t cp;

	while (j < l->n) {
		k = sp_cp_at(l->s, l->n, j, &cp);
		if (sp_is_han(cp) || sp_is_alnum(cp))
			break;
		j += k;
	}
	return j;
}

/*
 * Does line o stand where an article's headline does: in the page's
 * title, a heading or its main text, or in a dump above the end of the
 * article's prose (the site's lists and footer come after it)?
 */
static int
headline_place(const struct line *o)
{
	if (o->html)
		return (o->html->inside & (HI_TITLE | HI_HEADING)) ||
		    o->html->in_main;
	return o->zone != ZONE_TAIL;
}

/*
 * Is line i, shaped as a headline (no separator, eight Han characters),
 * the page's own headline printed again, in a list of others or at the
 * page's foot (a site lists the article it shows with those it
 * recommends)?  Another line near it, where a headline stands and not of
 * a list, opens with the same words.  It is the article's, and stays.
 */
static int
own_headline(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i], *o;
	size_t a = l->words_at, j, lo, hi, tries = 0;

	if (l->n - a < OWN_HEADLINE_KEY || l->f.seps > 0 || l->f.han < 8)
		return 0;
	lo = i > OWN_HEADLINE_REACH ? i - OWN_HEADLINE_REACH : 0;
	hi = nlines - i > OWN_HEADLINE_REACH ? i + OWN_HEADLINE_REACH : nlines;
	for (j = lo; j < hi && tries < OWN_HEADLINE_TRIES; j++) {
		o = &bp->lines[j];
		if (j == i || !o->headline_spot)
			continue;
		tries++;
		if (memcmp(l->s + a, o->s + o->words_at, OWN_HEADLINE_KEY) == 0)
			return 1;
	}
	return 0;
}

/*
 * For own_headline(): where each line's words begin, and whether it
 * stands where a headline does, long enough and not of a list, once a
 * window.  Asked of each line from each line near it, they would cost
 * the square of a list's length.
 */
static void
mark_headline_spots(struct boilerplate *bp, size_t nlines)
{
	size_t i;

	for (i = 0; i < nlines; i++) {
		struct line *o = &bp->lines[i];
		size_t b = words_start(o);

		o->words_at = b;
		o->headline_spot = o->n - b >= OWN_HEADLINE_KEY &&
		    headline_place(o) && !headline_list(bp, nlines, i);
	}
}

/*
 * Does line l go on from the line above, as a line of wrapped prose
 * does: opening with a lower-case letter or a mark that cannot open a
 * sentence?
 */
static int
goes_on_from_above(const struct line *l)
{
	int32_t cp = lf_first(l->s, l->n, NULL);

	return sp_is_lower(cp) || cp == ',' ||
	    cp == 0xFF0C || cp == 0x3001 || cp == 0x3002 || cp == ')' ||
	    cp == 0xFF09;
}

/*
 * Is line i of a dump outside the article's text?  After its last
 * paragraph of prose (the layout's tail), a line of eight characters or
 * more, or an item of a list with a bullet (•, □); above its first, an
 * item with a bullet alone (a menu, a list of headlines: the article's
 * title, date and byline come there too).  Not an item numbered (1. 2.
 * 附件：…), a label and its value, a line with a comma or a stop inside
 * or going on from the line above (wrapped prose), a short line without
 * a bullet (a cell of a table as likely as a menu's), nor an item of a
 * list that a sentence follows (prose_after_items).
 */
static int
dump_outside(const struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];

	/* A footer's label and value (网站标识码：…, ICP备…): words that
	 * alone drop a line under the rules, and no sentence; not between
	 * the article's paragraphs (…享有版权所有人的全部权利). */
	if (l->zone != ZONE_BODY && l->h.vocab >= threshold_of(bp) &&
	    l->f.inner_sentence == 0)
		return 1;
	if (l->f.colons > 0 || l->f.clause > 0 || l->f.inner_sentence > 0 ||
	    goes_on_from_above(l))
		return 0;
	if (l->f.marker == LF_BULLET)
		return l->zone != ZONE_BODY && !prose_after_items(bp, i);
	return l->zone == ZONE_TAIL && l->f.marker == LF_NONE &&
	    l->f.chars >= 8;
}

/* A line sharing this much of its words with the page's title is a
 * copy of the headline. */
#define TITLE_COPY 0.5f
/* Characters of a copy of the headline, at least: a shorter line shares
 * half its words with a title that ends in the site's name (自治区党委
 * under …_内蒙古自治区政府门户网站) as any menu item of the site does. */
#define TITLE_COPY_CHARS 8
/* Characters of a long line: prose, off the main text or not. */
#define OFF_MAIN_LONG 40
/* The model's lean a line off the main text goes at: a little over
 * even odds, as the pages in other languages lost more of their text at
 * 0.5 (kept .9586, against .9607 at 0.6 and .9650 without the rule) for
 * little more furniture (removed .9115, .9043, .8110). */
#define OFF_MAIN_ODDS 0.6

/*
 * Is line i outside the article's text, and none of what an article
 * prints over or beside it: the page's title or a copy of it, a heading,
 * a date, a time or a byline, a sentence or a long line of clauses
 * without the site's words?  Outside is, on a page's HTML, outside the
 * main text the page was found to have (htmlpage.h); in a dump, as
 * dump_outside() says.  Such a line goes when the model leans to
 * furniture, short of its cut-off: that is set for lines of any page,
 * and this one stands with the site's.
 */
static int
off_main_text(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct html_line *h = l->html;
	float title = bp->sums.title_overlap[i];

	/* A heading outside the main text may be the article's title; not
	 * one below it, a side box's (相关阅读, 风云对话). */
	if (h == NULL ? !dump_outside(bp, i) : !apart_from_article(bp, i) ||
	    (h->inside & HI_TITLE) ||
	    ((h->inside & HI_HEADING) && i < bp->main_end))
		return 0;
	if (bp->shapes[i].pattern & (SHAPE_DATE | SHAPE_TIME | SHAPE_BYLINE))
		return 0;
	if ((!isnan(title) && title >= TITLE_COPY &&
	    l->f.chars >= TITLE_COPY_CHARS) || own_headline(bp, nlines, i))
		return 0;
	/* Prose in any script, without the site's words: a sentence, a
	 * long line that ends as one does (lf_scan() counts the full stops
	 * after Latin letters alone), or a long one of clauses, not links
	 * (the article's lead). */
	if (l->h.vocab > 0)
		return 1;
	if (l->f.final && (l->f.sentence > 0 || l->f.chars >= OFF_MAIN_LONG))
		return 0;
	return !(l->f.chars >= OFF_MAIN_LONG && l->f.clause > 0 &&
	    !mostly_link(l));
}

/*
 * Where the page's main text ends (the line after its last, or nlines
 * when it has none: a dump, a page without one), and what elements and
 * names stand around every line of it.
 */
static void
mark_main_text(struct boilerplate *bp, size_t nlines)
{
	const struct html_line *h;
	size_t i;
	int any = 0;

	bp->main_end = nlines;
	bp->main_inside = bp->main_hints = 0;
	for (i = 0; i < nlines; i++) {
		if ((h = bp->lines[i].html) == NULL || !h->in_main)
			continue;
		bp->main_inside = any ? bp->main_inside & h->inside :
		    h->inside;
		bp->main_hints = any ? bp->main_hints & h->hints : h->hints;
		bp->main_end = i + 1;
		any = 1;
	}
}

/*
 * Does the page hide less than three quarters of its prose (lines with
 * a sentence)?  A page that hides (nearly) all of it shows it by a
 * script (a fade-in, a tab opened at load): there hidden says nothing of
 * a line.  Government sites hide whole copies of the article (one for
 * the elderly, one to print) beside the one they show: two thirds.
 */
static int
hides_little(const struct boilerplate *bp, size_t nlines)
{
	size_t i, prose = 0, hidden = 0;
	const struct line *l;

	for (i = 0; i < nlines; i++) {
		l = &bp->lines[i];
		if (l->html == NULL || l->f.sentence == 0)
			continue;
		prose += l->f.chars;
		if (l->html->inside & HI_HIDDEN)
			hidden += l->f.chars;
	}
	return hidden == 0 || hidden * 4 < prose * 3;
}

/*
 * Is line l text the page hides from its readers (display:none, the
 * hidden attribute, a class its style sheet hides: csshidden.h), short
 * of a sentence: a watermark after each paragraph (加拿大家园,www.iask.ca),
 * a menu's closed panes, a copy of the title kept for scripts?  Hidden
 * prose stays with the model: it may be the article's own text that a
 * script shows (a tab, "read more"), and a copy kept costs less than
 * text lost.
 */
static int
hidden_furniture(const struct boilerplate *bp, const struct line *l)
{
	return bp->hides_little && l->html &&
	    (l->html->inside & HI_HIDDEN) && l->f.sentence == 0 &&
	    !l->f.final && l->f.chars < OFF_MAIN_LONG;
}

/* The site's words a notice in prose has at least: two or three of its
 * notices' words (版权均属…, 未经书面授权…, 不得转载), more than an
 * article on a case of copyright quotes (…未经原告书面授权，擅自转载…). */
#define NOTICE_VOCAB 20
/* Characters a notice opens with, in which one of its words stands:
 * 本网声明：凡本网注明…, 中证网声明：凡本网注明…, 版权声明：…. */
#define NOTICE_OPENING 16

/*
 * Is prose line l, whose words were not looked up, made of the site's?
 * It opens with them, not a report that quotes them (记者注意到，涉事网站
 * 首页底部标注着“版权所有”…) nor a paragraph with a widget's words glued
 * to its end (…视力模糊。中翻英【Powered by Google AJAX Language API】，
 * 翻譯內容僅供參考。).
 */
static int
notice_words(struct boilerplate *bp, const struct line *l)
{
	struct rule_hits h;
	size_t i, k, chars = 0, mlen = bullet_len(l);
	int32_t cp;

	for (i = mlen; i < l->n && chars < NOTICE_OPENING; i += k, chars++)
		k = sp_utf8_next((const unsigned char *)l->s + i, l->n - i, &cp);
	rules_match(&bp->m.rules, l->s, i, mlen, 0, &h);
	if (h.vocab <= 0)
		return 0;
	rules_match(&bp->m.rules, l->s, l->n, mlen, 0, &h);
	return h.vocab >= NOTICE_VOCAB;
}

/*
 * Marks the notices of the site's in prose after the article, of its
 * rights (凡本网注明…版权均属…，未经书面授权不得转载) or of the rules
 * of its comments: the page's last paragraphs of prose while they are
 * notices (notice_words()), up to the last line with a sentence and
 * none of the site's words, and on HTML any such paragraph below the
 * main text.  There must be an article before them: a page that is a
 * site's statement (反侵权公告) keeps it.  The model does not judge prose
 * (plain_prose()), so nothing else would drop them.  last: the window
 * ends the document (a window's end is not the page's).
 */
static void
mark_notices(struct boilerplate *bp, size_t nlines, int last)
{
	struct line *l;
	size_t i, first = SIZE_MAX;
	int tail = last, any = 0;

	for (i = nlines; i-- > 0;) {
		l = &bp->lines[i];
		l->notice = 0;
		if (!l->unjudged) {
			if (l->n > 0 && l->f.sentence > 0 && l->h.vocab <= 0)
				tail = 0;	/* the article's, not a notice */
			continue;
		}
		if (tail || (last && l->html && i >= bp->main_end))
			l->notice = (unsigned char)notice_words(bp, l);
		if (l->notice)
			first = i;
		else
			tail = 0;
	}
	if (first == SIZE_MAX)
		return;
	for (i = 0; i < first && !any; i++) {
		l = &bp->lines[i];
		any = l->unjudged || (l->anchor && l->h.vocab <= 0);
	}
	if (!any)
		for (i = first; i < nlines; i++)
			bp->lines[i].notice = 0;
}

/* Characters of a line of the site's words alone, at most: a label and
 * its value (发布时间：2012-01-12 11:40), a row of buttons, a footer's
 * line; not a paragraph. */
#define WORDS_ALONE_CHARS 40

/*
 * Does the heaviest site word of l fill most of it (展开全文, 广告, 长按识别
 * 二维码 as a whole line)?  A subheading between paragraphs that holds a
 * site word among its own (未经授权擅自转载的法律后果) has more besides.
 */
static int
words_fill_line(const struct line *l)
{
	return l->h.best != NULL && l->h.best_len * 5 >= l->n * 3;
}

/* Characters of a row of the site's labels and their values, at most. */
#define LABELS_ALONE_CHARS 60

/*
 * Is l a row of the site's labels, each with its value (作者：佚名
 * 文章来源：网络 点击数：88 更新时间：2014-3-2): two labels or more whose
 * words weigh the rules' threshold together, though none does alone?
 */
static int
labels_alone(const struct boilerplate *bp, const struct line *l)
{
	return l->f.colons >= 2 && l->h.vocab >= threshold_of(bp);
}

/*
 * Is line i nothing but the site's words: one of them that alone weighs
 * the rules' threshold (网站标识码：…, 【打印本页】, 版权所有…, 当前位置：…,
 * not 笔试时间：… whose label and date weigh it together), with no
 * sentence in it or ending it, no comma (a piece of a sentence cut by a
 * dump: 法院审理认为，原告…享有版权所有人的全部权利), 40 characters at
 * most, no heading's number (（二）版权所有人如何维权), not between
 * paragraphs of prose close above and below (a subheading: 未经授权擅自
 * 转载的法律后果), and no copy of the page's headline (米乐…官方下载_app
 * 下载, a spam page's own title)?
 * Such a line is the site's wherever else it stands: the model, which
 * weighs the words with the line's place, kept a page's second and third
 * footers between the copies of its article (nmg.gov.cn) and a 朗读
 * button between its date and its text.  What the document's bones
 * are (a signature's date, the particulars) was kept before this.
 */
static int
site_words_alone(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];
	const struct page_sums *ps = &bp->sums;
	float title = ps->title_overlap[i];

	if (!((l->h.best != NULL && (l->h.best->weight >= threshold_of(bp) ||
	    labels_alone(bp, l))) || l->breadcrumb) ||
	    l->f.sentence > 0 || l->f.inner_sentence > 0 ||
	    (l->f.clause > l->f.colons && !words_fill_line(l)) ||
	    l->f.chars > (l->f.colons >= 2 ?
	    LABELS_ALONE_CHARS : WORDS_ALONE_CHARS) ||
	    (l->f.marker != LF_NONE && l->f.marker != LF_BULLET))
		return 0;
	if (between_prose(ps, i) && !words_fill_line(l))
		return 0;
	return !(!isnan(title) && title >= TITLE_COPY) &&
	    !own_headline(bp, nlines, i);
}

/*
 * The model's lean at which a line off the main text goes: OFF_MAIN_ODDS,
 * or even odds where the markup too says the line is the site's (<nav>,
 * <aside>, <footer>, a form, class="sidebar", "related", "tags" ...).
 * Measured on 2026-12-04, cross-validated by site: the labelled HTML
 * removed .9685 against .9680, the pages in other languages .9186
 * against .9133, for the text of tags and section names that their
 * labels count as the article's (kept .9598 against .9603).
 */
static double
off_main_odds(const struct boilerplate *bp, const struct line *l)
{
	/* Not what holds the main text too (<form id="form1"> around a
	 * whole ASP.NET page, <div id="page" class="site">). */
	return l->html && ((l->html->inside & SITE_ELEMENTS &
	    ~bp->main_inside) || (l->html->hints & SITE_NAMES &
	    ~bp->main_hints)) ? EVEN_ODDS : OFF_MAIN_ODDS;
}

/* Lines of the site's (a date, a source, 【打印本页】) that may stand
 * between an article's headline and its first paragraph, at most. */
#define HEADLINE_META 8
/* Characters of an article's headline, at most; Han ones, at least (a
 * menu's last item, 院所導覽, 最后更新, has fewer). */
#define HEADLINE_CHARS 50
#define HEADLINE_HAN 8

/* Does l end as a sentence does, with 。！？ (not …, which cuts a teaser
 * short)? */
static int
ends_as_sentence(const struct line *l)
{
	int32_t c = l->f.last;

	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '.' ||
	    c == '!' || c == '?';
}

/*
 * Does the article's first paragraph begin below line i, with nothing
 * between them but the site's lines (its vocabulary: 发布时间：…
 * 来源：… 【打印本页】) and dates and bylines?  A paragraph ends as a
 * sentence does (a list's teaser under its headline is cut short: …); a
 * salutation (同志们：) before one opens a speech as a paragraph does.
 */
static int
article_begins_below(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *o;
	size_t j, between = 0;

	for (j = i + 1; j < nlines && between <= HEADLINE_META; j++) {
		o = &bp->lines[j];
		if (o->n == 0)
			continue;
		if ((o->anchor && ends_as_sentence(o)) || (o->f.chars <= 12 &&
		    (o->f.last == 0xFF1A || o->f.last == ':') &&
		    j + 1 < nlines && bp->lines[j + 1].anchor))
			return 1;
		if (o->h.vocab <= 0 && !(bp->shapes[j].pattern &
		    (SHAPE_DATE | SHAPE_TIME | SHAPE_BYLINE)))
			return 0;
		between++;
	}
	return 0;
}

/* Han characters of a sentence of prose that between_sentences() sees. */
#define SENTENCE_HAN 8

/* Is line j a sentence of Chinese prose? */
static int
chinese_sentence(const struct boilerplate *bp, size_t j)
{
	const struct line *o = &bp->lines[j];

	return o->f.sentence > 0 && o->f.han >= SENTENCE_HAN &&
	    o->h.vocab <= 0;
}

/*
 * Does a sentence of Chinese prose stand SHELTER lines or fewer above
 * line i, and one below?  Lines of code between them are the text's (a
 * tutorial's), not a snippet the page's template left.
 */
static int
between_sentences(const struct boilerplate *bp, size_t nlines, size_t i)
{
	size_t j, above = 0, below = 0;

	for (j = i; j > 0 && i - j < SHELTER && !above; j--)
		above = chinese_sentence(bp, j - 1);
	for (j = i + 1; j < nlines && j - i <= SHELTER && !below; j++)
		below = chinese_sentence(bp, j);
	return above && below;
}

/*
 * Is line i of a dump (a page's HTML has its <title> and <h1> to tell)
 * the article's headline: a line shaped as a title (Han in it,
 * no sentence, no separator, bullet or site word, not one of a list of
 * headlines), no prose above it, and the article beginning below it
 * past the site's lines of date, source and buttons only?  A 范文 or news
 * page prints its breadcrumb, the headline, a row of particulars and
 * buttons, then the text: the model, weighing the furniture all around
 * it, took the headline for furniture (在全市经济工作会议上的讲话 between
 * 当前位置：… and 发布时间：…).  Content first: it stays.
 */
static int
article_headline(const struct boilerplate *bp, size_t nlines, size_t i)
{
	const struct line *l = &bp->lines[i];

	if (l->html || l->h.vocab > 0 || l->anchor || l->f.sentence > 0 ||
	    l->f.han < HEADLINE_HAN || l->f.chars > HEADLINE_CHARS ||
	    l->f.seps > 0 ||
	    bp->shapes[i].bullet || bp->shapes[i].pattern ||
	    bp->sums.prev_anchor[i] != SIZE_MAX)
		return 0;
	return article_begins_below(bp, nlines, i) &&
	    !headline_list(bp, nlines, i);
}

/*
 * Does the model lean to furniture, p at odds or more, short of its
 * cut-off?  A cut-off over 1 (nothing goes by the model) leaves nothing
 * to lean on either.
 */
static int
leaning(const struct boilerplate *bp, double p, double odds)
{
	return bp->cutoff <= 1 && p >= odds && p < bp->cutoff;
}

static int
second_look(struct boilerplate *bp, size_t nlines, size_t i, int threshold)
{
	struct line *l = &bp->lines[i];
	int sentence = l->f.sentence > 0 && l->f.final;

	if ((l->anchor || sentence) &&
	    (l->repeats > 0 || !isnan(l->furniture))) {
		float furniture = l->furniture;
		int repeats = l->repeats;
		double again;

		l->furniture = NAN;
		l->repeats = 0;
		again = probability(bp, nlines, i, threshold, FRESH, NULL);
		l->furniture = furniture;
		l->repeats = repeats;
		if (again < bp->cutoff)
			return 1;
	}
	return (sentence || (headline_like(bp, i) &&
	    !headline_list(bp, nlines, i))) && l->h.vocab <= 0 &&
	    !l->anchor && !in_site_element(l) &&
	    bp->shapes[i].tokens == 0 &&
	    centred_probability(bp, nlines, i, threshold) < bp->cutoff;
}

/* Han characters of a paragraph that own_invitation() keeps, at least. */
#define INVITATION_HAN 20

/*
 * Is line i a paragraph of the article that the model would drop for a
 * promo's words it says of itself: from the article's first paragraph
 * to its last (edges.h), a sentence that ends, no word of the site's
 * that decides alone and the heaviest an invitation of the site's voice,
 * and words of that voice that do not make it (下面，我讲几点意见，供大
 * 家参考，希望对大家有所帮助。: an invitation, not a site's offer of a
 * text it gathered; not a notice, 本文由…原创，未经许可请勿转载, whose
 * heaviest word is no invitation)?  Content first: it stays.
 * Asked of the lines the model would drop alone: the article's text is
 * not read again.
 */
static int
own_invitation(struct boilerplate *bp, size_t i)
{
	const struct line *l = &bp->lines[i];
	int voice;

	if (i < bp->top || i > bp->end || l->f.sentence == 0 ||
	    !l->f.final || l->f.han < INVITATION_HAN ||
	    l->h.best == NULL || l->h.best->weight >= threshold_of(bp) ||
	    !edges_invites(&bp->voice, l))
		return 0;
	voice = edges_voice(&bp->voice, l);
	return voice > 0 && voice < bp->voice.threshold;
}

/*
 * Is line i furniture?  The user's rules first, then the model (or the
 * rules alone when the user replaced it), images named by their files
 * before it.  Content first: plain prose is not judged, the document's
 * bones and what it shelters are kept, and a line of prose that would go
 * only because it repeats stays.
 */
static int
judge(struct boilerplate *bp, size_t nlines, size_t i, char *why,
    size_t whylen)
{
	const struct line *l = &bp->lines[i];
	int threshold = threshold_of(bp), ut = bp->m.user.threshold;
	double p, p1;

	if (bp->has_user && bp->user_hits[i].vocab >= ut) {
		if (why)
			why_user(l, &bp->user_hits[i], why, whylen);
		return DROPPED_BY_RULE;
	}
	if (bp->has_user && bp->user_hits[i].vocab <= -ut)
		return KEPT;
	if (bp->model == NULL) {
		if (l->score < threshold)
			return KEPT;
		if (why)
			why_rules(l, why, whylen);
		return DROPPED_BY_RULE;
	}
	if (hidden_furniture(bp, l)) {
		if (why)
			snprintf(why, whylen, "hidden from the page's readers");
		return DROPPED_BY_RULE;
	}
	if (l->notice) {
		if (why)
			snprintf(why, whylen, "a notice of the site's after "
			    "the article");
		return DROPPED_BY_RULE;
	}
	/* Prose, and the model would keep it: the site's all the same. */
	if (l->edge == EDGE_VOICE) {
		if (why)
			snprintf(why, whylen, "the site's words on its article, "
			    "before or after it");
		return DROPPED_BY_RULE;
	}
	/* Code between paragraphs of prose is a tutorial's own. */
	if (l->script && !between_sentences(bp, nlines, i)) {
		if (why)
			snprintf(why, whylen, "a line of a script's code");
		return DROPPED_BY_RULE;
	}
	if (id_tokens(l->s, l->n)) {
		if (why)
			snprintf(why, whylen, "images named by their files");
		return DROPPED_BY_RULE;
	}
	/* Items of words, not a row of figures. */
	if (l->menu_line && bp->shapes[i].digits * 2 < l->f.chars) {
		if (why)
			snprintf(why, whylen, "a menu written on one line");
		return DROPPED_BY_RULE;
	}
	if (l->n == 0 || l->unjudged || sheltered(bp, i) ||
	    inside_article(bp, nlines, i) ||
	    structural(bp, nlines, i) || prose_then_vocabulary(bp, l))
		return KEPT;
	if (site_words_alone(bp, nlines, i)) {
		if (why)
			why_rules(l, why, whylen);
		return DROPPED_BY_RULE;
	}
	if (l->edge == EDGE_TITLES && !own_headline(bp, nlines, i)) {
		if (why)
			snprintf(why, whylen, "one of a list of titles after "
			    "the article");
		return DROPPED_BY_RULE;
	}
	if (article_headline(bp, nlines, i))
		return KEPT;
	p = probability(bp, nlines, i, threshold, why ? EXPLAINED : STORED,
	    &p1);
	if (leaning(bp, p, EVEN_ODDS) && headline_list(bp, nlines, i) &&
	    !own_headline(bp, nlines, i)) {
		if (why)
			snprintf(why, whylen, "one of a list of headlines "
			    "(model %.2f)", p);
		return DROPPED_BY_RULE;
	}
	if (leaning(bp, p, off_main_odds(bp, l)) &&
	    off_main_text(bp, nlines, i)) {
		if (why)
			snprintf(why, whylen, "%s (model %.2f)", l->html ?
			    "outside the page's main text" :
			    "outside the article's text", p);
		return DROPPED_BY_RULE;
	}
	if (p < bp->cutoff)
		return KEPT;
	if (second_look(bp, nlines, i, threshold) || own_invitation(bp, i))
		return KEPT;
	if (why) {
		/* The line's own features, not the second look's. */
		features_line(bp->lines, bp->shapes, nlines, i, threshold,
		    &bp->sums, bp->x);
		why_model(bp, l, p, p1, why, whylen);
	}
	return DROPPED_BY_MODEL;
}

/* The features of every line, for make train: nothing is dropped. */
static void
dump(struct boilerplate *bp, size_t nlines, size_t base, int threshold,
    struct sp_buf *out, int *started)
{
	char num[32];
	size_t i;
	int f, k;

	if (base == 0) {
		put(out, "#features", 9);
		for (f = 0; f < NFEATURES; f++) {
			put(out, "\t", 1);
			put(out, feature_names[f], strlen(feature_names[f]));
		}
		*started = 1;
	}
	for (i = 0; i < nlines; i++) {
		const struct line *l = &bp->lines[i];

		features_line(bp->lines, bp->shapes, nlines, i, threshold,
		    &bp->sums, bp->x);
		k = snprintf(num, sizeof num, "\n%zu", base + i);
		put(out, num, (size_t)k);
		for (f = 0; f < NFEATURES; f++) {
			k = isnan(bp->x[f]) ? snprintf(num, sizeof num,
			    "\tnan") : snprintf(num, sizeof num, "\t%.6g",
			    (double)bp->x[f]);
			put(out, num, (size_t)k);
		}
		put(out, "\t", 1);
		put(out, l->s, l->n);
	}
}

/* Where the lines of the window stand, and what else is known of them. */
static void
prepare(struct boilerplate *bp, size_t nlines, size_t base,
    const struct page_info *info, struct pool *pool)
{
	size_t i;
	float pages;

	scan_lines(bp, pool, nlines);
	for (i = 0; i < nlines; i++) {
		struct line *l = &bp->lines[i];

		l->html = info && info->html && base + i < info->nhtml ?
		    info->html[base + i] : NULL;
		l->furniture = NAN;
		l->furniture_pages = 0;
		if (info && info->furniture) {
			l->furniture = info->furniture(l->s, l->n, &pages,
			    info->furniture_ctx);
			l->furniture_pages = pages;
		}
	}
	layout_page(bp->lines, nlines, threshold_of(bp));
	features_page(bp->lines, nlines, &bp->sums);
}

/*
 * Judges the lines of doc[0..len), at most WINDOW of them, the first
 * being line base of the document, appending the kept ones to out
 * (*started: out already holds a line).  Returns the number dropped;
 * *rest gets where the lines not taken begin, or NULL.
 */
static size_t
filter_window(struct boilerplate *bp, const char *doc, size_t len,
    size_t base, const struct page_info *info, struct sp_buf *out,
    int *started, const char **rest, boilerplate_explain_fn explain,
    void *ctx, struct pool *pool)
{
	const char *s = doc, *end = doc + len, *nl;
	size_t nlines = 0, i, dropped = 0, at;
	char why[256], gap;
	struct line *l;

	*rest = NULL;
	for (;;) {
		if (nlines == WINDOW) {
			*rest = s;
			break;
		}
		nl = memchr(s, '\n', (size_t)(end - s));
		reserve(bp, nlines + 1);
		l = &bp->lines[nlines];
		memset(l, 0, sizeof *l);
		memset(&bp->shapes[nlines], 0, sizeof bp->shapes[nlines]);
		memset(&bp->user_hits[nlines], 0, sizeof bp->user_hits[0]);
		l->s = s;
		l->n = (size_t)((nl ? nl : end) - s);
		nlines++;
		if (!nl)
			break;
		s = nl + 1;
	}
	prepare(bp, nlines, base, info, pool);
	if (bp->dump) {
		dump(bp, nlines, base, threshold_of(bp), out, started);
		return 0;
	}
	if (bp->model)
		stage1_all(bp, nlines, threshold_of(bp));
	mark_prose_after(bp, nlines);
	mark_headline_spots(bp, nlines);
	mark_particulars(bp, nlines);
	mark_closings(bp, nlines);
	bp->hides_little = hides_little(bp, nlines);
	mark_main_text(bp, nlines);
	mark_notices(bp, nlines, *rest == NULL);
	edges_mark(bp->lines, bp->shapes, nlines, &bp->voice, threshold_of(bp),
	    base == 0, *rest == NULL, &bp->top, &bp->end);
	for (i = 0; i < nlines; i++)
		bp->lines[i].verdict = judge(bp, nlines, i, NULL, 0);
	mend_sentences(bp, nlines);
	for (i = 0; i < nlines; i++) {
		l = &bp->lines[i];
		if (l->verdict != KEPT && !lone(bp, nlines, i)) {
			dropped++;
			bp->dropped_before = 1;
			if (explain) {
				judge(bp, nlines, i, why, sizeof why);
				explain(l->s, l->n, why, ctx);
			}
			continue;
		}
		if (*started)
			put(out, "\n", 1);
		put(out, l->s, l->n);
		gap = (char)(*started && bp->dropped_before);
		put(&bp->gaps, &gap, 1);
		at = base + i;
		put(&bp->kept, &at, sizeof at);
		bp->dropped_before = 0;
		*started = 1;
	}
	return dropped;
}

size_t
boilerplate_filter(struct boilerplate *bp, const char *doc, size_t len,
    const struct page_info *info, struct sp_buf *out,
    boilerplate_explain_fn explain, void *ctx, struct pool *pool)
{
	const char *rest;
	size_t dropped = 0, base = 0;
	int started = 0;

	sp_buf_clear(out);
	sp_buf_clear(&bp->gaps);
	sp_buf_clear(&bp->kept);
	bp->dropped_before = 0;
	if (len == 0 && !bp->dump)
		return 0;	/* no line to judge */
	if (sp_buf_reserve(out, len) < 0)
		sp_oom();
	/* A document of very many lines is scored a window at a time, so
	 * memory stays bounded whatever the line count. */
	for (;;) {
		dropped += filter_window(bp, doc, len, base, info, out,
		    &started, &rest, explain, ctx, pool);
		if (rest == NULL)
			break;
		base += WINDOW;
		len -= (size_t)(rest - doc);
		doc = rest;
	}
	return dropped;
}
