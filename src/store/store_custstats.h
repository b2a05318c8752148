/* store_custstats: the store side of the aged-receivables pane — the aging
 * rows for any as-of date with sales rep, last contact, open promise and
 * dunning level per row, rated from the payment history; a customer's drill-down (invoices with what paid
 * them, deposits and their allocations, days late and DSO); and writing
 * off a small remainder. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_CUSTSTATS_H
#define UR_SRC_STORE_CUSTSTATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arconf.h"
#include "custstats.h"
#include "err.h"

struct store;

/** Fill set (made by ar_set_init, empty) with one row per customer and
 *  currency with an amount open at set->as_of: what was invoiced by then
 *  less what the ledger had cleared by then (later payments, and voids
 *  after it, ignored), aged by due date or, when set->by_issue, by issue
 *  date. Cost grows with the open invoices and the ledger rows dated after
 *  the as-of date, not with the whole history. Then the view is set to
 *  every row by code (ar_set_view to change it). */
enum ur_status store_ar_rows(struct store *st, struct ar_set *set, struct ur_err *err);

/** The payment history of every customer and currency at as_of into h
 *  (empty): what was cleared in the RATING_WINDOW days up to it, by
 *  lateness and age, and the promises broken in the last RATING_RECENT
 *  days (due before as_of, not paid in full by their date). */
enum ur_status store_rating_hist(struct store *st, int32_t as_of, struct rating_hist *h,
				 struct ur_err *err);

/* What cleared part of an invoice by the as-of date. */
struct drill_entry {
	int32_t date;          /* allocation or adjustment date */
	int64_t amount;        /* cleared: cash applied, or the adjustment */
	int64_t fee;           /* transfer fee absorbed on an allocation */
	char kind[12];         /* "auto", "manual", "write_off", "credit_note", "fee" */
	char *deposit_ref;     /* "" for adjustments */
	int32_t deposit_date;  /* 0 for adjustments */
	int64_t allocation_id; /* 0 for adjustments */
	int64_t adjustment_id; /* 0 for allocations */
};

struct drill_invoice {
	int64_t id;
	char *number;
	int32_t issue, due;
	int64_t amount;
	char currency[8];
	int64_t open;          /* at the as-of date */
	int days_past_due;     /* as-of − due (negative: not yet due) */
	int32_t settled;       /* the day it was cleared to zero; 0 while open */
	bool disputed;         /* named in an open dispute (held back from dunning) */
	struct drill_entry *paid;
	size_t npaid;
};

struct drill_alloc {
	char *invoice;         /* "" for money held on account */
	int64_t amount, fee;
	int32_t date;
	char kind[8];
};

struct drill_deposit {
	int64_t id;
	char *reference, *payer;
	int32_t date;
	int64_t amount;
	char currency[8];
	char state[12];
	struct drill_alloc *allocs; /* active at the as-of date */
	size_t nallocs;
};

#define DRILL_MAX_DEPOSITS 100

struct drill {
	int64_t customer_id;
	int32_t as_of;
	struct drill_invoice *inv; /* open at as-of, or settled in the 12
				      months before it; by due date, number */
	size_t ninv;
	struct drill_deposit *dep; /* booked by as-of, newest first (at most
				      DRILL_MAX_DEPOSITS) */
	size_t ndep;
	struct custstats *stats;   /* per currency, by code */
	size_t nstats;
};

/** The drill-down of customer_id at as_of (contacts: store_contact.h). */
enum ur_status store_drill(struct store *st, int64_t customer_id, int32_t as_of,
			   struct drill *out, struct ur_err *err);
void store_drill_free(struct drill *d);

/** Write off what is still open on invoice invoice_id (a 'write_off'
 *  adjustment dated day, with an audit row carrying note). expected is the
 *  open amount the clerk saw: UR_CONFLICT when it changed meanwhile.
 *  UR_INPUT when nothing is open or it is above the currency's limit in s
 *  (write-off-limit). *amount gets what was written off. */
enum ur_status store_write_off(struct store *st, int64_t invoice_id, int64_t expected,
			       const struct ar_settings *s, int32_t day, const char *note,
			       int64_t *amount, struct ur_err *err);

#endif
