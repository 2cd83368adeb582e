/* mojibake_marks.c: marks open before a span; see mojibake_marks.h. */
#include "mojibake_marks.h"
#include "text.h"

/*
 * What a closing mark's fit is worth, in bits: the models' rates of a
 * mark after a word do not look back for its pair, so a byte that makes
 * either 员 or ” (D4 B1, A1 B1) after 动 may well make ”.
 */
#define PAIR_FIT 6.0

static const int32_t pairs[][2] = {
	{ 0x201C, 0x201D }, { 0x2018, 0x2019 }, { 0x300C, 0x300D },
	{ 0x300E, 0x300F }, { 0xFF08, 0xFF09 }, { 0x3010, 0x3011 },
	{ 0x300A, 0x300B }, { 0x3008, 0x3009 }, { 0x3014, 0x3015 },
};
#define NPAIRS (sizeof pairs / sizeof pairs[0])
/* The first four are quotes and corner brackets, the rest brackets. */
#define FIRST_BRACKET 4

/*
 * Might c be one of the marks of pairs (U+2018..U+201D, U+3008..U+3015,
 * U+FF08, U+FF09)?  Asked of every character before a span, most of them
 * Han, which the list was read through for (perf: marks_before() 13% of
 * the mojibake step on clean speech pages, a line read up to each "?").
 */
static inline int
may_pair(int32_t c)
{
	return (c >= 0x2018 && c <= 0x201D) || (c >= 0x3008 && c <= 0x3015) ||
	    c == 0xFF08 || c == 0xFF09;
}

static _Thread_local const char *line_s;
static _Thread_local size_t line_i;
static _Thread_local unsigned depth[NPAIRS];

int32_t
mark_opening(int32_t c, int *bracket)
{
	size_t k;

	for (k = 0; k < NPAIRS; k++)
		if (pairs[k][1] == c) {
			*bracket = k >= FIRST_BRACKET;
			return pairs[k][0];
		}
	return 0;
}

void
marks_line(void)
{
	size_t k;

	line_s = NULL;
	line_i = 0;
	for (k = 0; k < NPAIRS; k++)
		depth[k] = 0;
}

/* The mark c (may_pair()) opens a pair of d or closes one open. */
static void
count_mark(unsigned d[NPAIRS], int32_t c)
{
	size_t k;

	for (k = 0; k < NPAIRS; k++) {
		if (c == pairs[k][0])
			d[k]++;
		else if (c == pairs[k][1] && d[k] > 0)
			d[k]--;
	}
}

void
marks_before(const char *s, size_t i)
{
	size_t m;
	int32_t c;
	unsigned char b;

	if (s != line_s || i < line_i) {
		marks_line();
		line_s = s;
	}
	for (; line_i < i; line_i += m) {
		/* The marks open with E2, E3 or EF; no other byte of the
		 * line needs its character read. */
		b = (unsigned char)s[line_i];
		if (b != 0xE2 && b != 0xE3 && b != 0xEF) {
			m = 1;
			continue;
		}
		c = cp_at(s, i, line_i, &m);
		if (may_pair(c))
			count_mark(depth, c);
	}
}

unsigned
marks_open(void)
{
	unsigned bits = 0;
	size_t k;

	for (k = 0; k < NPAIRS; k++)
		bits |= (unsigned)(depth[k] > 0) << k;
	return bits;
}

double
mark_fit(int32_t c)
{
	size_t k;

	if (!may_pair(c))
		return 0;
	for (k = 0; k < NPAIRS; k++)
		if (pairs[k][1] == c)
			return depth[k] > 0 ? -PAIR_FIT : PAIR_FIT;
	return 0;
}

unsigned
marks_open_after(const char *t, size_t n)
{
	unsigned d[NPAIRS], bits = 0;
	size_t i, k, m;
	int32_t c;

	for (k = 0; k < NPAIRS; k++)
		d[k] = depth[k];
	for (i = 0; i < n; i += m) {
		c = cp_at(t, n, i, &m);
		if (may_pair(c))
			count_mark(d, c);
	}
	for (k = 0; k < NPAIRS; k++)
		bits |= (unsigned)(d[k] > 0) << k;
	return bits;
}

double
mark_fit_in(int32_t c, unsigned open)
{
	size_t k;

	if (!may_pair(c))
		return 0;
	for (k = 0; k < NPAIRS; k++)
		if (pairs[k][1] == c)
			return (open >> k & 1) ? -PAIR_FIT : PAIR_FIT;
	return 0;
}
