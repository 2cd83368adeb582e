/* chain.c: the cleaning chain over one document; see chain.h. */
#include <stdio.h>
#include <string.h>

#include "chain.h"
#include "hardwrap.h"
#include "pinyin.h"
#include "punct.h"
#include "text.h"
#include "tool.h"

int
chain_init(struct chain *ch, const struct chain_opts *opts,
    const struct boilerplate *rules, char *err, size_t errlen)
{
	memset(ch, 0, sizeof *ch);
	ch->opts = opts;
	if (opts->on[S_BOILERPLATE] &&
	    (ch->bp = boilerplate_clone(rules)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (opts->on[S_SCRIPT] &&
	    (ch->sc = script_open(opts->script_to, err, errlen)) == NULL) {
		boilerplate_free(ch->bp);
		return -1;
	}
	return 0;
}

void
chain_free(struct chain *ch)
{
	boilerplate_free(ch->bp);
	script_close(ch->sc);
	sp_buf_free(&ch->a);
	sp_buf_free(&ch->b);
	memset(ch, 0, sizeof *ch);
}

void
chain_thread_end(void)
{
	normalize_thread_end();
	mojibake_thread_end();
	punct_thread_end();
}

void
chain_counts_add(struct chain_counts *to, const struct chain_counts *c)
{
	to->html.refs += c->html.refs;
	to->html.tags += c->html.tags;
	to->html.scripts += c->html.scripts;
	to->norm.removed += c->norm.removed;
	to->norm.newlines += c->norm.newlines;
	to->norm.normalized += c->norm.normalized;
	to->spaces.removed += c->spaces.removed;
	to->spaces.changed += c->spaces.changed;
	to->spaces.breaks += c->spaces.breaks;
	to->moji.repaired += c->moji.repaired;
	to->moji.unrepairable += c->moji.unrepairable;
	to->pinyin += c->pinyin;
	to->punct += c->punct;
	to->boiler += c->boiler;
	to->joins += c->joins;
	to->script += c->script;
	to->empty += c->empty;
}

/* The step's output, in b, becomes the current text. */
static void
swap(struct chain *ch)
{
	struct sp_buf t = ch->a;

	ch->a = ch->b;
	ch->b = t;
	sp_buf_clear(&ch->b);
	ch->cur = ch->a.data ? ch->a.data : "";
	ch->curlen = ch->a.len;
}

void
chain_own(struct chain *ch)
{
	if (ch->cur == ch->a.data)
		return;
	sp_buf_clear(&ch->b);
	put(&ch->b, ch->cur, ch->curlen);
	swap(ch);
}

static int
has_empty_line(const char *s, size_t n)
{
	const char *nl, *end = s + n;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		if (nl + 1 < end && nl[1] == '\n')
			return 1;
		s = nl + 1;
	}
	return 0;
}

/* Drops the empty lines and the final newline of the text. */
static void
drop_empty(struct chain *ch)
{
	const char *s = ch->cur, *nl;
	size_t n = ch->curlen, len;

	if (n == 0 || (s[0] != '\n' && s[n - 1] != '\n' &&
	    !has_empty_line(s, n)))
		return;		/* nothing to drop */
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		if (len > 0) {
			if (ch->b.len > 0)
				putch(&ch->b, '\n');
			put(&ch->b, s, len);
		} else if (nl) {
			ch->n->empty++;
		}
		if (nl == NULL)
			break;
		s += len + 1;
		n -= len + 1;
	}
	if (ch->curlen && ch->cur[ch->curlen - 1] == '\n')
		ch->n->empty--;	/* the final newline held no line */
	swap(ch);
}

static void
explain_line(const char *line, size_t len, const char *reason, void *ctx)
{
	struct chain *ch = ctx;

	sp_warn(ch->file, "dropped (%s): %.*s", reason, (int)len, line);
}

static void
explain_moji(const char *kind, const char *old, size_t oldlen,
    const char *repair, size_t replen, void *ctx)
{
	struct chain *ch = ctx;

	if (repair)
		sp_warn(ch->file, "mojibake repaired (%s): %.*s -> %.*s", kind,
		    (int)oldlen, old, (int)replen, repair);
	else
		sp_warn(ch->file, "mojibake not repaired (%s): %.*s", kind,
		    (int)oldlen, old);
}

static void
script_lines(struct chain *ch)
{
	const char *s = ch->cur, *nl;
	size_t n = ch->curlen, len;

	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		ch->n->script += (size_t)script_convert(ch->sc, s, len, &ch->b);
		if (nl == NULL)
			break;
		putch(&ch->b, '\n');
		s += len + 1;
		n -= len + 1;
	}
	swap(ch);
}

void
chain_run(struct chain *ch, const char *text, size_t len,
    struct chain_counts *n, const char *file)
{
	const int *on = ch->opts->on;
	int explain = ch->opts->explain;

	ch->n = n;
	ch->file = file;
	sp_buf_clear(&ch->a);
	sp_buf_clear(&ch->b);
	ch->cur = text;
	ch->curlen = len;
	if (on[S_HTML] && (memchr(text, '<', len) || memchr(text, '&', len))) {
		html_clean(ch->cur, ch->curlen, &ch->b, &n->html);
		swap(ch);
	}
	if (on[S_UNICODE]) {
		normalize_text(ch->cur, ch->curlen, ch->opts->nfkc, &ch->b,
		    &n->norm);
		swap(ch);
	}
	if (on[S_SPACES]) {
		spaces_clean(ch->cur, ch->curlen, &ch->b, &n->spaces);
		swap(ch);
	}
	if (on[S_PINYIN]) {
		pinyin_clean(ch->cur, ch->curlen, &ch->b, &n->pinyin);
		swap(ch);
	}
	if (on[S_MOJIBAKE]) {
		mojibake_repair(ch->cur, ch->curlen, &ch->b, &n->moji,
		    explain ? explain_moji : NULL, ch);
		swap(ch);
	}
	if (on[S_PUNCT]) {
		punct_clean(ch->cur, ch->curlen, &ch->b, &n->punct);
		swap(ch);
	}
	drop_empty(ch);
	if (on[S_BOILERPLATE]) {
		n->boiler += boilerplate_filter(ch->bp, ch->cur, ch->curlen,
		    &ch->b, explain ? explain_line : NULL, ch);
		swap(ch);
	}
	if (on[S_HARDWRAP]) {
		n->joins += hardwrap_join(ch->cur, ch->curlen, &ch->b);
		swap(ch);
	}
	if (on[S_SCRIPT])
		script_lines(ch);
	drop_empty(ch);
}
