/* spool.c: input copied to a temporary file; see spool.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spool.h"

int
sp_spool_new(const char **what)
{
	char path[4096];
	const char *dir = getenv("TMPDIR");
	int t;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	*what = "creating a temporary file";
	if ((size_t)snprintf(path, sizeof path, "%s/sp-dedupe.XXXXXX", dir) >=
	    sizeof path)
		return errno = ENAMETOOLONG, -1;
	if ((t = mkstemp(path)) < 0)
		return -1;
	unlink(path);
	return t;
}

int
sp_spool_write(int fd, const void *p, size_t n)
{
	const char *c = p;
	ssize_t w;

	while (n > 0) {
		w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

int
sp_spool(int fd, const char **what)
{
	char buf[65536];
	ssize_t n;
	int t, e;

	if ((t = sp_spool_new(what)) < 0)
		return -1;
	for (;;) {
		n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*what = "reading";
			goto fail;
		}
		if (n == 0)
			break;
		if (sp_spool_write(t, buf, (size_t)n) < 0) {
			*what = "writing a temporary file";
			goto fail;
		}
	}
	if (lseek(t, 0, SEEK_SET) < 0) {
		*what = "rewinding a temporary file";
		goto fail;
	}
	return t;
fail:
	e = errno;
	close(t);
	errno = e;
	return -1;
}
