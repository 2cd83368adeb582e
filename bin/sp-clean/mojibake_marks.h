/*
 * mojibake_marks.h: the pairs of marks (“” ‘’ 「」 （） 【】 《》 …) open in
 * a line before a span being repaired, for choosing the character a lost
 * byte made: a closing mark is likely where its opening one is open and
 * unlikely where none is (动”自行拆除 for 动员自行拆除).  One line at a time
 * per thread: marks_line() starts one, marks_before() reads it on.
 */
#ifndef SP_CLEAN_MOJIBAKE_MARKS_H
#define SP_CLEAN_MOJIBAKE_MARKS_H
#include <stddef.h>
#include <stdint.h>

/* The opening mark of closing mark c, or 0; *bracket: c is no quote. */
int32_t mark_opening(int32_t c, int *bracket);

/* A new line: no mark open. */
void marks_line(void);

/*
 * The line s, read up to s[i] (on from where it was read last: i never
 * goes back within a line).
 */
void marks_before(const char *s, size_t i);

/* Which pairs are open, a bit each (for the memo's keys). */
unsigned marks_open(void);
/*
 * Which pairs would be open once t[0..n) (a span's repaired middle) were
 * read on from where the line was read, a bit each; the line's state is
 * left as it was.
 */
unsigned marks_open_after(const char *t, size_t n);
/* mark_fit() with the pairs open given as bits (marks_open_after()). */
double mark_fit_in(int32_t c, unsigned open);

/*
 * What candidate c's place among the marks adds to its cost, in bits:
 * less for a closing mark whose pair is open, more for one whose pair is
 * not, 0 for any other character.
 */
double mark_fit(int32_t c);

#endif
