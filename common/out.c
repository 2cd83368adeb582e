/* out.c: checked buffered output; see out.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out.h"

int
sp_out_init(struct sp_out *o, int fd, size_t cap)
{
	o->fd = fd;
	o->len = 0;
	o->cap = cap ? cap : (size_t)128 << 10;
	o->error = 0;
	if ((o->buf = malloc(o->cap)) == NULL)
		return -1;
	return 0;
}

static int
write_all(struct sp_out *o, const char *p, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = write(o->fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			o->error = errno;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

int
sp_out_flush(struct sp_out *o)
{
	if (o->error) {
		errno = o->error;
		return -1;
	}
	if (o->len && write_all(o, o->buf, o->len) < 0)
		return -1;
	o->len = 0;
	return 0;
}

int
sp_out_write(struct sp_out *o, const void *p, size_t n)
{
	if (o->error) {
		errno = o->error;
		return -1;
	}
	if (o->len + n > o->cap) {
		if (sp_out_flush(o) < 0)
			return -1;
		if (n >= o->cap)
			return write_all(o, p, n);
	}
	memcpy(o->buf + o->len, p, n);
	o->len += n;
	return 0;
}

int
sp_out_putc(struct sp_out *o, int c)
{
	char ch = (char)c;

	if (o->len < o->cap && !o->error) {
		o->buf[o->len++] = ch;
		return 0;
	}
	return sp_out_write(o, &ch, 1);
}

void
sp_out_free(struct sp_out *o)
{
	free(o->buf);
	o->buf = NULL;
}
