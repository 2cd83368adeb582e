#!/bin/sh
# sp-clean-jobs.sh BUILD: documents cleaned side by side (-j) come out as
# one thread writes them: the same bytes on stdout, the same messages in
# the same order on stderr, the same exit status, in every framing and
# with the units the main thread cleans itself (long ones, pieces, bad
# JSON Lines records) among them.
. "${0%/*}/../lib.sh"
B=$1
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
C="$B/bin/sp-clean"
D=tests/data

# same NAME ARGS... (input on stdin from $in): -j2, -j3 and -j8 give
# what -j1 gives.
same() {
	name=$1
	shift
	"$C" -j1 "$@" < "$in" > "$t/o1" 2> "$t/e1"
	s1=$?
	for j in 2 3 8; do
		"$C" -j$j "$@" < "$in" > "$t/o$j" 2> "$t/e$j"
		sj=$?
		expect "$name -j$j: stdout" cmp -s "$t/o1" "$t/o$j"
		expect "$name -j$j: stderr" cmp -s "$t/e1" "$t/e$j"
		expect "$name -j$j: status $sj, not $s1" [ "$sj" -eq "$s1" ]
	done
	# The run is not empty: a comparison of nothing proves nothing.
	expect "$name: output" [ -s "$t/o1" ]
}

# A stream of pages, several times over, with form-feed lines.
for k in 1 2 3 4 5 6; do
	for p in $D/corpus/*.txt; do
		cat "$p"
		printf '\n\f\n'
	done
done > "$t/pages"
in=$t/pages
same "pages" --explain --stats
same "pages --keep-boilerplate" --keep-boilerplate --nfkc
same "pages --only" --only unicode,punct,hardwrap

# Many small documents: the ring of jobs wraps round many times.
awk 'BEGIN { for (i = 0; i < 3000; i++)
	printf "第%d条 新闻,内容 很短.\n来源:本站\n\f\n", i }' > "$t/small"
in=$t/small
same "small documents" --explain --stats

# A document over 4 MB between small ones is cleaned by the main thread,
# after the ones before it are written.
{
	cat "$t/small"
	for k in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 \
	    23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40; do
		cat $D/corpus/*.txt
	done
	printf '\n\f\n'
	cat "$t/small"
} > "$t/mixed"
in=$t/mixed
expect "mixed: a document over 4 MB" [ "$(wc -c < "$t/mixed")" -gt 4194304 ]
same "a long document among short ones" --explain --stats

# Pieces of a document over --max-unit go to the workers too; their
# edges are joined in order.
in=$t/mixed
same "pieces" --max-unit 64K --stats

# NUL-separated documents.
tr '\f' '\0' < "$t/pages" > "$t/nul"
in=$t/nul
same "-z" -z --stats

# A document of over 4 MB (cleaned in blocks of lines, by the pool's
# threads or one after another) with mojibake at both ends: the evidence
# the mojibake step reads in its block is the same whatever -j is.
{
	printf '鐧惧害璐村惂鈥斺?斿叏\n'
	yes '机关干部要进一步转变工作作风，这是一个很长的句子用来填充文档。' |
	    head -n 56000
	printf 'CRC鍜孋TCC\n'
} > "$t/long"
in=$t/long
same "a long document" --keep-boilerplate --stats

# JSON Lines, with records the stream writes back itself (not JSON, no
# field) and one over --max-unit among the cleaned ones.
{
	head -n 40 $D/web/commoncrawl-zh-100.jsonl
	echo 'not json at all'
	echo '{"id":7}'
	awk 'BEGIN { printf "{\"text\":\""; for (i = 0; i < 30000; i++)
		printf "很长的一行,"; print "\"}" }'
	tail -n 60 $D/web/commoncrawl-zh-100.jsonl
} > "$t/jsonl"
in=$t/jsonl
same "--jsonl" --jsonl --max-unit 256K --explain --stats

# Operands: good, missing, binary, GBK, invalid UTF-8 (with --strict).
printf 'a\0b\0c' > "$t/bin"
printf '好的\377文本,ok.\n' > "$t/invalid"
in=/dev/null
for j in 1 4; do
	(cd "$t" && "$C" -j$j --strict --stats pages missing bin \
	    "$OLDPWD/$D/web/sogouca-news-200.gbk.xml" invalid small \
	    > "o-op$j" 2> "e-op$j")
	echo $? > "$t/s-op$j"
done
expect "operands: stdout" cmp -s "$t/o-op1" "$t/o-op4"
expect "operands: stderr" cmp -s "$t/e-op1" "$t/e-op4"
expect "operands: status" cmp -s "$t/s-op1" "$t/s-op4"
expect "operands: status 2" [ "$(cat "$t/s-op1")" -eq 2 ]
expect "operands: the invalid byte told" grep -q 'invalid: invalid UTF-8' \
    "$t/e-op4"

# A pattern that hits PCRE2's match limit is told once, where one thread
# tells it: the first document in input order that hits it.
printf 're 5 ^(a|aa)+$\n' > "$t/slow.rules"
awk 'BEGIN { for (i = 0; i < 300; i++) {
	printf "第%d条,内容很短.\n", i
	if (i % 7 == 3) printf "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n"
	printf "\f\n" } }' > "$t/slow"
in=$t/slow
same "a pattern's limit" --rules "$t/slow.rules" --explain
expect "a pattern's limit: told once" \
    [ "$(grep -c 'taken as no match' "$t/e8")" -eq 1 ]

# A closed pipe ends the run as one thread ends it: with the status of
# what was told so far.  One thread meets the closed pipe before it opens
# the missing operand; with more, the document waits in a job while the
# missing operand is told, but that message is held, and so is its
# status.
awk 'BEGIN { for (i = 0; i < 20000; i++)
	printf "第%d段,内容相当长,足以填满管道的缓冲区.\n", i }' > "$t/long"
for j in 1 4; do
	{ "$C" -j$j "$t/long" "$t/missing" 2> /dev/null; echo $? > "$t/st$j"; } |
	    head -c 10 > /dev/null
done
expect "closed pipe: -j4 status $(cat "$t/st4"), -j1 $(cat "$t/st1")" \
    cmp -s "$t/st1" "$t/st4"
expect "closed pipe: status 0" [ "$(cat "$t/st1")" -eq 0 ]

# Held messages keep a long file name whole.
long=$t/$(printf '%0200d' 0)/$(printf '%0200d' 1)/$(printf '%0200d' 2)
long=$long/$(printf '%0200d' 3)/$(printf '%0200d' 4)/$(printf '%0200d' 5)
for j in 1 3; do
	"$C" -j$j "$t/pages" "$long/file" > /dev/null 2> "$t/err"
	expect "-j$j: a long name whole" grep -q "/file: No such file" \
	    "$t/err"
done

# Script conversion has a converter a thread, when OpenCC is there.
if "$C" -s < /dev/null > /dev/null 2>&1; then
	in=$t/pages
	same "--to-traditional" -t
fi

# -jN runs N - 1 workers besides the main thread, named sp-clean-job (a
# sanitizer may add threads of its own).
# Workers name themselves once running: the count is polled for up to
# 20 s, and the FIFO's writer gives up after as long, should sp-clean
# have died before opening it.
mkfifo "$t/fifo"
for j in 1 2 4; do
	"$C" -j$j "$t/fifo" > /dev/null &
	pid=$!
	tries=0
	while :; do
		th=$(cat /proc/$pid/task/*/comm 2>/dev/null |
		    grep -c '^sp-clean-job$')
		[ "$th" -ge $((j - 1)) ] || [ $tries -ge 200 ] && break
		tries=$((tries + 1))
		sleep 0.1
	done
	sleep 0.2	# none more come: count again
	th=$(cat /proc/$pid/task/*/comm 2>/dev/null | grep -c '^sp-clean-job$')
	timeout 20 sh -c ': > "$1"' sh "$t/fifo"
	wait $pid
	expect "-j$j: $((j - 1)) workers (got $th)" [ "$th" -eq $((j - 1)) ]
done

# Bad counts are usage errors.
for arg in 0 -1 x 257; do
	"$C" -j "$arg" < /dev/null > /dev/null 2> "$t/err"
	st=$?
	expect "-j $arg: status 2 (got $st)" [ "$st" -eq 2 ]
	expect "-j $arg: says why" grep -q '^sp-clean: .*--jobs' "$t/err"
done
expect "--jobs=2" sh -c "printf '好.\n' | '$C' --jobs=2 > /dev/null"

echo "sp-clean-jobs: $n_ok ok, $n_bad failed"
[ "$n_bad" -eq 0 ]
