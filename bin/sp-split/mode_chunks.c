/*
 * mode_chunks.c: -c N, whole sentences packed into chunks of at most N
 * characters (bytes with --bytes), for retrieval.
 *
 * Sentences are added to the chunk while it stays within N; the chunk
 * runs from its first sentence's start to its last one's end in the
 * document, newlines between lines included.  A sentence longer than N
 * alone is cut: after the last ；，、 that fits, else at the last
 * character that fits; its last piece is packed like a sentence.
 * --overlap K starts each chunk with the last K sentences of the one
 * before, as many as fit.  --headings starts each chunk with the path of
 * headings it falls under (一、… > （二）…), found by the recognizer that
 * sp-outline uses, fed the line's pieces as sp-outline feeds them (a
 * marker inside a sentence opens nothing); the path counts toward N and
 * gives up its outer levels when it would take more than half, and its
 * innermost title is shortened when that alone would.  A chunk is
 * labelled with what all its sentences fall under (a chunk that runs
 * from （一）'s text into （二） has 二、's path), and never ends with
 * headings whose text is in the next: they open the next chunk.
 *
 * Only the bytes from the current chunk's start are held.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "heading.h"
#include "sentences.h"
#include "split.h"
#include "tool.h"
#include "zh.h"

static void inner_path(void);

struct entry {
	uint64_t start, end;	/* in the document */
	char *path;		/* --headings: the heading path, or NULL */
	size_t plen;
	int heading;		/* the sentence opens with a heading */
};

static struct {
	struct sp_buf win;	/* document bytes from win_off on */
	uint64_t win_off;
	struct entry *e;	/* the current chunk's sentences */
	size_t ne, cap;
	size_t body;		/* size of e[0].start .. e[ne-1].end */
	uint64_t unit;
	struct sp_heading_tracker *ht;
	struct sp_buf path;
	int path_heading;	/* the sentence of path opens a heading */
	/* The line's pieces fed to the tracker: the next one's start, and
	 * where the last one's text starts and whether it opened with a
	 * heading. */
	size_t next_piece, piece_text;
	int piece_heading;
	struct sp_buf label;	/* the path a chunk is written with */
} C;

static size_t
range_size(uint64_t a, uint64_t b)
{
	return unit_size(C.win.data + (a - C.win_off), (size_t)(b - a));
}

/*
 * What a chunk's heading path takes of its size: the path and the tab
 * after it, or the tab alone (in records, the line break after the path
 * or nothing: counted alike, so that records and plain lines are cut at
 * the same places).
 */
static size_t
prefix_size(const struct entry *x)
{
	if (x->plen)
		return unit_size(x->path, x->plen) + 1;
	return split_opts.headings ? 1 : 0;
}

/* Does every path of e[0..ne) hold whole headings up to byte len? */
static int
whole_paths_at(const struct entry *e, size_t ne, size_t len)
{
	size_t k;

	for (k = 0; k < ne; k++)
		if (e[k].plen != len && (e[k].plen < len + 3 ||
		    memcmp(e[k].path + len, " > ", 3) != 0))
			return 0;
	return 1;
}

/*
 * The label of the chunk of entries e[0..ne), in C.label: the longest
 * path that every sentence of it falls under (a heading sentence's path
 * is the one above it).
 */
static void
chunk_label(const struct entry *e, size_t ne)
{
	size_t len = e[0].plen, k, i;

	for (k = 1; k < ne && len > 0; k++) {
		for (i = 0; i < len && i < e[k].plen &&
		    e[k].path[i] == e[0].path[i]; i++)
			;
		len = i;
	}
	while (len > 0 && !whole_paths_at(e, ne, len))
		len--;
	sp_buf_clear(&C.label);
	if (len > 0 && sp_buf_append(&C.label, e[0].path, len) < 0)
		sp_oom();
}

static void
drop_entries(size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		free(C.e[k].path);
}

static void
push(uint64_t start, uint64_t end, const char *path, size_t plen)
{
	struct entry *x;

	if (C.ne == C.cap) {
		C.cap = C.cap ? C.cap * 2 : 16;
		C.e = sp_xrealloc(C.e, C.cap * sizeof *C.e);
	}
	x = &C.e[C.ne++];
	x->start = start;
	x->end = end;
	x->plen = plen;
	x->path = NULL;
	x->heading = C.path_heading;
	if (plen) {
		x->path = sp_xmalloc(plen);
		memcpy(x->path, path, plen);
	}
}

/* Writes the chunk of entries e[0..ne), ending at end. */
static void
emit(const struct doc *d, const struct entry *e, size_t ne, uint64_t end)
{
	struct sp_buf m = SP_BUF_INIT, t = SP_BUF_INIT;
	const char *body = C.win.data + (e->start - C.win_off);
	size_t blen = (size_t)(end - e->start);
	char num[96];
	struct entry label, *first = &label;

	sp_stat_add("chunks", 1);
	C.unit++;
	label = *e;
	if (split_opts.headings) {
		chunk_label(e, ne);
		label.path = C.label.data;
		label.plen = C.label.len;
	}
	if (!split_opts.json_out) {
		if (split_opts.headings) {
			out_text(first->path, first->plen);
			out_text("\t", 1);
		}
		out_joined(body, blen);
		return;
	}
	snprintf(num, sizeof num, "\"unit\":%llu,\"start\":%llu,\"end\":%llu",
	    (unsigned long long)C.unit, (unsigned long long)first->start,
	    (unsigned long long)end);
	if (sp_buf_puts(&m, num) < 0)
		sp_oom();
	if (split_opts.headings) {
		if (sp_buf_puts(&m, ",\"heading\":") < 0)
			sp_oom();
		if (first->plen)
			out_json_string(&m, first->path, first->plen);
		else if (sp_buf_puts(&m, "null") < 0)
			sp_oom();
	}
	if (first->plen && (sp_buf_append(&t, first->path, first->plen) < 0 ||
	    sp_buf_putc(&t, '\n') < 0))
		sp_oom();
	if (sp_buf_append(&t, body, blen) < 0)
		sp_oom();
	out_record(d, m.data, t.data, t.len, 0);
	sp_buf_free(&m);
	sp_buf_free(&t);
}

static int
pause_mark(const char *s, size_t n)
{
	static const char *const marks[] = { "，", "、", "；", "：", "。",
	    "！", "？", "”", "’", "）", "」", "』", "》", "】", "〕", "］",
	    "—", "…", "％", "～", NULL };
	size_t k;

	if (n >= 1 && s[0] != '\0' && strchr(",;:.!?)]%", s[0]) != NULL)
		return 1;
	for (k = 0; marks[k]; k++)
		if (n >= 3 && memcmp(s, marks[k], 3) == 0)
			return 1;
	return 0;
}

/*
 * Where to cut [p, e) so that the piece fits in budget: after the last
 * ；，、 (or ; ,) that fits, if that keeps at least half of what fits
 * (counted as the budget is: characters, or bytes with --bytes); else
 * after the last character that fits, moved back over the marks that
 * would open the next piece (——, ……, ％ two or more), so that none does.
 */
static uint64_t
cut_point(uint64_t p, uint64_t e, size_t budget)
{
	const char *s = C.win.data + (p - C.win_off);
	size_t n = (size_t)(e - p), i = 0, used = 0, len, best = 0, k, size;
	size_t best_used = 0;

	while (i < n) {
		int32_t cp;

		/* A character, or an invalid sequence (one U+FFFD, three
		 * bytes written). */
		len = sp_utf8_next((const unsigned char *)s + i, n - i, &cp);
		size = !split_opts.bytes ? 1 : cp == SP_REPLACEMENT ? 3 : len;
		if (used + size > budget)
			break;
		used += size;
		i += len;
		if ((len == 3 && (memcmp(s + i - 3, "；", 3) == 0 ||
		    memcmp(s + i - 3, "，", 3) == 0 ||
		    memcmp(s + i - 3, "、", 3) == 0)) ||
		    (len == 1 && (s[i - 1] == ';' || s[i - 1] == ','))) {
			best = i;
			best_used = used;
		}
	}
	if (i == 0) {		/* not even one character fits */
		i = 1;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		return p + i;
	}
	if (best > 0 && best_used * 2 >= used)
		return p + best;
	/* Back over the marks the next piece would open with, while the
	 * piece keeps a character. */
	for (k = i; k < n && pause_mark(s + k, n - k); ) {
		if (k == 0)
			break;
		k--;
		while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		if (k == 0)
			break;
	}
	return p + (k > 0 && k < i ? k : i);
}

/* Starts a chunk with the sentence [s, e), cutting it if it must. */
static void
start_with(const struct doc *d, uint64_t s, uint64_t e, const char *path,
    size_t plen)
{
	struct entry piece;
	size_t psize, budget, size;
	uint64_t q;

	piece.path = (char *)path;
	piece.plen = plen;
	piece.heading = 0;
	psize = prefix_size(&piece);
	budget = psize < split_opts.chunk ? split_opts.chunk - psize : 0;
	/* Counted once: a sentence of megabytes is cut in one pass. */
	if ((size = range_size(s, e)) > budget)
		sp_stat_add("sentences cut", 1);
	while (size > budget) {
		q = cut_point(s, e, budget);
		piece.start = s;
		emit(d, &piece, 1, q);
		size -= range_size(s, q);
		s = q;
		/* The heading is written: the rest is its text. */
		if (C.path_heading) {
			inner_path();
			path = piece.path = C.path.data;
			plen = piece.plen = C.path.len;
			psize = prefix_size(&piece);
			budget = psize < split_opts.chunk ?
			    split_opts.chunk - psize : 0;
		}
	}
	if (s < e)
		push(s, e, path, plen);
	C.body = C.ne ? range_size(C.e[0].start, C.e[C.ne - 1].end) : 0;
}

/* Forgets the chunk's sentences. */
static void
flush_entries(void)
{
	drop_entries(0, C.ne);
	C.ne = 0;
	C.body = 0;
}

/* Headings at the end of the chunk, their text still to come. */
static size_t
trailing_headings(void)
{
	size_t j = 0;

	while (j < C.ne && C.e[C.ne - 1 - j].heading)
		j++;
	return j;
}

static void
add_sentence(const struct doc *d, uint64_t s, uint64_t e, const char *path,
    size_t plen)
{
	size_t k, first;

	if (C.ne > 0 && prefix_size(&C.e[0]) + C.body +
	    range_size(C.e[C.ne - 1].end, e) <= split_opts.chunk) {
		C.body += range_size(C.e[C.ne - 1].end, e);
		push(s, e, path, plen);
		return;
	}
	if (C.ne == 0) {
		start_with(d, s, e, path, plen);
		return;
	}
	/* Headings whose text does not fit open the next chunk (with no
	 * overlap: they say where it is), unless they are all it holds. */
	k = split_opts.headings ? trailing_headings() : 0;
	if (k > 0 && k < C.ne) {
		first = C.ne - k;
		emit(d, C.e, first, C.e[first - 1].end);
		drop_entries(0, first);
		memmove(C.e, C.e + first, k * sizeof *C.e);
		C.ne = k;
		C.body = range_size(C.e[0].start, C.e[k - 1].end);
		add_sentence(d, s, e, path, plen);
		return;
	}
	/* Headings alone, then a sentence too long to follow them whole:
	 * its first piece goes with them, where a quarter of the chunk is
	 * left for it. */
	if (k > 0 && k == C.ne && prefix_size(&C.e[0]) +
	    range_size(C.e[0].start, s) + split_opts.chunk / 4 <=
	    split_opts.chunk) {
		uint64_t q = cut_point(s, e, split_opts.chunk -
		    prefix_size(&C.e[0]) - range_size(C.e[0].start, s));

		emit(d, C.e, C.ne, q);
		flush_entries();
		if (C.path_heading) {
			inner_path();
			path = C.path.data;
			plen = C.path.len;
		}
		start_with(d, q, e, path, plen);
		return;
	}
	emit(d, C.e, C.ne, C.e[C.ne - 1].end);
	/* The overlap: the last K sentences that fit with the new one. */
	k = split_opts.overlap < C.ne ? split_opts.overlap : C.ne;
	for (; k > 0; k--) {
		first = C.ne - k;
		if (prefix_size(&C.e[first]) + range_size(C.e[first].start, e) <=
		    split_opts.chunk)
			break;
	}
	first = C.ne - k;
	drop_entries(0, first);
	memmove(C.e, C.e + first, k * sizeof *C.e);
	C.ne = k;
	if (k == 0) {
		start_with(d, s, e, path, plen);
		return;
	}
	push(s, e, path, plen);
	C.body = range_size(C.e[0].start, e);
}

static void
flush(const struct doc *d)
{
	if (C.ne > 0)
		emit(d, C.e, C.ne, C.e[C.ne - 1].end);
	flush_entries();
}

/*
 * Feeds the tracker the pieces of line l (as sp-outline feeds a line:
 * segment by segment) that start at or before byte upto, and notes where
 * the last one's text starts and whether it opens with a heading.
 */
static void
feed_pieces(const struct line *l, size_t upto)
{
	size_t ps, end, nx, lead;
	int found;

	while (C.next_piece < l->len && C.next_piece <= upto) {
		ps = C.next_piece;
		end = sp_heading_piece(l->text + ps, l->len - ps, 0, &nx);
		found = sp_heading_tracker_feed(C.ht, l->text + ps, end,
		    l->number, l->off + ps);
		if (found < 0)
			sp_oom();
		lead = sp_skip_blank(l->text + ps, end, 0);
		C.piece_text = ps + lead;
		C.piece_heading = found > 0 && sp_heading_tracker_found(C.ht,
		    0)->h.marker_off <= lead;
		C.next_piece = nx > 0 ? ps + nx : l->len;
	}
}

/* Appends to C.path the heading path from level lo to hi (exclusive). */
static void
path_levels(int lo, int hi)
{
	int k;

	sp_buf_clear(&C.path);
	for (k = lo; k < hi; k++) {
		if (k > lo && sp_buf_puts(&C.path, " > ") < 0)
			sp_oom();
		if (sp_heading_entry_text(sp_heading_tracker_at(C.ht, k),
		    &C.path) < 0)
			sp_oom();
	}
}

/*
 * C.path cut to fit in max units (characters, or bytes with --bytes),
 * an ellipsis in place of its end; empty when not even a character and
 * the ellipsis fit.
 */
static void
shorten_path(size_t max)
{
	size_t i = 0, used = 0, len, size;
	int32_t cp;

	while (i < C.path.len) {
		len = sp_utf8_next((const unsigned char *)C.path.data + i,
		    C.path.len - i, &cp);
		size = split_opts.bytes ? len : 1;
		if (used + size + (split_opts.bytes ? 3 : 1) > max)
			break;
		used += size;
		i += len;
	}
	if (i == C.path.len)
		return;		/* it fits whole */
	C.path.len = i;
	if (i == 0 || sp_buf_puts(&C.path, "…") < 0)
		sp_buf_clear(&C.path);
}

/*
 * The heading path for the sentence whose text starts at byte a of line
 * l, in C.path: the tracker fed the line's pieces up to there.  A
 * sentence that opens a heading is labelled with the path above it.  At
 * most half the chunk: outer levels go first, then the innermost
 * title's end.
 */
/* The path of the levels above hi, in C.path, within half the chunk. */
static void
path_to(int hi)
{
	int lo;

	for (lo = 0; lo < hi; lo++) {
		path_levels(lo, hi);
		if ((unit_size(C.path.data, C.path.len) + 1) * 2 <=
		    split_opts.chunk)
			return;
	}
	sp_buf_clear(&C.path);
	if (hi > 0 && split_opts.chunk >= 2) {
		path_levels(hi - 1, hi);
		shorten_path(split_opts.chunk / 2 - 1);
	}
}

static void
heading_path(const struct line *l, size_t a)
{
	int depth;

	feed_pieces(l, a);
	depth = sp_heading_tracker_depth(C.ht);
	C.path_heading = C.piece_heading && C.piece_text == a && depth > 0;
	path_to(C.path_heading ? depth - 1 : depth);
}

/*
 * The path of a heading sentence's text, in C.path, once the sentence's
 * first piece is written under the path above: its own heading the
 * innermost level.
 */
static void
inner_path(void)
{
	path_to(sp_heading_tracker_depth(C.ht));
	C.path_heading = 0;
}

static int
blank_only(const char *s, size_t n)
{
	size_t i = 0, b;

	while (i < n && (b = sp_blank_len(s + i, n - i)) > 0)
		i += b;
	return i == n;
}

static void
begin(const struct doc *d)
{
	sp_buf_clear(&C.win);
	C.win_off = 0;
	C.unit = 0;
	C.ne = 0;
	C.body = 0;
	if (split_opts.headings) {
		if (C.ht == NULL &&
		    (C.ht = sp_heading_tracker_new(0)) == NULL)
			sp_oom();
		sp_heading_tracker_reset(C.ht);
	}
	out_begin_doc(d);
}

static void
line(const struct doc *d, const struct line *l)
{
	struct sentences it;
	size_t a, b, keep;
	uint64_t line_end = l->off + l->len + l->eol_len;

	if (C.win.len == 0)
		C.win_off = l->off;
	if (sp_buf_append(&C.win, l->text, l->len) < 0 ||
	    sp_buf_append(&C.win, l->eol, l->eol_len) < 0)
		sp_oom();
	sent_init(&it, l->text, l->len, split_opts.semicolon);
	C.next_piece = 0;
	C.path_heading = 0;
	while (sent_next(&it, &a, &b)) {
		if (blank_only(l->text + a, b - a))
			continue;
		sp_stat_add("sentences", 1);
		if (split_opts.headings)
			heading_path(l, sp_skip_blank(l->text, b, a));
		add_sentence(d, l->off + a, l->off + b, C.path.data,
		    split_opts.headings ? C.path.len : 0);
	}
	if (split_opts.headings)
		feed_pieces(l, l->len);
	/* Keep only what the current chunk still needs. */
	keep = C.ne ? (size_t)(C.e[0].start - C.win_off) :
	    (size_t)(line_end - C.win_off);
	if (keep > 0) {
		memmove(C.win.data, C.win.data + keep, C.win.len - keep);
		C.win.len -= keep;
		C.win_off += keep;
	}
}

static void
end(const struct doc *d)
{
	flush(d);
	out_end_doc(d);
}

static const char *const members[] = {
	"doc", "unit", "start", "end", "heading", NULL
};

const struct mode mode_chunks = { begin, line, end, members, NULL };
