/*
 * mode_sentences.c: -s, one sentence a line.
 *
 * Plain output is the input with newlines added at sentence ends and
 * nothing taken away.  Records carry the sentence's unit number and byte
 * offsets in its document; sentences of blank space alone are not records.
 */
#include <stdio.h>
#include <string.h>

#include "sentences.h"
#include "split.h"
#include "tool.h"
#include "utf8.h"
#include "zh.h"

static uint64_t unit;
/* Sentences not yet counted: counted at the document's end, not a line
 * or a record at a time (a search of the counters' names each). */
static uint64_t uncounted;

static void
begin(const struct doc *d)
{
	unit = 0;
	out_begin_doc(d);
}

static int
blank_only(const char *s, size_t n)
{
	size_t i = 0, b;

	/* A letter, a digit or a Han ideograph (lead bytes E4 to E9) first:
	 * most sentences, told so without a call. */
	if (n > 0 && (((unsigned char)s[0] > ' ' && (unsigned char)s[0] < 0x80) ||
	    ((unsigned char)s[0] >= 0xE4 && (unsigned char)s[0] <= 0xE9)))
		return 0;
	/* A form feed too: the separator line of documents inside a
	 * record's text or a NUL-ended document is no sentence. */
	while (i < n) {
		if (s[i] == '\f' || s[i] == '\v')
			b = 1;
		else if ((b = sp_blank_len(s + i, n - i)) == 0)
			break;
		i += b;
	}
	return i == n;
}

/*
 * The sentence l->text[a..b) as a record, unless it is blank space
 * alone; valid: the line is valid UTF-8.
 */
static void
record(const struct doc *d, const struct line *l, size_t a, size_t b,
    int valid)
{
	char members[96], *p;

	if (blank_only(l->text + a, b - a))
		return;
	uncounted++;
	p = out_member(members, "unit", ++unit);
	*p++ = ',';
	p = out_member(p, "start", l->off + a);
	*p++ = ',';
	p = out_member(p, "end", l->off + b);
	out_record_n(d, members, (size_t)(p - members), l->text + a, b - a,
	    valid);
}

/*
 * Sentences of a valid line are valid: checked once, not each.  The
 * text of a record is valid as jansson decoded it (it refuses invalid
 * UTF-8 and lone surrogates), and is not checked again.
 */
static int
line_valid(const struct doc *d, const struct line *l)
{
	return d->rec != NULL || sp_utf8_valid_prefix(
	    (const unsigned char *)l->text, l->len) == l->len;
}

/*
 * Does the sentence s[a..n), the last of a piece of a line longer than
 * --max-unit, end where the piece does?  The splitter is asked of it with
 * " A一" after it, as if the line went on with a sentence (a blank and a
 * capital, which an English sentence end wants; the blank goes with the
 * sentence before it): a newline is then owed there (one sentence a
 * line), though the line's end is not.  A closing quote the next piece
 * opens with is not seen.
 */
static int
ends_piece(const char *s, size_t a, size_t n)
{
	static struct sp_buf tail;
	struct sentences it;
	size_t x, y;

	sp_buf_clear(&tail);
	if (sp_buf_append(&tail, s + a, n - a) < 0 ||
	    sp_buf_append(&tail, " A\xe4\xb8\x80", 5) < 0)	/* " A一" */
		sp_oom();
	sent_init(&it, tail.data, tail.len, split_opts.semicolon);
	return sent_next(&it, &x, &y) && (y == n - a || y == n - a + 1);
}

static void
line(const struct doc *d, const struct line *l)
{
	struct sentences it;
	size_t a = 0, b;
	int valid;

	sent_init(&it, l->text, l->len, split_opts.semicolon);
	if (!split_opts.json_out) {
		while (sent_next(&it, &a, &b)) {
			uncounted++;
			/* One sentence and its line end, in one write when
			 * they stand together in the input's buffer. */
			if (a == 0 && b == l->len && l->eol_len &&
			    l->eol == l->text + l->len) {
				out_text(l->text, l->len + l->eol_len);
				return;
			}
			out_text(l->text + a, b - a);
			/* Ended as the line ends: CRLF stays CRLF. */
			if (b < l->len && l->eol_len)
				out_text(l->eol, l->eol_len);
			else if (b < l->len)
				out_text("\n", 1);
		}
		if (l->eol_len)
			out_text(l->eol, l->eol_len);
		else if (!l->partial)
			out_text("\n", 1);
		else if (l->len > 0 && ends_piece(l->text, a, l->len))
			out_text("\n", 1);
		else if (l->len > 0)
			uncounted--;	/* counted with its end, next piece */
		return;
	}
	valid = line_valid(d, l);
	while (sent_next(&it, &a, &b))
		record(d, l, a, b, valid);
}

/*
 * The sentences of the line s[at..at + len) in plain output, written
 * from s[done], where the writing stopped, up to the last end inside the
 * line, each ended as the line is (eol, CRLF or LF); returns where it
 * stops now.  The line's own end is written with what follows it.
 */
static size_t
plain_ends(const char *s, size_t at, size_t len, size_t done,
    const char *eol, size_t eol_len)
{
	struct sentences it;
	size_t a, b;

	sent_init(&it, s + at, len, split_opts.semicolon);
	while (sent_next(&it, &a, &b)) {
		uncounted++;
		if (b < len) {
			out_text(s + done, at + b - done);
			out_text(eol, eol_len);
			done = at + b;
		}
	}
	return done;
}

/*
 * A run of whole lines.  Plain output is the run with a newline added
 * at each sentence end inside a line: written in stretches from one
 * such end to the next, not a line and its end at a time, and the lines
 * that end no sentence inside (most lines of HTML and of page dumps)
 * passed over in one look (sent_whole_lines()), not split one by one.
 */
/* The line of first's run at s[at], n bytes before its '\n', in l. */
static void
run_line(const struct line *first, size_t at, size_t n, struct line *l)
{
	l->text = first->text + at;
	l->len = n > 0 && l->text[n - 1] == '\r' ? n - 1 : n;
	l->eol = l->text + l->len;
	l->eol_len = n + 1 - l->len;
	l->off = first->off + at;
}

/*
 * Records of the lines of first's run in s[at..end), each one sentence
 * (sent_whole_lines() told so): no walk.
 */
static void
whole_records(const struct doc *d, const struct line *first, size_t at,
    size_t end)
{
	const char *s = first->text, *nl;
	struct line l = *first;

	for (; at < end; at = (size_t)(nl - s) + 1) {
		nl = memchr(s + at, '\n', end - at);
		run_line(first, at, (size_t)(nl - (s + at)), &l);
		if (l.len > 0)
			record(d, &l, 0, l.len, line_valid(d, &l));
	}
}

/*
 * A run of whole lines.  Plain output is the run with a newline added
 * at each sentence end inside a line: written in stretches from one
 * such end to the next, not a line and its end at a time, and the lines
 * that end no sentence inside (most lines of HTML and of page dumps)
 * passed over in one look (sent_whole_lines()), not split one by one;
 * with --jsonl such a line is a record as it is.
 */
static size_t
lines(const struct doc *d, const struct line *first, uint64_t *count)
{
	const char *s = first->text, *nl;
	size_t used = 0, done = 0, k;
	uint64_t whole, sentences;
	struct line l = *first;

	for (;;) {
		k = sent_whole_lines(s + used, first->len - used,
		    split_opts.semicolon, &whole, &sentences);
		if (split_opts.json_out)
			whole_records(d, first, used, used + k);
		else
			uncounted += sentences;
		used += k;
		*count += whole;
		if ((nl = memchr(s + used, '\n', first->len - used)) == NULL)
			break;
		if (nl > s + used && s[used] == '\f')
			break;		/* perhaps a form-feed line */
		run_line(first, used, (size_t)(nl - (s + used)), &l);
		if (split_opts.json_out)
			line(d, &l);
		else
			done = plain_ends(s, used, l.len, done, l.eol,
			    l.eol_len);
		used = (size_t)(nl - s) + 1;
		++*count;
	}
	if (!split_opts.json_out)
		out_text(s + done, used - done);
	return used;
}

static void
end(const struct doc *d)
{
	if (uncounted)
		sp_stat_add("sentences", uncounted);
	uncounted = 0;
	out_end_doc(d);
}

static const char *const members[] = { "doc", "unit", "start", "end", NULL };

const struct mode mode_sentences = { begin, line, end, members, lines };
