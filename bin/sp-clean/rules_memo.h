/*
 * rules_memo.h: what a matcher's patterns (rules.c) found in a line,
 * remembered by the line's bytes.  The patterns' matches depend on the
 * bytes alone, and the short lines that run them repeat: the menus,
 * separators and footers of a site's pages ("|", "首页", "更多"; 44% of
 * the lines that ran them in the dumps of news pages).  A small table a
 * matcher, and so a thread; each line in one slot, a newer line taking
 * the slot of an older one.
 */
#ifndef SP_CLEAN_RULES_MEMO_H
#define SP_CLEAN_RULES_MEMO_H
#include <stddef.h>
#include <stdint.h>

/* The longest line remembered, and the most matches. */
#define RULES_MEMO_LINE 120
#define RULES_MEMO_HITS 4

/* A pattern's match: rule index, where, how long. */
struct rules_memo_hit {
	uint32_t rule, at, len;
};

struct rules_memo_slot;

/*
 * The keys apart from the rest: most lines looked up are not there, and
 * a look at 32 KB of keys finds so in a cache where one at each slot of
 * the whole table waited for memory (perf: 88% of the lookup's time, on
 * the load of the slot).
 */
struct rules_memo {
	uint64_t *key;			/* a slot's line's key; 0: empty */
	struct rules_memo_slot *slot;	/* NULL until the first line */
	int off;			/* remembers nothing */
};

/*
 * The key of line[0..n), 0 for a line too long to be remembered; its
 * slot is fetched meanwhile, for rules_memo_get() after other work.
 */
uint64_t rules_memo_key(const struct rules_memo *m, const char *line,
    size_t n);

/*
 * The matches remembered for line[0..n), of key key, in the order they
 * were found, into hits, and their count; or -1 when it is not there.
 */
int rules_memo_get(const struct rules_memo *m, uint64_t key,
    const char *line, size_t n, struct rules_memo_hit hits[RULES_MEMO_HITS]);

/*
 * Remembers hits[0..nhits) for line[0..n) of key key: lines too long or
 * with too many matches are not remembered.
 */
void rules_memo_put(struct rules_memo *m, uint64_t key, const char *line,
    size_t n, const struct rules_memo_hit *hits, size_t nhits);

/* Forgets every line (the rules changed). */
void rules_memo_clear(struct rules_memo *m);

void rules_memo_free(struct rules_memo *m);

#endif
