/* store.c: the LMDB store; see store.h. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <lmdb.h>
#include <xxhash.h>

#include "store.h"
#include "storeimpl.h"
#include "tool.h"



/* The store with an open write transaction, for the exit handlers. */
static struct store *pending;
static const char *pending_why = "the run did not finish";

noreturn void
store_fail(const struct store *s, const char *what, int rc)
{
	sp_die(s->dir, "%s: %s", what, mdb_strerror(rc));
}

/* Says so when a run ends without committing what it added. */
static void
at_exit(void)
{
	if (pending)
		sp_warn(pending->dir, "store left unchanged (%s)", pending_why);
}

static void
on_signal(int sig)
{
	static const char msg[] = ": interrupted: store left unchanged\n";

	if (pending) {
		(void)!write(STDERR_FILENO, sp_progname, strlen(sp_progname));
		(void)!write(STDERR_FILENO, ": ", 2);
		(void)!write(STDERR_FILENO, pending->dir, strlen(pending->dir));
		(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void
store_put_be64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

uint64_t
store_get_be64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static void
fp_bytes(unsigned char b[16], struct fp k)
{
	store_put_be64(b, k.hi);
	store_put_be64(b + 8, k.lo);
}

/* A meta value as a C string in buf, or NULL when absent. */
const char *
store_meta_get(struct store *s, const char *key, char *buf, size_t len)
{
	MDB_val k = { strlen(key), (void *)key }, v;
	int rc;

	if (s->empty)
		return NULL;
	rc = mdb_get(s->txn, s->meta, &k, &v);
	if (rc == MDB_NOTFOUND)
		return NULL;
	if (rc)
		store_fail(s, "reading", rc);
	if (v.mv_size >= len)
		v.mv_size = len - 1;
	memcpy(buf, v.mv_data, v.mv_size);
	buf[v.mv_size] = '\0';
	return buf;
}

void
store_meta_put(struct store *s, const char *key, const char *val)
{
	MDB_val k = { strlen(key), (void *)key }, v = { strlen(val), (void *)val };
	int rc = mdb_put(s->txn, s->meta, &k, &v, 0);

	if (rc)
		store_fail(s, "writing", rc);
}

static void
take_lock(struct store *s, int nowait)
{
	char path[4096];

	if ((size_t)snprintf(path, sizeof path, "%s/lock", s->dir) >= sizeof path)
		sp_die(s->dir, "name too long");
	/* Not through a link planted in the directory: it would be made. */
	if ((s->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0666)) < 0)
		sp_die(s->dir, "%s", strerror(errno));
	if (flock(s->lockfd, LOCK_EX | LOCK_NB) == 0)
		return;
	if (errno != EWOULDBLOCK)
		sp_die(s->dir, "lock: %s", strerror(errno));
	if (nowait)
		sp_die(s->dir, "store in use by another run (--no-wait given)");
	sp_warn(s->dir, "store in use by another run: waiting");
	while (flock(s->lockfd, LOCK_EX) < 0)
		if (errno != EINTR)
			sp_die(s->dir, "lock: %s", strerror(errno));
}

static MDB_dbi
open_db(struct store *s, const char *name, unsigned flags)
{
	MDB_dbi dbi;
	int rc;

	rc = mdb_dbi_open(s->txn, name, flags | (s->readonly ? 0 : MDB_CREATE),
	    &dbi);
	if (rc == MDB_NOTFOUND && s->readonly && strcmp(name, "meta") == 0) {
		s->empty = 1;	/* made by a run that never committed */
		return 0;
	}
	if (rc == MDB_NOTFOUND && s->empty)
		return 0;
	if (rc == MDB_NOTFOUND)
		sp_die(s->dir, "not a sp-dedupe store (no \"%s\" table)", name);
	if (rc)
		store_fail(s, "opening", rc);
	return dbi;
}

/*
 * Does data.mdb hold every page its last commit names?  A store cut short
 * (a copy that stopped, a file truncated) is mapped whole all the same,
 * and reading a page past the end of the file kills the process with
 * SIGBUS: it is told and refused here instead.
 */
/* The pages a data.mdb may lack at its end: see check_whole(). */
#define SHORT_PAGES 64

/* The store whose map a SIGBUS came from: told, and the run ends. */
static const char *mapped_dir;

static void
on_sigbus(int sig)
{
	static const char msg[] = ": the store is cut short (a page past the "
	    "end of data.mdb): restore it from a copy\n";

	(void)sig;
	(void)!write(STDERR_FILENO, sp_progname, strlen(sp_progname));
	(void)!write(STDERR_FILENO, ": ", 2);
	if (mapped_dir)
		(void)!write(STDERR_FILENO, mapped_dir, strlen(mapped_dir));
	(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
	_exit(SP_EXIT_ERROR);
}

static void
check_whole(struct store *s)
{
	MDB_envinfo info;
	MDB_stat st;
	struct stat fs;
	mdb_filehandle_t fd;
	unsigned long long need;
	int rc;

	if ((rc = mdb_env_info(s->env, &info)) ||
	    (rc = mdb_env_stat(s->env, &st)) ||
	    (rc = mdb_env_get_fd(s->env, &fd)))
		store_fail(s, "opening", rc);
	if (fstat(fd, &fs) < 0)
		sp_die(s->dir, "%s", strerror(errno));
	mapped_dir = s->dir;
	signal(SIGBUS, on_sigbus);
	need = ((unsigned long long)info.me_last_pgno + 1) * st.ms_psize;
	/*
	 * A few pages short is allowed: pages a run allocated and freed in
	 * its last transaction may not be written, and are never read.  A
	 * page past the end that is read all the same meets on_sigbus().
	 */
	if ((unsigned long long)fs.st_size + SHORT_PAGES * st.ms_psize < need)
		sp_die(s->dir, "the store is cut short: data.mdb holds %llu "
		    "bytes of the %llu its last run wrote (restore it from a "
		    "copy)", (unsigned long long)fs.st_size, need);
}

/* The LMDB environment of a store, before it is opened: LMDB's code. */
static int
env_create(struct store *s)
{
	int rc;

	if ((rc = mdb_env_create(&s->env)) ||
	    (rc = mdb_env_set_maxdbs(s->env, 8)) ||
	    (rc = mdb_env_set_mapsize(s->env, sizeof(size_t) > 4 ?
	    (size_t)1 << 40 : (size_t)1 << 30)))
		return rc;
	return 0;
}

/*
 * A store to read that the user may not write (a shared copy, its files
 * 0644): LMDB's lock file, which readers write too, cannot be opened.
 * Read without it, under a shared lock of the store's own lock file,
 * which every run that writes holds alone for all its time: no writer
 * runs meanwhile, so no page read can be reused under the reader.
 * Returns LMDB's code.
 */
static int
open_unlocked(struct store *s, int nowait)
{
	char path[4096];
	int rc;

	if ((size_t)snprintf(path, sizeof path, "%s/lock", s->dir) >=
	    sizeof path)
		sp_die(s->dir, "name too long");
	/* No lock file: no run has written the store since it was copied. */
	if ((s->lockfd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0 &&
	    errno != ENOENT)
		sp_die(s->dir, "lock: %s", strerror(errno));
	if (s->lockfd >= 0 && flock(s->lockfd, LOCK_SH | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK)
			sp_die(s->dir, "lock: %s", strerror(errno));
		if (nowait)
			sp_die(s->dir, "store in use by another run "
			    "(--no-wait given)");
		sp_warn(s->dir, "store in use by another run: waiting");
		while (flock(s->lockfd, LOCK_SH) < 0)
			if (errno != EINTR)
				sp_die(s->dir, "lock: %s", strerror(errno));
	}
	mdb_env_close(s->env);
	if ((rc = env_create(s)) != 0)
		return rc;
	return mdb_env_open(s->env, s->dir, MDB_RDONLY | MDB_NOLOCK, 0666);
}

struct store *
store_open_env(const char *dir, int readonly, int nowait)
{
	struct store *s = sp_xmalloc(sizeof *s);
	struct stat st;
	int rc;

	memset(s, 0, sizeof *s);
	s->dir = dir;
	s->readonly = readonly;
	s->lockfd = -1;
	if (readonly) {
		if (stat(dir, &st) < 0)
			sp_die(dir, "%s", strerror(errno));
	} else {
		if (mkdir(dir, 0777) < 0 && errno != EEXIST)
			sp_die(dir, "%s", strerror(errno));
		take_lock(s, nowait);
	}
	if ((rc = env_create(s)) != 0)
		store_fail(s, "opening", rc);
	if (readonly) {
		char path[4096];

		snprintf(path, sizeof path, "%s/data.mdb", dir);
		if (access(path, F_OK) < 0)
			sp_die(dir, "no store here (%s)", strerror(errno));
	}
	rc = mdb_env_open(s->env, dir, readonly ? MDB_RDONLY : 0, 0666);
	if (rc == EACCES && readonly)
		rc = open_unlocked(s, nowait);
	if (rc)
		store_fail(s, "opening", rc);
	check_whole(s);
	rc = mdb_txn_begin(s->env, NULL, readonly ? MDB_RDONLY : 0, &s->txn);
	if (rc)
		store_fail(s, "opening", rc);
	s->meta = open_db(s, "meta", 0);
	s->fp = open_db(s, "fp", 0);
	s->passage = open_db(s, "passage", 0);
	s->sig = open_db(s, "sig", 0);
	s->band = open_db(s, "band", MDB_DUPSORT | MDB_DUPFIXED);
	return s;
}

struct store *
store_open(const char *dir, int readonly, int nowait, const char *params)
{
	struct store *s = store_open_env(dir, readonly, nowait);
	char buf[1024], tbuf[64], fbuf[256];
	const char *have, *fmt;
	time_t now = time(NULL);

	have = store_meta_get(s, "params", buf, sizeof buf);
	/* Another version's store may mean other things by the same bytes. */
	fmt = store_meta_get(s, "format", fbuf, sizeof fbuf);
	if (have != NULL && (fmt == NULL || strcmp(fmt, STORE_FORMAT) != 0))
		sp_die(dir, "the store's format is \"%s\"; this sp-dedupe "
		    "reads \"%s\": use a store made by this version",
		    fmt ? fmt : "(none)", STORE_FORMAT);
	if (have == NULL && !readonly) {
		strftime(tbuf, sizeof tbuf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		store_meta_put(s, "format", STORE_FORMAT);
		store_meta_put(s, "params", params);
		store_meta_put(s, "created", tbuf);
	} else if (have != NULL && strcmp(have, params) != 0) {
		sp_die(dir, "the store was made with \"%s\"; this run is "
		    "\"%s\": use a store made with the same options", have,
		    params);
	}
	if (store_meta_get(s, "next-id", buf, sizeof buf))
		s->next_id = strtoull(buf, NULL, 10);
	if (!readonly) {
		pending = s;
		atexit(at_exit);
		sp_catch_signals(on_signal);
	}
	return s;
}

static MDB_dbi
table(struct store *s, int which)
{
	return which == STORE_PASSAGE ? s->passage : s->fp;
}

int
store_has(struct store *s, int which, struct fp k)
{
	unsigned char b[16];
	MDB_val key = { 16, b }, v;
	int rc;

	if (s->empty)
		return 0;
	fp_bytes(b, k);
	rc = mdb_get(s->txn, table(s, which), &key, &v);
	if (rc == MDB_NOTFOUND)
		return 0;
	if (rc)
		store_fail(s, "reading", rc);
	return 1;
}

void
store_put(struct store *s, int which, struct fp k)
{
	unsigned char b[16];
	MDB_val key = { 16, b }, v = { 0, "" };
	int rc;

	if (s->readonly)
		return;
	fp_bytes(b, k);
	rc = mdb_put(s->txn, table(s, which), &key, &v, MDB_NOOVERWRITE);
	if (rc == MDB_KEYEXIST)
		return;
	if (rc)
		store_fail(s, "writing", rc);
	s->added++;
}

void
store_put_sig(struct store *s, const uint32_t sig[MH_PERMS],
    const uint64_t *band_keys, int bands)
{
	unsigned char idb[8], kb[8], vb[MH_PERMS * 4];
	MDB_val key = { 8, idb }, v = { sizeof vb, vb };
	int i, rc;

	if (s->readonly)
		return;
	store_put_be64(idb, s->next_id++);
	for (i = 0; i < MH_PERMS; i++) {
		vb[4 * i] = (unsigned char)(sig[i] >> 24);
		vb[4 * i + 1] = (unsigned char)(sig[i] >> 16);
		vb[4 * i + 2] = (unsigned char)(sig[i] >> 8);
		vb[4 * i + 3] = (unsigned char)sig[i];
	}
	key.mv_data = idb;
	if ((rc = mdb_put(s->txn, s->sig, &key, &v, MDB_APPEND)) &&
	    (rc = mdb_put(s->txn, s->sig, &key, &v, 0)))
		store_fail(s, "writing", rc);
	for (i = 0; i < bands; i++) {
		MDB_val bk = { 8, kb }, bv = { 8, idb };

		store_put_be64(kb, band_keys[i]);
		if ((rc = mdb_put(s->txn, s->band, &bk, &bv, MDB_NODUPDATA)) &&
		    rc != MDB_KEYEXIST)
			store_fail(s, "writing", rc);
	}
	s->added++;
}

int
store_each_sig(struct store *s, uint64_t band_key,
    int (*fn)(const uint32_t *sig, uint64_t id, void *), void *ctx)
{
	unsigned char kb[8];
	MDB_val k = { 8, kb }, v, sk, sv;
	MDB_cursor *c;
	uint32_t sig[MH_PERMS];
	const unsigned char *p;
	int rc, r = 0, i;

	if (s->empty)
		return 0;
	store_put_be64(kb, band_key);
	if ((rc = mdb_cursor_open(s->txn, s->band, &c)))
		store_fail(s, "reading", rc);
	rc = mdb_cursor_get(c, &k, &v, MDB_SET_KEY);
	while (rc == 0 && r == 0) {
		sk = v;
		rc = mdb_get(s->txn, s->sig, &sk, &sv);
		if (rc || sv.mv_size != sizeof sig)
			sp_die(s->dir, "damaged store: band without signature");
		p = sv.mv_data;
		for (i = 0; i < MH_PERMS; i++, p += 4)
			sig[i] = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			    (uint32_t)p[2] << 8 | p[3];
		r = fn(sig, store_get_be64(v.mv_data), ctx);
		rc = mdb_cursor_get(c, &k, &v, MDB_NEXT_DUP);
	}
	if (rc && rc != MDB_NOTFOUND)
		store_fail(s, "reading", rc);
	mdb_cursor_close(c);
	return r;
}

uint64_t
store_added(const struct store *s)
{
	return s->added;
}

void
store_commit(struct store *s, uint64_t units_added)
{
	char buf[160], tbuf[64];
	unsigned long long runs = 0;
	time_t now = time(NULL);
	int rc;

	if (s->readonly) {
		store_close(s);
		return;
	}
	if (store_meta_get(s, "runs", buf, sizeof buf))
		runs = strtoull(buf, NULL, 10);
	snprintf(buf, sizeof buf, "%llu", runs + 1);
	store_meta_put(s, "runs", buf);
	snprintf(buf, sizeof buf, "%" PRIu64, s->next_id);
	store_meta_put(s, "next-id", buf);
	strftime(tbuf, sizeof tbuf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	snprintf(buf, sizeof buf, "%s, %" PRIu64 " units added", tbuf,
	    units_added);
	store_meta_put(s, "last-run", buf);
	rc = mdb_txn_commit(s->txn);
	s->txn = NULL;
	if (rc) {
		pending_why = "the commit failed";
		store_fail(s, "committing", rc);
	}
	pending = NULL;
	store_close(s);
}

void
store_close(struct store *s)
{
	if (s->txn)
		mdb_txn_abort(s->txn);
	mdb_env_close(s->env);
	if (s->lockfd >= 0)
		close(s->lockfd);
	if (pending == s)
		pending = NULL;
	free(s);
}

/* Entries of one table, folded into the digest. */
static size_t
walk(struct store *s, MDB_dbi dbi, XXH3_state_t *h)
{
	MDB_cursor *c;
	MDB_val k, v;
	size_t n = 0;
	uint64_t len;
	int rc;

	if (s->empty)
		return 0;
	if ((rc = mdb_cursor_open(s->txn, dbi, &c)))
		store_fail(s, "reading", rc);
	for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); rc == 0;
	    rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
		len = k.mv_size;
		XXH3_64bits_update(h, &len, sizeof len);
		XXH3_64bits_update(h, k.mv_data, k.mv_size);
		len = v.mv_size;
		XXH3_64bits_update(h, &len, sizeof len);
		XXH3_64bits_update(h, v.mv_data, v.mv_size);
		n++;
	}
	if (rc != MDB_NOTFOUND)
		store_fail(s, "reading", rc);
	mdb_cursor_close(c);
	return n;
}

/*
 * A line of --store-info on standard output, through sp_write(): a write
 * error is reported and exits 2, as the suite's output does (printf's
 * went unseen: --store-info > /dev/full exited 0).
 */
static void
info_line(const char *fmt, ...)
{
	char line[8192];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n > 0)
		sp_write(line, (size_t)n < sizeof line ? (size_t)n :
		    sizeof line - 1);
}

int
store_info(const char *dir)
{
	struct store *s = store_open_env(dir, 1, 0);
	XXH3_state_t *h = XXH3_createState();
	char buf[1024], path[4096];
	struct stat st;
	size_t n;

	if (h == NULL)
		sp_oom();
	XXH3_64bits_reset(h);
	info_line("store: %s\n", dir);
	info_line("format: %s\n", store_meta_get(s, "format", buf, sizeof buf) ?
	    buf : "(none)");
	info_line("parameters: %s\n", store_meta_get(s, "params", buf, sizeof buf) ?
	    buf : "(none: empty store)");
	info_line("created: %s\n", store_meta_get(s, "created", buf, sizeof buf) ?
	    buf : "-");
	info_line("runs: %s\n", store_meta_get(s, "runs", buf, sizeof buf) ? buf : "0");
	info_line("last run: %s\n", store_meta_get(s, "last-run", buf, sizeof buf) ?
	    buf : "-");
	walk(s, s->meta, h);
	n = walk(s, s->fp, h);
	info_line("fingerprints: %zu\n", n);
	n = walk(s, s->passage, h);
	info_line("passages: %zu\n", n);
	n = walk(s, s->sig, h);
	info_line("signatures: %zu\n", n);
	n = walk(s, s->band, h);
	info_line("band entries: %zu\n", n);
	snprintf(path, sizeof path, "%s/data.mdb", dir);
	if (stat(path, &st) == 0)
		info_line("file size: %lld bytes\n", (long long)st.st_size);
	info_line("digest: %016llx\n", (unsigned long long)XXH3_64bits_digest(h));
	XXH3_freeState(h);
	store_close(s);
	return SP_EXIT_OK;
}
