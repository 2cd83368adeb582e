/*
 * model_int.h: the boilerplate model as model.c parses it and
 * model_table.c writes it to a table and reads it in place; nothing
 * else includes it.
 */
#ifndef SP_CLEAN_MODEL_INT_H
#define SP_CLEAN_MODEL_INT_H
#include <stddef.h>

#include "model.h"
#include "modeltree.h"

/* One stage's trees. */
struct ensemble {
	double base;
	struct node *nodes;
	size_t nnodes, cap;
	size_t *roots;		/* and roots[ntrees], the end of the nodes */
	size_t ntrees;
	struct quick *quick;	/* the trees for scoring, or NULL: walk them */
	int *map;		/* the file's feature -> the build's */
	int nmap;
};

struct model {
	double threshold;
	int nstages;
	int in_place;		/* nodes, roots and map are a table's */
	struct ensemble stage[MODEL_STAGES];
};

#endif
