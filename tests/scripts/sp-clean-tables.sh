#!/bin/sh
# sp-clean-tables.sh BUILD: the table generators of bin/sp-clean/gen
# (table-wordlm, table-wordbigram; see bin/sp-clean/lmtable.h), which the
# build runs on data/wordlm and data/wordbigram.  Run again on the same
# file, each writes the table the build compiled in, byte for byte; a
# file cut short, of another kind, or missing stops it with exit 1, a
# message naming the file, and no table; wrong arguments, exit 2.
B=$1
. "${0%/*}/../lib.sh"
for m in wordlm wordbigram; do
	g="$B/obj/gen/sp-clean/table-$m"
	data="bin/sp-clean/data/$m"
	if [ ! -x "$g" ] || [ ! -f "$B/tables/sp-clean/$m.table" ]; then
		bad "$m: no generator or table in $B"
		continue
	fi
	expect "$m: the table again" "$g" "$data" "$t/$m.table"
	expect "$m: the same bytes" cmp -s "$t/$m.table" \
	    "$B/tables/sp-clean/$m.table"
	# A file cut short inside its words.
	head -c 5000 "$data" > "$t/short"
	"$g" "$t/short" "$t/out" 2> "$t/err"
	expect "$m: cut short, exit 1" [ $? -eq 1 ]
	expect "$m: cut short, a message" grep -q "^table-$m: $t/short: " \
	    "$t/err"
	expect "$m: cut short, no table" [ ! -e "$t/out" ]
	# Another kind of file.
	printf 'SPXX1\nnot a model\n' > "$t/other"
	"$g" "$t/other" "$t/out" 2> "$t/err"
	expect "$m: another file, exit 1" [ $? -eq 1 ]
	expect "$m: another file, a message" grep -q "^table-$m: $t/other: not" \
	    "$t/err"
	"$g" "$t/missing" "$t/out" 2> "$t/err"
	expect "$m: a missing file, exit 1" [ $? -eq 1 ]
	expect "$m: a missing file, a message" \
	    grep -q "^table-$m: $t/missing: No such file" "$t/err"
	"$g" "$data" 2> /dev/null
	expect "$m: one argument, exit 2" [ $? -eq 2 ]
done
echo "sp-clean-tables: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
