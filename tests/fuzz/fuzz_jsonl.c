/*
 * Fuzz target: JSON Lines records.  Properties: a record parses exactly
 * when jansson alone reads it as an object with the field a string, to the
 * same text (the field is decoded without jansson when that is sure); one
 * that parses can be written back with its field replaced, and the result
 * parses again to the new value with the other members' bytes untouched.
 * An object stripped of members (sp_jsonl_strip) is the same object
 * without them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The object root, read from s[0..n), stripped of doc and unit. */
static void
check_strip(const char *s, size_t n, json_t *root)
{
	static const char *const names[] = { "doc", "unit", NULL };
	struct sp_buf out = SP_BUF_INIT;
	json_t *want = json_deep_copy(root), *got;
	int dropped = sp_jsonl_strip(s, n, names, &out);

	if (want == NULL || dropped < 0)
		abort();
	if (dropped == 0) {
		if (out.len != 0 || json_object_get(root, "doc") ||
		    json_object_get(root, "unit"))
			abort();
	} else {
		json_object_del(want, "doc");
		json_object_del(want, "unit");
		got = json_loadb(out.data, out.len, JSON_ALLOW_NUL |
		    JSON_DECODE_INT_AS_REAL, NULL);
		if (got == NULL || !json_equal(got, want))
			abort();
		json_decref(got);
	}
	json_decref(want);
	sp_buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_jsonl rec, again;
	struct sp_buf out = SP_BUF_INIT;
	char err[256];
	static const char repl[] = "新\"值\\\n\x01";
	json_t *root = json_loadb((const char *)data, size, JSON_ALLOW_NUL |
	    JSON_DECODE_INT_AS_REAL,
	    NULL), *v;
	int want, got;

	v = root && json_is_object(root) ? json_object_get(root, "text") :
	    NULL;
	want = v && json_is_string(v);
	got = sp_jsonl_parse(&rec, (const char *)data, size, "text", err,
	    sizeof err) == 0;
	if (got != want || (got && (rec.text_len != json_string_length(v) ||
	    memcmp(rec.text, json_string_value(v), rec.text_len) != 0)))
		abort();
	if (root && json_is_object(root))
		check_strip((const char *)data, size, root);
	json_decref(root);
	if (!got)
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
