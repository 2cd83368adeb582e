/*
 * html.h: what is left of HTML in scraped text (step 2).
 *
 * Character references (&nbsp; &ldquo; &#12290; &#x3002;, every HTML5
 * named one, from data/html5-entities) are decoded; tags become a line
 * break (block elements: <br> <p> </div> <li> …), a space (table cells)
 * or nothing (inline elements: <span> <a> <b> …); comments, <!DOCTYPE>
 * and <?xml?> go; the content of <script> and <style> goes with its tags.
 * Only text shaped like a tag is a tag: "a<b" or "x < 5" stay.
 */
#ifndef SP_CLEAN_HTML_H
#define SP_CLEAN_HTML_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct html_stats {
	size_t refs;		/* character references decoded */
	size_t tags;		/* tags, comments and declarations removed */
	size_t scripts;		/* <script>/<style> elements removed */
	size_t pages;		/* documents parsed as HTML pages */
};

/* Appends s[0..n) cleaned to out, counting into *st. */
void html_clean(const char *s, size_t n, struct sp_buf *out,
    struct html_stats *st);
/*
 * What HTML makes of &#v; (the replacements of the numeric-reference
 * rule: 0 and surrogates become U+FFFD, 0x80 to 0x9F windows-1252).
 */
int32_t html_numeric_value(unsigned long v);
/*
 * Decodes the character reference at s[0..n) (s[0] == '&') into out.
 * Returns the bytes it used, or 0 when s does not start one.
 */
size_t html_reference(const char *s, size_t n, struct sp_buf *out);

/*
 * When s[0..n) writes a legacy reference without its ';' (&nbsp &copy),
 * which browsers read but libxml2 leaves as text, or a numeric one to no
 * character (&#0; a surrogate, past U+10FFFF), which libxml2 drops and
 * HTML reads as U+FFFD: puts s with the ';' added and those written
 * &#xFFFD; into out and returns 1; else returns 0, out untouched.
 */
int html_complete_references(const char *s, size_t n, struct sp_buf *out);

#endif
