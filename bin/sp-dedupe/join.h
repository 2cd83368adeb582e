/*
 * join.h: --join, the reduce step of the dedupe across machines.
 *
 * It reads the key stream of --emit-keys after sort(1) has brought the
 * lines of each key together, and writes the positions a single run over
 * the concatenated shards would drop, one a line, in input order.  Exact
 * and normalized modes: every position of a fingerprint but the first (or,
 * with --drop-all, all of them when there are enough).  Near mode: the
 * units sharing a band key are candidate pairs, as in a single run; each
 * pair is confirmed on the two whole signatures; then, as a single run
 * keeps a unit unless it is similar to an earlier unit it KEPT, the units
 * are swept in input order and a unit is dropped when a confirmed partner
 * before it is still kept.  Memory: the largest key group, the candidate
 * pairs, and the signatures of the units in them.
 */
#ifndef DEDUPE_JOIN_H
#define DEDUPE_JOIN_H

/*
 * Joins the operands' keys, writing to stdout; returns the exit status.
 * expect, when not NULL, is the parameters the keys must have been made
 * with.
 */
int join_run(int argc, char **argv, const char *expect);

#endif
