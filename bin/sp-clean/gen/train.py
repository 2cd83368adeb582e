#!/usr/bin/python3
"""train.py: learn sp-clean's boilerplate model (make train).

    /usr/bin/python3 bin/sp-clean/gen/train.py SP_CLEAN [--out DIR]

Runs SP_CLEAN --features over the labelled pages (bpdata.py), learns a
gradient boosted tree ensemble (scikit-learn's HistGradientBoosting,
Debian python3-sklearn) and writes:

  bin/sp-clean/data/boilerplate.model   the model, trained on every page
  tests/eval/boilerplate-web/fold-K.model, folds.tsv
                                        one model a fold of sites, each
                                        trained without that fold's sites,
                                        for make check's cross-validated
                                        figures: no page is scored by a
                                        model that saw its site

The cut-off (the probability at which a line goes) is chosen on the
cross-validated predictions: the most boilerplate removed while the
article's characters kept stay at CONTENT_FLOOR or more, on the Chinese
pages.  Everything is seeded: the same data gives the same files.
"""
import argparse
import hashlib
import math
import os
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bpdata  # noqa: E402

FOLDS = 5
CONTENT_FLOOR = 0.997
PARAMS = dict(max_iter=200, learning_rate=0.1, max_leaf_nodes=15,
              min_samples_leaf=40, l2_regularization=1.0,
              early_stopping=False, random_state=0)


def fold_of(site):
    """A site's fold: fixed by its name, so adding pages moves none."""
    return int(hashlib.md5(site.encode()).hexdigest(), 16) % FOLDS


def collect(sp_clean, root):
    pages = []
    tests = os.path.join(root, 'tests')
    pages += bpdata.labelled_web(sp_clean, os.path.join(
        tests, 'data', 'labelled-web'), 'web')
    pages += bpdata.labelled_web(sp_clean, os.path.join(
        tests, 'data', 'labelled-web-more'), 'more')
    pages += bpdata.hand_labelled(sp_clean, os.path.join(
        tests, 'eval', 'boilerplate'))
    return pages


def arrays(pages):
    names = pages[0]['names']
    X, y, w, meta = [], [], [], []
    for p in pages:
        if p['names'] != names:
            raise SystemExit('pages scored with different features')
        for (vals, text), lab in zip(p['rows'], p['labels']):
            chars = len(bpdata.norm(text))
            if chars == 0:
                continue
            X.append(vals)
            y.append(0 if lab else 1)   # 1: boilerplate
            # Content first: a line of the article weighs more, and
            # more so when it is long; other languages teach layout
            # only, at a fifth of the weight.
            wt = (3.0 + math.log2(1 + chars)) if lab else 1.0
            if p['lang'] != 'zh':
                wt *= 0.2
            # The pages sp is for, 范文 and 公文 sites, labelled line by
            # line: few lines, the most like what users feed it.
            if p['corpus'] == 'hand':
                wt *= 5
            w.append(wt)
            meta.append((p['corpus'], p['page'], p['site'], p['lang'],
                         p['kind'], chars, fold_of(p['site'])))
    return names, np.array(X, dtype=np.float32), np.array(y), \
        np.array(w), meta


def fit(X, y, w):
    clf = HistGradientBoostingClassifier(**PARAMS)
    clf.fit(X, y, sample_weight=w)
    return clf


def figures(p, y, meta, cut, select):
    """Content characters kept and boilerplate lines removed."""
    kc = tc = rb = tb = 0
    for pi, yi, m in zip(p, y, meta):
        if not select(m):
            continue
        drop = pi >= cut
        if yi == 0:
            tc += m[5]
            kc += m[5] if not drop else 0
        else:
            tb += 1
            rb += drop
    return (kc / tc if tc else 1.0), (rb / tb if tb else 1.0)


def choose_cut(p, y, meta):
    """The lowest cut-off that keeps CONTENT_FLOOR of the article."""
    zh = lambda m: m[3] == 'zh'  # noqa: E731
    best = 0.99
    for cut in np.arange(0.99, 0.2, -0.01):
        kept, _ = figures(p, y, meta, cut, zh)
        if kept < CONTENT_FLOOR:
            break
        best = cut
    return float(round(best, 2))


def tree_nodes(pred):
    """The nodes of a tree, and each node's mean output: a leaf's value,
    a split's the mean of its leaves weighted by their training counts
    (so that the changes along a path sum to the leaf: --explain)."""
    nodes = pred.nodes
    mean = [0.0] * len(nodes)
    count = [0.0] * len(nodes)

    def walk(i):
        nd = nodes[i]
        if nd['is_leaf']:
            mean[i], count[i] = float(nd['value']), float(nd['count'])
            return
        walk(nd['left'])
        walk(nd['right'])
        count[i] = count[nd['left']] + count[nd['right']]
        mean[i] = ((mean[nd['left']] * count[nd['left']] +
                    mean[nd['right']] * count[nd['right']]) /
                   count[i]) if count[i] else 0.0
    walk(0)
    return nodes, mean


def write_model(clf, names, cut, path, note):
    used = sorted({int(nd['feature_idx']) for preds in clf._predictors
                   for nd in preds[0].nodes if not nd['is_leaf']})
    index = {f: k for k, f in enumerate(used)}
    lines = ['sp-clean boilerplate model 1',
             '# %s' % note,
             'threshold %.2f' % cut,
             'base %.9g' % float(np.ravel(clf._baseline_prediction)[0])]
    lines += ['feature %s' % names[f] for f in used]
    lines.append('trees %d' % len(clf._predictors))
    for preds in clf._predictors:
        nodes, mean = tree_nodes(preds[0])
        lines.append('tree %d' % len(nodes))
        for i, nd in enumerate(nodes):
            if nd['is_leaf']:
                lines.append('leaf %.6g' % mean[i])
            else:
                lines.append('node %d %.9g %d %d %d %.6g' % (
                    index[int(nd['feature_idx'])], nd['num_threshold'],
                    int(nd['missing_go_to_left']), nd['left'],
                    nd['right'], mean[i]))
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')


def report(p, y, meta, cut):
    print('cut-off %.2f (cross-validated by site, %d folds)' % (cut, FOLDS))
    for corpus, kind in (('web', 'w3m'), ('web', 'naive'), ('web', 'html'),
                         ('hand', 'hand'), ('more', 'w3m'),
                         ('more', 'html')):
        kept, removed = figures(
            p, y, meta, cut,
            lambda m: m[0] == corpus and m[4] == kind)
        print('  %-5s %-6s content kept %.4f, boilerplate removed %.4f'
              % (corpus, kind, kept, removed))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('sp_clean')
    ap.add_argument('--root', default='.')
    ap.add_argument('--cut', type=float,
                    help='the cut-off, instead of choosing it')
    args = ap.parse_args()
    pages = list(collect(args.sp_clean, args.root))
    names, X, y, w, meta = arrays(pages)
    folds = np.array([m[6] for m in meta])
    print('%d lines, %d boilerplate, %d features' % (len(y), y.sum(),
                                                     X.shape[1]))
    oof = np.zeros(len(y))
    evald = os.path.join(args.root, 'tests', 'eval', 'boilerplate-web')
    os.makedirs(evald, exist_ok=True)
    for k in range(FOLDS):
        tr = folds != k
        clf = fit(X[tr], y[tr], w[tr])
        oof[~tr] = clf.predict_proba(X[~tr])[:, 1]
        write_model(clf, names, 0.5,
                    os.path.join(evald, 'fold-%d.model' % k),
                    'trained without the sites of fold %d' % k)
    cut = args.cut if args.cut is not None else choose_cut(oof, y, meta)
    report(oof, y, meta, cut)
    # The fold models take the cut-off chosen on all folds' predictions.
    for k in range(FOLDS):
        path = os.path.join(evald, 'fold-%d.model' % k)
        with open(path) as f:
            text = f.read().replace('threshold 0.50', 'threshold %.2f' % cut,
                                    1)
        with open(path, 'w') as f:
            f.write(text)
    with open(os.path.join(evald, 'folds.tsv'), 'w') as f:
        f.write('# corpus\tpage\tsite\tfold\n')
        seen = set()
        for m in meta:
            if (m[0], m[1]) not in seen:
                seen.add((m[0], m[1]))
                f.write('%s\t%s\t%s\t%d\n' % (m[0], m[1], m[2], m[6]))
    clf = fit(X, y, w)
    write_model(clf, names, cut, os.path.join(
        args.root, 'bin', 'sp-clean', 'data', 'boilerplate.model'),
        'trained on every labelled page')


if __name__ == '__main__':
    main()
