/* match_agent: the first transfer of a payer nobody knows yet that pays
 * several customers' bills at once — a payment agent (一括決済, 支払代行)
 * settling the 合計請求書 urikake issued to two, three or four customers
 * for one closing date. Looked for only when nothing else fits the
 * deposit: those statements' billed totals adding up to the amount, or to
 * it less one transfer fee. Two statements first, then three, then four,
 * each only while so few sets of that many have a sum about the amount
 * that one adding up exactly is unlikely to be chance; with more than
 * MATCH_AGENT_WAYS that add up, nothing is proposed either. None is ever
 * matched automatically (the amount is the only evidence). A clerk who confirms
 * one teaches the payer for each customer, so that its next transfer is a
 * known group (match_group.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kana.h"
#include "money.h"
#include "match_priv.h"
#include "xalloc.h"

struct pair {
	int64_t sum;
	int i, j; /* positions in the totals' order */
};

/* A total and where the caller has it. */
struct ord {
	int64_t total;
	int at;
};

struct match_agent_pairs {
	struct ord *order;      /* the totals, smallest first */
	int n;
	struct pair *pair;      /* every two of them, by sum */
	size_t npair;
};

/* One search: the pairs, which totals this deposit may use, whose they
 * are, the deposit and the usual fees, and the sets found. */
struct search {
	const struct match_agent_pairs *pp;
	const bool *usable;
	const int64_t *owner;
	int64_t amount, maxfee;
	const int64_t *fee;
	int nfee;
	struct match_agent_set *out;
	int nout, max;
};

static int
order_cmp(const void *a, const void *b)
{
	const struct ord *x = a, *y = b;

	return x->total != y->total ? (x->total > y->total) - (x->total < y->total)
				    : x->at - y->at;
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->sum != y->sum)
		return (x->sum > y->sum) - (x->sum < y->sum);
	return x->i != y->i ? x->i - y->i : x->j - y->j;
}

struct match_agent_pairs *
match_agent_pairs_new(const int64_t *total, int n)
{
	struct match_agent_pairs *pp = xcalloc(1, sizeof *pp);

	pp->order = xmalloc(((size_t)n + 1) * sizeof *pp->order);
	for (int i = 0; i < n; i++)
		if (total[i] > 0) /* nothing to pay: never a member, nor a chance */
			pp->order[pp->n++] = (struct ord){ total[i], i };
	qsort(pp->order, (size_t)pp->n, sizeof *pp->order, order_cmp);
	pp->pair = xmalloc(((size_t)pp->n * (size_t)(pp->n > 1 ? pp->n - 1 : 1) / 2 + 1) *
			   sizeof *pp->pair);
	for (int i = 0; i < pp->n; i++)
		for (int j = i + 1; j < pp->n; j++)
			pp->pair[pp->npair++] =
				(struct pair){ pp->order[i].total + pp->order[j].total, i, j };
	qsort(pp->pair, pp->npair, sizeof *pp->pair, pair_cmp);
	return pp;
}

void
match_agent_pairs_free(struct match_agent_pairs *pp)
{
	if (!pp)
		return;
	free(pp->pair);
	free(pp->order);
	free(pp);
}

/* The first pair whose sum is at least want. */
static size_t
pair_from(const struct match_agent_pairs *pp, int64_t want)
{
	size_t lo = 0, hi = pp->npair;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pp->pair[mid].sum < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Keep the set at positions pos[0, n) when this deposit may use each of
 * its totals and no two are one customer's; false once one more than max
 * is known (enough). */
static bool
set_add(struct search *s, const int *pos, int n, int64_t fee)
{
	struct match_agent_set *o = &s->out[s->nout];

	for (int k = 0; k < n; k++) {
		o->member[k] = s->pp->order[pos[k]].at;
		if (s->usable && !s->usable[o->member[k]])
			return true;
		for (int m = 0; s->owner && m < k; m++)
			if (s->owner[o->member[m]] == s->owner[o->member[k]])
				return true;
	}
	o->n = n;
	o->fee = fee;
	return ++s->nout <= s->max;
}

/* The fee a sum over the amount by over is: 0 none, -1 not a usual one. */
static int64_t
fee_of(const struct search *s, int64_t over)
{
	for (int f = 0; over && f < s->nfee; f++)
		if (s->fee[f] == over)
			return over;
	return over ? -1 : 0;
}

/* The pairs from pair p on, after position after, whose sum with base pays
 * the deposit (exactly or less one fee): each a set with the members
 * pos[0, npos); false when enough are known. */
static bool
with_pairs(struct search *s, size_t p, int64_t base, int after, int *pos, int npos)
{
	const struct match_agent_pairs *pp = s->pp;
	int64_t lo = s->amount - base;

	for (; p < pp->npair && pp->pair[p].sum <= lo + s->maxfee; p++) {
		int64_t fee = fee_of(s, pp->pair[p].sum - lo);

		if (fee < 0 || pp->pair[p].i <= after)
			continue;
		pos[npos] = pp->pair[p].i;
		pos[npos + 1] = pp->pair[p].j;
		if (!set_add(s, pos, npos + 2, fee))
			return false;
	}
	return true;
}

/* The sets of k totals (2 to 4, each once: its members in order; with
 * the totals positive, the smaller members at most their share). For
 * four, the pair that completes each smaller pair is sought from where
 * the last one's was, downwards: the sums rise, so the rest falls. */
static bool
sets_of(struct search *s, int k)
{
	const struct match_agent_pairs *pp = s->pp;
	int64_t most = s->amount + s->maxfee;
	size_t from = pp->npair;
	int pos[4];

	if (k == 2)
		return with_pairs(s, pair_from(pp, s->amount), 0, -1, pos, 0);
	for (int one = 0; k == 3 && one < pp->n && 3 * pp->order[one].total <= most; one++) {
		pos[0] = one;
		if (!with_pairs(s, pair_from(pp, s->amount - pp->order[one].total),
				pp->order[one].total, one, pos, 1))
			return false;
	}
	for (size_t q = 0; k == 4 && q < pp->npair && 2 * pp->pair[q].sum <= most; q++) {
		while (from > 0 && pp->pair[from - 1].sum >= s->amount - pp->pair[q].sum)
			from--;
		pos[0] = pp->pair[q].i;
		pos[1] = pp->pair[q].j;
		if (!with_pairs(s, from, pp->pair[q].sum, pp->pair[q].j, pos, 2))
			return false;
	}
	return true;
}

/* The usual transfer fees of currency cur into s (none but yen's). */
static void
usual_fees(struct search *s, struct match_fee_policy *fees, const char *cur)
{
	match_fee_default(fees);
	if (money_exponent(cur ? cur : "") != 0)
		return;
	s->fee = fees->fees;
	s->nfee = fees->nfees;
	for (int f = 0; f < s->nfee; f++)
		s->maxfee = s->fee[f] > s->maxfee ? s->fee[f] : s->maxfee;
}

int
match_agent_sets(const struct match_agent_pairs *pp, const bool *usable, const int64_t *owner,
		 int64_t amount, const char *cur, int k, struct match_agent_set *out, int max)
{
	struct search s = { .pp = pp, .usable = usable, .owner = owner, .amount = amount,
			    .out = out, .max = max };
	struct match_fee_policy fees;

	usual_fees(&s, &fees, cur);
	sets_of(&s, k);
	return s.nout;
}

/* About how many sets of k of pp's totals have a sum in [lo, hi] (a set
 * counted once per way of splitting it, overlaps not sorted out). */
static int64_t
sets_near(const struct match_agent_pairs *pp, int k, int64_t lo, int64_t hi)
{
	size_t a = pp->npair, b = pp->npair;
	int64_t n = 0;

	if (k == 2)
		return (int64_t)(pair_from(pp, hi + 1) - pair_from(pp, lo));
	for (int one = 0; k == 3 && one < pp->n; one++)
		n += (int64_t)(pair_from(pp, hi - pp->order[one].total + 1) -
			       pair_from(pp, lo - pp->order[one].total));
	for (size_t q = 0; k == 4 && q < pp->npair; q++) { /* the bounds fall as q rises */
		while (a > 0 && pp->pair[a - 1].sum >= lo - pp->pair[q].sum)
			a--;
		while (b > 0 && pp->pair[b - 1].sum > hi - pp->pair[q].sum)
			b--;
		n += b > a ? (int64_t)(b - a) : 0;
	}
	return k == 2 ? n : n / (k == 3 ? 3 : 6);
}

void
match_agent_chance_add(struct match_agent_chance *c, const struct match_agent_pairs *pp, int k,
		       int64_t amount, const char *cur)
{
	struct search s = { 0 };
	struct match_fee_policy fees;
	int64_t around = amount / 20 + 1; /* the sums' density over ±5 % */

	usual_fees(&s, &fees, cur);
	c->width = 2 * around + s.maxfee + 1;
	c->tries = s.nfee + 1;
	c->near += sets_near(pp, k, amount - around, amount + s.maxfee + around);
}

bool
match_agent_telling(const struct match_agent_chance *c)
{
	return c->near * c->tries * (c->named ? 3 : 20) <= c->width;
}

/* Words of the folded names of payment agents, collection agents and
 * factoring companies (代行 alone is too common a reading: 大興, 大光). */
static const char *const agent_words[] = {
	"ペイメント", "ケツサイ", "シユウノウ", "シハライダイコウ", "フアクタ", "イツカツ",
	"決済", "収納", "代行", "一括", "支付", "代付",
};

bool
match_agent_named(const char *payer_name)
{
	struct strbuf key;
	bool named = false;

	sb_init(&key);
	kana_fold(payer_name ? payer_name : "", &key, NULL);
	for (size_t i = 0; key.buf && !named && i < sizeof agent_words / sizeof *agent_words; i++)
		named = strstr(key.buf, agent_words[i]) != NULL;
	sb_free(&key);
	return named;
}

/* Propose set w of the closing date whose statements start at
 * bill_by_to[first] as the payment of its largest statement's customer
 * and the others': every slip, the fee on the largest. */
static void
agent_emit(struct match_index *ix, const struct match_deposit *d, uint32_t first,
	   const struct match_agent_set *w, match_fit_fn fn, void *ctx)
{
	const struct mcust *c0 =
		&ix->cust[ix->bill[ix->bill_by_to[first + w->member[w->n - 1]]].cust];
	struct match_proposal p;
	int64_t sum = 0, billed = 0;
	uint32_t room = 0;

	for (int m = 0; m < w->n; m++)
		room += ix->bill[ix->bill_by_to[first + w->member[m]]].n;
	memset(&p, 0, sizeof p);
	p.customer_id = c0->id;
	p.customer_code = c0->code;
	p.customer_name = c0->name;
	p.fit = MATCH_FIT_PERIOD;
	p.features = MATCH_F_SEVERAL | MATCH_F_BILLED | MATCH_F_AMOUNT_ONLY;
	match_span_start(&p);
	p.line = match_lines_reserve(&ix->lines, room);
	for (int m = w->n - 1; m >= 0; m--) {
		const struct mbill *b = &ix->bill[ix->bill_by_to[first + w->member[m]]];
		const struct mcust *c = &ix->cust[b->cust];

		billed += b->billed;
		for (uint32_t k = b->first; k < b->first + b->n; k++) {
			const struct minv *v = &ix->inv[ix->bslip[k].inv];

			p.line[p.nlines++] = (struct match_line){
				.invoice_id = v->id, .number = v->number, .cleared = v->open,
				.customer_id = c->id, .customer_code = c->code };
			match_span_add(&p, v);
			sum += v->open;
		}
	}
	p.period = p.bill_to = ix->bill[ix->bill_by_to[first]].to;
	p.periods = 1;
	p.billed = billed;
	p.on_account = sum < d->amount ? d->amount - sum : 0;
	if (sum > d->amount && !match_fee_spread(&p, sum - d->amount))
		return;
	match_lines_commit(&ix->lines, (uint32_t)p.nlines);
	fn(ctx, &p);
}

/* The statements of the closing date from bill_by_to[first] on: how many
 * (at most MATCH_AGENT_BILLS), their pairs built once per index. */
static int
agent_day(struct match_index *ix, uint32_t first)
{
	int32_t to = ix->bill[ix->bill_by_to[first]].to;
	int n = 0;

	while (first + n < ix->nbill && n < MATCH_AGENT_BILLS &&
	       ix->bill[ix->bill_by_to[first + n]].to == to)
		n++;
	if (!ix->agent_pairs[first]) {
		int64_t *total = xmalloc(((size_t)n + 1) * sizeof *total);

		for (int i = 0; i < n; i++)
			total[i] = ix->bill[ix->bill_by_to[first + i]].billed;
		ix->agent_pairs[first] = match_agent_pairs_new(total, n);
		free(total);
	}
	return n;
}

/* The closing dates of the deposit's window (at most MATCH_AGENT_DATES):
 * each one's first statement in bill_by_to and their number. */
static int
agent_dates(struct match_index *ix, const struct match_deposit *d, uint32_t *first, int *n)
{
	uint32_t at = 0;
	int nd = 0;

	while (at < ix->nbill && ix->bill[ix->bill_by_to[at]].to < d->date - MATCH_AGENT_DAYS)
		at++;
	while (at < ix->nbill && ix->bill[ix->bill_by_to[at]].to <= d->date &&
	       nd < MATCH_AGENT_DATES) {
		int32_t to = ix->bill[ix->bill_by_to[at]].to;

		first[nd] = at;
		n[nd++] = agent_day(ix, at);
		while (at < ix->nbill && ix->bill[ix->bill_by_to[at]].to == to)
			at++;
	}
	return nd;
}

/* Which of the date's n statements deposit d may pay (a customer's issued
 * again for the date: the later), whose each is. */
static void
agent_usable(const struct match_index *ix, const struct match_deposit *d, uint32_t first, int n,
	     bool *usable, int64_t *owner)
{
	for (int i = 0; i < n; i++) {
		const struct mbill *b = &ix->bill[ix->bill_by_to[first + i]];

		owner[i] = b->cust;
		usable[i] = match_bill_payable(ix, d, b);
		for (int k = 0; usable[i] && k < i; k++)
			if (usable[k] && owner[k] == owner[i]) {
				bool later = b->issued >= ix->bill[ix->bill_by_to[first + k]].issued;

				usable[later ? k : i] = false;
			}
	}
}

/* A set found and the closing date whose statements it takes. */
struct found {
	uint32_t first;
	struct match_agent_set set;
};

/* The sets of k statements paying d, of every date, into found from
 * *ways on (at most one more than proposed in all). */
static void
agent_sets_of(struct match_index *ix, const struct match_deposit *d, int k, const uint32_t *first,
	      const int *n, int nd, struct found *found, int *ways)
{
	bool usable[MATCH_AGENT_BILLS];
	int64_t owner[MATCH_AGENT_BILLS];

	for (int i = 0; i < nd && *ways <= MATCH_AGENT_WAYS; i++) {
		struct match_agent_set set[MATCH_AGENT_WAYS + 1];
		int got;

		agent_usable(ix, d, first[i], n[i], usable, owner);
		got = match_agent_sets(ix->agent_pairs[first[i]], usable, owner, d->amount,
				       d->currency, k, set, MATCH_AGENT_WAYS - *ways);
		for (int j = 0; j < got; j++)
			found[*ways + j] = (struct found){ first[i], set[j] };
		*ways += got;
	}
}

int
match_fit_agent(struct match_index *ix, const struct match_deposit *d, match_fit_fn fn,
		void *ctx)
{
	struct found found[MATCH_AGENT_WAYS + 1];
	uint32_t first[MATCH_AGENT_DATES];
	int n[MATCH_AGENT_DATES], nd, ways = 0;
	bool named;

	if (!ix->nbill || d->amount <= 0 || !d->date)
		return 0;
	named = match_agent_named(d->payer.payer_name);
	nd = agent_dates(ix, d, first, n);
	for (int k = 2; k <= 4 && !ways; k++) {
		struct match_agent_chance c = { .named = named };

		for (int i = 0; i < nd; i++)
			match_agent_chance_add(&c, ix->agent_pairs[first[i]], k, d->amount, d->currency);
		if (!match_agent_telling(&c))
			break; /* so many sets of k add up to about as much: a coincidence */
		agent_sets_of(ix, d, k, first, n, nd, found, &ways);
	}
	for (int w = 0; ways <= MATCH_AGENT_WAYS && w < ways; w++)
		agent_emit(ix, d, found[w].first, &found[w].set, fn, ctx);
	return ways;
}
