/*
 * mojibake_gbk.h: GBK's two-byte codes both ways, for the mojibake repair
 * (mojibake.h), which re-encodes what a wrong decoding made and decodes
 * it again.  The table is built from the system's GB18030 decoder once,
 * by whichever thread asks first (gbk_load()); the look-ups are inline,
 * since the repairs try every byte value of a lost byte.
 */
#ifndef SP_CLEAN_MOJIBAKE_GBK_H
#define SP_CLEAN_MOJIBAKE_GBK_H
#include <stdint.h>

/* GBK's two-byte codes: lead 0x81..0xFE, trail 0x40..0xFE. */
#define GBK_INDEX(l, t) (((l) - 0x81) * 191 + ((t) - 0x40))
extern uint16_t *gbk_cp;	/* code → BMP code point, 0: none */
extern uint16_t *cp_gbk;	/* BMP code point → code, 0: none */

/* Builds the tables, the first time it is called (thread-safe). */
void gbk_load(void);

/*
 * The character of the pair (l, t), 0 when it makes none (or one of
 * GBK's user-defined areas, which decoders of the web refuse).
 */
static inline int32_t
gbk_decode(unsigned l, unsigned t)
{
	if (l < 0x81 || l > 0xFE || t < 0x40 || t > 0xFE || t == 0x7F)
		return 0;
	return gbk_cp[GBK_INDEX(l, t)];
}

/* Is (l, t) in one of GBK's user-defined areas (private use)? */
static inline int
gbk_user_defined(unsigned l, unsigned t)
{
	return (t >= 0xA1 && t <= 0xFE && ((l >= 0xAA && l <= 0xAF) ||
	    (l >= 0xF8 && l <= 0xFE))) || (l >= 0xA1 && l <= 0xA7 &&
	    t >= 0x40 && t <= 0xA0 && t != 0x7F);
}

/* The two-byte GBK code of cp, 0 when it has none. */
static inline unsigned
gbk_encode(int32_t cp)
{
	if (cp < 0x80 || cp > 0xFFFF)
		return 0;
	return cp_gbk[cp];
}

#endif
