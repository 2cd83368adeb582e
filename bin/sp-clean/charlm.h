/*
 * charlm.h: a character language model of Chinese, for the mojibake
 * repair (step 6): how likely a character is after another, in bits.
 *
 * Built from two word frequency lists (gen/freqlists.py: jieba's, Rime's
 * essay), simplified and (through OpenCC) traditional, by
 * gen/mkcharlm.py into data/charlm: for Han characters a
 * and b, P(b|a) is the chance that b follows a inside a word plus the
 * chance that a word ends at a and the next begins with b; punctuation
 * follows a word's end at the rates of Chinese text.  A character after
 * an ASCII digit is costed as after the numeral 三 (3月 as 三月).
 * Characters outside the model cost a fixed amount: Han ones much (they
 * are the rare ones mojibake is made of), U+FFFD more, ASCII and the rest
 * a little.
 */
#ifndef SP_CLEAN_CHARLM_H
#define SP_CLEAN_CHARLM_H
#include <stddef.h>
#include <stdint.h>

/*
 * The cost, in bits, of character cp after prev (0: a start of text); cp
 * '\n' is the end of a paragraph.
 */
double charlm_cost(int32_t prev, int32_t cp);

/*
 * The cost of cp after prev2 and prev: as charlm_cost(), but where prev2
 * and prev make a word, cp is taken to begin the next one rather than go
 * on with prev (加强 then 党, not 强壮).
 */
double charlm_cost2(int32_t prev2, int32_t prev, int32_t cp);

/*
 * The cost of cp after prev2 and prev, and of next and next2 (0: not
 * known) after it: for choosing cp among candidates (whether cp and next
 * make a word changes what next2 costs: 要围绕, not 包围绕).
 */
double charlm_between(int32_t prev2, int32_t prev, int32_t cp,
    int32_t next, int32_t next2);

/*
 * The cost of the characters of UTF-8 text s[0..n) following before (0:
 * none), and of after following them (0: none); *chars (may be NULL) gets
 * how many characters were costed, after included.
 */
double charlm_text_cost(const char *s, size_t n, int32_t before,
    int32_t after, size_t *chars);

/* The cost of cp alone, in bits: how rare it is in text. */
double charlm_unigram(int32_t cp);

/*
 * The script Han character cp belongs to alone: 1 simplified (们, 国),
 * 2 traditional (們, 國), 0 both or not in the model (人, 中).
 */
int charlm_script(int32_t cp);

/*
 * What cp costs more, in bits, in text written in script (1, 2; 0: not
 * known): in the other script's characters alone, what the model costs
 * such a character beside one of the other script.
 */
double charlm_script_cost(int32_t cp, int script);

/* Is Han character cp in the model (written in common text)? */
int charlm_known(int32_t cp);

/*
 * The bitmap of the Han characters whose charlm_unigram() is at least
 * at_least, CHARLM_RARE or CHARLM_UNCOMMON (charlmtable.h; NULL for
 * another): a bit for each code point cp of CHARLM_BITS_LO..HI, at
 * [(cp - LO) / 8] bit (cp - LO) % 8.  Made with the table at build time.
 */
const unsigned char *charlm_rare_bits(double at_least);

#endif
