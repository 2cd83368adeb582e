#!/usr/bin/python3
"""Builds sp-clean's character language model, data/charlm (run by hand,
never at build or run time; the built file is committed):

  /usr/bin/python3 gen/mkcharlm.py [JIEBA_DICT [ESSAY]]

JIEBA_DICT and ESSAY are the word frequency lists of freqlists.py
(python3-jieba's dictionary, rime-essay's essay), merged: some 560,000
words and phrases with how often each occurs.  Traditional forms come
from OpenCC (Debian's opencc, its s2t, s2tw and s2hk conversions run over
the same words: freqlists.TRADITIONAL), each traditional word counted as
often as its simplified one.
Punctuation rates are measured on the pages of tests/data/corpus.

What is counted, over the words weighted by their frequency:
  uni(c)    occurrences of character c
  init(c)   words that start with c        (a word follows a boundary)
  end(c)    occurrences of c ending a word (a boundary follows c)
  bi(a,b)   a followed by b inside a word
and for each punctuation mark p, how often it follows a Han character that
ends a word, per word end, in the corpus pages (their ASCII , . ! ? : ; ( )
after Han text counted as the full-width marks they stand for).

The model (charlm.c) reads P(b|a) for Han a, b as bi(a,b)/uni(a) plus
P(end|a) * P(init b): inside a word, or across a word boundary.

File format (all numbers little-endian; a "cost" is -log2 of a
probability, in eighths of a bit, capped at 255):
  "SPLM1\\n"
  u32 nchars, u32 nbigrams, u32 npunct
  nchars   x (u16 code point, u8 cost uni, u8 cost init, u8 cost end,
           u8 script: 1 simplified only (each standard changes it), 2
           traditional only, 0 both) sorted by code point; then for each char, in the same order,
           u16 count of its bigrams
  nbigrams x (u16 second code point, u8 cost of P(b|a) inside a word)
           grouped by first char, sorted within a group
  npunct   x (u16 code point, u8 cost of P(p | word end))
Bigrams seen fewer than MIN_BIGRAM times (in frequency units) are left out:
the model backs off to the boundary estimate for them.
"""
import collections, math, os, struct, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.join(here, "..", "..", "..")
MIN_BIGRAM = 150
PUNCT = "，。、：；！？“”‘’（）《》「」『』—…·"
WIDE = dict(zip(",.!?:;()", "，。！？：；（）"))


sys.path.insert(0, here)
import freqlists  # noqa: E402

han = freqlists.han
merged, _ = freqlists.simplified(*sys.argv[1:3])
words = sorted(merged.items())
# Traditional forms: the same words through OpenCC by each standard of
# freqlists.TRADITIONAL, where they differ, each as often as its
# simplified word.  Where the list has the form already, it has it as a
# stray (jieba: 說 3 times, 说 219,817): the form is raised to the
# simplified word's count, not left at its own, or Hong Kong's 説, which
# no list has, outweighed the 說 of every other traditional text.
trad = freqlists.traditional(w for w, _ in words)
for w, n in list(words):
    words.extend((tw, n - merged.get(tw, 0)) for tw in trad[w]
                 if merged.get(tw, 0) < n)


def opencc(config, chars):
    """Each character through OpenCC alone: its other form, or itself."""
    out = subprocess.run(["opencc", "-c", config], input="\n".join(chars),
                         check=True, capture_output=True, text=True).stdout
    return dict(zip(chars, out.split("\n")))


every = sorted(set(c for w, _ in words for c in w))
# Simplified only: a character every standard writes otherwise (台 is
# Taiwan's as well as the mainland's).
simp_only = set(every)
for config in freqlists.TRADITIONAL:
    simp_only &= set(c for c, t in opencc(config, every).items() if t != c)
trad_only = set(c for c, t in opencc("t2s.json", every).items() if t != c)

uni, init, end, bi = (collections.Counter() for _ in range(4))
total_words = 0
for w, n in words:
    n += 1
    total_words += n
    init[w[0]] += n
    end[w[-1]] += n
    for c in w:
        uni[c] += n
    for a, b in zip(w, w[1:]):
        bi[a, b] += n
total_chars = sum(uni.values())

# Punctuation per word end after Han text, on the corpus pages.
after_han = collections.Counter()
han_chars = 0
corpus = os.path.join(top, "tests", "data", "corpus")
for name in sorted(os.listdir(corpus)):
    if not name.endswith(".txt"):
        continue
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    for a, b in zip(text, text[1:]):
        if han(a):
            han_chars += 1
            # The pages write some marks in ASCII: the same marks.
            b = WIDE.get(b, b)
            if b in PUNCT:
                after_han[b] += 1
# Word ends per Han character, as the dictionary has them.
ends_per_char = sum(end.values()) / total_chars
boundaries = han_chars * ends_per_char


def cost(p):
    if p <= 0:
        return 255
    return max(0, min(255, int(round(-math.log2(p) * 8))))


chars = sorted(c for c in uni if ord(c) <= 0xFFFF)
groups = collections.defaultdict(list)
for (a, b), n in bi.items():
    if n >= MIN_BIGRAM and ord(a) <= 0xFFFF and ord(b) <= 0xFFFF:
        groups[a].append((b, n))

out = bytearray(b"SPLM1\n")
nbi = sum(len(groups[c]) for c in chars)
punct = [p for p in PUNCT if after_han[p] > 0]
out += struct.pack("<III", len(chars), nbi, len(punct))
for c in chars:
    script = (1 if c in simp_only else 0) | (2 if c in trad_only else 0)
    script = script if script != 3 else 0
    out += struct.pack("<HBBBB", ord(c), cost(uni[c] / total_chars),
                       cost(init[c] / total_words), cost(end[c] / uni[c]),
                       script)
for c in chars:
    out += struct.pack("<H", len(groups[c]))
for c in chars:
    for b, n in sorted(groups[c]):
        out += struct.pack("<HB", ord(b), cost(n / uni[c]))
for p in punct:
    out += struct.pack("<HB", ord(p), cost(after_han[p] / boundaries))

with open(os.path.join(here, "..", "data", "charlm"), "wb") as f:
    f.write(out)
print("charlm: %d characters, %d bigrams, %d marks, %d bytes" %
      (len(chars), nbi, len(punct), len(out)), file=sys.stderr)
