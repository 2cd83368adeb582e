/* minhash.c: shingles, signatures and bands; see minhash.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "fold.h"
#include "minhash.h"
#include "utf8.h"

#define SHINGLE_SEED 0x5350646564757065ULL	/* "SPdedupe" */
#define BAND_SEED    0x7370626164730000ULL

/* The permutations' keys: splitmix64 from a fixed start, made once. */
static uint32_t perm_key[MH_PERMS];
static int perm_ready;

static void
make_keys(void)
{
	uint64_t x = 0x243F6A8885A308D3ULL, z;
	int i;

	for (i = 0; i < MH_PERMS; i++) {
		z = (x += 0x9E3779B97F4A7C15ULL);
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		perm_key[i] = (uint32_t)((z ^ (z >> 31)) >> 32);
	}
	perm_ready = 1;
}

void
mh_init(struct minhasher *m, int shingle, unsigned fold_flags)
{
	memset(m, 0, sizeof *m);
	m->shingle = shingle;
	m->fold_flags = fold_flags | SP_FOLD_WORDS;
	if (!perm_ready)
		make_keys();
}

void
mh_free(struct minhasher *m)
{
	sp_buf_free(&m->folded);
	free(m->tok);
	m->tok = NULL;
}

/*
 * Cuts the folded text into tokens; tok[ntok] is the text's end.  There
 * are never more tokens than bytes, so the array is sized once.
 */
static int
tokenize(struct minhasher *m)
{
	const unsigned char *p = (const unsigned char *)m->folded.data;
	size_t n = m->folded.len, i = 0, k, *tok, nt = 0;
	int32_t cp;
	int in_word = 0, w;

	if (n + 1 > m->captok) {
		tok = realloc(m->tok, (n + 1) * sizeof *tok);
		if (tok == NULL)
			return -1;
		m->tok = tok;
		m->captok = n + 1;
	}
	tok = m->tok;
	while (i < n) {
		unsigned char c = p[i];

		if (c == ' ') {		/* only ever between two words */
			in_word = 0;
			i++;
			continue;
		}
		if (c < 0x80) {
			w = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
			k = 1;
		} else if (c >= 0xE4 && c <= 0xE9 && i + 2 < n) {
			/* U+4E00..U+9FFF, the common ideographs: not words. */
			w = 0;
			k = 3;
		} else {
			k = sp_utf8_decode(p + i, n - i, &cp, NULL);
			w = sp_fold_is_word(cp);
		}
		if (!(w && in_word))
			tok[nt++] = i;
		in_word = w;
		i += k;
	}
	tok[nt] = n;
	m->ntok = nt;
	return 0;
}

/* Where token i ends: before the next one and any space before it. */
static size_t
tok_end(const struct minhasher *m, size_t i)
{
	size_t e = m->tok[i + 1];

	if (e > m->tok[i] && m->folded.data[e - 1] == ' ')
		e--;
	return e;
}

static inline uint32_t
permute(uint32_t x, uint32_t key)
{
	x ^= key;
	x ^= x >> 16;
	x *= 0x85EBCA6BU;
	x ^= x >> 13;
	x *= 0xC2B2AE35U;
	x ^= x >> 16;
	return x;
}

/*
 * The hot loop: every permutation of every shingle.  Compiled also for
 * wider vector units, picked at run time; integer arithmetic gives the
 * same signature on each.
 */
#if defined(__x86_64__) && defined(__has_attribute)
#if __has_attribute(target_clones)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
#endif
static void
update(uint32_t *restrict sig, uint32_t x)
{
	int i;

	for (i = 0; i < MH_PERMS; i++) {
		uint32_t v = permute(x, perm_key[i]);

		sig[i] = v < sig[i] ? v : sig[i];
	}
}

/*
 * The signature of a text of one shingle.  Each position of a signature
 * is the least of its shingles' 32-bit values: with one shingle, all 128
 * come of one 32-bit hash, and two texts whose hashes collide (one pair
 * in some 8 billion: dozens among a million short lines) had the same
 * signature, a similarity of 1, and one was dropped as a copy of the
 * other.  Here each position is a 64-bit mix of the shingle's 64-bit hash
 * and the position: texts of one shingle are near only when the same,
 * as for exact duplicates.  The price: such a text is near no longer one
 * that holds its shingle ({A} against {A, B}, a similarity of 1/2, was
 * found at --near 0.5 or less; it is not now).
 */
static void
one_shingle(uint32_t sig[MH_PERMS], uint64_t h)
{
	uint64_t z;
	int i;

	for (i = 0; i < MH_PERMS; i++) {
		z = h + (uint64_t)(i + 1) * 0x9E3779B97F4A7C15ULL;
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
		z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
		sig[i] = (uint32_t)((z ^ (z >> 31)) >> 32);
	}
}

long
mh_signature(struct minhasher *m, const char *s, size_t n,
    uint32_t sig[MH_PERMS])
{
	size_t i, last, a, e;
	long count = 0;

	for (i = 0; i < MH_PERMS; i++)
		sig[i] = UINT32_MAX;
	sp_buf_clear(&m->folded);
	if (sp_fold(s, n, m->fold_flags, &m->folded) < 0 || tokenize(m) < 0)
		return -1;
	if (m->ntok == 0)
		return 0;
	if (m->ntok <= (size_t)m->shingle) {
		one_shingle(sig, XXH3_64bits_withSeed(m->folded.data,
		    tok_end(m, m->ntok - 1), SHINGLE_SEED));
		return 1;
	}
	last = m->ntok - m->shingle;
	for (i = 0; i <= last; i++) {
		a = m->tok[i];
		e = tok_end(m, i + (size_t)m->shingle - 1);
		update(sig, (uint32_t)XXH3_64bits_withSeed(m->folded.data + a,
		    e - a, SHINGLE_SEED));
		count++;
	}
	return count;
}

double
mh_similarity(const uint32_t *a, const uint32_t *b)
{
	int i, same = 0;

	for (i = 0; i < MH_PERMS; i++)
		same += a[i] == b[i];
	return (double)same / MH_PERMS;
}

double
mh_candidate_probability(double s, int bands, int rows)
{
	return 1 - pow(1 - pow(s, rows), bands);
}

void
mh_banding(double t, int *bands, int *rows)
{
	int r;

	*rows = 1;
	*bands = MH_PERMS;
	for (r = 1; r <= MH_PERMS; r++)
		if (mh_candidate_probability(t, MH_PERMS / r, r) >= 0.99) {
			*rows = r;
			*bands = MH_PERMS / r;
		}
}

uint64_t
mh_band_key(const uint32_t *sig, int b, int rows)
{
	unsigned char buf[MH_PERMS * 4];
	int i;

	/* Little-endian bytes, so keys are the same on every machine. */
	for (i = 0; i < rows; i++) {
		uint32_t v = sig[b * rows + i];

		buf[4 * i] = (unsigned char)v;
		buf[4 * i + 1] = (unsigned char)(v >> 8);
		buf[4 * i + 2] = (unsigned char)(v >> 16);
		buf[4 * i + 3] = (unsigned char)(v >> 24);
	}
	return XXH3_64bits_withSeed(buf, (size_t)rows * 4, BAND_SEED + (uint64_t)b);
}
