/* match_index: the engine's in-memory indexes — customers by id, folded
 * key (exact, sorted for prefixes, bigrams for fuzzy look-ups), aliases by
 * payer key and code, virtual accounts, open invoices per customer (oldest
 * first), by normalised number and by open amount. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kana.h"
#include "match_priv.h"
#include "text.h"
#include "xalloc.h"

#define MH_INIT_BUCKETS 1024u
#define MATCH_MAX_BIGRAMS 128
#define MATCH_ARENA_CHUNK (1u << 20)

void
mh_init(struct mhash *h)
{
	memset(h, 0, sizeof *h);
}

void
mh_free(struct mhash *h)
{
	free(h->head);
	free(h->ent);
	memset(h, 0, sizeof *h);
}

uint64_t
mh_hash_str(const char *s, size_t n)
{
	uint64_t x = 1469598103934665603ull; /* FNV-1a */

	for (size_t i = 0; i < n; i++)
		x = (x ^ (unsigned char)s[i]) * 1099511628211ull;
	return x ^ (x >> 29);
}

uint64_t
mh_hash_int(int64_t v)
{
	uint64_t x = (uint64_t)v * 0x9e3779b97f4a7c15ull;

	return x ^ (x >> 31);
}

static void
mh_grow(struct mhash *h)
{
	uint32_t nb = h->nbuckets ? h->nbuckets * 2 : MH_INIT_BUCKETS;

	free(h->head);
	h->head = xmalloc(nb * sizeof *h->head);
	memset(h->head, 0xff, nb * sizeof *h->head);
	h->nbuckets = nb;
	for (uint32_t i = 0; i < h->n; i++) {
		uint32_t b = (uint32_t)(h->ent[i].hash & (nb - 1));

		h->ent[i].next = h->head[b];
		h->head[b] = i;
	}
}

void
mh_reserve(struct mhash *h, uint32_t n)
{
	if (h->cap < n) {
		h->cap = n;
		h->ent = xrealloc(h->ent, h->cap * sizeof *h->ent);
	}
	while (h->nbuckets < n)
		mh_grow(h);
}

void
mh_add(struct mhash *h, uint64_t hash, const char *key, uint32_t value)
{
	uint32_t b;

	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 256;
		h->ent = xrealloc(h->ent, h->cap * sizeof *h->ent);
	}
	if (h->n >= h->nbuckets)
		mh_grow(h);
	b = (uint32_t)(hash & (h->nbuckets - 1));
	h->ent[h->n] = (struct mh_ent){ hash, key, value, h->head[b] };
	h->head[b] = h->n++;
}

static int
mh_same(const struct mh_ent *e, uint64_t hash, const char *key, size_t n)
{
	if (e->hash != hash)
		return 0;
	if (!key)
		return 1;
	return e->key && strncmp(e->key, key, n) == 0 && e->key[n] == '\0';
}

uint32_t
mh_next(const struct mhash *h, uint32_t e, const char *key, size_t n)
{
	uint64_t hash = h->ent[e].hash;

	for (e = h->ent[e].next; e != MATCH_NONE; e = h->ent[e].next)
		if (mh_same(&h->ent[e], hash, key, n))
			return e;
	return MATCH_NONE;
}

uint32_t
mh_first(const struct mhash *h, uint64_t hash, const char *key, size_t n)
{
	uint32_t e;

	if (!h->nbuckets)
		return MATCH_NONE;
	for (e = h->head[hash & (h->nbuckets - 1)]; e != MATCH_NONE; e = h->ent[e].next)
		if (mh_same(&h->ent[e], hash, key, n))
			return e;
	return MATCH_NONE;
}

size_t
match_norm_number(const char *s, size_t n, char *out, size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'a' && c <= 'z')
			out[k++] = (char)(c - 'a' + 'A');
		else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			out[k++] = (char)c;
	}
	out[k] = '\0';
	return k;
}

uint32_t
match_bigrams(const char *s, uint64_t *out, uint32_t cap)
{
	size_t n = strlen(s), i = 0, prev = 0, len;
	uint32_t cp, k = 0, cps = 0;

	while (i < n) {
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			len = 1;
		if (cps > 0 && k < cap)
			out[k++] = mh_hash_str(s + prev, i + len - prev);
		prev = i;
		i += len;
		cps++;
	}
	return k;
}

/* Strings live in large chunks freed with the index (millions of invoice
 * numbers would otherwise be millions of allocations). */
static char *
arena_dup(struct match_index *ix, const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *p;

	if (ix->arena_left < n) {
		size_t size = n > MATCH_ARENA_CHUNK ? n : MATCH_ARENA_CHUNK;

		ix->chunks = xrealloc(ix->chunks, (ix->nchunks + 1) * sizeof *ix->chunks);
		ix->arena = ix->chunks[ix->nchunks++] = xmalloc(size);
		ix->arena_left = size;
	}
	p = ix->arena;
	memcpy(p, s ? s : "", n);
	ix->arena += n;
	ix->arena_left -= n;
	return p;
}

struct match_index *
match_index_new(void)
{
	struct match_index *ix = xcalloc(1, sizeof *ix);

	mh_init(&ix->by_id);
	return ix;
}

static const char *
corp_of(const char *kana)
{
	struct kana_info info;
	struct strbuf key;
	const char *corp;

	sb_init(&key);
	kana_info_init(&info);
	kana_fold(kana, &key, &info);
	corp = info.corp;
	kana_info_free(&info);
	sb_free(&key);
	return corp;
}

/* Customer ids are mostly SQLite rowids 1…n: a plain array finds them
 * without a hash probe, one cache miss fewer for each invoice loaded. */
#define MATCH_DENSE_SLACK 4096

static void
cust_id_add(struct match_index *ix, int64_t id, uint32_t c)
{
	uint32_t n = ix->ndense ? ix->ndense : 1024;

	if (id < 0 || id >= 4 * ((int64_t)ix->ncust + MATCH_DENSE_SLACK)) {
		mh_add(&ix->by_id, mh_hash_int(id), NULL, c);
		return;
	}
	if (id >= ix->ndense) {
		while (n <= id)
			n *= 2;
		ix->dense = xrealloc(ix->dense, n * sizeof *ix->dense);
		memset(ix->dense + ix->ndense, 0xff, (n - ix->ndense) * sizeof *ix->dense);
		ix->ndense = n;
	}
	ix->dense[id] = c;
}

uint32_t
match_cust_by_id(const struct match_index *ix, int64_t id)
{
	uint32_t e;

	if (id >= 0 && id < ix->ndense && ix->dense[id] != MATCH_NONE)
		return ix->dense[id];
	e = mh_first(&ix->by_id, mh_hash_int(id), NULL, 0);
	for (; e != MATCH_NONE; e = mh_next(&ix->by_id, e, NULL, 0))
		if (ix->cust[ix->by_id.ent[e].value].id == id)
			return ix->by_id.ent[e].value;
	return MATCH_NONE;
}

void
match_index_add_customer(struct match_index *ix, int64_t id, const char *code,
			 const char *name, const char *kana, const char *kana_key,
			 const char *currency, const struct match_fee_policy *fee)
{
	struct mcust *c;

	if (match_cust_by_id(ix, id) != MATCH_NONE)
		return;
	if (ix->ncust == ix->capcust) {
		ix->capcust = ix->capcust ? ix->capcust * 2 : 256;
		ix->cust = xrealloc(ix->cust, ix->capcust * sizeof *ix->cust);
	}
	c = &ix->cust[ix->ncust];
	memset(c, 0, sizeof *c);
	c->id = id;
	c->code = arena_dup(ix, code);
	c->name = arena_dup(ix, name);
	c->key = arena_dup(ix, kana_key);
	c->currency = arena_dup(ix, currency && *currency ? currency : "JPY");
	c->corp = kana && *kana ? corp_of(kana) : NULL;
	if (!c->corp)
		c->corp = corp_of(c->name);
	c->custom_fee = fee != NULL;
	if (fee)
		c->fee = *fee;
	else if (strcmp(c->currency, "JPY") == 0)
		match_fee_default(&c->fee);
	else
		c->fee.kind = MATCH_FEE_NONE;
	cust_id_add(ix, id, ix->ncust++);
}

#define LINE_CHUNK 4096

struct match_line *
match_lines_reserve(struct mlines *l, uint32_t n)
{
	while (l->at < l->n && l->cap[l->at] - l->used < n) {
		l->at++;
		l->used = 0;
	}
	if (l->at == l->n) {
		l->chunk = xrealloc(l->chunk, (l->n + 1) * sizeof *l->chunk);
		l->cap = xrealloc(l->cap, (l->n + 1) * sizeof *l->cap);
		l->cap[l->n] = n > LINE_CHUNK ? n : LINE_CHUNK;
		l->chunk[l->n] = xmalloc(l->cap[l->n] * sizeof **l->chunk);
		l->n++;
		l->used = 0;
	}
	return l->chunk[l->at] + l->used;
}

void
match_lines_commit(struct mlines *l, uint32_t n)
{
	l->used += n;
}

void
match_index_set_closing(struct match_index *ix, int64_t id, int close_day)
{
	uint32_t c = match_cust_by_id(ix, id);

	if (c != MATCH_NONE && close_day >= 1 && close_day <= 31)
		ix->cust[c].close_day = (int8_t)close_day;
}

void
match_index_add_payers(struct match_index *ix, int64_t id, const char *parent_code,
		       const char *rep_kana)
{
	uint32_t c = match_cust_by_id(ix, id);
	struct strbuf key;

	if (c == MATCH_NONE)
		return;
	if (parent_code && *parent_code)
		ix->cust[c].parent_code = arena_dup(ix, parent_code);
	if (!rep_kana || !*rep_kana)
		return;
	sb_init(&key);
	kana_fold(rep_kana, &key, NULL);
	if (key.len)
		ix->cust[c].rep_key = arena_dup(ix, key.buf);
	sb_free(&key);
}

void
match_index_add_invoice(struct match_index *ix, int64_t id, const char *number,
			int64_t customer_id, int32_t issue_date, int32_t due_date, int64_t open,
			const char *currency)
{
	match_index_add_billed(ix, id, number, customer_id, issue_date, due_date, open, open,
			       currency);
}

void
match_index_add_billed(struct match_index *ix, int64_t id, const char *number,
		       int64_t customer_id, int32_t issue_date, int32_t due_date, int64_t open,
		       int64_t billed, const char *currency)
{
	uint32_t c = match_cust_by_id(ix, customer_id);
	struct minv *v;

	if (c == MATCH_NONE || open == 0)
		return;
	if (ix->ninv == ix->capinv) {
		ix->capinv = ix->capinv ? ix->capinv * 2 : 1024;
		ix->inv = xrealloc(ix->inv, ix->capinv * sizeof *ix->inv);
	}
	v = &ix->inv[ix->ninv++];
	v->id = id;
	v->number = arena_dup(ix, number);
	v->cust = c;
	v->issue = issue_date;
	v->due = due_date;
	v->open = open;
	v->billed = billed;
	v->held = 0;
	memset(v->cur, 0, sizeof v->cur);
	strncpy(v->cur, currency && *currency ? currency : ix->cust[c].currency,
		sizeof v->cur - 1);
}

void
match_index_add_alias(struct match_index *ix, const struct match_alias *a)
{
	uint32_t c = match_cust_by_id(ix, a->customer_id);
	struct malias *al;

	if (c == MATCH_NONE)
		return;
	if (ix->nalias == ix->capalias) {
		ix->capalias = ix->capalias ? ix->capalias * 2 : 64;
		ix->alias = xrealloc(ix->alias, ix->capalias * sizeof *ix->alias);
	}
	al = &ix->alias[ix->nalias++];
	al->key = arena_dup(ix, a->payer_key);
	al->bank = arena_dup(ix, a->remit_bank);
	al->branch = arena_dup(ix, a->remit_branch);
	al->code = arena_dup(ix, a->payer_code);
	al->cust = c;
	al->count = a->count > 0 ? a->count : 1;
}

void
match_index_add_virtual(struct match_index *ix, const char *acct_number, int64_t customer_id)
{
	uint32_t c = match_cust_by_id(ix, customer_id);
	char *k;

	if (c == MATCH_NONE || !acct_number || !*acct_number)
		return;
	k = arena_dup(ix, acct_number);
	mh_add(&ix->by_virtual, mh_hash_str(k, strlen(k)), k, c);
}

static int
inv_cmp(const void *a, const void *b)
{
	const struct minv *x = a, *y = b;

	if (x->cust != y->cust)
		return x->cust < y->cust ? -1 : 1;
	if (x->issue != y->issue)
		return x->issue < y->issue ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (strcmp(x->number, y->number) != 0) /* never NULL: arena_dup keeps "" */
		return strverscmp(x->number, y->number); /* slips of a day: as numbered */
	return (x->id > y->id) - (x->id < y->id);
}

/* Invoices usually come oldest first already (numbered as issued). */
static int
in_order(const struct minv *v, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
		if (inv_cmp(&v[i - 1], &v[i]) > 0)
			return 0;
	return 1;
}

/* Invoices grouped by customer (counting sort), each customer's oldest
 * first; sets inv_first and inv_count. */
static void
sort_invoices(struct match_index *ix)
{
	struct minv *out = xmalloc((ix->ninv + 1) * sizeof *out);
	uint32_t at = 0;

	for (uint32_t i = 0; i < ix->ninv; i++)
		ix->cust[ix->inv[i].cust].inv_count++;
	for (uint32_t c = 0; c < ix->ncust; c++) {
		ix->cust[c].inv_first = at;
		at += ix->cust[c].inv_count;
		ix->cust[c].inv_count = 0;
	}
	for (uint32_t i = 0; i < ix->ninv; i++) {
		struct mcust *c = &ix->cust[ix->inv[i].cust];

		out[c->inv_first + c->inv_count++] = ix->inv[i];
	}
	free(ix->inv);
	ix->inv = out;
	ix->capinv = ix->ninv + 1;
	for (uint32_t c = 0; c < ix->ncust; c++)
		if (!in_order(ix->inv + ix->cust[c].inv_first, ix->cust[c].inv_count))
			qsort(ix->inv + ix->cust[c].inv_first, ix->cust[c].inv_count,
			      sizeof *ix->inv, inv_cmp);
}

static const struct match_index *sort_ix; /* for key_cmp (qsort has no context) */

static int
key_cmp(const void *a, const void *b)
{
	return strcmp(sort_ix->cust[*(const uint32_t *)a].key,
		      sort_ix->cust[*(const uint32_t *)b].key);
}

static void
finish_invoices(struct match_index *ix)
{
	char norm[64];
	size_t n;

	sort_invoices(ix);
	mh_reserve(&ix->by_amount, ix->ninv);
	mh_reserve(&ix->by_number, ix->ninv);
	for (uint32_t i = 0; i < ix->ninv; i++) {
		struct minv *v = &ix->inv[i];

		mh_add(&ix->by_amount, mh_hash_int(v->open), NULL, i);
		n = match_norm_number(v->number, strlen(v->number), norm, sizeof norm);
		if (n >= 3)
			mh_add(&ix->by_number, mh_hash_str(norm, n), NULL, i);
	}
}

static void
finish_customers(struct match_index *ix)
{
	uint64_t bg[MATCH_MAX_BIGRAMS];

	ix->sorted = xmalloc((ix->ncust + 1) * sizeof *ix->sorted);
	for (uint32_t i = 0; i < ix->ncust; i++) {
		struct mcust *c = &ix->cust[i];
		size_t n = strlen(c->key);

		if (n == 0)
			continue;
		if (n > ix->max_key)
			ix->max_key = n;
		ix->sorted[ix->nsorted++] = i;
		mh_add(&ix->by_key, mh_hash_str(c->key, n), c->key, i);
		c->nbigrams = match_bigrams(c->key, bg, MATCH_MAX_BIGRAMS);
		for (uint32_t k = 0; k < c->nbigrams; k++)
			mh_add(&ix->by_bigram, bg[k], NULL, i);
	}
	sort_ix = ix;
	qsort(ix->sorted, ix->nsorted, sizeof *ix->sorted, key_cmp);
	sort_ix = NULL;
	ix->votes = xcalloc(ix->ncust + 1, sizeof *ix->votes);
	ix->touched = xmalloc((ix->ncust + 1) * sizeof *ix->touched);
}

int
match_oldest_sum_fits(const struct match_index *ix, uint32_t cust, int64_t want)
{
	const struct mcust *c = &ix->cust[cust];
	int64_t t = 0;
	int n = 0;

	for (uint32_t i = 0; i < c->inv_count && n < MATCH_SUBSET_LINES && t < want; i++) {
		int64_t open = ix->inv[c->inv_first + i].open;

		if (open <= 0)
			continue;
		t += open;
		if (++n >= 2 && t == want)
			return 1;
	}
	return 0;
}

/* The sums of each customer's oldest 2 … MATCH_SUBSET_LINES open invoices. */
static void
finish_sums(struct match_index *ix)
{
	for (uint32_t i = 0; i < ix->ncust; i++) {
		const struct mcust *c = &ix->cust[i];
		int64_t t = 0;
		int n = 0;

		for (uint32_t k = 0; k < c->inv_count && n < MATCH_SUBSET_LINES; k++) {
			if (ix->inv[c->inv_first + k].open <= 0)
				continue; /* credit slips: closing periods only */
			t += ix->inv[c->inv_first + k].open;
			if (n++ >= 1)
				mh_add(&ix->by_total, mh_hash_int(t), NULL, i);
		}
	}
}

/* Each paying parent's subsidiaries (codes resolved; a customer is not
 * its own parent), and the representatives' names. */
static void
finish_payers(struct match_index *ix)
{
	struct mhash by_code;
	uint32_t *parent, at = 0;
	int any = 0;

	for (uint32_t i = 0; i < ix->ncust; i++) {
		const char *r = ix->cust[i].rep_key;

		if (r && *r)
			mh_add(&ix->by_rep, mh_hash_str(r, strlen(r)), r, i);
		any |= ix->cust[i].parent_code != NULL;
	}
	if (!any)
		return;
	mh_init(&by_code);
	for (uint32_t i = 0; i < ix->ncust; i++)
		mh_add(&by_code, mh_hash_str(ix->cust[i].code, strlen(ix->cust[i].code)),
		       ix->cust[i].code, i);
	parent = xmalloc(ix->ncust * sizeof *parent);
	for (uint32_t i = 0; i < ix->ncust; i++) {
		const char *p = ix->cust[i].parent_code;
		uint32_t e = p ? mh_first(&by_code, mh_hash_str(p, strlen(p)), p, strlen(p))
			       : MATCH_NONE;

		parent[i] = e != MATCH_NONE && by_code.ent[e].value != i ? by_code.ent[e].value
									 : MATCH_NONE;
		if (parent[i] != MATCH_NONE)
			ix->cust[parent[i]].sub_count++;
	}
	for (uint32_t i = 0; i < ix->ncust; i++) {
		ix->cust[i].sub_first = at;
		at += ix->cust[i].sub_count;
		ix->cust[i].sub_count = 0;
	}
	ix->subs = xmalloc((at + 1) * sizeof *ix->subs);
	for (uint32_t i = 0; i < ix->ncust; i++)
		if (parent[i] != MATCH_NONE) {
			struct mcust *p = &ix->cust[parent[i]];

			ix->subs[p->sub_first + p->sub_count++] = i;
		}
	free(parent);
	mh_free(&by_code);
}

void
match_index_finish(struct match_index *ix)
{
	if (ix->finished)
		return;
	finish_invoices(ix);
	finish_customers(ix);
	finish_sums(ix);
	match_index_period_totals(ix);
	match_index_finish_bills(ix);
	finish_payers(ix);
	for (uint32_t i = 0; i < ix->nalias; i++) {
		struct malias *a = &ix->alias[i];

		if (*a->key)
			mh_add(&ix->by_alias, mh_hash_str(a->key, strlen(a->key)), a->key, i);
		if (*a->code && strspn(a->code, "0") != strlen(a->code))
			mh_add(&ix->by_code, mh_hash_str(a->code, strlen(a->code)), a->code, i);
	}
	ix->finished = 1;
}

void
match_index_size(const struct match_index *ix, long *customers, long *invoices)
{
	*customers = (long)ix->ncust;
	*invoices = (long)ix->ninv;
}

static int
id_cmp(const void *a, const void *b)
{
	const struct match_line *x = a, *y = b;

	return (x->invoice_id > y->invoice_id) - (x->invoice_id < y->invoice_id);
}

static void
take_cleared(struct minv *v, const struct match_line *l)
{
	v->open -= l->cleared;
}

static void
mark_held(struct minv *v, const struct match_line *l)
{
	(void)l;
	v->held = 1;
}

/* fn(invoice, line) for each of customer c's invoices that p clears: one
 * pass over the invoices with the lines sorted by id, so a closing period
 * of a thousand slips costs n log n, not n². */
static void
each_line_invoice(struct match_index *ix, uint32_t c, const struct match_proposal *p,
		  void (*fn)(struct minv *, const struct match_line *))
{
	struct minv *v = ix->inv + ix->cust[c].inv_first;
	struct match_line *l = xmalloc(((size_t)p->nlines + 1) * sizeof *l);

	memcpy(l, p->line, (size_t)p->nlines * sizeof *l);
	qsort(l, (size_t)p->nlines, sizeof *l, id_cmp);
	for (uint32_t k = 0; k < ix->cust[c].inv_count; k++) {
		struct match_line key = { .invoice_id = v[k].id };
		const struct match_line *hit = bsearch(&key, l, (size_t)p->nlines, sizeof *l, id_cmp);

		while (hit && hit > l && hit[-1].invoice_id == v[k].id)
			hit--;
		for (; hit && hit < l + p->nlines && hit->invoice_id == v[k].id; hit++)
			fn(&v[k], hit);
	}
	free(l);
}

void
match_index_apply(struct match_index *ix, const struct match_proposal *p)
{
	uint32_t c = match_cust_by_id(ix, p->customer_id);

	if (c == MATCH_NONE)
		return;
	each_line_invoice(ix, c, p, take_cleared);
}

/* An instalment ranks first among equal part payments (a round share of
 * one bill): the reading that was first without it may be what the
 * deposit pays just as well. NULL when p is no instalment. */
static const struct match_proposal *
displaced_by_share(const struct match_result *r)
{
	const struct match_proposal *p = &r->prop[0];

	if (!p->nlines || !p->line[0].share)
		return NULL;
	for (int i = 1; i < r->nprop && r->prop[i].score == p->score; i++)
		if (r->prop[i].customer_id == p->customer_id &&
		    !(r->prop[i].nlines && r->prop[i].line[0].share))
			return &r->prop[i];
	return NULL;
}

void
match_index_hold(struct match_index *ix, const struct match_result *r)
{
	const struct match_proposal *p = &r->prop[0], *q;
	uint32_t c;

	if (r->hold == MATCH_AUTO || r->nprop == 0 ||
	    !(p->features & MATCH_F_IDENTITY & ~MATCH_F_NAME_FUZZY) ||
	    p->features & MATCH_F_CONFLICT || (c = match_cust_by_id(ix, p->customer_id)) == MATCH_NONE)
		return;
	each_line_invoice(ix, c, p, mark_held);
	if ((q = displaced_by_share(r)))
		each_line_invoice(ix, c, q, mark_held);
}

void
match_index_unhold(struct match_index *ix)
{
	for (uint32_t i = 0; i < ix->ninv; i++)
		ix->inv[i].held = 0;
}

void
match_index_free(struct match_index *ix)
{
	if (!ix) /* before the member addresses below: &NULL->x is undefined */
		return;
	struct mhash *hs[] = { &ix->by_id, &ix->by_key, &ix->by_alias, &ix->by_code,
			       &ix->by_virtual, &ix->by_number, &ix->by_amount, &ix->by_bigram,
			       &ix->by_total, &ix->by_period, &ix->by_rep };

	for (uint32_t i = 0; i < ix->nchunks; i++)
		free(ix->chunks[i]);
	free(ix->chunks);
	for (uint32_t i = 0; i < ix->lines.n; i++)
		free(ix->lines.chunk[i]);
	free(ix->lines.chunk);
	free(ix->lines.cap);
	for (size_t i = 0; i < sizeof hs / sizeof hs[0]; i++)
		mh_free(hs[i]);
	free(ix->dense);
	free(ix->cust);
	free(ix->inv);
	free(ix->alias);
	free(ix->bill);
	for (uint32_t b = 0; ix->agent_pairs && b < ix->nbill; b++)
		match_agent_pairs_free(ix->agent_pairs[b]);
	free(ix->agent_pairs);
	free(ix->bill_by_to);
	free(ix->bslip);
	free(ix->sorted);
	free(ix->subs);
	free(ix->scorer);
	free(ix->votes);
	free(ix->touched);
	free(ix);
}
