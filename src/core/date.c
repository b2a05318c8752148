/* date: day-number conversion (Howard Hinnant's civil-date algorithms),
 * month arithmetic, parsing the ways dates are written, and today. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "i18n.h"
#include "textnorm.h"

/* Longest date text accepted, in characters after normalization. */
#define NORM_MAX 32

int32_t
date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

void
date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int32_t z = day + 719468;
	int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const unsigned char days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool
date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

int
date_weekday(int32_t day)
{
	return (int)((day % 7 + 11) % 7); /* 1970-01-01 was a Thursday */
}

int32_t
date_add_months_clamped(int32_t day, int months)
{
	int y, m, d, dim, index;

	date_to_ymd(day, &y, &m, &d);
	index = y * 12 + (m - 1) + months;
	y = (index >= 0 ? index : index - 11) / 12;
	m = index - y * 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d < dim ? d : dim);
}

int32_t
date_end_of_month(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

static void
put_num(char *p, int v, int width)
{
	while (width-- > 0) {
		p[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

void
date_format_iso(int32_t day, char buf[DATE_ISO_SIZE])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	put_num(buf, y, 4);
	buf[4] = '-';
	put_num(buf + 5, m, 2);
	buf[7] = '-';
	put_num(buf + 8, d, 2);
	buf[10] = '\0';
}

/* The class of one character of a date (textnorm_fold): a digit, a
 * separator ('-' '/' '.'), 'Y' 'M' 'D' for 年 月 日, or '?' for anything else. */
static char
date_char_class(unsigned long cp)
{
	if ((cp >= '0' && cp <= '9') || cp == '-' || cp == '/' || cp == '.')
		return (char)cp;
	switch (cp) {
	case 0x5e74: /* 年 */
		return 'Y';
	case 0x6708: /* 月 */
		return 'M';
	case 0x65e5: /* 日 */
		return 'D';
	default:
		return '?';
	}
}

/* Read between min and max digits at *p into *v; false if there are not
 * enough or too many. */
static bool
read_digits(const char **p, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (**p >= '0' && **p <= '9') {
		if (++n > max)
			return false;
		*v = *v * 10 + (**p - '0');
		(*p)++;
	}
	return n >= min;
}

/* The value of the n digits at p. */
static int
fixed_number(const char *p, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
}

/* Split a normalized date into its fields; false if the shape is wrong. */
static bool
split_date(const char *p, int len, int *y, int *m, int *d)
{
	char sep, sep2;

	if (len == 8 && strspn(p, "0123456789") == 8) {
		*y = fixed_number(p, 4);
		*m = fixed_number(p + 4, 2);
		*d = fixed_number(p + 6, 2);
		return true;
	}
	if (!read_digits(&p, 4, 4, y))
		return false;
	sep = *p++;
	if (sep != '-' && sep != '/' && sep != '.' && sep != 'Y')
		return false;
	sep2 = sep == 'Y' ? 'M' : sep;
	if (!read_digits(&p, 1, 2, m) || *p++ != sep2 ||
	    !read_digits(&p, 1, 2, d))
		return false;
	if (sep == 'Y' && *p == 'D')
		p++;
	return *p == '\0';
}

enum ur_status
date_parse(const char *text, int32_t *out, struct ur_err *err)
{
	char norm[NORM_MAX + 1];
	int len = textnorm_fold(text, norm, NORM_MAX, date_char_class), y, m, d;

	if (len == 0)
		return ur_fail(err, UR_INPUT, _("empty date"));
	if (len < 0 || !split_date(norm, len, &y, &m, &d))
		return ur_fail(err, UR_INPUT,
			       _("\"%s\" is not a date (expected YYYY-MM-DD)"),
			       text);
	if (y < DATE_YEAR_MIN || y > DATE_YEAR_MAX)
		return ur_fail(err, UR_INPUT,
			       _("\"%s\": the year must be between %d and %d"),
			       text, DATE_YEAR_MIN, DATE_YEAR_MAX);
	if (!date_valid_ymd(y, m, d))
		return ur_fail(err, UR_INPUT, _("\"%s\" is not a valid date"),
			       text);
	*out = date_from_ymd(y, m, d);
	return UR_OK;
}

enum ur_status
date_today_check(struct ur_err *err)
{
	const char *env = getenv("URIKAKE_TODAY");
	int32_t day;
	struct ur_err e;

	if (!env || !*env || date_parse(env, &day, &e) == UR_OK)
		return UR_OK;
	return ur_fail(err, UR_INPUT, _("URIKAKE_TODAY: %s; unset it to use the real date"),
		       e.msg);
}

int32_t
date_today(void)
{
	const char *env = getenv("URIKAKE_TODAY");
	time_t now;
	struct tm tm;
	int32_t day;

	if (env && *env && date_parse(env, &day, NULL) == UR_OK)
		return day;
	now = time(NULL);
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
