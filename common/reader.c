/* reader.c: streaming unit reader; see reader.h for the framings. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reader.h"
#include "utf8.h"

/*
 * Each fill reads what room is left, at least a quarter of this.  A
 * buffer's first line goes to the tool alone, and the rest in a run
 * (sp_reader_ahead()): with 64 KiB, the calls and the reads a buffer
 * were a few percent of sp-outline's time on HTML.  256 KiB still sits
 * in a core's level-2 cache as it is scanned.
 */
#define READ_BLOCK ((size_t)256 << 10)

struct sp_reader {
	int fd;
	enum sp_framing framing;
	size_t max_unit;
	char *buf;
	size_t cap;
	size_t start;		/* first byte of the pending unit */
	size_t end;		/* end of the bytes read */
	size_t scan;		/* bytes before this (from start) are searched */
	uint64_t base;		/* input offset of buf[0] */
	uint64_t number;
	int eof;
	int continued;		/* the last unit handed out was PARTIAL */
	/* Paragraph state, relative to start. */
	int para_content;	/* a non-blank line has been seen */
	int para_blank;		/* a blank line followed it */
	size_t para_text_end;
};

struct sp_reader *
sp_reader_new(int fd, enum sp_framing f, size_t max_unit)
{
	struct sp_reader *r;

	if ((r = calloc(1, sizeof *r)) == NULL)
		return NULL;
	r->fd = fd;
	r->framing = f;
	r->max_unit = max_unit ? max_unit : SP_DEFAULT_MAX_UNIT;
	r->cap = READ_BLOCK;
	if ((r->buf = malloc(r->cap)) == NULL) {
		free(r);
		return NULL;
	}
	return r;
}

void
sp_reader_free(struct sp_reader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r);
}

const char *
sp_reader_ahead(const struct sp_reader *r, size_t *len)
{
	*len = r->end - r->start;
	if (r->framing != SP_FRAME_LINES || r->continued || *len == 0 ||
	    *len > r->max_unit)
		return NULL;
	return r->buf + r->start;
}

void
sp_reader_pass(struct sp_reader *r, size_t bytes, uint64_t lines)
{
	r->start += bytes;
	r->scan = 0;
	r->number += lines;
}

uint64_t
sp_reader_bytes(const struct sp_reader *r)
{
	return r->base + r->start;
}

/* The longest separator but blank lines between paragraphs: \n\f\r\n. */
#define SEP_ROOM 4

/* Reads more input; returns 1 if bytes arrived, 0 at EOF, -1 on error. */
static int
fill(struct sp_reader *r)
{
	ssize_t n;
	size_t want;

	if (r->start > 0 && (r->start >= r->cap / 2 || r->end == r->cap)) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->base += r->start;
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READ_BLOCK / 4) {
		size_t ncap = r->cap * 2;
		char *p;

		if (ncap < r->end + READ_BLOCK)
			ncap = r->end + READ_BLOCK;
		if ((p = realloc(r->buf, ncap)) == NULL)
			return -1;
		r->buf = p;
		r->cap = ncap;
		sp_huge_pages(p, ncap);
	}
	want = r->cap - r->end;
	do
		n = read(r->fd, r->buf + r->end, want);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0) {
		r->eof = 1;
		return 0;
	}
	r->end += (size_t)n;
	return 1;
}

static int
is_blank_line(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/*
 * Each finder looks for the end of the pending unit in buf[start..end).
 * It returns 1 with *text_end and *sep_end (absolute indexes) when found,
 * 0 when more input is needed, -1 when the input ended with nothing pending.
 */
static int
find_delim(struct sp_reader *r, int delim, size_t *text_end, size_t *sep_end)
{
	char *b = r->buf, *p;

	p = memchr(b + r->start + r->scan, delim,
	    r->end - r->start - r->scan);
	if (p != NULL) {
		*text_end = (size_t)(p - b);
		*sep_end = *text_end + 1;
		return 1;
	}
	r->scan = r->end - r->start;
	if (!r->eof)
		return 0;
	if (r->start == r->end)
		return -1;
	*text_end = *sep_end = r->end;
	return 1;
}

static int
find_document(struct sp_reader *r, size_t *text_end, size_t *sep_end)
{
	char *b = r->buf;
	size_t i = r->start + r->scan, line_end;

	for (;;) {
		char *p = memchr(b + i, '\f', r->end - i);

		if (p == NULL)
			break;
		i = (size_t)(p - b);
		if (i > r->start && b[i - 1] != '\n') {
			i++;
			continue;
		}
		/* The form feed opens a line; does it also close it? */
		if (i + 1 < r->end && b[i + 1] == '\n')
			line_end = i + 2;
		else if (i + 2 < r->end && b[i + 1] == '\r' && b[i + 2] == '\n')
			line_end = i + 3;
		else if ((i + 1 == r->end || (i + 2 == r->end &&
		    b[i + 1] == '\r')) && !r->eof) {
			r->scan = i - r->start;	/* look again with more input */
			return 0;
		} else if (i + 1 == r->end)
			line_end = i + 1;
		else {
			i++;
			continue;
		}
		/*
		 * The text ends before the '\n' of its last line; a CR before
		 * it stays in the text, as in every framing and as when the
		 * input ends instead, so that a document compares the same
		 * whether a form-feed line or the end of input follows it.
		 */
		*sep_end = line_end;
		*text_end = i > r->start ? i - 1 : i;
		return 1;
	}
	r->scan = r->end - r->start;
	if (!r->eof)
		return 0;
	if (r->start == r->end)
		return -1;
	*sep_end = r->end;
	*text_end = r->end;
	if (b[r->end - 1] == '\n')
		(*text_end)--;
	return 1;
}

static int
find_paragraph(struct sp_reader *r, size_t *text_end, size_t *sep_end)
{
	char *b = r->buf;
	size_t ls = r->start + r->scan, le;

	while (ls < r->end) {
		char *nl = memchr(b + ls, '\n', r->end - ls);

		if (nl == NULL && !r->eof)
			break;
		le = nl ? (size_t)(nl - b) : r->end;
		if (is_blank_line(b + ls, le - ls)) {
			r->para_blank = 1;
		} else if (r->para_blank) {
			/* A non-blank line after blank ones opens the next unit. */
			*text_end = r->para_content ? r->start + r->para_text_end
			    : r->start;
			*sep_end = ls;
			return 1;
		} else {
			r->para_content = 1;
			r->para_text_end = le - r->start;
		}
		ls = nl ? le + 1 : le;
		r->scan = ls - r->start;
	}
	if (!r->eof)
		return 0;
	if (r->start == r->end)
		return -1;
	*text_end = r->para_content ? r->start + r->para_text_end : r->start;
	*sep_end = r->end;
	return 1;
}

static void
emit(struct sp_reader *r, struct sp_unit *u, size_t text_end, size_t sep_end,
    unsigned flags)
{
	u->text = r->buf + r->start;
	u->len = text_end - r->start;
	u->sep = r->buf + text_end;
	u->sep_len = sep_end - text_end;
	u->offset = r->base + r->start;
	if (!r->continued)
		r->number++;
	u->number = r->number;
	u->flags = flags | (r->continued ? SP_UNIT_CONTINUED : 0);
	r->continued = (flags & SP_UNIT_PARTIAL) != 0;
	r->start = sep_end;
	r->scan = 0;
	r->para_content = r->continued;
	r->para_blank = 0;
	r->para_text_end = 0;
}

int
sp_reader_next(struct sp_reader *r, struct sp_unit *u)
{
	size_t text_end, sep_end;
	int found;

	for (;;) {
		switch (r->framing) {
		case SP_FRAME_LINES:
			found = find_delim(r, '\n', &text_end, &sep_end);
			break;
		case SP_FRAME_NUL:
			found = find_delim(r, '\0', &text_end, &sep_end);
			break;
		case SP_FRAME_DOCUMENTS:
			found = find_document(r, &text_end, &sep_end);
			break;
		default:
			found = find_paragraph(r, &text_end, &sep_end);
			break;
		}
		if (found < 0)
			return 0;
		if (found > 0 && text_end - r->start <= r->max_unit) {
			emit(r, u, text_end, sep_end, 0);
			return 1;
		}
		/*
		 * Too long: the unit found is longer, or more than max_unit
		 * bytes are pending with room for the separator after them
		 * ("\n\f\r\n" the longest but a run of blank lines) and
		 * still no end.  A unit of max_unit bytes whose separator has
		 * not come yet, or that the end of input will end, is whole.
		 */
		if (found > 0 || r->end - r->start > r->max_unit + SEP_ROOM) {
			/* A piece, cut between characters. */
			size_t n = sp_utf8_boundary(r->buf + r->start,
			    r->max_unit);

			if (n == 0)
				n = r->max_unit;
			emit(r, u, r->start + n, r->start + n, SP_UNIT_PARTIAL);
			return 1;
		}
		if (fill(r) < 0)
			return -1;
	}
}
