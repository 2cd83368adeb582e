/* script.c: simplified and traditional characters (step 10); see script.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SP_HAVE_OPENCC
#include <opencc.h>

#include "lazylib.h"
#endif

#include "script.h"
#include "text.h"

#ifdef SP_HAVE_OPENCC
/*
 * OpenCC's functions, from the library that the first run that converts
 * loads (lazylib.h): a run that does not convert, most of them, does not
 * load it and the libraries it needs.
 */
static __typeof__(opencc_open) *cc_open;
static __typeof__(opencc_close) *cc_close;
static __typeof__(opencc_convert_utf8) *cc_convert;
static __typeof__(opencc_convert_utf8_free) *cc_free;
static __typeof__(opencc_error) *cc_error;
static const char *const cc_names[] = { "opencc_open", "opencc_close",
    "opencc_convert_utf8", "opencc_convert_utf8_free", "opencc_error",
    NULL };
static void *const cc_slots[] = { &cc_open, &cc_close, &cc_convert,
    &cc_free, &cc_error };
static struct sp_lazylib opencc = SP_LAZYLIB_INIT(SP_OPENCC_LIB, cc_names,
    cc_slots);

struct script {
	opencc_t cc;
};

struct script *
script_open(enum script_to to, char *err, size_t errlen)
{
	const char *config = to == SCRIPT_SIMPLIFIED ? "t2s.json" : "s2t.json";
	struct script *sc;

	if (sp_lazylib_load(&opencc) < 0) {
		snprintf(err, errlen, "OpenCC cannot be loaded: %s",
		    opencc.why);
		return NULL;
	}
	sc = sp_xmalloc(sizeof *sc);
	sc->cc = cc_open(config);
	if (sc->cc == (opencc_t)-1) {
		snprintf(err, errlen, "OpenCC cannot load %s: %s", config,
		    cc_error());
		free(sc);
		return NULL;
	}
	return sc;
}

int
script_convert(struct script *sc, const char *s, size_t n,
    struct sp_buf *out)
{
	char *r;
	size_t len;
	int changed;

	if (n == 0)
		return 0;
	if ((r = cc_convert(sc->cc, s, n)) == NULL)
		sp_oom();
	len = strlen(r);
	changed = len != n || memcmp(r, s, n) != 0;
	put(out, r, len);
	cc_free(r);
	return changed;
}

void
script_close(struct script *sc)
{
	if (sc == NULL)
		return;
	cc_close(sc->cc);
	free(sc);
}
#else
struct script *
script_open(enum script_to to, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: built without OpenCC (install its "
	    "development files and rebuild)", to == SCRIPT_SIMPLIFIED ?
	    "--to-simplified" : "--to-traditional");
	return NULL;
}

int
script_convert(struct script *sc, const char *s, size_t n,
    struct sp_buf *out)
{
	(void)sc;
	put(out, s, n);
	return 0;
}

void
script_close(struct script *sc)
{
	(void)sc;
}
#endif
