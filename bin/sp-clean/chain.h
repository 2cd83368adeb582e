/*
 * chain.h: the cleaning chain over one document: the steps of the table
 * (steps.h) after decode, in its order, with the chain's own buffers,
 * boilerplate scorer and converter, so that several threads can each run
 * one.  It leaves one paragraph a line, with no empty lines.  Decoding
 * (step 1) happens before, per operand.
 */
#ifndef SP_CLEAN_CHAIN_H
#define SP_CLEAN_CHAIN_H
#include <stddef.h>

#include "boilerplate.h"
#include "buf.h"
#include "furniture.h"
#include "htmlpage.h"
#include "pool.h"
#include "script.h"
#include "steps.h"

/* When the html step parses a document as a page (htmlpage.h). */
enum html_mode { HTML_DETECT, HTML_ALWAYS };

/* What the options asked for; read-only once the chains run. */
struct chain_opts {
	int on[NSTEPS];
	enum html_mode html;
	int nfkc;
	int explain;
	enum script_to script_to;
	/* The lines sites repeat, counted (NULL: not asked for). */
	const struct furniture *furniture;
};

/* What the steps did, for --stats: each step's counters (steps.h). */
struct chain_counts {
	size_t step[NSTEPS][STEP_COUNTERS];
	size_t empty;			/* empty lines dropped */
};

struct block;

struct chain {
	const struct chain_opts *opts;
	struct boilerplate *bp;		/* NULL with the step off */
	struct script *sc;		/* NULL with the step off */
	/* The text is cur[0..curlen): the input, or in a after a step. */
	struct sp_buf a, b;
	const char *cur;
	size_t curlen;
	struct chain_counts *n;		/* where the run counts */
	const char *file;		/* the document's name in messages */
	uint64_t site;			/* the document's site (furniture.h) */
	struct block *blocks;		/* for a long document, cleaned by */
	size_t nblocks;			/* the pool in blocks of lines */
	/* A document parsed as an HTML page: the page, scratch for its
	 * lines' steps, and the page line each line of the text came from. */
	struct html_page page;
	struct sp_buf x, y;
	const struct html_line **html_of;
	size_t html_cap;
	struct sp_buf breaks;		/* the hardwrap step's, of a page */
	/* A text document (no page): a byte a line of the text the line
	 * steps left, 1 where empty lines stood before it; empty when the
	 * text had none. */
	struct sp_buf blank_before;
};

/*
 * Sets up ch for opts, scoring boilerplate with a clone of rules (NULL
 * when the step is off).  Returns 0, or -1 with the reason in err.
 */
int  chain_init(struct chain *ch, const struct chain_opts *opts,
    const struct boilerplate *rules, char *err, size_t errlen);
/*
 * Runs the chain over text[0..len), counting into *n; file names the
 * document in --explain messages.  The result is ch->cur[0..ch->curlen).
 * With a pool (NULL: none), the steps that work a line at a time
 * (STEP_LINE) run on blocks of lines in its threads, when the text is
 * long: the caller must be the one thread that waits on the pool, and
 * must have no other task queued.
 */
void chain_run(struct chain *ch, const char *text, size_t len,
    struct chain_counts *n, const char *file, struct pool *pool);
/*
 * The steps before the boilerplate step (html and the line steps) over
 * text[0..len): the lines that step would judge, in
 * ch->cur[0..ch->curlen), and what it would know of them in *info.  For counting furniture (a first pass).
 */
void chain_prepare(struct chain *ch, const char *text, size_t len,
    struct chain_counts *n, const char *file, struct pool *pool,
    struct page_info *info);
/* Makes ch->a hold the result, for changes in place. */
void chain_own(struct chain *ch);
void chain_free(struct chain *ch);

void chain_counts_add(struct chain_counts *to, const struct chain_counts *c);
/* Frees the calling thread's scratch in the steps (before it exits). */
void chain_thread_end(void);

#endif
