/* store_ui_queue: the deposit queue as a window — pages read by keyset
 * along an index for each filter and sort (never the whole queue), the
 * count before a deposit (its position) and incremental search. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kana.h"
#include "store_priv.h"
#include "store_ui.h"
#include "store_ui_priv.h"
#include "strbuf.h"
#include "xalloc.h"

/* The WHERE clause of a filter; ?1 is today (cast where only named, so
 * that PostgreSQL learns its type). */
static const char *
filter_sql(enum sui_filter f)
{
	switch (f) {
	case SUI_UNMATCHED:
		return " WHERE d.state = 'unmatched' AND CAST(?1 AS TEXT) IS NOT NULL"
		       " AND +d.company_id = " STORE_COMPANY;
	case SUI_AUTO_TODAY: /* matched automatically on the clerk's today */
		return " WHERE d.id IN (SELECT a.deposit_id FROM allocation a"
		       " WHERE a.made_on = ?1 AND a.kind = 'auto' AND a.voided_at IS NULL"
		       " AND +a.company_id = " STORE_COMPANY ")";
	case SUI_PARKED:
		return " WHERE d.state = 'parked' AND CAST(?1 AS TEXT) IS NOT NULL"
		       " AND +d.company_id = " STORE_COMPANY;
	default:
		return " WHERE CAST(?1 AS TEXT) IS NOT NULL AND +d.company_id = " STORE_COMPANY;
	}
}

/* The sort key's columns; amounts are shown largest first, grouped by
 * currency (so the whole key runs backward: JPY before CNY). */
static const char *
sort_col(enum sui_sort s)
{
	return s == SUI_BY_AMOUNT ? "d.currency, d.amount" : s == SUI_BY_PAYER ? "d.payer_key"
									       : "d.booking_date";
}

static int
sort_dir(enum sui_sort s)
{
	return s == SUI_BY_AMOUNT ? -1 : 1;
}

/* "AND (key, id) > (?2, ?3)" for reading on from a deposit, dir in the
 * index's order (+1 ascending); the amount's key is (currency, amount):
 * (?8, ?2, ?3). */
static void
add_keyset(struct strbuf *sql, enum sui_sort s, int dir, bool inclusive)
{
	sb_addf(sql, " AND (%s, d.id) %c%s (%s?2, ?3)", sort_col(s), dir > 0 ? '>' : '<',
		inclusive ? "=" : "", s == SUI_BY_AMOUNT ? "?8, " : "");
}

static void
add_order(struct strbuf *sql, enum sui_sort s, int dir)
{
	const char *o = dir > 0 ? "" : " DESC";

	if (s == SUI_BY_AMOUNT)
		sb_addf(sql, " ORDER BY d.currency%s, d.amount%s, d.id%s", o, o, o);
	else
		sb_addf(sql, " ORDER BY %s%s, d.id%s", sort_col(s), o, o);
}

static void
bind_key(struct db_stmt *st, enum sui_sort s, const struct sui_deposit *d)
{
	if (s == SUI_BY_AMOUNT) {
		db_bind_int64(st, 2, d->amount);
		db_bind_text_copy(st, 8, d->currency);
	}
	else if (s == SUI_BY_PAYER)
		db_bind_text_copy(st, 2, d->payer.payer_key);
	else
		store_bind_date(st, 2, d->date);
	db_bind_int64(st, 3, d->id);
}

/* Finalize s after the page's last step ended with rc; on an error the
 * rows read are freed. */
static enum ur_status
rows_finish(struct store *st, struct db_stmt *s, int rc, struct sui_deposit *out, int *n,
	    struct ur_err *err)
{
	if (sui_finish(st, s, rc, err) != UR_OK) {
		for (int i = 0; i < *n; i++)
			sui_deposit_free(&out[i]);
		*n = 0;
		return err->status;
	}
	return UR_OK;
}

/* Read the deposit rows of s into out (at most max). */
static enum ur_status
read_rows(struct store *st, struct db_stmt *s, int max, struct sui_deposit *out, int *n,
	  struct ur_err *err)
{
	int rc;

	*n = 0;
	while (*n < max && (rc = db_step(s)) == DB_ROW)
		sui_deposit_row(s, &out[(*n)++]);
	return rows_finish(st, s, *n == max ? DB_DONE : rc, out, n, err);
}

/* Today's automatic matches in each sort order, as deposit ids: that
 * filter reads the allocation log, so a page of it in sort order looks up
 * and sorts every deposit matched today (15,000 in the large demo: 30 ms a
 * page). Made for every sort order at once, until the data or the day
 * changes; a deposit not in the list (the cursor's, gone from the filter)
 * is read through SQL as the other filters are. */
struct sui_list {
	int64_t stamp;
	int32_t today;
	bool made;
	int64_t *id;
	size_t n;
};

struct sui_lists {
	struct sui_list by[SUI_SORT_COUNT];
};

void
sui_lists_free(struct sui_lists *l)
{
	if (!l)
		return;
	for (int i = 0; i < SUI_SORT_COUNT; i++)
		free(l->by[i].id);
	free(l);
}

/* One of today's automatic matches with its sort keys, while the lists
 * are made. */
struct auto_row {
	int64_t id, amount;
	char *date, *currency, *payer_key;
};

/* The orders of add_order, in C: date and payer ascending, amount (with
 * its currency) descending; then the id the same way. */
static int
cmp_id(const struct auto_row *a, const struct auto_row *b)
{
	return a->id < b->id ? -1 : a->id > b->id;
}

static int
by_date(const void *x, const void *y)
{
	int c = strcmp(((const struct auto_row *)x)->date, ((const struct auto_row *)y)->date);

	return c ? c : cmp_id(x, y);
}

static int
by_payer(const void *x, const void *y)
{
	int c = strcmp(((const struct auto_row *)x)->payer_key,
		       ((const struct auto_row *)y)->payer_key);

	return c ? c : cmp_id(x, y);
}

static int
by_amount(const void *x, const void *y)
{
	const struct auto_row *a = y, *b = x; /* descending */
	int c = strcmp(a->currency, b->currency);

	if (!c)
		c = a->amount < b->amount ? -1 : a->amount > b->amount;
	return c ? c : cmp_id(a, b);
}

/* Make every sort order's list from the n rows r (freed). */
static void
lists_make(struct sui_lists *ls, struct auto_row *r, size_t n, int64_t stamp, int32_t today)
{
	static int (*const cmp[SUI_SORT_COUNT])(const void *, const void *) = {
		[SUI_BY_DATE] = by_date, [SUI_BY_AMOUNT] = by_amount, [SUI_BY_PAYER] = by_payer,
	};

	for (int so = 0; so < SUI_SORT_COUNT; so++) {
		struct sui_list *l = &ls->by[so];

		if (n)
			qsort(r, n, sizeof *r, cmp[so]);
		l->id = xrealloc(l->id, (n ? n : 1) * sizeof *l->id);
		for (size_t i = 0; i < n; i++)
			l->id[i] = r[i].id;
		*l = (struct sui_list){ stamp, today, true, l->id, n };
	}
	for (size_t i = 0; i < n; i++) {
		free(r[i].date);
		free(r[i].currency);
		free(r[i].payer_key);
	}
	free(r);
}

void
sui_auto_sql(struct strbuf *sql)
{
	sb_adds(sql, "SELECT d.id, d.booking_date, d.currency, d.amount, d.payer_key"
		     " FROM deposit d");
	sb_adds(sql, filter_sql(SUI_AUTO_TODAY));
}

/* The list of sort order so at today, made when missing or stale: every
 * order's at once, from one read of the deposits (15,000 in the large demo:
 * the read is most of the cost, and a clerk sorting them would pay it for
 * each order). */
static struct sui_list *
auto_list(struct store *st, enum sui_sort so, int32_t today, struct ur_err *err)
{
	struct sui_list *l;
	int64_t stamp = store_change_stamp(st);
	struct auto_row *r = NULL;
	size_t n = 0, cap = 0;
	struct strbuf sql;
	enum ur_status ok;
	struct db_stmt *s;
	int rc;

	if (!st->lists)
		st->lists = xcalloc(1, sizeof *st->lists);
	l = &st->lists->by[so];
	if (l->made && l->stamp == stamp && l->today == today)
		return l;
	for (int i = 0; i < SUI_SORT_COUNT; i++)
		st->lists->by[i].made = false;
	sb_init(&sql);
	sui_auto_sql(&sql);
	s = store_prepare(st, sql.buf, err);
	sb_free(&sql);
	if (!s)
		return NULL;
	store_bind_date(s, 1, today);
	while ((rc = db_step(s)) == DB_ROW) {
		if (n == cap)
			r = xrealloc(r, (cap = cap ? 2 * cap : 1024) * sizeof *r);
		r[n++] = (struct auto_row){ db_column_int64(s, 0),
					    db_column_int64(s, 3), sui_col_dup(s, 1),
					    sui_col_dup(s, 2), sui_col_dup(s, 4) };
	}
	ok = sui_finish(st, s, rc, err);
	lists_make(st->lists, r, n, stamp, today);
	if (ok != UR_OK) {
		for (int i = 0; i < SUI_SORT_COUNT; i++)
			st->lists->by[i].made = false;
		return NULL;
	}
	return l;
}

/* Position of deposit id in l; -1 when it is not there. */
static long
list_pos(const struct sui_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->id[i] == id)
			return (long)i;
	return -1;
}

/* A page read from list l (as store_ui_queue_page reads one). */
static enum ur_status
list_page(struct store *st, const struct sui_list *l, long start, int dir, int max,
	  struct sui_deposit *out, int *n, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, SUI_DEPOSIT_COLS " WHERE d.id = ?1", err);
	int rc = DB_DONE;

	*n = 0;
	if (!s)
		return err->status;
	for (long i = start; *n < max && i >= 0 && i < (long)l->n; i += dir) {
		db_reset(s);
		db_bind_int64(s, 1, l->id[i]);
		if ((rc = db_step(s)) == DB_ROW)
			sui_deposit_row(s, &out[(*n)++]);
		else if (rc != DB_DONE)
			break;
	}
	return rows_finish(st, s, rc == DB_ROW ? DB_DONE : rc, out, n, err);
}

/* Where a page of the list starts, into *start; false when from is not
 * in it (read it through SQL). */
static bool
list_start(const struct sui_list *l, const struct sui_deposit *from, int dir, bool inclusive,
	   long skip, long *start)
{
	long p = from ? list_pos(l, from->id) : dir > 0 ? -1 : (long)l->n;

	if (from && p < 0)
		return false;
	*start = p + (from && inclusive ? 0 : dir) + dir * skip;
	return true;
}

void
sui_page_sql(struct strbuf *sql, const char *with, enum sui_filter f, const char *cond,
	     enum sui_sort so, int idir, bool from, bool inclusive)
{
	sb_adds(sql, with);
	sb_adds(sql, SUI_DEPOSIT_COLS);
	sb_adds(sql, filter_sql(f));
	sb_adds(sql, cond);
	if (from)
		add_keyset(sql, so, idir, inclusive);
	add_order(sql, so, idir);
	sb_adds(sql, " LIMIT ?4 OFFSET ?5");
}

/* A page of the queue (sui_page_sql), prepared from deposit from on (NULL:
 * the start), ?4 rows from offset ?5 for the caller to bind; today (?1)
 * and the keyset bound. */
static struct db_stmt *
page_prepare(struct store *st, const char *with, enum sui_filter f, const char *cond,
	     enum sui_sort so, int idir, const struct sui_deposit *from, bool inclusive,
	     int32_t today, struct ur_err *err)
{
	struct strbuf sql;
	struct db_stmt *s;

	sb_init(&sql);
	sui_page_sql(&sql, with, f, cond, so, idir, from != NULL, inclusive);
	s = store_prepare(st, sql.buf, err);
	sb_free(&sql);
	if (!s)
		return NULL;
	store_bind_date(s, 1, today);
	if (from)
		bind_key(s, so, from);
	return s;
}

enum ur_status
store_ui_queue_page(struct store *st, enum sui_filter f, enum sui_sort so, int32_t today,
		    const struct sui_deposit *from, int dir, bool inclusive, long skip, int max,
		    struct sui_deposit *out, int *n, struct ur_err *err)
{
	struct db_stmt *s;
	struct sui_list *l;
	long start;

	*n = 0;
	if (f == SUI_AUTO_TODAY) {
		if (!(l = auto_list(st, so, today, err)))
			return err->status;
		if (list_start(l, from, dir, inclusive, skip, &start))
			return list_page(st, l, start, dir, max, out, n, err);
	}
	s = page_prepare(st, "", f, "", so, dir * sort_dir(so), from, inclusive, today, err);
	if (!s)
		return err->status;
	db_bind_int64(s, 4, max);
	db_bind_int64(s, 5, skip);
	return read_rows(st, s, max, out, n, err);
}

void
sui_count_sql(struct strbuf *sql, enum sui_filter f, enum sui_sort so, bool before,
	      bool companies)
{
	if (f == SUI_AUTO_TODAY && !before)
		sb_adds(sql, "SELECT count(DISTINCT deposit_id) FROM allocation INDEXED BY"
			     " allocation_made_on WHERE made_on = ?1 AND kind = 'auto'"
			     " AND voided_at IS NULL AND +company_id = " STORE_COMPANY);
	else if ((f == SUI_UNMATCHED || f == SUI_PARKED) && !before)
		/* the whole filter: the company's waiting deposits, covered */
		sb_addf(sql, "SELECT count(*) FROM deposit d WHERE d.state = '%s'"
			     " AND CAST(?1 AS TEXT) IS NOT NULL AND d.company_id = " STORE_COMPANY,
			f == SUI_UNMATCHED ? "unmatched" : "parked");
	else
		sb_adds(sql, "SELECT count(*) FROM deposit d");
	/* all of them: SQLite counts the table without a look at each row,
	 * which are all the company's when the database keeps one */
	if (before || (f == SUI_ALL && companies))
		sb_adds(sql, filter_sql(f));
	if (before)
		add_keyset(sql, so, -sort_dir(so), false);
}

enum ur_status
store_ui_queue_count(struct store *st, enum sui_filter f, enum sui_sort so, int32_t today,
		     const struct sui_deposit *before, long *n, struct ur_err *err)
{
	struct sui_list *l;
	struct strbuf sql;
	struct db_stmt *s;
	long pos;
	int rc;

	*n = 0;
	if (f == SUI_AUTO_TODAY && before) {
		if (!(l = auto_list(st, so, today, err)))
			return err->status;
		if ((pos = list_pos(l, before->id)) >= 0) {
			*n = pos;
			return UR_OK;
		}
	}
	sb_init(&sql);
	sui_count_sql(&sql, f, so, before != NULL, st->companies > 1);
	s = store_prepare(st, sql.buf, err);
	sb_free(&sql);
	if (!s)
		return err->status;
	store_bind_date(s, 1, today);
	if (before)
		bind_key(s, so, before);
	if ((rc = db_step(s)) == DB_ROW)
		*n = (long)db_column_int64(s, 0);
	return sui_finish(st, s, rc, err);
}

/* The digits of text when it is an amount as the screen shows it
 * ("339,700", "¥339,700", "339700円", "39,318.37 CNY"): "" otherwise. */
static void
amount_digits(const char *text, struct strbuf *out)
{
	static const char *const marks[] = { "¥", "￥", "円", "元", "JPY", "CNY", ",", ".", " " };
	const char *p = text;
	size_t k;

	while (*p) {
		if (*p >= '0' && *p <= '9') {
			sb_addc(out, *p++);
			continue;
		}
		for (k = 0; k < sizeof marks / sizeof marks[0]; k++)
			if (!strncmp(p, marks[k], strlen(marks[k])))
				break;
		if (k == sizeof marks / sizeof marks[0]) {
			sb_reset(out);
			return;
		}
		p += strlen(marks[k]);
	}
}

/* The customers a search text names (code, name, reading), at most a
 * few: the deposits proposed for or matched to them are found too — by
 * the customer set on the deposit, a learned alias of its payer, or the
 * customer's folded reading within the payer's (as the engine proposes). */
#define FIND_CUST \
	"(SELECT id, kana_key FROM customer WHERE (" SQL_CONTAINS("code", "?6") \
	" OR " SQL_CONTAINS("name", "?6") " OR " SQL_CONTAINS("coalesce(kana, '')", "?6") \
	") AND +company_id = " STORE_COMPANY " LIMIT 8)"
/* A deposit the text (?6), its folded reading (?7) or its digits (?9)
 * find, or one of those customers'. */
#define FIND_DEPOSIT \
	" AND (" SQL_CONTAINS("d.payer_name", "?6") " OR " SQL_CONTAINS("d.reference", "?6") \
	" OR " SQL_CONTAINS("d.edi", "?6") \
	" OR (?9 <> '' AND " SQL_CONTAINS("CAST(d.amount AS TEXT)", "?9") ")" \
	" OR (?7 <> '' AND " SQL_CONTAINS("d.payer_key", "?7") ")" \
	" OR d.customer_id IN (SELECT id FROM fc)" \
	" OR d.payer_key IN (SELECT payer_key FROM payer_alias WHERE customer_id IN" \
	" (SELECT id FROM fc)) OR EXISTS (SELECT 1 FROM fc WHERE fc.kana_key <> ''" \
	" AND " SQL_CONTAINS("d.payer_key", "fc.kana_key") "))"
#define FIND_WITH "WITH fc AS MATERIALIZED " FIND_CUST " "

void
sui_find_sql(struct strbuf *sql, enum sui_filter f, enum sui_sort so, int dir, bool from)
{
	sui_page_sql(sql, FIND_WITH, f, FIND_DEPOSIT, so, dir * sort_dir(so), from, true);
}

enum ur_status
store_ui_queue_find(struct store *st, enum sui_filter f, enum sui_sort so, int32_t today,
		    const char *text, const struct sui_deposit *from, int dir,
		    struct sui_deposit *out, int *found, struct ur_err *err)
{
	struct strbuf key, digits;
	struct db_stmt *s;

	s = page_prepare(st, FIND_WITH, f, FIND_DEPOSIT, so, dir * sort_dir(so), from, true, today,
			 err);
	if (!s)
		return err->status;
	sb_init(&key);
	sb_init(&digits);
	kana_fold(text, &key, NULL);
	amount_digits(text, &digits);
	db_bind_int64(s, 4, 1);
	db_bind_int64(s, 5, 0);
	db_bind_text_copy(s, 6, text);
	db_bind_text_copy(s, 7, key.buf);
	db_bind_text_copy(s, 9, digits.buf);
	sb_free(&key);
	sb_free(&digits);
	return read_rows(st, s, 1, out, found, err);
}

enum ur_status
store_ui_deposit_change(struct store *st, int64_t id, enum deposit_state *state, char *user,
			size_t user_size, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st,
		"SELECT \"user\", " SQL_JSON_TEXT("after", "state")
		" FROM audit INDEXED BY audit_entity"
		" WHERE entity = 'deposit:' || ?1 AND action = 'state' AND +company_id = " STORE_COMPANY
		" ORDER BY id DESC LIMIT 1",
		err);
	int rc;

	*state = DEPOSIT_UNMATCHED;
	*user = '\0';
	if (!s)
		return err->status;
	db_bind_int64(s, 1, id);
	if ((rc = db_step(s)) == DB_ROW) {
		snprintf(user, user_size, "%s", store_column_str(s, 0));
		*state = store_column_state(s, 1);
	}
	return sui_finish(st, s, rc, err);
}
