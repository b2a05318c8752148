/* store_db_priv: the store's database seam — a connection, prepared
 * statements with ? placeholders, result codes and transactions — so that
 * the store files name no database library. Two backends: SQLite, whose
 * per-row calls are inline wrappers that cost one predicted branch, and
 * PostgreSQL (store_pg.c, libpq), chosen per connection and statement by
 * a tag in each object (doc/store-dialects.md, section 2). Private to
 * src/store/. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_DB_PRIV_H
#define UR_SRC_STORE_DB_PRIV_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

/* Which library a connection or a statement belongs to. */
enum db_backend { DB_SQLITE, DB_PG };

/* A connection and a prepared statement: the backend's tag, then SQLite's
 * own object (NULL on PostgreSQL, whose objects in store_pg.c begin with
 * this same header). One process may hold both kinds at once. Store files
 * use them only through the functions below. */
struct db_conn {
	enum db_backend backend;
	sqlite3 *lite;
};
struct db_stmt {
	enum db_backend backend;
	sqlite3_stmt *lite;
};

/* Result codes: the primary codes the store tells apart, with SQLite's
 * values (store_db.c checks), so that the SQLite backend passes its codes
 * through; an extended code's primary is db_code(rc). */
enum {
	DB_OK = 0,
	DB_ERROR = 1,
	DB_BUSY = 5,      /* another connection holds the lock: a conflict */
	DB_LOCKED = 6,    /* a conflict inside this process */
	DB_READONLY = 8,  /* opened to read, or a file we may not write */
	DB_CORRUPT = 11,  /* the data is not what the store wrote */
	DB_CANTOPEN = 14, /* the file cannot be opened */
	DB_NOTADB = 26,   /* the file is no database */
	DB_ROW = 100,     /* db_step: a row is ready */
	DB_DONE = 101     /* db_step: the statement has finished */
};

/* db_open's flags. */
enum {
	DB_OPEN_READONLY = 0x1,
	DB_OPEN_READWRITE = 0x2,
	DB_OPEN_CREATE = 0x4,
	DB_OPEN_URI = 0x8 /* name may be a "file:" URI */
};

static inline sqlite3 *
db_lite(struct db_conn *db)
{
	return db->lite;
}

static inline sqlite3_stmt *
db_lite_stmt(struct db_stmt *s)
{
	return s->lite;
}

static inline bool
db_is_pg(struct db_conn *db)
{
	return db->backend == DB_PG;
}

static inline bool
db_stmt_is_pg(struct db_stmt *s)
{
	return s->backend == DB_PG;
}

#include "store_pg_priv.h"

/** The primary result code of rc (an extended code carries it in its low byte). */
static inline int
db_code(int rc)
{
	return rc & 0xff;
}

/** Whether rc says another connection (or statement) holds what we need:
 *  the store reports it as a conflict, never as a failure. */
static inline bool
db_is_conflict(int rc)
{
	return db_code(rc) == DB_BUSY || db_code(rc) == DB_LOCKED;
}

/* Statements. A text bound with db_bind_text must stay as it is until the
 * statement is reset or stepped to its end; db_bind_text_copy copies it. */

static inline int
db_step(struct db_stmt *s)
{
	if (db_stmt_is_pg(s))
		return pg_step(s);
	return sqlite3_step(db_lite_stmt(s));
}

/** db_step for an INSERT, UPDATE or DELETE whose outcome the caller does
 *  not look at beyond failing on an error: neither db_changes nor an error
 *  code that it handles. On PostgreSQL inside db_begin's transaction it is
 *  queued (libpq's pipeline mode) and answers DB_DONE at once; should it
 *  fail, the connection's next call that waits for the server (a step of
 *  another statement, db_changes, db_exec, a savepoint's release,
 *  db_commit) returns its error, with its code and message, and so does
 *  every call after until db_rollback or db_rollback_to. SQLite: db_step. */
static inline int
db_step_write(struct db_stmt *s)
{
	if (db_stmt_is_pg(s))
		return pg_step_write(s);
	return sqlite3_step(db_lite_stmt(s));
}

static inline int
db_reset(struct db_stmt *s)
{
	if (db_stmt_is_pg(s))
		return pg_reset(s);
	return sqlite3_reset(db_lite_stmt(s));
}

static inline int
db_clear_bindings(struct db_stmt *s)
{
	if (db_stmt_is_pg(s))
		return pg_clear_bindings(s);
	return sqlite3_clear_bindings(db_lite_stmt(s));
}

/** Finalize s (NULL: nothing). */
int db_finalize(struct db_stmt *s);

/* The SQL text s was prepared from (to find a kept statement again). */
static inline const char *
db_sql(struct db_stmt *s)
{
	if (db_stmt_is_pg(s))
		return pg_sql(s);
	return sqlite3_sql(db_lite_stmt(s));
}

static inline int
db_bind_int64(struct db_stmt *s, int idx, int64_t v)
{
	if (db_stmt_is_pg(s))
		return pg_bind_int64(s, idx, v);
	return sqlite3_bind_int64(db_lite_stmt(s), idx, v);
}

static inline int
db_bind_null(struct db_stmt *s, int idx)
{
	if (db_stmt_is_pg(s))
		return pg_bind_text_n(s, idx, NULL, -1);
	return sqlite3_bind_null(db_lite_stmt(s), idx);
}

static inline int
db_bind_text(struct db_stmt *s, int idx, const char *text)
{
	if (db_stmt_is_pg(s))
		return pg_bind_text_n(s, idx, text, -1);
	return sqlite3_bind_text(db_lite_stmt(s), idx, text, -1, SQLITE_STATIC);
}

static inline int
db_bind_text_copy(struct db_stmt *s, int idx, const char *text)
{
	if (db_stmt_is_pg(s))
		return pg_bind_text_n(s, idx, text, -1);
	return sqlite3_bind_text(db_lite_stmt(s), idx, text, -1, SQLITE_TRANSIENT);
}

/** Bind the first len bytes of text (copied). */
static inline int
db_bind_text_n(struct db_stmt *s, int idx, const char *text, int len)
{
	if (db_stmt_is_pg(s))
		return pg_bind_text_n(s, idx, text, len);
	return sqlite3_bind_text(db_lite_stmt(s), idx, text, len, SQLITE_TRANSIENT);
}

/** The index of the parameter called name (":as_of"), 0 when s has none. */
static inline int
db_param_index(struct db_stmt *s, const char *name)
{
	if (db_stmt_is_pg(s))
		return pg_param_index(s, name);
	return sqlite3_bind_parameter_index(db_lite_stmt(s), name);
}

/** The number of parameters s has (the largest index). */
static inline int
db_param_count(struct db_stmt *s)
{
	if (db_stmt_is_pg(s))
		return pg_param_count(s);
	return sqlite3_bind_parameter_count(db_lite_stmt(s));
}

static inline int64_t
db_column_int64(struct db_stmt *s, int col)
{
	if (db_stmt_is_pg(s))
		return pg_column_int64(s, col);
	return sqlite3_column_int64(db_lite_stmt(s), col);
}

static inline int
db_column_int(struct db_stmt *s, int col)
{
	if (db_stmt_is_pg(s))
		return (int)pg_column_int64(s, col);
	return sqlite3_column_int(db_lite_stmt(s), col);
}

/** Column text (UTF-8), NULL for SQL NULL; valid until the next step,
 *  reset or finalize. */
static inline const char *
db_column_text(struct db_stmt *s, int col)
{
	if (db_stmt_is_pg(s))
		return pg_column_text(s, col);
	return (const char *)sqlite3_column_text(db_lite_stmt(s), col);
}

/** The length in bytes of the text db_column_text gives (call it after). */
static inline int
db_column_bytes(struct db_stmt *s, int col)
{
	if (db_stmt_is_pg(s))
		return pg_column_bytes(s, col);
	return sqlite3_column_bytes(db_lite_stmt(s), col);
}

static inline bool
db_column_is_null(struct db_stmt *s, int col)
{
	if (db_stmt_is_pg(s))
		return pg_column_is_null(s, col);
	return sqlite3_column_type(db_lite_stmt(s), col) == SQLITE_NULL;
}

/* The connection. */

/** The rows the latest INSERT, UPDATE or DELETE changed. */
static inline int64_t
db_changes(struct db_conn *db)
{
	if (db_is_pg(db))
		return pg_changes(db);
	return sqlite3_changes(db_lite(db));
}

/** The id the latest INSERT gave its row (INTEGER PRIMARY KEY). */
static inline int64_t
db_last_insert_id(struct db_conn *db)
{
	if (db_is_pg(db))
		return pg_last_insert_id(db);
	return sqlite3_last_insert_rowid(db_lite(db));
}

/** Every row this connection has changed since it opened. */
static inline int64_t
db_total_changes(struct db_conn *db)
{
	if (db_is_pg(db))
		return pg_total_changes(db);
	return sqlite3_total_changes64(db_lite(db));
}

/** Whether db_step_write may queue a write now (PostgreSQL, inside
 *  db_begin's transaction); false on SQLite. */
static inline bool
db_queues(struct db_conn *db)
{
	return db_is_pg(db) && pg_queues(db);
}

/** Wait for the answers to every queued write (db_step_write): DB_OK or
 *  the first one's error. SQLite: DB_OK. */
static inline int
db_sync(struct db_conn *db)
{
	return db_is_pg(db) ? pg_sync(db) : DB_OK;
}

/** Whether a transaction is open on db. */
static inline bool
db_in_tx(struct db_conn *db)
{
	if (db_is_pg(db))
		return pg_in_tx(db);
	return !sqlite3_get_autocommit(db_lite(db));
}

/** Set the library up before its first use (once per process). */
void db_setup_once(void);
/** Open name (a file, ":memory:" or, with DB_OPEN_URI, a "file:" URI)
 *  into *out: DB_OK or the error (*out may be set even then, for
 *  db_errmsg; db_close it). A connection is used by one thread at a time. */
int db_open(const char *name, int flags, struct db_conn **out);
/** Close db (NULL: nothing); DB_OK, or the error that kept it open. */
int db_close(struct db_conn *db);
/** How long a statement waits for another connection's lock before
 *  DB_BUSY. */
void db_busy_timeout(struct db_conn *db, int ms);
/** The message of db's latest error. */
const char *db_errmsg(struct db_conn *db);
/** The message of result code rc (when there is no connection to ask). */
const char *db_errstr(int rc);
/** Run SQL text (several statements) without results: DB_OK or the error. */
int db_exec(struct db_conn *db, const char *sql);
/** Prepare one statement of sql into *out: DB_OK or the error (*out NULL). */
int db_prepare(struct db_conn *db, const char *sql, struct db_stmt **out);
/** db_prepare for a statement kept for the connection's lifetime. */
int db_prepare_persistent(struct db_conn *db, const char *sql, struct db_stmt **out);

/* Transactions: DB_OK or the error; DB_BUSY when another connection's
 * write lock outlasted the busy timeout. */

/** Begin a write transaction, taking the write lock now (so that what it
 *  reads cannot change before it writes). */
int db_begin(struct db_conn *db);
/** Begin a read transaction: one snapshot for several reads. */
int db_begin_read(struct db_conn *db);
int db_commit(struct db_conn *db);
/** Roll back the open transaction, if any. */
void db_rollback(struct db_conn *db);
/** A savepoint called name inside the open transaction; release it, or
 *  roll back to it and release it. */
int db_savepoint(struct db_conn *db, const char *name);
int db_release(struct db_conn *db, const char *name);
int db_rollback_to(struct db_conn *db, const char *name);

/** Whether name is a database server's URL (postgresql://…), not a file. */
static inline bool
db_name_is_server(const char *name)
{
	return pg_is_url(name);
}

/** Server name as a connection string for a program that connects by
 *  itself (pg_dump), malloc'd: libpq's keyword=value form without the
 *  password, which goes to *password (malloc'd; NULL: none) to be handed
 *  over in PGPASSWORD, out of the argument list that ps shows. NULL when
 *  name cannot be read. */
static inline char *
db_server_conninfo(const char *name, char **password)
{
	return pg_conninfo(name, password);
}

/* What SQLite needs said and PostgreSQL does by itself, and the schema
 * probes, behind names (doc/store-dialects.md, section 5): each does on
 * PostgreSQL what is sensible there, mostly nothing. DB_OK or the error. */

/** A connection that writes: foreign keys, WAL, synchronous NORMAL. */
int db_tune_writer(struct db_conn *db);
/** A page cache of kib KiB (a loader's, a bulk import's). */
int db_tune_cache(struct db_conn *db, int kib);
/** A long batch of writes (match --auto): a large cache, statement
 *  journals in memory, one checkpoint at the end. */
int db_tune_bulk(struct db_conn *db);
/** The schema version into *v (SQLite: PRAGMA user_version; PostgreSQL:
 *  the table schema_version, 0 without it). */
int db_user_version(struct db_conn *db, int *v);
/** The number of tables (of the current schema on PostgreSQL) into *n. */
int db_table_count(struct db_conn *db, int *n);
/** Whether table (and, when column is not NULL, its column) exists. */
bool db_has_table(struct db_conn *db, const char *table, const char *column);
/** A number that changes when another connection commits: SQLite's
 *  PRAGMA data_version; PostgreSQL: the notifications from other sessions
 *  received since db_listen (0 without it), read off the socket with no
 *  round trip. */
int64_t db_data_version(struct db_conn *db);
/** PostgreSQL: LISTEN on channel (the schema's triggers notify on
 *  urikake). SQLite: nothing, DB_OK (data_version needs no listening). */
int db_listen(struct db_conn *db, const char *channel);
/** The socket that becomes readable when a notification arrives, to wait
 *  on with other input; -1 when there is none (SQLite, not listening). */
int db_notify_fd(struct db_conn *db);
/** Bring in every notification of a commit made before this call (one
 *  round trip on a listening PostgreSQL connection; else nothing). */
void db_notify_sync(struct db_conn *db);
/** PostgreSQL: a handle with which another thread stops the statement db
 *  runs (db_cancel_fire). SQLite: NULL, its progress handler does that. */
struct db_cancel *db_cancel_new(struct db_conn *db);
/** Ask the server to stop what c's connection runs now; from any thread,
 *  synchronous: the server has been told when it returns. A connection
 *  that runs nothing then keeps on as it was (the server ignores it). */
void db_cancel_fire(struct db_cancel *c);
/** Free c (NULL is fine). */
void db_cancel_free(struct db_cancel *c);
/** Call stop(ctx) every n steps of the virtual machine (n 0: never); a
 *  non-zero return interrupts the running statement. PostgreSQL: stop is
 *  asked before each statement is sent (a non-zero answer fails it), and
 *  the statement already running is stopped by db_cancel_fire. */
void db_progress_handler(struct db_conn *db, int n, int (*stop)(void *), void *ctx);

/* SQLite only (doc/store-dialects.md says what replaces each). */

/** Give back the page cache's memory. */
void db_release_memory(struct db_conn *db);
/** Copy the whole of src into dst, waiting out other writers: DB_DONE, or
 *  the error with *msg saying what it was. */
int db_backup(struct db_conn *src, struct db_conn *dst, const char **msg);

#endif
