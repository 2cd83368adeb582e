/* sorted.c: sorted runs merged into one stream; see sorted.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "sorted.h"
#include "spool.h"
#include "tool.h"
#include "stream.h"

#define CHUNK		16384
#define LINE_MAX_LEN	((size_t)1 << 20)	/* key lines are short */

/* A sorted piece of an operand: bytes [pos, end) of fd. */
struct run {
	int fd;
	const char *file;
	off_t pos, end;
	uint64_t lineno;	/* of the line in line */
	char *buf;		/* read ahead: buf[off..len) */
	size_t off, len;
	struct sp_buf line;
	size_t key_len;
};

struct sorted {
	struct run *run;
	size_t nrun;
	size_t *heap;		/* run numbers, least line first */
	size_t nheap;
	int *fds;		/* to close */
	size_t nfd;
	struct sp_buf out;	/* the line handed out */
};

static size_t
key_len(const char *s, size_t n)
{
	const char *t = memchr(s, '\t', n);

	return t ? (size_t)(t - s) : n;
}

static int
key_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	return c ? c : (na > nb) - (na < nb);
}

/*
 * Reads the next line of r into r->line.  Returns 1, or 0 at the end of
 * the run.
 */
static int
run_line(struct run *r)
{
	char *nl;
	ssize_t n;
	size_t take;

	sp_buf_clear(&r->line);
	if (sp_buf_reserve(&r->line, 1) < 0)
		sp_oom();
	for (;;) {
		if (r->off < r->len) {
			nl = memchr(r->buf + r->off, '\n', r->len - r->off);
			take = nl ? (size_t)(nl - (r->buf + r->off)) :
			    r->len - r->off;
			if (r->line.len + take > LINE_MAX_LEN)
				sp_die(r->file, "line %llu is longer than %zu "
				    "bytes: not a key stream",
				    (unsigned long long)r->lineno + 1,
				    LINE_MAX_LEN);
			if (sp_buf_append(&r->line, r->buf + r->off, take) < 0)
				sp_oom();
			r->off += take;
			if (nl) {
				r->off++;
				break;
			}
		}
		if (r->pos >= r->end) {
			if (r->line.len == 0 && r->off >= r->len)
				return 0;
			break;		/* a last line without its newline */
		}
		take = r->end - r->pos < CHUNK ? (size_t)(r->end - r->pos) :
		    CHUNK;
		n = pread(r->fd, r->buf, take, r->pos);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			sp_die(r->file, "%s", strerror(errno));
		if (n == 0)
			sp_die(r->file, "the file shrank while read");
		r->pos += n;
		r->off = 0;
		r->len = (size_t)n;
	}
	if (r->line.len && r->line.data[r->line.len - 1] == '\r')
		r->line.data[--r->line.len] = '\0';
	r->lineno++;
	r->key_len = key_len(r->line.data ? r->line.data : "", r->line.len);
	return 1;
}

static void
add_run(struct sorted *s, int fd, const char *file, off_t start, off_t end,
    uint64_t lineno, size_t max_runs)
{
	struct run *r;

	if (s->nrun == max_runs)
		sp_die(file, "not sorted: more than %zu sorted runs; sort the "
		    "keys with LC_ALL=C sort", max_runs);
	s->run = sp_xrealloc(s->run, (s->nrun + 1) * sizeof *s->run);
	r = &s->run[s->nrun++];
	memset(r, 0, sizeof *r);
	r->fd = fd;
	r->file = file;
	r->pos = start;
	r->end = end;
	r->lineno = lineno;
}

/* Cuts the file open on fd into its sorted runs. */
static void
scan(struct sorted *s, int fd, const char *file, size_t max_runs)
{
	struct run r;
	struct sp_buf prev = SP_BUF_INIT;
	off_t size, start = 0, line_start;
	uint64_t lineno = 0, run_lineno = 0;
	struct stat st;

	if (fstat(fd, &st) < 0)
		sp_die(file, "%s", strerror(errno));
	size = st.st_size;
	memset(&r, 0, sizeof r);
	r.fd = fd;
	r.file = file;
	r.end = size;
	r.buf = sp_xmalloc(CHUNK);
	for (;;) {
		line_start = r.pos - (off_t)(r.len - r.off);
		if (!run_line(&r))
			break;
		if (lineno > 0 && key_cmp(r.line.data, r.key_len, prev.data,
		    prev.len) < 0) {
			add_run(s, fd, file, start, line_start, run_lineno,
			    max_runs);
			start = line_start;
			run_lineno = lineno;
		}
		lineno++;
		sp_buf_clear(&prev);
		if (sp_buf_append(&prev, r.line.data, r.key_len) < 0 ||
		    sp_buf_reserve(&prev, 1) < 0)
			sp_oom();
	}
	if (start < size)
		add_run(s, fd, file, start, size, run_lineno, max_runs);
	sp_buf_free(&prev);
	sp_buf_free(&r.line);
	free(r.buf);
}

static int
less(const struct sorted *s, size_t a, size_t b)
{
	const struct run *x = &s->run[a], *y = &s->run[b];
	int c = key_cmp(x->line.data, x->key_len, y->line.data, y->key_len);

	return c < 0 || (c == 0 && a < b);
}

static void
sift_down(struct sorted *s, size_t i)
{
	size_t l, m, t;

	for (;;) {
		l = 2 * i + 1;
		m = i;
		if (l < s->nheap && less(s, s->heap[l], s->heap[m]))
			m = l;
		if (l + 1 < s->nheap && less(s, s->heap[l + 1], s->heap[m]))
			m = l + 1;
		if (m == i)
			return;
		t = s->heap[i];
		s->heap[i] = s->heap[m];
		s->heap[m] = t;
		i = m;
	}
}

/* The merge being opened: reachable when an error ends the program. */
static struct sorted *opening;

struct sorted *
sorted_open(int argc, char **argv, size_t max_runs)
{
	struct sorted *s = opening = sp_xmalloc(sizeof *s);
	const char *display, *what;
	struct stat st;
	size_t i;
	int fd, c;

	memset(s, 0, sizeof *s);
	argv = sp_operands(&argc, argv);
	s->fds = sp_xmalloc((size_t)argc * sizeof *s->fds);
	for (i = 0; i < (size_t)argc; i++) {
		if ((fd = sp_open_input(argv[i], &display)) < 0)
			sp_die(NULL, "cannot join without all the keys");
		if (fstat(fd, &st) < 0)
			sp_die(display, "%s", strerror(errno));
		if (S_ISDIR(st.st_mode))
			sp_die(display, "%s", strerror(EISDIR));
		if (!S_ISREG(st.st_mode)) {
			/* A pipe: read it once, into a file. */
			if ((c = sp_spool(fd, &what)) < 0)
				sp_die(display, "%s: %s", what,
				    strerror(errno));
			sp_close_input(fd);
			fd = c;
		}
		s->fds[s->nfd++] = fd;
		scan(s, fd, display, max_runs);
	}
	s->heap = sp_xmalloc((s->nrun ? s->nrun : 1) * sizeof *s->heap);
	for (i = 0; i < s->nrun; i++) {
		s->run[i].buf = sp_xmalloc(CHUNK);
		if (run_line(&s->run[i]))
			s->heap[s->nheap++] = i;
	}
	for (i = s->nheap; i-- > 0;)
		sift_down(s, i);
	return s;
}

int
sorted_next(struct sorted *s, const char **line, size_t *len,
    const char **file, uint64_t *lineno)
{
	struct run *r;

	if (s->nheap == 0)
		return 0;
	r = &s->run[s->heap[0]];
	/* The run's buffer moves on below: hand out a copy. */
	sp_buf_clear(&s->out);
	if (sp_buf_append(&s->out, r->line.data, r->line.len) < 0 ||
	    sp_buf_reserve(&s->out, 1) < 0)
		sp_oom();
	*line = s->out.data;
	*len = s->out.len;
	*file = r->file;
	*lineno = r->lineno;
	if (!run_line(r))
		s->heap[0] = s->heap[--s->nheap];
	sift_down(s, 0);
	return 1;
}

size_t
sorted_runs(const struct sorted *s)
{
	return s->nrun;
}

void
sorted_free(struct sorted *s)
{
	size_t i;

	for (i = 0; i < s->nrun; i++) {
		sp_buf_free(&s->run[i].line);
		free(s->run[i].buf);
	}
	for (i = 0; i < s->nfd; i++)
		close(s->fds[i]);
	free(s->fds);
	sp_buf_free(&s->out);
	free(s->run);
	free(s->heap);
	if (opening == s)
		opening = NULL;
	free(s);
}
