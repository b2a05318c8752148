/* match_billed: the 合計請求書 urikake issued as evidence. A closing-period
 * statement printed, saved or e-mailed states the total the customer saw
 * (tax once per rate on the period total, a few yen off the slips' sum),
 * so a deposit of that total — or of it less the customer's learned fee,
 * discount or 抹零 — pays exactly the slips it listed, whatever other
 * combination of slips adds up too. Only while each of those slips is
 * still open by what it was when issued: a slip paid or changed since
 * makes the statement stale, and the other fits say so. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_priv.h"
#include "xalloc.h"

void
match_index_add_bill(struct match_index *ix, int64_t id, const char *currency, int32_t to,
		     int32_t issued, int64_t billed)
{
	uint32_t c = match_cust_by_id(ix, id);
	struct mbill *b;

	if ((ix->bill_skip = c == MATCH_NONE))
		return;
	if (ix->nbill == ix->capbill) {
		ix->capbill = ix->capbill ? ix->capbill * 2 : 16;
		ix->bill = xrealloc(ix->bill, ix->capbill * sizeof *ix->bill);
	}
	b = &ix->bill[ix->nbill++];
	memset(b, 0, sizeof *b);
	b->cust = c;
	strncpy(b->cur, currency && *currency ? currency : ix->cust[c].currency,
		sizeof b->cur - 1);
	b->to = to;
	b->issued = issued;
	b->billed = billed;
	b->first = ix->nbslip;
}

void
match_index_add_bill_slip(struct match_index *ix, int64_t invoice_id, int64_t open)
{
	if (!ix->nbill || ix->bill_skip)
		return;
	if (ix->nbslip == ix->capbslip) {
		ix->capbslip = ix->capbslip ? ix->capbslip * 2 : 64;
		ix->bslip = xrealloc(ix->bslip, ix->capbslip * sizeof *ix->bslip);
	}
	ix->bslip[ix->nbslip++] = (struct mbslip){ invoice_id, open, MATCH_NONE };
	ix->bill[ix->nbill - 1].n++;
}

static int
bill_cmp(const void *a, const void *b)
{
	const struct mbill *x = a, *y = b;

	if (x->cust != y->cust)
		return x->cust < y->cust ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first); /* as issued */
}

/* An invoice id and where it is in ix->inv. */
struct id_at {
	int64_t id;
	uint32_t at;
};

static int
id_at_cmp(const void *a, const void *b)
{
	const struct id_at *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* Find the slips of customer c's bills among its open invoices. */
static void
resolve_slips(struct match_index *ix, const struct mcust *c)
{
	struct id_at *ids = xmalloc(((size_t)c->inv_count + 1) * sizeof *ids);

	for (uint32_t i = 0; i < c->inv_count; i++)
		ids[i] = (struct id_at){ ix->inv[c->inv_first + i].id, c->inv_first + i };
	qsort(ids, c->inv_count, sizeof *ids, id_at_cmp);
	for (uint32_t b = c->bill_first; b < c->bill_first + c->bill_count; b++)
		for (uint32_t k = ix->bill[b].first; k < ix->bill[b].first + ix->bill[b].n; k++) {
			struct id_at key = { ix->bslip[k].invoice_id, 0 };
			const struct id_at *hit = bsearch(&key, ids, c->inv_count, sizeof *ids,
							  id_at_cmp);

			ix->bslip[k].inv = hit ? hit->at : MATCH_NONE;
		}
	free(ids);
}

void
match_index_finish_bills(struct match_index *ix)
{
	if (!ix->nbill)
		return;
	qsort(ix->bill, ix->nbill, sizeof *ix->bill, bill_cmp);
	for (uint32_t b = 0; b < ix->nbill; b++) {
		struct mcust *c = &ix->cust[ix->bill[b].cust];

		if (!c->bill_count)
			c->bill_first = b;
		c->bill_count++;
	}
	for (uint32_t i = 0; i < ix->ncust; i++)
		if (ix->cust[i].bill_count)
			resolve_slips(ix, &ix->cust[i]);
}

/* Still what it was: every slip open by the amount the statement listed. */
static bool
bill_valid(const struct match_index *ix, const struct mbill *b)
{
	for (uint32_t k = b->first; k < b->first + b->n; k++) {
		const struct mbslip *s = &ix->bslip[k];

		if (s->inv == MATCH_NONE || ix->inv[s->inv].open != s->open)
			return false;
	}
	return b->n > 0;
}

/* How the deposit pays billed: exactly or less one of the customer's fees
 * (a closing total), or less its learned discount (alone, with a fee, or
 * rounded down as it rounds) or small change (抹零) — then a near miss by
 * its habit. False when it does not. */
static bool
bill_deduction(const struct fitter *f, int64_t billed, struct match_proposal *p)
{
	const struct mcust *c = f->c;
	const char *cur = f->d->currency ? f->d->currency : "";
	int64_t ded = billed - f->d->amount, base[2] = { billed, billed };
	struct deduction d = { .bp = c->habit_bp, .unit = c->habit_round };

	if (ded == 0 || match_fee_allows(&c->fee, ded))
		return true;
	p->fit = MATCH_FIT_NEAR;
	p->features |= MATCH_F_LEARNED;
	if (ded > 0 && c->habit_bp &&
	    (match_discount_is(billed, ded, c->habit_bp) ||
	     match_discount_and_fee(&c->fee, base, ded, c->habit_bp, &p->diff_fee) ||
	     (c->habit_round && match_deduction_split(c->habit_fee, c->nhabit_fee, base, ded, cur,
						      f->d->amount, &d)))) {
		p->diff = MATCH_DIFF_DISCOUNT;
		p->diff_bp = c->habit_bp;
		p->diff_fee = p->diff_fee ? p->diff_fee : d.fee;
		p->diff_round = d.dropped;
		return true;
	}
	if (c->habit_moling && match_moling(cur, f->d->amount, ded)) {
		p->diff = MATCH_DIFF_MOLING;
		return true;
	}
	return false;
}

/* Paid when the statement fell due: its latest slip due within
 * MATCH_NATURAL_DAYS of the deposit (by the customer's lateness). A
 * statement months old whose slips are all still open may be a disputed
 * bill that a coincidence matches: it is no evidence then. */
static bool
bill_due_now(const struct fitter *f, const struct mbill *b)
{
	int32_t due = INT32_MIN;

	for (uint32_t k = b->first; k < b->first + b->n; k++) {
		const struct minv *v = &f->ix->inv[f->ix->bslip[k].inv];

		due = v->due > due ? v->due : due;
	}
	return match_due_gap(f->c, f->d->date, due) <= MATCH_NATURAL_DAYS;
}

/* Propose bill b's slips for the deposit; false when the amount is not its
 * total (less the customer's deduction). */
static bool
bill_emit(const struct fitter *f, const struct mbill *b, bool ambiguous)
{
	struct match_proposal p;
	int64_t sum = 0, gap;

	match_fit_start(f, &p, MATCH_FIT_PERIOD);
	if (!bill_deduction(f, b->billed, &p))
		return false;
	for (uint32_t k = b->first; k < b->first + b->n; k++) {
		const struct minv *v = &f->ix->inv[f->ix->bslip[k].inv];

		match_fit_line(&p, v, v->open, 0);
		sum += v->open;
	}
	gap = sum - f->d->amount;
	if (gap > 0 && !match_fee_spread(&p, gap))
		return false;
	p.on_account = gap < 0 ? -gap : 0;
	p.period = b->to;
	p.periods = 1;
	p.bill_to = b->to;
	p.bill_issued = b->issued;
	p.billed = b->billed;
	p.features |= MATCH_F_BILLED | (ambiguous ? MATCH_F_AMBIGUOUS : 0);
	match_fit_emit(f, &p);
	return true;
}

/* Could the deposit pay b at all: its currency, issued by the deposit
 * date, a total within tax rounding of its slips. */
static bool
bill_usable(const struct fitter *f, const struct mbill *b)
{
	const char *cur = f->d->currency ? f->d->currency : "";
	int64_t sum = 0;

	if (strcmp(b->cur, cur) != 0 || (f->d->date && b->issued > f->d->date))
		return false;
	for (uint32_t k = b->first; k < b->first + b->n; k++)
		sum += f->ix->bslip[k].open;
	return sum - b->billed >= -MATCH_TOTAL_ROUNDING && sum - b->billed <= MATCH_TOTAL_ROUNDING;
}

/* Does the amount fit b's total (exactly, or less a deduction)? */
static bool
bill_fits(const struct fitter *f, const struct mbill *b)
{
	struct match_proposal p;

	memset(&p, 0, sizeof p);
	return bill_deduction(f, b->billed, &p);
}

/* A statement the amount fits that is evidence: unchanged since and due
 * about now (else, changed, it is *stale). */
static bool
bill_counts(const struct fitter *f, const struct mbill *b, const struct mbill **stale)
{
	if (!bill_usable(f, b) || !bill_fits(f, b))
		return false;
	if (!bill_valid(f->ix, b)) {
		*stale = b;
		return false;
	}
	return !f->d->date || bill_due_now(f, b);
}

void
match_fit_billed(const struct fitter *f, const struct mbill **stale)
{
	const struct mbill *bills = f->ix->bill + f->c->bill_first;
	const struct mbill *ignored;
	int fits = 0;

	*stale = NULL;
	if (f->d->amount <= 0)
		return;
	for (uint32_t i = 0; i < f->c->bill_count; i++)
		fits += bill_counts(f, &bills[i], stale);
	if (fits)
		*stale = NULL; /* a valid statement fits: an older stale one does not matter */
	for (uint32_t i = 0; fits && i < f->c->bill_count; i++)
		if (bill_counts(f, &bills[i], &ignored))
			bill_emit(f, &bills[i], fits > 1);
}
