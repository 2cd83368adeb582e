/*
 * steps.h: sp-clean's steps, one table in the order they run.
 *
 * Each step has a name (--no-NAME, --only NAME, --help, the man page), a
 * kind, a run function of one signature and its counters' --stats
 * labels.  The chain (chain.h) runs the document's steps from the table:
 *
 *   decode (1) → html (2) → unicode (3) → spaces (4) → pinyin (5) →
 *   mojibake (6) → punct (7) → boilerplate (8) → hardwrap (9) → script (10)
 *
 * A step that works a line at a time (STEP_LINE) is run on blocks of
 * lines by several threads for a long document, and on each line of an
 * HTML page alone; the document steps after html run after those, in
 * table order.  tests/unit/sp-clean/test_table.c checks the man page's
 * step list against the table.
 */
#ifndef SP_CLEAN_STEPS_H
#define SP_CLEAN_STEPS_H
#include <stddef.h>

/* The steps, in the order they run; the table's index. */
enum step_id {
	S_DECODE, S_HTML, S_UNICODE, S_SPACES, S_PINYIN, S_MOJIBAKE, S_PUNCT,
	S_BOILERPLATE, S_HARDWRAP, S_SCRIPT, NSTEPS
};

/* Counters a step has at most. */
#define STEP_COUNTERS 5
/* The html step's counters that a page parsed whole adds to (chain.c):
 * its tags, its scripts and styles, the documents parsed as pages, the
 * hidden runs taken out of its lines.  The parser decodes references
 * itself, uncounted. */
#define STEP_HTML_TAGS 1
#define STEP_HTML_SCRIPTS 2
#define STEP_HTML_PAGES 3
#define STEP_HTML_HIDDEN 4

enum step_kind {
	STEP_OPERAND,	/* once a file, before it is read as documents */
	STEP_DOCUMENT,	/* on a whole document */
	STEP_LINE	/* on lines, each changed without the others */
};

struct chain;
struct chain_opts;
struct page_info;
struct pool;
struct sp_buf;

/* What a step's run function is given besides the text. */
struct step_ctx {
	const struct chain_opts *opts;
	const char *file;		/* the document's name in messages */
	size_t *n;			/* the step's counters */
	/* Document steps only (NULL for line steps): */
	struct chain *ch;
	const struct page_info *info;	/* the boilerplate step's lines */
	struct pool *pool;		/* NULL: none */
};

/*
 * Appends to out what the step makes of s[0..n).  Returns 1, or 0 when
 * it left the text as it was and wrote nothing.
 */
typedef int step_fn(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c);

struct step {
	const char *name;
	enum step_kind kind;
	/* Off unless an option turns it on: no --no-NAME, not in --only. */
	int by_option;
	step_fn *run;			/* NULL for decode (decode.h) */
	void (*thread_end)(void);	/* frees a thread's scratch, or NULL */
	/* --stats labels, "NAME: what", of the counters in order. */
	const char *counters[STEP_COUNTERS];
};

extern const struct step steps[NSTEPS];

/* The step named s[0..len), or -1. */
int step_by_name(const char *s, size_t len);
/*
 * The names of the steps --no-NAME and --only take, separated by a
 * space, into buf (truncated to len); a line is broken before the name
 * that would take it over width bytes, and indent starts the next.
 */
void step_names(char *buf, size_t len, size_t first, size_t width,
    const char *indent);
/* Adds the step's counters n[] to --stats. */
void step_stats(enum step_id s, const size_t *n);

#endif
