#!/bin/sh
# sp-clean-tables.sh BUILD: the table generators of bin/sp-clean/gen
# (table-wordlm, table-wordbigram, see bin/sp-clean/lmtable.h;
# table-charlm, see bin/sp-clean/charlmtable.h; table-boilerplate.model,
# see bin/sp-clean/model_table.c), which the build runs on the data files
# of those names.
# Run again on the same file, each writes the table the build compiled
# in, byte for byte; a file cut short, of another kind, or missing stops
# it with exit 1, a message naming the file, and no table; wrong
# arguments, exit 2.
B=$1
. "${0%/*}/../lib.sh"

# refused M FILE WHAT MESSAGE: the generator of M stops on FILE (WHAT
# says what it is), with exit 1, a line of stderr matching MESSAGE, and
# no table.
refused() {
	rm -f "$t/out"
	"$g" "$2" "$t/out" 2> "$t/err"
	expect "$1: $3, exit 1" [ $? -eq 1 ]
	expect "$1: $3, a message" grep -q "$4" "$t/err"
	expect "$1: $3, no table" [ ! -e "$t/out" ]
}

for m in wordlm wordbigram charlm boilerplate.model; do
	g="$B/obj/gen/sp-clean/table-$m"
	data="bin/sp-clean/data/$m"
	if [ ! -x "$g" ] || [ ! -f "$B/tables/sp-clean/$m.table" ]; then
		bad "$m: no generator or table in $B"
		continue
	fi
	expect "$m: the table again" "$g" "$data" "$t/$m.table"
	expect "$m: the same bytes" cmp -s "$t/$m.table" \
	    "$B/tables/sp-clean/$m.table"
	printf 'SPXX1\nnot a model\n' > "$t/other"
	case $m in
	boilerplate.model)
		# The model's messages are its parser's, with the line.
		head -n 3000 "$data" > "$t/short"
		refused "$m" "$t/short" "cut short" \
		    "^table-$m: $t/short:3000: ends before"
		refused "$m" "$t/other" "another file" \
		    "^table-$m: $t/other:1: not an sp-clean model"
		sed 's/^feature len$/feature no_such_feature/' "$data" \
		    > "$t/feat"
		refused "$m" "$t/feat" "a feature of no build" \
		    "unknown feature 'no_such_feature'"
		;;
	*)
		# Cut short inside its words.
		head -c 5000 "$data" > "$t/short"
		refused "$m" "$t/short" "cut short" "^table-$m: $t/short: "
		refused "$m" "$t/other" "another file" \
		    "^table-$m: $t/other: not"
		;;
	esac
	refused "$m" "$t/missing" "a missing file" \
	    "^table-$m: $t/missing: No such file"
	"$g" "$data" 2> /dev/null
	expect "$m: one argument, exit 2" [ $? -eq 2 ]
done
echo "sp-clean-tables: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
