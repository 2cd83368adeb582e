/*
 * held.c: messages held to be printed later; see held.h.
 *
 * A held line may open with tags between \1 and \2 for what printing it
 * does besides: "s2" raises the exit status to 2 (then, not when it was
 * held, so that a run cut short by a closed pipe exits as one thread
 * would have), and "kHEX" prints it only the first time a message of that
 * key is printed (sp_warn_once).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "held.h"
#include "tool.h"

static _Thread_local struct sp_buf *captured;

static void
raise_status(int status)
{
	if (status > sp_status)
		sp_status = status;
	if (status > sp_status_besides_refused)
		sp_status_besides_refused = status;
}

/* Prints one held line (its tags read), without its newline. */
static void
print_held_line(const char *s, size_t n)
{
	const char *end;
	int print = 1;

	while (n > 0 && s[0] == '\1' &&
	    (end = memchr(s, '\2', n)) != NULL) {
		if (s[1] == 's')
			raise_status(s[2] - '0');
		else if (s[1] == 'k')
			print = sp_warn_first((const void *)(uintptr_t)
			    strtoull(s + 2, NULL, 16)) && print;
		n -= (size_t)(end + 1 - s);
		s = end + 1;
	}
	if (print) {
		fwrite(s, 1, n, stderr);
		fputc('\n', stderr);
	}
}

void
held_print(const char *s, size_t n)
{
	const char *nl;

	if (n == 0)
		return;
	sp_stderr_clear();
	if (memchr(s, '\1', n) == NULL) {
		fwrite(s, 1, n, stderr);
		return;
	}
	while (n > 0) {
		nl = memchr(s, '\n', n);
		print_held_line(s, nl ? (size_t)(nl - s) : n);
		if (nl == NULL)
			break;
		n -= (size_t)(nl + 1 - s);
		s = nl + 1;
	}
}

void
held_pass(struct sp_buf *m)
{
	if (captured) {
		if (sp_buf_append(captured, m->data, m->len) < 0)
			sp_oom();
	} else {
		held_print(m->data, m->len);
	}
	sp_buf_clear(m);
}

static void
keep(const char *s, size_t n)
{
	if (sp_buf_append(captured, s, n) < 0)
		sp_oom();
}

/* The message "sp-clean: FILE: ..." into the capture, after its tag. */
static void
vcapture(const char *tag, const char *file, const char *fmt, va_list ap)
{
	char line[256];
	va_list again;
	int k;

	if (tag) {
		keep("\1", 1);
		keep(tag, strlen(tag));
		keep("\2", 1);
	}
	keep(sp_progname, strlen(sp_progname));
	keep(": ", 2);
	if (file) {
		keep(file, strlen(file));
		keep(": ", 2);
	}
	/* The message whole, however long (an explained line can be). */
	va_copy(again, ap);
	k = vsnprintf(line, sizeof line, fmt, again);
	va_end(again);
	if (k < 0)
		return;
	if (sp_buf_reserve(captured, (size_t)k + 2) < 0)
		sp_oom();
	vsnprintf(captured->data + captured->len, (size_t)k + 1, fmt, ap);
	captured->len += (size_t)k;
	keep("\n", 1);
}

/* The holder's hold (tool.h): keeps the message if this thread holds. */
static int
hold(int status, const void *key, const char *file, const char *fmt,
    va_list ap)
{
	char tag[24];

	if (captured == NULL)
		return 0;
	if (key) {
		snprintf(tag, sizeof tag, "k%llx",
		    (unsigned long long)(uintptr_t)key);
		vcapture(tag, file, fmt, ap);
	} else if (status > 0 && status <= 9) {
		snprintf(tag, sizeof tag, "s%d", status);
		vcapture(tag, file, fmt, ap);
	} else {
		vcapture(NULL, file, fmt, ap);
		raise_status(status);
	}
	return 1;
}

/* Held messages come before a fatal one. */
static void
flush(void)
{
	if (captured && captured->len > 0) {
		held_print(captured->data, captured->len);
		captured->len = 0;
	}
}

static const struct sp_warn_holder holder = { hold, flush };
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void
install(void)
{
	sp_warn_set_holder(&holder);
}

struct sp_buf *
held_capture(struct sp_buf *buf)
{
	struct sp_buf *old = captured;

	pthread_once(&installed, install);
	captured = buf;
	return old;
}
