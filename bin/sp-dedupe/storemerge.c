/* storemerge.c: stores made on different machines, merged; see store.h. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "minhash.h"
#include "store.h"
#include "storeimpl.h"
#include "tool.h"

/* A new store being made aside, removed if the merge fails. */
static char *aside;

/* The files a store made aside may hold, for a signal's handler. */
static char aside_files[3][4096];

/* SIGINT, SIGTERM, SIGHUP: the store made aside goes, with unlink() and
 * rmdir() alone (async-signal-safe), then the signal ends the run. */
static void
on_signal(int sig)
{
	int i;

	for (i = 0; i < 3; i++)
		unlink(aside_files[i]);
	if (aside)
		rmdir(aside);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
remove_aside(void)
{
	DIR *d;
	struct dirent *e;
	char path[4096];

	if (aside == NULL || (d = opendir(aside)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", aside, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(aside);
}

/*
 * A store's parameters into params; returns 0 for a store that holds
 * nothing yet.  Refuses a store of another format.
 */
static int
read_params(const char *dir, char *params, size_t len)
{
	struct store *s = store_open_env(dir, 1, 0);
	char fmt[256];
	int have = 0;

	if (store_meta_get(s, "params", params, len) != NULL) {
		have = 1;
		if (store_meta_get(s, "format", fmt, sizeof fmt) == NULL ||
		    strcmp(fmt, STORE_FORMAT) != 0)
			sp_die(dir, "a store of format \"%s\", not \"%s\": "
			    "it cannot be merged", store_meta_get(s, "format",
			    fmt, sizeof fmt) ? fmt : "(none)", STORE_FORMAT);
	}
	store_close(s);
	return have;
}

/* Adds src's keys of one table to dst's; returns how many were new. */
static uint64_t
copy_keys(struct store *dst, MDB_dbi to, struct store *src, MDB_dbi from)
{
	MDB_cursor *c;
	MDB_val k, v;
	uint64_t added = 0;
	int rc, put;

	if ((rc = mdb_cursor_open(src->txn, from, &c)))
		store_fail(src, "reading", rc);
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		put = mdb_put(dst->txn, to, &k, &v, MDB_NOOVERWRITE);
		if (put == 0)
			added++;
		else if (put != MDB_KEYEXIST)
			store_fail(dst, "writing", put);
	}
	if (rc != MDB_NOTFOUND)
		store_fail(src, "reading", rc);
	mdb_cursor_close(c);
	return added;
}

/* Whether dst holds the signature sig (its bytes) under band key kb. */
static int
has_sig(struct store *dst, unsigned char *kb, const MDB_val *sig)
{
	MDB_val k = { 8, kb }, v, sv;
	MDB_cursor *c;
	int rc, found = 0;

	if ((rc = mdb_cursor_open(dst->txn, dst->band, &c)))
		store_fail(dst, "reading", rc);
	for (rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY); rc == 0 && !found;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP)) {
		if ((rc = mdb_get(dst->txn, dst->sig, &v, &sv)))
			store_fail(dst, "damaged store: band without "
			    "signature", rc);
		found = sv.mv_size == sig->mv_size &&
		    memcmp(sv.mv_data, sig->mv_data, sig->mv_size) == 0;
	}
	if (rc && rc != MDB_NOTFOUND)
		store_fail(dst, "reading", rc);
	mdb_cursor_close(c);
	return found;
}

/*
 * Adds src's signatures that dst lacks, numbered after dst's, under their
 * band keys (made again from the signature, as a run makes them).
 */
static uint64_t
copy_sigs(struct store *dst, struct store *src, int bands, int rows)
{
	MDB_cursor *c;
	MDB_val k, v, nk, bk, bv;
	uint32_t sig[MH_PERMS];
	unsigned char idb[8], kb[MH_PERMS][8];
	const unsigned char *p;
	uint64_t added = 0;
	int rc, put, i, b;

	if ((rc = mdb_cursor_open(src->txn, src->sig, &c)))
		store_fail(src, "reading", rc);
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		if (v.mv_size != MH_PERMS * 4)
			sp_die(src->dir, "damaged store: a signature of %zu "
			    "bytes", v.mv_size);
		p = v.mv_data;
		for (i = 0; i < MH_PERMS; i++, p += 4)
			sig[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			    (uint32_t)p[2] << 8 | p[3];
		for (b = 0; b < bands; b++)
			store_put_be64(kb[b], mh_band_key(sig, b, rows));
		if (bands > 0 && has_sig(dst, kb[0], &v))
			continue;
		store_put_be64(idb, dst->next_id++);
		nk.mv_size = 8;
		nk.mv_data = idb;
		if ((put = mdb_put(dst->txn, dst->sig, &nk, &v, 0)))
			store_fail(dst, "writing", put);
		for (b = 0; b < bands; b++) {
			bk.mv_size = 8;
			bk.mv_data = kb[b];
			bv.mv_size = 8;
			bv.mv_data = idb;
			put = mdb_put(dst->txn, dst->band, &bk, &bv,
			    MDB_NODUPDATA);
			if (put && put != MDB_KEYEXIST)
				store_fail(dst, "writing", put);
		}
		added++;
	}
	if (rc != MDB_NOTFOUND)
		store_fail(src, "reading", rc);
	mdb_cursor_close(c);
	return added;
}

static int
same_dir(const char *a, const char *b)
{
	struct stat x, y;

	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
	    x.st_ino == y.st_ino;
}

int
store_merge(const char *dst, int n, char **src, int nowait)
{
	char want[1024], have[1024], path[4096], buf[256], tbuf[64];
	const char *from = NULL;
	struct store *d, *s;
	struct stat st;
	mode_t um;
	uint64_t added = 0, fps = 0, psgs = 0, sigs = 0;
	time_t now = time(NULL);
	int i, exists, bands = 0, rows = 0;

	if ((size_t)snprintf(path, sizeof path, "%s/data.mdb", dst) >=
	    sizeof path)
		sp_die(dst, "name too long");
	exists = stat(path, &st) == 0;
	if (exists && read_params(dst, want, sizeof want))
		from = dst;
	/* Every store is checked before anything is written. */
	for (i = 0; i < n; i++) {
		if (same_dir(src[i], dst))
			sp_die(src[i], "this is the store merged into");
		if (!read_params(src[i], have, sizeof have))
			continue;
		if (from == NULL) {
			snprintf(want, sizeof want, "%s", have);
			from = src[i];
		} else if (strcmp(have, want) != 0) {
			sp_die(src[i], "made with \"%s\", but %s with \"%s\": "
			    "only stores made with the same options merge",
			    have, from, want);
		}
	}
	if (from == NULL)
		return SP_EXIT_OK;	/* nothing in any of them */
	if (strstr(want, " mode=near") && (sscanf(strstr(want, " bands=") ?
	    strstr(want, " bands=") : "", " bands=%dx%d", &bands, &rows) !=
	    2 || bands < 1 || rows < 1 || bands * rows > MH_PERMS))
		sp_die(from, "the parameters \"%s\" give no banding", want);

	if (exists) {
		d = store_open_env(dst, 0, nowait);
	} else {
		/* Made aside, then renamed into place: all or nothing. */
		if (stat(dst, &st) == 0 && !S_ISDIR(st.st_mode))
			sp_die(dst, "%s", strerror(ENOTDIR));
		snprintf(path, sizeof path, "%s.merge.XXXXXX", dst);
		if ((aside = strdup(path)) == NULL)
			sp_oom();
		if (mkdtemp(aside) == NULL)
			sp_die(aside, "%s", strerror(errno));
		/* As a run's store is made: mkdtemp()'s 0700 would keep it
		 * from the other users a store made by a run serves. */
		um = umask(0);
		umask(um);
		chmod(aside, 0777 & ~um);
		atexit(remove_aside);
		snprintf(aside_files[0], sizeof aside_files[0], "%s/data.mdb",
		    aside);
		snprintf(aside_files[1], sizeof aside_files[1], "%s/lock.mdb",
		    aside);
		snprintf(aside_files[2], sizeof aside_files[2], "%s/lock",
		    aside);
		sp_catch_signals(on_signal);
		d = store_open_env(aside, 0, 0);
		strftime(tbuf, sizeof tbuf, "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&now));
		store_meta_put(d, "format", STORE_FORMAT);
		store_meta_put(d, "params", want);
		store_meta_put(d, "created", tbuf);
	}
	d->dir = dst;
	if (exists) {
		/* Checked again under the lock: another run may have begun. */
		if (store_meta_get(d, "params", have, sizeof have) == NULL) {
			store_meta_put(d, "format", STORE_FORMAT);
			store_meta_put(d, "params", want);
		} else if (strcmp(have, want) != 0) {
			sp_die(dst, "made with \"%s\", but %s with \"%s\": "
			    "only stores made with the same options merge",
			    have, from, want);
		}
	}
	if (store_meta_get(d, "next-id", buf, sizeof buf))
		d->next_id = strtoull(buf, NULL, 10);
	for (i = 0; i < n; i++) {
		s = store_open_env(src[i], 1, 0);
		if (!s->empty) {
			fps += copy_keys(d, d->fp, s, s->fp);
			psgs += copy_keys(d, d->passage, s, s->passage);
			if (bands)
				sigs += copy_sigs(d, s, bands, rows);
		}
		store_close(s);
	}
	added = fps + psgs + sigs;
	sp_stat_add("fingerprints added", fps);
	sp_stat_add("passages added", psgs);
	sp_stat_add("signatures added", sigs);
	if (added == 0 && exists) {
		store_close(d);		/* nothing new: left as it was */
		return SP_EXIT_OK;
	}
	snprintf(buf, sizeof buf, "%" PRIu64, d->next_id);
	store_meta_put(d, "next-id", buf);
	strftime(tbuf, sizeof tbuf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	snprintf(buf, sizeof buf, "%s, %" PRIu64 " records added from %d "
	    "stores", tbuf, added, n);
	store_meta_put(d, "last-merge", buf);
	if ((i = mdb_txn_commit(d->txn)) != 0) {
		d->txn = NULL;
		store_fail(d, "committing (left unchanged)", i);
	}
	d->txn = NULL;
	store_close(d);
	if (!exists) {
		char *done = aside;

		if (rename(aside, dst) < 0)
			sp_die(dst, "%s (nothing merged)", strerror(errno));
		/* Out of the signal handler's reach before it is freed: its
		 * names are gone with the rename, and unlinking them is
		 * harmless until then. */
		aside = NULL;
		aside_files[0][0] = aside_files[1][0] = aside_files[2][0] = '\0';
		free(done);
	}
	return SP_EXIT_OK;
}
