/*
 * mojibake_page.h: the page's own text as evidence for a repair.
 *
 * The language models know common words, not the names a news article is
 * about, and a span of mojibake in an article is often a name: "。常恒光曾"
 * read one byte off is "?３：愎庠?".  Its middle, known for sure, reads as
 * unlikely text to the models, yet the article writes 常恒光 twice more.
 * Where the middle of a span is written elsewhere on the page (the text
 * the step repairs at once: a document, or a part of a long one), the
 * characters on either side of it there are the likeliest ends of the
 * span too, when their bytes fit the bytes the span kept.
 */
#ifndef SP_CLEAN_MOJIBAKE_PAGE_H
#define SP_CLEAN_MOJIBAKE_PAGE_H
#include <stddef.h>
#include <stdint.h>

/* How far from a span its middle is looked for, each side, in bytes: a
 * page of a megabyte with a span in every sentence is not read again for
 * each span. */
#define PAGE_REACH 32768

/* At most this many places where the page writes the words looked for
 * are looked at, for a span. */
#define PAGE_TRIES 64

/*
 * What a look at the page around the span p[i..end) of p[0..n) costs, in
 * the line's budget of candidates (mojibake_span.h): a candidate costed
 * cheaply for each 64 bytes within reach.
 */
size_t page_cost(size_t n, size_t i, size_t end);

/* The text being repaired, of which the lines are parts (NULL: none). */
void page_set(const char *s, size_t n);

/*
 * The page around the line s[0..n): *ps and *pn, and where the line
 * starts in it (the line itself when it is not part of the page).
 */
size_t page_of(const char *s, size_t n, const char **ps, size_t *pn);

/*
 * The next place, from *from on, where the page p[0..n) writes
 * what[0..wn) outside the span p[i..end) and within PAGE_REACH of it;
 * 1 and *from set to it, or 0 when there is none.  Start with *from 0 and
 * add 1 to it before each further call.
 */
int page_find(const char *p, size_t n, size_t i, size_t end,
    const char *what, size_t wn, size_t *from);

/* Does the character c fit what a span kept of its bytes? */
typedef int (*page_fits_fn)(int32_t c, const void *arg);

/*
 * The character the page p[0..n) writes right after left[0..ln) and
 * right before right[0..rn) (one of them may be empty), outside the span
 * p[i..end) and within PAGE_REACH of it, that fits() accepts: a lost
 * character that the page writes whole beside the same words.  Returns
 * the first found, or 0.
 */
int32_t page_between(const char *p, size_t n, size_t i, size_t end,
    const char *left, size_t ln, const char *right, size_t rn,
    page_fits_fn fits, const void *arg);

/*
 * The characters the page p[0..n) writes right before what[0..wn) (when
 * before_it) or right after it, outside the span p[i..end) and within
 * PAGE_REACH of it, that fits() accepts, each once, in the order found:
 * up to max into out[].  Returns how many.  Softer evidence than
 * page_between(): the words the page writes beside one neighbour of a
 * lost character.
 */
size_t page_neighbours(const char *p, size_t n, size_t i, size_t end,
    const char *what, size_t wn, int before_it, page_fits_fn fits,
    const void *arg, int32_t *out, size_t max);

/* Do a then b, next to each other, fit what a span kept of its bytes? */
typedef int (*page_fits2_fn)(int32_t a, int32_t b, const void *arg);

/*
 * The pairs of characters that the page p[0..n) writes next to each
 * other, outside the span p[i..end) and within PAGE_REACH of it, that
 * fits() accepts, each once, in the order found: up to max into out[]
 * (two code points a pair).  Returns how many.
 */
size_t page_pairs(const char *p, size_t n, size_t i, size_t end,
    page_fits2_fn fits, const void *arg, int32_t *out, size_t max);

#endif
