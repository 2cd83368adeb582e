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
# The document's title is content, the page's <title> line (the first) and
# the breadcrumb's last item are not; the site's date/author/source/views
# line under the title is b, a byline inside the text is content.  Pages
# with no document (lists of links or teasers, login forms, spam lists,
# error pages) are all b; a list that shows an entry's whole text is
# content there.  Spun or stitched text where the article goes is content,
# by its place on the page: judging spam is not this step's job.  Records
# not labelled: 17, 37 (French), 20, 42, 53, 54, 65 (English), 24
# (Russian), 81 (one line, the title alone).
WEB = {
    0: ranges(15, (17, 22)),
    # A forum board's index of threads: no document.
    1: ranges(),
    # A product page: the product's name and its properties, the
    # property table's bare header row too.
    2: ranges((161, 174)),
    # A channel index of teasers: no document.
    3: ranges(),
    4: ranges(18, (20, 46)),
    # A porn video page (title, a templated synopsis field, links): spam.
    5: ranges(),
    # Stitched text under a gambling site's title: the article's place on
    # the page is content, as on pages 25 and 66; 7 ends the breadcrumb.
    6: ranges(8, (13, 25)),
    # A tag archive whose one entry is a truncated teaser ("..."): b.
    7: ranges(),
    8: ranges(16, (18, 23)),
    9: ranges(9, (11, 69)),
    # A novel's chapter, as page 43: the chapter heading is content.
    10: ranges(3, (6, 52)),
    12: ranges((14, 18)),
    # A spun novel chapter on a WordPress spam site; the keywords the
    # site injects between its sentences are b.
    13: ranges(3, (7, 12), (14, 46), (48, 49), (51, 55), (57, 69),
               (71, 80)),
    14: ranges(12, (14, 17)),
    15: ranges(26, (28, 48)),
    # A web studio's case page: its name and the case's two sections
    # (headings 项目简介 and 项目服务 with their text).
    16: ranges(10, 18, 19, 21, 22),
    # An index of page components: no document.
    18: ranges(),
    # A dealer's price notice: author 21 and date 22 are b, the table of
    # the truck's figures and the notice's closing line are content.
    19: ranges(20, (23, 38)),
    # A blog's category listing: no document.
    21: ranges(),
    # An article page whose body is missing: its title alone, as page 51.
    22: ranges(22),
    25: ranges(37, (40, 43)),
    # A product category's page listing two products: no document.
    26: ranges(),
    # 本文摘要 17 is b, as on pages 25, 50 and 66.
    27: ranges(15, (18, 25)),
    # A book's landing page: its title and blurb; author line 8 and the
    # chapter list are b.
    28: ranges(7, 9),
    # A photo album page with no photos' text: no document.
    29: ranges(),
    # 75 is an injected title ending the breadcrumb; the article is a
    # software how-to; the download box 78-82 is b.
    30: ranges(76, (83, 88)),
    # Lottery spam, an expired site's notice: no document.
    31: ranges(),
    32: ranges(),
    # A dictionary entry: headword, pronunciation and senses are content;
    # the tabs (37-40, 44-45), 以上來源於 lines and 查看更多 are b.
    33: ranges((41, 43), (46, 83), (85, 93)),
    # A catalogue page, a piracy video page, a mail form, an empty user
    # profile, a video chat room's door, an empty album: no document.
    34: ranges(),
    35: ranges(),
    38: ranges(),
    39: ranges(),
    40: ranges(),
    41: ranges(),
    43: ranges(3, 6, (7, 72)),
    # Porn-spam title over stitched text: by place, as page 6.
    44: ranges(14, (16, 18)),
    # A company page saying it has no content yet: no document.
    45: ranges(),
    # A news item in mojibake: title, lead and text; 24 date/source b.
    46: ranges(21, 23, 25),
    # An app's download page: no document.
    47: ranges(),
    # A shop's product: its name and the English and Chinese materials.
    48: ranges(69, (83, 92)),
    # A porn site's list of links: no document.
    49: ranges(),
    # A product page with its name only.
    52: ranges(24),
    55: ranges(17, (19, 26)),
    # A category page showing its one entry in full (the school's
    # introduction): content, unlike a teaser; date, author and
    # category 13-15 are b.
    56: ranges(12, (16, 17)),
    # A login form: no document.
    58: ranges(),
    # A product page: name, 產品簡介 and the product text; 產品分類 157
    # and the hotline 159-160 are b.
    59: ranges(156, 158, (161, 170)),
    # A recruitment page: the posts, their addresses and mailboxes.
    60: ranges((29, 71)),
    61: ranges(9, (11, 30)),
    # A 404 page, a list of article teasers: no document.
    62: ranges(),
    64: ranges(),
    66: ranges(8, (11, 12)),
    # An auction site's search results: no document.
    68: ranges(),
    69: ranges(37, (40, 69)),
    # A maker's catalogue listing: no document.
    70: ranges(),
    # A hijacked product page in mojibake with injected keywords: by
    # place, as pages 6 and 44.
    71: ranges((50, 86)),
    # A component's page: its attributes; price, stock and the parameter
    # filter 35-38 are b.
    72: ranges((28, 33)),
    # Product pages with their names only, and a product listing.
    73: ranges(16),
    74: ranges(),
    75: ranges(28),
    # 37 ends the breadcrumb; the 【摘要】 40-41 is b as 本文摘要; the
    # article's closing phone and address 45-46 are its text.
    76: ranges(38, (42, 46)),
    # A download page: the file's title.
    77: ranges(58),
    78: ranges(23, 24),
    # A shop's product: name, attributes, description, specification and
    # the maker's English text; price, order and views 51-53, the tabs
    # 54-55 and the maker's page's buttons and tabs 95, 103-108 are b.
    79: ranges((42, 50), (56, 94), (96, 102), (109, 128)),
    # 15 ends the breadcrumb; 21 is a linked older headline.
    80: ranges(16, (17, 20)),
    83: ranges(4, (6, 20)),
    # A company's home page of teasers: no document.
    84: ranges(),
    85: ranges(25),
    86: ranges(22, (24, 26)),
    # A tag page showing its one short post in full.
    87: ranges((7, 9)),
    # A book review: title, the book's author and publisher, the review.
    88: ranges(40, (43, 47)),
    # An almanac day, like the dictionary entry of page 33.
    90: ranges(6, (8, 37)),
    # A login prompt: no document.
    91: ranges(),
    93: ranges(40, (45, 54)),
    94: ranges((88, 89), (91, 119)),
    # A porn site's list, a maker's series listing: no document.
    95: ranges(),
    97: ranges(),
    98: ranges(19, (22, 27)),
}


# Pages labelled after the scorer was tuned on the ones above, and never
# tuned on: the evaluation prints their figures apart (files heldout-*).
HELDOUT = {
    11: ranges(17, (19, 22)),
    # A Taiwanese blog post: the date line 9 is b, photo captions content.
    23: ranges((10, 36)),
    36: ranges((75, 77)),
    50: ranges(12, (15, 18)),
    51: ranges(41),
    # A product page: name, 简要描述, attribute and specification tables.
    57: ranges(42, (47, 48), (50, 219)),
    # A forum post quoting a news item: its date/source line 40 is b.
    63: ranges(39, (41, 65)),
    # A school's list of news items: no document.
    67: ranges(),
    82: ranges(4, 7, 8, 9, 11, 12),
    # Spun news under a porn-spam title; 责任编辑 41 is b.
    89: ranges(3, (5, 40)),
    # 原文链接 30 is b.
    92: ranges(27, 29),
    96: ranges(34, 38, 39),
    # A case page with its title and one word of text.
    99: ranges(36, 38),
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
