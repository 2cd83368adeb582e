#!/usr/bin/env python3
"""score_pipeline.py SP_CLEAN SP_OUTLINE [DIR]

The README's pipeline, sp-clean then sp-outline, on the documents of DIR
(default: this folder), scored against their gold headings.  sp-clean
drops blank lines and joins wrapped ones, so the line numbers that
score_outline.py matches by no longer hold: here a heading is matched by
its marker and the start of its title (NFKC, without spaces, punctuation
and symbols; ten characters), as a multiset per document.  Items are left
out, as in score_outline.py.  Prints micro precision and recall and the
documents that lose most.
"""
import collections
import glob
import json
import os
import subprocess
import sys
import unicodedata


def key(marker, title):
    t = unicodedata.normalize("NFKC", title)
    t = "".join(c for c in t if unicodedata.category(c)[0] not in "PSZC")
    return marker, t[:10]


def flatten(hs, out):
    for h in hs:
        if not h.get("item"):
            out.append(key(h["marker"], h.get("title", "")))
        flatten(h.get("children", []), out)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n")[0])
    clean, outline = sys.argv[1], sys.argv[2]
    d = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(
        os.path.abspath(__file__))
    tot = collections.Counter()
    worst = []
    for g in sorted(glob.glob(os.path.join(d, "*.gold"))):
        with open(g, encoding="utf-8") as f:
            rows = f.read().splitlines()[1:]
        gold = collections.Counter(key(r.split("\t")[2], r.split("\t")[3])
                                   for r in rows if r.strip())
        with open(g[:-5] + ".txt", "rb") as f:
            cleaned = subprocess.run([clean, "-j1"], stdin=f,
                                     capture_output=True, check=True).stdout
        out = subprocess.run([outline, "--json"], input=cleaned,
                             capture_output=True).stdout.decode("utf-8")
        pred = []
        for line in out.splitlines():
            if line.strip():
                flatten(json.loads(line).get("headings", []), pred)
        pred = collections.Counter(pred)
        match = sum((gold & pred).values())
        tot["gold"] += sum(gold.values())
        tot["pred"] += sum(pred.values())
        tot["match"] += match
        worst.append((sum(gold.values()) - match, os.path.basename(g)[:-5]))
    p = tot["match"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["match"] / tot["gold"] if tot["gold"] else 0.0
    print("pipeline %d headings: precision %.4f recall %.4f" %
          (tot["gold"], p, r))
    for lost, doc in sorted(worst, reverse=True)[:3]:
        if lost:
            print("  %s: %d gold headings not found" % (doc, lost))


main()
