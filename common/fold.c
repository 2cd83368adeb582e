/*
 * fold.c: NFKC, case folding, and removal of white space and punctuation;
 * see fold.h.
 *
 * Most text the suite sees is Han, ASCII and CJK punctuation, none of
 * which NFKC or case folding changes beyond what the table below does, so
 * a unit made only of those is folded in one pass without utf8proc's
 * allocation; anything else goes through utf8proc_map() first.  Both paths
 * then apply the same removal rules, so they give the same result.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cjk.h"
#include "fold.h"
#include "utf8.h"

enum { DROP, KEEP, WORD, SLOW };

int
sp_fold_is_cjk_letter(int32_t cp)
{
	return sp_is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF) ||
	    (cp >= 0x31F0 && cp <= 0x31FF) || (cp >= 0x3100 && cp <= 0x312F) ||
	    (cp >= 0x31A0 && cp <= 0x31BF) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	    (cp >= 0xFF66 && cp <= 0xFFDC);
}

int
sp_fold_is_word(int32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' &&
		    (cp | 0x20) <= 'z');
	if (cp > 0x10FFFF || sp_fold_is_cjk_letter(cp))
		return 0;
	c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

/*
 * What to do with cp, already normalized (normalized != 0) or as read.
 * ASCII is decided here for both; elsewhere an unnormalized character that
 * NFKC or case folding could change answers SLOW.
 */
static int
classify(int32_t cp, int normalized)
{
	utf8proc_category_t c;

	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			return WORD;
		if (cp >= 'A' && cp <= 'Z')
			return normalized ? WORD : SLOW;
		if (cp == ' ' || (cp >= '\t' && cp <= '\r') ||
		    (cp > ' ' && cp < 0x7F))
			return DROP;	/* white space and punctuation */
		return KEEP;		/* other controls */
	}
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return KEEP;		/* unified ideographs: NFKC leaves them */
	c = utf8proc_category(cp);
	if ((c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO) ||
	    (c >= UTF8PROC_CATEGORY_ZS && c <= UTF8PROC_CATEGORY_ZP) ||
	    cp == 0x85 || sp_is_cjk_punct(cp))
		return DROP;
	if (!normalized)
		return SLOW;
	if (sp_fold_is_cjk_letter(cp))
		return KEEP;
	if ((c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO))
		return WORD;		/* letters, marks, numbers */
	return KEEP;
}

struct folder {
	struct sp_buf *out;
	unsigned flags;
	int pending;		/* something was removed since the last char */
	int last_word;		/* the last char kept was a word char */
	long count;
};

static int
put(struct folder *f, int32_t cp, int what)
{
	if (what == WORD && (f->flags & SP_FOLD_WORDS) && f->pending &&
	    f->last_word && sp_buf_putc(f->out, ' ') < 0)
		return -1;
	if ((f->flags & SP_FOLD_DIGITS) && what == WORD && (cp < 0x80 ?
	    cp >= '0' && cp <= '9' :
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_ND))
		cp = '0';
	if (sp_buf_put_cp(f->out, cp) < 0)
		return -1;
	f->pending = 0;
	f->last_word = what == WORD;
	f->count++;
	return 0;
}

/* Folds s[0..n); returns SLOW when a character needs utf8proc first. */
static int
fold_pass(struct folder *f, const char *s, size_t n, int normalized)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	int32_t cp;
	int what, marks_go = 0;

	while (i < n) {
		k = sp_utf8_decode(p + i, n - i, &cp, NULL);
		what = classify(cp, normalized);
		if (what == SLOW)
			return SLOW;
		/*
		 * Combining marks after a removed character belong to it and
		 * go with it: kept, they would compose with whatever came
		 * before the removed one, and folding again would change them.
		 */
		if (what != DROP && marks_go && cp > 0x7F &&
		    utf8proc_category(cp) >= UTF8PROC_CATEGORY_MN &&
		    utf8proc_category(cp) <= UTF8PROC_CATEGORY_ME)
			what = DROP;
		else
			marks_go = what == DROP;
		if (what == DROP) {
			f->pending = 1;
		} else if (k == 1 || cp == SP_REPLACEMENT) {
			if (put(f, cp, what) < 0)
				return -1;
		} else {
			/* Valid and unchanged: copy the bytes as they are. */
			if ((f->flags & SP_FOLD_DIGITS) && what == WORD) {
				if (put(f, cp, what) < 0)
					return -1;
			} else {
				if (what == WORD && (f->flags & SP_FOLD_WORDS) &&
				    f->pending && f->last_word &&
				    sp_buf_putc(f->out, ' ') < 0)
					return -1;
				if (sp_buf_append(f->out, p + i, k) < 0)
					return -1;
				f->pending = 0;
				f->last_word = what == WORD;
				f->count++;
			}
		}
		i += k;
	}
	return 0;
}

static long fold_slow(struct folder *f, const char *s, size_t n);

/*
 * An invalid byte b folds to the character INVALID_BASE + b, of the last
 * private use plane, which text does not use: its own character, so that
 * lines of another encoding fold apart, and valid UTF-8 that composes
 * with nothing.
 */
#define INVALID_BASE 0x10FF00
#define INVALID_LEN 4		/* its bytes in UTF-8 */

/* Does cp start a segment that NFKC treats apart from what precedes it? */
static int
is_boundary(int32_t cp)
{
	return cp < 0x80 || (cp >= 0x4E00 && cp <= 0x9FFF);
}

/*
 * Writes the invalid bytes s[0..k) at w in out, each as the character
 * U+10FF00 plus the byte, with room after them for rest bytes more; returns
 * where writing goes on, or NULL when out of memory.
 */
static char *
put_invalid(struct sp_buf *out, char *w, const unsigned char *s, size_t k,
    size_t rest)
{
	size_t j;

	out->len = (size_t)(w - out->data);
	if (sp_buf_reserve(out, INVALID_LEN * k + rest + 1) < 0)
		return NULL;
	w = out->data + out->len;
	for (j = 0; j < k; j++)
		w += sp_utf8_encode(INVALID_BASE + s[j], w);
	return w;
}

/*
 * The fast path, for text that NFKC and case folding leave alone but for
 * ASCII capitals: writes straight into out, which has room for the rest
 * of the input (folding never lengthens such text).  A character that
 * needs utf8proc sends the span around it, from the last ASCII or Han
 * character before it to the next one after it (where NFKC cannot join
 * anything across), through fold_slow().
 */
static int
fold_fast(struct folder *f, const unsigned char *p, size_t n)
{
	struct sp_buf *out = f->out;
	char *w = out->data + out->len;
	size_t i = 0, k, j, safe_in = 0, safe_out = out->len;
	int32_t cp;
	int what, safe_pending = 0, safe_last = 0;
	long safe_count = 0;
	unsigned char c;
	enum sp_utf8_error bad;

	f->pending = f->last_word = 0;
	f->count = 0;
	while (i < n) {
		c = p[i];
		if (c < 0x80) {
			safe_in = i;
			safe_out = (size_t)(w - out->data);
			safe_pending = f->pending;
			safe_last = f->last_word;
			safe_count = f->count;
			if (c >= 'A' && c <= 'Z')
				c |= 0x20;
			what = classify(c, 1);
			i++;
			if (what == DROP) {
				f->pending = 1;
				continue;
			}
			if (what == WORD) {
				if (f->pending && f->last_word &&
				    (f->flags & SP_FOLD_WORDS))
					*w++ = ' ';
				if ((f->flags & SP_FOLD_DIGITS) && c >= '0' &&
				    c <= '9')
					c = '0';
			}
			*w++ = (char)c;
			f->pending = 0;
			f->last_word = what == WORD;
			f->count++;
			continue;
		}
		what = SLOW;
		bad = SP_UTF8_OK;
		cp = (int32_t)(c & 0x0F) << 12 |
		    (int32_t)(p[i + 1 < n ? i + 1 : i] & 0x3F) << 6 |
		    (p[i + 2 < n ? i + 2 : i] & 0x3F);
		if ((c & 0xF0) == 0xE0 && i + 2 < n &&
		    (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
		    cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
			k = 3;
			what = (cp >= 0x4E00 && cp <= 0x9FFF) ? KEEP :
			    classify(cp, 0);
		} else {
			k = sp_utf8_decode(p + i, n - i, &cp, &bad);
			/* An invalid subpart is a character of its own bytes. */
			what = bad != SP_UTF8_OK ? KEEP : classify(cp, 0);
		}
		if (what == KEEP) {		/* a Han character, or invalid */
			safe_in = i;
			safe_out = (size_t)(w - out->data);
			safe_pending = f->pending;
			safe_last = f->last_word;
			safe_count = f->count;
			if (bad == SP_UTF8_OK) {
				memcpy(w, p + i, k);
				w += k;
			} else if ((w = put_invalid(out, w, p + i, k,
			    n - i - k)) == NULL) {
				return -1;
			} else {
				f->count += (long)k - 1;	/* one a byte */
			}
			f->pending = f->last_word = 0;
			f->count++;
			/*
			 * Invalid bytes compose with nothing: a span for
			 * utf8proc starts after them, never with them.
			 */
			if (bad != SP_UTF8_OK) {
				safe_in = i + k;
				safe_out = (size_t)(w - out->data);
				safe_pending = safe_last = 0;
				safe_count = f->count;
			}
		} else if (what == DROP) {
			f->pending = 1;
		} else {
			for (j = i + k; j < n; j += k) {
				k = sp_utf8_decode(p + j, n - j, &cp, &bad);
				if (is_boundary(cp) || bad != SP_UTF8_OK)
					break;
			}
			out->len = safe_out;
			f->pending = safe_pending;
			f->last_word = safe_last;
			f->count = safe_count;
			if (fold_slow(f, (const char *)p + safe_in,
			    j - safe_in) < 0 ||
			    sp_buf_reserve(out, n - j + 1) < 0)
				return -1;
			w = out->data + out->len;
			safe_in = j;
			safe_out = out->len;
			safe_pending = f->pending;
			safe_last = f->last_word;
			safe_count = f->count;
			i = j;
			continue;
		}
		i += k;
	}
	out->len = (size_t)(w - out->data);
	out->data[out->len] = '\0';
	return 0;
}

/* s[0..n) is valid UTF-8: fold_fast() ends a span at an invalid byte. */
static long
fold_slow(struct folder *f, const char *s, size_t n)
{
	utf8proc_uint8_t *mapped = NULL;
	utf8proc_ssize_t m;
	int r;

	m = utf8proc_map((const utf8proc_uint8_t *)(n ? s : ""),
	    (utf8proc_ssize_t)n, &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
	if (m < 0) {
		errno = ENOMEM;	/* the input is valid: only memory can fail */
		return -1;
	}
	r = fold_pass(f, (const char *)mapped, (size_t)m, 1);
	free(mapped);
	return r;
}

long
sp_fold(const char *s, size_t n, unsigned flags, struct sp_buf *out)
{
	struct folder f = { out, flags, 0, 0, 0 };
	size_t save = out->len;

	if (sp_buf_reserve(out, n + 1) < 0 ||
	    fold_fast(&f, (const unsigned char *)s, n) < 0) {
		out->len = save;
		if (out->data)
			out->data[save] = '\0';
		return -1;
	}
	return f.count;
}
