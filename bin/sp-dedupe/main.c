/*
 * sp-dedupe: remove repeated units from a stream, keeping the first
 * occurrence and the input order, each unit written as soon as it is
 * judged.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dedupe.h"
#include "droplist.h"
#include "emit.h"
#include "join.h"
#include "jsonl.h"
#include "keys.h"
#include "spool.h"
#include "store.h"
#include "stream.h"
#include "tool.h"

static const char usage_text[] =
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

static const char *const reason_stat[NREASONS] = {
	"kept", "kept: shorter than --min-chars",
	"dropped: exact", "dropped: normalized", "dropped: near",
	"dropped: contained", "dropped: adjacent", "dropped: repeated"
};
static const char *const reason_name[NREASONS] = {
	"kept", "short", "exact", "normalized", "near", "contained",
	"adjacent", "repeated"
};

/* The state of a run. */
static struct dedupe dd;
static enum sp_framing unit = SP_FRAME_LINES;
static int duplicates_only;
static int file_base;		/* operand number of the sp_each_unit call */
static const char **names;	/* operands' names in messages */
static FILE *report;
static const char *report_name;
static uint64_t n_read, n_unjudged, n_store, n_reason[NREASONS];
static struct droplist *drops;	/* --drop-positions */
static int shard_base = 1;	/* --shard */
static uint64_t n_dropped, last_unit;

static void
emit(const struct sp_input_unit *in)
{
	if (in->rec)
		sp_emit_raw(in);
	else
		sp_emit(in, in->text, in->len, NULL);
}

/* A file name in a TSV field: tab, newline and backslash escaped. */
static void
tsv_name(const char *s)
{
	for (; *s; s++)
		if (*s == '\t')
			fputs("\\t", report);
		else if (*s == '\n')
			fputs("\\n", report);
		else if (*s == '\\')
			fputs("\\\\", report);
		else
			putc(*s, report);
}

static void
report_row(uint64_t pos, const struct verdict *v)
{
	tsv_name(names[POS_FILE(pos)]);
	fprintf(report, "\t%llu\t", (unsigned long long)POS_UNIT(pos));
	if (v->of == POS_STORE)
		fputs("store\t-", report);
	else if (v->of == POS_NONE)
		fputs("-\t-", report);
	else {
		tsv_name(names[POS_FILE(v->of)]);
		fprintf(report, "\t%llu", (unsigned long long)POS_UNIT(v->of));
	}
	fprintf(report, "\t%.3f\t%s\n", v->similarity, reason_name[v->reason]);
}

/*
 * A unit longer than --max-unit comes in pieces.  In exact and normalized
 * modes each piece goes to a temporary file as its fingerprint is made,
 * and the unit, once judged, is written back from there: memory stays
 * bounded by --max-unit.  Near mode needs the whole text, so there such a
 * unit passes through unjudged.
 */
static struct {
	int fd;
	uint64_t pos;
	struct piecewise fp;
} big = { -1, 0, { NULL, 0 } };

static void
big_failed(const char *what)
{
	sp_die(NULL, "a unit longer than --max-unit: %s: %s", what,
	    strerror(errno));
}

/* Writes the spooled unit back, in pieces of --max-unit. */
static void
big_replay(const struct sp_input_unit *in)
{
	struct sp_unit u = *in->unit;
	struct sp_input_unit x = *in;
	size_t cap = sp_opts.max_unit < 65536 ? 65536 : sp_opts.max_unit;
	char *buf = sp_xmalloc(cap);
	off_t size = lseek(big.fd, 0, SEEK_END), done = 0;
	ssize_t n;

	if (size < 0 || lseek(big.fd, 0, SEEK_SET) < 0)
		big_failed("rewinding a temporary file");
	while (done < size) {
		n = read(big.fd, buf, cap);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			big_failed("reading a temporary file");
		u.text = buf;
		u.len = (size_t)n;
		u.flags = (done ? SP_UNIT_CONTINUED : 0) |
		    (done + n < size ? SP_UNIT_PARTIAL : 0);
		x.unit = &u;
		x.text = buf;
		x.len = (size_t)n;
		emit(&x);
		done += n;
	}
	free(buf);
}

/* Returns 1 when the piece completed a unit, judged into *v. */
static int
big_piece(const struct sp_input_unit *in, uint64_t pos, struct verdict *v)
{
	const char *what;
	unsigned f = in->unit->flags;

	if (!(f & SP_UNIT_CONTINUED)) {
		if ((big.fd = sp_spool_new(&what)) < 0)
			big_failed(what);
		big.pos = pos;
		dedupe_start(&dd, &big.fp);
	}
	if (sp_spool_write(big.fd, in->text, in->len) < 0)
		big_failed("writing a temporary file");
	dedupe_piece(&dd, &big.fp, in->text, in->len);
	if (f & SP_UNIT_PARTIAL)
		return 0;
	dedupe_judge_fp(&dd, &big.fp, big.pos, v);
	return 1;
}

static int
on_unit(const struct sp_input_unit *in, void *ctx)
{
	uint64_t pos = POS(file_base + in->file_index, in->unit->number);
	struct verdict v;
	int whole = 0;

	(void)ctx;
	if (!(in->unit->flags & SP_UNIT_CONTINUED))
		n_read++;
	if ((in->unit->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
	    dd.o.mode == MODE_NEAR) {
		if (!(in->unit->flags & SP_UNIT_CONTINUED))
			n_unjudged++;
		if (!duplicates_only)
			emit(in);
		return 0;
	}
	if (in->unit->flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) {
		if (!big_piece(in, pos, &v))
			return 0;
		pos = big.pos;
		whole = 1;
	} else {
		dedupe_judge(&dd, in->text, in->len, pos, &v);
	}
	n_reason[v.reason]++;
	if (whole) {
		if ((v.reason <= KEPT_SHORT) != duplicates_only)
			big_replay(in);
		close(big.fd);
		big.fd = -1;
		if (v.reason > KEPT_SHORT) {
			if (v.of == POS_STORE)
				n_store++;
			if (report)
				report_row(pos, &v);
		}
		return 0;
	}
	if (v.reason <= KEPT_SHORT) {
		if (!duplicates_only)
			emit(in);
		return 0;
	}
	if (v.of == POS_STORE)
		n_store++;
	if (report)
		report_row(pos, &v);
	if (duplicates_only)
		emit(in);
	return 0;
}

/* --drop-positions: the units --join listed go, the others stay. */
static int
on_apply(const struct sp_input_unit *in, void *ctx)
{
	uint64_t pos = POS(shard_base + in->file_index, in->unit->number);
	int listed = droplist_has(drops, pos);

	(void)ctx;
	last_unit = in->unit->number;
	if (!(in->unit->flags & SP_UNIT_CONTINUED)) {
		n_read++;
		n_dropped += listed;
	}
	if (listed == duplicates_only)
		emit(in);
	return 0;
}

static void
apply_end(const char *file, int index, void *ctx)
{
	(void)file;
	(void)ctx;
	droplist_end(drops, (uint64_t)(shard_base + index), last_unit);
	last_unit = 0;
}

/*
 * --drop-all's first pass over one operand: counts copies, writing
 * nothing; what is wrong with the input is reported by the second pass.
 */
static int
count_file(const char *name, int index)
{
	struct sp_reader *r;
	struct sp_unit u;
	struct sp_jsonl rec;
	const char *display;
	char err[256];
	int fd, got;

	if ((fd = sp_open_input(name, &display)) < 0)
		return -1;
	r = sp_reader_for(fd, sp_framing_for(unit));
	while ((got = sp_reader_next(r, &u)) == 1) {
		if ((u.flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
		    !sp_opts.jsonl) {
			if (!(u.flags & SP_UNIT_CONTINUED))
				dedupe_start(&dd, &big.fp);
			dedupe_piece(&dd, &big.fp, u.text, u.len);
			if (!(u.flags & SP_UNIT_PARTIAL))
				dedupe_count_fp(&dd, &big.fp,
				    POS(index, u.number));
			continue;
		}
		if (u.flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED))
			continue;
		if (!sp_opts.jsonl) {
			dedupe_count(&dd, u.text, u.len, POS(index, u.number));
			continue;
		}
		if (sp_jsonl_parse(&rec, u.text, u.len, sp_opts.field, err,
		    sizeof err) < 0)
			continue;
		dedupe_count(&dd, rec.text, rec.text_len, POS(index, u.number));
		sp_jsonl_free(&rec);
	}
	sp_reader_free(r);
	sp_close_input(fd);
	return 0;
}

/*
 * --drop-all: counts every operand, then judges them again.  Input that
 * cannot be read twice (standard input, pipes) is spooled to a temporary
 * file first, never held in memory.
 */
static void
two_passes(int argc, char **argv)
{
	char **path = sp_xmalloc((size_t)(argc ? argc : 1) * sizeof *path);
	char *ok = sp_xmalloc((size_t)(argc ? argc : 1));
	static char *dash[] = { "-" };
	const char *what;
	struct stat st;
	int i, fd, c, stdin_copy = -1;

	if (argc == 0) {
		argc = 1;
		argv = dash;
	}
	for (i = 0; i < argc; i++) {
		path[i] = argv[i];
		if (strcmp(argv[i], "-") == 0) {
			if (stdin_copy < 0 &&
			    (stdin_copy = sp_spool(STDIN_FILENO, &what)) < 0)
				sp_die("<stdin>", "%s: %s", what,
				    strerror(errno));
			continue;
		}
		if (stat(argv[i], &st) < 0 || S_ISREG(st.st_mode) ||
		    S_ISDIR(st.st_mode))
			continue;	/* read twice, or reported by pass 1 */
		/* A pipe or device: read it once, into a file. */
		if ((fd = open(argv[i], O_RDONLY | O_CLOEXEC)) < 0)
			continue;
		c = sp_spool(fd, &what);
		close(fd);
		if (c < 0 && strcmp(what, "reading") == 0) {
			sp_warn_status(SP_EXIT_ERROR, argv[i], "%s",
			    strerror(errno));
			path[i] = NULL;
			continue;
		}
		if (c < 0)
			sp_die(argv[i], "%s: %s", what, strerror(errno));
		path[i] = sp_xmalloc(32);
		snprintf(path[i], 32, "/dev/fd/%d", c);
	}
	for (i = 0; i < argc; i++) {
		if ((ok[i] = path[i] != NULL) == 0)
			continue;
		if (strcmp(path[i], "-") == 0 && (lseek(stdin_copy, 0,
		    SEEK_SET) < 0 || dup2(stdin_copy, STDIN_FILENO) < 0))
			sp_die("<stdin>", "%s", strerror(errno));
		ok[i] = count_file(path[i], i) == 0;
	}
	for (i = 0; i < argc; i++) {
		if (!ok[i])
			continue;
		if (strcmp(path[i], "-") == 0 && (lseek(stdin_copy, 0,
		    SEEK_SET) < 0 || dup2(stdin_copy, STDIN_FILENO) < 0))
			sp_die("<stdin>", "%s", strerror(errno));
		file_base = i;
		sp_each_unit(1, &path[i], unit, on_unit, NULL, NULL);
	}
	for (i = 0; i < argc; i++)
		if (path[i] != argv[i])
			free(path[i]);	/* the /dev/fd names, or NULL */
	free(ok);
	free(path);
}

/* The run's mode and parameters, as the store records them. */
static void
describe(char *buf, size_t len, const struct dedupe_opts *o)
{
	const char *u = sp_opts.jsonl ? "records" :
	    unit == SP_FRAME_PARAGRAPHS ? "paragraphs" :
	    unit == SP_FRAME_DOCUMENTS ? "documents" : "lines";
	const char *m = o->mode == MODE_NEAR ? "near" :
	    o->mode == MODE_NORMALIZED ? "normalized" : "exact";
	size_t n;

	n = (size_t)snprintf(buf, len, "unit=%s mode=%s", u, m);
	if (o->mode != MODE_EXACT && n < len)
		n += (size_t)snprintf(buf + n, len - n, " digits=%s",
		    o->fold_digits ? "folded" : "kept");
	if (o->mode == MODE_NEAR && n < len)
		n += (size_t)snprintf(buf + n, len - n, " shingle=%d "
		    "threshold=%g perms=%d bands=%dx%d", o->shingle,
		    o->threshold, MH_PERMS, dd.bands, dd.rows);
	if (o->contained && n < len)
		snprintf(buf + n, len - n, " passages=yes");
}

/*
 * The parameters --emit-keys writes in each shard's header: the store's
 * words, and what only the keys need: the least number of equal signature
 * values that makes a duplicate (as mh_similarity() >= T decides it),
 * --min-chars and --drop-all.
 */
static void
key_params(char *buf, size_t len, const struct dedupe_opts *o)
{
	size_t n;
	int agree = 0;

	describe(buf, len, o);
	n = strlen(buf);
	if (o->mode == MODE_NEAR) {
		while (agree < MH_PERMS && (double)agree / MH_PERMS <
		    o->threshold)
			agree++;
		n += (size_t)snprintf(buf + n, len - n, " agree=%d", agree);
	}
	if (o->min_chars && n < len)
		n += (size_t)snprintf(buf + n, len - n, " min-chars=%zu",
		    o->min_chars);
	if (o->repeats && n < len)
		snprintf(buf + n, len - n, " drop-all=%d", o->repeats);
}

static void
add_stats(void)
{
	struct rusage ru;
	int i;

	sp_stat_add("units read", n_read);
	for (i = 0; i < NREASONS; i++)
		if (i == KEPT || n_reason[i])
			sp_stat_add(reason_stat[i], n_reason[i]);
	if (n_store)
		sp_stat_add("dropped as seen in the store", n_store);
	if (n_unjudged)
		sp_stat_add("passed unjudged (longer than --max-unit)",
		    n_unjudged);
	sp_stat_add("distinct units remembered", dedupe_distinct(&dd));
	sp_stat_add("memory for fingerprints (bytes)", dedupe_bytes(&dd));
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		sp_stat_add("peak memory (KiB)", (uint64_t)ru.ru_maxrss);
}

int
main(int argc, char **argv)
{
	struct dedupe_opts o;
	struct store *store = NULL;
	const char *store_dir = NULL;
	char params[512];
	int c, i, near = 0, normalize = 0, drop_all = 0, nowait = 0;
	int readonly = 0, info = 0, status;
	enum { RUN, EMIT, JOIN, APPLY, MERGE } step = RUN;
	const char *drop_file = NULL, *merge_dst = NULL, *mode_opt = NULL;
	int shard_given = 0;

	sp_tool_init("sp-dedupe", usage_text);
	memset(&o, 0, sizeof o);
	o.shingle = 0;
	o.threshold = 0.8;
	o.containment = 0.9;
	while ((c = getopt_long(argc, argv, "dhnpuz", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			mode_opt = "-p";
			unit = SP_FRAME_PARAGRAPHS;
			break;
		case 'd':
			mode_opt = "-d";
			unit = SP_FRAME_DOCUMENTS;
			break;
		case 'n':
			mode_opt = "-n";
			normalize = 1;
			break;
		case 'u':
			mode_opt = "-u";
			o.adjacent = 1;
			break;
		case OPT_FOLD_DIGITS:
			mode_opt = "--fold-digits";
			o.fold_digits = normalize = 1;
			break;
		case OPT_NEAR:
			mode_opt = "--near";
			near = 1;
			if (optarg)
				o.threshold = sp_parse_fraction("--near",
				    optarg);
			break;
		case OPT_SHINGLE:
			mode_opt = "--shingle";
			o.shingle = (int)sp_parse_number("--shingle", optarg,
			    1, 64);
			break;
		case OPT_CONTAINED:
			mode_opt = "--contained";
			o.contained = 1;
			if (optarg)
				o.containment = sp_parse_fraction(
				    "--contained", optarg);
			break;
		case OPT_MIN_CHARS:
			mode_opt = "--min-chars";
			o.min_chars = (size_t)sp_parse_number("--min-chars",
			    optarg, 0, 1000000000);
			break;
		case OPT_DROP_ALL:
			mode_opt = "--drop-all";
			drop_all = 1;
			break;
		case OPT_REPEATS:
			mode_opt = "--repeats";
			o.repeats = (int)sp_parse_number("--repeats", optarg,
			    2, 255);
			drop_all = 1;
			break;
		case OPT_STORE:
			if (*optarg == '\0')
				sp_usage_error("--store: the directory name "
				    "is empty");
			store_dir = optarg;
			break;
		case OPT_NO_WAIT:
			nowait = 1;
			break;
		case OPT_STORE_READONLY:
			readonly = 1;
			break;
		case OPT_STORE_INFO:
			info = 1;
			break;
		case OPT_DUPLICATES:
			duplicates_only = 1;
			break;
		case OPT_REPORT:
			report_name = optarg;
			break;
		case OPT_EMIT_KEYS:
		case OPT_JOIN:
		case OPT_DROP_POSITIONS:
		case OPT_MERGE_STORE:
			if (step != RUN)
				sp_usage_error("give one of --emit-keys, "
				    "--join, --drop-positions and "
				    "--merge-store");
			step = c == OPT_EMIT_KEYS ? EMIT : c == OPT_JOIN ?
			    JOIN : c == OPT_MERGE_STORE ? MERGE : APPLY;
			if (c == OPT_DROP_POSITIONS)
				drop_file = optarg;
			if (c == OPT_MERGE_STORE)
				merge_dst = optarg;
			break;
		case OPT_SHARD:
			shard_base = (int)sp_parse_number("--shard", optarg, 1,
			    SHARD_MAX);
			shard_given = 1;
			break;
		default:
			if (!sp_common_option(c, optarg))
				sp_usage_error("unknown option");
		}
	}
	argc -= optind;
	argv += optind;

	if (step == MERGE) {
		if (store_dir || info || readonly || mode_opt || shard_given ||
		    duplicates_only || report_name || sp_opts.nul ||
		    sp_opts.jsonl)
			sp_usage_error("--merge-store takes only --no-wait and "
			    "the stores to merge");
		if (*merge_dst == '\0')
			sp_usage_error("--merge-store: the directory name is "
			    "empty");
		if (argc == 0)
			sp_usage_error("--merge-store needs the stores to "
			    "merge: --merge-store DST SRC ...");
		status = store_merge(merge_dst, argc, argv, nowait);
		if (sp_finish() != SP_EXIT_OK)
			status = SP_EXIT_ERROR;
		return status;
	}
	if (shard_given && step != EMIT && step != APPLY)
		sp_usage_error("--shard works with --emit-keys and "
		    "--drop-positions");
	if (step == EMIT && store_dir && !readonly)
		sp_usage_error("--emit-keys reads a store only: give "
		    "--store-readonly (record the survivors afterwards)");
	if (step != RUN && ((store_dir && step != EMIT) || report_name))
		sp_usage_error("%s cannot be used with %s", store_dir ?
		    "--store" : "--report", step == EMIT ? "--emit-keys" :
		    step == JOIN ? "--join" : "--drop-positions");
	if (step == EMIT && duplicates_only)
		sp_usage_error("--duplicates cannot be used with --emit-keys");
	if (step == JOIN && duplicates_only)
		sp_usage_error("--duplicates works with --drop-positions, "
		    "not --join");
	if (info) {
		if (store_dir == NULL)
			sp_usage_error("--store-info needs --store DIR");
		if (argc > 0)
			sp_usage_error("--store-info takes no files");
		status = store_info(store_dir);
		sp_finish();
		return status;
	}
	if ((nowait || readonly) && store_dir == NULL)
		sp_usage_error("%s needs --store DIR",
		    nowait ? "--no-wait" : "--store-readonly");
	if (o.shingle && !near)
		sp_usage_error("--shingle works with --near");
	if (o.shingle == 0)
		o.shingle = 5;
	if (sp_opts.nul && unit == SP_FRAME_LINES)
		unit = SP_FRAME_DOCUMENTS;	/* -z alone: NUL-ended units */
	if (sp_opts.nul && unit == SP_FRAME_PARAGRAPHS)
		sp_usage_error("-p and -z cannot be used together");
	if (o.contained && unit != SP_FRAME_DOCUMENTS && !sp_opts.jsonl)
		sp_usage_error("--contained works on documents: give -d, -z "
		    "or --jsonl");
	if (drop_all && (near || o.contained))
		sp_usage_error("--drop-all works in exact and -n modes, not "
		    "with --near or --contained");
	if (drop_all && store_dir)
		sp_usage_error("--drop-all cannot be used with --store");
	if (o.adjacent && (store_dir || drop_all || o.contained))
		sp_usage_error("-u compares neighbours only: it cannot be "
		    "used with %s", store_dir ? "--store" : drop_all ?
		    "--drop-all" : "--contained");
	if (drop_all && o.repeats == 0)
		o.repeats = 2;
	o.mode = near ? MODE_NEAR : normalize ? MODE_NORMALIZED : MODE_EXACT;
	o.positions = report_name != NULL;
	if ((step == EMIT || step == JOIN) && (o.adjacent || o.contained))
		sp_usage_error("%s cannot be used with %s", o.adjacent ? "-u" :
		    "--contained", step == EMIT ? "--emit-keys" : "--join");

	if (step == JOIN) {
		/* With options, the keys must have been made with them. */
		dedupe_init(&dd, &o, NULL);
		key_params(params, sizeof params, &o);
		dedupe_free(&dd);
		return join_run(argc, argv, mode_opt || sp_opts.nul ||
		    sp_opts.jsonl ? params : NULL);
	}
	if (step == EMIT) {
		struct emit e;

		dedupe_init(&dd, &o, NULL);
		if (store_dir) {
			describe(params, sizeof params, &o);
			store = store_open(store_dir, 1, nowait, params);
			dd.store = store;
		}
		key_params(params, sizeof params, &o);
		if (store_dir && strlen(params) + 12 < sizeof params)
			strcat(params, " store=yes");
		memset(&e, 0, sizeof e);
		e.d = &dd;
		e.shard_base = shard_base;
		e.params = params;
		emit_files(&e, argc, argv, unit);
		sp_stat_add("units read", e.units);
		sp_stat_add("units with keys", e.keyed);
		sp_stat_add("key lines written", e.lines);
		if (store)
			sp_stat_add("units the store holds", e.stored);
		status = sp_finish();
		if (store)
			store_close(store);
		emit_free(&e);
		dedupe_free(&dd);
		return status;
	}
	if (step == APPLY) {
		drops = droplist_open(drop_file);
		sp_each_unit(argc, argv, unit, on_apply, apply_end, NULL);
		sp_stat_add("units read", n_read);
		sp_stat_add("dropped as listed", n_dropped);
		status = sp_finish();
		droplist_close(drops);
		return status;
	}

	names = sp_xmalloc((size_t)(argc ? argc : 1) * sizeof *names);
	names[0] = "<stdin>";
	for (i = 0; i < argc; i++)
		names[i] = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
	if (report_name) {
		if ((report = fopen(report_name, "w")) == NULL)
			sp_die(report_name, "%s", strerror(errno));
		fputs("file\tunit\tduplicate_of_file\tduplicate_of_unit\t"
		    "similarity\treason\n", report);
	}

	dedupe_init(&dd, &o, NULL);
	if (store_dir) {
		describe(params, sizeof params, &o);
		store = store_open(store_dir, readonly, nowait, params);
		dd.store = store;
	}
	if (drop_all)
		two_passes(argc, argv);
	else
		sp_each_unit(argc, argv, unit, on_unit, NULL, NULL);

	add_stats();
	status = sp_finish();
	if (report && (fflush(report) == EOF || ferror(report) ||
	    fclose(report) == EOF)) {
		sp_warn(report_name, "%s", strerror(errno));
		status = SP_EXIT_ERROR;
	}
	if (store) {
		if (status == SP_EXIT_OK)
			store_commit(store, dd.recorded);
		else if (!readonly)
			sp_warn(store_dir, "store left unchanged (the run "
			    "had errors)");
		if (status != SP_EXIT_OK)
			store_close(store);
	}
	dedupe_piecewise_free(&big.fp);
	dedupe_free(&dd);
	free(names);
	return status;
}
