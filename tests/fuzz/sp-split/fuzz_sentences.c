/*
 * Fuzz target: the sentence splitter.  Properties: on every line the
 * sentences are non-empty, in order, and tile the line exactly (nothing
 * lost, nothing repeated), with and without --semicolon.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sentences.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nl;
	size_t n = size, len, start, end, at;
	struct sentences it;
	int semi, count;

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
