/*
 * table-boilerplate.model.c: data/boilerplate.model parsed into the table
 * that sp-clean reads in place (model_table.c), at build time:
 * table-boilerplate.model IN OUT.  The parser is the tool's own, and so
 * are the names of the features it maps the file's to; a model the tool
 * would refuse stops the build with the parser's message.
 */
#include "bpnames.c"
#include "model.c"
#include "model_table.c"
#include "quickscore.c"
#include "table.h"

int
main(int argc, char **argv)
{
	unsigned char *file, *t;
	struct model *m;
	char err[512];
	size_t len;

	file = table_start(argc, argv, "table-boilerplate.model", &len);
	m = model_parse((const char *)file, len, argv[1], feature_names,
	    NFEATURES, stage2_names, NSTAGE2, err, sizeof err);
	if (m == NULL) {
		fprintf(stderr, "%s: %s\n", table_prog, err);
		exit(1);
	}
	len = model_put(m, NULL);
	t = table_new(len);
	model_put(m, t);
	table_write(argv[2], t, len);
	return 0;
}
