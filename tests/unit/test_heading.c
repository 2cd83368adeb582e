/*
 * Unit tests of the heading recognizer (common/heading_*.c): markers,
 * numerals, titles, the tracker.
 */
#include <string.h>

#include "check.h"
#include "cjk.h"
#include "heading.h"
#include "heading_int.h"
#include "heading_opens.h"
#include "utf8.h"
#include "zh.h"

/* match LINE with FLAGS: kind, number, marker and title as given. */
static void
yes(const char *line, unsigned flags, enum sp_heading_kind kind, long number,
    const char *marker, const char *title)
{
	struct sp_heading h;
	int got = sp_heading_match(line, strlen(line), flags, &h);

	if (!check_report(got == 1, __FILE__, __LINE__, line))
		return;
	if (h.kind != kind || h.number != number)
		printf("  (%s: kind %s number %ld)\n", line,
		    sp_heading_kind_name(h.kind), h.number);
	CHECK_INT(h.kind, kind);
	CHECK_INT(h.number, number);
	CHECK_MEM(line + h.marker_off, h.marker_len, marker);
	CHECK_MEM(line + h.title_off, h.title_len, title);
}

static void
no(const char *line, unsigned flags)
{
	struct sp_heading h;
	int got = sp_heading_match(line, strlen(line), flags, &h);

	if (got)
		printf("  (not a heading, got %s %ld: %s)\n",
		    sp_heading_kind_name(h.kind), h.number, line);
	check_report(got == 0, __FILE__, __LINE__, line);
}

/*
 * The first number of 1…9999 that fmt writes so that sp_cn_number() does
 * not read it back whole (or, formal, with a character not formal but
 * 零), or 10000 when there is none.
 */
static long
first_not_read_back(int (*fmt)(struct sp_buf *, long), int formal)
{
	struct sp_buf b = SP_BUF_INIT;
	size_t used, k, l;
	int32_t cp;
	int plain;
	long v;

	for (v = 1; v <= 9999; v++) {
		sp_buf_clear(&b);
		fmt(&b, v);
		for (k = 0, plain = 0; formal && k < b.len; k += l) {
			l = sp_utf8_decode((const unsigned char *)b.data + k,
			    b.len - k, &cp, NULL);
			plain |= cp != 0x96F6 && !sp_cn_is_formal(cp);
		}
		if (plain || sp_cn_number(b.data, b.len, &used) != v ||
		    used != b.len)
			break;
	}
	sp_buf_free(&b);
	return v;
}

static void
test_numbers(void)
{
	static const struct { const char *s; long v; } cases[] = {
		{ "一", 1 }, { "九", 9 }, { "十", 10 }, { "十一", 11 },
		{ "二十", 20 }, { "二十一", 21 }, { "九十九", 99 },
		{ "一百", 100 }, { "一百零一", 101 }, { "一百一十", 110 },
		{ "两百", 200 }, { "〇", 0 }, { "二〇二〇", 2020 },
		{ "一千零二十", 1020 }, { "两", 2 }, { "零", 0 },
	};
	struct sp_buf b = SP_BUF_INIT;
	size_t used, i;
	long v;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v = sp_cn_number(cases[i].s, strlen(cases[i].s), &used);
		CHECK_INT(v, cases[i].v);
		CHECK_INT(used, strlen(cases[i].s));
	}
	/* The numeral stops at the first other character. */
	v = sp_cn_number("十二、要点", strlen("十二、要点"), &used);
	CHECK_INT(v, 12);
	CHECK_INT(used, strlen("十二"));
	CHECK_INT(sp_cn_number("第一", 6, &used), -1);
	CHECK_INT(used, 0);
	CHECK_INT(sp_cn_number("十十", 6, &used), -1);
	CHECK_INT(sp_cn_number("三四五六七", 15, &used), -1);
	CHECK_INT(sp_cn_number("", 0, &used), -1);
	/* Formatting is the inverse on 1…9999. */
	CHECK_INT(first_not_read_back(sp_cn_format, 0), 10000);
	sp_buf_clear(&b);
	sp_cn_format(&b, 101);
	CHECK_MEM(b.data, b.len, "一百零一");
	sp_buf_clear(&b);
	sp_cn_format(&b, 10);
	CHECK_MEM(b.data, b.len, "十");
	/* Formal numerals read back to the same numbers, every one formal
	 * (or 零, which has no other form). */
	CHECK_INT(first_not_read_back(sp_cn_format_formal, 1), 10000);
	sp_buf_clear(&b);
	sp_cn_format_formal(&b, 2021);
	CHECK_MEM(b.data, b.len, "贰仟零贰拾壹");
	CHECK(sp_cn_is_formal(0x8CB3) && !sp_cn_is_formal(0x4E8C));
	sp_buf_free(&b);
}

static void
test_markers(void)
{
	/* Parts and laws. */
	yes("第一篇:在全市机关干部大会上的讲话", 0, SP_HK_PIAN, 1, "第一篇",
	    "在全市机关干部大会上的讲话");
	yes("第三部分 工作安排", 0, SP_HK_BUFEN, 3, "第三部分", "工作安排");
	yes("第二编　物权", 0, SP_HK_BIAN, 2, "第二编", "物权");
	yes("第十二章 附则", 0, SP_HK_ZHANG, 12, "第十二章", "附则");
	yes("第1章 总则", 0, SP_HK_ZHANG, 1, "第1章", "总则");
	yes("第四节", 0, SP_HK_JIE, 4, "第四节", "");
	yes("第一百零一条　本法自公布之日起施行。", 0, SP_HK_TIAO, 101,
	    "第一百零一条", "本法自公布之日起施行");
	yes("杭州市政协十一届三次会议篇一", 0, SP_HK_PIAN_TAIL, 1, "篇一",
	    "杭州市政协十一届三次会议");
	/* GB/T 9704 levels, every form. */
	yes("一、肯定成绩,进一步增强机关作风建设的紧迫感责任感", 0,
	    SP_HK_CN_DUN, 1, "一、",
	    "肯定成绩,进一步增强机关作风建设的紧迫感责任感");
	yes("一、一个中心，两个基本点", 0, SP_HK_CN_DUN, 1, "一、",
	    "一个中心，两个基本点");
	yes("三、二季度工作", 0, SP_HK_CN_DUN, 3, "三、", "二季度工作");
	yes("十一．总结", 0, SP_HK_CN_DUN, 11, "十一．", "总结");
	yes("二十.附录", 0, SP_HK_CN_DUN, 20, "二十.", "附录");
	yes("　　三、感受", 0, SP_HK_CN_DUN, 3, "三、", "感受");
	yes("（一）服务企业，大力帮扶企业发展。企业是经济发展的微观基础。", 0,
	    SP_HK_CN_PAREN, 1, "（一）", "服务企业，大力帮扶企业发展");
	yes("(二)服务项目,强力推进项目建设。要确保", 0, SP_HK_CN_PAREN, 2,
	    "(二)", "服务项目,强力推进项目建设");
	yes("（三)强化三大意识", 0, SP_HK_CN_PAREN, 3, "（三)", "强化三大意识");
	yes("㈣深入基层调查研究", 0, SP_HK_CN_PAREN, 4, "㈣", "深入基层调查研究");
	yes("1.围绕主题,组织工作取得新突破。一是落实", 0, SP_HK_NUM_DOT, 1,
	    "1.", "围绕主题,组织工作取得新突破");
	yes("2．加强宣传", 0, SP_HK_NUM_DOT, 2, "2．", "加强宣传");
	yes("3、关注和谐", 0, SP_HK_NUM_DOT, 3, "3、", "关注和谐");
	yes("１２．其他事项", 0, SP_HK_NUM_DOT, 12, "１２．", "其他事项");
	yes("2..请x同志述职。", 0, SP_HK_NUM_DOT, 2, "2..", "请x同志述职");
	yes("⒌注意安全", 0, SP_HK_NUM_DOT, 5, "⒌", "注意安全");
	yes("（1）加强学习", 0, SP_HK_NUM_PAREN, 1, "（1）", "加强学习");
	yes("(10)其他", 0, SP_HK_NUM_PAREN, 10, "(10)", "其他");
	yes("⑵ 严格纪律", 0, SP_HK_NUM_PAREN, 2, "⑵", "严格纪律");
	yes("①政治纪律", 0, SP_HK_CIRCLED, 1, "①", "政治纪律");
	yes("⑳最后一项", 0, SP_HK_CIRCLED, 20, "⑳", "最后一项");
	yes("㉑补充", 0, SP_HK_CIRCLED, 21, "㉑", "补充");
	yes("1)准备材料", 0, SP_HK_NUM_RPAREN, 1, "1)", "准备材料");
	yes("2）组织学习", 0, SP_HK_NUM_RPAREN, 2, "2）", "组织学习");
	/* Items, only with SP_HEADING_ITEMS. */
	yes("第一,要想干事。想不想干事", SP_HEADING_ITEMS, SP_HK_DI, 1,
	    "第一,", "要想干事");
	yes("第二是组织纪律。组织纪律是", SP_HEADING_ITEMS, SP_HK_DI, 2,
	    "第二是", "组织纪律");
	yes("首先，落实主体责任就要把党的领导落到实处。", SP_HEADING_ITEMS,
	    SP_HK_SEQ, 1, "首先，", "落实主体责任就要把党的领导落到实处");
	yes("其次，加强学习", SP_HEADING_ITEMS, SP_HK_SEQ, 2, "其次，",
	    "加强学习");
	yes("最后,讲一点要求", SP_HEADING_ITEMS, SP_HK_SEQ, 0, "最后,",
	    "讲一点要求");
	yes("一是展示了围绕中心、服务大局的良好形象。各级", SP_HEADING_ITEMS,
	    SP_HK_SHI, 1, "一是", "展示了围绕中心、服务大局的良好形象");
	yes("十二要持续整顿", SP_HEADING_ITEMS, SP_HK_YAO, 12, "十二要",
	    "持续整顿");
	no("第一,要想干事。", 0);
	no("一是展示了良好形象。", 0);
	no("首先,复杂多变的宏观环境", 0);
}

static void
test_titles(void)
{
	/* Short, no sentence end: the whole line, trimmed. */
	yes("一、感受  ", 0, SP_HK_CN_DUN, 1, "一、", "感受");
	yes("二、 走基层 转作风", 0, SP_HK_CN_DUN, 2, "二、", "走基层 转作风");
	/* A sentence end: the head before it. */
	yes("一、走基层，转作风，密切联系群众。", 0, SP_HK_CN_DUN, 1, "一、",
	    "走基层，转作风，密切联系群众");
	yes("（二）要求：按时完成", 0, SP_HK_CN_PAREN, 2, "（二）", "要求");
	/* A long line: the head ends at white space too. */
	yes("二、共克时艰,全面深入开展“三服务”活动 新的一年,我们要把开展"
	    "“三服务”活动作为转变作风的重要载体,进一步深化", 0, SP_HK_CN_DUN,
	    2, "二、", "共克时艰,全面深入开展“三服务”活动");
	/* A half-width full stop after Chinese ends the head. */
	yes("(一)服务企业.企业是经济发展的微观基础", 0, SP_HK_CN_PAREN, 1,
	    "(一)", "服务企业");
	/* No end in 80 characters: the first 80. */
	yes("一、一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十九九", 0, SP_HK_CN_DUN, 1,
	    "一、", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十");
}

static void
test_false(void)
{
	no("3.28亿元，同比增长", 0);
	no("11.5.2的规定执行", 0);
	no("1、2月份全市经济运行", 0);
	no("2019年是关键之年", 0);
	no("一、二季度经济增长较快", 0);
	no("一、二、三产业协调发展", 0);
	no("第三条规定的情形", 0);
	no("第二章的内容", 0);
	no("第一条至第五条", 0);
	no("第二期", 0);
	no("第一书记", 0);
	no("一、总则……………………3", 0);
	no("1. ..............", 0);
	no("2...........5", 0);
	no("第一章 总则 .......... 1", 0);
	no("（2019）第5号", 0);
	no("(扩大)会议精神", 0);
	no("一、", 0);
	no("（一）", 0);
	no("一年来我市机关作风建设成效明显", 0);
	no("十分重要", 0);
	no("两、", 0);
	no("一是一，二是二", SP_HEADING_ITEMS);
	no("首先要提高认识", SP_HEADING_ITEMS);
	no("第一要务", SP_HEADING_ITEMS);
	no("要做到三点：一是讲政治", SP_HEADING_ITEMS);
	no("一是大会述职;二是大会测评;三是领导讲话。", SP_HEADING_ITEMS);
	no("一要学习，二要实干。", SP_HEADING_ITEMS);
	no("第一，学习；第二，实干。", SP_HEADING_ITEMS);
	yes("一是学习；三是实干。", SP_HEADING_ITEMS, SP_HK_SHI, 1, "一是", "学习");
	no("他说：“一、要做好”", 0);
	no("", 0);
	no("   ", 0);
	no("杭州市政协十一届三次会议。篇一", 0);
	no("本篇一", 0);
	no("0.这是零", 0);
	no("1. The Number 40", 0);
	no("2) publicize ahead of time", 0);
	no("1.第1章 艱苦的生活", 0);
	no("3.第三章 总则", 0);
	no("1、淘汰噪音，避开食堂；2、要求便于来访。", 0);
	no("1、分大度32开。2、纸张的规格", 0);
	no("（一）不得泄露秘密；（二）不得弄虚作假。", 0);
	yes("1、淘汰噪音；3、要求便于来访。", 0, SP_HK_NUM_DOT, 1, "1、",
	    "淘汰噪音");
	yes("第一千八百四十六章：老爹，我错了！", 0, SP_HK_ZHANG, 1846,
	    "第一千八百四十六章", "老爹，我错了");
	yes("一是，杨鼎新与LG杯有缘。最具说明力的是", SP_HEADING_ITEMS,
	    SP_HK_SHI, 1, "一是，", "杨鼎新与LG杯有缘");
	no("1000.太大", 0);
	no("\xff\xfe一、", 0);
}

static int
feed(struct sp_heading_tracker *t, const char *line, uint64_t no)
{
	return sp_heading_tracker_feed(t, line, strlen(line), no, no * 100);
}

static void
path_is(struct sp_heading_tracker *t, const char *want)
{
	struct sp_buf b = SP_BUF_INIT;

	sp_heading_tracker_path(t, NULL, &b);
	CHECK_MEM(b.data ? b.data : "", b.len, want);
	sp_buf_free(&b);
}

static void
test_tracker(void)
{
	struct sp_heading_tracker *t = sp_heading_tracker_new(0);
	const struct sp_heading_entry *e;

	CHECK(t != NULL);
	path_is(t, "");
	CHECK_INT(feed(t, "一、肯定成绩", 1), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 1);
	CHECK_INT(e->line, 1);
	CHECK_INT(e->offset, 100);
	CHECK_INT(e->prev_number, -1);
	CHECK_INT(feed(t, "正文。", 2), 0);
	CHECK_INT(feed(t, "（一）服务企业，大力帮扶企业发展。企业是", 3), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "1.加强学习", 4), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 3);
	path_is(t, "一、肯定成绩 > （一）服务企业，大力帮扶企业发展 > 1.加强学习");
	CHECK_INT(feed(t, "（三）服务项目", 5), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 2);
	CHECK_INT(e->prev_number, 1);
	CHECK_INT(e->prev_line, 3);
	CHECK_MEM(e->prev_marker, strlen(e->prev_marker), "（一）");
	CHECK_INT(sp_heading_tracker_depth(t), 2);
	path_is(t, "一、肯定成绩 > （三）服务项目");
	CHECK_INT(feed(t, "二、共克时艰", 6), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 1);
	CHECK_INT(e->prev_number, 1);
	/* 1. directly under 二、: level 2, first of its style there. */
	CHECK_INT(feed(t, "1.其他", 7), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 2);
	CHECK_INT(e->prev_number, -1);
	/* Items are ignored without SP_HEADING_ITEMS. */
	CHECK_INT(feed(t, "一是加强学习。", 8), 0);
	path_is(t, "二、共克时艰 > 1.其他");
	/* Mixed widths: the first form of the style is kept. */
	CHECK_INT(feed(t, "(二)服务", 9), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->first_form, SP_HF_OPEN_FULL | SP_HF_CLOSE_FULL);
	CHECK_INT(e->h.form, SP_HF_OPEN_HALF | SP_HF_CLOSE_HALF);

	/* A document starting at （一） has it as level 1. */
	sp_heading_tracker_reset(t);
	path_is(t, "");
	CHECK_INT(feed(t, "（一）总体要求", 1), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 1);
	CHECK_INT(feed(t, "1.指导思想", 2), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "（二）主要任务", 3), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->prev_number, 1);

	/*
	 * A style seen first is placed by the natural order: （一） after
	 * 1. closes the list of 1. instead of nesting in it; 1. seen again
	 * then nests under （一）.
	 */
	sp_heading_tracker_reset(t);
	CHECK_INT(feed(t, "第四篇 会议", 1), 1);
	CHECK_INT(feed(t, "1.请xx同志述职。", 2), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "2.请x同志述职。", 3), 1);
	CHECK_INT(feed(t, "（一）必须把政治建设作为第一要务。", 4), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "1.加强学习", 5), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 3);
	CHECK_INT(e->prev_number, -1);
	path_is(t, "第四篇 会议 > （一）必须把政治建设作为第一要务 > 1.加强学习");

	/* A glued page: headings after runs of spaces, in one line. */
	sp_heading_tracker_reset(t);
	{
		const char *g = "同志们:   一、高扬创业精神   义乌人杰地灵。"
		    "   （一）要创新。创新是…   二、狠抓落实   正文";
		e = NULL;
		CHECK_INT(feed(t, g, 1), 3);
		e = sp_heading_tracker_found(t, 0);
		CHECK_MEM(e->title, e->title_len, "高扬创业精神");
		CHECK_INT(e->offset, 100 + strlen("同志们:   "));
		e = sp_heading_tracker_found(t, 1);
		CHECK_INT(e->level, 2);
		CHECK_MEM(e->title, e->title_len, "要创新");
		e = sp_heading_tracker_found(t, 2);
		CHECK_INT(e->level, 1);
		path_is(t, "二、狠抓落实");
	}
	sp_heading_tracker_free(t);

	/* Without segments only line starts count. */
	t = sp_heading_tracker_new(SP_HEADING_NO_SEGMENTS);
	CHECK_INT(feed(t, "同志们:   一、高扬创业精神", 1), 0);
	sp_heading_tracker_free(t);

	/* Laws: （一） under 第X条 is an item of the article. */
	t = sp_heading_tracker_new(0);
	CHECK_INT(feed(t, "第一章 总则", 1), 1);
	CHECK_INT(feed(t, "第一条　为了规范管理，制定本办法。", 2), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "（一）不得泄露秘密；", 3), 0);
	CHECK_INT(feed(t, "第二条　本办法适用于全市。", 4), 1);
	path_is(t, "第一章 总则 > 第二条 本办法适用于全市");
	sp_heading_tracker_free(t);

	t = sp_heading_tracker_new(SP_HEADING_ITEMS);
	CHECK_INT(feed(t, "第一章 总则", 1), 1);
	CHECK_INT(feed(t, "第一条　为了规范管理，制定本办法。", 2), 1);
	CHECK_INT(feed(t, "（一）不得泄露秘密；", 3), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->item, 1);
	CHECK_INT(e->level, 3);
	CHECK_INT(feed(t, "（二）不得弄虚作假。", 4), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->prev_number, 1);
	sp_heading_tracker_free(t);

	/* Items come below every numbered level, whatever came first. */
	t = sp_heading_tracker_new(SP_HEADING_ITEMS);
	CHECK_INT(feed(t, "一是加强学习。", 1), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 1);
	CHECK_INT(feed(t, "一、总体要求", 2), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 1);
	CHECK_INT(feed(t, "首先，要学习。", 3), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "第二，要实干。", 4), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 2);
	CHECK_INT(e->prev_number, 1);
	/* 一是 was placed below 第二 when 第二 first came. */
	CHECK_INT(feed(t, "一是落实。", 5), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 3);
	path_is(t, "一、总体要求 > 第二，要实干 > 一是落实");
	/* A new part (第X篇) learns its own levels below it. */
	CHECK_INT(feed(t, "第二篇 讲话", 6), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 1);
	CHECK_INT(feed(t, "第一，发展思路要清晰", 7), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "一要把握发展规律。", 8), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 3);
	path_is(t, "第二篇 讲话 > 第一，发展思路要清晰 > 一要把握发展规律");
	/* A run-in item holds no list; an item on a line of its own does. */
	sp_heading_tracker_reset(t);
	CHECK_INT(feed(t, "一、要求", 1), 1);
	CHECK_INT(feed(t, "第一，发展思路要清晰", 2), 1);
	CHECK_INT(feed(t, "一要把握规律。", 3), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 3);
	CHECK_INT(feed(t, "第二，生活纪律。一些干部出问题。", 4), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "一要调查研究。", 5), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	path_is(t, "一、要求 > 一要调查研究");
	sp_heading_tracker_free(t);
}

static void
test_format(void)
{
	static const struct {
		const char *line;
		long n;
		const char *want;
	} cases[] = {
		{ "（三）甲", 2, "（二）" }, { "(三)甲", 2, "(二)" },
		{ "（三)甲", 12, "（十二)" }, { "一、甲", 21, "二十一、" },
		{ "3.甲", 2, "2." }, { "３．甲", 12, "１２．" }, { "3、甲", 4, "4、" },
		{ "⑶甲", 2, "⑵" }, { "③甲", 4, "④" }, { "③甲", 60, "（60）" },
		{ "㈢甲", 2, "㈡" }, { "第三章 甲", 2, "第二章" },
		{ "第3条 甲", 2, "第2条" }, { "第三部分 甲", 2, "第二部分" },
		{ "2)甲", 3, "3)" }, { "（1）甲", 2, "（2）" },
		{ "会议报告篇三", 2, "篇二" },
	};
	struct sp_buf b = SP_BUF_INIT;
	struct sp_heading h;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		sp_buf_clear(&b);
		if (!CHECK(sp_heading_match(cases[i].line,
		    strlen(cases[i].line), 0, &h)))
			continue;
		sp_heading_format_marker(&b, h.kind, h.form, cases[i].n);
		CHECK_MEM(b.data, b.len, cases[i].want);
	}
	sp_buf_free(&b);
	CHECK(strcmp(sp_heading_kind_name(SP_HK_CN_PAREN), "cn-paren") == 0);
	CHECK(sp_heading_kind_is_item(SP_HK_SHI));
	CHECK(!sp_heading_kind_is_item(SP_HK_CIRCLED));
}

/* The law's hierarchy and the items and notes that are not headings. */
static void
test_law(void)
{
	struct sp_heading_tracker *t = sp_heading_tracker_new(0);
	const struct sp_heading_entry *e;
	size_t pad;

	CHECK(t != NULL);
	/* 编 > 分编 > 章 > 节 > 条, a 节 first seen late. */
	CHECK_INT(feed(t, "第二编 物权", 1), 1);
	CHECK_INT(feed(t, "第一分编 通则", 2), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "第一章 一般规定", 3), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 3);
	CHECK_INT(feed(t, "第二百零五条 本编调整民事关系。", 4), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 4);
	CHECK_INT(feed(t, "第一节 不动产登记", 5), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 4);
	CHECK_INT(feed(t, "第二百零九条 不动产物权经登记发生效力。", 6), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 5);
	/* 条之一: an article, after the one it follows. */
	CHECK_INT(feed(t, "第二百零九条之一 登记机构应当公开。", 7), 1);
	e = sp_heading_tracker_found(t, 0);
	CHECK_INT(e->level, 5);
	CHECK_INT(e->h.number, 209);
	CHECK_INT(e->h.sub, 1);
	CHECK_INT(e->prev_number, 209);
	CHECK_INT(e->prev_sub, 0);
	CHECK_INT(feed(t, "第二分编 所有权", 8), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);

	/* 一、 sections over articles (司法解释) keep their rank. */
	sp_heading_tracker_reset(t);
	CHECK_INT(feed(t, "一、受案范围", 1), 1);
	CHECK_INT(feed(t, "第一条 公民不服的，属于受案范围。", 2), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	CHECK_INT(feed(t, "（一）国防、外交等国家行为；", 3), 0);
	CHECK_INT(feed(t, "二、管辖", 4), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 1);
	CHECK_INT(feed(t, "第二条 基层人民法院管辖第一审案件。", 5), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->level, 2);
	path_is(t, "二、管辖 > 第二条 基层人民法院管辖第一审案件");

	/* A list closed by semicolons is items, its last entry too. */
	sp_heading_tracker_reset(t);
	CHECK_INT(feed(t, "一、基础电信业务", 1), 1);
	CHECK_INT(feed(t, "(一)固定网络国内长途及本地电话业务；", 2), 0);
	CHECK_INT(feed(t, "(二)移动网络电话和数据业务；", 3), 0);
	CHECK_INT(feed(t, "(三)转售的基础电信业务。", 4), 0);
	CHECK_INT(feed(t, "二、增值电信业务", 5), 1);

	/* A list numbered afresh inside a titled section of its style. */
	sp_heading_tracker_reset(t);
	CHECK_INT(feed(t, "一、回顾", 1), 1);
	CHECK_INT(feed(t, "二、任务", 2), 1);
	CHECK_INT(feed(t, "一、固定资产投资总规模，都必须由国家计委综合平衡。"
	    "各地不得突破。", 3), 0);
	CHECK_INT(feed(t, "二、大中型项目，一律由国家计委审批。各地照办。", 4),
	    0);
	CHECK_INT(feed(t, "三、政策", 5), 1);
	CHECK_INT(sp_heading_tracker_found(t, 0)->prev_number, 2);

	/* ① notes referred to inside the text. */
	sp_heading_tracker_reset(t);
	CHECK_INT(feed(t, "①加强领导", 1), 1);
	CHECK_INT(feed(t, "正如列宁所说的那样。②", 2), 0);
	CHECK_INT(feed(t, "② 列宁：《全集》第26卷，第269页。", 3), 0);
	/* After a rule of E2 characters (━, as w3m draws them), searched
	 * for in blocks: the reference found at every alignment, and as
	 * the line's last character. */
	for (pad = 0; pad < 20; pad++) {
		char line[512] = "正文";
		size_t k;

		for (k = 0; k < 20; k++)
			strcat(line, "━");
		for (k = 0; k < pad; k++)
			strcat(line, "x");
		strcat(line, pad % 2 ? "③" : "③。");
		sp_heading_tracker_reset(t);
		CHECK_INT(feed(t, "③加强领导", 1), 1);
		CHECK_INT(feed(t, line, 2), 0);
		CHECK_INT(feed(t, "③ 列宁：《全集》第26卷。", 3), 0);
	}
	sp_heading_tracker_free(t);
}

/* zh.h: numerals, digits and blanks. */
static void
test_zh(void)
{
	size_t used;
	int full;

	CHECK_INT(sp_cn_number("壹佰零伍", strlen("壹佰零伍"), &used), 105);
	CHECK_INT(sp_cn_number("兩千", strlen("兩千"), &used), 2000);
	CHECK_INT(sp_cn_number("拾贰条", strlen("拾贰条"), &used), 12);
	CHECK_INT(used, strlen("拾贰"));
	CHECK_INT(sp_any_number("２０２４年", strlen("２０２４年"), &used), 2024);
	CHECK_INT(sp_arabic_number("12345", 5, 4, &used, &full), -1);
	CHECK_INT(sp_arabic_number("１2", strlen("１2"), 4, &used, &full), 12);
	CHECK_INT(full, 1);
	CHECK(sp_is_blank(0x3000) && sp_is_blank(0xA0) && sp_is_blank(0x202F) &&
	    sp_is_blank(0xFEFF) && sp_is_blank('\t'));
	CHECK(!sp_is_blank(0x4E00) && !sp_is_blank('a') && !sp_is_blank('\n'));
	CHECK_INT(sp_skip_blank("\xE3\x80\x80 x", 5, 0), 4);
	CHECK_INT(sp_blank_len("\xC2\xA0x", 3), 2);
	CHECK_INT(sp_cp_before("a中", 4), 1);
	CHECK(sp_is_cn_numeral(0x62FE) && !sp_is_cn_numeral(0x4E2A));
}

/*
 * The quick tests before parsing (heading_int.h, heading_segment.c) must
 * refuse nothing the full parse accepts: every numeral of zh.c from one
 * to ten (两 apart: not a marker) opens a marker and ends a …篇X title,
 * in every position of a 16-byte block.  The numerals come from
 * sp_cn_value() itself, so one added there and not to the filter fails.
 */
static void
test_quick_paths(void)
{
	char line[256], want[64], c[5];
	size_t pad, len;
	int32_t cp;
	int v, seen = 0;

	for (cp = 0x3400; cp <= 0x9FFF; cp++) {
		v = sp_cn_value(cp);
		if (v < 1 || v > 10 || cp == 0x4E24)
			continue;
		seen++;
		len = sp_utf8_encode(cp, c);
		c[len] = '\0';
		for (pad = 0; pad < 18; pad++) {
			snprintf(line, sizeof line, "%*s%s、总结工作", (int)pad,
			    "", c);
			snprintf(want, sizeof want, "%s、", c);
			yes(line, 0, SP_HK_CN_DUN, v, want, "总结工作");
		}
		snprintf(line, sizeof line, "市政协全体会议发言汇编篇%s", c);
		snprintf(want, sizeof want, "篇%s", c);
		yes(line, 0, SP_HK_PIAN_TAIL, v, want, "市政协全体会议发言汇编");
	}
	CHECK_INT(seen, 24);
	no("两、总结工作", 0);
	yes("首先，要统一思想", SP_HEADING_ITEMS, SP_HK_SEQ, 1, "首先，",
	    "要统一思想");
	yes("㈠总体要求", 0, SP_HK_CN_PAREN, 1, "㈠", "总体要求");
	yes("㉑第二十一项", 0, SP_HK_CIRCLED, 21, "㉑", "第二十一项");
	yes("㊱第三十六项", 0, SP_HK_CIRCLED, 36, "㊱", "第三十六项");
	yes("㊀总体要求", 0, SP_HK_CIRCLED, 1, "㊀", "总体要求");
	yes("\xEF\xBB\xBF\xE2\x80\x83 一、总体要求", 0, SP_HK_CN_DUN, 1,
	    "一、", "总体要求");
}

/*
 * A word spaced out to fill a column (总　　则): Han on both sides of the
 * run at s[run_start..i), and the Han character after it alone, ending
 * the line or followed by a blank.
 */
static int
spaced_out_slowly(const char *s, size_t n, size_t run_start, size_t i)
{
	int32_t before, after, then;
	size_t l;

	if (run_start < 3 || sp_cp_at(s, n, run_start - 3, &before) != 3)
		return 0;
	l = sp_cp_at(s, n, i, &after);
	if (!sp_is_han(before) || !sp_is_han(after))
		return 0;
	if (i + l >= n)
		return 1;
	sp_cp_at(s, n, i + l, &then);
	return sp_is_blank(then);
}

/*
 * sp_heading_segment() as it was written first, a character at a time:
 * the vector search must find the same segments.
 */
static size_t
segment_slowly(const char *s, size_t n, size_t *next)
{
	size_t i = 0, run_start, l;
	int runs;
	int32_t cp;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];

		if (!(b == ' ' || b == '\t' || (b == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xA0) || (b == 0xE3 &&
		    i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80))) {
			i++;
			continue;
		}
		run_start = i;
		runs = 0;
		while (i < n) {
			l = sp_cp_at(s, n, i, &cp);
			if (!sp_is_blank(cp))
				break;
			runs++;
			i += l;
		}
		if (i >= n)
			break;
		if (run_start > 0 && (runs >= 2 || (run_start >= 3 &&
		    memcmp(s + run_start - 3, "。", 3) == 0)) &&
		    !spaced_out_slowly(s, n, run_start, i)) {
			*next = i;
			return run_start;
		}
	}
	*next = n;
	return n;
}

static void
test_segments(void)
{
	static const char *const pieces[] = {
		" ", "  ", "\t", "\r", "\xE3\x80\x80", "\xC2\xA0",
		"\xE2\x80\x83", "。", "、", "一、", "中", "a", "ab",
		"\xE3\x80", "\xC2", "                 ", "\xEF\xBC\x8C",
		"\xE1\x9A\x80", "x\x82",
	};
	char line[200];
	size_t n, k, end, next, want_end, want_next;
	unsigned seed = 17;
	int round, bad = 0;

	for (round = 0; round < 20000 && !bad; round++) {
		/* Lines of every length: short ones are read padded. */
		n = 0;
		for (k = 0; k < 1 + (size_t)round % 40; k++) {
			const char *p;

			seed = seed * 1103515245 + 12345;
			p = pieces[(seed >> 16) % (sizeof pieces /
			    sizeof pieces[0])];
			if (n + strlen(p) >= sizeof line)
				break;
			memcpy(line + n, p, strlen(p));
			n += strlen(p);
		}
		for (k = 0; k < n && !bad; k += next) {
			end = sp_heading_segment(line + k, n - k, &next);
			want_end = segment_slowly(line + k, n - k, &want_next);
			if (end != want_end || next != want_next) {
				printf("  (segment of \"%.*s\": %zu %zu, want "
				    "%zu %zu)\n", (int)(n - k), line + k, end,
				    next, want_end, want_next);
				bad = 1;
			}
		}
	}
	CHECK(!bad);
}

/* A word spaced out to fill a column is one segment; a paragraph glued
 * after it is not. */
static void
test_spaced_out(void)
{
	const char *s = "第一章　总　　则";
	const char *t = "讲话。  附　　则  二、任务";
	size_t next;

	CHECK_INT(sp_heading_segment(s, strlen(s), &next), strlen(s));
	CHECK_INT(sp_heading_segment(t, strlen(t), &next), strlen("讲话。"));
	CHECK_INT(sp_heading_segment(t + next, strlen(t) - next, &next),
	    strlen("附　　则"));
}

/*
 * sp_heading_may_hold(), the tracker's test that a line can hold no
 * heading, finds every byte beyond ASCII, and every byte a marker may
 * open with (may_open_marker(), the rule sp_heading_match() reads the
 * first byte by) that opens the line or follows a blank, at every
 * position of lines of every length to two blocks and a half; a marker's
 * byte after another ASCII byte is no piece's start.
 */
static void
test_may_hold(void)
{
	static const char before[] = "a \t\r>";
	char line[40];
	size_t n, at, k;
	int b, want, bad = 0;

	for (n = 0; n <= sizeof line; n++) {
		memset(line, 'a', sizeof line);
		if (sp_heading_may_hold(line, n))
			bad++;
		for (at = 0; at < n; at++)
			for (k = 0; k < sizeof before - 1; k++)
				for (b = 1; b < 256; b++) {
					if (at > 0)
						line[at - 1] = before[k];
					line[at] = (char)b;
					want = b >= 0x80 || (may_open_marker(
					    (unsigned char)b) && (at == 0 ||
					    (unsigned char)line[at - 1] < 0x21));
					if (sp_heading_may_hold(line, n) != want)
						bad++;
					line[at] = 'a';
					if (at > 0)
						line[at - 1] = 'a';
				}
	}
	CHECK_INT(bad, 0);
	CHECK(!sp_heading_may_hold("<div class=\"nav\">", 17));
	CHECK(!sp_heading_may_hold("<td width=\"100\">f(1)</td>", 25));
	CHECK(sp_heading_may_hold("<td> (1)</td>", 13));
	CHECK(sp_heading_may_hold("1. Intro", 8));
	CHECK(sp_heading_may_hold("<td>\xe4\xb8\x80</td>", 12));
}

/*
 * Does the tracker (fresh, items reported) find a heading in s[0..n), or
 * in it without a last CR (as sp-outline feeds it), or would it note a
 * reference (E2 91 anywhere, the test's wider rule)?
 */
static int
line_holds(struct sp_heading_tracker *t, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k + 1 < n; k++)
		if ((unsigned char)s[k] == 0xE2 &&
		    (unsigned char)s[k + 1] == 0x91)
			return 1;
	sp_heading_tracker_reset(t);
	if (sp_heading_tracker_feed(t, s, n, 1, 0) != 0)
		return 1;
	sp_heading_tracker_reset(t);
	return n > 0 && s[n - 1] == '\r' &&
	    sp_heading_tracker_feed(t, s, n - 1, 1, 0) != 0;
}

/*
 * sp_heading_quiet_lines() passes over whole lines only, counts them,
 * stops before a form-feed line, and passes over no line the tracker
 * finds a heading in: buffers of lines of every length (the vector
 * blocks of every width and the bytes after them) made of markers,
 * blanks of every kind, text and invalid bytes; and blocks of every
 * width the processor has find the same lines as a byte at a time.
 */
static void
test_quiet_lines(void)
{
	static const char *const pieces[] = {
		" ", "  ", "\t", "\r", "\n", "\n", "\n", "\f",
		"\xE3\x80\x80", "\xC2\xA0", "\xE2\x80\x83", "\xEF\xBB\xBF",
		"。", "、", "一、", "（一）", "(1)", "1.", "１．", "①", "⑴",
		"第一章", "第二条", "首先，", "一是", "十", "两", "零", "篇二",
		"会议篇三", "中", "文字", "a", "<div>", "x\x82", "\xE3\x80",
		"\xC2", "\xE2\x91", "\xE7\xAF", "                   ", "2011年",
		"“", "•", "━━", "404 ", "12、", "3)", "7）", "0", "1234.",
		"12 、", "９", "首页", "最后，", "其次", "1.5",
		"㈠", "\xE1\x9A\x80", "新", "【", "\xE2\x80\xAF", "〇",
	};
	struct sp_heading_tracker *t = sp_heading_tracker_new(
	    SP_HEADING_ITEMS);
	static const unsigned widths[] = { 32, 16, 1 };
	char buf[400];
	size_t n, k, w, used, start;
	uint64_t lines, other, want;
	unsigned seed = 23;
	int round, bad = 0;

	for (round = 0; round < 30000 && !bad; round++) {
		n = 0;
		for (k = 0; k < 1 + (size_t)round % 60; k++) {
			const char *p;

			seed = seed * 1103515245 + 12345;
			p = pieces[(seed >> 16) % (sizeof pieces /
			    sizeof pieces[0])];
			if (n + strlen(p) >= sizeof buf)
				break;
			memcpy(buf + n, p, strlen(p));
			n += strlen(p);
		}
		used = sp_heading_quiet_lines(buf, n, &lines);
		for (w = 0; w < sizeof widths / sizeof widths[0]; w++)
			if (sp_heading_quiet_lines_upto(buf, n, &other,
			    widths[w]) != used || other != lines) {
				printf("  (quiet lines of \"%.*s\": %zu bytes, "
				    "%llu lines in blocks of %u)\n", (int)n,
				    buf, used, (unsigned long long)lines,
				    widths[w]);
				bad = 1;
			}
		want = 0;
		for (start = 0; start < used; start = k + 1) {
			for (k = start; k < used && buf[k] != '\n'; k++)
				;
			if (k == used || buf[start] == '\f' ||
			    line_holds(t, buf + start, k - start))
				bad = 1;
			want++;
		}
		if (bad || lines != want) {
			printf("  (quiet lines of \"%.*s\": %zu bytes, %llu "
			    "lines)\n", (int)n, buf, used,
			    (unsigned long long)lines);
			bad = 1;
		}
	}
	CHECK(!bad);
	sp_heading_tracker_free(t);
	/* Most lines are passed over; the heading stops the scan. */
	CHECK_INT(sp_heading_quiet_lines("text\n  <div>\n中文 (2012)\n"
	    "一、总则\n", 40, &lines), 27);
	CHECK_INT(lines, 3);
	CHECK_INT(sp_heading_quiet_lines("text\n\f\n", 8, &lines), 5);
	CHECK_INT(sp_heading_quiet_lines("text  （一）总则\n", 22, &lines), 0);
}

/*
 * Every character of three bytes at a line's start, after a newline and
 * after a run of blanks, at each place of a block: the scan in blocks of
 * every width the processor has finds the same lines as a byte at a
 * time (the widest looks the first two bytes up in vector registers).
 */
static void
test_quiet_every_char(void)
{
	static const unsigned widths[] = { 64, 32, 16 };
	char buf[256];
	size_t n, at, used, want_used;
	uint64_t lines, want;
	int32_t cp;
	unsigned w;
	int bad = 0;

	for (cp = 0x800; cp <= 0xFFFF && !bad; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		at = (size_t)cp % 61;	/* its place in the block */
		memset(buf, 'a', at);
		n = at;
		buf[n++] = '\n';
		if (cp & 1) {
			memcpy(buf + n, "   ", 3);
			n += 3;
		}
		buf[n++] = (char)(0xE0 | cp >> 12);
		buf[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
		buf[n++] = (char)(0x80 | (cp & 0x3F));
		memcpy(buf + n, "、总则\n", 10);
		n += 10;
		memset(buf + n, 'b', 140);
		n += 140;
		buf[n++] = '\n';
		want_used = sp_heading_quiet_lines_upto(buf, n, &want, 1);
		for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			used = sp_heading_quiet_lines_upto(buf, n, &lines,
			    widths[w]);
			if (used != want_used || lines != want) {
				printf("  (U+%04X at %zu, blocks of %u: %zu "
				    "bytes, not %zu)\n", (unsigned)cp, at,
				    widths[w], used, want_used);
				bad = 1;
			}
		}
	}
	CHECK(!bad);
}

/*
 * heading_opens.h's ranges, in order and apart, hold every character
 * beyond ASCII that may open a marker or is blank, and no other.
 */
static void
test_opens_table(void)
{
	size_t r = 0;
	int32_t cp;
	int in, bad = 0;

	for (r = 1; r < SP_HEADING_OPENS; r++)
		CHECK(sp_heading_opens[r].first > sp_heading_opens[r - 1].last + 1);
	r = 0;
	for (cp = 0x80; cp <= 0xFFFF && !bad; cp++) {
		while (r < SP_HEADING_OPENS && sp_heading_opens[r].last < cp)
			r++;
		in = r < SP_HEADING_OPENS && sp_heading_opens[r].first <= cp;
		if (in != (may_open_marker_cp(cp) || sp_is_blank(cp))) {
			printf("  (U+%04X: %s the table)\n", (unsigned)cp,
			    in ? "in" : "not in");
			bad = 1;
		}
	}
	CHECK(!bad);
}

int
main(void)
{
	test_may_hold();
	test_law();
	test_zh();
	test_numbers();
	test_markers();
	test_titles();
	test_false();
	test_tracker();
	test_format();
	test_quick_paths();
	test_segments();
	test_spaced_out();
	test_quiet_lines();
	test_quiet_every_char();
	test_opens_table();
	return check_done("test_heading");
}
