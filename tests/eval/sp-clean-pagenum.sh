#!/bin/sh
# sp-clean-pagenum.sh BUILD: the page numbers the hardwrap step removes
# (pagenum.h), on pages whose page numbers are known:
#   printed pages   tests/eval/pagenum/NAME.in, speeches with the page
#                   numbers of a print layout put where pages broke
#                   (make-pages.py there), and NAME.gold without them:
#                   numbers removed right (precision) and page numbers
#                   removed (recall)
#   a real page     tests/data/corpus/001, a bulletin copied from a PDF:
#                   its page numbers, each read by hand in the page, with
#                   the characters around them (--explain's form), are
#                   tests/eval/pagenum/corpus-001.pages
#   clean pages     the other speech pages, the labelled web pages (w3m
#                   and naive dumps) and the clean published text, which
#                   have no page numbers: every number removed is wrong
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
C="$B/bin/sp-clean"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
ok=0
bad=0
pass() { ok=$((ok + 1)); }
fail() { bad=$((bad + 1)); echo "FAIL $*"; }
export LC_ALL=C.UTF-8

# Printed pages: the numbers inserted, left and wrongly removed, from the
# differences of the input and the output with the gold.
for f in tests/eval/pagenum/*.in; do
	"$C" --only hardwrap "$f" > "$T/out" || fail "sp-clean failed on $f"
	python3 - "${f%.in}.gold" "$f" "$T/out" <<'PY'
import difflib, re, sys

def digit_runs(gold, text, kind):
    """Runs of digits that text inserts into gold (kind 'insert') or
    that it lacks of gold (kind 'delete')."""
    sm = difflib.SequenceMatcher(None, gold, text, autojunk=False)
    n = 0
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if kind == 'insert' and op in ('insert', 'replace'):
            n += len(re.findall(r'\d+', text[b1:b2]))
        if kind == 'delete' and op in ('delete', 'replace'):
            n += len(re.findall(r'\d+', gold[a1:a2]))
    return n

gold, given, out = (open(p, encoding='utf-8').read() for p in sys.argv[1:])
print(digit_runs(gold, given, 'insert'), digit_runs(gold, out, 'insert'),
      digit_runs(gold, out, 'delete'))
PY
done > "$T/printed"
read -r inserted left lost <<EOF2
$(awk '{ i += $1; l += $2; d += $3 } END { print i + 0, l + 0, d + 0 }' "$T/printed")
EOF2
right=$((inserted - left))
awk -v r="$right" -v i="$inserted" -v l="$lost" 'BEGIN {
	printf "  printed pages: %d page numbers, %d removed, %d numbers of the text removed: precision %.3f, recall %.3f\n",
	    i, r, l, (r + l) ? r / (r + l) : 1, i ? r / i : 1 }'
if [ "$lost" -eq 0 ]; then pass; else fail "printed pages: $lost numbers of the text removed"; fi
if [ $((right * 100)) -ge $((inserted * 90)) ]; then pass; else
	fail "printed pages: $right of $inserted page numbers removed, below 0.90"; fi

# The real page: what was removed against the list.
"$C" --explain tests/data/corpus/001_a5a9ba5a6d09eae4.txt 2>&1 > /dev/null |
    sed -n 's/.*: page number removed: //p' > "$T/real"
want=$(wc -l < tests/eval/pagenum/corpus-001.pages)
got=$(wc -l < "$T/real")
hit=$(grep -cxF -f tests/eval/pagenum/corpus-001.pages "$T/real")
echo "  corpus-001 (real): $want page numbers, $got removed, $hit of them page numbers"
if [ "$hit" -eq "$want" ] && [ "$got" -eq "$want" ]; then pass; else
	fail "corpus-001: $hit of $want page numbers removed, $got in all"; fi

# Clean pages: nothing to remove.
wrong=0
pages=0
for f in tests/data/corpus/000_*.txt tests/data/corpus/002_*.txt \
    tests/data/labelled-web/[0-9]*.txt tests/data/labelled-web/naive/*.txt \
    tests/eval/clean/published/*.txt; do
	[ -f "$f" ] || continue
	pages=$((pages + 1))
	n=$("$C" --stats "$f" 2>&1 > /dev/null |
	    sed -n 's/.*hardwrap: page numbers removed: //p')
	wrong=$((wrong + ${n:-0}))
done
echo "  clean pages: $wrong numbers removed from $pages pages"
if [ "$wrong" -eq 0 ]; then pass; else fail "clean pages: $wrong numbers removed"; fi
echo "sp-clean-pagenum: $ok ok, $bad failed"
