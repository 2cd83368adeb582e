/* spool.c: input copied to a temporary file; see spool.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spool.h"

int
spool(int fd, const char **what)
{
	char path[4096], buf[65536];
	const char *dir = getenv("TMPDIR");
	ssize_t n, w, off;
	int t, e;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	*what = "creating a temporary file";
	if ((size_t)snprintf(path, sizeof path, "%s/sp-dedupe.XXXXXX", dir) >=
	    sizeof path)
		return errno = ENAMETOOLONG, -1;
	if ((t = mkstemp(path)) < 0)
		return -1;
	unlink(path);
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
		for (off = 0; off < n; off += w) {
			w = write(t, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				w = 0;
			else if (w < 0) {
				*what = "writing a temporary file";
				goto fail;
			}
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
