/*
 * emit.h: --emit-keys, the map step of the dedupe across machines.
 *
 * For each unit it writes what a single run would judge it by, as lines
 * "KEY<TAB>POSITION" for sort(1) or a Hadoop shuffle: in exact and
 * normalized modes one line keyed by the 128-bit fingerprint (32 hex
 * digits); in near mode a line keyed by "#" and a 128-bit digest of the
 * signature, one line per LSH band keyed by the band key (16 hex digits),
 * and one "~POSITION<TAB>SIGNATURE" line.  With a store, a unit it holds
 * also has a line keyed KEYS_STORED.  A unit shorter than
 * --min-chars has no keys (it is never a duplicate), nor in near mode a
 * unit over --max-unit (a single run passes it unjudged).  Each shard's
 * keys open with a header, KEYS_HEADER "<TAB>shard=N PARAMS", by which
 * --join checks that all shards were mapped alike.
 */
#ifndef DEDUPE_EMIT_H
#define DEDUPE_EMIT_H
#include "dedupe.h"
#include "options.h"
#include "stream.h"

struct emit {
	struct dedupe *d;
	int shard_base;		/* the first operand's shard number */
	const char *params;	/* the run's parameters, for the header */
	struct piecewise big;	/* a unit over --max-unit, exact modes */
	struct sp_buf out;
	uint64_t units, keyed, lines, stored;
};

/* Runs the program --emit-keys; returns the exit status. */
int emit_main(const struct options *o);
/* Writes the keys of the operands argv[0..argc) ("-" when none). */
void emit_files(struct emit *e, int argc, char **argv, enum sp_framing unit);
/* The sp_each_unit() callbacks emit_files() uses; ctx is a struct emit. */
int emit_unit(const struct sp_input_unit *in, void *ctx);
void emit_header(const char *file, int index, void *ctx);
void emit_free(struct emit *e);

#endif
