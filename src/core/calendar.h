/* calendar: bank business days of Japan and China, from the holiday tables
 * in data/holidays/ compiled into the program (2020–2030). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CALENDAR_H
#define UR_SRC_CALENDAR_H

#include <stdbool.h>
#include <stdint.h>

enum cal_region {
	CAL_JP, /* Japanese banks: closed weekends, holidays, 12/31–1/3 */
	CAL_CN, /* Chinese banks: closed weekends and holidays, open on 调休 */
};

/* First and last year the holiday tables cover. */
#define CAL_YEAR_FIRST 2020
#define CAL_YEAR_LAST 2030

/** True when the banks of region r are open on day. Outside the covered
 *  years only weekends (and in Japan 12/31–1/3) are closed. */
bool cal_is_business_day(enum cal_region r, int32_t day);

/** day if it is a business day, else the next one. */
int32_t cal_next_business_day(enum cal_region r, int32_t day);

/** day if it is a business day, else the previous one. */
int32_t cal_prev_business_day(enum cal_region r, int32_t day);

/** The holiday's name (UTF-8, in the region's language) when day is a
 *  listed holiday, else NULL (also for plain weekends and 调休 workdays). */
const char *cal_holiday_name(enum cal_region r, int32_t day);

/** True when the holiday table of r covers day (years 2020–2030). */
bool cal_covered(enum cal_region r, int32_t day);

#endif
