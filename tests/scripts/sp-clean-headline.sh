#!/bin/sh
# sp-clean-headline.sh BUILD: a headline the model would drop only for
# where it stands is kept.  Two news pages of tests/data/labelled-web
# restate their headline in 【】 under the video at the end of the page;
# each is cleaned by the model that never saw its site (as make check's
# cross-validated figures are), and the restated headline must be there,
# while the page's advertisement token beside it still goes.
B=$1
C=$B/bin/sp-clean
. "${0%/*}/../lib.sh"
D=${0%/*}/../data/labelled-web
M=${0%/*}/../eval/boilerplate-web

# model PAGE: the fold model that was trained without PAGE's site.
model() {
	awk -F '\t' -v p="$1" '$1 == "web" && $2 == p {
	    print "fold-" $4 ".model" }' "$M/folds.tsv"
}

for p in 027 046; do
	m=$M/$(model "$p")
	"$C" -j1 --model "$m" "$D/html/$p.html" > "$t/out" 2> "$t/err"
	expect "$p: exit 0" [ $? -eq 0 ]
	# The headline's first twelve characters, from the gold article.
	h=$(head -n 1 "$D/gold/$p.txt" | cut -c1-12 | tr -d ' ')
	expect "$p: the restated headline kept" grep -q "^【$h" "$t/out"
	expect "$p: the advertisement token dropped" \
	    sh -c '! grep -q ADVERTISEMENT "$1"' sh "$t/out"
done
echo "sp-clean-headline: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
