/*
 * hardwrap.h: join paragraphs that were broken over lines mid-sentence.
 *
 * Pages copied from PDFs and word processors keep the line breaks of their
 * layout: "机关干部要进一步" / "转变工作作风，…".  A break is removed
 * when the line before it does not end a sentence and was cut off (an
 * unclosed quote or bracket, a trailing comma or function word, prose cut
 * after its last sentence) and the line after it continues the sentence
 * (it is not a heading, a list item or a short title line).  When most
 * unended lines of a document have one length, the document was wrapped
 * at that width, and a line that long was cut (unless it is a title with
 * no punctuation).  A heading (一、 （一） 第一篇 …) is never joined to
 * its body, nor a line that ends a sentence to the next, nor a dated
 * record ("2003年5月16日…会议通过") to anything, nor any line to a
 * line that opens with a date: the history that opens a law is one
 * record a line.  Most pages are not wrapped at all: without a width,
 * a line that stops inside (…。返回搜狐，查看更多) is taken for cut only
 * in a paragraph already joined, and a line ending in a URL, a short
 * title before a long paragraph or a title the next line repeats
 * ("…混纺布等" / "…混纺布、弹力布…") stay apart.  A page number
 * left between the halves (a line holding only "12", or "… 12" at the end
 * of a line) is put back between them, where pagenum.h tells whether it
 * is one of the document's page numbers.  In doubt, lines stay apart: a
 * missed join loses nothing.
 */
#ifndef SP_CLEAN_HARDWRAP_H
#define SP_CLEAN_HARDWRAP_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * doc[0..len): one document, one paragraph per line, '\n'-separated, no
 * trailing newline.  Replaces out's contents with the document, its
 * hard-wrapped lines joined (a space between two Latin words or around a
 * page number, nothing between Chinese characters), and returns the number
 * of line breaks removed.  Out of memory is fatal (sp_oom).
 *
 * gaps (may be NULL) holds a byte for each line of doc, ngaps of them,
 * telling what stood before that line:
 *   HARDWRAP_GAP   lines removed there (boilerplate_gaps()): a line after
 *                  a gap is joined to the one before only when the
 *                  document is wrapped at a width and that line reaches it;
 *   HARDWRAP_PARA  the end of a paragraph that the page's markup made
 *                  (a block element of HTML, not a <br>): never joined;
 *   HARDWRAP_BLANK empty lines stood there in a text document: where
 *                  they set apart blocks of lines wrapped at a width,
 *                  they end paragraphs, and a line of a block that ends
 *                  a sentence at the width was wrapped there too.
 * Gaps that do not count one a line are ignored.
 */
enum { HARDWRAP_GAP = 1, HARDWRAP_PARA = 2, HARDWRAP_BLANK = 4 };

/* Lines in doc[0..len), as hardwrap_join() counts them for gaps. */
size_t hardwrap_lines(const char *doc, size_t len);

size_t hardwrap_join(const char *doc, size_t len, const unsigned char *gaps,
    size_t ngaps, struct sp_buf *out);

/*
 * Is cp a unit or measure word that follows a number (16 / 亿元, 3 个)?
 * Then the number is the text's, not a page's.
 */
int hardwrap_is_unit(int32_t cp);

#endif
