/*
 * model_table.c: the boilerplate model parsed at build time into a table
 * that a run reads in place (model.h: model_put(), model_in_place()).
 *
 * Parsing the 6,000 lines of data/boilerplate.model (15,000 numbers
 * through strtod(), then the scorer's splits sorted) took 1.4 ms of each
 * run, a fifth of a run on a page of one line.  The table is the parsed
 * model as this build lays it out: a header, then each stage's counts
 * and arrays, every part 8-byte aligned.  Only a build of the same
 * sources reads it (gen/table-boilerplate.model.c writes it while
 * sp-clean is built); a model given with --model is parsed as before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model_int.h"
#include "quickscore.h"
#include "tablepart.h"

#define TABLE_MAGIC "SPBPM1\n"	/* and a NUL: 8 bytes */

/*
 * A stage: its base and counts (nodes, trees, features, the scorer's
 * bytes, 0: none), then its nodes, its roots (ntrees + 1 of them), its
 * map of features and its scorer.
 */
static void
put_stage(const struct ensemble *e, unsigned char *t, size_t *at)
{
	uint64_t count[4] = { e->nnodes, e->ntrees, (uint64_t)e->nmap,
	    e->quick ? quick_put(e->quick, NULL) : 0 };
	size_t qat;

	part_put(t, at, &e->base, sizeof e->base);
	part_put(t, at, count, sizeof count);
	part_put(t, at, e->nodes, e->nnodes * sizeof *e->nodes);
	part_put(t, at, e->roots, (e->ntrees + 1) * sizeof *e->roots);
	part_put(t, at, e->map, (size_t)e->nmap * sizeof *e->map);
	qat = *at;
	*at += part_pad((size_t)count[3]);
	if (t != NULL && e->quick != NULL)
		quick_put(e->quick, t + qat);
}

size_t
model_put(const struct model *m, unsigned char *t)
{
	uint64_t nstages = (uint64_t)m->nstages;
	size_t at = 0;
	int i;

	part_put(t, &at, TABLE_MAGIC, 8);
	part_put(t, &at, &m->threshold, sizeof m->threshold);
	part_put(t, &at, &nstages, sizeof nstages);
	for (i = 0; i < m->nstages; i++)
		put_stage(&m->stage[i], t, &at);
	return at;
}

/* A stage of the table, in place; -1 when the table ends before it. */
static int
get_stage(struct ensemble *e, const unsigned char *t, size_t len, size_t *at)
{
	const void *base, *count, *quick;
	uint64_t c[4];

	if ((base = part_get(t, len, at, sizeof e->base)) == NULL ||
	    (count = part_get(t, len, at, sizeof c)) == NULL)
		return -1;
	memcpy(&e->base, base, sizeof e->base);
	memcpy(c, count, sizeof c);
	if (c[0] > len || c[1] > len || c[2] > len || c[3] > len)
		return -1;
	e->nnodes = e->cap = (size_t)c[0];
	e->ntrees = (size_t)c[1];
	e->nmap = (int)c[2];
	/* The table is read only: the casts drop the const alone. */
	e->nodes = (struct node *)(uintptr_t)part_get(t, len, at,
	    e->nnodes * sizeof *e->nodes);
	e->roots = (size_t *)(uintptr_t)part_get(t, len, at,
	    (e->ntrees + 1) * sizeof *e->roots);
	e->map = (int *)(uintptr_t)part_get(t, len, at,
	    (size_t)e->nmap * sizeof *e->map);
	quick = part_get(t, len, at, (size_t)c[3]);
	if (e->nodes == NULL || e->roots == NULL || e->map == NULL ||
	    quick == NULL)
		return -1;
	if (c[3] > 0 && (e->quick = quick_in_place(quick,
	    (size_t)c[3])) == NULL)
		return -1;
	return 0;
}

struct model *
model_in_place(const unsigned char *t, size_t len)
{
	struct model *m;
	uint64_t nstages;
	size_t at = 16;
	int i;

	if (len < 24 || ((uintptr_t)t & 7) != 0 ||
	    memcmp(t, TABLE_MAGIC, 8) != 0)
		return NULL;
	memcpy(&nstages, t + at, sizeof nstages);
	if (nstages < 1 || nstages > MODEL_STAGES ||
	    (m = calloc(1, sizeof *m)) == NULL)
		return NULL;
	m->in_place = 1;
	m->nstages = (int)nstages;
	memcpy(&m->threshold, t + 8, sizeof m->threshold);
	at += sizeof nstages;
	for (i = 0; i < m->nstages; i++)
		if (get_stage(&m->stage[i], t, len, &at) < 0) {
			model_free(m);
			return NULL;
		}
	if (at != len) {
		model_free(m);
		return NULL;
	}
	return m;
}
