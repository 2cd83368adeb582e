/*
 * enc_declared.h: the charset a page declares for itself, read from its
 * bytes before any decoding: the XML declaration (<?xml ... encoding="X"?>)
 * at the start, or an HTML <meta charset="X"> or <meta http-equiv=
 * "Content-Type" content="...; charset=X"> in the first 4 KiB, as a
 * browser's prescan finds them.  Only ASCII-compatible bytes are read: a
 * declaration inside UTF-16 text is not one.
 */
#ifndef SP_ENC_DECLARED_H
#define SP_ENC_DECLARED_H
#include <stddef.h>

/* How far into a file a declaration is looked for. */
#define SP_ENC_DECLARED_WINDOW 4096

/*
 * Copies the declared charset's label (as written: "gb2312", "Big5") of
 * s[0..n) into buf and returns buf, or returns NULL when there is none or
 * it does not fit.
 */
const char *sp_enc_declared(const unsigned char *s, size_t n, char *buf,
    size_t buflen);

#endif
