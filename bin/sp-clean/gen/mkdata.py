#!/usr/bin/env python3
"""Regenerates sp-clean's data tables (run by hand, never at build or run time);
the character language model, data/charlm, is built by gen/mkcharlm.py.

  python3 gen/mkdata.py UNIHAN_DIR

html5-entities   every HTML5 named character reference, from Python's
                 html.entities.html5 (the WHATWG list): NAME HEX[,HEX]
pinyin-syllables every Mandarin syllable in Unihan's kMandarin, tone marks
                 removed, one a line
pinyin-readings  the readings of each Han character of U+3400..U+9FFF
                 that Unihan gives any (kMandarin, kHanyuPinyin,
                 kXHC1983, kTGHZ2013), tone marks removed: the
                 character, then its readings, space-separated, a line
                 each, in code point order
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

def toneless(r):
    s = unicodedata.normalize("NFD", r)
    s = "".join(c for c in s if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", s)

syl = set()
for cp, v in fields("Unihan_Readings.txt.bz2", "kMandarin"):
    for r in v.split():
        syl.add(toneless(r))
with open(os.path.join(here, "pinyin-syllables"), "w") as f:
    for s in sorted(syl):
        f.write(s + "\n")

# Each source's value: readings, space-separated, each maybe after
# "location:" and several joined by commas (kHanyuPinyin 10019.020:tiàn,tiǎn).
readings = {}
for key in ("kMandarin", "kHanyuPinyin", "kXHC1983", "kTGHZ2013"):
    for cp, v in fields("Unihan_Readings.txt.bz2", key):
        if not 0x3400 <= cp <= 0x9FFF:
            continue
        for item in v.split():
            for r in item.split(":")[-1].split(","):
                if r:
                    readings.setdefault(cp, set()).add(toneless(r))
with open(os.path.join(here, "pinyin-readings"), "w") as f:
    for cp in sorted(readings):
        f.write(chr(cp) + " " + " ".join(sorted(readings[cp])) + "\n")
