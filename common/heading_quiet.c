/*
 * heading_quiet.c: the lines of a buffer that hold no heading, found in
 * one scan of it (sp_heading_quiet_lines(); see heading.h), so that a
 * tool feeds the tracker only the lines that may hold one.
 *
 * A heading opens a segment: a line, or a piece of a glued line after a
 * run of blanks (sp_heading_segment()), its first character one a
 * marker may open with (may_open_marker_cp()); or it is a …篇X title;
 * and the tracker notes a ① inside a line.  A line holds none of these
 * when no piece of it, after any run of blanks, opens with such a
 * character, and it holds no 篇 and no E2 91: that is a little wider
 * than the segmentation (a run of one blank is looked past too), never
 * narrower.  Most of a buffer is scanned a block at a time for the few
 * bytes that may start such a piece; each is looked at by quiet_at().
 */
#include <pthread.h>
#include <string.h>
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_QUIET_BLOCKS 1
#endif

#include "heading_int.h"
#include "heading_opens.h"

struct quiet {
	size_t line;	/* where the line being looked at opens */
	size_t seen;	/* the blanks before s[seen] are looked past */
	uint64_t count;	/* the lines before it */
};

/*
 * The Han character at s[i] (E4..E9 and two continuation bytes, as most
 * lines and pieces open with), or -1.
 */
static inline int32_t
han_at(const char *s, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (i + 2 >= n || u[0] < 0xE4 || u[0] > 0xE9 ||
	    ((u[1] & 0xC0) | (u[2] & 0xC0) >> 2) != 0xA0)
		return -1;
	return (int32_t)(u[0] & 0x0F) << 12 | (int32_t)(u[1] & 0x3F) << 6 |
	    (u[2] & 0x3F);
}

/*
 * May the Arabic number at s[i] open a marker (match_arabic())?  Not
 * with four digits or more (2022-11-10), nor when what follows them is
 * none of its delimiters: . ) ． 、 ） or a space (before 、).  A
 * full-width digit after them, or the buffer's end, may.
 */
static int
digits_may_open(const char *s, size_t n, size_t i)
{
	const unsigned char *u;
	size_t k = i;

	while (k < n && k - i < 4 && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k - i >= 4)
		return 0;
	if (k + 2 >= n)
		return 1;
	u = (const unsigned char *)s + k;
	if (u[0] < 0x80)
		return u[0] == '.' || u[0] == ')' || u[0] == ' ';
	return (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x81) ||
	    (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x8E || u[2] == 0x89 ||
	    (u[2] >= 0x90 && u[2] <= 0x99)));
}

/*
 * May the character cp at s[i] (its first byte beyond ASCII) open a
 * marker?  首 其 再 最 do only as 首先 其次 再次 最后 (match_marker()
 * sends the rest to the …篇X test).
 */
static int
char_may_open(const char *s, size_t n, size_t i, int32_t cp)
{
	if (!may_open_marker_cp(cp))
		return 0;
	if (cp == 0x9996 || cp == 0x5176 || cp == 0x518D || cp == 0x6700)
		return is_seq_word(cp, han_at(s, n, i + 3));
	if (cp == 0x76EE)	/* 目录, 目　　录 */
		return han_at(s, n, sp_skip_blank(s, n, i + 3)) == 0x5F55;
	return 1;
}

/* The byte b < 0x80 at s[i]: may it open a marker? */
static inline int
ascii_may_open(const char *s, size_t n, size_t i, unsigned char b)
{
	if (b >= '0' && b <= '9')
		return digits_may_open(s, n, i);
	return b == '(';
}

/* piece_may_open() for a piece that opens with blanks or others. */
static int
piece_after_blanks(const char *s, size_t n, size_t i, size_t *seen)
{
	int32_t cp;

	*seen = i = skip_blank(s, n, i);
	if (i >= n)
		return 0;
	if ((unsigned char)s[i] < 0x80)
		return ascii_may_open(s, n, i, (unsigned char)s[i]);
	sp_cp_at(s, n, i, &cp);
	return char_may_open(s, n, i, cp);
}

/*
 * May the piece that opens at s[i] after its blanks open with a marker
 * (sp_heading_match() reads the same characters)?  '\n', not a blank,
 * ends the blanks; *seen gets where they end.  A Han character, most of
 * which maybe_marker_han() refuses, and ASCII other than a blank, as
 * most lines open, are read here at once.
 */
static inline int
piece_may_open(const char *s, size_t n, size_t i, size_t *seen)
{
	int32_t cp = han_at(s, n, i);
	unsigned char b;

	if (cp >= 0) {
		*seen = i;
		return maybe_marker_han(cp) && char_may_open(s, n, i, cp);
	}
	b = i < n ? (unsigned char)s[i] : 0;
	if (i < n && b < 0x80 && b != ' ' && b != '\t' && b != '\r') {
		*seen = i;
		return ascii_may_open(s, n, i, b);
	}
	return piece_after_blanks(s, n, i, seen);
}

/* lone_after_text() when the character before s[j] is beyond ASCII. */
static int
lone_after_char(const char *s, size_t n, size_t j)
{
	size_t k = sp_cp_before(s, j);
	int32_t cp;

	return sp_cp_at(s, j, k, &cp) == j - k && cp != 0xFFFD &&
	    !sp_is_blank(cp) && lone_blank(s, n, j);
}

/*
 * Is the blank at s[j] one lone_blank() passes over?  It reads a blank
 * as a run's first: the character before, valid and no blank, shows
 * that it is ("words of English", "中文 (2012)").  ASCII and Han before
 * it are read here at once.
 */
static inline int
lone_after_text(const char *s, size_t n, size_t j)
{
	unsigned char p;

	if (j == 0)
		return 0;
	p = (unsigned char)s[j - 1];
	if (p < 0x80)
		return p > 0x20 && lone_blank(s, n, j);
	if (j >= 3 && han_at(s, j, j - 3) >= 0)	/* no Han is blank */
		return lone_blank(s, n, j);
	return lone_after_char(s, n, j);
}

/*
 * The byte s[j] is a newline, a byte up to 0x20, the first of a blank
 * beyond ASCII, or of E2 91 or 篇.  Is the line it is in (for a newline,
 * the line after it) still quiet?  A piece that opens after the blanks
 * from s[j] is looked at, unless s[j] is a lone blank.
 */
static inline int
quiet_at(const char *s, size_t n, size_t j, size_t *seen)
{
	unsigned char b = (unsigned char)s[j];

	if (j < *seen)		/* inside blanks looked past */
		return 1;
	if (b == '\n')		/* a form feed: a document's end, maybe */
		return !(j + 1 < n && s[j + 1] == '\f') &&
		    !piece_may_open(s, n, j + 1, seen);
	if (b == 0xE2 || b == 0xE7)	/* E2 91, 篇 */
		return 0;
	return lone_after_text(s, n, j) || !piece_may_open(s, n, j, seen);
}

/* Does s[j] open a blank beyond ASCII that opens a run, E2 91 or 篇? */
static int
quiet_sequence(const char *s, size_t n, size_t j)
{
	const unsigned char *u = (const unsigned char *)s + j;
	unsigned char c = j + 1 < n ? u[1] : 0, d = j + 2 < n ? u[2] : 0;

	return (u[0] == 0xC2 && c == 0xA0) || (u[0] == 0xE2 && c == 0x91) ||
	    (u[0] == 0xE3 && c == 0x80 && d == 0x80) ||
	    (u[0] == 0xE7 && c == 0xAF && d == 0x87);
}

/* The bytes from s[i] a byte at a time; returns 1 where it stops. */
static int
quiet_bytes(const char *s, size_t n, size_t i, struct quiet *q)
{
	int quiet;

	for (; i < n; i++) {
		if ((unsigned char)s[i] > 0x20 && !quiet_sequence(s, n, i))
			continue;
		quiet = quiet_at(s, n, i, &q->seen);
		if (s[i] == '\n') {
			q->count++;
			q->line = i + 1;
		}
		if (!quiet)
			return 1;
	}
	return 0;
}

#ifdef HAVE_QUIET_BLOCKS
/*
 * A bit for each character's first two bytes, (lead & 0x7F) << 6 |
 * (second & 0x3F), set where some character that starts so may open a
 * marker or is a blank, which a piece opens after: 新 (E6 96) and •
 * (E2 80 A2) are refused, E4 B8 (一 七 三 among its characters) and E2 80
 * (the spaces of U+2000..U+200B among them) are not.  The characters are
 * those of heading_opens.h.
 */
static unsigned char opens_pair[(0x80 << 6) / 8];
/*
 * The same a bit for each character of three bytes (U+0800..U+FFFF),
 * exact: the pair of 一 (E4 B8) is that of 上 下 不 世 东 ... too, and
 * most lines of Chinese text open with such a character, each looked at
 * by quiet_at() for nothing.
 */
static unsigned char opens_cp[0x10000 / 8];
static pthread_once_t opens_once = PTHREAD_ONCE_INIT;

static void
opens_init(void)
{
	int32_t cp;
	unsigned b1, b2;
	size_t r;

	for (r = 0; r < SP_HEADING_OPENS; r++) {
		for (cp = sp_heading_opens[r].first;
		    cp <= sp_heading_opens[r].last; cp++) {
			if (cp < 0x800) {
				b1 = 0xC0 | (unsigned)cp >> 6;
				b2 = 0x80 | ((unsigned)cp & 0x3F);
			} else {
				b1 = 0xE0 | (unsigned)cp >> 12;
				b2 = 0x80 | ((unsigned)cp >> 6 & 0x3F);
			}
			b1 = (b1 & 0x7F) << 6 | (b2 & 0x3F);
			opens_pair[b1 >> 3] |= (unsigned char)(1u << (b1 & 7));
			opens_cp[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		}
	}
}

/*
 * The events of ev, a block's at s[i], that quiet_at() may find not
 * quiet: one at a blank or control byte before a character beyond ASCII
 * that neither opens a marker nor is a blank is left out, here, without
 * leaving the block loop.  Most lines of Chinese text open with such a
 * character (the w3m dumps of tests/data/labelled-web: 65% of the
 * events), and each look at one, out of the loop, cost more than the
 * block.  Characters beyond the BMP open nothing and are no blank.
 */
static inline uint64_t
worth_a_look(const char *s, size_t n, size_t i, uint64_t ev)
{
	const unsigned char *u;
	uint64_t keep = 0, bit;
	size_t j;
	unsigned k;

	for (; ev != 0; ev ^= bit) {
		bit = ev & -ev;
		j = i + (size_t)__builtin_ctzll(ev);
		u = (const unsigned char *)s + j;
		if (u[0] > 0x20 || u[1] < 0x80 || (u[2] & 0xC0) != 0x80) {
			keep |= bit;
			continue;
		}
		/* A character of three bytes, whole in s: its own bit. */
		if ((u[1] & 0xF0) == 0xE0 && j + 3 < n &&
		    (u[3] & 0xC0) == 0x80) {
			k = (u[1] & 0x0Fu) << 12 | (u[2] & 0x3Fu) << 6 |
			    (u[3] & 0x3Fu);
			if (opens_cp[k >> 3] >> (k & 7) & 1)
				keep |= bit;
			continue;
		}
		k = (u[1] & 0x7Fu) << 6 | (u[2] & 0x3Fu);
		if (opens_pair[k >> 3] >> (k & 7) & 1)
			keep |= bit;
	}
	return keep;
}

/* The bits of a block at s[i] of width w left after the blanks seen. */
static inline uint64_t
after_seen(const struct quiet *q, size_t i, size_t w)
{
	if (q->seen <= i)
		return ~0ull;
	return q->seen >= i + w ? 0 : ~0ull << (q->seen - i);
}

/*
 * Counts the newlines of nl, a block's at s[i]; the last opens a line.
 * One instruction in the AVX2 and AVX-512 scans, whose targets have
 * POPCNT too.
 */
static inline void
lines_in(struct quiet *q, size_t i, uint64_t nl)
{
	if (nl == 0)
		return;
	q->line = i + 64 - (size_t)__builtin_clzll(nl);
	q->count += (uint64_t)__builtin_popcountll(nl);
}

/*
 * The scan stops at s[j], in the block at s[i] whose newlines are nl:
 * the lines before the one that may hold a heading (for a newline, the
 * one after it) are counted.
 */
static inline void
lines_before(struct quiet *q, const char *s, size_t i, size_t j,
    uint64_t nl)
{
	size_t k = j - i;

	/* 2 << 63 is 0 in 64 bits: the mask of all 64. */
	lines_in(q, i, nl & (s[j] == '\n' ? (2ull << k) - 1 :
	    (1ull << k) - 1));
}

#define QUIET_SCAN quiet_scan
#define QUIET_BLOCK quiet_block
#define QUIET_VEC quiet_vec
#define QUIET_KEYS quiet_keys
#define QUIET_KEYS_INIT quiet_keys_init
#define QUIET_WIDTH 16
#define QUIET_TARGET
#define QUIET_MOVEMASK(v) ((uint32_t)_mm_movemask_epi8((__m128i)(v)))
#include "heading_quiet_block.h"
#include "heading_quiet_scan.h"

#define QUIET_SCAN quiet_scan_avx2
#define QUIET_BLOCK quiet_block_avx2
#define QUIET_VEC quiet_vec_avx2
#define QUIET_KEYS quiet_keys_avx2
#define QUIET_KEYS_INIT quiet_keys_init_avx2
#define QUIET_WIDTH 32
#define QUIET_TARGET __attribute__((target("avx2,popcnt")))
#define QUIET_MOVEMASK(v) ((uint32_t)_mm256_movemask_epi8((__m256i)(v)))
#include "heading_quiet_block.h"
#include "heading_quiet_scan.h"

#include "heading_quiet_avx512.h"
#define QUIET_SCAN quiet_scan_avx512
#define QUIET_BLOCK quiet_block_avx512
#define QUIET_KEYS quiet_keys_avx512
#define QUIET_KEYS_INIT quiet_keys_init_avx512
#define QUIET_WIDTH 64
#define QUIET_TARGET QUIET512_TARGET
#include "heading_quiet_scan.h"
#endif

size_t
sp_heading_quiet_lines(const char *s, size_t n, uint64_t *lines)
{
	return sp_heading_quiet_lines_upto(s, n, lines, 64);
}

/*
 * The scan in blocks of 64, 32 and 16 bytes, as wide as the processor
 * and widest allow, and a byte at a time after them.  Each width finds
 * the same lines (the unit test compares them).
 */
size_t
sp_heading_quiet_lines_upto(const char *s, size_t n, uint64_t *lines,
    unsigned widest)
{
	struct quiet q = { 0, 0, 0 };
	size_t i = 0;
	int stopped = 0;

	*lines = 0;
	if (n == 0 || s[0] == '\f' || piece_may_open(s, n, 0, &q.seen))
		return 0;
#ifdef HAVE_QUIET_BLOCKS
	(void)pthread_once(&opens_once, opens_init);
	/* POPCNT comes with every processor that has AVX2 or AVX-512. */
	if (widest >= 64 && __builtin_cpu_supports("avx512bw") &&
	    __builtin_cpu_supports("popcnt"))
		stopped = quiet_scan_avx512(s, n, &i, &q);
	if (!stopped && widest >= 32 && __builtin_cpu_supports("avx2") &&
	    __builtin_cpu_supports("popcnt"))
		stopped = quiet_scan_avx2(s, n, &i, &q);
	if (!stopped && widest >= 16)
		stopped = quiet_scan(s, n, &i, &q);
#else
	(void)widest;
#endif
	if (!stopped)
		quiet_bytes(s, n, i, &q);
	*lines = q.count;
	return q.line;
}
