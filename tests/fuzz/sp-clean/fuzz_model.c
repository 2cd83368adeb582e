/*
 * Fuzz target: a boilerplate model file (model.c), as --model reads one.
 * Properties: any bytes are parsed or refused with a message naming the
 * file; a model parsed scores any vector, missing values included, to a
 * finite number, and --explain's contributions add up to that score;
 * the score without them (quickscore.c's bit vectors) is the same double,
 * in each of the model's stages.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = { "a", "b", "c", "d" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[256] = "";
	struct model *m;
	float x[4];
	double c[4], sum, score;
	int i, k, st;

	m = model_parse((const char *)data, size, "f", names, 4, names, 4,
	    err, sizeof err);
	if (m == NULL) {
		if (strncmp(err, "f:", 2) != 0)
			abort();
		return 0;
	}
	for (k = 0; k < 3 * model_stages(m); k++) {
		st = k / 3;
		for (i = 0; i < 4; i++)
			x[i] = k % 3 == 0 ? NAN : k % 3 == 1 ? (float)i - 1.5f :
			    (float)(size % 7) * 1e30f;
		memset(c, 0, sizeof c);
		score = model_score(m, st, x, c);
		if (!isfinite(score) && !isinf(score))
			abort();
		if (model_score(m, st, x, NULL) != score)
			abort();
		sum = model_base(m, st);
		for (i = 0; i < 4; i++)
			sum += c[i];
		if (isfinite(score) && isfinite(sum) &&
		    fabs(sum - score) > 1e-3 * (1 + fabs(score)))
			abort();
	}
	model_free(m);
	return 0;
}
