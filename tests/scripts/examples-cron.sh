#!/bin/sh
# examples-cron.sh BUILD: examples/cron/sp-daily, run on two days of
# fixture pages (form-feed pages, HTML, a GBK page, JSON Lines, an exact
# and a near copy of a document across the days, a broken JSON Lines
# file): documents written one a file, copies across days dropped, the
# log's lines; a second run while one holds the lock is refused, or
# waits with -w; and a failure injected anywhere (a failing sp-dedupe, a
# signal, an unwritable log, an output that cannot be made) leaves the
# store and the output directory as they were.
B=$1
. "${0%/*}/../lib.sh"
JOB=${SP_DAILY_JOB-$(pwd)/examples/cron/sp-daily}
for tool in sp-clean sp-split sp-dedupe; do
	if [ ! -x "$B/bin/$tool" ]; then
		echo "# $tool is not in this build (ONLY): not run"
		echo "examples-cron: 0 ok, 0 failed"
		exit 0
	fi
done
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
PATH="$B/bin:$PATH"
export PATH
unset SP_INPUT SP_OUTPUT SP_STORE SP_LOG SP_DONE SP_KEEP SP_WAIT SP_DEDUPE \
    SP_LOCK
# lastlog PATTERN: the log's last line matches.
lastlog() { tail -n 1 "$L" | grep -q "$1"; }

S=$t/store O=$t/out L=$t/log
mkdir "$t/in" "$t/day1" "$t/day2" "$t/bin"
# The state of the store and output: what a failed run must not change.
state() {
	{
		find "$O" "$S" -name '.sp-daily*' -prune -o -type f -print |
		    grep -v '/lock' | sort
		find "$O" -type f ! -path '*/.sp-daily*' | sort | xargs cat
		sp-dedupe --store "$S" --store-info 2> /dev/null |
		    grep -iv 'runs\|time\|made\|last\|size'
	} > "$1"
	ls -a "$O" >> "$1"
}
# count DIR: the files in DIR
count() { find "$1" -type f ! -path '*/.sp-daily*' | wc -l | tr -d ' '; }

# Day one: a page of five speeches, an HTML page, a GBK page, a form-feed
# file of two documents, ten Common Crawl records.
cp tests/data/corpus/001_*.txt "$t/day1/a-speeches.txt"
printf '<html><head><title>t</title><style>p{}</style></head><body>\n<p>关于加强机关作风建设的通知</p><p>各单位：为进一步加强机关作风建设，切实转变工作作风，提高工作效率和服务水平，现就有关事项通知如下。</p>\n<p>一、提高思想认识。作风建设是机关建设的永恒主题，各单位要把作风建设摆在突出位置，抓紧抓实抓好。</p></body></html>\n' \
    > "$t/day1/b-notice.html"
iconv -f UTF-8 -t GBK -c tests/data/corpus/000_*.txt > "$t/day1/c-page.gbk.txt"
printf '在全市安全生产工作会议上的讲话\n同志们：今年以来，全市安全生产形势总体平稳，但事故隐患依然存在，我们必须保持清醒头脑，坚持安全第一、预防为主、综合治理的方针，落实企业主体责任和部门监管责任，坚决遏制重特大事故发生。\n\f\n在全市教育工作会议上的讲话\n同志们：教育是国之大计、党之大计，我们要坚持优先发展教育事业，深化教育领域综合改革，加快推进教育现代化，办好人民满意的教育，为全市经济社会发展提供人才支撑。\n' \
    > "$t/day1/d-two.txt"
head -n 10 tests/data/web/commoncrawl-zh-100.jsonl > "$t/day1/e-crawl.jsonl"

# Day two: the GBK page again, re-encoded as UTF-8 (an exact copy once
# clean); the safety speech lightly edited (a near copy); a new speech;
# a JSON Lines file with a broken record.
iconv -f GBK -t UTF-8 "$t/day1/c-page.gbk.txt" > "$t/day2/a-same.txt"
printf '在全市安全生产工作会议上的讲话\n同志们：今年以来，全市安全生产形势总体平稳，但事故隐患依然存在，我们必须保持清醒头脑，坚持安全第一、预防为主、综合治理的方针，落实企业主体责任和部门监管责任，坚决遏制重特大事故的发生。\n' \
    > "$t/day2/b-near.txt"
printf '在全市农村工作会议上的讲话\n同志们：这次会议的主要任务是，总结去年农业农村工作，部署今年工作任务，动员全市上下全面推进乡村振兴，加快农业农村现代化步伐，让农民群众过上更加美好的生活。\n' \
    > "$t/day2/c-new.txt"
printf '{"text":"好的记录。"}\n{"text": broken\n' > "$t/day2/d-broken.jsonl"

# Day one.
cp "$t"/day1/* "$t/in/"
# From an empty directory, which must stay empty: the job writes only
# into its output, store, log and done directories.
mkdir "$t/cwd"
(cd "$t/cwd" && sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L") > "$t/out1" \
    2> "$t/err1"
st=$?
expect "day 1: exit 0 (got $st: $(head -c 300 "$t/err1"))" [ $st -eq 0 ]
expect "day 1: nothing written where the job was started" \
    [ -z "$(ls -A "$t/cwd")" ]
expect "day 1: one log line" [ "$(wc -l < "$L")" -eq 1 ]
line1=$(tail -n 1 "$L")
expect "day 1: log line ok, files 5: $line1" \
    grep -q 'sp-daily ok: files 5, documents [0-9]*, written [0-9]*, duplicates [0-9]*, errors 0$' "$L"
docs1=$(echo "$line1" | sed 's/.*documents \([0-9]*\),.*/\1/')
w1=$(echo "$line1" | sed 's/.*written \([0-9]*\),.*/\1/')
d1=$(echo "$line1" | sed 's/.*duplicates \([0-9]*\),.*/\1/')
expect "day 1: documents = written + duplicates ($line1)" \
    [ "$docs1" -eq $((w1 + d1)) ]
expect "day 1: at least 18 documents written ($w1)" [ "$w1" -ge 18 ]
expect "day 1: $w1 files in the output" [ "$(count "$O")" -eq "$w1" ]
expect "day 1: names STAMP-NNNNNN.txt" [ -z "$(ls "$O" |
    grep -v '^[0-9]\{8\}T[0-9]\{6\}Z-[0-9]\{6\}\.txt$')" ]
expect "day 1: nothing on stdout" [ ! -s "$t/out1" ]
expect "day 1: the inputs moved out" [ -z "$(ls "$t/in")" ]
expect "day 1: the inputs kept in .sp-done" \
    [ "$(find "$t/in/.sp-done" -type f | wc -l)" -eq 5 ]
expect "day 1: the GBK page decoded" grep -lq '国际商贸名城' "$O"/*
expect "day 1: the HTML page cleaned" grep -lq '^一、提高思想认识' "$O"/*
expect "day 1: no tags left" [ -z "$(grep -l '<p>' "$O"/*)" ]
expect "day 1: a speech of the page is a document" \
    grep -lq '^第二篇' "$O"/*
expect "day 1: the form-feed file gave two documents" [ "$(grep -l \
    '^在全市\(安全生产\|教育\)工作会议上的讲话$' "$O"/* | wc -l)" -eq 2 ]
f=$(grep -l '^在全市教育工作会议上的讲话$' "$O"/* | head -n 1)
expect "day 1: a document's file is its text" [ "$(cat "$f")" = \
    "$(sed -n '/^在全市教育/,$p' "$t/day1/d-two.txt")" ]
expect "day 1: JSON Lines records written" [ "$(cat "$O"/* | wc -c)" -gt 20000 ]
expect "day 1: no temporary directory left" \
    [ -z "$(find "$O" "$S" -name '.sp-daily*')" ]
expect "day 1: no empty file" [ -z "$(find "$O" -type f -empty)" ]

# Day two: the exact and the near copy dropped, the new speech written,
# the broken file reported and left in the input.
sleep 1		# a new stamp
cp "$t"/day2/* "$t/in/"
sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" > /dev/null 2> "$t/err2"
st=$?
expect "day 2: exit 1, a page unread (got $st)" [ $st -eq 1 ]
line2=$(tail -n 1 "$L")
expect "day 2: log: $line2" [ "$(echo "$line2" | sed 's/^[-0-9T:Z]* //')" = \
    "sp-daily ok, unread: d-broken.jsonl: files 4, documents 3, written 1, duplicates 2, errors 1" ]
expect "day 2: two log lines" [ "$(wc -l < "$L")" -eq 2 ]
expect "day 2: one more file" [ "$(count "$O")" -eq $((w1 + 1)) ]
expect "day 2: the new speech written" \
    [ "$(grep -l '^在全市农村工作会议上的讲话$' "$O"/* | wc -l)" -eq 1 ]
expect "day 2: the near copy dropped" [ "$(grep -l \
    '^在全市安全生产工作会议上的讲话$' "$O"/* | wc -l)" -eq 1 ]
expect "day 2: the broken file left in the input" \
    [ "$(ls "$t/in")" = d-broken.jsonl ]
expect "day 2: the error named on stderr" grep -q 'd-broken.jsonl' "$t/err2"

# A third run with nothing new changes nothing but the log.
rm -f "$t/in/d-broken.jsonl"
state "$t/before"
sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" 2> /dev/null
expect "nothing new: exit 0" [ $? -eq 0 ]
expect "nothing new: log" lastlog 'ok: files 0, documents 0, written 0, duplicates 0, errors 0$'
state "$t/after"
expect "nothing new: store and output unchanged" cmp -s "$t/before" "$t/after"

# Every page of day one again, all dropped: the store persisted.
cp "$t"/day1/* "$t/in/"
sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" -k 2> /dev/null
expect "day 1 again: all $docs1 dropped" lastlog \
    "ok: files 5, documents $docs1, written 0, duplicates $docs1,"
expect "-k: the pages stay" [ "$(ls "$t/in" | wc -l)" -eq 5 ]
rm -f "$t"/in/*

# Failures: a sp-dedupe that does its work and then fails, a signal in
# the middle, an unwritable log, an output that cannot be made.  Each
# leaves the store and the output as they were.
cp "$t/day2/c-new.txt" "$t/in/x-new.txt"
printf '在全市科技工作会议上的讲话\n同志们：科技是第一生产力，创新是引领发展的第一动力，我们要坚持创新驱动发展战略，加大研发投入，培育高新技术企业，推动科技成果转化，为高质量发展注入强劲动能。\n' \
    > "$t/in/y-new.txt"
real=$(command -v sp-dedupe)
mkdir "$t/failing" "$t/slow"
printf '#!/bin/sh\n"%s" "$@" || exit $?\nexit 2\n' "$real" > "$t/failing/sp-dedupe"
printf '#!/bin/sh\n"%s" "$@" || exit $?\nsleep 4\n' "$real" > "$t/slow/sp-dedupe"
chmod +x "$t/failing/sp-dedupe" "$t/slow/sp-dedupe"
state "$t/before"
PATH="$t/failing:$PATH" sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" \
    2> "$t/err"
expect "failing sp-dedupe: exit 2" [ $? -eq 2 ]
state "$t/after"
expect "failing sp-dedupe: store and output unchanged" \
    cmp -s "$t/before" "$t/after"
expect "failing sp-dedupe: logged" lastlog \
    'failed: files 2, errors 0: sp-dedupe failed (nothing changed)$'
expect "failing sp-dedupe: the pages stay" [ "$(ls "$t/in" | wc -l)" -eq 2 ]

sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l /dev/full 2> "$t/err"
expect "log on /dev/full: exit 2" [ $? -eq 2 ]
state "$t/after"
expect "log on /dev/full: store and output unchanged" \
    cmp -s "$t/before" "$t/after"
expect "log on /dev/full: said so" grep -q 'cannot write' "$t/err"
expect "log on /dev/full: the pages stay" [ "$(ls "$t/in" | wc -l)" -eq 2 ]

: > "$t/file"
sh "$JOB" -i "$t/in" -o "$t/file/out" -s "$S" -l "$L" 2> /dev/null
expect "an output that cannot be made: exit 2" [ $? -eq 2 ]
state "$t/after"
expect "an output that cannot be made: store unchanged" \
    cmp -s "$t/before" "$t/after"

PATH="$t/slow:$PATH" sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" \
    2> /dev/null &
pid=$!
i=0
while [ $i -lt 100 ] && [ ! -s "$(find "$O" -path '*/.sp-daily*/docs/all' |
    head -n 1)" ]; do
	sleep 0.1
	i=$((i + 1))
done
sleep 1
kill -TERM $pid
wait $pid
expect "a signal: exit 2" [ $? -eq 2 ]
state "$t/after"
expect "a signal: store and output unchanged" cmp -s "$t/before" "$t/after"
expect "a signal: no temporary directory left" \
    [ -z "$(find "$O" "$S" -name '.sp-daily*')" ]

# The lock: a second run while one works is refused (exit 3, logged);
# with -w it waits and then runs.  Both with flock and with mkdir.
for lock in flock mkdir; do
	cp "$t/day2/c-new.txt" "$t/in/x-new.txt" 2> /dev/null
	SP_LOCK=$lock PATH="$t/slow:$PATH" sh "$JOB" -i "$t/in" -o "$O" \
	    -s "$S" -l "$L" 2> /dev/null &
	pid=$!
	i=0
	while [ $i -lt 100 ] &&
	    [ -z "$(find "$O" -name '.sp-daily*' | head -n 1)" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	SP_LOCK=$lock sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" \
	    2> /dev/null
	expect "$lock: a second run refused: exit 3" [ $? -eq 3 ]
	expect "$lock: refusal logged" lastlog \
	    'sp-daily skipped: another run holds '
	SP_LOCK=$lock sh "$JOB" -w -i "$t/in" -o "$O" -s "$S" -l "$L" \
	    2> /dev/null
	expect "$lock: -w waits, then runs: exit 0" [ $? -eq 0 ]
	wait $pid
	expect "$lock: the first run succeeds" [ $? -eq 0 ]
	expect "$lock: the waiting run came second, finding nothing" \
	    lastlog 'ok: files 0,'
done
expect "the new documents written once" \
    [ "$(grep -l '^在全市科技工作会议上的讲话$' "$O"/* | wc -l)" -eq 1 ]
expect "no temporary directory left" \
    [ -z "$(find "$O" "$S" -name '.sp-daily*')" ]

# Two runs in one second: a clock that stands still names both runs'
# documents alike; the second takes the next free stamp.
mkdir "$t/clock"
printf '#!/bin/sh\necho 20300101T000000Z\n' > "$t/clock/date"
chmod +x "$t/clock/date"
for n in 1 2; do
	printf '在全市第%s次工作会议上的讲话\n同志们：这是第%s次会议的讲话稿，我们要认真总结经验，扎实推进各项工作落到实处。\n' \
	    "$n" "$n" > "$t/in/same-second.txt"
	PATH="$t/clock:$PATH" sh "$JOB" -i "$t/in" -o "$O" -s "$S" -l "$L" \
	    2> "$t/err"
	expect "same second, run $n: exit 0 ($(head -c 200 "$t/err"))" \
	    [ $? -eq 0 ]
done
expect "same second: both documents written, apart" \
    [ "$(ls "$O" | grep -c '^20300101T000000Z')" -eq 2 ]
expect "same second: the later stamp sorts last" \
    grep -q '第2次' "$O/$(ls "$O" | grep '^20300101T000000Z' | tail -n 1)"
expect "same second: each run's pages done apart" \
    [ "$(ls "$t/in/.sp-done" | grep -c '^20300101T000000Z')" -eq 2 ]

echo "examples-cron: $n_ok ok, $n_bad failed"
