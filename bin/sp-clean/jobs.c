/* jobs.c: documents cleaned side by side, written in order; see jobs.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "held.h"
#include "jobs.h"
#include "pool.h"
#include "text.h"

/* A document longer than this is cleaned by the main thread, uncopied. */
#define JOB_MAX (4 << 20)
/* Bytes of documents held in jobs at most: memory stays bounded. */
#define JOBS_BYTES (16 << 20)
/*
 * A job's buffers bigger than this are freed once it is written: the
 * ring's memory stays a few pages' worth a thread, whatever came by.
 */
#define JOB_KEEP (256 << 10)
/*
 * Jobs queued or held, per thread.  The main thread reads, writes and
 * helps: while it runs a long job (a page of mojibake among the small
 * documents of JSON Lines) the workers have only the jobs queued, and
 * with four a thread they ran out (-j2 ran at 1.5 times -j1 on them).
 * Eight: 11% less time on JSON Lines, 1% more on w3m dumps (colder
 * buffers), 3 MB more memory; sixteen: 15% less, 3.5% more, 10 MB.
 */
#define JOBS_PER_THREAD 8

enum job_kind { JOB_UNIT, JOB_FILE_END, JOB_MESSAGES };

struct job {
	struct pool_task task;	/* first: a task is its job */
	enum job_kind kind;
	struct file_state *fs;
	/* The unit: in the reader's memory (cleaned at once) or copied. */
	const struct sp_input_unit *in;
	struct sp_input_unit in_copy;
	struct sp_unit unit_copy;
	struct sp_jsonl rec_copy;
	struct sp_buf text_copy, line_copy, sep_copy, name;
	size_t bytes;		/* counted against JOBS_BYTES */
	uint64_t site;		/* the document's site, for furniture */
	int at_once;		/* cleaned by the main thread, then written */
	/* What the cleaning gave. */
	struct sp_buf sane;	/* the text with invalid UTF-8 replaced */
	struct sp_buf out;
	const char *res;
	size_t reslen;
	int begins_nl, ends_nl;
	struct sp_buf msgs;	/* its messages, held until it is written */
	struct chain_counts n;
	struct sp_utf8_stats invalid;
};

/* Threads: chains[0..workers) for the pool's, chains[workers] main's. */
static struct pool *pool;
static int workers, nchains;
static struct chain *chains;
/* The jobs, a ring: held[head..head+nheld) in input order. */
static struct job *ring;
static size_t ring_len, head, nheld, held_bytes;
/* The main thread's messages not yet in a job. */
static struct sp_buf pending;
static struct jobs_counts counts;
static void (*file_done)(struct file_state *);

static void
copy(struct sp_buf *b, const char *s, size_t n)
{
	sp_buf_clear(b);
	put(b, s, n);
}

/* Cleans job j's unit with thread's chain (a worker, or main). */
static void
clean(struct pool_task *t, int thread)
{
	struct job *j = (struct job *)t;
	const struct sp_input_unit *in = j->in;
	struct chain *ch = &chains[thread];
	const char *text = in->text, *name = j->fs->display;
	size_t len = in->len;
	struct sp_buf *was = held_capture(&j->msgs);

	memset(&j->n, 0, sizeof j->n);
	sp_utf8_stats_init(&j->invalid);
	if (in->rec) {
		/* Messages about a record name its line. */
		char number[32];

		snprintf(number, sizeof number, ":%llu",
		    (unsigned long long)in->unit->number);
		copy(&j->name, name, strlen(name));
		put(&j->name, number, strlen(number) + 1);
		name = j->name.data;
	} else if (j->fs->utf8_input && !utf8_valid(text, len)) {
		sp_buf_clear(&j->sane);
		if (sp_utf8_sanitize(text, len, &j->sane, &j->invalid,
		    j->fs->base + in->unit->offset) < 0)
			sp_oom();
		text = j->sane.data;
		len = j->sane.len;
	}
	j->begins_nl = len > 0 && text[0] == '\n';
	j->ends_nl = len > 0 && text[len - 1] == '\n';
	/*
	 * The document framing takes the newline of a document's last line
	 * off (reader.c), and leaves the CR of a CRLF: a newline left at the
	 * end is then an empty last line, and an empty text one empty line,
	 * which the chain, counting the empty lines between others, does
	 * not see.  A record's text, a NUL-ended document and a piece keep
	 * their last line's end, and the chain counts them whole.
	 */
	if (in->rec == NULL && in->unit->sep_len > 0 &&
	    in->unit->sep[0] == '\n' && (len == 0 || text[len - 1] == '\n'))
		j->n.empty++;
	/* The main thread cleans a long document in blocks, helped. */
	ch->site = j->site;
	chain_run(ch, text, len, &j->n, name, j->at_once ? pool : NULL);
	if (j->at_once) {
		/* Written before the chain runs again: no copy. */
		j->res = ch->cur;
	} else if (ch->cur == ch->a.data && ch->a.data) {
		/* The result changes hands; the chain takes the old buffer. */
		struct sp_buf tmp = j->out;

		j->out = ch->a;
		ch->a = tmp;
		sp_buf_clear(&ch->a);
		j->res = j->out.data;
	} else {
		j->res = ch->cur;	/* the input itself */
	}
	j->reslen = ch->curlen;
	held_capture(was);
}

static void
print_msgs(struct sp_buf *m)
{
	held_print(m->data, m->len);
	sp_buf_clear(m);
}

/* Writes a cleaned unit: its messages, counts and text. */
static void
write_unit(struct job *j)
{
	const struct sp_input_unit *in = j->in;
	struct file_state *fs = j->fs;
	unsigned flags = in->unit->flags;
	const char *res = j->res;
	size_t reslen = j->reslen;

	print_msgs(&j->msgs);
	/* The pieces of a document longer than --max-unit are one. */
	if (!(flags & SP_UNIT_CONTINUED))
		counts.docs++;
	chain_counts_add(&counts.chain, &j->n);
	if (j->invalid.count[0] > 0) {
		if (fs->invalid.count[0] == 0)
			fs->invalid.first_offset = j->invalid.first_offset;
		fs->invalid.count[0] += j->invalid.count[0];
	}
	if (in->rec == NULL &&
	    (flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED))) {
		/*
		 * A piece: keep the line breaks at its edges.  Pieces are
		 * written back to back, with no separator between them, so
		 * the breaks are written around the piece.
		 */
		int lead = (flags & SP_UNIT_CONTINUED) && j->begins_nl &&
		    !fs->last_nl && reslen > 0;
		int trail = (flags & SP_UNIT_PARTIAL) && j->ends_nl &&
		    reslen > 0;

		if (lead)
			sp_write("\n", 1);
		sp_emit(in, res, reslen, NULL);
		if (trail)
			sp_write("\n", 1);
		if (reslen > 0)
			fs->last_nl = trail || res[reslen - 1] == '\n';
		return;
	}
	/* A document with nothing left is still written, empty, so that
	 * the n-th document out is the n-th in, as in the other tools. */
	sp_emit(in, res, reslen, NULL);
}

/* A job's buffers keep what they grew to, up to a point. */
static void
trim(struct sp_buf *b)
{
	if (b->cap > JOB_KEEP)
		sp_buf_free(b);
}

static void
write_job(struct job *j)
{
	switch (j->kind) {
	case JOB_UNIT:
		write_unit(j);
		break;
	case JOB_FILE_END:
		file_done(j->fs);
		break;
	case JOB_MESSAGES:
		print_msgs(&j->msgs);
		break;
	}
}

/* Writes the oldest job, waiting for it. */
static void
write_oldest(void)
{
	struct job *j = &ring[head];

	if (pool && j->kind == JOB_UNIT)
		pool_wait(pool, &j->task);
	write_job(j);
	trim(&j->text_copy);
	trim(&j->line_copy);
	trim(&j->sane);
	trim(&j->out);
	trim(&j->msgs);
	held_bytes -= j->bytes;
	head = (head + 1) % ring_len;
	nheld--;
}

/* Writes every job held, then the main thread's messages. */
void
jobs_write_all(void)
{
	while (nheld > 0)
		write_oldest();
	print_msgs(&pending);
}

/* A new job at the end of the ring, making room first. */
static struct job *
new_job(enum job_kind kind, struct file_state *fs, size_t bytes)
{
	struct sp_buf t;
	struct job *j;

	/* The main thread's messages go first, in a job of their own. */
	if (pending.len > 0 && kind != JOB_MESSAGES) {
		if (nheld == 0) {
			print_msgs(&pending);
		} else {
			j = new_job(JOB_MESSAGES, fs, 0);
			t = j->msgs;
			j->msgs = pending;
			pending = t;	/* the capture still points here */
			sp_buf_clear(&pending);
		}
	}
	while (nheld > 0 && (nheld == ring_len ||
	    held_bytes + bytes > JOBS_BYTES))
		write_oldest();
	j = &ring[(head + nheld) % ring_len];
	j->kind = kind;
	j->fs = fs;
	j->bytes = bytes;
	if (kind != JOB_MESSAGES)
		sp_buf_clear(&j->msgs);
	nheld++;
	held_bytes += bytes;
	return j;
}

/* Copies the unit in into j, which then outlives the reader's memory. */
static void
copy_unit(struct job *j, const struct sp_input_unit *in)
{
	j->in_copy = *in;
	j->unit_copy = *in->unit;
	copy(&j->text_copy, in->text, in->len);
	copy(&j->sep_copy, in->unit->sep, in->unit->sep_len);
	j->in_copy.text = j->text_copy.data ? j->text_copy.data : "";
	j->unit_copy.sep = j->sep_copy.data;
	j->unit_copy.text = NULL;	/* not written back: only its sep */
	j->in_copy.unit = &j->unit_copy;
	if (in->rec) {
		copy(&j->line_copy, in->rec->line, in->rec->line_len);
		j->rec_copy = *in->rec;
		j->rec_copy.line = j->line_copy.data;
		j->rec_copy.text = NULL;	/* the text is text_copy */
		j->in_copy.rec = &j->rec_copy;
	}
	j->in = &j->in_copy;
}

uint64_t
jobs_site(const struct sp_input_unit *in, const struct file_state *fs)
{
	uint64_t site;

	if (chains[0].opts->furniture == NULL)
		return 0;
	if (in->rec && (site = furniture_site_of_record(in->rec->line,
	    in->rec->line_len)) != 0)
		return site;
	return fs->site;
}

int
jobs_unit(const struct sp_input_unit *in, void *arg)
{
	struct file_state *fs = arg;
	size_t bytes = in->len + (in->rec ? in->rec->line_len : 0);
	struct job *j;

	if (pool == NULL || bytes > JOB_MAX) {
		/* Cleaned here, in the reader's memory, after the others. */
		jobs_write_all();
		j = new_job(JOB_UNIT, fs, 0);
		j->site = jobs_site(in, fs);
		j->in = in;
		j->at_once = 1;
		clean(&j->task, workers);
		j->task.done = 1;	/* not the pool's: no one to wait */
		write_oldest();
		return 0;
	}
	j = new_job(JOB_UNIT, fs, bytes);
	j->site = jobs_site(in, fs);
	j->at_once = 0;
	copy_unit(j, in);
	j->task.run = clean;
	pool_submit(pool, &j->task);
	/* Whatever is done already is written now. */
	while (nheld > 0 && (ring[head].kind != JOB_UNIT ||
	    pool_done(&ring[head].task)))
		write_oldest();
	return 0;
}

void
jobs_file_end(struct file_state *fs)
{
	(void)new_job(JOB_FILE_END, fs, 0);
}

const struct jobs_counts *
jobs_counts(void)
{
	return &counts;
}

void
jobs_start(int threads, const struct chain_opts *opts,
    const struct boilerplate *rules, void (*at_file_end)(struct file_state *))
{
	char err[512];
	int i;

	file_done = at_file_end;
	workers = threads - 1;
	nchains = threads;
	chains = sp_xmalloc((size_t)nchains * sizeof *chains);
	for (i = 0; i < nchains; i++)
		if (chain_init(&chains[i], opts, rules, err, sizeof err) < 0)
			sp_die(NULL, "%s", err);
	if (workers > 0 && (pool = pool_new(workers, chain_thread_end)) ==
	    NULL)
		workers = 0;	/* no threads to be had: cleaned here */
	ring_len = pool ? (size_t)threads * JOBS_PER_THREAD : 1;
	ring = sp_xmalloc(ring_len * sizeof *ring);
	memset(ring, 0, ring_len * sizeof *ring);
	/* Messages of the main thread are held too, to keep their order. */
	held_capture(&pending);
}

void
jobs_stop(void)
{
	size_t i;
	int k;

	jobs_write_all();
	pool_free(pool);
	for (k = 0; k < nchains; k++)
		chain_free(&chains[k]);
	free(chains);
	for (i = 0; i < ring_len; i++) {
		sp_buf_free(&ring[i].text_copy);
		sp_buf_free(&ring[i].line_copy);
		sp_buf_free(&ring[i].sep_copy);
		sp_buf_free(&ring[i].name);
		sp_buf_free(&ring[i].sane);
		sp_buf_free(&ring[i].out);
		sp_buf_free(&ring[i].msgs);
	}
	free(ring);
	held_capture(NULL);
	sp_buf_free(&pending);
}
