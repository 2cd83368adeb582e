/*
 * sp-dedupe: remove repeated units from a stream, keeping the first
 * occurrence and the input order, each unit written as soon as it is
 * judged.  Six programs share the command line: a run (run.c), and
 * --emit-keys (emit.c), --join (join.c) and --drop-positions (apply.c),
 * the steps of a dedupe across machines, --merge-store and --store-info.
 */
#include "apply.h"
#include "dedupe.h"
#include "emit.h"
#include "join.h"
#include "options.h"
#include "params.h"
#include "run.h"
#include "store.h"
#include "tool.h"

static int
join_main(const struct options *o)
{
	struct dedupe dd;
	char params[512];

	/* With options, the keys must have been made with them. */
	dedupe_init(&dd, &o->d, NULL);
	params_keys(params, sizeof params, &dd, o->unit);
	dedupe_free(&dd);
	return join_run(o->argc, o->argv, options_mode_given(o) ? params :
	    NULL);
}

static int
merge_main(const struct options *o)
{
	int status = store_merge(o->merge_dst, o->argc, o->argv, o->nowait);

	if (sp_finish() != SP_EXIT_OK)
		status = SP_EXIT_ERROR;
	return status;
}

static int
info_main(const struct options *o)
{
	int status = store_info(o->store);

	if (sp_finish() != SP_EXIT_OK)
		status = SP_EXIT_ERROR;
	return status;
}

int
main(int argc, char **argv)
{
	static int (*const program[])(const struct options *) = {
		[PROG_RUN] = run_main,
		[PROG_EMIT_KEYS] = emit_main,
		[PROG_JOIN] = join_main,
		[PROG_DROP_POSITIONS] = apply_main,
		[PROG_MERGE_STORE] = merge_main,
		[PROG_STORE_INFO] = info_main,
	};
	struct options o;

	sp_tool_init("sp-dedupe", options_usage);
	/* getopt_long() names argv[0] in its messages: the tool, not its path. */
	argv[0] = (char *)sp_progname;
	options_parse(&o, argc, argv);
	options_check(&o);
	return program[o.program](&o);
}
