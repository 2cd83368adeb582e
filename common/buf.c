/* buf.c: growable byte buffer; see buf.h. */
#include <sys/mman.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

int
sp_buf_reserve(struct sp_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > SIZE_MAX - b->len - 1) {
		errno = ENOMEM;
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		return -1;
	b->data = p;
	b->cap = cap;
	sp_huge_pages(p, cap);
	return 0;
}

void
sp_huge_pages(void *p, size_t n)
{
	uintptr_t a = (uintptr_t)p & ~(uintptr_t)4095;
	uintptr_t e = ((uintptr_t)p + n + 4095) & ~(uintptr_t)4095;

	/*
	 * The whole pages of the allocation, so that a mapping of its own
	 * is not split (realloc could then no longer move it with mremap).
	 * Advice only: a kernel without THP refuses it, and nothing changes.
	 */
	if (n >= 2 * SP_HUGE)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
}

int
sp_buf_append(struct sp_buf *b, const void *p, size_t n)
{
	if (sp_buf_reserve(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int
sp_buf_putc(struct sp_buf *b, int c)
{
	char ch = (char)c;

	return sp_buf_append(b, &ch, 1);
}

int
sp_buf_puts(struct sp_buf *b, const char *s)
{
	return sp_buf_append(b, s, strlen(s));
}

int
sp_buf_put_cp(struct sp_buf *b, long cp)
{
	char tmp[4];

	return sp_buf_append(b, tmp, sp_utf8_encode(cp, tmp));
}

void
sp_buf_clear(struct sp_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
sp_buf_free(struct sp_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
