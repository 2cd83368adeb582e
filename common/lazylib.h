/*
 * lazylib.h: a shared library that a tool loads at its first use of it
 * (dlopen), not at its start.  sp-clean links a dozen libraries, and a
 * run maps and relocates each before main(): libxml2 (with ICU, lzma and
 * zlib) took 1.5 ms of each start, though only HTML pages use it, and
 * OpenCC 0.65 ms, though only --to-simplified and --to-traditional do.
 *
 * The Makefile names the library by the name it gives itself (its
 * SONAME, read from the one pkg-config finds), so that the run loads the
 * library the build compiled against.  The functions are declared by the
 * library's own header; a tool keeps a pointer of that type to each
 * (__typeof__(fn) *) and lists their names and addresses.
 */
#ifndef SP_LAZYLIB_H
#define SP_LAZYLIB_H

#include <pthread.h>
#include <stddef.h>

struct sp_lazylib {
	const char *soname;
	const char *const *names;	/* the functions, NULL-terminated */
	void *const *slots;		/* the address of each one's pointer */
	pthread_mutex_t lock;
	int state;			/* 0: not tried, 1: loaded, -1: not;
					   read and written atomically */
	char why[256];			/* why not, when not */
};

#define SP_LAZYLIB_INIT(soname, names, slots) \
	{ (soname), (names), (slots), PTHREAD_MUTEX_INITIALIZER, 0, "" }

/*
 * Loads l's library and sets each pointer, the first time; then says the
 * same.  0, or -1 with the reason in l->why (the dynamic loader's, or the
 * function the library lacks).  Threads may call it side by side.
 */
int sp_lazylib_load(struct sp_lazylib *l);

#endif
