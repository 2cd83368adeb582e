/*
 * sp-clean: a scraped page in, clean UTF-8 text out.
 *
 * Each operand is decoded to UTF-8 (step 1), read as documents (the whole
 * file unless it holds form-feed lines; NUL-separated with -z; records
 * with --jsonl), and each document goes through the chain (chain.h) of
 * the steps of the table (steps.h): the step options, --help's step list
 * and --stats come from the table.
 *
 * Documents are cleaned side by side, one a thread (-j), and written in
 * input order (jobs.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boilerplate.h"
#include "chain.h"
#include "decode.h"
#include "firstpass.h"
#include "furniture.h"
#include "held.h"
#include "htmlpage.h"
#include "jobs.h"
#include "steps.h"
#include "stream.h"
#include "text.h"

/* The largest --rules file read (its patterns are compiled whole). */
#define RULES_MAX (16 << 20)
#define THREADS_MAX 256

/* --help, around the step names (steps.h). */

/* The units held back, written before one the stream writes itself. */
static void
write_all_before(const struct sp_input_unit *in)
{
	(void)in;
	jobs_write_all();
}

static const char usage_head[] =
"usage: sp-clean [-astvz] [-f enc] [-j n] [--explain] [--features]\n"
"                [--furniture dir [--no-wait] | --learn-furniture]\n"
"                [--site name]\n"
"                [--html] [--jsonl [--field name]] [--keep-boilerplate]\n"
"                [--model file] [--nfkc] [--no-step] [--only steps]\n"
"                [--rules file] [--stats] [--strict] [file ...]\n"
"\n"
"Turns scraped pages into clean UTF-8 text: NFC, one paragraph a line,\n"
"site boilerplate removed, CJK typography and mojibake repaired.\n"
"\n"
"  -f, --from ENC         input encoding (default: detected per file)\n"
"      --strict           report invalid input (file, byte offset), exit 1\n"
"  -a, --text             process files that look binary\n"
"      --nfkc             NFKC instead of NFC (CJK punctuation kept)\n"
"  -s, --to-simplified    convert to simplified characters (OpenCC)\n"
"  -t, --to-traditional   convert to traditional characters (OpenCC)\n"
"      --html             parse every document as an HTML page\n"
"      --rules FILE       boilerplate rules to add (repeatable)\n"
"      --model FILE       the boilerplate model to use (see make train)\n"
"      --features         write each line's boilerplate features instead\n"
"      --furniture DIR    count the lines sites repeat, in a store (LMDB)\n"
"      --learn-furniture  count them in this run's pages alone\n"
"      --site NAME        the site of documents without a url field\n"
"      --no-wait          give up if another run holds the store\n"
"      --explain          tell on stderr each line dropped and repair made\n"
"      --keep-boilerplate keep site boilerplate (= --no-boilerplate)\n"
"      --no-STEP          skip a step: ";
static const char usage_tail[] =
"\n"
"      --only STEPS       run only these steps (comma-separated)\n"
"  -j, --jobs N           threads cleaning documents (default: the CPUs)\n"
"  -z, --null             documents are separated by NUL\n"
"      --jsonl            read and write JSON Lines (--field, default text)\n"
"      --max-unit SIZE    longest document held whole (default 64M)\n"
"      --stats            print counts to stderr\n"
"      --progress         show progress on stderr\n"
"  -v, --version          print the version\n"
"  -h, --help             print this help\n";

enum {
	OPT_STRICT = SP_OPT_TOOL_BASE, OPT_NFKC, OPT_RULES, OPT_EXPLAIN,
	OPT_KEEP, OPT_ONLY, OPT_HTML, OPT_MODEL, OPT_FEATURES, OPT_FURNITURE,
	OPT_LEARN, OPT_NO_WAIT, OPT_SITE, OPT_NO_FIRST
};

static struct chain_opts opts;
static int strict, allow_binary, threads;
static const char *from;
static char from_buf[32];
static struct boilerplate *bp;
static struct furniture *furniture;
static const char *site;

/* The decode step's counters (steps.h), and the invalid sequences. */
static size_t decoded[STEP_COUNTERS], n_invalid;

/* An operand's last document is written: its invalid bytes are told. */
static void
file_end(struct file_state *fs)
{
	uint64_t count;
	int64_t first;

	if (fs->converting) {
		count = fs->dec_invalid;
		first = fs->dec_first;
	} else {
		count = fs->invalid.count[0];
		first = fs->invalid.first_offset;
	}
	n_invalid += count;
	if (count > 0 && strict) {
		/* Written in its turn: now, not held. */
		struct sp_buf *held = held_capture(NULL);

		sp_warn_status(SP_EXIT_PROBLEMS, fs->display, "invalid %s at "
		    "byte %lld (%llu invalid sequence%s, replaced by U+FFFD)",
		    fs->enc, (long long)first, (unsigned long long)count,
		    count == 1 ? "" : "s");
		held_capture(held);
	}
	free(fs);
}

/* Operand index of name, read from fd when it is not -1 (a spool). */
static void
one_file(const char *name, int index, int spooled)
{
	const char *display;
	struct decode dec;
	struct file_state *fs;
	enum decode_result r;
	int fd;

	if (spooled >= 0) {
		fd = spooled;
		display = strcmp(name, "-") == 0 ? "<stdin>" : name;
	} else if ((fd = sp_open_input(name, &display)) < 0) {
		return;
	}
	/*
	 * JSON Lines are UTF-8: their encoding is not guessed (one bad byte
	 * made the whole stream Latin-1), and they are never skipped as
	 * binary; a record holding a NUL byte or invalid UTF-8 is reported on
	 * its own and the others cleaned.
	 */
	r = decode_open(&dec, fd, from, opts.on[S_DECODE] && !sp_opts.jsonl,
	    allow_binary || sp_opts.jsonl, sp_opts.nul);
	if (r == DECODE_BINARY) {
		decoded[1]++;	/* binary files skipped */
		sp_warn(display, "binary file skipped (use -a to clean it)");
		decode_close(&dec);
		if (spooled >= 0)
			close(spooled);
		else
			sp_close_input(fd);
		return;
	}
	if (r == DECODE_ERROR) {
		sp_warn_status(SP_EXIT_ERROR, display, "%s", strerror(errno));
		decode_close(&dec);
		if (spooled >= 0)
			close(spooled);
		else
			sp_close_input(fd);
		return;
	}
	fs = sp_xmalloc(sizeof *fs);
	memset(fs, 0, sizeof *fs);
	fs->display = display;
	fs->utf8_input = !dec.converting;
	fs->base = dec.base;
	fs->converting = dec.converting;
	fs->last_nl = 1;
	if (opts.furniture)
		fs->site = firstpass_site(site, name);
	sp_utf8_stats_init(&fs->invalid);
	if (dec.converting)
		decoded[0]++;	/* files converted */
	sp_each_unit_fd(dec.fd, display, index, SP_FRAME_DOCUMENTS, jobs_unit,
	    fs);
	if (decode_close(&dec) < 0)
		sp_warn_status(SP_EXIT_ERROR, display, "%s", strerror(errno));
	if (spooled >= 0)
		close(spooled);
	else
		sp_close_input(fd);
	snprintf(fs->enc, sizeof fs->enc, "%s", dec.guess.name);
	fs->dec_invalid = dec.invalid;
	fs->dec_first = dec.first_invalid;
	jobs_file_end(fs);
}

/*
 * The first pass: the lines each site repeats, counted in the store's
 * counts and this run's pages.  Returns the operands' spools.
 */
static int *
count_furniture(char **operands, int n, const char *store, int nowait)
{
	struct firstpass_opts o;
	int *spooled;

	furniture = furniture_new(store, nowait);
	o.chain = &opts;
	o.from = from;
	o.allow_binary = allow_binary;
	o.site = site;
	spooled = firstpass_run(operands, n, &o, furniture);
	furniture_load(furniture);
	opts.furniture = furniture;
	return spooled;
}

/* Threads by default: the CPUs this process may run on. */
static int
cpus(void)
{
	cpu_set_t set;
	long n;

	if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
		return CPU_COUNT(&set);
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/*
 * --stats: each step's counters, in the table's order; the invalid
 * sequences are counted whether or not decode runs, and the furniture
 * where the boilerplate step uses it.
 */
static void
stats(void)
{
	const struct jobs_counts *w = jobs_counts();
	int i;

	if (!sp_opts.stats)
		return;
	sp_stat_add("documents", w->docs);
	for (i = 0; i < NSTEPS; i++) {
		if (opts.on[i])
			step_stats(i, i == S_DECODE ? decoded :
			    w->chain.step[i]);
		if (i == S_DECODE)
			sp_stat_add("decode: invalid sequences", n_invalid);
		if (i == S_BOILERPLATE && furniture) {
			sp_stat_add("furniture: pages counted",
			    furniture_pages(furniture));
			sp_stat_add("furniture: pages counted before",
			    furniture_repeats(furniture));
			sp_stat_add("furniture: lines forgotten",
			    furniture_forgotten(furniture));
		}
	}
	sp_stat_add("empty lines dropped", w->chain.empty);
}

/* --only: the steps named on, the others off but those by option. */
static void
only(const char *arg)
{
	char names[256];
	const char *p = arg, *c;
	size_t len;
	int i, s;

	for (i = 0; i < NSTEPS; i++)
		if (!steps[i].by_option)
			opts.on[i] = 0;
	while (*p) {
		c = strchr(p, ',');
		len = c ? (size_t)(c - p) : strlen(p);
		if ((s = step_by_name(p, len)) < 0 || steps[s].by_option) {
			step_names(names, sizeof names, 0, sizeof names, "");
			sp_usage_error("--only: unknown step '%.*s' (steps: "
			    "%s)", (int)len, p, names);
		}
		opts.on[s] = 1;
		p += len + (c != NULL);
	}
}

/*
 * The contents of a rules or model file, whole: a vocabulary or a model,
 * not a corpus, so --rules /dev/zero must not eat all memory.
 */
static char *
slurp(const char *path, const char *what, size_t *lenp)
{
	char *text = NULL;
	size_t len = 0, cap = 0;
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		sp_die(path, "%s", strerror(errno));
	for (;;) {
		if (len > RULES_MAX)
			sp_die(path, "a %s file larger than %d MB", what,
			    RULES_MAX >> 20);
		if (len + 4096 > cap)
			text = sp_xrealloc(text, cap = cap * 2 + 8192);
		if ((r = read(fd, text + len, cap - len)) < 0) {
			if (errno == EINTR)
				continue;
			sp_die(path, "%s", strerror(errno));
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	*lenp = len;
	return text ? text : sp_xmalloc(1);
}

static void
load_rules(const char *path)
{
	char err[512], *text;
	size_t len;

	text = slurp(path, "rules", &len);
	if (boilerplate_load(bp, text, len, path, err, sizeof err) < 0)
		sp_die(NULL, "%s", err);
	free(text);
}

static void
load_model(const char *path)
{
	char err[512], *text;
	size_t len;

	text = slurp(path, "model", &len);
	if (boilerplate_load_model(bp, text, len, path, err, sizeof err) < 0)
		sp_die(NULL, "%s", err);
	free(text);
}

/* What the options asked for besides the chain's (opts). */
struct run_opts {
	const char **rules;		/* --rules files, nrules of them */
	size_t nrules;
	const char *model, *store;	/* --model, --furniture */
	int features, learn, nowait;	/* --features, --learn-furniture,
					   --no-wait */
};

/* --help: the options, with the step names from the table. */
static const char *
usage_text(void)
{
	static char usage[sizeof usage_head + sizeof usage_tail + 256];
	char names[256];
	const char *last = strrchr(usage_head, '\n') + 1;

	step_names(names, sizeof names, strlen(last), 79,
	    "                         ");
	snprintf(usage, sizeof usage, "%s%s%s", usage_head, names,
	    usage_tail);
	return usage;
}

/* Adds --no-STEP for each step but those by option, from longopts[n]. */
static void
step_options(struct option *longopts, int n)
{
	static char nonames[NSTEPS][24];
	int k;

	for (k = 0; k < NSTEPS; k++) {
		opts.on[k] = !steps[k].by_option;
		if (steps[k].by_option)
			continue;
		snprintf(nonames[k], sizeof nonames[k], "no-%s",
		    steps[k].name);
		longopts[n].name = nonames[k];
		longopts[n].has_arg = no_argument;
		longopts[n].flag = NULL;
		longopts[n++].val = OPT_NO_FIRST + k;
	}
}

/* -s or -t: the script step on, converting one way. */
static void
script_option(int c)
{
	enum script_to to = c == 's' ? SCRIPT_SIMPLIFIED : SCRIPT_TRADITIONAL;

	if (opts.on[S_SCRIPT] && opts.script_to != to)
		sp_usage_error("--to-simplified and --to-traditional exclude "
		    "each other");
	opts.on[S_SCRIPT] = 1;
	opts.script_to = to;
}

/* One option c, with its argument arg (getopt_long's optarg). */
static void
option(int c, const char *arg, struct run_opts *r)
{
	if (c >= OPT_NO_FIRST && c < OPT_NO_FIRST + NSTEPS) {
		opts.on[c - OPT_NO_FIRST] = 0;
		return;
	}
	switch (c) {
	case 'f':
		if ((from = sp_enc_canonical(arg, from_buf,
		    sizeof from_buf)) == NULL)
			sp_usage_error("--from: unknown encoding '%s'", arg);
		break;
	case OPT_STRICT:
		strict = 1;
		break;
	case 'a':
		allow_binary = 1;
		break;
	case OPT_NFKC:
		opts.nfkc = 1;
		break;
	case 's':
	case 't':
		script_option(c);
		break;
	case OPT_RULES:
		r->rules = sp_xrealloc(r->rules, (r->nrules + 1) *
		    sizeof *r->rules);
		r->rules[r->nrules++] = arg;
		break;
	case OPT_EXPLAIN:
		opts.explain = 1;
		break;
	case OPT_KEEP:
		opts.on[S_BOILERPLATE] = 0;
		break;
	case OPT_ONLY:
		only(arg);
		break;
	case OPT_HTML:
		opts.html = HTML_ALWAYS;
		break;
	case OPT_MODEL:
		r->model = arg;
		break;
	case OPT_FEATURES:
		r->features = 1;
		break;
	case OPT_FURNITURE:
		r->store = arg;
		break;
	case OPT_LEARN:
		r->learn = 1;
		break;
	case OPT_NO_WAIT:
		r->nowait = 1;
		break;
	case OPT_SITE:
		if (*arg == '\0')
			sp_usage_error("--site: an empty name");
		site = arg;
		break;
	case 'j':
		threads = (int)sp_parse_number("--jobs", arg, 1, THREADS_MAX);
		break;
	case 'v':
	case SP_OPT_VERSION:
		sp_version_also(html_parser_version());
	default:
		if (!sp_common_option(c, arg))
			sp_usage_error("unknown option");
	}
}

/* Parses the options into opts and *r; returns the first operand's index. */
static int
parse(int argc, char **argv, struct run_opts *r)
{
	static struct option longopts[NSTEPS + 32] = {
		SP_COMMON_LONGOPTS,
		{ "from",             required_argument, NULL, 'f' },
		{ "strict",           no_argument,       NULL, OPT_STRICT },
		{ "text",             no_argument,       NULL, 'a' },
		{ "nfkc",             no_argument,       NULL, OPT_NFKC },
		{ "to-simplified",    no_argument,       NULL, 's' },
		{ "to-traditional",   no_argument,       NULL, 't' },
		{ "rules",            required_argument, NULL, OPT_RULES },
		{ "explain",          no_argument,       NULL, OPT_EXPLAIN },
		{ "keep-boilerplate", no_argument,       NULL, OPT_KEEP },
		{ "only",             required_argument, NULL, OPT_ONLY },
		{ "jobs",             required_argument, NULL, 'j' },
		{ "html",             no_argument,       NULL, OPT_HTML },
		{ "model",            required_argument, NULL, OPT_MODEL },
		{ "features",         no_argument,       NULL, OPT_FEATURES },
		{ "furniture",        required_argument, NULL, OPT_FURNITURE },
		{ "learn-furniture",  no_argument,       NULL, OPT_LEARN },
		{ "no-wait",          no_argument,       NULL, OPT_NO_WAIT },
		{ "site",             required_argument, NULL, OPT_SITE },
	};
	int c, n;

	for (n = 0; longopts[n].name; n++)
		;
	step_options(longopts, n);
	while ((c = getopt_long(argc, argv, "af:hj:stvz", longopts,
	    NULL)) != -1)
		option(c, optarg, r);
	return optind;
}

/*
 * What the options ask for before the run: the boilerplate rules and
 * model loaded, the furniture counted (a first pass over the operands).
 * Returns the operands' spools, or NULL.
 */
static int *
setup(char **operands, int n, struct run_opts *r)
{
	char err[512];
	size_t i;

	if (r->features) {
		/* What the boilerplate step sees, as it sees it. */
		if (!opts.on[S_BOILERPLATE])
			sp_usage_error("--features needs the boilerplate step");
		opts.on[S_HARDWRAP] = opts.on[S_SCRIPT] = 0;
	}
	if (opts.on[S_BOILERPLATE] || r->nrules > 0 || r->model) {
		if ((bp = boilerplate_new(err, sizeof err)) == NULL)
			sp_die(NULL, "%s", err);
		for (i = 0; i < r->nrules; i++)
			load_rules(r->rules[i]);
		if (r->model)
			load_model(r->model);
		boilerplate_dump_features(bp, r->features);
	}
	free(r->rules);
	r->rules = NULL;
	if (sp_opts.jsonl && sp_opts.nul)
		sp_usage_error("--jsonl and -z exclude each other: a record "
		    "is a line");
	if (r->nowait && r->store == NULL)
		sp_usage_error("--no-wait needs --furniture");
	if (site && r->store == NULL && !r->learn)
		sp_usage_error("--site needs --furniture or --learn-furniture");
	if (r->store && r->learn)
		sp_usage_error("--furniture counts this run's pages too: "
		    "--learn-furniture is for runs without a store");
	if ((r->store || r->learn) && !opts.on[S_BOILERPLATE])
		sp_usage_error("--%s needs the boilerplate step",
		    r->store ? "furniture" : "learn-furniture");
	if (r->store || r->learn)
		return count_furniture(operands, n, r->store, r->nowait);
	return NULL;
}

/* Cleans the operands (spooled by the first pass, or NULL); the status. */
static int
run(char **operands, int n, int *spooled)
{
	int k, status;

	jobs_start(threads, &opts, bp, file_end);
	sp_stream_before_raw(write_all_before);
	if (n == 0)
		one_file("-", 0, spooled ? spooled[0] : -1);
	for (k = 0; k < n; k++)
		one_file(operands[k], k, spooled ? spooled[k] : -1);
	jobs_stop();
	stats();
	status = sp_finish();
	if (furniture) {
		/* Only a run that read and wrote everything adds to the
		 * store (it commits after the output is flushed). */
		if (status < SP_EXIT_ERROR)
			furniture_commit(furniture);
		else
			furniture_abandon(furniture, "the run had errors");
		furniture_free(furniture);
	}
	if (bp)
		boilerplate_free(bp);
	return status;
}

int
main(int argc, char **argv)
{
	struct run_opts r;
	int first, *spooled, status;

	sp_tool_init("sp-clean", usage_text());
	/* getopt_long() names argv[0] in its messages: the tool, not its path. */
	argv[0] = (char *)sp_progname;
	threads = cpus();
	if (threads > THREADS_MAX)
		threads = THREADS_MAX;
	memset(&r, 0, sizeof r);
	first = parse(argc, argv, &r);
	spooled = setup(argv + first, argc - first, &r);
	status = run(argv + first, argc - first, spooled);
	free(spooled);
	return status;
}
