/*
 * store.h: the LMDB store of fingerprints that cron runs share.
 *
 * A run opens the store, and unless read-only, takes its lock at once and
 * holds one LMDB write transaction to the end: what the run adds is seen
 * by its own lookups at once, by other processes only when store_commit()
 * commits everything in one transaction.  A run that dies first leaves the
 * store exactly as it was, because LMDB never changes its committed pages.
 * A second run waits for the lock, or with nowait gives up.
 *
 * The store holds: meta (the parameters it was made with, run counts),
 * fp (fingerprints of whole units), passage (of passages, for
 * --contained), sig (near-mode signatures by number) and band (band keys
 * to signature numbers).  Errors are fatal (sp_die), naming the store.
 */
#ifndef DEDUPE_STORE_H
#define DEDUPE_STORE_H
#include <stdint.h>

#include "hashset.h"
#include "minhash.h"

struct store;

enum { STORE_FP, STORE_PASSAGE };

/* params: the run's mode and parameters, compared with the store's. */
struct store *store_open(const char *dir, int readonly, int nowait,
    const char *params);
int store_has(struct store *s, int which, struct fp k);
void store_put(struct store *s, int which, struct fp k);
/* Adds a kept unit's signature under its band keys. */
void store_put_sig(struct store *s, const uint32_t sig[MH_PERMS],
    const uint64_t *band_keys, int bands);
/*
 * Calls fn with each stored signature under band key, until fn returns
 * non-zero; returns that value or 0.
 */
int store_each_sig(struct store *s, uint64_t band_key,
    int (*fn)(const uint32_t *sig, uint64_t id, void *), void *ctx);
/* Commits the run's additions (a no-op when read-only); fatal on error. */
void store_commit(struct store *s, uint64_t units_added);
/* Ends the run without changing the store. */
void store_close(struct store *s);
/* What was added in this run. */
uint64_t store_added(const struct store *s);
/*
 * Merges the stores src[0..n) into dst, made if missing: fingerprints and
 * passages are united, signatures added once each (renumbered).  Stores
 * made with other parameters or of another format are refused before
 * anything is written; dst is changed in one transaction, or, when it did
 * not exist, made aside and renamed into place: on any failure it is left
 * as it was.  Merging again what dst holds changes nothing.  Returns the
 * exit status; errors are fatal.
 */
int store_merge(const char *dst, int n, char **src, int nowait);
/* Prints what the store at dir holds to stdout; returns the exit status. */
int store_info(const char *dir);

#endif
