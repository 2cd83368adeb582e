/*
 * options.h: sp-dedupe's command line, parsed into one struct, and the
 * table of which options require or exclude which, from which the usage
 * checks and their messages are made.
 */
#ifndef DEDUPE_OPTIONS_H
#define DEDUPE_OPTIONS_H
#include <stddef.h>
#include <stdint.h>

#include "dedupe.h"
#include "reader.h"

/* The six programs sp-dedupe runs. */
enum program {
	PROG_RUN, PROG_EMIT_KEYS, PROG_JOIN, PROG_DROP_POSITIONS,
	PROG_MERGE_STORE, PROG_STORE_INFO
};

/* The options the rules speak of, one bit each in options.given. */
/* Messages name a rule's options in this order: the programs first. */
enum option_bit {
	O_EMIT_KEYS, O_JOIN, O_DROP_POSITIONS, O_MERGE_STORE, O_STORE_INFO,
	O_PARAGRAPHS, O_DOCUMENTS, O_NULL, O_JSONL, O_NORMALIZE,
	O_FOLD_DIGITS, O_NEAR, O_SHINGLE, O_CONTAINED, O_MIN_CHARS,
	O_ADJACENT, O_DROP_ALL, O_REPEATS, O_STORE, O_NO_WAIT,
	O_STORE_READONLY, O_DUPLICATES, O_REPORT, O_SHARD,
	N_OPTION_BITS
};
#define GIVEN(bit)	((uint32_t)1 << (bit))

struct options {
	enum program program;
	/*
	 * The options given.  Of -p and -d the last one given counts, as it
	 * sets the unit: only that one's bit is set.
	 */
	uint32_t given;
	struct dedupe_opts d;	/* the mode and its parameters */
	enum sp_framing unit;	/* after -z applies */
	int drop_all;		/* --drop-all or --repeats */
	int duplicates;		/* --duplicates */
	int nowait, readonly;	/* --no-wait, --store-readonly */
	int shard;		/* --shard: the first operand's number */
	const char *store;	/* --store DIR, or NULL */
	const char *report;	/* --report FILE, or NULL */
	const char *drop_file;	/* --drop-positions FILE */
	const char *merge_dst;	/* --merge-store DST */
	int argc;		/* the operands */
	char **argv;
};

/*
 * A rule: when every option of `when` is given, one of `other` must be
 * (REQUIRES), or none of them may be (EXCLUDES; `when` is one option).
 * why, when not NULL, is said after the message.
 */
struct option_rule {
	uint32_t when;
	enum { REQUIRES, EXCLUDES } kind;
	uint32_t other;
	const char *why;
};

extern const struct option_rule option_rules[];
extern const size_t n_option_rules;
extern const char options_usage[];

/* An option's name in messages ("-u", "--store"). */
const char *option_name(enum option_bit bit);
/* Parses argv into *o; a malformed option is a usage error (exit 2). */
void options_parse(struct options *o, int argc, char **argv);
/*
 * Checks *o against the rules and the program's operands, a broken rule
 * being a usage error, and fills in what follows from the options given.
 */
void options_check(struct options *o);
/* Whether an option of the unit or the mode was given, -z and --jsonl too. */
int options_mode_given(const struct options *o);

#endif
