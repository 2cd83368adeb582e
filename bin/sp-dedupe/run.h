/*
 * run.h: the program sp-dedupe runs by default: each unit judged against
 * what came before it (and the store), written as soon as it is judged,
 * kept or, with --duplicates, dropped.  --drop-all reads its input twice:
 * see twopass.c.
 */
#ifndef DEDUPE_RUN_H
#define DEDUPE_RUN_H
#include <stdint.h>
#include <stdio.h>

#include "dedupe.h"
#include "options.h"
#include "stream.h"

struct run {
	struct dedupe dd;
	int duplicates;		/* write what is dropped, not what is kept */
	int file_base;		/* operand number of the sp_each_unit call */
	const char **names;	/* operands' names in --report */
	FILE *report;
	uint64_t n_read, n_unjudged, n_store, n_reason[NREASONS];
	/*
	 * A unit longer than --max-unit, in exact and normalized modes:
	 * spooled to a temporary file as its fingerprint is made piece by
	 * piece, written back from there once judged.
	 */
	int big_fd;
	uint64_t big_pos;
	struct piecewise big;
};

/* Runs the program; returns the exit status. */
int run_main(const struct options *o);
/* The sp_each_unit() callback that judges a unit; ctx is a struct run. */
int run_unit(const struct sp_input_unit *in, void *ctx);
/* Writes a unit back as it came: a record whole, else in the framing. */
void run_write(const struct sp_input_unit *in);
/* --drop-all: counts the operands' units, then judges them. */
void two_passes(struct run *r, int argc, char **argv, enum sp_framing unit);

#endif
