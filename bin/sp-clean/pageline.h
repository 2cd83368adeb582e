/*
 * pageline.h: one line of a page as the boilerplate step sees it, shared
 * by the files of that step: boilerplate.c (the driver), layout.c (where
 * the line stands in the page) and features.c (what the model sees).
 */
#ifndef SP_CLEAN_PAGELINE_H
#define SP_CLEAN_PAGELINE_H
#include <stddef.h>
#include <stdint.h>

#include "htmlpage.h"
#include "linefeat.h"
#include "rules.h"

enum zone { ZONE_HEAD, ZONE_BODY, ZONE_TAIL };

/*
 * What the layout found a line to be part of; the first of a line's marks
 * that scored most names its reason when the step runs on rules alone.
 */
enum mark {
	M_BREADCRUMB, M_MENU, M_KEYWORDS, M_DECORATION, M_CODE, M_INLINE_LIST,
	M_SITE_TITLE, M_EDGE, M_EDGE_SHORT, M_LIST_HEADING, M_LIST_ITEM,
	M_RANKING, M_FORM, M_NMARKS
};

extern const char *const mark_names[M_NMARKS];

struct line {
	const char *s;
	size_t n;
	struct lf_features f;
	struct rule_hits h;
	const struct html_line *html;	/* NULL unless parsed from HTML */
	float furniture;	/* share of the site's pages that have it,
				   or NAN when not known */
	float furniture_pages;	/* how many pages that share is of */
	enum zone zone;
	int score;		/* the rules' and the layout's score */
	int best;		/* the largest positive contribution */
	int why;		/* its mark, or -1 */
	const struct rule *why_rule;
	const char *why_list;	/* the heading of its list */
	uint32_t marks;		/* 1 << enum mark, every one given */
	int title;		/* the page's title: others end with it */
	int site_title;		/* the title and the site's name */
	int heading;		/* a list heading: list rule or "…MORE" */
	int anchor;		/* a paragraph of prose */
	int breadcrumb;
	int menu_line;		/* a menu written on one line (layout.c) */
	int script;		/* a line of JavaScript (layout.c) */
	int repeats;		/* other lines of the page equal to it */
	int unjudged;		/* plain prose the model is not asked of */
	unsigned char prose_after; /* a sentence follows its run of
				   bulleted lines (boilerplate.c) */
	unsigned char headline_spot; /* it stands where a headline does
				   (boilerplate.c) */
	unsigned char particular; /* a line of a block of a document's
				   particulars, and */
	unsigned char docnum;	/* its number (boilerplate.c) */
	unsigned char notice;	/* a notice of the site's in prose after
				   the article (boilerplate.c) */
	unsigned char closing;	/* of the block that closes a document:
				   labels after its last sentence, its
				   signature and date (boilerplate.c) */
	unsigned char edge;	/* the site's at the article's edge: enum
				   edge (edges.h) */
	size_t words_at;	/* where its words begin, past bullets */
	int verdict;		/* enum verdict: kept, or dropped and why */
};

#endif
