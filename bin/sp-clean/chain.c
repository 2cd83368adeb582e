/* chain.c: the cleaning chain over one document; see chain.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "held.h"
#include "text.h"
#include "tool.h"

/* A text longer than this is cleaned in blocks of about this many bytes. */
#define BLOCK (1 << 20)

/* Lines of a long document going through the line steps in some thread. */
struct block {
	struct pool_task task;		/* first: a task is its block */
	const struct chain_opts *opts;
	const char *s;			/* whole lines, the last one ended */
	size_t n;
	const char *file;
	struct sp_buf x, y;		/* the steps' outputs */
	const char *res;		/* what they gave */
	size_t reslen;
	struct chain_counts counts;
	struct sp_buf msgs;		/* --explain's, held for the order */
};

int
chain_init(struct chain *ch, const struct chain_opts *opts,
    const struct boilerplate *rules, char *err, size_t errlen)
{
	memset(ch, 0, sizeof *ch);
	ch->opts = opts;
	if (opts->on[S_BOILERPLATE] &&
	    (ch->bp = boilerplate_clone(rules)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (opts->on[S_SCRIPT] &&
	    (ch->sc = script_open(opts->script_to, err, errlen)) == NULL) {
		boilerplate_free(ch->bp);
		return -1;
	}
	return 0;
}

void
chain_free(struct chain *ch)
{
	size_t i;

	for (i = 0; i < ch->nblocks; i++) {
		sp_buf_free(&ch->blocks[i].x);
		sp_buf_free(&ch->blocks[i].y);
		sp_buf_free(&ch->blocks[i].msgs);
	}
	free(ch->blocks);
	html_page_free(&ch->page);
	sp_buf_free(&ch->x);
	sp_buf_free(&ch->breaks);
	sp_buf_free(&ch->blank_before);
	sp_buf_free(&ch->y);
	free(ch->html_of);
	boilerplate_free(ch->bp);
	script_close(ch->sc);
	sp_buf_free(&ch->a);
	sp_buf_free(&ch->b);
	memset(ch, 0, sizeof *ch);
}

void
chain_thread_end(void)
{
	int i;

	for (i = 0; i < NSTEPS; i++)
		if (steps[i].thread_end)
			steps[i].thread_end();
}

void
chain_counts_add(struct chain_counts *to, const struct chain_counts *c)
{
	int i, k;

	for (i = 0; i < NSTEPS; i++)
		for (k = 0; k < STEP_COUNTERS; k++)
			to->step[i][k] += c->step[i][k];
	to->empty += c->empty;
}

/* The step's output, in b, becomes the current text. */
static void
swap(struct chain *ch)
{
	struct sp_buf t = ch->a;

	ch->a = ch->b;
	ch->b = t;
	sp_buf_clear(&ch->b);
	ch->cur = ch->a.data ? ch->a.data : "";
	ch->curlen = ch->a.len;
}

void
chain_own(struct chain *ch)
{
	if (ch->cur == ch->a.data)
		return;
	sp_buf_clear(&ch->b);
	put(&ch->b, ch->cur, ch->curlen);
	swap(ch);
}

static int
has_empty_line(const char *s, size_t n)
{
	const char *nl, *end = s + n;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		if (nl + 1 < end && nl[1] == '\n')
			return 1;
		s = nl + 1;
	}
	return 0;
}

/*
 * Drops the empty lines and the final newline of the text; blanks (NULL:
 * not wanted) is left holding a byte a line kept, 1 where empty lines
 * stood before it, or nothing when there were none.
 */
static void
drop_empty(struct chain *ch, struct sp_buf *blanks)
{
	const char *s = ch->cur, *nl;
	size_t n = ch->curlen, len;
	int empty_before = 0;

	if (blanks)
		sp_buf_clear(blanks);
	if (n == 0 || (s[0] != '\n' && s[n - 1] != '\n' &&
	    !has_empty_line(s, n)))
		return;		/* nothing to drop */
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		if (len > 0) {
			if (ch->b.len > 0)
				putch(&ch->b, '\n');
			put(&ch->b, s, len);
			if (blanks)
				putch(blanks, (char)(empty_before &&
				    ch->b.len > len));
			empty_before = 0;
		} else if (nl) {
			ch->n->empty++;
			empty_before = 1;
		}
		if (nl == NULL)
			break;
		s += len + 1;
		n -= len + 1;
	}
	/* A newline at the end opens no line the loop counts: whether the
	 * input had an empty last line there the caller counts, from the
	 * text as the framing left it (jobs.c), not as the steps made it. */
	swap(ch);
}

/*
 * The line steps over *cur[0..*curlen), each writing into x or y,
 * whichever does not hold its input; *cur is left on the result.
 */
static void
line_steps(const struct chain_opts *o, const char **cur, size_t *curlen,
    struct sp_buf *x, struct sp_buf *y, struct chain_counts *n,
    const char *file)
{
	struct step_ctx c = { o, file, NULL, NULL, NULL, NULL };
	struct sp_buf *out;
	int i;

	for (i = 0; i < NSTEPS; i++) {
		if (steps[i].kind != STEP_LINE || !o->on[i])
			continue;
		out = *cur == x->data ? y : x;
		sp_buf_clear(out);
		c.n = n->step[i];
		if (steps[i].run(*cur, *curlen, out, &c)) {
			*cur = out->data ? out->data : "";
			*curlen = out->len;
		}
	}
}

/* Document step i over the current text. */
static void
document_step(struct chain *ch, int i, const struct page_info *info,
    struct pool *pool)
{
	struct step_ctx c = { ch->opts, ch->file, ch->n->step[i], ch, info,
	    pool };

	if (steps[i].run(ch->cur, ch->curlen, &ch->b, &c))
		swap(ch);
}

static void
run_block(struct pool_task *t, int thread)
{
	struct block *b = (struct block *)t;
	struct sp_buf *was = held_capture(&b->msgs);

	(void)thread;
	memset(&b->counts, 0, sizeof b->counts);
	b->res = b->s;
	b->reslen = b->n;
	line_steps(b->opts, &b->res, &b->reslen, &b->x, &b->y, &b->counts,
	    b->file);
	held_capture(was);
}

/*
 * line_steps() over the current text in blocks of whole lines, run by the
 * pool's threads a window at a time (memory stays a few blocks over the
 * text), their results joined in order into the current text.  Without a
 * pool (-j1, or a document a worker cleans) the same blocks are run here
 * one after another: a step that reads its input whole (the mojibake
 * step's evidence of the page) sees the same text whatever -j is, and the
 * output is the same.
 */
static void
line_steps_in_blocks(struct chain *ch, struct pool *p)
{
	const char *s = ch->cur, *end = ch->cur + ch->curlen, *nl;
	size_t window = p ? (size_t)pool_threads(p) * 2 : 1, sent = 0, got = 0;
	struct block *b;

	if (ch->nblocks < window) {
		ch->blocks = sp_xrealloc(ch->blocks, window * sizeof *b);
		memset(ch->blocks + ch->nblocks, 0,
		    (window - ch->nblocks) * sizeof *b);
		ch->nblocks = window;
	}
	sp_buf_clear(&ch->b);
	if (sp_buf_reserve(&ch->b, ch->curlen) < 0)
		sp_oom();
	while (got < sent || s < end) {
		while (sent - got < window && s < end) {
			b = &ch->blocks[sent++ % window];
			b->task.run = run_block;
			b->opts = ch->opts;
			b->file = ch->file;
			b->s = s;
			if ((size_t)(end - s) <= BLOCK ||
			    (nl = memchr(s + BLOCK, '\n',
			    (size_t)(end - s - BLOCK))) == NULL)
				s = end;
			else
				s = nl + 1;
			b->n = (size_t)(s - b->s);
			if (p)
				pool_submit(p, &b->task);
			else
				run_block(&b->task, 0);
		}
		b = &ch->blocks[got++ % window];
		if (p)
			pool_wait(p, &b->task);
		put(&ch->b, b->res, b->reslen);
		chain_counts_add(ch->n, &b->counts);
		held_pass(&b->msgs);
	}
	swap(ch);
}

/*
 * Can s[0..n) be cut into blocks of whole lines, none over 4 blocks?  A
 * text of longer lines is cleaned in one piece: its blocks would each be
 * as big as the text, and bring no thread anything to share.
 */
static int
blockable(const char *s, size_t n)
{
	const char *end = s + n, *nl;
	size_t room;

	while ((size_t)(end - s) > BLOCK) {
		room = (size_t)(end - s) - BLOCK;
		if (room > 3 * BLOCK)
			room = 3 * BLOCK;
		if ((nl = memchr(s + BLOCK, '\n', room)) == NULL)
			return (size_t)(end - s) <= 4 * BLOCK;
		s = nl + 1;
	}
	return 1;
}

/* After line_steps() on the chain's buffers: the text is in a again. */
static void
settle(struct chain *ch)
{
	struct sp_buf t;

	if (ch->cur == ch->b.data && ch->b.data) {
		t = ch->a;
		ch->a = ch->b;
		ch->b = t;
	}
	sp_buf_clear(&ch->b);
}

/*
 * The html step for a page: parsed into lines (htmlpage.h), each line
 * through the line steps on its own, so that every line of the text, and
 * every line a step makes of it, knows the page line it came from.
 * Returns the number of lines of the text.
 */
static size_t
page_steps(struct chain *ch, const char *text, size_t len)
{
	struct html_page *pg = &ch->page;
	const char *s, *end, *nl, *cur, *r, *rend, *rnl;
	size_t j, curlen, nout = 0;

	html_page_parse(pg, text, len);
	ch->n->step[S_HTML][STEP_HTML_PAGES]++;
	ch->n->step[S_HTML][STEP_HTML_TAGS] += pg->tags;
	ch->n->step[S_HTML][STEP_HTML_SCRIPTS] += pg->scripts;
	ch->n->step[S_HTML][STEP_HTML_HIDDEN] += pg->hidden_runs;
	sp_buf_clear(&ch->a);
	s = pg->text.data ? pg->text.data : "";
	end = s + pg->text.len;
	for (j = 0; j < pg->nlines; j++, s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		cur = s;
		curlen = (size_t)(nl - s);
		line_steps(ch->opts, &cur, &curlen, &ch->x, &ch->y, ch->n,
		    ch->file);
		if (curlen == 0)	/* the page's line, or what is left */
			ch->n->empty++;
		for (r = cur, rend = cur + curlen; r < rend; r = rnl + 1) {
			if ((rnl = memchr(r, '\n', (size_t)(rend - r))) ==
			    NULL)
				rnl = rend;
			if (rnl == r) {
				ch->n->empty++;
				continue;
			}
			if (nout == ch->html_cap) {
				ch->html_cap = ch->html_cap ? ch->html_cap * 2 :
				    256;
				ch->html_of = sp_xrealloc(ch->html_of,
				    ch->html_cap * sizeof *ch->html_of);
			}
			ch->html_of[nout++] = &pg->lines[j];
			if (ch->a.len > 0)
				putch(&ch->a, '\n');
			put(&ch->a, r, (size_t)(rnl - r));
		}
	}
	ch->cur = ch->a.data ? ch->a.data : "";
	ch->curlen = ch->a.len;
	sp_buf_clear(&ch->b);
	return nout;
}

/* Is the document parsed as an HTML page? */
static int
is_page(const struct chain *ch, const char *text, size_t len)
{
	if (!ch->opts->on[S_HTML])
		return 0;
	return ch->opts->html == HTML_ALWAYS || html_is_page(text, len);
}

/* How many pages of the document's site have a line (furniture.h). */
static float
furniture_of(const char *line, size_t len, float *pages, void *ctx)
{
	const struct chain *ch = ctx;

	return furniture_share(ch->opts->furniture, ch->site, line, len,
	    pages);
}

void
chain_prepare(struct chain *ch, const char *text, size_t len,
    struct chain_counts *n, const char *file, struct pool *pool,
    struct page_info *info)
{
	const int *on = ch->opts->on;

	memset(info, 0, sizeof *info);
	ch->n = n;
	ch->file = file;
	sp_buf_clear(&ch->a);
	sp_buf_clear(&ch->b);
	sp_buf_clear(&ch->blank_before);
	ch->cur = text;
	ch->curlen = len;
	if (is_page(ch, text, len) && html_page_available()) {
		info->nhtml = page_steps(ch, text, len);
		info->html = ch->html_of;
	} else {
		if (on[S_HTML])
			document_step(ch, S_HTML, NULL, pool);
		if (ch->curlen > 2 * BLOCK && blockable(ch->cur, ch->curlen)) {
			line_steps_in_blocks(ch, pool);
		} else {
			line_steps(ch->opts, &ch->cur, &ch->curlen, &ch->a,
			    &ch->b, n, file);
			settle(ch);
		}
		drop_empty(ch, &ch->blank_before);
	}
	if (ch->opts->furniture && ch->site) {
		info->furniture = furniture_of;
		info->furniture_ctx = ch;
	}
}

/* The document steps after html run after the line steps (steps.h). */
void
chain_run(struct chain *ch, const char *text, size_t len,
    struct chain_counts *n, const char *file, struct pool *pool)
{
	struct page_info info;
	int i;

	chain_prepare(ch, text, len, n, file, pool, &info);
	for (i = S_HTML + 1; i < NSTEPS; i++)
		if (steps[i].kind == STEP_DOCUMENT && ch->opts->on[i])
			document_step(ch, i, &info, pool);
	drop_empty(ch, NULL);
}
