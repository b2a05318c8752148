/* store_migrate: `urikake migrate --from FILE --to URL` — one connection to
 * each backend through the seam: the SQLite file read in one snapshot, the
 * PostgreSQL database written in one transaction. Tables are copied in the
 * order of their references, rows in key order with their ids, in
 * multi-row INSERTs (one round trip per batch, not per row); the identity
 * sequences are moved past the largest id; then the figures of both sides
 * are compared before COMMIT. Ledger rows go in as they stand, voided ones
 * included: the server's ledger triggers guard UPDATE and DELETE, never
 * INSERT, and the invoices' paid amounts are copied as the file keeps them
 * (the void triggers, which fire on UPDATE only, do not run again) and then
 * checked against the ledger. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_migrate.h"
#include "store_priv.h"
#include "xalloc.h"

/* The tables, parents before the tables that refer to them, with the key
 * that orders their rows and their money columns. schema_version is not
 * copied: init wrote the server's own. */
struct mig_spec {
	const char *name;
	const char *order;
	bool identity; /* id is GENERATED … AS IDENTITY: its sequence is moved */
	const char *sums[MIGRATE_SUMS];
};

static const struct mig_spec specs[MIGRATE_TABLES] = {
	{ "company", "id", true, { NULL } },
	{ "company_account", "acct_bank, acct_branch, acct_number", false, { NULL } },
	{ "company_user", "company_id, \"user\"", false, { NULL } },
	{ "customer", "id", true, { "credit_limit" } },
	{ "payer_alias", "id", true, { NULL } },
	{ "invoice", "id", true, { "amount", "tax", "paid" } },
	{ "bank_file", "id", true, { NULL } },
	{ "deposit", "id", true, { "amount" } },
	{ "virtual_account", "acct_number", false, { NULL } },
	{ "allocation", "id", true, { "amount", "fee" } },
	{ "adjustment", "id", true, { "amount" } },
	{ "contact", "id", true, { "promise_amount" } },
	{ "audit", "id", true, { NULL } },
	{ "confirmation", "id", true, { "balance", "their_balance" } },
	{ "dispute_item", "id", true, { "amount" } },
	{ "refund", "id", true, { "amount" } },
	{ "company_settings", "id", false, { NULL } },
	{ "statement_issue", "id", true, { "billed", "purchases", "tax_rounding" } },
	{ "statement_slip", "issue_id, invoice_id", false, { "open_amount" } },
};

/* The parameters of one INSERT (PostgreSQL allows 65,535) and its rows. */
#define MIG_PARAMS 8000
#define MIG_ROWS 500

/* The migration's own audit row. */
#define MIG_ACTION "migrate"

/* Rows read from the file and not yet sent: their values (NULL for SQL
 * NULL) and lengths, row after row. */
struct mig_batch {
	int ncols, nrows, per; /* per: the rows of a full batch */
	char **v;
	int *len;
};

bool
store_migrate_agree(const struct migrate_table *t, int n, int *table, int *sum)
{
	for (int i = 0; i < n; i++) {
		*table = i;
		*sum = -1;
		if (t[i].rows_from + t[i].added != t[i].rows_to)
			return false;
		for (*sum = 0; *sum < t[i].nsums; ++*sum)
			if (t[i].sums[*sum].from != t[i].sums[*sum].to)
				return false;
	}
	return true;
}

/* Say which figure differs (store_migrate_agree's *table and *sum). */
static enum ur_status
differs(const struct migrate_report *rep, int ti, int si, const char *from, const char *to,
	const char *what, struct ur_err *err)
{
	const struct migrate_table *t = &rep->t[ti];

	if (si < 0)
		return ur_fail(err, UR_INPUT,
			       _("%s: table %s has %" PRId64 " rows in %s and %" PRId64 " in %s"),
			       what, t->name, t->rows_from + t->added, from, t->rows_to, to);
	return ur_fail(err, UR_INPUT,
		       _("%s: %s.%s sums to %" PRId64 " in %s and %" PRId64 " in %s"), what,
		       t->name, t->sums[si].column, t->sums[si].from, from, t->sums[si].to, to);
}

/* The row count and money sums of table t in st into *rows and sums[]. */
static enum ur_status
figures(struct store *st, const struct mig_spec *t, int64_t *rows, int64_t *sums,
	struct ur_err *err)
{
	struct strbuf sql;
	struct db_stmt *s = NULL;
	int rc, n = 0;

	sb_init(&sql);
	sb_adds(&sql, "SELECT count(*)");
	for (; n < MIGRATE_SUMS && t->sums[n]; n++)
		sb_addf(&sql, ", coalesce(sum(%s), 0)", t->sums[n]);
	sb_addf(&sql, " FROM %s", t->name);
	rc = db_prepare(st->db, sql.buf, &s);
	sb_free(&sql);
	if (rc == DB_OK && (rc = db_step(s)) == DB_ROW) {
		*rows = db_column_int64(s, 0);
		for (int i = 0; i < n; i++)
			sums[i] = db_column_int64(s, i + 1);
		rc = DB_OK;
	}
	db_finalize(s);
	return rc == DB_OK ? UR_OK : store_sqlfail(st, rc, err);
}

/* Both sides' figures of every table into rep; the server's audit count
 * less added, the migration's own rows. */
static enum ur_status
all_figures(struct store *src, struct store *dst, struct migrate_report *rep,
	    struct ur_err *err)
{
	int64_t sums[MIGRATE_SUMS];

	rep->ntables = MIGRATE_TABLES;
	for (int i = 0; i < MIGRATE_TABLES; i++) {
		struct migrate_table *t = &rep->t[i];

		t->name = specs[i].name;
		if (figures(src, &specs[i], &t->rows_from, sums, err) != UR_OK)
			return err->status;
		for (t->nsums = 0; t->nsums < MIGRATE_SUMS && specs[i].sums[t->nsums]; t->nsums++) {
			t->sums[t->nsums].column = specs[i].sums[t->nsums];
			t->sums[t->nsums].from = sums[t->nsums];
		}
		if (figures(dst, &specs[i], &t->rows_to, sums, err) != UR_OK)
			return err->status;
		for (int k = 0; k < t->nsums; k++)
			t->sums[k].to = sums[k];
	}
	return UR_OK;
}

/* Every invoice's cached paid amount is what its active allocations and
 * adjustments add up to (store_ledger.c keeps it so); the first that is
 * not is named. Two grouped sums joined to the invoices, with an
 * aggregate on top: a LIMIT would have the planner walk the invoices
 * one by one, expecting a mismatch soon. */
static enum ur_status
check_paid(struct store *st, struct migrate_report *rep, struct ur_err *err)
{
	static const char sql[] =
		"SELECT count(*), min(CASE WHEN i.paid <> coalesce(a.s, 0) + coalesce(j.s, 0)"
		" THEN i.number END) FROM invoice AS i"
		" LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM allocation"
		"  WHERE voided_at IS NULL AND invoice_id IS NOT NULL GROUP BY invoice_id) AS a"
		"  ON a.invoice_id = i.id"
		" LEFT JOIN (SELECT invoice_id, sum(amount) AS s FROM adjustment"
		"  WHERE voided_at IS NULL GROUP BY invoice_id) AS j ON j.invoice_id = i.id";
	static const char one[] =
		"SELECT i.paid, coalesce((SELECT sum(a.amount) FROM allocation AS a"
		"  WHERE a.invoice_id = i.id AND a.voided_at IS NULL), 0)"
		" + coalesce((SELECT sum(j.amount) FROM adjustment AS j"
		"  WHERE j.invoice_id = i.id AND j.voided_at IS NULL), 0)"
		" FROM invoice AS i WHERE i.number = ?1";
	struct db_stmt *s = NULL, *o = NULL;
	enum ur_status out = UR_OK;
	int rc = db_prepare(st->db, sql, &s);

	if (rc == DB_OK && (rc = db_step(s)) == DB_ROW) {
		rep->invoices_checked = db_column_int64(s, 0);
		rc = db_column_is_null(s, 1) ? DB_OK : db_prepare(st->db, one, &o);
	}
	if (o && rc == DB_OK) {
		db_bind_text(o, 1, store_column_str(s, 1));
		if ((rc = db_step(o)) == DB_ROW)
			out = ur_fail(err, UR_INPUT,
				      _("invoice %s in %s has paid %" PRId64 " but its allocations "
					"and adjustments add up to %" PRId64 ": nothing was written"),
				      store_column_str(s, 1), st->shown, db_column_int64(o, 0),
				      db_column_int64(o, 1));
		rc = DB_OK;
	}
	if (rc != DB_OK && out == UR_OK)
		out = store_sqlfail(st, rc, err);
	db_finalize(o);
	db_finalize(s);
	return out;
}

/* The columns of table on the server, quoted and comma-separated, into
 * cols; their number into *n. The server's schema says what is copied:
 * the file must have every one of them. */
static enum ur_status
columns(struct store *dst, const char *table, struct strbuf *cols, int *n, struct ur_err *err)
{
	static const char sql[] = "SELECT column_name FROM information_schema.columns"
				  " WHERE table_schema = current_schema() AND table_name = ?1"
				  " ORDER BY ordinal_position";
	struct db_stmt *s = NULL;
	int rc = db_prepare(dst->db, sql, &s);

	*n = 0;
	if (rc == DB_OK)
		db_bind_text(s, 1, table);
	while (rc == DB_OK && (rc = db_step(s)) == DB_ROW) {
		sb_addf(cols, "%s\"%s\"", *n ? ", " : "", store_column_str(s, 0));
		++*n;
		rc = DB_OK;
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return store_sqlfail(dst, rc, err);
	if (*n == 0)
		return ur_fail(err, UR_FAIL, _("%s has no table %s: it was not made by urikake init"),
			       dst->shown, table);
	return UR_OK;
}

/* The INSERT of n rows of ncols values into table (cols). */
static int
prepare_insert(struct store *dst, const char *table, const char *cols, int n, int ncols,
	       bool keep, struct db_stmt **out)
{
	struct strbuf sql;
	int rc, p = 0;

	sb_init(&sql);
	sb_addf(&sql, "INSERT INTO %s (%s) VALUES ", table, cols);
	for (int r = 0; r < n; r++) {
		sb_adds(&sql, r ? ", (" : "(");
		for (int c = 0; c < ncols; c++)
			sb_addf(&sql, "%s?%d", c ? ", " : "", ++p);
		sb_addc(&sql, ')');
	}
	rc = keep ? db_prepare_persistent(dst->db, sql.buf, out) : db_prepare(dst->db, sql.buf, out);
	sb_free(&sql);
	return rc;
}

/* Send the rows of b to table in one INSERT: a full batch with *full
 * (prepared once, the server plans it once), the last one with its own. */
static enum ur_status
send_batch(struct store *dst, const char *table, const char *cols, struct mig_batch *b,
	   struct db_stmt **full, struct ur_err *err)
{
	struct db_stmt *s = NULL;
	int rc = DB_OK, p = b->nrows * b->ncols;

	if (b->nrows == b->per && !*full)
		rc = prepare_insert(dst, table, cols, b->nrows, b->ncols, true, full);
	if (rc == DB_OK && b->nrows == b->per)
		s = *full;
	else if (rc == DB_OK)
		rc = prepare_insert(dst, table, cols, b->nrows, b->ncols, false, &s);
	for (int i = 0; rc == DB_OK && i < p; i++)
		rc = b->v[i] ? db_bind_text_n(s, i + 1, b->v[i], b->len[i]) : db_bind_null(s, i + 1);
	if (rc == DB_OK)
		rc = db_step(s);
	if (s == *full)
		db_reset(s);
	else
		db_finalize(s);
	for (int i = 0; i < p; i++)
		free(b->v[i]);
	b->nrows = 0;
	if (rc == DB_DONE)
		return UR_OK;
	return ur_fail(err, UR_INPUT, _("cannot copy table %s into %s: %s"), table, dst->shown,
		       db_errmsg(dst->db));
}

/* Keep row s of the file in b. */
static void
keep_row(struct db_stmt *s, struct mig_batch *b)
{
	int base = b->nrows * b->ncols;

	for (int c = 0; c < b->ncols; c++) {
		const char *v = db_column_text(s, c);

		b->len[base + c] = v ? db_column_bytes(s, c) : 0;
		b->v[base + c] = v ? xstrndup(v, (size_t)b->len[base + c]) : NULL;
	}
	b->nrows++;
}

/* Copy every row of table t from the file to the server, in key order. */
static enum ur_status
copy_table(struct store *src, struct store *dst, const struct mig_spec *t, struct ur_err *err)
{
	struct strbuf cols, sql;
	struct mig_batch b = { 0, 0, 0, NULL, NULL };
	struct db_stmt *s = NULL, *full = NULL;
	enum ur_status out = UR_OK;
	int rc = DB_OK;

	sb_init(&cols);
	sb_init(&sql);
	if (columns(dst, t->name, &cols, &b.ncols, err) != UR_OK) {
		sb_free(&cols);
		return err->status;
	}
	b.per = MIG_PARAMS / b.ncols < MIG_ROWS ? MIG_PARAMS / b.ncols : MIG_ROWS;
	b.v = xcalloc((size_t)(b.per * b.ncols), sizeof *b.v);
	b.len = xcalloc((size_t)(b.per * b.ncols), sizeof *b.len);
	sb_addf(&sql, "SELECT %s FROM %s ORDER BY %s", cols.buf, t->name, t->order);
	if ((rc = db_prepare(src->db, sql.buf, &s)) != DB_OK)
		out = store_sqlfail(src, rc, err);
	while (out == UR_OK && (rc = db_step(s)) == DB_ROW) {
		keep_row(s, &b);
		if (b.nrows == b.per)
			out = send_batch(dst, t->name, cols.buf, &b, &full, err);
	}
	if (out == UR_OK && rc != DB_DONE)
		out = store_sqlfail(src, rc, err);
	if (out == UR_OK && b.nrows)
		out = send_batch(dst, t->name, cols.buf, &b, &full, err);
	for (int i = 0; i < b.nrows * b.ncols; i++)
		free(b.v[i]);
	db_finalize(full);
	db_finalize(s);
	free(b.v);
	free(b.len);
	sb_free(&cols);
	sb_free(&sql);
	return out;
}

/* The next id the server gives a row of t is past the largest copied. */
static enum ur_status
move_sequence(struct store *dst, const struct mig_spec *t, struct ur_err *err)
{
	char sql[200];
	int64_t v;

	snprintf(sql, sizeof sql,
		 "SELECT setval(pg_get_serial_sequence('%s', 'id'), coalesce(max(id), 0) + 1, false)"
		 " FROM %s", t->name, t->name);
	return store_one_int64(dst, sql, &v, err);
}

/* The migration's audit row: who copied which file. */
static enum ur_status
audit_migration(struct store *dst, const char *from, int64_t rows, struct ur_err *err)
{
	char *abs = realpath(from, NULL);
	struct strbuf after;
	enum ur_status rc;

	sb_init(&after);
	store_json_begin(&after);
	store_json_str(&after, "from", abs ? abs : from);
	store_json_int(&after, "rows", rows);
	store_json_end(&after);
	rc = store_audit_entity(dst, MIG_ACTION, "file", abs ? abs : from, NULL, after.buf, err);
	sb_free(&after);
	free(abs);
	return rc;
}

/* Copy everything, add the audit row, then compare: rep's figures are
 * those after the copy. */
static enum ur_status
copy_all(struct store *src, struct store *dst, struct migrate_report *rep, struct ur_err *err)
{
	int64_t rows = 0;
	int ti, si;

	/* the file's companies replace the one init made */
	if (store_exec(dst, "DELETE FROM company", err) != UR_OK)
		return err->status;
	for (int i = 0; i < MIGRATE_TABLES; i++) {
		if (copy_table(src, dst, &specs[i], err) != UR_OK)
			return err->status;
		if (specs[i].identity && move_sequence(dst, &specs[i], err) != UR_OK)
			return err->status;
		rows += rep->t[i].rows_from;
	}
	/* the server has no statistics of rows it has not committed: without
	 * them the checks below are planned as for empty tables */
	if (audit_migration(dst, src->shown, rows, err) != UR_OK ||
	    store_exec(dst, "ANALYZE", err) != UR_OK || all_figures(src, dst, rep, err) != UR_OK)
		return err->status;
	for (int i = 0; i < MIGRATE_TABLES; i++)
		rep->t[i].added = strcmp(rep->t[i].name, "audit") == 0;
	if (!store_migrate_agree(rep->t, rep->ntables, &ti, &si))
		return differs(rep, ti, si, src->shown, dst->shown,
			       _("after copying, the figures differ (nothing was written)"), err);
	return check_paid(dst, rep, err);
}

/* An empty server database is copied into; one that holds this file's
 * copy (its figures and the migration's audit row) is only checked; any
 * other is refused. */
static enum ur_status
migrate_in_tx(struct store *src, struct store *dst, struct migrate_report *rep,
	      struct ur_err *err)
{
	int64_t total = 0, marks = 0;
	int ti, si;

	if (all_figures(src, dst, rep, err) != UR_OK)
		return err->status;
	for (int i = 0; i < rep->ntables; i++) /* but the company init made */
		total += strcmp(rep->t[i].name, "company") ? rep->t[i].rows_to : 0;
	if (total == 0)
		return copy_all(src, dst, rep, err);
	if (store_one_int64(dst, "SELECT count(*) FROM audit WHERE action = '" MIG_ACTION "'",
			    &marks, err) != UR_OK)
		return err->status;
	for (int i = 0; i < rep->ntables; i++)
		rep->t[i].added = strcmp(rep->t[i].name, "audit") == 0 ? marks : 0;
	if (marks == 0 || !store_migrate_agree(rep->t, rep->ntables, &ti, &si)) {
		if (marks == 0)
			store_migrate_agree(rep->t, rep->ntables, &ti, &si);
		return differs(rep, ti, si, src->shown, dst->shown,
			       _("the target database already holds other data, not this file's "
				 "copy (urikake migrate copies into an empty database made by "
				 "urikake init; nothing was written)"), err);
	}
	rep->already = true;
	return check_paid(dst, rep, err);
}

/* Open the file only to read it, at exactly this urikake's schema version:
 * an older one is upgraded by opening it once, not here. */
static enum ur_status
open_source(struct store **out, const char *from, const char *user, struct ur_err *err)
{
	struct store *st = store_alloc(from, user);
	enum ur_status ok;
	int rc, v;

	*out = NULL;
	db_setup_once();
	if ((rc = db_open(from, DB_OPEN_READONLY, &st->db)) == DB_OK)
		rc = db_table_count(st->db, &v);
	if (rc != DB_OK) {
		ur_fail(err, UR_INPUT, _("cannot open %s as a urikake database: %s"), from,
			st->db ? db_errmsg(st->db) : db_errstr(rc));
		store_close(st);
		return UR_INPUT;
	}
	db_busy_timeout(st->db, STORE_BUSY_MS);
	if ((ok = store_check_version(st, &v, err)) == UR_OK && v != store_schema_latest())
		ok = ur_fail(err, UR_INPUT,
			     _("%s has database schema version %d and this urikake migrates version "
			       "%d: open it once with this urikake (for example urikake --db %s "
			       "aging) to bring its schema up to date, then migrate it"),
			     from, v, store_schema_latest(), from);
	if (ok != UR_OK) {
		err->status = UR_INPUT;
		store_close(st);
		return UR_INPUT;
	}
	*out = st;
	return UR_OK;
}

enum ur_status
store_migrate(const char *from, const char *to, const char *user, struct migrate_report *rep,
	      struct ur_err *err)
{
	struct store *src, *dst;
	enum ur_status out;
	int rc;

	memset(rep, 0, sizeof *rep);
	if (open_source(&src, from, user, err) != UR_OK)
		return err->status;
	if (store_open(&dst, to, user, err) != UR_OK) {
		store_close(src);
		return err->status;
	}
	if ((rc = db_begin_read(src->db)) != DB_OK)
		out = store_sqlfail(src, rc, err);
	else if ((out = store_begin(dst, err)) == UR_OK) {
		out = migrate_in_tx(src, dst, rep, err);
		if (out == UR_OK && !rep->already)
			out = store_commit(dst, err);
		else
			store_rollback(dst);
	}
	db_rollback(src->db);
	store_close(dst);
	store_close(src);
	return out;
}
