/* store_bank: deposit look-ups for bank import (cancellations) and the
 * walk over all deposits for export, in SQL. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_bank.h"
#include "store_priv.h"
#include "xalloc.h"

/* Prepare sql into *s or fill err. */
static enum ur_status
dep_prepare(struct store *st, const char *sql, struct db_stmt **s, struct ur_err *err)
{
	return (*s = store_prepare(st, sql, err)) ? UR_OK : err->status;
}

/* Run the look-up sql with key bound (?1-?3 account, ?4 reference, ?5 amount,
 * and where sql has them ?6 payer key, ?7 value date): the first row into
 * out, the number of rows (at most the query's LIMIT) into *rows. */
static enum ur_status
dep_find(struct store *st, const char *sql, const struct deposit *key,
	 struct store_dep_found *out, int *rows, struct ur_err *err)
{
	const char *text[] = { key->acct_bank, key->acct_branch, key->payer.acct_number,
			       key->reference };
	struct db_stmt *s;
	int rc;

	*rows = 0;
	if (dep_prepare(st, sql, &s, err) != UR_OK)
		return err->status;
	for (int i = 0; i < 4; i++)
		db_bind_text(s, i + 1, text[i] ? text[i] : "");
	db_bind_int64(s, 5, key->amount);
	if (db_param_count(s) >= 7) {
		db_bind_text(s, 6, key->payer.payer_key);
		store_bind_date(s, 7, key->value_date);
	}
	while ((rc = db_step(s)) == DB_ROW) {
		if ((*rows)++ == 0) {
			out->id = db_column_int64(s, 0);
			out->state = store_column_state(s, 1);
			out->customer_id = db_column_int64(s, 2);
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_bank_bulk(struct store *st, struct ur_err *err)
{
	/* one transaction inserts the whole file: with the default 2 MiB the
	 * deposit indexes spill to the WAL and are read back mid-file */
	int rc = db_tune_cache(st->db, 32768);

	return rc == DB_OK ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_deposit_find(struct store *st, const struct deposit *key, bool by_payer,
		   struct store_dep_found *out, struct ur_err *err)
{
	static const char by_reference[] =
		"SELECT id, state, coalesce(customer_id, 0) FROM deposit"
		" WHERE reference = ?4 AND acct_bank = ?1 AND acct_branch = ?2"
		" AND acct_number = ?3 AND amount = ?5"
		" AND +company_id = " STORE_COMPANY " ORDER BY state = 'reversed', id DESC LIMIT 1";
	/* A 訂正 may carry a reference of its own: then the original is the one
	 * live deposit of that payer and amount whose value date it repeats. */
	static const char by_value_date[] =
		"SELECT id, state, coalesce(customer_id, 0) FROM deposit"
		" WHERE payer_key = ?6 AND amount = ?5 AND acct_bank = ?1"
		" AND acct_branch = ?2 AND acct_number = ?3 AND state <> 'reversed'"
		" AND (value_date = ?7 OR booking_date = ?7) AND +company_id = " STORE_COMPANY
		" ORDER BY id DESC LIMIT 2";
	int rows;

	memset(out, 0, sizeof *out);
	if (dep_find(st, by_reference, key, out, &rows, err) != UR_OK)
		return err->status;
	if (rows || !by_payer || !key->payer.payer_key || !*key->payer.payer_key)
		return UR_OK;
	if (dep_find(st, by_value_date, key, out, &rows, err) != UR_OK)
		return err->status;
	if (rows > 1) {
		memset(out, 0, sizeof *out);
		out->ambiguous = true;
	}
	return UR_OK;
}

/* The ids of deposit id's active allocations into *ids (malloc'd). */
static enum ur_status
dep_active_allocations(struct store *st, int64_t id, int64_t **ids, int *n,
		       struct ur_err *err)
{
	static const char sql[] =
		"SELECT id FROM allocation WHERE deposit_id = ?1 AND voided_at IS NULL"
		" AND +company_id = " STORE_COMPANY " ORDER BY id";
	struct db_stmt *s;
	int rc, cap = 0;

	*ids = NULL;
	*n = 0;
	if (dep_prepare(st, sql, &s, err) != UR_OK)
		return err->status;
	db_bind_int64(s, 1, id);
	while ((rc = db_step(s)) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*ids = xrealloc(*ids, (size_t)cap * sizeof **ids);
		}
		(*ids)[(*n)++] = db_column_int64(s, 0);
	}
	db_finalize(s);
	if (rc != DB_DONE) {
		free(*ids);
		*ids = NULL;
		return store_sqlfail(st, rc, err);
	}
	return UR_OK;
}

enum ur_status
store_deposit_void_allocations(struct store *st, int64_t id, int *n, struct ur_err *err)
{
	int64_t *ids;
	enum ur_status rc;

	if ((rc = dep_active_allocations(st, id, &ids, n, err)) != UR_OK)
		return rc;
	for (int i = 0; i < *n && rc == UR_OK; i++)
		rc = store_allocation_void(st, ids[i], err);
	free(ids);
	return rc;
}

enum ur_status
store_bank_file_set_records(struct store *st, int64_t id, int64_t records, struct ur_err *err)
{
	static const char sql[] =
		"UPDATE bank_file SET records = ?2 WHERE id = ?1 AND +company_id = " STORE_COMPANY;
	struct db_stmt *s;
	int rc;

	if (dep_prepare(st, sql, &s, err) != UR_OK)
		return err->status;
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, records);
	rc = db_step(s);
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

/* Fill d from the columns of the export query; the column after them. */
static int
dep_from_row(struct db_stmt *s, struct deposit *d)
{
	int col = STORE_PAYER_N;

	memset(d, 0, sizeof *d);
	store_column_payer(s, 0, &d->payer);
	d->bank_file_id = db_column_int64(s, col++);
	d->record_no = db_column_int64(s, col++);
	d->acct_bank = store_column_str(s, col++);
	d->acct_branch = store_column_str(s, col++);
	d->booking_date = store_column_date(s, col++);
	d->value_date = store_column_date(s, col++);
	d->amount = db_column_int64(s, col++);
	d->currency = store_column_str(s, col++);
	d->reference = store_column_str(s, col++);
	return col;
}

enum ur_status
store_deposits_each(struct store *st, store_deposit_fn fn, void *ctx, struct ur_err *err)
{
	static const char sql[] =
		"SELECT " STORE_PAYER_D_COLS "coalesce(d.bank_file_id, 0), d.record_no,"
		" d.acct_bank, d.acct_branch, d.booking_date, d.value_date, d.amount,"
		" d.currency, d.reference, d.state, coalesce(c.code, '')"
		" FROM deposit d LEFT JOIN customer c ON c.id = d.customer_id"
		" WHERE +d.company_id = " STORE_COMPANY " ORDER BY d.booking_date, d.id";
	struct db_stmt *s;
	struct deposit d;
	int rc;

	if (dep_prepare(st, sql, &s, err) != UR_OK)
		return err->status;
	while ((rc = db_step(s)) == DB_ROW) {
		int col = dep_from_row(s, &d); /* then the state and the customer's code */

		if (fn(&d, store_column_str(s, col), store_column_str(s, col + 1), ctx))
			break;
	}
	db_finalize(s);
	if (rc != DB_ROW && rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return UR_OK;
}
