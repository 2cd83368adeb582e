/* markers.c: document markers; see markers.h. */
#include <string.h>

#include "cjk.h"
#include "markers.h"
#include "regex.h"
#include "split.h"
#include "tool.h"
#include "heading.h"
#include "utf8.h"
#include "zh.h"

#define MAX_TITLE 60		/* characters in a marker line */

/* A character of a numeral, Chinese (formal forms too) or Arabic. */
static int
numeral_char(int32_t cp)
{
	return sp_is_cn_numeral(cp) || sp_digit_value(cp) >= 0;
}

/* Bytes of the number at s[i] (a well-formed one), or 0. */
static size_t
numeral(const char *s, size_t n, size_t i)
{
	size_t used;

	return sp_any_number(s + i, n - i, &used) > 0 ? used : 0;
}

static int
starts(const char *s, size_t n, size_t i, const char *w)
{
	size_t l = strlen(w);

	return n - i >= l && memcmp(s + i, w, l) == 0;
}

/* After "范文一" or "篇一": the end, or anything but a letter or digit. */
static int
delimited(const char *s, size_t n, size_t i)
{
	size_t len;
	int32_t cp;

	if (i >= n)
		return 1;
	cp = sp_cp_get(s, n, i, &len);
	return !sp_is_han(cp) && !sp_is_alnum(cp);
}

static const char *const opens[] = { "【", "[", "［", "〖", "（", "(", NULL };
static const char *const closes[] = { "】", "]", "］", "〗", "）", ")", NULL };

static size_t
bracket(const char *s, size_t n, size_t i, const char *const *set)
{
	for (; *set; set++)
		if (starts(s, n, i, *set))
			return strlen(*set);
	return 0;
}

void
marker_trim(const char **s, size_t *n)
{
	size_t b, l;

	if (*n >= 3 && memcmp(*s, "\xEF\xBB\xBF", 3) == 0) {
		*s += 3;
		*n -= 3;
	}
	while (*n > 0 && (b = sp_blank_len(*s, *n)) > 0) {
		*s += b;
		*n -= b;
	}
	while (*n > 0 && sp_is_blank(sp_cp_get(*s, *n, b = sp_cp_before(*s,
	    *n), &l)))
		*n = b;
}

/* Does t[0..m) end in 篇 and a numeral, maybe in brackets? */
static int
ends_in_pian(const char *t, size_t m)
{
	size_t e = m, k;

	for (k = 0; closes[k]; k++) {
		size_t l = strlen(closes[k]);

		if (e >= l && memcmp(t + e - l, closes[k], l) == 0) {
			e -= l;
			break;
		}
	}
	k = e;
	while (k > 0) {
		size_t p = k - 1, len;

		while (p > 0 && ((unsigned char)t[p] & 0xC0) == 0x80)
			p--;
		if (!numeral_char(sp_cp_get(t, e, p, &len)))
			break;
		k = p;
	}
	return k < e && e - k <= 18 && k >= 3 &&
	    memcmp(t + k - 3, "篇", 3) == 0 && numeral(t, e, k) == e - k;
}

int
marker_builtin(const char *s, size_t n)
{
	const char *t = s;
	size_t m = n, i = 0, b, num;
	struct sp_heading h;

	marker_trim(&t, &m);
	if (m == 0 || memmem(t, m, "。", 3) != NULL ||
	    count_chars(t, m) > MAX_TITLE)
		return 0;
	/* 第一篇…, as the heading recognizer reads it. */
	if (sp_heading_match(t, m, 0, &h) && h.kind == SP_HK_PIAN)
		return 1;
	/* 【篇一】 【第一篇】 【范文一】 */
	if ((b = bracket(t, m, 0, opens)) > 0) {
		i = b;
		if (starts(t, m, i, "第") && (num = numeral(t, m, i + 3)) > 0 &&
		    starts(t, m, i + 3 + num, "篇"))
			i += 6 + num;
		else if (starts(t, m, i, "篇") &&
		    (num = numeral(t, m, i + 3)) > 0)
			i += 3 + num;
		else if (starts(t, m, i, "范文") &&
		    (num = numeral(t, m, i + 6)) > 0)
			i += 6 + num;
		else
			i = 0;
		if (i > 0 && bracket(t, m, i, closes) > 0)
			return 1;
	}
	/* 范文一：… 篇一：… */
	if (starts(t, m, 0, "范文") && (num = numeral(t, m, 6)) > 0 &&
	    delimited(t, m, 6 + num))
		return 1;
	if (starts(t, m, 0, "篇") && (num = numeral(t, m, 3)) > 0 &&
	    delimited(t, m, 3 + num))
		return 1;
	/* …篇一 */
	return ends_in_pian(t, m);
}

static struct pattern {
	pcre2_code *code;
	pcre2_match_data *md;
	const char *source;
	int warned;
} *patterns;
static int npatterns;
static pcre2_match_context *mctx;
static struct sp_buf subject;	/* a line with bad bytes (regex.h) */

void
markers_add_pattern(const char *source)
{
	struct pattern *p;
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	if (mctx == NULL) {
		if ((mctx = pcre2_match_context_create(NULL)) == NULL)
			sp_oom();
		/* A pattern that backtracks wildly gives up, not hangs. */
		pcre2_set_match_limit(mctx, 1000000);
		pcre2_set_depth_limit(mctx, 10000);
		pcre2_set_heap_limit(mctx, 65536);	/* KiB */
	}
	patterns = sp_xrealloc(patterns, (size_t)(npatterns + 1) *
	    sizeof *patterns);
	p = &patterns[npatterns];
	p->source = source;
	p->warned = 0;
	p->code = sp_re_compile(source, strlen(source), PCRE2_UCP, &err, &off);
	if (p->code == NULL) {
		pcre2_get_error_message(err, msg, sizeof msg);
		sp_usage_error("--marker '%.200s': %s at offset %zu", source,
		    (char *)msg, (size_t)off);
	}
	if ((p->md = pcre2_match_data_create_from_pattern(p->code, NULL)) ==
	    NULL)
		sp_oom();
	npatterns++;
}

int
markers_user_count(void)
{
	return npatterns;
}

int
marker_line(const char *s, size_t n, const char *file, uint64_t line)
{
	int k, rc;
	PCRE2_UCHAR msg[256];

	if (marker_builtin(s, n))
		return 1;
	if (npatterns > 0)
		s = sp_re_subject(s, n, &subject);
	for (k = 0; k < npatterns; k++) {
		struct pattern *p = &patterns[k];

		rc = sp_re_match(p->code, s, n, p->md, mctx);
		if (rc >= 0)
			return 1;
		if (rc != PCRE2_ERROR_NOMATCH && !p->warned) {
			p->warned = 1;
			pcre2_get_error_message(rc, msg, sizeof msg);
			sp_warn(file, "line %llu: --marker '%.200s': %s: taken as "
			    "no marker (warned once)", (unsigned long long)line,
			    p->source, (char *)msg);
		}
	}
	return 0;
}
