/*
 * storeimpl.h: the inside of the store (store.c), shared with
 * storemerge.c, which copies between stores; nothing else uses it.
 */
#ifndef DEDUPE_STOREIMPL_H
#define DEDUPE_STOREIMPL_H
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include <lmdb.h>

#define STORE_FORMAT "sp-dedupe store 1"

struct store {
	const char *dir;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi meta, fp, passage, sig, band;
	int readonly;
	int empty;		/* read-only, and nothing was ever committed */
	int lockfd;
	uint64_t next_id;	/* the next signature number */
	uint64_t added;		/* records added in this run */
};

/*
 * Opens the store at dir with a transaction begun; unless read-only,
 * makes the directory, takes the lock (waiting unless nowait) and creates
 * the tables.
 */
struct store *store_open_env(const char *dir, int readonly, int nowait);
/* A meta value as a C string in buf, or NULL when absent. */
const char *store_meta_get(struct store *s, const char *key, char *buf,
    size_t len);
void store_meta_put(struct store *s, const char *key, const char *val);
/* Reports an LMDB error naming the store, and exits 2. */
noreturn void store_fail(const struct store *s, const char *what, int rc);
void store_put_be64(unsigned char *p, uint64_t v);
uint64_t store_get_be64(const unsigned char *p);

#endif
