/* mojibake_span.c: what the repairs share; see mojibake_span.h. */
#include <stdio.h>
#include <string.h>

#include "mojibake_span.h"

_Thread_local struct sp_buf span_rep, span_bytes, span_note, span_guess;
_Thread_local struct sp_buf span_layer, span_lost;
_Thread_local struct span_broken span_broken;
_Thread_local size_t span_budget;
_Thread_local struct document_evidence document;

void
budget_line(size_t n)
{
	span_budget = n < ((size_t)-1 - BUDGET_LINE) / BUDGET_BYTE ?
	    BUDGET_LINE + n * BUDGET_BYTE : (size_t)-1;
}

int
budget_take(size_t cheap, size_t full)
{
	size_t cost = cheap * BUDGET_CHEAP + full * BUDGET_FULL;

	if (cost > span_budget)
		return 0;
	span_budget -= cost;
	return 1;
}

void
budget_spend(size_t bytes)
{
	span_budget -= bytes * BUDGET_CHEAP < span_budget ?
	    bytes * BUDGET_CHEAP : span_budget;
}

/* Notes s[i..end) as the span left broken; returns 0, no repair. */
static size_t
broken(const char *kind, const char *s, size_t i, size_t end,
    int unsearched)
{
	span_broken.kind = kind;
	span_broken.s = s + i;
	span_broken.len = end - i;
	span_broken.unsearched = unsearched;
	return 0;
}

size_t
unsearched(const char *kind, const char *s, size_t i, size_t end)
{
	return broken(kind, s, i, end, 1);
}

void
note_byte(unsigned b, int32_t cp)
{
	char hex[16];

	snprintf(hex, sizeof hex, "%s%02X=", span_note.len ? ", " : "",
	    b & 0xFF);
	put(&span_note, hex, strlen(hex));
	putcp(&span_note, cp);
}

size_t
unrepaired(const char *kind, const char *s, size_t i, size_t end,
    size_t chars)
{
	if (chars < 4)
		return 0;
	return broken(kind, s, i, end, 0);
}

void
repaired(const char *kind, const char *old, size_t oldlen,
    struct mojibake_stats *st, mojibake_explain_fn explain, void *ctx)
{
	st->repaired++;
	if (explain)
		explain(kind, old, oldlen, span_rep.data, span_rep.len,
		    span_note.len ? span_note.data : NULL, ctx);
}
