/*
 * enc_score.h: does a decoding read as text?  The share of its non-ASCII
 * characters that are common in writing, so that a guessed encoding can
 * be checked, and two guesses compared, on what they make of the bytes.
 *
 * Common: the Han characters of the everyday sets (GB2312 level 1, Big5's
 * frequent characters, JIS level 1), kana, the Hangul syllables of KS X
 * 1001, CJK and general punctuation, full-width forms, Latin-1 symbols,
 * letterlike and mathematical signs (℃ № ≒ √), enclosed CJK and unit
 * squares (㈱ ㍉ ㎜);
 * an accented Latin letter next to an ASCII letter, and a Greek,
 * Cyrillic, Hebrew, Arabic or Thai letter next to one of its own script.
 * Everything else counts against: rare Han (what Shift_JIS read as
 * UTF-16 makes), C1 controls and curly quotes gone to them, U+FFFD,
 * private use, box drawing, runs of accented letters (GBK read as
 * Latin-1).
 */
#ifndef SP_ENC_SCORE_H
#define SP_ENC_SCORE_H
#include <stddef.h>

/*
 * The share (0..1) of the non-ASCII characters of UTF-8 text s[0..n) that
 * are common; 1 when there are none.  *counted (may be NULL) gets how many
 * non-ASCII characters there were.  Thread-safe; the first call builds the
 * tables (a few milliseconds).
 */
double sp_enc_plausibility(const char *s, size_t n, size_t *counted);

/* Is Han, kana or Hangul character cp among the common ones? */
int sp_enc_common_cjk(long cp);

#endif
