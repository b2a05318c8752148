/* store_pg_pipe: the writes of a PostgreSQL write transaction whose
 * answers nobody reads (db_step_write, savepoints) queued in libpq's
 * pipeline and sent with the next statement that is answered, one round
 * trip for all; the rows of one INSERT queued again and again gathered
 * into one INSERT of several rows; a queued write's failure kept and
 * returned by every later call until the rollback (doc/store-dialects.md,
 * section 3). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_pg_conn_priv.h"
#include "strbuf.h"
#include "xalloc.h"

/* The writes that may wait unanswered: bounded, so that the server's
 * answers to them never fill the socket while we are still sending. */
#define PG_QUEUE_MAX 512
/* Rows of one INSERT queued again and again go as one statement of up to
 * this many rows: one array a parameter, so the server parses and plans
 * a statement of n parameters, not one of n for each row. */
#define PG_BATCH_ROWS 1024

static int send_failed(struct pg_conn *c);

/* Into pipeline mode, unless there already: whether libpq agreed. */
static bool
pipe_enter(struct pg_conn *c)
{
	return PQpipelineStatus(c->conn) != PQ_PIPELINE_OFF || PQenterPipelineMode(c->conn);
}

/* Column col of rows×n values as an array literal: {"a","b",NULL}. */
static char *
array_of(char **values, int rows, int n, int col)
{
	struct strbuf sb;

	sb_init(&sb);
	sb_addc(&sb, '{');
	for (int r = 0; r < rows; r++) {
		const char *v = values[r * n + col];

		if (r)
			sb_addc(&sb, ',');
		if (!v) {
			sb_adds(&sb, "NULL");
			continue;
		}
		sb_addc(&sb, '"');
		for (; *v; v++) {
			if (*v == '"' || *v == '\\')
				sb_addc(&sb, '\\');
			sb_addc(&sb, *v);
		}
		sb_addc(&sb, '"');
	}
	sb_addc(&sb, '}');
	return sb_detach(&sb);
}

/* Send the rows s gathered: one as the statement itself, more as its
 * unnest form with a column's values in one array. Whether libpq took it. */
static bool
batch_send_rows(struct pg_conn *c, struct pg_stmt *s)
{
	int n = s->pg.nparams;
	char **arrays;
	bool ok;

	if (s->brows == 1) {
		const char *const *v = (const char *const *)s->batch;

		if (s->name[0])
			return PQsendQueryPrepared(c->conn, s->name, n, v, NULL, NULL, 0);
		return PQsendQueryParams(c->conn, s->pg.text, n, s->types, v, NULL, NULL, 0);
	}
	if (!s->unnest)
		s->unnest = pg_sql_unnest(&s->pg);
	arrays = xcalloc((size_t)n + 1, sizeof *arrays);
	for (int i = 0; i < n; i++) /* one the SQL never names stays NULL */
		arrays[i] = s->pg.used[i] ? array_of(s->batch, s->brows, n, i) : NULL;
	ok = PQsendQueryParams(c->conn, s->unnest, n, s->atypes, (const char *const *)arrays,
			       NULL, NULL, 0);
	for (int i = 0; i < n; i++)
		free(arrays[i]);
	free(arrays);
	return ok;
}

/* Send the rows c->batch has gathered as one INSERT: DB_OK or the error. */
static int
batch_send(struct pg_conn *c)
{
	struct pg_stmt *s = c->batch;
	int all = s->brows * s->pg.nparams;
	bool ok;

	c->batch = NULL;
	ok = pipe_enter(c) && batch_send_rows(c, s);
	for (int i = 0; i < all; i++)
		free(s->batch[i]);
	s->brows = 0;
	if (!ok)
		return send_failed(c);
	c->queued++;
	return DB_OK;
}

int
pg_batch_flush(struct pg_conn *c)
{
	return c->batch ? batch_send(c) : DB_OK;
}

/* The answer to the next statement of the pipeline (NULL when the
 * connection has none to give), read up to its end. */
static PGresult *
pipe_result(struct pg_conn *c)
{
	PGresult *res = PQgetResult(c->conn), *more;

	if (res && PQresultStatus(res) != PGRES_PIPELINE_SYNC)
		while ((more = PQgetResult(c->conn)))
			PQclear(more);
	return res;
}

void
pg_pipe_finish(struct pg_conn *c, PGresult **last)
{
	int n, rc;
	PGresult *res;

	pg_batch_flush(c);
	n = c->queued + (last != NULL);
	c->queued = 0;
	if (!PQpipelineSync(c->conn))
		n = 0;
	for (int i = 0; i < n; i++) {
		if (!(res = pipe_result(c)) || PQresultStatus(res) == PGRES_PIPELINE_SYNC) {
			PQclear(res); /* the connection broke: no more answers come */
			c->failed = c->failed ? c->failed : pg_result_code(c, NULL);
			break;
		}
		if (last && i == n - 1)
			*last = res;
		else if (c->failed != DB_OK)
			PQclear(res); /* aborted after the first failure */
		else if (pg_result_ok(c, res, &rc))
			PQclear(res);
		else
			c->failed = rc;
	}
	while ((res = PQgetResult(c->conn)) && PQresultStatus(res) != PGRES_PIPELINE_SYNC)
		PQclear(res);
	PQclear(res);
	if (!PQexitPipelineMode(c->conn) && c->failed == DB_OK)
		c->failed = pg_result_code(c, NULL);
}

int
pg_pipe_sync(struct pg_conn *c)
{
	if (c->queued || c->batch)
		pg_pipe_finish(c, NULL);
	return c->failed;
}

bool
pg_send(struct pg_stmt *s)
{
	struct pg_conn *c = s->db;
	const char *const *v = (const char *const *)s->values;

	if (s->name[0])
		return PQsendQueryPrepared(c->conn, s->name, s->pg.nparams, v, s->lengths, NULL, 0);
	return PQsendQueryParams(c->conn, s->pg.text, s->pg.nparams, s->types, v, s->lengths,
				 NULL, 0);
}

/* Ask the server, once, the type it gave each parameter of s (after the
 * queued writes, the row s gathered among them) and that type's array
 * type, for the arrays batch_send binds: DB_OK or the error. Where one has
 * none, s goes a row a statement (s->single). */
static int
array_types(struct pg_stmt *s)
{
	static const char sql[] = "SELECT t.typarray FROM unnest(CAST($1 AS oid[]))"
				  " WITH ORDINALITY AS p(o, i) JOIN pg_type t ON t.oid = p.o ORDER BY p.i";
	struct pg_conn *c = s->db;
	int n = s->pg.nparams, rc;
	struct strbuf oids;
	PGresult *res;

	if ((rc = pg_pipe_sync(c)) != DB_OK)
		return rc;
	/* a one-off statement's unnamed one may have been replaced since */
	res = s->name[0] ? NULL : PQprepare(c->conn, "", s->pg.text, n, s->types);
	if (res && !pg_result_ok(c, res, &rc))
		return rc;
	PQclear(res);
	if (!pg_result_ok(c, res = PQdescribePrepared(c->conn, s->name), &rc))
		return rc;
	sb_init(&oids);
	for (int i = 0; i < n; i++)
		sb_addf(&oids, "%c%u", i ? ',' : '{', PQparamtype(res, i));
	sb_addc(&oids, '}');
	PQclear(res);
	res = PQexecParams(c->conn, sql, 1, NULL, (const char *const *)&oids.buf, NULL, NULL, 0);
	sb_free(&oids);
	if (!pg_result_ok(c, res, &rc))
		return rc;
	s->atypes = xcalloc((size_t)n + 1, sizeof *s->atypes);
	s->single = PQntuples(res) != n;
	for (int i = 0; i < n && !s->single; i++) {
		s->atypes[i] = s->pg.used[i] ? (Oid)strtoul(PQgetvalue(res, i, 0), NULL, 10) : 25;
		s->single = !s->atypes[i];
	}
	PQclear(res);
	return DB_OK;
}

static int queue(struct pg_stmt *s);

/* Gather the row s is bound to into the INSERT of several rows that goes
 * when another statement does (or when it is full): DB_DONE or the error. */
static int
batch_add(struct pg_stmt *s)
{
	struct pg_conn *c = s->db;
	int n = s->pg.nparams, rc;

	if (c->batch != s && (rc = pg_batch_flush(c)) != DB_OK)
		return rc;
	if (s->brows == 1 && !s->atypes && (rc = array_types(s)) != DB_OK)
		return rc;
	if (s->single) /* its first row went with array_types' sync */
		return queue(s);
	if (s->brows == s->bcap) {
		s->bcap = s->bcap ? 2 * s->bcap : 16;
		s->batch = xrealloc(s->batch, (size_t)s->bcap * (size_t)n * sizeof *s->batch);
	}
	for (int i = 0; i < n; i++)
		s->batch[s->brows * n + i] = s->values[i] ? xstrdup(s->values[i]) : NULL;
	s->brows++;
	c->batch = s;
	s->ran = true;
	s->row = s->nrows = 0;
	if (s->brows >= PG_BATCH_ROWS && (rc = batch_send(c)) != DB_OK)
		return rc;
	if (c->queued >= PG_QUEUE_MAX && pg_pipe_sync(c) != DB_OK)
		return c->failed;
	return DB_DONE;
}

/* After libpq refused to send a queued statement: the pipeline ended and
 * the transaction poisoned, since a write of it is lost. The error. */
static int
send_failed(struct pg_conn *c)
{
	int rc = pg_result_code(c, NULL);

	pg_pipe_finish(c, NULL);
	if (c->failed == DB_OK)
		c->failed = rc;
	return c->failed;
}

/* Queue the plain write s in the pipeline (db_step_write): DB_DONE, or the
 * error that an answer forced by the queue's bound brought. */
static int
queue(struct pg_stmt *s)
{
	struct pg_conn *c = s->db;
	int rc;

	if (s->pg.row_end && s->pg.nparams && !s->single)
		return batch_add(s);
	if ((rc = pg_batch_flush(c)) != DB_OK)
		return rc;
	if (!pipe_enter(c))
		return pg_step(&s->base);
	if (!pg_send(s))
		return send_failed(c);
	s->ran = true;
	s->row = s->nrows = 0;
	if (++c->queued >= PG_QUEUE_MAX && pg_pipe_sync(c) != DB_OK)
		return c->failed;
	return DB_DONE;
}

int
pg_step_write(struct db_stmt *st)
{
	struct pg_stmt *s = pg_stmt_of(st);
	struct pg_conn *c = s->db;

	if (!c->writing || !s->pg.plain_write || c->failed != DB_OK)
		return pg_step(st);
	if (s->ran)
		pg_reset(st);
	return queue(s);
}

bool
pg_queues(struct db_conn *db)
{
	struct pg_conn *c = pg_conn_of(db);

	return c->writing && c->failed == DB_OK;
}

int
pg_sync(struct db_conn *db)
{
	return pg_pipe_sync(pg_conn_of(db));
}

int
pg_rollback(struct db_conn *db, const char *savepoint)
{
	struct pg_conn *c = pg_conn_of(db);
	char sql[96];

	/* what was queued is undone with the rest: its answers, failures
	 * included, no longer matter */
	pg_pipe_sync(c);
	c->failed = DB_OK;
	if (!savepoint) {
		c->writing = false;
		return pg_in_tx(db) ? pg_exec_plain(c, "ROLLBACK") : DB_OK;
	}
	snprintf(sql, sizeof sql, "ROLLBACK TO %s", savepoint);
	return pg_exec_plain(c, sql);
}

int
pg_savepoint(struct db_conn *db, const char *name)
{
	struct pg_conn *c = pg_conn_of(db);
	char sql[96];

	snprintf(sql, sizeof sql, "SAVEPOINT %s", name);
	if (!c->writing || c->failed != DB_OK)
		return pg_exec_plain(c, sql);
	/* it answers nothing but a failure, which the next answer brings */
	if (pg_batch_flush(c) != DB_OK || !pipe_enter(c))
		return pg_exec_plain(c, sql);
	if (!PQsendQueryParams(c->conn, sql, 0, NULL, NULL, NULL, NULL, 0))
		return send_failed(c);
	c->queued++;
	return DB_OK;
}
