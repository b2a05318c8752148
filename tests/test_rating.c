/* test_rating: the credit rating rules against hand-computed cases — the
 * rounding of the average days late at the edges of each band, the trend
 * at exactly seven days, the on-time share and credit use at their limits,
 * broken promises, open disputes, the reasons in words, the credit hold setting, who
 * calls a customer — and the payment history the store gathers for it,
 * added up from payments in any order. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "arconf.h"
#include "contact.h"
#include "rating.h"
#include "tap.h"

static struct rating_input
ri(int64_t w, int64_t sum, int broken, int use)
{
	struct rating_input in;

	memset(&in, 0, sizeof in);
	in.late_w = in.paid_w = in.ontime_w = in.recent_w = w;
	in.late_sum = in.recent_sum = sum;
	in.broken = broken;
	in.credit_use = use;
	return in;
}

static char
grade(const struct rating_input *in)
{
	struct rating r;

	rating_rate(in, &r);
	return r.grade;
}

static void
reasons(const struct rating_input *in, const char *want, const char *what)
{
	struct rating r;
	struct strbuf sb;

	sb_init(&sb);
	rating_rate(in, &r);
	rating_reasons(&r, &sb);
	tap_is_str(sb.buf, want, "%s", what);
	sb_free(&sb);
}

static void
test_lateness(void)
{
	struct rating_input in = ri(1000, 5499, 0, -1);

	tap_is_int(grade(&in), 'A', "5.499 days late rounds to 5: A");
	in = ri(1000, 5500, 0, -1);
	tap_is_int(grade(&in), 'B', "5.5 days rounds to 6: B");
	in = ri(1000, 15499, 0, -1);
	tap_is_int(grade(&in), 'B', "15 days: still B");
	in = ri(1000, 15500, 0, -1);
	tap_is_int(grade(&in), 'C', "16 days: C");
	in = ri(1000, 61000, 0, -1);
	tap_is_int(grade(&in), 'E', "61 days: E");
	in = ri(1000, -3500, 0, -1);
	tap_is_int(grade(&in), 'A', "paying early is A");
	reasons(&in, "pays 4 days early on average", "early: -3.5 rounds away from zero");
	in = ri(3, 1, 0, -1);
	reasons(&in, "pays on time on average", "a third of a day is on time");
}

static void
test_trend_share(void)
{
	struct rating_input in = ri(2000, 20000, 0, -1);

	/* recent 1000 paid 12 days late on average, older 1000 paid 8 late */
	in.recent_w = in.older_w = 1000;
	in.recent_sum = 12000;
	in.older_sum = 8000;
	tap_is_int(grade(&in), 'B', "10 days, 12 against 8 is steady: B");
	in.recent_sum = 13000; /* 13 − 7 = 6: not yet a trend */
	in.older_sum = 7000;
	reasons(&in, "pays 10 days late on average", "a change of 6 days is no trend");
	in.recent_sum = 13500; /* 14 − 7 = 7 (13.5 rounds to 14, 6.5 to 7) */
	in.older_sum = 6500;
	tap_is_int(grade(&in), 'C', "a change of 7 days is worsening: one more point");
	in.recent_sum = 6500;
	in.older_sum = 13500;
	reasons(&in, "pays 10 days late on average, improving", "improving costs nothing");
	tap_is_int(grade(&in), 'B', "improving: B");

	in = ri(1000, 0, 0, -1);
	in.ontime_w = 250;
	tap_is_int(grade(&in), 'A', "a quarter paid on time: no point");
	in.ontime_w = 249;
	tap_is_int(grade(&in), 'B', "24.9 %% on time is 24 %%: a point");
	reasons(&in, "pays on time on average; 24 % paid on time", "share rounded down");
	in.ontime_w = 999;
	reasons(&in, "pays on time on average; 99 % paid on time", "99.9 % is not 100 %");
}

static void
test_promises_limit(void)
{
	struct rating_input in = ri(0, 0, 0, 799);

	in.paid_w = in.ontime_w = in.recent_w = 0;
	tap_is_int(grade(&in), 'A', "no history, 79.9 %% of the limit: A");
	reasons(&in, "no payment history yet; 79 % of limit used", "no history");
	in.credit_use = 800;
	tap_is_int(grade(&in), 'B', "80 %% of the limit: B");
	in.credit_use = 1000;
	tap_is_int(grade(&in), 'B', "exactly at the limit: still B");
	in.credit_use = 1001;
	tap_is_int(grade(&in), 'C', "over the limit: C");
	reasons(&in, "no payment history yet; over the credit limit (100 % used)",
		"over the limit by a tenth of a percent");
	in = ri(1000, 0, 1, -1);
	tap_is_int(grade(&in), 'B', "one broken promise: B");
	in.broken = 5;
	tap_is_int(grade(&in), 'C', "five count as two points: C");

	/* the example: 12 days late, worsening, 2 broken, 92 % used */
	in = ri(1000, 12000, 2, 920);
	in.recent_w = in.older_w = 500;
	in.recent_sum = 10000;
	in.older_sum = 2000;
	in.ontime_w = 600;
	tap_is_int(grade(&in), 'E', "1 + 1 + 2 + 1 points: E");
	reasons(&in,
		"pays 12 days late on average, worsening; 60 % paid on time; "
		"2 broken promises in 90 days; 92 % of limit used",
		"the reasons in words");
}

static void
test_disputes(void)
{
	struct rating_input in = ri(1000, 0, 0, -1), hist;

	tap_is_int(grade(&in), 'A', "on time, no dispute: A");
	memset(&hist, 0, sizeof hist);
	memcpy(hist.currency, "JPY", 4);
	hist.disputes = 1;
	hist.disputed = 52000;
	hist.stated = 208001; /* 52,000 is just under a quarter of it */
	rating_input_merge(&in, &hist);
	tap_is_int(grade(&in), 'B', "an open dispute under a quarter of the balance: B");
	reasons(&in, "pays on time on average; 1 open dispute (52,000 JPY)",
		"the dispute and its amount in words");
	in.stated = 208000;
	tap_is_int(grade(&in), 'C', "a quarter of the balance in dispute: C");
	in.disputes = 2;
	in.disputed = 1234567;
	memcpy(in.currency, "CNY", 4);
	reasons(&in, "pays on time on average; 2 open disputes (12,345.67 CNY)",
		"two disputes, in yuan");
	in.disputes = 0;
	tap_is_int(grade(&in), 'A', "resolved: back to A");
}

static void
test_open_merge(void)
{
	struct rating_input a, b;
	struct rating_open o;

	memset(&a, 0, sizeof a);
	memset(&b, 0, sizeof b);
	memset(&o, 0, sizeof o);
	rating_add_open(&o, 1000, 0);
	rating_add_open(&o, -500, 10);
	tap_is_int(o.w, 0, "due today or a credit: not late");
	rating_add_open(&o, 1000, 40);
	rating_input_add_open(&a, &o);
	b = ri(3000, 0, 1, -1);
	rating_input_merge(&a, &b);
	a.credit_use = -1;
	/* 1000 × 40 over 4000 = 10 days; recent: only the open one */
	tap_is_int(grade(&a), 'C', "open 40 days late + 3000 on time = 10 days, 1 broken: C");
	tap_is_int(a.recent_sum, 40000, "the open item is recent");
	b.late_sum = INT64_MAX;
	rating_input_merge(&a, &b);
	tap_ok(a.overflow, "an overflowing sum is flagged");
}

static void
test_hold_collector(void)
{
	struct rating_hold h;
	struct rating r;
	struct ar_settings s;
	struct strbuf errs;

	tap_ok(rating_hold_parse("E, limit", &h) && h.grade == 'E' && h.over_limit, "E, limit");
	tap_ok(rating_hold_parse("D", &h) && h.grade == 'D' && !h.over_limit, "D");
	tap_ok(!rating_hold_parse("F", &h) && h.grade == 'D', "F is refused, setting kept");
	tap_ok(!rating_hold_parse("none, E", &h), "none with a grade is refused");
	memset(&r, 0, sizeof r);
	r.grade = 'E';
	r.credit_use = 500;
	tap_ok(rating_on_hold(&h, &r), "D holds an E");
	r.grade = 'C';
	tap_ok(!rating_on_hold(&h, &r), "D does not hold a C");
	r.credit_use = 1001;
	rating_hold_parse("limit", &h);
	tap_ok(rating_on_hold(&h, &r), "limit holds one over the limit");
	r.credit_use = 1000;
	tap_ok(!rating_on_hold(&h, &r), "… not one at it");

	arconf_default(&s);
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 1, true), CONTACT_SALES,
		   "default: level 1 by the sales rep");
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 0, true), CONTACT_SALES,
		   "not dunned yet: as level 1");
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 2, true), CONTACT_ACCOUNTING,
		   "from level 2 accounting");
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 1, false), CONTACT_ACCOUNTING,
		   "no sales rep: accounting");
	tap_is_int(contact_collector(&s, CONTACT_SALES, 4, true), CONTACT_SALES,
		   "the customer's own choice wins");
	sb_init(&errs);
	tap_is_int(arconf_parse(&s, "collector-by-level = accounting, sales\n"
				    "credit-hold = none\n", "cfg", &errs), 0, "settings parse");
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 4, true), CONTACT_SALES,
		   "the last given level repeats");
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 1, true), CONTACT_ACCOUNTING,
		   "level 1 now accounting");
	tap_ok(!s.hold.grade && !s.hold.over_limit, "credit-hold = none");
	tap_is_int(arconf_parse(&s, "collector-by-level = sales, legal\n", "cfg", &errs), 1,
		   "an unknown collector is a bad line");
	tap_is_int(contact_collector(&s, CONTACT_OWNER_NONE, 4, true), CONTACT_SALES,
		   "… and the setting is kept");
	sb_free(&errs);
}

/* Payments in the ledger's order, added up per customer and currency:
 * recent and older by the day paid, on time by the day due, an unknown
 * date weighing only in what was paid; the history sorted at the end. */
static void
test_fill(void)
{
	struct rating_hist h = { 0 };
	struct rating_fill f;
	const struct rating_input *in;
	int32_t d = 20000;
	bool sorted = true, found = true;

	rating_fill_begin(&f, &h);
	rating_add_paid(rating_fill_get(&f, 3, "JPY"), 700, d - 5, d - 5, d);
	rating_add_paid(rating_fill_get(&f, 1, "JPY"), 1000, d - 10, d - 20, d);
	rating_add_paid(rating_fill_get(&f, 3, "CNY"), 50, d - 1, d, d);
	rating_add_paid(rating_fill_get(&f, 1, "JPY"), 500, d - 100, d - 90, d);
	rating_add_paid(rating_fill_get(&f, 1, "JPY"), 200, 0, d - 90, d);
	for (int64_t c = 5000; c >= 10; c--) /* past the first table's slots */
		rating_add_paid(rating_fill_get(&f, c, "USD"), 1, d - 1, d - 1, d);
	rating_fill_end(&f);
	for (size_t i = 1; i < h.n; i++)
		sorted &= h.e[i - 1].customer_id < h.e[i].customer_id ||
			  (h.e[i - 1].customer_id == h.e[i].customer_id &&
			   strcmp(h.e[i - 1].currency, h.e[i].currency) < 0);
	tap_ok(h.n == 4991 + 3 && sorted, "one entry per customer and currency, in order");
	for (int64_t c = 10; c <= 5000; c++)
		found &= (in = rating_hist_find(&h, c, "USD")) && in->paid_w == 1;
	tap_ok(found, "each found again");
	in = rating_hist_find(&h, 1, "JPY");
	tap_ok(in && in->paid_w == 1700 && in->late_w == 1700, "paid: 1000 + 500 + 200");
	tap_ok(in && in->recent_w == 1000 && in->recent_sum == 10000,
	       "recent: 1000 paid 10 days ago, 10 days late");
	tap_ok(in && in->older_w == 700 && in->older_sum == -5000,
	       "older: 500 paid 10 days early 100 days ago, and 200 paid on a day unknown");
	tap_ok(in && in->late_sum == 5000 && in->ontime_w == 500,
	       "late 10 × 1000 − 10 × 500; on time 500");
	in = rating_hist_find(&h, 3, "CNY");
	tap_ok(in && in->ontime_w == 50 && in->late_sum == -50, "CNY apart: a day early");
	rating_hist_free(&h);
}

TAP_SUITE(rating)
{
	test_lateness();
	test_trend_share();
	test_promises_limit();
	test_disputes();
	test_open_merge();
	test_hold_collector();
	test_fill();
}
