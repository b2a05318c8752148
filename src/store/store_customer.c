/* store_customer: customers in SQL — upsert by code (audited updates),
 * lookup and ordered iteration. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "store_priv.h"

/* Text columns in binding order: ?1…?10 in the insert and update,
 * columns 1…10 of the select; credit_limit is ?11 / column 11. */
#define CUST_NTEXT 10
static const char *const cust_cols[CUST_NTEXT] = {
	"code", "name", "kana", "kana_key", "currency",
	"terms", "sales_rep", "phone", "email", "address",
};

#define CUST_SELECT                                                                  \
	"SELECT id, code, name, kana, kana_key, currency, terms, sales_rep, phone, email," \
	" address, credit_limit, payer_parent, rep_kana, fee_policy, collector FROM customer"

/* Who else pays, how it pays and who calls it when it is late: ?12 … ?15
 * / columns 12 … 15 (kept by store_customer_get after the CUST_NTEXT). */
#define CUST_NPAYER 4
static const char *const payer_cols[CUST_NPAYER] = { "payer_parent", "rep_kana",
						      "fee_policy", "collector" };

static void
cust_payers(const struct customer *c, const char *v[CUST_NPAYER])
{
	v[0] = c->payer_parent;
	v[1] = c->rep_kana;
	v[2] = c->fee_policy;
	v[3] = c->collector;
}

static void
cust_texts(const struct customer *c, const char *v[CUST_NTEXT])
{
	v[0] = c->code;
	v[1] = c->name;
	v[2] = c->kana;
	v[3] = c->kana_key;
	v[4] = c->currency && *c->currency ? c->currency : "JPY";
	v[5] = c->terms;
	v[6] = c->sales_rep;
	v[7] = c->phone;
	v[8] = c->email;
	v[9] = c->address;
}

/* Point c's fields at the columns of a row of cust_select_sql. */
static void
cust_from_row(struct db_stmt *s, struct customer *c)
{
	const char *v[CUST_NTEXT];

	for (int i = 0; i < CUST_NTEXT; i++)
		v[i] = db_column_text(s, i + 1);
	c->id = db_column_int64(s, 0);
	c->code = v[0];
	c->name = v[1];
	c->kana = v[2];
	c->kana_key = v[3];
	c->currency = v[4];
	c->terms = v[5];
	c->sales_rep = v[6];
	c->phone = v[7];
	c->email = v[8];
	c->address = v[9];
	c->credit_limit = db_column_int64(s, 11);
	c->payer_parent = db_column_text(s, 12);
	c->rep_kana = db_column_text(s, 13);
	c->fee_policy = db_column_text(s, 14);
	c->collector = db_column_text(s, 15);
}

static int
same_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void
cust_json(struct strbuf *sb, const struct customer *c)
{
	const char *v[CUST_NTEXT], *p[CUST_NPAYER];

	cust_texts(c, v);
	cust_payers(c, p);
	store_json_begin(sb);
	for (int i = 0; i < CUST_NTEXT; i++)
		store_json_str(sb, cust_cols[i], v[i]);
	store_json_int(sb, "credit_limit", c->credit_limit);
	for (int i = 0; i < CUST_NPAYER; i++)
		if (p[i] && *p[i])
			store_json_str(sb, payer_cols[i], p[i]);
	store_json_end(sb);
}

static void
cust_bind(struct db_stmt *s, const struct customer *c)
{
	const char *v[CUST_NTEXT], *p[CUST_NPAYER];

	cust_texts(c, v);
	cust_payers(c, p);
	for (int i = 0; i < CUST_NTEXT; i++)
		store_bind_text(s, i + 1, v[i]);
	db_bind_int64(s, 11, c->credit_limit);
	for (int i = 0; i < CUST_NPAYER; i++)
		store_bind_text(s, 12 + i, p[i]);
}

/* Compare the stored row (the current row of s) with c; on a difference
 * fill st->before/after, set *id and *recur (the currency changes).
 * Returns 1 when they differ. */
static int
cust_differs(struct store *st, struct db_stmt *s, const struct customer *c, int64_t *id,
	     int *recur)
{
	struct customer old;
	const char *a[CUST_NTEXT], *b[CUST_NTEXT], *pa[CUST_NPAYER], *pb[CUST_NPAYER];
	int differ;

	cust_from_row(s, &old);
	cust_texts(&old, a);
	cust_texts(c, b);
	cust_payers(&old, pa);
	cust_payers(c, pb);
	*recur = !same_text(a[4], b[4]);
	differ = old.credit_limit != c->credit_limit || *recur;
	for (int i = 0; i < CUST_NTEXT && !differ; i++)
		differ = !same_text(a[i], b[i]);
	for (int i = 0; i < CUST_NPAYER && !differ; i++)
		differ = !same_text(pa[i], pb[i]);
	if (!differ)
		return 0;
	*id = old.id;
	cust_json(&st->before, &old);
	cust_json(&st->after, c);
	return 1;
}

/* Refuse a new currency cur for customer id (code) while any of its
 * invoices is in another one: their amounts would be read in the wrong
 * unit (as the invoice side refuses once payments are booked). */
static enum ur_status
cust_currency_free(struct store *st, int64_t id, const char *code, const char *cur,
		   struct ur_err *err)
{
	static const char sql[] =
		"SELECT currency FROM invoice WHERE +company_id = " STORE_COMPANY
		" AND customer_id = ?1 AND currency <> ?2 LIMIT 1";
	char other[16] = "";
	struct db_stmt *s;
	int rc;

	if ((rc = store_prepare_db(st, sql, &s)) != DB_OK)
		return store_sqlfail(st, rc, err);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, cur);
	rc = db_step(s);
	if (rc == DB_ROW)
		snprintf(other, sizeof other, "%s", store_column_str(s, 0));
	db_finalize(s);
	if (rc == DB_ROW)
		return ur_fail(err, UR_INPUT,
			       _("customer %s has invoices in %s: its currency cannot change to %s"),
			       code, other, cur);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

static enum ur_status
cust_update(struct store *st, const struct customer *c, enum store_upsert *what,
	    struct ur_err *err)
{
	static const char sql[] = CUST_SELECT " WHERE company_id = " STORE_COMPANY " AND code = ?1";
	static const char upd[] =
		"UPDATE customer SET name = ?2, kana = ?3, kana_key = ?4, currency = ?5,"
		" terms = ?6, sales_rep = ?7, phone = ?8, email = ?9, address = ?10,"
		" credit_limit = ?11, payer_parent = ?12, rep_kana = ?13, fee_policy = ?14,"
		" collector = ?15,"
		" updated_at = " SQL_NOW
		" WHERE company_id = " STORE_COMPANY " AND code = ?1";
	struct db_stmt *s = store_stmt(st, SQ_CUST_SELECT, sql, err);
	const char *v[CUST_NTEXT];
	int64_t id = 0;
	int rc, differ = 0, recur = 0;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, c->code);
	rc = db_step(s);
	if (rc == DB_ROW)
		differ = cust_differs(st, s, c, &id, &recur);
	db_reset(s);
	if (rc != DB_ROW)
		return store_sqlfail(st, rc, err);
	*what = differ ? STORE_UPDATED : STORE_UNCHANGED;
	if (!differ)
		return UR_OK;
	cust_texts(c, v);
	if (recur && (rc = cust_currency_free(st, id, c->code, v[4], err)) != UR_OK)
		return rc;
	if (!(s = store_stmt(st, SQ_CUST_UPDATE, upd, err)))
		return store_status(err);
	cust_bind(s, c);
	if ((rc = store_step_done(st, s, err)) != UR_OK)
		return rc;
	store_keep_str(&st->last_code, NULL); /* its currency may have changed */
	return store_audit_entity(st, "update", "customer", c->code, st->before.buf,
				  st->after.buf, err);
}

enum ur_status
store_customer_upsert(struct store *st, const struct customer *c, enum store_upsert *what,
		      struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO customer (code, name, kana, kana_key, currency, terms, sales_rep,"
		" phone, email, address, credit_limit, payer_parent, rep_kana, fee_policy,"
		" collector, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
		" " STORE_COMPANY ") ON CONFLICT (company_id, code) DO NOTHING";
	struct db_stmt *s;
	enum ur_status rc;

	if (!c->code || !*c->code || !c->name || !*c->name)
		return ur_fail(err, UR_INPUT, _("a customer needs a code and a name"));
	if (!(s = store_stmt(st, SQ_CUST_INSERT, sql, err)))
		return store_status(err);
	cust_bind(s, c);
	if ((rc = store_step_done(st, s, err)) != UR_OK)
		return rc;
	if (db_changes(st->db) == 1) {
		*what = STORE_INSERTED;
		return UR_OK;
	}
	return cust_update(st, c, what, err);
}

enum ur_status
store_customer_get(struct store *st, const char *code, struct customer *out,
		   struct ur_err *err)
{
	static const char sql[] = CUST_SELECT " WHERE company_id = " STORE_COMPANY " AND code = ?1";
	struct db_stmt *s = store_stmt(st, SQ_CUST_SELECT, sql, err);
	struct customer c;
	const char *v[CUST_NTEXT];
	int rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, code);
	rc = db_step(s);
	if (rc != DB_ROW) {
		db_reset(s);
		if (rc == DB_DONE)
			return ur_fail(err, UR_INPUT, _("unknown customer code: %s"), code);
		return store_sqlfail(st, rc, err);
	}
	cust_from_row(s, &c);
	cust_texts(&c, v);
	for (int i = 0; i < CUST_NTEXT; i++)
		store_keep_str(&st->cust_strs[i], v[i]);
	/* the payer links too, before the reset frees the row's texts */
	store_keep_str(&st->cust_strs[10], c.payer_parent);
	store_keep_str(&st->cust_strs[11], c.rep_kana);
	store_keep_str(&st->cust_strs[12], c.fee_policy);
	store_keep_str(&st->cust_strs[13], c.collector);
	db_reset(s);
	*out = c;
	out->code = st->cust_strs[0];
	out->name = st->cust_strs[1];
	out->kana = st->cust_strs[2];
	out->kana_key = st->cust_strs[3];
	out->currency = st->cust_strs[4];
	out->terms = st->cust_strs[5];
	out->sales_rep = st->cust_strs[6];
	out->phone = st->cust_strs[7];
	out->email = st->cust_strs[8];
	out->address = st->cust_strs[9];
	out->payer_parent = st->cust_strs[10];
	out->rep_kana = st->cust_strs[11];
	out->fee_policy = st->cust_strs[12];
	out->collector = st->cust_strs[13];
	return UR_OK;
}

enum ur_status
store_customers_each(struct store *st, store_customer_fn fn, void *ctx, struct ur_err *err)
{
	static const char sql[] = CUST_SELECT " WHERE +company_id = " STORE_COMPANY " ORDER BY code";
	struct db_stmt *s;
	struct customer c;
	int rc;

	if ((rc = store_prepare_db(st, sql, &s)) != DB_OK)
		return store_sqlfail(st, rc, err);
	while ((rc = db_step(s)) == DB_ROW) {
		cust_from_row(s, &c);
		if (fn(&c, ctx))
			break;
	}
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}
