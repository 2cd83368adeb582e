/*
 * outfiles.c: the files of -d -o, written aside and put in place together;
 * see outfiles.h.
 *
 * Writing in place (open with O_TRUNC) lost the files of the run before
 * when a run failed part-way: the ones already rewritten were removed as
 * "made", the ones after it were left, a mixed set.  Written aside, a file
 * replaces the old one by rename(), which is atomic, and only once every
 * document has been written: a full disk, a bad operand, a symbolic link
 * where a file goes or a signal leaves the old set whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "outfiles.h"
#include "tool.h"

struct outfile {
	char *tmp;		/* the temporary, removed if the run fails */
	const char *path;	/* the name it takes when the run ends well */
};

/*
 * The signal handler reads the list: at every moment it holds every
 * temporary made and not yet renamed, and only those.  It changes with
 * the caught signals blocked.
 */
static struct outfile *files;
static volatile sig_atomic_t nfiles;	/* temporaries made */
static volatile sig_atomic_t nplaced;	/* of them, renamed into place */
static int finished;

static void
remove_temporaries(void)
{
	sig_atomic_t i;

	for (i = nplaced; i < nfiles; i++)
		unlink(files[i].tmp);
}

static void
at_exit(void)
{
	if (!finished)
		remove_temporaries();
}

static void
on_signal(int sig)
{
	remove_temporaries();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
block_signals(sigset_t *old)
{
	sigset_t all;

	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, old);
}

/*
 * Why the file at path may not be replaced, or NULL.  These are the
 * refusals of the old writing in place, kept: a rename would not write
 * through a symbolic link, but one planted where the files go (a shared
 * /tmp) is a sign of mischief, and a file the user made read-only, or a
 * directory, was never overwritten.
 */
static const char *
refusal(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? NULL : strerror(errno);
	if (S_ISLNK(st.st_mode))
		return "a symbolic link: not written through";
	if (S_ISDIR(st.st_mode))
		return strerror(EISDIR);
	if (!S_ISREG(st.st_mode))
		return "not a regular file: not replaced";
	if (access(path, W_OK) < 0)
		return strerror(errno);
	return NULL;
}

/*
 * A name for path's temporary: in its directory (a rename does not cross
 * file systems), hidden, and never PREFIXnn.txt, so that neither ls nor a
 * glob of the final names shows it: dir/.NAME.XXXXXX.
 */
static char *
temporary_name(const char *path, uint64_t r)
{
	static const char set[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	const char *base = strrchr(path, '/');
	size_t dir = base ? (size_t)(base - path) + 1 : 0;
	size_t len = strlen(path);
	char *t = sp_xmalloc(len + 9);
	int k;

	memcpy(t, path, dir);
	t[dir] = '.';
	memcpy(t + dir + 1, path + dir, len - dir);
	t[len + 1] = '.';
	for (k = 0; k < 6; k++, r /= sizeof set - 1)
		t[len + 2 + k] = set[r % (sizeof set - 1)];
	t[len + 8] = '\0';
	return t;
}

/* A new value each call, different from another process's (splitmix64). */
static uint64_t
next_random(void)
{
	static uint64_t state;
	struct timespec ts;
	uint64_t z;

	if (state == 0) {
		clock_gettime(CLOCK_REALTIME, &ts);
		state = (uint64_t)getpid() << 32 ^ (uint64_t)ts.tv_nsec ^
		    (uint64_t)ts.tv_sec;
	}
	z = (state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ z >> 30) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ z >> 27) * 0x94D049BB133111EBULL;
	return z ^ z >> 31;
}

FILE *
outfiles_open(const char *path)
{
	static int registered;
	const char *why;
	sigset_t old;
	FILE *fp;
	char *tmp = NULL;
	int fd = -1, err = 0, tries;

	if ((why = refusal(path)) != NULL)
		sp_die(path, "%s", why);
	if (!registered) {
		registered = 1;
		atexit(at_exit);
		sp_catch_signals(on_signal);
	}
	/* Room first: the handler must never see the list moved mid-way. */
	block_signals(&old);
	files = sp_xrealloc(files, ((size_t)nfiles + 1) * sizeof *files);
	sigprocmask(SIG_SETMASK, &old, NULL);
	/*
	 * O_EXCL: a name taken (by anything, a symbolic link too) is never
	 * opened; another is tried.  Mode 0666 less the umask, as a file
	 * the run made anew always had.
	 */
	for (tries = 0; fd < 0 && tries < 100; tries++) {
		free(tmp);
		tmp = temporary_name(path, next_random());
		block_signals(&old);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
		err = errno;
		if (fd >= 0) {
			files[nfiles].tmp = tmp;
			files[nfiles].path = path;
			nfiles++;
		}
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (fd < 0 && err != EEXIST)
			break;
	}
	if (fd < 0)
		sp_die(path, "%s", strerror(err));
	if ((fp = fdopen(fd, "w")) == NULL)
		sp_oom();
	return fp;
}

void
outfiles_close(FILE *fp, const char *path)
{
	if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF)
		sp_die(path, "%s", strerror(errno));
}

void
outfiles_finish(int ok)
{
	const char *why;
	sigset_t old;
	sig_atomic_t i;

	if (!ok || nfiles == 0) {
		remove_temporaries();
		finished = 1;
		return;
	}
	/*
	 * Every refusal before the first rename, so that one replaces none
	 * (a link planted while the run went on is caught here).  The
	 * signals stay blocked to the exit: a run stopped half-way through
	 * the renames would leave the mixed set this is here to prevent, and
	 * one stopped after them has done its work.
	 */
	block_signals(&old);
	for (i = 0; i < nfiles; i++)
		if ((why = refusal(files[i].path)) != NULL)
			sp_die(files[i].path, "%s", why);
	for (; nplaced < nfiles; nplaced++)
		if (rename(files[nplaced].tmp, files[nplaced].path) < 0)
			sp_die(files[nplaced].path, "%s (the files before it "
			    "are in place, it and the rest are not)",
			    strerror(errno));
	finished = 1;
}
