/* custstats: the aged-receivables rows as a model the panes can window
 * (one row per customer and currency, sorted by any column, filtered by
 * sales rep, currency, overdue only or text, one total per currency —
 * never adding JPY to CNY), and the per-customer figures of the drill-down:
 * average days late and DSO. Filled by store_custstats.c; no I/O here. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_CUSTSTATS_H
#define UR_SRC_CUSTSTATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arconf.h"
#include "rating.h"

/* Buckets: the not-yet-due ones (furthest first), "current" (due within
 * the nearest not-yet-due limit, or simply not yet due), then one per
 * overdue limit and the oldest. */
#define AR_MAX_BUCKETS (ARCONF_MAX_FUTURE + 1 + ARCONF_MAX_BOUNDS + 1)

/* One row, kept small (a pane holds tens of thousands): the buckets follow
 * the fixed part, set->nbuckets of them, so rows are set->stride bytes
 * apart (ar_set_at); the strings are shared per customer. */
struct ar_row {
	int64_t customer_id;
	const char *code, *name, *sales_rep; /* owned by the set */
	const char *name_key;   /* the name's sort key (collate.h), owned by the set */
	int64_t total;
	int64_t overdue;        /* the overdue buckets added up */
	int64_t credit_limit;   /* 0: none, or not in this row's currency */
	int64_t promise_amount; /* the open promise's amount (0: none) */
	int64_t on_account;     /* cash held for the customer (前受金), not in total */
	int32_t oldest_due;     /* oldest due date still overdue; 0: none */
	int32_t last_contact;   /* day of the latest contact by as-of; 0: none */
	int32_t promise_date;   /* open promise: the latest made by as-of, due on
				   or after it (0: none) */
	int32_t promise_made;   /*   and the day it was made */
	int32_t dunning_day;    /* the day of dunning_level's step */
	char currency[4];       /* ISO 4217 */
	int8_t dunning_level;   /* the latest step recorded since oldest_due
				   (earlier steps belong to a past episode) */
	int8_t collector;       /* the customer's own choice of who calls
				   (enum contact_owner; 0: the level's rule) */
	struct rating rating;   /* by ar_set_rate */
	int64_t bucket[];       /* set->nbuckets amounts */
};

/* Sort columns; a bucket is AR_COL_BUCKET + its index. */
enum ar_col {
	AR_COL_CODE,
	AR_COL_NAME,
	AR_COL_CURRENCY,
	AR_COL_TOTAL,
	AR_COL_OVERDUE,
	AR_COL_CREDIT_USE,
	AR_COL_LAST_CONTACT,
	AR_COL_PROMISE,
	AR_COL_SALES_REP,
	AR_COL_LEVEL,
	AR_COL_RATING,
	AR_COL_BUCKET,
	AR_COL_COUNT = AR_COL_BUCKET + AR_MAX_BUCKETS
};

struct ar_filter {
	const char *sales_rep; /* NULL or "": everyone */
	const char *currency;  /* NULL or "": every currency */
	bool overdue_only;     /* rows with something overdue */
	const char *text;      /* NULL or "": code or name containing it */
};

struct ar_total {
	char currency[8];
	int64_t bucket[AR_MAX_BUCKETS];
	int64_t total, overdue, on_account;
	size_t rows;
};

/* A block of the set's strings (pointers into it stay valid). */
struct ar_chunk;

#define AR_MAX_REPS 64 /* sales reps shared between rows (more are copied) */

/* One as-of date's rows, with the current view (filter and order). */
struct ar_set {
	int32_t as_of;
	bool by_issue;             /* aged from the issue date, not the due date */
	int nfuture, nbounds;      /* the limits the buckets were made with */
	int future[ARCONF_MAX_FUTURE], bounds[ARCONF_MAX_BOUNDS];
	int nbuckets;              /* nfuture + 1 + nbounds + 1 */
	char *rows;                /* all rows, by customer id and currency */
	size_t stride;             /* bytes from one row to the next */
	size_t n, cap;
	uint32_t *view;            /* indices of the shown rows, in order */
	size_t nview;
	uint32_t *rank;            /* each row's place by code then currency (ar_set_rank) */
	struct ar_total *totals;   /* of the shown rows, by currency code */
	size_t ntotals;
	bool overflow;             /* a total did not fit: totals are wrong */
	struct ar_chunk *chunks;   /* the codes, names and sales reps */
	const char *reps[AR_MAX_REPS]; /* the sales reps kept so far */
	int nreps;
	/* While loading, each row's open overdue items (by row index), rated
	 * with its history and freed by ar_set_rate: kept out of the rows,
	 * which a pane holds all day. */
	struct rating_open *rin;
	/* The payment history at as_of: every customer's while loading; once
	 * rated, only of those with no row (their rating is the row's). */
	struct rating_hist hist;
	/* Set by the caller after ar_set_init (may stay NULL): the store calls
	 * it every few thousand items it reads, for a progress display. */
	void (*progress)(void *ctx, size_t items);
	void *progress_ctx;
	/* The rows, strings and history are shared with other sets
	 * (ar_set_share): read-only, freed by the last set holding them. */
	struct ar_share *share;
};

/** An empty set for as_of with the bucket limits of s. */
void ar_set_init(struct ar_set *set, const struct ar_settings *s, int32_t as_of, bool by_issue);
void ar_set_free(struct ar_set *set);
/** Make dst a set of the same rows as src (loaded and rated) with a view
 *  of its own, empty until ar_set_view: the rows, their strings and the
 *  history are shared, not copied, and stay as they are from now on in
 *  both sets (any thread may read them); ar_set_free of the last set
 *  holding them frees them. */
void ar_set_share(struct ar_set *src, struct ar_set *dst);
/** True when another set holds set's rows too. */
bool ar_set_shared(const struct ar_set *set);
/** A new row (zeroed; strings "") appended to set; the store fills it.
 *  Rows are added in customer id order. */
struct ar_row *ar_set_add(struct ar_set *set, int64_t customer_id, const char *currency);
/** Give the rows of customer r->customer_id from r on its code, name, the
 *  name's sort key (collate_name_key) and sales rep (copied once, shared
 *  by those rows). */
void ar_set_customer(struct ar_set *set, struct ar_row *r, const char *code, const char *name,
		     const char *name_key, const char *sales_rep);
/** Row i (0 ≤ i < set->n) in customer id order. */
struct ar_row *ar_set_at(const struct ar_set *set, size_t i);
/** Give the memory the set grew into but does not use back (after loading). */
void ar_set_shrink(struct ar_set *set);
/** The first row of customer id (rows are in customer id order); NULL if none. */
struct ar_row *ar_set_first(const struct ar_set *set, int64_t customer_id);
/** The row of customer_id in currency; NULL when it has none. */
const struct ar_row *ar_set_row_of(const struct ar_set *set, int64_t customer_id,
				   const char *currency);
/** The bucket of an item dated day (due or issue date, as the set ages). */
int ar_set_bucket(const struct ar_set *set, int32_t day);
/** Add amount to bucket b of row r (and its total, and overdue when b is
 *  an overdue bucket); false on overflow. */
bool ar_row_add(const struct ar_set *set, struct ar_row *r, int b, int64_t amount);
/** True when bucket b holds overdue amounts. */
bool ar_bucket_overdue(const struct ar_set *set, int b);
/** The heading of bucket b: ">60" (due in more than 60 days), "31-60",
 *  "Current", "1-30", "Over 90" … into buf. */
void ar_bucket_label(const struct ar_set *set, int b, char *buf, size_t size);
/** The CSV/JSON key of bucket b ("due_after_60", "current", "d1_30",
 *  "d90_plus") into buf. */
void ar_bucket_key(const struct ar_set *set, int b, char *buf, size_t size);

/** The rating inputs of row r while loading (its open overdue items). */
struct rating_open *ar_set_rin(struct ar_set *set, const struct ar_row *r);
/** Rate every row: its open overdue items (set->rin, added while loading)
 *  with its history from set->hist and its credit use; then free rin and
 *  keep in hist only the customers and currencies with no row. */
void ar_set_rate(struct ar_set *set);
/** The rating of customer_id in currency at the set's date: its row's, or
 *  for a customer with nothing open, its history alone (credit_limit > 0:
 *  0 % of it used). */
void ar_set_rating(const struct ar_set *set, int64_t customer_id, const char *currency,
		   int64_t credit_limit, struct rating *out);

/** Credit use in tenths of a percent (total / credit limit); -1 when no limit. */
int ar_credit_use(const struct ar_row *r);

/** Recompute the view: the rows that pass f, ordered by col (ties by code
 *  then currency), descending when desc; and the totals per currency.
 *  Cheap (no database): call it on every filter or sort change. */
void ar_set_view(struct ar_set *set, const struct ar_filter *f, int col, bool desc);
/** Rank the rows by code then currency, once per set (its views then
 *  break ties without comparing codes): done by ar_set_view when not yet,
 *  best done where the rows are loaded. */
void ar_set_rank(struct ar_set *set);
/** Shown row i (0 ≤ i < set->nview). */
const struct ar_row *ar_set_row(const struct ar_set *set, size_t i);
/** Up to max shown rows from first into out; how many. */
size_t ar_set_window(const struct ar_set *set, size_t first, size_t max,
		     const struct ar_row **out);
/** Position in the view of customer code (first currency); -1 if not shown. */
long ar_set_find(const struct ar_set *set, const char *code);

/* Per-customer figures (drill-down), one per currency.
 *
 * Average days late: over the invoices settled in the 12 months up to the
 * as-of date (open amount zero at the as-of date, the last payment or
 * adjustment that closed them dated after as-of − 12 months), the mean of
 * (allocation date − due date) over their allocations weighted by the
 * amount each cleared (cash plus deducted fee); negative when paid early.
 * Adjustments (credit notes, write-offs) carry no weight.
 *
 * DSO: open receivables at the as-of date (everything issued by then,
 * due or not) ÷ the amounts invoiced in the 90 days ending on it (issue
 * date after as-of − 90) × 90. Undefined without sales in those days. */
struct custstats {
	char currency[8];
	int64_t open;          /* at as-of */
	int64_t on_account;    /* cash held for the customer at as-of (前受金) */
	int64_t sales90;       /* invoiced in the last 90 days */
	int64_t late_weight;   /* sum of weights (cleared amounts) */
	int64_t late_sum;      /* sum of weight × days late (may overflow: see ok) */
	int settled;           /* invoices settled in the window */
	bool ok;               /* false when a sum overflowed */
};

/** Add one allocation of an invoice settled in the window to c. */
void custstats_add_payment(struct custstats *c, int64_t cleared, int32_t alloc_date,
			   int32_t due_date);
/** Average days late in tenths of a day, rounded half away from zero;
 *  false when there is nothing to average (or it overflowed). */
bool custstats_days_late(const struct custstats *c, int *tenths);
/** DSO in tenths of a day, rounded half away from zero; false when there
 *  were no sales in the 90 days (or it overflowed). */
bool custstats_dso(const struct custstats *c, int64_t *tenths);

#endif
