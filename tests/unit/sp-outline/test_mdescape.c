/* Unit tests of bin/sp-outline/mdescape.c. */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "mdescape.h"

/* A line as md_text() writes it: a backslash before each byte found. */
static void
escaped(const char *line, int block, const char *want)
{
	struct sp_buf b = SP_BUF_INIT;
	size_t n = strlen(line), i = 0, e;
	struct md_line l;

	md_line_start(&l, line, n, block);
	while (i < n) {
		e = md_next_escape(&l, i);
		CHECK(sp_buf_append(&b, line + i, e - i) >= 0);
		if (e == n)
			break;
		CHECK(sp_buf_putc(&b, '\\') >= 0 && sp_buf_putc(&b, line[e]) >= 0);
		i = e + 1;
	}
	CHECK_MEM(b.data ? b.data : "", b.len, want);
	sp_buf_free(&b);
}

int
main(void)
{
	/* HTML blocks, at a paragraph's start, need no > on the line. */
	escaped("<div>html</div>", 1, "\\<div>html\\</div>");
	escaped("<div", 1, "\\<div");
	escaped("</p", 1, "\\</p");
	escaped("<!-- 注释", 1, "\\<!-- 注释");
	escaped("<?php echo", 1, "\\<?php echo");
	escaped("<![CDATA[", 1, "\\<!\\[CDATA\\[");
	/* In a heading's text no block opens. */
	escaped("<div", 0, "<div");
	/* Inline HTML and autolinks, closed in the line. */
	escaped("文字<span>字</span>", 0, "文字\\<span>字\\</span>");
	escaped("见<http://example.com>", 1, "见\\<http://example.com>");
	escaped("<12345@qq.com>", 1, "\\<12345@qq.com>");
	escaped("点<a href=\"x\">这</a>", 0, "点\\<a href=\"x\">这\\</a>");
	escaped("换<br/>行", 0, "换\\<br/>行");
	escaped("x<!-- y -->", 0, "x\\<!-- y -->");
	escaped("写<mailto:a@b.cn>", 0, "写\\<mailto:a@b.cn>");
	/* Entities and numeric references. */
	escaped("&amp; &#20013; &#x4E2D;", 1, "\\&amp; \\&#20013; \\&#x4E2D;");
	escaped("&a1b;", 1, "\\&a1b;");
	/* A backslash before punctuation, and the punctuation, kept. */
	escaped("\\<b>", 1, "\\\\\\<b>");
	escaped("a\\*b*", 1, "a\\\\\\*b\\*");
	escaped("C:\\dir", 1, "C:\\dir");
	/* The block marks of before. */
	escaped("#话题", 1, "\\#话题");
	escaped("> 引", 1, "\\> 引");
	escaped("3. 项", 1, "3\\. 项");
	escaped("12)", 1, "12\\)");
	escaped("#话题", 0, "#话题");
	/* A heading's closing sequence, not C# or a # inside. */
	escaped("第一章 总则 #", 0, "第一章 总则 \\#");
	escaped("结语 ###", 0, "结语 \\###");
	escaped("学习C#", 0, "学习C#");
	escaped("第#号 文件", 0, "第#号 文件");
	escaped("总则 #", 1, "总则 #");
	/* Emphasis, code, links, strikethrough, anywhere in a line. */
	escaped("这是*重点*，`代码`", 0, "这是\\*重点\\*，\\`代码\\`");
	escaped("见[文件](a.pdf)和![图](b.png)", 1,
	    "见\\[文件](a.pdf)和!\\[图](b.png)");
	escaped("~~删除~~ ~~~", 1, "\\~\\~删除\\~\\~ \\~\\~\\~");
	escaped("___", 1, "\\_\\_\\_");
	escaped("，_强调_。snake_case_name", 1,
	    "，\\_强调\\_。snake_case_name");
	/* Not markup: left as it is. */
	escaped("a < b，1<2，x<>y，<a", 1, "a < b，1<2，x<>y，<a");
	escaped("x <3 y>，a<b，c>d，<a:b c>", 0, "x <3 y>，a<b，c>d，<a:b c>");
	escaped("AT&T，&#;，&#x;，& b;，&中;", 1, "AT&T，&#;，&#x;，& b;，&中;");
	escaped("3.5%，2024.1", 1, "3.5%，2024.1");
	escaped("", 1, "");
	return check_done("sp-outline/test_mdescape");
}
