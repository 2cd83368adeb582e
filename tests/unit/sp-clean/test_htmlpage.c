/*
 * Unit tests of bin/sp-clean/htmlpage.c: pages told from text with tags,
 * blocks as lines, what goes (script, style, template, noscript,
 * comments), white space as a browser shows it, references decoded, what
 * each line learns of its place (links, elements, class names, hidden,
 * the main text), and hostile pages: broken, truncated, invalid UTF-8,
 * NUL bytes, nested a hundred thousand deep.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "htmlpage.h"

static struct html_page pg;

static const char *
text_of(const char *html)
{
	html_page_parse(&pg, html, strlen(html));
	sp_buf_putc(&pg.text, '\0');
	pg.text.len--;
	return pg.text.data ? pg.text.data : "";
}

static void
text_case(const char *html, const char *want, int line)
{
	const char *got = text_of(html);

	if (!check_mem(got, strlen(got), want, strlen(want), __FILE__, line,
	    "text"))
		printf("  of: %s\n", html);
}
#define TEXT(html, want) text_case((html), (want), __LINE__)

static void
detection(void)
{
	CHECK(html_is_page("<!DOCTYPE html><p>x", 19));
	CHECK(html_is_page("  \n<!doctype HTML PUBLIC", 24));
	CHECK(html_is_page("\xEF\xBB\xBF<html>", 9));
	CHECK(html_is_page("<!-- c --> <HEAD><title>", 24));
	CHECK(html_is_page("<?xml version=\"1.0\"?>\n<html><body>", 35));
	CHECK(!html_is_page("第一段<br>第二段\n第三段", 31));
	CHECK(!html_is_page("a < b and <p> left", 18));
	CHECK(!html_is_page("", 0));
	CHECK(!html_is_page("<!-- never closed", 17));
	CHECK(html_is_page("<html", 5));
}

static void
blocks(void)
{
	TEXT("<p>一</p><p>二</p>", "一\n二");
	TEXT("<div>甲<p>乙</p>丙</div>", "甲\n乙\n丙");
	TEXT("<p>a<br>b<br/>c</p>", "a\nb\nc");
	TEXT("<ul><li>x</li><li>y</li></ul>", "x\ny");
	TEXT("<table><tr><td>1</td><td>2</td></tr></table>", "1\n2");
	/* White space as shown: runs are one space, none at the ends. */
	TEXT("<p>  many \n\t spaces   here </p>", "many spaces here");
	/* A line break of the source between two wide characters is
	 * nothing (CSS Text 3); elsewhere, and a plain space, one space. */
	TEXT("<p>机关干部要进一步\n转变工作作风。</p>",
	    "机关干部要进一步转变工作作风。");
	TEXT("<p>疫苗 \n\t　春節</p>", "疫苗　春節");
	TEXT("<p>机关 干部</p>", "机关 干部");
	TEXT("<p>一<b>\n</b>二</p>", "一二");
	TEXT("<p>中文\nLatin\n한국어\n문장</p>", "中文 Latin 한국어 문장");
	/* <script/> and <style/> still hold their text, as in a browser. */
	TEXT("<style type=\"text/css\" />p { margin: 0 }</style><p>x</p>",
	    "x");
	TEXT("<script src=\"a.js\"/>var a = '>';</script><p>y</p>", "y");
	TEXT("<SCRIPT src='/b.js' />z()</SCRIPT><p>w</p><scripts/>v", "w\nv");
	/* With no end tag to come (XHTML), the slash closes: the text
	 * after it stays. */
	TEXT("<script src=\"a.js\" /><p>kept</p><style/><p>too</p>",
	    "kept\ntoo");
	TEXT("<style/>p{}</style><p>a</p><style/><p>b</p>", "a\nb");
	TEXT("<pre>line 1\nline 2</pre>", "line 1\nline 2");
	/* Inline elements do not break. */
	TEXT("<p>a <b>b</b> <a href=x>c</a>d</p>", "a b cd");
	/* What goes. */
	TEXT("<script>var a = '<p>x</p>';</script><p>y</p>", "y");
	TEXT("<style>p{}</style><noscript>z</noscript><template>t</template>"
	    "<p>y</p>", "y");
	TEXT("<p>a<!-- hidden -->b</p>", "ab");
	TEXT("<svg><title>icon</title></svg><p>y</p>", "y");
	/* References decoded, C1 ones as HTML reads them. */
	TEXT("<p>&ldquo;你好&rdquo;&#12290;&amp;&lt;&#x4E2D;&#150;</p>",
	    "“你好”。&<中–");
	TEXT("<p>AT&amp;T&nbsp;x</p>", "AT&T\xC2\xA0x");
}

static void
places(void)
{
	const struct html_line *l;

	(void)text_of("<html><head><title>T</title></head><body>"
	    "<div class=\"main-nav\"><a href=\"/\">首页</a><a href=\"/x\">新闻</a>"
	    "</div><div id=content><p>正文，正文，正文，正文，正文，正文，正文，"
	    "正文，正文，正文。<a href=y>链接</a></p></div>"
	    "<footer>版权</footer><p style=\"display: none\">藏</p>"
	    "</body></html>");
	CHECK_INT(pg.nlines, 5);
	if (pg.nlines != 5)
		return;
	l = &pg.lines[0];
	CHECK((l->inside & HI_TITLE) && l->block == HB_TITLE);
	l = &pg.lines[1];		/* 首页新闻 */
	CHECK((l->hints & HH_NAV) && (l->near_hints & HH_NAV));
	CHECK_INT(l->chars, 4);
	CHECK_INT(l->link_chars, 4);
	CHECK(!l->in_main);
	l = &pg.lines[2];		/* the paragraph */
	CHECK((l->inside & HI_PARA) && l->block == HB_P);
	CHECK((l->hints & HH_CONTENT) && !(l->hints & HH_NAV));
	CHECK_INT(l->link_chars, 2);
	CHECK(l->in_main);
	CHECK(l->main_share > 0.5f && l->main_share < 1);
	l = &pg.lines[3];
	CHECK(l->inside & HI_FOOTER);
	CHECK(!l->in_main);
	l = &pg.lines[4];
	CHECK(l->inside & HI_HIDDEN);
	/* A class or an id the page's style sheet hides (csshidden.h). */
	(void)text_of("<style>.wm{display:none}#t{display:none}</style>"
	    "<p>正文<span class=\"x wm\">水印</span></p><div id=t>标题</div>"
	    "<div class=wmx>看得见</div>");
	CHECK_INT(pg.nlines, 3);
	if (pg.nlines == 3) {
		CHECK(!(pg.lines[0].inside & HI_HIDDEN));
		CHECK_INT(pg.lines[0].chars, 2);
		CHECK(pg.lines[1].inside & HI_HIDDEN);
		CHECK(!(pg.lines[2].inside & HI_HIDDEN));
	}
	/* A hidden run inside a line goes when it is short of a sentence;
	 * a sentence or a long run may be text a script shows, and stays. */
	TEXT("<p>甲<span style=\"display:none\">水印 www.x.cn</span> 乙</p>",
	    "甲 乙");
	TEXT("<p><span hidden>水印</span>甲</p><p>乙<font class=j>x</font></p>"
	    "<style>.j{display:none}</style>", "甲\n乙");
	TEXT("<p>甲<span hidden>藏起来的一句话。</span>乙</p>",
	    "甲藏起来的一句话。乙");
	TEXT("<p>甲<span hidden>一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一</span>乙</p>",
	    "甲一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三四五六七八九十一乙");
	/* A line ending inside the run: each part is judged in its line. */
	TEXT("<p>甲<span hidden>水<br>印</span>乙</p>", "甲\n乙");
	TEXT("<p>甲<span hidden>藏起来的一句话。<br>印</span>乙</p>",
	    "甲藏起来的一句话。\n乙");
	/* An empty run first in a page. */
	TEXT("<span hidden></span><p>甲</p>", "甲");
	/* A style attribute that shows it overrides the page's sheet. */
	(void)text_of("<style>.tab{display:none}</style>"
	    "<div class=tab style=\"display: block\">甲</div>"
	    "<div class=tab>乙</div>");
	CHECK_INT(pg.nlines, 2);
	if (pg.nlines == 2) {
		CHECK(!(pg.lines[0].inside & HI_HIDDEN));
		CHECK(pg.lines[1].inside & HI_HIDDEN);
	}
	TEXT("<p>甲<span hidden>水<b>印</b></span>乙</p>", "甲乙");
	/* A hidden block is a line of its own, marked hidden. */
	TEXT("<p>甲<div hidden>水印</div>乙</p>", "甲\n水印\n乙");
	/* The end of a truncated page closes the run as a browser does. */
	TEXT("<p>甲<span hidden>水印", "甲");
	/* An anchor without href is no link. */
	(void)text_of("<p><a name=top>锚</a>字</p>");
	CHECK(pg.nlines == 1 && pg.lines[0].link_chars == 0);
}

static void
hostile(void)
{
	struct sp_buf b = SP_BUF_INIT;
	size_t i;

	/* Broken and truncated pages: the text is all there. */
	TEXT("<div><p>a<b>b</p>c</div></td></tr><table><tr><td>x", "ab\nc\nx");
	TEXT("<p>unclosed <a href=\"x", "unclosed");
	TEXT("<p>a</p><p", "a");
	/* A tag cut off by the end of the page is no text (libxml2). */
	TEXT("<", "");
	TEXT("a < b", "a < b");
	TEXT("", "");
	/* Invalid UTF-8 and NUL bytes become U+FFFD, not the end. */
	html_page_parse(&pg, "<p>a\xff" "b\0c</p><p>d</p>", 20);
	sp_buf_putc(&pg.text, '\0');
	CHECK(strcmp(pg.text.data, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\nd") == 0);
	/* Nested a hundred thousand deep: parsed, every line kept. */
	for (i = 0; i < 100000; i++)
		sp_buf_puts(&b, "<div>");
	sp_buf_puts(&b, "深处");
	for (i = 0; i < 100000; i++)
		sp_buf_puts(&b, "</div>");
	sp_buf_puts(&b, "<p>之后</p>");
	html_page_parse(&pg, b.data, b.len);
	CHECK(pg.text.len > 0 && memmem(pg.text.data, pg.text.len, "之后",
	    strlen("之后")) != NULL);
	sp_buf_free(&b);
}

int
main(void)
{
	detection();
	blocks();
	places();
	hostile();
	html_page_free(&pg);
	return check_done("sp-clean/test_htmlpage");
}
