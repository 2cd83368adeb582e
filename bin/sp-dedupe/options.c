/* options.c: sp-dedupe's command line; see options.h. */
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "options.h"
#include "tool.h"

const char options_usage[] =
"usage: sp-dedupe [-dnpuz] [--jsonl] [--field NAME] [--near[=T]] [--shingle N]\n"
"                 [--contained[=C]] [--fold-digits] [--min-chars N]\n"
"                 [--drop-all] [--repeats K] [--store DIR] [--no-wait]\n"
"                 [--store-readonly] [--duplicates] [--report FILE]\n"
"                 [--max-unit SIZE] [--stats] [--progress] [file ...]\n"
"       sp-dedupe --store DIR --store-info\n"
"       sp-dedupe --emit-keys [--shard N] [--store DIR --store-readonly]\n"
"                 [mode and unit options] [file ...]\n"
"       sp-dedupe --join [mode and unit options] [keys ...]\n"
"       sp-dedupe --drop-positions FILE [--shard N] [--duplicates]\n"
"                 [unit options] [file ...]\n"
"       sp-dedupe --merge-store DST [--no-wait] SRC ...\n"
"Remove repeated units (lines; -p paragraphs; -d documents), keeping the\n"
"first of each.\n"
"  -p, --paragraphs     units are paragraphs (blank-line separated)\n"
"  -d, --documents      units are documents (form-feed line; NUL with -z)\n"
"  -z, --null           units end with NUL\n"
"      --jsonl          units are JSON Lines records, judged on --field\n"
"  -n, --normalize      equal after NFKC, case folding and removing space\n"
"                       and punctuation\n"
"      --fold-digits    also count every digit as 0 (implies -n)\n"
"      --near[=T]       near-duplicates: MinHash similarity >= T (0.8)\n"
"      --shingle N      tokens per shingle in --near (5)\n"
"      --contained[=C]  drop documents with C (0.9) of their text seen\n"
"  -u, --adjacent       only compare each unit with the one before it\n"
"      --min-chars N    shorter units are never duplicates\n"
"      --drop-all       drop every copy of a repeated unit (two passes)\n"
"      --repeats K      with --drop-all: of a unit seen K or more times\n"
"      --store DIR      also drop what earlier runs kept; record this run\n"
"      --no-wait        exit 2 if another run holds the store\n"
"      --store-readonly check against the store without recording\n"
"      --store-info     print what the store holds\n"
"      --duplicates     print only what would be dropped\n"
"      --report FILE    a TSV row for each dropped unit\n"
"      --emit-keys      write each unit's keys and position, for sort\n"
"      --join           read sorted keys, write the positions to drop\n"
"      --drop-positions FILE  drop the positions listed in FILE\n"
"      --shard N        the first file's shard number (1)\n"
"      --merge-store DST  merge the stores SRC ... into DST\n"
"      --max-unit SIZE  longest unit held in memory (64M)\n"
"      --stats          counts and peak memory on stderr\n"
"      --progress       show progress on stderr\n"
"  -h, --help           this help;  --version  version and libraries\n";

enum {
	OPT_FOLD_DIGITS = SP_OPT_TOOL_BASE, OPT_NEAR, OPT_SHINGLE,
	OPT_CONTAINED, OPT_MIN_CHARS, OPT_DROP_ALL, OPT_REPEATS, OPT_STORE,
	OPT_NO_WAIT, OPT_STORE_READONLY, OPT_STORE_INFO, OPT_DUPLICATES,
	OPT_REPORT, OPT_EMIT_KEYS, OPT_JOIN, OPT_DROP_POSITIONS, OPT_SHARD,
	OPT_MERGE_STORE
};

static const struct option longopts[] = {
	SP_COMMON_LONGOPTS,
	{ "paragraphs",     no_argument,       NULL, 'p' },
	{ "documents",      no_argument,       NULL, 'd' },
	{ "normalize",      no_argument,       NULL, 'n' },
	{ "adjacent",       no_argument,       NULL, 'u' },
	{ "fold-digits",    no_argument,       NULL, OPT_FOLD_DIGITS },
	{ "near",           optional_argument, NULL, OPT_NEAR },
	{ "shingle",        required_argument, NULL, OPT_SHINGLE },
	{ "contained",      optional_argument, NULL, OPT_CONTAINED },
	{ "min-chars",      required_argument, NULL, OPT_MIN_CHARS },
	{ "drop-all",       no_argument,       NULL, OPT_DROP_ALL },
	{ "repeats",        required_argument, NULL, OPT_REPEATS },
	{ "store",          required_argument, NULL, OPT_STORE },
	{ "no-wait",        no_argument,       NULL, OPT_NO_WAIT },
	{ "store-readonly", no_argument,       NULL, OPT_STORE_READONLY },
	{ "store-info",     no_argument,       NULL, OPT_STORE_INFO },
	{ "duplicates",     no_argument,       NULL, OPT_DUPLICATES },
	{ "report",         required_argument, NULL, OPT_REPORT },
	{ "emit-keys",      no_argument,       NULL, OPT_EMIT_KEYS },
	{ "join",           no_argument,       NULL, OPT_JOIN },
	{ "drop-positions", required_argument, NULL, OPT_DROP_POSITIONS },
	{ "shard",          required_argument, NULL, OPT_SHARD },
	{ "merge-store",    required_argument, NULL, OPT_MERGE_STORE },
	{ NULL, 0, NULL, 0 }
};

static const char *const names[N_OPTION_BITS] = {
	[O_PARAGRAPHS] = "-p", [O_DOCUMENTS] = "-d", [O_NULL] = "-z",
	[O_JSONL] = "--jsonl", [O_NORMALIZE] = "-n",
	[O_FOLD_DIGITS] = "--fold-digits", [O_NEAR] = "--near",
	[O_SHINGLE] = "--shingle", [O_CONTAINED] = "--contained",
	[O_MIN_CHARS] = "--min-chars", [O_ADJACENT] = "-u",
	[O_DROP_ALL] = "--drop-all", [O_REPEATS] = "--repeats",
	[O_STORE] = "--store", [O_NO_WAIT] = "--no-wait",
	[O_STORE_READONLY] = "--store-readonly",
	[O_STORE_INFO] = "--store-info", [O_DUPLICATES] = "--duplicates",
	[O_REPORT] = "--report", [O_EMIT_KEYS] = "--emit-keys",
	[O_JOIN] = "--join", [O_DROP_POSITIONS] = "--drop-positions",
	[O_SHARD] = "--shard", [O_MERGE_STORE] = "--merge-store"
};

/* The options that choose the unit or the mode. */
#define MODE_OPTIONS (GIVEN(O_PARAGRAPHS) | GIVEN(O_DOCUMENTS) | \
	GIVEN(O_NORMALIZE) | GIVEN(O_ADJACENT) | GIVEN(O_FOLD_DIGITS) | \
	GIVEN(O_NEAR) | GIVEN(O_SHINGLE) | GIVEN(O_CONTAINED) | \
	GIVEN(O_MIN_CHARS) | GIVEN(O_DROP_ALL) | GIVEN(O_REPEATS))
#define STORE_OPTIONS (GIVEN(O_STORE) | GIVEN(O_STORE_INFO) | \
	GIVEN(O_STORE_READONLY))
#define DROP_ALL_CONFLICTS (GIVEN(O_NEAR) | GIVEN(O_CONTAINED) | \
	GIVEN(O_STORE))

/*
 * In the order they are checked.  Each rule is reached by its own options
 * alone, before any other rule: a test gives each so and expects its
 * message (tests/unit/sp-dedupe/test_options.c).
 */
const struct option_rule option_rules[] = {
	/* --merge-store takes only --no-wait and the stores to merge. */
	{ GIVEN(O_MERGE_STORE), EXCLUDES, STORE_OPTIONS | MODE_OPTIONS |
	    GIVEN(O_SHARD) | GIVEN(O_DUPLICATES) | GIVEN(O_REPORT) |
	    GIVEN(O_NULL) | GIVEN(O_JSONL) | GIVEN(O_EMIT_KEYS) |
	    GIVEN(O_JOIN) | GIVEN(O_DROP_POSITIONS), NULL },
	/* One program at a time. */
	{ GIVEN(O_EMIT_KEYS), EXCLUDES, GIVEN(O_JOIN) |
	    GIVEN(O_DROP_POSITIONS) | GIVEN(O_STORE_INFO), NULL },
	{ GIVEN(O_JOIN), EXCLUDES, GIVEN(O_DROP_POSITIONS) |
	    GIVEN(O_STORE_INFO), NULL },
	{ GIVEN(O_DROP_POSITIONS), EXCLUDES, GIVEN(O_STORE_INFO), NULL },
	{ GIVEN(O_SHARD), REQUIRES, GIVEN(O_EMIT_KEYS) |
	    GIVEN(O_DROP_POSITIONS), NULL },
	{ GIVEN(O_EMIT_KEYS) | GIVEN(O_STORE), REQUIRES,
	    GIVEN(O_STORE_READONLY), "it reads a store only (record the "
	    "survivors afterwards)" },
	{ GIVEN(O_EMIT_KEYS), EXCLUDES, GIVEN(O_REPORT) | GIVEN(O_DUPLICATES) |
	    GIVEN(O_ADJACENT) | GIVEN(O_CONTAINED), NULL },
	{ GIVEN(O_JOIN), EXCLUDES, GIVEN(O_STORE) | GIVEN(O_REPORT) |
	    GIVEN(O_DUPLICATES) | GIVEN(O_ADJACENT) | GIVEN(O_CONTAINED),
	    NULL },
	{ GIVEN(O_DROP_POSITIONS), EXCLUDES, GIVEN(O_STORE) | GIVEN(O_REPORT),
	    NULL },
	{ GIVEN(O_STORE_INFO), REQUIRES, GIVEN(O_STORE), NULL },
	{ GIVEN(O_NO_WAIT), REQUIRES, GIVEN(O_STORE) | GIVEN(O_MERGE_STORE),
	    NULL },
	{ GIVEN(O_STORE_READONLY), REQUIRES, GIVEN(O_STORE), NULL },
	{ GIVEN(O_SHINGLE), REQUIRES, GIVEN(O_NEAR), NULL },
	{ GIVEN(O_PARAGRAPHS), EXCLUDES, GIVEN(O_NULL), NULL },
	/* Lines, paragraphs, documents or records: one unit a run. */
	{ GIVEN(O_PARAGRAPHS), EXCLUDES, GIVEN(O_DOCUMENTS) | GIVEN(O_JSONL),
	    "one unit at a time" },
	{ GIVEN(O_JSONL), EXCLUDES, GIVEN(O_DOCUMENTS) | GIVEN(O_NULL),
	    "one unit at a time" },
	{ GIVEN(O_DROP_ALL), EXCLUDES, DROP_ALL_CONFLICTS,
	    "it counts exact or -n copies within this run" },
	{ GIVEN(O_REPEATS), EXCLUDES, DROP_ALL_CONFLICTS,
	    "it counts exact or -n copies within this run" },
	{ GIVEN(O_ADJACENT), EXCLUDES, GIVEN(O_STORE) | GIVEN(O_DROP_ALL) |
	    GIVEN(O_REPEATS) | GIVEN(O_CONTAINED),
	    "it compares neighbours only" },
	{ GIVEN(O_CONTAINED), REQUIRES, GIVEN(O_DOCUMENTS) | GIVEN(O_NULL) |
	    GIVEN(O_JSONL), "it works on documents" },
};
const size_t n_option_rules = sizeof option_rules / sizeof option_rules[0];

const char *
option_name(enum option_bit bit)
{
	return names[bit];
}

/* The lowest option of set, which must not be empty. */
static enum option_bit
first(uint32_t set)
{
	enum option_bit b = 0;

	while (!(set & GIVEN(b)))
		b++;
	return b;
}

/* Appends to msg[0..len), as far as it goes. */
static void
say(char *msg, size_t len, const char *s)
{
	size_t n = strlen(msg);

	snprintf(msg + n, len - n, "%s", s);
}

/* Names the options of set: "A", "A<last>B", "A, B<last>C". */
static void
say_list(char *msg, size_t len, uint32_t set, const char *last)
{
	int k = __builtin_popcount(set), i;

	for (i = 0; set; set &= set - 1, i++) {
		if (i > 0)
			say(msg, len, i == k - 1 ? last : ", ");
		say(msg, len, names[first(set)]);
	}
}

/*
 * Writes into msg, when rule r is broken by the options given, what is
 * wrong: "A requires B, C or D" ("A with B requires C") or "A and B
 * exclude each other" (B the first of the rule's given), then ": why".
 * Returns whether it is broken.
 */
static int
broken(const struct option_rule *r, uint32_t given, char *msg, size_t len)
{
	*msg = '\0';
	if ((given & r->when) != r->when)
		return 0;
	if (r->kind == EXCLUDES) {
		if (!(given & r->other))
			return 0;
		say(msg, len, names[first(r->when)]);
		say(msg, len, " and ");
		say(msg, len, names[first(given & r->other)]);
		say(msg, len, " exclude each other");
	} else {
		if (given & r->other)
			return 0;
		say_list(msg, len, r->when, " with ");
		say(msg, len, " requires ");
		say_list(msg, len, r->other, " or ");
	}
	if (r->why) {
		say(msg, len, ": ");
		say(msg, len, r->why);
	}
	return 1;
}

/*
 * Takes one option; returns the bit it sets, or -1 for one of common's.
 * Of the options that choose the unit or the program the last counts; the
 * rules refuse more than one.
 */
static int
take(struct options *o, int c, const char *arg)
{
	switch (c) {
	case 'p':
		o->unit = SP_FRAME_PARAGRAPHS;
		return O_PARAGRAPHS;
	case 'd':
		o->unit = SP_FRAME_DOCUMENTS;
		return O_DOCUMENTS;
	case 'n':
		return O_NORMALIZE;
	case 'u':
		o->d.adjacent = 1;
		return O_ADJACENT;
	case OPT_FOLD_DIGITS:
		o->d.fold_digits = 1;
		return O_FOLD_DIGITS;
	case OPT_NEAR:
		if (arg)
			o->d.threshold = sp_parse_fraction("--near", arg);
		return O_NEAR;
	case OPT_SHINGLE:
		o->d.shingle = (int)sp_parse_number("--shingle", arg, 1, 64);
		return O_SHINGLE;
	case OPT_CONTAINED:
		o->d.contained = 1;
		if (arg)
			o->d.containment = sp_parse_fraction("--contained",
			    arg);
		return O_CONTAINED;
	case OPT_MIN_CHARS:
		o->d.min_chars = (size_t)sp_parse_number("--min-chars", arg, 0,
		    1000000000);
		return O_MIN_CHARS;
	case OPT_DROP_ALL:
		return O_DROP_ALL;
	case OPT_REPEATS:
		o->d.repeats = (int)sp_parse_number("--repeats", arg, 2, 255);
		return O_REPEATS;
	case OPT_STORE:
		if (*arg == '\0')
			sp_usage_error("--store: the directory name is empty");
		o->store = arg;
		return O_STORE;
	case OPT_NO_WAIT:
		o->nowait = 1;
		return O_NO_WAIT;
	case OPT_STORE_READONLY:
		o->readonly = 1;
		return O_STORE_READONLY;
	case OPT_DUPLICATES:
		o->duplicates = 1;
		return O_DUPLICATES;
	case OPT_REPORT:
		o->report = arg;
		return O_REPORT;
	case OPT_SHARD:
		o->shard = (int)sp_parse_number("--shard", arg, 1, SHARD_MAX);
		return O_SHARD;
	case OPT_STORE_INFO:
		o->program = PROG_STORE_INFO;
		return O_STORE_INFO;
	case OPT_EMIT_KEYS:
		o->program = PROG_EMIT_KEYS;
		return O_EMIT_KEYS;
	case OPT_JOIN:
		o->program = PROG_JOIN;
		return O_JOIN;
	case OPT_DROP_POSITIONS:
		o->drop_file = arg;
		o->program = PROG_DROP_POSITIONS;
		return O_DROP_POSITIONS;
	case OPT_MERGE_STORE:
		o->merge_dst = arg;
		o->program = PROG_MERGE_STORE;
		return O_MERGE_STORE;
	}
	if (!sp_common_option(c, arg))
		sp_usage_error("unknown option");
	return -1;
}

void
options_parse(struct options *o, int argc, char **argv)
{
	int c, bit;

	memset(o, 0, sizeof *o);
	o->d.threshold = 0.8;
	o->d.containment = 0.9;
	o->unit = SP_FRAME_LINES;
	o->shard = 1;
	while ((c = getopt_long(argc, argv, "dhnpuz", longopts, NULL)) != -1)
		if ((bit = take(o, c, optarg)) >= 0)
			o->given |= GIVEN(bit);
	if (sp_opts.nul)
		o->given |= GIVEN(O_NULL);
	if (sp_opts.jsonl)
		o->given |= GIVEN(O_JSONL);
	o->argc = argc - optind;
	o->argv = argv + optind;
}

/* The usage errors of operands: the rules speak of options only. */
static void
check_operands(const struct options *o)
{
	if (o->program == PROG_MERGE_STORE) {
		if (*o->merge_dst == '\0')
			sp_usage_error("--merge-store: the directory name is "
			    "empty");
		if (o->argc == 0)
			sp_usage_error("--merge-store needs the stores to "
			    "merge: --merge-store DST SRC ...");
	}
	if (o->program == PROG_STORE_INFO && o->argc > 0)
		sp_usage_error("--store-info takes no files");
	/* Each file after the first is the next shard: all must number. */
	if ((o->program == PROG_EMIT_KEYS ||
	    o->program == PROG_DROP_POSITIONS) &&
	    (long)o->shard + (o->argc > 1 ? o->argc - 1 : 0) > SHARD_MAX)
		sp_usage_error("--shard %d: its %d files would number shards "
		    "past %d", o->shard, o->argc, SHARD_MAX);
}

void
options_check(struct options *o)
{
	char msg[256];
	size_t i;

	for (i = 0; i < n_option_rules; i++)
		if (broken(&option_rules[i], o->given, msg, sizeof msg))
			sp_usage_error("%s", msg);
	check_operands(o);
	/* What follows from the options given. */
	o->drop_all = (o->given & (GIVEN(O_DROP_ALL) | GIVEN(O_REPEATS))) != 0;
	if (o->drop_all && o->d.repeats == 0)
		o->d.repeats = 2;
	if (o->d.shingle == 0)
		o->d.shingle = 5;
	if (sp_opts.nul && o->unit == SP_FRAME_LINES)
		o->unit = SP_FRAME_DOCUMENTS;	/* -z alone: NUL-ended units */
	o->d.mode = o->given & GIVEN(O_NEAR) ? MODE_NEAR : o->given &
	    (GIVEN(O_NORMALIZE) | GIVEN(O_FOLD_DIGITS)) ? MODE_NORMALIZED :
	    MODE_EXACT;
	/*
	 * Positions for --report; with --store too, where a copy of a unit
	 * the store held must be known for one (--stats counts each copy
	 * as seen in the store): eight bytes more a distinct unit.
	 */
	o->d.positions = o->report != NULL || o->store != NULL;
}

/* Whether an option of the unit or mode was given (--join checks them). */
int
options_mode_given(const struct options *o)
{
	return (o->given & (MODE_OPTIONS | GIVEN(O_NULL) | GIVEN(O_JSONL))) != 0;
}
