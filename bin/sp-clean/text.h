/*
 * text.h: helpers every step of sp-clean uses on UTF-8 text: appending to
 * a buffer (out of memory is fatal, as everywhere in the tools) and
 * reading the character at or before a position.  The text is valid UTF-8
 * by the time any step sees it (step 1 makes it so).
 */
#ifndef SP_CLEAN_TEXT_H
#define SP_CLEAN_TEXT_H
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "tool.h"
#include "utf8.h"

static inline void
put(struct sp_buf *b, const void *p, size_t n)
{
	if (sp_buf_append(b, p, n) < 0)
		sp_oom();
}

static inline void
putch(struct sp_buf *b, int c)
{
	if (sp_buf_putc(b, c) < 0)
		sp_oom();
}

static inline void
putcp(struct sp_buf *b, int32_t cp)
{
	if (sp_buf_put_cp(b, cp) < 0)
		sp_oom();
}

/* The character at s[i] (i < n) and its length in *len. */
static inline int32_t
cp_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t cp;

	if ((unsigned char)s[i] < 0x80) {
		*len = 1;
		return (unsigned char)s[i];
	}
	*len = sp_utf8_decode((const unsigned char *)s + i, n - i, &cp, NULL);
	return cp;
}

/* The character ending at s[i] (i > 0), and its length in *len. */
static inline int32_t
cp_before(const char *s, size_t i, size_t *len)
{
	size_t j = i;
	int32_t cp;

	if ((unsigned char)s[i - 1] < 0x80) {
		*len = 1;
		return (unsigned char)s[i - 1];
	}
	while (j > 0 && i - j < 4 && ((unsigned char)s[j - 1] & 0xC0) == 0x80)
		j--;
	if (j > 0)
		j--;
	*len = i - j;
	sp_utf8_decode((const unsigned char *)s + j, i - j, &cp, NULL);
	return cp;
}

#endif
