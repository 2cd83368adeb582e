/*
 * twopass.c: --drop-all, which must know how often a unit comes before it
 * judges the first copy: counts every operand, then judges them again.
 * Input that cannot be read twice (standard input, pipes) is spooled to a
 * temporary file first, never held in memory.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"
#include "spool.h"
#include "tool.h"
#include "stream.h"

/* The first pass over one operand. */
struct count {
	struct run *r;
	char done;		/* read to its end */
};

/* The first pass's count of a unit, whole or over --max-unit. */
static int
count_unit(const struct sp_input_unit *in, void *ctx)
{
	struct run *r = ((struct count *)ctx)->r;
	unsigned f = in->unit->flags;
	uint64_t pos = POS(r->file_base, in->unit->number);

	if (!(f & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)))
		dedupe_count(&r->dd, in->text, in->len, pos);
	else if (dedupe_feed(&r->dd, &r->big, f, in->text, in->len))
		dedupe_count_fp(&r->dd, &r->big, pos);
	return 0;
}

/* Marks an operand read to its end by the first pass. */
static void
counted(const char *file, int index, void *ctx)
{
	(void)file;
	(void)index;
	((struct count *)ctx)->done = 1;
}

/*
 * Makes path[i] a name that can be read twice: a pipe or device is
 * spooled to a temporary file, named /dev/fd/N; one that cannot be read
 * is reported, and path[i] set to NULL.
 */
static void
rereadable(char **path, int i, int *stdin_copy)
{
	const char *what;
	struct stat st;
	int fd, c;

	if (strcmp(path[i], "-") == 0) {
		if (*stdin_copy < 0 &&
		    (*stdin_copy = sp_spool(STDIN_FILENO, &what)) < 0)
			sp_die("<stdin>", "%s: %s", what, strerror(errno));
		return;
	}
	if (stat(path[i], &st) < 0 || S_ISREG(st.st_mode) ||
	    S_ISDIR(st.st_mode))
		return;		/* read twice, or reported by pass 1 */
	if ((fd = open(path[i], O_RDONLY | O_CLOEXEC)) < 0)
		return;
	c = sp_spool(fd, &what);
	close(fd);
	if (c < 0 && strcmp(what, "reading") == 0) {
		sp_warn_status(SP_EXIT_ERROR, path[i], "%s", strerror(errno));
		path[i] = NULL;
		return;
	}
	if (c < 0)
		sp_die(path[i], "%s: %s", what, strerror(errno));
	path[i] = sp_xmalloc(32);
	snprintf(path[i], 32, "/dev/fd/%d", c);
}

/*
 * Puts standard input back at the start of its spooled copy for the
 * first "-" of the operands, at its end for any other: read once, as
 * in one pass, standard input has nothing left for a second "-".
 */
static void
rewind_stdin(const char *path, int stdin_copy, int first)
{
	if (strcmp(path, "-") == 0 && (lseek(stdin_copy, 0, first ?
	    SEEK_SET : SEEK_END) < 0 || dup2(stdin_copy, STDIN_FILENO) < 0))
		sp_die("<stdin>", "%s", strerror(errno));
}

void
two_passes(struct run *r, int argc, char **argv, enum sp_framing unit)
{
	char **path;
	char *ok;
	int i, stdin_copy = -1, first_dash = -1;

	argv = sp_operands(&argc, argv);
	path = sp_xmalloc((size_t)argc * sizeof *path);
	ok = sp_xmalloc((size_t)argc);
	for (i = 0; i < argc; i++) {
		path[i] = argv[i];
		rereadable(path, i, &stdin_copy);
		if (first_dash < 0 && strcmp(argv[i], "-") == 0)
			first_dash = i;
	}
	/* What is wrong with the input is told by the second pass. */
	sp_stream_quiet(1);
	sp_progress_pass("first pass");
	for (i = 0; i < argc; i++) {
		struct count c = { r, 0 };

		if (path[i] != NULL) {
			rewind_stdin(path[i], stdin_copy, i == first_dash);
			r->file_base = i;
			sp_each_unit(1, &path[i], unit, count_unit, counted,
			    &c);
		}
		ok[i] = c.done;
	}
	sp_stream_quiet(0);
	sp_progress_pass("second pass");
	/*
	 * One stream over all operands, as in one pass: a file's last
	 * document or paragraph stays apart from the next file's first (its
	 * separator is owed across the files, which sp_each_unit() would
	 * forget at each call).
	 */
	for (i = 0; i < argc; i++) {
		const char *display;
		int fd;

		if (!ok[i])
			continue;
		rewind_stdin(path[i], stdin_copy, i == first_dash);
		r->file_base = i;
		if ((fd = sp_open_input(path[i], &display)) < 0)
			continue;
		sp_each_unit_fd(fd, display, 0, unit, run_unit, r);
		sp_close_input(fd);
	}
	for (i = 0; i < argc; i++)
		if (path[i] != argv[i])
			free(path[i]);	/* the /dev/fd names, or NULL */
	free(ok);
	free(path);
}
