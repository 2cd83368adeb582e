/*
 * The marker table (tests/unit/marker_table.h) through sp-split's
 * document markers: a line opens a document exactly when the shared
 * recognizer reads a part (第X篇, …篇X) in it.
 */
#include <string.h>

#include "check.h"
#include "markers.h"
#include "marker_table.h"

int
main(void)
{
	size_t i;

	for (i = 0; i < MARKER_ROWS; i++) {
		const struct marker_row *r = &marker_table[i];
		int part = r->kind == SP_HK_PIAN || r->kind == SP_HK_PIAN_TAIL;

		check_int(marker_builtin(r->line, strlen(r->line)), part,
		    __FILE__, __LINE__, r->line);
	}
	return check_done("test_marker_agree");
}
