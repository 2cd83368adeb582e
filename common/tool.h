/*
 * tool.h: the suite's conventions, shared by every sp-* program.
 *
 * This is the one part of common/ that prints and exits, because those are
 * its job: messages "sp-TOOL: FILE: reason" on stderr, the exit status
 * (0 success, 1 problems the user asked about, 2 errors), checked output to
 * stdout where a closed pipe ends the program quietly, the options every
 * tool shares, --stats and --progress.
 */
#ifndef SP_TOOL_H
#define SP_TOOL_H
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdnoreturn.h>

#include "reader.h"

enum { SP_EXIT_OK = 0, SP_EXIT_PROBLEMS = 1, SP_EXIT_ERROR = 2 };

/* Options shared by the tools, filled in by sp_common_option(). */
struct sp_common_opts {
	int nul;		/* -z: documents separated by NUL */
	int jsonl;		/* --jsonl */
	const char *field;	/* --field, default "text" */
	size_t max_unit;	/* --max-unit */
	int stats;		/* --stats */
	int progress;		/* --progress (and stderr is a terminal) */
};
extern struct sp_common_opts sp_opts;

/* Long-option codes of the shared options, above any short option. */
enum {
	SP_OPT_JSONL = 0x1000, SP_OPT_FIELD, SP_OPT_MAX_UNIT, SP_OPT_STATS,
	SP_OPT_PROGRESS, SP_OPT_VERSION, SP_OPT_TOOL_BASE = 0x1100
};
#define SP_COMMON_LONGOPTS \
	{ "help",     no_argument,       NULL, 'h' }, \
	{ "version",  no_argument,       NULL, SP_OPT_VERSION }, \
	{ "null",     no_argument,       NULL, 'z' }, \
	{ "jsonl",    no_argument,       NULL, SP_OPT_JSONL }, \
	{ "field",    required_argument, NULL, SP_OPT_FIELD }, \
	{ "max-unit", required_argument, NULL, SP_OPT_MAX_UNIT }, \
	{ "stats",    no_argument,       NULL, SP_OPT_STATS }, \
	{ "progress", no_argument,       NULL, SP_OPT_PROGRESS }

/*
 * Sets the program name, the usage text (printed by -h and, shortened, on
 * usage errors) and the default options; ignores SIGPIPE so that a closed
 * pipe is seen as EPIPE and ends the program quietly, and SIGXFSZ so that
 * a file over the size limit is a write error (EFBIG), not a kill.
 */
void sp_tool_init(const char *name, const char *usage);
/*
 * Calls fn on SIGINT, SIGTERM and SIGHUP, for clean-up before the signal
 * ends the program, except for those ignored when the program started:
 * under nohup(1) a hangup must not end it, nor an interrupt a job the
 * shell started in the background.
 */
void sp_catch_signals(void (*fn)(int));
/*
 * Handles a shared option: -h, --version, -z, --jsonl, --field,
 * --max-unit, --stats, --progress.  Returns 1 if c was one, else 0.
 */
int sp_common_option(int c, const char *arg);

extern const char *sp_progname;
/* The exit status so far: raised by sp_warn_status() and friends. */
extern int sp_status;
/*
 * The exit status less the refusals of sp_warn_refused(): a record that
 * cannot be used is written back as it is and leaves the rest of the run
 * whole, which sp-split -d -o tells apart from a failed run.  A tool that
 * holds messages (sp-clean) counts a held refusal as any error.
 */
extern int sp_status_besides_refused;

/* "sp-TOOL: FILE: message" (FILE omitted when NULL). */
void sp_warn(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* sp_warn() that also raises the exit status to at least status. */
void sp_warn_status(int status, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/*
 * sp_warn_status(SP_EXIT_ERROR, ...) for a unit refused and written back
 * as it is: sp_status_besides_refused stays.
 */
void sp_warn_refused(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/*
 * A tool that holds messages, to print them later in the order of its
 * input (sp-clean: bin/sp-clean/held.c), sets a holder.  hold is given
 * each message of sp_warn() (status 0), sp_warn_status() and
 * sp_warn_once() (key not NULL) and returns 1 if it kept it for the
 * calling thread, 0 to have it printed now; flush prints what the calling
 * thread keeps, before a fatal error's message.
 */
struct sp_warn_holder {
	int  (*hold)(int status, const void *key, const char *file,
	    const char *fmt, va_list ap);
	void (*flush)(void);
};
void sp_warn_set_holder(const struct sp_warn_holder *h);
/* Is this the first message told with key?  (Remembers it.) */
int sp_warn_first(const void *key);
/*
 * The messages told once so far, and a return to them: a pass whose
 * messages are held and dropped (sp-clean's first pass for --furniture)
 * leaves the once-told ones to be told by the pass after it.
 */
size_t sp_warn_first_mark(void);
void sp_warn_first_rewind(size_t mark);
/* Before writing on stderr: stdout flushed, a progress line cleared. */
void sp_stderr_clear(void);
/*
 * sp_warn() of a message told once a run: only the first printed of those
 * with this key (any pointer that names the cause) is printed, held or not.
 */
void sp_warn_once(const void *key, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A usage error: message, a hint to --help, exit 2. */
noreturn void sp_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* A fatal error: message, exit 2. */
noreturn void sp_die(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Parses a number in [min, max] for option opt, or dies with a usage error.
 * sp_parse_size() also takes a K, M or G suffix (powers of 1024).
 */
long long sp_parse_number(const char *opt, const char *s, long long min,
    long long max);
size_t sp_parse_size(const char *opt, const char *s);
/* Parses a fraction in [0, 1] for option opt, or dies. */
double sp_parse_fraction(const char *opt, const char *s);

/*
 * Opens an operand: "-" is standard input.  Returns the descriptor, or -1
 * after reporting the failure (and raising the status to 2).  *display gets
 * the name to use in messages ("<stdin>" for "-").
 */
int sp_open_input(const char *name, const char **display);
void sp_close_input(int fd);

/* The framing chosen by the options, given the tool's unit. */
enum sp_framing sp_framing_for(enum sp_framing unit);
/* A reader with --max-unit applied; dies when out of memory. */
struct sp_reader *sp_reader_for(int fd, enum sp_framing f);

/*
 * Standard output.  On a write error the program reports "stdout: reason"
 * and exits 2; on a closed pipe it exits quietly with the status so far.
 */
void sp_write(const void *p, size_t n);
void sp_putc(int c);
void sp_puts(const char *s);
/* Flushes stdout, prints --stats, and returns the exit status. */
int sp_finish(void);

/* --stats: named counters, printed in the order first added. */
void sp_stat_add(const char *name, uint64_t n);
/* --progress: called with the bytes read so far; rate-limited. */
void sp_progress(uint64_t bytes);
/*
 * --progress of a tool that reads its input more than once: counts from 0
 * again, naming the pass ("first pass"), so no byte is counted twice.
 */
void sp_progress_pass(const char *pass);

/* Prints the version and the libraries built in, then exits 0. */
noreturn void sp_version(void);
/* The same, with more libraries that only this tool uses ("libxml2 2.9"). */
noreturn void sp_version_also(const char *libs);
/* Out of memory is fatal everywhere: reports and exits 2. */
noreturn void sp_oom(void);
void *sp_xmalloc(size_t n);
void *sp_xrealloc(void *p, size_t n);
char *sp_xstrdup(const char *s);

#endif
