#!/bin/sh
# sp-clean-lazy-libs.sh BUILD: sp-clean loads libxml2 only in a run that
# reads an HTML page, uchardet only in one that reads text that is not
# UTF-8, and OpenCC (when built with it) only in a run that converts the
# script (common/lazylib.h): a run of UTF-8 text maps none of them, nor
# the libraries they need (ICU; the C++ library; marisa); one that needs
# them maps them, and does its work, in each of its threads.
B=$1
. "${0%/*}/../lib.sh"
S="$B/bin/sp-clean"
# loads FILE CMD...: the libraries the run of CMD mapped, into FILE; its
# output into FILE.out.
loads() {
	f=$1
	shift
	LD_DEBUG=files "$@" 2> "$f.ld" > "$f.out"
	grep -o 'file=[^ ]*' "$f.ld" | sort -u > "$f"
}
printf '漢字。\n' > "$t/in"
loads "$t/plain" "$S" "$t/in"
expect "no NEEDED entry for libxml2" sh -c "! ldd '$S' | grep -q libxml2"
expect "a text run maps no libxml2" sh -c "! grep -q libxml2 '$t/plain'"
expect "nor ICU, libxml2's own" sh -c "! grep -q libicu '$t/plain'"
expect "no NEEDED entry for uchardet" \
    sh -c "! ldd '$S' | grep -q libuchardet"
expect "a UTF-8 run maps no uchardet" \
    sh -c "! grep -q libuchardet '$t/plain'"
expect "nor the C++ library" sh -c "! grep -q libstdc++ '$t/plain'"
# GBK: 中文网页的正文。 (the detector is asked of text that is not UTF-8)
printf '\326\320\316\304\315\370\322\263\265\304\325\375\316\304\241\243\n' \
    > "$t/gbk"
loads "$t/legacy" "$S" "$t/gbk"
expect "a GBK run maps uchardet" grep -q libuchardet "$t/legacy"
expect "and decodes" [ "$(cat "$t/legacy.out")" = "中文网页的正文。" ]
printf '<html><body><p>第一段。</p><p>第二段。</p></body></html>\n' \
    > "$t/page.html"
loads "$t/html" "$S" "$t/page.html"
expect "an HTML run maps libxml2" grep -q libxml2 "$t/html"
expect "and parses the page" \
    [ "$(cat "$t/html.out")" = "$(printf '第一段。\n第二段。')" ]
printf '<p>一。</p>\n\f\n<p>二。</p>\n' | "$S" -j2 > "$t/two"
expect "two HTML documents, two threads" \
    [ "$(cat "$t/two")" = "$(printf '一。\n\f\n二。')" ]
if "$S" --version | grep -q '^OpenCC: yes'; then
	expect "no NEEDED entry for OpenCC" \
	    sh -c "! ldd '$S' | grep -q libopencc"
	expect "a run that does not convert maps no OpenCC" \
	    sh -c "! grep -q libopencc '$t/plain'"
	expect "nor marisa, OpenCC's own" \
	    sh -c "! grep -q libmarisa '$t/plain'"
	loads "$t/conv" "$S" --to-simplified -j2 "$t/in"
	expect "a run that converts maps it" grep -q libopencc "$t/conv"
	expect "and converts" [ "$(cat "$t/conv.out")" = "汉字。" ]
	printf '汉字。\n\f\n汉字。\n' | "$S" --to-traditional -j2 > "$t/trad"
	expect "--to-traditional, two documents, two threads" \
	    [ "$(cat "$t/trad")" = "$(printf '漢字。\n\f\n漢字。')" ]
else
	echo "# built without OpenCC: its loading not tried"
fi
echo "sp-clean-lazy-libs: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
