/* script.c: simplified and traditional characters (step 10); see script.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef SP_HAVE_OPENCC
#include <opencc.h>
#endif

#include "script.h"
#include "text.h"

#ifdef SP_HAVE_OPENCC
struct script {
	opencc_t cc;
};

struct script *
script_open(enum script_to to, char *err, size_t errlen)
{
	const char *config = to == SCRIPT_SIMPLIFIED ? "t2s.json" : "s2t.json";
	struct script *sc = sp_xmalloc(sizeof *sc);

	sc->cc = opencc_open(config);
	if (sc->cc == (opencc_t)-1) {
		snprintf(err, errlen, "OpenCC cannot load %s: %s", config,
		    opencc_error());
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
	if ((r = opencc_convert_utf8(sc->cc, s, n)) == NULL)
		sp_oom();
	len = strlen(r);
	changed = len != n || memcmp(r, s, n) != 0;
	put(out, r, len);
	opencc_convert_utf8_free(r);
	return changed;
}

void
script_close(struct script *sc)
{
	if (sc == NULL)
		return;
	opencc_close(sc->cc);
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
