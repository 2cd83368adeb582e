/*
 * heading_format.c: headings written back: kind names, a marker for a
 * kind, form and number (the next one expected, for --check), and an
 * entry's text.
 */
#include <stdio.h>

#include "heading_int.h"


int
sp_heading_kind_is_item(enum sp_heading_kind k)
{
	return k >= SP_HK_DI && k <= SP_HK_YAO;
}

const char *
sp_heading_kind_name(enum sp_heading_kind k)
{
	static const char *name[SP_HK_NKINDS] = {
		"none", "pian", "bufen", "bian", "fenbian", "zhang", "jie",
		"tiao",
		"pian-tail", "cn-dun", "cn-paren", "num-dot", "num-paren",
		"circled", "num-rparen", "di", "seq", "shi", "yao"
	};

	return (unsigned)k < SP_HK_NKINDS ? name[k] : "none";
}


/* n in the Chinese numerals the marker's form names: 二 or 贰. */
static int
cn_numeral(struct sp_buf *out, unsigned form, long n)
{
	return form & SP_HF_FORMAL ? sp_cn_format_formal(out, n) :
	    sp_cn_format(out, n);
}

int
sp_heading_format_marker(struct sp_buf *out, enum sp_heading_kind kind,
    unsigned form, long n)
{
	char num[32];
	int r = 0;
	int ascii = !(form & SP_HF_DIGITS_FULL);

	/* An Arabic number in the marker's digits. */
#define ARABIC() do { \
	if (ascii) { \
		snprintf(num, sizeof num, "%ld", n); \
		r |= sp_buf_puts(out, num); \
	} else { \
		snprintf(num, sizeof num, "%ld", n); \
		for (char *p = num; *p; p++) \
			r |= sp_buf_put_cp(out, 0xFF10 + (*p - '0')); \
	} \
} while (0)

	if (form & SP_HF_ENCLOSED) {
		long cp = 0;

		switch (kind) {
		case SP_HK_CN_PAREN:
			if (n >= 1 && n <= 10)
				cp = 0x321F + n;
			break;
		case SP_HK_NUM_PAREN:
			if (n >= 1 && n <= 20)
				cp = 0x2473 + n;
			break;
		case SP_HK_NUM_DOT:
			if (n >= 1 && n <= 20)
				cp = 0x2487 + n;
			break;
		case SP_HK_CIRCLED:
			if (form & SP_HF_IDEOGRAPH)
				cp = n >= 1 && n <= 10 ? 0x327F + n : 0;
			else
				cp = n >= 1 && n <= 20 ? 0x245F + n :
				    n <= 35 ? 0x3251 + n - 21 :
				    n <= 50 ? 0x32B1 + n - 36 : 0;
			break;
		default:
			break;
		}
		if (cp)
			return sp_buf_put_cp(out, cp);
		/* Beyond the enclosed characters: say it in parentheses. */
		r |= sp_buf_puts(out, "（");
		ARABIC();
		r |= sp_buf_puts(out, "）");
		return r ? -1 : 0;
	}
	if (form & SP_HF_OPEN_FULL)
		r |= sp_buf_puts(out, "（");
	if (form & SP_HF_OPEN_HALF)
		r |= sp_buf_putc(out, '(');
	switch (kind) {
	case SP_HK_PIAN: case SP_HK_BUFEN: case SP_HK_BIAN: case SP_HK_FENBIAN:
	case SP_HK_ZHANG: case SP_HK_JIE: case SP_HK_TIAO: case SP_HK_DI:
		r |= sp_buf_puts(out, "第");
		if (form & SP_HF_ARABIC)
			ARABIC();
		else
			r |= cn_numeral(out, form, n);
		r |= sp_buf_puts(out, kind == SP_HK_PIAN ? "篇" :
		    kind == SP_HK_BUFEN ? "部分" : kind == SP_HK_BIAN ? "编" :
		    kind == SP_HK_FENBIAN ? "分编" :
		    kind == SP_HK_ZHANG ? "章" : kind == SP_HK_JIE ? "节" :
		    kind == SP_HK_TIAO ? "条" : "");
		break;
	case SP_HK_PIAN_TAIL:
		r |= sp_buf_puts(out, "篇");
		r |= cn_numeral(out, form, n);
		break;
	case SP_HK_CN_DUN: case SP_HK_CN_PAREN: case SP_HK_SHI:
	case SP_HK_YAO:
		r |= cn_numeral(out, form, n);
		if (kind == SP_HK_SHI)
			r |= sp_buf_puts(out, "是");
		if (kind == SP_HK_YAO)
			r |= sp_buf_puts(out, "要");
		break;
	case SP_HK_SEQ:
		r |= sp_buf_puts(out, n == 1 ? "首先" : n == 2 ? "其次" :
		    n == 3 ? "再次" : "最后");
		break;
	default:
		ARABIC();
		break;
	}
#undef ARABIC
	if (form & SP_HF_IS)
		r |= sp_buf_puts(out, "是");
	if (form & SP_HF_COMMA_FULL)
		r |= sp_buf_puts(out, "，");
	if (form & SP_HF_COMMA_HALF)
		r |= sp_buf_putc(out, ',');
	if (form & SP_HF_COLON_FULL)
		r |= sp_buf_puts(out, "：");
	if (form & SP_HF_COLON_HALF)
		r |= sp_buf_putc(out, ':');
	if (form & SP_HF_DUN)
		r |= sp_buf_puts(out, "、");
	if (form & SP_HF_DOT_FULL)
		r |= sp_buf_puts(out, "．");
	if (form & SP_HF_DOT_HALF)
		r |= sp_buf_putc(out, '.');
	if (form & SP_HF_CLOSE_FULL)
		r |= sp_buf_puts(out, "）");
	if (form & SP_HF_CLOSE_HALF)
		r |= sp_buf_putc(out, ')');
	return r ? -1 : 0;
}

int
sp_heading_entry_text(const struct sp_heading_entry *e, struct sp_buf *out)
{
	/* …篇一 comes after its title, as written. */
	if (e->h.kind == SP_HK_PIAN_TAIL)
		return sp_buf_append(out, e->title, e->title_len) < 0 ||
		    sp_buf_append(out, e->marker, e->marker_len) < 0 ? -1 : 0;
	if (sp_buf_append(out, e->marker, e->marker_len) < 0)
		return -1;
	if (e->title_len == 0)
		return 0;
	if (is_part_kind(e->h.kind) && sp_buf_putc(out, ' ') < 0)
		return -1;
	return sp_buf_append(out, e->title, e->title_len);
}
