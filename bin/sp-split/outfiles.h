/*
 * outfiles.h: the files of -d -o, written aside and put in place together.
 *
 * Each file is written under a temporary name in its own directory
 * (.NAME.XXXXXX, made with O_EXCL); only when the whole run has gone well
 * are they renamed over their final names.  A run that fails, by an error
 * or a caught signal, removes its temporaries and nothing else: the
 * directory is left as it was before the run, old files and all.
 *
 * Errors are fatal (sp_die()) and name the final file, the one the user
 * asked for, not the temporary.
 */
#ifndef SPLIT_OUTFILES_H
#define SPLIT_OUTFILES_H
#include <stdio.h>

/*
 * Opens a temporary for the file that will be path (which is kept, not
 * copied), after checking that path may be replaced.
 */
FILE *outfiles_open(const char *path);
/* Flushes and closes fp, a file from outfiles_open(). */
void outfiles_close(FILE *fp, const char *path);
/*
 * The run's end: ok, every temporary is renamed over its final name (all
 * of them checked first, so a refusal replaces none); else the temporaries
 * are removed.  From a commit on, the caught signals stay blocked: the run
 * is done once its files are in place.
 */
void outfiles_finish(int ok);

#endif
