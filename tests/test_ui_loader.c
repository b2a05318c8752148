/* test_ui_loader: the panes' background loader — a load runs on its own
 * connection and is handed over once; a newer request cancels the older
 * one (a running query is interrupted at once, its model freed, never
 * handed over); a refresh lets the running load finish; failures come back
 * with their message; freeing a busy loader leaks nothing. And the aging
 * rows panes 2 and 3 share (dayrows): loaded once per day and generation. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arconf.h"
#include "store.h"
#include "store_priv.h"
#include "tap.h"
#include "test_store.h"
#include "testutil.h"
#include "ui/dayrows.h"
#include "ui/loader.h"
#include "xalloc.h"

/* What a test load does, and what it saw. */
struct tw {
	int mode;          /* TW_COUNT, TW_SLOW, TW_SPIN, TW_QUERY, TW_FAIL */
	long customers;    /* TW_COUNT: customers read on the loader's connection */
	atomic_int *running; /* set once run has begun */
	atomic_int *freed; /* counts frees of any test load */
	bool stopped;      /* run saw loader_stopping */
	int tag;
};

enum { TW_COUNT, TW_SLOW, TW_SPIN, TW_QUERY, TW_FAIL };

static atomic_int running, freed, slow_done;

static int
tw_customer(const struct customer *c, void *ctx)
{
	(void)c;
	((struct tw *)ctx)->customers++;
	return 0;
}

static void
tw_sleep(void)
{
	struct timespec ts = { 0, 1000000 };

	nanosleep(&ts, NULL);
}

static enum ur_status
tw_run(struct loader *l, struct store *st, void *p, struct ur_err *err)
{
	struct tw *w = p;

	atomic_store(w->running, 1);
	switch (w->mode) {
	case TW_SLOW: /* 100 ms, then as TW_COUNT */
		for (int i = 0; i < 100 && !loader_stopping(l); i++)
			tw_sleep();
		w->stopped = loader_stopping(l);
		atomic_store(&slow_done, !w->stopped);
		return store_customers_each(st, tw_customer, w, err);
	case TW_COUNT:
		loader_count(l, 7);
		return store_customers_each(st, tw_customer, w, err);
	case TW_SPIN:
		for (int i = 0; i < 10000 && !loader_stopping(l); i++)
			tw_sleep();
		w->stopped = loader_stopping(l);
		return w->stopped ? ur_fail(err, UR_FAIL, "stopped") : UR_OK;
	case TW_QUERY: /* minutes unless the stop hook interrupts it; on the server
			* 6 s unless the cancel request stops it (tests/pg/unit.sh) */
		return store_exec(st, ts_pg() ? "SELECT pg_sleep(6)"
					      : "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT"
						" x + 1 FROM c WHERE x < 2000000000) SELECT count(*)"
						" FROM c", err);
	default:
		return ur_fail(err, UR_INPUT, "no such thing %d", w->tag);
	}
}

static void
tw_free(void *p)
{
	struct tw *w = p;

	atomic_fetch_add(w->freed, 1);
	free(w);
}

static const struct loader_job tw_job = { tw_run, tw_free };

static struct tw *
tw_new(int mode, int tag)
{
	struct tw *w = xcalloc(1, sizeof *w);

	w->mode = mode;
	w->tag = tag;
	w->running = &running;
	w->freed = &freed;
	return w;
}

/* Start a load and wait (at most 5 s) until its run has begun. */
static void
tw_start_running(struct loader *l, struct tw *w)
{
	atomic_store(&running, 0);
	loader_start(l, &tw_job, w, true);
	for (int i = 0; i < 5000 && !atomic_load(&running); i++)
		tw_sleep();
}

static void
test_one_load(const char *path)
{
	struct loader *l = loader_new(path, "tester", 256);
	struct ur_err err;
	void *got = NULL;
	struct tw *w;

	tap_is_int(loader_take(l, false, &got, &err), LOADER_IDLE, "nothing asked: idle");
	loader_start(l, &tw_job, tw_new(TW_COUNT, 1), true);
	tap_ok(loader_busy(l) || loader_take(l, false, &got, &err) != LOADER_IDLE,
	       "asked: busy or already done");
	if (got)
		tw_free(got);
	got = NULL;
	tap_is_int(loader_take(l, true, &got, &err), LOADER_READY, "the load is handed over");
	w = got;
	tap_ok(w && w->tag == 1 && w->customers == 3, "its model: the 3 customers");
	tap_is_int(loader_progress(l), 7, "its progress count");
	tap_is_int(loader_take(l, true, &got, &err), LOADER_IDLE, "handed over once only");
	tap_ok(!loader_busy(l), "not busy after");
	if (w)
		tw_free(w);
	loader_free(l);
}

static void
test_supersede(const char *path)
{
	struct loader *l = loader_new(path, "tester", 256);
	struct tw *a = tw_new(TW_SPIN, 1), *b = tw_new(TW_COUNT, 2), *w;
	struct ur_err err;
	void *got = NULL;

	atomic_store(&freed, 0);
	tw_start_running(l, a);
	tap_ok(atomic_load(&running), "the first load runs");
	loader_start(l, &tw_job, b, true);
	tap_is_int(loader_take(l, true, &got, &err), LOADER_READY, "the newer load is handed over");
	w = got;
	tap_ok(w == b && w->customers == 3, "it is the newer one, complete");
	tap_is_int(atomic_load(&freed), 1, "the cancelled one was freed, never handed over");
	tap_is_int(loader_take(l, true, &got, &err), LOADER_IDLE, "nothing else comes");
	if (w)
		tw_free(w);
	loader_free(l);
}

static void
test_interrupt(const char *path)
{
	struct loader *l = loader_new(path, "tester", 256);
	struct tw *b = tw_new(TW_FAIL, 42);
	struct ur_err err;
	void *got = NULL;
	time_t t0 = time(NULL);

	atomic_store(&freed, 0);
	tw_start_running(l, tw_new(TW_QUERY, 1));
	loader_start(l, &tw_job, tw_new(TW_COUNT, 2), true);
	loader_start(l, &tw_job, b, true);
	ur_err_clear(&err);
	tap_is_int(loader_take(l, true, &got, &err), LOADER_FAILED,
		   "the running query is interrupted; the latest request fails");
	tap_ok(strstr(err.msg, "no such thing 42") != NULL, "with its own message: %s", err.msg);
	tap_ok(time(NULL) - t0 < 5, "the query stopped at once");
	tap_is_int(atomic_load(&freed), 3, "the query's, the dropped and the failed loads freed");
	tap_ok(got == NULL, "no model handed over");
	loader_free(l);
}

static void
test_refresh(const char *path)
{
	struct loader *l = loader_new(path, "tester", 256);
	struct tw *a = tw_new(TW_SLOW, 1), *w = NULL;
	struct ur_err err;
	void *got = NULL;
	enum loader_state s = LOADER_BUSY;

	atomic_store(&freed, 0);
	atomic_store(&slow_done, 0);
	tw_start_running(l, a);
	loader_start(l, &tw_job, tw_new(TW_COUNT, 2), false);
	loader_start(l, &tw_job, tw_new(TW_COUNT, 3), false);
	tap_is_int(atomic_load(&freed), 1, "a refresh replaces the request not started");
	tap_ok(!loader_stopping(l), "but lets the running load go on");
	for (int i = 0; i < 5000 && (s = loader_take(l, false, &got, &err)) == LOADER_BUSY; i++)
		tw_sleep();
	w = got;
	tap_ok(s == LOADER_READY && atomic_load(&slow_done),
	       "the running load ran to its end and a model is handed over");
	/* the latest may already have replaced the running load's model */
	tap_ok(!w || w->tag != 1 || w->customers == 3,
	       "the running load's model, when handed over first, is complete");
	if (w && w->tag == 1) {
		tw_free(w);
		w = loader_take(l, true, &got, &err) == LOADER_READY ? got : NULL;
	}
	tap_ok(w && w->tag == 3, "then the latest refresh's");
	if (w)
		tw_free(w);
	loader_free(l);
}

static void
test_free_busy(const char *path)
{
	struct loader *l = loader_new(path, "tester", 256);

	atomic_store(&freed, 0);
	tw_start_running(l, tw_new(TW_SPIN, 1));
	loader_start(l, &tw_job, tw_new(TW_COUNT, 2), false);
	loader_free(l);
	tap_is_int(atomic_load(&freed), 2, "freeing a busy loader frees the running and the queued loads");
}

static void
test_bad_path(void)
{
	char path[4096];
	struct loader *l;
	struct ur_err err;
	void *got = NULL;

	ts_path(path, sizeof path, "no-such-dir/x.db");
	l = loader_new(path, "tester", 256);
	atomic_store(&freed, 0);
	loader_start(l, &tw_job, tw_new(TW_COUNT, 1), true);
	ur_err_clear(&err);
	tap_is_int(loader_take(l, true, &got, &err), LOADER_FAILED, "no database: the load fails");
	tap_ok(err.msg[0] != '\0', "with a message: %s", err.msg);
	tap_is_int(atomic_load(&freed), 1, "and its model is freed");
	loader_free(l);
}

/* Load the rows of day at generation gen into set; true when they were
 * shared (a set loaded here comes with its view, a shared one without). */
static bool
dr_load(struct dayrows *d, struct loader *l, long gen, struct store *st, const char *day,
	struct ar_set *set)
{
	struct ar_settings conf;
	struct ur_err err;

	arconf_default(&conf);
	ar_set_init(set, &conf, tu_day(day), false);
	if (dayrows_load(d, l, gen, st, set, &err) != UR_OK)
		tap_diag("dayrows: %s", err.msg);
	return !set->view;
}

static void
test_dayrows(const char *path)
{
	struct loader *l = loader_new(path, "tester", 256);
	struct dayrows *d = dayrows_new();
	struct store *st = NULL;
	struct ar_set a, b, c, e;
	struct ur_err err;

	if (store_open(&st, path, "tester", &err) != UR_OK) {
		tap_diag("store: %s", err.msg);
		return;
	}
	tap_ok(!dr_load(d, l, 0, st, "2026-03-31", &a) && a.n == 2,
	       "the first load reads the 2 rows");
	tap_ok(dr_load(d, l, 0, st, "2026-03-31", &b) && b.rows == a.rows,
	       "a second load of the day at the same generation shares them");
	ar_set_free(&a);
	tap_ok(b.n == 2 && strcmp(ar_set_at(&b, 0)->code, "A") == 0 &&
		       ar_set_at(&b, 0)->total == 1000,
	       "freeing the first set leaves them to the second");
	tap_ok(!dr_load(d, l, 1, st, "2026-03-31", &c), "after a refresh they are read anew");
	tap_ok(!dr_load(d, l, 1, st, "2026-02-28", &e) && e.n == 1, "another day is read too");
	ar_set_free(&e);
	ar_set_free(&b);
	ar_set_free(&c);
	dayrows_trim(d);
	tap_ok(!dr_load(d, l, 1, st, "2026-02-28", &e), "rows no set held are not kept");
	ar_set_free(&e);
	store_close(st);
	dayrows_free(d);
	loader_free(l);
}

TAP_SUITE(ui_loader)
{
	char path[4096];
	struct store *st = NULL;
	struct ur_err err;

	ts_db(path, sizeof path, "loader.db");
	remove(path);
	if (store_open(&st, path, "tester", &err) != UR_OK) {
		tap_diag("store: %s", err.msg);
		return;
	}
	ts_customer(st, "A", "Ａ商事", NULL);
	ts_customer(st, "B", "B 公司", "CNY");
	ts_customer(st, "C", "C Ltd", "USD");
	ts_invoice(st, "I-1", "A", "2026-02-01", "2026-02-20", 1000, NULL);
	ts_invoice(st, "I-2", "B", "2026-03-10", "2026-04-10", 2000, NULL);
	store_close(st);
	test_one_load(path);
	test_supersede(path);
	test_interrupt(path);
	test_refresh(path);
	test_free_busy(path);
	test_bad_path();
	test_dayrows(path);
}
