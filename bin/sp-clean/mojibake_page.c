/* mojibake_page.c: the page's own text as evidence; see mojibake_page.h. */
#include <stdint.h>
#include <string.h>

#include "mojibake_page.h"
#include "text.h"

static _Thread_local const char *page;
static _Thread_local size_t page_len;

void
page_set(const char *s, size_t n)
{
	page = s;
	page_len = n;
}

size_t
page_of(const char *s, size_t n, const char **ps, size_t *pn)
{
	/* Compared as addresses: the line may be no part of the page. */
	if (page != NULL && (uintptr_t)s >= (uintptr_t)page &&
	    (uintptr_t)s + n <= (uintptr_t)page + page_len) {
		*ps = page;
		*pn = page_len;
		return (size_t)((uintptr_t)s - (uintptr_t)page);
	}
	*ps = s;
	*pn = n;
	return 0;
}

/* Where s[lo..hi) writes what[0..wn) first, or hi when it does not. */
static size_t
find_in(const char *s, size_t lo, size_t hi, const char *what, size_t wn)
{
	const char *p;

	if (lo >= hi || hi - lo < wn)
		return hi;
	p = memmem(s + lo, hi - lo, what, wn);
	return p ? (size_t)(p - s) : hi;
}

/* The part of the page p[0..n) within reach of the span p[i..end). */
static void
reach(size_t n, size_t i, size_t end, size_t *lo, size_t *hi)
{
	*lo = i > PAGE_REACH ? i - PAGE_REACH : 0;
	*hi = n - end > PAGE_REACH ? end + PAGE_REACH : n;
}

size_t
page_cost(size_t n, size_t i, size_t end)
{
	size_t lo, hi;

	reach(n, i, end, &lo, &hi);
	return (hi - lo) / 64 + 1;
}

int
page_find(const char *s, size_t n, size_t i, size_t end, const char *what,
    size_t wn, size_t *from)
{
	size_t lo, hi, at;

	if (wn == 0)
		return 0;
	reach(n, i, end, &lo, &hi);
	if (*from < lo)
		*from = lo;
	/* Before the span: a match must end before it starts. */
	if (*from < i && (at = find_in(s, *from, i, what, wn)) < i) {
		*from = at;
		return 1;
	}
	if (*from < end)
		*from = end;
	if ((at = find_in(s, *from, hi, what, wn)) < hi) {
		*from = at;
		return 1;
	}
	return 0;
}

int32_t
page_between(const char *p, size_t n, size_t i, size_t end,
    const char *left, size_t ln, const char *right, size_t rn,
    page_fits_fn fits, const void *arg)
{
	size_t at = 0, k, c_at, tries = 0;
	int32_t c;

	if (ln > 0) {
		for (; tries++ < PAGE_TRIES &&
		    page_find(p, n, i, end, left, ln, &at); at++) {
			if ((c_at = at + ln) >= n)
				break;
			c = cp_at(p, n, c_at, &k);
			if (c_at + k + rn <= n && (rn == 0 ||
			    memcmp(p + c_at + k, right, rn) == 0) &&
			    (c_at + k <= i || c_at >= end) && fits(c, arg))
				return c;
		}
		return 0;
	}
	for (; tries++ < PAGE_TRIES &&
	    page_find(p, n, i, end, right, rn, &at); at++) {
		if (at == 0)
			continue;
		c = cp_before(p, at, &k);
		if ((at - k >= end || at <= i) && fits(c, arg))
			return c;
	}
	return 0;
}

size_t
page_neighbours(const char *p, size_t n, size_t i, size_t end,
    const char *what, size_t wn, int before_it, page_fits_fn fits,
    const void *arg, int32_t *out, size_t max)
{
	size_t at = 0, k, c_at, tries = 0, got = 0, j;
	int32_t c;

	for (; got < max && tries++ < PAGE_TRIES &&
	    page_find(p, n, i, end, what, wn, &at); at++) {
		if (before_it) {
			if (at == 0)
				continue;
			c = cp_before(p, at, &k);
			if (at - k < end && at > i)
				continue;	/* the span's own */
		} else {
			if ((c_at = at + wn) >= n)
				continue;
			c = cp_at(p, n, c_at, &k);
			if (c_at + k > i && c_at < end)
				continue;
		}
		if (!fits(c, arg))
			continue;
		for (j = 0; j < got && out[j] != c; j++)
			;
		if (j == got)
			out[got++] = c;
	}
	return got;
}

size_t
page_pairs(const char *p, size_t n, size_t i, size_t end,
    page_fits2_fn fits, const void *arg, int32_t *out, size_t max)
{
	size_t lo, hi, at, k, got = 0, j;
	int32_t prev = 0, c;

	reach(n, i, end, &lo, &hi);
	/* From a character's start: back over UTF-8 continuation bytes. */
	while (lo > 0 && ((unsigned char)p[lo] & 0xC0) == 0x80)
		lo--;
	for (at = lo; at < hi && got < max; at += k) {
		if (at >= i && at < end) {
			k = end - at;	/* the span itself */
			prev = 0;
			continue;
		}
		c = cp_at(p, n, at, &k);
		if (prev != 0 && fits(prev, c, arg)) {
			for (j = 0; j < got && (out[2 * j] != prev ||
			    out[2 * j + 1] != c); j++)
				;
			if (j == got) {
				out[2 * got] = prev;
				out[2 * got++ + 1] = c;
			}
		}
		prev = c;
	}
	return got;
}
