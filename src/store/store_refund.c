/* store_refund: recording, listing and undoing refunds (see
 * store_refund.h). The money on account is what the aging report counts
 * (STORE_ON_ACCOUNT_AS_OF, refunds included). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store_priv.h"
#include "store_refund.h"

/* Finish one-off statement s stepped to rc (DB_DONE or a row). */
static enum ur_status
finish(struct store *st, struct db_stmt *s, int rc, struct ur_err *err)
{
	db_finalize(s);
	return rc == DB_DONE || rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

/* One integer from sql with ?1 id, ?2 text and ?3 day bound (those it
 * has). */
static enum ur_status
one_int(struct store *st, const char *sql, int64_t id, const char *text, int32_t day,
	int64_t *out, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, text);
	if (day)
		store_bind_date(s, 3, day);
	*out = 0;
	if ((rc = db_step(s)) == DB_ROW)
		*out = db_column_int64(s, 0);
	return finish(st, s, rc, err);
}

/* The customer's money on account in cur at the end of day. */
static enum ur_status
on_account(struct store *st, int64_t cust_id, const char *cur, int32_t day, int64_t *out,
	   struct ur_err *err)
{
	static const char sql[] = "SELECT coalesce(sum(a.amount), 0)\n"
		STORE_ON_ACCOUNT_AS_OF("?3") "WHERE a.customer_id = ?1 AND a.currency = ?2";

	return one_int(st, sql, cust_id, cur, day, out, err);
}

/* What the customer holds on account on day and every day after. */
static enum ur_status
on_account_from(struct store *st, int64_t cust_id, const char *cur, int32_t day,
		int64_t *out, struct ur_err *err)
{
	int64_t later;

	if (on_account(st, cust_id, cur, day, out, err) != UR_OK ||
	    on_account(st, cust_id, cur, date_from_ymd(9999, 12, 31), &later, err) != UR_OK)
		return store_status(err);
	if (later < *out)
		*out = later;
	return UR_OK;
}

static enum ur_status
customer_source(struct store *st, const char *code, int32_t day, struct refund_source *o,
		struct ur_err *err)
{
	static const char sql[] =
		"SELECT id, currency FROM customer WHERE company_id = " STORE_COMPANY " AND code = ?1";
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, code);
	if ((rc = db_step(s)) != DB_ROW) {
		if (finish(st, s, rc, err) != UR_OK)
			return store_status(err);
		return ur_fail(err, UR_INPUT, _("unknown customer %s"), code);
	}
	o->customer_id = db_column_int64(s, 0);
	snprintf(o->customer, sizeof o->customer, "%s", code);
	snprintf(o->currency, sizeof o->currency, "%s", store_column_str(s, 1));
	finish(st, s, DB_DONE, err);
	return on_account_from(st, o->customer_id, o->currency, day, &o->available, err);
}

/* A deposit's money on account (its customer in o), less what was
 * refunded of it; 0 when it holds none. */
static enum ur_status
deposit_on_account(struct store *st, struct refund_source *o, int32_t day, struct ur_err *err)
{
	static const char held[] =
		"SELECT coalesce(sum(amount), 0) FROM allocation WHERE deposit_id = ?1"
		" AND invoice_id IS NULL AND voided_at IS NULL AND +company_id = " STORE_COMPANY;
	static const char refunded[] =
		"SELECT coalesce(sum(amount), 0) FROM refund WHERE deposit_id = ?1"
		" AND voided_at IS NULL AND +company_id = " STORE_COMPANY;
	int64_t h, r, total;

	if (one_int(st, held, o->deposit_id, "", 0, &h, err) != UR_OK ||
	    one_int(st, refunded, o->deposit_id, "", 0, &r, err) != UR_OK)
		return store_status(err);
	o->available = h - r;
	if (o->available <= 0 || !o->customer_id)
		return UR_OK;
	if (on_account_from(st, o->customer_id, o->currency, day, &total, err) != UR_OK)
		return store_status(err);
	if (total < o->available)
		o->available = total;
	return UR_OK;
}

/* A deposit waiting in the queue: all of it not refunded yet. */
static enum ur_status
deposit_whole(struct store *st, struct refund_source *o, int64_t amount, struct ur_err *err)
{
	static const char sql[] =
		"SELECT coalesce(sum(amount), 0) FROM refund WHERE deposit_id = ?1"
		" AND voided_at IS NULL AND +company_id = " STORE_COMPANY;
	int64_t r;

	if (one_int(st, sql, o->deposit_id, "", 0, &r, err) != UR_OK)
		return store_status(err);
	o->from_deposit = true;
	o->available = amount - r;
	return UR_OK;
}

static enum ur_status
deposit_source(struct store *st, const char *ref, int32_t day, struct refund_source *o,
	       struct ur_err *err)
{
	static const char sql[] =
		"SELECT d.id, d.state, d.currency, d.amount, coalesce(c.id, 0), coalesce(c.code, ''),"
		" (SELECT count(*) FROM deposit WHERE reference = ?1 AND +company_id = " STORE_COMPANY ")"
		" FROM deposit AS d LEFT JOIN customer AS c ON c.id = d.customer_id"
		" WHERE d.reference = ?1 AND +d.company_id = " STORE_COMPANY " LIMIT 1";
	struct db_stmt *s = store_prepare(st, sql, err);
	int64_t amount;
	int rc, n;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, ref);
	if ((rc = db_step(s)) != DB_ROW) {
		if (finish(st, s, rc, err) != UR_OK)
			return store_status(err);
		return ur_fail(err, UR_INPUT, _("no deposit has the reference %s"), ref);
	}
	o->deposit_id = db_column_int64(s, 0);
	snprintf(o->deposit, sizeof o->deposit, "%s", ref);
	o->state = store_column_state(s, 1);
	snprintf(o->currency, sizeof o->currency, "%s", store_column_str(s, 2));
	amount = db_column_int64(s, 3);
	o->customer_id = db_column_int64(s, 4);
	snprintf(o->customer, sizeof o->customer, "%s", store_column_str(s, 5));
	n = db_column_int(s, 6);
	finish(st, s, DB_DONE, err);
	if (n > 1)
		return ur_fail(err, UR_INPUT, _("%d deposits have the reference %s: refund from "
						"the customer with --customer"), n, ref);
	if (o->state == DEPOSIT_UNMATCHED || o->state == DEPOSIT_PARKED)
		return deposit_whole(st, o, amount, err);
	if (deposit_on_account(st, o, day, err) != UR_OK)
		return store_status(err);
	if (o->available <= 0 && o->state == DEPOSIT_REVERSED)
		return ur_fail(err, UR_INPUT, _("deposit %s was paid back or cancelled already: "
						"nothing to refund"), ref);
	if (o->available <= 0)
		return ur_fail(err, UR_INPUT, _("deposit %s is %s and holds no money on account: "
						"nothing to refund"), ref,
			       deposit_state_label(o->state));
	return UR_OK;
}

enum ur_status
store_refund_source(struct store *st, const char *code, const char *ref, int32_t day,
		    struct refund_source *out, struct ur_err *err)
{
	memset(out, 0, sizeof *out);
	if (code && *code)
		return customer_source(st, code, day, out, err);
	return deposit_source(st, ref ? ref : "", day, out, err);
}

static enum ur_status
refund_check(const struct refund_source *src, const struct refund *r, struct ur_err *err)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	if (!r->paid_to || !*r->paid_to)
		return ur_fail(err, UR_INPUT, _("say to whom the money is paid back (--to)"));
	if (!r->reason || !*r->reason)
		return ur_fail(err, UR_INPUT, _("say why the money is paid back (--reason)"));
	if (r->amount <= 0)
		return ur_fail(err, UR_INPUT, _("a refund is a positive amount"));
	money_format(r->amount, src->currency, MONEY_GROUP, a, sizeof a);
	money_format(src->available > 0 ? src->available : 0, src->currency, MONEY_GROUP, b,
		     sizeof b);
	/* a deposit still in the queue goes back whole: part of it would leave
	 * the rest neither matched nor refundable */
	if (src->from_deposit && r->amount != src->available &&
	    (src->state == DEPOSIT_UNMATCHED || src->state == DEPOSIT_PARKED))
		return ur_fail(err, UR_INPUT, _("deposit %s is still in the queue: it is paid back "
						"whole (%s %s), or matched first and what is left on "
						"account refunded"), src->deposit, src->currency, b);
	if (r->amount <= src->available)
		return UR_OK;
	if (src->from_deposit)
		return ur_fail(err, UR_INPUT, _("refund of %s %s is more than the %s %s of deposit "
						"%s not paid back yet"), src->currency, a,
			       src->currency, b, src->deposit);
	return ur_fail(err, UR_INPUT, _("refund of %s %s is more than the %s %s held on account "
					"for %s"), src->currency, a, src->currency, b,
		       *src->customer ? src->customer : src->deposit);
}

static enum ur_status
refund_insert(struct store *st, const struct refund_source *src, const struct refund *r,
	      int64_t *id, struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO refund (kind, customer_id, deposit_id, amount, currency, refund_date,"
		" paid_to, reason, prev_state, \"user\", company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " STORE_COMPANY ")"
		SQL_RETURNING_ID;
	struct db_stmt *s = store_prepare(st, sql, err);
	char key[24];
	int rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, src->from_deposit ? "deposit" : "on_account");
	if (src->customer_id)
		db_bind_int64(s, 2, src->customer_id);
	if (src->deposit_id)
		db_bind_int64(s, 3, src->deposit_id);
	db_bind_int64(s, 4, r->amount);
	db_bind_text(s, 5, src->currency);
	store_bind_date(s, 6, r->date);
	db_bind_text(s, 7, r->paid_to);
	db_bind_text(s, 8, r->reason);
	store_bind_text(s, 9, src->from_deposit ? deposit_state_word(src->state) : NULL);
	db_bind_text(s, 10, store_user(st));
	rc = store_step_id(st, s, id, err);
	db_finalize(s);
	if (rc != UR_OK)
		return rc;
	snprintf(key, sizeof key, "%lld", (long long)*id);
	store_json_begin(&st->after);
	store_json_str(&st->after, "customer", src->customer);
	store_json_str(&st->after, "deposit", src->deposit);
	store_json_int(&st->after, "amount", r->amount);
	store_json_str(&st->after, "currency", src->currency);
	store_json_str(&st->after, "to", r->paid_to);
	store_json_str(&st->after, "reason", r->reason);
	store_json_end(&st->after);
	return store_audit_entity(st, "insert", "refund", key, NULL, st->after.buf, err);
}

enum ur_status
store_refund_add(struct store *st, const struct refund_source *src, const struct refund *r,
		 int64_t *id, struct ur_err *err)
{
	struct refund_source now;
	enum ur_status rc;

	if (store_begin(st, err) != UR_OK)
		return store_status(err);
	/* again inside the transaction: another clerk may have refunded too */
	rc = store_refund_source(st, src->deposit_id ? NULL : src->customer,
				 src->deposit_id ? src->deposit : NULL, r->date, &now, err);
	if (rc == UR_OK && (now.from_deposit != src->from_deposit ||
			    now.customer_id != src->customer_id))
		rc = ur_fail(err, UR_CONFLICT, _("deposit %s changed meanwhile: another user "
						 "changed it first"), src->deposit);
	if (rc == UR_OK)
		rc = refund_check(&now, r, err);
	if (rc == UR_OK)
		rc = refund_insert(st, &now, r, id, err);
	if (rc == UR_OK && now.from_deposit && r->amount == now.available)
		rc = store_deposit_set_state(st, now.deposit_id, now.state, DEPOSIT_REVERSED,
					     now.customer_id, NULL, err);
	if (rc != UR_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}

/* Refund id's deposit, state before and customer; UR_INPUT when none. */
static enum ur_status
refund_get(struct store *st, int64_t id, int64_t *dep, char *prev, size_t size, int64_t *cust,
	   struct ur_err *err)
{
	static const char sql[] =
		"SELECT coalesce(deposit_id, 0), coalesce(prev_state, ''), coalesce(customer_id, 0),"
		" voided_at IS NOT NULL FROM refund WHERE id = ?1 AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc, voided;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	if ((rc = db_step(s)) != DB_ROW) {
		if (finish(st, s, rc, err) != UR_OK)
			return store_status(err);
		return ur_fail(err, UR_INPUT, _("no refund has the number %lld"), (long long)id);
	}
	*dep = db_column_int64(s, 0);
	snprintf(prev, size, "%s", store_column_str(s, 1));
	*cust = db_column_int64(s, 2);
	voided = db_column_int(s, 3);
	finish(st, s, DB_DONE, err);
	if (voided)
		return ur_fail(err, UR_INPUT, _("refund %lld was undone already"), (long long)id);
	return UR_OK;
}

static enum ur_status
refund_void(struct store *st, int64_t id, struct ur_err *err)
{
	static const char sql[] =
		"UPDATE refund SET voided_at = " SQL_NOW ", voided_by = ?2"
		" WHERE id = ?1 AND voided_at IS NULL AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_prepare(st, sql, err);
	char key[24];
	int rc;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, store_user(st));
	rc = db_step(s);
	if (finish(st, s, rc, err) != UR_OK)
		return store_status(err);
	if (db_changes(st->db) != 1)
		return ur_fail(err, UR_CONFLICT, _("refund %lld was undone already"),
			       (long long)id);
	snprintf(key, sizeof key, "%lld", (long long)id);
	return store_audit_entity(st, "undo", "refund", key, NULL, NULL, err);
}

enum ur_status
store_refund_undo(struct store *st, int64_t id, struct ur_err *err)
{
	char prev[16];
	enum deposit_state state;
	int64_t dep = 0, cust = 0, n = 0;
	enum ur_status rc;

	if (store_begin(st, err) != UR_OK)
		return store_status(err);
	rc = refund_get(st, id, &dep, prev, sizeof prev, &cust, err);
	if (rc == UR_OK && *prev)
		rc = one_int(st, "SELECT state = 'reversed' FROM deposit WHERE id = ?1"
			     " AND +company_id = " STORE_COMPANY,
			     dep, "", 0, &n, err);
	if (rc == UR_OK)
		rc = refund_void(st, id, err);
	if (rc == UR_OK && *prev && n) { /* it was refunded in full: back to the queue */
		rc = deposit_state_parse(prev, &state)
			     ? store_deposit_set_state(st, dep, DEPOSIT_REVERSED, state, cust, NULL, err)
			     : ur_fail(err, UR_FAIL, _("refund %lld: unknown earlier state %s"),
				       (long long)id, prev);
	}
	if (rc != UR_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}

static const char each_sql[] =
	"SELECT r.id, r.kind, coalesce(c.code, ''), coalesce(c.name, d.payer_name, ''),"
	" coalesce(c.address, ''), coalesce(d.reference, ''), r.currency, r.amount, r.refund_date,"
	" r.paid_to, r.reason, r.\"user\", r.created_at, coalesce(r.voided_at, '')"
	" FROM refund AS r LEFT JOIN customer AS c ON c.id = r.customer_id"
	" LEFT JOIN deposit AS d ON d.id = r.deposit_id"
	" WHERE (?1 = 0 OR r.id = ?1) AND +r.company_id = " STORE_COMPANY " ORDER BY r.id";

enum ur_status
store_refunds_each(struct store *st, int64_t id, store_refund_fn fn, void *ctx,
		   struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, each_sql, err);
	struct refund_row r;
	int rc, rows = 0;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	while ((rc = db_step(s)) == DB_ROW) {
		rows++;
		r.id = db_column_int64(s, 0);
		r.kind = store_column_str(s, 1);
		r.customer = store_column_str(s, 2);
		r.name = store_column_str(s, 3);
		r.address = store_column_str(s, 4);
		r.deposit = store_column_str(s, 5);
		r.currency = store_column_str(s, 6);
		r.amount = db_column_int64(s, 7);
		r.date = store_column_date(s, 8);
		r.paid_to = store_column_str(s, 9);
		r.reason = store_column_str(s, 10);
		r.user = store_column_str(s, 11);
		r.created_at = store_column_str(s, 12);
		r.voided_at = store_column_str(s, 13);
		if (fn(&r, ctx))
			break;
	}
	if (finish(st, s, rc, err) != UR_OK)
		return store_status(err);
	if (id && !rows)
		return ur_fail(err, UR_INPUT, _("no refund has the number %lld"), (long long)id);
	return UR_OK;
}
