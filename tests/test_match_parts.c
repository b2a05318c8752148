/* test_match_parts: instalments — a round sum that is a round share of one
 * invoice (half of it, 3 tenths: 5割, 五成) is proposed as part of that
 * invoice first, whichever invoice oldest first would pick; a round sum
 * that is such a share of many invoices is a coincidence and proposes none
 * of them; never matched automatically. Hundreds of yuan are such a round
 * sum, for part of a CNY customer's bill due now too. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "date.h"
#include "match.h"
#include "match_priv.h"
#include "tap.h"
#include "testutil.h"

static void
inv(struct match_index *ix, int64_t id, const char *num, int64_t cust_id, int64_t open,
    const char *issued, const char *due)
{
	match_index_add_invoice(ix, id, num, cust_id, tu_day(issued), tu_day(due), open, "JPY");
}

/* キャピタルデンキ: five open invoices, four of them due on 2026-08-31 (the
 * oldest issued in June); コバヤシセイミツ: four invoices that 300,000
 * is a round share of. */
static struct match_index *
world(void)
{
	struct match_index *ix = match_index_new();

	tu_match_customer(ix, 1, "C1", "株式会社キャピタル電機", "キャピタルデンキ");
	inv(ix, 11, "S-261", 1, 306295, "2026-06-30", "2026-08-31");
	inv(ix, 12, "S-236", 1, 2982727, "2026-07-04", "2026-08-31");
	inv(ix, 13, "S-234", 1, 259974, "2026-07-15", "2026-08-31");
	inv(ix, 14, "S-233", 1, 261668, "2026-07-17", "2026-08-31");
	inv(ix, 15, "S-235", 1, 991485, "2026-07-31", "2026-09-30");
	tu_match_customer(ix, 2, "C2", "小林精密株式会社", "コバヤシセイミツ");
	inv(ix, 21, "K-1", 2, 600000, "2026-07-10", "2026-08-31");
	inv(ix, 22, "K-2", 2, 1000000, "2026-07-20", "2026-08-31");
	inv(ix, 23, "K-3", 2, 750000, "2026-07-25", "2026-08-31");
	inv(ix, 24, "K-4", 2, 1500000, "2026-07-31", "2026-08-31");
	tu_match_customer(ix, 3, "C3", "株式会社ハヤシ製作所", "ハヤシセイサクシヨ");
	inv(ix, 31, "P-1", 3, 400000, "2026-08-01", "2026-09-30");
	inv(ix, 32, "P-2", 3, 1000000, "2026-08-20", "2026-09-30");
	inv(ix, 33, "P-3", 3, 400000, "2026-08-25", "2026-10-31");
	match_index_add_billed(ix, 34, "P-4", 3, tu_day("2026-08-28"), tu_day("2026-10-31"), 500000,
			       1000000, "JPY");
	match_index_add_customer(ix, 5, "C5", "广州天成贸易有限公司", "", "广州天成贸易", "CNY",
				 NULL);
	match_index_add_invoice(ix, 51, "G-1", 5, tu_day("2026-07-10"), tu_day("2026-08-31"), 3000000,
				"CNY");
	match_index_add_invoice(ix, 52, "G-2", 5, tu_day("2026-08-10"), tu_day("2026-09-30"), 13120000,
				"CNY");
	match_index_finish(ix);
	return ix;
}

static void
run_on(struct match_index *ix, const char *date, const char *payer, int64_t amount,
       struct match_result *r, struct strbuf *e)
{
	struct match_deposit d = { .id = 1, .reference = "R1", .amount = amount,
				   .currency = strstr(payer, "广州") ? "CNY" : "JPY",
				   .payer.payer_name = payer };
	struct match_config cfg;

	d.date = tu_day(date);
	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, r);
	sb_reset(e);
	if (r->nprop)
		match_explain(&r->prop[0], &d, e);
}

static void
run(struct match_index *ix, const char *payer, int64_t amount, struct match_result *r,
    struct strbuf *e)
{
	run_on(ix, "2026-10-30", payer, amount, r, e);
}

/* Where in the proposals part of invoice num for the whole amount is
 * (1-based), 0: not proposed. */
static int
part_rank(const struct match_result *r, const char *num)
{
	for (int i = 0; i < r->nprop; i++)
		if (r->prop[i].fit == MATCH_FIT_PARTIAL && r->prop[i].nlines == 1 &&
		    strcmp(r->prop[i].line[0].number, num) == 0)
			return i + 1;
	return 0;
}

static int
shares(const struct match_result *r)
{
	int n = 0;

	for (int i = 0; i < r->nprop; i++)
		n += r->prop[i].nlines == 1 && r->prop[i].line[0].share;
	return n;
}

/* match_round_share of a deposit (minor units) on an invoice billed billed
 * with open still open; want: the share in per cent, 0 for none. */
static const struct share_case {
	int64_t amount, billed, open;
	int want;
	const char *what;
} share_cases[] = {
	{ 130000, 261668, 261668, 50, "¥130,000 is half of ¥261,668" },
	{ 130000, 259974, 259974, 50, "… and of ¥259,974" },
	{ 110000, 299999, 299999, 37, "4 tenths cut down: 37 %" },
	{ 120000, 299999, 299999, 40, "4 tenths rounded up by ¥1: 40 %" },
	{ 130000, 306295, 306295, 0, "4 tenths and ¥7,482 more: none" },
	{ 910000, 3061200, 3061200, 30, "3 tenths, cut down to ¥10,000" },
	{ 610000, 3061200, 3061200, 0, "2 tenths is too small a share" },
	{ 130001, 261668, 261668, 0, "not a round sum: none" },
	{ 50000, 100000, 100000, 0, "a bill under 20 steps: none" },
	{ 610000, 610000, 610000, 0, "all of it is not a share" },
	{ 300000, 1000000, 600000, 30, "a share of the bill, not of what is open" },
	{ 300000, 1000000, 250000, 0, "… never more than is open" },
	{ 1560000, 2234567, 2234567, 70,
	  "CNY 15,600.00 is 7 tenths of 22,345.67 (hundreds of yuan are round)" },
	{ 1565000, 2234567, 2234567, 0, "… CNY 15,650.00 is not round" },
};

static void
test_share_of(void)
{
	for (size_t i = 0; i < sizeof share_cases / sizeof share_cases[0]; i++) {
		const struct share_case *c = &share_cases[i];
		struct minv v = { .billed = c->billed, .open = c->open };

		tap_is_int(match_round_share(c->amount, &v), c->want, "%s", c->what);
	}
}

static void
test_instalment(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run_on(ix, "2026-08-31", "ｶ)ｷﾔﾋﾟﾀﾙﾃﾞﾝｷ", 130000, &r, e);
	tap_ok(r.nprop >= 2 && part_rank(&r, "S-233") <= 2 && part_rank(&r, "S-234") <= 2 &&
	       part_rank(&r, "S-233") && part_rank(&r, "S-234"),
	       "half of S-233 or of S-234 first, though S-261 is older: %s", e->buf);
	tap_ok(strstr(e->buf, ", 50 % of its bill)") != NULL, "… its share named");
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "… held: a part payment is the clerk's to confirm");
	tap_ok(part_rank(&r, "S-261") > 1, "oldest first is still offered (%d)",
	       part_rank(&r, "S-261"));
	tap_is_int(shares(&r), 2, "… no more (S-261's 4 tenths: ¥122,518)");
	run(ix, "ｶ)ｷﾔﾋﾟﾀﾙﾃﾞﾝｷ", 131000, &r, e);
	tap_ok(part_rank(&r, "S-233") != 1, "¥131,000 is no round share: no instalment first");
	tap_ok(strstr(e->buf, "% of its bill") == NULL, "… and none named");
}

static void
test_coincidence(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run(ix, "ｺﾊﾞﾔｼｾｲﾐﾂ(ｶ", 300000, &r, e);
	tap_is_int(shares(&r), 0,
		   "a round share of three invoices (5, 3, 4 tenths): none proposed as one");
	tap_ok(strstr(e->buf, "% of its bill") == NULL, "… nor named as a share: %s", e->buf);
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "… held");
}

/* Two bills a round sum is a share of: both proposed, each named. */
static void
test_two_shares(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run_on(ix, "2026-09-29", "ｶ)ﾊﾔｼｾｲｻｸｼﾖ", 300000, &r, e);
	tap_is_int(shares(&r), 2, "¥300,000: 30 %% of P-2 and of P-4's bill, both proposed");
	tap_is_str(e->buf, "payer ｶ)ﾊﾔｼｾｲｻｸｼﾖ = 株式会社ハヤシ製作所; the oldest left open: "
			   "part of P-2 (¥300,000, 30 % of its bill), the rest stays open; score 68",
		   "… the one due now first, its share named");
	tap_ok(part_rank(&r, "P-4") == 2 && part_rank(&r, "P-1") == 3,
	       "… then P-4's, due a month later, then oldest first (%d, %d)", part_rank(&r, "P-4"),
	       part_rank(&r, "P-1"));
	run_on(ix, "2026-09-29", "ｶ)ﾊﾔｼｾｲｻｸｼﾖ", 200000, &r, e);
	tap_is_str(e->buf, "payer ｶ)ﾊﾔｼｾｲｻｸｼﾖ = 株式会社ハヤシ製作所; oldest first: part of P-1 "
			   "(¥200,000, 50 % of its bill), the rest stays open; score 68",
		   "half of the oldest: oldest first, its share named");
}

/* A held instalment marks the bill it ranks before as well: a deposit of
 * that bill's amount is then held, as it was before instalments ranked. */
static void
test_held_marks(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run_on(ix, "2026-09-30", "ｶ)ﾊﾔｼｾｲｻｸｼﾖ", 400000, &r, e);
	tap_is_int(r.hold, MATCH_AUTO, "¥400,000 on 09-30: P-1, due that day, matched");
	run_on(ix, "2026-09-29", "ｶ)ﾊﾔｼｾｲｻｸｼﾖ", 300000, &r, e);
	tap_ok(r.nprop && r.prop[0].line[0].share, "¥300,000: the instalment of P-2 first");
	match_index_hold(ix, &r);
	run_on(ix, "2026-09-30", "ｶ)ﾊﾔｼｾｲｻｸｼﾖ", 400000, &r, e);
	tap_is_int(r.hold, MATCH_HOLD_HELD_OTHER,
		   "… held, P-1 with it: oldest first may be what it pays, not P-2");
	match_index_unhold(ix);
}

static void
test_cny(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run_on(ix, "2026-09-28", "广州天成贸易有限公司", 6560000, &r, e);
	tap_is_str(e->buf, "payer 广州天成贸易有限公司 = 广州天成贸易有限公司; the oldest left open: "
			   "part of G-2 (CNY 65,600.00, 50 % of its bill), the rest stays open; score 68",
		   "CNY 65,600.00, half of G-2 in hundreds of yuan: its instalment first");
}

/* An EDI text naming A's invoice, then fifteen other customers' whose
 * part payments fill the list of fits, then B's of the same amount: the
 * fits not kept may hold a rival, so the deposit is held. */
static void
test_fits_dropped(void)
{
	struct match_index *ix = match_index_new();
	static const int64_t opens[] = { 600000, 1000000, 900000 };
	struct match_deposit d = { .id = 1, .reference = "R1", .amount = 300000,
				   .currency = "JPY", .payer.payer_name = "ﾌﾘｺﾐ" };
	struct match_config cfg;
	struct match_result r;
	struct strbuf edi;
	char code[8], num[12];

	sb_init(&edi);
	tu_match_customer(ix, 1, "A", "株式会社エーショウジ", "エーショウジ");
	inv(ix, 1, "A-100", 1, 300000, "2026-09-20", "2026-10-31");
	sb_adds(&edi, "A-100");
	for (int c = 0; c < 15; c++) {
		snprintf(code, sizeof code, "X%02d", c);
		tu_match_customer(ix, 10 + c, code, "株式会社シー", "シー");
		for (int k = 0; k < 3; k++) {
			snprintf(num, sizeof num, "X%02d-%d", c, k + 1);
			inv(ix, 100 + 3 * c + k, num, 10 + c, opens[k], "2026-09-20", "2026-10-31");
		}
		sb_addf(&edi, " X%02d-1", c);
	}
	tu_match_customer(ix, 2, "B", "株式会社ビーコウギョウ", "ビーコウギョウ");
	inv(ix, 2, "B-200", 2, 300000, "2026-09-20", "2026-10-31");
	sb_adds(&edi, " B-200");
	match_index_finish(ix);
	d.payer.edi = edi.buf;
	d.date = tu_day("2026-10-30");
	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && strcmp(r.prop[0].customer_code, "A") == 0, "A's invoice first");
	tap_is_str(match_hold_name(r.hold), "many_fits",
		   "… held: fits were dropped, a rival may be among them");
	tap_is_str(match_hold_text(r.hold),
		   "more sets of invoices fit than could be compared: choose by hand", "… and says so");
	tap_ok(r.nprop >= 2 && strcmp(r.prop[1].customer_code, "B") == 0,
	       "… the best kept, not the first: B's, named last, is listed second");
	sb_free(&edi);
	match_index_free(ix);
}

/* A CNY customer billed by the 20th pays CNY 2,300.00 of the bill due now,
 * August's bill still open: hundreds of yuan are a round sum, so it is
 * part of that bill, its slips oldest first, and not the bill less an
 * unnamed difference of CNY 1,550.00. */
static void
test_cny_bill_due(void)
{
	struct match_index *ix = match_index_new();
	static const int64_t opens[] = { 80000, 145000, 95000, 65000 };
	static const char *const issued[] = { "2026-09-25", "2026-10-01", "2026-10-05",
					      "2026-10-12" };
	struct match_deposit d = { .id = 1, .reference = "R1", .date = tu_day("2026-11-10"),
				   .amount = 230000, .currency = "CNY",
				   .payer.payer_name = "广州天成贸易有限公司" };
	struct match_result r;
	struct strbuf e;
	char num[8];
	int part = -1, short_bill = -1;

	sb_init(&e);
	match_index_add_customer(ix, 5, "G5", "广州天成贸易有限公司", "", "广州天成贸易", "CNY",
				 NULL);
	match_index_set_closing(ix, 5, 20);
	match_index_add_invoice(ix, 50, "G-50", 5, tu_day("2026-09-05"), tu_day("2026-10-10"),
				170000, "CNY");
	for (int i = 0; i < 4; i++) {
		snprintf(num, sizeof num, "G-%d", 51 + i);
		match_index_add_invoice(ix, 51 + i, num, 5, tu_day(issued[i]), tu_day("2026-11-10"),
					opens[i], "CNY");
	}
	match_index_finish(ix);
	tu_match_first(ix, &d, &r, &e);
	for (int i = 0; i < r.nprop; i++) {
		if (r.prop[i].fit == MATCH_FIT_PARTIAL && r.prop[i].period && part < 0)
			part = i;
		if (r.prop[i].fit == MATCH_FIT_NEAR && r.prop[i].period)
			short_bill = i;
	}
	tap_ok(part >= 0 && part < 3 && r.prop[part].nlines == 3 &&
		       r.prop[part].line[2].cleared == 5000,
	       "CNY 2,300.00: part of the bill due now among the first three (at %d)", part);
	tap_is_int(short_bill, -1, "… and not that bill less an unnamed difference");
	tap_ok(r.hold != MATCH_AUTO, "… held");
	sb_free(&e);
	match_index_free(ix);
}

TAP_SUITE(match_parts)
{
	struct match_index *ix = world();
	struct strbuf e;

	sb_init(&e);
	test_share_of();
	test_instalment(ix, &e);
	test_coincidence(ix, &e);
	test_two_shares(ix, &e);
	test_held_marks(ix, &e);
	test_cny(ix, &e);
	test_fits_dropped();
	test_cny_bill_due();
	sb_free(&e);
	match_index_free(ix);
}
