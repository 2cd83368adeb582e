/*
 * jobs.h: documents cleaned side by side and written in input order.
 *
 * Each document is copied into a job; the jobs queue for a pool of
 * threads, each with its own chain (chain.h), and the main thread writes
 * the oldest when it is done, with the messages its cleaning gave: they
 * are held (held_capture), so that stdout and stderr read as one thread
 * writes them.  The main thread's own messages are held the same way.  A
 * document too big to copy cheaply is cleaned by the main thread, once
 * the jobs before it are written, with the pool's help for its blocks.
 */
#ifndef SP_CLEAN_JOBS_H
#define SP_CLEAN_JOBS_H
#include <stddef.h>
#include <stdint.h>

#include "boilerplate.h"
#include "chain.h"
#include "stream.h"
#include "utf8.h"

/* One operand, from its opening until its last document is written. */
struct file_state {
	const char *display;	/* the operand, in messages */
	int utf8_input;		/* text not yet validated */
	uint64_t base;		/* offset of the stream in the operand */
	int converting;		/* decoded from another encoding */
	char enc[64];		/* the encoding, in messages */
	uint64_t dec_invalid;	/* invalid sequences the decoder met */
	int64_t dec_first;
	struct sp_utf8_stats invalid;	/* in UTF-8 input, as written */
	int last_nl;		/* the last piece written ended a line */
	uint64_t site;		/* its documents' site, for furniture */
};

/* What was written, for --stats. */
struct jobs_counts {
	size_t docs;			/* documents cleaned */
	struct chain_counts chain;
};

/*
 * Sets up threads threads (threads - 1 workers and the main thread; 1:
 * none), each with a chain for opts and a clone of rules.  at_file_end is
 * called when an operand's last document has been written.
 */
void jobs_start(int threads, const struct chain_opts *opts,
    const struct boilerplate *rules, void (*at_file_end)(struct file_state *));
/*
 * The site of a unit of the operand fs, when furniture is counted: the
 * host of a record's url, or the operand's; else 0.
 */
uint64_t jobs_site(const struct sp_input_unit *in, const struct file_state *fs);
/* Cleans a unit of the operand fs (an sp_unit_fn: arg is the fs). */
int  jobs_unit(const struct sp_input_unit *in, void *arg);
/* The operand fs has been read to its end (fs is freed by at_file_end). */
void jobs_file_end(struct file_state *fs);
/* Writes every job held, and the messages held. */
void jobs_write_all(void);
/* Writes what is held and ends the threads. */
void jobs_stop(void);
const struct jobs_counts *jobs_counts(void);

#endif
