#!/usr/bin/env python3
"""make-pages.py: build the hard-wrap evaluation pages (NAME.in, NAME.gold).

Not run by the tests: it documents how each pair was made.  NAME.in is a
document as the boilerplate step hands it on (one line a paragraph, or
hard-wrapped lines); NAME.gold is the same text with exactly the right
line breaks removed.  The text is never changed, only breaks removed, so
the evaluation compares break positions.

- corpus-001: tests/data/corpus/001_*, prepared lines of
  tests/eval/boilerplate/corpus-001.tsv; its three real hard wraps (lines
  5-6, 55-56, 62-63) joined by hand in the gold.
- wrapped-002-W: the content lines of corpus-002.tsv (five speeches)
  wrapped at W characters as a PDF or word processor would, W = 26, 34, 45;
  the gold is the unwrapped text.  A wrap that falls right after a
  sentence end cannot be seen and must not be joined (sentence ends are
  never joined); the evaluation counts those apart.
- web: the content lines of the labelled Common Crawl pages, which have no
  hard wraps: every join there is a false one.

Run from the repository root: python3 tests/eval/hardwrap/make-pages.py
"""
import glob

D = 'tests/eval/boilerplate/'
OUT = 'tests/eval/hardwrap/'


def content(name):
    return [l.rstrip('\n').split('\t', 1)[1]
            for l in open(D + name + '.tsv', encoding='utf-8')
            if l.startswith('c\t')]


def write(name, lines_in, lines_gold):
    assert ''.join(lines_in) == ''.join(lines_gold)
    open(OUT + name + '.in', 'w').write('\n'.join(lines_in) + '\n')
    open(OUT + name + '.gold', 'w').write('\n'.join(lines_gold) + '\n')


def corpus001():
    lines = content('corpus-001')
    gold = []
    joins = {4, 54, 61}     # 0-based: line i joined with line i+1
    i = 0
    while i < len(lines):
        if i in joins:
            gold.append(lines[i] + lines[i + 1])
            i += 2
        else:
            gold.append(lines[i])
            i += 1
    write('corpus-001', lines, gold)


def wrapped002(width):
    paras = content('corpus-002')
    out = []
    for p in paras:
        while len(p) > width:
            out.append(p[:width])
            p = p[width:]
        out.append(p)
    write('wrapped-002-%d' % width, out, paras)


def web():
    lines = []
    for f in sorted(glob.glob(D + 'web-*.tsv')):
        name = f[len(D):-4]
        lines += content(name)
    write('web', lines, lines)


corpus001()
for w in (26, 34, 45):
    wrapped002(w)
web()
