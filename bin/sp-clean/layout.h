/*
 * layout.h: where each line of a page stands (its title, its prose, its
 * head and tail, its menus, lists and forms), and the score that the
 * rules and the layout alone give each line.
 */
#ifndef SP_CLEAN_LAYOUT_H
#define SP_CLEAN_LAYOUT_H
#include <stddef.h>

#include "pageline.h"

/*
 * Lays out v[0..nlines), whose text, features (f) and rule hits (h) are
 * set: fills in each line's title, anchor, zone, score, marks and
 * reason.  A line scoring threshold or more is furniture by the rules.
 */
void layout_page(struct line *v, size_t nlines, int threshold);

/* A heading over a list that ends in "MORE" or "更多>>". */
int layout_more_heading(const struct line *l);
/* Is cp a character of a date or time as layout_date_like() reads one? */
int layout_date_char(int32_t cp);
/* A date, a time, a count alone: "2022-11-10", "[06-01]", "12:30". */
int layout_date_like(const struct line *l);
/* Ends cut short: "…", "...". */
int layout_truncated(const struct line *l);

#endif
