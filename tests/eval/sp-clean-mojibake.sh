#!/bin/sh
# sp-clean-mojibake.sh BUILD: how well step 7 repairs mojibake, on the
# labelled set tests/eval/clean/mojibake.tsv (KIND, MANGLED, TRUE; made by
# bin/sp-clean/gen/mkeval.py from corpus sentences by the mechanisms that
# make mojibake on the web).  Per kind: recall (lines restored to the true
# text; a lost character given as U+FFFD counts as restored) and precision
# (of the lines changed, those restored), character precision (of the
# characters a repair brought, those in the true text); and no clean line
# may change.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
set=tests/eval/clean/mojibake.tsv
cut -f 2 "$set" > "$T/in"
LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only mojibake "$T/in" > "$T/out"
paste "$set" "$T/out" | LC_ALL=C.UTF-8 gawk -F '\t' -v FFFD="$(printf '\357\277\275')" '
# restored(GOT, TRUE, W): equal, but for U+FFFD standing for 1 to W lost
# characters (gbk-shift loses one a byte; UTF-8 read as GBK loses bytes of
# characters of three).
function restored(g, t, w) {
	G = g; TT = t; W = w; nG = length(g); nT = length(t); calls = 0
	return wild(1, 1)
}
function wild(i, j,   k) {
	if (++calls > 20000)
		return 0
	while (i <= nG && j <= nT && substr(G, i, 1) == substr(TT, j, 1) &&
	    substr(G, i, 1) != FFFD) {
		i++; j++
	}
	if (i > nG)
		return j > nT
	if (substr(G, i, 1) != FFFD)
		return 0
	for (k = 1; k <= W && j + k - 1 <= nT; k++)
		if (wild(i + 1, j + k))
			return 1
	return 0
}
# introduced(GOT, MANGLED, TRUE): counts into intro[] and bad[] the
# characters the repair brought (in GOT, not in MANGLED, not U+FFFD) and
# those of them that are not in the true text.
function introduced(g, m, t, kind,   i, c) {
	for (i = 1; i <= length(g); i++) {
		c = substr(g, i, 1)
		if (c == FFFD || index(m, c))
			continue
		intro[kind]++
		if (!index(t, c))
			badc[kind]++
	}
}
{
	kind = $1; total[kind]++
	introduced($4, $2, $3, kind)
	if ($4 != $2) changed[kind]++
	if (restored($4, $3, kind == "utf8-gbk" ? 3 : 1)) { if ($4 != $2 || $2 == $3) right[kind]++ }
	else if ($4 != $2) wrong[kind]++
}
END {
	ok = bad = 0
	floor["gbk-shift"] = 0.50; floor["gbk-latin1"] = 0.95
	floor["utf8-gbk"] = 0.60
	# A changed line not restored in full is a partial repair (runs
	# with too many lost bytes are left as they are): line precision
	# says how many; character precision says whether what was
	# repaired is right.
	pfloor["gbk-shift"] = 0.95; pfloor["gbk-latin1"] = 0.95
	pfloor["utf8-gbk"] = 0.60
	for (k in floor) {
		r = total[k] ? right[k] / total[k] : 0
		p = changed[k] ? right[k] / changed[k] : 1
		cp = intro[k] ? 1 - badc[k] / intro[k] : 1
		printf "%s: recall %.3f (%d of %d lines restored), line precision %.3f (%d changed), character precision %.3f (%d of %d repaired characters wrong)\n",
		    k, r, right[k], total[k], p, changed[k], cp, badc[k], intro[k]
		if (r >= floor[k]) ok++; else { bad++; printf "FAIL %s recall below %.2f\n", k, floor[k] }
		if (p >= pfloor[k]) ok++; else { bad++; printf "FAIL %s line precision below %.2f\n", k, pfloor[k] }
		if (cp >= 0.98) ok++; else { bad++; printf "FAIL %s character precision below 0.98\n", k }
	}
	printf "clean lines changed: %d of %d\n", changed["clean"], total["clean"]
	if (changed["clean"] == 0) ok++; else { bad++; print "FAIL clean lines changed" }
	printf "sp-clean-mojibake: %d ok, %d failed\n", ok, bad
	exit bad > 0
}'
