/*
 * hardwrap.c: join hard-wrapped lines; see hardwrap.h.
 *
 * Each break is judged from the paragraph built so far (how it opened, how
 * it ends, what it left open) and the line after the break.  The paragraph's
 * features are kept as running totals, so a paragraph wrapped over
 * thousands of lines costs one pass, not one pass per line.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "cjk.h"
#include "hardwrap.h"
#include "linefeat.h"
#include "tool.h"
#include "utf8.h"
#include "wordlm.h"

/* The paragraph being built. */
struct para {
	size_t width;		/* the document's wrap width, 0 if none */
	enum lf_marker marker;	/* how its first line opened */
	size_t chars;
	size_t sentence;	/* sentence punctuation, the last one included */
	size_t stops;		/* 。 and ； among them */
	size_t clause;
	size_t colons;
	const char *first;	/* its first line */
	size_t first_len;
	const char *line;	/* its last line, page number stripped */
	size_t line_len;
	size_t open;		/* quotes and brackets still open */
	int32_t last;		/* its last character (closers skipped) */
	int32_t last_raw;	/* its very last character */
	int final;
	int page_number;	/* ends with " 12": a page number */
	int continued;		/* its first line went on from a sentence's
				 * end (para_continue) */
};

/* Does s[0..n) end with one of words[] (NULL-terminated)? */
static int
ends_with_any(const char *s, size_t n, const char *const *words)
{
	size_t i, m;

	for (i = 0; words[i]; i++) {
		m = strlen(words[i]);
		if (n >= m && memcmp(s + n - m, words[i], m) == 0)
			return 1;
	}
	return 0;
}

/*
 * Words after which a Chinese phrase cannot stop: particles, conjunctions
 * and prepositions that need what follows.  A word that ends in one of
 * them but is complete (面对, 参与, 转让, 大使) does not count.
 */
static int
ends_with_function_word(const char *s, size_t n)
{
	static const char *const words[] = { "的", "和", "与", "及", "或",
	    "并", "而", "把", "被", "将", "从", "让", "使", "对", "以及",
	    "但是", "因为", "所以", "如果", "虽然", "关于", "对于", "通过",
	    "根据", "按照", "为了", "进一步", "不断", "并且", "而且", "或者",
	    "正在", "已经", "必须", "应当", "能够", "只有", "只要", "不仅",
	    "不但", NULL };
	static const char *const whole[] = { "目的", "共和", "温和", "缓和",
	    "平和", "参与", "给与", "涉及", "危及", "普及", "波及", "不及",
	    "顾及", "合并", "兼并", "吞并", "一把", "棉被", "大将", "服从",
	    "顺从", "跟从", "转让", "出让", "谦让", "礼让", "退让", "忍让",
	    "大使", "公使", "特使", "天使", "面对", "反对", "绝对", "相对",
	    "应对", "核对", "校对", "配对", "派对", "一对", "成对", "敌对",
	    "有的", "似的", "是的", "真的", "好的", "对的", NULL };

	return !ends_with_any(s, n, whole) && ends_with_any(s, n, words);
}

/*
 * A dated record of what was done to a text: "2003年5月16日最高人民法院审
 * 判委员会第1270次会议通过", "（…第一次修正）".  The history that opens a
 * law or a judicial interpretation is a list of them, one a line; each
 * ends in the verb of the act, and 通过 is also a preposition that needs
 * what follows, so without the date it would look cut.
 */
static int
dated_record(const char *s, size_t n)
{
	static const char *const acts[] = { "通过", "修正", "修订", "修改",
	    "公布", "发布", "颁布", "施行", "实施", "批准", "印发", "生效",
	    "废止", NULL };

	return lf_date_prefix(s, n) > 0 && ends_with_any(s, n, acts);
}

int
hardwrap_is_unit(int32_t cp)
{
	static const char units[] = "亿万千百元角分%％个年月日号次人位名件项条"
	    "家所台辆吨米斤倍岁户套张股只期届";
	char enc[4];
	size_t k = sp_utf8_encode(cp, enc);

	return memmem(units, sizeof units - 1, enc, k) != NULL;
}

static int
is_digit(int32_t cp)
{
	return cp >= '0' && cp <= '9';
}

static int
is_ascii_alnum(int32_t cp)
{
	return is_digit(cp) || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z');
}

/*
 * Length of line[0..n) without a page number at its end: a Han character,
 * a space and one to three digits ("…转变 12").  Returns n when none.
 */
static size_t
strip_page_number(const char *line, size_t n)
{
	size_t i = n, digits = 0, k;

	while (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9') {
		i--;
		digits++;
	}
	if (digits == 0 || digits > 3 || i < 2 || line[i - 1] != ' ')
		return n;
	i--;
	if (!sp_is_han(lf_last(line, i, &k)))
		return n;
	return i;
}

/* A line holding only a page number. */
static int
is_page_number_line(const char *line, size_t n)
{
	size_t i;

	if (n == 0 || n > 3)
		return 0;
	for (i = 0; i < n; i++)
		if (line[i] < '0' || line[i] > '9')
			return 0;
	return 1;
}

/* Features of line[0..n) without its page number (length in *m). */
static void
scan(const char *line, size_t n, struct lf_features *f, size_t *m)
{
	*m = strip_page_number(line, n);
	lf_scan(line, *m, f);
}

/*
 * Starts a paragraph with line[0..n).  A line that ends a sentence cannot
 * be continued, so it is not scanned: most lines of prose end so, and
 * this keeps the step at one quick look at their ends.
 */
static void
para_start(struct para *p, const char *line, size_t n)
{
	struct lf_features f;
	size_t m = strip_page_number(line, n);

	size_t width = p->width;

	memset(p, 0, sizeof *p);
	p->width = width;
	p->last_raw = n ? lf_last(line, n, NULL) : 0;
	if (lf_ends_sentence(line, m)) {
		p->final = 1;
		p->first = p->line = line;
		p->line_len = m;
		return;
	}
	lf_scan(line, m, &f);
	p->marker = f.marker;
	p->chars = f.chars;
	p->sentence = f.sentence;
	p->stops = f.stops;
	p->clause = f.clause;
	p->colons = f.colons;
	p->open = f.open;
	p->last = f.last;
	p->final = f.final;
	p->page_number = m < n;
	p->first = line;
	p->first_len = m;
	p->line = line;
	p->line_len = m;
}

/* Adds line[0..n) (features *f, page number stripped at m) to p. */
static void
para_add(struct para *p, const char *line, size_t n,
    const struct lf_features *f, size_t m)
{
	p->chars += f->chars;
	p->sentence += f->sentence;
	p->stops += f->stops;
	p->clause += f->clause;
	p->colons += f->colons;
	p->open = (p->open > f->unopened ? p->open - f->unopened : 0) +
	    f->open;
	p->last = f->last;
	p->last_raw = n ? lf_last(line, n, NULL) : 0;
	p->final = f->final;
	p->page_number = m < n;
	p->line = line;
	p->line_len = m;
}

/* A short line with no punctuation: a title, a name, a date. */
static int
title_like(const struct lf_features *f)
{
	return f->chars <= 25 && f->clause == 0 && f->sentence == 0 &&
	    !f->final;
}

/* Characters in s[0..n): its UTF-8 lead bytes. */
static size_t
count_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* The characters of the indent that opens a paragraph: two ideographic
 * spaces, taken out by the spaces step before this one. */
#define INDENT 2

/*
 * Is line s[0..n) as long as the wrap width (one less or more: CJK line
 * breaking moves a character that may not start or end a line)?  The
 * first line of a paragraph (first) may be short by its indent too.
 */
static int
at_width(const char *s, size_t n, size_t width, int first)
{
	size_t c = count_chars(s, n);

	return c + 1 + (first ? INDENT : 0) >= width && c <= width + 1;
}

/* Characters of the end of a sentence a wrapped heading leaves for the
 * next line, at most: a word. */
#define TAIL_CHARS 3

/*
 * Does next[0..n) open with the end of a sentence: a few characters, no
 * clause mark among them, then 。 ！ ？ or ；?
 */
static int
opens_with_tail(const char *next, size_t n)
{
	size_t i = 0, k, chars = 0;
	int32_t cp;

	while (i < n && chars <= TAIL_CHARS) {
		cp = lf_first(next + i, n - i, &k);
		if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
		    cp == 0xFF1B)
			return chars > 0;
		if (!sp_is_han(cp) && !sp_is_alnum(cp))
			return 0;
		chars++;
		i += k;
	}
	return 0;
}

/*
 * Does the break after paragraph p, before next[0..n), cut a word of two
 * Han characters (开|局之年, 召开全|市机关)?  A title ends where its
 * article's first line opens no word with it.
 */
static int
word_across(const struct para *p, const char *next, size_t n)
{
	int32_t cps[2];

	cps[0] = p->last_raw;
	cps[1] = n ? lf_first(next, n, NULL) : 0;
	return sp_is_han(cps[0]) && sp_is_han(cps[1]) &&
	    wordlm_word(cps, 2) >= 0;
}

/*
 * The width a document was hard-wrapped at: the most common length of its
 * lines that do not end a sentence, when at least five lines and two fifths
 * of such lines have it (give or take one character).  0 if none.
 */
static size_t
wrap_width(const char *doc, size_t len)
{
	size_t hist[202] = { 0 }, c, best = 0, total = 0, i, got;
	const char *s = doc, *end = doc + len, *nl;

	while (s < end) {
		nl = memchr(s, '\n', (size_t)(end - s));
		c = (size_t)((nl ? nl : end) - s);
		if (!lf_ends_sentence(s, c)) {
			c = count_chars(s, c);
			if (c >= 10 && c <= 200) {
				hist[c]++;
				total++;
			}
		}
		s = nl ? nl + 1 : end;
	}
	for (i = 11, got = 0; i <= 199; i++) {
		c = hist[i - 1] + hist[i] + hist[i + 1];
		if (c > got) {
			got = c;
			best = i;
		}
	}
	return got >= 5 && got * 5 >= total * 2 && best >= 16 ? best : 0;
}

/* Does line next[0..n) open with a label: "注：", "级别：", "Tel:"? */
static int
opens_with_label(const char *next, size_t n)
{
	size_t i = 0, k, chars = 0;
	int32_t cp;

	while (i < n && chars <= 6) {
		cp = lf_first(next + i, n - i, &k);
		if (cp == 0xFF1A || cp == ':')
			return chars > 0;
		if (!sp_is_alnum(cp))
			return 0;
		chars++;
		i += k;
	}
	return 0;
}

/*
 * Is the paragraph on a page wrapped at a width, or already found wrapped
 * (joined over a break before)?  Only then is a line that stops inside
 * and not at its end taken for cut: most pages are not wrapped at all.
 */
static int
wrapping_seen(const struct para *p)
{
	return p->width != 0 || p->first != p->line;
}

/*
 * Does next[0..n), longer than the title t[0..tn), open with the same
 * characters, at least six of them and half the title?
 */
static int
repeats_start(const char *t, size_t tn, const char *next, size_t n)
{
	size_t i = 0, same = 0;

	while (i < tn && i < n && t[i] == next[i])
		i++;
	while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80 && i < tn)
		i--;		/* back to a character's start */
	same = count_chars(t, i);
	return n > tn && same >= 6 && same * 2 >= count_chars(t, tn);
}

/* Does the paragraph end in a number written after a Han character? */
static int
ends_in_number(const struct para *p)
{
	size_t i = p->line_len, k;

	if (p->page_number)
		return 0;
	while (i > 0 && is_digit((unsigned char)p->line[i - 1]))
		i--;
	if (i == p->line_len || i == 0)
		return 0;
	return sp_is_han(lf_last(p->line, i, &k));
}

/*
 * Does the line next[0..n), with features *fp, continue the paragraph p
 * (which does not end a sentence)?  after_gap: lines were removed
 * between them.
 */
static int
continues(const struct para *p, const char *next, size_t n,
    const struct lf_features *fp, int after_gap)
{
	struct lf_features f = *fp;
	int32_t first;
	int closed;

	if (n == 0)
		return 0;
	first = lf_first(next, n, NULL);
	if (f.marker != LF_NONE || p->final)
		return 0;
	closed = lf_is_closer(p->last_raw);
	/* A heading is never joined to its body, unless cut inside quotes
	 * that the next line closes, or, as long as the wrapped lines,
	 * cut inside a word (引领义乌经|济社会) or before the last word of
	 * its sentence (干部队伍|建设。乡镇…): a short first sentence of
	 * the paragraph after it (形势决定任务。) is four or more. */
	if (p->marker != LF_NONE && p->marker != LF_POINT &&
	    p->marker != LF_BULLET && p->chars <= 60 && p->sentence == 0)
		return (p->open > 0 && f.unopened > 0 && !closed) ||
		    (p->width && p->first == p->line &&
		    at_width(p->line, p->line_len, p->width, 1) &&
		    (word_across(p, next, n) || opens_with_tail(next, n)));
	/* A line as long as the document's wrapped lines was cut there,
	 * unless it is a title that happens to be as long: a word that the
	 * break cuts (开|局, 召开全|市) says it is not. */
	if (p->width && at_width(p->line, p->line_len, p->width,
	    p->first == p->line) && (!(p->first == p->line &&
	    p->clause == 0 && p->sentence == 0) || word_across(p, next, n)))
		return 1;
	/* Lines were removed between the two (boilerplate): they were not
	 * neighbours, and only a width says the line was cut. */
	if (after_gap)
		return 0;
	/* What follows is for pages not wrapped at a width, or lines short
	 * of it.  A URL is whole where no width cut it. */
	if (lf_ends_with_url(p->line, p->line_len))
		return 0;
	/* A short line without punctuation, then a long paragraph: a title
	 * and its article, not one sentence. */
	if (p->first == p->line && p->chars <= 25 && p->clause == 0 &&
	    p->sentence == 0 && p->open == 0 && f.chars >= 2 * p->chars &&
	    f.chars >= 30)
		return 0;
	/* A dated record is whole, and so is the line before one: the
	 * history of a law, the entries of a chronicle. */
	if ((p->first == p->line && dated_record(p->line, p->line_len)) ||
	    lf_date_prefix(next, n) > 0)
		return 0;
	/* A short line ending in a colon opens something: 同志们： */
	if (f.chars <= 12 && (f.last == 0xFF1A || f.last == ':'))
		return 0;
	/* Latin text: a long line, then a lower-case word. */
	if (first >= 'a' && first <= 'z' && (is_ascii_alnum(p->last_raw) ||
	    p->last_raw == ',' || p->last_raw == '-'))
		return p->line_len >= 40;
	/* A title repeated at the start of its first paragraph, whole or
	 * most of it ("…混纺布等" / "…混纺布、弹力布…"): a wrapped line
	 * does not go on with the words it opened with. */
	if (p->first == p->line && repeats_start(p->first, p->first_len, next,
	    n))
		return 0;
	/* Cut inside quotes or brackets that the next line closes. */
	if (p->open > 0 && f.unopened > 0 && !closed)
		return 1;
	/* The next line cannot open a paragraph. */
	if (first == 0xFF0C || first == 0x3002 || first == 0x3001 ||
	    first == 0xFF1B || first == 0xFF1A || first == 0xFF09 ||
	    first == 0x201D || first == 0x300B || first == 0xFF01 ||
	    first == 0xFF1F)
		return 1;
	/* A number and its unit: "达到16" / "亿元". */
	if (ends_in_number(p) && hardwrap_is_unit(first))
		return 1;
	/* A closing quote or bracket ends what it holds; a label opens a
	 * new paragraph ("注：", "级别："). */
	if (closed || opens_with_label(next, n))
		return 0;
	/* Dialogue: "他说，" / "“……。”" is two lines in a novel. */
	if ((p->last == 0xFF0C || p->last == 0xFF1A) && first == 0x201C &&
	    f.final)
		return 0;
	/* Cut after a comma, or after a word that needs what follows. */
	if ((p->last == 0xFF0C || p->last == 0x3001 || p->last == ',' ||
	    (p->chars >= 6 && ends_with_function_word(p->line,
	    p->line_len))) && (!title_like(&f) || f.final))
		return 1;
	if (title_like(&f))
		return 0;
	/* Prose whose last sentence was cut: a full stop inside, none at
	 * the end (titles have ？ and ！ inside, rarely 。).  Only where
	 * wrapping is seen: elsewhere prose that stops so is a paragraph
	 * with a link or a caption at its end (…。返回搜狐，查看更多). */
	if (wrapping_seen(p) && p->stops > 0 && p->chars >= 12)
		return 1;
	/* A clause cut mid-word: long, several clauses, no "X：Y" title
	 * shape, ending on a Han character; with a full stop inside, only
	 * on a wrapped page, as above. */
	if (p->marker == LF_NONE && p->chars >= 20 && p->clause >= 2 &&
	    p->colons == 0 && sp_is_han(p->last) &&
	    (p->stops == 0 || wrapping_seen(p)))
		return 1;
	return 0;
}

static void
put(struct sp_buf *out, const void *s, size_t n)
{
	if (sp_buf_append(out, s, n) < 0)
		sp_oom();
}

/*
 * Does the line end in a run of ASCII (no blank) written inside Chinese,
 * a character beyond ASCII right before it (…投入。20, 跌至1, 使用Micro)?
 * A line wrapped at a width cuts such a run where the column ends, not
 * at a space: its halves join without one (20|12年 is 2012年).
 */
static int
ends_in_run_after_cjk(const char *line, size_t len)
{
	size_t i = len, k;

	while (i > 0 && (unsigned char)line[i - 1] > 0x20 &&
	    (unsigned char)line[i - 1] < 0x80)
		i--;
	/* Chinese before it, not Zürich or an em dash of English. */
	return i > 0 && i < len && (unsigned char)line[i - 1] >= 0x80 &&
	    sp_is_cjk(lf_last(line, i, &k));
}

/* What goes between the paragraph and the line joined to it. */
static void
put_glue(struct sp_buf *out, const struct para *p, const char *next,
    size_t n)
{
	int32_t first = lf_first(next, n, NULL);

	if (p->page_number ||
	    (is_ascii_alnum(first) && (is_ascii_alnum(p->last_raw) ||
	    p->last_raw == ',' || p->last_raw == ';') &&
	    !ends_in_run_after_cjk(p->line, p->line_len)))
		put(out, " ", 1);
}

/*
 * Do empty lines set the document's paragraphs apart (gaps' HARDWRAP_BLANK
 * bits): three blocks or more between them, half of them of two lines or
 * more, whose lines mostly run on mid-sentence into the next?  Wrapped
 * prose, not a list of one item a line nor a page of one paragraph a
 * line and empty lines between (where a blank is no paragraph's end but a
 * line's, and the lines around it may be joined).
 */
static int
blank_blocks(const char *doc, size_t len, const unsigned char *gaps)
{
	const char *s = doc, *end = doc + len, *nl;
	size_t k = 0, blocks = 1, multi = 0, in_block = 0, inner = 0, mid = 0;
	int ended = 0;		/* the line before ended a sentence */

	if (gaps == NULL)
		return 0;
	for (; s <= end; k++) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (k > 0 && (gaps[k] & HARDWRAP_BLANK)) {
			multi += in_block >= 2;
			blocks++;
			in_block = 0;
		} else if (k > 0) {
			inner++;
			mid += !ended;
		}
		in_block++;
		ended = lf_ends_sentence(s, (size_t)((nl ? nl : end) - s));
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	multi += in_block >= 2;
	return blocks >= 3 && multi * 2 >= blocks && inner >= 2 &&
	    mid * 2 > inner;
}

/*
 * In a document of blank_blocks(), was the line of p that ends a sentence
 * wrapped there, the next line next[0..n) of its block going on?  When it
 * is as long as the document's wrapped lines, ends in a Chinese mark (a
 * period ends Latin lines short of the width as often) and next opens
 * with no marker of a heading or a list item.
 */
static int
wrapped_at_end(const struct para *p, const char *next, size_t n)
{
	struct lf_features f;
	int32_t last = lf_last(p->line, p->line_len, NULL);

	if (!p->width || !p->line || !sp_is_cjk(last) ||
	    !at_width(p->line, p->line_len, p->width, p->first == p->line &&
	    !p->continued))
		return 0;
	lf_scan(next, n, &f);
	return f.marker == LF_NONE && f.chars > 0;
}

/*
 * Goes on with the paragraph p at line[0..n), after a line that ended a
 * sentence: the state of a paragraph that opened there, but joined.
 */
static void
para_continue(struct para *p, const char *line, size_t n)
{
	para_start(p, line, n);
	p->continued = 1;
}

size_t
hardwrap_lines(const char *doc, size_t len)
{
	const char *s = doc, *end = doc + len;
	size_t k = 1;

	while ((s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

size_t
hardwrap_join(const char *doc, size_t len, const unsigned char *gaps,
    size_t ngaps, struct sp_buf *out)
{
	const char *line, *end = doc + len, *nl, *next, *after, *nl2;
	size_t n, nn, m, joins = 0, at = 0;	/* at: next's line number */
	struct lf_features f;
	struct para p;
	int gap, blocks;
	unsigned char brk;

	if (gaps && ngaps != hardwrap_lines(doc, len))
		gaps = NULL;

	sp_buf_clear(out);
	if (sp_buf_reserve(out, len) < 0)
		sp_oom();
	line = doc;
	nl = memchr(line, '\n', (size_t)(end - line));
	n = (size_t)((nl ? nl : end) - line);
	put(out, line, n);
	p.width = wrap_width(doc, len);
	blocks = blank_blocks(doc, len, gaps);
	para_start(&p, line, n);
	while (nl) {
		next = nl + 1;
		nl = memchr(next, '\n', (size_t)(end - next));
		nn = (size_t)((nl ? nl : end) - next);
		brk = gaps ? gaps[++at] : 0;
		gap = (brk & HARDWRAP_GAP) != 0;
		if (blocks && (brk & HARDWRAP_BLANK))
			brk |= HARDWRAP_PARA;
		if (blocks && p.final && !(brk & (HARDWRAP_PARA |
		    HARDWRAP_GAP)) && wrapped_at_end(&p, next, nn)) {
			put(out, next, nn);
			para_continue(&p, next, nn);
			joins++;
			continue;
		}
		if (p.final || (brk & HARDWRAP_PARA)) {
			put(out, "\n", 1);
			put(out, next, nn);
			para_start(&p, next, nn);
			continue;
		}
		if (is_page_number_line(next, nn) && nl) {
			/* "…进一步" / "12" / "转变…": keep the number in. */
			after = nl + 1;
			nl2 = memchr(after, '\n', (size_t)(end - after));
			n = (size_t)((nl2 ? nl2 : end) - after);
			scan(after, n, &f, &m);
			brk = gaps ? gaps[at + 1] : 0;
			if (m == n && !(brk & HARDWRAP_PARA) &&
			    continues(&p, after, n, &f, gap ||
			    (brk & HARDWRAP_GAP))) {
				put(out, " ", 1);
				put(out, next, nn);
				put(out, " ", 1);
				put(out, after, n);
				para_add(&p, after, n, &f, m);
				joins += 2;
				nl = nl2;
				at++;
				continue;
			}
		}
		scan(next, nn, &f, &m);
		if (m < nn) {
			/* Judged whole, added without its page number. */
			struct lf_features whole;

			lf_scan(next, nn, &whole);
			if (continues(&p, next, nn, &whole, gap)) {
				put_glue(out, &p, next, nn);
				put(out, next, nn);
				para_add(&p, next, nn, &f, m);
				joins++;
				continue;
			}
		} else if (continues(&p, next, nn, &f, gap)) {
			put_glue(out, &p, next, nn);
			put(out, next, nn);
			para_add(&p, next, nn, &f, m);
			joins++;
			continue;
		}
		put(out, "\n", 1);
		put(out, next, nn);
		para_start(&p, next, nn);
	}
	return joins;
}
