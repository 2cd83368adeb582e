/* keys.c: positions and signatures as text; see keys.h. */
#include <stdio.h>
#include <string.h>

#include "dedupe.h"
#include "keys.h"

static const char b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

size_t
pos_format(char *buf, uint64_t pos)
{
	return (size_t)snprintf(buf, POS_TEXT_MAX, "%06llu:%010llu",
	    (unsigned long long)POS_FILE(pos),
	    (unsigned long long)POS_UNIT(pos));
}

/* Reads digits from s[*i..n) up to max; -1 when none or too big. */
static int
number(const char *s, size_t n, size_t *i, uint64_t max, uint64_t *v)
{
	size_t start = *i;

	*v = 0;
	for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
		*v = *v * 10 + (uint64_t)(s[*i] - '0');
		if (*v > max)
			return -1;
	}
	return *i > start ? 0 : -1;
}

int
pos_parse(const char *s, size_t n, uint64_t *pos)
{
	uint64_t shard, unit;
	size_t i = 0;

	if (number(s, n, &i, SHARD_MAX, &shard) < 0 || i >= n || s[i] != ':')
		return -1;
	i++;
	if (number(s, n, &i, POS_UNIT(UINT64_MAX), &unit) < 0 || i != n)
		return -1;
	*pos = POS(shard, unit);
	return 0;
}

void
sig_encode(const uint32_t *sig, char *out)
{
	unsigned char b[MH_PERMS * 4 + 2];
	size_t i, o = 0, n = MH_PERMS * 4;
	uint32_t g;

	for (i = 0; i < MH_PERMS; i++) {
		b[4 * i] = (unsigned char)(sig[i] >> 24);
		b[4 * i + 1] = (unsigned char)(sig[i] >> 16);
		b[4 * i + 2] = (unsigned char)(sig[i] >> 8);
		b[4 * i + 3] = (unsigned char)sig[i];
	}
	b[n] = b[n + 1] = 0;
	for (i = 0; i < n; i += 3) {
		g = (uint32_t)b[i] << 16 | (uint32_t)b[i + 1] << 8 | b[i + 2];
		out[o++] = b64[g >> 18];
		out[o++] = b64[g >> 12 & 63];
		if (o < SIG_TEXT_LEN)
			out[o++] = b64[g >> 6 & 63];
		if (o < SIG_TEXT_LEN)
			out[o++] = b64[g & 63];
	}
}

static int
b64_value(int c)
{
	const char *p;

	if (c == 0 || (p = strchr(b64, c)) == NULL)
		return -1;
	return (int)(p - b64);
}

int
sig_decode(const char *s, size_t n, uint32_t *sig)
{
	unsigned char b[MH_PERMS * 4 + 3];
	size_t i, o = 0;
	uint32_t g;
	int k, v;

	if (n != SIG_TEXT_LEN)
		return -1;
	for (i = 0; i < n; i += 4) {
		g = 0;
		for (k = 0; k < 4; k++) {
			v = i + k < n ? b64_value((unsigned char)s[i + k]) : 0;
			if (v < 0)
				return -1;
			g = g << 6 | (uint32_t)v;
		}
		b[o++] = (unsigned char)(g >> 16);
		b[o++] = (unsigned char)(g >> 8);
		b[o++] = (unsigned char)g;
	}
	/* The bits past the last byte must be zero, as encoding left them. */
	if (b[MH_PERMS * 4] != 0)
		return -1;
	for (i = 0; i < MH_PERMS; i++)
		sig[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] <<
		    16 | (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
	return 0;
}
