/* test_match_store: the SQL side of matching — confirming (allocations,
 * fee adjustments, on-account money, the arithmetic check, the lost race),
 * undo, alias learning/listing/editing/removal, the allocations walk, the
 * auto-match run (dry and real) and its batches losing races to another
 * clerk, with the paid cache checked against the ledger; a customer's own
 * allocation order learned from the ties its clerk confirmed; each
 * invoice's bill reaching the engine through both loaders. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kana.h"
#include "match_run.h"
#include "store.h"
#include "stmt_build.h"
#include "store_match.h"
#include "store_statement.h"
#include "store_ui.h"
#include "tap.h"
#include "testutil.h"
#include "test_store.h"

static void
customer(struct store *st, const char *code, const char *name, const char *kana)
{
	struct customer c = { .code = code, .name = name, .kana = kana };
	enum store_upsert what;
	struct strbuf key;
	struct ur_err err;

	sb_init(&key);
	kana_fold(kana, &key, NULL);
	c.kana_key = key.buf;
	if (store_customer_upsert(st, &c, &what, &err) != UR_OK)
		tap_diag("customer %s: %s", code, err.msg);
	sb_free(&key);
}

static void
deposit_on(struct store *st, const char *date, const char *ref, const char *payer,
	   int64_t amount)
{
	struct deposit d = { .acct_bank = "0001", .acct_branch = "100",
			     .booking_date = tu_day(date), .value_date = tu_day(date),
			     .amount = amount, .currency = "JPY", .payer.payer_name = payer,
			     .payer.remit_bank = "ﾐｽﾞﾎ", .reference = ref,
			     .payer.acct_number = "1234567" };

	ts_deposit(st, &d);
}

static void
deposit(struct store *st, const char *ref, const char *payer, int64_t amount)
{
	deposit_on(st, "2026-02-27", ref, payer, amount);
}

static struct store *
setup(const char *name, char *path, size_t size)
{
	struct store *st;
	struct ur_err err;

	ts_db(path, size, name);
	remove(path);
	if (store_open(&st, path, "tester", &err) != UR_OK)
		return NULL;
	store_begin(st, &err);
	customer(st, "C1", "株式会社山田商事", "ヤマダショウジ");
	customer(st, "C2", "株式会社鈴木工業", "スズキコウギョウ");
	ts_invoice(st, "A-1", "C1", "2026-01-10", "2026-02-28", 110000, NULL);
	ts_invoice(st, "A-2", "C1", "2026-01-20", "2026-02-28", 55000, NULL);
	ts_invoice(st, "B-1", "C2", "2026-01-10", "2026-02-28", 220000, NULL);
	deposit(st, "0001", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 109560);
	deposit(st, "0002", "ﾔﾏﾀﾞ ﾀﾛｳ", 55000);
	deposit(st, "0003", "ｶ)ｽｽﾞｷｺｳｷﾞﾖｳ", 220000);
	store_commit(st, &err);
	return st;
}

/* The proposal for deposit ref as the engine makes it. */
/* The indexes behind the proposals of a test: their lines live there. */
static struct match_index *kept[8];
static int nkept;

static void
proposals_free(void)
{
	while (nkept)
		match_index_free(kept[--nkept]);
}

static int
propose(struct store *st, const char *ref, struct store_match_deposits *l,
	struct match_result *r)
{
	struct match_index *ix = kept[nkept++] = match_index_new();
	struct match_config cfg;
	enum deposit_state state;
	struct ur_err err;
	int ok;

	match_config_default(&cfg);
	ok = store_match_load(st, ix, &err) == UR_OK &&
	     store_match_deposit_get(st, ref, l, &state, &err) == UR_OK;
	if (ok)
		match_deposit(ix, &cfg, &l->d[0], r);
	return ok && r->nprop > 0;
}

static int
alias_count(const struct store_alias_row *a, void *ctx)
{
	int *n = ctx;

	n[0]++;
	n[1] += a->conflict;
	n[2] = (int)a->id;
	return 0;
}

static void
test_confirm_undo(void)
{
	char path[300];
	struct store *st = setup("match-confirm.db", path, sizeof path);
	struct store_match_deposits l;
	struct match_result r;
	struct match_proposal p;
	struct ur_err err;
	int64_t bad = -1;
	int n[3] = { 0, 0, 0 };

	tap_ok(st != NULL, "open");
	tap_ok(propose(st, "0001", &l, &r), "a proposal for 0001");
	tap_is_int(r.prop[0].fit, MATCH_FIT_FEE, "A-1 minus the ¥440 fee");
	p = r.prop[0];
	p.on_account = 1;
	tap_is_int(store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err), UR_INPUT,
		   "one yen too much is refused");
	tap_is_str(err.msg, "cleared − fee + on account = 109,561, but the deposit is 109,560: "
			    "1 too much", "the difference is stated");
	p.on_account = 0;
	tap_is_int(store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err), UR_OK,
		   "confirm by hand");
	tap_is_int(ts_q1(path, "SELECT state = 'matched' FROM deposit WHERE reference = '0001'"),
		   1, "deposit matched");
	tap_is_int(ts_q1(path, "SELECT amount - paid FROM invoice WHERE number = 'A-1'"), 0,
		   "A-1 fully cleared (cash + fee)");
	tap_is_int(ts_q1(path, "SELECT amount FROM adjustment WHERE kind = 'fee'"), 440,
		   "the fee is an adjustment");
	tap_is_int(store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err), UR_CONFLICT,
		   "confirming again: another user got there first");
	store_alias_each(st, alias_count, n, &err);
	tap_is_int(n[0], 1, "the manual match taught one alias");
	tap_is_int(ts_q1(path, "SELECT count FROM payer_alias WHERE payer_key = 'ヤマダシヨウジ'"
			       " AND remit_bank = 'ﾐｽﾞﾎ'"), 1, "key and remitting bank, count 1");
	tap_is_int(store_match_undo(st, l.d[0].id, &err), UR_OK, "undo");
	tap_is_int(ts_q1(path, "SELECT amount - paid FROM invoice WHERE number = 'A-1'"), 110000,
		   "A-1 open again");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation WHERE voided_at IS NULL"), 0,
		   "no active allocation");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation"), 1, "the voided row stays");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM payer_alias"), 0, "the alias is unlearned");
	tap_is_int(store_match_undo(st, l.d[0].id, &err), UR_INPUT, "nothing left to undo");
	store_verify_paid(st, &bad, &err);
	tap_is_int(bad, 0, "paid cache agrees with the ledger");
	store_match_deposits_free(&l);
	store_close(st);
}

static int
alloc_rows(const struct store_alloc_row *a, void *ctx)
{
	struct strbuf *sb = ctx;

	sb_addf(sb, "%s|%s|%s|%lld|%lld|%s;", a->deposit_ref, a->invoice, a->customer,
		(long long)a->amount, (long long)a->fee, a->kind);
	return 0;
}

static void
test_auto_run(void)
{
	char path[300];
	struct store *st = setup("match-auto.db", path, sizeof path);
	struct match_run_stats s;
	struct match_config cfg;
	struct strbuf sb;
	struct ur_err err;
	int64_t bad = -1;

	match_config_default(&cfg);
	tap_is_int(match_run_auto(st, &cfg, true, NULL, NULL, &s, &err), UR_OK, "dry run");
	tap_is_int(s.matched, 2, "two would be matched");
	tap_is_int(s.held[MATCH_HOLD_NO_PAYER], 1, "the unknown payer is held");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation"), 0, "a dry run writes nothing");
	tap_is_int(match_run_auto(st, &cfg, false, NULL, NULL, &s, &err), UR_OK, "real run");
	tap_is_int(s.matched, 2, "two matched");
	sb_init(&sb);
	store_allocations_each(st, 0, alloc_rows, &sb, &err);
	tap_is_str(sb.buf, "0001|A-1|C1|110000|440|auto;0003|B-1|C2|220000|0|auto;",
		   "allocations: amount includes the fee");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM payer_alias"), 0, "auto-matches teach nothing");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE action = 'allocate'"), 2,
		   "each allocation audited");
	tap_is_int(match_run_auto(st, &cfg, false, NULL, NULL, &s, &err), UR_OK, "run again");
	tap_is_int(s.deposits, 1, "only the held deposit is looked at again");
	store_verify_paid(st, &bad, &err);
	tap_is_int(bad, 0, "paid cache agrees with the ledger");
	sb_free(&sb);
	store_close(st);
}

/* Two customers of one name, each owed ¥100,000: the first deposit (no
 * legal form) is held as either's until a later one, with the second's
 * form, pays its invoice and another — one run matches both, and a second
 * run finds nothing new. */
static void
test_auto_passes(void)
{
	char path[300];
	struct store *st;
	struct match_run_stats s;
	struct match_config cfg;
	struct ur_err err;

	ts_db(path, sizeof path, "match-passes.db");
	remove(path);
	if (store_open(&st, path, "tester", &err) != UR_OK)
		return;
	store_begin(st, &err);
	customer(st, "C1", "株式会社ニシムラ", "カ)ニシムラ");
	customer(st, "C2", "ニシムラ株式会社", "ニシムラ(カ");
	ts_invoice(st, "N-1", "C1", "2026-01-10", "2026-02-28", 100000, NULL);
	ts_invoice(st, "M-1", "C2", "2026-01-10", "2026-02-28", 100000, NULL);
	ts_invoice(st, "M-2", "C2", "2026-01-12", "2026-02-28", 77000, NULL);
	deposit_on(st, "2026-02-26", "0001", "ﾆｼﾑﾗ", 100000);
	deposit_on(st, "2026-02-27", "0002", "ﾆｼﾑﾗ(ｶ", 177000);
	store_commit(st, &err);
	match_config_default(&cfg);
	tap_is_int(match_run_auto(st, &cfg, false, NULL, NULL, &s, &err), UR_OK, "one run");
	tap_is_int(s.matched, 2, "both matched: the first once the second paid M-1");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation a JOIN invoice i ON "
			       "i.id = a.invoice_id WHERE i.number = 'N-1'"),
		   1, "… the first to N-1");
	tap_is_int(match_run_auto(st, &cfg, false, NULL, NULL, &s, &err), UR_OK, "run again");
	tap_is_int(s.matched, 0, "nothing more to match");
	store_close(st);
}

/* A batch inside one transaction, as `match --auto` runs it, while another
 * clerk works on the same database: what was taken first is a conflict
 * that writes nothing, the rest is written and audited. */
static void
test_batch(void)
{
	char path[300];
	struct store *st = setup("match-batch.db", path, sizeof path), *other = NULL;
	struct store_match_deposits l1, l2, l3;
	struct match_result r1, r3;
	struct store_match_batch *b;
	struct match_proposal p;
	struct match_line lines[2] = { { 0 } };
	enum deposit_state state;
	struct ur_err err;
	int64_t bad = -1, a1;

	tap_ok(st && propose(st, "0001", &l1, &r1) && propose(st, "0003", &l3, &r3),
	       "proposals for 0001 and 0003");
	tap_is_int(store_open(&other, path, "other", &err), UR_OK, "another clerk's connection");
	a1 = ts_q1(path, "SELECT id FROM invoice WHERE number = 'A-1'");
	memset(&p, 0, sizeof p);
	p.line = lines;
	store_match_deposit_get(other, "0002", &l2, &state, &err);
	p.customer_id = ts_q1(path, "SELECT id FROM customer WHERE code = 'C1'");
	p.nlines = 1;
	p.line[0].invoice_id = a1;
	p.line[0].cleared = 55000;
	tap_is_int(store_match_confirm(other, &l2.d[0], &p, ALLOC_MANUAL, &err), UR_OK,
		   "the other clerk pays half of A-1 with 0002");
	tap_ok((b = store_match_batch_new(st, &err)) != NULL, "a batch");
	tap_is_int(store_begin(st, &err), UR_OK, "the batch's transaction");
	tap_is_int(store_match_batch_confirm(b, &l1.d[0], &r1.prop[0], ALLOC_AUTO, &err),
		   UR_CONFLICT, "0001 onto A-1: only half of it is still open");
	tap_is_str(err.msg, "invoice A-1 has only 55,000 open, not 110,000: another user may have "
			    "changed it", "the conflict is stated");
	tap_is_int(store_match_batch_confirm(b, &l3.d[0], &r3.prop[0], ALLOC_AUTO, &err), UR_OK,
		   "0003 onto B-1 in the same batch");
	tap_is_int(store_commit(st, &err), UR_OK, "commit");
	tap_is_int(ts_q1(path, "SELECT state = 'unmatched' FROM deposit WHERE reference = '0001'"),
		   1, "0001 is still unmatched");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE entity = 'deposit:1'"), 0,
		   "… and nothing of it was audited");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation WHERE deposit_id = 1"), 0,
		   "… nor allocated");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM adjustment"), 0, "… nor its fee booked");
	tap_is_int(ts_q1(path, "SELECT amount - paid FROM invoice WHERE number = 'A-1'"), 55000,
		   "A-1 keeps what the other clerk left open");
	tap_is_int(ts_q1(path, "SELECT paid FROM invoice WHERE number = 'B-1'"), 220000,
		   "B-1 is paid by 0003");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE entity = 'deposit:3'"
			       " AND action = 'state'"), 1, "0003's state change is audited");
	tap_is_int(store_begin(st, &err), UR_OK, "another batch");
	tap_is_int(store_match_batch_confirm(b, &l3.d[0], &r3.prop[0], ALLOC_AUTO, &err),
		   UR_CONFLICT, "0003 again: it is matched already");
	tap_is_int(store_commit(st, &err), UR_OK, "commit");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation WHERE deposit_id = 3"), 1,
		   "0003 keeps its one allocation");
	store_verify_paid(st, &bad, &err);
	tap_is_int(bad, 0, "paid cache agrees with the ledger");
	store_match_batch_free(b);
	store_match_deposits_free(&l1);
	store_match_deposits_free(&l2);
	store_match_deposits_free(&l3);
	store_close(other);
	store_close(st);
}

static void
test_aliases(void)
{
	char path[300];
	struct store *st = setup("match-alias.db", path, sizeof path);
	struct store_match_deposits l;
	struct match_proposal p;
	struct match_line lines[2] = { { 0 } };
	enum deposit_state state;
	struct ur_err err;
	int n[3] = { 0, 0, 0 };

	memset(&p, 0, sizeof p);
	p.line = lines;
	store_match_deposit_get(st, "0002", &l, &state, &err);
	tap_is_str(deposit_state_word(state), "unmatched", "state of 0002");
	p.customer_id = ts_q1(path, "SELECT id FROM customer WHERE code = 'C2'");
	p.on_account = 55000;
	tap_is_int(store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err), UR_OK,
		   "all on account for C2");
	store_match_undo(st, l.d[0].id, &err);
	p.customer_id = ts_q1(path, "SELECT id FROM customer WHERE code = 'C1'");
	store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err);
	ts_exec(path, "INSERT INTO payer_alias (payer_key, customer_id, last_used_at, \"user\")"
		      " VALUES ('ヤマダタロウ', 2, '2026-01-01T00:00:00Z', 'x')");
	store_alias_each(st, alias_count, n, &err);
	tap_is_int(n[0], 2, "two aliases");
	tap_is_int(n[1], 2, "both marked as a conflict");
	tap_is_int(store_alias_edit(st, n[2], "C9", &err), UR_INPUT, "edit to an unknown customer");
	tap_is_int(store_alias_remove(st, n[2], &err), UR_OK, "remove one");
	tap_is_int(store_alias_remove(st, n[2], &err), UR_INPUT, "removing it again");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE entity LIKE 'alias:%'"), 4,
		   "learn, unlearn, learn and remove are audited");
	store_match_deposits_free(&l);
	store_close(st);
}

/* Deposit ref of date pays invoice num whole, confirmed by hand. */
static void
pay_by_hand(struct store *st, const char *path, const char *date, const char *ref,
	    const char *num, int64_t amount)
{
	struct store_match_deposits l;
	struct match_line line = { 0 };
	struct match_proposal p;
	enum deposit_state state;
	struct ur_err err;
	char sql[160];

	deposit_on(st, date, ref, "ｶ)ﾎｸﾄ", amount);
	memset(&p, 0, sizeof p);
	p.line = &line;
	p.nlines = 1;
	p.customer_id = ts_q1(path, "SELECT id FROM customer WHERE code = 'C3'");
	snprintf(sql, sizeof sql, "SELECT id FROM invoice WHERE number = '%s'", num);
	line.invoice_id = ts_q1(path, sql);
	line.cleared = amount;
	store_match_deposit_get(st, ref, &l, &state, &err);
	if (store_match_confirm(st, &l.d[0], &p, ALLOC_MANUAL, &err) != UR_OK)
		tap_diag("confirm %s: %s", ref, err.msg);
	store_match_deposits_free(&l);
}

/* A customer who pays on time (its other invoices show it) but, of a
 * monthly fee of the same amount, the oldest open month first: after two
 * such confirmations the engine takes the oldest by itself, and says why. */
static void
test_learned_order(void)
{
	char path[300];
	struct store *st = setup("match-order.db", path, sizeof path);
	struct store_match_deposits l;
	struct match_result r;
	struct strbuf e;

	customer(st, "C3", "株式会社北斗", "ホクト");
	ts_invoice(st, "V-1", "C3", "2025-09-30", "2025-10-31", 51000, NULL);
	ts_invoice(st, "V-2", "C3", "2025-10-31", "2025-11-30", 62000, NULL);
	ts_invoice(st, "V-3", "C3", "2025-11-30", "2025-12-31", 73000, NULL);
	ts_invoice(st, "T-0", "C3", "2025-09-30", "2025-10-31", 33000, NULL);
	ts_invoice(st, "T-1", "C3", "2025-10-31", "2025-11-30", 33000, NULL);
	ts_invoice(st, "T-2", "C3", "2025-11-30", "2025-12-31", 33000, NULL);
	ts_invoice(st, "T-3", "C3", "2025-12-31", "2026-01-31", 33000, NULL);
	pay_by_hand(st, path, "2025-10-31", "V1", "V-1", 51000);
	pay_by_hand(st, path, "2025-11-28", "V2", "V-2", 62000);
	pay_by_hand(st, path, "2025-12-30", "V3", "V-3", 73000);
	pay_by_hand(st, path, "2025-11-28", "T1", "T-0", 33000);
	deposit_on(st, "2026-01-30", "T3", "ｶ)ﾎｸﾄ", 33000);
	sb_init(&e);
	tap_ok(propose(st, "T3", &l, &r) && strcmp(r.prop[0].line[0].number, "T-3") == 0,
	       "one confirmed tie: still the invoice due (T-3), not the oldest");
	store_match_deposits_free(&l);
	pay_by_hand(st, path, "2025-12-30", "T2", "T-1", 33000);
	tap_ok(propose(st, "T3", &l, &r) && strcmp(r.prop[0].line[0].number, "T-2") == 0,
	       "two confirmed ties paid oldest first: the oldest open month (T-2)");
	tap_is_int(r.hold, MATCH_AUTO, "… and matched automatically");
	match_explain(&r.prop[0], &l.d[0], &e);
	tap_ok(strstr(e.buf, "this customer pays its oldest first") != NULL, "… saying why: %s",
	       e.buf);
	store_match_deposits_free(&l);
	pay_by_hand(st, path, "2026-01-30", "T4", "T-3", 33000);
	ts_invoice(st, "T-4", "C3", "2026-01-31", "2026-02-28", 33000, NULL);
	deposit_on(st, "2026-02-27", "T5", "ｶ)ﾎｸﾄ", 33000);
	tap_ok(propose(st, "T5", &l, &r) && strcmp(r.prop[0].line[0].number, "T-4") == 0,
	       "a tie paid the other way since: no order of its own, the invoice due (T-4)");
	store_match_deposits_free(&l);
	proposals_free();
	sb_free(&e);
	store_close(st);
}

/* What the best proposal for a deposit is: its features (0: none), how
 * many customers it clears invoices of, the hold, and the share of its
 * first invoice's bill (an instalment; 0: none). */
struct best {
	unsigned features;
	int customers;
	enum match_hold hold;
	int share;
};

/* The best proposal for deposit ref as the whole index (ui false) or the
 * queue's per-deposit index sees it. */
static struct best
best_of(struct store *st, const char *ref, bool ui)
{
	struct match_index *ix = match_index_new();
	struct store_match_deposits l = { 0 };
	struct match_config cfg;
	struct match_result r = { 0 };
	struct sui_names names = { 0 };
	struct sui_match m = { 0 };
	enum deposit_state state;
	struct ur_err err;
	struct best b = { 0, 0, MATCH_HOLD_NOTHING, 0 };

	match_config_default(&cfg);
	if (store_match_deposit_get(st, ref, &l, &state, &err) == UR_OK && l.n == 1) {
		if (ui && store_ui_match(st, l.d[0].id, &cfg, &names, &m, &err) == UR_OK)
			r = m.r;
		else if (!ui && store_match_load(st, ix, &err) == UR_OK)
			match_deposit(ix, &cfg, &l.d[0], &r);
		b.features = r.nprop ? r.prop[0].features : 0;
		b.share = r.nprop && r.prop[0].nlines ? r.prop[0].line[0].share : 0;
		for (int i = 0; r.nprop && i < r.prop[0].nlines; i++)
			b.customers += match_line_first_of_customer(&r.prop[0], i);
		b.hold = r.hold;
	}
	if (ui)
		sui_match_free(&m);
	sui_names_free(&names);
	store_match_deposits_free(&l);
	match_index_free(ix);
	return b;
}

/* The best proposal pays an issued 合計請求書, automatically. */
static bool
billed_first(struct store *st, const char *ref, bool ui)
{
	struct best b = best_of(st, ref, ui);

	return b.features & MATCH_F_BILLED && b.hold == MATCH_AUTO;
}

/* Issue customer code's statement as of today through the store. */
static bool
issue(struct store *st, const char *code, const char *today)
{
	struct store_statement *q = NULL;
	struct stmt_opts o = { 0, 0, tu_day(today), -1 };
	struct statement s;
	struct ur_err err;
	int64_t prev = 0;
	bool ok = store_statement_open(st, &q, &err) == UR_OK &&
		  stmt_build(st, q, code, &o, &s, &err) == UR_OK;

	if (ok) {
		ok = stmt_issued(st, &s, o.today, "printed", "x.pdf", &prev, &err) == UR_OK;
		stmt_free(&s);
	}
	store_statement_close(q);
	return ok;
}

/* A statement issued through the store (stmt_build, stmt_issued) reaches
 * the matcher through both loaders; a slip paid since makes it stale. */
static void
test_issued_statement(void)
{
	char path[512];
	struct store *st = setup("match-billed.db", path, sizeof path);
	struct store_statement *q = NULL;
	struct stmt_opts o = { 0, 0, tu_day("2026-02-21"), -1 };
	struct statement s;
	struct ur_err err;
	int64_t prev = 0;

	ts_exec(path, "UPDATE customer SET terms = '20/+1/10' WHERE code = 'C2'");
	ts_invoice(st, "B-2", "C2", "2026-02-05", "2026-03-10", 33000, NULL);
	ts_invoice(st, "B-3", "C2", "2026-02-15", "2026-03-10", 11000, NULL);
	ts_invoice(st, "B-4", "C2", "2026-02-18", "2026-03-10", 22000, NULL);
	deposit_on(st, "2026-03-10", "0009", "ｶ)ｽｽﾞｷｺｳｷﾞﾖｳ", 220000 + 66000);
	tap_ok(!billed_first(st, "0009", false), "no statement issued: no such evidence");
	if (store_statement_open(st, &q, &err) != UR_OK ||
	    stmt_build(st, q, "C2", &o, &s, &err) != UR_OK) {
		tap_ok(0, "the statement builds: %s", err.msg);
		store_statement_close(q);
		store_close(st);
		return;
	}
	tap_is_int(stmt_issued(st, &s, o.today, "printed", "x.pdf", &prev, &err), UR_OK,
		   "the statement is recorded as issued");
	tap_ok(prev == -1 && s.billed == 286000, "… the first of its period, ¥286,000 (%lld)",
	       (long long)s.billed);
	stmt_free(&s);
	store_statement_close(q);
	tap_ok(billed_first(st, "0009", false), "the whole index takes the statement's slips");
	tap_ok(billed_first(st, "0009", true), "… and so does the queue's per-deposit index");
	ts_exec(path, "UPDATE invoice SET paid = 1000 WHERE number = 'B-3'");
	tap_ok(!billed_first(st, "0009", false) && !billed_first(st, "0009", true),
	       "a slip paid in part since: neither uses it");
	store_close(st);
}

/* A payer nobody knows pays two customers' statements at once, less a
 * fee: both loaders propose the two statements' slips as one transfer
 * (the queue's finds the customers through the issued statements), and
 * neither matches it automatically. */
static void
test_agent_statements(void)
{
	char path[512];
	struct store *st = setup("match-agent.db", path, sizeof path);
	struct best b[2];

	ts_exec(path, "UPDATE customer SET terms = '20/+1/10'");
	tap_ok(issue(st, "C1", "2026-01-21") && issue(st, "C2", "2026-01-21"),
	       "both customers' statements of 2026-01-20 issued");
	deposit_on(st, "2026-02-10", "0010", "ｻｸﾗｼﾕｳﾉｳﾀﾞｲｺｳ(ｶ", 165000 + 220000 - 660);
	for (int ui = 0; ui < 2; ui++)
		b[ui] = best_of(st, "0010", ui);
	tap_ok(b[0].features & MATCH_F_SEVERAL && b[0].features & MATCH_F_AMOUNT_ONLY &&
		       b[0].customers == 2,
	       "the whole index proposes both statements as one transfer (%d customers)",
	       b[0].customers);
	tap_ok(b[1].features == b[0].features && b[1].customers == 2,
	       "… and so does the queue's per-deposit index (%d customers)", b[1].customers);
	tap_ok(b[0].hold != MATCH_AUTO && b[1].hold != MATCH_AUTO, "… neither automatically");
	store_close(st);
}

/* The agent's deposit of test_agent_statements among five more customers
 * billed ¥192,500 each (every two of them the deposit plus a fee), of the
 * same closing date but each paid ¥1 since (stale: one set is payable),
 * or of the 15th and unchanged (ten sets: a coincidence). Whatever the
 * whole index proposes, the queue's per-deposit index proposes too. */
static void
agent_among(const char *name, int close_day, bool stale)
{
	char path[512], sql[128];
	struct store *st = setup(name, path, sizeof path);
	struct best b[2];
	bool issued;

	for (int i = 3; i <= 7; i++) {
		char code[8], inv[8];

		snprintf(code, sizeof code, "C%d", i);
		snprintf(inv, sizeof inv, "X-%d", i);
		customer(st, code, "株式会社商店", "ショウテン");
		ts_invoice(st, inv, code, "2026-01-10", "2026-02-10", 192500, NULL);
	}
	snprintf(sql, sizeof sql, "UPDATE customer SET terms = '%d/+1/10'", close_day);
	ts_exec(path, sql);
	ts_exec(path, "UPDATE customer SET terms = '20/+1/10' WHERE code IN ('C1', 'C2')");
	issued = issue(st, "C1", "2026-01-21") && issue(st, "C2", "2026-01-21");
	for (int i = 3; i <= 7; i++) {
		char code[8];

		snprintf(code, sizeof code, "C%d", i);
		issued = issued && issue(st, code, close_day == 20 ? "2026-01-21" : "2026-01-16");
	}
	if (stale)
		ts_exec(path, "UPDATE invoice SET paid = 1 WHERE number LIKE 'X-%'");
	deposit_on(st, "2026-02-10", "0010", "ｻｸﾗｼﾕｳﾉｳﾀﾞｲｺｳ(ｶ", 165000 + 220000 - 660);
	for (int ui = 0; ui < 2; ui++)
		b[ui] = best_of(st, "0010", ui);
	tap_ok(issued && b[0].features == b[1].features && b[0].customers == b[1].customers &&
		       b[0].customers == (stale ? 2 : 0),
	       "%s: the queue proposes what match show does (%d and %d customers)",
	       stale ? "five stale statements of the date" : "ten sets of the 15th adding up",
	       b[0].customers, b[1].customers);
	store_close(st);
}

/* The agent's deposit of test_agent_statements among thirty more
 * customers billed about half of it each (435 pairs within 5 % of the
 * amount, none exactly): a coincidence too likely to propose for a payer
 * whose name says nothing of an agent, not for one named 収納代行 — by
 * the whole index and the queue's alike. */
static void
agent_named(const char *name, const char *payer, bool proposed)
{
	char path[512], code[8], inv[8];
	struct store *st = setup(name, path, sizeof path);
	struct best b[2];
	bool issued;

	for (int i = 0; i < 30; i++) {
		snprintf(code, sizeof code, "K%d", i);
		snprintf(inv, sizeof inv, "K-%d", i);
		customer(st, code, "株式会社商店", "ショウテン");
		ts_invoice(st, inv, code, "2026-01-10", "2026-02-10", 183000 + 25 * i, NULL);
	}
	ts_exec(path, "UPDATE customer SET terms = '20/+1/10'");
	issued = issue(st, "C1", "2026-01-21") && issue(st, "C2", "2026-01-21");
	for (int i = 0; i < 30; i++) {
		snprintf(code, sizeof code, "K%d", i);
		issued = issued && issue(st, code, "2026-01-21");
	}
	deposit_on(st, "2026-02-10", "0010", payer, 165000 + 220000 - 660);
	for (int ui = 0; ui < 2; ui++)
		b[ui] = best_of(st, "0010", ui);
	tap_ok(issued && b[0].customers == (proposed ? 2 : 0) && b[1].customers == b[0].customers,
	       "%s and thirty near: %s (%d and %d customers)", payer,
	       proposed ? "both statements proposed" : "nothing proposed", b[0].customers,
	       b[1].customers);
	store_close(st);
}

/* Both loaders give the engine each invoice's bill, not only what is
 * open: ¥500,000 after ¥300,000 of a ¥1,000,000 bill is half of the bill
 * (of the ¥700,000 open it is no round share). */
static void
test_bill_share(void)
{
	char path[512];
	struct store *st = setup("match-share.db", path, sizeof path);
	struct best b[2];

	ts_invoice(st, "P-1", "C1", "2026-01-15", "2026-03-31", 1000000, NULL);
	ts_exec(path, "UPDATE invoice SET paid = 300000 WHERE number = 'P-1'");
	deposit(st, "0011", "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", 500000);
	for (int ui = 0; ui < 2; ui++)
		b[ui] = best_of(st, "0011", ui);
	tap_ok(b[0].share == 50 && b[1].share == 50,
	       "¥500,000 of P-1, ¥700,000 open of ¥1,000,000: half its bill, by both loaders "
	       "(%d %%, %d %%)", b[0].share, b[1].share);
	store_close(st);
}

TAP_SUITE(match_store)
{
	test_confirm_undo();
	test_auto_run();
	test_auto_passes();
	test_batch();
	test_aliases();
	test_learned_order();
	test_issued_statement();
	test_agent_statements();
	agent_among("match-agent-stale.db", 20, true);
	agent_among("match-agent-15th.db", 15, false);
	agent_named("match-agent-named.db", "ｻｸﾗｼﾕｳﾉｳﾀﾞｲｺｳ(ｶ", true);
	agent_named("match-agent-unnamed.db", "ｱｵﾊﾞｺｳｻﾝ(ｶ", false);
	test_bill_share();
	proposals_free();
}
