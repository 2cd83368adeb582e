/*
 * pool.h: worker threads for the documents of a stream.
 *
 * The tool submits tasks in input order and waits for each in that order,
 * writing its output then; the workers take tasks first come, first
 * served.  A thread waiting for a task runs queued ones meanwhile, so the
 * waiting thread works too.  Threads are numbered: the workers 0..n-1, a
 * waiting thread n, which lets a task use per-thread state.
 */
#ifndef SP_CLEAN_POOL_H
#define SP_CLEAN_POOL_H

struct pool_task {
	void (*run)(struct pool_task *t, int thread);
	struct pool_task *next;		/* in the queue */
	int done;			/* run has returned */
};

struct pool;

/*
 * Starts n workers (n >= 1); each calls at_exit (may be NULL) before it
 * ends.  Returns NULL when threads cannot be made.
 */
struct pool *pool_new(int n, void (*at_exit)(void));
/* Threads that run tasks: the workers and the one waiting. */
int pool_threads(const struct pool *p);
/* Queues t (its run set) to be run by some thread. */
void pool_submit(struct pool *p, struct pool_task *t);
/* Has t run?  (Without waiting.) */
int pool_done(struct pool_task *t);
/* Waits until t has run, running queued tasks meanwhile. */
void pool_wait(struct pool *p, struct pool_task *t);
/* Ends the workers once the queue is empty, and frees p (NULL: no-op). */
void pool_free(struct pool *p);

#endif
