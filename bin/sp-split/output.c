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
	/* "doc":N and the members: a record's memory serves the next. */
	static struct sp_buf extra_buf;
	size_t mlen = members ? strlen(members) : 0;
	const char *extra;
	char *p;

	if (sp_buf_reserve(&extra_buf, 32 + mlen) < 0)
		sp_oom();
	extra = extra_buf.data;
	p = out_member(extra_buf.data, "doc", d->number);
	if (mlen > 0) {
		*p++ = ',';
		memcpy(p, members, mlen + 1);
	}
	if (d->rec) {
		if (!valid && sp_utf8_valid_prefix((const unsigned char *)text,
		    len) != len) {
			sp_buf_clear(&tmp_buf);
			if (sp_utf8_sanitize(text, len, &tmp_buf, NULL, 0) < 0)
				sp_oom();
			text = tmp_buf.data;
			len = tmp_buf.len;
		}
		if (sp_jsonl_write(d->rec, text, len, extra, &rec_buf) < 0)
			sp_oom();
	} else {
		if (sp_buf_putc(&rec_buf, '{') < 0 ||
		    sp_buf_puts(&rec_buf, extra) < 0 ||
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
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

size_t
unit_size(const char *s, size_t n)
{
	return split_opts.bytes ? n : count_chars(s, n);
}

/* Is the character ending at s[i) (or starting at s[i]) Latin-like? */
static int
latin_before(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i - 1];

	return c < 0x80 && c != ' ' && c != '\t';
}

void
out_joined(const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);

		if (nl == NULL) {
			out_text(s + i, n - i);
			break;
		}
		j = (size_t)(nl - s);
		if (j > i && s[j - 1] == '\r')
			out_text(s + i, j - 1 - i);
		else
			out_text(s + i, j - i);
		/* Latin words on both sides need a space; CJK none. */
		if (j > 0 && j + 1 < n && latin_before(s, j) &&
		    (unsigned char)s[j + 1] < 0x80 && s[j + 1] != ' ' &&
		    s[j + 1] != '\t' && s[j + 1] != '\n' && s[j + 1] != '\r')
			out_text(" ", 1);
		i = j + 1;
	}
	out_text("\n", 1);
}
