#!/bin/sh
# all-hostile-signals.sh BUILD: SIGINT, SIGTERM and SIGHUP in the middle of
# a run leave no partial file: sp-dedupe's store holds what it held before
# the run (its digest unchanged) and opens cleanly afterwards; the tools
# that write only to standard output create no file at all.  (sp-split -o
# has its own suite, sp-split-signals.sh.)
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
. "${0%/*}/../lib.sh"

# lines FROM TO: unique lines of text.
lines() {
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i <= b; i++)
		printf "第%d行：这是一行不会重复的中文文字。\n", i }'
}

# killed SIG NUM CMD...: runs CMD in $t/run reading a FIFO, feeds it
# part of the input, sends SIG once it has read some, and checks that the
# signal ended it (a program the signal missed ends at the end of input:
# no hang).  Leaves the status in $st.
killed() {
	sig=$1 num=$2
	shift 2
	rm -f "$t/fifo"
	mkfifo "$t/fifo"
	# The signal's default action, whatever this shell was started with
	# (a job started with & ignores SIGINT, one under nohup SIGHUP).
	( cd "$t/run" &&
	    exec env --default-signal="$sig" "$@" < "$t/fifo" > /dev/null \
	    2> "$t/err" ) &
	pid=$!
	exec 3> "$t/fifo"
	lines 1 50000 >&3
	sleep 0.3
	kill -$sig $pid
	# Closed before the wait: a program the signal missed ends at EOF.
	exec 3>&-
	wait $pid 2> /dev/null
	st=$?
	expect "$* (SIG$sig): ended by the signal (status $st)" \
	    [ $st -eq $((128 + num)) ]
}

mkdir "$t/run"
for sn in INT:2 TERM:15 HUP:1; do
	sig=${sn%:*} num=${sn#*:}

	if [ -x "$B/bin/sp-dedupe" ]; then
		rm -rf "$t/store"
		lines 1 1000 | "$B/bin/sp-dedupe" --store "$t/store" > /dev/null
		"$B/bin/sp-dedupe" --store "$t/store" --store-info |
		    grep -v '^store:' > "$t/before"
		killed $sig $num "$B/bin/sp-dedupe" --store "$t/store"
		"$B/bin/sp-dedupe" --store "$t/store" --store-info \
		    2> "$t/err" | grep -v '^store:' > "$t/after"
		expect "sp-dedupe --store, SIG$sig: the store as it was" \
		    cmp -s "$t/before" "$t/after"
		lines 1 1000 | "$B/bin/sp-dedupe" --store "$t/store" \
		    > "$t/out" 2> "$t/err"
		expect "sp-dedupe --store, SIG$sig: the store works after" \
		    [ "$?:$(wc -c < "$t/out")" = "0:0" ]
		rm -rf "$t/store-near"
		killed $sig $num "$B/bin/sp-dedupe" --near -p --store \
		    "$t/store-near"
		"$B/bin/sp-dedupe" --near -p --store "$t/store-near" \
		    --store-info > "$t/info" 2> /dev/null
		expect "sp-dedupe --near --store, SIG$sig: a new store: empty" \
		    grep -q '^runs: 0$' "$t/info"
	fi
	for tool in sp-clean sp-outline sp-split; do
		[ -x "$B/bin/$tool" ] || continue
		killed $sig $num "$B/bin/$tool"
		expect "$tool, SIG$sig: no file made" \
		    [ -z "$(ls -A "$t/run")" ]
	done
done

# Under nohup a hangup does not end a run that cleans up on signals: the
# store records the run as if no signal had come.
if [ -x "$B/bin/sp-dedupe" ]; then
	rm -rf "$t/store" "$t/fifo"
	mkfifo "$t/fifo"
	env --ignore-signal=HUP "$B/bin/sp-dedupe" --store "$t/store" \
	    < "$t/fifo" > "$t/out" 2> "$t/err" &
	pid=$!
	exec 3> "$t/fifo"
	lines 1 50000 >&3
	sleep 0.3
	kill -HUP $pid
	lines 50001 50010 >&3
	exec 3>&-
	wait $pid
	expect "sp-dedupe --store, SIGHUP ignored (nohup): the run ends well" \
	    [ $? -eq 0 ]
	expect "sp-dedupe --store, SIGHUP ignored (nohup): every line out" \
	    [ "$(wc -l < "$t/out")" -eq 50010 ]
	"$B/bin/sp-dedupe" --store "$t/store" --store-info > "$t/info" \
	    2> /dev/null
	expect "sp-dedupe --store, SIGHUP ignored (nohup): the run recorded" \
	    grep -q '^runs: 1$' "$t/info"
fi

echo "all-hostile-signals: $n_ok ok, $n_bad failed"
