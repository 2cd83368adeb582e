#!/bin/sh
# all-hostile-paths.sh BUILD: the paths a user names are the only ones
# written.  sp-dedupe --store DIR makes DIR (its parent must exist) and
# writes only inside it, refuses a file, an empty name and a dangling link
# without creating what the link points to; the store's contents (units
# that look like paths) never become file names.  sp-split -o PREFIX
# writes only PREFIXnn.txt (more in sp-split-signals.sh).
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
. "${0%/*}/../lib.sh"
# made: every file and directory under $t, but the inputs.
made() { (cd "$t" && find . ! -name '*.in' | sort | tr '\n' ' '); }

# Units that look like paths, and a page whose titles do.
printf '../../escape\n/tmp/abs\n../x\n%s\n' "$t/outside" > "$t/paths.in"

if [ -x "$B/bin/sp-dedupe" ]; then
	D=$B/bin/sp-dedupe
	mkdir "$t/run"
	( cd "$t/run" && "$D" --store st ../paths.in > /dev/null )
	expect "--store st: exit 0" [ $? -eq 0 ]
	( cd "$t/run" && "$D" -d --near --store st2 ../paths.in > /dev/null )
	expect "--store: only the named directories written" [ "$(made)" = \
	    ". ./run ./run/st ./run/st/data.mdb ./run/st/lock ./run/st/lock.mdb ./run/st2 ./run/st2/data.mdb ./run/st2/lock ./run/st2/lock.mdb " ]
	rm -rf "$t/run"

	: > "$t/file.in"
	"$D" --store "$t/file.in" < "$t/paths.in" > /dev/null 2> "$t/err"
	expect "--store FILE: exit 2" [ $? -eq 2 ]
	expect "--store FILE: said why" grep -q "file.in: Not a directory" \
	    "$t/err"
	"$D" --store "$t/no/such/dir" < "$t/paths.in" > /dev/null 2> "$t/err"
	expect "--store with no parent: exit 2" [ $? -eq 2 ]
	expect "--store with no parent: nothing made" [ ! -e "$t/no" ]
	"$D" --store '' < "$t/paths.in" > /dev/null 2> "$t/err"
	expect "--store '': exit 2" [ $? -eq 2 ]
	ln -s "$t/target" "$t/link"
	"$D" --store "$t/link" < "$t/paths.in" > /dev/null 2> "$t/err"
	expect "--store DANGLING-LINK: exit 2" [ $? -eq 2 ]
	expect "--store DANGLING-LINK: its target not made" [ ! -e "$t/target" ]
	rm -f "$t/link" "$t/err"
	# A lock file planted as a link to elsewhere: refused, nothing made.
	mkdir "$t/st3"
	ln -s "$t/planted" "$t/st3/lock"
	"$D" --store "$t/st3" < "$t/paths.in" > /dev/null 2> "$t/err"
	expect "--store with a planted lock link: exit 2" [ $? -eq 2 ]
	expect "--store with a planted lock link: said why" grep -q \
	    "st3: Too many levels of symbolic links" "$t/err"
	expect "--store with a planted lock link: its target not made" \
	    [ ! -e "$t/planted" ]
	rm -rf "$t/st3" "$t/err"
fi

if [ -x "$B/bin/sp-split" ]; then
	mkdir "$t/run"
	printf '第一篇 ../../escape\n甲。\n第二篇 %s\n乙。\n' "$t/outside" \
	    > "$t/page.in"
	( cd "$t/run" && "$B/bin/sp-split" -d -o p "$t/page.in" )
	expect "-o p: exit 0" [ $? -eq 0 ]
	expect "-o p: only p01.txt and p02.txt" [ "$(made)" = \
	    ". ./run ./run/p01.txt ./run/p02.txt " ]
	rm -rf "$t/run"
fi

echo "all-hostile-paths: $n_ok ok, $n_bad failed"
