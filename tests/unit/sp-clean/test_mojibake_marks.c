/*
 * Unit tests of the marks open before a span (mojibake_marks.h): a
 * closing mark is cheaper where its pair is open and dearer where it is
 * not, other characters are not touched, the line is read on from where
 * it was, and a new line or a new text starts with none open.
 */
#include <string.h>

#include "check.h"
#include "mojibake_marks.h"

static void
test_fit(void)
{
	const char *s = "他说：“我们（一起";	/* “ and （ open */
	size_t n = strlen(s);

	marks_line();
	CHECK(mark_fit(0x201D) > 0);		/* ” with no “ */
	marks_before(s, n);
	CHECK(mark_fit(0x201D) < 0);		/* ” closes “ */
	CHECK(mark_fit(0xFF09) < 0);		/* ） closes （ */
	CHECK(mark_fit(0x3011) > 0);		/* 】 with no 【 */
	CHECK(mark_fit(0x5458) == 0);		/* 员: no mark */
	CHECK(mark_fit(0x201C) == 0);		/* “ opens */
	CHECK(marks_open() == (1u << 0 | 1u << 4));
}

static void
test_reading(void)
{
	const char *s = "“甲”乙“丙";
	size_t n = strlen(s), closed = strlen("“甲”");

	marks_line();
	marks_before(s, strlen("“甲"));
	CHECK(marks_open() == 1u);
	/* Read on: the ” closes it. */
	marks_before(s, closed);
	CHECK(marks_open() == 0);
	marks_before(s, n);
	CHECK(marks_open() == 1u);
	/* Back within the line: read again from its start. */
	marks_before(s, closed);
	CHECK(marks_open() == 0);
	/* A closing mark with none open does not go below none. */
	marks_line();
	marks_before("”“", strlen("”“"));
	CHECK(marks_open() == 1u);
	/* Another text is another line. */
	marks_before("甲", strlen("甲"));
	CHECK(marks_open() == 0);
}

int
main(void)
{
	test_fit();
	test_reading();
	return check_done("test_mojibake_marks");
}
