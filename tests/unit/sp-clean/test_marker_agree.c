/*
 * The marker table (tests/unit/marker_table.h) through sp-clean's line
 * features and through the heading tracker that sp-outline and sp-split
 * --headings use: each reads every line as the table says.
 */
#include <string.h>

#include "check.h"
#include "heading.h"
#include "linefeat.h"
#include "marker_table.h"

/* How sp-clean names a kind (linefeat.c's reading of the recognizer). */
static enum lf_marker
lf_of(enum sp_heading_kind k)
{
	switch (k) {
	case SP_HK_NONE: return LF_NONE;
	case SP_HK_CN_DUN: return LF_NUMERAL;
	case SP_HK_CN_PAREN: case SP_HK_NUM_PAREN: return LF_PAREN;
	case SP_HK_NUM_DOT: case SP_HK_NUM_RPAREN: return LF_DIGIT;
	case SP_HK_CIRCLED: return LF_CIRCLED;
	case SP_HK_SEQ: case SP_HK_SHI: case SP_HK_YAO: return LF_POINT;
	default: return LF_ORDINAL;
	}
}

int
main(void)
{
	struct sp_heading_tracker *t;
	const struct sp_heading_entry *e;
	struct lf_features f;
	struct sp_heading h;
	size_t i, n, len;
	int found;

	t = sp_heading_tracker_new(SP_HEADING_ITEMS);
	CHECK(t != NULL);
	for (i = 0; i < MARKER_ROWS && t; i++) {
		const struct marker_row *r = &marker_table[i];

		n = strlen(r->line);
		/* The recognizer itself. */
		found = sp_heading_match(r->line, n, SP_HEADING_ITEMS, &h);
		check_int(found ? h.kind : SP_HK_NONE, r->kind, __FILE__,
		    __LINE__, r->line);
		if (found)
			check_int(h.number, r->number, __FILE__, __LINE__,
			    r->line);
		/* sp-clean: the marker of lf_marker() and of lf_scan(). */
		check_int(lf_marker(r->line, n, &len), lf_of(r->kind),
		    __FILE__, __LINE__, r->line);
		if (r->kind != SP_HK_NONE)
			check_int((long long)len, (long long)(h.marker_off +
			    h.marker_len), __FILE__, __LINE__, r->line);
		lf_scan(r->line, n, &f);
		check_int(f.marker, lf_of(r->kind), __FILE__, __LINE__,
		    r->line);
		/* sp-outline and sp-split --headings: the tracker. */
		sp_heading_tracker_reset(t);
		found = sp_heading_tracker_feed(t, r->line, n, 1, 0);
		check_int(found, r->kind != SP_HK_NONE, __FILE__, __LINE__,
		    r->line);
		e = sp_heading_tracker_found(t, 0);
		if (found == 1 && e)
			check_int(e->h.kind, r->kind, __FILE__, __LINE__,
			    r->line);
	}
	sp_heading_tracker_free(t);
	return check_done("test_marker_agree");
}
