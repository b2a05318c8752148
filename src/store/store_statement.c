/* store_statement: the SQL behind statements and dunning letters (see
 * store_statement.h) — balance on a day, movements of a period, open
 * invoices on a day, the dunning step a customer has reached, and our
 * company settings kept in the database. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "store_confirm.h"
#include "store_priv.h"
#include "store_statement.h"
#include "xalloc.h"

/* "Counts on day ?D": dated by then and not voided by then. */
#define ACTIVE_ON(t, datecol, d)                                                  \
	"(" t "." datecol " <= " d " AND (" t ".voided_at IS NULL OR substr(" t    \
	".voided_at, 1, 10) > " d "))"

/* The customer's own invoices: "+" keeps the planner off
 * invoice_amount(currency, …), which it ties with invoice_customer when the
 * database has no statistics — and then reads every invoice of the
 * currency for one customer (seconds a statement on a large book). */
#define OWN_INVOICE(t) \
	t ".customer_id = ?1 AND +" t ".currency = ?2 AND +" t ".company_id = " STORE_COMPANY

/* ?1 customer id, ?2 currency, ?3 day. */
static const char balance_sql[] =
	"SELECT (SELECT coalesce(sum(i.amount), 0) FROM invoice AS i\n"
	"   WHERE i.customer_id = ?1 AND i.currency = ?2 AND i.issue_date <= ?3\n"
	"     AND +i.company_id = " STORE_COMPANY ")\n"
	" - (SELECT coalesce(sum(a.amount), 0) FROM allocation AS a\n"
	"   JOIN deposit AS d ON d.id = a.deposit_id\n"
	"   WHERE a.customer_id = ?1 AND d.currency = ?2 AND " ACTIVE_ON("a", "alloc_date", "?3") "\n"
	"     AND +a.company_id = " STORE_COMPANY ")\n"
	" - (SELECT coalesce(sum(j.amount), 0) FROM adjustment AS j\n"
	"   JOIN invoice AS i ON i.id = j.invoice_id\n"
	"   WHERE " OWN_INVOICE("i") " AND " ACTIVE_ON("j", "adj_date", "?3") ")\n"
	" + (SELECT coalesce(sum(r.amount), 0) FROM refund AS r\n"
	"   WHERE r.customer_id = ?1 AND r.currency = ?2 AND r.kind = 'on_account'\n"
	"     AND " ACTIVE_ON("r", "refund_date", "?3") " AND +r.company_id = " STORE_COMPANY ")";

/* ?1 customer id, ?2 currency, ?3 first day, ?4 last day. A ledger row's
 * sign in the period: counts at the end (+1) minus counted before (−1);
 * the day shown is when it began or stopped counting. Fee adjustments of
 * allocations travel with their allocation (a.fee); "+j.allocation_id"
 * keeps the planner off adjustment_allocation, where every write-off and
 * credit note of the book sits under NULL. Refunds of money held on
 * account come last, as 'R-ID' to whom it was paid. The conditions are
 * cast to integers (PostgreSQL has no boolean - boolean); a payment's ref
 * and payer, one per deposit, are grouped by too (PostgreSQL wants every
 * column it shows grouped). */
static const char movements_sql[] =
	"WITH al AS (SELECT d.id AS dep, d.reference AS ref, d.payer_name AS payer,\n"
	"    a.amount, a.fee, a.alloc_date, substr(a.voided_at, 1, 10) AS vday,\n"
	"    CAST(" ACTIVE_ON("a", "alloc_date", "?4") " AS INTEGER)\n"
	"    - CAST((a.alloc_date < ?3 AND (a.voided_at IS NULL OR substr(a.voided_at, 1, 10) >= ?3)) AS INTEGER)"
	" AS sg\n"
	"  FROM allocation AS a JOIN deposit AS d ON d.id = a.deposit_id\n"
	"  WHERE a.customer_id = ?1 AND d.currency = ?2 AND +a.company_id = " STORE_COMPANY "\n"
	"    AND (a.alloc_date BETWEEN ?3 AND ?4 OR substr(a.voided_at, 1, 10) BETWEEN ?3 AND ?4)),\n"
	"aj AS (SELECT i.number AS ref, j.kind, j.amount, j.adj_date, j.id,\n"
	"    substr(j.voided_at, 1, 10) AS vday,\n"
	"    CAST(" ACTIVE_ON("j", "adj_date", "?4") " AS INTEGER)\n"
	"    - CAST((j.adj_date < ?3 AND (j.voided_at IS NULL OR substr(j.voided_at, 1, 10) >= ?3)) AS INTEGER)"
	" AS sg\n"
	"  FROM adjustment AS j JOIN invoice AS i ON i.id = j.invoice_id\n"
	"  WHERE " OWN_INVOICE("i") " AND +j.allocation_id IS NULL\n"
	"    AND (j.adj_date BETWEEN ?3 AND ?4 OR substr(j.voided_at, 1, 10) BETWEEN ?3 AND ?4)),\n"
	"rf AS (SELECT r.id, r.paid_to, r.amount, r.refund_date, substr(r.voided_at, 1, 10) AS vday,\n"
	"    CAST(" ACTIVE_ON("r", "refund_date", "?4") " AS INTEGER)\n"
	"    - CAST((r.refund_date < ?3 AND (r.voided_at IS NULL OR substr(r.voided_at, 1, 10) >= ?3)) AS INTEGER)"
	" AS sg\n"
	"  FROM refund AS r WHERE r.customer_id = ?1 AND r.currency = ?2 AND r.kind = 'on_account'\n"
	"    AND +r.company_id = " STORE_COMPANY "\n"
	"    AND (r.refund_date BETWEEN ?3 AND ?4 OR substr(r.voided_at, 1, 10) BETWEEN ?3 AND ?4))\n"
	"SELECT 'I', issue_date, number, coalesce(memo, ''), amount, 0, coalesce(tax, -1), due_date, 0\n"
	"  FROM invoice WHERE customer_id = ?1 AND currency = ?2 AND +company_id = " STORE_COMPANY "\n"
	"    AND issue_date BETWEEN ?3 AND ?4\n"
	"UNION ALL\n"
	"SELECT 'P', day, ref, payer, sum(amount), sum(fee), 0, '', 1 FROM (\n"
	"  SELECT dep, ref, payer, sg * amount AS amount, sg * fee AS fee,\n"
	"    CASE WHEN sg > 0 THEN alloc_date ELSE vday END AS day, sg\n"
	"  FROM al WHERE sg <> 0) AS p\n"
	"  GROUP BY dep, sg, day, ref, payer\n"
	"UNION ALL\n"
	"SELECT 'A', CASE WHEN sg > 0 THEN adj_date ELSE vday END, ref, kind, sg * amount,\n"
	"    0, 0, '', 2 FROM aj WHERE sg <> 0\n"
	"UNION ALL\n"
	"SELECT 'R', CASE WHEN sg > 0 THEN refund_date ELSE vday END, 'R-' || id, paid_to,\n"
	"    sg * amount, 0, 0, '', 3 FROM rf WHERE sg <> 0\n"
	"ORDER BY 2, 9, 3";

/* ?1 customer id, ?2 currency, ?3 day. */
static const char open_items_sql[] =
	"SELECT number, memo, issue_date, due_date, amount, open, disputed FROM (\n"
	"  SELECT i.number, coalesce(i.memo, '') AS memo, i.issue_date, i.due_date, i.amount,\n"
	"    " STORE_INVOICE_DISPUTED("i.id") " AS disputed,\n"
	"    i.amount - (SELECT coalesce(sum(a.amount), 0) FROM allocation AS a\n"
	"      WHERE a.invoice_id = i.id AND " ACTIVE_ON("a", "alloc_date", "?3") ")\n"
	"    - (SELECT coalesce(sum(j.amount), 0) FROM adjustment AS j\n"
	"      WHERE j.invoice_id = i.id AND " ACTIVE_ON("j", "adj_date", "?3") ") AS open\n"
	"  FROM invoice AS i\n"
	"  WHERE i.customer_id = ?1 AND i.currency = ?2 AND i.issue_date <= ?3\n"
	"    AND +i.company_id = " STORE_COMPANY ") AS o\n"
	"WHERE open <> 0 ORDER BY due_date, number";

enum { Q_BALANCE, Q_MOVES, Q_OPEN, Q_COUNT };

struct store_statement {
	struct store *st;
	struct db_stmt *s[Q_COUNT];
};

enum ur_status
store_statement_open(struct store *st, struct store_statement **out, struct ur_err *err)
{
	static const char *const sql[Q_COUNT] = { balance_sql, movements_sql, open_items_sql };
	struct store_statement *q = xcalloc(1, sizeof *q);
	int rc;

	q->st = st;
	for (int i = 0; i < Q_COUNT; i++) {
		rc = store_prepare_db(st, sql[i], &q->s[i]);
		if (rc != DB_OK) {
			store_sqlfail(st, rc, err);
			store_statement_close(q);
			return store_status(err);
		}
	}
	*out = q;
	return UR_OK;
}

void
store_statement_close(struct store_statement *q)
{
	if (!q)
		return;
	for (int i = 0; i < Q_COUNT; i++)
		db_finalize(q->s[i]);
	free(q);
}

/* Reset statement i and bind customer, currency and the day(s). */
static struct db_stmt *
q_bind(struct store_statement *q, int i, int64_t cust_id, const char *cur, int32_t d1,
       int32_t d2)
{
	struct db_stmt *s = q->s[i];

	db_reset(s);
	db_clear_bindings(s);
	store_bind_company(q->st, s);
	db_bind_int64(s, 1, cust_id);
	db_bind_text(s, 2, cur);
	store_bind_date(s, 3, d1);
	if (d2)
		store_bind_date(s, 4, d2);
	return s;
}

static enum ur_status
q_end(struct store_statement *q, struct db_stmt *s, int rc, struct ur_err *err)
{
	db_reset(s);
	if (rc != DB_DONE && rc != DB_ROW)
		return store_sqlfail(q->st, rc, err);
	return UR_OK;
}

enum ur_status
store_statement_balance(struct store_statement *q, int64_t cust_id, const char *cur,
			int32_t day, int64_t *out, struct ur_err *err)
{
	struct db_stmt *s = q_bind(q, Q_BALANCE, cust_id, cur, day, 0);
	int rc = db_step(s);

	if (rc == DB_ROW)
		*out = db_column_int64(s, 0);
	return q_end(q, s, rc, err);
}

enum ur_status
store_statement_movements(struct store_statement *q, int64_t cust_id, const char *cur,
			  int32_t from, int32_t to, store_movement_fn fn, void *ctx,
			  struct ur_err *err)
{
	struct db_stmt *s = q_bind(q, Q_MOVES, cust_id, cur, from, to);
	struct store_movement m;
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		memset(&m, 0, sizeof m);
		m.kind = (enum ledger_move_kind)store_column_str(s, 0)[0];
		m.date = store_column_date(s, 1);
		m.ref = store_column_str(s, 2);
		m.text = store_column_str(s, 3);
		m.amount = db_column_int64(s, 4);
		m.fee = db_column_int64(s, 5);
		m.tax = db_column_int64(s, 6);
		m.due = store_column_date(s, 7);
		if (fn(&m, ctx))
			break;
	}
	return q_end(q, s, rc, err);
}

enum ur_status
store_statement_open_items(struct store_statement *q, int64_t cust_id, const char *cur,
			   int32_t as_of, store_open_item_fn fn, void *ctx, struct ur_err *err)
{
	struct db_stmt *s = q_bind(q, Q_OPEN, cust_id, cur, as_of, 0);
	struct store_open_item it;
	int rc;

	while ((rc = db_step(s)) == DB_ROW) {
		it.number = store_column_str(s, 0);
		it.memo = store_column_str(s, 1);
		it.issue = store_column_date(s, 2);
		it.due = store_column_date(s, 3);
		it.amount = db_column_int64(s, 4);
		it.open = db_column_int64(s, 5);
		it.disputed = db_column_int(s, 6) != 0;
		if (fn(&it, ctx))
			break;
	}
	return q_end(q, s, rc, err);
}

enum ur_status
store_statement_level(struct store *st, int64_t cust_id, int32_t since, int32_t day,
		      int *level, struct ur_err *err)
{
	/* as the aging rows read it: the latest step by day, a tie to the
	 * later row */
	static const char sql[] =
		"SELECT dunning_level FROM contact WHERE customer_id = ?1 AND dunning_level > 0"
		" AND +company_id = " STORE_COMPANY
		" AND substr(at, 1, 10) BETWEEN ?2 AND ?3 ORDER BY substr(at, 1, 10) DESC, id DESC"
		" LIMIT 1";
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	*level = 0;
	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, cust_id);
	store_bind_date(s, 2, since);
	store_bind_date(s, 3, day);
	if ((rc = db_step(s)) == DB_ROW)
		*level = db_column_int(s, 0);
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_statement_letter_logged(struct store *st, int64_t cust_id, int level, int32_t day,
			      bool *logged, struct ur_err *err)
{
	static const char sql[] =
		"SELECT 1 FROM contact WHERE customer_id = ?1 AND dunning_level = ?2"
		" AND +company_id = " STORE_COMPANY
		" AND channel = 'letter' AND at >= ?3 AND at < " SQL_DAY_AFTER("?3") " LIMIT 1";
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	*logged = false;
	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, cust_id);
	db_bind_int64(s, 2, level);
	store_bind_date(s, 3, day);
	*logged = (rc = db_step(s)) == DB_ROW;
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_company_settings(struct store *st, char **text, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;

	*text = NULL;
	if (!store_has_table(st, "company_settings", NULL))
		return UR_OK; /* a database opened read-only may be older than the table */
	if (!(s = store_prepare(st, "SELECT text FROM company_settings WHERE id = " STORE_COMPANY, err)))
		return store_status(err);
	if ((rc = db_step(s)) == DB_ROW && db_column_text(s, 0))
		*text = xstrdup(db_column_text(s, 0));
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_company_settings_set(struct store *st, const char *text, struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO company_settings (id, text) VALUES (" STORE_COMPANY ", ?1)"
		" ON CONFLICT (id) DO UPDATE SET text = excluded.text";
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, text);
	rc = db_step(s);
	db_finalize(s);
	if (rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return store_audit(st, "set", "company_settings", NULL, NULL, err);
}
