/*
 * heading_opens.h: the characters beyond ASCII (U+0080..U+FFFF) that a
 * heading's marker may open with (may_open_marker_cp()) or that are
 * blank (sp_is_blank()), as ranges of code points, in order.
 *
 * heading_quiet.c builds its bitmaps from these ranges; asking the two
 * functions of all 65,408 code points at every run's start cost 1.8
 * million instructions, the whole of a run on a small file.  The unit
 * test (tests/unit/test_heading.c) asks them again, code point by code
 * point, and fails when the table and they part.
 */
#ifndef SP_HEADING_OPENS_H
#define SP_HEADING_OPENS_H
#include <stdint.h>

struct sp_cp_range {
	uint16_t first, last;
};

static const struct sp_cp_range sp_heading_opens[] = {
	{ 0x00A0, 0x00A0 },	/* NBSP */
	{ 0x1680, 0x1680 },	/* OGHAM SPACE MARK */
	{ 0x2000, 0x200B },	/* EN QUAD .. ZERO WIDTH SPACE */
	{ 0x202F, 0x202F },	/* NARROW NBSP */
	{ 0x205F, 0x205F },	/* MEDIUM MATHEMATICAL SPACE */
	{ 0x2460, 0x249B },	/* ① .. ⒛, ⑴ and ⒈ among them */
	{ 0x3000, 0x3000 },	/* IDEOGRAPHIC SPACE */
	{ 0x3220, 0x32BF },	/* ㈠ .. ㊿ */
	{ 0x4E00, 0x4E00 },	/* 一 */
	{ 0x4E03, 0x4E03 },	/* 七 */
	{ 0x4E09, 0x4E09 },	/* 三 */
	{ 0x4E5D, 0x4E5D },	/* 九 */
	{ 0x4E8C, 0x4E8C },	/* 二 */
	{ 0x4E94, 0x4E94 },	/* 五 */
	{ 0x4F0D, 0x4F0D },	/* 伍 */
	{ 0x5169, 0x5169 },	/* 兩 */
	{ 0x516B, 0x516B },	/* 八 */
	{ 0x516D, 0x516D },	/* 六 */
	{ 0x5176, 0x5176 },	/* 其 */
	{ 0x518D, 0x518D },	/* 再 */
	{ 0x5341, 0x5341 },	/* 十 */
	{ 0x53C1, 0x53C1 },	/* 叁 */
	{ 0x53C3, 0x53C3 },	/* 參 */
	{ 0x56DB, 0x56DB },	/* 四 */
	{ 0x58F9, 0x58F9 },	/* 壹 */
	{ 0x62FE, 0x62FE },	/* 拾 */
	{ 0x634C, 0x634C },	/* 捌 */
	{ 0x6700, 0x6700 },	/* 最 */
	{ 0x67D2, 0x67D2 },	/* 柒 */
	{ 0x7396, 0x7396 },	/* 玖 */
	{ 0x76EE, 0x76EE },	/* 目 */
	{ 0x7B2C, 0x7B2C },	/* 第 */
	{ 0x8086, 0x8086 },	/* 肆 */
	{ 0x8CB3, 0x8CB3 },	/* 貳 */
	{ 0x8D30, 0x8D30 },	/* 贰 */
	{ 0x9646, 0x9646 },	/* 陆 */
	{ 0x9678, 0x9678 },	/* 陸 */
	{ 0x9996, 0x9996 },	/* 首 */
	{ 0xFEFF, 0xFEFF },	/* BOM, ZERO WIDTH NBSP */
	{ 0xFF08, 0xFF08 },	/* （ */
	{ 0xFF10, 0xFF19 },	/* ０ .. ９ */
};

#define SP_HEADING_OPENS (sizeof sp_heading_opens / sizeof sp_heading_opens[0])

#endif
