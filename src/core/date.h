/* date: civil dates as int32_t day numbers (days since 1970-01-01,
 * proleptic Gregorian) — conversion, arithmetic, parsing and today. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_DATE_H
#define UR_SRC_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

/* Years date_parse and date_today accept. */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199

/* Size of a buffer for date_format_iso: "YYYY-MM-DD" and a NUL. */
#define DATE_ISO_SIZE 11

/** Day number of y-m-d (m 1–12, d 1–31; not validated). */
int32_t date_from_ymd(int y, int m, int d);

/** Split a day number into year, month (1–12) and day (1–31). */
void date_to_ymd(int32_t day, int *y, int *m, int *d);

/** True when y-m-d names a real date (year 1–9999). */
bool date_valid_ymd(int y, int m, int d);

/** Number of days in month m (1–12) of year y. */
int date_days_in_month(int y, int m);

/** Day of the week: 0 = Sunday … 6 = Saturday. */
int date_weekday(int32_t day);

/** The same day `months` months later (or earlier, if negative), clamped
 *  to the end of the target month: 2026-01-31 + 1 month = 2026-02-28. */
int32_t date_add_months_clamped(int32_t day, int months);

/** The last day of day's month. */
int32_t date_end_of_month(int32_t day);

/** Write day as "YYYY-MM-DD" (years 0–9999) into buf. */
void date_format_iso(int32_t day, char buf[DATE_ISO_SIZE]);

/** Parse YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, YYYY.MM.DD or 2026年3月31日;
 *  month and day may have one digit when separated; full-width digits and
 *  separators and surrounding spaces are accepted. Years 1900–2199.
 *  UR_INPUT with a message when text is not a valid date. */
enum ur_status date_parse(const char *text, int32_t *out, struct ur_err *err);

/** Today: $URIKAKE_TODAY (YYYY-MM-DD) when set and valid, else the local
 *  date. */
int32_t date_today(void);

/** UR_INPUT, naming the value, when $URIKAKE_TODAY is set but not a date
 *  (date_today would quietly use the real date instead). */
enum ur_status date_today_check(struct ur_err *err);

#endif
