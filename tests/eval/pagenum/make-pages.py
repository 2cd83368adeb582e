#!/usr/bin/env python3
"""make-pages.py: build the page-number evaluation pages (NAME.in,
NAME.gold) of tests/eval/sp-clean-pagenum.sh.

Not run by the tests: it documents how each pair was made.  A speech
printed from a PDF or a word processor keeps a number where each page
broke, and the page broke wherever the text reached the foot of the page,
mostly mid-sentence.  From the content lines of a speech page
(tests/eval/boilerplate/corpus-NNN.tsv, one paragraph a line), pages of
PAGE characters (varied by a tenth, as headings and short lines vary a
page's fill) are cut, and the next page's number is put where each ends,
as the copies on the web have it:
  - inside the line, with a space each side ("全市机 2 关干部");
  - on a line of its own between the halves ("…机" / "2" / "关干部…");
  - after a sentence end, with a space after it ("。11 市委").
NAME.gold is the text without them.  Numbering starts at a random page
between 1 and 5 (a cover and a contents page come first).

- printed-000: corpus-000 (a speech), pages of 600 characters.
- printed-002: corpus-002 (five speeches), pages of 800 characters.

Run from the repository root: python3 tests/eval/pagenum/make-pages.py
"""
import random

D = 'tests/eval/boilerplate/'
OUT = 'tests/eval/pagenum/'
FINAL = '。！？；'


def content(name):
    with open(D + name + '.tsv', encoding='utf-8') as f:
        return [l.rstrip('\n').split('\t', 1)[1] for l in f
                if l.startswith('c\t')]


def printed(lines, page, rng):
    text = '\n'.join(lines)
    out = []
    number = rng.randint(1, 5)
    at = 0
    while True:
        end = at + int(page * rng.uniform(0.9, 1.1))
        if end >= len(text):
            out.append(text[at:])
            break
        # A page does not end on a line break or a space: its number
        # would be on a line of its own, between paragraphs.
        while end < len(text) and text[end - 1] in '\n ' or \
                text[end] in '\n ':
            end += 1
        out.append(text[at:end])
        number += 1
        if text[end - 1] in FINAL:
            out.append('%d ' % number)
        elif rng.random() < 0.5:
            out.append(' %d ' % number)
        else:
            out.append('\n%d\n' % number)
        at = end
    return ''.join(out), text


def main():
    rng = random.Random(11)
    for name, src, page in (('printed-000', 'corpus-000', 600),
                            ('printed-002', 'corpus-002', 800)):
        got, gold = printed(content(src), page, rng)
        with open(OUT + name + '.in', 'w', encoding='utf-8') as f:
            f.write(got + '\n')
        with open(OUT + name + '.gold', 'w', encoding='utf-8') as f:
            f.write(gold + '\n')


main()
