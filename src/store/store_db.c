/* store_db: the SQLite backend of the store's database seam — opening,
 * running SQL text, preparing, transactions and the SQLite-only helpers
 * (the per-row calls are inline in store_db_priv.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pthread.h>
#include <stdio.h>

#include "store_db_priv.h"

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

int
db_open(const char *name, int flags, struct db_conn **out)
{
	/* NOMUTEX: a connection is only ever used by one thread at a time (the
	 * TUI's loader opens its own), and the per-call locking was an eighth
	 * of match --auto's engine time */
	int f = SQLITE_OPEN_NOMUTEX;
	sqlite3 *db = NULL;
	int rc;

	f |= flags & DB_OPEN_READONLY ? SQLITE_OPEN_READONLY : 0;
	f |= flags & DB_OPEN_READWRITE ? SQLITE_OPEN_READWRITE : 0;
	f |= flags & DB_OPEN_CREATE ? SQLITE_OPEN_CREATE : 0;
	f |= flags & DB_OPEN_URI ? SQLITE_OPEN_URI : 0;
	rc = sqlite3_open_v2(name, &db, f, NULL);
	*out = (struct db_conn *)db;
	return rc;
}

int
db_close(struct db_conn *db)
{
	return sqlite3_close(db_lite(db));
}

void
db_busy_timeout(struct db_conn *db, int ms)
{
	sqlite3_busy_timeout(db_lite(db), ms);
}

const char *
db_errmsg(struct db_conn *db)
{
	return sqlite3_errmsg(db_lite(db));
}

const char *
db_errstr(int rc)
{
	return sqlite3_errstr(rc);
}

int
db_exec(struct db_conn *db, const char *sql)
{
	return sqlite3_exec(db_lite(db), sql, NULL, NULL, NULL);
}

int
db_prepare(struct db_conn *db, const char *sql, struct db_stmt **out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db_lite(db), sql, -1, &s, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		s = NULL;
	}
	*out = (struct db_stmt *)s;
	return rc;
}

int
db_prepare_persistent(struct db_conn *db, const char *sql, struct db_stmt **out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(db_lite(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);

	if (rc != SQLITE_OK) {
		sqlite3_finalize(s);
		s = NULL;
	}
	*out = (struct db_stmt *)s;
	return rc;
}

int
db_begin(struct db_conn *db)
{
	/* IMMEDIATE: the write lock now, waiting out the busy timeout, instead
	 * of a deferred transaction that fails at its first write */
	return db_exec(db, "BEGIN IMMEDIATE");
}

int
db_begin_read(struct db_conn *db)
{
	return db_exec(db, "BEGIN");
}

int
db_commit(struct db_conn *db)
{
	return db_exec(db, "COMMIT");
}

void
db_rollback(struct db_conn *db)
{
	if (db_in_tx(db))
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
	return savepoint_cmd(db, "ROLLBACK TO", name);
}

void
db_release_memory(struct db_conn *db)
{
	sqlite3_db_release_memory(db_lite(db));
}

void
db_progress_handler(struct db_conn *db, int n, int (*stop)(void *), void *ctx)
{
	sqlite3_progress_handler(db_lite(db), n, stop, ctx);
}

int
db_backup(struct db_conn *src, struct db_conn *dst, const char **msg)
{
	sqlite3_backup *b = sqlite3_backup_init(db_lite(dst), "main", db_lite(src), "main");
	int rc;

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
