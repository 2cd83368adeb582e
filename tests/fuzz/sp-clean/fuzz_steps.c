/*
 * Fuzz target: sp-clean's steps 2 to 7 in chain order on any text.
 * Properties: every step's output is valid UTF-8; after step 3 no CR and
 * no control character but tab and newline is left; after step 4 no line
 * starts or ends with a space; a step given its own output of step 3
 * again (normalization) changes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "mojibake.h"
#include "normalize.h"
#include "pinyin.h"
#include "punct.h"
#include "spaces.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
valid(const struct sp_buf *b)
{
	if (b->len && sp_utf8_valid_prefix((const unsigned char *)b->data,
	    b->len) != b->len)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sp_buf a = SP_BUF_INIT, b = SP_BUF_INIT, c = SP_BUF_INIT;
	struct html_stats hs = { 0, 0, 0, 0 };
	struct normalize_stats ns = { 0, 0, 0 };
	struct spaces_stats ss = { 0, 0, 0 };
	struct mojibake_stats ms = { 0, 0, 0, 0 };
	size_t n = 0, i;
	unsigned char ch;

	if (sp_utf8_sanitize((const char *)data, size, &a, NULL, 0) < 0)
		abort();
	html_clean(a.data ? a.data : "", a.len, &b, &hs);
	valid(&b);
	sp_buf_clear(&a);
	normalize_text(b.data ? b.data : "", b.len, size & 1, 1, &a, &ns);
	valid(&a);
	for (i = 0; i < a.len; i++) {
		ch = (unsigned char)a.data[i];
		if (ch == '\r' || (ch < 0x20 && ch != '\t' && ch != '\n') ||
		    ch == 0x7F)
			abort();
	}
	normalize_text(a.data ? a.data : "", a.len, size & 1, 1, &c, &ns);
	if (c.len != a.len || (a.len && memcmp(a.data, c.data, a.len)))
		abort();	/* normalizing twice changes nothing */
	sp_buf_clear(&b);
	spaces_clean(a.data ? a.data : "", a.len, 1, &b, &ss);
	valid(&b);
	for (i = 0; i < b.len; i++)
		if (b.data[i] == ' ' && (i == 0 || i + 1 == b.len ||
		    b.data[i - 1] == '\n' || b.data[i + 1] == '\n'))
			abort();
	sp_buf_clear(&a);
	pinyin_clean(b.data ? b.data : "", b.len, &a, &n);
	valid(&a);
	sp_buf_clear(&b);
	mojibake_repair(a.data ? a.data : "", a.len,
	    MOJIBAKE_KEPT_MARKS | MOJIBAKE_KEPT_NBSP, &b, &ms, NULL, NULL);
	valid(&b);
	sp_buf_clear(&a);
	punct_clean(b.data ? b.data : "", b.len, &a, &n);
	valid(&a);
	sp_buf_free(&a);
	sp_buf_free(&b);
	sp_buf_free(&c);
	return 0;
}
