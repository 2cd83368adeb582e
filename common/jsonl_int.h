/*
 * jsonl_int.h: what the files of JSON Lines records share, and nothing
 * else includes.
 *
 *   jsonl.c        records read and written: sp_jsonl_parse(), ...
 *   jsonl_flat.c   a flat object told valid without jansson
 */
#ifndef SP_JSONL_INT_H
#define SP_JSONL_INT_H
#include <stddef.h>

/*
 * Is s[0..n) one JSON object that jansson surely accepts, flat (no value
 * an object, an array or a real), holding a member named field?  Returns
 * 1 and sets *value to where the last such member's value starts, or 0:
 * not sure, jansson is to parse it.
 */
int sp_jsonl_flat(const char *s, size_t n, const char *field, size_t *value);

#endif
