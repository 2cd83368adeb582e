/*
 * bpfeatures.h: what the boilerplate model sees of a line.
 *
 * Features that hold across sites, never a string of one site: the line's
 * length and make-up (Han, Latin, digits, punctuation), its sentences,
 * how dense it is in the common function characters of Chinese prose
 * (的 了 是 在 …, as jusText counts stop words) or in short words of other
 * languages, separators and bullets, the tokens text dumps leave ([logo],
 * bg image(…)), the shapes of dates, times, bylines, phone numbers,
 * e-mail and web addresses and copyright lines, the heading marker it
 * opens with, the site vocabulary of the rules, what the layout found
 * (layout.h), its place in the page, how often the page repeats it and
 * how many pages of its site have it, what the HTML said of it (link
 * density, elements, class names, the main text), and the same of the
 * lines around it: boilerplate comes in runs.
 *
 * The features are named (FEATURES below) so that a model file can say
 * which it was trained on.
 */
#ifndef SP_CLEAN_BPFEATURES_H
#define SP_CLEAN_BPFEATURES_H
#include <stddef.h>
#include <stdint.h>

#include "pageline.h"

/* The neighbours a line is seen with: this many each side. */
#define FEAT_WINDOW 3

#define FEATURES_OWN(X) \
	X(len) X(han) X(latin) X(digit) X(punct) X(space) \
	X(sentences) X(clauses) X(final) X(inner_sentences) \
	X(function_chars) X(words) X(short_words) \
	X(separators) X(bullet) X(tokens) X(token_share) X(bracketed) \
	X(box_drawing) \
	X(date) X(time) X(weekday) X(byline) X(phone) X(email) X(url) \
	X(copyright) X(marker) X(heading_marker) \
	X(vocab) X(nav_words) X(nav_share) X(list_heading) X(inline_list) \
	X(rules_score) X(zone) X(anchor) X(title) X(site_title) \
	X(more_heading) X(date_like) X(truncated) \
	X(m_breadcrumb) X(m_menu) X(m_keywords) X(m_decoration) X(m_code) \
	X(m_inline_list) X(m_site_title) X(m_edge) X(m_edge_short) \
	X(m_list_heading) X(m_list_item) X(m_ranking) X(m_form) \
	X(position) X(from_top) X(from_end) X(lines) X(char_position) \
	X(page_chars) X(prev_anchor) X(next_anchor) X(anchors) \
	X(anchor_share) X(repeats) X(furniture) X(furniture_pages) \
	X(short_run) X(title_run) X(longest_share) X(body_overlap) \
	X(page_han) X(title_overlap)

#define FEATURES_HTML(X) \
	X(html) X(link_density) X(all_link) X(in_nav) X(in_header) \
	X(in_footer) X(in_aside) X(in_form) X(in_list) X(in_table) \
	X(in_heading) X(in_p) X(in_article) X(in_quote) X(in_title) \
	X(in_bold) X(in_figure) X(hidden) X(in_marquee) X(in_span) \
	X(c_nav) X(c_crumb) X(c_footer) X(c_side) X(c_comment) X(c_share) \
	X(c_related) X(c_header) X(c_ad) X(c_form) X(c_tags) X(c_pager) \
	X(c_content) X(c_title) X(c_date) \
	X(n_nav) X(n_crumb) X(n_footer) X(n_side) X(n_comment) X(n_share) \
	X(n_related) X(n_header) X(n_ad) X(n_form) X(n_tags) X(n_pager) \
	X(n_content) X(n_title) X(n_date) \
	X(block) X(depth) X(tables) X(box_chars) X(box_links) \
	X(box_lines) X(box_paras) X(box_share) X(in_main) X(main_share)

/* Of each neighbour, before (p1 p2 p3) and after (n1 n2 n3). */
#define FEATURES_NEAR(X, d) \
	X(d##_len) X(d##_punctuated) X(d##_anchor) X(d##_link) \
	X(d##_rules) X(d##_final)

#define FEATURES_CONTEXT(X) \
	FEATURES_NEAR(X, p1) FEATURES_NEAR(X, p2) FEATURES_NEAR(X, p3) \
	FEATURES_NEAR(X, n1) FEATURES_NEAR(X, n2) FEATURES_NEAR(X, n3) \
	X(around_len) X(around_anchors) X(around_link) X(around_rules)

#define FEATURES(X) FEATURES_OWN(X) FEATURES_HTML(X) FEATURES_CONTEXT(X)

enum feature {
#define FEAT_ENUM(name) F_##name,
	FEATURES(FEAT_ENUM)
#undef FEAT_ENUM
	NFEATURES
};

extern const char *const feature_names[NFEATURES];

/*
 * What a scan of the line's characters finds beyond struct lf_features;
 * filled by features_scan (pass 1, any thread).
 */
struct shape {
	uint32_t latin, digits, punct, spaces;	/* characters */
	uint32_t function_chars;	/* 的 了 是 在 … */
	uint32_t words, short_words;	/* runs of letters, of 1-3 */
	uint32_t tokens;		/* [word] and bg image(…) of dumps */
	uint32_t token_chars;		/* characters inside them */
	uint32_t bracketed;		/* 【…】 […] segments */
	uint32_t box_drawing;		/* ─ │ ┃ ━ … table borders */
	uint16_t pattern;		/* SHAPE_ bits */
	uint8_t bullet;
};

enum {
	SHAPE_DATE = 1 << 0, SHAPE_TIME = 1 << 1, SHAPE_WEEKDAY = 1 << 2,
	SHAPE_BYLINE = 1 << 3, SHAPE_PHONE = 1 << 4, SHAPE_EMAIL = 1 << 5,
	SHAPE_URL = 1 << 6, SHAPE_COPYRIGHT = 1 << 7
};

/* Builds the tables the scan uses: once, before any thread scans. */
void features_init(void);
/* Fills *sh for the line s[0..n). */
void features_scan(const char *s, size_t n, struct shape *sh);

/* Words, hashed: an open-addressing set, bounded. */
struct wordset {
	uint64_t *slot;		/* 0: empty */
	size_t cap, size, used;
};

/*
 * Page-wide facts for features_line: how often each line repeats
 * (v[i].repeats), and sums it needs.  Call once a page, after
 * layout_page.
 */
struct page_sums {
	size_t nlines;
	double chars;		/* of all lines */
	double *chars_before;	/* per line, of the lines above it */
	size_t *prev_anchor, *next_anchor;	/* SIZE_MAX: none */
	size_t anchors;
	size_t *short_run;	/* length of the run of short lines */
	size_t *title_run;	/* of lines shaped like headlines */
	float *overlap;		/* share of words found in the prose */
	float *title_overlap;	/* in the page's first line */
	float *near;		/* per line, what it says of itself to the
				   lines around it (F_p1_len ... F_p1_final),
				   said once, not by each of them */
	double han;		/* Han characters of all lines */
	double longest;		/* characters of the longest line */
	struct wordset prose;	/* the words of the page's prose */
	struct wordset title;	/* and of its title */
	size_t cap;
};
void features_page(struct line *v, size_t nlines, struct page_sums *ps);
void page_sums_free(struct page_sums *ps);

/*
 * The features of line i of v[0..nlines) into x[0..NFEATURES), NAN where
 * unknown (no HTML; no furniture counts; no neighbour).
 */
void features_line(const struct line *v, const struct shape *sh,
    size_t nlines, size_t i, int threshold, const struct page_sums *ps,
    float *x);

/*
 * Moves the line whose features x holds to the middle of its page of
 * nlines lines: what the model would say of it anywhere but at the
 * page's top or end.
 */
void features_centre(size_t nlines, float *x);

#endif
