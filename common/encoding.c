/* encoding.c: encoding detection and conversion to UTF-8; see encoding.h. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>

#include "encoding.h"
#include "utf8.h"

#define BINARY_WINDOW 8192

static void
set_name(struct sp_enc_guess *g, const char *name)
{
	strncpy(g->name, name, sizeof g->name - 1);
	g->name[sizeof g->name - 1] = '\0';
}

/* UTF-16 without a mark: most ASCII characters have a NUL for a twin. */
static const char *
utf16_by_nuls(const unsigned char *s, size_t n)
{
	size_t i, even = 0, odd = 0, pairs;

	if (n > BINARY_WINDOW)
		n = BINARY_WINDOW;
	pairs = n / 2;
	if (pairs < 2)
		return NULL;
	for (i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	if (odd * 10 >= pairs * 3 && even * 50 <= pairs)
		return "UTF-16LE";
	if (even * 10 >= pairs * 3 && odd * 50 <= pairs)
		return "UTF-16BE";
	return NULL;
}

/* A UTF-16 code unit that Chinese text is made of. */
static int
text_unit(unsigned u, int *han)
{
	*han = u >= 0x4E00 && u <= 0x9FFF;
	return *han || u == '\t' || u == '\n' || u == '\r' ||
	    (u >= 0x20 && u < 0x7F) || (u >= 0x2000 && u <= 0x206F) ||
	    (u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF);
}

/*
 * UTF-16 without a mark and with few NULs: Chinese text, whose code units
 * are nearly all Han characters and CJK punctuation, and a third of them
 * at least Han.  Asked only of text that is not UTF-8: ASCII read as
 * UTF-16 looks Han too.  GB18030 and Big5 bytes pair into units above
 * U+A000, which are not text here.
 */
static const char *
utf16_by_text(const unsigned char *s, size_t n)
{
	size_t i, units, le = 0, be = 0, le_han = 0, be_han = 0;
	int han;

	if (n > BINARY_WINDOW)
		n = BINARY_WINDOW;
	units = n / 2;
	if (units < 8)
		return NULL;
	for (i = 0; i + 1 < n; i += 2) {
		le += text_unit(s[i] | (unsigned)s[i + 1] << 8, &han);
		le_han += han;
		be += text_unit((unsigned)s[i] << 8 | s[i + 1], &han);
		be_han += han;
	}
	if (le * 100 >= units * 95 && le_han * 3 >= units)
		return "UTF-16LE";
	if (be * 100 >= units * 95 && be_han * 3 >= units)
		return "UTF-16BE";
	return NULL;
}

/*
 * UTF-8 with a few bad bytes is UTF-8 (they become U+FFFD), not a legacy
 * encoding: many valid multi-byte characters for each invalid sequence.
 */
static int
mostly_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, k, good = 0, bad = 0;
	enum sp_utf8_error e;
	int32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = sp_utf8_decode(s + i, n - i, &cp, &e);
		if (e == SP_UTF8_OK)
			good++;
		else
			bad++;
		i += k;
	}
	return good >= 4 && good >= 20 * bad;
}

/*
 * Few non-ASCII bytes, all pairing up as GB2312 characters: too little
 * for uchardet to judge (it takes "中文" for Cyrillic), and most likely
 * Chinese.
 */
static int
short_gb2312(const unsigned char *s, size_t n)
{
	size_t i, pairs = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x80)
			continue;
		if (i + 1 >= n || s[i] < 0xA1 || s[i] > 0xF7 ||
		    (s[i] > 0xA9 && s[i] < 0xB0) || s[i + 1] < 0xA1 ||
		    s[i + 1] > 0xFE)
			return 0;
		i++;
		if (++pairs > 16)
			return 0;
	}
	return pairs > 0;
}

const char *
sp_enc_canonical(const char *name, char *buf, size_t buflen)
{
	static const struct { const char *alias, *name; } map[] = {
		{ "GB2312", "GB18030" }, { "GBK", "GB18030" },
		{ "CP936", "GB18030" }, { "EUC-CN", "GB18030" },
		{ "X-GBK", "GB18030" }, { "BIG5", "BIG5-HKSCS" },
		{ "BIG-5", "BIG5-HKSCS" }, { "CP950", "BIG5-HKSCS" },
		{ "ASCII", "UTF-8" }, { "US-ASCII", "UTF-8" },
		{ "UTF8", "UTF-8" },
	};
	iconv_t cd;
	size_t i;

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

void
sp_enc_detect(const unsigned char *s, size_t n, int at_eof,
    struct sp_enc_guess *g)
{
	const char *u16, *name;
	char canon[32];
	uchardet_t ud;
	size_t valid;

	memset(g, 0, sizeof *g);
	if (n >= 4 && memcmp(s, "\xff\xfe\0\0", 4) == 0) {
		set_name(g, "UTF-32LE");
		g->bom = 4, g->utf16 = 1;
		return;
	}
	if (n >= 4 && memcmp(s, "\0\0\xfe\xff", 4) == 0) {
		set_name(g, "UTF-32BE");
		g->bom = 4, g->utf16 = 1;
		return;
	}
	if (n >= 2 && (s[0] == 0xFF && s[1] == 0xFE)) {
		set_name(g, "UTF-16LE");
		g->bom = 2, g->utf16 = 1;
		return;
	}
	if (n >= 2 && (s[0] == 0xFE && s[1] == 0xFF)) {
		set_name(g, "UTF-16BE");
		g->bom = 2, g->utf16 = 1;
		return;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		set_name(g, "UTF-8");
		g->bom = 3;
		return;
	}
	if ((u16 = utf16_by_nuls(s, n)) != NULL) {
		set_name(g, u16);
		g->utf16 = 1;
		return;
	}
	g->binary = memchr(s, 0, n < BINARY_WINDOW ? n : BINARY_WINDOW) != NULL;
	/* Valid UTF-8 (a character cut by the end of the head aside) is. */
	valid = sp_utf8_valid_prefix(s, n);
	if (valid == n || (!at_eof && n - valid < 4 &&
	    sp_utf8_boundary((const char *)s, n) == valid)) {
		set_name(g, "UTF-8");
		return;
	}
	if (mostly_utf8(s, at_eof ? n : sp_utf8_boundary((const char *)s, n))) {
		set_name(g, "UTF-8");
		return;
	}
	if ((u16 = utf16_by_text(s, n)) != NULL) {
		set_name(g, u16);
		g->utf16 = 1;
		g->binary = 0;
		return;
	}
	set_name(g, "GB18030");
	if (short_gb2312(s, n))
		return;
	if ((ud = uchardet_new()) == NULL)
		return;
	if (uchardet_handle_data(ud, (const char *)s, n) == 0) {
		uchardet_data_end(ud);
		name = uchardet_get_charset(ud);
		if (name && *name &&
		    sp_enc_canonical(name, canon, sizeof canon) != NULL)
			set_name(g, canon);
	}
	uchardet_delete(ud);
}

struct sp_conv {
	iconv_t cd;
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

	if ((c = calloc(1, sizeof *c)) == NULL)
		return NULL;
	if ((c->cd = iconv_open("UTF-8", from)) == (iconv_t)-1) {
		free(c);
		errno = EINVAL;
		return NULL;
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
 * Converts s[0..n) whose first byte is at stream offset base; returns the
 * bytes left unconverted at the end (an incomplete sequence), or
 * (size_t)-1 when out of memory.
 */
static size_t
convert(struct sp_conv *c, const char *s, size_t n, uint64_t base,
    struct sp_buf *out)
{
	char *in = (char *)s, *o;
	size_t left = n, room, r;

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
		/* EILSEQ: one unit is invalid. */
		invalid_at(c, base + (uint64_t)(in - s));
		if (sp_buf_put_cp(out, SP_REPLACEMENT) < 0)
			return (size_t)-1;
		r = left < (size_t)c->unit ? left : (size_t)c->unit;
		in += r;
		left -= r;
	}
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
	if ((left = convert(c, s, len, base, out)) == (size_t)-1)
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
	if (c == NULL)
		return;
	iconv_close(c->cd);
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
