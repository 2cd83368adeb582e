/*
 * decode.h: an operand's bytes as a UTF-8 stream (step 1).
 *
 * The head of the file is read and its encoding decided (or taken from
 * --from); UTF-8 input is handed to the reader as it is (the file itself
 * when it can seek back, else through a pipe); any other encoding is
 * converted by a thread that writes UTF-8 into a pipe.  Either way the
 * units are read from decode_fd() in bounded memory, whatever the size.
 */
#ifndef SP_CLEAN_DECODE_H
#define SP_CLEAN_DECODE_H
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "encoding.h"

struct decode {
	int fd;			/* read units from here */
	int src;		/* the operand */
	struct sp_enc_guess guess;
	int converting;		/* not UTF-8: a thread runs iconv */
	uint64_t base;		/* source offset of the stream's first byte */
	/* The feeder thread, when there is one. */
	pthread_t thread;
	int threaded;
	int wfd;
	unsigned char *head;
	size_t headlen, headpos;
	struct sp_conv *conv;
	int read_errno;		/* a read error seen by the thread */
	uint64_t invalid;	/* invalid sequences (converted input) */
	int64_t first_invalid;
};

enum decode_result { DECODE_OK, DECODE_BINARY, DECODE_ERROR };

/*
 * Opens the stream of operand fd.  from: the encoding to assume (NULL:
 * detect); detect 0: take UTF-8.  allow_binary: no binary check; nul_sep:
 * NUL bytes separate documents.  On DECODE_ERROR errno says why.
 */
enum decode_result decode_open(struct decode *d, int fd, const char *from,
    int detect, int allow_binary, int nul_sep);
/* Waits for the thread; returns 0, or -1 with errno of a read error. */
int decode_close(struct decode *d);

#endif
