/* lint.c: numbering problems of one heading; see lint.h. */
#include "lint.h"

/* Do two kinds count one sequence?  第一篇 and …篇二 do; 首先 and 第二 too. */
static int
same_sequence(enum sp_heading_kind a, enum sp_heading_kind b)
{
	if (a == SP_HK_PIAN_TAIL)
		a = SP_HK_PIAN;
	if (b == SP_HK_PIAN_TAIL)
		b = SP_HK_PIAN;
	if (a == SP_HK_SEQ)
		a = SP_HK_DI;
	if (b == SP_HK_SEQ)
		b = SP_HK_DI;
	return a == b;
}

/*
 * Is a marker written unlike the first of its level?  Items may change
 * their delimiter (首先，… 第二是…) but not its width (第一， 第二,).
 */
static int
mixed(enum sp_heading_kind k, unsigned form, unsigned first)
{
	const unsigned comma = SP_HF_COMMA_FULL | SP_HF_COMMA_HALF;
	const unsigned colon = SP_HF_COLON_FULL | SP_HF_COLON_HALF;

	if (!sp_heading_kind_is_item(k))
		return form != first;
	return ((form & comma) && (first & comma) &&
	    (form & comma) != (first & comma)) || ((form & colon) &&
	    (first & colon) && (form & colon) != (first & colon));
}

static int
expected(struct sp_buf *out, const struct sp_heading_entry *e, long n)
{
	return sp_heading_format_marker(out, e->h.kind, e->h.form, n);
}

/*
 * The marker of article n's sub-article sub (第二条之一): the article's,
 * then 之 and sub in Chinese numerals, as 一、 writes them.
 */
/* Appends 之 and sub in Chinese numerals, as 一、 writes them. */
static int
put_sub(struct sp_buf *out, long sub)
{
	struct sp_buf num = SP_BUF_INIT;
	int r;

	r = sp_buf_puts(out, "\xE4\xB9\x8B");		/* 之 */
	r |= sp_heading_format_marker(&num, SP_HK_CN_DUN, SP_HF_DUN, sub);
	if (num.len >= 3)	/* without its 、 */
		r |= sp_buf_append(out, num.data, num.len - 3);
	sp_buf_free(&num);
	return r;
}

static int
expected_sub(struct sp_buf *out, const struct sp_heading_entry *e, long n,
    long sub)
{
	return expected(out, e, n) | put_sub(out, sub);
}

int
lint_heading(const struct sp_heading_entry *e, struct sp_buf *out)
{
	long n = e->h.number, prev = e->prev_number;
	int problems = 0, r = 0;
	const char *what = NULL;

	/* 最后 has no number; …篇X are numbered by their site, loosely. */
	if (n <= 0)
		return 0;
	/* 第二十条之一 follows 第二十条, 之二 follows 之一. */
	if (e->h.sub > 0 && prev == n && e->prev_sub == e->h.sub - 1 &&
	    same_sequence(e->prev_kind, e->h.kind))
		;
	else if (e->h.sub > 0 && prev == n &&
	    same_sequence(e->prev_kind, e->h.kind)) {
		/* 第二条之二 after 第二条: a sub-article left out, not a
		 * repeat. */
		r |= sp_buf_append(out, e->marker, e->marker_len);
		r |= sp_buf_puts(out, " follows ");
		r |= sp_buf_puts(out, e->prev_marker);
		r |= sp_buf_puts(out, e->h.sub > e->prev_sub ? ": expected " :
		    e->h.sub == e->prev_sub ? ": repeated, expected " :
		    ": out of order, expected ");
		r |= expected_sub(out, e, n, e->prev_sub + 1);
		r |= sp_buf_putc(out, '\n');
		problems++;
	} else if (prev < 0 || !same_sequence(e->prev_kind, e->h.kind) ||
	    e->prev_number <= 0) {
		if (n != 1 && prev < 0 && e->h.kind != SP_HK_SEQ) {
			r |= sp_buf_append(out, e->marker, e->marker_len);
			r |= sp_buf_puts(out, " opens its level: expected ");
			r |= expected(out, e, 1);
			r |= sp_buf_putc(out, '\n');
			problems++;
		}
	} else if (n == 1 && e->item && e->line > e->prev_line + 1) {
		/*
		 * A list of items begun again after text between: a law's
		 * second paragraph (款) holding its own list, …下列人员：
		 * （一）…, no numbering that restarts.
		 */
	} else if (n != prev + 1) {
		if (n == prev)
			what = "repeated, expected ";
		else if (n == 1)
			what = "numbering restarts, expected ";
		else if (n < prev)
			what = "out of order, expected ";
		else
			what = "expected ";
		r |= sp_buf_append(out, e->marker, e->marker_len);
		r |= sp_buf_puts(out, " follows ");
		r |= sp_buf_puts(out, e->prev_marker);
		r |= sp_buf_puts(out, ": ");
		r |= sp_buf_puts(out, what);
		r |= expected(out, e, prev + 1);
		r |= sp_buf_putc(out, '\n');
		problems++;
	}
	if (mixed(e->h.kind, e->h.form, e->first_form)) {
		r |= sp_buf_append(out, e->marker, e->marker_len);
		r |= sp_buf_puts(out, (e->h.form ^ e->first_form) &
		    SP_HF_FORMAL ? " mixes formal numerals with its level: "
		    "expected " : " mixes widths with its level: expected ");
		r |= sp_heading_format_marker(out, e->h.kind, e->first_form, n);
		if (e->h.sub > 0)	/* 第4条之一: 第四条之一 */
			r |= put_sub(out, e->h.sub);
		r |= sp_buf_putc(out, '\n');
		problems++;
	}
	return r ? -1 : problems;
}
