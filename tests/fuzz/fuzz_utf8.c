/*
 * Fuzz target: UTF-8 sanitizing.  Properties: the output is valid UTF-8;
 * valid input comes out unchanged; the replacement count matches the
 * U+FFFDs added; the valid prefix (checked inline for the common
 * characters) ends where decoding one character at a time first fails.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_buf out = SP_BUF_INIT;
	struct sp_utf8_stats st;
	long bad;
	size_t valid = sp_utf8_valid_prefix(data, size), at = 0, k;
	int32_t cp;
	enum sp_utf8_error e = SP_UTF8_OK;

	while (at < size) {
		k = sp_utf8_decode(data + at, size - at, &cp, &e);
		if (e != SP_UTF8_OK)
			break;
		at += k;
	}
	if (at != valid)
		abort();
	sp_utf8_stats_init(&st);
	bad = sp_utf8_sanitize((const char *)data, size, &out, &st, 0);
	if (bad < 0 || (uint64_t)bad != st.count[0])
		abort();
	if (out.len && sp_utf8_valid_prefix((unsigned char *)out.data,
	    out.len) != out.len)
		abort();
	if (valid == size && (bad != 0 || out.len != size ||
	    (size && memcmp(out.data, data, size))))
		abort();
	if (bad > 0 && st.first_offset != (int64_t)valid)
		abort();
	sp_buf_free(&out);
	return 0;
}
