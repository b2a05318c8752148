/* match_cand: the candidate customers of one deposit and the evidence that
 * names them — virtual account, invoice numbers in the EDI text, learned
 * payer codes and aliases (conflicts marked), the folded payer name
 * (exact, cut short, or similar by bigrams), the representative's name
 * and the subsidiaries a named parent pays for (customer master). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "match_priv.h"
#include "text.h"
#include "xalloc.h"

/* Identity scores (see match_score.c for the amounts). */
#define SC_VIRTUAL 80
#define SC_EDI 60
#define SC_LEARNED 55   /* alias or payer code, + 3 per confirmation up to 5 */
#define SC_CONFLICT 35
#define SC_EXACT 60
#define SC_SHARED 50
#define SC_PREFIX 55
#define SC_PREFIX_SHORT 45
#define SC_CONTAINS 50
#define SC_BRANCH 58    /* the whole name, then a branch or department of it */
#define SC_FUZZY 70     /* × similarity */
#define SC_CORROBORATE 5
#define SC_CORP_DIFFERS 10
#define SC_CORP_SAME 10 /* tells same-name customers apart */
/* Payer links of the customer master: with one invoice less a listed fee
 * (30) one representative just reaches the auto-match threshold
 * (match_score.c then also asks that no other open invoice fits). */
#define SC_REP 55
#define SC_REP_SHARED 45
#define SC_PARENT 50       /* at most; the parent's own identity − SC_PARENT_LESS */
#define SC_PARENT_LESS 10
#define SC_PARENT_MIN 55   /* weaker evidence of the parent is not passed on … */
#define SC_PARENT_FUZZY 40 /* … but a parent's similar name (a typo) is, weakly:
			    * proposals, never enough to match automatically */
#define MIN_REP_CPS 4
#define MIN_SUFFIX_CPS 5
#define MIN_KEY_CPS 4   /* shortest key used for prefixes */
#define MAX_PREFIX 8
#define MIN_SIMILARITY 55
#define MAX_FUZZY 3
#define MAX_POSTINGS 4000
#define MAX_DEP_BIGRAMS 64

static struct mcand *
cand_get(struct mcands *cs, uint32_t cust)
{
	for (int i = 0; i < cs->n; i++)
		if (cs->c[i].cust == cust)
			return &cs->c[i];
	if (cs->n == MATCH_MAX_CANDS)
		return NULL;
	memset(&cs->c[cs->n], 0, sizeof cs->c[0]);
	cs->c[cs->n].cust = cust;
	cs->c[cs->n].edi_inv = MATCH_NONE;
	cs->c[cs->n].parent = MATCH_NONE;
	return &cs->c[cs->n++];
}

/* Record evidence: the strongest route counts, a second one corroborates. */
static struct mcand *
cand_add(struct mcands *cs, uint32_t cust, int score, unsigned feature)
{
	struct mcand *c = cand_get(cs, cust);

	if (!c)
		return NULL;
	if (c->features & MATCH_F_IDENTITY && !(c->features & feature)) {
		int top = c->identity > score ? c->identity : score;

		c->identity = top + SC_CORROBORATE;
	} else if (score > c->identity) {
		c->identity = score;
	}
	c->features |= feature;
	return c;
}

static size_t
cps(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

static void
cand_virtual(const struct match_index *ix, const struct match_deposit *d, struct mcands *cs)
{
	const char *a = d->payer.acct_number;
	uint32_t e;

	if (!a || !*a)
		return;
	e = mh_first(&ix->by_virtual, mh_hash_str(a, strlen(a)), a, strlen(a));
	if (e != MATCH_NONE)
		cand_add(cs, ix->by_virtual.ent[e].value, SC_VIRTUAL, MATCH_F_VIRTUAL);
}

static void
cand_edi_token(const struct match_index *ix, const char *tok, size_t n, struct mcands *cs)
{
	char norm[64];
	size_t k = match_norm_number(tok, n, norm, sizeof norm);
	uint32_t e;

	if (k < 3)
		return;
	e = mh_first(&ix->by_number, mh_hash_str(norm, k), NULL, 0);
	for (; e != MATCH_NONE; e = mh_next(&ix->by_number, e, NULL, 0)) {
		const struct minv *v = &ix->inv[ix->by_number.ent[e].value];
		struct mcand *c;

		if (v->open <= 0)
			continue;
		if ((c = cand_add(cs, v->cust, SC_EDI, MATCH_F_EDI)) && c->edi_inv == MATCH_NONE)
			c->edi_inv = ix->by_number.ent[e].value;
	}
}

/* Tokens of the EDI text: runs of ASCII letters, digits and '-'. */
static void
cand_edi(const struct match_index *ix, const struct match_deposit *d, struct mcands *cs)
{
	static const char tokch[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";
	const char *s = d->payer.edi;

	if (!s)
		return;
	while (*s) {
		size_t n = strspn(s, tokch);

		if (n)
			cand_edi_token(ix, s, n, cs);
		s += n;
		s += strcspn(s, tokch);
	}
}

static int
learned_score(int64_t count)
{
	return SC_LEARNED + 3 * (int)(count < 5 ? count : 5);
}

/* Aliases found under one key (by payer key or by payer code): prefer
 * those learned from the same remitting bank and branch; several
 * customers → conflict. */
static void
cand_aliases(const struct match_index *ix, const struct mhash *h, const char *key,
	     const struct match_deposit *d, unsigned feature, struct mcands *cs)
{
	uint32_t e0 = mh_first(h, mh_hash_str(key, strlen(key)), key, strlen(key)), e;
	uint32_t first = MATCH_NONE;
	const char *bank = d->payer.remit_bank;
	int same_bank = 0, conflict = 0;

	for (e = e0; e != MATCH_NONE; e = mh_next(h, e, key, strlen(key))) {
		const struct malias *a = &ix->alias[h->ent[e].value];

		same_bank |= bank && *a->bank && strcmp(a->bank, bank) == 0;
	}
	for (e = e0; e != MATCH_NONE; e = mh_next(h, e, key, strlen(key))) {
		const struct malias *a = &ix->alias[h->ent[e].value];

		if (same_bank && strcmp(a->bank, bank) != 0)
			continue;
		if (first == MATCH_NONE)
			first = a->cust;
		else if (a->cust != first)
			conflict = 1;
	}
	for (e = e0; e != MATCH_NONE; e = mh_next(h, e, key, strlen(key))) {
		const struct malias *a = &ix->alias[h->ent[e].value];
		struct mcand *c;

		if (same_bank && strcmp(a->bank, bank) != 0)
			continue;
		c = cand_add(cs, a->cust, conflict ? SC_CONFLICT : learned_score(a->count), feature);
		if (!c)
			continue;
		c->alias_count += a->count;
		if (conflict)
			c->features |= MATCH_F_CONFLICT;
	}
}

static void
cand_exact(const struct match_index *ix, const char *key, struct mcands *cs)
{
	size_t n = strlen(key);
	uint32_t e0 = mh_first(&ix->by_key, mh_hash_str(key, n), key, n), e;
	int several = e0 != MATCH_NONE && mh_next(&ix->by_key, e0, key, n) != MATCH_NONE;

	for (e = e0; e != MATCH_NONE; e = mh_next(&ix->by_key, e, key, n)) {
		struct mcand *c = cand_add(cs, ix->by_key.ent[e].value,
					   several ? SC_SHARED : SC_EXACT, MATCH_F_NAME_EXACT);

		if (c && several)
			c->features |= MATCH_F_NAME_SHARED;
	}
}

/* Customers whose key starts with key[0..n) (the bank cut the name),
 * other than the whole key's own. */
static int
cand_prefix(const struct match_index *ix, const char *key, size_t n, struct mcands *cs)
{
	uint32_t lo = 0, hi = ix->nsorted, found = 0, k;
	size_t kc = cps(key, n);

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (strncmp(ix->cust[ix->sorted[mid]].key, key, n) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k < ix->nsorted && found <= MAX_PREFIX; k++) {
		const struct mcust *c = &ix->cust[ix->sorted[k]];

		if (strncmp(c->key, key, n) != 0)
			break;
		found += strcmp(c->key, key) != 0;
	}
	for (k = lo; k < ix->nsorted && found <= MAX_PREFIX; k++) {
		const struct mcust *c = &ix->cust[ix->sorted[k]];
		size_t cc = cps(c->key, strlen(c->key));
		struct mcand *m;

		if (strncmp(c->key, key, n) != 0)
			break;
		if (strcmp(c->key, key) == 0)
			continue; /* the whole name: cand_exact's */
		m = cand_add(cs, ix->sorted[k], (kc * 10 >= cc * 6 ? SC_PREFIX : SC_PREFIX_SHORT) -
						       (found > 1 ? 5 : 0), MATCH_F_NAME_PREFIX);
		if (m && found > 1)
			m->features |= MATCH_F_NAME_SHARED;
	}
	return (int)found;
}

/* True when rest (what follows a customer's whole name in the payer's)
 * names one of its branches or departments: ﾅｺﾞﾔｼﾃﾝ, ﾌｸｵｶｴｲｷﾞﾖｳｼﾖ, ﾎﾝｼﾔｹｲﾘﾌﾞ. */
static bool
branch_of(const char *rest)
{
	static const char *const words[] = { "シテン", "エイギヨウシヨ", "シユツチヨウシヨ",
					     "ホンシヤ", "ホンテン", "ケイリブ", "ジギヨウシヨ",
					     "コウジヨウ", "シシヤ" };
	size_t n = strlen(rest);

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t w = strlen(words[i]);

		if (n >= w && strcmp(rest + n - w, words[i]) == 0)
			return true;
	}
	return false;
}

/* Customers whose whole key starts the payer's (extra words after it) or
 * ends it (a legal form or number in front that folding left). Only parts
 * as long as some customer's key are looked up: the same customers are
 * found, and a payer name of megabytes costs one pass, not one hash of
 * every prefix and suffix. */
static void
cand_contains(const struct match_index *ix, const char *key, struct mcands *cs)
{
	size_t n = strlen(key), c = 0, total = cps(key, n);

	for (size_t i = 1; i < n; i++) {
		uint32_t e;

		if (((unsigned char)key[i] & 0xc0) == 0x80)
			continue;
		c++;
		if (c >= MIN_KEY_CPS && i <= ix->max_key)
			for (e = mh_first(&ix->by_key, mh_hash_str(key, i), key, i);
			     e != MATCH_NONE; e = mh_next(&ix->by_key, e, key, i))
				cand_add(cs, ix->by_key.ent[e].value,
					 branch_of(key + i) ? SC_BRANCH : SC_CONTAINS,
					 MATCH_F_NAME_PREFIX);
		if (total - c < MIN_SUFFIX_CPS || (total - c) * 2 < total || n - i > ix->max_key)
			continue;
		for (e = mh_first(&ix->by_key, mh_hash_str(key + i, n - i), key + i, n - i);
		     e != MATCH_NONE; e = mh_next(&ix->by_key, e, key + i, n - i))
			cand_add(cs, ix->by_key.ent[e].value, SC_CONTAINS, MATCH_F_NAME_PREFIX);
	}
}

static void
cand_names(const struct match_index *ix, const char *key, struct mcands *cs)
{
	size_t n = strlen(key), c = cps(key, n);

	if (!n)
		return;
	cand_exact(ix, key, cs);
	if (c < MIN_KEY_CPS)
		return;
	if (!cand_prefix(ix, key, n, cs) && c > MIN_KEY_CPS) {
		size_t cut = n; /* the last kana may have lost its voicing mark */

		while (cut > 0 && ((unsigned char)key[--cut] & 0xc0) == 0x80)
			;
		cand_prefix(ix, key, cut, cs);
	}
	cand_contains(ix, key, cs);
}

static void
fuzzy_vote(struct match_index *ix, const char *key, uint32_t *ntouched, uint32_t *nb)
{
	uint64_t bg[MAX_DEP_BIGRAMS];

	*nb = match_bigrams(key, bg, MAX_DEP_BIGRAMS);
	for (uint32_t k = 0; k < *nb; k++) {
		uint32_t e = mh_first(&ix->by_bigram, bg[k], NULL, 0), walked = 0;

		for (; e != MATCH_NONE && walked < MAX_POSTINGS;
		     e = mh_next(&ix->by_bigram, e, NULL, 0), walked++) {
			uint32_t c = ix->by_bigram.ent[e].value;

			if (ix->votes[c]++ == 0)
				ix->touched[(*ntouched)++] = c;
		}
	}
}

/* Similar names: Dice coefficient of code-point bigrams, best few. */
static void
cand_fuzzy(struct match_index *ix, const char *key, struct mcands *cs)
{
	uint32_t ntouched = 0, nb, best[MAX_FUZZY];
	int sim[MAX_FUZZY], nbest = 0;

	fuzzy_vote(ix, key, &ntouched, &nb);
	for (uint32_t t = 0; t < ntouched; t++) {
		uint32_t c = ix->touched[t], cb = ix->cust[c].nbigrams;
		uint32_t shared = ix->votes[c] < cb ? ix->votes[c] : cb;
		int s = nb + cb ? (int)(200 * (shared < nb ? shared : nb) / (nb + cb)) : 0;
		int k;

		ix->votes[c] = 0;
		if (s < MIN_SIMILARITY)
			continue;
		for (k = nbest; k > 0 && sim[k - 1] < s; k--)
			if (k < MAX_FUZZY) {
				sim[k] = sim[k - 1];
				best[k] = best[k - 1];
			}
		if (k < MAX_FUZZY) {
			sim[k] = s;
			best[k] = c;
			nbest += nbest < MAX_FUZZY;
		}
	}
	for (int k = 0; k < nbest; k++) {
		struct mcand *c = cand_add(cs, best[k], SC_FUZZY * sim[k] / 100, MATCH_F_NAME_FUZZY);

		if (c)
			c->similarity = sim[k];
	}
}

/* The payer is the representative (代表者) of a customer: the owner paying
 * for the shop under a personal name. */
static void
cand_rep(const struct match_index *ix, const char *key, struct mcands *cs)
{
	size_t n = strlen(key);
	uint32_t e0, e;
	int several;

	if (cps(key, n) < MIN_REP_CPS)
		return;
	e0 = mh_first(&ix->by_rep, mh_hash_str(key, n), key, n);
	several = e0 != MATCH_NONE && mh_next(&ix->by_rep, e0, key, n) != MATCH_NONE;
	for (e = e0; e != MATCH_NONE; e = mh_next(&ix->by_rep, e, key, n)) {
		struct mcand *c = cand_add(cs, ix->by_rep.ent[e].value,
					   several ? SC_REP_SHARED : SC_REP, MATCH_F_REP);

		if (c && several)
			c->features |= MATCH_F_REP_SHARED;
	}
}

/* What naming parent p passes on to its subsidiaries: a little less than
 * its own identity, at most SC_PARENT; SC_PARENT_FUZZY when only a similar
 * name names it; 0: nothing. */
static int
parent_score(const struct mcand *p)
{
	const unsigned named = MATCH_F_CODE | MATCH_F_ALIAS | MATCH_F_NAME_EXACT |
			       MATCH_F_NAME_PREFIX;
	int score = p->identity - SC_PARENT_LESS;

	if (p->features & MATCH_F_CONFLICT)
		return 0;
	if (p->features & named && p->identity >= SC_PARENT_MIN)
		return score < SC_PARENT ? score : SC_PARENT;
	if (p->features & MATCH_F_NAME_FUZZY)
		return score < SC_PARENT_FUZZY ? score : SC_PARENT_FUZZY;
	return 0;
}

/* A customer named by the payer's name, alias or code pays for others (its
 * subsidiaries in the master): they are candidates too, a little less
 * sure than the parent itself. */
static void
cand_subsidiaries(const struct match_index *ix, struct mcands *cs)
{
	int n = cs->n;

	for (int i = 0; i < n; i++) {
		const struct mcand *p = &cs->c[i];
		const struct mcust *pc = &ix->cust[p->cust];
		int score = parent_score(p);

		if (!pc->sub_count || score <= 0)
			continue;
		for (uint32_t k = 0; k < pc->sub_count; k++) {
			struct mcand *c = cand_add(cs, ix->subs[pc->sub_first + k], score,
						   MATCH_F_PARENT);

			if (c && c->parent == MATCH_NONE)
				c->parent = p->cust;
		}
	}
}

/* Company types: a different one counts against a name match, the same
 * one tells apart customers that share a name. */
static void
corp_check(const struct match_index *ix, struct mcand *c, const char *corp)
{
	const char *cc = ix->cust[c->cust].corp;

	if (!corp || !cc || !(c->features & (MATCH_F_NAME_EXACT | MATCH_F_NAME_PREFIX |
					     MATCH_F_NAME_FUZZY)))
		return;
	if (strcmp(corp, cc) != 0) {
		c->identity -= SC_CORP_DIFFERS;
		c->features |= MATCH_F_CORP_DIFFERS;
	} else if (c->features & MATCH_F_NAME_SHARED) {
		c->identity += SC_CORP_SAME;
	}
}

void
match_candidates(struct match_index *ix, const struct match_deposit *d, const char *key,
		 const char *corp, const char *code, struct mcands *out)
{
	out->n = 0;
	cand_virtual(ix, d, out);
	cand_edi(ix, d, out);
	if (code && *code && strspn(code, "0") != strlen(code))
		cand_aliases(ix, &ix->by_code, code, d, MATCH_F_CODE, out);
	if (*key)
		cand_aliases(ix, &ix->by_alias, key, d, MATCH_F_ALIAS, out);
	cand_names(ix, key, out);
	cand_rep(ix, key, out);
	if (out->n == 0 && *key)
		cand_fuzzy(ix, key, out);
	for (int i = 0; i < out->n; i++)
		corp_check(ix, &out->c[i], corp);
	cand_subsidiaries(ix, out);
}

int
match_payer_customers(struct match_index *ix, const struct match_deposit *d, const char *key,
		      const char *corp, const char *code, int64_t *ids, bool *named)
{
	struct mcands *cs = xmalloc(sizeof *cs);
	int n;

	match_candidates(ix, d, key, corp, code, cs);
	*named = false;
	for (n = 0; n < cs->n; n++) {
		*named |= (cs->c[n].features & MATCH_F_IDENTITY & ~MATCH_F_NAME_FUZZY) != 0;
		ids[n] = ix->cust[cs->c[n].cust].id;
	}
	free(cs);
	return n;
}
