/* zh.c: code points, blanks and numerals of Chinese text; see zh.h. */
#include "zh.h"

size_t
sp_cp_before(const char *s, size_t i)
{
	size_t j = i - 1;

	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

size_t
sp_skip_blank(const char *s, size_t n, size_t i)
{
	int32_t cp;
	size_t l;

	while (i < n) {
		l = sp_cp_at(s, n, i, &cp);
		if (!sp_is_blank(cp))
			break;
		i += l;
	}
	return i;
}

/*
 * The blanks of sp_is_blank() by their bytes, not decoded: most calls
 * come at a lead byte of Chinese punctuation (E3 80 8x: 。、「」), which
 * one compare refuses.  Only the exact encodings match, as a decoded
 * invalid sequence (U+FFFD) is no blank.
 */
size_t
sp_blank_len(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	switch (u[0]) {
	case ' ': case '\t': case '\r':
		return 1;
	case 0xC2:		/* U+00A0 */
		return n >= 2 && u[1] == 0xA0 ? 2 : 0;
	case 0xE1:		/* U+1680 */
		return n >= 3 && u[1] == 0x9A && u[2] == 0x80 ? 3 : 0;
	case 0xE2:		/* U+2000-U+200B, U+202F, U+205F */
		return n >= 3 && ((u[1] == 0x80 && ((u[2] >= 0x80 &&
		    u[2] <= 0x8B) || u[2] == 0xAF)) ||
		    (u[1] == 0x81 && u[2] == 0x9F)) ? 3 : 0;
	case 0xE3:		/* U+3000 */
		return n >= 3 && u[1] == 0x80 && u[2] == 0x80 ? 3 : 0;
	case 0xEF:		/* U+FEFF */
		return n >= 3 && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
	default:
		return 0;
	}
}

int
sp_cn_value(int32_t cp)
{
	if (cp < 0x3007)
		return -1;
	switch (cp) {
	case 0x3007: case 0x96F6: return 0;		/* 〇 零 */
	case 0x4E00: case 0x58F9: return 1;		/* 一 壹 */
	case 0x4E8C: case 0x4E24: case 0x5169:		/* 二 两 兩 */
	case 0x8D30: case 0x8CB3: return 2;		/* 贰 貳 */
	case 0x4E09: case 0x53C1: case 0x53C3: return 3;	/* 三 叁 參 */
	case 0x56DB: case 0x8086: return 4;		/* 四 肆 */
	case 0x4E94: case 0x4F0D: return 5;		/* 五 伍 */
	case 0x516D: case 0x9646: case 0x9678: return 6;	/* 六 陆 陸 */
	case 0x4E03: case 0x67D2: return 7;		/* 七 柒 */
	case 0x516B: case 0x634C: return 8;		/* 八 捌 */
	case 0x4E5D: case 0x7396: return 9;		/* 九 玖 */
	case 0x5341: case 0x62FE: return 10;		/* 十 拾 */
	case 0x767E: case 0x4F70: return 100;		/* 百 佰 */
	case 0x5343: case 0x4EDF: return 1000;		/* 千 仟 */
	}
	return -1;
}

int
sp_is_cn_numeral(int32_t cp)
{
	return sp_cn_value(cp) >= 0;
}

long
sp_cn_number(const char *s, size_t n, size_t *used)
{
	int v[8];
	int count = 0, units = 0, i, cur = -1, last = 100000;
	long total = 0;
	size_t at = 0, l;
	int32_t cp;

	*used = 0;
	while (at < n && count < 8) {
		l = sp_cp_at(s, n, at, &cp);
		if ((v[count] = sp_cn_value(cp)) < 0)
			break;
		units += v[count] >= 10;
		count++;
		at += l;
	}
	if (count == 0)
		return -1;
	if (!units) {
		/* 五, or digit by digit: 二〇二〇. */
		if (count > 4)
			return -1;
		for (i = 0; i < count; i++)
			total = total * 10 + v[i];
		*used = at;
		return total;
	}
	for (i = 0; i < count; i++) {
		if (v[i] >= 10) {
			if (v[i] >= last)
				return -1;
			total += (cur < 0 ? 1 : cur) * v[i];
			last = v[i];
			cur = -1;
		} else if (v[i] == 0) {
			if (cur > 0)
				return -1;	/* 一零 inside a unit form */
		} else {
			if (cur >= 0)
				return -1;	/* two digits in a row */
			cur = v[i];
		}
	}
	if (cur > 0)
		total += cur;
	*used = at;
	return total;
}

long
sp_arabic_number(const char *s, size_t n, int max, size_t *used, int *full)
{
	long v = 0;
	int count = 0, d;
	size_t at = 0, l;
	int32_t cp;

	*full = 0;
	*used = 0;
	while (at < n) {
		l = sp_cp_at(s, n, at, &cp);
		if ((d = sp_digit_value(cp)) < 0)
			break;
		v = v * 10 + d;
		*full |= cp >= 0xFF10;
		if (++count > max)
			return -1;
		at += l;
	}
	*used = at;
	return count ? v : -1;
}

long
sp_any_number(const char *s, size_t n, size_t *used)
{
	long v = sp_cn_number(s, n, used);
	int full;

	if (v >= 0)
		return v;
	return sp_arabic_number(s, n, 4, used, &full);
}

/*
 * Appends n in the numerals digit[] and unit[] give: ordinary (一 十) or
 * formal (壹 拾), the same rules for both.
 */
static int
cn_format(struct sp_buf *out, long n, const char *const *digit,
    const char *const *unit)
{
	int d[4], i, top, zero = 0;

	if (n <= 0 || n > 9999)
		return sp_buf_puts(out, digit[0]);
	for (i = 0; i < 4; i++, n /= 10)
		d[i] = n % 10;
	for (top = 3; d[top] == 0; top--)
		;
	for (i = top; i >= 0; i--) {
		if (d[i] == 0) {
			zero = 1;
			continue;
		}
		if (zero && sp_buf_puts(out, digit[0]) < 0)
			return -1;
		zero = 0;
		/* 十, 十一 rather than 一十 at the head. */
		if (!(i == 1 && top == 1 && d[i] == 1) &&
		    sp_buf_puts(out, digit[d[i]]) < 0)
			return -1;
		if (sp_buf_puts(out, unit[i]) < 0)
			return -1;
	}
	return 0;
}

int
sp_cn_format(struct sp_buf *out, long n)
{
	static const char *const digit[] = { "零", "一", "二", "三", "四",
	    "五", "六", "七", "八", "九" };
	static const char *const unit[] = { "", "十", "百", "千" };

	return cn_format(out, n, digit, unit);
}

int
sp_cn_format_formal(struct sp_buf *out, long n)
{
	static const char *const digit[] = { "零", "壹", "贰", "叁", "肆",
	    "伍", "陆", "柒", "捌", "玖" };
	static const char *const unit[] = { "", "拾", "佰", "仟" };

	return cn_format(out, n, digit, unit);
}

int
sp_cn_is_formal(int32_t cp)
{
	switch (cp) {
	case 0x58F9: case 0x8D30: case 0x8CB3: case 0x53C1: case 0x53C3:
	case 0x8086: case 0x4F0D: case 0x9646: case 0x9678: case 0x67D2:
	case 0x634C: case 0x7396: case 0x62FE: case 0x4F70: case 0x4EDF:
		return 1;	/* 壹 贰 貳 叁 參 肆 伍 陆 陸 柒 捌 玖 拾 佰 仟 */
	}
	return 0;
}
