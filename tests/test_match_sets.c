/* test_match_sets: sets of one customer's invoices that a deposit may
 * clear — part of the bill due now, closing periods (alone, equal ones),
 * a fee on small slips or a slip of the fee's size, the invoices due on
 * one day, an invoice paid ahead of its due date. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "match.h"
#include "tap.h"
#include "testutil.h"

/* A wholesaler bills by the 20th (20/+1/10): the customer pays each
 * closing period's total — its slips, a returned-goods slip set against
 * them, the tax on the total a few yen off the slips' sum. */
static struct match_index *
wholesale(int nslips)
{
	struct match_index *ix = match_index_new();
	int32_t first = tu_day("2026-09-21");

	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_set_closing(ix, 7, 20);
	for (int i = 0; i < nslips; i++) {
		char num[16];

		snprintf(num, sizeof num, "D-%04d", i);
		match_index_add_invoice(ix, 700 + i, num, 7, first + i % 30, tu_day("2026-11-10"),
					10001 + i, "JPY");
	}
	match_index_add_invoice(ix, 690, "R-1", 7, tu_day("2026-10-05"), tu_day("2026-11-10"), -5000,
				"JPY");
	match_index_add_invoice(ix, 691, "D-NEXT", 7, tu_day("2026-10-25"), tu_day("2026-12-10"), 7777,
				"JPY");
	match_index_finish(ix);
	return ix;
}

/* Does a proposal clear the same invoices as an earlier one (the same
 * closing total found as a combination too)? */
static int
listed_twice(const struct match_result *r)
{
	for (int i = 0; i < r->nprop; i++)
		for (int j = 0; j < i; j++) {
			int same = r->prop[i].nlines == r->prop[j].nlines;

			for (int k = 0; same && k < r->prop[i].nlines; k++) {
				int found = 0;

				for (int m = 0; m < r->prop[j].nlines; m++)
					found |= r->prop[j].line[m].invoice_id ==
						 r->prop[i].line[k].invoice_id;
				same = found;
			}
			if (same && r->prop[i].on_account == r->prop[j].on_account)
				return 1;
		}
	return 0;
}

/* A partial payment on an invoice's due date while a months-old one is
 * still open: the money was meant for the invoice due (held either way). */
static void
test_partial_due(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 300000);

	tu_match_customer(ix, 1, "C1", "株式会社山田商事", "カ)ヤマダショウジ");
	tu_match_slip(ix, 11, "OLD-1", 1, "2025-11-20", "2025-12-31", 500000);
	tu_match_slip(ix, 12, "NOW-2", 1, "2026-01-20", "2026-02-28", 500000);
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "a partial payment: held");
	tap_ok(r.nprop >= 2 && strcmp(r.prop[0].line[0].number, "NOW-2") == 0 &&
		       strcmp(r.prop[1].line[0].number, "OLD-1") == 0,
	       "part of the invoice due that day first, then of the old one");
	cfg.oldest_first = true;
	match_deposit(ix, &cfg, &d, &r);
	tap_is_str(r.prop[0].line[0].number, "OLD-1", "allocation-order = oldest: the old one");
	match_index_free(ix);
}

static void
test_closing_period(void)
{
	struct match_index *ix = wholesale(12);
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", 0);
	int64_t total = -5000, fee = 0;
	struct strbuf e;

	for (int i = 0; i < 12; i++)
		total += 10001 + i;
	match_config_default(&cfg);
	sb_init(&e);
	d.date = tu_day("2026-11-10");
	d.amount = total - 4; /* tax on the total: 4 yen less than the slips */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].fit == MATCH_FIT_PERIOD,
	       "a closing total, 4 yen of tax rounding off: matched (%d)", r.hold);
	tap_is_int(r.prop[0].nlines, 13, "… twelve slips and the credit slip, none of October 25");
	for (int i = 0; i < r.prop[0].nlines; i++)
		fee += r.prop[0].line[i].fee;
	tap_is_int(fee, 4, "… the rounding booked");
	match_explain(&r.prop[0], &d, &e);
	tap_ok(strstr(e.buf, "the closing of 2026-10-20: 13 slips (1 credit slip) = ¥") != NULL,
	       "… explained as the closing: %s", e.buf);
	d.amount = total - 660;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].fit == MATCH_FIT_PERIOD,
	       "… minus a ¥660 fee: matched too");
	d.amount = total - 5000;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop == 0 || r.prop[0].fit != MATCH_FIT_PERIOD || r.hold != MATCH_AUTO,
	       "a total that is not the period's is not matched as one");
	match_index_apply(ix, &r.prop[0]);
	match_index_free(ix);
	ix = wholesale(1000);
	total = -5000;
	for (int i = 0; i < 1000; i++)
		total += 10001 + i;
	d.amount = total;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].nlines == 1001,
	       "1,000 slips of one period: one match of 1,001 lines");
	match_index_apply(ix, &r.prop[0]);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop == 0 || r.prop[0].fit != MATCH_FIT_PERIOD,
	       "… applied: the period is paid");
	sb_free(&e);
	match_index_free(ix);
}

/* The same two slips billed in August and in September (a fixed monthly
 * order): the period due when the money came, as with single invoices. */
static void
test_equal_periods(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ﾎｸﾄﾄｿｳ", 264000);

	tu_match_customer(ix, 1, "C1", "株式会社北斗塗装", "ホクトトソウ");
	match_index_set_closing(ix, 1, 31);
	tu_match_slip(ix, 11, "AUG-1", 1, "2026-08-10", "2026-09-30", 132000);
	tu_match_slip(ix, 12, "AUG-2", 1, "2026-08-20", "2026-09-30", 132000);
	tu_match_slip(ix, 21, "SEP-1", 1, "2026-09-10", "2026-10-31", 132000);
	tu_match_slip(ix, 22, "SEP-2", 1, "2026-09-20", "2026-10-31", 132000);
	tu_match_on(ix, &cfg, &d, "2026-09-30", &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].fit == MATCH_FIT_PERIOD &&
		       strcmp(r.prop[0].line[0].number, "AUG-1") == 0,
	       "paid on August's due date: August's closing, matched (%d)", r.hold);
	tap_ok(!listed_twice(&r), "… each booking listed once (%d proposals)", r.nprop);
	d.date = tu_day("2026-10-30");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold != MATCH_AUTO && r.prop[0].fit == MATCH_FIT_PERIOD &&
		       strcmp(r.prop[0].line[0].number, "SEP-1") == 0,
	       "on September's, lateness unknown (August's paid a month late?): "
	       "September's proposed, held");
	match_index_set_lateness(ix, 1, 0, 4);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold != MATCH_AUTO && strcmp(r.prop[0].line[0].number, "SEP-1") == 0,
	       "… pays on time, yet August's slips of the same amounts are open (a catch-up "
	       "of a disputed month?): September's proposed, held");
	cfg.oldest_first = true;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(strcmp(r.prop[0].line[0].number, "AUG-1") == 0,
	       "allocation-order = oldest: August's");
	match_index_free(ix);
	ix = match_index_new();
	tu_match_customer(ix, 1, "C1", "株式会社北斗塗装", "ホクトトソウ");
	match_index_set_closing(ix, 1, 31);
	tu_match_slip(ix, 11, "AUG-1", 1, "2026-08-10", "2026-09-30", 100000);
	tu_match_slip(ix, 12, "AUG-2", 1, "2026-08-20", "2026-09-30", 164000);
	tu_match_slip(ix, 21, "SEP-1", 1, "2026-09-10", "2026-10-31", 132000);
	tu_match_slip(ix, 22, "SEP-2", 1, "2026-09-20", "2026-10-31", 132000);
	match_index_finish(ix);
	match_index_set_lateness(ix, 1, 0, 4);
	cfg.oldest_first = false;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && strcmp(r.prop[0].line[0].number, "SEP-1") == 0,
	       "August's total the same of other slips: September's, matched");
	match_index_free(ix);
}

static void
test_fee_on_small_slips(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ｺﾓﾘｼﾖｳﾃﾝ", 240);

	tu_match_customer(ix, 8, "S1", "株式会社小森商店", "コモリショウテン");
	tu_match_slip(ix, 81, "S-81", 8, "2026-02-01", "2026-02-28", 500);
	tu_match_slip(ix, 82, "S-82", 8, "2026-02-02", "2026-02-28", 400);
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	for (int i = 0; i < r.nprop; i++)
		for (int k = 0; k < r.prop[i].nlines; k++)
			if (r.prop[i].line[k].fee > r.prop[i].line[k].cleared)
				tap_ok(0, "proposal %d books a fee of %lld on %s, which clears %lld", i,
				       (long long)r.prop[i].line[k].fee, r.prop[i].line[k].number,
				       (long long)r.prop[i].line[k].cleared);
	tap_ok(r.hold != MATCH_AUTO, "¥900 of slips paid with ¥240: never a ¥660 \"fee\"");
	match_index_free(ix);
}

/* A day's five bills less ¥990, or four of them less ¥440 (the ¥550 one
 * left open); one invoice of an amount two others add up to; a
 * combination whose total an invoice issued since equals (paid ahead for
 * it): each held. */
static void
test_fee_or_slip(void)
{
	static const int64_t bills[] = { 6050, 6050, 2750, 3300, 550 };
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ｺﾝﾄﾞｳｾﾂﾋﾞ", 17710);

	tu_match_customer(ix, 6, "K1", "株式会社近藤設備", "コンドウセツビ");
	for (int i = 0; i < 5; i++)
		match_index_add_invoice(ix, 60 + i, i ? "K-n" : "K-0", 6, tu_day("2026-02-01") + i,
					tu_day("2026-02-28"), bills[i], "JPY");
	tu_match_customer(ix, 4, "G1", "株式会社西村硝子", "ニシムラガラス");
	tu_match_slip(ix, 41, "G-1", 4, "2026-02-01", "2026-02-28", 9900);
	tu_match_slip(ix, 42, "G-2", 4, "2026-02-02", "2026-02-28", 8250);
	tu_match_slip(ix, 43, "G-3", 4, "2026-02-03", "2026-02-28", 18150);
	tu_match_customer(ix, 5, "M1", "株式会社森精機", "モリセイキ");
	tu_match_slip(ix, 51, "M-1", 5, "2025-10-01", "2025-11-30", 274120);
	tu_match_slip(ix, 52, "M-2", 5, "2026-02-01", "2026-02-28", 1302180);
	tu_match_slip(ix, 53, "M-3", 5, "2026-03-05", "2026-03-31", 1575310);
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	tap_ok(r.hold != MATCH_AUTO, "five bills less ¥990 or four less ¥440: held (%d)", r.hold);
	d = tu_match_dep("ｶ)ﾆｼﾑﾗｶﾞﾗｽ", 18150);
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_HOLD_AMBIGUOUS, "one invoice of ¥18,150 or two that add up to it: "
					       "held (%d)", r.hold);
	d = tu_match_dep("ｶ)ﾓﾘｾｲｷ", 1575310);
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold != MATCH_AUTO, "two invoices less ¥990, or ahead for one issued since: held (%d)",
	       r.hold);
	match_index_free(ix);
}

/* Thirty months-old invoices still open, and this month's bills: the
 * deposit pays three of this month's (two disputed), which the search
 * over the oldest never reaches — proposed all the same, held. */
static void
test_due_subset(void)
{
	static const int64_t now[] = { 8800, 2200, 3300, 5500, 2750 };
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ｵｵﾂｶｺｳﾑﾃﾝ", 8800 + 3300 + 2750);
	int found = 0;

	tu_match_customer(ix, 9, "T1", "株式会社大塚工務店", "オオツカコウムテン");
	for (int i = 0; i < 30; i++)
		match_index_add_invoice(ix, 900 + i, "OLD", 9, tu_day("2025-04-01") + i,
					tu_day("2025-05-31"), 1000000 + 7 * i, "JPY");
	for (int i = 0; i < 5; i++)
		match_index_add_invoice(ix, 950 + i, i == 0 ? "NOW-8800" : "NOW", 9,
					tu_day("2026-01-05") + i, tu_day("2026-02-28"), now[i], "JPY");
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	for (int i = 0; i < r.nprop && i < 3; i++)
		found |= r.prop[i].fit == MATCH_FIT_SUM && r.prop[i].nlines == 3 &&
			 strcmp(r.prop[i].line[0].number, "NOW-8800") == 0;
	tap_ok(found, "three of this month's bills among the first three proposals");
	tap_ok(r.hold != MATCH_AUTO, "… held (%d)", r.hold);
	match_index_free(ix);
}

/* Paid for an invoice issued only after the deposit came: that invoice
 * (with a warning), then keeping it all on account as paid ahead — before
 * any partial of the invoices open. */
static void
test_paid_ahead(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ﾓﾘｾｲｷ", 999999);

	tu_match_customer(ix, 5, "M1", "株式会社森精機", "モリセイキ");
	tu_match_slip(ix, 51, "M-1", 5, "2025-10-01", "2025-11-30", 2741200);
	tu_match_slip(ix, 52, "M-2", 5, "2026-02-01", "2026-02-28", 1302180);
	tu_match_slip(ix, 54, "M-4", 5, "2026-03-06", "2026-03-31", 999999);
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	tap_ok(r.nprop >= 2 && r.prop[0].features & MATCH_F_FUTURE && r.prop[0].nlines == 1 &&
		       r.prop[1].nlines == 0 && r.prop[1].on_account == 999999,
	       "the invoice issued since, then all of it on account (paid ahead)");
	tap_is_int(r.hold, MATCH_HOLD_FUTURE, "… held");
	match_index_free(ix);
}

TAP_SUITE(match_sets)
{
	test_partial_due();
	test_closing_period();
	test_equal_periods();
	test_fee_on_small_slips();
	test_fee_or_slip();
	test_due_subset();
	test_paid_ahead();
}
