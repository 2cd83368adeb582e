/*
 * held.h: messages held to be printed later, in the order of the input
 * they are about.
 *
 * sp-clean cleans documents side by side; each thread's messages from
 * sp_warn(), sp_warn_status() and sp_warn_once() (tool.h) go to a buffer
 * while it works on a document, and are printed when the document is
 * written, so that stdout and stderr read as if one thread had run.
 * Fatal errors are printed at once, after what the thread holds.
 */
#ifndef SP_CLEAN_HELD_H
#define SP_CLEAN_HELD_H
#include <stddef.h>

struct sp_buf;

/*
 * Sends the calling thread's messages to buf instead of stderr (NULL:
 * stderr again).  Returns where they went before.
 */
struct sp_buf *held_capture(struct sp_buf *buf);
/*
 * Prints messages held in s[0..n) on stderr (over a progress line),
 * raising the exit status of those given with sp_warn_status().
 */
void held_print(const char *s, size_t n);
/*
 * Hands the messages m holds (from another thread's capture) on to where
 * the calling thread's go, held or printed, and empties m.
 */
void held_pass(struct sp_buf *m);

#endif
