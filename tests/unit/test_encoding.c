/* test_encoding.c: common/encoding.h. */
#include <string.h>

#include "check.h"
#include "enc_declared.h"
#include "enc_score.h"
#include "encoding.h"

static struct sp_enc_guess g;

static const char *
detect(const char *s, size_t n)
{
	sp_enc_detect((const unsigned char *)s, n, 1, &g);
	return g.name;
}

int
main(void)
{
	/* 中文 in each encoding, a sentence long enough for uchardet. */
	static const char gbk[] = "\xd6\xd0\xbb\xaa\xc8\xcb\xc3\xf1\xb9\xb2"
	    "\xba\xcd\xb9\xfa\xb9\xfa\xce\xf1\xd4\xba\xb9\xd8\xd3\xda\xbc\xd3"
	    "\xc7\xbf\xbb\xfa\xb9\xd8\xd7\xf7\xb7\xe7\xbd\xa8\xc9\xe8\xb5\xc4"
	    "\xd2\xe2\xbc\xfb\xa1\xa3";
	static const char u16le[] = "\xff\xfe\x2d\x4e\x87\x65";
	static const char u16le_nomark[] =
	    "\x73\x51\x8e\x4e\xdb\x8f\x00\x4e\x65\x6b\xa0\x52\x3a\x5f"
	    "\xfa\x57\x42\x5c\x5a\x51\xc4\x7e\xc7\x7e\xfa\x5e\xbe\x8b"
	    "\x84\x76\x9e\x5b\xbd\x65\x0f\x61\xc1\x89\x02\x30\x0c\x54"
	    "\xd7\x5f\xec\x4e\x1a\xff\xca\x4e\x29\x59\xec\x53\x00\x5f"
	    "\x1a\x4f\xae\x8b\x02\x30";
	static const char u16be_nomark[] =
	    "\x51\x73\x4e\x8e\x8f\xdb\x4e\x00\x6b\x65\x52\xa0\x5f\x3a"
	    "\x57\xfa\x5c\x42\x51\x5a\x7e\xc4\x7e\xc7\x5e\xfa\x8b\xbe"
	    "\x76\x84\x5b\x9e\x65\xbd\x61\x0f\x89\xc1\x30\x02\x54\x0c"
	    "\x5f\xd7\x4e\xec\xff\x1a\x4e\xca\x59\x29\x53\xec\x5f\x00"
	    "\x4f\x1a\x8b\xae\x30\x02";
	static const char big5[] =
	    "\xc3\xf6\xa9\xf3\xb6\x69\xa4\x40\xa8\x42\xa5\x5b\xb1\x6a"
	    "\xb0\xf2\xbc\x68\xc4\xd2\xb2\xd5\xc2\xb4\xab\xd8\xb3\x5d"
	    "\xaa\xba\xb9\xea\xac\x49\xb7\x4e\xa8\xa3\xa1\x43";
	struct sp_buf out = SP_BUF_INIT;
	struct sp_conv *c;
	const char *p;
	char canon[32];
	int64_t first;
	size_t i;

	CHECK(strcmp(detect("plain ascii\n", 12), "UTF-8") == 0);
	CHECK(strcmp(detect("\xe4\xb8\xad\xe6\x96\x87", 6), "UTF-8") == 0);
	CHECK(strcmp(detect("\xef\xbb\xbf\xe4\xb8\xad", 6), "UTF-8") == 0);
	CHECK_INT(g.bom, 3);
	CHECK(strcmp(detect(u16le, 6), "UTF-16LE") == 0);
	CHECK_INT(g.bom, 2);
	CHECK(strcmp(detect("\xfe\xff\x4e\x2d", 4), "UTF-16BE") == 0);
	CHECK(strcmp(detect("a\0b\0c\0d\0e\0f\0", 12), "UTF-16LE") == 0);
	CHECK(g.binary == 0);
	CHECK(strcmp(detect(gbk, sizeof gbk - 1), "GB18030") == 0);
	/* UTF-16 without a mark and without NULs: Chinese text, by its units. */
	CHECK(strcmp(detect(u16le_nomark, sizeof u16le_nomark - 1),
	    "UTF-16LE") == 0);
	CHECK(g.utf16 == 1 && g.bom == 0);
	CHECK(strcmp(detect(u16be_nomark, sizeof u16be_nomark - 1),
	    "UTF-16BE") == 0);
	/* Big5 pairs into units that are not text: not UTF-16. */
	CHECK(strncmp(detect(big5, sizeof big5 - 1), "UTF-16", 6) != 0);
	/* Too short for uchardet, but GB2312 pairs: Chinese. */
	CHECK(strcmp(detect("\xd6\xd0\xce\xc4\n", 5), "GB18030") == 0);
	detect("abc\0def\x01\x02", 9);
	CHECK(g.binary == 1);
	/* GBK's 通知 is valid UTF-8 (U+0368 U+05AA), two marks on nothing;
	 * Greek, Cyrillic and accented Latin UTF-8 keep their name, a lone
	 * letter too, and so does UTF-8 read as Latin-1 and saved again. */
	CHECK(strcmp(detect("\xcd\xa8\xd6\xaa\n", 5), "GB18030") == 0);
	CHECK(strcmp(detect("Questo \xc3\xa8 un libro.\n", 19), "UTF-8") == 0);
	CHECK(strcmp(detect("10 \xce\xbcm\n", 7), "UTF-8") == 0);
	CHECK(strcmp(detect("\xd0\xaf\n", 3), "UTF-8") == 0);
	CHECK(strcmp(detect("\xc3\xa4\xc2\xb8\xc2\xad\xc3\xa6\n", 9),
	    "UTF-8") == 0);
	/* A mark on a letter is text: e and U+0301. */
	CHECK(strcmp(detect("caf\x65\xcc\x81\n", 7), "UTF-8") == 0);
	CHECK(strcmp(detect("\xce\x95\xce\xbb\xce\xbb\xce\xb7\xce\xbd\n",
	    11), "UTF-8") == 0);
	CHECK(strcmp(detect("\xd0\x9f\xd1\x80\xd0\xb8\n", 7), "UTF-8") == 0);
	CHECK(strcmp(detect("caf\xc3\xa9\n", 6), "UTF-8") == 0);
	/* A line of UTF-16 without a mark, its only NUL in the line feed:
	 * 中华人民共和国, not binary (uchardet says Windows-1250). */
	CHECK(strcmp(detect("\x2d\x4e\x4e\x53\xba\x4e\x11\x6c\x71\x51"
	    "\x8c\x54\xfd\x56\x0a\x00", 16), "UTF-16LE") == 0);
	CHECK(g.binary == 0 && g.utf16 == 1);
	/* ASCII text with a NUL (documents apart by NUL, -z) stays UTF-8,
	 * though UTF-16 whose bytes are all ASCII (好年民) is so too. */
	CHECK(strcmp(detect("hello world\0second doc\0", 23), "UTF-8") == 0);
	CHECK(strcmp(detect("foo bar\0", 8), "UTF-8") == 0);
	detect("\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00", 14);
	CHECK(g.binary == 1);
	/* UTF-8 with one bad byte among many good characters stays UTF-8. */
	CHECK(strcmp(detect("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87"
	    "\xe4\xb8\xad\xff\xe6\x96\x87", 19), "UTF-8") == 0);

	CHECK((p = sp_enc_canonical("gbk", canon, sizeof canon)) != NULL &&
	    strcmp(p, "GB18030") == 0);
	CHECK((p = sp_enc_canonical("big5", canon, sizeof canon)) != NULL &&
	    strcmp(p, "BIG5") == 0);
	CHECK(sp_enc_canonical("no-such-thing", canon, sizeof canon) == NULL);

	/* Conversion in pieces, each cutting a character in two. */
	c = sp_conv_new("GB18030");
	CHECK(c != NULL);
	for (i = 0; i + 3 <= sizeof gbk - 1; i += 3)
		CHECK(sp_conv_feed(c, gbk + i, 3, 0, &out) == 0);
	CHECK(sp_conv_feed(c, gbk + i, sizeof gbk - 1 - i, 1, &out) == 0);
	CHECK(out.len > 6 && memcmp(out.data, "\xe4\xb8\xad\xe5\x8d\x8e", 6) == 0);
	CHECK_INT(sp_conv_invalid(c, &first), 0);
	sp_conv_free(c);

	/* Invalid bytes: U+FFFD, counted, the first offset kept. */
	sp_buf_clear(&out);
	c = sp_conv_new("GB18030");
	CHECK(sp_conv_feed(c, "ab\xd6\xd0\xff\xffz\xd6", 8, 1, &out) == 0);
	CHECK(sp_conv_invalid(c, &first) >= 2);
	CHECK_INT(first, 4);
	CHECK(strstr(out.data, "\xef\xbf\xbd") != NULL);
	CHECK(memcmp(out.data, "ab\xe4\xb8\xad", 5) == 0);
	sp_conv_free(c);

	/* UTF-16: a cut code unit waits for its second byte. */
	sp_buf_clear(&out);
	c = sp_conv_new("UTF-16LE");
	CHECK(sp_conv_feed(c, "\x2d", 1, 0, &out) == 0);
	CHECK(sp_conv_feed(c, "\x4e\x87\x65", 3, 1, &out) == 0);
	CHECK_MEM(out.data, out.len, "\xe4\xb8\xad\xe6\x96\x87");
	sp_conv_free(c);

	/* Encoding and decoding spans, for the mojibake repair. */
	sp_buf_clear(&out);
	CHECK(sp_enc_encode("GB18030", "\xe4\xb8\xad", 3, &out) == 0);
	CHECK_MEM(out.data, out.len, "\xd6\xd0");
	sp_buf_clear(&out);
	CHECK(sp_enc_decode("GB18030", "\xd6\xd0", 2, &out) == 0);
	CHECK_MEM(out.data, out.len, "\xe4\xb8\xad");
	sp_buf_clear(&out);
	CHECK(sp_enc_decode("GB18030", "\xd6", 1, &out) < 0);
	sp_buf_clear(&out);
	CHECK(sp_enc_encode("ISO-8859-1", "\xe4\xb8\xad", 3, &out) < 0);

	/* The charset a page declares, read from its bytes. */
	CHECK(strcmp(sp_enc_declared((const unsigned char *)
	    "<?xml version=\"1.0\" encoding=\"Big5\"?><a/>", 40, canon,
	    sizeof canon), "Big5") == 0);
	CHECK(strcmp(sp_enc_declared((const unsigned char *)
	    "<html><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html;"
	    "charset=gb2312\">", 71, canon, sizeof canon), "gb2312") == 0);
	CHECK(strcmp(sp_enc_declared((const unsigned char *)
	    "<meta charset='utf-8' />", 24, canon, sizeof canon),
	    "utf-8") == 0);
	CHECK(sp_enc_declared((const unsigned char *)"<meta name=x>charset=gbk",
	    24, canon, sizeof canon) == NULL);
	CHECK(sp_enc_declared((const unsigned char *)"<meta charset=", 14,
	    canon, sizeof canon) == NULL);
	/* Declared: EUC-KR bytes that GB2312 would take are Korean. */
	p = "<meta charset=\"euc-kr\">\xc7\xd1\xb1\xb9\xbe\xee";
	CHECK(strcmp(detect(p, strlen(p)), "CP949") == 0);

	/* UTF-32 without a mark, by its units. */
	CHECK(strcmp(detect("\x2d\x4e\0\0\x87\x65\0\0a\0\0\0\n\0\0\0", 16),
	    "UTF-32LE") == 0);
	CHECK(g.utf16 == 1 && g.binary == 0);
	CHECK(strcmp(detect("\0\0\x4e\x2d\0\0\x65\x87\0\0\0a\0\0\0\n", 16),
	    "UTF-32BE") == 0);
	/* Shift_JIS is not UTF-16, though its pairs make Han units. */
	CHECK(strncmp(detect("\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83"
	    "\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42\x93\xfa\x96\x7b"
	    "\x8c\xea\n", 29), "UTF-16", 6) != 0);
	CHECK(strcmp(g.name, "CP932") == 0);
	/* Curly quotes in 0x80..0x9F: Windows-1252. */
	p = "Caf\xe9 \x93quoted\x94 \x96 a na\xefve r\xe9sum\xe9\x85\n";
	CHECK(strcmp(detect(p, strlen(p)), "WINDOWS-1252") == 0);

	/* Big5: CP950's ／ (A1FE), HKSCS's 嘅 (9DEF), one U+FFFD a bad pair. */
	sp_buf_clear(&out);
	c = sp_conv_new("BIG5");
	CHECK(sp_conv_feed(c, "\xa4\xe5\xa1\xfe\x9d\xef\xa4\xa4\xa3\xc0\xa4"
	    "\xe5", 12, 1, &out) == 0);
	CHECK_MEM(out.data, out.len, "文／嘅中\xef\xbf\xbd文");
	CHECK_INT(sp_conv_invalid(c, &first), 1);
	CHECK_INT(first, 8);
	sp_conv_free(c);
	/* A bad lead byte before ASCII keeps the ASCII. */
	sp_buf_clear(&out);
	c = sp_conv_new("BIG5");
	CHECK(sp_conv_feed(c, "\xa3\xc0", 1, 0, &out) == 0);
	CHECK(sp_conv_feed(c, "\xc0", 1, 0, &out) == 0);
	CHECK(sp_conv_feed(c, "\xff" "ab", 3, 1, &out) == 0);
	CHECK_MEM(out.data, out.len, "\xef\xbf\xbd\xef\xbf\xbd" "ab");
	sp_conv_free(c);

	/*
	 * A few EUC pairs are GB2312-shaped whatever the language; uchardet's
	 * Korean or Japanese answer stands there (프로그래밍, クリスマス恋占い).
	 */
	p = "<category>\xc7\xc1\xb7\xce\xb1\xd7\xb7\xa1\xb9\xd6</category>\n";
	CHECK(strcmp(detect(p, strlen(p)), "CP949") == 0);
	p = "<title>\xa5\xaf\xa5\xea\xa5\xb9\xa5\xde\xa5\xb9\xce\xf8\xc0\xea"
	    "\xa4\xa4</title>\n";
	CHECK(strcmp(detect(p, strlen(p)), "EUC-JP") == 0);
	/* ... and short Chinese stays Chinese. */
	p = "<b>\xd6\xd0\xce\xc4</b>\n";
	CHECK(strcmp(detect(p, strlen(p)), "GB18030") == 0);
	/* CP932's circled numbers, unit squares and math signs read as text. */
	p = "<p>\x87\x40 \x87\x41 \x87\x42 \x87\x43 \x87\x44<br>\n\x87\x5f "
	    "\x87\x60 \x87\x61 \x87\x62<br>\n\x81\xe0 \x81\xdf \x81\xe7 "
	    "\x81\xe3 \x81\xdb \x81\xda</p>\n";
	CHECK(strcmp(detect(p, strlen(p)), "CP932") == 0);

	/* ISO-2022: 7-bit text that designates a character set by escapes. */
	p = "\x1b$B%3%s%=!<%k\x1b(B console \x1b$BF|K\\8l\x1b(B\n";
	CHECK(strcmp(detect(p, strlen(p)), "ISO-2022-JP-2") == 0);
	p = "\x1b$)C\x0e\x47\x51\x31\x39\x0f\n";
	CHECK(strcmp(detect(p, strlen(p)), "ISO-2022-KR") == 0);
	p = "a \x1b[1mbold\x1b[0m\n";
	CHECK(strcmp(detect(p, strlen(p)), "UTF-8") == 0);
	/* A NUL after an escape designates nothing. */
	CHECK(strncmp(detect("ab \x1b$\0 cd\n", 10), "ISO-2022", 8) != 0);
	/* Its shift state lasts from one piece of the stream to the next. */
	sp_buf_clear(&out);
	c = sp_conv_new("ISO-2022-JP-2");
	CHECK(sp_conv_feed(c, "\x1b$BF|", 5, 0, &out) == 0);
	CHECK(sp_conv_feed(c, "K\\8l\x1b(Ba", 8, 1, &out) == 0);
	CHECK_MEM(out.data, out.len, "日本語a");
	CHECK_INT(sp_conv_invalid(c, NULL), 0);
	sp_conv_free(c);

	/* Plausibility: common text reads as text; mojibake does not. */
	CHECK(sp_enc_plausibility("中华人民共和国", 21, NULL) > 0.99);
	CHECK(sp_enc_plausibility("鏺陻質苌荥荌", 18, NULL) < 0.5);
	CHECK(sp_enc_plausibility("Café “quoted”", strlen("Café “quoted”"),
	    NULL) > 0.99);
	CHECK(sp_enc_plausibility("¸ü¶à¾«Ð£", 16, NULL) < 0.3);
	CHECK(sp_enc_plausibility("ascii", 5, NULL) == 1.0);
	sp_buf_free(&out);
	return check_done("test_encoding");
}
