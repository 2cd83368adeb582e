/*
 * sp-clean: a scraped page in, clean UTF-8 text out.
 *
 * Each operand is decoded to UTF-8 (step 1), read as documents (the whole
 * file unless it holds form-feed lines; NUL-separated with -z; records
 * with --jsonl), and each document goes through the chain:
 *
 *   HTML (2) → Unicode (3) → spaces (4) → pinyin (6) → mojibake (7) →
 *   punctuation (5) → boilerplate (9) → hard wraps (8) → script (10)
 *
 * and leaves one paragraph a line, with no empty lines.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boilerplate.h"
#include "decode.h"
#include "embed.h"
#include "hardwrap.h"
#include "html.h"
#include "mojibake.h"
#include "normalize.h"
#include "pinyin.h"
#include "punct.h"
#include "script.h"
#include "spaces.h"
#include "stream.h"
#include "text.h"

/* The largest --rules file read (its patterns are compiled whole). */
#define RULES_MAX (16 << 20)

enum step {
	S_DECODE, S_HTML, S_UNICODE, S_SPACES, S_PINYIN, S_MOJIBAKE, S_PUNCT,
	S_BOILERPLATE, S_HARDWRAP, S_SCRIPT, NSTEPS
};
static const char *const step_names[NSTEPS] = {
	"decode", "html", "unicode", "spaces", "pinyin", "mojibake", "punct",
	"boilerplate", "hardwrap", "script"
};

static const char usage[] =
"usage: sp-clean [-astvz] [-f enc] [--explain] [--jsonl [--field name]]\n"
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

static int on[NSTEPS];
static int strict, allow_binary, nfkc, explain;
static const char *from;
static char from_buf[32];
static struct boilerplate *bp;
static enum script_to script_to;

struct doc_ctx {
	const char *file;	/* the operand, in messages */
	int utf8_input;		/* text not yet validated */
	uint64_t base;		/* offset of the stream in the operand */
	struct sp_utf8_stats invalid;
	/* Pieces of a document over --max-unit. */
	int last_nl;		/* the previous piece's output ended a line */
};

/*
 * The chain works from cur[0..curlen): the document as read, or the
 * output of the last step, which is in a; each step writes into b, and
 * swap() makes that the current text.
 */
static struct sp_buf a, b, sane;
static const char *cur;
static size_t curlen;

/* Counters, named for --stats in chain order. */
static size_t n_converted, n_binary, n_invalid, n_docs, n_empty;
static struct html_stats html_st;
static struct normalize_stats norm_st;
static struct spaces_stats spaces_st;
static struct mojibake_stats moji_st;
static size_t n_pinyin, n_punct, n_boiler, n_joins, n_script;

static void
swap(void)
{
	struct sp_buf t = a;

	a = b;
	b = t;
	sp_buf_clear(&b);
	cur = a.data ? a.data : "";
	curlen = a.len;
}

/* Makes a hold the current text, for changes in place. */
static void
own(void)
{
	if (cur == a.data)
		return;
	sp_buf_clear(&b);
	put(&b, cur, curlen);
	swap();
}

static int
has_empty_line(const char *s, size_t n)
{
	const char *nl, *end = s + n;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		if (nl + 1 < end && nl[1] == '\n')
			return 1;
		s = nl + 1;
	}
	return 0;
}

/* Drops empty lines and the final newline of a[]: into b, swapped. */
static void
drop_empty(void)
{
	const char *s = cur, *nl;
	size_t n = curlen, len;

	if (n == 0 || (s[0] != '\n' && s[n - 1] != '\n' &&
	    !has_empty_line(s, n)))
		return;		/* nothing to drop */
	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		if (len > 0) {
			if (b.len > 0)
				putch(&b, '\n');
			put(&b, s, len);
		} else if (nl) {
			n_empty++;
		}
		if (nl == NULL)
			break;
		s += len + 1;
		n -= len + 1;
	}
	if (curlen && cur[curlen - 1] == '\n')
		n_empty--;	/* the final newline held no line */
	swap();
}

static void
explain_line(const char *line, size_t len, const char *reason, void *ctx)
{
	struct doc_ctx *d = ctx;

	sp_warn(d->file, "dropped (%s): %.*s", reason, (int)len, line);
}

static void
explain_moji(const char *kind, const char *old, size_t oldlen,
    const char *repair, size_t replen, void *ctx)
{
	struct doc_ctx *d = ctx;

	if (repair)
		sp_warn(d->file, "mojibake repaired (%s): %.*s -> %.*s", kind,
		    (int)oldlen, old, (int)replen, repair);
	else
		sp_warn(d->file, "mojibake not repaired (%s): %.*s", kind,
		    (int)oldlen, old);
}

static void
script_lines(void)
{
	const char *s = cur, *nl;
	size_t n = curlen, len;

	while (n > 0) {
		nl = memchr(s, '\n', n);
		len = nl ? (size_t)(nl - s) : n;
		n_script += (size_t)script_convert(s, len, &b);
		if (nl == NULL)
			break;
		putch(&b, '\n');
		s += len + 1;
		n -= len + 1;
	}
	swap();
}

/* Runs the chain over text[0..len), leaving the result in cur. */
static void
chain(const char *text, size_t len, struct doc_ctx *d)
{
	sp_buf_clear(&a);
	sp_buf_clear(&b);
	cur = text;
	curlen = len;
	if (on[S_HTML] && (memchr(cur, '<', curlen) ||
	    memchr(cur, '&', curlen))) {
		html_clean(cur, curlen, &b, &html_st);
		swap();
	}
	if (on[S_UNICODE]) {
		normalize_text(cur, curlen, nfkc, &b, &norm_st);
		swap();
	}
	if (on[S_SPACES]) {
		spaces_clean(cur, curlen, &b, &spaces_st);
		swap();
	}
	if (on[S_PINYIN]) {
		pinyin_clean(cur, curlen, &b, &n_pinyin);
		swap();
	}
	if (on[S_MOJIBAKE]) {
		mojibake_repair(cur, curlen, &b, &moji_st,
		    explain ? explain_moji : NULL, d);
		swap();
	}
	if (on[S_PUNCT]) {
		punct_clean(cur, curlen, &b, &n_punct);
		swap();
	}
	drop_empty();
	if (on[S_BOILERPLATE]) {
		n_boiler += boilerplate_filter(bp, cur, curlen, &b,
		    explain ? explain_line : NULL, d);
		swap();
	}
	if (on[S_HARDWRAP]) {
		n_joins += hardwrap_join(cur, curlen, &b);
		swap();
	}
	if (on[S_SCRIPT])
		script_lines();
	drop_empty();
}

static int
one_unit(const struct sp_input_unit *in, void *arg)
{
	struct doc_ctx *d = arg;
	const char *text = in->text;
	size_t len = in->len;
	unsigned flags = in->unit->flags;
	char where[64];
	struct doc_ctx rd = *d;
	int begins_nl, ends_nl;

	if (in->rec) {
		/* Messages about a record name its line. */
		snprintf(where, sizeof where, "%s:%llu", d->file,
		    (unsigned long long)in->unit->number);
		rd.file = where;
		d = &rd;
	} else if (d->utf8_input && !utf8_valid(text, len)) {
		sp_buf_clear(&sane);
		if (sp_utf8_sanitize(text, len, &sane, &d->invalid,
		    d->base + in->unit->offset) < 0)
			sp_oom();
		text = sane.data;
		len = sane.len;
	}
	n_docs++;
	begins_nl = len > 0 && text[0] == '\n';
	ends_nl = len > 0 && text[len - 1] == '\n';
	chain(text, len, d);
	if (in->rec == NULL && (flags & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED))) {
		/* A piece: keep the line breaks at its edges. */
		own();
		if ((flags & SP_UNIT_CONTINUED) && begins_nl && !d->last_nl &&
		    a.len > 0) {
			sp_buf_clear(&b);
			putch(&b, '\n');
			put(&b, a.data, a.len);
			swap();
		}
		if ((flags & SP_UNIT_PARTIAL) && ends_nl && a.len > 0) {
			putch(&a, '\n');
			curlen = a.len;
		}
		if (a.len > 0)
			d->last_nl = a.data[a.len - 1] == '\n';
	} else if (in->rec == NULL && curlen == 0) {
		n_empty++;
		return 0;	/* nothing left of the document */
	}
	sp_emit(in, cur, curlen, NULL);
	return 0;
}

static void
one_file(const char *name, int index)
{
	const char *display, *enc;
	struct decode dec;
	struct doc_ctx d;
	enum decode_result r;
	int fd;
	uint64_t count;
	int64_t first;

	if ((fd = sp_open_input(name, &display)) < 0)
		return;
	/*
	 * JSON Lines are UTF-8: their encoding is not guessed (one bad byte
	 * made the whole stream Latin-1), and they are never skipped as
	 * binary; a record holding a NUL byte or invalid UTF-8 is reported on
	 * its own and the others cleaned.
	 */
	r = decode_open(&dec, fd, from, on[S_DECODE] && !sp_opts.jsonl,
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
	memset(&d, 0, sizeof d);
	d.file = display;
	d.utf8_input = !dec.converting;
	d.base = dec.base;
	d.last_nl = 1;
	sp_utf8_stats_init(&d.invalid);
	if (dec.converting)
		n_converted++;
	sp_each_unit_fd(dec.fd, display, index, SP_FRAME_DOCUMENTS, one_unit,
	    &d);
	if (decode_close(&dec) < 0)
		sp_warn_status(SP_EXIT_ERROR, display, "%s", strerror(errno));
	sp_close_input(fd);
	enc = dec.guess.name;
	if (dec.converting) {
		count = dec.invalid;
		first = dec.first_invalid;
	} else {
		count = d.invalid.count[0];
		first = d.invalid.first_offset;
	}
	n_invalid += count;
	if (count > 0 && strict)
		sp_warn_status(SP_EXIT_PROBLEMS, display, "invalid %s at byte "
		    "%lld (%llu invalid sequence%s, replaced by U+FFFD)",
		    enc, (long long)first, (unsigned long long)count,
		    count == 1 ? "" : "s");
}

static void
stats(void)
{
	if (!sp_opts.stats)
		return;
	sp_stat_add("documents", n_docs);
	if (on[S_DECODE]) {
		sp_stat_add("decode: files converted", n_converted);
		sp_stat_add("decode: binary files skipped", n_binary);
	}
	sp_stat_add("decode: invalid sequences", n_invalid);
	if (on[S_HTML]) {
		sp_stat_add("html: references decoded", html_st.refs);
		sp_stat_add("html: tags removed", html_st.tags);
		sp_stat_add("html: scripts and styles removed",
		    html_st.scripts);
	}
	if (on[S_UNICODE]) {
		sp_stat_add("unicode: characters removed", norm_st.removed);
		sp_stat_add("unicode: line ends made LF", norm_st.newlines);
		sp_stat_add("unicode: lines normalized", norm_st.normalized);
	}
	if (on[S_SPACES]) {
		sp_stat_add("spaces: removed", spaces_st.removed);
		sp_stat_add("spaces: made one space", spaces_st.changed);
		sp_stat_add("spaces: paragraph breaks", spaces_st.breaks);
	}
	if (on[S_PINYIN])
		sp_stat_add("pinyin: annotations dropped", n_pinyin);
	if (on[S_MOJIBAKE]) {
		sp_stat_add("mojibake: spans repaired", moji_st.repaired);
		sp_stat_add("mojibake: spans unrepairable",
		    moji_st.unrepairable);
	}
	if (on[S_PUNCT])
		sp_stat_add("punct: marks converted", n_punct);
	if (on[S_BOILERPLATE])
		sp_stat_add("boilerplate: lines dropped", n_boiler);
	if (on[S_HARDWRAP])
		sp_stat_add("hardwrap: lines joined", n_joins);
	if (on[S_SCRIPT])
		sp_stat_add("script: lines converted", n_script);
	sp_stat_add("empty lines dropped", n_empty);
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
			on[i] = 0;
	while (*p) {
		c = strchr(p, ',');
		len = c ? (size_t)(c - p) : strlen(p);
		if ((s = step_by_name(p, len)) < 0 || s == S_SCRIPT)
			sp_usage_error("--only: unknown step '%.*s' (steps: "
			    "decode html unicode spaces pinyin mojibake punct "
			    "boilerplate hardwrap)", (int)len, p);
		on[s] = 1;
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
	};
	static char nonames[NSTEPS][24];
	const char **rules = NULL;
	size_t nrules = 0, i;
	char err[512];
	int c, n, k;

	sp_tool_init("sp-clean", usage);
	for (n = 0; longopts[n].name; n++)
		;
	for (k = 0; k < NSTEPS; k++) {
		on[k] = k != S_SCRIPT;
		if (k == S_SCRIPT)
			continue;
		snprintf(nonames[k], sizeof nonames[k], "no-%s", step_names[k]);
		longopts[n].name = nonames[k];
		longopts[n].has_arg = no_argument;
		longopts[n].flag = NULL;
		longopts[n++].val = OPT_NO_FIRST + k;
	}
	while ((c = getopt_long(argc, argv, "af:hstvz", longopts, NULL)) != -1) {
		if (c >= OPT_NO_FIRST && c < OPT_NO_FIRST + NSTEPS) {
			on[c - OPT_NO_FIRST] = 0;
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
			nfkc = 1;
			break;
		case 's':
		case 't':
			if (on[S_SCRIPT] && script_to != (c == 's' ?
			    SCRIPT_SIMPLIFIED : SCRIPT_TRADITIONAL))
				sp_usage_error("--to-simplified and "
				    "--to-traditional exclude each other");
			on[S_SCRIPT] = 1;
			script_to = c == 's' ? SCRIPT_SIMPLIFIED :
			    SCRIPT_TRADITIONAL;
			break;
		case OPT_RULES:
			rules = sp_xrealloc(rules, (nrules + 1) *
			    sizeof *rules);
			rules[nrules++] = optarg;
			break;
		case OPT_EXPLAIN:
			explain = 1;
			break;
		case OPT_KEEP:
			on[S_BOILERPLATE] = 0;
			break;
		case OPT_ONLY:
			only(optarg);
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
	if (on[S_SCRIPT] && script_open(script_to, err, sizeof err) < 0)
		sp_die(NULL, "%s", err);
	if (on[S_BOILERPLATE] || nrules > 0) {
		if ((bp = boilerplate_new(err, sizeof err)) == NULL)
			sp_die(NULL, "%s", err);
		for (i = 0; i < nrules; i++)
			load_rules(rules[i]);
	}
	free(rules);
	if (argc == 0)
		one_file("-", 0);
	for (k = 0; k < argc; k++)
		one_file(argv[k], k);
	stats();
	if (bp)
		boilerplate_free(bp);
	script_close();
	sp_buf_free(&a);
	sp_buf_free(&b);
	sp_buf_free(&sane);
	return sp_finish();
}
