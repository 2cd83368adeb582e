/*
 * whole_lines.c: lines that no sentence ends inside, told by a look at
 * their bytes, without sentences.c's walk.
 *
 * sent_next() ends a sentence inside a line at an end mark, at a run of
 * blanks three wide beside CJK (glue_run()), or after a note of the
 * audience in brackets; most lines of HTML and of page dumps hold none of
 * them.  The look may say "perhaps" where the walk finds no end, never
 * the other way: an ASCII end mark can end a sentence only before a
 * blank, a closing mark, a quote or a byte beyond ASCII (end_run(): "a.b",
 * "x?y=1" and "Yahoo!Japan" are one word), a run of ASCII blanks only when
 * three or more wide, not at the line's start or end, with a byte beyond
 * ASCII beside it, and a note of the audience only at a closing bracket
 * with 掌, 声 or 呼 (掌声 笑声 鼓掌 欢呼) in the 24 bytes before it
 * (audience_note()).  Every other character beyond ASCII that may end a
 * sentence is an end mark or a blank, and ends the look.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define HAVE_AVX2_LOOK 1
#endif

#include "sentences.h"
#include "zh.h"

static int
ascii_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The end of the run of ASCII blanks (space, tab, CR) at s[i]. */
static size_t
skip_ascii_blanks(const unsigned char *s, size_t n, size_t i)
{
	while (i < n && ascii_blank(s[i]))	/* w3m's layout: long runs */
		i = s[i] == ' ' ? sp_space_run_end(s, n, i) : i + 1;
	return i;
}

/* May an ASCII end mark end a sentence before the byte c? */
static int
may_end_before(unsigned char c)
{
	return c >= 0x80 || ascii_blank(c) || c == ')' || c == ']' || c == '"';
}

/* Do 掌, 声 or 呼 stand in the 24 bytes before the closer at s[c]? */
static int
audience_word_before(const unsigned char *s, size_t c)
{
	size_t k = c > 24 ? c - 24 : 0;

#ifdef __SSE2__
	/* Their lead bytes E5 E6 (E4 to E7 told at once) nowhere there:
	 * the brackets of code and English. */
	const __m128i fc = _mm_set1_epi8((char)0xFC);
	const __m128i e4 = _mm_set1_epi8((char)0xE4);

	if (c >= 24 && (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(
	    _mm_loadu_si128((const __m128i *)(s + c - 24)), fc), e4)) |
	    _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(
	    _mm_loadu_si128((const __m128i *)(s + c - 16)), fc), e4))) == 0)
		return 0;
#endif
	for (; k + 3 <= c; k++)
		if ((s[k] == 0xE5 && ((s[k + 1] == 0xA3 && s[k + 2] == 0xB0) ||
		    (s[k + 1] == 0x91 && s[k + 2] == 0xBC))) ||
		    (s[k] == 0xE6 && s[k + 1] == 0x8E && s[k + 2] == 0x8C))
			return 1;
	return 0;
}

/*
 * Does the character at s[j] (beyond ASCII: its lead byte is C2, E1,
 * E2, E3 or EF) end a sentence, or may it: an end mark, a blank (in a
 * run), a closing bracket after a word of the audience?  Others (，、
 * “”《》━) do not.  A sequence cut short is no character.
 */
static int
may_split_beyond_ascii(const unsigned char *s, size_t n, size_t j)
{
	unsigned char b1, b2;

	if (s[j] == 0xC2)	/* U+00A0 */
		return j + 1 < n && s[j + 1] == 0xA0;
	if (j + 2 >= n)
		return 0;
	b1 = s[j + 1];
	b2 = s[j + 2];
	switch (s[j]) {
	case 0xE1:		/* U+1680 */
		return b1 == 0x9A && b2 == 0x80;
	case 0xE2:		/* U+2000..200B, 2026 …, 202F; 205F; 22EF ⋯ */
		return (b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA6 ||
		    b2 == 0xAF)) || (b1 == 0x81 && b2 == 0x9F) ||
		    (b1 == 0x8B && b2 == 0xAF);
	case 0xE3:		/* U+3000, 3002 。; 】 〕 */
		if (b1 != 0x80)
			return 0;
		if (b2 == 0x80 || b2 == 0x82)
			return 1;
		return (b2 == 0x91 || b2 == 0x95) &&
		    audience_word_before(s, j);
	case 0xEF:		/* ！．；？｡ U+FEFF; ）］ */
		if (b1 == 0xBC && (b2 == 0x81 || b2 == 0x8E || b2 == 0x9B ||
		    b2 == 0x9F))
			return 1;
		if ((b1 == 0xBD && b2 == 0xA1) || (b1 == 0xBB && b2 == 0xBF))
			return 1;
		return b1 == 0xBC && (b2 == 0x89 || b2 == 0xBD) &&
		    audience_word_before(s, j);
	}
	return 0;
}

/*
 * Does the byte at s[j], one the masks or the table below picked, end a
 * sentence, or may it?  When not, *next is where to look on (past a run
 * of blanks).  s[0..n) is lines that a '\n' ends each: a run of blanks at
 * a line's start or end ends nothing.
 */
static int
may_split_at(const unsigned char *s, size_t n, size_t j, int semicolon,
    size_t *next)
{
	unsigned char c = s[j];
	size_t a = j, b;

	*next = j + 1;
	if (c >= 0x80)
		return may_split_beyond_ascii(s, n, j);
	if (c == ')' || c == ']')
		return audience_word_before(s, j);
	if (c == '.' || c == '!' || c == '?' || (c == ';' && semicolon))
		return j + 1 < n && may_end_before(s[j + 1]);
	if (!ascii_blank(c))
		return 0;
	while (a > 0 && ascii_blank(s[a - 1]))
		a--;
	*next = b = skip_ascii_blanks(s, n, j);
	return b - a >= 3 && a > 0 && s[a - 1] != '\n' && b < n &&
	    s[b] != '\n' && (s[a - 1] >= 0x80 || s[b] >= 0x80);
}

/* The bytes may_split_at() looks at. */
#define TABLE_ENTRY(b) [(unsigned char)(b)] = 1,
#define WHOLE_LOOK(X) X('.') X('!') X('?') X(';') X(' ') X('\t') X('\r') \
	X(')') X(']') X(0xC2) X(0xE1) X(0xE2) X(0xE3) X(0xEF)
static const unsigned char whole_look[256] = { WHOLE_LOOK(TABLE_ENTRY) };

/* Where the look stands in the lines, and what it has counted. */
struct look {
	const unsigned char *s;
	size_t n;
	int semicolon;
	size_t start;		/* the line being looked at */
	size_t next;		/* bytes before it looked at (blank runs) */
	uint64_t lines, sentences;
};

/*
 * The line at s[lk->start] ends at s[nl] ('\n'), none of it ending a
 * sentence: counted, and in sentences unless it is empty (or a CR
 * alone).  Returns 1 when the next line opens with a form feed (the
 * stream's: a document may end there), else 0.
 */
static int
whole_line(struct look *lk, size_t nl)
{
	size_t len = nl - lk->start;

	lk->lines++;
	lk->sentences += len > 1 || (len == 1 && lk->s[lk->start] != '\r');
	lk->start = nl + 1;
	/* Its leading blanks end nothing, and are not looked at. */
	if (lk->start < lk->n && ascii_blank(lk->s[lk->start]))
		lk->next = skip_ascii_blanks(lk->s, lk->n, lk->start);
	return lk->start < lk->n && lk->s[lk->start] == '\f';
}

/*
 * The bits of a block of bytes at s[i], a bit a byte: newlines, and
 * those may_split_at() looks at (a superset: a bit too many costs a
 * look).  Returns 1 when the look stops: a line that may end a sentence,
 * or one that opens with a form feed, at lk->start.  s[j + 1] is there
 * for every bit j (look_blocks()).
 *
 * A CR before its LF, as most lines of HTML end, is passed over here:
 * the run of blanks it opens ends at the line's end, which ends
 * nothing, and a call of may_split_at() each was a ninth of -s on HTML.
 * (Left out of the masks instead, it took one more vector constant,
 * and the constants no longer fitted in the registers.)
 */
static inline int
look_bits(struct look *lk, size_t i, uint64_t look, uint64_t nls)
{
	const unsigned char *s = lk->s;
	size_t j;

	look |= nls;
	while (look) {
		j = i + (size_t)__builtin_ctzll(look);
		if (nls >> (j - i) & 1) {
			if (whole_line(lk, j))
				return 1;
		} else if (j < lk->next) {
			/*
			 * In a run of blanks looked past (no newline is in
			 * one): the bits of the rest of it go at once, not
			 * one a turn (w3m's layout: runs of dozens).
			 */
			look = lk->next - i >= 64 ? 0 :
			    look & ~(uint64_t)0 << (lk->next - i);
			continue;
		} else if (!(s[j] == '\r' && s[j + 1] == '\n') &&
		    may_split_at(s, lk->n, j, lk->semicolon, &lk->next)) {
			return 1;
		}
		look &= look - 1;
	}
	return 0;
}

/*
 * The masks of a block of BLOCK bytes, a bit a byte, in words of 64:
 * made in a loop of their own, with no call in it (no vector register
 * lives through a call, and the constants made anew at every step of a
 * loop that calls may_split_at() were a third of the look).
 */
#define BLOCK 128
struct masks {
	uint64_t look[BLOCK / 64], newline[BLOCK / 64];
};

#ifdef __SSE2__
#define MASK_FN masks_sse2
#define MASK_TARGET
#define MASK_WIDTH 16
#define VEC __m128i
#define LOADU(p) _mm_loadu_si128((const __m128i *)(p))
#define SET1(b) _mm_set1_epi8((char)(b))
#define EQ(x, y) _mm_cmpeq_epi8((x), (y))
#define GT(x, y) _mm_cmpgt_epi8((x), (y))
#define AND(x, y) _mm_and_si128((x), (y))
#define OR(x, y) _mm_or_si128((x), (y))
#define BITS(x) ((unsigned)_mm_movemask_epi8(x))
#include "whole_mask.h"
#endif

#ifdef HAVE_AVX2_LOOK
#define MASK_FN masks_avx2
#define MASK_TARGET __attribute__((target("avx2")))
#define MASK_WIDTH 32
#define VEC __m256i
#define LOADU(p) _mm256_loadu_si256((const __m256i *)(p))
#define SET1(b) _mm256_set1_epi8((char)(b))
#define EQ(x, y) _mm256_cmpeq_epi8((x), (y))
#define GT(x, y) _mm256_cmpgt_epi8((x), (y))
#define AND(x, y) _mm256_and_si256((x), (y))
#define OR(x, y) _mm256_or_si256((x), (y))
#define BITS(x) ((unsigned)_mm256_movemask_epi8(x))
#include "whole_mask.h"
#endif

/* Not to be changed while another thread looks. */
static int sse2_only;

void
sent_whole_sse2_only(int on)
{
	sse2_only = on;
}

/*
 * The look a block at a time from s[i] while a byte after the block is
 * there; returns where it stopped, or the first byte it did not look at.
 */
static size_t
look_blocks(struct look *lk, size_t i)
{
	struct masks m;
	size_t k;
#ifdef HAVE_AVX2_LOOK
	int avx2 = !sse2_only && __builtin_cpu_supports("avx2");
#endif

	for (; i + BLOCK + 1 <= lk->n; i += BLOCK) {
#ifdef HAVE_AVX2_LOOK
		if (avx2)
			masks_avx2(lk->s + i, lk->semicolon, &m);
		else
#endif
			masks_sse2(lk->s + i, lk->semicolon, &m);
		for (k = 0; k < BLOCK / 64; k++)
			if (look_bits(lk, i + 64 * k, m.look[k], m.newline[k]))
				return i;
		if (lk->next > i + BLOCK)
			i = lk->next - BLOCK;	/* past a run of blanks */
	}
	return i;
}

/* The look a byte at a time, from s[i]: the last bytes. */
static void
look_bytes(struct look *lk, size_t i)
{
	const unsigned char *s = lk->s;

	for (; i < lk->n; i++) {
		if (s[i] == '\n') {
			if (whole_line(lk, i))
				return;
		} else if (whole_look[s[i]] && i >= lk->next &&
		    may_split_at(s, lk->n, i, lk->semicolon, &lk->next)) {
			return;
		}
	}
}

size_t
sent_whole_lines(const char *text, size_t n, int semicolon, uint64_t *lines,
    uint64_t *sentences)
{
	struct look lk = { (const unsigned char *)text, n, semicolon, 0, 0,
	    0, 0 };
	size_t i = 0;

	if (n > 0 && lk.s[0] == '\f')
		return *lines = *sentences = 0;
	if (n > 0 && ascii_blank(lk.s[0]))
		lk.next = skip_ascii_blanks(lk.s, n, 0);
#ifdef __SSE2__
	i = look_blocks(&lk, 0);
	if (i + BLOCK + 1 > n)
#endif
		look_bytes(&lk, i);
	*lines = lk.lines;
	*sentences = lk.sentences;
	return lk.start;
}
