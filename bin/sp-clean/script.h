/*
 * script.h: simplified and traditional characters (step 10, off unless
 * asked), with OpenCC's s2t and t2s conversions.  Built without OpenCC,
 * script_open() says so.  Each thread converting opens its own converter.
 */
#ifndef SP_CLEAN_SCRIPT_H
#define SP_CLEAN_SCRIPT_H
#include <stddef.h>

#include "buf.h"

enum script_to { SCRIPT_SIMPLIFIED, SCRIPT_TRADITIONAL };

struct script;

/* Returns a converter, or NULL with the reason in err. */
struct script *script_open(enum script_to to, char *err, size_t errlen);
/* Appends s[0..n) converted to out; returns 1 when it changed. */
int script_convert(struct script *sc, const char *s, size_t n,
    struct sp_buf *out);
void script_close(struct script *sc);

#endif
