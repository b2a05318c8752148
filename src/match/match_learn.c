/* match_learn: what the index learns of each customer from the clerks'
 * confirmations — its usual lateness, which of several same-amount
 * invoices it pays (oldest or due now), the fees it deducts and its
 * discount rate — for the scorer to read as the customer's habit. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "match_priv.h"

void
match_index_set_lateness(struct match_index *ix, int64_t id, int days, int n)
{
	uint32_t c = match_cust_by_id(ix, id);

	if (c == MATCH_NONE || n <= 0)
		return;
	ix->cust[c].late_days = (int16_t)(days < -365 ? -365 : days > 365 ? 365 : days);
	ix->cust[c].late_known = 1;
}

#define TIES_TO_LEARN 2 /* confirmed ties one way, none the other, make an order */

static void
tie_count(int8_t *n)
{
	if (*n < INT8_MAX)
		(*n)++;
}

/* A clerk cleared one of several open invoices of the same amount: a vote
 * for paying the oldest first when a later one's due date fit the payment
 * better (the engine's own reading would have been that one), for paying
 * what falls due when an older one was passed over. */
void
match_index_learn_tie(struct match_index *ix, int64_t id, int32_t paid_on, int32_t chosen_due,
		      const int32_t *other_due, int n)
{
	uint32_t c = match_cust_by_id(ix, id);
	int older = 0, fits_later = 0;
	struct mcust *m;

	if (c == MATCH_NONE)
		return;
	m = &ix->cust[c];
	for (int k = 0; k < n; k++) {
		older |= other_due[k] < chosen_due;
		fits_later |= other_due[k] > chosen_due &&
			      match_due_gap(m, paid_on, other_due[k]) + TIE_GAP <=
				      match_due_gap(m, paid_on, chosen_due);
	}
	if (older && !fits_later)
		tie_count(&m->ties_due);
	else if (fits_later && !older)
		tie_count(&m->ties_oldest);
}

bool
match_learned_oldest(const struct mcust *c)
{
	return c->ties_oldest >= TIES_TO_LEARN && !c->ties_due;
}

bool
match_oldest_first(const struct match_config *cfg, const struct mcust *c)
{
	if (match_learned_oldest(c))
		return true;
	if (c->ties_due >= TIES_TO_LEARN && !c->ties_oldest)
		return false;
	return cfg->oldest_first;
}

/* Keep fee as the customer's habit (latest last, four at most); unless
 * the master declares a policy, its learned fees join the usual list (a
 * bank's tiers — ¥440 below ¥30,000, ¥660 above — are learned one by one,
 * and a net bank's ¥145 becomes a fee it may deduct). */
static void
learn_fee(struct mcust *c, int64_t fee)
{
	int k;

	for (k = 0; k < c->nhabit_fee && c->habit_fee[k] != fee; k++)
		;
	if (k == c->nhabit_fee && c->nhabit_fee == 4)
		k = 0; /* forget the oldest */
	else if (k == c->nhabit_fee)
		c->nhabit_fee++;
	memmove(&c->habit_fee[k], &c->habit_fee[k + 1],
		(size_t)(c->nhabit_fee - 1 - k) * sizeof c->habit_fee[0]);
	c->habit_fee[c->nhabit_fee - 1] = fee;
	if (c->custom_fee)
		return;
	if (strcmp(c->currency, "JPY") == 0)
		match_fee_default(&c->fee);
	else
		memset(&c->fee, 0, sizeof c->fee);
	c->fee.kind = MATCH_FEE_LIST;
	for (int i = 0; i < c->nhabit_fee; i++)
		if (!match_fee_allows(&c->fee, c->habit_fee[i]) && c->fee.nfees < MATCH_MAX_FEES)
			c->fee.fees[c->fee.nfees++] = c->habit_fee[i];
}

/* The whole basis-point rate deducted is of billed, or 0. */
static int
discount_rate(int64_t billed, int64_t deducted)
{
	int bp = billed > 0 ? (int)((deducted * 10000 + billed / 2) / billed) : 0;

	return bp >= MATCH_MIN_BP && bp <= MATCH_MAX_BP && match_discount_is(billed, deducted, bp)
		       ? bp : 0;
}

/* A discount: a round rate (alone, with a listed fee, or with the payment
 * rounded down) before any other exact rate — 1 % and ¥220 off ¥220,451
 * is also 1.10 % to the yen — then a round rate with a fee of its own. */
static void
learn_discount(struct mcust *c, int64_t gross, int64_t net, int64_t deducted, int64_t paid)
{
	int64_t base[2] = { gross, net };
	struct deduction d;

	match_deduction_learn(&c->fee, base, deducted, c->currency, paid, &d);
	if (!d.bp && ((d.bp = discount_rate(gross, deducted)) || (d.bp = discount_rate(net, deducted))))
		d.fee = 0;
	if (!d.bp)
		d.bp = match_discount_own_fee(base, deducted, c->currency, &d.fee);
	c->habit_bp = (int16_t)d.bp;
	c->habit_round = (int16_t)d.unit;
	if (d.bp && d.fee)
		learn_fee(c, d.fee); /* rounding down is checked with its own fees only */
}

void
match_index_learn_deduction(struct match_index *ix, int64_t id, int64_t deducted,
			    int64_t gross, int64_t net, int64_t paid)
{
	uint32_t k = match_cust_by_id(ix, id);
	struct mcust *c;

	if (k == MATCH_NONE || deducted <= 0 || net <= deducted)
		return;
	c = &ix->cust[k];
	if (match_moling(c->currency, paid, deducted)) {
		c->habit_moling = paid % 1000 == 0 && deducted >= 100 ? 10 : 1;
	} else if (deducted <= match_fee_cap(c->currency)) {
		learn_fee(c, deducted);
	} else {
		learn_discount(c, gross, net, deducted, paid);
	}
}
