#!/bin/sh
# all-hostile.sh BUILD: every tool that BUILD has, in its main modes, on
# every hostile input of tests/hostile/gen.sh: empty input, a million empty
# lines, NUL bytes, each class of invalid UTF-8, UTF-16 without a mark, a
# PNG, an ELF binary (a tool of BUILD), a megabyte of one character, 10^5
# nested brackets and quotes, runs of enumerators, JSON Lines nested 10^5
# deep, megabytes long, with bad escapes, lone surrogates and NULs.
#
# Each run must end by itself within the time limit, with status 0, 1 or
# 2 (never a signal), every message on stderr in the suite's form
# "sp-TOOL: ...", and a message when the status is 2.  Where the tool
# promises it, nothing is lost: sp-split -s only adds newlines (and drops
# empty documents), sp-dedupe gives back the first of each line unchanged,
# sp-clean -a keeps every Han character of the text and writes valid
# UTF-8, and every JSON Lines record comes out, the bad ones reported.
#
# JSON Lines modes read the JSON cases and a few binary ones, not every
# text case (whose every line would be one more bad record); the other
# modes skip the largest JSON cases, long lines the rep-* cases already
# are.  Under a sanitizer build (BUILD's path holds "asan") the empty lines
# are a tenth, the rep-* cases a quarter of a megabyte, the modes -p, -c,
# --check, -j, -n and -d are left out (the plain build runs them on the
# same code, the fuzzers under the sanitizers), and leaks are not checked
# at each exit (all-valgrind.sh checks them, bad records included).
# Ten million empty lines and a 1 GB line, with the memory they take, are
# tests/hostile/big.sh's (all-hostile-memory.sh runs it scaled down).
B=$1
. "${0%/*}/../lib.sh"
gen=tests/hostile/gen.sh

lines=1000000 size= full=1 limit=60
case $B in
*asan*)
	lines=100000 size=262144 full= limit=300
	# Leaks are memcheck's (all-valgrind.sh runs the bad records too):
	# LeakSanitizer's scan at each exit would double this suite's time.
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0
	export ASAN_OPTIONS
	;;
esac

for c in $(sh $gen list); do
	case $c in
	empty-lines) sh $gen "$c" $lines ;;
	rep-*) sh $gen "$c" $size ;;
	*) sh $gen "$c" ;;
	esac > "$t/in.$c" || bad "gen.sh $c failed"
done
# An ELF binary: the first tool itself, built from this repository (its
# first megabyte: sanitizer builds are large).
for bin in "$B"/bin/sp-*; do
	[ -x "$bin" ] && head -c 1048576 "$bin" > "$t/in.elf" && break
done
cases=$(cd "$t" && ls in.* | sed 's/^in\.//')

# run CASE TOOL ARGS...: one run, judged; leaves $t/out, $t/err, $st.
# Returns 0 when the run passed.
run() {
	c=$1 tool=$2
	shift 2
	label="$tool $* < $c"
	timeout -s KILL $limit "$B/bin/$tool" "$@" < "$t/in.$c" > "$t/out" \
	    2> "$t/err"
	st=$?
	if [ $st -eq 137 ]; then
		bad "$label: killed after ${limit}s (hang?)"
		return 1
	fi
	if [ $st -gt 2 ]; then
		bad "$label: exit status $st"
		head -c 600 "$t/err"
		return 1
	fi
	if [ $st -eq 2 ] && [ ! -s "$t/err" ]; then
		bad "$label: exit status 2 without a message"
		return 1
	fi
	if [ -s "$t/err" ] && grep -qv "^$tool: " "$t/err"; then
		bad "$label: a message not in the form '$tool: ...'"
		grep -v "^$tool: " "$t/err" | head -n 3 | cut -c 1-300
		return 1
	fi
	ok
}

# The Han characters of a file, counted: what sp-clean must keep.
han() {
	LC_ALL=C.UTF-8 grep -aoP '[\x{4E00}-\x{9FFF}]' "$1" | sort | uniq -c
}
is_utf8() { iconv -f UTF-8 -t UTF-8 < "$1" > /dev/null 2>&1; }

for c in $cases; do
	# text: the plain modes read it; json: the --jsonl modes do.
	case $c in
	jsonl-huge|jsonl-wide|jsonl-deep*) text= json=1 ;;
	jsonl-*|empty|nul|png|elf|utf8-bad-lead|rep-han) text=1 json=1 ;;
	*) text=1 json= ;;
	esac

	if [ -x "$B/bin/sp-clean" ]; then
		if [ -n "$text" ]; then
			run "$c" sp-clean
			if [ $st -eq 0 ]; then
				expect "sp-clean < $c: valid UTF-8 out" \
				    is_utf8 "$t/out"
			fi
			case $c in
			utf16*)
				expect "sp-clean < $c: decoded without a mark" \
				    grep -q '^同志们：$' "$t/out"
				;;
			esac
			run "$c" sp-clean -a
			expect "sp-clean -a < $c: valid UTF-8 out" is_utf8 "$t/out"
			case $c in
			nul|utf8-*|rep-han|nest-*|crlf-cr)
				han "$t/in.$c" > "$t/want"
				han "$t/out" > "$t/got"
				expect "sp-clean -a < $c: every Han character kept" \
				    cmp -s "$t/want" "$t/got"
				;;
			esac
		fi
		[ -n "$json" ] && run "$c" sp-clean --jsonl
		case $c in
		html-deep|html-attr)
			run "$c" sp-clean --keep-boilerplate
			expect "sp-clean < $c: the text after it kept" \
			    grep -q '之后的正文。\|属性之后的正文。' "$t/out"
			;;
		html-unclosed|html-comment)
			run "$c" sp-clean --keep-boilerplate
			expect "sp-clean < $c: the text before it kept" \
			    grep -q '链接\|注释之前。' "$t/out"
			;;
		esac
		if [ "$c" = jsonl-escapes ]; then
			expect "sp-clean --jsonl < $c: bad records are errors" \
			    [ $st -eq 2 ]
			expect "sp-clean --jsonl < $c: every record out" \
			    [ "$(wc -l < "$t/out")" -eq "$(wc -l < "$t/in.$c")" ]
			expect "sp-clean --jsonl < $c: good records go on" \
			    grep -q '好。' "$t/out"
		fi
	fi

	if [ -x "$B/bin/sp-split" ]; then
		if run "$c" sp-split -s && [ $st -eq 0 ]; then
			# A sentence ended inside a CRLF line ends in CRLF
			# (the golden sentences-crlf has it): CRs aside.
			tr -d '\r\n\f' < "$t/in.$c" > "$t/want"
			tr -d '\r\n\f' < "$t/out" > "$t/got"
			expect "sp-split -s < $c: only line ends added" \
			    cmp -s "$t/want" "$t/got"
		fi
		if [ -n "$text" ]; then
			run "$c" sp-split -d
			[ -n "$full" ] && run "$c" sp-split -p
			[ -n "$full" ] && run "$c" sp-split -c 200
		fi
		[ -n "$json" ] && run "$c" sp-split --jsonl
	fi

	if [ -x "$B/bin/sp-outline" ]; then
		if [ -n "$text" ]; then
			run "$c" sp-outline
			[ -n "$full" ] && run "$c" sp-outline --check
			[ -n "$full" ] && run "$c" sp-outline -j
		fi
		[ -n "$json" ] && run "$c" sp-outline --jsonl
	fi

	if [ -x "$B/bin/sp-dedupe" ]; then
		if run "$c" sp-dedupe; then
			# The first of each line, as awk's !seen[$0]++ keeps it.
			LC_ALL=C gawk '!seen[$0]++' "$t/in.$c" > "$t/want"
			{ cat "$t/out"; [ -z "$(tail -c 1 "$t/out")" ] || echo; } \
			    > "$t/got"
			expect "sp-dedupe < $c: the first of each line kept" \
			    cmp -s "$t/want" "$t/got"
		fi
		if [ -n "$text" ]; then
			[ -n "$full" ] && run "$c" sp-dedupe -n
			# A MinHash a unit: a tenth of the empty lines.
			if [ "$c" = empty-lines ]; then
				head -n $((lines / 10)) "$t/in.$c" > "$t/in.tenth"
				run tenth sp-dedupe --near
			else
				run "$c" sp-dedupe --near
			fi
			[ -n "$full" ] && run "$c" sp-dedupe -d
		fi
		if [ -n "$json" ]; then
			run "$c" sp-dedupe --jsonl
			if [ "$c" = jsonl-escapes ]; then
				expect "sp-dedupe --jsonl < $c: every record out" \
				    [ "$(wc -l < "$t/out")" -eq \
				    "$(wc -l < "$t/in.$c")" ]
			fi
		fi
	fi
done

echo "all-hostile: $n_ok ok, $n_bad failed"
