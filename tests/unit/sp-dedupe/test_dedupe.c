/*
 * Unit tests of bin/sp-dedupe/dedupe.c: each mode's judgement, the
 * positions a duplicate names, and containment of a truncated copy.
 */
#include <string.h>

#include "check.h"
#include "dedupe.h"

static struct dedupe_opts
opts(enum mode m)
{
	struct dedupe_opts o;

	memset(&o, 0, sizeof o);
	o.mode = m;
	o.shingle = 5;
	o.threshold = 0.8;
	o.containment = 0.9;
	o.positions = 1;
	return o;
}

static enum reason
judge(struct dedupe *d, const char *s, uint64_t pos, struct verdict *v)
{
	dedupe_judge(d, s, strlen(s), pos, v);
	return v->reason;
}

int
main(void)
{
	struct dedupe d;
	struct dedupe_opts o;
	struct verdict v;
	const char *full = "一、认真贯彻落实全会精神，切实加强执政能力建设。\n"
	    "党的十六届四中全会是在我国改革发展处于关键时期召开的一次具有重大"
	    "意义的会议。全会审议通过的决定，是加强党的执政能力建设的纲领。\n"
	    "机关干部必须首先深入学习贯彻重要思想，学在前，走在先，不断提高理论"
	    "水平。各部门必须按照全会的要求，加强对党内民主各项制度的建设。\n"
	    "要提高执政能力，必须着眼于提高全体党员干部的素质，培养锻炼大批干部。\n";
	const char *cut = "第四篇：在机关干部大会上的讲话\n"
	    "一、认真贯彻落实全会精神，切实加强执政能力建设。\n"
	    "党的十六届四中全会是在我国改革发展处于关键时期召开的一次具有重大"
	    "意义的会议。全会审议通过的决定，是加强党的执政能力建设的纲领。\n"
	    "机关干部必须首先深入学习贯彻重要思想，学在前，走在先，不断提高理论"
	    "水平。各部门必须按照";

	/* Exact: byte for byte; the duplicate names the first copy. */
	o = opts(MODE_EXACT);
	dedupe_init(&d, &o, NULL);
	CHECK_INT(judge(&d, "同志们：", POS(0, 1), &v), KEPT);
	CHECK_INT(judge(&d, "同志们:", POS(0, 2), &v), KEPT);
	CHECK_INT(judge(&d, "同志们：", POS(1, 7), &v), DUP_EXACT);
	CHECK(v.of == POS(0, 1));
	CHECK(v.similarity == 1.0);
	CHECK_INT(dedupe_distinct(&d), 2);
	dedupe_free(&d);

	/* Normalized, and digits folded. */
	o = opts(MODE_NORMALIZED);
	o.fold_digits = 1;
	dedupe_init(&d, &o, NULL);
	CHECK_INT(judge(&d, "2009年2月2日", POS(0, 1), &v), KEPT);
	CHECK_INT(judge(&d, "２０１９年３月４日。", POS(0, 2), &v), DUP_NORMALIZED);
	CHECK(v.of == POS(0, 1));
	dedupe_free(&d);

	/* --min-chars: short units are kept and not remembered. */
	o = opts(MODE_EXACT);
	o.min_chars = 4;
	dedupe_init(&d, &o, NULL);
	CHECK_INT(judge(&d, "同志们", POS(0, 1), &v), KEPT_SHORT);
	CHECK_INT(judge(&d, "同志们", POS(0, 2), &v), KEPT_SHORT);
	CHECK_INT(judge(&d, " 同 志 们 ", POS(0, 3), &v), KEPT_SHORT);
	CHECK_INT(judge(&d, "同志们好", POS(0, 4), &v), KEPT);
	CHECK_INT(judge(&d, "同志们好", POS(0, 5), &v), DUP_EXACT);
	CHECK_INT(dedupe_distinct(&d), 1);
	dedupe_free(&d);

	/* -u: only the unit before counts. */
	o = opts(MODE_EXACT);
	o.adjacent = 1;
	dedupe_init(&d, &o, NULL);
	CHECK_INT(judge(&d, "a", POS(0, 1), &v), KEPT);
	CHECK_INT(judge(&d, "a", POS(0, 2), &v), DUP_ADJACENT);
	CHECK(v.of == POS(0, 1));
	CHECK_INT(judge(&d, "b", POS(0, 3), &v), KEPT);
	CHECK_INT(judge(&d, "a", POS(0, 4), &v), KEPT);
	CHECK_INT(dedupe_distinct(&d), 0);
	dedupe_free(&d);

	/* --repeats 3: counted first, then every copy of three goes. */
	o = opts(MODE_EXACT);
	o.repeats = 3;
	dedupe_init(&d, &o, NULL);
	dedupe_count(&d, "nav", 3, POS(0, 1));
	dedupe_count(&d, "x", 1, POS(0, 2));
	dedupe_count(&d, "nav", 3, POS(0, 3));
	dedupe_count(&d, "x", 1, POS(0, 4));
	dedupe_count(&d, "nav", 3, POS(1, 1));
	CHECK_INT(judge(&d, "nav", POS(0, 1), &v), DUP_REPEATED);
	CHECK(v.of == POS_NONE);
	CHECK_INT(judge(&d, "x", POS(0, 2), &v), KEPT);
	CHECK_INT(judge(&d, "nav", POS(1, 1), &v), DUP_REPEATED);
	CHECK(v.of == POS(0, 1));
	dedupe_free(&d);

	/* Near: an edited copy goes, naming the kept one. */
	o = opts(MODE_NEAR);
	dedupe_init(&d, &o, NULL);
	CHECK_INT(d.bands, 21);
	CHECK_INT(judge(&d, full, POS(0, 1), &v), KEPT);
	CHECK_INT(judge(&d, "第一章完全不同的文字内容，讲的是另外一件事情。", POS(0, 2),
	    &v), KEPT);
	CHECK_INT(judge(&d, full, POS(0, 3), &v), DUP_NEAR);
	CHECK(v.of == POS(0, 1));
	CHECK(v.similarity == 1.0);
	/* The truncated copy is far from the whole by Jaccard. */
	CHECK_INT(judge(&d, cut, POS(0, 4), &v), KEPT);
	dedupe_free(&d);

	/* Contained: the truncated copy goes, by its share of characters. */
	o = opts(MODE_EXACT);
	o.contained = 1;
	o.containment = 0.8;
	dedupe_init(&d, &o, NULL);
	CHECK_INT(judge(&d, full, POS(0, 1), &v), KEPT);
	CHECK_INT(judge(&d, cut, POS(0, 2), &v), DUP_CONTAINED);
	CHECK(v.of == POS(0, 1));
	CHECK(v.similarity >= 0.8 && v.similarity < 0.9);
	dedupe_free(&d);
	o.containment = 0.95;
	dedupe_init(&d, &o, NULL);
	judge(&d, full, POS(0, 1), &v);
	CHECK_INT(judge(&d, cut, POS(0, 2), &v), KEPT);
	/* What a kept document adds is seen by the next ones. */
	CHECK_INT(judge(&d, "第四篇：在机关干部大会上的讲话\n"
	    "要提高执政能力，必须着眼于提高全体党员干部的素质，培养锻炼大批干部。",
	    POS(0, 3), &v), DUP_CONTAINED);
	CHECK(v.similarity == 1.0);
	dedupe_free(&d);
	return check_done("sp-dedupe/test_dedupe");
}
