#!/bin/sh
# big.sh BUILD [MB [LINES]]: the memory each tool of BUILD takes for one
# line of MB megabytes (default 1024: 1 GB) and for LINES empty lines
# (default ten million), both made on the fly through a pipe, never stored.
#
# Peak RSS is GNU time's %M, compared with the same tool's on empty input
# (its baseline).  The line runs with --max-unit 8M, and there every tool
# must stay under 64 MB above its baseline: it holds at most a few copies
# of an 8 MB piece, whatever the length of the line.  It runs again under
# the default cap (64M), where the figure is printed and must stay under
# 512 MB, eight times the cap: bounded by the cap, not by the line.  The
# empty lines run under the default cap, under 64 MB above the baseline.
# What goes in comes out: sp-split -s and sp-dedupe write back at least
# the line's bytes.
#
# Prints one figure line a run, FAIL lines, and "big: N ok, N failed";
# exits 1 if any failed.
# make check runs it scaled down (tests/scripts/all-hostile-memory.sh);
# .ci/run runs it whole.
B=${1:?usage: big.sh BUILD [MB [LINES]]}
mb=${2:-1024}
lines=${3:-10000000}
. "${0%/*}/../lib.sh"

TIME=/usr/bin/time
if ! $TIME -f %M true > /dev/null 2>&1; then
	echo "# skipped: no GNU time (/usr/bin/time) to measure memory"
	echo "big: 0 ok, 0 failed"
	exit 0
fi

sentence=同志们，今天我们召开会议。
# Whole sentences (39 bytes each), so the line ends on a character.
bytes=$((mb * 1048576 / 39 * 39))
line() { yes "$sentence" | tr -d '\n' | head -c $bytes; echo; }
empty() { yes '' | head -n "$lines"; }

# measure WHAT LIMIT_KB TOOL ARGS...: runs the tool on the input made by
# WHAT (line or empty), judges peak RSS over the baseline, prints it.
measure() {
	what=$1 limit=$2 tool=$3
	shift 3
	bin=$B/bin/$tool
	$TIME -f %M -o "$t/base" "$bin" "$@" < /dev/null > /dev/null 2>&1
	base=$(tail -n 1 "$t/base")
	start=$(date +%s)
	$what | { $TIME -f "%M" -o "$t/time" "$bin" "$@" 2> "$t/err"; \
	    echo $? > "$t/status"; } | wc -c > "$t/outbytes"
	secs=$(($(date +%s) - start))
	peak=$(tail -n 1 "$t/time")
	st=$(cat "$t/status")
	out=$(cat "$t/outbytes")
	over=$(((peak - base) / 1024))
	label="$tool${*:+ $*}"
	[ "$what" = line ] && in="a ${mb} MB line" || in="$lines empty lines"
	echo "$in: $label: peak $((peak / 1024)) MB, $over MB over" \
	    "the baseline ($((base / 1024)) MB), ${secs}s"
	if [ "$st" -gt 1 ]; then
		bad "$in: $label: exit status $st"
		head -n 3 "$t/err"
	elif [ $((peak - base)) -ge "$limit" ]; then
		bad "$in: $label: $over MB over the baseline, limit" \
		    "$((limit / 1024)) MB"
	else
		ok
	fi
	case $what/$tool/$* in
	line/sp-split/*-s*|line/sp-dedupe/--max-unit*)
		if [ "$out" -ge $((bytes + 1)) ]; then
			ok
		else
			bad "$in: $label: $out bytes out of $((bytes + 1))"
		fi
		;;
	esac
}

# Each tool in its main modes: TOOL:ARGS, split at '|'.
runs='sp-clean:|sp-split:-s|sp-split:-c 500|sp-outline:|sp-outline:--check'
runs="$runs|sp-dedupe:|sp-dedupe:--near"
IFS='|'
# shellcheck disable=SC2086
set -- $runs
unset IFS
for run in "$@"; do
	tool=${run%%:*} m=${run#*:}
	[ -x "$B/bin/$tool" ] || continue
	# shellcheck disable=SC2086
	measure line $((64 * 1024)) $tool --max-unit 8M $m
	if [ "$mb" -gt 64 ]; then
		# shellcheck disable=SC2086
		measure line $((512 * 1024)) $tool $m
	fi
	if [ -z "$m" ]; then
		measure empty $((64 * 1024)) $tool
	fi
done

echo "big: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
