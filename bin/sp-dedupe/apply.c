/*
 * apply.c: --drop-positions, the last step of the dedupe across machines:
 * the units --join listed go, the others stay (with --duplicates, the
 * other way round).
 */
#include "apply.h"
#include "droplist.h"
#include "run.h"
#include "tool.h"

struct apply {
	struct droplist *drops;
	int shard_base;		/* the first operand's shard number */
	int duplicates;
	uint64_t last_unit;	/* the current operand's last unit number */
	uint64_t n_read, n_dropped;
};

static int
apply_unit(const struct sp_input_unit *in, void *ctx)
{
	struct apply *a = ctx;
	uint64_t pos = POS(a->shard_base + in->file_index, in->unit->number);
	int listed = droplist_has(a->drops, pos);

	a->last_unit = in->unit->number;
	if (!(in->unit->flags & SP_UNIT_CONTINUED)) {
		a->n_read++;
		a->n_dropped += listed;
	}
	if (listed == a->duplicates)
		run_write(in);
	return 0;
}

static void
apply_end(const char *file, int index, void *ctx)
{
	struct apply *a = ctx;

	(void)file;
	droplist_end(a->drops, (uint64_t)(a->shard_base + index),
	    a->last_unit);
	a->last_unit = 0;
	/*
	 * An operand is a shard, and its output one of those that will be
	 * concatenated: its last document ends here, as its keys said (one
	 * run would part it from the next operand's first).
	 */
	sp_emit_owed();
}

int
apply_main(const struct options *o)
{
	struct apply a = { NULL, o->shard, o->duplicates, 0, 0, 0 };
	int status;

	a.drops = droplist_open(o->drop_file);
	if (o->duplicates)
		sp_stream_write_unusable(0);	/* as run_main() */
	sp_each_unit(o->argc, o->argv, o->unit, apply_unit, apply_end, &a);
	sp_stat_add("units read", a.n_read);
	sp_stat_add("dropped as listed", a.n_dropped);
	status = sp_finish();
	droplist_close(a.drops);
	return status;
}
