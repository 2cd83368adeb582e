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

struct rules_memo {
	struct rules_memo_slot *slot;	/* NULL until the first line */
};

/*
 * The matches remembered for line[0..n), in the order they were found,
 * into hits, and their count; or -1 when line is not remembered.  *key
 * is then line's, for rules_memo_put().
 */
int rules_memo_get(struct rules_memo *m, const char *line, size_t n,
    uint64_t *key, struct rules_memo_hit hits[RULES_MEMO_HITS]);

/*
 * Remembers hits[0..nhits) for line[0..n), whose key rules_memo_get()
 * gave: lines too long or with too many matches are not remembered.
 */
void rules_memo_put(struct rules_memo *m, uint64_t key, const char *line,
    size_t n, const struct rules_memo_hit *hits, size_t nhits);

/* Forgets every line (the rules changed). */
void rules_memo_clear(struct rules_memo *m);

void rules_memo_free(struct rules_memo *m);

#endif
