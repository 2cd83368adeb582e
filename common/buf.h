/*
 * buf.h: a growable byte buffer.
 *
 * The caller owns the struct and frees data with sp_buf_free().  Functions
 * returning int give 0 on success and -1 when memory is exhausted (errno is
 * ENOMEM); the buffer is then unchanged.  data is always NUL-terminated when
 * non-NULL, so text can be handed to C string functions.
 */
#ifndef SP_BUF_H
#define SP_BUF_H
#include <stddef.h>

struct sp_buf {
	char *data;
	size_t len;
	size_t cap;
};

#define SP_BUF_INIT { NULL, 0, 0 }

int  sp_buf_reserve(struct sp_buf *b, size_t extra);
int  sp_buf_append(struct sp_buf *b, const void *p, size_t n);
int  sp_buf_putc(struct sp_buf *b, int c);
int  sp_buf_puts(struct sp_buf *b, const char *s);
/* Appends the UTF-8 encoding of code point cp. */
int  sp_buf_put_cp(struct sp_buf *b, long cp);
void sp_buf_clear(struct sp_buf *b);
/*
 * Asks for transparent huge pages over the 2 MiB-aligned part of p[0..n)
 * when it spans several: a document of tens of megabytes then costs a few
 * dozen page faults instead of tens of thousands.  Buffers call it as they
 * grow; other large allocations may too.
 */
#define SP_HUGE	((size_t)2 << 20)
void sp_huge_pages(void *p, size_t n);
void sp_buf_free(struct sp_buf *b);

#endif
