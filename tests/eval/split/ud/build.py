#!/usr/bin/python3
"""build.py CONLLU... > SET.txt: a sentence-boundary set from UD treebanks.

Reads the `# text =` lines of Universal Dependencies .conllu files (or
excerpts holding only their comment lines) and writes the format of
tests/eval/sp-split-eval.sh: one sentence a line, the sentences of one
paragraph together, a blank line between paragraphs.

Paragraphs: a `# newdoc` or `# newpar` line starts one.  Treebanks that
mark neither (GSD, HK, CFL) are cut where the sent_id's document part
changes (CFL_A_1-3_ori: the essay CFL_A_1), and otherwise into runs of
RUN (8) consecutive sentences, as running text of one source reads.
Sentences are joined with nothing between them, as Chinese text is
written; a sentence ending in a Latin letter or digit and followed by
one that starts with one gets a space.
"""
import re
import sys

RUN = 8


def doc_of(sent_id):
    m = re.match(r"^(.*)-[^-]+$", sent_id)
    return m.group(1) if m and not sent_id.startswith("test-") else None


def main():
    paras, cur, last_doc = [], [], None
    for path in sys.argv[1:]:
        sent_id = None
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("# newdoc") or line.startswith("# newpar"):
                    if cur:
                        paras.append(cur)
                    cur = []
                elif line.startswith("# sent_id = "):
                    sent_id = line[len("# sent_id = "):].strip()
                elif line.startswith("# text = "):
                    text = line[len("# text = "):].strip()
                    doc = doc_of(sent_id or "")
                    if cur and ((doc is not None and doc != last_doc) or
                                (doc is None and len(cur) >= RUN)):
                        paras.append(cur)
                        cur = []
                    last_doc = doc
                    cur.append(text)
        if cur:
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


if __name__ == "__main__":
    main()
