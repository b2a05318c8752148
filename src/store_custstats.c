/* store_custstats: the aging rows of the aged-receivables pane for any
 * as-of date, with each customer's sales rep, credit limit, last contact,
 * open promise and dunning level; and writing off a small remainder.
 * The drill-down is in store_drill.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store_custstats.h"
#include "store_priv.h"

/* Open at :d, per invoice, without scanning the history: the open amount
 * now (amount − paid, maintained by the ledger's triggers) corrected by
 * the ledger rows that count now but not at :d (dated after it: add them
 * back) and those that counted at :d but were voided since (take them
 * off). Invoices with no such rows come from the partial index of open
 * invoices; the others from the correction. Columns: cid, cur, due, age
 * (the aging date), open. */
#define AR_OPEN(AGE)                                                                  \
	"d(inv, x) AS (\n"                                                            \
	"  SELECT invoice_id, amount FROM allocation INDEXED BY allocation_date\n"    \
	"  WHERE alloc_date > :d AND voided_at IS NULL AND invoice_id IS NOT NULL\n"  \
	"  UNION ALL\n"                                                               \
	"  SELECT invoice_id, -amount FROM allocation INDEXED BY allocation_voided\n" \
	"  WHERE voided_at IS NOT NULL AND alloc_date <= :d\n"                        \
	"    AND substr(voided_at, 1, 10) > :d AND invoice_id IS NOT NULL\n"          \
	"  UNION ALL\n"                                                               \
	"  SELECT invoice_id, amount FROM adjustment INDEXED BY adjustment_date\n"    \
	"  WHERE adj_date > :d AND voided_at IS NULL\n"                               \
	"  UNION ALL\n"                                                               \
	"  SELECT invoice_id, -amount FROM adjustment INDEXED BY adjustment_voided\n" \
	"  WHERE voided_at IS NOT NULL AND adj_date <= :d\n"                          \
	"    AND substr(voided_at, 1, 10) > :d),\n"                                   \
	"dd AS MATERIALIZED (SELECT inv, sum(x) AS x FROM d GROUP BY inv),\n"         \
	"o AS (\n"                                                                    \
	"  SELECT i.customer_id AS cid, i.currency AS cur, i.due_date AS due,\n"      \
	"    i." AGE " AS age, i.amount - i.paid AS open\n"                           \
	"  FROM invoice AS i INDEXED BY invoice_open\n"                               \
	"  WHERE i.amount <> i.paid AND i.issue_date <= :d\n"                         \
	"    AND i.id NOT IN (SELECT inv FROM dd)\n"                                  \
	"  UNION ALL\n"                                                               \
	"  SELECT i.customer_id, i.currency, i.due_date, i." AGE ",\n"                \
	"    i.amount - i.paid + dd.x\n"                                              \
	"  FROM dd JOIN invoice AS i ON i.id = dd.inv\n"                              \
	"  WHERE i.issue_date <= :d AND i.amount - i.paid + dd.x <> 0)\n"

/* Bucket of an invoice: :nf not-yet-due limits as dates :f1…:f4 (unused:
 * '9999-12-31'), overdue limits as dates :o1…:o8 (unused: ''). */
#define AR_BUCKET                                                                     \
	":nf - ((age > :f1) + (age > :f2) + (age > :f3) + (age > :f4))\n"             \
	"  + (age < :d) + (age < :o1) + (age < :o2) + (age < :o3) + (age < :o4)\n"    \
	"  + (age < :o5) + (age < :o6) + (age < :o7) + (age < :o8)"

#define AR_ROWS(AGE)                                                                  \
	"WITH " AR_OPEN(AGE) ",\n"                                                    \
	"g AS (SELECT cid, cur, " AR_BUCKET " AS b, sum(open) AS open,\n"             \
	"  min(CASE WHEN due < :d THEN due END) AS oldest FROM o GROUP BY 1, 2, 3)\n" \
	"SELECT g.cid, c.code, c.name, ifnull(c.sales_rep, ''), c.credit_limit,\n"    \
	"  c.currency, g.cur, g.b, g.open, ifnull(g.oldest, '')\n"                    \
	"FROM g JOIN customer AS c ON c.id = g.cid\n"                                 \
	"WHERE g.open <> 0 ORDER BY g.cid, g.cur, g.b"

static const char ar_rows_due_sql[] = AR_ROWS("due_date");
static const char ar_rows_issue_sql[] = AR_ROWS("issue_date");

/* Facts from the contact log by customer id (each query in customer order):
 * the latest contact, the open promises (made by :d, due on or after it),
 * the dunning steps. */
static const char ar_last_sql[] =
	"SELECT customer_id, substr(max(at), 1, 10) FROM contact WHERE at < :end"
	" GROUP BY customer_id ORDER BY customer_id";
static const char ar_promise_sql[] =
	"SELECT customer_id, promise_date, promise_amount FROM contact"
	" WHERE promise_date >= :d AND at < :end ORDER BY customer_id, at, id";
static const char ar_level_sql[] =
	"SELECT customer_id, substr(at, 1, 10), dunning_level FROM contact"
	" WHERE dunning_level > 0 AND at < :end ORDER BY customer_id, at, id";

static void
ar_bind_date(sqlite3_stmt *s, const char *name, const char *day)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i > 0)
		sqlite3_bind_text(s, i, day, -1, SQLITE_TRANSIENT);
}

/* :d, :end (the day after) and the bucket limits as dates. */
static void
ar_bind(sqlite3_stmt *s, const struct ar_set *set)
{
	char day[DATE_ISO_SIZE], name[8];

	date_format_iso(set->as_of, day);
	ar_bind_date(s, ":d", day);
	date_format_iso(set->as_of + 1, day);
	ar_bind_date(s, ":end", day);
	for (int k = 0; k < ARCONF_MAX_FUTURE; k++) {
		snprintf(name, sizeof name, ":f%d", k + 1);
		if (k < set->nfuture)
			date_format_iso(set->as_of + set->future[k], day);
		else
			snprintf(day, sizeof day, "9999-12-31");
		ar_bind_date(s, name, day);
	}
	for (int k = 0; k < ARCONF_MAX_BOUNDS; k++) {
		snprintf(name, sizeof name, ":o%d", k + 1);
		if (k < set->nbounds)
			date_format_iso(set->as_of - set->bounds[k], day);
		else
			day[0] = '\0';
		ar_bind_date(s, name, day);
	}
	if (sqlite3_bind_parameter_index(s, ":nf") > 0)
		sqlite3_bind_int(s, sqlite3_bind_parameter_index(s, ":nf"), set->nfuture);
}

static sqlite3_stmt *
ar_prepare(struct store *st, const char *sql, const struct ar_set *set, struct ur_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		store_sqlfail(st, rc, err);
		return NULL;
	}
	ar_bind(s, set);
	return s;
}

/* Finish statement s after stepping ended with rc (SQLITE_DONE: fine). */
static enum ur_status
ar_finish(struct store *st, sqlite3_stmt *s, int rc, struct ur_err *err)
{
	enum ur_status r = rc == SQLITE_DONE ? UR_OK : store_sqlfail(st, rc, err);

	sqlite3_finalize(s);
	return r;
}

static enum ur_status
ar_main(struct store *st, struct ar_set *set, struct ur_err *err)
{
	sqlite3_stmt *s = ar_prepare(st, set->by_issue ? ar_rows_issue_sql : ar_rows_due_sql,
				     set, err);
	struct ar_row *r = NULL;
	int rc;

	if (!s)
		return err ? err->status : UR_FAIL;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(s, 0);
		const char *cur = store_column_str(s, 6), *oldest = store_column_str(s, 9);

		if (!r || r->customer_id != cid || strcmp(r->currency, cur) != 0) {
			r = ar_set_add(set, cid, store_column_str(s, 1), store_column_str(s, 2),
				       store_column_str(s, 3), cur);
			if (strcmp(store_column_str(s, 5), cur) == 0)
				r->credit_limit = sqlite3_column_int64(s, 4);
		}
		if (!ar_row_add(set, r, sqlite3_column_int(s, 7), sqlite3_column_int64(s, 8))) {
			sqlite3_finalize(s);
			return ur_fail(err, UR_FAIL, _("aging: the total of customer %s overflows"),
				       r->code);
		}
		if (*oldest && (!r->oldest_due || store_column_date(s, 9) < r->oldest_due))
			r->oldest_due = store_column_date(s, 9);
	}
	return ar_finish(st, s, rc, err);
}

/* The first row of customer cid (rows are in customer order); NULL if none. */
static struct ar_row *
ar_first(struct ar_set *set, int64_t cid)
{
	size_t lo = 0, hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (set->rows[mid].customer_id < cid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < set->n && set->rows[lo].customer_id == cid ? &set->rows[lo] : NULL;
}

/* Apply one contact fact (kind 0 last contact, 1 promise, 2 level) to the
 * rows of its customer. */
static void
ar_fact(struct ar_set *set, int kind, sqlite3_stmt *s)
{
	struct ar_row *r = ar_first(set, sqlite3_column_int64(s, 0)), *end = set->rows + set->n;
	int64_t cid = r ? r->customer_id : 0;
	int32_t day = store_column_date(s, 1);

	for (; r && r < end && r->customer_id == cid; r++) {
		if (kind == 0) {
			r->last_contact = day;
		} else if (kind == 1) {
			r->promise_date = day;
			r->promise_amount = sqlite3_column_int64(s, 2);
		} else if (r->oldest_due && day >= r->oldest_due) {
			r->dunning_level = sqlite3_column_int(s, 2);
		}
	}
}

static enum ur_status
ar_facts(struct store *st, struct ar_set *set, struct ur_err *err)
{
	const char *const sql[] = { ar_last_sql, ar_promise_sql, ar_level_sql };
	enum ur_status r = UR_OK;

	for (int k = 0; k < 3 && r == UR_OK; k++) {
		sqlite3_stmt *s = ar_prepare(st, sql[k], set, err);
		int rc;

		if (!s)
			return err ? err->status : UR_FAIL;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			ar_fact(set, k, s);
		r = ar_finish(st, s, rc, err);
	}
	return r;
}

enum ur_status
store_ar_rows(struct store *st, struct ar_set *set, struct ur_err *err)
{
	enum ur_status rc;

	if ((rc = ar_main(st, set, err)) != UR_OK || (rc = ar_facts(st, set, err)) != UR_OK)
		return rc;
	ar_set_view(set, NULL, AR_COL_CODE, false);
	return UR_OK;
}

/* The open amount of invoice id now, its number and currency. */
static enum ur_status
wo_invoice(struct store *st, int64_t id, int64_t *open, char *number, size_t nsize,
	   char *cur, size_t csize, struct ur_err *err)
{
	static const char sql[] =
		"SELECT amount - paid, number, currency FROM invoice WHERE id = ?1";
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);

	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(s, 1, id);
		rc = sqlite3_step(s);
	}
	if (rc == SQLITE_ROW) {
		*open = sqlite3_column_int64(s, 0);
		snprintf(number, nsize, "%s", store_column_str(s, 1));
		snprintf(cur, csize, "%s", store_column_str(s, 2));
		sqlite3_finalize(s);
		return UR_OK;
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return ur_fail(err, UR_INPUT, _("no such invoice"));
	return store_sqlfail(st, rc, err);
}

static enum ur_status
wo_check(int64_t open, int64_t expected, int64_t limit, const char *number, const char *cur,
	 struct ur_err *err)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	if (open != expected)
		return ur_fail(err, UR_CONFLICT,
			       _("invoice %s changed meanwhile (open amount now %s); look again"),
			       number, (money_format(open, cur, MONEY_GROUP, a, sizeof a), a));
	if (open <= 0)
		return ur_fail(err, UR_INPUT, _("invoice %s has nothing open to write off"),
			       number);
	if (open > limit) {
		money_format(open, cur, MONEY_GROUP, a, sizeof a);
		money_format(limit, cur, MONEY_GROUP, b, sizeof b);
		return ur_fail(err, UR_INPUT,
			       _("%s %s open on invoice %s is above the write-off limit of %s %s"),
			       cur, a, number, cur, b);
	}
	return UR_OK;
}

static enum ur_status
wo_write(struct store *st, int64_t id, int64_t open, int32_t day, const char *number,
	 const char *note, struct ur_err *err)
{
	struct adjustment adj = { id, "write_off", open, day, 0 };
	int64_t adj_id = 0;
	enum ur_status rc;

	if ((rc = store_adjustment_insert(st, &adj, &adj_id, err)) != UR_OK)
		return rc;
	sb_reset(&st->after);
	store_json_begin(&st->after);
	store_json_int(&st->after, "adjustment", adj_id);
	store_json_int(&st->after, "amount", open);
	store_json_str(&st->after, "note", note ? note : "");
	store_json_end(&st->after);
	return store_audit_entity(st, "write-off", "invoice", number, NULL, st->after.buf, err);
}

enum ur_status
store_write_off(struct store *st, int64_t invoice_id, int64_t expected,
		const struct ar_settings *s, int32_t day, const char *note, int64_t *amount,
		struct ur_err *err)
{
	char number[64], cur[8];
	int64_t open = 0;
	enum ur_status rc;

	if ((rc = store_begin(st, err)) != UR_OK)
		return rc;
	rc = wo_invoice(st, invoice_id, &open, number, sizeof number, cur, sizeof cur, err);
	if (rc == UR_OK)
		rc = wo_check(open, expected, arconf_write_off_limit(s, cur), number, cur, err);
	if (rc == UR_OK)
		rc = wo_write(st, invoice_id, open, day, number, note, err);
	if (rc != UR_OK) {
		store_rollback(st);
		return rc;
	}
	if ((rc = store_commit(st, err)) == UR_OK && amount)
		*amount = open;
	return rc;
}
