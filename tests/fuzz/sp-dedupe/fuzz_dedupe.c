/*
 * Fuzz target: sp-dedupe's judgement in exact and normalized (-n,
 * --fold-digits) modes, as dedupe.h gives it.  Properties:
 *   - the first unit is kept; the same unit again is a duplicate;
 *   - normalized: a copy with ASCII letters in other case or full width,
 *     digits in full width, or (--fold-digits) other digits, and the
 *     folded form itself, are duplicates;
 *   - exact: the unit with one byte more is not;
 *   - a unit too long to hold, fingerprinted in pieces, matches the same
 *     unit judged whole, and --min-chars counts it the same: cut anywhere
 *     in exact mode (at character boundaries for --min-chars, as the
 *     reader cuts); in normalized mode before ASCII or Han, for a cut
 *     between a character and a combining mark after it folds otherwise
 *     (a known limit: equal units are cut alike, and Chinese text has no
 *     combining marks).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe.h"
#include "fold.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fail(const char *why, const char *s, size_t n)
{
	fprintf(stderr, "fuzz_dedupe: %s\n%.*s\n", why, (int)n, s);
	abort();
}

static uint32_t seed;

static unsigned
rnd(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 16;
}

/* A copy -n must count equal: case, widths, and digits with fold. */
static void
variant(const char *s, size_t n, int fold_digits, struct sp_buf *out)
{
	size_t i;
	unsigned char c;
	char enc[4];
	unsigned r;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		r = rnd();
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			if (r & 1)
				c ^= 0x20;
			if (r & 2) {
				sp_buf_append(out, enc,
				    sp_utf8_encode(0xFF00 + c - 0x20, enc));
				continue;
			}
		} else if (c >= '0' && c <= '9') {
			if (fold_digits && (r & 1))
				c = (unsigned char)('0' + (r >> 1) % 10);
			if (r & 4) {
				sp_buf_append(out, enc,
				    sp_utf8_encode(0xFF10 + c - '0', enc));
				continue;
			}
		}
		sp_buf_putc(out, c);
	}
}

enum cut { ANYWHERE, BOUNDARY, STARTER };

/*
 * s in pieces, cut anywhere, at character boundaries (as the reader cuts
 * a unit over --max-unit), or only before ASCII or Han.
 */
static void
pieces(struct dedupe *d, const char *s, size_t n, enum cut how,
    struct verdict *v)
{
	struct piecewise p = { NULL, 0 };
	size_t i = 0, k, m;
	int anywhere = how == ANYWHERE;

	dedupe_start(d, &p);
	while (i < n) {
		k = (anywhere ? 1 : 4) + rnd() % 64;
		if (k > n - i)
			k = n - i;
		/* A cap of 4 bytes or more holds a character. */
		if (how == BOUNDARY && i + k < n &&
		    (m = sp_utf8_boundary(s + i, k)) > 0)
			k = m;
		/*
		 * Normalized: folding is the same in pieces only where no
		 * character can join the one before it (NFKC composition, a
		 * combining mark going with removed punctuation): cut before
		 * ASCII or a Han character.
		 */
		for (m = i + k; how == STARTER && m < n; m++) {
			if ((unsigned char)s[m] < 0x80 ||
			    ((unsigned char)s[m] >= 0xE4 &&
			    (unsigned char)s[m] <= 0xE9 &&
			    sp_utf8_boundary(s + i, m - i) == m - i)) {
				k = m - i;
				break;
			}
			if (m + 1 == n)
				k = n - i;
		}
		dedupe_piece(d, &p, s + i, k);
		i += k;
	}
	dedupe_judge_fp(d, &p, 99, v);
	dedupe_piecewise_free(&p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dedupe_opts o;
	struct dedupe d, w;
	struct verdict v;
	struct sp_buf b = SP_BUF_INIT;
	const char *s;
	size_t n;
	int mode;

	if (size < 2)
		return 0;
	memset(&o, 0, sizeof o);
	o.shingle = 5;
	o.threshold = 0.8;
	o.fold_digits = data[0] & 1;
	seed = data[1];
	s = (const char *)data + 2;
	n = size - 2;
	for (mode = MODE_EXACT; mode <= MODE_NORMALIZED; mode++) {
		o.mode = mode;
		o.min_chars = 0;
		dedupe_init(&d, &o, NULL);
		dedupe_judge(&d, s, n, 1, &v);
		if (v.reason != KEPT)
			fail("first unit not kept", s, n);
		dedupe_judge(&d, s, n, 2, &v);
		if (v.reason != (mode == MODE_EXACT ? DUP_EXACT :
		    DUP_NORMALIZED))
			fail("the same unit again not a duplicate", s, n);
		if (mode == MODE_EXACT) {
			sp_buf_clear(&b);
			sp_buf_append(&b, s, n);
			sp_buf_putc(&b, data[0]);
			dedupe_judge(&d, b.data, b.len, 3, &v);
			if (v.reason != KEPT)
				fail("a byte more is a duplicate", s, n);
		} else {
			sp_buf_clear(&b);
			variant(s, n, o.fold_digits, &b);
			dedupe_judge(&d, b.data ? b.data : "", b.len, 3, &v);
			if (v.reason != DUP_NORMALIZED)
				fail("a case or width variant is not a "
				    "duplicate", b.data, b.len);
			sp_buf_clear(&b);
			if (sp_fold(s, n, o.fold_digits ? SP_FOLD_DIGITS : 0,
			    &b) < 0)
				abort();
			dedupe_judge(&d, b.data ? b.data : "", b.len, 4, &v);
			if (v.reason != DUP_NORMALIZED)
				fail("the folded form is not a duplicate",
				    b.data, b.len);
		}
		pieces(&d, s, n, mode == MODE_EXACT ? ANYWHERE : STARTER, &v);
		if (v.reason != (mode == MODE_EXACT ? DUP_EXACT :
		    DUP_NORMALIZED))
			fail("in pieces, not the unit read whole", s, n);
		dedupe_free(&d);

		/* --min-chars: short in pieces exactly when short whole. */
		o.min_chars = 1 + data[0] % 16;
		dedupe_init(&w, &o, NULL);
		dedupe_judge(&w, s, n, 1, &v);
		{
			int whole_short = v.reason == KEPT_SHORT;

			pieces(&w, s, n, mode == MODE_EXACT ? BOUNDARY :
			    STARTER, &v);
			if ((v.reason == KEPT_SHORT) != whole_short)
				fail("--min-chars counts pieces otherwise",
				    s, n);
		}
		dedupe_free(&w);
	}
	sp_buf_free(&b);
	return 0;
}
