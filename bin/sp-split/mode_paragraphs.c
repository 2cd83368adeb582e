#include "split.h"
static void b(const struct doc *d) { (void)d; }
static void l(const struct doc *d, const struct line *x) { (void)d; (void)x; }
static const char *const members[] = { "doc", "unit", "start", "end", NULL };
const struct mode mode_paragraphs = { b, l, b, members };
