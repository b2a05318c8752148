/* test_store_company: client companies in one database (issue 17) — two
 * companies with the same customer code, invoice number and deposit, each
 * seeing and changing only its own rows through the store; the current
 * company by default, chosen, unknown and not chosen; adding one; the
 * receiving accounts each owns. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store.h"
#include "store_bank.h"
#include "tap.h"
#include "testutil.h"
#include "test_store.h"

/* What a walk saw, as text. */
struct seen {
	char buf[512];
};

/* "a:n;" after what k saw. */
static void
seen_add(struct seen *k, const char *a, long long n)
{
	size_t len = strlen(k->buf);

	snprintf(k->buf + len, sizeof k->buf - len, "%s:%lld;", a, n);
}

static int
see_customer(const struct customer *c, void *ctx)
{
	seen_add(ctx, c->name, (long long)c->credit_limit);
	return 0;
}

static int
see_invoice(const struct invoice *inv, int64_t open, void *ctx)
{
	(void)open;
	seen_add(ctx, inv->number, (long long)inv->amount);
	return 0;
}

static int
see_deposit(const struct deposit *d, const char *state, const char *customer, void *ctx)
{
	(void)state;
	(void)customer;
	seen_add(ctx, d->reference, (long long)d->amount);
	return 0;
}

static int
see_aging(const struct aging_row *r, void *ctx)
{
	seen_add(ctx, r->name, (long long)r->total);
	return 0;
}

/* Everything the company sees: customers, invoices, deposits, aging. */
static const char *
view(struct store *st, struct seen *k)
{
	static const int bounds[] = { 30, 60, 90 };
	struct ur_err err;

	k->buf[0] = '\0';
	if (store_customers_each(st, see_customer, k, &err) != UR_OK ||
	    store_invoices_each(st, see_invoice, k, &err) != UR_OK ||
	    store_deposits_each(st, see_deposit, k, &err) != UR_OK ||
	    store_aging(st, tu_day("2026-03-31"), bounds, 3, see_aging, k, &err) != UR_OK)
		tap_diag("view: %s", err.msg);
	return k->buf;
}

/* The same customer code, invoice number and deposit in the current company. */
static void
fill(struct store *st, const char *name, int64_t amount)
{
	struct deposit d = { .acct_bank = "0001", .acct_branch = "001",
			     .booking_date = tu_day("2026-03-25"), .value_date = tu_day("2026-03-25"),
			     .amount = 5000, .currency = "JPY", .reference = "R1",
			     .payer = { .payer_name = "ｶ)ﾃｽﾄ", .acct_number = "1234567" } };

	ts_customer(st, "C1", name, NULL);
	ts_invoice(st, "INV-1", "C1", "2026-02-01", "2026-02-28", amount, NULL);
	tap_ok(ts_deposit(st, &d) > 0, "%s: the deposit R1 is new in its company", name);
}

static void
test_two_companies(struct store *st, const char *path)
{
	struct store_company *co;
	struct seen k;
	struct ur_err err;
	int n = 0;

	tap_is_int(store_company_id(st), 1, "a new database has one company, current");
	tap_is_str(store_company_code(st), "main", "… main");
	tap_is_int(store_company_several(st), 0, "… and only it");
	fill(st, "Main One", 1000);
	tap_is_int(store_company_add(st, "b", "Bee", &err), UR_OK, "add company b");
	tap_is_int(store_company_add(st, "b", "Bee", &err), UR_INPUT, "… not twice");
	tap_is_int(store_company_add(st, "b c", "Bee", &err), UR_USAGE, "a code with a space");
	tap_is_int(store_use_company(st, "nosuch", &err), UR_USAGE, "an unknown company");
	tap_is_int(store_company_id(st), 1, "… leaves the current one");
	tap_is_int(store_use_company(st, "b", &err), UR_OK, "use b");
	tap_is_str(view(st, &k), "", "b sees none of main's rows");
	fill(st, "Bee One", 2000);
	tap_is_str(view(st, &k), "Bee One:0;INV-1:2000;R1:5000;Bee One:2000;",
		   "b sees its customer, invoice, deposit and aging");
	tap_is_int(store_use_company(st, "main", &err), UR_OK, "use main");
	tap_is_str(view(st, &k), "Main One:0;INV-1:1000;R1:5000;Main One:1000;",
		   "main sees its own, unchanged");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM customer WHERE code = 'C1'"), 2,
		   "two customers C1 in the file");
	tap_is_int(ts_q1(path, "SELECT count(DISTINCT company_id) FROM deposit WHERE reference = 'R1'"),
		   2, "… and two deposits R1, one per company");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit a JOIN company c ON c.id = a.company_id"
			       " WHERE c.code = 'b' AND a.entity = 'company:b'"),
		   1, "the company's addition is audited in it");
	tap_is_int(store_company_list(st, &co, &n, &err), UR_OK, "company list");
	tap_ok(n == 2 && !strcmp(co[0].code, "b") && co[0].customers == 1 && co[0].invoices == 1 &&
		       co[0].deposits == 1 && !strcmp(co[1].code, "main"),
	       "… both, by code, with their rows counted");
	store_company_free(co, n);
}

static void
test_none_chosen(const char *path)
{
	struct store *st;
	struct seen k;
	struct ur_err err;

	if (store_open(&st, path, "bob", &err) != UR_OK) {
		tap_ok(0, "reopen: %s", err.msg);
		return;
	}
	tap_is_int(store_company_id(st), 0, "with two companies none is current at opening");
	tap_is_int(store_company_several(st), 1, "… the store says there are several");
	tap_is_str(view(st, &k), "", "… and no statement sees a row");
	tap_is_int(store_use_company(st, "b", &err), UR_OK, "choose b");
	tap_is_str(store_company_name(st), "Bee", "… its name");
	tap_ok(strstr(view(st, &k), "Bee One") != NULL, "… its rows");
	store_close(st);
}

/* Receiving accounts: each one company's, listed by company, found with
 * parts left empty; routing scopes the statements to another company. */
static void
test_accounts(const char *path)
{
	struct store_company_account *a = NULL;
	const struct store_company_account *f;
	struct store *st;
	struct ur_err err;
	bool added = false;
	int n = 0;

	if (store_open(&st, path, "bob", &err) != UR_OK) {
		tap_ok(0, "reopen: %s", err.msg);
		return;
	}
	tap_is_int(store_company_account_add(st, "main", "0001", "001", "1234567", &added, &err),
		   UR_OK, "main owns 0001-001-1234567");
	tap_is_int(added, 1, "… added");
	tap_is_int(store_company_account_add(st, "main", "0001", "001", "1234567", &added, &err),
		   UR_OK, "again: no error");
	tap_is_int(added, 0, "… nothing added");
	tap_is_int(store_company_account_add(st, "b", "0001", "001", "1234567", &added, &err),
		   UR_INPUT, "b cannot take it");
	tap_ok(strstr(err.msg, "main") != NULL, "… the owner named: %s", err.msg);
	tap_is_int(store_company_account_add(st, "b", "DEUTDEFF", "", "DE0012", &added, &err),
		   UR_OK, "b owns a camt account (no branch)");
	tap_is_int(store_company_account_add(st, "nosuch", "1", "2", "3", &added, &err), UR_USAGE,
		   "an unknown company: usage");
	tap_is_int(store_company_account_add(st, "b", "", "", "", &added, &err), UR_USAGE,
		   "an empty account: usage");
	tap_is_int(store_company_accounts(st, &a, &n, &err), UR_OK, "list them");
	tap_is_int(n, 2, "… two");
	tap_is_str(n == 2 ? a[0].code : "", "b", "… by company code");
	f = store_company_account_find(a, n, "DEUTDEFF", NULL, "DE0012");
	tap_ok(f && f == &a[0], "a branch not given finds the account registered with none");
	tap_ok(!store_company_account_find(a, n, "0001", "001", "7654321"),
	       "another number finds none");
	if (f) {
		int64_t was = store_company_route(st, f->company_id);

		tap_is_int(store_company_id(st), f->company_id, "routed to b");
		store_company_route(st, was);
		tap_is_int(store_company_id(st), was, "… and back");
	}
	store_company_accounts_free(a, n);
	store_close(st);
}

TAP_SUITE(store_company)
{
	char path[300];
	struct store *st;
	struct ur_err err;

	ts_db(path, sizeof path, "company.db");
	if (store_open(&st, path, "bob", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	test_two_companies(st, path);
	store_close(st);
	test_none_chosen(path);
	test_accounts(path);
}
