#!/bin/sh
# sp-dedupe-storefaults.sh BUILD: the store under faults (issue 7), beyond
# what sp-dedupe-store.sh shows with one kill and four concurrent runs:
#  (a) kill -9 at random points of 100 runs (20 under ASan), each adding
#      thousands of units: afterwards the store always holds exactly what
#      it held before the run or after the whole run, never part of it;
#  (b) a full file system (a small tmpfs) during the commit, with no room
#      and with room for part of the pages: exit 2, a message naming the
#      store and the cause, the store as it was, and usable afterwards;
#  (c) two, then eight concurrent runs sharing units serialize with no
#      loss: together they keep what one run over all their input keeps;
#  (d) a store made with other parameters, by another format version, or
#      that is not a store at all is refused with exit 2, and not changed.
# The state of a store is judged by its counts (--store-info) and by a
# read-only run over the units a run adds: all new, or none.
B=$1
D=$B/bin/sp-dedupe
. "${0%/*}/../lib.sh"
mnt=
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2> /dev/null
	rm -rf "$t"
}
trap cleanup EXIT
trap 'exit 2' INT TERM
info() { "$D" --store "$2" --store-info 2> /dev/null | sed -n "s/^$1: //p"; }
# units N FROM TAG: N lines of text like a document's, numbered from FROM.
units() {
	gawk -v n="$1" -v f="$2" -v tag="$3" 'BEGIN {
		for (i = f; i < f + n; i++)
			printf "第%d条 %s 关于加强机关作风建设的实施意见，" \
			    "全面提高工作效能 %d\n", i, tag, i * 7919 % 100003
	}'
}
# state STORE INPUT: "fingerprints runs N", N the units of INPUT the store
# lacks (a read-only run prints them).
state() {
	printf '%s %s\n' "$("$D" --store "$1" --store-info 2> /dev/null |
	    sed -n 's/^fingerprints: //p; s/^runs: //p' | sort -n | tr '\n' ' ' |
	    sed 's/ $//')" \
	    "$("$D" --store "$1" --store-readonly "$2" 2> /dev/null | wc -l)"
}

case $B in
*asan*) kills=20 ;;
*) kills=100 ;;
esac

# (a) kill -9 at random points.  Each run adds 6000 units and repeats
# 2000 the store holds, so that it reads, looks up, writes and commits;
# the kill comes after a random delay of up to 1.1 times a whole run.
S=$t/killed
per=6000
units 2000 0 seed > "$t/prev"
units $per 10000 run > "$t/template"
"$D" --store "$S" "$t/prev" > /dev/null
runs0=1
# A run's length: the shortest of three, as the first may be slowed by a
# cold cache or a busy machine, and kills timed by it would land after
# the runs end.
span=
for k in 1 2 3; do
	start=$(date +%s%N)
	{ sed "s/ run / timing /" "$t/template"; cat "$t/prev"; } |
	    "$D" --store "$t/timing$k" > /dev/null
	ms=$((($(date +%s%N) - start) / 1000000))
	[ -z "$span" ] || [ "$ms" -lt "$span" ] && span=$ms
done
[ "$span" -lt 20 ] && span=20
landed=0 before=0 after=0 torn=0 broken=0
i=0
while [ $i -lt $kills ]; do
	{ sed "s/ run / run$i /" "$t/template"; cat "$t/prev"; } > "$t/in"
	fp0=$(info fingerprints "$S")
	delay=$(gawk -v s="$span" -v r="$(od -An -N2 -tu2 /dev/urandom)" \
	    'BEGIN { printf "%.3f", s * 1.1 * r / 65536 / 1000 }')
	"$D" --store "$S" "$t/in" > /dev/null 2>&1 &
	k=$!
	sleep "$delay"
	kill -9 $k 2> /dev/null && landed=$((landed + 1))
	wait $k 2> /dev/null
	now=$(state "$S" "$t/in")
	if [ "$now" = "$runs0 $fp0 $per" ]; then
		before=$((before + 1))
	elif [ "$now" = "$((runs0 + 1)) $((fp0 + per)) 0" ]; then
		after=$((after + 1))
	elif [ -z "${now%% *}" ]; then
		broken=$((broken + 1))
		echo "# kill $i after ${delay}s: store unreadable:"
		"$D" --store "$S" --store-info 2>&1 | sed 's/^/# /' | head -3
	else
		torn=$((torn + 1))
		echo "# kill $i after ${delay}s: from '$runs0 $fp0 $per' to '$now'"
	fi
	runs0=${now%% *}
	i=$((i + 1))
done
echo "# kill -9: $kills runs of ${span} ms, $landed killed while running:" \
    "$before left as before, $after as after, $torn in between," \
    "$broken unreadable"
expect "kill -9: no store in between ($torn of $kills)" [ $torn -eq 0 ]
expect "kill -9: no store unreadable ($broken of $kills)" [ $broken -eq 0 ]
expect "kill -9: kills land while the run goes ($landed of $kills)" \
    [ $((landed * 3)) -ge $kills ]
expect "kill -9: some kills leave the store as before ($before)" \
    [ $before -gt 0 ]
units 10 77000000 after-kills > "$t/in"
"$D" --store "$S" "$t/in" > "$t/out" 2> "$t/err"
expect "kill -9: the store works afterwards" [ $? -eq 0 ]
expect "kill -9: the run afterwards is recorded" \
    [ "$(state "$S" "$t/in" | cut -d ' ' -f 3)" = 0 ]

# (b) a full file system during the commit.
mnt=$t/mnt
mkdir "$mnt"
if ! mount -t tmpfs -o size=3m tmpfs "$mnt" 2> "$t/err"; then
	echo "# skipped: full file system: cannot mount a tmpfs ($(head -n 1 "$t/err"))"
	mnt=
else
	F=$mnt/store
	units 20000 0 fs > "$t/in1"
	units 30000 20000 fs > "$t/in2"
	"$D" --store "$F" "$t/in1" > /dev/null
	expect "full fs: the first run fits" [ $? -eq 0 ]
	for room in 0 256; do
		before=$(state "$F" "$t/in2")
		# Fill the file system, then give back room KB.
		dd if=/dev/zero of="$mnt/fill" bs=4k 2> /dev/null
		[ $room -gt 0 ] && truncate -s "-${room}K" "$mnt/fill"
		"$D" --store "$F" "$t/in2" > "$t/out" 2> "$t/err"
		expect "full fs ($room KB free): exit 2" [ $? -eq 2 ]
		expect "full fs ($room KB free): the message names the store and the cause" \
		    grep -q "^sp-dedupe: $F: .*No space left on device" "$t/err"
		expect "full fs ($room KB free): the message says the store is unchanged" \
		    grep -q "^sp-dedupe: $F: store left unchanged" "$t/err"
		expect "full fs ($room KB free): the store is as it was" \
		    [ "$(state "$F" "$t/in2")" = "$before" ]
		rm -f "$mnt/fill"
		expect "full fs ($room KB free): the store is as it was with room again" \
		    [ "$(state "$F" "$t/in2")" = "$before" ]
	done
	"$D" --store "$F" "$t/in2" > "$t/out" 2> "$t/err"
	expect "full fs: with room again the run succeeds" [ $? -eq 0 ]
	expect "full fs: with room again the run is recorded" \
	    [ "$(state "$F" "$t/in2")" = "2 50000 0" ]
	umount "$mnt"
	mnt=
fi

# (c) concurrent runs: 2, then 8, each with its own units and 3000 shared
# with all the others, against one store; the union of what they keep is
# what one run over all their input keeps, each unit kept once.
for n in 2 8; do
	C=$t/conc$n
	i=0
	while [ $i -lt $n ]; do
		{ units 4000 $((i * 4000)) "c$n" ; units 3000 900000 shared; } \
		    > "$t/cin$i"
		i=$((i + 1))
	done
	i=0
	pids=
	while [ $i -lt $n ]; do
		"$D" --store "$C" "$t/cin$i" > "$t/cout$i" 2> "$t/cerr$i" &
		pids="$pids $!"
		i=$((i + 1))
	done
	fails=0
	for p in $pids; do wait "$p" || fails=$((fails + 1)); done
	expect "$n concurrent runs: all exit 0 ($fails did not)" [ $fails -eq 0 ]
	cat "$t"/cin* | "$D" | sort > "$t/single"
	cat "$t"/cout* | sort > "$t/union"
	expect "$n concurrent runs: together they keep what one run keeps" \
	    cmp -s "$t/single" "$t/union"
	expect "$n concurrent runs: no unit kept twice" \
	    [ "$(uniq -d "$t/union" | wc -l)" -eq 0 ]
	expect "$n concurrent runs: all recorded" \
	    [ "$(info fingerprints "$C")" = $((n * 4000 + 3000)) ]
	expect "$n concurrent runs: $n runs counted" [ "$(info runs "$C")" = $n ]
	rm -f "$t"/cin* "$t"/cout* "$t"/cerr*
done
echo "# concurrent: 2 and 8 runs at once, no loss"

# (d) stores that are not this run's.
P=$t/params
units 100 0 p > "$t/in"
"$D" -d --store "$P" "$t/in" > /dev/null
"$D" --near --store "$t/near" "$t/in" > /dev/null
for args in "--store $P" "-p --store $P" \
    "-d -n --store $P" "-d --contained --store $P" "--jsonl --store $P" \
    "--near=0.9 --store $t/near" "--near --shingle 3 --store $t/near" \
    "--near --fold-digits --store $t/near"; do
	st=$(echo "$args" | sed 's/.*--store //')
	before=$(info digest "$st")
	# shellcheck disable=SC2086
	"$D" $args "$t/in" > "$t/out" 2> "$t/err"
	expect "'$args' on another store's parameters: exit 2" [ $? -eq 2 ]
	expect "'$args': the refusal says why" \
	    grep -q "^sp-dedupe: $st: the store was made with \"" "$t/err"
	expect "'$args': nothing written" [ ! -s "$t/out" ]
	expect "'$args': the store is unchanged" [ "$(info digest "$st")" = "$before" ]
done
# Another format version: the store's "format" changed with the LMDB tools.
if command -v mdb_dump > /dev/null && command -v mdb_load > /dev/null; then
	V=$t/version
	"$D" --store "$V" "$t/in" > /dev/null
	mdb_dump -p -s meta "$V" | sed 's/^ sp-dedupe store [0-9]*$/ sp-dedupe store 0/' |
	    mdb_load -s meta "$V" 2> /dev/null
	expect "the store's format can be changed for the test" \
	    [ "$(info format "$V")" = "sp-dedupe store 0" ]
	before=$(info digest "$V")
	for args in "" "--store-readonly"; do
		# shellcheck disable=SC2086
		"$D" --store "$V" $args "$t/in" > "$t/out" 2> "$t/err"
		expect "another format${args:+ ($args)}: exit 2" [ $? -eq 2 ]
		expect "another format${args:+ ($args)}: the refusal names both formats" \
		    grep -q "^sp-dedupe: $V: .*sp-dedupe store 0.*sp-dedupe store 1" "$t/err"
		expect "another format${args:+ ($args)}: the store is unchanged" \
		    [ "$(info digest "$V")" = "$before" ]
	done
else
	echo "# skipped: another format version: mdb_dump and mdb_load (lmdb-utils) missing"
fi
# Not a store: a directory with something else in data.mdb.
mkdir "$t/junk"
head -c 65536 "$D" > "$t/junk/data.mdb"
cp "$t/junk/data.mdb" "$t/junk.orig"
for args in "" "--store-readonly" "--store-info"; do
	op=$t/in
	[ "$args" = --store-info ] && op=
	# shellcheck disable=SC2086
	"$D" --store "$t/junk" $args $op > "$t/out" 2> "$t/err"
	expect "not a store${args:+ ($args)}: exit 2" [ $? -eq 2 ]
	expect "not a store${args:+ ($args)}: the message names it" \
	    grep -q "^sp-dedupe: $t/junk: " "$t/err"
	expect "not a store${args:+ ($args)}: its file is unchanged" \
	    cmp -s "$t/junk/data.mdb" "$t/junk.orig"
done

# A store cut short (a copy that stopped): refused with its reason, not
# killed by SIGBUS on the first page past the end of the file.
seq 1 300000 | "$D" --store "$t/cut" > /dev/null
truncate -s 262144 "$t/cut/data.mdb"
for args in "" "--store-readonly" "--store-info"; do
	op=$t/in
	[ "$args" = --store-info ] && op=
	# shellcheck disable=SC2086
	"$D" --store "$t/cut" $args $op > "$t/out" 2> "$t/err"
	expect "cut store${args:+ ($args)}: exit 2" [ $? -eq 2 ]
	expect "cut store${args:+ ($args)}: told" \
	    grep -q "^sp-dedupe: $t/cut: the store is cut short" "$t/err"
done
# A few pages short passes the size check (LMDB may leave a transaction's
# freed pages unwritten); a page read past the end is told, exit 2, not
# a crash (--store-info reads every page for its digest).
# (Not under ASan, which keeps SIGBUS for its own report.)
case $B in
*asan*) ;;
*)
	seq 1 300000 | "$D" --store "$t/short" > /dev/null
	truncate -s $(( $(wc -c < "$t/short/data.mdb") - 40960 )) \
	    "$t/short/data.mdb"
	"$D" --store "$t/short" --store-info > /dev/null 2> "$t/err"
	expect "store a few pages short, read past its end: exit 2" \
	    [ $? -eq 2 ]
	expect "store a few pages short, read past its end: told" \
	    grep -q "^sp-dedupe: $t/short: the store is cut short" "$t/err"
	;;
esac
"$D" --merge-store "$t/merged" "$t/cut" 2> "$t/err"
expect "--merge-store of a cut store: exit 2" [ $? -eq 2 ]
expect "--merge-store of a cut store: nothing left behind" \
    [ -z "$(ls -d "$t"/merged* 2> /dev/null)" ]

# A store the user may read but not write (a shared copy): read, without
# LMDB's lock file, which it cannot open for writing.
printf 'a\nb\n' | "$D" --store "$t/ro" > /dev/null
as_other=
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv > /dev/null 2>&1; then
		chmod 755 "$t"
		as_other="setpriv --reuid=65534 --regid=65534 --clear-groups"
	fi
else
	chmod a-w "$t/ro/lock.mdb" "$t/ro/lock" "$t/ro/data.mdb" "$t/ro"
	as_other=env
fi
if [ -n "$as_other" ]; then
	printf 'a\nc\n' | $as_other "$D" --store "$t/ro" --store-readonly \
	    > "$t/out" 2> "$t/err"
	expect "a store not ours: --store-readonly reads it" \
	    [ $? -eq 0 ] && [ "$(cat "$t/out")" = c ]
	$as_other "$D" --store "$t/ro" --store-info > "$t/out" 2> "$t/err"
	expect "a store not ours: --store-info reads it" \
	    grep -q '^parameters: unit=lines mode=exact' "$t/out"
	chmod -R u+w "$t/ro"
	chmod 700 "$t"
fi

# A store --merge-store makes is as open as one a run makes (the umask's
# mode, not mkdtemp()'s 0700), and SIGTERM during the merge leaves no
# DST.merge.XXXXXX behind.
printf 'a\n' | "$D" --store "$t/m1" > /dev/null
"$D" --merge-store "$t/m2" "$t/m1"
expect "--merge-store: made with the mode a run's store has" \
    [ "$(stat -c %a "$t/m2")" = "$(stat -c %a "$t/m1")" ]
seq 1 2000000 | "$D" --store "$t/m3" > /dev/null
"$D" --merge-store "$t/m4" "$t/m3" &
pid=$!
sleep 0.2
kill -TERM $pid 2> /dev/null
wait $pid
if [ $? -eq 143 ]; then
	expect "--merge-store killed: nothing left aside" \
	    [ -z "$(ls -d "$t"/m4* 2> /dev/null)" ]
fi

echo "sp-dedupe-storefaults: $n_ok ok, $n_bad failed"
