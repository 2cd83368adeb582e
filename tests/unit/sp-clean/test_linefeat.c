/* Unit tests of bin/sp-clean/linefeat.c: markers, counts, line ends. */
#include <string.h>

#include "check.h"
#include "linefeat.h"

static void
marker_case(const char *s, enum lf_marker want, size_t want_len, int line)
{
	size_t len = 99;
	enum lf_marker got = lf_marker(s, strlen(s), &len);

	check_int(got, want, __FILE__, line, s);
	if (want != LF_NONE)
		check_int((long long)len, (long long)want_len, __FILE__, line,
		    "marker length");
}
#define M(s, want, len) marker_case((s), (want), (len), __LINE__)

static void
test_markers(void)
{
	M("一、肯定成绩", LF_NUMERAL, strlen("一、"));
	M("十一、其他", LF_NUMERAL, strlen("十一、"));
	M("（一）服务企业", LF_PAREN, strlen("（一）"));
	M("(二)服务项目", LF_PAREN, strlen("(二)"));
	M("（3）第三点", LF_PAREN, strlen("（3）"));
	M("第一篇：在全市机关干部大会上的讲话", LF_ORDINAL, strlen("第一篇"));
	M("第二章 总则", LF_ORDINAL, strlen("第二章"));
	M("第一，要想干事。", LF_ORDINAL, strlen("第一，"));
	M("第十二条 附则", LF_ORDINAL, strlen("第十二条"));
	/* An issue number with no title opens no heading (sp-outline's
	 * recognizer decides). */
	M("第二期", LF_NONE, 0);
	/* A number list is not a marker; a year after 一、 is a title. */
	M("1、2月份累计增长8.5%，其中", LF_NONE, 0);
	M("一、2024年工作回顾", LF_NUMERAL, strlen("一、"));
	M("1.围绕主题", LF_DIGIT, 2);
	M("2、认真履职", LF_DIGIT, strlen("2、"));
	M("1 、應用范圍廣", LF_DIGIT, strlen("1 、"));
	M("①第一项", LF_CIRCLED, strlen("①"));
	M("一是落实科学发展", LF_POINT, strlen("一是"));
	M("二要认清发展差距", LF_POINT, strlen("二要"));
	M("首先，复杂多变的宏观环境", LF_POINT, strlen("首先，"));
	M("□市委书记黄志平", LF_BULLET, strlen("□"));
	/* Not markers: numbers, ordinary words. */
	M("3.28亿元", LF_NONE, 0);
	M("2009年2月2日", LF_NONE, 0);
	M("一个中心就是经济建设", LF_NONE, 0);
	M("十分重要", LF_NONE, 0);
	M("第一次会议", LF_NONE, 0);
	M("同志们：", LF_NONE, 0);
	M("", LF_NONE, 0);
}

static void
test_scan(void)
{
	struct lf_features f;
	const char *s;

	s = "机关干部要进一步增强“四个意识”，做到“两个维护”。";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.sentence, 1);
	CHECK_INT(f.inner_sentence, 0);
	CHECK_INT(f.clause, 1);
	CHECK_INT(f.open, 0);
	CHECK_INT(f.final, 1);
	CHECK_INT(f.last, 0x3002);
	s = "衢州市安监局“创建学习型机关、争做";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.open, 1);
	CHECK_INT(f.final, 0);
	s = "学习型干部”活动领导小组办公室编印";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.unopened, 1);
	/* Closing quotes after a full stop: the sentence is ended. */
	s = "他说：“好。”";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.final, 1);
	CHECK(lf_ends_sentence(s, strlen(s)));
	/* A stray dash after the end does not hide it. */
	s = "放開她！”-";
	CHECK(lf_ends_sentence(s, strlen(s)));
	/* Numbers are not sentences or clauses. */
	s = "增长3.28%，达到1,000亿元";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.sentence, 0);
	CHECK_INT(f.clause, 1);
	CHECK_INT(f.final, 0);
	/* Separators, spaces, symbols. */
	s = "首页 > 新闻 > 正文";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.seps, 2);
	CHECK_INT(f.spaces, 4);
	s = "****";
	lf_scan(s, strlen(s), &f);
	CHECK_INT(f.only_symbols, 1);
	CHECK_INT(f.chars, 4);
	/* Invalid UTF-8 counts as characters and does not crash. */
	lf_scan("\xff\xfe\xe4\xb8", 4, &f);
	CHECK(f.chars >= 2);
	CHECK(!lf_ends_sentence("\xe3\x80", 2));
	CHECK(!lf_ends_sentence("", 0));
}

/* Dates that open a record, URLs that end a line. */
static void
test_dates_and_urls(void)
{
#define D(s) lf_date_prefix((s), strlen(s))
	CHECK_INT(D("2003年5月16日 最高人民法院审判委员会"),
	    strlen("2003年5月16日"));
	CHECK_INT(D("２０１２年１２月３日公安部部长办公会议通过"),
	    strlen("２０１２年１２月３日"));
	CHECK_INT(D("二〇〇九年二月六日"), strlen("二〇〇九年二月六日"));
	CHECK_INT(D("（1991年4月9日第七届全国人民代表大会"),
	    strlen("（1991年4月9日"));
	CHECK_INT(D("2016年5月"), 0);		/* no day */
	CHECK_INT(D("3月16日上午"), 0);	/* no year */
	CHECK_INT(D("2003年是大事多的一年"), 0);
	CHECK_INT(D(""), 0);
#undef D
#define U(s) lf_ends_with_url((s), strlen(s))
	CHECK(U("http://news.sohu.com/20120607/n344998325.shtml"));
	CHECK(U("新闻来源：http://www.llyfty.com/"));
	CHECK(U("网址 www.gov.cn"));
	CHECK(!U("dbb4554e49da2142-69713306c0bb3300"));
	CHECK(!U("http://example.com 的说明"));
	CHECK(!U(""));
#undef U
}

int
main(void)
{
	test_markers();
	test_scan();
	test_dates_and_urls();
	return check_done("test_linefeat");
}
