/* mojibake_latin1.c: bytes read as Latin-1; see mojibake_latin1.h. */
#include "mojibake_gbk.h"
#include "mojibake_latin1.h"
#include "mojibake_marks.h"
#include "mojibake_score.h"
#include "mojibake_span.h"
#include "mojibake_utf8.h"

/* Windows-1252's characters for bytes 0x80..0x9F. */
static const uint16_t cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};
const unsigned undefined1252[N_UNDEFINED1252] = {
	0x81, 0x8D, 0x8F, 0x90, 0x9D
};

/* The byte a character stands for when Latin-1/1252 was wrongly used. */
int
latin1_byte(int32_t cp)
{
	int b;

	if (cp >= 0x80 && cp <= 0xFF)
		return cp;
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (b = 0; b < 32; b++)
		if (cp1252[b] && cp1252[b] == cp)
			return 0x80 + b;
	return -1;
}

int
read_as_latin1(int32_t cp)
{
	return (cp >= 0xA1 && cp <= 0xFF) ||
	    (cp > 0xFF && latin1_byte(cp) >= 0);
}

/* The byte the character before s[*i] stands for, read as Latin-1 or
 * 1252 (a C1 control too), moving *i to it; -1 when it stands for none
 * of 0x80-0xFF. */
static int
byte_before(const char *s, size_t *i)
{
	size_t k;
	int32_t cp;

	if (*i == 0)
		return -1;
	cp = cp_before(s, *i, &k);
	if (cp < 0x80 || (cp > 0xFF && latin1_byte(cp) < 0))
		return -1;
	*i -= k;
	return latin1_byte(cp);
}

/* May byte c (0x80-0xBF) come second after lead byte b? */
static int
second_byte(int b, int c)
{
	if (b >= 0xC2 && b <= 0xDF)
		return 1;
	switch (b) {
	case 0xE0: return c >= 0xA0;
	case 0xED: return c <= 0x9F;
	case 0xF0: return c >= 0x90;
	case 0xF4: return c <= 0x8F;
	default: return b >= 0xE1 && b <= 0xF3;
	}
}

int
latin1_continues(const char *s, size_t i, int c)
{
	int b1 = byte_before(s, &i), b2, b3;

	/* Second: after a lead byte that takes it. */
	if (b1 >= 0xC2 && b1 <= 0xF4)
		return second_byte(b1, c);
	if (b1 < 0x80 || b1 > 0xBF)
		return 0;
	/* Third, after a lead of three or four bytes and one more. */
	b2 = byte_before(s, &i);
	if (b2 >= 0xE0 && b2 <= 0xF4)
		return 1;
	if (b2 < 0x80 || b2 > 0xBF)
		return 0;
	/* Fourth, after a lead of four and two more. */
	b3 = byte_before(s, &i);
	return b3 >= 0xF0 && b3 <= 0xF4;
}

/*
 * Decodes span_bytes as GBK into span_rep; returns 0, or -1 on an invalid pair.
 * *gb2312 tells whether every pair was in GB2312's range.  A LOST byte is
 * one of those Windows-1252 leaves undefined: the language model picks
 * which, given the characters around it.
 */
static int
decode_gbk_bytes(int *gb2312, struct mojibake_stats *st)
{
	const unsigned char *b = (const unsigned char *)span_bytes.data;
	size_t m, n = span_bytes.len;
	int32_t c, prev = 0, prev2 = 0, next, next2;
	unsigned char l, t;
	unsigned byte;

	sp_buf_clear(&span_rep);
	for (m = 0; m < n; m++) {
		l = b[m];
		if (l < 0x80) {
			putch(&span_rep, l);
			prev2 = prev;
			prev = l;
			continue;
		}
		if (l == 0x80) {
			/* CP936's one single byte above ASCII: the euro sign,
			 * which Windows-1252 reads as the euro sign too. */
			putcp(&span_rep, 0x20AC);
			prev2 = prev;
			prev = 0x20AC;
			continue;
		}
		if (m + 1 >= n)
			return -1;
		t = b[m + 1];
		next = m + 3 < n ? gbk_decode(b[m + 2], b[m + 3]) : 0;
		next2 = m + 5 < n ? gbk_decode(b[m + 4], b[m + 5]) : 0;
		if (l == LOST || t == LOST) {
			if (l == LOST && t == LOST)
				return -1;
			c = choose_gbk(l == LOST ? t : l, l == LOST, 0, 0,
			    undefined1252, N_UNDEFINED1252, NULL, prev2, prev,
			    next, next2, &byte);
			if (c == 0)
				return -1;
			note_byte(byte, c);
			st->restored++;
			*gb2312 = 0;
		} else if ((c = gbk_decode(l, t)) == 0) {
			return -1;
		}
		if (l > 0xF7 || t < 0xA1)
			*gb2312 = 0;
		putcp(&span_rep, c);
		prev2 = prev;
		prev = c;
		m++;
	}
	return 0;
}

/*
 * One layer of UTF-8 read as Windows-1252 or Latin-1: span_bytes decoded
 * as UTF-8 into span_rep, every byte of it in a valid sequence, a lost
 * byte restored by the model, and the result what text is made of, or
 * (counted in *odd) what Windows-1252 reads of another layer (ˆ, ˜).
 * Returns 1, or 0 when it is no such layer.
 */
static int
utf8_layer(int32_t before, int32_t after, size_t *han, size_t *odd,
    struct mojibake_stats *st)
{
	size_t k, lead = 0, chars;
	unsigned char b;
	int32_t cp;

	for (k = 0; k < span_bytes.len; k++) {
		b = (unsigned char)span_bytes.data[k];
		/* The leads of text's characters, and of ƒ ˆ ˜ (C6, CB), which
		 * Windows-1252 reads of a layer below. */
		if (b >= 0xC0 && b != LOST && !((b >= 0xC2 && b <= 0xC6) ||
		    b == 0xCB || (b >= 0xE2 && b <= 0xE9) || b == 0xEF))
			return 0;
		lead += b >= 0xC2 && b != LOST;
	}
	if (lead == 0 ||
	    decode_lossy_utf8(st, LOST_BY_1252, before, after) > 0)
		return 0;
	*han = *odd = 0;
	for (k = 0; k < span_rep.len; k += chars) {
		cp = cp_at(span_rep.data, span_rep.len, k, &chars);
		*han += sp_is_han(cp);
		if (cp < 0x250 || sp_is_han(cp) || (cp >= 0x2000 &&
		    cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
		    (cp >= 0xFF01 && cp <= 0xFF5E) || cp == 0x20AC ||
		    cp == 0x2122 || cp == 0xFFFD)
			continue;
		if (latin1_byte(cp) < 0)
			return 0;	/* not text: "×—" is not ח */
		(*odd)++;
	}
	return 1;
}

/*
 * The bytes span_rep stands for if it is itself read as Windows-1252
 * (a U+FFFD for a byte lost), into span_bytes; 0 when a character of it
 * is none of Windows-1252's.
 */
static int
layer_bytes(void)
{
	size_t k, chars;
	int32_t cp;
	int b;

	sp_buf_clear(&span_bytes);
	for (k = 0; k < span_rep.len; k += chars) {
		cp = cp_at(span_rep.data, span_rep.len, k, &chars);
		if (is_marker(cp))
			b = LOST;
		else if (cp < 0x80)
			b = (int)cp;
		else if ((b = latin1_byte(cp)) < 0)
			return 0;
		putch(&span_bytes, b);
	}
	return 1;
}

/* Layers of text encoded twice or more, at most. */
#define LAYERS 3

/*
 * utf8-latin1: the bytes of the Latin-1 span s[i..end), in span_bytes,
 * are UTF-8 read as Windows-1252 or Latin-1 ("ä¸­æ–‡" for "中文", "â€œ" for
 * "“", "cafÃ©" for "café"): every byte of it in a valid sequence, a '?'
 * for each byte Windows-1252 leaves undefined restored by the model.
 * Text in Latin-1 seldom makes valid UTF-8 of two bytes and more; what
 * it makes of Han must read as text.  Pages encoded twice ("Ã¢â‚¬â„¢" for
 * "’") are read again while each reading is such a layer.  Returns 1 when
 * repaired.
 */
static int
utf8_latin1(const char *s, size_t n, size_t i, size_t end,
    struct sp_buf *out, int *fixed, struct mojibake_stats *st,
    mojibake_explain_fn explain, void *ctx)
{
	size_t k, restored = st->restored, han = 0, odd = 0, kept, layers;
	int32_t before = i > 0 ? cp_before(s, i, &k) : 0;
	int32_t after = end < n ? cp_at(s, n, end, &k) : '\n';
	double new_;

	sp_buf_clear(&span_note);
	if (!utf8_layer(before, after, &han, &odd, st)) {
		st->restored = restored;
		return 0;
	}
	for (layers = 1; layers < LAYERS; layers++) {
		size_t was = st->restored, noted = span_note.len, h, o;

		sp_buf_clear(&span_layer);
		put(&span_layer, span_rep.data, span_rep.len);
		if (layer_bytes() && utf8_layer(before, after, &h, &o, st)) {
			han = h;
			odd = o;
			continue;
		}
		/* No layer below: the one before stands. */
		st->restored = was;
		span_note.len = noted;
		sp_buf_clear(&span_rep);
		put(&span_rep, span_layer.data, span_layer.len);
		break;
	}
	/* A byte lost in the last layer read is U+FFFD, and its ˆ and ˜
	 * are Windows-1252's reading of another: a repair only when some
	 * layer below made text of them. */
	if (odd > 0) {
		st->restored = restored;
		return 0;
	}
	for (k = 0, kept = 0; k < span_rep.len; k += kept)
		if (cp_at(span_rep.data, span_rep.len, k, &kept) == 0xFFFD) {
			st->restored = restored;
			return 0;
		}
	/*
	 * Every byte made a valid sequence, which Latin-1 text seldom does:
	 * evidence a GBK guess lacks, so the repair may read as rarer text
	 * (脂溢性脱发, 快秃顶) by GAIN.
	 */
	new_ = mean_cost(span_rep.data, span_rep.len, 0, 0);
	if (han > 0 && new_ > TEXT + GAIN) {
		st->restored = restored;
		return 0;
	}
	*fixed = 1;
	repaired("utf8-latin1", s + i, end - i, st, explain, ctx);
	put(out, span_rep.data, span_rep.len);
	return 1;
}

/* gbk-latin1 at s[i..n): s[i] is a Latin-1 letter.  As gbk_shift(). */
size_t
gbk_latin1(const char *s, size_t n, size_t i, struct sp_buf *out, int *fixed,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	size_t j = i, m, high = 0, dots = 0, last = i, distinct = 0;
	size_t letters = 0, restored = st->restored;
	unsigned char seen[32] = { 0 };
	int32_t cp;
	int b, gb2312 = 1;
	double new_;

	marks_before(s, i);
	sp_buf_clear(&span_bytes);
	while (j < n) {
		cp = cp_at(s, n, j, &m);
		if (is_marker(cp) && j == last && j > i) {
			/* A byte Windows-1252 does not define, lost. */
			b = LOST;
		} else if (cp < 0x80 && cp >= 0x20) {
			/* One ASCII byte may be a GBK trail byte; more end it. */
			if (j > last)
				break;
			b = (int)cp;
		} else if ((b = latin1_byte(cp)) < 0) {
			break;
		} else {
			/*
			 * Middle dots and multiplication signs are Chinese
			 * typography (leaders, 卡尔·马克思, redaction ×××):
			 * they go with a span but do not make one.
			 */
			if (cp == 0xB7 || cp == 0xD7)
				dots++;
			else
				high++;
			if (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 &&
			    cp != 0xF7)
				letters++;
			if (!(seen[b >> 3] & (1u << (b & 7)))) {
				seen[b >> 3] |= (unsigned char)(1u << (b & 7));
				distinct++;
			}
			last = j + m;
		}
		if (b == LOST)
			last = j + m;
		putch(&span_bytes, b);
		j += m;
	}
	/* The span ends with its last Latin-1 letter (or lost byte). */
	span_bytes.len -= j - last;
	if (utf8_latin1(s, n, i, last, out, fixed, st, explain, ctx))
		return last - i;
	/*
	 * Text read at the wrong width has varied bytes, not "······¥"; and
	 * letters: the lead bytes of common Han characters run from B0 to
	 * F7, and from C0 on they read as À..÷, so a span of only symbols
	 * ("°¥°°°§", degrees and prices) is typography, not GBK.  In a
	 * document read so (mojibake_span.h), a pair of bytes is a character
	 * whatever it looks like ("¡£" for 。 after "3.3%").
	 */
	if (document.gbk_latin1 ? high < 2 : (high + dots < 4 || high < 2 ||
	    distinct < 3 || letters * 4 < high + dots))
		return 0;
	sp_buf_clear(&span_note);
	if (decode_gbk_bytes(&gb2312, st) < 0) {
		st->restored = restored;
		if (high >= 6) {
			st->unrepairable++;
			if (explain)
				explain("gbk-latin1", s + i, last - i, NULL, 0,
				    NULL, ctx);
		}
		return last - i;
	}
	/*
	 * Latin-1 letters are not Chinese to compare with: the repair must
	 * read as text, and (outside GB2312's range, where GBK is rarer) as
	 * common text.
	 */
	new_ = mean_cost(span_rep.data, span_rep.len, 0, 0);
	if (new_ > (gb2312 ? TEXT : TEXT - 1)) {
		st->restored = restored;
		return last - i;
	}
	*fixed = 1;
	document.gbk_latin1 = 1;
	repaired("gbk-latin1", s + i, last - i, st, explain, ctx);
	put(out, span_rep.data, span_rep.len);
	return last - i;
}
