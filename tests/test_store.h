/* test_store: helpers shared by the store's unit tests (a raw SQLite
 * connection to the same file for checks, and short-hand inserts). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_TEST_STORE_H
#define UR_TESTS_TEST_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/** buf = tap_tmpdir()/name. */
void ts_path(char *buf, size_t size, const char *name);
/** First column of the first row of sql on the database file (-999 on error). */
long long ts_q1(const char *path, const char *sql);
/** Run sql on the database file through a raw connection; the SQLite code. */
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
