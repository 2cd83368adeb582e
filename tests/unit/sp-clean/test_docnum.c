/* Unit tests of bin/sp-clean/docnum.c: lines that are document numbers. */
#include <string.h>

#include "check.h"
#include "docnum.h"

#define D(s) docnum_line((s), strlen(s))

static void
test_numbers(void)
{
	CHECK(D("国发〔2023〕5号"));
	CHECK(D("吉政明电〔2022〕1号"));
	CHECK(D("  京政办发[2021]12号  "));
	CHECK(D("粤府函（2020）第135号"));
	CHECK(D("鲁政字【2019】208号"));
	CHECK(D("国办发〔２０２３〕１５号"));
	CHECK(D("中发[ 2018 ] 4号"));
	CHECK(D("发文字号：吉政明电〔2022〕1号"));
	CHECK(D("发文字号：    吉政明电〔2022〕1号"));
	CHECK(D("文　号: 湘政发〔2022〕3号"));
	CHECK(D("FJ政〔2020〕7号"));
	CHECK(D("文号 国发〔2023〕5号"));
	CHECK(D("发文字号　　国办发﹝2023﹞15号"));
}

static void
test_not_numbers(void)
{
	/* A sentence that cites one, a title, a date, a list of them. */
	CHECK(!D("根据国发〔2023〕5号文件精神，现通知如下。"));
	CHECK(!D("国务院关于印发〔2023〕5号文件的通知"));
	CHECK(!D("国发〔2023〕5号、国发〔2023〕6号"));
	CHECK(!D("2023年5月1日"));
	CHECK(!D("〔2023〕5号"));
	CHECK(!D("国发〔23〕5号"));
	CHECK(!D("国发〔2023〕号"));
	CHECK(!D("国发〔2023〕123456号"));
	CHECK(!D("国发〔2023〕5"));
	CHECK(!D("国发〔2023）5号"));
	CHECK(!D("国发2023 5号"));
	CHECK(!D("这是一个很长很长很长的发文机关名称〔2023〕5号"));
	CHECK(!D("关于本网站的版权声明和其他事项：国发〔2023〕5号"));
	CHECK(!D(""));
	CHECK(!D("号"));
	CHECK(!D("国发〔2023〕5号楼"));
	CHECK(!D("ISO(2023)5号"));
	CHECK(!D("关于印发 国发〔2023〕5号 的通知"));
	CHECK(!D("这是一个很长的标签名称 国发〔2023〕5号"));
}

int
main(void)
{
	test_numbers();
	test_not_numbers();
	return check_done("test_docnum");
}
