/* dayrows: the aging rows of a day, loaded once and shared between the
 * panes' loads (see dayrows.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dayrows.h"
#include "loader.h"
#include "store_custstats.h"
#include "xalloc.h"

struct dayrows {
	pthread_mutex_t load; /* held while a set is loaded */
	pthread_mutex_t mu;   /* kept, have and gen */
	struct ar_set kept;   /* the latest rows loaded, shared */
	bool have;
	long gen;             /* the app's generation they were loaded at */
};

struct dayrows *
dayrows_new(void)
{
	struct dayrows *d = xcalloc(1, sizeof *d);

	pthread_mutex_init(&d->load, NULL);
	pthread_mutex_init(&d->mu, NULL);
	return d;
}

void
dayrows_free(struct dayrows *d)
{
	if (!d)
		return;
	if (d->have)
		ar_set_free(&d->kept);
	pthread_mutex_destroy(&d->mu);
	pthread_mutex_destroy(&d->load);
	free(d);
}

/* Same date, aging basis and buckets. */
static bool
same_rows(const struct ar_set *a, const struct ar_set *b)
{
	return a->as_of == b->as_of && a->by_issue == b->by_issue && a->nfuture == b->nfuture &&
	       a->nbounds == b->nbounds && !memcmp(a->future, b->future, sizeof a->future) &&
	       !memcmp(a->bounds, b->bounds, sizeof a->bounds);
}

/* Share the kept rows into set when they are the ones asked for. */
static bool
take_kept(struct dayrows *d, long gen, struct ar_set *set)
{
	bool hit;

	pthread_mutex_lock(&d->mu);
	hit = d->have && d->gen == gen && same_rows(&d->kept, set);
	if (hit) {
		ar_set_free(set);
		ar_set_share(&d->kept, set);
	}
	pthread_mutex_unlock(&d->mu);
	return hit;
}

static void
keep(struct dayrows *d, long gen, struct ar_set *set)
{
	pthread_mutex_lock(&d->mu);
	if (d->have)
		ar_set_free(&d->kept);
	ar_set_share(set, &d->kept);
	d->have = true;
	d->gen = gen;
	pthread_mutex_unlock(&d->mu);
}

/* Wait for the other load to end, or for l to be cancelled (false). */
static bool
lock_load(struct dayrows *d, struct loader *l)
{
	struct timespec ts;

	for (;;) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 50 * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		if (pthread_mutex_timedlock(&d->load, &ts) != ETIMEDOUT)
			return true;
		if (loader_stopping(l))
			return false;
	}
}

enum ur_status
dayrows_load(struct dayrows *d, struct loader *l, long gen, struct store *st,
	     struct ar_set *set, struct ur_err *err)
{
	enum ur_status rc = UR_OK;

	if (!lock_load(d, l)) /* a cancelled load is dropped unread (loader.c) */
		return ur_fail(err, UR_FAIL, "%s", "");
	if (!take_kept(d, gen, set) && (rc = store_ar_rows(st, set, err)) == UR_OK)
		keep(d, gen, set);
	pthread_mutex_unlock(&d->load);
	return rc;
}

void
dayrows_trim(struct dayrows *d)
{
	pthread_mutex_lock(&d->mu);
	if (d->have && !ar_set_shared(&d->kept)) {
		ar_set_free(&d->kept);
		d->have = false;
	}
	pthread_mutex_unlock(&d->mu);
}
