/* match_billed: the 合計請求書 urikake issued as evidence. A closing-period
 * statement printed, saved or e-mailed states the total the customer saw
 * (tax once per rate on the period total, a few yen off the slips' sum),
 * so a deposit of that total — or of it less the customer's learned fee,
 * discount or 抹零 — pays exactly the slips it listed, whatever other
 * combination of slips adds up too; a deposit of the period's purchases
 * it printed pays the period's own slips (the carried-over bill paid
 * apart). Only while each of those slips is
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
		     int32_t issued, int64_t billed, int64_t purchases)
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
	b->purchases = purchases;
	b->first = ix->nbslip;
}

void
match_index_add_bill_slip(struct match_index *ix, int64_t invoice_id, int64_t open,
			  bool in_period)
{
	if (!ix->nbill || ix->bill_skip)
		return;
	if (ix->nbslip == ix->capbslip) {
		ix->capbslip = ix->capbslip ? ix->capbslip * 2 : 64;
		ix->bslip = xrealloc(ix->bslip, ix->capbslip * sizeof *ix->bslip);
	}
	ix->bslip[ix->nbslip++] = (struct mbslip){ invoice_id, open, MATCH_NONE, in_period };
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

/* A bill's place by closing date, then customer (as the queue's finder
 * orders them: store_ui_agent.c), then as added. */
struct by_to {
	int32_t to;
	int64_t customer_id;
	uint32_t b;
};

static int
by_to_cmp(const void *a, const void *b)
{
	const struct by_to *x = a, *y = b;

	if (x->to != y->to)
		return (x->to > y->to) - (x->to < y->to);
	if (x->customer_id != y->customer_id)
		return (x->customer_id > y->customer_id) - (x->customer_id < y->customer_id);
	return (x->b > y->b) - (x->b < y->b);
}

/* ix->bill_by_to: the bills by closing date and customer. */
static void
bills_by_to(struct match_index *ix)
{
	struct by_to *key = xmalloc(ix->nbill * sizeof *key);

	for (uint32_t b = 0; b < ix->nbill; b++)
		key[b] = (struct by_to){ ix->bill[b].to, ix->cust[ix->bill[b].cust].id, b };
	qsort(key, ix->nbill, sizeof *key, by_to_cmp);
	ix->bill_by_to = xmalloc(ix->nbill * sizeof *ix->bill_by_to);
	for (uint32_t b = 0; b < ix->nbill; b++)
		ix->bill_by_to[b] = key[b].b;
	free(key);
	ix->agent_pairs = xcalloc(ix->nbill, sizeof *ix->agent_pairs);
}

void
match_index_finish_bills(struct match_index *ix)
{
	if (!ix->nbill)
		return;
	qsort(ix->bill, ix->nbill, sizeof *ix->bill, bill_cmp);
	bills_by_to(ix);
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

/* One figure a statement printed and the slips behind it: 今回御請求額
 * (every open slip, the carried-over ones too) or 今回お買上額 (the
 * period's own slips: what a customer paying per bill pays while the
 * previous bill is not yet due). */
struct figure {
	const struct mbill *b;
	int64_t total;
	bool period_only;
};

/* Does slip k of the statement belong to the figure? */
static bool
in_figure(const struct match_index *ix, const struct figure *g, uint32_t k)
{
	return !g->period_only || ix->bslip[k].in_period;
}

/* Still what it was: every slip of the figure open by the amount the
 * statement listed. */
static bool
figure_valid(const struct match_index *ix, const struct figure *g)
{
	int n = 0;

	for (uint32_t k = g->b->first; k < g->b->first + g->b->n; k++) {
		const struct mbslip *s = &ix->bslip[k];

		if (!in_figure(ix, g, k))
			continue;
		if (s->inv == MATCH_NONE || ix->inv[s->inv].open != s->open)
			return false;
		n++;
	}
	return n > 0;
}

/* How the deposit pays total: exactly or less one of the customer's fees
 * (a closing total), or less its learned discount (alone, with a fee, or
 * rounded down as it rounds) or small change (抹零) — then a near miss by
 * its habit. False when it does not. */
static bool
figure_deduction(const struct fitter *f, int64_t total, struct match_proposal *p)
{
	const struct mcust *c = f->c;
	const char *cur = f->d->currency ? f->d->currency : "";
	int64_t ded = total - f->d->amount, base[2] = { total, total };
	struct deduction d = { .bp = c->habit_bp, .unit = c->habit_round };

	if (ded == 0 || match_fee_allows(&c->fee, ded))
		return true;
	p->fit = MATCH_FIT_NEAR;
	p->features |= MATCH_F_LEARNED;
	if (ded > 0 && c->habit_bp &&
	    (match_discount_is(total, ded, c->habit_bp) ||
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

/* Paid when the statement fell due: the figure's latest slip due within
 * MATCH_NATURAL_DAYS of the deposit (by the customer's lateness). A
 * statement months old whose slips are all still open may be a disputed
 * bill that a coincidence matches: it is no evidence then. */
static bool
figure_due_now(const struct fitter *f, const struct figure *g)
{
	int32_t due = INT32_MIN;

	for (uint32_t k = g->b->first; k < g->b->first + g->b->n; k++)
		if (in_figure(f->ix, g, k)) {
			const struct minv *v = &f->ix->inv[f->ix->bslip[k].inv];

			due = v->due > due ? v->due : due;
		}
	return match_due_gap(f->c, f->d->date, due) <= MATCH_NATURAL_DAYS;
}

/* Propose the figure's slips for the deposit. */
static void
figure_emit(const struct fitter *f, const struct figure *g)
{
	struct match_proposal p;
	int64_t sum = 0, gap;

	match_fit_start(f, &p, MATCH_FIT_PERIOD);
	if (!figure_deduction(f, g->total, &p))
		return;
	for (uint32_t k = g->b->first; k < g->b->first + g->b->n; k++)
		if (in_figure(f->ix, g, k)) {
			const struct minv *v = &f->ix->inv[f->ix->bslip[k].inv];

			match_fit_line(&p, v, v->open, 0);
			sum += v->open;
		}
	gap = sum - f->d->amount;
	if (gap > 0 && !match_fee_spread(&p, gap))
		return;
	p.on_account = gap < 0 ? -gap : 0;
	p.period = g->b->to;
	p.periods = 1;
	p.bill_to = g->b->to;
	p.bill_issued = g->b->issued;
	p.billed = g->total;
	p.features |= MATCH_F_BILLED | (g->period_only ? MATCH_F_BILLED_PERIOD : 0);
	match_fit_emit(f, &p);
}

/* Could the deposit pay the figure at all: its currency, issued by the
 * deposit date, a total within tax rounding of its slips. */
static bool
figure_usable(const struct fitter *f, const struct figure *g)
{
	const char *cur = f->d->currency ? f->d->currency : "";
	int64_t sum = 0;

	if (strcmp(g->b->cur, cur) != 0 || (f->d->date && g->b->issued > f->d->date))
		return false;
	for (uint32_t k = g->b->first; k < g->b->first + g->b->n; k++)
		sum += in_figure(f->ix, g, k) ? f->ix->bslip[k].open : 0;
	return sum - g->total >= -MATCH_TOTAL_ROUNDING && sum - g->total <= MATCH_TOTAL_ROUNDING;
}

/* Totals that differ by no more than tax rounding on a bill. */
static bool
near_total(int64_t a, int64_t b)
{
	return a - b >= -MATCH_TOTAL_ROUNDING && a - b <= MATCH_TOTAL_ROUNDING;
}

/* Could the money be paying other bills instead: one of the figure's
 * periods swapped for another open period of the same amount, or a later
 * period alone adding up to its total (a fixed monthly order, one month
 * disputed)? Then the statement is no evidence: the rules for identical
 * invoices decide. */
static bool
other_stand_in(const struct fitter *f, const struct figure *g)
{
	size_t room = (size_t)f->c->inv_count + 1;
	const struct minv **w;
	struct period *p;
	int64_t *fig; /* of each period, what the figure lists */
	bool found = false;
	int n;

	if (!f->c->close_day)
		return true; /* no longer billed by closing date */
	w = xmalloc(room * sizeof *w);
	p = xmalloc(room * sizeof *p);
	fig = xcalloc(room, sizeof *fig);
	n = match_periods_of(f, w, p);
	for (uint32_t k = g->b->first; k < g->b->first + g->b->n; k++)
		if (in_figure(f->ix, g, k)) {
			int32_t end = match_period_end(f->ix->inv[f->ix->bslip[k].inv].issue,
						       f->c->close_day);

			for (int i = 0; i < n; i++)
				fig[i] += p[i].end == end ? f->ix->bslip[k].open : 0;
		}
	for (int q = 0; q < n && !found; q++) {
		if (fig[q])
			continue;
		found = p[q].end > g->b->to && near_total(p[q].sum, g->total);
		for (int i = 0; i < n && !found; i++)
			found = fig[i] && near_total(p[q].sum, fig[i]);
	}
	free(fig);
	free(p);
	free(w);
	return found;
}

/* A figure the amount fits that is evidence: unchanged since, due about
 * now and no later bill standing in for it (else, changed, it is *stale). */
static bool
figure_counts(const struct fitter *f, const struct figure *g, const struct mbill **stale)
{
	struct match_proposal p;

	memset(&p, 0, sizeof p);
	if (!figure_usable(f, g) || !figure_deduction(f, g->total, &p))
		return false;
	if (!figure_valid(f->ix, g)) {
		*stale = g->b;
		return false;
	}
	return (!f->d->date || figure_due_now(f, g)) && !other_stand_in(f, g);
}

/* Could the money meant for the period's purchases be paying the bill
 * carried into it instead: the carried slips add up to the purchases, or
 * one of them has the amount of one of the period's (a fixed monthly
 * order, an older month paid late)? Then the purchases are no evidence. */
static bool
carried_stand_in(const struct match_index *ix, const struct mbill *b)
{
	int64_t carried = 0;

	for (uint32_t k = b->first; k < b->first + b->n; k++) {
		if (ix->bslip[k].in_period)
			continue;
		carried += ix->bslip[k].open;
		for (uint32_t m = b->first; m < b->first + b->n; m++)
			if (ix->bslip[m].in_period && ix->bslip[m].open == ix->bslip[k].open)
				return true;
	}
	return carried - b->purchases >= -MATCH_TOTAL_ROUNDING &&
	       carried - b->purchases <= MATCH_TOTAL_ROUNDING;
}

/* The figures of the customer's statements: each one's billed total, and
 * its purchases of the period when slips were carried over into it that
 * could not be what the money pays. */
static int
figures_of(const struct fitter *f, struct figure *out)
{
	int n = 0;

	for (uint32_t i = 0; i < f->c->bill_count; i++) {
		const struct mbill *b = &f->ix->bill[f->c->bill_first + i];
		int carried = 0;

		for (uint32_t k = b->first; k < b->first + b->n; k++)
			carried += !f->ix->bslip[k].in_period;
		out[n++] = (struct figure){ b, b->billed, false };
		if (carried && carried < (int)b->n && !carried_stand_in(f->ix, b))
			out[n++] = (struct figure){ b, b->purchases, true };
	}
	return n;
}

void
match_fit_billed(const struct fitter *f, const struct mbill **stale)
{
	struct figure *g;
	const struct mbill *ignored;
	int n, fits = 0;

	*stale = NULL;
	if (f->d->amount <= 0)
		return;
	g = xmalloc(2 * (size_t)f->c->bill_count * sizeof *g);
	n = figures_of(f, g);
	for (int i = 0; i < n; i++)
		fits += figure_counts(f, &g[i], stale);
	if (fits)
		*stale = NULL; /* a valid statement fits: an older stale one does not matter */
	for (int i = 0; fits == 1 && i < n; i++) /* two figures fit: no evidence either way */
		if (figure_counts(f, &g[i], &ignored))
			figure_emit(f, &g[i]);
	free(g);
}

bool
match_bill_payable(const struct match_index *ix, const struct match_deposit *d,
		   const struct mbill *b)
{
	struct fitter f = { .ix = ix, .d = d, .c = &ix->cust[b->cust] };
	struct figure g = { b, b->billed, false };

	return b->billed > 0 && figure_usable(&f, &g) && figure_valid(ix, &g) &&
	       (!d->date || figure_due_now(&f, &g));
}
