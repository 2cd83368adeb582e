#!/bin/sh
# sp-clean-boilerplate.sh BUILD: the boilerplate step end to end, through
# sp-clean itself, on the labelled pages of tests/eval/boilerplate (every
# line marked c, content, or b, boilerplate; see make-pages.py there).
# The pages go in as documents separated by form-feed lines and run with
# --only boilerplate, so what comes out is what the step kept.  Prints
# boilerplate precision and recall and content recall, then checks content
# recall is 100% and the others above their floors (the unit evaluation,
# tests/unit/sp-clean/test_boilerplate_eval.c, gives per-line detail).
B=${1:-build}
C="$B/bin/sp-clean"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM

# All pages, labels apart: labels.txt "PAGE LABEL" and in.txt the text.
first=1
for f in tests/eval/boilerplate/*.tsv; do
	[ $first -eq 1 ] || printf '\f\n' >> "$T/in.txt"
	first=0
	grep -v '^#' "$f" | cut -f 2 >> "$T/in.txt"
	grep -v '^#' "$f" | cut -f 1 | sed "s|^|$(basename "$f" .tsv) |" \
	    >> "$T/labels.txt"
done
"$C" --only boilerplate < "$T/in.txt" > "$T/out.txt" 2> "$T/err.txt"
status=$?

# Kept lines come out in order and unchanged: walk each document's input
# lines against its output lines.
awk -v status="$status" '
FILENAME == ARGV[1] { page[NR] = $1; label[NR] = $2; next }
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
	if (label[n] == "b") { nb++; if (!kept) tp++ }
	else { nc++; if (kept) kc++; else fp++ }
	if (label[n] == "c" && !kept)
		printf "# %s: content dropped: %s\n", page[n], substr($0, 1, 60)
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
	if (status == 0) ok++; else { bad++; print "FAIL sp-clean exited " status }
	if (crec == 1) ok++; else { bad++; print "FAIL content recall below 100%" }
	if (prec >= 0.99) ok++; else { bad++; print "FAIL precision below 0.99" }
	if (rec >= 0.92) ok++; else { bad++; print "FAIL recall below 0.92" }
	printf "sp-clean-boilerplate: %d ok, %d failed\n", ok, bad
	exit bad ? 1 : 0
}' "$T/labels.txt" "$T/out.txt" "$T/in.txt"
