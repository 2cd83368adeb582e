/* script.c: simplified and traditional characters (step 10); see script.h. */
#include <stdio.h>
#include <string.h>

#ifdef SP_HAVE_OPENCC
#include <opencc.h>
#endif

#include "script.h"
#include "text.h"

#ifdef SP_HAVE_OPENCC
static opencc_t cc = (opencc_t)-1;

int
script_open(enum script_to to, char *err, size_t errlen)
{
	const char *config = to == SCRIPT_SIMPLIFIED ? "t2s.json" : "s2t.json";

	cc = opencc_open(config);
	if (cc == (opencc_t)-1) {
		snprintf(err, errlen, "OpenCC cannot load %s: %s", config,
		    opencc_error());
		return -1;
	}
	return 0;
}

int
script_convert(const char *s, size_t n, struct sp_buf *out)
{
	char *r;
	size_t len;
	int changed;

	if (n == 0)
		return 0;
	if ((r = opencc_convert_utf8(cc, s, n)) == NULL)
		sp_oom();
	len = strlen(r);
	changed = len != n || memcmp(r, s, n) != 0;
	put(out, r, len);
	opencc_convert_utf8_free(r);
	return changed;
}

void
script_close(void)
{
	if (cc != (opencc_t)-1)
		opencc_close(cc);
	cc = (opencc_t)-1;
}
#else
int
script_open(enum script_to to, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: built without OpenCC (install its "
	    "development files and rebuild)", to == SCRIPT_SIMPLIFIED ?
	    "--to-simplified" : "--to-traditional");
	return -1;
}

int
script_convert(const char *s, size_t n, struct sp_buf *out)
{
	put(out, s, n);
	return 0;
}

void
script_close(void)
{
}
#endif
