/* store_statement: the SQL behind customer statements and dunning letters —
 * a customer's balance on a day, its movements in a period, its open
 * invoices on a day, the dunning step a customer has reached and whether
 * a letter was logged on a day, and the company settings the database
 * carries. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_STATEMENT_H
#define UR_SRC_STORE_STATEMENT_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "ledger_words.h"

struct store;
struct store_statement;

/* A ledger row counts on day D when it is dated on or before D and not
 * voided, or voided only after D (as the aging report does), so a
 * statement for a past period comes out the same when printed again. */

/** Prepare the statement queries on st (kept until store_statement_close,
 *  which must come before store_close). */
enum ur_status store_statement_open(struct store *st, struct store_statement **out,
				    struct ur_err *err);
void store_statement_close(struct store_statement *q);

/** The customer's balance in currency cur at the end of day: invoices
 *  issued minus cash applied (on account included) and adjustments, plus
 *  the money on account refunded. */
enum ur_status store_statement_balance(struct store_statement *q, int64_t cust_id,
				       const char *cur, int32_t day, int64_t *out,
				       struct ur_err *err);

/* One movement of a period. Strings belong to the query: valid during
 * the callback only. */
struct store_movement {
	enum ledger_move_kind kind;
	int32_t date;
	const char *ref;  /* invoice number; deposit reference (payments); R-ID */
	const char *text; /* invoice memo; payer name; adjustment kind; paid to */
	int64_t amount;   /* invoice total; cash received; adjustment */
	int64_t fee;      /* payments: transfer fee the customer deducted */
	int64_t tax;      /* invoices: tax included in amount, -1 unknown */
	int32_t due;      /* invoices: due date */
};
typedef int (*store_movement_fn)(const struct store_movement *m, void *ctx);

/** Call fn for each movement of customer cust_id in currency cur from day
 *  from to day to (inclusive), by date, then invoices before payments
 *  before adjustments before refunds, then reference. A payment applied before the period
 *  and undone within it comes with a negative amount on the day undone.
 *  A non-zero return from fn stops the walk. */
enum ur_status store_statement_movements(struct store_statement *q, int64_t cust_id,
					 const char *cur, int32_t from, int32_t to,
					 store_movement_fn fn, void *ctx, struct ur_err *err);

/* An invoice still open on a day. Strings valid during the callback. */
struct store_open_item {
	const char *number;
	const char *memo;
	int32_t issue, due;
	int64_t amount; /* total incl. tax */
	int64_t open;   /* still owed at the end of the day */
	bool disputed;  /* named in an open balance-confirmation dispute */
};
typedef int (*store_open_item_fn)(const struct store_open_item *it, void *ctx);

/** Call fn for each invoice of customer cust_id in cur issued by day as_of
 *  with an amount still open at its end, by due date and number. */
enum ur_status store_statement_open_items(struct store_statement *q, int64_t cust_id,
					  const char *cur, int32_t as_of,
					  store_open_item_fn fn, void *ctx, struct ur_err *err);

/** The dunning level recorded for cust_id from day since to day (both
 *  inclusive; since: when its oldest overdue invoice fell due, so that a
 *  step taken for debts long paid does not count): the latest step's, 0
 *  when none. */
enum ur_status store_statement_level(struct store *st, int64_t cust_id, int32_t since,
				     int32_t day, int *level, struct ur_err *err);
/** The company settings the database carries (the text of a settings
 *  file; a demo database has the demo company's): *text NULL when none
 *  (also in a database from before them). Free with free(). */
enum ur_status store_company_settings(struct store *st, char **text, struct ur_err *err);
/** Store them, audited (in the caller's transaction if one is open). */
enum ur_status store_company_settings_set(struct store *st, const char *text,
					  struct ur_err *err);

/** Whether a letter at dunning level was logged for cust_id on day (a
 *  second copy of it that day is a reprint, not another step). */
enum ur_status store_statement_letter_logged(struct store *st, int64_t cust_id, int level,
					     int32_t day, bool *logged, struct ur_err *err);

#endif
