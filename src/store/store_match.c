/* store_match: the SQL of matching — bulk loads of customers, aliases,
 * open invoices and unmatched deposits into the engine, confirming a match
 * in one transaction (state check, allocations, fees, on-account money,
 * alias learning, audit). Undoing it is store_match_undo.c; aliases and
 * the allocations export are in store_alias.c. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arconf.h"
#include "i18n.h"
#include "kana.h"
#include "money.h"
#include "store_billed.h"
#include "store_match.h"
#include "store_match_priv.h"
#include "terms.h"
#include "xalloc.h"

enum ur_status
store_match_done(struct store *st, struct db_stmt *s, int rc, struct ur_err *err)
{
	store_keep(st, s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

static enum ur_status
load_customers(struct store *st, struct match_index *ix, struct ur_err *err)
{
	int fee_col = store_has_table(st, "customer", "fee_policy");
	struct db_stmt *s = store_prepare(st, fee_col ?
		"SELECT id, code, name, kana, kana_key, currency, fee_policy, payer_parent, rep_kana,"
		" terms FROM customer WHERE +company_id = " STORE_COMPANY :
		"SELECT id, code, name, kana, kana_key, currency, NULL, payer_parent, rep_kana,"
		" terms FROM customer WHERE +company_id = " STORE_COMPANY, err);
	struct match_fee_policy fee;
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW) {
		const char *cur = store_column_str(s, 5), *pol = store_column_str(s, 6);
		int custom = *pol && match_fee_parse(pol, cur, &fee, NULL) == UR_OK;

		match_index_add_customer(ix, db_column_int64(s, 0), store_column_str(s, 1),
					 store_column_str(s, 2), store_column_str(s, 3),
					 store_column_str(s, 4), cur, custom ? &fee : NULL);
		match_index_add_payers(ix, db_column_int64(s, 0), store_column_str(s, 7),
				       store_column_str(s, 8));
		store_match_closing(ix, db_column_int64(s, 0), store_column_str(s, 9));
	}
	return store_match_done(st, s, rc, err);
}

static enum ur_status
load_aliases(struct store *st, struct match_index *ix, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st,
		"SELECT payer_key, remit_bank, remit_branch, payer_code, customer_id, count"
		" FROM payer_alias WHERE +company_id = " STORE_COMPANY, err);
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW) {
		struct match_alias a = {
			store_column_str(s, 0), store_column_str(s, 1), store_column_str(s, 2),
			store_column_str(s, 3), db_column_int64(s, 4),
			db_column_int64(s, 5)
		};

		match_index_add_alias(ix, &a);
	}
	return store_match_done(st, s, rc, err);
}

static enum ur_status
load_invoices(struct store *st, struct match_index *ix, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st,
		"SELECT id, number, customer_id, issue_date, due_date, amount - paid, currency, amount"
		" FROM invoice NOT INDEXED WHERE amount <> paid AND +company_id = " STORE_COMPANY, err);
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW)
		match_index_add_billed(ix, db_column_int64(s, 0), store_column_str(s, 1),
				       db_column_int64(s, 2), store_column_date(s, 3),
				       store_column_date(s, 4), db_column_int64(s, 5),
				       db_column_int64(s, 7), store_column_str(s, 6));
	return store_match_done(st, s, rc, err);
}

void
store_match_closing(struct match_index *ix, int64_t customer_id, const char *terms)
{
	struct terms t;

	if (terms_parse(terms, &t, NULL) == UR_OK && t.kind == TERMS_CLOSE)
		match_index_set_closing(ix, customer_id, t.close_day);
}

/* Each customer's usual lateness, from its confirmed payments: the
 * median of the days from due date to deposit, so that a disputed invoice
 * paid months late at last does not move it; none when they spread. */
#define LATENESS_SQL(WHERE)                                                      \
	"SELECT a.customer_id,"                                                  \
	" " SQL_DAYS_BETWEEN("i.due_date", "d.booking_date") " AS late"          \
	" FROM allocation a JOIN deposit d ON d.id = a.deposit_id"               \
	" JOIN invoice i ON i.id = a.invoice_id WHERE a.voided_at IS NULL"         \
	" AND +a.company_id = " STORE_COMPANY WHERE                                  \
	" ORDER BY a.customer_id, late NULLS FIRST"

struct lateness {
	int64_t customer_id;
	int *days;
	int n, cap;
};

#define LATENESS_SPREAD 30 /* days between the quartiles of a habit worth the name */

/* A customer whose payments are erratic has no usual lateness. */
static void
lateness_flush(struct match_index *ix, struct lateness *l)
{
	if (l->n && l->days[3 * l->n / 4] - l->days[l->n / 4] <= LATENESS_SPREAD)
		match_index_set_lateness(ix, l->customer_id, l->days[l->n / 2], l->n);
	l->n = 0;
}

/* sql_one (bound to customer_id) or, for every customer, sql_all. */
static struct db_stmt *
per_customer(struct store *st, const char *sql_all, const char *sql_one, int64_t customer_id,
	     struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, customer_id ? sql_one : sql_all, err);

	if (s && customer_id)
		db_bind_int64(s, 1, customer_id);
	return s;
}

static enum ur_status
store_match_lateness(struct store *st, struct match_index *ix, int64_t customer_id,
		     struct ur_err *err)
{
	struct db_stmt *s = per_customer(st, LATENESS_SQL(""),
					 LATENESS_SQL(" AND a.customer_id = ?1"), customer_id, err);
	struct lateness l = { 0, NULL, 0, 0 };
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW) {
		if (db_column_int64(s, 0) != l.customer_id)
			lateness_flush(ix, &l);
		l.customer_id = db_column_int64(s, 0);
		if (l.n == l.cap)
			l.days = xrealloc(l.days, (size_t)(l.cap = l.cap ? 2 * l.cap : 16) *
							  sizeof *l.days);
		l.days[l.n++] = db_column_int(s, 1);
	}
	lateness_flush(ix, &l);
	free(l.days);
	return store_match_done(st, s, rc, err);
}

/* Each confirmed payment that deducted something (a fee, a discount,
 * small change), oldest first: what it deducted, cleared of invoices
 * (gross of credit slips, and net), and paid for them (a transfer for
 * several customers counts each one's share). */
#define HABITS_SQL(WHERE) \
	"SELECT a.customer_id, sum(a.fee)," \
	" sum(CASE WHEN a.amount + a.fee > 0 THEN a.amount + a.fee ELSE 0 END)," \
	" sum(a.amount + a.fee), sum(a.amount)" \
	" FROM allocation a JOIN deposit d ON d.id = a.deposit_id" \
	" WHERE a.voided_at IS NULL AND a.invoice_id IS NOT NULL" \
	" AND +a.company_id = " STORE_COMPANY WHERE \
	" GROUP BY a.deposit_id, a.customer_id HAVING sum(a.fee) > 0 ORDER BY a.deposit_id"

static enum ur_status
store_match_habits(struct store *st, struct match_index *ix, int64_t customer_id,
		   struct ur_err *err)
{
	struct db_stmt *s = per_customer(st, HABITS_SQL(""), HABITS_SQL(" AND a.customer_id = ?1"),
					 customer_id, err);
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW)
		match_index_learn_deduction(ix, db_column_int64(s, 0),
					    db_column_int64(s, 1), db_column_int64(s, 2),
					    db_column_int64(s, 3), db_column_int64(s, 4));
	return store_match_done(st, s, rc, err);
}

/* Each manual confirmation that cleared an invoice whole while others of
 * its customer of the same amount were open (issued by then, not paid
 * before nor by the same deposit): the deposit's date and the due dates. */
#define TIES_SQL(WHERE) \
	"SELECT a.id, a.customer_id, d.booking_date, i.due_date, j.due_date" \
	" FROM allocation a JOIN deposit d ON d.id = a.deposit_id" \
	" JOIN invoice i ON i.id = a.invoice_id" \
	" JOIN invoice j ON j.customer_id = i.customer_id AND j.currency = i.currency" \
	"  AND j.amount = i.amount AND j.id <> i.id AND j.issue_date <= d.booking_date" \
	" WHERE a.kind = 'manual' AND a.voided_at IS NULL AND a.amount + a.fee = i.amount" \
	" AND +a.company_id = " STORE_COMPANY WHERE \
	" AND NOT EXISTS (SELECT 1 FROM allocation b JOIN deposit e ON e.id = b.deposit_id" \
	"  WHERE b.invoice_id = j.id AND b.voided_at IS NULL" \
	"  AND (e.booking_date < d.booking_date OR e.id = d.id))" \
	" ORDER BY a.id"

#define TIE_OTHERS 16 /* open invoices of the same amount a tie weighs */

struct tie {
	int64_t alloc_id, customer_id;
	int32_t paid_on, chosen_due, other_due[TIE_OTHERS];
	int n;
};

static void
tie_flush(struct match_index *ix, struct tie *t)
{
	if (t->n)
		match_index_learn_tie(ix, t->customer_id, t->paid_on, t->chosen_due,
				      t->other_due, t->n);
	t->n = 0;
}

static enum ur_status
store_match_ties(struct store *st, struct match_index *ix, int64_t customer_id,
		 struct ur_err *err)
{
	struct db_stmt *s = per_customer(st, TIES_SQL(""), TIES_SQL(" AND a.customer_id = ?1"),
					 customer_id, err);
	struct tie t = { 0 };
	int rc;

	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW) {
		if (db_column_int64(s, 0) != t.alloc_id)
			tie_flush(ix, &t);
		t.alloc_id = db_column_int64(s, 0);
		t.customer_id = db_column_int64(s, 1);
		t.paid_on = store_column_date(s, 2);
		t.chosen_due = store_column_date(s, 3);
		if (t.n < TIE_OTHERS)
			t.other_due[t.n++] = store_column_date(s, 4);
	}
	tie_flush(ix, &t);
	return store_match_done(st, s, rc, err);
}

enum ur_status
store_match_learned(struct store *st, struct match_index *ix, int64_t customer_id,
		    struct ur_err *err)
{
	enum ur_status rc = store_match_lateness(st, ix, customer_id, err);

	if (rc == UR_OK)
		rc = store_match_habits(st, ix, customer_id, err);
	return rc == UR_OK ? store_match_ties(st, ix, customer_id, err) : rc;
}

enum ur_status
store_fee_limit(struct store *st, int64_t customer_id, const struct ar_settings *s,
		const char *cur, int64_t *out, struct ur_err *err)
{
	struct db_stmt *q = store_prepare(st, "SELECT code, coalesce(fee_policy, '') FROM customer"
					      " WHERE id = ?1 AND +company_id = " STORE_COMPANY, err);
	struct match_index *ix;
	struct match_fee_policy fee;
	enum ur_status rc;
	int64_t own;
	int step;

	if (!q)
		return UR_FAIL;
	db_bind_int64(q, 1, customer_id);
	ix = match_index_new();
	if ((step = db_step(q)) == DB_ROW) {
		const char *pol = store_column_str(q, 1);
		int custom = *pol && match_fee_parse(pol, cur, &fee, NULL) == UR_OK;

		match_index_add_customer(ix, customer_id, store_column_str(q, 0), "", "", "", cur,
					 custom ? &fee : NULL);
		step = db_step(q);
	}
	rc = store_match_done(st, q, step, err);
	if (rc == UR_OK)
		rc = store_match_habits(st, ix, customer_id, err);
	own = match_index_fee_max(ix, customer_id);
	match_index_free(ix);
	*out = own > arconf_fee_limit(s, cur) ? own : arconf_fee_limit(s, cur);
	return rc;
}

static enum ur_status
load_virtual(struct store *st, struct match_index *ix, struct ur_err *err)
{
	struct db_stmt *s;
	int rc;

	if (!store_has_table(st, "virtual_account", NULL))
		return UR_OK;
	if (!(s = store_prepare(st, "SELECT acct_number, customer_id FROM virtual_account"
				       " WHERE +company_id = " STORE_COMPANY,
				   err)))
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW)
		match_index_add_virtual(ix, store_column_str(s, 0), db_column_int64(s, 1));
	return store_match_done(st, s, rc, err);
}

enum ur_status
store_match_load(struct store *st, struct match_index *ix, struct ur_err *err)
{
	enum ur_status rc;

	if ((rc = load_customers(st, ix, err)) != UR_OK ||
	    (rc = load_aliases(st, ix, err)) != UR_OK ||
	    (rc = load_invoices(st, ix, err)) != UR_OK ||
	    (rc = store_match_learned(st, ix, 0, err)) != UR_OK ||
	    (rc = load_virtual(st, ix, err)) != UR_OK ||
	    (rc = store_billed_load(st, ix, 0, err)) != UR_OK)
		return rc;
	match_index_finish(ix);
	return UR_OK;
}

/* The columns dep_row reads: the payer's first, then these (DEP_*). */
#define DEP_COLS \
	"SELECT " STORE_PAYER_COLS "id, reference, booking_date, amount, currency, state" \
	" FROM deposit"
enum { DEP_ID = STORE_PAYER_N, DEP_REF, DEP_DATE, DEP_AMOUNT, DEP_CURRENCY, DEP_STATE };

static const char *
keep_str(struct store_match_deposits *l, char *str)
{
	if ((l->nstrs & (l->nstrs + 1)) == 0)
		l->strs = xrealloc(l->strs, (l->nstrs * 2 + 2) * sizeof *l->strs);
	return l->strs[l->nstrs++] = str;
}

static void
dep_row(struct store_match_deposits *l, struct db_stmt *s)
{
	struct match_deposit *d;

	if ((l->n & (l->n + 1)) == 0)
		l->d = xrealloc(l->d, (l->n * 2 + 2) * sizeof *l->d);
	d = &l->d[l->n++];
	d->id = db_column_int64(s, DEP_ID);
	d->reference = keep_str(l, xstrdup(store_column_str(s, DEP_REF)));
	d->date = store_column_date(s, DEP_DATE);
	d->amount = db_column_int64(s, DEP_AMOUNT);
	d->currency = keep_str(l, xstrdup(store_column_str(s, DEP_CURRENCY)));
	store_column_payer(s, 0, &d->payer);
	keep_str(l, store_payer_dup(&d->payer));
	d->earlier = NULL;
	d->nearlier = 0;
}

enum ur_status
store_match_unmatched(struct store *st, struct store_match_deposits *out, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, DEP_COLS " WHERE state = 'unmatched'"
						" AND +company_id = " STORE_COMPANY
							" ORDER BY booking_date, id", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return UR_FAIL;
	while ((rc = db_step(s)) == DB_ROW)
		dep_row(out, s);
	return store_match_done(st, s, rc, err);
}

enum ur_status
store_match_deposit_get(struct store *st, const char *ref, struct store_match_deposits *out,
			enum deposit_state *state, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, DEP_COLS " WHERE reference = ?1"
						" AND +company_id = " STORE_COMPANY " LIMIT 2",
					  err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!s)
		return UR_FAIL;
	db_bind_text(s, 1, ref);
	while ((rc = db_step(s)) == DB_ROW) {
		dep_row(out, s);
		*state = store_column_state(s, DEP_STATE);
	}
	if ((rc = store_match_done(st, s, rc, err)) != UR_OK)
		return rc;
	if (out->n == 1)
		return UR_OK;
	if (out->n == 0)
		return ur_fail(err, UR_INPUT, _("no deposit with reference %s"), ref);
	return ur_fail(err, UR_INPUT, _("several deposits have reference %s"), ref);
}

void
store_match_deposits_free(struct store_match_deposits *l)
{
	for (size_t i = 0; i < l->nstrs; i++)
		free(l->strs[i]);
	free(l->strs);
	free(l->d);
	memset(l, 0, sizeof *l);
}

enum ur_status
store_match_bulk(struct store *st, struct ur_err *err)
{
	int rc = db_tune_bulk(st->db);

	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	return store_match_set_mark(st, err);
}

/* Savepoints let a confirmation run alone or inside a caller's batch. */
enum ur_status
store_match_tx_begin(struct store *st, int *own, struct ur_err *err)
{
	int rc;

	*own = !st->in_tx;
	if (*own)
		return store_begin(st, err);
	rc = db_savepoint(st->db, "store_match");
	return rc == DB_OK ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_match_tx_end(struct store *st, int own, enum ur_status rc, struct ur_err *err)
{
	int db_rc;

	if (own)
		return rc == UR_OK ? store_commit(st, err) : (store_rollback(st), rc);
	/* the release answers for the queued writes too (db_step_write): one
	 * that failed fails this confirmation alone, as it would have at once */
	if (rc == UR_OK && (db_rc = db_release(st->db, "store_match")) == DB_OK)
		return UR_OK;
	if (rc == UR_OK)
		rc = store_sqlfail(st, db_rc, err);
	db_rollback_to(st->db, "store_match");
	db_release(st->db, "store_match");
	return rc;
}

/* A credit slip offsets only its own customer's invoices: UR_INPUT when a
 * customer's credit slips exceed what its invoices in p clear. */
static enum ur_status
credits_own(const struct match_proposal *p, struct ur_err *err)
{
	for (int i = 0; i < p->nlines; i++) {
		int64_t net = 0;

		if (p->line[i].cleared >= 0)
			continue;
		for (int k = 0; k < p->nlines; k++)
			if (match_line_customer(p, k) == match_line_customer(p, i))
				net += p->line[k].cleared;
		if (net < 0)
			return ur_fail(err, UR_INPUT, _("credit slip %s offsets more than its customer's "
							"invoices in this match"),
				       p->line[i].number ? p->line[i].number : "");
	}
	return UR_OK;
}

/* UR_INPUT unless the lines' cash plus on_account is the deposit's amount. */
static enum ur_status
confirm_check(const struct match_deposit *d, const struct match_proposal *p,
	      struct ur_err *err)
{
	int64_t cash = p->on_account, credit = 0, diff;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ];
	enum ur_status rc;

	for (int i = 0; i < p->nlines; i++) {
		const struct match_line *l = &p->line[i];

		if (l->fee < 0 || (l->cleared < 0 ? l->fee != 0 : l->fee > l->cleared) ||
		    !money_add(cash, l->cleared - l->fee, &cash))
			return ur_fail(err, UR_INPUT, _("invoice %s: bad amount or fee"),
				       l->number ? l->number : "");
		credit += l->cleared < 0 ? l->cleared : 0;
	}
	if (p->on_account < 0)
		return ur_fail(err, UR_INPUT, _("money on account cannot be negative"));
	if (credit && cash - p->on_account <= 0) {
		money_format(-credit, d->currency, MONEY_GROUP, a, sizeof a);
		return ur_fail(err, UR_INPUT, _("the credit slips (%s) are larger than the invoices "
						"they are set against: nothing would be paid"), a);
	}
	if (credit && (rc = credits_own(p, err)) != UR_OK)
		return rc;
	if (cash == d->amount)
		return UR_OK;
	diff = cash - d->amount;
	money_format(cash, d->currency, MONEY_GROUP, a, sizeof a);
	money_format(d->amount, d->currency, MONEY_GROUP, b, sizeof b);
	money_format(diff < 0 ? -diff : diff, d->currency, MONEY_GROUP, c, sizeof c);
	return ur_fail(err, UR_INPUT,
		       diff < 0 ? _("cleared − fee + on account = %s, but the deposit is %s: "
				    "%s short")
				: _("cleared − fee + on account = %s, but the deposit is %s: "
				    "%s too much"), a, b, c);
}

struct allocation
store_match_row(const struct match_deposit *d, const struct match_proposal *p, int i,
		enum alloc_kind kind)
{
	struct allocation a = { d->id, 0, p->customer_id, 0, 0, kind, d->date, 0 };

	if (i == p->nlines) {
		a.amount = p->on_account;
		return a;
	}
	a.invoice_id = p->line[i].invoice_id;
	a.customer_id = match_line_customer(p, i);
	a.amount = p->line[i].cleared - p->line[i].fee;
	a.fee = p->line[i].fee;
	return a;
}

static enum ur_status
confirm_rows(struct store *st, const struct match_deposit *d, const struct match_proposal *p,
	     enum alloc_kind kind, bool checked, struct ur_err *err)
{
	enum ur_status rc = UR_OK;
	int64_t id;

	for (int i = 0; i <= p->nlines && rc == UR_OK; i++) {
		struct allocation a = store_match_row(d, p, i, kind);
		bool rest = i == p->nlines; /* the on-account row's invoice is not checked */

		if (rest && p->on_account <= 0)
			break;
		rc = (checked && !rest ? store_allocation_insert_prechecked
				       : store_allocation_insert)(st, &a, &id, err);
	}
	return rc;
}

/* A clerk's confirmation teaches the payer: its customer, and every other
 * customer whose invoices it paid too (an agent or a parent paying for
 * several). */
static enum ur_status
learn_customers(struct store *st, const struct match_deposit *d, const struct match_proposal *p,
		struct ur_err *err)
{
	enum ur_status rc = store_alias_learn(st, d, p->customer_id, 1, err);

	for (int i = 0; i < p->nlines && rc == UR_OK; i++)
		if (match_line_first_of_customer(p, i) && match_line_customer(p, i) != p->customer_id)
			rc = store_alias_learn(st, d, match_line_customer(p, i), 1, err);
	return rc;
}

/* The writes of a confirmation, inside a transaction or savepoint. */
static enum ur_status
confirm_writes(struct store *st, const struct match_deposit *d, const struct match_proposal *p,
	       enum alloc_kind kind, struct ur_err *err)
{
	enum ur_status rc;

	rc = store_deposit_set_state(st, d->id, DEPOSIT_UNMATCHED, DEPOSIT_MATCHED, p->customer_id,
				     NULL, err);
	if (rc == UR_OK)
		rc = confirm_rows(st, d, p, kind, false, err);
	if (rc == UR_OK && kind == ALLOC_MANUAL)
		rc = learn_customers(st, d, p, err);
	return rc;
}

enum ur_status
store_match_confirm(struct store *st, const struct match_deposit *d,
		    const struct match_proposal *p, enum alloc_kind kind, struct ur_err *err)
{
	enum ur_status rc;
	int own;

	if ((rc = confirm_check(d, p, err)) != UR_OK)
		return rc;
	if ((rc = store_match_tx_begin(st, &own, err)) != UR_OK)
		return rc;
	return store_match_tx_end(st, own, confirm_writes(st, d, p, kind, err), err);
}

struct store_match_batch {
	struct store *st;
	struct db_stmt *open; /* an invoice's open amount */
	struct match_set *set; /* the batch's confirmations, when gathered */
};

struct store_match_batch *
store_match_batch_new(struct store *st, struct ur_err *err)
{
	struct store_match_batch *b = xcalloc(1, sizeof *b);

	b->st = st;
	b->set = store_match_set_new(st);
	b->open = store_prepare(st, "SELECT amount - paid, number, currency FROM invoice"
				       " WHERE id = ?1 AND +company_id = " STORE_COMPANY, err);
	if (!b->open) {
		store_match_batch_free(b);
		return NULL;
	}
	return b;
}

void
store_match_batch_free(struct store_match_batch *b)
{
	if (!b)
		return;
	db_finalize(b->open);
	store_match_set_free(b->set);
	free(b);
}

enum ur_status
store_match_batch_begin(struct store_match_batch *b, struct ur_err *err)
{
	return store_match_set_begin(b->set, err);
}

enum ur_status
store_match_batch_end(struct store_match_batch *b, struct ur_err *err)
{
	return store_match_set_end(b->set, err);
}

/* What p's lines clear of invoice id, fees included. */
static int64_t
clears(const struct match_proposal *p, int64_t id)
{
	int64_t sum = 0;

	for (int i = 0; i < p->nlines; i++)
		if (p->line[i].invoice_id == id)
			sum += p->line[i].cleared;
	return sum;
}

/* UR_CONFLICT when invoice id has less than want open (another clerk
 * paid it meanwhile), UR_INPUT when it is gone. */
static enum ur_status
batch_open(struct store_match_batch *b, int64_t id, int64_t want, struct ur_err *err)
{
	char a[MONEY_BUFSZ], c[MONEY_BUFSZ];
	struct db_stmt *s = b->open;
	enum ur_status st = UR_OK;
	int rc;

	db_bind_int64(s, 1, id);
	rc = db_step(s);
	if (rc == DB_ROW && (want > 0 ? want > db_column_int64(s, 0)
					   : want < db_column_int64(s, 0))) {
		money_format(db_column_int64(s, 0), store_column_str(s, 2), MONEY_GROUP, a,
			     sizeof a);
		money_format(want, store_column_str(s, 2), MONEY_GROUP, c, sizeof c);
		st = ur_fail(err, UR_CONFLICT,
			     _("invoice %s has only %s open, not %s: another user may have "
			       "changed it"), store_column_str(s, 1), a, c);
	} else if (rc == DB_DONE) {
		st = ur_fail(err, UR_INPUT, _("no invoice with id %" PRId64), id);
	} else if (rc != DB_ROW) {
		st = store_sqlfail(b->st, rc, err);
	}
	db_reset(s);
	return st;
}

/* Everything that may make p fail, checked before its first write. */
static enum ur_status
batch_check(struct store_match_batch *b, const struct match_deposit *d,
	    const struct match_proposal *p, struct ur_err *err)
{
	enum ur_status rc = confirm_check(d, p, err);

	for (int i = 0; i < p->nlines && rc == UR_OK; i++)
		if (p->line[i].invoice_id && clears(p, p->line[i].invoice_id) != 0)
			rc = batch_open(b, p->line[i].invoice_id,
					clears(p, p->line[i].invoice_id), err);
	return rc;
}

/* No savepoint: whatever can conflict is checked first and the state
 * change (which fails alone when another clerk matched the deposit) is
 * the first write, so a conflict writes nothing; a failure after it is
 * not a conflict but the batch's end (the caller rolls it back). */
enum ur_status
store_match_batch_confirm(struct store_match_batch *b, const struct match_deposit *d,
			  const struct match_proposal *p, enum alloc_kind kind, struct ur_err *err)
{
	enum ur_status rc;

	if (store_match_set_fast(b->set) && kind == ALLOC_AUTO)
		return (rc = confirm_check(d, p, err)) == UR_OK ? store_match_set_add(b->set, d, p, err)
								: rc;
	if ((rc = batch_check(b, d, p, err)) != UR_OK ||
	    (rc = store_deposit_set_state(b->st, d->id, DEPOSIT_UNMATCHED, DEPOSIT_MATCHED,
					  p->customer_id, NULL, err)) != UR_OK)
		return rc;
	rc = confirm_rows(b->st, d, p, kind, true, err);
	if (rc == UR_OK && kind == ALLOC_MANUAL)
		rc = learn_customers(b->st, d, p, err);
	if (rc == UR_CONFLICT && err)
		err->status = UR_FAIL;
	return rc == UR_CONFLICT ? UR_FAIL : rc;
}

enum ur_status
store_match_deposit_state(struct store *st, int64_t deposit_id, enum deposit_state *state,
			  struct match_deposit *d, struct store_match_deposits *l, struct ur_err *err)
{
	struct db_stmt *s =
		store_prepare(st, DEP_COLS " WHERE id = ?1 AND +company_id = " STORE_COMPANY, err);
	int rc;

	memset(l, 0, sizeof *l);
	if (!s)
		return UR_FAIL;
	db_bind_int64(s, 1, deposit_id);
	if ((rc = db_step(s)) == DB_ROW) {
		*state = store_column_state(s, DEP_STATE);
		dep_row(l, s);
		*d = l->d[0];
		rc = DB_DONE;
	} else if (rc == DB_DONE) {
		db_finalize(s);
		return ur_fail(err, UR_INPUT, _("no deposit with id %" PRId64), deposit_id);
	}
	return store_match_done(st, s, rc, err);
}
