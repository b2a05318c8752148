/* test_store_ledger: the store's ledger (deposits, allocations,
 * adjustments, the paid cache checked against a recomputation) and the
 * aging query on hand-computed data. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "store.h"
#include "store_db_priv.h"
#include "store_ui.h"
#include "tap.h"
#include "testutil.h"
#include "test_store.h"

static int64_t
inv_id(struct store *st, const char *number, int64_t *open)
{
	struct invoice inv;
	struct ur_err err;
	int64_t o = 0;

	if (store_invoice_get(st, number, &inv, &o, &err) != UR_OK)
		return 0;
	if (open)
		*open = o;
	return inv.id;
}

static int64_t
cust_id(struct store *st, const char *code)
{
	struct customer c;
	struct ur_err err;

	return store_customer_get(st, code, &c, &err) == UR_OK ? c.id : 0;
}

static int64_t
deposit(struct store *st, const char *ref, int64_t amount, const char *date)
{
	struct deposit d = { .acct_bank = "0001", .acct_branch = "001",
			     .booking_date = tu_day(date), .value_date = tu_day(date), .amount = amount,
			     .currency = "JPY", .reference = ref,
			     .payer = { .payer_name = "ｶ)ﾃｽﾄ", .acct_number = "1234567" } };
	enum store_upsert what;
	struct ur_err err;
	int64_t id = 0;

	if (store_deposit_insert(st, &d, &id, &what, &err) != UR_OK)
		tap_diag("deposit %s: %s", ref, err.msg);
	return id;
}

/* Allocate amount (fee) of deposit dep to invoice number (NULL: on account). */
static int64_t
allocate(struct store *st, int64_t dep, const char *cust, const char *number,
	 int64_t amount, int64_t fee, const char *date)
{
	struct allocation a = { .deposit_id = dep, .customer_id = cust_id(st, cust),
				.invoice_id = number ? inv_id(st, number, NULL) : 0,
				.amount = amount, .fee = fee, .kind = ALLOC_MANUAL,
				.alloc_date = tu_day(date) };
	struct ur_err err;
	int64_t id = 0;

	if (store_allocation_insert(st, &a, &id, &err) != UR_OK)
		tap_diag("allocate %s: %s", number ? number : "-", err.msg);
	return id;
}

static int64_t
verify(struct store *st)
{
	struct ur_err err;
	int64_t n = -1;

	if (store_verify_paid(st, &n, &err) != UR_OK)
		tap_diag("verify: %s", err.msg);
	return n;
}

static void
test_deposits(struct store *st, const char *path)
{
	struct bank_file bf = { "abc123", "furikomi.txt", "zengin-transfer", "CP932", 2 };
	struct deposit d = { .booking_date = tu_day("2025-03-03"), .value_date = tu_day("2025-03-03"),
			     .amount = 1000, .currency = "JPY", .reference = "000123" };
	enum store_upsert what;
	struct ur_err err;
	int64_t id1 = 0, id2 = 0;

	tap_is_int(store_bank_file_insert(st, &bf, &id1, &what, &err), UR_OK, "bank file");
	tap_is_int(what, STORE_INSERTED, "… inserted");
	tap_is_int(store_bank_file_insert(st, &bf, &id2, &what, &err), UR_OK, "same file again");
	tap_ok(what == STORE_UNCHANGED && id1 == id2, "… unchanged, same id");
	d.bank_file_id = id1;
	tap_is_int(store_deposit_insert(st, &d, &id1, &what, &err), UR_OK, "deposit");
	tap_is_int(what, STORE_INSERTED, "… inserted");
	tap_is_int(store_deposit_insert(st, &d, &id2, &what, &err), UR_OK, "same deposit again");
	tap_ok(what == STORE_UNCHANGED && id1 == id2, "… unchanged, same id");
	d.reference = "0123"; /* leading zeros make a different reference */
	tap_is_int(store_deposit_insert(st, &d, &id2, &what, &err), UR_OK, "other reference");
	tap_ok(what == STORE_INSERTED && id1 != id2, "… a new deposit");
	ts_text_is(path, ts_sql(path, "SELECT group_concat(reference || ':' || state, ',')"
				      " FROM deposit",
				"SELECT string_agg(reference || ':' || state, ',' ORDER BY id)"
				" FROM deposit"),
		   "000123:unmatched,0123:unmatched", "references kept exactly, state unmatched");
	tap_is_int(store_deposit_set_state(st, id1, DEPOSIT_UNMATCHED, DEPOSIT_PARKED, 0,
					   "ask sales", &err),
		   UR_OK, "park a deposit");
	tap_is_int(store_deposit_set_state(st, id1, DEPOSIT_UNMATCHED, DEPOSIT_MATCHED, 0, NULL,
					   &err),
		   UR_CONFLICT, "a state that changed meanwhile is a conflict");
	tap_is_str(err.msg, "deposit 000123 is parked now, no longer unmatched: another user changed "
			    "it first", "… said with the reference and both states");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE entity LIKE 'deposit:%'"
			       " AND after LIKE '%\"state\":\"parked\"%'"),
		   1, "the state change is audited");
}

static void
test_paid_cache(struct store *st, const char *path)
{
	struct adjustment cn = { .kind = "credit_note", .amount = 300, .adj_date = tu_day("2025-02-01") };
	struct ur_err err;
	int64_t dep = deposit(st, "900001", 5000, "2025-02-10"), a1, a2, adj, open = -1;

	ts_customer(st, "P1", "Payer", NULL);
	ts_invoice(st, "P-1", "P1", "2025-01-01", "2025-01-31", 3000, NULL);
	ts_invoice(st, "P-2", "P1", "2025-01-05", "2025-02-04", 2500, NULL);
	a1 = allocate(st, dep, "P1", "P-1", 2780, 220, "2025-02-10");
	tap_ok(a1 > 0, "allocation with a transfer fee");
	inv_id(st, "P-1", &open);
	tap_is_int(open, 0, "cash + fee clear the invoice");
	tap_is_int(ts_q1(path, "SELECT amount FROM adjustment WHERE kind = 'fee'"), 220,
		   "the fee is booked as a fee adjustment");
	a2 = allocate(st, dep, "P1", "P-2", 1000, 0, "2025-02-10");
	tap_ok(allocate(st, dep, "P1", NULL, 1220, 0, "2025-02-10") > 0, "rest on account");
	inv_id(st, "P-2", &open);
	tap_is_int(open, 1500, "partial payment leaves 1500 open");
	cn.invoice_id = inv_id(st, "P-2", NULL);
	tap_is_int(store_adjustment_insert(st, &cn, &adj, &err), UR_OK, "credit note");
	inv_id(st, "P-2", &open);
	tap_is_int(open, 1200, "credit note reduces the open amount");
	tap_is_int(verify(st), 0, "paid cache equals the ledger after inserts");

	tap_is_int(store_allocation_void(st, a1, &err), UR_OK, "void the fee allocation");
	inv_id(st, "P-1", &open);
	tap_is_int(open, 3000, "voiding restores cash and fee");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM adjustment WHERE kind = 'fee'"
			       " AND voided_at IS NOT NULL AND voided_by = 'carol'"),
		   1, "the fee adjustment was voided with it");
	tap_is_int(store_allocation_void(st, a1, &err), UR_CONFLICT, "void twice");
	tap_is_int(store_adjustment_void(st, adj, &err), UR_OK, "void the credit note");
	tap_is_int(store_allocation_void(st, a2, &err), UR_OK, "void the partial payment");
	inv_id(st, "P-2", &open);
	tap_is_int(open, 2500, "P-2 fully open again");
	tap_is_int(verify(st), 0, "paid cache equals the ledger after voids");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE action IN ('allocate', 'adjust',"
			       " 'void')"),
		   8, "every ledger change audited (3 allocations, 2 adjustments, 3 voids)");

	tap_ok(allocate(st, dep, "P1", "P-2", 2501, 0, "2025-02-11") == 0,
	       "allocating more than is open is refused");
	tap_ok(ts_exec(path, "DELETE FROM allocation") != SQLITE_OK, "DELETE on allocation refused");
	tap_ok(ts_exec(path, "DELETE FROM adjustment") != SQLITE_OK, "DELETE on adjustment refused");
	tap_ok(ts_exec(path, "UPDATE allocation SET amount = 1") != SQLITE_OK,
	       "rewriting an allocation refused");
	tap_ok(ts_exec(path, "UPDATE allocation SET voided_at = NULL") != SQLITE_OK,
	       "un-voiding refused");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM allocation"), 3, "all allocation rows kept");
	tap_is_int(ts_exec(path, "UPDATE invoice SET paid = paid + 1 WHERE number = 'P-1'"),
		   SQLITE_OK, "raw: corrupt the cache");
	tap_is_int(verify(st), 1, "the recomputation notices a wrong cache");
	ts_exec(path, "UPDATE invoice SET paid = paid - 1 WHERE number = 'P-1'");
}

static void
test_amount_below_paid(struct store *st)
{
	struct invoice inv = { .number = "Q-1", .customer = "P1", .issue_date = tu_day("2025-01-01"),
			       .due_date = tu_day("2025-01-31"), .amount = 1000, .tax = -1 };
	int64_t dep = deposit(st, "900002", 800, "2025-02-10");
	enum store_upsert what;
	struct ur_err err;

	store_invoice_upsert(st, &inv, &what, &err);
	allocate(st, dep, "P1", "Q-1", 800, 0, "2025-02-10");
	inv.amount = 799;
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_CONFLICT,
		   "amount below the paid amount");
	tap_ok(strstr(err.msg, "Q-1") && strstr(err.msg, "800"), "… message: %s", err.msg);
	inv.amount = 800;
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_OK, "amount equal to paid");
	tap_is_int(what, STORE_UPDATED, "… updated");
}

TAP_SUITE(store_ledger)
{
	char path[300];
	struct store *st;
	struct ur_err err;

	ts_db(path, sizeof path, "ledger.db");
	if (store_open(&st, path, "carol", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	test_deposits(st, path);
	test_paid_cache(st, path);
	test_amount_below_paid(st);
	tap_is_int(verify(st), 0, "paid cache equals the ledger at the end");
	store_close(st);
}

struct rows {
	char buf[1024];
	int n, stop_after;
};

static int
row_text(const struct aging_row *r, void *ctx)
{
	struct rows *k = ctx;
	size_t len = strlen(k->buf);

	len += snprintf(k->buf + len, sizeof k->buf - len, "%s/%s:", r->code, r->currency);
	for (int i = 0; i < 5; i++)
		len += snprintf(k->buf + len, sizeof k->buf - len, "%lld,",
				(long long)r->bucket[i]);
	snprintf(k->buf + len, sizeof k->buf - len, "=%lld;", (long long)r->total);
	return ++k->n == k->stop_after;
}

/* The aging rows as text: "CODE/CUR:b0,b1,b2,b3,b4,=total;". */
static const char *
aging(struct store *st, const char *as_of, const int *bounds, int n, struct rows *k)
{
	struct ur_err err;

	memset(k, 0, sizeof *k);
	if (store_aging(st, tu_day(as_of), bounds, n, row_text, k, &err) != UR_OK)
		snprintf(k->buf, sizeof k->buf, "error: %.900s", err.msg);
	return k->buf;
}

/* Sum of the open column of an aging query run on a plain connection of
 * the database seam (no store around it), with bounds 30/60/90 (as the
 * benchmark runs it in the sqlite3 shell). */
/* The aging query sql opened read-only on path, as of as_of with the
 * first nbounds of the limits 30/60/90 days; NULL (said) when it cannot. */
static struct db_stmt *
aging_open(const char *path, const char *sql, const char *as_of, int nbounds,
	   struct db_conn **db)
{
	static const int bound[] = { 30, 60, 90 };
	struct db_stmt *s = NULL;
	char name[8];

	*db = NULL;
	db_setup_once();
	if (db_open(path, DB_OPEN_READONLY, db) != DB_OK || db_prepare(*db, sql, &s) != DB_OK) {
		if (*db)
			tap_diag("%s", db_errmsg(*db));
		return NULL;
	}
	db_bind_text(s, db_param_index(s, ":as_of"), as_of);
	for (int i = 0; i < nbounds; i++) {
		snprintf(name, sizeof name, ":b%d", i + 1);
		db_bind_int64(s, db_param_index(s, name), bound[i]);
	}
	db_bind_int64(s, db_param_index(s, ":company"), 1);
	return s;
}

static long long
sum_open(const char *path, const char *sql, const char *as_of)
{
	struct db_conn *db;
	struct db_stmt *s = aging_open(path, sql, as_of, 3, &db);
	long long sum = -1;

	if (s)
		for (sum = 0; db_step(s) == DB_ROW;)
			sum += db_column_int64(s, 4);
	db_finalize(s);
	db_close(db);
	return sum;
}

/* The rows of the aging query sql as of as_of (limits 30/60), as
 * "code/cur/bucket=open;". */
static char *
rows_open(const char *path, const char *sql, const char *as_of)
{
	struct db_conn *db;
	struct db_stmt *s = aging_open(path, sql, as_of, 2, &db);
	struct strbuf sb;

	sb_init(&sb);
	while (s && db_step(s) == DB_ROW)
		sb_addf(&sb, "%s/%s/%d=%lld;", db_column_text(s, 0), db_column_text(s, 2),
			db_column_int(s, 3), (long long)db_column_int64(s, 4));
	db_finalize(s);
	db_close(db);
	return sb_detach(&sb);
}

/* Hand-computed as of 2025-03-31 (see the comments for days past due). */
static void
aging_data(struct store *st, const char *path)
{
	struct adjustment cn = { .kind = "credit_note", .amount = 1200,
				 .adj_date = tu_day("2025-02-10") };
	int64_t dep = deposit(st, "700001", 100000, "2025-01-15"), a4, id;
	struct ur_err err;

	ts_customer(st, "A001", "Alpha", NULL);
	ts_customer(st, "B002", "Beta", NULL);
	ts_customer(st, "C003", "Gamma", NULL);
	ts_invoice(st, "A-1", "A001", "2025-03-01", "2025-04-30", 1000, NULL); /* -30: current */
	ts_invoice(st, "A-7", "A001", "2025-03-01", "2025-03-31", 100, NULL);  /* 0: current */
	ts_invoice(st, "A-2", "A001", "2025-02-01", "2025-03-01", 2000, NULL); /* 30 */
	ts_invoice(st, "A-8", "A001", "2025-01-28", "2025-02-28", 10, NULL);   /* 31 */
	ts_invoice(st, "A-5", "A001", "2025-01-01", "2025-01-31", 5000, NULL); /* 59 */
	ts_invoice(st, "A-3", "A001", "2024-12-01", "2024-12-31", 3000, NULL); /* 90 */
	ts_invoice(st, "A-4", "A001", "2024-11-01", "2024-11-30", 4000, NULL); /* 121 */
	ts_invoice(st, "A-6", "A001", "2025-04-02", "2025-05-02", 7000, NULL); /* future */
	allocate(st, dep, "A001", "A-2", 500, 0, "2025-03-10");   /* partial: 1500 open */
	allocate(st, dep, "A001", "A-3", 3000, 0, "2025-04-05");  /* after as-of: ignored */
	a4 = allocate(st, dep, "A001", "A-4", 4000, 0, "2025-01-15");
	store_allocation_void(st, a4, &err); /* voided today: paid as of 2025-03-31 */
	cn.invoice_id = inv_id(st, "A-5", NULL);
	store_adjustment_insert(st, &cn, &id, &err); /* 3800 open */
	ts_invoice(st, "B-1", "B002", "2025-03-01", "2025-03-15", 500, NULL); /* 16, JPY */
	ts_invoice(st, "B-2", "B002", "2025-03-05", "2025-04-05", 12345, NULL); /* current */
	/* B-2 in dollars: the store refuses a customer's currency change once it
	 * has invoices, but a database from before that rule may hold both. */
	ts_exec(path, "UPDATE invoice SET currency = 'USD' WHERE number = 'B-2'");
	ts_invoice(st, "C-1", "C003", "2025-01-01", "2025-01-31", 600, NULL);
	allocate(st, dep, "C003", "C-1", 600, 0, "2025-02-01"); /* paid: no row */
}

TAP_SUITE(store_aging)
{
	static const int std[] = { 30, 60, 90 }, custom[] = { 15, 45 }, bad[] = { 30, 30 };
	struct store *st;
	struct ur_err err;
	struct rows k;
	char path[300];

	ts_db(path, sizeof path, "aging.db");
	if (store_open(&st, path, "dave", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	aging_data(st, path);
	tap_is_str(aging(st, "2025-03-31", std, 3, &k),
		   "A001/JPY:1100,1500,3810,3000,0,=9410;B002/JPY:0,500,0,0,0,=500;"
		   "B002/USD:12345,0,0,0,0,=12345;",
		   "as of 2025-03-31, buckets 30/60/90");
	tap_is_str(aging(st, "2025-03-31", custom, 2, &k),
		   "A001/JPY:1100,0,1510,6800,0,=9410;B002/JPY:0,0,500,0,0,=500;"
		   "B002/USD:12345,0,0,0,0,=12345;",
		   "as of 2025-03-31, custom buckets 15/45");
	tap_is_str(aging(st, "2099-12-31", std, 3, &k),
		   "A001/JPY:0,0,0,0,17410,=17410;B002/JPY:0,0,0,0,500,=500;"
		   "B002/USD:0,0,0,0,12345,=12345;",
		   "far future (cached paid amounts): voids count, all 90+");
	tap_is_str(aging(st, "2024-12-31", std, 3, &k), "A001/JPY:3000,0,4000,0,0,=7000;",
		   "as of 2024-12-31: only invoices issued by then, none paid yet");
	tap_is_str(aging(st, "2025-03-31", NULL, 0, &k),
		   "A001/JPY:1100,8310,0,0,0,=9410;B002/JPY:0,500,0,0,0,=500;"
		   "B002/USD:12345,0,0,0,0,=12345;",
		   "no bounds: current and overdue");
	memset(&k, 0, sizeof k);
	k.stop_after = 1;
	tap_is_int(store_aging(st, tu_day("2025-03-31"), std, 3, row_text, &k, &err), UR_OK,
		   "a callback may stop the walk");
	tap_is_int(k.n, 1, "… after one row");
	tap_is_int(store_aging(st, tu_day("2025-03-31"), bad, 2, row_text, &k, &err), UR_INPUT,
		   "bounds must increase");
	store_close(st);
	tap_is_int(sum_open(path, store_aging_sql(), "2099-12-31"), 17410 + 500 + 12345,
		   "store_aging_sql from the ledger agrees with the cached path");
	tap_is_int(sum_open(path, store_aging_fast_sql(), "2099-12-31"), 17410 + 500 + 12345,
		   "store_aging_fast_sql runs in a plain connection");
	tap_is_int(sum_open(path, store_aging_sql(), "2025-03-31"), 9410 + 500 + 12345,
		   "store_aging_sql as of 2025-03-31");
	for (int i = 0; i < 3; i++) {
		static const char *const days[] = { "2024-12-31", "2025-03-31", "2099-12-31" };
		char *want = rows_open(path, store_aging_sql(), days[i]);
		char *got = rows_open(path, store_aging_join_sql(), days[i]);

		tap_ok(*want && strcmp(got, want) == 0,
		       "store_aging_join_sql: the same rows as of %s (%s)", days[i], got);
		free(want);
		free(got);
	}
}

/* "Matched today" counts the matches made today (the clerk's today), not
 * the deposits booked today: bank files come the morning after; the
 * engine's apart from those the clerk made by hand (another clerk's are
 * neither). */
TAP_SUITE(store_matched_today)
{
	struct allocation a = { .kind = ALLOC_AUTO };
	struct sui_counts c;
	int64_t id, d1, d2;
	struct store *st, *other;
	struct ur_err err;
	char path[300];

	ts_db(path, sizeof path, "today.db");
	if (store_open(&st, path, "erin", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	ts_customer(st, "T001", "Today", NULL);
	d1 = deposit(st, "T-1", 1000, "2026-03-30");
	d2 = deposit(st, "T-2", 2000, "2026-03-31");
	a.deposit_id = d1;
	a.customer_id = cust_id(st, "T001");
	a.amount = 1000;
	a.alloc_date = tu_day("2026-03-30");
	tap_is_int(store_allocation_insert(st, &a, &id, &err), UR_OK,
		   "yesterday's deposit matched now");
	a.deposit_id = d2;
	a.amount = 2000;
	a.alloc_date = tu_day("2026-03-31");
	a.made_on = tu_day("2026-03-20"); /* as the demo records a past payment */
	tap_is_int(store_allocation_insert(st, &a, &id, &err), UR_OK, "a match made on 03-20");
	a.kind = ALLOC_MANUAL;
	a.made_on = 0;
	a.deposit_id = deposit(st, "T-3", 3000, "2026-03-31");
	a.amount = 3000;
	tap_is_int(store_allocation_insert(st, &a, &id, &err), UR_OK, "erin matched one by hand");
	tap_is_int(store_open(&other, path, "frank", &err), UR_OK, "frank opens the database");
	a.deposit_id = deposit(other, "T-4", 4000, "2026-03-31");
	a.amount = 4000;
	tap_is_int(store_allocation_insert(other, &a, &id, &err), UR_OK,
		   "frank matched one by hand");
	store_close(other);
	tap_is_int(store_ui_counts(st, tu_day("2026-03-31"), &c, &err), UR_OK, "counts");
	tap_is_int(c.auto_today, 1, "auto-matched today: the one made today, though booked yesterday");
	tap_is_int(c.mine_today, 1, "by you: erin's own, not frank's");
	tap_is_int(store_ui_counts(st, tu_day("2026-03-20"), &c, &err), UR_OK,
		   "counts as of 03-20");
	tap_is_int(c.auto_today, 1, "03-20: the one made that day");
	tap_is_int(c.mine_today, 0, "03-20: none by hand");
	store_close(st);
}
