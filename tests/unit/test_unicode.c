/* test_unicode.c: common/unicode.h. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "unicode.h"
#include "utf8.h"

static struct sp_buf out;

static const char *
norm(const char *s, enum sp_norm_form f)
{
	sp_buf_clear(&out);
	if (sp_unicode_normalize(s, strlen(s), f, &out) < 0)
		return "(out of memory)";
	return out.data ? out.data : "";
}

/*
 * The quick check must never be wrong: a code point it calls stable is
 * unchanged by normalization alone, after a letter, and before a
 * combining mark.
 */
static void
quick_is_sound(enum sp_norm_form f)
{
	char s[16], want[16];
	int32_t cp;
	size_t k;
	int bad = 0;

	for (cp = 0x20; cp < 0x30000 && bad < 5; cp++) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) || !sp_unicode_quick_cp(cp, f))
			continue;
		s[0] = 'a';
		k = sp_utf8_encode(cp, s + 1);
		s[1 + k] = '\0';
		strcpy(want, s);
		if (strcmp(norm(s, f), want) != 0) {
			printf("FAIL quick check says U+%04X is stable (form %d)\n",
			    (unsigned)cp, (int)f);
			bad++;
		}
		/* U+0334 (class 1) after it must stay a separate mark. */
		memcpy(s + 1 + k, "\xcc\xb4", 3);
		strcpy(want, s);
		sp_buf_clear(&out);
		sp_unicode_normalize(s, strlen(s), f, &out);
		if (out.len < 1 + k || memcmp(out.data, want, 1 + k) != 0) {
			printf("FAIL U+%04X changes before a mark (form %d)\n",
			    (unsigned)cp, (int)f);
			bad++;
		}
	}
	CHECK(bad == 0);
}

int
main(void)
{
	CHECK(strcmp(norm("cafe\xcc\x81", SP_NFC), "caf\xc3\xa9") == 0);
	CHECK(strcmp(norm("\xe2\x84\xab", SP_NFC), "\xc3\x85") == 0);	/* Å */
	CHECK(strcmp(norm("\xef\xbc\xa1\xef\xbc\x91", SP_NFC),
	    "\xef\xbc\xa1\xef\xbc\x91") == 0);	/* ＡＡ kept by NFC */
	CHECK(strcmp(norm("\xef\xbc\xa1\xef\xbc\x91", SP_NFKC), "A1") == 0);
	/* NFKC_CJK keeps ，。！？（）：；… and the ideographic space. */
	CHECK(strcmp(norm("\xef\xbc\x8c\xe3\x80\x82\xef\xbc\x81\xef\xbc\x9f"
	    "\xef\xbc\x88\xef\xbc\x89\xef\xbc\x9a\xef\xbc\x9b\xe2\x80\xa6"
	    "\xe3\x80\x80", SP_NFKC_CJK),
	    "\xef\xbc\x8c\xe3\x80\x82\xef\xbc\x81\xef\xbc\x9f\xef\xbc\x88"
	    "\xef\xbc\x89\xef\xbc\x9a\xef\xbc\x9b\xe2\x80\xa6\xe3\x80\x80") == 0);
	CHECK(strcmp(norm("\xef\xbc\x8c", SP_NFKC), ",") == 0);
	/* ... but folds letters, digits, ①, ㎡ and Kangxi radicals. */
	CHECK(strcmp(norm("\xef\xbc\xa1\xe2\x91\xa0\xe3\x8e\xa1\xe2\xbc\x80",
	    SP_NFKC_CJK), "A1m2\xe4\xb8\x80") == 0);
	/* Composition across a kept punctuation mark does not happen. */
	CHECK(strcmp(norm("e\xcc\x81\xef\xbc\x8c" "e\xcc\x81", SP_NFKC_CJK),
	    "\xc3\xa9\xef\xbc\x8c\xc3\xa9") == 0);
	CHECK(sp_unicode_quick("\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82", 9,
	    SP_NFC) == 1);
	CHECK(sp_unicode_quick("e\xcc\x81", 3, SP_NFC) == 0);
	CHECK(sp_unicode_quick("\xef\xbc\xa1", 3, SP_NFKC_CJK) == 0);
	CHECK(sp_unicode_quick("\xef\xbc\x8c", 3, SP_NFKC_CJK) == 1);
	quick_is_sound(SP_NFC);
	quick_is_sound(SP_NFKC_CJK);
	sp_buf_free(&out);
	return check_done("test_unicode");
}
