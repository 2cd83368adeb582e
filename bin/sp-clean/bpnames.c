/*
 * bpnames.c: the names of the boilerplate model's features, stage 1's
 * (bpfeatures.h) and stage 2's (bpstack.h), as a model file names them;
 * gen/table-boilerplate.model.c maps the shipped model's with them too.
 */
#include "bpfeatures.h"
#include "bpstack.h"

const char *const feature_names[NFEATURES] = {
#define FEAT_NAME(name) #name,
	FEATURES(FEAT_NAME)
#undef FEAT_NAME
};

const char *const stage2_names[NSTAGE2] = {
#define STACK_NAME(name) #name,
	STACK_FEATURES(STACK_NAME)
#undef STACK_NAME
#define FEAT_NAME(name) #name,
	FEATURES(FEAT_NAME)
#undef FEAT_NAME
};
