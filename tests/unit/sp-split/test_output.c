/* Unit tests of output.c: the numbers of JSON Lines members. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "split.h"

/*
 * out_member() writes "name":v with two digits a division: every power
 * of ten and its neighbours, to the largest number, as printf writes it.
 */
int
main(void)
{
	char got[64], want[64], *end;
	uint64_t ten = 1, v;
	int k, d, bad = 0;

	for (k = 0; k < 20; k++, ten *= 10)
		for (d = -2; d <= 2; d++) {
			v = ten + (uint64_t)(int64_t)d;
			if (d < 0 && ten < (uint64_t)-d)
				continue;
			end = out_member(got, "start", v);
			snprintf(want, sizeof want, "\"start\":%" PRIu64, v);
			if (strcmp(got, want) != 0 ||
			    (size_t)(end - got) != strlen(want))
				bad++;
		}
	end = out_member(got, "end", UINT64_MAX);
	CHECK_MEM(got, (size_t)(end - got), "\"end\":18446744073709551615");
	CHECK_INT(bad, 0);
	return check_done("sp-split output");
}
