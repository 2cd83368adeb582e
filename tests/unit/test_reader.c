/* Unit tests of common/reader.c: every framing, pieces, odd input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "check.h"
#include "reader.h"

/*
 * Feeds data through a pipe in chunks of `chunk` bytes, so that units and
 * separators straddle the reader's reads, and collects the units as
 * "text|sep" joined by "#" (with \n shown as '/', \f as 'F', \0 as '0').
 */
static char *
units(const char *data, size_t n, enum sp_framing f, size_t chunk,
    size_t max_unit, struct sp_buf *raw)
{
	int fd[2];
	pid_t pid;
	struct sp_reader *r;
	struct sp_unit u;
	struct sp_buf b = SP_BUF_INIT;
	size_t i;

	if (pipe(fd) < 0)
		return NULL;
	if ((pid = fork()) == 0) {
		close(fd[0]);
		for (i = 0; i < n; i += chunk)
			if (write(fd[1], data + i, n - i < chunk ? n - i :
			    chunk) < 0)
				_exit(1);
		_exit(0);
	}
	close(fd[1]);
	r = sp_reader_new(fd[0], f, max_unit);
	sp_buf_append(&b, "", 0);
	while (sp_reader_next(r, &u) == 1) {
		if (b.len)
			sp_buf_putc(&b, '#');
		for (i = 0; i < u.len; i++)
			sp_buf_putc(&b, u.text[i] == '\n' ? '/' :
			    u.text[i] == '\f' ? 'F' : u.text[i] ? u.text[i] : '0');
		sp_buf_putc(&b, '|');
		for (i = 0; i < u.sep_len; i++)
			sp_buf_putc(&b, u.sep[i] == '\n' ? '/' :
			    u.sep[i] == '\f' ? 'F' : u.sep[i] ? u.sep[i] : '0');
		if (u.flags & SP_UNIT_PARTIAL)
			sp_buf_putc(&b, '+');
		if (raw) {
			sp_buf_append(raw, u.text, u.len);
			sp_buf_append(raw, u.sep, u.sep_len);
		}
	}
	sp_reader_free(r);
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return b.data;
}

/* Checks one framing case with several chunk sizes, and the round trip. */
static void
framing(const char *data, size_t n, enum sp_framing f, const char *want)
{
	size_t chunks[] = { 1, 2, 3, 7, 65536 };
	size_t i;

	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		struct sp_buf raw = SP_BUF_INIT;
		char *got = units(data, n, f, chunks[i], 0, &raw);

		if (!CHECK_MEM(got, strlen(got), want))
			printf("  (chunk %zu)\n", chunks[i]);
		CHECK_INT(raw.len, n);
		CHECK(n == 0 || memcmp(raw.data, data, n) == 0);
		free(got);
		sp_buf_free(&raw);
	}
}

#define FRAMING(s, f, want) framing((s), sizeof(s) - 1, (f), (want))

static void
test_lines(void)
{
	FRAMING("", SP_FRAME_LINES, "");
	FRAMING("a\nb\n", SP_FRAME_LINES, "a|/#b|/");
	FRAMING("a\nb", SP_FRAME_LINES, "a|/#b|");	/* no final newline */
	FRAMING("\n\n", SP_FRAME_LINES, "|/#|/");
	FRAMING("a\r\nb\r\n", SP_FRAME_LINES, "a\r|/#b\r|/");	/* CR kept */
	FRAMING("a\0b\nc", SP_FRAME_LINES, "a0b|/#c|");	/* NUL is data */
	FRAMING("\xff\xfe\n", SP_FRAME_LINES, "\xff\xfe|/");
}

static void
test_paragraphs(void)
{
	FRAMING("", SP_FRAME_PARAGRAPHS, "");
	FRAMING("a\nb\n\nc\n", SP_FRAME_PARAGRAPHS, "a/b|//#c|/");
	FRAMING("a\n \t\n\r\n\nb", SP_FRAME_PARAGRAPHS, "a|/ \t/\r//#b|");
	FRAMING("\n\na\n", SP_FRAME_PARAGRAPHS, "|//#a|/");
	FRAMING("a\r\nb\r\n\r\nc\r\n", SP_FRAME_PARAGRAPHS,
	    "a\r/b\r|/\r/#c\r|/");
	FRAMING("a\n\n", SP_FRAME_PARAGRAPHS, "a|//");
	FRAMING("\n \n", SP_FRAME_PARAGRAPHS, "|/ /");
}

static void
test_documents(void)
{
	FRAMING("", SP_FRAME_DOCUMENTS, "");
	FRAMING("a\nb\n\f\nc\n", SP_FRAME_DOCUMENTS, "a/b|/F/#c|/");
	FRAMING("a\n\f\n", SP_FRAME_DOCUMENTS, "a|/F/");
	FRAMING("\f\na", SP_FRAME_DOCUMENTS, "|F/#a|");
	/* A CR ending the last line is text, before a separator or not. */
	FRAMING("a\r\n\f\r\nb", SP_FRAME_DOCUMENTS, "a\r|/F\r/#b|");
	FRAMING("a\r\n\f\r\na\r\n", SP_FRAME_DOCUMENTS,
	    "a\r|/F\r/#a\r|/");
	/* A form feed inside a line, or not alone on it, is text. */
	FRAMING("a\fb\n\fc\n", SP_FRAME_DOCUMENTS, "aFb/Fc|/");
	FRAMING("a\n\f", SP_FRAME_DOCUMENTS, "a|/F");	/* FF line at EOF */
	FRAMING("a\n\f\n\f\nb\n", SP_FRAME_DOCUMENTS, "a|/F/#|F/#b|/");
	FRAMING("a\0b\0", SP_FRAME_NUL, "a|0#b|0");
	FRAMING("a\nb\0c", SP_FRAME_NUL, "a/b|0#c|");
}

/* A unit longer than the cap comes in pieces cut between characters. */
static void
test_pieces(void)
{
	char *got;

	got = units("abcdefghij\nxy\n", 14, SP_FRAME_LINES, 3, 4, NULL);
	CHECK_MEM(got, strlen(got), "abcd|+#efgh|+#ij|/#xy|/");
	free(got);
	/* 中 is three bytes: a cap of 4 must not split it. */
	got = units("a中中\n", 8, SP_FRAME_LINES, 1, 4, NULL);
	CHECK_MEM(got, strlen(got), "a中|+#中|/");
	free(got);
}

/*
 * A unit of exactly the cap is whole, whether its separator or the end
 * of input comes after it, however the reads cut it: read as a piece
 * with nothing after it, a tool waiting for its rest lost it.
 */
static void
test_cap_exactly(void)
{
	size_t chunks[] = { 1, 2, 3, 4, 65536 }, i;
	char *got;

	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		got = units("x\nabc", 5, SP_FRAME_LINES, chunks[i], 3, NULL);
		CHECK_MEM(got, strlen(got), "x|/#abc|");
		free(got);
		got = units("abc\nabcd", 8, SP_FRAME_LINES, chunks[i], 3,
		    NULL);
		CHECK_MEM(got, strlen(got), "abc|/#abc|+#d|");
		free(got);
		got = units("abc\n\f\nabc", 9, SP_FRAME_DOCUMENTS, chunks[i],
		    3, NULL);
		CHECK_MEM(got, strlen(got), "abc|/F/#abc|");
		free(got);
		got = units("abc\r\n\f\r\nab", 10, SP_FRAME_DOCUMENTS,
		    chunks[i], 4, NULL);
		CHECK_MEM(got, strlen(got), "abc\r|/F\r/#ab|");
		free(got);
		got = units("abc\0abc", 7, SP_FRAME_NUL, chunks[i], 3, NULL);
		CHECK_MEM(got, strlen(got), "abc|0#abc|");
		free(got);
	}
}

/*
 * A 100 MB line: read with the default 64 MiB cap it arrives as two pieces
 * of the same unit, nothing lost; memory stays bounded by the cap.
 */
static void
test_huge_line(void)
{
	char path[] = "/tmp/sp-reader-XXXXXX";
	int fd = mkstemp(path);
	size_t total = 100u << 20, i, got = 0, pieces = 0;
	char *block = malloc(1 << 20);
	struct sp_reader *r;
	struct sp_unit u;
	uint64_t number = 0;
	int contiguous = 1;

	memset(block, 'x', 1 << 20);
	for (i = 0; i < 100; i++)
		if (write(fd, block, 1 << 20) != 1 << 20)
			break;
	(void)!write(fd, "\nz", 2);
	lseek(fd, 0, SEEK_SET);
	r = sp_reader_new(fd, SP_FRAME_LINES, 0);
	while (sp_reader_next(r, &u) == 1) {
		if (u.offset != got)
			contiguous = 0;
		got += u.len + u.sep_len;
		pieces++;
		number = u.number;
	}
	CHECK_INT(got, total + 2);
	CHECK_INT(pieces, 3);	/* 64 MiB + 36 MiB + "z" */
	CHECK_INT(number, 2);
	CHECK(contiguous);
	sp_reader_free(r);
	close(fd);
	unlink(path);
	free(block);
}

int
main(void)
{
	test_lines();
	test_paragraphs();
	test_documents();
	test_pieces();
	test_cap_exactly();
	test_huge_line();
	return check_done("reader");
}
