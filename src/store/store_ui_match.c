/* store_ui_match: the matching engine's proposals for the one deposit the
 * queue shows — instead of loading every customer and open invoice, find
 * the customers the deposit could name through indexed look-ups (virtual
 * account, EDI invoice numbers, aliases and payer codes, the folded name
 * whole, cut short or contained, open amounts; names alike through the
 * engine's own search over the names sharing a pair of characters), put only
 * them, their aliases and open invoices in an index and let the engine
 * rank, score and explain. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fieldcap.h"
#include "kana.h"
#include "store_billed.h"
#include "store_match.h"
#include "store_match_priv.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "xalloc.h"

/* Most customers put in one deposit's index; rows per look-up. */
#define MAX_CUST 256
#define MAX_PER_LOOKUP 16
#define MIN_KEY_CPS 4
/* Practically no customer's key is longer than the name it folds, capped
 * at import (fieldcap.h; folding ㍿ makes four characters of one): a longer
 * part of a payer's name (one stored before the caps) matches none, and
 * looking each up is a server round trip. */
#define MAX_KEY_CPS FIELDCAP_MAX
/* Similarity (percent) below which a name cannot be alike: well under
 * the engine's 55 (pairs counted here approximately). */
#define ALIKE_FLOOR 30
#define MAX_PAIRS 64
/* The highest code point, for "every key starting with". */
#define KEY_MAX "\xf4\x8f\xbf\xbf"

struct finder {
	struct store *st;
	const struct match_deposit *d;
	const char *key, *code, *corp;
	int64_t reopen; /* a matched deposit, looked at as before its match */
	int64_t cust[MAX_CUST];
	int n;
};

static void
add_cust(struct finder *f, int64_t id)
{
	for (int i = 0; i < f->n; i++)
		if (f->cust[i] == id)
			return;
	if (f->n < MAX_CUST)
		f->cust[f->n++] = id;
}

/* Add column 0 of every row of sql, its ?1 and ?2 bound to the texts a
 * and b (b NULL: unbound). */
static enum ur_status
lookup(struct finder *f, const char *sql, const char *a, size_t alen, const char *b,
       struct ur_err *err)
{
	struct db_stmt *s = store_prepare(f->st, sql, err);
	int rc, k = 0;

	if (!s)
		return err->status;
	db_bind_text_n(s, 1, a, (int)alen);
	if (b)
		db_bind_text_copy(s, 2, b);
	while (k++ < MAX_PER_LOOKUP && (rc = db_step(s)) == DB_ROW)
		add_cust(f, db_column_int64(s, 0));
	return sui_finish(f->st, s, k > MAX_PER_LOOKUP ? DB_DONE : rc, err);
}

/* Invoice numbers in the EDI text: runs of letters, digits and '-'. */
static enum ur_status
find_edi(struct finder *f, struct ur_err *err)
{
	static const char tokch[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";
	const char *s = f->d->payer.edi ? f->d->payer.edi : "";
	enum ur_status rc = UR_OK;

	while (*s && rc == UR_OK) {
		size_t n = strspn(s, tokch);

		if (n >= 3)
			rc = lookup(f, "SELECT customer_id FROM invoice WHERE number = ?1"
				       " AND amount <> paid AND company_id = " STORE_COMPANY, s, n, NULL,
			    err);
		s += n;
		s += strcspn(s, tokch);
	}
	return rc;
}

/* Customers whose key is key, starts with key[0..n) or is a part of key
 * that starts or ends it (the engine decides which of them count). */
static enum ur_status
find_names(struct finder *f, struct ur_err *err)
{
	static const char exact[] =
		"SELECT id FROM customer WHERE kana_key = ?1 AND +company_id = " STORE_COMPANY;
	static const char prefix[] =
		"SELECT id FROM customer WHERE kana_key >= ?1 AND kana_key < ?2 AND +company_id = " STORE_COMPANY
		" ORDER BY kana_key";
	const char *key = f->key;
	size_t n = strlen(key), total = 0, c = 0, last = 0;
	char hi[256];
	enum ur_status rc = UR_OK;

	for (size_t i = 0; i < n; i++)
		total += ((unsigned char)key[i] & 0xc0) != 0x80;
	for (size_t i = 1; i < n && rc == UR_OK; i++) {
		if (((unsigned char)key[i] & 0xc0) == 0x80)
			continue;
		c++;
		last = i;
		if (c >= MIN_KEY_CPS && c <= MAX_KEY_CPS)
			rc = lookup(f, exact, key, i, NULL, err);
		if (rc == UR_OK && total - c >= MIN_KEY_CPS + 1 && total - c <= MAX_KEY_CPS)
			rc = lookup(f, exact, key + i, n - i, NULL, err);
	}
	for (int pass = 0; pass < 2 && rc == UR_OK && n; pass++) {
		size_t len = pass ? last : n;

		if (pass && total <= MIN_KEY_CPS)
			break;
		snprintf(hi, sizeof hi, "%.*s" KEY_MAX, (int)len, key);
		rc = lookup(f, prefix, key, len, hi, err);
	}
	if (rc == UR_OK && n)
		rc = lookup(f, exact, key, n, NULL, err);
	return rc;
}

/* The pairs of characters of k (as code-point pairs) into out, at most
 * max; their number. */
static size_t
pairs_of(const char *k, uint64_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)k;
	uint64_t prev = 0, cp;
	size_t n = 0;
	int first = 1;

	while (*p && n < max) {
		cp = *p++;
		while (*p && (*p & 0xc0) == 0x80)
			cp = cp << 8 | *p++;
		if (!first)
			out[n++] = prev << 32 | cp;
		prev = cp;
		first = 0;
	}
	return n;
}

/* A pair's bit in a signature. */
static uint64_t
pair_bit(uint64_t pair)
{
	return (uint64_t)1 << ((pair * 0x9e3779b97f4a7c15u) >> 58);
}

/* Key k's pairs as a signature (*sig); their number. */
static size_t
pairs_sig(const char *k, uint64_t *sig)
{
	uint64_t p[MAX_PAIRS];
	size_t n = pairs_of(k, p, MAX_PAIRS);

	*sig = 0;
	for (size_t i = 0; i < n; i++)
		*sig |= pair_bit(p[i]);
	return n;
}

/* Every customer's folded key and reading, loaded once. */
static enum ur_status
load_names(struct store *st, struct sui_names *nm, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "SELECT id, kana_key, coalesce(kana, '') FROM customer"
					  " WHERE coalesce(kana_key, '') <> '' AND +company_id = " STORE_COMPANY, err);
	size_t cap = 0;
	int rc;

	if (!s)
		return err->status;
	while ((rc = db_step(s)) == DB_ROW) {
		if (nm->n == cap) {
			cap = cap ? cap * 2 : 1024;
			nm->id = xrealloc(nm->id, cap * sizeof *nm->id);
			nm->key = xrealloc(nm->key, cap * sizeof *nm->key);
			nm->kana = xrealloc(nm->kana, cap * sizeof *nm->kana);
			nm->sig = xrealloc(nm->sig, cap * sizeof *nm->sig);
			nm->npairs = xrealloc(nm->npairs, cap * sizeof *nm->npairs);
		}
		nm->id[nm->n] = db_column_int64(s, 0);
		nm->key[nm->n] = sui_col_dup(s, 1);
		nm->kana[nm->n] = sui_col_dup(s, 2);
		nm->npairs[nm->n] = (uint8_t)pairs_sig(nm->key[nm->n], &nm->sig[nm->n]);
		nm->n++;
	}
	nm->loaded = true;
	return sui_finish(st, s, rc, err);
}

void
sui_names_free(struct sui_names *nm)
{
	for (size_t i = 0; i < nm->n; i++) {
		free(nm->key[i]);
		free(nm->kana[i]);
	}
	free(nm->id);
	free(nm->key);
	free(nm->kana);
	free(nm->sig);
	free(nm->npairs);
	free(nm->totals);
	for (size_t i = 0; nm->bill_pairs && i < nm->nbills; i++)
		match_agent_pairs_free(nm->bill_pairs[i]);
	free(nm->bill_pairs);
	free(nm->bills);
	memset(nm, 0, sizeof *nm);
}

/* Could customer key be alike the payer's (pairs dp[0..nd))? The pairs it
 * shares, against the engine's similarity floor with a wide margin. */
static bool
may_be_alike(const char *key, const uint64_t *dp, size_t nd)
{
	uint64_t kp[MAX_PAIRS];
	size_t nk = pairs_of(key, kp, MAX_PAIRS), shared = 0;

	for (size_t i = 0; i < nd; i++)
		for (size_t j = 0; j < nk; j++)
			if (dp[i] == kp[j]) {
				shared++;
				break;
			}
	return shared && 200 * shared >= ALIKE_FLOOR * (nk + nd);
}

/* At most how many of the payer's pairs dp[0..nd) a key of nk pairs with
 * signature sig has (those whose bit it lacks, it has not): when too few
 * for may_be_alike, its pairs need not be compared. */
static bool
may_share(uint64_t sig, size_t nk, const uint64_t *dp, size_t nd)
{
	size_t most = 0;

	for (size_t i = 0; i < nd; i++)
		most += (sig & pair_bit(dp[i])) != 0;
	return most && 200 * most >= ALIKE_FLOOR * (nk + nd);
}

/* The customers whose key may be alike f's in a new index of names only. */
static struct match_index *
load_alike(struct finder *f, struct sui_names *nm, struct ur_err *err)
{
	uint64_t dp[MAX_PAIRS];
	size_t nd = pairs_of(f->key, dp, MAX_PAIRS);
	struct match_index *ix;

	if (!nm->loaded && load_names(f->st, nm, err) != UR_OK)
		return NULL;
	ix = match_index_new();
	for (size_t i = 0; i < nm->n; i++)
		if (may_share(nm->sig[i], nm->npairs[i], dp, nd) &&
		    may_be_alike(nm->key[i], dp, nd))
			match_index_add_customer(ix, nm->id[i], "", "", nm->kana[i], nm->key[i],
						 "", NULL);
	match_index_finish(ix);
	return ix;
}

/* Does anything but a name alike name a customer in ix? */
static bool
named(struct match_index *ix, const struct finder *f)
{
	int64_t ids[MATCH_MAX_CANDS];
	bool named;

	match_payer_customers(ix, f->d, f->key, f->corp, f->code, ids, &named);
	return named;
}

/* When nothing else names a customer (in the index of those found so
 * far) the engine looks for names alike among all customers: ask it,
 * over the names that could be alike. *added: how many it found. */
static enum ur_status
find_alike(struct finder *f, struct match_index *found, struct sui_names *nm, int *added,
	   struct ur_err *err)
{
	int64_t ids[MATCH_MAX_CANDS];
	struct match_index *names = NULL;
	enum ur_status rc = UR_OK;
	int before = f->n, n;
	bool any;

	if (*f->key && !named(found, f)) {
		if ((names = load_alike(f, nm, err))) {
			n = match_payer_customers(names, f->d, f->key, f->corp, f->code, ids, &any);
			for (int i = 0; i < n; i++)
				add_cust(f, ids[i]);
			match_index_free(names);
		} else {
			rc = err->status;
		}
	}
	*added = f->n - before;
	return rc;
}

/* At most this many of the newest invoices of one amount are read for
 * unpaid ones. invoice_amount, which a payment never changes (schema v8),
 * holds the paid ones too, and a fee billed monthly for years would
 * otherwise mean reading every invoice ever sent at each deposit of that
 * amount. An unpaid invoice older than this many of its amount is left out
 * of the amount-only proposals here (match --auto's index has them all). */
#define AMOUNT_NEWEST "1000"

/* Customers with an unpaid invoice of ?2 (in currency ?1), newest first. */
static const char unpaid_sql[] =
	"SELECT customer_id FROM (SELECT customer_id, paid, company_id FROM invoice"
	" INDEXED BY invoice_amount"
	" WHERE currency = ?1 AND amount = ?2 ORDER BY id DESC LIMIT " AMOUNT_NEWEST ") AS n"
	/* the alias: PostgreSQL 15 names every subquery in FROM */
	" WHERE paid = 0 AND +company_id = " STORE_COMPANY;
/* … and with a part-paid one that has ?2 left open (invoice_part_open). */
static const char part_paid_sql[] =
	"SELECT customer_id FROM invoice WHERE currency = ?1 AND paid <> 0 AND amount <> paid"
	" AND amount - paid = ?2 AND +company_id = " STORE_COMPANY;

/* Add the customers of s's rows for open amount want; *k counts them
 * against the cap. */
static enum ur_status
amount_rows(struct finder *f, struct db_stmt *s, int64_t want, int *k, struct ur_err *err)
{
	int rc = DB_DONE;

	db_bind_int64(s, 2, want);
	while (*k < MAX_PER_LOOKUP * 4 && (rc = db_step(s)) == DB_ROW) {
		add_cust(f, db_column_int64(s, 0));
		(*k)++;
	}
	db_reset(s);
	return rc == DB_ROW || rc == DB_DONE ? UR_OK : store_sqlfail(f->st, rc, err);
}

/* Customers with an open invoice of the deposit's amount, or of it plus
 * one of the usual transfer fees. */
static enum ur_status
find_amounts(struct finder *f, struct ur_err *err)
{
	struct match_fee_policy fees;
	struct db_stmt *s[2] = { store_prepare(f->st, unpaid_sql, err), NULL };
	enum ur_status rc = UR_OK;
	int k = 0;

	if (s[0])
		s[1] = store_prepare(f->st, part_paid_sql, err);
	if (!s[1]) {
		store_keep(f->st, s[0]);
		return err->status;
	}
	match_fee_default(&fees);
	for (int j = 0; j < 2; j++)
		db_bind_text_copy(s[j], 1, f->d->currency);
	for (int i = -1; i < fees.nfees && rc == UR_OK; i++) {
		int64_t want = f->d->amount + (i < 0 ? 0 : fees.fees[i]);

		for (int j = 0; j < 2 && rc == UR_OK && want > 0; j++)
			rc = amount_rows(f, s[j], want, &k, err);
	}
	store_keep(f->st, s[0]);
	store_keep(f->st, s[1]);
	return rc;
}

static enum ur_status
find_customers(struct finder *f, struct ur_err *err)
{
	const char *acct = f->d->payer.acct_number ? f->d->payer.acct_number : "";
	enum ur_status rc = UR_OK;

	if (*acct)
		rc = lookup(f, "SELECT customer_id FROM virtual_account WHERE acct_number = ?1"
			       " AND +company_id = " STORE_COMPANY,
			    acct, strlen(acct), NULL, err);
	if (rc == UR_OK)
		rc = find_edi(f, err);
	if (rc == UR_OK)
		rc = lookup(f, "SELECT customer_id FROM payer_alias WHERE (payer_key = ?1"
			       " OR (?2 <> '' AND payer_code = ?2)) AND +company_id = " STORE_COMPANY,
			    f->key, strlen(f->key),
			    f->code, err);
	if (rc == UR_OK && *f->key)
		rc = find_names(f, err);
	return rc;
}

/* Put customer id, its open invoices and its virtual accounts in ix. */
static enum ur_status
load_customer(struct finder *f, struct match_index *ix, struct db_stmt *c, struct db_stmt *inv,
	      int64_t id, struct ur_err *err)
{
	struct match_fee_policy fee;
	int rc;

	db_reset(c);
	db_bind_int64(c, 1, id);
	if ((rc = db_step(c)) == DB_ROW) {
		const char *cur = store_column_str(c, 5), *pol = store_column_str(c, 6);
		int custom = *pol && match_fee_parse(pol, cur, &fee, NULL) == UR_OK;

		match_index_add_customer(ix, id, store_column_str(c, 1), store_column_str(c, 2),
					 store_column_str(c, 3), store_column_str(c, 4), cur,
					 custom ? &fee : NULL);
		store_match_closing(ix, id, store_column_str(c, 7));
	} else if (rc != DB_DONE) {
		return store_sqlfail(f->st, rc, err);
	}
	db_reset(inv);
	db_bind_int64(inv, 1, id);
	while ((rc = db_step(inv)) == DB_ROW)
		match_index_add_billed(ix, db_column_int64(inv, 0), store_column_str(inv, 1), id,
				       store_column_date(inv, 2), store_column_date(inv, 3),
				       db_column_int64(inv, 4), db_column_int64(inv, 6),
				       store_column_str(inv, 5));
	return rc == DB_DONE ? UR_OK : store_sqlfail(f->st, rc, err);
}

static enum ur_status
load_aliases(struct finder *f, struct match_index *ix, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(f->st,
		"SELECT payer_key, remit_bank, remit_branch, payer_code, customer_id, count"
		" FROM payer_alias WHERE (payer_key = ?1 OR (?2 <> '' AND payer_code = ?2))"
		" AND +company_id = " STORE_COMPANY, err);
	int rc;

	if (!s)
		return err->status;
	db_bind_text_copy(s, 1, f->key);
	db_bind_text_copy(s, 2, f->code);
	while ((rc = db_step(s)) == DB_ROW) {
		struct match_alias a = {
			store_column_str(s, 0), store_column_str(s, 1), store_column_str(s, 2),
			store_column_str(s, 3), db_column_int64(s, 4),
			db_column_int64(s, 5)
		};

		match_index_add_alias(ix, &a);
	}
	return sui_finish(f->st, s, rc, err);
}

static enum ur_status
load_virtual(struct finder *f, struct match_index *ix, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;

	if (!f->d->payer.acct_number || !*f->d->payer.acct_number)
		return UR_OK;
	if (!(s = store_prepare(f->st, "SELECT customer_id FROM virtual_account"
				     " WHERE acct_number = ?1 AND +company_id = " STORE_COMPANY, err)))
		return err->status;
	db_bind_text_copy(s, 1, f->d->payer.acct_number);
	while ((rc = db_step(s)) == DB_ROW)
		match_index_add_virtual(ix, f->d->payer.acct_number, db_column_int64(s, 0));
	return sui_finish(f->st, s, rc, err);
}

/* The open invoices of customer ?1 with what deposit ?2 cleared open
 * again (paid counts an allocation's cash and its fee). */
static const char reopen_sql[] =
	"SELECT i.id, i.number, i.issue_date, i.due_date, i.amount - i.paid + coalesce(r.back, 0),"
	" i.currency, i.amount FROM invoice i LEFT JOIN (SELECT invoice_id, sum(amount + fee) AS back"
	" FROM allocation WHERE deposit_id = ?2 AND voided_at IS NULL GROUP BY invoice_id) r"
	" ON r.invoice_id = i.id WHERE i.customer_id = ?1 AND (i.amount <> i.paid OR r.back <> 0)"
	" AND +i.company_id = " STORE_COMPANY;

/* The statements load_customer steps: a customer by id, its open invoices. */
static enum ur_status
prepare_loaders(struct finder *f, struct db_stmt **c, struct db_stmt **inv, struct ur_err *err)
{
	*c = store_prepare(f->st, "SELECT id, code, name, kana, kana_key, currency,"
				  " coalesce(fee_policy, ''), terms FROM customer WHERE id = ?1"
				  " AND +company_id = " STORE_COMPANY,
			   err);
	*inv = *c ? store_prepare(f->st, f->reopen ? reopen_sql
		: "SELECT id, number, issue_date, due_date, amount - paid, currency, amount FROM invoice"
		  " WHERE customer_id = ?1 AND amount <> paid AND +company_id = " STORE_COMPANY, err) : NULL;
	if (*inv && f->reopen)
		db_bind_int64(*inv, 2, f->reopen);
	return *c && *inv ? UR_OK : err->status;
}

static enum ur_status
load_index(struct finder *f, struct match_index *ix, struct ur_err *err)
{
	struct db_stmt *c, *inv;
	enum ur_status rc = prepare_loaders(f, &c, &inv, err);

	for (int i = 0; rc == UR_OK && i < f->n; i++)
		if ((rc = load_customer(f, ix, c, inv, f->cust[i], err)) == UR_OK &&
		    (rc = store_match_learned(f->st, ix, f->cust[i], err)) == UR_OK)
			rc = store_billed_load(f->st, ix, f->cust[i], err);
	store_keep(f->st, c);
	store_keep(f->st, inv);
	if (rc == UR_OK)
		rc = load_aliases(f, ix, err);
	if (rc == UR_OK)
		rc = load_virtual(f, ix, err);
	match_index_finish(ix);
	return rc;
}

/* Customers one of whose closing totals the deposit pays (the payer
 * unknown: an agent, a new bank name). */
static enum ur_status
find_closing(struct finder *f, struct sui_names *nm, struct ur_err *err)
{
	int64_t ids[MAX_PER_LOOKUP];
	int n;

	if (sui_closing_payers(f->st, nm, f->d, ids, MAX_PER_LOOKUP, &n, err) != UR_OK)
		return err->status;
	for (int i = 0; i < n; i++)
		add_cust(f, ids[i]);
	return UR_OK;
}

/* Customers whose statements an agent's first transfer may pay; *added
 * whether any is new. */
static enum ur_status
find_agents(struct finder *f, struct sui_names *nm, int *added, struct ur_err *err)
{
	int64_t ids[MAX_CUST];
	int n, before = f->n;

	if (sui_agent_payers(f->st, nm, f->d, ids, MAX_CUST, &n, err) != UR_OK)
		return err->status;
	for (int i = 0; i < n; i++)
		add_cust(f, ids[i]);
	*added = f->n > before;
	return UR_OK;
}

/* A fresh index of the customers found so far, and the engine's result. */
static enum ur_status
propose(struct finder *f, struct sui_match *m, const struct match_config *cfg,
	struct ur_err *err)
{
	enum ur_status rc;

	if (m->ix)
		match_index_free(m->ix);
	m->ix = match_index_new();
	if ((rc = load_index(f, m->ix, err)) == UR_OK)
		match_deposit(m->ix, cfg, &m->md, &m->r);
	return rc;
}

enum ur_status
store_match_earlier(struct store *st, const struct match_deposit *d, int64_t *amounts, int cap,
		    int *n, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;

	*n = 0;
	if (!d->payer.payer_key || !*d->payer.payer_key)
		return UR_OK; /* no key: nothing says whose the others are */
	/* the payer's index: by date, SQLite would walk every waiting deposit */
	if (!(s = store_prepare(st, "SELECT amount FROM deposit INDEXED BY deposit_state_payer"
				    " WHERE state = 'unmatched'"
				    " AND payer_key = ?1 AND currency = ?2 AND id <> ?3"
				    " AND +company_id = " STORE_COMPANY
				    " AND (booking_date < ?4 OR (booking_date = ?4 AND id < ?3))"
				    " ORDER BY booking_date DESC, id DESC LIMIT ?5", err)))
		return UR_FAIL;
	db_bind_text(s, 1, d->payer.payer_key);
	db_bind_text(s, 2, d->currency ? d->currency : "");
	db_bind_int64(s, 3, d->id);
	store_bind_date(s, 4, d->date);
	db_bind_int64(s, 5, cap);
	while ((rc = db_step(s)) == DB_ROW && *n < cap)
		amounts[(*n)++] = db_column_int64(s, 0);
	return store_match_done(st, s, rc == DB_ROW ? DB_DONE : rc, err);
}

void
sui_match_deposit(const struct sui_deposit *d, struct match_deposit *md)
{
	memset(md, 0, sizeof *md);
	md->id = d->id;
	md->reference = d->reference;
	md->date = d->date;
	md->amount = d->amount;
	md->currency = d->currency;
	md->payer = d->payer;
}

void
sui_match_free(struct sui_match *m)
{
	if (m->ix)
		match_index_free(m->ix);
	sui_deposit_free(&m->d);
	memset(m, 0, sizeof *m);
}

enum ur_status
store_ui_match(struct store *st, int64_t id, const struct match_config *cfg,
	       struct sui_names *names, struct sui_match *m, struct ur_err *err)
{
	struct finder f = { .st = st };
	int64_t stamp;
	struct kana_info info;
	int added;
	struct strbuf key;
	enum ur_status rc;

	memset(m, 0, sizeof *m);
	if ((stamp = store_change_stamp(st)) != names->stamp) { /* the data changed */
		sui_names_free(names);
		names->stamp = stamp;
	}
	if ((rc = store_ui_deposit_get(st, id, &m->d, err)) != UR_OK)
		return rc;
	sui_match_deposit(&m->d, &m->md);
	if (m->d.state == DEPOSIT_UNMATCHED &&
	    (rc = store_match_earlier(st, &m->md, m->earlier, MATCH_EARLIER_MAX,
				      &m->md.nearlier, err)) != UR_OK)
		return rc;
	m->md.earlier = m->earlier;
	sb_init(&key);
	kana_info_init(&info);
	kana_fold(m->d.payer.payer_name, &key, &info);
	f.d = &m->md;
	f.key = *m->d.payer.payer_key ? m->d.payer.payer_key : key.buf ? key.buf : "";
	f.corp = info.corp;
	f.code = m->d.payer.payer_code;
	if (!*f.code || strspn(f.code, "0") == strlen(f.code))
		f.code = info.payer_code;
	if (m->d.state != DEPOSIT_UNMATCHED && m->d.customer_id) {
		f.reopen = m->d.id;
		add_cust(&f, m->d.customer_id);
	}
	rc = find_customers(&f, err);
	if (rc == UR_OK)
		rc = propose(&f, m, cfg, err);
	if (rc == UR_OK && (rc = find_alike(&f, m->ix, names, &added, err)) == UR_OK && added)
		rc = propose(&f, m, cfg, err);
	/* Like the engine, look at open amounts only when the payer alone
	 * does not decide. */
	if (rc == UR_OK && (!m->r.nprop || m->r.prop[0].score < cfg->threshold) &&
	    (rc = find_amounts(&f, err)) == UR_OK && (rc = find_closing(&f, names, err)) == UR_OK)
		rc = propose(&f, m, cfg, err);
	/* … and the statements an agent may pay only when nothing fits. */
	if (rc == UR_OK && !m->r.nprop && m->d.state == DEPOSIT_UNMATCHED &&
	    (rc = find_agents(&f, names, &added, err)) == UR_OK && added)
		rc = propose(&f, m, cfg, err);
	kana_info_free(&info);
	sb_free(&key);
	if (rc != UR_OK)
		sui_match_free(m);
	return rc;
}
