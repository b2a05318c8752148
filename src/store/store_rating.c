/* store_rating: the payment history a credit rating is made of, for every
 * customer at once (see store_rating_hist in store_custstats.h): two
 * scans, so a pane's load costs the same whether it shows one customer or
 * fifty thousand. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "date.h"
#include "store_confirm.h"
#include "store_custstats.h"
#include "store_priv.h"

/* Cleared in (:from, :d], active at :d: customer, invoice currency, weight
 * (cash plus deducted fee), the day paid and the day due — added up per
 * customer and currency here (rating_add_paid): SQL's GROUP BY sorted the
 * 788,000 rows of 1M invoices and its date functions cost more than the
 * scan (measured: 1.48 s against 0.26 s for the join alone). Credit slips
 * (negative) carry no weight. A full scan of the ledger beats its date
 * index (measured at 1M invoices, 722,000 allocations: 0.42 s against
 * 0.90 s). */
static const char hist_paid_sql[] =
	"SELECT a.customer_id, i.currency, a.amount + a.fee, a.alloc_date, i.due_date\n"
	"FROM allocation AS a NOT INDEXED JOIN invoice AS i ON i.id = a.invoice_id\n"
	"WHERE a.alloc_date > :from AND a.alloc_date <= :d AND a.amount + a.fee > 0\n"
	"  AND (a.voided_at IS NULL OR substr(a.voided_at, 1, 10) > :d)\n"
	"  AND +a.company_id = " STORE_COMPANY;

/* Promises made by :d falling due in [:p_from, :d) that were not paid in
 * full by their date (what the customer paid from the day of the promise
 * up to its date, as the contact log counts it). */
static const char hist_broken_sql[] =
	"SELECT k.customer_id, c.currency, count(*)\n"
	"FROM contact AS k JOIN customer AS c ON c.id = k.customer_id\n"
	"WHERE k.promise_date >= :p_from AND k.promise_date < :d AND k.at < :end\n"
	"  AND +k.company_id = " STORE_COMPANY "\n"
	"  AND k.promise_amount > (\n"
	"    SELECT coalesce(sum(a.amount + a.fee), 0) FROM allocation AS a\n"
	"    WHERE a.customer_id = k.customer_id\n"
	"      AND a.alloc_date >= substr(k.at, 1, 10) AND a.alloc_date <= k.promise_date\n"
	"      AND (a.voided_at IS NULL OR substr(a.voided_at, 1, 10) > :d))\n"
	"GROUP BY 1, 2 ORDER BY 1, 2";

static void
hist_bind(struct db_stmt *s, const char *name, int32_t day)
{
	int i = db_param_index(s, name);

	if (i > 0)
		store_bind_date(s, i, day);
}

static struct db_stmt *
hist_prepare(struct store *st, const char *sql, int32_t as_of, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);

	if (!s)
		return NULL;
	hist_bind(s, ":d", as_of);
	hist_bind(s, ":end", as_of + 1);
	hist_bind(s, ":from", as_of - RATING_WINDOW);
	hist_bind(s, ":p_from", as_of - RATING_RECENT);
	return s;
}

static enum ur_status
hist_walk(struct store *st, const char *sql, int32_t as_of, struct rating_hist *h, bool paid,
	  struct ur_err *err)
{
	struct db_stmt *s = hist_prepare(st, sql, as_of, err);
	struct rating_fill f;
	int rc;

	if (!s)
		return store_status(err);
	rating_fill_begin(&f, h);
	while ((rc = db_step(s)) == DB_ROW)
		if (paid)
			rating_add_paid(rating_fill_get(&f, db_column_int64(s, 0),
							store_column_str(s, 1)),
					db_column_int64(s, 2), store_column_date(s, 3),
					store_column_date(s, 4), as_of);
		else
			rating_fill_get(&f, db_column_int64(s, 0), store_column_str(s, 1))
				->broken = db_column_int(s, 2);
	rating_fill_end(&f);
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_rating_hist(struct store *st, int32_t as_of, struct rating_hist *h, struct ur_err *err)
{
	enum ur_status rc = hist_walk(st, hist_paid_sql, as_of, h, true, err);

	if (rc == UR_OK)
		rc = hist_walk(st, hist_broken_sql, as_of, h, false, err);
	return rc == UR_OK ? store_confirm_disputes(st, as_of, h, err) : rc;
}
