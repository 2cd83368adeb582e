#!/bin/sh
# sp-split-files.sh BUILD: -d -o writes one file a document, and a run
# that fails leaves none of its files behind: a missing operand, too many
# documents for -n, an unwritable prefix, a signal.
B=$1
SP=$B/bin/sp-split
. "${0%/*}/../lib.sh"
trap 'chmod -R u+w "$t"; rm -rf "$t"' EXIT
# none: no file of a run left, its temporaries (.pNN.txt.XXXXXX) neither.
none() { [ -z "$(find "$t/out" -name 'p*' -o -name '.p*' 2>/dev/null)" ]; }

mkdir "$t/out"
printf '前言\n第一篇 甲\n甲。\n第二篇 乙\n乙。\n第三篇 丙\n丙。\n' > "$t/page.txt"

"$SP" -d -o "$t/out/p" "$t/page.txt" > "$t/stdout" 2> "$t/err"
expect "-o: exit 0" [ $? -eq 0 ]
expect "-o: nothing on stdout" [ ! -s "$t/stdout" ]
expect "-o: four files" [ "$(ls "$t/out" | wc -l)" -eq 4 ]
expect "-o: p02.txt is the first marked document" \
    [ "$(cat "$t/out/p02.txt")" = "$(printf '第一篇 甲\n甲。')" ]
"$SP" -d --no-preamble -o "$t/out/q" "$t/page.txt"
expect "--no-preamble -o: q01.txt opens with 第一篇" \
    grep -q '^第一篇 甲$' "$t/out/q01.txt"
rm -f "$t"/out/*

"$SP" -d -o "$t/out/p" "$t/page.txt" "$t/nosuch" > /dev/null 2> "$t/err"
expect "-o, a missing operand: exit 2" [ $? -eq 2 ]
expect "-o, a missing operand: named" grep -q nosuch "$t/err"
expect "-o, a missing operand: no files left" none

"$SP" -d -o "$t/out/p" -n 1 "$t/page.txt" "$t/page.txt" "$t/page.txt" \
    > /dev/null 2> "$t/err"
expect "-n 1, twelve documents: exit 2" [ $? -eq 2 ]
expect "-n 1, twelve documents: said why" grep -q 'do not fit' "$t/err"
expect "-n 1, twelve documents: no files left" none

"$SP" -d -o "$t/nodir/p" "$t/page.txt" > /dev/null 2> "$t/err"
expect "-o into a missing directory: exit 2" [ $? -eq 2 ]
expect "-o into a missing directory: named" grep -q "$t/nodir/p01.txt" "$t/err"

# A signal in the middle of a run: the files made so far are removed.
# They are written under temporary names, renamed when the run ends.
mkfifo "$t/fifo"
"$SP" -d -o "$t/out/p" "$t/fifo" 2> /dev/null &
pid=$!
exec 3> "$t/fifo"
printf '第一篇 甲\n甲。\n第二篇 乙\n' >&3
made() { [ -n "$(find "$t/out" -name ".p$1.txt.*")" ]; }
i=0
while ! made 02 && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect "signal: files were being made" made 01
kill -TERM $pid
wait $pid
expect "signal: killed by it" [ $? -gt 128 ]
exec 3>&-
expect "signal: no files left" none

echo "sp-split-files: $n_ok ok, $n_bad failed"
