/* test_match_payers: the customer master's payer links as candidates — a
 * deposit from the representative (代表者カナ) proposes that customer, one
 * from a paying parent (請求先) its subsidiaries; the explanations, and
 * the conservative auto rule (one open invoice fits exactly, nothing else
 * fits), with hand-computed scores. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "date.h"
#include "match.h"
#include "tap.h"
#include "testutil.h"

static void
cust(struct match_index *ix, int64_t id, const char *code, const char *name,
     const char *kana, const char *parent, const char *rep)
{
	tu_match_customer(ix, id, code, name, kana);
	match_index_add_payers(ix, id, parent, rep);
}

/* Due dates far from the deposits' (no "paid near the due date" bonus). */
static void
inv(struct match_index *ix, int64_t id, const char *num, int64_t cust_id, int64_t open,
    int age)
{
	int32_t issue = 0;

	date_parse("2025-10-01", &issue, NULL);
	match_index_add_invoice(ix, id, num, cust_id, issue + age, issue + age + 30, open, "JPY");
}

/* ニシムラデンキ pays for トウヨウシステム and ヤマトショウジ; フジタ マコト
 * represents ニッポンロジスティクス; サトウ ハナコ two shops; コウベ ケンジ a
 * shop billed the same amount twice; two broken links. */
static struct match_index *
world(void)
{
	struct match_index *ix = match_index_new();

	cust(ix, 1, "C1", "株式会社ニシムラデンキ", "ニシムラデンキ", NULL, NULL);
	cust(ix, 2, "C2", "合同会社トウヨウシステム", "トウヨウシステム", "C1", "");
	cust(ix, 3, "C3", "株式会社ヤマトショウジ", "ヤマトショウジ", "C1", NULL);
	cust(ix, 4, "C4", "株式会社ニッポンロジスティクス", "ニッポンロジスティクス", NULL,
	     "フジタ マコト");
	cust(ix, 5, "C5", "サクラ ショウテン", "サクラ ショウテン", NULL, "サトウ ハナコ");
	cust(ix, 6, "C6", "ミドリ ノウエン", "ミドリ ノウエン", NULL, "ｻﾄｳ ﾊﾅｺ");
	cust(ix, 7, "C7", "株式会社アオバデザイン", "アオバデザイン", "C7", NULL);
	cust(ix, 8, "C8", "株式会社ホクトキカイ", "ホクトキカイ", "C99", NULL);
	cust(ix, 9, "C9", "コウベ ショウテン", "コウベ ショウテン", NULL, "コウベ ケンジ");
	inv(ix, 11, "P-1", 1, 120000, 0);
	inv(ix, 21, "A-1", 2, 90000, 0);
	inv(ix, 31, "B-1", 3, 80000, 0);
	inv(ix, 32, "B-2", 3, 90000, 5);
	inv(ix, 41, "N-1", 4, 66000, 0);
	inv(ix, 42, "N-2", 4, 77000, 5);
	inv(ix, 51, "S-1", 5, 33000, 0);
	inv(ix, 61, "M-1", 6, 44000, 0);
	inv(ix, 71, "D-1", 7, 55000, 0);
	inv(ix, 81, "K-1", 8, 56000, 0);
	inv(ix, 91, "W-1", 9, 50000, 0);
	inv(ix, 92, "W-2", 9, 50000, 5);
	match_index_finish(ix);
	return ix;
}

static void
run(struct match_index *ix, const char *payer, int64_t amount, struct match_result *r,
    struct strbuf *e)
{
	struct match_deposit d = { .id = 1, .reference = "R1", .amount = amount,
				   .currency = "JPY", .payer.payer_name = payer,
				   .payer.acct_number = "1234567" };

	d.date = tu_day("2026-03-25");
	tu_match_first(ix, &d, r, e);
}

static void
test_representative(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run(ix, "ﾌｼﾞﾀ ﾏｺﾄ", 66000, &r, e);
	tap_is_str(e->buf, "payer ﾌｼﾞﾀ ﾏｺﾄ = representative of 株式会社ニッポンロジスティクス; "
			   "amount = N-1; score 90", "owner pays one invoice exactly");
	tap_is_int(r.hold, MATCH_AUTO, "… the only fit: matched (55 + 35)");
	run(ix, "ﾌｼﾞﾀ ﾏｺﾄ", 66000 - 660, &r, e);
	tap_ok(r.hold == MATCH_AUTO && r.prop[0].fit == MATCH_FIT_FEE,
	       "owner pays it less a ¥660 fee: matched too (55 + 30): %s", e->buf);
	run(ix, "ﾌｼﾞﾀ ﾏｺﾄ", 30000, &r, e);
	tap_is_str(e->buf, "payer ﾌｼﾞﾀ ﾏｺﾄ = representative of 株式会社ニッポンロジスティクス; "
			   "oldest first: part of N-1 (¥30,000), the rest stays open; score 63",
		   "owner's partial payment proposed (55 + 8)");
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "… and held");
	run(ix, "ｻﾄｳ ﾊﾅｺ", 33000, &r, e);
	tap_is_str(e->buf, "payer ｻﾄｳ ﾊﾅｺ = representative of サクラ ショウテン (and of other "
			   "customers); amount = S-1; score 80", "a shared representative: 45 + 35");
	tap_is_int(r.hold, MATCH_HOLD_LOW_SCORE, "… held");
	tap_ok(r.nprop >= 2 && strcmp(r.prop[1].customer_code, "C6") == 0,
	       "the other shop is proposed too");
	run(ix, "ｺｳﾍﾞ ｹﾝｼﾞ", 50000, &r, e);
	tap_is_str(r.nprop ? r.prop[0].customer_code : "", "C9", "two equal invoices: the shop");
	tap_is_int(r.hold, MATCH_HOLD_AMBIGUOUS, "… but two open invoices fit: held, not the oldest");
	run(ix, "ﾌｼﾞﾀ ﾏｺ", 66000, &r, e);
	tap_ok(r.nprop == 0 || !(r.prop[0].features & MATCH_F_REP),
	       "a representative's name must be equal, not similar");
}

static void
test_parent(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;

	run(ix, "ｶ)ﾆｼﾑﾗﾃﾞﾝｷ", 80000, &r, e);
	tap_is_str(e->buf, "payer ｶ)ﾆｼﾑﾗﾃﾞﾝｷ → 株式会社ヤマトショウジ, paid by parent "
			   "株式会社ニシムラデンキ; amount = B-1; score 85",
		   "parent pays a subsidiary's invoice");
	tap_is_int(r.hold, MATCH_AUTO, "… the only fit, the parent's own 25 behind: matched");
	run(ix, "ｶ)ﾆｼﾑﾗﾃﾞﾝｷ", 90000, &r, e);
	tap_is_int(r.hold, MATCH_HOLD_CLOSE, "two subsidiaries' invoices fit: held");
	tap_ok(r.nprop >= 2 && r.prop[0].score == 85 && r.prop[1].score == 85,
	       "… both proposed at 85");
	run(ix, "ｶ)ﾆｼﾑﾗﾃﾞﾝｷ", 120000, &r, e);
	tap_is_str(r.prop[0].customer_code, "C1", "the parent's own invoice: the parent");
	tap_is_int(r.prop[0].score, 95, "… by name (60 + 35)");
	tap_is_int(r.hold, MATCH_AUTO, "… matched");
	run(ix, "ｶ)ﾆｼﾑﾗﾃﾞﾝｷ", 40000, &r, e);
	tap_is_int(r.hold, MATCH_HOLD_AMOUNT, "a partial payment from the parent: held");
	tap_ok(r.nprop >= 3 && strcmp(r.prop[0].customer_code, "C1") == 0 &&
		       r.prop[0].score == 68 && r.prop[1].score == 58 && r.prop[2].score == 58,
	       "… the parent's own first (68), its subsidiaries' next (58)");
	run(ix, "ｶ)ｱｵﾊﾞﾃﾞｻﾞｲﾝ", 55000, &r, e);
	tap_is_str(e->buf, "payer ｶ)ｱｵﾊﾞﾃﾞｻﾞｲﾝ = 株式会社アオバデザイン; amount = D-1; score 95",
		   "a customer named as its own parent is just itself");
	run(ix, "ｶ)ﾎｸﾄｷｶｲ", 56000, &r, e);
	tap_is_int(r.hold, MATCH_AUTO, "an unknown parent code changes nothing");
}

/* The parent's name with a typo (a dropped letter): only similar, so its
 * subsidiaries are proposed weakly — never matched automatically. */
static void
test_parent_fuzzy(struct match_index *ix, struct strbuf *e)
{
	struct match_result r;
	int sub = 0;

	run(ix, "ｶ)ﾆｼﾗﾃﾞﾝｷ", 80000, &r, e);
	tap_is_str(e->buf, "payer ｶ)ﾆｼﾗﾃﾞﾝｷ → 株式会社ヤマトショウジ, paid by parent "
			   "株式会社ニシムラデンキ; amount = B-1; score 75",
		   "a similar parent name proposes a subsidiary's invoice (40 + 35)");
	tap_is_int(r.hold, MATCH_HOLD_LOW_SCORE, "… held");
	run(ix, "ｶ)ﾆｼﾗﾃﾞﾝｷ", 30000, &r, e);
	for (int i = 0; i < r.nprop && i < 3; i++)
		sub += r.prop[i].features & MATCH_F_PARENT && r.prop[i].fit == MATCH_FIT_PARTIAL;
	tap_is_int(sub, 3, "a partial payment: the subsidiaries' partials make the top 3");
	tap_is_str(r.prop[0].customer_code, "C2", "… the oldest subsidiary invoice first");
	tap_is_int(r.prop[0].score, 40 + 8, "… 48");
	run(ix, "ｶ)ﾆｼﾑﾗﾃﾞﾝ", 90000, &r, e);
	tap_ok(r.nprop >= 2 && r.prop[0].score == 55 - 10 + 35 &&
	       r.prop[0].features & MATCH_F_PARENT, "a name cut short is passed on as before (80)");
}

TAP_SUITE(match_payers)
{
	struct match_index *ix = world();
	struct strbuf e;

	sb_init(&e);
	test_representative(ix, &e);
	test_parent(ix, &e);
	test_parent_fuzzy(ix, &e);
	sb_free(&e);
	match_index_free(ix);
}
