/*
 * htmlpage.h: an HTML page parsed into lines of text (step 2, for pages).
 *
 * A page is parsed with libxml2's HTML parser, which reads real pages as
 * browsers do (unclosed and misnested tags, stray text) and streams its
 * events, so no tree of the page is built.  Block elements (<p>, <div>,
 * <li>, <td>, <h1> …) and <br> end a line; inside a block, runs of white
 * space are one space, as a browser shows them (<pre> keeps its lines);
 * <script>, <style>, <template>, <noscript> and comments go; character
 * references are decoded.
 *
 * Each line also tells where it stood, for the boilerplate step: its link
 * density (characters inside <a> over its characters), the elements it
 * is inside (nav, header, footer, aside, form, lists, tables, headings
 * …), the class and id names of those elements that name a part of a
 * page (nav, menu, breadcrumb, footer, sidebar, comment, share, related,
 * copyright …, and article, content, main, text …), and the element that
 * holds it: that element's text, links and paragraphs, and whether it is
 * the page's main text, found as readability finds it (the element under
 * which the most text of paragraphs, with the most commas, stands).
 */
#ifndef SP_CLEAN_HTMLPAGE_H
#define SP_CLEAN_HTMLPAGE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Elements a line is inside (struct html_line.inside). */
enum {
	HI_LINK = 1 << 0,	/* <a href> */
	HI_NAV = 1 << 1,	/* <nav>, <menu> */
	HI_HEADER = 1 << 2,
	HI_FOOTER = 1 << 3,
	HI_ASIDE = 1 << 4,
	HI_FORM = 1 << 5,	/* <form>, <select>, <button>, <label> */
	HI_LIST = 1 << 6,	/* <ul>, <ol>, <dl>, <li> */
	HI_TABLE = 1 << 7,	/* <table> */
	HI_HEADING = 1 << 8,	/* <h1> to <h6> */
	HI_PARA = 1 << 9,	/* <p> */
	HI_ARTICLE = 1 << 10,	/* <article>, <main> */
	HI_QUOTE = 1 << 11,	/* <blockquote>, <pre>, <address> */
	HI_TITLE = 1 << 12,	/* the page's <title> */
	HI_BOLD = 1 << 13,	/* <b>, <strong>, <em>, <font> */
	HI_FIGURE = 1 << 14,	/* <figure>, <figcaption> */
	HI_HIDDEN = 1 << 15,	/* hidden, or style="display:none" */
	HI_MARQUEE = 1 << 16,	/* <marquee> */
	HI_SPAN = 1 << 17	/* <span> */
};

/* What class and id names say of a part of the page. */
enum {
	HH_NAV = 1 << 0,	/* nav, menu */
	HH_CRUMB = 1 << 1,	/* breadcrumb, crumb, location, position */
	HH_FOOTER = 1 << 2,	/* footer, foot, bottom, copyright */
	HH_SIDE = 1 << 3,	/* sidebar, side, aside */
	HH_COMMENT = 1 << 4,	/* comment, reply */
	HH_SHARE = 1 << 5,	/* share, social */
	HH_RELATED = 1 << 6,	/* related, recommend, hot, rank, more */
	HH_HEADER = 1 << 7,	/* header, head, top, logo, masthead */
	HH_AD = 1 << 8,		/* ad, ads, advert, banner, sponsor */
	HH_FORM = 1 << 9,	/* login, search, register, subscribe */
	HH_TAGS = 1 << 10,	/* tag, tags, keyword */
	HH_PAGER = 1 << 11,	/* page, pager, pagination */
	HH_CONTENT = 1 << 12,	/* article, content, main, post, text, body,
				   entry, story, detail */
	HH_TITLE = 1 << 13,	/* title, headline */
	HH_DATE = 1 << 14,	/* date, time, info, source, author, meta */
	HH_COUNT = 15
};

struct html_line {
	uint32_t inside;	/* HI_ bits of its elements */
	uint32_t hints;		/* HH_ bits of all its elements */
	uint32_t near_hints;	/* HH_ bits of its nearest element having
				   any */
	uint32_t chars;		/* characters, not counting spaces */
	uint32_t link_chars;	/* of them inside <a href> */
	uint16_t depth;		/* elements open around it */
	uint16_t tables;	/* tables open around it */
	uint8_t block;		/* enum html_block_kind of its block */
	uint8_t after_br;	/* the line before ended at a <br> in the
				   same block: a line break, not the end of
				   a paragraph */
	uint32_t box;		/* the container holding it (<div>, <td>,
				   <ul> …), numbered in the page */
	/* The block element holding it. */
	uint32_t box_chars, box_link_chars, box_lines, box_paras;
	float box_share;	/* of the page's characters */
	uint8_t in_main;	/* inside the page's main text */
	uint8_t main_root;	/* the main text is <body> or <html>: all
				   of the page */
	float main_share;	/* the main text's share of the page */
};

enum html_block_kind {
	HB_OTHER, HB_P, HB_DIV, HB_LI, HB_TD, HB_HEADING, HB_DT, HB_TITLE,
	HB_SPAN, HB_A, HB_FORM, HB_PRE, HB_BODY, HB_NKINDS
};

struct html_page {
	struct sp_buf text;		/* the lines, '\n'-separated */
	struct html_line *lines;	/* one a line of text */
	size_t nlines, cap;
	/* The parse's tags (start and end) and its scripts and styles,
	 * for --stats. */
	size_t tags, scripts;
	size_t hidden_runs;		/* hidden runs taken out of lines */
	/* The parse's scratch, kept for the next page. */
	void *scratch;
};

/*
 * Does s[0..n) look like an HTML page (a doctype, <html>, or <head>
 * first; or <html> and <body> tags near the start) rather than text with
 * a few tags left in it?
 */
int  html_is_page(const char *s, size_t n);

/*
 * Parses the UTF-8 page s[0..n) into pg, replacing what pg held.  Invalid
 * UTF-8 becomes U+FFFD and NUL bytes U+FFFD, as in a browser.  Out of
 * memory is fatal (sp_oom).
 */
void html_page_parse(struct html_page *pg, const char *s, size_t n);
/*
 * Can pages be parsed (libxml2 loads)?  Loads it the first time; when it
 * cannot, says so once (exit status 2), and pages are read as text.
 */
int html_page_available(void);
void html_page_free(struct html_page *pg);
/* The HTML parser and its version, for --version: "libxml2 2.9.14". */
const char *html_parser_version(void);

#endif
