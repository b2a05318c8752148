/* store_company: the client companies one database keeps (issue 17): the
 * schema step that gives every business row its company (migration 16),
 * the current company every statement is scoped to (one open to the
 * login: store_company_user.c), and listing and adding companies. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_priv.h"
#include "xalloc.h"

#define SQL_TS "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
#define COMPANY_COL " company_id INTEGER NOT NULL DEFAULT 1 REFERENCES company(id)"
#define ADD_COMPANY(T) "ALTER TABLE " T " ADD COLUMN" COMPANY_COL ";"

/* The name line ("name = …" or "name=…") of the settings text in
 * company_settings, trimmed; NULL when there is none. */
#define SETTINGS_NAME(SEP)                                                             \
	"(SELECT nullif(trim(substr(r, 1, instr(r || char(10), char(10)) - 1)), '')"     \
	" FROM (SELECT substr(char(10) || text, instr(char(10) || text, char(10) || '" SEP \
	"') + length('" SEP "') + 1) AS r FROM company_settings"                          \
	" WHERE id = 1 AND instr(char(10) || text, char(10) || '" SEP "') > 0))"

/* Migration 16. SQLite cannot change a table's UNIQUE constraints, so the
 * four tables whose uniqueness becomes per company (customer codes,
 * invoice numbers, bank files, deposits) and company_settings (whose
 * CHECK (id = 1) goes: its id is the company's) are rebuilt the way
 * SQLite's ALTER TABLE page describes, with foreign keys off
 * (migrations[]'s rebuild flag); their indexes come back as they were (the
 * hot paths' plans do not change), their triggers are on other tables.
 * Every other business table gains the column. Existing rows go to
 * company 1, "main", named after the settings' company name. */
const char store_company_migration_sql[] =
	"CREATE TABLE company ("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" created_at TEXT NOT NULL DEFAULT " SQL_TS ") STRICT;"
	"INSERT INTO company (id, code, name) VALUES (1, 'main', coalesce("
	SETTINGS_NAME("name =") ", " SETTINGS_NAME("name=") ", 'main'));"
	/* customer */
	"CREATE TABLE customer_new ("
	" id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,"
	" kana TEXT, kana_key TEXT, currency TEXT NOT NULL DEFAULT 'JPY', terms TEXT,"
	" credit_limit INTEGER NOT NULL DEFAULT 0, sales_rep TEXT, phone TEXT, email TEXT,"
	" address TEXT, created_at TEXT NOT NULL DEFAULT " SQL_TS ","
	" updated_at TEXT NOT NULL DEFAULT " SQL_TS ","
	" fee_policy TEXT, payer_parent TEXT, rep_kana TEXT,"
	" collector TEXT CHECK (collector IS NULL OR collector = 'sales'"
	"  OR collector = 'accounting'),"
	COMPANY_COL ","
	" UNIQUE (company_id, code)) STRICT;"
	"INSERT INTO customer_new SELECT *, 1 FROM customer;"
	"DROP TABLE customer;"
	"ALTER TABLE customer_new RENAME TO customer;"
	"CREATE INDEX customer_kana_key ON customer(kana_key);"
	"CREATE INDEX customer_sales_rep ON customer(sales_rep) WHERE sales_rep IS NOT NULL;"
	/* invoice */
	"CREATE TABLE invoice_new ("
	" id INTEGER PRIMARY KEY, number TEXT NOT NULL,"
	" customer_id INTEGER NOT NULL REFERENCES customer(id),"
	" issue_date TEXT NOT NULL, due_date TEXT NOT NULL, amount INTEGER NOT NULL,"
	" currency TEXT NOT NULL, tax INTEGER, memo TEXT, paid INTEGER NOT NULL DEFAULT 0,"
	COMPANY_COL ","
	" UNIQUE (company_id, number)) STRICT;"
	"INSERT INTO invoice_new SELECT *, 1 FROM invoice;"
	"DROP TABLE invoice;"
	"ALTER TABLE invoice_new RENAME TO invoice;"
	"CREATE INDEX invoice_customer ON invoice(customer_id, issue_date);"
	"CREATE INDEX invoice_open ON invoice(customer_id, currency, due_date, issue_date,"
	" amount, paid) WHERE amount <> paid;"
	"CREATE INDEX invoice_amount ON invoice(currency, amount);"
	"CREATE INDEX invoice_part_open ON invoice(currency, amount - paid)"
	" WHERE paid <> 0 AND amount <> paid;"
	/* bank_file */
	"CREATE TABLE bank_file_new ("
	" id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, name TEXT NOT NULL,"
	" format TEXT NOT NULL, encoding TEXT NOT NULL,"
	" imported_at TEXT NOT NULL DEFAULT " SQL_TS ", user TEXT NOT NULL,"
	" records INTEGER NOT NULL DEFAULT 0,"
	COMPANY_COL ","
	" UNIQUE (company_id, sha256)) STRICT;"
	"INSERT INTO bank_file_new SELECT *, 1 FROM bank_file;"
	"DROP TABLE bank_file;"
	"ALTER TABLE bank_file_new RENAME TO bank_file;"
	/* deposit */
	"CREATE TABLE deposit_new ("
	" id INTEGER PRIMARY KEY, bank_file_id INTEGER REFERENCES bank_file(id),"
	" record_no INTEGER NOT NULL DEFAULT 0, acct_bank TEXT NOT NULL DEFAULT '',"
	" acct_branch TEXT NOT NULL DEFAULT '', acct_number TEXT NOT NULL DEFAULT '',"
	" booking_date TEXT NOT NULL, value_date TEXT NOT NULL, amount INTEGER NOT NULL,"
	" currency TEXT NOT NULL, payer_name TEXT NOT NULL DEFAULT '',"
	" payer_key TEXT NOT NULL DEFAULT '', payer_code TEXT NOT NULL DEFAULT '',"
	" remit_bank TEXT NOT NULL DEFAULT '', remit_branch TEXT NOT NULL DEFAULT '',"
	" edi TEXT NOT NULL DEFAULT '', reference TEXT NOT NULL DEFAULT '',"
	" state TEXT NOT NULL DEFAULT 'unmatched'"
	"  CHECK (state = 'unmatched' OR state = 'matched' OR state = 'partial'"
	"   OR state = 'parked' OR state = 'reversed'),"
	" customer_id INTEGER REFERENCES customer(id), park_reason TEXT,"
	COMPANY_COL ","
	" UNIQUE (company_id, acct_bank, acct_branch, acct_number, booking_date,"
	"  reference, amount)) STRICT;"
	"INSERT INTO deposit_new SELECT *, 1 FROM deposit;"
	"DROP TABLE deposit;"
	"ALTER TABLE deposit_new RENAME TO deposit;"
	"CREATE INDEX deposit_reference ON deposit(reference);"
	"CREATE INDEX deposit_date ON deposit(booking_date);"
	"CREATE INDEX deposit_date_amount ON deposit(booking_date, amount);"
	"CREATE INDEX deposit_date_payer ON deposit(booking_date, payer_key);"
	"CREATE INDEX deposit_payer ON deposit(payer_key);"
	"CREATE INDEX deposit_state_date ON deposit(state, booking_date)"
	" WHERE state = 'unmatched' OR state = 'parked';"
	"CREATE INDEX deposit_state_payer ON deposit(state, payer_key)"
	" WHERE state = 'unmatched' OR state = 'parked';"
	"CREATE INDEX deposit_customer ON deposit(customer_id) WHERE customer_id IS NOT NULL;"
	"CREATE INDEX deposit_currency_amount ON deposit(currency, amount);"
	"CREATE INDEX deposit_state_amount ON deposit(state, currency, amount)"
	" WHERE state = 'unmatched' OR state = 'parked';"
	/* the status line's count of the company's deposits waiting, covered
	 * (the queue's own indexes keep their order: key, then id) */
	"CREATE INDEX deposit_company_state ON deposit(company_id, state)"
	" WHERE state = 'unmatched' OR state = 'parked';"
	/* company_settings: one row per company, its id the company's */
	"CREATE TABLE company_settings_new ("
	" id INTEGER PRIMARY KEY REFERENCES company(id), text TEXT NOT NULL) STRICT;"
	"INSERT INTO company_settings_new SELECT id, text FROM company_settings;"
	"DROP TABLE company_settings;"
	"ALTER TABLE company_settings_new RENAME TO company_settings;"
	/* the rest keep their rows and constraints */
	ADD_COMPANY("payer_alias") ADD_COMPANY("allocation") ADD_COMPANY("adjustment")
	ADD_COMPANY("contact") ADD_COMPANY("audit") ADD_COMPANY("virtual_account")
	ADD_COMPANY("confirmation") ADD_COMPANY("dispute_item") ADD_COMPANY("refund")
	ADD_COMPANY("statement_issue") ADD_COMPANY("statement_slip")
	/* "matched today" counted from its index, with the company's filter */
	"DROP INDEX allocation_made_on;"
	"CREATE INDEX allocation_made_on ON allocation(made_on, kind, deposit_id, company_id)"
	" WHERE made_on IS NOT NULL AND voided_at IS NULL;";

void
store_company_free(struct store_company *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].code);
		free(c[i].name);
	}
	free(c);
}

/* Make company id (code, name) the current one. */
static void
set_current(struct store *st, int64_t id, const char *code, const char *name)
{
	st->company = id;
	store_keep_str(&st->last_code, NULL); /* a code is a customer's in one company */
	store_keep_str(&st->company_code, code);
	store_keep_str(&st->company_name, name);
}

static void
company_read(struct db_stmt *s, void *row)
{
	struct store_company *c = row;

	c->id = db_column_int64(s, 0);
	c->code = xstrdup(store_column_str(s, 1));
	c->name = xstrdup(store_column_str(s, 2));
	c->customers = db_column_int64(s, 3);
	c->invoices = db_column_int64(s, 4);
	c->deposits = db_column_int64(s, 5);
}

static void
company_rows_free(void *rows, int n)
{
	store_company_free(rows, n);
}

enum ur_status
store_company_list(struct store *st, struct store_company **out, int *n, struct ur_err *err)
{
	static const char sql[] =
		"SELECT c.id, c.code, c.name,"
		" (SELECT count(*) FROM customer AS u WHERE u.company_id = c.id),"
		" (SELECT count(*) FROM invoice AS i WHERE i.company_id = c.id),"
		" (SELECT count(*) FROM deposit AS d WHERE d.company_id = c.id)"
		" FROM company AS c WHERE " STORE_COMPANY_OPEN("c.id", "?1") " ORDER BY c.code";
	static const struct store_rows how = { sizeof **out, company_read, company_rows_free };
	struct db_stmt *s = store_prepare(st, sql, err);
	void *rows = NULL;
	enum ur_status rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return err->status;
	db_bind_text(s, 1, store_login(st));
	rc = store_rows(st, s, &how, &rows, n, err);
	*out = rows;
	return rc;
}

/* How many companies the database keeps into st->companies, 2 for more. */
static enum ur_status
count_companies(struct store *st, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "SELECT count(*) FROM"
					  " (SELECT 1 FROM company LIMIT 2) AS c", err);
	int rc;

	if (!s)
		return err->status;
	if ((rc = db_step(s)) == DB_ROW)
		st->companies = (int)db_column_int64(s, 0);
	store_keep(st, s);
	return rc == DB_ROW ? UR_OK : store_sqlfail(st, rc, err);
}

/* The one company open to the login (the only one of a database that has
 * one) becomes the current one; with several, none is until
 * store_use_company. */
enum ur_status
store_company_default(struct store *st, struct ur_err *err)
{
	static const char sql[] = "SELECT c.id, c.code, c.name FROM company AS c"
				  " WHERE " STORE_COMPANY_OPEN("c.id", "?1") " ORDER BY c.id LIMIT 2";
	struct db_stmt *s;
	int rc, rows = 0;

	if (store_company_login(st, err) != UR_OK || count_companies(st, err) != UR_OK)
		return err->status;
	if (!(s = store_prepare(st, sql, err)))
		return err->status;
	db_bind_text(s, 1, store_login(st));
	while ((rc = db_step(s)) == DB_ROW && ++rows == 1)
		set_current(st, db_column_int64(s, 0), store_column_str(s, 1),
			    store_column_str(s, 2));
	if (rows != 1)
		set_current(st, 0, NULL, NULL);
	store_keep(st, s);
	return rc == DB_ROW || rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

enum ur_status
store_use_company(struct store *st, const char *code, struct ur_err *err)
{
	static const char sql[] = "SELECT c.id, c.name, CASE WHEN "
				  STORE_COMPANY_OPEN("c.id", "?2") " THEN 1 ELSE 0 END"
				  " FROM company AS c WHERE c.code = ?1";
	struct db_stmt *s = store_prepare(st, sql, err);
	bool open = false;
	int rc;

	if (!s)
		return err->status;
	db_bind_text(s, 1, code);
	db_bind_text(s, 2, store_login(st));
	if ((rc = db_step(s)) == DB_ROW && (open = db_column_int64(s, 2) != 0))
		set_current(st, db_column_int64(s, 0), code, store_column_str(s, 1));
	store_keep(st, s);
	if (rc == DB_ROW && open)
		return UR_OK;
	if (rc == DB_ROW)
		return ur_fail(err, UR_USAGE,
			       _("company %s is not open to %s: ask whoever keeps the database to "
				 "run urikake company grant %s %s"), code, store_login(st), code, store_login(st));
	if (rc != DB_DONE)
		return store_sqlfail(st, rc, err);
	return ur_fail(err, UR_USAGE, _("no company %s in %s (urikake company list shows them)"),
		       code, st->path);
}

int64_t
store_company_id(const struct store *st)
{
	return st->company;
}

bool
store_company_several(const struct store *st)
{
	return st->companies > 1;
}

const char *
store_company_code(const struct store *st)
{
	return st->company_code ? st->company_code : "";
}

const char *
store_company_name(const struct store *st)
{
	return st->company_name ? st->company_name : "";
}

/* A company code: 1 to 32 letters, digits, '-' or '_' (it goes on the
 * command line and in the status line). */
static bool
code_ok(const char *code)
{
	size_t n = strlen(code);

	return n > 0 && n <= 32 &&
	       strspn(code, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == n;
}

/* Insert the company and audit it, in it (its own first row). */
static enum ur_status
insert_company(struct store *st, const char *code, const char *name, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "INSERT INTO company (code, name) VALUES (?1, ?2)"
					  SQL_RETURNING_ID, err);
	int64_t id = 0, was = st->company;
	enum ur_status rc;
	struct strbuf after;

	if (!s)
		return err->status;
	db_bind_text(s, 1, code);
	db_bind_text(s, 2, name);
	rc = store_step_id(st, s, &id, err);
	store_keep(st, s);
	if (rc != UR_OK)
		return rc;
	sb_init(&after);
	store_json_begin(&after);
	store_json_str(&after, "name", name);
	store_json_end(&after);
	st->company = id;
	rc = store_audit_entity(st, "add", "company", code, NULL, after.buf, err);
	st->company = was;
	sb_free(&after);
	return rc;
}

enum ur_status
store_company_add(struct store *st, const char *code, const char *name, struct ur_err *err)
{
	struct db_stmt *s;
	enum ur_status rc;
	int found;

	if (!code_ok(code))
		return ur_fail(err, UR_USAGE,
			       _("company code %s: use 1 to 32 letters, digits, '-' or '_'"), code);
	if (!*name)
		return ur_fail(err, UR_USAGE, _("company %s needs a name"), code);
	if ((rc = store_begin(st, err)) != UR_OK)
		return rc;
	if (!(s = store_prepare(st, "SELECT 1 FROM company WHERE code = ?1", err))) {
		store_rollback(st);
		return err->status;
	}
	db_bind_text(s, 1, code);
	found = db_step(s) == DB_ROW;
	store_keep(st, s);
	if (found) {
		store_rollback(st);
		return ur_fail(err, UR_INPUT, _("company %s already exists in %s"), code, st->path);
	}
	if ((rc = insert_company(st, code, name, err)) != UR_OK) {
		store_rollback(st);
		return rc;
	}
	if ((rc = store_commit(st, err)) == UR_OK)
		st->companies = 2; /* at least */
	return rc;
}
