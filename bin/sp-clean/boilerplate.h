/*
 * boilerplate.h: drop the lines of a page that belong to the site, not the
 * document: breadcrumbs, time/source/author/view-count lines, promos and
 * notices, menus, related-link lists, 上一篇/下一篇, copyright, ICP footers.
 *
 * Each line gets a score from features that hold across sites: where it
 * stands in the page (before the first paragraph of prose, after the last),
 * its length and punctuation, navigation separators (> » |), runs of short
 * link-like lines and the lists that follow a heading like 相关推荐, a first
 * line that is the page's title plus the site's name, and the site
 * vocabulary of a rules file (weights of words, phrases and PCRE2
 * patterns).  A line scoring 10 or more is dropped.  Content comes first:
 * headings, salutations, short lines of the speech, redaction marks and
 * placeholder lines are kept unless the evidence against them is strong.
 *
 * Rules files (bin/sp-clean/data/boilerplate.rules is built in) hold one
 * rule a line, "KIND WEIGHT PATTERN"; see that file for the kinds.  A
 * --rules file extends the built-in rules, or replaces them when it holds
 * the line "%replace" before its first rule; "%threshold N" sets the score
 * at which a line is dropped.
 */
#ifndef SP_CLEAN_BOILERPLATE_H
#define SP_CLEAN_BOILERPLATE_H
#include <stddef.h>

#include "buf.h"

struct boilerplate;

/* The built-in rules.  Returns NULL with a reason in err on error. */
struct boilerplate *boilerplate_new(char *err, size_t errlen);

/*
 * Another scorer of bp's rules, for another thread: the rules are shared,
 * so bp must outlive it and load no more rules.  NULL when out of memory.
 */
struct boilerplate *boilerplate_clone(const struct boilerplate *bp);

/*
 * Adds the rules of text[0..len), the contents of the rules file name.
 * Returns 0, or -1 with "NAME:LINE: reason" in err; on error no rule of
 * the file is kept.
 */
int boilerplate_load(struct boilerplate *bp, const char *text, size_t len,
    const char *name, char *err, size_t errlen);

/*
 * Called for each dropped line: line[0..len) points into the document
 * given to boilerplate_filter; reason is a short English phrase
 * ("breadcrumb", "site vocabulary: 版权所有", ...).
 */
typedef void (*boilerplate_explain_fn)(const char *line, size_t len,
    const char *reason, void *ctx);

/*
 * doc[0..len): one document, one paragraph per line, '\n'-separated, no
 * trailing newline.  Replaces out's contents with the kept lines,
 * '\n'-separated, and returns the number of lines dropped.  explain may be
 * NULL.  With a pool (NULL: none), the first pass over a long document's
 * lines runs in its threads; the caller must then be the one thread
 * waiting on the pool, with no other task queued.  Out of memory is fatal
 * (sp_oom).
 */
struct pool;
size_t boilerplate_filter(struct boilerplate *bp, const char *doc,
    size_t len, struct sp_buf *out, boilerplate_explain_fn explain,
    void *ctx, struct pool *pool);

void boilerplate_free(struct boilerplate *bp);

#endif
