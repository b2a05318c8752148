/* store_billed: issued closing-period statements (合計請求書) — recording
 * one with its slips, and loading the latest of each period into the
 * matcher (see store_billed.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "i18n.h"
#include "match.h"
#include "store_billed.h"
#include "store_priv.h"

/* The total the period's latest issue billed so far, or -1. */
static enum ur_status
previous_billed(struct store *st, const struct billed_issue *s, int64_t *out, struct ur_err *err)
{
	struct db_stmt *q = store_stmt(st, SQ_BILL_PREV,
		"SELECT billed FROM statement_issue WHERE customer_id = ?1 AND currency = ?2"
		" AND period_from = ?3 AND period_to = ?4 AND +company_id = " STORE_COMPANY
		" ORDER BY id DESC LIMIT 1", err);
	int rc;

	if (!q)
		return err->status;
	db_bind_int64(q, 1, s->customer_id);
	db_bind_text(q, 2, s->currency);
	store_bind_date(q, 3, s->from);
	store_bind_date(q, 4, s->to);
	*out = (rc = db_step(q)) == DB_ROW ? db_column_int64(q, 0) : -1;
	db_reset(q);
	return rc == DB_ROW || rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

static enum ur_status
insert_issue(struct store *st, const struct billed_issue *b, int64_t *id, struct ur_err *err)
{
	struct db_stmt *q = store_stmt(st, SQ_BILL_INSERT,
		"INSERT INTO statement_issue (customer_id, period_from, period_to, currency, billed,"
		" tax_rounding, issued_on, delivery, file, \"user\", purchases, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " STORE_COMPANY ")"
		SQL_RETURNING_ID, err);

	if (!q)
		return err->status;
	db_bind_int64(q, 1, b->customer_id);
	store_bind_date(q, 2, b->from);
	store_bind_date(q, 3, b->to);
	db_bind_text(q, 4, b->currency);
	db_bind_int64(q, 5, b->billed);
	db_bind_int64(q, 6, b->tax_rounding);
	store_bind_date(q, 7, b->issued_on);
	db_bind_text(q, 8, b->delivery);
	db_bind_text(q, 9, b->file ? b->file : "");
	db_bind_text(q, 10, store_user(st));
	db_bind_int64(q, 11, b->purchases);
	return store_step_id(st, q, id, err);
}

/* The statement's slips, with what was open on each. */
static enum ur_status
insert_slips(struct store *st, const struct billed_issue *s, int64_t id, struct ur_err *err)
{
	struct db_stmt *q = store_stmt(st, SQ_BILL_SLIP,
		"INSERT INTO statement_slip (issue_id, invoice_id, open_amount, in_period, company_id)"
		" SELECT ?1, id, ?3, ?5, company_id FROM invoice WHERE number = ?2 AND customer_id = ?4"
		" AND company_id = " STORE_COMPANY, err);
	enum ur_status rc = UR_OK;

	if (!q)
		return err->status;
	for (size_t i = 0; i < s->nslips && rc == UR_OK; i++) {
		int step;

		db_reset(q);
		db_bind_int64(q, 1, id);
		db_bind_text(q, 2, s->slips[i].number);
		db_bind_int64(q, 3, s->slips[i].open);
		db_bind_int64(q, 4, s->customer_id);
		db_bind_int64(q, 5, s->slips[i].in_period);
		if ((step = db_step(q)) != DB_DONE)
			rc = store_sqlfail(st, step, err);
		else if (db_changes(st->db) != 1)
			rc = ur_fail(err, UR_INPUT, _("statement of %s: invoice %s is not in the "
						      "database"), s->code, s->slips[i].number);
	}
	db_reset(q);
	return rc;
}

static enum ur_status
record_body(struct store *st, const struct billed_issue *b, int64_t *previous,
	    struct ur_err *err)
{
	char key[24];
	int64_t id = 0;
	enum ur_status rc;

	if ((rc = previous_billed(st, b, previous, err)) != UR_OK ||
	    (rc = insert_issue(st, b, &id, err)) != UR_OK ||
	    (rc = insert_slips(st, b, id, err)) != UR_OK)
		return rc;
	snprintf(key, sizeof key, "%" PRId64, id);
	store_json_begin(&st->after);
	store_json_int(&st->after, "customer_id", b->customer_id);
	store_json_int(&st->after, "billed", b->billed);
	store_json_int(&st->after, "purchases", b->purchases);
	store_json_int(&st->after, "tax_rounding", b->tax_rounding);
	store_json_str(&st->after, "currency", b->currency);
	store_json_int(&st->after, "slips", (int64_t)b->nslips);
	store_json_str(&st->after, "delivery", b->delivery);
	if (*previous >= 0)
		store_json_int(&st->after, "reissue_of_billed", *previous);
	store_json_end(&st->after);
	return store_audit_entity(st, "issue", "statement", key, NULL, st->after.buf, err);
}

enum ur_status
store_billed_record(struct store *st, const struct billed_issue *b, int64_t *previous,
		    struct ur_err *err)
{
	int own = !st->in_tx;
	int64_t prev = -1;
	enum ur_status rc;

	if (own && (rc = store_begin(st, err)) != UR_OK)
		return rc;
	rc = record_body(st, b, &prev, err);
	if (own && rc != UR_OK)
		store_rollback(st);
	else if (own)
		rc = store_commit(st, err);
	if (previous)
		*previous = prev;
	return rc;
}

/* The latest issue of each period (?1: one customer, 0: all), with one of
 * its slips still open unless one customer's. */
const char store_billed_latest_sql[] =
	"SELECT s.id, s.customer_id, s.currency, s.period_to, s.issued_on, s.billed, s.purchases"
	" FROM statement_issue AS s"
	" WHERE (?1 = 0 OR s.customer_id = ?1) AND +s.company_id = " STORE_COMPANY
	"  AND s.id = (SELECT max(t.id) FROM statement_issue AS t"
	"   WHERE t.customer_id = s.customer_id AND t.currency = s.currency"
	"   AND t.period_to = s.period_to AND t.period_from = s.period_from)"
	"  AND (?1 <> 0 OR EXISTS (SELECT 1 FROM statement_slip AS x JOIN invoice AS i"
	"   ON i.id = x.invoice_id WHERE x.issue_id = s.id AND i.amount <> i.paid))"
	" ORDER BY s.customer_id, s.period_to DESC, s.id DESC";

#define ONE_CUSTOMER_PERIODS 12

enum ur_status
store_billed_load(struct store *st, struct match_index *ix, int64_t customer_id,
		  struct ur_err *err)
{
	struct db_stmt *q, *sl;
	int rc, n = 0;

	if (!store_has_table(st, "statement_issue", NULL))
		return UR_OK; /* a read-only look at an older database */
	if (!(q = store_prepare(st, store_billed_latest_sql, err)))
		return err->status;
	if (!(sl = store_prepare(st, "SELECT invoice_id, open_amount, in_period FROM statement_slip"
				     " WHERE issue_id = ?1 AND +company_id = " STORE_COMPANY, err))) {
		db_finalize(q);
		return err->status;
	}
	db_bind_int64(q, 1, customer_id);
	while ((rc = db_step(q)) == DB_ROW &&
	       (!customer_id || n++ < ONE_CUSTOMER_PERIODS)) {
		match_index_add_bill(ix, db_column_int64(q, 1), store_column_str(q, 2),
				     store_column_date(q, 3), store_column_date(q, 4),
				     db_column_int64(q, 5), db_column_int64(q, 6));
		db_reset(sl);
		db_bind_int64(sl, 1, db_column_int64(q, 0));
		while ((rc = db_step(sl)) == DB_ROW)
			match_index_add_bill_slip(ix, db_column_int64(sl, 0),
						  db_column_int64(sl, 1),
						  db_column_int(sl, 2) != 0);
		if (rc != DB_DONE)
			break;
	}
	db_finalize(sl);
	db_finalize(q);
	return rc == DB_DONE || rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}
