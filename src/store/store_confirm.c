/* store_confirm: balance confirmations sent, answered, disputed and
 * resolved (see store_confirm.h). A customer's state is that of its
 * latest confirmation; older ones stay as its history. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "rating.h"
#include "store_confirm.h"
#include "store_priv.h"

static const char *const state_names[CONFIRM_STATES] = {
	"not-sent", "awaiting", "agreed", "disputed", "resolved",
};

static const char *const state_labels[CONFIRM_STATES] = {
	N_("not sent"), N_("awaiting an answer"), N_("agreed"), N_("disputed"), N_("resolved"),
};

static const char *const kind_names[] = {
	[DISPUTE_INVOICE] = "invoice",
	[DISPUTE_UNRECEIVED] = "unreceived",
	[DISPUTE_CREDIT_NOTE] = "credit_note",
	[DISPUTE_OTHER] = "other",
	[DISPUTE_NOTE] = "note",
};

const char *
confirm_state_name(enum confirm_state s)
{
	return s < CONFIRM_STATES ? state_names[s] : "";
}

const char *
confirm_state_label(enum confirm_state s)
{
	return s < CONFIRM_STATES ? _(state_labels[s]) : "";
}

bool
confirm_state_parse(const char *name, enum confirm_state *out)
{
	for (int i = 0; i < CONFIRM_STATES; i++)
		if (strcmp(name, state_names[i]) == 0) {
			*out = (enum confirm_state)i;
			return true;
		}
	return false;
}

/* Columns of a confirmation with its customer; f may be NULL (never sent). */
#define CONFIRM_COLS                                                                              \
	"SELECT c.id, c.code, c.name, coalesce(f.currency, c.currency), coalesce(f.id, 0),\n"     \
	"  coalesce(f.state, 'not-sent'), f.sent_on, f.as_of, f.answered_on, f.resolved_on,\n"    \
	"  coalesce(f.balance, 0), coalesce(f.their_balance, 0), coalesce(f.document, ''),\n"     \
	"  coalesce(f.delivery, ''), coalesce(f.file, ''), coalesce(f.reason, ''),\n"             \
	"  coalesce(f.\"user\", ''), (SELECT coalesce(sum(i.amount), 0) FROM dispute_item AS i\n" \
	"    WHERE i.confirmation_id = f.id)\n"

static const char latest_sql[] =
	CONFIRM_COLS
	"FROM customer AS c LEFT JOIN confirmation AS f ON f.id = (\n"
	"  SELECT max(l.id) FROM confirmation AS l WHERE l.customer_id = c.id)\n"
	/* cast: PostgreSQL cannot type a parameter first met in IS NULL */
	"WHERE (CAST(?1 AS INTEGER) IS NULL OR c.id = ?1) AND +c.company_id = " STORE_COMPANY
	" ORDER BY c.code";
static const char history_sql[] =
	CONFIRM_COLS
	"FROM confirmation AS f JOIN customer AS c ON c.id = f.customer_id\n"
	"WHERE +f.company_id = " STORE_COMPANY "\n"
	"ORDER BY c.code, f.id";

static void
confirm_row_read(struct db_stmt *s, struct confirm_row *r)
{
	memset(r, 0, sizeof *r);
	r->customer_id = db_column_int64(s, 0);
	r->code = store_column_str(s, 1);
	r->name = store_column_str(s, 2);
	r->currency = store_column_str(s, 3);
	r->id = db_column_int64(s, 4);
	if (!confirm_state_parse(store_column_str(s, 5), &r->state))
		r->state = CONFIRM_NOT_SENT;
	r->sent_on = store_column_date(s, 6);
	r->as_of = store_column_date(s, 7);
	r->answered_on = store_column_date(s, 8);
	r->resolved_on = store_column_date(s, 9);
	r->balance = db_column_int64(s, 10);
	r->their_balance = db_column_int64(s, 11);
	r->document = store_column_str(s, 12);
	r->delivery = store_column_str(s, 13);
	r->file = store_column_str(s, 14);
	r->reason = store_column_str(s, 15);
	r->user = store_column_str(s, 16);
	r->explained = db_column_int64(s, 17);
	if (r->answered_on && r->state != CONFIRM_AGREED)
		r->difference = r->balance - r->their_balance;
}

/* Walk the rows of sql (?1 the customer, or NULL for all). */
static enum ur_status
confirm_walk(struct store *st, const char *sql, int64_t customer_id,
	     const enum confirm_state *filter, store_confirm_fn fn, void *ctx,
	     struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, sql, err);
	struct confirm_row r;
	int rc;

	if (!s)
		return store_status(err);
	if (customer_id)
		db_bind_int64(s, 1, customer_id);
	while ((rc = db_step(s)) == DB_ROW) {
		confirm_row_read(s, &r);
		if (filter && r.state != *filter)
			continue;
		if (fn(&r, ctx)) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_confirm_each(struct store *st, const enum confirm_state *state_filter,
		   store_confirm_fn fn, void *ctx, struct ur_err *err)
{
	return confirm_walk(st, latest_sql, 0, state_filter, fn, ctx, err);
}

enum ur_status
store_confirm_history(struct store *st, store_confirm_fn fn, void *ctx, struct ur_err *err)
{
	return confirm_walk(st, history_sql, 0, NULL, fn, ctx, err);
}

enum ur_status
store_confirm_latest(struct store *st, int64_t customer_id, store_confirm_fn fn, void *ctx,
		     struct ur_err *err)
{
	return confirm_walk(st, latest_sql, customer_id, NULL, fn, ctx, err);
}

/* The latest confirmation of a customer: its id and state. */
struct latest {
	int64_t id, difference, explained, balance;
	enum confirm_state state;
	char code[128], currency[8];
};

static int
latest_keep(const struct confirm_row *r, void *ctx)
{
	struct latest *l = ctx;

	l->id = r->id;
	l->state = r->state;
	l->difference = r->difference;
	l->explained = r->explained;
	l->balance = r->balance;
	snprintf(l->code, sizeof l->code, "%s", r->code);
	snprintf(l->currency, sizeof l->currency, "%s", r->currency);
	return 1;
}

static enum ur_status
latest_get(struct store *st, int64_t customer_id, struct latest *l, struct ur_err *err)
{
	enum ur_status rc;

	memset(l, 0, sizeof *l);
	rc = store_confirm_latest(st, customer_id, latest_keep, l, err);
	if (rc == UR_OK && !*l->code)
		rc = ur_fail(err, UR_INPUT, _("no such customer"));
	return rc;
}

/* Run body in a transaction of its own unless the caller has one open. */
static enum ur_status
in_tx(struct store *st, enum ur_status (*body)(struct store *, const void *, struct ur_err *),
      const void *arg, struct ur_err *err)
{
	int own = !st->in_tx;
	enum ur_status rc;

	if (own && (rc = store_begin(st, err)) != UR_OK)
		return rc;
	rc = body(st, arg, err);
	if (own && rc != UR_OK)
		store_rollback(st);
	else if (own)
		rc = store_commit(st, err);
	return rc;
}

static enum ur_status
audit_confirmation(struct store *st, const char *action, int64_t id, const char *state,
		   struct ur_err *err)
{
	char key[24];

	snprintf(key, sizeof key, "%" PRId64, id);
	store_json_str(&st->after, "state", state);
	store_json_end(&st->after);
	return store_audit_entity(st, action, "confirmation", key, NULL, st->after.buf, err);
}

struct send_arg {
	const struct confirm_send *c;
	int64_t *id;
};

static enum ur_status
send_body(struct store *st, const void *arg, struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO confirmation (customer_id, sent_on, as_of, balance, currency,"
		" document, delivery, file, \"user\", company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " STORE_COMPANY ")"
		SQL_RETURNING_ID;
	const struct send_arg *a = arg;
	const struct confirm_send *c = a->c;
	struct latest l;
	struct db_stmt *s;
	enum ur_status rc;

	if ((rc = latest_get(st, c->customer_id, &l, err)) != UR_OK)
		return rc;
	if (l.state == CONFIRM_DISPUTED)
		return ur_fail(err, UR_INPUT, _("%s has a dispute open: resolve it first "
						"(urikake confirm resolve)"), l.code);
	if (!(s = store_prepare(st, sql, err)))
		return err->status;
	db_bind_int64(s, 1, c->customer_id);
	store_bind_date(s, 2, c->sent_on);
	store_bind_date(s, 3, c->as_of);
	db_bind_int64(s, 4, c->balance);
	db_bind_text(s, 5, c->currency);
	db_bind_text(s, 6, c->document);
	db_bind_text(s, 7, c->delivery);
	db_bind_text(s, 8, c->file ? c->file : "");
	db_bind_text(s, 9, store_user(st));
	rc = store_step_id(st, s, a->id, err);
	db_finalize(s);
	if (rc != UR_OK)
		return rc;
	store_json_begin(&st->after);
	store_json_int(&st->after, "customer_id", c->customer_id);
	store_json_int(&st->after, "balance", c->balance);
	store_json_str(&st->after, "currency", c->currency);
	store_json_str(&st->after, "document", c->document);
	store_json_str(&st->after, "delivery", c->delivery);
	return audit_confirmation(st, "send", *a->id, "awaiting", err);
}

enum ur_status
store_confirm_send(struct store *st, const struct confirm_send *c, int64_t *id,
		   struct ur_err *err)
{
	int64_t got = 0;
	struct send_arg a = { c, &got };
	enum ur_status rc = in_tx(st, send_body, &a, err);

	if (rc == UR_OK && id)
		*id = got;
	return rc;
}

struct answer_arg {
	int64_t customer_id, their;
	int32_t day;
	bool agreed;
	const char *reason;
};

static enum ur_status
answer_body(struct store *st, const void *arg, struct ur_err *err)
{
	static const char sql[] =
		"UPDATE confirmation SET state = ?2, answered_on = ?3, their_balance = ?4,"
		" reason = ?5 WHERE id = ?1 AND state = 'awaiting' AND +company_id = " STORE_COMPANY;
	const struct answer_arg *a = arg;
	struct latest l;
	struct db_stmt *s;
	const char *state;
	enum ur_status rc;
	int step;

	if ((rc = latest_get(st, a->customer_id, &l, err)) != UR_OK)
		return rc;
	if (l.state != CONFIRM_AWAITING)
		return ur_fail(err, UR_INPUT, _("%s: no confirmation awaits an answer (%s)"),
			       l.code, confirm_state_label(l.state));
	state = a->agreed || a->their == l.balance ? "agreed" : "disputed";
	if (!(s = store_prepare(st, sql, err)))
		return err->status;
	db_bind_int64(s, 1, l.id);
	db_bind_text(s, 2, state);
	store_bind_date(s, 3, a->day);
	db_bind_int64(s, 4, a->agreed ? l.balance : a->their);
	store_bind_text(s, 5, a->reason);
	step = db_step(s);
	db_finalize(s);
	if (step != DB_DONE)
		return store_sqlfail(st, step, err);
	if (db_changes(st->db) != 1)
		return ur_fail(err, UR_CONFLICT, _("%s: the confirmation was answered meanwhile"),
			       l.code);
	store_json_begin(&st->after);
	store_json_int(&st->after, "their_balance", a->agreed ? l.balance : a->their);
	if (a->reason)
		store_json_str(&st->after, "reason", a->reason);
	return audit_confirmation(st, "answer", l.id, state, err);
}

enum ur_status
store_confirm_answer(struct store *st, int64_t customer_id, int32_t day, bool agreed,
		     int64_t their_balance, const char *reason, struct ur_err *err)
{
	struct answer_arg a = { customer_id, their_balance, day, agreed, reason };

	return in_tx(st, answer_body, &a, err);
}

/* Whether invoice_id is named in confirmation conf_id already. */
static enum ur_status
named_already(struct store *st, int64_t conf_id, int64_t invoice_id, bool *out,
	      struct ur_err *err)
{
	static const char sql[] =
		"SELECT count(*) FROM dispute_item WHERE confirmation_id = ?1 AND invoice_id = ?2"
		" AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return err->status;
	db_bind_int64(s, 1, conf_id);
	db_bind_int64(s, 2, invoice_id);
	rc = db_step(s);
	*out = rc == DB_ROW && db_column_int(s, 0) > 0;
	db_finalize(s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

/* The amount an invoice item explains: the amount given — a part of what
 * is open on it, of the same sign — else what is open. An invoice named
 * once already would count twice. */
static enum ur_status
item_invoice(struct store *st, int64_t conf_id, int64_t customer_id,
	     const struct dispute_item *it, int64_t *inv_id, int64_t *amount, struct ur_err *err)
{
	struct invoice inv;
	struct customer cu;
	int64_t open;
	char a[MONEY_BUFSZ], o[MONEY_BUFSZ];
	bool named;
	enum ur_status rc;

	if ((rc = store_invoice_get(st, it->invoice, &inv, &open, err)) != UR_OK)
		return rc;
	*inv_id = inv.id;
	if ((rc = store_customer_get(st, inv.customer, &cu, err)) != UR_OK)
		return rc;
	if (cu.id != customer_id)
		return ur_fail(err, UR_INPUT, _("invoice %s is not this customer's"), it->invoice);
	if ((rc = named_already(st, conf_id, inv.id, &named, err)) != UR_OK)
		return rc;
	if (named)
		return ur_fail(err, UR_INPUT, _("invoice %s is named in this dispute already"),
			       it->invoice);
	*amount = it->amount ? it->amount : open;
	if (it->amount && (open > 0 ? it->amount < 0 || it->amount > open
				    : it->amount > 0 || it->amount < open)) {
		money_format(it->amount, inv.currency, MONEY_GROUP, a, sizeof a);
		money_format(open, inv.currency, MONEY_GROUP, o, sizeof o);
		return ur_fail(err, UR_INPUT, _("invoice %s: %s is not part of the %s open on it"),
			       it->invoice, a, o);
	}
	return UR_OK;
}

static enum ur_status
item_insert(struct store *st, int64_t conf_id, int64_t customer_id,
	    const struct dispute_item *it, struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO dispute_item (confirmation_id, kind, invoice_id, amount, note, \"user\","
		" company_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " STORE_COMPANY ")" SQL_RETURNING_ID;
	int64_t id, inv_id = 0, amount = it->kind == DISPUTE_NOTE ? 0 : it->amount;
	char key[24];
	struct db_stmt *s;
	enum ur_status rc;

	if (it->kind == DISPUTE_INVOICE &&
	    (rc = item_invoice(st, conf_id, customer_id, it, &inv_id, &amount, err)) != UR_OK)
		return rc;
	if (!(s = store_prepare(st, sql, err)))
		return err->status;
	db_bind_int64(s, 1, conf_id);
	db_bind_text(s, 2, kind_names[it->kind]);
	if (inv_id)
		db_bind_int64(s, 3, inv_id);
	db_bind_int64(s, 4, amount);
	db_bind_text(s, 5, it->note ? it->note : "");
	db_bind_text(s, 6, store_user(st));
	rc = store_step_id(st, s, &id, err);
	db_finalize(s);
	if (rc != UR_OK)
		return rc;
	snprintf(key, sizeof key, "%lld", (long long)id);
	store_json_begin(&st->after);
	store_json_int(&st->after, "confirmation_id", conf_id);
	store_json_str(&st->after, "kind", kind_names[it->kind]);
	if (it->invoice)
		store_json_str(&st->after, "invoice", it->invoice);
	store_json_int(&st->after, "amount", amount);
	store_json_str(&st->after, "note", it->note ? it->note : "");
	store_json_end(&st->after);
	return store_audit_entity(st, "insert", "dispute_item", key, NULL, st->after.buf, err);
}

struct resolve_arg {
	int64_t customer_id, confirmation_id;
	int32_t day;
	const struct dispute_item *items;
	int nitems;
	bool close;
};

static enum ur_status
close_dispute(struct store *st, const struct resolve_arg *a, const char *code,
	      struct ur_err *err)
{
	static const char sql[] =
		"UPDATE confirmation SET state = 'resolved', resolved_on = ?2"
		" WHERE id = ?1 AND state = 'disputed' AND +company_id = " STORE_COMPANY;
	struct latest l;
	char ex[MONEY_BUFSZ], diff[MONEY_BUFSZ], rest[MONEY_BUFSZ];
	struct db_stmt *s;
	enum ur_status rc;
	int step;

	if ((rc = latest_get(st, a->customer_id, &l, err)) != UR_OK)
		return rc;
	if (l.explained != l.difference) {
		money_format(l.explained, l.currency, MONEY_GROUP, ex, sizeof ex);
		money_format(l.difference, l.currency, MONEY_GROUP, diff, sizeof diff);
		money_format(l.difference - l.explained, l.currency, MONEY_GROUP, rest,
			     sizeof rest);
		return ur_fail(err, UR_INPUT, _("%s: the items explain %s of the difference %s; "
						"%s is not explained, so the dispute stays open"),
			       code, ex, diff, rest);
	}
	if (!(s = store_prepare(st, sql, err)))
		return err->status;
	db_bind_int64(s, 1, l.id);
	store_bind_date(s, 2, a->day);
	step = db_step(s);
	db_finalize(s);
	if (step != DB_DONE)
		return store_sqlfail(st, step, err);
	store_json_begin(&st->after);
	store_json_int(&st->after, "explained", l.explained);
	return audit_confirmation(st, "resolve", l.id, "resolved", err);
}

static enum ur_status
resolve_body(struct store *st, const void *arg, struct ur_err *err)
{
	const struct resolve_arg *a = arg;
	struct latest l;
	enum ur_status rc;

	if ((rc = latest_get(st, a->customer_id, &l, err)) != UR_OK)
		return rc;
	if (a->confirmation_id && (l.id != a->confirmation_id || l.state != CONFIRM_DISPUTED))
		return ur_fail(err, UR_CONFLICT,
			       _("%s: the dispute was closed meanwhile (now %s); nothing was "
				 "recorded"), l.code, confirm_state_label(l.state));
	if (l.state != CONFIRM_DISPUTED)
		return ur_fail(err, UR_INPUT, _("%s: no dispute is open (%s)"), l.code,
			       confirm_state_label(l.state));
	for (int i = 0; i < a->nitems && rc == UR_OK; i++)
		rc = item_insert(st, l.id, a->customer_id, &a->items[i], err);
	if (rc == UR_OK && a->close)
		rc = close_dispute(st, a, l.code, err);
	return rc;
}

enum ur_status
store_confirm_resolve(struct store *st, int64_t customer_id, int64_t confirmation_id,
		      int32_t day, const struct dispute_item *items, int nitems, bool close,
		      struct ur_err *err)
{
	struct resolve_arg a = { customer_id, confirmation_id, day, items, nitems, close };

	return in_tx(st, resolve_body, &a, err);
}

enum ur_status
store_dispute_items(struct store *st, int64_t confirmation_id, store_dispute_fn fn, void *ctx,
		    struct ur_err *err)
{
	static const char sql[] =
		"SELECT di.kind, coalesce(di.invoice_id, 0), coalesce(i.number, ''), di.amount,"
		" di.note, di.\"user\" FROM dispute_item AS di"
		" LEFT JOIN invoice AS i ON i.id = di.invoice_id"
		" WHERE di.confirmation_id = ?1 AND +di.company_id = " STORE_COMPANY " ORDER BY di.id";
	struct db_stmt *s = store_prepare(st, sql, err);
	struct dispute_row r;
	int rc;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, confirmation_id);
	while ((rc = db_step(s)) == DB_ROW) {
		const char *kind = store_column_str(s, 0);

		memset(&r, 0, sizeof r);
		r.kind = DISPUTE_NOTE;
		for (int k = DISPUTE_INVOICE; k <= DISPUTE_NOTE; k++)
			if (strcmp(kind, kind_names[k]) == 0)
				r.kind = (enum dispute_kind)k;
		r.invoice_id = db_column_int64(s, 1);
		r.invoice = store_column_str(s, 2);
		r.amount = db_column_int64(s, 3);
		r.note = store_column_str(s, 4);
		r.user = store_column_str(s, 5);
		if (fn(&r, ctx)) {
			rc = DB_DONE;
			break;
		}
	}
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_invoice_disputed(struct store *st, int64_t invoice_id, bool *out, struct ur_err *err)
{
	static const char sql[] = "SELECT " STORE_INVOICE_DISPUTED("?1");
	struct db_stmt *s = store_prepare(st, sql, err);
	int rc;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, invoice_id);
	rc = db_step(s);
	*out = rc == DB_ROW && db_column_int(s, 0);
	db_finalize(s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

/* The balance confirmations disputed and open at :d (answered by then,
 * not resolved by then), per customer and currency: how many, the
 * differences taken whole, and the balances we stated. */
static const char disputes_open_sql[] =
	"SELECT customer_id, currency, count(*), sum(abs(balance - their_balance)),"
	" sum(abs(balance)) FROM confirmation\n"
	"WHERE answered_on <= ?1 AND their_balance IS NOT NULL AND their_balance <> balance\n"
	"  AND +company_id = " STORE_COMPANY "\n"
	"  AND (state = 'disputed' OR (state = 'resolved' AND resolved_on > ?1))\n"
	"GROUP BY 1, 2 ORDER BY 1, 2";

enum ur_status
store_confirm_disputes(struct store *st, int32_t as_of, struct rating_hist *h,
		       struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, disputes_open_sql, err);
	struct rating_input *in;
	int rc;

	if (!s)
		return store_status(err);
	store_bind_date(s, 1, as_of);
	while ((rc = db_step(s)) == DB_ROW) {
		in = rating_hist_get(h, db_column_int64(s, 0), store_column_str(s, 1));
		in->disputes = db_column_int(s, 2);
		in->disputed = db_column_int64(s, 3);
		in->stated = db_column_int64(s, 4);
	}
	db_finalize(s);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}
