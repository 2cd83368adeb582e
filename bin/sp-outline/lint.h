/*
 * lint.h: the numbering check of sp-outline --check.
 *
 * Each heading the tracker reports is compared with the previous heading
 * of its style under the same parent (or, for the first under its parent
 * numbered past one, the last of its style in the document: a law's
 * articles run through its chapters), and with the first heading of its
 * style in the document: a gap (（三） after （一）), a repeat, a restart
 * (（一） after （三） under one parent), a number out of order, a first
 * heading that is not number one, and a marker written in other widths or
 * delimiters than the first of its level are problems.
 */
#ifndef SP_OUTLINE_LINT_H
#define SP_OUTLINE_LINT_H
#include "buf.h"
#include "heading.h"

/*
 * Appends the problems of heading e, one line each without the
 * "FILE:LINE: " prefix and newline-separated ("（三） follows （一）:
 * expected （二）\n"), to out.  Returns the number of problems (0, 1 or
 * 2), or -1 when out of memory.
 */
int lint_heading(const struct sp_heading_entry *e, struct sp_buf *out);

#endif
