/* terms: payment-terms syntax and the due-date algorithm (締日 → 支払日,
 * research/bank-formats.md §3.6). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "terms.h"

/* Longest terms text accepted. */
#define TEXT_MAX 32

/* Copy text lower-cased and trimmed of spaces into out; false if it is too
 * long. */
static bool
lower_trim(const char *text, char out[TEXT_MAX + 1])
{
	size_t len, i;

	while (*text == ' ' || *text == '\t')
		text++;
	len = strlen(text);
	while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
		len--;
	if (len > TEXT_MAX)
		return false;
	for (i = 0; i < len; i++)
		out[i] = text[i] >= 'A' && text[i] <= 'Z' ?
				 (char)(text[i] - 'A' + 'a') : text[i];
	out[len] = '\0';
	return true;
}

/* Read 1–3 digits at *p into *v. */
static bool
read_number(const char **p, int *v)
{
	int n = 0;

	*v = 0;
	for (; **p >= '0' && **p <= '9'; (*p)++) {
		if (++n > 3)
			return false;
		*v = *v * 10 + (**p - '0');
	}
	return n > 0;
}

/* A closing or payment day: 1–31 or "eom" (both 31 = month end). */
static bool
read_day(const char **p, int *v)
{
	if (strncmp(*p, "eom", 3) == 0) {
		*p += 3;
		*v = TERMS_EOM;
		return true;
	}
	return read_number(p, v) && *v >= 1 && *v <= 31;
}

static enum ur_status
bad_terms(const char *text, struct ur_err *err)
{
	return ur_fail(err, UR_INPUT,
		       _("\"%s\" is not a payment term (expected NET30 or "
			 "CLOSE/+MONTHS/PAYDAY such as EOM/+1/EOM or 20/+1/10)"),
		       text);
}

/* The CLOSE/+MONTHS/PAYDAY form at p. */
static enum ur_status
parse_close(const char *text, const char *p, struct terms *t,
	    struct ur_err *err)
{
	if (!read_day(&p, &t->close_day) || *p++ != '/')
		return bad_terms(text, err);
	if (*p == '+')
		p++;
	if (!read_number(&p, &t->months) || *p++ != '/' ||
	    !read_day(&p, &t->pay_day) || *p != '\0')
		return bad_terms(text, err);
	if (t->months > TERMS_MONTHS_MAX)
		return ur_fail(err, UR_INPUT,
			       _("\"%s\": payment at most %d months after closing"),
			       text, TERMS_MONTHS_MAX);
	if (t->months == 0 && t->pay_day < t->close_day)
		return ur_fail(err, UR_INPUT,
			       _("\"%s\": the payment day comes before the closing day"),
			       text);
	t->kind = TERMS_CLOSE;
	return UR_OK;
}

/* Split off and apply a ":prev" / ":next" suffix. */
static enum ur_status
parse_shift(const char *text, char *s, struct terms *t, struct ur_err *err)
{
	char *colon = strchr(s, ':');

	if (!colon)
		return UR_OK;
	if (strcmp(colon, ":prev") == 0)
		t->shift = TERMS_SHIFT_PREV;
	else if (strcmp(colon, ":next") == 0)
		t->shift = TERMS_SHIFT_NEXT;
	else
		return ur_fail(err, UR_INPUT,
			       _("\"%s\": the holiday rule must be :prev or :next"),
			       text);
	*colon = '\0';
	return UR_OK;
}

enum ur_status
terms_parse(const char *text, struct terms *out, struct ur_err *err)
{
	char s[TEXT_MAX + 1];
	struct terms t = { .kind = TERMS_NONE };
	const char *p = s;
	enum ur_status st;

	if (!lower_trim(text, s))
		return bad_terms(text, err);
	if (s[0] == '\0') {
		*out = t;
		return UR_OK;
	}
	if ((st = parse_shift(text, s, &t, err)) != UR_OK)
		return st;
	if (strncmp(s, "net", 3) == 0) {
		p += 3;
		if (!read_number(&p, &t.net_days) || *p != '\0')
			return bad_terms(text, err);
		t.kind = TERMS_NET;
	} else if ((st = parse_close(text, p, &t, err)) != UR_OK) {
		return st;
	}
	*out = t;
	return UR_OK;
}

/* A closing or payment day as text: "1"–"30" or "EOM". */
static void
format_day(int day, char buf[4])
{
	if (day >= TERMS_EOM || day < 1) {
		memcpy(buf, "EOM", 4);
		return;
	}
	if (day >= 10)
		*buf++ = (char)('0' + day / 10);
	*buf++ = (char)('0' + day % 10);
	*buf = '\0';
}

void
terms_format(const struct terms *t, char *buf, size_t n)
{
	static const char *const suffix[] = { "", ":prev", ":next" };
	char close[4], pay[4];

	if (n == 0)
		return;
	switch (t->kind) {
	case TERMS_NET:
		snprintf(buf, n, "NET%d%s", t->net_days, suffix[t->shift]);
		break;
	case TERMS_CLOSE:
		format_day(t->close_day, close);
		format_day(t->pay_day, pay);
		snprintf(buf, n, "%s/+%d/%s%s", close, t->months, pay,
			 suffix[t->shift]);
		break;
	default:
		buf[0] = '\0';
	}
}

/* The month in which an invoice issued on issue is closed (締め): that of
 * the first date ≥ issue whose day is close_day (or the month end, in a
 * month shorter than close_day). */
static void
closing_month(int32_t issue, int close_day, int *y, int *m)
{
	int d, dim;

	date_to_ymd(issue, y, m, &d);
	dim = date_days_in_month(*y, *m);
	if (d > (close_day < dim ? close_day : dim)) {
		if (++*m > 12) {
			*m = 1;
			++*y;
		}
	}
}

int32_t
terms_due_date(const struct terms *t, int32_t issue, enum cal_region region)
{
	int32_t due = issue;
	int y, m, d, dim;

	if (t->kind == TERMS_NET) {
		due = issue + t->net_days;
	} else if (t->kind == TERMS_CLOSE) {
		closing_month(issue, t->close_day, &y, &m);
		due = date_add_months_clamped(date_from_ymd(y, m, 1), t->months);
		date_to_ymd(due, &y, &m, &d);
		dim = date_days_in_month(y, m);
		due = date_from_ymd(y, m, t->pay_day < dim ? t->pay_day : dim);
	}
	if (t->shift == TERMS_SHIFT_PREV)
		due = cal_prev_business_day(region, due);
	else if (t->shift == TERMS_SHIFT_NEXT)
		due = cal_next_business_day(region, due);
	return due;
}
