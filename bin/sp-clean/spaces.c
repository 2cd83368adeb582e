/* spaces.c: spaces (step 4); see spaces.h. */
#include "cjk.h"
#include "spaces.h"
#include "text.h"

/* Bytes that may start a space character in UTF-8. */
static int
may_start_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == 0x0B || c == 0x0C || c == '\r' ||
	    c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3;
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
		while (i < n && !may_start_space((unsigned char)s[i]) &&
		    s[i] != '\n')
			i++;
		if (i >= n)
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
