/*
 * firstpass.h: the first of two passes over the operands, when furniture
 * is counted (--furniture, --learn-furniture).  Each document goes
 * through the steps before the boilerplate step, as the second pass will
 * take it, and the lines those steps give are counted by site
 * (furniture.h).  Nothing is written and nothing told: the second pass
 * tells what is wrong with the input.  An operand that cannot be read
 * twice (standard input, a pipe) is copied to a temporary file on the
 * way, never held in memory.
 */
#ifndef SP_CLEAN_FIRSTPASS_H
#define SP_CLEAN_FIRSTPASS_H
#include <stdint.h>

#include "chain.h"
#include "furniture.h"

/* How the operands are read: as the second pass reads them. */
struct firstpass_opts {
	const struct chain_opts *chain;	/* its furniture is ignored */
	const char *from;		/* -f */
	int allow_binary;		/* -a */
	const char *site;		/* --site, or NULL: the operand */
};

/*
 * Counts the furniture of operands[0..n) ("-": standard input) into f.
 * Returns, per operand, the descriptor of its spooled copy, positioned
 * at 0, or -1 where the second pass opens the operand again; the caller
 * frees the array.  A spool that cannot be made is fatal.
 */
int *firstpass_run(char *const *operands, int n,
    const struct firstpass_opts *o, struct furniture *f);

/*
 * The site of an operand's documents that name none themselves: site
 * (--site), or else the operand.
 */
uint64_t firstpass_site(const char *site, const char *operand);

#endif
