#!/bin/sh
# sp-split-replace.sh BUILD: sp-split -d -o over the files of an earlier
# run: a run that ends well replaces them, one that fails leaves the
# directory exactly as it was (a symbolic link where a file goes, planted
# before the run or during it, a missing operand, too many documents for
# -n, a full disk, the file size limit, a signal), and no temporary is
# left behind either way.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
SP=$B/bin/sp-split
. "${0%/*}/../lib.sh"

# docs FROM TO WORD [LINES]: documents FROM..TO, each of LINES (5) lines
# of WORD.
docs() {
	awk -v a="$1" -v b="$2" -v w="$3" -v n="${4:-5}" 'BEGIN {
	    for (i = a; i <= b; i++) {
		printf "第%d篇 标题\n", i
		for (j = 0; j < n; j++)
			print w "，这是正文的一句话。"
	} }'
}
# state: every name in out (hidden ones too) with its type and text.
state() {
	( cd "$t/out" && for f in .* *; do
		case $f in .|..) continue ;; esac
		[ -e "$f" ] || [ -L "$f" ] || continue
		if [ -L "$f" ]; then
			echo "$f -> $(readlink "$f")"
		else
			echo "$f $(cksum < "$f")"
		fi
	done )
}
# old: out holds the six files of a good run, its state in $t/before.
old() {
	rm -rf "$t/out"
	mkdir "$t/out"
	docs 1 6 旧 > "$t/old.txt"
	( cd "$t/out" && "$SP" -d -o sp "$t/old.txt" )
	state > "$t/before"
}
same() { state | cmp -s - "$t/before"; }
docs 1 3 新 > "$t/new.txt"

# The trial's fault: a link at sp03.txt; the run removed sp01 and sp02.
old
ln -sf target "$t/out/sp03.txt"
state > "$t/before"
( cd "$t/out" && "$SP" -d -o sp "$t/new.txt" ) 2> "$t/err"
st=$?
expect "link before the run: exit 2 (status $st)" [ $st -eq 2 ]
expect "link before the run: said so" grep -q \
    '^sp-split: sp03.txt: a symbolic link: not written through$' "$t/err"
expect "link before the run: the directory as it was" same

# A link planted while the run goes on, where a file already written
# goes: caught before any file is put in place.
old
echo keep > "$t/victim"
rm -f "$t/fifo"
mkfifo "$t/fifo"
( cd "$t/out" && exec "$SP" -d -o sp "$t/fifo" ) 2> "$t/err" &
pid=$!
exec 3> "$t/fifo"
docs 1 2 新 >&3
i=0
while [ -z "$(find "$t/out" -name '.sp02.txt.*')" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect "link during the run: sp02.txt was being written" \
    [ -n "$(find "$t/out" -name '.sp02.txt.*')" ]
rm -f "$t/out/sp01.txt"
ln -s "$t/victim" "$t/out/sp01.txt"
state | grep -v '^\.' > "$t/before"	# the run's temporaries are to go
exec 3>&-
wait $pid
st=$?
expect "link during the run: exit 2 (status $st)" [ $st -eq 2 ]
expect "link during the run: said so" grep -q \
    '^sp-split: sp01.txt: a symbolic link: not written through$' "$t/err"
expect "link during the run: the directory as it was" same
expect "link during the run: its target unchanged" \
    [ "$(cat "$t/victim")" = keep ]

old
( cd "$t/out" && "$SP" -d -o sp "$t/new.txt" "$t/nosuch" ) 2> /dev/null
expect "a missing operand: exit 2" [ $? -eq 2 ]
expect "a missing operand: the directory as it was" same

old
( cd "$t/out" && "$SP" -d -o sp -n 1 "$t/new.txt" "$t/new.txt" \
    "$t/new.txt" "$t/new.txt" ) 2> /dev/null
expect "-n 1, twelve documents: exit 2" [ $? -eq 2 ]
expect "-n 1, twelve documents: the directory as it was" same

# A record that cannot be used is no failure of the run: it is told and
# written back on standard output, and the other records' documents
# replace the old files.  A missing operand beside it still fails the run.
old
printf '%s\n' '{"text":"第1篇 甲\\n新的正文。"}' 'not json' \
    '{"text":"第2篇 乙\\n新的正文。"}' > "$t/bad.jsonl"
( cd "$t/out" && "$SP" -d -o sp --jsonl "$t/bad.jsonl" ) > "$t/out.txt" \
    2> "$t/err"
expect "a bad record: exit 2" [ $? -eq 2 ]
expect "a bad record: told with its line" grep -q \
    "^sp-split: $t/bad.jsonl:2: invalid JSON" "$t/err"
expect "a bad record: written back on standard output" \
    [ "$(cat "$t/out.txt")" = "not json" ]
expect "a bad record: the others' files in place" \
    grep -q '新的正文' "$t/out/sp02.txt"
old
( cd "$t/out" && "$SP" -d -o sp --jsonl "$t/bad.jsonl" "$t/missing" ) \
    > /dev/null 2>&1
expect "a bad record and a missing operand: exit 2" [ $? -eq 2 ]
expect "a bad record and a missing operand: the directory as it was" same

# A directory where a file goes is refused before anything is replaced.
old
rm "$t/out/sp02.txt"
mkdir "$t/out/sp02.txt"
state > "$t/before"
( cd "$t/out" && "$SP" -d -o sp "$t/new.txt" ) 2> "$t/err"
expect "a directory at sp02.txt: exit 2" [ $? -eq 2 ]
expect "a directory at sp02.txt: said so" grep -q \
    '^sp-split: sp02.txt: Is a directory$' "$t/err"
expect "a directory at sp02.txt: the directory as it was" same

# The file size limit (EFBIG, a write error like a full disk) at sp01.
old
docs 1 3 新 300 > "$t/big.txt"
( cd "$t/out" && ulimit -f 8 && exec "$SP" -d -o sp "$t/big.txt" ) \
    2> "$t/err"
st=$?
expect "ulimit -f: exit 2 (status $st)" [ $st -eq 2 ]
expect "ulimit -f: said so" grep -q '^sp-split: sp01.txt: File too large$' \
    "$t/err"
expect "ulimit -f: the directory as it was" same

# A full disk, where a small tmpfs can be mounted (root, a mount namespace
# of its own, gone with the command): the old files copied in, the run,
# what is left copied out.
# A machine (a container) that lets a namespace be made but no tmpfs be
# mounted in it skips this part: the probe mounts one first.
if [ "$(id -u)" -eq 0 ] && mkdir -p "$t/probe" &&
    unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh \
    "$t/probe" 2> /dev/null; then
	old
	docs 1 6 新 5000 > "$t/huge.txt"
	mkdir "$t/keep" && cp "$t"/out/* "$t/keep"
	unshare -m sh -c 'mount -t tmpfs -o size=256k tmpfs "$1/out" || exit
	    cp "$1"/keep/* "$1/out" && cd "$1/out" || exit
	    "$2" -d -o sp "$1/huge.txt" 2> "$1/err"
	    echo $? > "$1/st"
	    tar -C "$1/out" -cf "$1/after.tar" .' sh "$t" "$SP"
	expect "full disk: exit 2 ($(cat "$t/st"))" [ "$(cat "$t/st")" = 2 ]
	expect "full disk: said so" grep -q \
	    '^sp-split: sp0[1-6].txt: No space left on device$' "$t/err"
	rm -rf "$t/out" && mkdir "$t/out" && tar -C "$t/out" -xf "$t/after.tar"
	expect "full disk: the directory as it was" same
fi

# A signal in the middle of a run: the old files stay, the new go.
old
docs 1 60 新 > "$t/many.txt"
rm -f "$t/fifo"
mkfifo "$t/fifo"
( cd "$t/out" && exec env --default-signal=TERM "$SP" -d -o sp "$t/fifo" ) \
    2> /dev/null &
pid=$!
exec 3> "$t/fifo"
cat "$t/many.txt" >&3
i=0
while [ -z "$(find "$t/out" -name '.sp50.txt.*')" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect "SIGTERM: files were being written" \
    [ -n "$(find "$t/out" -name '.sp50.txt.*')" ]
kill -TERM $pid
exec 3>&-
wait $pid
st=$?
expect "SIGTERM: killed by it (status $st)" [ $st -eq 143 ]
expect "SIGTERM: the directory as it was" same

# A run that ends well replaces the old files, takes the mode of a new
# file, and leaves no temporary.
old
chmod 600 "$t/out/sp01.txt"
( cd "$t/out" && umask 022 && "$SP" -d -o sp "$t/new.txt" )
expect "a good run: exit 0" [ $? -eq 0 ]
expect "a good run: sp01.txt is new" grep -q '^新' "$t/out/sp01.txt"
expect "a good run: sp03.txt is new" grep -q '^新' "$t/out/sp03.txt"
expect "a good run: sp04.txt is left" grep -q '^旧' "$t/out/sp04.txt"
expect "a good run: no temporary left" \
    [ -z "$(find "$t/out" -name '.*' -type f)" ]
expect "a good run: mode 0666 less the umask" \
    [ "$(stat -c %a "$t/out/sp01.txt")" = 644 ]

echo "sp-split-replace: $n_ok ok, $n_bad failed"
