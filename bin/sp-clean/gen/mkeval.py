#!/usr/bin/env python3
"""Makes the labelled mojibake set of tests/eval/sp-clean-mojibake.sh
(run by hand, never by the tests): python3 gen/mkeval.py > FILE.tsv

From sentences of the corpus pages it makes the three kinds of mojibake
step 7 repairs, by the mechanisms that make them on the web, and writes
"KIND<TAB>MANGLED<TAB>TRUE" lines:

  gbk-shift   a GB2312 decoder that lost one byte: '?' for the lost byte,
              the following bytes paired one off until a pair GB2312 does
              not have, which becomes '?' and realigns
  gbk-latin1  the GBK bytes read as Latin-1 (Windows-1252 where defined)
  utf8-gbk    the UTF-8 bytes read as GBK, invalid pairs as '?'
  clean       the sentence itself: nothing may change
"""
import os, random, re

random.seed(3)
here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "..", "..", "tests", "data", "corpus")
sents = []
for name in sorted(os.listdir(corpus)):
    if not name.endswith(".txt"):
        continue
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    for s in re.split(r"(?<=[。！？])", text):
        s = s.strip()
        if 12 <= len(s) <= 60 and re.search(r"[\u4e00-\u9fff]{6}", s) and \
                not re.search(r"[\s\x00-\x1f]", s):
            try:
                s.encode("gb2312")
            except UnicodeEncodeError:
                continue
            sents.append(s)
random.shuffle(sents)

def gb2312_pair_ok(a, b):
    try:
        bytes([a, b]).decode("gb2312")
        return True
    except UnicodeDecodeError:
        return False

def shift(s):
    """Loses the lead byte of a character at a random Han position."""
    b = s.encode("gb2312")
    starts, i = [], 0
    for ch in s:
        n = len(ch.encode("gb2312"))
        if n == 2 and i > 0 and "\u4e00" <= ch <= "\u9fff":
            starts.append(i)
        i += n
    p = random.choice(starts[: max(1, len(starts) // 2)])
    out = b[:p].decode("gb2312") + "?"
    i = p + 1
    shifted = True
    while i < len(b):
        if b[i] < 0x80:
            out += chr(b[i]); i += 1; continue
        if i + 1 < len(b) and gb2312_pair_ok(b[i], b[i + 1]):
            out += bytes(b[i:i + 2]).decode("gb2312"); i += 2; continue
        out += "?"; i += 1
    return out

def latin1(s):
    b = s.encode("gbk")
    out = ""
    for x in b:
        try:
            out += bytes([x]).decode("cp1252")
        except UnicodeDecodeError:
            out += chr(x)
    return out

def utf8gbk(s):
    return s.encode("utf-8").decode("gbk", errors="replace").replace("\ufffd", "?")

rows = []
for s in sents[:120]:
    m = shift(s)
    if m.count("?") >= 2:
        rows.append(("gbk-shift", m, s))
for s in sents[120:180]:
    rows.append(("gbk-latin1", latin1(s), s))
for s in sents[180:240]:
    rows.append(("utf8-gbk", utf8gbk(s), s))
for s in sents[240:400]:
    rows.append(("clean", s, s))
for k, m, t in rows:
    print("%s\t%s\t%s" % (k, m, t))
