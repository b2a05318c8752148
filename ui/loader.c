/* loader: the background loads of the panes — a worker thread per loader
 * with its own store connection, one queued request (the latest wins), one
 * running, one finished model waiting to be handed over (see loader.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "loader.h"
#include "store.h"
#include "store_ui.h"
#include "xalloc.h"

/* One request: a job and the model it fills. */
struct slot {
	const struct loader_job *job;
	void *work;
};

struct loader {
	pthread_mutex_t mu;
	pthread_cond_t wake; /* the worker: a request or quit */
	pthread_cond_t idle; /* loader_take with wait: the worker went idle */
	pthread_t thread;
	bool started, quit;
	char *path, *user;
	int cache_kib;
	struct store *st;          /* the worker's own connection */
	const _Atomic int64_t *company; /* the client company (NULL: the only one) */
	struct slot pending, running, done;
	enum ur_status done_rc;
	struct ur_err done_err;
	atomic_int stop;           /* the running load is cancelled */
	_Atomic(struct db_cancel *) cancel; /* a server's: stop pushed (NULL: the hook asks) */
	atomic_long count;
	double asked;              /* when the latest request came */
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
slot_drop(struct slot *s)
{
	if (s->work)
		s->job->free(s->work);
	memset(s, 0, sizeof *s);
}

/* Loads run by every loader (loader_runs). */
static atomic_long runs;

/* SQLite's progress handler on the worker's connection. */
static int
stop_hook(void *ctx)
{
	return atomic_load(&((struct loader *)ctx)->stop);
}

static enum ur_status
run_one(struct loader *l, struct slot *s, struct ur_err *err)
{
	enum ur_status rc;

	ur_err_clear(err);
	if (!l->st) {
		if ((rc = store_ui_open_reader(&l->st, l->path, l->user, err)) != UR_OK) {
			l->st = NULL;
			return rc;
		}
		store_ui_cache(l->st, l->cache_kib, err);
		store_ui_stop_hook(l->st, stop_hook, l);
		atomic_store(&l->cancel, store_ui_canceler(l->st));
		ur_err_clear(err);
	}
	atomic_fetch_add(&runs, 1);
	if (l->company)
		store_ui_reader_company(l->st, atomic_load(l->company));
	store_ui_snapshot(l->st, true);
	rc = s->job->run(l, l->st, s->work, err);
	store_ui_snapshot(l->st, false);
	/* a pane reloads seldom: its pages need not stay in memory meanwhile */
	store_ui_release(l->st);
	return rc;
}

/* The running load ended with rc: hand it over unless it was cancelled. */
static void
finish(struct loader *l, enum ur_status rc, const struct ur_err *err)
{
	if (atomic_load(&l->stop)) {
		slot_drop(&l->running);
		return;
	}
	slot_drop(&l->done);
	l->done = l->running;
	l->done_rc = rc;
	l->done_err = *err;
	memset(&l->running, 0, sizeof l->running);
}

/* The loads' connection, once none runs. */
static void
close_store(struct loader *l)
{
	store_ui_canceler_free(atomic_exchange(&l->cancel, NULL));
	if (l->st)
		store_close(l->st);
	l->st = NULL;
}

static void *
worker(void *arg)
{
	struct loader *l = arg;
	struct ur_err err;
	enum ur_status rc;

	pthread_mutex_lock(&l->mu);
	for (;;) {
		while (!l->pending.work && !l->quit)
			pthread_cond_wait(&l->wake, &l->mu);
		if (l->quit)
			break;
		l->running = l->pending;
		memset(&l->pending, 0, sizeof l->pending);
		atomic_store(&l->stop, 0);
		atomic_store(&l->count, 0);
		pthread_mutex_unlock(&l->mu);
		rc = run_one(l, &l->running, &err);
		pthread_mutex_lock(&l->mu);
		finish(l, rc, &err);
		pthread_cond_broadcast(&l->idle);
	}
	pthread_mutex_unlock(&l->mu);
	close_store(l);
	return NULL;
}

/* Cancel the running load (l->mu held: the worker starts no other query
 * until the server has been told, so the request cannot stop the next). */
static void
stop_running(struct loader *l)
{
	atomic_store(&l->stop, 1);
	store_ui_cancel(atomic_load(&l->cancel));
}

struct loader *
loader_new(const char *path, const char *user, int cache_kib)
{
	struct loader *l = xcalloc(1, sizeof *l);

	pthread_mutex_init(&l->mu, NULL);
	pthread_cond_init(&l->wake, NULL);
	pthread_cond_init(&l->idle, NULL);
	l->path = xstrdup(path);
	l->user = xstrdup(user);
	l->cache_kib = cache_kib;
	atomic_init(&l->stop, 0);
	atomic_init(&l->cancel, NULL);
	atomic_init(&l->count, 0);
	return l;
}

void
loader_company(struct loader *l, const _Atomic int64_t *company)
{
	l->company = company;
}

void
loader_free(struct loader *l)
{
	if (!l)
		return;
	pthread_mutex_lock(&l->mu);
	l->quit = true;
	if (l->running.work)
		stop_running(l);
	else
		atomic_store(&l->stop, 1);
	slot_drop(&l->pending);
	pthread_cond_signal(&l->wake);
	pthread_mutex_unlock(&l->mu);
	if (l->started)
		pthread_join(l->thread, NULL);
	else /* the loads ran on the caller's path */
		close_store(l);
	slot_drop(&l->running);
	slot_drop(&l->done);
	pthread_cond_destroy(&l->idle);
	pthread_cond_destroy(&l->wake);
	pthread_mutex_destroy(&l->mu);
	free(l->path);
	free(l->user);
	free(l);
}

void
loader_start(struct loader *l, const struct loader_job *job, void *work, bool supersede)
{
	pthread_mutex_lock(&l->mu);
	if (!l->started)
		l->started = pthread_create(&l->thread, NULL, worker, l) == 0;
	slot_drop(&l->pending);
	l->pending = (struct slot){ job, work };
	if (supersede) {
		if (l->running.work)
			stop_running(l);
		slot_drop(&l->done);
	}
	l->asked = now_ms();
	pthread_cond_signal(&l->wake);
	pthread_mutex_unlock(&l->mu);
	if (!l->started) {
		/* no thread: load here, on the caller's path */
		struct ur_err err;
		enum ur_status rc;

		pthread_mutex_lock(&l->mu);
		l->running = l->pending;
		memset(&l->pending, 0, sizeof l->pending);
		atomic_store(&l->stop, 0);
		rc = run_one(l, &l->running, &err);
		finish(l, rc, &err);
		pthread_mutex_unlock(&l->mu);
	}
}

enum loader_state
loader_take(struct loader *l, bool wait, void **work, struct ur_err *err)
{
	enum loader_state s = LOADER_IDLE;

	*work = NULL;
	pthread_mutex_lock(&l->mu);
	while (wait && (l->pending.work || l->running.work))
		pthread_cond_wait(&l->idle, &l->mu);
	if (l->done.work && l->done_rc == UR_OK) {
		*work = l->done.work;
		memset(&l->done, 0, sizeof l->done);
		s = LOADER_READY;
	} else if (l->done.work) {
		if (err)
			*err = l->done_err;
		slot_drop(&l->done);
		s = LOADER_FAILED;
	} else if (l->pending.work || l->running.work) {
		s = LOADER_BUSY;
	}
	pthread_mutex_unlock(&l->mu);
	return s;
}

bool
loader_busy(struct loader *l)
{
	bool busy;

	pthread_mutex_lock(&l->mu);
	busy = l->pending.work || l->running.work;
	pthread_mutex_unlock(&l->mu);
	return busy;
}

double
loader_elapsed_ms(struct loader *l)
{
	double t;

	pthread_mutex_lock(&l->mu);
	t = now_ms() - l->asked;
	pthread_mutex_unlock(&l->mu);
	return t;
}

bool
loader_stopping(struct loader *l)
{
	return atomic_load(&l->stop) != 0;
}

void
loader_count(struct loader *l, long n)
{
	atomic_store(&l->count, n);
}

long
loader_progress(struct loader *l)
{
	return atomic_load(&l->count);
}

long
loader_runs(void)
{
	return atomic_load(&runs);
}
