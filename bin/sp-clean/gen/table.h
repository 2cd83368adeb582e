/*
 * table.h: what the table generators of gen/ (table-*.c, run by the
 * Makefile at build time; see lmtable.h) share: reading a data file
 * whole, writing a table, failing the build with a message.
 */
#ifndef SP_CLEAN_GEN_TABLE_H
#define SP_CLEAN_GEN_TABLE_H
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lmtable.h"

static const char *table_prog = "table";

/* Reports what went wrong with path and exits 1: the build stops. */
static void
table_fail(const char *path, const char *what)
{
	fprintf(stderr, "%s: %s: %s\n", table_prog, path, what);
	exit(1);
}

/* The bytes of the file at path, *len of them. */
static unsigned char *
table_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL, *q;
	size_t cap = 0, got;

	if (f == NULL)
		table_fail(path, strerror(errno));
	*len = 0;
	for (;;) {
		if (*len == cap) {
			cap = cap ? 2 * cap : 1 << 20;
			if ((q = realloc(p, cap)) == NULL)
				table_fail(path, "out of memory");
			p = q;
		}
		if ((got = fread(p + *len, 1, cap - *len, f)) == 0)
			break;
		*len += got;
	}
	if (ferror(f))
		table_fail(path, strerror(errno));
	fclose(f);
	return p;
}

/*
 * A generator's start: names it prog for its messages, and returns the
 * bytes of the data file its command line names (prog IN OUT), *len of
 * them; a wrong command line exits 2.
 */
static unsigned char *
table_start(int argc, char **argv, const char *prog, size_t *len)
{
	table_prog = prog;
	if (argc != 3) {
		fprintf(stderr, "usage: %s IN OUT\n", prog);
		exit(2);
	}
	return table_read(argv[1], len);
}

/*
 * The header of a model file of gen/ (mkwordlm.py, mkwordbigram.py,
 * mkcharlm.py): its magic, six bytes ("SPWL1\n"), then ncounts counts of
 * 32 bits, little-endian, into counts[].  A file that is not one (what
 * it should be, for the message) stops the build; returns the bytes after
 * the header.
 */
static inline const unsigned char *
table_header(const unsigned char *file, size_t len, const char *path,
    const char *magic, const char *what, uint32_t *counts, unsigned ncounts)
{
	char msg[96];
	unsigned k;

	if (len < 6 + 4 * (size_t)ncounts || memcmp(file, magic, 6) != 0) {
		snprintf(msg, sizeof msg, "not a %s (%.5s)", what, magic);
		table_fail(path, msg);
	}
	for (k = 0; k < ncounts; k++)
		counts[k] = lm_u32(file + 6 + 4 * k);
	return file + 6 + 4 * (size_t)ncounts;
}

/* A zeroed table of len bytes. */
static unsigned char *
table_new(size_t len)
{
	unsigned char *t = calloc(len, 1);

	if (t == NULL)
		table_fail("table", "out of memory");
	return t;
}

/* Writes t[0..len) to path, whole or not at all. */
static void
table_write(const char *path, const unsigned char *t, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		table_fail(path, strerror(errno));
	if (fwrite(t, 1, len, f) != len || fclose(f) != 0) {
		remove(path);
		table_fail(path, "cannot write");
	}
}

/*
 * Puts key in the open-addressed table keys[0..size) of 64-bit keys (0:
 * an empty slot), as the tool looks it up (lmtable.h), and returns its
 * slot.
 */
static inline size_t
table_put_key(unsigned char *keys, uint64_t size, uint64_t key)
{
	size_t h;

	for (h = lm_slot(key, size - 1); lm_u64_native(keys + 8 * h);
	    h = (h + 1) & (size - 1))
		;
	memcpy(keys + 8 * h, &key, sizeof key);
	return h;
}

/* The 64-bit number v at p, in the machine's order. */
static inline void
table_put_u64(unsigned char *p, uint64_t v)
{
	memcpy(p, &v, sizeof v);
}

static inline void
table_put_u32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, sizeof v);
}

#endif
