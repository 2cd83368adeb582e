/*
 * charlmtable.h: the character model (charlm.h) as the table the build
 * makes of data/charlm (gen/table-charlm.c) and a run reads in place, as
 * sp_data_charlm_table (see common/embed.h).  Each run read the file into
 * an index of 65,536 code points and its entries, and the mojibake step
 * asked it of 27,000 code points for its bitmaps of rare characters: 2.6
 * million instructions, a third of a run on a line of text.
 *
 * The table, in the machine's order, each part 8-byte aligned:
 *
 *   magic "SPCLMT1\n", n (entries) and nbi (bigrams): 64 bits each
 *   index    0x10000 uint16_t: code point -> 1 + its entry, 0: none
 *   entries  n struct charlm_entry
 *   bigrams  nbi of 3 bytes: the next character (16 bits, little-endian),
 *            its cost; each entry's sorted, from its first
 *   punct    0x10000 bytes: the cost of the mark at that code point after
 *            a word, 0: not a mark
 *   rare     a bit for each code point of CHARLM_BITS_LO..CHARLM_BITS_HI
 *            whose unigram cost is CHARLM_RARE or more (in the model or
 *            not: one that is not costs CHARLM_UNKNOWN_HAN)
 *   uncommon the same for CHARLM_UNCOMMON
 *
 * Costs are eighths of a bit.
 */
#ifndef SP_CLEAN_CHARLMTABLE_H
#define SP_CLEAN_CHARLMTABLE_H
#include <stddef.h>
#include <stdint.h>

#define CHARLM_TABLE_MAGIC "SPCLMT1\n"	/* 8 bytes, no NUL */
#define CHARLM_TABLE_HEAD 24

/* What a Han character the model does not hold costs: rarer than any it
 * holds. */
#define CHARLM_UNKNOWN_HAN 24.0

/*
 * The Han characters of the bitmaps (the URO and Extension A), and their
 * thresholds: UNCOMMON bits (one in 30,000 characters of text) or more
 * make the runs that UTF-8 read as GBK is made of; the quick look at each
 * line asks for two RARE ones (one in 130,000).  See mojibake_score.h.
 */
#define CHARLM_BITS_LO 0x3400
#define CHARLM_BITS_HI 0x9FFF
#define CHARLM_BITS_BYTES ((CHARLM_BITS_HI - CHARLM_BITS_LO) / 8 + 1)
#define CHARLM_RARE 17.0
#define CHARLM_UNCOMMON 15.0

struct charlm_entry {
	uint8_t uni, init, end;	/* costs alone, opening and ending a word */
	uint8_t script;		/* 1 simplified only, 2 traditional only */
	uint32_t first, count;	/* its bigrams */
};

/* n bytes rounded up to 8. */
static inline size_t
charlm_pad(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Where each part starts, for n entries and nbi bigrams. */
static inline size_t
charlm_entries_at(void)
{
	return CHARLM_TABLE_HEAD + 0x10000 * sizeof(uint16_t);
}

static inline size_t
charlm_bigrams_at(uint64_t n)
{
	return charlm_entries_at() +
	    charlm_pad((size_t)n * sizeof(struct charlm_entry));
}

static inline size_t
charlm_punct_at(uint64_t n, uint64_t nbi)
{
	return charlm_bigrams_at(n) + charlm_pad((size_t)nbi * 3);
}

static inline size_t
charlm_rare_at(uint64_t n, uint64_t nbi)
{
	return charlm_punct_at(n, nbi) + 0x10000;
}

static inline size_t
charlm_uncommon_at(uint64_t n, uint64_t nbi)
{
	return charlm_rare_at(n, nbi) + charlm_pad(CHARLM_BITS_BYTES);
}

static inline size_t
charlm_table_len(uint64_t n, uint64_t nbi)
{
	return charlm_uncommon_at(n, nbi) + charlm_pad(CHARLM_BITS_BYTES);
}

#endif
