/*
 * Fuzz target: JSON Lines through the tools' stream code (stream.h), as a
 * tool runs it: sp_each_unit_fd() reads the records, the tool changes
 * each one's field (appends "✓", sometimes adds a member) and writes it
 * with sp_emit().  Properties, for the field "text" or "body" and a
 * --max-unit of the default or a few bytes:
 *   - one output line for each input line that is not blank (spaces,
 *     tabs and CRs alone: sp(7) skips them as holding no record);
 *   - a record jansson reads (integers of any size: as sp_jsonl_parse())
 *     as an object with the field a string, and
 *     not over --max-unit, comes out changed: jansson reads it back with
 *     the field's new value, the added member, and every other member
 *     equal to the input's;
 *   - any other line comes out exactly as it went in;
 *   - except that a UTF-8 byte order mark opening the input is dropped:
 *     the first line is judged, and written, without it.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <jansson.h>
#include <sanitizer/common_interface_defs.h>

#include "stream.h"
#include "tool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char mark[] = "\xe2\x9c\x93";	/* ✓ */
static int add_member;
static size_t max_unit;	/* sp_tool_init() resets sp_opts */

static int
change(const struct sp_input_unit *in, void *ctx)
{
	struct sp_buf *b = ctx;

	if (in->rec == NULL)
		abort();	/* with --jsonl every unit is a record */
	sp_buf_clear(b);
	if (sp_buf_append(b, in->text, in->len) < 0 ||
	    sp_buf_puts(b, mark) < 0)
		abort();
	sp_emit(in, b->data, b->len, add_member ? "\"fz\":1" : NULL);
	return 0;
}

/* Reads fd from its start into out. */
static void
slurp(int fd, struct sp_buf *out)
{
	char buf[65536];
	ssize_t k;

	lseek(fd, 0, SEEK_SET);
	while ((k = read(fd, buf, sizeof buf)) > 0)
		if (sp_buf_append(out, buf, (size_t)k) < 0)
			abort();
}

static const char *
next_line(const char *p, const char *end, size_t *len)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));

	*len = nl ? (size_t)(nl - p) : (size_t)(end - p);
	return nl ? nl + 1 : end;
}

static void
fail(const char *why, const char *in, size_t inlen, const char *out,
    size_t outlen)
{
	fprintf(stderr, "fuzz_stream: %s\nin:  %.*s\nout: %.*s\n", why,
	    (int)inlen, in, (int)outlen, out);
	abort();
}

static void
check(const char *in, size_t inlen, size_t readlen, const char *out,
    size_t outlen, const char *field)
{
	static json_t *one;
	json_t *a, *b, *v, *w;

	a = json_loadb(in, inlen, JSON_ALLOW_NUL |
	    JSON_DECODE_INT_AS_REAL, NULL);
	if (a && (!json_is_object(a) ||
	    !json_is_string(json_object_get(a, field)))) {
		json_decref(a);
		a = NULL;
	}
	if (a == NULL || readlen > max_unit) {
		/* Not a record the tool can use: passed through. */
		if (outlen != inlen || memcmp(in, out, inlen))
			fail("not a record, yet changed", in, inlen, out,
			    outlen);
		json_decref(a);
		return;
	}
	if ((b = json_loadb(out, outlen, JSON_ALLOW_NUL |
	    JSON_DECODE_INT_AS_REAL, NULL)) == NULL ||
	    !json_is_object(b))
		fail("record out is not an object", in, inlen, out, outlen);
	v = json_object_get(a, field);
	w = json_object_get(b, field);
	if (!json_is_string(w) || json_string_length(w) !=
	    json_string_length(v) + 3 || memcmp(json_string_value(w),
	    json_string_value(v), json_string_length(v)) ||
	    memcmp(json_string_value(w) + json_string_length(v), mark, 3))
		fail("field not changed as the tool said", in, inlen, out,
		    outlen);
	if (one == NULL)
		one = json_real(1);	/* integers read as reals */
	if (add_member && !json_equal(json_object_get(b, "fz"), one))
		fail("member not added", in, inlen, out, outlen);
	json_object_del(a, field);
	json_object_del(b, field);
	if (add_member) {
		json_object_del(a, "fz");
		json_object_del(b, "fz");
	}
	if (!json_equal(a, b))
		fail("other members changed", in, inlen, out, outlen);
	json_decref(a);
	json_decref(b);
}

/* A line of JSON's white space alone but its line feed: no record. */
static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	static struct sp_buf tmp;
	struct sp_buf out = SP_BUF_INIT;
	int infd, outfd, saved_out, saved_err, devnull;
	const char *p, *end, *q, *qend, *field;
	size_t len, olen;

	if (size == 0)
		return 0;
	if (!inited) {
		sp_tool_init("fuzz_stream", "");
		inited = 1;
	}
	sp_opts.jsonl = 1;
	field = data[0] & 1 ? "body" : "text";
	sp_opts.field = field;
	add_member = data[0] & 2;
	max_unit = data[0] & 4 ? 8 + (size_t)(data[0] >> 3) * 4 :
	    SP_DEFAULT_MAX_UNIT;
	sp_opts.max_unit = max_unit;
	data++;
	size--;

	if ((infd = memfd_create("in", 0)) < 0 ||
	    (outfd = memfd_create("out", 0)) < 0)
		abort();
	if (write(infd, data, size) != (ssize_t)size ||
	    (size && data[size - 1] != '\n' && write(infd, "\n", 1) != 1))
		abort();
	lseek(infd, 0, SEEK_SET);

	/* Output to the memfd; the warnings about bad records to nowhere,
	 * sanitizer reports still to the real stderr. */
	saved_out = dup(STDOUT_FILENO);
	saved_err = dup(STDERR_FILENO);
	devnull = open("/dev/null", O_WRONLY);
	__sanitizer_set_report_fd((void *)(intptr_t)saved_err);
	dup2(outfd, STDOUT_FILENO);
	dup2(devnull, STDERR_FILENO);
	sp_each_unit_fd(infd, "fuzz", 0, SP_FRAME_LINES, change, &tmp);
	sp_finish();
	sp_tool_init("fuzz_stream", "");
	sp_status = 0;
	dup2(saved_out, STDOUT_FILENO);
	dup2(saved_err, STDERR_FILENO);
	__sanitizer_set_report_fd((void *)(intptr_t)STDERR_FILENO);
	close(saved_out);
	close(saved_err);
	close(devnull);
	slurp(outfd, &out);
	close(infd);
	close(outfd);

	/* Line by line: the input's non-blank lines against the output's. */
	p = (const char *)data;
	end = p + size;
	q = out.data ? out.data : "";
	qend = q + out.len;
	while (p < end) {
		const char *line = p;
		size_t readlen, bom = 0;

		p = next_line(p, end, &len);
		readlen = len;	/* what --max-unit counts: the mark too */
		if (line == (const char *)data && len >= 3 &&
		    memcmp(line, "\xEF\xBB\xBF", 3) == 0)
			bom = 3;
		line += bom;
		len -= bom;
		/* A blank line is skipped, one over --max-unit too long to
		 * be read whole, reported and written as it is. */
		if (readlen <= max_unit && blank(line, len))
			continue;
		if (q >= qend)
			abort();	/* a line lost */
		{
			const char *oline = q;

			q = next_line(q, qend, &olen);
			check(line, len, readlen, oline, olen, field);
		}
	}
	if (q != qend)
		abort();	/* a line made up */
	sp_buf_free(&out);
	return 0;
}
