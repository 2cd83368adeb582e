#!/usr/bin/env python3
"""Regenerates sp-clean's data tables (run by hand, never at build or run time);
the character language model, data/charlm, is built by gen/mkcharlm.py.

  python3 gen/mkdata.py UNIHAN_DIR

html5-entities   every HTML5 named character reference, from Python's
                 html.entities.html5 (the WHATWG list): NAME HEX[,HEX]
pinyin-syllables every Mandarin syllable in Unihan's kMandarin, tone marks
                 removed, one a line
UNIHAN_DIR holds Unihan_Readings.txt.bz2, as
Debian's unicode-data package installs them in /usr/share/unicode.
"""
import bz2, html.entities, os, sys, unicodedata

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
src = sys.argv[1]

with open(os.path.join(here, "html5-entities"), "w") as f:
    for name in sorted(html.entities.html5):
        f.write("%s %s\n" % (name, ",".join("%X" % ord(c) for c in html.entities.html5[name])))

def fields(path, key):
    with bz2.open(os.path.join(src, path), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, k, v = line.rstrip("\n").split("\t", 2)
            if k == key:
                yield int(cp[2:], 16), v

syl = set()
for cp, v in fields("Unihan_Readings.txt.bz2", "kMandarin"):
    for r in v.split():
        s = unicodedata.normalize("NFD", r)
        s = "".join(c for c in s if not unicodedata.combining(c) or c == "\u0308")
        s = unicodedata.normalize("NFC", s)
        syl.add(s)
with open(os.path.join(here, "pinyin-syllables"), "w") as f:
    for s in sorted(syl):
        f.write(s + "\n")
