/*
 * sorted.h: the lines of sorted inputs, merged into one sorted stream.
 *
 * --join reads what sort(1) or a Hadoop shuffle made of --emit-keys
 * output: one sorted file, several (one per reducer or per shard), or
 * their concatenation.  Each operand is cut into its sorted runs (a run
 * ends where a line's key is less than the one before) and the runs are
 * merged as sort -m merges files, so the lines of one key come together
 * however the sorted pieces arrived.  A key is the line up to its first
 * tab, compared as bytes (the order of LC_ALL=C sort).  Standard input and
 * pipes are copied to a temporary file first, to be read twice.  Memory:
 * a buffer per run; more than max_runs runs is refused as unsorted input.
 * Errors are fatal (sp_die), naming the file.
 */
#ifndef DEDUPE_SORTED_H
#define DEDUPE_SORTED_H
#include <stddef.h>
#include <stdint.h>

struct sorted;

/* Opens operands argv[0..argc) ("-" or none: standard input). */
struct sorted *sorted_open(int argc, char **argv, size_t max_runs);
/*
 * The next line, without its newline (or CR LF), valid until the next
 * call; *file and *lineno say where it was.  Returns 1, or 0 at the end.
 */
int sorted_next(struct sorted *s, const char **line, size_t *len,
    const char **file, uint64_t *lineno);
/* Runs found in all operands (1 for one sorted input). */
size_t sorted_runs(const struct sorted *s);
void sorted_free(struct sorted *s);

#endif
