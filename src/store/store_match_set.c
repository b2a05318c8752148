/* store_match_set: match --auto's confirmations on PostgreSQL written
 * set-based. A batch whose transaction finds the newest audit id where the
 * run left it (nobody else has committed a change since the run read its
 * deposits and invoices, or since its last batch) would pass every check of
 * store_match_batch_confirm, each a round trip: its confirmations are only
 * gathered, then written a thousand deposits at a time and at the batch's
 * end (a failure kept and reported there) — one UPDATE of the deposits'
 * states, one of the invoices' paid amounts (each checking what it
 * expects), the allocations and fees under ids reserved in one query, and
 * every audit row as store_match_batch_confirm writes it, in its order, as
 * multi-row INSERTs (store_pg_pipe.c). Any other batch — and every batch
 * after it, as the run's view is stale from then on; every batch of a login
 * that may not take ids from the sequences; SQLite — confirms deposit by
 * deposit (doc/store-dialects.md, section 6). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "store_match_priv.h"
#include "xalloc.h"

struct set_dep {
	int64_t id, customer_id;
	size_t first, n; /* its allocations in rows */
};

/* A batch's gathered confirmations are written every this many deposits:
 * their inserts wait in the pipeline, so the server runs them while the
 * engine works on the next deposits (two cores, not one after the other). */
#define SET_FLUSH_DEPS 1000

struct match_set {
	struct store *st;
	bool fast; /* this batch's confirmations are gathered */
	struct ur_err failed; /* a write of this batch failed (status not UR_OK):
			       * reported at its end, as when all was written there */
	struct set_dep *dep;
	size_t ndep, capdep;
	struct allocation *row;
	size_t nrow, caprow, nfee;
};

/* The newest audit id: every change a clerk makes writes one. */
static enum ur_status
newest_audit(struct store *st, int64_t *id, struct ur_err *err)
{
	return store_one_int64(st, "SELECT coalesce(max(id), 0) FROM audit", id, err);
}

/* May this login take ids from allocation's and adjustment's sequences
 * (reserve)? A database made before clerks were granted them may not. */
static enum ur_status
may_reserve(struct store *st, bool *may, struct ur_err *err)
{
	int64_t v = 0;
	enum ur_status rc = store_one_int64(
		st, "SELECT CASE WHEN has_sequence_privilege(pg_get_serial_sequence('allocation',"
		    " 'id'), 'USAGE') AND has_sequence_privilege(pg_get_serial_sequence("
		    "'adjustment', 'id'), 'USAGE') THEN 1 ELSE 0 END", &v, err);

	*may = v != 0;
	return rc;
}

enum ur_status
store_match_set_mark(struct store *st, struct ur_err *err)
{
	enum ur_status rc;
	bool may = false;

	st->match_marked = false;
	if (!db_is_pg(st->db)) /* SQLite's statements cost no round trip */
		return UR_OK;
	if ((rc = may_reserve(st, &may, err)) != UR_OK || !may)
		return rc;
	if ((rc = newest_audit(st, &st->match_mark, err)) == UR_OK)
		st->match_marked = true;
	return rc;
}

struct match_set *
store_match_set_new(struct store *st)
{
	struct match_set *m = xcalloc(1, sizeof *m);

	m->st = st;
	return m;
}

void
store_match_set_free(struct match_set *m)
{
	if (!m)
		return;
	free(m->dep);
	free(m->row);
	free(m);
}

enum ur_status
store_match_set_begin(struct match_set *m, struct ur_err *err)
{
	int64_t newest;
	enum ur_status rc;

	m->fast = false;
	m->failed.status = UR_OK;
	m->ndep = m->nrow = m->nfee = 0;
	if (!m->st->match_marked)
		return UR_OK;
	if ((rc = newest_audit(m->st, &newest, err)) != UR_OK)
		return rc;
	m->fast = newest == m->st->match_mark;
	return UR_OK;
}

bool
store_match_set_fast(const struct match_set *m)
{
	return m && m->fast;
}

static void
row_add(struct match_set *m, const struct allocation *a)
{
	if (m->nrow == m->caprow) {
		m->caprow = m->caprow ? 2 * m->caprow : 256;
		m->row = xrealloc(m->row, m->caprow * sizeof *m->row);
	}
	m->row[m->nrow++] = *a;
	m->nfee += a->fee != 0;
}

static enum ur_status set_flush(struct match_set *m, struct ur_err *err);

enum ur_status
store_match_set_add(struct match_set *m, const struct match_deposit *d,
		    const struct match_proposal *p, struct ur_err *err)
{
	size_t first = m->nrow;
	enum ur_status rc = UR_OK;

	if (m->failed.status != UR_OK) /* the batch is rolled back at its end */
		return UR_OK;
	for (int i = 0; i <= p->nlines && rc == UR_OK; i++) {
		struct allocation a = store_match_row(d, p, i, ALLOC_AUTO);

		if (i == p->nlines && p->on_account <= 0) /* no money held on account */
			break;
		if ((rc = store_allocation_check(m->st, &a, err)) == UR_OK)
			row_add(m, &a);
	}
	if (rc != UR_OK) { /* refused: gather none of it */
		while (m->nrow > first)
			m->nfee -= m->row[--m->nrow].fee != 0;
		return rc;
	}
	if (m->ndep == m->capdep) {
		m->capdep = m->capdep ? 2 * m->capdep : 256;
		m->dep = xrealloc(m->dep, m->capdep * sizeof *m->dep);
	}
	m->dep[m->ndep++] = (struct set_dep){ d->id, p->customer_id, first, m->nrow - first };
	if (m->ndep >= SET_FLUSH_DEPS)
		set_flush(m, &m->failed);
	return UR_OK;
}

/* What a batch finds when the rows it gathered for are not as it expects:
 * only a change that wrote no audit row can do that. */
static enum ur_status
changed(struct ur_err *err)
{
	return ur_fail(err, UR_CONFLICT,
		       _("deposits or invoices changed while match --auto ran, with no audit "
			 "row: nothing of this batch was written; run it again"));
}

/* An int64 array literal for PostgreSQL: "{1,2,3}". */
static void
array_add(struct strbuf *sb, int64_t v)
{
	char num[24];

	snprintf(num, sizeof num, "%" PRId64, v);
	sb_addc(sb, sb->len ? ',' : '{');
	sb_adds(sb, num);
}

static const char *
array_end(struct strbuf *sb)
{
	if (!sb->len)
		sb_addc(sb, '{');
	sb_addc(sb, '}');
	return sb->buf;
}

/* Run the set-based statement sql on the arrays a and b (and, for the
 * deposits' states, the new state and the expected one); UR_OK when it
 * changed exactly want rows, else a conflict that rolls the batch back. */
static enum ur_status
set_update(struct match_set *m, const char *sql, struct strbuf *a, struct strbuf *b,
	   bool states, int64_t want, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(m->st, sql, err);
	enum ur_status rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, array_end(a));
	db_bind_text(s, 2, array_end(b));
	if (states) {
		db_bind_text(s, 3, deposit_state_word(DEPOSIT_MATCHED));
		db_bind_text(s, 4, deposit_state_word(DEPOSIT_UNMATCHED));
	}
	rc = store_step_done(m->st, s, err);
	if (rc == UR_OK && db_changes(m->st->db) != want)
		rc = changed(err);
	store_keep(m->st, s);
	return rc;
}

static enum ur_status
set_states(struct match_set *m, struct ur_err *err)
{
	static const char sql[] =
		"UPDATE deposit SET state = ?3, customer_id = NULLIF(v.c, 0), park_reason = NULL"
		" FROM (SELECT unnest(CAST(?1 AS bigint[])) AS id,"
		" unnest(CAST(?2 AS bigint[])) AS c) AS v"
		" WHERE deposit.id = v.id AND deposit.state = ?4"
		" AND deposit.company_id = " STORE_COMPANY;
	struct strbuf ids, custs;
	enum ur_status rc;

	sb_init(&ids);
	sb_init(&custs);
	for (size_t i = 0; i < m->ndep; i++) {
		array_add(&ids, m->dep[i].id);
		array_add(&custs, m->dep[i].customer_id);
	}
	rc = set_update(m, sql, &ids, &custs, true, (int64_t)m->ndep, err);
	sb_free(&ids);
	sb_free(&custs);
	return rc;
}

struct cleared {
	int64_t invoice_id, amount;
};

static int
cleared_cmp(const void *a, const void *b)
{
	const struct cleared *x = a, *y = b;

	return (x->invoice_id > y->invoice_id) - (x->invoice_id < y->invoice_id);
}

/* Each invoice's paid amount grows by what the batch clears of it, which
 * must still be open (store_match_batch_confirm's check, for the sum). */
static enum ur_status
set_paid(struct match_set *m, struct ur_err *err)
{
	static const char sql[] =
		"UPDATE invoice SET paid = paid + v.amt"
		" FROM (SELECT unnest(CAST(?1 AS bigint[])) AS id,"
		" unnest(CAST(?2 AS bigint[])) AS amt) AS v"
		" WHERE invoice.id = v.id AND invoice.company_id = " STORE_COMPANY
		" AND (v.amt = 0 OR (v.amt > 0 AND v.amt <= invoice.amount - invoice.paid)"
		" OR (v.amt < 0 AND v.amt >= invoice.amount - invoice.paid))";
	struct cleared *c = xmalloc((m->nrow + 1) * sizeof *c);
	struct strbuf ids, amts;
	size_t n = 0, k = 0, invoices = 0;
	enum ur_status rc;

	for (size_t i = 0; i < m->nrow; i++)
		if (m->row[i].invoice_id)
			c[n++] = (struct cleared){ m->row[i].invoice_id,
						   m->row[i].amount + m->row[i].fee };
	qsort(c, n, sizeof *c, cleared_cmp);
	sb_init(&ids);
	sb_init(&amts);
	for (size_t i = 0; i < n; i = k) {
		int64_t sum = 0;

		for (k = i; k < n && c[k].invoice_id == c[i].invoice_id; k++)
			sum += c[k].amount;
		array_add(&ids, c[i].invoice_id);
		array_add(&amts, sum);
		invoices++;
	}
	rc = set_update(m, sql, &ids, &amts, false, (int64_t)invoices, err);
	free(c);
	sb_free(&ids);
	sb_free(&amts);
	return rc;
}

/* n ids of table's identity, in order, into ids. */
static enum ur_status
reserve(struct match_set *m, const char *table, size_t n, int64_t *ids, struct ur_err *err)
{
	struct db_stmt *s;
	size_t got = 0;
	int rc;

	if (!n)
		return UR_OK;
	if (!(s = store_prepare(m->st, "SELECT nextval(pg_get_serial_sequence(?1, 'id'))"
				       " FROM generate_series(1, CAST(?2 AS integer))", err)))
		return store_status(err);
	db_bind_text(s, 1, table);
	db_bind_int64(s, 2, (int64_t)n);
	while ((rc = db_step(s)) == DB_ROW && got < n)
		ids[got++] = db_column_int64(s, 0);
	store_keep(m->st, s);
	if (rc != DB_DONE && rc != DB_ROW)
		return store_sqlfail(m->st, rc, err);
	return got == n ? UR_OK : changed(err);
}

/* The fee adjustment booked with allocation row a. */
static struct adjustment
fee_of(const struct allocation *a, int64_t alloc_id)
{
	return (struct adjustment){ a->invoice_id, "fee", a->fee, a->alloc_date, alloc_id };
}

/* The allocations and fees (queued, gathered into multi-row INSERTs),
 * then every audit row in store_match_batch_confirm's order: a deposit's
 * state, then each allocation's fee and the allocation. */
static enum ur_status
set_rows(struct match_set *m, const int64_t *alloc_id, const int64_t *adj_id,
	 struct ur_err *err)
{
	struct store *st = m->st;
	enum ur_status rc = UR_OK;
	size_t f = 0;

	for (size_t i = 0; i < m->nrow && rc == UR_OK; i++)
		rc = store_allocation_insert_at(st, &m->row[i], alloc_id[i], err);
	for (size_t i = 0; i < m->nrow && rc == UR_OK; i++)
		if (m->row[i].fee) {
			struct adjustment adj = fee_of(&m->row[i], alloc_id[i]);

			rc = store_adjustment_insert_at(st, &adj, adj_id[f++], err);
		}
	f = 0;
	for (size_t k = 0; k < m->ndep && rc == UR_OK; k++) {
		const struct set_dep *d = &m->dep[k];

		rc = store_deposit_state_audit(st, d->id, DEPOSIT_UNMATCHED, DEPOSIT_MATCHED,
					       d->customer_id, NULL, err);
		for (size_t i = d->first; i < d->first + d->n && rc == UR_OK; i++) {
			struct adjustment adj = fee_of(&m->row[i], alloc_id[i]);

			if (m->row[i].fee && (rc = store_adjustment_audit(st, &adj, adj_id[f++],
									  err)) != UR_OK)
				break;
			rc = store_allocation_audit(st, &m->row[i], alloc_id[i], err);
		}
	}
	return rc;
}

/* Write what the batch gathered: the checks first (the states, the open
 * amounts), so the invoices' rows are this transaction's before the
 * inserts' foreign keys lock them. */
static enum ur_status
set_flush(struct match_set *m, struct ur_err *err)
{
	int64_t *alloc_id = xmalloc((m->nrow + 1) * sizeof *alloc_id);
	int64_t *adj_id = xmalloc((m->nfee + 1) * sizeof *adj_id);
	enum ur_status rc;

	if ((rc = set_states(m, err)) == UR_OK && (rc = set_paid(m, err)) == UR_OK &&
	    (rc = reserve(m, "allocation", m->nrow, alloc_id, err)) == UR_OK &&
	    (rc = reserve(m, "adjustment", m->nfee, adj_id, err)) == UR_OK)
		rc = set_rows(m, alloc_id, adj_id, err);
	free(alloc_id);
	free(adj_id);
	m->ndep = m->nrow = m->nfee = 0;
	return rc;
}

enum ur_status
store_match_set_end(struct match_set *m, struct ur_err *err)
{
	enum ur_status rc = m->failed.status;

	if (rc != UR_OK) {
		if (err)
			*err = m->failed;
	} else if (m->fast && m->ndep) {
		rc = set_flush(m, err);
	}
	/* After another clerk's commit the run's deposits and invoices are
	 * stale for good: the rest confirms deposit by deposit. A gathered
	 * batch wrote under the write lock, so the newest audit id is its own. */
	if (!m->fast)
		m->st->match_marked = false;
	else if (rc == UR_OK)
		rc = newest_audit(m->st, &m->st->match_mark, err);
	m->fast = false;
	return rc;
}
