#!/bin/sh
# sp-clean-explain.sh BUILD: what --explain says of a dropped line is the
# line's own: every feature value it prints is the one --features gives
# for that line, even when the model was asked about the line a second
# time (the line without its repeats, or moved to the page's middle)
# before it was dropped.  Pages: a notice between a menu and a footer
# sentence that recurs on every page of the site, learned as furniture;
# a page whose last lines repeat one sentence.
B=$1
C=$B/bin/sp-clean
. "${0%/*}/../lib.sh"

page() {
	printf '首页 > 新闻中心 > 正文\n关于做好第%s季度安全工作的通知\n' "$1"
	printf '各单位：为切实做好安全工作，现将第%s季度的有关事项通知如下。\n' "$1"
	printf '一、高度重视安全工作，认真落实各项责任。\n'
	printf '联系我们 | 网站地图 | 设为首页\n'
	printf '本站所有文章，未经许可不得转载。\n'
	printf '本站所有文章，未经许可不得转载。\n'
}
for i in 1 2 3 4; do
	page "$i"
	printf '\f\n'
done > "$t/site.txt"
{
	# Two links and a comma: three bars would be a menu written on one
	# line, and words of the site alone a line of vocabulary, which go
	# by rule, not by the model.
	printf '设为首页，加入收藏\n'
	printf '今天的会议开得很成功。\n'
	yes '请各位代表按时参会。' | head -n 40
} > "$t/tail.txt"

# check FILE ARGS...: each "name=value" of a dropped line's explanation
# equals that feature's value in the line's --features row.
check() {
	f=$1
	shift
	"$C" -j1 "$@" --features "$f" > "$t/features" 2> "$t/err"
	expect "$f: --features exit 0" [ $? -eq 0 ]
	"$C" -j1 "$@" --explain "$f" > /dev/null 2> "$t/explain"
	expect "$f: --explain exit 0" [ $? -eq 0 ]
	expect "$f: something dropped" grep -q ': dropped (model' "$t/explain"
	LC_ALL=C.UTF-8 awk -F '\t' '
	FILENAME == ARGV[1] {
		if ($0 ~ /^#features/) {
			for (i = 2; i <= NF; i++) col[$i] = i
			next
		}
		if ($0 == "\f") next
		n++
		text[n] = $NF
		row[n] = $0
		next
	}
	/: dropped \(model / {
		# The text after the explanation: the first ")" and ": "
		# after "dropped (", the feature parts being "(+w), ".
		t = substr($0, index($0, ": dropped (") + 11)
		t = substr(t, index(t, "): ") + 3)
		# The rows in order: this line is the next with its text.
		while (at < n && text[at + 1] != t) at++
		if (at >= n) { print "no features row for: " t; bad++; exit }
		at++
		split(row[at], v, "\t")
		e = $0
		sub(/^[^:]*: [^:]*: dropped \(model [0-9.]*: /, "", e)
		sub(/\)[;)].*$/, ")", e)
		m = split(e, part, /, /)
		for (k = 1; k <= m; k++) {
			name = part[k]; sub(/=.*/, "", name)
			val = part[k]; sub(/^[^=]*=/, "", val); sub(/ .*/, "", val)
			got = v[col[name]]
			if (got == val) { ok++; continue }
			d = got - val
			if (got != "nan" && val != "nan" && (d < 0 ? -d : d) <= 1e-4 * (1 + (val < 0 ? -val : val))) { ok++; continue }
			printf "%s: %s: explained %s=%s, --features %s\n", \
			    FILENAME, t, name, val, got
			bad++
		}
	}
	END { print ok + 0, bad + 0 > "/dev/stderr"; exit bad > 0 }
	' "$t/features" "$t/explain" 2> "$t/counts"
	st=$?
	read -r good wrong < "$t/counts"
	expect "$f: $good explained values are the line's ($wrong not)" \
	    [ "$st" -eq 0 -a "$good" -gt 0 ]
}

check "$t/site.txt" --learn-furniture
check "$t/tail.txt"
echo "sp-clean-explain: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
