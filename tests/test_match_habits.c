/* test_match_habits: what the engine learns of a customer and reads as its
 * habit — fee policies (lists, limits, tiers), fees and discounts learned
 * from confirmations (with a fee, rounded down), the small change a CNY
 * customer drops (抹零), and which of two sets showing the habit wins. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "match.h"
#include "tap.h"
#include "testutil.h"

/* One customer with one slip of amount, and the deposit that pays it
 * less what the customer learned to deduct. */
static struct match_index *
habit_world(int64_t slip_amount)
{
	struct match_index *ix = match_index_new();

	tu_match_customer(ix, 7, "H1", "株式会社松井工業", "マツイコウギョウ");
	tu_match_slip(ix, 71, "Y-1", 7, "2026-01-10", "2026-02-28", slip_amount);
	return ix;
}

static int
habit_hold(struct match_index *ix, int64_t paid, struct match_result *r, struct strbuf *e)
{
	struct match_config cfg;
	struct match_deposit d = tu_match_dep("ｶ)ﾏﾂｲｺｳｷﾞﾖｳ", paid);

	match_index_finish(ix);
	match_config_default(&cfg);
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, r);
	sb_reset(e);
	if (r->nprop)
		match_explain(&r->prop[0], &d, e);
	return r->hold;
}

static void
test_fee_policy(void)
{
	struct match_fee_policy p;
	struct ur_err err;

	match_fee_default(&p);
	tap_ok(match_fee_allows(&p, 440) && match_fee_allows(&p, 864) &&
	       match_fee_allows(&p, 1100), "default list has 440, legacy 864 and 1,100");
	tap_ok(!match_fee_allows(&p, 500) && !match_fee_allows(&p, 0) &&
	       !match_fee_allows(&p, -440), "default list refuses 500, 0 and −440");
	tap_is_int(match_fee_parse("none", "JPY", &p, &err), UR_OK, "parse none");
	tap_ok(!match_fee_allows(&p, 440), "none allows nothing");
	tap_is_int(match_fee_parse("list:220,,660", "JPY", &p, &err), UR_INPUT,
		   "an empty element in a list is an error");
	tap_is_int(match_fee_parse("list:220,660", "JPY", &p, &err), UR_OK, "parse a list");
	tap_ok(match_fee_allows(&p, 660) && !match_fee_allows(&p, 440), "list allows its own");
	tap_is_int(match_fee_parse("upto:880", "JPY", &p, &err), UR_OK, "parse upto");
	tap_ok(match_fee_allows(&p, 1) && match_fee_allows(&p, 880) && !match_fee_allows(&p, 881),
	       "upto 880 allows 1…880");
	tap_is_int(match_fee_parse("upto:", "JPY", &p, &err), UR_INPUT, "upto without a maximum");
	tap_is_int(match_fee_parse("sometimes", "JPY", &p, &err), UR_INPUT, "unknown policy");
	tap_ok(strstr(err.msg, "sometimes") != NULL, "the message names it: %s", err.msg);
	tap_is_int(match_fee_parse("list:1.50,2", "CNY", &p, &err), UR_OK, "CNY list");
	tap_is_int(p.fees[0], 150, "1.50 CNY = 150 minor units");
	tap_is_int(match_fee_parse("440/660", "JPY", &p, &err), UR_OK, "parse tiers 440/660");
	tap_ok(match_fee_allows(&p, 440) && match_fee_allows(&p, 660) && !match_fee_allows(&p, 550),
	       "tiers allow their own");
	tap_is_int(match_fee_parse("145", "JPY", &p, &err), UR_OK, "parse one amount");
	tap_ok(match_fee_allows(&p, 145) && !match_fee_allows(&p, 440), "an amount allows itself");
	tap_is_int(match_fee_parse("440,660", "JPY", &p, &err), UR_INPUT,
		   "tiers separated by a comma are refused (a comma groups digits)");
	tap_is_int(match_fee_parse("deduct", "JPY", &p, &err), UR_OK, "parse deduct");
	tap_ok(match_fee_allows(&p, 880), "deduct is the usual list");
}

/* A CNY customer that drops the small change (抹零) once confirmed: the
 * next closing total less its cents is matched; before, only proposed. */
static void
test_moling_habit(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("上海恒通贸易有限公司", 1234500);

	match_index_add_customer(ix, 3, "S3", "上海恒通贸易有限公司", "", "上海恒通贸易", "CNY",
				 NULL);
	match_index_set_closing(ix, 3, 31);
	match_index_add_invoice(ix, 31, "CN-1", 3, tu_day("2026-01-05"), tu_day("2026-02-28"), 600037,
				"CNY");
	match_index_add_invoice(ix, 32, "CN-2", 3, tu_day("2026-01-20"), tu_day("2026-02-28"), 634500,
				"CNY");
	match_index_finish(ix);
	match_config_default(&cfg);
	d.currency = "CNY";
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && r.prop[0].fit == MATCH_FIT_NEAR && r.prop[0].diff == MATCH_DIFF_MOLING &&
	       r.hold != MATCH_AUTO, "CNY 12,345.37 paid as 12,345.00: 抹零 proposed, held");
	match_index_learn_deduction(ix, 3, 58, 900058, 900058, 900000); /* once before */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].diff == MATCH_DIFF_MOLING &&
	       r.prop[0].features & MATCH_F_LEARNED, "… once it is the customer's habit: matched");
	d.amount = 1234000; /* this time to ten yuan: CNY 5.37 dropped */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].features & MATCH_F_LEARNED,
	       "… to ten yuan the next time: the same habit, matched");
	match_index_free(ix);
}

/* A CNY customer's learned 2 % early-payment discount with the small
 * change dropped to the yuan: the next time it drops to the ten yuan, the
 * same habit. */
static void
test_discount_moling_habit(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("上海恒通贸易有限公司", 7968000);

	match_index_add_customer(ix, 3, "S3", "上海恒通贸易有限公司", "", "上海恒通贸易", "CNY",
				 NULL);
	match_index_add_invoice(ix, 31, "CN-1", 3, tu_day("2026-01-05"), tu_day("2026-02-28"),
				8130718, "CNY");
	match_index_learn_deduction(ix, 3, 137932, 6893632, 6893632, 6755700);
	match_index_finish(ix);
	match_config_default(&cfg);
	d.currency = "CNY";
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].diff == MATCH_DIFF_DISCOUNT &&
		       r.prop[0].diff_round == 104,
	       "2 %% then to the yuan learned; 2 %% then to the ten yuan: matched (%d)", r.hold);
	match_index_free(ix);
}

static void
test_habit_two_sets(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ﾏﾂｲｺｳｷﾞﾖｳ", 495000);

	tu_match_customer(ix, 7, "H1", "株式会社松井工業", "マツイコウギョウ");
	tu_match_slip(ix, 71, "Y-1", 7, "2026-01-10", "2026-02-28", 200000);
	tu_match_slip(ix, 72, "Z-1", 7, "2026-01-11", "2026-02-28", 300000);
	tu_match_slip(ix, 73, "X-1", 7, "2026-01-12", "2026-03-31", 500000);
	match_index_learn_deduction(ix, 7, 4000, 400000, 400000, 396000); /* 1 % before */
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	tap_ok(r.nprop && r.prop[0].fit == MATCH_FIT_NEAR && r.prop[0].diff == MATCH_DIFF_DISCOUNT,
	       "a learned 1 %% discount is proposed");
	tap_ok(r.hold != MATCH_AUTO, "… but Y + Z and X both show it: held (%d)", r.hold);
	match_index_free(ix);
}

/* A 1 % 協力会費 deducted together with the transfer fee: named as both;
 * learned from a confirmation like it, matched the next time. */
static void
test_discount_and_fee(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ﾏﾂｲｺｳｷﾞﾖｳ", 1000000 - 10000 - 880);
	struct strbuf e;

	sb_init(&e);
	tu_match_customer(ix, 7, "H1", "株式会社松井工業", "マツイコウギョウ");
	tu_match_slip(ix, 71, "Y-1", 7, "2026-01-10", "2026-02-28", 1000000);
	tu_match_on(ix, &cfg, &d, "2026-02-27", &r);
	tap_ok(r.nprop && r.prop[0].diff == MATCH_DIFF_DISCOUNT && r.prop[0].diff_bp == 100 &&
		       r.prop[0].diff_fee == 880,
	       "¥10,880 short of ¥1,000,000: a 1 %% discount and a ¥880 fee");
	match_explain(&r.prop[0], &d, &e);
	tap_ok(strstr(e.buf, "amount = Y-1 − 1.00 % discount ¥10,000 and a fee ¥880") != NULL,
	       "… explained so: %s", e.buf);
	tap_ok(r.hold != MATCH_AUTO, "… not yet the customer's habit: held");
	match_index_learn_deduction(ix, 7, 10880, 1000000, 1000000, 989120);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].features & MATCH_F_LEARNED,
	       "confirmed once: the habit, matched (%d)", r.hold);
	sb_free(&e);
	match_index_free(ix);
}

/* Learned deductions a fee list or the fee cap would hide: 1 % with a net
 * bank's ¥145 (a fee no list has), 1 % with the payment rounded down to
 * ¥100, and 2 % of a small bill (¥959, less than the largest fee). */
static void
test_learned_deductions(void)
{
	struct match_index *ix = habit_world(2000000);
	struct match_result r;
	struct strbuf e;
	int hold;

	sb_init(&e);
	match_index_learn_deduction(ix, 7, 10145, 1000000, 1000000, 989855);
	hold = habit_hold(ix, 2000000 - 20000 - 145, &r, &e);
	tap_is_int(hold, MATCH_AUTO, "1 %% and ¥145 confirmed once: learned, matched (%s)", e.buf);
	tap_ok(r.prop[0].diff_bp == 100 && r.prop[0].diff_fee == 145, "… as 1 %% and a ¥145 fee");
	match_index_free(ix);

	ix = habit_world(2000045);
	match_index_learn_deduction(ix, 7, 10070, 1000070, 1000070, 990000);
	tap_is_int(habit_hold(ix, 1980000, &r, &e), MATCH_AUTO,
		   "1 %% and rounded down to ¥100 confirmed once: matched");
	tap_ok(strstr(e.buf, "1.00 % discount ¥20,000 and rounded down by ¥45 (the customer's "
			     "habit)") != NULL, "… explained: %s", e.buf);
	match_index_free(ix);

	ix = habit_world(2000045);
	match_index_learn_deduction(ix, 7, 10070, 1000070, 1000070, 990000);
	tap_ok(habit_hold(ix, 1979000, &r, &e) != MATCH_AUTO,
		   "… but ¥1,045 dropped is not rounding to ¥100: held");
	match_index_free(ix);

	ix = habit_world(812966);
	match_index_learn_deduction(ix, 7, 2425, 220451, 220451, 218026);
	hold = habit_hold(ix, 812966 - 8129 - 220, &r, &e);
	tap_ok(hold == MATCH_AUTO && r.prop[0].diff_bp == 100 && r.prop[0].diff_fee == 220,
	       "1 %% and ¥220 off ¥220,451 learned as that, not as 1.10 %%: matched (%s)", e.buf);
	match_index_free(ix);

	ix = habit_world(47982);
	match_index_learn_deduction(ix, 7, 8000, 400000, 400000, 392000);
	hold = habit_hold(ix, 47982 - 959, &r, &e);
	tap_is_int(hold, MATCH_AUTO, "2 %% learned: ¥959 off ¥47,982 is the discount, not a fee (%s)",
		   e.buf);
	tap_is_int(r.prop[0].diff, MATCH_DIFF_DISCOUNT, "… named a discount");
	sb_free(&e);
	match_index_free(ix);
}

TAP_SUITE(match_habits)
{
	test_fee_policy();
	test_moling_habit();
	test_discount_moling_habit();
	test_habit_two_sets();
	test_discount_and_fee();
	test_learned_deductions();
}
