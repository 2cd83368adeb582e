#!/bin/sh
# sp-outline-shard.sh BUILD: a stream cut into parts at its separators and
# outlined one process a part, each told where its part starts
# (--start-line, --start-offset), gives byte for byte the output of one
# process: line numbers in the tree, lines and offsets in JSON, lines of
# --check messages.  The recipes are the ones sp-outline(1) documents:
# two passes for plain and -z input (parallel tells no part's lines),
# one with parallel -N for JSON Lines (a record is a line).
B=$1
. "${0%/*}/../lib.sh"
if ! command -v parallel > /dev/null 2>&1; then
	echo "# GNU parallel is not installed (make deps installs it)"
	echo "sp-outline-shard: 0 ok, 1 failed"
	exit 1
fi
export PATH="$B/bin:$PATH"
same() {
	if cmp -s "$2" "$3"; then ok; else bad "$1"; cmp "$2" "$3" | head -n 1; fi
}

# Documents: the corpus pages and many small official documents with
# numbering problems for --check, CRLF lines, an empty document.
for f in tests/data/corpus/*.txt; do awk 1 "$f"; printf '\f\n'; done > "$t/in"
i=0
while [ $i -lt 400 ]; do
	printf '关于第%d项工作的通知\n一、总体要求\n（一）指导思想。\n（三）基本原则。\n二、主要任务\n1.加强学习\n3.提高认识\n\f\n' $i
	[ $((i % 50)) -eq 9 ] && printf '报告\r\n一、情况\r\n三、问题\r\n\f\n\f\n'
	i=$((i + 1))
done >> "$t/in"
printf '最后\n一、没有换行' >> "$t/in"
awk 'BEGIN { RS = "\f\n" } { printf "%s%c", $0, 0 }' "$t/in" > "$t/in.nul"
awk 'BEGIN { RS = "\f\n" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\"");
    gsub(/\r/, "\\r"); gsub(/\n/, "\\n");
    printf "{\"id\":%d,\"text\":\"%s\"}\n", NR, $0 }
    NR % 97 == 5 { print "" }' "$t/in" > "$t/in.jsonl"

# parts FRAMING INPUT: cut INPUT into parts at document ends, and write
# "K LINE OFFSET" for each part: where it starts in INPUT.
parts() {
	rm -f "$t"/part.*
	src=$2
	case $1 in
	ff)	set -- --regexp --recend '\f\n' ;;
	nul)	set -- --recend '\0' ;;
	esac
	parallel --will-cite --pipe "$@" --block 5k "cat > $t/part.{#}" \
	    < "$src" 2> /dev/null
	line=1 off=0
	for k in $(seq "$(ls "$t"/part.* | wc -l)"); do
		echo "$k $line $off"
		line=$((line + $(wc -l < "$t/part.$k")))
		off=$((off + $(wc -c < "$t/part.$k")))
	done > "$t/starts"
	[ "$(wc -l < "$t/starts")" -ge 4 ] ||
	    bad "$src: only $(wc -l < "$t/starts") parts"
}
# pieces FRAMING ARGS INPUT: one run against the parts run in parallel.
pieces() {
	# shellcheck disable=SC2086
	sp-outline $2 < "$3" > "$t/one" 2> /dev/null
	parallel --will-cite -k --colsep ' ' "sp-outline $2 --start-line {2} \
	    --start-offset {3} < $t/part.{1}" < "$t/starts" > "$t/many" \
	    2> /dev/null
	same "sp-outline $2 ($1): parts from their start" "$t/one" "$t/many"
	[ -s "$t/one" ] || bad "sp-outline $2 ($1): no output"
}
parts ff "$t/in"
pieces ff "-n" "$t/in"
pieces ff "-j" "$t/in"
pieces ff "-j -i" "$t/in"
pieces ff "-c" "$t/in"
pieces ff "-m" "$t/in"
parts nul "$t/in.nul"
pieces nul "-z -n" "$t/in.nul"
pieces nul "-z -j" "$t/in.nul"
pieces nul "-z -c" "$t/in.nul"
# The numbers are the stream's: a part alone, without them, numbers from
# its own start and differs.
sp-outline -z -j < "$t/in.nul" > "$t/one"
sp-outline -z -j < "$t/part.3" > "$t/alone"
sp-outline -z -j --start-line "$(sed -n 3p "$t/starts" | cut -d' ' -f2)" \
    --start-offset "$(sed -n 3p "$t/starts" | cut -d' ' -f3)" < "$t/part.3" \
    > "$t/placed"
if ! cmp -s "$t/alone" "$t/placed" && grep -qF -f "$t/placed" "$t/one"
then ok; else bad "-j: part 3 alone differs, placed is in the whole run's"; fi

# JSON Lines: a record is a line, so parallel -N 40 gives each piece 40
# lines, blank ones included, and --check names the records' lines.
sp-outline --jsonl -c < "$t/in.jsonl" > "$t/one" 2>&1
parallel --will-cite --pipe -k -N 40 \
    'sp-outline --jsonl -c --start-line $(( ({#} - 1) * 40 + 1 ))' \
    < "$t/in.jsonl" > "$t/many" 2>&1
same "sp-outline --jsonl -c: pieces of 40 lines" "$t/one" "$t/many"
grep -q '^<stdin>:[0-9]*[0-9][0-9][0-9]: ' "$t/one" ||
    bad "--jsonl -c: no message past line 100"
sp-outline --jsonl -j < "$t/in.jsonl" > "$t/one"
parallel --will-cite --pipe -k -N 40 \
    'sp-outline --jsonl -j --start-line $(( ({#} - 1) * 40 + 1 ))' \
    < "$t/in.jsonl" > "$t/many"
same "sp-outline --jsonl -j: pieces of 40 lines" "$t/one" "$t/many"

echo "sp-outline-shard: $n_ok ok, $n_bad failed"
