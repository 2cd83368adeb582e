# bench/kinds.sh, sourced by bench/run: every kind of page users feed, each
# made once from the files in tests/data by repeating them to at least
# SIZE_MB (cached in $WORK, never committed), and race, which times tools
# on one input in turn and takes each one's peak memory.  Each tool's
# bench ends with a table of its ratio on every kind.
#
# SP_BENCH_KINDS picks kinds (default: all of KINDS_ALL); SP_BENCH_JOBS the
# thread count of the all-core run (default: the CPUs); SP_BENCH_ROUNDS the
# runs of each command (default 3, the best counts).
KINDS_ALL="simplified traditional pinyin-mojibake w3m naive html jsonl"
KINDS=${SP_BENCH_KINDS:-$KINDS_ALL}
JOBS=${SP_BENCH_JOBS:-$(nproc 2> /dev/null || echo 1)}
ROUNDS=${SP_BENCH_ROUNDS:-3}

# kind_about KIND: what the input of KIND is made of.
kind_about() {
	case $1 in
	simplified) echo "the 3 speech pages of tests/data/corpus" ;;
	traditional) echo "the same in traditional characters (OpenCC)" ;;
	pinyin-mojibake) echo "the same with pinyin (會(huì)) and mojibake lines" ;;
	w3m) echo "w3m dumps of 59 news pages, tests/data/labelled-web" ;;
	naive) echo "naive dumps of the same pages, labelled-web/naive" ;;
	html) echo "raw HTML of its 57 UTF-8 pages, labelled-web/html" ;;
	jsonl) echo "100 Common Crawl pages, web/commoncrawl-zh-100.jsonl" ;;
	*) return 1 ;;
	esac
}

# kind_opts KIND: the options every tool takes for KIND's framing.
kind_opts() {
	case $1 in
	jsonl) echo "--jsonl" ;;
	*) echo "" ;;
	esac
}

# repeat_to OUT ONE: OUT is ONE repeated to at least SIZE_MB.
repeat_to() {
	n=$(awk -v s="$(wc -c < "$2")" -v mb="$SIZE_MB" 'BEGIN {
		n = int(mb * 1048576 / s)
		print (n * s < mb * 1048576) ? n + 1 : n
	}')
	i=0
	while [ $i -lt "$n" ]; do
		cat "$2"
		i=$((i + 1))
	done > "$1.tmp" && mv "$1.tmp" "$1"
}

# to_traditional FILE: FILE in traditional characters, with OpenCC (through
# sp-clean's own -t when it was built with it, else the opencc command).
to_traditional() {
	if sp-clean --version 2> /dev/null | grep -q 'OpenCC: yes'; then
		sp-clean --only decode -t "$1"
	elif command -v opencc > /dev/null 2>&1; then
		opencc -c s2t.json -i "$1"
	else
		return 1
	fi
}

# annotate: pinyin after every character that the labelled lines of
# tests/eval/clean/pinyin.tsv show annotated (its lower-case one-character
# annotations, the first reading of each: 會(huì) 發（fā） 動(dòng) ...), as
# pages for readers and learners print them.
annotate() {
	gawk -F'\t' 'FNR == NR {
		if (/^#/ || NF != 2 || $1 == $2)
			next
		s = $1
		while (match(s, /[一-龥][(（][a-zà-ǜ]+[)）]/)) {
			c = substr(s, RSTART, 1)
			if (!(c in ann))
				ann[c] = substr(s, RSTART + 1, RLENGTH - 1)
			s = substr(s, RSTART + RLENGTH)
		}
		next
	}
	{
		for (c in ann)
			gsub(c, c ann[c])
		print
	}' tests/eval/clean/pinyin.tsv -
}

# garble: every thirteenth line turned into mojibake, alternately GB18030
# bytes read as Latin-1 (Ò»ÄêíÎÒ) and UTF-8 bytes read as GBK (鍏ㄥ競鍚).
garble() {
	n=0
	while IFS= read -r line; do
		n=$((n + 1))
		case $((n % 26)) in
		5) printf '%s\n' "$line" | iconv -f UTF-8 -t GB18030 -c |
		    iconv -f LATIN1 -t UTF-8 ;;
		18) printf "%s" "$line" | iconv -f GB18030 -t UTF-8 -c 2> /dev/null
		    echo ;;
		*) printf '%s\n' "$line" ;;
		esac
	done
}

# kind_one KIND: one copy of KIND's files, framed as the tools read them.
kind_one() {
	case $1 in
	simplified)
		for p in tests/data/corpus/*.txt; do
			cat "$p"
			printf '\n\f\n'
		done ;;
	traditional)
		for p in tests/data/corpus/*.txt; do
			to_traditional "$p" || return 1
			printf '\n\f\n'
		done ;;
	pinyin-mojibake)
		for p in tests/data/corpus/*.txt; do
			to_traditional "$p" > "$WORK/trad.tmp" || return 1
			annotate < "$WORK/trad.tmp" | garble
			printf '\n\f\n'
		done
		rm -f "$WORK/trad.tmp" ;;
	w3m)
		for p in tests/data/labelled-web/[0-9][0-9][0-9].txt; do
			cat "$p"
			printf '\n\f\n'
		done ;;
	naive)
		for p in tests/data/labelled-web/naive/[0-9][0-9][0-9].txt; do
			cat "$p"
			printf '\n\f\n'
		done ;;
	html)
		# The UTF-8 pages only: iconv, the standard, stops at the
		# first byte that is not UTF-8.
		for p in tests/data/labelled-web/html/*.html; do
			iconv -f UTF-8 -t UTF-8 "$p" > /dev/null 2>&1 || continue
			cat "$p"
			printf '\n\f\n'
		done ;;
	jsonl)
		cat tests/data/web/commoncrawl-zh-100.jsonl ;;
	*)
		return 1 ;;
	esac
}

# kind_file KIND: the path of KIND's input of SIZE_MB, made if missing;
# fails, saying why, when KIND cannot be made here.
kind_file() {
	f=$WORK/kind-$1.txt
	if [ ! -s "$f" ]; then
		if ! kind_one "$1" > "$WORK/one-$1.tmp" ||
		    [ ! -s "$WORK/one-$1.tmp" ]; then
			rm -f "$WORK/one-$1.tmp"
			echo "bench: no $1 input (unknown kind, or no OpenCC)" >&2
			return 1
		fi
		repeat_to "$f" "$WORK/one-$1.tmp"
		rm -f "$WORK/one-$1.tmp"
	fi
	echo "$f"
}

# run_once CMD FILE: one run of CMD on FILE, output discarded; sets secs
# (wall time), kib (peak resident memory, GNU time's %M; "-" without it)
# and rc (exit status).
run_once() {
	s=$(date +%s.%N)
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$WORK/peak" \
		    sh -c "$1 < '$2'" > /dev/null 2> "$WORK/stderr"
		rc=$?
		kib=$(tail -n 1 "$WORK/peak")
	else
		sh -c "$1 < '$2'" > /dev/null 2> "$WORK/stderr"
		rc=$?
		kib=-
	fi
	e=$(date +%s.%N)
	secs=$(echo "$s $e" | awk '{ printf "%.4f", $2 - $1 }')
}

# race FILE CMD...: ROUNDS runs of each command on FILE, in turn with the
# others (a machine shared with other work slows single runs at random);
# sets T1 T2 ... to each command's best wall time, K1 K2 ... to its peak
# memory in KiB, F1 F2 ... to its last failing exit status (0: none).
race() {
	rf=$1
	shift
	i=0
	for c; do
		i=$((i + 1))
		eval "T$i=999999 K$i=0 F$i=0"
	done
	r=0
	while [ $r -lt "$ROUNDS" ]; do
		r=$((r + 1))
		i=0
		for c; do
			i=$((i + 1))
			run_once "$c" "$rf"
			eval "T$i=\$(best \"\$T$i\" \"$secs\")"
			if [ "$kib" = - ]; then
				eval "K$i=-"
			else
				eval "[ \"\$K$i\" = - ] || [ $kib -le \$K$i ] || K$i=$kib"
			fi
			if [ $rc -ne 0 ]; then
				eval "F$i=$rc"
				echo "bench: $c: exit $rc: $(head -n 1 "$WORK/stderr")" >&2
			fi
		done
	done
}

# mib KIB: KiB as MB with one decimal, or "-".
mib() {
	awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f", k / 1024 }'
}

# kind_table TOOL REF TARGET SP_CMD REF_CMD: a table of SP_CMD's rate
# against REF_CMD's on every kind, the ratio beside TARGET (printed,
# never asserted), and both peaks.  SP_CMD is run with the kind's options.
kind_table() {
	echo
	printf '%s against %s on every kind (target >= %s, printed, not asserted)\n' \
	    "$1" "$2" "$3"
	printf '  %-16s %7s %10s %10s %7s %7s %10s %10s\n' kind MB \
	    "tool MB/s" "$2 MB/s" ratio target "tool peak" "$2 peak"
	for k in $KINDS; do
		f=$(kind_file "$k") || continue
		race "$f" "$4 $(kind_opts "$k")" "$5"
		kind_row "$k" "$f" "$T1" "$T2" "$3" "$K1" "$K2" "$F1$F2"
	done
}

# kind_row KIND FILE T_SP T_REF TARGET K_SP K_REF FAILED: one row of it.
kind_row() {
	awk -v k="$1" -v b="$(wc -c < "$2")" -v t1="$3" -v t2="$4" -v min="$5" \
	    -v p1="$(mib "$6")" -v p2="$(mib "$7")" -v failed="$8" 'BEGIN {
		mb = b / 1048576; r1 = mb / t1; r2 = mb / t2; ratio = r1 / r2
		printf "  %-16s %7.1f %10.1f %10.1f %7.2f %7s %10s %10s",
		    k, mb, r1, r2, ratio, ratio >= min ? "PASS" : "BELOW",
		    p1 " MB", p2 " MB"
		print (failed ~ /^0+$/ ? "" : "  (a run FAILED: see above)")
	}'
}
