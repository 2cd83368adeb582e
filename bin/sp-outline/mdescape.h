/*
 * mdescape.h: where a line of plain text needs a backslash for a
 * Markdown (CommonMark) renderer to show it as the text it is.
 *
 * In a heading's text, a run of # that ends it after a blank is taken
 * for the heading's closing sequence (第一章 总则 #): its first is escaped.
 * Block markup is read at a paragraph's start: a line opening with # > -
 * + * = | or ` (headings, quotes, lists, setext underlines, tables, code
 * fences), with "3. " or "3) " (an ordered list), or with < and a tag
 * name, /, ! or ? (an HTML block: <div>, </p>, <!-- -->, <?php, <!DOCTYPE).
 * Inline markup anywhere: < opening a tag or an autolink that a > closes
 * later in the line (<span>, <http://x>), & opening an entity or a
 * numeric reference (&amp; &#20013; &#x4E2D;), which the renderer would
 * show as the character, a backslash before punctuation, which the
 * renderer would drop (both are escaped, so that "\*" is shown as is, not
 * as "\" and emphasis), every * ` [ and ~ (emphasis, code spans, links
 * and images, strikethrough), and an underscore but inside a word of
 * ASCII letters and digits (snake_case opens no emphasis).  Other text is
 * left as it is: "a < b", "AT&T", "1<2".
 */
#ifndef SP_OUTLINE_MDESCAPE_H
#define SP_OUTLINE_MDESCAPE_H
#include <stddef.h>

/* A line to escape: s[0..n), and what is known of it once. */
struct md_line {
	const char *s;
	size_t n;
	size_t block_at;	/* the byte of block markup escaped (in a
				   heading: of its closing #), or n */
	size_t last_gt;		/* the last '>', or n */
};

/*
 * Sets l to the line s[0..n) (kept, not copied).  block: the line opens a
 * paragraph, so that block markup at its start counts too (not in a
 * heading's text, after its "# ").
 */
void md_line_start(struct md_line *l, const char *s, size_t n, int block);
/*
 * The first byte at or after from that needs a backslash before it, or
 * l->n.  The bytes found are ASCII.
 */
size_t md_next_escape(const struct md_line *l, size_t from);

#endif
