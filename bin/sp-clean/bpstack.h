/*
 * bpstack.h: what stage 2 of the boilerplate model sees of a line: the
 * stage-1 probabilities of the line and of the lines around it.
 *
 * Furniture comes in runs (a menu, the related headlines after the
 * article, a footer), and an article is one run of prose: a line stage 1
 * is unsure of, amid lines it is sure are furniture, is likely furniture
 * too.  Stage 2 sees, over the page's lines that are not blank: the
 * line's own stage-1 probability; those of the five lines before and
 * the five after; their least, most and mean within two and within five
 * lines; the share of the lines above and of those below that stage 1
 * keeps; and where the line stands to the page's core, the run of lines
 * that stage 1 keeps with the most characters (the run maximising, over
 * its lines, (0.5 - p) * (1 + log2(1 + characters))).  Then any of
 * stage 1's own features of the line (bpfeatures.h), as named in the
 * model.
 *
 * train.py computes the same from the same probabilities (stack_rows):
 * change one, change the other.
 */
#ifndef SP_CLEAN_BPSTACK_H
#define SP_CLEAN_BPSTACK_H
#include <stddef.h>

#include "bpfeatures.h"

/* The lines before and after a line whose probabilities it is seen with. */
#define STACK_NEAR 5

#define STACK_FEATURES(X) \
	X(s_p) \
	X(s_b1) X(s_b2) X(s_b3) X(s_b4) X(s_b5) \
	X(s_a1) X(s_a2) X(s_a3) X(s_a4) X(s_a5) \
	X(s_min2) X(s_max2) X(s_mean2) X(s_min5) X(s_max5) X(s_mean5) \
	X(s_kept_before) X(s_kept_after) \
	X(s_core_in) X(s_core_before) X(s_core_after) X(s_core_lines) \
	X(s_seq_position)

enum stack_feature {
#define STACK_ENUM(name) S_##name,
	STACK_FEATURES(STACK_ENUM)
#undef STACK_ENUM
	NSTACK
};

/* Stage 2's features: these, then stage 1's (S1 + enum feature). */
#define S1 NSTACK
#define NSTAGE2 (NSTACK + NFEATURES)
extern const char *const stage2_names[NSTAGE2];

/* A window of lines: which are not blank, their probabilities' sums. */
struct stack_page {
	size_t *seq;		/* the lines not blank, in order */
	size_t nseq;
	size_t *pos;		/* pos[i]: line i's place in seq, or
				   SIZE_MAX when blank */
	size_t *kept;		/* kept[k]: of seq[0..k), those p < 0.5 */
	int has_core;
	size_t core_from, core_to;	/* seq[core_from..core_to] */
	size_t cap, poscap;
};

/*
 * For lines 0..nlines: p1[i] the line's stage-1 probability, NAN for a
 * blank line (not in the sequence), len[i] its x[F_len].  Out of memory
 * is fatal (sp_oom).
 */
void stack_page(struct stack_page *sp, const float *p1, const float *len,
    size_t nlines);

/*
 * The stack features of line i, not blank, into x[0..NSTACK), its own
 * probability being p (its p1, or what stage 1 says of it asked again):
 * p is the only feature that is the line's own.
 */
void stack_line(const struct stack_page *sp, const float *p1, size_t i,
    float p, float *x);

void stack_page_free(struct stack_page *sp);

#endif
