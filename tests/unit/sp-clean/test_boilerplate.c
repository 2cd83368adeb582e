/*
 * Unit tests of bin/sp-clean/boilerplate.c, layout.c and rules.c: each
 * kind of content is kept by the model (headings, salutations, dates of a
 * speech, redaction marks, placeholder lines, signatures, a speech's short
 * lines between its paragraphs, prose the page repeats); the plainest
 * furniture goes; the layout and the vocabulary, judging alone (a rules
 * file that replaces the built-in judgement), find each kind of site
 * furniture; and rules files extend, override, replace and fail as
 * documented.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "boilerplate.h"
#include "buf.h"
#include "check.h"

static struct boilerplate *bp;	/* the model */
static struct boilerplate *rb;	/* the built-in rules alone */
static char *rules_alone;

/* What explain was told, for checking reasons and pointers. */
static struct sp_buf told = SP_BUF_INIT;
static const char *doc_start, *doc_end;
static int bad_pointer;

static void
tell(const char *line, size_t len, const char *reason, void *ctx)
{
	(void)ctx;
	if (line < doc_start || line + len > doc_end)
		bad_pointer = 1;
	sp_buf_append(&told, line, len);
	sp_buf_puts(&told, " <- ");
	sp_buf_puts(&told, reason);
	sp_buf_puts(&told, "\n");
}

/* Filters doc and checks the kept text and the count of dropped lines. */
static void
filter_case(struct boilerplate *b, const char *doc, const char *want,
    size_t want_dropped, int line)
{
	struct sp_buf out = SP_BUF_INIT;
	size_t dropped;

	sp_buf_clear(&told);
	doc_start = doc;
	doc_end = doc + strlen(doc);
	bad_pointer = 0;
	sp_buf_puts(&out, "stale contents");
	dropped = boilerplate_filter(b, doc, strlen(doc), NULL, &out, tell, NULL,
	    NULL);
	if (!check_mem(out.data ? out.data : "", out.len, want, strlen(want),
	    __FILE__, line, "kept lines"))
		printf("  explain said:\n%s", told.data ? told.data : "");
	check_int((long long)dropped, (long long)want_dropped, __FILE__, line,
	    "lines dropped");
	check_report(!bad_pointer, __FILE__, line,
	    "explain points into the document");
	sp_buf_free(&out);
}
#define F(doc, want, n) filter_case(bp, (doc), (want), (n), __LINE__)
/* The document is all content: nothing may go. */
#define KEEP(doc) filter_case(bp, (doc), (doc), 0, __LINE__)

static int
told_has(const char *s)
{
	return told.data && strstr(told.data, s) != NULL;
}

static void
test_content_kept(void)
{
	/* The head of a speech: title block, author, date, salutation. */
	KEEP("第一篇：在全市机关干部大会上的讲话\n"
	    "“创建学习型机关、争做学习型干部”学习活动\n"
	    "简报\n"
	    "第二期\n"
	    "衢州市安监局“创建学习型机关、争做\n"
	    "学习型干部”活动领导小组办公室编印 二○○九 年二月六日\n"
	    "在全市机关干部大会上的讲话\n"
	    "孙建国（2009年2月2日）\n"
	    "同志们：\n"
	    "这次全市机关干部大会的主题是：全面落实市委五届九次全会暨市五届"
	    "政府第八次全会精神，以深入学习实践科学发展观为主线。");
	/* Headings of every kind, short lines, redaction and placeholders.
	 * (A bare date under the title is the site's: it may go.) */
	KEEP("在机关干部大会上的讲话\n"
	    "同志们：\n"
	    "刚才****对机关春节期间的工作进行了总结，评价很高，对下一阶段的"
	    "工作作了具体安排，我完全同意。\n"
	    "一、感受\n"
	    "今天在坐的，基本上是机关的同志，我们是同行，同事。我生在***，"
	    "工作在****，对***不了解。\n"
	    "二、表态\n"
	    "（一）强化三大意识\n"
	    "（二）深入基层调查研究\n"
	    "1.围绕主题，组织工作取得新突破。\n"
	    "第一，发展思路要清晰\n"
	    "一要把握发展规律。\n"
	    "..............\n"
	    "..............\n"
	    "××××\n"
	    "同志们，让我们紧密团结起来，为实现今年的目标任务而努力奋斗，以优异"
	    "成绩回报全市人民的期望！\n"
	    "谢谢大家！\n"
	    "XX市XX局\n"
	    "2019年3月5日");
	/* The tail of a 公文: signature and date, an attachment list. */
	KEEP("关于做好2019年春节期间安全工作的通知\n"
	    "各乡镇人民政府，市直各部门：\n"
	    "为切实做好春节期间安全生产工作，确保全市人民过一个欢乐祥和的"
	    "节日，现就有关事项通知如下。\n"
	    "一、提高认识，加强领导。各地各部门要高度重视，落实责任。\n"
	    "附件：1.值班安排表\n"
	    "2.联系人名单\n"
	    "XX市人民政府办公室\n"
	    "2019年1月28日");
	/* Words of the site vocabulary inside prose stay. */
	KEEP("会议指出，要依法保护著作权人的合法权益，对未经授权复制、传播他人"
	    "作品的行为，依法查处，营造尊重知识、尊重创造的良好环境。\n"
	    "同志们，当前位置决定了我们的任务，大家要认清形势，主动作为。\n"
	    "新闻宣传部门要加强正面宣传，来源可靠的信息要及时发布，回应社会"
	    "关切，讲好发展故事。");
	/* Short title-like lines between a speech's paragraphs stay. */
	KEEP("下面，我讲三点意见。\n"
	    "第一，要想干事。想不想干事，是衡量干部事业心、责任心的重要标准，"
	    "也是检验干部精神状态的试金石。\n"
	    "服务企业\n"
	    "服务项目\n"
	    "服务民生\n"
	    "这三项服务，是今年机关作风建设的主题，各级各部门要抓紧落实，拿出"
	    "具体措施，确保取得实效。");
	/* Prose the page repeats (a print copy) is not dropped for it. */
	KEEP("各级各部门要切实加强领导，认真抓好落实，确保各项任务按时完成，"
	    "以优异成绩向全市人民交上一份满意的答卷。\n"
	    "各级各部门要切实加强领导，认真抓好落实，确保各项任务按时完成，"
	    "以优异成绩向全市人民交上一份满意的答卷。\n"
	    "各级各部门要切实加强领导，认真抓好落实，确保各项任务按时完成，"
	    "以优异成绩向全市人民交上一份满意的答卷。");
	/* A document with no prose at all, and an empty one. */
	KEEP("一、总则\n二、分则\n三、附则");
	KEEP("");
	KEEP("\n\n");
}

/* The plainest furniture goes whatever the judge. */
static void
test_model_drops(void)
{
	F("当前位置：首页 > 新闻中心 > 正文\n"
	    "关于召开年度总结会的通知\n"
	    "各单位：经研究，决定召开年度总结会，现将有关事项通知如下，请各"
	    "单位认真做好准备工作，按时参加会议。\n"
	    "上一篇：关于做好春节期间安全工作的通知\n"
	    "下一篇：关于开展安全生产大检查的通知\n"
	    "版权所有：某某市人民政府 备案号：京ICP备12345678号",
	    "关于召开年度总结会的通知\n"
	    "各单位：经研究，决定召开年度总结会，现将有关事项通知如下，请各"
	    "单位认真做好准备工作，按时参加会议。", 4);
	CHECK(told_has("当前位置：首页 > 新闻中心 > 正文 <- site vocabulary: "
	    "当前位置"));
	/* Images named by their files, between paragraphs; not a footnote
	 * mark, not a word in brackets. */
	sp_buf_clear(&told);
	filter_case(bp, "各单位：经研究，决定召开年度总结会，现将有关事项通知如"
	    "下，请各单位认真做好准备工作，按时参加会议。\n"
	    "[thumb_142_106_13267]  [W020211112707878393604]\n"
	    "会议时间为十二月二十日上午九时，地点在市政府第一会议室，请各单位"
	    "主要负责同志参加。",
	    "各单位：经研究，决定召开年度总结会，现将有关事项通知如"
	    "下，请各单位认真做好准备工作，按时参加会议。\n"
	    "会议时间为十二月二十日上午九时，地点在市政府第一会议室，请各单位"
	    "主要负责同志参加。", 1, __LINE__);
	CHECK(told_has("[W020211112707878393604] <- images named by their "
	    "files"));
	{
		const char *doc = "第一段正文内容在这里，说明了有关情况，请大家"
		    "认真阅读并提出意见。\n[12]\n[IMG]\n[photo]\n"
		    "第二段正文内容在这里，说明了其他情况，请大家认真阅读并提出"
		    "意见。";
		struct sp_buf out = SP_BUF_INIT;

		sp_buf_clear(&told);
		doc_start = doc;
		doc_end = doc + strlen(doc);
		(void)boilerplate_filter(bp, doc, strlen(doc), NULL, &out, tell,
		    NULL, NULL);
		CHECK(!told_has("images named"));
		sp_buf_free(&out);
	}
}

/* The layout and the vocabulary, alone, find each kind of furniture. */
static void
test_furniture_dropped(void)
{
	struct boilerplate *saved = bp;

	bp = rb;
	/* Breadcrumbs, by vocabulary and by separators alone. */
	F("当前位置：巨优公文网>范文大全 > 公文范文 > 2023年工作会议讲话\n"
	    "2023年工作会议讲话\n"
	    "同志们，今天我们召开全市工作会议，主要任务是总结去年工作，部署"
	    "今年任务。",
	    "2023年工作会议讲话\n"
	    "同志们，今天我们召开全市工作会议，主要任务是总结去年工作，部署"
	    "今年任务。", 1);
	F("网站首页 > 通知公告 > 正文\n"
	    "关于召开年度总结会的通知\n"
	    "各单位：经研究，决定召开年度总结会，现将有关事项通知如下。",
	    "关于召开年度总结会的通知\n"
	    "各单位：经研究，决定召开年度总结会，现将有关事项通知如下。", 1);
	CHECK(told_has("breadcrumb"));
	/* Time, source, author, view-count lines. */
	F("在全市经济工作会议上的讲话\n"
	    "时间：2023-04-25 13:50:06 公文范文来源：网友投稿\n"
	    "作者：横店人才网来源：横店人才网 日期：2014-05-17 浏览\n"
	    "发布时间：2022-10-03 08:56 浏览次数：次\n"
	    "2022-12-10 05:53:11分类：热点阅读（15429）\n"
	    "同志们，今年以来，全市经济运行总体平稳，稳中有进，各项工作取得"
	    "了新的成绩。",
	    "在全市经济工作会议上的讲话\n"
	    "同志们，今年以来，全市经济运行总体平稳，稳中有进，各项工作取得"
	    "了新的成绩。", 4);
	/* Promos and notices of 范文 sites. */
	F("下面是小编为大家整理的2023年政协会议讲话（五篇），供大家参考。\n"
	    "在日常学习、工作或生活中，大家总少不了接触作文或者范文吧，通过"
	    "文章可以把我们那些零零散散的思想，聚集在一块。这里我整理了一些优"
	    "秀的范文，希望对大家有所帮助，下面我们就来了解一下吧。\n"
	    "同志们，今天我们召开全体党员干部大会，集中学习贯彻有关加强党的"
	    "建设和作风建设的重要指示精神。\n"
	    "本文档下载后可根据需要修改，欢迎下载。",
	    "同志们，今天我们召开全体党员干部大会，集中学习贯彻有关加强党的"
	    "建设和作风建设的重要指示精神。", 3);
	CHECK(told_has("rule: 下面是小编"));
	/* Footers: links, copyright, Powered by, ICP. */
	F("同志们，让我们紧密团结起来，为实现今年的目标任务而努力奋斗！\n"
	    "推荐访问：市政协杭州十一届 2023年杭州市政协十一届三次会议（五篇）\n"
	    "版权所有：巨优公文网 2018-2024 未经授权禁止复制或建立镜像\n"
	    "Powered by 巨优公文网 © All Rights Reserved.。备案号：沪ICP备18054162号-1",
	    "同志们，让我们紧密团结起来，为实现今年的目标任务而努力奋斗！", 3);
	CHECK(told_has("推荐访问"));
	/* A site's notice of its rights and of what it reprints; not a
	 * report that opens with the site's name. */
	F("本网讯 记者今天从市政府获悉，全市城乡供水一体化工程已全面开工。\n"
	    "凡本网注明“来源：某某网”的所有作品，版权均属于某某网，未经本网"
	    "授权不得转载。\n"
	    "本网转载其他媒体稿件是为传播更多的信息，此类稿件不代表本网观点。\n"
	    "在本网发表言论者文责自负，所发内容不代表本网观点。",
	    "本网讯 记者今天从市政府获悉，全市城乡供水一体化工程已全面开工。",
	    3);
	/* A font-size widget, a tool's button, a social network's; not
	 * 大中小 in a sentence. */
	F("全市大中小企业用电量同比增长百分之八，工业经济运行总体平稳。\n"
	    "字号：大 中 小\n"
	    "【大】【中】【小】\n"
	    "【打印本页】\n"
	    "Facebook\n"
	    "• Share with Twitter",
	    "全市大中小企业用电量同比增长百分之八，工业经济运行总体平稳。", 5);
	/* Where to report the site's illegal content; not the hotline of
	 * a campaign that a notice prints. */
	F("督察组设立专门值班电话和邮政信箱，受理群众来电来信举报。\n"
	    "举报电话：010-12345678\n"
	    "违法和不良信息举报电话：0871-64166935\n"
	    "举报虚假新闻：请先选中出错的内容",
	    "督察组设立专门值班电话和邮政信箱，受理群众来电来信举报。\n"
	    "举报电话：010-12345678", 2);
	/* A gallery's counter, a stock photo's label, the keywords. */
	F("高强出资1000万元修建楼房，让老家村民们住上了新房。\n"
	    "图片 1 / 2\n"
	    "资料图\n"
	    "相关关键字：修建 楼房 村民",
	    "高强出资1000万元修建楼房，让老家村民们住上了新房。", 3);
	/* The page's tools: site search, read aloud, print, close. */
	F("会议强调，要把稳增长放在更加突出的位置，确保经济运行在合理区间。\n"
	    "(*) 本站站内搜索\n"
	    "朗读\n"
	    "打印本页\n"
	    "关闭窗口",
	    "会议强调，要把稳增长放在更加突出的位置，确保经济运行在合理区间。", 4);
	/* The next article, browser advice, a share widget. */
	F("衛生局提醒民眾，春節期間應注意飲食均衡，避免暴飲暴食。\n"
	    "下一則▼：春節期間也安心　醫療照護不停擺\n"
	    "最佳瀏覽模式：解析度1024x768或以上，瀏覽器建議使用IE7.0以上版本\n"
	    "转帖到：腾讯微博新浪微博搜狐微博",
	    "衛生局提醒民眾，春節期間應注意飲食均衡，避免暴飲暴食。", 3);
	/* A form's check boxes and radio buttons as w3m dumps them; not a
	 * note's number in brackets. */
	F("研究结果显示，长期使用尼古丁替代疗法对戒烟并没有明显帮助。\n"
	    "[*]经理人月刊电子报\n"
	    "[ ]先探投资周刊电子报\n"
	    "(*) 本报站内搜索 ( ) 网页搜索\n"
	    "[1] 王某：《戒烟研究》，2011年。",
	    "研究结果显示，长期使用尼古丁替代疗法对戒烟并没有明显帮助。\n"
	    "[1] 王某：《戒烟研究》，2011年。", 3);
	/* Headlines of a list cut to fit their box; not a point of a
	 * speech that ends in an ellipsis. */
	F("各地要认真落实根治欠薪各项制度，确保农民工按时足额拿到工资。\n"
	    "● 重庆成立全国首个警方农民工欠薪法律救 ...\n"
	    "● 北京一居民小区出现“集装箱小屋”城管 ...\n"
	    "· 广州杨箕村16户“钉子户”败诉法庭上大…",
	    "各地要认真落实根治欠薪各项制度，确保农民工按时足额拿到工资。", 3);
	KEEP("我们要坚持以下几点：\n"
	    "• 坚持以人民为中心的发展思想，坚持新发展理念……\n"
	    "这些都是我们必须长期坚持的根本原则。");
	/* Previous and next. */
	F("各级党组织要切实履行好第一责任人的职责，坚持守土有责、守土负责。\n"
	    "上一篇：在全县党建工作会议上的讲话\n"
	    "下一篇：在全市组织工作会议上的讲话",
	    "各级党组织要切实履行好第一责任人的职责，坚持守土有责、守土负责。",
	    2);
	/* A related-link list after its heading, up to the next prose. */
	F("同志们，新的一年，是衢州发展极为关键的一年。机遇不容闪失，时间"
	    "弥足珍贵。\n"
	    "相关内容\n"
	    "在全市机关干部大会上的讲话\n"
	    "机关作风建设工作会议讲话稿\n"
	    "2022-11-10\n"
	    "热门阅读\n"
	    "党建工作会议讲话（三篇）\n"
	    "最新更新\n"
	    "县委书记在全县经济工作会议上的讲话",
	    "同志们，新的一年，是衢州发展极为关键的一年。机遇不容闪失，时间"
	    "弥足珍贵。", 8);
	CHECK(told_has("list of links after 相关内容"));
	/* Menus: on one line, and one item a line before the title. */
	F("网站首页 新闻中心 关于我们 联系我们\n"
	    "首页\n"
	    "新闻\n"
	    "资讯\n"
	    "专题\n"
	    "关于印发工作要点的通知\n"
	    "各单位：现将今年工作要点印发给你们，请结合实际，认真贯彻落实。",
	    "关于印发工作要点的通知\n"
	    "各单位：现将今年工作要点印发给你们，请结合实际，认真贯彻落实。", 5);
	CHECK(told_has("menu"));
	/* The page's title with the site's name: the title itself stays. */
	F("什么食物对脑梗有好处-缠绵床褥网\n"
	    "什么食物对脑梗有好处\n"
	    "脑梗患者之所以摊上脑梗，主要是因为脑血管出现堵塞，导致脑部血液"
	    "养分供应障碍而引起的病变。",
	    "什么食物对脑梗有好处\n"
	    "脑梗患者之所以摊上脑梗，主要是因为脑血管出现堵塞，导致脑部血液"
	    "养分供应障碍而引起的病变。", 1);
	CHECK(told_has("page title with the site's name"));
	/* A form after the document; the explanation quotes the match. */
	F("多用途水果螺旋榨汁机由机架、传动系统、进料部分、榨汁部分、液压系统和"
	    "护罩以及电器控制部分等组成。\n"
	    "您的单位：\n您的姓名：\n常用邮箱：\n详细地址：\n"
	    "联系电话：0523-81601255",
	    "多用途水果螺旋榨汁机由机架、传动系统、进料部分、榨汁部分、液压系统和"
	    "护罩以及电器控制部分等组成。", 5);
	CHECK(told_has("您的姓名： <- form"));
	CHECK(told_has("联系电话：0523-81601255 <- site vocabulary: 联系电话"));
	/* Fields of a template between paragraphs are the document's. */
	KEEP("会议记录要素如下，各单位要认真填写，按时报送办公室，不得遗漏。\n"
	    "主持人：\n记录人：\n参会人员：\n"
	    "记录由办公室统一归档，保存期限为十年，任何人不得私自带走。");
	/* A ranking after the document; numbered lines inside it stay. */
	F("各级党组织要切实履行好第一责任人的职责，坚持守土有责、守土负责，"
	    "确保各项任务落到实处。\n"
	    "1早财经丨山东青岛昨日新增本土病例\n"
	    "2独家丨赣锋锂业涉嫌内幕交易被立案\n"
	    "3比亚迪：6月汽车总销量约13万辆",
	    "各级党组织要切实履行好第一责任人的职责，坚持守土有责、守土负责，"
	    "确保各项任务落到实处。", 3);
	CHECK(told_has("ranked list of links"));
	KEEP("项目共建设三栋住宅楼，总投资两亿元，其中一期工程已于去年底竣工，"
	    "二期工程正在加紧施工。\n"
	    "1号楼 18层\n2号楼 24层\n3号楼 32层\n"
	    "各参建单位要加强安全管理，确保工程质量，按期交付使用，让群众早日"
	    "住上新房。");
	/* A stray paragraph among footers does not make them the body. */
	F("同志们，让我们紧密团结起来，为实现今年的目标任务而努力奋斗，以优异"
	    "成绩迎接党的二十大胜利召开！\n"
	    "相关内容\n"
	    "关于我们\n版权声明\n联系我们\n广告投放\n友情链接\n关注我们\n"
	    "订阅中心\n"
	    "特别提醒：如果我们使用了您的图片，请作者与我们联系索取稿酬。如您"
	    "不希望作品出现在这里，可联系我们撤下。\n"
	    "封面图片来源：摄图网-500635638",
	    "同志们，让我们紧密团结起来，为实现今年的目标任务而努力奋斗，以优异"
	    "成绩迎接党的二十大胜利召开！\n"
	    "特别提醒：如果我们使用了您的图片，请作者与我们联系索取稿酬。如您"
	    "不希望作品出现在这里，可联系我们撤下。", 9);
	/* Decoration and template code. */
	F("第一章 起程\n-\n他推开门，走进了雨里。天色很暗，街上没有一个人，只有远处的路灯还亮着，照着湿漉漉的石板路。\n-\n"
	    "{{# $.each(d,function(k,v){ }}{{# var cc=(v.id== '177') }}",
	    "第一章 起程\n他推开门，走进了雨里。天色很暗，街上没有一个人，只有远处的路灯还亮着，照着湿漉漉的石板路。", 3);
	bp = saved;
}

static int
load(struct boilerplate *b, const char *text, const char *name, char *err,
    size_t errlen)
{
	return boilerplate_load(b, text, strlen(text), name, err, errlen);
}

static int
load_model(struct boilerplate *b, const char *text, const char *name,
    char *err, size_t errlen)
{
	return boilerplate_load_model(b, text, strlen(text), name, err, errlen);
}

static void
test_rules_files(void)
{
	struct boilerplate *b;
	char err[256];
	const char *doc = "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。\n"
	    "广告位招租\n"
	    "版权所有 某某网";

	/* The model alone: the footer goes, the rest stays. */
	b = boilerplate_new(err, sizeof err);
	CHECK(b != NULL);
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。\n广告位招租", 1, __LINE__);
	/* A user's word drops its line, whatever the model says. */
	CHECK_INT(load(b, "# mine\nhas 10 广告位\n", "my.rules",
	    err, sizeof err), 0);
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。", 2, __LINE__);
	CHECK(told_has("广告位招租 <- rule: 广告位"));
	boilerplate_free(b);

	/* A negative weight keeps its line, whatever the model says. */
	b = boilerplate_new(err, sizeof err);
	CHECK_INT(load(b, "has -10 版权所有\n", "keep.rules",
	    err, sizeof err), 0);
	filter_case(b, doc, doc, 0, __LINE__);
	/* Prose a user names goes too; the footer the user keeps stays. */
	CHECK_INT(load(b, "start 10 各单位要认真落实\n", "prose.rules", err,
	    sizeof err), 0);
	sp_buf_clear(&told);
	{
		struct sp_buf out = SP_BUF_INIT;

		(void)boilerplate_filter(b, doc, strlen(doc), NULL, &out, tell,
		    NULL, NULL);
		CHECK(told_has(" <- rule: 各单位要认真落实"));
		CHECK(out.len >= 22 && memcmp(out.data + out.len - 22,
		    "版权所有 某某网", 22) == 0);
		sp_buf_free(&out);
	}
	boilerplate_free(b);

	/* Under a higher threshold a rule speaks only as vocabulary: the
	 * model judges, with the rule's weight in what it weighs. */
	b = boilerplate_new(err, sizeof err);
	CHECK_INT(load(b, "%threshold 20\nhas 10 广告位\n", "t.rules", err,
	    sizeof err), 0);
	sp_buf_clear(&told);
	{
		struct sp_buf out = SP_BUF_INIT;

		(void)boilerplate_filter(b, doc, strlen(doc), NULL, &out, tell,
		    NULL, NULL);
		CHECK(!told_has("rule: "));
		CHECK(out.len > 0 && strncmp(out.data, doc, strchr(doc, '\n') -
		    doc) == 0);
		sp_buf_free(&out);
	}
	boilerplate_free(b);

	/* Replacing: only the file's rules and the layout judge. */
	b = boilerplate_new(err, sizeof err);
	CHECK_INT(load(b, "%replace\nre 10 广告\n", "r.rules",
	    err, sizeof err), 0);
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。\n版权所有 某某网", 1, __LINE__);
	/* A model loaded after it is set aside: the rules still judge. */
	CHECK_INT(load_model(b, "sp-clean boilerplate model 1\n"
	    "threshold 0\nbase 9\ntrees 0\n", "m", err, sizeof err), 0);
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。\n版权所有 某某网", 1, __LINE__);
	boilerplate_free(b);

	/* A model of the user's: this one drops every line it judges; the
	 * prose over 300 characters is not judged. */
	b = boilerplate_new(err, sizeof err);
	CHECK_INT(load_model(b, "sp-clean boilerplate model 1\n"
	    "threshold 0.5\nbase 9\ntrees 0\n", "m", err, sizeof err), 0);
	filter_case(b, doc, "", 3, __LINE__);
	/* A paragraph with the site's words glued to its end stays; a
	 * notice that is the site's words from the start does not. */
	filter_case(b, "今年的收成比去年好了一成，全县粮食总产量再创历史新高，"
	    "农民收入稳步增长。版权所有 某某网\n"
	    "本网转载其他媒体稿件是为传播更多的信息，所转载的稿件均已注明来"
	    "源和作者。版权均属原作者所有。",
	    "今年的收成比去年好了一成，全县粮食总产量再创历史新高，"
	    "农民收入稳步增长。版权所有 某某网", 1, __LINE__);
	/* The user's words weigh in the head too: a negative weight on
	 * its words makes the notice prose again, its tail a widget. */
	{
		struct boilerplate *u = boilerplate_new(err, sizeof err);

		CHECK_INT(load_model(u, "sp-clean boilerplate model 1\n"
		    "threshold 0.5\nbase 9\ntrees 0\n", "m", err,
		    sizeof err), 0);
		CHECK_INT(load(u, "has -20 本网转载\n", "u.rules", err,
		    sizeof err), 0);
		filter_case(u, "本网转载其他媒体稿件是为传播更多的信息，所转载的"
		    "稿件均已注明来源和作者。版权均属原作者所有。",
		    "本网转载其他媒体稿件是为传播更多的信息，所转载的"
		    "稿件均已注明来源和作者。版权均属原作者所有。", 0,
		    __LINE__);
		boilerplate_free(u);
	}
	/* Whatever the model says, a document's number stays, alone or
	 * after its label; one that a sentence cites or a menu does not. */
	filter_case(b, "关于加强供水安全管理的通知\n市政办发〔2023〕12号\n"
	    "发文字号：市政办发〔2023〕12号\n首页 | 政务公开\n"
	    "依据市政办发〔2023〕12号执行\n京政办发[2021]12号",
	    "市政办发〔2023〕12号\n发文字号：市政办发〔2023〕12号\n"
	    "京政办发[2021]12号", 3, __LINE__);
	/* So does the block of particulars that holds it, label and value
	 * on a line or apart; not a footer's block, which has none. */
	filter_case(b, "首页 | 政务公开\n索引号：11220000/2022-00426\n"
	    "发文机关：\n吉林省人民政府\n成文日期：2022年01月27日\n"
	    "发文字号：\n吉政明电〔2022〕1号\n\n关于禁止新增建设项目的通告\n"
	    "主办单位：吉林省人民政府办公厅\n网站标识码：2200000001\n"
	    "备案号：吉ICP备05002016号",
	    "索引号：11220000/2022-00426\n发文机关：\n吉林省人民政府\n"
	    "成文日期：2022年01月27日\n发文字号：\n吉政明电〔2022〕1号\n",
	    5, __LINE__);
	/* A model in doubt (0.60, under its cut-off of 0.90) keeps a
	 * headline, printed twice over, and lines of prose; it drops a
	 * list of three headlines or more, and --explain says so. */
	CHECK_INT(load_model(b, "sp-clean boilerplate model 1\n"
	    "threshold 0.9\nbase 0.405465\ntrees 0\n", "m", err, sizeof err),
	    0);
	filter_case(b, "全市推进城乡供水一体化建设工作现场会在我县召开\n"
	    "全市推进城乡供水一体化建设工作现场会在我县召开\n"
	    "会议要求，各地要加快推进城乡供水一体化建设，确保群众喝上放心水。\n"
	    "连任靠风水县长馆终结十立委昔县长馆办公室今十立委未连任\n\n"
	    "空中救援新战力超级美洲狮登场固定医疗急救设备提高国军战力\n"
	    "私立高职无预警裁班学生成人球十五人违规遭退学剩十九人\n"
	    "今年以来，全县累计完成供水管网改造一百二十公里，受益群众五万余人",
	    "全市推进城乡供水一体化建设工作现场会在我县召开\n"
	    "全市推进城乡供水一体化建设工作现场会在我县召开\n"
	    "会议要求，各地要加快推进城乡供水一体化建设，确保群众喝上放心水。\n"
	    "\n今年以来，全县累计完成供水管网改造一百二十公里，受益群众五万余人",
	    3, __LINE__);
	CHECK(told_has("one of a list of headlines (model 0.60)"));
	/* Headlines of a list may have a space, Latin words and figures in
	 * them; two in a row, or short lines, are no list. */
	filter_case(b, "会议要求，各地要加快推进城乡供水一体化建设。\n"
	    "企业去年募资8191亿元年增15.4% 主要为偿债扩厂\n"
	    "勤业：100美元以下智能手机今年销量翻倍至5亿支\n"
	    "IHS iSuppli：云端服务器需求未来三年步步高升\n"
	    "会议要求，各地要加快推进城乡供水一体化建设。\n"
	    "桃园平交道车祸 23人分送三医院救治\n"
	    "流感春节高峰 23家医院拟春节开诊\n"
	    "会议要求，各地要加快推进城乡供水一体化建设。\n"
	    "供水管网改造\n城乡供水一体化\n农村饮水安全巩固\n",
	    "会议要求，各地要加快推进城乡供水一体化建设。\n"
	    "会议要求，各地要加快推进城乡供水一体化建设。\n"
	    "桃园平交道车祸 23人分送三医院救治\n"
	    "流感春节高峰 23家医院拟春节开诊\n"
	    "会议要求，各地要加快推进城乡供水一体化建设。\n"
	    "供水管网改造\n城乡供水一体化\n农村饮水安全巩固\n",
	    3, __LINE__);
	/* So are a dump's items of a list with a bullet, after the
	 * article, and its heading (edges.h); but the page's own headline,
	 * listed among them, stays, and so does a list of the article's
	 * own, which a sentence follows. */
#define SAID "会议要求，各地要加快推进城乡供水一体化建设，确保群众喝上放心水，" \
	"全面提升农村供水保障水平，让城乡居民共享发展成果。\n"
	filter_case(b, "全县城乡供水一体化工程全面开工\n" SAID
	    "相关新闻\n"
	    "• 全市召开春季农业生产工作会议\n"
	    "• 全县城乡供水一体化工程全面开工\n"
	    "• 省农业农村厅调研乡村振兴工作\n"
	    "• 我县举办农民丰收节庆祝活动\n"
	    "• 一季度全县经济运行稳中向好\n",
	    "全县城乡供水一体化工程全面开工\n" SAID
	    "• 全县城乡供水一体化工程全面开工\n",
	    5, __LINE__);
	filter_case(b, "全县城乡供水一体化工程全面开工\n" SAID
	    "• 全市召开春季农业生产工作会议\n"
	    "• 省农业农村厅调研乡村振兴工作\n"
	    "• 我县举办农民丰收节庆祝活动\n"
	    "专家表示，只要做到以上几点，就能平安度过这个季节。",
	    "全县城乡供水一体化工程全面开工\n" SAID
	    "• 全市召开春季农业生产工作会议\n"
	    "• 省农业农村厅调研乡村振兴工作\n"
	    "• 我县举办农民丰收节庆祝活动\n"
	    "专家表示，只要做到以上几点，就能平安度过这个季节。",
	    0, __LINE__);
#undef SAID
	/* A line the model alone drops, between kept paragraphs, stays; not
	 * a breadcrumb. */
	CHECK_INT(load_model(b, "sp-clean boilerplate model 1\n"
	    "threshold 0.5\nbase 9\ntrees 0\n", "m", err, sizeof err), 0);
#define PROSE "今年以来，全县上下认真贯彻落实市委市政府的决策部署，坚持稳中求进" \
	"工作总基调，统筹推进疫情防控和经济社会发展各项工作，全县经济运行" \
	"总体平稳、稳中有进。全县地区生产总值同比增长百分之六点五，一般公" \
	"共预算收入同比增长百分之八，城乡居民人均可支配收入稳步提高。各项" \
	"民生事业全面进步，社会大局和谐稳定。"
	filter_case(b, PROSE "\n动态信息\n" PROSE, PROSE "\n动态信息\n" PROSE,
	    0, __LINE__);
	filter_case(b, PROSE "\n首页 > 新闻中心 > 正文\n" PROSE,
	    PROSE "\n" PROSE, 1, __LINE__);
#undef PROSE
	CHECK_INT(load_model(b, "not a model\n", "bad.model",
	    err, sizeof err), -1);
	CHECK(strstr(err, "bad.model:1: not an sp-clean model") != NULL);
	/* Past any cut-off the model drops nothing; a line of the site's
	 * words alone (版权所有 某某网) goes all the same. */
	boilerplate_set_cutoff(b, 1.1);
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。\n广告位招租", 1, __LINE__);
	boilerplate_free(b);

	/* A model of two stages: stage 1 drops the image tokens alone;
	 * stage 2 also drops a line between two lines stage 1 drops, and
	 * --explain says what the neighbours' scores weighed. */
	b = boilerplate_new(err, sizeof err);
	CHECK_INT(load_model(b, "sp-clean boilerplate model 2\n"
	    "threshold 0.5\n"
	    "stage 1\nbase 0\nfeature tokens\ntrees 1\ntree 3\n"
	    "node 0 0.5 1 1 2 0\nleaf -9\nleaf 9\n"
	    "stage 2\nbase 0\nfeature s_p\nfeature s_b1\nfeature s_a1\n"
	    "trees 1\ntree 7\n"
	    "node 0 0.5 1 1 6 0\n"		/* sure alone: drop */
	    "node 1 0.5 1 2 3 0\nleaf -9\n"	/* the line above kept */
	    "node 2 0.5 1 4 5 0\nleaf -9\nleaf 9\n"	/* below */
	    "leaf 9\n", "two.model", err, sizeof err), 0);
	filter_case(b, "[图片]\n首页\n[图片]\n各单位要认真落实，确保各项工作"
	    "任务按时完成。", "各单位要认真落实，确保各项工作任务按时完成。", 3,
	    __LINE__);
	CHECK(told_has("首页 <- model 1.00 (alone 0.00, neighbours' scores "
	    "+9.00)"));
	/* Stage 1 alone keeps it. */
	CHECK_INT(load_model(b, "sp-clean boilerplate model 1\n"
	    "threshold 0.5\nbase 0\nfeature tokens\ntrees 1\ntree 3\n"
	    "node 0 0.5 1 1 2 0\nleaf -9\nleaf 9\n", "one.model", err,
	    sizeof err), 0);
	filter_case(b, "[图片]\n首页\n[图片]\n各单位要认真落实，确保各项工作"
	    "任务按时完成。", "首页\n各单位要认真落实，确保各项工作任务按时完成。",
	    2, __LINE__);
	boilerplate_free(b);

	/* Errors name the file and line, and the file adds nothing. */
	b = boilerplate_new(err, sizeof err);
#define BAD(text, want) do { \
	CHECK_INT(boilerplate_load(b, (text), strlen(text), "x.rules", err, \
	    sizeof err), -1); \
	if (!CHECK(strstr(err, (want)) != NULL)) \
		printf("  err: %s\n", err); \
} while (0)
	BAD("has 10 广告位\nfoo 3 bar\n", "x.rules:2: unknown rule kind \"foo\"");
	BAD("has ten 广告位\n", "x.rules:1: weight \"ten\" is not an integer");
	BAD("has 1000 广告位\n", "x.rules:1: weight \"1000\"");
	BAD("has 10\n", "x.rules:1: has needs a pattern");
	BAD("nav\n", "x.rules:1: nav needs a pattern");
	BAD("\n\nre 10 (unclosed\n", "x.rules:3: bad regular expression at "
	    "offset");
	BAD("has 10 a\n%replace\n", "x.rules:2: %replace must come before");
	BAD("%threshold 0\n", "x.rules:1: %threshold needs an integer");
	BAD("%include other\n", "x.rules:1: unknown directive");
	BAD("has 10 \xff\xfe\n", "x.rules:1: pattern is not valid UTF-8");
	/* ... and the rules before the error were not kept either. */
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。\n广告位招租", 1, __LINE__);
	CHECK(!told_has("rule: "));
	/* CRLF files, blank and comment lines are fine. */
	CHECK_INT(boilerplate_load(b, "# c\r\n\r\n  has 10 招租  \r\n", 24,
	    "crlf.rules", err, sizeof err), 0);
	filter_case(b, doc, "各单位要认真落实，确保各项工作任务按时完成，不得推诿。"
	    "对工作不力的，要严肃追究责任。", 2, __LINE__);
	boilerplate_free(b);
}

static void
test_limits(void)
{
	struct boilerplate *b;
	struct sp_buf doc = SP_BUF_INIT, out = SP_BUF_INIT;
	char err[256];
	size_t i, k, dropped;
	clock_t t0;

	/* A pattern that backtracks exponentially hits the match limit. */
	b = boilerplate_new(err, sizeof err);
	CHECK_INT(boilerplate_load(b, "re 10 ^(a+)+$\n", 14, "slow.rules", err,
	    sizeof err), 0);
	for (i = 0; i < 40; i++)
		sp_buf_putc(&doc, 'a');
	sp_buf_putc(&doc, 'b');
	t0 = clock();
	dropped = boilerplate_filter(b, doc.data, doc.len, NULL, &out, NULL, NULL,
	    NULL);
	CHECK_INT(dropped, 0);
	CHECK((clock() - t0) / CLOCKS_PER_SEC < 5);
	boilerplate_free(b);

	/* Invalid UTF-8 and NUL bytes in the document: judged, no crash;
	 * what is kept is kept whole. */
	sp_buf_clear(&doc);
	sp_buf_append(&doc, "\xff\xfe abc\n\xe4\xb8\n中\0文", 17);
	dropped = boilerplate_filter(rb, doc.data, doc.len, NULL, &out, NULL,
	    NULL, NULL);
	CHECK_INT(dropped, 0);
	CHECK_INT(out.len, 17);
	dropped = boilerplate_filter(bp, doc.data, doc.len, NULL, &out, NULL,
	    NULL, NULL);
	CHECK(dropped <= 3);
	CHECK(out.len == 0 || memmem(doc.data, doc.len, out.data, out.len) ||
	    memmem(doc.data, doc.len, "中\0文", 7));

	/* Many lines of prose, repeated, then one long line: linear, and
	 * prose is not dropped for repeating. */
	sp_buf_clear(&doc);
	for (i = 0; i < 20000; i++)
		sp_buf_puts(&doc, "各级各部门要切实加强领导，认真抓好落实，确保各项"
		    "任务按时完成，以优异成绩向全市人民交上满意答卷。\n");
	for (i = 0; i < 100000; i++)
		sp_buf_puts(&doc, "发展");
	sp_buf_puts(&doc, "。");
	t0 = clock();
	dropped = boilerplate_filter(bp, doc.data, doc.len, NULL, &out, NULL, NULL,
	    NULL);
	CHECK_INT(dropped, 0);
	CHECK_INT(out.len, doc.len);
	CHECK((clock() - t0) / CLOCKS_PER_SEC < 5);
	/* More lines than one window: scored a window at a time. */
	sp_buf_clear(&doc);
	for (i = 0; i < 250000; i++) {
		if (i)
			sp_buf_putc(&doc, '\n');
		sp_buf_puts(&doc, i % 1000 == 999 ? "版权所有 某某网" :
		    "各级各部门要切实加强领导，认真抓好落实，确保各项任务按时完成。");
	}
	dropped = boilerplate_filter(rb, doc.data, doc.len, NULL, &out, NULL,
	    NULL, NULL);
	CHECK_INT(dropped, 250);
	CHECK(memmem(out.data, out.len, "版权所有", strlen("版权所有")) == NULL);
	for (i = 0, k = 0; i < out.len; i++)
		k += out.data[i] == '\n';
	CHECK_INT(k, 250000 - 250 - 1);
	sp_buf_free(&doc);
	sp_buf_free(&out);
}

/*
 * The built-in rules behind "%replace": the judgement of the rules and
 * the layout alone, as the step was before it learned.
 */
static char *
read_rules_alone(void)
{
	FILE *f = fopen("bin/sp-clean/data/boilerplate.rules", "r");
	struct sp_buf b = SP_BUF_INIT;
	char chunk[4096];
	size_t n;

	sp_buf_puts(&b, "%replace\n");
	if (f == NULL)
		return b.data;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sp_buf_append(&b, chunk, n);
	fclose(f);
	sp_buf_putc(&b, '\0');
	return b.data;
}

int
main(void)
{
	char err[256];

	rules_alone = read_rules_alone();
	if ((bp = boilerplate_new(err, sizeof err)) == NULL) {
		printf("FAIL boilerplate_new: %s\n", err);
		return check_done("test_boilerplate");
	}
	if ((rb = boilerplate_new(err, sizeof err)) == NULL ||
	    boilerplate_load(rb, rules_alone, strlen(rules_alone),
	    "alone.rules", err, sizeof err) < 0) {
		printf("FAIL the rules alone: %s\n", err);
		return check_done("test_boilerplate");
	}
	test_content_kept();
	test_model_drops();
	test_furniture_dropped();
	test_rules_files();
	test_limits();
	boilerplate_free(bp);
	boilerplate_free(rb);
	free(rules_alone);
	sp_buf_free(&told);
	return check_done("test_boilerplate");
}
