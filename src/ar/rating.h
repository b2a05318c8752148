/* rating: a customer's credit rating A–E from its payment behaviour — the
 * amount-weighted average and trend of days late, the share paid on time,
 * promises broken in the last 90 days, open balance-confirmation disputes
 * and the open amount against the credit limit — with the reasons in words, and the credit hold the
 * settings ask for. Derived on every load from figures the store gathers
 * (store_custstats.c); nothing is stored. No I/O. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_RATING_H
#define UR_SRC_RATING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define RATING_WINDOW 365 /* days of payments looked at */
#define RATING_RECENT 90  /* the recent part, for the trend and promises */

/* What the rating is made of, for one customer and currency. Weights are
 * amounts in minor units; sums are weight × days. An item paid in the
 * window counts on the day it was paid; one still open and overdue counts
 * as late by its days overdue so far (a customer who stops paying is not
 * rated on its old habits). */
struct rating_input {
	int64_t late_w, late_sum;     /* everything above */
	int64_t recent_w, recent_sum; /* paid in the last 90 days, or open overdue */
	int64_t older_w, older_sum;   /* paid in the 275 days before those */
	int64_t paid_w, ontime_w;     /* paid in the window; of it, by its due date */
	int broken;                   /* promises broken in the last 90 days */
	int disputes;                 /* balance confirmations disputed, still open */
	int64_t disputed, stated;     /* of them: the differences (each taken whole),
					 and the balances we stated */
	char currency[4];             /* of the amounts ("" until an entry's merged in) */
	int credit_use;               /* tenths of a percent of the limit; -1: no limit */
	bool overflow;                /* a sum overflowed: rated on the rest */
};

/* A customer's open overdue items, added up while loading: what they add
 * to its rating_input, kept small (a pane's load holds one per row). */
struct rating_open {
	int64_t w, sum; /* the amounts, and amount × days overdue */
	bool overflow;
};

/** Add an amount still open and days_overdue (> 0) overdue to o. */
void rating_add_open(struct rating_open *o, int64_t amount, int days_overdue);
/** Add the open items o to in: late by their days overdue so far, and
 *  recent. */
void rating_input_add_open(struct rating_input *in, const struct rating_open *o);
/** Add to in a payment of w (> 0) made on day paid for an item due on day
 *  due, for a rating at as_of (recent when paid in the last RATING_RECENT
 *  days); an unknown date (0) weighs in what was paid, not in how late. */
void rating_add_paid(struct rating_input *in, int64_t w, int32_t paid, int32_t due,
		     int32_t as_of);
/** Add b's figures to a (the history and the open items of one customer). */
void rating_input_merge(struct rating_input *a, const struct rating_input *b);

/* The payment history of every customer and currency at one date, as the
 * store read it: entries by customer id, then currency. */
struct rating_entry {
	int64_t customer_id;
	char currency[4];
	struct rating_input in;
};
struct rating_hist {
	struct rating_entry *e;
	size_t n, cap;
};

/** The entry of customer_id and currency, made (zeroed) when missing;
 *  cheap when entries come in order. */
struct rating_input *rating_hist_get(struct rating_hist *h, int64_t customer_id,
				     const char *currency);
/* Filling a history from payments in any order (the ledger's): its
 * entries found through a table of slots, sorted once at the end. */
struct rating_fill {
	struct rating_hist *h;
	uint32_t *slot; /* an entry's index + 1; 0: free */
	size_t mask;
};

void rating_fill_begin(struct rating_fill *f, struct rating_hist *h);
/** The entry of customer_id and currency in f's history, made (zeroed)
 *  when missing; the entries are out of order until rating_fill_end. */
struct rating_input *rating_fill_get(struct rating_fill *f, int64_t customer_id,
				     const char *currency);
/** Sort the history's entries (by customer id, then currency). */
void rating_fill_end(struct rating_fill *f);
/** The entry of customer_id and currency; NULL when it has none. */
const struct rating_input *rating_hist_find(const struct rating_hist *h, int64_t customer_id,
					    const char *currency);
void rating_hist_free(struct rating_hist *h);

/* What the rating found (the words come from rating_reasons). */
struct rating {
	char grade;        /* 'A' (best) to 'E' */
	bool history;      /* something was paid or is overdue */
	int days_late;     /* amount-weighted average, whole days (rounded) */
	int trend;         /* +1 worsening, -1 improving, 0 steady or unknown */
	int ontime_pct;    /* share of the paid amount paid by its due date; -1: nothing paid */
	int broken;
	int disputes;      /* open balance-confirmation disputes */
	int64_t disputed;  /*   the amount in dispute, in currency */
	char currency[4];
	int credit_use;    /* tenths of a percent; -1: no limit */
};

/** Rate in: penalty points for lateness (6–15 days 1, 16–30 2, 31–60 3,
 *  more 4), a worsening trend (recent average at least 7 days above the
 *  older one: 1), under a quarter paid on time (1), each broken promise (1, at
 *  most 2) and the credit limit (80 % used 1, over it 2); A plus the
 *  points, an open dispute (1; 2 when the amount in dispute is a quarter
 *  or more of the balance we stated), E at most. */
void rating_rate(const struct rating_input *in, struct rating *out);

/** The reasons of r in words, in the interface language: "pays 12 days late
 *  on average, worsening; 2 broken promises in 90 days; 92 % of limit
 *  used; 1 open dispute (52,000 JPY)". Appended to out. */
void rating_reasons(const struct rating *r, struct strbuf *out);

/* The credit hold setting (credit-hold = E, limit). */
struct rating_hold {
	char grade;        /* hold at this grade or worse; 0: not by grade */
	bool over_limit;   /* hold when the credit limit is exceeded */
};

/** Parse "E, limit", "D", "limit", "none"; false when it is none of those. */
bool rating_hold_parse(const char *text, struct rating_hold *out);
/** True when r is on hold by h. */
bool rating_on_hold(const struct rating_hold *h, const struct rating *r);

#endif
