#!/bin/sh
# all-valgrind.sh BUILD: a subset of runs of every tool that BUILD has,
# under valgrind memcheck: a corpus page, JSON Lines (bad records too),
# the -o files of sp-split and the store of sp-dedupe.  Each must end with
# no memcheck error and nothing definitely or indirectly lost (reports
# from PCRE2's JIT code aside: see real() below).  On the plain build only
# (valgrind does not run sanitizer builds), only where valgrind is
# installed, and only when asked (SP_VALGRIND=1, as make check-all does):
# make check stays quick.
B=$1
. "${0%/*}/../lib.sh"

case $B in
*asan*|*fuzz*)
	echo "# skipped: valgrind runs the plain build"
	echo "all-valgrind: 0 ok, 0 failed"
	exit 0
	;;
esac
if [ "${SP_VALGRIND:-0}" != 1 ]; then
	echo "# skipped: make check-all runs it (SP_VALGRIND=1)"
	echo "all-valgrind: 0 ok, 0 failed"
	exit 0
fi
if ! command -v valgrind > /dev/null 2>&1; then
	echo "# skipped: valgrind is not installed"
	echo "all-valgrind: 0 ok, 0 failed"
	exit 0
fi

page=tests/data/corpus/000_a380da0ee0027f44.txt
head -n 20 tests/data/web/commoncrawl-zh-100.jsonl > "$t/in.jsonl"
# Bad records among good ones: the error paths free what they took.
sh tests/hostile/gen.sh jsonl-escapes > "$t/bad.jsonl"
# A page of several documents, headings and a duplicate paragraph.
{
	cat "$page"
	printf '\f\n第一篇 甲\n一、总则\n（一）目的。\n1. 条目。\n'
	printf '第二篇 乙\n一、总则\n（一）目的。\n1. 条目。\n'
} > "$t/page.txt"

# real LOG: the memcheck reports of LOG that are not PCRE2's JIT code.
# That code reads the words that hold a subject's last bytes whole, past
# the subject's end, and memcheck cannot tell this from a bug; its frames
# are in no object ("at 0x52FE4CB: ???").  A report with a frame anywhere
# known (our code, a library) is real.
real() {
	awk '
	function flush() {
		if (block != "" && (known || frames == 0))
			printf "%s", block
		block = ""; known = 0; frames = 0
	}
	{ sub(/^==[0-9]+== ?/, "") }
	/^ *$/ { flush(); next }
	/^ *(at|by) 0x/ {
		frames++
		if ($0 !~ /: \?\?\?$/)
			known = 1
		block = block $0 "\n"
		next
	}
	/^ *(at|by) / { frames++; known = 1; block = block $0 "\n"; next }
	{ if (frames) flush(); block = block $0 "\n" }
	END { flush() }' "$1"
}

# vg NAME TOOL ARGS... < INPUT: one run under memcheck.
vg() {
	name=$1 tool=$2
	shift 2
	[ -x "$B/bin/$tool" ] || return 0
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --suppressions=tests/valgrind.supp \
	    --errors-for-leak-kinds=definite,indirect \
	    --log-file="$t/vg.log" "$B/bin/$tool" "$@" > "$t/out" 2> "$t/err"
	st=$?
	real "$t/vg.log" > "$t/real"
	if [ -s "$t/real" ]; then
		bad "valgrind $tool $name: memcheck errors or leaks"
		head -n 30 "$t/real"
	elif [ $st -gt 2 ] && [ $st -ne 99 ]; then
		bad "valgrind $tool $name: exit status $st"
		head -n 5 "$t/err"
	else
		ok
	fi
}

vg page sp-clean < "$page"
vg jsonl sp-clean --jsonl < "$t/in.jsonl"
vg strict sp-clean --strict --explain "$page" "$t/nosuch"

vg sentences sp-split -s < "$t/page.txt"
vg chunks sp-split -c 200 --overlap 1 --headings < "$t/page.txt"
vg files sp-split -d -o "$t/doc" "$t/page.txt"
vg jsonl sp-split -p --jsonl < "$t/in.jsonl"

vg tree sp-outline -n < "$t/page.txt"
vg check sp-outline --check < "$t/page.txt"
vg json sp-outline -j --jsonl < "$t/in.jsonl"

vg exact sp-dedupe -n < "$t/page.txt"
vg near sp-dedupe -p --near --contained < "$t/page.txt"
vg store sp-dedupe --jsonl --near --store "$t/store" < "$t/in.jsonl"
vg store-again sp-dedupe --jsonl --near --store "$t/store" "$t/in.jsonl"
vg store-info sp-dedupe --store "$t/store" --store-info < /dev/null

for tool in sp-clean sp-split sp-outline sp-dedupe; do
	vg bad-records $tool --jsonl < "$t/bad.jsonl"
done
vg invalid-utf8 sp-clean -a --strict < "$t/bad.jsonl"

echo "all-valgrind: $n_ok ok, $n_bad failed"
