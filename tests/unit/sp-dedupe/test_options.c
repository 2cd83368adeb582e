/*
 * Unit tests of bin/sp-dedupe/options.c: every rule of the table, given
 * its own options on a command line, is a usage error (exit 2) with its
 * message, and is silent once its requirement is met or when only one of
 * two options it keeps apart is given.  So the table cannot drift from
 * what sp-dedupe does, nor a rule hide behind one checked before it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "options.h"
#include "tool.h"

/* A value for each option that takes one. */
static const char *
sample(const char *name)
{
	static const char *const args[][2] = {
		{ "--shingle", "3" }, { "--min-chars", "5" },
		{ "--repeats", "3" }, { "--store", "store" },
		{ "--report", "report" }, { "--drop-positions", "list" },
		{ "--shard", "2" }, { "--merge-store", "dst" },
	};
	size_t i;

	for (i = 0; i < sizeof args / sizeof args[0]; i++)
		if (strcmp(args[i][0], name) == 0)
			return args[i][1];
	return NULL;
}

/* Adds the options of set to argv[*n..]. */
static void
add(char **argv, int *n, uint32_t set)
{
	int b;

	for (b = 0; b < N_OPTION_BITS; b++) {
		if (!(set & GIVEN(b)))
			continue;
		argv[(*n)++] = (char *)option_name(b);
		if (sample(option_name(b)))
			argv[(*n)++] = (char *)sample(option_name(b));
	}
}

/*
 * Parses and checks the options of set in a child; returns its exit
 * status, with what it said on stderr in err.
 */
static int
run(uint32_t set, char *err, size_t len)
{
	char *argv[2 * N_OPTION_BITS + 2] = { "sp-dedupe" };
	struct options o;
	int fd[2], argc = 1, status;
	ssize_t got;
	size_t n;
	pid_t pid;

	add(argv, &argc, set);
	argv[argc] = NULL;
	fflush(stdout);
	if (pipe(fd) < 0 || (pid = fork()) < 0) {
		perror("test_options");
		exit(2);
	}
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		sp_tool_init("sp-dedupe", options_usage);
		options_parse(&o, argc, argv);
		options_check(&o);
		_exit(0);
	}
	close(fd[1]);
	for (n = 0; n < len - 1 && (got = read(fd[0], err + n,
	    len - 1 - n)) > 0; n += (size_t)got)
		;
	err[n] = '\0';
	close(fd[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Appends the names of set to s: "A", "A<last>B", "A, B<last>C". */
static void
names(char *s, size_t len, uint32_t set, const char *last)
{
	int b, k = 0, i = 0;

	for (b = 0; b < N_OPTION_BITS; b++)
		k += (set & GIVEN(b)) != 0;
	for (b = 0; b < N_OPTION_BITS; b++) {
		if (!(set & GIVEN(b)))
			continue;
		if (i++ > 0)
			strncat(s, i == k ? last : ", ", len - strlen(s) - 1);
		strncat(s, option_name(b), len - strlen(s) - 1);
	}
}

/* The first line sp-dedupe must say for rule r, given one of its others. */
static void
expected(const struct option_rule *r, uint32_t other, char *s, size_t len)
{
	snprintf(s, len, "sp-dedupe: ");
	names(s, len, r->when, " with ");
	if (r->kind == EXCLUDES) {
		strncat(s, " and ", len - strlen(s) - 1);
		names(s, len, other, "");
		strncat(s, " exclude each other", len - strlen(s) - 1);
	} else {
		strncat(s, " requires ", len - strlen(s) - 1);
		names(s, len, r->other, " or ");
	}
	if (r->why) {
		strncat(s, ": ", len - strlen(s) - 1);
		strncat(s, r->why, len - strlen(s) - 1);
	}
	strncat(s, "\n", len - strlen(s) - 1);
}

/* Whether err opens with line want. */
static int
opens_with(const char *err, const char *want)
{
	if (strncmp(err, want, strlen(want)) == 0)
		return 1;
	printf("# said: %.*s", (int)strcspn(err, "\n") + 1, err);
	printf("# want: %s", want);
	return 0;
}

static void
test_rule(const struct option_rule *r)
{
	char err[1024], want[512];
	int b;

	for (b = 0; b < N_OPTION_BITS; b++) {
		if (!(r->other & GIVEN(b)))
			continue;
		if (r->kind == EXCLUDES) {
			expected(r, GIVEN(b), want, sizeof want);
			CHECK_INT(run(r->when | GIVEN(b), err, sizeof err), 2);
			CHECK(opens_with(err, want));
			run(GIVEN(b), err, sizeof err);
			CHECK(strstr(err, want) == NULL);
		} else {
			expected(r, 0, want, sizeof want);
			run(r->when | GIVEN(b), err, sizeof err);
			CHECK(strstr(err, want) == NULL);
		}
	}
	if (r->kind == EXCLUDES) {
		run(r->when, err, sizeof err);
		CHECK(strstr(err, "exclude each other") == NULL);
	} else {
		CHECK_INT(run(r->when, err, sizeof err), 2);
		CHECK(opens_with(err, want));
	}
}

int
main(void)
{
	char err[1024];
	size_t i;
	int b;

	for (b = 0; b < N_OPTION_BITS; b++)
		CHECK(option_name(b) != NULL && option_name(b)[0] == '-');
	for (i = 0; i < n_option_rules; i++) {
		CHECK(option_rules[i].when != 0 && option_rules[i].other != 0);
		/* An exclusion keeps one option from others. */
		if (option_rules[i].kind == EXCLUDES)
			CHECK(__builtin_popcount(option_rules[i].when) == 1);
		test_rule(&option_rules[i]);
	}
	/* Options that break no rule pass the check. */
	CHECK_INT(run(GIVEN(O_DOCUMENTS) | GIVEN(O_CONTAINED), err,
	    sizeof err), 0);
	CHECK_INT(run(GIVEN(O_EMIT_KEYS) | GIVEN(O_STORE) |
	    GIVEN(O_STORE_READONLY) | GIVEN(O_SHARD), err, sizeof err), 0);
	return check_done("sp-dedupe/test_options");
}
