/* furniture.c: lines a site repeats, counted; see furniture.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
/* The state on the stack: the hash of a line is taken in pieces. */
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include "furniture.h"
#include "lmstore.h"
#include "tool.h"

/* The store's format: its keys are this version's hashes. */
#define FORMAT "sp-clean furniture 1"
/* Lines the run's table holds (16 bytes each); purged at 3/4 full. */
#define TABLE_CAP ((size_t)1 << 20)
/* A site's page count is kept under its key salted with this. */
#define PAGES_SALT 0x5061676573ULL
/* A page counted is known by the hash of its lines, salted with this. */
#define SEEN_SALT 0x5365656E50ULL

struct entry {
	uint64_t key;		/* 0: an empty slot */
	uint32_t run;		/* pages of this run that have it */
	uint32_t stored;	/* pages of earlier runs (the store) */
};

struct furniture {
	struct entry *t;
	size_t cap, used;
	uint32_t floor;		/* counts up to this may be forgotten */
	size_t pages, forgotten, repeats;
	struct sp_lmstore *store;
	MDB_dbi counts;
	uint64_t *keys;		/* a page's line keys, pass 1 */
	size_t nkeys, kcap;
};

struct furniture *
furniture_new(const char *dir, int nowait)
{
	struct furniture *f = sp_xmalloc(sizeof *f);

	memset(f, 0, sizeof *f);
	f->cap = TABLE_CAP;
	f->t = calloc(f->cap, sizeof *f->t);
	if (f->t == NULL)
		sp_oom();
	if (dir) {
		f->store = sp_lmstore_open(dir, FORMAT, NULL, 0, nowait);
		f->counts = sp_lmstore_table(f->store, "counts", 0);
	}
	return f;
}

void
furniture_free(struct furniture *f)
{
	if (f == NULL)
		return;
	if (f->store)
		sp_lmstore_close(f->store);
	free(f->t);
	free(f->keys);
	free(f);
}

uint64_t
furniture_site(const char *site, size_t len)
{
	return XXH3_64bits(site, len) | 1;
}

uint64_t
furniture_site_of_record(const char *line, size_t len)
{
	json_t *rec, *url;
	const char *u, *host, *end;
	char low[256];
	size_t n, i;
	uint64_t key = 0;

	if ((rec = json_loadb(line, len, JSON_DECODE_INT_AS_REAL, NULL)) ==
	    NULL)
		return 0;
	url = json_object_get(rec, "url");
	if (json_is_string(url)) {
		u = json_string_value(url);
		host = strstr(u, "://");
		host = host ? host + 3 : u;
		for (end = host; *end && !strchr("/:?#", *end); end++)
			;
		n = (size_t)(end - host);
		if (n >= 4 && strncasecmp(host, "www.", 4) == 0) {
			host += 4;
			n -= 4;
		}
		if (n > 0 && n < sizeof low) {
			for (i = 0; i < n; i++)
				low[i] = (char)(host[i] >= 'A' && host[i] <= 'Z' ?
				    host[i] + 32 : host[i]);
			key = furniture_site(low, n);
		}
	}
	json_decref(rec);
	return key;
}

static uint64_t
pages_key(uint64_t site)
{
	return XXH3_64bits_withSeed(NULL, 0, site ^ PAGES_SALT) | 1;
}

/*
 * A line's key: its text, every run of digits made one 0, hashed as it
 * is read (no copy: the threads of pass 2 share nothing to write).
 */
static uint64_t
line_key(uint64_t site, const char *s, size_t n)
{
	XXH3_state_t st;
	size_t i, from = 0;

	/*
	 * A state on the stack must be initialised before a reset with a
	 * seed, which reads the seed it held (xxhash.h): else the key, and
	 * the furniture counts, change from run to run.
	 */
	XXH3_INITSTATE(&st);
	XXH3_64bits_reset_withSeed(&st, site);
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			continue;
		if (i > from)
			XXH3_64bits_update(&st, s + from, i - from);
		if (i == 0 || s[i - 1] < '0' || s[i - 1] > '9')
			XXH3_64bits_update(&st, "0", 1);
		from = i + 1;
	}
	if (n > from)
		XXH3_64bits_update(&st, s + from, n - from);
	return XXH3_64bits_digest(&st) | 1;
}

static struct entry *
find(const struct furniture *f, uint64_t key)
{
	size_t slot;

	for (slot = key & (f->cap - 1); f->t[slot].key;
	    slot = (slot + 1) & (f->cap - 1))
		if (f->t[slot].key == key)
			return &f->t[slot];
	return NULL;
}

static struct entry *
insert(struct entry *t, size_t cap, uint64_t key)
{
	size_t slot;

	for (slot = key & (cap - 1); t[slot].key && t[slot].key != key;
	    slot = (slot + 1) & (cap - 1))
		;
	t[slot].key = key;
	return &t[slot];
}

/*
 * The table is full: forget the lines seen on the fewest pages, raising
 * the floor until half the table is free.
 */
static void
purge(struct furniture *f)
{
	struct entry *t;
	size_t i, kept;

	while (f->used > f->cap / 2) {
		f->floor++;
		if ((t = calloc(f->cap, sizeof *t)) == NULL)
			sp_oom();
		for (i = kept = 0; i < f->cap; i++) {
			if (f->t[i].key == 0)
				continue;
			if (f->t[i].run <= f->floor) {
				f->forgotten++;
				continue;
			}
			*insert(t, f->cap, f->t[i].key) = f->t[i];
			kept++;
		}
		free(f->t);
		f->t = t;
		f->used = kept;
	}
}

/* The entry of key, made (with no count) when missing. */
static struct entry *
touch(struct furniture *f, uint64_t key)
{
	struct entry *e;

	if (f->used >= f->cap / 4 * 3)
		purge(f);
	if ((e = find(f, key)) == NULL) {
		e = insert(f->t, f->cap, key);
		f->used++;
	}
	return e;
}

static void
bump(struct furniture *f, uint64_t key)
{
	touch(f, key)->run++;
}

static int
cmp_key(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Does the store hold key (a page's, from an earlier run)? */
static int
stored(const struct furniture *f, uint64_t key)
{
	unsigned char b[8];
	MDB_val k = { 8, b }, v;
	int rc;

	if (f->store == NULL || f->store->empty)
		return 0;
	sp_put_be64(b, key);
	rc = mdb_get(f->store->txn, f->counts, &k, &v);
	if (rc && rc != MDB_NOTFOUND)
		sp_lmstore_fail(f->store, "reading", rc);
	return rc == 0;
}

/*
 * Has site's page of the sorted keys f->keys been counted, in this run or
 * an earlier one?  Else it is noted as counted.  The same page read again
 * (a run done twice, a page crawled again, one page under two URLs)
 * would count its own lines once more each time, until its article read
 * as lines the site repeats: a page is known by its lines (digits made
 * alike, so a view count that moved is the same page), and counts once.
 */
static int
page_seen(struct furniture *f, uint64_t site)
{
	uint64_t key = XXH3_64bits_withSeed(f->keys, f->nkeys *
	    sizeof *f->keys, site ^ SEEN_SALT) | 1;
	const struct entry *e = find(f, key);

	if ((e && e->run > 0) || stored(f, key))
		return 1;
	bump(f, key);
	return 0;
}

void
furniture_count(struct furniture *f, uint64_t site, const char *doc,
    size_t len)
{
	const char *s = doc, *end = doc + len, *nl;
	size_t i;

	f->nkeys = 0;
	while (s < end) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		if (nl > s) {
			if (f->nkeys == f->kcap) {
				f->kcap = f->kcap ? f->kcap * 2 : 256;
				f->keys = sp_xrealloc(f->keys, f->kcap *
				    sizeof *f->keys);
			}
			f->keys[f->nkeys++] = line_key(site, s,
			    (size_t)(nl - s));
		}
		s = nl + 1;
	}
	/* A line counts once a page, however often the page has it. */
	qsort(f->keys, f->nkeys, sizeof *f->keys, cmp_key);
	if (page_seen(f, site)) {
		/* Not counted again, but its lines' counts are wanted: the
		 * store's are read for the lines the table holds. */
		for (i = 0; i < f->nkeys; i++)
			touch(f, f->keys[i]);
		touch(f, pages_key(site));
		f->repeats++;
		return;
	}
	for (i = 0; i < f->nkeys; i++)
		if (i == 0 || f->keys[i] != f->keys[i - 1])
			bump(f, f->keys[i]);
	bump(f, pages_key(site));
	f->pages++;
}

void
furniture_load(struct furniture *f)
{
	unsigned char b[8];
	MDB_val k = { 8, b }, v;
	size_t i;
	int rc;

	if (f->store == NULL || f->store->empty)
		return;
	for (i = 0; i < f->cap; i++) {
		if (f->t[i].key == 0)
			continue;
		sp_put_be64(b, f->t[i].key);
		rc = mdb_get(f->store->txn, f->counts, &k, &v);
		if (rc == MDB_NOTFOUND)
			continue;
		if (rc)
			sp_lmstore_fail(f->store, "reading", rc);
		if (v.mv_size != 8)
			sp_die(f->store->dir, "damaged store: a count of %zu "
			    "bytes", v.mv_size);
		f->t[i].stored = (uint32_t)sp_get_be64(v.mv_data);
	}
}

float
furniture_share(const struct furniture *f, uint64_t site, const char *line,
    size_t n, float *pages)
{
	const struct entry *p, *e;
	double all;

	*pages = 0;
	if ((p = find(f, pages_key(site))) == NULL)
		return NAN;
	all = (double)p->run + p->stored;
	*pages = (float)all;
	e = find(f, line_key(site, line, n));
	if (e == NULL)
		return NAN;
	return (float)(((double)e->run + e->stored) / all);
}

void
furniture_commit(struct furniture *f)
{
	unsigned char kb[8], vb[8];
	MDB_val k = { 8, kb }, v = { 8, vb };
	char did[96];
	size_t i;
	int rc;

	if (f->store == NULL)
		return;
	for (i = 0; i < f->cap; i++) {
		if (f->t[i].key == 0 || f->t[i].run == 0)
			continue;
		sp_put_be64(kb, f->t[i].key);
		sp_put_be64(vb, (uint64_t)f->t[i].run + f->t[i].stored);
		if ((rc = mdb_put(f->store->txn, f->counts, &k, &v, 0)))
			sp_lmstore_fail(f->store, "writing", rc);
	}
	snprintf(did, sizeof did, "%zu pages counted", f->pages);
	sp_lmstore_commit(f->store, did);
	f->store = NULL;
}

void
furniture_abandon(struct furniture *f, const char *why)
{
	if (f->store == NULL)
		return;
	sp_warn(f->store->dir, "store left unchanged (%s)", why);
	sp_lmstore_close(f->store);
	f->store = NULL;
}

size_t
furniture_pages(const struct furniture *f)
{
	return f->pages;
}

size_t
furniture_forgotten(const struct furniture *f)
{
	return f->forgotten;
}

size_t
furniture_repeats(const struct furniture *f)
{
	return f->repeats;
}
