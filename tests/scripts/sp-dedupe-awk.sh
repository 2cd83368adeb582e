#!/bin/sh
# sp-dedupe-awk.sh BUILD: with no options sp-dedupe is a drop-in for
# awk '!seen[$0]++': the same output on CRLF lines, invalid UTF-8, NUL
# bytes, a missing final newline, empty lines and several operands.
B=$1
. "${0%/*}/../lib.sh"

# same DESC FILE...: sp-dedupe and gawk agree on the files, in two locales.
same() {
	d=$1
	shift
	for loc in C C.UTF-8; do
		LC_ALL=$loc gawk '!seen[$0]++' "$@" > "$t/want"
		LC_ALL=$loc "$B/bin/sp-dedupe" "$@" > "$t/got"
		if cmp -s "$t/want" "$t/got"; then
			ok
		else
			bad "$d (LC_ALL=$loc): output differs from gawk"
			cmp "$t/want" "$t/got" | head -n 3
		fi
	done
}

# Many short lines from a small alphabet: most are repeats.
gawk 'BEGIN {
	srand(7)
	split("a|b|中|文|\r| |\377|\300\257|\t|，", ch, "|")
	for (i = 0; i < 30000; i++) {
		n = int(rand() * 5)
		s = ""
		for (j = 0; j < n; j++)
			s = s ch[1 + int(rand() * 10)]
		print s
	}
}' > "$t/random"
same "random lines" "$t/random"

printf '同志们：\r\n同志们：\n同志们：\r\n\377bad\n\377bad\nlast' > "$t/crlf"
same "CRLF, invalid UTF-8, no final newline" "$t/crlf"

printf 'a\0b\na\0c\na\0b\n\0\n\0\n' > "$t/nul"
same "NUL bytes inside lines" "$t/nul"

: > "$t/empty"
same "empty input" "$t/empty"

printf '\n\n\n' > "$t/blank"
same "blank lines" "$t/blank"

printf 'x\ny\n' > "$t/one"
printf 'y\nz\nx' > "$t/two"
same "several operands" "$t/one" "$t/two" "$t/one"

# Standard input as "-" among files.
gawk '!seen[$0]++' "$t/one" - "$t/two" < "$t/crlf" > "$t/want"
"$B/bin/sp-dedupe" "$t/one" - "$t/two" < "$t/crlf" > "$t/got"
if cmp -s "$t/want" "$t/got"; then ok; else bad "stdin among files"; fi

# Mostly distinct Chinese lines, long enough to make the set grow.
gawk 'BEGIN { for (i = 0; i < 100000; i++) printf "第%d行：机关作风建设\n", (i * 7) % 70001 }' \
    > "$t/many"
same "100000 lines, 70001 distinct" "$t/many"

echo "sp-dedupe-awk: $n_ok ok, $n_bad failed"
