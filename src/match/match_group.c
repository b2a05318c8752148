/* match_group: one transfer for several customers — a payment agent
 * (一括決済), a parent or a holding company paying its subsidiaries'
 * invoices at once. When the payer names several customers (a learned
 * alias that points at each of them, or the customer master's paying
 * parent of several), what each of them has due about when the deposit
 * came, taken together, is one candidate. Proposed for a clerk to
 * confirm, never matched automatically. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_priv.h"
#include "xalloc.h"

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
	   int64_t fee, match_fit_fn fn, void *ctx)
{
	const struct mcust *first = &ix->cust[w[0]->cust];
	struct match_proposal p;

	memset(&p, 0, sizeof p);
	p.customer_id = first->id;
	p.customer_code = first->code;
	p.customer_name = first->name;
	p.fit = fee ? MATCH_FIT_SUM_FEE : MATCH_FIT_SUM;
	p.features = MATCH_F_SEVERAL;
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
			group_emit(ix, &ix->lines, w, n, fee, fn, ctx);
			break;
		}
	}
	free(w);
}
