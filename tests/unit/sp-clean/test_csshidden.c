/*
 * Unit tests of bin/sp-clean/csshidden.c: the names a page's style
 * sheets hide, and no more: rules under at-rules, compound selectors and
 * names some rule shows hide nothing; broken and hostile sheets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "csshidden.h"

static struct css_hidden h;

/* Is an element tag of class cls and id id hidden by the page's sheets? */
static int
hidden(const char *page, const char *tag, const char *cls, const char *id)
{
	css_hidden_scan(&h, page, strlen(page));
	return css_hidden_element(&h, tag, cls, id);
}

static void
simple_rules(void)
{
	/* The watermark of a reprinting site. */
	CHECK(hidden("<style> .Nys842 { display:none; } </style>", "div",
	    "Nys842", NULL));
	CHECK(hidden("<STYLE type=\"text/css\">#title_desc{DISPLAY : None "
	    "!important}</STYLE>", "div", NULL, "title_desc"));
	CHECK(hidden("<style>.a{color:red}.w{visibility: hidden}</style>",
	    "span", "x w y", NULL));
	CHECK(hidden("<style>.w{visibility:collapse}</style>", "tr", "w",
	    NULL));
	/* A list of selectors: each simple one hides. */
	CHECK(hidden("<style>.p .q, .h1, #h2 {display:none}</style>", "p",
	    "h1", NULL));
	CHECK(hidden("<style>.p .q, .h1, #h2 {display:none}</style>", "p",
	    NULL, "h2"));
	CHECK(!hidden("<style>.p .q, .h1, #h2 {display:none}</style>", "p",
	    "q", NULL));
	/* The last display of a rule counts. */
	CHECK(!hidden("<style>.z{display:none;display:block}</style>", "p",
	    "z", NULL));
	CHECK(hidden("<style>.z{display:block;display:none}</style>", "p",
	    "z", NULL));
	/* A tag's rule hides the name on that tag alone. */
	CHECK(hidden("<style>div.spacer{display:none}</style>", "div",
	    "spacer", NULL));
	CHECK(!hidden("<style>div.spacer{display:none}</style>", "p",
	    "spacer", NULL));
	/* Names are whole words of the attribute, case and all. */
	CHECK(!hidden("<style>.w{display:none}</style>", "p", "ww", NULL));
	CHECK(!hidden("<style>.w{display:none}</style>", "p", "W", NULL));
	CHECK(!hidden("<style>.w{display:none}</style>", "p", NULL, "w"));
	CHECK(!hidden("<style>.w{display:none}</style>", "p", "", ""));
	/* Sheets anywhere in the page, several of them. */
	CHECK(hidden("<p>x</p><style>.a{}</style><div><style>.b{display:"
	    "none}</style>", "i", "b", NULL));
	/* Without a <style>, nothing: a style attribute is htmlpage.c's. */
	CHECK(!hidden("<p class=w style=\"display:none\">.w{display:none}",
	    "p", "w", NULL));
	CHECK(!hidden("<stylesheet>.w{display:none}</stylesheet>", "p", "w",
	    NULL));
}

static void
conservative(void)
{
	/* What holds for print or a screen's size holds not always. */
	CHECK(!hidden("<style>@media print{.nav{display:none}}</style>", "div",
	    "nav", NULL));
	CHECK(!hidden("<style>@media (max-width:600px){.side{display:none}}"
	    "</style>", "div", "side", NULL));
	/* ... and after the at-rule, rules hold again. */
	CHECK(hidden("<style>@media print{.a{display:none}}.b{display:none}"
	    "</style>", "div", "b", NULL));
	/* Shown by any rule, anywhere: tabs, responsive classes. */
	CHECK(!hidden("<style>.tab{display:none}.tab.active{display:block}"
	    "</style>", "div", "tab", NULL));
	CHECK(!hidden("<style>.d-none{display:none!important}@media (min-width:"
	    "768px){.d-md-block{display:block!important}}</style>", "div",
	    "d-none d-md-block", NULL));
	CHECK(hidden("<style>.d-none{display:none!important}@media (min-width:"
	    "768px){.d-md-block{display:block!important}}</style>", "div",
	    "d-none", NULL));
	CHECK(!hidden("<style>.x{display:none}#y{visibility:visible}</style>",
	    "div", "x", "y"));
	/* Compound and pseudo selectors hide nothing. */
	CHECK(!hidden("<style>.a:hover{display:none}.b.c{display:none}"
	    "[hidden]{display:none}.d>.e{display:none}</style>", "div",
	    "a b c d e", NULL));
	/* Comments, strings, blocks of other at-rules. */
	CHECK(!hidden("<style>/* .c{display:none} */</style>", "p", "c", NULL));
	CHECK(hidden("<style>/* x */.c/* y */{/* z */display:none}</style>",
	    "p", "c", NULL));
	CHECK(hidden("<style>.c{/*display:block;*/display:none}</style>", "p",
	    "c", NULL));
	CHECK(hidden("<style>.c{display:none;/* display:block */}/*.c{display:"
	    "block}*/</style>", "p", "c", NULL));
	CHECK(!hidden("<style>.q::before{content:\"}.c{display:none}\"}"
	    "</style>", "p", "c", NULL));
	CHECK(hidden("<style>@font-face{font-family:x;src:url(a)}@keyframes k"
	    "{0%{opacity:0}100%{opacity:1}}.c{display:none}</style>", "p",
	    "c", NULL));
	CHECK(hidden("<style>@import url(x.css);.c{display:none}</style>", "p",
	    "c", NULL));
}

/* As a browser reads a page: what a review found read otherwise. */
static void
as_browsers_read(void)
{
	/* A sheet for some media only hides nothing. */
	CHECK(!hidden("<style media=\"print\">.c{display:none}</style>", "p",
	    "c", NULL));
	CHECK(!hidden("<STYLE MEDIA='(max-width: 600px)'>.c{display:none}"
	    "</STYLE>", "p", "c", NULL));
	CHECK(hidden("<style media=\"screen\">.c{display:none}</style>", "p",
	    "c", NULL));
	CHECK(hidden("<style type=text/css media=all>.c{display:none}</style>",
	    "p", "c", NULL));
	CHECK(hidden("<style data-media=\"print\">.c{display:none}</style>",
	    "p", "c", NULL));
	/* A <style> in a comment or a script is no style sheet. */
	CHECK(!hidden("<!--<style>.c{display:none}</style>-->", "p", "c",
	    NULL));
	CHECK(!hidden("<script>var s = \"<style>.c{display:none}</style>\";"
	    "</script>", "p", "c", NULL));
	CHECK(!hidden("<noscript><style>.c{display:none}</style></noscript>",
	    "p", "c", NULL));
	CHECK(hidden("<script>x<y</script><style>.c{display:none}</style>", "p",
	    "c", NULL));
	/* Old pages hide their sheet in <!-- -->. */
	CHECK(hidden("<style><!--\n.c{display:none}\n--></style>", "p", "c",
	    NULL));
	/* A stray ';' makes the next rule invalid, and that one alone. */
	CHECK(!hidden("<style>.a{color:red};.c{display:none}</style>", "p", "c",
	    NULL));
	CHECK(hidden("<style>.a{color:red};.c{display:none}.d{display:none}"
	    "</style>", "p", "d", NULL));
	/* Nested rules and other visibility values may show it. */
	CHECK(!hidden("<style>.c{display:none;&.open{display:block}}</style>",
	    "p", "c", NULL));
	CHECK(!hidden("<style>.c{display:none}.x .c{visibility:inherit}"
	    "</style>", "p", "c", NULL));
	/* Comments inside a value or after it. */
	CHECK(hidden("<style>.c{display:none /* a /* b */}</style>", "p", "c",
	    NULL));
	CHECK(hidden("<style>.c{display:none/*!*/}</style>", "p", "c", NULL));
}

static void
hostile(void)
{
	char *big;
	size_t i, n;

	/* Broken sheets: no crash; the end of the page closes a rule, as
	 * it does in a browser. */
	CHECK(hidden("<style>.c{display:none", "p", "c", NULL));
	CHECK(hidden("<style>.c{display:none}", "p", "c", NULL));
	CHECK(!hidden("<style", "p", "c", NULL));
	CHECK(!hidden("<style>}}}{{{.c{display:none}", "p", "c", NULL));
	CHECK(!hidden("<style>\"", "p", "c", NULL));
	CHECK(!hidden("<style>/*", "p", "c", NULL));
	/* NUL bytes in the sheet end nothing early. */
	css_hidden_scan(&h, "<style>.a\0{}.c{display:none}</style>", 36);
	CHECK(css_hidden_element(&h, "p", "c", NULL));
	/* A name too long to keep hides nothing. */
	n = 200;
	big = malloc(n + 64);
	if (big == NULL)
		abort();
	strcpy(big, "<style>.");
	for (i = 0; i < n; i++)
		big[8 + i] = 'x';
	strcpy(big + 8 + n, "{display:none}</style>");
	css_hidden_scan(&h, big, strlen(big));
	CHECK_INT(h.n, 0);
	big[8 + n] = '\0';
	CHECK(!css_hidden_element(&h, "p", big + 8, NULL));
	free(big);
	/* Thousands of rules: the first names are kept, the rest ignored. */
	n = 5000;
	big = malloc(n * 24 + 32);
	if (big == NULL)
		abort();
	strcpy(big, "<style>");
	for (i = 0; i < n; i++)
		sprintf(big + strlen(big), ".n%zu{display:none}", i);
	strcat(big, "</style>");
	css_hidden_scan(&h, big, strlen(big));
	CHECK_INT(h.n, CSS_HIDDEN_MAX);
	CHECK(css_hidden_element(&h, "p", "n0", NULL));
	CHECK(!css_hidden_element(&h, "p", "n4999", NULL));
	free(big);
}

int
main(void)
{
	simple_rules();
	conservative();
	as_browsers_read();
	hostile();
	return check_done("sp-clean/test_csshidden");
}
