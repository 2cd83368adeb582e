/* utf8.c: UTF-8 decoding with maximal-subpart replacement; see utf8.h. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_BLOCKS 1
#endif

#include "utf8.h"

static const char *const error_names[SP_UTF8_NCLASSES] = {
	"valid",
	"truncated sequence",
	"overlong form",
	"surrogate",
	"stray continuation byte",
	"code point beyond U+10FFFF",
};

const char *
sp_utf8_strerror(enum sp_utf8_error e)
{
	if ((unsigned)e >= SP_UTF8_NCLASSES)
		return "unknown";
	return error_names[e];
}

void
sp_utf8_stats_init(struct sp_utf8_stats *st)
{
	memset(st, 0, sizeof *st);
	st->first_offset = -1;
}

static int
is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t
sp_utf8_decode(const unsigned char *s, size_t n, int32_t *cp,
    enum sp_utf8_error *err)
{
	unsigned char c = s[0];
	enum sp_utf8_error e = SP_UTF8_OK;
	size_t len, i;
	int32_t v;
	unsigned char lo = 0x80, hi = 0xBF;	/* allowed range of byte 2 */

	if (c < 0x80) {
		*cp = c;
		if (err)
			*err = SP_UTF8_OK;
		return 1;
	}
	if (c < 0xC0) {
		e = SP_UTF8_STRAY;
		goto bad1;
	}
	if (c < 0xC2) {
		/* C0 and C1 can only start an overlong two-byte form. */
		e = SP_UTF8_OVERLONG;
		len = (n > 1 && is_cont(s[1])) ? 2 : 1;
		goto bad;
	}
	if (c >= 0xF5) {
		e = SP_UTF8_TOO_LARGE;
		goto bad1;
	}
	if (c < 0xE0) {
		len = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	}
	if (n < 2 || !is_cont(s[1])) {
		e = SP_UTF8_TRUNCATED;
		goto bad1;
	}
	if (s[1] < lo || s[1] > hi) {
		/* The second byte decides the class; the subpart is one byte. */
		if (c == 0xE0 || c == 0xF0)
			e = SP_UTF8_OVERLONG;
		else if (c == 0xED)
			e = SP_UTF8_SURROGATE;
		else
			e = SP_UTF8_TOO_LARGE;
		goto bad1;
	}
	v = (v << 6) | (s[1] & 0x3F);
	for (i = 2; i < len; i++) {
		if (i >= n || !is_cont(s[i])) {
			e = SP_UTF8_TRUNCATED;
			len = i;
			goto bad;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	*cp = v;
	if (err)
		*err = SP_UTF8_OK;
	return len;
bad1:
	len = 1;
bad:
	*cp = SP_REPLACEMENT;
	if (err)
		*err = e;
	return len;
}

size_t
sp_utf8_encode(long cp, char out[4])
{
	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = SP_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The four bytes of w, loaded from memory, as a little-endian number. */
static inline uint32_t
le32(uint32_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return __builtin_bswap32(w);
#else
	return w;
#endif
}

/* Are the two bytes at s continuation bytes (10xxxxxx)? */
static inline int
two_continuations(const unsigned char *s)
{
	return ((s[0] & 0xC0) | (s[1] & 0xC0) >> 2) == 0xA0;
}

/*
 * Validates the characters from s[i] until one starts at or after stop:
 * returns where that one starts (n at the end), or sets *bad and returns
 * where the first bad sequence starts.
 */
static size_t
valid_scalar(const unsigned char *s, size_t n, size_t i, size_t stop,
    int *bad)
{
	size_t k;
	int32_t cp;
	enum sp_utf8_error e;
	unsigned char b;

	while (i < stop) {
		b = s[i];
		if (b < 0x80) {
			/* ASCII runs: the rest of one eight at a time. */
			for (i++; i + 8 <= n; i += 8) {
				uint64_t w;

				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
			}
			continue;
		}
		/*
		 * Three bytes led by E1..EC or EE..EF (all of Chinese) are
		 * valid whatever their two continuation bytes: none is
		 * overlong, a surrogate or out of range.  Checked here, not
		 * decoded, a run of them a word at a time (lead 1110xxxx,
		 * then 10xxxxxx twice: the little-endian low three bytes).
		 */
		if (b >= 0xE1 && b <= 0xEF && b != 0xED) {
			uint32_t w;

			for (; i + 4 <= n; i += 3) {
				memcpy(&w, s + i, 4);
				w = le32(w);
				if ((w & 0xC0C0F0) != 0x8080E0 ||
				    (w & 0xFF) == 0xE0 || (w & 0xFF) == 0xED)
					break;
			}
			if (i < n && s[i] >= 0xE1 && s[i] <= 0xEF &&
			    s[i] != 0xED && i + 2 < n &&
			    two_continuations(s + i + 1)) {
				i += 3;
				continue;
			}
			if (i >= n || s[i] < 0x80)
				continue;
		}
		k = sp_utf8_decode(s + i, n - i, &cp, &e);
		if (e != SP_UTF8_OK) {
			*bad = 1;
			return i;
		}
		i += k;
	}
	return i < n ? i : n;
}

#ifdef __SSE2__
/*
 * Sixteen bytes at s in one test: ASCII, two-byte characters led by
 * C2..DF and three-byte ones led by E1..EC or EE..EF (none of them
 * overlong, a surrogate or out of range whatever its continuation bytes)
 * are valid when the continuation bytes stand exactly where their leads
 * want them.  *carry holds the continuation bytes the block before wants
 * at the start of this one (bits 0 and 1), and gets those this one wants
 * of the next: the blocks go sixteen bytes a step whatever the
 * characters' widths, with no branch on where the last one ends.
 * Returns 1, or 0 when the block holds anything else (E0 ED F0..F4
 * leads, which limit their second byte; invalid bytes), left to
 * valid_scalar().
 */
static int
valid_block(const unsigned char *s, unsigned *carry)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)s);
	/* Signed compares: 0x80..0xBF are -128..-65, 0xC2..0xDF -62..-33. */
	const __m128i cont = _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0));
	const __m128i lead2 = _mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xC1)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xE0)));
	const __m128i lead3 = _mm_andnot_si128(
	    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)), _mm_and_si128(
	    _mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xE0)),
	    _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xF0))));
	unsigned high = (unsigned)_mm_movemask_epi8(v);
	unsigned c, l2, l3, want;

	c = (unsigned)_mm_movemask_epi8(cont);
	l2 = (unsigned)_mm_movemask_epi8(lead2);
	l3 = (unsigned)_mm_movemask_epi8(lead3);
	want = l2 << 1 | l3 << 1 | l3 << 2 | *carry;
	/* Every byte from 0x80 on is a lead or a continuation byte, and
	 * the continuation bytes are the ones wanted. */
	if ((c | l2 | l3) != high || (want & 0xFFFF) != c)
		return 0;
	*carry = want >> 16;
	return 1;
}
#endif

#ifdef HAVE_AVX2_BLOCKS
/*
 * valid_block() for the 32 bytes at s, where the processor has AVX2:
 * the same test, lane for lane, its masks twice as wide, the bits the
 * next block wants shifted out of a 64-bit word.
 */
__attribute__((target("avx2"))) static int
valid_block32(const unsigned char *s, unsigned *carry)
{
	const __m256i v = _mm256_loadu_si256((const __m256i *)s);
	const __m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xC0),
	    v);
	const __m256i lead2 = _mm256_and_si256(
	    _mm256_cmpgt_epi8(v, _mm256_set1_epi8((char)0xC1)),
	    _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xE0), v));
	const __m256i lead3 = _mm256_andnot_si256(
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xED)),
	    _mm256_and_si256(_mm256_cmpgt_epi8(v,
	    _mm256_set1_epi8((char)0xE0)), _mm256_cmpgt_epi8(
	    _mm256_set1_epi8((char)0xF0), v)));
	uint32_t high = (uint32_t)_mm256_movemask_epi8(v);
	uint32_t c, l2, l3;
	uint64_t want;

	c = (uint32_t)_mm256_movemask_epi8(cont);
	l2 = (uint32_t)_mm256_movemask_epi8(lead2);
	l3 = (uint32_t)_mm256_movemask_epi8(lead3);
	want = (uint64_t)l2 << 1 | (uint64_t)l3 << 1 | (uint64_t)l3 << 2 |
	    *carry;
	if ((c | l2 | l3) != high || (uint32_t)want != c)
		return 0;
	*carry = (unsigned)(want >> 32);
	return 1;
}

static size_t valid_scalar(const unsigned char *s, size_t n, size_t i,
    size_t stop, int *bad);
static size_t char_start(const unsigned char *s, size_t i, unsigned *carry);

/*
 * The blocks of 32 bytes of sp_utf8_valid_prefix() from s[*ip], in a
 * function of AVX2's own so that the block test is inlined: returns 1
 * with *ip at the first bad sequence, or 0 with *ip at the first byte
 * not checked.
 */
__attribute__((target("avx2"))) static int
valid_blocks32(const unsigned char *s, size_t n, size_t *ip,
    unsigned *carry)
{
	size_t i = *ip;
	int bad = 0;

	while (i + 32 <= n) {
		if (valid_block32(s + i, carry)) {
			i += 32;
			continue;
		}
		i = char_start(s, i, carry);
		i = valid_scalar(s, n, i, i + 32, &bad);
		if (bad)
			break;
	}
	*ip = i;
	return bad;
}
#endif

#ifdef __SSE2__
/*
 * Where the character that runs into s[i] starts: i itself when the block
 * before wants no continuation byte here (carry 0), else its lead, one or
 * two bytes back (that block was valid).  carry is cleared.
 */
static size_t
char_start(const unsigned char *s, size_t i, unsigned *carry)
{
	if (*carry) {
		do
			i--;
		while ((s[i] & 0xC0) == 0x80);
		*carry = 0;
	}
	return i;
}
#endif

size_t
sp_utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	int bad = 0;
#ifdef __SSE2__
	unsigned carry = 0;

	/*
	 * Sixteen bytes a test while they hold the common characters (32
	 * where the processor has AVX2); a block that holds others, a
	 * character at a time, from the start of the character that runs
	 * into it.
	 */
#ifdef HAVE_AVX2_BLOCKS
	if (n >= 64 && __builtin_cpu_supports("avx2") &&
	    valid_blocks32(s, n, &i, &carry))
		return i;
#endif
	while (i + 16 <= n) {
		if (valid_block(s + i, &carry)) {
			i += 16;
			continue;
		}
		i = char_start(s, i, &carry);
		i = valid_scalar(s, n, i, i + 16, &bad);
		if (bad)
			return i;
	}
	/* The rest from the start of the last character begun. */
	i = char_start(s, i, &carry);
#endif
	return valid_scalar(s, n, i, n, &bad);
}

long
sp_utf8_sanitize(const char *s, size_t n, struct sp_buf *out,
    struct sp_utf8_stats *st, uint64_t base)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, ok, k;
	long bad = 0;
	int32_t cp;
	enum sp_utf8_error e;

	while (i < n) {
		ok = sp_utf8_valid_prefix(u + i, n - i);
		if (sp_buf_append(out, s + i, ok) < 0)
			return -1;
		i += ok;
		if (i >= n)
			break;
		k = sp_utf8_decode(u + i, n - i, &cp, &e);
		if (st) {
			st->count[0]++;
			st->count[e]++;
			if (st->first_offset < 0) {
				st->first_offset = (int64_t)(base + i);
				st->first_class = e;
			}
		}
		if (sp_buf_put_cp(out, SP_REPLACEMENT) < 0)
			return -1;
		bad++;
		i += k;
	}
	return bad;
}

size_t
sp_utf8_boundary(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = n, back = 0;
	unsigned char c;
	size_t need;

	/* Walk back over at most three continuation bytes to a lead byte. */
	while (i > 0 && back < 3 && is_cont(u[i - 1])) {
		i--;
		back++;
	}
	if (i == 0)
		return n;
	c = u[i - 1];
	if (c < 0xC0)
		return n;	/* ASCII or a stray byte: no character open */
	need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
	return (back + 1 < need) ? i - 1 : n;
}
