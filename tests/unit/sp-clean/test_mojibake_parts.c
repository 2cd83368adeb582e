/*
 * Unit tests of the parts of sp-clean's mojibake repair: GBK's table and
 * its user-defined areas (mojibake_gbk.h), and the UTF-8 decoding with
 * lost bytes (mojibake_utf8.h), which tries only the bytes the decoder
 * that wrote the '?' could have lost; the script of the text around a
 * span (mojibake_score.h).
 */
#include <string.h>

#include "check.h"
#include "encoding.h"
#include "mojibake.h"
#include "mojibake_gbk.h"
#include "mojibake_score.h"
#include "mojibake_span.h"
#include "mojibake_utf8.h"
#include "text.h"

static void
test_gbk(void)
{
	gbk_load();
	CHECK_INT(gbk_decode(0xD6, 0xD0), 0x4E2D);	/* 中 */
	CHECK_INT(gbk_encode(0x4E2D), 0xD6D0);
	CHECK_INT(gbk_decode(0xA1, 0xA3), 0x3002);	/* 。 */
	/* Outside the code space, and GBK's private use: no character. */
	CHECK_INT(gbk_decode(0x80, 0xA1), 0);
	CHECK_INT(gbk_decode(0xD6, 0x7F), 0);
	CHECK_INT(gbk_decode(0xAA, 0xA1), 0);
	CHECK(gbk_user_defined(0xAA, 0xA1));
	CHECK(gbk_user_defined(0xFE, 0xFE));
	CHECK(gbk_user_defined(0xA1, 0x40));
	CHECK(!gbk_user_defined(0xD6, 0xD0));
	CHECK(!gbk_user_defined(0xA1, 0xA3));
	CHECK(!gbk_user_defined(0xA1, 0x7F));
}

/*
 * The table, built from one call of the GB18030 decoder, holds for every
 * pair what a GBK decoder says of that pair alone: its character, or
 * none for the user-defined areas and the characters GB18030 added (the
 * system's GBK decoder is the oracle of the list mojibake_gbk.c keeps);
 * and the first pair of each character encodes it back.
 */
static void
test_gbk_every_pair(void)
{
	struct sp_buf out = SP_BUF_INIT;
	unsigned l, t, bad = 0, mapped = 0;
	char pair[2];
	int32_t cp, want;
	size_t k;

	gbk_load();
	for (l = 0x81; l <= 0xFE; l++)
		for (t = 0x40; t <= 0xFE; t++) {
			if (t == 0x7F)
				continue;
			pair[0] = (char)l;
			pair[1] = (char)t;
			sp_buf_clear(&out);
			want = 0;
			if (sp_enc_decode("GBK", pair, 2, &out) == 0 &&
			    out.len > 0) {
				cp = cp_at(out.data, out.len, 0, &k);
				if (k == out.len && cp <= 0xFFFF &&
				    cp != 0xFFFD && (cp < 0xE000 || cp > 0xF8FF))
					want = cp;
			}
			if (gbk_decode(l, t) != want)
				bad++;
			if (want != 0 && ++mapped &&
			    gbk_decode(gbk_encode(want) >> 8,
			    gbk_encode(want) & 0xFF) != want)
				bad++;
		}
	sp_buf_free(&out);
	CHECK_INT(bad, 0);
	/* GBK's 21,886 characters less its private-use ones, at least. */
	CHECK(mapped > 21000);
}

/* Decodes bytes b[0..n) (0xFF: lost) as decode_lossy_utf8() does. */
static size_t
lossy(const char *b, size_t n, enum lost_by by, int32_t after,
    struct mojibake_stats *st)
{
	sp_buf_clear(&span_bytes);
	put(&span_bytes, b, n);
	sp_buf_clear(&span_note);
	return decode_lossy_utf8(st, by, 0, after);
}

static void
test_lossy_utf8(void)
{
	struct mojibake_stats st = { 0 };

	rare_load();
	gbk_load();
	/*
	 * 提高 is E6 8F 90 E9 AB 98: Windows-1252 leaves 8F and 90
	 * undefined, so they are what its two '?' stand for (最 would be
	 * E6 9C 80, and 9C is œ there).
	 */
	CHECK_INT(lossy("\xe8\xa6\x81\xe6\xff\xff\xe9\xab\x98", 9,
	    LOST_BY_1252, '\n', &st), 0);
	CHECK_MEM(span_rep.data, span_rep.len, "要提高");
	CHECK_INT(st.restored, 2);
	CHECK_MEM(span_note.data, span_note.len, "8F=提, 90=提");
	/*
	 * 坚持, both with a byte lost (E5 ? 9A E6 8C ?): the second pass
	 * chooses 坚 knowing 持.
	 */
	st.restored = 0;
	CHECK_INT(lossy("\xe8\xa6\x81\xe5\xff\x9a\xe6\x8c\xff", 9,
	    LOST_BY_1252, '\n', &st), 0);
	CHECK_MEM(span_rep.data, span_rep.len, "要坚持");
	CHECK_INT(st.restored, 2);
	/* A sequence cut short makes U+FFFD, and nothing is restored. */
	st.restored = 0;
	CHECK_INT(lossy("\xe4\xff", 2, LOST_BY_1252, '\n', &st), 1);
	CHECK_MEM(span_rep.data, span_rep.len, "\xef\xbf\xbd");
	CHECK_INT(st.restored, 0);
	/*
	 * A GBK decoder loses 0x80 (开 is E5 BC 80) and a byte that starts
	 * no character with the next one; not one that does.
	 */
	st.restored = 0;
	CHECK_INT(lossy("\xe5\xbc\xff", 3, LOST_BY_GBK, 0x5F97, &st), 0);
	CHECK_INT(st.restored, 1);
	CHECK_INT(lossy("\xe4\xb8\xad", 3, LOST_BY_GBK, '\n', &st), 0);
	CHECK_MEM(span_rep.data, span_rep.len, "中");
	mojibake_thread_end();
}

/* span_script() of the span "??" in the middle of s. */
static int
script_around(const char *s)
{
	const char *q = strstr(s, "??");

	rare_load();
	return span_script(s, strlen(s), (size_t)(q - s), (size_t)(q - s) + 2);
}

static void
test_script(void)
{
	const char *q;
	char far[2 * SCRIPT_REACH + 64];

	CHECK_INT(script_around("我们的??家"), 1);		/* 们 */
	CHECK_INT(script_around("我們的??家"), 2);		/* 們 */
	/* Characters of both scripts alone, or of neither: not known. */
	CHECK_INT(script_around("我們的??家们"), 0);
	CHECK_INT(script_around("人的??家"), 0);
	CHECK_INT(script_around("??"), 0);
	/* Mojibake's rare characters do not count (蟠 and 釉 of "?蟠釉"). */
	CHECK_INT(script_around("们蟠??釉"), 1);
	/* Beyond SCRIPT_REACH bytes of the span, nothing counts. */
	memset(far, 'a', sizeof far);
	memcpy(far, "們", strlen("們"));
	q = "的??家";
	memcpy(far + sizeof far - strlen(q) - 1, q, strlen(q) + 1);
	CHECK_INT(script_around(far), 0);
	/* The other script's character alone costs more. */
	CHECK(charlm_script_cost(0x56FD, 2) > 0);	/* 国 in traditional */
	CHECK(charlm_script_cost(0x570B, 2) == 0);	/* 國 */
	CHECK(charlm_script_cost(0x4EBA, 1) == 0);	/* 人, both */
	CHECK(charlm_script_cost(0x570B, 0) == 0);
}

int
main(void)
{
	test_gbk();
	test_script();
	test_gbk_every_pair();
	test_lossy_utf8();
	return check_done("test_mojibake_parts");
}
