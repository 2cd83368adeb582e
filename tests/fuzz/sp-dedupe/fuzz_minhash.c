/*
 * Fuzz target: MinHash signatures.  Properties: a text's signature is the
 * same every time, its similarity to itself is 1, and the similarity of
 * two halves of the input lies in [0, 1] and is symmetric.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "minhash.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint32_t a[MH_PERMS], b[MH_PERMS], c[MH_PERMS];
	struct minhasher m;
	const char *s = (const char *)data;
	size_t half = size / 2;
	double ab, ba;

	if (size == 0)
		return 0;
	mh_init(&m, 1 + data[0] % 8, data[0] & 0x80 ? 1 : 0);
	if (mh_signature(&m, s, size, a) < 0 ||
	    mh_signature(&m, s, size, b) < 0)
		abort();
	if (memcmp(a, b, sizeof a) != 0 || mh_similarity(a, b) != 1.0)
		abort();
	if (mh_signature(&m, s, half, b) < 0 ||
	    mh_signature(&m, s + half, size - half, c) < 0)
		abort();
	ab = mh_similarity(b, c);
	ba = mh_similarity(c, b);
	if (!(ab >= 0 && ab <= 1) || ab != ba)
		abort();
	mh_free(&m);
	return 0;
}
