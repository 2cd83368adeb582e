/*
 * edges.h: the site's lines at the edges of a page's article, told by
 * their words and their shape, where the model keeps them: it weighs a
 * line with the lines about it, and at an article's edge those are the
 * article's.
 *
 * Two kinds.  The site's voice on the article, a paragraph before its
 * first paragraph or after its last in which the site offers the text it
 * gathered to its readers (本站小编精选了几篇范文，欢迎阅读。): its words
 * are those of data/site-voice.rules.  And after
 * the article's last paragraph, a run of other articles' titles (a
 * related-reading list, under 相关推荐 or no heading), each a short line
 * of Han with no sentence and no heading's number, teasers cut short
 * (…) and dates between them.
 */
#ifndef SP_CLEAN_EDGES_H
#define SP_CLEAN_EDGES_H
#include <stddef.h>

#include "bpfeatures.h"
#include "pageline.h"
#include "rules.h"

enum edge { EDGE_NONE, EDGE_VOICE, EDGE_TITLES };

/*
 * Sets the edge of each line of v[0..nlines), whose features, shapes
 * (sh[0..nlines)) and rule hits are set and which are laid out
 * (layout.h).  voice: a matcher of
 * site-voice.rules, whose threshold a line's words there must weigh.
 * threshold: the weight of the site's vocabulary (h.vocab) at which a
 * line of a sentence is the site's, not the article's.  first: v[0] is
 * the document's first line; last: v[nlines - 1] is its last (a window
 * of a long document has not the page's edges).  In *top and *end, the
 * article's first and last paragraph (0 and nlines - 1 past a window's
 * edge that is not the page's), or nlines both when it has none.
 */
void edges_mark(struct line *v, const struct shape *sh, size_t nlines,
    struct rules *voice, int threshold, int first, int last,
    size_t *top, size_t *end);

/* The weight of the words of site-voice.rules in l. */
int edges_voice(struct rules *voice, const struct line *l);
/* Is the heaviest word of the site's vocabulary in l (h.best) one of the
 * site's voice (希望对大家有所帮助, 供大家参考)? */
int edges_invites(struct rules *voice, const struct line *l);

#endif
