#!/bin/sh
# all-no-opencc.sh BUILD: OpenCC is optional.  sp-clean built without it
# says so in --version and refuses script conversion with a clear message
# and status 2, while cleaning as before.  (Built once, in the plain run.)
B=$1
n_ok=0
n_bad=0
expect() { d=$1; shift; if "$@"; then n_ok=$((n_ok + 1)); else
	n_bad=$((n_bad + 1)); echo "FAIL $d"; fi; }
case $B in */asan) echo "# built in the plain run only"
	echo "all-no-opencc: 0 ok, 0 failed"; exit 0 ;; esac
[ -d bin/sp-clean ] || { echo "all-no-opencc: 0 ok, 0 failed"; exit 0; }
N=$B/no-opencc
env -u MAKEFLAGS -u MFLAGS make -s --no-print-directory B="$N" HAVE_OPENCC= \
    ONLY=sp-clean "$N/bin/sp-clean" > "$N.log" 2>&1
expect "sp-clean builds without OpenCC" [ -x "$N/bin/sp-clean" ]
expect "--version says OpenCC is not built in" \
    sh -c "'$N/bin/sp-clean' --version | grep -q '^OpenCC: no'"
printf '漢字。\n' | "$N/bin/sp-clean" --to-simplified > "$N.out" 2> "$N.err"
expect "--to-simplified without OpenCC exits 2" [ $? -eq 2 ]
expect "--to-simplified without OpenCC says why" \
    grep -q 'built without OpenCC' "$N.err"
printf '今天,我们开会.\n' | "$N/bin/sp-clean" > "$N.out" 2> /dev/null
expect "cleaning works without OpenCC" \
    [ "$(cat "$N.out")" = "今天，我们开会。" ]
echo "all-no-opencc: $n_ok ok, $n_bad failed"
