/* droplist.c: the positions to drop, read in order; see droplist.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dedupe.h"
#include "droplist.h"
#include "keys.h"
#include "tool.h"

struct droplist {
	const char *path;
	FILE *f;
	char *line;
	size_t cap;
	unsigned long long lineno;
	int have;		/* cur holds the next position */
	int at_end;
	uint64_t cur, asked;
};

struct droplist *
droplist_open(const char *path)
{
	struct droplist *l;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		sp_die(path, "%s", strerror(errno));
	l = sp_xmalloc(sizeof *l);
	memset(l, 0, sizeof *l);
	l->path = path;
	l->f = f;
	return l;
}

/* Reads the next position into cur, or sets at_end. */
static void
advance(struct droplist *l)
{
	ssize_t n;
	uint64_t prev = l->cur;
	int had = l->have;

	for (;;) {
		errno = 0;
		if ((n = getline(&l->line, &l->cap, l->f)) < 0) {
			if (ferror(l->f))
				sp_die(l->path, "%s", strerror(errno ? errno :
				    EIO));
			l->at_end = 1;
			l->have = 0;
			return;
		}
		l->lineno++;
		while (n > 0 && (l->line[n - 1] == '\n' ||
		    l->line[n - 1] == '\r'))
			n--;
		if (n > 0)
			break;		/* blank lines are nothing */
	}
	if (pos_parse(l->line, (size_t)n, &l->cur) < 0)
		sp_die(NULL, "%s:%llu: not a position (SHARD:UNIT, as "
		    "sp-dedupe --join writes them)", l->path, l->lineno);
	if (had && l->cur < prev)
		sp_die(NULL, "%s:%llu: positions out of order: sort them "
		    "with sort -t: -k1,1n -k2,2n", l->path, l->lineno);
	l->have = 1;
}

int
droplist_has(struct droplist *l, uint64_t pos)
{
	if (pos < l->asked) {
		/* Back to an earlier shard: read the list again. */
		if (fseeko(l->f, 0, SEEK_SET) < 0)
			sp_die(l->path, "cannot read it again (%s): give the "
			    "shards in order of their numbers",
			    strerror(errno));
		clearerr(l->f);
		l->lineno = 0;
		l->have = l->at_end = 0;
	}
	l->asked = pos;
	if (!l->have && !l->at_end)
		advance(l);
	while (l->have && l->cur < pos)
		advance(l);
	return l->have && l->cur == pos;
}

void
droplist_end(struct droplist *l, uint64_t shard, uint64_t units)
{
	char p[POS_TEXT_MAX];

	droplist_has(l, POS(shard, units + 1));
	if (l->have && POS_FILE(l->cur) == shard) {
		pos_format(p, l->cur);
		sp_die(NULL, "%s:%llu: position %s, but shard %llu has %llu "
		    "units: the list was made for other input, or the "
		    "--shard numbers differ", l->path, l->lineno, p,
		    (unsigned long long)shard, (unsigned long long)units);
	}
}

void
droplist_close(struct droplist *l)
{
	if (l == NULL)
		return;
	fclose(l->f);
	free(l->line);
	free(l);
}
