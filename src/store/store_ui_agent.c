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

/* Sets of statements looked at per deposit: more, and the engine's answer
 * (at most MATCH_AGENT_WAYS of the fewest statements) is "none" anyway. */
#define PRE_SETS 8

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

/* Add the members of sets[0, n) to ids; of n = PRE_SETS + 1 (more than
 * looked at) only the sets smaller than the last, whose size the engine
 * may still settle on. */
static void
add_members(const struct match_agent_set *sets, int n, const int64_t *who, int64_t *ids,
	    int max, int *nids)
{
	int upto = n > PRE_SETS ? sets[PRE_SETS].n : 5;

	for (int i = 0; i < n && i < PRE_SETS && sets[i].n < upto; i++)
		for (int m = 0; m < sets[i].n; m++) {
			int64_t id = who[sets[i].member[m]];
			int k;

			for (k = 0; k < *nids && ids[k] != id; k++)
				;
			if (k == *nids && *nids < max)
				ids[(*nids)++] = id;
		}
}

enum ur_status
sui_agent_payers(struct store *st, struct sui_names *nm, const struct match_deposit *d,
		 int64_t *ids, int max, int *n, struct ur_err *err)
{
	struct match_agent_set sets[PRE_SETS + 1];
	bool usable[MATCH_AGENT_BILLS];
	int64_t who[MATCH_AGENT_BILLS];
	size_t at = 0;

	*n = 0;
	if (!nm->bills_loaded && load_bills(st, nm, err) != UR_OK)
		return err->status;
	if (d->amount <= 0 || !d->date)
		return UR_OK;
	while (at < nm->nbills && nm->bills[at].to < d->date - MATCH_AGENT_DAYS)
		at++;
	while (at < nm->nbills && nm->bills[at].to <= d->date) {
		size_t first = at;
		int k = one_date(nm, first), found;

		usable_of(nm, d, first, k, usable, who);
		found = match_agent_sets(nm->bill_pairs[first], usable, who, d->amount, d->currency,
					 false, sets, PRE_SETS);
		add_members(sets, found, who, ids, max, n);
		while (at < nm->nbills && nm->bills[at].to == nm->bills[first].to)
			at++;
	}
	return UR_OK;
}
