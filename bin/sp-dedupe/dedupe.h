/*
 * dedupe.h: the judgement of one unit against what came before it.
 *
 * Exact and normalized modes remember a 128-bit XXH3 fingerprint of each
 * distinct unit (of its folded form with -n), never the text.  Near mode
 * remembers the MinHash signature of each kept unit and its LSH band keys,
 * and drops a unit only when a candidate's full-signature similarity
 * estimate reaches the threshold.  Containment remembers fingerprints of
 * the passages (sentences) of kept documents.  With a store, what earlier
 * runs kept counts as seen too.
 */
#ifndef DEDUPE_DEDUPE_H
#define DEDUPE_DEDUPE_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hashset.h"
#include "lsh.h"
#include "minhash.h"
#include "store.h"

enum mode { MODE_EXACT, MODE_NORMALIZED, MODE_NEAR };

enum reason {
	KEPT, KEPT_SHORT,
	DUP_EXACT, DUP_NORMALIZED, DUP_NEAR, DUP_CONTAINED, DUP_ADJACENT,
	DUP_REPEATED,
	NREASONS
};

/* A unit's position: its operand's number and its unit number. */
#define POS(file, unit)	((uint64_t)(file) << 40 | (uint64_t)(unit))
#define POS_FILE(p)	((p) >> 40)
#define POS_UNIT(p)	((p) & (((uint64_t)1 << 40) - 1))
#define POS_NONE	UINT64_MAX		/* nothing to name */
#define POS_STORE	(UINT64_MAX - 1)	/* seen in an earlier run */

struct verdict {
	enum reason reason;
	uint64_t of;		/* what it duplicates */
	double similarity;
};

struct dedupe_opts {
	enum mode mode;
	int fold_digits;
	int shingle;		/* near: tokens per shingle */
	double threshold;	/* near: least similarity of a duplicate */
	int contained;		/* also drop documents mostly seen before */
	double containment;	/* the least fraction that makes one */
	int adjacent;		/* compare with the previous unit only */
	size_t min_chars;	/* shorter units are never duplicates */
	int repeats;		/* --drop-all: copies that drop all; 0 off */
	int positions;		/* remember positions, for --report */
};

struct passage {
	struct fp k;
	size_t chars;
};

struct dedupe {
	struct dedupe_opts o;
	struct store *store;
	struct hashset seen;
	struct hashset passages;
	struct sp_buf folded;
	struct minhasher mh;
	int bands, rows;
	uint32_t *sigs;		/* near: the kept units' signatures */
	uint64_t *sig_pos;
	size_t nsig, capsig;
	struct lsh lsh;
	uint32_t sig[MH_PERMS];
	uint64_t band_keys[MH_PERMS];
	int have_prev;		/* --adjacent: the previous unit */
	struct fp prev;
	uint64_t prev_pos;
	uint32_t prev_sig[MH_PERMS];
	struct passage *psg;	/* the current document's passages */
	size_t npsg, cappsg;
	uint64_t recorded;	/* units added to what is remembered */
};

void dedupe_init(struct dedupe *d, const struct dedupe_opts *o,
    struct store *store);
void dedupe_free(struct dedupe *d);
/* --drop-all, first pass: counts a unit's copies. */
void dedupe_count(struct dedupe *d, const char *s, size_t n, uint64_t pos);
/* Judges a unit and remembers it as the mode requires. */
void dedupe_judge(struct dedupe *d, const char *s, size_t n, uint64_t pos,
    struct verdict *v);
/*
 * For a unit too long to hold (over --max-unit), in exact and normalized
 * modes: its fingerprint is made piece by piece, with dedupe_piece()
 * (state from dedupe_start()), and judged by dedupe_judge_fp(); chars
 * counts its characters for --min-chars.
 */
struct piecewise {
	void *state;		/* XXH3 streaming state */
	size_t chars;
};
void dedupe_start(struct dedupe *d, struct piecewise *p);
void dedupe_piece(struct dedupe *d, struct piecewise *p, const char *s,
    size_t n);
/*
 * Feeds a piece of such a unit, as the reader flags it (SP_UNIT_CONTINUED
 * on all but the first, SP_UNIT_PARTIAL on all but the last), starting p
 * at the first; returns 1 when it was the last, p holding the whole unit.
 */
int dedupe_feed(struct dedupe *d, struct piecewise *p, unsigned flags,
    const char *s, size_t n);
void dedupe_judge_fp(struct dedupe *d, struct piecewise *p, uint64_t pos,
    struct verdict *v);
void dedupe_count_fp(struct dedupe *d, struct piecewise *p, uint64_t pos);
void dedupe_piecewise_free(struct piecewise *p);

/*
 * --emit-keys: what a unit would be judged by, without judging it or
 * remembering it.  Returns 0 for a unit shorter than --min-chars (never a
 * duplicate, so it has no keys); else 1, with *k set in exact and
 * normalized modes, or d->sig and d->band_keys[0..bands) in near mode.
 * dedupe_keys_fp() is the same for a unit made piece by piece.
 */
int dedupe_keys(struct dedupe *d, const char *s, size_t n, struct fp *k);
int dedupe_keys_fp(struct dedupe *d, struct piecewise *p, struct fp *k);
/*
 * After dedupe_keys(): whether the store holds the unit (its fingerprint,
 * or in near mode a signature like it), as a single run would find it.
 */
int dedupe_in_store(struct dedupe *d, struct fp k);

/* Bytes held for what is remembered. */
size_t dedupe_bytes(const struct dedupe *d);
/* Distinct units remembered. */
size_t dedupe_distinct(const struct dedupe *d);

#endif
