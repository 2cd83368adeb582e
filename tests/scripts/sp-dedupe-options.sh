#!/bin/sh
# sp-dedupe-options.sh BUILD: behaviour golden files cannot show: --stats
# and --report contents, memory per distinct unit, --drop-all's spooling
# of standard input and pipes, units over --max-unit, containment on the
# corpus page 001 (第四篇 is a truncated copy of 第二篇), near mode on
# JSON Lines, determinism, and the suite's error handling.
B=$1
D=$B/bin/sp-dedupe
. "${0%/*}/../lib.sh"
stat_of() { sed -n "s/^sp-dedupe: stats: $1: \\([0-9]*\\)\$/\\1/p" "$2"; }

# --stats: units read, kept, dropped by reason, peak memory.
printf 'a\nb\na\nA\n同志们\n' | "$D" -n --min-chars 2 --stats > "$t/out" 2> "$t/err"
expect "--stats: units read" [ "$(stat_of 'units read' "$t/err")" = 5 ]
expect "--stats: kept" [ "$(stat_of kept "$t/err")" = 1 ]
expect "--stats: kept short" [ "$(stat_of 'kept: shorter than --min-chars' "$t/err")" = 4 ]
printf 'a\nb\na\nA\n' | "$D" -n --stats > "$t/out" 2> "$t/err"
expect "--stats: dropped: normalized" [ "$(stat_of 'dropped: normalized' "$t/err")" = 2 ]
expect "--stats: peak memory" grep -q '^sp-dedupe: stats: peak memory (KiB): [1-9]' "$t/err"

# --stats counts every copy of a unit the store held as seen in the
# store, with --report or without.
printf 'a\n' | "$D" --store "$t/st" > /dev/null
for rep in "" "--report $t/rep"; do
	# shellcheck disable=SC2086
	printf 'a\nb\na\na\n' | "$D" --store "$t/st" --store-readonly --stats \
	    $rep > /dev/null 2> "$t/err"
	expect "--stats: dropped as seen in the store${rep:+ (--report)}" \
	    [ "$(stat_of 'dropped as seen in the store' "$t/err")" = 3 ]
done

# The same document has another fingerprint under -z (its newline kept)
# than under -d in exact mode, and a title is not a text: a store made
# one way refuses a run the other, naming both.
printf 'A\n\f\nB\n' | "$D" -d --store "$t/sd" > /dev/null
printf 'A\n\0' | "$D" -z --store "$t/sd" > /dev/null 2> "$t/err"
expect "a -d store refuses -z" grep -q 'this run is "unit=nul-documents mode=exact"' "$t/err"
printf '{"text":"a","title":"b"}\n' | "$D" --jsonl --store "$t/sj" > /dev/null
printf '{"text":"x","title":"a"}\n' | "$D" --jsonl --field title --store "$t/sj" > "$t/out" 2> "$t/err"
expect "a store of texts refuses --field title" grep -q 'field=title' "$t/err"
expect "a store of texts refuses --field title: exit 2" [ ! -s "$t/out" ]

# Memory: a fingerprint per distinct unit, at most 40 bytes each.
gawk 'BEGIN { for (i = 0; i < 300000; i++) printf "第%d行：加强机关作风建设，提高服务水平\n", i }' > "$t/many"
"$D" --stats "$t/many" > /dev/null 2> "$t/err"
n=$(stat_of 'distinct units remembered' "$t/err")
bytes=$(stat_of 'memory for fingerprints (bytes)' "$t/err")
peak=$(stat_of 'peak memory (KiB)' "$t/err")
expect "300000 distinct lines remembered" [ "$n" = 300000 ]
expect "at most 40 bytes per distinct line ($bytes)" [ "$bytes" -le $((40 * 300000)) ]
case $B in
*asan*) ;;	# ASan's allocator holds freed memory: no figure to judge
*) expect "peak memory bounded by the fingerprints, not the text ($peak KiB)" \
    [ "$peak" -lt $((bytes / 1024 + 8192)) ] ;;
esac

# --report: a row per dropped unit, with positions in each file.
printf 'x\ny\nx\n' > "$t/one"
printf 'y\nz\n' > "$t/two"
"$D" --report "$t/rep" "$t/one" "$t/two" > "$t/out"
expect "--report: header" [ "$(head -n 1 "$t/rep")" = "$(printf 'file\tunit\tduplicate_of_file\tduplicate_of_unit\tsimilarity\treason')" ]
expect "--report: within a file" grep -qx "$t/one	3	$t/one	1	1.000	exact" "$t/rep"
expect "--report: across files" grep -qx "$t/two	1	$t/one	2	1.000	exact" "$t/rep"
expect "--report: one row per dropped unit" [ "$(wc -l < "$t/rep")" -eq 3 ]
"$D" --report "$t/nodir/rep" "$t/one" > "$t/out" 2> "$t/err"
expect "--report to an unwritable place exits 2" [ $? -eq 2 ]
"$D" --report /dev/full "$t/one" > "$t/out" 2> "$t/err"
expect "--report to a full disk exits 2" [ $? -eq 2 ]
expect "--report to a full disk is reported" grep -q "/dev/full: No space" "$t/err"
printf 'x\ny\nx\nz\nx\n' | "$D" --drop-all --report "$t/rep" > /dev/null
expect "--report with --drop-all" [ "$(cut -f2,4,6 "$t/rep" | tail -n 3 | tr '\t\n' ' ')" = "1 - repeated 3 1 repeated 5 1 repeated " ]

# --drop-all reads standard input twice from a temporary file, not memory.
printf 'nav\nbody1\nnav\nbody2\n' > "$t/page"
out=$(cat "$t/page" | "$D" --drop-all)
expect "--drop-all on a pipe" [ "$out" = "$(printf 'body1\nbody2')" ]
out=$(TMPDIR=$t/nowhere "$D" --drop-all < "$t/page" 2> "$t/err")
expect "--drop-all: no temporary directory exits 2" [ $? -eq 2 ]
expect "--drop-all: no temporary directory is reported" grep -q "temporary file" "$t/err"
mkfifo "$t/fifo"
cat "$t/page" > "$t/fifo" &
out=$("$D" --drop-all "$t/one" "$t/fifo")
wait
expect "--drop-all on a named pipe among files" [ "$out" = "$(printf 'y\nbody1\nbody2')" ]
# A file's last document or paragraph stays apart from the next file's
# first in the second pass too, as in one pass.
printf 'A\n\f\nB\n' > "$t/d1"
printf 'C\n' > "$t/d2"
expect "--drop-all -d: files' documents stay apart" [ "$("$D" -d --drop-all "$t/d1" "$t/d2" | od -An -c | tr -s ' \n' ' ')" = "$("$D" -d "$t/d1" "$t/d2" | od -An -c | tr -s ' \n' ' ')" ]
printf 'P1\n\nP2\n' > "$t/p1"
printf 'P3\n' > "$t/p2"
expect "--repeats -p: files' paragraphs stay apart" [ "$("$D" -p --repeats 3 "$t/p1" "$t/p2")" = "$(printf 'P1\n\nP2\n\nP3')" ]
out=$(printf 'x\n' | "$D" --drop-all "$t/one" - "$t/missing" 2> "$t/err")
expect "--drop-all: a missing file exits 2" [ $? -eq 2 ]
expect "--drop-all: a missing file is reported once" [ "$(grep -c missing "$t/err")" -eq 1 ]
expect "--drop-all: the other operands are processed" [ "$out" = y ]
out=$("$D" --drop-all "$t/one" "$t" /dev/null "$t/two" 2> "$t/err")
expect "--drop-all: a directory exits 2" [ $? -eq 2 ]
expect "--drop-all: a directory is reported once" [ "$(grep -c "Is a directory" "$t/err")" -eq 1 ]
expect "--drop-all: the others are processed" [ "$out" = "$(printf 'z')" ]
printf 'a\r\na\nb\n' | "$D" --drop-all -n > "$t/out"
expect "--drop-all -n" [ "$(cat "$t/out")" = b ]

# Units over --max-unit are judged whole, from a temporary file; in near
# mode they pass through unjudged.
gawk 'BEGIN { s = sprintf("%3000s", ""); gsub(/ /, "长", s)
	print s; print s; print "x"; print s "y"; print "x"; printf "%s", s }' > "$t/long"
"$D" --max-unit 1K "$t/long" > "$t/out" 2> "$t/err"
expect "over --max-unit: exit 0" [ $? -eq 0 ]
gawk '!seen[$0]++' "$t/long" > "$t/want"
expect "over --max-unit: the same output as awk" cmp -s "$t/want" "$t/out"
expect "over --max-unit: said" grep -q "longer than --max-unit" "$t/err"
"$D" --max-unit 1K -n --report "$t/rep" < "$t/long" > "$t/out" 2> /dev/null
expect "over --max-unit -n: the report" [ "$(tail -n +2 "$t/rep" | cut -f2,4 | tr '\t\n' ': ')" = "2:1 5:3 6:1 " ]
expect "over --max-unit --drop-all" [ "$("$D" --max-unit 1K --drop-all < "$t/long" 2> /dev/null | wc -c)" -eq 9002 ]
expect "over --max-unit --duplicates" [ "$("$D" --max-unit 1K --duplicates < "$t/long" 2> /dev/null | wc -c)" -eq 18004 ]
"$D" --max-unit 1K --near --stats < "$t/long" > "$t/out" 2> "$t/err"
expect "over --max-unit --near: passed unjudged" [ "$(wc -l < "$t/out")" -eq 5 ]
expect "over --max-unit --near: counted" [ "$(stat_of 'passed unjudged (longer than --max-unit)' "$t/err")" = 4 ]

# --contained on the corpus: 第四篇 of 001 is a truncated copy of 第二篇.
f=tests/data/corpus/001_a5a9ba5a6d09eae4.txt
{ sed -n '1,34p' "$f"; printf '\f\n'; sed -n '35,67p' "$f"; printf '\f\n'
  sed -n '68,90p' "$f"; printf '\f\n'; sed -n '91,100p' "$f"; printf '\f\n'
  sed -n '101,$p' "$f"; } > "$t/five"
"$D" -d --contained --report "$t/rep" "$t/five" > "$t/out"
expect "--contained drops 第四篇 only" [ "$(tail -n +2 "$t/rep" | cut -f2,4,6)" = "$(printf '4\t2\tcontained')" ]
sim=$(tail -n 1 "$t/rep" | cut -f5)
expect "--contained: 第四篇 is ≥ 0.9 contained ($sim)" awk -v s="$sim" 'BEGIN { exit !(s >= 0.9) }'
expect "--contained: the others are kept" [ "$(grep -c '^第.篇' "$t/out")" -eq 4 ]
"$D" -d --near --report "$t/rep" "$t/five" > /dev/null
expect "--near alone keeps 第四篇 (Jaccard about 0.23)" [ "$(wc -l < "$t/rep")" -eq 1 ]
"$D" -d --contained=0.99 "$t/five" > "$t/out"
expect "--contained=0.99 keeps 第四篇" [ "$(grep -c '^第.篇' "$t/out")" -eq 5 ]
gawk 'BEGIN { RS = "\n\f\n"; ORS = "" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\n/, "\\n"); printf "{\"n\":%d,\"text\":\"%s\"}\n", NR, $0 }' "$t/five" > "$t/five.jsonl"
"$D" --jsonl --contained "$t/five.jsonl" > "$t/out"
expect "--contained --jsonl drops record 4 whole" [ "$(sed 's/,.*//' "$t/out" | tr '\n' ' ')" = '{"n":1 {"n":2 {"n":3 {"n":5 ' ]
tr '\f' '\0' < "$t/five" | gawk 'BEGIN { RS = "\n\0\n"; ORS = "" } { printf "%s%c", $0, 0 }' > "$t/five.nul"
"$D" -z --contained "$t/five.nul" | tr '\0' '\n' | grep -c '^第.篇' > "$t/n"
expect "--contained -z drops 第四篇" [ "$(cat "$t/n")" -eq 4 ]

# Near mode on JSON Lines: records kept or dropped whole.
printf '{"id":1,"text":"加强机关作风建设，提高服务水平，推进各项工作全面发展。"}\n{"id":2,"text":"加强机关作风建设，提高服务水平，推进各项工作全面发展！"}\n{"id":3,"text":"完全不同的另一段文字，讲的是别的事情和内容。"}\n' > "$t/n.jsonl"
out=$("$D" --jsonl --near "$t/n.jsonl" | sed 's/,.*//' | tr '\n' ' ')
expect "--near --jsonl" [ "$out" = '{"id":1 {"id":3 ' ]

# Near mode is deterministic: the same output and similarities each run.
"$D" -d --near --near=0.3 --report "$t/r1" "$t/five" > "$t/o1"
"$D" -d --near --near=0.3 --report "$t/r2" "$t/five" > "$t/o2"
expect "near mode: same output twice" cmp -s "$t/o1" "$t/o2"
expect "near mode: same report twice" cmp -s "$t/r1" "$t/r2"

# Latin runs are words: shingles of words, not letters.
printf 'the quick brown fox jumps over the lazy dog today\nThe quick brown fox jumps over the lazy dog today!\nthe quick brown fox jumps over the lazy cat today\n' > "$t/en"
expect "--near on English lines" [ "$("$D" --near "$t/en" | wc -l)" -eq 2 ]
expect "--near --shingle 2 on English lines" [ "$("$D" --near=0.55 --shingle 2 "$t/en" | wc -l)" -eq 1 ]

# -u keeps constant memory whatever the input.
"$D" -u --stats "$t/many" > /dev/null 2> "$t/err"
expect "-u remembers nothing" [ "$(stat_of 'distinct units remembered' "$t/err")" = 0 ]

# The suite's conventions, in modes golden files do not reach.
"$D" -d --near "$t/missing" "$t/five" > "$t/out" 2> "$t/err"
expect "near: a missing file exits 2" [ $? -eq 2 ]
expect "near: the other file is processed" [ -s "$t/out" ]
"$D" -d --near "$t/five" > /dev/full 2> "$t/err"
expect "near: full disk exits 2" [ $? -eq 2 ]
expect "near: full disk is reported" grep -q "stdout: No space left on device" "$t/err"
"$D" --drop-all "$t/many" 2> "$t/err" | head -n 1 > "$t/out"
expect "--drop-all | head -1 is quiet" [ ! -s "$t/err" ]
head -c 100000 /dev/urandom > "$t/binary"
"$D" -n "$t/binary" > "$t/out" 2> "$t/err"
expect "-n on binary input exits 0" [ $? -eq 0 ]
"$D" -d --near --contained "$t/binary" > "$t/out" 2> "$t/err"
expect "--near --contained on binary input exits 0" [ $? -eq 0 ]

# --near on units of one shingle (fewer tokens than --shingle): distinct
# ones are never near, however many; their signatures came of one 32-bit
# hash, and 300,000 numbers lost 10 lines to its collisions.
seq 1 300000 > "$t/numbers"
"$D" --near "$t/numbers" > "$t/out"
expect "--near keeps 300000 distinct short lines" [ "$(wc -l < "$t/out")" -eq 300000 ]
printf '今天天气很好\n今天天气很好\n今天，天气很好\n' | "$D" --near > "$t/out"
expect "--near drops a short line's copy" [ "$(wc -l < "$t/out")" -eq 1 ]

# Standard input given twice is read once, as in one pass: the second
# "-" of --drop-all's two passes is empty, not the spooled copy again.
printf 'a\na\nb\n' | "$D" --drop-all - - > "$t/out" 2> "$t/err"
expect "--drop-all - -: stdin read once" [ "$(cat "$t/out")" = b ]
printf 'x\ny\n' > "$t/xy"
printf 'y\nz\n' | "$D" --drop-all "$t/xy" - - > "$t/out" 2> "$t/err"
expect "--drop-all FILE - -: stdin read once" [ "$(cat "$t/out" | tr '\n' ' ')" = "x z " ]

echo "sp-dedupe-options: $n_ok ok, $n_bad failed"
