/* test_match_closing: how closing-date customers pay, beyond one whole
 * period — part of a bill with its returned-goods slips netted, a closing
 * total paid by someone whose name we do not know, part of the bills due
 * now when older ones of the same amounts are open, and a bill paid short
 * by a sum nobody has named. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "strbuf.h"
#include "tap.h"
#include "testutil.h"

static void
slip(struct match_index *ix, int64_t id, int64_t cust_id, const char *issue, const char *due,
     int64_t open)
{
	char num[16];

	snprintf(num, sizeof num, "D-%03d", (int)id);
	match_index_add_invoice(ix, id, num, cust_id, tu_day(issue), tu_day(due), open, "JPY");
}

static struct match_deposit
dep(const char *payer, const char *date, int64_t amount)
{
	struct match_deposit d = { .id = 1, .reference = "R1", .date = tu_day(date),
				   .amount = amount, .currency = "JPY",
				   .payer.payer_name = payer };

	return d;
}

/* Customer 7, 丸山食品 (W1), billed by the 20th: most worlds below. */
static void
maruyama_by_20th(struct match_index *ix)
{
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_set_closing(ix, 7, 20);
}

/* The index of the proposal clearing exactly ids[0, n) for amounts
 * cleared[0, n), or -1. */
static int
proposal_of(const struct match_result *r, const int64_t *ids, const int64_t *cleared, int n)
{
	for (int i = 0; i < r->nprop; i++) {
		int same = r->prop[i].nlines == n;

		for (int k = 0; same && k < n; k++) {
			int found = 0;

			for (int m = 0; m < n; m++)
				found |= r->prop[i].line[m].invoice_id == ids[k] &&
					 r->prop[i].line[m].cleared == cleared[k];
			same = found;
		}
		if (same)
			return i;
	}
	return -1;
}

/* Finish ix, match d and test that the proposal clearing ids[0, n) for
 * cleared[0, n) is among the first three (what: which one it is). */
static void
in_top3(struct match_index *ix, const struct match_config *cfg, const struct match_deposit *d,
	struct match_result *r, const int64_t *ids, const int64_t *cleared, int n,
	const char *what)
{
	int k;

	match_index_finish(ix);
	match_deposit(ix, cfg, d, r);
	k = proposal_of(r, ids, cleared, n);
	tap_ok(k >= 0 && k < 3, "%s in the top 3 (at %d of %d)", what, k, r->nprop);
}

/* Billed by the 20th: a returned-goods slip in the period, paid short
 * by a round sum. The customer nets the return as it comes and pays the
 * slips oldest first; the slip after the money runs out stays open. */
static void
test_partial_netted(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", "2026-11-10", 20000);
	const int64_t ids[] = { 1, 2, 3 }, cleared[] = { 10000, -3000, 13000 };

	match_config_default(&cfg);
	maruyama_by_20th(ix);
	slip(ix, 1, 7, "2026-09-25", "2026-11-10", 10000);
	slip(ix, 2, 7, "2026-10-01", "2026-11-10", -3000);
	slip(ix, 3, 7, "2026-10-05", "2026-11-10", 21000);
	slip(ix, 4, 7, "2026-10-15", "2026-11-10", 5000);
	slip(ix, 5, 7, "2026-10-25", "2026-12-10", 8000);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 3,
		"part of a bill: the return netted, then oldest first,");
	tap_ok(r.hold != MATCH_AUTO, "… proposed, never taken alone (%d: %d lines, fit %d)", r.hold, r.nprop ? r.prop[0].nlines : 0, r.nprop ? (int)r.prop[0].fit : -1);
	d.amount = 25000; /* nor is any whole period: partial again */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop == 0 || r.prop[0].line[0].cleared != 0,
	       "… and no proposal carries a line of nothing");
	match_index_free(ix);
}

/* A closing total from a payer whose name is not the customer's (a new
 * bank name, an agent): found by the amount, tax rounding and all. */
static void
test_total_unknown_payer(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ﾐﾔﾋﾞｺｳﾎﾞｳ", "2026-11-10", 61234 + 45678 + 33333 - 3);
	int k;

	match_config_default(&cfg);
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	tu_match_customer(ix, 8, "W2", "株式会社青木商店", "アオキショウテン");
	match_index_set_closing(ix, 7, 20);
	slip(ix, 1, 7, "2026-09-10", "2026-10-10", 70000);
	slip(ix, 2, 7, "2026-09-25", "2026-11-10", 61234);
	slip(ix, 3, 7, "2026-10-01", "2026-11-10", 45678);
	slip(ix, 4, 7, "2026-10-15", "2026-11-10", 33333);
	slip(ix, 5, 8, "2026-10-15", "2026-11-10", 99999);
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	for (k = 0; k < r.nprop && !(r.prop[k].customer_id == 7 && r.prop[k].fit == MATCH_FIT_PERIOD);
	     k++)
		;
	tap_ok(k < r.nprop && k < 3 && r.prop[k].nlines == 3,
	       "an unknown payer's closing total, 3 yen off: that period proposed (at %d of %d)", k,
	       r.nprop);
	tap_ok(r.hold != MATCH_AUTO, "… on the amount alone: never matched automatically");
	match_index_free(ix);
}

/* Delivery fees of a few repeated amounts: August's still open, part of
 * September's paid in October. A mix of both months adds up too, and the
 * search over the oldest finds that first. */
static void
test_due_now_subset(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ｺﾔﾏﾄｿｳ", "2026-10-27", 6000);
	const int64_t ids[] = { 3, 4, 5 }, cleared[] = { 1000, 2000, 3000 };

	match_config_default(&cfg);
	tu_match_customer(ix, 9, "K9", "株式会社小山塗装", "コヤマトソウ");
	slip(ix, 1, 9, "2026-08-03", "2026-09-30", 1000);
	slip(ix, 2, 9, "2026-08-12", "2026-09-30", 2000);
	slip(ix, 3, 9, "2026-09-02", "2026-10-31", 1000);
	slip(ix, 4, 9, "2026-09-09", "2026-10-31", 2000);
	slip(ix, 5, 9, "2026-09-16", "2026-10-31", 3000);
	slip(ix, 6, 9, "2026-09-24", "2026-10-31", 500);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 3, "part of the bills due now: September's three");
	tap_ok(r.hold != MATCH_AUTO, "… other combinations add up: held");
	match_index_free(ix);
}

/* A disputed month paid at last with the current one, all months billed
 * the same: the oldest and the one due now, beside the oldest two (the
 * closing periods) — even when oldest first adds up exactly too. */
static void
test_catch_up_equal_months(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ﾂｸｼｶｲﾊﾂ", "2026-11-30", 1100000);
	const int64_t ids[] = { 1, 4 }, cleared[] = { 550000, 550000 };

	match_config_default(&cfg);
	tu_match_customer(ix, 5, "T5", "株式会社筑紫開発", "ツクシカイハツ");
	match_index_set_closing(ix, 5, 31);
	slip(ix, 1, 5, "2026-07-01", "2026-08-31", 550000);
	slip(ix, 2, 5, "2026-08-01", "2026-09-30", 550000);
	slip(ix, 3, 5, "2026-09-01", "2026-10-31", 550000);
	slip(ix, 4, 5, "2026-10-01", "2026-11-30", 550000);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 2, "equal months: July and November (a catch-up)");
	tap_ok(r.hold != MATCH_AUTO, "… which months is not sure: held");
	match_index_free(ix);
}

/* Two invoices due the same day, a round sum less than the larger: part
 * of that one is proposed, not only the smaller one paid with the rest on
 * account. */
static void
test_round_sum_due_together(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ｾﾄｳﾁｽｲｻﾝ", "2026-10-30", 830000);
	const int64_t ids[] = { 3 }, cleared[] = { 830000 };

	match_config_default(&cfg);
	tu_match_customer(ix, 6, "T6", "株式会社瀬戸内水産", "セトウチスイサン");
	slip(ix, 1, 6, "2026-05-10", "2026-06-30", 900000);
	slip(ix, 2, 6, "2026-08-10", "2026-09-30", 563431);
	slip(ix, 3, 6, "2026-08-20", "2026-09-30", 1280000);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 1,
		"a round sum, two invoices due that day: part of the larger");
	match_index_free(ix);
}

/* A month left open four months ago (a dispute): the customer pays the
 * invoices due now oldest first, the last in part, and leaves the old one
 * alone. */
static void
test_recent_oldest_first(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾔﾏﾀﾞｼﾖｳｼﾞ", "2026-09-30", 452380);
	const int64_t ids[] = { 2, 3 }, cleared[] = { 300000, 152380 };

	match_config_default(&cfg);
	tu_match_customer(ix, 1, "C1", "株式会社山田商事", "ヤマダショウジ");
	slip(ix, 1, 1, "2026-04-10", "2026-05-31", 500000);
	slip(ix, 2, 1, "2026-08-10", "2026-09-30", 300000);
	slip(ix, 3, 1, "2026-08-25", "2026-09-30", 400000);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 2,
		"the two due now oldest first, the second in part, May left open");
	tap_ok(r.hold != MATCH_AUTO, "… a partial payment: held");
	match_index_free(ix);
}

/* Billed by the 20th; August's bill is still open (paid by another
 * transfer, or disputed). A round sum pays part of the bill due now: its
 * slips oldest first, the returned-goods slip netted as it comes, two of
 * one day in the order they are numbered, the last in part; August stays
 * open, and nothing of the next period is touched. */
static void
test_part_of_bill_due(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", "2026-11-10", 30000);
	const int64_t ids[] = { 7, 3, 4, 6, 5 }, cleared[] = { -4000, 8000, 14000, 9000, 3000 };
	struct strbuf why;

	match_config_default(&cfg);
	maruyama_by_20th(ix);
	slip(ix, 1, 7, "2026-09-05", "2026-10-10", 15000);
	slip(ix, 2, 7, "2026-09-15", "2026-10-10", 12000);
	slip(ix, 3, 7, "2026-09-25", "2026-11-10", 8000);
	slip(ix, 4, 7, "2026-10-02", "2026-11-10", 14000);
	match_index_add_invoice(ix, 5, "D-006", 7, tu_day("2026-10-08"), tu_day("2026-11-10"), 11000,
				"JPY");
	match_index_add_invoice(ix, 6, "D-005", 7, tu_day("2026-10-08"), tu_day("2026-11-10"), 9000,
				"JPY");
	slip(ix, 7, 7, "2026-10-05", "2026-11-10", -4000);
	slip(ix, 8, 7, "2026-10-25", "2026-12-10", 7000);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 5,
		"part of the bill due now, the return set against it, August left open,");
	tap_ok(r.hold != MATCH_AUTO, "… a partial payment: held (%d)", r.hold);
	sb_init(&why);
	if (r.nprop)
		match_explain(&r.prop[proposal_of(&r, ids, cleared, 5) < 0 ? 0
						: proposal_of(&r, ids, cleared, 5)], &d, &why);
	tap_ok(why.buf && strstr(why.buf, "part of the bill of the closing of 2026-10-20"),
	       "… and says which bill: %s", why.buf ? why.buf : "");
	sb_free(&why);
	match_index_free(ix);
}

/* The same customer with eight slips open over two bills: three draws of
 * three slips add up to the round sum as well (7,000 + 11,000 + 12,000,
 * …). Such draws are chance for a customer that pays bills: part of the
 * bill due now comes first, the draws after it, and nothing is automatic. */
static void
test_draws_below_bill(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", "2026-11-10", 30000);
	const int64_t ids[] = { 5, 6, 7 }, cleared[] = { 12000, 5000, 13000 };
	const int64_t amounts[] = { 7000, 11000, 9500, 6500, 12000, 5000, 14000, 8000 };
	const char *issued[] = { "2026-09-02", "2026-09-06", "2026-09-12", "2026-09-15",
				 "2026-09-25", "2026-10-01", "2026-10-06", "2026-10-12" };
	int draws = 0;

	match_config_default(&cfg);
	maruyama_by_20th(ix);
	for (int i = 0; i < 8; i++)
		slip(ix, i + 1, 7, issued[i], i < 4 ? "2026-10-10" : "2026-11-10", amounts[i]);
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	for (int i = 1; i < r.nprop; i++)
		draws += r.prop[i].features & MATCH_F_AMBIGUOUS && r.prop[i].nlines == 3;
	tap_ok(proposal_of(&r, ids, cleared, 3) == 0 && draws >= 1,
	       "part of the bill due now first (at %d), the draws that add up after it (%d)",
	       proposal_of(&r, ids, cleared, 3), draws);
	tap_ok(r.hold != MATCH_AUTO, "… held (%d)", r.hold);
	match_index_free(ix);
}

/* Found by an independent review. The money runs out inside D-12 and the
 * return after it is netted as it comes, paying part of D-13: both slips
 * paid in part say so (the explanation read D-12 as paid whole). And a
 * bill whose total fits, less a fee, is that total, not part of it. */
static void
test_part_of_bill_stops(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", "2026-11-10", 30000);
	const int64_t ids[] = { 11, 12, 13, 14 }, cleared[] = { 10000, 20000, -4000, 4000 };
	int part_of_bill = 0, k;
	struct strbuf why;

	match_config_default(&cfg);
	maruyama_by_20th(ix);
	slip(ix, 1, 7, "2026-09-05", "2026-10-10", 15000);
	slip(ix, 11, 7, "2026-09-25", "2026-11-10", 10000);
	slip(ix, 12, 7, "2026-10-01", "2026-11-10", 25000);
	slip(ix, 13, 7, "2026-10-03", "2026-11-10", -4000);
	slip(ix, 14, 7, "2026-10-07", "2026-11-10", 8000);
	slip(ix, 15, 7, "2026-10-12", "2026-11-10", 9000);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 4,
		"part of the bill due now, a return after the money ran out netted,");
	sb_init(&why);
	if ((k = proposal_of(&r, ids, cleared, 4)) >= 0)
		match_explain(&r.prop[k], &d, &why);
	tap_ok(why.buf && strstr(why.buf, "D-011 + part of D-012 (¥20,000) + credit slip D-013"),
	       "… both slips paid in part say so: %s", why.buf ? why.buf : "");
	sb_free(&why);
	match_index_free(ix);

	ix = match_index_new();
	maruyama_by_20th(ix);
	slip(ix, 1, 7, "2026-09-05", "2026-10-10", 15000);
	slip(ix, 11, 7, "2026-09-25", "2026-11-10", 12000);
	slip(ix, 12, 7, "2026-10-01", "2026-11-10", 9000);
	slip(ix, 13, 7, "2026-10-03", "2026-11-10", -3000);
	slip(ix, 14, 7, "2026-10-07", "2026-11-10", 8000);
	slip(ix, 15, 7, "2026-10-12", "2026-11-10", 4440);
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	for (int i = 0; i < r.nprop; i++)
		part_of_bill += r.prop[i].fit == MATCH_FIT_PARTIAL && r.prop[i].period;
	tap_ok(r.nprop && r.prop[0].fit == MATCH_FIT_PERIOD && !part_of_bill,
	       "the bill's total less ¥440 fits: that, and no part of it (%d)", part_of_bill);
	match_index_free(ix);
}

/* Found by an independent review: F less a fee fits, and so does a draw
 * across two bills (P1 + P2 + P4), ranked lower as a draw — but it is still
 * a rival that holds the deposit, even when a customer with a similar name
 * (丸山) fills the list of proposals with its readings and the draw is no
 * longer among those listed. */
static void
test_rival_beyond_list(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", "2026-11-10", 29560);
	const char *b1[][3] = { { "2026-10-01", "2026-11-10", "4560" },
				{ "2026-10-02", "2026-11-10", "4340" },
				{ "2026-10-03", "2026-11-10", "4230" },
				{ "2026-10-04", "2026-11-10", "21430" },
				{ "2026-10-01", "2026-11-05", "5560" },
				{ "2026-10-02", "2026-11-05", "5340" },
				{ "2026-10-03", "2026-11-05", "5230" },
				{ "2026-10-04", "2026-11-05", "19430" } };

	match_config_default(&cfg);
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	tu_match_customer(ix, 8, "B1", "丸山", "マルヤマ");
	match_index_set_closing(ix, 7, 20);
	slip(ix, 1, 7, "2026-09-02", "2026-10-10", 10000);
	slip(ix, 2, 7, "2026-09-06", "2026-10-10", 12000);
	slip(ix, 3, 7, "2026-09-25", "2026-11-10", 9560);
	slip(ix, 4, 7, "2026-09-27", "2026-11-10", 7560);
	slip(ix, 5, 7, "2026-10-05", "2026-11-10", 10000);
	slip(ix, 6, 7, "2026-10-10", "2026-11-10", 30000);
	for (int i = 0; i < 8; i++)
		slip(ix, 11 + i, 8, b1[i][0], b1[i][1], strtoll(b1[i][2], NULL, 10));
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && r.prop[0].line[0].invoice_id == 6 && r.hold != MATCH_AUTO,
	       "an invoice less a fee, a draw adding up too, a crowd of another customer's "
	       "readings listed: held (%d)", r.hold);
	match_index_free(ix);
}

/* A holding company and two subsidiaries (H1 their paying parent) with
 * closing day 31: September 27,000 (a credit slip netted) and 55,000. */
static struct match_index *
holding_world(void)
{
	struct match_index *ix = match_index_new();

	tu_match_customer(ix, 1, "H1", "株式会社新栄水産ホールディングス", "シンエイスイサンホールディングス");
	tu_match_customer(ix, 2, "S1", "株式会社アーバンプランニング", "アーバンプランニング");
	tu_match_customer(ix, 3, "S2", "株式会社村上電設", "ムラカミデンセツ");
	match_index_add_payers(ix, 2, "H1", NULL);
	match_index_add_payers(ix, 3, "H1", NULL);
	match_index_set_closing(ix, 2, 31);
	match_index_set_closing(ix, 3, 31);
	slip(ix, 21, 2, "2026-09-05", "2026-10-31", 10000);
	slip(ix, 22, 2, "2026-09-12", "2026-10-31", 20000);
	slip(ix, 23, 2, "2026-09-20", "2026-10-31", -3000);
	slip(ix, 24, 2, "2026-10-03", "2026-11-30", 5000);
	slip(ix, 31, 3, "2026-09-08", "2026-10-31", 40000);
	slip(ix, 32, 3, "2026-09-25", "2026-10-31", 15000);
	slip(ix, 33, 3, "2026-10-02", "2026-11-30", 8000);
	return ix;
}

/* The payer learned for customer id: one confirmation. */
static void
holding_learned(struct match_index *ix, int64_t id)
{
	struct match_alias a = { "シンエイスイサンホルデイングス", "", "", "", id, 1 };

	match_index_add_alias(ix, &a);
}

/* Where the group proposal ranks in r (r->nprop when none). */
static int
group_rank(struct match_index *ix, struct match_result *r)
{
	struct match_config cfg;
	struct match_deposit d = dep("ｶ)ｼﾝｴｲｽｲｻﾝﾎ-ﾙﾃﾞｲﾝｸﾞｽ", "2026-10-30", 27000 + 55000 - 3);
	int k;

	match_config_default(&cfg);
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, r);
	for (k = 0; k < r->nprop && !(r->prop[k].features & MATCH_F_SEVERAL); k++)
		;
	return k;
}

/* A holding company pays its subsidiaries' closing totals in one
 * transfer: September of each, a returned-goods slip netted, the tax a
 * few yen off. Held the first time; once the payer is learned for each,
 * matched — unless another choice of their totals adds up as well. */
static void
test_holding_closings(void)
{
	struct match_index *ix = holding_world();
	struct match_result r;
	int k = group_rank(ix, &r);

	tap_ok(k < r.nprop && k < 3 && r.prop[k].nlines == 5,
	       "a holding pays two subsidiaries' September: proposed, the credit slip netted (at %d "
	       "of %d, %d lines)", k, r.nprop, k < r.nprop ? r.prop[k].nlines : 0);
	tap_ok(r.hold != MATCH_AUTO, "… for a clerk to confirm");
	match_index_free(ix);

	ix = holding_world();
	holding_learned(ix, 2);
	holding_learned(ix, 3);
	k = group_rank(ix, &r);
	tap_ok(k == 0 && r.hold == MATCH_AUTO && r.prop[0].features & MATCH_F_GROUP_LEARNED,
	       "the payer confirmed for both before: matched (rank %d, hold %d)", k, r.hold);
	match_index_free(ix);

	ix = holding_world();
	tu_match_customer(ix, 4, "S3", "株式会社三栄", "サンエイ");
	match_index_add_payers(ix, 4, "H1", NULL);
	match_index_set_closing(ix, 4, 31);
	slip(ix, 41, 4, "2026-09-15", "2026-10-31", 27000);
	for (int64_t id = 2; id <= 4; id++)
		holding_learned(ix, id);
	k = group_rank(ix, &r);
	tap_ok(k < r.nprop && r.hold != MATCH_AUTO && !(r.prop[k].features & MATCH_F_GROUP_LEARNED),
	       "… but S3's September is S1's amount: two ways add up, held (hold %d)", r.hold);
	match_index_free(ix);
}

/* A closing bill paid short by an odd sum well beyond any fee or named
 * discount (an offset of what we owe the customer, 相殺): the whole period
 * with the difference for the clerk to explain, among the first three and
 * held; a round sum short is an instalment, not a bill less something. */
static void
test_short_bill(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ", "2026-11-10", 408991 - 49764);
	const int64_t ids[] = { 2, 3, 4, 5 }, cleared[] = { 161234, -8800, 145678, 110879 };
	int k;

	match_config_default(&cfg);
	maruyama_by_20th(ix);
	slip(ix, 1, 7, "2026-09-10", "2026-10-10", 70000);
	slip(ix, 2, 7, "2026-09-25", "2026-11-10", 161234);
	slip(ix, 3, 7, "2026-10-01", "2026-11-10", -8800);
	slip(ix, 4, 7, "2026-10-05", "2026-11-10", 145678);
	slip(ix, 5, 7, "2026-10-15", "2026-11-10", 110879);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 4, "October's bill less ¥49,764 (12 %)");
	k = proposal_of(&r, ids, cleared, 4);
	tap_ok(k >= 0 && r.prop[k].fit == MATCH_FIT_NEAR && r.prop[k].diff == MATCH_DIFF_OTHER,
	       "… the difference left for the clerk to name");
	tap_ok(r.hold != MATCH_AUTO, "… held");
	d.amount = 300000;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(proposal_of(&r, ids, cleared, 4) < 0,
	       "a round ¥300,000: an instalment, not the bill less something");
	match_index_free(ix);
}

/* An early-payment discount of 2 % confirmed once (¥4,398 off ¥219,912,
 * which is also 1.5 % and a ¥1,100 fee): learned as 2 %, so next month's
 * bill less 2 % is the customer's habit and is matched. */
static void
test_early_discount_learned(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ﾕ)ｻｶﾓﾄｺｳｷﾞﾖｳ", "2026-11-30", 0);
	const int64_t ids[] = { 1, 2, 3 }, cleared[] = { 500000, -42767, 700000 };

	match_config_default(&cfg);
	tu_match_customer(ix, 7, "W1", "有限会社坂本工業", "サカモトコウギョウ");
	match_index_set_closing(ix, 7, 20);
	slip(ix, 1, 7, "2026-10-25", "2026-11-30", 500000);
	slip(ix, 2, 7, "2026-11-05", "2026-11-30", -42767);
	slip(ix, 3, 7, "2026-11-15", "2026-11-30", 700000);
	slip(ix, 4, 7, "2026-11-25", "2026-12-31", 90000);
	match_index_learn_deduction(ix, 7, 4398, 219912, 219912, 215514);
	d.amount = 1157233 - 1157233 * 2 / 100;
	in_top3(ix, &cfg, &d, &r, ids, cleared, 3, "November's bill less 2 %");
	tap_is_int(r.hold, MATCH_AUTO, "… learned as 2 %% (not 1.5 %% and a fee): matched");
	match_index_free(ix);
}

/* The learned group again, and a third subsidiary whose own bill the
 * money misses by an unnamed 7 % (an offset?): that near miss is for a
 * clerk to look at, no rival to the group's exact totals. */
static void
test_group_beside_near_miss(void)
{
	struct match_index *ix = holding_world();
	struct match_result r;
	int k;

	tu_match_customer(ix, 4, "S3", "株式会社三栄", "サンエイ");
	match_index_add_payers(ix, 4, "H1", NULL);
	match_index_set_closing(ix, 4, 31);
	slip(ix, 41, 4, "2026-09-15", "2026-10-31", 88000);
	for (int64_t id = 2; id <= 4; id++)
		holding_learned(ix, id);
	k = group_rank(ix, &r);
	tap_ok(k == 0 && r.hold == MATCH_AUTO && r.prop[0].features & MATCH_F_GROUP_LEARNED,
	       "a learned group beside another member's unnamed near miss: matched (rank %d, "
	       "hold %d)", k, r.hold);
	match_index_free(ix);
}

/* The rest of a bill paid in part before, with the next bill in full:
 * oldest first would spend it all on the old one. */
static void
test_rest_with_next_bill(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ﾜﾀﾞｾﾂﾋﾞ", "2026-11-30", 436740 + 419862);
	const int64_t ids[] = { 2, 1 }, cleared[] = { 419862, 436740 };

	match_config_default(&cfg);
	tu_match_customer(ix, 4, "K1", "株式会社和田設備", "ワダセツビ");
	slip(ix, 1, 4, "2026-09-05", "2026-10-31", 1036740); /* ¥600,000 of it paid apart */
	slip(ix, 2, 4, "2026-10-05", "2026-11-30", 419862);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 2,
		"the bill due now in full, the rest towards the older one,");
	tap_ok(r.hold != MATCH_AUTO, "… proposed, never taken alone (%d)", r.hold);
	match_index_free(ix);
}

/* A part payment and its rest both in the queue: ¥430,000 of slip 1 came
 * first and waits; the rest of slip 1 with slip 2 is this deposit. Only the
 * earlier deposit makes the rest readable (the rest towards the oldest
 * would put it on slip 5). */
static void
test_rest_after_earlier_part(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶﾈｺﾓｸｻﾞｲ(ｶ", "2026-11-05", 195641 + 220788);
	const int64_t ids[] = { 1, 2 }, cleared[] = { 195641, 220788 }, earlier[] = { 430000 };

	match_config_default(&cfg);
	tu_match_customer(ix, 4, "K2", "金子木材株式会社", "カネコモクザイ");
	slip(ix, 5, 4, "2026-08-05", "2026-09-30", 250000); /* older, disputed */
	slip(ix, 1, 4, "2026-09-05", "2026-10-31", 625641);
	slip(ix, 2, 4, "2026-09-10", "2026-10-31", 220788);
	slip(ix, 3, 4, "2026-10-05", "2026-11-30", 300000);
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(proposal_of(&r, ids, cleared, 2) < 0,
	       "without the earlier deposit the rest is not read");
	d.earlier = earlier;
	d.nearlier = 1;
	in_top3(ix, &cfg, &d, &r, ids, cleared, 2,
		"the rest of slip 1 after the part payment in the queue, with slip 2,");
	tap_ok(r.hold != MATCH_AUTO, "… proposed, never taken alone (%d)", r.hold);
	match_index_free(ix);
}

/* The rest of a bill paid in part, with the two slips the customer's next
 * bill holds (due together): three lines, which a rest with one other
 * invoice never reads. */
static void
test_rest_with_next_day(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｼﾖｳﾅﾝｾｲｶ(ｶ", "2026-11-30", 2500315 + 298203 + 465431);
	const int64_t ids[] = { 1, 2, 3 }, cleared[] = { 2500315, 298203, 465431 },
		      earlier[] = { 1500000 };

	match_config_default(&cfg);
	tu_match_customer(ix, 5, "S5", "湘南青果株式会社", "ショウナンセイカ");
	slip(ix, 1, 5, "2026-09-05", "2026-10-31", 4000315);
	slip(ix, 2, 5, "2026-10-05", "2026-11-30", 298203);
	slip(ix, 3, 5, "2026-10-20", "2026-11-30", 465431);
	slip(ix, 4, 5, "2026-07-05", "2026-08-31", 880000); /* older, disputed */
	d.earlier = earlier;
	d.nearlier = 1;
	in_top3(ix, &cfg, &d, &r, ids, cleared, 3,
		"the rest of slip 1 after the part payment in the queue, with the day's two slips,");
	tap_ok(r.hold != MATCH_AUTO, "… proposed, never taken alone (%d)", r.hold);
	match_index_free(ix);
}

/* ¥1,100,000 for a slip of ¥1,099,164: the customer rounded the transfer
 * up. Oldest first would spend it on the older slips; the slip just below
 * the round sum, the excess on account, is read. */
static void
test_rounded_up(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ｲｼｶﾜｺｳｷﾞﾖｳ", "2026-11-30", 1100000);
	const int64_t ids[] = { 3 }, cleared[] = { 1099164 };

	match_config_default(&cfg);
	tu_match_customer(ix, 6, "I1", "株式会社石川工業", "イシカワコウギョウ");
	slip(ix, 1, 6, "2026-06-05", "2026-07-31", 1107370);
	slip(ix, 2, 6, "2026-10-05", "2026-11-30", 1480000);
	slip(ix, 3, 6, "2026-10-10", "2026-11-30", 1099164);
	in_top3(ix, &cfg, &d, &r, ids, cleared, 1, "the slip just below the round sum");
	tap_ok(r.nprop && r.prop[proposal_of(&r, ids, cleared, 1)].on_account == 836,
	       "… ¥836 on account");
	tap_ok(r.hold != MATCH_AUTO, "… proposed, never taken alone (%d)", r.hold);
	match_index_free(ix);
}

/* ¥4,545 more than the invoice: an over-payment on account, likelier than
 * a sliver of the next invoice, is proposed before it. */
static void
test_small_excess(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｻﾝﾗｲｽﾞﾌﾟﾗﾝﾆﾝｸﾞ(ｶ", "2026-11-30", 785015 + 4545);
	const int64_t over[] = { 1 }, over_cleared[] = { 785015 }, sliver[] = { 1, 2 },
		      sliver_cleared[] = { 785015, 4545 };
	int k;

	match_config_default(&cfg);
	tu_match_customer(ix, 8, "S1", "サンライズプランニング株式会社", "サンライズプランニング");
	slip(ix, 1, 8, "2026-09-05", "2026-10-31", 785015);
	slip(ix, 2, 8, "2026-10-05", "2026-11-30", 504669);
	in_top3(ix, &cfg, &d, &r, over, over_cleared, 1, "the invoice, the excess on account,");
	k = proposal_of(&r, over, over_cleared, 1);
	tap_ok(k >= 0 && r.prop[k].on_account == 4545, "… ¥4,545 on account");
	tap_ok(k < proposal_of(&r, sliver, sliver_cleared, 2),
	       "… before ¥4,545 of the next invoice (at %d and %d)", k,
	       proposal_of(&r, sliver, sliver_cleared, 2));
	match_index_free(ix);
}

/* Twelve small slips due at the month's end, the same amounts open from a
 * disputed month long ago; paid less the one slip the customer left open.
 * No combination search reaches eleven slips; the day's bills less that
 * slip is proposed first, held, and says so. */
static void
test_left_open(void)
{
	static const int64_t amt[] = { 4400, 6600, 2750, 5500, 3300, 1650,
				       8800, 2200, 6050, 9350, 1100, 7700 };
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d;
	int64_t ids[11], total = 0;
	struct strbuf e;
	int n = 0, k;

	match_config_default(&cfg);
	sb_init(&e);
	tu_match_customer(ix, 9, "K1", "株式会社小山塗装", "コヤマトソウ");
	slip(ix, 1, 9, "2026-05-12", "2026-06-30", 4400);
	slip(ix, 2, 9, "2026-05-20", "2026-06-30", 6600);
	slip(ix, 3, 9, "2026-05-25", "2026-06-30", 2750);
	for (int i = 0; i < 12; i++) {
		char day[16];

		snprintf(day, sizeof day, "2026-09-%02d", i + 2);
		slip(ix, 11 + i, 9, day, "2026-10-31", amt[i]);
		total += amt[i];
		if (amt[i] != 9350)
			ids[n++] = 11 + i;
	}
	d = dep("ｶ)ｺﾔﾏﾄｿｳ", "2026-10-30", total - 9350);
	in_top3(ix, &cfg, &d, &r, ids, (const int64_t[]){ 4400, 6600, 2750, 5500, 3300, 1650,
							  8800, 2200, 6050, 1100, 7700 },
		11, "the day's bills less the slip left open");
	k = proposal_of(&r, ids, (const int64_t[]){ 4400, 6600, 2750, 5500, 3300, 1650, 8800,
						     2200, 6050, 1100, 7700 }, 11);
	tap_ok(k == 0, "… first (at %d)", k);
	tap_ok(r.hold != MATCH_AUTO, "… held: which slip was left open is the clerk's call");
	if (k >= 0)
		match_explain(&r.prop[k], &d, &e);
	tap_ok(strstr(e.buf, "everything due 2026-10-31 but D-020 left open (¥9,350: "
			     "disputed?)") != NULL, "… and says so: %s", e.buf);
	sb_free(&e);
	match_index_free(ix);
}

/* The index of the first proposal reading invoice id less a difference
 * nobody can name, or -1. */
static int
unnamed_less(const struct match_result *r, int64_t id)
{
	for (int i = 0; i < r->nprop; i++)
		if (r->prop[i].fit == MATCH_FIT_NEAR && r->prop[i].diff == MATCH_DIFF_OTHER &&
		    r->prop[i].line[0].invoice_id == id)
			return i;
	return -1;
}

/* ¥1,130,000 for a ¥1,126,950 invoice: the over-payment rounded up. The
 * next invoice less ¥96,610 nobody can name is not offered: a round sum
 * short of a bill by an odd sum is part of it, whoever deducts a claim
 * pays the odd rest. ¥1,130,123 is offered as that invoice less a
 * difference, and so is a round sum short of a round bill by a round one. */
static void
test_unnamed_below_over(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｶ)ｽｶﾞﾜﾗｼｷﾞﾖｳ", "2026-10-30", 1130000);
	const int64_t over[] = { 1 }, over_cleared[] = { 1126950 };

	match_config_default(&cfg);
	tu_match_customer(ix, 7, "S7", "株式会社菅原紙業", "スガワラシギョウ");
	slip(ix, 1, 7, "2026-06-10", "2026-07-31", 1126950);
	slip(ix, 2, 7, "2026-07-10", "2026-08-31", 1226610);
	in_top3(ix, &cfg, &d, &r, over, over_cleared, 1, "the invoice, ¥3,050 on account,");
	tap_is_int(unnamed_less(&r, 2), -1, "… and not the next invoice less ¥96,610");
	d.amount = 1130123;
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(unnamed_less(&r, 2) >= 0, "¥1,130,123: the next invoice less ¥96,487 is offered (at %d)",
	       unnamed_less(&r, 2));
	match_index_free(ix);
	ix = match_index_new();
	tu_match_customer(ix, 7, "S7", "株式会社菅原紙業", "スガワラシギョウ");
	slip(ix, 3, 7, "2026-09-01", "2026-10-31", 1100000);
	d.amount = 1050000;
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(unnamed_less(&r, 3) >= 0,
	       "¥1,050,000 for a ¥1,100,000 fee: a round bill less a round ¥50,000 is offered (at %d)",
	       unnamed_less(&r, 3));
	match_index_free(ix);
}

/* Half of the bill the remittance text names (货款 INV-…), older bills
 * open: the named bill in part comes first, held as any part payment. */
static void
test_named_part(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep("ｺｳｼﾕｳｺｳﾂｳ", "2026-03-27", 164021);
	const int64_t ids[] = { 3 }, cleared[] = { 164021 };

	match_config_default(&cfg);
	tu_match_customer(ix, 9, "C9", "杭州恒通实业股份有限公司", "コウシュウコウツウ");
	slip(ix, 1, 9, "2025-10-06", "2026-01-06", 301204);
	slip(ix, 4, 9, "2025-11-06", "2026-02-06", 298117);
	slip(ix, 2, 9, "2025-12-15", "2026-03-16", 178527);
	slip(ix, 3, 9, "2025-12-06", "2026-03-06", 328044);
	slip(ix, 5, 9, "2026-01-10", "2026-04-10", 14504);
	d.payer.edi = "货款 D-003";
	in_top3(ix, &cfg, &d, &r, ids, cleared, 1, "part of the bill the EDI text names");
	tap_ok(proposal_of(&r, ids, cleared, 1) == 0, "… first");
	tap_ok(r.hold != MATCH_AUTO, "… held, as any part payment (%d)", r.hold);
	match_index_free(ix);
}

TAP_SUITE(match_closing)
{
	test_partial_netted();
	test_part_of_bill_due();
	test_draws_below_bill();
	test_rival_beyond_list();
	test_part_of_bill_stops();
	test_total_unknown_payer();
	test_due_now_subset();
	test_catch_up_equal_months();
	test_round_sum_due_together();
	test_holding_closings();
	test_recent_oldest_first();
	test_short_bill();
	test_early_discount_learned();
	test_group_beside_near_miss();
	test_rest_with_next_bill();
	test_rest_after_earlier_part();
	test_rest_with_next_day();
	test_rounded_up();
	test_small_excess();
	test_left_open();
	test_named_part();
	test_unnamed_below_over();
}
