/* store_pg_conn_priv: the PostgreSQL backend's connection and statement
 * objects, shared by its two halves: store_pg.c (connecting, running
 * statements, reading rows) and store_pg_pipe.c (the writes queued in
 * libpq's pipeline). Private to those two files. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_PG_CONN_PRIV_H
#define UR_SRC_STORE_PG_CONN_PRIV_H

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>

#include "store_db_priv.h"

struct pg_conn {
	struct db_conn base; /* backend DB_PG, lite NULL */
	PGconn *conn;
	char errmsg[512];
	int64_t changes, total_changes;
	int next_name; /* kept statements are "u1", "u2"… */
	bool listening; /* LISTEN urikake: pg_data_version counts notifications */
	int64_t notified; /* those received from other sessions */
	bool writing; /* inside db_begin's transaction: writes may be queued */
	int queued;   /* statements sent in pipeline mode, their answers unread */
	int failed;   /* a queued statement's error (DB_OK: none): every call
		       * returns it, sending nothing, until a rollback */
	struct pg_stmt *batch; /* the INSERT whose queued rows are not sent yet */
	int (*stop)(void *); /* non-zero: send no more statements (db_progress_handler) */
	void *stop_ctx;
};

struct pg_stmt {
	struct db_stmt base; /* backend DB_PG, lite NULL */
	struct pg_conn *db;
	char *sql; /* as the store gave it (db_sql) */
	struct pg_sql pg;
	char name[16];  /* the server's prepared statement; "" for a one-off */
	Oid *types;     /* 0 (the server infers it), text for one the SQL never names */
	char **values;  /* pg.nparams of them, NULL for SQL NULL */
	int *lengths;
	PGresult *res;  /* the rows of the latest run */
	int row, nrows; /* row: the current one, -1 before the first */
	bool ran;
	char **batch;   /* queued rows not sent yet: brows × pg.nparams values */
	int brows, bcap;
	Oid *atypes;    /* each parameter's array type, asked once two rows queue */
	char *unnest;   /* pg_sql_unnest's text, which takes those arrays */
	bool single;    /* a parameter's type has no array type: a row a statement */
};

static inline struct pg_conn *
pg_conn_of(struct db_conn *db)
{
	return (struct pg_conn *)db;
}

static inline struct pg_stmt *
pg_stmt_of(struct db_stmt *s)
{
	return (struct pg_stmt *)s;
}

/* store_pg.c */
/** The seam's code for a failed result (NULL: the connection failed),
 *  its message kept as the connection's. */
int pg_result_code(struct pg_conn *c, const PGresult *res);
/** Whether res is a success (its changes counted); else *rc its code and
 *  res cleared. */
bool pg_result_ok(struct pg_conn *c, PGresult *res, int *rc);
/** Run SQL text without parameters, after the queued writes' answers. */
int pg_exec_plain(struct pg_conn *c, const char *sql);

/* store_pg_pipe.c */
/** Before a call that waits for the server: the queued writes answered.
 *  DB_OK, or the error of the first that failed (kept until a rollback). */
int pg_pipe_sync(struct pg_conn *c);
/** End the pipeline: a sync, then each queued statement's answer in order,
 *  the first failure kept in c->failed; with last (a statement sent after
 *  them, whose rows the caller wants), its answer into *last. */
void pg_pipe_finish(struct pg_conn *c, PGresult **last);
/** Send the rows of a multi-row INSERT gathered so far: DB_OK or the error. */
int pg_batch_flush(struct pg_conn *c);
/** Send s with its bindings into the pipeline: whether libpq took it. */
bool pg_send(struct pg_stmt *s);

#endif
