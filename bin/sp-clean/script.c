/* script.c: simplified and traditional characters (step 10); see script.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SP_HAVE_OPENCC
#include <dlfcn.h>
#include <pthread.h>

#include <opencc.h>
#endif

#include "script.h"
#include "text.h"

#ifdef SP_HAVE_OPENCC
/*
 * OpenCC's functions, from the library loaded by the first run that
 * converts (SP_OPENCC_LIB, the name the library gives itself, from the
 * Makefile): a run that does not convert, most of them, does not load it
 * and the C++ libraries it needs.
 */
static struct {
	/* Each of the type opencc.h declares it with. */
	__typeof__(opencc_open) *open;
	__typeof__(opencc_close) *close;
	__typeof__(opencc_convert_utf8) *convert;
	__typeof__(opencc_convert_utf8_free) *free_result;
	__typeof__(opencc_error) *error;
	char why[256];		/* why it is not loaded, or "" */
} cc;
static pthread_once_t cc_once = PTHREAD_ONCE_INIT;

/* dlsym() of name into *fn; -1, with the reason in cc.why, if absent. */
static int
cc_symbol(void *lib, const char *name, void *fn)
{
	void *p = dlsym(lib, name);

	if (p == NULL) {
		snprintf(cc.why, sizeof cc.why, "%s has no %s", SP_OPENCC_LIB,
		    name);
		return -1;
	}
	/* POSIX: a function's address is returned as a void *. */
	memcpy(fn, &p, sizeof p);
	return 0;
}

static void
cc_load(void)
{
	void *lib = dlopen(SP_OPENCC_LIB, RTLD_NOW | RTLD_LOCAL);
	const char *e;

	if (lib == NULL) {
		e = dlerror();
		snprintf(cc.why, sizeof cc.why, "%s", e ? e : SP_OPENCC_LIB);
		return;
	}
	if (cc_symbol(lib, "opencc_open", &cc.open) < 0 ||
	    cc_symbol(lib, "opencc_close", &cc.close) < 0 ||
	    cc_symbol(lib, "opencc_convert_utf8", &cc.convert) < 0 ||
	    cc_symbol(lib, "opencc_convert_utf8_free", &cc.free_result) < 0 ||
	    cc_symbol(lib, "opencc_error", &cc.error) < 0)
		cc.open = NULL;
	/* Kept loaded to the end of the run: its converters use it. */
}

struct script {
	opencc_t cc;
};

struct script *
script_open(enum script_to to, char *err, size_t errlen)
{
	const char *config = to == SCRIPT_SIMPLIFIED ? "t2s.json" : "s2t.json";
	struct script *sc;

	(void)pthread_once(&cc_once, cc_load);
	if (cc.open == NULL) {
		snprintf(err, errlen, "OpenCC cannot be loaded: %s", cc.why);
		return NULL;
	}
	sc = sp_xmalloc(sizeof *sc);
	sc->cc = cc.open(config);
	if (sc->cc == (opencc_t)-1) {
		snprintf(err, errlen, "OpenCC cannot load %s: %s", config,
		    cc.error());
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
	if ((r = cc.convert(sc->cc, s, n)) == NULL)
		sp_oom();
	len = strlen(r);
	changed = len != n || memcmp(r, s, n) != 0;
	put(out, r, len);
	cc.free_result(r);
	return changed;
}

void
script_close(struct script *sc)
{
	if (sc == NULL)
		return;
	cc.close(sc->cc);
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
