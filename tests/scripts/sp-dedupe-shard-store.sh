#!/bin/sh
# sp-dedupe-shard-store.sh BUILD: --merge-store, for --store databases made
# on different machines: the union is made (fingerprints, passages, near
# signatures once each), a new store is created, merging again changes
# nothing, stores of other parameters are refused naming the file, and on
# any failure (a refused store, a missing one, a write that fails, the
# store in use with --no-wait) the destination is left exactly as it was.
B=$1
D=$B/bin/sp-dedupe
. "${0%/*}/../lib.sh"
pids=
cleanup() {
	for p in $pids; do kill "$p" 2> /dev/null; done
	rm -rf "$t"
}
trap cleanup EXIT
digest() { "$D" --store "$1" --store-info | sed -n 's/^digest: //p'; }
info() { "$D" --store "$1" --store-info | sed -n "s/^$2: //p"; }

# Exact stores from two machines, merged into a new one.
printf 'a\nb\n' | "$D" --store "$t/A" > /dev/null
printf 'b\nc\n' | "$D" --store "$t/B" > /dev/null
a=$(digest "$t/A")
"$D" --merge-store "$t/M" "$t/A" "$t/B" > "$t/out" 2> "$t/err"
expect "merge into a new store exits 0" [ $? -eq 0 ]
expect "the merge is quiet" [ ! -s "$t/err" ] && [ ! -s "$t/out" ]
expect "the new store holds the union" [ "$(info "$t/M" fingerprints)" = 3 ]
expect "the new store has the sources' parameters" \
    [ "$(info "$t/M" parameters)" = "unit=lines mode=exact" ]
expect "a source is not changed" [ "$(digest "$t/A")" = "$a" ]
expect "no store is left aside" [ -z "$(find "$t" -maxdepth 1 -name 'M.merge.*')" ]
printf 'a\nd\nc\nb\n' | "$D" --store "$t/M" --store-readonly > "$t/out"
expect "a run against the merged store drops what either kept" [ "$(cat "$t/out")" = d ]

# Merging again changes nothing; so does merging into itself, refused.
m=$(digest "$t/M")
"$D" --merge-store "$t/M" "$t/A" "$t/B" "$t/A" > /dev/null 2>&1
expect "merging again exits 0" [ $? -eq 0 ]
expect "merging again changes nothing" [ "$(digest "$t/M")" = "$m" ]
"$D" --merge-store "$t/M" "$t/M" > /dev/null 2> "$t/err"
expect "merging a store into itself exits 2" [ $? -eq 2 ]
expect "merging a store into itself changes nothing" [ "$(digest "$t/M")" = "$m" ]

# Into an existing store.
printf 'd\n' | "$D" --store "$t/C" > /dev/null
"$D" --merge-store "$t/M" "$t/C" --stats > /dev/null 2> "$t/err"
expect "merge into an existing store exits 0" [ $? -eq 0 ]
expect "the existing store gains the new one" [ "$(info "$t/M" fingerprints)" = 4 ]
expect "--stats counts what was added" grep -q "fingerprints added: 1" "$t/err"
m=$(digest "$t/M")

# Other parameters are refused, naming the store, before anything is
# written; a new store is then not made.
printf 'x\n' | "$D" -n --store "$t/N" > /dev/null
printf 'y\n' | "$D" --store "$t/E" > /dev/null
"$D" --merge-store "$t/M" "$t/E" "$t/N" > /dev/null 2> "$t/err"
expect "a store of other parameters exits 2" [ $? -eq 2 ]
expect "the refusal names the store" grep -q "^sp-dedupe: $t/N: " "$t/err"
expect "the refusal names both parameters" \
    grep -q '"unit=lines mode=normalized digits=kept".*"unit=lines mode=exact"' "$t/err"
expect "a refused merge leaves the store as it was" [ "$(digest "$t/M")" = "$m" ]
"$D" --merge-store "$t/new" "$t/A" "$t/N" > /dev/null 2> "$t/err"
expect "a refused merge into a new store exits 2" [ $? -eq 2 ]
expect "a refused merge makes no store" [ ! -e "$t/new" ]
expect "a refused merge leaves nothing aside" [ -z "$(find "$t" -maxdepth 1 -name 'new.merge.*')" ]
"$D" --merge-store "$t/M" "$t/A" "$t/nowhere" > /dev/null 2> "$t/err"
expect "a missing store exits 2" [ $? -eq 2 ]
expect "a missing store is named" grep -q "nowhere" "$t/err"
expect "a missing store leaves the store as it was" [ "$(digest "$t/M")" = "$m" ]
printf 'z\n' | "$D" --store "$t/P" -p > /dev/null
"$D" --merge-store "$t/M" "$t/P" > /dev/null 2> "$t/err"
expect "a store of other units is refused" [ $? -eq 2 ]

# Near stores: signatures are added once each and found by band.
f=tests/data/corpus/002_d6dbffc23111a032.txt
sed -n '15,40p' "$f" > "$t/doc1"
sed -n '61,90p' "$f" > "$t/doc3"
sed -n '15,40p' "$f" | sed 's/省人大常委会/某市人大常委会/g' > "$t/doc1b"
sed -n '61,90p' "$f" | sed 's/20\([0-9][0-9]\)/2019/g' > "$t/doc3b"
"$D" -d --near --store "$t/N1" "$t/doc1" > /dev/null
"$D" -d --near --store "$t/N2" "$t/doc3" "$t/doc1" > /dev/null
"$D" --merge-store "$t/NM" "$t/N1" "$t/N2" 2> "$t/err"
expect "near stores merge" [ $? -eq 0 ]
expect "a signature both hold is added once" [ "$(info "$t/NM" signatures)" = 2 ]
expect "band entries follow the signatures" [ "$(info "$t/NM" 'band entries')" = 42 ]
"$D" -d --near --store "$t/NM" --store-readonly "$t/doc1b" "$t/doc3b" > "$t/out"
expect "edited copies of either store's documents are dropped" [ ! -s "$t/out" ]
nm=$(digest "$t/NM")
"$D" --merge-store "$t/NM" "$t/N2" "$t/N1" 2> "$t/err"
expect "near: merging again changes nothing" [ "$(digest "$t/NM")" = "$nm" ]
g=tests/data/corpus/001_a5a9ba5a6d09eae4.txt
sed -n '35,67p' "$g" > "$t/second"
"$D" -d --near --store "$t/N3" "$t/second" > /dev/null
"$D" --merge-store "$t/N3" "$t/NM" 2> "$t/err"
expect "near: the merged store merges into a third" [ "$(info "$t/N3" signatures)" = 3 ]
"$D" -d --near=0.9 --store "$t/N9" "$t/doc1" > /dev/null
"$D" --merge-store "$t/NM" "$t/N9" > /dev/null 2> "$t/err"
expect "near: another threshold is refused" [ $? -eq 2 ]
expect "near: ... naming the threshold" grep -q "threshold=0.9" "$t/err"

# Containment passages are united too.
sed -n '91,100p' "$g" > "$t/fourth"
"$D" -d --contained --store "$t/C1" "$t/second" > /dev/null
"$D" -d --contained --store "$t/C2" "$t/doc3" > /dev/null
"$D" --merge-store "$t/CM" "$t/C1" "$t/C2"
expect "passages are united" [ "$(info "$t/CM" passages)" -eq \
    $(($(info "$t/C1" passages) + $(info "$t/C2" passages))) ]
"$D" -d --contained --store "$t/CM" --store-readonly "$t/fourth" > "$t/out"
expect "a truncated copy is dropped by the merged store" [ ! -s "$t/out" ]

# A write that fails (the file size limit, as a full disk would) leaves
# the destination as it was, and a new one is not made.
gawk 'BEGIN { for (i = 0; i < 100000; i++) print "big-" i }' |
    "$D" --store "$t/BIG" > /dev/null
(trap '' XFSZ; ulimit -f 2048; exec "$D" --merge-store "$t/M" "$t/BIG") \
    > /dev/null 2> "$t/err"
expect "a failed write exits 2" [ $? -eq 2 ]
expect "a failed write says the store is unchanged" grep -q "left unchanged" "$t/err"
expect "a failed write leaves the store as it was" [ "$(digest "$t/M")" = "$m" ]
(trap '' XFSZ; ulimit -f 2048; exec "$D" --merge-store "$t/new2" "$t/BIG") \
    > /dev/null 2> "$t/err"
expect "a failed write into a new store exits 2" [ $? -eq 2 ]
expect "a failed write makes no store" [ ! -e "$t/new2" ]
expect "a failed write leaves nothing aside" [ -z "$(find "$t" -maxdepth 1 -name 'new2.merge.*')" ]
"$D" --merge-store "$t/M" "$t/BIG" 2> "$t/err"
expect "the merge then succeeds" [ "$(info "$t/M" fingerprints)" = 100004 ]
m=$(digest "$t/M")

# The store in use by a run: the merge waits, or with --no-wait exits 2.
mkfifo "$t/fifo"
(printf 'held\n'; exec sleep 3) > "$t/fifo" &
w=$!
pids="$pids $w"
"$D" --store "$t/M" "$t/fifo" > /dev/null 2>&1 &
r=$!
pids="$pids $r"
sleep 1
"$D" --merge-store "$t/M" --no-wait "$t/C" > /dev/null 2> "$t/err"
expect "--no-wait: a store in use exits 2" [ $? -eq 2 ]
expect "--no-wait: ... saying so" grep -q "in use" "$t/err"
"$D" --merge-store "$t/M" "$t/N1" "$t/E" > /dev/null 2> "$t/err"
expect "a refusal comes before waiting for the lock" [ $? -eq 2 ]
wait $r
wait $w 2> /dev/null
expect "the run holding the store committed" [ "$(info "$t/M" fingerprints)" = 100005 ]

differ() { ! cmp -s "$1" "$2"; }

# A store read by --emit-keys (--store-readonly): a unit the store holds
# is dropped and never kept, as in a single run against the store; the
# survivors, recorded by a run over them, make the store a single run
# would have made.  6,000 synthetic documents, the first 2,000 in the
# store, the rest in 3 shards, with copies and near copies of both.
LC_ALL=C awk 'function rnd(m) { seed = (seed * 16807) % 2147483647; return seed % m }
function han(k,  cp) { cp = 19968 + k
	return sprintf("%c%c%c", 224 + int(cp / 4096), 128 + int(cp / 64) % 64, 128 + cp % 64) }
BEGIN { seed = 7
	for (i = 1; i <= 6000; i++) {
		r = rnd(10)
		if (i < 20 || r < 6) { d = ""; for (k = 60 + rnd(40); k > 0; k--) d = d han(rnd(3000)) }
		else { d = doc[i - 1 - rnd(i - 1)]; if (r >= 8) { p = 3 * rnd(length(d) / 3); d = substr(d, 1, p) han(rnd(3000)) substr(d, p + 4) } }
		doc[i] = d
		printf "%s\n\f\n", d > (i <= 2000 ? "'"$t"'/day1" : "'"$t"'/day2." int((i - 2001) / 1334 + 1))
	}
}'
cat "$t/day2.1" "$t/day2.2" "$t/day2.3" > "$t/day2"
for m in near exact; do
	o=-d
	[ $m = near ] && o="-d --near"
	# shellcheck disable=SC2086
	"$D" $o --store "$t/S$m" "$t/day1" > /dev/null
	cp -R "$t/S$m" "$t/S$m.single"
	cp -R "$t/S$m" "$t/S$m.shards"
	# shellcheck disable=SC2086
	"$D" $o --store "$t/S$m" --store-readonly < "$t/day2" > "$t/single"
	# shellcheck disable=SC2086
	"$D" $o < "$t/day2" > "$t/nostore"
	for i in 1 2 3; do
		# shellcheck disable=SC2086
		"$D" $o --store "$t/S$m" --store-readonly --emit-keys --shard $i "$t/day2.$i" || echo FAILED
	done > "$t/keys" 2> "$t/err"
	expect "$m: --emit-keys with a store exits 0" [ ! -s "$t/err" ]
	expect "$m: ... every shard" [ "$(grep -c FAILED "$t/keys")" -eq 0 ]
	LC_ALL=C sort "$t/keys" | "$D" --join > "$t/drops"
	for i in 1 2 3; do
		"$D" -d --drop-positions "$t/drops" --shard $i "$t/day2.$i"
	done > "$t/dist"
	expect "$m: sharded with a store equals one run with it" cmp -s "$t/dist" "$t/single"
	expect "$m: the store changed what was dropped" differ "$t/single" "$t/nostore"
	expect "$m: the keys mark what the store holds" grep -q '^\*stored	' "$t/keys"
	# shellcheck disable=SC2086
	"$D" $o --store "$t/S$m.single" < "$t/day2" > /dev/null
	# shellcheck disable=SC2086
	"$D" $o --store "$t/S$m.shards" < "$t/dist" > "$t/again"
	expect "$m: recording the survivors keeps them all" cmp -s "$t/again" "$t/dist"
	for x in fingerprints signatures 'band entries'; do
		expect "$m: recording the survivors: $x as a single run's" \
		    [ "$(info "$t/S$m.shards" "$x")" = "$(info "$t/S$m.single" "$x")" ]
	done
done
"$D" -d --near --store "$t/Snear" --emit-keys "$t/day2.1" > /dev/null 2> "$t/err"
expect "--emit-keys with a store it would write is refused" [ $? -eq 2 ]
"$D" -d -n --store "$t/Snear" --store-readonly --emit-keys "$t/day2.1" > /dev/null 2> "$t/err"
expect "--emit-keys with a store of other parameters exits 2" [ $? -eq 2 ]

# Usage.
"$D" --merge-store "$t/M" > /dev/null 2> "$t/err"
expect "no source is a usage error" [ $? -eq 2 ]
"$D" --merge-store "$t/M" -n "$t/A" > /dev/null 2> "$t/err"
expect "mode options are refused" [ $? -eq 2 ]
printf 'x\n' > "$t/file"
"$D" --merge-store "$t/file" "$t/A" > /dev/null 2> "$t/err"
expect "a destination that is a file exits 2" [ $? -eq 2 ]

echo "sp-dedupe-shard-store: $n_ok ok, $n_bad failed"
