#!/bin/sh
# all-no-opencc.sh BUILD: OpenCC is optional.  sp-clean built without it
# says so in --version and refuses script conversion with a clear message
# and status 2, while cleaning as before.  (Built once, in the plain run.)
# The same build names libxml2 and uchardet by names no library has, as
# a machine without them would find them: a run that needs one tells it
# and exits 2 (uchardet: the text is still decoded, guessed without it;
# libxml2: pages are cleaned as text, their tags stripped);
# a run that needs neither is not troubled.
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
    LIBXML2_LIB=libsp-no-xml2.so.9 UCHARDET_LIB=libsp-no-uchardet.so.9 \
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
printf '\326\320\316\304\241\243\n' | "$N/bin/sp-clean" > "$N.out" 2> "$N.err"
expect "uchardet missing: exit 2" [ $? -eq 2 ]
expect "uchardet missing: told once" \
    [ "$(grep -c 'uchardet cannot be loaded (.*libsp-no-uchardet' "$N.err")" -eq 1 ]
expect "uchardet missing: GBK still decoded" [ "$(cat "$N.out")" = "中文。" ]
printf '纯文本文档。\n' > "$N.txt"
printf '<html><body><p>正文。</p></body></html>\n' > "$N.html"
"$N/bin/sp-clean" -j1 "$N.txt" "$N.html" "$N.txt" "$N.html" > "$N.out" \
    2> "$N.err"
expect "libxml2 missing: an HTML page, exit 2" [ $? -eq 2 ]
expect "libxml2 missing: told once" \
    [ "$(grep -c 'libxml2, for HTML, cannot be loaded (.*libsp-no-xml2' "$N.err")" -eq 1 ]
expect "libxml2 missing: text and pages still cleaned, the tags stripped" \
    [ "$(cat "$N.out")" = "$(printf '纯文本文档。\n\f\n正文。\n\f\n纯文本文档。\n\f\n正文。')" ]
rm -rf "$N.furn"
"$N/bin/sp-clean" -j1 --furniture "$N.furn" "$N.html" > "$N.out" 2> "$N.err"
expect "libxml2 missing, --furniture: exit 2" [ $? -eq 2 ]
expect "libxml2 missing, --furniture: told once, after the first pass" \
    [ "$(grep -c 'libxml2, for HTML, cannot be loaded' "$N.err")" -eq 1 ]
rm -rf "$N.furn"
printf '正文。\n' | "$N/bin/sp-clean" > "$N.out" 2> "$N.err"
expect "neither missing library troubles a UTF-8 text run" \
    [ "$(cat "$N.out")" = "正文。" ]
expect "nor is told in it" [ ! -s "$N.err" ]
echo "all-no-opencc: $n_ok ok, $n_bad failed"
