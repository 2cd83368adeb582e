/*
 * Fuzz target: JSON Lines records.  Property: a record that parses can be
 * written back with its field replaced, and the result parses again to the
 * new value with the other members' bytes untouched.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_jsonl rec, again;
	struct sp_buf out = SP_BUF_INIT;
	char err[256];
	static const char repl[] = "新\"值\\\n\x01";

	if (sp_jsonl_parse(&rec, (const char *)data, size, "text", err,
	    sizeof err) < 0)
		return 0;
	if (sp_jsonl_write(&rec, repl, sizeof repl - 1, "\"u\":1", &out) < 0)
		abort();
	if (sp_jsonl_parse(&again, out.data, out.len, "text", err,
	    sizeof err) < 0)
		abort();
	if (again.text_len != sizeof repl - 1 ||
	    memcmp(again.text, repl, again.text_len))
		abort();
	/* Everything before the value is the original's bytes. */
	if (memcmp(out.data, data, rec.value_start))
		abort();
	sp_jsonl_free(&again);
	sp_jsonl_free(&rec);
	sp_buf_free(&out);
	return 0;
}
