/* store_ui_closing: the closing totals (締め) of every customer billed by
 * closing date, for the queue's finder: a deposit from a payer whose name
 * we do not know may pay one of them, and the engine's amount lookup over
 * the whole index finds it so (match_period.c). Kept compact — a total, its
 * customer and currency, sorted by total — and reloaded when the data
 * changed: 160,000 open slips of 28,000 such customers make about 300,000
 * totals in 7 MiB, read in a quarter second. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "terms.h"
#include "xalloc.h"

#define MAX_TOTALS 64 /* per customer, as the engine keeps */

/* Through the open invoices' own index (SQLite chose to walk every invoice
 * by customer and look each up: 2.5 G instructions against 0.8 G); slips of
 * one day may come in another order, which no total depends on. */
static const char closing_slips_sql[] =
	"SELECT i.customer_id, c.terms, c.currency, i.issue_date, i.amount - i.paid"
	" FROM invoice i INDEXED BY invoice_open JOIN customer c ON c.id = i.customer_id"
	" WHERE i.amount <> i.paid AND i.currency = c.currency AND c.terms LIKE '%/%'"
	" AND +c.company_id = " STORE_COMPANY
	" ORDER BY i.customer_id, i.issue_date";

struct totals_load {
	struct sui_names *nm;
	size_t cap;
	int64_t cust;
	char cur[4];
	struct match_totals t;
	int64_t buf[MAX_TOTALS];
};

/* The customer summed so far: its positive totals into nm. */
static void
customer_done(struct totals_load *l)
{
	int n = l->cust ? match_totals_end(&l->t) : 0;

	for (int i = 0; i < n; i++) {
		struct sui_total *t;

		if (l->buf[i] <= 0)
			continue;
		if (l->nm->ntotals == l->cap) {
			l->cap = l->cap ? l->cap * 2 : 4096;
			l->nm->totals = xrealloc(l->nm->totals, l->cap * sizeof *l->nm->totals);
		}
		t = &l->nm->totals[l->nm->ntotals++];
		t->total = l->buf[i];
		t->customer_id = l->cust;
		memcpy(t->cur, l->cur, sizeof t->cur);
	}
	l->cust = 0;
}

/* A new customer's first slip: start its totals when it bills by closing. */
static void
customer_start(struct totals_load *l, struct db_stmt *s)
{
	struct terms terms;

	customer_done(l);
	if (terms_parse(store_column_str(s, 1), &terms, NULL) != UR_OK ||
	    terms.kind != TERMS_CLOSE)
		return;
	l->cust = db_column_int64(s, 0);
	snprintf(l->cur, sizeof l->cur, "%s", store_column_str(s, 2));
	match_totals_start(&l->t, terms.close_day, l->buf, MAX_TOTALS);
}

static int
total_cmp(const void *a, const void *b)
{
	const struct sui_total *x = a, *y = b;

	return (x->total > y->total) - (x->total < y->total);
}

static enum ur_status
load_totals(struct store *st, struct sui_names *nm, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, closing_slips_sql, err);
	struct totals_load l = { .nm = nm };
	int64_t last = 0;
	int rc;

	if (!s)
		return err->status;
	while ((rc = db_step(s)) == DB_ROW) {
		if (db_column_int64(s, 0) != last)
			customer_start(&l, s);
		last = db_column_int64(s, 0);
		if (l.cust)
			match_totals_add(&l.t, store_column_date(s, 3), db_column_int64(s, 4));
	}
	customer_done(&l);
	if (nm->ntotals) { /* kept all day: give back the growth slack */
		nm->totals = xrealloc(nm->totals, nm->ntotals * sizeof *nm->totals);
		qsort(nm->totals, nm->ntotals, sizeof *nm->totals, total_cmp);
	}
	nm->totals_loaded = true;
	return sui_finish(st, s, rc, err);
}

/* The first total at least want. */
static size_t
first_at_least(const struct sui_names *nm, int64_t want)
{
	size_t lo = 0, hi = nm->ntotals;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (nm->totals[mid].total < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

enum ur_status
sui_closing_payers(struct store *st, struct sui_names *nm, const struct match_deposit *d,
		   int64_t *ids, int max, int *n, struct ur_err *err)
{
	struct match_fee_policy fees;
	const char *cur = d->currency ? d->currency : "";

	*n = 0;
	if (!nm->totals_loaded && load_totals(st, nm, err) != UR_OK)
		return err->status;
	match_fee_default(&fees);
	for (int f = -1; f < fees.nfees && *n < max; f++) {
		int64_t want = d->amount + (f < 0 ? 0 : fees.fees[f]);

		for (size_t i = first_at_least(nm, want - MATCH_TOTAL_ROUNDING);
		     i < nm->ntotals && nm->totals[i].total <= want + MATCH_TOTAL_ROUNDING && *n < max;
		     i++) {
			int k;

			for (k = 0; k < *n && ids[k] != nm->totals[i].customer_id; k++)
				;
			if (k == *n && strcmp(nm->totals[i].cur, cur) == 0)
				ids[(*n)++] = nm->totals[i].customer_id;
		}
	}
	return UR_OK;
}
