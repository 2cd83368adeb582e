/* decode.c: an operand's bytes as a UTF-8 stream (step 1); see decode.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decode.h"
#include "text.h"

#define HEAD (64 * 1024)
/* The most read for a head when it is ASCII alone. */
#define HEAD_MAX (1024 * 1024)

/* Is s[0..n) ASCII alone? */
static int
all_ascii(const unsigned char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] >= 0x80)
			return 0;
	return 1;
}
#define BLOCK (64 * 1024)

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The feeder: the head, then the rest of the operand, into the pipe. */
static void *
feed(void *arg)
{
	struct decode *d = arg;
	struct sp_buf out = SP_BUF_INIT;
	char *block = malloc(BLOCK);
	ssize_t r;
	int eof = 0, ok = 1;

	if (block == NULL)
		sp_oom();
	if (d->conv) {
		if (sp_conv_feed(d->conv, (char *)d->head + d->headpos,
		    d->headlen - d->headpos, 0, &out) < 0)
			sp_oom();
		ok = write_all(d->wfd, out.data ? out.data : "", out.len) == 0;
	} else {
		ok = write_all(d->wfd, (char *)d->head + d->headpos,
		    d->headlen - d->headpos) == 0;
	}
	while (ok && !eof) {
		r = read(d->src, block, BLOCK);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			d->read_errno = errno;
			r = 0;
		}
		eof = r == 0;
		if (d->conv) {
			sp_buf_clear(&out);
			if (sp_conv_feed(d->conv, block, (size_t)r, eof,
			    &out) < 0)
				sp_oom();
			ok = write_all(d->wfd, out.data ? out.data : "",
			    out.len) == 0;
		} else {
			ok = write_all(d->wfd, block, (size_t)r) == 0;
		}
	}
	if (d->conv)
		d->invalid = sp_conv_invalid(d->conv, &d->first_invalid);
	close(d->wfd);
	sp_buf_free(&out);
	free(block);
	return NULL;
}

static enum decode_result
start_thread(struct decode *d)
{
	int p[2];

	if (pipe(p) < 0)
		return DECODE_ERROR;
	d->wfd = p[1];
	d->fd = p[0];
	if ((errno = pthread_create(&d->thread, NULL, feed, d)) != 0) {
		close(p[0]);
		close(p[1]);
		return DECODE_ERROR;
	}
	d->threaded = 1;
	return DECODE_OK;
}

/* The key of the message that uchardet is missing (sp_warn_first). */
static const char unaided_key;

enum decode_result
decode_open(struct decode *d, int fd, const char *from, int detect,
    int allow_binary, int nul_sep)
{
	off_t start;
	ssize_t r;
	size_t cap = HEAD, ascii_to = 0;
	int at_eof;

	memset(d, 0, sizeof *d);
	d->src = d->fd = fd;
	d->wfd = -1;
	d->first_invalid = -1;
	start = lseek(fd, 0, SEEK_CUR);
	d->head = sp_xmalloc(cap);
	for (;;) {
		while (d->headlen < cap) {
			r = read(fd, d->head + d->headlen, cap - d->headlen);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				return DECODE_ERROR;
			if (r == 0)
				break;
			d->headlen += (size_t)r;
		}
		/*
		 * A head of ASCII alone (a page's style sheets and scripts)
		 * says nothing of the encoding: read on to its first text.
		 */
		if (d->headlen < cap || cap >= HEAD_MAX ||
		    !all_ascii(d->head + ascii_to, d->headlen - ascii_to))
			break;
		ascii_to = d->headlen;
		d->head = sp_xrealloc(d->head, cap *= 2);
	}
	at_eof = d->headlen < cap;
	if (from) {
		sp_enc_detect(d->head, d->headlen, at_eof, &d->guess);
		/* The user's word goes; a matching byte order mark is skipped. */
		if (strcmp(d->guess.name, from) != 0 || (strcmp(from,
		    "UTF-8") != 0 && strncmp(from, "UTF-16", 6) != 0 &&
		    strncmp(from, "UTF-32", 6) != 0))
			d->guess.bom = 0;
		strncpy(d->guess.name, from, sizeof d->guess.name - 1);
		d->guess.binary = 0;
	} else if (detect && nul_sep) {
		/*
		 * With -z a NUL ends a document: it is no evidence of UTF-16
		 * or UTF-32 (hello\0world\0 read as UTF-16 is Han), and the
		 * framing cuts at every NUL byte, which text in those
		 * encodings is full of.  The head is judged with each NUL a
		 * line break.
		 */
		unsigned char *h = sp_xmalloc(d->headlen ? d->headlen : 1);
		size_t i;

		for (i = 0; i < d->headlen; i++)
			h[i] = d->head[i] ? d->head[i] : '\n';
		sp_enc_detect(h, d->headlen, at_eof, &d->guess);
		free(h);
	} else if (detect) {
		sp_enc_detect(d->head, d->headlen, at_eof, &d->guess);
	} else {
		strcpy(d->guess.name, "UTF-8");
	}
	/* Told once a run, as an error: the installation is broken. */
	if (d->guess.unaided != NULL && sp_warn_first(&unaided_key))
		sp_warn_status(SP_EXIT_ERROR, NULL, "uchardet cannot be "
		    "loaded (%s): encodings guessed without it",
		    d->guess.unaided);
	if (d->guess.binary && !allow_binary && !nul_sep)
		return DECODE_BINARY;
	d->headpos = d->guess.bom;
	d->base = d->guess.bom;
	if (strcmp(d->guess.name, "UTF-8") != 0) {
		d->converting = 1;
		if ((d->conv = sp_conv_new(d->guess.name)) == NULL)
			return DECODE_ERROR;
		return start_thread(d);
	}
	/* UTF-8: the reader reads the file itself when it can seek back. */
	if (start >= 0 && lseek(fd, start + (off_t)d->guess.bom, SEEK_SET) >= 0) {
		free(d->head);
		d->head = NULL;
		return DECODE_OK;
	}
	return start_thread(d);
}

int
decode_close(struct decode *d)
{
	int err = 0;

	if (d->threaded) {
		/* Unblock the feeder if the reader stopped early. */
		close(d->fd);
		pthread_join(d->thread, NULL);
		err = d->read_errno;
	}
	sp_conv_free(d->conv);
	free(d->head);
	d->conv = NULL;
	d->head = NULL;
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
