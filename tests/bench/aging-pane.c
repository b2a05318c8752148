/* aging-pane: times what the aged-receivables pane does over a database
 * (`urikake demo --size large`: 1,000,000 invoices) — open: the aging rows
 * for today and the first window of 50 rows; re-bucket: the same for
 * another as-of date; re-sort and filter (no database) — and prints the
 * figures beside the targets (open ≤ 300 ms, re-bucket ≤ 1 s) and beside
 * the plain store_aging report for the same dates as the floor. It also
 * checks that both agree on the totals per currency.
 * Usage: aging-pane DB [AS-OF-TODAY [OTHER-AS-OF]] */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arconf.h"
#include "custstats.h"
#include "date.h"
#include "store.h"
#include "store_custstats.h"

#define WINDOW 50

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Totals per currency from store_aging (up to 8 currencies). */
struct floor_sum {
	char cur[8][8];
	long long total[8];
	int n;
};

static int
floor_row(const struct aging_row *r, void *ctx)
{
	struct floor_sum *f = ctx;
	int i;

	for (i = 0; i < f->n && strcmp(f->cur[i], r->currency) != 0; i++)
		;
	if (i == f->n && f->n < 8)
		snprintf(f->cur[f->n++], sizeof f->cur[0], "%s", r->currency);
	if (i < 8)
		f->total[i] += r->total;
	return 0;
}

/* Open the pane at as_of: rows, view, first window; milliseconds. */
static double
pane_open(struct store *st, const struct ar_settings *s, int32_t as_of, struct ar_set *set,
	  int *ok)
{
	const struct ar_row *win[WINDOW];
	struct ur_err err;
	double t0 = now_ms();

	ar_set_init(set, s, as_of, false);
	ur_err_clear(&err);
	if (store_ar_rows(st, set, &err) != UR_OK) {
		fprintf(stderr, "aging-pane: %s\n", err.msg);
		*ok = 0;
		return 0;
	}
	ar_set_view(set, NULL, AR_COL_CODE, false);
	ar_set_window(set, 0, WINDOW, win);
	return now_ms() - t0;
}

static double
floor_run(struct store *st, int32_t as_of, struct floor_sum *f)
{
	static const int bounds[] = { 30, 60, 90 };
	struct ur_err err;
	double t0 = now_ms();

	memset(f, 0, sizeof *f);
	store_aging(st, as_of, bounds, 3, floor_row, f, &err);
	return now_ms() - t0;
}

static int
agree(const struct ar_set *set, const struct floor_sum *f)
{
	if ((int)set->ntotals != f->n)
		return 0;
	for (int i = 0; i < f->n; i++)
		for (size_t k = 0; k < set->ntotals; k++)
			if (!strcmp(set->totals[k].currency, f->cur[i]) &&
			    set->totals[k].total != f->total[i])
				return 0;
	return 1;
}

static int
measure(struct store *st, const struct ar_settings *s, const char *label, int32_t as_of,
	double target)
{
	struct ar_set set;
	struct floor_sum f;
	char day[DATE_ISO_SIZE];
	double ms = 0, best = 1e12, fl = 1e12, t;
	int ok = 1;

	date_format_iso(as_of, day);
	for (int round = 0; round < 3 && ok; round++) {
		ms = pane_open(st, s, as_of, &set, &ok);
		best = ms < best ? ms : best;
		if (round < 2)
			ar_set_free(&set);
	}
	for (int round = 0; round < 2 && ok; round++)
		if ((t = floor_run(st, as_of, &f)) < fl)
			fl = t;
	if (!ok)
		return 1;
	printf("aging pane %s (%s): %zu rows, %.0f ms (target <= %.0f ms), "
	       "store_aging %.0f ms, ratio %.2f, totals %s\n",
	       label, day, set.n, best, target, fl, best / fl,
	       agree(&set, &f) ? "agree" : "DIFFER");
	t = now_ms();
	ar_set_view(&set, NULL, AR_COL_TOTAL, true);
	printf("  re-sort by total: %.1f ms;", now_ms() - t);
	t = now_ms();
	ar_set_view(&set, &(struct ar_filter){ .overdue_only = true, .currency = "JPY" },
		    AR_COL_BUCKET + set.nbuckets - 1, true);
	printf(" filter overdue JPY, sort by oldest bucket: %.1f ms (%zu rows)\n",
	       now_ms() - t, set.nview);
	ar_set_free(&set);
	return 0;
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct ar_settings s;
	struct ur_err err;
	int32_t today = date_today(), other;
	int rc;

	if (argc < 2 || argc > 4 || (argc > 2 && date_parse(argv[2], &today, &err) != UR_OK)) {
		fprintf(stderr, "usage: aging-pane DB [AS-OF-TODAY [OTHER-AS-OF]]\n");
		return 2;
	}
	other = date_add_months_clamped(today, -3);
	if (argc > 3 && date_parse(argv[3], &other, &err) != UR_OK) {
		fprintf(stderr, "aging-pane: %s\n", err.msg);
		return 2;
	}
	if (store_open(&st, argv[1], "bench", &err) != UR_OK) {
		fprintf(stderr, "aging-pane: %s\n", err.msg);
		return 1;
	}
	arconf_default(&s);
	rc = measure(st, &s, "open, as of today", today, 300);
	rc |= measure(st, &s, "re-bucket, another as-of date", other, 1000);
	rc |= measure(st, &s, "re-bucket, six months back", date_add_months_clamped(today, -6), 1000);
	store_close(st);
	return rc;
}
