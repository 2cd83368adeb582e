/*
 * sp-clean: a scraped page in, clean UTF-8 text out.
 *
 * Each operand is decoded to UTF-8 (step 1), read as documents (the whole
 * file unless it holds form-feed lines; NUL-separated with -z; records
 * with --jsonl), and each document goes through the chain (chain.h).
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
#include "held.h"
#include "furniture.h"
#include "jobs.h"
#include "stream.h"
#include "text.h"

/* The largest --rules file read (its patterns are compiled whole). */
#define RULES_MAX (16 << 20)
#define THREADS_MAX 256

static const char *const step_names[NSTEPS] = {
	"decode", "html", "unicode", "spaces", "pinyin", "mojibake", "punct",
	"boilerplate", "hardwrap", "script"
};

static const char usage[] =
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
"      --no-STEP          skip a step: decode html unicode spaces pinyin\n"
"                         mojibake punct boilerplate hardwrap\n"
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

/* Counters, named for --stats in chain order. */
static size_t n_converted, n_binary, n_invalid;

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
		n_binary++;
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
		n_converted++;
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

static void
stats(void)
{
	const int *on = opts.on;
	const struct jobs_counts *w = jobs_counts();
	const struct chain_counts *t = &w->chain;

	if (!sp_opts.stats)
		return;
	sp_stat_add("documents", w->docs);
	if (on[S_DECODE]) {
		sp_stat_add("decode: files converted", n_converted);
		sp_stat_add("decode: binary files skipped", n_binary);
	}
	sp_stat_add("decode: invalid sequences", n_invalid);
	if (on[S_HTML]) {
		sp_stat_add("html: references decoded", t->html.refs);
		sp_stat_add("html: tags removed", t->html.tags);
		sp_stat_add("html: scripts and styles removed",
		    t->html.scripts);
		sp_stat_add("html: pages parsed", t->html.pages);
	}
	if (on[S_UNICODE]) {
		sp_stat_add("unicode: characters removed", t->norm.removed);
		sp_stat_add("unicode: line ends made LF", t->norm.newlines);
		sp_stat_add("unicode: lines normalized", t->norm.normalized);
	}
	if (on[S_SPACES]) {
		sp_stat_add("spaces: removed", t->spaces.removed);
		sp_stat_add("spaces: made one space", t->spaces.changed);
		sp_stat_add("spaces: paragraph breaks", t->spaces.breaks);
	}
	if (on[S_PINYIN])
		sp_stat_add("pinyin: annotations dropped", t->pinyin);
	if (on[S_MOJIBAKE]) {
		sp_stat_add("mojibake: spans repaired", t->moji.repaired);
		sp_stat_add("mojibake: bytes restored", t->moji.restored);
		sp_stat_add("mojibake: spans unrepairable",
		    t->moji.unrepairable);
		sp_stat_add("mojibake: control characters removed",
		    t->moji.removed);
	}
	if (on[S_PUNCT])
		sp_stat_add("punct: marks converted", t->punct);
	if (on[S_BOILERPLATE])
		sp_stat_add("boilerplate: lines dropped", t->boiler);
	if (furniture) {
		sp_stat_add("furniture: pages counted",
		    furniture_pages(furniture));
		sp_stat_add("furniture: lines forgotten",
		    furniture_forgotten(furniture));
	}
	if (on[S_HARDWRAP])
		sp_stat_add("hardwrap: lines joined", t->joins);
	if (on[S_SCRIPT])
		sp_stat_add("script: lines converted", t->script);
	sp_stat_add("empty lines dropped", w->empty + t->empty);
}

static int
step_by_name(const char *s, size_t len)
{
	int i;

	for (i = 0; i < NSTEPS; i++)
		if (strlen(step_names[i]) == len &&
		    strncmp(step_names[i], s, len) == 0)
			return i;
	return -1;
}

static void
only(const char *arg)
{
	const char *p = arg, *c;
	size_t len;
	int i, s;

	for (i = 0; i < NSTEPS; i++)
		if (i != S_SCRIPT)
			opts.on[i] = 0;
	while (*p) {
		c = strchr(p, ',');
		len = c ? (size_t)(c - p) : strlen(p);
		if ((s = step_by_name(p, len)) < 0 || s == S_SCRIPT)
			sp_usage_error("--only: unknown step '%.*s' (steps: "
			    "decode html unicode spaces pinyin mojibake punct "
			    "boilerplate hardwrap)", (int)len, p);
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

int
main(int argc, char **argv)
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
	static char nonames[NSTEPS][24];
	const char **rules = NULL, *model = NULL, *store = NULL;
	size_t nrules = 0, i;
	char err[512];
	int c, n, k, features = 0, learn = 0, nowait = 0, *spooled = NULL;
	int status;

	sp_tool_init("sp-clean", usage);
	threads = cpus();
	if (threads > THREADS_MAX)
		threads = THREADS_MAX;
	for (n = 0; longopts[n].name; n++)
		;
	for (k = 0; k < NSTEPS; k++) {
		opts.on[k] = k != S_SCRIPT;
		if (k == S_SCRIPT)
			continue;
		snprintf(nonames[k], sizeof nonames[k], "no-%s", step_names[k]);
		longopts[n].name = nonames[k];
		longopts[n].has_arg = no_argument;
		longopts[n].flag = NULL;
		longopts[n++].val = OPT_NO_FIRST + k;
	}
	while ((c = getopt_long(argc, argv, "af:hj:stvz", longopts,
	    NULL)) != -1) {
		if (c >= OPT_NO_FIRST && c < OPT_NO_FIRST + NSTEPS) {
			opts.on[c - OPT_NO_FIRST] = 0;
			continue;
		}
		switch (c) {
		case 'f':
			if ((from = sp_enc_canonical(optarg, from_buf,
			    sizeof from_buf)) == NULL)
				sp_usage_error("--from: unknown encoding '%s'",
				    optarg);
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
			if (opts.on[S_SCRIPT] && opts.script_to != (c == 's' ?
			    SCRIPT_SIMPLIFIED : SCRIPT_TRADITIONAL))
				sp_usage_error("--to-simplified and "
				    "--to-traditional exclude each other");
			opts.on[S_SCRIPT] = 1;
			opts.script_to = c == 's' ? SCRIPT_SIMPLIFIED :
			    SCRIPT_TRADITIONAL;
			break;
		case OPT_RULES:
			rules = sp_xrealloc(rules, (nrules + 1) *
			    sizeof *rules);
			rules[nrules++] = optarg;
			break;
		case OPT_EXPLAIN:
			opts.explain = 1;
			break;
		case OPT_KEEP:
			opts.on[S_BOILERPLATE] = 0;
			break;
		case OPT_ONLY:
			only(optarg);
			break;
		case OPT_HTML:
			opts.html = HTML_ALWAYS;
			break;
		case OPT_MODEL:
			model = optarg;
			break;
		case OPT_FEATURES:
			features = 1;
			break;
		case OPT_FURNITURE:
			store = optarg;
			break;
		case OPT_LEARN:
			learn = 1;
			break;
		case OPT_NO_WAIT:
			nowait = 1;
			break;
		case OPT_SITE:
			if (*optarg == '\0')
				sp_usage_error("--site: an empty name");
			site = optarg;
			break;
		case 'j':
			threads = (int)sp_parse_number("--jobs", optarg, 1,
			    THREADS_MAX);
			break;
		case 'v':
			sp_version();
		default:
			if (!sp_common_option(c, optarg))
				sp_usage_error("unknown option");
		}
	}
	argc -= optind;
	argv += optind;
	if (features) {
		/* What the boilerplate step sees, as it sees it. */
		if (!opts.on[S_BOILERPLATE])
			sp_usage_error("--features needs the boilerplate step");
		opts.on[S_HARDWRAP] = opts.on[S_SCRIPT] = 0;
	}
	if (opts.on[S_BOILERPLATE] || nrules > 0 || model) {
		if ((bp = boilerplate_new(err, sizeof err)) == NULL)
			sp_die(NULL, "%s", err);
		for (i = 0; i < nrules; i++)
			load_rules(rules[i]);
		if (model)
			load_model(model);
		boilerplate_dump_features(bp, features);
	}
	free(rules);
	if (nowait && store == NULL)
		sp_usage_error("--no-wait needs --furniture");
	if (site && store == NULL && !learn)
		sp_usage_error("--site needs --furniture or --learn-furniture");
	if (store && learn)
		sp_usage_error("--furniture counts this run's pages too: "
		    "--learn-furniture is for runs without a store");
	if ((store || learn) && !opts.on[S_BOILERPLATE])
		sp_usage_error("--%s needs the boilerplate step",
		    store ? "furniture" : "learn-furniture");
	if (store || learn)
		spooled = count_furniture(argv, argc, store, nowait);
	jobs_start(threads, &opts, bp, file_end);
	sp_stream_before_raw(jobs_write_all);
	if (argc == 0)
		one_file("-", 0, spooled ? spooled[0] : -1);
	for (k = 0; k < argc; k++)
		one_file(argv[k], k, spooled ? spooled[k] : -1);
	jobs_stop();
	stats();
	free(spooled);
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
