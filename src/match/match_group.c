/* match_group: one transfer for several customers — a payment agent
 * (一括決済), a parent or a holding company paying its subsidiaries'
 * invoices at once. When the payer names several customers (a learned
 * alias that points at each of them, or the customer master's paying
 * parent of several), what each of them has due about when the deposit
 * came, taken together, is one candidate. Proposed for a clerk to
 * confirm; matched automatically only when the payer was learned for
 * each customer it pays (a group confirmed before) and their closing
 * totals add up in exactly one way. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_priv.h"
#include "xalloc.h"

#define GROUP_CHOICES 12  /* per member: periods and everything up to them */
#define GROUP_STEPS 20000 /* combinations looked at, at most */

/* The group's invoices in cur due about when d came (near) or all of
 * them, into w; their number, *total their sum. */
static int
group_invoices(const struct match_index *ix, const struct match_deposit *d,
	       const struct mcands *cs, bool near, const struct minv **w, int64_t *total)
{
	const char *cur = d->currency ? d->currency : "";
	int n = 0;

	*total = 0;
	for (int i = 0; i < cs->n; i++) {
		const struct mcust *c = &ix->cust[cs->c[i].cust];

		for (uint32_t k = 0; cs->c[i].features & MATCH_F_GROUP && k < c->inv_count; k++) {
			const struct minv *v = &ix->inv[c->inv_first + k];

			if (v->open <= 0 || strcmp(v->cur, cur) != 0 ||
			    (d->date && v->issue > d->date) ||
			    (near && match_due_gap(c, d->date, v->due) > MATCH_NATURAL_DAYS))
				continue;
			w[n++] = v;
			*total += v->open;
		}
	}
	return n;
}

static void
group_emit(const struct match_index *ix, struct mlines *lines, const struct minv **w, int n,
	   int64_t fee, unsigned features, match_fit_fn fn, void *ctx)
{
	const struct mcust *first = &ix->cust[w[0]->cust];
	struct match_proposal p;

	memset(&p, 0, sizeof p);
	p.customer_id = first->id;
	p.customer_code = first->code;
	p.customer_name = first->name;
	p.fit = fee ? MATCH_FIT_SUM_FEE : MATCH_FIT_SUM;
	p.features = MATCH_F_SEVERAL | features;
	match_span_start(&p);
	p.line = match_lines_reserve(lines, (uint32_t)n);
	for (int i = 0; i < n; i++) {
		const struct mcust *c = &ix->cust[w[i]->cust];

		p.line[i] = (struct match_line){ .invoice_id = w[i]->id, .number = w[i]->number,
						 .cleared = w[i]->open,
						 .customer_id = c->id, .customer_code = c->code };
		match_span_add(&p, w[i]);
	}
	p.nlines = n;
	if (!match_fee_spread(&p, fee))
		return;
	match_lines_commit(lines, (uint32_t)n);
	fn(ctx, &p);
}

/* One member's closing periods as the choices of a group payment: a
 * period's slips, or everything open up to a period's end. */
struct choice {
	int from, to;   /* slips w[from, to) of the member */
	int64_t sum;
};

struct member {
	const struct minv **w;
	struct choice choice[GROUP_CHOICES];
	int nchoice;
};

/* Customer c's choices for d, those due nearest the deposit first. */
static void
member_choices(const struct match_index *ix, const struct match_deposit *d,
	       const struct mcust *c, struct member *m)
{
	struct fitter f = { .ix = ix, .d = d, .c = c };
	struct period *per = xmalloc((c->inv_count + 1) * sizeof *per);
	int np = match_periods_of(&f, m->w, per), near[GROUP_CHOICES];

	m->nchoice = 0;
	for (int k = np - 1; k >= 0 && m->nchoice + 2 <= GROUP_CHOICES; k--) {
		int end = per[k].first + per[k].n, gap = INT32_MAX;

		for (int i = per[k].first; i < end; i++) {
			int g = match_due_gap(c, d->date, m->w[i]->due);

			gap = m->w[i]->open > 0 && g < gap ? g : gap;
		}
		m->choice[m->nchoice] = (struct choice){ per[k].first, end, per[k].sum };
		near[m->nchoice++] = gap;
		if (k > 0) {
			int64_t all = 0;

			for (int i = 0; i < end; i++)
				all += m->w[i]->open;
			m->choice[m->nchoice] = (struct choice){ 0, end, all };
			near[m->nchoice++] = gap;
		}
	}
	for (int i = 1; i < m->nchoice; i++) /* insertion sort by due gap */
		for (int j = i; j > 0 && near[j] < near[j - 1]; j--) {
			struct choice t = m->choice[j];
			int g = near[j];

			m->choice[j] = m->choice[j - 1], m->choice[j - 1] = t;
			near[j] = near[j - 1], near[j - 1] = g;
		}
	free(per);
}

struct group_search {
	struct member *m;
	int n, pick[MATCH_MAX_CANDS];
	int64_t amount, tol;
	const struct match_fee_policy *fee;
	long steps;
	int found[MATCH_MAX_CANDS];
	int nfound;
};

/* Does sum (members paid: paid) pay the deposit, less a fee or tax
 * rounding? */
static bool
group_fits(const struct group_search *g, int64_t sum, int paid)
{
	int64_t diff = sum - g->amount;

	return paid >= 2 && ((diff >= -g->tol && diff <= g->tol) ||
			     (diff > 0 && match_fee_allows(g->fee, diff)));
}

/* Each member one of its choices or nothing (pick -1), nearest first; the
 * first way that fits is kept, the search stops at the second. */
static bool
group_dfs(struct group_search *g, int i, int64_t sum, int paid)
{
	if (++g->steps > GROUP_STEPS)
		return true;
	if (i == g->n) {
		if (!group_fits(g, sum, paid))
			return false;
		if (g->nfound++ == 0)
			memcpy(g->found, g->pick, sizeof g->found);
		return g->nfound > 1;
	}
	for (int k = 0; k <= g->m[i].nchoice; k++) {
		g->pick[i] = k < g->m[i].nchoice ? k : -1;
		if (group_dfs(g, i + 1, k < g->m[i].nchoice ? sum + g->m[i].choice[k].sum : sum,
			      paid + (k < g->m[i].nchoice)))
			return true;
	}
	return false;
}

/* The group's closing totals: one closing period (or everything open up
 * to one) of each of two or more members adding up to the deposit,
 * returned-goods slips netted. */
static void
group_periods(struct match_index *ix, const struct match_deposit *d, const struct mcands *cs,
	      const struct minv **w, match_fit_fn fn, void *ctx)
{
	struct member m[MATCH_MAX_CANDS];
	struct group_search g = { m, 0, { 0 }, d->amount, 0, NULL, 0, { 0 }, 0 };
	unsigned learned[MATCH_MAX_CANDS];
	int n = 0;

	for (int i = 0; i < cs->n; i++) {
		const struct mcust *c = &ix->cust[cs->c[i].cust];

		if (!(cs->c[i].features & MATCH_F_GROUP) || !c->close_day)
			continue;
		m[g.n].w = xmalloc((c->inv_count + 1) * sizeof *m[g.n].w);
		member_choices(ix, d, c, &m[g.n]);
		learned[g.n] = cs->c[i].features & MATCH_F_CONFLICT; /* its alias: confirmed */
		g.fee = g.fee ? g.fee : &c->fee;
		g.tol += MATCH_TOTAL_ROUNDING;
		g.n++;
	}
	group_dfs(&g, 0, 0, 0);
	if (g.n >= 2 && g.nfound) {
		int64_t sum = 0;
		unsigned sure = g.nfound == 1 && g.steps <= GROUP_STEPS ? MATCH_F_GROUP_LEARNED : 0;

		for (int i = 0; i < g.n; i++) {
			if (g.found[i] >= 0 && !learned[i])
				sure = 0;
			for (int k = g.found[i] < 0 ? 0 : m[i].choice[g.found[i]].from;
			     g.found[i] >= 0 && k < m[i].choice[g.found[i]].to; k++)
				if (m[i].w[k]->open != 0) {
					w[n++] = m[i].w[k];
					sum += m[i].w[k]->open;
				}
		}
		group_emit(ix, &ix->lines, w, n, sum > d->amount ? sum - d->amount : 0, sure, fn,
			   ctx);
	}
	for (int i = 0; i < g.n; i++)
		free(m[i].w);
}

void
match_fit_group(struct match_index *ix, const struct match_deposit *d, const struct mcands *cs,
		match_fit_fn fn, void *ctx)
{
	uint32_t room = 1;
	int members = 0;
	const struct minv **w;

	for (int i = 0; i < cs->n; i++)
		if (cs->c[i].features & MATCH_F_GROUP) {
			members++;
			room += ix->cust[cs->c[i].cust].inv_count;
		}
	if (members < 2 || d->amount <= 0)
		return;
	w = xmalloc(room * sizeof *w);
	for (int near = 1; near >= 0; near--) {
		int64_t total;
		int n = group_invoices(ix, d, cs, near, w, &total);
		int64_t fee = total - d->amount;

		if (n >= 2 && ix->cust[w[0]->cust].id != ix->cust[w[n - 1]->cust].id &&
		    (fee == 0 || (fee < d->amount && match_fee_allows(&ix->cust[w[0]->cust].fee, fee)))) {
			group_emit(ix, &ix->lines, w, n, fee, 0, fn, ctx);
			break;
		}
	}
	group_periods(ix, d, cs, w, fn, ctx);
	free(w);
}
