/* Unit tests for store_pg_sql.c: the store's SQL, written in SQLite's
 * spelling, as the PostgreSQL backend sends it — placeholders, planner
 * hints and the functions of store_dialect_priv.h — with string literals,
 * quoted names and comments left alone. No server needed. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_dialect_priv.h"
#include "store_pg_priv.h"
#include "tap.h"

/* Whether sql translates to want, with nparams parameters. */
static void
is_translated(const char *sql, const char *want, int nparams, const char *what)
{
	struct pg_sql t;

	pg_sql_translate(sql, &t);
	tap_is_str(t.text, want, "pg_sql: %s", what);
	tap_is_int(t.nparams, nparams, "pg_sql: %s: %d parameters", what, nparams);
	pg_sql_free(&t);
}

static void
placeholders(void)
{
	struct pg_sql t;

	is_translated("SELECT a FROM t WHERE b = ?2 AND c = ?1 OR d = ?12",
		      "SELECT a FROM t WHERE b = $2 AND c = $1 OR d = $12", 12, "?N becomes $N");
	is_translated("SELECT '?1 :x', \"?2\" -- ?3 :y\n/* ?4 */ FROM t WHERE a = ?1",
		      "SELECT '?1 :x', \"?2\" -- ?3 :y\n/* ?4 */ FROM t WHERE a = $1", 1,
		      "literals, quoted names and comments are left alone");
	is_translated("SELECT 'it''s ?1', ?1", "SELECT 'it''s ?1', $1", 1,
		      "a doubled quote stays inside its literal");
	is_translated("SELECT x::text, ?1", "SELECT x::text, $1", 1, "a :: cast is no parameter");
	is_translated("DO $$ BEGIN x := date(y); END $$; SELECT $f$ ?1 $f$, ?2",
		      "DO $$ BEGIN x := date(y); END $$; SELECT $f$ ?1 $f$, $2", 2,
		      "dollar-quoted bodies are left alone");
	pg_sql_translate("SELECT :as_of, :b1 || :as_of, ?5, :b2", &t);
	tap_is_str(t.text, "SELECT $1, $2 || $1, $5, $6",
		   "pg_sql: each distinct :name the largest index before it plus one, as SQLite");
	tap_is_int(t.nnames, 3, "pg_sql: three names");
	tap_ok(t.nnames == 3 && t.name_index[2] == 6, "pg_sql: :b2 is 6 (after ?5)");
	tap_ok(t.nparams == 6 && t.used[0] && !t.used[2], "pg_sql: $3 is never used (no type)");
	pg_sql_free(&t);
}

static void
hints(void)
{
	is_translated("SELECT 1 FROM invoice i INDEXED BY invoice_open WHERE i.id = ?1",
		      "SELECT 1 FROM invoice i  WHERE i.id = $1", 1, "INDEXED BY name is removed");
	is_translated("SELECT a + b, ?1 +c, (x)+ y FROM t WHERE a = ?2 AND +i.currency = ?3 OR +1 > 0",
		      "SELECT a + b, $1 +c, (x)+ y FROM t WHERE a = $2 AND (i.currency = $3) IS TRUE OR +1 > 0", 3,
		      "a unary + before a column (an index hint) is removed, an addition is not");
	is_translated("UPDATE d SET s = ?2 WHERE id = ?1 AND +company_id = :company",
		      "UPDATE d SET s = $2 WHERE id = $1 AND (company_id = $3) IS TRUE", 3,
		      "+col = parameter at the end: no index condition, the same rows");
	is_translated("SELECT 1 FROM (SELECT id FROM c WHERE +c.company_id = :company) AS o, d "
		      "WHERE +d.company_id = ?1 ORDER BY 1",
		      "SELECT 1 FROM (SELECT id FROM c WHERE (c.company_id = $1) IS TRUE) AS o, d "
		      "WHERE (d.company_id = $1) IS TRUE ORDER BY 1", 1,
		      "+col = parameter before ) or a clause's keyword");
	is_translated("SELECT 1 FROM t WHERE +a = ?1 /* RETURNING id */",
		      "SELECT 1 FROM t WHERE (a = $1) IS TRUE RETURNING id", 1,
		      "+col = parameter before SQL_RETURNING_ID");
	is_translated("SELECT 1 FROM t WHERE +a = ?1 + 1 AND +b = ?2::text AND +j.x IS NULL "
		      "AND +c = d AND +e >= ?3",
		      "SELECT 1 FROM t WHERE a = $1 + 1 AND b = $2::text AND j.x IS NULL "
		      "AND c = d AND e >= $3", 3,
		      "any other +col only loses its +");
	is_translated("SELECT 1 FROM t WHERE NOT +a = ?1 AND x * +b = ?2 AND (+c = ?3) AND +d=?4AND 1",
		      "SELECT 1 FROM t WHERE NOT a = $1 AND x * b = $2 AND ((c = $3) IS TRUE) "
		      "AND (d=$4) IS TRUE AND 1", 4,
		      "only a whole condition is wrapped (after WHERE, AND, OR, ON, WHEN or a "
		      "parenthesis), and a word after it stays apart");
	is_translated("SELECT 1 FROM t WHERE +a = ?1 -- c\n + 1 > 0 AND +b = ?2 /* c */ || 'x' = 'y'",
		      "SELECT 1 FROM t WHERE a = $1 -- c\n + 1 > 0 AND b = $2 /* c */ || 'x' = 'y'", 2,
		      "a comment after the parameter is looked past");
	is_translated("SELECT 1 FROM inv CROSS JOIN allocation AS a ON a.invoice_id = inv.id",
		      "SELECT 1 FROM inv JOIN allocation AS a ON a.invoice_id = inv.id", 0,
		      "SQLite's CROSS JOIN … ON (a join order) is a JOIN");
	is_translated("SELECT 1 FROM deposit d NOT INDEXED WHERE NOT EXISTS (SELECT 1)",
		      "SELECT 1 FROM deposit d  WHERE NOT EXISTS (SELECT 1)", 0,
		      "NOT INDEXED is removed, NOT EXISTS is not");
}

/* Each macro's SQLite text, as PostgreSQL reads it. */
static void
dialect(void)
{
	is_translated("UPDATE t SET at = " SQL_NOW " WHERE id = ?1",
		      "UPDATE t SET at = ur_now() WHERE id = $1", 1, "SQL_NOW");
	is_translated("SELECT at > " SQL_NOW_PLUS("?2"),
		      "SELECT at > to_char((statement_timestamp() AT TIME ZONE 'UTC') + "
		      "CAST(CAST($2 AS text) AS interval), 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
		      2, "SQL_NOW_PLUS");
	is_translated("SELECT " SQL_DAY_AFTER("?3"),
		      "SELECT CAST(CAST(CAST(CAST($3 AS text) AS date) + CAST(CAST('+1 day' AS text) AS "
		      "interval) AS date) AS text)",
		      3, "SQL_DAY_AFTER");
	is_translated("SELECT coalesce(" SQL_DAYS_BEFORE(":as_of", ":b1") ", '')",
		      "SELECT coalesce(CAST(CAST(CAST(CAST($1 AS text) AS date) + CAST(CAST('-' || $2 || "
		      "' days' AS text) AS interval) AS date) AS text), '')",
		      2, "SQL_DAYS_BEFORE");
	is_translated("SELECT " SQL_DAYS_BETWEEN("i.due_date", "d.booking_date"),
		      "SELECT CAST((CAST(CAST(d.booking_date AS text) AS date) - DATE '2000-01-01') - "
		      "(CAST(CAST(i.due_date AS text) AS date) - DATE '2000-01-01') AS INTEGER)",
		      0, "SQL_DAYS_BETWEEN");
	is_translated("SELECT " SQL_LIST_AGG("i.number", "' '"), "SELECT string_agg(i.number, ' ')", 0,
		      "SQL_LIST_AGG");
	is_translated("SELECT 1 WHERE " SQL_CONTAINS("coalesce(kana, '')", "?6") " OR x",
		      "SELECT 1 WHERE (strpos(coalesce(kana, ''), $6) > 0) OR x", 6,
		      "SQL_CONTAINS, its argument a call with a comma inside");
	is_translated("SELECT " SQL_JSON_TEXT("after", "state"),
		      "SELECT (CAST(after AS jsonb) ->> 'state')", 0, "SQL_JSON_TEXT");
	is_translated("SELECT strftime('%Y', 'now'), date", "SELECT strftime('%Y', 'now'), date", 0,
		      "another strftime and a column called date are left as written");
}

/* A server URL in messages and the status line: the password hidden,
 * the rest as written; a file name as it is. */
static void
is_shown(const char *path, const char *want)
{
	char *got = store_name_shown(path);

	tap_ok(strcmp(got, want) == 0, "shown as %s", want);
	free(got);
}

static void
names_shown(void)
{
	is_shown("postgresql://tanaka:s3cret@db.example/urikake",
		 "postgresql://tanaka:***@db.example/urikake");
	is_shown("postgresql://db/urikake?user=a&password=s3&sslmode=require",
		 "postgresql://db/urikake?user=a&password=***&sslmode=require");
	is_shown("postgres://:pw@/urikake?host=/tmp", "postgres://:***@/urikake?host=/tmp");
	is_shown("postgresql://tanaka@db:5432/urikake", "postgresql://tanaka@db:5432/urikake");
	is_shown("/srv/ar/password=x.db", "/srv/ar/password=x.db");
}

/* The status line's short name: the database and host, or a file's base name. */
static void
is_short(const char *path, const char *want)
{
	char *got = store_name_short(path);

	tap_ok(strcmp(got, want) == 0, "short name %s", want);
	free(got);
}

static void
names_short(void)
{
	is_short("postgresql://tanaka:s3cret@db.example:5432/urikake?sslmode=require",
		 "urikake@db.example:5432");
	is_short("postgresql:///tui?host=/tmp/x&port=5433&user=u", "tui");
	is_short("/srv/ar/office.db", "office.db");
}

/* Which statements may wait in libpq's pipeline, and which may be sent
 * as one INSERT of several rows. */
static void
writes(void)
{
	static const char ins[] = "INSERT INTO t (a, b) VALUES (?1, coalesce(?2, 'x'))"
				  " ON CONFLICT DO NOTHING";
	struct pg_sql t;
	char *rows;

	is_translated("INSERT INTO t (a) VALUES (?1)" SQL_RETURNING_ID,
		      "INSERT INTO t (a) VALUES ($1) RETURNING id", 1,
		      "SQL_RETURNING_ID's comment becomes RETURNING id");
	is_translated("INSERT INTO t (a) VALUES (?1) /* a comment */",
		      "INSERT INTO t (a) VALUES ($1) /* a comment */", 1, "another comment stays");
	pg_sql_translate(ins, &t);
	tap_ok(t.plain_write, "pg_sql: an INSERT without RETURNING is a plain write");
	tap_ok(t.row_end > t.row_start, "pg_sql: … with one VALUES row");
	rows = pg_sql_unnest(&t);
	tap_is_str(rows, "INSERT INTO t (a, b) SELECT u.p1, coalesce(u.p2, 'x') FROM unnest($1, $2)"
			 " AS u(p1, p2) ON CONFLICT DO NOTHING",
		   "pg_sql: its row a SELECT from the arrays of its parameters");
	free(rows);
	pg_sql_free(&t);
	pg_sql_translate("INSERT INTO t (a) VALUES (?1)" SQL_RETURNING_ID, &t);
	tap_ok(!t.plain_write, "pg_sql: an INSERT … RETURNING is not");
	pg_sql_free(&t);
	pg_sql_translate("UPDATE t SET a = ?2 WHERE id = ?1", &t);
	tap_ok(t.plain_write && !t.row_end, "pg_sql: an UPDATE is a plain write of no rows");
	pg_sql_free(&t);
	pg_sql_translate("SELECT a FROM t WHERE id = ?1", &t);
	tap_ok(!t.plain_write, "pg_sql: a SELECT is no write");
	pg_sql_free(&t);
	pg_sql_translate("INSERT INTO t (a) VALUES (?1) ON CONFLICT (a) DO UPDATE SET n = n + 1", &t);
	tap_ok(t.plain_write && !t.row_end, "pg_sql: an upsert that updates is never several rows");
	pg_sql_free(&t);
	pg_sql_translate("INSERT INTO t (a, b) VALUES (?1, 1), (?2, 2)", &t);
	tap_ok(!t.row_end, "pg_sql: nor is an INSERT of several rows already");
	pg_sql_free(&t);
	pg_sql_translate("INSERT INTO t (a) SELECT x FROM u WHERE y = ?1", &t);
	tap_ok(t.plain_write && !t.row_end, "pg_sql: nor INSERT … SELECT");
	pg_sql_free(&t);
}

TAP_SUITE(pg_sql)
{
	placeholders();
	hints();
	dialect();
	names_shown();
	names_short();
	writes();
}
