/*
 * pagenum.h: the page numbers of a printed document left in its text.
 *
 * A speech or report copied from a PDF or a word processor keeps the
 * page numbers of its layout where a page broke, often in the middle of
 * a sentence: "全市机 2 关干部", "取得很大成 8 绩", "。11 市委".  The
 * hard-wrap step (hardwrap.h) puts those left on a line of their own or
 * at the end of one back between the halves of their sentence, where
 * they are now.
 *
 * One number is no evidence: "超过 3 分钟", "用于 13 米" write numbers
 * with spaces around them too.  A document's page numbers are told by
 * what they do together: they rise through the document one to three
 * pages at a time (a page that broke between paragraphs leaves no number
 * inside one), and, falling where a page ended, they cut words in two
 * (机关, 成绩) about as often as two characters side by side make one,
 * which the numbers of a text seldom do.  So a number counts as a page
 * number only as one of a chain of at least PAGENUM_RUN numbers between
 * Chinese characters or punctuation, rising 1 to 3 at each step, of which
 * at least two, and a quarter of those between two Han characters, cut a
 * word of the word model (wordlm.h).  A number after 第 or before a measure word
 * (3 个, 5 年) is a number of the text, never a page's.
 */
#ifndef SP_CLEAN_PAGENUM_H
#define SP_CLEAN_PAGENUM_H
#include <stddef.h>

/* The fewest numbers that make a chain of page numbers. */
#define PAGENUM_RUN 4

/* Told of each page number removed: s[0..n) is it with the characters on
 * either side ("机 2 关"). */
typedef void pagenum_explain_fn(const char *s, size_t n, void *ctx);

/*
 * Removes from doc[0..*len) (one document, in place) its page numbers,
 * with the spaces around them; *len gets the new length.  explain (may be
 * NULL) is told of each first.  Returns how many were removed, and adds
 * to *joins the lines joined by taking them out (a page number on a line
 * of its own between the halves of a sentence).  Out of memory is fatal
 * (sp_oom).
 */
size_t pagenum_strip(char *doc, size_t *len, pagenum_explain_fn *explain,
    void *ctx, size_t *joins);

#endif
