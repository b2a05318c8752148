/* test_calendar: bank business days of Japan and China. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "calendar.h"
#include "date.h"
#include "tap.h"

struct day_case {
	enum cal_region region;
	int y, m, d;
	int open;
	const char *name; /* NULL: no holiday name */
};

static const struct day_case day_cases[] = {
	{ CAL_JP, 2026, 5, 6, 0, "振替休日" },
	{ CAL_JP, 2026, 9, 22, 0, "国民の休日" },
	{ CAL_JP, 2026, 9, 21, 0, "敬老の日" },
	{ CAL_JP, 2026, 9, 23, 0, "秋分の日" },
	{ CAL_JP, 2025, 12, 31, 0, "銀行休業日" },
	{ CAL_JP, 2026, 1, 1, 0, "元日" },
	{ CAL_JP, 2026, 1, 2, 0, "銀行休業日" },
	{ CAL_JP, 2026, 1, 5, 1, NULL },
	{ CAL_JP, 2026, 1, 12, 0, "成人の日" },
	{ CAL_JP, 2026, 3, 20, 0, "春分の日" },
	{ CAL_JP, 2026, 3, 31, 1, NULL },
	{ CAL_JP, 2026, 4, 4, 0, NULL }, /* Saturday */
	{ CAL_JP, 2026, 4, 5, 0, NULL }, /* Sunday */
	{ CAL_JP, 2020, 7, 23, 0, "海の日" },
	{ CAL_JP, 2020, 7, 24, 0, "スポーツの日" },
	{ CAL_JP, 2020, 8, 10, 0, "山の日" },
	{ CAL_JP, 2020, 10, 12, 1, NULL }, /* no スポーツの日 in October 2020 */
	{ CAL_JP, 2021, 7, 22, 0, "海の日" },
	{ CAL_JP, 2021, 8, 9, 0, "振替休日" },
	{ CAL_JP, 2021, 8, 11, 1, NULL },
	{ CAL_JP, 2022, 3, 21, 0, "春分の日" },
	{ CAL_JP, 2024, 9, 22, 0, "秋分の日" }, /* Sunday, 9/23 振替 */
	{ CAL_JP, 2024, 9, 23, 0, "振替休日" },
	{ CAL_JP, 2027, 3, 22, 0, "振替休日" }, /* 春分 3/21 Sunday */
	{ CAL_JP, 2030, 9, 23, 0, "秋分の日" },
	{ CAL_JP, 2030, 12, 31, 0, "銀行休業日" },
	{ CAL_CN, 2025, 1, 26, 1, NULL }, /* Sunday 调休上班 */
	{ CAL_CN, 2025, 2, 8, 1, NULL },  /* Saturday 调休上班 */
	{ CAL_CN, 2025, 1, 28, 0, "春节" },
	{ CAL_CN, 2025, 2, 4, 0, "春节" },
	{ CAL_CN, 2025, 2, 5, 1, NULL },
	{ CAL_CN, 2025, 10, 8, 0, "国庆节、中秋节" },
	{ CAL_CN, 2025, 10, 9, 1, NULL },
	{ CAL_CN, 2025, 10, 11, 1, NULL }, /* Saturday 调休上班 */
	{ CAL_CN, 2025, 12, 31, 1, NULL },
	{ CAL_CN, 2025, 1, 2, 1, NULL },
	{ CAL_CN, 2020, 2, 1, 0, "春节" }, /* 2020 extension */
	{ CAL_CN, 2023, 4, 5, 0, "清明节" },
	{ CAL_CN, 2022, 12, 31, 0, "元旦" },
	{ CAL_CN, 2026, 2, 23, 0, "春节" },
	{ CAL_CN, 2026, 2, 28, 1, NULL },
	{ CAL_CN, 2028, 1, 25, 0, "春节" }, /* provisional */
	{ CAL_CN, 2026, 5, 6, 1, NULL },
};

static void
test_days(void)
{
	size_t i;

	for (i = 0; i < sizeof day_cases / sizeof day_cases[0]; i++) {
		const struct day_case *c = &day_cases[i];
		int32_t day = date_from_ymd(c->y, c->m, c->d);
		const char *name = cal_holiday_name(c->region, day);
		const char *rn = c->region == CAL_JP ? "JP" : "CN";

		tap_is_int(cal_is_business_day(c->region, day), c->open,
			   "%s %04d-%02d-%02d %s", rn, c->y, c->m, c->d,
			   c->open ? "open" : "closed");
		tap_is_str(name ? name : "(none)", c->name ? c->name : "(none)",
			   "%s %04d-%02d-%02d name", rn, c->y, c->m, c->d);
	}
}

static void
test_next_prev(void)
{
	int32_t d = date_from_ymd(2026, 5, 2); /* Saturday before GW */

	tap_is_int(cal_next_business_day(CAL_JP, d), date_from_ymd(2026, 5, 7),
		   "JP next after 2026-05-02");
	tap_is_int(cal_prev_business_day(CAL_JP, d), date_from_ymd(2026, 5, 1),
		   "JP prev before 2026-05-02");
	d = date_from_ymd(2026, 3, 31);
	tap_is_int(cal_next_business_day(CAL_JP, d), d, "open day is its own next");
	tap_is_int(cal_prev_business_day(CAL_JP, d), d, "open day is its own prev");
	d = date_from_ymd(2025, 12, 31);
	tap_is_int(cal_next_business_day(CAL_JP, d), date_from_ymd(2026, 1, 5),
		   "JP year end to 2026-01-05");
	tap_is_int(cal_prev_business_day(CAL_JP, date_from_ymd(2026, 1, 4)),
		   date_from_ymd(2025, 12, 30), "JP back to 2025-12-30");
	d = date_from_ymd(2025, 10, 1);
	tap_is_int(cal_next_business_day(CAL_CN, d), date_from_ymd(2025, 10, 9),
		   "CN next after National Day");
	tap_is_int(cal_prev_business_day(CAL_CN, d), date_from_ymd(2025, 9, 30),
		   "CN prev before National Day");
	d = date_from_ymd(2025, 1, 25); /* Saturday before the workday */
	tap_is_int(cal_next_business_day(CAL_CN, d), date_from_ymd(2025, 1, 26),
		   "CN next is the working Sunday");
}

static void
test_coverage(void)
{
	int32_t first = date_from_ymd(2020, 1, 1), last = date_from_ymd(2030, 12, 31);
	int32_t day;
	int jp_closed_weekdays = 0, cn_open_weekends = 0;

	tap_ok(cal_covered(CAL_JP, first), "JP covers 2020-01-01");
	tap_ok(cal_covered(CAL_CN, last), "CN covers 2030-12-31");
	tap_ok(!cal_covered(CAL_JP, first - 1), "JP does not cover 2019");
	tap_ok(!cal_covered(CAL_CN, last + 1), "CN does not cover 2031");
	tap_ok(!cal_is_business_day(CAL_JP, date_from_ymd(2031, 1, 2)),
	       "JP outside coverage: 1/2 closed");
	tap_ok(cal_is_business_day(CAL_JP, date_from_ymd(2031, 1, 6)),
	       "JP outside coverage: a Monday open");
	tap_ok(!cal_is_business_day(CAL_CN, date_from_ymd(2019, 12, 29)),
	       "CN outside coverage: a Sunday closed");
	tap_ok(cal_holiday_name(CAL_JP, date_from_ymd(2031, 1, 1)) == NULL,
	       "no names outside coverage");
	for (day = date_from_ymd(2026, 1, 1); day <= date_from_ymd(2026, 12, 31); day++) {
		int wd = date_weekday(day);

		if (wd != 0 && wd != 6 && !cal_is_business_day(CAL_JP, day))
			jp_closed_weekdays++;
		if ((wd == 0 || wd == 6) && cal_is_business_day(CAL_CN, day))
			cn_open_weekends++;
	}
	/* 2026 JP: 17 holidays on weekdays + 1/2 + 12/31 (1/3 is a Saturday) */
	tap_is_int(jp_closed_weekdays, 19, "JP 2026 weekday closures");
	/* 2026 CN: 1/4, 2/14, 2/28, 5/9, 9/20, 10/10 */
	tap_is_int(cn_open_weekends, 6, "CN 2026 weekend workdays");
}

TAP_SUITE(calendar)
{
	test_days();
	test_next_prev();
	test_coverage();
}
