/*
 * Fuzz target: the unit reader in every framing.  Property: the units'
 * text and separators, joined, give back the input byte for byte, and no
 * piece is longer than the cap.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum sp_framing framings[] = { SP_FRAME_LINES,
	    SP_FRAME_PARAGRAPHS, SP_FRAME_DOCUMENTS, SP_FRAME_NUL };
	struct sp_buf joined = SP_BUF_INIT;
	struct sp_reader *r;
	struct sp_unit u;
	size_t max_unit;
	int fd;

	if (size < 2)
		return 0;
	/* The first byte picks the framing and a cap from 4 bytes up. */
	max_unit = 4 + (data[0] >> 2) * 16;
	r = NULL;
	fd = memfd_create("fuzz", 0);
	if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1))
		abort();
	lseek(fd, 0, SEEK_SET);
	r = sp_reader_new(fd, framings[data[0] & 3], max_unit);
	sp_buf_append(&joined, "", 0);
	while (sp_reader_next(r, &u) == 1) {
		if (u.len > max_unit)
			abort();
		sp_buf_append(&joined, u.text, u.len);
		sp_buf_append(&joined, u.sep, u.sep_len);
	}
	if (joined.len != size - 1 || memcmp(joined.data, data + 1, size - 1))
		abort();
	sp_reader_free(r);
	sp_buf_free(&joined);
	close(fd);
	return 0;
}
