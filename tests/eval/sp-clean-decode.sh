#!/bin/sh
# sp-clean-decode.sh BUILD: step 1 on encoded files (tests/eval/decode,
# see its README): how many sp-clean --only decode turns into exactly the
# text that iconv gives from the encoding the file's folder names, next to
# uchardet alone (its answer given to iconv) and, where Debian's
# python3-chardet is installed, chardet alone.  Files are counted in two
# sets: dev (tuned on) and held-out (tests/eval/decode/heldout, never
# looked at while tuning).  sp-clean must not do worse than uchardet on
# either set, nor fall under the floors below.
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
D=tests/eval/decode
BOM=$(printf '\357\273\277')

# iconv's name for a folder's encoding (a "-bom" suffix: the file starts
# with a byte order mark, which the expected text leaves out).
iconv_name() {
	case ${1%-bom} in
	Big5|BIG5) echo BIG5 ;;
	GB2312|GB18030) echo GB18030 ;;
	EUC-KR) echo CP949 ;;
	SHIFT_JIS|CP932) echo CP932 ;;
	CP949) echo CP949 ;;
	windows-125?) echo "CP${1#windows-}" ;;
	iso-8859-1) echo ISO-8859-1 ;;
	*) echo "${1%-bom}" ;;
	esac
}

# text FILE: what a decoder's output is compared as (the chain drops empty
# lines; a byte order mark is not text).
text() {
	sed "1s/^$BOM//" | LC_ALL=C grep -av "^$"
}

have_chardet=0
/usr/bin/python3 -c 'import chardet' 2>/dev/null && have_chardet=1
have_uchardet=0
command -v uchardet > /dev/null 2>&1 && have_uchardet=1

find "$D/real" "$D/made" -type f | LC_ALL=C sort > "$T/files"
: > "$T/rows"
while read -r f; do
	rel=${f#$D/}
	dir=$(basename "$(dirname "$f")")
	set_=dev
	grep -qxF "$rel" "$D/heldout" && set_=held
	enc=$(iconv_name "$dir")
	if ! iconv -f "$enc" -t UTF-8 "$f" 2> /dev/null | text > "$T/want"; then
		echo "FAIL $rel: iconv -f $enc cannot decode it"
		continue
	fi
	LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only decode "$f" 2> /dev/null |
	    text > "$T/got"
	sp=0
	cmp -s "$T/want" "$T/got" && sp=1
	[ $sp = 0 ] && echo "# $set_ $rel: sp-clean differs from $enc"
	u=-
	if [ $have_uchardet = 1 ]; then
		u=0
		ue=$(uchardet "$f")
		iconv -f "$ue" -t UTF-8 "$f" 2> /dev/null | text > "$T/u" &&
		    cmp -s "$T/want" "$T/u" && u=1
	fi
	c=-
	if [ $have_chardet = 1 ]; then
		c=0
		/usr/bin/python3 - "$f" > "$T/c" 2> /dev/null <<'PY' &&
import sys, chardet
data = open(sys.argv[1], "rb").read()
enc = chardet.detect(data)["encoding"]
sys.stdout.write(data.decode(enc))
PY
		    text < "$T/c" > "$T/c2" && cmp -s "$T/want" "$T/c2" && c=1
	fi
	echo "$set_ $sp $u $c" >> "$T/rows"
done < "$T/files"

gawk -v floor_dev=108 \
    -v floor_held=50 '
{
	n[$1]++; sp[$1] += $2
	if ($3 != "-") { u[$1] += $3; hu = 1 }
	if ($4 != "-") { c[$1] += $4; hc = 1 }
}
END {
	ok = bad = 0
	split("dev held", sets, " ")
	for (k = 1; k <= 2; k++) {
		s = sets[k]
		line = sprintf("%s: sp-clean %d of %d decoded exactly", s == "held" ? "held-out" : s, sp[s], n[s])
		if (hu) line = line sprintf(", uchardet alone %d", u[s])
		if (hc) line = line sprintf(", chardet alone %d", c[s])
		print line
		if (hu && sp[s] < u[s]) { bad++; printf "FAIL %s: sp-clean below uchardet\n", s }
		else ok++
		fl = s == "dev" ? floor_dev : floor_held
		if (sp[s] < fl) { bad++; printf "FAIL %s: below the floor of %d\n", s, fl }
		else ok++
	}
	printf "sp-clean-decode: %d ok, %d failed\n", ok, bad
	exit bad > 0
}' "$T/rows"
