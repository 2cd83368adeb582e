/*
 * Unit tests of common/stream.c and common/tool.c: the unit loop and the
 * framed output, run in-process with stdout redirected to a file.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "stream.h"
#include "tool.h"

static char in_path[] = "/tmp/sp-stream-in-XXXXXX";
static char out_path[] = "/tmp/sp-stream-out-XXXXXX";

/* Upper-cases ASCII, so that the output shows each unit went through. */
static int
upcase(const struct sp_input_unit *in, void *ctx)
{
	char *s = malloc(in->len + 1);
	size_t i;

	(void)ctx;
	for (i = 0; i < in->len; i++)
		s[i] = (in->text[i] >= 'a' && in->text[i] <= 'z') ?
		    (char)(in->text[i] - 32) : in->text[i];
	sp_emit(in, s, in->len, in->rec ? "\"seen\":true" : NULL);
	free(s);
	return 0;
}

/*
 * Documents as lines, shown: "[" a document's start ("[]" an empty one),
 * each line and its number in the document, "]" its end, "f" when a
 * form-feed line followed.
 */
static void
show_begin(const struct sp_doc *d, void *ctx)
{
	(void)ctx;
	sp_puts(d->empty ? "[]" : "[");
}

static void
show_line(const struct sp_doc *d, const struct sp_doc_line *l, void *ctx)
{
	char num[32];

	(void)d;
	(void)ctx;
	sp_write(l->text, l->len);
	snprintf(num, sizeof num, "%s%llu:%llu|", l->flags ? "~" : "",
	    (unsigned long long)l->doc_line, (unsigned long long)l->off);
	sp_puts(num);
}

/*
 * use_docs 2: lines() takes runs of lines, each shown as show_line()
 * shows one with "r" before it, and both show the line's number in the
 * operand and its offset there too.
 */
static int use_docs;	/* run() reads documents as lines (2: in runs) */

static void
show_numbers(uint64_t doc_line, uint64_t off, uint64_t number,
    uint64_t file_off)
{
	char num[80];

	snprintf(num, sizeof num, "%llu:%llu:%llu:%llu|",
	    (unsigned long long)doc_line, (unsigned long long)off,
	    (unsigned long long)number, (unsigned long long)file_off);
	sp_puts(num);
}

static void
show_line2(const struct sp_doc *d, const struct sp_doc_line *l, void *ctx)
{
	(void)d;
	(void)ctx;
	sp_write(l->text, l->len);
	show_numbers(l->doc_line, l->off, l->number, l->file_off);
}

static size_t
show_lines(const struct sp_doc *d, const struct sp_doc_line *first,
    uint64_t *count, void *ctx)
{
	const char *s = first->text, *nl;
	size_t used = 0, n;

	(void)ctx;
	while ((nl = memchr(s + used, '\n', first->len - used)) != NULL) {
		n = (size_t)(nl - (s + used));
		if (n > 0 && s[used] == '\f')
			break;
		sp_puts("r");
		sp_write(s + used, n);
		/* A record's lines share its number. */
		show_numbers(first->doc_line + *count, first->off + used,
		    first->number + (d->in ? 0 : *count),
		    first->file_off + used);
		used += n + 1;
		++*count;
	}
	return used;
}

static void
show_end(const struct sp_doc *d, int followed, void *ctx)
{
	(void)ctx;
	if (!d->empty)
		sp_puts("]");
	if (followed)
		sp_puts("f");
}


/* Runs the loop over input with the given options; returns the output. */
static char *
run(const char *input, size_t n, enum sp_framing unit, int nul, int jsonl,
    size_t *outlen)
{
	int fd, saved;
	char *argv[] = { in_path, NULL };
	FILE *f;
	char *buf;
	long len;

	fd = open(in_path, O_WRONLY | O_TRUNC);
	if (write(fd, input, n) != (ssize_t)n)
		return NULL;
	close(fd);
	sp_tool_init("sp-test", "usage: sp-test\n");
	sp_opts.nul = nul;
	sp_opts.jsonl = jsonl;
	fflush(stdout);
	saved = dup(1);
	fd = open(out_path, O_WRONLY | O_TRUNC);
	dup2(fd, 1);
	close(fd);
	if (use_docs) {
		struct sp_doc_ops ops = { .begin = show_begin,
		    .line = show_line, .end = show_end, .text_operands = 1 };

		if (use_docs == 2) {
			ops.line = show_line2;
			ops.lines = show_lines;
		}
		sp_each_doc_line(1, argv, &ops, NULL);
	} else
		sp_each_unit(1, argv, unit, upcase, NULL, NULL);
	sp_finish();
	dup2(saved, 1);
	close(saved);
	f = fopen(out_path, "rb");
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = calloc(1, (size_t)len + 1);
	if (fread(buf, 1, (size_t)len, f) != (size_t)len)
		len = 0;
	fclose(f);
	*outlen = (size_t)len;
	return buf;
}

#define RUN(in, unit, nul, jsonl, want) do { \
	size_t len_; \
	char *got_ = run((in), sizeof(in) - 1, (unit), (nul), (jsonl), &len_); \
	check_mem(got_, len_, (want), sizeof(want) - 1, __FILE__, __LINE__, \
	    in); \
	free(got_); \
} while (0)

int
main(void)
{
	int fd;

	fd = mkstemp(in_path);
	close(fd);
	fd = mkstemp(out_path);
	close(fd);

	RUN("a\nb", SP_FRAME_LINES, 0, 0, "A\nB\n");
	/* Separators mirror the input's, a trailing form-feed line included. */
	RUN("a\nb\n\f\nc\n\f\n", SP_FRAME_DOCUMENTS, 0, 0,
	    "A\nB\n\f\nC\n\f\n");
	RUN("a\n\f\nc", SP_FRAME_DOCUMENTS, 0, 0, "A\n\f\nC\n");
	RUN("a\0b\0", SP_FRAME_DOCUMENTS, 1, 0, "A\0B\0");
	RUN("a\nb\n\n\nc", SP_FRAME_PARAGRAPHS, 0, 0, "A\nB\n\nC\n");
	RUN("a\n\nb\n\n", SP_FRAME_PARAGRAPHS, 0, 0, "A\n\nB\n\n");
	RUN("{\"n\":1.50,\"text\":\"ab\"}\n\n{\"text\":\"c\"}",
	    SP_FRAME_LINES, 0, 1,
	    "{\"n\":1.50,\"text\":\"AB\",\"seen\":true}\n"
	    "{\"text\":\"C\",\"seen\":true}\n");
	/* An unusable record is passed through unchanged (and reported). */
	RUN("{\"id\":2}\n", SP_FRAME_LINES, 0, 1, "{\"id\":2}\n");
	CHECK_INT(sp_status, SP_EXIT_ERROR);

	/* Documents as lines: form-feed lines, CRLF, an empty document. */
	use_docs = 1;
	RUN("a\r\nb\n\f\n\f\r\nc", SP_FRAME_LINES, 0, 0,
	    "[a1:0|b2:3|]f[]f[c1:0|]");
	/* -z: a NUL ends the line and the document; "\0\0" an empty one. */
	RUN("a\nb\0\0c\0", SP_FRAME_LINES, 1, 0, "[a1:0|b2:2|][][c1:0|]");
	/* JSON Lines: a record's text by lines; a text operand as text. */
	RUN("{\"text\":\"x\\ny\"}\n", SP_FRAME_LINES, 0, 1,
	    "[x1:0|y2:2|]");
	RUN("x\ny\n", SP_FRAME_LINES, 0, 1, "[x1:0|y2:2|]");
	/*
	 * Runs of lines after a line handed on, up to a line opening with a
	 * form feed and to the last '\n'; the lines after them numbered
	 * on.  Not with -z; in a JSON Lines record, its lines all share its
	 * number.
	 */
	use_docs = 2;
	RUN("a\r\nb\nc\n\f\nd\ne", SP_FRAME_LINES, 0, 0,
	    "[a1:0:1:0|rb2:3:2:3|rc3:5:3:5|]f[d1:0:5:9|e2:2:6:11|]");
	RUN("a\nb\r\n\fx\nc\n", SP_FRAME_LINES, 0, 0,
	    "[a1:0:1:0|rb\r2:2:2:2|\fx3:5:3:5|rc4:8:4:8|]");
	RUN("a\nb\0c\n", SP_FRAME_LINES, 1, 0,
	    "[a1:0:1:0|b2:2:2:2|][c1:0:2:4|]");
	RUN("{\"text\":\"x\\ny\"}\n", SP_FRAME_LINES, 0, 1,
	    "[x1:0:1:0|y2:2:1:2|]");
	RUN("{\"text\":\"x\\ny\\n\\fw\\nv\\nz\"}\n", SP_FRAME_LINES, 0, 1,
	    "[x1:0:1:0|ry2:2:1:2|\fw3:4:1:4|rv4:7:1:7|z5:9:1:9|]");
	unlink(in_path);
	unlink(out_path);
	return check_done("stream");
}
