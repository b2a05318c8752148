/* store_pg: the PostgreSQL backend of the store's database seam, on
 * libpq. A statement's text is translated once at prepare
 * (store_pg_sql.c); parameters go as text with no type (the server infers
 * each); the first step runs the statement and fetches its rows whole, so
 * that the store may step one statement while running others on the same
 * connection, as it does on SQLite; SQLSTATEs map onto the seam's codes.
 * A statement that is answered first sends the writes queued before it
 * (store_pg_pipe.c) in the same round trip (doc/store-dialects.md,
 * section 3). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store_pg_conn_priv.h"
#include "strbuf.h"
#include "xalloc.h"

/* The one writer's lock (db_begin): a constant now, the company's id once
 * there are companies. */
#define PG_WRITE_LOCK_KEY 0x75726b61 /* "urka" */

bool
pg_is_url(const char *name)
{
	return name && (!strncmp(name, "postgresql://", 13) || !strncmp(name, "postgres://", 11));
}

/* Append v to out as a value of a keyword=value connection string. */
static void
add_conninfo_value(struct strbuf *out, const char *v)
{
	sb_addc(out, '\'');
	for (; *v; v++) {
		if (*v == '\'' || *v == '\\')
			sb_addc(out, '\\');
		sb_addc(out, *v);
	}
	sb_addc(out, '\'');
}

char *
pg_conninfo(const char *url, char **password)
{
	PQconninfoOption *opts = PQconninfoParse(url, NULL);
	struct strbuf out;

	*password = NULL;
	if (!opts)
		return NULL;
	sb_init(&out);
	for (const PQconninfoOption *o = opts; o->keyword; o++) {
		if (!o->val)
			continue;
		if (!strcmp(o->keyword, "password")) {
			free(*password);
			*password = xstrdup(o->val);
			continue;
		}
		sb_addf(&out, "%s%s=", out.len ? " " : "", o->keyword);
		add_conninfo_value(&out, o->val);
	}
	PQconninfoFree(opts);
	return sb_detach(&out);
}

/* Keep the first line of msg as the connection's error message. */
static void
set_error(struct pg_conn *c, const char *msg)
{
	size_t n = strcspn(msg, "\n");

	if (n >= sizeof c->errmsg)
		n = sizeof c->errmsg - 1;
	memcpy(c->errmsg, msg, n);
	c->errmsg[n] = '\0';
}

int
pg_result_code(struct pg_conn *c, const PGresult *res)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;

	set_error(c, msg ? msg : PQerrorMessage(c->conn));
	if (PQstatus(c->conn) == CONNECTION_BAD)
		return DB_CANTOPEN;
	if (!state)
		return DB_ERROR;
	/* serialization failure, deadlock, lock_timeout: another clerk holds it */
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strcmp(state, "55P03"))
		return DB_BUSY;
	if (!strcmp(state, "25006")) /* read-only transaction */
		return DB_READONLY;
	return DB_ERROR;
}

/* Count the rows an INSERT, UPDATE or DELETE changed (db_changes). */
static void
count_changes(struct pg_conn *c, PGresult *res)
{
	const char *cmd = PQcmdStatus(res);

	if (strncmp(cmd, "INSERT", 6) && strncmp(cmd, "UPDATE", 6) && strncmp(cmd, "DELETE", 6))
		return;
	c->changes = strtoll(PQcmdTuples(res), NULL, 10);
	c->total_changes += c->changes;
}

bool
pg_result_ok(struct pg_conn *c, PGresult *res, int *rc)
{
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		count_changes(c, res);
		return true;
	}
	*rc = pg_result_code(c, res);
	PQclear(res);
	return false;
}

int
pg_exec_plain(struct pg_conn *c, const char *sql)
{
	PGresult *res;
	int rc = pg_pipe_sync(c);

	if (rc != DB_OK)
		return rc;
	res = PQexec(c->conn, sql);
	if (pg_result_ok(c, res, &rc))
		PQclear(res);
	return rc;
}

/* The server's notices ("table does not exist, skipping") are not ours to
 * print: src/ never prints. */
static void
no_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

int
pg_open(const char *url, int flags, struct db_conn **out)
{
	struct pg_conn *c = xcalloc(1, sizeof *c);
	int rc;

	c->base.backend = DB_PG;
	*out = &c->base;
	c->conn = PQconnectdb(url);
	if (PQstatus(c->conn) != CONNECTION_OK) {
		set_error(c, PQerrorMessage(c->conn));
		return DB_CANTOPEN;
	}
	PQsetNoticeProcessor(c->conn, no_notice, NULL);
	/* the store's text is UTF-8; a writer waits 5 s for another, as on SQLite */
	if ((rc = pg_exec_plain(c, "SET client_encoding = 'UTF8'; SET lock_timeout = '5s'")) != DB_OK)
		return rc;
	if (flags & DB_OPEN_READONLY)
		rc = pg_exec_plain(c, "SET default_transaction_read_only = on");
	return rc;
}

int
pg_close(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	PQfinish(c->conn);
	free(c);
	return DB_OK;
}

void
pg_busy_timeout(struct db_conn *db, int ms)
{
	char sql[64];

	snprintf(sql, sizeof sql, "SET lock_timeout = %d", ms);
	pg_exec_plain(pg_conn_of(db), sql);
}

const char *
pg_errmsg(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	return c->errmsg[0] ? c->errmsg : "not an error";
}

/* Whether the stop callback says to send nothing more (the error set). */
static bool
stopped(struct pg_conn *c)
{
	if (!c->stop || !c->stop(c->stop_ctx))
		return false;
	set_error(c, _("interrupted"));
	return true;
}

int
pg_exec(struct db_conn *db, const char *sql)
{
	struct pg_sql t;
	int rc;

	if (stopped(pg_conn_of(db)))
		return DB_ERROR;
	pg_sql_translate(sql, &t);
	rc = pg_exec_plain(pg_conn_of(db), t.text);
	pg_sql_free(&t);
	return rc;
}

int
pg_prepare(struct db_conn *db, const char *sql, bool keep, struct db_stmt **out)
{
	struct pg_conn *c = pg_conn_of(db);
	struct pg_stmt *s = xcalloc(1, sizeof *s);
	PGresult *res;
	int rc = pg_pipe_sync(c);

	*out = NULL;
	if (rc != DB_OK) {
		free(s);
		return rc;
	}
	s->base.backend = DB_PG;
	s->db = c;
	s->sql = xstrdup(sql);
	pg_sql_translate(sql, &s->pg);
	/* a kept statement is prepared under its own name once; a one-off one
	 * as the unnamed statement, to check it now (a bad one fails here, as
	 * on SQLite), then run with its text */
	if (keep)
		snprintf(s->name, sizeof s->name, "u%d", ++c->next_name);
	s->types = xcalloc((size_t)s->pg.nparams + 1, sizeof *s->types);
	for (int i = 0; i < s->pg.nparams; i++)
		s->types[i] = s->pg.used[i] ? 0 : 25; /* 25: text's OID */
	res = PQprepare(c->conn, s->name, s->pg.text, s->pg.nparams, s->types);
	if (!pg_result_ok(c, res, &rc)) {
		s->name[0] = '\0';
		pg_finalize(&s->base);
		return rc;
	}
	PQclear(res);
	s->values = xcalloc((size_t)s->pg.nparams + 1, sizeof *s->values);
	s->lengths = xcalloc((size_t)s->pg.nparams + 1, sizeof *s->lengths);
	s->row = -1;
	*out = &s->base;
	return DB_OK;
}

/* The answer to s: alone, or after the queued writes, in one round trip;
 * NULL with *rc the error when a queued one failed. */
static PGresult *
answer(struct pg_stmt *s, int *rc)
{
	struct pg_conn *c = s->db;
	const char *const *v = (const char *const *)s->values;
	PGresult *res = NULL;

	if ((*rc = c->failed) != DB_OK || (*rc = pg_batch_flush(c)) != DB_OK)
		return NULL;
	if (!c->queued) {
		if (s->name[0])
			return PQexecPrepared(c->conn, s->name, s->pg.nparams, v, s->lengths, NULL, 0);
		return PQexecParams(c->conn, s->pg.text, s->pg.nparams, s->types, v, s->lengths,
				    NULL, 0);
	}
	pg_pipe_finish(c, pg_send(s) ? &res : NULL);
	if ((*rc = c->failed) != DB_OK) {
		PQclear(res);
		return NULL;
	}
	return res;
}

/* Run s with its bindings and keep its rows: DB_OK or the error. */
static int
run(struct pg_stmt *s)
{
	struct pg_conn *c = s->db;
	PGresult *res;
	int rc = DB_OK;

	if (stopped(c))
		return DB_ERROR;
	if (!(res = answer(s, &rc)) && rc != DB_OK)
		return rc;
	if (!pg_result_ok(c, res, &rc))
		return rc;
	s->res = res;
	s->nrows = PQntuples(res);
	s->row = -1;
	s->ran = true;
	return DB_OK;
}

int
pg_step(struct db_stmt *st)
{
	struct pg_stmt *s = pg_stmt_of(st);
	int rc;

	if (s->ran && s->row >= s->nrows) /* stepped past its end: runs again, as SQLite */
		pg_reset(st);
	if (!s->ran && (rc = run(s)) != DB_OK)
		return rc;
	return ++s->row < s->nrows ? DB_ROW : DB_DONE;
}

int
pg_reset(struct db_stmt *st)
{
	struct pg_stmt *s = pg_stmt_of(st);

	PQclear(s->res);
	s->res = NULL;
	s->ran = false;
	s->row = -1;
	s->nrows = 0;
	return DB_OK;
}

int
pg_clear_bindings(struct db_stmt *st)
{
	struct pg_stmt *s = pg_stmt_of(st);

	for (int i = 0; i < s->pg.nparams; i++) {
		free(s->values[i]);
		s->values[i] = NULL;
		s->lengths[i] = 0;
	}
	return DB_OK;
}

int
pg_finalize(struct db_stmt *st)
{
	struct pg_stmt *s = pg_stmt_of(st);
	char sql[48];

	if (s->db->batch == s) /* its rows go before it does */
		pg_pipe_sync(s->db);
	pg_reset(st);
	if (s->values)
		pg_clear_bindings(st);
	if (s->name[0] && pg_pipe_sync(s->db) == DB_OK && PQstatus(s->db->conn) == CONNECTION_OK &&
	    PQtransactionStatus(s->db->conn) != PQTRANS_INERROR) {
		snprintf(sql, sizeof sql, "DEALLOCATE %s", s->name);
		PQclear(PQexec(s->db->conn, sql));
	}
	free(s->batch);
	free(s->atypes);
	free(s->unnest);
	free(s->types);
	free(s->values);
	free(s->lengths);
	pg_sql_free(&s->pg);
	free(s->sql);
	free(s);
	return DB_OK;
}

const char *
pg_sql(struct db_stmt *st)
{
	return pg_stmt_of(st)->sql;
}

int
pg_bind_int64(struct db_stmt *st, int idx, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%" PRId64, v);
	return pg_bind_text_n(st, idx, buf, -1);
}

int
pg_bind_text_n(struct db_stmt *st, int idx, const char *text, int len)
{
	struct pg_stmt *s = pg_stmt_of(st);

	if (idx < 1 || idx > s->pg.nparams)
		return DB_ERROR; /* no such parameter */
	free(s->values[idx - 1]);
	s->values[idx - 1] = NULL;
	if (text)
		s->values[idx - 1] = len < 0 ? xstrdup(text) : xstrndup(text, (size_t)len);
	s->lengths[idx - 1] = 0; /* text format: the length is the NUL's */
	return DB_OK;
}

int
pg_param_index(struct db_stmt *st, const char *name)
{
	struct pg_stmt *s = pg_stmt_of(st);

	for (int i = 0; i < s->pg.nnames; i++)
		if (!strcmp(s->pg.names[i], name))
			return s->pg.name_index[i];
	return 0;
}

int
pg_param_count(struct db_stmt *st)
{
	return pg_stmt_of(st)->pg.nparams;
}

/* The current row's value of col, NULL for SQL NULL or no such value. */
static const char *
value(struct pg_stmt *s, int col)
{
	if (!s->res || s->row < 0 || s->row >= s->nrows || col < 0 || col >= PQnfields(s->res) ||
	    PQgetisnull(s->res, s->row, col))
		return NULL;
	return PQgetvalue(s->res, s->row, col);
}

int64_t
pg_column_int64(struct db_stmt *st, int col)
{
	const char *v = value(pg_stmt_of(st), col);

	if (!v)
		return 0;
	if (*v == 't' || *v == 'f') /* a boolean: SQLite's comparisons are 1 and 0 */
		return *v == 't';
	return strtoll(v, NULL, 10);
}

const char *
pg_column_text(struct db_stmt *st, int col)
{
	return value(pg_stmt_of(st), col);
}

int
pg_column_bytes(struct db_stmt *st, int col)
{
	struct pg_stmt *s = pg_stmt_of(st);

	return value(s, col) ? PQgetlength(s->res, s->row, col) : 0;
}

bool
pg_column_is_null(struct db_stmt *st, int col)
{
	return value(pg_stmt_of(st), col) == NULL;
}

int64_t
pg_changes(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	pg_pipe_sync(c);
	return c->changes;
}

int64_t
pg_last_insert_id(struct db_conn *db)
{
	/* the identity column's sequence: the latest value this session took */
	PGresult *res;
	int64_t id = 0;

	if (pg_pipe_sync(pg_conn_of(db)) != DB_OK)
		return 0;
	res = PQexec(pg_conn_of(db)->conn, "SELECT lastval()");
	if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
		id = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return id;
}

int64_t
pg_total_changes(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	pg_pipe_sync(c);
	return c->total_changes;
}

bool
pg_in_tx(struct db_conn *db)
{
	PGTransactionStatusType t = PQtransactionStatus(pg_conn_of(db)->conn);

	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

int
pg_begin(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);
	char sql[96];
	int rc;

	/* one writer at a time, as SQLite's write lock; READ COMMITTED, so each
	 * statement after the lock sees every commit made before it */
	snprintf(sql, sizeof sql, "BEGIN; SELECT pg_advisory_xact_lock(%d)", PG_WRITE_LOCK_KEY);
	if ((rc = pg_exec_plain(c, sql)) != DB_OK && pg_in_tx(db))
		PQclear(PQexec(c->conn, "ROLLBACK"));
	c->writing = rc == DB_OK;
	return rc;
}

int
pg_commit(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);
	PGresult *res;
	int rc = pg_pipe_sync(c);

	if (rc != DB_OK) /* the transaction is lost: the caller rolls it back */
		return rc;
	c->writing = false;
	res = PQexec(c->conn, "COMMIT");
	if (!pg_result_ok(c, res, &rc))
		return rc;
	/* COMMIT of a transaction an error had ended rolls it back, "successfully" */
	if (!strcmp(PQcmdStatus(res), "ROLLBACK")) {
		set_error(c, _("the transaction was rolled back after an earlier error"));
		rc = DB_ERROR;
	}
	PQclear(res);
	return rc;
}

int
pg_listen(struct db_conn *db, const char *channel)
{
	struct pg_conn *c = pg_conn_of(db);
	char sql[96];
	int rc;

	snprintf(sql, sizeof sql, "LISTEN %s", channel);
	if ((rc = pg_exec_plain(c, sql)) == DB_OK)
		c->listening = true;
	return rc;
}

int64_t
pg_data_version(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);
	int self = PQbackendPID(c->conn);
	PGnotify *n;

	if (!c->listening)
		return 0;
	/* what the socket holds, without a round trip (nothing: one recv) */
	PQconsumeInput(c->conn);
	while ((n = PQnotifies(c->conn))) {
		if (n->be_pid != self) /* this session's commits: not another's */
			c->notified++;
		PQfreemem(n);
	}
	return c->notified;
}

int
pg_notify_fd(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	return c->listening && PQstatus(c->conn) == CONNECTION_OK ? PQsocket(c->conn) : -1;
}

void
pg_notify_sync(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	/* a round trip: the server sends the notifications it holds for us
	 * before its answer (inside a transaction it holds them to its end) */
	if (c->listening && !pg_in_tx(db))
		PQclear(PQexec(c->conn, ""));
}

void
pg_progress_handler(struct db_conn *db, int (*stop)(void *), void *ctx)
{
	struct pg_conn *c = pg_conn_of(db);

	c->stop = stop;
	c->stop_ctx = ctx;
}

/* libpq's cancel request: its own connection to the server, so it may be
 * sent from another thread while this one waits for the answer. */
struct db_cancel {
	PGcancel *cancel;
};

struct db_cancel *
pg_cancel_new(struct db_conn *db)
{
	PGcancel *pc = PQgetCancel(pg_conn_of(db)->conn);
	struct db_cancel *c;

	if (!pc)
		return NULL;
	c = xmalloc(sizeof *c);
	c->cancel = pc;
	return c;
}

void
pg_cancel_fire(struct db_cancel *c)
{
	char why[256];

	PQcancel(c->cancel, why, sizeof why); /* failed: the load runs to its end */
}

void
pg_cancel_free(struct db_cancel *c)
{
	PQfreeCancel(c->cancel);
	free(c);
}
