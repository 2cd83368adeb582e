#!/usr/bin/python3
"""Makes the labelled mojibake set of tests/eval/sp-clean-mojibake.sh
(run by hand, never by the tests):

  /usr/bin/python3 gen/mkeval.py LABELLED_WEB_GOLD_DIR > FILE.tsv

From real clean text it makes the three kinds of mojibake step 6 repairs,
by the mechanisms that make them on the web, with Python's codecs (as
Debian's python3 has them) losing bytes the way decoders of the web do:
each byte a decoder cannot place becomes '?'.  Lines are
"SET<TAB>KIND<TAB>MANGLED<TAB>TRUE":

  SET         dev: sentences of the pages of tests/data/corpus (tuned on);
              held: sentences of the gold articles of the labelled web
              pages (news of Taiwan, Hong Kong and the mainland, never
              looked at while tuning until 2026-12-03, when its
              gbk-shift failures were read)
              cc: sentences of the Common Crawl pages of tests/data/web
              (made 2026-12-03, after the held set was read; of it,
              only the three utf8-gbk lines a change lost on were
              read, to see why); pages whose text is itself mojibake
              are left out
  gbk-shift   GBK bytes decoded from one byte on, from a random character
              to the end of the sentence: the decoder pairs the bytes one
              off, writes '?' for a pair GBK does not have and goes on
              from the next byte (which realigns it, as on the real pages)
  gbk-latin1  the GBK bytes read as Windows-1252 ('?' for its five
              undefined bytes)
  utf8-gbk    the UTF-8 bytes read as GBK
  utf8-latin1 the UTF-8 bytes read as Windows-1252 ('?' for its five
              undefined bytes)
  clean       the sentence itself: nothing may change
"""
import json, os, random, re, sys

random.seed(7)
here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "..", "..", "tests", "data", "corpus")
gold = sys.argv[1]


def sentences(text):
    out = []
    for s in re.split(r"(?<=[。！？])", text):
        s = s.strip()
        if 12 <= len(s) <= 80 and re.search(r"[\u4e00-\u9fff]{6}", s) and \
                not re.search(r"[\s\x00-\x1f?\ufffd]", s):
            try:
                s.encode("gbk")
            except UnicodeEncodeError:
                continue
            out.append(s)
    return out


def read_all(d, names):
    out = []
    for name in names:
        with open(os.path.join(d, name), encoding="utf-8") as f:
            out += sentences(f.read())
    random.shuffle(out)
    return out


def lossy(b, enc):
    return b.decode(enc, errors="replace").replace("\ufffd", "?")


def shift(s):
    """The decoder loses one byte before a random Han character."""
    b = s.encode("gbk")
    starts, i = [], 0
    for ch in s:
        n = len(ch.encode("gbk"))
        if n == 2 and i > 0 and "\u4e00" <= ch <= "\u9fff":
            starts.append(i)
        i += n
    p = random.choice(starts[: max(1, len(starts) // 2)])
    return b[:p].decode("gbk") + "?" + lossy(b[p + 1:], "gbk")


def latin1(s):
    return lossy(s.encode("gbk"), "cp1252")


def utf8gbk(s):
    return lossy(s.encode("utf-8"), "gbk")


def utf8latin1(s):
    return lossy(s.encode("utf-8"), "cp1252")


def read_crawl(path):
    """Sentences of the crawled pages, but for those whose text is UTF-8
    read as GBK already (its signature: 鈥 for the bytes of a dash or
    quote, 锟 for those of U+FFFD)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            if "鈥" not in text and "锟" not in text:
                out += sentences(text)
    random.shuffle(out)
    return out


def write(name, sents):
    kinds = [("gbk-shift", shift, 60), ("gbk-latin1", latin1, 30),
             ("utf8-gbk", utf8gbk, 30), ("utf8-latin1", utf8latin1, 20),
             ("clean", lambda s: s, 80)]
    at = 0
    for kind, make, count in kinds:
        for s in sents[at:at + count]:
            m = make(s)
            if kind != "clean" and m == s:
                continue
            print("%s\t%s\t%s\t%s" % (name, kind, m, s))
        at += count


# Both read (and shuffled) before either is made, as they always were.
dev = read_all(corpus, sorted(n for n in os.listdir(corpus)
                              if n.endswith(".txt")))
held = read_all(gold, sorted(os.listdir(gold)))
write("dev", dev)
write("held", held)
# Its own seed, so that the sets made before it stay as they were.
random.seed(11)
write("cc", read_crawl(os.path.join(here, "..", "..", "..", "tests", "data",
                                    "web", "commoncrawl-zh-100.jsonl")))
