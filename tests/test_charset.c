/* test_charset: names, whole-buffer and streaming conversion (glibc facts
 * about CP932/SHIFT_JIS/GB18030/GBK), detection on realistic CSV text. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "tap.h"
#include "testutil.h"
#include "text.h"
#include "xalloc.h"

/* Encode UTF-8 text in enc with iconv (fixtures without binary files). */
static void
encode(const char *enc, const char *utf8, struct strbuf *out)
{
	char tmp[4096];
	char *ip = unconst(utf8), *op = tmp;
	size_t inleft = strlen(utf8), outleft = sizeof(tmp);
	iconv_t cd = iconv_open(enc, "UTF-8");

	sb_reset(out);
	if (cd == (iconv_t)-1 || iconv(cd, &ip, &inleft, &op, &outleft) == (size_t)-1)
		tap_diag("cannot encode \"%s\" in %s", utf8, enc);
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	sb_add(out, tmp, (size_t)(op - tmp));
}

static void
test_names(void)
{
	static const char *const cases[][2] = {
		{"UTF-8", "UTF-8"}, {"utf8", "UTF-8"}, {"Shift_JIS", "CP932"}, {"SJIS", "CP932"},
		{"ms932", "CP932"}, {"Windows-31J", "CP932"}, {"cp932", "CP932"},
		{"shift-jis", "CP932"}, {"GBK", "GB18030"}, {"gb2312", "GB18030"},
		{"CP936", "GB18030"}, {"GB18030", "GB18030"},
		{"SHIFT_JIS-STRICT", "SHIFT_JIS-STRICT"}, {"gbk-strict", "GBK-STRICT"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		tap_is_str(charset_canonical(cases[i][0]), cases[i][1], "canonical %s", cases[i][0]);
	tap_ok(charset_canonical("EBCDIC") == NULL, "unknown name");
	tap_ok(charset_canonical("") == NULL, "empty name");
	tap_ok(charset_canonical(NULL) == NULL, "NULL name");
	tap_ok(charset_canonical("UTF-8UTF-8UTF-8UTF-8UTF-8UTF-8UTF-8") == NULL, "long name");
}

struct conv_case {
	const char *enc, *in;
	size_t n;
	int status;
	const char *want; /* output, or a substring of the message */
	size_t offset;
};

static const struct conv_case conv_cases[] = {
	{"CP932", "\x5C\x81\x60\x87\x40", 5, UR_OK, "\\\xEF\xBD\x9E\xE2\x91\xA0", 0},
	{"Shift_JIS", "\xB6\xDE\x29", 3, UR_OK, "ｶﾞ)", 0},
	{"SHIFT_JIS-STRICT", "\x5C\x81\x60", 3, UR_OK, "\xC2\xA5\xE3\x80\x9C", 0},
	{"SHIFT_JIS-STRICT", "a\x87\x40", 3, UR_INPUT, "byte offset 1 (line 1, byte 0x87)", 1},
	{"GB18030", "\x81\x30\x81\x30", 4, UR_OK, "\xC2\x80", 0},
	{"GBK", "\xC9\xCF\xBA\xA3", 4, UR_OK, "上海", 0},
	{"GBK-STRICT", "ab\x81\x30\x81\x30", 6, UR_INPUT, "byte offset 2", 2},
	{"UTF-8", "\xEF\xBB\xBF" "abc", 6, UR_OK, "abc", 0},
	{"UTF-8", "\xEF\xBB\xBF", 3, UR_OK, "", 0},
	{"UTF-8", "a\xEF\xBB\xBF", 4, UR_OK, "a\xEF\xBB\xBF", 0},
	{"GB18030", "\x84\x31\x95\x33" "a", 5, UR_OK, "a", 0},
	{"UTF-8", "ab\xFF", 3, UR_INPUT, "invalid UTF-8 data at byte offset 2 (line 1, byte 0xFF)", 2},
	{"UTF-8", "x\ny\n\xC0\x80", 6, UR_INPUT, "byte offset 4 (line 3", 4},
	{"UTF-8", "ab\xE6\xA0", 4, UR_INPUT, "incomplete UTF-8 character at end of input (byte offset 2, line 1)", 2},
	{"CP932", "ab\x82", 3, UR_INPUT, "incomplete CP932", 2},
	{"CP932", "\x82\xA0\x82\xA2\n\x82\x0A", 7, UR_INPUT, "byte offset 5 (line 2, byte 0x82)", 5},
	{"EBCDIC", "abc", 3, UR_USAGE, "unknown character set \"EBCDIC\"", 0},
};

static void
test_convert(void)
{
	struct strbuf out;
	struct ur_err err;
	size_t i, off;

	sb_init(&out);
	for (i = 0; i < sizeof(conv_cases) / sizeof(conv_cases[0]); i++) {
		const struct conv_case *c = &conv_cases[i];
		enum ur_status st;

		sb_reset(&out);
		sb_adds(&out, "<");
		off = 999;
		ur_err_clear(&err);
		st = charset_to_utf8(c->enc, c->in, c->n, &out, &off, &err);
		tap_is_int(st, c->status, "convert case %zu (%s) status", i, c->enc);
		if (c->status == UR_OK) {
			tap_ok(out.buf[0] == '<' && strcmp(out.buf + 1, c->want) == 0,
			       "convert case %zu output \"%s\"", i, out.buf);
			continue;
		}
		tap_ok(strstr(err.msg, c->want) != NULL, "convert case %zu message: %s", i, err.msg);
		tap_is_str(out.buf, "<", "convert case %zu leaves output alone", i);
		if (c->status == UR_INPUT)
			tap_is_int(off, c->offset, "convert case %zu offset", i);
	}
	sb_free(&out);
	tap_is_int(charset_to_utf8("nope", "", 0, &out, NULL, NULL), UR_USAGE,
		   "unknown encoding without err");
}

/* Feed in[0..n) in chunks of `chunk` bytes; returns the status. */
static enum ur_status
feed_chunks(const char *enc, const char *in, size_t n, size_t chunk, struct strbuf *out,
	    size_t *off, struct ur_err *err)
{
	struct charset_conv *c = charset_conv_open(enc, err);
	enum ur_status st = UR_OK;
	size_t i = 0;

	if (!c)
		return err->status;
	do {
		size_t k = n - i < chunk ? n - i : chunk;

		st = charset_conv_feed(c, in + i, k, i + k == n, out, err);
		i += k;
	} while (st == UR_OK && i < n);
	*off = charset_conv_offset(c);
	charset_conv_close(c);
	return st;
}

static void
test_stream(void)
{
	static const char *const encs[] = {"CP932", "GB18030", "UTF-8"};
	static const char *const text =
		"\xEF\xBB\xBF" "日付,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,①～\n2026/03/01,上海,𠮷\n";
	struct strbuf raw, whole, part;
	struct ur_err err;
	size_t e, chunk, off, mismatches;

	sb_init(&raw);
	sb_init(&whole);
	sb_init(&part);
	for (e = 0; e < 3; e++) {
		const char *src = text;

		if (strcmp(encs[e], "CP932") == 0)
			src = "日付,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,①～\n2026/03/01,山田\n";
		encode(encs[e], src, &raw);
		sb_reset(&whole);
		tap_is_int(charset_to_utf8(encs[e], raw.buf, raw.len, &whole, NULL, &err), UR_OK,
			   "%s whole conversion", encs[e]);
		tap_is_str(whole.buf, src == text ? src + 3 : src, "%s round trip", encs[e]);
		mismatches = 0;
		for (chunk = 1; chunk <= 9; chunk++) {
			sb_reset(&part);
			if (feed_chunks(encs[e], raw.buf, raw.len, chunk, &part, &off, &err) != UR_OK ||
			    strcmp(part.buf, whole.buf) != 0 || off != raw.len)
				mismatches++;
		}
		tap_is_int(mismatches, 0, "%s streaming in chunks of 1..9 bytes", encs[e]);
	}
	encode("GB18030", "abcdef上海\n交易𠮷", &raw);
	sb_add(&raw, "\xFF", 1);
	sb_reset(&part);
	tap_is_int(feed_chunks("GB18030", raw.buf, raw.len, 3, &part, &off, &err), UR_INPUT,
		   "bad byte in a later chunk");
	tap_is_int(off, raw.len - 1, "absolute offset of the bad byte");
	tap_ok(strstr(err.msg, "line 2") != NULL, "line of the bad byte: %s", err.msg);
	tap_is_str(part.buf, "abcdef上海\n交易𠮷", "text before the bad byte was converted");
	sb_reset(&part);
	tap_is_int(feed_chunks("GB18030", "ab\x81\x30\x81", 5, 2, &part, &off, &err), UR_INPUT,
		   "four-byte sequence cut at the end");
	tap_is_int(off, 2, "offset of the cut sequence");
	tap_ok(strstr(err.msg, "incomplete") != NULL, "cut sequence message: %s", err.msg);
	sb_free(&raw);
	sb_free(&whole);
	sb_free(&part);
}

static void
test_stream_misc(void)
{
	struct ur_err err;
	struct strbuf out;
	struct charset_conv *c;

	sb_init(&out);
	tap_ok(charset_conv_open("latin9", &err) == NULL, "open unknown encoding fails");
	tap_is_int(err.status, UR_USAGE, "unknown encoding is a usage error");
	c = charset_conv_open("UTF-8", &err);
	tap_is_int(charset_conv_feed(c, "\xE6", 1, false, &out, &err), UR_OK, "lead byte carried");
	tap_is_int(charset_conv_feed(c, "", 0, false, &out, &err), UR_OK, "empty chunk");
	tap_is_int(charset_conv_feed(c, "\xA0\xAA\xE6\x41", 4, false, &out, &err), UR_INPUT,
		   "bad continuation after a carried character");
	tap_is_int(charset_conv_offset(c), 3, "offset of the bad continuation");
	tap_is_str(out.buf, "株", "carried character completed");
	tap_is_int(charset_conv_feed(c, "a", 1, true, &out, &err), UR_INPUT, "failed stays failed");
	charset_conv_close(c);
	charset_conv_close(NULL);
	sb_free(&out);
}

struct detect_case {
	const char *enc, *text;
};

static const struct detect_case detect_cases[] = {
	{"CP932", "株式会社ヤマダ"},
	{"CP932", "ｶ)ﾔﾏﾀﾞ"},
	{"CP932", "ﾔﾏﾀﾞ"},
	{"CP932", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"},
	{"CP932", "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ"},
	{"CP932", "山田商事"},
	{"CP932", "東京都港区"},
	{"CP932", "山田商事,東京都港区"},
	{"CP932", "2026/03/01,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,10000"},
	{"CP932", "1,20260301,ﾌﾘｺﾐ,ｻﾄｳ ﾀﾛｳ,5000,\"山田商事\""},
	{"CP932", "入金日,振込依頼人名,金額,摘要"},
	{"CP932", "ｶﾌﾞｼｷｶﾞｲｼﾔ ﾐﾂﾋﾞｼ"},
	{"CP932", "ﾕ)ｻﾄｳｼﾖｳﾃﾝ,ﾄﾞ)ABC"},
	{"CP932", "①ご請求書～"},
	{"GB18030", "上海恒通贸易有限公司"},
	{"GB18030", "北京市朝阳区"},
	{"GB18030", "收入"},
	{"GB18030", "交易日期"},
	{"GB18030", "交易日期,摘要,收入,支出,余额"},
	{"GB18030", "2026-03-01,货款,12000.00,,56000.00,上海恒通贸易有限公司"},
	{"GB18030", "深圳市华强电子有限公司,对方户名"},
	{"GB18030", "账号,6222021234567890,中国工商银行"},
	{"UTF-8", "株式会社ヤマダ,上海"},
	{"UTF-8", "\xEF\xBB\xBF" "日付"},
	{"UTF-8", "plain ascii"},
};

static void
test_detect(void)
{
	struct strbuf raw;
	size_t i;

	sb_init(&raw);
	for (i = 0; i < sizeof(detect_cases) / sizeof(detect_cases[0]); i++) {
		const struct detect_case *c = &detect_cases[i];

		if (strcmp(c->enc, "UTF-8") == 0) {
			sb_reset(&raw);
			sb_adds(&raw, c->text);
		} else {
			encode(c->enc, c->text, &raw);
		}
		tap_is_str(charset_detect(raw.buf, raw.len), c->enc, "detect %s", c->text);
	}
	tap_is_str(charset_detect("", 0), "UTF-8", "detect empty");
	sb_free(&raw);
	tap_is_str(charset_detect("code,name\nA1,Caf\xE9s\n", 19), "UTF-8",
		   "ASCII with one stray byte (é in Latin-1) is not taken for CP932");
	tap_is_str(charset_detect("code,name\n1,\xE5\xB1\xB1\xE7\x94\xB0\n"
				  "2,\xE9\x88\xB4\xE6\x9C\xA8\n3,bad\xFF\n", 35), "UTF-8",
		   "UTF-8 with one bad byte is still UTF-8 (the byte is named, not decoded)");
	tap_is_str(charset_detect("\xFF\xFE" "c\0o\0", 6), "UTF-8", "UTF-16 is not a legacy encoding");
}

static void
test_refuse_unicode(void)
{
	static const struct {
		const char *in, *name;
		size_t n;
	} cases[] = {
		{ "\xFF\xFE\0\0c\0\0\0", "UTF-32LE", 8 }, { "\0\0\xFE\xFF", "UTF-32BE", 4 },
		{ "\xFF\xFE" "c\0", "UTF-16LE", 4 }, { "\xFE\xFF\0c", "UTF-16BE", 4 },
	};
	struct ur_err err;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tap_is_int(charset_refuse_unicode(cases[i].in, cases[i].n, &err), UR_INPUT,
			   "%s by its byte-order mark is refused", cases[i].name);
		tap_ok(strstr(err.msg, cases[i].name) != NULL, "… by name: %s", err.msg);
	}
	tap_is_int(charset_refuse_unicode("\xEF\xBB\xBF" "code", 7, &err), UR_OK,
		   "a UTF-8 byte-order mark is fine");
	tap_is_int(charset_refuse_unicode("\xFF", 1, &err), UR_OK, "one 0xFF byte is no mark");
}

TAP_SUITE(charset)
{
	test_names();
	test_convert();
	test_stream();
	test_stream_misc();
	test_detect();
	test_refuse_unicode();
}

static uint32_t rng = 0x9E3779B9u;

TAP_SUITE(charset_fuzz)
{
	static const char *const encs[] = {"UTF-8", "CP932", "GB18030", "SHIFT_JIS-STRICT",
					   "GBK-STRICT"};
	char buf[48];
	struct strbuf whole, part;
	struct ur_err err;
	size_t iter, n, i, bad = 0, off, off2;

	sb_init(&whole);
	sb_init(&part);
	for (iter = 0; iter < 3000; iter++) {
		const char *enc = encs[iter % 5];
		enum ur_status st, st2;

		n = tu_xorshift(&rng) % sizeof(buf);
		for (i = 0; i < n; i++)
			buf[i] = (char)(tu_xorshift(&rng) % 3 ? 0x80 | tu_xorshift(&rng)
							 : tu_xorshift(&rng) & 0x7F);
		sb_reset(&whole);
		sb_reset(&part);
		off = off2 = 0;
		st = charset_to_utf8(enc, buf, n, &whole, &off, &err);
		st2 = feed_chunks(enc, buf, n, 1 + tu_xorshift(&rng) % 5, &part, &off2, &err);
		if (st != st2 || (st == UR_OK && (strcmp(whole.buf, part.buf) != 0 ||
						  !utf8_valid(whole.buf, whole.len, NULL))) ||
		    (st != UR_OK && off != off2)) {
			if (bad++ < 5)
				tap_diag("%s iteration %zu: status %d/%d offset %zu/%zu", enc, iter,
					 st, st2, off, off2);
		}
		(void)charset_detect(buf, n);
	}
	sb_free(&whole);
	sb_free(&part);
	tap_is_int(bad, 0, "3000 random inputs: whole and streamed conversion agree");
}
