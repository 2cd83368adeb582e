#!/bin/sh
# sp-clean-furniture.sh BUILD: the lines sites repeat, counted (issue 14):
# the furniture features as --features shows them, in one run (a file of
# pages, JSON Lines of two sites, standard input through a pipe) and
# across runs with a store (--furniture, --site); the store left as it was
# by a run that fails; a store of another format, a damaged one, a locked
# one with --no-wait refused with exit 2; usage errors.
B=$1
C=$B/bin/sp-clean
. "${0%/*}/../lib.sh"

# page N: a page of a site: menu, title, text, footer.  The titles
# differ in words, not only in digits, which count alike.
page() {
	printf '网站首页 新闻中心 联系我们\n第%s篇报道：%s\n' "$1" \
	    "$(echo 春天来了 夏日炎炎 秋高气爽 | cut -d ' ' -f "$1")"
	printf '这是第%s篇报道的正文，讲了很多事情，内容非常丰富，值得一读。' "$1"
	printf '记者在现场看到，群众对此反响热烈。\n浏览次数：%s\n' "$(($1 * 37))"
	printf '版权所有 某某网站 2012\n'
}
pages() {
	for i in "$@"; do
		page "$i"
		printf '\f\n'
	done
}
# col NAME < FEATURES: "TEXT<TAB>VALUE" of feature NAME for each line.
col() {
	awk -F '\t' -v name="$1" '
	/^#features/ { for (i = 2; i <= NF; i++) if ($i == name) c = i
		next }
	$0 == "\f" { next }
	c { print $NF "\t" $c }'
}
# share TEXT-PREFIX < COL: the value of the first line starting so.
share() { awk -F '\t' -v p="$1" 'index($1, p) == 1 { print $2; exit }'; }

pages 1 2 3 > "$t/site.txt"
"$C" --features --learn-furniture "$t/site.txt" > "$t/f" 2> "$t/err"
expect "learn: exit 0" [ $? -eq 0 ]
col furniture < "$t/f" > "$t/col"
expect "learn: the menu is on every page" \
    [ "$(share 网站首页 < "$t/col")" = 1 ]
expect "learn: a title on one page of three" \
    [ "$(share 第2篇 < "$t/col")" = 0.333333 ]
expect "learn: digits made alike, the view counts are one line" \
    [ "$(share 浏览次数 < "$t/col")" = 1 ]
expect "learn: pages counted, log2(1 + 3)" \
    [ "$(col furniture_pages < "$t/f" | share 网站首页)" = 2 ]
# Without it nothing is known.
"$C" --features "$t/site.txt" | col furniture > "$t/col0"
expect "no furniture: unknown" [ "$(share 网站首页 < "$t/col0")" = nan ]
# Through a pipe: spooled, the same counts, and the same output.
cat "$t/site.txt" | "$C" --features --learn-furniture > "$t/f2" 2> "$t/err"
expect "pipe: the same features as the file" cmp -s "$t/f" "$t/f2"
cat "$t/site.txt" | "$C" --learn-furniture > "$t/o1"
"$C" --learn-furniture "$t/site.txt" > "$t/o2"
expect "pipe: the same output as the file" cmp -s "$t/o1" "$t/o2"
# Operands are sites of their own, unless --site names one.
pages 1 > "$t/a.txt"
pages 2 > "$t/b.txt"
"$C" --features --learn-furniture "$t/a.txt" "$t/b.txt" | col furniture \
    > "$t/col"
expect "operands: each its own site" [ "$(share 网站首页 < "$t/col")" = 1 ]
"$C" --features --learn-furniture "$t/a.txt" "$t/b.txt" | col \
    furniture_pages > "$t/col"
expect "operands: one page a site" [ "$(share 网站首页 < "$t/col")" = 1 ]
"$C" --features --learn-furniture --site x "$t/a.txt" "$t/b.txt" | col \
    furniture_pages > "$t/col"
expect "--site: one site of two pages" \
    [ "$(share 网站首页 < "$t/col")" = 1.58496 ]
# JSON Lines: the url's host is the site.
for i in 1 2 3; do
	host=a.example.com
	[ $i -eq 3 ] && host=www.B.example.com
	page $i | python3 -c 'import json, sys
print(json.dumps({"url": sys.argv[1], "text": sys.stdin.read()},
    ensure_ascii=False))' "http://$host/p$i.html"
done > "$t/pages.jsonl"
"$C" --jsonl --features --learn-furniture "$t/pages.jsonl" > "$t/fj"
expect "jsonl: exit 0" [ $? -eq 0 ]
python3 -c 'import json, sys
for l in sys.stdin: print(json.loads(l)["text"])' < "$t/fj" |
    col furniture_pages > "$t/col"
expect "jsonl: two pages of a.example.com, then one of b" \
    [ "$(awk -F '\t' 'index($1, "网站首页") == 1 { print $2 }' \
    "$t/col" | tr '\n' ' ')" = "1.58496 1.58496 1 " ]

# The store: counts across runs, by --site.
S=$t/store
pages 1 2 > "$t/day1.txt"
pages 3 > "$t/day2.txt"
"$C" --furniture "$S" --site x.cn "$t/day1.txt" > /dev/null 2> "$t/err"
expect "store: the first run exits 0" [ $? -eq 0 ]
expect "store: made" [ -f "$S/data.mdb" ]
"$C" --features --furniture "$S" --site x.cn "$t/day2.txt" > "$t/f" \
    2> "$t/err"
col furniture_pages < "$t/f" > "$t/col"
expect "store: the second run knows the first's pages (3 in all)" \
    [ "$(share 网站首页 < "$t/col")" = 2 ]
col furniture < "$t/f" > "$t/col"
expect "store: the menu on all three" [ "$(share 网站首页 < "$t/col")" = 1 ]
expect "store: the new title on one" \
    [ "$(share 第3篇 < "$t/col")" = 0.333333 ]
if command -v mdb_dump > /dev/null 2>&1; then
	runs() { mdb_dump -p -s meta "$S" | awk '/^ runs$/ { getline; print $1 }'; }
	expect "store: two runs committed" [ "$(runs)" = 2 ]
	# A run that fails (an operand it cannot read) adds nothing.
	before=$(mdb_dump -p -s counts "$S" | md5sum)
	"$C" --furniture "$S" --site x.cn "$t/day2.txt" "$t/nosuch" \
	    > /dev/null 2> "$t/err"
	expect "failed run: exit 2" [ $? -eq 2 ]
	expect "failed run: the store left unchanged, and said so" \
	    grep -q "store left unchanged" "$t/err"
	expect "failed run: counts as they were" \
	    [ "$(mdb_dump -p -s counts "$S" | md5sum)" = "$before" ]
	expect "failed run: not counted as a run" [ "$(runs)" = 2 ]
fi
# A page read again counts once: in a later run (a day run twice, a page
# crawled again), and within one run (one page under two URLs).
"$C" --features --furniture "$S" --site x.cn "$t/day2.txt" > "$t/f" \
    2> "$t/err"
col furniture_pages < "$t/f" > "$t/col"
expect "store: a page read again adds no page (3 in all)" \
    [ "$(share 网站首页 < "$t/col")" = 2 ]
col furniture < "$t/f" > "$t/col"
expect "store: a page read again, its title still on one of three" \
    [ "$(share 第3篇 < "$t/col")" = 0.333333 ]
"$C" --furniture "$t/s2" --site y.cn "$t/day1.txt" > "$t/o1" 2> "$t/err"
"$C" --furniture "$t/s2" --site y.cn --stats "$t/day1.txt" > "$t/o2" \
    2> "$t/err"
expect "store: a run done twice writes the same" cmp -s "$t/o1" "$t/o2"
expect "store: the pages told as counted before" \
    grep -q "furniture: pages counted before: 2" "$t/err"
pages 1 1 2 > "$t/twice.txt"
"$C" --features --learn-furniture "$t/twice.txt" > "$t/f" 2> "$t/err"
col furniture < "$t/f" > "$t/col"
expect "learn: a page twice in a run counts once (its title on one of two)" \
    [ "$(share 第1篇 < "$t/col")" = 0.5 ]
# Locked by another run: --no-wait gives up.
if command -v flock > /dev/null 2>&1; then
	flock "$S/lock" sleep 3 &
	sleep 1
	"$C" --furniture "$S" --no-wait "$t/day2.txt" > /dev/null 2> "$t/err"
	expect "locked: exit 2 with --no-wait" [ $? -eq 2 ]
	expect "locked: said so" grep -q "store in use by another run" "$t/err"
	wait
fi
# Another tool's store, a damaged one: refused, not changed.
D=$B/bin/sp-dedupe
if [ -x "$D" ]; then
	printf 'a\n' | "$D" --store "$t/dstore" > /dev/null 2>&1
	"$C" --furniture "$t/dstore" "$t/day2.txt" > "$t/out" 2> "$t/err"
	expect "sp-dedupe's store: exit 2" [ $? -eq 2 ]
	expect "sp-dedupe's store: told why" grep -q "the store's format is" \
	    "$t/err"
	expect "sp-dedupe's store: nothing written" [ ! -s "$t/out" ]
fi
mkdir "$t/bad"
head -c 65536 /dev/urandom > "$t/bad/data.mdb"
"$C" --furniture "$t/bad" "$t/day2.txt" > /dev/null 2> "$t/err"
expect "damaged store: exit 2" [ $? -eq 2 ]
expect "damaged store: named" grep -q "^sp-clean: $t/bad: " "$t/err"

# Usage.
for args in "--no-wait" "--site x" "--furniture $S --learn-furniture" \
    "--learn-furniture --keep-boilerplate" "--features --keep-boilerplate" \
    "--site="; do
	"$C" $args < /dev/null > /dev/null 2> "$t/err"
	expect "usage: $args: exit 2" [ $? -eq 2 ]
done
echo "sp-clean-furniture: $n_ok ok, $n_bad failed"
