#!/bin/sh
# sp-clean-mojibake.sh BUILD: how well step 7 repairs mojibake.
#
# On the labelled set tests/eval/clean/mojibake.tsv (SET, KIND, MANGLED,
# TRUE; made by bin/sp-clean/gen/mkeval.py from real sentences by the
# mechanisms that make mojibake on the web, with the '?' the decoders
# leave for the bytes they lose), for each set (dev, tuned on; held-out,
# news pages whose gbk-shift failures were read once; crawl, Common Crawl
# pages of which only three lines were read) and kind:
#   garbled lines left      mangled lines whose repair is not the true text
#   characters restored     of the true text's characters that the
#                           mangling lost or garbled, those the repair
#                           gives back exactly (by longest common
#                           subsequence with the true text)
#   written wrong           characters of the repair that the true text
#                           does not have, beyond the "?" and U+FFFD left
#                           (a wrong character reads as text)
#   clean changes           clean lines changed, and lines changed in clean
#                           pages (tests/data/corpus and the clean
#                           published text of tests/eval/decode/clean)
# then the SogouCA sample (tests/data/web), real pages with GBK decoded
# one byte off: spans repaired, bytes restored, spans left unrepaired, and
# shifted spans left (a '?' before characters of the rare kind mojibake
# is made of).
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
set=tests/eval/clean/mojibake.tsv
# Each line a document of its own: the repairs look for a name elsewhere
# in the document (mojibake_page.h), and the lines are unrelated samples.
cut -f 3 "$set" | awk '{ print; print "\f" }' > "$T/in"
LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only mojibake "$T/in" |
    grep -v "^$(printf '\f')\$" > "$T/out"
# The same lines through the steps the default chain runs up to this one:
# steps 3 and 4 must keep for it the bytes text read as Latin-1 has
# (C1 controls, soft hyphens, NBSPs), or the repairs are lost.
LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only decode,html,unicode,spaces,pinyin,mojibake \
    "$T/in" | grep -v "^$(printf '\f')\$" > "$T/chain"

# Clean pages: every line must come out as it went in.
: > "$T/clean-changed"
for f in tests/data/corpus/*.txt tests/eval/clean/published/*.txt; do
	[ -f "$f" ] || continue
	LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only mojibake "$f" > "$T/page"
	grep -v '^$' "$f" > "$T/want"
	diff "$T/want" "$T/page" | grep -c '^>' >> "$T/clean-changed"
done
pages=$(wc -l < "$T/clean-changed")
page_lines=$(awk '{ s += $1 } END { print s + 0 }' "$T/clean-changed")

# The SogouCA sample: GBK, decoded, then repaired.
LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only decode,mojibake --stats \
    tests/data/web/sogouca-news-200.gbk.xml > "$T/sogou" 2> "$T/sogou.err"
sogou_rep=$(sed -n 's/.*mojibake: spans repaired: //p' "$T/sogou.err")
sogou_res=$(sed -n 's/.*mojibake: bytes restored: //p' "$T/sogou.err")
sogou_unr=$(sed -n 's/.*mojibake: spans unrepairable: //p' "$T/sogou.err")

paste "$set" "$T/out" | LC_ALL=C.UTF-8 gawk -F '\t' \
    -v pages="$pages" -v page_lines="$page_lines" \
    -v sogou_rep="$sogou_rep" -v sogou_res="$sogou_res" \
    -v sogou_unr="$sogou_unr" -v sogou="$T/sogou" '
# lcs(A, B): the length of the longest common subsequence of two strings.
function lcs(a, b,   n, m, i, j, prev, cur, x) {
	n = length(a); m = length(b)
	for (j = 0; j <= m; j++) prev[j] = 0
	for (i = 1; i <= n; i++) {
		cur[0] = 0
		x = substr(a, i, 1)
		for (j = 1; j <= m; j++) {
			if (x == substr(b, j, 1)) cur[j] = prev[j - 1] + 1
			else cur[j] = cur[j - 1] > prev[j] ? cur[j - 1] : prev[j]
		}
		for (j = 0; j <= m; j++) prev[j] = cur[j]
	}
	return prev[m]
}
{
	s = $1; k = $2; key = s SUBSEP k
	total[key]++
	if (k == "clean") {
		if ($5 != $4) changed[s]++
		next
	}
	t = length($4)
	garbled = t - lcs($3, $4)
	wrong = $5 == $4 ? 0 : t - lcs($5, $4)
	gar[key] += garbled
	ok_[key] += garbled - wrong > 0 ? garbled - wrong : 0
	# Characters written that the true text lacks, a question mark or
	# U+FFFD left aside: a wrong character reads as text, a "?" does
	# not.
	o = $5
	if (index($4, "?") == 0)
		gsub(/\?|\xef\xbf\xbd/, "", o)
	bogus[key] += $5 == $4 ? 0 : length(o) - lcs(o, $4)
	if ($5 != $4) left[key]++
}
END {
	ok = bad = 0
	n_sets = split("dev held cc", sets, " ")
	name["dev"] = "dev"; name["held"] = "held-out"; name["cc"] = "crawl"
	n_kinds = split("gbk-shift utf8-gbk gbk-latin1 utf8-latin1", kinds, " ")
	for (a = 1; a <= n_sets; a++) {
		s = sets[a]
		G = R = 0
		for (b = 1; b <= n_kinds; b++) {
			k = kinds[b]; key = s SUBSEP k
			G += gar[key]; R += ok_[key]
			printf "%s %s: %d of %d garbled lines left, %d of %d garbled characters restored exactly (%.3f), %d written wrong\n",
			    name[s], k, left[key], total[key],
			    ok_[key], gar[key], gar[key] ? ok_[key] / gar[key] : 1,
			    bogus[key]
		}
		rate[s] = G ? R / G : 1
		printf "%s: %.3f of garbled characters restored exactly, %d of %d clean lines changed\n",
		    name[s], rate[s], changed[s], total[s SUBSEP "clean"]
		if (changed[s] == 0) ok++
		else { bad++; printf "FAIL %s: clean lines changed\n", s }
	}
	printf "clean pages: %d lines changed in %d pages\n", page_lines, pages
	if (page_lines == 0) ok++; else { bad++; print "FAIL clean pages changed" }
	if (rate["dev"] >= 0.975) ok++; else { bad++; print "FAIL dev: under 0.975 restored" }
	if (rate["held"] >= 0.96) ok++; else { bad++; print "FAIL held-out: under 0.96 restored" }
	if (rate["cc"] >= 0.955) ok++; else { bad++; print "FAIL crawl: under 0.955 restored" }
	# Shifted spans left in the SogouCA sample: a "?" then two rare
	# characters (any of the "?；泼鳎" kind that was not repaired).
	left_sogou = 0
	while ((getline line < sogou) > 0)
		left_sogou += gsub(/[?\xef\xbf\xbd][^ -~。，、：；！？“”（）　]{2}/, "&", line) > 0
	printf "sogouca-news-200: %d spans repaired, %d bytes restored, %d unrepairable, %d lines with a \"?\" span left\n",
	    sogou_rep, sogou_res, sogou_unr, left_sogou
	# Floors: what the repairs reached on 5 December 2026.
	if (sogou_rep >= 800 && sogou_unr <= 2) ok++
	else { bad++; print "FAIL sogouca-news-200: under 800 spans repaired or over 2 unrepairable" }
	printf "sp-clean-mojibake: %d ok, %d failed\n", ok, bad
	exit bad > 0
}' > "$T/report"
st=$?
# Lines garbled as text read as Latin-1 that the chain leaves, against
# the step alone: the steps before it must cost no repair.
chain=$(paste "$set" "$T/out" "$T/chain" | awk -F '\t' '
	$2 ~ /latin1$/ { n++; alone += $5 != $4; chain += $6 != $4 }
	END { printf "%d %d %d", n, alone, chain }')
read -r n_l alone_l chain_l <<EOF_CHAIN
$chain
EOF_CHAIN
sed '$d' "$T/report"
echo "default chain, latin1 kinds: $chain_l of $n_l garbled lines left, $alone_l by the step alone"
ok=$(sed -n 's/^sp-clean-mojibake: \([0-9]*\) ok, \([0-9]*\) failed$/\1/p' "$T/report")
bad=$(sed -n 's/^sp-clean-mojibake: \([0-9]*\) ok, \([0-9]*\) failed$/\2/p' "$T/report")
if [ "$chain_l" -le "$alone_l" ]; then
	ok=$((ok + 1))
else
	bad=$((bad + 1))
	echo "FAIL default chain: more latin1 lines left than by the step alone"
fi
echo "sp-clean-mojibake: $ok ok, $bad failed"
[ "$st" -eq 0 ] && [ "$bad" -eq 0 ]
