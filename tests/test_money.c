/* test_money: parsing, arithmetic and formatting of amounts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "money.h"
#include "tap.h"

struct parse_ok {
	const char *text, *cur;
	int64_t want;
};

static const struct parse_ok parse_ok_cases[] = {
	{ "1234", "JPY", 1234 },
	{ "0", "JPY", 0 },
	{ "1,234,567", "JPY", 1234567 },
	{ "¥1,234,567", "JPY", 1234567 },
	{ "￥1,234", "JPY", 1234 },
	{ "1,234円", "JPY", 1234 },
	{ "1,234元", "CNY", 123400 },
	{ "$1,234.50", "USD", 123450 },
	{ "１，２３４", "JPY", 1234 },
	{ "１２３４．５６", "CNY", 123456 },
	{ "－１，０００", "JPY", -1000 },
	{ "1234.50", "CNY", 123450 },
	{ "1234.5", "CNY", 123450 },
	{ "1234", "CNY", 123400 },
	{ "0.07", "EUR", 7 },
	{ "-1,000", "JPY", -1000 },
	{ "△1,000", "JPY", -1000 },
	{ "▲1,000", "JPY", -1000 },
	{ "-¥1,000", "JPY", -1000 },
	{ "¥-1,000", "JPY", -1000 },
	{ "+500", "JPY", 500 },
	{ "  42  ", "JPY", 42 },
	{ "\u3000４２\u3000", "JPY", 42 },
	{ "1234.00", "JPY", 1234 },
	{ "1234.500", "CNY", 123450 },
	{ "999", "KRW", 999 },
	{ "12,345.67", "GBP", 1234567 },
	{ "999999999999999", "JPY", MONEY_MAX },
	{ "-999,999,999,999,999", "JPY", -MONEY_MAX },
	{ "9999999999999.99", "CNY", MONEY_MAX },
	{ "-9,999,999,999,999.99", "USD", -MONEY_MAX },
	{ "9999999999999.990", "CNY", MONEY_MAX },
	{ "0000000000000000000000999999999999999", "JPY", MONEY_MAX },
	{ "-0", "JPY", 0 },
	{ "123", "HKD", 12300 },
};

struct parse_bad {
	const char *text, *cur, *msg;
};

static const struct parse_bad parse_bad_cases[] = {
	{ "", "JPY", "empty amount" },
	{ "   ", "JPY", "empty amount" },
	{ "abc", "JPY", "\"abc\" is not an amount" },
	{ "12a4", "JPY", "\"12a4\" is not an amount" },
	{ "1e5", "JPY", "\"1e5\" is not an amount" },
	{ "--5", "JPY", "\"--5\" has more than one sign" },
	{ "-△5", "JPY", "\"-△5\" has more than one sign" },
	{ "5-", "JPY", "\"5-\" is not an amount" },
	{ "1,23", "JPY", "\"1,23\": thousands separators must group three digits" },
	{ "12,3456", "JPY", "\"12,3456\": thousands separators must group three digits" },
	{ "1234,567", "JPY", "\"1234,567\": thousands separators must group three digits" },
	{ "1,,234", "JPY", "\"1,,234\": thousands separators must group three digits" },
	{ "1,234,", "JPY", "\"1,234,\": thousands separators must group three digits" },
	{ "12.5", "JPY", "\"12.5\" has more decimal places than JPY allows (0)" },
	{ "1.234", "CNY", "\"1.234\" has more decimal places than CNY allows (2)" },
	{ "12.", "CNY", "\"12.\" is not an amount" },
	{ ".5", "CNY", "\".5\" is not an amount" },
	{ "1.2.3", "CNY", "\"1.2.3\" is not an amount" },
	{ "¥¥5", "JPY", "\"¥¥5\" is not an amount" },
	{ "5円円", "JPY", "\"5円円\" is not an amount" },
	{ "100", "XYZ", "unknown currency \"XYZ\"" },
	{ "100", "jpy", "unknown currency \"jpy\"" },
	{ "1000000000000000", "JPY",
	  "amount \"1000000000000000\" is too large (at most 999,999,999,999,999)" },
	{ "-1,000,000,000,000,000", "JPY",
	  "amount \"-1,000,000,000,000,000\" is too large (at most 999,999,999,999,999)" },
	{ "10000000000000", "CNY",
	  "amount \"10000000000000\" is too large (at most 9,999,999,999,999.99)" },
	{ "10000000000000.00", "CNY",
	  "amount \"10000000000000.00\" is too large (at most 9,999,999,999,999.99)" },
	{ "9223372036854775807", "JPY",
	  "amount \"9223372036854775807\" is too large (at most 999,999,999,999,999)" },
	{ "-9223372036854775808", "JPY",
	  "amount \"-9223372036854775808\" is too large (at most 999,999,999,999,999)" },
	{ "92233720368547758.07", "CNY",
	  "amount \"92233720368547758.07\" is too large (at most 9,999,999,999,999.99)" },
	{ "99999999999999999999", "JPY",
	  "amount \"99999999999999999999\" is too large (at most 999,999,999,999,999)" },
};

struct format_case {
	int64_t v;
	const char *cur;
	unsigned flags;
	const char *want;
};

static const struct format_case format_cases[] = {
	{ 123456, "JPY", MONEY_PLAIN, "123456" },
	{ 1234567, "JPY", MONEY_GROUP, "1,234,567" },
	{ 123, "JPY", MONEY_GROUP, "123" },
	{ 1234, "JPY", MONEY_GROUP, "1,234" },
	{ 0, "JPY", MONEY_PLAIN, "0" },
	{ -1000, "JPY", MONEY_PLAIN, "-1000" },
	{ -1000, "JPY", MONEY_GROUP, "-1,000" },
	{ 123450, "CNY", MONEY_PLAIN, "1234.50" },
	{ 123450, "CNY", MONEY_GROUP, "1,234.50" },
	{ 5, "CNY", MONEY_PLAIN, "0.05" },
	{ -5, "USD", MONEY_PLAIN, "-0.05" },
	{ 0, "EUR", MONEY_PLAIN, "0.00" },
	{ INT64_MAX, "JPY", MONEY_PLAIN, "9223372036854775807" },
	{ INT64_MIN, "JPY", MONEY_PLAIN, "-9223372036854775808" },
	{ INT64_MIN, "JPY", MONEY_GROUP, "-9,223,372,036,854,775,808" },
	{ INT64_MIN, "USD", MONEY_GROUP, "-92,233,720,368,547,758.08" },
	{ 123450, "XYZ", MONEY_PLAIN, "123450" },
};

static void
test_parse(void)
{
	struct ur_err err;
	int64_t v;
	size_t i;

	for (i = 0; i < sizeof parse_ok_cases / sizeof parse_ok_cases[0]; i++) {
		const struct parse_ok *c = &parse_ok_cases[i];

		v = -42;
		tap_is_int(money_parse(c->text, c->cur, &v, &err), UR_OK,
			   "parse \"%s\" %s succeeds", c->text, c->cur);
		tap_is_int(v, c->want, "parse \"%s\" %s", c->text, c->cur);
	}
	for (i = 0; i < sizeof parse_bad_cases / sizeof parse_bad_cases[0]; i++) {
		const struct parse_bad *c = &parse_bad_cases[i];

		ur_err_clear(&err);
		v = -42;
		tap_is_int(money_parse(c->text, c->cur, &v, &err), UR_INPUT,
			   "parse \"%s\" %s rejected", c->text, c->cur);
		tap_is_int(err.status, UR_INPUT, "status recorded for \"%s\"",
			   c->text);
		tap_is_str(err.msg, c->msg, "message for \"%s\"", c->text);
		tap_is_int(v, -42, "output untouched for \"%s\"", c->text);
	}
	tap_is_int(money_parse("1", NULL, &v, NULL), UR_INPUT,
		   "NULL currency rejected without an error record");
}

static void
test_roundtrip(void)
{
	static const int64_t values[] = { 0, 1, -1, 999, 1000, -1234567,
					  100000000, MONEY_MAX, -MONEY_MAX };
	static const char *const curs[] = { "JPY", "CNY" };
	char buf[MONEY_BUFSZ];
	int64_t v;
	size_t i, c, f;

	for (i = 0; i < sizeof values / sizeof values[0]; i++)
		for (c = 0; c < 2; c++)
			for (f = 0; f < 2; f++) {
				money_format(values[i], curs[c], (unsigned)f, buf,
					     sizeof buf);
				v = 0;
				tap_ok(money_parse(buf, curs[c], &v, NULL) == UR_OK &&
					       v == values[i],
				       "round trip %s %s", buf, curs[c]);
			}
}

static void
test_format(void)
{
	char buf[MONEY_BUFSZ], small[5];
	size_t i;

	for (i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
		const struct format_case *c = &format_cases[i];

		money_format(c->v, c->cur, c->flags, buf, sizeof buf);
		tap_is_str(buf, c->want, "format %lld %s flags %u",
			   (long long)c->v, c->cur, c->flags);
	}
	money_format(1234567, "JPY", MONEY_PLAIN, small, sizeof small);
	tap_is_str(small, "1234", "format truncates to the buffer");
	memset(small, 'x', sizeof small);
	money_format(1, "JPY", MONEY_PLAIN, small, 0);
	tap_is_int(small[0], 'x', "size 0 writes nothing");
}

static void
test_arith(void)
{
	int64_t r = 7;

	tap_ok(money_add(2, 3, &r) && r == 5, "2 + 3");
	tap_ok(money_add(INT64_MAX - 1, 1, &r) && r == INT64_MAX, "max - 1 + 1");
	r = 7;
	tap_ok(!money_add(INT64_MAX, 1, &r), "max + 1 overflows");
	tap_is_int(r, 7, "overflowing add leaves output");
	tap_ok(!money_add(INT64_MIN, -1, &r), "min + -1 overflows");
	tap_ok(money_sub(5, 8, &r) && r == -3, "5 - 8");
	tap_ok(!money_sub(INT64_MIN, 1, &r), "min - 1 overflows");
	tap_ok(!money_sub(0, INT64_MIN, &r), "0 - min overflows");
	tap_ok(money_sub(-1, INT64_MIN, &r) && r == INT64_MAX, "-1 - min");
}

static void
test_currencies(void)
{
	tap_is_int(money_exponent("JPY"), 0, "JPY exponent");
	tap_is_int(money_exponent("CNY"), 2, "CNY exponent");
	tap_is_int(money_exponent("USD"), 2, "USD exponent");
	tap_is_int(money_exponent("EUR"), 2, "EUR exponent");
	tap_is_int(money_exponent("KRW"), 0, "KRW exponent");
	tap_is_int(money_exponent("XYZ"), -1, "unknown exponent");
	tap_is_int(money_exponent("JPYX"), -1, "longer code unknown");
	tap_is_int(money_exponent(NULL), -1, "NULL exponent");
	tap_ok(money_currency_known("CNY"), "CNY known");
	tap_ok(!money_currency_known(""), "empty code unknown");
}

struct compact_case {
	int64_t v;
	const char *cur;
	bool myriad; /* 万 億, else K M B */
	int cells;
	const char *want;
};

static const struct compact_case compact_cases[] = {
	{ 472780, "JPY", true, 7, "472,780" },
	{ 2987380, "JPY", true, 7, "298.7万" },
	{ 12913560, "JPY", true, 7, "1,291万" },
	{ 2444360530, "JPY", true, 7, "24.4億" },
	{ 15463179, "CNY", true, 7, "15.5万" },
	{ 2267123711, "CNY", true, 7, "2,267万" },
	{ -2987380, "JPY", true, 7, "-299万" },
	{ 1250000, "JPY", false, 5, "1.3M" },
	{ 2444360530, "JPY", false, 7, "2,444M" },
	{ 2444360530, "JPY", false, 5, "2.4B" },
	{ 2267123711, "CNY", false, 7, "22,671K" },
	{ 999950, "JPY", false, 5, "1.0M" },
	{ INT64_MAX, "JPY", true, 3, "92,233,720,369億" },
};

static void
test_compact(void)
{
	static const struct money_units man = { 10000, 2, { "万", "億" } };
	static const struct money_units km = { 1000, 3, { "K", "M", "B" } };
	char buf[MONEY_BUFSZ];

	for (size_t i = 0; i < sizeof compact_cases / sizeof compact_cases[0]; i++) {
		const struct compact_case *c = &compact_cases[i];

		money_format_compact(c->v, c->cur, c->myriad ? &man : &km, c->cells, buf,
				     sizeof buf);
		tap_is_str(buf, c->want, "compact %lld %s in %d cells", (long long)c->v, c->cur,
			   c->cells);
	}
}

TAP_SUITE(money)
{
	test_compact();
	test_currencies();
	test_parse();
	test_format();
	test_roundtrip();
	test_arith();
}
