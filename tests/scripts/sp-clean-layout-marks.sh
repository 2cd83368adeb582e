#!/bin/sh
# sp-clean-layout-marks.sh BUILD: what the layout finds of a line, as
# --features shows it to the model: a style sheet a text dump left is
# code (m_code), a line of prose with a colon and a semicolon is not;
# a page's title that its source wrapped over lines, in the <title> and
# in the headline, is the title (title) in every line of the headline.
B=$1
C=$B/bin/sp-clean
. "${0%/*}/../lib.sh"

# col NAME: the column of feature NAME in $t/feat.
col() {
	head -n 1 "$t/feat" | tr '\t' '\n' | grep -nx "$1" | cut -d: -f1
}
# value NAME LINE: feature NAME of the line (0-based) numbered LINE.
value() {
	awk -F '\t' -v c="$(col "$1")" -v n="$2" '$1 == n { print $c }' \
	    "$t/feat"
}

printf '%s\n' '#NewsTopText img {' 'padding:3px 8px 0px 8px;' \
    'font-family : Verdana, Arial, 新細明體; opacity : 0;}' \
    '注意: 会议时间另行通知; 请各单位做好准备。' \
    '今天的会议开得很成功，各位代表要把会议精神带回去，认真传达学习。' \
    > "$t/css.txt"
"$C" --features "$t/css.txt" > "$t/feat"
expect "--features ran" [ -s "$t/feat" ]
expect "a selector is code" [ "$(value m_code 0)" = 1 ]
expect "a declaration is code" [ "$(value m_code 1)" = 1 ]
expect "declarations, one closing the block, are code" \
    [ "$(value m_code 2)" = 1 ]
expect "prose with a colon and a semicolon is not code" \
    [ "$(value m_code 3)" = 0 ]

{
	printf '戴隐形眼镜吹暖气 女得干眼症\n'
	printf '烤干眼睛水分 双眼灼热干涩\n'
	printf '入冬患者增四成 避免暖气直吹眼 - 台视新闻\n'
	printf '首页\n新闻\n'
	printf '戴隐形眼镜吹暖气 女得干眼症\n'
	printf '烤干眼睛水分 双眼灼热干涩\n'
	printf '入冬患者增四成 避免暖气直吹眼\n'
	printf '这几天寒流来袭，大家都爱用电暖气，只是眼科患者也因此多了四成。\n'
} > "$t/title.txt"
"$C" --features "$t/title.txt" > "$t/feat"
n=$(awk -F '\t' 'NR > 1 { n++ } END { print n + 0 }' "$t/feat")
expect "every line has its features ($n)" [ "$n" -eq 9 ]
for i in 5 6 7; do
	expect "headline line $i is the title" [ "$(value title $i)" = 1 ]
done
expect "the menu is not" [ "$(value title 3)" = 0 ]

echo "sp-clean-layout-marks: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
