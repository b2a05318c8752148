/* store_ui: read queries for the full-screen interface — one deposit,
 * counts, open items, customers and contacts (see store_ui.h). The queue's
 * pages: store_ui_queue.c; proposals: store_ui_match.c; writes:
 * store_ui_act.c; leases and undo: store_ui_undo.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kana.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "xalloc.h"

#define READER_BUSY_MS 5000 /* as long as store_open's connections wait */

enum ur_status
sui_finish(struct store *st, struct db_stmt *s, int rc, struct ur_err *err)
{
	store_keep(st, s);
	if (rc != DB_DONE && rc != DB_ROW && rc != DB_OK)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}

char *
sui_col_dup(struct db_stmt *s, int col)
{
	return xstrdup(store_column_str(s, col));
}

void
sui_col_copy(struct db_stmt *s, int col, char *buf, size_t size)
{
	snprintf(buf, size, "%s", store_column_str(s, col));
}

enum ur_status
store_ui_open_reader(struct store **out, const char *path, const char *user,
		     struct ur_err *err)
{
	struct store *st = xcalloc(1, sizeof *st);
	int rc;

	*out = NULL;
	st->path = xstrdup(path);
	st->shown = store_name_shown(path);
	st->user = xstrdup(user);
	st->os_user = xstrdup(user);
	sb_init(&st->before);
	sb_init(&st->after);
	rc = db_open(path, DB_OPEN_READWRITE, &st->db);
	if (rc != DB_OK) {
		if (st->db)
			store_sqlfail(st, rc, err);
		else
			ur_fail(err, UR_FAIL, _("cannot open database %s: %s"), path,
				db_errstr(rc));
		store_close(st);
		return store_status(err);
	}
	db_busy_timeout(st->db, READER_BUSY_MS);
	if (store_company_default(st, err) != UR_OK) {
		store_close(st);
		return store_status(err);
	}
	*out = st;
	return UR_OK;
}

void
store_ui_reader_company(struct store *st, int64_t id)
{
	st->company = id;
}

void
store_ui_snapshot(struct store *st, bool on)
{
	if (st->in_tx || on == db_in_tx(st->db))
		return;
	if (on)
		db_begin_read(st->db);
	else if (db_commit(st->db) != DB_OK) /* a cancel can land on the COMMIT */
		db_rollback(st->db);
}

enum ur_status
store_ui_cache(struct store *st, int kib, struct ur_err *err)
{
	int rc = db_tune_cache(st->db, kib);

	return rc == DB_OK ? UR_OK : store_sqlfail(st, rc, err);
}

void
store_ui_release(struct store *st)
{
	db_release_memory(st->db);
}

void
store_ui_stop_hook(struct store *st, int (*stop)(void *ctx), void *ctx)
{
	db_progress_handler(st->db, stop ? 1000 : 0, stop, ctx);
}

struct db_cancel *
store_ui_canceler(struct store *st)
{
	return db_cancel_new(st->db);
}

void
store_ui_cancel(struct db_cancel *c)
{
	db_cancel_fire(c);
}

void
store_ui_canceler_free(struct db_cancel *c)
{
	db_cancel_free(c);
}

void
sui_deposit_free(struct sui_deposit *d)
{
	free(d->payer_buf);
	free(d->reference);
	free(d->park_reason);
	free(d->account);
	free(d->customer);
	free(d->invoices);
	memset(d, 0, sizeof *d);
}

void
sui_customers_free(struct sui_customer *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].name);
		free(c[i].kana);
	}
}

void
sui_deposit_row(struct db_stmt *s, struct sui_deposit *d)
{
	int col = STORE_PAYER_N;

	store_column_payer(s, 0, &d->payer);
	d->payer_buf = store_payer_dup(&d->payer);
	d->id = db_column_int64(s, col++);
	d->date = store_column_date(s, col++);
	d->amount = db_column_int64(s, col++);
	sui_col_copy(s, col++, d->currency, sizeof d->currency);
	d->state = store_column_state(s, col++);
	d->customer_id = db_column_int64(s, col++);
	d->reference = sui_col_dup(s, col++);
	d->park_reason = sui_col_dup(s, col++);
	d->account = sui_col_dup(s, col++);
	sui_col_copy(s, col++, d->customer_code, sizeof d->customer_code);
	d->customer = sui_col_dup(s, col++);
	d->invoices = sui_col_dup(s, col);
}

enum ur_status
store_ui_deposit_get(struct store *st, int64_t id, struct sui_deposit *d, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, SUI_DEPOSIT_COLS " WHERE d.id = ?1", err);
	int rc;

	memset(d, 0, sizeof *d);
	if (!s)
		return err->status;
	db_bind_int64(s, 1, id);
	if ((rc = db_step(s)) != DB_ROW) {
		sui_finish(st, s, rc, err);
		return rc == DB_DONE ? ur_fail(err, UR_INPUT, _("no such deposit")) : err->status;
	}
	sui_deposit_row(s, d);
	return sui_finish(st, s, DB_DONE, err);
}

/* One integer from a query with ?1 = today. */
static enum ur_status
count_one(struct store *st, const char *sql, int32_t today, int64_t *out, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	*out = 0;
	if (!s)
		return err->status;
	store_bind_date(s, 1, today);
	if ((rc = db_step(s)) == DB_ROW)
		*out = db_column_int64(s, 0);
	return sui_finish(st, s, rc, err);
}

enum ur_status
store_ui_counts(struct store *st, int32_t today, struct sui_counts *c, struct ur_err *err)
{
	static const char by_kind[] =
		"SELECT count(DISTINCT deposit_id) FROM allocation INDEXED BY allocation_made_on"
		" WHERE made_on = ?1 AND kind = ?2 AND voided_at IS NULL"
		/* cast: PostgreSQL cannot type a parameter first met in IS NULL */
		" AND (CAST(?3 AS TEXT) IS NULL OR \"user\" = ?3) AND +company_id = " STORE_COMPANY;
	struct db_stmt *s;
	int rc;

	memset(c, 0, sizeof *c);
	if (count_one(st, "SELECT count(*) FROM deposit WHERE state = 'unmatched'"
			  " AND CAST(?1 AS TEXT) IS NOT NULL AND company_id = " STORE_COMPANY,
		      today, &c->unmatched, err) != UR_OK || !(s = store_prepare(st, by_kind, err)))
		return err->status;
	for (int mine = 0; mine < 2; mine++) {
		db_reset(s);
		store_bind_date(s, 1, today);
		db_bind_text(s, 2, alloc_kind_word(mine ? ALLOC_MANUAL : ALLOC_AUTO));
		if (mine)
			db_bind_text_copy(s, 3, store_user(st));
		if ((rc = db_step(s)) != DB_ROW)
			return sui_finish(st, s, rc, err);
		*(mine ? &c->mine_today : &c->auto_today) = db_column_int64(s, 0);
	}
	return sui_finish(st, s, DB_DONE, err);
}

enum ur_status
store_ui_open_items(struct store *st, int64_t customer_id, const char *cur, size_t max,
		    struct sui_item **items, size_t *n, struct ur_err *err)
{
	static const char sql[] =
		"SELECT id, number, due_date, amount - paid FROM invoice"
		" WHERE customer_id = ?1 AND currency = ?2 AND amount <> paid AND +company_id = " STORE_COMPANY
		" ORDER BY due_date, issue_date, id LIMIT ?3";
	struct db_stmt *s = store_prepare(st, sql, err);
	struct sui_item *it;
	int rc;

	*items = NULL;
	*n = 0;
	if (!s)
		return err->status;
	db_bind_int64(s, 1, customer_id);
	db_bind_text_copy(s, 2, cur);
	/* no limit: INT64_MAX, which both read so (PostgreSQL refuses SQLite's -1) */
	db_bind_int64(s, 3, max ? (int64_t)max : INT64_MAX);
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n % 64 == 0)
			*items = xrealloc(*items, (*n + 64) * sizeof **items);
		it = &(*items)[(*n)++];
		memset(it, 0, sizeof *it); /* amount: nothing chosen yet */
		it->invoice_id = db_column_int64(s, 0);
		sui_col_copy(s, 1, it->number, sizeof it->number);
		it->due = store_column_date(s, 2);
		it->open = db_column_int64(s, 3);
	}
	return sui_finish(st, s, rc, err);
}

enum ur_status
store_ui_allocations(struct store *st, int64_t id, struct sui_alloc **out, size_t *n,
		     struct ur_err *err)
{
	static const char sql[] =
		"SELECT a.id, coalesce(i.number, ''), a.amount, a.fee, a.kind, a.\"user\", a.made_on"
		" FROM allocation a LEFT JOIN invoice i ON i.id = a.invoice_id"
		" WHERE a.deposit_id = ?1 AND a.voided_at IS NULL AND +a.company_id = " STORE_COMPANY
		" ORDER BY a.id";
	struct db_stmt *s = store_prepare(st, sql, err);
	struct sui_alloc *a;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return err->status;
	db_bind_int64(s, 1, id);
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n % 16 == 0)
			*out = xrealloc(*out, (*n + 16) * sizeof **out);
		a = &(*out)[(*n)++];
		memset(a, 0, sizeof *a);
		a->id = db_column_int64(s, 0);
		sui_col_copy(s, 1, a->number, sizeof a->number);
		a->amount = db_column_int64(s, 2);
		a->fee = db_column_int64(s, 3);
		a->kind = store_column_alloc_kind(s, 4);
		sui_col_copy(s, 5, a->user, sizeof a->user);
		if (!db_column_is_null(s, 6))
			a->made_on = store_column_date(s, 6);
	}
	if (sui_finish(st, s, rc, err) == UR_OK)
		return UR_OK;
	free(*out);
	*out = NULL;
	*n = 0;
	return err->status;
}

static void
customer_row(struct db_stmt *s, struct sui_customer *c)
{
	c->id = db_column_int64(s, 0);
	sui_col_copy(s, 1, c->code, sizeof c->code);
	c->name = sui_col_dup(s, 2);
	c->kana = sui_col_dup(s, 3);
	sui_col_copy(s, 4, c->currency, sizeof c->currency);
}

enum ur_status
store_ui_customer_find(struct store *st, const char *text, int max, struct sui_customer *out,
		       int *n, struct ur_err *err)
{
	static const char sql[] =
		"SELECT id, code, name, coalesce(kana, ''), currency FROM customer"
		" WHERE (" SQL_CONTAINS("code", "?1") " OR " SQL_CONTAINS("name", "?1")
		" OR " SQL_CONTAINS("coalesce(kana, '')", "?1")
		" OR (?2 <> '' AND " SQL_CONTAINS("coalesce(kana_key, '')", "?2") "))"
		" AND +company_id = " STORE_COMPANY
		" ORDER BY code LIMIT ?3";
	struct db_stmt *s = store_prepare(st, sql, err);
	struct strbuf key;
	int rc;

	*n = 0;
	if (!s)
		return err->status;
	sb_init(&key);
	kana_fold(text, &key, NULL);
	db_bind_text_copy(s, 1, text);
	db_bind_text_copy(s, 2, key.buf);
	db_bind_int64(s, 3, max);
	sb_free(&key);
	while ((rc = db_step(s)) == DB_ROW && *n < max)
		customer_row(s, &out[(*n)++]);
	return sui_finish(st, s, rc, err);
}

enum ur_status
store_ui_customer_get(struct store *st, int64_t id, struct sui_customer *c, struct ur_err *err)
{
	static const char sql[] =
		"SELECT id, code, name, coalesce(kana, ''), currency FROM customer WHERE id = ?1"
		" AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	memset(c, 0, sizeof *c);
	if (!s)
		return err->status;
	db_bind_int64(s, 1, id);
	if ((rc = db_step(s)) != DB_ROW) {
		sui_finish(st, s, rc, err);
		return rc == DB_DONE ? ur_fail(err, UR_INPUT, _("no such customer")) : err->status;
	}
	customer_row(s, c);
	return sui_finish(st, s, DB_DONE, err);
}
