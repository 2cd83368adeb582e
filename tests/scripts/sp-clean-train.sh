#!/bin/sh
# sp-clean-train.sh BUILD: make train's program, bin/sp-clean/gen/train.py,
# on a tree of a few tiny labelled pages (three sites, each page as a w3m
# dump, a naive dump and HTML, in Chinese and in English, and one page
# labelled by hand): it writes the model and the fold models, sp-clean
# loads them with --model, --stages 2 writes a model of version 2 that
# loads too, --cache keeps the pages' features and reads them back
# (without running sp-clean again) to the same model, --views learns from
# the views asked for, and a tree without its labelled pages is refused.
# Skipped when python3-sklearn is not installed (make deps installs it).
B=$1
C=$B/bin/sp-clean
TRAIN=bin/sp-clean/gen/train.py
. "${0%/*}/../lib.sh"

if ! /usr/bin/python3 -c 'import sklearn' 2>/dev/null; then
	echo "# skipped: python3-sklearn is not installed (make deps train)"
	echo "sp-clean-train: 0 ok, 0 failed"
	exit 0
fi

# page SITE N: a page of SITE: menu, date, headline, two paragraphs,
# related links, footer.  gold SITE N: its article.
page() {
	printf '首页 | 新闻 | 财经 | 体育 | 联系我们\n'
	printf '2012年1月%s日 星期一\n' "$2"
	printf '%s第%s篇：城市交通改善工作取得新进展\n' "$1" "$2"
	body "$1" "$2"
	printf '相关新闻\n• 天气预报\n• 股市行情\n'
	printf '版权所有 %s 2012 京ICP备0000%s号\n' "$1" "$2"
}
body() {
	printf '据本报记者报道，%s市今年第%s批公交线路已经开通运营，' "$1" "$2"
	printf '市民出行更加方便，沿线居民对此表示欢迎。\n'
	printf '有关部门表示，下一步将继续完善线路布局，提高服务水平，'
	printf '让更多群众享受到发展带来的便利。\n'
}
gold() {
	printf '%s第%s篇：城市交通改善工作取得新进展\n' "$1" "$2"
	body "$1" "$2"
}
# corpus DIR LANGUAGE: the pages of a labelled-web folder.
corpus() {
	mkdir -p "$1/naive" "$1/html" "$1/gold"
	printf 'id\tdomain\tencoding\tlanguage\n' > "$1/sources.tsv"
	n=0
	for sp in alpha.example:1 alpha.example:2 beta.example:3 \
	    gamma.example:4; do
		site=${sp%:*}
		k=${sp#*:}
		id=00$n
		n=$((n + 1))
		printf '%s\t%s\tutf-8\t%s\n' $id "$site" "$2" >> "$1/sources.tsv"
		page "$site" "$k" > "$1/$id.txt"
		page "$site" "$k" | tr '|' '\n' > "$1/naive/$id.txt"
		{
			printf '<html><head><title>%s</title></head><body>\n' "$site"
			page "$site" "$k" | sed 's|.*|<p>&</p>|'
			printf '</body></html>\n'
		} > "$1/html/$id.html"
		gold "$site" "$k" > "$1/gold/$id.txt"
	done
}
r=$t/root
corpus "$r/tests/data/labelled-web" zh
corpus "$r/tests/data/labelled-web-more" English
mkdir -p "$r/tests/eval/boilerplate"
echo hand-1 > "$r/tests/eval/boilerplate/TRAINED"
{
	echo '# http://www.delta.example/a.html'
	page delta.example 5 | awk '
	    /第5篇|据本报|有关部门/ { print "c\t" $0; next }
	    { print "b\t" $0 }'
} > "$r/tests/eval/boilerplate/hand-1.tsv"
page epsilon.example 6 > "$t/unseen.txt"

# train OUT ARGS...: train.py on the tree into OUT, with few trees (the
# test is of the program, not of the model's figures).
train() {
	out=$1
	shift
	OMP_NUM_THREADS=1 /usr/bin/python3 "$TRAIN" --root "$r" \
	    --out "$out" --trees 10 "$@" > "$t/log" 2>&1
}
differ() { ! cmp -s "$1" "$2"; }
# loads MODEL: sp-clean cleans a page with MODEL and keeps its article.
loads() {
	"$C" --model "$1" "$t/unseen.txt" > "$t/out" 2> "$t/err" &&
	    [ ! -s "$t/err" ] && grep -q '据本报记者报道' "$t/out"
}

train "$t/one" --cache "$t/cache" "$C"
expect "stage 1: exit 0" [ $? -eq 0 ]
cp "$t/log" "$t/one.log"
m=$t/one/bin/sp-clean/data/boilerplate.model
expect "stage 1: the model is written" [ -s "$m" ]
expect "stage 1: a model of version 1" \
    grep -q '^sp-clean boilerplate model 1$' "$m"
expect "stage 1: the fold models are written" \
    [ -s "$t/one/tests/eval/boilerplate-web/fold-4.model" ]
expect "stage 1: every page has its fold" \
    [ "$(grep -c '^web	' "$t/one/tests/eval/boilerplate-web/folds.tsv")" = 4 ]
expect "stage 1: figures of both views are reported" \
    grep -q 'web   w3m    stream content kept' "$t/log"
expect "stage 1: sp-clean loads the model" loads "$m"
expect "stage 1: sp-clean loads a fold model" \
    loads "$t/one/tests/eval/boilerplate-web/fold-0.model"
expect "stage 1: the cache is written" [ -s "$t/cache" ]

# The cache is read, not remade: an sp-clean that cannot run is not run.
train "$t/again" --cache "$t/cache" /nonexistent/sp-clean
expect "cache: exit 0" [ $? -eq 0 ]
expect "cache: the same model" \
    cmp -s "$m" "$t/again/bin/sp-clean/data/boilerplate.model"

# learnt LOG: the lines learnt from, as the log says.
learnt() { sed -n 's/^learning from \([0-9]*\) lines.*/\1/p' "$1"; }
one=$(learnt "$t/one.log")
train "$t/alone" --cache "$t/cache" --views alone /nonexistent/sp-clean
expect "views alone: exit 0" [ $? -eq 0 ]
expect "views alone: as many lines, of the other view" \
    [ "$(learnt "$t/log")" = "$one" ] && grep -q 'the views alone$' "$t/log"

train "$t/two" --cache "$t/cache" --stages 2 --cut 0.8 --views alone,stream \
    /nonexistent/sp-clean
expect "stage 2: exit 0" [ $? -eq 0 ]
m2=$t/two/bin/sp-clean/data/boilerplate.model
expect "stage 2: a model of version 2" \
    grep -q '^sp-clean boilerplate model 2$' "$m2"
expect "stage 2: the cut-off asked for" grep -q '^threshold 0.80$' "$m2"
expect "stage 2: sp-clean loads the model" loads "$m2"
expect "views alone,stream: the web pages learnt twice" \
    [ "$(learnt "$t/log")" -gt "$one" ]

train "$t/none" --root "$t/empty" "$C"
expect "no labelled pages: refused" [ $? -ne 0 ]
expect "no labelled pages: nothing written" [ ! -e "$t/none" ]

echo "sp-clean-train: $n_ok ok, $n_bad failed"
[ $n_bad -eq 0 ]
