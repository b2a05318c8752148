/* stmt_build: building a customer's statement (statement.h) from the
 * store, and the language a customer's documents are in. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_RUN_STMT_BUILD_H
#define UR_SRC_RUN_STMT_BUILD_H

#include "err.h"
#include "statement.h"
#include "store_statement.h"

struct store;
struct customer;

/** A customer's language: JPY with a reading (kana) → ja, CNY → zh_CN,
 *  anything else → en. */
enum stmt_lang stmt_lang_for(const struct customer *c);

/** Build the statement of customer code into *out (free with stmt_free).
 *  UR_INPUT for an unknown customer or a period that ends before it starts;
 *  UR_FAIL when the movements do not add up to the balance (a damaged
 *  ledger) or the sums overflow. */
enum ur_status stmt_build(struct store *st, struct store_statement *q, const char *code,
			  const struct stmt_opts *o, struct statement *out, struct ur_err *err);

/** Record that statement s (built by stmt_build) was issued on day to a
 *  customer that bills by closing date (a 合計請求書: nothing is recorded
 *  for another): printed, saved or e-mailed (delivery) to file. Its billed
 *  total and open slips as printed; *previous: what the period's previous
 *  issue billed, -1 when none (or nothing recorded). */
enum ur_status stmt_issued(struct store *st, const struct statement *s, int32_t day,
			   const char *delivery, const char *file, int64_t *previous,
			   struct ur_err *err);

#endif
