/*
 * model.h: the learned line scorer of the boilerplate step: gradient
 * boosted ensembles of decision trees, in one or two stages.  Stage 1
 * scores a line on its own features (bpfeatures.h); stage 2, when the
 * model has it, scores the line again on the stage-1 probabilities of
 * the line and of the lines around it (bpstack.h): furniture comes in
 * runs, and a line amid lines stage 1 is sure of is likely their kind.
 *
 * The model is trained by bin/sp-clean/gen/train.py (make train) and
 * shipped as a text file, data/boilerplate.model, compiled in; --model
 * loads another.  Its format, one item a line:
 *
 *   sp-clean boilerplate model 2
 *   threshold P          drop a line when its probability is P or more
 *   stage 1              then the stage's ensemble:
 *   base B               the raw score every tree adds to
 *   feature NAME         one a feature, in the trees' numbering
 *   trees N
 *   tree N               then N nodes, the root first:
 *   node F T M L R V     split on feature F at T (x <= T goes to node L,
 *                        else to R; a missing value goes left when M is
 *                        1); V is the node's mean output
 *   leaf V               a leaf's output
 *   stage 2              and the second stage's, the same way
 *
 * A file of version 1 ("sp-clean boilerplate model 1") holds one stage,
 * without the "stage" line, and is read as a model of stage 1 alone: its
 * probabilities mean what they meant.  The probability of boilerplate is
 * the logistic of base plus the leaves reached.  Features are named, so
 * a model may list them in any order and leave some out; a model naming
 * a feature this build does not compute is refused.
 */
#ifndef SP_CLEAN_MODEL_H
#define SP_CLEAN_MODEL_H
#include <stddef.h>

struct model;

/* The most stages a model has. */
#define MODEL_STAGES 2

/*
 * Parses text[0..len), the model file name, for a build that computes
 * the nfeat features names[0..nfeat) for stage 1 and the nfeat2
 * names2[0..nfeat2) for stage 2.  Returns NULL with "NAME:LINE: reason"
 * in err.
 */
struct model *model_parse(const char *text, size_t len, const char *name,
    const char *const *names, int nfeat, const char *const *names2,
    int nfeat2, char *err, size_t errlen);
void model_free(struct model *m);

/*
 * The model m as a table (model_table.c), for model_in_place() in a
 * build of the same sources: written at t (8-byte aligned) when t is not
 * NULL; returns its bytes.
 */
size_t model_put(const struct model *m, unsigned char *t);
/*
 * The model of the table t[0..len) (8-byte aligned, read in place, never
 * written), or NULL when t is not one.  model_free() frees what it
 * allocated, not t.  The table is trusted as the build made it: its
 * trees are not checked again.
 */
struct model *model_in_place(const unsigned char *t, size_t len);

/* The probability at or above which a line is boilerplate. */
double model_threshold(const struct model *m);
void model_set_threshold(struct model *m, double p);

/* 1 or 2. */
int model_stages(const struct model *m);

/*
 * The build's features that stage (0 or 1) uses, into feat[0..most);
 * returns how many it uses.
 */
int model_uses(const struct model *m, int stage, int *feat, int most);

/*
 * The raw score (log-odds of boilerplate) by stage (0: stage 1, 1:
 * stage 2) of the feature vector x, in the build's numbering of that
 * stage's features, NAN for a missing value.  With contrib (may be
 * NULL), adds to contrib[f] what feature f moved the score along the
 * paths taken (each split's child's value less its own), so that
 * model_base() plus the contributions is the score.
 */
double model_score(const struct model *m, int stage, const float *x,
    double *contrib);
/*
 * model_score() without contributions of the n vectors x[0..n) into
 * score[0..n), the same doubles, sooner: lines side by side.
 */
void model_score_many(const struct model *m, int stage,
    const float *const *x, size_t n, double *score);
/* The score of a line the stage knows nothing of: base and the roots. */
double model_base(const struct model *m, int stage);
double model_probability(double score);

#endif
