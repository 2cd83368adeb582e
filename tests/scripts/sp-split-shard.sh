#!/bin/sh
# sp-split-shard.sh BUILD: a stream cut into pieces at its separators and
# split one process a piece, each numbering from --start-document, gives
# byte for byte the output of one process: document numbers in --jsonl
# records, and -o file names.  The recipes are the ones sp-split(1)
# documents: GNU parallel -N (documents a piece known in advance) for the
# input's documents, two passes for -d's, whose count only splitting tells.
B=$1
. "${0%/*}/../lib.sh"
if ! command -v parallel > /dev/null 2>&1; then
	echo "# GNU parallel is not installed (make deps installs it)"
	echo "sp-split-shard: 0 ok, 1 failed"
	exit 1
fi
export PATH="$B/bin:$PATH"
same() {
	if cmp -s "$2" "$3"; then ok; else bad "$1"; cmp "$2" "$3" | head -n 1; fi
}
FF=$(printf '\f\nx')
FF=${FF%x}

# Documents: the corpus pages (some holding several speeches), small
# pages with markers, CRLF ones, the last without a final newline.
for f in tests/data/corpus/*.txt; do awk 1 "$f"; printf '\f\n'; done > "$t/in"
i=0
while [ $i -lt 300 ]; do
	printf '第%d篇：讲话\n一、加强学习。提高认识！\n第二篇 会议\n同志们：今天开会。\n\f\n' $i
	[ $((i % 50)) -eq 9 ] && printf '前言。\r\n篇一\r\n正文。\r\n\f\n'
	i=$((i + 1))
done >> "$t/in"
# The same with empty documents (two separators in a row, one opening
# the stream), which parallel -N counts as records or not depending on
# where its blocks fall: the -N recipe needs a stream without them.
{
	printf '\f\n'
	awk 'BEGIN { RS = ORS = "\f\n" } 1; NR % 40 == 3 { printf "\f\n" }' \
	    "$t/in"
	printf '最后一篇。没有换行'
} > "$t/in.empty"
printf '最后一篇。没有换行' >> "$t/in"
# Documents that are not empty: the numbers --jsonl gives.
ndocs=$(awk 'BEGIN { RS = "\f\r?\n" } $0 != "" { n++ } END { print n }' \
    "$t/in")
# NUL framing: the same documents; JSON Lines: one record each.
awk 'BEGIN { RS = "\f\n" } { printf "%s%c", $0, 0 }' "$t/in" > "$t/in.nul"
awk 'BEGIN { RS = "\f\n" } NR > 1 { gsub(/\\/, "\\\\"); gsub(/"/, "\\\"");
    gsub(/\r/, "\\r"); gsub(/\n/, "\\n");
    printf "{\"id\":%d,\"text\":\"%s\"}\n", NR, $0 }' "$t/in" > "$t/in.jsonl"

# pieces FRAMING MODE-ARGS INPUT: one run, then parallel -N 25, each piece
# numbered from its first document's number.
pieces() {
	fr=$1 args=$2 in=$3
	# shellcheck disable=SC2086
	sp-split $args < "$in" > "$t/one" 2> /dev/null
	case $fr in
	ff)	set -- --regexp --recend '\f\n' ;;
	nul)	set -- --recend '\0' ;;
	jsonl)	set -- ;;
	esac
	# shellcheck disable=SC2016
	parallel --will-cite --pipe -k -N 25 "$@" \
	    "sp-split $args"' --start-document $(( ({#} - 1) * 25 + 1 ))' \
	    < "$in" > "$t/many" 2> /dev/null
	same "sp-split $args ($fr) in pieces of 25 documents" "$t/one" "$t/many"
	[ -s "$t/one" ] || bad "sp-split $args ($fr): no output"
}
pieces ff "--jsonl" "$t/in"
pieces ff "-p --jsonl" "$t/in"
pieces ff "-c 60 --jsonl" "$t/in"
pieces nul "-z --jsonl" "$t/in.nul"
pieces nul "-z -c 60 --jsonl" "$t/in.nul"
pieces jsonl "--jsonl" "$t/in.jsonl"
pieces jsonl "-p --jsonl" "$t/in.jsonl"
# Plain output takes no numbers, and keeps every separator.
pieces ff "-s" "$t/in"
pieces nul "-z" "$t/in.nul"
expect_last=$(($(wc -l < "$t/in.jsonl") + 1))
sp-split --jsonl < "$t/in" | tail -n 1 | grep -q "\"doc\":$ndocs,"
if [ $? -eq 0 ]; then ok; else bad "--jsonl: the last document is number $ndocs"; fi
sp-split --jsonl < "$t/in.jsonl" | tail -n 1 | grep -q "\"doc\":$((expect_last - 1)),"
if [ $? -eq 0 ]; then ok; else bad "--jsonl records: the last record's number"; fi

# -d: the documents a piece makes are known only once it is split, so
# two passes: cut the stream at document ends into parts, count each
# part's documents, then split every part from its start number.
parallel --will-cite --pipe --recend "$FF" --block 4k "cat > $t/part.{#}" \
    < "$t/in" 2> /dev/null
nparts=$(ls "$t"/part.* | wc -l)
if [ "$nparts" -ge 4 ]; then ok; else bad "-d: only $nparts parts"; fi
start=1
for k in $(seq "$nparts"); do
	echo "$k $start"
	start=$((start + $(sp-split -d --jsonl "$t/part.$k" | wc -l)))
done > "$t/starts"
sp-split -d --jsonl < "$t/in" > "$t/one"
parallel --will-cite -k --colsep ' ' \
    "sp-split -d --jsonl --start-document {2} < $t/part.{1}" \
    < "$t/starts" > "$t/many"
same "sp-split -d --jsonl: two passes over parts" "$t/one" "$t/many"
mkdir "$t/o1" "$t/o2"
sp-split -d -n 4 -o "$t/o1/d" < "$t/in"
parallel --will-cite --colsep ' ' \
    "sp-split -d -n 4 -o $t/o2/d --start-document {2} < $t/part.{1}" \
    < "$t/starts"
if diff -r "$t/o1" "$t/o2" > /dev/null; then ok; else
	bad "sp-split -d -o: the files of the parts differ from one run's"
fi
n=$(ls "$t/o1" | wc -l)
if [ "$n" -eq $((start - 1)) ] && [ -f "$t/o1/d$(printf %04d "$n").txt" ]
then ok; else bad "-d -o: $n files, numbered 0001 to $((start - 1))"; fi
# -o names files from the start number, and refuses a number that does
# not fit in -n digits, leaving no file.
mkdir "$t/o3"
printf '第一篇 甲\n甲。\n第二篇 乙\n乙。\n' > "$t/page"
sp-split -d -n 2 -o "$t/o3/d" --start-document 98 "$t/page"
if [ "$(ls "$t/o3" | tr '\n' ' ')" = "d98.txt d99.txt " ]; then ok; else
	bad "-o --start-document 98: $(ls "$t/o3" | tr '\n' ' ')"; fi
rm -f "$t"/o3/*
sp-split -d -n 2 -o "$t/o3/d" --start-document 99 "$t/page" 2> "$t/err"
if [ $? -eq 2 ] && grep -q 'do not fit' "$t/err" &&
    [ -z "$(ls "$t/o3")" ]; then ok; else
	bad "-o --start-document 99, two documents in -n 2: refused, no files"
fi

# Empty documents take no number, are written back empty, and the two
# passes number them right wherever the parts are cut.
sp-split --jsonl < "$t/in.empty" > "$t/one"
sp-split --jsonl < "$t/in" > "$t/many"
same "--jsonl: empty documents take no number" "$t/one" "$t/many"
rm -f "$t"/part.*
parallel --will-cite --pipe --recend "$FF" --block 3k "cat > $t/part.{#}" \
    < "$t/in.empty" 2> /dev/null
start=1
for k in $(seq "$(ls "$t"/part.* | wc -l)"); do
	echo "$k $start"
	start=$((start + $(awk 'BEGIN { RS = "\f\r?\n" } $0 != "" { n++ }
	    END { print n + 0 }' "$t/part.$k")))
done > "$t/starts"
sp-split -c 60 --jsonl < "$t/in.empty" > "$t/one"
parallel --will-cite -k --colsep ' ' \
    "sp-split -c 60 --jsonl --start-document {2} < $t/part.{1}" \
    < "$t/starts" > "$t/many"
same "sp-split -c 60 --jsonl, empty documents: two passes" "$t/one" "$t/many"
pieces ff "-s" "$t/in.empty"
n=$(grep -c "$(printf '^\f$')" "$t/in.empty")
m=$(sp-split < "$t/in.empty" | grep -c "$(printf '^\f$')")
if [ "$n" = "$m" ]; then ok; else bad "-s: $n separators in, $m out"; fi

# Cutting the -d output at its separators numbers like -N too.
sp-split -d < "$t/in" > "$t/docs"
sp-split --jsonl < "$t/docs" > "$t/one"
parallel --will-cite --pipe -k -N 10 --recend "$FF" \
    'sp-split --jsonl --start-document $(( ({#} - 1) * 10 + 1 ))' \
    < "$t/docs" > "$t/many"
same "sp-split -d | sp-split --jsonl in pieces of 10" "$t/one" "$t/many"

echo "sp-split-shard: $n_ok ok, $n_bad failed"
