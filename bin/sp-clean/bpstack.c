/* bpstack.c: the features of the model's stage 2; see bpstack.h. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "bpstack.h"
#include "tool.h"

/* Below this stage 1 keeps a line, for the shares and the core. */
#define KEEP 0.5

void
stack_page(struct stack_page *sp, const float *p1, const float *len,
    size_t nlines)
{
	double sum = 0, best = 0, w;
	size_t i, k, from = 0;

	if (nlines + 1 > sp->cap) {
		sp->cap = nlines + 1;
		sp->seq = sp_xrealloc(sp->seq, sp->cap * sizeof *sp->seq);
		sp->kept = sp_xrealloc(sp->kept, sp->cap * sizeof *sp->kept);
		sp->pos = sp_xrealloc(sp->pos, sp->cap * sizeof *sp->pos);
	}
	sp->nseq = 0;
	sp->kept[0] = 0;
	for (i = 0; i < nlines; i++) {
		sp->pos[i] = SIZE_MAX;
		if (isnan(p1[i]))
			continue;
		k = sp->nseq++;
		sp->pos[i] = k;
		sp->seq[k] = i;
		sp->kept[k + 1] = sp->kept[k] + (p1[i] < KEEP);
	}
	/* The core: the run of the most weight, the first of equals. */
	sp->has_core = 0;
	for (k = 0; k < sp->nseq; k++) {
		i = sp->seq[k];
		w = (KEEP - (double)p1[i]) * (1.0 + (double)len[i]);
		if (sum <= 0) {
			sum = 0;
			from = k;
		}
		sum += w;
		if (sum > best) {
			best = sum;
			sp->has_core = 1;
			sp->core_from = from;
			sp->core_to = k;
		}
	}
}

static float
lg(double x)
{
	return (float)log2(1 + x);
}

void
stack_line(const struct stack_page *sp, const float *p1, size_t i, float p,
    float *x)
{
	size_t k = sp->pos[i], n = sp->nseq, j;
	double lo2 = INFINITY, hi2 = -INFINITY, sum2 = 0;
	double lo5 = INFINITY, hi5 = -INFINITY, sum5 = 0, v;
	int d, n2 = 0, n5 = 0;

	x[S_s_p] = p;
	for (d = 1; d <= STACK_NEAR; d++) {
		x[S_s_b1 + d - 1] = (size_t)d <= k ?
		    p1[sp->seq[k - (size_t)d]] : NAN;
		x[S_s_a1 + d - 1] = k + (size_t)d < n ?
		    p1[sp->seq[k + (size_t)d]] : NAN;
	}
	for (j = k >= STACK_NEAR ? k - STACK_NEAR : 0;
	    j < n && j <= k + STACK_NEAR; j++) {
		if (j == k)
			continue;
		v = p1[sp->seq[j]];
		lo5 = v < lo5 ? v : lo5;
		hi5 = v > hi5 ? v : hi5;
		sum5 += v;
		n5++;
		if (j + 2 >= k && j <= k + 2) {
			lo2 = v < lo2 ? v : lo2;
			hi2 = v > hi2 ? v : hi2;
			sum2 += v;
			n2++;
		}
	}
	x[S_s_min2] = n2 ? (float)lo2 : NAN;
	x[S_s_max2] = n2 ? (float)hi2 : NAN;
	x[S_s_mean2] = n2 ? (float)(sum2 / n2) : NAN;
	x[S_s_min5] = n5 ? (float)lo5 : NAN;
	x[S_s_max5] = n5 ? (float)hi5 : NAN;
	x[S_s_mean5] = n5 ? (float)(sum5 / n5) : NAN;
	x[S_s_kept_before] = k ? (float)((double)sp->kept[k] / (double)k) :
	    NAN;
	x[S_s_kept_after] = k + 1 < n ? (float)((double)(sp->kept[n] -
	    sp->kept[k + 1]) / (double)(n - k - 1)) : NAN;
	if (sp->has_core) {
		x[S_s_core_in] = k >= sp->core_from && k <= sp->core_to;
		x[S_s_core_before] = k < sp->core_from ?
		    lg((double)(sp->core_from - k)) : 0;
		x[S_s_core_after] = k > sp->core_to ?
		    lg((double)(k - sp->core_to)) : 0;
		x[S_s_core_lines] = lg((double)(sp->core_to - sp->core_from +
		    1));
	} else {
		x[S_s_core_in] = x[S_s_core_before] = NAN;
		x[S_s_core_after] = x[S_s_core_lines] = NAN;
	}
	x[S_s_seq_position] = (float)((double)k / (double)n);
}

void
stack_page_free(struct stack_page *sp)
{
	free(sp->seq);
	free(sp->kept);
	free(sp->pos);
}
