/* store_ui_agent: the issued statements (合計請求書) still open, for the
 * queue's finder. A deposit nothing else explains may be an agent's first
 * transfer for several customers (match_agent.c), and the engine can find
 * it only among the customers put in the deposit's index: those whose
 * statements of one closing date add up to the amount are found here, over
 * a compact list kept with the names and reloaded when the data changed,
 * so the queue proposes what `match show` does without loading every
 * customer billed that month. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "store_billed.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "xalloc.h"

/* Sets of one size looked at per deposit: the engine proposes none when
 * more than MATCH_AGENT_WAYS are payable, and a statement this list
 * counts as payable seldom is not. */
#define PRE_SETS 16

static int
bill_cmp(const void *a, const void *b)
{
	const struct sui_bill *x = a, *y = b;

	if (x->to != y->to)
		return (x->to > y->to) - (x->to < y->to);
	return (x->customer_id > y->customer_id) - (x->customer_id < y->customer_id);
}

static enum ur_status
load_bills(struct store *st, struct sui_names *nm, struct ur_err *err)
{
	struct db_stmt *s;
	size_t cap = 0;
	int rc;

	nm->bills_loaded = true;
	if (!store_has_table(st, "statement_issue", NULL))
		return UR_OK; /* a read-only look at an older database */
	if (!(s = store_prepare(st, store_billed_latest_sql, err)))
		return err->status;
	db_bind_int64(s, 1, 0);
	while ((rc = db_step(s)) == DB_ROW) {
		struct sui_bill *b;

		if (nm->nbills == cap) {
			cap = cap ? cap * 2 : 256;
			nm->bills = xrealloc(nm->bills, cap * sizeof *nm->bills);
		}
		b = &nm->bills[nm->nbills++];
		b->customer_id = db_column_int64(s, 1);
		snprintf(b->cur, sizeof b->cur, "%s", store_column_str(s, 2));
		b->to = store_column_date(s, 3);
		b->issued = store_column_date(s, 4);
		b->billed = db_column_int64(s, 5);
	}
	if (nm->nbills)
		qsort(nm->bills, nm->nbills, sizeof *nm->bills, bill_cmp);
	nm->bill_pairs = xcalloc(nm->nbills + 1, sizeof *nm->bill_pairs);
	return sui_finish(st, s, rc, err);
}

/* The statements of the closing date from nm->bills[first] on: how many
 * (at most MATCH_AGENT_BILLS), their pairs built once per load. */
static int
one_date(struct sui_names *nm, size_t first)
{
	int32_t to = nm->bills[first].to;
	int n = 0;

	while (first + n < nm->nbills && n < MATCH_AGENT_BILLS && nm->bills[first + n].to == to)
		n++;
	if (!nm->bill_pairs[first]) {
		int64_t *total = xmalloc(((size_t)n + 1) * sizeof *total);

		for (int i = 0; i < n; i++)
			total[i] = nm->bills[first + i].billed;
		nm->bill_pairs[first] = match_agent_pairs_new(total, n);
		free(total);
	}
	return n;
}

/* Which of them d could pay (issued by its date, in its currency, a
 * total to pay), whose each is. */
static void
usable_of(const struct sui_names *nm, const struct match_deposit *d, size_t first, int n,
	  bool *usable, int64_t *who)
{
	const char *cur = d->currency ? d->currency : "";

	for (int i = 0; i < n; i++) {
		const struct sui_bill *b = &nm->bills[first + i];

		who[i] = b->customer_id;
		usable[i] = b->billed > 0 && b->issued <= d->date && strcmp(b->cur, cur) == 0;
	}
}

/* Add the members of sets[0, n) to ids (*nids, at most max). */
static void
add_members(const struct match_agent_set *sets, int n, const int64_t *who, int64_t *ids,
	    int max, int *nids)
{
	for (int i = 0; i < n; i++)
		for (int m = 0; m < sets[i].n; m++) {
			int64_t id = who[sets[i].member[m]];
			int k;

			for (k = 0; k < *nids && ids[k] != id; k++)
				;
			if (k == *nids && *nids < max)
				ids[(*nids)++] = id;
		}
}

/* The closing dates of d's window (at most MATCH_AGENT_DATES), as the
 * engine takes them (match_agent.c): each one's first and how many. */
static int
dates_of(struct sui_names *nm, const struct match_deposit *d, size_t *first, int *n)
{
	size_t at = 0;
	int nd = 0;

	while (at < nm->nbills && nm->bills[at].to < d->date - MATCH_AGENT_DAYS)
		at++;
	while (at < nm->nbills && nm->bills[at].to <= d->date && nd < MATCH_AGENT_DATES) {
		first[nd] = at;
		n[nd++] = one_date(nm, at);
		while (at < nm->nbills && nm->bills[at].to == nm->bills[first[nd - 1]].to)
			at++;
	}
	return nd;
}

/* The members of the sets of k statements that may pay d, of every date,
 * into ids; false when there are more than PRE_SETS (looked at no further). */
static bool
members_of(struct sui_names *nm, const struct match_deposit *d, int k, const size_t *first,
	   const int *n, int nd, int64_t *ids, int max, int *nids)
{
	struct match_agent_set sets[PRE_SETS + 1];
	bool usable[MATCH_AGENT_BILLS];
	int64_t who[MATCH_AGENT_BILLS];
	int total = 0;

	for (int i = 0; i < nd && total <= PRE_SETS; i++) {
		int got;

		usable_of(nm, d, first[i], n[i], usable, who);
		got = match_agent_sets(nm->bill_pairs[first[i]], usable, who, d->amount, d->currency,
				       k, sets, PRE_SETS - total);
		add_members(sets, got, who, ids, max, nids);
		total += got;
	}
	return total <= PRE_SETS;
}

/* The engine looks at sets of two statements, then three, then four, while
 * few enough sets of that size have a sum about the amount; it proposes
 * those of the first size where some are payable. Payable here is less
 * (not checked: slips paid since, due dates), so every size the engine may
 * stop at is loaded. */
enum ur_status
sui_agent_payers(struct store *st, struct sui_names *nm, const struct match_deposit *d,
		 int64_t *ids, int max, int *n, struct ur_err *err)
{
	size_t first[MATCH_AGENT_DATES];
	int count[MATCH_AGENT_DATES], nd;
	bool named;

	*n = 0;
	if (!nm->bills_loaded && load_bills(st, nm, err) != UR_OK)
		return err->status;
	if (d->amount <= 0 || !d->date)
		return UR_OK;
	nd = dates_of(nm, d, first, count);
	named = match_agent_named(d->payer.payer_name);
	for (int k = 2; k <= 4; k++) {
		struct match_agent_chance c = { .named = named };

		for (int i = 0; i < nd; i++)
			match_agent_chance_add(&c, nm->bill_pairs[first[i]], k, d->amount, d->currency);
		if (!match_agent_telling(&c) ||
		    !members_of(nm, d, k, first, count, nd, ids, max, n))
			break;
	}
	return UR_OK;
}
