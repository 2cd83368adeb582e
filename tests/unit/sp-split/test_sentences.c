/* Unit tests of sentences.c: where sentences of one line end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sentences.h"

/* The sentences of line, joined with '|'. */
static char *
split(const char *line, int semicolon)
{
	static char out[4096];
	struct sentences it;
	size_t a, b, o = 0, last = 0;

	sent_init(&it, line, strlen(line), semicolon);
	while (sent_next(&it, &a, &b)) {
		if (a != last)		/* every byte belongs to a sentence */
			return "GAP";
		if (o)
			out[o++] = '|';
		memcpy(out + o, line + a, b - a);
		o += b - a;
		last = b;
	}
	if (last != strlen(line))
		return "SHORT";
	out[o] = '\0';
	return out;
}

#define SPLITS(line, want) CHECK_MEM(split(line, 0), strlen(split(line, 0)), want)
#define SPLITS_SEMI(line, want) \
	CHECK_MEM(split(line, 1), strlen(split(line, 1)), want)

int
main(void)
{
	struct sentences it;
	size_t a, b;

	/* Empty line: no sentence; blank line: one. */
	sent_init(&it, "", 0, 0);
	CHECK(!sent_next(&it, &a, &b));
	SPLITS("   ", "   ");
	/* End marks, runs, ASCII marks before space, CJK or line end. */
	SPLITS("一。二！三？", "一。|二！|三？");
	SPLITS("真的吗？！太好了！！！是吗?!好。", "真的吗？！|太好了！！！|是吗?!|好。");
	SPLITS("Hello! 你好?好的!", "Hello! |你好?|好的!");
	SPLITS("Yahoo!Japan x?y=1 好", "Yahoo!Japan x?y=1 好");
	SPLITS("半角.下一句", "半角.|下一句");
	SPLITS("Copyright ? 2022 版权所有", "Copyright ? 2022 版权所有");
	SPLITS("? 开头", "? 开头");
	/*
	 * Ellipses: one unit; an end before space, the line end or text, a
	 * pause before a closing mark or after a fragment of speech of at
	 * most four characters (back to the sentence start or an earlier
	 * ellipsis).
	 */
	SPLITS("那时简直度日如年......莫非我继续那样的生活吗？",
	    "那时简直度日如年......|莫非我继续那样的生活吗？");
	SPLITS("可是我心里风雨交加电闪雷鸣.....那时简直度日如年……不是。",
	    "可是我心里风雨交加电闪雷鸣.....|那时简直度日如年……|不是。");
	SPLITS("十分钟……走吧。", "十分钟……走吧。");
	SPLITS("再等了五分钟……走吧。", "再等了五分钟……|走吧。");
	SPLITS("价格3.5元…好。", "价格3.5元…|好。");
	SPLITS("他沉默了……然后走了。", "他沉默了……然后走了。");
	SPLITS("他沉默了…… 然后走了。", "他沉默了…… |然后走了。");
	SPLITS("等等⋯⋯好吧。", "等等⋯⋯好吧。");
	SPLITS("我想......算了。", "我想......算了。");
	SPLITS("你可以……做我的……筆友嗎？我很高興。",
	    "你可以……做我的……筆友嗎？|我很高興。");
	SPLITS("他走了。……我們都明白。", "他走了。|……我們都明白。");
	SPLITS("他走了！……", "他走了！……");
	/* Straight quotes closing “, names, abbreviations in brackets. */
	SPLITS("他說：“走吧。\"大家都笑了。", "他說：“走吧。\"|大家都笑了。");
	SPLITS("由Yes!樂隊演唱。", "由Yes!樂隊演唱。");
	SPLITS("金（Martin Luther King, Jr.）的支持者。",
	    "金（Martin Luther King, Jr.）的支持者。");
	SPLITS("嗯。。。走吧。", "嗯。。。|走吧。");
	SPLITS("他说：“我想……”然后走了。", "他说：“我想……”然后走了。");
	/* Closing marks stay; quotes end at their close. */
	SPLITS("他说：“我们走吧。”大家都笑了。", "他说：“我们走吧。”|大家都笑了。");
	SPLITS("他说：“一。二！三？”然后。", "他说：“一。二！三？”|然后。");
	SPLITS("（全体起立。）会议开始。", "（全体起立。）|会议开始。");
	SPLITS("这是对的。」他说。", "这是对的。」|他说。");
	SPLITS("（掌声）谢谢！（热烈掌声）再见。", "（掌声）|谢谢！|（热烈掌声）|再见。");
	SPLITS("（一）加强领导。", "（一）加强领导。");
	SPLITS("他说\"好的。\"然后走了。", "他说\"好的。\"|然后走了。");
	SPLITS("推动‚三保三促。‛建设。", "推动‚三保三促。‛|建设。");
	/* A line that turns every double quote to ”: they pair in order. */
	SPLITS("成本為10億美元。”我們面臨競爭，”他說。",
	    "成本為10億美元。|”我們面臨競爭，”他說。");
	SPLITS("”第一。第二。”他說。", "”第一。第二。”|他說。");
	SPLITS("他說：”走吧。”大家笑了。”好的。”他說。",
	    "他說：”走吧。”|大家笑了。|”好的。”|他說。");
	/* A ” nothing closes, or after a “, closes a quote. */
	SPLITS("要團結。”他走了。", "要團結。”|他走了。");
	SPLITS("要團結。”他說：“好。”走了。", "要團結。”|他說：“好。”|走了。");
	SPLITS("他說：“好。”走了。”", "他說：“好。”|走了。”");
	SPLITS("《“十四五”規劃》。”好，”他說。", "《“十四五”規劃》。”|好，”他說。");
	SPLITS("Seminarium „Kultura”. Tym „razem”. Koniec.",
	    "Seminarium „Kultura”. |Tym „razem”. |Koniec.");
	/* Titles never end a sentence. */
	SPLITS("我看了《摔跤吧！爸爸》很感动。", "我看了《摔跤吧！爸爸》很感动。");
	/* An unclosed quote is an ordinary character. */
	SPLITS("他说：“我们走吧。大家笑了。", "他说：“我们走吧。|大家笑了。");
	/* Numbers, enumerators, URLs, abbreviations. */
	SPLITS("营收67.56亿元，增长3.28%，1.5%。", "营收67.56亿元，增长3.28%，1.5%。");
	SPLITS("1. 提高认识。2. 加强领导。", "1. 提高认识。|2. 加强领导。");
	SPLITS("1．加强领导。", "1．加强领导。");
	SPLITS("  a. 第一项。", "  a. 第一项。");
	SPLITS("见 http://a.cn/x?b=1 和www.gov.cn. 谢谢。",
	    "见 http://a.cn/x?b=1 和www.gov.cn. |谢谢。");
	SPLITS("U.S.A. 的经济。e.g. 苹果。", "U.S.A. 的经济。|e.g. 苹果。");
	SPLITS("Mr. Smith 来了。J. K. 到了。", "Mr. Smith 来了。|J. K. 到了。");
	SPLITS("It ends. Next one.", "It ends. |Next one.");
	/* Semicolons only when asked. */
	SPLITS("一；二; 三。", "一；二; 三。");
	SPLITS_SEMI("一；二; 三。", "一；|二; |三。");
	SPLITS_SEMI("a;b", "a;b");
	/* Glued paragraphs: a wide run of blanks between text. */
	SPLITS("同志们：   新年伊始。", "同志们：   |新年伊始。");
	SPLITS("　　开头缩进。", "　　开头缩进。");
	SPLITS("孙 建 国", "孙 建 国");
	SPLITS("a   b", "a   b");
	/* Blank space after an end stays with the sentence. */
	SPLITS("一。  二。", "一。  |二。");
	/*
	 * The byte searches that step over text (issue 17): a wide run and
	 * a lone blank at every offset of a 16-byte block, runs of spaces
	 * that end in another blank, the second closer of a bracket found
	 * before its first, abbreviations only as whole entries.
	 */
	{
		char line[128], want[128];
		int pad;

		for (pad = 0; pad < 20; pad++) {
			snprintf(line, sizeof line, "%.*s同志们：   新年伊始。",
			    pad, "abcdefghijklmnopqrstuvwxyz");
			snprintf(want, sizeof want, "%.*s同志们：   |新年伊始。",
			    pad, "abcdefghijklmnopqrstuvwxyz");
			SPLITS(line, want);
			snprintf(line, sizeof line, "%.*s好。 x 新年。", pad,
			    "abcdefghijklmnopqrstuvwxyz");
			snprintf(want, sizeof want, "%.*s好。 |x 新年。", pad,
			    "abcdefghijklmnopqrstuvwxyz");
			SPLITS(line, want);
		}
	}
	SPLITS("同志们： \xE3\x80\x80新年伊始。", "同志们： 　|新年伊始。");
	SPLITS("同志们：\t\t 新年伊始。", "同志们：\t\t |新年伊始。");
	SPLITS("（说明：见上。) 然后（注）。", "（说明：见上。) |然后（注）。");
	SPLITS("（a) b。c）d。", "（a) b。|c）d。");
	SPLITS("见 Mrs. Li 与 Mrx. Li。", "见 Mrs. Li 与 Mrx. |Li。");
	SPLITS("(applause) 谢谢。", "(applause) 谢谢。");
	/* Invalid UTF-8 and NUL bytes are carried, never lost. */
	CHECK_MEM(split("\xff\xfe。好", 0), 9, "\xff\xfe。|好");
	/* Many unclosed openers stay linear (and do not hang). */
	{
		size_t n = 3 * 100000, k;
		char *big = malloc(n + 4);

		for (k = 0; k < n; k += 3)
			memcpy(big + k, "“", 3);
		memcpy(big + n, "。", 4);
		sent_init(&it, big, n + 3, 0);
		CHECK(sent_next(&it, &a, &b) && a == 0 && b == n + 3);
		free(big);
	}
	return check_done("test_sentences");
}
