/* Unit tests for following other clerks' commits (store_data_version,
 * store_listen, store_wait_fd, store_data_sync): another connection's
 * commit moves the listening connection's version, a rolled-back change
 * and its own commit do not. Suite store_notify runs them on SQLite
 * (PRAGMA data_version, no socket), store_notify_pg on the PostgreSQL
 * server whose URL is in $URIKAKE_TEST_PG (tests/pg/notify.sh starts one
 * and makes the roles): there the version counts notifications, the
 * socket wakes, a poll with nothing pending sends the server nothing, and
 * a database without the notify triggers falls back to polling the
 * audit. Each check a SKIP without a server. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "store_db_priv.h"
#include "store_priv.h"
#include "tap.h"

/* The checks of store_notify_pg, each a SKIP where there is no server. */
#define NOTIFY_PG_CHECKS 14
#define POLLS 10000

/* One audited change by st, committed or rolled back: whether it worked. */
static bool
change(struct store *st, bool commit)
{
	struct ur_err err;

	ur_err_clear(&err);
	if (store_begin(st, &err) != UR_OK ||
	    store_audit(st, "test", "notify", NULL, "{}", &err) != UR_OK) {
		tap_diag("%s", err.msg);
		return false;
	}
	if (!commit) {
		store_rollback(st);
		return true;
	}
	return store_commit(st, &err) == UR_OK;
}

/* The checks both stores pass: a listener and another clerk. */
static void
follow(struct store *me, struct store *other, const char *what)
{
	int64_t v0, v1;

	store_listen(me);
	v0 = store_data_sync(me);
	tap_ok(v0 >= 0, "%s: a data version (%lld)", what, (long long)v0);
	tap_ok(change(other, true), "%s: another clerk commits a change", what);
	v1 = store_data_sync(me);
	tap_ok(v1 != v0, "%s: … and the version moves (%lld → %lld)", what, (long long)v0,
	       (long long)v1);
	tap_ok(change(other, false), "%s: another clerk rolls a change back", what);
	tap_is_int(store_data_sync(me), v1, "%s: … and the version stays", what);
	tap_ok(change(me, true), "%s: this clerk commits a change", what);
	tap_is_int(store_data_sync(me), v1, "%s: … which is not another's: the version stays",
		   what);
}

TAP_SUITE(store_notify)
{
	struct store *a = NULL, *b = NULL;
	struct ur_err err;
	char path[512];

	snprintf(path, sizeof path, "%s/notify.db", tap_tmpdir());
	unlink(path);
	ur_err_clear(&err);
	if (store_init(&a, path, "tanaka", &err) != UR_OK ||
	    store_open(&b, path, "suzuki", &err) != UR_OK) {
		tap_ok(0, "sqlite: open two connections: %s", err.msg);
		store_close(a);
		return;
	}
	follow(a, b, "sqlite");
	tap_is_int(store_wait_fd(a), -1, "sqlite: no socket to wait on: data_version is polled");
	store_close(b);
	store_close(a);
	unlink(path);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The latest statement of the other client sessions and when it began,
 * as the server shows them (one session besides st's here). */
static char *
others_last_query(struct store *st)
{
	struct db_stmt *s;
	char *q = NULL;

	if (db_prepare(st->db, "SELECT string_agg(query || ' at ' || query_start, ';')"
			       " FROM pg_stat_activity"
			       " WHERE datname = current_database() AND pid <> pg_backend_pid()"
			       " AND backend_type = 'client backend'", &s) != DB_OK)
		return NULL;
	if (db_step(s) == DB_ROW && db_column_text(s, 0))
		q = strdup(db_column_text(s, 0));
	db_finalize(s);
	return q;
}

/* Milliseconds per store_data_version of st with nothing new. */
static double
poll_ms(struct store *st)
{
	double t0 = now_ms();

	for (int i = 0; i < POLLS; i++)
		store_data_version(st);
	return (now_ms() - t0) / POLLS;
}

/* What only the server does: the socket, no round trip, the fallback. */
static void
server_only(struct store *a, struct store *b, const char *url)
{
	struct pollfd p = { .fd = store_wait_fd(a), .events = POLLIN };
	struct store *c = NULL;
	struct ur_err err;
	int64_t v;
	char *q0, *q1;

	tap_ok(p.fd >= 0, "pg: a listening connection has a socket to wait on");
	v = store_data_version(a);
	q0 = others_last_query(b);
	tap_diag("pg: a poll with nothing pending: %.2f µs listening, %.2f µs asking the audit",
		 poll_ms(a) * 1000, poll_ms(b) * 1000);
	q1 = others_last_query(b);
	tap_ok(q0 && q1 && !strcmp(q0, q1),
	       "pg: polls with nothing pending send the server nothing (its last statement stays"
	       " %s)", q1 ? q1 : "(none)");
	free(q0);
	free(q1);
	tap_is_int(store_data_version(a), v, "pg: … and the version stays");
	change(b, true);
	tap_ok(poll(&p, 1, 10000) == 1, "pg: another clerk's commit wakes the socket");
	tap_ok(store_data_version(a) != v, "pg: … and the version read off it moves, no sync");
	/* a database made before the triggers: polled as before */
	ur_err_clear(&err);
	db_exec(b->db, "DROP TRIGGER audit_notify ON audit");
	if (store_open(&c, url, "sato", &err) != UR_OK) {
		tap_ok(0, "pg: open a third connection: %s", err.msg);
		return;
	}
	store_listen(c);
	tap_is_int(store_wait_fd(c), -1, "pg: without the notify triggers, no socket to wait on");
	v = store_data_version(c);
	change(b, true);
	tap_ok(store_data_version(c) != v, "pg: … and the audit's id is polled instead");
	store_close(c);
}

TAP_SUITE(store_notify_pg)
{
	const char *url = getenv("URIKAKE_TEST_PG");
	struct store *a = NULL, *b = NULL;
	struct ur_err err;

	if (!url || !*url) {
		for (int i = 0; i < NOTIFY_PG_CHECKS; i++)
			tap_skip("no PostgreSQL server (URIKAKE_TEST_PG; tests/pg/notify.sh starts one)");
		return;
	}
	ur_err_clear(&err);
	if (store_init(&a, url, "tanaka", &err) != UR_OK ||
	    store_open(&b, url, "suzuki", &err) != UR_OK) {
		tap_ok(0, "pg: open two connections: %s", err.msg);
		store_close(a);
		return;
	}
	follow(a, b, "pg");
	server_only(a, b, url);
	store_close(b);
	store_close(a);
}
