#!/bin/sh
# gen.sh CASE [N]: writes the hostile input CASE to standard output.
# gen.sh list: the case names, one a line.
#
# Every input is made here, at test time, from printf, yes, head, tr and
# iconv, so nothing large or binary sits in the repository.  N scales the
# cases that have a count (empty-lines: lines; rep-*: bytes); without it
# each takes the size the issue names.
set -e
export LC_ALL=C
case=$1
n=${2:-}

# rep STRING COUNT: STRING (taken literally) repeated COUNT times.
rep() { yes "$1" | head -n "$2" | tr -d '\n'; }
# repe STRING COUNT: the same with printf's escapes in STRING (no \000).
repe() {
	awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}
# A paragraph of a real page, for the encodings.
page() {
	printf '关于进一步加强基层党组织建设的实施意见\n'
	printf '同志们：\n今天我们召开会议，主要任务是总结工作、部署任务。\n'
	printf '一、提高认识\n（一）认真学习。要深入学习，把思想统一起来。\n'
	printf '二、狠抓落实\n1. 明确责任。2. 加强督查。\n'
}

case $case in
list)
	sed -n 's/^\([a-z0-9-]*\))$/\1/p' "$0" | grep -v '^list$'
	;;
empty)
	;;
empty-lines)
	yes '' | head -n "${n:-10000000}"
	;;
nul)
	printf 'a\000b\n\000\000\000\n同志们\000：今天。\n\000'
	head -c 65536 /dev/zero
	printf '\n尾。\n'
	;;
crlf-cr)
	# Old Mac line ends only, then a CRLF page, then stray CRs.
	repe '第一行。\r' 20000
	page | sed 's/$/\r/'
	repe '\r' 100000
	;;
# Every class of invalid UTF-8, one a line, each line different.
utf8-overlong)
	printf '过长\300\257两字节\n过长\340\200\257三字节\n'
	printf '过长\360\200\200\257四字节\n空字符\300\200过长\n'
	printf '\370\210\200\200\200五字节\n\374\204\200\200\200\200六字节\n'
	;;
utf8-surrogate)
	printf '代理\355\240\200高\n代理\355\277\277低\n'
	printf '一对\355\240\275\355\270\200代理\n'
	;;
utf8-above-max)
	printf '超出\364\220\200\200范围\n超出\367\277\277\277范围\n'
	;;
utf8-truncated)
	printf '截断\344\270行中\n截断在行尾\344\n截断\360\237\230\n截断在末尾\344\270'
	;;
utf8-stray)
	printf '孤立\200续字节\n孤立\277\277\277\n\200\201\202开头\n'
	;;
stray-run)
	# So many stray bytes that the text may be taken for a legacy one.
	printf '孤立\200续字节\n'
	repe '\251' 10000
	printf '\n'
	;;
utf8-bad-lead)
	printf 'C0\300x\nC1\301x\nF5\365x\nF6\366x\nF7\367x\nF8\370x\n'
	printf 'F9\371x\nFA\372x\nFB\373x\nFC\374x\nFD\375x\nFE\376x\n'
	printf 'FF\377x\n\377\376\375\374\n'
	;;
utf16le)
	page | iconv -f UTF-8 -t UTF-16LE
	;;
utf16be)
	page | iconv -f UTF-8 -t UTF-16BE
	;;
png)
	# Signature, IHDR of a 1x1 image, an IDAT of zlib data, IEND.
	printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001'
	printf '\000\000\000\001\010\006\000\000\000\037\025\304\211'
	printf '\000\000\000\rIDATx\234c\370\377\377?\000\005\376\002\376'
	printf '\247\065\201\204\000\000\000\000IEND\256B`\202'
	# A long PNG: many chunks of high bytes and NULs.
	repe '@@@\010tEXt\377\330\377\340@\020JFIF\n\032' 20000 | tr @ '\000'
	;;
rep-ascii)
	head -c "${n:-1048576}" /dev/zero | tr '\000' a
	;;
rep-space)
	head -c "${n:-1048576}" /dev/zero | tr '\000' ' '
	;;
rep-dot)
	head -c "${n:-1048576}" /dev/zero | tr '\000' .
	;;
rep-han)
	rep 汉 $((${n:-1048576} / 3))
	;;
rep-dunhao)
	rep 、 $((${n:-1048576} / 3))
	;;
rep-fullstop)
	rep 。 $((${n:-1048576} / 3))
	;;
nest-paren)
	rep （ 100000
	printf '中'
	rep ） 100000
	printf '\n'
	;;
nest-quote)
	rep “ 100000
	printf '引\n'
	;;
nest-mixed)
	rep '（“《【「『' 20000
	printf '\n'
	rep '』」】》”）' 20000
	printf '\n'
	;;
html-deep)
	# A page nested a hundred thousand elements deep.
	printf '<!DOCTYPE html><html><body>'
	rep '<div><span>' 100000
	printf '深处的正文。'
	rep '</span></div>' 100000
	printf '<p>之后的正文。</p></body></html>\n'
	;;
html-unclosed)
	# Tags opened and never closed, and a page cut off inside a tag.
	printf '<!DOCTYPE html><html><body>'
	repe '<p><b><a href="x">链接<li><td>格' 50000
	printf '<p>最后一段。<a href="'
	;;
html-attr)
	# One attribute value of four megabytes, then the text.
	printf '<!DOCTYPE html><html><body><div class="'
	rep x 4194304
	printf '">属性之后的正文。</div></body></html>\n'
	;;
html-comment)
	# A comment that never closes, and a script that never does.
	printf '<!DOCTYPE html><html><body><p>注释之前。</p><!--'
	rep ' -- <p>不是正文</p>' 20000
	printf '\n<!DOCTYPE html><html><body><p>脚本之前。</p><script>'
	rep 'var a = "</scr" + "ipt>"; ' 20000
	printf '\n'
	;;
close-only)
	rep '）”》」' 50000
	printf '。\n'
	;;
enum-line)
	rep 一、 10000
	printf '\n'
	;;
enum-lines)
	repe '一、标题\n' 10000
	;;
enum-deep)
	# Every level of the official numbering, ten thousand headings.
	i=0
	while [ $i -lt 2000 ]; do
		printf '一、大标题\n（一）小标题\n1. 条目\n（1）细目\n①要点\n'
		i=$((i + 1))
	done
	;;
enum-numbers)
	# Numbers counting up far past what documents use.
	awk 'BEGIN { for (i = 1; i <= 10000; i++)
		printf "%d. 第%d条\n（%d）细目\n第%d章\n", i, i, i, i }'
	;;
enum-run)
	# A glued page: headings after runs of spaces, one long line.
	rep '一、标题    （一）小标题    1. 条目    ' 10000
	printf '\n'
	;;
markers)
	repe '第一篇 标题\n正文。\n' 10000
	;;
formfeeds)
	repe '\f\n' 100000
	;;
long-words)
	# Latin without spaces, URL-like text, digits: tokenizers' worst.
	head -c 1048576 /dev/zero | tr '\000' x
	printf '\n'
	rep 'http://a.b/' 50000
	printf '\n'
	rep '1234567890' 50000
	printf '\n'
	;;
jsonl-deep)
	printf '{"text":"深层。","x":'
	rep '[' 100000
	rep ']' 100000
	printf '}\n{"text":"之后。"}\n'
	;;
jsonl-deep-open)
	printf '{"text":"a","x":'
	rep '[' 100000
	printf '\n'
	rep '{"a":' 100000
	printf '\n{"text":"之后。"}\n'
	;;
jsonl-huge)
	printf '{"id":1,"text":"'
	rep 汉 2000000
	printf '"}\n{"id":2,"text":"'
	rep '\n\u6c49' 100000
	printf '"}\n{"id":3,"other":"'
	rep x 1000000
	printf '","text":"短。"}\n'
	;;
jsonl-escapes)
	printf '{"text":"\\q"}\n{"text":"\\u12"}\n{"text":"\\u12G4"}\n'
	printf '{"text":"\\ud800"}\n{"text":"a\\udc00b"}\n'
	printf '{"text":"\\ud800\\ud800"}\n{"text":"\\udbff\\udfff"}\n'
	printf '{"text":"\\u0000"}\n{"text":"a\\u0000b\\u0000"}\n'
	printf '{"text":"raw\000nul"}\n{"text":"raw\377byte"}\n'
	printf '{"text":"ctl\001\037"}\n{"text":"\\\n{"text":"\n'
	printf '{"text":"a","text":"b"}\n{"text"}\n{"text":}\n'
	printf '["text"]\n"text"\n{"text":"好。"}\n'
	;;
jsonl-wide)
	# An object of a hundred thousand members.
	printf '{'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "\"k%d\":%d,", i, i }'
	printf '"text":"宽。"}\n'
	;;
*)
	echo "gen.sh: unknown case '$case'" >&2
	exit 2
	;;
esac
