/* match_fifo: oldest first (先入先出) and its neighbours — a partial
 * payment of the oldest invoice or of the next one, the remainder kept on
 * account instead, the invoice due now alone or with the oldest (a
 * catch-up), in full with the rest towards the oldest, or the rest of an
 * invoice an earlier deposit in the queue pays part of. These are the
 * readings of an amount that fits nothing exactly. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "match_priv.h"

#define DUE_NOW_SHOWN 2 /* more invoices due that day proposed in part, at most */
#define EARLIER_SHOWN 2  /* readings with an earlier part payment, at most */
#define EARLIER_PAIRS 64 /* invoices tried with the rest of another */
#define SHARES_SHOWN 2   /* invoices a round sum is a round share of, at most */

/* Part of the second oldest invoice: the alternative to a FIFO partial
 * when the oldest is being paid by another deposit. */
static void
fit_next_partial(const struct fitter *f)
{
	struct match_proposal p;

	if (f->n < 2 || f->d->amount >= f->v[1]->open)
		return;
	match_fit_start(f, &p, MATCH_FIT_PARTIAL);
	match_fit_line(&p, f->v[1], f->d->amount, 0);
	p.features = MATCH_F_SKIPS_OLDEST;
	match_fit_emit(f, &p);
}

/* The other reading of an oldest-first partial: the invoices it clears
 * whole, and the rest kept on account rather than spent on the next one. */
static void
fit_keep_over(const struct fitter *f, const struct match_proposal *spill)
{
	struct match_proposal p;

	match_fit_start(f, &p, MATCH_FIT_OVER);
	for (int i = 0; i < spill->nlines - 1; i++)
		match_fit_line(&p, f->v[i], f->v[i]->open, 0);
	p.on_account = spill->line[spill->nlines - 1].cleared;
	match_fit_emit(f, &p);
}

/* A catch-up: the oldest open invoice (a month disputed or forgotten) and
 * the one due now, paid together — exactly or less a fee. Shown as one
 * of the ways the amount adds up, never taken alone. */
static void
fit_catch_up(const struct fitter *f, int due_now)
{
	struct match_proposal p;
	int64_t fee;

	if (due_now < 2)
		return; /* the oldest two (or none): the combinations have them */
	fee = f->v[0]->open + f->v[due_now]->open - f->d->amount;
	if (fee && !match_fee_allows(&f->c->fee, fee))
		return;
	match_fit_start(f, &p, fee ? MATCH_FIT_SUM_FEE : MATCH_FIT_SUM);
	match_fit_line(&p, f->v[0], f->v[0]->open, 0);
	match_fit_line(&p, f->v[due_now], f->v[due_now]->open, 0);
	if (!match_fee_spread(&p, fee))
		return;
	p.features = MATCH_F_AMBIGUOUS;
	match_fit_emit(f, &p);
}

/* Invoice k alone for the deposit: part of it, or all of it with the rest
 * kept on account — unless oldest first or the next partial propose it. */
static void
due_alone(const struct fitter *f, int k)
{
	struct match_proposal p;
	int64_t a = f->d->amount;

	if (k == 0 || (k == 1 && a < f->v[1]->open) || a == f->v[k]->open)
		return;
	match_fit_start(f, &p, a < f->v[k]->open ? MATCH_FIT_PARTIAL : MATCH_FIT_OVER);
	match_fit_line(&p, f->v[k], a < f->v[k]->open ? a : f->v[k]->open, 0);
	p.on_account = a < f->v[k]->open ? 0 : a - f->v[k]->open;
	p.features = MATCH_F_SKIPS_OLDEST;
	match_fit_emit(f, &p);
}

/* True when invoice i in full and part of the oldest make the amount. */
static bool
rest_fits(const struct fitter *f, int i)
{
	int64_t rest = f->d->amount - f->v[i]->open;

	return rest > 0 && rest < f->v[0]->open;
}

/* An invoice in full — of those that can be, the one due nearest the
 * deposit, the older at a tie — and the rest towards the oldest (the rest
 * of a bill paid in part before, or a catch-up in instalments): the
 * reading oldest first misses when the customer pays a later bill first. */
static void
rest_to_oldest(const struct fitter *f)
{
	struct match_proposal p;
	int k = 0;

	if (*f->exact)
		return; /* the amount is one set exactly: no need to guess at a rest */
	for (int i = 1; i < f->n; i++)
		if (rest_fits(f, i) &&
		    (!k || match_due_distance(f, f->v[i]) < match_due_distance(f, f->v[k])))
			k = i;
	if (!k)
		return;
	match_fit_start(f, &p, MATCH_FIT_PARTIAL);
	match_fit_line(&p, f->v[k], f->v[k]->open, 0);
	match_fit_line(&p, f->v[0], f->d->amount - f->v[k]->open, 0);
	p.features = MATCH_F_REST_OLDEST;
	match_fit_emit(f, &p);
}

/* The invoices due when the deposit came (by the customer's lateness),
 * when oldest first would not touch them: the first alone or with the
 * oldest one as a catch-up, and part of the next few due that day (a
 * round sum may be part of any). */
static void
fit_due_now(const struct fitter *f)
{
	int k = 0, shown = 0;

	for (int i = 1; i < f->n; i++)
		k = match_due_distance(f, f->v[i]) < match_due_distance(f, f->v[k]) ? i : k;
	fit_catch_up(f, k);
	due_alone(f, k);
	rest_to_oldest(f);
	for (int i = k + 1; i < f->n && shown < DUE_NOW_SHOWN; i++)
		if (match_due_distance(f, f->v[i]) == match_due_distance(f, f->v[k]) &&
		    f->d->amount < f->v[i]->open) { /* another due that day: part of it only */
			due_alone(f, i);
			shown++;
		}
}

/* Oldest first from the invoices due now, the older ones left open (a
 * month in dispute): whole invoices while the money lasts, part of the
 * next one — when that is not what oldest first itself does. Not for a
 * round sum (¥10,000s, 1,000s of yuan): that is an instalment of one
 * invoice, which the partials above propose. */
static void
fit_fifo_recent(const struct fitter *f)
{
	struct match_proposal p;
	int64_t rem = f->d->amount;
	int s = 0;

	if (match_round_sum(f->d->currency, rem))
		return;
	while (s < f->n && match_due_gap(f->c, f->d->date, f->v[s]->due) > MATCH_NATURAL_DAYS)
		s++;
	if (s == 0 || s + 1 >= f->n)
		return; /* nothing old to leave, or one invoice: due_alone has it */
	match_fit_start(f, &p, MATCH_FIT_PARTIAL);
	for (int i = s; i < f->n && rem > 0; i++) {
		int64_t part = rem < f->v[i]->open ? rem : f->v[i]->open;

		match_fit_line(&p, f->v[i], part, 0);
		rem -= part;
	}
	if (rem == 0 && p.nlines >= 2 && p.line[p.nlines - 1].cleared < f->v[s + p.nlines - 1]->open) {
		p.features = MATCH_F_SKIPS_OLDEST;
		match_fit_emit(f, &p);
	}
}

/* Part of the invoice the remittance text names (货款 INV-…): whatever
 * else oldest first would read, the customer said which bill it pays
 * (the oldest itself: oldest first has read it). */
static void
fit_named_part(const struct fitter *f)
{
	struct match_proposal p;

	for (int i = 1; f->named && f->named->open > f->d->amount && i < f->n; i++)
		if (f->v[i] == f->named) {
			match_fit_start(f, &p, MATCH_FIT_PARTIAL);
			match_fit_line(&p, f->named, f->d->amount, 0);
			p.features = MATCH_F_SKIPS_OLDEST;
			match_fit_emit(f, &p);
			break;
		}
}

/* An instalment: the round sum is a round share of one invoice's bill
 * (half of it, 3 tenths), whichever invoice oldest first or the due dates
 * pick. None when more invoices than SHARES_SHOWN have such a share: then
 * it is a coincidence of round numbers. */
static void
fit_round_share(const struct fitter *f)
{
	int hit[SHARES_SHOWN + 1], pct[SHARES_SHOWN + 1], n = 0;
	struct match_proposal p;

	if (*f->exact)
		return;
	for (int i = 0; i < f->n && n <= SHARES_SHOWN; i++)
		if ((pct[n] = match_round_share(f->d->amount, f->v[i])))
			hit[n++] = i;
	if (n > SHARES_SHOWN)
		return;
	for (int k = 0; k < n; k++) {
		match_fit_start(f, &p, MATCH_FIT_PARTIAL);
		match_fit_line(&p, f->v[hit[k]], f->d->amount, 0);
		p.line[0].share = (uint8_t)pct[k];
		p.features = hit[k] ? MATCH_F_SKIPS_OLDEST : 0;
		match_fit_emit(f, &p);
	}
}

/* Oldest first: clear whole invoices while the money lasts; the rest
 * clears part of the next one, or is held on account. */
void
match_fit_fifo(const struct fitter *f)
{
	struct match_proposal p;
	int64_t rem = f->d->amount;
	int i;

	match_fit_start(f, &p, MATCH_FIT_OVER);
	for (i = 0; i < f->n && rem > 0; i++) {
		if (rem >= f->v[i]->open) {
			match_fit_line(&p, f->v[i], f->v[i]->open, 0);
			rem -= f->v[i]->open;
		} else {
			match_fit_line(&p, f->v[i], rem, 0);
			p.fit = MATCH_FIT_PARTIAL;
			rem = 0;
		}
	}
	if (rem > 0 || p.fit != MATCH_FIT_OVER) { /* an exact sum: the other fits have it */
		p.on_account = rem;
		match_fit_emit(f, &p);
	}
	if (p.fit == MATCH_FIT_PARTIAL && p.nlines == 1)
		fit_next_partial(f);
	else if (p.fit == MATCH_FIT_PARTIAL)
		fit_keep_over(f, &p);
	fit_due_now(f); /* even then: the oldest and the one due now may be it */
	fit_fifo_recent(f);
	fit_named_part(f);
	fit_round_share(f);
}

/* The rest of invoice i once an earlier deposit of the payer (part, still
 * in the queue) is applied, with invoice j (-1: none) or with every other
 * invoice due on day due (0: none), exactly or less a fee the customer
 * allows. True when emitted. */
static bool
earlier_rest(const struct fitter *f, int i, int j, int32_t due, int64_t part)
{
	struct match_proposal p;
	int64_t rest = f->v[i]->open - part, fee = rest - f->d->amount;
	int with = 0;

	for (int m = 0; m < f->n; m++)
		if (m != i && (m == j || (due && f->v[m]->due == due))) {
			fee += f->v[m]->open;
			with++;
		}
	if (fee < 0 || (fee && !match_fee_allows(&f->c->fee, fee)) || (due && with < 2))
		return false;
	match_fit_start(f, &p, MATCH_FIT_PARTIAL);
	match_fit_line(&p, f->v[i], rest, 0); /* first: the explanation names it the rest */
	for (int m = 0; m < f->n; m++)
		if (m != i && (m == j || (due && f->v[m]->due == due)))
			match_fit_line(&p, f->v[m], f->v[m]->open, 0);
	if (!match_fee_spread(&p, fee))
		return false;
	p.features = MATCH_F_EARLIER_PART;
	p.earlier_part = part;
	match_fit_emit(f, &p);
	return true;
}

/* … with each day's invoices due together (its first invoice j). */
static int
earlier_rest_days(const struct fitter *f, int i, int64_t part)
{
	int shown = 0;

	for (int j = 0; j < f->n; j++)
		if (match_first_of_day(f, j))
			shown += earlier_rest(f, i, -1, f->v[j]->due, part);
	return shown;
}

/* A part payment and its rest in the queue together: the rest pays what
 * is left of an invoice (alone, with one other or with a day's invoices
 * due together) once the earlier part, still unconfirmed, is applied —
 * which oldest first, seeing the invoice whole, cannot read. Only when no
 * set fits exactly; never taken alone. */
void
match_fit_earlier(const struct fitter *f)
{
	int shown = 0;

	for (int k = 0; k < f->d->nearlier && shown < EARLIER_SHOWN; k++)
		for (int i = 0; i < f->n && shown < EARLIER_SHOWN; i++) {
			int64_t part = f->d->earlier[k];

			if (part <= 0 || part >= f->v[i]->open)
				continue;
			shown += earlier_rest(f, i, -1, 0, part);
			for (int j = 0; j < f->n && j < EARLIER_PAIRS && shown < EARLIER_SHOWN; j++)
				if (j != i)
					shown += earlier_rest(f, i, j, 0, part);
			if (shown < EARLIER_SHOWN && f->n <= EARLIER_PAIRS)
				shown += earlier_rest_days(f, i, part);
		}
}
