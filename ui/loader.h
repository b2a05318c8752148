/* loader: a pane's loads off the keyboard's path — one worker thread with
 * its own store connection (SQLite connections are never shared between
 * threads) builds a fresh model while the main loop keeps drawing and
 * reading keys, then hands it over to be swapped in. A newer request
 * cancels an older one (the running query is interrupted). No curses here:
 * the unit tests drive it directly. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_UI_LOADER_H
#define UR_UI_LOADER_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct loader;
struct store;

/* What a load does. run builds the model into work on the worker thread
 * (with the loader's connection, inside one read snapshot); it must touch
 * nothing the main thread uses, may call loader_count and should stop
 * early when loader_stopping. free releases work (any thread). */
struct loader_job {
	enum ur_status (*run)(struct loader *l, struct store *st, void *work, struct ur_err *err);
	void (*free)(void *work);
};

enum loader_state {
	LOADER_IDLE,   /* nothing asked, nothing to hand over */
	LOADER_BUSY,   /* a load is under way (or waiting for the running one) */
	LOADER_READY,  /* a finished model is handed over */
	LOADER_FAILED, /* the latest load failed: err says why */
};

/** A loader for the database at path opened as user, its connection keeping
 *  at most cache_kib KiB of pages. The thread and the connection are made at
 *  the first loader_start. */
struct loader *loader_new(const char *path, const char *user, int cache_kib);
/** Load the client company *company holds (written by the main thread
 *  when the clerk picks one) rather than the database's only one. */
void loader_company(struct loader *l, const _Atomic int64_t *company);
/** Cancel whatever runs, wait for the thread, close its connection and free
 *  every model not handed over. NULL: nothing. */
void loader_free(struct loader *l);
/** Load work with job. A request not yet started is dropped for this one.
 *  With supersede, the running load is cancelled and a finished model not
 *  handed over yet is dropped; without (a refresh), the running load ends
 *  and is handed over first. */
void loader_start(struct loader *l, const struct loader_job *job, void *work, bool supersede);
/** Hand over a finished model: READY puts its work in *work (the caller
 *  owns it now); FAILED fills err. With wait, first wait until nothing is
 *  left to run (for the headless test mode). */
enum loader_state loader_take(struct loader *l, bool wait, void **work, struct ur_err *err);
/** True while a load is queued or running. */
bool loader_busy(struct loader *l);
/** Milliseconds since the latest load was asked for. */
double loader_elapsed_ms(struct loader *l);

/** For run: true when the load has been cancelled. */
bool loader_stopping(struct loader *l);
/** For run: how far the load got (rows read), shown as progress. */
void loader_count(struct loader *l, long n);
/** The latest loader_count of the running load (0 before any). */
long loader_progress(struct loader *l);
/** Loads run so far by every loader of the process, cancelled ones
 *  included (the headless test mode reports it). */
long loader_runs(void);

#endif
