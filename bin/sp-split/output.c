/*
 * output.c: units in the framing the options chose.
 *
 * Plain text: the mode writes its units; documents are separated by a line
 * holding only a form feed, or each ended by a NUL with -z.  JSON Lines:
 * one record a unit, carrying the document number; a record read in is
 * written back with its field replaced and the mode's members added.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "split.h"
#include "stream.h"
#include "cjk.h"
#include "tool.h"
#include "utf8.h"

struct split_opts split_opts;

static int mid_line;		/* the last byte written was not '\n' */
static struct sp_buf tmp_buf;
/*
 * JSON Lines records are gathered in rec_buf and written a batch at a
 * time: a batch as long as the output's buffer (out.c, 128 KiB) goes out
 * whole, not copied into it; a record written alone was copied twice,
 * built here and copied there.  The batch goes out before the stream
 * writes a record of its own (one it cannot use) and at the run's end.
 */
#define RECORD_BATCH ((size_t)128 << 10)
static struct sp_buf rec_buf;

void
out_flush_records(void)
{
	if (rec_buf.len > 0) {
		sp_write(rec_buf.data, rec_buf.len);
		sp_buf_clear(&rec_buf);
	}
}

/* A form-feed line, on a line of its own. */
static void
write_form_feed(void *ctx)
{
	(void)ctx;
	if (mid_line)
		sp_putc('\n');
	sp_write("\f\n", 2);
	mid_line = 0;
}

/*
 * Plain output separates documents where the input did, by the stream
 * layer's rule (stream.h): a document's end owes a form-feed line, paid
 * at the input's form-feed line (out_input_separator) or else when the
 * next document begins.
 */
static struct sp_separator doc_sep = { write_form_feed, NULL, 0 };

void
out_begin_doc(const struct doc *d)
{
	(void)d;
	out_input_separator();
}

void
out_empty_doc(void)
{
	if (split_opts.json_out || split_opts.prefix)
		return;
	out_begin_doc(NULL);
	out_end_doc(NULL);
}

void
out_input_separator(void)
{
	if (split_opts.json_out || sp_opts.nul)
		return;
	sp_sep_pay(&doc_sep);
}

void
out_end_doc(const struct doc *d)
{
	(void)d;
	if (split_opts.json_out)
		return;
	if (!sp_opts.nul) {
		sp_sep_owe(&doc_sep);
		return;
	}
	sp_putc('\0');
	mid_line = 0;
}

void
out_end_line(void)
{
	if (mid_line)
		sp_putc('\n');
	mid_line = 0;
}

void
out_text(const char *s, size_t n)
{
	if (n == 0)
		return;
	sp_write(s, n);
	mid_line = s[n - 1] != '\n';
}

void
out_json_string(struct sp_buf *b, const char *s, size_t n)
{
	if (sp_utf8_valid_prefix((const unsigned char *)s, n) != n) {
		sp_buf_clear(&tmp_buf);
		if (sp_utf8_sanitize(s, n, &tmp_buf, NULL, 0) < 0)
			sp_oom();
		s = tmp_buf.data;
		n = tmp_buf.len;
	}
	if (sp_json_quote(b, s, n) < 0)
		sp_oom();
}

char *
out_number(char *p, uint64_t v)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	static const uint64_t tens[20] = { 1, 10, 100, 1000, 10000, 100000,
	    1000000, 10000000, 100000000, 1000000000, 10000000000ULL,
	    100000000000ULL, 1000000000000ULL, 10000000000000ULL,
	    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
	    100000000000000000ULL, 1000000000000000000ULL,
	    10000000000000000000ULL };
	/* The digits counted from the bits (1233 / 4096 is log10(2) to
	 * within the rounding), not by a division or a product a digit: a
	 * record a sentence has four numbers. */
	unsigned t = (unsigned)(64 - __builtin_clzll(v | 1)) * 1233 >> 12;
	size_t digits = t + (v >= tens[t]) + (v == 0);
	char *end;

	/* Then written from the last, two a division. */
	end = p + digits;
	for (p = end; v >= 100; v /= 100) {
		p -= 2;
		p[0] = pairs[2 * (v % 100)];
		p[1] = pairs[2 * (v % 100) + 1];
	}
	if (v >= 10) {
		p[-2] = pairs[2 * v];
		p[-1] = pairs[2 * v + 1];
	} else {
		p[-1] = (char)('0' + v);
	}
	*end = '\0';
	return end;
}

void
out_record(const struct doc *d, const char *members, const char *text,
    size_t len, int valid)
{
	out_record_n(d, members, members ? strlen(members) : 0, text, len,
	    valid);
}

void
out_record_n(const struct doc *d, const char *members, size_t mlen,
    const char *text, size_t len, int valid)
{
	/*
	 * "doc":N and the members: a record's memory serves the next, and
	 * "doc":N, the same in every record of a document, is written once
	 * a document (a record a sentence: perf showed its number and the
	 * strlen() of the members as a tenth of sp-split -s --jsonl).
	 */
	static struct sp_buf extra_buf;
	static uint64_t doc_written = UINT64_MAX;
	static size_t doc_len;
	const char *extra;
	size_t elen;
	char *p;

	if (sp_buf_reserve(&extra_buf, 32 + mlen) < 0)
		sp_oom();
	if (d->number != doc_written) {
		doc_len = (size_t)(out_member(extra_buf.data, "doc",
		    d->number) - extra_buf.data);
		doc_written = d->number;
	}
	extra = extra_buf.data;
	p = extra_buf.data + doc_len;
	if (mlen > 0) {
		*p++ = ',';
		memcpy(p, members, mlen);
		p += mlen;
	}
	*p = '\0';
	elen = (size_t)(p - extra);
	if (d->rec) {
		if (!valid && sp_utf8_valid_prefix((const unsigned char *)text,
		    len) != len) {
			sp_buf_clear(&tmp_buf);
			if (sp_utf8_sanitize(text, len, &tmp_buf, NULL, 0) < 0)
				sp_oom();
			text = tmp_buf.data;
			len = tmp_buf.len;
		}
		if (sp_jsonl_write_n(d->rec, text, len, extra, elen,
		    &rec_buf) < 0)
			sp_oom();
	} else {
		if (sp_buf_putc(&rec_buf, '{') < 0 ||
		    sp_buf_append(&rec_buf, extra, elen) < 0 ||
		    sp_buf_putc(&rec_buf, ',') < 0)
			sp_oom();
		out_json_string(&rec_buf, sp_opts.field, strlen(sp_opts.field));
		if (sp_buf_putc(&rec_buf, ':') < 0)
			sp_oom();
		if (valid) {
			if (sp_json_quote(&rec_buf, text, len) < 0)
				sp_oom();
		} else {
			out_json_string(&rec_buf, text, len);
		}
		if (sp_buf_putc(&rec_buf, '}') < 0)
			sp_oom();
	}
	/* The record's end: room for it is there most often (a call a
	 * record else). */
	if (rec_buf.len + 1 < rec_buf.cap) {
		rec_buf.data[rec_buf.len++] = '\n';
		rec_buf.data[rec_buf.len] = '\0';
	} else if (sp_buf_putc(&rec_buf, '\n') < 0) {
		sp_oom();
	}
	if (rec_buf.len >= RECORD_BATCH)
		out_flush_records();
}

size_t
count_chars(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, c = 0;
	int32_t cp;

	if (sp_utf8_valid_prefix(u, n) == n) {
		for (i = 0; i < n; i++)
			c += (u[i] & 0xC0) != 0x80;
		return c;
	}
	/* Not UTF-8: each invalid sequence one character, the U+FFFD it is
	 * written as. */
	for (i = 0; i < n; c++)
		i += sp_utf8_next(u + i, n - i, &cp);
	return c;
}

/*
 * The bytes s[0..n) is written as: each invalid sequence as the three of
 * U+FFFD, so that --bytes bounds what a chunk writes.
 */
static size_t
written_bytes(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, c = 0, len;
	int32_t cp;

	if (sp_utf8_valid_prefix(u, n) == n)
		return n;
	for (i = 0; i < n; i += len) {
		len = sp_utf8_next(u + i, n - i, &cp);
		c += cp == SP_REPLACEMENT ? 3 : len;
	}
	return c;
}

size_t
unit_size(const char *s, size_t n)
{
	return split_opts.bytes ? written_bytes(s, n) : count_chars(s, n);
}

/* The code point that ends at s[i), i > 0; -1 when it is no UTF-8. */
static int32_t
cp_before(const char *s, size_t i)
{
	size_t k = i - 1;
	int32_t cp;

	while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	if (sp_utf8_decode((const unsigned char *)s + k, i - k, &cp, NULL) !=
	    i - k)
		return -1;
	return cp;
}

/*
 * Whether a line break inside a chunk becomes a space on the chunk's one
 * output line: s[0..end) is the line before it (its CR dropped), s[next]
 * the first byte after it.  A line is a unit of its own (a newline always
 * ends a sentence), so what it ends must not run into what follows: a
 * heading, a title or a list item without a closing mark (一、总体要求
 * then 坚持…) keeps a space, as two Latin words do.  After a mark that
 * ends a CJK sentence or clause (。！？：”）…) none is needed.
 */
static int
space_at_break(const char *s, size_t end, size_t next, size_t n)
{
	unsigned char b, a;
	int32_t cp;

	if (end == 0 || next >= n)
		return 0;
	b = (unsigned char)s[end - 1];
	a = (unsigned char)s[next];
	if (b == ' ' || b == '\t' || b == '\n' || a == ' ' || a == '\t' ||
	    a == '\n' || a == '\r')
		return 0;
	if (b < 0x80)		/* Latin words both sides; a word, then CJK */
		return a < 0x80 || sp_is_alnum(b);
	cp = cp_before(s, end);
	if (cp < 0 || sp_is_punct(cp))
		return 0;
	(void)sp_utf8_next((const unsigned char *)s + next, n - next, &cp);
	return !sp_is_punct(cp);
}

void
out_joined(const char *s, size_t n)
{
	size_t i = 0, j, end, last = 0;	/* last: where the text before ended */

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);

		j = nl ? (size_t)(nl - s) : n;
		end = j > i && s[j - 1] == '\r' ? j - 1 : j;
		if (end > i) {	/* blank lines between count as one break */
			if (last > 0 && space_at_break(s, last, i, n))
				out_text(" ", 1);
			out_text(s + i, end - i);
			last = end;
		}
		i = j + 1;
	}
	out_text("\n", 1);
}
