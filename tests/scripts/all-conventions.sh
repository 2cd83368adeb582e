#!/bin/sh
# all-conventions.sh BUILD: the suite's conventions, checked on every tool
# that BUILD has: --help, --version, usage errors, a missing file among
# several, a directory operand, a full disk, a closed pipe, empty and binary
# input, bad JSON Lines records, --stats and --progress.
B=$1
. "${0%/*}/../lib.sh"

printf '同志们：\n今天我们召开会议。一、加强学习\n（一）认真学习。\n' > "$t/good.txt"
i=0
while [ $i -lt 20000 ]; do
	echo "第$i行：这是一段用来测试管道关闭的中文文字。"
	i=$((i + 1))
done > "$t/big.txt"

for bin in "$B"/bin/sp-*; do
	[ -x "$bin" ] || continue
	tool=$(basename "$bin")

	"$bin" --help > "$t/out" 2> "$t/err"
	expect "$tool --help exits 0" [ $? -eq 0 ]
	expect "$tool --help prints the synopsis" grep -q "$tool" "$t/out"

	"$bin" --version > "$t/out" 2> "$t/err"
	expect "$tool --version exits 0" [ $? -eq 0 ]
	expect "$tool --version names the tool and version" \
	    grep -q "^$tool (sp) [0-9]" "$t/out"
	expect "$tool --version says whether OpenCC is in" \
	    grep -q '^OpenCC: ' "$t/out"
	if [ "$tool" = sp-clean ]; then
		expect "sp-clean --version names its HTML parser" \
		    grep -q ', libxml2 [0-9]' "$t/out"
	fi

	"$bin" --no-such-option < /dev/null > "$t/out" 2> "$t/err"
	expect "$tool: an unknown option exits 2" [ $? -eq 2 ]
	expect "$tool: an unknown option points to --help" \
	    grep -q "Try '$tool --help'" "$t/err"
	expect "$tool: getopt's message names the tool, not its path" \
	    grep -q "^$tool: unrecognized option" "$t/err"

	"$bin" --max-unit 0 < /dev/null > "$t/out" 2> "$t/err"
	expect "$tool --max-unit 0 is a usage error" [ $? -eq 2 ]

	# sp-split writes records of text read -z; the others read records.
	if [ "$tool" != sp-split ]; then
		printf '{"text":"a"}\n' | "$bin" --jsonl -z > "$t/out" 2> "$t/err"
		expect "$tool: --jsonl -z is a usage error" [ $? -eq 2 ]
	fi

	printf '{"text":"a"}\n   \n \t\r\n{"text":"b"}\n' |
	    "$bin" --jsonl > "$t/out" 2> "$t/err"
	expect "$tool --jsonl: a line of blanks is no record" [ $? -eq 0 ]
	expect "$tool --jsonl: a line of blanks is not reported" [ ! -s "$t/err" ]

	"$bin" "$t/good.txt" > "$t/want" 2> /dev/null
	expect "$tool processes a small page" [ $? -eq 0 ]
	"$bin" "$t/nosuch" "$t/good.txt" > "$t/out" 2> "$t/err"
	expect "$tool: a missing file among several exits 2" [ $? -eq 2 ]
	expect "$tool: a missing file is named" grep -q \
	    "^$tool: $t/nosuch: No such file or directory$" "$t/err"
	expect "$tool: the other files are still processed" \
	    cmp -s "$t/out" "$t/want"

	"$bin" "$t" > "$t/out" 2> "$t/err"
	expect "$tool: a directory operand exits 2" [ $? -eq 2 ]
	expect "$tool: a directory operand is named" grep -q "^$tool: $t: " \
	    "$t/err"

	if [ -w /dev/full ]; then
		"$bin" "$t/big.txt" > /dev/full 2> "$t/err"
		expect "$tool: a full disk exits 2" [ $? -eq 2 ]
		expect "$tool: a full disk is reported on stdout" grep -q \
		    "^$tool: stdout: No space left on device$" "$t/err"
	fi

	{ "$bin" "$t/big.txt" 2> "$t/err"; echo $? > "$t/status"; } | head -c 1 \
	    > /dev/null
	expect "$tool: a closed pipe ends with status 0" \
	    [ "$(cat "$t/status")" = 0 ]
	expect "$tool: a closed pipe ends quietly" [ ! -s "$t/err" ]

	"$bin" < /dev/null > "$t/out" 2> "$t/err"
	expect "$tool: empty input exits 0" [ $? -eq 0 ]
	# sp(7): a file of no bytes holds no document, in every tool.
	: > "$t/empty"
	printf '甲。\n' > "$t/one"
	"$bin" "$t/one" "$t/empty" "$t/one" > "$t/out" 2> "$t/err"
	expect "$tool: an empty file holds no document" \
	    [ "$(grep -c "$(printf '^\f$')" "$t/out")" -le 1 ]

	printf '\377\376\000bad\n\300\257\355\240\200\n' | "$bin" > "$t/out" \
	    2> "$t/err"
	expect "$tool: invalid UTF-8 and NUL do not crash" [ $? -lt 3 ]

	printf '{"text":"今天。"}\n{"id":1}\n[1]\n{"text":3}\n' |
	    "$bin" --jsonl > "$t/out" 2> "$t/err"
	expect "$tool --jsonl: unusable records exit 2" [ $? -eq 2 ]
	expect "$tool --jsonl: a missing field names the line" grep -q \
	    "^$tool: <stdin>:2: no field \"text\"$" "$t/err"
	expect "$tool --jsonl: a non-object names the line" grep -q \
	    "^$tool: <stdin>:3: not a JSON object$" "$t/err"
	expect "$tool --jsonl: a non-string field names the line" grep -q \
	    "^$tool: <stdin>:4: field \"text\" is not a string$" "$t/err"

	"$bin" --stats "$t/good.txt" > /dev/null 2> "$t/err"
	expect "$tool --stats reports on stderr" grep -q "^$tool: stats: " \
	    "$t/err"
	"$bin" --progress "$t/big.txt" > /dev/null 2> "$t/err"
	expect "$tool --progress is silent when stderr is no terminal" \
	    [ ! -s "$t/err" ]
	if command -v script > /dev/null 2>&1; then
		# script(1) gives the tool a terminal; stdout still goes to a file.
		script -qec "'$bin' --progress '$t/big.txt' > /dev/null" \
		    /dev/null > "$t/tty" 2>&1 < /dev/null
		expect "$tool --progress shows bytes and MB/s on a terminal" \
		    grep -q "MB/s" "$t/tty"
		# Output to the same terminal: the line is taken away first.
		script -qec "'$bin' --progress '$t/big.txt'" \
		    /dev/null > "$t/tty" 2>&1 < /dev/null
		expect "$tool --progress: output on its terminal not glued to it" \
		    sh -c "grep -aq 'MB/s' '$t/tty' && ! grep -aq 'MB/s[^$(printf '\r')]' '$t/tty'"
	fi
done
# Two passes (sp-dedupe --drop-all) count each byte once, naming the pass.
if command -v script > /dev/null 2>&1; then
	script -qec "'$B/bin/sp-dedupe' --drop-all --progress '$t/big.txt' \
	    > /dev/null" /dev/null > "$t/tty" 2>&1 < /dev/null
	size=$(wc -c < "$t/big.txt")
	expect "sp-dedupe --drop-all --progress names its second pass" \
	    grep -q "second pass: .* MB/s" "$t/tty"
	expect "sp-dedupe --drop-all --progress counts no byte twice" \
	    awk -v size="$size" 'BEGIN { RS = "\r" }
	    /MB\/s/ { sub(/.*pass: /, ""); if ($1 * 1e6 > size * 1.01) bad = 1 }
	    END { exit bad }' "$t/tty"
fi
echo "all-conventions: $n_ok ok, $n_bad failed"
