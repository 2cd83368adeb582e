/*
 * keys.h: the text of the map-shuffle-reduce dedupe's records
 * (--emit-keys, --join, --drop-positions): positions and signatures.
 *
 * A position names a unit by its shard and its unit number in the shard,
 * written "SSSSSS:UUUUUUUUUU", zero-padded to 6 and 10 digits, so that
 * positions sort in input order as text (LC_ALL=C sort) and as numbers
 * (sort -t: -k1,1n -k2,2n); any width is read back.  A signature is its
 * MH_PERMS values as big-endian bytes in base64 without padding.
 */
#ifndef DEDUPE_KEYS_H
#define DEDUPE_KEYS_H
#include <stddef.h>
#include <stdint.h>

#include "minhash.h"

/* The key of the first record of every --emit-keys output. */
#define KEYS_HEADER	"!sp-dedupe-keys-1"
/* Signature records' keys: this, then the position; after any hex key. */
#define KEYS_SIG	'~'
/* Signature digests' keys: this, then 32 hex digits; before any hex key. */
#define KEYS_SAME	'#'
/* The key of units the --store holds; after the digests, before hex. */
#define KEYS_STORED	"*stored"

#define SHARD_MAX	999999
#define POS_TEXT_MAX	32
#define SIG_TEXT_LEN	((MH_PERMS * 4 * 4 + 2) / 3)

/* Writes pos as text into buf (POS_TEXT_MAX bytes); returns its length. */
size_t pos_format(char *buf, uint64_t pos);
/* Reads a position "S:U" from s[0..n); returns 0, or -1 if it is not one. */
int pos_parse(const char *s, size_t n, uint64_t *pos);
/* Writes sig as SIG_TEXT_LEN characters (no NUL). */
void sig_encode(const uint32_t *sig, char *out);
/* Reads a signature; returns 0, or -1 if s[0..n) is not one. */
int sig_decode(const char *s, size_t n, uint32_t *sig);

#endif
