/* firstpass.c: furniture counted before the run; see firstpass.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"
#include "firstpass.h"
#include "held.h"
#include "spool.h"
#include "stream.h"
#include "text.h"
#include "tool.h"

struct counting {
	struct chain ch;
	struct chain_opts opts;
	struct chain_counts junk;
	struct furniture *f;
	uint64_t site;		/* the operand's */
	int utf8_input;		/* text not yet validated */
	struct sp_buf sane;
};

uint64_t
firstpass_site(const char *site, const char *operand)
{
	if (site)
		return furniture_site(site, strlen(site));
	return furniture_site(operand, strlen(operand));
}

/* One document: the lines the boilerplate step would see, counted. */
static int
count_unit(const struct sp_input_unit *in, void *arg)
{
	struct counting *c = arg;
	struct page_info info;
	const char *text = in->text;
	size_t len = in->len;
	uint64_t site = 0;

	if (in->rec)
		site = furniture_site_of_record(in->rec->line,
		    in->rec->line_len);
	if (site == 0)
		site = c->site;
	if (!in->rec && c->utf8_input && !utf8_valid(text, len)) {
		struct sp_utf8_stats st;

		sp_utf8_stats_init(&st);
		sp_buf_clear(&c->sane);
		if (sp_utf8_sanitize(text, len, &c->sane, &st, 0) < 0)
			sp_oom();
		text = c->sane.data;
		len = c->sane.len;
	}
	memset(&c->junk, 0, sizeof c->junk);
	chain_prepare(&c->ch, text, len, &c->junk, in->file, NULL, &info);
	furniture_count(c->f, site, c->ch.cur, c->ch.curlen);
	return 0;
}

/* Can fd be read again from its start? */
static int
rereadable(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    lseek(fd, 0, SEEK_CUR) == 0;
}

/* One operand; returns its spooled copy, or -1. */
static int
count_file(struct counting *c, const char *name, int index,
    const struct firstpass_opts *o)
{
	const char *display, *what;
	struct decode dec;
	int fd, copy = -1;

	/* Unreadable: the second pass says so. */
	if ((fd = sp_open_input(name, &display)) < 0)
		return -1;
	if (!rereadable(fd)) {
		if ((copy = sp_spool(fd, &what)) < 0)
			sp_die(display, "%s: %s", what, strerror(errno));
		sp_close_input(fd);
		fd = copy;
	}
	if (decode_open(&dec, fd, o->from, o->chain->on[S_DECODE] &&
	    !sp_opts.jsonl, o->allow_binary || sp_opts.jsonl, sp_opts.nul) ==
	    DECODE_OK) {
		c->site = firstpass_site(o->site, name);
		c->utf8_input = !dec.converting;
		sp_each_unit_fd(dec.fd, display, index, SP_FRAME_DOCUMENTS,
		    count_unit, c);
	}
	(void)decode_close(&dec);
	if (copy < 0 && fd == STDIN_FILENO &&
	    lseek(fd, 0, SEEK_SET) != 0)	/* read again by the second */
		sp_die(display, "%s", strerror(errno));
	if (copy >= 0) {
		if (lseek(copy, 0, SEEK_SET) != 0)
			sp_die(display, "temporary file: %s", strerror(errno));
		return copy;
	}
	sp_close_input(fd);
	return -1;
}

int *
firstpass_run(char *const *operands, int n, const struct firstpass_opts *o,
    struct furniture *f)
{
	struct counting c;
	struct sp_buf told = SP_BUF_INIT, *was;
	char err[512];
	int *spooled, i;
	size_t mark;

	operands = sp_operands(&n, (char **)operands);
	memset(&c, 0, sizeof c);
	c.opts = *o->chain;
	c.opts.explain = 0;
	c.opts.furniture = NULL;
	c.opts.on[S_BOILERPLATE] = 0;
	c.opts.on[S_SCRIPT] = 0;
	c.f = f;
	if (chain_init(&c.ch, &c.opts, NULL, err, sizeof err) < 0)
		sp_die(NULL, "%s", err);
	spooled = sp_xmalloc((size_t)n * sizeof *spooled);
	mark = sp_warn_first_mark();
	was = held_capture(&told);
	sp_stream_quiet(1);
	for (i = 0; i < n; i++)
		spooled[i] = count_file(&c, operands[i], i, o);
	sp_stream_quiet(0);
	held_capture(was);
	/* What this pass told once is told by the next (libxml2 or
	 * uchardet missing), its words dropped here with the rest. */
	sp_warn_first_rewind(mark);
	sp_buf_free(&told);
	sp_buf_free(&c.sane);
	chain_free(&c.ch);
	return spooled;
}
