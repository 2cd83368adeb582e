#!/bin/sh
# sp-clean-spaces.sh BUILD: step 4 on hand-labelled lines
# (tests/eval/clean/spaces.tsv): precision and recall of the paragraph
# breaks it makes of runs of spaces, and lines right in full (spaces
# between CJK removed, others kept as one).
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
grep -v '^#' tests/eval/clean/spaces.tsv > "$T/set"
# One document a line, NUL-separated: breaks show as newlines inside.
# The wanted text is after the last tab: an input may hold tabs.
sed 's/\t[^\t]*$//' "$T/set" | tr '\n' '\0' > "$T/in"
sed 's/^.*\t//' "$T/set" > "$T/want"
LC_ALL=C.UTF-8 "$B/bin/sp-clean" -z --only spaces "$T/in" |
    tr '\n\0' '|\n' > "$T/out"
paste "$T/want" "$T/out" | LC_ALL=C.UTF-8 gawk -F '\t' '
# The offsets of the breaks in S, counted in characters other than
# spaces and breaks, into B[]; returns how many.
function breaks(s, b,   i, c, n, k) {
	n = k = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "|") b[++n] = k
		else if (c != " ") k++
	}
	return n
}
{
	lines++
	if ($1 == $2) full++
	else printf "# want %s\n#  got %s\n", $1, $2
	delete w; delete g; delete seen
	nw = breaks($1, w); ng = breaks($2, g)
	for (i = 1; i <= nw; i++) seen[w[i]] = 1
	for (i = 1; i <= ng; i++) if (g[i] in seen) tp++; else fp++
	fn += nw
}
END {
	fn -= tp
	p = tp + fp ? tp / (tp + fp) : 1; r = tp + fn ? tp / (tp + fn) : 1
	printf "paragraph breaks precision: %.3f (%d of %d made)\n", p, tp, tp + fp
	printf "paragraph breaks recall: %.3f (%d of %d wanted)\n", r, tp, tp + fn
	printf "spaces lines right: %d of %d\n", full, lines
	ok = bad = 0
	if (p >= 0.95) ok++; else { bad++; print "FAIL precision below 0.95" }
	if (r >= 0.95) ok++; else { bad++; print "FAIL recall below 0.95" }
	if (full >= lines * 0.9) ok++; else { bad++; print "FAIL fewer than 90% of lines right" }
	printf "sp-clean-spaces: %d ok, %d failed\n", ok, bad
	exit bad > 0
}'
