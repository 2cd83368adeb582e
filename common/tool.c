/* tool.c: the suite's conventions; see tool.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <lmdb.h>
#include <utf8proc.h>
#include <xxhash.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "out.h"
#include "tool.h"

struct sp_common_opts sp_opts;
const char *sp_progname = "sp";
int sp_status = SP_EXIT_OK;
int sp_status_besides_refused = SP_EXIT_OK;

static const char *usage_text = "";
static struct sp_out stdout_buf;

/* --progress state: bytes of finished inputs plus the current one's. */
static int progress_on;
static uint64_t progress_base, progress_cur;
static struct timespec progress_t0, progress_last;
static const char *progress_pass;	/* "second pass", or NULL */
static int progress_printed;
/* Output goes to the terminal the progress line is on: the line is
 * taken away before output and drawn after it, never glued to it. */
static int progress_shares_tty;

void
sp_tool_init(const char *name, const char *usage)
{
	sp_progname = name;
	usage_text = usage;
	sp_opts.field = "text";
	sp_opts.max_unit = SP_DEFAULT_MAX_UNIT;
	signal(SIGPIPE, SIG_IGN);
	/*
	 * Past the file size limit (ulimit -f) a write fails with EFBIG,
	 * reported like a full disk, and sp-split -o removes its files;
	 * the signal would kill the program and leave them half written.
	 */
	signal(SIGXFSZ, SIG_IGN);
	if (sp_out_init(&stdout_buf, STDOUT_FILENO, 0) < 0)
		sp_oom();
}

void
sp_catch_signals(void (*fn)(int))
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa, old;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		(void)sigaction(sigs[i], &sa, NULL);
	}
}

/*
 * A tool may hold messages to print them later (tool.h); sp_warn_once()
 * remembers the keys told, held or not, so it needs a lock.
 */
static const struct sp_warn_holder *holder;
static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;
static uintptr_t once_keys[256];
static size_t once_n;

void
sp_warn_set_holder(const struct sp_warn_holder *h)
{
	holder = h;
}

int
sp_warn_first(const void *key)
{
	size_t i;
	int first = 1;

	pthread_mutex_lock(&once_lock);
	for (i = 0; i < once_n && first; i++)
		first = once_keys[i] != (uintptr_t)key;
	if (first && once_n < sizeof once_keys / sizeof once_keys[0])
		once_keys[once_n++] = (uintptr_t)key;
	pthread_mutex_unlock(&once_lock);
	return first;
}

size_t
sp_warn_first_mark(void)
{
	size_t n;

	pthread_mutex_lock(&once_lock);
	n = once_n;
	pthread_mutex_unlock(&once_lock);
	return n;
}

void
sp_warn_first_rewind(size_t mark)
{
	pthread_mutex_lock(&once_lock);
	if (mark < once_n)
		once_n = mark;
	pthread_mutex_unlock(&once_lock);
}

static void
raise_status(int status, int refused)
{
	if (status > sp_status)
		sp_status = status;
	if (!refused && status > sp_status_besides_refused)
		sp_status_besides_refused = status;
}

void
sp_stderr_clear(void)
{
	fflush(stdout);
	if (progress_printed) {
		fputs("\r\033[K", stderr);
		progress_printed = 0;
	}
}

/* Did the holder take the message? */
static int
held(int status, const void *key, const char *file, const char *fmt,
    va_list ap)
{
	return holder && holder->hold(status, key, file, fmt, ap);
}

static void
vwarn(const char *file, const char *fmt, va_list ap)
{
	if (holder)
		holder->flush();
	sp_stderr_clear();
	if (file)
		fprintf(stderr, "%s: %s: ", sp_progname, file);
	else
		fprintf(stderr, "%s: ", sp_progname);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
sp_warn(const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!held(0, NULL, file, fmt, ap))
		vwarn(file, fmt, ap);
	va_end(ap);
}

/* A message that raises the exit status (refused: a unit refused). */
static void
warn_raising(int status, int refused, const char *file, const char *fmt,
    va_list ap)
{
	if (!held(status, NULL, file, fmt, ap)) {
		vwarn(file, fmt, ap);
		raise_status(status, refused);
	}
}

void
sp_warn_status(int status, const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn_raising(status, 0, file, fmt, ap);
	va_end(ap);
}

void
sp_warn_refused(const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warn_raising(SP_EXIT_ERROR, 1, file, fmt, ap);
	va_end(ap);
}

void
sp_warn_once(const void *key, const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (!held(0, key, file, fmt, ap) && sp_warn_first(key))
		vwarn(file, fmt, ap);
	va_end(ap);
}

void
sp_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(NULL, fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n",
	    sp_progname);
	exit(SP_EXIT_ERROR);
}

void
sp_die(const char *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(file, fmt, ap);
	va_end(ap);
	exit(SP_EXIT_ERROR);
}

void
sp_oom(void)
{
	sp_die(NULL, "out of memory");
}

void *
sp_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		sp_oom();
	return p;
}

void *
sp_xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		sp_oom();
	sp_huge_pages(p, n);
	return p;
}

char *
sp_xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		sp_oom();
	return p;
}

long long
sp_parse_number(const char *opt, const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno == ERANGE || v < min || v > max)
		sp_usage_error("%s: '%s' is not a number from %lld to %lld",
		    opt, s, min, max);
	return v;
}

size_t
sp_parse_size(const char *opt, const char *s)
{
	char *end;
	unsigned long long v, mult = 1;

	errno = 0;
	if (*s == '-')
		sp_usage_error("%s: '%s' is not a size", opt, s);
	v = strtoull(s, &end, 10);
	if (end != s && (*end == 'K' || *end == 'k'))
		mult = 1ULL << 10, end++;
	else if (end != s && *end == 'M')
		mult = 1ULL << 20, end++;
	else if (end != s && *end == 'G')
		mult = 1ULL << 30, end++;
	if (end == s || *end != '\0' || errno == ERANGE || v == 0 ||
	    v > (unsigned long long)SIZE_MAX / mult)
		sp_usage_error("%s: '%s' is not a size (a positive number, "
		    "optionally with K, M or G)", opt, s);
	return (size_t)(v * mult);
}

double
sp_parse_fraction(const char *opt, const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno == ERANGE || !(v >= 0 && v <= 1))
		sp_usage_error("%s: '%s' is not a number from 0 to 1", opt, s);
	return v;
}

int
sp_common_option(int c, const char *arg)
{
	switch (c) {
	case 'h':
		fputs(usage_text, stdout);
		if (fflush(stdout) == EOF || ferror(stdout))
			exit(SP_EXIT_ERROR);
		exit(SP_EXIT_OK);
	case SP_OPT_VERSION:
		sp_version();
	case 'z':
		sp_opts.nul = 1;
		return 1;
	case SP_OPT_JSONL:
		sp_opts.jsonl = 1;
		return 1;
	case SP_OPT_FIELD:
		if (*arg == '\0')
			sp_usage_error("--field: the name is empty");
		sp_opts.field = arg;
		/* A field is a member of JSON Lines records: naming one
		 * without --jsonl would clean the records as text. */
		sp_opts.jsonl = 1;
		return 1;
	case SP_OPT_MAX_UNIT:
		sp_opts.max_unit = sp_parse_size("--max-unit", arg);
		return 1;
	case SP_OPT_STATS:
		sp_opts.stats = 1;
		return 1;
	case SP_OPT_PROGRESS:
		sp_opts.progress = 1;
		progress_on = isatty(STDERR_FILENO);
		progress_shares_tty = progress_on && isatty(STDOUT_FILENO);
		clock_gettime(CLOCK_MONOTONIC, &progress_t0);
		return 1;
	case '?':
		fprintf(stderr, "Try '%s --help' for more information.\n",
		    sp_progname);
		exit(SP_EXIT_ERROR);
	}
	return 0;
}

int
sp_open_input(const char *name, const char **display)
{
	int fd;

	if (strcmp(name, "-") == 0) {
		*display = "<stdin>";
		return STDIN_FILENO;
	}
	*display = name;
	fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		sp_warn_status(SP_EXIT_ERROR, name, "%s", strerror(errno));
		return -1;
	}
	return fd;
}

void
sp_close_input(int fd)
{
	if (fd != STDIN_FILENO)
		close(fd);
}

enum sp_framing
sp_framing_for(enum sp_framing unit)
{
	if (sp_opts.jsonl)
		return SP_FRAME_LINES;
	if (unit == SP_FRAME_DOCUMENTS && sp_opts.nul)
		return SP_FRAME_NUL;
	return unit;
}

struct sp_reader *
sp_reader_for(int fd, enum sp_framing f)
{
	struct sp_reader *r = sp_reader_new(fd, f, sp_opts.max_unit);

	if (r == NULL)
		sp_oom();
	progress_base += progress_cur;
	progress_cur = 0;
	return r;
}

static void
write_failed(void)
{
	if (errno == EPIPE)
		exit(sp_status);	/* the reader has gone: end quietly */
	sp_die("stdout", "%s", strerror(errno));
}

/* The progress line taken away, where output shares its terminal. */
static void
progress_away(void)
{
	if (progress_printed && progress_shares_tty) {
		fputs("\r\033[K", stderr);
		progress_printed = 0;
	}
}

void
sp_write(const void *p, size_t n)
{
	progress_away();
	if (sp_out_write(&stdout_buf, p, n) < 0)
		write_failed();
}

void
sp_putc(int c)
{
	progress_away();
	if (sp_out_putc(&stdout_buf, c) < 0)
		write_failed();
}

void
sp_puts(const char *s)
{
	sp_write(s, strlen(s));
}

/* --stats counters: a handful per tool, so a small array will do. */
struct stat_entry {
	const char *name;
	uint64_t n;
};
static struct stat_entry stats[64];
static size_t nstats;

void
sp_stat_add(const char *name, uint64_t n)
{
	size_t i;

	for (i = 0; i < nstats; i++)
		if (strcmp(stats[i].name, name) == 0) {
			stats[i].n += n;
			return;
		}
	if (nstats < sizeof stats / sizeof stats[0]) {
		stats[nstats].name = name;
		stats[nstats++].n = n;
	}
}

static double
seconds_since(const struct timespec *t0, const struct timespec *t1)
{
	return (double)(t1->tv_sec - t0->tv_sec) +
	    (double)(t1->tv_nsec - t0->tv_nsec) / 1e9;
}

void
sp_progress(uint64_t bytes)
{
	struct timespec now;
	double total, secs;

	progress_cur = bytes;
	if (!progress_on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (seconds_since(&progress_last, &now) < 0.25)
		return;
	progress_last = now;
	/* The output so far first, then the line below it. */
	if (progress_shares_tty && sp_out_flush(&stdout_buf) < 0)
		write_failed();
	total = (double)(progress_base + progress_cur) / 1e6;
	secs = seconds_since(&progress_t0, &now);
	fprintf(stderr, "\r\033[K%s: %s%s%.1f MB, %.1f MB/s", sp_progname,
	    progress_pass ? progress_pass : "", progress_pass ? ": " : "",
	    total, secs > 0 ? total / secs : 0.0);
	progress_printed = 1;
}

void
sp_progress_pass(const char *pass)
{
	progress_pass = pass;
	progress_base = progress_cur = 0;
	clock_gettime(CLOCK_MONOTONIC, &progress_t0);
	/* Shown at once: a fast pass still says which it is. */
	memset(&progress_last, 0, sizeof progress_last);
}

int
sp_finish(void)
{
	size_t i;

	if (sp_out_flush(&stdout_buf) < 0)
		write_failed();
	if (progress_printed) {
		fputs("\r\033[K", stderr);
		progress_printed = 0;
	}
	if (sp_opts.stats)
		for (i = 0; i < nstats; i++)
			fprintf(stderr, "%s: stats: %s: %llu\n", sp_progname,
			    stats[i].name, (unsigned long long)stats[i].n);
	sp_out_free(&stdout_buf);
	return sp_status;
}

void
sp_version(void)
{
	sp_version_also(NULL);
}

void
sp_version_also(const char *libs)
{
	printf("%s (sp) %s\n", sp_progname, SP_VERSION);
	printf("utf8proc %s, jansson %s, xxHash %u.%u.%u, PCRE2 %d.%d, "
	    "LMDB %d.%d.%d, uchardet, iconv%s%s\n", utf8proc_version(),
	    JANSSON_VERSION, XXH_VERSION_MAJOR, XXH_VERSION_MINOR,
	    XXH_VERSION_RELEASE, PCRE2_MAJOR, PCRE2_MINOR, MDB_VERSION_MAJOR,
	    MDB_VERSION_MINOR, MDB_VERSION_PATCH, libs ? ", " : "",
	    libs ? libs : "");
#ifdef SP_HAVE_OPENCC
	printf("OpenCC: yes (sp-clean --to-simplified, --to-traditional)\n");
#else
	printf("OpenCC: no (built without it: script conversion unavailable)\n");
#endif
	if (fflush(stdout) == EOF || ferror(stdout))
		exit(SP_EXIT_ERROR);
	exit(SP_EXIT_OK);
}
