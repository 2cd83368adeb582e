#!/bin/sh
# sp-clean-boilerplate-web.sh BUILD: the boilerplate step on real news and
# government pages of sites it has not seen (tests/data/labelled-web: a w3m
# dump, a naive dump and the HTML of each page, every dump line labelled),
# scored by the pages' own scorer, score_clean.py: the article's
# characters kept and the boilerplate lines removed.
#
# Cross-validated by site: each page is cleaned with the model of its fold
# (tests/eval/boilerplate-web/fold-K.model, folds.tsv, written by make
# train), which was trained without any page of that page's site.  The
# figures are those of a model meeting the page's site for the first time.
# The floors below are the figures at the time of writing, less a margin:
# a change that loses article text or lets menus back in fails here.
# SP_EVAL_MORE=1 scores the pages in other languages too (slower).
B=${1:-build}
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
C="$B/bin/sp-clean"
D=tests/data/labelled-web
M=tests/eval/boilerplate-web
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
ok=0
bad=0
pass() { ok=$((ok + 1)); }
fail() { bad=$((bad + 1)); echo "FAIL $*"; }

# floor FIGURE MIN WHAT: FIGURE must be MIN or more.
floor() {
	if awk -v f="$1" -v m="$2" 'BEGIN { exit !(f >= m) }'; then
		pass
	else
		fail "$3: $1, below $2"
	fi
}

# clean CORPUS DIR: every page of DIR, in each form, with its fold's model.
clean() {
	corpus=$1
	dir=$2
	mkdir -p "$T/$corpus/w3m" "$T/$corpus/naive" "$T/$corpus/html"
	grep "^$corpus	" "$M/folds.tsv" | while IFS='	' read -r _ page _ fold; do
		model="$M/fold-$fold.model"
		"$C" -j1 --model "$model" "$dir/$page.txt" \
		    > "$T/$corpus/w3m/$page.txt" 2> "$T/err" || echo "$page w3m" >> "$T/failed"
		"$C" -j1 --model "$model" "$dir/naive/$page.txt" \
		    > "$T/$corpus/naive/$page.txt" 2> "$T/err" || echo "$page naive" >> "$T/failed"
		"$C" -j1 --model "$model" "$dir/html/$page.html" \
		    > "$T/$corpus/html/$page.txt" 2> "$T/err" || echo "$page html" >> "$T/failed"
	done
	if [ -s "$T/failed" ]; then
		fail "sp-clean failed on: $(tr '\n' ' ' < "$T/failed")"
		rm -f "$T/failed"
	else
		pass
	fi
}

# score CORPUS DIR FORM DUMP: prints the figures, leaves them in $T/fig.
score() {
	python3 "$D/score_clean.py" "$2/$4" "$T/$1/$3" --quiet \
	    > "$T/score.txt" 2>&1 || {
		fail "score_clean.py failed on $1 $3"
		echo "0 0" > "$T/fig"
		return
	}
	awk '/^micro content recall/ { k = $NF }
	    /^micro boilerplate removal \(lines\)/ { r = $NF }
	    END { print (k == "" ? 0 : k), (r == "" ? 0 : r) }' \
	    "$T/score.txt" > "$T/fig"
	read -r kept removed < "$T/fig"
	printf '%s %s: article characters kept %s, boilerplate lines removed %s\n' \
	    "$1" "$3" "$kept" "$removed"
}

if [ ! -f "$M/folds.tsv" ]; then
	fail "no $M/folds.tsv: run make train"
	echo "sp-clean-boilerplate-web: $ok ok, $bad failed"
	exit 1
fi
clean web "$D"
for form in w3m naive html; do
	case $form in naive) dump=naive ;; *) dump=. ;; esac
	score web "$D" $form $dump
	read -r kept removed < "$T/fig"
	case $form in
	w3m)	floor "$kept" 0.99 "w3m: article characters kept"
		floor "$removed" 0.85 "w3m: boilerplate lines removed" ;;
	naive)	floor "$kept" 0.985 "naive: article characters kept"
		floor "$removed" 0.91 "naive: boilerplate lines removed" ;;
	html)	floor "$kept" 0.98 "html: article characters kept"
		floor "$removed" 0.93 "html: boilerplate lines removed" ;;
	esac
done
if [ "${SP_EVAL_MORE:-0}" = 1 ]; then
	clean more tests/data/labelled-web-more
	for form in w3m naive html; do
		case $form in naive) dump=naive ;; *) dump=. ;; esac
		score more tests/data/labelled-web-more $form $dump
	done
fi
echo "sp-clean-boilerplate-web: $ok ok, $bad failed"
[ $bad -eq 0 ]
