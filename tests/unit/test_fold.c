/* Unit tests of common/fold.c. */
#include <string.h>

#include "check.h"
#include "fold.h"

static void
fold_case(const char *in, size_t n, unsigned flags, const char *want)
{
	struct sp_buf out = SP_BUF_INIT;
	long r;

	r = sp_fold(in, n, flags, &out);
	CHECK(r >= 0);
	CHECK_MEM(out.data ? out.data : "", out.len, want);
	sp_buf_free(&out);
}

#define FOLD(in, flags, want) fold_case((in), strlen(in), (flags), (want))

int
main(void)
{
	struct sp_buf out = SP_BUF_INIT;

	/* White space and punctuation, CJK and ASCII, go. */
	FOLD("同志们：", 0, "同志们");
	FOLD("  在全市 机关干部大会上的讲话。\r", 0, "在全市机关干部大会上的讲话");
	FOLD("“三服务”活动,(一)加强", 0, "三服务活动一加强");
	FOLD("a+b=c $5 #1 ~x", 0, "abc51x");
	/*
	 * A combining mark after removed punctuation goes with it (found by
	 * fuzzing): kept, it would compose with the t on a second fold.
	 */
	FOLD("t，\xcc\xa6测", 0, "t测");
	FOLD("t\xcc\xa6", 0, "\xc8\x9b");
	/* NFKC: full-width forms, compatibility ideographs, ligatures. */
	FOLD("ＡＢＣ１２３，", 0, "abc123");
	FOLD("\xef\xa4\x80", 0, "\xe8\xb1\x88");	/* U+F900 -> U+8C48 */
	FOLD("\xef\xac\x81le", 0, "file");		/* fi ligature */
	FOLD("①", 0, "1");
	/* Case folding, beyond ASCII too. */
	FOLD("Hello WORLD", 0, "helloworld");
	FOLD("Straße", 0, "strasse");
	FOLD("ΣΊΣΥΦΟΣ", 0, "σίσυφοσ");
	/* Composition: e + combining acute is é. */
	FOLD("Cafe\xcc\x81", 0, "caf\xc3\xa9");
	/* Default-ignorables and odd spaces go. */
	FOLD("中\xe2\x80\x8b国\xc2\xa0人\xe3\x80\x80民\xc2\xad", 0, "中国人民");
	/* Digits, with --fold-digits, become 0: ASCII, full-width, others. */
	FOLD("2009年2月2日", SP_FOLD_DIGITS, "0000年0月0日");
	FOLD("２０１９年 ٣", SP_FOLD_DIGITS, "0000年0");
	FOLD("二○○九", SP_FOLD_DIGITS, "二○○九");
	FOLD("2009", 0, "2009");
	/* Word mode keeps Latin words apart but not CJK characters. */
	FOLD("Hello, world!", SP_FOLD_WORDS, "hello world");
	FOLD("中，国 人", SP_FOLD_WORDS, "中国人");
	FOLD("GDP 增长 13 %，CPI", SP_FOLD_WORDS, "gdp增长13 cpi");
	FOLD("a b", SP_FOLD_WORDS, "a b");
	FOLD(" a ", SP_FOLD_WORDS, "a");
	/* Both paths agree: the fast one and the one through utf8proc. */
	FOLD("同志们：Ｘ", 0, "同志们x");
	FOLD("X同志们：", 0, "x同志们");
	/* The span around a character needing utf8proc joins what NFKC joins. */
	FOLD("中abce\xcc\x81中", 0, "中abc\xc3\xa9中");
	FOLD("中文ＡＢ，中文", 0, "中文ab中文");
	FOLD("x ○ y，中 © Z", SP_FOLD_WORDS, "x○y中©z");
	FOLD("Ab ①② cd", SP_FOLD_WORDS, "ab 12 cd");
	FOLD("〇一二三", SP_FOLD_DIGITS, "〇一二三");
	FOLD("ﷺ中", 0, "صلىاللهعليهوسلم中");
	/*
	 * Invalid UTF-8, on either path: a character U+10FF00 + the byte for
	 * each byte, so that GBK's 会议 and 报告 fold apart, not both to
	 * U+FFFD U+FFFD.
	 */
	fold_case("a\xff" "b", 3, 0, "a\xf4\x8f\xbf\xbf" "b");
	fold_case("A\xc0\xaf" "B", 4, 0, "a\xf4\x8f\xbf\x80\xf4\x8f\xbe\xaf" "b");
	fold_case("\xe4\xb8", 2, 0, "\xf4\x8f\xbf\xa4\xf4\x8f\xbe\xb8");
	/* Next to text utf8proc composes: e + U+0301 is é either side. */
	fold_case("\xff" "E\xcc\x81", 4, 0, "\xf4\x8f\xbf\xbf" "\xc3\xa9");
	fold_case("E\xcc\x81\xff", 4, 0, "\xc3\xa9\xf4\x8f\xbf\xbf");
	fold_case("\xef\xbc\xa1\xff\xef\xbc\xa1", 7, 0, "a\xf4\x8f\xbf\xbf" "a");
	/* Three bytes shaped as one character that is none: an overlong
	 * form, a surrogate. */
	fold_case("a\xe0\x80\x80" "b", 5, 0, "a\xf4\x8f\xbf\xa0\xf4\x8f\xbe\x80\xf4\x8f\xbe\x80" "b");
	fold_case("\xed\xa0\x80\xc3\xa9", 5, 0, "\xf4\x8f\xbf\xad\xf4\x8f\xbe\xa0\xf4\x8f\xbe\x80\xc3\xa9");
	/* Folded again, the same (0xFE and 0xFF give noncharacters). */
	FOLD("\xf4\x8f\xbf\xbe\xf4\x8f\xbf\xbf", 0, "\xf4\x8f\xbf\xbe\xf4\x8f\xbf\xbf");
	FOLD("\xf4\x8f\xbf\xa4\xcc\x81", 0, "\xf4\x8f\xbf\xa4\xcc\x81");
	/* Bytes apart, one a character. */
	CHECK_INT(sp_fold("\xc0\xaf" "x", 3, 0, &out), 3);
	CHECK(strcmp(out.data, "\xf4\x8f\xbf\x80\xf4\x8f\xbe\xafx") == 0);
	sp_buf_clear(&out);
	{
		struct sp_buf gbk1 = SP_BUF_INIT, gbk2 = SP_BUF_INIT;

		CHECK(sp_fold("\xbb\xe1\xd2\xe9", 4, 0, &gbk1) == 4);
		CHECK(sp_fold("\xb1\xa8\xb8\xe6", 4, 0, &gbk2) == 4);
		CHECK(strcmp(gbk1.data, gbk2.data) != 0);
		sp_buf_free(&gbk1);
		sp_buf_free(&gbk2);
	}
	/* NUL bytes are kept. */
	CHECK_INT(sp_fold("a\0B", 3, 0, &out), 3);
	CHECK_INT(out.len, 3);
	CHECK(memcmp(out.data, "a\0b", 3) == 0);
	sp_buf_clear(&out);
	/* Empty and all-removed input. */
	FOLD("", 0, "");
	FOLD("，。！？ ", 0, "");
	/* The count is characters, appended to what is there. */
	sp_buf_puts(&out, "x");
	CHECK_INT(sp_fold("中国, ab", strlen("中国, ab"), 0, &out), 4);
	CHECK_MEM(out.data, out.len, "x中国ab");
	sp_buf_free(&out);
	CHECK(sp_fold_is_cjk_letter(0x4E2D));
	CHECK(sp_fold_is_cjk_letter(0x3042));
	CHECK(!sp_fold_is_cjk_letter('a'));
	CHECK(sp_fold_is_word('a'));
	CHECK(sp_fold_is_word('7'));
	CHECK(sp_fold_is_word(0xE9));		/* é */
	CHECK(sp_fold_is_word(0x301));		/* combining acute */
	CHECK(!sp_fold_is_word(0x4E2D));
	CHECK(!sp_fold_is_word(','));
	CHECK(!sp_fold_is_word(0xFFFD));
	return check_done("test_fold");
}
