/* join.c: the reduce step; see join.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dedupe.h"
#include "join.h"
#include "keys.h"
#include "sorted.h"
#include "tool.h"

#define MAX_RUNS 4096

struct pair {
	uint64_t i, j;		/* i < j */
};

struct join {
	/* From the header every shard's keys open with. */
	struct sp_buf params;
	int have_params, near;
	int agree;		/* near: equal signature values that confirm */
	int repeats;		/* --drop-all: copies that drop them all */
	uint64_t *shard;	/* the shards' numbers */
	size_t nshard, capshard;
	/* The key group being read. */
	struct sp_buf key;
	int kind;		/* its key's: KEYS_SAME, 'b' (band or fp) */
	uint64_t *grp;
	size_t ngrp, capgrp;
	/*
	 * Near: the units whose signature an earlier unit has too.  Such a
	 * unit is always dropped (that earlier one, or what dropped it, is
	 * like it in every band), and never kept, so it takes no part in
	 * pairs: n copies of a page make no n^2/2 pairs.
	 */
	uint64_t *same;
	size_t nsame, capsame;
	int bands_begun;
	int stored;		/* the group is of units the store holds */
	/* Near mode. */
	struct pair *pairs;
	size_t npairs, cappairs;
	uint64_t candidates;
	int in_sigs;		/* the signature records have begun */
	int shards_checked;
	uint64_t *need;		/* positions of the pairs' units, sorted */
	size_t nneed;
	uint32_t *sigs;		/* their signatures, MH_PERMS each */
	unsigned char *have_sig;
	/* The result. */
	uint64_t *drop;
	size_t ndrop, capdrop;
	uint64_t lines, groups, confirmed;
	const char *file;	/* where the current line is, for messages */
	uint64_t lineno;
};

static noreturn void
bad_line(const struct join *j, const char *why)
{
	sp_die(NULL, "%s:%llu: %s", j->file, (unsigned long long)j->lineno,
	    why);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* qsort(3) of n positions; none may come with a NULL array. */
static void
sort_u64(uint64_t *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_u64);
}

static int
cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->j != y->j)
		return (x->j > y->j) - (x->j < y->j);
	return (x->i > y->i) - (x->i < y->i);
}

static void
add_drop(struct join *j, uint64_t pos)
{
	if (j->ndrop == j->capdrop) {
		j->capdrop = j->capdrop ? j->capdrop * 2 : 1024;
		j->drop = sp_xrealloc(j->drop, j->capdrop * sizeof *j->drop);
	}
	j->drop[j->ndrop++] = pos;
}

/* Sorts pairs and removes repeats (units sharing several bands). */
static void
unique_pairs(struct join *j)
{
	size_t r, w = 0;

	if (j->npairs == 0)
		return;
	qsort(j->pairs, j->npairs, sizeof *j->pairs, cmp_pair);
	for (r = 1; r < j->npairs; r++)
		if (j->pairs[r].i != j->pairs[w].i ||
		    j->pairs[r].j != j->pairs[w].j)
			j->pairs[++w] = j->pairs[r];
	j->npairs = w + 1;
}

static void
add_pair(struct join *j, uint64_t a, uint64_t b)
{
	if (j->npairs == j->cappairs) {
		unique_pairs(j);
		if (j->npairs * 2 >= j->cappairs) {
			j->cappairs = j->cappairs ? j->cappairs * 2 : 4096;
			j->pairs = sp_xrealloc(j->pairs, j->cappairs *
			    sizeof *j->pairs);
		}
	}
	j->pairs[j->npairs].i = a;
	j->pairs[j->npairs++].j = b;
}

static int
in_sorted(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (v[m] < x)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && v[lo] == x;
}

/* The digests and stored units are all read: sorted, each once. */
static void
begin_bands(struct join *j)
{
	size_t r, w = 0;

	if (j->bands_begun)
		return;
	sort_u64(j->same, j->nsame);
	for (r = 0; r < j->nsame; r++)
		if (w == 0 || j->same[r] != j->same[w - 1])
			j->same[w++] = j->same[r];
	j->nsame = w;
	j->bands_begun = 1;
}

/* The positions of one key, read: what they make. */
static void
end_group(struct join *j)
{
	size_t a, b, w;
	char pa[POS_TEXT_MAX], msg[128];

	if (j->ngrp == 0)
		return;
	j->groups++;
	sort_u64(j->grp, j->ngrp);
	for (a = 1; a < j->ngrp; a++)
		if (j->grp[a] == j->grp[a - 1]) {
			pos_format(pa, j->grp[a]);
			snprintf(msg, sizeof msg, "position %s appears twice "
			    "under one key: were one shard's keys given "
			    "twice?", pa);
			bad_line(j, msg);
		}
	if (j->kind == KEYS_SAME) {
		for (a = j->stored ? 0 : 1; a < j->ngrp; a++) {
			if (j->nsame == j->capsame) {
				j->capsame = j->capsame ? j->capsame * 2 : 1024;
				j->same = sp_xrealloc(j->same, j->capsame *
				    sizeof *j->same);
			}
			j->same[j->nsame++] = j->grp[a];
		}
	} else if (!j->near && j->repeats) {
		/* --drop-all: every copy goes, or none. */
		if (j->ngrp >= (size_t)j->repeats)
			for (a = 0; a < j->ngrp; a++)
				add_drop(j, j->grp[a]);
	} else {
		/* What the store holds goes anyway, and is never kept. */
		for (a = w = 0; a < j->ngrp; a++)
			if (!in_sorted(j->same, j->nsame, j->grp[a]))
				j->grp[w++] = j->grp[a];
		if (!j->near)
			for (a = 1; a < w; a++)
				add_drop(j, j->grp[a]);
		for (a = 0; j->near && a < w; a++)
			for (b = a + 1; b < w; b++)
				add_pair(j, j->grp[a], j->grp[b]);
	}
	j->ngrp = 0;
	j->stored = 0;
}

static int
is_hex(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return 1;
}

/*
 * A header, "shard=N PARAMS": the parameters must be the same in every
 * shard's, the shard numbers all different.
 */
static void
header(struct join *j, const char *v, size_t n)
{
	const char *p, *sp = memchr(v, ' ', n);
	char msg[1400];
	uint64_t shard = 0;
	size_t i;

	if (n < 7 || memcmp(v, "shard=", 6) != 0 || sp == NULL)
		bad_line(j, "not a header of sp-dedupe --emit-keys");
	for (i = 6; v + i < sp; i++) {
		if (v[i] < '0' || v[i] > '9' || shard > SHARD_MAX)
			bad_line(j, "not a shard number in the header");
		shard = shard * 10 + (uint64_t)(v[i] - '0');
	}
	if (j->nshard == j->capshard) {
		j->capshard = j->capshard ? j->capshard * 2 : 64;
		j->shard = sp_xrealloc(j->shard, j->capshard *
		    sizeof *j->shard);
	}
	j->shard[j->nshard++] = shard;
	n -= (size_t)(sp + 1 - v);
	v = sp + 1;
	if (j->have_params) {
		if (n != j->params.len || memcmp(v, j->params.data, n) != 0) {
			snprintf(msg, sizeof msg, "keys made with \"%.*s\" "
			    "and with \"%s\": map every shard with the same "
			    "options", (int)(n > 600 ? 600 : n), v,
			    j->params.data);
			bad_line(j, msg);
		}
		return;
	}
	if (sp_buf_append(&j->params, v, n) < 0 ||
	    sp_buf_reserve(&j->params, 1) < 0)
		sp_oom();
	j->have_params = 1;
	j->near = strstr(j->params.data, " mode=near") != NULL;
	if (j->near) {
		if ((p = strstr(j->params.data, " agree=")) == NULL ||
		    (j->agree = atoi(p + 7)) < 0 || j->agree > MH_PERMS)
			bad_line(j, "the header has no valid agree=");
	}
	if ((p = strstr(j->params.data, " drop-all=")) != NULL &&
	    ((j->repeats = atoi(p + 10)) < 2 || j->repeats > 255))
		bad_line(j, "the header has no valid drop-all=");
}

/* The headers are read: no shard number twice. */
static void
check_shards(struct join *j)
{
	size_t i;

	sort_u64(j->shard, j->nshard);
	for (i = 1; i < j->nshard; i++)
		if (j->shard[i] == j->shard[i - 1])
			sp_die(NULL, "two shards numbered %llu: give each "
			    "shard its own --shard (GNU parallel's {#}), and "
			    "each shard's keys once",
			    (unsigned long long)j->shard[i]);
}

/*
 * Is pos of a shard whose header was read?  A map step cut short wrote
 * some keys and never its header (written after them): its keys alone
 * would give an incomplete list of drops that looks whole.
 */
static void
check_shard_of(struct join *j, uint64_t pos)
{
	size_t lo = 0, hi = j->nshard, m;
	char msg[160];

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (j->shard[m] < POS_FILE(pos))
			lo = m + 1;
		else
			hi = m;
	}
	if (lo < j->nshard && j->shard[lo] == POS_FILE(pos))
		return;
	snprintf(msg, sizeof msg, "a key of shard %llu, which has no header: "
	    "its --emit-keys did not finish", (unsigned long long)POS_FILE(pos));
	bad_line(j, msg);
}

/* Finds pos among the pairs' units; returns its index or -1. */
static long
find_need(const struct join *j, uint64_t pos)
{
	size_t lo = 0, hi = j->nneed, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (j->need[m] < pos)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < j->nneed && j->need[lo] == pos ? (long)lo : -1;
}

/* The band groups are all read: which units' signatures are needed. */
static void
begin_sigs(struct join *j)
{
	size_t k, w = 0;

	begin_bands(j);
	unique_pairs(j);
	j->candidates = j->npairs;
	j->need = sp_xmalloc((2 * j->npairs + 1) * sizeof *j->need);
	for (k = 0; k < j->npairs; k++) {
		j->need[2 * k] = j->pairs[k].i;
		j->need[2 * k + 1] = j->pairs[k].j;
	}
	sort_u64(j->need, 2 * j->npairs);
	for (k = 0; k < 2 * j->npairs; k++)
		if (w == 0 || j->need[k] != j->need[w - 1])
			j->need[w++] = j->need[k];
	j->nneed = w;
	j->sigs = sp_xmalloc((w ? w : 1) * MH_PERMS * sizeof *j->sigs);
	j->have_sig = calloc(w ? w : 1, 1);
	if (j->have_sig == NULL)
		sp_oom();
	j->in_sigs = 1;
}

static void
sig_line(struct join *j, const char *k, size_t kn, const char *v, size_t vn)
{
	uint64_t pos;
	long x;

	if (!j->near)
		bad_line(j, "a signature record in exact keys");
	if (pos_parse(k + 1, kn - 1, &pos) < 0)
		bad_line(j, "not a position after ~");
	check_shard_of(j, pos);
	if (!j->in_sigs)
		begin_sigs(j);
	if ((x = find_need(j, pos)) < 0)
		return;
	if (j->have_sig[x])
		bad_line(j, "a signature given twice: were one shard's keys "
		    "given twice?");
	if (sig_decode(v, vn, j->sigs + (size_t)x * MH_PERMS) < 0)
		bad_line(j, "not a signature");
	j->have_sig[x] = 1;
}

static void
line(struct join *j, const char *s, size_t n)
{
	const char *tab = memchr(s, '\t', n), *v;
	size_t kn, vn;
	uint64_t pos;

	j->lines++;
	if (tab == NULL)
		bad_line(j, "no tab: not a line of sp-dedupe --emit-keys");
	kn = (size_t)(tab - s);
	v = tab + 1;
	vn = n - kn - 1;
	if (kn != j->key.len || (kn > 0 && memcmp(s, j->key.data, kn) != 0)) {
		end_group(j);
		sp_buf_clear(&j->key);
		if (sp_buf_append(&j->key, s, kn) < 0 ||
		    sp_buf_reserve(&j->key, 1) < 0)
			sp_oom();
	}
	if (kn == sizeof KEYS_HEADER - 1 && memcmp(s, KEYS_HEADER, kn) == 0) {
		header(j, v, vn);
		return;
	}
	if (j->nshard && !j->shards_checked) {
		check_shards(j);
		j->shards_checked = 1;
	}
	if (!j->have_params)
		bad_line(j, "no " KEYS_HEADER " header before the keys: not "
		    "the output of sp-dedupe --emit-keys, or not sorted");
	if (kn > 0 && s[0] == KEYS_SIG) {
		sig_line(j, s, kn, v, vn);
		return;
	}
	if (j->in_sigs)
		bad_line(j, "a key after the signatures: not sorted");
	if (kn == sizeof KEYS_STORED - 1 && memcmp(s, KEYS_STORED, kn) == 0) {
		/* As a copy of a signature: always dropped, never kept. */
		if (j->bands_begun)
			bad_line(j, "a stored unit after the band keys: not "
			    "sorted");
		j->kind = KEYS_SAME;
		j->stored = 1;
	} else if (kn > 0 && s[0] == KEYS_SAME) {
		if (!j->near || kn != 33 || !is_hex(s + 1, 32))
			bad_line(j, "not a signature digest (# and 32 hex "
			    "digits)");
		if (j->bands_begun)
			bad_line(j, "a signature digest after the band keys: "
			    "not sorted");
		j->kind = KEYS_SAME;
	} else {
		if (kn != (j->near ? 16u : 32u) || !is_hex(s, kn))
			bad_line(j, j->near ? "not a band key (16 hex "
			    "digits)" : "not a fingerprint (32 hex digits)");
		begin_bands(j);
		j->kind = 'b';
	}
	if (pos_parse(v, vn, &pos) < 0)
		bad_line(j, "not a position (SHARD:UNIT)");
	check_shard_of(j, pos);
	if (j->ngrp == j->capgrp) {
		j->capgrp = j->capgrp ? j->capgrp * 2 : 64;
		j->grp = sp_xrealloc(j->grp, j->capgrp * sizeof *j->grp);
	}
	j->grp[j->ngrp++] = pos;
}

/* Near mode, all read: confirm the pairs, then sweep in input order. */
static void
sweep(struct join *j)
{
	size_t k, w = 0, m;
	long a, b;
	const uint32_t *x, *y;
	int same, p, kept;
	char pa[POS_TEXT_MAX], msg[128];

	if (!j->in_sigs)
		begin_sigs(j);
	for (k = 0; k < j->nneed; k++)
		if (!j->have_sig[k]) {
			pos_format(pa, j->need[k]);
			snprintf(msg, sizeof msg, "no signature for %s: "
			    "the keys are incomplete", pa);
			sp_die(NULL, "%s", msg);
		}
	for (k = 0; k < j->npairs; k++) {
		a = find_need(j, j->pairs[k].i);
		b = find_need(j, j->pairs[k].j);
		x = j->sigs + (size_t)a * MH_PERMS;
		y = j->sigs + (size_t)b * MH_PERMS;
		for (same = p = 0; p < MH_PERMS; p++)
			same += x[p] == y[p];
		if (same >= j->agree)
			j->pairs[w++] = j->pairs[k];
	}
	j->npairs = w;
	j->confirmed = w;
	/* Pairs are in order of their later unit: each earlier one is judged. */
	for (k = 0; k < j->npairs; k = m) {
		kept = 0;
		for (m = k; m < j->npairs && j->pairs[m].j == j->pairs[k].j;
		    m++) {
			if (!kept)
				kept = !in_sorted(j->drop, j->ndrop,
				    j->pairs[m].i);
		}
		if (kept)
			add_drop(j, j->pairs[k].j);
	}
	/* With the copies of a signature, in order. */
	for (k = 0; k < j->nsame; k++)
		add_drop(j, j->same[k]);
	sort_u64(j->drop, j->ndrop);
}

int
join_run(int argc, char **argv, const char *expect)
{
	struct join j;
	struct sorted *in;
	const char *s;
	size_t n, k;
	char pa[POS_TEXT_MAX];

	memset(&j, 0, sizeof j);
	in = sorted_open(argc, argv, MAX_RUNS);
	while (sorted_next(in, &s, &n, &j.file, &j.lineno))
		line(&j, s, n);
	end_group(&j);
	if (!j.shards_checked)
		check_shards(&j);
	if (!j.have_params)
		sp_die(NULL, "no keys: the input holds no %s header of "
		    "sp-dedupe --emit-keys", KEYS_HEADER);
	if (expect && strcmp(expect, j.params.data) != 0)
		sp_die(NULL, "the keys were made with \"%s\"; the options "
		    "given say \"%s\"", j.params.data, expect);
	if (j.near)
		sweep(&j);
	else {
		begin_bands(&j);
		for (k = 0; k < j.nsame; k++)
			add_drop(&j, j.same[k]);
		sort_u64(j.drop, j.ndrop);
	}
	for (k = 0; k < j.ndrop; k++) {
		n = pos_format(pa, j.drop[k]);
		pa[n++] = '\n';
		sp_write(pa, n);
	}
	sp_stat_add("shards joined", j.nshard);
	sp_stat_add("sorted runs merged", sorted_runs(in));
	sp_stat_add("key lines read", j.lines);
	sp_stat_add("key groups", j.groups);
	if (j.near) {
		sp_stat_add("copies of an earlier signature or stored", j.nsame);
		sp_stat_add("candidate pairs", j.candidates);
		sp_stat_add("pairs confirmed", j.confirmed);
	}
	sp_stat_add("positions to drop", j.ndrop);
	sorted_free(in);
	sp_buf_free(&j.params);
	sp_buf_free(&j.key);
	free(j.grp);
	free(j.pairs);
	free(j.need);
	free(j.sigs);
	free(j.have_sig);
	free(j.drop);
	free(j.shard);
	free(j.same);
	return sp_finish();
}
