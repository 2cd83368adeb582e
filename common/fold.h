/*
 * fold.h: the normalized form of a text, for telling near-identical units
 * apart from different ones.
 *
 * Folding applies NFKC and Unicode case folding, removes default-ignorable
 * characters (zero-width spaces, soft hyphens), white space and punctuation,
 * CJK and ASCII alike (ASCII symbols such as $ + = count as punctuation), and
 * with SP_FOLD_DIGITS maps every decimal digit to '0'.  So "Ｈｅｌｌｏ，
 * 世界！" and "hello 世界" fold to the same "hello世界".
 *
 * Invalid UTF-8 is folded as U+FFFD, one per maximal invalid subpart.
 */
#ifndef SP_FOLD_H
#define SP_FOLD_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum {
	SP_FOLD_DIGITS = 1,	/* digits (Nd, after NFKC) become '0' */
	/*
	 * A removed run between two word characters (letters or digits
	 * outside the CJK scripts) becomes one space, so that words stay
	 * apart: "hello, world" folds to "hello world", but "中，国" to "中国".
	 */
	SP_FOLD_WORDS = 2
};

/*
 * Appends the folded form of s[0..n) to out.  Returns the number of
 * characters appended, or -1 when out of memory (out is then left as it
 * was).
 */
long sp_fold(const char *s, size_t n, unsigned flags, struct sp_buf *out);

/* Is cp a character of a CJK script (Han, kana, hangul, bopomofo)? */
int sp_fold_is_cjk_letter(int32_t cp);
/*
 * Is cp a word character: a letter, mark or number outside the CJK
 * scripts (what SP_FOLD_WORDS keeps apart)?
 */
int sp_fold_is_word(int32_t cp);

#endif
