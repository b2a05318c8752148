/* test_store: opening, migrating, upserts and their audit rows, iteration,
 * backup and group sharing of the store (ledger and aging are in
 * test_store_ledger.c). Checks read the database through a second, raw
 * connection; on a PostgreSQL server (tests/pg/unit.sh) those about
 * SQLite's files are each a SKIP saying why. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <grp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "kana.h"
#include "store.h"
#include "store_priv.h"
#include "tap.h"
#include "test_store.h"

enum ur_status
ts_customer(struct store *st, const char *code, const char *name, const char *cur)
{
	struct customer c = { .code = code, .name = name, .currency = cur };
	enum store_upsert what;
	struct ur_err err;

	return store_customer_upsert(st, &c, &what, &err);
}

enum ur_status
ts_invoice(struct store *st, const char *number, const char *cust, const char *issue,
	   const char *due, int64_t amount, const char *cur)
{
	struct invoice inv = { .number = number, .customer = cust, .amount = amount,
			       .currency = cur, .tax = -1 };
	enum store_upsert what;
	struct ur_err err;

	date_parse(issue, &inv.issue_date, NULL);
	date_parse(due, &inv.due_date, NULL);
	if (store_invoice_upsert(st, &inv, &what, &err) != UR_OK) {
		tap_diag("invoice %s: %s", number, err.msg);
		return err.status;
	}
	return UR_OK;
}

int64_t
ts_deposit(struct store *st, const struct deposit *d)
{
	struct deposit folded = *d;
	enum store_upsert what;
	struct strbuf key;
	struct ur_err err;
	int64_t id = 0;

	sb_init(&key);
	if (!folded.payer.payer_key) {
		kana_fold(d->payer.payer_name ? d->payer.payer_name : "", &key, NULL);
		folded.payer.payer_key = key.buf;
	}
	if (store_deposit_insert(st, &folded, &id, &what, &err) != UR_OK)
		tap_diag("deposit %s: %s", d->reference ? d->reference : "", err.msg);
	sb_free(&key);
	return id;
}

/* A file's mode, its -wal and -shm files (store_open made them). */
static void
file_modes(const char *path)
{
	char wal[310];
	struct stat sb;

	tap_ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0600, "database file is 0600");
	snprintf(wal, sizeof wal, "%s-wal", path);
	tap_ok(stat(wal, &sb) == 0 && (sb.st_mode & 0777) == 0600, "-wal exists and is 0600");
	snprintf(wal, sizeof wal, "%s-shm", path);
	tap_ok(stat(wal, &sb) == 0 && (sb.st_mode & 0777) == 0600, "-shm exists and is 0600");
}

#define TABLES "'customer', 'payer_alias', 'invoice', 'bank_file', 'deposit', 'allocation'," \
	" 'adjustment', 'contact', 'audit'"
#define LITE_TABLES "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN (" TABLES ")"
#define PG_TABLES "SELECT count(*) FROM information_schema.tables" \
	" WHERE table_schema = current_schema() AND table_name IN (" TABLES ")"
#define SCHEMA_VERSION "PRAGMA user_version", "SELECT version FROM schema_version"

static void
test_open_file(void)
{
	char path[300];
	struct store *st;
	struct ur_err err;

	ts_db(path, sizeof path, "open.db");
	tap_is_int(store_open(&st, path, "alice", &err), UR_OK, "open creates %s", "open.db");
	tap_ok(store_schema_latest() >= 2, "migrations go beyond version 1");
	tap_is_int(store_schema_version(st), store_schema_latest(), "fresh database is at the latest schema version");
	tap_is_int(ts_customer(st, "C1", "One", NULL), UR_OK, "a write through the store");
	if (ts_sqlite_only(3, "a file's mode, its -wal and -shm: SQLite's"))
		file_modes(path);
	tap_is_str(store_user(st), "alice", "the given user is recorded");
	store_close(st);
	if (ts_sqlite_only(1, "the journal mode is SQLite's"))
		ts_text_is(path, "PRAGMA journal_mode", "wal", "journal mode is WAL");
	tap_is_int(ts_q1(path, ts_sql(path, LITE_TABLES, PG_TABLES)),
		   9, "all nine tables exist");
	if (ts_sqlite_only(1, "STRICT tables are SQLite's"))
		tap_is_int(ts_q1(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
				       " AND sql NOT LIKE '%STRICT'"),
			   0, "all tables are STRICT");

	tap_is_int(store_open(&st, path, NULL, &err), UR_OK, "reopen");
	tap_is_int(store_schema_version(st), store_schema_latest(), "reopening keeps the version");
	tap_ok(store_user(st)[0] != '\0', "no user given: the OS login is used");
	store_close(st);
	tap_is_int(ts_q1(path, "SELECT count(*) FROM customer"), 1, "reopen keeps the rows");
	tap_is_int(ts_q1(path, ts_sql(path, SCHEMA_VERSION)), store_schema_latest(),
		   "the version on disk is the latest");
}

/* How many of the program's steps for sql (on st's own connection) are op. */
static int
count_opcode(struct store *st, const char *sql, const char *op)
{
	char explain[300];
	struct db_stmt *s;
	int n = 0;

	snprintf(explain, sizeof explain, "EXPLAIN %s", sql);
	if (db_prepare(st->db, explain, &s) != DB_OK)
		return -1;
	while (db_step(s) == DB_ROW)
		n += strcmp(db_column_text(s, 1), op) == 0;
	db_finalize(s);
	return n;
}

/* Version 8 rewrote two CHECKs without IN lists (in sqlite_schema) and
 * moved adding inserted ledger rows to paid from triggers to the store. */
static void
test_v8_schema(struct store *st, const char *path)
{
	/* a statement that runs (EXPLAIN alone does not look at the schema's
	 * version) reads the edited schema */
	db_exec(st->db, "SELECT count(*) FROM deposit");
	tap_is_int(count_opcode(st, "UPDATE deposit SET state = 'matched' WHERE id = 1",
				"OpenEphemeral"), 0,
		   "v8: checking a deposit's state builds no temporary table, on the "
		   "connection that migrated");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
			 " ('deposit', 'adjustment') AND sql LIKE '%IN (''%'"), 0,
		   "v8: no IN list left in the deposit and adjustment CHECKs");
	tap_ok(ts_exec(path, "INSERT INTO deposit (acct_bank, acct_branch, acct_number, currency,"
			     " payer_name, payer_key, reference, booking_date, value_date, amount,"
			     " state) VALUES ('1', '2', '3', 'JPY', 'a', 'a', 'r', '2026-01-01',"
			     " '2026-01-01', 5, 'bogus')") != SQLITE_OK,
	       "v8: an unknown deposit state is still refused");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"
			 " AND name LIKE '%paid_insert'"), 0, "v8: no paid_insert triggers");
	ts_text_is(path, "PRAGMA integrity_check", "ok", "v8: the edited schema is sound");
}

/* An older database that another program has open is not upgraded under
 * it; once it closes, the upgrade goes through. */
static void
test_upgrade_alone(const char *path)
{
	struct store *st;
	struct ur_err err;
	sqlite3 *other;

	ts_exec(path, ur_schema_sql);
	ts_exec(path, "PRAGMA user_version = 1; PRAGMA journal_mode = WAL");
	sqlite3_open(path, &other);
	sqlite3_exec(other, "SELECT count(*) FROM customer", NULL, NULL, NULL);
	sqlite3_busy_timeout(other, 100);
	tap_is_int(store_open(&st, path, "u", &err), UR_CONFLICT,
		   "an upgrade waits for the database to itself, then gives up");
	tap_ok(strstr(err.msg, "close every other urikake") != NULL, "… saying so: %s", err.msg);
	tap_is_int(ts_q1(path, "PRAGMA user_version"), 1, "… having changed nothing");
	sqlite3_close(other);
	tap_is_int(store_open(&st, path, "u", &err), UR_OK, "alone, it upgrades");
	tap_is_int(store_schema_version(st), store_schema_latest(), "… to the latest version");
	tap_is_int(ts_q1(path, "PRAGMA user_version"), store_schema_latest(),
		   "… and another connection sees it (the lock is gone)");
	store_close(st);
}

#define SET_VERSION_99 "PRAGMA user_version = 99", "UPDATE schema_version SET version = 99"

/* A schema version newer than this urikake's, at opening or meanwhile. */
static void
test_newer(void)
{
	char path[300];
	struct store *st;
	struct ur_err err;

	ts_db(path, sizeof path, "newer.db");
	tap_is_int(ts_exec(path, ts_sql(path, SET_VERSION_99)), SQLITE_OK, "raw: version 99");
	tap_is_int(store_open(&st, path, "u", &err), UR_FAIL, "a newer schema is refused");
	tap_ok(st == NULL, "no handle for a refused database");
	tap_ok(strstr(err.msg, "version 99") && strstr(err.msg, "newer urikake"),
	       "message names the version: %s", err.msg);

	ts_db(path, sizeof path, "upgraded.db");
	tap_is_int(store_open(&st, path, "u", &err), UR_OK, "open, then a newer urikake migrates");
	ts_exec(path, ts_sql(path, SET_VERSION_99));
	tap_is_int(store_begin(st, &err), UR_FAIL, "… so this one writes nothing more");
	tap_ok(strstr(err.msg, "version 99") && strstr(err.msg, "quit and start the new one"),
	       "message says why and what to do: %s", err.msg);
	tap_ok(!st->in_tx, "… and holds no transaction");
	store_close(st);
}

/* SQLite's files: the old versions migrated, another program holding one,
 * a file that is no database, a directory that is missing. */
static void
test_old_files(void)
{
	char path[300];
	struct store *st;
	struct ur_err err;
	FILE *f;

	ts_path(path, sizeof path, "old.db");
	tap_is_int(ts_exec(path, "CREATE TABLE t (x); DROP TABLE t"), SQLITE_OK,
		   "raw: an empty version-0 database");
	tap_is_int(store_open(&st, path, "u", &err), UR_OK, "a version-0 database is migrated");
	tap_is_int(store_schema_version(st), store_schema_latest(), "… to the latest version");
	store_close(st);

	ts_path(path, sizeof path, "v1.db");
	tap_is_int(ts_exec(path, ur_schema_sql), SQLITE_OK, "raw: the version-1 schema");
	tap_is_int(ts_exec(path, "PRAGMA user_version = 1;"
			   " INSERT INTO customer(code, name) VALUES ('K1', 'keep me')"),
		   SQLITE_OK, "raw: version 1 with a customer");
	tap_is_int(store_open(&st, path, "u", &err), UR_OK, "a version-1 database is migrated");
	tap_is_int(store_schema_version(st), store_schema_latest(), "… to the latest version");
	test_v8_schema(st, path);
	store_close(st);
	tap_is_int(ts_q1(path, "SELECT count(*) FROM customer WHERE code = 'K1'"
			 " AND fee_policy IS NULL"), 1, "… keeping its rows, with the new column");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM sqlite_schema"
			 " WHERE name IN ('virtual_account', 'deposit_state_date')"), 2,
		   "… and the new table and index");

	ts_path(path, sizeof path, "busy.db");
	test_upgrade_alone(path);

	ts_path(path, sizeof path, "notadb.db");
	f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to matter\n", f);
	fclose(f);
	tap_is_int(store_open(&st, path, "u", &err), UR_FAIL, "a non-database file is refused");
	tap_ok(strstr(err.msg, "notadb.db") != NULL, "message names the file: %s", err.msg);

	ts_path(path, sizeof path, "no/such/dir.db");
	tap_is_int(store_open(&st, path, "u", &err), UR_FAIL, "missing directory");
	tap_ok(strstr(err.msg, "no/such/dir.db") != NULL, "message names the path: %s", err.msg);
}

static void
test_open_refusals(void)
{
	test_newer();
	if (ts_sqlite_only(24, "SQLite's files: versions 0 and 1 migrated, an upgrade waiting for "
			       "another program, a file that is no database, a missing directory"))
		test_old_files();
}

/* :memory: on SQLite, the database for name on the server: what to call it. */
static const char *
scratch(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, ":memory:");
	if (!ts_pg())
		return buf;
	ts_db(buf, size, name);
	return name;
}

static void
test_foreign_keys(void)
{
	struct store *st;
	struct ur_err err;
	struct deposit d = { .booking_date = 20000, .value_date = 20000, .amount = 5,
			     .currency = "JPY", .reference = "R1" };
	struct invoice inv;
	int64_t id, open;
	enum store_upsert what;
	char path[300];
	const char *name = scratch(path, sizeof path, "fk.db");

	tap_is_int(store_open(&st, path, "u", &err), UR_OK, "open %s", name);
	tap_is_int(store_deposit_insert(st, &d, &id, &what, &err), UR_OK, "deposit");
	tap_is_int(store_deposit_set_state(st, id, DEPOSIT_UNMATCHED, DEPOSIT_MATCHED, 424242, NULL,
					   &err),
		   UR_FAIL, "foreign keys are on: unknown customer refused");
	tap_ok(strstr(err.msg, ts_pg() ? "foreign key" : "FOREIGN KEY") != NULL,
	       "message from the database: %s", err.msg);
	tap_is_int(store_invoice_get(st, "nope", &inv, &open, &err), UR_INPUT,
		   "unknown invoice number");
	store_close(st);
}

struct collect {
	char buf[512];
	int n;
};

static int
collect_customer(const struct customer *c, void *ctx)
{
	struct collect *k = ctx;
	size_t len = strlen(k->buf);

	snprintf(k->buf + len, sizeof k->buf - len, "%s:%s:%s;", c->code, c->name, c->currency);
	k->n++;
	return 0;
}

static int
collect_invoice(const struct invoice *inv, int64_t open, void *ctx)
{
	struct collect *k = ctx;
	size_t len = strlen(k->buf);

	snprintf(k->buf + len, sizeof k->buf - len, "%s:%s:%lld:%lld;", inv->number,
		 inv->customer, (long long)inv->amount, (long long)open);
	k->n++;
	return k->n == 2; /* stop after two */
}

static void
test_customer_upsert(struct store *st, const char *path)
{
	struct customer c = { .code = "K1", .name = "株式会社カブシキ", .kana = "ｶﾌﾞｼｷ",
			      .terms = "EOM/+1/EOM", .credit_limit = 500000 };
	struct customer got;
	enum store_upsert what = STORE_UPDATED;
	struct ur_err err;

	tap_is_int(store_customer_upsert(st, &c, &what, &err), UR_OK, "customer insert");
	tap_is_int(what, STORE_INSERTED, "… reported as inserted");
	tap_is_int(store_customer_upsert(st, &c, &what, &err), UR_OK, "same customer again");
	tap_is_int(what, STORE_UNCHANGED, "… reported as unchanged");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit"), 0, "inserts and no-ops: no audit");
	c.name = "Quote \" and\nnewline";
	c.credit_limit = 0;
	tap_is_int(store_customer_upsert(st, &c, &what, &err), UR_OK, "changed customer");
	tap_is_int(what, STORE_UPDATED, "… reported as updated");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE action = 'update'"
			       " AND entity = 'customer:K1' AND \"user\" = 'bob'"),
		   1, "one audit row for the update, with the user");
	ts_text_is(path, ts_sql(path, "SELECT json_extract(before, '$.name') || '|' ||"
				      " json_extract(after, '$.name') FROM audit",
				"SELECT CAST(before AS jsonb) ->> 'name' || '|' ||"
				" (CAST(after AS jsonb) ->> 'name') FROM audit"),
		   "株式会社カブシキ|Quote \" and\nnewline", "audit before/after is valid JSON");
	ts_text_is(path, "SELECT after FROM audit",
		   "{\"code\":\"K1\",\"name\":\"Quote \\\" and\\u000anewline\",\"kana\":\"ｶﾌﾞｼｷ\","
		   "\"kana_key\":null,\"currency\":\"JPY\",\"terms\":\"EOM/+1/EOM\","
		   "\"sales_rep\":null,\"phone\":null,\"email\":null,\"address\":null,"
		   "\"credit_limit\":0}",
		   "audit after JSON text");
	tap_is_int(store_customer_get(st, "K1", &got, &err), UR_OK, "get by code");
	tap_is_str(got.name, "Quote \" and\nnewline", "… name");
	tap_is_str(got.kana, "ｶﾌﾞｼｷ", "… kana");
	tap_is_str(got.currency, "JPY", "… currency defaults to JPY");
	tap_is_str(got.terms, "EOM/+1/EOM", "… terms");
	tap_ok(got.phone == NULL && got.id > 0, "… absent phone is NULL, id set");
	tap_is_int(store_customer_get(st, "K9", &got, &err), UR_INPUT, "unknown code");
	tap_is_str(err.msg, "unknown customer code: K9", "… message");
	c.code = "";
	tap_is_int(store_customer_upsert(st, &c, &what, &err), UR_INPUT, "a code is required");
}

static void
test_invoice_upsert(struct store *st, const char *path)
{
	struct invoice inv = { .number = "INV-1", .customer = "K1", .issue_date = 20000,
			       .due_date = 20030, .amount = 110000, .tax = 10000 };
	struct invoice got;
	enum store_upsert what = STORE_UNCHANGED;
	struct ur_err err;
	int64_t open, audits = ts_q1(path, "SELECT count(*) FROM audit");

	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_OK, "invoice insert");
	tap_is_int(what, STORE_INSERTED, "… inserted");
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_OK, "same invoice");
	tap_is_int(what, STORE_UNCHANGED, "… unchanged");
	inv.currency = "JPY";
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_OK, "explicit same currency");
	tap_is_int(what, STORE_UNCHANGED, "… still unchanged");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit"), audits, "no audit rows yet");
	inv.amount = 120000;
	inv.memo = "revised";
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_OK, "changed amount");
	tap_is_int(what, STORE_UPDATED, "… updated");
	tap_is_int(ts_q1(path, "SELECT count(*) FROM audit WHERE entity = 'invoice:INV-1'"), 1,
		   "one audit row for the invoice update");
	ts_text_is(path, ts_sql(path, "SELECT json_extract(before, '$.amount') || '>' ||"
				      " json_extract(after, '$.amount') || ' ' ||"
				      " json_extract(after, '$.due_date')"
				      " FROM audit WHERE entity = 'invoice:INV-1'",
				"SELECT (CAST(before AS jsonb) ->> 'amount') || '>' ||"
				" (CAST(after AS jsonb) ->> 'amount') || ' ' ||"
				" (CAST(after AS jsonb) ->> 'due_date')"
				" FROM audit WHERE entity = 'invoice:INV-1'"),
		   "110000>120000 2024-11-03", "audit has old and new amounts, ISO dates");
	tap_is_int(store_invoice_get(st, "INV-1", &got, &open, &err), UR_OK, "get invoice");
	tap_is_int(got.amount, 120000, "… amount");
	tap_is_int(open, 120000, "… open amount");
	tap_is_int(got.due_date, 20030, "… due date round-trips");
	tap_is_int(got.tax, 10000, "… tax");
	tap_is_str(got.memo, "revised", "… memo");

	inv.customer = "NOPE";
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_INPUT, "unknown customer");
	tap_is_str(err.msg, "unknown customer code: NOPE", "… message");
	inv.customer = "K1";
	inv.currency = "USD";
	tap_is_int(store_invoice_upsert(st, &inv, &what, &err), UR_INPUT, "currency mismatch");
	tap_ok(strstr(err.msg, "USD") && strstr(err.msg, "JPY"), "… names both: %s", err.msg);
}

static void
test_iteration(struct store *st)
{
	struct collect k = { "", 0 };
	struct ur_err err;

	ts_customer(st, "A0", "First", "CNY");
	ts_invoice(st, "INV-0", "A0", "2025-01-01", "2025-01-31", 12345, NULL);
	ts_invoice(st, "INV-2", "K1", "2025-01-01", "2025-01-31", 5, NULL);
	tap_is_int(store_customers_each(st, collect_customer, &k, &err), UR_OK, "customers_each");
	tap_is_str(k.buf, "A0:First:CNY;K1:Quote \" and\nnewline:JPY;", "… in code order");
	k.buf[0] = '\0';
	k.n = 0;
	tap_is_int(store_invoices_each(st, collect_invoice, &k, &err), UR_OK, "invoices_each");
	tap_is_str(k.buf, "INV-0:A0:12345:12345;INV-1:K1:120000:120000;",
		   "… in number order, stopped by the callback");
}

static void
test_upserts(void)
{
	char path[300];
	struct store *st;
	struct ur_err err;

	ts_db(path, sizeof path, "upsert.db");
	if (store_open(&st, path, "bob", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	test_customer_upsert(st, path);
	test_invoice_upsert(st, path);
	test_iteration(st);
	store_close(st);
}

static void
test_backup_and_share(void)
{
	char path[300], copy[300], wal[310];
	struct store *st, *st2;
	struct ur_err err;
	struct stat sb;
	struct group *gr = getgrgid(getgid());

	ts_path(path, sizeof path, "orig.db");
	ts_path(copy, sizeof copy, "copy.db");
	if (store_open(&st, path, "u", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	ts_customer(st, "B1", "Backed up", NULL);
	ts_invoice(st, "BI-1", "B1", "2025-01-01", "2025-01-31", 777, NULL);
	tap_is_int(store_backup(st, copy, &err), UR_OK, "backup");
	tap_ok(stat(copy, &sb) == 0 && (sb.st_mode & 0777) == 0600, "backup file is 0600");
	tap_is_int(store_backup(st, copy, &err), UR_INPUT, "backup refuses an existing file");
	tap_ok(strstr(err.msg, "copy.db") != NULL, "… message: %s", err.msg);
	tap_is_int(store_open(&st2, copy, "u", &err), UR_OK, "the copy opens");
	tap_is_int(store_schema_version(st2), store_schema_latest(), "… at the latest version");
	store_close(st2);
	tap_is_int(ts_q1(copy, "SELECT count(*) || sum(amount) FROM invoice"), 1777,
		   "the copy has the invoice");
	tap_is_int(ts_q1(copy, "SELECT count(*) FROM customer WHERE name = 'Backed up'"), 1,
		   "the copy has the customer");

	tap_is_int(store_share_with_group(st, "no-such-group-urikake", &err), UR_FAIL,
		   "unknown group");
	tap_is_str(err.msg, "no such group: no-such-group-urikake", "… message");
	if (gr) {
		tap_is_int(store_share_with_group(st, gr->gr_name, &err), UR_OK,
			   "share with my own group");
		tap_ok(stat(path, &sb) == 0 && (sb.st_mode & 0777) == 0660, "database is 0660");
		snprintf(wal, sizeof wal, "%s-wal", path);
		tap_ok(stat(wal, &sb) == 0 && (sb.st_mode & 0777) == 0660, "-wal is 0660");
	} else {
		tap_skip("no group for my gid");
	}
	store_close(st);
}

static bool
kept_text(const struct store *st, const char *sql)
{
	for (int i = 0; i < STORE_KEPT; i++)
		if (st->kept[i] && !strcmp(db_sql(st->kept[i]), sql))
			return true;
	return false;
}

/* One-off statements done with are kept and handed out again for the same
 * text, reset and unbound; past STORE_KEPT the oldest one goes. */
static void
test_kept_statements(void)
{
	struct store *st;
	struct ur_err err;
	struct db_stmt *a, *b, *again, *last = NULL;
	char sql[64], path[300];
	const char *what = scratch(path, sizeof path, "kept.db");

	tap_is_int(store_open(&st, path, "u", &err), UR_OK, "open %s", what);
	a = store_prepare(st, "SELECT ?1 + 1", &err);
	db_bind_int64(a, 1, 41);
	tap_ok(db_step(a) == DB_ROW && db_column_int(a, 0) == 42, "a statement runs");
	store_keep(st, a);
	b = store_prepare(st, "SELECT 2", &err);
	tap_ok(b != a, "another text: another statement");
	db_finalize(b);
	again = store_prepare(st, "SELECT ?1 + 1", &err);
	tap_ok(again == a, "the same text: the statement kept");
	tap_ok(db_step(again) == DB_ROW && db_column_is_null(again, 0),
	       "… reset and unbound");
	b = store_prepare(st, "SELECT ?1 + 1", &err);
	tap_ok(b && b != a, "… taken: not handed out twice");
	db_finalize(b);
	store_keep(st, again);
	for (int i = 0; i < STORE_KEPT; i++) {
		snprintf(sql, sizeof sql, "SELECT %d", i);
		store_keep(st, last = store_prepare(st, sql, &err));
	}
	tap_ok(!kept_text(st, "SELECT ?1 + 1"), "the oldest goes when all are kept");
	tap_ok(store_prepare(st, sql, &err) == last, "the newest stays");
	db_finalize(last);
	store_close(st);
}

TAP_SUITE(store)
{
	test_open_file();
	test_open_refusals();
	test_foreign_keys();
	test_upserts();
	if (ts_sqlite_only(getgrgid(getgid()) ? 13 : 11,
			   "a backup of an SQLite file and its group's modes (a server's database "
			   "is copied by pg_dump)"))
		test_backup_and_share();
	test_kept_statements();
}
