#!/usr/bin/python3
"""Makes tests/eval/decode/made/: real clean text re-encoded by iconv's
codecs (through Python's), for the encodings whose real files could not be
had byte for byte (UTF-16 and UTF-32 with and without a byte order mark,
EUC-TW) and for more Chinese text in GB18030 and Big5.  Run by hand, never
by the tests:

  /usr/bin/python3 tests/eval/decode/make-made.py SHARED_CORPUS_DIR

Sources: the pages of tests/data/corpus (simplified), the gold articles of
SHARED_CORPUS_DIR/labelled-web/gold (simplified and traditional), and the
texts of tests/eval/decode/real (Japanese, Korean, Spanish).  Each text is
cut to its first lines up to about 3000 characters.  A file's folder names
its encoding; "-bom" means the file starts with a byte order mark.
"""
import codecs, os, sys

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.join(here, "..", "..", "..")
shared = sys.argv[1]


def head(text, limit=3000):
    out, n = [], 0
    for line in text.splitlines(True):
        if n + len(line) > limit and out:
            break
        out.append(line)
        n += len(line)
    return "".join(out)


def corpus(name):
    with open(os.path.join(top, "tests", "data", "corpus", name), encoding="utf-8") as f:
        return head(f.read())


def gold(n):
    with open(os.path.join(shared, "labelled-web", "gold", "%03d.txt" % n), encoding="utf-8") as f:
        return head(f.read())


def real(path, enc):
    with open(os.path.join(here, "real", path), encoding=enc) as f:
        return head(f.read())


boms = {"UTF-8": codecs.BOM_UTF8, "UTF-16LE": codecs.BOM_UTF16_LE,
        "UTF-16BE": codecs.BOM_UTF16_BE, "UTF-32LE": codecs.BOM_UTF32_LE,
        "UTF-32BE": codecs.BOM_UTF32_BE}
pycodec = {"GB18030": "gb18030", "BIG5": "big5", "EUC-TW": None}

made = [
    ("corpus-000.txt", corpus("000_a380da0ee0027f44.txt"), ["UTF-16LE", "UTF-32LE", "UTF-8-bom", "UTF-32BE-bom", "GB18030"]),
    ("corpus-001.txt", corpus("001_a5a9ba5a6d09eae4.txt"), ["UTF-16BE", "UTF-32BE", "UTF-16LE-bom", "GB18030"]),
    ("corpus-002.txt", corpus("002_d6dbffc23111a032.txt"), ["UTF-32LE-bom", "UTF-16BE-bom", "UTF-16LE", "GB18030"]),
    ("web-003.txt", gold(3), ["UTF-32LE", "GB18030"]),
    ("web-006.txt", gold(6), ["UTF-16BE", "GB18030"]),
    ("web-008.txt", gold(8), ["BIG5", "UTF-16LE", "EUC-TW"]),
    ("web-009.txt", gold(9), ["BIG5", "UTF-32BE"]),
    ("web-010.txt", gold(10), ["BIG5", "EUC-TW"]),
    ("web-012.txt", gold(12), ["BIG5", "UTF-16LE-bom"]),
    ("ja-sjis-ude-2.txt", real("SHIFT_JIS/_ude_2.txt", "shift_jis"), ["UTF-16LE", "UTF-32LE"]),
    ("ko-euckr-88455a1.txt", real("EUC-KR/88455a1-euc-kr.txt", "euc-kr"), ["UTF-16BE", "UTF-32BE"]),
    ("es-latin1-ude-5.txt", real("iso-8859-1/_ude_5.txt", "latin-1"), ["UTF-16LE", "UTF-32LE"]),
]

for name, text, encs in made:
    for enc in encs:
        base = enc[:-4] if enc.endswith("-bom") else enc
        if base == "EUC-TW":
            import subprocess
            data = subprocess.run(["iconv", "-f", "UTF-8", "-t", "EUC-TW"],
                                  input=text.encode("utf-8"), check=True,
                                  capture_output=True).stdout
        elif base in pycodec:
            data = text.encode(pycodec[base])
        else:
            data = text.encode(base.lower().replace("utf-", "utf_"))
        if enc.endswith("-bom"):
            data = boms[base] + data
        d = os.path.join(here, "made", enc)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
