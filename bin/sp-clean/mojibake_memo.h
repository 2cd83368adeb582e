/*
 * mojibake_memo.h: the choices of the searches for lost bytes
 * (mojibake_shift.c), remembered: a search depends only on the few
 * characters around its span, and text that repeats them (a page of
 * "?雷由?", a table of the same garbled cell) asks the same question
 * many times.  A small table per thread, each key in one slot: a newer
 * key takes the slot of an older one.
 */
#ifndef SP_CLEAN_MOJIBAKE_MEMO_H
#define SP_CLEAN_MOJIBAKE_MEMO_H
#include <stddef.h>
#include <stdint.h>

/* What a search is asked: which search, then its characters and bytes. */
#define MEMO_KEY 14
struct memo_key {
	int32_t k[MEMO_KEY];	/* unused ones 0 */
};

/* What it answered: up to two characters and their bytes; 0: none. */
struct memo_val {
	int32_t c[2];
	unsigned byte[2];
};

/* Is key's answer remembered?  Then it is copied to *val. */
int memo_get(const struct memo_key *key, struct memo_val *val);

/* Remembers val as key's answer. */
void memo_put(const struct memo_key *key, const struct memo_val *val);

/* Frees the calling thread's table. */
void memo_free(void);

#endif
