/*
 * Unit tests of whole_lines.c: the lines that sent_whole_lines() passes
 * over are lines that sent_next() splits nowhere, counted as it counts
 * them; and the lines of HTML and of dumps that end no sentence are
 * passed over.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sentences.h"

/*
 * Do the lines of text[0..k) (each ending in '\n', none opening with a
 * form feed) hold one sentence each by sent_next(), none when empty, and
 * are there lines of them and sentences of them?
 */
static int
agrees(const char *text, size_t k, int semicolon, uint64_t lines,
    uint64_t sentences)
{
	struct sentences it;
	const char *p = text, *nl;
	size_t len, a, b;
	uint64_t nlines = 0, nsent = 0;
	int got;

	if (k > 0 && text[k - 1] != '\n')
		return 0;
	while (p < text + k) {
		nl = memchr(p, '\n', (size_t)(text + k - p));
		len = (size_t)(nl - p);
		if (len > 0 && p[0] == '\f')
			return 0;
		if (len > 0 && p[len - 1] == '\r')
			len--;
		sent_init(&it, p, len, semicolon);
		for (got = 0; sent_next(&it, &a, &b); got++)
			if (a != 0 || b != len)
				return 0;
		nlines++;
		nsent += (uint64_t)got;
		p = nl + 1;
	}
	return nlines == lines && nsent == sentences;
}

/* sent_whole_lines() on text, checked against sent_next(); its bytes. */
static size_t
look(const char *text, size_t n, int semicolon)
{
	uint64_t lines, sentences;
	size_t k = sent_whole_lines(text, n, semicolon, &lines, &sentences);

	if (!CHECK(k <= n && agrees(text, k, semicolon, lines, sentences)))
		printf("  on \"%.*s\"\n", (int)(n > 300 ? 300 : n), text);
	return k;
}

/* The pieces of random lines: what may end a sentence, and what not. */
static const char *const pieces[] = {
	"中", "文字", "。", "！", "？", "；", ".", "!", "?", ";", ":", ",",
	" ", "  ", "   ", "\t", "\r", "\n", "\n", "\n", "\f", "a", "Mr", "x.y",
	"3.5", "www.", "http://a.b/c", "(", ")", "（", "）", "[", "]", "【",
	"】", "〔", "〕", "［", "］", "掌声", "笑声", "鼓掌", "欢呼", "“", "”",
	"\"", "'", "《", "》", "…", "⋯", "．", "｡", "，", "、", "━━", "─",
	"\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x83", "\xEF\xBB\xBF",
	"\xE1\x9A\x80", "\xE2\x81\x9F", "\xE3\x80", "\xEF\xBC", "\xE2", "\xFF",
	"\xC2", "<div class=\"a\">", "</div>", "e.g.", "1.", "一、", "é",
	"\xE4\xB8\x80", "\x01", "\x0b", "#", "\\",
	/* Line ends of HTML: a CR before its LF is passed over apart. */
	"\r\n", "  \r\n", "\r\r\n", "中\r\n", "\r\n  "
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static uint64_t seed = 88172645463325252ULL;

static uint64_t
xorshift(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

/* A random text of about max bytes from the pieces; its length. */
static size_t
random_text(char *buf, size_t max)
{
	size_t n = 0, l;
	const char *p;

	while (n < max) {
		p = pieces[xorshift() % NPIECES];
		l = strlen(p);
		if (n + l > max)
			break;
		memcpy(buf + n, p, l);
		n += l;
	}
	return n;
}

int
main(void)
{
	static const char line[] = "    <div class=\"nav\"><a href=\"x.html\">"
	    "首页</a></div>       \t \r\n";
	static char buf[2048], html[40 * sizeof line];
	const char *nl;
	size_t n, k, i;
	int semi, round;

	/* Lines that end no sentence are passed over, counted. */
	for (i = 0; i < 40; i++)
		memcpy(html + (sizeof line - 1) * i, line, sizeof line - 1);
	CHECK_INT(look(html, 40 * (sizeof line - 1), 0),
	    40 * (sizeof line - 1));
	CHECK_INT(look("a\n\nb\r\n\r\n", 8, 0), 8);
	/* The first line that may end a sentence is left to the walk. */
	CHECK_INT(look("标题\n第一句。第二句。\n", 28, 0), 7);
	CHECK_INT(look("x\n\f\ny\n", 6, 0), 2);
	CHECK_INT(look("\fx\n", 3, 0), 0);
	CHECK_INT(look("no end\nlast", 11, 0), 7);
	/*
	 * Empty lines, CRs alone, leading blanks and form-feed lines on
	 * every side of the vectors' and the words' edges.
	 */
	for (i = 0; i < 300; i++) {
		memset(buf, 'a', i);
		memcpy(buf + i, "\n\n\r\n   x\n\f", 10);
		memset(buf + i + 10, '\n', 300);	/* blocks to the end */
		CHECK_INT(look(buf, i + 310, 0), i + 9);
		memcpy(buf + i, "\n\r\n\n\f", 5);
		CHECK_INT(look(buf, i + 310, 0), i + 4);
		memcpy(buf + i, "中   文\n", 10);	/* a glued paragraph */
		CHECK_INT(look(buf, i + 310, 0), 0);
		/* A run of blanks that a CR opens is one still, unless
		 * the CR's LF ends the line. */
		memcpy(buf + i, "中\r\r\r文\n", 10);
		CHECK_INT(look(buf, i + 310, 0), 0);
		memcpy(buf + i, "中  \r\n文\n", 11);
		CHECK_INT(look(buf, i + 310, 0), i + 310);
	}
	/* Every text of random pieces, around the vectors' widths, with
	 * AVX2 where the machine has it and without, in turn. */
	for (round = 0; round < 30000; round++) {
		sent_whole_sse2_only(round % 2);
		n = random_text(buf, (size_t)(xorshift() % (round < 20000 ?
		    300 : sizeof buf)));
		for (semi = 0; semi <= 1; semi++) {
			/* From the start, and past each line it stops at,
			 * as lines() goes on. */
			for (k = look(buf, n, semi); (nl = memchr(buf + k,
			    '\n', n - k)) != NULL; k += look(buf + k, n - k,
			    semi))
				k = (size_t)(nl - buf) + 1;
		}
	}
	sent_whole_sse2_only(0);
	return check_done("test_whole_lines");
}
