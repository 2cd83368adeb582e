/* Unit tests of markers.c: the built-in document markers. */
#include <string.h>

#include "check.h"
#include "markers.h"

#define IS(s) CHECK(marker_builtin(s, strlen(s)))
#define NOT(s) CHECK(!marker_builtin(s, strlen(s)))

int
main(void)
{
	const char *t = "  第一篇：标题　 ";
	size_t n = strlen(t);

	IS("第一篇:在全市机关干部大会上的讲话");
	IS("第二篇 在机关干部大会上的讲话");
	IS("第十二篇在机关干部大会上的讲话");
	IS("第3篇：讲话");
	IS("第１２篇");
	IS("　第五篇");
	IS("杭州市政协十一届三次会议篇一");
	IS("杭州市政协十一届三次会议篇十一");
	IS("讲话稿（篇二）");
	IS("讲话稿篇3");
	IS("【篇一】");
	IS("【篇二】在会上的讲话");
	IS("【第一篇】讲话");
	IS("[篇四]");
	IS("范文一");
	IS("范文二：在会上的讲话");
	IS("范文3 讲话");
	IS("【范文一】");
	IS("篇一：讲话");
	IS("篇二");
	/* Not markers. */
	NOT("");
	NOT("第一篇文章写得很好，我们要认真学习。");
	NOT("2023年杭州市政协十一届三次会议(五篇)(完整)");
	NOT("范文一般是指可以作为模范的文章");
	NOT("篇幅很长");
	NOT("这一篇");
	NOT("第一章 总则");
	NOT("在全市机关干部大会上的讲话，这是一个非常非常非常非常非常非常非常非常非常长的标题行，超过了六十个字的限制，所以它不能是一个文档的标记行篇一");
	marker_trim(&t, &n);
	CHECK_MEM(t, n, "第一篇：标题");
	return check_done("test_markers");
}
