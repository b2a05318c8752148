/* match_score: proposals for one deposit — candidates (by identity and by
 * amount alone), their amount fits, the score, the ranking (ties go to the
 * oldest open invoice) and the auto-match rule. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kana.h"
#include "match_priv.h"
#include "xalloc.h"

#define SC_EDI_INVOICE 25 /* the EDI text names an invoice the fit clears */
#define SC_DUE_NEAR 3
#define DUE_NEAR_DAYS 7
#define MAX_AMOUNT_HITS 16 /* open invoices looked at per amount */
#define MAX_AMOUNT_CANDS 8
#define MAX_RANKED 64
#define SC_AMOUNT_UNIQUE 30 /* amount alone fits one customer */
#define SC_AMOUNT_FEW 20    /* … two or three */
#define SC_AMOUNT_MANY 10   /* … more */
#define SC_WEAK_NAME 15     /* a similar name whose amount does not fit */
#define AMOUNT_SLOT 2       /* where the best amount-only proposal shows at the latest */
#define SC_TIE_LATER 5      /* identical amounts: the other invoice ranks below the one due */
#define SC_FUTURE 20        /* an invoice issued after the deposit */
#define SC_PAID_AHEAD 34    /* … all on account for it instead: next to it */
#define SC_HABIT 8          /* a near miss by the customer's learned difference */
#define SC_NEAR_PERIOD 2    /* … of a closing period's total: the more natural set */
#define SC_SHORT_BILL 12    /* … short by more than a tenth, nobody can say why: weak */
#define SC_UNNAMED_INVOICES 15 /* invoices (not a closing total) less a difference
				  nobody can name: below a part payment of them */
#define SC_EARLIER_PART 14  /* the rest of a part payment in the queue: as telling as
				a named difference, never auto (a partial) */
#define SC_ROUNDED_UP 10 /* an over-payment by less than the round sum's step */
#define SC_SMALL_EXCESS 4 /* … by under 1 % of the deposit: likelier than a sliver
			     of the next invoice */
#define SC_LEFT_OPEN 3 /* a day's bills less slips left open: likelier than a set
			  drawn from any month that happens to add up */
#define OVER_FEW_LINES 2  /* … of so many invoices: more, and any excess is a coincidence */
#define SC_DUE_PART 12 /* a round sum, part of the bill due now (内入れ; a partial
			   with its period): likelier than a slip paid over or
			   oldest first reaching into it */
#define SC_SHAKY_SUBSET 12 /* slips of a closing-date customer drawn from anywhere that
			      add up, as other draws do: it pays bills, not draws */
#define SC_BILLED 5          /* the total of a 合計請求書 we issued: the strongest fit */
#define SC_GROUP_LEARNED 58 /* a payer learned for each customer of a group: an alias
			       confirmed once, not an alias that conflicts */

static const int amount_score[] = {
	[MATCH_FIT_NONE] = 0,      [MATCH_FIT_EXACT] = 35,    [MATCH_FIT_FEE] = 30,
	[MATCH_FIT_SUM] = 30,      [MATCH_FIT_SUM_FEE] = 27,  [MATCH_FIT_ROUNDING] = 25,
	[MATCH_FIT_PERIOD] = 33,   /* the customer's own closing total: natural */
	[MATCH_FIT_NEAR] = 22,     /* + SC_HABIT when it is the customer's habit */
	[MATCH_FIT_PARTIAL] = 8,   [MATCH_FIT_OVER] = 8,
};

struct ranked {
	struct match_proposal p;
	int32_t oldest; /* issue date of the oldest invoice cleared */
	int32_t due_gap; /* fortnights off the customer's due dates */
	int identity;    /* of the payer: at one score, a name outranks an amount */
	uint32_t cust;
	int64_t first_id;
	int shaky;       /* taken off the score for ranking, not for the auto rule */
	bool share;      /* part of one invoice, a round share of it (an instalment) */
};

static void
hit_add(uint32_t *hit, int *nhit, uint32_t cust)
{
	for (int i = 0; i < *nhit; i++)
		if (hit[i] == cust)
			return;
	hit[(*nhit)++] = cust;
}

struct scorer {
	struct match_index *ix;
	const struct match_config *cfg;
	const struct match_deposit *d;
	const struct mcand *cand;
	struct mcand agent; /* the candidate of fit_agent's proposals */
	struct ranked r[MAX_RANKED];
	struct ranked spare; /* a fit scored when r is full */
	int n;
	int dropped; /* fits beyond MAX_RANKED: never compared, so never matched over */
};

static const struct minv *
find_inv(const struct match_index *ix, uint32_t cust, int64_t id)
{
	const struct mcust *c = &ix->cust[cust];

	for (uint32_t i = 0; i < c->inv_count; i++)
		if (ix->inv[c->inv_first + i].id == id)
			return &ix->inv[c->inv_first + i];
	return NULL;
}

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->p.score != y->p.score)
		return y->p.score - x->p.score;
	if (x->identity != y->identity)
		return y->identity - x->identity;
	/* an instalment's share tells more than a due date: late payers pay old
	 * bills in instalments (what it displaces is marked too: match_index_hold) */
	if (x->share != y->share)
		return y->share - x->share;
	if (x->due_gap != y->due_gap)
		return x->due_gap < y->due_gap ? -1 : 1;
	if (x->oldest != y->oldest)
		return x->oldest < y->oldest ? -1 : 1;
	return (x->first_id > y->first_id) - (x->first_id < y->first_id);
}

/* At one score, the likelier reading pays what fell due when the money
 * came (by the customer's lateness): the latest of its invoices' gaps, in
 * fortnights, as due dates closer than TIE_GAP do not tell sets apart
 * (then the oldest goes first, as always with allocation-order = oldest). */
static int32_t
fit_due_gap(const struct scorer *s, uint32_t cust, const struct match_proposal *fit)
{
	const struct mcust *c = &s->ix->cust[cust];
	int32_t early, late;

	if (match_oldest_first(s->cfg, c))
		return 0;
	if (fit->due_first > fit->due_last)
		return 0; /* all of it on account: nothing open, or paid ahead */
	early = match_due_gap(c, s->d->date, fit->due_first);
	late = match_due_gap(c, s->d->date, fit->due_last);
	return (early > late ? early : late) / TIE_GAP;
}

/* Invoices less a difference nobody can name (an offset? a claim?): for
 * the clerk to look at, never a reading that rivals another customer's
 * (no more than a guess at which slips were left open: MATCH_F_LEFT_OPEN). */
static bool
unnamed_near(const struct match_proposal *p)
{
	return p->fit == MATCH_FIT_NEAR && p->diff == MATCH_DIFF_OTHER;
}

/* A bill paid short by more than a tenth, the difference unnamed: a
 * weaker reading than any named difference. */
static bool
short_bill(const struct match_proposal *fit)
{
	int64_t billed = 0;

	if (!unnamed_near(fit))
		return false;
	for (int i = 0; i < fit->nlines; i++)
		billed += fit->line[i].cleared;
	return match_proposal_fees(fit) * 10 > billed;
}

/* Invoices less a difference nobody can name read no likelier than a
 * part payment, which books the same money and leaves the rest open; a
 * closing total short by under a tenth still reads as the bill. */
static int
unnamed_penalty(const struct match_proposal *fit)
{
	if (!unnamed_near(fit))
		return 0;
	if (!fit->period)
		return SC_UNNAMED_INVOICES;
	return short_bill(fit) ? SC_SHORT_BILL : 0;
}

/* All of it on account for an invoice issued since, which it pays exactly
 * (fit_future): as sure a reading as that invoice, and the booking a clerk
 * makes before the invoice exists. */
static bool
paid_ahead(const struct match_proposal *fit)
{
	return fit->features & MATCH_F_FUTURE && fit->nlines == 0;
}

/* An over-payment of one or two invoices: a round sum just above them
 * (rounded up), or a small excess, is the likelier reading. */
static void
score_over(const struct scorer *s, const struct match_proposal *fit, struct ranked *r)
{
	if (match_rounded_up(s->d->currency, s->d->amount, fit->on_account)) {
		r->p.features |= MATCH_F_ROUNDED_UP;
		r->p.score += SC_ROUNDED_UP;
	} else if (fit->on_account * 100 < s->d->amount) {
		r->p.score += SC_SMALL_EXCESS;
	}
}

/* Score one fit of the current candidate and keep it. */
/* A combination of three or more slips of a customer billed by closing
 * date, drawn from bills due on different days, one of several that add
 * up (not a period, not a day's bills less some left open): with that
 * many slips open, such draws add up by chance, so it ranks below the
 * readings of its bills. Slips of one bill are not a draw: a customer
 * may pay some of them (the equal-amount slips of a fixed order). */
static bool
shaky_subset(const struct scorer *s, uint32_t cust, const struct match_proposal *fit)
{
	return (fit->fit == MATCH_FIT_SUM || fit->fit == MATCH_FIT_SUM_FEE) &&
	       fit->features & MATCH_F_AMBIGUOUS && !(fit->features & MATCH_F_LEFT_OPEN) &&
	       !fit->period && fit->nlines >= 3 && fit->due_first != fit->due_last &&
	       cust != MATCH_NONE && s->ix->cust[cust].close_day;
}

/* The list of fits is full: the spare one takes the place of the worst
 * when it ranks before it, so that the clerk sees the best MAX_RANKED. */
static void
keep_better(struct scorer *s)
{
	struct ranked *worst = &s->r[0];

	s->dropped++;
	for (int i = 1; i < s->n; i++)
		if (ranked_cmp(&s->r[i], worst) > 0)
			worst = &s->r[i];
	if (ranked_cmp(&s->spare, worst) < 0)
		*worst = s->spare;
}

static void
score_fit(void *ctx, const struct match_proposal *fit)
{
	struct scorer *s = ctx;
	const struct mcand *c = s->cand;
	struct ranked *r = s->n < MAX_RANKED ? &s->r[s->n++] : &s->spare;
	int edi_hit = 0;

	r->p = *fit;
	r->p.features = c->features | fit->features;
	r->p.alias_count = c->alias_count;
	r->p.similarity = c->similarity;
	r->p.amount_peers = c->amount_peers;
	r->p.parent_name = c->parent != MATCH_NONE ? s->ix->cust[c->parent].name : NULL;
	r->identity = fit->features & MATCH_F_GROUP_LEARNED && c->identity < SC_GROUP_LEARNED
			      ? SC_GROUP_LEARNED : c->identity;
	r->p.score = r->identity + (paid_ahead(fit) ? SC_PAID_AHEAD : amount_score[fit->fit]) -
		     (fit->features & MATCH_F_TIE_LATER ? SC_TIE_LATER : 0) -
		     (fit->features & MATCH_F_FUTURE ? SC_FUTURE : 0) +
		     (fit->features & MATCH_F_LEARNED ? SC_HABIT : 0) +
		     (fit->fit == MATCH_FIT_NEAR && fit->period ? SC_NEAR_PERIOD : 0) -
		     unnamed_penalty(fit) +
		     (fit->features & MATCH_F_BILLED ? SC_BILLED : 0) +
		     (fit->features & MATCH_F_EARLIER_PART ? SC_EARLIER_PART : 0) +
		     (fit->features & MATCH_F_LEFT_OPEN ? SC_LEFT_OPEN : 0) +
		     (fit->fit == MATCH_FIT_PARTIAL && fit->period ? SC_DUE_PART : 0);
	if (fit->fit == MATCH_FIT_OVER && fit->nlines && fit->nlines <= OVER_FEW_LINES)
		score_over(s, fit, r);
	if ((c->features & MATCH_F_IDENTITY) == MATCH_F_NAME_FUZZY &&
	    (fit->fit == MATCH_FIT_NONE || fit->fit >= MATCH_FIT_PARTIAL))
		r->p.score -= SC_WEAK_NAME;
	r->shaky = shaky_subset(s, c->cust, fit) ? SC_SHAKY_SUBSET : 0;
	r->p.score -= r->shaky;
	r->share = fit->nlines && fit->line[0].share; /* only fit_round_share sets it */
	r->oldest = fit->oldest;
	r->due_gap = fit_due_gap(s, c->cust, fit);
	r->cust = c->cust;
	r->first_id = fit->nlines ? fit->line[0].invoice_id : INT64_MAX;
	for (int i = 0; i < fit->nlines && c->edi_inv != MATCH_NONE; i++)
		edi_hit |= fit->line[i].invoice_id == s->ix->inv[c->edi_inv].id;
	if (fit->nlines == 1 && fit->fit <= MATCH_FIT_ROUNDING &&
	    !(fit->features & MATCH_F_TIE_LATER)) {
		const struct minv *v = find_inv(s->ix, c->cust, fit->line[0].invoice_id);

		if (v && abs(v->due - s->d->date) <= DUE_NEAR_DAYS) {
			r->p.features |= MATCH_F_DUE_NEAR;
			r->p.score += SC_DUE_NEAR;
		}
	}
	if (edi_hit)
		r->p.score += SC_EDI_INVOICE;
	if (r == &s->spare)
		keep_better(s);
}

/* Customers whose open invoices fit want: one invoice of that amount, the
 * oldest few adding up to it, or a closing total. Distinct, at most MAX_AMOUNT_CANDS + 1
 * (one more than kept, so that "many" shows). */
static void
amount_lookup(const struct match_index *ix, const struct match_deposit *d, int64_t want,
	      uint32_t *hit, int *nhit)
{
	const char *cur = d->currency ? d->currency : "";
	uint32_t e = mh_first(&ix->by_amount, mh_hash_int(want), NULL, 0);
	int k;

	for (k = 0; e != MATCH_NONE && k < MAX_AMOUNT_HITS && *nhit <= MAX_AMOUNT_CANDS;
	     e = mh_next(&ix->by_amount, e, NULL, 0), k++) {
		const struct minv *v = &ix->inv[ix->by_amount.ent[e].value];

		if (v->open == want && strcmp(v->cur, cur) == 0)
			hit_add(hit, nhit, v->cust);
	}
	e = mh_first(&ix->by_total, mh_hash_int(want), NULL, 0);
	for (k = 0; e != MATCH_NONE && k < MAX_AMOUNT_HITS && *nhit <= MAX_AMOUNT_CANDS;
	     e = mh_next(&ix->by_total, e, NULL, 0), k++)
		if (match_oldest_sum_fits(ix, ix->by_total.ent[e].value, want))
			hit_add(hit, nhit, ix->by_total.ent[e].value);
	match_period_hits(ix, want, cur, hit, nhit, MAX_AMOUNT_CANDS + 1);
}

/* Evidence of an amount alone, by how many customers it fits: one is
 * telling, a handful barely. */
static int
amount_identity(int nhit)
{
	return nhit <= 1 ? SC_AMOUNT_UNIQUE : nhit <= 3 ? SC_AMOUNT_FEW : SC_AMOUNT_MANY;
}

/* Candidates on amount alone, among all customers: the deposit's amount,
 * or it plus a default fee, is one open invoice or the sum of a
 * customer's oldest open invoices. Proposals only: without an identity
 * feature they are never matched automatically. */
static void
amount_candidates(const struct match_index *ix, const struct match_deposit *d,
		  struct mcands *cs)
{
	struct match_fee_policy fees;
	uint32_t hit[MAX_AMOUNT_CANDS + 1];
	int nhit = 0, score;

	match_fee_default(&fees);
	for (int f = -1; f < fees.nfees && nhit <= MAX_AMOUNT_CANDS; f++)
		amount_lookup(ix, d, d->amount + (f < 0 ? 0 : fees.fees[f]), hit, &nhit);
	score = amount_identity(nhit);
	for (int i = 0; i < nhit && i < MAX_AMOUNT_CANDS && cs->n < MATCH_MAX_CANDS; i++) {
		struct mcand *c;
		int k;

		for (k = 0; k < cs->n && cs->c[k].cust != hit[i]; k++)
			;
		if (k < cs->n)
			continue; /* named already: fitted with its identity */
		c = &cs->c[cs->n++];
		memset(c, 0, sizeof *c);
		c->cust = hit[i];
		c->identity = score;
		c->features = MATCH_F_AMOUNT_ONLY;
		c->amount_peers = nhit;
		c->edi_inv = MATCH_NONE;
		c->parent = MATCH_NONE;
	}
}

static int
fits_exactly(enum match_fit f)
{
	return f >= MATCH_FIT_EXACT && f <= MATCH_FIT_PERIOD;
}

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* True when p clears other invoices than b, in whatever order (sorted
 * copies: a closing period of a thousand slips costs n log n). */
static int
other_invoices(const struct match_proposal *p, const struct match_proposal *b)
{
	int64_t small[2 * 16], *ids = small;
	int n = p->nlines, differ = 0;

	if (n != b->nlines)
		return 1;
	if (n > 16)
		ids = xmalloc(2 * (size_t)n * sizeof *ids);
	for (int i = 0; i < n; i++) {
		ids[i] = p->line[i].invoice_id;
		ids[n + i] = b->line[i].invoice_id;
	}
	qsort(ids, (size_t)n, sizeof *ids, id_cmp);
	qsort(ids + n, (size_t)n, sizeof *ids, id_cmp);
	differ = n && memcmp(ids, ids + n, (size_t)n * sizeof *ids) != 0;
	if (ids != small)
		free(ids);
	return differ;
}

/* Another way the amount fits the best customer's open invoices (identical
 * amounts are a tie the due dates decide: see match_fit.c): an exact sum
 * and a single invoice minus a fee, two fee fits, two combinations. Only
 * one invoice paid exactly outranks a fit that needs a deduction, a
 * closing period's total (also less the customer's learned deduction) any
 * combination, and the total of a 合計請求書 we issued anything. */
static int
same_customer_rival(const struct scorer *s, const struct match_result *r)
{
	const struct match_proposal *b = &r->prop[0];
	int b_plain = b->fit == MATCH_FIT_EXACT && b->nlines == 1;
	int b_period = b->fit == MATCH_FIT_PERIOD ||
		       (b->fit == MATCH_FIT_NEAR && b->period && b->features & MATCH_F_LEARNED);

	if (b->features & MATCH_F_AMBIGUOUS)
		return 1;
	if (b->features & MATCH_F_BILLED)
		return 0; /* the statement we issued names the slips: no coincidence beats it */
	for (int i = 0; i < s->n; i++) { /* all, not the few listed: another's crowd or a
					    ranking penalty may push a rival out of the list */
		const struct match_proposal *p = &s->r[i].p;

		if (p->customer_id != b->customer_id ||
		    !(fits_exactly(p->fit) ||
		      (p->fit == MATCH_FIT_NEAR && p->features & MATCH_F_LEARNED)) ||
		    p->features & MATCH_F_TIE_LATER ||
		    (p->features & MATCH_F_FUTURE && b->nlines == 1) || !other_invoices(p, b))
			continue; /* an invoice issued since may be what a combination really pays */
		if (b_period ? p->fit == MATCH_FIT_EXACT && p->nlines == 1
			     : !b_plain || p->fit == MATCH_FIT_EXACT || p->fit == MATCH_FIT_SUM)
			return 1;
	}
	return 0;
}

/* Open invoices of cust whose open amount is v (identical monthly
 * amounts: one proposal stands for all of them). */
static int
same_open(const struct match_index *ix, uint32_t cust, int64_t v)
{
	const struct mcust *c = &ix->cust[cust];
	int n = 0;

	for (uint32_t i = 0; i < c->inv_count; i++)
		n += ix->inv[c->inv_first + i].open == v;
	return n > 1 ? n : 1;
}

/* True when an earlier proposal than s->r[i] clears the same invoices
 * (a closing period that a combination found too). */
static int
seen_before(const struct scorer *s, int i)
{
	for (int j = 0; j < i; j++)
		if (s->r[j].p.customer_id == s->r[i].p.customer_id &&
		    !other_invoices(&s->r[j].p, &s->r[i].p))
			return 1;
	return 0;
}

/* Ways the amount clears open invoices exactly (or within a fee or the
 * rounding tolerance, or as a closing total), whoever the customer; when b
 * pays a statement we issued, its customer's other sets do not count. */
static int
amount_fits(const struct scorer *s, const struct match_proposal *b)
{
	int n = 0;

	for (int i = 0; i < s->n; i++) {
		const struct match_proposal *p = &s->r[i].p;

		if (p->features & (MATCH_F_TIE_LATER | MATCH_F_FUTURE) || !fits_exactly(p->fit) ||
		    seen_before(s, i))
			continue; /* a tie is counted with its pick; nothing not yet issued */
		if (b->features & MATCH_F_BILLED && p->customer_id == b->customer_id &&
		    !(p->features & MATCH_F_BILLED))
			continue; /* the statement we issued names the customer's slips */
		if (p->fit == MATCH_FIT_EXACT && p->nlines == 1 && p->features & MATCH_F_AMBIGUOUS)
			n += same_open(s->ix, s->r[i].cust, p->line[0].cleared);
		else
			n++;
	}
	return n;
}

/* Named only by the master's payer links (representative, paying parent):
 * auto-match only when the amount is one open invoice, exactly or less a
 * listed fee, or a closing period's total, and nothing else the deposit
 * could be fits at all. */
static enum match_hold
decide_link(const struct match_proposal *b, int fits)
{
	if (b->fit != MATCH_FIT_PERIOD &&
	    ((b->fit != MATCH_FIT_EXACT && b->fit != MATCH_FIT_FEE) || b->nlines != 1))
		return MATCH_HOLD_LOW_SCORE;
	return fits == 1 ? MATCH_AUTO : MATCH_HOLD_CLOSE;
}

/* A payer learned for several customers (a payment agent, 一括決済) names
 * b's customer among them, and the deposit is the total of the 合計請求書
 * we issued that customer, exactly or less its fee: the statement says
 * which of them it pays — provided no other customer the payer names has
 * invoices the amount fits at all, and no one else comes close. */
static bool
billed_settles_conflict(const struct match_config *cfg, const struct scorer *s,
			const struct match_result *r)
{
	const struct match_proposal *b = &r->prop[0];
	const unsigned doubt = MATCH_F_BILL_STALE | MATCH_F_SEVERAL | MATCH_F_FUTURE |
			       MATCH_F_HELD_OTHER | MATCH_F_AMBIGUOUS;

	if (!(b->features & MATCH_F_BILLED) || b->features & doubt || b->fit != MATCH_FIT_PERIOD ||
	    b->on_account || s->dropped)
		return false; /* dropped: another's exact fit may be among them */
	for (int i = 0; i < s->n; i++) {
		const struct match_proposal *p = &s->r[i].p;

		if (p->customer_id != b->customer_id && p->features & MATCH_F_IDENTITY &&
		    (fits_exactly(p->fit) ||
		     (p->fit == MATCH_FIT_NEAR && p->features & MATCH_F_LEARNED)))
			return false;
	}
	return b->score - r->runner_up >= cfg->margin;
}

static enum match_hold
decide(const struct match_config *cfg, const struct scorer *s, const struct match_result *r)
{
	const struct match_proposal *b = &r->prop[0];
	enum match_hold h;

	if (r->nprop == 0)
		return MATCH_HOLD_NOTHING;
	if (!(b->features & MATCH_F_IDENTITY))
		return MATCH_HOLD_NO_PAYER;
	if (b->features & (MATCH_F_CONFLICT | MATCH_F_SEVERAL) &&
	    !(b->features & MATCH_F_GROUP_LEARNED))
		/* a learned group resolves the conflict, or the statement we issued */
		return billed_settles_conflict(cfg, s, r) ? MATCH_AUTO : MATCH_HOLD_CONFLICT;
	if (b->fit == MATCH_FIT_NONE || b->fit >= MATCH_FIT_PARTIAL)
		return MATCH_HOLD_AMOUNT;
	if (b->features & MATCH_F_FUTURE)
		return MATCH_HOLD_FUTURE;
	if (b->fit == MATCH_FIT_NEAR && !(b->features & MATCH_F_LEARNED))
		return MATCH_HOLD_AMOUNT;
	if (b->score < cfg->threshold)
		return MATCH_HOLD_LOW_SCORE;
	if (same_customer_rival(s, r))
		return MATCH_HOLD_AMBIGUOUS;
	if (s->dropped)
		return MATCH_HOLD_MANY_FITS;
	if (b->score - r->runner_up < cfg->margin)
		return MATCH_HOLD_CLOSE;
	if (b->features & MATCH_F_HELD_OTHER)
		return MATCH_HOLD_HELD_OTHER;
	if (!(b->features & MATCH_F_IDENTITY & ~MATCH_F_LINK) &&
	    (h = decide_link(b, amount_fits(s, b))) != MATCH_AUTO)
		return h;
	return MATCH_AUTO;
}

/* A held deposit whose payer is unsure: make sure the clerk sees the best
 * proposal the amount alone found among the first AMOUNT_SLOT + 1. */
static void
show_amount_only(const struct scorer *s, struct match_result *r)
{
	int i, k;

	for (k = 0; k < r->nprop && k <= AMOUNT_SLOT; k++)
		if (r->prop[k].features & MATCH_F_AMOUNT_ONLY)
			return;
	for (i = 0; i < s->n && !(s->r[i].p.features & MATCH_F_AMOUNT_ONLY); i++)
		;
	if (i == s->n || r->nprop <= AMOUNT_SLOT)
		return; /* none, or already shown further up */
	memmove(&r->prop[AMOUNT_SLOT + 1], &r->prop[AMOUNT_SLOT],
		(size_t)(MATCH_MAX_PROPOSALS - AMOUNT_SLOT - 1) * sizeof r->prop[0]);
	r->prop[AMOUNT_SLOT] = s->r[i].p;
	r->nprop += r->nprop < MATCH_MAX_PROPOSALS;
}

/* Is p's booking (the same invoices, fees and credit) already listed, found
 * by another fit (a closing total is also a combination): the clerk sees
 * each choice once, the best explained. */
static int
listed(const struct match_result *r, const struct match_proposal *p)
{
	for (int i = 0; i < r->nprop; i++) {
		const struct match_proposal *q = &r->prop[i];

		/* the same set has the same span: compared first, as sorting is not free */
		if (q->customer_id == p->customer_id && q->nlines == p->nlines &&
		    q->on_account == p->on_account && q->oldest == p->oldest &&
		    q->due_first == p->due_first && q->due_last == p->due_last &&
		    match_proposal_fees(q) == match_proposal_fees(p) && !other_invoices(q, p))
			return 1;
	}
	return 0;
}

static void
rank(struct scorer *s, const struct match_config *cfg, struct match_result *r)
{
	qsort(s->r, (size_t)s->n, sizeof s->r[0], ranked_cmp);
	memset(r, 0, sizeof *r);
	for (int i = 0; i < s->n && r->nprop < MATCH_MAX_PROPOSALS; i++)
		if (!listed(r, &s->r[i].p))
			r->prop[r->nprop++] = s->r[i].p;
	for (int i = 1; i < s->n; i++) /* another customer's best, at its full score */
		if (s->r[i].p.customer_id != s->r[0].p.customer_id && !unnamed_near(&s->r[i].p) &&
		    !(s->r[i].p.features & MATCH_F_LEFT_OPEN) &&
		    s->r[i].p.score + s->r[i].shaky > r->runner_up)
			r->runner_up = s->r[i].p.score + s->r[i].shaky;
	r->hold = decide(cfg, s, r);
	if (r->hold != MATCH_AUTO)
		show_amount_only(s, r);
}

static void
fit_all(struct scorer *s, const struct match_config *cfg, const struct mcands *cs, int from)
{
	for (int i = from; i < cs->n; i++) {
		s->cand = &cs->c[i];
		match_fits(s->ix, cfg, s->d, cs->c[i].cust, cs->c[i].edi_inv,
			   !(cs->c[i].features & MATCH_F_IDENTITY), score_fit, s);
	}
}

/* The payer pays for several of its candidates at once: scored as the
 * first group member named. */
static void
fit_group(struct scorer *s, const struct mcands *cs)
{
	for (int i = 0; i < cs->n; i++)
		if (cs->c[i].features & MATCH_F_GROUP) {
			s->cand = &cs->c[i];
			match_fit_group(s->ix, s->d, cs, score_fit, s);
			return;
		}
}

/* An agent's proposal is scored as its first customer's, found by amount
 * alone (match_fit_agent). */
static void
score_agent(void *ctx, const struct match_proposal *fit)
{
	struct scorer *s = ctx;

	s->agent.cust = match_cust_by_id(s->ix, fit->customer_id);
	score_fit(s, fit);
}

/* Nothing fits: perhaps an agent paying several customers' statements.
 * The fewer ways they add up, the more the amount says. */
static void
fit_agent(struct scorer *s)
{
	int from = s->n, ways;

	s->agent = (struct mcand){ .features = MATCH_F_AMOUNT_ONLY, .edi_inv = MATCH_NONE,
				   .parent = MATCH_NONE };
	s->cand = &s->agent;
	ways = match_fit_agent(s->ix, s->d, score_agent, s);
	for (int i = from; i < s->n; i++) {
		s->r[i].identity = amount_identity(ways);
		s->r[i].p.score += s->r[i].identity;
		s->r[i].p.amount_peers = ways;
	}
}

/* The best score so far, a shaky combination's counted in full (it
 * still says the payer and the amount fit: no call for other payers). */
static int
best_score(const struct scorer *s)
{
	int best = 0;

	for (int i = 0; i < s->n; i++)
		if (s->r[i].p.score + s->r[i].shaky > best)
			best = s->r[i].p.score + s->r[i].shaky;
	return best;
}

void
match_deposit(struct match_index *ix, const struct match_config *cfg,
	      const struct match_deposit *d, struct match_result *r)
{
	struct scorer *s = ix->scorer ? ix->scorer : (ix->scorer = xmalloc(sizeof *s));
	struct kana_info info;
	struct strbuf key;
	struct mcands cs;
	const struct deposit_payer *p = &d->payer;
	const char *code = p->payer_code;

	sb_init(&key);
	kana_info_init(&info);
	kana_fold(p->payer_name ? p->payer_name : "", &key, &info);
	if (!code || !*code || strspn(code, "0") == strlen(code))
		code = info.payer_code;
	match_candidates(ix, d,
			 p->payer_key && *p->payer_key ? p->payer_key : key.buf ? key.buf : "",
			 info.corp, code, &cs);
	s->ix = ix;
	s->cfg = cfg;
	s->d = d;
	s->n = s->dropped = 0;
	ix->lines.at = ix->lines.used = 0; /* the last deposit's lines are done with */
	fit_all(s, cfg, &cs, 0);
	fit_group(s, &cs);
	if (best_score(s) < cfg->threshold) { /* else amount alone cannot matter */
		int known = cs.n;

		amount_candidates(ix, d, &cs);
		fit_all(s, cfg, &cs, known);
	}
	if (s->n == 0)
		fit_agent(s);
	rank(s, cfg, r);
	kana_info_free(&info);
	sb_free(&key);
}

const char *
match_hold_text(enum match_hold h)
{
	switch (h) {
	case MATCH_AUTO:
		return _("matched automatically");
	case MATCH_HOLD_NOTHING:
		return _("no proposal: neither the payer nor the amount is known");
	case MATCH_HOLD_NO_PAYER:
		return _("only the amount fits: the payer is not known");
	case MATCH_HOLD_LOW_SCORE:
		return _("best proposal is below the auto-match threshold");
	case MATCH_HOLD_CLOSE:
		return _("another customer's proposal is too close");
	case MATCH_HOLD_CONFLICT:
		return _("the payer's alias points at several customers");
	case MATCH_HOLD_AMOUNT:
		return _("the amount does not clear invoices exactly (partial, over-payment or a "
			 "difference not yet learned)");
	case MATCH_HOLD_FUTURE:
		return _("the invoice that fits was issued after the deposit date");
	case MATCH_HOLD_AMBIGUOUS:
		return _("several sets of the customer's invoices fit the amount");
	case MATCH_HOLD_MANY_FITS:
		return _("more sets of invoices fit than could be compared: choose by hand");
	case MATCH_HOLD_HELD_OTHER:
		return _("a deposit held earlier may pay the same invoices");
	}
	return "";
}

const char *
match_hold_name(enum match_hold h)
{
	static const char *const names[] = { "auto", "nothing", "no_payer", "low_score", "close",
					     "conflict", "amount", "future", "ambiguous",
					     "many_fits", "held_other" };

	return (unsigned)h < sizeof names / sizeof names[0] ? names[h] : "";
}

#define BAND_B 60 /* a proposal worth a clerk's look */

char
match_band(const struct match_config *cfg, int score)
{
	return score >= cfg->threshold ? 'A' : score >= BAND_B ? 'B' : 'C';
}

const char *
match_fit_name(enum match_fit f)
{
	static const char *const names[] = { "none", "exact", "fee", "sum", "sum_fee",
					     "rounding", "period", "near", "partial", "over" };

	return (unsigned)f < sizeof names / sizeof names[0] ? names[f] : "none";
}
