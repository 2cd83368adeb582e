/*
 * modeltree.h: the trees of the boilerplate model as model.c parses them,
 * shared with the scorer that quickscore.c builds from them.
 */
#ifndef SP_CLEAN_MODELTREE_H
#define SP_CLEAN_MODELTREE_H
#include <stdint.h>

struct node {
	int32_t feat;		/* the build's feature, or -1: a leaf */
	int32_t left, right;	/* indexes into the model's nodes */
	float thr;
	float value;
	uint8_t missing_left;
};

#endif
