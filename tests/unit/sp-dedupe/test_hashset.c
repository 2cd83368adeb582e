/* Unit tests of bin/sp-dedupe/hashset.c: growth in place keeps every key. */
#include <stdint.h>

#include "check.h"
#include "hashset.h"

static struct fp
key(uint64_t i)
{
	/* splitmix64: uniform keys, as XXH3 gives. */
	uint64_t z = (i + 1) * 0x9E3779B97F4A7C15ULL;
	struct fp k;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	k.lo = z ^ (z >> 31);
	k.hi = i;
	return k;
}

int
main(void)
{
	struct hashset s;
	struct fp k, zero = { 0, 0 };
	uint64_t v, *p, n = 200000, i, seen = 0, sum = 0;
	size_t it = 0;
	int missing = 0, wrong = 0;

	hashset_init(&s, 1);
	CHECK(hashset_find(&s, key(1)) == NULL);
	for (i = 0; i < n; i++)
		if (hashset_add(&s, key(i), i, NULL) != 1)
			missing++;
	CHECK_INT(missing, 0);
	CHECK_INT(s.count, n);
	for (i = 0; i < n; i++) {
		p = hashset_find(&s, key(i));
		if (p == NULL)
			missing++;
		else if (*p != i)
			wrong++;
	}
	CHECK_INT(missing, 0);
	CHECK_INT(wrong, 0);
	CHECK(hashset_find(&s, key(n)) == NULL);
	CHECK_INT(hashset_add(&s, key(7), 99, &v), 0);
	CHECK_INT(v, 7);
	/* Never fuller than 80%, never emptier than 40% once grown. */
	CHECK(s.count * 5 <= s.cap * 4);
	CHECK(s.count * 5 >= s.cap * 2);
	CHECK(hashset_bytes(&s) <= s.count * 60);
	while (hashset_next(&s, &it, &k, &v)) {
		seen++;
		sum += v;
	}
	CHECK_INT(seen, n);
	CHECK_INT(sum, n * (n - 1) / 2);
	/* The all-zero fingerprint is a member like any other. */
	CHECK_INT(hashset_add(&s, zero, 5, NULL), 1);
	CHECK(hashset_find(&s, zero) != NULL);
	hashset_free(&s);

	/* Keys clustered on few home slots still all survive growth. */
	hashset_init(&s, 0);
	for (i = 0; i < 5000; i++) {
		k.lo = (i % 7) << 20 | (i / 7);
		k.hi = i;
		hashset_add(&s, k, 0, NULL);
	}
	missing = 0;
	for (i = 0; i < 5000; i++) {
		k.lo = (i % 7) << 20 | (i / 7);
		k.hi = i;
		if (hashset_find(&s, k) == NULL)
			missing++;
	}
	CHECK_INT(missing, 0);
	CHECK(hashset_bytes(&s) <= s.count * 40);
	hashset_free(&s);
	return check_done("sp-dedupe/test_hashset");
}
