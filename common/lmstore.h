/*
 * lmstore.h: an LMDB store that cron runs share (sp-dedupe's fingerprints,
 * sp-clean's furniture counts).  Part of the tool layer, like tool.h:
 * errors are fatal (sp_die), naming the store.
 *
 * A run opens the store and, unless read-only, takes its lock at once and
 * holds one LMDB write transaction to the end: what the run adds is seen
 * by its own lookups at once, by other processes only when
 * sp_lmstore_commit() commits everything in one transaction.  A run that
 * dies first leaves the store exactly as it was, because LMDB never
 * changes its committed pages; it says so on standard error.  A second
 * run waits for the lock, or with nowait gives up.
 *
 * Every store has a "meta" table: the tool and format that made it
 * (another tool's or version's store is refused), the parameters it was
 * made with, when it was made, how many runs committed and the last one.
 */
#ifndef SP_LMSTORE_H
#define SP_LMSTORE_H
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include <lmdb.h>

struct sp_lmstore {
	const char *dir;
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi meta;
	int readonly;
	int empty;	/* read-only, and no run ever committed */
	int lockfd;
};

/*
 * Opens (making it if missing, unless readonly) the store at dir for a
 * run of tool: its meta must say format (or the store be new) and, when
 * params is not NULL, have been made with params.
 */
struct sp_lmstore *sp_lmstore_open(const char *dir, const char *format,
    const char *params, int readonly, int nowait);
/* A table of the store (made when missing); 0 for an empty store. */
MDB_dbi sp_lmstore_table(struct sp_lmstore *s, const char *name,
    unsigned flags);
/* A meta value as a C string in buf, or NULL when absent. */
const char *sp_lmstore_meta_get(struct sp_lmstore *s, const char *key,
    char *buf, size_t len);
void sp_lmstore_meta_put(struct sp_lmstore *s, const char *key,
    const char *val);
/* Commits the run, counting it with what it did (a short phrase). */
void sp_lmstore_commit(struct sp_lmstore *s, const char *did);
/* Ends the run without changing the store. */
void sp_lmstore_close(struct sp_lmstore *s);
noreturn void sp_lmstore_fail(const struct sp_lmstore *s, const char *what,
    int rc);

/* Big-endian numbers, so that keys sort as numbers. */
void sp_put_be64(unsigned char *p, uint64_t v);
uint64_t sp_get_be64(const unsigned char *p);

#endif
