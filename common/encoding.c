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
} families[] = {
	{ "BIG5", { "CP950", "BIG5-HKSCS" }, 1 },
	{ "CP950", { "BIG5", "BIG5-HKSCS" }, 1 },
	{ "BIG5-HKSCS", { "CP950", NULL }, 1 },
	{ "GB18030", { NULL, NULL }, 1 },
	{ "GBK", { "GB18030", NULL }, 1 },
	{ "SHIFT_JIS", { "CP932", NULL }, 1 },
	{ "CP932", { "SHIFT_JIS", NULL }, 1 },
	{ "EUC-JP", { "EUC-JP-MS", NULL }, 1 },
	{ "EUC-KR", { "CP949", NULL }, 1 },
	{ "CP949", { "EUC-KR", NULL }, 1 },
	{ "JOHAB", { NULL, NULL }, 1 },
	{ "EUC-TW", { NULL, NULL }, 1 },
	{ "WINDOWS-1252", { "ISO-8859-1", NULL }, 0 },
};

struct sp_conv {
	iconv_t cd;
	iconv_t fb[2];		/* the family's other tables, or (iconv_t)-1 */
	int multibyte;		/* a bad sequence may be a pair */
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
	c->fb[0] = c->fb[1] = (iconv_t)-1;
	for (i = 0; i < sizeof families / sizeof families[0]; i++) {
		if (strcasecmp(from, families[i].name) != 0)
			continue;
		c->multibyte = families[i].multibyte;
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

/*
 * The character at s[0..len) (len: 1, or 2 for a pair) in the family's
 * other tables: appended to out, returns 1; 0 when none has it, -1 when
 * out of memory.
 */
static int
fallback(struct sp_conv *c, const char *s, size_t len, struct sp_buf *out)
{
	char *in, *o;
	size_t left, room;
	int k;

	for (k = 0; k < 2 && c->fb[k] != (iconv_t)-1; k++) {
		if (sp_buf_reserve(out, 16) < 0)
			return -1;
		in = (char *)s;
		left = len;
		o = out->data + out->len;
		room = out->cap - out->len - 1;
		iconv(c->fb[k], NULL, NULL, NULL, NULL);
		if (iconv(c->fb[k], &in, &left, &o, &room) == (size_t)-1 ||
		    left != 0)
			continue;
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		return 1;
	}
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

int
sp_conv_feed(struct sp_conv *c, const char *in, size_t n, int final,
    struct sp_buf *out)
{
	const char *s = in;
	size_t len = n, left;
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
	if ((left = convert(c, s, len, base, final, out)) == (size_t)-1)
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
	sp_buf_free(&c->join);
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
