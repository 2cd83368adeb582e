#!/usr/bin/python3
"""Builds sp-clean's word bigram model, data/wordbigram (run by hand,
never at build or run time; the built file is committed):

  apt-get install sunpinyin-data sunpinyin-utils opencc
  /usr/bin/python3 gen/mkwordbigram.py [MIN_GAIN]

The source is the open-gram language model that Debian's sunpinyin-data
ships (/usr/lib/x86_64-linux-gnu/sunpinyin/data: lm_sc.t3g, a back-off
word trigram model counted in a large corpus of running Chinese text,
and pydict_sc.bin, its lexicon), printed as text by sunpinyin-utils'
tslminfo.  Where the word lists of freqlists.py say how common a word
is, this says which word follows which: 这里|您, 就是|要, 承担|为.

Kept: the unigrams of its words of one to four Han characters and of the
Chinese punctuation it counts (，。；？！：“”、), and their bigrams whose
probability is at least MIN_GAIN (default 2) nats above what backing off
to the unigram gives; trigrams are left out.  Measured on 2026-12-05
(tests/eval/sp-clean-mojibake.sh, characters restored exactly, dev /
held-out / crawl, GBK read one byte off and UTF-8 read as GBK): every
bigram (11.2 MB) .909 / .911 / .873 and .994 / .992 / .982; MIN_GAIN 2
(7.8 MB) the same; 3 (6.0 MB) .909 / .911 / .873 and .994 / .991 / .982;
4 (4.6 MB) UTF-8 read as GBK .994 / .990 / .982.  Each word's
traditional forms from OpenCC (s2t, s2tw, s2hk: freqlists.TRADITIONAL)
are read as the same word.

The lexicon (pydict_sc.bin, little-endian): u32 number of word ids, u32
trie nodes, u32 offset of the string table; at that offset, the words in
id order from id 0, each NUL-terminated UCS-4 (the ids of sentence ends
and other tokens are empty).

File format (numbers little-endian; a cost is -log2 of a probability in
eighths of a bit, capped at 255; a back-off weight is -log2 in eighths of
a bit plus 128, in 0..255):
  "SPWB1\\n"
  u32 nwords, u32 nforms, u32 nbigrams
  nwords   x (u8 cost of the word, u8 back-off weight after it)
  nwords+1 x u32 index of the word's first bigram (its bigrams are those
           up to the next word's first)
  nforms   x (u8 length in characters, u8 0, u32 word, length x u16 code
           point): the written forms of the words
  nbigrams x (u8 cost of the second word after the first, 3 bytes: the
           second word), grouped by first word, sorted by second
"""
import math, os, struct, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import freqlists  # noqa: E402

DATA = "/usr/lib/x86_64-linux-gnu/sunpinyin/data"
PUNCT = "，。；？！：“”、"
LONGEST = 4
min_gain = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
han = freqlists.han

raw = open(os.path.join(DATA, "pydict_sc.bin"), "rb").read()
nid, _, at = struct.unpack("<3I", raw[:12])
lexicon = []
for _ in range(nid):
    end = at
    while raw[end:end + 4] != b"\0\0\0\0":
        end += 4
    lexicon.append(raw[at:end].decode("utf-32-le"))
    at = end + 4

arpa = subprocess.run(["tslminfo", "-v", os.path.join(DATA, "lm_sc.t3g")],
                      check=True, capture_output=True, text=True).stdout

LN2 = math.log(2)


def eighths(nats):
    return max(0, min(255, round(nats / LN2 * 8)))


def keep(w):
    return (1 <= len(w) <= LONGEST and all(han(c) for c in w)) or \
        (len(w) == 1 and w in PUNCT)


uni, bow, bigrams = {}, {}, {}
section = 0
for line in arpa.split("\n"):
    if line.startswith("\\"):
        section += 1
        continue
    f = line.split()
    if section == 2 and len(f) >= 3:
        i = int(f[0])
        if i < len(lexicon) and keep(lexicon[i]):
            uni[i], bow[i] = float(f[1]), float(f[2])
    elif section == 3 and len(f) >= 3:
        a, b = int(f[0]), int(f[1])
        if a in uni and b in uni:
            cost = float(f[2])
            if bow[a] + uni[b] - cost >= min_gain:
                bigrams.setdefault(a, []).append((b, cost))

ids = sorted(uni, key=lambda i: lexicon[i])
index = {i: k for k, i in enumerate(ids)}
forms = {}
for i in ids:
    forms.setdefault(lexicon[i], index[i])
trad = freqlists.traditional(lexicon[i] for i in ids)
for i in ids:
    for t in trad[lexicon[i]]:
        if keep(t) and t not in forms:
            forms[t] = index[i]

out = bytearray(b"SPWB1\n")
nbi = sum(len(v) for v in bigrams.values())
out += struct.pack("<3I", len(ids), len(forms), nbi)
for i in ids:
    out += struct.pack("<BB", eighths(uni[i]),
                       max(0, min(255, 128 + round(bow[i] / LN2 * 8))))
first = 0
for i in ids:
    out += struct.pack("<I", first)
    first += len(bigrams.get(i, ()))
out += struct.pack("<I", first)
for w, k in sorted(forms.items()):
    out += struct.pack("<BBI", len(w), 0, k)
    out += b"".join(struct.pack("<H", ord(c)) for c in w)
for i in ids:
    for b, cost in sorted(bigrams.get(i, ()), key=lambda e: index[e[0]]):
        out += struct.pack("<B", eighths(cost)) + \
            index[b].to_bytes(3, "little")
path = os.path.join(here, "..", "data", "wordbigram")
with open(path, "wb") as f:
    f.write(out)
print(f"{path}: {len(ids)} words, {len(forms)} forms, {nbi} bigrams, "
      f"{len(out)} bytes", file=sys.stderr)
