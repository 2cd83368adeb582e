/*
 * quickscore_lanes.h: the body of quickscore.c's score_lanes(), included
 * there once for each width of vector; not a header of its own.  Before
 * it: LANES_FN, the function's name; LANES_WIDTH, the lanes a vector
 * (4 or 8; QUICK_LANES is a multiple); LANES_TARGET, its attributes.
 *
 * QUICK_LANES lines at once, lane k being x[k]: the splits of a feature
 * are walked while some lane's value is above them, and each clears the
 * leaves of the lanes whose value is.  One walk serves the lanes where
 * quick_score() walks each, and the lanes' sums, independent, overlap.
 */
#define GROUPS (QUICK_LANES / LANES_WIDTH)

LANES_TARGET static void
LANES_FN(const struct quick *q, double base,
    const float *const x[QUICK_LANES], double score[QUICK_LANES])
{
	typedef float lanes_f __attribute__((vector_size(4 * LANES_WIDTH)));
	typedef uint32_t lanes_u
	    __attribute__((vector_size(4 * LANES_WIDTH)));
	lanes_u leaves[CHUNK][GROUPS], missing[GROUPS], clear;
	const struct list *l, *end;
	const struct split *s;
	lanes_f v[GROUPS];
	double sum[QUICK_LANES];
	const double *leaf;
	size_t c, n, t;
	float a[QUICK_LANES], most, f;
	int k, g, nan;

	for (k = 0; k < QUICK_LANES; k++)
		sum[k] = base;
	for (c = 0; c < q->ntrees; c += n) {
		n = q->ntrees - c < CHUNK ? q->ntrees - c : CHUNK;
		for (t = 0; t < n; t++)
			for (g = 0; g < GROUPS; g++)
				leaves[t][g] = ~(lanes_u){ 0 };
		end = &q->lists[q->chunk[c / CHUNK + 1]];
		for (l = &q->lists[q->chunk[c / CHUNK]]; l < end; l++) {
			/* The lanes' values, the greatest of those known. */
			most = -INFINITY;
			nan = 0;
			for (k = 0; k < QUICK_LANES; k++) {
				f = a[k] = x[k][l->feat];
				most = f > most ? f : most;
				nan |= isnan(f);
			}
			memcpy(v, a, sizeof v);
			/* A missing value is above no threshold. */
			for (s = &q->splits[l->first]; s->thr < most; s++) {
				clear = ~(lanes_u){ 0 } & ~s->mask;
				for (g = 0; g < GROUPS; g++)
					leaves[s->tree][g] &=
					    ~((lanes_u)(s->thr < v[g]) & clear);
			}
			if (!nan)
				continue;
			for (g = 0; g < GROUPS; g++)
				missing[g] = (lanes_u)(v[g] != v[g]);
			for (s = &q->splits[l->nan]; s < &q->splits[l->end];
			    s++)
				for (g = 0; g < GROUPS; g++)
					leaves[s->tree][g] &=
					    ~(missing[g] & ~s->mask);
		}
		/* Each lane's sum in the trees' order, as quick_score's. */
		for (t = 0; t < n; t++) {
			leaf = q->leaves + q->first_leaf[c + t];
			for (k = 0; k < QUICK_LANES; k++)
				sum[k] += leaf[(unsigned)__builtin_ctz(
				    leaves[t][k / LANES_WIDTH][k %
				    LANES_WIDTH])];
		}
	}
	for (k = 0; k < QUICK_LANES; k++)
		score[k] = sum[k];
}

#undef GROUPS
#undef LANES_FN
#undef LANES_WIDTH
#undef LANES_TARGET
