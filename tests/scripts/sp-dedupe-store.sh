#!/bin/sh
# sp-dedupe-store.sh BUILD: the --store of cron runs: what earlier runs
# kept is dropped; a run that fails, is killed (kill -9 mid-run) or is
# interrupted leaves the store exactly as it was and says so; two runs at
# once serialize on the lock, or the second gives up with --no-wait;
# parameters are checked; --store-readonly and --store-info.
B=$1
D=$B/bin/sp-dedupe
. "${0%/*}/../lib.sh"
pids=
cleanup() {
	for p in $pids; do kill "$p" 2> /dev/null; done
	rm -rf "$t"
}
trap cleanup EXIT
S=$t/store
digest() { "$D" --store "$1" --store-info | sed -n 's/^digest: //p'; }
info() { "$D" --store "$S" --store-info | sed -n "s/^$1: //p"; }

# Two runs: the second drops what the first kept.
printf 'a\nb\nc\nb\n' | "$D" --store "$S" > "$t/out" 2> "$t/err"
expect "first run exits 0" [ $? -eq 0 ]
expect "first run keeps a b c" [ "$(cat "$t/out")" = "$(printf 'a\nb\nc')" ]
printf 'b\nd\na\n' | "$D" --store "$S" --report "$t/rep" > "$t/out" 2> "$t/err"
expect "second run exits 0" [ $? -eq 0 ]
expect "second run keeps only d" [ "$(cat "$t/out")" = "d" ]
expect "the report says store" grep -q "^<stdin>	1	store	-	1.000	exact$" "$t/rep"
expect "store-info counts 4 fingerprints" [ "$(info fingerprints)" = 4 ]
expect "store-info counts 2 runs" [ "$(info runs)" = 2 ]
if [ -w /dev/full ]; then
	"$D" --store "$S" --store-info > /dev/full 2> "$t/err"
	expect "store-info: a full disk exits 2" [ $? -eq 2 ]
	expect "store-info: a full disk is reported" \
	    grep -q "stdout: No space left on device" "$t/err"
fi
expect "store-info shows the parameters" \
    [ "$(info parameters)" = "unit=lines mode=exact" ]

# --store-readonly checks and records nothing.
before=$(digest "$S")
printf 'd\ne\n' | "$D" --store "$S" --store-readonly > "$t/out"
expect "read-only run drops what the store holds" [ "$(cat "$t/out")" = e ]
expect "read-only run leaves the store as it was" [ "$(digest "$S")" = "$before" ]

# Incompatible parameters are refused, both named.
printf 'x\n' | "$D" -n --store "$S" > "$t/out" 2> "$t/err"
expect "-n on an exact store exits 2" [ $? -eq 2 ]
expect "the refusal names the store's parameters" \
    grep -q '"unit=lines mode=exact"' "$t/err"
expect "the refusal names the run's parameters" \
    grep -q '"unit=lines mode=normalized digits=kept"' "$t/err"
printf 'x\n' | "$D" --near --store "$S" > "$t/out" 2> "$t/err"
expect "--near on an exact store exits 2" [ $? -eq 2 ]
expect "refused run leaves the store as it was" [ "$(digest "$S")" = "$before" ]

# A run that fails leaves the store as it was, and says so.
printf 'new1\nnew2\n' | "$D" --store "$S" > /dev/full 2> "$t/err"
expect "full disk exits 2" [ $? -eq 2 ]
expect "full disk is reported" grep -q "stdout: No space left on device" "$t/err"
expect "full disk: the store is said to be unchanged" \
    grep -q "store left unchanged" "$t/err"
expect "full disk: the store is unchanged" [ "$(digest "$S")" = "$before" ]
printf 'new1\n' > "$t/f1"
"$D" --store "$S" "$t/f1" "$t/missing" > "$t/out" 2> "$t/err"
expect "a missing file exits 2" [ $? -eq 2 ]
expect "a missing file: the store is said to be unchanged" \
    grep -q "store left unchanged" "$t/err"
expect "a missing file: the store is unchanged" [ "$(digest "$S")" = "$before" ]

# kill -9 in the middle of a run: the store is exactly as before.
mkfifo "$t/fifo"
(gawk 'BEGIN { for (i = 0; i < 200000; i++) print "killed-" i }'
    exec sleep 60) > "$t/fifo" &
w=$!
pids="$pids $w"
"$D" --store "$S" "$t/fifo" > "$t/out" 2> "$t/err" &
k=$!
pids="$pids $k"
sleep 2
expect "the run is still going when killed" kill -0 $k
kill -9 $k
wait $k 2> /dev/null
kill $w 2> /dev/null
wait $w 2> /dev/null
expect "kill -9: the store is unchanged" [ "$(digest "$S")" = "$before" ]
printf 'killed-5\n' | "$D" --store "$S" > "$t/out" 2> "$t/err"
expect "after kill -9 the next run works" [ $? -eq 0 ]
expect "after kill -9 nothing of the killed run was recorded" \
    [ "$(cat "$t/out")" = killed-5 ]
before=$(digest "$S")

# SIGTERM: the run says the store is unchanged.
(printf 'term-1\n'; exec sleep 60) > "$t/fifo" &
w=$!
pids="$pids $w"
"$D" --store "$S" "$t/fifo" > "$t/out" 2> "$t/err" &
k=$!
sleep 1
kill -TERM $k
{ wait $k; } 2> /dev/null
expect "SIGTERM ends the run by the signal" [ $? -gt 128 ]
kill $w 2> /dev/null
wait $w 2> /dev/null
expect "SIGTERM: the run says the store is unchanged" \
    grep -q "interrupted: store left unchanged" "$t/err"
expect "SIGTERM: the store is unchanged" [ "$(digest "$S")" = "$before" ]

# Two runs at once: the second waits for the first, or with --no-wait
# exits 2; neither corrupts the store, and the second sees the first's.
(printf 'first-only\nshared\n'; exec sleep 3) > "$t/fifo" &
w=$!
pids="$pids $w"
"$D" --store "$S" "$t/fifo" > "$t/outA" 2> "$t/errA" &
a=$!
sleep 1
printf 'x\n' | "$D" --store "$S" --no-wait > "$t/out" 2> "$t/err"
expect "--no-wait exits 2 while another run holds the store" [ $? -eq 2 ]
expect "--no-wait says why" grep -q "store in use by another run" "$t/err"
printf 'shared\nsecond-only\n' | "$D" --store "$S" > "$t/outB" 2> "$t/errB" &
b=$!
sleep 1
expect "the second run waits" kill -0 $b
wait $a
expect "the first run exits 0" [ $? -eq 0 ]
wait $b
expect "the second run exits 0" [ $? -eq 0 ]
wait $w 2> /dev/null
expect "the second run said it was waiting" grep -q "waiting" "$t/errB"
expect "the first run kept both" [ "$(cat "$t/outA")" = "$(printf 'first-only\nshared')" ]
expect "the second run saw the first's units" [ "$(cat "$t/outB")" = second-only ]
expect "both runs were recorded" [ "$(info fingerprints)" = 8 ]

# Two runs started together, both waiting: the union is recorded.
for i in 1 2 3 4; do
	gawk -v i=$i 'BEGIN { for (j = 0; j < 5000; j++) print "c" (j + i * 1000) }' |
	    "$D" --store "$S" > "$t/c$i" 2> /dev/null &
	eval "c$i=\$!"
done
wait $c1 $c2 $c3 $c4
expect "concurrent runs: all recorded once" [ "$(info fingerprints)" = $((8 + 8000)) ]
expect "concurrent runs: each unit kept by exactly one run" \
    [ "$(cat "$t/c1" "$t/c2" "$t/c3" "$t/c4" | sort | uniq -d | wc -l)" -eq 0 ]
expect "concurrent runs: every unit kept by one" \
    [ "$(cat "$t/c1" "$t/c2" "$t/c3" "$t/c4" | wc -l)" -eq 8000 ]

# Near mode keeps signatures: an edited copy in a later run is dropped.
N=$t/near
f=tests/data/corpus/002_d6dbffc23111a032.txt
sed -n '15,40p' "$f" > "$t/doc1"
sed -n '15,40p' "$f" | sed 's/省人大常委会/某市人大常委会/g; s/20\([0-9][0-9]\)/2019/g' > "$t/doc2"
sed -n '61,90p' "$f" > "$t/doc3"
"$D" -d --near --store "$N" "$t/doc1" > /dev/null
"$D" -d --near --store "$N" --report "$t/rep" "$t/doc2" "$t/doc3" > "$t/out"
expect "near store: the edited copy is dropped" [ "$(grep -c . "$t/out")" -eq "$(grep -c . "$t/doc3")" ]
expect "near store: the report names the store" grep -q "	store	-	" "$t/rep"
expect "near store: signatures are counted" \
    [ "$("$D" --store "$N" --store-info | sed -n 's/^signatures: //p')" = 2 ]
expect "near store: parameters include the banding" \
    "$D" --store "$N" --store-info | grep -q "bands=21x6"

# Containment across runs.
C=$t/contained
f=tests/data/corpus/001_a5a9ba5a6d09eae4.txt
sed -n '35,67p' "$f" > "$t/second"
sed -n '91,100p' "$f" > "$t/fourth"
"$D" -d --contained --store "$C" "$t/second" > /dev/null
"$D" -d --contained --store "$C" --report "$t/rep" "$t/fourth" > "$t/out"
expect "contained store: the truncated copy is dropped" [ ! -s "$t/out" ]
expect "contained store: the report says contained" grep -q "	store	-	0.9[0-9]*	contained" "$t/rep"

# Store errors.
"$D" --store "$t/nowhere" --store-info > "$t/out" 2> "$t/err"
expect "--store-info on no store exits 2" [ $? -eq 2 ]
expect "--store-info on no store names it" grep -q "nowhere" "$t/err"
printf 'x\n' | "$D" --store "$t/nowhere2" --store-readonly > "$t/out" 2> "$t/err"
expect "--store-readonly on no store exits 2" [ $? -eq 2 ]
printf 'x\n' > "$t/file"
"$D" --store "$t/file/sub" < "$t/file" > "$t/out" 2> "$t/err"
expect "a store that cannot be made exits 2" [ $? -eq 2 ]

# --duplicates: a preview with --store-readonly changes nothing; without
# it the run records what it keeps, as sp-dedupe(1) says.
P=$t/preview
printf 'a\nb\n' | "$D" --store "$P" > /dev/null
before=$(digest "$P")
printf 'b\nc\n' | "$D" --store "$P" --store-readonly --duplicates \
    > "$t/out"
expect "--duplicates --store-readonly: lists the duplicate" \
    [ "$(cat "$t/out")" = b ]
expect "--duplicates --store-readonly: the store as it was" \
    [ "$(digest "$P")" = "$before" ]
printf 'b\nc\n' | "$D" --store "$P" --duplicates > /dev/null
printf 'c\n' | "$D" --store "$P" --store-readonly > "$t/out"
expect "--duplicates --store: what it kept is recorded" [ ! -s "$t/out" ]

echo "sp-dedupe-store: $n_ok ok, $n_bad failed"
