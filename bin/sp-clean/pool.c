/* pool.c: worker threads; see pool.h. */
#include <pthread.h>
#include <stdlib.h>

#include "pool.h"

struct pool {
	pthread_mutex_t lock;
	pthread_cond_t work;		/* a task was queued, or quit */
	pthread_cond_t finished;	/* a task has run */
	struct pool_task *head, *tail;	/* the queue */
	int quit;
	int n;
	void (*at_exit)(void);
	pthread_t *threads;
};

struct start {
	struct pool *p;
	int index;
};

/* Takes the first queued task, under the lock; NULL when none. */
static struct pool_task *
take(struct pool *p)
{
	struct pool_task *t = p->head;

	if (t) {
		p->head = t->next;
		if (p->head == NULL)
			p->tail = NULL;
	}
	return t;
}

/* Runs t without the lock, then marks it done under it. */
static void
run(struct pool *p, struct pool_task *t, int index)
{
	pthread_mutex_unlock(&p->lock);
	t->run(t, index);
	pthread_mutex_lock(&p->lock);
	__atomic_store_n(&t->done, 1, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&p->finished);
}

static void *
worker(void *arg)
{
	struct start *s = arg;
	struct pool *p = s->p;
	int index = s->index;
	struct pool_task *t;

	free(s);
	/* Named for top -H and ps -L (and the tests). */
	(void)pthread_setname_np(pthread_self(), "sp-clean-job");
	pthread_mutex_lock(&p->lock);
	for (;;) {
		if ((t = take(p)) != NULL) {
			run(p, t, index);
			continue;
		}
		if (p->quit)
			break;
		pthread_cond_wait(&p->work, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	if (p->at_exit)
		p->at_exit();
	return NULL;
}

struct pool *
pool_new(int n, void (*at_exit)(void))
{
	struct pool *p = calloc(1, sizeof *p);
	struct start *s;
	int i;

	if (p == NULL || (p->threads = calloc((size_t)n,
	    sizeof *p->threads)) == NULL) {
		free(p);
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->finished, NULL);
	p->at_exit = at_exit;
	for (i = 0; i < n; i++) {
		if ((s = malloc(sizeof *s)) == NULL)
			break;
		s->p = p;
		s->index = i;
		if (pthread_create(&p->threads[i], NULL, worker, s) != 0) {
			free(s);
			break;
		}
		p->n++;
	}
	if (p->n == 0) {
		pool_free(p);
		return NULL;
	}
	return p;
}

int
pool_threads(const struct pool *p)
{
	return p->n + 1;
}

void
pool_submit(struct pool *p, struct pool_task *t)
{
	t->next = NULL;
	__atomic_store_n(&t->done, 0, __ATOMIC_RELAXED);
	pthread_mutex_lock(&p->lock);
	if (p->tail)
		p->tail->next = t;
	else
		p->head = t;
	p->tail = t;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->lock);
}

int
pool_done(struct pool_task *t)
{
	return __atomic_load_n(&t->done, __ATOMIC_ACQUIRE);
}

void
pool_wait(struct pool *p, struct pool_task *t)
{
	struct pool_task *q;

	pthread_mutex_lock(&p->lock);
	while (!t->done) {
		if ((q = take(p)) != NULL)
			run(p, q, p->n);
		else
			pthread_cond_wait(&p->finished, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
}

void
pool_free(struct pool *p)
{
	int i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->quit = 1;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->n; i++)
		pthread_join(p->threads[i], NULL);
	pthread_cond_destroy(&p->finished);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->lock);
	free(p->threads);
	free(p);
}
