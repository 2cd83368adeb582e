/*
 * sp-clean: a scraped page in, clean UTF-8 text out.
 *
 * Each operand is decoded to UTF-8 (step 1), read as documents (the whole
 * file unless it holds form-feed lines; NUL-separated with -z; records
 * with --jsonl), and each document goes through the chain (chain.h).
 *
 * Documents are cleaned side by side, one a thread (-j), and written in
 * input order: each is copied into a job, the jobs queue for the workers,
 * and the main thread writes the oldest when it is done, with the messages
 * the cleaning gave (they are held, so that stderr reads as in one
 * thread).  A document too big to copy cheaply is cleaned by the main
 * thread once the jobs before it are written.
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
#include "pool.h"
#include "stream.h"
#include "text.h"

/* The largest --rules file read (its patterns are compiled whole). */
#define RULES_MAX (16 << 20)
/* A document longer than this is cleaned by the main thread, uncopied. */
#define JOB_MAX (4 << 20)
/* Bytes of documents held in jobs at most: memory stays bounded. */
#define JOBS_BYTES (16 << 20)
/* A job's buffers bigger than this are freed once it is written. */
#define JOB_KEEP (1 << 20)
/* Jobs queued or held, per thread. */
#define JOBS_PER_THREAD 4
#define THREADS_MAX 256

static const char *const step_names[NSTEPS] = {
	"decode", "html", "unicode", "spaces", "pinyin", "mojibake", "punct",
	"boilerplate", "hardwrap", "script"
};

static const char usage[] =
"usage: sp-clean [-astvz] [-f enc] [-j n] [--explain] [--jsonl [--field name]]\n"
"                [--keep-boilerplate] [--nfkc] [--no-step] [--only steps]\n"
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
"      --rules FILE       boilerplate rules to add (repeatable)\n"
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
	OPT_KEEP, OPT_ONLY, OPT_NO_FIRST
};

static struct chain_opts opts;
static int strict, allow_binary, threads;
static const char *from;
static char from_buf[32];
static struct boilerplate *bp;

/* One operand, from its opening until its last document is written. */
struct file_state {
	const char *display;	/* the operand, in messages */
	int utf8_input;		/* text not yet validated */
	uint64_t base;		/* offset of the stream in the operand */
	int converting;		/* decoded from another encoding */
	char enc[64];		/* the encoding, in messages */
	uint64_t dec_invalid;	/* invalid sequences the decoder met */
	int64_t dec_first;
	struct sp_utf8_stats invalid;	/* in UTF-8 input, as written */
	int last_nl;		/* the last piece written ended a line */
};

enum job_kind { JOB_UNIT, JOB_FILE_END, JOB_MESSAGES };

struct job {
	struct pool_task task;	/* first: a task is its job */
	enum job_kind kind;
	struct file_state *fs;
	/* The unit: in the reader's memory (cleaned at once) or copied. */
	const struct sp_input_unit *in;
	struct sp_input_unit in_copy;
	struct sp_unit unit_copy;
	struct sp_jsonl rec_copy;
	struct sp_buf text_copy, line_copy, sep_copy, name;
	size_t bytes;		/* counted against JOBS_BYTES */
	int at_once;		/* cleaned by the main thread, then written */
	/* What the cleaning gave. */
	struct sp_buf sane;	/* the text with invalid UTF-8 replaced */
	struct sp_buf out;
	const char *res;
	size_t reslen;
	int begins_nl, ends_nl;
	struct sp_buf msgs;	/* its messages, held until it is written */
	struct chain_counts n;
	struct sp_utf8_stats invalid;
};

/* Threads: chains[0..workers) for the pool's, chains[workers] main's. */
static struct pool *pool;
static int workers;
static struct chain *chains;
/* The jobs, a ring: held[head..head+nheld) in input order. */
static struct job *ring;
static size_t ring_len, head, nheld, held_bytes;
/* The main thread's messages not yet in a job. */
static struct sp_buf pending;

/* Counters, named for --stats in chain order. */
static size_t n_converted, n_binary, n_invalid, n_docs, n_empty;
static struct chain_counts totals;

static void
copy(struct sp_buf *b, const char *s, size_t n)
{
	sp_buf_clear(b);
	put(b, s, n);
}

/* Cleans job j's unit with thread's chain (a worker, or main). */
static void
clean(struct pool_task *t, int thread)
{
	struct job *j = (struct job *)t;
	const struct sp_input_unit *in = j->in;
	struct chain *ch = &chains[thread];
	const char *text = in->text, *name = j->fs->display;
	size_t len = in->len;
	struct sp_buf *was = sp_warn_capture(&j->msgs);

	memset(&j->n, 0, sizeof j->n);
	sp_utf8_stats_init(&j->invalid);
	if (in->rec) {
		/* Messages about a record name its line. */
		char number[32];

		snprintf(number, sizeof number, ":%llu",
		    (unsigned long long)in->unit->number);
		copy(&j->name, name, strlen(name));
		put(&j->name, number, strlen(number) + 1);
		name = j->name.data;
	} else if (j->fs->utf8_input && !utf8_valid(text, len)) {
		sp_buf_clear(&j->sane);
		if (sp_utf8_sanitize(text, len, &j->sane, &j->invalid,
		    j->fs->base + in->unit->offset) < 0)
			sp_oom();
		text = j->sane.data;
		len = j->sane.len;
	}
	j->begins_nl = len > 0 && text[0] == '\n';
	j->ends_nl = len > 0 && text[len - 1] == '\n';
	/* The main thread cleans a long document in blocks, helped. */
	chain_run(ch, text, len, &j->n, name, j->at_once ? pool : NULL);
	if (j->at_once) {
		/* Written before the chain runs again: no copy. */
		j->res = ch->cur;
	} else if (ch->cur == ch->a.data && ch->a.data) {
		/* The result changes hands; the chain takes the old buffer. */
		struct sp_buf tmp = j->out;

		j->out = ch->a;
		ch->a = tmp;
		sp_buf_clear(&ch->a);
		j->res = j->out.data;
	} else {
		j->res = ch->cur;	/* the input itself */
	}
	j->reslen = ch->curlen;
	sp_warn_capture(was);
}

static void
print_msgs(struct sp_buf *m)
{
	sp_warn_print(m->data, m->len);
	sp_buf_clear(m);
}

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
		sp_warn_capture(NULL);
		sp_warn_status(SP_EXIT_PROBLEMS, fs->display, "invalid %s at "
		    "byte %lld (%llu invalid sequence%s, replaced by U+FFFD)",
		    fs->enc, (long long)first, (unsigned long long)count,
		    count == 1 ? "" : "s");
		sp_warn_capture(&pending);
	}
	free(fs);
}

/* Writes a cleaned unit: its messages, counts and text. */
static void
write_unit(struct job *j)
{
	const struct sp_input_unit *in = j->in;
	struct file_state *fs = j->fs;
	unsigned flags = in->unit->flags;
	const char *res = j->res;
	size_t reslen = j->reslen;

	print_msgs(&j->msgs);
	n_docs++;
	chain_counts_add(&totals, &j->n);
	if (j->invalid.count[0] > 0) {
		if (fs->invalid.count[0] == 0)
			fs->invalid.first_offset = j->invalid.first_offset;
		fs->invalid.count[0] += j->invalid.count[0];
	}
	if (in->rec == NULL && (flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED))) {
		/*
		 * A piece: keep the line breaks at its edges.  Pieces are
		 * written back to back, with no separator between them, so
		 * the breaks are written around the piece.
		 */
		int lead = (flags & SP_UNIT_CONTINUED) && j->begins_nl &&
		    !fs->last_nl && reslen > 0;
		int trail = (flags & SP_UNIT_PARTIAL) && j->ends_nl &&
		    reslen > 0;

		if (lead)
			sp_write("\n", 1);
		sp_emit(in, res, reslen, NULL);
		if (trail)
			sp_write("\n", 1);
		if (reslen > 0)
			fs->last_nl = trail || res[reslen - 1] == '\n';
		return;
	}
	if (in->rec == NULL && reslen == 0) {
		n_empty++;
		return;		/* nothing left of the document */
	}
	sp_emit(in, res, reslen, NULL);
}

/* A job's buffers keep what they grew to, up to a point. */
static void
trim(struct sp_buf *b)
{
	if (b->cap > JOB_KEEP)
		sp_buf_free(b);
}

static void
write_job(struct job *j)
{
	switch (j->kind) {
	case JOB_UNIT:
		write_unit(j);
		break;
	case JOB_FILE_END:
		file_end(j->fs);
		break;
	case JOB_MESSAGES:
		print_msgs(&j->msgs);
		break;
	}
}

/* Writes the oldest job, waiting for it. */
static void
write_oldest(void)
{
	struct job *j = &ring[head];

	if (pool && j->kind == JOB_UNIT)
		pool_wait(pool, &j->task);
	write_job(j);
	trim(&j->text_copy);
	trim(&j->line_copy);
	trim(&j->sane);
	trim(&j->out);
	trim(&j->msgs);
	held_bytes -= j->bytes;
	head = (head + 1) % ring_len;
	nheld--;
}

/* Writes every job held, then the main thread's messages. */
static void
write_all(void)
{
	while (nheld > 0)
		write_oldest();
	print_msgs(&pending);
}

/* A new job at the end of the ring, making room first. */
static struct job *
new_job(enum job_kind kind, struct file_state *fs, size_t bytes)
{
	struct sp_buf t;
	struct job *j;

	/* The main thread's messages go first, in a job of their own. */
	if (pending.len > 0 && kind != JOB_MESSAGES) {
		if (nheld == 0) {
			print_msgs(&pending);
		} else {
			j = new_job(JOB_MESSAGES, fs, 0);
			t = j->msgs;
			j->msgs = pending;
			pending = t;
			sp_buf_clear(&pending);
			sp_warn_capture(&pending);
		}
	}
	while (nheld > 0 && (nheld == ring_len ||
	    held_bytes + bytes > JOBS_BYTES))
		write_oldest();
	j = &ring[(head + nheld) % ring_len];
	j->kind = kind;
	j->fs = fs;
	j->bytes = bytes;
	if (kind != JOB_MESSAGES)
		sp_buf_clear(&j->msgs);
	nheld++;
	held_bytes += bytes;
	return j;
}

/* Copies the unit in into j, which then outlives the reader's memory. */
static void
copy_unit(struct job *j, const struct sp_input_unit *in)
{
	j->in_copy = *in;
	j->unit_copy = *in->unit;
	copy(&j->text_copy, in->text, in->len);
	copy(&j->sep_copy, in->unit->sep, in->unit->sep_len);
	j->in_copy.text = j->text_copy.data ? j->text_copy.data : "";
	j->unit_copy.sep = j->sep_copy.data;
	j->unit_copy.text = NULL;	/* not written back: only its sep */
	j->in_copy.unit = &j->unit_copy;
	if (in->rec) {
		copy(&j->line_copy, in->rec->line, in->rec->line_len);
		j->rec_copy = *in->rec;
		j->rec_copy.line = j->line_copy.data;
		j->rec_copy.text = NULL;	/* the text is text_copy */
		j->in_copy.rec = &j->rec_copy;
	}
	j->in = &j->in_copy;
}

static int
one_unit(const struct sp_input_unit *in, void *arg)
{
	struct file_state *fs = arg;
	size_t bytes = in->len + (in->rec ? in->rec->line_len : 0);
	struct job *j;

	if (pool == NULL || bytes > JOB_MAX) {
		/* Cleaned here, in the reader's memory, after the others. */
		write_all();
		j = new_job(JOB_UNIT, fs, 0);
		j->in = in;
		j->at_once = 1;
		clean(&j->task, workers);
		j->task.done = 1;	/* not the pool's: nothing to wait for */
		write_oldest();
		return 0;
	}
	j = new_job(JOB_UNIT, fs, bytes);
	j->at_once = 0;
	copy_unit(j, in);
	j->task.run = clean;
	pool_submit(pool, &j->task);
	/* Whatever is done already is written now. */
	while (nheld > 0 && (ring[head].kind != JOB_UNIT ||
	    pool_done(&ring[head].task)))
		write_oldest();
	return 0;
}

static void
one_file(const char *name, int index)
{
	const char *display;
	struct decode dec;
	struct file_state *fs;
	enum decode_result r;
	int fd;

	if ((fd = sp_open_input(name, &display)) < 0)
		return;
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
		sp_close_input(fd);
		return;
	}
	if (r == DECODE_ERROR) {
		sp_warn_status(SP_EXIT_ERROR, display, "%s", strerror(errno));
		decode_close(&dec);
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
	sp_utf8_stats_init(&fs->invalid);
	if (dec.converting)
		n_converted++;
	sp_each_unit_fd(dec.fd, display, index, SP_FRAME_DOCUMENTS, one_unit,
	    fs);
	if (decode_close(&dec) < 0)
		sp_warn_status(SP_EXIT_ERROR, display, "%s", strerror(errno));
	sp_close_input(fd);
	snprintf(fs->enc, sizeof fs->enc, "%s", dec.guess.name);
	fs->dec_invalid = dec.invalid;
	fs->dec_first = dec.first_invalid;
	(void)new_job(JOB_FILE_END, fs, 0);
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

/* The chains and the pool: threads - 1 workers and the main thread. */
static void
start_threads(void)
{
	char err[512];
	int i;

	workers = threads - 1;
	chains = sp_xmalloc((size_t)(workers + 1) * sizeof *chains);
	for (i = 0; i <= workers; i++)
		if (chain_init(&chains[i], &opts, bp, err, sizeof err) < 0)
			sp_die(NULL, "%s", err);
	if (workers > 0 && (pool = pool_new(workers, chain_thread_end)) ==
	    NULL)
		workers = 0;	/* no threads to be had: cleaned here */
	ring_len = pool ? (size_t)threads * JOBS_PER_THREAD : 1;
	ring = sp_xmalloc(ring_len * sizeof *ring);
	memset(ring, 0, ring_len * sizeof *ring);
}

static void
stop_threads(void)
{
	size_t i;
	int k;

	write_all();
	pool_free(pool);
	for (k = 0; k <= workers; k++)
		chain_free(&chains[k]);
	free(chains);
	for (i = 0; i < ring_len; i++) {
		sp_buf_free(&ring[i].text_copy);
		sp_buf_free(&ring[i].line_copy);
		sp_buf_free(&ring[i].sep_copy);
		sp_buf_free(&ring[i].name);
		sp_buf_free(&ring[i].sane);
		sp_buf_free(&ring[i].out);
		sp_buf_free(&ring[i].msgs);
	}
	free(ring);
	sp_warn_capture(NULL);
	sp_buf_free(&pending);
}

static void
stats(void)
{
	const int *on = opts.on;
	const struct chain_counts *t = &totals;

	if (!sp_opts.stats)
		return;
	sp_stat_add("documents", n_docs);
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
		sp_stat_add("mojibake: spans unrepairable",
		    t->moji.unrepairable);
	}
	if (on[S_PUNCT])
		sp_stat_add("punct: marks converted", t->punct);
	if (on[S_BOILERPLATE])
		sp_stat_add("boilerplate: lines dropped", t->boiler);
	if (on[S_HARDWRAP])
		sp_stat_add("hardwrap: lines joined", t->joins);
	if (on[S_SCRIPT])
		sp_stat_add("script: lines converted", t->script);
	sp_stat_add("empty lines dropped", n_empty + t->empty);
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

static void
load_rules(const char *path)
{
	char err[512], *text = NULL;
	size_t len = 0, cap = 0;
	ssize_t r;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		sp_die(path, "%s", strerror(errno));
	for (;;) {
		/* A vocabulary, not a corpus: --rules /dev/zero must not eat
		 * all memory. */
		if (len > RULES_MAX)
			sp_die(path, "a rules file larger than %d MB", RULES_MAX
			    >> 20);
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
	if (boilerplate_load(bp, text, len, path, err, sizeof err) < 0)
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
	};
	static char nonames[NSTEPS][24];
	const char **rules = NULL;
	size_t nrules = 0, i;
	char err[512];
	int c, n, k;

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
	while ((c = getopt_long(argc, argv, "af:hj:stvz", longopts, NULL)) != -1) {
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
	if (opts.on[S_BOILERPLATE] || nrules > 0) {
		if ((bp = boilerplate_new(err, sizeof err)) == NULL)
			sp_die(NULL, "%s", err);
		for (i = 0; i < nrules; i++)
			load_rules(rules[i]);
	}
	free(rules);
	start_threads();
	/* Messages of the main thread are held too, to keep their order. */
	sp_warn_capture(&pending);
	sp_stream_before_raw(write_all);
	if (argc == 0)
		one_file("-", 0);
	for (k = 0; k < argc; k++)
		one_file(argv[k], k);
	stop_threads();
	stats();
	if (bp)
		boilerplate_free(bp);
	return sp_finish();
}
