/* Unit tests of bin/sp-outline/lint.c and outline.c. */
#include <string.h>

#include "check.h"
#include "heading.h"
#include "lint.h"
#include "outline.h"

/* lines: the document, one line each; want: the problems, joined. */
static void
lint_case(unsigned flags, const char *const *lines, const char *want)
{
	struct sp_heading_tracker *t = sp_heading_tracker_new(flags);
	struct sp_buf out = SP_BUF_INIT;
	int i, j, n;

	for (i = 0; lines[i]; i++) {
		n = sp_heading_tracker_feed(t, lines[i], strlen(lines[i]),
		    i + 1, 0);
		for (j = 0; j < n; j++)
			CHECK(lint_heading(sp_heading_tracker_found(t, j),
			    &out) >= 0);
	}
	CHECK_MEM(out.data ? out.data : "", out.len, want);
	sp_buf_free(&out);
	sp_heading_tracker_free(t);
}

static void
test_lint(void)
{
	static const char *const good[] = { "一、甲", "（一）子", "（二）丑",
	    "1.寅", "2.卯", "二、乙", "（一）辰", NULL };
	static const char *const gap[] = { "一、甲", "（一）子", "（三）丑",
	    "（三）寅", "（二）卯", "（一）辰", NULL };
	static const char *const widths[] = { "一、甲", "二．乙", "（一）子",
	    "(二)丑", "１．寅", "2.卯", NULL };
	static const char *const first[] = { "二、甲", "（二）子", NULL };
	/* A sub-article in other digits: expected with its 之一. */
	static const char *const sub_width[] = { "第一章 总则", "第一条 甲。",
	    "第二条 乙。", "第2条之一 丙。", NULL };
	/* A number too high (二十 for 三): the ones after follow it. */
	static const char *const high[] = { "第一条 甲。", "第二条 乙。",
	    "第二十条 丙。", "第三条 丁。", "第四条 戊。", "第五条 己。", NULL };
	/* 二 and 三 again: each told against the one before it. */
	static const char *const again[] = { "一、甲", "二、乙", "三、丙",
	    "二、丁", "三、戊", "四、己", NULL };
	/* One out of order: the next is told against the highest before. */
	static const char *const order[] = { "一、甲", "二、乙", "三、丙",
	    "二、丁", "四、戊", "五、己", NULL };
	static const char *const parts[] = { "第一篇 讲话", "一、甲",
	    "第二篇 讲话", "一、乙", "第四篇 讲话", NULL };
	static const char *const items[] = { "一、甲", "首先，学习。",
	    "第三，实践。", "最后，总结。", "一是落实。", "三是检查。", NULL };

	lint_case(0, good, "");
	lint_case(0, gap,
	    "（三） follows （一）: expected （二）\n"
	    "（三） follows （三）: repeated, expected （四）\n"
	    "（二） follows （三）: out of order, expected （四）\n"
	    "（一） follows （二）: numbering restarts, expected （三）\n");
	lint_case(0, widths,
	    "二． mixes widths with its level: expected 二、\n"
	    "(二) mixes widths with its level: expected （二）\n"
	    "2. mixes widths with its level: expected ２．\n");
	lint_case(0, sub_width,
	    "第2条之一 mixes widths with its level: expected 第二条之一\n");
	lint_case(0, high,
	    "第二十条 follows 第二条: expected 第三条\n"
	    "第三条 follows 第二十条: out of order, expected 第二十一条\n");
	lint_case(0, again, "二、 follows 三、: out of order, expected 四、\n");
	lint_case(0, order,
	    "二、 follows 三、: out of order, expected 四、\n");
	lint_case(0, first,
	    "二、 opens its level: expected 一、\n"
	    "（二） opens its level: expected （一）\n");
	lint_case(0, parts, "第四篇 follows 第二篇: expected 第三篇\n");
	{
		static const char *const delims[] = { "一、甲", "第一，学。",
		    "第二是干。", "第三,成。", NULL };

		lint_case(SP_HEADING_ITEMS, delims,
		    "第三, mixes widths with its level: expected 第三，\n");
	}
	lint_case(SP_HEADING_ITEMS, items,
	    "第三， follows 首先，: expected 第二，\n"
	    "三是 follows 一是: expected 二是\n");
}

/* Runs an outline over text, one call per line, and compares output. */
static void
outline_case(enum outline_mode mode, int max_level, unsigned flags,
    const char *text, const char *want)
{
	struct outline_opts o = { mode, 0, max_level, flags };
	struct outline *ol = outline_new(&o);
	const char *p = text, *nl;
	uint64_t line = 1;
	struct sp_buf *out;

	CHECK(ol != NULL);
	outline_begin(ol, "f", 0, NULL);
	while (*p) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		CHECK(outline_line(ol, p, (size_t)(nl - p), line++,
		    (uint64_t)(p - text)) == 0);
		p = *nl ? nl + 1 : nl;
	}
	CHECK(outline_end(ol) == 0);
	out = outline_output(ol);
	CHECK_MEM(out->data ? out->data : "", out->len, want);
	outline_free(ol);
}

static void
test_outline(void)
{
	const char *doc = "标题\n一、甲\n（一）子。正文在此。\n# 不是标题\n"
	    "2019. 年\n二、乙\n";

	outline_case(MODE_TREE, 0, 0, doc,
	    "标题\n  一、甲\n    （一）子\n  二、乙\n");
	outline_case(MODE_TREE, 1, 0, doc, "标题\n  一、甲\n  二、乙\n");
	outline_case(MODE_MARKDOWN, 0, 0, doc,
	    "# 标题\n\n## 一、甲\n\n### （一）子。\n\n正文在此。\n\n"
	    "\\# 不是标题\n\n2019\\. 年\n\n## 二、乙\n");
	outline_case(MODE_MARKDOWN, 1, 0, doc,
	    "# 标题\n\n## 一、甲\n\n（一）子。正文在此。\n\n"
	    "\\# 不是标题\n\n2019\\. 年\n\n## 二、乙\n");
	outline_case(MODE_JSON, 0, 0, "标题\n一、甲\n",
	    "{\"title\":\"标题\",\"line\":1,\"headings\":[{\"level\":1,"
	    "\"kind\":\"cn-dun\",\"marker\":\"一、\",\"number\":1,"
	    "\"title\":\"甲\",\"line\":2,\"offset\":7,\"children\":[]}]}");
	outline_case(MODE_CHECK, 0, 0, "标题\n一、甲\n三、乙\n",
	    "f:3: 三、 follows 一、: expected 二、\n");
	/* A glued line: Markdown splits it at its blank runs. */
	outline_case(MODE_MARKDOWN, 0, 0, "标题\n前言。   一、甲   正文。\n",
	    "# 标题\n\n前言。\n\n## 一、甲\n\n正文。\n");
	outline_case(MODE_TREE, 0, SP_HEADING_NO_SEGMENTS,
	    "标题\n前言。   一、甲   正文。\n", "标题\n");
}

int
main(void)
{
	test_lint();
	test_outline();
	return check_done("sp-outline/test_lint");
}
