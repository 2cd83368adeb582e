/* normalize.c: Unicode clean-up (step 3); see normalize.h. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "cjk.h"
#include "mojibake_latin1.h"
#include "normalize.h"
#include "text.h"
#include "unicode.h"

/* Scratch of the thread normalizing: see normalize_thread_end(). */
static _Thread_local struct sp_buf scratch;

/*
 * Does the character at s[i] start a span that NFC normalizes on its own?
 * Those sp_unicode_quick_cp() finds stable do (nothing before them
 * changes them), but Hangul's vowel and final jamo, which utf8proc
 * composes by rule, not by its tables, with what is before them.
 */
static int
nfc_starts_span(const char *s, size_t n, size_t i, size_t *k)
{
	int32_t cp;

	if ((unsigned char)s[i] < 0x80) {
		*k = 1;
		return 1;
	}
	cp = cp_at(s, n, i, k);
	return sp_unicode_quick_cp(cp, SP_NFC) &&
	    !(cp >= 0x1161 && cp <= 0x1175) && !(cp >= 0x11A7 && cp <= 0x11C2);
}

/*
 * NFC of out[from..len) in place when it changes, a span at a time
 * (nfc_starts_span()): only the spans from the last start before a
 * character that may change to the next start after it go through
 * utf8proc, not the whole line (a line of a web page may be a megabyte
 * with one accent in it).
 */
static void
renormalize_nfc(struct sp_buf *out, size_t from, struct normalize_stats *st)
{
	const char *s = out->data;
	size_t n = out->len, i = from, start = from, copied = from, k, at;
	int changed = 0;

	sp_buf_clear(&scratch);
	while (i < n) {
		if (nfc_starts_span(s, n, i, &k)) {
			start = i;
			i += k;
			continue;
		}
		for (i += k; i < n && !nfc_starts_span(s, n, i, &k); i += k)
			;
		put(&scratch, s + copied, start - copied);
		at = scratch.len;
		if (sp_unicode_normalize(s + start, i - start, SP_NFC,
		    &scratch) < 0)
			sp_oom();
		changed |= scratch.len - at != i - start ||
		    memcmp(scratch.data + at, s + start, i - start) != 0;
		copied = start = i;
	}
	if (!changed)
		return;
	put(&scratch, s + copied, n - copied);
	st->normalized++;
	out->len = from;
	put(out, scratch.data, scratch.len);
}

/* Normalizes out[from..len) in place when it changes. */
static void
renormalize(struct sp_buf *out, size_t from, enum sp_norm_form form,
    struct normalize_stats *st)
{
	if (form == SP_NFC) {
		renormalize_nfc(out, from, st);
		return;
	}
	sp_buf_clear(&scratch);
	if (sp_unicode_normalize(out->data + from, out->len - from, form,
	    &scratch) < 0)
		sp_oom();
	if (scratch.len == out->len - from &&
	    memcmp(scratch.data, out->data + from, scratch.len) == 0)
		return;
	st->normalized++;
	out->len = from;
	put(out, scratch.data, scratch.len);
}

/*
 * The end of the run of printable ASCII and tabs from s[i]: sixteen bytes
 * a test where SSE2 is there (the runs of spaces a dump lays out its
 * columns with, English words, numbers).
 */
static size_t
printable_run(const char *s, size_t n, size_t i)
{
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (s + i));
		/* Signed: the bytes from 0x80 on are below 0x20. */
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)),
		    _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F))));

		if (m != 0xFFFF) {
			i += (size_t)__builtin_ctz(~m);
			break;
		}
	}
#endif
	while (i < n && (((unsigned char)s[i] >= 0x20 &&
	    (unsigned char)s[i] < 0x7F) || s[i] == '\t'))
		i++;
	return i;
}

/*
 * Is the NEL at s[i] (k bytes) a byte of UTF-8 read as Latin-1 in a run
 * of such text, not a line end: 0x85 goes on the UTF-8 bytes the
 * characters before it stand for (公 关 内, E5 85 AC …), and the run goes
 * on after it?  A line end after a Latin-1 letter has text of any other
 * kind after it, or none.
 */
static int
nel_in_run(const char *s, size_t n, size_t i, size_t k,
    enum sp_norm_form form)
{
	int32_t cp;
	size_t len;

	if (i + k >= n || !latin1_continues(s, i, 0x85))
		return 0;
	/* What comes after stays as it is when normalized again: not
	 * another NEL, which may be a line end, nor what NFKC changes. */
	cp = cp_at(s, n, i + k, &len);
	if (cp == 0xAD || (cp >= 0x80 && cp <= 0x9F && cp != 0x85))
		return 1;
	return (read_as_latin1(cp) || cp == 0xA0) &&
	    sp_unicode_quick_cp(cp, form);
}

void
normalize_text(const char *s, size_t n, int nfkc, int for_mojibake,
    struct sp_buf *out, struct normalize_stats *st)
{
	enum sp_norm_form form = nfkc ? SP_NFKC_CJK : SP_NFC;
	size_t i = 0, start = 0, k, line = out->len;
	int dirty = 0;
	int run = 0;	/* the last character kept is of a run of text
			   read as Latin-1 */
	int32_t cp;
	unsigned char c;

	if (sp_buf_reserve(out, n) < 0)
		sp_oom();
	/* Characters kept as they are accumulate in s[start..i). */
	while (i < n) {
		c = (unsigned char)s[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\t') {
			i = printable_run(s, n, i + 1);
			run = 0;
			continue;
		}
		if (c == '\n' || c == '\r') {
			put(out, s + start, i - start);
			if (dirty)
				renormalize(out, line, form, st);
			dirty = 0;
			if (c == '\r') {
				st->newlines++;
				if (i + 1 < n && s[i + 1] == '\n')
					i++;
			}
			putch(out, '\n');
			line = out->len;
			start = ++i;
			run = 0;
			continue;
		}
		if (c >= 0xE4 && c <= 0xE9) {
			/* U+4000..U+9FFF: Han, stable and never removed. */
			run = 0;
			i += 3;
			continue;
		}
		if (c < 0x80) {		/* C0 controls and DEL */
			put(out, s + start, i - start);
			st->removed++;
			start = ++i;
			continue;
		}
		cp = cp_at(s, n, i, &k);
		if (cp >= 0x3001 && cp < 0xA000 && cp != 0x3164) {
			/* CJK: nothing to remove; NFC-stable but kana marks. */
			if (!dirty && (cp == 0x3099 || cp == 0x309A ||
			    (cp >= 0x302A && cp <= 0x302F) ||
			    (form != SP_NFC && !sp_unicode_quick_cp(cp, form))))
				dirty = 1;
		} else if ((cp >= 0xFF01 && cp <= 0xFFEF) ||
		    (cp >= 0x2010 && cp <= 0x2027) ||
		    (cp >= 0x2030 && cp <= 0x205E)) {
			/* Full-width forms and punctuation: nothing to remove. */
			if (!dirty && form != SP_NFC &&
			    !sp_unicode_quick_cp(cp, form))
				dirty = 1;
		} else if (cp >= 0xA0 && cp < 0x300 && cp != 0xAD &&
		    form == SP_NFC) {
			/*
			 * Latin letters (pinyin's tone marks, Latin-1 text
			 * and mojibake): nothing to remove, NFC-stable; not
			 * asked about one by one below.
			 */
		} else if ((cp == 0x85 && !(for_mojibake && run &&
		    nel_in_run(s, n, i, k, form))) || cp == 0x2028 || cp == 0x2029) {
			put(out, s + start, i - start);
			if (dirty)
				renormalize(out, line, form, st);
			dirty = 0;
			st->newlines++;
			putch(out, '\n');
			line = out->len;
			start = i += k;
			run = 0;
			continue;
		} else if (for_mojibake &&
		    (cp == 0xAD || (cp >= 0x80 && cp <= 0x9F)) && run) {
			/*
			 * A soft hyphen or C1 control in a run of text read
			 * as Latin-1 (see run below) is most likely a byte of
			 * GBK or UTF-8 text read so (¡­ is …, â\u0080\u0099 is
			 * ’): step 6 needs it, and removes it if it repairs
			 * nothing.
			 */
		} else if (sp_is_control(cp) || sp_is_zero_width(cp) ||
		    sp_is_ignorable(cp) || cp == 0xAD) {
			put(out, s + start, i - start);
			st->removed++;
			start = i += k;
			continue;	/* run: of the last character kept */
		} else if (!dirty && !sp_unicode_quick_cp(cp, form)) {
			dirty = 1;
		}
		/*
		 * The run goes on through a Latin-1 or 1252 letter or sign,
		 * a soft hyphen or C1 control kept (one removed is never
		 * here, nor a NEL made a line end, which ends the run), and
		 * an NBSP in it (step 4 keeps that too); not through a
		 * character NFKC changes: the decisions must hold when
		 * normalized again.
		 */
		run = ((read_as_latin1(cp) || cp == 0xA0) &&
		    sp_unicode_quick_cp(cp, form) && (cp != 0xA0 || run)) ||
		    cp == 0xAD || (cp >= 0x80 && cp <= 0x9F);
		i += k;
	}
	put(out, s + start, n - start);
	if (dirty)
		renormalize(out, line, form, st);
}

void
normalize_thread_end(void)
{
	sp_buf_free(&scratch);
}
