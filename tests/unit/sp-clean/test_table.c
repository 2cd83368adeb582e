/*
 * test_table.c: sp-clean's step table (steps.h) against what is said of
 * it: the man page's step list, numbers and options, --help, the --stats
 * labels; and each step run through the table does what its file does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "check.h"
#include "steps.h"

#define MAN "man/sp-clean.1"

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *s;
	size_t n = 0, cap = 1 << 16, r;

	if (f == NULL)
		return NULL;
	s = malloc(cap);
	while (s && (r = fread(s + n, 1, cap - n - 1, f)) > 0)
		if ((n += r) + 1 == cap)
			s = realloc(s, cap *= 2);
	fclose(f);
	if (s)
		s[n] = '\0';
	return s;
}

/* Is name a word of s (between non-letters)? */
static int
has_word(const char *s, const char *name)
{
	size_t k = strlen(name);
	const char *p;

	for (p = s; (p = strstr(p, name)) != NULL; p++)
		if ((p == s || !(p[-1] >= 'a' && p[-1] <= 'z')) &&
		    !(p[k] >= 'a' && p[k] <= 'z') && p[k] != '-')
			return 1;
	return 0;
}

/* The step list: ".It Cm NAME No (N)", in the table's order. */
static void
man_step_list(const char *man)
{
	const char *p = man;
	char name[32];
	int i = 0, num;

	while ((p = strstr(p, "\n.It Cm ")) != NULL) {
		p++;
		if (sscanf(p, ".It Cm %31s No (%d)", name, &num) != 2)
			continue;
		if (!CHECK(i < NSTEPS))
			break;
		if (!CHECK(strcmp(name, steps[i].name) == 0))
			printf("  man page step %d is %s, the table's %s\n",
			    i + 1, name, steps[i].name);
		CHECK_INT(num, i + 1);
		i++;
	}
	CHECK_INT(i, NSTEPS);
}

/* --no-STEP for each step but those by option, and --only's list. */
static void
man_options(const char *man)
{
	const char *p, *end;
	char opt[48], list[512], names[256];
	size_t n = 0;
	int i;

	p = strstr(man, "Run only the steps named, comma-separated (");
	if (!CHECK(p != NULL))
		return;
	p = strchr(p, '(') + 1;
	end = strchr(p, ')');
	for (; p < end && n + 1 < sizeof list; p++)
		if (*p != ',')
			list[n++] = *p == '\n' ? ' ' : *p;
	list[n] = '\0';
	for (i = 0; i < NSTEPS; i++) {
		snprintf(opt, sizeof opt, "Fl \\-no-%s", steps[i].name);
		if (steps[i].by_option) {
			CHECK(!has_word(man, opt));
			CHECK(!has_word(list, steps[i].name));
		} else if (!CHECK(has_word(man, opt) && has_word(list,
		    steps[i].name))) {
			printf("  man page: no --no-%s or not in --only's "
			    "list\n", steps[i].name);
		}
	}
	step_names(names, sizeof names, 0, sizeof names, "");
	if (!CHECK(strcmp(list, names) == 0))
		printf("  --only's list is \"%s\", the table's \"%s\"\n",
		    list, names);
}

/* --help names each step --no-STEP takes, lines under 80 bytes. */
static void
help(void)
{
	const char *b = getenv("SP_BUILD");
	char cmd[1024], *out = NULL, *line;
	size_t n = 0, cap = 0, r;
	FILE *f;
	int i;

	snprintf(cmd, sizeof cmd, "%s%s --help", b ? b : "build",
	    "/bin/sp-clean");
	if (!CHECK((f = popen(cmd, "r")) != NULL))
		return;
	do {
		if (n + 4096 > cap)
			out = realloc(out, cap = cap * 2 + 8192);
		r = fread(out + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	CHECK_INT(pclose(f), 0);
	out[n] = '\0';
	line = strstr(out, "--no-STEP");
	CHECK(line != NULL);
	for (i = 0; line && i < NSTEPS; i++)
		CHECK(has_word(line, steps[i].name) == !steps[i].by_option);
	for (line = strtok(out, "\n"); line; line = strtok(NULL, "\n"))
		CHECK(strlen(line) < 80);
	free(out);
}

/* Each counter's label is "NAME: what". */
static void
labels(void)
{
	size_t k;
	int i;

	for (i = 0; i < NSTEPS; i++) {
		CHECK(step_by_name(steps[i].name, strlen(steps[i].name)) == i);
		CHECK((steps[i].run == NULL) == (steps[i].kind ==
		    STEP_OPERAND));
		for (k = 0; k < STEP_COUNTERS && steps[i].counters[k]; k++)
			CHECK(strncmp(steps[i].counters[k], steps[i].name,
			    strlen(steps[i].name)) == 0 &&
			    strncmp(steps[i].counters[k] +
			    strlen(steps[i].name), ": ", 2) == 0);
		CHECK(k > 0);
	}
	CHECK(step_by_name("nosuch", 6) == -1);
	CHECK(step_by_name("punc", 4) == -1);
}

/* A line or html step run through the table: its output and counter. */
static void
through(int s, const char *in, const char *want, int counter, size_t count)
{
	struct chain_opts o;
	struct sp_buf out = SP_BUF_INIT;
	size_t n[STEP_COUNTERS] = { 0 };
	struct step_ctx c = { &o, "test", n, NULL, NULL, NULL };

	memset(&o, 0, sizeof o);
	CHECK(steps[s].run(in, strlen(in), &out, &c) == 1);
	CHECK_MEM(out.data ? out.data : "", out.len, want);
	CHECK_INT(n[counter], count);
	sp_buf_free(&out);
}

int
main(void)
{
	char *man = slurp(MAN);
	struct sp_buf out = SP_BUF_INIT;
	size_t n[STEP_COUNTERS] = { 0 };
	struct chain_opts o;
	struct step_ctx c = { &o, "test", n, NULL, NULL, NULL };

	if (CHECK(man != NULL)) {
		man_step_list(man);
		man_options(man);
	}
	free(man);
	help();
	labels();

	through(S_HTML, "a<br>b&amp;", "a\nb&", 1, 1);
	through(S_HTML, "a&amp;&lt;", "a&<", 0, 2);
	through(S_UNICODE, "a\r\nb\rc", "a\nb\nc", 1, 2);
	through(S_SPACES, "a\xc2\xa0\xc2\xa0" "b  c", "a b c", 1, 2);
	through(S_PINYIN, "\xe6\x9c\x83(hu\xc3\xac)", "\xe6\x9c\x83", 0, 1);
	through(S_MOJIBAKE, "\xc2\xb8\xc3\xbc\xc2\xb6\xc3\xa0\xc2\xbe\xc2\xab"
	    "\xc3\x90\xc2\xa3",
	    "\xe6\x9b\xb4\xe5\xa4\x9a\xe7\xb2\xbe\xe6\xa0\xa1", 0, 1);
	through(S_PUNCT, "\xe5\xa5\xbd,\xe7\x9a\x84.",
	    "\xe5\xa5\xbd\xef\xbc\x8c\xe7\x9a\x84\xe3\x80\x82", 0, 2);
	/* html leaves a text without markup or references as it was. */
	memset(&o, 0, sizeof o);
	CHECK(steps[S_HTML].run("a > b", 5, &out, &c) == 0);
	CHECK_INT(out.len, 0);
	sp_buf_free(&out);
	chain_thread_end();
	return check_done("test_table");
}
