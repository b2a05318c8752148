/* match_near: amounts that miss the invoices by a difference with a name —
 * a transfer fee the customer's policy does not list (a net bank's ¥145),
 * a few yen of rounding, the small change a Chinese payer drops (抹零), a
 * discount of a round percentage (安全協力会費 1 %, early payment), or an
 * offset the clerk must explain (相殺). Looked for when nothing fits
 * exactly; proposed with the difference named, and matched automatically
 * only when it is the customer's learned habit and no other set of its
 * invoices shows the same habit (a closing period is preferred to other
 * sets). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_priv.h"
#include "money.h"
#include "xalloc.h"

#define MAX_NEAR 2          /* near-miss proposals per customer */
#define MAX_OTHER_BP 1000   /* an unnamed difference of up to 10 % is still shown */
#define MAX_SHORT_BP 5000   /* … of a closing bill paid short by an odd sum, up to half */
#define ROUNDING_MAX 9      /* minor units of a currency without cents */

#define ROUND_UP_PAIRS 8 /* open invoices at most for a rounded-up pair (more: coincidences) */
#define ROUND_UP_SETS 2   /* more sets just below the round sum: a coincidence */
/* A part payment's round step in minor units: ¥10,000, and 100.00 of every
 * currency with cents money.c knows (hundreds of yuan are round). */
#define PART_STEP 10000
#define SHARE_MIN_STEPS 20 /* smaller invoices: every round sum is some share */

struct round_up {
	int i, j;     /* the invoices (j < 0: one) */
	int64_t over; /* what the round sum leaves on account */
};

static const int round_bp[] = { 50, 100, 150, 200, 250, 300, 500, 1000 };

int64_t
match_fee_cap(const char *cur)
{
	return money_exponent(cur) == 0 ? 1100 : 5000;
}

/* The step of a sum rounded up: ¥10,000, 1,000.00 of a currency with cents. */
static int64_t
round_step(const char *cur)
{
	return money_exponent(cur ? cur : "") == 0 ? 10000 : 100000;
}

bool
match_round_sum(const char *cur, int64_t amount)
{
	return amount % round_step(cur) == 0;
}

bool
match_part_sum(int64_t amount)
{
	return amount > 0 && amount % PART_STEP == 0;
}

/* An instalment of a round share of invoice v's bill — 3 to 7 tenths of it
 * (3割…7割, 三成…七成) cut down to the step, or rounded up by a tenth of
 * one, and no more than is open: the share in per cent, else 0. Smaller or
 * larger shares, a wider margin or a small bill: too often by chance. */
int
match_round_share(int64_t amount, const struct minv *v)
{
	if (!match_part_sum(amount) || amount >= v->open || v->billed < SHARE_MIN_STEPS * PART_STEP)
		return 0;
	for (int k = 3; k <= 7; k++) {
		int64_t exact = v->billed * k / 10;

		if (amount > exact - PART_STEP && amount <= exact + PART_STEP / 10)
			return (int)((amount * 100 + v->billed / 2) / v->billed);
	}
	return 0;
}

bool
match_rounded_up(const char *cur, int64_t amount, int64_t over)
{
	int64_t step = round_step(cur);

	/* a set of round thousands paid with more is an over-payment, not rounding */
	return over > 0 && over < step && (amount - over) % (step / 10) != 0 &&
	       match_round_sum(cur, amount);
}

/* A set of one or two invoices (j < 0: one) that leaves over below the
 * round sum: counted, and kept in best[2] when its excess is among the two
 * smallest. */
static void
round_up_keep(struct round_up *best, int *found, int i, int j, int64_t over)
{
	int k = best[0].over <= over ? 1 : 0;

	++*found;
	if (best[k].over <= over)
		return;
	if (k == 0)
		best[1] = best[0];
	best[k] = (struct round_up){ i, j, over };
}

/* A round sum paid for one or two invoices just below it (the customer
 * rounded the transfer up, the excess on account): those whose excess is
 * smallest, when no set fits exactly. */
void
match_fit_round_up(const struct fitter *f)
{
	struct round_up best[2] = { { -1, -1, INT64_MAX }, { -1, -1, INT64_MAX } };
	const char *cur = f->d->currency;
	int64_t a = f->d->amount, over;
	bool pairs = f->n <= ROUND_UP_PAIRS;
	struct match_proposal p;
	int found = 0;

	if (*f->exact || !match_round_sum(cur, a))
		return;
	for (int i = 0; i < f->n && found <= ROUND_UP_SETS; i++) {
		if (match_rounded_up(cur, a, over = a - f->v[i]->open))
			round_up_keep(best, &found, i, -1, over);
		for (int j = i + 1; pairs && j < f->n; j++)
			if (match_rounded_up(cur, a, over = a - f->v[i]->open - f->v[j]->open))
				round_up_keep(best, &found, i, j, over);
	}
	if (found > ROUND_UP_SETS)
		return; /* many slips: some pair is always just below a round sum */
	for (int k = 0; k < 2 && best[k].i >= 0; k++) {
		match_fit_start(f, &p, MATCH_FIT_OVER);
		match_fit_line(&p, f->v[best[k].i], f->v[best[k].i]->open, 0);
		if (best[k].j >= 0)
			match_fit_line(&p, f->v[best[k].j], f->v[best[k].j]->open, 0);
		p.on_account = best[k].over;
		match_fit_emit(f, &p);
	}
}

int64_t
match_index_fee_max(const struct match_index *ix, int64_t id)
{
	uint32_t k = match_cust_by_id(ix, id);
	const struct mcust *c;
	int64_t max = 0;

	if (k == MATCH_NONE)
		return 0;
	c = &ix->cust[k];
	for (int i = 0; i < c->nhabit_fee; i++)
		max = c->habit_fee[i] > max ? c->habit_fee[i] : max;
	for (int i = 0; c->custom_fee && c->fee.kind != MATCH_FEE_NONE && i < c->fee.nfees; i++)
		max = c->fee.fees[i] > max ? c->fee.fees[i] : max;
	return max;
}

bool
match_moling(const char *cur, int64_t paid, int64_t deducted)
{
	if (money_exponent(cur) != 2 || deducted <= 0)
		return false;
	return (paid % 100 == 0 && deducted < 100) || (paid % 1000 == 0 && deducted < 1000);
}

bool
match_discount_is(int64_t billed, int64_t deducted, int bp)
{
	int64_t d = billed * bp / 10000 - deducted;

	return d >= -1 && d <= 1;
}

int
match_discount_and_fee(const struct match_fee_policy *p, const int64_t base[2],
		       int64_t deducted, int bp, int64_t *fee)
{
	const size_t nround = sizeof round_bp / sizeof round_bp[0];

	for (int i = 0; p->kind == MATCH_FEE_LIST && i < p->nfees; i++) {
		int64_t d = deducted - p->fees[i];

		for (int b = 0; d > 0 && b < 2; b++)
			for (size_t r = 0; r < (bp ? 1 : nround); r++)
				if (match_discount_is(base[b], d, bp ? bp : round_bp[r])) {
					*fee = p->fees[i];
					return bp ? bp : round_bp[r];
				}
	}
	return 0;
}

int64_t
match_round_unit(const char *cur, int64_t paid, int64_t rest)
{
	for (int64_t u = money_exponent(cur) == 0 ? 10 : 100; u <= 1000; u *= 10)
		if (paid % u == 0 && rest >= 0 && rest < u)
			return u;
	return 0;
}

bool
match_deduction_split(const int64_t *fees, int nfees, const int64_t base[2], int64_t deducted,
		      const char *cur, int64_t paid, struct deduction *d)
{
	for (int b = 0; b < 2; b++)
		for (int i = -1; i < nfees; i++) {
			int64_t fee = i < 0 ? 0 : fees[i];
			int64_t rest = deducted - fee - base[b] * d->bp / 10000;
			int64_t unit = rest > 1 ? match_round_unit(cur, paid, rest) : 0;

			if (rest >= -1 && (rest <= 1 || (unit && unit <= d->unit))) {
				d->fee = fee;
				d->dropped = rest > 1 ? rest : 0;
				return true;
			}
		}
	return false;
}

int
match_discount_own_fee(const int64_t base[2], int64_t deducted, const char *cur, int64_t *fee)
{
	int best = 0;

	for (int b = 0; b < 2; b++)
		for (size_t r = 0; r < sizeof round_bp / sizeof round_bp[0]; r++) {
			int64_t rest = deducted - base[b] * round_bp[r] / 10000;

			if (rest > 1 && rest <= match_fee_cap(cur) && (!best || rest < *fee)) {
				best = round_bp[r];
				*fee = rest;
			}
		}
	return best;
}

void
match_deduction_learn(const struct match_fee_policy *p, const int64_t base[2],
		      int64_t deducted, const char *cur, int64_t paid, struct deduction *d)
{
	int nfees = p->kind == MATCH_FEE_LIST ? p->nfees : 0;

	/* to the yen first, then rounded; each a rate alone before any with a
	 * fee: 2 % of ¥219,912 is not 1.5 % and a ¥1,100 fee */
	for (d->unit = 0; d->unit <= 1000; d->unit += 1000)
		for (int with_fee = 0; with_fee <= 1; with_fee++)
			for (size_t r = 0; r < sizeof round_bp / sizeof round_bp[0]; r++) {
				d->bp = round_bp[r];
				if (match_deduction_split(p->fees, with_fee ? nfees : 0, base, deducted,
							  cur, paid, d)) {
					d->unit = d->dropped ? match_round_unit(cur, paid, d->dropped)
							     : 0;
					return;
				}
			}
	d->unit = 0;
	d->dropped = 0;
	d->bp = 0;
}

/* One set of invoices the deposit may pay less a difference; shapes in
 * rising order of how natural a set is. */
enum near_shape { NEAR_SINGLE, NEAR_PREFIX, NEAR_PERIOD };
struct near {
	enum near_shape shape;
	int from, to;           /* v[from] (single), v[0, to) (prefix), w[from, to) */
	int64_t billed, diff;
	int64_t gross;          /* the positive slips alone: a discount is on sales,
				   not on the returns netted against them */
	int64_t fee;            /* a discount's: the transfer fee deducted with it */
	int64_t dropped;        /* … and what rounding the payment down dropped */
	enum match_diff kind;
	int bp, learned, rank;
	int32_t end;            /* NEAR_PERIOD: its closing date */
};

/* The discount rate bp (or one of the round rates when bp is 0) that
 * diff is of the gross or the net amount billed — alone or with one of the
 * customer's fees deducted too (n->fee); 0 when none. */
static int
discount_of(const struct fitter *f, struct near *n, int bp)
{
	int64_t base[2] = { n->gross ? n->gross : n->billed, n->billed };

	for (int b = 0; b < 2; b++) {
		if (bp && match_discount_is(base[b], n->diff, bp))
			return bp;
		for (size_t i = 0; !bp && i < sizeof round_bp / sizeof round_bp[0]; i++)
			if (match_discount_is(base[b], n->diff, round_bp[i]))
				return round_bp[i];
	}
	return match_discount_and_fee(&f->c->fee, base, n->diff, bp, &n->fee);
}

/* The customer's learned discount (with a fee, or rounded down as it
 * rounds its payments), or 0. */
static int
learned_discount(const struct fitter *f, struct near *n, const char *cur)
{
	const struct mcust *c = f->c;
	int64_t base[2] = { n->gross ? n->gross : n->billed, n->billed };

	if (!c->habit_bp)
		return 0;
	if (discount_of(f, n, c->habit_bp))
		return c->habit_bp;
	if (c->habit_round) {
		/* a currency with cents drops to the yuan or to the ten yuan as it happens */
		struct deduction d = { .bp = c->habit_bp,
				       .unit = money_exponent(cur) == 2 ? 1000 : c->habit_round };

		if (match_deduction_split(c->habit_fee, c->nhabit_fee, base, n->diff, cur,
					  f->d->amount, &d)) {
			n->fee = d.fee;
			n->dropped = d.dropped;
			return c->habit_bp;
		}
	}
	n->fee = 0;
	return 0;
}

/* Name the difference; false when it has none. A learned discount is
 * looked at before the fee cap: 2 % of ¥47,982 is less than a large fee. */
static bool
near_classify(const struct fitter *f, struct near *n)
{
	const struct mcust *c = f->c;
	const char *cur = f->d->currency ? f->d->currency : "";
	int bp = (int)((n->diff * 10000 + n->billed / 2) / n->billed);

	n->learned = 0;
	n->bp = 0;
	n->fee = 0;
	n->dropped = 0;
	if ((n->bp = learned_discount(f, n, cur))) {
		n->kind = MATCH_DIFF_DISCOUNT;
		n->learned = 1;
	} else if (match_moling(cur, f->d->amount, n->diff)) {
		n->kind = MATCH_DIFF_MOLING;
		n->learned = c->habit_moling != 0; /* to yuan or to ten yuan, as it happens */
	} else if (n->diff <= ROUNDING_MAX && money_exponent(cur) == 0) {
		n->kind = MATCH_DIFF_ROUNDING;
	} else if (n->diff <= match_fee_cap(cur)) {
		n->kind = MATCH_DIFF_FEE;
	} else if (bp <= MAX_OTHER_BP || (n->shape == NEAR_PERIOD && bp <= MAX_SHORT_BP &&
					  !match_part_sum(f->d->amount))) {
		n->bp = discount_of(f, n, 0);
		n->kind = n->bp ? MATCH_DIFF_DISCOUNT : MATCH_DIFF_OTHER;
	} else {
		return false;
	}
	/* a round sum (¥10,000s, thousands of yuan) short of a bill by an odd
	 * one is part of it (内入れ): who deducts a claim pays the odd rest, not
	 * a round sum; a round bill less a round offset is still offered */
	return n->kind != MATCH_DIFF_OTHER || !match_round_sum(cur, f->d->amount) ||
	       match_part_sum(n->diff);
}

/* How natural a candidate is: a learned habit, a named difference, a
 * closing period, invoices due about when the deposit came. */
static int
near_rank(const struct fitter *f, const struct near *n, const struct minv *last)
{
	static const int kind_rank[] = { 0, 5, 5, 5, 4, 1 };
	int due = match_due_distance(f, last) / 10;

	return n->learned * 1000 + kind_rank[n->kind] * 20 + (int)n->shape * 5 -
	       (due < 9 ? due : 9);
}

struct near_set {
	struct near best[MAX_NEAR];
	int n;
	int learned[NEAR_PERIOD + 1]; /* candidates showing the habit, by shape */
};

static void
near_offer(const struct fitter *f, struct near_set *s, struct near *n, const struct minv *last)
{
	int k;

	if (n->diff <= 0 || match_fee_allows(&f->c->fee, n->diff) || !near_classify(f, n))
		return; /* a listed fee: the exact fits propose that set */
	n->rank = near_rank(f, n, last);
	s->learned[n->shape] += n->learned;
	for (k = s->n; k > 0 && s->best[k - 1].rank < n->rank; k--)
		if (k < MAX_NEAR)
			s->best[k] = s->best[k - 1];
	if (k < MAX_NEAR) {
		s->best[k] = *n;
		s->n += s->n < MAX_NEAR;
	}
}

/* Every single invoice, every oldest-first prefix and every closing period
 * (alone or with all before it) that the deposit misses by a named
 * difference. */
static void
near_collect(const struct fitter *f, const struct minv **w, struct period *per,
	     struct near_set *s)
{
	int64_t t = 0, cum = 0, gross = 0, a = f->d->amount;
	int np;

	for (int i = 0; i < f->n; i++) {
		struct near n = { .shape = NEAR_SINGLE, .from = i, .to = i + 1,
				  .billed = f->v[i]->open, .diff = f->v[i]->open - a };

		near_offer(f, s, &n, f->v[i]);
	}
	for (int k = 0; k < f->n && t - a <= a / 10 + match_fee_cap(f->d->currency); k++) {
		struct near n = { .shape = NEAR_PREFIX, .to = k + 1 };

		t += f->v[k]->open;
		n.billed = t;
		n.diff = t - a;
		if (k >= 1)
			near_offer(f, s, &n, f->v[k]);
	}
	np = f->c->close_day ? match_periods_of(f, w, per) : 0;
	for (int k = 0; k < np; k++) {
		int to = per[k].first + per[k].n;
		struct near one = { .shape = NEAR_PERIOD, .from = per[k].first, .to = to,
				    .billed = per[k].sum, .diff = per[k].sum - a, .end = per[k].end,
				    .gross = per[k].gross };
		struct near all = { .shape = NEAR_PERIOD, .to = to, .end = per[k].end };

		cum += per[k].sum;
		gross += per[k].gross;
		all.billed = cum;
		all.gross = gross;
		all.diff = cum - a;
		if (per[k].n > 1)
			near_offer(f, s, &one, w[to - 1]);
		if (k > 0)
			near_offer(f, s, &all, w[to - 1]);
	}
}

static void
near_emit(const struct fitter *f, const struct minv **w, const struct near *n, bool ambiguous)
{
	const struct minv *const *set = n->shape == NEAR_PERIOD ? w : f->v;
	struct match_proposal p;

	match_fit_start(f, &p, MATCH_FIT_NEAR);
	for (int i = n->shape == NEAR_PREFIX ? 0 : n->from; i < n->to; i++)
		match_fit_line(&p, set[i], set[i]->open, 0);
	if (!match_fee_spread(&p, n->diff))
		return; /* the difference is booked as fees on the invoices */
	p.diff = n->kind;
	p.diff_bp = n->bp;
	p.diff_fee = n->fee;
	p.diff_round = n->dropped;
	p.period = n->shape == NEAR_PERIOD ? n->end : 0;
	p.features = n->learned && !ambiguous ? MATCH_F_LEARNED
					      : ambiguous ? MATCH_F_AMBIGUOUS : 0;
	match_fit_emit(f, &p);
}

/* Does another set of the customer's invoices show the habit n shows? A
 * closing period alone with it is the natural one. */
static bool
habit_ambiguous(const struct near_set *s, const struct near *n)
{
	int all = s->learned[NEAR_SINGLE] + s->learned[NEAR_PREFIX] + s->learned[NEAR_PERIOD];

	return all > 1 && !(n->shape == NEAR_PERIOD && s->learned[NEAR_PERIOD] == 1);
}

void
match_fit_near(const struct fitter *f)
{
	const struct minv **w = xmalloc((f->c->inv_count + 1) * sizeof *w);
	struct period *per = xmalloc((f->c->inv_count + 1) * sizeof *per);
	struct near_set s;

	memset(&s, 0, sizeof s);
	if (f->d->amount > 0)
		near_collect(f, w, per, &s);
	for (int i = 0; i < s.n; i++)
		near_emit(f, w, &s.best[i], s.best[i].learned && habit_ambiguous(&s, &s.best[i]));
	free(per);
	free(w);
}
