/* queue_win: the deposit queue as a window over the database — only the
 * rows on screen are loaded, read by keyset from the nearest known place
 * (the start, the end, or the rows loaded before); the count of the
 * filter; and the engine's best proposal per deposit, computed when a row
 * is first shown and cached by deposit. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "queue.h"

void
qwin_init(struct qwin *w, const struct match_config *cfg)
{
	memset(w, 0, sizeof *w);
	w->cfg = *cfg;
	qwin_reset(w, true);
}

static void
drop_rows(struct qwin *w)
{
	for (int i = 0; i < w->len; i++) {
		sui_deposit_free(&w->rows[i]);
		free(w->holder[i]);
		w->holder[i] = NULL;
	}
	w->len = 0;
	w->top = 0;
}

void
qwin_reset(struct qwin *w, bool changed)
{
	drop_rows(w);
	w->n = -1;
	if (!changed)
		return;
	memset(w->best, 0, sizeof w->best);
	for (int f = 0; f < SUI_FILTER_COUNT; f++)
		w->counts[f] = -1;
}

void
qwin_free(struct qwin *w)
{
	drop_rows(w);
	sui_names_free(&w->names);
}

long
qwin_count(struct qwin *w, struct app *a)
{
	struct ur_err err;

	if (w->n >= 0)
		return w->n;
	if (w->counts[w->filter] >= 0)
		return w->n = w->counts[w->filter];
	ur_err_clear(&err);
	if (store_ui_queue_count(a->st, w->filter, w->sort, a->today, NULL, &w->n, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		w->n = 0;
	}
	return w->counts[w->filter] = w->n;
}

/* How to read rows [top, top + cnt): from which loaded row (-1: the
 * start or the end), in which direction, skipping how many. */
struct plan {
	long anchor, skip;
	int dir;
};

static struct plan
plan_read(const struct qwin *w, long top, int cnt)
{
	struct plan p = { -1, top, 1 };
	long last = w->top + w->len - 1, k;

	if (w->n - top - cnt < p.skip)
		p = (struct plan){ -1, w->n - top - cnt, -1 };
	if (!w->len)
		return p;
	k = top - 1 < last ? top - 1 : last;
	if (k >= w->top && top - k - 1 < p.skip)
		p = (struct plan){ k, top - k - 1, 1 };
	k = top + cnt > w->top ? top + cnt : w->top;
	if (k <= last && k - top - cnt < p.skip)
		p = (struct plan){ k, k - top - cnt, -1 };
	return p;
}

static void
reverse(struct sui_deposit *d, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct sui_deposit t = d[i];

		d[i] = d[j];
		d[j] = t;
	}
}

void
qwin_load(struct qwin *w, struct app *a, long top, int cnt)
{
	struct sui_deposit got[QWIN_MAX];
	struct ur_err err;
	struct plan p;
	int n = 0;

	if (cnt > QWIN_MAX)
		cnt = QWIN_MAX;
	if (top + cnt > qwin_count(w, a))
		cnt = (int)(w->n - top);
	if (top < 0 || cnt <= 0)
		return drop_rows(w);
	if (top >= w->top && top + cnt <= w->top + w->len)
		return;
	p = plan_read(w, top, cnt);
	ur_err_clear(&err);
	if (store_ui_queue_page(a->st, w->filter, w->sort, a->today,
				p.anchor >= 0 ? &w->rows[p.anchor - w->top] : NULL, p.dir, false,
				p.skip, cnt, got, &n, &err) != UR_OK)
		app_error(a, "%s", err.msg);
	if (p.dir < 0)
		reverse(got, n);
	drop_rows(w);
	memcpy(w->rows, got, (size_t)n * sizeof *got);
	w->top = top;
	w->len = n;
	for (int i = 0; i < n; i++)
		store_ui_lease_holder(a->st, got[i].id, &w->holder[i], &err);
}

struct sui_deposit *
qwin_row(struct qwin *w, long pos)
{
	return pos >= w->top && pos < w->top + w->len ? &w->rows[pos - w->top] : NULL;
}

const char *
qwin_holder(const struct qwin *w, long pos)
{
	return pos >= w->top && pos < w->top + w->len ? w->holder[pos - w->top] : NULL;
}

void
qwin_best_set(struct qwin *w, int64_t id, const struct match_result *r)
{
	struct qbest *b = &w->best[(uint64_t)id % QWIN_BEST];

	b->id = id;
	b->some = r->nprop > 0;
	b->score = b->some ? r->prop[0].score : 0;
	snprintf(b->name, sizeof b->name, "%s", b->some ? r->prop[0].customer_name : "");
}

const struct qbest *
qwin_best(struct qwin *w, struct app *a, const struct sui_deposit *d, bool compute)
{
	struct qbest *b = &w->best[(uint64_t)d->id % QWIN_BEST];
	struct sui_match m;
	struct ur_err err;

	if (b->id == d->id)
		return b;
	if (!compute)
		return NULL;
	ur_err_clear(&err);
	if (store_ui_match(a->st, d->id, &w->cfg, &w->names, &m, &err) != UR_OK) {
		app_error(a, "%s", err.msg);
		return NULL;
	}
	qwin_best_set(w, d->id, &m.r);
	sui_match_free(&m);
	return b;
}
