/* Unit tests of bin/sp-clean/hardwrap.c: one case per rule, then excerpts
 * of tests/data/corpus/001_*, where a speech was hard-wrapped. */
#include <string.h>

#include "buf.h"
#include "check.h"
#include "hardwrap.h"

static void
join_case(const char *in, const char *want, size_t want_joins, int line)
{
	struct sp_buf out = SP_BUF_INIT;
	size_t joins;

	joins = hardwrap_join(in, strlen(in), NULL, 0, &out);
	if (check_mem(out.data ? out.data : "", out.len, want, strlen(want),
	    __FILE__, line, in))
		check_int((long long)joins, (long long)want_joins, __FILE__,
		    line, "joins");
	sp_buf_free(&out);
}
#define J(in, want, n) join_case((in), (want), (n), __LINE__)

static void
test_rules(void)
{
	/* Nothing to do. */
	J("", "", 0);
	J("一行。", "一行。", 0);
	J("甲。\n乙。", "甲。\n乙。", 0);
	/* Cut after a sentence: the last one goes on. */
	J("做好服务工作是机关的一项重要职能。机关干部要进一步\n"
	    "转变工作作风，明确服务方向。",
	    "做好服务工作是机关的一项重要职能。机关干部要进一步"
	    "转变工作作风，明确服务方向。", 1);
	/* Prose with clauses, cut mid-word. */
	J("机关干部在政治上是否坚定、干群关系是否紧密、思想和行\n"
	    "为是否规范，对全思想道德建设具有举足轻重的作用。",
	    "机关干部在政治上是否坚定、干群关系是否紧密、思想和行"
	    "为是否规范，对全思想道德建设具有举足轻重的作用。", 1);
	/* An unclosed quote, even in a title block. */
	J("衢州市安监局“创建学习型机关、争做\n学习型干部”活动领导小组办公室编印",
	    "衢州市安监局“创建学习型机关、争做学习型干部”活动领导小组办公室编印",
	    1);
	/* An unclosed bracket. */
	J("会议审议通过了《关于加强\n执政能力建设的决定》。",
	    "会议审议通过了《关于加强执政能力建设的决定》。", 1);
	/* A trailing comma or 、. */
	J("各级各部门，\n要抓好落实。", "各级各部门，要抓好落实。", 1);
	J("工业、农业、\n服务业都有增长。", "工业、农业、服务业都有增长。", 1);
	/* A trailing function word. */
	J("我们要切实加强对\n机关干部的教育。", "我们要切实加强对机关干部的教育。",
	    1);
	/* A line that cannot open a paragraph. */
	J("这是我们的基本要求\n，也是群众的期盼。",
	    "这是我们的基本要求，也是群众的期盼。", 1);
	/* Sentence ends: never joined. */
	J("这是第一句。\n这是第二句。", "这是第一句。\n这是第二句。", 0);
	J("他说：“好。”\n大家都笑了。", "他说：“好。”\n大家都笑了。", 0);
	J("讲三个问题：\n第一，要想干事。", "讲三个问题：\n第一，要想干事。", 0);
	J("同志们！\n今天开会。", "同志们！\n今天开会。", 0);
	J("请大家思考……\n下面继续。", "请大家思考……\n下面继续。", 0);
	/* Headings are never joined to their body. */
	J("一、肯定成绩，进一步增强机关作风建设的紧迫感责任感\n"
	    "近年来，市委市政府一直高度重视机关作风建设。",
	    "一、肯定成绩，进一步增强机关作风建设的紧迫感责任感\n"
	    "近年来，市委市政府一直高度重视机关作风建设。", 0);
	J("（七）机关工作人员要勤于学习，善于学习，不断提高自己的综合素质\n"
	    "大家都讲复合型人才。",
	    "（七）机关工作人员要勤于学习，善于学习，不断提高自己的综合素质\n"
	    "大家都讲复合型人才。", 0);
	J("第一篇：在全市机关干部大会上的讲话\n在全市机关干部大会上的讲话",
	    "第一篇：在全市机关干部大会上的讲话\n在全市机关干部大会上的讲话", 0);
	J("第一，发展思路要清晰\n思路决定出路。",
	    "第一，发展思路要清晰\n思路决定出路。", 0);
	/* ... nor anything joined to a heading. */
	J("机关干部要进一步\n一、转变作风", "机关干部要进一步\n一、转变作风", 0);
	J("机关干部要进一步\n（二）转变作风", "机关干部要进一步\n（二）转变作风",
	    0);
	J("机关干部要进一步\n1. 转变作风", "机关干部要进一步\n1. 转变作风", 0);
	J("机关干部要进一步\n一是转变作风。", "机关干部要进一步\n一是转变作风。",
	    0);
	/* Short title lines stay apart. */
	J("在全市机关干部大会上的讲话\n孙建国（2009年2月2日）\n同志们：",
	    "在全市机关干部大会上的讲话\n孙建国（2009年2月2日）\n同志们：", 0);
	J("市委书记：力求“创新创优、提质提效”推进国际商贸名城建设\n"
	    "□市委书记黄志平\n同志们：",
	    "市委书记：力求“创新创优、提质提效”推进国际商贸名城建设\n"
	    "□市委书记黄志平\n同志们：", 0);
	J("简报\n第二期", "简报\n第二期", 0);
	/* A title with a clause before a prose line is still a title... */
	J("2023年杭州市政协十一届三次会议（五篇）（完整）\n"
	    "杭州市政协十一届三次会议篇一",
	    "2023年杭州市政协十一届三次会议（五篇）（完整）\n"
	    "杭州市政协十一届三次会议篇一", 0);
	/* ... and a salutation is not continued into. */
	J("各位代表，各位委员\n同志们：", "各位代表，各位委员\n同志们：", 0);
	/* Several lines of one paragraph. */
	J("这次全市机关干部大会的主题，就是全面落实市委、市政府全会\n"
	    "精神。以深入学习实践科学发展观为主线，以服\n"
	    "务企业、服务项目、服务民生为重点。",
	    "这次全市机关干部大会的主题，就是全面落实市委、市政府全会"
	    "精神。以深入学习实践科学发展观为主线，以服"
	    "务企业、服务项目、服务民生为重点。", 2);
	/* A line shaped "X：Y" may be a title: left alone when in doubt. */
	J("这次全市机关干部大会的主题是：全面落实市委五届九次全会\n"
	    "暨市五届政府第八次全会精神。",
	    "这次全市机关干部大会的主题是：全面落实市委五届九次全会\n"
	    "暨市五届政府第八次全会精神。", 0);
	/* Subheadings of news pages, with commas, stay apart. */
	J("花3万帮填志愿，收割家长焦虑\n"
	    "想让考生选择到可心的学校和专业，要掏成千上万的咨询费。",
	    "花3万帮填志愿，收割家长焦虑\n"
	    "想让考生选择到可心的学校和专业，要掏成千上万的咨询费。", 0);
	J("高考志愿业务：帮助填报志愿收入3万元，规划师三天内拿到证书，年收入90万元\n"
	    "“你家孩子报志愿填报班了吗？”高考在即，家长群里不停蹦出类似消息。",
	    "高考志愿业务：帮助填报志愿收入3万元，规划师三天内拿到证书，年收入90万元\n"
	    "“你家孩子报志愿填报班了吗？”高考在即，家长群里不停蹦出类似消息。",
	    0);
	J("臺州：市場轉冷，“房價拉得很高”\n盡管樓市成交不景氣，但臺州的房價卻不低。",
	    "臺州：市場轉冷，“房價拉得很高”\n盡管樓市成交不景氣，但臺州的房價卻不低。",
	    0);
	J("「皮肤上长浅色的白斑是怎么回事」常见诱因有哪些？什么原因会诱发\n"
	    "「皮肤上长浅色的白斑是怎么回事」常见诱因有哪些？什么原因会诱发？"
	    "相信您对于白癜风这一疾病已经有所了解了吧。",
	    "「皮肤上长浅色的白斑是怎么回事」常见诱因有哪些？什么原因会诱发\n"
	    "「皮肤上长浅色的白斑是怎么回事」常见诱因有哪些？什么原因会诱发？"
	    "相信您对于白癜风这一疾病已经有所了解了吧。", 0);
	/* Menu words are not cut phrases (园地 ends in 地, 面对 in 对). */
	J("学习园地\n患友圈", "学习园地\n患友圈", 0);
	J("勇于面对\n困难和挑战是我们的责任。", "勇于面对\n困难和挑战是我们的责任。",
	    0);
	/* Latin text: a space between words. */
	J("The quick brown fox jumps over the lazy dog, and then it runs over\n"
	    "the hill.",
	    "The quick brown fox jumps over the lazy dog, and then it runs over "
	    "the hill.", 1);
	/* ... but not menu words or names. */
	J("Register Sign In\naerscript", "Register Sign In\naerscript", 0);
	J("Reply\neBirdie 12:53 AM", "Reply\neBirdie 12:53 AM", 0);
	J("4. The Eleven Disciples\nuntil the day in which He was taken up, "
	    "after He had given command",
	    "4. The Eleven Disciples\nuntil the day in which He was taken up, "
	    "after He had given command", 0);
	/* Labels open paragraphs; quotes closed at the end end them. */
	J("产地：法国。勃艮第。赫斯罗曼丽\n级别：特级葡萄园",
	    "产地：法国。勃艮第。赫斯罗曼丽\n级别：特级葡萄园", 0);
	J("还养了个仇人出来，”\n……", "还养了个仇人出来，”\n……", 0);
	/* A bracket left open by a cut teaser is not continued. */
	J("2治疗白殿疯医院排名[治疗白斑病应该注咨询\n3治疗白殿风的方法",
	    "2治疗白殿疯医院排名[治疗白斑病应该注咨询\n3治疗白殿风的方法", 0);
	J("Posted on May 10, 2020 • Updated May 29, 2020\n人际关系中的最大“陷阱”",
	    "Posted on May 10, 2020 • Updated May 29, 2020\n人际关系中的最大“陷阱”",
	    0);
	J("1 、應用范圍廣，適用于各種包裝袋的堆垛需求\n2 、結構合理",
	    "1 、應用范圍廣，適用于各種包裝袋的堆垛需求\n2 、結構合理", 0);
	J("A sentence ends here.\nthe next", "A sentence ends here.\nthe next",
	    0);
	/* Mixed: a number at the break, no space before Han. */
	J("全年增长了，达到16\n亿元。", "全年增长了，达到16亿元。", 1);
	/* Page numbers: kept, spaced like those glued inside lines. */
	J("机关作风建设取得很大成绩，我们要看到存在的问题，保持\n8\n"
	    "清醒的头脑。",
	    "机关作风建设取得很大成绩，我们要看到存在的问题，保持 8 "
	    "清醒的头脑。", 2);
	J("机关作风建设取得很大成绩，我们要看到存在的问题，保持 8\n"
	    "清醒的头脑。",
	    "机关作风建设取得很大成绩，我们要看到存在的问题，保持 8 "
	    "清醒的头脑。", 1);
	J("这一段结束了。\n8\n下一段开始。", "这一段结束了。\n8\n下一段开始。",
	    0);
	/* Redaction marks and placeholders stay as they are. */
	J("刚才****对工作进行了总结。\n**有这么光荣的传统。",
	    "刚才****对工作进行了总结。\n**有这么光荣的传统。", 0);
	J("..............\n..............", "..............\n..............",
	    0);
	/* Empty lines are left alone. */
	J("机关干部要进一步\n\n转变作风。", "机关干部要进一步\n\n转变作风。", 0);
}

/* Lines 1-9 and 54-56 of tests/data/corpus/001_*, as the chain gives them. */
static void
test_corpus(void)
{
	J("第一篇：在全市机关干部大会上的讲话\n"
	    "“创建学习型机关、争做学习型干部”学习活动\n"
	    "简报\n"
	    "第二期\n"
	    "衢州市安监局“创建学习型机关、争做\n"
	    "学习型干部”活动领导小组办公室编印 二○○九 年二月六日\n"
	    "在全市机关干部大会上的讲话\n"
	    "孙建国（2009年2月2日）\n"
	    "同志们：",
	    "第一篇：在全市机关干部大会上的讲话\n"
	    "“创建学习型机关、争做学习型干部”学习活动\n"
	    "简报\n"
	    "第二期\n"
	    "衢州市安监局“创建学习型机关、争做"
	    "学习型干部”活动领导小组办公室编印 二○○九 年二月六日\n"
	    "在全市机关干部大会上的讲话\n"
	    "孙建国（2009年2月2日）\n"
	    "同志们：", 1);
	J("三、转变作风，提高服务质量和工作效率\n"
	    "做好服务工作是机关的一项重要职能。机关干部要进一步\n"
	    "转变工作作风，明确服务方向，改进服务手段，拓展服务空间，"
	    "提高服务质量。\n"
	    "（一）围绕中心，服务大局。机关全体工作人员都要牢固树立中心意识。",
	    "三、转变作风，提高服务质量和工作效率\n"
	    "做好服务工作是机关的一项重要职能。机关干部要进一步"
	    "转变工作作风，明确服务方向，改进服务手段，拓展服务空间，"
	    "提高服务质量。\n"
	    "（一）围绕中心，服务大局。机关全体工作人员都要牢固树立中心意识。",
	    1);
	J("四、廉洁自律，做反腐倡廉的表率\n"
	    "机关干部在政治上是否坚定、干群关系是否紧密、思想和行\n"
	    "为是否规范，对全思想道德建设、党风廉政建设具有举足轻重的作用。\n"
	    "（一）始终牢记“两个务必”，发扬艰苦奋斗精神。",
	    "四、廉洁自律，做反腐倡廉的表率\n"
	    "机关干部在政治上是否坚定、干群关系是否紧密、思想和行"
	    "为是否规范，对全思想道德建设、党风廉政建设具有举足轻重的作用。\n"
	    "（一）始终牢记“两个务必”，发扬艰苦奋斗精神。", 1);
	/* A page number glued inside a line is left to the text. */
	J("这些成绩的取得，一年来，全市机 2 关干部围绕中心，开拓创新。\n"
	    "根据市委常委会讨论意见，下面，我着重就机关作风建设讲三个问题：\n"
	    "一、肯定成绩，进一步增强机关作风建设的紧迫感责任感",
	    "这些成绩的取得，一年来，全市机 2 关干部围绕中心，开拓创新。\n"
	    "根据市委常委会讨论意见，下面，我着重就机关作风建设讲三个问题：\n"
	    "一、肯定成绩，进一步增强机关作风建设的紧迫感责任感", 0);
	/* 002_*: headings of the third speech. */
	J("下面，我讲四点意见。\n第一，发展思路要清晰\n"
	    "思路决定出路。习近平总书记指出：“一个地方的发展，关键在于找准路子。”\n"
	    "一要把握发展规律。",
	    "下面，我讲四点意见。\n第一，发展思路要清晰\n"
	    "思路决定出路。习近平总书记指出：“一个地方的发展，关键在于找准路子。”\n"
	    "一要把握发展规律。", 0);
}

/* A document wrapped at a fixed width: lines that long are joined, even
 * before a short line ending in a colon; a title as long is not, nor a
 * heading (一、…) cut at a word's end, unless the next line ends its
 * sentence in three characters or fewer (…队伍 / 建设。; 推动发展。 is
 * four, as long as a paragraph's short first sentence) or the break cuts
 * a word of the list (要|把). */
static void
test_width(void)
{
	J("在全县党建工作会议上的讲话同志们今天我们召开会议\n"
	    "今天，我们召开全体党员干部大会，集中学习贯彻习近平总\n"
	    "书记有关加强党的建设和作风建设的重要指示精神，学习贯彻\n"
	    "省委全会精神。在这里我代表机关党组就进一步加强作风建设\n"
	    "讲几点意见：\n"
	    "一、加强作风建设是保证机关坚定正确的政治方向的需要，要\n"
	    "把握方向。\n"
	    "二、加强作风建设是促进机关各项工作高质量发展的需要，要\n"
	    "推动发展。",
	    "在全县党建工作会议上的讲话同志们今天我们召开会议\n"
	    "今天，我们召开全体党员干部大会，集中学习贯彻习近平总"
	    "书记有关加强党的建设和作风建设的重要指示精神，学习贯彻"
	    "省委全会精神。在这里我代表机关党组就进一步加强作风建设"
	    "讲几点意见：\n"
	    "一、加强作风建设是保证机关坚定正确的政治方向的需要，要"
	    "把握方向。\n"
	    "二、加强作风建设是促进机关各项工作高质量发展的需要，要\n"
	    "推动发展。", 4);
	/* A heading as long as the lines, cut inside a word (创|新), goes
	 * on; one shorter than the lines is whole. */
	J("对这些问题，我们必须下大决心、花大力气认真加以克服，确保取\n"
	    "得实效。\n"
	    "三、力行创新创优提质提效，引领义乌经济社会又好又快发展，创\n"
	    "新创优是当前和今后一个时期义乌发展的主旋律和总要求，我们\n"
	    "一、牢固树立建设要依靠改革改革要促进建设的指导思想全市\n"
	    "机关干部要充分认识新形势新任务对干部队伍提出的新要求，全\n"
	    "面提升工作水平和服务能力，推动各项工作迈上新的台阶。",
	    "对这些问题，我们必须下大决心、花大力气认真加以克服，确保取"
	    "得实效。\n"
	    "三、力行创新创优提质提效，引领义乌经济社会又好又快发展，创"
	    "新创优是当前和今后一个时期义乌发展的主旋律和总要求，我们\n"
	    "一、牢固树立建设要依靠改革改革要促进建设的指导思想全市\n"
	    "机关干部要充分认识新形势新任务对干部队伍提出的新要求，全"
	    "面提升工作水平和服务能力，推动各项工作迈上新的台阶。", 3);
}

static void
test_large(void)
{
	struct sp_buf in = SP_BUF_INIT, out = SP_BUF_INIT;
	size_t i, joins;

	/* 20,000 wrapped lines of one paragraph: one pass, one line out. */
	for (i = 0; i < 20000; i++)
		sp_buf_puts(&in, i ? "\n推进改革，加快发展的" : "推进改革，加快发展的");
	sp_buf_puts(&in, "步伐。");
	joins = hardwrap_join(in.data, in.len, NULL, 0, &out);
	CHECK_INT(joins, 19999);
	CHECK(memchr(out.data, '\n', out.len) == NULL);
	CHECK_INT(out.len, in.len - 19999);
	sp_buf_free(&in);
	sp_buf_free(&out);
}

/* Lines removed between two (boilerplate_gaps()) keep them apart. */
static void
test_gaps(void)
{
	static const char in[] =
	    "本公司主营各种色布、提花布、亚麻棉混纺布及其他面料\n"
	    "产品外销美国、日本、韩国、欧盟、香港等三十多个国家和地区。";
	static const unsigned char gap[] = { 0, HARDWRAP_GAP },
	    none[] = { 0, 0 };
	struct sp_buf out = SP_BUF_INIT;

	CHECK_INT(hardwrap_join(in, strlen(in), none, 2, &out), 1);
	CHECK_INT(hardwrap_join(in, strlen(in), gap, 2, &out), 0);
	CHECK_INT(out.len, strlen(in));
	/* Gaps that do not count one a line are not the document's. */
	CHECK_INT(hardwrap_join(in, strlen(in), gap, 1, &out), 1);
	sp_buf_free(&out);
}

/*
 * A paragraph end the markup made (HARDWRAP_PARA) is never joined, not
 * even at the width; a gap is joined there.
 */
static void
test_markup_breaks(void)
{
	struct sp_buf in = SP_BUF_INIT, out = SP_BUF_INIT;
	unsigned char breaks[8] = { 0 };
	size_t i;

	for (i = 0; i < 6; i++)
		sp_buf_puts(&in, i ? "\n推进改革，加快发展，推进改革，加快发展" :
		    "推进改革，加快发展，推进改革，加快发展");
	CHECK_INT(hardwrap_join(in.data, in.len, breaks, 6, &out), 5);
	breaks[3] = HARDWRAP_GAP;
	CHECK_INT(hardwrap_join(in.data, in.len, breaks, 6, &out), 5);
	breaks[3] = HARDWRAP_PARA;
	CHECK_INT(hardwrap_join(in.data, in.len, breaks, 6, &out), 4);
	breaks[3] = HARDWRAP_PARA | HARDWRAP_GAP;
	CHECK_INT(hardwrap_join(in.data, in.len, breaks, 6, &out), 4);
	CHECK(memmem(out.data, out.len, "发展\n推进", strlen("发展\n推进")) !=
	    NULL);
	sp_buf_free(&in);
	sp_buf_free(&out);
}

int
main(void)
{
	test_rules();
	test_corpus();
	test_width();
	test_large();
	test_gaps();
	test_markup_breaks();
	return check_done("test_hardwrap");
}
