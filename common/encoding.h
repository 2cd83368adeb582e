/*
 * encoding.h: which encoding a byte stream is in, and conversion to UTF-8.
 *
 * Detection looks at the head of a file and asks, in order: a byte order
 * mark decides; UTF-32 and UTF-16 without a mark show themselves by their
 * units and NUL bytes; 7-bit text with ISO-2022 escape sequences is in
 * that encoding; text that is valid UTF-8 (or nearly) is UTF-8; then
 * the charset the page declares (XML declaration, <meta>), when the bytes
 * decode cleanly and read as text with it; a few pairs that GB2312 reads
 * are Chinese unless uchardet names EUC-KR, EUC-JP or EUC-TW (and they
 * decode cleanly so); then uchardet's answer, checked
 * by what it makes of the bytes (enc_score.h) against UTF-16 read from
 * CJK text without NULs, Windows-1252 for a rarer single-byte code page,
 * and the common CJK encodings when it does not read as text.
 *
 * Conversion runs iconv in pieces, so a stream of any size is converted in
 * bounded memory; each invalid sequence becomes one U+FFFD and is counted
 * with its byte offset.  Big5, Shift_JIS and EUC-KR are read with their
 * vendors' extensions (CP950 and HKSCS, CP932, UHC) for the characters the
 * standard tables lack; in a multi-byte encoding a bad pair is one
 * replacement and never shifts the text after it.
 *
 * Also here: single characters and short strings to and from a legacy
 * encoding, for the mojibake repair, which must re-encode text to find the
 * bytes it came from.  Like the rest of common/, nothing prints or exits.
 */
#ifndef SP_ENCODING_H
#define SP_ENCODING_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* What sp_enc_detect() found. */
struct sp_enc_guess {
	char name[32];		/* an iconv name: "UTF-8", "GB18030", ... */
	size_t bom;		/* bytes of byte order mark to skip */
	int utf16;		/* UTF-16 or UTF-32: NUL bytes are text */
	int binary;		/* NUL bytes in the first 8 KiB, not UTF-16/32 */
	const char *unaided;	/* NULL, or why uchardet, which a legacy
				   encoding is asked of, could not be loaded
				   (the guess is made without it) */
};

/*
 * Guesses the encoding of a stream from its first n bytes (at_eof: that is
 * all of it).  Never fails: when nothing fits, the guess is GB18030, which
 * decodes any Chinese legacy text and marks the rest as invalid.
 */
void sp_enc_detect(const unsigned char *head, size_t n, int at_eof,
    struct sp_enc_guess *g);

/*
 * The canonical iconv name of a user-given encoding name, mapped to the
 * superset that decodes it (GB2312 and GBK to GB18030) or to the name the
 * converter reads with its family's extensions (BIG-5 to BIG5), or to the
 * code page the web means by the name (Shift_JIS is CP932, EUC-KR CP949,
 * as browsers read them), or NULL when iconv cannot convert from it.
 */
const char *sp_enc_canonical(const char *name, char *buf, size_t buflen);

struct sp_conv;

/* A converter from encoding `from` to UTF-8, or NULL (errno EINVAL). */
struct sp_conv *sp_conv_new(const char *from);
/*
 * Converts in[0..n), the next bytes of the stream, appending UTF-8 to out.
 * A sequence cut at the end of in is kept for the next call; with final
 * set, it is invalid.  Returns 0, or -1 when out of memory.
 */
int sp_conv_feed(struct sp_conv *c, const char *in, size_t n, int final,
    struct sp_buf *out);
/* Invalid sequences so far, and the byte offset of the first (or -1). */
uint64_t sp_conv_invalid(const struct sp_conv *c, int64_t *first);
void sp_conv_free(struct sp_conv *c);

/*
 * Encodes UTF-8 text s[0..n) into encoding `to`, appending to out.
 * Returns 0, or -1 when a character has no encoding there (or out of
 * memory); out then holds an unspecified prefix.
 */
int sp_enc_encode(const char *to, const char *s, size_t n, struct sp_buf *out);
/*
 * Decodes s[0..n) from encoding `from` to UTF-8, appending to out.
 * Returns 0, or -1 when s is not valid there in full.
 */
int sp_enc_decode(const char *from, const char *s, size_t n, struct sp_buf *out);

#endif
