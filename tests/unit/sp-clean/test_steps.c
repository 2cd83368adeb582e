/* test_steps.c: sp-clean's steps 2 to 7, each alone. */
#include <string.h>

#include "charlm.h"
#include "check.h"
#include "html.h"
#include "mojibake.h"
#include "normalize.h"
#include "pinyin.h"
#include "punct.h"
#include "spaces.h"
#include "utf8.h"

static struct sp_buf out;

static const char *
html(const char *s)
{
	struct html_stats st = { 0, 0, 0, 0 };

	sp_buf_clear(&out);
	html_clean(s, strlen(s), &out, &st);
	return out.data ? out.data : "";
}

static const char *
uni(const char *s, int nfkc)
{
	struct normalize_stats st = { 0, 0, 0 };

	sp_buf_clear(&out);
	normalize_text(s, strlen(s), nfkc, 1, &out, &st);
	return out.data ? out.data : "";
}

static const char *
spaces(const char *s)
{
	struct spaces_stats st = { 0, 0, 0 };

	sp_buf_clear(&out);
	spaces_clean(s, strlen(s), 1, &out, &st);
	return out.data ? out.data : "";
}

static const char *
punct(const char *s)
{
	size_t n = 0;

	sp_buf_clear(&out);
	punct_clean(s, strlen(s), &out, &n);
	return out.data ? out.data : "";
}

static const char *
pinyin(const char *s)
{
	size_t n = 0;

	sp_buf_clear(&out);
	pinyin_clean(s, strlen(s), &out, &n);
	return out.data ? out.data : "";
}

static size_t repaired, restored;

static const char *
moji(const char *s)
{
	struct mojibake_stats st = { 0, 0, 0, 0 };

	sp_buf_clear(&out);
	mojibake_repair(s, strlen(s), MOJIBAKE_KEPT_MARKS | MOJIBAKE_KEPT_NBSP,
	    &out, &st, NULL, NULL);
	repaired = st.repaired;
	restored = st.restored;
	return out.data ? out.data : "";
}

/* charlm_cost() of b after a, both UTF-8 characters. */
static double
lm(const char *a, const char *b)
{
	int32_t x, y;

	sp_utf8_decode((const unsigned char *)a, strlen(a), &x, NULL);
	sp_utf8_decode((const unsigned char *)b, strlen(b), &y, NULL);
	return charlm_cost(x, y);
}

#define SAME(got, want) CHECK_MEM((got), strlen(got), (want))

int
main(void)
{
	/* Step 2: references, tags, script and style. */
	SAME(html("&nbsp;&ldquo;&#12290;&#x3002;&amp;&lt;"),
	    "\xc2\xa0\xe2\x80\x9c\xe3\x80\x82\xe3\x80\x82&<");
	SAME(html("&NotNestedGreaterGreater;&fjlig;"),
	    "\xe2\xaa\xa2\xcc\xb8" "fj");	/* two code points each */
	SAME(html("&copy 2009 &amp"), "\xc2\xa9 2009 &");	/* legacy forms */
	SAME(html("?a=1&b=2&nosuch; &#;"), "?a=1&b=2&nosuch; &#;");
	SAME(html("&#0;&#xD800;&#x110000;&#150;"),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xe2\x80\x93");
	SAME(html("a<br>b<p class=\"x\">c</p><span>d</span>"), "a\nb\nc\nd");
	SAME(html("x<script>if (a < b) {}</script>y<STYLE>p{}</STYLE>z"),
	    "xyz");
	SAME(html("<!-- c -->a<!DOCTYPE html>b"), "ab");
	SAME(html("x < 5 and a<b, 1<2"), "x < 5 and a<b, 1<2");
	SAME(html("<td>a</td><td>b</td>"), " a  b ");

	/* Step 3. */
	SAME(uni("a\r\nb\rc", 0), "a\nb\nc");
	SAME(uni("a\xe2\x80\x8b" "b\xc2\xad" "c\xef\xbb\xbf" "d\x01" "e", 0),
	    "abcde");
	SAME(uni("cafe\xcc\x81\t\xe4\xb8\xad", 0), "caf\xc3\xa9\t\xe4\xb8\xad");
	SAME(uni("\xef\xbc\xa1\xef\xbc\x8c", 1), "A\xef\xbc\x8c");
	SAME(uni("a\xe2\x80\xa8" "b", 0), "a\nb");

	/* Step 4. */
	SAME(spaces("  \xe5\xad\x99 \xe5\xbb\xba \xe5\x9b\xbd  "),
	    "\xe5\xad\x99\xe5\xbb\xba\xe5\x9b\xbd");	/* 孙建国 */
	SAME(spaces("\xe3\x80\x82   \xe4\xbb\x8a"), "\xe3\x80\x82\n\xe4\xbb\x8a");
	SAME(spaces("a\xc2\xa0\xc2\xa0" "b  c"), "a b c");
	SAME(spaces("2017 \xe5\xb9\xb4"), "2017 \xe5\xb9\xb4");
	SAME(spaces("\xe3\x80\x80\xe3\x80\x80\xe9\xa6\x96\n x \n"),
	    "\xe9\xa6\x96\nx\n");

	/* Step 7. */
	SAME(punct("\xe5\xa5\xbd,\xe7\x9a\x84."),
	    "\xe5\xa5\xbd\xef\xbc\x8c\xe7\x9a\x84\xe3\x80\x82");
	SAME(punct("3.28 1,000 1.5% 13:50:06"), "3.28 1,000 1.5% 13:50:06");
	SAME(punct("\xe5\xa2\x9e 67.56\xe4\xba\xbf"),
	    "\xe5\xa2\x9e 67.56\xe4\xba\xbf");
	SAME(punct("1.\xe5\x8a\xa0\xe5\xbf\xab"), "1.\xe5\x8a\xa0\xe5\xbf\xab");
	SAME(punct("\xe8\xa7\x81http://a.cn/x?y=1,2"),
	    "\xe8\xa7\x81http://a.cn/x?y=1,2");
	SAME(punct("\xe4\xbf\xa1:a@b.cn,\xe5\xa5\xbd"),
	    "\xe4\xbf\xa1\xef\xbc\x9a" "a@b.cn\xef\xbc\x8c\xe5\xa5\xbd");
	SAME(punct("Hello, world. Mr. Smith!"), "Hello, world. Mr. Smith!");
	SAME(punct("\"\xe5\xa5\xbd\""), "\xe2\x80\x9c\xe5\xa5\xbd\xe2\x80\x9d");
	SAME(punct("\xe2\x80\x9a\xe5\xa5\xbd\xe2\x80\x9b"),
	    "\xe2\x80\x9c\xe5\xa5\xbd\xe2\x80\x9d");
	SAME(punct("\xe5\xa5\xbd(GDP)\xe5\xa2\x9e"),
	    "\xe5\xa5\xbd\xef\xbc\x88GDP\xef\xbc\x89\xe5\xa2\x9e");
	SAME(punct("\xe7\xad\x89..."), "\xe7\xad\x89\xe2\x80\xa6\xe2\x80\xa6");
	SAME(punct(".........."), "..........");
	SAME(punct("\xe5\xa5\xbd!!"), "\xe5\xa5\xbd\xef\xbc\x81\xef\xbc\x81");

	/* Step 5. */
	SAME(pinyin("\xe6\x9c\x83(hu\xc3\xac)"), "\xe6\x9c\x83");	/* 會(huì) */
	SAME(pinyin("\xe7\x99\xbc\xef\xbc\x88" "f\xc4\x81\xef\xbc\x89"),
	    "\xe7\x99\xbc");	/* 發（fā） */
	SAME(pinyin("\xe6\xb4\xbb\xe5\x8b\x95(hu\xc3\xb3 d\xc3\xb2ng)"),
	    "\xe6\xb4\xbb\xe5\x8b\x95");
	SAME(pinyin("\xe6\x96\x87(GDP)"), "\xe6\x96\x87(GDP)");
	SAME(pinyin("\xe5\xa5\xbd(hao)"), "\xe5\xa5\xbd(hao)");	/* no tone */
	SAME(pinyin("\xe6\x9c\x83(hu\xc3\xac d\xc3\xb2ng)"),
	    "\xe6\x9c\x83(hu\xc3\xac d\xc3\xb2ng)");	/* 2 > 1 character */
	SAME(pinyin("a(hu\xc3\xac)"), "a(hu\xc3\xac)");	/* not after Han */

	/* Step 6: the three kinds, and text that must stay. */
	SAME(moji("\xc2\xb8\xc3\xbc\xc2\xb6\xc3\xa0\xc2\xbe\xc2\xab\xc3\x90"
	    "\xc2\xa3"), "\xe6\x9b\xb4\xe5\xa4\x9a\xe7\xb2\xbe\xe6\xa0\xa1");
	CHECK_INT(repaired, 1);
	SAME(moji("caf\xc3\xa9, M\xc3\xbcller, na\xc3\xafve"),
	    "caf\xc3\xa9, M\xc3\xbcller, na\xc3\xafve");
	CHECK_INT(repaired, 0);
	SAME(moji("\xe4\xb8\xba\xe4\xbb\x80\xe4\xb9\x88?\xe6\x88\x91\xe4\xbb"
	    "\xac\xe8\xa6\x81\xe8\xbf\x99\xe6\xa0\xb7\xe5\x81\x9a"),
	    "\xe4\xb8\xba\xe4\xbb\x80\xe4\xb9\x88?\xe6\x88\x91\xe4\xbb\xac"
	    "\xe8\xa6\x81\xe8\xbf\x99\xe6\xa0\xb7\xe5\x81\x9a");
	CHECK_INT(repaired, 0);
	/* Lost bytes given back: A1 of 。 (the A3 is in ；), FB of 宣. */
	SAME(moji("统一销毁。?；泼鳎合衷谖倚?布，全国"),
	    "统一销毁。黄明：现在我宣布，全国");
	CHECK_INT(repaired, 1);
	CHECK_INT(restored, 1);
	SAME(moji("讲话?；泼鳎合衷谖倚?布"), "讲话。黄明：现在我宣布");
	CHECK_INT(restored, 2);
	/* UTF-8 read as GBK, its '?' bytes restored: —— and 中文 whole. */
	SAME(moji("鐧惧害璐村惂鈥斺?斿叏鐞冩渶澶х殑涓?鏂囩ぞ鍖?"),
	    "百度贴吧——全球最大的中文社区");
	CHECK_INT(restored, 3);
	/* A whole character lost ("??"), and a trail byte written as ASCII. */
	SAME(moji("无论遇到多大??难,都"), "无论遇到多大困难,都");
	SAME(moji("不平等?F象很普遍"), "不平等現象很普遍");
	/* UTF-8 read as Windows-1252, its undefined bytes restored. */
	SAME(moji("ä¸­æ–‡ç½‘é¡µ and cafÃ© â€œquotedâ€?"),
	    "中文网页 and café “quoted”");
	SAME(moji("SÃO PAULO, Ángela Ríos"), "SÃO PAULO, Ángela Ríos");
	CHECK_INT(repaired, 0);
	/* A question's "??" stays. */
	SAME(moji("真的吗??"), "真的吗??");
	CHECK_INT(repaired, 0);

	/* The model: text is likelier than mojibake. */
	CHECK(lm("中", "华") < lm("涓", "枃"));
	CHECK(lm("的", "。") < lm("的", "、") + 8);
	CHECK(lm("我", "们") < 6);
	CHECK(charlm_known(0x4E2D) && !charlm_known(0x9FA5 + 1));

	sp_buf_free(&out);
	return check_done("test_steps");
}
