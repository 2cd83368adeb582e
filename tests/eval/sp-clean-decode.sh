#!/bin/sh
# sp-clean-decode.sh BUILD: step 1 on encoded files (tests/eval/decode,
# see its README): how many sp-clean --only decode turns into exactly the
# text that iconv gives from the encoding the file's folder names, next to
# uchardet alone (its answer given to iconv) and, where Debian's
# python3-chardet is installed, chardet alone.  Files are counted in two
# sets: dev (tuned on) and held-out (tests/eval/decode/heldout, never
# looked at while tuning); each file of real/ is judged again on its last
# 600 bytes, which leave a detector little to go on.  sp-clean must not do
# worse than uchardet on any set, nor fall under the floors below.
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

# judge FILE REL SET ENC: one row of the table, "SET SP UCHARDET CHARDET",
# each 1 when that decoder gave the text iconv gives from ENC ("-": not
# run).
judge() {
	if ! iconv -f "$4" -t UTF-8 "$1" 2> /dev/null | text > "$T/want"; then
		echo "FAIL $2: iconv -f $4 cannot decode it"
		return
	fi
	LC_ALL=C.UTF-8 "$B/bin/sp-clean" --only decode "$1" 2> /dev/null |
	    text > "$T/got"
	sp=0
	cmp -s "$T/want" "$T/got" && sp=1
	[ $sp = 0 ] && echo "# $3 $2: sp-clean differs from $4"
	u=-
	if [ $have_uchardet = 1 ]; then
		u=0
		ue=$(uchardet "$1")
		iconv -f "$ue" -t UTF-8 "$1" 2> /dev/null | text > "$T/u" &&
		    cmp -s "$T/want" "$T/u" && u=1
	fi
	c=-
	if [ $have_chardet = 1 ] && [ "$1" = "$f" ]; then
		c=0
		[ -f "$T/chardet/$n" ] && text < "$T/chardet/$n" > "$T/c2" &&
		    cmp -s "$T/want" "$T/c2" && c=1
	fi
	echo "$3 $sp $u $c" >> "$T/rows"
}

# short FILE: the last whole lines of FILE, 600 bytes at most (a line
# start is a character start in every encoding of real/), or its last
# line when that is longer: what a short page or a snippet gives a
# detector.  chardet is not run on these (it is slow to start).
short() {
	/usr/bin/python3 - "$1" <<'PY'
import sys
out = b""
for line in reversed(open(sys.argv[1], "rb").read().rstrip(b"\n").split(b"\n")):
    if len(out) + len(line) + 1 > 600 and out.strip():
        break
    out = line + b"\n" + out
sys.stdout.buffer.write(out)
PY
}

find "$D/real" "$D/made" -type f | LC_ALL=C sort > "$T/files"
: > "$T/rows"

# chardet's text of every file, the N-th file's in $T/chardet/N, from one
# Python (it is slow to start); none where it cannot decode the file.
mkdir "$T/chardet"
if [ $have_chardet = 1 ]; then
	/usr/bin/python3 - "$T/files" "$T/chardet" 2> /dev/null <<'PY'
import sys, chardet
for n, name in enumerate(open(sys.argv[1]).read().split("\n")[:-1], 1):
    data = open(name, "rb").read()
    try:
        text = data.decode(chardet.detect(data)["encoding"])
    except (TypeError, LookupError, UnicodeDecodeError):
        continue
    with open("%s/%d" % (sys.argv[2], n), "w", encoding="utf-8") as f:
        f.write(text)
PY
fi
n=0
while read -r f; do
	n=$((n + 1))
	rel=${f#$D/}
	set_=dev
	grep -qxF "$rel" "$D/heldout" && set_=held
	enc=$(iconv_name "$(basename "$(dirname "$f")")")
	judge "$f" "$rel" $set_ "$enc"
	case $rel in
	real/*)
		short "$f" > "$T/short"
		judge "$T/short" "$rel" $set_-short "$enc"
		;;
	esac
done < "$T/files"

gawk -v floor_dev=108 -v floor_held=50 -v floor_dev_short=86 \
    -v floor_held_short=40 '
{
	n[$1]++; sp[$1] += $2
	if ($3 != "-") { u[$1] += $3; hu[$1] = 1 }
	if ($4 != "-") { c[$1] += $4; hc[$1] = 1 }
}
END {
	ok = bad = 0
	split("dev held dev-short held-short", sets, " ")
	fl["dev"] = floor_dev; fl["held"] = floor_held
	fl["dev-short"] = floor_dev_short; fl["held-short"] = floor_held_short
	for (k = 1; k <= 4; k++) {
		s = sets[k]
		name = s
		sub(/^held/, "held-out", name)
		sub(/-short$/, ", last 600 bytes of real/", name)
		line = sprintf("%s: sp-clean %d of %d decoded exactly", name, sp[s], n[s])
		if (hu[s]) line = line sprintf(", uchardet alone %d", u[s])
		if (hc[s]) line = line sprintf(", chardet alone %d", c[s])
		print line
		if (hu[s] && sp[s] < u[s]) { bad++; printf "FAIL %s: sp-clean below uchardet\n", s }
		else ok++
		if (sp[s] < fl[s]) { bad++; printf "FAIL %s: below the floor of %d\n", s, fl[s] }
		else ok++
	}
	printf "sp-clean-decode: %d ok, %d failed\n", ok, bad
	exit bad > 0
}' "$T/rows"
