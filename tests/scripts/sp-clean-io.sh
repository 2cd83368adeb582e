#!/bin/sh
# sp-clean-io.sh BUILD: sp-clean's behaviour that golden files cannot show:
# write errors, closed pipes, bad operands among good ones, pipes versus
# files, big inputs in bounded memory.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
C="$B/bin/sp-clean"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
ok=0
bad=0
pass() { ok=$((ok + 1)); }
fail() { bad=$((bad + 1)); echo "FAIL $*"; }
check() { # check NAME CONDITION...
	n=$1
	shift
	if "$@"; then pass; else fail "$n"; fi
}

printf '同志们:   新年伊始,市委召开会议。\n' > "$T/a.txt"
printf '第二个文件,内容。\n' > "$T/b.txt"

# A full disk is an error, with the suite's message.
"$C" "$T/a.txt" > /dev/full 2> "$T/err"
st=$?
check "/dev/full: exit 2 (got $st)" [ "$st" -eq 2 ]
check "/dev/full: message" grep -q '^sp-clean: stdout: No space left on device$' "$T/err"

# A closed pipe ends the program quietly, with status 0.
i=0
while [ $i -lt 3000 ]; do cat "$T/a.txt"; i=$((i + 1)); done > "$T/many.txt"
( "$C" --keep-boilerplate --no-hardwrap "$T/many.txt" "$T/many.txt" 2> "$T/err"; echo $? > "$T/st" ) | head -n 1 > /dev/null
check "closed pipe: status 0 (got $(cat "$T/st"))" [ "$(cat "$T/st")" -eq 0 ]
check "closed pipe: quiet" [ ! -s "$T/err" ]

# A missing file is reported, the others are cleaned, the status is 2.
"$C" --keep-boilerplate "$T/a.txt" "$T/missing" "$T/b.txt" > "$T/out" 2> "$T/err"
st=$?
check "missing file: exit 2 (got $st)" [ "$st" -eq 2 ]
check "missing file: message" grep -q "^sp-clean: $T/missing: No such file or directory\$" "$T/err"
check "missing file: others cleaned" [ "$(grep -vc "$(printf '^\f$')" "$T/out")" -eq 3 ]

# A directory operand is an error too.
"$C" "$T" > /dev/null 2> "$T/err"
st=$?
check "directory: exit 2 (got $st)" [ "$st" -eq 2 ]
check "directory: message" grep -q "^sp-clean: $T: Is a directory\$" "$T/err"

# A binary file among text files is skipped with a warning; the others go on.
printf 'PNG\0\0\1\2' > "$T/bin"
"$C" --keep-boilerplate "$T/a.txt" "$T/bin" "$T/b.txt" > "$T/out" 2> "$T/err"
st=$?
check "binary: status 0 (got $st)" [ "$st" -eq 0 ]
check "binary: warning" grep -q "^sp-clean: $T/bin: binary file skipped" "$T/err"
check "binary: others cleaned" [ "$(grep -vc "$(printf '^\f$')" "$T/out")" -eq 3 ]

# GBK and UTF-16 input give the same text from a pipe as from a file.
iconv -f UTF-8 -t GB18030 < "$T/a.txt" > "$T/a.gbk"
"$C" "$T/a.gbk" > "$T/o1" 2>&1
cat "$T/a.gbk" | "$C" > "$T/o2" 2>&1
"$C" "$T/a.txt" > "$T/o3" 2>&1
check "GBK file = GBK pipe" cmp -s "$T/o1" "$T/o2"
check "GBK = UTF-8" cmp -s "$T/o1" "$T/o3"
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE < "$T/a.txt"; } > "$T/a.u16"
cat "$T/a.u16" | "$C" > "$T/o4" 2>&1
check "UTF-16 pipe = UTF-8" cmp -s "$T/o4" "$T/o3"
{ printf '\357\273\277'; cat "$T/a.txt"; } | "$C" > "$T/o5" 2>&1
check "UTF-8 BOM through a pipe" cmp -s "$T/o5" "$T/o3"

# No final newline: the last line is still a line.
printf '最后一行没有换行' | "$C" > "$T/out"
check "no final newline" [ "$(cat "$T/out")" = "最后一行没有换行" ]

# A GBK document longer than --max-unit goes through in pieces, losing nothing.
i=0
while [ $i -lt 200 ]; do printf '这是一段很长的文字，用来测试分段处理。\n'; i=$((i + 1)); done > "$T/long.txt"
iconv -f UTF-8 -t GB18030 < "$T/long.txt" > "$T/long.gbk"
"$C" --max-unit 1K --keep-boilerplate --no-hardwrap "$T/long.gbk" > "$T/out" 2> "$T/err"
st=$?
check "pieces: status 0 (got $st)" [ "$st" -eq 0 ]
check "pieces: warned" grep -q 'processed in pieces' "$T/err"
check "pieces: every line kept" cmp -s "$T/out" "$T/long.txt"

# Memory stays flat: four times the documents, about the same peak.
i=0
while [ $i -lt 40 ]; do for f in tests/data/corpus/00*.txt; do cat "$f"; printf '\n\f\n'; done; i=$((i + 1)); done > "$T/m1"
cat "$T/m1" "$T/m1" "$T/m1" "$T/m1" > "$T/m4"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -o "$T/r1" -f %M "$C" "$T/m1" > /dev/null 2>&1
	/usr/bin/time -o "$T/r4" -f %M "$C" "$T/m4" > /dev/null 2>&1
	r1=$(tail -n 1 "$T/r1")
	r4=$(tail -n 1 "$T/r4")
	check "memory flat ($r1 KB, then $r4 KB for 4x)" [ "$r4" -lt $((r1 * 3 / 2)) ]
fi

# --rules with a missing file, --from with a bad name: usage errors.
"$C" --rules "$T/nope" < /dev/null > /dev/null 2> "$T/err"
st=$?
check "--rules missing: exit 2 (got $st)" [ "$st" -eq 2 ]
check "--rules missing: message" grep -q "^sp-clean: $T/nope: No such file or directory\$" "$T/err"

# --version says whether OpenCC is built in.
"$C" --version > "$T/out"
check "--version" grep -q '^OpenCC: ' "$T/out"

# --help is the usage, status 0.
"$C" --help > "$T/out"
st=$?
check "--help" [ "$st" -eq 0 ]
check "--help: usage" grep -q '^usage: sp-clean' "$T/out"

echo "sp-clean-io: $ok ok, $bad failed"
[ "$bad" -eq 0 ]
