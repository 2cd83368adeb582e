/*
 * Fuzz target: the sentence splitter.  Properties: on every line the
 * sentences are non-empty, in order, and tile the line exactly (nothing
 * lost, nothing repeated), with and without --semicolon; and the lines
 * that sent_whole_lines() passes over are each one sentence (none when
 * empty), as many as it counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sentences.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The lines of s[0..k) are whole, as sent_whole_lines() told. */
static void
check_whole(const char *s, size_t k, int semi, uint64_t lines,
    uint64_t sentences)
{
	const char *p = s, *nl;
	struct sentences it;
	size_t len, start, end;

	if (k > 0 && s[k - 1] != '\n')
		abort();
	for (; p < s + k; p = nl + 1, lines--) {
		nl = memchr(p, '\n', (size_t)(s + k - p));
		len = (size_t)(nl - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		sent_init(&it, p, len, semi);
		if (sent_next(&it, &start, &end)) {
			if (start != 0 || end != len || sentences-- == 0 ||
			    sent_next(&it, &start, &end))
				abort();
		}
		if (lines == 0)
			abort();
	}
	if (lines != 0 || sentences != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nl;
	size_t n = size, len, start, end, at;
	struct sentences it;
	int semi, count;
	uint64_t lines, sentences;

	for (semi = 0; semi <= 1; semi++) {
		at = sent_whole_lines(s, n, semi, &lines, &sentences);
		check_whole(s, at, semi, lines, sentences);
	}
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		for (semi = 0; semi <= 1; semi++) {
			sent_init(&it, s, len, semi);
			at = 0;
			count = 0;
			while (sent_next(&it, &start, &end)) {
				if (start != at || end <= start || end > len)
					abort();
				at = end;
				count++;
			}
			if (at != len || (len > 0 && count == 0))
				abort();
		}
		if (nl == NULL)
			break;
		s = nl + 1;
		n -= len + 1;
	}
	return 0;
}
