/*
 * lmtable.h: the hash tables of the word models (wordlm.c,
 * wordbigram.c), made at build time from data/wordlm and data/wordbigram
 * by gen/table-wordlm.c and gen/table-wordbigram.c and compiled in as
 * sp_data_wordlm_table and sp_data_wordbigram_table (see common/embed.h),
 * then read in place.
 *
 * Built at each run, the tables cost a run that needed a model some 10 ms
 * and 13 MB (400,000 words put in slots taken in no order, and the pages
 * of the tables made), most of what a page took: and the printed page
 * numbers of hardwrap.c ask the word list of most Chinese pages whether
 * two characters make a word.  Read in place, a run touches the few pages
 * of them it looks up.
 *
 * The tables are written in the byte order of the machine that builds,
 * which is the one that runs them; each part starts 8-byte aligned.
 */
#ifndef SP_CLEAN_LMTABLE_H
#define SP_CLEAN_LMTABLE_H
#include <stddef.h>
#include <stdint.h>

#include "lmfile.h"

/* The longest word of either model, in characters. */
#define LM_LONGEST 4
/* What a number written in digits is read as: the numeral 三. */
#define LM_DIGITS 0x4E09

/*
 * For each BMP code point, the lengths of the words of a list it opens
 * and of those it closes: a look-up in 64 KB, which stays in the cache,
 * refuses most candidates before the table of megabytes is read.
 */
#define LM_OPENS_AT(len) (1u << ((len) - 1))
#define LM_ENDS_AT(len) (1u << ((len) + 3))

/*
 * wordlm's table (data/wordlm read into an open-addressed table of
 * `size` slots, a power of two at least twice the words):
 *   "SPWLT1\n\0", u64 size,
 *   u64 keys[size]	a word's code points packed 16 bits each; 0 empty
 *   u8 costs[size]	its cost, eighths of a bit
 *   u8 edges[0x10000]	LM_OPENS_AT / LM_ENDS_AT of each code point
 */
#define WORDLM_TABLE_MAGIC "SPWLT1\n"	/* and its NUL: 8 bytes */
#define WORDLM_TABLE_HEAD 16

static inline size_t
wordlm_table_len(uint64_t size)
{
	return WORDLM_TABLE_HEAD + (size_t)size * 9 + 0x10000;
}

/*
 * wordbigram's table (data/wordbigram's written forms in such a table),
 * then the file itself, whose words' costs and bigrams are read in it:
 *   "SPWBT1\n\0", u64 size, u64 the file's length, u64 where its
 *	bigrams start in it,
 *   u64 keys[size]	a form's code points packed; 0 empty
 *   u32 words[size]	its word
 *   u32 single[0x10000]	the word of each code point written alone, or
 *			LM_NO_WORD
 *   u8 edges[0x10000]
 *   u8 pair_opens[LM_PAIR_BITS / 8]	a bit for each pair of characters
 *			that opens a form of two or more, hashed
 *			(lm_pair_bit())
 *   the bytes of data/wordbigram
 */
#define WORDBIGRAM_TABLE_MAGIC "SPWBT1\n"
#define WORDBIGRAM_TABLE_HEAD 32
#define LM_NO_WORD UINT32_MAX
#define LM_PAIR_BITS 20

static inline size_t
lm_pair_bit(int32_t a, int32_t b)
{
	return lm_slot((uint64_t)a << 16 | (uint64_t)b, ((size_t)1 <<
	    LM_PAIR_BITS) - 1);
}

/* Where the parts of wordbigram's table of size slots start. */
static inline size_t
wordbigram_words_at(uint64_t size)
{
	return WORDBIGRAM_TABLE_HEAD + (size_t)size * 8;
}

static inline size_t
wordbigram_single_at(uint64_t size)
{
	return wordbigram_words_at(size) + (size_t)size * 4;
}

static inline size_t
wordbigram_edges_at(uint64_t size)
{
	return wordbigram_single_at(size) + 0x10000 * 4;
}

static inline size_t
wordbigram_pairs_at(uint64_t size)
{
	return wordbigram_edges_at(size) + 0x10000;
}

static inline size_t
wordbigram_file_at(uint64_t size)
{
	return wordbigram_pairs_at(size) + ((size_t)1 << LM_PAIR_BITS) / 8;
}

/*
 * The window a word model cuts: cps[0..n) without its code points 0, into
 * s[0..max), each run of ASCII digits one numeral 三, as the character
 * model reads a digit (charlm.h): the word lists have no digits, and 3日
 * is the word 三日, where a digit of no word left 日 to be costed alone,
 * and 时 is the commoner word alone (2时 for 2日).  Returns the length.
 */
static inline size_t
lm_window(const int32_t *cps, size_t n, int32_t *s, size_t max)
{
	size_t i, m = 0;

	for (i = 0; i < n && m < max; i++) {
		if (cps[i] == 0)
			continue;
		if (cps[i] >= '0' && cps[i] <= '9') {
			if (m > 0 && s[m - 1] == LM_DIGITS)
				continue;
			s[m++] = LM_DIGITS;
			continue;
		}
		s[m++] = cps[i];
	}
	return m;
}

/* The 64-bit number at p, in the machine's order (any alignment). */
static inline uint64_t
lm_u64_native(const unsigned char *p)
{
	uint64_t v;

	__builtin_memcpy(&v, p, sizeof v);
	return v;
}

static inline uint32_t
lm_u32_native(const unsigned char *p)
{
	uint32_t v;

	__builtin_memcpy(&v, p, sizeof v);
	return v;
}

#endif
