#!/bin/sh
# sp-split-roundtrip.sh BUILD: every mode is non-destructive, on the corpus
# pages and on awkward input: -s only adds line ends, -d documents joined
# back (form-feed lines or -o files) give the page, -p and -c lose only
# line breaks and blank lines; records split twice keep each member once;
# a line longer than --max-unit comes out whole.  The sentences of a CRLF
# line end in CRLF, each of them.
B=$1
SP=$B/bin/sp-split
. "${0%/*}/../lib.sh"

# Awkward input: CRLF, invalid UTF-8, no final newline, NUL, long quote.
printf '一。二！\r\n坏\377字节。\0好。\n“没有闭合的引号。然后。\n最后一行没有换行。' \
    > "$t/awkward.txt"
"$SP" -s "$t/awkward.txt" | head -n 2 > "$t/crlf"
expect "-s: both sentences of a CRLF line end in CRLF" \
    [ "$(grep -c "$(printf '\r')\$" "$t/crlf")" -eq 2 ]
# A line cut into pieces: its end is known in the last piece only.
printf 'AB。CD。E。\r\n' | "$SP" -s --max-unit 11 2> /dev/null > "$t/pieces"
expect "-s --max-unit: LF in the pieces before the last, CRLF in it" \
    [ "$(od -An -c "$t/pieces" | tr -s ' \n' ' ')" = \
    "$(printf 'AB。\nCD。\nE。\r\n' | od -An -c | tr -s ' \n' ' ')" ]
for f in tests/data/corpus/0*.txt "$t/awkward.txt"; do
	name=$(basename "$f")
	# Line ends only: a sentence ended inside a CRLF line ends in CRLF
	# (checked above), so CRs aside.
	tr -d '\r\n' < "$f" > "$t/want"
	"$SP" -s "$f" | tr -d '\r\n' > "$t/got"
	expect "$name: -s adds line ends only" cmp -s "$t/want" "$t/got"
	"$SP" -s --semicolon "$f" | tr -d '\r\n' > "$t/got"
	expect "$name: -s --semicolon adds line ends only" cmp -s "$t/want" "$t/got"

	tr -d ' \t\r\n' < "$f" > "$t/want"
	for m in -p "-c 50" "-c 1" "-c 300 --bytes"; do
		# shellcheck disable=SC2086
		"$SP" $m "$f" | tr -d ' \t\r\n' > "$t/got"
		expect "$name: $m loses only line breaks" cmp -s "$t/want" "$t/got"
	done

	# -d: documents rejoined.  A document read back from the form-feed
	# framing is its text without the newline before the separator; a
	# last line without one gets one.
	"$SP" -d "$f" | awk 'BEGIN { RS = "\n\f\n"; ORS = "" }
	    { if (NR > 1) print "\n"; print }' > "$t/got"
	{ cat "$f"; [ -z "$(tail -c 1 "$f")" ] || echo; } > "$t/want"
	expect "$name: -d documents rejoined give the page" \
	    cmp -s "$t/want" "$t/got"
	rm -f "$t"/doc*.txt
	"$SP" -d -o "$t/doc" "$f"
	expect "$name: -d -o exits 0" [ $? -eq 0 ]
	cat "$t"/doc*.txt > "$t/got"
	expect "$name: -d -o files rejoined give the page" cmp -s "$f" "$t/got"
done

# The corpus pages' -o files are numbered from 01.
rm -f "$t"/doc*.txt
"$SP" -d -o "$t/doc" tests/data/corpus/001_a5a9ba5a6d09eae4.txt
expect "-o: five files 01..05" [ "$(cd "$t" && echo doc*.txt)" = \
    "doc01.txt doc02.txt doc03.txt doc04.txt doc05.txt" ]
expect "-o: the first file opens with its marker" \
    grep -q '^第一篇' "$t/doc01.txt"
rm -f "$t"/doc*.txt
"$SP" -d -o "$t/doc" -n 3 tests/data/corpus/001_a5a9ba5a6d09eae4.txt
expect "-n 3: doc001.txt" [ -f "$t/doc001.txt" ]

# Records split twice hold each member once, and keep the others.
printf '{"url":"u","text":"前言。\\n第一篇 甲\\n甲一。甲二！\\n第二篇 乙\\n乙一？"}\n' \
    > "$t/page.jsonl"
"$SP" -d --jsonl "$t/page.jsonl" | "$SP" -s --jsonl > "$t/got"
expect "-d | -s: six sentences" [ "$(wc -l < "$t/got")" -eq 6 ]
expect "-d | -s: one doc member a record" [ "$(grep -c '"doc":.*"doc":' \
    "$t/got")" -eq 0 ]
expect "-d | -s: title and url passed on" grep -q \
    '^{"url":"u","text":"甲二！","title":"第一篇 甲",.*"doc":2,"unit":3,' \
    "$t/got"
# A text operand with --jsonl becomes records.
printf '一。二。\n' | "$SP" --jsonl > "$t/got"
expect "--jsonl on text writes records" grep -q \
    '^{"doc":1,"unit":2,"start":6,"end":12,"text":"二。"}$' "$t/got"

# A line far longer than --max-unit: pieces, nothing lost or repeated.
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "这是一个句子，很长很长"; print "。" }' \
    > "$t/long.txt"
"$SP" -s --max-unit 64K "$t/long.txt" > "$t/got" 2> "$t/err"
expect "long line: exit 0" [ $? -eq 0 ]
expect "long line: warned once" [ "$(wc -l < "$t/err")" -eq 1 ]
expect "long line: whole" cmp -s "$t/long.txt" "$t/got"
"$SP" -c 100 --max-unit 64K "$t/long.txt" 2> /dev/null | tr -d '\n' > "$t/got"
tr -d '\n' < "$t/long.txt" > "$t/want"
expect "long line: -c keeps every byte" cmp -s "$t/want" "$t/got"
"$SP" -c 100 --max-unit 64K "$t/long.txt" 2> /dev/null |
    awk '{ if (length($0) > 100) bad++ } END { exit bad > 0 }'
expect "long line: -c chunks within 100 characters" [ $? -eq 0 ]

# Runs of dots between letters or digits are read once, not back to the
# sentence's start at every dot (400,000 of "1." took minutes): a bound
# far above a linear run's time, on any machine.
gawk 'BEGIN { for (i = 0; i < 400000; i++) printf "1."; print "" }' > "$t/dots"
gawk 'BEGIN { for (i = 0; i < 100000; i++) printf "ab."; print "" }' >> "$t/dots"
timeout 60 "$SP" -s "$t/dots" > "$t/dots.out"
expect "-s on runs of dotted digits and letters ends" [ $? -eq 0 ]
expect "-s on runs of dots loses nothing" cmp -s "$t/dots" "$t/dots.out"

echo "sp-split-roundtrip: $n_ok ok, $n_bad failed"

