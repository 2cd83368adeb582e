#!/bin/sh
# sp-clean-pinyin.sh BUILD: step 6 on hand-labelled lines
# (tests/eval/clean/pinyin.tsv): precision and recall of the annotations
# dropped (a bracket group in the input is one decision), lines right.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
grep -v '^#' tests/eval/clean/pinyin.tsv > "$T/set"
cut -f 1 "$T/set" > "$T/in"
LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only pinyin "$T/in" > "$T/out"
paste "$T/set" "$T/out" | LC_ALL=C.UTF-8 gawk -F '\t' '
# The bracket groups of IN, each marked 1 when OUT lacks it: groups are
# taken in order, and one missing from OUT at its place was dropped.
function groups(in_, out, d,   n, rest, o, c, g, at) {
	n = 0; rest = in_; o = out
	while (match(rest, /[(（][^)）]*[)）]/)) {
		g = substr(rest, RSTART, RLENGTH)
		at = index(o, g)
		d[++n] = at == 0
		if (at) o = substr(o, at + RLENGTH)
		rest = substr(rest, RSTART + RLENGTH)
	}
	return n
}
{
	lines++
	if ($2 == $3) full++
	else printf "# want %s\n#  got %s\n", $2, $3
	delete w; delete g
	n = groups($1, $2, w); groups($1, $3, g)
	for (k = 1; k <= n; k++) {
		if (w[k] && g[k]) tp++
		else if (g[k]) fp++
		else if (w[k]) fn++
	}
}
END {
	p = tp + fp ? tp / (tp + fp) : 1; r = tp + fn ? tp / (tp + fn) : 1
	printf "pinyin precision: %.3f (%d of %d dropped)\n", p, tp, tp + fp
	printf "pinyin recall: %.3f (%d of %d annotations)\n", r, tp, tp + fn
	printf "pinyin lines right: %d of %d\n", full, lines
	ok = bad = 0
	if (p >= 0.99) ok++; else { bad++; print "FAIL precision below 0.99" }
	if (r >= 0.9) ok++; else { bad++; print "FAIL recall below 0.90" }
	if (full >= lines * 0.9) ok++; else { bad++; print "FAIL fewer than 90% of lines right" }
	printf "sp-clean-pinyin: %d ok, %d failed\n", ok, bad
	exit bad > 0
}'
