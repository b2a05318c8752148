/* store_db: the store's database seam — opening, running SQL text,
 * preparing, transactions and the SQLite-only helpers — for SQLite, handing
 * a PostgreSQL connection's calls to store_pg.c (the per-row calls are
 * inline in store_db_priv.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "store_db_priv.h"
#include "xalloc.h"

/* The seam's result codes are SQLite's, passed through unchanged. */
_Static_assert(DB_OK == SQLITE_OK && DB_ERROR == SQLITE_ERROR && DB_BUSY == SQLITE_BUSY &&
		       DB_LOCKED == SQLITE_LOCKED && DB_READONLY == SQLITE_READONLY &&
		       DB_CORRUPT == SQLITE_CORRUPT && DB_CANTOPEN == SQLITE_CANTOPEN &&
		       DB_NOTADB == SQLITE_NOTADB && DB_ROW == SQLITE_ROW && DB_DONE == SQLITE_DONE,
	       "the seam's result codes are SQLite's");

/* Before SQLite's first use: no memory statistics (nobody reads them,
 * and keeping them took a global mutex at every allocation, a twelfth of
 * confirming a match). Too late (SQLite already in use) is harmless. */
static void
lite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

void
db_setup_once(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, lite_setup);
}

/* A new connection or statement object around SQLite's. */
static struct db_conn *
lite_conn(sqlite3 *db)
{
	struct db_conn *c = xmalloc(sizeof *c);

	c->backend = DB_SQLITE;
	c->lite = db;
	return c;
}

static struct db_stmt *
lite_stmt(sqlite3_stmt *s)
{
	struct db_stmt *w;

	if (!s)
		return NULL;
	w = xmalloc(sizeof *w);
	w->backend = DB_SQLITE;
	w->lite = s;
	return w;
}

int
db_open(const char *name, int flags, struct db_conn **out)
{
	/* NOMUTEX: a connection is only ever used by one thread at a time (the
	 * TUI's loader opens its own), and the per-call locking was an eighth
	 * of match --auto's engine time */
	int f = SQLITE_OPEN_NOMUTEX;
	sqlite3 *db = NULL;
	int rc;

	if (pg_is_url(name))
		return pg_open(name, flags, out);
	f |= flags & DB_OPEN_READONLY ? SQLITE_OPEN_READONLY : 0;
	f |= flags & DB_OPEN_READWRITE ? SQLITE_OPEN_READWRITE : 0;
	f |= flags & DB_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0;
	f |= flags & DB_OPEN_URI ? SQLITE_OPEN_URI : 0;
	rc = sqlite3_open_v2(name, &db, f, NULL);
	*out = lite_conn(db);
	return rc;
}

int
db_close(struct db_conn *db)
{
	int rc;

	if (!db)
		return DB_OK;
	if (db_is_pg(db))
		return pg_close(db);
	if ((rc = sqlite3_close(db_lite(db))) == SQLITE_OK)
		free(db);
	return rc;
}

void
db_busy_timeout(struct db_conn *db, int ms)
{
	if (db_is_pg(db))
		pg_busy_timeout(db, ms);
	else
		sqlite3_busy_timeout(db_lite(db), ms);
}

const char *
db_errmsg(struct db_conn *db)
{
	return db_is_pg(db) ? pg_errmsg(db) : sqlite3_errmsg(db_lite(db));
}

const char *
db_errstr(int rc)
{
	return sqlite3_errstr(rc);
}

int
db_exec(struct db_conn *db, const char *sql)
{
	if (db_is_pg(db))
		return pg_exec(db, sql);
	return sqlite3_exec(db_lite(db), sql, NULL, NULL, NULL);
}

int
db_prepare(struct db_conn *db, const char *sql, struct db_stmt **out)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (db_is_pg(db))
		return pg_prepare(db, sql, false, out);
	if ((rc = sqlite3_prepare_v2(db_lite(db), sql, -1, &s, NULL)) != SQLITE_OK) {
		sqlite3_finalize(s);
		s = NULL;
	}
	*out = lite_stmt(s);
	return rc;
}

int
db_prepare_persistent(struct db_conn *db, const char *sql, struct db_stmt **out)
{
	sqlite3_stmt *s = NULL;
	int rc;

	if (db_is_pg(db))
		return pg_prepare(db, sql, true, out);
	rc = sqlite3_prepare_v3(db_lite(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		s = NULL;
	}
	*out = lite_stmt(s);
	return rc;
}

int
db_finalize(struct db_stmt *s)
{
	int rc;

	if (!s)
		return DB_OK;
	if (db_stmt_is_pg(s))
		return pg_finalize(s);
	rc = sqlite3_finalize(db_lite_stmt(s));
	free(s);
	return rc;
}

int
db_begin(struct db_conn *db)
{
	if (db_is_pg(db))
		return pg_begin(db);
	/* IMMEDIATE: the write lock now, waiting out the busy timeout, instead
	 * of a deferred transaction that fails at its first write */
	return db_exec(db, "BEGIN IMMEDIATE");
}

int
db_begin_read(struct db_conn *db)
{
	/* PostgreSQL: one snapshot for every read, as SQLite's read lock */
	return db_exec(db, db_is_pg(db) ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
}

int
db_commit(struct db_conn *db)
{
	return db_is_pg(db) ? pg_commit(db) : db_exec(db, "COMMIT");
}

void
db_rollback(struct db_conn *db)
{
	if (db_is_pg(db))
		pg_rollback(db, NULL);
	else if (db_in_tx(db))
		db_exec(db, "ROLLBACK");
}

/* "VERB name", name a fixed identifier of the store's own. */
static int
savepoint_cmd(struct db_conn *db, const char *verb, const char *name)
{
	char sql[96];

	snprintf(sql, sizeof sql, "%s %s", verb, name);
	return db_exec(db, sql);
}

int
db_savepoint(struct db_conn *db, const char *name)
{
	if (db_is_pg(db))
		return pg_savepoint(db, name);
	return savepoint_cmd(db, "SAVEPOINT", name);
}

int
db_release(struct db_conn *db, const char *name)
{
	return savepoint_cmd(db, "RELEASE", name);
}

int
db_rollback_to(struct db_conn *db, const char *name)
{
	if (db_is_pg(db))
		return pg_rollback(db, name);
	return savepoint_cmd(db, "ROLLBACK TO", name);
}

int
db_tune_writer(struct db_conn *db)
{
	/* PostgreSQL: foreign keys are always on, durability is the server's */
	if (db_is_pg(db))
		return DB_OK;
	return db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
			   " PRAGMA synchronous = NORMAL");
}

int
db_tune_cache(struct db_conn *db, int kib)
{
	char sql[64];

	if (db_is_pg(db)) /* the server's shared buffers */
		return DB_OK;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -kib);
	return db_exec(db, sql);
}

int
db_tune_bulk(struct db_conn *db)
{
	if (db_is_pg(db))
		return DB_OK;
	/* each page written once per batch; statement journals in memory (by
	 * default SQLite spills one past 64 KiB to a temporary file and keeps
	 * writing there until the commit, measured 0.8 million writes a run);
	 * one checkpoint at the end (on close) instead of one per batch: pages
	 * that several batches touch are copied to the database once
	 * (measured 0.8 s of 11 at full size); bounded at 1 GiB */
	return db_exec(db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;"
			   " PRAGMA wal_autocheckpoint = 262144");
}

/* The first column of the first row sql gives, with text parameters
 * a and b (NULL: none), into *v (untouched when there is no row). */
static int
query_int(struct db_conn *db, const char *sql, const char *a, const char *b, int64_t *v)
{
	struct db_stmt *s;
	int rc = db_prepare(db, sql, &s);

	if (rc != DB_OK)
		return rc;
	if (a)
		db_bind_text(s, 1, a);
	if (b)
		db_bind_text(s, 2, b);
	if ((rc = db_step(s)) == DB_ROW)
		*v = db_column_int64(s, 0);
	db_finalize(s);
	return rc == DB_ROW || rc == DB_DONE ? DB_OK : rc;
}

int
db_user_version(struct db_conn *db, int *v)
{
	int64_t n = 0;
	int rc;

	if (!db_is_pg(db))
		rc = query_int(db, "PRAGMA user_version", NULL, NULL, &n);
	else if ((rc = query_int(db, "SELECT to_regclass('schema_version') IS NOT NULL", NULL, NULL,
				 &n)) == DB_OK && n)
		rc = query_int(db, "SELECT version FROM schema_version", NULL, NULL, &n);
	*v = (int)n;
	return rc;
}

int
db_table_count(struct db_conn *db, int *n)
{
	int64_t c = 0;
	int rc = query_int(db, db_is_pg(db) ? "SELECT count(*) FROM pg_catalog.pg_tables"
					       " WHERE schemaname = current_schema()"
					     : "SELECT count(*) FROM sqlite_schema",
			   NULL, NULL, &c);

	*n = (int)c;
	return rc;
}

bool
db_has_table(struct db_conn *db, const char *table, const char *column)
{
	const char *sql;
	int64_t found = 0;

	if (db_is_pg(db))
		sql = column ? "SELECT 1 FROM information_schema.columns WHERE table_schema ="
			       " current_schema() AND table_name = ?1 AND column_name = ?2"
			     : "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
			       " AND tablename = ?1";
	else
		sql = column ? "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2"
			     : "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1";
	return query_int(db, sql, table, column, &found) == DB_OK && found;
}

int64_t
db_data_version(struct db_conn *db)
{
	int64_t v = -1;

	if (db_is_pg(db))
		return pg_data_version(db);
	query_int(db, "PRAGMA data_version", NULL, NULL, &v);
	return v;
}

int
db_listen(struct db_conn *db, const char *channel)
{
	return db_is_pg(db) ? pg_listen(db, channel) : DB_OK;
}

int
db_notify_fd(struct db_conn *db)
{
	return db_is_pg(db) ? pg_notify_fd(db) : -1;
}

void
db_notify_sync(struct db_conn *db)
{
	if (db_is_pg(db))
		pg_notify_sync(db);
}

void
db_release_memory(struct db_conn *db)
{
	if (!db_is_pg(db)) /* the server's memory is the server's */
		sqlite3_db_release_memory(db_lite(db));
}

void
db_progress_handler(struct db_conn *db, int n, int (*stop)(void *), void *ctx)
{
	if (!db_is_pg(db))
		sqlite3_progress_handler(db_lite(db), n, stop, ctx);
	else /* asked before each statement is sent; the one running: db_cancel_fire */
		pg_progress_handler(db, n ? stop : NULL, ctx);
}

struct db_cancel *
db_cancel_new(struct db_conn *db)
{
	return db_is_pg(db) ? pg_cancel_new(db) : NULL;
}

void
db_cancel_fire(struct db_cancel *c)
{
	if (c)
		pg_cancel_fire(c);
}

void
db_cancel_free(struct db_cancel *c)
{
	if (c)
		pg_cancel_free(c);
}

int
db_backup(struct db_conn *src, struct db_conn *dst, const char **msg)
{
	sqlite3_backup *b;
	int rc;

	if (db_is_pg(src) || db_is_pg(dst)) {
		*msg = _("a PostgreSQL database is backed up with pg_dump");
		return DB_ERROR;
	}
	b = sqlite3_backup_init(db_lite(dst), "main", db_lite(src), "main");
	if (!b) {
		*msg = sqlite3_errmsg(db_lite(dst));
		return sqlite3_errcode(db_lite(dst));
	}
	do {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	*msg = sqlite3_errstr(rc);
	return rc;
}
