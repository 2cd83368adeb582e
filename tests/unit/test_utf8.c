/* Unit tests of common/utf8.c, common/buf.c and common/cjk.c. */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "check.h"
#include "cjk.h"
#include "utf8.h"

static void
sanitize_case(const char *in, size_t n, const char *want, long want_bad,
    enum sp_utf8_error want_class)
{
	struct sp_buf out = SP_BUF_INIT;
	struct sp_utf8_stats st;
	long bad;

	sp_utf8_stats_init(&st);
	bad = sp_utf8_sanitize(in, n, &out, &st, 100);
	CHECK_INT(bad, want_bad);
	CHECK_MEM(out.data ? out.data : "", out.len, want);
	if (want_bad) {
		CHECK_INT(st.first_class, want_class);
		CHECK_INT(st.count[want_class] > 0, 1);
		CHECK_INT(st.first_offset >= 100, 1);
	} else {
		CHECK_INT(st.first_offset, -1);
	}
	CHECK_INT(sp_utf8_valid_prefix((const unsigned char *)out.data,
	    out.len), out.len);
	sp_buf_free(&out);
}

static void
test_sanitize(void)
{
	/* Valid text passes unchanged. */
	sanitize_case("abc 中文。", strlen("abc 中文。"), "abc 中文。", 0, 0);
	sanitize_case("", 0, "", 0, 0);
	sanitize_case("😀", 4, "😀", 0, 0);
	/* Overlong forms: C0 AF is '/' in two bytes; E0 80 AF in three. */
	sanitize_case("a\xC0\xAF" "b", 4, "a\xEF\xBF\xBD" "b", 1,
	    SP_UTF8_OVERLONG);
	sanitize_case("\xE0\x80\xAF", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
	    3, SP_UTF8_OVERLONG);
	sanitize_case("\xF0\x80\x80\xAF", 4,
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4,
	    SP_UTF8_OVERLONG);
	/* Surrogates encoded in UTF-8 (CESU). */
	sanitize_case("\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
	    3, SP_UTF8_SURROGATE);
	/* Truncated: a three-byte lead with one continuation, then ASCII. */
	sanitize_case("\xE4\xB8" "x", 3, "\xEF\xBF\xBD" "x", 1,
	    SP_UTF8_TRUNCATED);
	sanitize_case("\xE4", 1, "\xEF\xBF\xBD", 1, SP_UTF8_TRUNCATED);
	/* Stray continuation bytes. */
	sanitize_case("\x80\xBF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2,
	    SP_UTF8_STRAY);
	/* F5..FF and F4 90.. are beyond U+10FFFF. */
	sanitize_case("\xF5", 1, "\xEF\xBF\xBD", 1, SP_UTF8_TOO_LARGE);
	sanitize_case("\xFF" "a", 2, "\xEF\xBF\xBD" "a", 1, SP_UTF8_TOO_LARGE);
	sanitize_case("\xF4\x90\x80\x80", 4,
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4,
	    SP_UTF8_TOO_LARGE);
}

static void
test_nul_kept(void)
{
	struct sp_buf out = SP_BUF_INIT;

	/* NUL bytes are valid UTF-8 and kept. */
	CHECK_INT(sp_utf8_sanitize("a\0b", 3, &out, NULL, 0), 0);
	CHECK_INT(out.len, 3);
	CHECK(memcmp(out.data, "a\0b", 3) == 0);
	sp_buf_free(&out);
}

static void
test_decode_encode(void)
{
	int32_t cp;
	enum sp_utf8_error e;
	char out[4];
	long samples[] = { 0, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xFFFD, 0xFFFF,
	    0x10000, 0x10FFFF };
	size_t i, n;

	for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		n = sp_utf8_encode(samples[i], out);
		CHECK_INT(sp_utf8_decode((unsigned char *)out, n, &cp, &e), n);
		CHECK_INT(cp, samples[i]);
		CHECK_INT(e, SP_UTF8_OK);
	}
	/* Surrogates and out-of-range values encode as U+FFFD. */
	CHECK_INT(sp_utf8_encode(0xD800, out), 3);
	CHECK_MEM(out, 3, "\xEF\xBF\xBD");
	CHECK_INT(sp_utf8_encode(0x110000, out), 3);
	CHECK(strcmp(sp_utf8_strerror(SP_UTF8_OVERLONG), "overlong form") == 0);
}

/* The inline decoder agrees with sp_utf8_decode on every 3-byte input. */
static void
test_next(void)
{
	unsigned char s[3];
	int32_t a, b;
	size_t ka, kb;
	int a0, a1, a2, differ = 0;

	for (a0 = 0xC0; a0 <= 0xFF; a0++)
		for (a1 = 0; a1 <= 0xFF; a1++)
			for (a2 = 0x70; a2 <= 0xC0; a2++) {
				s[0] = (unsigned char)a0;
				s[1] = (unsigned char)a1;
				s[2] = (unsigned char)a2;
				ka = sp_utf8_next(s, 3, &a);
				kb = sp_utf8_decode(s, 3, &b, NULL);
				differ += ka != kb || a != b;
			}
	CHECK_INT(differ, 0);
	CHECK_INT(sp_utf8_next((const unsigned char *)"a", 1, &a), 1);
	CHECK_INT(a, 'a');
}

static void
test_boundary(void)
{
	const char *s = "a中b";	/* 61 E4 B8 AD 62 */

	CHECK_INT(sp_utf8_boundary(s, 1), 1);
	CHECK_INT(sp_utf8_boundary(s, 2), 1);
	CHECK_INT(sp_utf8_boundary(s, 3), 1);
	CHECK_INT(sp_utf8_boundary(s, 4), 4);
	CHECK_INT(sp_utf8_boundary(s, 5), 5);
	CHECK_INT(sp_utf8_boundary("\x80\x80", 2), 2);
}

static void
test_classes(void)
{
	CHECK(sp_is_han(0x4E2D));		/* 中 */
	CHECK(sp_is_han(0x3007));		/* 〇 */
	CHECK(sp_is_han(0x20000));
	CHECK(!sp_is_han('A'));
	CHECK(!sp_is_han(0x3002));		/* 。 */
	CHECK(sp_is_cjk_punct(0x3002));		/* 。 */
	CHECK(sp_is_cjk_punct(0xFF0C));		/* ， */
	CHECK(sp_is_cjk_punct(0x201C));		/* “ */
	CHECK(sp_is_cjk_punct(0x300A));		/* 《 */
	CHECK(sp_is_cjk_punct(0x2026));		/* … */
	CHECK(!sp_is_cjk_punct(','));
	CHECK(!sp_is_cjk_punct(0x4E2D));
	CHECK(sp_is_space(0x3000));
	CHECK(sp_is_space(0xA0));
	CHECK(sp_is_space(0x2003));
	CHECK(sp_is_space('\t'));
	CHECK(!sp_is_space(0x200B));		/* ZWSP is not a space */
	CHECK(sp_is_zero_width(0x200B));
	CHECK(sp_is_zero_width(0xFEFF));
	CHECK(sp_is_ignorable(0xAD));		/* soft hyphen */
	CHECK(sp_is_control(0x07));
	CHECK(sp_is_control(0x85));
	CHECK(!sp_is_control('\t'));
	CHECK(!sp_is_control('\n'));
	CHECK(sp_is_alnum(0x4E2D));
	CHECK(sp_is_alnum(0xFF11));		/* １ */
	CHECK(!sp_is_alnum(0x3002));
	CHECK(sp_is_lower('a') && sp_is_lower(0x0105) && sp_is_lower(0x03B1) &&
	    sp_is_lower(0x0434));		/* a ą α д */
	CHECK(!sp_is_lower('A') && !sp_is_lower(0x0391) &&
	    !sp_is_lower(0x4E2D) && !sp_is_lower('1') && !sp_is_lower(-1) &&
	    !sp_is_lower(0x110000));
	CHECK(sp_is_punct(0x3002));
	CHECK(sp_is_newline(0x2028));
	CHECK_INT(sp_to_halfwidth(0xFF21), 'A');
	CHECK_INT(sp_to_halfwidth(0xFF0C), ',');
	CHECK_INT(sp_to_halfwidth(0x3000), ' ');
	CHECK_INT(sp_to_halfwidth(0x4E2D), 0x4E2D);
	CHECK_INT(sp_to_fullwidth('A'), 0xFF21);
	CHECK_INT(sp_to_fullwidth(','), 0xFF0C);
	CHECK_INT(sp_to_fullwidth(0xFF64), 0x3001);	/* halfwidth 、 */
}

static void
test_buf(void)
{
	struct sp_buf b = SP_BUF_INIT;
	int i, failed = 0;

	for (i = 0; i < 10000; i++)
		failed |= sp_buf_putc(&b, 'x');
	CHECK_INT(failed, 0);
	CHECK_INT(b.len, 10000);
	CHECK_INT(b.data[b.len], 0);
	sp_buf_clear(&b);
	CHECK_INT(sp_buf_put_cp(&b, 0x4E2D), 0);
	CHECK_MEM(b.data, b.len, "中");
	sp_buf_free(&b);
	CHECK(b.data == NULL);
}

/*
 * sp_utf8_valid_prefix() checks runs of three-byte characters a word at a
 * time: a bad sequence of every kind at every place in a run of 中 (and
 * at its end, cut short) ends the prefix where decoding a character at a
 * time first fails.
 */
static void
test_prefix_runs(void)
{
	static const char *const bad[] = {
		"\xe0\x80\x80", "\xed\xa0\x80", "\xe4\xb8", "\xe4\x41\x80",
		"\xe4\xb8\xc0", "\x80", "\xc0\x80", "\xf4\x90\x80\x80", "\xff",
		"\xe0\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbf", "a", "\xc3\xa9",
		"\xf0\x9f\x98\x80", "\xe4",
	};
	unsigned char text[64];
	size_t b, run, len, at, k, want;
	int32_t cp;
	enum sp_utf8_error e;
	int wrong = 0;

	for (b = 0; b < sizeof bad / sizeof *bad; b++)
		for (run = 0; run <= 6; run++) {
			for (len = 0; len < 3 * run; len += 3)
				memcpy(text + len, "\xe4\xb8\xad", 3);
			memcpy(text + len, bad[b], strlen(bad[b]));
			len += strlen(bad[b]);
			for (k = 0; k < 2; k++, len += 3)
				memcpy(text + len, "\xe6\x96\x87", 3);
			for (; len > 0; len--) {
				for (at = 0; at < len; at += want) {
					want = sp_utf8_decode(text + at,
					    len - at, &cp, &e);
					if (e != SP_UTF8_OK)
						break;
				}
				if (at > len)
					at = len;
				if (sp_utf8_valid_prefix(text, len) != at)
					wrong++;
			}
		}
	CHECK_INT(wrong, 0);
}

/*
 * Texts of a few hundred bytes mixing every kind of character with bad
 * sequences, at every offset of the sixteen-byte blocks the valid prefix
 * is checked in: it ends where decoding a character at a time first
 * fails.  The pieces come from a fixed pseudo-random sequence.
 */
static void
test_prefix_blocks(void)
{
	static const char *const piece[] = {
		"a", "  ", "\xc3\xa9", "\xdf\xbf", "\xe4\xb8\xad",
		"\xef\xbc\x8c", "\xe3\x80\x82", "\xe0\xa0\x80",
		"\xed\x9f\xbf", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf",
		"\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", "0123456789",
		"\x80", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80",
		"\xe4\xb8", "\xf5", "\xff", "\xc2", "\xe4\x41",
	};
	const size_t npieces = sizeof piece / sizeof *piece, ngood = 13;
	unsigned char text[400];
	uint32_t x = 12345;
	size_t len, at, want, pl;
	const char *p;
	int32_t cp;
	enum sp_utf8_error e;
	int t, wrong = 0;

	for (t = 0; t < 4000; t++) {
		for (len = 0; ; len += pl) {
			x = x * 1103515245 + 12345;
			/* Mostly good pieces: a bad one now and then. */
			p = piece[(x >> 16) % 8 == 0 ?
			    (x >> 8) % npieces : (x >> 8) % ngood];

			pl = strlen(p);
			if (len + pl > sizeof text - 8 * (t % 40))
				break;
			memcpy(text + len, p, pl);
		}
		for (at = 0; at < len; at += want) {
			want = sp_utf8_decode(text + at, len - at, &cp, &e);
			if (e != SP_UTF8_OK)
				break;
		}
		if (at > len)
			at = len;
		if (sp_utf8_valid_prefix(text, len) != at)
			wrong++;
	}
	CHECK_INT(wrong, 0);
}

/*
 * sp_is_alnum(), read from its table of the BMP, says of every code point
 * what utf8proc's category says, asked from the top down so that blocks
 * are filled out of turn, and again once they are all filled.
 */
static void
test_alnum_table(void)
{
	utf8proc_category_t c;
	int32_t cp;
	int round, want, wrong = 0;

	for (round = 0; round < 2; round++)
		for (cp = 0x110001; cp >= -1; cp--) {
			want = 0;
			if (cp >= 0 && cp <= 0x10FFFF) {
				c = utf8proc_category(cp);
				want = (c >= UTF8PROC_CATEGORY_LU &&
				    c <= UTF8PROC_CATEGORY_LO) ||
				    c == UTF8PROC_CATEGORY_ND;
			}
			if (sp_is_alnum(cp) != want && wrong++ < 5)
				printf("  sp_is_alnum(U+%04X) is not %d\n",
				    (unsigned)cp, want);
		}
	CHECK_INT(wrong, 0);
}

int
main(void)
{
	test_prefix_runs();
	test_prefix_blocks();
	test_sanitize();
	test_nul_kept();
	test_decode_encode();
	test_next();
	test_boundary();
	test_classes();
	test_alnum_table();
	test_buf();
	return check_done("utf8");
}
