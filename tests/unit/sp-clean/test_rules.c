/*
 * Unit tests of the short cuts of bin/sp-clean/rules.c: a line is given
 * to a re pattern only when one of the literals its form requires is in
 * the line (its triggers), and the patterns are tried first as one
 * alternation.  Neither may lose a match: each pattern, alone and with all
 * the others loaded, must say of each line what PCRE2 says of it alone.
 */
#include <string.h>

#include "check.h"
#include "rules.h"
#include "rules_memo.h"

/* Patterns of the forms the short cuts read, and of the ones they must
 * not misread. */
static const char *const patterns[] = {
	"(来源|出处)\\s*[:：]",		/* triggers: the alternatives */
	"^(电话|手机)\\s*[:：]",
	"(a|b)(c|d)",
	"(a|bc)+",
	"(a)\\1",			/* a back reference: not in any */
	"ICP\\s*[备證]",		/* a literal prefix */
	"abc?d",			/* less its optional last letter */
	"ab+c",
	"汉字+",
	"a|b",				/* alternation of the whole: none */
	"ab|cd",
	"(来源|出处)|其他",
	"(x|y)?z",			/* an optional group: none */
	"(p|q){0,1}r",
	"(s|t|)",			/* an empty alternative: none */
	"(?i)abc",			/* options first: none */
	"[(]x|y",			/* a class holding '(' */
	"\\(m|n\\)",			/* escaped brackets */
	"u\\|v",
	"\\d{4}年",
	"(*COMMIT)e|f",			/* a verb: not in any */
	"(?x) g h # comment",		/* a comment to the end: not in any */
	"\\Qk.l",			/* \Q to the end: not in any */
	"(MORE\\+?|更多\\s*(>>|\\+|»))$",
	/* A '|' that a lexer could take for part of a class or quote. */
	"abc[^](]|xyz",
	"abc[[:alpha:](]|xyz",
	"abc\\Q(\\E|xyz",
	"abc(?#()|xyz",
	"abc\\c(|xyz",
	/* Groups of literals after the first: their '|' splits nothing. */
	"(发布|更新)(时间|日期)",
	"(ab|cd)(e|f)|gh",
	"ab(c|d)|ef",
	"ab[(]x|y[)]",
	"ab(?#(x|y)|ef",
	"ab(x\\(a|b)",
	/* Calls of groups by number: another rule's group in any. */
	"[a](b)(?1)",
	"(c)\\g<1>",
	"(?<n>d)\\g'n'",
};

static const char *const lines[] = {
	"出处：人民网", "来源 : 新华社", "无关的一行", "手机：123", "电话 123",
	"bd", "xbcbc", "aa", "a", "ICP备", "ICP 證", "icp备", "abd", "abcd",
	"ac", "abbbc", "汉字字", "汉", "xb", "z", "yz", "r", "qr", "", "zzz",
	"ABC", "y", "x", "(m", "n)", "m", "u|v", "2024年", "12年", "f", "e",
	"gh", "g h", "k.l", "kxl", "查看更多>>", "MORE+", "more", "cd",
	"其他", "来源", "xyz", "abb", "cc", "dd", "abc(", "发布时间", "更新日期",
	"gh", "abde", "ef", "y)", "abx(a", "abxb)", "abxb",
};

#define NP (sizeof patterns / sizeof patterns[0])
#define NL (sizeof lines / sizeof lines[0])

/* Does pattern p match line l, by PCRE2 alone? */
static int
alone(const char *p, const char *l)
{
	pcre2_code *re;
	pcre2_match_data *md;
	PCRE2_SIZE off;
	int err, rc;

	re = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED, PCRE2_UTF |
	    PCRE2_MATCH_INVALID_UTF, &err, &off, NULL);
	if (!CHECK(re != NULL))
		return 0;
	md = pcre2_match_data_create(4, NULL);
	rc = pcre2_match(re, (PCRE2_SPTR)l, strlen(l), 0, 0, md, NULL);
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	return rc >= 0;
}

/* Loads "%replace" and the patterns [from, to) at weight 1 into r. */
static int
load(struct rules *r, size_t from, size_t to)
{
	char text[4096], err[256];
	size_t i, n = 0;

	n += (size_t)snprintf(text + n, sizeof text - n, "%%replace\n");
	for (i = from; i < to; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "re 1 %s\n",
		    patterns[i]);
	if (rules_init(r) < 0 || rules_parse(r, text, n, "t.rules", err,
	    sizeof err) < 0) {
		printf("FAIL loading: %s\n", err);
		return -1;
	}
	return 0;
}

/* rules_match's count on line l, by the original and by a clone. */
static int
counted(struct rules *r, const char *l)
{
	struct rules c;
	struct rule_hits h, hc;

	rules_match(r, l, strlen(l), 0, 0, &h);
	if (rules_clone(&c, r) < 0)
		return -1;
	rules_match(&c, l, strlen(l), 0, 0, &hc);
	rules_free(&c);
	return h.vocab == hc.vocab ? h.vocab : -1;
}

static void
test_each_alone(void)
{
	struct rules r;
	size_t i, j;
	int want, got;

	for (i = 0; i < NP; i++) {
		if (load(&r, i, i + 1) < 0)
			continue;
		for (j = 0; j < NL; j++) {
			want = alone(patterns[i], lines[j]);
			got = counted(&r, lines[j]);
			if (!CHECK_INT(got, want))
				printf("  pattern %s, line \"%s\"\n",
				    patterns[i], lines[j]);
		}
		rules_free(&r);
	}
}

static void
test_all_together(void)
{
	struct rules r;
	size_t i, j;
	int want, got;

	if (load(&r, 0, NP) < 0)
		return;
	/* The short cuts are in use: some triggers, an alternation. */
	CHECK(r.any[0] != NULL || r.any[1] != NULL);
	for (i = 0, want = 0; i < r.n; i++)
		want += r.v[i].kind == RULE_TRIGGER;
	CHECK(want >= 10);
	for (j = 0; j < NL; j++) {
		for (i = 0, want = 0; i < NP; i++)
			want += alone(patterns[i], lines[j]);
		got = counted(&r, lines[j]);
		if (!CHECK_INT(got, want))
			printf("  line \"%s\"\n", lines[j]);
	}
	/* Lines go by: the stamps of earlier lines must not count. */
	for (j = 0; j < 3 * NL; j++) {
		const char *l = lines[(j * 7) % NL];

		for (i = 0, want = 0; i < NP; i++)
			want += alone(patterns[i], l);
		CHECK_INT(counted(&r, l), want);
	}
	rules_free(&r);
}

/* Are two answers of rules_match the same, to the place of the best? */
static int
same_hits(const struct rule_hits *a, const struct rule_hits *b)
{
	return a->vocab == b->vocab && a->best == b->best &&
	    a->best_at == b->best_at && a->best_len == b->best_len;
}

/*
 * A line matched again is answered from the matcher's memo: as the first
 * time, and as a clone that never saw it (its memo its own, empty) says.
 */
static void
test_remembered(void)
{
	struct rules r, c;
	struct rule_hits first, again, fresh;
	size_t j;

	if (load(&r, 0, NP) < 0)
		return;
	for (j = 0; j < NL; j++) {
		rules_match(&r, lines[j], strlen(lines[j]), 0, 0, &first);
		rules_match(&r, lines[j], strlen(lines[j]), 0, 0, &again);
		if (!CHECK(same_hits(&first, &again)))
			printf("  line \"%s\"\n", lines[j]);
	}
	if (rules_clone(&c, &r) < 0)
		return;
	for (j = 0; j < NL; j++) {
		rules_match(&r, lines[j], strlen(lines[j]), 0, 0, &again);
		rules_match(&c, lines[j], strlen(lines[j]), 0, 0, &fresh);
		if (!CHECK(same_hits(&again, &fresh)))
			printf("  line \"%s\"\n", lines[j]);
	}
	rules_free(&c);
	rules_free(&r);
}

/* The memo itself: the bytes decide, and what it cannot hold it drops. */
static void
test_memo(void)
{
	struct rules_memo m = { NULL, NULL, 0 };
	struct rules_memo_hit put[RULES_MEMO_HITS + 1] = { { 7, 1, 2 } }, got[
	    RULES_MEMO_HITS];
	char line[RULES_MEMO_LINE + 1];
	uint64_t ab = rules_memo_key(&m, "ab", 2);

	CHECK(ab != 0);
	CHECK_INT(rules_memo_get(&m, ab, "ab", 2, got), -1);
	rules_memo_put(&m, ab, "ab", 2, put, 1);
	CHECK_INT(rules_memo_get(&m, ab, "ab", 2, got), 1);
	CHECK(got[0].rule == 7 && got[0].at == 1 && got[0].len == 2);
	CHECK_INT(rules_memo_get(&m, rules_memo_key(&m, "ac", 2), "ac", 2,
	    got), -1);
	/* Another line given ab's key, as a collision would: not ab's. */
	CHECK_INT(rules_memo_get(&m, ab, "ac", 2, got), -1);
	rules_memo_put(&m, rules_memo_key(&m, "abc", 3), "abc", 3, put, 0);
	CHECK_INT(rules_memo_get(&m, rules_memo_key(&m, "abc", 3), "abc", 3,
	    got), 0);
	memset(line, 'x', sizeof line);
	CHECK(rules_memo_key(&m, line, sizeof line) == 0);
	CHECK(rules_memo_key(&m, line, sizeof line - 1) != 0);
	CHECK(rules_memo_key(&m, "", 0) == 0);
	rules_memo_put(&m, rules_memo_key(&m, "xyz", 3), "xyz", 3, put,
	    RULES_MEMO_HITS + 1);
	CHECK_INT(rules_memo_get(&m, rules_memo_key(&m, "xyz", 3), "xyz", 3,
	    got), -1);
	rules_memo_clear(&m);
	CHECK_INT(rules_memo_get(&m, ab, "ab", 2, got), -1);
	rules_memo_free(&m);
	/* A memo turned off remembers nothing. */
	m.off = 1;
	rules_memo_put(&m, ab, "ab", 2, put, 1);
	CHECK(m.slot == NULL);
	CHECK_INT(rules_memo_get(&m, ab, "ab", 2, got), -1);
}

int
main(void)
{
	test_each_alone();
	test_all_together();
	test_remembered();
	test_memo();
	return check_done("test_rules");
}
