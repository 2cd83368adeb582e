/* unicode.c: NFC and NFKC on utf8proc; see unicode.h. */
#include <stdlib.h>

#include <utf8proc.h>

#include "cjk.h"
#include "unicode.h"
#include "utf8.h"

/*
 * The general test, from utf8proc's data: no canonical decomposition (or
 * none at all, for NFKC), combining class 0 and no part in any canonical
 * composition, so nothing before or after it can change it.
 */
static int
stable_by_property(int32_t cp, int compat)
{
	const utf8proc_property_t *p;

	if (cp < 0 || cp > 0x10FFFF)
		return 0;
	p = utf8proc_get_property(cp);
	if (p->combining_class != 0 || p->comb_index != UINT16_MAX)
		return 0;
	if (p->decomp_seqindex == UINT16_MAX)
		return 1;
	return !compat && p->decomp_type != 0;
}

/*
 * Characters that are NFC_Quick_Check=Yes and never combine with what
 * precedes them: normalization leaves a run of them as it is.  Below
 * U+0300 nothing combines; the CJK, kana and hangul syllable blocks and the
 * punctuation Chinese text uses are stable too, except the combining
 * marks among them: the tone marks U+302A..U+302F and the kana voicing
 * marks U+3099 and U+309A.
 */
static int
nfc_stable(int32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (cp >= 0x3000 && cp < 0xA000)
		return cp != 0x3099 && cp != 0x309A &&
		    !(cp >= 0x302A && cp <= 0x302F);
	if (cp >= 0x2010 && cp <= 0x2027)
		return 1;
	if (cp >= 0x2030 && cp <= 0x205E)
		return 1;
	if (cp >= 0xFF01 && cp <= 0xFFEF)
		return 1;
	return stable_by_property(cp, 0);
}

/* CJK punctuation that SP_NFKC_CJK leaves as it is. */
static int
kept_punct(int32_t cp)
{
	return cp == 0x3000 || cp == 0x2025 || cp == 0x2026 ||
	    sp_is_cjk_punct(cp);
}

/* Stable under NFKC as well: no compatibility mapping. */
static int
nfkc_stable(int32_t cp)
{
	if (cp < 0xA0)
		return 1;
	return (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x3001 && cp <= 0x3029) ||
	    (cp >= 0x3030 && cp <= 0x3035) ||
	    (cp >= 0x3041 && cp <= 0x3096) ||
	    (cp >= 0x30A1 && cp <= 0x30FA) ||
	    cp == 0x2014 || cp == 0x2018 || cp == 0x2019 ||
	    cp == 0x201C || cp == 0x201D;
}

int
sp_unicode_quick_cp(int32_t cp, enum sp_norm_form form)
{
	if (form == SP_NFC)
		return nfc_stable(cp);
	if (nfkc_stable(cp) || stable_by_property(cp, 1))
		return 1;
	return form == SP_NFKC_CJK && kept_punct(cp) && nfc_stable(cp);
}

int
sp_unicode_quick(const char *s, size_t n, enum sp_norm_form form)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	int32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = sp_utf8_decode(p + i, n - i, &cp, NULL);
		if (!sp_unicode_quick_cp(cp, form))
			return 0;
		i += k;
	}
	return 1;
}

static int
map(const char *s, size_t n, int options, struct sp_buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t r;
	int ret;

	if (n == 0)
		return 0;
	r = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &dst, (utf8proc_option_t)options);
	if (r < 0) {
		/* Not valid UTF-8 after all: keep the text as it is. */
		return sp_buf_append(out, s, n);
	}
	ret = sp_buf_append(out, dst, (size_t)r);
	free(dst);
	return ret;
}

int
sp_unicode_normalize(const char *s, size_t n, enum sp_norm_form form,
    struct sp_buf *out)
{
	const int nfc = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
	const int nfkc = nfc | UTF8PROC_COMPAT;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, k;
	int32_t cp;

	if (form == SP_NFC)
		return map(s, n, nfc, out);
	if (form == SP_NFKC)
		return map(s, n, nfkc, out);
	/*
	 * Kept punctuation are starters that compose with nothing, so the
	 * text between them normalizes on its own.
	 */
	while (i < n) {
		k = sp_utf8_decode(p + i, n - i, &cp, NULL);
		if (cp >= 0x80 && kept_punct(cp)) {
			if (map(s + start, i - start, nfkc, out) < 0 ||
			    sp_buf_append(out, s + i, k) < 0)
				return -1;
			start = i + k;
		}
		i += k;
	}
	return map(s + start, n - start, nfkc, out);
}
