#!/bin/sh
# sp-clean-boilerplate.sh BUILD: the boilerplate step end to end, through
# sp-clean itself, on the labelled pages of tests/eval/boilerplate (范文
# and Common Crawl pages, every line marked c, content, or b, boilerplate;
# see make-pages.py there).  Cross-validated by site, as make train folds
# them (tests/eval/boilerplate-web/folds.tsv): each page is judged by the
# model trained without its site, or by the shipped model when no model
# was trained on it.  The pages go in as documents separated
# by form-feed lines and run with --only boilerplate, so what comes out is
# what the step kept.  Prints boilerplate precision and recall and content
# recall (by lines and by characters), and checks them against their
# floors, then the same apart for the pages of a fold and the held-out
# ones; SP_EVAL_VERBOSE=1 prints every line dropped with the reason and
# every line of content dropped.  Most of the content lines dropped are
# cells of product tables, one a line ("≤±0.25%"), in three pages.
B=${1:-build}
C="$B/bin/sp-clean"
M=tests/eval/boilerplate-web
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

# All pages, labels apart: labels.txt "PAGE LABEL" and in.txt the text;
# each page cleaned alone with its fold's model, out.txt the outputs.
first=1
status=0
for f in tests/eval/boilerplate/*.tsv; do
	page=$(basename "$f" .tsv)
	fold=$(awk -F '\t' -v p="$page" '$1 == "hand" && $2 == p { print $4 }' \
	    "$M/folds.tsv")
	# A page no model was trained on (labelled after the last make
	# train) is held out from all of them: the shipped model judges it.
	model= group=held-out
	[ -n "$fold" ] && model="--model=$M/fold-$fold.model" group=folded
	if [ $first -eq 0 ]; then
		printf '\f\n' >> "$T/in.txt"
		printf '\f\n' >> "$T/out.txt"
	fi
	first=0
	grep -v '^#' "$f" | cut -f 2 > "$T/page.txt"
	cat "$T/page.txt" >> "$T/in.txt"
	grep -v '^#' "$f" | cut -f 1 | sed "s|^|$page |; s|\$| $group|" \
	    >> "$T/labels.txt"
	"$C" -j1 --only boilerplate --explain $model \
	    < "$T/page.txt" > "$T/page.out" 2>> "$T/err.txt" || status=$?
	cat "$T/page.out" >> "$T/out.txt"
	# Every page ends its output with a newline.
	[ -s "$T/page.out" ] && [ "$(tail -c 1 "$T/page.out" | od -An -c | \
	    tr -d ' ')" != '\n' ] && echo >> "$T/out.txt"
done
[ "${SP_EVAL_VERBOSE:-0}" = 1 ] && cat "$T/err.txt"

# Kept lines come out in order and unchanged: walk each document's input
# lines against its output lines.
LC_ALL=C.UTF-8 awk -v status="$status" -v verbose="${SP_EVAL_VERBOSE:-0}" '
FILENAME == ARGV[1] { page[NR] = $1; label[NR] = $2; group[NR] = $3; next }
FILENAME == ARGV[2] {
	if ($0 == "\f") { odoc++; next }
	out[odoc, ++nout[odoc]] = $0
	next
}
{
	if ($0 == "\f") { doc++; next }
	n++
	kept = (pos[doc] + 0 < nout[doc] + 0 && out[doc, pos[doc] + 1] == $0)
	if (kept)
		pos[doc]++
	g = group[n]
	if (label[n] == "b") { nb++; gnb[g]++; if (!kept) { tp++; gtp[g]++ } }
	else {
		nc++; gnc[g]++
		chars = length($0)
		cc += chars; gcc[g] += chars
		if (kept) { kc++; kcc += chars; gkc[g]++; gkcc[g] += chars }
		else { fp++; gfp[g]++ }
	}
	if (label[n] == "c" && !kept && verbose)
		printf "# %s: content dropped: %s\n", page[n], substr($0, 1, 60)
	if (!kept) lost[page[n]] += label[n] == "c"
}
END {
	ok = 0; bad = 0
	if (odoc != doc) {
		printf "FAIL %d documents in, %d out\n", doc + 1, odoc + 1
		bad++
	}
	for (d = 0; d <= doc; d++)
		if (pos[d] + 0 != nout[d] + 0) {
			printf "FAIL document %d: output is not its input with " \
			    "lines dropped\n", d + 1
			bad++
		}
	prec = tp + fp ? tp / (tp + fp) : 1
	rec = nb ? tp / nb : 1
	crec = nc ? kc / nc : 1
	printf "boilerplate precision: %.4f (%d of %d lines dropped)\n",
	    prec, tp, tp + fp
	printf "boilerplate recall: %.4f (%d of %d boilerplate lines)\n",
	    rec, tp, nb
	printf "content recall: %.4f (%d of %d content lines)\n", crec, kc, nc
	ccrec = cc ? kcc / cc : 1
	printf "content recall by characters: %.4f\n", ccrec
	# Apart: the pages judged by a fold model trained without their
	# site, and those no model was trained on (tests/eval/boilerplate/
	# TRAINED), judged by the shipped model.
	for (g in gnc)
		printf "  %-9s precision %.4f, recall %.4f, content recall " \
		    "%.4f, by characters %.4f (%d lines)\n", g,
		    gtp[g] + gfp[g] ? gtp[g] / (gtp[g] + gfp[g]) : 1,
		    gnb[g] ? gtp[g] / gnb[g] : 1, gnc[g] ? gkc[g] / gnc[g] : 1,
		    gcc[g] ? gkcc[g] / gcc[g] : 1, gnb[g] + gnc[g]
	for (p in lost)
		if (lost[p] >= 5)
			printf "# %s: %d content lines dropped\n", p, lost[p]
	if (status == 0) ok++; else { bad++; print "FAIL sp-clean exited " status }
	if (crec >= 0.88) ok++; else { bad++; print "FAIL content recall below 0.88" }
	if (ccrec >= 0.985) ok++; else { bad++; print "FAIL content recall by characters below 0.985" }
	if (prec >= 0.96) ok++; else { bad++; print "FAIL precision below 0.96" }
	if (rec >= 0.75) ok++; else { bad++; print "FAIL recall below 0.75" }
	printf "sp-clean-boilerplate: %d ok, %d failed\n", ok, bad
	exit bad ? 1 : 0
}' "$T/labels.txt" "$T/out.txt" "$T/in.txt"
