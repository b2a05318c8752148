/* rating: the credit rating rules and their reasons (see rating.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kvconf.h"
#include "money.h"
#include "rating.h"
#include "xalloc.h"

#define TREND_DAYS 7         /* a change of the average this large is a trend */
#define RATING_ONTIME_LOW 25 /* a share paid on time below this costs a point */
#define RATING_DISPUTE_SHARE 4 /* a dispute over 1/4 of the stated balance: 2 points */

/* *w += amount, *sum += amount × days; false (nothing added) on overflow. */
static bool
rating_acc(int64_t *w, int64_t *sum, int64_t amount, int days)
{
	int64_t prod, nw, ns;

	if (__builtin_mul_overflow(amount, (int64_t)days, &prod) ||
	    __builtin_add_overflow(*w, amount, &nw) || __builtin_add_overflow(*sum, prod, &ns))
		return false;
	*w = nw;
	*sum = ns;
	return true;
}

void
rating_add_open(struct rating_open *o, int64_t amount, int days_overdue)
{
	if (amount <= 0 || days_overdue <= 0)
		return;
	o->overflow |= !rating_acc(&o->w, &o->sum, amount, days_overdue);
}

void
rating_add_paid(struct rating_input *in, int64_t w, int32_t paid, int32_t due, int32_t as_of)
{
	bool known = paid && due, recent = paid && as_of - paid < RATING_RECENT;
	int late = known ? (int)(paid - due) : 0;

	in->overflow |= !rating_acc(&in->late_w, &in->late_sum, w, late) ||
			!rating_acc(recent ? &in->recent_w : &in->older_w,
				    recent ? &in->recent_sum : &in->older_sum, w, late) ||
			__builtin_add_overflow(in->paid_w, w, &in->paid_w) ||
			(known && late <= 0 &&
			 __builtin_add_overflow(in->ontime_w, w, &in->ontime_w));
}

void
rating_input_add_open(struct rating_input *in, const struct rating_open *o)
{
	in->overflow |= o->overflow || __builtin_add_overflow(in->late_w, o->w, &in->late_w) ||
			__builtin_add_overflow(in->late_sum, o->sum, &in->late_sum) ||
			__builtin_add_overflow(in->recent_w, o->w, &in->recent_w) ||
			__builtin_add_overflow(in->recent_sum, o->sum, &in->recent_sum);
}

void
rating_input_merge(struct rating_input *a, const struct rating_input *b)
{
	int64_t *x[] = { &a->late_w, &a->late_sum, &a->recent_w, &a->recent_sum,
			 &a->older_w, &a->older_sum, &a->paid_w, &a->ontime_w };
	const int64_t y[] = { b->late_w, b->late_sum, b->recent_w, b->recent_sum,
			      b->older_w, b->older_sum, b->paid_w, b->ontime_w };

	for (size_t i = 0; i < sizeof y / sizeof y[0]; i++)
		a->overflow |= __builtin_add_overflow(*x[i], y[i], x[i]);
	a->broken += b->broken;
	a->disputes += b->disputes;
	a->overflow |= __builtin_add_overflow(a->disputed, b->disputed, &a->disputed) ||
		       __builtin_add_overflow(a->stated, b->stated, &a->stated);
	if (!*a->currency)
		memcpy(a->currency, b->currency, sizeof a->currency);
	a->overflow |= b->overflow;
}

/* Position of (cid, cur) in h, or where it would go. */
static size_t
rating_hist_pos(const struct rating_hist *h, int64_t cid, const char *cur)
{
	size_t lo = 0, hi = h->n;

	if (h->n && (h->e[h->n - 1].customer_id < cid ||
		     (h->e[h->n - 1].customer_id == cid && strcmp(h->e[h->n - 1].currency, cur) < 0)))
		return h->n; /* the usual case: in order */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct rating_entry *e = &h->e[mid];

		if (e->customer_id < cid || (e->customer_id == cid && strcmp(e->currency, cur) < 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A new entry of customer_id and currency at position i of h. */
static struct rating_input *
rating_hist_make(struct rating_hist *h, size_t i, int64_t customer_id, const char *currency)
{
	struct rating_entry *e;

	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 256;
		h->e = xrealloc(h->e, h->cap * sizeof *h->e);
	}
	memmove(&h->e[i + 1], &h->e[i], (h->n - i) * sizeof *h->e);
	h->n++;
	e = &h->e[i];
	memset(e, 0, sizeof *e);
	e->customer_id = customer_id;
	snprintf(e->currency, sizeof e->currency, "%s", currency);
	memcpy(e->in.currency, e->currency, sizeof e->in.currency);
	e->in.credit_use = -1;
	return &e->in;
}

struct rating_input *
rating_hist_get(struct rating_hist *h, int64_t customer_id, const char *currency)
{
	size_t i = rating_hist_pos(h, customer_id, currency);

	if (i < h->n && h->e[i].customer_id == customer_id &&
	    strncmp(h->e[i].currency, currency, sizeof h->e[i].currency - 1) == 0)
		return &h->e[i].in;
	return rating_hist_make(h, i, customer_id, currency);
}

static uint32_t
rating_fill_hash(int64_t customer_id, const char *currency)
{
	uint64_t x = (uint64_t)customer_id;

	for (int k = 0; k < 3 && currency[k]; k++)
		x = x * 31 + (unsigned char)currency[k];
	return (uint32_t)((x * 0x9E3779B97F4A7C15u) >> 32);
}

/* Put entry k of the hist in its slot. */
static void
rating_fill_place(struct rating_fill *f, size_t k)
{
	const struct rating_entry *e = &f->h->e[k];
	size_t i = rating_fill_hash(e->customer_id, e->currency) & f->mask;

	while (f->slot[i])
		i = (i + 1) & f->mask;
	f->slot[i] = (uint32_t)k + 1;
}

/* A table of at least twice as many slots as entries, filled. */
static void
rating_fill_index(struct rating_fill *f, size_t entries)
{
	size_t size = 1024;

	while (size < 2 * entries)
		size *= 2;
	free(f->slot);
	f->slot = xcalloc(size, sizeof *f->slot);
	f->mask = size - 1;
	for (size_t k = 0; k < f->h->n; k++)
		rating_fill_place(f, k);
}

void
rating_fill_begin(struct rating_fill *f, struct rating_hist *h)
{
	f->h = h;
	f->slot = NULL;
	rating_fill_index(f, h->n + 1);
}

struct rating_input *
rating_fill_get(struct rating_fill *f, int64_t customer_id, const char *currency)
{
	struct rating_hist *h = f->h;
	size_t i;

	if (2 * (h->n + 1) > f->mask + 1)
		rating_fill_index(f, h->n + 1);
	for (i = rating_fill_hash(customer_id, currency) & f->mask; f->slot[i];
	     i = (i + 1) & f->mask) {
		struct rating_entry *e = &h->e[f->slot[i] - 1];

		if (e->customer_id == customer_id &&
		    strncmp(e->currency, currency, sizeof e->currency - 1) == 0)
			return &e->in;
	}
	f->slot[i] = (uint32_t)h->n + 1;
	return rating_hist_make(h, h->n, customer_id, currency);
}

static int
rating_entry_cmp(const void *pa, const void *pb)
{
	const struct rating_entry *a = pa, *b = pb;

	if (a->customer_id != b->customer_id)
		return a->customer_id < b->customer_id ? -1 : 1;
	return strcmp(a->currency, b->currency);
}

void
rating_fill_end(struct rating_fill *f)
{
	if (f->h->n)
		qsort(f->h->e, f->h->n, sizeof *f->h->e, rating_entry_cmp);
	free(f->slot);
	f->slot = NULL;
}

const struct rating_input *
rating_hist_find(const struct rating_hist *h, int64_t customer_id, const char *currency)
{
	size_t i = rating_hist_pos(h, customer_id, currency);

	return i < h->n && h->e[i].customer_id == customer_id &&
		       strncmp(h->e[i].currency, currency, sizeof h->e[i].currency - 1) == 0
		       ? &h->e[i].in
		       : NULL;
}

void
rating_hist_free(struct rating_hist *h)
{
	free(h->e);
	memset(h, 0, sizeof *h);
}

/* sum / w in whole days, rounded half away from zero (w > 0). */
static int
rating_avg(int64_t sum, int64_t w)
{
	int64_t q = sum / w, r = sum % w;

	if (r < 0 ? -r >= w - -r : r >= w - r)
		q += sum < 0 ? -1 : 1;
	return (int)q;
}

/* An open dispute costs a point, a large one two. */
static int
rating_dispute_points(const struct rating_input *in)
{
	if (in->disputes <= 0)
		return 0;
	if (in->disputed > INT64_MAX / RATING_DISPUTE_SHARE)
		return 2;
	return in->disputed * RATING_DISPUTE_SHARE >= in->stated ? 2 : 1;
}

static int
rating_points(const struct rating *r)
{
	int p = 0;

	if (r->history)
		p += r->days_late > 60 ? 4 : r->days_late > 30 ? 3 : r->days_late > 15 ? 2
		     : r->days_late > 5 ? 1 : 0;
	p += r->trend > 0;
	p += r->ontime_pct >= 0 && r->ontime_pct < RATING_ONTIME_LOW;
	p += r->broken > 2 ? 2 : r->broken;
	p += r->credit_use > 1000 ? 2 : r->credit_use >= 800;
	return p;
}

void
rating_rate(const struct rating_input *in, struct rating *out)
{
	int p;

	memset(out, 0, sizeof *out);
	out->history = in->late_w > 0;
	if (out->history)
		out->days_late = rating_avg(in->late_sum, in->late_w);
	if (in->recent_w > 0 && in->older_w > 0) {
		int d = rating_avg(in->recent_sum, in->recent_w) -
			rating_avg(in->older_sum, in->older_w);

		out->trend = d >= TREND_DAYS ? 1 : d <= -TREND_DAYS ? -1 : 0;
	}
	/* the share in whole percent, rounded down: 99.6 % is not "100 %" */
	if (in->paid_w <= 0)
		out->ontime_pct = -1;
	else if (in->paid_w <= INT64_MAX / 100)
		out->ontime_pct = (int)(in->ontime_w * 100 / in->paid_w);
	else
		out->ontime_pct = (int)(in->ontime_w / (in->paid_w / 100));
	out->broken = in->broken;
	out->disputes = in->disputes;
	out->disputed = in->disputed;
	memcpy(out->currency, in->currency, sizeof out->currency);
	out->credit_use = in->credit_use;
	p = rating_points(out) + rating_dispute_points(in);
	out->grade = (char)('A' + (p > 4 ? 4 : p));
}

static void
rating_sep(struct strbuf *out, size_t start)
{
	if (out->len > start)
		sb_adds(out, _("; "));
}

static void
rating_lateness(const struct rating *r, struct strbuf *out)
{
	if (r->days_late > 0)
		sb_addf(out, ngettext_("pays %d day late on average", "pays %d days late on average",
				       r->days_late), r->days_late);
	else if (r->days_late < 0)
		sb_addf(out, ngettext_("pays %d day early on average",
				       "pays %d days early on average", -r->days_late),
			-r->days_late);
	else
		sb_adds(out, _("pays on time on average"));
	if (r->trend)
		sb_adds(out, r->trend > 0 ? _(", worsening") : _(", improving"));
}

void
rating_reasons(const struct rating *r, struct strbuf *out)
{
	size_t start = out->len;

	if (r->history)
		rating_lateness(r, out);
	else
		sb_adds(out, _("no payment history yet"));
	if (r->ontime_pct >= 0 && r->ontime_pct < 100) {
		rating_sep(out, start);
		sb_addf(out, _("%d %% paid on time"), r->ontime_pct);
	}
	if (r->broken > 0) {
		rating_sep(out, start);
		sb_addf(out, ngettext_("%d broken promise in 90 days",
				       "%d broken promises in 90 days", r->broken), r->broken);
	}
	if (r->disputes > 0) {
		char amount[MONEY_BUFSZ];

		rating_sep(out, start);
		money_format(r->disputed, r->currency, MONEY_GROUP, amount, sizeof amount);
		sb_addf(out, ngettext_("%d open dispute (%s %s)", "%d open disputes (%s %s)",
				       r->disputes), r->disputes, amount, r->currency);
	}
	if (r->credit_use >= 500) {
		rating_sep(out, start);
		if (r->credit_use > 1000)
			sb_addf(out, _("over the credit limit (%d %% used)"), r->credit_use / 10);
		else
			sb_addf(out, _("%d %% of limit used"), r->credit_use / 10);
	}
}

bool
rating_hold_parse(const char *text, struct rating_hold *out)
{
	char *copy = xstrdup(text ? text : ""), *item, *save = NULL;
	struct rating_hold h = { 0, false };
	bool ok = true, none = false;

	for (item = strtok_r(copy, ",", &save); item && ok; item = strtok_r(NULL, ",", &save)) {
		item = kvconf_trim(item);
		if (strcmp(item, "limit") == 0)
			h.over_limit = true;
		else if (strlen(item) == 1 && item[0] >= 'A' && item[0] <= 'E' && !h.grade)
			h.grade = item[0];
		else if (strcmp(item, "none") == 0)
			none = true;
		else
			ok = false;
	}
	ok = ok && !(none && (h.grade || h.over_limit));
	free(copy);
	if (ok)
		*out = h;
	return ok;
}

bool
rating_on_hold(const struct rating_hold *h, const struct rating *r)
{
	return (h->grade && r->grade >= h->grade) || (h->over_limit && r->credit_use > 1000);
}
