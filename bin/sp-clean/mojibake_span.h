/*
 * mojibake_span.h: what the repairs of the mojibake step (mojibake.h)
 * share: the thread's scratch for the span being repaired, the characters
 * around a span, and how a repair or a broken span is reported.
 *
 * Each kind of repair is a function with one signature (mojibake_fn): it
 * looks at s[i..n), writes a repair to out and sets *fixed, or leaves out
 * as it was; it returns the bytes of the span it handled (0: none).
 */
#ifndef SP_CLEAN_MOJIBAKE_SPAN_H
#define SP_CLEAN_MOJIBAKE_SPAN_H
#include <stddef.h>
#include <stdint.h>

#include "mojibake.h"
#include "text.h"

typedef size_t (*mojibake_fn)(const char *s, size_t n, size_t i,
    struct sp_buf *out, int *fixed, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx);

/*
 * Scratch of the thread repairing (freed by mojibake_thread_end()): the
 * repair being made, the bytes the span stood for, and the bytes restored
 * in it for --explain ("A1=。, FB=宣").
 */
extern _Thread_local struct sp_buf span_rep, span_bytes, span_note;
/* And the characters guessed for lost bytes (mojibake_utf8.c). */
extern _Thread_local struct sp_buf span_guess;
/* And a layer of text encoded twice, kept while the next is tried. */
extern _Thread_local struct sp_buf span_layer;
/* And a run with its markers written as U+FFFD, to be costed
 * (mojibake_utf8.c). */
extern _Thread_local struct sp_buf span_lost;

/*
 * What the document being repaired showed of how its decoder read it: a
 * run of UTF-8 read as GBK, a span of GBK read as Latin-1 repaired in it
 * so far.  A decoder reads a whole document one way: once it read some of
 * it so, the spans too short to tell by themselves are read too
 * (mojibake_utf8.c, mojibake_latin1.c; mojibake.c reads the line of the
 * first repair again for those before it).
 */
extern _Thread_local struct document_evidence {
	int utf8_gbk, gbk_latin1;
} document;

/* The last span found broken and not repaired, for the caller to count. */
extern _Thread_local struct span_broken {
	const char *kind, *s;
	size_t len;
	int unsearched;	/* left for the budget (unsearched()) */
} span_broken;

/*
 * What the searches for lost bytes may still cost on the line being
 * repaired, in candidates costed (BUDGET_CHEAP a candidate the bigram
 * model alone costs, BUDGET_FULL one the word model costs too, some 35
 * and 1,100 ns): BUDGET_LINE for any line, BUDGET_BYTE more for each of
 * its bytes.  The most garbled line of the SogouCA sample (34 spans in
 * 2.9 KB) spends half of it; text made of nothing but spans to search,
 * up to a millisecond a span, is searched at some 9 us a byte until it
 * is spent, and its other spans are left as they are and counted
 * unrepairable.
 */
extern _Thread_local size_t span_budget;
#define BUDGET_CHEAP 1
#define BUDGET_FULL 32
#define BUDGET_LINE 262144
#define BUDGET_BYTE 256

/* Sets the budget of the line s[0..n). */
void budget_line(size_t n);

/*
 * Takes what a search of cheap and full candidates may cost from the
 * budget: 1, or 0 when it is spent (the search is not made).
 */
int budget_take(size_t cheap, size_t full);

/*
 * Spends what a read of bytes of the line cost (a cheap candidate each),
 * as much as is left.
 */
void budget_spend(size_t bytes);

/*
 * A span s[i..end) not searched, the budget being spent: noted in
 * span_broken.  Returns 0.
 */
size_t unsearched(const char *kind, const char *s, size_t i, size_t end);

/* Placeholder, in span_bytes, of a byte a decoder lost ('?' or U+FFFD). */
#define LOST 0xFF

/* Notes byte b, restored in cp, in span_note. */
void note_byte(unsigned b, int32_t cp);

/*
 * A span s[i..end) of chars characters that could not be repaired: noted
 * in span_broken when it is long enough to be sure it is broken, and
 * given back to the caller (returns 0) so that the other kinds may try it.
 */
size_t unrepaired(const char *kind, const char *s, size_t i, size_t end,
    size_t chars);

/* Counts the repair in span_rep of old[0..oldlen) and explains it. */
void repaired(const char *kind, const char *old, size_t oldlen,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx);

/* The first character of UTF-8 text s[0..n), 0 when empty. */
static inline int32_t
first_cp(const char *s, size_t n)
{
	size_t k;

	return n ? cp_at(s, n, 0, &k) : 0;
}

/* The second character of s[0..n), 0 when none. */
static inline int32_t
second_cp(const char *s, size_t n)
{
	size_t k;

	if (n == 0)
		return 0;
	cp_at(s, n, 0, &k);
	return k < n ? cp_at(s, n, k, &k) : 0;
}

/* The character after the one at s[i] (i < n), '\n' at the end. */
static inline int32_t
next_after(const char *s, size_t n, size_t i)
{
	size_t k;

	cp_at(s, n, i, &k);
	return i + k < n ? cp_at(s, n, i + k, &k) : '\n';
}

/*
 * The second character after the one at s[i] (i < n): '\n' where the
 * line ends there, 0 where it ended before.
 */
static inline int32_t
third_after(const char *s, size_t n, size_t i)
{
	size_t k, m;

	cp_at(s, n, i, &k);
	if (i + k >= n)
		return 0;
	cp_at(s, n, i + k, &m);
	return i + k + m < n ? cp_at(s, n, i + k + m, &m) : '\n';
}

/* The character before the last of s[0..n), 0 when none. */
static inline int32_t
last2_cp(const char *s, size_t n)
{
	size_t k;

	if (n == 0)
		return 0;
	cp_before(s, n, &k);
	return k < n ? cp_before(s, n - k, &k) : 0;
}

/* The last character of s[0..n), 0 when none. */
static inline int32_t
last_cp(const char *s, size_t n)
{
	size_t k;

	return n ? cp_before(s, n, &k) : 0;
}

#endif
