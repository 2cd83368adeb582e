/*
 * marker_table.h: every marker style, and lines that only look like one,
 * with what the shared recognizer (common/heading.h) makes of them.  One
 * table for every tool: tests/unit/sp-clean/test_marker_agree.c feeds it
 * to sp-clean's line features (hard-wrap joining, boilerplate) and to the
 * tracker of sp-outline and sp-split --headings;
 * tests/unit/sp-split/test_marker_agree.c to sp-split's document markers.
 * Each checks that the tool reads the line as the table says.
 */
#ifndef MARKER_TABLE_H
#define MARKER_TABLE_H
#include "heading.h"

static const struct marker_row {
	const char *line;
	enum sp_heading_kind kind;	/* SP_HK_NONE: no marker */
	long number;
} marker_table[] = {
	/* Parts: sp-split -d opens a document at them. */
	{ "第一篇：在全市机关干部大会上的讲话", SP_HK_PIAN, 1 },
	{ "第１２篇 讲话", SP_HK_PIAN, 12 },
	{ "第1001篇 标题", SP_HK_PIAN, 1001 },
	{ "第壹篇 讲话", SP_HK_PIAN, 1 },
	{ "杭州市政协十一届三次会议篇一", SP_HK_PIAN_TAIL, 1 },
	{ "第二部分 工作安排", SP_HK_BUFEN, 2 },
	/* The law. */
	{ "第二编　物权", SP_HK_BIAN, 2 },
	{ "第一分编  通则", SP_HK_FENBIAN, 1 },
	{ "第十二章 附则", SP_HK_ZHANG, 12 },
	{ "第一节  不动产登记", SP_HK_JIE, 1 },
	{ "第二十条 为了规范管理，制定本条例。", SP_HK_TIAO, 20 },
	{ "第二十条之一 违反本法规定的，处罚款。", SP_HK_TIAO, 20 },
	/* GB/T 9704 levels, every width. */
	{ "一、2024年工作回顾", SP_HK_CN_DUN, 1 },
	{ "三、2025年政府工作任务", SP_HK_CN_DUN, 3 },
	{ "一、三年来的斗争和新时期的总任务", SP_HK_CN_DUN, 1 },
	{ "十一、其他", SP_HK_CN_DUN, 11 },
	{ "二 、设计部招聘技术人员", SP_HK_CN_DUN, 2 },
	{ "一．总体要求", SP_HK_CN_DUN, 1 },
	{ "（一）服务企业，大力帮扶企业发展。企业是…", SP_HK_CN_PAREN, 1 },
	{ "(二)服务项目", SP_HK_CN_PAREN, 2 },
	{ "㈢加强领导", SP_HK_CN_PAREN, 3 },
	{ "1.围绕主题", SP_HK_NUM_DOT, 1 },
	{ "2、认真履职", SP_HK_NUM_DOT, 2 },
	{ "１．加强学习", SP_HK_NUM_DOT, 1 },
	{ "1 、應用范圍廣，適用于各種包裝袋", SP_HK_NUM_DOT, 1 },
	{ "（3）第三点", SP_HK_NUM_PAREN, 3 },
	{ "⑴统一思想", SP_HK_NUM_PAREN, 1 },
	{ "①第一项工作", SP_HK_CIRCLED, 1 },
	{ "1）准备材料", SP_HK_NUM_RPAREN, 1 },
	/* Items. */
	{ "第一，要想干事。", SP_HK_DI, 1 },
	{ "首先，复杂多变的宏观环境", SP_HK_SEQ, 1 },
	{ "一是落实科学发展", SP_HK_SHI, 1 },
	{ "二要认清发展差距", SP_HK_YAO, 2 },
	/* Not markers. */
	{ "1、2月份累计增长7.0%，3月份增长4.5%，消费对经", SP_HK_NONE, 0 },
	{ "1、3、5号楼已经封顶", SP_HK_NONE, 0 },
	{ "一、二季度经济运行平稳", SP_HK_NONE, 0 },
	{ "3.28亿元", SP_HK_NONE, 0 },
	{ "2009年2月2日", SP_HK_NONE, 0 },
	{ "第三条规定的情形", SP_HK_NONE, 0 },
	{ "第一篇文章写得很好，我们要认真学习。", SP_HK_NONE, 0 },
	{ "第二期", SP_HK_NONE, 0 },
	{ "一个中心就是经济建设", SP_HK_NONE, 0 },
	{ "一、总则……………3", SP_HK_NONE, 0 },
	{ "同志们：", SP_HK_NONE, 0 },
};

#define MARKER_ROWS (sizeof marker_table / sizeof marker_table[0])

#endif
