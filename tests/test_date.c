/* test_date: day numbers, month arithmetic, parsing and formatting. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "tap.h"

struct ymd_case {
	int y, m, d;
	int32_t day;
	int weekday;
};

/* Day numbers and weekdays computed by hand from 1970-01-01 (Thursday). */
static const struct ymd_case ymd_cases[] = {
	{ 1970, 1, 1, 0, 4 },
	{ 1970, 1, 2, 1, 5 },
	{ 1969, 12, 31, -1, 3 },
	{ 1900, 1, 1, -25567, 1 },
	{ 2000, 2, 29, 11016, 2 },
	{ 2000, 3, 1, 11017, 3 },
	{ 2020, 1, 1, 18262, 3 },
	{ 2024, 2, 29, 19782, 4 },
	{ 2026, 3, 31, 20543, 2 },
	{ 2026, 5, 6, 20579, 3 },
	{ 2030, 12, 31, 22279, 2 },
	{ 2199, 12, 31, 84005, 2 },
};

struct parse_case {
	const char *text;
	int y, m, d;
};

static const struct parse_case parse_ok[] = {
	{ "2026-03-31", 2026, 3, 31 },
	{ "2026/03/31", 2026, 3, 31 },
	{ "20260331", 2026, 3, 31 },
	{ "2026.03.31", 2026, 3, 31 },
	{ "2026/3/5", 2026, 3, 5 },
	{ "2026-3-05", 2026, 3, 5 },
	{ "2026年3月31日", 2026, 3, 31 },
	{ "2026年03月05日", 2026, 3, 5 },
	{ "２０２６年３月３１日", 2026, 3, 31 },
	{ "２０２６／０３／３１", 2026, 3, 31 },
	{ "２０２６０３３１", 2026, 3, 31 },
	{ " 2026-03-31 ", 2026, 3, 31 },
	{ "\u30002026-03-31\u3000", 2026, 3, 31 },
	{ "2024-02-29", 2024, 2, 29 },
	{ "2000-02-29", 2000, 2, 29 },
	{ "1900-01-01", 1900, 1, 1 },
	{ "2199-12-31", 2199, 12, 31 },
};

struct bad_case {
	const char *text, *msg;
};

static const struct bad_case parse_bad[] = {
	{ "", "empty date" },
	{ "  ", "empty date" },
	{ "2026-02-30", "\"2026-02-30\" is not a valid date" },
	{ "2025-02-29", "\"2025-02-29\" is not a valid date" },
	{ "1900-02-29", "\"1900-02-29\" is not a valid date" },
	{ "2026-13-01", "\"2026-13-01\" is not a valid date" },
	{ "2026-00-10", "\"2026-00-10\" is not a valid date" },
	{ "2026-04-31", "\"2026-04-31\" is not a valid date" },
	{ "20260230", "\"20260230\" is not a valid date" },
	{ "2026年2月30日", "\"2026年2月30日\" is not a valid date" },
	{ "1899-12-31", "\"1899-12-31\": the year must be between 1900 and 2199" },
	{ "2200-01-01", "\"2200-01-01\": the year must be between 1900 and 2199" },
	{ "2026-03/31", "\"2026-03/31\" is not a date (expected YYYY-MM-DD)" },
	{ "26-03-31", "\"26-03-31\" is not a date (expected YYYY-MM-DD)" },
	{ "2026-003-31", "\"2026-003-31\" is not a date (expected YYYY-MM-DD)" },
	{ "2026331", "\"2026331\" is not a date (expected YYYY-MM-DD)" },
	{ "2026-03-31x", "\"2026-03-31x\" is not a date (expected YYYY-MM-DD)" },
	{ "2026年3月", "\"2026年3月\" is not a date (expected YYYY-MM-DD)" },
	{ "2026年3-31", "\"2026年3-31\" is not a date (expected YYYY-MM-DD)" },
	{ "March 31", "\"March 31\" is not a date (expected YYYY-MM-DD)" },
	{ "2026-03-31-2026-03-31-2026-03-31-2026", "\"2026-03-31-2026-03-31-2026-03-31-2026\" is not a date (expected YYYY-MM-DD)" },
};

static void
test_ymd(void)
{
	size_t i;
	int y, m, d;

	for (i = 0; i < sizeof ymd_cases / sizeof ymd_cases[0]; i++) {
		const struct ymd_case *c = &ymd_cases[i];

		tap_is_int(date_from_ymd(c->y, c->m, c->d), c->day,
			   "day number of %04d-%02d-%02d", c->y, c->m, c->d);
		date_to_ymd(c->day, &y, &m, &d);
		tap_ok(y == c->y && m == c->m && d == c->d,
		       "ymd of day %d is %04d-%02d-%02d", (int)c->day, y, m, d);
		tap_is_int(date_weekday(c->day), c->weekday, "weekday of %d",
			   (int)c->day);
	}
}

static void
test_roundtrip_all(void)
{
	int32_t day, first = date_from_ymd(1900, 1, 1);
	int32_t last = date_from_ymd(2199, 12, 31);
	int y, m, d, prev_wd = date_weekday(first - 1), bad = 0;

	for (day = first; day <= last; day++) {
		date_to_ymd(day, &y, &m, &d);
		if (!date_valid_ymd(y, m, d) || date_from_ymd(y, m, d) != day ||
		    date_weekday(day) != (prev_wd + 1) % 7)
			bad++;
		prev_wd = date_weekday(day);
	}
	tap_is_int(bad, 0, "every day 1900-2199 round-trips");
}

static void
test_months(void)
{
	tap_is_int(date_days_in_month(2024, 2), 29, "Feb 2024");
	tap_is_int(date_days_in_month(2026, 2), 28, "Feb 2026");
	tap_is_int(date_days_in_month(2000, 2), 29, "Feb 2000");
	tap_is_int(date_days_in_month(2100, 2), 28, "Feb 2100");
	tap_is_int(date_days_in_month(2026, 4), 30, "Apr");
	tap_is_int(date_days_in_month(2026, 12), 31, "Dec");
	tap_is_int(date_days_in_month(2026, 13), 0, "month 13");
	tap_ok(!date_valid_ymd(2026, 2, 29), "2026-02-29 invalid");
	tap_ok(date_valid_ymd(2028, 2, 29), "2028-02-29 valid");
	tap_ok(!date_valid_ymd(2026, 1, 0), "day 0 invalid");
	tap_is_int(date_add_months_clamped(date_from_ymd(2026, 1, 31), 1),
		   date_from_ymd(2026, 2, 28), "Jan 31 + 1 month");
	tap_is_int(date_add_months_clamped(date_from_ymd(2024, 1, 31), 1),
		   date_from_ymd(2024, 2, 29), "Jan 31 2024 + 1 month");
	tap_is_int(date_add_months_clamped(date_from_ymd(2026, 11, 15), 3),
		   date_from_ymd(2027, 2, 15), "across the year");
	tap_is_int(date_add_months_clamped(date_from_ymd(2026, 3, 31), -1),
		   date_from_ymd(2026, 2, 28), "minus one month");
	tap_is_int(date_add_months_clamped(date_from_ymd(2026, 1, 10), -13),
		   date_from_ymd(2024, 12, 10), "minus 13 months");
	tap_is_int(date_add_months_clamped(date_from_ymd(2026, 5, 31), 0),
		   date_from_ymd(2026, 5, 31), "plus zero");
	tap_is_int(date_end_of_month(date_from_ymd(2024, 2, 3)),
		   date_from_ymd(2024, 2, 29), "end of Feb 2024");
	tap_is_int(date_end_of_month(date_from_ymd(2026, 12, 31)),
		   date_from_ymd(2026, 12, 31), "end of Dec");
}

static void
test_parse(void)
{
	struct ur_err err;
	int32_t day;
	size_t i;

	for (i = 0; i < sizeof parse_ok / sizeof parse_ok[0]; i++) {
		const struct parse_case *c = &parse_ok[i];

		day = -1;
		tap_is_int(date_parse(c->text, &day, &err), UR_OK, "parse \"%s\"",
			   c->text);
		tap_is_int(day, date_from_ymd(c->y, c->m, c->d), "value of \"%s\"",
			   c->text);
	}
	for (i = 0; i < sizeof parse_bad / sizeof parse_bad[0]; i++) {
		const struct bad_case *c = &parse_bad[i];

		ur_err_clear(&err);
		day = -1;
		tap_is_int(date_parse(c->text, &day, &err), UR_INPUT,
			   "\"%s\" rejected", c->text);
		tap_is_str(err.msg, c->msg, "message for \"%s\"", c->text);
		tap_is_int(day, -1, "output untouched for \"%s\"", c->text);
	}
}

static void
test_format_today(void)
{
	char buf[DATE_ISO_SIZE], saved[DATE_ISO_SIZE + 8] = "";
	const char *env = getenv("URIKAKE_TODAY");

	if (env)
		snprintf(saved, sizeof saved, "%s", env);
	date_format_iso(date_from_ymd(2026, 3, 5), buf);
	tap_is_str(buf, "2026-03-05", "ISO format");
	date_format_iso(date_from_ymd(1900, 12, 31), buf);
	tap_is_str(buf, "1900-12-31", "ISO format 1900");
	setenv("URIKAKE_TODAY", "2026-03-31", 1);
	tap_is_int(date_today(), date_from_ymd(2026, 3, 31), "today from env");
	setenv("URIKAKE_TODAY", "2026/02/30", 1);
	tap_ok(date_today() > date_from_ymd(2020, 1, 1),
	       "invalid URIKAKE_TODAY falls back to the clock");
	unsetenv("URIKAKE_TODAY");
	tap_ok(date_today() > date_from_ymd(2020, 1, 1), "today from clock");
	if (env)
		setenv("URIKAKE_TODAY", saved, 1);
}

TAP_SUITE(date)
{
	test_ymd();
	test_roundtrip_all();
	test_months();
	test_parse();
	test_format_today();
}
