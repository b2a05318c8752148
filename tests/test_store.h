/* test_store: helpers shared by the store's unit tests: a database per
 * name on SQLite or on a PostgreSQL server (test_store_util.c), a raw
 * connection to it for checks, and short-hand inserts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_TEST_STORE_H
#define UR_TESTS_TEST_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

/** buf = tap_tmpdir()/name (a file). */
void ts_path(char *buf, size_t size, const char *name);
/** The database for name: with $URIKAKE_TEST_PG_SERVER set a postgresql://
 *  URL of a database of its own on that server (the schema loaded, fresh
 *  at the name's first use in the process), else ts_path's file. */
void ts_db(char *buf, size_t size, const char *name);
/** Whether ts_db gives databases on a PostgreSQL server. */
bool ts_pg(void);
/** Whether the checks of SQLite's files may run: true but on the server,
 *  where the n checks are each reported as a SKIP saying why. */
bool ts_sqlite_only(int n, const char *why);
/** lite or pg: the SQL text for the database at path. */
const char *ts_sql(const char *path, const char *lite, const char *pg);
/** First column of the first row of sql on the database (-999 on error; a
 *  server's boolean as 1 or 0). */
long long ts_q1(const char *path, const char *sql);
/** Run sql on the database through a raw connection: SQLITE_OK (0), else
 *  the SQLite code (SQLITE_ERROR for any error on the server). */
int ts_exec(const char *path, const char *sql);
/** Test that the first column of sql is want. */
int ts_text_is(const char *path, const char *sql, const char *want, const char *what);
/** Upsert a customer with code, name and currency (NULL: JPY). */
enum ur_status ts_customer(struct store *st, const char *code, const char *name,
			   const char *cur);
/** Upsert an invoice; dates 'YYYY-MM-DD'; cur NULL: the customer's. */
enum ur_status ts_invoice(struct store *st, const char *number, const char *cust,
			  const char *issue, const char *due, int64_t amount, const char *cur);
/** Insert deposit d, its payer_key (when NULL) folded from payer_name as
 *  the bank import folds it; a failure is a TAP diagnostic. Its id (0 on
 *  failure). */
int64_t ts_deposit(struct store *st, const struct deposit *d);

#endif
