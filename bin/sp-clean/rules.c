/* rules.c: the boilerplate vocabulary; see rules.h. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linefeat.h"
#include "rules.h"
#include "regex.h"
#include "tool.h"
#include "utf8.h"

/* PCRE2 limits: generous for real patterns, fatal to runaway ones. */
#define MATCH_LIMIT	100000
#define DEPTH_LIMIT	5000
#define HEAP_LIMIT	4096	/* KiB */

static const struct {
	const char *name;
	enum rule_kind kind;
	int weighted;
} kinds[] = {
	{ "has", RULE_HAS, 1 }, { "start", RULE_START, 1 },
	{ "is", RULE_IS, 1 }, { "re", RULE_RE, 1 },
	{ "nav", RULE_NAV, 0 }, { "list", RULE_LIST, 0 },
};

static int32_t
fold(int32_t cp)
{
	return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

static int
ascii_eq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return 0;
	return 1;
}

static unsigned
bucket_of(const char *s, size_t n)
{
	return (unsigned)fold(lf_first(s, n, NULL)) & (RULE_BUCKETS - 1);
}

/* The bit of pairs[] for two characters, folded. */
static unsigned
pair_of(int32_t a, int32_t b)
{
	return ((uint32_t)a * 40503u ^ (uint32_t)b) & (RULE_PAIR_BITS - 1);
}

static void
rebuild_buckets(struct rules *r)
{
	size_t i, k;
	unsigned b;
	int32_t cp, cp2;

	for (i = 0; i < RULE_BUCKETS; i++)
		r->bucket[i] = -1;
	memset(r->starts, 0, sizeof r->starts);
	memset(r->pairs, 0, sizeof r->pairs);
	memset(r->single, 0, sizeof r->single);
	/* Back to front, so each bucket lists its rules in file order. */
	for (i = r->n; i-- > 0;) {
		r->v[i].next = -1;
		if (r->v[i].kind == RULE_RE)
			continue;
		b = bucket_of(r->v[i].text, r->v[i].len);
		r->v[i].next = r->bucket[b];
		r->bucket[b] = (int)i;
		cp = fold(lf_first(r->v[i].text, r->v[i].len, &k));
		/* Characters beyond the BMP are always looked up. */
		if (cp < 0x10000)
			r->starts[cp >> 3] |= (unsigned char)(1u << (cp & 7));
		if (k >= r->v[i].len) {
			if (cp < 0x10000)
				r->single[cp >> 3] |= (unsigned char)(1u <<
				    (cp & 7));
			else
				r->astral_single = 1;
			continue;
		}
		cp2 = fold(lf_first(r->v[i].text + k, r->v[i].len - k, NULL));
		b = pair_of(cp, cp2);
		r->pairs[b >> 3] |= (unsigned char)(1u << (b & 7));
	}
}

int
rules_init(struct rules *r)
{
	memset(r, 0, sizeof *r);
	r->threshold = 10;
	rebuild_buckets(r);
	if ((r->mctx = pcre2_match_context_create(NULL)) == NULL)
		return -1;
	pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
	pcre2_set_heap_limit(r->mctx, HEAP_LIMIT);
	if ((r->md = pcre2_match_data_create(4, NULL)) == NULL)
		return -1;
	return 0;
}

static void
free_rules(struct rule *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].text);
		pcre2_code_free(v[i].re.code);
	}
	free(v);
}

/* Frees an alternation of rules.any. */
static void
free_any(struct sp_re_lazy *any)
{
	if (any == NULL)
		return;
	pcre2_code_free(any->code);
	free(any);
}

int
rules_clone(struct rules *dst, const struct rules *src)
{
	*dst = *src;
	dst->shared = 1;
	dst->stamp = 0;
	dst->stamps = calloc(src->n ? src->n : 1, sizeof *dst->stamps);
	dst->seen = calloc(src->n ? src->n : 1, sizeof *dst->seen);
	dst->warned = calloc(src->n ? src->n : 1, 1);
	dst->mctx = pcre2_match_context_copy(src->mctx);
	dst->md = pcre2_match_data_create(4, NULL);
	memset(&dst->subject, 0, sizeof dst->subject);
	memset(&dst->memo, 0, sizeof dst->memo);
	if (dst->stamps == NULL || dst->seen == NULL || dst->warned == NULL ||
	    dst->mctx == NULL || dst->md == NULL) {
		rules_free(dst);
		return -1;
	}
	return 0;
}

void
rules_no_memo(struct rules *r)
{
	rules_memo_free(&r->memo);
	r->memo.off = 1;
}

void
rules_free(struct rules *r)
{
	if (!r->shared) {
		free_rules(r->v, r->n);
		free_any(r->any[0]);
		free_any(r->any[1]);
		free(r->patterns);
		free(r->plain);
	}
	free(r->stamps);
	free(r->seen);
	free(r->warned);
	pcre2_match_data_free(r->md);
	pcre2_match_context_free(r->mctx);
	sp_buf_free(&r->subject);
	rules_memo_free(&r->memo);
	memset(r, 0, sizeof *r);
}

static void
seterr(char *err, size_t errlen, const char *name, size_t line,
    const char *fmt, ...)
{
	va_list ap;
	int k;

	if (errlen == 0)
		return;
	k = snprintf(err, errlen, "%s:%zu: ", name, line);
	if (k < 0 || (size_t)k >= errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err + k, errlen - (size_t)k, fmt, ap);
	va_end(ap);
}

/* A list of rules being built. */
struct vec {
	struct rule *v;
	size_t n, cap;
};

static int
push(struct vec *vec, const struct rule *rule)
{
	struct rule *p;
	size_t cap;

	if (vec->n == vec->cap) {
		cap = vec->cap ? vec->cap * 2 : 64;
		if ((p = realloc(vec->v, cap * sizeof *p)) == NULL)
			return -1;
		vec->v = p;
		vec->cap = cap;
	}
	vec->v[vec->n++] = *rule;
	return 0;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Parses one rule from s[0..n) (trimmed, not a comment) into *rule. */
static int
parse_rule(const char *s, size_t n, struct rule *rule, const char *name,
    size_t lineno, char *err, size_t errlen)
{
	size_t i = 0, w, k;
	char num[16], *end;
	long weight = 0;
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[160];

	memset(rule, 0, sizeof *rule);
	while (i < n && !is_blank(s[i]))
		i++;
	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (strlen(kinds[k].name) == i &&
		    memcmp(kinds[k].name, s, i) == 0)
			break;
	if (k == sizeof kinds / sizeof kinds[0]) {
		seterr(err, errlen, name, lineno,
		    "unknown rule kind \"%.*s\" (want has, start, is, re, nav "
		    "or list)", (int)(i > 20 ? 20 : i), s);
		return -1;
	}
	rule->kind = kinds[k].kind;
	while (i < n && is_blank(s[i]))
		i++;
	if (kinds[k].weighted) {
		w = i;
		while (i < n && !is_blank(s[i]))
			i++;
		if (i - w == 0 || i - w >= sizeof num) {
			seterr(err, errlen, name, lineno, "%s needs a weight",
			    kinds[k].name);
			return -1;
		}
		memcpy(num, s + w, i - w);
		num[i - w] = '\0';
		errno = 0;
		weight = strtol(num, &end, 10);
		if (*end != '\0' || errno || weight < -100 || weight > 100) {
			seterr(err, errlen, name, lineno,
			    "weight \"%s\" is not an integer from -100 to 100",
			    num);
			return -1;
		}
		while (i < n && is_blank(s[i]))
			i++;
	}
	rule->weight = (int)weight;
	if (i == n) {
		seterr(err, errlen, name, lineno, "%s needs a pattern",
		    kinds[k].name);
		return -1;
	}
	if (sp_utf8_valid_prefix((const unsigned char *)s + i, n - i) !=
	    n - i) {
		seterr(err, errlen, name, lineno, "pattern is not valid UTF-8");
		return -1;
	}
	if (memchr(s + i, '\0', n - i)) {
		seterr(err, errlen, name, lineno, "pattern holds a NUL byte");
		return -1;
	}
	rule->len = n - i;
	if ((rule->text = malloc(rule->len + 1)) == NULL) {
		seterr(err, errlen, name, lineno, "%s", strerror(ENOMEM));
		return -1;
	}
	memcpy(rule->text, s + i, rule->len);
	rule->text[rule->len] = '\0';
	if (rule->kind == RULE_RE) {
		if (sp_re_compile_lazy(&rule->re, rule->text, rule->len, 0,
		    &errcode, &erroff) < 0) {
			pcre2_get_error_message(errcode, msg, sizeof msg);
			seterr(err, errlen, name, lineno,
			    "bad regular expression at offset %zu: %s",
			    (size_t)erroff, (char *)msg);
			free(rule->text);
			return -1;
		}
	}
	return 0;
}

/* Is c a character that means more than itself in a pattern? */
static int
meta(char c)
{
	return strchr("\\.^$|?*+()[]{}", c) != NULL;
}

/*
 * The end of a group of literal alternatives "(lit|lit|...)" opening at
 * p[i] (after its ')'), or 0 when none opens there.
 */
static size_t
literal_group(const char *p, size_t n, size_t i)
{
	size_t k;

	if (i + 1 >= n || p[i] != '(' || p[i + 1] == '?' || p[i + 1] == '*')
		return 0;
	for (k = i + 1; k < n && (p[k] == '|' || !meta(p[k])); k++)
		;
	return k < n && p[k] == ')' ? k + 1 : 0;
}

/*
 * Is there a '|' in p[0..n) that may be an alternation of the whole?
 * Those inside groups of literal alternatives are not: their brackets
 * hold nothing but literals, so they are a group, or literal themselves
 * (quoted, in a class or a comment), and a '|' in them is never at the
 * top.  Any other '|' may be.
 */
static int
bar_may_split(const char *p, size_t n)
{
	size_t i, end;

	for (i = 0; i < n; i++) {
		if ((end = literal_group(p, n, i)) > 0)
			i = end - 1;
		else if (p[i] == '|')
			return 1;
	}
	return 0;
}

/* Appends a trigger of rule target: the literal s[0..n). */
static void
push_trigger(struct rules *r, size_t target, const char *s, size_t n)
{
	struct rule *t;

	if (r->n == r->cap) {
		r->cap = r->cap * 2 + 16;
		r->v = sp_xrealloc(r->v, r->cap * sizeof *r->v);
	}
	t = &r->v[r->n++];
	memset(t, 0, sizeof *t);
	t->kind = RULE_TRIGGER;
	t->text = sp_xmalloc(n + 1);
	memcpy(t->text, s, n);
	t->text[n] = '\0';
	t->len = n;
	t->target = (int)target;
	r->v[target].triggered = 1;
}

/*
 * The triggers of pattern rule i, when its form tells them: every match
 * of "^?(lit|lit|...)..." holds one of the literals (the group is not
 * optional), and every match of "^?literal..." the literal (less its last
 * character, when a quantifier follows it), provided no '|' follows but
 * in groups of literals: the rest is then one sequence, whatever its
 * escapes, classes and other groups hold.  Patterns with options, classes
 * or escapes up front get none, and are always run.
 */
static void
derive_triggers(struct rules *r, size_t i)
{
	const char *p = r->v[i].text, *a;
	size_t n = r->v[i].len, k = 0, m, first = r->n;

	if (k < n && p[k] == '^')
		k++;
	if (k + 1 < n && p[k] == '(' && p[k + 1] != '?' && p[k + 1] != '*') {
		for (k++;;) {
			for (a = p + k; k < n && !meta(p[k]); k++)
				;
			if (k == n || p + k == a ||
			    (p[k] != '|' && p[k] != ')'))
				goto none;	/* not a literal alternative */
			push_trigger(r, i, a, (size_t)(p + k - a));
			if (p[k++] == ')')
				break;
		}
		if (k < n && (p[k] == '?' || p[k] == '*' || p[k] == '{'))
			goto none;	/* the group may be absent */
		if (bar_may_split(p + k, n - k))
			goto none;	/* perhaps another way to match */
		return;
	}
	if (bar_may_split(p, n))
		return;
	for (a = p + k; k < n && !meta(p[k]); k++)
		;
	m = (size_t)(p + k - a);
	if (k < n && (p[k] == '?' || p[k] == '*' || p[k] == '{' ||
	    p[k] == '+')) {
		/* The quantifier is the last character's. */
		while (m > 0 && ((unsigned char)a[m - 1] & 0xC0) == 0x80)
			m--;
		if (m > 0)
			m--;
	}
	if (m >= 2)
		push_trigger(r, i, a, m);
	return;
none:
	while (r->n > first)
		free(r->v[--r->n].text);
	r->v[i].triggered = 0;
}

/* Derives the triggers of every pattern; they go after the rules. */
static void
add_triggers(struct rules *r)
{
	size_t i, n = r->n;

	for (i = 0; i < n; i++)
		if (r->v[i].kind == RULE_RE)
			derive_triggers(r, i);
}

/* Drops the triggers (they are at the end), to derive them again. */
static void
drop_triggers(struct rules *r)
{
	size_t i;

	while (r->n > 0 && r->v[r->n - 1].kind == RULE_TRIGGER)
		free(r->v[--r->n].text);
	for (i = 0; i < r->n; i++)
		r->v[i].triggered = 0;
}

/*
 * Can the pattern p be an alternative of rules.any, matching there where
 * it matches alone?  Not with backtracking verbs ((*COMMIT) would stop the
 * others), back references or calls of groups (their numbers change), nor
 * when "(?:p)" does not compile as one group (\Q without \E, a (?x)
 * comment to the end).
 */
static int
alternative(const struct rule *rule)
{
	pcre2_code *g;
	struct sp_buf b = SP_BUF_INIT;
	uint32_t backrefs = 1;
	PCRE2_SIZE erroff;
	int errcode;

	static const char *const numbered[] = {
		"(*", "\\g", "\\k", "(?(", "(?R", "(?&", "(?P>", "(?P=",
		"(?+", "(?-", "(?0", "(?1", "(?2", "(?3", "(?4", "(?5", "(?6",
		"(?7", "(?8", "(?9", NULL
	};
	size_t i;

	/* Calls by number and the like would reach other rules' groups. */
	for (i = 0; numbered[i]; i++)
		if (memmem(rule->text, rule->len, numbered[i],
		    strlen(numbered[i])))
			return 0;
	if (pcre2_pattern_info(rule->re.code, PCRE2_INFO_BACKREFMAX, &backrefs) !=
	    0 || backrefs > 0)
		return 0;
	/*
	 * Of a pattern that compiles, only a quote (\Q without \E) or an
	 * option setting ((?x), whose comments run to the end) can take
	 * the closing parenthesis of the group: the trial is for those
	 * that hold one (2 of the 17 the shipped file tries; 450,000
	 * instructions of a run on a line, callgrind).
	 */
	if (!memmem(rule->text, rule->len, "\\Q", 2) &&
	    !memmem(rule->text, rule->len, "(?", 2))
		return 1;
	if (sp_buf_append(&b, "(?:", 3) < 0 ||
	    sp_buf_append(&b, rule->text, rule->len) < 0 ||
	    sp_buf_append(&b, ")", 1) < 0)
		sp_oom();
	g = pcre2_compile((PCRE2_SPTR)b.data, b.len, PCRE2_UTF, &errcode,
	    &erroff, NULL);
	sp_buf_free(&b);
	pcre2_code_free(g);
	return g != NULL;
}

/* Is the pattern of rule anchored at the start of the line? */
static int
anchored(const struct rule *rule)
{
	uint32_t options = 0;

	return pcre2_pattern_info(rule->re.code, PCRE2_INFO_ALLOPTIONS,
	    &options) == 0 && (options & PCRE2_ANCHORED) != 0;
}

/* Builds rules.any[k] from the patterns that can be in it. */
static void
build_any(struct rules *r, int k)
{
	struct sp_buf b = SP_BUF_INIT;
	PCRE2_SIZE erroff;
	size_t i, n = 0;
	int errcode;

	free_any(r->any[k]);
	r->any[k] = NULL;
	for (i = 0; i < r->n; i++) {
		if (r->v[i].in_any == k + 1)
			r->v[i].in_any = 0;
		/* Patterns with triggers are run seldom enough alone. */
		if (r->v[i].kind != RULE_RE || r->v[i].triggered ||
		    anchored(&r->v[i]) != k || !alternative(&r->v[i]))
			continue;
		if ((n++ > 0 && sp_buf_append(&b, "|", 1) < 0) ||
		    sp_buf_append(&b, "(?:", 3) < 0 ||
		    sp_buf_append(&b, r->v[i].text, r->v[i].len) < 0 ||
		    sp_buf_append(&b, ")", 1) < 0)
			sp_oom();
		r->v[i].in_any = k + 1;
	}
	if (n > 1 && (r->any[k] = malloc(sizeof *r->any[k])) != NULL &&
	    sp_re_compile_lazy(r->any[k], b.data, b.len, 0, &errcode,
	    &erroff) < 0) {
		free(r->any[k]);
		r->any[k] = NULL;
	}
	sp_buf_free(&b);
	if (r->any[k] == NULL) {
		/* Too big, or one pattern alone: each runs on its own. */
		for (i = 0; i < r->n; i++)
			if (r->v[i].in_any == k + 1)
				r->v[i].in_any = 0;
		return;
	}
}

/* Lists the patterns, for rules_match. */
static void
list_patterns(struct rules *r)
{
	size_t i;

	free(r->patterns);
	free(r->plain);
	r->patterns = sp_xmalloc((r->n ? r->n : 1) * sizeof *r->patterns);
	r->plain = sp_xmalloc((r->n ? r->n : 1) * sizeof *r->plain);
	r->npatterns = r->nplain = 0;
	for (i = 0; i < r->n; i++) {
		if (r->v[i].kind != RULE_RE)
			continue;
		r->patterns[r->npatterns++] = i;
		if (!r->v[i].in_any && !r->v[i].triggered)
			r->plain[r->nplain++] = i;
	}
}

int
rules_parse(struct rules *r, const char *text, size_t len, const char *name,
    char *err, size_t errlen)
{
	struct vec vec = { NULL, 0, 0 };
	struct rule rule;
	const char *s = text, *end = text + len, *nl;
	size_t n, lineno = 0, i;
	int replace = 0, threshold = r->threshold;
	long t;
	char num[16], *tend;

	while (s < end) {
		lineno++;
		nl = memchr(s, '\n', (size_t)(end - s));
		n = (size_t)((nl ? nl : end) - s);
		while (n > 0 && is_blank(s[n - 1]))
			n--;
		while (n > 0 && is_blank(*s)) {
			s++;
			n--;
		}
		if (n == 0 || *s == '#') {
			/* comment or blank */
		} else if (n == 8 && memcmp(s, "%replace", 8) == 0) {
			if (vec.n > 0) {
				seterr(err, errlen, name, lineno,
				    "%%replace must come before the rules");
				goto fail;
			}
			replace = 1;
		} else if (n > 10 && memcmp(s, "%threshold", 10) == 0 &&
		    is_blank(s[10])) {
			for (i = 10; i < n && is_blank(s[i]); i++)
				;
			if (n - i == 0 || n - i >= sizeof num)
				goto badthr;
			memcpy(num, s + i, n - i);
			num[n - i] = '\0';
			errno = 0;
			t = strtol(num, &tend, 10);
			if (*tend != '\0' || errno || t < 1 || t > 1000) {
badthr:
				seterr(err, errlen, name, lineno,
				    "%%threshold needs an integer from 1 to "
				    "1000");
				goto fail;
			}
			threshold = (int)t;
		} else if (*s == '%') {
			seterr(err, errlen, name, lineno,
			    "unknown directive \"%.*s\" (want %%replace or "
			    "%%threshold)", (int)(n > 20 ? 20 : n), s);
			goto fail;
		} else {
			if (parse_rule(s, n, &rule, name, lineno, err,
			    errlen) < 0)
				goto fail;
			if (vec.n >= INT_MAX / 2 || push(&vec, &rule) < 0) {
				free(rule.text);
				pcre2_code_free(rule.re.code);
				seterr(err, errlen, name, lineno, "%s",
				    strerror(ENOMEM));
				goto fail;
			}
		}
		s = nl ? nl + 1 : end;
	}
	if (replace) {
		r->replaced = 1;
		free_rules(r->v, r->n);
		r->v = NULL;
		r->n = r->cap = 0;
	}
	if (r->n + vec.n > r->cap) {
		struct rule *p = realloc(r->v, (r->n + vec.n) * sizeof *p);

		if (p == NULL && r->n + vec.n > 0) {
			seterr(err, errlen, name, lineno, "%s",
			    strerror(ENOMEM));
			goto fail;
		}
		r->v = p;
		r->cap = r->n + vec.n;
	}
	/* Derived again below, for all the patterns. */
	drop_triggers(r);
	if (vec.n)
		memcpy(r->v + r->n, vec.v, vec.n * sizeof *vec.v);
	r->n += vec.n;
	free(vec.v);
	add_triggers(r);
	free(r->stamps);
	free(r->seen);
	free(r->warned);
	if ((r->stamps = calloc(r->n ? r->n : 1, sizeof *r->stamps)) == NULL ||
	    (r->seen = calloc(r->n ? r->n : 1, sizeof *r->seen)) == NULL ||
	    (r->warned = calloc(r->n ? r->n : 1, 1)) == NULL)
		sp_oom();
	r->stamp = 0;
	r->threshold = threshold;
	rebuild_buckets(r);
	build_any(r, 0);
	build_any(r, 1);
	list_patterns(r);
	rules_memo_clear(&r->memo);
	return 0;
fail:
	free_rules(vec.v, vec.n);
	return -1;
}

/* Is s[0..n) only what may follow a heading: ： > » + 更多 MORE spaces? */
static int
trivial_tail(const char *s, size_t n)
{
	static const char *const bits[] = { " ", "\t", "：", ":", ">", "»",
	    "+", "＋", "》", "|", "更多", "MORE", "More", "more", "…", ".",
	    NULL };
	size_t i = 0, k, m;

	while (i < n) {
		for (k = 0; bits[k]; k++) {
			m = strlen(bits[k]);
			if (n - i >= m && memcmp(s + i, bits[k], m) == 0)
				break;
		}
		if (!bits[k])
			return 0;
		i += m;
	}
	return 1;
}

/* After a list heading, "：" and the list itself on the same line. */
static int
inline_list(const char *s, size_t n)
{
	size_t k;
	int32_t cp;

	if (n == 0)
		return 0;
	cp = lf_first(s, n, &k);
	return (cp == 0xFF1A || cp == ':') && k < n;
}

/* Counts rule once a line: stamps[] holds the line it last counted in. */
static void
count(struct rules *r, struct rule_hits *h, struct rule *rule, size_t at,
    size_t len)
{
	unsigned *stamp = &r->stamps[rule - r->v];

	if (*stamp == r->stamp)
		return;
	*stamp = r->stamp;
	h->vocab += rule->weight;
	if (rule->weight > 0 && (h->best == NULL ||
	    rule->weight > h->best->weight)) {
		h->best = rule;
		h->best_at = at;
		h->best_len = len;
	}
}


/*
 * Can a literal start with the character cp (k bytes) at line[pos]?  Its
 * first character must start one, and its first two be those of one, or
 * it be one character long: most characters of a line go no further.
 */
static int
may_start(const struct rules *r, const char *line, size_t n, size_t pos,
    size_t k, int32_t cp)
{
	int32_t next;
	unsigned b;

	if (cp < 0x10000) {
		if (!(r->starts[cp >> 3] & (1u << (cp & 7))))
			return 0;
		if (r->single[cp >> 3] & (1u << (cp & 7)))
			return 1;
	} else if (r->astral_single) {
		return 1;
	}
	if (pos + k >= n)
		return 0;		/* no second character */
	(void)sp_utf8_next((const unsigned char *)line + pos + k, n - pos - k,
	    &next);
	b = pair_of(cp, fold(next));
	return (r->pairs[b >> 3] >> (b & 7)) & 1;
}

void
rules_match(struct rules *r, const char *line, size_t n, size_t start,
    int literal_only, struct rule_hits *h)
{
	size_t pos = 0, k, cover_end = 0, i, q, nlist, nhits = 0;
	struct rules_memo_hit hits[RULES_MEMO_HITS];
	const size_t *list;
	struct rule *rule;
	const char *subject;
	uint64_t key;
	int32_t cp;
	int j, g, rc, any_may[2], triggers = 0, remember = 1, known;

	memset(h, 0, sizeof *h);
	/* Its slot in the memo is fetched while the literals are found. */
	key = literal_only || r->npatterns == 0 ? 0 :
	    rules_memo_key(&r->memo, line, n);
	if (++r->stamp == 0) {
		for (i = 0; i < r->n; i++)
			r->stamps[i] = r->seen[i] = 0;
		r->stamp = 1;
	}
	while (pos < n) {
		k = sp_utf8_next((const unsigned char *)line + pos, n - pos, &cp);
		cp = fold(cp);
		if (!may_start(r, line, n, pos, k, cp)) {
			if (pos < cover_end && cp != ' ')
				h->nav_chars++;
			pos += k;
			continue;
		}
		for (j = r->bucket[(unsigned)cp & (RULE_BUCKETS - 1)];
		    j >= 0; j = rule->next) {
			rule = &r->v[j];
			if (rule->len > n - pos ||
			    !ascii_eq(line + pos, rule->text, rule->len))
				continue;
			switch (rule->kind) {
			case RULE_HAS:
				count(r, h, rule, pos, rule->len);
				break;
			case RULE_START:
				if (pos == start)
					count(r, h, rule, pos,
					    rule->len);
				break;
			case RULE_IS:
			case RULE_LIST:
				if (pos == start && rule->kind == RULE_LIST &&
				    inline_list(line + pos + rule->len,
				    n - pos - rule->len))
					h->inline_list = rule;
				if (pos != start || !trivial_tail(line + pos +
				    rule->len, n - pos - rule->len))
					break;
				if (rule->kind == RULE_IS)
					count(r, h, rule, pos,
					    rule->len);
				else
					h->list = rule;
				break;
			case RULE_NAV:
				if (pos >= cover_end)
					h->nav_hits++;
				if (pos + rule->len > cover_end)
					cover_end = pos + rule->len;
				break;
			case RULE_TRIGGER:
				r->seen[rule->target] = r->stamp;
				triggers = 1;
				break;
			case RULE_RE:
				break;
			}
		}
		if (pos < cover_end && cp != ' ')
			h->nav_chars++;
		pos += k;
	}
	if (literal_only || r->npatterns == 0)
		return;
	/* The same bytes, the same matches, counted in the same order. */
	if ((known = rules_memo_get(&r->memo, key, line, n, hits)) >= 0) {
		for (j = 0; j < known; j++)
			count(r, h, &r->v[hits[j].rule], hits[j].at,
			    hits[j].len);
		return;
	}
	subject = sp_re_subject(line, n, &r->subject);
	/* No alternative of any[k] matches: none of its patterns will. */
	for (g = 0; g < 2; g++)
		any_may[g] = r->any[g] == NULL || sp_re_match_lazy(r->any[g],
		    subject, n, r->md, r->mctx) != PCRE2_ERROR_NOMATCH;
	/* Else the others are all passed over below. */
	list = r->patterns;
	nlist = r->npatterns;
	if (!triggers && !any_may[0] && !any_may[1]) {
		list = r->plain;
		nlist = r->nplain;
	}
	for (q = 0; q < nlist; q++) {
		i = list[q];
		rule = &r->v[i];
		if (r->stamps[i] == r->stamp ||
		    (rule->in_any && !any_may[rule->in_any - 1]) ||
		    (rule->triggered && r->seen[i] != r->stamp))
			continue;
		rc = sp_re_match_lazy(&rule->re, subject, n, r->md, r->mctx);
		/* No match, or a limit hit: either way the rule says nothing. */
		/* A limit hit is matched again, and told where it is due. */
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
			remember = 0;
		if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && !r->warned[i]) {
			PCRE2_UCHAR msg[128];

			/*
			 * Once a matcher, and once in all: the writer keeps
			 * the first in input order (sp_warn_once).
			 */
			r->warned[i] = 1;
			pcre2_get_error_message(rc, msg, sizeof msg);
			sp_warn_once(rule, NULL, "rule 're %.200s': %s: "
			    "taken as no match (warned once)", rule->text,
			    (char *)msg);
		}
		if (rc >= 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);

			count(r, h, rule, ov[0],
			    ov[1] >= ov[0] ? ov[1] - ov[0] : 0);
			if (nhits < RULES_MEMO_HITS) {
				hits[nhits].rule = (uint32_t)i;
				hits[nhits].at = (uint32_t)ov[0];
				hits[nhits].len = (uint32_t)(ov[1] >= ov[0] ?
				    ov[1] - ov[0] : 0);
			}
			nhits++;
		}
	}
	if (remember)
		rules_memo_put(&r->memo, key, line, n, hits, nhits);
}
