/* test_csv: the RFC 4180 reader (quotes, newlines, BOM, line numbers,
 * errors, chunked input) and the formula-safe writer. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tap.h"
#include "csv.h"
#include "text.h"

/* Join every record as "f1|f2;" with its line, "@L", to compare at once. */
static int
csv_dump(struct csv_reader *r, struct strbuf *out, struct ur_err *err)
{
	int st;

	while ((st = csv_next(r, err)) > 0) {
		sb_addf(out, "@%zu:", csv_line(r));
		for (size_t i = 0; i < csv_nfields(r); i++) {
			sb_adds(out, csv_field(r, i));
			sb_addc(out, i + 1 < csv_nfields(r) ? '|' : ';');
		}
	}
	return st;
}

static const struct {
	const char *in, *want;
} read_cases[] = {
	{ "a,b,c\n1,2,3\n", "@1:a|b|c;@2:1|2|3;" },
	{ "a,b\r\n1,2\r\n", "@1:a|b;@2:1|2;" },
	{ "a,b\r\n1,2", "@1:a|b;@2:1|2;" },
	{ "\xEF\xBB\xBFx,y\n", "@1:x|y;" },
	{ "\"a,b\",\"say \"\"hi\"\"\"\n", "@1:a,b|say \"hi\";" },
	{ "\"line1\nline2\",z\nnext,1\n", "@1:line1\nline2|z;@3:next|1;" },
	{ "\"crlf\r\ninside\",z\r\nnext\r\n", "@1:crlf\r\ninside|z;@3:next;" },
	{ "a,,\n,\n", "@1:a||;@2:|;" },
	{ "\n\na\n\r\n\nb\n", "@3:a;@6:b;" },
	{ "\"\",\"\"\n", "@1:|;" },
	{ "山田商事,ヤマダショウジ\n上海恒通贸易有限公司,\n", "@1:山田商事|ヤマダショウジ;@2:上海恒通贸易有限公司|;" },
	{ "lone\rcr\r", "@1:lone;@2:cr;" },
	{ "tab\there,\"q\tt\"\n", "@1:tab\there|q\tt;" },
	{ "\xC2\xA2,\xC2\xBF\xC4\x80\xC3\x85\n", "@1:\xC2\xA2|\xC2\xBF\xC4\x80\xC3\x85;" },
	{ "", "" },
};

static const struct {
	const char *in, *msg;
} bad_cases[] = {
	{ "a,b\n1,\"open\n\n", "t.csv:2: quoted field not closed before the end of the file" },
	{ "a\n\"x\"y,1\n", "t.csv:2: unexpected character after a closing quote" },
	{ "a,b\nok,1\nab\"c,2\n", "t.csv:3: quote inside an unquoted field" },
	{ "\"multi\nline\" x\n", "t.csv:2: unexpected character after a closing quote" },
	{ "a,b\n1,x\x1B[31my\n", "t.csv:2: control character U+001B in field 2" },
	{ "a\n\"bell\x07\"\n", "t.csv:2: control character U+0007 in field 1" },
	{ "a,b\nq,\"multi\nli\x7Fne\"\n", "t.csv:3: control character U+007F in field 2" },
	{ "a\nx\xC2\x85y\n", "t.csv:2: control character U+0085 in field 1" },
	{ "a\n\"x\"\"\xC2\x9F\"\n", "t.csv:2: control character U+009F in field 1" },
	{ "\x0C\n", "t.csv:1: control character U+000C in field 1" },
	{ "a,b\n1,\v\n", "t.csv:2: control character U+000B in field 2" },
};

/* Read callback handing out the input a few bytes at a time. */
struct drip {
	const char *s;
	size_t left, step;
};

static long
drip_read(void *ctx, char *buf, size_t cap, struct ur_err *err)
{
	struct drip *d = ctx;
	size_t n = d->left < d->step ? d->left : d->step;

	(void)err;
	if (n > cap)
		n = cap;
	memcpy(buf, d->s, n);
	d->s += n;
	d->left -= n;
	return (long)n;
}

static void
test_read(void)
{
	for (size_t i = 0; i < sizeof read_cases / sizeof read_cases[0]; i++) {
		struct csv_reader r;
		struct strbuf out;
		struct ur_err err;
		int st;

		sb_init(&out);
		ur_err_clear(&err);
		csv_open_mem(&r, "t.csv", read_cases[i].in, strlen(read_cases[i].in));
		st = csv_dump(&r, &out, &err);
		tap_is_int(st, 0, "case %zu reads to the end", i);
		tap_is_str(out.buf, read_cases[i].want, "case %zu fields and lines", i);
		csv_close(&r);
		for (size_t step = 1; step <= 3; step++) {
			struct drip d = { read_cases[i].in, strlen(read_cases[i].in), step };

			sb_reset(&out);
			csv_open_fn(&r, "t.csv", drip_read, &d);
			st = csv_dump(&r, &out, &err);
			tap_ok(st == 0 && strcmp(out.buf, read_cases[i].want) == 0,
			       "case %zu streamed %zu byte(s) at a time", i, step);
			csv_close(&r);
		}
		sb_free(&out);
	}
}

static void
test_bad(void)
{
	for (size_t i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		struct csv_reader r;
		struct strbuf out;
		struct ur_err err;
		int st;

		sb_init(&out);
		ur_err_clear(&err);
		csv_open_mem(&r, "t.csv", bad_cases[i].in, strlen(bad_cases[i].in));
		st = csv_dump(&r, &out, &err);
		tap_is_int(st, -1, "bad case %zu fails", i);
		tap_is_int(err.status, UR_INPUT, "bad case %zu is an input error", i);
		tap_is_str(err.msg, bad_cases[i].msg, "bad case %zu message", i);
		csv_close(&r);
		sb_free(&out);
	}
}

static void
test_fields(void)
{
	const char *in = "a,\"b\"\"c\",\n";
	struct csv_reader r;
	struct ur_err err;

	csv_open_mem(&r, "t.csv", in, strlen(in));
	tap_is_int(csv_next(&r, &err), 1, "one record");
	tap_is_int((long long)csv_nfields(&r), 3, "three fields");
	tap_is_int((long long)csv_field_len(&r, 1), 3, "unescaped length of b\"c");
	tap_is_int((long long)csv_field_len(&r, 2), 0, "empty last field");
	tap_is_str(csv_field(&r, 7), "", "out-of-range field is empty");
	tap_is_int((long long)csv_offset(&r), (long long)strlen(in), "offset at the end");
	tap_is_int(csv_next(&r, &err), 0, "then the end");
	csv_close(&r);
}

static const struct {
	const char *cell, *want;
} put_cases[] = {
	{ "plain", "plain" },
	{ "", "" },
	{ "a,b", "\"a,b\"" },
	{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
	{ "two\nlines", "\"two\nlines\"" },
	{ "=SUM(A1:A9)", "'=SUM(A1:A9)" },
	{ "+81-3-1234", "'+81-3-1234" },
	{ "@cmd", "'@cmd" },
	{ "-cmd|calc", "'-cmd|calc" },
	{ "-1200", "-1200" },
	{ "-12.50", "-12.50" },
	{ "-12.", "'-12." },
	{ "-", "'-" },
	{ "=1,2", "\"'=1,2\"" },
	{ "\t=1+2", "'\t=1+2" },          /* a spreadsheet skips the tab … */
	{ "\t@SUM(1)", "'\t@SUM(1)" },
	{ "\r=1+2", "\"'\r=1+2\"" },      /* … and the carriage return */
	{ "\tplain", "'\tplain" },
	{ "山田商事", "山田商事" },
};

static void
test_put(void)
{
	struct strbuf out, shown;

	sb_init(&out);
	sb_init(&shown);
	for (size_t i = 0; i < sizeof put_cases / sizeof put_cases[0]; i++) {
		sb_reset(&out);
		sb_reset(&shown);
		text_sanitize(&shown, put_cases[i].cell, strlen(put_cases[i].cell));
		csv_put(&out, put_cases[i].cell);
		tap_is_str(out.buf, put_cases[i].want, "csv_put %s", shown.buf);
	}
	sb_free(&shown);
	sb_reset(&out);
	csv_put_sep(&out, "a", 0);
	csv_put_sep(&out, NULL, 0);
	csv_put_sep(&out, "c", 1);
	tap_is_str(out.buf, "a,,c\n", "csv_put_sep joins a row");
	tap_ok(csv_is_formula("=x") && !csv_is_formula("-5") && !csv_is_formula(""),
	       "csv_is_formula");
	sb_free(&out);
}

/* Control characters through the chunked reader too (a C1 character may
 * straddle two chunks), named by the header's column names. */
static const struct {
	const char *in;
	size_t len;
	const char *msg;
} ctl_cases[] = {
	{ "code,name\nZ1,ab\0cd\n", 19, "t.csv:2: control character U+0000 in column 'name'" },
	{ "code,name\nE1,\x1B[31mEvil\n", 23, "t.csv:2: control character U+001B in column 'name'" },
	{ "code,name\nE1,ok,\x07\n", 18, "t.csv:2: control character U+0007 in field 3" },
	{ "code,name\nE1,\"a\n\xC2\x80\"\n", 20,
	  "t.csv:3: control character U+0080 in column 'name'" },
	{ "code,name\n\xC2\x9B,x\n", 15, "t.csv:2: control character U+009B in column 'code'" },
};

static void
test_controls(void)
{
	for (size_t i = 0; i < sizeof ctl_cases / sizeof ctl_cases[0]; i++) {
		for (size_t step = 0; step <= 3; step++) {
			struct drip d = { ctl_cases[i].in, ctl_cases[i].len, step };
			struct csv_reader r;
			struct ur_err err;
			int st;

			ur_err_clear(&err);
			if (step)
				csv_open_fn(&r, "t.csv", drip_read, &d);
			else
				csv_open_mem(&r, "t.csv", ctl_cases[i].in, ctl_cases[i].len);
			st = csv_next(&r, &err);
			csv_name_columns(&r);
			if (st == 1)
				st = csv_next(&r, &err);
			tap_is_int(st, -1, "control case %zu, %zu byte(s) at a time: rejected", i, step);
			tap_is_str(err.msg, ctl_cases[i].msg, "control case %zu, %zu byte(s): message",
				   i, step);
			csv_close(&r);
		}
	}
}

static void
test_control_char(void)
{
	size_t at = 99;

	tap_is_int(csv_control_char("ab\ncd", 5, false, &at), 0x0a, "LF refused in one line");
	tap_is_int((long long)at, 2, "LF at byte 2");
	tap_is_int(csv_control_char("ab\r\ncd", 6, true, NULL), -1, "CRLF allowed in lines");
	tap_is_int(csv_control_char("a\tb", 3, false, NULL), -1, "TAB allowed");
	tap_is_int(csv_control_char("x\xC2\x9F", 3, true, &at), 0x9f, "C1 U+009F");
	tap_is_int((long long)at, 1, "C1 at its first byte");
	tap_is_int(csv_control_char("a\0b", 3, true, &at), 0, "NUL inside the length");
	tap_is_int((long long)at, 1, "NUL at byte 1");
	tap_is_int(csv_control_char("\x7F", 1, true, NULL), 0x7f, "DEL");
	tap_is_int(csv_control_char("\xC2\xA0\xC4\x80山田", 10, false, NULL), -1,
		   "U+00A0, U+0100 and kanji are text");
	tap_is_int(csv_control_char("", 0, false, NULL), -1, "empty");
}

TAP_SUITE(csv)
{
	test_read();
	test_bad();
	test_controls();
	test_control_char();
	test_fields();
	test_put();
}
