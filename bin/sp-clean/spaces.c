/* spaces.c: spaces (step 4); see spaces.h. */
#include "cjk.h"
#include "spaces.h"
#include "text.h"

/*
 * The first position from i on where a space or a newline may start: a
 * quick look in bytes, a superset of what sp_is_space() accepts (C0
 * spaces, U+0085, U+00A0, U+1680, U+180E, U+2000..U+205F, U+3000), which
 * has the last say.
 * Most of a Chinese line is three-byte characters that cannot be spaces,
 * and they are passed over whole.
 */
static size_t
next_candidate(const char *str, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			if (c <= ' ')
				return i;
			i++;
		} else if (c >= 0xE4 && c <= 0xEF) {
			i += 3;			/* U+4000..U+FFFF */
		} else if (c == 0xC2 ||
		    (c == 0xE1 && i + 1 < n &&
		    (s[i + 1] == 0x9A || s[i + 1] == 0xA0)) ||
		    (c == 0xE2 && i + 1 < n &&
		    (s[i + 1] == 0x80 || s[i + 1] == 0x81)) ||
		    (c == 0xE3 && i + 2 < n &&
		    s[i + 1] == 0x80 && s[i + 2] == 0x80)) {
			return i;
		} else {
			i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
		}
	}
	return n;
}

static int
is_space(int32_t cp)
{
	return cp != '\n' && sp_is_space(cp);
}

void
spaces_clean(const char *s, size_t n, struct sp_buf *out,
    struct spaces_stats *st)
{
	size_t i = 0, start = 0, k, run, line = out->len, end, dummy;
	int32_t cp, prev, next;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	/* Text without spaces accumulates in s[start..i). */
	while (i < n) {
		if ((i = next_candidate(s, n, i)) >= n)
			break;
		if (s[i] == '\n') {
			i++;
			put(out, s + start, i - start);
			start = i;
			line = out->len;
			continue;
		}
		cp = cp_at(s, n, i, &k);
		if (!is_space(cp)) {
			i += k;
			continue;
		}
		put(out, s + start, i - start);
		/* A run of spaces: what is on either side decides. */
		run = 0;
		end = i;
		while (end < n && is_space(cp = cp_at(s, n, end, &k))) {
			end += k;
			run++;
		}
		prev = out->len > line ? cp_before(out->data, out->len,
		    &dummy) : -1;
		next = end < n && s[end] != '\n' ? cp_at(s, n, end, &dummy) :
		    -1;
		if (prev < 0 || next < 0) {
			st->removed++;
		} else if (run >= 2 && (sp_is_cjk(prev) || sp_is_cjk(next))) {
			st->breaks++;
			putch(out, '\n');
			line = out->len;
		} else if (sp_is_cjk(prev) && sp_is_cjk(next)) {
			st->removed++;
		} else {
			if (run > 1 || s[i] != ' ')
				st->changed++;
			putch(out, ' ');
		}
		start = i = end;
	}
	put(out, s + start, n - start);
}
