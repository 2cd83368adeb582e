/*
 * sentences.h: where the sentences of one line end.
 *
 * A line is split alone: a newline always ends a sentence, and quote and
 * bracket state starts afresh on every line, so an unclosed quote in
 * scraped text cannot swallow what follows.  Every byte of the line
 * belongs to exactly one sentence: closing marks and the spaces after a
 * sentence end stay with it, so the sentences joined back give the line.
 */
#ifndef SPLIT_SENTENCES_H
#define SPLIT_SENTENCES_H
#include <stddef.h>
#include <stdint.h>

struct sentences {
	const unsigned char *s;
	size_t n;
	size_t pos;		/* where the next sentence starts */
	int semicolon;		/* ；and ; end sentences too */
	unsigned dquotes;	/* straight double quotes passed */
	int curly;		/* a “ or „ came: ” closes, never opens */
	size_t no_curly;	/* none in s[0..no_curly), if !curly */
	/*
	 * No closer of span type t before noclose[t], when bit t of
	 * noclose_set is set: a line starts with no entry set, and
	 * nothing to clear.
	 */
	unsigned noclose_set;
	size_t noclose[16];
};

/* Starts splitting line[0..n), which holds no newline. */
void sent_init(struct sentences *it, const char *line, size_t n,
    int semicolon);
/*
 * The lines at the start of text[0..n), each ending in '\n', as far as
 * each is surely one sentence (or none, when empty or a CR alone) and
 * none opens with a form feed (a document's end, perhaps): returns their
 * bytes, stores their count in *lines and the number of sentences in
 * *sentences.  A look at the bytes for what may end a sentence, much
 * quicker than sent_next()'s walk, which it leaves the first line where
 * it finds any.
 */
size_t sent_whole_lines(const char *text, size_t n, int semicolon,
    uint64_t *lines, uint64_t *sentences);
/*
 * With on, sent_whole_lines() looks sixteen bytes at a time even where
 * AVX2 would take 32: for the tests, which ask the same of both.
 */
void sent_whole_sse2_only(int on);
/*
 * Stores the next sentence's bounds in *start, *end and returns 1, or
 * returns 0 when the line is used up.  A line of n > 0 bytes always gives
 * at least one sentence; an empty line gives none.
 */
int sent_next(struct sentences *it, size_t *start, size_t *end);

#endif
