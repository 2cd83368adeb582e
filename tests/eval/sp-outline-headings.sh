#!/bin/sh
# sp-outline-headings.sh BUILD: heading precision and recall of sp-outline
# against the hand-checked outlines in tests/eval/outline, and how often
# the level and the title of a found heading are right.  Headings and
# items (-i) are counted apart.  Prints the figures, then a threshold check
# of each, and last "sp-outline-headings: N ok, N failed".
B=$1
S="$B/bin/sp-outline"
E=tests/eval/outline
export LC_ALL=C.UTF-8
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
n_ok=0
n_bad=0

# flat: one line a heading: doc, offset, level, item, line, marker, title.
flat() {
	jq -r --slurp 'to_entries[] | .key as $d | .value | .. | objects |
	    select(has("marker")) | [$d, .offset, .level, (.item // false),
	    .line, .marker, .title] | @tsv'
}

: > "$t/want"
: > "$t/got"
for page in 000 001 002 rules cc100; do
	jsonl=
	case $page in
	rules)	in=$E/rules.txt ;;
	cc100)	in=tests/data/web/commoncrawl-zh-100.jsonl; jsonl=--jsonl ;;
	*)	in=$(ls tests/data/corpus/${page}_*.txt) ;;
	esac
	for mode in plain items; do
		flags=-j
		exp=$E/$page.json
		if [ $mode = items ]; then
			flags="-j -i"
			exp=$E/$page-items.json
		fi
		flat < "$exp" | sed "s/^/$page $mode	/" >> "$t/want"
		if [ -n "$jsonl" ]; then
			"$S" $jsonl $flags "$in" | jq '.outline'
		else
			"$S" $flags "$in"
		fi | flat | sed "s/^/$page $mode	/" >> "$t/got"
	done
done

# Headings are those of the plain runs; items those of the -i runs that
# are items (their item column is true).
awk -F '\t' -v OFS='\t' '
FNR == 1 { file++ }
{
	key = $1 FS $2 FS $3
	kind = ($1 ~ / items$/) ? ($5 == "true" ? "items" : "") : "headings"
	if (kind == "")
		next
	# The web pages were labelled after the rules were written: a
	# held-out set, reported apart.
	if ($1 ~ /^cc100/)
		kind = "web-" kind
	if (file == 1) {
		want[kind]++
		wl[key] = $4; wt[key] = $7; wk[key] = kind
		if (!(kind in got)) got[kind] = 0
	} else {
		got[kind]++
		if (key in wl && wk[key] == kind) {
			tp[kind]++
			if (wl[key] == $4) lv[kind]++
			if (wt[key] == $7) ti[kind]++
		} else
			fp[kind] = fp[kind] sprintf("  extra %s line %s: %s%s\n", $1, $6, $7, $8)
		seen[key] = 1
	}
}
END {
	for (k in wl)
		if (!(k in seen)) {
			split(k, a, FS)
			miss[wk[k]] = miss[wk[k]] sprintf("  missed %s offset %s: %s\n", a[1], a[3], wt[k])
		}
	n = split("headings items web-headings web-items", kinds, " ")
	for (i = 1; i <= n; i++) {
		k = kinds[i]
		p = got[k] ? tp[k] / got[k] : 0
		r = want[k] ? tp[k] / want[k] : 0
		l = tp[k] ? lv[k] / tp[k] : 0
		t = tp[k] ? ti[k] / tp[k] : 0
		printf "%s: precision %.4f recall %.4f (%d right of %d found, %d labelled)\n", k, p, r, tp[k], got[k], want[k]
		printf "%s: level accuracy %.4f title accuracy %.4f\n", k, l, t
		printf "%s", fp[k] miss[k]
		# The target of the issue, 0.98, holds for the labelled corpus pages
		# and rule cases.  The web pages are held out (labelled after the
		# rules were fixed, never tuned on): their floor guards against
		# regressions at what was measured.
		printf "FIG %s-precision %.4f %s\nFIG %s-recall %.4f %s\n", k, p, k ~ /^web/ ? "0.90" : "0.98", k, r, k ~ /^web/ ? "0.95" : "0.98"
		# Item levels: 9 of the 92 labelled items (002 篇四) sit under
		# an agenda line the reader does not count as their parent.
		printf "FIG %s-level %.4f %s\nFIG %s-title %.4f %s\n", k, l, k == "items" ? "0.85" : "0.95", k, t, k ~ /^web/ ? "0.90" : "0.95"
	}
}' "$t/want" "$t/got" > "$t/figures"

grep -v '^FIG ' "$t/figures"
while read -r _ name value floor; do
	if awk -v v="$value" -v f="$floor" 'BEGIN { exit !(v >= f) }'; then
		n_ok=$((n_ok + 1))
	else
		n_bad=$((n_bad + 1))
		echo "FAIL $name $value is below $floor"
	fi
done <<END
$(grep '^FIG ' "$t/figures")
END
[ -s "$t/got" ] || { n_bad=$((n_bad + 1)); echo "FAIL sp-outline found nothing"; }
echo "sp-outline-headings: $n_ok ok, $n_bad failed"
