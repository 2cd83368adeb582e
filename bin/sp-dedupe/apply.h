/*
 * apply.h: --drop-positions FILE: writes the operands' units but those
 * at the positions listed in FILE (--join's output), or with --duplicates
 * only those.
 */
#ifndef DEDUPE_APPLY_H
#define DEDUPE_APPLY_H
#include "options.h"

/* Runs the program; returns the exit status. */
int apply_main(const struct options *o);

#endif
