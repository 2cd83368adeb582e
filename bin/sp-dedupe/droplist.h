/*
 * droplist.h: the positions --drop-positions drops, read from the file
 * --join wrote: one position a line, in order.  The file is read as the
 * shards are, never held in memory; asking for a position before one
 * asked already (an operand of a lower shard number) reads it again from
 * the start.  Errors are fatal (sp_die), naming the file and line.
 */
#ifndef DEDUPE_DROPLIST_H
#define DEDUPE_DROPLIST_H
#include <stdint.h>

struct droplist;

struct droplist *droplist_open(const char *path);
/* Whether pos is listed. */
int droplist_has(struct droplist *l, uint64_t pos);
/*
 * At the end of a shard of units units: a position listed past them means
 * the list was made for other input (or another --shard), which is fatal.
 */
void droplist_end(struct droplist *l, uint64_t shard, uint64_t units);
void droplist_close(struct droplist *l);

#endif
