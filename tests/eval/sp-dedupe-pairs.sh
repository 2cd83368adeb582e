#!/bin/sh
# sp-dedupe-pairs.sh BUILD: precision and recall of sp-dedupe's near and
# containment modes at their default thresholds, on labelled pairs of
# documents built from the corpus pages (tests/eval/dedupe/pairs.tsv):
# speeches and copies of them with names, years, placeholders (X, xx, 某市),
# paragraph order, site headers or punctuation edited, truncated and
# excerpted copies, 001's own truncated copy (第四篇 of 第二篇), different
# speeches on the same theme, different web pages (Common Crawl, as JSON
# Lines), and news articles (SogouCA): a real repost under another headline,
# edited copies, different articles on one theme.  Each pair is run as A then B; the pair is found when B is
# dropped.  Targets: precision >= 0.95, recall >= 0.90.
B=$1
D=$B/bin/sp-dedupe
. "${0%/*}/../lib.sh"
C=tests/data/corpus
W=tests/data/web/commoncrawl-zh-100.jsonl

# doc NAME: the text of a base document.
doc() {
	case $1 in
	000)  sed -n 8p $C/000_a380da0ee0027f44.txt | gawk 1 | sed 's/   */\n/g' ;;
	001a) sed -n 1,34p $C/001_a5a9ba5a6d09eae4.txt ;;
	001b) sed -n 35,67p $C/001_a5a9ba5a6d09eae4.txt ;;
	001c) sed -n 68,90p $C/001_a5a9ba5a6d09eae4.txt ;;
	001d) sed -n 91,100p $C/001_a5a9ba5a6d09eae4.txt ;;
	001e) sed -n 101,119p $C/001_a5a9ba5a6d09eae4.txt ;;
	002a) sed -n 13,60p $C/002_d6dbffc23111a032.txt ;;
	002b) sed -n 61,136p $C/002_d6dbffc23111a032.txt ;;
	002c) sed -n 137,154p $C/002_d6dbffc23111a032.txt ;;
	002d) sed -n 155,428p $C/002_d6dbffc23111a032.txt ;;
	002e) sed -n 429,476p $C/002_d6dbffc23111a032.txt ;;
	cc*)  sed -n "${1#cc}p" $W ;;
	sg*)  gawk -v n="${1#sg}" 'BEGIN { RS = "\n\f\n" } NR == n' "$t/sogou" |
	      sed 's/。/。\n/g' ;;	# one line a sentence
	esac
}

# The SogouCA articles' contents, as UTF-8 documents.
iconv -f GBK -t UTF-8 -c tests/data/web/sogouca-news-200.gbk.xml 2> /dev/null |
    gawk 'BEGIN { RS = "</doc>" } /<content>/ {
	match($0, /<content>[^<]*<\/content>/)
	printf "%s\n\f\n", substr($0, RSTART + 9, RLENGTH - 19) }' > "$t/sogou"

# The edits a copy goes through on a 范文 site.
names() {
	sed 's/孙 *建 *国/李 明 华/g; s/黄志平/王建军/g; s/衢州/丽水/g;
	    s/杭州/宁波/g; s/浙江/江苏/g; s/横店/东阳/g; s/习近平总书记/总书记/g'
}
years() { sed -E 's/(19|20)[0-9][0-9]/2021/g'; }
placeholders() {
	sed 's/衢州市/X市/g; s/杭州市/xx市/g; s/衢州/某市/g; s/杭州/某市/g;
	    s/横店/XX/g; s/[0-9][0-9.]*%/X%/g; s/[0-9][0-9]*年/XX年/g'
}
# Paragraphs swapped in pairs, and the last one moved up to second.
order() {
	gawk 'NF { p[++n] = $0 } END {
		for (i = 2; i + 1 < n; i += 4) { s = p[i]; p[i] = p[i + 1]; p[i + 1] = s }
		print p[1]; if (n > 2) print p[n]
		for (i = 2; i < n; i++) print p[i]; if (n == 2) print p[2]
	}'
}
header() {
	printf '当前位置：首页 > 范文大全 > 讲话稿\n来源：某某公文网 发布时间：2021-06-01 浏览：128次\n'
	cat
	printf '推荐访问：讲话稿 工作总结 心得体会\n版权所有：某某公文网 备案号：浙ICP备12345678号\n'
}
header_json() {
	sed 's/"text":"/"text":"当前位置：首页 > 范文大全\\n来源：某某公文网 发布时间：2021-06-01\\n/;
	    s/"}$/\\n推荐访问：讲话稿 工作总结\\n版权所有：某某公文网"}/'
}
punct() { sed 's/,/，/g; s/:/：/g; s/(/（/g; s/)/）/g; s/。/。 /g; s/“/"/g; s/”/"/g'; }
# The first 30% of the paragraphs; the middle 45%.
trunc() { gawk 'NF { p[++n] = $0 } END { for (i = 1; i <= int(n * 0.3) + 1; i++) print p[i] }'; }
excerpt() { gawk 'NF { p[++n] = $0 } END { for (i = int(n * 0.3) + 1; i <= int(n * 0.75); i++) print p[i] }'; }

edit() {
	case $1 in
	none|as-is-*) cat ;;
	all)   names | years | placeholders | order | header ;;
	header) case $2 in cc*) header_json ;; *) header ;; esac ;;
	*)     $1 ;;
	esac
}

# build_pair ID A B EDIT: the pair's input, A then B, made once.
build_pair() {
	case $2 in
	cc*) { doc "$2"; doc "$3" | edit "$4" "$3"; } > "$t/$1" ;;
	*)   { doc "$2"; printf '\f\n'; doc "$3" | edit "$4" "$3"; } > "$t/$1" ;;
	esac
}

# found OPTIONS ID A: is B dropped after A?
found() {
	opts=$1
	case $3 in
	cc*) set -- --jsonl "$t/$2" ;;
	*)   set -- -d "$t/$2" ;;
	esac
	# shellcheck disable=SC2086
	"$D" $opts --report "$t/rep" "$@" > /dev/null 2> "$t/err" ||
	    { echo "FAIL sp-dedupe $opts $* exited $?"; cat "$t/err"
	      n_bad=$((n_bad + 1)); }
	[ "$(wc -l < "$t/rep")" -gt 1 ]
}

# evaluate NAME OPTIONS [KINDS]: precision and recall over the pairs
# (only those whose edit is in KINDS, when given).
evaluate() {
	tp=0 fp=0 fn=0 tn=0
	while IFS='	' read -r id label a b e; do
		case $id in '#'*) continue ;; esac
		if [ -n "$3" ] && [ "$label" = dup ]; then
			case " $3 " in *" $e "*) ;; *) continue ;; esac
		fi
		[ -f "$t/$id" ] || build_pair "$id" "$a" "$b" "$e"
		if found "$2" "$id" "$a"; then
			if [ "$label" = dup ]; then tp=$((tp + 1)); else
				fp=$((fp + 1)); echo "# $1: false positive $id: $a $b"; fi
		else
			if [ "$label" = dup ]; then fn=$((fn + 1))
				echo "# $1: missed $id: $a $b ($e)"
			else tn=$((tn + 1)); fi
		fi
	done < tests/eval/dedupe/pairs.tsv
	awk -v n="$1" -v tp=$tp -v fp=$fp -v fn=$fn -v tn=$tn 'BEGIN {
		p = tp + fp ? tp / (tp + fp) : 1; r = tp + fn ? tp / (tp + fn) : 1
		printf "%s: precision %.3f recall %.3f (%d found, %d false, %d missed, %d distinct kept)\n",
		    n, p, r, tp, fp, fn, tn
		printf "%.3f %.3f\n", p, r > "/dev/stderr"
	}' 2> "$t/pr"
	read -r prec rec < "$t/pr"
}

check() {
	if awk -v v="$2" -v m="$3" 'BEGIN { exit !(v >= m) }'; then
		n_ok=$((n_ok + 1))
	else
		n_bad=$((n_bad + 1))
		echo "FAIL $1 $2 is below $3"
	fi
}

evaluate "--near --contained" "--near --contained"
check "--near --contained: precision" "$prec" 0.95
check "--near --contained: recall" "$rec" 0.90
evaluate "--near (edited copies)" "--near" \
    "names years placeholders order header punct all as-is-repost as-is-variant"
check "--near: precision" "$prec" 0.95
check "--near: recall" "$rec" 0.90
evaluate "--contained (truncated copies)" "--contained" \
    "trunc excerpt as-is-truncated"
check "--contained: precision" "$prec" 0.95
check "--contained: recall" "$rec" 0.90

echo "sp-dedupe-pairs: $n_ok ok, $n_bad failed"
