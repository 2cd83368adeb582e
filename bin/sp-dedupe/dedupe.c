/* dedupe.c: judging units; see dedupe.h. */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "cjk.h"
#include "dedupe.h"
#include "fold.h"
#include "reader.h"
#include "tool.h"
#include "utf8.h"

/* With --drop-all a value holds the first position and a copy count. */
#define COUNT_SHIFT	56
#define COUNT_ONE	((uint64_t)1 << COUNT_SHIFT)
#define FIRST_MASK	(COUNT_ONE - 1)

void
dedupe_init(struct dedupe *d, const struct dedupe_opts *o, struct store *st)
{
	memset(d, 0, sizeof *d);
	d->o = *o;
	d->store = st;
	hashset_init(&d->seen, o->positions || o->repeats);
	hashset_init(&d->passages, o->positions);
	mh_init(&d->mh, o->shingle, o->fold_digits ? SP_FOLD_DIGITS : 0);
	mh_banding(o->threshold, &d->bands, &d->rows);
	lsh_init(&d->lsh);
}

void
dedupe_free(struct dedupe *d)
{
	hashset_free(&d->seen);
	hashset_free(&d->passages);
	sp_buf_free(&d->folded);
	mh_free(&d->mh);
	free(d->sigs);
	free(d->sig_pos);
	lsh_free(&d->lsh);
	free(d->psg);
}

size_t
dedupe_bytes(const struct dedupe *d)
{
	return hashset_bytes(&d->seen) + hashset_bytes(&d->passages) +
	    d->capsig * (MH_PERMS * 4 + 8) + d->lsh.cap * sizeof *d->lsh.slot;
}

size_t
dedupe_distinct(const struct dedupe *d)
{
	return d->o.mode == MODE_NEAR ? d->nsig : d->seen.count;
}

static struct fp
hash128(const char *s, size_t n)
{
	XXH128_hash_t h = XXH3_128bits(s, n);
	struct fp k = { h.low64, h.high64 };

	return k;
}

static int
same(struct fp a, struct fp b)
{
	return a.lo == b.lo && a.hi == b.hi;
}

/* The fingerprint of a whole unit, folded first unless exact. */
static struct fp
fingerprint(struct dedupe *d, const char *s, size_t n)
{
	if (d->o.mode == MODE_EXACT)
		return hash128(s, n);
	sp_buf_clear(&d->folded);
	if (sp_fold(s, n, d->o.fold_digits ? SP_FOLD_DIGITS : 0,
	    &d->folded) < 0)
		sp_oom();
	return hash128(d->folded.data ? d->folded.data : "", d->folded.len);
}

/* Characters other than white space, counting no further than max. */
static size_t
chars(const char *s, size_t n, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, c = 0;
	int32_t cp;

	while (i < n && c < max) {
		if (p[i] < 0x80) {
			c += p[i] != ' ' && (p[i] < '\t' || p[i] > '\r');
			i++;
			continue;
		}
		i += sp_utf8_decode(p + i, n - i, &cp, NULL);
		c += !sp_is_space(cp);
	}
	return c;
}

void
dedupe_count(struct dedupe *d, const char *s, size_t n, uint64_t pos)
{
	struct fp k;
	uint64_t *v;

	if (d->o.min_chars && chars(s, n, d->o.min_chars) < d->o.min_chars)
		return;
	k = fingerprint(d, s, n);
	if ((v = hashset_find(&d->seen, k)) == NULL) {
		if (hashset_add(&d->seen, k, (pos & FIRST_MASK) | COUNT_ONE,
		    NULL) < 0)
			sp_oom();
	} else if ((*v >> COUNT_SHIFT) < 255) {
		*v += COUNT_ONE;
	}
}

/*
 * Passages: a document's sentences, each ending at a line end or after
 * 。！？；!?; so that a truncated copy still matches all but its last one.
 */
static int
ends_passage(int32_t cp)
{
	return cp == '\n' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
	    cp == 0xFF1B || cp == '!' || cp == '?' || cp == ';';
}

static void
add_passage(struct dedupe *d, const char *s, size_t n)
{
	long c;

	sp_buf_clear(&d->folded);
	if ((c = sp_fold(s, n, d->o.fold_digits ? SP_FOLD_DIGITS : 0,
	    &d->folded)) < 0)
		sp_oom();
	if (c == 0)
		return;
	if (d->npsg == d->cappsg) {
		d->cappsg = d->cappsg ? d->cappsg * 2 : 64;
		d->psg = sp_xrealloc(d->psg, d->cappsg * sizeof *d->psg);
	}
	d->psg[d->npsg].k = hash128(d->folded.data, d->folded.len);
	d->psg[d->npsg++].chars = (size_t)c;
}

static void
cut_passages(struct dedupe *d, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, k;
	int32_t cp;

	d->npsg = 0;
	while (i < n) {
		k = p[i] < 0x80 ? (cp = p[i], 1) :
		    sp_utf8_decode(p + i, n - i, &cp, NULL);
		i += k;
		if (ends_passage(cp)) {
			add_passage(d, s + start, i - start);
			start = i;
		}
	}
	if (start < n)
		add_passage(d, s + start, n - start);
}

/* The fraction of the document's characters in passages seen before. */
static double
containment(struct dedupe *d, const char *s, size_t n, uint64_t *of)
{
	struct { uint64_t pos; size_t chars; } tally[32];
	size_t ntally = 0, total = 0, matched = 0, i, j, best = 0;
	uint64_t *v, pos;

	cut_passages(d, s, n);
	*of = POS_NONE;
	for (i = 0; i < d->npsg; i++) {
		total += d->psg[i].chars;
		if ((v = hashset_find(&d->passages, d->psg[i].k)) != NULL)
			pos = d->o.positions ? *v : POS_NONE;
		else if (d->store && store_has(d->store, STORE_PASSAGE,
		    d->psg[i].k))
			pos = POS_STORE;
		else
			continue;
		matched += d->psg[i].chars;
		/* What it duplicates: the source of most matched characters. */
		for (j = 0; j < ntally && tally[j].pos != pos; j++)
			;
		if (j == ntally && ntally < sizeof tally / sizeof tally[0]) {
			tally[j].pos = pos;
			tally[j].chars = 0;
			ntally++;
		}
		if (j < ntally && (tally[j].chars += d->psg[i].chars) > best) {
			best = tally[j].chars;
			*of = pos;
		}
	}
	return total ? (double)matched / (double)total : 0;
}

static void
remember_passages(struct dedupe *d, uint64_t pos)
{
	size_t i;

	for (i = 0; i < d->npsg; i++) {
		if (hashset_add(&d->passages, d->psg[i].k, pos, NULL) < 0)
			sp_oom();
		if (d->store)
			store_put(d->store, STORE_PASSAGE, d->psg[i].k);
	}
}

static int
contained(struct dedupe *d, const char *s, size_t n, struct verdict *v)
{
	double c;

	if (!d->o.contained)
		return 0;
	c = containment(d, s, n, &v->of);
	if (d->npsg == 0 || c == 0 || c < d->o.containment)
		return 0;
	v->reason = DUP_CONTAINED;
	v->similarity = c;
	return 1;
}

/* Judges a unit by its fingerprint k (and text s, unless NULL). */
static void
judge_fingerprint(struct dedupe *d, struct fp k, const char *s, size_t n,
    uint64_t pos, struct verdict *v)
{
	enum reason dup = d->o.mode == MODE_EXACT ? DUP_EXACT : DUP_NORMALIZED;
	uint64_t old = POS_NONE, *p;
	int r;

	v->similarity = 1;
	if (d->o.adjacent) {
		if (d->have_prev && same(k, d->prev)) {
			v->reason = DUP_ADJACENT;
			v->of = d->prev_pos;
			return;
		}
		d->have_prev = 1;
		d->prev = k;
		d->prev_pos = pos;
		return;
	}
	if (d->o.repeats) {
		p = hashset_find(&d->seen, k);
		if (p && (int)(*p >> COUNT_SHIFT) >= d->o.repeats) {
			v->reason = DUP_REPEATED;
			v->of = (*p & FIRST_MASK) == (pos & FIRST_MASK) ?
			    POS_NONE : *p & FIRST_MASK;
		}
		return;
	}
	if ((r = hashset_add(&d->seen, k, pos, &old)) < 0)
		sp_oom();
	if (r == 0) {
		v->reason = dup;
		v->of = d->o.positions ? old : POS_NONE;
		return;
	}
	if (d->store && store_has(d->store, STORE_FP, k)) {
		if ((p = hashset_find(&d->seen, k)) != NULL)
			*p = POS_STORE;
		v->reason = dup;
		v->of = POS_STORE;
		return;
	}
	if (s && contained(d, s, n, v))
		return;
	v->similarity = 0;
	d->recorded++;
	if (d->store)
		store_put(d->store, STORE_FP, k);
	if (s && d->o.contained)
		remember_passages(d, pos);
}

/* A search among candidates for the most similar one. */
struct search {
	struct dedupe *d;
	double sim;
	uint64_t of;
};

static int
try_memory(uint64_t id, void *ctx)
{
	struct search *q = ctx;
	double sim = mh_similarity(q->d->sig, q->d->sigs + id * MH_PERMS);

	if (sim > q->sim) {
		q->sim = sim;
		q->of = q->d->sig_pos[id];
	}
	return 0;
}

static int
try_store(const uint32_t *sig, uint64_t id, void *ctx)
{
	struct search *q = ctx;
	double sim = mh_similarity(q->d->sig, sig);

	(void)id;
	if (sim > q->sim) {
		q->sim = sim;
		q->of = POS_STORE;
	}
	return 0;
}

static void
remember_sig(struct dedupe *d, uint64_t pos)
{
	int b;

	if (d->nsig == d->capsig) {
		d->capsig = d->capsig ? d->capsig * 2 : 256;
		d->sigs = sp_xrealloc(d->sigs, d->capsig * MH_PERMS *
		    sizeof *d->sigs);
		d->sig_pos = sp_xrealloc(d->sig_pos, d->capsig *
		    sizeof *d->sig_pos);
	}
	memcpy(d->sigs + d->nsig * MH_PERMS, d->sig, sizeof d->sig);
	d->sig_pos[d->nsig] = pos;
	for (b = 0; b < d->bands; b++)
		if (lsh_add(&d->lsh, d->band_keys[b], d->nsig) < 0)
			sp_oom();
	d->nsig++;
	if (d->store)
		store_put_sig(d->store, d->sig, d->band_keys, d->bands);
}

static void
judge_near(struct dedupe *d, const char *s, size_t n, uint64_t pos,
    struct verdict *v)
{
	struct search q = { d, -1, POS_NONE };
	double sim;
	int b;

	if (mh_signature(&d->mh, s, n, d->sig) < 0)
		sp_oom();
	if (d->o.adjacent) {
		sim = d->have_prev ? mh_similarity(d->sig, d->prev_sig) : 0;
		if (d->have_prev && sim >= d->o.threshold) {
			v->reason = DUP_ADJACENT;
			v->of = d->prev_pos;
			v->similarity = sim;
			return;
		}
		d->have_prev = 1;
		d->prev_pos = pos;
		memcpy(d->prev_sig, d->sig, sizeof d->sig);
		return;
	}
	for (b = 0; b < d->bands; b++) {
		d->band_keys[b] = mh_band_key(d->sig, b, d->rows);
		lsh_each(&d->lsh, d->band_keys[b], try_memory, &q);
		if (d->store)
			store_each_sig(d->store, d->band_keys[b], try_store,
			    &q);
	}
	/* Every candidate was confirmed on its whole signature. */
	if (q.sim >= d->o.threshold) {
		v->reason = DUP_NEAR;
		v->of = q.of;
		v->similarity = q.sim;
		return;
	}
	if (contained(d, s, n, v))
		return;
	d->recorded++;
	remember_sig(d, pos);
	if (d->o.contained)
		remember_passages(d, pos);
}

void
dedupe_judge(struct dedupe *d, const char *s, size_t n, uint64_t pos,
    struct verdict *v)
{
	v->reason = KEPT;
	v->of = POS_NONE;
	v->similarity = 0;
	if (d->o.min_chars && chars(s, n, d->o.min_chars) < d->o.min_chars) {
		v->reason = KEPT_SHORT;
		d->have_prev = 0;	/* -u: it stands between, as for uniq */
		return;
	}
	if (d->o.mode == MODE_NEAR)
		judge_near(d, s, n, pos, v);
	else
		judge_fingerprint(d, fingerprint(d, s, n), s, n, pos, v);
}

void
dedupe_start(struct dedupe *d, struct piecewise *p)
{
	(void)d;
	if (p->state == NULL && (p->state = XXH3_createState()) == NULL)
		sp_oom();
	XXH3_128bits_reset(p->state);
	p->chars = 0;
}

void
dedupe_piece(struct dedupe *d, struct piecewise *p, const char *s, size_t n)
{
	if (d->o.min_chars && p->chars < d->o.min_chars)
		p->chars += chars(s, n, d->o.min_chars);
	if (d->o.mode == MODE_EXACT) {
		XXH3_128bits_update(p->state, s, n);
		return;
	}
	/* Pieces end on character boundaries, the same for equal units. */
	sp_buf_clear(&d->folded);
	if (sp_fold(s, n, d->o.fold_digits ? SP_FOLD_DIGITS : 0,
	    &d->folded) < 0)
		sp_oom();
	XXH3_128bits_update(p->state, d->folded.data, d->folded.len);
}

int
dedupe_feed(struct dedupe *d, struct piecewise *p, unsigned flags,
    const char *s, size_t n)
{
	if (!(flags & SP_UNIT_CONTINUED))
		dedupe_start(d, p);
	dedupe_piece(d, p, s, n);
	return !(flags & SP_UNIT_PARTIAL);
}

static struct fp
piece_digest(struct piecewise *p)
{
	XXH128_hash_t h = XXH3_128bits_digest(p->state);
	struct fp k = { h.low64, h.high64 };

	return k;
}

void
dedupe_judge_fp(struct dedupe *d, struct piecewise *p, uint64_t pos,
    struct verdict *v)
{
	v->reason = KEPT;
	v->of = POS_NONE;
	v->similarity = 0;
	if (d->o.min_chars && p->chars < d->o.min_chars) {
		v->reason = KEPT_SHORT;
		d->have_prev = 0;
		return;
	}
	judge_fingerprint(d, piece_digest(p), NULL, 0, pos, v);
}

void
dedupe_count_fp(struct dedupe *d, struct piecewise *p, uint64_t pos)
{
	struct fp k;
	uint64_t *v;

	if (d->o.min_chars && p->chars < d->o.min_chars)
		return;
	k = piece_digest(p);
	if ((v = hashset_find(&d->seen, k)) == NULL) {
		if (hashset_add(&d->seen, k, (pos & FIRST_MASK) | COUNT_ONE,
		    NULL) < 0)
			sp_oom();
	} else if ((*v >> COUNT_SHIFT) < 255) {
		*v += COUNT_ONE;
	}
}

int
dedupe_keys(struct dedupe *d, const char *s, size_t n, struct fp *k)
{
	int b;

	if (d->o.min_chars && chars(s, n, d->o.min_chars) < d->o.min_chars)
		return 0;
	if (d->o.mode != MODE_NEAR) {
		*k = fingerprint(d, s, n);
		return 1;
	}
	if (mh_signature(&d->mh, s, n, d->sig) < 0)
		sp_oom();
	for (b = 0; b < d->bands; b++)
		d->band_keys[b] = mh_band_key(d->sig, b, d->rows);
	return 1;
}

int
dedupe_keys_fp(struct dedupe *d, struct piecewise *p, struct fp *k)
{
	if (d->o.min_chars && p->chars < d->o.min_chars)
		return 0;
	*k = piece_digest(p);
	return 1;
}

int
dedupe_in_store(struct dedupe *d, struct fp k)
{
	struct search q = { d, -1, POS_NONE };
	int b;

	if (d->store == NULL)
		return 0;
	if (d->o.mode != MODE_NEAR)
		return store_has(d->store, STORE_FP, k);
	for (b = 0; b < d->bands; b++)
		store_each_sig(d->store, d->band_keys[b], try_store, &q);
	return q.sim >= d->o.threshold;
}

void
dedupe_piecewise_free(struct piecewise *p)
{
	if (p->state)
		XXH3_freeState(p->state);
	p->state = NULL;
}
