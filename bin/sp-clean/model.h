/*
 * model.h: the learned line scorer of the boilerplate step, a gradient
 * boosted ensemble of decision trees over the features of features.h.
 *
 * The model is trained by bin/sp-clean/gen/train.py (make train) and
 * shipped as a text file, data/boilerplate.model, compiled in; --model
 * loads another.  Its format, one item a line:
 *
 *   sp-clean boilerplate model 1
 *   threshold P          drop a line when its probability is P or more
 *   base B               the raw score every tree adds to
 *   feature NAME         one a feature, in the trees' numbering
 *   tree N               then N nodes, the root first:
 *   node F T M L R V     split on feature F at T (x <= T goes to node L,
 *                        else to R; a missing value goes left when M is
 *                        1); V is the node's mean output
 *   leaf V               a leaf's output
 *
 * The probability of boilerplate is the logistic of base plus the leaves
 * reached.  Features are named, so a model may list them in any order and
 * leave some out; a model naming a feature this build does not compute
 * is refused.
 */
#ifndef SP_CLEAN_MODEL_H
#define SP_CLEAN_MODEL_H
#include <stddef.h>

struct model;

/*
 * Parses text[0..len), the model file name, for a build that computes
 * the nfeat features names[0..nfeat).  Returns NULL with "NAME:LINE:
 * reason" in err.
 */
struct model *model_parse(const char *text, size_t len, const char *name,
    const char *const *names, int nfeat, char *err, size_t errlen);
void model_free(struct model *m);

/* The probability at or above which a line is boilerplate. */
double model_threshold(const struct model *m);
void model_set_threshold(struct model *m, double p);

/*
 * The raw score (log-odds of boilerplate) of the feature vector x, in
 * the build's numbering, NAN for a missing value.  With contrib (may be
 * NULL), adds to contrib[f] what feature f moved the score along the
 * paths taken (each split's child's value less its own), so that
 * model_base() plus the contributions is the score.
 */
double model_score(const struct model *m, const float *x, double *contrib);
/* The score of a line the model knows nothing of: base and the roots. */
double model_base(const struct model *m);
double model_probability(double score);

#endif
