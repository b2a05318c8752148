/* store_aging: the aged-receivables query — open amounts as of any date,
 * per customer and currency, bucketed by days past due — and its fast
 * path over the maintained invoice.paid when the ledger has nothing dated
 * after the as-of date. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store_priv.h"

/* Both queries take :as_of ('YYYY-MM-DD') and :b1…:b8, the inclusive upper
 * day limits of the overdue buckets (NULL when unused), and return one row
 * per (customer, currency, bucket) with a non-zero sum, ordered by customer
 * code, currency and bucket: code, name, currency, bucket, open (bucket
 * -1: money on account, AGING_OUTPUT). Bucket 0
 * is "not yet due"; an invoice d days past due falls in bucket
 * 1 + (number of bounds below d). Bucket k > 0 is due_date < as_of − b(k)
 * days, so the bounds become dates once (p) and each invoice is bucketed
 * by string comparisons. */
#define AGING_PARAMS                                                    \
	"WITH p AS MATERIALIZED (SELECT :as_of AS d0,\n"                \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b1") ", '') AS d1,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b2") ", '') AS d2,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b3") ", '') AS d3,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b4") ", '') AS d4,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b5") ", '') AS d5,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b6") ", '') AS d6,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b7") ", '') AS d7,\n" \
	"  coalesce(" SQL_DAYS_BEFORE(":as_of", ":b8") ", '') AS d8),\n"

/* The number of limits d0 … d8 the due date is below. The limits fall
 * (the bounds ascend, arconf_days; an unused one is '', below every
 * date), so that is the first limit it is not below: one comparison for
 * an invoice not yet due instead of nine, and no boolean + boolean, which
 * PostgreSQL lacks. */
#define AGING_BUCKET                                                                       \
	"  CASE WHEN i.due_date >= p.d0 THEN 0 WHEN i.due_date >= p.d1 THEN 1\n"           \
	"    WHEN i.due_date >= p.d2 THEN 2 WHEN i.due_date >= p.d3 THEN 3\n"              \
	"    WHEN i.due_date >= p.d4 THEN 4 WHEN i.due_date >= p.d5 THEN 5\n"              \
	"    WHEN i.due_date >= p.d6 THEN 6 WHEN i.due_date >= p.d7 THEN 7\n"              \
	"    WHEN i.due_date >= p.d8 THEN 8 ELSE 9 END AS bucket,\n"

/* Money held on account (前受金, 预收款) as of :as_of comes as bucket -1:
 * allocations to no invoice, found through the invoice_id index. */
#define AGING_OUTPUT                                                                      \
	"oa AS (SELECT a.customer_id AS cid, a.currency AS cur, -1 AS bucket,\n"          \
	"  sum(a.amount) AS open\n"                                                       \
	STORE_ON_ACCOUNT_AS_OF(":as_of")                                                 \
	"  GROUP BY 1, 2)\n"                                                              \
	"SELECT c.code, c.name, g.cur, g.bucket, g.open\n"                                \
	"FROM (SELECT * FROM g UNION ALL SELECT * FROM oa) AS g\n"                        \
	"JOIN customer AS c ON c.id = g.cid\n"                                            \
	"WHERE g.open <> 0 AND +c.company_id = " STORE_COMPANY "\n"                        \
	"ORDER BY c.code, g.cur, g.bucket;\n"

/* From the ledger: one pass over invoices, allocations and adjustments
 * (NOT INDEXED: a full scan beats index-ordered random look-ups, measured
 * at 1M invoices), summed per invoice by one sort, then only the invoices
 * still open are bucketed and summed per customer. */
static const char aging_sql[] =
	AGING_PARAMS
	"e(inv, x) AS (\n"
	"  SELECT id, amount FROM invoice WHERE issue_date <= :as_of\n"
	"  UNION ALL\n"
	"  SELECT invoice_id, -amount FROM allocation NOT INDEXED\n"
	"  WHERE invoice_id IS NOT NULL AND alloc_date <= :as_of\n"
	"    AND (voided_at IS NULL OR substr(voided_at, 1, 10) > :as_of)\n"
	"  UNION ALL\n"
	"  SELECT invoice_id, -amount FROM adjustment NOT INDEXED\n"
	"  WHERE adj_date <= :as_of\n"
	"    AND (voided_at IS NULL OR substr(voided_at, 1, 10) > :as_of)),\n"
	"o AS MATERIALIZED (SELECT inv, sum(x) AS open FROM e GROUP BY inv HAVING sum(x) <> 0),\n"
	"g AS MATERIALIZED (SELECT i.customer_id AS cid, i.currency AS cur,\n"
	AGING_BUCKET
	"  sum(o.open) AS open\n"
	"  FROM p, o JOIN invoice AS i ON i.id = o.inv\n"
	"  WHERE i.issue_date <= :as_of\n"
	"  GROUP BY 1, 2, 3),\n"
	AGING_OUTPUT;

/* The same from the ledger for PostgreSQL: the ledger rows summed per
 * invoice, then every invoice issued by :as_of less its sum by one hash
 * join. The server's sort of every invoice with its ledger spilled to disk
 * and took 3x as long (1M invoices, 94,619 paid: 3.3 s against 1.1 s);
 * SQLite's look-ups into the sums took 1.5x as long with a ledger of
 * 600,000 rows (doc/store-dialects.md, section 6). */
static const char aging_join_sql[] =
	AGING_PARAMS
	"o AS MATERIALIZED (SELECT inv, sum(x) AS x FROM (\n"
	"  SELECT invoice_id AS inv, amount AS x FROM allocation\n"
	"  WHERE invoice_id IS NOT NULL AND alloc_date <= :as_of\n"
	"    AND (voided_at IS NULL OR substr(voided_at, 1, 10) > :as_of)\n"
	"  UNION ALL\n"
	"  SELECT invoice_id, amount FROM adjustment\n"
	"  WHERE adj_date <= :as_of\n"
	"    AND (voided_at IS NULL OR substr(voided_at, 1, 10) > :as_of)) AS l GROUP BY inv),\n"
	"g AS MATERIALIZED (SELECT i.customer_id AS cid, i.currency AS cur,\n"
	AGING_BUCKET
	"  sum(i.amount - coalesce(o.x, 0)) AS open\n"
	"  FROM p, invoice AS i LEFT JOIN o ON o.inv = i.id\n"
	"  WHERE i.issue_date <= :as_of\n"
	"  GROUP BY 1, 2, 3),\n"
	AGING_OUTPUT;

/* From invoice.paid, through the partial covering index of open invoices:
 * equal to aging_sql when no allocation or adjustment is dated or voided
 * after :as_of (aging_fast_ok). */
static const char aging_fast_sql[] =
	AGING_PARAMS
	"g AS MATERIALIZED (SELECT i.customer_id AS cid, i.currency AS cur,\n"
	AGING_BUCKET
	"  sum(i.amount - i.paid) AS open\n"
	"  FROM p, invoice AS i INDEXED BY invoice_open\n"
	"  WHERE i.amount <> i.paid AND i.issue_date <= :as_of\n"
	"  GROUP BY 1, 2, 3),\n"
	AGING_OUTPUT;

static const char aging_check_sql[] =
	"SELECT coalesce((SELECT max(alloc_date) FROM allocation), '') <= ?1"
	" AND coalesce((SELECT max(adj_date) FROM adjustment), '') <= ?1"
	" AND coalesce((SELECT substr(max(voided_at), 1, 10) FROM allocation"
	"   WHERE voided_at IS NOT NULL), '') <= ?1"
	" AND coalesce((SELECT substr(max(voided_at), 1, 10) FROM adjustment"
	"   WHERE voided_at IS NOT NULL), '') <= ?1";

const char *
store_aging_sql(void)
{
	return aging_sql;
}

const char *
store_aging_join_sql(void)
{
	return aging_join_sql;
}

const char *
store_aging_fast_sql(void)
{
	return aging_fast_sql;
}

/* The row being summed: one customer and currency. */
struct acc {
	struct strbuf code, name, cur;
	struct aging_row row;
	int have;
};

static enum ur_status
check_bounds(const int *bounds, int nbounds, struct ur_err *err)
{
	if (nbounds < 0 || nbounds > STORE_AGING_MAX_BUCKETS)
		return ur_fail(err, UR_INPUT, _("aging: between 0 and %d bucket limits, please"),
			       STORE_AGING_MAX_BUCKETS);
	for (int i = 0; i < nbounds; i++)
		if (bounds[i] <= 0 || (i > 0 && bounds[i] <= bounds[i - 1]))
			return ur_fail(err, UR_INPUT,
				       _("aging: bucket limits must be positive and increasing"));
	return UR_OK;
}

/* 1 when the ledger has nothing dated or voided after as_of, so that the
 * cached paid amounts are the amounts paid as of that date. */
static enum ur_status
fast_ok(struct store *st, const char *as_of, int *ok, struct ur_err *err)
{
	struct db_stmt *s = store_stmt(st, SQ_AGING_CHECK, aging_check_sql, err);
	int rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, as_of);
	rc = db_step(s);
	*ok = rc == DB_ROW && db_column_int(s, 0) == 1;
	db_reset(s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

static int
emit(struct acc *a, store_aging_fn fn, void *ctx)
{
	int stop = 0;

	if (a->have && (a->row.total != 0 || a->row.on_account != 0)) {
		a->row.code = a->code.buf;
		a->row.name = a->name.buf;
		a->row.currency = a->cur.buf;
		stop = fn(&a->row, ctx);
	}
	a->have = 0;
	memset(&a->row, 0, sizeof a->row);
	return stop;
}

/* Add the current row of s to a (emitting a finished customer first);
 * *stop when fn asked to stop. */
static enum ur_status
add_row(struct acc *a, struct db_stmt *s, int nbounds, store_aging_fn fn, void *ctx,
	int *stop, struct ur_err *err)
{
	const char *code = store_column_str(s, 0), *cur = store_column_str(s, 2);
	int b = db_column_int(s, 3);
	int64_t v = db_column_int64(s, 4);

	if (a->have && (strcmp(code, a->code.buf) != 0 || strcmp(cur, a->cur.buf) != 0) &&
	    (*stop = emit(a, fn, ctx)))
		return UR_OK;
	if (!a->have) {
		sb_reset(&a->code);
		sb_adds(&a->code, code);
		sb_reset(&a->name);
		sb_adds(&a->name, store_column_str(s, 1));
		sb_reset(&a->cur);
		sb_adds(&a->cur, cur);
		a->have = 1;
	}
	if (b == -1) {
		a->row.on_account = v;
		return UR_OK;
	}
	if (b < 0 || b > nbounds + 1)
		b = nbounds + 1;
	if (!money_add(a->row.bucket[b], v, &a->row.bucket[b]) ||
	    !money_add(a->row.total, v, &a->row.total))
		return ur_fail(err, UR_FAIL, _("aging: the total of customer %s overflows"), code);
	return UR_OK;
}

static struct db_stmt *
aging_stmt(struct store *st, const char *as_of, const int *bounds, int nbounds,
	   struct ur_err *err)
{
	int fast = 0;
	struct db_stmt *s;
	char name[16];

	if (fast_ok(st, as_of, &fast, err) != UR_OK)
		return NULL;
	s = fast ? store_stmt(st, SQ_AGING_FAST, aging_fast_sql, err)
		 : store_stmt(st, SQ_AGING, db_is_pg(st->db) ? aging_join_sql : aging_sql, err);
	if (!s)
		return NULL;
	db_bind_text_copy(s, db_param_index(s, ":as_of"), as_of);
	for (int i = 0; i < nbounds; i++) {
		snprintf(name, sizeof name, ":b%d", i + 1);
		db_bind_int64(s, db_param_index(s, name), bounds[i]);
	}
	return s;
}

enum ur_status
store_aging(struct store *st, int32_t as_of, const int *bounds, int nbounds,
	    store_aging_fn fn, void *ctx, struct ur_err *err)
{
	char day[DATE_ISO_SIZE];
	struct acc a;
	struct db_stmt *s;
	enum ur_status rc;
	int step = DB_DONE, stop = 0;

	if ((rc = check_bounds(bounds, nbounds, err)) != UR_OK)
		return rc;
	date_format_iso(as_of, day);
	if (!(s = aging_stmt(st, day, bounds, nbounds, err)))
		return store_status(err);
	memset(&a, 0, sizeof a);
	sb_init(&a.code);
	sb_init(&a.name);
	sb_init(&a.cur);
	while (!stop && rc == UR_OK && (step = db_step(s)) == DB_ROW)
		rc = add_row(&a, s, nbounds, fn, ctx, &stop, err);
	if (rc == UR_OK && !stop && step != DB_DONE)
		rc = store_sqlfail(st, step, err);
	if (rc == UR_OK && !stop)
		emit(&a, fn, ctx);
	db_reset(s);
	sb_free(&a.code);
	sb_free(&a.name);
	sb_free(&a.cur);
	return rc;
}
