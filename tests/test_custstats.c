/* test_custstats: the aging rows model and the customer drill-down against
 * hand-computed cases — payments after the as-of date, partial payments
 * with a deducted fee, a credit note, several currencies, the not-yet-due
 * and issue-date ageing, days late and DSO, writing off a remainder — and
 * the receivables settings parser. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arconf.h"
#include "custstats.h"
#include "date.h"
#include "store.h"
#include "store_custstats.h"
#include "tap.h"
#include "testutil.h"
#include "test_store.h"

static int64_t
cs_cust(struct store *st, const char *code, const char *cur, const char *rep, int64_t limit)
{
	struct customer c = { .code = code, .name = code, .currency = cur, .sales_rep = rep,
			      .credit_limit = limit };
	enum store_upsert what;
	struct ur_err err;

	if (store_customer_upsert(st, &c, &what, &err) != UR_OK ||
	    store_customer_get(st, code, &c, &err) != UR_OK)
		tap_diag("customer %s: %s", code, err.msg);
	return c.id;
}

static int64_t
cs_inv_id(struct store *st, const char *number)
{
	struct invoice inv;
	struct ur_err err;
	int64_t open;

	return store_invoice_get(st, number, &inv, &open, &err) == UR_OK ? inv.id : 0;
}

/* A deposit of amount (cur) on date paying fee-deducted amount to number. */
static void
cs_pay(struct store *st, const char *ref, int64_t cid, const char *number, int64_t amount,
       int64_t fee, const char *cur, const char *date)
{
	struct deposit d = { .acct_bank = "0001", .acct_branch = "001",
			     .booking_date = tu_day(date), .value_date = tu_day(date), .amount = amount,
			     .currency = cur, .payer.payer_name = "TEST", .reference = ref,
			     .payer.acct_number = "7654321" };
	struct allocation a = { .customer_id = cid, .invoice_id = cs_inv_id(st, number),
				.amount = amount, .fee = fee, .kind = ALLOC_MANUAL,
				.alloc_date = tu_day(date) };
	enum store_upsert what;
	struct ur_err err;
	int64_t id;

	if (store_deposit_insert(st, &d, &a.deposit_id, &what, &err) != UR_OK ||
	    store_allocation_insert(st, &a, &id, &err) != UR_OK)
		tap_diag("pay %s: %s", number, err.msg);
}

static void
cs_fixture(struct store *st, int64_t *ids)
{
	struct adjustment cn = { 0, "credit_note", 30000, tu_day("2026-03-05"), 0 };
	struct ur_err err;
	int64_t id;

	ids[0] = cs_cust(st, "A", "JPY", "tanaka", 500000);
	ids[1] = cs_cust(st, "B", "CNY", "li", 0);
	ids[2] = cs_cust(st, "C", "JPY", "tanaka", 0);
	ids[3] = cs_cust(st, "D", "JPY", "sato", 0);
	cs_cust(st, "E", "USD", "li", 0);
	ts_invoice(st, "A1", "A", "2026-01-10", "2026-02-10", 100000, NULL);
	ts_invoice(st, "A2", "A", "2026-02-15", "2026-03-15", 50000, NULL);
	ts_invoice(st, "A3", "A", "2026-03-20", "2026-04-20", 30000, NULL);
	ts_invoice(st, "A4", "A", "2025-12-01", "2025-12-31", 20000, NULL);
	ts_invoice(st, "B1", "B", "2025-11-20", "2025-12-20", 123450, NULL);
	ts_invoice(st, "E1", "E", "2026-03-01", "2026-03-31", 10000, NULL);
	ts_invoice(st, "C1", "C", "2026-02-01", "2026-02-28", 80000, NULL);
	ts_invoice(st, "D1", "D", "2026-03-01", "2026-03-31", 10000, NULL);
	cs_pay(st, "R1", ids[0], "A4", 20000, 0, "JPY", "2026-01-20");
	cs_pay(st, "R2", ids[0], "A1", 40000, 0, "JPY", "2026-03-01");
	cs_pay(st, "R3", ids[0], "A2", 9340, 660, "JPY", "2026-03-20");
	cs_pay(st, "R4", ids[0], "A1", 60000, 0, "JPY", "2026-04-05");
	cs_pay(st, "R5", ids[3], "D1", 9500, 0, "JPY", "2026-03-25");
	cn.invoice_id = cs_inv_id(st, "C1");
	if (store_adjustment_insert(st, &cn, &id, &err) != UR_OK)
		tap_diag("credit note: %s", err.msg);
}

static const struct ar_row *
cs_row(const struct ar_set *set, const char *code, const char *cur)
{
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(ar_set_at(set, i)->code, code) && !strcmp(ar_set_at(set, i)->currency, cur))
			return ar_set_at(set, i);
	return NULL;
}

static void
cs_load(struct store *st, const struct ar_settings *s, const char *as_of, bool by_issue,
	struct ar_set *set)
{
	struct ur_err err;

	ar_set_init(set, s, tu_day(as_of), by_issue);
	if (store_ar_rows(st, set, &err) != UR_OK)
		tap_diag("aging rows: %s", err.msg);
}

static void
test_rows_march(struct store *st, const struct ar_settings *s)
{
	struct ar_set set;
	const struct ar_row *a, *b, *bu, *c;

	cs_load(st, s, "2026-03-31", false, &set);
	tap_is_int((long long)set.n, 5, "03-31: five customer/currency rows");
	a = cs_row(&set, "A", "JPY");
	tap_ok(a != NULL, "A has a JPY row");
	if (!a)
		return;
	tap_is_int(a->bucket[0], 30000, "A current: A3 not yet due");
	tap_is_int(a->bucket[1], 40000, "A 1-30: A2 less 9,340 cash + 660 fee");
	tap_is_int(a->bucket[2], 60000, "A 31-60: A1 less 40,000; 60,000 paid 04-05 ignored");
	tap_is_int(a->total, 130000, "A total");
	tap_is_int(a->overdue, 100000, "A overdue");
	tap_is_int(a->oldest_due, tu_day("2026-02-10"), "A oldest overdue due date");
	tap_is_int(ar_credit_use(a), 260, "A credit use 130,000 / 500,000 = 26.0%%");
	tap_is_str(a->sales_rep, "tanaka", "A sales rep");
	b = cs_row(&set, "B", "CNY");
	bu = cs_row(&set, "E", "USD");
	c = cs_row(&set, "C", "JPY");
	tap_ok(b && b->bucket[4] == 123450 && b->total == 123450, "B CNY 1,234.50 over 90 days");
	tap_ok(bu && bu->bucket[0] == 10000 && bu->overdue == 0, "E USD due today is current");
	tap_ok(bu && bu->credit_limit == 0 && ar_credit_use(bu) == -1, "no limit, no use");
	tap_ok(c && c->bucket[2] == 50000 && c->total == 50000,
	       "C 80,000 less a 30,000 credit note, 31 days overdue");
	tap_ok(cs_row(&set, "D", "JPY") && cs_row(&set, "D", "JPY")->bucket[0] == 500,
	       "D 500 left, due today");
	ar_set_view(&set, NULL, AR_COL_CODE, false);
	tap_is_int((long long)set.ntotals, 3, "one total per currency");
	tap_ok(!strcmp(set.totals[0].currency, "CNY") && set.totals[0].total == 123450,
	       "CNY total alone");
	tap_ok(!strcmp(set.totals[1].currency, "JPY") && set.totals[1].total == 180500 &&
		       set.totals[1].bucket[2] == 110000 && set.totals[1].overdue == 150000,
	       "JPY total 130,000 + 50,000 + 500, never added to CNY");
	tap_ok(!strcmp(set.totals[2].currency, "USD") && set.totals[2].total == 10000,
	       "USD total alone");
	ar_set_free(&set);
}

/* Ties under any sort key go by code then currency, ascending either way:
 * through each row's rank, made once per set (in the rows' id order here,
 * E USD was added before the codes after it). */
static void
test_ties(struct store *st, const struct ar_settings *s)
{
	struct ar_set set;
	bool ranked = true;

	cs_load(st, s, "2026-03-31", false, &set);
	ar_set_rank(&set);
	for (size_t i = 0; i < set.n; i++)
		for (size_t j = 0; j < set.n; j++) {
			const struct ar_row *a = ar_set_at(&set, i), *b = ar_set_at(&set, j);
			int c = strcmp(a->code, b->code);

			if (!c)
				c = strcmp(a->currency, b->currency);
			ranked &= (c < 0) == (set.rank[i] < set.rank[j]);
		}
	tap_ok(ranked && set.n == 5, "rows ranked by code then currency");
	for (int desc = 0; desc < 2; desc++) {
		ar_set_view(&set, NULL, AR_COL_LEVEL, desc); /* every row at level 0 */
		tap_ok(set.nview == 5 && !strcmp(ar_set_row(&set, 0)->code, "A") &&
			       !strcmp(ar_set_row(&set, 4)->code, "E"),
		       "a sort key all rows tie on: by code (%s)",
		       desc ? "descending" : "ascending");
	}
	ar_set_free(&set);
}

static void
test_view(struct store *st, const struct ar_settings *s)
{
	struct ar_set set;
	const struct ar_row *win[8];
	size_t n;

	cs_load(st, s, "2026-03-31", false, &set);
	ar_set_view(&set, &(struct ar_filter){ .sales_rep = "tanaka" }, AR_COL_TOTAL, true);
	tap_is_int((long long)set.nview, 2, "sales rep tanaka: A and C");
	tap_is_str(ar_set_row(&set, 0)->code, "A", "by total descending: A first");
	tap_is_int(set.ntotals, 1, "tanaka's rows: one currency");
	tap_is_int(set.totals[0].total, 180000, "tanaka's JPY total");
	ar_set_view(&set, &(struct ar_filter){ .overdue_only = true }, AR_COL_OVERDUE, false);
	tap_is_int((long long)set.nview, 3, "overdue only: A, B, C");
	tap_ok(!strcmp(ar_set_row(&set, 0)->code, "B") && !strcmp(ar_set_row(&set, 1)->code, "C") &&
		       !strcmp(ar_set_row(&set, 2)->code, "A"),
	       "least overdue first, per currency: CNY B, then JPY C, A");
	ar_set_view(&set, &(struct ar_filter){ .currency = "JPY" }, AR_COL_CODE, true);
	n = ar_set_window(&set, 1, 8, win);
	tap_is_int((long long)n, 2, "window from row 1 of 3 JPY rows");
	tap_ok(n == 2 && !strcmp(win[0]->code, "C") && !strcmp(win[1]->code, "A"),
	       "code descending: D, C, A");
	tap_is_int(ar_set_find(&set, "A"), 2, "find A in the view");
	tap_is_int(ar_set_find(&set, "B"), -1, "B filtered out");
	ar_set_view(&set, NULL, AR_COL_BUCKET + 4, true);
	tap_is_str(ar_set_row(&set, 0)->code, "B", "sort by the over-90 bucket");
	ar_set_view(&set, NULL, AR_COL_TOTAL, true);
	tap_ok(set.nview == 5 && !strcmp(ar_set_row(&set, 0)->code, "B") &&
		       !strcmp(ar_set_row(&set, 1)->code, "A") &&
		       !strcmp(ar_set_row(&set, 2)->code, "C") &&
		       !strcmp(ar_set_row(&set, 3)->code, "D") &&
		       !strcmp(ar_set_row(&set, 4)->code, "E"),
	       "amounts sort within their currency: CNY B, then JPY A C D, then USD E");
	ar_set_free(&set);
	test_ties(st, s);
}

static void
test_rows_history(struct store *st, const struct ar_settings *s)
{
	struct ar_settings due = *s;
	struct ar_set set;
	const struct ar_row *a;
	char label[32];

	cs_load(st, s, "2026-02-20", false, &set);
	a = cs_row(&set, "A", "JPY");
	tap_ok(a && a->bucket[0] == 50000 && a->bucket[1] == 100000 && a->total == 150000,
	       "02-20: A1 whole (paid later), A2 not due, A3 not issued");
	tap_ok(cs_row(&set, "C", "JPY") && cs_row(&set, "C", "JPY")->total == 80000,
	       "02-20: C before its credit note");
	ar_set_free(&set);
	cs_load(st, s, "2026-04-10", false, &set);
	a = cs_row(&set, "A", "JPY");
	tap_ok(a && a->total == 70000 && a->bucket[1] == 40000 && a->bucket[0] == 30000,
	       "04-10: A1 cleared on 04-05");
	ar_set_free(&set);
	cs_load(st, s, "2026-03-31", true, &set);
	a = cs_row(&set, "A", "JPY");
	tap_ok(a && a->bucket[1] == 30000 && a->bucket[2] == 40000 && a->bucket[3] == 60000,
	       "by issue date: A3 11 days, A2 44 days, A1 80 days old");
	ar_set_free(&set);
	due.future[0] = 10;
	due.nfuture = 1;
	cs_load(st, &due, "2026-03-31", false, &set);
	a = cs_row(&set, "A", "JPY");
	tap_ok(a && a->bucket[0] == 30000 && a->bucket[1] == 0 && a->bucket[2] == 40000,
	       "not-yet-due split: A3 due in 20 days is beyond 10");
	tap_ok(cs_row(&set, "E", "USD") && cs_row(&set, "E", "USD")->bucket[1] == 10000,
	       "E1 due today falls in due 0-10");
	ar_bucket_label(&set, 0, label, sizeof label);
	tap_is_str(label, "Due >10", "label of the far bucket");
	ar_bucket_key(&set, 5, label, sizeof label);
	tap_is_str(label, "d90_plus", "key of the oldest bucket");
	ar_bucket_key(&set, 3, label, sizeof label);
	tap_is_str(label, "d31_60", "key of 31-60");
	ar_set_free(&set);
}

static const struct drill_invoice *
cs_drill_inv(const struct drill *d, const char *number)
{
	for (size_t i = 0; i < d->ninv; i++)
		if (!strcmp(d->inv[i].number, number))
			return &d->inv[i];
	return NULL;
}

static void
test_drill(struct store *st, const int64_t *ids)
{
	struct drill d;
	const struct drill_invoice *v;
	struct ur_err err;
	int64_t dso = 0;
	int late = 0;

	if (store_drill(st, ids[0], tu_day("2026-03-31"), &d, &err) != UR_OK) {
		tap_diag("drill: %s", err.msg);
		return;
	}
	tap_is_int((long long)d.ninv, 4, "A at 03-31: A4 settled in the year, A1-A3 open");
	tap_is_str(d.ninv ? d.inv[0].number : "", "A4", "by due date: A4 first");
	v = cs_drill_inv(&d, "A1");
	tap_ok(v && v->open == 60000 && v->days_past_due == 49 && v->npaid == 1,
	       "A1: 60,000 open, 49 days past due, the 04-05 payment not shown");
	tap_ok(v && v->npaid && !strcmp(v->paid[0].deposit_ref, "R2") &&
		       v->paid[0].amount == 40000 && v->paid[0].date == tu_day("2026-03-01"),
	       "A1 paid by deposit R2 on 03-01");
	v = cs_drill_inv(&d, "A2");
	tap_ok(v && v->open == 40000 && v->npaid == 1 && v->paid[0].fee == 660,
	       "A2: 9,340 cash and 660 fee");
	v = cs_drill_inv(&d, "A3");
	tap_ok(v && v->days_past_due == -20, "A3: due in 20 days");
	tap_ok(d.ndep == 3, "A's deposits booked by 03-31: R3, R2, R1");
	tap_ok(d.ndep && !strcmp(d.dep[0].reference, "R3") && d.dep[0].nallocs == 1 &&
		       !strcmp(d.dep[0].allocs[0].invoice, "A2"),
	       "newest deposit R3 paid A2");
	tap_ok(d.nstats == 1 && custstats_days_late(&d.stats[0], &late) && late == 200,
	       "days late: A4 paid 20 days late (20.0)");
	tap_ok(d.nstats == 1 && custstats_dso(&d.stats[0], &dso) && dso == 650,
	       "DSO: 130,000 / 180,000 x 90 = 65.0");
	store_drill_free(&d);
	if (store_drill(st, ids[0], tu_day("2026-04-10"), &d, &err) != UR_OK)
		return;
	tap_ok(d.nstats == 1 && custstats_days_late(&d.stats[0], &late) && late == 367,
	       "04-10: (20,000x20 + 40,000x19 + 60,000x54) / 120,000 = 36.7");
	store_drill_free(&d);
	if (store_drill(st, ids[2], tu_day("2026-03-31"), &d, &err) != UR_OK)
		return;
	tap_ok(d.ninv == 1 && d.inv[0].npaid == 1 && !strcmp(d.inv[0].paid[0].kind, "credit_note"),
	       "C1 shows its credit note");
	tap_ok(d.nstats == 1 && custstats_dso(&d.stats[0], &dso) && dso == 563,
	       "C DSO 50,000 / 80,000 x 90 = 56.25 -> 56.3");
	tap_ok(!custstats_days_late(&d.stats[0], &late), "C: nothing settled, no days late");
	store_drill_free(&d);
}

/* A deposit assigned to customer cid but not allocated (a payer taught,
 * the amount left unmatched), booked on date. */
static void
cs_assigned(struct store *st, const char *ref, int64_t cid, const char *date)
{
	struct deposit d = { .acct_bank = "0001", .acct_branch = "001",
			     .booking_date = tu_day(date), .value_date = tu_day(date), .amount = 777,
			     .currency = "JPY", .payer.payer_name = "TEST", .reference = ref,
			     .payer.acct_number = "7654321" };
	enum store_upsert what;
	struct ur_err err;
	int64_t id;

	if (store_deposit_insert(st, &d, &id, &what, &err) != UR_OK ||
	    store_deposit_set_state(st, id, DEPOSIT_UNMATCHED, DEPOSIT_UNMATCHED, cid, NULL,
				    &err) != UR_OK)
		tap_diag("assign %s: %s", ref, err.msg);
}

/* The drill-down's deposits: the ones paying the customer's invoices and
 * the ones assigned to it without an allocation, booked by the as-of
 * date, newest first. */
static void
test_drill_assigned(struct store *st, const int64_t *ids)
{
	struct drill d;
	struct ur_err err;
	char order[64] = "";

	cs_assigned(st, "R6", ids[0], "2026-03-10");
	cs_assigned(st, "R7", ids[0], "2026-04-02");
	cs_assigned(st, "R8", ids[2], "2026-03-11");
	if (store_drill(st, ids[0], tu_day("2026-03-31"), &d, &err) != UR_OK) {
		tap_ok(0, "drill: %s", err.msg);
		return;
	}
	for (size_t i = 0; i < d.ndep; i++)
		snprintf(order + strlen(order), sizeof order - strlen(order), "%s%s",
			 i ? " " : "", d.dep[i].reference);
	tap_is_str(order, "R3 R6 R2 R1", "A at 03-31: assigned R6 among the paying deposits, "
		   "R7 (04-02) and C's R8 left out");
	tap_ok(d.ndep == 4 && d.dep[1].nallocs == 0 && d.dep[1].amount == 777,
	       "R6 has no allocations");
	store_drill_free(&d);
}

static void
test_write_off(struct store *st, const struct ar_settings *s, const char *path)
{
	struct ur_err err;
	int64_t d1 = cs_inv_id(st, "D1"), c1 = cs_inv_id(st, "C1"), got = 0, bad = -1;
	struct ar_set set;

	tap_is_int(store_write_off(st, d1, 400, s, tu_day("2026-03-31"), "rounding", &got, &err),
		   UR_CONFLICT, "write-off: expected amount changed");
	tap_is_int(store_write_off(st, c1, 50000, s, tu_day("2026-03-31"), NULL, &got, &err),
		   UR_INPUT, "write-off above the JPY 1,000 limit");
	tap_ok(strstr(err.msg, "limit") != NULL, "message names the limit: %s", err.msg);
	tap_is_int(store_write_off(st, d1, 500, s, tu_day("2026-03-31"), "rounding", &got, &err),
		   UR_OK, "write off D1's 500");
	tap_is_int(got, 500, "500 written off");
	tap_is_int(store_write_off(st, d1, 0, s, tu_day("2026-03-31"), NULL, &got, &err), UR_INPUT,
		   "nothing left to write off");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE action = 'write-off'"
			       " AND after LIKE '%rounding%'"), 1, "the write-off is audited");
	tap_is_int(store_verify_paid(st, &bad, &err) == UR_OK ? bad : -1, 0,
		   "paid cache still matches the ledger");
	cs_load(st, s, "2026-03-31", false, &set);
	tap_ok(cs_row(&set, "D", "JPY") == NULL, "D no longer in the aging");
	ar_set_free(&set);
}

static void
test_settings(void)
{
	struct ar_settings s;
	struct strbuf errs;
	int bad;

	arconf_default(&s);
	sb_init(&errs);
	bad = arconf_parse(&s, "theme = mono\naging-buckets = 15, 45\n"
			       "aging-due-buckets = 30,60\ndunning-days = 5,20,40,80\n"
			       "write-off-limit = JPY 500, CNY 5.50\n", "cfg", &errs);
	tap_is_int(bad, 0, "settings parse (unknown keys left to the interface)");
	tap_ok(s.nbounds == 2 && s.bounds[1] == 45 && s.nfuture == 2 && s.future[1] == 60,
	       "bucket limits read");
	tap_ok(s.dunning_days[0] == 5 && s.dunning_days[3] == 80, "dunning triggers read");
	tap_is_int(arconf_write_off_limit(&s, "CNY"), 550, "CNY limit 5.50");
	tap_is_int(arconf_write_off_limit(&s, "USD"), 0, "no USD limit any more");
	bad = arconf_parse(&s, "aging-buckets = 60,30\n\ndunning-days = 1,2\n"
			       "write-off-limit = XXX 1\n", "cfg", &errs);
	tap_is_int(bad, 3, "three bad lines");
	tap_ok(strstr(errs.buf, "cfg:1:") && strstr(errs.buf, "cfg:3:") && strstr(errs.buf, "cfg:4:"),
	       "bad lines named: %s", errs.buf);
	tap_ok(s.nbounds == 2 && s.bounds[0] == 15, "bad values keep the earlier ones");
	tap_ok(arconf_is_key("dunning-days") && !arconf_is_key("theme"), "keys known");
	sb_free(&errs);
}

TAP_SUITE(custstats)
{
	struct store *st;
	struct ur_err err;
	struct ar_settings s;
	char path[512];
	int64_t ids[4];

	test_settings();
	ts_db(path, sizeof path, "custstats.db");
	if (store_open(&st, path, "erin", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	arconf_default(&s);
	cs_fixture(st, ids);
	test_rows_march(st, &s);
	test_view(st, &s);
	test_rows_history(st, &s);
	test_drill(st, ids);
	test_drill_assigned(st, ids);
	test_write_off(st, &s, path);
	store_close(st);
}
