#!/bin/sh
# all-hostile-patterns.sh BUILD: the user's PCRE2 patterns, sp-clean's
# "re" rules (--rules) and sp-split's --marker, are time- and
# size-bounded: patterns that backtrack without end, on lines made to
# provoke them, give up at PCRE2's match, depth and heap limits within
# seconds, with a warning once naming the pattern, and the text is kept;
# patterns too large or nested too deep are refused at the start with
# PCRE2's reason; a rules file over 16 MB (/dev/zero) is refused, not read
# to the end of memory.
B=$1
. "${0%/*}/../lib.sh"
limit=60
case $B in *asan*) limit=180 ;; esac

rep() { yes "$1" | head -n "$2" | tr -d '\n'; }
# Lines that make the patterns below backtrack: a long run, then a
# character that fails the match at the very end; fifty of each, numbered.
{
	i=0
	while [ $i -lt 50 ]; do
		printf '%d ' $i; rep a 60; printf '!\n'
		printf '%d ' $i; rep '汉' 60; printf '。\n'
		printf '%d ' $i; rep 'ab ' 30; printf '\001\n'
		i=$((i + 1))
	done
} > "$t/lines.txt"
# Catastrophic patterns: nested and overlapping quantifiers, and a
# backreference.  Weighed 0, so that where one does match, the
# vocabulary the boilerplate model weighs is the same as without it.
cat > "$t/patterns" <<'EOF'
(a+)+$
(a|aa)+$
(a|a?)+$
^(\w+\s?)*$
(.*a){12}$
(汉+)+$
(\p{Han}|汉)*。x
^((ab )*)*$
(a*)*\1b
EOF

if [ -x "$B/bin/sp-clean" ]; then
	"$B/bin/sp-clean" "$t/lines.txt" > "$t/want" 2> /dev/null
	while IFS= read -r p; do
		printf 're 0 %s\n' "$p" > "$t/rules"
		timeout -s KILL $limit "$B/bin/sp-clean" --rules "$t/rules" \
		    "$t/lines.txt" > "$t/out" 2> "$t/err"
		st=$?
		expect "sp-clean re '$p': exit 0 within ${limit}s (got $st)" \
		    [ $st -eq 0 ]
		expect "sp-clean re '$p': the text kept, as without the rule" \
		    cmp -s "$t/want" "$t/out"
		if grep -q "limit" "$t/err"; then
			expect "sp-clean re '$p': one warning naming it" [ \
			    "$(grep -c "^sp-clean: rule 're .*': .*limit.*: taken as no match (warned once)$" \
			    "$t/err")" -eq 1 ]
		fi
	done < "$t/patterns"
	# The ones that must hit a limit do say so.
	printf 're 5 (a+)+$\n' > "$t/rules"
	"$B/bin/sp-clean" --rules "$t/rules" "$t/lines.txt" > /dev/null \
	    2> "$t/err"
	expect "sp-clean re '(a+)+\$': the limit is reported" \
	    grep -q "^sp-clean: rule 're (a+)+\\$': match limit exceeded" \
	    "$t/err"

	timeout -s KILL $limit "$B/bin/sp-clean" --rules /dev/zero \
	    < /dev/null > /dev/null 2> "$t/err"
	st=$?
	expect "sp-clean --rules /dev/zero: exit 2 (got $st)" [ $st -eq 2 ]
	expect "sp-clean --rules /dev/zero: said why" grep -q \
	    "^sp-clean: /dev/zero: a rules file larger than 16 MB$" "$t/err"

	{ printf 're 5 '; rep '(' 10000; printf a; rep ')' 10000; echo; } \
	    > "$t/deep.rules"
	"$B/bin/sp-clean" --rules "$t/deep.rules" < /dev/null 2> "$t/err"
	expect "sp-clean: a pattern nested 10^4 deep is refused" \
	    grep -q "deep.rules:1: .*too deeply nested" "$t/err"
	{ printf 're 5 '; rep 'a|' 300000; echo b; } > "$t/large.rules"
	"$B/bin/sp-clean" --rules "$t/large.rules" < /dev/null 2> "$t/err"
	expect "sp-clean: a pattern of 600 KB is refused" \
	    grep -q "large.rules:1: .*too large" "$t/err"
fi

if [ -x "$B/bin/sp-split" ]; then
	while IFS= read -r p; do
		timeout -s KILL $limit "$B/bin/sp-split" -d --marker "$p" \
		    "$t/lines.txt" > "$t/out" 2> "$t/err"
		st=$?
		expect "sp-split --marker '$p': exit 0 within ${limit}s (got $st)" \
		    [ $st -eq 0 ]
		# Some of them match the empty string: form-feed lines added.
		grep -av "$(printf '^\f$')" "$t/out" > "$t/got"
		expect "sp-split --marker '$p': nothing lost" \
		    cmp -s "$t/lines.txt" "$t/got"
		if grep -q "limit" "$t/err"; then
			expect "sp-split --marker '$p': one warning" [ \
			    "$(grep -c "^sp-split: .*--marker '.*': .*limit.*taken as no marker (warned once)$" \
			    "$t/err")" -eq 1 ]
		fi
	done < "$t/patterns"
	"$B/bin/sp-split" -d --marker '(a+)+$' "$t/lines.txt" > /dev/null \
	    2> "$t/err"
	expect "sp-split --marker '(a+)+\$': the limit is reported" \
	    grep -q "line 1: --marker '(a+)+\\$': match limit exceeded" \
	    "$t/err"

	"$B/bin/sp-split" -d --marker "$(rep '(' 1000)a$(rep ')' 1000)" \
	    < /dev/null > /dev/null 2> "$t/err"
	st=$?
	expect "sp-split: a marker nested 1000 deep: exit 2" [ $st -eq 2 ]
	expect "sp-split: a marker nested 1000 deep: said why" \
	    grep -q "too deeply nested" "$t/err"
	"$B/bin/sp-split" -d --marker "$(rep 'a|' 30000)b" < /dev/null \
	    > /dev/null 2> "$t/err"
	st=$?
	expect "sp-split: a marker of 60 KB: exit 2" [ $st -eq 2 ]
	expect "sp-split: a marker of 60 KB: said why" grep -q "too large" \
	    "$t/err"
	expect "sp-split: a marker of 60 KB: the message is short" \
	    [ "$(wc -c < "$t/err")" -lt 1000 ]
fi

echo "all-hostile-patterns: $n_ok ok, $n_bad failed"
