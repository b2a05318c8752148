/* match_fit: how a deposit's amount fits one customer's open invoices —
 * one invoice exactly, minus a transfer fee (per customer fee policy) or
 * within the tax-rounding tolerance, several invoices by a bounded subset
 * sum (oldest first, optionally minus one fee), and oldest-first clearing
 * with the rest left open (partial) or held on account (over-payment). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "match_priv.h"
#include "money.h"
#include "xalloc.h"

/* research §3.2: observed fees 2024–2026 and the legacy 8% ladder. */
static const int64_t default_fees[] = { 108, 110, 154, 165, 216, 220, 275, 324, 330, 385, 432,
					440, 495, 540, 550, 648, 660, 770, 864, 880, 990, 1100 };

void
match_config_default(struct match_config *c)
{
	c->threshold = 85;
	c->margin = 15;
	c->tolerance = 0;
	c->subset_items = 24;
	c->subset_size = MATCH_SUBSET_LINES;
	c->subset_nodes = 20000;
	c->oldest_first = false;
}

void
match_fee_default(struct match_fee_policy *p)
{
	memset(p, 0, sizeof *p);
	p->kind = MATCH_FEE_LIST;
	p->nfees = (int)(sizeof default_fees / sizeof default_fees[0]);
	memcpy(p->fees, default_fees, sizeof default_fees);
}

static enum ur_status
fee_list(const char *s, const char *cur, struct match_fee_policy *p, struct ur_err *err)
{
	char buf[MONEY_BUFSZ];
	enum ur_status rc;

	while (*s) {
		size_t n = strcspn(s, ",");

		if (n == 0 || n >= sizeof buf || p->nfees == MATCH_MAX_FEES)
			return ur_fail(err, UR_INPUT, _("bad fee list near '%s'"), s);
		memcpy(buf, s, n);
		buf[n] = '\0';
		if ((rc = money_parse(buf, cur, &p->fees[p->nfees], err)) != UR_OK)
			return rc;
		if (p->fees[p->nfees++] <= 0)
			return ur_fail(err, UR_INPUT, _("a fee must be positive: '%s'"), buf);
		s += n + (s[n] == ',');
	}
	return p->nfees ? UR_OK : ur_fail(err, UR_INPUT, _("the fee list is empty"));
}

enum ur_status
match_fee_parse(const char *text, const char *cur, struct match_fee_policy *p,
		struct ur_err *err)
{
	memset(p, 0, sizeof *p);
	if (!text || !*text || strcmp(text, "default") == 0 || strcmp(text, "deduct") == 0) {
		match_fee_default(p);
		return UR_OK;
	}
	if (strspn(text, "0123456789.,/") == strlen(text)) { /* 660, or tiers 440/660 */
		char list[MATCH_MAX_FEES * 16];

		if (strchr(text, ',') || strlen(text) >= sizeof list)
			return ur_fail(err, UR_INPUT, _("separate fee tiers with '/': '%s'"), text);
		snprintf(list, sizeof list, "%s", text);
		for (char *q = list; *q; q++)
			*q = *q == '/' ? ',' : *q;
		p->kind = MATCH_FEE_LIST;
		return fee_list(list, cur, p, err);
	}
	if (strcmp(text, "none") == 0) {
		p->kind = MATCH_FEE_NONE;
		return UR_OK;
	}
	if (strncmp(text, "list:", 5) == 0) {
		p->kind = MATCH_FEE_LIST;
		return fee_list(text + 5, cur, p, err);
	}
	if (strncmp(text, "upto:", 5) == 0) {
		p->kind = MATCH_FEE_UPTO;
		if (fee_list(text + 5, cur, p, err) != UR_OK || p->nfees != 1)
			return ur_fail(err, UR_INPUT, _("bad fee maximum in '%s'"), text);
		return UR_OK;
	}
	return ur_fail(err, UR_INPUT,
		       _("unknown fee policy '%s' (use none, deduct, an amount, tiers such as "
			 "440/660, list:A,B,… or upto:MAX)"), text);
}

bool
match_fee_allows(const struct match_fee_policy *p, int64_t fee)
{
	if (fee <= 0)
		return false;
	switch (p->kind) {
	case MATCH_FEE_LIST:
		for (int i = 0; i < p->nfees; i++)
			if (p->fees[i] == fee)
				return true;
		return false;
	case MATCH_FEE_UPTO:
		return fee <= p->fees[0];
	default:
		return false;
	}
}

static int64_t
fee_max(const struct match_fee_policy *p)
{
	int64_t m = 0;

	if (p->kind == MATCH_FEE_UPTO)
		return p->fees[0];
	if (p->kind == MATCH_FEE_LIST)
		for (int i = 0; i < p->nfees; i++)
			m = p->fees[i] > m ? p->fees[i] : m;
	return m;
}

/* A new proposal for the customer, with room for all its invoices. */
void
match_fit_start(const struct fitter *f, struct match_proposal *p, enum match_fit fit)
{
	memset(p, 0, sizeof *p);
	p->customer_id = f->c->id;
	p->customer_code = f->c->code;
	p->customer_name = f->c->name;
	p->fit = fit;
	match_span_start(p);
	p->line = match_lines_reserve(f->lines, f->c->inv_count + 1);
}

void
match_fit_line(struct match_proposal *p, const struct minv *v, int64_t cleared, int64_t fee)
{
	struct match_line *l = &p->line[p->nlines++];

	l->invoice_id = v->id;
	l->number = v->number;
	l->cleared = cleared;
	l->fee = fee;
	l->customer_id = 0;
	l->customer_code = NULL;
	l->part = cleared > 0 && cleared < v->open;
	l->share = 0;
	match_span_add(p, v);
}

void
match_span_start(struct match_proposal *p)
{
	p->oldest = p->due_first = INT32_MAX;
	p->due_last = INT32_MIN;
}

void
match_span_add(struct match_proposal *p, const struct minv *v)
{
	p->oldest = v->issue < p->oldest ? v->issue : p->oldest;
	p->due_first = v->due < p->due_first ? v->due : p->due_first;
	p->due_last = v->due > p->due_last ? v->due : p->due_last;
}

bool
match_fee_hides_slip(const struct match_fee_policy *p, int64_t fee, const struct minv **v, int n)
{
	for (int i = 0; fee > 0 && i < n; i++) {
		int64_t rest = fee - v[i]->open;

		if (v[i]->open > 0 && (rest == 0 || match_fee_allows(p, rest)))
			return true;
	}
	return false;
}

bool
match_fee_spread(struct match_proposal *p, int64_t fee)
{
	while (fee > 0) {
		int big = -1;

		for (int i = 0; i < p->nlines; i++)
			if (!p->line[i].fee && p->line[i].cleared > 0 &&
			    (big < 0 || p->line[i].cleared > p->line[big].cleared))
				big = i;
		if (big < 0)
			return false;
		p->line[big].fee = fee < p->line[big].cleared ? fee : p->line[big].cleared;
		fee -= p->line[big].fee;
	}
	return true;
}

/* Keep p's lines and hand it to the scorer — unless its deductions are
 * as much as the money that came (a ¥660 "fee" on a ¥240 payment). */
int64_t
match_proposal_fees(const struct match_proposal *p)
{
	int64_t fee = 0;

	for (int i = 0; i < p->nlines; i++)
		fee += p->line[i].fee;
	return fee;
}

void
match_fit_emit(const struct fitter *f, struct match_proposal *p)
{
	int64_t fee = match_proposal_fees(p);

	if (fee > 0 && fee >= f->d->amount)
		return;
	if (f->stale) { /* the statement the amount was billed by no longer holds */
		p->features |= MATCH_F_BILL_STALE;
		p->bill_to = f->stale->to;
		p->bill_issued = f->stale->issued;
		p->billed = f->stale->billed;
	}
	match_lines_commit(f->lines, (uint32_t)p->nlines);
	*f->exact += p->fit >= MATCH_FIT_EXACT && p->fit <= MATCH_FIT_PERIOD &&
		     !(p->features & (MATCH_F_FUTURE | MATCH_F_AMBIGUOUS));
	f->fn(f->ctx, p);
}


int
match_due_gap(const struct mcust *c, int32_t day, int32_t due)
{
	int d = due + c->late_days - day;

	return d < 0 ? -d : d;
}

int
match_due_distance(const struct fitter *f, const struct minv *v)
{
	return match_due_gap(f->c, f->d->date, v->due);
}

/* True when v[a] is the better choice than v[b] for this deposit: the
 * oldest with allocation-order = oldest, else the due date that fits. */
static int
tie_better(const struct fitter *f, int a, int b)
{
	if (b < 0)
		return 1;
	if (match_oldest_first(f->cfg, f->c))
		return a < b;
	return match_due_distance(f, f->v[a]) < match_due_distance(f, f->v[b]);
}

/* The older invoice of a tie, due by the deposit date, nearer it than the
 * other, which was not due yet: oldest first and the invoice due agree. */
static bool
older_and_due(const struct fitter *f, const struct minv *pick, const struct minv *alt)
{
	return pick->due < alt->due && pick->due <= f->d->date && alt->due > f->d->date;
}

/* The invoice to propose when v[i] fits, of the open invoices with its
 * amount (a fixed monthly fee): the one whose due date, moved by the
 * customer's usual lateness, fits the deposit date (its payables paid the
 * invoice due that week), or the oldest with allocation-order = oldest;
 * an invoice a deposit held earlier in the run is proposed for is left to
 * it. *alt is the runner-up, or -1; *held whether a held deposit is
 * proposed for any of them; *clear whether the dates tell them apart.
 * Before the customer's lateness is known only the older invoice can win
 * by its date: a late payer's last month arrives on this month's due date. */
static int
tie_pick(const struct fitter *f, int i, int *alt, int *held, int *clear)
{
	int64_t open = f->v[i]->open;
	int pick = -1;

	*alt = -1;
	*held = 0;
	for (int k = i; k < f->n; k++) {
		if (f->v[k]->open != open)
			continue;
		*held |= f->v[k]->held;
		if (!f->v[k]->held && tie_better(f, k, pick))
			pick = k;
	}
	pick = pick < 0 ? i : pick;
	for (int k = i; k < f->n; k++)
		if (k != pick && f->v[k]->open == open && tie_better(f, k, *alt))
			*alt = k;
	*clear = *alt < 0 || match_oldest_first(f->cfg, f->c) || f->v[*alt]->held ||
		 f->v[*alt]->due == f->v[pick]->due || /* a coin toss: either is right */
		 ((f->c->late_known || f->v[pick]->due < f->v[*alt]->due) &&
		  match_due_distance(f, f->v[*alt]) - match_due_distance(f, f->v[pick]) >= TIE_GAP) ||
		 older_and_due(f, f->v[pick], f->v[*alt]);
	return pick;
}

/* Propose v[i] (or its tie: see tie_pick) cleared whole, fee (or rounding)
 * absorbed and over held on account; with tie, the other invoice of the
 * same amount as well, marked as the lesser choice. */
static void
fit_one(const struct fitter *f, enum match_fit fit, int i, int64_t fee, int64_t over, int tie)
{
	struct match_proposal p;
	int alt = -1, held = 0, clear = 1, k = tie ? tie_pick(f, i, &alt, &held, &clear) : i;
	unsigned mark = held && alt >= 0 ? MATCH_F_HELD_OTHER : 0;

	match_fit_start(f, &p, fit);
	match_fit_line(&p, f->v[k], f->v[k]->open, fee);
	p.on_account = over;
	p.features = mark;
	if (alt >= 0) {
		p.other_due = f->v[alt]->due;
		p.features |= match_learned_oldest(f->c) ? MATCH_F_PAYS_OLDEST : 0;
		p.features |= !clear ? MATCH_F_AMBIGUOUS
			      : f->v[alt]->due < f->v[k]->due && !f->v[alt]->held ? MATCH_F_OLDER_SAME
										   : 0;
	}
	match_fit_emit(f, &p);
	if (alt < 0)
		return;
	match_fit_start(f, &p, fit);
	match_fit_line(&p, f->v[alt], f->v[alt]->open, fee);
	p.features = MATCH_F_TIE_LATER | mark | (clear ? 0 : MATCH_F_AMBIGUOUS);
	p.other_due = f->v[k]->due;
	match_fit_emit(f, &p);
}

/* Invoices issued after the deposit date that it would pay exactly or
 * minus a fee: proposed with a warning, never matched automatically. */
static void
fit_future(const struct fitter *f)
{
	struct match_proposal p;

	for (int i = 0; i < f->nfut; i++) {
		int64_t diff = f->fut[i]->open - f->d->amount;

		if (diff != 0 && !match_fee_allows(&f->c->fee, diff))
			continue;
		match_fit_start(f, &p, diff ? MATCH_FIT_FEE : MATCH_FIT_EXACT);
		match_fit_line(&p, f->fut[i], f->fut[i]->open, diff);
		p.features = MATCH_F_FUTURE;
		match_fit_emit(f, &p);
		match_fit_start(f, &p, MATCH_FIT_OVER); /* or paid ahead: on account */
		p.on_account = f->d->amount;
		p.features = MATCH_F_FUTURE;
		match_fit_emit(f, &p);
		return;
	}
}

/* One invoice: exact, minus a fee, or within the tolerance (the oldest of
 * each kind and its tie; a second fee fit on an invoice of another amount
 * too, so that the ambiguity shows). True when one invoice fits exactly. */
static int
fit_single(const struct fitter *f)
{
	int done[3] = { 0, 0, 0 };
	int64_t fee_open = -1;
	int64_t a = f->d->amount, tol = f->cfg->tolerance;

	for (int i = 0; i < f->n; i++) {
		int64_t open = f->v[i]->open, diff = open - a;

		if (diff == 0 && !done[0]++) {
			fit_one(f, MATCH_FIT_EXACT, i, 0, 0, 1);
		} else if (match_fee_allows(&f->c->fee, diff) && done[1] < 2 && open != fee_open) {
			fit_one(f, MATCH_FIT_FEE, i, diff, 0, fee_open < 0);
			done[1] += fee_open < 0 ? 1 : 2;
			fee_open = open;
		} else if (diff != 0 && diff <= tol && -diff <= tol && !done[2]++) {
			fit_one(f, MATCH_FIT_ROUNDING, i, diff > 0 ? diff : 0, diff < 0 ? -diff : 0,
				0);
		}
	}
	if (!done[0])
		fit_future(f);
	return done[0];
}

/* Bounded subset-sum search, oldest first. */
#define SUBSET_FEW 8 /* open invoices among which one fitting combination is telling */
struct subset {
	const struct fitter *f;
	int64_t target, maxfee;
	int64_t *suffix; /* suffix[i] = sum of open[i..m) */
	int m, size;
	long nodes;
	int pick[MATCH_SUBSET_LINES], best[MATCH_SUBSET_LINES], nbest, fee_pick[MATCH_SUBSET_LINES],
		nfee;
	int64_t fee;
	int nsol, nfeesol; /* combinations found (counting stops at 2) */
	bool exact_only;   /* no fee combinations */
	int cut;           /* the step budget ran out: there may be more */
};

static int
subset_dfs(struct subset *s, int from, int depth, int64_t sum)
{
	for (int j = from; j < s->m; j++) {
		int64_t t = sum + s->f->v[j]->open;

		if (++s->nodes > s->f->cfg->subset_nodes)
			return s->cut = 1;
		if (t + s->suffix[j + 1] < s->target)
			return 0; /* even everything left is too little */
		if (t > s->target + s->maxfee)
			continue;
		s->pick[depth] = j;
		if (depth >= 1 && t == s->target) {
			if (!s->nsol++) {
				s->nbest = depth + 1;
				memcpy(s->best, s->pick, sizeof s->pick);
			}
			if (s->nsol > 1)
				return 1; /* ambiguous: no need to look further */
			continue;
		}
		if (depth >= 1 && !s->exact_only && match_fee_allows(&s->f->c->fee, t - s->target) &&
		    !s->nfeesol++) {
			s->nfee = depth + 1;
			s->fee = t - s->target;
			memcpy(s->fee_pick, s->pick, sizeof s->pick);
		}
		if (depth + 1 < s->size && subset_dfs(s, j + 1, depth + 1, t))
			return 1;
	}
	return 0;
}

/* Emit the combination pick[0..n) (NULL: the oldest n) less fee, booked
 * on the largest invoices. */
static void
fit_emit_subset(const struct fitter *f, const int *pick, int n, int64_t fee, int ambiguous)
{
	struct match_proposal p;

	match_fit_start(f, &p, fee ? MATCH_FIT_SUM_FEE : MATCH_FIT_SUM);
	for (int i = 0; i < n; i++) {
		const struct minv *v = f->v[pick ? pick[i] : i];

		match_fit_line(&p, v, v->open, 0);
	}
	if (!match_fee_spread(&p, fee))
		return;
	p.features = ambiguous ? MATCH_F_AMBIGUOUS : 0;
	match_fit_emit(f, &p);
}

/* The natural combination: everything open up to some invoice, oldest
 * first (n ≥ 2 of them) adding up to target, or (with_fee) to target plus
 * one of the customer's fees (*fee); its length or 0. */
static int
oldest_prefix(const struct fitter *f, int m, int64_t target, bool with_fee, int64_t *fee)
{
	int64_t t = 0;

	for (int i = 0; i < m; i++) {
		t += f->v[i]->open;
		if (i >= 1 &&
		    (t == target || (with_fee && match_fee_allows(&f->c->fee, t - target)))) {
			*fee = t - target;
			return i + 1;
		}
		if (t > target + fee_max(&f->c->fee))
			return 0;
	}
	return 0;
}

/* Is the prefix v[0, k) what the customer would pay: its newest invoice
 * due about when the deposit came (by the customer's lateness), and every
 * invoice left open due later than all of it and not nearer the deposit?
 * Old disputed invoices of the same amounts make a prefix that only looks
 * natural. */
static bool
prefix_natural(const struct fitter *f, int k)
{
	int32_t last = INT32_MIN;
	int near = INT32_MAX;

	for (int i = 0; i < k; i++) {
		int d = match_due_distance(f, f->v[i]);

		last = f->v[i]->due > last ? f->v[i]->due : last;
		near = d < near ? d : near;
	}
	for (int i = k; i < f->n; i++)
		if (f->v[i]->due <= last || match_due_distance(f, f->v[i]) < near)
			return false;
	return k >= 2 && near <= MATCH_NATURAL_DAYS;
}

/* Emit the natural combination, or the one found: held (ambiguous) when
 * another fits too (exactly or less a fee), the search was cut short, or
 * it was drawn from more open invoices than a coincidence is unlikely in
 * (with 24 of them, some subset adds up to almost any amount). */
static void
subset_emit(const struct subset *s, const int *pick, int n, int64_t fee)
{
	int64_t pfee = 0;
	int k = oldest_prefix(s->f, s->m, s->target, fee != 0, &pfee);

	if (k && prefix_natural(s->f, k) &&
	    !match_fee_hides_slip(&s->f->c->fee, pfee, s->f->v, k)) {
		fit_emit_subset(s->f, NULL, k, pfee, 0);
		return;
	}
	fit_emit_subset(s->f, pick, n, fee,
			s->nsol + s->nfeesol > 1 || s->cut || s->m > SUBSET_FEW);
}

static int
due_cmp(const void *a, const void *b)
{
	const struct minv *const *x = a, *const *y = b;

	return ((*x)->due > (*y)->due) - ((*x)->due < (*y)->due);
}

/* True when an invoice outside by[i, j) has the open amount of one inside
 * (a fixed monthly fee): another set would add up just the same. */
static bool
swappable(const struct minv **by, int n, int i, int j)
{
	for (int k = 0; k < n; k++)
		for (int m = i; m < j && (k < i || k >= j); m++)
			if (by[k]->open == by[m]->open)
				return true;
	return false;
}

/* Propose by[i, j) less fee, marked ambiguous or not. */
static void
emit_run(const struct fitter *f, const struct minv **by, int i, int j, int64_t fee,
	 bool ambiguous)
{
	struct match_proposal p;

	match_fit_start(f, &p, fee ? MATCH_FIT_SUM_FEE : MATCH_FIT_SUM);
	for (int k = i; k < j; k++)
		match_fit_line(&p, by[k], by[k]->open, 0);
	if (!match_fee_spread(&p, fee))
		return;
	p.features = ambiguous ? MATCH_F_AMBIGUOUS : 0;
	match_fit_emit(f, &p);
}

/* Everything open that falls due on one day about when the deposit came
 * (a month's invoices under closing-date terms), adding up to the amount
 * exactly or less one of the customer's fees: the natural combination,
 * whatever other subsets add up to by chance — unless an invoice outside
 * it could stand in for one inside (then proposed as ambiguous). True when
 * a natural one was found. */
static bool
fit_due_group(const struct fitter *f)
{
	const struct minv **by = xmalloc(((size_t)f->n + 1) * sizeof *by);
	bool found = false;

	memcpy(by, f->v, (size_t)f->n * sizeof *by);
	qsort(by, (size_t)f->n, sizeof *by, due_cmp);
	for (int i = 0, j; i < f->n && !found; i = j) {
		int64_t t = 0;
		bool swaps;

		for (j = i; j < f->n && by[j]->due == by[i]->due; j++)
			t += by[j]->open;
		if (j - i < 2 || match_due_distance(f, by[i]) > MATCH_NATURAL_DAYS ||
		    (t != f->d->amount && !match_fee_allows(&f->c->fee, t - f->d->amount)))
			continue;
		swaps = swappable(by, f->n, i, j) ||
			match_fee_hides_slip(&f->c->fee, t - f->d->amount, by + i, j - i);
		emit_run(f, by, i, j, t - f->d->amount, swaps);
		found = !swaps; /* else the search shows the other sets too */
	}
	free(by);
	return found;
}

/* Combinations of the customer's open invoices that add up to the amount
 * (exact_only: next to a single invoice that does, which a combination
 * makes a coin toss; else less a fee too). */
/* Search f's oldest open invoices for combinations that add up to the
 * amount (exactly, or less a fee unless exact_only); false when there are
 * fewer than two to combine. */
static bool
subset_search(const struct fitter *f, bool exact_only, struct subset *s)
{
	memset(s, 0, sizeof *s);
	s->f = f;
	s->target = f->d->amount;
	s->exact_only = exact_only;
	s->maxfee = exact_only ? 0 : fee_max(&f->c->fee);
	s->m = f->n < f->cfg->subset_items ? f->n : f->cfg->subset_items;
	s->size = f->cfg->subset_size < MATCH_SUBSET_LINES ? f->cfg->subset_size
							      : MATCH_SUBSET_LINES;
	if (s->m < 2)
		return false;
	s->suffix = xmalloc((size_t)(s->m + 1) * sizeof *s->suffix);
	s->suffix[s->m] = 0;
	for (int i = s->m - 1; i >= 0; i--)
		s->suffix[i] = s->suffix[i + 1] + f->v[i]->open;
	subset_dfs(s, 0, 0, 0);
	free(s->suffix);
	return true;
}

static void
fit_subset(const struct fitter *f, bool exact_only)
{
	struct subset s;

	if (!subset_search(f, exact_only, &s))
		return;
	if (s.nbest)
		subset_emit(&s, s.best, s.nbest, 0);
	else if (s.nfee)
		subset_emit(&s, s.fee_pick, s.nfee, s.fee);
}

/* A combination of the invoices due within days of the nearest due date
 * alone, which the search over the oldest may never reach. */
static void
due_subset_within(const struct fitter *f, int nearest, int days)
{
	struct fitter near = *f;
	struct subset s;

	near.v = xmalloc(((size_t)f->n + 1) * sizeof *near.v);
	near.n = 0;
	for (int i = 0; i < f->n; i++)
		if (match_due_distance(f, f->v[i]) <= nearest + days)
			near.v[near.n++] = f->v[i];
	if (near.n > 2 && near.n < f->n && subset_search(&near, false, &s)) {
		if (s.nbest)
			fit_emit_subset(&near, s.best, s.nbest, 0, 1);
		else if (s.nfee)
			fit_emit_subset(&near, s.fee_pick, s.nfee, s.fee, 1);
	}
	free(near.v);
}

/* Part of the invoices due about when the deposit came (a day's bills less
 * one or two disputed): those of the nearest due date first, then all due
 * within a month. Shown beside whatever else adds up, never taken alone. */
static void
fit_due_subset(const struct fitter *f)
{
	int nearest = INT32_MAX;

	for (int i = 0; i < f->n; i++) {
		int d = match_due_distance(f, f->v[i]);

		nearest = d < nearest ? d : nearest;
	}
	if (nearest > MATCH_NATURAL_DAYS)
		return;
	due_subset_within(f, nearest, 0);
	due_subset_within(f, 0, MATCH_NATURAL_DAYS);
}

void
match_fits(struct match_index *ix, const struct match_config *cfg,
	   const struct match_deposit *d, uint32_t cust, uint32_t named, int amount_only,
	   match_fit_fn fn, void *ctx)
{
	const struct mcust *c = &ix->cust[cust];
	const struct minv *base = ix->inv + c->inv_first;
	const char *cur = d->currency ? d->currency : "";
	int exact = 0;
	bool left_open = false;
	struct fitter f = { ix, &ix->lines, cfg, d, c, cust, NULL, 0, NULL, 0, fn, ctx, &exact,
			    NULL, named != MATCH_NONE ? &ix->inv[named] : NULL };

	f.v = xmalloc((2 * c->inv_count + 1) * sizeof *f.v);
	f.fut = f.v + c->inv_count;
	for (uint32_t i = 0; i < c->inv_count; i++) {
		if (base[i].open <= 0 || strcmp(base[i].cur, cur) != 0)
			continue;
		if (d->date > 0 && base[i].issue > d->date)
			f.fut[f.nfut++] = &base[i];
		else
			f.v[f.n++] = &base[i];
	}
	if (c->bill_count)
		match_fit_billed(&f, &f.stale);
	if (fit_single(&f)) {
		if (f.n > 2) /* another two or more may add up to that invoice too */
			fit_subset(&f, true);
	}
	else if (!fit_due_group(&f)) { /* a day's bills outrank any other combination */
		fit_subset(&f, false);
		fit_due_subset(&f);
		left_open = true;
	}
	match_fit_periods(&f);
	if (left_open && !exact) /* only when nothing telling fits (a closing total) */
		match_fit_left_open(&f);
	if (!amount_only && !exact)
		match_fit_near(&f);
	if (!amount_only && !exact && d->nearlier)
		match_fit_earlier(&f);
	if (!amount_only && !exact)
		match_fit_round_up(&f);
	if (!amount_only) {
		if (strcmp(c->currency, cur) == 0 || f.n > 0)
			match_fit_fifo(&f);
	}
	free(f.v);
}

bool
match_first_of_day(const struct fitter *f, int j)
{
	for (int m = 0; m < j; m++)
		if (f->v[m]->due == f->v[j]->due)
			return false;
	return true;
}
