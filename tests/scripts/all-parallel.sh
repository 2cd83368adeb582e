#!/bin/sh
# all-parallel.sh BUILD: the filters whose documents are independent give,
# under GNU parallel --pipe -k cutting the stream at separators, output
# byte-identical to one process: form-feed lines, NUL (-z) and JSON Lines.
# The exact command lines are the ones sp(7) documents.  (Outputs that
# number documents or give stream offsets, such as sp-outline --json and
# sp-split --jsonl, take start numbers a piece: tests/scripts/sp-*-shard.sh.)
B=$1
. "${0%/*}/../lib.sh"
if ! command -v parallel > /dev/null 2>&1; then
	echo "# GNU parallel is not installed (make deps installs it)"
	echo "all-parallel: 0 ok, 1 failed"
	exit 1
fi
export PATH="$B/bin:$PATH"

# Pages: the corpus pages, and many small documents so that blocks cut
# between documents often.
# awk 1: a page without a final newline would glue the form feed to its
# last line, where parallel cuts but the tools see no separator.
for f in tests/data/corpus/0*.txt; do awk 1 "$f"; printf '\f\n'; done > "$t/pages"
i=0
while [ $i -lt 1500 ]; do
	printf '第%d篇：讲话\n一、加强学习,提高认识\n同志们:今天开会.\n（一）认真学习。\n\f\n' $i
	i=$((i + 1))
done >> "$t/pages"
if [ -x "$B/bin/sp-clean" ]; then
	sp-clean "$t/pages" > "$t/clean"
else
	cp "$t/pages" "$t/clean"
fi
tr '\f' '\0' < "$t/pages" | sed 's/^$//' > "$t/pages.nul"
awk '{ gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t");
    printf "{\"n\":%d,\"text\":\"%s\"}\n", NR, $0 }' "$t/clean" |
    tr -d '\f' > "$t/clean.jsonl"

# same NAME FRAMING-OPTS TOOL-ARGS INPUT
same() {
	name=$1 popts=$2 args=$3 in=$4
	[ -x "$B/bin/$name" ] || return 0	# not in this build (ONLY)
	# shellcheck disable=SC2086
	"$B/bin/$name" $args < "$in" > "$t/one" 2> /dev/null
	if [ "$popts" = ff ]; then
		# As sp(7) writes it: the regexp reads \f\n as the two bytes.
		parallel --will-cite --pipe -k --regexp --recend '\f\n' \
		    --block 20k "$B/bin/$name" $args < "$in" > "$t/many" \
		    2> /dev/null
	else
		parallel --will-cite --pipe -k $popts --block 20k \
		    "$B/bin/$name" $args < "$in" > "$t/many" 2> /dev/null
	fi
	if cmp -s "$t/one" "$t/many"; then
		n_ok=$((n_ok + 1))
	else
		n_bad=$((n_bad + 1))
		echo "FAIL $name $args under parallel ($popts) differs from one process"
		cmp "$t/one" "$t/many" | head -n 2
	fi
}

same sp-clean ff "" "$t/pages"
same sp-clean "--recend \\0" "-z" "$t/pages.nul"
same sp-clean "" "--jsonl" "$t/clean.jsonl"
same sp-split ff "" "$t/clean"
same sp-split ff "-d" "$t/clean"
same sp-split ff "-p" "$t/clean"
same sp-split ff "-c 200" "$t/clean"
same sp-outline ff "" "$t/clean"
same sp-outline ff "--markdown" "$t/clean"
same sp-outline "" "--jsonl" "$t/clean.jsonl"
echo "all-parallel: $n_ok ok, $n_bad failed"
