/*
 * csshidden.h: the class and id names a page's own style sheets hide.
 *
 * Sites print text that no reader sees: a watermark after each paragraph
 * (<div class="Nys842">加拿大家园,www.iask.ca</div> under .Nys842 {
 * display:none }), a menu's hidden panes, a copy of the title for
 * scripts.  A style attribute saying display:none is read where the
 * element opens (htmlpage.c); this reads the <style> elements of the page
 * for the simple rules that hide a class or an id everywhere:
 *
 *   .name { display: none }   span.name, #name { visibility: hidden }
 *
 * Conservative, as a name hidden wrongly could hide an article:
 * - a rule under an at-rule (@media print, @media (max-width…)) hides
 *   nothing, as it does not hold on a reader's screen at all times;
 * - a selector with anything more (.a .b, .a:hover, .a.b, [x]) hides
 *   nothing; one with a tag (span.name) hides the name on that tag;
 * - a sheet for some media only (<style media="print">) hides nothing;
 * - a rule with rules nested in it, or made invalid by a stray ';'
 *   before it, hides nothing;
 * - a name that any rule shows (display other than none, visibility
 *   other than hidden), in any selector or at-rule (.tab.active {
 *   display:block }, @media (min-width…) { .d-none { display: block } }),
 *   is not hidden.
 * A <style> inside a comment, a script, a template or noscript is none
 * of the page's.  External style sheets are not fetched: nothing is read
 * from the network.
 */
#ifndef SP_CLEAN_CSSHIDDEN_H
#define SP_CLEAN_CSSHIDDEN_H

#include <stddef.h>

/* Names kept at most, and their longest: past these, a rule is ignored
 * (a page's sheet of thousands of rules hides few names). */
#define CSS_HIDDEN_MAX	64
#define CSS_NAME_MAX	63

struct css_hidden {
	size_t n;
	struct css_name {
		char kind;	/* '.' a class, '#' an id */
		char hidden;	/* a rule hides it on any element */
		char shown;	/* a rule shows it */
		char tag[12];	/* or on this element alone ("": none) */
		char name[CSS_NAME_MAX + 1];
	} names[CSS_HIDDEN_MAX];
};

/* Reads the <style> elements of the page s[0..n) into h (emptied
 * first). */
void css_hidden_scan(struct css_hidden *h, const char *s, size_t n);

/* Does an element tag (lower case) of class attribute value cls (names
 * separated by blank space; NULL for none) and id attribute value id (or
 * NULL) stand hidden by h's names?  Not when one of its names is
 * shown. */
int css_hidden_element(const struct css_hidden *h, const char *tag,
    const char *cls, const char *id);

#endif
