"""freqlists.py: the word frequency lists sp-clean's language models are
built from (mkcharlm.py, mkwordlm.py), merged into one.

Two real lists that Debian packages ship:

  jieba   jieba's dictionary (python3-jieba,
          /usr/lib/python3/dist-packages/jieba/dict.txt): some 349,000
          words, simplified, space-separated "WORD COUNT TAG".
  essay   Rime's essay (rime-essay, /usr/share/rime-data/essay.txt): some
          313,000 words and phrases, traditional, "WORD<TAB>COUNT",
          counted in running text: it has the collocations a word list
          lacks (又要, 是要, 換個 are entries), and its counts rank words
          as prose uses them (正在 above 坐在; jieba has it the other way).

Each list counts as much as the other: essay's counts are scaled to
jieba's total, so the thresholds of the scripts, set in jieba's units,
keep their meaning.  Essay's words are brought to simplified forms by
OpenCC (t2s) and counted there with jieba's; the scripts then derive the
traditional forms of the merged list by OpenCC (s2t), as they did of
jieba's alone.

Measured on 2026-12-04 (tests/eval/sp-clean-mojibake.sh, characters of
GBK read one byte off restored exactly, dev / held-out / crawl): jieba
alone .913 / .877 / .835, both .917 / .889 / .876; UTF-8 read as GBK
.990 / .983 / .976, both .990 / .987 / .979; on the SogouCA sample, 794
spans repaired and 27 lines with a "?" span left, then 796 and 25; no
clean line changed either way.  Weighting essay half or twice as much
moved these by a point or two either way: equal shares it is.
"""
import subprocess

JIEBA = "/usr/lib/python3/dist-packages/jieba/dict.txt"
ESSAY = "/usr/share/rime-data/essay.txt"


def han(c):
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def read(path):
    """The list's words of Han characters with their counts, and the
    total count of all its entries."""
    words, total = {}, 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.replace("\t", " ").split(" ")
            if len(parts) < 2:
                continue
            w, n = parts[0], int(parts[1])
            total += n
            if n > 0 and w and all(han(c) for c in w):
                words[w] = words.get(w, 0) + n
    return words, total


def opencc(config, words):
    """Each word through OpenCC with CONFIG (s2t.json, t2s.json)."""
    out = subprocess.run(["opencc", "-c", config], input="\n".join(words),
                         check=True, capture_output=True, text=True).stdout
    return dict(zip(words, out.split("\n")))


# The standards of traditional text: OpenCC's own (s2t: 爲, 衆, 裏), and
# those the web's traditional pages write, Taiwan's (s2tw: 為, 眾, 裡) and
# Hong Kong's (s2hk: 為, 眾, 裏).
TRADITIONAL = ("s2t.json", "s2tw.json", "s2hk.json")


def traditional(words):
    """Each of WORDS (simplified) with its traditional forms of the same
    length in Han characters that differ from it, by each standard of
    TRADITIONAL, without repeats: {word: [form, ...]}."""
    words = list(words)
    forms = {w: [] for w in words}
    for config in TRADITIONAL:
        for w, t in opencc(config, words).items():
            if t != w and len(t) == len(w) and all(han(c) for c in t) \
                    and t not in forms[w]:
                forms[w].append(t)
    return forms


def simplified(jieba=JIEBA, essay=ESSAY):
    """The merged list in simplified forms: {word: count}, in jieba's
    units (counts need not be whole), and its total."""
    words, total = read(jieba)
    if not essay:
        return words, total
    trad, etotal = read(essay)
    scale = total / etotal
    simp = opencc("t2s.json", sorted(trad))
    for w, n in trad.items():
        s = simp.get(w, w)
        if len(s) != len(w) or not all(han(c) for c in s):
            s = w
        words[s] = words.get(s, 0) + n * scale
    return words, total * 2
