/* store_invoice: invoices in SQL — the fast upsert by number used by the
 * importer (cached customer lookup, insert-first), audited updates that
 * refuse to rewrite what payments depend on, lookup and iteration. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store_priv.h"

#define INV_SELECT                                                                    \
	"SELECT i.id, i.number, c.code, i.issue_date, i.due_date, i.amount, i.currency," \
	" i.tax, i.memo, i.amount - i.paid, i.paid, i.customer_id"                     \
	" FROM invoice AS i JOIN customer AS c ON c.id = i.customer_id"

/* Columns of INV_SELECT. */
enum { IC_ID, IC_NUMBER, IC_CODE, IC_ISSUE, IC_DUE, IC_AMOUNT, IC_CUR, IC_TAX, IC_MEMO,
       IC_OPEN, IC_PAID, IC_CUST_ID };

/* Resolve the customer code to its id and currency, remembering the last
 * one: imports list many invoices of one customer in a row. */
static enum ur_status
resolve_customer(struct store *st, const char *code, struct ur_err *err)
{
	static const char sql[] =
		"SELECT id, currency FROM customer WHERE company_id = " STORE_COMPANY " AND code = ?1";
	struct db_stmt *s;
	int rc;

	if (st->last_code && strcmp(st->last_code, code) == 0)
		return UR_OK;
	if (!(s = store_stmt(st, SQ_CUST_BY_CODE, sql, err)))
		return store_status(err);
	db_bind_text(s, 1, code);
	rc = db_step(s);
	if (rc == DB_ROW) {
		st->last_cust_id = db_column_int64(s, 0);
		snprintf(st->last_currency, sizeof st->last_currency, "%s",
			 store_column_str(s, 1));
		store_keep_str(&st->last_code, code);
	}
	db_reset(s);
	if (rc == DB_DONE)
		return ur_fail(err, UR_INPUT, _("unknown customer code: %s"), code);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

/* ?1 number, ?2 customer_id, ?3 issue, ?4 due, ?5 amount, ?6 currency,
 * ?7 tax, ?8 memo — for both the insert and the update. */
static void
inv_bind(struct store *st, struct db_stmt *s, const struct invoice *inv, const char *cur)
{
	db_bind_text(s, 1, inv->number);
	db_bind_int64(s, 2, st->last_cust_id);
	store_bind_date(s, 3, inv->issue_date);
	store_bind_date(s, 4, inv->due_date);
	db_bind_int64(s, 5, inv->amount);
	db_bind_text(s, 6, cur);
	if (inv->tax >= 0)
		db_bind_int64(s, 7, inv->tax);
	store_bind_text(s, 8, inv->memo);
}

static void
inv_json(struct strbuf *sb, const struct invoice *inv)
{
	char d[2][DATE_ISO_SIZE];

	date_format_iso(inv->issue_date, d[0]);
	date_format_iso(inv->due_date, d[1]);
	store_json_begin(sb);
	store_json_str(sb, "number", inv->number);
	store_json_str(sb, "customer", inv->customer);
	store_json_str(sb, "issue_date", d[0]);
	store_json_str(sb, "due_date", d[1]);
	store_json_int(sb, "amount", inv->amount);
	store_json_str(sb, "currency", inv->currency);
	if (inv->tax >= 0)
		store_json_int(sb, "tax", inv->tax);
	else
		store_json_str(sb, "tax", NULL);
	store_json_str(sb, "memo", inv->memo);
	store_json_end(sb);
}

static void
inv_from_row(struct db_stmt *s, struct invoice *inv)
{
	inv->id = db_column_int64(s, IC_ID);
	inv->number = store_column_str(s, IC_NUMBER);
	inv->customer = store_column_str(s, IC_CODE);
	inv->issue_date = store_column_date(s, IC_ISSUE);
	inv->due_date = store_column_date(s, IC_DUE);
	inv->amount = db_column_int64(s, IC_AMOUNT);
	inv->currency = store_column_str(s, IC_CUR);
	inv->tax = db_column_is_null(s, IC_TAX) ? -1 : db_column_int64(s, IC_TAX);
	inv->memo = store_column_str(s, IC_MEMO);
}

/* Compare the stored invoice (current row of s) with the new one; fill
 * st->before/after when they differ. UR_CONFLICT when the change would
 * contradict the payments already booked against it. */
static enum ur_status
inv_compare(struct store *st, struct db_stmt *s, const struct invoice *inv, const char *cur,
	    int *differ, struct ur_err *err)
{
	struct invoice old, nw = *inv;
	int64_t paid = db_column_int64(s, IC_PAID);
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	inv_from_row(s, &old);
	nw.currency = cur;
	nw.tax = inv->tax < 0 ? -1 : inv->tax;
	*differ = db_column_int64(s, IC_CUST_ID) != st->last_cust_id ||
		  old.issue_date != nw.issue_date || old.due_date != nw.due_date ||
		  old.amount != nw.amount || strcmp(old.currency, cur) != 0 ||
		  old.tax != nw.tax || strcmp(old.memo, nw.memo ? nw.memo : "") != 0;
	if (!*differ)
		return UR_OK;
	if (paid != 0 && (db_column_int64(s, IC_CUST_ID) != st->last_cust_id ||
			  strcmp(old.currency, cur) != 0))
		return ur_fail(err, UR_CONFLICT,
			       _("invoice %s already has payments: its customer and currency "
				 "cannot change"), inv->number);
	if (paid > 0 && nw.amount < paid) {
		money_format(nw.amount, cur, MONEY_GROUP, a, sizeof a);
		money_format(paid, cur, MONEY_GROUP, b, sizeof b);
		return ur_fail(err, UR_CONFLICT,
			       _("invoice %s: the new amount %s is less than the %s already paid"),
			       inv->number, a, b);
	}
	inv_json(&st->before, &old);
	inv_json(&st->after, &nw);
	return UR_OK;
}

static enum ur_status
inv_update(struct store *st, const struct invoice *inv, const char *cur,
	   enum store_upsert *what, struct ur_err *err)
{
	static const char sql[] = INV_SELECT " WHERE i.company_id = " STORE_COMPANY " AND i.number = ?1";
	static const char upd[] =
		"UPDATE invoice SET customer_id = ?2, issue_date = ?3, due_date = ?4,"
		" amount = ?5, currency = ?6, tax = ?7, memo = ?8"
		" WHERE company_id = " STORE_COMPANY " AND number = ?1";
	struct db_stmt *s = store_stmt(st, SQ_INV_SELECT, sql, err);
	enum ur_status rc = UR_OK;
	int step, differ = 0;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, inv->number);
	step = db_step(s);
	if (step == DB_ROW)
		rc = inv_compare(st, s, inv, cur, &differ, err);
	db_reset(s);
	if (step != DB_ROW)
		return store_sqlfail(st, step, err);
	if (rc != UR_OK || !differ) {
		*what = STORE_UNCHANGED;
		return rc;
	}
	if (!(s = store_stmt(st, SQ_INV_UPDATE, upd, err)))
		return store_status(err);
	inv_bind(st, s, inv, cur);
	if ((rc = store_step_done(st, s, err)) != UR_OK)
		return rc;
	*what = STORE_UPDATED;
	return store_audit_entity(st, "update", "invoice", inv->number, st->before.buf,
				  st->after.buf, err);
}

enum ur_status
store_invoice_upsert(struct store *st, const struct invoice *inv, enum store_upsert *what,
		     struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO invoice (number, customer_id, issue_date, due_date, amount,"
		" currency, tax, memo, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " STORE_COMPANY ")"
		" ON CONFLICT (company_id, number) DO NOTHING";
	const char *cur;
	struct db_stmt *s;
	enum ur_status rc;

	if (!inv->number || !*inv->number || !inv->customer || !*inv->customer)
		return ur_fail(err, UR_INPUT, _("an invoice needs a number and a customer"));
	if ((rc = resolve_customer(st, inv->customer, err)) != UR_OK)
		return rc;
	cur = inv->currency && *inv->currency ? inv->currency : st->last_currency;
	if (strcmp(cur, st->last_currency) != 0)
		return ur_fail(err, UR_INPUT,
			       _("invoice %s is in %s, but customer %s is billed in %s"),
			       inv->number, cur, inv->customer, st->last_currency);
	if (!(s = store_stmt(st, SQ_INV_INSERT, sql, err)))
		return store_status(err);
	inv_bind(st, s, inv, cur);
	if ((rc = store_step_done(st, s, err)) != UR_OK)
		return rc;
	if (db_changes(st->db) == 1) {
		*what = STORE_INSERTED;
		return UR_OK;
	}
	return inv_update(st, inv, cur, what, err);
}

enum ur_status
store_invoice_get(struct store *st, const char *number, struct invoice *out,
		  int64_t *open_amount, struct ur_err *err)
{
	static const char sql[] = INV_SELECT " WHERE i.company_id = " STORE_COMPANY " AND i.number = ?1";
	struct db_stmt *s = store_stmt(st, SQ_INV_GET, sql, err);
	int rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, number);
	rc = db_step(s);
	if (rc == DB_ROW) {
		inv_from_row(s, out);
		*open_amount = db_column_int64(s, IC_OPEN);
		store_keep_str(&st->inv_strs[0], out->number);
		store_keep_str(&st->inv_strs[1], out->customer);
		store_keep_str(&st->inv_strs[2], out->currency);
		store_keep_str(&st->inv_strs[3], out->memo);
		out->number = st->inv_strs[0];
		out->customer = st->inv_strs[1];
		out->currency = st->inv_strs[2];
		out->memo = st->inv_strs[3];
	}
	db_reset(s);
	if (rc == DB_DONE)
		return ur_fail(err, UR_INPUT, _("unknown invoice number: %s"), number);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_invoices_each(struct store *st, store_invoice_fn fn, void *ctx, struct ur_err *err)
{
	static const char sql[] = INV_SELECT " WHERE +i.company_id = " STORE_COMPANY " ORDER BY i.number";
	struct db_stmt *s;
	struct invoice inv;
	int rc;

	if ((rc = store_prepare_db(st, sql, &s)) != DB_OK)
		return store_sqlfail(st, rc, err);
	while ((rc = db_step(s)) == DB_ROW) {
		inv_from_row(s, &inv);
		if (fn(&inv, db_column_int64(s, IC_OPEN), ctx))
			break;
	}
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

enum ur_status
store_verify_paid(struct store *st, int64_t *mismatches, struct ur_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM invoice AS i WHERE +i.company_id = " STORE_COMPANY " AND i.paid <>"
		" (SELECT coalesce(sum(amount), 0) FROM allocation"
		"   WHERE invoice_id = i.id AND voided_at IS NULL)"
		" + (SELECT coalesce(sum(amount), 0) FROM adjustment"
		"   WHERE invoice_id = i.id AND voided_at IS NULL)";
	struct db_stmt *s;
	int rc;

	if ((rc = store_prepare_db(st, sql, &s)) != DB_OK)
		return store_sqlfail(st, rc, err);
	rc = db_step(s);
	if (rc == DB_ROW)
		*mismatches = db_column_int64(s, 0);
	db_finalize(s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}
