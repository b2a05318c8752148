/* test_match_billed: the 合計請求書 urikake issued as the matcher's
 * strongest evidence — its total beats a coincidental invoice or
 * combination, a statement whose slips changed since is not used (and
 * the proposals say so), credit slips included — and the billed total
 * itself: tax once per rate on the period total; a payment agent
 * confirmed for several customers whose deposit the statement settles;
 * and an agent's first transfer, nobody's payer yet, that the statements
 * of several customers add up to. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "match.h"
#include "statement.h"
#include "tap.h"
#include "testutil.h"

static void
slip(struct match_index *ix, int64_t id, const char *issue, const char *due, int64_t open)
{
	char num[16];

	snprintf(num, sizeof num, "D-%03d", (int)id);
	match_index_add_invoice(ix, id, num, 7, tu_day(issue), tu_day(due), open, "JPY");
}

/* 丸山食品 bills on the 20th, paid the 10th of the next month. Open: the
 * period to 10-20, three slips and a returned-goods slip (赤伝) adding up
 * to ¥60,000, and the next period's first slips, one of them by chance
 * ¥59,998. The 合計請求書 of 10-20 (tax on the total) billed ¥59,998, open
 * now as listed unless changed says otherwise. */
static void
billed_customer(struct match_index *ix, bool issued, int64_t changed)
{
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_add_payers(ix, 7, NULL, "マルヤマ タロウ");
	match_index_set_closing(ix, 7, 20);
	slip(ix, 1, "2026-10-25", "2026-12-10", 59998);
	slip(ix, 6, "2026-10-28", "2026-12-10", 3000);
	slip(ix, 2, "2026-09-25", "2026-11-10", 30000 - changed);
	slip(ix, 3, "2026-10-01", "2026-11-10", 25000);
	slip(ix, 4, "2026-10-05", "2026-11-10", -5000);
	slip(ix, 5, "2026-10-15", "2026-11-10", 10000);
	if (issued) {
		match_index_add_bill(ix, 7, "JPY", tu_day("2026-10-20"), tu_day("2026-10-21"),
				     59998, 59998);
		match_index_add_bill_slip(ix, 2, 30000, true);
		match_index_add_bill_slip(ix, 3, 25000, true);
		match_index_add_bill_slip(ix, 4, -5000, true);
		match_index_add_bill_slip(ix, 5, 10000, true);
	}
}

static struct match_index *
billed_world(bool issued, int64_t changed)
{
	struct match_index *ix = match_index_new();

	billed_customer(ix, issued, changed);
	match_index_finish(ix);
	return ix;
}

static struct match_deposit
dep(int64_t amount)
{
	struct match_deposit d = { .id = 1, .reference = "R1", .date = tu_day("2026-11-10"),
				   .amount = amount, .currency = "JPY",
				   .payer.payer_name = "ｶ)ﾏﾙﾔﾏｼﾖｸﾋﾝ" };

	return d;
}

/* Whether p clears the statement's four slips (the credit one negatively). */
static bool
clears_statement(const struct match_proposal *p)
{
	int64_t sum = 0;
	bool credit = false;

	for (int i = 0; i < p->nlines; i++) {
		sum += p->line[i].invoice_id;
		credit |= p->line[i].invoice_id == 4 && p->line[i].cleared == -5000;
	}
	return p->nlines == 4 && sum == 2 + 3 + 4 + 5 && credit;
}

/* The deposit is exactly a slip of the next period, and within tax
 * rounding of the period billed: without the statement the single invoice
 * wins; with it, the statement's slips, the tax difference booked on them,
 * automatically. */
static void
test_statement_beats_coincidence(void)
{
	struct match_index *ix = billed_world(false, 0);
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep(59998);
	struct strbuf why;

	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && !clears_statement(&r.prop[0]),
	       "without a statement the coincidental invoice comes first (%d lines)",
	       r.nprop ? r.prop[0].nlines : 0);
	match_index_free(ix);

	ix = billed_world(true, 0);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && clears_statement(&r.prop[0]) && r.prop[0].features & MATCH_F_BILLED,
	       "with the 合計請求書 issued, its slips come first, the credit slip among them");
	tap_ok(r.hold == MATCH_AUTO, "… and are matched automatically (hold %d)", r.hold);
	tap_ok(r.nprop && match_proposal_fees(&r.prop[0]) == 2,
	       "… the ¥2 of tax rounding on the bill booked on the slips (%lld)",
	       r.nprop ? (long long)match_proposal_fees(&r.prop[0]) : -1LL);
	sb_init(&why);
	if (r.nprop)
		match_explain(&r.prop[0], &d, &why);
	tap_ok(why.buf && strstr(why.buf, "合計請求書 of 2026-10-20 for ¥59,998") != NULL,
	       "… and the reason names the statement: %s", why.buf ? why.buf : "");
	sb_free(&why);

	d.amount = 59998 - 440; /* less a listed fee: still the statement */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && clears_statement(&r.prop[0]) && r.hold == MATCH_AUTO,
	       "the statement's total less a transfer fee: its slips, automatically (hold %d)",
	       r.hold);
	d = dep(59998);
	d.payer.payer_name = "ﾏﾙﾔﾏ ﾀﾛｳ"; /* its representative: named by the master only */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && clears_statement(&r.prop[0]) && r.hold == MATCH_AUTO,
	       "paid by its representative: the statement's slips still, automatically (hold %d)",
	       r.hold);
	d = dep(59998);
	d.date = tu_day("2026-10-20"); /* before it was issued: no evidence yet */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && !(r.prop[0].features & MATCH_F_BILLED),
	       "a deposit before the statement was issued does not use it");
	d.date = tu_day("2027-01-20"); /* its slips fell due two months before */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && !(r.prop[0].features & MATCH_F_BILLED),
	       "nor one long after its slips fell due (a disputed bill?)");
	match_index_free(ix);
}

/* A slip of the statement was paid in part since: the statement no longer
 * holds, the engine falls back and says so. */
static void
test_stale_statement(void)
{
	struct match_index *ix = billed_world(true, 1000);
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep(59998);
	struct strbuf why;
	bool billed = false;

	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, &r);
	for (int i = 0; i < r.nprop; i++)
		billed |= (r.prop[i].features & MATCH_F_BILLED) != 0;
	tap_ok(!billed, "a statement whose slip changed since is not evidence");
	tap_ok(r.nprop && r.prop[0].features & MATCH_F_BILL_STALE,
	       "… the proposals say it no longer holds");
	sb_init(&why);
	if (r.nprop)
		match_explain(&r.prop[0], &d, &why);
	tap_ok(why.buf && strstr(why.buf, "no longer holds") != NULL, "… in the reason: %s",
	       why.buf ? why.buf : "");
	sb_free(&why);

	/* within one run: the slips paid by an earlier deposit make it stale too */
	match_index_free(ix);
	ix = billed_world(true, 0);
	d.amount = 25000;
	match_deposit(ix, &cfg, &d, &r);
	for (int i = 0; i < r.nprop; i++)
		if (r.prop[i].nlines == 1 && r.prop[i].line[0].invoice_id == 3) {
			match_index_apply(ix, &r.prop[i]);
			break;
		}
	d.amount = 59998;
	match_deposit(ix, &cfg, &d, &r);
	billed = false;
	for (int i = 0; i < r.nprop; i++)
		billed |= (r.prop[i].features & MATCH_F_BILLED) != 0;
	tap_ok(!billed, "… nor once a deposit earlier in the run paid one of its slips");
	match_index_free(ix);
}

/* Two statements of the customer both billed the amount (a fixed monthly
 * order, one month disputed): neither is evidence, the usual rules for
 * identical invoices decide. */
static void
test_two_statements(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep(33000);
	bool billed = false;

	match_config_default(&cfg);
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_set_closing(ix, 7, 20);
	slip(ix, 1, "2026-09-10", "2026-10-10", 33000);
	slip(ix, 2, "2026-10-10", "2026-11-10", 33000);
	for (int k = 0; k < 2; k++) {
		match_index_add_bill(ix, 7, "JPY", tu_day(k ? "2026-10-20" : "2026-09-20"),
				     tu_day(k ? "2026-10-20" : "2026-09-20"), 33000, 33000);
		match_index_add_bill_slip(ix, 1 + k, 33000, true);
	}
	match_index_finish(ix);
	match_deposit(ix, &cfg, &d, &r);
	for (int i = 0; i < r.nprop; i++)
		billed |= (r.prop[i].features & MATCH_F_BILLED) != 0;
	tap_ok(!billed, "two statements of the amount: neither is evidence");
	match_index_free(ix);
}

/* Billed on the 25th, paid at the end of the next month: the 合計請求書 of
 * 10-25 carries September's bill (not due until 10-31) and adds October's
 * slips. September is paid on 10-31 by itself; on 11-30 the customer pays
 * the period's purchases the statement printed: October's slips. */
static void
test_period_purchases(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep(44000 - 1);
	struct strbuf why;

	match_config_default(&cfg);
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_set_closing(ix, 7, 25);
	slip(ix, 1, "2026-09-05", "2026-10-31", 50000); /* September's bill */
	slip(ix, 2, "2026-10-01", "2026-11-30", 33000);
	slip(ix, 3, "2026-10-20", "2026-11-30", 11000);
	slip(ix, 4, "2026-10-27", "2026-12-31", 77000); /* November's period */
	match_index_add_bill(ix, 7, "JPY", tu_day("2026-10-25"), tu_day("2026-10-26"),
			     50000 + 44000 - 1, 44000 - 1);
	match_index_add_bill_slip(ix, 1, 50000, false);
	match_index_add_bill_slip(ix, 2, 33000, true);
	match_index_add_bill_slip(ix, 3, 11000, true);
	match_index_finish(ix);
	d.amount = 50000; /* September paid on 10-31 */
	d.date = tu_day("2026-10-31");
	match_deposit(ix, &cfg, &d, &r);
	for (int i = 0; i < r.nprop; i++)
		if (r.prop[i].nlines == 1 && r.prop[i].line[0].invoice_id == 1) {
			match_index_apply(ix, &r.prop[i]);
			break;
		}
	d.amount = 44000 - 1;
	d.date = tu_day("2026-11-30");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && r.prop[0].features & MATCH_F_BILLED_PERIOD && r.prop[0].nlines == 2 &&
		       r.hold == MATCH_AUTO,
	       "the period's purchases the statement printed pay its own slips (hold %d)",
	       r.hold);
	sb_init(&why);
	if (r.nprop)
		match_explain(&r.prop[0], &d, &why);
	tap_ok(why.buf && strstr(why.buf, "今回お買上額") != NULL, "… and the reason says so: %s",
	       why.buf ? why.buf : "");
	sb_free(&why);
	match_index_free(ix);

	/* a fixed monthly order: August's ¥330,000 carried into September's
	 * statement may be what a late payment of ¥330,000 pays */
	ix = match_index_new();
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_set_closing(ix, 7, 31);
	slip(ix, 1, "2026-08-01", "2026-09-30", 330000);
	slip(ix, 2, "2026-09-01", "2026-10-31", 330000);
	match_index_add_bill(ix, 7, "JPY", tu_day("2026-09-30"), tu_day("2026-09-30"), 660000,
			     330000);
	match_index_add_bill_slip(ix, 1, 330000, false);
	match_index_add_bill_slip(ix, 2, 330000, true);
	match_index_finish(ix);
	d.amount = 330000 - 660;
	d.date = tu_day("2026-10-06");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && !(r.prop[0].features & MATCH_F_BILLED),
	       "the purchases equal to the bill carried in: no evidence (a month paid late?)");
	match_index_free(ix);

	/* … nor September's statement once October's slip of the same amount
	 * is open: the customer may pay October and dispute September */
	ix = match_index_new();
	tu_match_customer(ix, 7, "W1", "株式会社丸山食品", "マルヤマショクヒン");
	match_index_set_closing(ix, 7, 31);
	slip(ix, 2, "2026-09-01", "2026-10-31", 330000);
	slip(ix, 3, "2026-10-01", "2026-11-30", 330000);
	match_index_add_bill(ix, 7, "JPY", tu_day("2026-09-30"), tu_day("2026-09-30"), 330000,
			     330000);
	match_index_add_bill_slip(ix, 2, 330000, true);
	match_index_finish(ix);
	d.date = tu_day("2026-11-30");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && !(r.prop[0].features & MATCH_F_BILLED),
	       "a later slip of the same amount open: the statement is no evidence");
	match_index_free(ix);
}

/* Tax once per rate on the period total (適格請求書), rounded down: three
 * slips of ¥1,005, ¥1,015 and ¥1,025 with tax rounded per slip (¥306) bill
 * ¥304 of tax; a CNY statement or one of a customer without closing terms
 * bills its balance. */
static void
test_tax_on_total(void)
{
	char jpy[] = "JPY", cny[] = "CNY";
	struct statement s;

	memset(&s, 0, sizeof s);
	s.currency = jpy;
	s.closing = true;
	s.nrates = 2;
	s.rates[0] = (struct stmt_rate){ 10, 3045 + 306, 306 };
	s.rates[1] = (struct stmt_rate){ 8, 1080 - 500 - 40 + 0, 80 - 40 }; /* a return netted */
	s.sales = s.rates[0].amount + s.rates[1].amount;
	s.tax = 306 + 40;
	s.current = 5000 + s.sales;
	stmt_tax_on_total(&s);
	tap_ok(s.rates[0].tax == 304 && s.rates[1].tax == 40 && s.tax_rounding == -2,
	       "tax on the period total per rate: ¥304 and ¥40, ¥2 less than the slips' (%lld)",
	       (long long)s.tax_rounding);
	tap_ok(s.billed == s.current - 2 && s.sales == 3349 + 540 && s.tax == 344,
	       "… the billed total is the balance less those ¥2 (%lld)", (long long)s.billed);
	s.currency = cny;
	s.rates[0] = (struct stmt_rate){ 13, 11300 + 13, 1313 };
	stmt_tax_on_total(&s);
	tap_ok(s.tax_rounding == 0 && s.billed == s.current, "a CNY statement bills its balance");
	s.currency = jpy;
	s.closing = false;
	stmt_tax_on_total(&s);
	tap_ok(s.tax_rounding == 0 && s.billed == s.current,
	       "so does a statement of a customer without closing terms");
}

/* A payment agent (一括決済) confirmed for two customers pays one of them:
 * the total of the 合計請求書 issued to 丸山食品, less the agent's fee,
 * says which — matched automatically; held again when the other
 * customer's open invoices add up to the amount as well. */
static void
test_agent_paid_statement(void)
{
	struct match_alias a7 = { "サクラダイコウ", "", "", "", 7, 1 };
	struct match_alias a8 = { "サクラダイコウ", "", "", "", 8, 1 };
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = dep(59998 - 660);

	match_config_default(&cfg);
	d.payer.payer_name = "ｻｸﾗﾀﾞｲｺｳ";
	for (int other_fits = 0; other_fits < 2; other_fits++) {
		struct match_index *ix = match_index_new();

		billed_customer(ix, true, 0);
		tu_match_customer(ix, 8, "W2", "株式会社青木商店", "アオキショウテン");
		match_index_add_invoice(ix, 81, "A-81", 8, tu_day("2026-10-10"),
					tu_day("2026-11-10"), other_fits ? 59998 - 660 : 41800, "JPY");
		match_index_add_alias(ix, &a7);
		match_index_add_alias(ix, &a8);
		match_index_finish(ix);
		match_deposit(ix, &cfg, &d, &r);
		if (!other_fits)
			tap_ok(r.nprop && clears_statement(&r.prop[0]) && r.hold == MATCH_AUTO,
			       "an agent paying for two customers: the statement it pays says "
			       "which, automatically (hold %d)", r.hold);
		else
			tap_is_int(r.hold, MATCH_HOLD_CONFLICT,
				   "… held when the other customer's invoice fits the amount too");
		match_index_free(ix);
	}
}

/* Customer id (code W<id>) billed for the period to 10-20 on one slip
 * (invoice id * 10) of total; the slip open now by total - paid. */
static void
billed_other(struct match_index *ix, int64_t id, int64_t total, int64_t paid)
{
	char code[16], name[48];

	snprintf(code, sizeof code, "W%d", (int)id);
	snprintf(name, sizeof name, "株式会社商店%d", (int)id);
	tu_match_customer(ix, id, code, name, "ショウテン");
	match_index_set_closing(ix, id, 20);
	match_index_add_invoice(ix, id * 10, "S", id, tu_day("2026-10-10"), tu_day("2026-11-10"),
				total - paid, "JPY");
	match_index_add_bill(ix, id, "JPY", tu_day("2026-10-20"), tu_day("2026-10-21"), total,
			     total);
	match_index_add_bill_slip(ix, id * 10, total, true);
}

static int
lines_of(const struct match_proposal *p, int64_t customer)
{
	int n = 0;

	for (int i = 0; i < p->nlines; i++)
		n += match_line_customer(p, i) == customer;
	return n;
}

/* The agent's transfer with others (customers 9…) billed the same as
 * customer 8, customer 8 paid 1 yen since when stale, and a crowd of
 * customers (from 100) billed ¥48,100, ¥48,125, …: every two of them
 * about the amount, none exactly. */
static struct match_index *agent_ix; /* the last agent_first's: its proposals' lines */

static void
agent_first_from(const char *payer, int others, int crowd, bool stale, struct match_result *r,
		 struct strbuf *why)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_deposit d = dep(59998 + 41800 - 660);

	d.payer.payer_name = payer;
	billed_customer(ix, true, 0);
	billed_other(ix, 8, 41800, stale);
	for (int i = 0; i < others; i++)
		billed_other(ix, 9 + i, 41800, 0);
	for (int i = 0; i < crowd; i++)
		billed_other(ix, 100 + i, 48100 + 25 * i, 0);
	match_index_finish(ix);
	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, r);
	sb_init(why);
	if (r->nprop)
		match_explain(&r->prop[0], &d, why);
	if (agent_ix)
		match_index_free(agent_ix);
	agent_ix = ix;
}

static void
agent_first(int others, int crowd, bool stale, struct match_result *r, struct strbuf *why)
{
	agent_first_from("ｻｸﾗｼﾕｳﾉｳﾀﾞｲｺｳ(ｶ", others, crowd, stale, r, why);
}

/* A payer nobody knows pays 丸山食品's statement and another customer's
 * at once, less a fee: proposed (never automatically) as one transfer
 * for both, every slip of both statements; a second set of statements
 * that adds up as well is proposed too, more than three are no evidence,
 * and a statement paid since is not used. */
static void
test_agent_first_transfer(void)
{
	struct match_result r;
	struct strbuf why;

	agent_first(0, 0, false, &r, &why);
	tap_ok(r.nprop && r.prop[0].nlines == 5 && r.prop[0].features & MATCH_F_SEVERAL &&
		       lines_of(&r.prop[0], 7) == 4 && lines_of(&r.prop[0], 8) == 1 &&
		       match_proposal_fees(&r.prop[0]) == 662,
	       "an unknown payer's transfer: both customers' statements, all 5 slips, fee ¥660 "
	       "and ¥2 of tax rounding on the bill booked");
	tap_ok(r.hold != MATCH_AUTO, "… held for a clerk (hold %d)", r.hold);
	tap_ok(why.buf && strstr(why.buf, "not known to any of these customers") &&
		       strstr(why.buf, "no other set of 2 statements adds up") &&
		       strstr(why.buf, "= ¥101,800 − tax rounding on the bills ¥2 − fee ¥660"),
	       "… and the reason says the amount is the only evidence: %s", why.buf ? why.buf : "");
	sb_free(&why);
	agent_first(1, 0, false, &r, &why);
	tap_ok(r.nprop == 2 && why.buf && strstr(why.buf, "2 sets of 2 statements add up"),
	       "another customer billed the same: both sets proposed (%d): %s", r.nprop,
	       why.buf ? why.buf : "");
	sb_free(&why);
	agent_first(3, 0, false, &r, &why);
	tap_is_int(r.nprop, 0, "four sets adding up: a coincidence, nothing proposed");
	sb_free(&why);
	agent_first(0, 0, true, &r, &why);
	tap_is_int(r.nprop, 0, "a statement paid since is not used");
	sb_free(&why);
	agent_first(0, 4, false, &r, &why);
	tap_ok(r.nprop == 1, "four more statements, none two adding up: still proposed (%d)", r.nprop);
	sb_free(&why);
	agent_first(0, 40, false, &r, &why);
	tap_is_int(r.nprop, 0, "forty, 780 pairs about the amount: the one adding up exactly is "
		   "likely chance, nothing proposed");
	sb_free(&why);
	agent_first(0, 12, false, &r, &why);
	tap_ok(r.nprop == 1, "twelve, 66 pairs about the amount: a coincidence about 1 in 7, "
	       "proposed for a payer named 収納代行 (%d)", r.nprop);
	sb_free(&why);
	agent_first_from("ｱｵﾊﾞｺｳｻﾝ(ｶ", 0, 12, false, &r, &why);
	tap_is_int(r.nprop, 0, "… but not for a payer whose name says nothing of an agent");
	sb_free(&why);
	agent_first_from("ｱｵﾊﾞｺｳｻﾝ(ｶ", 0, 0, false, &r, &why);
	tap_ok(r.nprop == 1, "… who is still proposed the one set when few sums are near (%d)",
	       r.nprop);
	sb_free(&why);
	tap_ok(match_agent_named("ｶ)ｼﾞﾔﾊﾟﾝﾍﾟｲﾒﾝﾄｻ-ﾋﾞｽ") && match_agent_named("ｲｯｶﾂｹｯｻｲ(ｶ") &&
		       match_agent_named("ﾐﾂﾋﾞｼﾌｱｸﾀ-(ｶ") && match_agent_named("支付宝（中国）网络技术有限公司") &&
		       !match_agent_named("ﾀﾞｲｺｳｼﾖｳｼﾞ(ｶ") && !match_agent_named(NULL),
	       "agents known by name: ペイメント, 一括決済, ファクター, 支付; not 大興商事 (ダイコウ)");
	match_index_free(agent_ix);
	agent_ix = NULL;
}

TAP_SUITE(match_billed)
{
	test_statement_beats_coincidence();
	test_stale_statement();
	test_two_statements();
	test_period_purchases();
	test_tax_on_total();
	test_agent_paid_statement();
	test_agent_first_transfer();
}
