#!/usr/bin/python3
"""Builds sp-clean's word language model, data/wordlm (run by hand, never
at build or run time; the built file is committed):

  /usr/bin/python3 gen/mkwordlm.py [JIEBA_DICT [ESSAY]]

JIEBA_DICT and ESSAY are the word frequency lists of freqlists.py
(python3-jieba's dictionary, rime-essay's essay), merged.  Their words of
Han characters, one to four long, with their traditional forms from
OpenCC (Debian's opencc, s2t, s2tw and s2hk: freqlists.TRADITIONAL, each
counted as often as its simplified word), make the model; words of two
and more seen fewer than MIN_COUNT times (in jieba's units) are left out
(the long tail of rare names and terms, most of them counted 3: two
thirds of the file for them, and they seldom decide a lost character;
terms such as 赊销, counted 11, do).

The mojibake repair (wordlm.c) costs a few characters around a lost one as
the likeliest way to cut them into words, a word costing -log2 of its
share of all the words of the list: where the character bigram model
(charlm) reads 心灵魂 as two words that overlap, this one reads 的灵魂.

File format (numbers little-endian):
  "SPWL1\\n"
  u32 nwords
  nwords x (u8 length in characters, u8 cost: -log2 of the word's share,
           in eighths of a bit, capped at 255, length x u16 code point)
"""
import math, os, struct, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import freqlists  # noqa: E402

MIN_COUNT = 10
han = freqlists.han

merged, total = freqlists.simplified(*sys.argv[1:3])
words = {w: n for w, n in merged.items()
         if 1 <= len(w) <= 4 and (len(w) == 1 or n >= MIN_COUNT)}

# Traditional forms: the same words through OpenCC by each standard of
# freqlists.TRADITIONAL, each as often as its simplified word, also where
# the list has the form as a stray of its own (jieba: 說 3 times, 说
# 219,817; see mkcharlm.py).
simp = sorted(words)
for w, forms in freqlists.traditional(simp).items():
    for tw in forms:
        if words.get(tw, 0) < words[w]:
            words[tw] = words[w]


def cost(n):
    return max(0, min(255, int(round(-math.log2(n / total) * 8))))


keep = sorted(w for w in words if all(ord(c) <= 0xFFFF for c in w))
out = bytearray(b"SPWL1\n")
out += struct.pack("<I", len(keep))
for w in keep:
    out += struct.pack("<BB", len(w), cost(words[w]))
    out += b"".join(struct.pack("<H", ord(c)) for c in w)
with open(os.path.join(here, "..", "data", "wordlm"), "wb") as f:
    f.write(out)
print("wordlm: %d words, %d bytes" % (len(keep), len(out)), file=sys.stderr)
