#!/bin/sh
# sp-dedupe-shard.sh BUILD: the dedupe across machines.  100,000 synthetic
# documents (20,000 under ASan) with exact, normalized and near copies
# spread over 4 shards, and chains of near copies, go through --emit-keys
# per shard (GNU parallel, else a loop), LC_ALL=C sort, --join and
# --drop-positions; the result must be byte-identical to one sp-dedupe run
# over the whole input, in near, exact and -n modes, with form-feed, NUL
# and JSON Lines framing.  The key stream may come sorted in pieces
# (per shard, per reducer, Hadoop-style) or be refused when unsorted; the
# GNU parallel --pipe recipe of the man page is run as written.
B=$1
D=$B/bin/sp-dedupe
. "${0%/*}/../lib.sh"
TAB=$(printf '\t')
N=100000
case $D in *asan*) N=20000 ;; esac
have_parallel=0
command -v parallel > /dev/null 2>&1 && have_parallel=1

# N documents: 70% fresh text of 60 to 140 Han characters; copies of an
# earlier document anywhere before it (so mostly in another shard):
# exact (8%), with "，" and U+3000 inserted (6%: equal under -n, near),
# with 1 to 3 characters replaced (10%: mostly near, some below the
# threshold); and 6% the previous document with one character replaced,
# which makes chains A~B~C.  A fixed LCG: the same on every awk.
LC_ALL=C awk -v n=$N '
function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function han(k,  cp) {
	cp = 19968 + k
	return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64,
	    128 + cp % 64)
}
function fresh(len,  s, i) {
	s = ""
	for (i = 0; i < len; i++)
		s = s ch[rnd(3000)]
	return s
}
function edit(s, k,  i, p) {
	for (i = 0; i < k; i++) {
		p = rnd(length(s) / 3)
		s = substr(s, 1, 3 * p) ch[rnd(3000)] substr(s, 3 * p + 4)
	}
	return s
}
BEGIN {
	seed = 12345
	for (i = 0; i < 3000; i++)
		ch[i] = han(i)
	for (i = 1; i <= n; i++) {
		r = rnd(100)
		if (i < 50 || r < 70)
			doc[i] = fresh(60 + rnd(80))
		else if (r < 78)
			doc[i] = doc[i - 1 - rnd(i - 1)]
		else if (r < 84) {
			s = doc[i - 1 - rnd(i - 1)]
			p = 3 * rnd(20)
			doc[i] = substr(s, 1, p) "，\343\200\200" substr(s, p + 1)
		} else if (r < 94)
			doc[i] = edit(doc[i - 1 - rnd(i - 1)], 1 + rnd(3))
		else
			doc[i] = edit(doc[i - 1], 1)
		printf "%s\n", doc[i]
		if (i < n)
			printf "\f\n"
	}
}' > "$t/all"

# split IN RS ORS: IN cut into 4 shards of consecutive records, IN.1 ...
split4() {
	gawk -v n="$(gawk -v RS="$2" 'END { print NR }' "$1")" -v rs="$2" \
	    -v ors="$3" -v f="$1" 'BEGIN { RS = rs; ORS = ors }
	{ if (NR == n && RT == "") ORS = ""; print > (f "." (int((NR - 1) * 4 / n) + 1)) }' "$1"
	cat "$1.1" "$1.2" "$1.3" "$1.4" | cmp -s - "$1"
}
expect "the 4 shards make the input" split4 "$t/all" '\n\f\n' '\n\f\n'

# shards OPTS IN: the map, sort, reduce and apply steps over IN.1..4,
# keys in $t/keys, positions in $t/drops, the result in $t/dist.
shards() {
	opts=$1 in=$2
	# shellcheck disable=SC2086
	if [ $have_parallel = 1 ]; then
		parallel --will-cite -j4 "$D $opts --emit-keys --shard {#} {} > {}.keys" \
		    ::: "$in.1" "$in.2" "$in.3" "$in.4" || return 1
	else
		for i in 1 2 3 4; do
			"$D" $opts --emit-keys --shard $i "$in.$i" > "$in.$i.keys" || return 1
		done
	fi
	LC_ALL=C sort -S 64M "$in".?.keys > "$t/keys" || return 1
	"$D" --join "$t/keys" > "$t/drops" || return 1
	# shellcheck disable=SC2086
	if [ $have_parallel = 1 ]; then
		parallel --will-cite -k -j4 "$D $opts --drop-positions $t/drops --shard {#} {}" \
		    ::: "$in.1" "$in.2" "$in.3" "$in.4" > "$t/dist" || return 1
	else
		for i in 1 2 3 4; do
			"$D" $opts --drop-positions "$t/drops" --shard $i "$in.$i" || return 1
		done > "$t/dist"
	fi
}

# same OPTS IN LABEL: the sharded result equals one run.
same() {
	# shellcheck disable=SC2086
	"$D" $1 --stats < "$2" > "$t/single" 2> "$t/stats"
	expect "$3: the single run exits 0" [ $? -eq 0 ]
	shards "$1" "$2"
	expect "$3: every step exits 0" [ $? -eq 0 ]
	# A shard's last document ends its output with a separator line
	# (the next shard's first is another document): the last one's too,
	# where the input had none after it.
	if [ "$(tail -c 2 "$t/dist" | od -An -c | tr -d ' ')" = '\f\n' ] &&
	    [ "$(tail -c 2 "$t/single" | od -An -c | tr -d ' ')" != '\f\n' ]; then
		head -c -2 "$t/dist" > "$t/dist.cut" && mv "$t/dist.cut" "$t/dist"
	fi
	expect "$3: sharded output equals one run" cmp -s "$t/dist" "$t/single"
	expect "$3: some documents are dropped" [ -s "$t/drops" ]
	expect "$3: as many positions as the single run drops" [ \
	    "$(awk -F': ' '/stats: dropped/ { n += $NF } END { print n + 0 }' "$t/stats")" \
	    -eq "$(wc -l < "$t/drops")" ]
}

same "-d --near" "$t/all" "near"
same "-d" "$t/all" "exact"
exact=$(wc -l < "$t/drops")
same "-d -n" "$t/all" "normalized"
expect "-n drops more than exact" [ "$(wc -l < "$t/drops")" -gt "$exact" ]

# The rest on the first fifth of the documents.
gawk -v n=$((N / 5)) 'BEGIN { RS = ORS = "\n\f\n" } NR <= n' "$t/all" > "$t/fifth"
expect "the shards of a fifth make it" split4 "$t/fifth" '\n\f\n' '\n\f\n'
same "-d --near" "$t/fifth" "near, a fifth"
cp "$t/keys" "$t/near.keys"
cp "$t/drops" "$t/near.drops"
for i in 1 2 3 4; do LC_ALL=C sort "$t/fifth.$i.keys" > "$t/sorted.$i"; done
"$D" -d --near --duplicates < "$t/fifth" > "$t/single.dups"
for i in 1 2 3 4; do
	"$D" -d --drop-positions "$t/near.drops" --shard $i --duplicates "$t/fifth.$i"
done > "$t/dist.dups"
expect "near: --duplicates equals one run's" cmp -s "$t/dist.dups" "$t/single.dups"
"$D" -d --near < "$t/fifth" > "$t/single"
"$D" -d --drop-positions "$t/near.drops" "$t/fifth.1" "$t/fifth.2" \
    "$t/fifth.3" "$t/fifth.4" > "$t/dist"
expect "near: one --drop-positions over the 4 shards (operand numbers)" \
    cmp -s "$t/dist" "$t/single"
"$D" -d --near --emit-keys "$t/fifth.1" "$t/fifth.2" "$t/fifth.3" \
    "$t/fifth.4" | LC_ALL=C sort | "$D" --join > "$t/drops2"
expect "near: one --emit-keys over the 4 shards gives the same positions" \
    cmp -s "$t/drops2" "$t/near.drops"

# The key stream sorted in pieces: each shard's keys sorted alone and
# concatenated, or given as operands; or partitioned by key over three
# "reducers", each sorted on the key only (a Hadoop shuffle: the lines of
# a key in any order), then concatenated.
run_join() { "$D" --join "$@" > "$t/j" 2> "$t/jerr" && cmp -s "$t/j" "$t/near.drops"; }
cat "$t/sorted.1" "$t/sorted.2" "$t/sorted.3" "$t/sorted.4" > "$t/cat"
expect "join: sorted pieces concatenated" run_join "$t/cat"
expect "join: sorted pieces concatenated, on stdin" sh -c \
    "'$D' --join < '$t/cat' | cmp -s - '$t/near.drops'"
expect "join: sorted pieces as operands" run_join "$t/sorted.1" "$t/sorted.2" \
    "$t/sorted.3" "$t/sorted.4"
"$D" --join --stats "$t/cat" 2>&1 > /dev/null | grep -q "sorted runs merged: 4"
expect "join: --stats counts the runs merged" [ $? -eq 0 ]
tac "$t/near.keys" | awk -F'\t' -v t="$t" '{ c = substr($1, length($1))
    print > (t "/part." index("0123456789abcdef!~", c) % 3) }'
for i in 0 1 2; do
	LC_ALL=C sort -s -t "$TAB" -k1,1 "$t/part.$i" > "$t/part.$i.sorted"
done
cat "$t/part.0.sorted" "$t/part.1.sorted" "$t/part.2.sorted" > "$t/cat"
expect "join: Hadoop-style partitions, sorted on keys only" run_join "$t/cat"
tac "$t/near.keys" > "$t/unsorted"
"$D" --join "$t/unsorted" > "$t/j" 2> "$t/jerr"
expect "join: unsorted keys exit 2" [ $? -eq 2 ]
expect "join: unsorted keys say so" grep -q "not sorted" "$t/jerr"
expect "join: unsorted keys write nothing" [ ! -s "$t/j" ]
grep -v '^~000002:' "$t/near.keys" > "$t/cut"
"$D" --join "$t/cut" > "$t/j" 2> "$t/jerr"
expect "join: keys without a shard's signatures exit 2" [ $? -eq 2 ]
expect "join: ... saying the keys are incomplete" grep -q "incomplete" "$t/jerr"
sed 's/shard=000003/shard=000002/' "$t/near.keys" > "$t/twice"
"$D" --join "$t/twice" > "$t/j" 2> "$t/jerr"
expect "join: two shards of one number exit 2" [ $? -eq 2 ]
expect "join: ... naming it" grep -q "two shards numbered 2" "$t/jerr"
expect "join: --join with the keys' options" sh -c \
    "'$D' --join -d --near '$t/near.keys' | cmp -s - '$t/near.drops'"
"$D" --join -d --near=0.7 "$t/near.keys" > "$t/j" 2> "$t/jerr"
expect "join: --join with other options exits 2" [ $? -eq 2 ]

same "-d --near=0.9 --shingle 3 --min-chars 100" "$t/fifth" "near 0.9, shingle 3, --min-chars"
same "-d -n --drop-all" "$t/fifth" "-n --drop-all"

# Copies of one page make no pairs: each copy of an earlier signature is
# dropped as such, so 5,000 copies cost no 12.5 million pairs.
gawk 'BEGIN { for (i = 0; i < 5000; i++) printf "%s同一篇讲话稿全文，各网站转载。\n\f\n", i % 2 ? "" : " " }' > "$t/copies"
"$D" -d --near --emit-keys "$t/copies" | LC_ALL=C sort |
    "$D" --join --stats > "$t/j" 2> "$t/jerr"
expect "copies: all but the first dropped" [ "$(wc -l < "$t/j")" -eq 4999 ]
expect "copies: no candidate pairs" grep -q "candidate pairs: 0$" "$t/jerr"
expect "copies: counted as copies of a signature" \
    grep -q "copies of an earlier signature or stored: 4999$" "$t/jerr"
"$D" -d --drop-positions "$t/j" "$t/copies" > "$t/dist"
"$D" -d --near "$t/copies" > "$t/single"
expect "copies: the same output as one run" cmp -s "$t/dist" "$t/single"

# The man page's recipe: GNU parallel --pipe cuts the stream, {#} numbers
# the blocks; the same cut again applies the positions.
if [ $have_parallel = 1 ]; then
	parallel --will-cite --pipe -k --regexp --recend '\f\n' --block 256k \
	    "$D -d --near --emit-keys --shard {#}" < "$t/fifth" |
	    LC_ALL=C sort -S 64M | "$D" --join > "$t/pdrops"
	parallel --will-cite --pipe -k --regexp --recend '\f\n' --block 256k \
	    "$D -d --drop-positions $t/pdrops --shard {#}" < "$t/fifth" > "$t/dist"
	"$D" -d --near < "$t/fifth" > "$t/single"
	expect "parallel --pipe recipe equals one run" cmp -s "$t/dist" "$t/single"
	expect "parallel --pipe recipe used several shards" \
	    grep -q "^000003:" "$t/pdrops"
fi

# NUL and JSON Lines framings.
gawk -v n=$((N / 5)) 'BEGIN { RS = "\n\f\n"; ORS = "\0" } NR <= n { sub(/\n$/, ""); print }' \
    "$t/all" > "$t/nul"
expect "the NUL shards make the input" split4 "$t/nul" '\0' '\0'
same "-z --near" "$t/nul" "-z near"
same "-z" "$t/nul" "-z exact"
gawk -v n=$((N / 5)) 'BEGIN { RS = "\n\f\n" } NR <= n { sub(/\n$/, "");
    printf "{\"id\":%d,\"text\":\"%s\",\"src\":\"s%d\"}\n", NR, $0, NR % 7 }' \
    "$t/all" > "$t/jsonl"
expect "the JSON Lines shards make the input" split4 "$t/jsonl" '\n' '\n'
same "--jsonl --near" "$t/jsonl" "--jsonl near"
same "--jsonl -n" "$t/jsonl" "--jsonl -n"

# A chain A~B~C (A~C below the threshold): a single run keeps A, drops B
# as like A, and keeps C, whose only like unit B was dropped; the sharded
# run must do the same (connected components would drop C too).
c=tests/sp-dedupe/chain-keys.in
gawk 'BEGIN { RS = "\n\f\n"; ORS = "\n\f\n" } NR != 2' "$c" > "$t/ac"
docs() { awk 'length($0) > 1' | wc -l; }
expect "chain: A and C are not alike" [ "$("$D" -d --near "$t/ac" | docs)" -eq 2 ]
expect "chain: a single run keeps A and C" [ "$("$D" -d --near "$c" | docs)" -eq 2 ]
gawk 'BEGIN { RS = "\n\f\n"; ORS = "\n\f\n" } { print > ("'"$t"'/chain." NR) }' "$c"
"$D" -d --near --emit-keys --shard 1 "$t/chain.1" > "$t/ck"
"$D" -d --near --emit-keys --shard 2 "$t/chain.2" >> "$t/ck"
"$D" -d --near --emit-keys --shard 3 "$t/chain.3" >> "$t/ck"
LC_ALL=C sort "$t/ck" | "$D" --join > "$t/cd"
expect "chain: only B is dropped" [ "$(cat "$t/cd")" = "000002:0000000001" ]

# Output errors: a full disk exits 2 and says so; a closed pipe is quiet.
for step in "-d --near --emit-keys $t/fifth.1" "--join $t/near.keys" \
    "-d --drop-positions $t/near.drops $t/fifth.1"; do
	# shellcheck disable=SC2086
	"$D" $step > /dev/full 2> "$t/err"
	expect "$step > /dev/full exits 2" [ $? -eq 2 ]
	expect "$step > /dev/full says so" grep -q "stdout: No space left on device" "$t/err"
	# shellcheck disable=SC2086
	st=$( { "$D" $step 2> "$t/err"; echo $? > "$t/st"; } | head -n 1 > /dev/null; cat "$t/st")
	expect "$step | head -1 exits 0" [ "$st" -eq 0 ]
	expect "$step | head -1 is quiet" [ ! -s "$t/err" ]
done
"$D" -d --near --emit-keys "$t/fifth.1" "$t/missing" "$t/fifth.2" > "$t/k" 2> "$t/err"
expect "emit-keys: a missing shard exits 2" [ $? -eq 2 ]
expect "emit-keys: the others are mapped" [ "$(grep -c '^!' "$t/k")" -eq 2 ]
"$D" --join "$t/near.keys" "$t/missing" > "$t/j" 2> "$t/err"
expect "join: a missing file exits 2" [ $? -eq 2 ]
expect "join: a missing file writes nothing" [ ! -s "$t/j" ]
"$D" -d --drop-positions "$t/missing" "$t/fifth.1" > "$t/j" 2> "$t/err"
expect "apply: a missing list exits 2" [ $? -eq 2 ]
expect "apply: a missing list is named" grep -q "missing" "$t/err"

# Shards that are files, the last document of each with no separator
# after it (as sp-split writes them): each file's documents are its own,
# in the keys and in the output, as in one run over the files.
printf 'A1\n\f\nB1\n' > "$t/sf1"
printf 'C1\n\f\nA1\n\f\nD1\n' > "$t/sf2"
"$D" -d --emit-keys --shard 1 "$t/sf1" > "$t/sk1"
"$D" -d --emit-keys --shard 2 "$t/sf2" > "$t/sk2"
cat "$t/sk1" "$t/sk2" | LC_ALL=C sort | "$D" --join > "$t/sdrops"
for i in 1 2; do
	"$D" -d --drop-positions "$t/sdrops" --shard $i "$t/sf$i"
done > "$t/sdist"
{ "$D" -d "$t/sf1" "$t/sf2"; printf '\f\n'; } > "$t/sone"
expect "file shards: documents stay apart at a shard's end" \
    cmp -s "$t/sdist" "$t/sone"

# Shard numbers stop at 999999: files that would number past it are a
# usage error before any key is written.
"$D" -d --emit-keys --shard 999999 "$t/sf1" "$t/sf2" > "$t/k" 2> "$t/err"
expect "emit-keys: shards past 999999 exit 2" [ $? -eq 2 ]
expect "emit-keys: shards past 999999 write no key" [ ! -s "$t/k" ]

# A map step cut short leaves keys without their header (written after
# them): --join refuses them instead of writing an incomplete drop list.
printf 'a\nb\n' > "$t/h1"
printf 'c\na\nb\n' > "$t/h2"
"$D" --emit-keys --shard 1 "$t/h1" > "$t/hk1"
"$D" --emit-keys --shard 2 "$t/h2" > "$t/hk2"
(cat "$t/hk1"; head -n 2 "$t/hk2") | LC_ALL=C sort | "$D" --join > "$t/out" 2> "$t/err"
expect "--join: keys of a shard without its header exit 2" [ $? -eq 2 ]
expect "--join: keys of a shard without its header: told" \
    grep -q "shard 2, which has no header" "$t/err"
expect "--join: keys of a shard without its header: nothing written" [ ! -s "$t/out" ]

echo "sp-dedupe-shard: $n_ok ok, $n_bad failed"
