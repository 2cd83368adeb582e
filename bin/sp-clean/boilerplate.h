/*
 * boilerplate.h: drop the lines of a page that belong to the site, not the
 * document: breadcrumbs, time/source/author/view-count lines, promos and
 * notices, menus, related-link lists, 上一篇/下一篇, copyright, ICP footers.
 *
 * Each line is judged by a learned model (model.h) on features that hold
 * across sites (bpfeatures.h): its make-up and punctuation, its place in
 * the page and the layout around it (layout.h), the lines on each side,
 * what the HTML said of it when the page was parsed (htmlpage.h), how
 * many pages of its site have it (furniture.h), and the site vocabulary
 * of the built-in rules file.  Content comes first: a long paragraph of
 * prose is never judged (only a user's rule can drop it), and a
 * line of prose is never dropped for repeating on other pages alone.
 *
 * Rules files (bin/sp-clean/data/boilerplate.rules is built in) hold one
 * rule a line, "KIND WEIGHT PATTERN"; see that file for the kinds.  A
 * user's --rules file adds vocabulary and overrides the model: a line
 * whose weights in the user's files sum to the threshold (10, or
 * "%threshold N") or more is dropped, to minus the threshold or less is
 * kept.  A file holding "%replace" before its first rule replaces the
 * built-in judgement: then the user's rules and the layout alone score
 * each line, and a line scoring the threshold or more is dropped.
 */
#ifndef SP_CLEAN_BOILERPLATE_H
#define SP_CLEAN_BOILERPLATE_H
#include <stddef.h>

#include "buf.h"
#include "htmlpage.h"

struct boilerplate;

/* The built-in rules and model.  Returns NULL with a reason in err. */
struct boilerplate *boilerplate_new(char *err, size_t errlen);

/*
 * Another scorer of bp's rules and model, for another thread: they are
 * shared, so bp must outlive it and load nothing more.  NULL when out of
 * memory.
 */
struct boilerplate *boilerplate_clone(const struct boilerplate *bp);

/*
 * Adds the rules of text[0..len), the contents of the user's rules file
 * name.  Returns 0, or -1 with "NAME:LINE: reason" in err; on error no
 * rule of the file is kept.
 */
int boilerplate_load(struct boilerplate *bp, const char *text, size_t len,
    const char *name, char *err, size_t errlen);

/*
 * Replaces the model with the one in text[0..len), the contents of the
 * model file name.  Returns 0, or -1 with the reason in err.
 */
int boilerplate_load_model(struct boilerplate *bp, const char *text,
    size_t len, const char *name, char *err, size_t errlen);

/* The probability at or above which the model drops a line. */
void boilerplate_set_cutoff(struct boilerplate *bp, double p);

/*
 * With on, boilerplate_filter drops nothing and writes each line's
 * features instead (see boilerplate_filter): what make train learns from.
 */
void boilerplate_dump_features(struct boilerplate *bp, int on);

/*
 * Called for each dropped line: line[0..len) points into the document
 * given to boilerplate_filter; reason is a short English phrase
 * ("model 0.97: link_density 1 (+2.1), …", "rule: 版权所有", …).
 */
typedef void (*boilerplate_explain_fn)(const char *line, size_t len,
    const char *reason, void *ctx);

/*
 * How many pages of the line's site have line[0..len) (in *pages, how
 * many pages that share is of), or NAN when not known.
 */
typedef float (*boilerplate_furniture_fn)(const char *line, size_t len,
    float *pages, void *ctx);

/* What is known of a document beyond its text; any member may be NULL. */
struct page_info {
	/* For a page parsed from HTML: one entry a line of the document. */
	const struct html_line *const *html;
	size_t nhtml;
	boilerplate_furniture_fn furniture;
	void *furniture_ctx;
};

/*
 * doc[0..len): one document, one paragraph per line, '\n'-separated, no
 * trailing newline; info (may be NULL) what else is known of it.
 * Replaces out's contents with the kept lines, '\n'-separated, and
 * returns the number of lines dropped.  explain may be NULL.  With a
 * pool (NULL: none), the first pass over a long document's lines runs in
 * its threads; the caller must then be the one thread waiting on the
 * pool, with no other task queued.  Out of memory is fatal (sp_oom).
 *
 * When dumping features, out gets a line "#features\tNAME\t…" and then,
 * for each line of doc, "INDEX\tF1\t…\tFn\tTEXT" (NaN for unknown), and
 * nothing is dropped.
 */
struct pool;
size_t boilerplate_filter(struct boilerplate *bp, const char *doc,
    size_t len, const struct page_info *info, struct sp_buf *out,
    boilerplate_explain_fn explain, void *ctx, struct pool *pool);

/*
 * After boilerplate_filter: a byte for each line it kept, in order, 1
 * when lines were dropped between it and the kept line before it, and
 * their number in *n.  The lines on each side of a dropped one were not
 * neighbours on the page: the hardwrap step does not take the break
 * between them for a wrap.  Valid until the next call on bp.
 */
const unsigned char *boilerplate_gaps(const struct boilerplate *bp,
    size_t *n);

/*
 * After boilerplate_filter: for each line it kept, in order, its number
 * among the lines of the document (from 0), and their number in *n.
 * Valid until the next call on bp.
 */
const size_t *boilerplate_kept(const struct boilerplate *bp, size_t *n);

void boilerplate_free(struct boilerplate *bp);

#endif
