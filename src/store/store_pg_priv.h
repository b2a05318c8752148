/* store_pg_priv: the PostgreSQL backend of the store's database seam
 * (store_pg.c, libpq), called by the seam's functions in store_db_priv.h
 * and store_db.c when a connection or statement is PostgreSQL's; and the
 * translation of the store's SQLite spelling into PostgreSQL's
 * (store_pg_sql.c). Store files call the seam, never these. Private to
 * src/store/. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_PG_PRIV_H
#define UR_SRC_STORE_PG_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct db_conn;
struct db_stmt;

/** Whether name is a PostgreSQL connection URI (postgresql:// or postgres://). */
bool pg_is_url(const char *name);

/** url as libpq's keyword=value connection string without its password
 *  (malloc'd), which goes to *password (malloc'd; NULL: none); NULL when
 *  libpq cannot read url. */
char *pg_conninfo(const char *url, char **password);

/* The connection (store_db.c's functions hand over to these). */
/** Connect to url (flags: db_open's; DB_OPEN_READONLY makes every
 *  transaction read-only). */
int pg_open(const char *url, int flags, struct db_conn **out);
int pg_close(struct db_conn *db);
void pg_busy_timeout(struct db_conn *db, int ms);
const char *pg_errmsg(struct db_conn *db);
int pg_exec(struct db_conn *db, const char *sql);
int pg_prepare(struct db_conn *db, const char *sql, bool keep, struct db_stmt **out);
int pg_begin(struct db_conn *db);
int pg_commit(struct db_conn *db);
/** Roll back the transaction (savepoint NULL) or to savepoint, dropping
 *  what was queued and the failure it brought. */
int pg_rollback(struct db_conn *db, const char *savepoint);
/** A savepoint, queued inside a write transaction. */
int pg_savepoint(struct db_conn *db, const char *name);
int64_t pg_changes(struct db_conn *db);
int64_t pg_last_insert_id(struct db_conn *db);
int64_t pg_total_changes(struct db_conn *db);
bool pg_in_tx(struct db_conn *db);
bool pg_queues(struct db_conn *db);
int pg_sync(struct db_conn *db);
/* Other sessions' commits (store_db.c's db_listen and neighbours). */
int pg_listen(struct db_conn *db, const char *channel);
int64_t pg_data_version(struct db_conn *db);
void pg_progress_handler(struct db_conn *db, int (*stop)(void *), void *ctx);
struct db_cancel *pg_cancel_new(struct db_conn *db);
void pg_cancel_fire(struct db_cancel *c);
void pg_cancel_free(struct db_cancel *c);
int pg_notify_fd(struct db_conn *db);
void pg_notify_sync(struct db_conn *db);

/* Statements (the inline wrappers of store_db_priv.h hand over to these). */
int pg_step(struct db_stmt *s);
int pg_step_write(struct db_stmt *s);
int pg_reset(struct db_stmt *s);
int pg_clear_bindings(struct db_stmt *s);
int pg_finalize(struct db_stmt *s);
const char *pg_sql(struct db_stmt *s);
int pg_bind_int64(struct db_stmt *s, int idx, int64_t v);
/** Bind len bytes of text (all of it when len < 0; SQL NULL when text is
 *  NULL), always copied. */
int pg_bind_text_n(struct db_stmt *s, int idx, const char *text, int len);
int pg_param_index(struct db_stmt *s, const char *name);
int pg_param_count(struct db_stmt *s);
int64_t pg_column_int64(struct db_stmt *s, int col);
const char *pg_column_text(struct db_stmt *s, int col);
int pg_column_bytes(struct db_stmt *s, int col);
bool pg_column_is_null(struct db_stmt *s, int col);

/* The SQL text translated once at prepare (store_pg_sql.c). */
struct pg_sql {
	char *text;       /* PostgreSQL's spelling, $N placeholders */
	int nparams;      /* the largest $N */
	bool *used;       /* used[N - 1]: whether $N appears (else it has no type) */
	int nnames;       /* the distinct :name parameters */
	char **names;     /* with the colon (":as_of") */
	int *name_index;  /* each one's N: as SQLite, the largest before it plus 1 */
	bool plain_write; /* an INSERT, UPDATE or DELETE that returns no rows */
	/* a plain INSERT … VALUES (…) whose parameters all sit in that one
	 * row and that updates nothing on conflict: the row's "(" and past
	 * its ")" in text, so that pg_sql_unnest can rewrite it; 0, 0 else */
	size_t row_start, row_end;
};

/** Translate sql (SQLite's spelling) into out: ?N -> $N, each distinct
 *  :name -> the next $k, the planner hints INDEXED BY x / NOT INDEXED
 *  removed, SQLite's functions of store_dialect_priv.h into their
 *  PostgreSQL expansion and the comment SQL_RETURNING_ID into RETURNING id;
 *  string literals, quoted names and other comments are copied as they
 *  are. */
void pg_sql_translate(const char *sql, struct pg_sql *out);
void pg_sql_free(struct pg_sql *t);
/** The text of t (one with a row_end) inserting many rows at once: its
 *  VALUES row as a SELECT from unnest($1, …, $n) AS u(p1, …, pn) of the
 *  parameters it uses, each $k of the row now u.pk, so that $k is bound to
 *  an array of the rows' values (malloc'd). */
char *pg_sql_unnest(const struct pg_sql *t);

#endif
