/* store_ui_priv: helpers shared by src/store_ui*.c (one-off statements,
 * column copies, deposit rows). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_UI_PRIV_H
#define UR_SRC_STORE_UI_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "store_db_priv.h"
#include "store_dialect_priv.h"
#include "store_ui.h"
#include "strbuf.h"

struct store;
struct sui_deposit;

/* The columns sui_deposit_row reads, from deposit d: the payer's first
 * (STORE_PAYER_D_COLS, store_priv.h), then these. The account is
 * BANK-BRANCH-NUMBER, or the number alone (a Chinese account has no
 * codes), or "-" when the bank file named none. */
#define SUI_DEPOSIT_COLS                                                                              \
	"SELECT " STORE_PAYER_D_COLS "d.id, d.booking_date, d.amount, d.currency, d.state,"           \
	" coalesce(d.customer_id, 0), d.reference, coalesce(d.park_reason, ''),"                      \
	" coalesce(nullif(replace(ltrim(d.acct_bank || '-' || d.acct_branch || '-', '-'), '--', '-')" \
	" || d.acct_number, ''), '-'),"                                                               \
	" coalesce((SELECT c.code FROM customer c WHERE c.id = d.customer_id), ''),"                  \
	" coalesce((SELECT c.name FROM customer c WHERE c.id = d.customer_id), ''),"                  \
	" coalesce((SELECT " SQL_LIST_AGG("i.number", "' '") " FROM allocation a"                     \
	" JOIN invoice i ON i.id = a.invoice_id WHERE a.deposit_id = d.id"                            \
	" AND a.voided_at IS NULL), '') FROM deposit d"

/** Done with s (store_keep); when rc (the last step's result) is an error, fill err and
 *  return its status, else UR_OK. */
enum ur_status sui_finish(struct store *st, struct db_stmt *s, int rc, struct ur_err *err);
/** Column text as a malloc'd string ("" for NULL). */
char *sui_col_dup(struct db_stmt *s, int col);
/** Column text copied (truncated) into buf. */
void sui_col_copy(struct db_stmt *s, int col, char *buf, size_t size);

struct sui_lists;
/** Free the queue's lists of today's automatic matches (NULL: none). */
void sui_lists_free(struct sui_lists *l);

/* The texts of the queue's statements, built at run time (each also
 * prepared on its own by tests/pg/prepare.sh). A page: with (a WITH clause
 * or ""), the deposit columns under filter f and cond (" AND …" or ""),
 * keyset after ?2, ?3 (?8 too by amount) when from, in direction idir of
 * sort so, ?4 rows from offset ?5. */
void sui_page_sql(struct strbuf *sql, const char *with, enum sui_filter f, const char *cond,
		  enum sui_sort so, int idir, bool from, bool inclusive);
/** The count of filter f, before a deposit in sort so when before;
 *  companies: the database holds more than one. */
void sui_count_sql(struct strbuf *sql, enum sui_filter f, enum sui_sort so, bool before,
		   bool companies);
/** Today's automatic matches, every sort order's at once. */
void sui_auto_sql(struct strbuf *sql);
/** The incremental search's page in direction dir (store_ui_queue_find). */
void sui_find_sql(struct strbuf *sql, enum sui_filter f, enum sui_sort so, int dir, bool from);

/** Fill d (owned strings) from a row of SUI_DEPOSIT_COLS. */
void sui_deposit_row(struct db_stmt *s, struct sui_deposit *d);

#endif
