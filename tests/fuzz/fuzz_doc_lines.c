/*
 * Fuzz target: documents read a line at a time (sp_each_doc_line()), with
 * and without runs of lines (sp_doc_ops.lines).  Property: a tool that
 * takes runs sees what a tool taking a line at a time sees, for plain
 * text, -z and JSON Lines, and a --max-unit of the default or a few
 * bytes: the same documents, and each line with the same text (a CR
 * before its '\n' kept), numbers, offsets and flags, in the same order.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include <sanitizer/common_interface_defs.h>

#include "buf.h"
#include "stream.h"
#include "tool.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
put(struct sp_buf *b, const char *s, size_t n)
{
	if (sp_buf_append(b, s, n) < 0)
		abort();
}

static void
put_line(struct sp_buf *b, const char *text, size_t len, uint64_t number,
    uint64_t doc_line, uint64_t off, uint64_t file_off, unsigned flags)
{
	char num[128];

	put(b, "<", 1);
	put(b, text, len);
	snprintf(num, sizeof num, ">%llu:%llu:%llu:%llu:%u|",
	    (unsigned long long)number, (unsigned long long)doc_line,
	    (unsigned long long)off, (unsigned long long)file_off, flags);
	put(b, num, strlen(num));
}

static void
on_begin(const struct sp_doc *d, void *ctx)
{
	put(ctx, d->empty ? "[]" : "[", d->empty ? 2 : 1);
}

static void
on_line(const struct sp_doc *d, const struct sp_doc_line *l, void *ctx)
{
	struct sp_buf *b = ctx;

	(void)d;
	/* As a run shows it: the CR of a "\r\n" kept. */
	if (l->eol_len == 2) {
		struct sp_buf t = SP_BUF_INIT;

		put(&t, l->text, l->len);
		put(&t, "\r", 1);
		put_line(b, t.data, t.len, l->number, l->doc_line, l->off,
		    l->file_off, l->flags);
		sp_buf_free(&t);
		return;
	}
	put_line(b, l->text, l->len, l->number, l->doc_line, l->off,
	    l->file_off, l->flags);
}

static size_t
on_lines(const struct sp_doc *d, const struct sp_doc_line *first,
    uint64_t *count, void *ctx)
{
	const char *s = first->text, *nl;
	size_t used = 0, n;

	if (first->flags || first->eol_len)
		abort();
	while ((nl = memchr(s + used, '\n', first->len - used)) != NULL) {
		n = (size_t)(nl - (s + used));
		if (n > 0 && s[used] == '\f')
			break;
		put_line(ctx, s + used, n, first->number +
		    (d->in ? 0 : *count), first->doc_line + *count,
		    first->off + used, first->file_off + used, 0);
		used += n + 1;
		++*count;
	}
	return used;
}

static void
on_end(const struct sp_doc *d, int followed, void *ctx)
{
	(void)d;
	put(ctx, followed ? "]f" : "]", followed ? 2 : 1);
}

/* The events of one run over fd's bytes, with runs or without. */
static void
events(int fd, int runs, struct sp_buf *out)
{
	struct sp_doc_ops ops = { .begin = on_begin, .line = on_line,
	    .end = on_end };
	char path[64];
	char *argv[] = { path, NULL };

	if (runs)
		ops.lines = on_lines;
	lseek(fd, 0, SEEK_SET);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	sp_each_doc_line(1, argv, &ops, out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int inited;
	struct sp_buf one = SP_BUF_INIT, run = SP_BUF_INIT;
	int fd, saved_err, devnull;
	unsigned opt;

	if (size == 0)
		return 0;
	opt = data[0];
	data++;
	size--;
	if ((fd = memfd_create("in", 0)) < 0 ||
	    write(fd, data, size) != (ssize_t)size)
		abort();
	/* Warnings (over-long lines, bad records) to nowhere, sanitizer
	 * reports to the real stderr; the records the stream writes back
	 * unchanged go to nowhere for good. */
	saved_err = dup(STDERR_FILENO);
	devnull = open("/dev/null", O_WRONLY);
	__sanitizer_set_report_fd((void *)(intptr_t)saved_err);
	dup2(devnull, STDERR_FILENO);
	if (!inited) {
		dup2(devnull, STDOUT_FILENO);
		sp_tool_init("fuzz_doc_lines", "");
		inited = 1;
	}
	sp_opts.nul = opt & 1;
	sp_opts.jsonl = (opt & 2) != 0;
	sp_opts.max_unit = opt & 4 ? 4 + (size_t)(opt >> 3) * 4 :
	    SP_DEFAULT_MAX_UNIT;
	events(fd, 0, &one);
	events(fd, 1, &run);
	sp_status = 0;
	dup2(saved_err, STDERR_FILENO);
	__sanitizer_set_report_fd((void *)(intptr_t)STDERR_FILENO);
	close(saved_err);
	close(devnull);
	close(fd);
	if (one.len != run.len || (one.len && memcmp(one.data, run.data,
	    one.len))) {
		fprintf(stderr, "fuzz_doc_lines: runs differ\none: %.*s\nrun: "
		    "%.*s\n", (int)one.len, one.data, (int)run.len, run.data);
		abort();
	}
	sp_buf_free(&one);
	sp_buf_free(&run);
	return 0;
}
