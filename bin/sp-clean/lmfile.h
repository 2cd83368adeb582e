/*
 * lmfile.h: reading the language model files of sp-clean (data/charlm,
 * data/wordlm, written by gen/mkcharlm.py and gen/mkwordlm.py), whose
 * numbers are little-endian whatever the machine.
 */
#ifndef SP_CLEAN_LMFILE_H
#define SP_CLEAN_LMFILE_H
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

#endif
