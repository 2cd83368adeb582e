"""bpdata.py: the labelled lines the boilerplate model learns from.

Each labelled page is run through sp-clean --features, so the model
learns from the very lines and features sp-clean computes at run time;
each line it gives is labelled content (1) or boilerplate (0).

Sources (all under tests/, see their READMEs):
  tests/data/labelled-web       59 Chinese news and government pages, as
                                a w3m dump, a naive dump and HTML, with
                                the gold article of each
  tests/data/labelled-web-more  160 pages in English, Greek, Polish and
                                Russian, laid out the same way
  tests/eval/boilerplate        范文 and Common Crawl pages, every line
                                labelled c or b by hand, as the chain gives
                                them to the boilerplate step

The lines of the labelled-web pages are labelled by the rule their README
gives for the dumps' lines (6-grams of the gold), applied to the lines
sp-clean makes of the dump or the HTML.  Hand labels are used as they are.
"""
import os
import re
import subprocess
import unicodedata

# Lines shorter than this (normalised) are judged by the short-line rules.
SHORT = 8
GRAM = 6


def norm(s):
    """The labels' normalisation: NFKC, case folded, no punctuation,
    symbols, separators, controls or white space (score_clean.py)."""
    s = unicodedata.normalize('NFKC', s).casefold()
    return ''.join(ch for ch in s
                   if unicodedata.category(ch)[0] not in 'PSZC'
                   and not ch.isspace())


class Gold:
    """A page's gold article, for labelling lines by its 6-grams."""

    def __init__(self, text):
        self.paras = [norm(p) for p in text.splitlines()]
        self.paras = [p for p in self.paras if p]
        self.whole = ''.join(self.paras)
        self.grams = set()
        for p in self.paras:
            for i in range(len(p) - GRAM + 1):
                self.grams.add(p[i:i + GRAM])

    def covered(self, s):
        """Share of s's characters inside 6-grams of the gold."""
        if not s:
            return 0.0
        inside = [False] * len(s)
        for i in range(len(s) - GRAM + 1):
            if s[i:i + GRAM] in self.grams:
                for k in range(i, i + GRAM):
                    inside[k] = True
        return sum(inside) / len(s)

    def short_in_paragraph(self, s):
        """A short line inside a gold paragraph at most 3 times its
        length: a title, a caption, a dateline."""
        return any(s in p and len(p) <= 3 * len(s) for p in self.paras)

    def joins(self, left, right):
        """Does the gold hold left followed by right, within 2
        characters?"""
        start = 0
        while True:
            i = self.whole.find(left, start)
            if i < 0:
                return False
            j = i + len(left)
            if self.whole.find(right, j, j + 2 + len(right)) >= 0:
                return True
            start = i + 1


def label_lines(lines, gold):
    """1 (body) or 0 (boilerplate) for each line, by the README's rule."""
    ns = [norm(l) for l in lines]
    long_body = [len(n) >= SHORT and gold.covered(n) >= 0.8 for n in ns]
    labels = []
    for i, n in enumerate(ns):
        if not n:
            labels.append(0)
        elif len(n) >= SHORT:
            labels.append(1 if long_body[i] else 0)
        elif gold.short_in_paragraph(n):
            labels.append(1)
        elif i > 0 and long_body[i - 1] and gold.joins(ns[i - 1][-SHORT:], n):
            labels.append(1)
        elif i + 1 < len(ns) and long_body[i + 1] and \
                gold.joins(n, ns[i + 1][:SHORT]):
            labels.append(1)
        else:
            labels.append(0)
    return labels


def features(sp_clean, args, stdin):
    """sp-clean --features on stdin, a stream of documents: for each
    document, (names, rows), rows being (values, text) a line."""
    cmd = [sp_clean, '--features', '-j1'] + list(args)
    out = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    docs, names, rows = [], None, None
    for line in out.split('\n'):
        if line.startswith('#features\t'):
            names = line.split('\t')[1:]
            rows = []
            docs.append((names, rows))
            continue
        if not line or line == '\f':
            continue
        parts = line.split('\t')
        k = len(names)
        vals = [float(v) for v in parts[1:k + 1]]
        rows.append((vals, '\t'.join(parts[k + 1:])))
    return docs


def read_sources(folder):
    """id -> (site, language, encoding) of a folder's sources.tsv."""
    out = {}
    with open(os.path.join(folder, 'sources.tsv'), encoding='utf-8') as f:
        head = f.readline().rstrip('\n').split('\t')
        for line in f:
            row = dict(zip(head, line.rstrip('\n').split('\t')))
            site = re.sub(r'^www\.', '', row.get('domain', '') or row['id'])
            out[row['id']] = (site, row.get('language', 'zh'),
                              row.get('encoding', 'utf-8') or 'utf-8')
    return out


# Each form of a page: the file, and the options sp-clean reads it with.
FORMS = (('w3m', '%s.txt', []), ('naive', 'naive/%s.txt', []),
         ('html', 'html/%s.html', ['--html']))


def page_text(folder, pattern, pid, encoding):
    """A page's file as UTF-8 (the HTML may be in the site's encoding)."""
    with open(os.path.join(folder, pattern % pid), 'rb') as f:
        data = f.read()
    if pattern.endswith('.html') and encoding.lower() != 'utf-8':
        data = data.decode(encoding, 'replace').encode()
    return data


# A page's views: cleaned alone (no furniture counts, as a user cleaning
# one page gets it) and in its site's stream (--learn-furniture: the
# lines its site's other pages repeat are counted, as in a run over a
# day's pages).
VIEWS = {'alone': [], 'stream': ['--learn-furniture']}


def labelled_web(sp_clean, folder, corpus, views=('alone', 'stream')):
    """Yields dicts: corpus, page, site, lang, kind, view, names, rows,
    labels; each page once a view of views (VIEWS).

    The pages of one site go through sp-clean together, as documents of
    one stream; only the stream view counts what they repeat."""
    sources = read_sources(folder)
    sites = {}
    for pid in sorted(sources):
        sites.setdefault(sources[pid][0], []).append(pid)
    for site in sorted(sites):
        pids = sites[site]
        golds = {}
        for pid in pids:
            with open(os.path.join(folder, 'gold', pid + '.txt'),
                      encoding='utf-8') as f:
                golds[pid] = Gold(f.read())
        for kind, pattern, args in FORMS:
            stream = b'\n\f\n'.join(
                page_text(folder, pattern, pid, sources[pid][2])
                for pid in pids)
            for view in views:
                docs = features(sp_clean, args + VIEWS[view], stream)
                if len(docs) != len(pids):
                    raise SystemExit('%s %s: %d pages, %d documents'
                                     % (site, kind, len(pids), len(docs)))
                for pid, (names, rows) in zip(pids, docs):
                    labels = label_lines([t for _, t in rows], golds[pid])
                    yield dict(corpus=corpus, page=pid, site=site,
                               lang=sources[pid][1], kind=kind, view=view,
                               names=names, rows=rows, labels=labels)


def trained_pages(folder):
    """The pages of folder/TRAINED, those make train learns from."""
    with open(os.path.join(folder, 'TRAINED'), encoding='utf-8') as f:
        return {line.strip() for line in f
                if line.strip() and not line.startswith('#')}


def hand_labelled(sp_clean, folder):
    """The hand-labelled pages of tests/eval/boilerplate named in its
    TRAINED, through the boilerplate step alone (they are the chain's
    lines already).  The others are held out."""
    trained = trained_pages(folder)
    for name in sorted(os.listdir(folder)):
        if not name.endswith('.tsv') or name[:-4] not in trained:
            continue
        site, lines, labels = name[:-4], [], []
        with open(os.path.join(folder, name), encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if line.startswith('#'):
                    m = re.search(r'https?://([^/\s]+)', line)
                    if m:
                        site = re.sub(r'^www\.', '', m.group(1))
                    continue
                lab, _, text = line.partition('\t')
                lines.append(text)
                labels.append(1 if lab == 'c' else 0)
        # As the shipped model was trained, so that make train gives it
        # again (on one page, --learn-furniture counts every line as on
        # every page of the "site"; a new model may drop that).
        docs = features(sp_clean, ['--only', 'boilerplate',
                                   '--learn-furniture'],
                        '\n'.join(lines).encode())
        names, rows = docs[0]
        if len(docs) != 1 or len(rows) != len(labels):
            raise SystemExit('%s: %d lines labelled, %d scored'
                             % (name, len(labels), len(rows)))
        yield dict(corpus='hand', page=name[:-4], site=site, lang='zh',
                   kind='hand', view='stream', names=names, rows=rows,
                   labels=labels)
