/*
 * encoding.c: conversion to UTF-8 and from it, and encoding names; see
 * encoding.h (detection is in enc_detect.c).
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "encoding.h"
#include "utf8.h"


const char *
sp_enc_canonical(const char *name, char *buf, size_t buflen)
{
	static const struct { const char *alias, *name; } map[] = {
		{ "GB2312", "GB18030" }, { "GBK", "GB18030" },
		{ "CP936", "GB18030" }, { "EUC-CN", "GB18030" },
		{ "X-GBK", "GB18030" }, { "BIG-5", "BIG5" },
		{ "X-X-BIG5", "BIG5" }, { "SHIFT_JIS", "CP932" },
		{ "SHIFT-JIS", "CP932" }, { "SJIS", "CP932" },
		{ "X-SJIS", "CP932" }, { "MS_KANJI", "CP932" },
		{ "WINDOWS-31J", "CP932" }, { "EUC-KR", "CP949" },
		{ "KS_C_5601-1987", "CP949" }, { "UHC", "CP949" },
		{ "WINDOWS-949", "CP949" }, { "X-EUC-TW", "EUC-TW" },
		{ "ASCII", "UTF-8" }, { "US-ASCII", "UTF-8" },
		{ "UTF8", "UTF-8" },
		/* The labels of the WHATWG Encoding Standard that iconv
		 * does not know, or reads otherwise: Latin-1 is read as
		 * windows-1252 (0x80-0x9F are € “ ” – —, not controls),
		 * GB_2312-80 as EUC-CN, not as the bare 94x94 set. */
		{ "ISO-8859-1", "WINDOWS-1252" }, { "ISO8859-1", "WINDOWS-1252" },
		{ "ISO_8859-1", "WINDOWS-1252" }, { "LATIN1", "WINDOWS-1252" },
		{ "L1", "WINDOWS-1252" }, { "CP819", "WINDOWS-1252" },
		{ "IBM819", "WINDOWS-1252" }, { "ISO-IR-100", "WINDOWS-1252" },
		{ "CSISOLATIN1", "WINDOWS-1252" }, { "ISO88591", "WINDOWS-1252" },
		{ "ISO_8859-1:1987", "WINDOWS-1252" }, { "X-CP1252", "WINDOWS-1252" },
		{ "CP1252", "WINDOWS-1252" },
		{ "CHINESE", "GB18030" }, { "CSGB2312", "GB18030" },
		{ "CSISO58GB231280", "GB18030" }, { "GB_2312", "GB18030" },
		{ "GB_2312-80", "GB18030" }, { "ISO-IR-58", "GB18030" },
		{ "CSBIG5", "BIG5" }, { "CN-BIG5", "BIG5" },
		{ "CSSHIFTJIS", "CP932" }, { "MS932", "CP932" },
		{ "CSEUCKR", "CP949" }, { "CSKSC56011987", "CP949" },
		{ "ISO-IR-149", "CP949" }, { "KOREAN", "CP949" },
		{ "KS_C_5601-1989", "CP949" }, { "KSC5601", "CP949" },
		{ "KSC_5601", "CP949" },
	};
	iconv_t cd;
	size_t i;

	/* iconv takes "" for the locale's own encoding: no name given. */
	if (*name == '\0')
		return NULL;
	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcasecmp(name, map[i].alias) == 0) {
			name = map[i].name;
			break;
		}
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
		return NULL;
	iconv_close(cd);
	if (strlen(name) >= buflen)
		return NULL;
	for (i = 0; name[i]; i++)
		buf[i] = (name[i] >= 'a' && name[i] <= 'z') ?
		    (char)(name[i] - 'a' + 'A') : name[i];
	buf[i] = '\0';
	return buf;
}

/*
 * Encodings whose standard table lacks characters the web writes in them:
 * a character the first table refuses is tried in the others (CP950 and
 * HKSCS for Big5, CP932 for Shift_JIS, UHC for EUC-KR), and whether a bad
 * sequence can be two bytes long.
 */
static const struct family {
	const char *name;
	const char *fallback[2];
	int multibyte;
	/* its table maps characters of the others into the private use
	 * area: Big5's C6A1-C8FE (①②③ ⑴ ⅰ, kana), which browsers show */
	int private_area;
} families[] = {
	{ "BIG5", { "CP950", "BIG5-HKSCS" }, 1, 1 },
	{ "CP950", { "BIG5", "BIG5-HKSCS" }, 1, 1 },
	{ "BIG5-HKSCS", { "CP950", NULL }, 1, 0 },
	/* CP936's 0x80 is €, which GB18030 refuses: GBK pages write it. */
	{ "GB18030", { "CP936", NULL }, 1, 0 },
	{ "GBK", { "GB18030", NULL }, 1, 0 },
	{ "SHIFT_JIS", { "CP932", NULL }, 1, 0 },
	{ "CP932", { "SHIFT_JIS", NULL }, 1, 0 },
	{ "EUC-JP", { "EUC-JP-MS", NULL }, 1, 0 },
	{ "EUC-KR", { "CP949", NULL }, 1, 0 },
	{ "CP949", { "EUC-KR", NULL }, 1, 0 },
	{ "JOHAB", { NULL, NULL }, 1, 0 },
	{ "EUC-TW", { NULL, NULL }, 1, 0 },
	{ "WINDOWS-1252", { "ISO-8859-1", NULL }, 0, 0 },
};

struct sp_conv {
	iconv_t cd;
	iconv_t fb[2];		/* the family's other tables, or (iconv_t)-1 */
	int multibyte;		/* a bad sequence may be a pair */
	iconv_t back;		/* UTF-8 to the encoding, for a private use
				   character of its table; or (iconv_t)-1 */
	struct sp_buf redo;	/* the output so repaired */
	char carry[8];		/* a sequence cut by the end of a piece */
	size_t ncarry;
	uint64_t offset;	/* stream offset of the next byte fed */
	uint64_t invalid;
	int64_t first;
	int unit;		/* bytes to skip on an invalid sequence */
	struct sp_buf join;	/* carry + piece */
};

struct sp_conv *
sp_conv_new(const char *from)
{
	struct sp_conv *c;
	size_t i, k;

	if ((c = calloc(1, sizeof *c)) == NULL)
		return NULL;
	if ((c->cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		free(c);
		errno = EINVAL;
		return NULL;
	}
	c->fb[0] = c->fb[1] = c->back = (iconv_t)-1;
	for (i = 0; i < sizeof families / sizeof families[0]; i++) {
		if (strcasecmp(from, families[i].name) != 0)
			continue;
		c->multibyte = families[i].multibyte;
		if (families[i].private_area)
			c->back = iconv_open(from, "UTF-8");
		for (k = 0; k < 2 && families[i].fallback[k]; k++)
			c->fb[k] = iconv_open("UTF-8", families[i].fallback[k]);
	}
	c->first = -1;
	c->unit = strncmp(from, "UTF-16", 6) == 0 ? 2 :
	    strncmp(from, "UTF-32", 6) == 0 ? 4 : 1;
	return c;
}

static void
invalid_at(struct sp_conv *c, uint64_t off)
{
	if (c->invalid++ == 0)
		c->first = (int64_t)off;
}

/* Is the UTF-8 character at s[0..n) one of the private use area? */
static int
private_use(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	/* U+E000..U+F8FF: EE 80 80 to EF A3 BF. */
	return n == 3 && (u[0] == 0xEE || (u[0] == 0xEF && u[1] <= 0xA3));
}

/*
 * The character at s[0..len) in table k of c's family, appended to out:
 * 1; 0 when the table lacks it, or gives a private use character and
 * private is 0; -1 when out of memory.
 */
static int
from_table(struct sp_conv *c, int k, const char *s, size_t len,
    struct sp_buf *out, int private)
{
	char *in, *o;
	size_t left, room;

	if (sp_buf_reserve(out, 16) < 0)
		return -1;
	in = (char *)s;
	left = len;
	o = out->data + out->len;
	room = out->cap - out->len - 1;
	iconv(c->fb[k], NULL, NULL, NULL, NULL);
	if (iconv(c->fb[k], &in, &left, &o, &room) == (size_t)-1 ||
	    left != 0)
		return 0;
	if (!private && private_use(out->data + out->len,
	    (size_t)(o - out->data) - out->len))
		return 0;
	out->len = (size_t)(o - out->data);
	out->data[out->len] = '\0';
	return 1;
}

/*
 * The character at s[0..len) (len: 1, or 2 for a pair) in the family's
 * other tables: appended to out, returns 1; 0 when none has it, -1 when
 * out of memory.  A character of the private use area only when no table
 * has a real one: CP950 maps Big5's C6A1-C8FE there, HKSCS reads C6A1 as
 * ①, as browsers do.
 */
static int
fallback(struct sp_conv *c, const char *s, size_t len, struct sp_buf *out)
{
	int k, r, private;

	for (private = 0; private < 2; private++)
		for (k = 0; k < 2 && c->fb[k] != (iconv_t)-1; k++)
			if ((r = from_table(c, k, s, len, out, private)) != 0)
				return r;
	return 0;
}

/*
 * May b open a pair in c's encoding?  0x81 to 0xFE in every multi-byte
 * encoding read here (GBK, GB18030, Big5, Shift_JIS, EUC); 0xFF in none,
 * and taken for one it would swallow the byte after it.
 */
static int
lead_byte(const struct sp_conv *c, unsigned char b)
{
	return c->multibyte && b >= 0x81 && b <= 0xFE;
}

/*
 * Converts s[0..n) whose first byte is at stream offset base; returns the
 * bytes left unconverted at the end (an incomplete sequence), or
 * (size_t)-1 when out of memory.  An invalid sequence becomes one U+FFFD:
 * in a multi-byte encoding a lead byte and a trail byte that is not ASCII
 * go together, so that one bad pair does not shift the rest of the line
 * (an ASCII byte after a lead byte is left to stand for itself, as
 * browsers do).  A lead byte that ends the piece waits for the next one.
 */
static size_t
convert(struct sp_conv *c, const char *s, size_t n, uint64_t base, int final,
    struct sp_buf *out)
{
	char *in = (char *)s, *o;
	size_t left = n, room, r, len;
	unsigned char b;
	int f;

	while (left > 0) {
		if (sp_buf_reserve(out, left * 4 + 16) < 0)
			return (size_t)-1;
		o = out->data + out->len;
		room = out->cap - out->len - 1;
		r = iconv(c->cd, &in, &left, &o, &room);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		if (errno == EINVAL)
			return left;	/* cut at the end: wait for more */
		/* EILSEQ: one sequence is invalid. */
		b = (unsigned char)in[0];
		if (lead_byte(c, b) && left == 1 && !final)
			return left;	/* its pair may come next */
		len = lead_byte(c, b) && left >= 2 &&
		    (unsigned char)in[1] >= 0x80 ? 2 : 1;
		if ((f = fallback(c, in, lead_byte(c, b) && left >= 2 ? 2 : 1,
		    out)) < 0)
			return (size_t)-1;
		if (f > 0) {
			r = lead_byte(c, b) && left >= 2 ? 2 : 1;
		} else {
			invalid_at(c, base + (uint64_t)(in - s));
			if (sp_buf_put_cp(out, SP_REPLACEMENT) < 0)
				return (size_t)-1;
			r = c->unit > 1 ? (size_t)c->unit : len;
			if (r > left)
				r = left;
		}
		in += r;
		left -= r;
	}
	/* A stateful encoding (ISO-2022) keeps its shift state to the end. */
	if (final)
		iconv(c->cd, NULL, NULL, NULL, NULL);
	return 0;
}

/*
 * The private use characters c's table wrote in out from byte from on,
 * each read again from its bytes in the family's other tables, which may
 * have a real one (Big5 C6A1 is U+F6B1 to glibc's BIG5, ① to HKSCS and to
 * browsers).  Returns -1 when out of memory.
 */
static int
repair_private(struct sp_conv *c, struct sp_buf *out, size_t from)
{
	const unsigned char *u;
	size_t i, n = out->len, start = from, left, room;
	char bytes[8], *in, *o;

	for (i = from; i + 2 < n; i++) {
		u = (const unsigned char *)out->data + i;
		if (!private_use((const char *)u, 3) || (u[1] & 0xC0) != 0x80)
			continue;
		in = (char *)u;
		left = 3;
		o = bytes;
		room = sizeof bytes;
		iconv(c->back, NULL, NULL, NULL, NULL);
		if (iconv(c->back, &in, &left, &o, &room) == (size_t)-1)
			continue;
		if (start == from)
			sp_buf_clear(&c->redo);
		if (sp_buf_append(&c->redo, out->data + start, i - start) < 0)
			return -1;
		start = i;
		switch (fallback(c, bytes, (size_t)(o - bytes), &c->redo)) {
		case -1:
			return -1;
		case 1:
			start = i + 3;	/* replaced */
			break;
		}
		i += 2;
	}
	if (start == from)
		return 0;		/* none, or none another table has */
	if (sp_buf_append(&c->redo, out->data + start, n - start) < 0)
		return -1;
	out->len = from;
	return sp_buf_append(out, c->redo.data, c->redo.len);
}

int
sp_conv_feed(struct sp_conv *c, const char *in, size_t n, int final,
    struct sp_buf *out)
{
	const char *s = in;
	size_t len = n, left, from;
	uint64_t base = c->offset;

	if (c->ncarry > 0) {
		/* Put the carried sequence before this piece. */
		sp_buf_clear(&c->join);
		if (sp_buf_append(&c->join, c->carry, c->ncarry) < 0 ||
		    sp_buf_append(&c->join, in, n) < 0)
			return -1;
		s = c->join.data;
		len = c->join.len;
		base -= c->ncarry;
		c->ncarry = 0;
	}
	c->offset += n;
	from = out->len;
	if ((left = convert(c, s, len, base, final, out)) == (size_t)-1)
		return -1;
	if (c->back != (iconv_t)-1 && repair_private(c, out, from) < 0)
		return -1;
	if (left > sizeof c->carry) {
		/* Not a cut sequence but garbage iconv cannot place. */
		invalid_at(c, base + len - left);
		if (sp_buf_put_cp(out, SP_REPLACEMENT) < 0)
			return -1;
		left = 0;
	}
	memcpy(c->carry, s + len - left, left);
	c->ncarry = left;
	if (final && c->ncarry > 0) {
		invalid_at(c, c->offset - c->ncarry);
		c->ncarry = 0;
		if (sp_buf_put_cp(out, SP_REPLACEMENT) < 0)
			return -1;
	}
	return 0;
}

uint64_t
sp_conv_invalid(const struct sp_conv *c, int64_t *first)
{
	if (first)
		*first = c->first;
	return c->invalid;
}

void
sp_conv_free(struct sp_conv *c)
{
	int k;

	if (c == NULL)
		return;
	iconv_close(c->cd);
	for (k = 0; k < 2; k++)
		if (c->fb[k] != (iconv_t)-1)
			iconv_close(c->fb[k]);
	if (c->back != (iconv_t)-1)
		iconv_close(c->back);
	sp_buf_free(&c->join);
	sp_buf_free(&c->redo);
	free(c);
}

/* A few descriptors kept open: the mojibake repair converts in bursts. */
struct cached {
	char from[32], to[32];
	iconv_t cd;
};
static struct cached cache[4];
static unsigned cache_next;

static iconv_t
cached_cd(const char *to, const char *from)
{
	struct cached *e;
	size_t i;

	for (i = 0; i < sizeof cache / sizeof cache[0]; i++)
		if (cache[i].cd && strcmp(cache[i].from, from) == 0 &&
		    strcmp(cache[i].to, to) == 0) {
			iconv(cache[i].cd, NULL, NULL, NULL, NULL);
			return cache[i].cd;
		}
	if (strlen(from) >= sizeof e->from || strlen(to) >= sizeof e->to)
		return (iconv_t)-1;
	e = &cache[cache_next++ % (sizeof cache / sizeof cache[0])];
	if (e->cd)
		iconv_close(e->cd);
	e->cd = NULL;
	if ((e->cd = iconv_open(to, from)) == (iconv_t)-1) {
		e->cd = NULL;
		return (iconv_t)-1;
	}
	strcpy(e->from, from);
	strcpy(e->to, to);
	return e->cd;
}

static int
convert_all(const char *to, const char *from, const char *s, size_t n,
    struct sp_buf *out)
{
	iconv_t cd = cached_cd(to, from);
	char *in = (char *)s, *o;
	size_t left = n, room, r;

	if (cd == (iconv_t)-1)
		return -1;
	for (;;) {
		if (sp_buf_reserve(out, left * 4 + 16) < 0)
			return -1;
		o = out->data + out->len;
		room = out->cap - out->len - 1;
		r = iconv(cd, left ? &in : NULL, &left, &o, &room);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		if (r != (size_t)-1)
			break;
		if (errno != E2BIG)
			return -1;
	}
	return 0;
}

int
sp_enc_encode(const char *to, const char *s, size_t n, struct sp_buf *out)
{
	return convert_all(to, "UTF-8", s, n, out);
}

int
sp_enc_decode(const char *from, const char *s, size_t n, struct sp_buf *out)
{
	return convert_all("UTF-8", from, s, n, out);
}
