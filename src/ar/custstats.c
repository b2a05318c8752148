/* custstats: the aging rows model — buckets, view (filter, sort, totals per
 * currency), windows — and the days-late and DSO figures (see custstats.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "custstats.h"
#include "i18n.h"
#include "money.h"
#include "xalloc.h"

/* A block of strings; CHUNK_SIZE bytes unless one string needs more. */
struct ar_chunk {
	struct ar_chunk *next;
	size_t used, size;
	char text[];
};

#define CHUNK_SIZE 65536

/* How many sets hold the shared rows. */
struct ar_share {
	atomic_int sets;
};

void
ar_set_init(struct ar_set *set, const struct ar_settings *s, int32_t as_of, bool by_issue)
{
	memset(set, 0, sizeof *set);
	set->as_of = as_of;
	set->by_issue = by_issue;
	set->nfuture = s->nfuture;
	set->nbounds = s->nbounds;
	memcpy(set->future, s->future, sizeof set->future);
	memcpy(set->bounds, s->bounds, sizeof set->bounds);
	set->nbuckets = s->nfuture + 1 + s->nbounds + 1;
	set->stride = sizeof(struct ar_row) + (size_t)set->nbuckets * sizeof(int64_t);
}

/* Drop set's hold on its shared rows: true when another set still has them. */
static bool
ar_share_drop(struct ar_set *set)
{
	if (!set->share)
		return false;
	if (atomic_fetch_sub(&set->share->sets, 1) > 1)
		return true;
	free(set->share);
	return false;
}

void
ar_set_free(struct ar_set *set)
{
	struct ar_chunk *c, *next;

	free(set->view);
	free(set->totals);
	free(set->rank);
	if (ar_share_drop(set)) {
		memset(set, 0, sizeof *set);
		return;
	}
	for (c = set->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(set->rows);
	free(set->rin);
	rating_hist_free(&set->hist);
	memset(set, 0, sizeof *set);
}

void
ar_set_share(struct ar_set *src, struct ar_set *dst)
{
	if (!src->share) {
		src->share = xmalloc(sizeof *src->share);
		atomic_init(&src->share->sets, 1);
	}
	atomic_fetch_add(&src->share->sets, 1);
	*dst = *src;
	dst->view = NULL;
	dst->rank = NULL;
	dst->totals = NULL;
	dst->nview = dst->ntotals = 0;
	dst->progress = NULL;
	dst->progress_ctx = NULL;
}

bool
ar_set_shared(const struct ar_set *set)
{
	return set->share && atomic_load(&set->share->sets) > 1;
}

struct ar_row *
ar_set_at(const struct ar_set *set, size_t i)
{
	return (struct ar_row *)(set->rows + i * set->stride);
}

void
ar_set_shrink(struct ar_set *set)
{
	if (set->cap > set->n && set->n) {
		set->rows = xrealloc(set->rows, set->n * set->stride);
		set->cap = set->n;
	}
}

/* A copy of s in the set's chunks. */
static const char *
ar_copy(struct ar_set *set, const char *s)
{
	size_t len = strlen(s) + 1;
	struct ar_chunk *c = set->chunks;
	char *p;

	if (!c || c->size - c->used < len) {
		size_t size = len > CHUNK_SIZE ? len : CHUNK_SIZE;

		c = xmalloc(sizeof *c + size);
		c->used = 0;
		c->size = size;
		c->next = set->chunks;
		set->chunks = c;
	}
	p = c->text + c->used;
	memcpy(p, s, len);
	c->used += len;
	return p;
}

/* Sales reps are few: each is kept once and shared. */
static const char *
ar_rep(struct ar_set *set, const char *s)
{
	for (int i = 0; i < set->nreps; i++)
		if (strcmp(set->reps[i], s) == 0)
			return set->reps[i];
	if (set->nreps == AR_MAX_REPS)
		return ar_copy(set, s);
	return set->reps[set->nreps++] = ar_copy(set, s);
}

struct ar_row *
ar_set_add(struct ar_set *set, int64_t customer_id, const char *currency)
{
	struct ar_row *r;

	if (set->n == set->cap) {
		set->cap = set->cap ? 2 * set->cap : 256;
		set->rows = xrealloc(set->rows, set->cap * set->stride);
		set->rin = xrealloc(set->rin, set->cap * sizeof *set->rin);
	}
	memset(&set->rin[set->n], 0, sizeof *set->rin);
	r = ar_set_at(set, set->n++);
	memset(r, 0, set->stride);
	r->customer_id = customer_id;
	r->code = r->name = r->name_key = r->sales_rep = "";
	snprintf(r->currency, sizeof r->currency, "%s", currency ? currency : "");
	return r;
}

void
ar_set_customer(struct ar_set *set, struct ar_row *r, const char *code, const char *name,
		const char *name_key, const char *sales_rep)
{
	char *p = (char *)r, *end = set->rows + set->n * set->stride;
	int64_t cid = r->customer_id;
	const char *c = ar_copy(set, code ? code : ""), *n = ar_copy(set, name ? name : "");
	const char *k = ar_copy(set, name_key ? name_key : "");
	const char *s = sales_rep && *sales_rep ? ar_rep(set, sales_rep) : "";

	for (; p < end && (r = (struct ar_row *)p)->customer_id == cid; p += set->stride) {
		r->code = c;
		r->name = n;
		r->name_key = k;
		r->sales_rep = s;
	}
}

struct ar_row *
ar_set_first(const struct ar_set *set, int64_t customer_id)
{
	size_t lo = 0, hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ar_set_at(set, mid)->customer_id < customer_id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < set->n && ar_set_at(set, lo)->customer_id == customer_id ? ar_set_at(set, lo)
										: NULL;
}

int
ar_set_bucket(const struct ar_set *set, int32_t day)
{
	int b, k;

	if (day >= set->as_of) {
		for (b = set->nfuture, k = 0; k < set->nfuture; k++)
			b -= day - set->as_of > set->future[k];
		return b;
	}
	for (b = set->nfuture + 1, k = 0; k < set->nbounds; k++)
		b += set->as_of - day > set->bounds[k];
	return b;
}

bool
ar_bucket_overdue(const struct ar_set *set, int b)
{
	return b > set->nfuture && b < set->nbuckets;
}

bool
ar_row_add(const struct ar_set *set, struct ar_row *r, int b, int64_t amount)
{
	if (b < 0 || b >= set->nbuckets)
		b = set->nbuckets - 1;
	if (!money_add(r->bucket[b], amount, &r->bucket[b]) ||
	    !money_add(r->total, amount, &r->total))
		return false;
	return !ar_bucket_overdue(set, b) || money_add(r->overdue, amount, &r->overdue);
}

void
ar_bucket_label(const struct ar_set *set, int b, char *buf, size_t size)
{
	int f = set->nfuture, k = b - f - 1;

	if (b < f && b == 0)
		snprintf(buf, size, _("Due >%d"), set->future[f - 1]);
	else if (b < f)
		snprintf(buf, size, _("Due %d-%d"), set->future[f - b - 1] + 1, set->future[f - b]);
	else if (b == f && f > 0)
		snprintf(buf, size, _("Due 0-%d"), set->future[0]);
	else if (b == f)
		snprintf(buf, size, "%s", _("Current"));
	else if (k == set->nbounds && k > 0)
		snprintf(buf, size, _("Over %d"), set->bounds[k - 1]);
	else if (k == set->nbounds)
		snprintf(buf, size, "%s", _("Overdue"));
	else
		snprintf(buf, size, "%d-%d", k ? set->bounds[k - 1] + 1 : 1, set->bounds[k]);
}

void
ar_bucket_key(const struct ar_set *set, int b, char *buf, size_t size)
{
	int f = set->nfuture, k = b - f - 1;

	if (b < f && b == 0)
		snprintf(buf, size, "due_after_%d", set->future[f - 1]);
	else if (b < f)
		snprintf(buf, size, "due_%d_%d", set->future[f - b - 1] + 1, set->future[f - b]);
	else if (b == f && f > 0)
		snprintf(buf, size, "due_0_%d", set->future[0]);
	else if (b == f)
		snprintf(buf, size, "current");
	else if (k == set->nbounds)
		snprintf(buf, size, "d%d_plus", k ? set->bounds[k - 1] : 0);
	else
		snprintf(buf, size, "d%d_%d", k ? set->bounds[k - 1] + 1 : 1, set->bounds[k]);
}

struct rating_open *
ar_set_rin(struct ar_set *set, const struct ar_row *r)
{
	return &set->rin[((const char *)r - set->rows) / set->stride];
}

const struct ar_row *
ar_set_row_of(const struct ar_set *set, int64_t customer_id, const char *currency)
{
	const struct ar_row *r = ar_set_first(set, customer_id);
	const char *end = set->rows + set->n * set->stride;

	for (; r && (const char *)r < end && r->customer_id == customer_id;
	     r = (const struct ar_row *)((const char *)r + set->stride))
		if (strcmp(r->currency, currency) == 0)
			return r;
	return NULL;
}

/* Keep in the history only the customers and currencies with no row. */
static void
ar_hist_rest(struct ar_set *set)
{
	struct rating_hist *h = &set->hist;
	size_t keep = 0;

	for (size_t i = 0; i < h->n; i++)
		if (!ar_set_row_of(set, h->e[i].customer_id, h->e[i].currency))
			h->e[keep++] = h->e[i];
	h->n = h->cap = keep;
	if (keep) {
		h->e = xrealloc(h->e, keep * sizeof *h->e);
	} else {
		free(h->e);
		h->e = NULL;
	}
}

void
ar_set_rate(struct ar_set *set)
{
	for (size_t i = 0; i < set->n; i++) {
		struct ar_row *r = ar_set_at(set, i);
		struct rating_input in = { 0 };
		const struct rating_input *h = rating_hist_find(&set->hist, r->customer_id,
								r->currency);

		if (set->rin)
			rating_input_add_open(&in, &set->rin[i]);
		if (h)
			rating_input_merge(&in, h);
		in.credit_use = ar_credit_use(r);
		rating_rate(&in, &r->rating);
	}
	free(set->rin);
	set->rin = NULL;
	ar_hist_rest(set);
}

void
ar_set_rating(const struct ar_set *set, int64_t customer_id, const char *currency,
	      int64_t credit_limit, struct rating *out)
{
	const struct ar_row *r = ar_set_row_of(set, customer_id, currency);
	const struct rating_input *h;
	struct rating_input in;

	if (r) {
		*out = r->rating;
		return;
	}
	memset(&in, 0, sizeof in);
	if ((h = rating_hist_find(&set->hist, customer_id, currency)))
		in = *h;
	in.credit_use = credit_limit > 0 ? 0 : -1;
	rating_rate(&in, out);
}

int
ar_credit_use(const struct ar_row *r)
{
	int64_t t = r->total < 0 ? 0 : r->total;

	if (r->credit_limit <= 0)
		return -1;
	if (t / r->credit_limit >= 1000000)
		return 999999999;
	if (t > INT64_MAX / 1000)
		return (int)(t / (r->credit_limit / 1000 ? r->credit_limit / 1000 : 1));
	return (int)(t * 1000 / r->credit_limit);
}

/* A row's sort key: a number or a text; money keys sort by currency
 * first (amounts of different currencies are not comparable), as cur
 * packs it; ties go by code then currency: by the row's rank. */
struct ar_key {
	int64_t num;
	const char *str;
	uint32_t rank, cur;
};

/* How row indices are sorted: by their keys (indexed by row), descending
 * when sign is -1. */
struct ar_order {
	const struct ar_key *keys;
	bool money;
	int sign;
};

/* A currency code (up to 4 bytes) as a number in strcmp's order. */
static uint32_t
ar_cur_key(const char *c)
{
	uint32_t k = 0;

	for (int i = 0; i < 4; i++) {
		k = k << 8 | (unsigned char)*c;
		c += *c != '\0';
	}
	return k;
}

static int
ar_cmp(const void *pa, const void *pb, void *ctx)
{
	const struct ar_order *o = ctx;
	const struct ar_key *a = &o->keys[*(const uint32_t *)pa];
	const struct ar_key *b = &o->keys[*(const uint32_t *)pb];
	int c = 0;

	if (o->money && a->cur != b->cur)
		return a->cur < b->cur ? -1 : 1;
	if (a->str)
		c = strcmp(a->str, b->str);
	else if (a->num != b->num)
		c = a->num < b->num ? -1 : 1;
	if (c)
		return c * o->sign;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/* Rows by code, then currency, then index: the order ar_set_rank ranks by. */
static int
ar_cmp_code(const void *pa, const void *pb, void *ctx)
{
	uint32_t i = *(const uint32_t *)pa, j = *(const uint32_t *)pb;
	const struct ar_row *a = ar_set_at(ctx, i), *b = ar_set_at(ctx, j);
	int c = strcmp(a->code, b->code);

	if (!c)
		c = strcmp(a->currency, b->currency);
	return c ? c : i < j ? -1 : i > j;
}

void
ar_set_rank(struct ar_set *set)
{
	uint32_t *idx;

	if (set->rank)
		return;
	idx = xmalloc((set->n ? set->n : 1) * sizeof *idx);
	for (size_t i = 0; i < set->n; i++)
		idx[i] = (uint32_t)i;
	qsort_r(idx, set->n, sizeof *idx, ar_cmp_code, set);
	set->rank = xmalloc((set->n ? set->n : 1) * sizeof *set->rank);
	for (size_t k = 0; k < set->n; k++)
		set->rank[idx[k]] = (uint32_t)k;
	free(idx);
}

static void
ar_key_of(const struct ar_row *r, int col, struct ar_key *k)
{
	k->str = NULL;
	k->num = 0;
	switch (col) {
	case AR_COL_CODE: k->str = r->code; break;
	case AR_COL_NAME: k->str = r->name_key; break;
	case AR_COL_CURRENCY: k->str = r->currency; break;
	case AR_COL_SALES_REP: k->str = r->sales_rep; break;
	case AR_COL_TOTAL: k->num = r->total; break;
	case AR_COL_OVERDUE: k->num = r->overdue; break;
	case AR_COL_CREDIT_USE: k->num = ar_credit_use(r); break;
	case AR_COL_LAST_CONTACT: k->num = r->last_contact; break;
	case AR_COL_PROMISE: k->num = r->promise_date; break;
	case AR_COL_LEVEL: k->num = r->dunning_level; break;
	case AR_COL_RATING: k->num = r->rating.grade; break;
	default:
		if (col >= AR_COL_BUCKET && col < AR_COL_COUNT)
			k->num = r->bucket[col - AR_COL_BUCKET];
		else
			k->str = r->code;
	}
}

static bool
ar_pass(const struct ar_row *r, const struct ar_filter *f)
{
	if (!f)
		return true;
	if (f->sales_rep && *f->sales_rep && strcmp(f->sales_rep, r->sales_rep) != 0)
		return false;
	if (f->currency && *f->currency && strcmp(f->currency, r->currency) != 0)
		return false;
	if (f->overdue_only && r->overdue == 0)
		return false;
	return !f->text || !*f->text || strstr(r->code, f->text) || strstr(r->name, f->text);
}

static struct ar_total *
ar_total_for(struct ar_set *set, const char *cur)
{
	size_t i;

	for (i = 0; i < set->ntotals && strcmp(set->totals[i].currency, cur) < 0; i++)
		;
	if (i < set->ntotals && strcmp(set->totals[i].currency, cur) == 0)
		return &set->totals[i];
	set->totals = xrealloc(set->totals, (set->ntotals + 1) * sizeof *set->totals);
	memmove(&set->totals[i + 1], &set->totals[i], (set->ntotals - i) * sizeof *set->totals);
	set->ntotals++;
	memset(&set->totals[i], 0, sizeof set->totals[i]);
	snprintf(set->totals[i].currency, sizeof set->totals[i].currency, "%s", cur);
	return &set->totals[i];
}

static void
ar_add_total(struct ar_set *set, const struct ar_row *r)
{
	struct ar_total *t = ar_total_for(set, r->currency);

	for (int b = 0; b < set->nbuckets; b++)
		if (!money_add(t->bucket[b], r->bucket[b], &t->bucket[b]))
			set->overflow = true;
	if (!money_add(t->total, r->total, &t->total) ||
	    !money_add(t->overdue, r->overdue, &t->overdue) ||
	    !money_add(t->on_account, r->on_account, &t->on_account))
		set->overflow = true;
	t->rows++;
}

void
ar_set_view(struct ar_set *set, const struct ar_filter *f, int col, bool desc)
{
	struct ar_key *keys = xmalloc((set->n ? set->n : 1) * sizeof *keys);
	struct ar_order o = { keys, col == AR_COL_TOTAL || col == AR_COL_OVERDUE ||
			      (col >= AR_COL_BUCKET && col < AR_COL_COUNT), desc ? -1 : 1 };
	size_t n = 0;

	ar_set_rank(set);
	set->ntotals = 0;
	set->overflow = false;
	set->view = xrealloc(set->view, (set->n ? set->n : 1) * sizeof *set->view);
	for (size_t i = 0; i < set->n; i++) {
		const struct ar_row *r = ar_set_at(set, i);

		if (!ar_pass(r, f))
			continue;
		ar_key_of(r, col, &keys[i]);
		keys[i].cur = ar_cur_key(r->currency);
		keys[i].rank = set->rank[i];
		set->view[n++] = (uint32_t)i;
		ar_add_total(set, r);
	}
	qsort_r(set->view, n, sizeof *set->view, ar_cmp, &o);
	set->nview = n;
	free(keys);
}

const struct ar_row *
ar_set_row(const struct ar_set *set, size_t i)
{
	return i < set->nview ? ar_set_at(set, set->view[i]) : NULL;
}

size_t
ar_set_window(const struct ar_set *set, size_t first, size_t max, const struct ar_row **out)
{
	size_t k = 0;

	for (; k < max && first + k < set->nview; k++)
		out[k] = ar_set_at(set, set->view[first + k]);
	return k;
}

long
ar_set_find(const struct ar_set *set, const char *code)
{
	for (size_t i = 0; i < set->nview; i++)
		if (strcmp(ar_set_at(set, set->view[i])->code, code) == 0)
			return (long)i;
	return -1;
}

void
custstats_add_payment(struct custstats *c, int64_t cleared, int32_t alloc_date,
		      int32_t due_date)
{
	int64_t days = (int64_t)alloc_date - due_date, w;

	if (!c->ok)
		return;
	if (days != 0 && (cleared > INT64_MAX / (days < 0 ? -days : days) ||
			  cleared < -(INT64_MAX / (days < 0 ? -days : days)))) {
		c->ok = false;
		return;
	}
	w = cleared * days;
	if (!money_add(c->late_sum, w, &c->late_sum) ||
	    !money_add(c->late_weight, cleared, &c->late_weight))
		c->ok = false;
}

/* num × 10 / den rounded half away from zero; false on overflow. */
static bool
tenths(int64_t num, int64_t den, int64_t *out)
{
	int64_t q, r;
	bool neg = (num < 0) != (den < 0);

	if (den == 0 || num == INT64_MIN || den == INT64_MIN)
		return false;
	num = num < 0 ? -num : num;
	den = den < 0 ? -den : den;
	q = num / den;
	r = num % den;
	if (q > INT64_MAX / 10 - 10 || r > INT64_MAX / 20)
		return false;
	q = q * 10 + (r * 10) / den;
	r = (r * 10) % den;
	if (2 * r >= den)
		q++;
	*out = neg ? -q : q;
	return true;
}

bool
custstats_days_late(const struct custstats *c, int *out)
{
	int64_t t;

	if (!c->ok || c->late_weight <= 0 || !tenths(c->late_sum, c->late_weight, &t) ||
	    t > 100000000 || t < -100000000)
		return false;
	*out = (int)t;
	return true;
}

bool
custstats_dso(const struct custstats *c, int64_t *out)
{
	int64_t t;

	if (!c->ok || c->sales90 <= 0 || c->open > INT64_MAX / 90 || c->open < -(INT64_MAX / 90))
		return false;
	if (!tenths(c->open * 90, c->sales90, &t))
		return false;
	*out = t;
	return true;
}
