/* test_match: the matching engine on hand-made indexes — candidate routes
 * (name exact, cut short, similar, alias, conflict, payer code, virtual
 * account, EDI), amount fits (exact, fee, subset sum, rounding, partial,
 * over-payment), amount-only proposals among all customers, ties, the
 * auto rule's safety and the explanations, with hand-computed scores.
 * Learned habits: test_match_habits.c; sets of one customer's invoices:
 * test_match_sets.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "match.h"
#include "tap.h"
#include "testutil.h"

/* A small world: 山田商事 (two open invoices), 鈴木工業 (three), a
 * 有限会社 twin of 田中商店 and a 株式会社 one, 佐藤物産 with a virtual
 * account, and an alias. */
static struct match_index *
world(void)
{
	struct match_index *ix = match_index_new();
	struct match_alias al = { "ヤマダタロウ", "", "", "", 1, 7 };

	tu_match_customer(ix, 1, "C1", "株式会社山田商事", "カ)ヤマダショウジ");
	tu_match_customer(ix, 2, "C2", "有限会社鈴木工業", "ユウゲンガイシャ スズキコウギョウ");
	tu_match_customer(ix, 3, "C3", "有限会社田中商店", "タナカショウテン(ユ");
	tu_match_customer(ix, 4, "C4", "株式会社田中商店", "タナカショウテン(カ");
	tu_match_customer(ix, 5, "C5", "佐藤物産株式会社", "サトウブッサン");
	tu_match_customer(ix, 6, "C6", "株式会社東京エンジニアリング", "トウキョウエンジニアリング");
	tu_match_inv(ix, 11, "INV-0042", 1, "2026-01-10", 110000);
	tu_match_inv(ix, 12, "INV-0050", 1, "2026-01-20", 55000);
	tu_match_inv(ix, 21, "S-1", 2, "2026-01-05", 100000);
	tu_match_inv(ix, 22, "S-2", 2, "2026-01-15", 200000);
	tu_match_inv(ix, 23, "S-3", 2, "2026-01-25", 330000);
	tu_match_inv(ix, 31, "T-1", 3, "2026-01-10", 77000);
	tu_match_inv(ix, 41, "T-9", 4, "2026-01-10", 77000);
	tu_match_inv(ix, 51, "B-2", 5, "2026-02-10", 88000); /* inserted first, issued later */
	tu_match_inv(ix, 52, "B-1", 5, "2026-01-10", 88000);
	tu_match_inv(ix, 61, "E-7", 6, "2026-01-10", 123456);
	match_index_add_alias(ix, &al);
	match_index_add_virtual(ix, "9000005", 5);
	match_index_finish(ix);
	return ix;
}

/* A holding company with nothing open pays both its subsidiaries' bills
 * due now in one transfer: proposed for both, never taken alone. */
static void
test_parent_pays_two(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｶ)ｱｵﾊﾞﾎ-ﾙﾃﾞｲﾝｸﾞｽ", 75000);
	struct strbuf e;

	tu_match_customer(ix, 1, "H", "株式会社青葉ホールディングス", "アオバホールディングス");
	tu_match_customer(ix, 2, "A", "株式会社青葉商事", "アオバショウジ");
	tu_match_customer(ix, 3, "B", "株式会社青葉運輸", "アオバウンユ");
	match_index_add_payers(ix, 2, "H", NULL);
	match_index_add_payers(ix, 3, "H", NULL);
	tu_match_slip(ix, 21, "A-1", 2, "2026-01-31", "2026-02-28", 30000);
	tu_match_slip(ix, 31, "B-1", 3, "2026-01-31", "2026-02-28", 45000);
	match_index_finish(ix);
	match_config_default(&cfg);
	sb_init(&e);
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop && r.prop[0].features & MATCH_F_SEVERAL && r.prop[0].nlines == 2,
	       "the parent's transfer: both subsidiaries' bills proposed together");
	tap_is_int(r.hold, MATCH_HOLD_CONFLICT, "… for a clerk to confirm");
	match_explain(&r.prop[0], &d, &e);
	tap_ok(strstr(e.buf, "; one transfer for several customers: A, B") != NULL,
	       "… and says so, by code: %s", e.buf);
	sb_free(&e);
	match_index_free(ix);
}

struct fit_case {
	const char *payer;
	int64_t amount;
	enum match_fit fit;
	const char *code;   /* customer of the best proposal */
	int nlines;
	const char *first;  /* first invoice cleared */
	int64_t on_account;
	int score;
	enum match_hold hold;
};

static const struct fit_case fit_cases[] = {
	/* name exact 60 + exact 35 + due 2026-02-09, paid 02-12: near, 3 */
	{ "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 110000, MATCH_FIT_EXACT, "C1", 1, "INV-0042", 0, 98, MATCH_AUTO },
	/* name 60 + fee 30 + due near 3 */
	{ "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ", 109560, MATCH_FIT_FEE, "C1", 1, "INV-0042", 0, 93, MATCH_AUTO },
	/* 200,000 + 330,000 = 530,000: sum 30 */
	{ "ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 530000, MATCH_FIT_SUM, "C2", 2, "S-2", 0, 90, MATCH_AUTO },
	/* 100,000 + 200,000 − 660 fee: sum minus fee 27 */
	{ "ｽｽﾞｷｺｳｷﾞﾖｳ(ﾕ", 299340, MATCH_FIT_SUM_FEE, "C2", 2, "S-1", 0, 87, MATCH_AUTO },
	/* less than the oldest: partial 8, held */
	{ "ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 40000, MATCH_FIT_PARTIAL, "C2", 1, "S-1", 0, 68, MATCH_HOLD_AMOUNT },
	/* more than everything open: over 8, 5,000 on account */
	{ "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 170000, MATCH_FIT_OVER, "C1", 2, "INV-0042", 5000, 68,
	  MATCH_HOLD_AMOUNT },
	/* identical amounts: the oldest (B-1), though inserted second; VA 80
	 * + exact 35 + due near 3 */
	{ "ﾀﾞﾚｶ", 88000, MATCH_FIT_EXACT, "C5", 1, "B-1", 0, 118, MATCH_AUTO },
	/* the 株式会社 twin: shared 50 + same type 10 + exact 35 + due near 3 */
	{ "ﾀﾅｶｼﾖｳﾃﾝ(ｶ", 77000, MATCH_FIT_EXACT, "C4", 1, "T-9", 0, 98, MATCH_AUTO },
	/* learned alias (7×): 55 + 15 + exact 35 + due near 3 */
	{ "ﾔﾏﾀﾞ ﾀﾛｳ", 55000, MATCH_FIT_EXACT, "C1", 1, "INV-0050", 0, 108, MATCH_AUTO },
	/* amount alone, only C6 has 123,456: unique 30 + exact 35 + due
	 * near 3; held */
	{ "ｽｽﾞｷ ﾊﾅｺ", 123456, MATCH_FIT_EXACT, "C6", 1, "E-7", 0, 68, MATCH_HOLD_NO_PAYER },
	/* amount alone, 77,000 − 440 fits C3's T-1 and C4's T-9: few 20 +
	 * fee 30 + due near 3; the tie goes to the lower invoice id */
	{ "ﾜﾀﾅﾍﾞ ｲﾁﾛｳ", 76560, MATCH_FIT_FEE, "C3", 1, "T-1", 0, 53, MATCH_HOLD_NO_PAYER },
	/* amount alone, the oldest two of C2 (S-1 + S-2): unique 30 + sum 30 */
	{ "ﾜﾀﾅﾍﾞ ｲﾁﾛｳ", 300000, MATCH_FIT_SUM, "C2", 2, "S-1", 0, 60, MATCH_HOLD_NO_PAYER },
	/* not a customer, no amount: nothing */
	{ "ｺｸｾﾞｲｷﾖｸ", 9999, MATCH_FIT_NONE, NULL, 0, NULL, 0, 0, MATCH_HOLD_NOTHING },
	/* name cut at 26 (spelled-out form) with the last ﾞ lost: prefix 55
	 * + exact 35 + due near 3 */
	{ "ｶﾌﾞｼｷｶﾞｲｼﾔ ﾄｳｷﾖｳｴﾝｼﾞﾆｱﾘﾝｸ", 123456, MATCH_FIT_EXACT, "C6", 1, "E-7", 0, 93,
	  MATCH_AUTO },
};

static void
test_fits(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;

	match_config_default(&cfg);
	for (size_t i = 0; i < sizeof fit_cases / sizeof fit_cases[0]; i++) {
		const struct fit_case *c = &fit_cases[i];
		struct match_deposit d = tu_match_dep(c->payer, c->amount);

		if (strcmp(c->payer, "ﾀﾞﾚｶ") == 0)
			d.payer.acct_number = "9000005";
		match_deposit(ix, &cfg, &d, &r);
		tap_is_int(r.hold, c->hold, "%s %lld: hold", c->payer, (long long)c->amount);
		if (!c->code) {
			tap_is_int(r.nprop, 0, "%s: no proposal", c->payer);
			continue;
		}
		tap_is_str(r.prop[0].customer_code, c->code, "%s: customer", c->payer);
		tap_is_int(r.prop[0].fit, c->fit, "%s: fit %s", c->payer,
			   match_fit_name(r.prop[0].fit));
		tap_is_int(r.prop[0].nlines, c->nlines, "%s: lines", c->payer);
		tap_is_str(r.prop[0].line[0].number, c->first, "%s: first invoice", c->payer);
		tap_is_int(r.prop[0].on_account, c->on_account, "%s: on account", c->payer);
		tap_is_int(r.prop[0].score, c->score, "%s: score", c->payer);
	}
	match_index_free(ix);
}

static void
test_explain(void)
{
	struct match_index *ix = world();
	struct match_deposit d = tu_match_dep("ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ", 109560);
	struct match_config cfg;
	struct match_result r;
	struct strbuf e;

	match_config_default(&cfg);
	sb_init(&e);
	match_deposit(ix, &cfg, &d, &r);
	match_explain(&r.prop[0], &d, &e);
	tap_is_str(e.buf, "payer ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ = 株式会社山田商事; amount = INV-0042 − fee ¥440, "
			  "paid near the due date; score 93", "fee explanation");
	d = tu_match_dep("ﾔﾏﾀﾞ ﾀﾛｳ", 55000);
	match_deposit(ix, &cfg, &d, &r);
	sb_reset(&e);
	match_explain(&r.prop[0], &d, &e);
	tap_is_str(e.buf, "payer ﾔﾏﾀﾞ ﾀﾛｳ = 株式会社山田商事 (alias, confirmed 7×); amount = "
			  "INV-0050, paid near the due date; score 108", "alias explanation");
	d = tu_match_dep("ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 170000);
	match_deposit(ix, &cfg, &d, &r);
	sb_reset(&e);
	match_explain(&r.prop[0], &d, &e);
	tap_is_str(e.buf, "payer ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ = 株式会社山田商事; over-payment: INV-0042 + INV-0050"
			  " + ¥5,000 on account; score 68", "over-payment explanation");
	d = tu_match_dep("ｶ)ﾔﾏﾀﾞ\x1b[2Jｼﾖｳｼﾞ", 1);
	match_deposit(ix, &cfg, &d, &r);
	sb_reset(&e);
	if (r.nprop)
		match_explain(&r.prop[0], &d, &e);
	tap_ok(strchr(e.buf, '\x1b') == NULL, "an escape in the payer name is never echoed");
	tap_is_str(match_hold_text(MATCH_HOLD_NO_PAYER),
		   "only the amount fits: the payer is not known", "hold text");
	sb_free(&e);
	match_index_free(ix);
}

/* Safety of the auto rule: ambiguity is held, never guessed. */
static void
test_safety(void)
{
	struct match_index *ix = match_index_new();
	struct match_alias a1 = { "ホクトホルデイングス", "", "", "", 1, 3 };
	struct match_alias a2 = { "ホクトホルデイングス", "", "", "", 2, 2 };
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d;
	struct strbuf e;

	tu_match_customer(ix, 1, "K1", "株式会社北斗製作所", "ホクトセイサクショ");
	tu_match_customer(ix, 2, "K2", "株式会社北斗物産", "ホクトブッサン");
	tu_match_customer(ix, 3, "K3", "株式会社青葉", "アオバ");
	tu_match_customer(ix, 4, "K4", "有限会社青葉", "アオバ");
	tu_match_customer(ix, 5, "K5", "株式会社光", "ヒカリ");
	tu_match_inv(ix, 1, "K1-1", 1, "2026-01-10", 50000);
	tu_match_inv(ix, 2, "K2-1", 2, "2026-01-10", 60000);
	tu_match_inv(ix, 3, "K3-1", 3, "2026-01-10", 70000);
	tu_match_inv(ix, 4, "K4-1", 4, "2026-01-10", 70000);
	tu_match_inv(ix, 5, "K5-1", 5, "2026-01-10", 80440);
	tu_match_inv(ix, 6, "K5-2", 5, "2026-01-12", 80220);
	match_index_add_alias(ix, &a1);
	match_index_add_alias(ix, &a2);
	match_index_finish(ix);
	match_config_default(&cfg);
	sb_init(&e);

	d = tu_match_dep("ｶ)ﾎｸﾄﾎ-ﾙﾃﾞｲﾝｸﾞｽ", 50000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_CONFLICT, "an alias of two customers is held");
	tap_ok(r.prop[0].features & MATCH_F_CONFLICT, "the proposal carries the conflict");
	match_explain(&r.prop[0], &d, &e);
	tap_ok(strstr(e.buf, "CONFLICT") != NULL, "and says so: %s", e.buf);

	d = tu_match_dep("ｱｵﾊﾞ", 70000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_CLOSE, "two customers of one name, same amount: held");
	tap_is_int(r.runner_up, r.prop[0].score, "the runner-up scores the same");

	d = tu_match_dep("ﾜﾀﾅﾍﾞ ｲﾁﾛｳ", 60000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_NO_PAYER, "amount alone never matches across customers");
	tap_is_str(r.prop[0].customer_code, "K2", "but it is proposed");
	tap_ok(r.prop[0].features & MATCH_F_AMOUNT_ONLY, "as amount only");

	d = tu_match_dep("ｶ)ﾋｶﾘ", 80000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_AMBIGUOUS, "fee 440 on one invoice or 220 on another: held");

	cfg.threshold = 200;
	d = tu_match_dep("ｶ)ﾎｸﾄｾｲｻｸｼﾖ", 50000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_LOW_SCORE, "the threshold is a setting");
	match_config_default(&cfg);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "default threshold: matched");
	match_index_apply(ix, &r.prop[0]);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold != MATCH_AUTO, "after applying it, the same money does not clear it again");

	cfg.tolerance = 2;
	d = tu_match_dep("ｶ)ﾎｸﾄﾌﾞﾂｻﾝ", 59999);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.prop[0].fit, MATCH_FIT_ROUNDING, "within the rounding tolerance");
	tap_is_int(r.prop[0].line[0].fee, 1, "the yen absorbed");
	sb_free(&e);
	match_index_free(ix);
}

/* Amount-only proposals among all customers: how unique the amount is,
 * the combination of a customer's oldest invoices, and their place among
 * the first three when a similar name does not fit the amount. */
static void
test_amount_only(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d;
	struct strbuf e;
	int k;

	match_config_default(&cfg);
	sb_init(&e);
	d = tu_match_dep("ﾜﾀﾅﾍﾞ ｲﾁﾛｳ", 76560);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.nprop, 2, "77,000 − fee: two proposals");
	tap_is_str(r.prop[1].customer_code, "C4", "the other customer second");
	tap_is_int(r.prop[1].score, 53, "at the same score");
	tap_is_int(r.prop[0].amount_peers, 2, "two customers fit the amount");
	match_explain(&r.prop[0], &d, &e);
	tap_is_str(e.buf, "amount only: payer ﾜﾀﾅﾍﾞ ｲﾁﾛｳ is not known as 有限会社田中商店; "
			  "amount = T-1 − fee ¥440, paid near the due date; the amount fits 2 "
			  "customers; score 53", "explained with the number of customers");
	d = tu_match_dep("ｽｽﾞｷ ﾊﾅｺ", 123456);
	match_deposit(ix, &cfg, &d, &r);
	sb_reset(&e);
	match_explain(&r.prop[0], &d, &e);
	tap_ok(strstr(e.buf, "; the only customer the amount fits; score 68") != NULL,
	       "unique: %s", e.buf);
	d = tu_match_dep("ﾜﾀﾅﾍﾞ ｲﾁﾛｳ", 330000);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop == 1 && r.prop[0].fit == MATCH_FIT_EXACT, "S-3 alone is one invoice");
	d = tu_match_dep("ﾜﾀﾅﾍﾞ ｲﾁﾛｳ", 530000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.nprop, 0, "S-2 + S-3 (not the oldest) is no amount-only candidate");
	/* a similar name (a dropped letter) whose amount does not fit: 70 ×
	 * similarity − 15 + partial 8 ranks below the unique amount */
	d = tu_match_dep("ﾕ)ｽｽﾞｷｺｷﾞﾖｳ", 123456);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_str(r.prop[0].customer_code, "C6", "the unique amount first");
	tap_ok(r.prop[1].features & MATCH_F_NAME_FUZZY, "the similar name second");
	tap_is_int(r.prop[1].score, 70 * r.prop[1].similarity / 100 - 15 + 8,
		   "weak name score (similarity %d%%)", r.prop[1].similarity);
	tap_is_int(r.hold, MATCH_HOLD_NO_PAYER, "held");
	/* a named customer always outranks it, yet it shows third */
	d = tu_match_dep("ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 123456);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_str(r.prop[0].customer_code, "C2", "the named customer first");
	for (k = 0; k < 3 && k < r.nprop && strcmp(r.prop[k].customer_code, "C6") != 0; k++)
		;
	tap_ok(k < 3 && k < r.nprop, "the amount-only proposal among the first three (%d)",
	       k + 1);
	sb_free(&e);
	match_index_free(ix);
}

/* A partial payment: the oldest invoice first, the next one as the
 * alternative (another deposit may be paying the oldest). */
static void
test_partial_next(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 40000);
	struct strbuf e;

	match_config_default(&cfg);
	sb_init(&e);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.nprop >= 2, "two proposals");
	tap_is_str(r.prop[0].line[0].number, "S-1", "part of the oldest first");
	tap_is_int(r.prop[1].fit, MATCH_FIT_PARTIAL, "then a partial");
	tap_is_str(r.prop[1].line[0].number, "S-2", "of the next oldest");
	tap_is_int(r.prop[1].line[0].cleared, 40000, "for the whole deposit");
	tap_ok(!(r.prop[0].features & MATCH_F_SKIPS_OLDEST) &&
	       r.prop[1].features & MATCH_F_SKIPS_OLDEST, "marked as skipping the oldest");
	match_explain(&r.prop[1], &d, &e);
	tap_is_str(e.buf, "payer ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ = 有限会社鈴木工業; the oldest left open: part of "
			  "S-2 (¥40,000), the rest stays open; score 68", "and explained so");
	d = tu_match_dep("ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 150000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.prop[0].nlines, 2, "S-1 whole and part of S-2");
	tap_ok(r.nprop < 2 || r.prop[1].fit != MATCH_FIT_PARTIAL,
	       "no alternative once the oldest is cleared whole");
	sb_free(&e);
	match_index_free(ix);
}

static void
test_routes(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d;

	match_config_default(&cfg);
	d = tu_match_dep("ﾌﾘｺﾐ", 55000);
	d.payer.edi = "INV-0050 ﾌﾞﾝ";
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "EDI names the invoice: matched");
	tap_ok(r.prop[0].features & MATCH_F_EDI, "EDI feature");
	tap_is_int(r.prop[0].score, 60 + 25 + 35 + 3, "EDI score");

	d = tu_match_dep("ｶ)ﾄｳｷﾖｳｴﾝｼﾞﾆｱﾘﾝｸﾞ", 123456);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.prop[0].features & MATCH_F_NAME_EXACT, "long names match exactly when whole");

	d = tu_match_dep("ｶ)ﾄｳｷﾖｳｴﾝｼﾞﾆｱﾘﾝｸﾞｽ", 123456);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.prop[0].features & MATCH_F_NAME_PREFIX, "extra letters after the name");

	d = tu_match_dep("ｶ)ﾄｳｷﾖｴﾝｼﾞﾆｱﾘﾝｸﾞ", 123456);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.prop[0].features & MATCH_F_NAME_FUZZY, "a dropped letter: similar names");
	tap_ok(r.prop[0].similarity >= 70 && r.prop[0].similarity < 100, "similarity %d%%",
	       r.prop[0].similarity);

	d = tu_match_dep("ｲﾘﾖｳﾎｳｼﾞﾝ ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_str(r.prop[0].customer_code, "C5", "a legal form folding left in front");
	match_index_free(ix);
}

/* Identical open amounts (the same bill every month): the invoice due
 * nearest the deposit (here also the oldest) first, the other one
 * proposed too, ranked below it. */
static void
test_ties(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	struct strbuf e;

	match_config_default(&cfg);
	sb_init(&e);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "a tie of identical amounts goes to the oldest");
	tap_is_str(r.prop[0].line[0].number, "B-1", "… B-1, issued first");
	tap_is_int(r.prop[0].score, 60 + 35 + 3, "… scored as usual");
	tap_ok(r.nprop >= 2 && strcmp(r.prop[1].line[0].number, "B-2") == 0 &&
	       r.prop[1].fit == MATCH_FIT_EXACT, "the later invoice of that amount is proposed too");
	tap_is_int(r.prop[1].score, 60 + 35 - 5, "… 5 below, never near-due");
	tap_is_int(r.prop[1].features & (MATCH_F_TIE_LATER | MATCH_F_DUE_NEAR), MATCH_F_TIE_LATER,
		   "… marked as the later of a tie");
	match_explain(&r.prop[1], &d, &e);
	tap_is_str(e.buf, "payer ｻﾄｳﾌﾞﾂｻﾝ = 佐藤物産株式会社; amount = B-2, the same amount as the "
			  "invoice due nearer the deposit; score 90", "… and explained so");
	d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 87560);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "minus a fee: the oldest too");
	tap_ok(r.nprop >= 2 && strcmp(r.prop[0].line[0].number, "B-1") == 0 &&
	       strcmp(r.prop[1].line[0].number, "B-2") == 0 && r.prop[1].line[0].fee == 440 &&
	       r.prop[1].score == 60 + 30 - 5, "… and the later one − fee ¥440 next (85)");
	d = tu_match_dep("ｺｸｾﾞｲｷﾖｸ", 88000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_NO_PAYER, "amount alone: held");
	match_index_hold(ix, &r);
	d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "… which claims nothing: the tie still goes to the oldest");
	sb_free(&e);
	match_index_free(ix);
}

/* One customer (a representative's payment, or a learned discount) with
 * invoices whose ids make different sets look alike to a careless
 * comparison; a deposit two sets fit; a fee larger than any slip. */
static struct match_index *
ambiguous_world(void)
{
	struct match_index *ix = match_index_new();

	tu_match_customer(ix, 9, "D1", "株式会社大野商事", "オオノショウジ");
	match_index_add_payers(ix, 9, NULL, "オオノタロウ");
	match_index_set_closing(ix, 9, 31);
	/* period of January: 102 + 103 + 107 = 100,000; and 101 + 105 + 106 too */
	tu_match_slip(ix, 101, "X-101", 9, "2025-12-05", "2026-01-31", 20000);
	tu_match_slip(ix, 105, "X-105", 9, "2025-12-06", "2026-01-31", 30000);
	tu_match_slip(ix, 106, "X-106", 9, "2025-12-07", "2026-01-31", 50000);
	tu_match_slip(ix, 102, "X-102", 9, "2026-01-05", "2026-02-28", 70000);
	tu_match_slip(ix, 103, "X-103", 9, "2026-01-06", "2026-02-28", -10000);
	tu_match_slip(ix, 107, "X-107", 9, "2026-01-07", "2026-02-28", 40000);
	match_index_finish(ix);
	return ix;
}

static void
test_lookalike_sets(void)
{
	struct match_index *ix = ambiguous_world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｵｵﾉ ﾀﾛｳ", 100000);

	match_config_default(&cfg);
	d.date = tu_day("2026-02-27");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold != MATCH_AUTO, "a representative's 100,000: the January period and another "
				    "set both fit, so it is held (%d)", r.hold);
	match_index_free(ix);
}

/* A fixed monthly fee with an older unpaid month (a dispute): the deposit
 * pays the invoice due that week, by the customer's usual lateness; when
 * the dates do not tell, or the lateness is not known yet, it is held;
 * allocation-order = oldest keeps the oldest-first rule. */
static void
test_tie_dates(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	struct strbuf e;

	match_config_default(&cfg);
	sb_init(&e);
	d.date = tu_day("2026-03-13"); /* B-2 due 03-12, B-1 due 02-09 */
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_HOLD_AMBIGUOUS && strcmp(r.prop[0].line[0].number, "B-2") == 0,
	       "lateness not yet known: B-2 proposed, held");
	d.date = tu_day("2026-02-20");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && strcmp(r.prop[0].line[0].number, "B-1") == 0,
	       "11 days after B-1 fell due, B-2 not due for 20: B-1 by either order, matched");
	d.date = tu_day("2026-03-13");
	match_index_set_lateness(ix, 5, 0, 4);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "pays on time: paid the day after B-2's due date: matched");
	tap_is_str(r.prop[0].line[0].number, "B-2", "… to B-2, not the older B-1");
	tap_ok(r.prop[0].features & MATCH_F_OLDER_SAME, "… the older one noted");
	match_explain(&r.prop[0], &d, &e);
	tap_ok(strstr(e.buf, "an older open invoice of the same amount, due 1 month ago: "
			     "a dispute?") != NULL, "… and explained: %s", e.buf);
	d.date = tu_day("2026-02-25");
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_AMBIGUOUS, "half-way between the due dates: held");
	cfg.oldest_first = true;
	d.date = tu_day("2026-03-13");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && strcmp(r.prop[0].line[0].number, "B-1") == 0,
	       "allocation-order = oldest: B-1");
	cfg.oldest_first = false;
	match_index_set_lateness(ix, 5, 30, 6);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && strcmp(r.prop[0].line[0].number, "B-1") == 0,
	       "a customer who pays a month late: B-1");
	sb_free(&e);
	match_index_free(ix);
}

/* A deposit held earlier in the run (match_index_hold) may be paying the
 * oldest of a tie: the other invoice first, and never automatically. */
static void
test_held_tie(void)
{
	struct match_index *ix = world();
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 30000);
	struct strbuf e;

	match_config_default(&cfg);
	sb_init(&e);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_HOLD_AMOUNT && strcmp(r.prop[0].line[0].number, "B-1") == 0,
	       "a partial payment of B-1 is held");
	match_index_hold(ix, &r);
	d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_HOLD_HELD_OTHER, "then the full amount of the tie is held");
	tap_is_str(match_hold_text(r.hold), "a deposit held earlier may pay the same invoices",
		   "… saying why");
	tap_is_str(r.prop[0].line[0].number, "B-2", "… B-2 first (60 + 35, not near-due)");
	tap_is_int(r.prop[0].score, 95, "… 95");
	tap_ok(r.nprop >= 2 && strcmp(r.prop[1].line[0].number, "B-1") == 0 &&
	       r.prop[1].features & MATCH_F_TIE_LATER && r.prop[1].score == 90,
	       "… B-1 next (90)");
	match_explain(&r.prop[0], &d, &e);
	tap_is_str(e.buf, "payer ｻﾄｳﾌﾞﾂｻﾝ = 佐藤物産株式会社; amount = B-2; a deposit held "
			  "earlier may be paying an invoice of this amount; score 95", "explained");
	d = tu_match_dep("ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 40000);
	match_deposit(ix, &cfg, &d, &r);
	match_index_hold(ix, &r);
	d = tu_match_dep("ﾕ)ｽｽﾞｷｺｳｷﾞﾖｳ", 100000);
	match_deposit(ix, &cfg, &d, &r);
	tap_is_int(r.hold, MATCH_AUTO, "without a tie a held partial changes nothing");
	match_index_apply(ix, &r.prop[0]);
	d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	match_deposit(ix, &cfg, &d, &r);
	match_index_apply(ix, &r.prop[0]);
	match_index_hold(ix, &r);
	d = tu_match_dep("ｻﾄｳﾌﾞﾂｻﾝ", 88000);
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && strcmp(r.prop[0].line[0].number, "B-1") == 0 &&
	       (r.nprop < 2 || strcmp(r.prop[1].line[0].number, "B-2") != 0),
	       "B-2 taken: no tie left, B-1 alone fits and is matched");
	sb_free(&e);
	match_index_free(ix);
}

/* Customer ids far apart (an imported numbering, not rowids) are found
 * as well as dense ones; an id seen twice is one customer. */
static void
test_customer_ids(void)
{
	struct match_index *ix = match_index_new();
	struct match_config cfg;
	struct match_deposit d = tu_match_dep("ｶ)ﾄｵｲｼﾖｳｼﾞ", 440000);
	struct match_result r;
	long nc, ni;

	match_config_default(&cfg);
	tu_match_customer(ix, 3, "C3", "株式会社近所商事", "カ)キンジヨシヨウジ");
	tu_match_customer(ix, 9000000000000LL, "C9", "株式会社遠井商事", "カ)トオイシヨウジ");
	tu_match_customer(ix, 200000, "C2", "株式会社中程商事", "カ)ナカホドシヨウジ");
	tu_match_customer(ix, 200000, "C2b", "株式会社中程商事", "カ)ナカホドシヨウジ");
	tu_match_inv(ix, 1, "N-1", 3, "2026-01-10", 110000);
	tu_match_inv(ix, 2, "F-1", 9000000000000LL, "2026-01-10", 440000);
	tu_match_inv(ix, 3, "M-1", 200000, "2026-01-10", 220000);
	tu_match_inv(ix, 4, "X-1", 4, "2026-01-10", 330000);
	match_index_finish(ix);
	match_index_size(ix, &nc, &ni);
	tap_is_int(nc, 3, "customer ids: three customers, the repeated id once");
	tap_is_int(ni, 3, "customer ids: each invoice finds its customer, none the unknown one");
	match_deposit(ix, &cfg, &d, &r);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].customer_id == 9000000000000LL &&
	       r.prop[0].line[0].invoice_id == 2, "customer ids: a far id matches by name");
	match_index_free(ix);
}

TAP_SUITE(match)
{
	test_fits();
	test_explain();
	test_safety();
	test_amount_only();
	test_partial_next();
	test_routes();
	test_ties();
	test_tie_dates();
	test_lookalike_sets();
	test_parent_pays_two();
	test_held_tie();
	test_customer_ids();
}
