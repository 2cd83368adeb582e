/*
 * rules.h: the boilerplate vocabulary, parsed from rules files and matched
 * against one line at a time.  The format is described at the top of
 * bin/sp-clean/data/boilerplate.rules.
 *
 * Literal patterns are found in one pass over the line: they are kept in
 * buckets by their first character, so each position of the line is
 * compared only with the few patterns that start with its character.
 * PCRE2 patterns run with match, depth and heap limits, so a careless
 * pattern in a user's file cannot hang the tool on a hostile line; a
 * pattern that hits one is reported once, on stderr, and taken as no match.
 */
#ifndef SP_CLEAN_RULES_H
#define SP_CLEAN_RULES_H
#include <stddef.h>

#include "buf.h"
#include "regex.h"
#include "rules_memo.h"

/*
 * RULE_TRIGGER is no kind of the file: it is a literal that every match of
 * a RULE_RE pattern contains (its target), found with the other literals;
 * a line without any of a pattern's triggers is not given to PCRE2.
 */
enum rule_kind { RULE_HAS, RULE_START, RULE_IS, RULE_RE, RULE_NAV,
    RULE_LIST, RULE_TRIGGER };

#define RULE_BUCKETS 4096
#define RULE_PAIR_BITS 65536

struct rule {
	enum rule_kind kind;
	int weight;
	char *text;		/* the pattern, NUL-terminated */
	size_t len;
	struct sp_re_lazy re;	/* RULE_RE */
	int next;		/* next rule of its bucket, or -1 */
	int in_any;		/* RULE_RE: an alternative of rules.any[0]
				   (1) or of rules.any[1] (2), or 0 */
	int triggered;		/* RULE_RE: has triggers */
	int target;		/* RULE_TRIGGER: its pattern's index */
};

/*
 * The rules, and a matcher's own state: a clone (rules_clone) shares the
 * parsed rules, read-only, and has its own stamps and PCRE2 match data, so
 * that threads can match lines side by side.
 */
struct rules {
	struct rule *v;
	size_t n, cap;
	int shared;			/* v belongs to the original */
	unsigned *stamps;		/* per rule: the line it last counted
					   in */
	unsigned *seen;			/* per rule: the line a trigger of it
					   was last found in */
	unsigned char *warned;		/* per rule: its hitting a PCRE2
					   limit was told */
	int bucket[RULE_BUCKETS];	/* first literal rule, or -1 */
	unsigned char starts[8192];	/* bit per BMP code point that
					   starts a literal (folded) */
	unsigned char pairs[RULE_PAIR_BITS / 8];	/* bit per hash of
					   the first two characters of a
					   literal, folded */
	unsigned char single[8192];	/* bit per BMP code point that is
					   a whole literal by itself */
	int astral_single;		/* a literal is one character
					   beyond the BMP */
	int threshold;			/* score at which a line goes */
	int replaced;			/* a file said %replace */
	unsigned stamp;
	pcre2_match_context *mctx;
	pcre2_match_data *md;
	struct sp_buf subject;		/* a line with bad bytes, to match
					   (regex.h) */
	/*
	 * The RULE_RE patterns that can be, as alternations: most lines
	 * match none, and one call says so where each pattern would cost
	 * its own (a call costs more than its scan of a short line).  Those
	 * anchored at the start (^...) in any[1], tried at the start alone;
	 * the others in any[0], tried at every position that may start one
	 * of them, which the anchored ones would add to.  Each is shared
	 * with the clones, as the rules' own patterns are: the first match
	 * JIT-compiles it for all (regex.h).
	 */
	struct sp_re_lazy *any[2];
	/*
	 * The indexes of the RULE_RE rules, in order: a line is tried on
	 * these, not on a walk of all the rules (18 of 520 in the shipped
	 * file; the walk was two fifths of the matching).
	 */
	size_t *patterns, npatterns;
	/*
	 * Those of them in neither alternation and without triggers, in
	 * order: on a line where no alternation may match and no trigger
	 * was found, the only ones that can (most lines; the walk of all
	 * was 4% of a run on dumps of news pages, callgrind).
	 */
	size_t *plain, nplain;
	struct rules_memo memo;		/* the patterns' matches of lines,
					   the matcher's own */
};

/* What the vocabulary says of one line. */
struct rule_hits {
	int vocab;			/* sum of the weights that matched */
	const struct rule *best;	/* the heaviest positive one, or NULL */
	size_t best_at, best_len;	/* where it matched in the line */
	int nav_hits;			/* menu words found */
	size_t nav_chars;		/* characters they cover */
	const struct rule *list;	/* the list heading the line is */
	const struct rule *inline_list;	/* "推荐访问：a b c": heading, list */
};

/* Returns 0, or -1 when out of memory. */
int  rules_init(struct rules *r);
/*
 * Makes dst a matcher of src's rules, which src must outlive and which
 * must not change while dst is in use.  Returns 0, or -1 when out of
 * memory (dst then needs no freeing).
 */
int  rules_clone(struct rules *dst, const struct rules *src);
/*
 * Makes r remember no line's matches (rules_memo.h): for the matchers of
 * a pool's threads, one set a thread cleaning a document, whose tables
 * would grow with the square of the threads.
 */
void rules_no_memo(struct rules *r);
void rules_free(struct rules *r);
/*
 * Parses text[0..len), the rules file name, into r (adding, or replacing
 * on "%replace").  Returns 0, or -1 with "NAME:LINE: reason" in err and r
 * unchanged.
 */
int  rules_parse(struct rules *r, const char *text, size_t len,
    const char *name, char *err, size_t errlen);
/*
 * Matches line[0..n); start is where its text begins after a bullet
 * (for start, is and list rules).  With literal_only, PCRE2 rules are not
 * run (for long lines of prose, which only literal notices can mark).
 */
void rules_match(struct rules *r, const char *line, size_t n, size_t start,
    int literal_only, struct rule_hits *h);

#endif
