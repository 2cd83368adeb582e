#!/bin/sh
# sp-split-signals.sh BUILD: sp-split -d -o leaves no file behind when it
# is stopped: SIGINT, SIGTERM and SIGHUP in the middle of a large input,
# kills at several moments of a run (each run either ends whole, every
# file written, or leaves none), the file size limit (ulimit -f: EFBIG,
# not a kill); and it writes nowhere but PREFIXnn.txt: not through a
# symbolic link planted where the files go, not where a title points.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
SP=$B/bin/sp-split
. "${0%/*}/../lib.sh"
files() { find "$t/out" -type f | wc -l; }

# docs FROM TO: documents FROM..TO, twenty lines each.
docs() {
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i <= b; i++) {
		printf "第%d篇 标题\n", i
		for (j = 0; j < 20; j++)
			print "这是正文的一句话，用来填充文件。这是正文。"
	} }'
}
mkdir "$t/out"

# started ENV-OPTION: sp-split -d -o under env ENV-OPTION, reading a FIFO
# open on fd 3, fed 1000 documents; returns once it has written 500 files
# (or after 10 s), its pid in $pid.
started() {
	rm -f "$t/fifo"
	mkfifo "$t/fifo"
	env "$1" "$SP" -d -o "$t/out/p" -n 5 "$t/fifo" 2> "$t/err" &
	pid=$!
	exec 3> "$t/fifo"
	docs 1 1000 >&3
	i=0
	while [ "$(files)" -lt 500 ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# A signal while the input is still coming: files exist, then go.
for sn in INT:2 TERM:15 HUP:1; do
	sig=${sn%:*} num=${sn#*:}
	# The signal's default action, whatever this shell was started with
	# (a job started with & ignores SIGINT, one under nohup SIGHUP).
	started --default-signal="$sig"
	expect "SIG$sig: files were being made" [ "$(files)" -ge 500 ]
	kill -$sig $pid
	# Closed before the wait: were the signal missed, EOF ends the run.
	exec 3>&-
	wait $pid 2> /dev/null
	st=$?
	expect "SIG$sig: the run ends by the signal (status $st)" \
	    [ $st -eq $((128 + num)) ]
	expect "SIG$sig: no file left" [ "$(files)" -eq 0 ]
	rm -f "$t"/out/*
done

# Under nohup a hangup does not stop the run: every file is written.
started --ignore-signal=HUP
kill -HUP $pid
docs 1001 1010 >&3
exec 3>&-
wait $pid
expect "SIGHUP ignored (nohup): the run ends well" [ $? -eq 0 ]
expect "SIGHUP ignored (nohup): every file written" [ "$(files)" -eq 1010 ]
rm -f "$t"/out/*

# Kills at several moments of a run fed in bursts: whole or nothing.
docs 1 400 > "$t/a.txt"
docs 401 800 > "$t/b.txt"
for delay in 0.05 0.15 0.4 0.8; do
	{ cat "$t/a.txt"; sleep 0.3; cat "$t/b.txt"; } |
	    "$SP" -d -o "$t/out/p" -n 4 2> /dev/null &
	pid=$!
	sleep $delay
	kill -TERM $pid 2> /dev/null
	wait $pid 2> /dev/null
	st=$?
	n=$(files)
	if [ $st -eq 0 ]; then
		expect "kill after ${delay}s, run whole: 800 files ($n)" \
		    [ "$n" -eq 800 ]
	else
		expect "kill after ${delay}s: status $st, $n files left" \
		    [ "$st $n" = "143 0" ]
	fi
	rm -f "$t"/out/*
done

# The file size limit: a write error, the files removed.
docs 1 50 > "$t/page.txt"
(ulimit -f 1; exec "$SP" -d -o "$t/out/p" "$t/page.txt") 2> "$t/err"
st=$?
expect "ulimit -f: exit 2, not killed (status $st)" [ $st -eq 2 ]
expect "ulimit -f: said so" grep -q "^sp-split: $t/out/p0[12].txt: File too large$" \
    "$t/err"
expect "ulimit -f: no file left" [ "$(files)" -eq 0 ]

# A symbolic link where a file goes is not written through.
echo keep > "$t/victim"
ln -s "$t/victim" "$t/out/p03.txt"
"$SP" -d -o "$t/out/p" "$t/page.txt" 2> "$t/err"
st=$?
expect "symlink: exit 2 (status $st)" [ $st -eq 2 ]
expect "symlink: said so" grep -q \
    "^sp-split: $t/out/p03.txt: a symbolic link: not written through$" "$t/err"
expect "symlink: its target unchanged" [ "$(cat "$t/victim")" = keep ]
expect "symlink: the link stays" [ -L "$t/out/p03.txt" ]
expect "symlink: the run's files go" [ "$(files)" -eq 0 ]
rm -f "$t/out/p03.txt"

# Titles never make file names: a title of ../ and / goes in the text.
mkdir "$t/out/sub"
printf '第一篇 ../../escape\n甲。\n第二篇 /tmp/abs/x\n乙。\n第三篇 ..\n丙。\n' \
    > "$t/titles.txt"
( cd "$t/out/sub" && "$SP" -d --no-preamble -o p "$t/titles.txt" )
expect "titles: exit 0" [ $? -eq 0 ]
expect "titles: only PREFIXnn.txt made" [ "$(cd "$t" && find . -newer \
    "$t/titles.txt" -type f | sort | tr '\n' ' ')" = \
    "./out/sub/p01.txt ./out/sub/p02.txt ./out/sub/p03.txt " ]
expect "titles: a title is text" grep -q '^第一篇 ../../escape$' \
    "$t/out/sub/p01.txt"

echo "sp-split-signals: $n_ok ok, $n_bad failed"
