/*
 * lmfile.h: reading the language model files of sp-clean (data/charlm,
 * data/wordlm, written by gen/mkcharlm.py and gen/mkwordlm.py), whose
 * numbers are little-endian whatever the machine.
 */
#ifndef SP_CLEAN_LMFILE_H
#define SP_CLEAN_LMFILE_H
#include <stddef.h>
#include <stdint.h>

/* The 16-bit number at p. */
static inline unsigned
lm_u16(const unsigned char *p)
{
	return p[0] | (unsigned)p[1] << 8;
}

/* The 32-bit number at p. */
static inline uint32_t
lm_u32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/*
 * The slot of key in an open-addressed table of mask + 1 slots (a power
 * of two): the words of the models, keyed by their code points packed 16
 * bits each, spread by a multiplicative hash.
 */
static inline size_t
lm_slot(uint64_t key, size_t mask)
{
	key ^= key >> 31;
	key *= 0x9E3779B97F4A7C15ULL;
	return (size_t)(key >> 17) & mask;
}

#endif
