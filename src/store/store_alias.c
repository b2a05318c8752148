/* store_alias: learned payer aliases in SQL (learn and unlearn, list with
 * conflicts, edit, remove — each audited) and the walk of active
 * allocations for `export allocations`. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "kana.h"
#include "store_match.h"
#include "store_match_priv.h"


static void
alias_json(struct strbuf *sb, const char *key, const char *code, int64_t customer_id,
	   int delta)
{
	store_json_begin(sb);
	store_json_str(sb, "payer_key", key);
	store_json_str(sb, "payer_code", code);
	store_json_int(sb, "customer_id", customer_id);
	store_json_int(sb, "delta", delta);
	store_json_end(sb);
}

static enum ur_status
alias_step(struct store *st, const char *sql, const char *key, const struct match_deposit *d,
	   const char *code, int64_t customer_id, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);
	const struct deposit_payer *p = &d->payer;

	if (!s)
		return UR_FAIL;
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, p->remit_bank ? p->remit_bank : "");
	db_bind_text(s, 3, p->remit_branch ? p->remit_branch : "");
	db_bind_text(s, 4, code);
	db_bind_int64(s, 5, customer_id);
	db_bind_text(s, 6, st->user);
	return store_match_done(st, s, db_step(s), err);
}

enum ur_status
store_alias_learn(struct store *st, const struct match_deposit *d, int64_t customer_id,
		  int delta, struct ur_err *err)
{
	static const char up[] =
		"INSERT INTO payer_alias (payer_key, remit_bank, remit_branch, payer_code,"
		" customer_id, count, last_used_at, \"user\", company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, 1, " SQL_NOW ", ?6, " STORE_COMPANY ")"
		" ON CONFLICT (payer_key, remit_bank, remit_branch, payer_code, customer_id)"
		" DO UPDATE SET count = payer_alias.count + 1, last_used_at = " SQL_NOW
		", \"user\" = ?6";
	static const char down[] =
		"UPDATE payer_alias SET count = count - 1 WHERE payer_key = ?1 AND remit_bank = ?2"
		" AND remit_branch = ?3 AND payer_code = ?4 AND customer_id = ?5"
		" AND +company_id = " STORE_COMPANY;
	static const char drop[] =
		"DELETE FROM payer_alias WHERE payer_key = ?1 AND remit_bank = ?2"
		" AND remit_branch = ?3 AND payer_code = ?4 AND customer_id = ?5 AND count <= 0"
		" AND +company_id = " STORE_COMPANY;
	struct kana_info info;
	struct strbuf key;
	const char *code = d->payer.payer_code ? d->payer.payer_code : "";
	enum ur_status rc;

	sb_init(&key);
	kana_info_init(&info);
	kana_fold(d->payer.payer_name ? d->payer.payer_name : "", &key, &info);
	if (d->payer.payer_key && *d->payer.payer_key) {
		sb_reset(&key);
		sb_adds(&key, d->payer.payer_key);
	}
	if (!*code || strspn(code, "0") == strlen(code))
		code = info.payer_code;
	if (!key.len && !*code)
		rc = UR_OK;
	else if (delta > 0)
		rc = alias_step(st, up, key.buf, d, code, customer_id, err);
	else if ((rc = alias_step(st, down, key.buf, d, code, customer_id, err)) == UR_OK)
		rc = alias_step(st, drop, key.buf, d, code, customer_id, err);
	if (rc == UR_OK && (key.len || *code)) {
		alias_json(&st->after, key.buf, code, customer_id, delta);
		rc = store_audit_entity(st, delta > 0 ? "learn" : "unlearn", "alias",
					key.len ? key.buf : code, NULL, st->after.buf, err);
	}
	kana_info_free(&info);
	sb_free(&key);
	return rc;
}

enum ur_status
store_alias_each(struct store *st, store_alias_fn fn, void *ctx, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st,
		"SELECT a.id, a.payer_key, a.remit_bank, a.remit_branch, a.payer_code, c.code,"
		" c.name, a.count, a.last_used_at, a.\"user\","
		" (SELECT count(DISTINCT b.customer_id) FROM payer_alias b"
		"  WHERE b.payer_key = a.payer_key AND a.payer_key <> ''"
		"   AND b.company_id = a.company_id) > 1"
		" FROM payer_alias a JOIN customer c ON c.id = a.customer_id"
		" WHERE +a.company_id = " STORE_COMPANY " ORDER BY a.payer_key, a.count DESC, a.id", err);
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_alias_row a = {
			db_column_int64(s, 0), store_column_str(s, 1), store_column_str(s, 2),
			store_column_str(s, 3), store_column_str(s, 4), store_column_str(s, 5),
			store_column_str(s, 6), db_column_int64(s, 7),
			store_column_str(s, 8), store_column_str(s, 9), db_column_int(s, 10)
		};

		if (fn(&a, ctx)) {
			rc = DB_DONE;
			break;
		}
	}
	return store_match_done(st, s, rc, err);
}

/* Run sql (?1 = alias id, ?2 = text) in a transaction with an audit row. */
static enum ur_status
alias_change(struct store *st, const char *sql, int64_t id, const char *text,
	     const char *action, struct ur_err *err)
{
	struct db_stmt *s;
	enum ur_status rc;
	char key[24];
	int own;

	if ((rc = store_match_tx_begin(st, &own, err)) != UR_OK)
		return rc;
	if (!(s = store_prepare(st, sql, err)))
		return store_match_tx_end(st, own, UR_FAIL, err);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, text ? text : "");
	rc = store_match_done(st, s, db_step(s), err);
	if (rc == UR_OK && db_changes(st->db) != 1)
		rc = ur_fail(err, UR_INPUT, _("no alias with id %" PRId64), id);
	snprintf(key, sizeof key, "%" PRId64, id);
	store_json_begin(&st->after);
	store_json_str(&st->after, "customer", text);
	store_json_end(&st->after);
	if (rc == UR_OK)
		rc = store_audit_entity(st, action, "alias", key, NULL, text ? st->after.buf : NULL,
					err);
	return store_match_tx_end(st, own, rc, err);
}

enum ur_status
store_alias_edit(struct store *st, int64_t id, const char *customer_code, struct ur_err *err)
{
	struct customer c;
	enum ur_status rc;

	if ((rc = store_customer_get(st, customer_code, &c, err)) != UR_OK)
		return rc == UR_INPUT ? ur_fail(err, UR_INPUT, _("no customer with code %s"),
						customer_code) : rc;
	return alias_change(st,
		"UPDATE payer_alias SET customer_id ="
		" (SELECT id FROM customer WHERE code = ?2 AND company_id = " STORE_COMPANY ")"
		" WHERE id = ?1 AND +company_id = " STORE_COMPANY,
		id, customer_code, "edit", err);
}

enum ur_status
store_alias_remove(struct store *st, int64_t id, struct ur_err *err)
{
	return alias_change(st,
			    "DELETE FROM payer_alias WHERE id = ?1 AND +company_id = " STORE_COMPANY,
			    id, NULL,
			    "remove", err);
}

enum ur_status
store_allocations_each(struct store *st, int64_t deposit_id, store_alloc_fn fn, void *ctx,
		       struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st,
		"SELECT d.reference, d.booking_date, d.payer_name, coalesce(i.number, ''),"
		" c.code, a.amount + a.fee, a.fee, d.currency, a.kind, a.\"user\", a.created_at"
		" FROM allocation a JOIN deposit d ON d.id = a.deposit_id"
		" JOIN customer c ON c.id = a.customer_id"
		" LEFT JOIN invoice i ON i.id = a.invoice_id"
		" WHERE a.voided_at IS NULL AND (?1 = 0 OR a.deposit_id = ?1) AND +a.company_id = " STORE_COMPANY
		" ORDER BY d.booking_date, d.id, a.id", err);
	int rc;

	if (!s)
		return UR_FAIL;
	db_bind_int64(s, 1, deposit_id);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_alloc_row r = {
			store_column_str(s, 0), store_column_date(s, 1), store_column_str(s, 2),
			store_column_str(s, 3), store_column_str(s, 4), db_column_int64(s, 5),
			db_column_int64(s, 6), store_column_str(s, 7), store_column_str(s, 8),
			store_column_str(s, 9), store_column_str(s, 10)
		};

		if (fn(&r, ctx)) {
			rc = DB_DONE;
			break;
		}
	}
	return store_match_done(st, s, rc, err);
}
