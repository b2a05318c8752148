/* store_custstats: the aging rows of the aged-receivables pane for any
 * as-of date, with each customer's sales rep, credit limit, last contact,
 * open promise and dunning level; and writing off a small remainder.
 * The drill-down is in store_drill.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "contact.h"
#include "date.h"
#include "i18n.h"
#include "kana.h"
#include "money.h"
#include "store_custstats.h"
#include "store_priv.h"

/* Open at :d, per invoice, without summing the whole history: the open
 * amount now (amount − paid, kept in step with the ledger)
 * corrected by the ledger rows that count now but not at :d (dated after
 * it: add them back) and those that counted at :d but were voided since
 * (take them off). Invoices with no correction come from the partial index
 * of open invoices, in customer and currency order; the corrected ones are
 * sorted and merged in. Full scans of the ledger beat index look-ups
 * (measured at 1M invoices: 0.2 s against 1.7 s three months back). Rows:
 * customer id, currency, due date, issue date, open amount; and, with no
 * dates, the money each customer has on account at :d (allocations to no
 * invoice, few: through their index). */
static const char ar_open_sql[] =
	"WITH d(inv, x) AS (\n"
	"  SELECT invoice_id, amount FROM allocation NOT INDEXED\n"
	"  WHERE alloc_date > :d AND voided_at IS NULL AND invoice_id IS NOT NULL\n"
	"  UNION ALL\n"
	"  SELECT invoice_id, -amount FROM allocation INDEXED BY allocation_voided\n"
	"  WHERE voided_at IS NOT NULL AND alloc_date <= :d\n"
	"    AND substr(voided_at, 1, 10) > :d AND invoice_id IS NOT NULL\n"
	"  UNION ALL\n"
	"  SELECT invoice_id, amount FROM adjustment NOT INDEXED\n"
	"  WHERE adj_date > :d AND voided_at IS NULL\n"
	"  UNION ALL\n"
	"  SELECT invoice_id, -amount FROM adjustment INDEXED BY adjustment_voided\n"
	"  WHERE voided_at IS NOT NULL AND adj_date <= :d\n"
	"    AND substr(voided_at, 1, 10) > :d),\n"
	"dd AS MATERIALIZED (SELECT inv, sum(x) AS x FROM d GROUP BY inv)\n"
	"SELECT customer_id, currency, due_date, issue_date, amount - paid\n"
	"FROM invoice INDEXED BY invoice_open\n"
	"WHERE amount <> paid AND issue_date <= :d AND id NOT IN (SELECT inv FROM dd)\n"
	"  AND " STORE_OWN_CUSTOMER("customer_id") "\n"
	"UNION ALL\n"
	"SELECT i.customer_id, i.currency, i.due_date, i.issue_date, i.amount - i.paid + dd.x\n"
	"FROM dd JOIN invoice AS i ON i.id = dd.inv\n"
	"WHERE i.issue_date <= :d AND i.amount - i.paid + dd.x <> 0\n"
	"  AND " STORE_OWN_CUSTOMER("i.customer_id") "\n"
	"UNION ALL\n"
	"SELECT a.customer_id, a.currency, NULL, NULL, sum(a.amount)\n"
	STORE_ON_ACCOUNT_AS_OF(":d")
	"WHERE " STORE_OWN_CUSTOMER("a.customer_id") "\n"
	"GROUP BY 1, 2\n"
	"ORDER BY 1, 2";

/* Every customer, in id order, merged with the rows. */
static const char ar_customer_sql[] =
	"SELECT id, code, name, coalesce(sales_rep, ''), credit_limit, currency,"
	" coalesce(kana_key, ''), coalesce(collector, '')"
	" FROM customer WHERE +company_id = " STORE_COMPANY " ORDER BY id";

/* The contact log up to :d, in one scan (the order of rows is the order
 * they were recorded in): each customer's latest contact, open promise
 * (the latest made by :d that falls due on or after it) and dunning step. */
static const char ar_contact_sql[] =
	"SELECT customer_id, substr(at, 1, 10), coalesce(promise_date, ''),"
	" coalesce(promise_amount, 0), dunning_level FROM contact NOT INDEXED WHERE at < :end"
	" AND +company_id = " STORE_COMPANY;

static void
ar_bind_date(struct db_stmt *s, const char *name, const char *day)
{
	int i = db_param_index(s, name);

	if (i > 0)
		db_bind_text_copy(s, i, day);
}

/* :d, :end (the day after) and the bucket limits as dates. */
static void
ar_bind(struct db_stmt *s, const struct ar_set *set)
{
	char day[DATE_ISO_SIZE], name[8];

	date_format_iso(set->as_of, day);
	ar_bind_date(s, ":d", day);
	date_format_iso(set->as_of + 1, day);
	ar_bind_date(s, ":end", day);
	for (int k = 0; k < ARCONF_MAX_FUTURE; k++) {
		snprintf(name, sizeof name, ":f%d", k + 1);
		if (k < set->nfuture)
			date_format_iso(set->as_of + set->future[k], day);
		else
			snprintf(day, sizeof day, "9999-12-31");
		ar_bind_date(s, name, day);
	}
	for (int k = 0; k < ARCONF_MAX_BOUNDS; k++) {
		snprintf(name, sizeof name, ":o%d", k + 1);
		if (k < set->nbounds)
			date_format_iso(set->as_of - set->bounds[k], day);
		else
			day[0] = '\0';
		ar_bind_date(s, name, day);
	}
	if (db_param_index(s, ":nf") > 0)
		db_bind_int64(s, db_param_index(s, ":nf"), set->nfuture);
}

static struct db_stmt *
ar_prepare(struct store *st, const char *sql, const struct ar_set *set, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);

	if (!s)
		return NULL;
	ar_bind(s, set);
	return s;
}

/* Finish statement s after stepping ended with rc (DB_DONE: fine). */
static enum ur_status
ar_finish(struct store *st, struct db_stmt *s, int rc, struct ur_err *err)
{
	enum ur_status r = rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);

	db_finalize(s);
	return r;
}

/* Day number of the 'YYYY-MM-DD' text in column col (0 when malformed). */
static int32_t
ar_day(struct db_stmt *s, int col)
{
	const char *t = db_column_text(s, col);
	int v[3] = { 0, 0, 0 }, f = 0;

	if (!t || db_column_bytes(s, col) != 10)
		return 0;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			f++;
			continue;
		}
		if (t[i] < '0' || t[i] > '9')
			return 0;
		v[f] = v[f] * 10 + (t[i] - '0');
	}
	return date_from_ymd(v[0], v[1], v[2]);
}

/* Add the open invoice (or the money on account) in s to the set (a new
 * row when the customer or currency changes). */
static enum ur_status
ar_invoice(struct ar_set *set, struct db_stmt *s, struct ur_err *err)
{
	struct ar_row *r = set->n ? ar_set_at(set, set->n - 1) : NULL;
	int64_t cid = db_column_int64(s, 0);
	const char *cur = store_column_str(s, 1);
	int32_t due = ar_day(s, 2), age = set->by_issue ? ar_day(s, 3) : due;

	if (!r || r->customer_id != cid || strcmp(r->currency, cur) != 0)
		r = ar_set_add(set, cid, cur);
	if (db_column_is_null(s, 2)) {
		if (!money_add(r->on_account, db_column_int64(s, 4), &r->on_account))
			return ur_fail(err, UR_FAIL, _("aging: the open amounts of a customer overflow"));
		return UR_OK;
	}
	if (!ar_row_add(set, r, ar_set_bucket(set, age), db_column_int64(s, 4)))
		return ur_fail(err, UR_FAIL, _("aging: the open amounts of a customer overflow"));
	if (due < set->as_of && (!r->oldest_due || due < r->oldest_due))
		r->oldest_due = due;
	if (due < set->as_of)
		rating_add_open(ar_set_rin(set, r), db_column_int64(s, 4),
				(int)(set->as_of - due));
	return UR_OK;
}

/* Drop the rows whose amounts cancel out (a credit as large as the debt). */
static void
ar_drop_zero(struct ar_set *set)
{
	size_t keep = 0;

	for (size_t i = 0; i < set->n; i++) {
		const struct ar_row *r = ar_set_at(set, i);

		if ((r->total != 0 || r->overdue != 0 || r->on_account != 0) && keep++ != i) {
			memcpy(ar_set_at(set, keep - 1), r, set->stride);
			set->rin[keep - 1] = set->rin[i];
		}
	}
	set->n = keep;
	ar_set_shrink(set);
}

static enum ur_status
ar_main(struct store *st, struct ar_set *set, struct ur_err *err)
{
	struct db_stmt *s = ar_prepare(st, ar_open_sql, set, err);
	enum ur_status r = UR_OK;
	int rc = DB_DONE;
	size_t items = 0;

	if (!s)
		return store_status(err);
	while (r == UR_OK && (rc = db_step(s)) == DB_ROW) {
		r = ar_invoice(set, s, err);
		if (++items % 4096 == 0 && set->progress)
			set->progress(set->progress_ctx, items);
	}
	if (r != UR_OK) {
		db_finalize(s);
		return r;
	}
	ar_drop_zero(set);
	return ar_finish(st, s, rc, err);
}

/* The sort key of the name in row s into key: from the folded reading
 * stored with the customer, or the name folded here when there is none. */
static const char *
ar_name_key(struct db_stmt *s, struct strbuf *folded, struct strbuf *key)
{
	const char *kana_key = store_column_str(s, 6);

	if (!*kana_key) {
		kana_fold(store_column_str(s, 2), folded, NULL);
		kana_key = folded->buf;
	}
	collate_name_key(kana_key, key);
	return key->buf;
}

/* Names (and their sort keys), sales reps and credit limits from one
 * ordered scan of customers. */
static enum ur_status
ar_customers(struct store *st, struct ar_set *set, struct ur_err *err)
{
	struct db_stmt *s = ar_prepare(st, ar_customer_sql, set, err);
	struct strbuf folded, key;
	size_t i = 0;
	int rc = DB_DONE;

	if (!s)
		return store_status(err);
	sb_init(&folded);
	sb_init(&key);
	while (i < set->n && (rc = db_step(s)) == DB_ROW) {
		int64_t cid = db_column_int64(s, 0);
		const char *cur = store_column_str(s, 5);
		enum contact_owner who = CONTACT_OWNER_NONE;

		if (ar_set_at(set, i)->customer_id != cid)
			continue;
		ar_set_customer(set, ar_set_at(set, i), store_column_str(s, 1),
				store_column_str(s, 2), ar_name_key(s, &folded, &key),
				store_column_str(s, 3));
		contact_owner_parse(store_column_str(s, 7), &who);
		for (; i < set->n && ar_set_at(set, i)->customer_id == cid; i++) {
			ar_set_at(set, i)->collector = (int8_t)who;
			if (strcmp(ar_set_at(set, i)->currency, cur) == 0)
				ar_set_at(set, i)->credit_limit = db_column_int64(s, 4);
		}
	}
	sb_free(&folded);
	sb_free(&key);
	if (i == set->n)
		rc = DB_DONE;
	return ar_finish(st, s, rc, err);
}

/* Apply one contact to the rows of its customer; ties on the day go to
 * the later row. */
static void
ar_contact(struct ar_set *set, struct db_stmt *s)
{
	int64_t cid = db_column_int64(s, 0);
	char *p = (char *)ar_set_first(set, cid), *end = set->rows + set->n * set->stride;
	int32_t day = ar_day(s, 1), promise = ar_day(s, 2);
	int level = db_column_int(s, 4);
	struct ar_row *r;

	for (; p && p < end && (r = (struct ar_row *)p)->customer_id == cid; p += set->stride) {
		if (day >= r->last_contact)
			r->last_contact = day;
		if (promise >= set->as_of && day >= r->promise_made) {
			r->promise_date = promise;
			r->promise_amount = db_column_int64(s, 3);
			r->promise_made = day;
		}
		if (level > 0 && r->oldest_due && day >= r->oldest_due && day >= r->dunning_day) {
			r->dunning_level = (int8_t)level;
			r->dunning_day = day;
		}
	}
}

static enum ur_status
ar_contacts(struct store *st, struct ar_set *set, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;

	if (!set->n)
		return UR_OK;
	if (!(s = ar_prepare(st, ar_contact_sql, set, err)))
		return store_status(err);
	while ((rc = db_step(s)) == DB_ROW)
		ar_contact(set, s);
	return ar_finish(st, s, rc, err);
}

enum ur_status
store_ar_rows(struct store *st, struct ar_set *set, struct ur_err *err)
{
	enum ur_status rc;

	if ((rc = ar_main(st, set, err)) != UR_OK || (rc = ar_customers(st, set, err)) != UR_OK ||
	    (rc = ar_contacts(st, set, err)) != UR_OK ||
	    (rc = store_rating_hist(st, set->as_of, &set->hist, err)) != UR_OK)
		return rc;
	ar_set_rate(set);
	ar_set_view(set, NULL, AR_COL_CODE, false);
	return UR_OK;
}

/* The open amount of invoice id now, its number and currency. */
static enum ur_status
wo_invoice(struct store *st, int64_t id, int64_t *open, char *number, size_t nsize,
	   char *cur, size_t csize, struct ur_err *err)
{
	static const char sql[] =
		"SELECT amount - paid, number, currency FROM invoice"
		" WHERE id = ?1 AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = NULL;
	int rc = store_prepare_db(st, sql, &s);

	if (rc == DB_OK) {
		db_bind_int64(s, 1, id);
		rc = db_step(s);
	}
	if (rc == DB_ROW) {
		*open = db_column_int64(s, 0);
		snprintf(number, nsize, "%s", store_column_str(s, 1));
		snprintf(cur, csize, "%s", store_column_str(s, 2));
		db_finalize(s);
		return UR_OK;
	}
	db_finalize(s);
	if (rc == DB_DONE)
		return ur_fail(err, UR_INPUT, _("no such invoice"));
	return store_sqlfail(st, rc, err);
}

static enum ur_status
wo_check(int64_t open, int64_t expected, int64_t limit, const char *number, const char *cur,
	 struct ur_err *err)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	if (open != expected)
		return ur_fail(err, UR_CONFLICT,
			       _("invoice %s changed meanwhile (open amount now %s); look again"),
			       number, (money_format(open, cur, MONEY_GROUP, a, sizeof a), a));
	if (open <= 0)
		return ur_fail(err, UR_INPUT, _("invoice %s has nothing open to write off"),
			       number);
	if (open > limit) {
		money_format(open, cur, MONEY_GROUP, a, sizeof a);
		money_format(limit, cur, MONEY_GROUP, b, sizeof b);
		return ur_fail(err, UR_INPUT,
			       _("%s %s open on invoice %s is above the write-off limit of %s %s"),
			       cur, a, number, cur, b);
	}
	return UR_OK;
}

static enum ur_status
wo_write(struct store *st, int64_t id, int64_t open, int32_t day, const char *number,
	 const char *note, struct ur_err *err)
{
	struct adjustment adj = { id, "write_off", open, day, 0 };
	int64_t adj_id = 0;
	enum ur_status rc;

	if ((rc = store_adjustment_insert(st, &adj, &adj_id, err)) != UR_OK)
		return rc;
	sb_reset(&st->after);
	store_json_begin(&st->after);
	store_json_int(&st->after, "adjustment", adj_id);
	store_json_int(&st->after, "amount", open);
	store_json_str(&st->after, "note", note ? note : "");
	store_json_end(&st->after);
	return store_audit_entity(st, "write-off", "invoice", number, NULL, st->after.buf, err);
}

enum ur_status
store_write_off(struct store *st, int64_t invoice_id, int64_t expected,
		const struct ar_settings *s, int32_t day, const char *note, int64_t *amount,
		struct ur_err *err)
{
	char number[64], cur[8];
	int64_t open = 0;
	enum ur_status rc;

	if ((rc = store_begin(st, err)) != UR_OK)
		return rc;
	rc = wo_invoice(st, invoice_id, &open, number, sizeof number, cur, sizeof cur, err);
	if (rc == UR_OK)
		rc = wo_check(open, expected, arconf_write_off_limit(s, cur), number, cur, err);
	if (rc == UR_OK)
		rc = wo_write(st, invoice_id, open, day, number, note, err);
	if (rc != UR_OK) {
		store_rollback(st);
		return rc;
	}
	if ((rc = store_commit(st, err)) == UR_OK && amount)
		*amount = open;
	return rc;
}
