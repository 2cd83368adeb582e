/* run.c: the default program; see run.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "params.h"
#include "run.h"
#include "spool.h"
#include "store.h"
#include "tool.h"

static const char *const reason_stat[NREASONS] = {
	"kept", "kept: shorter than --min-chars",
	"dropped: exact", "dropped: normalized", "dropped: near",
	"dropped: contained", "dropped: adjacent", "dropped: repeated"
};
static const char *const reason_name[NREASONS] = {
	"kept", "short", "exact", "normalized", "near", "contained",
	"adjacent", "repeated"
};

void
run_write(const struct sp_input_unit *in)
{
	sp_emit_unit(in);
}

/* A file name in a TSV field: tab, newline and backslash escaped. */
static void
tsv_name(FILE *f, const char *s)
{
	for (; *s; s++)
		if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			putc(*s, f);
}

static void
report_row(struct run *r, uint64_t pos, const struct verdict *v)
{
	tsv_name(r->report, r->names[POS_FILE(pos)]);
	fprintf(r->report, "\t%llu\t", (unsigned long long)POS_UNIT(pos));
	if (v->of == POS_STORE)
		fputs("store\t-", r->report);
	else if (v->of == POS_NONE)
		fputs("-\t-", r->report);
	else {
		tsv_name(r->report, r->names[POS_FILE(v->of)]);
		fprintf(r->report, "\t%llu",
		    (unsigned long long)POS_UNIT(v->of));
	}
	fprintf(r->report, "\t%.3f\t%s\n", v->similarity,
	    reason_name[v->reason]);
}

static void
big_failed(const char *what)
{
	sp_die(NULL, "a unit longer than --max-unit: %s: %s", what,
	    strerror(errno));
}

/* Writes the spooled unit back, in pieces of --max-unit. */
static void
big_replay(struct run *r, const struct sp_input_unit *in)
{
	struct sp_unit u = *in->unit;
	struct sp_input_unit x = *in;
	size_t cap = sp_opts.max_unit < 65536 ? 65536 : sp_opts.max_unit;
	char *buf = sp_xmalloc(cap);
	off_t size = lseek(r->big_fd, 0, SEEK_END), done = 0;
	ssize_t n;

	if (size < 0 || lseek(r->big_fd, 0, SEEK_SET) < 0)
		big_failed("rewinding a temporary file");
	while (done < size) {
		n = read(r->big_fd, buf, cap);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			big_failed("reading a temporary file");
		u.text = buf;
		u.len = (size_t)n;
		u.flags = (done ? SP_UNIT_CONTINUED : 0) |
		    (done + n < size ? SP_UNIT_PARTIAL : 0);
		x.unit = &u;
		x.text = buf;
		x.len = (size_t)n;
		run_write(&x);
		done += n;
	}
	free(buf);
}

/* Returns 1 when the piece completed a unit, judged into *v. */
static int
big_piece(struct run *r, const struct sp_input_unit *in, uint64_t pos,
    struct verdict *v)
{
	const char *what;

	if (!(in->unit->flags & SP_UNIT_CONTINUED)) {
		if ((r->big_fd = sp_spool_new(&what)) < 0)
			big_failed(what);
		r->big_pos = pos;
	}
	if (sp_spool_write(r->big_fd, in->text, in->len) < 0)
		big_failed("writing a temporary file");
	if (!dedupe_feed(&r->dd, &r->big, in->unit->flags, in->text, in->len))
		return 0;
	dedupe_judge_fp(&r->dd, &r->big, r->big_pos, v);
	return 1;
}

/* Counts and reports a dropped unit. */
static void
dropped(struct run *r, uint64_t pos, const struct verdict *v)
{
	if (v->of == POS_STORE)
		r->n_store++;
	if (r->report)
		report_row(r, pos, v);
}

int
run_unit(const struct sp_input_unit *in, void *ctx)
{
	struct run *r = ctx;
	unsigned f = in->unit->flags;
	uint64_t pos = POS(r->file_base + in->file_index, in->unit->number);
	struct verdict v;
	int kept;

	if (!(f & SP_UNIT_CONTINUED))
		r->n_read++;
	if ((f & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED)) &&
	    r->dd.o.mode == MODE_NEAR) {
		if (!(f & SP_UNIT_CONTINUED))
			r->n_unjudged++;
		if (!r->duplicates)
			run_write(in);
		return 0;
	}
	if (!(f & (SP_UNIT_PARTIAL | SP_UNIT_CONTINUED))) {
		dedupe_judge(&r->dd, in->text, in->len, pos, &v);
		r->n_reason[v.reason]++;
		if (!(kept = v.reason <= KEPT_SHORT))
			dropped(r, pos, &v);
		if (kept != r->duplicates)
			run_write(in);
		return 0;
	}
	if (!big_piece(r, in, pos, &v))
		return 0;
	r->n_reason[v.reason]++;
	if ((kept = v.reason <= KEPT_SHORT) != r->duplicates)
		big_replay(r, in);
	close(r->big_fd);
	r->big_fd = -1;
	if (!kept)
		dropped(r, r->big_pos, &v);
	return 0;
}

static void
add_stats(struct run *r)
{
	struct rusage ru;
	int i;

	sp_stat_add("units read", r->n_read);
	for (i = 0; i < NREASONS; i++)
		if (i == KEPT || r->n_reason[i])
			sp_stat_add(reason_stat[i], r->n_reason[i]);
	if (r->n_store)
		sp_stat_add("dropped as seen in the store", r->n_store);
	if (r->n_unjudged)
		sp_stat_add("passed unjudged (longer than --max-unit)",
		    r->n_unjudged);
	sp_stat_add("distinct units remembered", dedupe_distinct(&r->dd));
	sp_stat_add("memory for fingerprints (bytes)", dedupe_bytes(&r->dd));
	if (getrusage(RUSAGE_SELF, &ru) == 0)
		sp_stat_add("peak memory (KiB)", (uint64_t)ru.ru_maxrss);
}

/* Opens --report and writes its header. */
static void
report_open(struct run *r, const struct options *o)
{
	int i;

	r->names = sp_xmalloc((size_t)(o->argc ? o->argc : 1) *
	    sizeof *r->names);
	r->names[0] = "<stdin>";
	for (i = 0; i < o->argc; i++)
		r->names[i] = strcmp(o->argv[i], "-") == 0 ? "<stdin>" :
		    o->argv[i];
	if ((r->report = fopen(o->report, "w")) == NULL)
		sp_die(o->report, "%s", strerror(errno));
	fputs("file\tunit\tduplicate_of_file\tduplicate_of_unit\t"
	    "similarity\treason\n", r->report);
}

/* Closes --report; returns the exit status, 2 when writing it failed. */
static int
report_close(struct run *r, const char *name, int status)
{
	if (fflush(r->report) == EOF || ferror(r->report) ||
	    fclose(r->report) == EOF) {
		sp_warn(name, "%s", strerror(errno));
		status = SP_EXIT_ERROR;
	}
	free(r->names);
	return status;
}

int
run_main(const struct options *o)
{
	struct run r;
	struct store *store = NULL;
	char params[512];
	int status;

	memset(&r, 0, sizeof r);
	r.duplicates = o->duplicates;
	r.big_fd = -1;
	if (o->report)
		report_open(&r, o);
	dedupe_init(&r.dd, &o->d, NULL);
	if (o->store) {
		params_store(params, sizeof params, &r.dd, o->unit);
		store = store_open(o->store, o->readonly, o->nowait, params);
		r.dd.store = store;
	}
	/* What would be dropped, alone: not the records passed through
	 * because they could not be read (a pipeline deleting what this
	 * lists would delete them). */
	if (o->duplicates)
		sp_stream_write_unusable(0);
	if (o->d.mode == MODE_NEAR)
		sp_stream_long_unit_fate("passed through unjudged");
	if (o->drop_all)
		two_passes(&r, o->argc, o->argv, o->unit);
	else
		sp_each_unit(o->argc, o->argv, o->unit, run_unit, NULL, &r);
	add_stats(&r);
	status = sp_finish();
	if (r.report)
		status = report_close(&r, o->report, status);
	if (store) {
		if (status == SP_EXIT_OK)
			store_commit(store, r.dd.recorded);
		else if (!o->readonly)
			sp_warn(o->store, "store left unchanged (the run "
			    "had errors)");
		if (status != SP_EXIT_OK)
			store_close(store);
	}
	dedupe_piecewise_free(&r.big);
	dedupe_free(&r.dd);
	return status;
}
