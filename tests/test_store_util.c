/* test_store_util: the store suites' databases and their raw checks, on
 * SQLite or on a PostgreSQL server. With $URIKAKE_TEST_PG_SERVER set (the
 * URL of a server's maintenance database, as tests/pg/unit.sh sets it),
 * ts_db gives each name a fresh database on that server, loaded from a
 * template that store_init made once (store_open refuses an empty one),
 * and the checks read it through libpq; otherwise a file in the test
 * directory, read through a raw SQLite connection. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <ctype.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "tap.h"
#include "test_store.h"

#define TS_TEMPLATE "ut_template"
#define TS_MAX_DBS 64

static PGconn *admin;   /* the maintenance database, kept open */
static char made[TS_MAX_DBS][64]; /* the databases made so far … */
static char given[TS_MAX_DBS][128]; /* … and the names they were made for */
static int nmade;

static const char *
server(void)
{
	const char *s = getenv("URIKAKE_TEST_PG_SERVER");

	return s && *s ? s : NULL;
}

bool
ts_pg(void)
{
	return server() != NULL;
}

/* c's last error, without the line end libpq gives it. */
static const char *
pg_err(const PGconn *c)
{
	static char msg[512];

	snprintf(msg, sizeof msg, "%s", PQerrorMessage(c));
	msg[strcspn(msg, "\n")] = '\0';
	return msg;
}

static bool
is_url(const char *path)
{
	return !strncmp(path, "postgres", 8);
}

const char *
ts_sql(const char *path, const char *lite, const char *pg)
{
	return is_url(path) ? pg : lite;
}

bool
ts_sqlite_only(int n, const char *why)
{
	if (!ts_pg())
		return true;
	while (n-- > 0)
		tap_skip(why);
	return false;
}

void
ts_path(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", tap_tmpdir(), name);
}

/* The URL of database db on the server, as the store's owner. */
static void
db_url(char *buf, size_t size, const char *db)
{
	snprintf(buf, size, "postgresql:///%s?host=%s&port=%s&user=urikake_owner", db,
		 PQhost(admin), PQport(admin));
}

/* Run sql on the maintenance database; false (said as a diagnostic) on an error. */
static bool
admin_exec(const char *sql)
{
	PGresult *r = PQexec(admin, sql);
	bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;

	if (!ok)
		tap_diag("server: %s: %s", sql, pg_err(admin));
	PQclear(r);
	return ok;
}

/* The template every database is copied from: an empty database the store
 * initialises (loading the schema), made once a process. */
static bool
make_template(void)
{
	char url[512];
	struct store *st;
	struct ur_err err;

	admin = PQconnectdb(server());
	if (PQstatus(admin) != CONNECTION_OK) {
		tap_diag("server %s: %s", server(), pg_err(admin));
		return false;
	}
	PQclear(PQexec(admin, "SET client_min_messages = warning"));
	if (!admin_exec("DROP DATABASE IF EXISTS " TS_TEMPLATE " WITH (FORCE)") ||
	    !admin_exec("CREATE DATABASE " TS_TEMPLATE " OWNER urikake_owner ENCODING 'UTF8'"
			" LOCALE 'C' TEMPLATE template0"))
		return false;
	db_url(url, sizeof url, TS_TEMPLATE);
	if (store_init(&st, url, "init", &err) != UR_OK) {
		tap_diag("init %s: %s", url, err.msg);
		return false;
	}
	store_close(st);
	return true;
}

/* A database's name for name: ut_ and its letters and digits, lower case. */
static void
db_name(char *buf, size_t size, const char *name)
{
	size_t i = snprintf(buf, size, "ut_");

	for (; *name && i + 1 < size; name++)
		buf[i++] = isalnum((unsigned char)*name) ? tolower((unsigned char)*name) : '_';
	buf[i] = '\0';
}

/* Whether database db, made for name, is on the server already (else
 * remembered). Two names made alike, or more names than the table holds,
 * would make one test's database another's: the run stops there. */
static bool
seen(const char *db, const char *name)
{
	for (int i = 0; i < nmade; i++)
		if (!strcmp(made[i], db)) {
			if (strcmp(given[i], name) != 0)
				tap_fatal("test databases %s and %s are both %s", given[i], name, db);
			return true;
		}
	if (nmade == TS_MAX_DBS)
		tap_fatal("more than %d test databases: raise TS_MAX_DBS", TS_MAX_DBS);
	snprintf(made[nmade], sizeof made[0], "%s", db);
	snprintf(given[nmade++], sizeof given[0], "%s", name);
	return false;
}

void
ts_db(char *buf, size_t size, const char *name)
{
	char db[64], sql[256];

	if (!ts_pg()) {
		ts_path(buf, size, name);
		return;
	}
	db_name(db, sizeof db, name);
	if (!admin && !make_template()) {
		snprintf(buf, size, "postgresql:///%s?host=/nonexistent", db); /* opens fail */
		return;
	}
	db_url(buf, size, db);
	if (seen(db, name)) /* the same name, the same database, as a file is */
		return;
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", db);
	admin_exec(sql);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s OWNER urikake_owner TEMPLATE " TS_TEMPLATE,
		 db);
	admin_exec(sql);
}

/* A connection to the database at url, or NULL (said as a diagnostic). */
static PGconn *
pg_connect(const char *url)
{
	PGconn *c = PQconnectdb(url);

	if (PQstatus(c) == CONNECTION_OK)
		return c;
	tap_diag("%s: %s", url, pg_err(c));
	PQfinish(c);
	return NULL;
}

/* The first row's first column of sql on the server (NULL: none, or an
 * error, said as a diagnostic); *res to PQclear. */
static const char *
pg_first(const char *url, const char *sql, PGresult **res)
{
	PGconn *c = pg_connect(url);
	const char *v = NULL;

	*res = NULL;
	if (!c)
		return NULL;
	*res = PQexec(c, sql);
	if (PQresultStatus(*res) != PGRES_TUPLES_OK)
		tap_diag("%s: %s", sql, pg_err(c));
	else if (PQntuples(*res) > 0 && !PQgetisnull(*res, 0, 0))
		v = PQgetvalue(*res, 0, 0);
	PQfinish(c);
	return v;
}

static long long
pg_q1(const char *url, const char *sql)
{
	PGresult *r;
	const char *v = pg_first(url, sql, &r);
	long long n = -999;

	if (v) /* a boolean as SQLite gives it: 1 or 0 */
		n = !strcmp(v, "t") ? 1 : !strcmp(v, "f") ? 0 : strtoll(v, NULL, 10);
	else if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
		n = 0; /* NULL, as SQLite reads it as an integer */
	PQclear(r);
	return n;
}

static long long
lite_q1(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long long v = -999;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return v;
	}
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	} else {
		tap_diag("%s: %s", sql, sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return v;
}

long long
ts_q1(const char *path, const char *sql)
{
	return is_url(path) ? pg_q1(path, sql) : lite_q1(path, sql);
}

static int
pg_exec(const char *url, const char *sql)
{
	PGconn *c = pg_connect(url);
	PGresult *r;
	int rc;

	if (!c)
		return SQLITE_CANTOPEN;
	r = PQexec(c, sql);
	rc = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK
		     ? SQLITE_OK
		     : SQLITE_ERROR;
	if (rc != SQLITE_OK)
		tap_diag("server: %s", pg_err(c));
	PQclear(r);
	PQfinish(c);
	return rc;
}

static int
lite_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return SQLITE_CANTOPEN;
	}
	sqlite3_busy_timeout(db, 1000);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

int
ts_exec(const char *path, const char *sql)
{
	return is_url(path) ? pg_exec(path, sql) : lite_exec(path, sql);
}

/* The first column of sql as text into got ("(no row)", "(null)"). */
static void
pg_text(const char *url, const char *sql, char *got, size_t size)
{
	PGresult *r;
	const char *v = pg_first(url, sql, &r);

	if (v)
		snprintf(got, size, "%s", v);
	else if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
		snprintf(got, size, "(null)");
	PQclear(r);
}

static void
lite_text(const char *path, const char *sql, char *got, size_t size)
{
	sqlite3 *db;
	sqlite3_stmt *s = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		snprintf(got, size, "%s",
			 sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0)
						   : "(null)");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

int
ts_text_is(const char *path, const char *sql, const char *want, const char *what)
{
	char got[512] = "(no row)";

	if (is_url(path))
		pg_text(path, sql, got, sizeof got);
	else
		lite_text(path, sql, got, sizeof got);
	return tap_is_str(got, want, "%s", what);
}
