#!/usr/bin/env python3
"""make-pages.py: build the labelled pages of tests/eval/boilerplate.

Not run by the tests: it documents how each *.tsv was made.  Each page is
prepared as sp-clean's chain gives it to the boilerplate step (all steps
before it: decoding, HTML, Unicode, spaces, pinyin, mojibake, punctuation),
then every line is labelled by hand: the tables below give, per page, the
raw line numbers (0-based) that are content; all other lines are
boilerplate.  Output: one "c<TAB>line" or "b<TAB>line" per line.

Run from the repository root after a build:
    SP_CLEAN=build/bin/sp-clean python3 tests/eval/boilerplate/make-pages.py
"""
import json
import os
import subprocess

SP_CLEAN = os.environ.get('SP_CLEAN', 'build/bin/sp-clean')


def prepare(raw_lines):
    """Yields (raw index, prepared line) for the lines the chain gives.

    Each raw line goes through sp-clean's chain up to the boilerplate step
    as a JSON Lines record of its own, so every output line is known to
    come from one raw line."""
    recs = ''.join(json.dumps({'i': i, 'text': l}, ensure_ascii=False) + '\n'
                   for i, l in enumerate(raw_lines))
    out = subprocess.run([SP_CLEAN, '--jsonl', '--no-boilerplate',
                          '--no-hardwrap'], input=recs.encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    for rec in out.decode().splitlines():
        d = json.loads(rec)
        for part in d['text'].split('\n'):
            if part:
                yield d['i'], part


def write(name, source, pairs, content):
    n = 0
    with open('tests/eval/boilerplate/%s.tsv' % name, 'w') as f:
        f.write('# %s\n' % source)
        for i, line in pairs:
            f.write('%s\t%s\n' % ('c' if i in content else 'b', line))
            n += 1
    print(name, n, 'lines')


def ranges(*rs):
    s = set()
    for r in rs:
        if isinstance(r, int):
            s.add(r)
        else:
            s.update(range(r[0], r[1] + 1))
    return s


def corpus():
    base = 'tests/data/corpus/'
    raw = open(base + '000_a380da0ee0027f44.txt', encoding='utf-8').read()
    raw = raw.split('\n')
    # 0 更多服务, 2 作者/来源/日期/浏览, 4 the site's name and domain.
    write('corpus-000', base + '000_a380da0ee0027f44.txt',
          prepare(raw),
          set(range(len(raw))) - {0, 2, 4})
    raw = open(base + '001_a5a9ba5a6d09eae4.txt', encoding='utf-8').read()
    raw = raw.split('\n')
    write('corpus-001', base + '001_a5a9ba5a6d09eae4.txt', prepare(raw),
          set(range(len(raw))))
    raw = open(base + '002_d6dbffc23111a032.txt', encoding='utf-8').read()
    raw = raw.split('\n')
    # 0 breadcrumb, 4 time/source, 6 小编 promo, 10 the site's blurb,
    # 476 推荐访问, 478 版权所有, 480 Powered by / 备案号.
    write('corpus-002', base + '002_d6dbffc23111a032.txt', prepare(raw),
          set(range(len(raw))) - {0, 4, 6, 10, 476, 478, 480})


# Common Crawl pages: record number -> content lines (0-based raw lines).
WEB = {
    0: ranges(15, (17, 22)),
    4: ranges(18, (20, 46)),
    9: ranges(9, (11, 69)),
    14: ranges(12, (14, 17)),
    15: ranges(26, (28, 48)),
    25: ranges(37, (40, 43)),
    43: ranges(3, 6, (7, 72)),
    55: ranges(17, (19, 26)),
    61: ranges(9, (11, 30)),
    66: ranges(8, (11, 12)),
    78: ranges(23, 24),
    86: ranges(22, (24, 26)),
    93: ranges(40, (45, 54)),
    98: ranges(19, (22, 27)),
}


# Pages labelled after the scorer was tuned on the ones above, and never
# tuned on: the evaluation prints their figures apart (files heldout-*).
HELDOUT = {
    36: ranges((75, 77)),
    50: ranges(12, (15, 18)),
    51: ranges(41),
    82: ranges(4, 7, 8, 9, 11, 12),
    96: ranges(34, 38, 39),
}


def web():
    path = 'tests/data/web/commoncrawl-zh-100.jsonl'
    recs = open(path, encoding='utf-8').readlines()
    for k, content in sorted(WEB.items()):
        d = json.loads(recs[k])
        write('web-%02d' % k, '%s record %d (0-based): %s' % (path, k, d['url']),
              prepare(d['text'].split('\n')), content)


    for k, content in sorted(HELDOUT.items()):
        d = json.loads(recs[k])
        write('heldout-web-%02d' % k,
              '%s record %d (0-based): %s' % (path, k, d['url']),
              prepare(d['text'].split('\n')), content)


corpus()
web()
