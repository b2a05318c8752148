/* store: opening the database (0600 file, WAL, foreign keys, busy timeout),
 * schema migrations keyed on PRAGMA user_version, transactions and the
 * audit log (the helpers the other store files share: store_sql.c; JSON in
 * store_json.c; backup and group sharing in store_backup.c). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "netfs.h"
#include "store_priv.h"
#include "store_ui_priv.h"
#include "xalloc.h"

/* Migration steps, applied in order, each in its own transaction that also
 * sets PRAGMA user_version to its version. Version 1 is the whole schema;
 * a later version appends { N, "ALTER TABLE …;" } here. */
static const struct {
	int version;
	const char *sql;
	bool rebuild; /* rebuilds tables: foreign keys off, then checked */
} migrations[] = {
	{ 1, ur_schema_sql, false },
	/* 2: per-customer transfer-fee policy and virtual accounts for the
	 * matching engine; the queue's "unmatched by date" without a sort. */
	{ 2, "ALTER TABLE customer ADD COLUMN fee_policy TEXT;"
	     "CREATE TABLE virtual_account ("
	     " acct_number TEXT PRIMARY KEY,"
	     " customer_id INTEGER NOT NULL REFERENCES customer(id)) STRICT;"
	     "CREATE INDEX deposit_state_date ON deposit(state, booking_date);", false },
	/* 3: the queue pane reads pages by keyset for every filter and sort,
	 * counts today's matches from an index and finds customers by an
	 * open amount. */
	{ 3, "CREATE INDEX deposit_date ON deposit(booking_date);"
	     "CREATE INDEX deposit_date_amount ON deposit(booking_date, amount);"
	     "CREATE INDEX deposit_date_payer ON deposit(booking_date, payer_key);"
	     "CREATE INDEX deposit_amount ON deposit(amount);"
	     "CREATE INDEX deposit_payer ON deposit(payer_key);"
	     "CREATE INDEX deposit_state_amount ON deposit(state, amount);"
	     "CREATE INDEX deposit_state_payer ON deposit(state, payer_key);"
	     "CREATE INDEX allocation_live_date ON allocation(alloc_date, kind, deposit_id)"
	     " WHERE voided_at IS NULL;"
	     "CREATE INDEX invoice_open_amount ON invoice(currency, amount - paid)"
	     " WHERE amount <> paid;"
	     "CREATE INDEX payer_alias_code ON payer_alias(payer_code) WHERE payer_code <> '';", false },
	/* 4: who else pays for a customer, as the customer master records it:
	 * the paying parent (請求先, a customer code) and the representative's
	 * name in kana (代表者カナ), for the matching engine's candidates. */
	{ 4, "ALTER TABLE customer ADD COLUMN payer_parent TEXT;"
	     "ALTER TABLE customer ADD COLUMN rep_kana TEXT;", false },
	/* 5: the (state, …) indexes hold only the deposits waiting for a
	 * decision, the ones the queue pages through: matching a deposit
	 * deletes its entries instead of moving them (two of them to random
	 * places) into indexes that grew with every deposit ever matched.
	 * deposit_state was a prefix of deposit_state_date. */
	{ 5, "DROP INDEX deposit_state;"
	     "DROP INDEX deposit_state_date;"
	     "DROP INDEX deposit_state_amount;"
	     "DROP INDEX deposit_state_payer;"
	     "CREATE INDEX deposit_state_date ON deposit(state, booking_date)"
	     " WHERE state = 'unmatched' OR state = 'parked';"
	     "CREATE INDEX deposit_state_amount ON deposit(state, amount)"
	     " WHERE state = 'unmatched' OR state = 'parked';"
	     "CREATE INDEX deposit_state_payer ON deposit(state, payer_key)"
	     " WHERE state = 'unmatched' OR state = 'parked';", false },
	/* v6: a customer's deposits for the aging drill-down. */
	{ 6, "CREATE INDEX deposit_customer ON deposit(customer_id)"
	     " WHERE customer_id IS NOT NULL;", false },
	/* v7: the day a match was made (local, as the clerk's "today"), for
	 * "matched today": alloc_date is the deposit's booking date, and bank
	 * files come the morning after. Older rows stay NULL (not today). */
	{ 7, "ALTER TABLE allocation ADD COLUMN made_on TEXT;"
	     "CREATE INDEX allocation_made_on ON allocation(made_on, kind, deposit_id)"
	     " WHERE made_on IS NOT NULL AND voided_at IS NULL;", false },
	/* v8: finding customers by an open amount no longer costs every
	 * payment two writes at random places (40 % of the pages match --auto
	 * wrote): unpaid invoices are found by their amount, which a payment
	 * never changes, and the few partly paid ones by what is left open.
	 * allocation_live_date served "matched today" before v7. */
	{ 8, "DROP INDEX invoice_open_amount;"
	     "DROP INDEX allocation_live_date;"
	     /* the store adds an inserted row to invoice.paid itself (see
	      * store_ledger.c): a trigger makes each insert keep a statement
	      * journal, a copy of every page it touches (a third of the
	      * instructions of confirming a match). Voids keep theirs. */
	     "DROP TRIGGER allocation_paid_insert;"
	     "DROP TRIGGER adjustment_paid_insert;"
	     /* the same CHECKs without IN: SQLite builds a temporary b-tree
	      * for an IN list of three or more at every row it checks (a
	      * seventh of confirming a match). Equivalent constraints, so
	      * sqlite_schema is edited in place, the way SQLite's ALTER TABLE
	      * page describes for changes that leave the stored rows valid. */
	     "PRAGMA writable_schema = ON;"
	     "UPDATE sqlite_schema SET sql = replace(sql,"
	     " 'state IN (''unmatched'', ''matched'', ''partial'', ''parked'', ''reversed'')',"
	     " 'state = ''unmatched'' OR state = ''matched'' OR state = ''partial'''"
	     " || ' OR state = ''parked'' OR state = ''reversed''')"
	     " WHERE type = 'table' AND name = 'deposit';"
	     "UPDATE sqlite_schema SET sql = replace(sql,"
	     " 'kind IN (''fee'', ''write_off'', ''credit_note'')',"
	     " 'kind = ''fee'' OR kind = ''write_off'' OR kind = ''credit_note''')"
	     " WHERE type = 'table' AND name = 'adjustment';"
	     "PRAGMA writable_schema = OFF;"
	     "CREATE INDEX invoice_amount ON invoice(currency, amount);"
	     "CREATE INDEX invoice_part_open ON invoice(currency, amount - paid)"
	     " WHERE paid <> 0 AND amount <> paid;", false },
	/* v9: the queue's amount sort groups the deposits by currency (a yuan
	 * is not a yen), so its keyset runs along (currency, amount). */
	{ 9, "DROP INDEX deposit_amount;"
	     "DROP INDEX deposit_state_amount;"
	     "CREATE INDEX deposit_currency_amount ON deposit(currency, amount);"
	     "CREATE INDEX deposit_state_amount ON deposit(state, currency, amount)"
	     " WHERE state = 'unmatched' OR state = 'parked';", false },
	/* v10: a document e-mailed to a customer, referred to by its contact
	 * entry: the attachment's file name, the SHA-256 of the bytes sent
	 * and the mail's Message-ID (NULL on every other contact). */
	{ 10, "ALTER TABLE contact ADD COLUMN document TEXT;"
	      "ALTER TABLE contact ADD COLUMN document_sha256 TEXT;"
	      "ALTER TABLE contact ADD COLUMN message_id TEXT;", false },
	/* v11: who calls a late customer — its sales rep or accounting — when
	 * the customer says so itself (NULL: the dunning level's rule); the
	 * customers of a sales rep for the rep's worklist. */
	{ 11, "ALTER TABLE customer ADD COLUMN collector TEXT"
	      " CHECK (collector IS NULL OR collector = 'sales' OR collector = 'accounting');"
	      "CREATE INDEX customer_sales_rep ON customer(sales_rep) WHERE sales_rep IS NOT NULL;",
	  false },
	/* v12: balance confirmations (残高確認 / 询证函): one row per letter
	 * or statement sent, answered agreed or disputed with the customer's
	 * figure; a dispute's items (an invoice the customer disputes, a
	 * payment not received, a credit note owed, a note) explain the
	 * difference until it is closed. */
	{ 12, "CREATE TABLE confirmation ("
	      " id INTEGER PRIMARY KEY,"
	      " customer_id INTEGER NOT NULL REFERENCES customer(id),"
	      " sent_on TEXT NOT NULL,"
	      " as_of TEXT NOT NULL,"
	      " balance INTEGER NOT NULL,"
	      " currency TEXT NOT NULL,"
	      " document TEXT NOT NULL"
	      "  CHECK (document = 'confirmation' OR document = 'statement'),"
	      " delivery TEXT NOT NULL"
	      "  CHECK (delivery = 'printed' OR delivery = 'saved' OR delivery = 'emailed'),"
	      " file TEXT NOT NULL DEFAULT '',"
	      " state TEXT NOT NULL DEFAULT 'awaiting'"
	      "  CHECK (state = 'awaiting' OR state = 'agreed' OR state = 'disputed'"
	      "   OR state = 'resolved'),"
	      " answered_on TEXT,"
	      " their_balance INTEGER,"
	      " reason TEXT,"
	      " resolved_on TEXT,"
	      " user TEXT NOT NULL,"
	      " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	      ") STRICT;"
	      "CREATE INDEX confirmation_customer ON confirmation(customer_id, id);"
	      "CREATE TABLE dispute_item ("
	      " id INTEGER PRIMARY KEY,"
	      " confirmation_id INTEGER NOT NULL REFERENCES confirmation(id),"
	      " kind TEXT NOT NULL CHECK (kind = 'invoice' OR kind = 'unreceived'"
	      "  OR kind = 'credit_note' OR kind = 'other' OR kind = 'note'),"
	      " invoice_id INTEGER REFERENCES invoice(id),"
	      " amount INTEGER NOT NULL DEFAULT 0,"
	      " note TEXT NOT NULL DEFAULT '',"
	      " user TEXT NOT NULL,"
	      " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	      ") STRICT;"
	      "CREATE INDEX dispute_item_confirmation ON dispute_item(confirmation_id);"
	      "CREATE INDEX dispute_item_invoice ON dispute_item(invoice_id)"
	      " WHERE invoice_id IS NOT NULL;", false },
	/* v13: money paid back (返金 / 退款), a ledger like allocations: money
	 * held on account for a customer (deposit_id: the deposit it came from,
	 * or NULL) or a deposit that was never ours (kind 'deposit', 誤入金;
	 * prev_state: its queue state before, for undo). */
	{ 13, "CREATE TABLE refund ("
	      " id INTEGER PRIMARY KEY,"
	      " kind TEXT NOT NULL CHECK (kind = 'on_account' OR kind = 'deposit'),"
	      " customer_id INTEGER REFERENCES customer(id),"
	      " deposit_id INTEGER REFERENCES deposit(id),"
	      " amount INTEGER NOT NULL CHECK (amount > 0),"
	      " currency TEXT NOT NULL,"
	      " refund_date TEXT NOT NULL,"
	      " paid_to TEXT NOT NULL,"
	      " reason TEXT NOT NULL,"
	      " prev_state TEXT,"
	      " user TEXT NOT NULL,"
	      " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
	      " voided_at TEXT,"
	      " voided_by TEXT,"
	      " CHECK (customer_id IS NOT NULL OR kind = 'deposit')) STRICT;"
	      "CREATE INDEX refund_customer ON refund(customer_id, currency);"
	      "CREATE INDEX refund_deposit ON refund(deposit_id);"
	      "CREATE TRIGGER refund_no_delete BEFORE DELETE ON refund BEGIN"
	      " SELECT RAISE(ABORT, 'refunds are a ledger: void them, never delete'); END;"
	      "CREATE TRIGGER refund_no_rewrite BEFORE UPDATE ON refund"
	      " WHEN OLD.voided_at IS NOT NULL OR NEW.voided_at IS NULL"
	      " OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind"
	      " OR NEW.customer_id IS NOT OLD.customer_id OR NEW.deposit_id IS NOT OLD.deposit_id"
	      " OR NEW.amount IS NOT OLD.amount OR NEW.refund_date IS NOT OLD.refund_date BEGIN"
	      " SELECT RAISE(ABORT, 'refunds are a ledger: only voiding may change a row'); END;", false },
	/* v14: the company settings a database carries (the settings file's
	 * text; the demo company's), used when there is no settings file. */
	{ 14, "CREATE TABLE company_settings ("
	      " id INTEGER PRIMARY KEY CHECK (id = 1),"
	      " text TEXT NOT NULL) STRICT;", false },
	/* v15: the closing-period statements (合計請求書) urikake issued: the
	 * billed total and the period's purchases as printed and the slips it
	 * covered with what was open on each (in the period or carried over),
	 * the matcher's strongest evidence. Re-issuing adds a row
	 * (the latest of a period counts); nothing is rewritten. */
	{ 15, "CREATE TABLE IF NOT EXISTS statement_issue ("
	      " id INTEGER PRIMARY KEY,"
	      " customer_id INTEGER NOT NULL REFERENCES customer(id),"
	      " period_from TEXT NOT NULL,"
	      " period_to TEXT NOT NULL,"
	      " currency TEXT NOT NULL,"
	      " billed INTEGER NOT NULL,"
	      " purchases INTEGER NOT NULL,"
	      " tax_rounding INTEGER NOT NULL DEFAULT 0,"
	      " issued_on TEXT NOT NULL,"
	      " delivery TEXT NOT NULL"
	      "  CHECK (delivery = 'printed' OR delivery = 'saved' OR delivery = 'emailed'),"
	      " file TEXT NOT NULL DEFAULT '',"
	      " user TEXT NOT NULL,"
	      " created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	      ") STRICT;"
	      "CREATE INDEX IF NOT EXISTS statement_issue_customer"
	      " ON statement_issue(customer_id, currency, period_to, id);"
	      "CREATE TABLE IF NOT EXISTS statement_slip ("
	      " issue_id INTEGER NOT NULL REFERENCES statement_issue(id),"
	      " invoice_id INTEGER NOT NULL REFERENCES invoice(id),"
	      " open_amount INTEGER NOT NULL,"
	      " in_period INTEGER NOT NULL DEFAULT 0 CHECK (in_period IN (0, 1)),"
	      " PRIMARY KEY (issue_id, invoice_id)) WITHOUT ROWID, STRICT;"
	      "CREATE TRIGGER IF NOT EXISTS statement_issue_no_change BEFORE UPDATE ON statement_issue BEGIN"
	      " SELECT RAISE(ABORT, 'an issued statement is history: issue it again'); END;"
	      "CREATE TRIGGER IF NOT EXISTS statement_issue_no_delete BEFORE DELETE ON statement_issue BEGIN"
	      " SELECT RAISE(ABORT, 'an issued statement is history: issue it again'); END;", false },
	/* v16: many client companies in one database (store_company.c) */
	{ 16, store_company_migration_sql, true },
	/* v17: the receiving accounts each company owns (store_company_acct.c) */
	{ 17, store_company_acct_migration_sql, false },
	/* v18: the users each company is open to (store_company_user.c) */
	{ 18, store_company_user_migration_sql, false },
	/* v19: the server login behind each audit row (data/schema-pg.sql);
	 * a file has none, so its rows keep NULL */
	{ 19, "ALTER TABLE audit ADD COLUMN db_user TEXT;", false },
};
#define STORE_VERSION (migrations[sizeof migrations / sizeof migrations[0] - 1].version)

/* The integer a PRAGMA (or a one-value query) reads into *v: DB_OK,
 * or SQLite's error. */
static int
pragma_int(struct store *st, const char *pragma, int *v)
{
	struct db_stmt *s;
	int rc = db_prepare(st->db, pragma, &s);

	if (rc != DB_OK)
		return rc;
	if ((rc = db_step(s)) == DB_ROW) {
		*v = db_column_int(s, 0);
		rc = DB_OK;
	}
	db_finalize(s);
	return rc;
}

/* PRAGMA user_version, or -1 when it cannot be read. */
static int
user_version(struct store *st)
{
	int v = -1;

	return db_user_version(st->db, &v) == DB_OK ? v : -1;
}

enum ur_status
store_check_version(struct store *st, int *version, struct ur_err *err)
{
	int rc = db_user_version(st->db, version);

	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	if (*version < 0)
		return ur_fail(err, UR_FAIL,
			       _("%s has database schema version %d, which no urikake writes: it is "
				 "not a urikake database, or it is damaged"), st->shown, *version);
	if (*version > STORE_VERSION)
		return ur_fail(err, UR_FAIL,
			       _("%s has database schema version %d, but this urikake knows only "
				 "up to version %d; use a newer urikake"),
			       st->shown, *version, STORE_VERSION);
	return UR_OK;
}

/* After every migration: a new schema version makes every connection,
 * this one included, read the schema again (DDL does that by itself, a
 * migration that writes sqlite_schema directly, like 8, does not). */
static enum ur_status
bump_schema_version(struct store *st, struct ur_err *err)
{
	int v = 0, rc = pragma_int(st, "PRAGMA schema_version", &v);
	char sql[48];

	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	snprintf(sql, sizeof sql, "PRAGMA schema_version = %d", v + 1);
	return store_exec(st, sql, err);
}

int
store_schema_latest(void)
{
	return STORE_VERSION;
}

int
store_schema_version(struct store *st)
{
	return user_version(st);
}

/* A rebuilt table must still satisfy every reference to it and from it. */
static enum ur_status
foreign_keys_hold(struct store *st, struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st, "PRAGMA foreign_key_check", err);
	int rc;

	if (!s)
		return err->status;
	rc = db_step(s);
	db_finalize(s);
	if (rc == DB_ROW)
		return ur_fail(err, UR_FAIL, _("%s: a row refers to a missing one; not upgraded"),
			       st->path);
	return rc == DB_DONE ? UR_OK : store_sqlfail(st, rc, err);
}

static enum ur_status
migrate_in_tx(struct store *st, int i, struct ur_err *err)
{
	char pragma[64];
	enum ur_status rc;

	if ((rc = store_begin(st, err)) != UR_OK)
		return rc;
	if (user_version(st) >= migrations[i].version) /* another process did it */
		return store_commit(st, err);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", migrations[i].version);
	if ((rc = store_exec(st, migrations[i].sql, err)) != UR_OK ||
	    (migrations[i].rebuild && (rc = foreign_keys_hold(st, err)) != UR_OK) ||
	    (rc = bump_schema_version(st, err)) != UR_OK ||
	    (rc = store_exec(st, pragma, err)) != UR_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, err);
}

/* A step that rebuilds tables runs the way SQLite's ALTER TABLE page says:
 * foreign keys off (a no-op inside a transaction, hence here) and the
 * renames leaving the other tables' triggers as written. */
static enum ur_status
migrate_step(struct store *st, int i, struct ur_err *err)
{
	enum ur_status rc;

	if (!migrations[i].rebuild)
		return migrate_in_tx(st, i, err);
	if ((rc = store_exec(st, "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON",
			     err)) != UR_OK)
		return rc;
	rc = migrate_in_tx(st, i, err);
	store_exec(st, "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON", NULL);
	return rc;
}

static enum ur_status
migrate_steps(struct store *st, int from, struct ur_err *err)
{
	enum ur_status rc = UR_OK;

	for (size_t i = 0; i < sizeof migrations / sizeof migrations[0] && rc == UR_OK; i++)
		if (migrations[i].version > from)
			rc = migrate_step(st, (int)i, err);
	return rc;
}

/* Upgrading a database that another urikake has open could leave that one
 * writing by the old rules (since version 8 the store, not a trigger,
 * keeps invoice.paid), so an upgrade needs the database to itself: in
 * exclusive locking mode the first write waits for every other connection
 * to close (a WAL connection keeps its lock while open) or fails. */
static enum ur_status
migrate_alone(struct store *st, int from, struct ur_err *err)
{
	enum ur_status rc = store_exec(st, "PRAGMA locking_mode = EXCLUSIVE", err);

	if (rc == UR_OK)
		rc = migrate_steps(st, from, err);
	store_exec(st, "PRAGMA locking_mode = NORMAL", NULL);
	/* the lock goes with the next access */
	store_exec(st, "SELECT 1 FROM sqlite_schema LIMIT 1", NULL);
	if (rc == UR_CONFLICT)
		return ur_fail(err, UR_CONFLICT,
			       _("%s needs upgrading to database schema version %d, which needs it "
				 "to itself: close every other urikake using it (other clerks' too) "
				 "and try again"), st->shown, STORE_VERSION);
	return rc;
}

static enum ur_status
migrate(struct store *st, struct ur_err *err)
{
	int v;

	if (store_check_version(st, &v, err) != UR_OK)
		return err->status;
	if (v == STORE_VERSION)
		return UR_OK;
	/* version 0: a new file, nobody else can be using it yet */
	return v == 0 ? migrate_steps(st, v, err) : migrate_alone(st, v, err);
}

/* Before anything is written: the file is SQLite's (not a spreadsheet
 * given by mistake) and, without a schema version, empty (not another
 * program's database, which the migrations would fill). */
static enum ur_status
check_ours(struct store *st, struct ur_err *err)
{
	int v = 0, n = 0, rc = db_user_version(st->db, &v);

	if (db_code(rc) == DB_NOTADB)
		return ur_fail(err, UR_FAIL, _("%s is not a urikake database (not an SQLite file)"),
			       st->shown);
	if (rc == DB_OK && v == 0)
		rc = db_table_count(st->db, &n);
	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	if (n != 0)
		return ur_fail(err, UR_FAIL,
			       _("%s is another program's SQLite database, not a urikake one"),
			       st->shown);
	return UR_OK;
}

static enum ur_status
configure(struct store *st, bool adopt, struct ur_err *err)
{
	enum ur_status rc;
	int dbrc;

	db_busy_timeout(st->db, STORE_BUSY_MS);
	if (db_name_is_server(st->path)) /* its own schema and no migrations yet */
		return store_server_schema(st, adopt, STORE_VERSION, err);
	if ((rc = check_ours(st, err)) != UR_OK)
		return rc;
	if ((dbrc = db_tune_writer(st->db)) != DB_OK)
		return store_sqlfail(st, dbrc, err);
	return migrate(st, err);
}

static int
is_file_path(const char *path)
{
	return strcmp(path, ":memory:") != 0 && strncmp(path, "file:", 5) != 0 && *path &&
	       !db_name_is_server(path);
}

static char *
os_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	char buf[32];

	if (pw && pw->pw_name && *pw->pw_name)
		return xstrdup(pw->pw_name);
	snprintf(buf, sizeof buf, "uid:%ld", (long)getuid());
	return xstrdup(buf);
}

/* Create the file 0600 if absent. An existing empty file is no database:
 * refused (a mistyped path, a truncated copy), unless adopt (init), which
 * makes it one with the mode a new database has. */
static enum ur_status
create_file(const char *path, bool adopt, struct ur_err *err)
{
	/* O_EXCL: an existing database is never opened outside SQLite, since
	 * closing any descriptor of a file drops all the process's POSIX locks
	 * on it (another connection's included). */
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	struct stat sb;

	if (fd >= 0) {
		close(fd);
		return UR_OK;
	}
	if (errno != EEXIST || stat(path, &sb) != 0)
		return ur_fail(err, UR_FAIL, _("cannot open database %s: %s"), path,
			       strerror(errno));
	if (!S_ISREG(sb.st_mode) || sb.st_size > 0)
		return UR_OK;
	if (!adopt)
		return ur_fail(err, UR_FAIL,
			       _("%s is an empty file, not a urikake database (urikake init makes "
				 "one of it)"), path);
	if (chmod(path, 0600) != 0)
		return ur_fail(err, UR_FAIL, _("cannot open database %s: %s"), path,
			       strerror(errno));
	return UR_OK;
}

static enum ur_status
open_db(struct store *st, bool adopt, struct ur_err *err)
{
	int rc;

	db_setup_once();
	rc = db_open(st->path, DB_OPEN_READWRITE | DB_OPEN_CREATE, &st->db);
	if (rc != DB_OK) {
		if (!st->db)
			return ur_fail(err, UR_FAIL, _("cannot open database %s: %s"), st->shown,
				       db_errstr(rc));
		return store_sqlfail(st, rc, err);
	}
	return configure(st, adopt, err);
}

struct store *
store_alloc(const char *path, const char *user)
{
	struct store *st = xcalloc(1, sizeof *st);

	st->path = xstrdup(path);
	st->shown = store_name_shown(path);
	st->os_user = os_login();
	st->user = xstrdup(user && *user ? user : st->os_user);
	sb_init(&st->before);
	sb_init(&st->after);
	return st;
}

static bool network_fs_allowed;

void
store_allow_network_fs(void)
{
	network_fs_allowed = true;
}

/* Refuse a database on a network file system: SQLite's locks are not
 * reliable there (two clerks can corrupt it) and WAL does not work. */
static enum ur_status
local_file(const char *path, struct ur_err *err)
{
	const char *fs = network_fs_allowed ? NULL : netfs_name(path);

	if (!fs)
		return UR_OK;
	return ur_fail(err, UR_FAIL,
		       _("%s is on a network file system (%s), where SQLite's locking is not "
			 "reliable and several clerks can corrupt the database: run urikake on the "
			 "machine that holds the file (over SSH) or keep the database on a local disk "
			 "(--force-network-fs opens it all the same)"),
		       path, fs);
}

static enum ur_status
open_store(struct store **out, const char *path, const char *user, bool adopt,
	   struct ur_err *err)
{
	struct store *st = store_alloc(path, user);
	enum ur_status rc = UR_OK;
	mode_t old;

	*out = NULL;
	if (is_file_path(path) && (rc = local_file(path, err)) != UR_OK) {
		store_close(st);
		return rc;
	}
	old = umask(077); /* the -wal and -shm files must not be wider either */
	if (is_file_path(path))
		rc = create_file(path, adopt, err);
	if (rc == UR_OK)
		rc = open_db(st, adopt, err);
	umask(old);
	if (rc == UR_OK)
		rc = store_company_default(st, err);
	if (rc != UR_OK) {
		store_close(st);
		return rc;
	}
	*out = st;
	return UR_OK;
}

enum ur_status
store_open(struct store **out, const char *path, const char *user, struct ur_err *err)
{
	return open_store(out, path, user, false, err);
}

enum ur_status
store_init(struct store **out, const char *path, const char *user, struct ur_err *err)
{
	return open_store(out, path, user, true, err);
}

bool
store_is_server(const char *path)
{
	return db_name_is_server(path);
}

void
store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < SQ_COUNT; i++)
		db_finalize(st->stmt[i]);
	store_kept_free(st);
	db_close(st->db);
	for (int i = 0; i < STORE_CUST_STRS; i++)
		free(st->cust_strs[i]);
	for (int i = 0; i < STORE_INV_STRS; i++)
		free(st->inv_strs[i]);
	sb_free(&st->before);
	sb_free(&st->after);
	sui_lists_free(st->lists);
	free(st->last_code);
	free(st->company_code);
	free(st->company_name);
	free(st->login);
	free(st->path);
	free(st->shown);
	free(st->user);
	free(st->os_user);
	free(st);
}

/* A newer urikake may have migrated the database since this one opened
 * it: writing by this program's idea of the schema could break what the
 * new one keeps (since version 8, for one, the store keeps paid). */
enum ur_status
store_begin(struct store *st, struct ur_err *err)
{
	int rc = db_begin(st->db), v;

	if (rc != DB_OK)
		return store_sqlfail(st, rc, err);
	st->in_tx = 1;
	if ((v = user_version(st)) <= STORE_VERSION)
		return UR_OK;
	store_rollback(st);
	return ur_fail(err, UR_FAIL,
		       _("%s was upgraded to database schema version %d by a newer urikake while "
			 "this one was running: quit and start the new one"), st->shown, v);
}

enum ur_status
store_commit(struct store *st, struct ur_err *err)
{
	int rc = db_commit(st->db);
	enum ur_status status;

	if (rc == DB_OK) {
		st->in_tx = 0;
		st->dep_queued = 0;
		return UR_OK;
	}
	status = store_sqlfail(st, rc, err);
	store_rollback(st);
	return status;
}

void
store_rollback(struct store *st)
{
	db_rollback(st->db);
	st->in_tx = 0;
	st->dep_queued = 0;
	/* the rolled-back rows may have included the cached customer */
	free(st->last_code);
	st->last_code = NULL;
}

int64_t
store_change_stamp(struct store *st)
{
	/* both only grow: another connection's commits, then this one's rows */
	return store_data_version(st) + db_total_changes(st->db);
}

int64_t
store_data_version(struct store *st)
{
	struct db_stmt *s;
	int64_t v = -1;

	if (!db_name_is_server(st->path) || st->listening)
		return db_data_version(st->db);
	/* not notified (store_listen): every change the store commits writes
	 * an audit row, so the newest one's id moves whenever any clerk commits */
	if (!(s = store_prepare(st, "SELECT coalesce(max(id), 0) FROM audit", NULL)))
		return -1;
	if (db_step(s) == DB_ROW)
		v = db_column_int64(s, 0);
	store_keep(st, s);
	return v;
}

const char *
store_user(const struct store *st)
{
	return st->user;
}

enum ur_status
store_audit(struct store *st, const char *action, const char *entity, const char *before,
	    const char *after, struct ur_err *err)
{
	static const char sql[] =
		"INSERT INTO audit (\"user\", os_user, action, entity, before, after, company_id)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, " STORE_COMPANY ")";
	struct db_stmt *s = store_stmt(st, SQ_AUDIT, sql, err);

	if (!s)
		return store_status(err);
	db_bind_text(s, 1, st->user);
	db_bind_text(s, 2, st->os_user);
	db_bind_text(s, 3, action);
	db_bind_text(s, 4, entity);
	store_bind_text(s, 5, before);
	store_bind_text(s, 6, after);
	return store_step_write(st, s, err);
}

enum ur_status
store_audit_entity(struct store *st, const char *action, const char *kind, const char *key,
		   const char *before, const char *after, struct ur_err *err)
{
	struct strbuf e;
	enum ur_status rc;

	sb_init(&e);
	sb_adds(&e, kind);
	sb_addc(&e, ':');
	sb_adds(&e, key);
	rc = store_audit(st, action, e.buf, before, after, err);
	sb_free(&e);
	return rc;
}
