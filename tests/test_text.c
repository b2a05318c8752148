/* test_text: UTF-8 decoding, cell widths (against glibc wcwidth), fitting,
 * padding and sanitizing, plus a random-bytes run over every function. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "testutil.h"
#include "text.h"
#include "textnorm.h"

struct dec_case {
	const char *s;
	size_t n;
	uint32_t cp;
	size_t len;
};

static const struct dec_case dec_cases[] = {
	{"A", 1, 0x41, 1},
	{"\xC3\xA9", 2, 0xE9, 2},
	{"\xE6\xA0\xAA", 3, 0x682A, 3},
	{"\xF0\x9F\x98\x80", 4, 0x1F600, 4},
	{"\xEF\xBF\xBD", 3, 0xFFFD, 3},
	{"\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4},
	{"\x80", 1, 0xFFFD, 1},
	{"\xC0\x80", 2, 0xFFFD, 1},
	{"\xC1\xBF", 2, 0xFFFD, 1},
	{"\xE0\x80\x80", 3, 0xFFFD, 1},
	{"\xED\xA0\x80", 3, 0xFFFD, 1},
	{"\xF4\x90\x80\x80", 4, 0xFFFD, 1},
	{"\xF5\x80\x80\x80", 4, 0xFFFD, 1},
	{"\xE6\xA0", 2, 0xFFFD, 1},
	{"\xE6\xA0\xAA", 2, 0xFFFD, 1},
	{"\xE6\x41\xAA", 3, 0xFFFD, 1},
	{"\xFF", 1, 0xFFFD, 1},
};

static void
test_decode(void)
{
	size_t i;
	uint32_t cp;

	for (i = 0; i < sizeof(dec_cases) / sizeof(dec_cases[0]); i++) {
		const struct dec_case *c = &dec_cases[i];
		size_t len = utf8_decode(c->s, c->n, &cp);

		tap_is_int(len, c->len, "decode case %zu length", i);
		tap_is_int(cp, c->cp, "decode case %zu code point", i);
	}
	tap_is_int(utf8_decode("A", 0, &cp), 0, "decode of nothing consumes nothing");
}

static void
test_valid(void)
{
	size_t bad = 99;

	tap_ok(utf8_valid("株式会社 ABC", strlen("株式会社 ABC"), &bad), "valid UTF-8");
	tap_ok(utf8_valid("", 0, NULL), "empty is valid");
	tap_ok(!utf8_valid("ab\xE6\xA0", 4, &bad), "truncated is invalid");
	tap_is_int(bad, 2, "bad offset of truncated character");
	tap_ok(!utf8_valid("\xE6\xA0\xAA\xED\xA0\x80", 6, &bad), "surrogate is invalid");
	tap_is_int(bad, 3, "bad offset of surrogate");
	tap_ok(utf8_truncated("\xE6\xA0", 2), "E6 A0 is a truncated character");
	tap_ok(utf8_truncated("\xF0\x9F\x98", 3), "F0 9F 98 is a truncated character");
	tap_ok(!utf8_truncated("\xE6\x41", 2), "E6 41 is not a prefix");
	tap_ok(!utf8_truncated("\xE0\x80", 2), "overlong prefix is not a prefix");
	tap_ok(!utf8_truncated("\xE6\xA0\xAA", 3), "a whole character is not truncated");
	tap_ok(!utf8_truncated("A", 1), "ASCII is not truncated");
}

static void
test_append(void)
{
	struct strbuf sb;

	sb_init(&sb);
	utf8_append(&sb, 0x41);
	utf8_append(&sb, 0xE9);
	utf8_append(&sb, 0x682A);
	utf8_append(&sb, 0x1F600);
	utf8_append(&sb, 0xD800);
	tap_is_str(sb.buf, "A\xC3\xA9\xE6\xA0\xAA\xF0\x9F\x98\x80\xEF\xBF\xBD", "utf8_append");
	sb_free(&sb);
}

struct width_case {
	uint32_t cp;
	int narrow, wide; /* ambiguous off / on */
};

static const struct width_case width_cases[] = {
	{'A', 1, 1}, {0x682A, 2, 2}, {0x30A2, 2, 2}, {0x3042, 2, 2}, {0xFF71, 1, 1},
	{0xFF9E, 1, 1}, {0xFFE5, 2, 2}, {0xFF5E, 2, 2}, {0x301C, 2, 2}, {0xD55C, 2, 2},
	{0xFF21, 2, 2}, {0x3000, 2, 2}, {0x1F600, 2, 2}, {0x20BB7, 2, 2},
	{0x0301, 0, 0}, {0x200B, 0, 0}, {0xFE0F, 0, 0}, {0x3099, 0, 0},
	{0x25CB, 1, 2}, {0x00D7, 1, 2}, {0x203B, 1, 2}, {0x2460, 1, 2}, {0x00B1, 1, 2},
	{0x2014, 1, 2}, {0x2500, 1, 2}, {0x2026, 1, 2}, {0x00E9, 1, 2}, {0x0107, 1, 1}, {0x00A5, 1, 1},
};

static void
test_cp_width(void)
{
	size_t i;

	for (i = 0; i < sizeof(width_cases) / sizeof(width_cases[0]); i++) {
		const struct width_case *c = &width_cases[i];

		tap_is_int(text_cp_width(c->cp), c->narrow, "width of U+%04X", (unsigned)c->cp);
		text_set_ambiguous_wide(true);
		tap_is_int(text_cp_width(c->cp), c->wide, "ambiguous-wide width of U+%04X",
			   (unsigned)c->cp);
		text_set_ambiguous_wide(false);
	}
	tap_ok(!text_ambiguous_wide(), "ambiguous setting back to narrow");
}

/* Compare with glibc over BMP samples; wcwidth() == -1 (unassigned,
 * controls) is not compared. */
static void
test_against_wcwidth(void)
{
	static const uint32_t ranges[][3] = {
		{0x20, 0x7E, 1}, {0xA0, 0x2FF, 1}, {0x300, 0x36F, 1}, {0x2000, 0x206F, 1},
		{0x2190, 0x21FF, 1}, {0x2460, 0x24FF, 1}, {0x2500, 0x25FF, 1},
		{0x2E80, 0x2FDF, 3}, {0x3000, 0x30FF, 1}, {0x3400, 0x4DBF, 11},
		{0x4E00, 0x9FFF, 7}, {0xAC00, 0xD7A3, 13}, {0xF900, 0xFAFF, 5},
		{0xFE00, 0xFE6F, 1}, {0xFF00, 0xFFEF, 1}, {0x1F300, 0x1F64F, 1},
	};
	char saved[64];
	size_t r, checked = 0, bad = 0;
	uint32_t cp;

	snprintf(saved, sizeof(saved), "%s", setlocale(LC_CTYPE, NULL));
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		tap_skip("C.UTF-8 locale not available");
		return;
	}
	for (r = 0; r < sizeof(ranges) / sizeof(ranges[0]); r++) {
		for (cp = ranges[r][0]; cp <= ranges[r][1]; cp += ranges[r][2]) {
			int w = wcwidth((wchar_t)cp);

			if (w < 0)
				continue;
			checked++;
			if (w != text_cp_width(cp)) {
				if (bad++ < 5)
					tap_diag("U+%04X: wcwidth %d, ours %d", (unsigned)cp, w,
						 text_cp_width(cp));
			}
		}
	}
	setlocale(LC_CTYPE, saved);
	tap_ok(checked > 5000, "compared %zu code points with wcwidth", checked);
	tap_is_int(bad, 0, "text_cp_width agrees with glibc wcwidth under C.UTF-8");
}

static void
test_width(void)
{
	tap_is_int(text_width("abc"), 3, "width abc");
	tap_is_int(text_width(""), 0, "width empty");
	tap_is_int(text_width("株式会社"), 8, "width kanji");
	tap_is_int(text_width("ｶ)ﾔﾏﾀﾞ"), 6, "width half-width kana");
	tap_is_int(text_width("\x1b[31m"), 6, "ESC counts as ^[");
	tap_is_int(text_width("\t"), 2, "TAB counts as ^I");
	tap_is_int(text_width("\xC2\x9B"), 8, "C1 counts as <U+009B>");
	tap_is_int(text_width("\xFF"), 1, "invalid byte counts as U+FFFD");
	tap_is_int(text_width("e\xCC\x81"), 1, "combining mark adds nothing");
	tap_is_int(text_width_n("株式会社", 3), 2, "width_n stops at n");
	tap_is_int(text_width_n("株式会社", 2), 2, "width_n of a cut character");
	tap_is_int(text_width_n("a\0b", 3), 4, "NUL counts as ^@");
	text_set_ambiguous_wide(true);
	tap_is_int(text_width("①○"), 4, "ambiguous wide");
	text_set_ambiguous_wide(false);
	tap_is_int(text_width("①○"), 2, "ambiguous narrow");
}

static void
test_fit(void)
{
	int used = -1;

	tap_is_int(text_fit("株式会社", 5, &used), 6, "fit kanji in 5 cells: bytes");
	tap_is_int(used, 4, "fit kanji in 5 cells: cells");
	tap_is_int(text_fit("abc", 10, &used), 3, "fit all");
	tap_is_int(used, 3, "fit all cells");
	tap_is_int(text_fit("a株", 2, &used), 1, "wide char does not straddle");
	tap_is_int(used, 1, "wide char does not straddle: cells");
	tap_is_int(text_fit("e\xCC\x81x", 1, &used), 3, "combining mark kept with base");
	tap_is_int(text_fit("abc", 0, &used), 0, "fit nothing");
	tap_is_int(text_fit("\x1b" "a", 1, &used), 0, "^[ does not fit in 1");
	tap_is_int(text_fit("ｶﾞ", 1, NULL), 3, "half-width kana is one cell");
}

struct pad_case {
	const char *s;
	int cells;
	enum text_align a;
	const char *want;
};

static const struct pad_case pad_cases[] = {
	{"abc", 5, TEXT_LEFT, "abc  "},
	{"abc", 5, TEXT_RIGHT, "  abc"},
	{"abc", 5, TEXT_CENTER, " abc "},
	{"abcd", 7, TEXT_CENTER, " abcd  "},
	{"abcdef", 4, TEXT_LEFT, "abc~"},
	{"abcdef", 4, TEXT_RIGHT, "abc~"},
	{"株式会社", 5, TEXT_LEFT, "株式~"},
	{"株式会社", 4, TEXT_LEFT, "株 ~"},
	{"株式会社", 8, TEXT_RIGHT, "株式会社"},
	{"株式会社", 1, TEXT_LEFT, "~"},
	{"株", 0, TEXT_LEFT, ""},
	{"株", -3, TEXT_LEFT, ""},
	{"株", 3, TEXT_RIGHT, " 株"},
	{"ｶ)ﾔﾏﾀﾞ", 4, TEXT_LEFT, "ｶ)ﾔ~"},
	{"\x1b[0m", 3, TEXT_LEFT, "^[~"},
	{"a\tb", 6, TEXT_LEFT, "a^Ib  "},
	{"", 2, TEXT_CENTER, "  "},
};

static void
test_pad(void)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	for (i = 0; i < sizeof(pad_cases) / sizeof(pad_cases[0]); i++) {
		const struct pad_case *c = &pad_cases[i];

		sb_reset(&sb);
		text_pad(&sb, c->s, c->cells, c->a);
		tap_is_str(sb.buf, c->want, "pad \"%s\" to %d", c->s, c->cells);
	}
	sb_free(&sb);
}

static bool
clean_output(const char *s, size_t n)
{
	size_t i, len;
	uint32_t cp;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return false;
	for (i = 0; i < n; i += len) {
		len = utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x80 && cp <= 0x9F)
			return false;
	}
	return utf8_valid(s, n, NULL);
}

/* text_pad's result is exactly `cells` wide, for every width 0..30. */
static void
test_pad_property(void)
{
	static const char *const samples[] = {
		"株式会社ヤマダ商事", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "a株b式c会d社", "上海恒通贸易有限公司",
		"ﾔﾏﾀﾞ 山田 ﾀﾛｳ 太郎", "①②③ ─ …", "e\xCC\x81" "株\xE2\x80\x8B" "x", "😀👍🏻 emoji",
		"\x1b[31m赤\x1b[0m", "\xFF\xFE株\xC2\x9B", "", "ABC", "한국어 텍스트", "\xE2\x80\xAE" "abc",
	};
	struct strbuf sb;
	size_t i, bad = 0, total = 0;
	int cells, amb;

	sb_init(&sb);
	for (amb = 0; amb < 2; amb++) {
		text_set_ambiguous_wide(amb);
		for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
			for (cells = 0; cells <= 30; cells++) {
				enum text_align a = (enum text_align)(cells % 3);

				sb_reset(&sb);
				text_pad(&sb, samples[i], cells, a);
				total++;
				if (text_width(sb.buf) != cells || !clean_output(sb.buf, sb.len)) {
					if (bad++ < 5)
						tap_diag("pad \"%s\" to %d gave \"%s\"", samples[i],
							 cells, sb.buf);
				}
			}
		}
	}
	text_set_ambiguous_wide(false);
	sb_free(&sb);
	tap_is_int(bad, 0, "text_pad width is exact in %zu cases", total);
}

struct san_case {
	const char *s;
	size_t n;
	const char *want;
};

static const struct san_case san_cases[] = {
	{"a\x1b[1mb", 6, "a^[[1mb"},
	{"\t", 1, "^I"},
	{"\x7f", 1, "^?"},
	{"\0", 1, "^@"},
	{"\r\n", 2, "^M^J"},
	{"\xC2\x9B", 2, "<U+009B>"},
	{"\xE2\x80\xAE" "x", 4, "<U+202E>x"},
	{"\xE2\x81\xA6", 3, "<U+2066>"},
	{"\xE2\x80\xA8", 3, "<U+2028>"},
	{"\xFF" "a", 2, "\xEF\xBF\xBD" "a"},
	{"株\xE6\xA0", 5, "株\xEF\xBF\xBD\xEF\xBF\xBD"},
	{"ｶﾞ 株", 10, "ｶﾞ 株"},
};

static void
test_sanitize(void)
{
	struct strbuf sb;
	size_t i;

	sb_init(&sb);
	for (i = 0; i < sizeof(san_cases) / sizeof(san_cases[0]); i++) {
		sb_reset(&sb);
		text_sanitize(&sb, san_cases[i].s, san_cases[i].n);
		tap_is_str(sb.buf, san_cases[i].want, "sanitize case %zu", i);
	}
	sb_reset(&sb);
	text_sanitize_lines(&sb, "a\x1b[2J\nb\r\n\xC2\x9B\n", 12);
	tap_is_str(sb.buf, "a^[[2J\nb^M\n<U+009B>\n",
		   "sanitize lines: line feeds stay, every other control is made visible");
	sb_free(&sb);
}

/* Digits stay, 'x' for anything else (the class function under test). */
static char
digit_class(unsigned long cp)
{
	return cp >= '0' && cp <= '9' ? (char)cp : 'x';
}

static const struct {
	const char *s;
	int max, len;
	const char *want;
} fold_cases[] = {
	{"12", 4, 2, "12"},
	{"\xE3\x80\x80\xEF\xBC\x91\xEF\xBC\x92\t3 ", 8, 4, "12 3"}, /* 　１２<TAB>3 */
	{"\xEF\xBC\xA1\xE5\xB9\xB4", 4, 2, "xx"},                   /* Ａ年 */
	{"\xFF\xC3", 4, 2, "xx"},                                        /* malformed bytes */
	{"  ", 4, 0, ""},
	{"12345", 4, -1, NULL},
	{"1234", 4, 4, "1234"},
};

static void
test_fold(void)
{
	char out[9];

	for (size_t i = 0; i < sizeof fold_cases / sizeof fold_cases[0]; i++) {
		int len = textnorm_fold(fold_cases[i].s, out, fold_cases[i].max, digit_class);

		tap_is_int(len, fold_cases[i].len, "fold case %zu: length", i);
		if (fold_cases[i].want)
			tap_is_str(out, fold_cases[i].want, "fold case %zu", i);
	}
}

TAP_SUITE(text)
{
	test_decode();
	test_valid();
	test_append();
	test_cp_width();
	test_against_wcwidth();
	test_width();
	test_fit();
	test_pad();
	test_pad_property();
	test_sanitize();
	test_fold();
}

static uint32_t rng = 0x2545F491u;

/* Random bytes, biased towards UTF-8 lead and continuation bytes. */
static size_t
fuzz_fill(char *buf, size_t cap)
{
	size_t n = tu_xorshift(&rng) % cap, i;

	for (i = 0; i < n; i++) {
		uint32_t r = tu_xorshift(&rng);

		buf[i] = (char)((r & 0x300) == 0 ? 0x80 | (r & 0x3F) :
				(r & 0x300) == 0x100 ? 0xE0 | (r & 0x1F) : r);
	}
	return n;
}

TAP_SUITE(text_fuzz)
{
	char buf[64], z[65];
	struct strbuf sb;
	size_t iter, n, i, bad = 0, len;
	uint32_t cp;
	int used, cells;

	sb_init(&sb);
	for (iter = 0; iter < 5000; iter++) {
		n = fuzz_fill(buf, sizeof(buf));
		for (i = 0; i < n; i += len) {
			len = utf8_decode(buf + i, n - i, &cp);
			if (len == 0 || len > n - i || cp > 0x10FFFF)
				bad++;
			(void)utf8_truncated(buf + i, n - i);
		}
		(void)utf8_valid(buf, n, NULL);
		sb_reset(&sb);
		text_sanitize(&sb, buf, n);
		if (!clean_output(sb.buf, sb.len) || text_width(sb.buf) != text_width_n(buf, n)) {
			if (bad++ < 3)
				tap_diag("sanitize: iteration %zu, %zu bytes, width %d/%d", iter, n,
					 text_width(sb.buf), text_width_n(buf, n));
		}
		memcpy(z, buf, n);
		z[n] = '\0';
		cells = (int)(tu_xorshift(&rng) % 40);
		len = text_fit(z, cells, &used);
		if (len > strlen(z) || used > cells)
			bad++;
		sb_reset(&sb);
		text_pad(&sb, z, cells, (enum text_align)(iter % 3));
		if (text_width(sb.buf) != cells || !clean_output(sb.buf, sb.len)) {
			if (bad++ < 3)
				tap_diag("pad: iteration %zu to %d cells gave width %d", iter, cells,
					 text_width(sb.buf));
		}
	}
	sb_free(&sb);
	tap_is_int(bad, 0, "5000 random inputs through every text function");
}
