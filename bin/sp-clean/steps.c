/*
 * steps.c: sp-clean's steps, one table; see steps.h.
 *
 * Each step's run function here adapts its file's to the one signature:
 * it runs the step and adds what the step counted to the counters of the
 * table's labels, in their order.
 */
#include <stdio.h>
#include <string.h>

#include "boilerplate.h"
#include "chain.h"
#include "hardwrap.h"
#include "pagenum.h"
#include "html.h"
#include "mojibake.h"
#include "normalize.h"
#include "pinyin.h"
#include "punct.h"
#include "script.h"
#include "spaces.h"
#include "steps.h"
#include "text.h"
#include "tool.h"

/* Only a text with markup or a reference has anything to clean. */
static int
run_html(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	struct html_stats st = { 0, 0, 0, 0 };

	if (!memchr(s, '<', n) && !memchr(s, '&', n))
		return 0;
	html_clean(s, n, out, &st);
	c->n[0] += st.refs;
	c->n[STEP_HTML_TAGS] += st.tags;
	c->n[STEP_HTML_SCRIPTS] += st.scripts;
	c->n[STEP_HTML_PAGES] += st.pages;
	return 1;
}

static int
run_unicode(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	struct normalize_stats st = { 0, 0, 0 };

	normalize_text(s, n, c->opts->nfkc, c->opts->on[S_MOJIBAKE], out,
	    &st);
	c->n[0] += st.removed;
	c->n[1] += st.newlines;
	c->n[2] += st.normalized;
	return 1;
}

static int
run_spaces(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	struct spaces_stats st = { 0, 0, 0 };

	spaces_clean(s, n, c->opts->on[S_MOJIBAKE], out, &st);
	c->n[0] += st.removed;
	c->n[1] += st.changed;
	c->n[2] += st.breaks;
	return 1;
}

static int
run_pinyin(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	pinyin_clean(s, n, out, &c->n[0]);
	return 1;
}

/* --explain's repairs; ctx is the document's name. */
static void
explain_moji(const char *kind, const char *old, size_t oldlen,
    const char *repair, size_t replen, const char *restored, void *ctx)
{
	if (repair && restored)
		sp_warn(ctx, "mojibake repaired (%s): %.*s -> %.*s "
		    "(bytes restored: %s)", kind, (int)oldlen, old,
		    (int)replen, repair, restored);
	else if (repair)
		sp_warn(ctx, "mojibake repaired (%s): %.*s -> %.*s", kind,
		    (int)oldlen, old, (int)replen, repair);
	else
		sp_warn(ctx, "mojibake not repaired (%s): %.*s", kind,
		    (int)oldlen, old);
}

static int
run_mojibake(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	struct mojibake_stats st = { 0, 0, 0, 0 };

	mojibake_repair(s, n,
	    (c->opts->on[S_UNICODE] ? MOJIBAKE_KEPT_MARKS : 0) |
	    (c->opts->on[S_SPACES] ? MOJIBAKE_KEPT_NBSP : 0), out, &st,
	    c->opts->explain ? explain_moji :
	    NULL, (void *)c->file);
	c->n[0] += st.repaired;
	c->n[1] += st.restored;
	c->n[2] += st.unrepairable;
	c->n[3] += st.removed;
	return 1;
}

static int
run_punct(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	punct_clean(s, n, out, &c->n[0]);
	return 1;
}

/* --explain's dropped lines; ctx is the document's name. */
static void
explain_line(const char *line, size_t len, const char *reason, void *ctx)
{
	sp_warn(ctx, "dropped (%s): %.*s", reason, (int)len, line);
}

static int
run_boilerplate(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	c->n[0] += boilerplate_filter(c->ch->bp, s, n, c->info, out,
	    c->opts->explain ? explain_line : NULL, (void *)c->file, c->pool);
	return 1;
}

/* --explain's page numbers; ctx is the document's name. */
static void
explain_page_number(const char *s, size_t n, void *ctx)
{
	sp_warn(ctx, "page number removed: %.*s", (int)n, s);
}

/*
 * The break the markup made between the text's lines prev and at.
 * After a lone <br> (or a line end in <pre>) a paragraph may go on, as
 * in any text.  Between two paragraphs (<p>) of one container it goes
 * on only where a width says a wrap cut it: a page pasted from a PDF
 * may hold each line of print in a <p> of its own.
 * Anything else (lines of two containers, lines dropped between, a line
 * a step cut in two) stays apart: footer and menu lines read as one
 * sentence to a wrap's rules, but a page set them apart.
 */
static unsigned char
markup_break(const struct page_info *info, size_t prev, size_t at)
{
	const struct html_line *a, *b;

	a = info->html[prev];
	b = info->html[at];
	/* Neighbours on the page, not only in the text: a page line the
	 * line steps emptied (&nbsp;) stood between. */
	if (at != prev + 1 || b != a + 1)
		return HARDWRAP_PARA;
	if (b->after_br)
		return 0;
	return a->box == b->box ? HARDWRAP_GAP : HARDWRAP_PARA;
}

/*
 * On an HTML page, the breaks the markup made (markup_break), added to
 * gaps[0..*n) (NULL: none) for the text s[0..len) in ch->breaks; kept[k]
 * (NULL: k itself) is the page line of the text's line k.
 */
static const unsigned char *
markup_breaks(struct chain *ch, const struct page_info *info,
    const char *s, size_t len, const unsigned char *gaps, size_t *n,
    const size_t *kept, size_t nkept)
{
	size_t k, at, prev = 0, lines = gaps ? *n : hardwrap_lines(s, len);
	unsigned char b;

	if (kept && nkept != lines)
		return gaps;	/* nothing to map the lines by */
	sp_buf_clear(&ch->breaks);
	for (k = 0; k < lines; k++) {
		b = gaps ? gaps[k] : 0;
		at = kept ? kept[k] : k;
		if (k > 0 && at < info->nhtml)
			b |= markup_break(info, prev, at);
		putch(&ch->breaks, (char)b);
		prev = at;
	}
	*n = lines;
	return (const unsigned char *)ch->breaks.data;
}

/*
 * In a text document, the empty lines that stood between the text's
 * lines (ch->blank_before, a byte a line the boilerplate step judged),
 * added to gaps[0..*n) (NULL: none) as HARDWRAP_BLANK for the text
 * s[0..len) in ch->breaks; kept[k] (NULL: k itself) is the judged line
 * of the text's line k.  A blank before any line dropped between two
 * kept ones stood between them.
 */
static const unsigned char *
blank_breaks(struct chain *ch, const char *s, size_t len,
    const unsigned char *gaps, size_t *n, const size_t *kept, size_t nkept)
{
	const char *blank = ch->blank_before.data;
	size_t k, j, at, prev = 0, nb = ch->blank_before.len;
	size_t lines = gaps ? *n : hardwrap_lines(s, len);
	unsigned char b;

	if (nb == 0 || (kept ? nkept != lines : lines != nb))
		return gaps;	/* none, or nothing to map the lines by */
	sp_buf_clear(&ch->breaks);
	for (k = 0; k < lines; k++) {
		b = gaps ? gaps[k] : 0;
		at = kept ? kept[k] : k;
		if (at >= nb)
			return gaps;
		for (j = k > 0 ? prev + 1 : at; j <= at; j++)
			if (blank[j])
				b |= HARDWRAP_BLANK;
		putch(&ch->breaks, (char)b);
		prev = at;
	}
	*n = lines;
	return (const unsigned char *)ch->breaks.data;
}

static int
run_hardwrap(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	const unsigned char *gaps = NULL;
	const size_t *kept = NULL;
	size_t ngaps = 0, nkept = 0;

	/* The boilerplate step ran just before, on this text: its gaps. */
	if (c->opts->on[S_BOILERPLATE] && c->ch->bp) {
		gaps = boilerplate_gaps(c->ch->bp, &ngaps);
		kept = boilerplate_kept(c->ch->bp, &nkept);
	}
	if (c->info && c->info->html && n > 0)
		gaps = markup_breaks(c->ch, c->info, s, n, gaps, &ngaps, kept,
		    nkept);
	else if (n > 0)
		gaps = blank_breaks(c->ch, s, n, gaps, &ngaps, kept, nkept);
	c->n[0] += hardwrap_join(s, n, gaps, ngaps, out);
	/* The lines a page number's line stood between are joined too. */
	c->n[1] += pagenum_strip(out->data, &out->len, c->opts->explain ?
	    explain_page_number : NULL, (void *)c->file, &c->n[0]);
	return 1;
}

/* Converted a line at a time: the converter counts lines it changed. */
static int
run_script(const char *s, size_t n, struct sp_buf *out,
    const struct step_ctx *c)
{
	const char *nl;
	size_t len;

	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		c->n[0] += (size_t)script_convert(c->ch->sc, s, len, out);
		if (nl == NULL)
			break;
		putch(out, '\n');
		s += len + 1;
		n -= len + 1;
	}
	return 1;
}

const struct step steps[NSTEPS] = {
	[S_DECODE] = { "decode", STEP_OPERAND, 0, NULL, NULL,
	    { "decode: files converted", "decode: binary files skipped" } },
	[S_HTML] = { "html", STEP_DOCUMENT, 0, run_html, NULL,
	    { "html: references decoded", "html: tags removed",
	    "html: scripts and styles removed", "html: pages parsed",
	    "html: hidden runs taken out of lines" } },
	[S_UNICODE] = { "unicode", STEP_LINE, 0, run_unicode,
	    normalize_thread_end,
	    { "unicode: characters removed", "unicode: line ends made LF",
	    "unicode: lines normalized" } },
	[S_SPACES] = { "spaces", STEP_LINE, 0, run_spaces, NULL,
	    { "spaces: removed", "spaces: made one space",
	    "spaces: paragraph breaks" } },
	[S_PINYIN] = { "pinyin", STEP_LINE, 0, run_pinyin, NULL,
	    { "pinyin: annotations dropped" } },
	[S_MOJIBAKE] = { "mojibake", STEP_LINE, 0, run_mojibake,
	    mojibake_thread_end,
	    { "mojibake: spans repaired", "mojibake: bytes restored",
	    "mojibake: spans unrepairable",
	    "mojibake: control characters removed" } },
	[S_PUNCT] = { "punct", STEP_LINE, 0, run_punct, punct_thread_end,
	    { "punct: marks converted" } },
	[S_BOILERPLATE] = { "boilerplate", STEP_DOCUMENT, 0, run_boilerplate,
	    NULL, { "boilerplate: lines dropped" } },
	[S_HARDWRAP] = { "hardwrap", STEP_DOCUMENT, 0, run_hardwrap, NULL,
	    { "hardwrap: lines joined", "hardwrap: page numbers removed" } },
	[S_SCRIPT] = { "script", STEP_DOCUMENT, 1, run_script, NULL,
	    { "script: lines converted" } },
};

int
step_by_name(const char *s, size_t len)
{
	int i;

	for (i = 0; i < NSTEPS; i++)
		if (strlen(steps[i].name) == len &&
		    strncmp(steps[i].name, s, len) == 0)
			return i;
	return -1;
}

/* Appends s to buf[*at..len), truncating. */
static void
append(char *buf, size_t len, size_t *at, const char *s)
{
	int w = snprintf(buf + *at, len - *at, "%s", s);

	if (w > 0)
		*at += (size_t)w < len - *at ? (size_t)w : len - *at - 1;
}

void
step_names(char *buf, size_t len, size_t first, size_t width,
    const char *indent)
{
	size_t at = 0, col = first, k;
	int i;

	buf[0] = '\0';
	for (i = 0; i < NSTEPS; i++) {
		if (steps[i].by_option)
			continue;
		k = strlen(steps[i].name);
		if (at > 0 && col + 1 + k > width) {
			append(buf, len, &at, "\n");
			append(buf, len, &at, indent);
			col = strlen(indent);
		} else if (at > 0) {
			append(buf, len, &at, " ");
			col++;
		}
		append(buf, len, &at, steps[i].name);
		col += k;
	}
}

void
step_stats(enum step_id s, const size_t *n)
{
	int k;

	for (k = 0; k < STEP_COUNTERS && steps[s].counters[k]; k++)
		sp_stat_add(steps[s].counters[k], n[k]);
}
