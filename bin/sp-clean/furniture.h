/*
 * furniture.h: the lines a site repeats on its pages (menus, footers,
 * notices), counted per site, for the boilerplate model's furniture
 * features: in this run (a first pass over the input counts, the second
 * cleans) and, with a store, over every run before it.
 *
 * A site is the host of a JSON Lines record's url field, or else the
 * operand the document came from.  A page is counted once, however often
 * it is read (known by its lines).  A line is counted once a page, by a
 * hash of its text with its digits made alike ("浏览次数：123" and "浏览
 * 次数：98" are the same furniture).  The run's counts are kept in a
 * table of bounded size: when it fills, the lines seen on the fewest
 * pages are forgotten first (furniture is what many pages have), and a
 * line forgotten is not known (NAN) rather than guessed.
 *
 * The store (--furniture DIR) is an LMDB store (lmstore.h): counts of
 * pages by site and line, added to at the end of a run in one
 * transaction, so that a run that fails leaves it as it was.
 */
#ifndef SP_CLEAN_FURNITURE_H
#define SP_CLEAN_FURNITURE_H
#include <stddef.h>
#include <stdint.h>

struct furniture;

/*
 * Counts for a run, added to the store at dir (NULL: this run only).
 * nowait: give up rather than wait for another run's lock.  Errors with
 * the store are fatal.
 */
struct furniture *furniture_new(const char *dir, int nowait);

/* The key of a site, named by site[0..len). */
uint64_t furniture_site(const char *site, size_t len);
/* The site of a JSON Lines record: its url field's host, or 0. */
uint64_t furniture_site_of_record(const char *line, size_t len);

/* Pass 1: counts the lines of one page (doc[0..len)) of site. */
void furniture_count(struct furniture *f, uint64_t site, const char *doc,
    size_t len);
/*
 * Between the passes: reads the store's counts of what this run saw.
 * After it the counts are read-only, safe to share between threads.
 */
void furniture_load(struct furniture *f);
/*
 * Pass 2: the share of site's pages that have line[0..n), in *pages how
 * many pages that is of; NAN when not known.
 */
float furniture_share(const struct furniture *f, uint64_t site,
    const char *line, size_t n, float *pages);

/* Adds the run's counts to the store and commits (no-op without one). */
void furniture_commit(struct furniture *f);
/* Leaves the store as it was, telling why (no-op without one). */
void furniture_abandon(struct furniture *f, const char *why);
void furniture_free(struct furniture *f);

/* What was counted, for --stats. */
size_t furniture_pages(const struct furniture *f);
size_t furniture_forgotten(const struct furniture *f);
/* Pages not counted, having been counted before (furniture_count()). */
size_t furniture_repeats(const struct furniture *f);

#endif
