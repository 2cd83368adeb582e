# bench/sp-dedupe.sh, sourced by bench/run: exact line mode against
# awk '!seen[$0]++' on 10 M mostly-distinct Chinese lines (throughput and
# peak memory), and near mode's throughput on documents.

# dd_lines FILE N: N lines cut from the corpus text, each made distinct by
# its number, and every tenth a repeat of an earlier one.
dd_lines() {
	[ -s "$1" ] && return
	cat tests/data/corpus/*.txt | LC_ALL=C.UTF-8 gawk -v n="$2" '
	{ text = text $0 }
	END {
		len = length(text)
		for (i = 1; i <= n; i++) {
			j = (i % 10 == 0) ? int(i / 2) : i
			off = (j * 7919) % (len - 40) + 1
			printf "%s（%d）\n", substr(text, off, 8 + j % 17), j
		}
	}' > "$1.tmp" && mv "$1.tmp" "$1"
}

# peak_kib CMD: runs CMD (stdin and stdout as given) and prints its peak
# resident memory in KiB on fd 3, from the kernel's high-water mark.
peak_kib() {
	if command -v /usr/bin/time > /dev/null 2>&1; then
		/usr/bin/time -f '%M' -o "$WORK/peak" "$@"
		cat "$WORK/peak" >&3
		return
	fi
	"$@" &
	pid=$!
	peak=0
	while kill -0 $pid 2> /dev/null; do
		p=$(awk '/^VmHWM/ { print $2 }' /proc/$pid/status 2> /dev/null)
		[ -n "$p" ] && peak=$p
		sleep 0.05
	done
	wait $pid
	echo "$peak" >&3
}

DD_N=${SP_BENCH_DEDUPE_LINES:-10000000}
dd_file=$WORK/dedupe-lines-$DD_N.txt
dd_lines "$dd_file" "$DD_N"
compare "sp-dedupe exact lines" "$dd_file" 2 "sp-dedupe" "gawk '!seen[\$0]++'"

sp_kib=$( { peak_kib sp-dedupe < "$dd_file" > /dev/null; } 3>&1 )
awk_kib=$( { peak_kib gawk '!seen[$0]++' < "$dd_file" > /dev/null; } 3>&1 )
distinct=$(sp-dedupe --stats < "$dd_file" 2>&1 > /dev/null |
    awk -F': ' '/distinct units/ { print $NF }')
awk -v s="$sp_kib" -v a="$awk_kib" -v d="$distinct" 'BEGIN {
	printf "%-28s %8.1f MB      vs %8.1f MB       ratio %.2f (ceiling 0.33) %s\n",
	    "sp-dedupe peak memory", s / 1024, a / 1024, s / a,
	    s / a < 1 / 3 ? "PASS" : "BELOW"
	printf "%-28s %8.1f bytes per distinct line (%d distinct; ceiling 40 + constant)\n",
	    "sp-dedupe memory per line", s * 1024 / d, d
}'

# Near mode: the corpus pages as documents, each copy slightly edited.
dd_docs=$WORK/dedupe-docs.txt
if [ ! -s "$dd_docs" ]; then
	i=0
	: > "$dd_docs.tmp"
	while [ "$(wc -c < "$dd_docs.tmp")" -lt $((SIZE_MB * 1048576)) ]; do
		i=$((i + 1))
		for f in tests/data/corpus/*.txt; do
			sed "s/2009/$((1990 + i % 30))/g" "$f"
			printf '第%d份\n\f\n' "$i"
		done >> "$dd_docs.tmp"
	done
	mv "$dd_docs.tmp" "$dd_docs"
fi
# cpu_seconds CMD...: user + system CPU time of CMD, output discarded; a
# single-threaded run's CPU time is its time on one core, whatever else
# the machine is doing.
cpu_seconds() {
	( "$@" > /dev/null; times ) | tail -n 1 | awk '{
		t = 0
		for (i = 1; i <= 2; i++) {
			split($i, p, "m"); sub(/s$/, "", p[2]); t += p[1] * 60 + p[2]
		}
		printf "%.3f", t
	}'
}
dd_mb=$(awk -v b="$(wc -c < "$dd_docs")" 'BEGIN { printf "%.1f", b / 1048576 }')
dd_t=$(seconds sh -c "sp-dedupe -d --near < '$dd_docs'")
dd_c=$(cpu_seconds sh -c "sp-dedupe -d --near < '$dd_docs'")
awk -v n="sp-dedupe -d --near" -v mb="$dd_mb" -v t="$dd_t" -v c="$dd_c" 'BEGIN {
	printf "%-28s %8.1f MB/s  of CPU time on one core, %.1f MB/s wall (%.1f MB; floor 30 MB/s) %s\n",
	    n, mb / c, mb / t, mb, mb / c >= 30 ? "PASS" : "BELOW"
}'

# Across machines.  The map step, --emit-keys, on the same documents (CPU
# time of one core: each shard's map runs on its own core or machine), the
# key bytes it writes per unit, and the whole map, sort, reduce and apply
# on this machine against the single run; and exact --emit-keys on the
# lines against awk's single pass.
ek_c=$(cpu_seconds sh -c "sp-dedupe -d --near --emit-keys < '$dd_docs'")
ek_b=$(sp-dedupe -d --near --emit-keys < "$dd_docs" | wc -c)
ek_u=$(sp-dedupe -d --near --emit-keys --stats < "$dd_docs" 2>&1 > /dev/null |
    awk -F': ' '/units with keys/ { print $NF }')
awk -v mb="$dd_mb" -v c="$ek_c" -v b="$ek_b" -v u="$ek_u" 'BEGIN {
	printf "%-28s %8.1f MB/s  of CPU time on one core; %.0f key bytes a unit (%d units)\n",
	    "sp-dedupe --emit-keys near", mb / c, b / u, u
}'
dd_keys=$WORK/dedupe-docs.drops
dd_p=$(seconds sh -c "sp-dedupe -d --near --emit-keys < '$dd_docs' |
    LC_ALL=C sort | sp-dedupe --join > '$dd_keys' &&
    sp-dedupe -d --drop-positions '$dd_keys' < '$dd_docs'")
awk -v mb="$dd_mb" -v p="$dd_p" -v t="$dd_t" 'BEGIN {
	printf "%-28s %8.1f MB/s  wall, map+sort+join+apply on one machine, vs %.1f MB/s one run\n",
	    "sp-dedupe sharded pipeline", mb / p, mb / t
}'
compare "sp-dedupe --emit-keys exact" "$dd_file" 1 "sp-dedupe --emit-keys" \
    "gawk '!seen[\$0]++'"

# Every kind of page (bench/kinds.sh), exact lines against awk (the floor
# of the exact-lines figure above, 2).  Each input is a few pages repeated,
# so nearly every line after the first copy is a duplicate.
kind_table "sp-dedupe" awk 2.00 "sp-dedupe" "gawk '!seen[\$0]++'"
