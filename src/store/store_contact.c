/* store_contact: recording contacts, the timeline, the worklist and dunning
 * moves (see store_contact.h). The dunning part of the worklist reads the
 * aging rows (store_custstats.c), which carry each customer's oldest
 * overdue item, recorded level and open promise — taken again, for the
 * few customers with disputed invoices, from the open items as the
 * dunning letters count them. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "custstats.h"
#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store_confirm.h"
#include "store_contact.h"
#include "store_custstats.h"
#include "store_priv.h"
#include "store_statement.h"
#include "xalloc.h"

/* Columns of a contact row; ?2 is the day asked about, ?4 non-zero to work
 * out what was paid toward a promise: allocations of the customer dated from
 * the contact's day to the promise date (and ?2), counted at ?2. */
#define CONTACT_COLS                                                                  \
	"SELECT k.id, k.customer_id, c.code, c.name, c.currency, k.at, k.\"user\",\n" \
	"  k.channel, k.direction, k.note, coalesce(k.outcome, ''),\n"                \
	"  coalesce(k.promise_date, ''), coalesce(k.promise_amount, 0),\n"            \
	"  CASE WHEN ?4 AND k.promise_date IS NOT NULL THEN (\n"                      \
	"    SELECT coalesce(sum(a.amount + a.fee), 0) FROM allocation AS a\n"        \
	"    WHERE a.customer_id = k.customer_id\n"                                   \
	"      AND a.alloc_date >= substr(k.at, 1, 10)\n"                             \
	"      AND a.alloc_date <= CASE WHEN k.promise_date < ?2\n"                   \
	"        THEN k.promise_date ELSE ?2 END\n"                                   \
	"      AND (a.voided_at IS NULL OR substr(a.voided_at, 1, 10) > ?2))\n"       \
	"  ELSE 0 END,\n"                                                             \
	"  coalesce(k.next_date, ''), coalesce(k.next_owner, ''), k.dunning_level,\n" \
	"  coalesce(c.sales_rep, ''), coalesce(c.collector, '')\n"                    \
	"FROM contact AS k JOIN customer AS c ON c.id = k.customer_id\n"                \
	"  AND +c.company_id = " STORE_COMPANY "\n"

/* ?1 customer, ?3 the day after the one asked about. */
static const char timeline_sql[] =
	CONTACT_COLS "WHERE k.customer_id = ?1 AND k.at < ?3 ORDER BY k.at DESC, k.id DESC";
static const char each_sql[] =
	CONTACT_COLS "ORDER BY c.code, k.at, k.id";

/* The latest contact of its customer by ?3, when its next action is due. */
static const char follow_sql[] =
	CONTACT_COLS
	"WHERE k.next_date <= ?2 AND k.at < ?3 AND NOT EXISTS (\n"
	"  SELECT 1 FROM contact AS n WHERE n.customer_id = k.customer_id AND n.at < ?3\n"
	"    AND (n.at > k.at OR (n.at = k.at AND n.id > k.id)))\n"
	"ORDER BY k.next_date, c.code, k.id";
static const char promise_due_sql[] =
	CONTACT_COLS
	"WHERE k.promise_date = ?2 AND k.at < ?3 ORDER BY c.code, k.at, k.id";
/* Promises past their date, neither superseded by a later promise nor
 * followed up by a contact after their date. */
static const char promise_past_sql[] =
	CONTACT_COLS
	"WHERE k.promise_date < ?2 AND k.at < ?3 AND NOT EXISTS (\n"
	"  SELECT 1 FROM contact AS n WHERE n.customer_id = k.customer_id AND n.at < ?3\n"
	"    AND ((n.at > k.at AND n.promise_date IS NOT NULL)\n"
	"      OR n.at >= " SQL_DAY_AFTER("k.promise_date") "))\n"
	"ORDER BY k.promise_date, c.code, k.id";

void
store_contact_stamp(int32_t day, char *buf, size_t size)
{
	time_t now = time(NULL);
	struct tm tm;
	char iso[DATE_ISO_SIZE];

	gmtime_r(&now, &tm);
	date_format_iso(day, iso);
	snprintf(buf, size, "%sT%02d:%02d:%02dZ", iso, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void
contact_bind_day(struct db_stmt *s, int idx, int32_t day)
{
	if (day)
		store_bind_date(s, idx, day);
	else
		db_bind_null(s, idx);
}

static enum ur_status
contact_audit(struct store *st, const struct contact *c, int64_t id, struct ur_err *err)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)id);
	store_json_begin(&st->after);
	store_json_int(&st->after, "customer_id", c->customer_id);
	store_json_str(&st->after, "channel", contact_channel_name(c->channel));
	store_json_str(&st->after, "note", c->note);
	if (c->promise_date)
		store_json_int(&st->after, "promise_amount", c->promise_amount);
	store_json_int(&st->after, "dunning_level", c->dunning_level);
	if (c->doc) {
		store_json_str(&st->after, "document", c->doc->name);
		store_json_str(&st->after, "document_sha256", c->doc->sha256);
		store_json_str(&st->after, "message_id", c->doc->message_id);
	}
	store_json_end(&st->after);
	return store_audit_entity(st, "insert", "contact", key, NULL, st->after.buf, err);
}

static enum ur_status
contact_insert(struct store *st, const struct contact *c, int32_t today, int64_t *id,
	       struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO contact (customer_id, at, \"user\", channel, direction, note, outcome,"
		" promise_date, promise_amount, next_date, next_owner, dunning_level, document,"
		" document_sha256, message_id, company_id)"
		" SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, company_id"
		" FROM customer WHERE id = ?1 AND +company_id = " STORE_COMPANY SQL_RETURNING_ID;
	struct db_stmt *s = store_prepare(st, sql, err);
	char at[32];
	int rc;

	if (!s)
		return err->status;
	store_contact_stamp(c->day ? c->day : today, at, sizeof at);
	db_bind_int64(s, 1, c->customer_id);
	db_bind_text_copy(s, 2, at);
	db_bind_text(s, 3, store_user(st));
	db_bind_text(s, 4, contact_channel_name(c->channel));
	db_bind_text(s, 5, c->inbound ? "in" : "out");
	db_bind_text(s, 6, c->note);
	store_bind_text(s, 7, c->outcome);
	contact_bind_day(s, 8, c->promise_date);
	if (c->promise_date)
		db_bind_int64(s, 9, c->promise_amount);
	contact_bind_day(s, 10, c->next_date);
	store_bind_text(s, 11, contact_owner_name(c->next_owner));
	db_bind_int64(s, 12, c->dunning_level);
	if (c->doc) {
		store_bind_text(s, 13, c->doc->name);
		store_bind_text(s, 14, c->doc->sha256);
		store_bind_text(s, 15, c->doc->message_id);
	}
	rc = store_step_id(st, s, id, err);
	db_finalize(s);
	if (rc != UR_OK)
		return rc;
	if (!*id)
		return ur_fail(err, UR_INPUT, _("no such customer"));
	return contact_audit(st, c, *id, err);
}

enum ur_status
store_contact_add(struct store *st, const struct contact *c, int32_t today, int64_t *id,
		  struct ur_err *err)
{
	int own = !st->in_tx;
	int64_t got = 0;
	enum ur_status rc;

	if ((rc = contact_check(c, today, err)) != UR_OK)
		return rc;
	if (own && (rc = store_begin(st, err)) != UR_OK)
		return rc;
	rc = contact_insert(st, c, today, &got, err);
	if (own && rc != UR_OK)
		store_rollback(st);
	else if (own)
		rc = store_commit(st, err);
	if (rc == UR_OK && id)
		*id = got;
	return rc;
}

/* Bind ?1 customer (0: NULL), ?2 day, ?3 the day after, ?4 paid wanted. */
static struct db_stmt *
contact_query(struct store *st, const char *sql, int64_t customer_id, int32_t day, int paid,
	      struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);

	if (!s)
		return NULL;
	if (customer_id)
		db_bind_int64(s, 1, customer_id);
	store_bind_date(s, 2, day);
	store_bind_date(s, 3, day + 1);
	db_bind_int64(s, 4, paid);
	return s;
}

static void
contact_row(struct db_stmt *s, int32_t today, struct contact_entry *e)
{
	e->id = db_column_int64(s, 0);
	e->customer_id = db_column_int64(s, 1);
	e->customer = store_column_str(s, 2);
	e->name = store_column_str(s, 3);
	e->currency = store_column_str(s, 4);
	e->at = store_column_str(s, 5);
	e->day = store_column_date(s, 5);
	e->user = store_column_str(s, 6);
	e->channel = store_column_str(s, 7);
	e->direction = store_column_str(s, 8);
	e->note = store_column_str(s, 9);
	e->outcome = store_column_str(s, 10);
	e->promise_date = store_column_date(s, 11);
	e->promise_amount = db_column_int64(s, 12);
	e->promise_paid = db_column_int64(s, 13);
	e->promise_state = e->promise_date ? contact_promise_state(e->promise_date,
								    e->promise_amount,
								    e->promise_paid, today)
					   : CONTACT_PROMISE_PENDING;
	e->next_date = store_column_date(s, 14);
	e->next_owner = store_column_str(s, 15);
	e->dunning_level = db_column_int(s, 16);
	e->sales_rep = store_column_str(s, 17);
	e->collector = store_column_str(s, 18);
}

static enum ur_status
contact_walk(struct store *st, const char *sql, int64_t customer_id, int32_t day, int paid,
	     store_contact_fn fn, void *ctx, struct ur_err *err)
{
	struct db_stmt *s = contact_query(st, sql, customer_id, day, paid, err);
	struct contact_entry e;
	int rc;

	if (!s)
		return store_status(err);
	while ((rc = db_step(s)) == DB_ROW) {
		contact_row(s, day, &e);
		if (fn(&e, ctx)) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_contact_timeline(struct store *st, int64_t customer_id, int32_t today,
		       store_contact_fn fn, void *ctx, struct ur_err *err)
{
	return contact_walk(st, timeline_sql, customer_id, today, 1, fn, ctx, err);
}

enum ur_status
store_contacts_each(struct store *st, store_contact_fn fn, void *ctx, struct ur_err *err)
{
	return contact_walk(st, each_sql, 0, date_from_ymd(9999, 12, 30), 0, fn, ctx, err);
}

/* Walking the worklist: the aging rows of the day give each customer's
 * dunning level, rating and credit use. The rows are only read (a pane
 * may share them): the few of customers with disputed invoices are
 * copied, as dunning sees them, into fix. */
struct work_walk {
	enum worklist_kind kind;
	int32_t day;
	const struct ar_settings *s;
	const struct ar_set *set;
	char *fix;     /* nfix rows, set->stride bytes apart */
	size_t *at;    /* of each, its index in set (ascending) */
	size_t nfix;
	store_worklist_fn fn;
	void *ctx;
};

static int
work_index_cmp(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Row i of the set, or its copy in fix. */
static const struct ar_row *
work_at(const struct work_walk *w, size_t i)
{
	const size_t *k = w->nfix ? bsearch(&i, w->at, w->nfix, sizeof *w->at, work_index_cmp)
				  : NULL;

	return k ? (const struct ar_row *)(w->fix + (size_t)(k - w->at) * w->set->stride)
		 : ar_set_at(w->set, i);
}

/* The row of customer cid in currency cur, NULL when nothing is open. */
static const struct ar_row *
work_row(const struct work_walk *w, int64_t cid, const char *cur)
{
	const struct ar_row *r = ar_set_row_of(w->set, cid, cur);

	return r ? work_at(w, (size_t)((const char *)r - w->set->rows) / w->set->stride) : NULL;
}

/* Who calls, the rating and the hold of it (customer_id, currency and
 * sales_rep set; owner the follow-up's own, or ""). */
static void
work_decide(struct work_walk *w, struct worklist_item *it, const char *owner, int level,
	    enum contact_owner choice)
{
	enum contact_owner o = CONTACT_OWNER_NONE;

	contact_owner_parse(owner, &o);
	if (o == CONTACT_OWNER_NONE)
		o = contact_collector(w->s, choice, level, *it->sales_rep != '\0');
	it->caller = contact_owner_name(o);
	ar_set_rating(w->set, it->customer_id, it->currency, 0, &it->rating);
	it->hold = rating_on_hold(&w->s->hold, &it->rating);
}

static int
work_contact(const struct contact_entry *e, void *ctx)
{
	struct work_walk *w = ctx;
	struct worklist_item it;
	const struct ar_row *r;
	enum contact_owner choice = CONTACT_OWNER_NONE;

	if (w->kind == WORK_PROMISE_BROKEN && e->promise_state != CONTACT_PROMISE_BROKEN)
		return 0;
	memset(&it, 0, sizeof it);
	it.kind = w->kind;
	it.customer_id = e->customer_id;
	it.customer = e->customer;
	it.name = e->name;
	it.currency = e->currency;
	it.sales_rep = e->sales_rep;
	it.contact_id = e->id;
	it.date = w->kind == WORK_FOLLOW_UP ? e->next_date : e->promise_date;
	it.amount = e->promise_amount;
	it.paid = e->promise_paid;
	it.owner = e->next_owner;
	it.note = e->note;
	r = work_row(w, e->customer_id, e->currency);
	contact_owner_parse(e->collector, &choice);
	work_decide(w, &it, w->kind == WORK_FOLLOW_UP ? e->next_owner : "",
		    r ? r->dunning_level : 0, choice);
	return w->fn(&it, w->ctx);
}

/* The aging row of each overdue customer holding its oldest overdue item. */
static size_t
work_overdue(const struct work_walk *w, const struct ar_row **out)
{
	size_t n = 0;

	for (size_t i = 0; i < w->set->n; i++) {
		const struct ar_row *r = work_at(w, i);

		if (!r->oldest_due)
			continue;
		if (n && out[n - 1]->customer_id == r->customer_id) {
			if (r->oldest_due < out[n - 1]->oldest_due)
				out[n - 1] = r;
			continue;
		}
		out[n++] = r;
	}
	return n;
}

/* By currency (amounts in two currencies do not compare), then amount at
 * risk: the overdue amount, largest first; then by code. */
static int
work_cmp(const void *pa, const void *pb)
{
	const struct ar_row *a = *(const struct ar_row *const *)pa;
	const struct ar_row *b = *(const struct ar_row *const *)pb;
	int c = strcmp(a->currency, b->currency);

	if (c)
		return c;
	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	return strcmp(a->code, b->code);
}

/* The length of the run of rows in over[from..n) in over[from]'s currency. */
static size_t
work_group(const struct ar_row **over, size_t from, size_t n)
{
	size_t i = from;

	while (i < n && strcmp(over[i]->currency, over[from]->currency) == 0)
		i++;
	return i - from;
}

static int
work_dunning_item(struct work_walk *w, const struct ar_row *r)
{
	const struct ar_settings *s = w->s;
	int32_t day = w->day;
	struct worklist_item it;
	int days = (int)(day - r->oldest_due);
	int level = contact_level_crossed(s, days, r->dunning_level, (int)(day - r->dunning_day),
					  r->promise_date, day);

	if (!level || r->overdue <= 0 || r->total <= 0) /* owes nothing: no letter */
		return 0;
	memset(&it, 0, sizeof it);
	it.kind = WORK_DUNNING;
	it.customer_id = r->customer_id;
	it.customer = r->code;
	it.name = r->name;
	it.currency = r->currency;
	it.sales_rep = r->sales_rep;
	it.date = r->oldest_due;
	it.amount = r->overdue;
	it.owner = "";
	it.note = "";
	it.days_overdue = days;
	it.level = level;
	it.recorded_level = r->dunning_level;
	work_decide(w, &it, "", level, (enum contact_owner)r->collector);
	/* the sales rep's call is the step: once a contact is recorded that
	 * day the crossing is done for the day (accounting moves the level) */
	if (strcmp(it.caller, "sales") == 0 && r->last_contact >= day)
		return 0;
	return w->fn(&it, w->ctx);
}

/* The dunning items of over[0..n) (sorted by work_cmp): the currency most
 * of them owe in first (the office's own, as a rule), then the others by
 * how many owe in each. */
static void
work_dunning_emit(struct work_walk *w, const struct ar_row **over, size_t n)
{
	bool *done = xcalloc(n ? n : 1, sizeof *done);
	bool stop = false;

	while (!stop) {
		size_t best = n, len = 0;

		for (size_t i = 0; i < n; i += work_group(over, i, n))
			if (!done[i] && work_group(over, i, n) > len)
				best = i, len = work_group(over, i, n);
		if (best == n)
			break;
		done[best] = true;
		for (size_t i = best; i < best + len && !stop; i++)
			stop = work_dunning_item(w, over[i]) != 0;
	}
	free(done);
}

/* The customers and currencies with an invoice named in an open dispute
 * (few: a dispute names its invoices by hand). */
static const char disputed_sql[] =
	"SELECT DISTINCT i.customer_id, i.currency FROM dispute_item AS di\n"
	"JOIN invoice AS i ON i.id = di.invoice_id WHERE +i.company_id = " STORE_COMPANY
	" AND " STORE_INVOICE_DISPUTED("i.id");

/* A customer's overdue items as dunning counts them (contact_dunnable). */
struct dunned {
	int32_t day, oldest;
	int64_t overdue;
	bool overflow;
};

static int
dunned_item(const struct store_open_item *it, void *ctx)
{
	struct dunned *d = ctx;

	if (!contact_dunnable((int)(d->day - it->due), it->disputed))
		return 0;
	if (!d->oldest || it->due < d->oldest)
		d->oldest = it->due;
	d->overflow |= !money_add(d->overdue, it->open, &d->overdue);
	return 0;
}

/* Row r as dunning sees it: its oldest overdue item and overdue amount
 * without the disputed invoices, and the steps taken before that item
 * falls due not counted (as the aging rows count them from it). */
static enum ur_status
work_undisputed(struct store_statement *q, struct ar_row *r, int32_t day, struct ur_err *err)
{
	struct dunned d = { day, 0, 0, false };
	enum ur_status rc = store_statement_open_items(q, r->customer_id, r->currency, day,
						       dunned_item, &d, err);

	if (rc != UR_OK || d.overflow)
		return rc; /* an overflowing sum: the row as it was */
	r->oldest_due = d.oldest;
	r->overdue = d.overdue;
	if (r->dunning_day < d.oldest) {
		r->dunning_level = 0;
		r->dunning_day = 0;
	}
	return UR_OK;
}

/* Into w->at (ascending): the rows of customers with disputed invoices
 * and something overdue. */
static enum ur_status
work_disputed_rows(struct store *st, struct work_walk *w, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, disputed_sql, err);
	const struct ar_row *r;
	size_t cap = 0;
	int rc;

	if (!s)
		return store_status(err);
	while ((rc = db_step(s)) == DB_ROW) {
		r = ar_set_row_of(w->set, db_column_int64(s, 0), store_column_str(s, 1));
		if (!r || !r->oldest_due)
			continue;
		if (w->nfix == cap)
			w->at = xrealloc(w->at, (cap = cap ? 2 * cap : 16) * sizeof *w->at);
		w->at[w->nfix++] = (size_t)((const char *)r - w->set->rows) / w->set->stride;
	}
	db_finalize(s);
	if (rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	if (w->nfix)
		qsort(w->at, w->nfix, sizeof *w->at, work_index_cmp);
	return UR_OK;
}

/* The rows of customers with disputed invoices, copied and taken as
 * dunning does. */
static enum ur_status
work_hold_disputed(struct store *st, struct work_walk *w, struct ur_err *err)
{
	struct store_statement *q = NULL;
	enum ur_status done = work_disputed_rows(st, w, err);
	size_t stride = w->set->stride;

	if (done == UR_OK && w->nfix) {
		w->fix = xmalloc(w->nfix * stride);
		done = store_statement_open(st, &q, err);
	}
	for (size_t k = 0; done == UR_OK && k < w->nfix; k++) {
		struct ar_row *r = (struct ar_row *)(w->fix + k * stride);

		memcpy(r, ar_set_at(w->set, w->at[k]), stride);
		done = work_undisputed(q, r, w->day, err);
	}
	store_statement_close(q);
	return done;
}

static void
work_dunning(struct work_walk *w)
{
	const struct ar_row **over = xmalloc((w->set->n ? w->set->n : 1) * sizeof *over);
	size_t n = work_overdue(w, over);

	qsort(over, n, sizeof *over, work_cmp);
	work_dunning_emit(w, over, n);
	free(over);
}

/* An open dispute as a worklist item: accounting's, until resolved. */
static int
work_dispute(const struct confirm_row *r, void *ctx)
{
	struct work_walk *w = ctx;
	struct worklist_item it;

	memset(&it, 0, sizeof it);
	it.kind = WORK_DISPUTE;
	it.customer_id = r->customer_id;
	it.customer = r->code;
	it.name = r->name;
	it.currency = r->currency;
	it.sales_rep = "";
	it.date = r->answered_on;
	it.amount = r->difference;
	it.paid = r->explained;
	it.owner = "";
	it.note = r->reason;
	work_decide(w, &it, "accounting", 0, CONTACT_OWNER_NONE);
	return w->fn(&it, w->ctx);
}

enum ur_status
store_contact_worklist(struct store *st, const struct ar_settings *s, int32_t day,
		       store_worklist_fn fn, void *ctx, struct ur_err *err)
{
	struct ar_set set;
	enum ur_status rc;

	ar_set_init(&set, s, day, false);
	if ((rc = store_ar_rows(st, &set, err)) == UR_OK)
		rc = store_contact_worklist_rows(st, s, &set, fn, ctx, err);
	ar_set_free(&set);
	return rc;
}

enum ur_status
store_contact_worklist_rows(struct store *st, const struct ar_settings *s,
			    const struct ar_set *set, store_worklist_fn fn, void *ctx,
			    struct ur_err *err)
{
	static const char *const parts[] = { follow_sql, promise_due_sql, promise_past_sql };
	struct work_walk w = { WORK_FOLLOW_UP, set->as_of, s, set, NULL, NULL, 0, fn, ctx };
	enum ur_status rc = UR_OK;

	for (int k = 0; k < 3 && rc == UR_OK; k++) {
		w.kind = (enum worklist_kind)k;
		rc = contact_walk(st, parts[k], 0, w.day, 1, work_contact, &w, err);
	}
	if (rc == UR_OK && (rc = work_hold_disputed(st, &w, err)) == UR_OK)
		work_dunning(&w);
	if (rc == UR_OK) {
		enum confirm_state open = CONFIRM_DISPUTED;

		rc = store_confirm_each(st, &open, work_dispute, &w, err);
	}
	free(w.fix);
	free(w.at);
	return rc;
}

enum ur_status
store_dunning_move(struct store *st, int64_t customer_id, int level, int32_t day,
		   const char *note, int64_t *id, struct ur_err *err)
{
	struct contact c;

	if (level < 1 || level > ARCONF_LEVELS)
		return ur_fail(err, UR_INPUT, _("dunning levels go from 1 to %d"), ARCONF_LEVELS);
	memset(&c, 0, sizeof c);
	c.customer_id = customer_id;
	c.day = day;
	c.channel = level == CONTACT_LEVEL_REMINDER ? CONTACT_EMAIL : CONTACT_LETTER;
	c.next_owner = CONTACT_OWNER_NONE; /* collector-by-level decides */
	c.dunning_level = level;
	/* the level is stored as its number and named in the reader's
	 * language when shown: no translated name goes into the note */
	c.note = note ? note : "";
	return store_contact_add(st, &c, day, id, err);
}
