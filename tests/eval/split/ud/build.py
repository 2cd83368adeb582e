#!/usr/bin/python3
"""build.py FILE... > SET.txt: a sentence-boundary set from UD treebanks.

Reads the `# text =` lines of Universal Dependencies .conllu files (or
copies holding only their `# newdoc`, `# newpar`, `# sent_id` and
`# text` comment lines, as in this folder) and writes the format of
tests/eval/sp-split-eval.sh: one sentence a line, the sentences of one
paragraph together, a blank line between paragraphs.  The input of
sp-split is each paragraph's sentences joined with nothing between
them, as Chinese text is written; the boundaries between them are the
treebank's sentence boundaries.

Paragraphs:
  - a `# newpar` line, or a `# newdoc` line naming a document other than
    the current one, starts one (PUD repeats `# newdoc` before every
    sentence; its sentences are samples of one article, kept together);
  - treebanks that mark neither are cut where the sent_id's document
    part changes (CFL_A_1-3_ori: the essay CFL_A_1), and otherwise into
    runs of RUN consecutive sentences;
  - a sentence that ends in no punctuation at all (a title, a subtitle
    line) ends its paragraph: such a line stands on its own in running
    text, and no punctuation-based splitter can find its end when it is
    glued to the next sentence.  Those ends are counted and reported on
    standard error, not scored.  A sentence the treebank ends at a
    semicolon (CFL does) stays in its paragraph and is scored: sp-split
    keeps clauses joined by ； in one sentence unless --semicolon is
    given, and the miss is counted against it.
A sentence ending in a Latin letter or digit and followed by one that
starts with one gets a space between them.
"""
import re
import sys

RUN = 16
END_MARKS = "。！？!?…⋯．.｡"
# Marks a treebank may end a sentence at that are no end in sp-split's
# default convention: scored all the same (see the docstring).
SCORED_MARKS = END_MARKS + "；;：:，,"
CLOSERS = "”’」』》〉）)］]】〕\"'"


def doc_of(sent_id):
    m = re.match(r"^(CFL_.*)-[^-]+$", sent_id)
    return m.group(1) if m else None


def ends_with_mark(text):
    t = text.rstrip()
    while t and t[-1] in CLOSERS:
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in SCORED_MARKS


def read(paths):
    """Yields ("break", None) and ("text", sentence) in order."""
    for path in paths:
        sent_id, cur_doc, last_id_doc, run, last_num = "", None, None, 0, None
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        marked = any(l.startswith(("# newdoc", "# newpar", "# sent_id = CFL"))
                     for l in lines)
        for line in lines:
            if line.startswith("# newdoc"):
                doc = line.partition("=")[2].strip() or line
                if doc != cur_doc:
                    yield "break", None
                cur_doc = doc
            elif line.startswith("# newpar"):
                yield "break", None
            elif line.startswith("# sent_id"):
                sent_id = line.partition("=")[2].strip()
            elif line.startswith("# text ="):
                doc = doc_of(sent_id)
                if doc is not None and doc != last_id_doc:
                    yield "break", None
                last_id_doc = doc
                if not marked and run == RUN:
                    yield "break", None
                    run = 0
                run += 1
                yield "text", line.partition("=")[2].strip()
        yield "break", None


def main():
    paras, cur, unmarked = [], [], 0
    for kind, text in read(sys.argv[1:]):
        if kind == "break":
            if cur:
                paras.append(cur)
            cur = []
            continue
        cur.append(text)
        if not ends_with_mark(text):
            unmarked += 1
            paras.append(cur)
            cur = []
    out = []
    for p in paras:
        lines = [p[0]]
        for s in p[1:]:
            if re.search(r"[A-Za-z0-9]$", lines[-1]) and re.match(r"^[A-Za-z0-9]", s):
                s = " " + s
            lines.append(s)
        out.append("\n".join(lines))
    sys.stdout.write("\n\n".join(out) + "\n")
    n = sum(len(p) for p in paras)
    print("%d sentences, %d paragraphs, %d boundaries scored, "
          "%d sentence ends without an end mark not scored"
          % (n, len(paras), n - len(paras), unmarked), file=sys.stderr)


if __name__ == "__main__":
    main()
