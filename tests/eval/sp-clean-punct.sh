#!/bin/sh
# sp-clean-punct.sh BUILD: step 5 on hand-labelled lines
# (tests/eval/clean/punct.tsv).  Each ASCII mark is a decision: converted
# or kept.  Precision: of the marks sp-clean converted, those it should
# have; recall: of the marks that should convert, those it did; and lines
# right in full.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
set=tests/eval/clean/punct.tsv
grep -v '^#' "$set" > "$T/set"
cut -f 1 "$T/set" > "$T/in"
LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only punct "$T/in" > "$T/out"
paste "$T/set" "$T/out" | LC_ALL=C.UTF-8 gawk -F '\t' '
# Marks in IN, with whether OUT converted them: both lines are walked
# together; a converted mark is a full-width one where IN has ASCII.
function marks(in_, out, conv,   i, j, a, b, n) {
	n = 0; j = 1
	for (i = 1; i <= length(in_); i++) {
		a = substr(in_, i, 1); b = substr(out, j, 1)
		if (a == b) { if (index(",.!?:;()\"", a)) conv[++n] = 0; j++; continue }
		if (index(",.!?:;()\"", a)) { conv[++n] = 1; j++; continue }
		# something else changed (ellipsis, ‚‛, dropped space): skip
		if (a == " ") continue
		j++
	}
	return n
}
{
	lines++
	if ($2 == $3) full++
	else printf "# want %s\n#  got %s\n", $2, $3
	delete cw; delete cg
	n = marks($1, $2, cw); marks($1, $3, cg)
	for (k = 1; k <= n; k++) {
		if (cw[k] && cg[k]) tp++
		else if (cg[k]) fp++
		else if (cw[k]) fn++
	}
}
END {
	p = tp + fp ? tp / (tp + fp) : 1; r = tp + fn ? tp / (tp + fn) : 1
	printf "punct precision: %.3f (%d of %d conversions)\n", p, tp, tp + fp
	printf "punct recall: %.3f (%d of %d wanted)\n", r, tp, tp + fn
	printf "punct lines right: %d of %d\n", full, lines
	ok = bad = 0
	if (p >= 0.97) ok++; else { bad++; print "FAIL precision below 0.97" }
	if (r >= 0.95) ok++; else { bad++; print "FAIL recall below 0.95" }
	if (full >= lines * 0.9) ok++; else { bad++; print "FAIL fewer than 90% of lines right" }
	printf "sp-clean-punct: %d ok, %d failed\n", ok, bad
	exit bad > 0
}'
