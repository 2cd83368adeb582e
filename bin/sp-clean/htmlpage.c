/*
 * htmlpage.c: an HTML page parsed into lines of text; see htmlpage.h.
 *
 * libxml2's HTML parser, not gumbo: both read broken real pages, but
 * libxml2's streams its events (a page is never held as a tree), is
 * maintained, and parses the labelled pages of tests/eval seven times as
 * fast (93 MB/s against 13.5 MB/s for gumbo 0.10 on this machine), which
 * a filter meant to keep up with iconv needs.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <xxhash.h>

#include "cjk.h"
#include "csshidden.h"
#include "html.h"
#include "htmlpage.h"
#include "lazylib.h"
#include "linefeat.h"
#include "tool.h"
#include "utf8.h"

/* Bytes given to the parser at a time. */
#define CHUNK (256 << 10)

/* What an element does to the lines around it. */
enum {
	T_BLOCK = 1 << 0,	/* ends the line before and after it */
	T_BOX = 1 << 1,		/* holds blocks: a container of the page */
	T_SKIP = 1 << 2,	/* its content is not text */
	T_BREAK = 1 << 3,	/* <br>: ends the line, no element */
	T_PRE = 1 << 4		/* keeps its line breaks */
};

struct tag {
	const char *name;
	unsigned flags;
	uint32_t inside;	/* HI_ bits */
	enum html_block_kind kind;
};

/* Sorted by name, for bsearch. */
static const struct tag tags[] = {
	{ "a", 0, HI_LINK, HB_A },
	{ "address", T_BLOCK, HI_QUOTE, HB_OTHER },
	{ "article", T_BLOCK | T_BOX, HI_ARTICLE, HB_DIV },
	{ "aside", T_BLOCK | T_BOX, HI_ASIDE, HB_DIV },
	{ "b", 0, HI_BOLD, HB_SPAN },
	{ "blockquote", T_BLOCK | T_BOX, HI_QUOTE, HB_DIV },
	{ "body", T_BLOCK | T_BOX, 0, HB_BODY },
	{ "br", T_BREAK, 0, HB_OTHER },
	{ "button", T_BLOCK, HI_FORM, HB_FORM },
	{ "caption", T_BLOCK, HI_TABLE, HB_TD },
	{ "center", T_BLOCK | T_BOX, 0, HB_DIV },
	{ "dd", T_BLOCK, HI_LIST, HB_DT },
	{ "details", T_BLOCK | T_BOX, 0, HB_DIV },
	{ "dialog", T_BLOCK | T_BOX, 0, HB_DIV },
	{ "dir", T_BLOCK | T_BOX, HI_LIST, HB_LI },
	{ "div", T_BLOCK | T_BOX, 0, HB_DIV },
	{ "dl", T_BLOCK | T_BOX, HI_LIST, HB_LI },
	{ "dt", T_BLOCK, HI_LIST, HB_DT },
	{ "em", 0, HI_BOLD, HB_SPAN },
	{ "fieldset", T_BLOCK | T_BOX, HI_FORM, HB_FORM },
	{ "figcaption", T_BLOCK, HI_FIGURE, HB_OTHER },
	{ "figure", T_BLOCK | T_BOX, HI_FIGURE, HB_DIV },
	{ "font", 0, HI_BOLD, HB_SPAN },
	{ "footer", T_BLOCK | T_BOX, HI_FOOTER, HB_DIV },
	{ "form", T_BLOCK | T_BOX, HI_FORM, HB_FORM },
	{ "frameset", T_BLOCK | T_BOX, 0, HB_DIV },
	{ "h1", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "h2", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "h3", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "h4", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "h5", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "h6", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "header", T_BLOCK | T_BOX, HI_HEADER, HB_DIV },
	{ "hgroup", T_BLOCK, HI_HEADING, HB_HEADING },
	{ "hr", T_BLOCK, 0, HB_OTHER },
	{ "html", T_BLOCK | T_BOX, 0, HB_BODY },
	{ "label", 0, HI_FORM, HB_FORM },
	{ "legend", T_BLOCK, HI_FORM, HB_FORM },
	{ "li", T_BLOCK, HI_LIST, HB_LI },
	{ "main", T_BLOCK | T_BOX, HI_ARTICLE, HB_DIV },
	{ "marquee", T_BLOCK, HI_MARQUEE, HB_OTHER },
	{ "menu", T_BLOCK | T_BOX, HI_NAV, HB_LI },
	{ "nav", T_BLOCK | T_BOX, HI_NAV, HB_DIV },
	{ "noframes", T_BLOCK, 0, HB_OTHER },
	{ "noscript", T_SKIP, 0, HB_OTHER },
	{ "ol", T_BLOCK | T_BOX, HI_LIST, HB_LI },
	{ "option", T_BLOCK, HI_FORM, HB_FORM },
	{ "p", T_BLOCK, HI_PARA, HB_P },
	{ "pre", T_BLOCK | T_PRE, HI_QUOTE, HB_PRE },
	/* Ruby annotations (<ruby>会<rt>huì</rt></ruby>): the reading goes, as
	 * the pinyin step takes 会(huì) to 会. */
	{ "rp", T_SKIP, 0, HB_OTHER },
	{ "rt", T_SKIP, 0, HB_OTHER },
	{ "script", T_SKIP, 0, HB_OTHER },
	{ "section", T_BLOCK | T_BOX, 0, HB_DIV },
	{ "select", T_BLOCK, HI_FORM, HB_FORM },
	{ "span", 0, HI_SPAN, HB_SPAN },
	{ "strong", 0, HI_BOLD, HB_SPAN },
	{ "style", T_SKIP, 0, HB_OTHER },
	{ "summary", T_BLOCK, 0, HB_OTHER },
	{ "svg", T_SKIP, 0, HB_OTHER },
	{ "table", T_BLOCK | T_BOX, HI_TABLE, HB_TD },
	{ "tbody", T_BLOCK, HI_TABLE, HB_TD },
	{ "td", T_BLOCK | T_BOX, HI_TABLE, HB_TD },
	{ "template", T_SKIP, 0, HB_OTHER },
	{ "textarea", T_BLOCK, HI_FORM, HB_FORM },
	{ "tfoot", T_BLOCK, HI_TABLE, HB_TD },
	{ "th", T_BLOCK | T_BOX, HI_TABLE, HB_TD },
	{ "thead", T_BLOCK, HI_TABLE, HB_TD },
	{ "title", T_BLOCK, HI_TITLE, HB_TITLE },
	{ "tr", T_BLOCK, HI_TABLE, HB_TD },
	{ "ul", T_BLOCK | T_BOX, HI_LIST, HB_LI },
};

/* Words of class and id names, and what they name. */
struct hint {
	const char *word;
	uint32_t bits;
	int whole;		/* only as a whole word, not inside one */
};

static const struct hint hint_words[] = {
	{ "nav", HH_NAV, 0 }, { "menu", HH_NAV, 0 }, { "daohang", HH_NAV, 0 },
	{ "breadcrumb", HH_CRUMB, 0 }, { "crumb", HH_CRUMB, 0 },
	{ "location", HH_CRUMB, 0 }, { "position", HH_CRUMB, 0 },
	{ "weizhi", HH_CRUMB, 0 }, { "path", HH_CRUMB, 1 },
	{ "footer", HH_FOOTER, 0 }, { "foot", HH_FOOTER, 0 },
	{ "bottom", HH_FOOTER, 0 }, { "copyright", HH_FOOTER, 0 },
	{ "copy", HH_FOOTER, 1 }, { "banquan", HH_FOOTER, 0 },
	{ "sidebar", HH_SIDE, 0 }, { "side", HH_SIDE, 0 },
	{ "aside", HH_SIDE, 0 }, { "widget", HH_SIDE, 0 },
	{ "comment", HH_COMMENT, 0 }, { "reply", HH_COMMENT, 0 },
	{ "discuss", HH_COMMENT, 0 }, { "pinglun", HH_COMMENT, 0 },
	{ "share", HH_SHARE, 0 }, { "social", HH_SHARE, 0 },
	{ "fenxiang", HH_SHARE, 0 },
	{ "related", HH_RELATED, 0 }, { "relate", HH_RELATED, 0 },
	{ "recommend", HH_RELATED, 0 }, { "xiangguan", HH_RELATED, 0 },
	{ "tuijian", HH_RELATED, 0 }, { "hot", HH_RELATED, 1 },
	{ "rank", HH_RELATED, 0 }, { "more", HH_RELATED, 1 },
	{ "popular", HH_RELATED, 0 },
	{ "header", HH_HEADER, 0 }, { "head", HH_HEADER, 1 },
	{ "top", HH_HEADER, 1 }, { "logo", HH_HEADER, 0 },
	{ "masthead", HH_HEADER, 0 },
	{ "ad", HH_AD, 1 }, { "ads", HH_AD, 1 }, { "advert", HH_AD, 0 },
	{ "adv", HH_AD, 1 }, { "banner", HH_AD, 0 }, { "sponsor", HH_AD, 0 },
	{ "guanggao", HH_AD, 0 }, { "gg", HH_AD, 1 }, { "promo", HH_AD, 0 },
	{ "login", HH_FORM, 0 }, { "search", HH_FORM, 0 },
	{ "register", HH_FORM, 0 }, { "subscribe", HH_FORM, 0 },
	{ "signin", HH_FORM, 0 },
	{ "tag", HH_TAGS, 1 }, { "tags", HH_TAGS, 1 },
	{ "keyword", HH_TAGS, 0 },
	{ "page", HH_PAGER, 1 }, { "pager", HH_PAGER, 0 },
	{ "pagination", HH_PAGER, 0 }, { "pages", HH_PAGER, 1 },
	{ "article", HH_CONTENT, 0 }, { "content", HH_CONTENT, 0 },
	{ "main", HH_CONTENT, 1 }, { "post", HH_CONTENT, 1 },
	{ "text", HH_CONTENT, 1 }, { "body", HH_CONTENT, 1 },
	{ "entry", HH_CONTENT, 0 }, { "story", HH_CONTENT, 0 },
	{ "detail", HH_CONTENT, 0 }, { "zhengwen", HH_CONTENT, 0 },
	{ "neirong", HH_CONTENT, 0 }, { "txt", HH_CONTENT, 1 },
	{ "title", HH_TITLE, 0 }, { "headline", HH_TITLE, 0 },
	{ "biaoti", HH_TITLE, 0 },
	{ "date", HH_DATE, 0 }, { "time", HH_DATE, 1 }, { "info", HH_DATE, 1 },
	{ "source", HH_DATE, 0 }, { "author", HH_DATE, 0 },
	{ "meta", HH_DATE, 1 }, { "byline", HH_DATE, 0 },
};

/* An element open around the text. */
struct elem {
	char name[12];		/* lower case, for its end tag */
	unsigned flags;		/* T_ bits of the tag */
	uint32_t inside, hints, near;	/* with its ancestors' */
	uint32_t box;		/* the container it is, or is in */
	uint16_t tables;
	uint8_t skip, pre;	/* inside a T_SKIP, T_PRE element */
	uint8_t kind;		/* enum html_block_kind of its block */
};

/* A container of the page (T_BOX), and what stands under it. */
struct box {
	uint32_t parent;
	uint32_t chars, link_chars, lines, paras;
	double score;		/* text of paragraphs, readability's way */
	uint8_t under_main;
	uint8_t root;		/* <html> or <body>: the whole page */
};

struct parse {
	struct html_page *pg;
	struct elem *stack;
	size_t depth, cap;
	struct box *boxes;
	size_t nboxes, boxcap;
	uint32_t *line_box;	/* the container of each line */
	size_t line_box_cap;
	struct sp_buf clean;	/* the page made valid UTF-8 */
	int bogus;		/* in text, inside <![…> (see on_text()) */
	char held[3];		/* "<" or "<!" that ended the text so far */
	size_t nheld;
	struct sp_buf refs;	/* and with its legacy references' ';' */
	struct hint_memo *memo;	/* hints of class and id values seen */
	struct css_hidden css;	/* the names the page's style hides */
	/* The line being built. */
	struct building {
		uint32_t chars, link_chars;
		int space;	/* white space is pending: SPACE_* */
		int open;	/* it has text */
		int br;		/* the last line ended at a lone <br> */
		struct html_line ctx;	/* where its first text stood */
		uint32_t ctx_box;
	} ln;
	/* A hidden run of text inside a line: the element that hid it (its
	 * depth, 0 for none), and the line as it stood before the run, its
	 * text up to run_len of pg->text. */
	size_t run_depth, run_len;
	struct building run;
};

/*
 * libxml2's functions, from the library that the first HTML page loads
 * (lazylib.h): a run of text pages does not load it, nor ICU, lzma and
 * zlib with it (1.5 ms of each start).
 */
static __typeof__(xmlInitParser) *x_init;
static __typeof__(htmlCreatePushParserCtxt) *x_create;
static __typeof__(htmlCtxtUseOptions) *x_options;
static __typeof__(htmlParseChunk) *x_chunk;
static __typeof__(htmlFreeParserCtxt) *x_free;
static const char *const x_names[] = { "xmlInitParser",
    "htmlCreatePushParserCtxt", "htmlCtxtUseOptions", "htmlParseChunk",
    "htmlFreeParserCtxt", NULL };
static void *const x_slots[] = { &x_init, &x_create, &x_options, &x_chunk,
    &x_free };
static struct sp_lazylib libxml2 = SP_LAZYLIB_INIT(SP_LIBXML2_LIB, x_names,
    x_slots);
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Did libxml2 load?  Set once, by init_libxml(). */
static int libxml_ok;

/* Loads libxml2 and initializes it, once. */
static void
init_libxml(void)
{
	if (sp_lazylib_load(&libxml2) < 0)
		return;
	x_init();
	libxml_ok = 1;
}

/* The key of the message that libxml2 is missing (sp_warn_first). */
static const char missing_key;

int
html_page_available(void)
{
	pthread_once(&once, init_libxml);
	/*
	 * Told once a run, as an error (the installation is broken); the
	 * pages are still cleaned, as text whose tags are stripped, and the
	 * documents of text as ever: nothing is lost.
	 */
	if (!libxml_ok && sp_warn_first(&missing_key))
		sp_warn_status(SP_EXIT_ERROR, NULL, "libxml2, for HTML, "
		    "cannot be loaded (%s): pages cleaned as text, their tags "
		    "stripped", libxml2.why);
	return libxml_ok;
}

static int
tag_cmp(const void *key, const void *t)
{
	return strcmp(key, ((const struct tag *)t)->name);
}

static const struct tag *
find_tag(const char *lower)
{
	return bsearch(lower, tags, sizeof tags / sizeof tags[0],
	    sizeof tags[0], tag_cmp);
}

/*
 * The hints of recent class and id values, by a hash of the value: a page
 * names the same few classes on element after element, and matching each
 * word against every hint word took a tenth of the parse.
 */
#define MEMO_SLOTS 256
#define MEMO_LEN 48
struct hint_memo {
	uint32_t bits;
	uint8_t len;		/* 0: empty slot */
	char value[MEMO_LEN];
};

#define NHINTS (sizeof hint_words / sizeof hint_words[0])

/*
 * The letters of each hint word, a bit a letter, and its length: a word
 * of a class value lacking one of a hint's letters cannot be or hold it,
 * and most words lack one of most hints' (the bench's HTML pages: strstr()
 * and strcmp() on every hint for every word, 7% of sp-clean -j1).
 */
static uint32_t hint_letters[NHINTS];
static uint8_t hint_len[NHINTS];
static pthread_once_t hint_once = PTHREAD_ONCE_INIT;

/* The letters of the lower-case ASCII word w[0..n), a bit each. */
static uint32_t
letters_of(const char *w, size_t n)
{
	uint32_t m = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] >= 'a' && w[i] <= 'z')
			m |= 1u << (w[i] - 'a');
	return m;
}

static void
hint_init(void)
{
	size_t k, n;

	for (k = 0; k < NHINTS; k++) {
		n = strlen(hint_words[k].word);
		hint_letters[k] = letters_of(hint_words[k].word, n);
		hint_len[k] = (uint8_t)n;
	}
}

/* What the words of a class or id value name. */
static uint32_t
hints_of(const char *v)
{
	char word[48];
	uint32_t bits = 0, has;
	size_t n, i, k;

	(void)pthread_once(&hint_once, hint_init);
	while (*v) {
		while (*v && !isalnum((unsigned char)*v))
			v++;
		for (n = 0; isalnum((unsigned char)v[n]); n++)
			;
		if (n == 0)
			break;
		if (n < sizeof word) {
			for (i = 0; i < n; i++)
				word[i] = (char)tolower((unsigned char)v[i]);
			word[n] = '\0';
			has = letters_of(word, n);
			for (k = 0; k < NHINTS; k++) {
				const struct hint *h = &hint_words[k];

				if ((hint_letters[k] & ~has) != 0 ||
				    hint_len[k] > n)
					continue;
				if (h->whole ? hint_len[k] == n &&
				    memcmp(word, h->word, n) == 0 :
				    strstr(word, h->word) != NULL)
					bits |= h->bits;
			}
		}
		v += n;
	}
	return bits;
}

/* hints_of(v), remembered in p->memo for short values. */
static uint32_t
hints_memo(struct parse *p, const char *v)
{
	size_t n = strlen(v);
	struct hint_memo *m;

	if (n == 0 || n >= MEMO_LEN)
		return n ? hints_of(v) : 0;
	if (p->memo == NULL && (p->memo = calloc(MEMO_SLOTS,
	    sizeof *p->memo)) == NULL)
		sp_oom();
	m = &p->memo[XXH3_64bits(v, n) % MEMO_SLOTS];
	if (m->len != n || memcmp(m->value, v, n) != 0) {
		m->bits = hints_of(v);
		m->len = (uint8_t)n;
		memcpy(m->value, v, n);
	}
	return m->bits;
}

/* What a style attribute does to the element: 1 hides it, -1 shows it
 * (display or visibility set otherwise, which overrides the page's
 * style sheets), 0 neither. */
static int
hides(const char *style)
{
	char buf[256];
	size_t i, n = 0;

	for (i = 0; style[i] && n + 1 < sizeof buf; i++)
		if (!isspace((unsigned char)style[i]))
			buf[n++] = (char)tolower((unsigned char)style[i]);
	buf[n] = '\0';
	if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
		return 1;
	return strstr(buf, "display:") || strstr(buf, "visibility:") ? -1 : 0;
}

static void
put(struct sp_buf *b, const void *s, size_t n)
{
	if (sp_buf_append(b, s, n) < 0)
		sp_oom();
}

/* Characters of a hidden run, at most, that are taken back. */
#define HIDDEN_RUN_MAX 40

/* The line as it stands, where a hidden run begins. */
static void
save_run(struct parse *p)
{
	p->run_len = p->pg->text.len;
	p->run = p->ln;
}

/*
 * The hidden run so far, in this line, is taken back when it is short
 * of a sentence: no reader sees it, and a watermark glued into a
 * paragraph (…她说。加拿大家园,www.iask.ca) is neither the paragraph nor
 * a line of its own.  A longer run, or one with a full stop, may be text
 * a script shows ("read more"): it stays, for the boilerplate step to
 * judge.  (A full stop of ASCII is no sign: www.iask.ca has two.)
 */
static void
take_back_run(struct parse *p)
{
	const struct sp_buf *t = &p->pg->text;
	size_t n = t->len - p->run_len;
	const char *run = n > 0 ? t->data + p->run_len : NULL;

	if (p->ln.chars - p->run.chars > HIDDEN_RUN_MAX || (n > 0 &&
	    (memmem(run, n, "\xE3\x80\x82", 3) ||	/* 。 */
	    memmem(run, n, "\xEF\xBC\x81", 3) ||	/* ！ */
	    memmem(run, n, "\xEF\xBC\x9F", 3) ||	/* ？ */
	    memchr(run, '!', n) || memchr(run, '?', n))))
		return;
	if (t->len > p->run_len)
		p->pg->hidden_runs++;
	p->pg->text.len = p->run_len;
	p->ln = p->run;
}

/*
 * A hidden element inside a line (<span style="display:none">, a class
 * its page hides) begins a hidden run, at depth, the element's.
 */
static void
begin_hidden_run(struct parse *p)
{
	p->run_depth = p->depth;
	save_run(p);
}

/* The element of the hidden run ends. */
static void
end_hidden_run(struct parse *p)
{
	take_back_run(p);
	p->run_depth = 0;
}

/* Ends the open line: its place, counts and newline. */
static void
close_line(struct parse *p, struct html_page *pg)
{
	struct html_line *l;

	if (pg->nlines == pg->cap) {
		pg->cap = pg->cap ? pg->cap * 2 : 256;
		pg->lines = sp_xrealloc(pg->lines, pg->cap * sizeof *pg->lines);
	}
	if (p->line_box_cap < pg->cap) {
		p->line_box_cap = pg->cap;
		p->line_box = sp_xrealloc(p->line_box, p->line_box_cap *
		    sizeof *p->line_box);
	}
	l = &pg->lines[pg->nlines];
	*l = p->ln.ctx;
	l->chars = p->ln.chars;
	l->link_chars = p->ln.link_chars;
	p->line_box[pg->nlines++] = p->ln.ctx_box;
	put(&pg->text, "\n", 1);
	p->ln.open = 0;
	p->ln.chars = p->ln.link_chars = 0;
}

/* Ends the line being built, if it has text. */
static void
end_line(struct parse *p)
{
	struct html_page *pg = p->pg;

	/* A line ends inside a hidden run (<span hidden>水印<br>…): its part
	 * in this line is judged now, and the run goes on in the next. */
	if (p->run_depth)
		take_back_run(p);
	p->ln.space = 0;
	p->ln.br = 0;
	if (p->ln.open)
		close_line(p, pg);
	if (p->run_depth)
		save_run(p);
}

/*
 * Ends the line at a <br>, or a line end inside <pre>.  The first after
 * text breaks a line inside its paragraph, as a wrapped text does; a
 * second in a row (a blank line), or one after a block, ends the
 * paragraph (end_line clears br).
 */
static void
break_line(struct parse *p)
{
	int had_text = p->ln.open;

	end_line(p);
	p->ln.br = had_text;
}

static const struct elem *
top(const struct parse *p)
{
	static const struct elem none = { "", 0, 0, 0, 0, 0, 0, 0, 0,
	    HB_BODY };

	return p->depth ? &p->stack[p->depth - 1] : &none;
}

/* The line takes its place from where its first text stands. */
static void
begin_line(struct parse *p)
{
	const struct elem *e = top(p);

	memset(&p->ln.ctx, 0, sizeof p->ln.ctx);
	p->ln.ctx.inside = e->inside;
	p->ln.ctx.hints = e->hints;
	p->ln.ctx.near_hints = e->near;
	p->ln.ctx.depth = p->depth > UINT16_MAX ? UINT16_MAX :
	    (uint16_t)p->depth;
	p->ln.ctx.tables = e->tables;
	p->ln.ctx.block = e->kind;
	p->ln.ctx.after_br = (uint8_t)p->ln.br;
	p->ln.ctx_box = e->box;
	p->ln.open = 1;
}

static uint32_t
new_box(struct parse *p, uint32_t parent)
{
	if (p->nboxes == p->boxcap) {
		p->boxcap = p->boxcap ? p->boxcap * 2 : 64;
		p->boxes = sp_xrealloc(p->boxes, p->boxcap * sizeof *p->boxes);
	}
	memset(&p->boxes[p->nboxes], 0, sizeof p->boxes[0]);
	p->boxes[p->nboxes].parent = parent;
	return (uint32_t)p->nboxes++;
}

static void flush_held(struct parse *p);

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct parse *p = ctx;
	const struct elem up_copy = *top(p), *up = &up_copy;	/* the stack
					   may move when it grows */
	const struct tag *t;
	struct elem *e;
	char lower[12];
	uint32_t own = 0, inside = 0;
	size_t i;
	int href = 0, hidden = 0, shown = 0, says;
	const char *cls = NULL, *id = NULL;

	/* "<" held as text ends here: the element is no <![ (on_text()). */
	flush_held(p);
	for (i = 0; name[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)tolower(name[i]);
	lower[i] = '\0';
	if (name[i])
		lower[0] = '\0';	/* too long: no tag of ours */
	t = lower[0] ? find_tag(lower) : NULL;
	p->pg->tags++;
	p->pg->scripts += strcmp(lower, "script") == 0 ||
	    strcmp(lower, "style") == 0;
	if (t && (t->flags & T_BREAK)) {
		if (!up->skip)
			break_line(p);
		return;
	}
	for (i = 0; atts && atts[i]; i += 2) {
		const char *a = (const char *)atts[i];
		const char *v = atts[i + 1] ? (const char *)atts[i + 1] : "";

		if (strcasecmp(a, "class") == 0 || strcasecmp(a, "id") == 0) {
			own |= hints_memo(p, v);
			if (strcasecmp(a, "class") == 0)
				cls = v;
			else
				id = v;
		}
		else if (strcasecmp(a, "href") == 0)
			href = 1;
		else if (strcasecmp(a, "hidden") == 0)
			hidden = 1;
		else if (strcasecmp(a, "style") == 0) {
			says = hides(v);
			hidden |= says > 0;
			shown |= says < 0;
		}
	}
	if ((cls || id) && !shown && css_hidden_element(&p->css, lower, cls,
	    id))
		hidden = 1;
	if (t && (t->flags & T_BLOCK) && !up->skip)
		end_line(p);
	if (p->depth == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->stack = sp_xrealloc(p->stack, p->cap * sizeof *p->stack);
	}
	e = &p->stack[p->depth++];
	memcpy(e->name, lower, sizeof e->name);
	e->flags = t ? t->flags : 0;
	if (t)
		inside = t->inside;
	if (t && t->inside == HI_LINK && !href)
		inside = 0;	/* an anchor, not a link */
	if (hidden)
		inside |= HI_HIDDEN;
	e->inside = up->inside | inside;
	e->hints = up->hints | own;
	e->near = own ? own : up->near;
	e->tables = (uint16_t)(up->tables + (t && strcmp(t->name, "table") ==
	    0 && up->tables < UINT16_MAX));
	e->skip = up->skip || (t && (t->flags & T_SKIP));
	e->pre = up->pre || (t && (t->flags & T_PRE));
	e->kind = t && (t->flags & T_BLOCK) ? (uint8_t)t->kind :
	    t && up->kind == HB_BODY ? (uint8_t)t->kind : up->kind;
	e->box = t && (t->flags & T_BOX) && !e->skip ?
	    new_box(p, up->box) : up->box;
	if (t && e->box != up->box && t->kind == HB_BODY)
		p->boxes[e->box].root = 1;	/* <html>, <body> */
	if (hidden && !(up->inside & HI_HIDDEN) && !e->skip &&
	    !(t && (t->flags & T_BLOCK)) && p->run_depth == 0)
		begin_hidden_run(p);
}

static void
on_end(void *ctx, const xmlChar *name)
{
	struct parse *p = ctx;
	char lower[12];
	size_t i, d;

	flush_held(p);
	for (i = 0; name[i] && i + 1 < sizeof lower; i++)
		lower[i] = (char)tolower(name[i]);
	lower[i] = '\0';
	if (name[i])
		lower[0] = '\0';
	p->pg->tags++;
	/* The nearest open element of that name, and all above it. */
	for (d = p->depth; d > 0; d--)
		if (strcmp(p->stack[d - 1].name, lower) == 0)
			break;
	if (d == 0)
		return;
	for (i = p->depth; i >= d; i--)
		if ((p->stack[i - 1].flags & T_BLOCK) && !p->stack[i - 1].skip)
			end_line(p);
	if (p->run_depth >= d)
		end_hidden_run(p);
	p->depth = d - 1;
}

/*
 * Text, with the C1 controls libxml2 makes of &#128; to &#159; read as
 * HTML reads those references (windows-1252: € ‘ ’ “ ” – —).
 */
static void
put_run(struct sp_buf *t, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *c;
	char enc[4];

	while ((c = memchr(p, 0xC2, (size_t)(end - p))) != NULL) {
		if (c + 1 < end && (unsigned char)c[1] >= 0x80 &&
		    (unsigned char)c[1] <= 0x9F) {
			put(t, p, (size_t)(c - p));
			put(t, enc, sp_utf8_encode(html_numeric_value(
			    (unsigned char)c[1]), enc));
			p = c + 2;
		} else {
			put(t, p, (size_t)(c + 1 - p));
			p = c + 1;
		}
	}
	put(t, p, (size_t)(end - p));
}

/* Pending white space: a space, and whether a line break of the source
 * was in it. */
enum { SPACE = 1, SPACE_BREAK = 2 };

/*
 * Does the pending white space render as a space before s[0..n)?  A line
 * break of the source between two wide characters renders as nothing, as
 * CSS says (疫苗<newline>　春節 is one line of a headline, not 疫苗 　春節,
 * which reads as two paragraphs glued).
 */
static int
renders_space(const struct parse *p, const char *s, size_t n)
{
	const struct sp_buf *t = &p->pg->text;

	if (!(p->ln.space & SPACE_BREAK))
		return p->ln.space != 0;
	if (t->len == 0)
		return 1;
	return !(sp_is_wide(lf_first(s, n, NULL)) &&
	    sp_is_wide(lf_last(t->data, t->len, NULL)));
}

/* The characters of UTF-8 text s[0..n), not counting white space. */
static void
add_text(struct parse *p, const char *s, size_t n)
{
	const struct elem *e = top(p);
	struct sp_buf *t = &p->pg->text;
	size_t i, run;
	uint32_t chars;

	for (i = 0; i < n; ) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f') {
			if (c == '\n' && e->pre) {
				break_line(p);
			} else if (e->pre && (c == ' ' || c == '\t') &&
			    p->ln.open) {
				/* <pre> keeps its spaces, a tab as one: the
				 * columns of a table typed in it stay apart. */
				put(t, " ", 1);
				p->ln.space = 0;
			} else if (p->ln.open)
				p->ln.space |= SPACE | (c == '\n' || c == '\r' ?
				    SPACE_BREAK : 0);
			i++;
			continue;
		}
		/* A run of text without white space, at once. */
		for (run = i, chars = 0; run < n; run++) {
			c = (unsigned char)s[run];
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '\f')
				break;
			chars += (c & 0xC0) != 0x80;
		}
		if (!p->ln.open)
			begin_line(p);
		else if (renders_space(p, s + i, run - i))
			put(t, " ", 1);
		p->ln.space = 0;
		put_run(t, s + i, run - i);
		p->ln.chars += chars;
		if (e->inside & HI_LINK)
			p->ln.link_chars += chars;
		i = run;
	}
}

/* Text held back, "<" or "<!" that may open <![, is text after all. */
static void
flush_held(struct parse *p)
{
	if (p->nheld > 0) {
		size_t n = p->nheld;

		p->nheld = 0;
		add_text(p, p->held, n);
	}
	p->bogus = 0;
}

/*
 * Text, but for markup HTML reads as a bogus comment to its first '>'
 * (<![CDATA[ … ]]>, <![if !IE]>, <![endif]>), which libxml2 hands over as
 * text: browsers show none of it.  It may be cut between two calls; an
 * element's start or end ends it.  In <style> and <script> (skipped) it
 * is their own text, as browsers read it there.
 */

static void
on_text(void *ctx, const xmlChar *xs, int len)
{
	struct parse *p = ctx;
	const char *s = (const char *)xs, *end = s + (len > 0 ? len : 0), *at;
	size_t k;

	if (len <= 0 || top(p)->skip)
		return;
	/* libxml2 hands "<" and "![…" over in calls of their own: what was
	 * held is completed by this call's first bytes. */
	while (p->nheld > 0 && s < end) {
		p->held[p->nheld++] = *s++;
		if (memcmp(p->held, "<![", p->nheld) != 0) {
			k = p->nheld;		/* text after all */
			p->nheld = 0;
			add_text(p, p->held, k);
		} else if (p->nheld == 3) {
			p->nheld = 0;
			p->bogus = 1;
		}
	}
	while (s < end) {
		if (p->bogus) {
			if ((at = memchr(s, '>', (size_t)(end - s))) == NULL)
				return;
			p->bogus = 0;
			s = at + 1;
			continue;
		}
		if ((at = memmem(s, (size_t)(end - s), "<![", 3)) != NULL) {
			add_text(p, s, (size_t)(at - s));
			p->bogus = 1;
			s = at + 3;
			continue;
		}
		/* "<" or "<!" ending the call may open one: held. */
		k = end[-1] == '<' ? 1 : end - s >= 2 && end[-2] == '<' &&
		    end[-1] == '!' ? 2 : 0;
		add_text(p, s, (size_t)(end - s) - k);
		memcpy(p->held, end - k, k);
		p->nheld = k;
		return;
	}
}

static void
on_cdata(void *ctx, const xmlChar *s, int len)
{
	/* Only <script> and <style> are read as CDATA: never text. */
	(void)ctx;
	(void)s;
	(void)len;
}

static void
on_error(void *ctx, xmlErrorPtr err)
{
	struct parse *p = ctx;

	/*
	 * A page is read as a browser reads it: its errors are not ours.
	 * But </br>, which libxml2 drops as an end tag nothing opened, is a
	 * <br> to browsers and the HTML standard: the line ends there.
	 */
	if (err != NULL && err->code == XML_ERR_TAG_NAME_MISMATCH &&
	    err->str1 != NULL && strcasecmp(err->str1, "br") == 0 &&
	    !top(p)->skip)
		break_line(p);
}

/* Commas of a line: how readability tells a paragraph of prose. */
static uint32_t
commas(const char *s, size_t n)
{
	uint32_t k = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == ',')
			k++;
		else if (i + 2 < n && (unsigned char)s[i] == 0xEF &&
		    (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] == 0x8C)
			k++;	/* ， */
		else if (i + 2 < n && (unsigned char)s[i] == 0xE3 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x81 ||
		    (unsigned char)s[i + 2] == 0x82))
			k++;	/* 、 。 */
	}
	return k;
}

/*
 * The containers' sums, the page's main text, and each line's view of
 * them.  Containers are numbered in document order, so every parent
 * comes before its children and one pass each way suffices.
 */
static void
measure(struct parse *p)
{
	struct html_page *pg = p->pg;
	const char *s = pg->text.data, *nl;
	size_t i, b, main = 0;
	uint32_t total = 0;
	double best = 0, ld;

	for (i = 0, nl = s; i < pg->nlines; i++, s = nl + 1) {
		struct html_line *l = &pg->lines[i];
		struct box *x = &p->boxes[p->line_box[i]];
		double score;

		nl = memchr(s, '\n', (size_t)(pg->text.data + pg->text.len -
		    s));
		x->chars += l->chars;
		x->link_chars += l->link_chars;
		x->lines++;
		total += l->chars;
		if (l->chars < 25 || l->link_chars * 2 > l->chars ||
		    (l->block != HB_P && l->block != HB_DIV &&
		    l->block != HB_TD && l->block != HB_PRE &&
		    l->block != HB_SPAN && l->block != HB_BODY))
			continue;
		x->paras++;
		score = 1 + commas(s, (size_t)(nl - s)) +
		    (l->chars >= 300 ? 3 : l->chars / 100);
		x->score += score;
		if (p->line_box[i] != 0)
			p->boxes[x->parent].score += score / 2;
	}
	for (b = p->nboxes; b-- > 1; ) {
		struct box *x = &p->boxes[b], *up = &p->boxes[x->parent];

		up->chars += x->chars;
		up->link_chars += x->link_chars;
		up->lines += x->lines;
		up->paras += x->paras;
	}
	for (b = 0; b < p->nboxes; b++) {
		struct box *x = &p->boxes[b];

		ld = x->chars ? (double)x->link_chars / x->chars : 0;
		if (x->score * (1 - ld) > best) {
			best = x->score * (1 - ld);
			main = b;
		}
	}
	for (b = 0; b < p->nboxes; b++)
		p->boxes[b].under_main = best > 0 && (b == main ||
		    (b > 0 && p->boxes[p->boxes[b].parent].under_main));
	for (i = 0; i < pg->nlines; i++) {
		struct html_line *l = &pg->lines[i];
		const struct box *x = &p->boxes[p->line_box[i]];

		l->box = p->line_box[i];
		l->box_chars = x->chars;
		l->box_link_chars = x->link_chars;
		l->box_lines = x->lines;
		l->box_paras = x->paras;
		l->box_share = total ? (float)x->chars / (float)total : 0;
		l->in_main = x->under_main;
		l->main_root = best > 0 && p->boxes[main].root;
		l->main_share = best > 0 && total ?
		    (float)p->boxes[main].chars / (float)total : 0;
	}
}

/*
 * The page as valid UTF-8 without NUL bytes, in p->clean, or NULL when
 * it is so already: libxml2 stops at what it cannot read.
 */
static const char *
make_clean(struct parse *p, const char *s, size_t *n)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	size_t i, k;

	if (sp_utf8_valid_prefix((const unsigned char *)s, *n) == *n &&
	    memchr(s, '\0', *n) == NULL)
		return NULL;
	sp_buf_clear(&p->clean);
	for (i = 0; i < *n; i += k) {
		k = sp_utf8_valid_prefix((const unsigned char *)s + i, *n - i);
		if (k > 0) {
			const char *z = memchr(s + i, '\0', k);

			if (z)
				k = (size_t)(z - (s + i));
			put(&p->clean, s + i, k);
			if (k > 0)
				continue;
		}
		/* A NUL, or an invalid sequence: one U+FFFD a byte. */
		put(&p->clean, fffd, 3);
		k = 1;
	}
	*n = p->clean.len;
	return p->clean.data;
}

static const char *find_ci(const char *s, size_t n, const char *w);

/*
 * The '/' that ends s[i..n) as a self-closed tag <script …/> or <style/>,
 * or 0 when s+i starts no such tag.  Quoted attribute values may hold a
 * '>'.
 */
static size_t
raw_text_slash(const char *s, size_t n, size_t i, int *style)
{
	size_t k;
	char quote = 0;

	/* Most tags are told by their second byte, without a call. */
	if (n - i < 6 || (s[i + 1] | 0x20) != 's')
		return 0;
	if (n - i >= 7 && strncasecmp(s + i, "<script", 7) == 0)
		k = i + 7;
	else if (n - i >= 6 && strncasecmp(s + i, "<style", 6) == 0)
		k = i + 6;
	else
		return 0;
	*style = k == i + 6;
	if (k < n && !isspace((unsigned char)s[k]) && s[k] != '/' &&
	    s[k] != '>')
		return 0;
	for (; k < n; k++) {
		if (quote)
			quote = s[k] == quote ? 0 : quote;
		else if (s[k] == '"' || s[k] == '\'')
			quote = s[k];
		else if (s[k] == '>')
			return s[k - 1] == '/' ? k - 1 : 0;
	}
	return 0;
}

/*
 * HTML ignores the slash of <script src=… /> and <style/>: what follows
 * is script or style up to </script> or </style>, as a browser reads it.
 * libxml2 closes the element at the slash and would show the style sheet
 * as text, so the slash is blanked, in p->clean (copied there when the
 * page is s itself).  Returns the page to parse.
 */
static const char *
open_raw_text(struct parse *p, const char *s, size_t n)
{
	static const char *const end_tag[2] = { "</script", "</style" };
	const char *lt, *e;
	size_t i = 0, slash, next_end[2] = { 0, 0 };
	int style;

	while (i < n && (lt = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(lt - s);
		if ((slash = raw_text_slash(s, n, i, &style)) != 0 &&
		    next_end[style] != SIZE_MAX && next_end[style] <= slash) {
			/* The end tag after it, searched once for all the
			 * tags before that end tag. */
			e = find_ci(s + slash, n - slash, end_tag[style]);
			next_end[style] = e ? (size_t)(e - s) : SIZE_MAX;
		}
		/* Without an end tag to come, a page would lose the rest of
		 * its text: it is an XHTML page, whose slash closes. */
		if (slash != 0 && next_end[style] != SIZE_MAX) {
			if (s != p->clean.data) {
				sp_buf_clear(&p->clean);
				put(&p->clean, s, n);
				s = p->clean.data;
			}
			p->clean.data[slash] = ' ';
		}
		i++;
	}
	return s;
}

void
html_page_parse(struct html_page *pg, const char *s, size_t n)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;
	struct parse *p;
	const char *clean;
	size_t off, k;

	pthread_once(&once, init_libxml);
	if (pg->scratch == NULL) {
		pg->scratch = calloc(1, sizeof *p);
		if (pg->scratch == NULL)
			sp_oom();
	}
	p = pg->scratch;
	p->pg = pg;
	pg->tags = pg->scripts = pg->hidden_runs = 0;
	p->depth = 0;
	p->nboxes = 0;
	p->ln.open = p->ln.space = p->ln.br = 0;
	p->ln.chars = p->ln.link_chars = 0;
	p->run_depth = 0;
	p->bogus = 0;
	p->nheld = 0;
	sp_buf_clear(&pg->text);
	pg->nlines = 0;
	new_box(p, 0);		/* the page itself */
	if ((clean = make_clean(p, s, &n)) != NULL)
		s = clean;
	s = open_raw_text(p, s, n);
	/* &nbsp&nbsp正文, &copy 2012: libxml2 leaves them as text. */
	if (html_complete_references(s, n, &p->refs)) {
		s = p->refs.data;
		n = p->refs.len;
	}
	css_hidden_scan(&p->css, s, n);
	memset(&sax, 0, sizeof sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_text;
	sax.ignorableWhitespace = on_text;
	sax.cdataBlock = on_cdata;
	sax.serror = on_error;
	sax.initialized = XML_SAX2_MAGIC;
	ctxt = x_create(&sax, p, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (ctxt == NULL)
		sp_oom();
	x_options(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
	for (off = 0; off < n; off += k) {
		k = n - off < CHUNK ? n - off : CHUNK;
		x_chunk(ctxt, s + off, (int)k, 0);
	}
	x_chunk(ctxt, NULL, 0, 1);
	x_free(ctxt);
	flush_held(p);
	end_line(p);
	measure(p);
	/* The text ends without a newline, as a document does. */
	if (pg->text.len > 0)
		pg->text.len--;
}

void
html_page_free(struct html_page *pg)
{
	struct parse *p = pg->scratch;

	if (p) {
		free(p->stack);
		free(p->boxes);
		free(p->line_box);
		sp_buf_free(&p->clean);
		sp_buf_free(&p->refs);
		free(p->memo);
		free(p);
	}
	sp_buf_free(&pg->text);
	free(pg->lines);
	memset(pg, 0, sizeof *pg);
}

/* Case-insensitive: does s[0..n) start with the ASCII word w? */
static int
starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncasecmp(s, w, k) == 0;
}

/* The first tag <w…> of s[0..n), case-insensitive, or NULL. */
static const char *
find_ci(const char *s, size_t n, const char *w)
{
	const char *p = s, *end = s + n;
	size_t k = strlen(w);

	while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= k && strncasecmp(p, w, k) == 0)
			return p;
		p++;
	}
	return NULL;
}

int
html_is_page(const char *s, size_t n)
{
	const char *end;
	size_t look = n < 65536 ? n : 65536;

	/* Past a byte order mark, white space and comments. */
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	for (;;) {
		while (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		if (!starts(s, n, "<!--"))
			break;
		if ((end = memmem(s, n, "-->", 3)) == NULL)
			return 0;
		n -= (size_t)(end + 3 - s);
		s = end + 3;
	}
	if (starts(s, n, "<!doctype html") || starts(s, n, "<html") ||
	    starts(s, n, "<head"))
		return 1;
	if (look > n)
		look = n;
	/* An XML declaration, or junk before the page: its tags. */
	return find_ci(s, look, "<html") != NULL &&
	    (find_ci(s, look, "<body") != NULL ||
	    find_ci(s, look, "<head") != NULL);
}

const char *
html_parser_version(void)
{
	return "libxml2 " LIBXML_DOTTED_VERSION;
}
