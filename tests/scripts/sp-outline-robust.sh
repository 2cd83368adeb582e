#!/bin/sh
# sp-outline-robust.sh BUILD: what golden cases cannot show: several files
# (line numbers, a missing one among them), a full disk and a closed pipe
# in every output mode, lines longer than --max-unit, form feeds with CRLF,
# NUL bytes, the check's exit status next to an error, and the shared
# heading recognizer seeing what sp-outline sees.
B=$1
S="$B/bin/sp-outline"
export LC_ALL=C.UTF-8
. "${0%/*}/../lib.sh"

printf '甲文\n一、总体要求\n（一）指导思想\n（三）基本原则\n' > "$t/a.txt"
printf '乙文\n\n一、主要任务\n二、保障措施\n' > "$t/b.txt"

# Several files: one outline each, line numbers from 1 in each.
"$S" -n "$t/a.txt" "$t/b.txt" > "$t/out" 2> "$t/err"
expect "two files exit 0" [ $? -eq 0 ]
printf '1:甲文\n2:  一、总体要求\n3:    （一）指导思想\n4:    （三）基本原则\n\f\n1:乙文\n3:  一、主要任务\n4:  二、保障措施\n' > "$t/want"
expect "two files: one outline each, numbered per file" cmp -s "$t/out" "$t/want"

# --check names each file; a missing file is an error (2), which wins
# over the problems found (1), and the other files are still checked.
"$S" -c "$t/a.txt" "$t/nosuch" "$t/b.txt" > "$t/out" 2> "$t/err"
expect "check with a missing file exits 2" [ $? -eq 2 ]
expect "check names the file and line" grep -q \
    "^$t/a.txt:4: （三） follows （一）: expected （二）$" "$t/out"
expect "check reports the missing file" grep -q "nosuch: No such file" "$t/err"
"$S" -c "$t/b.txt" > "$t/out" 2>&1
expect "check with no problems exits 0 quietly" [ $? -eq 0 ] && [ ! -s "$t/out" ]
"$S" -c < "$t/a.txt" > "$t/out" 2>&1
expect "check on stdin exits 1" [ $? -eq 1 ]
expect "check on stdin says <stdin>" grep -q '^<stdin>:4: ' "$t/out"

# Every mode on a full disk and a closed pipe.
i=0
while [ $i -lt 3000 ]; do
	printf '第%d篇 讲话\n一、要求\n（一）学习\n（三）实践\n正文。\n' $((i + 1))
	i=$((i + 1))
done > "$t/big.txt"
for m in "" -m -j -c "-j -i" "-n -l 1"; do
	if [ -w /dev/full ]; then
		"$S" $m "$t/big.txt" > /dev/full 2> "$t/err"
		st=$?
		expect "sp-outline $m on a full disk exits 2" [ $st -eq 2 ]
		expect "sp-outline $m on a full disk says so" grep -q \
		    '^sp-outline: stdout: No space left on device$' "$t/err"
	fi
	{ "$S" $m "$t/big.txt" 2> "$t/err"; echo $? > "$t/st"; } | head -n 1 \
	    > /dev/null
	st=$(cat "$t/st")
	# A closed pipe ends quietly with the status so far (1 for -c).
	if [ "$m" = -c ]; then want=1; else want=0; fi
	expect "sp-outline $m | head -1 exits $want" [ "$st" = $want ]
	expect "sp-outline $m | head -1 is quiet" [ ! -s "$t/err" ]
done

# A line longer than --max-unit: its heading is found from the first
# piece, the rest is no new line; Markdown loses none of it.
{
	echo 标题
	printf '一、%s\n' "$(head -c 5000 /dev/zero | tr '\0' x)"
	echo '二、乙'
} > "$t/long.txt"
"$S" -n --max-unit 1K "$t/long.txt" > "$t/out" 2> "$t/err"
expect "a long line exits 0" [ $? -eq 0 ]
expect "a long line is warned about" grep -q 'longer than --max-unit' "$t/err"
expect "a long line's heading is found" grep -q '^2:  一、x' "$t/out"
expect "the line after a long line keeps its number" grep -q '^3:  二、乙$' \
    "$t/out"
"$S" -m --max-unit 1K "$t/long.txt" 2> /dev/null | tr -cd x > "$t/x"
expect "Markdown keeps every byte of a long line" [ "$(wc -c < "$t/x")" -eq 5000 ]

# -z reads a line at a time too: a document longer than --max-unit whose
# lines are short is no unit over it, and its headings are all found.
{
	echo 标题
	i=0
	while [ $i -lt 100 ]; do echo '这是一段正文，用来把文档写长。'; i=$((i + 1)); done
	echo '一、最后的标题'
} > "$t/longdoc.txt"
"$S" -z -n --max-unit 1K "$t/longdoc.txt" > "$t/out" 2> "$t/err"
expect "-z: a document over --max-unit, short lines: exit 0" [ $? -eq 0 ]
expect "-z: a document over --max-unit keeps its last heading" \
    grep -q '^102:  一、最后的标题$' "$t/out"
expect "-z: short lines are not over --max-unit" [ ! -s "$t/err" ]

# Form feeds with CRLF line ends, and NUL bytes inside a line.
printf '一\r\n一、甲\r\n\f\r\n二\r\n一、乙\r\n' | "$S" > "$t/out"
printf '一\n  一、甲\n\f\n二\n  一、乙\n' > "$t/want"
expect "CRLF form-feed lines separate documents" cmp -s "$t/out" "$t/want"
printf '标题\n一、甲\000乙\n' | "$S" -j > "$t/out"
expect "a NUL in a title is escaped in JSON" grep -q '"title":"甲\\u0000乙"' \
    "$t/out"
printf '标题\n一、甲\n' | "$S" -j | jq -e '.headings[0].title == "甲"' \
    > /dev/null
expect "JSON output is valid JSON" [ $? -eq 0 ]

# -z: NUL-terminated documents in, NUL-terminated outlines out.
printf '甲\n一、A\000乙\n一、B\000' | "$S" -z | tr '\0' '|' > "$t/out"
expect "-z: one NUL-terminated outline a document" \
    [ "$(cat "$t/out")" = "$(printf '甲\n  一、A\n|乙\n  一、B\n|')" ]

# --stats counts documents, lines, headings and problems.
"$S" -c --stats "$t/a.txt" "$t/b.txt" > /dev/null 2> "$t/err"
expect "--stats counts documents" grep -q 'documents' "$t/err"
expect "--stats counts problems" grep -q 'problems' "$t/err"

# The raw corpus pages, every mode, under ASan when built so: no crash.
for f in tests/data/corpus/*.txt tests/data/web/gbk-read-as-latin1.txt; do
	for m in "" -m -j -c -i "-L -j"; do
		"$S" $m "$f" > /dev/null 2> "$t/err"
		st=$?
		expect "sp-outline $m $(basename "$f") exits 0 or 1" [ $st -le 1 ]
	done
done
"$S" --jsonl -j tests/data/web/commoncrawl-zh-100.jsonl > "$t/out" 2> "$t/err"
expect "JSON Lines corpus exits 0" [ $? -eq 0 ]
expect "JSON Lines corpus: one record a record" [ "$(wc -l < "$t/out")" -eq \
    "$(grep -c . tests/data/web/commoncrawl-zh-100.jsonl)" ]
expect "JSON Lines corpus: every record has an outline" [ "$(jq -c \
    'select(.outline.headings)' "$t/out" | wc -l)" -eq "$(wc -l < "$t/out")" ]

# Memory does not grow with a document: 20 MB without a form feed, in
# every mode, stays within a few MB (not under the sanitizers, whose
# shadow memory would be measured).
case $B in
*asan*) ;;
*)
	if [ -x /usr/bin/time ]; then
		: > "$t/huge.txt"
		while [ "$(wc -c < "$t/huge.txt")" -lt 20000000 ]; do
			cat tests/data/corpus/*.txt >> "$t/huge.txt"
		done
		for m in "" -m -j "-j -i" -c; do
			/usr/bin/time -f %M -o "$t/rss" "$S" $m "$t/huge.txt" \
			    > /dev/null 2>&1
			kb=$(tail -n 1 "$t/rss")
			expect "sp-outline $m on 20 MB uses $kb KB, under 16 MB" \
			    [ "$kb" -lt 16384 ]
		done
	fi
	;;
esac

# -c: a file's parts number afresh (sp-outline -c *.txt judges each file
# alone); within a stream a document opening at 第二篇 continues the one
# before.
printf '第一篇：讲话甲\n一、甲\n' > "$t/pa.txt"
printf '第二篇：讲话乙\n一、乙\n' > "$t/pc.txt"
"$S" -c "$t/pa.txt" "$t/pc.txt" > "$t/out"
expect "-c: a file's 第二篇 does not continue the file before" \
    grep -q "pc.txt:1: 第二篇 opens its level" "$t/out"
"$S" -c "$t/pc.txt" "$t/pc.txt" > "$t/out"
expect "-c: the same file twice, judged alike" \
    [ "$(grep -c "opens its level" "$t/out")" = 2 ]
printf '第一篇：讲话甲\n一、甲\n\f\n第二篇：讲话乙\n一、乙\n' | "$S" -c > "$t/out"
expect "-c: in a stream 第二篇 continues the document before" [ ! -s "$t/out" ]

# --start-line numbers the stream's warnings too, as the output's lines.
printf '%s\n' '{"text":"文\n一、甲\n三、乙"}' '{"body":"x"}' > "$t/r.jsonl"
"$S" --jsonl -c --start-line 1001 "$t/r.jsonl" > "$t/out" 2> "$t/err"
expect "--start-line: the problem's line" grep -q "r.jsonl:1001: 三、" "$t/out"
expect "--start-line: an unusable record's line" \
    grep -q "r.jsonl:1002: no field \"text\"" "$t/err"

echo "sp-outline-robust: $n_ok ok, $n_bad failed"
