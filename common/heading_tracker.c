/*
 * heading_tracker.c: the levels of a document's headings and their
 * numbering, line by line.
 *
 * A style (a marker kind, or a numbered marker read as a law's item) takes
 * a rank the first time it appears, from the order official documents and
 * laws give the styles; a heading closes every open one of its rank or
 * deeper.  The law's hierarchy (编 章 节 条 and the items under an
 * article) and the numbering each heading continues are kept here.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "heading_int.h"
#include "utf8.h"

#define MAX_DEPTH 40
/* Longest marker, in bytes, a segment of its own may be (第一百二十三条之一
 * is 27). */
#define MARKER_ALONE_MAX 40


struct style {
	int rank;		/* 0: not seen in this document */
	unsigned first_form;
	/* The last heading of the style, and the serial of its parent. */
	uint64_t last_parent;
	long last_number;
	enum sp_heading_kind last_kind;
	unsigned last_form;
	uint64_t last_line;
	long last_sub;
	char last_marker[SP_HEADING_MARKER_MAX];
};

struct sp_heading_tracker {
	unsigned flags;
	struct style style[2 * SP_HK_NKINDS];
	struct sp_heading_entry path[MAX_DEPTH];
	int key[MAX_DEPTH];	/* the style of each path entry */
	int leaf[MAX_DEPTH];	/* an item that is a whole paragraph */
	uint64_t serial[MAX_DEPTH];	/* tells headings apart */
	uint64_t next_serial;
	int depth;
	struct sp_heading_entry *found;
	int nfound, cap;
	/*
	 * The last part (第X篇, …篇X, 第X部分) of the previous document: a
	 * page split into one document a part (sp-split -d) numbers its parts
	 * across the documents, so 第二篇 opening a document follows it.
	 */
	struct style carry_part;
	/* The last item left out (not reported), to continue its list. */
	int left_family, left_depth;
	long left_number;
	/* A 一、 section has stood above an article: it ranks above 条. */
	int dun_over_article;
	/* ①…⑳ seen inside a line: note references, so ① lines are notes. */
	uint32_t note_refs;
	/*
	 * A law's 目录 printed without leaders: its chapter lines are no
	 * headings, until the text repeats its first entry (toc_kind and
	 * toc_number) and the law begins.
	 */
	enum { TOC_NONE, TOC_OPEN, TOC_IN } toc;
	enum sp_heading_kind toc_kind;
	long toc_number;
	uint64_t toc_line;	/* the line of its title or last entry */
};

struct sp_heading_tracker *
sp_heading_tracker_new(unsigned flags)
{
	struct sp_heading_tracker *t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	t->flags = flags;
	sp_heading_tracker_reset(t);
	return t;
}

static int is_part_family(int k);

void
sp_heading_tracker_forget_parts(struct sp_heading_tracker *t)
{
	memset(&t->carry_part, 0, sizeof t->carry_part);
	memset(t->style, 0, sizeof t->style);
}

void
sp_heading_tracker_reset(struct sp_heading_tracker *t)
{
	size_t i;
	const struct style *last = NULL;

	for (i = 0; i < sizeof t->style / sizeof t->style[0]; i++)
		if (t->style[i].rank && is_part_family(t->style[i].last_kind) &&
		    (last == NULL || t->style[i].last_line >= last->last_line))
			last = &t->style[i];
	if (last)
		t->carry_part = *last;
	memset(t->style, 0, sizeof t->style);
	t->depth = 0;
	t->nfound = 0;
	t->dun_over_article = 0;
	t->note_refs = 0;
	t->left_depth = -1;
	t->toc = TOC_NONE;
}

void
sp_heading_tracker_free(struct sp_heading_tracker *t)
{
	if (t == NULL)
		return;
	free(t->found);
	free(t);
}

static int
is_part_family(int k)
{
	return k == SP_HK_PIAN || k == SP_HK_BUFEN || k == SP_HK_PIAN_TAIL;
}

/*
 * The order GB/T 9704, legislative drafting and common use give the
 * styles, used to place a style the first time it appears: parts; the
 * law's 编 分编 章 节 条; 一、（一）1.（1）①1); then items (law items,
 * 第一/首先, 一是, 一要).  A law's own levels (编 > 分编 > 章 > 节 > 条,
 * and under an article its items （一） > 1.) are fixed by drafting
 * practice; a 一、 section that stands above articles (a judicial
 * interpretation's 一、受案范围 over its 第X条) ranks between 节 and 条
 * once seen.
 */
static int
natural(const struct sp_heading_tracker *t, int key)
{
	static const signed char order[SP_HK_NKINDS] = {
		[SP_HK_PIAN] = 0, [SP_HK_BUFEN] = 0, [SP_HK_PIAN_TAIL] = 0,
		[SP_HK_BIAN] = 2, [SP_HK_FENBIAN] = 3, [SP_HK_ZHANG] = 4,
		[SP_HK_JIE] = 6, [SP_HK_TIAO] = 8, [SP_HK_CN_DUN] = 10,
		[SP_HK_CN_PAREN] = 12, [SP_HK_NUM_DOT] = 14,
		[SP_HK_NUM_PAREN] = 16, [SP_HK_CIRCLED] = 18,
		[SP_HK_NUM_RPAREN] = 20,
		[SP_HK_DI] = 60, [SP_HK_SEQ] = 60, [SP_HK_SHI] = 62,
		[SP_HK_YAO] = 64
	};

	if (key >= SP_HK_NKINDS)	/* a numbered marker as a law item */
		return 40 + order[key - SP_HK_NKINDS];
	if (key == SP_HK_CN_DUN && t->dun_over_article)
		return 7;
	return order[key];
}

/* Styles that continue one another share a rank: 第一篇 and …篇二. */
static int
family(enum sp_heading_kind k)
{
	switch (k) {
	case SP_HK_PIAN_TAIL: return SP_HK_PIAN;
	case SP_HK_SEQ: return SP_HK_DI;
	default: return k;
	}
}

static void
copy_text(char *dst, size_t cap, size_t *len, const char *s, size_t n)
{
	if (n >= cap)
		n = sp_utf8_boundary(s, cap - 1);
	memcpy(dst, s, n);
	dst[n] = '\0';
	*len = n;
}

/* Is the deepest open heading that is not an item a 一、 section? */
static int
dun_open(const struct sp_heading_tracker *t)
{
	int i;

	for (i = t->depth - 1; i >= 0; i--)
		if (!t->path[i].item)
			return t->path[i].h.kind == SP_HK_CN_DUN;
	return 0;
}

/*
 * Is h, not a line of its own, the start or the next entry of a list
 * numbered afresh inside a section of its own style: 一、…二、… rules
 * written as paragraphs under a report's 三、 section?
 */
static int
restarted_list(const struct sp_heading_tracker *t, const struct sp_heading *h,
    int key)
{
	int i;

	/* Items are not kept when not reported: the last one left out. */
	if (t->left_depth == t->depth && t->left_family == key &&
	    t->left_number == h->number - 1)
		return 1;
	for (i = t->depth - 1; i >= 0; i--) {
		const struct sp_heading_entry *p = &t->path[i];

		if (family(p->h.kind) != key)
			continue;
		if (p->item)	/* the list goes on: 二、 after its 一、 */
			return p->h.number == h->number - 1;
		/* 一、 under a titled 三、: a list begins. */
		return h->number == 1 && p->h.number >= 1 && p->whole;
	}
	return 0;
}

/*
 * Is h an item (of a list, or of a law's article) rather than a section
 * heading?  Notes, on the way, when a 一、 section ranks above 条.
 */
static int
is_item(struct sp_heading_tracker *t, const struct sp_heading *h,
    int runin, int whole, int listed)
{
	int under_article = 0, i;

	for (i = 0; i < t->depth; i++)
		if (t->path[i].h.kind == SP_HK_TIAO)
			under_article = 1;
	/*
	 * The law's sections: the first article under an open 一、 puts 一、
	 * above 条 (司法解释), and so does a 一、 that is a title line of its
	 * own after articles (an appendix's 一、基础电信业务); from then on
	 * 一、 is a section, never an article's item.
	 */
	if (h->kind == SP_HK_TIAO && !under_article && dun_open(t))
		t->dun_over_article = 1;
	if (h->kind == SP_HK_CN_DUN && under_article && whole && !runin)
		t->dun_over_article = 1;
	return sp_heading_kind_is_item(h->kind) ||
	    (under_article && !is_part_kind(h->kind) &&
	    !(h->kind == SP_HK_CN_DUN && t->dun_over_article)) ||
	    (!is_part_kind(h->kind) && (listed || (!whole &&
	    restarted_list(t, h, family(h->kind)))));
}

/* The rank of style key, placed the first time it is seen. */
static int
style_rank(struct sp_heading_tracker *t, int key, const struct sp_heading *h)
{
	int i, rank;

	/* A part starts afresh: the styles below it are learnt again. */
	if (is_part_family(h->kind)) {
		for (i = 0; i < 2 * SP_HK_NKINDS; i++)
			if (!is_part_family(i % SP_HK_NKINDS))
				t->style[i].rank = 0;
		while (t->depth > 0 && !is_part_family(t->key[t->depth - 1]))
			t->depth--;
	}
	if (t->style[key].rank == 0) {
		/*
		 * A new style: below the deepest open heading whose style
		 * comes before it in the natural order, above the rest.
		 */
		int above = -1;

		for (i = t->depth - 1; i >= 0 && above < 0; i--)
			if (natural(t, t->key[i]) < natural(t, key))
				above = i;
		rank = above < 0 ? 1 : t->style[t->key[above]].rank + 1;
		for (i = 0; i < 2 * SP_HK_NKINDS; i++)
			if (t->style[i].rank >= rank)
				t->style[i].rank++;
		t->style[key].rank = rank;
		t->style[key].first_form = h->form;
	}
	return t->style[key].rank;
}

/* A new entry at the end of found, zeroed; NULL when out of memory. */
static struct sp_heading_entry *
new_entry(struct sp_heading_tracker *t)
{
	struct sp_heading_entry *e;

	if (t->nfound == t->cap) {
		int ncap = t->cap ? t->cap * 2 : 4;
		void *p = realloc(t->found, ncap * sizeof *t->found);

		if (p == NULL) {
			errno = ENOMEM;
			return NULL;
		}
		t->found = p;
		t->cap = ncap;
	}
	e = &t->found[t->nfound];
	memset(e, 0, sizeof *e);
	e->prev_number = -1;
	return e;
}

/* e's previous heading of the same style: the last one of st. */
static void
prev_from_style(struct sp_heading_entry *e, const struct style *st)
{
	e->prev_number = st->last_number;
	e->prev_sub = st->last_sub;
	e->prev_kind = st->last_kind;
	e->prev_form = st->last_form;
	e->prev_line = st->last_line;
	memcpy(e->prev_marker, st->last_marker, sizeof e->prev_marker);
}

/*
 * Was p numbered below the one before it, of its sequence (二 after 三, a
 * 1 aside: that starts a list afresh)?  The one after it is then told
 * against that one, not against p.
 */
static int
out_of_order(const struct sp_heading_entry *p)
{
	return p->h.number > 1 && p->prev_number > p->h.number &&
	    family(p->h.kind) == family(p->prev_kind);
}

/*
 * Closes the open headings of rank or deeper; the one of style key among
 * them is e's previous heading (or the one before it, when that one was
 * out of order and e, numbered number, continues the one before).
 */
static void
close_to_rank(struct sp_heading_tracker *t, int key, int rank,
    struct sp_heading_entry *e, long number)
{
	while (t->depth > 0 && t->style[t->key[t->depth - 1]].rank >= rank) {
		struct sp_heading_entry *p = &t->path[t->depth - 1];

		if (t->key[t->depth - 1] == key && out_of_order(p) &&
		    number == p->prev_number + 1) {
			/* 一 二 三 二 四: 四 follows 三, as 二 did (but 三
			 * after 二十 follows 二十, and 四 then 三). */
			e->prev_number = p->prev_number;
			e->prev_sub = p->prev_sub;
			e->prev_kind = p->prev_kind;
			e->prev_form = p->prev_form;
			e->prev_line = p->prev_line;
			memcpy(e->prev_marker, p->prev_marker,
			    sizeof e->prev_marker);
		} else if (t->key[t->depth - 1] == key) {
			e->prev_number = p->h.number;
			e->prev_sub = p->h.sub;
			e->prev_kind = p->h.kind;
			e->prev_form = p->h.form;
			e->prev_line = p->line;
			memcpy(e->prev_marker, p->marker, p->marker_len + 1);
		}
		t->depth--;
	}
	if (t->depth == MAX_DEPTH)	/* cannot happen: ranks are distinct */
		t->depth--;
}

/*
 * Is the text after a marker a table's row, cells apart by tabs, a number
 * in one after the first (一、一般公共服务支出<TAB>1200<TAB>1300)?  A row of
 * a budget table is no heading, whatever its first cell opens with.
 */
static int
table_row(const char *s, size_t n)
{
	const char *tab = memchr(s, '\t', n), *end = s + n;

	for (; tab != NULL; tab = memchr(tab, '\t', (size_t)(end - tab))) {
		while (tab < end && (*tab == '\t' || *tab == ' '))
			tab++;
		if (tab < end && ((*tab >= '0' && *tab <= '9') || *tab == '-' ||
		    (end - tab >= 3 && (unsigned char)tab[0] == 0xEF &&
		    (unsigned char)tab[1] == 0xBC &&
		    (unsigned char)tab[2] >= 0x90 &&
		    (unsigned char)tab[2] <= 0x99)))	/* ０-９ */
			return 1;
	}
	return 0;
}

/* Opens e, of style key, at the path's end, and remembers it in st. */
static void
push_entry(struct sp_heading_tracker *t, struct sp_heading_entry *e,
    int key, uint64_t parent, int leaf)
{
	struct style *st = &t->style[key];

	t->path[t->depth] = *e;
	st->last_parent = parent;
	st->last_number = e->h.number;
	st->last_sub = e->h.sub;
	st->last_kind = e->h.kind;
	st->last_form = e->h.form;
	st->last_line = e->line ? e->line : 1;
	memcpy(st->last_marker, e->marker, sizeof st->last_marker);
	t->serial[t->depth] = ++t->next_serial;
	t->key[t->depth] = key;
	t->leaf[t->depth] = leaf;
	t->depth++;
	t->nfound++;
}

static int
add(struct sp_heading_tracker *t, const char *s, const struct sp_heading *h,
    uint64_t line, uint64_t offset, int runin, int whole, int listed)
{
	struct sp_heading_entry *e;
	int item, key, rank;
	uint64_t parent;
	struct style *st;

	item = is_item(t, h, runin, whole, listed);
	if (item && !(t->flags & SP_HEADING_ITEMS)) {
		t->left_family = family(h->kind);
		t->left_number = h->number;
		t->left_depth = t->depth;
		return 0;
	}
	t->left_depth = -1;
	key = family(h->kind) + (item && !sp_heading_kind_is_item(h->kind) ?
	    SP_HK_NKINDS : 0);
	rank = style_rank(t, key, h);
	/*
	 * An item that is a whole paragraph ("第四是生活纪律。一些干部…")
	 * holds no list of its own: the next item closes it.
	 */
	if (item)
		while (t->depth > 0 && t->leaf[t->depth - 1] &&
		    t->key[t->depth - 1] != key)
			t->depth--;
	if ((e = new_entry(t)) == NULL)
		return -1;
	close_to_rank(t, key, rank, e, h->number);
	/* A sibling closed early (a run-in item) is still the previous one. */
	parent = t->depth > 0 ? t->serial[t->depth - 1] : 0;
	st = &t->style[key];
	if (e->prev_number == -1 && st->last_parent == parent &&
	    st->last_line > 0)
		prev_from_style(e, st);
	/*
	 * The first of its style under its parent, numbered past one,
	 * continues the last of its style in the document: the articles
	 * (条) of a law run through its chapters, and some laws number
	 * their chapters through their books (编).  One numbered one starts
	 * afresh, as under every parent.
	 */
	if (e->prev_number == -1 && h->number > 1 && st->last_line > 0)
		prev_from_style(e, st);
	/*
	 * Articles never start afresh in a law: 第一条 under 第二章 or a
	 * later chapter (or section) follows the last article.  Under a
	 * chapter that starts afresh too (第一章: a second law on the page)
	 * it opens the new law.
	 */
	if (e->prev_number == -1 && h->kind == SP_HK_TIAO && h->number == 1 &&
	    st->last_line > 0 && t->depth > 0 &&
	    t->path[t->depth - 1].h.number > 1)
		prev_from_style(e, st);
	/* A document opening at part two or later continues the last one. */
	if (e->prev_number == -1 && is_part_family(h->kind) &&
	    h->number != 1 && t->carry_part.rank) {
		prev_from_style(e, &t->carry_part);
		e->prev_sub = 0;
	}
	e->h = *h;
	e->level = t->depth + 1;
	e->item = item;
	e->whole = whole;
	e->line = line;
	e->offset = offset + h->marker_off;
	e->first_form = st->first_form;
	copy_text(e->marker, sizeof e->marker, &e->marker_len,
	    s + h->marker_off, h->marker_len);
	copy_text(e->title, sizeof e->title, &e->title_len,
	    s + h->title_off, h->title_len);
	push_entry(t, e, key, parent, item && runin);
	return 0;
}

static int
try_segment(struct sp_heading_tracker *t, const char *s, size_t start,
    size_t end, uint64_t line, uint64_t offset)
{
	struct sp_heading h;

	size_t i, l;
	int32_t cp;
	int runin = 0, whole, listed = 0;

	if (!sp_heading_match(s + start, end - start, t->flags, &h))
		return 0;
	/*
	 * ① where the text has referred to ① inside a line before opens
	 * the note, not a heading: the notes at the end of a report.
	 */
	if (h.kind == SP_HK_CIRCLED && !(h.form & SP_HF_IDEOGRAPH) &&
	    h.number <= 20 && (t->note_refs >> (h.number - 1) & 1))
		return 0;
	h.marker_off += start;
	h.title_off += start;
	if (table_row(s + h.title_off, end - h.title_off))
		return 0;
	/* Does the paragraph go on after the head (and its 。)? */
	whole = skip_blank(s, end, h.title_off + h.title_len) == end;
	/* A line ending in ， or 、 goes on in the next: a wrapped item of
	 * a list (三、各地区要加强管理，…), no title. */
	if (whole && h.title_len >= 3 && (memcmp(s + h.title_off +
	    h.title_len - 3, "，", 3) == 0 || memcmp(s + h.title_off +
	    h.title_len - 3, "、", 3) == 0))
		whole = 0;
	/* "（一）固定网络国内长途及本地电话业务；": one clause closed by a
	 * semicolon is an entry of a list, never a heading. */
	i = h.title_off + h.title_len;
	if (i < end && (s[i] == ';' || (end - i >= 3 &&
	    memcmp(s + i, "；", 3) == 0)) &&
	    sp_skip_blank(s, end, i + (s[i] == ';' ? 1 : 3)) == end &&
	    !sp_heading_kind_is_item(h.kind))
		listed = 1;
	for (i = h.title_off + h.title_len; i < end && !runin; i += l) {
		l = sp_cp_at(s, end, i, &cp);
		runin = !sp_is_blank(cp) && !(i == h.title_off + h.title_len &&
		    is_head_end(cp, 0x4E00));
	}
	return add(t, s, &h, line, offset, runin, whole, listed);
}

/*
 * The next E2 91 (the first two bytes of ①…⑳, and of ⑴…⒇ ⒈…) at or
 * after s[i] with a byte after it, or n: sixteen pairs compared at a time
 * where SSE2 is there, the last block from a padded copy.
 */
static size_t
next_e291(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	const __m128i e2 = _mm_set1_epi8((char)0xE2),
	    x91 = _mm_set1_epi8((char)0x91);
	unsigned mask;
	char pad[32];
	const char *p;

	for (; i + 1 < n; i += 16) {
		p = s + i;
		if (i + 17 > n) {
			/* The last bytes, padded with NULs (never 91). */
			memset(pad, 0, sizeof pad);
			memcpy(pad, s + i, n - i);
			p = pad;
		}
		mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)p), e2),
		    _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(p + 1)),
		    x91)));
		if (mask)
			return i + (size_t)__builtin_ctz(mask);
	}
#else
	for (; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xE2 &&
		    (unsigned char)s[i + 1] == 0x91)
			return i;
#endif
	return n;
}

/*
 * Does a clause mark (： ； ， 、 or their ASCII forms) stand right before
 * s[i]?  A ① there opens an item of a list written inline (措施有：①加强
 * 领导；②完善制度), not a note's reference, which follows text.
 */
static int
after_clause_mark(const char *s, size_t i)
{
	const unsigned char *u = (const unsigned char *)s;

	if (i >= 1 && (u[i - 1] == ':' || u[i - 1] == ';' || u[i - 1] == ','))
		return 1;
	return i >= 3 && ((u[i - 3] == 0xEF && u[i - 2] == 0xBC &&
	    (u[i - 1] == 0x9A || u[i - 1] == 0x9B || u[i - 1] == 0x8C)) ||
	    (u[i - 3] == 0xE3 && u[i - 2] == 0x80 && u[i - 1] == 0x81));
}

/* Records the circled number ①…⑳ whose E2 is at s[i], if it is one. */
static void
note_ref(struct sp_heading_tracker *t, const char *s, size_t n, size_t i,
    size_t *lead)
{
	unsigned char c;

	if (i + 2 >= n || (unsigned char)s[i + 1] != 0x91)
		return;
	c = (unsigned char)s[i + 2];
	if (c >= 0xA0 && c <= 0xB3 && i >
	    (*lead != SIZE_MAX ? *lead : (*lead = skip_blank(s, n, 0))) &&
	    !after_clause_mark(s, i))
		t->note_refs |= 1u << (c - 0xA0);
}

/*
 * Records the circled numbers ①…⑳ (E2 91 A0…B3) that stand inside the
 * line, after its first character: note references, as in "…的理论。①".
 * E2 characters are rare in most lines, and memchr() goes from one to the
 * next; a line may be full of them (w3m draws rules with ━, E2 94 81),
 * and after E2_RUN of them close together the rest is searched for the
 * pair E2 91 in blocks.
 */
#define E2_RUN 16

static void
note_refs_from(struct sp_heading_tracker *t, const char *s, size_t n,
    const char *p)
{
	const char *end = s + n, *from = p;
	size_t lead = SIZE_MAX;		/* found with the first ① */
	size_t i;
	int seen = 0;

	do {
		i = (size_t)(p - s);
		note_ref(t, s, n, i, &lead);
		if (++p >= end)
			return;
		if (++seen < E2_RUN)
			continue;
		/* A run of E2 characters (━━━), not a few quotes (“”) in a
		 * paragraph of Chinese: the blocks from here. */
		if (p - from <= E2_RUN * 8) {
			for (i++; (i = next_e291(s, n, i)) < n; i++)
				note_ref(t, s, n, i, &lead);
			return;
		}
		seen = 0;
		from = p;
	} while ((p = memchr(p, 0xE2, (size_t)(end - p))) != NULL);
}

/* Most lines hold no E2 at all: one memchr() and done. */
static inline void
note_refs(struct sp_heading_tracker *t, const char *s, size_t n)
{
	const char *p;

	if (n >= 4 && (p = memchr(s, 0xE2, n)) != NULL)
		note_refs_from(t, s, n, p);
}

/*
 * A line that opens or ends with a byte a marker may open with holds one
 * (lines of Chinese, and of w3m's indented layout): the search for one is
 * for the rest, most lines of HTML holding none.
 */
static int
may_hold_heading(const char *s, size_t n)
{
	return n == 0 || may_open_marker((unsigned char)s[0]) ||
	    may_open_marker((unsigned char)s[n - 1]) ||
	    sp_heading_may_hold(s, n);
}


/*
 * Does the segment s[0..end) hold a heading's marker and nothing else,
 * the run of blanks after it being the gap official typography sets
 * between a marker and its title (第一章　　总则, 一、  总体要求,
 * 第一条  为了……)?  Then its title is the segment after, which ends at
 * end2, and not a paragraph of its own.
 */
static int
marker_alone(int flags, const char *s, size_t end, size_t end2)
{
	struct sp_heading h;

	if (end > MARKER_ALONE_MAX || !may_open_marker((unsigned char)s[0]) ||
	    !sp_heading_match(s, end2, flags, &h))
		return 0;
	return h.marker_off + h.marker_len <= end &&
	    skip_blank(s, end, h.marker_off + h.marker_len) == end;
}

size_t
sp_heading_piece(const char *s, size_t n, int flags, size_t *next)
{
	size_t end, end2, next2;

	if (flags & SP_HEADING_NO_SEGMENTS) {
		*next = n;
		return n;
	}
	end = sp_heading_segment(s, n, next);
	if (*next < n && end <= MARKER_ALONE_MAX) {
		end2 = *next + sp_heading_segment(s + *next, n - *next, &next2);
		if (marker_alone(flags, s, end, end2)) {
			*next += next2;
			return end2;
		}
	}
	return end;
}

/* Is s[0..n) the title of a table of contents: 目录, 目　　录, 目 录? */
static int
toc_title(const char *s, size_t n)
{
	size_t i = 0, k, e = n;

	/*
	 * Told first by its end, 录 (and blanks): the lines fed open with
	 * markers, or with the long runs of spaces of w3m's layout, and
	 * the start of such a line is no place to begin reading.
	 */
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
		e--;
	if (e < 6 || memcmp(s + e - 3, "\xE5\xBD\x95", 3) != 0)
		return 0;
	/*
	 * Past the blanks a title is centred with (spaces, tabs, U+3000):
	 * w3m's lines open with runs of spaces, passed in a tight loop.
	 */
	for (;;) {
		while (i < n && s[i] == ' ')
			i++;
		if (i < n && s[i] == '\t')
			i++;
		else if (i + 3 <= n && (unsigned char)s[i] == 0xE3 &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80)
			i += 3;
		else
			break;
	}
	if (n - i < 6 || memcmp(s + i, "\xE7\x9B\xAE", 3) != 0)	/* 目 */
		return 0;
	i = sp_skip_blank(s, n, i + 3);
	if (n - i < 3 || memcmp(s + i, "\xE5\xBD\x95", 3) != 0)	/* 录 */
		return 0;
	i += 3;
	k = sp_skip_blank(s, n, i);
	return k == n;
}

/* A short line without a sentence's end: at most 20 characters, no
 * 。！？；. */
static int
short_unended(const char *s, size_t n)
{
	size_t i, chars = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > 20)
			return 0;
	return memmem(s, n, "\xE3\x80\x82", 3) == NULL &&	/* 。 */
	    memmem(s, n, "\xEF\xBC\x81", 3) == NULL &&	/* ！ */
	    memmem(s, n, "\xEF\xBC\x9F", 3) == NULL &&	/* ？ */
	    memmem(s, n, "\xEF\xBC\x9B", 3) == NULL;		/* ； */
}

/* The law's parts a table of contents lists. */
static int
toc_kind(enum sp_heading_kind k)
{
	return k == SP_HK_BIAN || k == SP_HK_FENBIAN || k == SP_HK_ZHANG ||
	    k == SP_HK_JIE;
}

/*
 * Is the line s[0..n), number line, part of a 目录 printed without
 * leaders (then it is no heading)?  Follows the table from its title: its
 * entries, and the short unnumbered ones among them (附　则), each on the
 * line after the one before, until the text repeats its first entry,
 * which opens the law, or a line of anything else ends it.  The lines of
 * text a caller does not hand over (sp-outline's quiet ones) end it too:
 * a table's lines follow one another.
 */
static __attribute__((noinline)) int
in_toc(struct sp_heading_tracker *t, const char *s, size_t n,
    uint64_t line)
{
	struct sp_heading h;

	if (t->toc != TOC_NONE && line != t->toc_line + 1)
		t->toc = TOC_NONE;	/* a line not seen came between */
	if (t->toc == TOC_NONE) {
		if (!toc_title(s, n))
			return 0;
		t->toc = TOC_OPEN;
		t->toc_line = line;
		return 1;
	}
	t->toc_line = line;
	if (sp_skip_blank(s, n, 0) == n)
		return 1;
	if (!sp_heading_match(s, n, 0, &h))
		h.kind = SP_HK_NONE;
	if (toc_kind(h.kind)) {
		if (t->toc == TOC_OPEN) {
			t->toc = TOC_IN;
			t->toc_kind = h.kind;
			t->toc_number = h.number;
			return 1;
		}
		if (h.kind == t->toc_kind && h.number == t->toc_number) {
			t->toc = TOC_NONE;	/* the law begins */
			return 0;
		}
		return 1;
	}
	/* 附　则, 目录's own page heads; never an article (第一条). */
	if (t->toc == TOC_IN && h.kind == SP_HK_NONE && short_unended(s, n))
		return 1;
	t->toc = TOC_NONE;
	return 0;
}

int
sp_heading_tracker_feed(struct sp_heading_tracker *t, const char *s,
    size_t n, uint64_t line, uint64_t offset)
{
	size_t start, end, next;

	t->nfound = 0;
	/* A line refused here is all ASCII: it holds no ① to note either
	 * (most lines of HTML), and is not searched for one. */
	if (!may_hold_heading(s, n))
		return 0;
	/* A 目录's title opens with blanks or 目 (E7); in one, any line. */
	if ((t->toc != TOC_NONE || (n > 0 && (s[0] == ' ' || s[0] == '\t' ||
	    (unsigned char)s[0] == 0xE3 || (unsigned char)s[0] == 0xE7))) &&
	    in_toc(t, s, n, line))
		return 0;
	note_refs(t, s, n);
	for (start = 0; start < n; start = next) {
		end = start + sp_heading_piece(s + start, n - start, t->flags,
		    &next);
		next += start;
		if (try_segment(t, s, start, end, line, offset) < 0)
			return -1;
	}
	return t->nfound;
}

const struct sp_heading_entry *
sp_heading_tracker_found(const struct sp_heading_tracker *t, int i)
{
	return i >= 0 && i < t->nfound ? &t->found[i] : NULL;
}

int
sp_heading_tracker_depth(const struct sp_heading_tracker *t)
{
	return t->depth;
}

const struct sp_heading_entry *
sp_heading_tracker_at(const struct sp_heading_tracker *t, int i)
{
	return i >= 0 && i < t->depth ? &t->path[i] : NULL;
}

int
sp_heading_tracker_path(const struct sp_heading_tracker *t, const char *sep,
    struct sp_buf *out)
{
	int i;

	if (sep == NULL)
		sep = " > ";
	for (i = 0; i < t->depth; i++) {
		if (i > 0 && sp_buf_puts(out, sep) < 0)
			return -1;
		if (sp_heading_entry_text(&t->path[i], out) < 0)
			return -1;
	}
	return 0;
}
