/* Unit tests of common/jsonl.c. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "jsonl.h"

/* Parses line, replaces the field with text, and checks the record. */
static void
rewrite(const char *line, const char *field, const char *text,
    const char *extra, const char *want)
{
	struct sp_jsonl rec;
	struct sp_buf out = SP_BUF_INIT;
	char err[200];

	if (!CHECK_INT(sp_jsonl_parse(&rec, line, strlen(line), field, err,
	    sizeof err), 0)) {
		printf("  %s\n", err);
		return;
	}
	CHECK_INT(sp_jsonl_write(&rec, text, strlen(text), extra, &out), 0);
	CHECK_MEM(out.data, out.len, want);
	sp_jsonl_free(&rec);
	sp_buf_free(&out);
}

static void
refuse(const char *line, const char *field, const char *want_err)
{
	struct sp_jsonl rec;
	char err[200];

	CHECK_INT(sp_jsonl_parse(&rec, line, strlen(line), field, err,
	    sizeof err), -1);
	CHECK(strstr(err, want_err) != NULL);
}

static void
test_decode(void)
{
	struct sp_jsonl rec;
	char err[200];
	const char *line = "{\"id\":1,\"text\":\"\\u4e2d\\n\\\"x\\\"\\u0000y\"}";

	CHECK_INT(sp_jsonl_parse(&rec, line, strlen(line), "text", err,
	    sizeof err), 0);
	CHECK_INT(rec.text_len, 9);
	CHECK(memcmp(rec.text, "中\n\"x\"\0y", 9) == 0);
	sp_jsonl_free(&rec);
}

static void
test_strip(void)
{
	static const char *const names[] = { "doc", "unit", NULL };
	struct sp_buf out = SP_BUF_INIT;
	const char *rec = "{ \"doc\":1,\"text\":\"a\",\"u\\u006eit\":[1,2], \"x\":{\"doc\":2}}";
	const char *plain = "{\"text\":\"a\"}";

	CHECK_INT(sp_jsonl_strip(rec, strlen(rec), names, &out), 2);
	CHECK_MEM(out.data, out.len, "{ \"text\":\"a\",\"x\":{\"doc\":2}}");
	CHECK_INT(sp_jsonl_strip(plain, strlen(plain), names, &out), 0);
	CHECK_INT(out.len, 0);
	/* The separators of the members kept stay as they were. */
	rec = "{\"doc\": 9, \"text\": \"a\", \"url\": \"u\"}";
	CHECK_INT(sp_jsonl_strip(rec, strlen(rec), names, &out), 1);
	CHECK_MEM(out.data, out.len, "{\"text\": \"a\", \"url\": \"u\"}");
	/* The last members dropped take the comma before them. */
	rec = "{\"text\": \"a\" , \"unit\": 1, \"doc\": 2 }";
	CHECK_INT(sp_jsonl_strip(rec, strlen(rec), names, &out), 2);
	CHECK_MEM(out.data, out.len, "{\"text\": \"a\"}");
	rec = "{\"unit\": 1, \"doc\": 2}";
	CHECK_INT(sp_jsonl_strip(rec, strlen(rec), names, &out), 2);
	CHECK_MEM(out.data, out.len, "{}");
	sp_buf_free(&out);
}

/* Other members, read from the record decoded once. */
static void
test_member(void)
{
	struct sp_jsonl rec;
	char err[200];
	const char *line = "{\"title\":\"\u6807\u9898\",\"n\":1,"
	    "\"text\":\"x\"}";

	CHECK_INT(sp_jsonl_parse(&rec, line, strlen(line), "text", err,
	    sizeof err), 0);
	CHECK(rec.text != NULL && strcmp(rec.text, "x") == 0);
	CHECK(sp_jsonl_member(&rec, "title") != NULL &&
	    strcmp(sp_jsonl_member(&rec, "title"), "标题") == 0);
	CHECK(sp_jsonl_member(&rec, "n") == NULL);
	CHECK(sp_jsonl_member(&rec, "url") == NULL);
	sp_jsonl_free(&rec);
	/* The field itself, decoded once. */
	CHECK_INT(sp_jsonl_parse(&rec, line, strlen(line), "title", err,
	    sizeof err), 0);
	CHECK(sp_jsonl_member(&rec, "title") != NULL &&
	    strcmp(sp_jsonl_member(&rec, "title"), "标题") == 0);
	sp_jsonl_free(&rec);
}

/*
 * sp_json_quote() steps over sixteen or eight bytes at a time that need no
 * escape:
 * every ASCII byte at every position of strings of 0 to 40 bytes is
 * escaped as JSON has it (read back by jansson, and of the length the
 * short escapes and \u00XX give).
 */
static void
test_quote(void)
{
	char text[40];
	struct sp_buf out = SP_BUF_INIT;
	json_t *back;
	size_t n, at, want;
	int b, bad = 0;

	for (n = 0; n <= sizeof text; n++)
		for (at = 0; at < (n ? n : 1); at++)
			for (b = 0; b < 128; b++) {
				memset(text, 'a', sizeof text);
				if (n)
					text[at] = (char)b;
				want = n + 2;
				if (n && strchr("\"\\\n\t\r\b\f", b) && b)
					want += 1;
				else if (n && b < 0x20)
					want += 5;
				sp_buf_clear(&out);
				if (sp_json_quote(&out, text, n) < 0)
					bad++;
				back = json_loadb(out.data, out.len,
				    JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
				if (out.len != want || back == NULL ||
				    json_string_length(back) != n ||
				    memcmp(json_string_value(back), text, n))
					bad++;
				json_decref(back);
			}
	CHECK_INT(bad, 0);
	sp_buf_free(&out);
}

/*
 * What jansson says of line with field: 1 and the text, or 0 and the
 * reason sp_jsonl_parse() words.
 */
static int
jansson_says(const char *line, size_t len, const char *field,
    struct sp_buf *text, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_loadb(line, len, JSON_ALLOW_NUL |
	    JSON_DECODE_INT_AS_REAL, &je), *v;
	int ok = 0;

	sp_buf_clear(text);
	if (root == NULL)
		snprintf(err, errlen, "invalid JSON: %s at column %d",
		    je.text, je.column);
	else if (!json_is_object(root))
		snprintf(err, errlen, "not a JSON object");
	else if ((v = json_object_get(root, field)) == NULL ||
	    !json_is_string(v))
		snprintf(err, errlen, v ? "field \"%s\" is not a string" :
		    "no field \"%s\"", field);
	else
		ok = sp_buf_append(text, json_string_value(v),
		    json_string_length(v)) == 0;
	json_decref(root);
	return ok;
}

/*
 * The field's value is decoded without jansson when that is sure: every
 * value here, in records of several shapes, is read as jansson alone
 * reads it, or refused with jansson's own reason and column.
 */
static void
test_same_as_jansson(void)
{
	static const char *const values[] = {
		"\"\"", "\"plain\"", "\"中文，标点。\\n第二行\\r\\n\"",
		"\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u4e2d\\u4E2D\\u0000x\"",
		"\"\\ud83d\\ude00\"", "\"\\ud83d\"", "\"\\ude00\"",
		"\"\\ud83dx\\ude00\"", "\"\\ud83d\\u0041\"", "\"\\u12\"",
		"\"\\u12g4\"", "\"\\x\"", "\"a\\\"", "\"a\\\\\"", "\"tab\tin\"",
		"\"\x01\"", "\"\x7f\"", "\"\xc3\xa9\"", "\"\xc0\x80\"",
		"\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xf0\x9f\x98\x80\"",
		"\"\xe4\xb8\"", "\"\xe4\xb8\x41\"", "\"\x80\"", "\"\xef\xbf\xbf\"",
		"\"\xe0\x80\x80\"", "\"\xe0\xa0\x80\"", "\"open", "\"a\"\"b\"",
		"\"a\" \"b\"", "\"\\\\\\\"\"", "3", "null", "[\"x\"]",
		"\"long ............................................ text\"",
		/* Past the first sixteen bytes: a control byte is refused,
		 * a space and bytes from 0x7F on are not. */
		"\"sixteen bytes and more\x1f of text, and more after it\"",
		"\"sixteen bytes and more\x20\x7f\xc2\xa0 of \xe4\xb8\xad more\"",
		/* Escapes at the ends of the sixteen-byte runs copied and
		 * after them, one after another, and the last byte. */
		"\"0123456789abcde\\n0123456789abcdef\\t\\\"0123456789abcdefg\\n\"",
		"\"0123456789abcdef0123456789abcdef\\u4e2d\\\\\"",
		"\"\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\\n\xe6\x96\x87\"",
		"\"0123456789abcdef0123456789abcde\\",
		/* Sixty-four bytes and more, thirty-two a block where AVX2
		 * is there: control bytes and escapes in the blocks, in the
		 * sixteen bytes after them and in the last bytes. */
		"\"thirty-two bytes and more of text, then a control\x1f "
		    "here, and more after it to be long\"",
		"\"0123456789abcdef0123456789abcde\\n0123456789abcdef0123"
		    "456789abcdef\\u4e2d0123456789abcdef0123456789abcdef01"
		    "23456789\\\\\"",
		"\"0123456789abcdef0123456789abcdef0123456789abcdef01234567"
		    "89abcdef0123456789abcdef\x01\"",
		"\"0123456789abcdef0123456789abcdef0123456789abcdef01234567"
		    "89abcdef0123456789ab\\tcdef\x1f\"",
		"\"\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
		    "\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87"
		    "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
		    "\\n\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\\\"\x7f\"",
	};
	static const char *const shapes[] = {
		"{\"text\":%s}", "{\"id\":1, \"text\" : %s }",
		"{\"text\":%s,\"title\":\"t\"}", "{\"text\":\"first\",\"text\":%s}",
		"{\"text\":%s,\"text\":\"last\"}", "{\"t\\u0065xt\":%s}",
		"{\"text\":%s,}", "{\"text\":%s} x",
		"{\"a\":[1,{\"text\":%s}],\"text\":%s}",
		"{\"a\":\"\\\"text\\\":\",\"text\":%s}",
		"{\"text\":%s,\"n\":99999999999999999999999}",
		"{\"text\":%s\r",
	};
	struct sp_buf want = SP_BUF_INIT;
	struct sp_jsonl rec;
	char line[512], err[300], want_err[300];
	size_t v, k;
	int got, ok, bad = 0, quick = 0;

	for (v = 0; v < sizeof values / sizeof *values; v++)
		for (k = 0; k < sizeof shapes / sizeof *shapes; k++) {
			snprintf(line, sizeof line, shapes[k], values[v],
			    values[v]);
			ok = jansson_says(line, strlen(line), "text", &want,
			    want_err, sizeof want_err);
			got = sp_jsonl_parse(&rec, line, strlen(line), "text",
			    err, sizeof err) == 0;
			if (got != ok || (ok && (rec.text_len != want.len ||
			    memcmp(rec.text, want.data, want.len) != 0)) ||
			    (!ok && strcmp(err, want_err) != 0)) {
				printf("  differs from jansson: %s\n", line);
				bad++;
			}
			if (got) {
				quick += rec.text == rec.own.data;
				sp_jsonl_free(&rec);
			}
		}
	CHECK_INT(bad, 0);
	CHECK(quick > 100);	/* the quick way was taken */
	sp_buf_free(&want);
}

/*
 * A record is written into room made once for it, and each escape makes
 * more: a text of escapes only, of every length to 200, with members
 * added, is the record jansson reads back (ASan sees any write past the
 * room).
 */
static void
test_write_escapes(void)
{
	static const char line[] = "{\"id\":7,\"text\":\"x\",\"n\":[1]}";
	char text[200], err[200];
	struct sp_jsonl rec;
	struct sp_buf out = SP_BUF_INIT;
	json_t *back, *v;
	size_t n, k;
	int bad = 0;

	if (!CHECK_INT(sp_jsonl_parse(&rec, line, strlen(line), "text", err,
	    sizeof err), 0))
		return;
	for (n = 0; n <= sizeof text; n++) {
		for (k = 0; k < n; k++)
			text[k] = "\"\\\n\x01"[k % 4];
		sp_buf_free(&out);
		if (sp_jsonl_write(&rec, text, n, "\"unit\":12", &out) < 0) {
			bad++;
			continue;
		}
		back = json_loadb(out.data, out.len, JSON_ALLOW_NUL, NULL);
		v = back ? json_object_get(back, "text") : NULL;
		if (v == NULL || json_string_length(v) != n ||
		    memcmp(json_string_value(v), text, n) != 0 ||
		    json_object_get(back, "unit") == NULL ||
		    strlen(out.data) != out.len)
			bad++;
		json_decref(back);
	}
	CHECK_INT(bad, 0);
	sp_jsonl_free(&rec);
	sp_buf_free(&out);
}

int
main(void)
{
	test_same_as_jansson();
	test_quote();
	test_write_escapes();
	test_strip();
	test_decode();
	test_member();
	/*
	 * Quotes escaped or not after runs of backslashes, before the field:
	 * the raw walk must end each string where JSON does.
	 */
	rewrite("{\"a\":\"\\\\\",\"b\":\"\\\\\\\"t\\\"\",\"text\":\"o\"}",
	    "text", "n", NULL,
	    "{\"a\":\"\\\\\",\"b\":\"\\\\\\\"t\\\"\",\"text\":\"n\"}");
	/* Other fields keep their bytes, order and number formatting. */
	rewrite("{\"a\":0.10,\"text\":\"old\",\"b\":[1,{\"c\":\"}\"}]}", "text",
	    "新", NULL, "{\"a\":0.10,\"text\":\"新\",\"b\":[1,{\"c\":\"}\"}]}");
	rewrite("{ \"text\" : \"x\" , \"z\":\"\\u00e9\" }", "text", "a\"b\n",
	    NULL, "{ \"text\" : \"a\\\"b\\n\" , \"z\":\"\\u00e9\" }");
	/* An integer past 64 bits is valid JSON, its bytes kept, before
	 * and after the field (the split parse and the whole one). */
	rewrite("{\"id\":123456789012345678901234567890,\"text\":\"x\"}",
	    "text", "y", NULL,
	    "{\"id\":123456789012345678901234567890,\"text\":\"y\"}");
	rewrite("{\"text\":\"\\u0000\",\"n\":-99999999999999999999999}",
	    "text", "y", NULL,
	    "{\"text\":\"y\",\"n\":-99999999999999999999999}");
	/* A key spelled with escapes is still the field. */
	rewrite("{\"t\\u0065xt\":\"x\"}", "text", "y", NULL,
	    "{\"t\\u0065xt\":\"y\"}");
	/* Duplicate keys: the last wins, as in jansson. */
	rewrite("{\"text\":\"1\",\"text\":\"2\"}", "text", "3", NULL,
	    "{\"text\":\"1\",\"text\":\"3\"}");
	/* Another field, and extra members. */
	rewrite("{\"body\":\"x\",\"text\":5}", "body", "y", "\"unit\":1",
	    "{\"body\":\"y\",\"text\":5,\"unit\":1}");
	rewrite("{\"text\":\"\\u0001\"}", "text", "\x01\t", NULL,
	    "{\"text\":\"\\u0001\\t\"}");
	refuse("{\"id\":1}", "text", "no field \"text\"");
	refuse("{\"text\":3}", "text", "field \"text\" is not a string");
	refuse("{\"text\":null}", "text", "not a string");
	refuse("[1,2]", "text", "not a JSON object");
	refuse("{\"text\":\"a\\x\"}", "text", "invalid JSON");
	refuse("{\"text\":\"\\ud800\"}", "text", "invalid JSON");
	refuse("{\"text\":\"a\"", "text", "invalid JSON");
	refuse("", "text", "invalid JSON");
	return check_done("jsonl");
}
