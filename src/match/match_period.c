/* match_period: closing-date billing (締め請求). A wholesaler keeps its
 * receivables per delivery slip and the customer pays the 合計請求書 of a
 * closing period: every open slip of the period, returned-goods slips (赤伝,
 * negative) set against the rest, the tax computed on the total (a few yen
 * off the slips' sum) and perhaps a transfer fee deducted. One closing
 * period, or everything open up to one, is one candidate. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "match_priv.h"
#include "xalloc.h"

#define MAX_ROUNDING MATCH_TOTAL_ROUNDING
#define DUE_PART_SLIPS 4 /* a bill of delivery slips, not of an invoice or two */

int32_t
match_period_end(int32_t day, int close)
{
	int y, m, d, last;

	date_to_ymd(day, &y, &m, &d);
	last = date_days_in_month(y, m);
	if (d <= (close < last ? close : last))
		return date_from_ymd(y, m, close < last ? close : last);
	y += m == 12;
	m = m % 12 + 1;
	last = date_days_in_month(y, m);
	return date_from_ymd(y, m, close < last ? close : last);
}

/* How total (n positive slips) becomes the deposit's amount: exactly, tax
 * rounding of a few yen either way, or minus one of the customer's fees
 * (and rounding). *fee is what was deducted, *over what was paid on top;
 * false when it does not fit. */
static bool
period_gap(const struct fitter *f, int64_t total, int slips, int64_t *fee, int64_t *over)
{
	int64_t diff = total - f->d->amount, tol = f->cfg->tolerance + slips;
	const struct match_fee_policy *p = &f->c->fee;

	tol = tol < MAX_ROUNDING ? tol : MAX_ROUNDING;
	*fee = diff > 0 ? diff : 0;
	*over = diff < 0 ? -diff : 0;
	if (diff >= -tol && diff <= tol)
		return true;
	if (match_fee_allows(p, diff))
		return true;
	for (int i = 0; p->kind == MATCH_FEE_LIST && i < p->nfees; i++)
		if (diff - p->fees[i] >= -tol && diff - p->fees[i] <= tol && diff > 0)
			return true;
	return false;
}

int
match_periods_of(const struct fitter *f, const struct minv **w, struct period *per)
{
	const struct minv *base = f->ix->inv + f->c->inv_first;
	const char *cur = f->d->currency ? f->d->currency : "";
	int n = 0, np = 0;

	for (uint32_t i = 0; i < f->c->inv_count; i++) {
		const struct minv *v = &base[i];
		int32_t end;

		if (v->open == 0 || strcmp(v->cur, cur) != 0 || (f->d->date && v->issue > f->d->date))
			continue;
		end = match_period_end(v->issue, f->c->close_day);
		if (!np || per[np - 1].end != end)
			per[np++] = (struct period){ n, 0, 0, 0, 0, end };
		per[np - 1].n++;
		per[np - 1].slips += v->open > 0;
		per[np - 1].sum += v->open;
		per[np - 1].gross += v->open > 0 ? v->open : 0;
		w[n++] = v;
	}
	return np;
}

/* Propose slips w[from, to) less fee (on the largest slips), over on
 * account. */
static void
period_emit(const struct fitter *f, const struct minv **w, int from, int to, int64_t fee,
	    int64_t over, int32_t end, int periods, bool ambiguous)
{
	struct match_proposal p;

	match_fit_start(f, &p, MATCH_FIT_PERIOD);
	for (int i = from; i < to; i++)
		match_fit_line(&p, w[i], w[i]->open, 0);
	if (!match_fee_spread(&p, fee))
		return;
	p.on_account = over;
	p.period = end;
	p.periods = periods;
	p.features = ambiguous ? MATCH_F_AMBIGUOUS : 0;
	match_fit_emit(f, &p);
}

/* Is the period what the customer would pay: due about when the deposit
 * came, no open slip outside it due nearer the deposit, and no slip in it
 * that the "fee" could be (the customer may have left that one open)? */
static bool
period_natural(const struct fitter *f, const struct minv **w, int nw, int from, int to,
	       int64_t fee)
{
	int near = INT32_MAX;

	if (match_fee_hides_slip(&f->c->fee, fee, w + from, to - from))
		return false;
	for (int i = from; i < to; i++) {
		int d = match_due_distance(f, w[i]);

		near = d < near ? d : near;
	}
	for (int i = 0; i < nw; i++)
		if ((i < from || i >= to) && w[i]->open > 0 && match_due_distance(f, w[i]) < near)
			return false;
	return near <= MATCH_NATURAL_DAYS;
}

/* Does the period (or everything open up to it) say more than the other
 * fits: more than one slip, or a credit slip among them. */
static bool
worth_it(int n, int slips)
{
	return n >= 2 || slips < n;
}

/* A run of periods whose total fits the amount. */
struct hit {
	int from, to;   /* periods */
	int64_t fee, over;
	int near;       /* days from its nearest slip's due date (lateness moved) */
};

/* The periods that fit: the best (nearest its due date; the oldest with
 * allocation-order = oldest), the runner-up and how many. Two with equal
 * totals (a fixed monthly bill) are told apart as single invoices are
 * (see tie_pick and period_clear). */
struct period_pick {
	struct hit best, alt;
	int found;
};

static void
period_consider(const struct fitter *f, const struct minv **w, const struct period *per,
		struct period_pick *pp, int from, int to, int64_t fee, int64_t over)
{
	struct hit h = { from, to, fee, over, INT32_MAX };

	for (int i = per[from].first; i < per[to].first + per[to].n; i++) {
		int d = match_due_distance(f, w[i]);

		h.near = w[i]->open > 0 && d < h.near ? d : h.near;
	}
	if (!pp->found++ || (!match_oldest_first(f->cfg, f->c) && h.near < pp->best.near)) {
		pp->alt = pp->found > 1 ? pp->best : pp->alt;
		pp->best = h;
	}
	else if (pp->found == 2 || h.near < pp->alt.near)
		pp->alt = h;
}

/* An older open slip of the same amount as one of w[from, to): the
 * customer may be paying a disputed month with the current one (a
 * catch-up), so a later period is no surer than that set. */
static bool
older_stand_in(const struct minv **w, int from, int to)
{
	for (int i = 0; i < from; i++)
		for (int k = from; k < to; k++)
			if (w[i]->open > 0 && w[i]->open == w[k]->open)
				return true;
	return false;
}

static bool
period_clear(const struct fitter *f, const struct minv **w, const struct period *per,
	     const struct period_pick *pp)
{
	const struct hit *b = &pp->best;

	if (pp->found < 2 || match_oldest_first(f->cfg, f->c))
		return true;
	return (f->c->late_known || per[b->to].end < per[pp->alt.to].end) &&
	       pp->alt.near - b->near >= TIE_GAP &&
	       !older_stand_in(w, per[b->from].first, per[b->to].first + per[b->to].n);
}

/* Part of a closing bill, the way a customer pays one short: periods
 * [from, to), slips oldest first while the money lasts, each returned-goods
 * slip (赤伝) netted as it comes (one after the money ran out pays part of
 * the next slip: two slips are then paid in part, each line marked so),
 * up to the end of the period where the money ran out. True when the
 * money is spent on some slip in part; *credit: a credit slip is among them. */
static bool
partial_walk(const struct fitter *f, const struct minv **w, const struct period *per, int from,
	     int to, struct match_proposal *p, bool *credit)
{
	int64_t rem = f->d->amount;
	bool short_paid = false;

	match_fit_start(f, p, MATCH_FIT_PARTIAL);
	*credit = false;
	for (int k = from; k < to && rem > 0; k++) {
		for (int i = per[k].first; i < per[k].first + per[k].n; i++) {
			int64_t open = w[i]->open;
			int64_t take = open < 0 ? open : rem <= 0 ? 0 : open < rem ? open : rem;

			*credit |= open < 0;
			short_paid |= take < open;
			if (take != 0)
				match_fit_line(p, w[i], take, 0);
			rem -= take;
		}
	}
	return short_paid && rem == 0;
}

/* Part of the bills oldest first, when a credit slip is among them (else
 * oldest first is this). */
static void
period_partial(const struct fitter *f, const struct minv **w, const struct period *per, int np)
{
	struct match_proposal p;
	bool credit;

	if (partial_walk(f, w, per, 0, np, &p, &credit) && credit)
		match_fit_emit(f, &p);
}

/* The period with the slip due nearest the deposit (by the customer's
 * lateness), within MATCH_NATURAL_DAYS: its index, or -1. */
static int
period_due_now(const struct fitter *f, const struct minv **w, const struct period *per, int np)
{
	int best = -1, near = MATCH_NATURAL_DAYS + 1;

	for (int k = 0; k < np; k++)
		for (int i = per[k].first; i < per[k].first + per[k].n; i++)
			if (w[i]->open > 0 && match_due_distance(f, w[i]) < near) {
				near = match_due_distance(f, w[i]);
				best = k;
			}
	return best;
}

/* Part of the bill due now (内入れ: a round sum), older periods left open
 * (disputed, or paid by another transfer): read as above within that
 * period. */
static void
period_partial_due(const struct fitter *f, const struct minv **w, const struct period *per,
		   int np)
{
	int k = period_due_now(f, w, per, np);
	struct match_proposal p;
	bool credit;

	if (*f->exact || k <= 0 || f->d->amount >= per[k].sum ||
	    per[k].slips < DUE_PART_SLIPS || !match_part_sum(f->d->amount))
		return; /* an exact reading, nothing older left open (the others have it),
			   a bill of a few invoices (paid invoice by invoice: the partials
			   of one invoice read it), or not the round sum an instalment is */
	if (!partial_walk(f, w, per, k, k + 1, &p, &credit))
		return;
	p.features = MATCH_F_SKIPS_OLDEST;
	p.period = per[k].end; /* a partial with a period: part of that bill */
	p.periods = 1;
	match_fit_emit(f, &p);
}

void
match_fit_periods(const struct fitter *f)
{
	const struct minv **w;
	struct period *per;
	struct period_pick pp = { 0 };
	int np, cum_slips = 0;
	int64_t cum = 0, fee = 0, over = 0;

	if (!f->c->close_day || f->d->amount <= 0)
		return;
	w = xmalloc((f->c->inv_count + 1) * sizeof *w);
	per = xmalloc((f->c->inv_count + 1) * sizeof *per);
	np = match_periods_of(f, w, per);
	for (int k = 0; k < np; k++) {
		cum += per[k].sum;
		cum_slips += per[k].slips;
		if (worth_it(per[k].n, per[k].slips) &&
		    period_gap(f, per[k].sum, per[k].slips, &fee, &over))
			period_consider(f, w, per, &pp, k, k, fee, over);
		if (k > 0 && worth_it(per[k].first + per[k].n, cum_slips) &&
		    period_gap(f, cum, cum_slips, &fee, &over))
			period_consider(f, w, per, &pp, 0, k, fee, over);
	}
	period_partial(f, w, per, np);
	if (!pp.found) /* a closing total fits: not part of a bill */
		period_partial_due(f, w, per, np);
	if (pp.found) {
		const struct hit *h = &pp.best;
		int from = per[h->from].first, to = per[h->to].first + per[h->to].n;

		period_emit(f, w, from, to, h->fee, h->over, per[h->to].end, h->to - h->from + 1,
			    !period_clear(f, w, per, &pp) ||
				    !period_natural(f, w, per[np - 1].first + per[np - 1].n, from,
						    to, h->fee));
	}
	free(per);
	free(w);
}

/* A day's bills less the slips the customer left open (disputed, short
 * delivered): the fewest slips whose amounts make up the difference, less
 * one of its fees, on a day with no more slips than a combination draws
 * from (subset_items). Which of several slips of one amount, nobody can
 * say: such a reading is always held, up to LEFT_OPEN_READINGS of them. */
#define LEFT_OPEN_MAX MATCH_LEFT_OPEN_MAX
#define LEFT_OPEN_READINGS 3

struct left_open {
	const struct fitter *f;
	const struct minv **g; /* the day's slips */
	int n;
	int64_t gap;           /* their total less the amount */
	int pick[LEFT_OPEN_MAX];
	int64_t seen[LEFT_OPEN_READINGS][LEFT_OPEN_MAX]; /* left-out amounts proposed */
	int nseen;
};

/* The amounts left out by pick[0, k), sorted into a: slips of equal
 * amounts read alike. True when such a reading was proposed already. */
static bool
left_open_seen(const struct left_open *lo, int k, int64_t *a)
{
	for (int i = 0; i < k; i++) {
		int j = i;

		for (a[i] = lo->g[lo->pick[i]]->open; j > 0 && a[j - 1] > a[j]; j--) {
			int64_t t = a[j];

			a[j] = a[j - 1];
			a[j - 1] = t;
		}
	}
	for (int s = 0; s < lo->nseen; s++)
		if (!memcmp(lo->seen[s], a, LEFT_OPEN_MAX * sizeof *a))
			return true;
	return false;
}

static void
left_open_emit(struct left_open *lo, int k, int64_t left, int64_t fee)
{
	int64_t a[LEFT_OPEN_MAX] = { 0 };
	struct match_proposal p;

	if (left_open_seen(lo, k, a))
		return;
	match_fit_start(lo->f, &p, fee ? MATCH_FIT_SUM_FEE : MATCH_FIT_SUM);
	for (int i = 0, j = 0; i < lo->n; i++) {
		if (j < k && lo->pick[j] == i)
			p.left_open_num[j++] = lo->g[i]->number;
		else
			match_fit_line(&p, lo->g[i], lo->g[i]->open, 0);
	}
	if (!match_fee_spread(&p, fee))
		return;
	memcpy(lo->seen[lo->nseen++], a, sizeof a); /* counted once proposed */
	p.features = MATCH_F_AMBIGUOUS | MATCH_F_LEFT_OPEN;
	p.left_open = k;
	p.left_open_sum = left;
	match_fit_emit(lo->f, &p);
}

/* Slips pick[depth..k) from index from on, adding up with sum so far to
 * the gap (with_fee: the gap less one of the customer's fees). */
static void
left_open_search(struct left_open *lo, int from, int depth, int k, int64_t sum, bool with_fee)
{
	for (int i = from; i < lo->n && lo->nseen < LEFT_OPEN_READINGS; i++) {
		int64_t s = sum + lo->g[i]->open;

		lo->pick[depth] = i;
		if (depth + 1 < k) {
			if (s < lo->gap)
				left_open_search(lo, i + 1, depth + 1, k, s, with_fee);
		} else if (with_fee ? match_fee_allows(&lo->f->c->fee, lo->gap - s) : s == lo->gap) {
			left_open_emit(lo, k, s, lo->gap - s);
		}
	}
}

static void
left_open_day(struct left_open *lo)
{
	int64_t total = 0;

	for (int i = 0; i < lo->n; i++)
		total += lo->g[i]->open;
	lo->gap = total - lo->f->d->amount;
	if (lo->gap <= 0)
		return;
	for (int k = 1; k <= LEFT_OPEN_MAX && k <= lo->n - 2 && !lo->nseen; k++) {
		left_open_search(lo, 0, 0, k, 0, false);
		left_open_search(lo, 0, 0, k, 0, true);
	}
}

void
match_fit_left_open(const struct fitter *f)
{
	struct left_open lo = { .f = f, .g = xmalloc(((size_t)f->n + 1) * sizeof *lo.g) };

	for (int i = 0; i < f->n; i++) {
		int32_t due = f->v[i]->due;

		if (match_due_distance(f, f->v[i]) > MATCH_NATURAL_DAYS ||
		    !match_first_of_day(f, i))
			continue;
		lo.n = lo.nseen = 0;
		for (int j = i; j < f->n; j++)
			if (f->v[j]->due == due)
				lo.g[lo.n++] = f->v[j];
		if (lo.n >= 3 && lo.n <= f->cfg->subset_items) /* among more, a few slips add
								   up to any gap by chance */
			left_open_day(&lo);
	}
	free(lo.g);
}

/* Closing totals indexed by TOTAL_BUCKET of minor units, so a total a few
 * yen of tax rounding off the deposit is found in its bucket or the next. */
#define TOTAL_BUCKET 128
#define MAX_TOTALS 64
#define MAX_PERIOD_HITS 16 /* customers looked at per bucket */

void
match_totals_start(struct match_totals *t, int close_day, int64_t *out, int cap)
{
	*t = (struct match_totals){ close_day, 0, 0, 0, out, 0, cap };
}

void
match_totals_add(struct match_totals *t, int32_t issue, int64_t open)
{
	int32_t e = match_period_end(issue, t->close_day);

	if (t->end && e != t->end && t->n + 2 <= t->cap) {
		t->out[t->n++] = t->one;
		t->out[t->n++] = t->all;
		t->one = 0;
	}
	t->end = e;
	t->one += open;
	t->all += open;
}

int
match_totals_end(struct match_totals *t)
{
	if (t->end && t->n + 2 <= t->cap) {
		t->out[t->n++] = t->one;
		t->out[t->n++] = t->all;
	}
	t->end = 0;
	return t->n;
}

/* The customer's closing totals in its own currency (see match_totals). */
static int
period_totals(const struct match_index *ix, const struct mcust *c, int64_t *out, int cap)
{
	struct match_totals t;

	match_totals_start(&t, c->close_day, out, cap);
	for (uint32_t i = 0; i < c->inv_count; i++) {
		const struct minv *v = &ix->inv[c->inv_first + i];

		if (v->open != 0 && strcmp(v->cur, c->currency) == 0)
			match_totals_add(&t, v->issue, v->open);
	}
	return match_totals_end(&t);
}

void
match_index_period_totals(struct match_index *ix)
{
	int64_t t[MAX_TOTALS];

	for (uint32_t i = 0; i < ix->ncust; i++) {
		int n = ix->cust[i].close_day ? period_totals(ix, &ix->cust[i], t, MAX_TOTALS) : 0;

		for (int k = 0; k < n; k++)
			if (t[k] > 0 && (k < 2 || t[k] != t[k - 2]))
				mh_add(&ix->by_period, mh_hash_int(match_period_bucket(t[k])), NULL, i);
	}
}

bool
match_period_total_fits(const struct match_index *ix, uint32_t cust, int64_t want,
			const char *cur)
{
	const struct mcust *c = &ix->cust[cust];
	int64_t t[MAX_TOTALS];
	int n;

	if (strcmp(c->currency, cur) != 0)
		return false;
	n = period_totals(ix, c, t, MAX_TOTALS);
	for (int k = 0; k < n; k++)
		if (t[k] - want >= -MAX_ROUNDING && t[k] - want <= MAX_ROUNDING)
			return true;
	return false;
}

int64_t
match_period_bucket(int64_t total)
{
	return total / TOTAL_BUCKET;
}

void
match_period_hits(const struct match_index *ix, int64_t want, const char *cur, uint32_t *hit,
		  int *nhit, int cap)
{
	for (int64_t b = match_period_bucket(want) - 1; b <= match_period_bucket(want) + 1; b++) {
		uint32_t e = mh_first(&ix->by_period, mh_hash_int(b), NULL, 0);

		for (int k = 0; e != MATCH_NONE && k < MAX_PERIOD_HITS && *nhit < cap;
		     e = mh_next(&ix->by_period, e, NULL, 0), k++) {
			uint32_t c = ix->by_period.ent[e].value;
			int i;

			for (i = 0; i < *nhit && hit[i] != c; i++)
				;
			if (i == *nhit && match_period_total_fits(ix, c, want, cur))
				hit[(*nhit)++] = c;
		}
	}
}
