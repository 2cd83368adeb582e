/*
 * spool.h: a copy of an input in an unlinked temporary file, for a second
 * pass over input that cannot be read twice (sp-dedupe --drop-all,
 * sp-clean counting furniture).
 */
#ifndef SP_SPOOL_H
#define SP_SPOOL_H
#include <stddef.h>

/*
 * Copies fd to its end into a new temporary file in $TMPDIR (or /tmp),
 * already unlinked.  Returns the file's descriptor, positioned at 0, or -1
 * with errno set; *what then says which side failed ("reading" or
 * "writing the temporary file").
 */
int sp_spool(int fd, const char **what);
/* A new, empty, unlinked temporary file; -1 with errno and *what. */
int sp_spool_new(const char **what);
/* Writes all of p[0..n) to fd; -1 with errno on failure. */
int sp_spool_write(int fd, const void *p, size_t n);

#endif
