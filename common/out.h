/*
 * out.h: buffered output to a file descriptor with every error reported.
 *
 * A full disk or a closed pipe must not pass silently, so each call returns
 * -1 with errno set when a write fails, and sp_out_flush() must be called
 * (and checked) before the descriptor is closed.
 */
#ifndef SP_OUT_H
#define SP_OUT_H
#include <stddef.h>

struct sp_out {
	int fd;
	char *buf;
	size_t len;
	size_t cap;
	int error;	/* errno of the first failed write, sticky */
};

/* Returns 0, or -1 when out of memory. */
int  sp_out_init(struct sp_out *o, int fd, size_t cap);
int  sp_out_write(struct sp_out *o, const void *p, size_t n);
int  sp_out_putc(struct sp_out *o, int c);
int  sp_out_flush(struct sp_out *o);
void sp_out_free(struct sp_out *o);

#endif
