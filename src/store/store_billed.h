/* store_billed: the closing-period statements (合計請求書) urikake issued —
 * recorded as printed, saved or e-mailed, with the billed total as on the
 * paper and the slips it listed, and loaded into the matcher as its
 * strongest evidence. Issued statements are history: re-issuing a period
 * adds a row, and the latest of a period counts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_BILLED_H
#define UR_SRC_STORE_BILLED_H

#include <stdint.h>

#include "err.h"

#include <stdbool.h>
#include <stddef.h>

struct store;
struct match_index;

/* A slip the statement listed: its number, what was open on it, and
 * whether it was issued in the period (else carried over into it). */
struct billed_slip {
	const char *number;
	int64_t open;
	bool in_period;
};

/* One statement issued, as printed. */
struct billed_issue {
	int64_t customer_id;
	const char *code;             /* the customer's, for messages */
	int32_t from, to, issued_on;
	const char *currency;
	int64_t billed, purchases;    /* 今回御請求額, 今回お買上額 */
	int64_t tax_rounding;         /* tax on the total less the slips' own */
	const char *delivery;         /* "printed", "saved" or "emailed" */
	const char *file;             /* where it went */
	const struct billed_slip *slips;
	size_t nslips;
};

/** Record b (in the caller's transaction if one is open), audited. *previous:
 *  the total the period's latest earlier issue billed, or -1 when it is the
 *  first. UR_INPUT when b lists an invoice the database does not have. */
enum ur_status store_billed_record(struct store *st, const struct billed_issue *b,
				   int64_t *previous, struct ur_err *err);

/* The latest issue of each period (?1: one customer, 0: all, then only
 * those with a slip still open): id, customer, currency, period end,
 * issued, billed, purchases. */
extern const char store_billed_latest_sql[];

/** Put the statements issued to customer customer_id (0: every customer
 *  added to ix) into ix: the latest of each period, with a slip still
 *  open (for one customer: the latest dozen periods, paid or not). */
enum ur_status store_billed_load(struct store *st, struct match_index *ix, int64_t customer_id,
				 struct ur_err *err);

#endif
