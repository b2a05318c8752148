/* statement: the statement model (see statement.h) — languages, the
 * default period and payment deadline from the terms, tax rates, and the
 * figures a letter reads off a statement. Building one from the store is
 * src/run/stmt_build.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "date.h"
#include "i18n.h"
#include "money.h"
#include "statement.h"
#include "terms.h"
#include "xalloc.h"

static const char *const lang_codes[STMT_LANGS] = { "en", "ja", "zh_CN" };

int
stmt_lang_parse(const char *code)
{
	if (!code)
		return -1;
	for (int i = 0; i < STMT_LANGS; i++)
		if (strcmp(code, lang_codes[i]) == 0)
			return i;
	return strcmp(code, "zh") == 0 ? STMT_ZH : -1;
}

const char *
stmt_lang_code(enum stmt_lang lang)
{
	return lang_codes[lang < STMT_LANGS ? lang : STMT_EN];
}

/* The closing date of close_day (TERMS_EOM: month end) in day's month. */
static int32_t
close_in_month(int close_day, int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (close_day >= date_days_in_month(y, m))
		return date_end_of_month(day);
	return date_from_ymd(y, m, close_day);
}

void
stmt_default_period(const char *terms, int32_t today, int32_t *from, int32_t *to)
{
	struct terms t;
	struct ur_err e;
	int close = TERMS_EOM;
	int32_t last;

	if (terms && terms_parse(terms, &t, &e) == UR_OK && t.kind == TERMS_CLOSE)
		close = t.close_day;
	last = close_in_month(close, today);
	if (last > today)
		last = close_in_month(close, date_add_months_clamped(today, -1));
	*to = last;
	*from = close_in_month(close, date_add_months_clamped(last, -1)) + 1;
}

int32_t
stmt_deadline(const char *terms, const char *currency, int32_t closing)
{
	struct terms t;
	struct ur_err e;

	if (!terms || terms_parse(terms, &t, &e) != UR_OK)
		return closing;
	return terms_due_date(&t, closing, strcmp(currency, "CNY") == 0 ? CAL_CN : CAL_JP);
}

static int
rate_matches(int64_t base, int64_t tax, int rate)
{
	int64_t x;

	if (base <= 0 || base > INT64_MAX / 100)
		return 0;
	x = base * rate;
	return tax == x / 100 || tax == (x + 99) / 100 || tax == (x + 50) / 100;
}

int
stmt_tax_rate(int64_t amount, int64_t tax, const char *cur)
{
	static const int jp[] = { 10, 8, 0 }, cn[] = { 13, 9, 6, 3, 0 };
	const int *r = NULL;

	if (tax < 0)
		return STMT_RATE_UNKNOWN;
	if (tax == 0)
		return STMT_RATE_EXEMPT;
	if (cur && strcmp(cur, "JPY") == 0)
		r = jp;
	else if (cur && strcmp(cur, "CNY") == 0)
		r = cn;
	for (; r && *r; r++)
		if (rate_matches(amount - tax, tax, *r))
			return *r;
	return STMT_RATE_OTHER;
}

void
stmt_free(struct statement *s)
{
	for (size_t i = 0; i < s->nlines; i++) {
		free(s->lines[i].ref);
		free(s->lines[i].text);
	}
	for (size_t i = 0; i < s->nitems; i++) {
		free(s->items[i].number);
		free(s->items[i].memo);
	}
	free(s->lines);
	free(s->items);
	free(s->code);
	free(s->name);
	free(s->address);
	free(s->currency);
	memset(s, 0, sizeof *s);
}

int
stmt_line_is_cash(const struct stmt_line *l)
{
	return l->kind == LEDGER_MOVE_PAYMENT || l->kind == LEDGER_MOVE_REFUND;
}

int64_t
stmt_line_cash(const struct stmt_line *l)
{
	return l->kind == LEDGER_MOVE_REFUND ? -l->amount : l->amount;
}

/* Tax of a per-rate base at rate percent, rounded down (切り捨て) toward
 * zero: the commonest rounding, once per invoice and rate. */
static int64_t
tax_of_base(int64_t base, int rate)
{
	return base / 100 * rate + base % 100 * rate / 100;
}

void
stmt_tax_on_total(struct statement *s)
{
	s->tax_rounding = 0;
	if (s->closing && strcmp(s->currency, "JPY") == 0)
		for (int i = 0; i < s->nrates; i++) {
			struct stmt_rate *r = &s->rates[i];
			int64_t tax;

			if (r->rate <= 0)
				continue; /* exempt, unknown or no single rate: as the slips say */
			tax = tax_of_base(r->amount - r->tax, r->rate);
			s->tax_rounding += tax - r->tax;
			r->amount += tax - r->tax;
			r->tax = tax;
		}
	s->tax += s->tax_rounding;
	s->sales += s->tax_rounding;
	s->billed = s->current + s->tax_rounding;
}

size_t
stmt_overdue_count(const struct statement *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nitems; i++)
		n += contact_dunnable(s->items[i].days_late, s->items[i].disputed);
	return n;
}
