/* pagenum.c: page numbers left in a document's text; see pagenum.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cjk.h"
#include "hardwrap.h"
#include "linefeat.h"
#include "pagenum.h"
#include "tool.h"
#include "wordlm.h"

/* 第 */
#define ORDINAL 0x7B2C
/* How many candidates back a chain's previous page is looked for: the
 * numbers of a text between two pages are few. */
#define LOOK_BACK 64
/* The largest step between two page numbers of a chain. */
#define MAX_STEP 3
/* The most chains taken: each is a pass over the candidates. */
#define MAX_CHAINS 16
/* The most candidates a document may have: one with more numbers between
 * its words is a table or a list, not a printed text, and is left as it
 * is (the candidates' memory stays a few megabytes). */
#define MAX_CANDS 65536

/* The longest line a page number as printers set it may be, in bytes. */
#define DECORATED_MAX 64

/* A number with text on both sides: a page number if it is in a chain. */
struct cand {
	size_t from, to;	/* the bytes it takes: number and spaces */
	unsigned value;
	int han_both;		/* between two Han characters */
	int cuts_word;		/* ... which make a word without it */
	size_t chain;		/* the longest chain ending with it */
	size_t prev;		/* the candidate before in that chain */
	int taken;		/* PAGE, REFUSED, BY_UNIT, FILLED or 0 */
	int printed;		/* PRINTED, PRINTED_TOTAL: a line of its own */
};

/* What a candidate was taken for. */
#define PAGE 1		/* a page number */
#define REFUSED 2	/* of a chain that is not page numbers */
#define BY_UNIT 3	/* before a measure word: see fill_gaps() */
#define FILLED 4	/* a gap filled, a page number once all are */

#define NONE ((size_t)-1)

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Did the page break inside a paragraph, between the line that ends at
 * doc[end] ('\n') and the one that starts at doc[next]?  Not when the
 * line before ends a sentence, nor when the line after is a heading or
 * an item, nor when the line before is one, unless a sentence ends
 * inside it: a heading run in with its paragraph (一、提高认识。民以食为
 * 天，…是国家 / 安全的…).
 */
static int
broke_paragraph(const char *doc, size_t len, size_t end, size_t next,
    int32_t last)
{
	const char *nl;
	size_t start = end;
	struct lf_features f;

	if (lf_is_final(last))
		return 0;
	while (start > 0 && doc[start - 1] != '\n')
		start--;
	nl = memchr(doc + next, '\n', len - next);
	if (lf_marker(doc + next, (nl ? (size_t)(nl - doc) : len) - next,
	    NULL) != LF_NONE)
		return 0;
	if (lf_marker(doc + start, end - start, NULL) == LF_NONE)
		return 1;
	lf_scan(doc + start, end - start, &f);
	return f.inner_sentence > 0;
}

/*
 * A number on a line of its own, doc[i..j) between '\n' and '\n': left
 * and right are the characters before and after the two breaks.  Where
 * the page broke inside a paragraph, the number goes with both breaks
 * and the halves are one line again; otherwise it goes with its line.
 */
static int
own_line(const char *doc, size_t len, size_t i, size_t j, struct cand *c,
    int32_t *left, int32_t *right)
{
	size_t k;

	if (i < 2 || j + 1 >= len || doc[j] != '\n' || doc[j + 1] == '\n' ||
	    doc[i - 2] == '\n')
		return 0;
	*left = lf_last(doc, i - 1, &k);
	*right = lf_first(doc + j + 1, len - j - 1, &k);
	c->from = broke_paragraph(doc, len, i - 1, j + 1, *left) ? i - 1 : i;
	c->to = j + 1;
	return 1;
}

/*
 * A number inside a line, doc[i..j): a space and Chinese text after it,
 * and before it a space after Chinese text, or Chinese punctuation itself.
 */
static int
in_line(const char *doc, size_t len, size_t i, size_t j, struct cand *c,
    int32_t *left, int32_t *right)
{
	size_t k;

	if (j + 1 >= len || doc[j] != ' ')
		return 0;
	*right = lf_first(doc + j + 1, len - j - 1, &k);
	if (i >= 2 && doc[i - 1] == ' ') {
		*left = lf_last(doc, i - 1, &k);
		c->from = i - 1;
	} else if (i >= 1) {
		*left = lf_last(doc, i, &k);
		c->from = i;
		if (!sp_is_cjk_punct(*left))
			return 0;
	} else {
		return 0;
	}
	c->to = j + 1;
	return 1;
}

/*
 * The number doc[i..) (its first digit) as a candidate into *c: one to
 * three digits, no leading zero, inside a line or on a line of its own,
 * with Chinese text on either side; never after 第 or before a measure
 * word (3 个).
 */
static int
candidate(const char *doc, size_t len, size_t i, struct cand *c)
{
	size_t j = i;
	int32_t left, right;

	while (j < len && is_digit(doc[j]))
		j++;
	if (j - i > 3 || doc[i] == '0' || j >= len)
		return 0;
	if (i > 0 && doc[i - 1] == '\n') {
		if (!own_line(doc, len, i, j, c, &left, &right))
			return 0;
	} else if (!in_line(doc, len, i, j, c, &left, &right)) {
		return 0;
	}
	if (!sp_is_cjk(left) || !sp_is_cjk(right) || left == ORDINAL)
		return 0;
	c->value = (unsigned)strtoul(doc + i, NULL, 10);
	c->han_both = sp_is_han(left) && sp_is_han(right);
	c->cuts_word = c->han_both &&
	    wordlm_word((const int32_t[]){ left, right }, 2) >= 0;
	c->chain = 1;
	c->prev = NONE;
	c->printed = 0;
	c->taken = sp_is_han(right) && hardwrap_is_unit(right) ? BY_UNIT : 0;
	return 1;
}

/* Past ASCII spaces and ideographic spaces from doc[i], up to end. */
static size_t
skip_spaces(const char *doc, size_t i, size_t end)
{
	size_t k;

	for (;;) {
		if (i < end && (doc[i] == ' ' || doc[i] == '\t'))
			i++;
		else if (i < end && lf_first(doc + i, end - i, &k) == 0x3000)
			i += k;
		else
			return i;
	}
}

/* Past a run of dashes at doc[i] (- – — － ─), i when there is none. */
static size_t
skip_dashes(const char *doc, size_t i, size_t end)
{
	size_t k;
	int32_t cp;

	while (i < end) {
		cp = lf_first(doc + i, end - i, &k);
		if (cp != '-' && cp != 0x2013 && cp != 0x2014 &&
		    cp != 0xFF0D && cp != 0x2500)
			break;
		i += k;
	}
	return i;
}

/* Past the digits at doc[i] (one to three, no leading zero, as bare
 * page numbers have), or i. */
static size_t
skip_number(const char *doc, size_t i, size_t end)
{
	size_t j = i;

	while (j < end && is_digit(doc[j]))
		j++;
	return j == i || j - i > 3 || doc[i] == '0' ? i : j;
}

/* Past the UTF-8 word w at doc[i], or i. */
static size_t
skip_word(const char *doc, size_t i, size_t end, const char *w)
{
	size_t n = strlen(w);

	return end - i >= n && memcmp(doc + i, w, n) == 0 ? i + n : i;
}

/*
 * Past a count of pages at doc[i], spaces around its number: "1页",
 * " 8 頁" (its number into *value), or i.
 */
static size_t
skip_pages(const char *doc, size_t i, size_t end, unsigned *value)
{
	size_t j = skip_spaces(doc, i, end), k;

	if ((k = skip_number(doc, j, end)) == j)
		return i;
	*value = (unsigned)strtoul(doc + j, NULL, 10);
	j = skip_spaces(doc, k, end);
	if ((k = skip_word(doc, j, end, "页")) == j &&
	    (k = skip_word(doc, j, end, "頁")) == j)
		return i;
	return k;
}

/*
 * Is doc[i..end), a whole line, a page number written as a printer sets
 * it: between dashes (— 1 —, the GB/T 9704 way of official documents;
 * - 1 -, － 1 －), or 第1页 with 共8页 after it or not?  Returns its form
 * (PRINTED_TOTAL with 共8页, which says what it is alone; PRINTED, which
 * a dashed year or a 第12页 of a textbook's text may look like, and which
 * is taken only as one of a rising run of them), or 0; its number in
 * *value.
 */
#define PRINTED 1
#define PRINTED_TOTAL 2

static int
decorated(const char *doc, size_t i, size_t end, unsigned *value)
{
	size_t j, k;
	unsigned total;

	i = skip_spaces(doc, i, end);
	if ((j = skip_dashes(doc, i, end)) > i) {
		j = skip_spaces(doc, j, end);
		if ((k = skip_number(doc, j, end)) == j)
			return 0;
		*value = (unsigned)strtoul(doc + j, NULL, 10);
		j = skip_spaces(doc, k, end);
		if ((k = skip_dashes(doc, j, end)) == j)
			return 0;
		return skip_spaces(doc, k, end) == end ? PRINTED : 0;
	}
	if ((j = skip_word(doc, i, end, "第")) == i ||
	    (k = skip_pages(doc, j, end, value)) == j)
		return 0;
	if ((j = skip_spaces(doc, k, end)) == end)
		return PRINTED;
	if ((k = skip_word(doc, j, end, "，")) > j ||
	    (k = skip_word(doc, j, end, "/")) > j ||
	    (k = skip_word(doc, j, end, "／")) > j)
		j = skip_spaces(doc, k, end);
	if ((k = skip_word(doc, j, end, "共")) == j ||
	    (j = skip_pages(doc, k, end, &total)) == k)
		return 0;
	return skip_spaces(doc, j, end) == end ? PRINTED_TOTAL : 0;
}

/*
 * The start of the line that holds doc[i], when it is at most
 * DECORATED_MAX bytes back (a printed page number's line is short), else
 * NONE.
 */
static size_t
line_start_near(const char *doc, size_t i)
{
	size_t k = i;

	while (k > 0 && doc[k - 1] != '\n') {
		if (i - k >= DECORATED_MAX)
			return NONE;
		k--;
	}
	return k;
}

/*
 * The line at doc[i] (a line's start) as a decorated page number into *c,
 * taken at once: where the page broke inside a paragraph, the halves
 * around it are one line again.  Returns the line's end, or i.
 */
static size_t
decorated_line(const char *doc, size_t len, size_t i, struct cand *c)
{
	const char *nl = memchr(doc + i, '\n', len - i);
	size_t end = nl ? (size_t)(nl - doc) : len, k;

	unsigned value = 0;
	int form;

	if (end == i || end - i > DECORATED_MAX ||
	    (form = decorated(doc, i, end, &value)) == 0)
		return i;
	memset(c, 0, sizeof *c);
	c->value = value;
	c->printed = form;
	c->from = i;
	c->to = end < len ? end + 1 : end;
	if (i >= 2 && doc[i - 2] != '\n' && end + 1 < len &&
	    doc[end + 1] != '\n' &&
	    broke_paragraph(doc, len, i - 1, end + 1, lf_last(doc, i - 1, &k)))
		c->from = i - 1;
	c->chain = 0;
	c->prev = NONE;
	c->taken = PAGE;
	return end;
}

/*
 * Links each candidate not taken to the longest rising chain it can end
 * among those not taken; returns the end of the longest.
 */
static size_t
link_chains(struct cand *c, size_t n)
{
	size_t i, p, best = 0;

	for (i = 0; i < n; i++) {
		c[i].chain = c[i].taken ? 0 : 1;
		c[i].prev = NONE;
		if (c[i].taken)
			continue;
		for (p = i > LOOK_BACK ? i - LOOK_BACK : 0; p < i; p++)
			if (!c[p].taken && c[i].value > c[p].value &&
			    c[i].value - c[p].value <= MAX_STEP &&
			    c[p].chain + 1 > c[i].chain) {
				c[i].chain = c[p].chain + 1;
				c[i].prev = p;
			}
		if (c[i].chain > c[best].chain)
			best = i;
	}
	return best;
}

/* Is the chain ending at c[end] page numbers? */
static int
is_page_run(const struct cand *c, size_t end)
{
	size_t i, between = 0, cuts = 0;

	if (c[end].chain < PAGENUM_RUN)
		return 0;
	for (i = end; i != NONE; i = c[i].prev) {
		between += (size_t)c[i].han_both;
		cuts += (size_t)c[i].cuts_word;
	}
	return cuts >= 2 && 4 * cuts >= between;
}

/* Tells explain of the page numbers, each with the characters on either
 * side and its line breaks written " / " ("习 / 2 / 贯"), in the order of
 * the text. */
static void
tell(const char *doc, size_t len, const struct cand *c, size_t n,
    pagenum_explain_fn *explain, void *ctx)
{
	struct sp_buf b = SP_BUF_INIT;
	size_t i, k, from, to, x;

	for (i = 0; i < n; i++) {
		if (c[i].taken != PAGE)
			continue;
		from = c[i].from;
		while (from > 0 && doc[from - 1] == '\n')
			from--;
		lf_last(doc, from, &k);
		from -= k;
		to = c[i].to;
		lf_first(doc + to, len - to, &k);
		to += k;
		sp_buf_clear(&b);
		for (x = from; x < to; x++)
			if ((doc[x] == '\n' ? sp_buf_puts(&b, " / ") :
			    sp_buf_putc(&b, doc[x])) < 0)
				sp_oom();
		explain(b.data, b.len, ctx);
	}
	sp_buf_free(&b);
}

/* Removes the page numbers from doc[0..*len), in place. */
static void
remove_taken(char *doc, size_t *len, const struct cand *c, size_t n,
    size_t *joins)
{
	size_t i, k, w = 0, r = 0, nl;

	for (i = 0; i < n; i++) {
		if (c[i].taken != PAGE || c[i].from < r)
			continue;
		/* A line break goes with the number's own line; one more
		 * joins the lines it stood between. */
		for (k = c[i].from, nl = 0; k < c[i].to; k++)
			nl += doc[k] == '\n';
		if (nl > 1)
			*joins += nl - 1;
		memmove(doc + w, doc + r, c[i].from - r);
		w += c[i].from - r;
		r = c[i].to;
	}
	memmove(doc + w, doc + r, *len - r);
	*len = w + *len - r;
}

/*
 * Takes the chains of c[0..n), longest first, until none is left of
 * PAGENUM_RUN (or MAX_CHAINS are): a document numbers its pages once, but
 * a page number the text lost (on a line of dots, after a heading) breaks
 * the chain in two.
 * Returns how many are page numbers (taken PAGE).
 */
static size_t
take_chains(struct cand *c, size_t n)
{
	size_t end, i, found = 0, chains;
	int page;

	for (chains = 0; chains < MAX_CHAINS; chains++) {
		end = link_chains(c, n);
		if (c[end].chain < PAGENUM_RUN)
			break;
		page = is_page_run(c, end);
		if (page)
			found += c[end].chain;
		for (i = end; i != NONE; i = c[i].prev)
			c[i].taken = page ? PAGE : REFUSED;
	}
	return found;
}

/*
 * A number before a measure word is the text's (3 个, 5 年), unless its
 * value is the one page number missing from the chain around it: "不 9
 * 分区域" between pages 8 and 10.  Returns how many are.
 */
static size_t
fill_gaps(struct cand *c, size_t n)
{
	size_t i, last = NONE, next = 0, found = 0;

	/* One walk: the page before is remembered, the page after found
	 * once for all the candidates before it. */
	for (i = 0; i < n; i++) {
		if (c[i].taken == PAGE)
			last = i;
		if (c[i].taken != BY_UNIT)
			continue;
		if (next <= i)
			for (next = i + 1; next < n && c[next].taken != PAGE;
			    next++)
				;
		if (last != NONE && next < n &&
		    c[last].value + 1 == c[i].value &&
		    c[i].value + 1 == c[next].value) {
			c[i].taken = FILLED;
			found++;
		}
	}
	for (i = 0; i < n; i++)
		if (c[i].taken == FILLED)
			c[i].taken = PAGE;
	return found;
}

/*
 * The first ASCII digit of doc[i..n), or n.  Eight bytes a test: a byte
 * is a digit when it is below 10 once 0x30 is taken off by XOR, and the
 * test of a word for a byte below 10 (Anderson's hasless()) says truly
 * whether there is none, which, in Chinese text, there mostly is not.
 * The byte at a time it replaces was 5% of sp-clean on the speech pages
 * (callgrind).
 */
static size_t
next_digit(const char *doc, size_t n, size_t i)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, doc + i, 8);
		w ^= 0x30 * ones;
		if (((w - 10 * ones) & ~w & 0x80 * ones) != 0)
			break;
	}
	while (i < n && !is_digit(doc[i]))
		i++;
	return i;
}

/*
 * Keeps the printed page numbers that tell what they are: with their
 * total (第1页 共8页), or two or more of one form rising through the
 * document a step of one to MAX_STEP at a time (— 1 — … — 2 —).  The
 * others, a dashed year of a timeline, a 第12页 a text refers to, are
 * text.  Returns how many are kept.
 */
static size_t
confirm_printed(struct cand *c, size_t n)
{
	size_t i, last = NONE, run = 0, kept = 0;
	int rising = 1;

	for (i = 0; i < n; i++) {
		if (c[i].printed != PRINTED)
			continue;
		if (last != NONE && (c[i].value <= c[last].value ||
		    c[i].value - c[last].value > MAX_STEP))
			rising = 0;
		last = i;
		run++;
	}
	for (i = 0; i < n; i++) {
		if (c[i].printed == 0)
			continue;
		if (c[i].printed == PRINTED && (run < 2 || !rising))
			c[i].taken = REFUSED;
		else
			kept++;
	}
	return kept;
}

size_t
pagenum_strip(char *doc, size_t *len, pagenum_explain_fn *explain, void *ctx,
    size_t *joins)
{
	struct cand *c = NULL, one;
	size_t n = 0, cap = 0, i, removed = 0, printed = 0, end, ls;
	size_t checked = NONE;

	for (i = 0; (i = next_digit(doc, *len, i)) < *len; i++) {
		if ((ls = line_start_near(doc, i)) != NONE && ls != checked &&
		    (checked = ls, end = decorated_line(doc, *len, ls, &one)) >
		    ls) {
			/* Not over the number before, on the line above. */
			if (n > 0 && c[n - 1].to > one.from)
				one.from = ls;
			i = end;
		} else if ((i > 0 && is_digit(doc[i - 1])) ||
		    !candidate(doc, *len, i, &one))
			continue;
		if (n == MAX_CANDS) {
			n = 0;	/* a table: see MAX_CANDS */
			break;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			c = sp_xrealloc(c, cap * sizeof *c);
		}
		c[n++] = one;
	}
	printed = confirm_printed(c, n);
	if (n >= PAGENUM_RUN && (removed = take_chains(c, n)) > 0)
		removed += fill_gaps(c, n);
	if (n > 0 && removed + printed > 0) {
		removed += printed;
		if (explain)
			tell(doc, *len, c, n, explain, ctx);
		remove_taken(doc, len, c, n, joins);
	}
	free(c);
	return removed;
}
