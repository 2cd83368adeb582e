/*
 * params.h: a run's mode and parameters in words, as the store records
 * them and as --emit-keys writes them in each shard's header; runs that
 * would judge alike have the same words.
 */
#ifndef DEDUPE_PARAMS_H
#define DEDUPE_PARAMS_H
#include <stddef.h>

#include "dedupe.h"
#include "reader.h"

/* What the store records: "unit=lines mode=exact" and the like. */
void params_store(char *buf, size_t len, const struct dedupe *d,
    enum sp_framing unit);
/*
 * What the keys need besides: the least number of equal signature values
 * that makes a duplicate (as mh_similarity() >= T decides it),
 * --min-chars and --drop-all.
 */
void params_keys(char *buf, size_t len, const struct dedupe *d,
    enum sp_framing unit);

#endif
