/* params.c: a run's parameters in words; see params.h. */
#include <stdio.h>
#include <string.h>

#include "params.h"
#include "tool.h"

void
params_store(char *buf, size_t len, const struct dedupe *d,
    enum sp_framing unit)
{
	const struct dedupe_opts *o = &d->o;
	const char *u = sp_opts.jsonl ? "records" :
	    unit == SP_FRAME_PARAGRAPHS ? "paragraphs" :
	    unit == SP_FRAME_DOCUMENTS ? "documents" : "lines";
	const char *m = o->mode == MODE_NEAR ? "near" :
	    o->mode == MODE_NORMALIZED ? "normalized" : "exact";
	size_t n;

	/*
	 * A document ended by NUL keeps the newline before it, one ended by
	 * a form-feed line does not: in exact mode the same document has
	 * another fingerprint under -z than under -d.
	 */
	if (sp_opts.nul && !sp_opts.jsonl && o->mode == MODE_EXACT)
		u = "nul-documents";
	n = (size_t)snprintf(buf, len, "unit=%s mode=%s", u, m);
	/* The field judged: a title is not a text (the default, unsaid). */
	if (sp_opts.jsonl && strcmp(sp_opts.field, "text") != 0 && n < len)
		n += (size_t)snprintf(buf + n, len - n, " field=%s",
		    sp_opts.field);
	if (o->mode != MODE_EXACT && n < len)
		n += (size_t)snprintf(buf + n, len - n, " digits=%s",
		    o->fold_digits ? "folded" : "kept");
	if (o->mode == MODE_NEAR && n < len)
		n += (size_t)snprintf(buf + n, len - n, " shingle=%d "
		    "threshold=%g perms=%d bands=%dx%d", o->shingle,
		    o->threshold, MH_PERMS, d->bands, d->rows);
	if (o->contained && n < len)
		snprintf(buf + n, len - n, " passages=yes");
}

void
params_keys(char *buf, size_t len, const struct dedupe *d,
    enum sp_framing unit)
{
	const struct dedupe_opts *o = &d->o;
	size_t n;
	int agree = 0;

	params_store(buf, len, d, unit);
	n = strlen(buf);
	if (o->mode == MODE_NEAR) {
		while (agree < MH_PERMS && (double)agree / MH_PERMS <
		    o->threshold)
			agree++;
		n += (size_t)snprintf(buf + n, len - n, " agree=%d", agree);
	}
	if (o->min_chars && n < len)
		n += (size_t)snprintf(buf + n, len - n, " min-chars=%zu",
		    o->min_chars);
	if (o->repeats && n < len)
		snprintf(buf + n, len - n, " drop-all=%d", o->repeats);
}
