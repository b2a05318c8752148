/* store_ledger: bank files, deposits, allocations and adjustments in SQL.
 * Allocations and adjustments are a ledger: inserted and voided, each
 * change audited. invoice.paid follows the ledger in the same
 * transaction: inserts add to it here, voids subtract in the schema's
 * triggers, and the schema forbids deletes and rewrites. A deposit's payer
 * fields are bound, read and copied one after another in the order of
 * DEPOSIT_PAYER_FIELDS (payer.h), so a new one needs no change here. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "money.h"
#include "store_priv.h"
#include "xalloc.h"

static enum ur_status
audit_id(struct store *st, const char *action, const char *kind, int64_t id,
	 const char *before, const char *after, struct ur_err *err)
{
	char key[24];

	snprintf(key, sizeof key, "%" PRId64, id);
	return store_audit_entity(st, action, kind, key, before, after, err);
}

/* Step the lookup s (parameters bound) and put column 0 in *id; UR_OK
 * when found, UR_INPUT (no message) when not. */
static enum ur_status
lookup_id(struct store *st, struct db_stmt *s, int64_t *id, struct ur_err *err)
{
	int rc = db_step(s);

	if (rc == DB_ROW)
		*id = db_column_int64(s, 0);
	db_reset(s);
	if (rc == DB_ROW)
		return UR_OK;
	return rc == DB_DONE ? UR_INPUT : store_sqlfail(st, rc, err);
}

enum ur_status
store_bank_file_insert(struct store *st, const struct bank_file *bf, int64_t *id,
		       enum store_upsert *what, struct ur_err *err)
{
	static const char ins[] =
		"INSERT INTO bank_file (sha256, name, format, encoding, \"user\", records, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, " STORE_COMPANY ")"
		" ON CONFLICT (company_id, sha256) DO NOTHING" SQL_RETURNING_ID;
	static const char sel[] =
		"SELECT id FROM bank_file WHERE company_id = " STORE_COMPANY " AND sha256 = ?1";
	struct db_stmt *s = store_stmt(st, SQ_BANK_FILE_INSERT, ins, err);
	enum ur_status rc;

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, bf->sha256);
	db_bind_text(s, 2, bf->name ? bf->name : "");
	db_bind_text(s, 3, bf->format ? bf->format : "");
	db_bind_text(s, 4, bf->encoding ? bf->encoding : "");
	db_bind_text(s, 5, st->user);
	db_bind_int64(s, 6, bf->records);
	if ((rc = store_step_id(st, s, id, err)) != UR_OK)
		return rc;
	if (*id) {
		*what = STORE_INSERTED;
		return UR_OK;
	}
	*what = STORE_UNCHANGED;
	if (!(s = store_stmt(st, SQ_BANK_FILE_BY_HASH, sel, err)))
		return store_status(err);
	db_bind_text(s, 1, bf->sha256);
	rc = lookup_id(st, s, id, err);
	return rc == UR_INPUT ? store_sqlfail(st, DB_CORRUPT, err) : rc;
}

void
store_bind_named(struct db_stmt *s, const char *name, const char *text)
{
	int idx = db_param_index(s, name);

	if (idx)
		db_bind_text(s, idx, text ? text : "");
}

void
store_bind_payer(struct db_stmt *s, const struct deposit_payer *p)
{
#define BIND_ONE(f, label, cap) store_bind_named(s, ":" #f, p->f);
	DEPOSIT_PAYER_FIELDS(BIND_ONE)
#undef BIND_ONE
}

void
store_column_payer(struct db_stmt *s, int col, struct deposit_payer *p)
{
#define READ_ONE(f, label, cap) p->f = store_column_str(s, col++);
	DEPOSIT_PAYER_FIELDS(READ_ONE)
#undef READ_ONE
}

char *
store_payer_dup(struct deposit_payer *p)
{
	size_t size = 0;
	char *buf, *at;

#define SIZE_ONE(f, label, cap) size += strlen(p->f ? p->f : "") + 1;
	DEPOSIT_PAYER_FIELDS(SIZE_ONE)
#undef SIZE_ONE
	at = buf = xmalloc(size);
#define COPY_ONE(f, label, cap) \
	p->f = strcpy(at, p->f ? p->f : ""); \
	at += strlen(at) + 1;
	DEPOSIT_PAYER_FIELDS(COPY_ONE)
#undef COPY_ONE
	return buf;
}

/* Bind d to the parameters named as its columns that s has. */
static void
dep_bind(struct db_stmt *s, const struct deposit *d)
{
	int idx;

	store_bind_named(s, ":acct_bank", d->acct_bank);
	store_bind_named(s, ":acct_branch", d->acct_branch);
	store_bind_named(s, ":currency", d->currency);
	store_bind_named(s, ":reference", d->reference);
	store_bind_payer(s, &d->payer);
	store_bind_date(s, db_param_index(s, ":booking_date"), d->booking_date);
	if ((idx = db_param_index(s, ":value_date")))
		store_bind_date(s, idx, d->value_date);
	if ((idx = db_param_index(s, ":amount")))
		db_bind_int64(s, idx, d->amount);
	if (d->bank_file_id && (idx = db_param_index(s, ":bank_file_id")))
		db_bind_int64(s, idx, d->bank_file_id);
	if ((idx = db_param_index(s, ":record_no")))
		db_bind_int64(s, idx, d->record_no);
}

#define DEP_INSERT                                                                         \
	"INSERT INTO deposit (" STORE_PAYER_COLS "acct_bank, acct_branch, currency,"           \
	" reference, booking_date, value_date, amount, bank_file_id, record_no, company_id)"   \
	" VALUES (" STORE_PAYER_PARAMS ":acct_bank, :acct_branch, :currency, :reference,"      \
	" :booking_date, :value_date, :amount, :bank_file_id, :record_no, " STORE_COMPANY ")"  \
	" ON CONFLICT DO NOTHING"

enum ur_status
store_deposit_insert(struct store *st, const struct deposit *d, int64_t *id,
		     enum store_upsert *what, struct ur_err *err)
{
	static const char ins[] = DEP_INSERT SQL_RETURNING_ID;
	static const char sel[] =
		"SELECT id FROM deposit WHERE company_id = " STORE_COMPANY " AND acct_bank = :acct_bank"
		" AND acct_branch = :acct_branch AND acct_number = :acct_number"
		" AND reference = :reference"
		" AND booking_date = :booking_date AND amount = :amount";
	struct db_stmt *s = store_stmt(st, SQ_DEP_INSERT, ins, err);
	enum ur_status rc;

	if (!s)
		return store_status(err);
	if (!d->currency || !*d->currency)
		return ur_fail(err, UR_INPUT, _("a deposit needs a currency"));
	dep_bind(s, d);
	if ((rc = store_step_id(st, s, id, err)) != UR_OK)
		return rc;
	if (*id) {
		*what = STORE_INSERTED;
		return UR_OK;
	}
	*what = STORE_UNCHANGED;
	if (!(s = store_stmt(st, SQ_DEP_BY_KEY, sel, err)))
		return store_status(err);
	dep_bind(s, d);
	rc = lookup_id(st, s, id, err);
	return rc == UR_INPUT ? store_sqlfail(st, DB_CORRUPT, err) : rc;
}

enum ur_status
store_deposit_queue(struct store *st, const struct deposit *d, enum store_upsert *what,
		    struct ur_err *err)
{
	static const char ins[] = DEP_INSERT;
	struct db_stmt *s;
	enum ur_status rc;
	int64_t id;

	if (!db_queues(st->db))
		return store_deposit_insert(st, d, &id, what, err);
	if (!d->currency || !*d->currency)
		return ur_fail(err, UR_INPUT, _("a deposit needs a currency"));
	if (!(s = store_stmt(st, SQ_DEP_QUEUE, ins, err)))
		return store_status(err);
	if (!st->dep_queued)
		st->dep_base = db_total_changes(st->db);
	dep_bind(s, d);
	if ((rc = store_step_write(st, s, err)) != UR_OK)
		return rc;
	st->dep_queued++;
	*what = STORE_QUEUED;
	return UR_OK;
}

enum ur_status
store_deposits_settle(struct store *st, unsigned long *added, struct ur_err *err)
{
	int rc = db_sync(st->db);

	*added = 0;
	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	/* each queued insert changed one row or, already there, none */
	if (st->dep_queued)
		*added = (unsigned long)(db_total_changes(st->db) - st->dep_base);
	st->dep_queued = 0;
	return UR_OK;
}

/* Deposit id is no longer in state from: say which deposit it is (its
 * reference) and what it is now. */
static enum ur_status
dep_state_conflict(struct store *st, int64_t id, enum deposit_state from, struct ur_err *err)
{
	struct db_stmt *s = NULL;
	char ref[64] = "?", now[16] = "";
	enum deposit_state now_state;

	if (store_prepare_db(st, "SELECT reference, state FROM deposit"
				 " WHERE id = ?1 AND +company_id = " STORE_COMPANY, &s) == DB_OK) {
		db_bind_int64(s, 1, id);
		if (db_step(s) == DB_ROW) {
			snprintf(ref, sizeof ref, "%s", store_column_str(s, 0));
			snprintf(now, sizeof now, "%s", store_column_str(s, 1));
		}
	}
	db_finalize(s);
	return ur_fail(err, UR_CONFLICT,
		       _("deposit %s is %s now, no longer %s: another user changed it first"), ref,
		       deposit_state_parse(now, &now_state) ? deposit_state_label(now_state) : now,
		       deposit_state_label(from));
}

enum ur_status
store_deposit_set_state(struct store *st, int64_t id, enum deposit_state from,
			enum deposit_state to, int64_t customer_id, const char *park_reason,
			struct ur_err *err)
{
	static const char sql[] =
		"UPDATE deposit SET state = ?3, customer_id = ?4, park_reason = ?5"
		" WHERE id = ?1 AND state = ?2 AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_stmt(st, SQ_DEP_STATE, sql, err);
	enum ur_status rc;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, deposit_state_word(from));
	db_bind_text(s, 3, deposit_state_word(to));
	if (customer_id)
		db_bind_int64(s, 4, customer_id);
	store_bind_text(s, 5, park_reason);
	if ((rc = store_step_done(st, s, err)) != UR_OK)
		return rc;
	if (db_changes(st->db) != 1)
		return dep_state_conflict(st, id, from, err);
	return store_deposit_state_audit(st, id, from, to, customer_id, park_reason, err);
}

enum ur_status
store_deposit_state_audit(struct store *st, int64_t id, enum deposit_state from,
			  enum deposit_state to, int64_t customer_id, const char *park_reason,
			  struct ur_err *err)
{
	store_json_begin(&st->before);
	store_json_str(&st->before, "state", deposit_state_word(from));
	store_json_end(&st->before);
	store_json_begin(&st->after);
	store_json_str(&st->after, "state", deposit_state_word(to));
	store_json_int(&st->after, "customer_id", customer_id);
	store_json_str(&st->after, "park_reason", park_reason);
	store_json_end(&st->after);
	return audit_id(st, "state", "deposit", id, st->before.buf, st->after.buf, err);
}

/* UR_CONFLICT when clearing `amount` of invoice id would take it below
 * zero (another clerk may have paid it meanwhile). */
static enum ur_status
check_open(struct store *st, int64_t invoice_id, int64_t amount, struct ur_err *err)
{
	static const char sql[] =
		"SELECT amount - paid, number, currency FROM invoice WHERE id = ?1"
		" AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_stmt(st, SQ_INV_OPEN, sql, err);
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int rc;

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, invoice_id);
	rc = db_step(s);
	if (rc == DB_ROW && (amount > 0 ? amount > db_column_int64(s, 0)
					     : amount < db_column_int64(s, 0))) {
		money_format(db_column_int64(s, 0), store_column_str(s, 2), MONEY_GROUP, a,
			     sizeof a);
		money_format(amount, store_column_str(s, 2), MONEY_GROUP, b, sizeof b);
		ur_fail(err, UR_CONFLICT,
			_("invoice %s has only %s open, not %s: another user may have changed it"),
			store_column_str(s, 1), a, b);
		db_reset(s);
		return UR_CONFLICT;
	}
	db_reset(s);
	if (rc == DB_DONE)
		return ur_fail(err, UR_INPUT, _("no invoice with id %" PRId64), invoice_id);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

/* The cached paid amount of invoice id grows by amount (an inserted
 * ledger row). */
static enum ur_status
add_paid(struct store *st, int64_t invoice_id, int64_t amount, struct ur_err *err)
{
	static const char sql[] =
		"UPDATE invoice SET paid = paid + ?2 WHERE id = ?1 AND +company_id = " STORE_COMPANY;
	struct db_stmt *s = store_stmt(st, SQ_INV_PAID_ADD, sql, err);

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, invoice_id);
	db_bind_int64(s, 2, amount);
	return store_step_write(st, s, err);
}

/* Insert adj and its audit row; adding it to paid is the caller's. */
static enum ur_status
adjustment_row(struct store *st, const struct adjustment *adj, int64_t *id,
	       struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO adjustment (invoice_id, kind, amount, adj_date, allocation_id, \"user\","
		" company_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " STORE_COMPANY ")" SQL_RETURNING_ID;
	struct db_stmt *s;
	enum ur_status rc;

	if (!(s = store_stmt(st, SQ_ADJ_INSERT, sql, err)))
		return store_status(err);
	db_bind_int64(s, 1, adj->invoice_id);
	db_bind_text(s, 2, adj->kind);
	db_bind_int64(s, 3, adj->amount);
	store_bind_date(s, 4, adj->adj_date);
	if (adj->allocation_id)
		db_bind_int64(s, 5, adj->allocation_id);
	db_bind_text(s, 6, st->user);
	if ((rc = store_step_id(st, s, id, err)) != UR_OK)
		return rc;
	return store_adjustment_audit(st, adj, *id, err);
}

enum ur_status
store_adjustment_audit(struct store *st, const struct adjustment *adj, int64_t id,
		       struct ur_err *err)
{
	char d[DATE_ISO_SIZE];

	date_format_iso(adj->adj_date, d);
	store_json_begin(&st->after);
	store_json_int(&st->after, "invoice_id", adj->invoice_id);
	store_json_str(&st->after, "kind", adj->kind);
	store_json_int(&st->after, "amount", adj->amount);
	store_json_str(&st->after, "adj_date", d);
	store_json_int(&st->after, "allocation_id", adj->allocation_id);
	store_json_end(&st->after);
	return audit_id(st, "adjust", "adjustment", id, NULL, st->after.buf, err);
}

static void
alloc_json(struct strbuf *sb, int64_t id, const struct allocation *a)
{
	char d[DATE_ISO_SIZE];

	date_format_iso(a->alloc_date, d);
	store_json_begin(sb);
	store_json_int(sb, "id", id);
	store_json_int(sb, "deposit_id", a->deposit_id);
	store_json_int(sb, "invoice_id", a->invoice_id);
	store_json_int(sb, "customer_id", a->customer_id);
	store_json_int(sb, "amount", a->amount);
	store_json_int(sb, "fee", a->fee);
	store_json_str(sb, "kind", alloc_kind_word(a->kind));
	store_json_str(sb, "alloc_date", d);
	store_json_end(sb);
}

/* Whether a can be inserted; open_checked: the caller has already seen,
 * in this transaction, that its invoice has enough open. */
static enum ur_status
alloc_check(struct store *st, const struct allocation *a, bool open_checked,
	    struct ur_err *err)
{
	if ((a->amount < 0 && (!a->invoice_id || a->fee)) || a->fee < 0)
		return ur_fail(err, UR_INPUT, _("an allocation cannot be negative"));
	if (a->fee && !a->invoice_id)
		return ur_fail(err, UR_INPUT, _("a transfer fee needs an invoice"));
	if (a->kind != ALLOC_AUTO && a->kind != ALLOC_MANUAL)
		return ur_fail(err, UR_INPUT, _("allocation kind must be auto or manual"));
	if (a->invoice_id && !open_checked)
		return check_open(st, a->invoice_id, a->amount + a->fee, err);
	return UR_OK;
}

static enum ur_status
allocation_insert(struct store *st, const struct allocation *a, bool open_checked, int64_t *id,
		  struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO allocation (deposit_id, invoice_id, customer_id, amount, fee, kind,"
		" alloc_date, \"user\", made_on, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " STORE_COMPANY ")"
		SQL_RETURNING_ID;
	struct db_stmt *s;
	enum ur_status rc;

	if ((rc = alloc_check(st, a, open_checked, err)) != UR_OK)
		return rc;
	if (!(s = store_stmt(st, SQ_ALLOC_INSERT, sql, err)))
		return store_status(err);
	db_bind_int64(s, 1, a->deposit_id);
	if (a->invoice_id)
		db_bind_int64(s, 2, a->invoice_id);
	db_bind_int64(s, 3, a->customer_id);
	db_bind_int64(s, 4, a->amount);
	db_bind_int64(s, 5, a->fee);
	db_bind_text(s, 6, alloc_kind_word(a->kind));
	store_bind_date(s, 7, a->alloc_date);
	db_bind_text(s, 8, st->user);
	store_bind_date(s, 9, a->made_on ? a->made_on : date_today());
	if ((rc = store_step_id(st, s, id, err)) != UR_OK)
		return rc;
	if (a->fee) {
		struct adjustment fee = { a->invoice_id, "fee", a->fee, a->alloc_date, *id };
		int64_t adj_id;

		if ((rc = adjustment_row(st, &fee, &adj_id, err)) != UR_OK)
			return rc;
	}
	if (a->invoice_id && (rc = add_paid(st, a->invoice_id, a->amount + a->fee, err)) != UR_OK)
		return rc;
	return store_allocation_audit(st, a, *id, err);
}

enum ur_status
store_allocation_audit(struct store *st, const struct allocation *a, int64_t id,
		       struct ur_err *err)
{
	alloc_json(&st->after, id, a);
	return audit_id(st, "allocate", "allocation", id, NULL, st->after.buf, err);
}

enum ur_status
store_allocation_check(struct store *st, const struct allocation *a, struct ur_err *err)
{
	return alloc_check(st, a, true, err);
}

/* The rows of a confirmation written set-based (store_match_set.c): the
 * ids reserved beforehand, the statements queued, nothing added to paid
 * and nothing audited here. */
enum ur_status
store_allocation_insert_at(struct store *st, const struct allocation *a, int64_t id,
			   struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO allocation (id, deposit_id, invoice_id, customer_id, amount, fee, kind,"
		" alloc_date, \"user\", made_on, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, " STORE_COMPANY ")";
	struct db_stmt *s = store_stmt(st, SQ_ALLOC_INSERT_AT, sql, err);

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, a->deposit_id);
	if (a->invoice_id)
		db_bind_int64(s, 3, a->invoice_id);
	db_bind_int64(s, 4, a->customer_id);
	db_bind_int64(s, 5, a->amount);
	db_bind_int64(s, 6, a->fee);
	db_bind_text(s, 7, alloc_kind_word(a->kind));
	store_bind_date(s, 8, a->alloc_date);
	db_bind_text(s, 9, st->user);
	store_bind_date(s, 10, a->made_on ? a->made_on : date_today());
	return store_step_write(st, s, err);
}

enum ur_status
store_adjustment_insert_at(struct store *st, const struct adjustment *adj, int64_t id,
			   struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO adjustment (id, invoice_id, kind, amount, adj_date, allocation_id,"
		" \"user\", company_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " STORE_COMPANY ")";
	struct db_stmt *s = store_stmt(st, SQ_ADJ_INSERT_AT, sql, err);

	if (!s)
		return store_status(err);
	db_bind_int64(s, 1, id);
	db_bind_int64(s, 2, adj->invoice_id);
	db_bind_text(s, 3, adj->kind);
	db_bind_int64(s, 4, adj->amount);
	store_bind_date(s, 5, adj->adj_date);
	if (adj->allocation_id)
		db_bind_int64(s, 6, adj->allocation_id);
	db_bind_text(s, 7, st->user);
	return store_step_write(st, s, err);
}

enum ur_status
store_allocation_insert(struct store *st, const struct allocation *a, int64_t *id,
			struct ur_err *err)
{
	return allocation_insert(st, a, false, id, err);
}

enum ur_status
store_allocation_insert_prechecked(struct store *st, const struct allocation *a, int64_t *id,
				   struct ur_err *err)
{
	return allocation_insert(st, a, true, id, err);
}

/* Void row id of table (allocation or adjustment) with the cached
 * statement sq, or say why not. */
static enum ur_status
void_row(struct store *st, enum store_stmt sq, const char *table, int64_t id,
	 struct ur_err *err)
{
	char sql[256];
	struct db_stmt *s;
	enum ur_status rc;

	snprintf(sql, sizeof sql,
		 "UPDATE %s SET voided_at = %s, voided_by = ?2 WHERE id = ?1 AND voided_at IS NULL"
		 " AND +company_id = " STORE_COMPANY,
		 table, SQL_NOW);
	if (!(s = store_stmt(st, sq, sql, err)))
		return store_status(err);
	db_bind_int64(s, 1, id);
	db_bind_text(s, 2, st->user);
	if ((rc = store_step_done(st, s, err)) != UR_OK)
		return rc;
	if (db_changes(st->db) != 1)
		return ur_fail(err, UR_CONFLICT,
			       _("%s %" PRId64 " does not exist or is already voided"), table, id);
	return audit_id(st, "void", table, id, NULL, NULL, err);
}

enum ur_status
store_allocation_void(struct store *st, int64_t id, struct ur_err *err)
{
	return void_row(st, SQ_ALLOC_VOID, "allocation", id, err);
}

enum ur_status
store_adjustment_insert(struct store *st, const struct adjustment *adj, int64_t *id,
			struct ur_err *err)
{
	enum ur_status rc;

	if (!adj->kind || (strcmp(adj->kind, "fee") != 0 && strcmp(adj->kind, "write_off") != 0 &&
			   strcmp(adj->kind, "credit_note") != 0))
		return ur_fail(err, UR_INPUT,
			       _("adjustment kind must be fee, write_off or credit_note"));
	if (!adj->allocation_id && (rc = check_open(st, adj->invoice_id, adj->amount, err)) != UR_OK)
		return rc;
	if ((rc = adjustment_row(st, adj, id, err)) != UR_OK)
		return rc;
	return add_paid(st, adj->invoice_id, adj->amount, err);
}

enum ur_status
store_adjustment_void(struct store *st, int64_t id, struct ur_err *err)
{
	return void_row(st, SQ_ADJ_VOID, "adjustment", id, err);
}
