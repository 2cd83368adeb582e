/* emit.c: the map step; see emit.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <xxhash.h>

#include "emit.h"
#include "params.h"
#include "store.h"
#include "keys.h"
#include "jsonl.h"
#include "lsh.h"
#include "tool.h"
#include "stream.h"

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
		if (!dedupe_feed(e->d, &e->big, f, in->text, in->len))
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
	if (dedupe_in_store(e->d, k)) {
		/* Dropped, and never kept: like nothing a later unit is. */
		key_line(e, KEYS_STORED, sizeof KEYS_STORED - 1, pos);
		e->stored++;
	}
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

/*
 * The keys of every unit of the operands.  A JSON Lines record that
 * cannot be used is reported and raises the exit status to 2, as in a
 * run, but is not written out: it would land among the keys.  It has no
 * keys; --drop-positions passes it through as a single run does.
 */
void
emit_files(struct emit *e, int argc, char **argv, enum sp_framing unit)
{
	sp_stream_write_unusable(0);
	sp_each_unit(argc, argv, unit, emit_unit, emit_header, e);
	sp_stream_write_unusable(1);
}

void
emit_free(struct emit *e)
{
	dedupe_piecewise_free(&e->big);
	sp_buf_free(&e->out);
}

int
emit_main(const struct options *o)
{
	struct dedupe dd;
	struct store *store = NULL;
	struct emit e;
	char params[512];
	int status;

	dedupe_init(&dd, &o->d, NULL);
	if (o->store) {
		params_store(params, sizeof params, &dd, o->unit);
		store = store_open(o->store, 1, o->nowait, params);
		dd.store = store;
	}
	params_keys(params, sizeof params, &dd, o->unit);
	if (store && strlen(params) + 12 < sizeof params)
		strcat(params, " store=yes");
	memset(&e, 0, sizeof e);
	e.d = &dd;
	e.shard_base = o->shard;
	e.params = params;
	emit_files(&e, o->argc, o->argv, o->unit);
	sp_stat_add("units read", e.units);
	sp_stat_add("units with keys", e.keyed);
	sp_stat_add("key lines written", e.lines);
	if (store)
		sp_stat_add("units the store holds", e.stored);
	status = sp_finish();
	if (store)
		store_close(store);
	emit_free(&e);
	dedupe_free(&dd);
	return status;
}
