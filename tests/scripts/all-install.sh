#!/bin/sh
# all-install.sh BUILD: make install puts every tool, its man page and its
# data where PREFIX and DESTDIR say, and the installed tools run.
B=$1
. "${0%/*}/../lib.sh"
expect() { d=$1; shift; if "$@"; then n_ok=$((n_ok + 1)); else
	n_bad=$((n_bad + 1)); echo "FAIL $d"; fi; }

make -s --no-print-directory B="$B" PREFIX=/opt/sp DESTDIR="$t/root" install \
    > "$t/log" 2>&1
expect "make install succeeds" [ $? -eq 0 ]
# With ONLY (tests/run passes it as SP_ONLY), make install installs just
# those tools.
tools=$SP_ONLY
[ -n "$tools" ] || tools=$(cd "$B/bin" 2>/dev/null && ls -d sp-* 2>/dev/null)
for tool in $tools; do
	[ -x "$B/bin/$tool" ] || continue
	expect "$tool installed" [ -x "$t/root/opt/sp/bin/$tool" ]
	expect "$tool runs installed" "$t/root/opt/sp/bin/$tool" --version \
	    > /dev/null
	[ -f "man/$tool.1" ] &&
	    expect "$tool.1 installed" [ -f "$t/root/opt/sp/share/man/man1/$tool.1" ]
	for d in bin/"$tool"/data/*; do
		[ -f "$d" ] || continue
		expect "$d installed" cmp -s "$d" \
		    "$t/root/opt/sp/share/sp/$(basename "$d")"
	done
done
[ -f man/sp.7 ] &&
    expect "sp.7 installed" [ -f "$t/root/opt/sp/share/man/man7/sp.7" ]
expect "nothing installed outside DESTDIR/PREFIX" \
    [ "$(ls "$t/root")" = opt ]
echo "all-install: $n_ok ok, $n_bad failed"
