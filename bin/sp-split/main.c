/*
 * sp-split: pages into documents, paragraphs, sentences or chunks.
 *
 * One mode a run: -d documents at their markers, -p paragraphs, -s
 * sentences (the default), -c N chunks of whole sentences.  Every mode is
 * non-destructive: the units joined back give the input.
 */
#include <stdlib.h>
#include <string.h>

#include "heap.h"
#include "markers.h"
#include "split.h"
#include "stream.h"
#include "tool.h"

static const char usage_text[] =
"usage: sp-split [-s] [--semicolon] [options] [file ...]\n"
"       sp-split -d [--marker PCRE] [--no-preamble] [-o PREFIX [-n DIGITS]]\n"
"                [options] [file ...]\n"
"       sp-split -p [options] [file ...]\n"
"       sp-split -c N [--bytes] [--overlap K] [--headings] [--semicolon]\n"
"                [options] [file ...]\n"
"options: [--start-document N] [-z] [--jsonl] [--field NAME]\n"
"         [--max-unit SIZE] [--stats] [--progress] [-h] [--version]\n"
"\n"
"  -s, --sentences      one sentence a line (the default)\n"
"  -d, --documents      split at document markers (第一篇, …篇一, 【篇一】,\n"
"                       范文一, --marker); one document each\n"
"  -p, --paragraphs     one paragraph a line\n"
"  -c, --chunks N       whole sentences packed into chunks of at most N\n"
"                       characters\n"
"      --semicolon      ；and ; end sentences too\n"
"      --bytes          -c counts bytes, not characters\n"
"      --overlap K      -c repeats the last K sentences of a chunk\n"
"      --headings       -c starts every chunk with its heading path\n"
"      --marker PCRE    -d: a line matching PCRE is a marker too\n"
"      --no-preamble    -d: drop the text before the first marker\n"
"  -o, --output PREFIX  -d: write PREFIX01.txt, PREFIX02.txt, ...\n"
"  -n, --digits DIGITS  -d -o: digits in the file numbers (2)\n"
"      --start-document N\n"
"                       number the first document N (1): --jsonl doc,\n"
"                       -o file names; for pieces of a sharded stream\n"
"  -z, --null           documents end with NUL, not form-feed lines\n"
"      --jsonl          write JSON Lines: doc, unit, start, end, text;\n"
"                       JSON Lines input is split field by field\n"
"      --field NAME     the field of JSON Lines records (text)\n"
"      --max-unit SIZE  longest line held whole (64M)\n"
"      --stats          counts on stderr\n"
"      --progress       bytes read, on a terminal\n"
"  -h, --help           this text\n"
"      --version        version and libraries\n";

enum {
	OPT_SEMICOLON = SP_OPT_TOOL_BASE, OPT_BYTES, OPT_OVERLAP,
	OPT_HEADINGS, OPT_MARKER, OPT_NO_PREAMBLE, OPT_START_DOCUMENT
};

static const struct option longopts[] = {
	{ "sentences",   no_argument,       NULL, 's' },
	{ "documents",   no_argument,       NULL, 'd' },
	{ "paragraphs",  no_argument,       NULL, 'p' },
	{ "chunks",      required_argument, NULL, 'c' },
	{ "semicolon",   no_argument,       NULL, OPT_SEMICOLON },
	{ "bytes",       no_argument,       NULL, OPT_BYTES },
	{ "overlap",     required_argument, NULL, OPT_OVERLAP },
	{ "headings",    no_argument,       NULL, OPT_HEADINGS },
	{ "marker",      required_argument, NULL, OPT_MARKER },
	{ "no-preamble", no_argument,       NULL, OPT_NO_PREAMBLE },
	{ "output",      required_argument, NULL, 'o' },
	{ "digits",      required_argument, NULL, 'n' },
	{ "start-document", required_argument, NULL, OPT_START_DOCUMENT },
	SP_COMMON_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char **argv)
{
	const struct mode *mode = NULL;
	const char *only = NULL;	/* an option tied to another mode */
	int c, has_overlap = 0, has_digits = 0;
	char mode_c = 's';

	sp_tool_init("sp-split", usage_text);
	/* getopt_long() names argv[0] in its messages: the tool, not its path. */
	argv[0] = (char *)sp_progname;
	sp_heap_keep();	/* a record's memory serves the next */
	split_opts.digits = 2;
	split_opts.start_document = 1;
	while ((c = getopt_long(argc, argv, "sdpc:o:n:zh", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 's':
		case 'd':
		case 'p':
		case 'c':
			if (mode != NULL && mode_c != c)
				sp_usage_error("-%c and -%c: one mode at a time",
				    mode_c, c);
			mode_c = (char)c;
			mode = c == 's' ? &mode_sentences : c == 'd' ?
			    &mode_documents : c == 'p' ? &mode_paragraphs :
			    &mode_chunks;
			if (c == 'c')
				split_opts.chunk = (size_t)sp_parse_number(
				    "-c", optarg, 1, 1LL << 30);
			break;
		case OPT_SEMICOLON:
			split_opts.semicolon = 1;
			break;
		case OPT_BYTES:
			split_opts.bytes = 1;
			break;
		case OPT_OVERLAP:
			split_opts.overlap = (size_t)sp_parse_number(
			    "--overlap", optarg, 0, 1000000);
			has_overlap = 1;
			break;
		case OPT_HEADINGS:
			split_opts.headings = 1;
			break;
		case OPT_MARKER:
			markers_add_pattern(optarg);
			break;
		case OPT_NO_PREAMBLE:
			split_opts.no_preamble = 1;
			break;
		case 'o':
			if (*optarg == '\0')
				sp_usage_error("-o: the prefix is empty");
			split_opts.prefix = optarg;
			break;
		case 'n':
			split_opts.digits = (int)sp_parse_number("-n", optarg,
			    1, 9);
			has_digits = 1;
			break;
		case OPT_START_DOCUMENT:
			split_opts.start_document = (uint64_t)sp_parse_number(
			    "--start-document", optarg, 1, 1LL << 62);
			break;
		default:
			if (!sp_common_option(c, optarg))
				sp_usage_error("unknown option");
		}
	}
	if (mode == NULL)
		mode = &mode_sentences;
	/* Options that belong to one mode are refused with the others. */
	if (mode_c != 'c' && (split_opts.bytes || has_overlap ||
	    split_opts.headings))
		only = split_opts.bytes ? "--bytes" : has_overlap ?
		    "--overlap" : "--headings";
	if (only)
		sp_usage_error("%s works with -c only", only);
	/* A character of UTF-8 takes up to four bytes: a chunk of fewer
	 * could not hold every one. */
	if (split_opts.bytes && split_opts.chunk < 4)
		sp_usage_error("-c %zu --bytes: a chunk must hold at least 4 "
		    "bytes, the longest character", split_opts.chunk);
	if (mode_c != 'd' && (markers_user_count() || split_opts.no_preamble ||
	    split_opts.prefix))
		sp_usage_error("%s works with -d only", markers_user_count() ?
		    "--marker" : split_opts.no_preamble ? "--no-preamble" :
		    "-o");
	if (split_opts.semicolon && mode_c != 's' && mode_c != 'c')
		sp_usage_error("--semicolon works with -s and -c only");
	if (has_digits && !split_opts.prefix)
		sp_usage_error("-n works with -o only");
	if (split_opts.prefix && sp_opts.nul)
		sp_usage_error("-o and -z: files need no separator");
	split_opts.json_out = sp_opts.jsonl;
	split_run(argc - optind, argv + optind, mode);
	documents_finish();
	return sp_finish();
}
