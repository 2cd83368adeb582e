#!/bin/sh
# sp-clean-opencc-load.sh BUILD: sp-clean built with OpenCC loads the
# library (and the C++ libraries it needs) only in a run that converts
# the script: a run that does not never maps it, one with --to-simplified
# or --to-traditional does, and converts, in each of its threads.
B=$1
. "${0%/*}/../lib.sh"
S="$B/bin/sp-clean"
if ! "$S" --version | grep -q '^OpenCC: yes'; then
	echo "# built without OpenCC: nothing to load"
	echo "sp-clean-opencc-load: 0 ok, 0 failed"
	exit 0
fi
# loads FILE CMD...: the libraries the run of CMD mapped, into FILE.
loads() {
	f=$1
	shift
	LD_DEBUG=files "$@" 2> "$f.ld" > "$f.out"
	grep -o 'file=[^ ]*' "$f.ld" | sort -u > "$f"
}
printf '漢字。\n' > "$t/in"
loads "$t/plain" "$S" "$t/in"
expect "no NEEDED entry for OpenCC" sh -c "! ldd '$S' | grep -q libopencc"
expect "a run that does not convert maps no OpenCC" \
    sh -c "! grep -q libopencc '$t/plain'"
expect "nor marisa, OpenCC's own" sh -c "! grep -q libmarisa '$t/plain'"
loads "$t/conv" "$S" --to-simplified -j2 "$t/in"
expect "a run that converts maps it" grep -q libopencc "$t/conv"
expect "and converts" [ "$(cat "$t/conv.out")" = "汉字。" ]
printf '汉字。\n\f\n汉字。\n' | "$S" --to-traditional -j2 > "$t/trad"
expect "--to-traditional, two documents, two threads" \
    [ "$(cat "$t/trad")" = "$(printf '漢字。\n\f\n漢字。')" ]
echo "sp-clean-opencc-load: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
