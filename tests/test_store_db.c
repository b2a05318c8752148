/* Unit tests for the store's database seam (src/store/store_db_priv.h):
 * what every backend must do the way the store expects — ?N and :name
 * parameters, 64-bit integers, NULL and UTF-8 text, the id and the count
 * of changed rows, transactions and savepoints, a second writer refused
 * as a conflict, and a prepare error with its message. A PostgreSQL
 * backend is to pass the same suite. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store_db_priv.h"
#include "tap.h"

/* A new database file in the test directory, open, with table t. */
static struct db_conn *
open_fresh(const char *path)
{
	struct db_conn *db = NULL;

	unlink(path);
	db_setup_once();
	if (db_open(path, DB_OPEN_READWRITE | DB_OPEN_CREATE, &db) != DB_OK ||
	    db_exec(db, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT)") != DB_OK) {
		db_close(db);
		return NULL;
	}
	return db;
}

/* Insert (n, s) with numbered parameters: the step's result. */
static int
insert(struct db_conn *db, int64_t n, const char *s)
{
	struct db_stmt *q;
	int rc = db_prepare(db, "INSERT INTO t (n, s) VALUES (?1, ?2)", &q);

	if (rc != DB_OK)
		return rc;
	db_bind_int64(q, 1, n);
	if (s)
		db_bind_text(q, 2, s);
	else
		db_bind_null(q, 2);
	rc = db_step(q);
	db_finalize(q);
	return rc;
}

/* Insert (n, NULL) and read back the id it returns: -1 unless the step
 * gives one row and then DB_DONE. */
static int64_t
insert_returning(struct db_conn *db, int64_t n)
{
	struct db_stmt *q;
	int64_t id = -1;

	if (db_prepare(db, "INSERT INTO t (n, s) VALUES (?1, NULL) RETURNING id", &q) != DB_OK)
		return -1;
	db_bind_int64(q, 1, n);
	if (db_step(q) == DB_ROW) {
		id = db_column_int64(q, 0);
		if (db_step(q) != DB_DONE)
			id = -1;
	}
	db_finalize(q);
	return id;
}

static int64_t
count_rows(struct db_conn *db)
{
	struct db_stmt *q;
	int64_t n = -1;

	if (db_prepare(db, "SELECT count(*) FROM t", &q) != DB_OK)
		return -1;
	if (db_step(q) == DB_ROW)
		n = db_column_int64(q, 0);
	db_finalize(q);
	return n;
}

static void
values(struct db_conn *db)
{
	const int64_t big = INT64_C(9007199254740993); /* not a double */
	struct db_stmt *q;

	tap_is_int(insert(db, big, "請求書 №1"), DB_DONE, "seam: an INSERT steps to DB_DONE");
	tap_is_int(db_changes(db), 1, "seam: it changed one row");
	tap_is_int(db_last_insert_id(db), 1, "seam: its id is the row's");
	tap_is_int(insert_returning(db, -5), 2,
		   "seam: INSERT … RETURNING id gives the next row's id as a row, then DB_DONE");
	tap_is_int(db_last_insert_id(db), 2, "seam: ... and that is the last insert's id");
	if (db_prepare(db, "SELECT n, s FROM t WHERE id = ?1 OR id = ?2 ORDER BY id", &q) != DB_OK) {
		tap_ok(0, "seam: prepare a SELECT (%s)", db_errmsg(db));
		return;
	}
	db_bind_int64(q, 1, 1);
	db_bind_int64(q, 2, 2);
	tap_is_int(db_step(q), DB_ROW, "seam: a SELECT steps to DB_ROW");
	tap_is_int(db_column_int64(q, 0), big, "seam: a 64-bit integer comes back whole");
	tap_is_str(db_column_text(q, 1), "請求書 №1", "seam: UTF-8 text comes back as bound");
	tap_is_int(db_column_bytes(q, 1), (long long)strlen("請求書 №1"),
		   "seam: its length in bytes");
	tap_ok(!db_column_is_null(q, 1), "seam: text is not NULL");
	tap_is_int(db_step(q), DB_ROW, "seam: the second row");
	tap_is_int(db_column_int(q, 0), -5, "seam: a negative int");
	tap_ok(db_column_is_null(q, 1), "seam: a bound NULL is NULL");
	tap_ok(db_column_text(q, 1) == NULL, "seam: NULL text is a null pointer");
	tap_is_int(db_step(q), DB_DONE, "seam: then DB_DONE");
	db_reset(q);
	db_clear_bindings(q);
	db_bind_int64(q, 1, 2);
	tap_is_int(db_step(q), DB_ROW, "seam: a reset statement runs again with new bindings");
	tap_is_int(db_column_int64(q, 0), -5, "seam: … and reads the new row");
	db_finalize(q);
}

static void
params(struct db_conn *db)
{
	struct db_stmt *q;
	char buf[] = "abcdef";

	if (db_prepare(db, "SELECT :word || '/' || :word, ?9", &q) != DB_OK) {
		tap_ok(0, "seam: prepare named parameters (%s)", db_errmsg(db));
		return;
	}
	tap_is_int(db_param_index(q, ":word"), 1, "seam: a named parameter's index");
	tap_is_int(db_param_index(q, ":none"), 0, "seam: 0 for a name the statement lacks");
	tap_is_int(db_param_count(q), 9, "seam: the parameter count is the largest index");
	db_bind_text_n(q, db_param_index(q, ":word"), buf, 3);
	buf[0] = 'X'; /* bound with a length: copied */
	tap_is_int(db_step(q), DB_ROW, "seam: named parameters step");
	tap_is_str(db_column_text(q, 0), "abc/abc", "seam: one name binds every use, len bytes");
	tap_ok(db_column_is_null(q, 1), "seam: an unbound parameter is NULL");
	db_finalize(q);
}

static void
transactions(struct db_conn *db)
{
	tap_ok(!db_in_tx(db), "seam: no transaction at first");
	tap_is_int(db_begin(db), DB_OK, "seam: begin");
	tap_ok(db_in_tx(db), "seam: in a transaction after begin");
	insert(db, 3, "rolled back");
	db_rollback(db);
	tap_ok(!db_in_tx(db), "seam: none after rollback");
	tap_is_int(count_rows(db), 2, "seam: the rolled-back row is gone");
	db_rollback(db); /* none open: nothing happens */
	db_begin(db);
	insert(db, 4, "kept");
	tap_is_int(db_savepoint(db, "sp"), DB_OK, "seam: a savepoint");
	insert(db, 5, "undone");
	tap_is_int(db_rollback_to(db, "sp"), DB_OK, "seam: roll back to it");
	tap_is_int(db_release(db, "sp"), DB_OK, "seam: release it");
	tap_is_int(db_commit(db), DB_OK, "seam: commit");
	tap_is_int(count_rows(db), 3, "seam: what came before the savepoint is kept, not after");
	tap_is_int(db_begin_read(db), DB_OK, "seam: a read transaction");
	tap_is_int(count_rows(db), 3, "seam: reads in it");
	tap_is_int(db_commit(db), DB_OK, "seam: ends with commit");
}

/* A second connection wanting to write while the first holds the write
 * lock gets a conflict (exit 4 for the clerk), after its busy timeout. */
static void
conflict(struct db_conn *db, const char *path)
{
	struct db_conn *other = NULL;
	int rc;

	tap_is_int(db_open(path, DB_OPEN_READWRITE, &other), DB_OK, "seam: a second connection");
	db_busy_timeout(other, 50);
	db_begin(db);
	rc = db_begin(other);
	tap_ok(db_is_conflict(rc), "seam: a second writer is refused as a conflict (rc %d)", rc);
	tap_ok(!db_in_tx(other), "seam: … and holds no transaction");
	db_commit(db);
	tap_is_int(db_begin(other), DB_OK, "seam: it may write once the first committed");
	db_rollback(other);
	db_close(other);
	tap_ok(db_is_conflict(DB_BUSY | (2 << 8)), "seam: an extended busy code is a conflict");
	tap_ok(!db_is_conflict(DB_ERROR), "seam: an error is not");
}

static void
errors(struct db_conn *db)
{
	static int sentinel;
	struct db_stmt *q = (void *)&sentinel; /* not NULL before */
	int rc = db_prepare(db, "SELECT nonsense FROM nowhere", &q);

	tap_ok(rc != DB_OK && !db_is_conflict(rc), "seam: a bad statement fails to prepare");
	tap_ok(q == NULL, "seam: … and leaves no statement");
	tap_ok(strstr(db_errmsg(db), "nowhere") != NULL, "seam: the message names what: %s",
	       db_errmsg(db));
	tap_ok(db_exec(db, "INSERT INTO t (id) VALUES (1)") != DB_OK,
	       "seam: exec reports a constraint failure");
	tap_ok(*db_errstr(DB_BUSY) != '\0', "seam: a result code has a message");
}

TAP_SUITE(store_db)
{
	char path[512];
	struct db_conn *db;

	snprintf(path, sizeof path, "%s/seam.db", tap_tmpdir());
	if (!(db = open_fresh(path))) {
		tap_ok(0, "seam: open a new database");
		return;
	}
	values(db);
	params(db);
	transactions(db);
	conflict(db, path);
	errors(db);
	tap_is_int(db_close(db), DB_OK, "seam: close");
	unlink(path);
}
