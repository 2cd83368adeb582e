/* emit.c: the map step; see emit.h. */
#include <stdio.h>
#include <string.h>

#include <xxhash.h>

#include "emit.h"
#include "keys.h"
#include "lsh.h"
#include "tool.h"

static void
put(struct emit *e, const char *s, size_t n)
{
	if (sp_buf_append(&e->out, s, n) < 0)
		sp_oom();
}

/* Appends "KEY<TAB>POSITION\n". */
static void
key_line(struct emit *e, const char *key, size_t n, uint64_t pos)
{
	char p[POS_TEXT_MAX];
	size_t pn = pos_format(p, pos);

	put(e, key, n);
	put(e, "\t", 1);
	put(e, p, pn);
	put(e, "\n", 1);
	e->lines++;
}

static void
fp_line(struct emit *e, struct fp k, uint64_t pos)
{
	char hex[40];

	snprintf(hex, sizeof hex, "%016llx%016llx", (unsigned long long)k.hi,
	    (unsigned long long)k.lo);
	key_line(e, hex, 32, pos);
}

static void
near_lines(struct emit *e, uint64_t pos)
{
	char hex[40], p[POS_TEXT_MAX + 1], sig[SIG_TEXT_LEN];
	XXH128_hash_t h;
	size_t pn;
	int b;

	/* Units of one signature: all but the first go, whatever else. */
	sig_encode(e->d->sig, sig);
	h = XXH3_128bits(sig, SIG_TEXT_LEN);
	snprintf(hex, sizeof hex, "%c%016llx%016llx", KEYS_SAME,
	    (unsigned long long)h.high64, (unsigned long long)h.low64);
	key_line(e, hex, 33, pos);
	for (b = 0; b < e->d->bands; b++) {
		snprintf(hex, sizeof hex, "%016llx",
		    (unsigned long long)lsh_key(e->d->band_keys[b]));
		key_line(e, hex, 16, pos);
	}
	p[0] = KEYS_SIG;
	pn = pos_format(p + 1, pos) + 1;
	put(e, p, pn);
	put(e, "\t", 1);
	put(e, sig, SIG_TEXT_LEN);
	put(e, "\n", 1);
	e->lines++;
}

int
emit_unit(const struct sp_input_unit *in, void *ctx)
{
	struct emit *e = ctx;
	unsigned f = in->unit->flags;
	uint64_t pos = POS(e->shard_base + in->file_index, in->unit->number);
	struct fp k;
	int has;

	if (!(f & SP_UNIT_CONTINUED))
		e->units++;
	if (f & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) {
		if (e->d->o.mode == MODE_NEAR)
			return 0;	/* a single run passes it unjudged */
		if (!(f & SP_UNIT_CONTINUED))
			dedupe_start(e->d, &e->big);
		dedupe_piece(e->d, &e->big, in->text, in->len);
		if (f & SP_UNIT_PARTIAL)
			return 0;
		has = dedupe_keys_fp(e->d, &e->big, &k);
	} else {
		has = dedupe_keys(e->d, in->text, in->len, &k);
	}
	if (!has)
		return 0;
	e->keyed++;
	sp_buf_clear(&e->out);
	if (e->d->o.mode == MODE_NEAR)
		near_lines(e, pos);
	else
		fp_line(e, k, pos);
	sp_write(e->out.data, e->out.len);
	return 0;
}

void
emit_header(const char *file, int index, void *ctx)
{
	struct emit *e = ctx;
	char shard[32];

	(void)file;
	snprintf(shard, sizeof shard, "\tshard=%06d ", e->shard_base + index);
	sp_buf_clear(&e->out);
	put(e, KEYS_HEADER, sizeof KEYS_HEADER - 1);
	put(e, shard, strlen(shard));
	put(e, e->params, strlen(e->params));
	put(e, "\n", 1);
	sp_write(e->out.data, e->out.len);
	e->lines++;
}

void
emit_free(struct emit *e)
{
	dedupe_piecewise_free(&e->big);
	sp_buf_free(&e->out);
}
