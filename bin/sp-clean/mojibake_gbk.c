/* mojibake_gbk.c: GBK's codes; see mojibake_gbk.h. */
#include <pthread.h>
#include <stdlib.h>

#include "encoding.h"
#include "mojibake_gbk.h"
#include "text.h"

uint16_t *gbk_cp;
uint16_t *cp_gbk;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void
build(void)
{
	struct sp_buf out = SP_BUF_INIT;
	unsigned l, t;
	char pair[2];
	int32_t cp;
	size_t k;

	gbk_cp = calloc(126 * 191, sizeof *gbk_cp);
	cp_gbk = calloc(65536, sizeof *cp_gbk);
	if (gbk_cp == NULL || cp_gbk == NULL)
		sp_oom();
	for (l = 0x81; l <= 0xFE; l++)
		for (t = 0x40; t <= 0xFE; t++) {
			if (t == 0x7F)
				continue;
			pair[0] = (char)l;
			pair[1] = (char)t;
			sp_buf_clear(&out);
			if (sp_enc_decode("GB18030", pair, 2, &out) < 0 ||
			    out.len == 0)
				continue;
			cp = cp_at(out.data, out.len, 0, &k);
			if (k != out.len || cp > 0xFFFF || cp == 0xFFFD)
				continue;
			if (cp_gbk[cp] == 0)
				cp_gbk[cp] = (uint16_t)(l << 8 | t);
			/*
			 * GBK's user-defined areas (private use) are no
			 * characters: decoders of the web refuse them (one
			 * that made them, they are still encoded back).
			 */
			if (cp < 0xE000 || cp > 0xF8FF)
				gbk_cp[GBK_INDEX(l, t)] = (uint16_t)cp;
		}
	sp_buf_free(&out);
}

void
gbk_load(void)
{
	(void)pthread_once(&once, build);
}
