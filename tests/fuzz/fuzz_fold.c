/*
 * Fuzz target: the normalization of sp-dedupe -n.  Properties: the folded
 * form is valid UTF-8 and folding it again changes nothing, for every
 * combination of flags.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_buf once = SP_BUF_INIT, twice = SP_BUF_INIT;
	unsigned flags;

	for (flags = 0; flags < 4; flags++) {
		sp_buf_clear(&once);
		sp_buf_clear(&twice);
		if (sp_fold((const char *)data, size, flags, &once) < 0)
			abort();
		if (once.len && sp_utf8_valid_prefix((unsigned char *)once.data,
		    once.len) != once.len)
			abort();
		if (sp_fold(once.data ? once.data : "", once.len, flags,
		    &twice) < 0)
			abort();
		if (once.len != twice.len ||
		    (once.len && memcmp(once.data, twice.data, once.len)))
			abort();
	}
	sp_buf_free(&once);
	sp_buf_free(&twice);
	return 0;
}
