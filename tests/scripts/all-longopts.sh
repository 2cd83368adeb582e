#!/bin/sh
# all-longopts.sh BUILD: every long option that spells a short one gives
# the same output and status as the short one, so the option tables and
# the man pages agree.
B=$1
. "${0%/*}/../lib.sh"
page=tests/data/corpus/001_a5a9ba5a6d09eae4.txt

# same TOOL "SHORT ARGS" "LONG ARGS" INPUT
same() {
	[ -x "$B/bin/$1" ] || return 0
	"$B/bin/$1" $2 < "$4" > "$t/short" 2>&1
	echo $? >> "$t/short"
	"$B/bin/$1" $3 < "$4" > "$t/long" 2>&1
	echo $? >> "$t/long"
	if cmp -s "$t/short" "$t/long"; then
		n_ok=$((n_ok + 1))
	else
		n_bad=$((n_bad + 1))
		echo "FAIL $1: '$3' differs from '$2'"
	fi
}

"$B/bin/sp-clean" "$page" > "$t/clean" 2> /dev/null
tr '\f' '\0' < "$t/clean" > "$t/clean.nul"
"$B/bin/sp-split" -d "$t/clean" > "$t/docs" 2> /dev/null

same sp-clean "-a" "--text" "$page"
same sp-clean "-z" "--null" "$t/clean.nul"
same sp-split "-s" "--sentences" "$t/clean"
same sp-split "-d" "--documents" "$t/clean"
same sp-split "-p" "--paragraphs" "$t/clean"
same sp-split "-c 300" "--chunks 300" "$t/clean"
same sp-split "-c 300" "--chunks=300" "$t/clean"
same sp-split "-d -z" "--documents --null" "$t/clean.nul"
same sp-outline "-n" "--line-numbers" "$t/docs"
same sp-outline "-L" "--line-start" "$t/docs"
same sp-outline "-m" "--markdown" "$t/docs"
same sp-outline "-j" "--json" "$t/docs"
same sp-outline "-c" "--check" "$t/docs"
same sp-outline "-i" "--items" "$t/docs"
same sp-outline "-l 1" "--max-level 1" "$t/docs"
same sp-dedupe "-u" "--adjacent" "$t/clean"
same sp-dedupe "-n" "--normalize" "$t/clean"
same sp-dedupe "-p" "--paragraphs" "$t/clean"
same sp-dedupe "-d" "--documents" "$t/docs"
same sp-dedupe "-d -z" "--documents --null" "$t/clean.nul"
echo "all-longopts: $n_ok ok, $n_bad failed"
