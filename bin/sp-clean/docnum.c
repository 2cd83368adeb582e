/*
 * docnum.c: a line that is a document number (docnum.h).
 */
#include "docnum.h"

#include "cjk.h"
#include "linefeat.h"
#include "zh.h"

/* The longest issuer's short name, and the longest label before it. */
#define ISSUER_MAX	12
/* Serial numbers run to thousands, never more. */
#define SERIAL_MAX	5

/* The bracket that closes open, or 0 when open opens no year. */
static int32_t
closing(int32_t open)
{
	switch (open) {
	case 0x3014: return 0x3015;	/* 〔 〕 */
	case '[': return ']';
	case 0xFF3B: return 0xFF3D;	/* ［ ］ */
	case 0x3010: return 0x3011;	/* 【 】 */
	case 0xFF08: return 0xFF09;	/* （ ） */
	case '(': return ')';
	case 0x3016: return 0x3017;	/* 〖 〗 */
	case 0xFE5D: return 0xFE5E;	/* ﹝ ﹞ */
	default: return 0;
	}
}

/* The number of digits from s[*i], moved past them and blank space. */
static size_t
digits(const char *s, size_t n, size_t *i)
{
	size_t k, count = 0;
	int32_t cp;

	*i = sp_skip_blank(s, n, *i);
	while (*i < n && (k = sp_cp_at(s, n, *i, &cp)) &&
	    sp_digit_value(cp) >= 0) {
		count++;
		*i += k;
	}
	*i = sp_skip_blank(s, n, *i);
	return count;
}

size_t
docnum_label(const char *s, size_t n)
{
	size_t j = 0, k, han = 0;
	int32_t cp;

	while (j < n && han <= DOCNUM_LABEL) {
		k = sp_cp_at(s, n, j, &cp);
		if (cp == 0xFF1A || cp == ':')
			return han > 0 ? sp_skip_blank(s, n, j + k) : 0;
		if (sp_is_han(cp))
			han++;
		else if (!sp_is_blank(cp))
			return 0;
		j += k;
	}
	return 0;
}

/* Past a label set off by blank space alone (文号 国发…), or i. */
static size_t
past_blank_label(const char *s, size_t n, size_t i)
{
	size_t j = i, k, han = 0;
	int32_t cp;

	while (j < n && han <= DOCNUM_LABEL && (k = sp_cp_at(s, n, j, &cp)) &&
	    sp_is_han(cp)) {
		han++;
		j += k;
	}
	if (han == 0 || han > DOCNUM_LABEL || sp_skip_blank(s, n, j) == j)
		return i;
	return sp_skip_blank(s, n, j);
}

/* Is s[i..n) a document number and nothing else, blank space aside? */
static int
number_at(const char *s, size_t n, size_t i)
{
	size_t k, issuer = 0, han = 0, year;
	int32_t cp, close;

	/* The issuer: Han characters, a Latin letter or two among them. */
	while (i < n && (k = sp_cp_at(s, n, i, &cp)) &&
	    (sp_is_han(cp) || (cp < 0x80 && sp_is_alnum(cp) &&
	    sp_digit_value(cp) < 0))) {
		issuer++;
		han += sp_is_han(cp);
		i += k;
	}
	if (han == 0 || issuer > ISSUER_MAX || i >= n)
		return 0;
	i += sp_cp_at(s, n, i, &cp);
	if ((close = closing(cp)) == 0)
		return 0;
	year = digits(s, n, &i);
	if (year != 4 || i >= n)
		return 0;
	i += sp_cp_at(s, n, i, &cp);
	if (cp != close)
		return 0;
	i = sp_skip_blank(s, n, i);
	if (i < n && sp_cp_at(s, n, i, &cp) && cp == 0x7B2C)	/* 第 */
		i += 3;
	k = digits(s, n, &i);
	if (k == 0 || k > SERIAL_MAX || i >= n)
		return 0;
	i += sp_cp_at(s, n, i, &cp);
	return cp == 0x53F7 && sp_skip_blank(s, n, i) == n;	/* 号 */
}

/*
 * Does s[0..n) end in 号, blank space aside?  A number does (number_at()
 * reads 号 and blank space to the end), and few other lines: the rest are
 * told from their ends, not by reading them from the start for a label
 * (perf: docnum_label 3.1% of sp-clean on naive dumps).
 */
static int
ends_in_hao(const char *s, size_t n)
{
	size_t k;
	int32_t cp;

	while (n > 0) {
		cp = lf_last(s, n, &k);
		if (!sp_is_blank(cp))
			return cp == 0x53F7;
		n -= k;
	}
	return 0;
}

int
docnum_line(const char *s, size_t n)
{
	size_t i, j;

	if (!ends_in_hao(s, n))
		return 0;
	i = sp_skip_blank(s, n, 0);

	if (number_at(s, n, i + docnum_label(s + i, n - i)))
		return 1;
	j = past_blank_label(s, n, i);
	return j != i && number_at(s, n, j);
}
