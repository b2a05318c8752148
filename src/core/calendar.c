/* calendar: loads the embedded holiday tables once, on first use, into
 * per-day arrays, and answers business-day questions from them. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "calendar.h"
#include "date.h"

/* The tables, generated from data/holidays/{jp,cn}.txt by build-aux/embed.sh. */
extern const char ur_holidays_jp[];
extern const unsigned long ur_holidays_jp_len;
extern const char ur_holidays_cn[];
extern const unsigned long ur_holidays_cn_len;

/* Days from 2020-01-01 to 2030-12-31 inclusive. */
#define NDAYS 4018
#define NAMES_SIZE 8192

enum day_kind {
	KIND_NORMAL,  /* weekday open, weekend closed */
	KIND_HOLIDAY, /* closed */
	KIND_WORKDAY, /* open although a weekend (调休上班) */
};

struct cal_table {
	bool loaded;
	unsigned char kind[NDAYS];
	unsigned short name[NDAYS]; /* offset in names; 0 = none */
	char names[NAMES_SIZE];
	size_t names_used;
};

static struct cal_table tables[2];

static int32_t
first_day(void)
{
	return date_from_ymd(CAL_YEAR_FIRST, 1, 1);
}

/* Store name (len bytes) in t->names unless it is there already; return
 * its offset, or 0 when the buffer is full. */
static unsigned short
intern_name(struct cal_table *t, const char *name, size_t len)
{
	size_t off;

	for (off = 1; off < t->names_used; off += strlen(t->names + off) + 1)
		if (strlen(t->names + off) == len &&
		    memcmp(t->names + off, name, len) == 0)
			return (unsigned short)off;
	if (off + len + 1 > sizeof t->names)
		return 0;
	memcpy(t->names + off, name, len);
	t->names[off + len] = '\0';
	t->names_used = off + len + 1;
	return (unsigned short)off;
}

/* Apply one line "YYYY-MM-DD holiday|workday NAME"; other lines (comments,
 * blank ones, dates outside the covered years) are ignored. */
static void
load_line(struct cal_table *t, const char *line, size_t len)
{
	char iso[DATE_ISO_SIZE];
	int32_t day, index;
	size_t kw;

	if (len < 12 || line[0] == '#' || line[10] != ' ')
		return;
	memcpy(iso, line, 10);
	iso[10] = '\0';
	if (date_parse(iso, &day, NULL) != UR_OK)
		return;
	index = day - first_day();
	if (index < 0 || index >= NDAYS)
		return;
	line += 11;
	len -= 11;
	kw = strcspn(line, " \n");
	if (kw == 7 && memcmp(line, "workday", 7) == 0) {
		t->kind[index] = KIND_WORKDAY;
	} else if (kw == 7 && memcmp(line, "holiday", 7) == 0) {
		t->kind[index] = KIND_HOLIDAY;
		if (kw + 1 < len)
			t->name[index] = intern_name(t, line + kw + 1,
						     len - kw - 1);
	}
}

static struct cal_table *
table(enum cal_region r)
{
	struct cal_table *t = &tables[r == CAL_CN];
	const char *p, *end, *nl;

	if (t->loaded)
		return t;
	p = r == CAL_CN ? ur_holidays_cn : ur_holidays_jp;
	end = p + (r == CAL_CN ? ur_holidays_cn_len : ur_holidays_jp_len);
	t->names_used = 1; /* offset 0 means "no name" */
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		load_line(t, p, (size_t)(nl - p));
	}
	t->loaded = true;
	return t;
}

bool
cal_covered(enum cal_region r, int32_t day)
{
	(void)r;
	return day >= first_day() && day - first_day() < NDAYS;
}

/* The fixed rule used outside the covered years. */
static bool
default_business_day(enum cal_region r, int32_t day)
{
	int wd = date_weekday(day), y, m, d;

	if (wd == 0 || wd == 6)
		return false;
	if (r != CAL_JP)
		return true;
	date_to_ymd(day, &y, &m, &d);
	return !((m == 1 && d <= 3) || (m == 12 && d == 31));
}

bool
cal_is_business_day(enum cal_region r, int32_t day)
{
	struct cal_table *t;
	int wd;

	if (!cal_covered(r, day))
		return default_business_day(r, day);
	t = table(r);
	switch (t->kind[day - first_day()]) {
	case KIND_HOLIDAY:
		return false;
	case KIND_WORKDAY:
		return true;
	default:
		wd = date_weekday(day);
		return wd != 0 && wd != 6;
	}
}

int32_t
cal_next_business_day(enum cal_region r, int32_t day)
{
	while (!cal_is_business_day(r, day))
		day++;
	return day;
}

int32_t
cal_prev_business_day(enum cal_region r, int32_t day)
{
	while (!cal_is_business_day(r, day))
		day--;
	return day;
}

const char *
cal_holiday_name(enum cal_region r, int32_t day)
{
	struct cal_table *t;
	int32_t index = day - first_day();

	if (!cal_covered(r, day))
		return NULL;
	t = table(r);
	if (t->kind[index] != KIND_HOLIDAY || t->name[index] == 0)
		return NULL;
	return t->names + t->name[index];
}
