/*
 * Fuzz target: decoding (common/encoding.h, step 1).  Properties: the
 * guess never fails; converting from it gives valid UTF-8, the same fed
 * whole as fed in pieces cut anywhere (the first byte of the input says
 * where), with the same count of invalid sequences.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* ISO-2022-JP-2 keeps a shift state from one piece to the next. */
	static const char *const encs[] = { "GB18030", "BIG5", "SHIFT_JIS",
	    "UTF-16LE", "UTF-32BE", "WINDOWS-1252", "EUC-KR", "ISO-2022-JP-2" };
	struct sp_buf whole = SP_BUF_INIT, parts = SP_BUF_INIT;
	struct sp_enc_guess g;
	struct sp_conv *c1, *c2;
	const char *enc;
	size_t step, i, k;
	int64_t f1, f2;

	if (size < 2)
		return 0;
	step = data[0] % 7 + 1;
	enc = encs[data[1] % (sizeof encs / sizeof encs[0])];
	data += 2;
	size -= 2;
	sp_enc_detect(data, size, 1, &g);
	if (g.name[0] == '\0')
		abort();
	if ((c1 = sp_conv_new(enc)) == NULL || (c2 = sp_conv_new(enc)) == NULL)
		abort();
	if (sp_conv_feed(c1, (const char *)data, size, 1, &whole) < 0)
		abort();
	for (i = 0; i < size; i += k) {
		k = size - i < step ? size - i : step;
		if (sp_conv_feed(c2, (const char *)data + i, k, i + k == size,
		    &parts) < 0)
			abort();
	}
	if (size == 0 && sp_conv_feed(c2, "", 0, 1, &parts) < 0)
		abort();
	if (whole.len && sp_utf8_valid_prefix((unsigned char *)whole.data,
	    whole.len) != whole.len)
		abort();
	if (whole.len != parts.len || (whole.len &&
	    memcmp(whole.data, parts.data, whole.len)))
		abort();
	if (sp_conv_invalid(c1, &f1) != sp_conv_invalid(c2, &f2) || f1 != f2)
		abort();
	sp_conv_free(c1);
	sp_conv_free(c2);
	sp_buf_free(&whole);
	sp_buf_free(&parts);
	return 0;
}
