/* lmstore.c: an LMDB store that cron runs share; see lmstore.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lmstore.h"
#include "tool.h"

/* The store with an open write transaction, for the exit handlers. */
static struct sp_lmstore *pending;
static const char *pending_why = "the run did not finish";

noreturn void
sp_lmstore_fail(const struct sp_lmstore *s, const char *what, int rc)
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
sp_put_be64(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

uint64_t
sp_get_be64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

const char *
sp_lmstore_meta_get(struct sp_lmstore *s, const char *key, char *buf,
    size_t len)
{
	MDB_val k = { strlen(key), (void *)key }, v;
	int rc;

	if (s->empty)
		return NULL;
	rc = mdb_get(s->txn, s->meta, &k, &v);
	if (rc == MDB_NOTFOUND)
		return NULL;
	if (rc)
		sp_lmstore_fail(s, "reading", rc);
	if (v.mv_size >= len)
		v.mv_size = len - 1;
	memcpy(buf, v.mv_data, v.mv_size);
	buf[v.mv_size] = '\0';
	return buf;
}

void
sp_lmstore_meta_put(struct sp_lmstore *s, const char *key, const char *val)
{
	MDB_val k = { strlen(key), (void *)key }, v = { strlen(val),
	    (void *)val };
	int rc = mdb_put(s->txn, s->meta, &k, &v, 0);

	if (rc)
		sp_lmstore_fail(s, "writing", rc);
}

static void
take_lock(struct sp_lmstore *s, int nowait)
{
	char path[4096];

	if ((size_t)snprintf(path, sizeof path, "%s/lock", s->dir) >=
	    sizeof path)
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

MDB_dbi
sp_lmstore_table(struct sp_lmstore *s, const char *name, unsigned flags)
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
		sp_die(s->dir, "not a %s store (no \"%s\" table)", sp_progname,
		    name);
	if (rc == MDB_INCOMPATIBLE)
		sp_die(s->dir, "not a %s store (table \"%s\" of another kind)",
		    sp_progname, name);
	if (rc)
		sp_lmstore_fail(s, "opening", rc);
	return dbi;
}

static struct sp_lmstore *
open_env(const char *dir, int readonly, int nowait)
{
	struct sp_lmstore *s = sp_xmalloc(sizeof *s);
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
	if ((rc = mdb_env_create(&s->env)) ||
	    (rc = mdb_env_set_maxdbs(s->env, 8)) ||
	    (rc = mdb_env_set_mapsize(s->env, sizeof(size_t) > 4 ?
	    (size_t)1 << 40 : (size_t)1 << 30)))
		sp_lmstore_fail(s, "opening", rc);
	if (readonly) {
		char path[4096];

		snprintf(path, sizeof path, "%s/data.mdb", dir);
		if (access(path, F_OK) < 0)
			sp_die(dir, "no store here (%s)", strerror(errno));
	}
	rc = mdb_env_open(s->env, dir, readonly ? MDB_RDONLY : 0, 0666);
	if (rc)
		sp_lmstore_fail(s, "opening", rc);
	rc = mdb_txn_begin(s->env, NULL, readonly ? MDB_RDONLY : 0, &s->txn);
	if (rc)
		sp_lmstore_fail(s, "opening", rc);
	s->meta = sp_lmstore_table(s, "meta", 0);
	return s;
}

struct sp_lmstore *
sp_lmstore_open(const char *dir, const char *format, const char *params,
    int readonly, int nowait)
{
	struct sp_lmstore *s = open_env(dir, readonly, nowait);
	char buf[1024], tbuf[64], fbuf[256];
	const char *fmt, *have;
	time_t now = time(NULL);

	/* Another version's store may mean other things by the same bytes. */
	fmt = sp_lmstore_meta_get(s, "format", fbuf, sizeof fbuf);
	have = sp_lmstore_meta_get(s, "params", buf, sizeof buf);
	if ((fmt != NULL || have != NULL) &&
	    (fmt == NULL || strcmp(fmt, format) != 0))
		sp_die(dir, "the store's format is \"%s\"; this %s reads "
		    "\"%s\": use a store made by this version",
		    fmt ? fmt : "(none)", sp_progname, format);
	if (fmt == NULL && !readonly) {
		strftime(tbuf, sizeof tbuf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		sp_lmstore_meta_put(s, "format", format);
		if (params)
			sp_lmstore_meta_put(s, "params", params);
		sp_lmstore_meta_put(s, "created", tbuf);
	} else if (params && have != NULL && strcmp(have, params) != 0) {
		sp_die(dir, "the store was made with \"%s\"; this run is "
		    "\"%s\": use a store made with the same options", have,
		    params);
	}
	if (!readonly) {
		pending = s;
		atexit(at_exit);
		sp_catch_signals(on_signal);
	}
	return s;
}

void
sp_lmstore_commit(struct sp_lmstore *s, const char *did)
{
	char buf[256], tbuf[64];
	unsigned long long runs = 0;
	time_t now = time(NULL);
	int rc;

	if (s->readonly) {
		sp_lmstore_close(s);
		return;
	}
	if (sp_lmstore_meta_get(s, "runs", buf, sizeof buf))
		runs = strtoull(buf, NULL, 10);
	snprintf(buf, sizeof buf, "%llu", runs + 1);
	sp_lmstore_meta_put(s, "runs", buf);
	strftime(tbuf, sizeof tbuf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	snprintf(buf, sizeof buf, "%s, %s", tbuf, did);
	sp_lmstore_meta_put(s, "last-run", buf);
	rc = mdb_txn_commit(s->txn);
	s->txn = NULL;
	if (rc) {
		pending_why = "the commit failed";
		sp_lmstore_fail(s, "committing", rc);
	}
	pending = NULL;
	sp_lmstore_close(s);
}

void
sp_lmstore_close(struct sp_lmstore *s)
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
