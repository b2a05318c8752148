/* match-period: how a closing-period customer's slips cost the matcher.
 * One wholesaler (20/+1/10) with N open delivery slips of one period (a
 * returned-goods slip among them) and a deposit of the period's total:
 * the time to propose and apply it, for N = 125 … 2,000, per doubling
 * (linear gives ×2), against a floor measured in the same run — a bare
 * loop adding up the same slips and finding the largest, the least any
 * matcher must do. Usage: match-period [--rounds R] */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "bench.h"
#include "match.h"

/* A new index: the wholesaler's n slips; *total is the period's sum. */
static struct match_index *
wholesaler(int n, int64_t *total, int64_t *amounts)
{
	struct match_index *ix = match_index_new();
	int32_t first = bench_day("2026-09-21"), due = bench_day("2026-11-10");

	match_index_add_customer(ix, 1, "W1", "株式会社丸山食品", "マルヤマショクヒン",
				 "マルヤマシヨクヒン", "JPY", NULL);
	match_index_set_closing(ix, 1, 20);
	*total = 0;
	for (int i = 0; i < n; i++) {
		char num[16];

		amounts[i] = i == n / 2 ? -5000 : 1000 + (i * 7919) % 90000;
		snprintf(num, sizeof num, "D-%05d", i);
		match_index_add_invoice(ix, 100 + i, num, 1, first + i % 30, due, amounts[i], "JPY");
		*total += amounts[i];
	}
	match_index_finish(ix);
	return ix;
}

/* Seconds per deposit: propose and apply, on a fresh index each round. */
static double
time_match(int n, int rounds, int *lines)
{
	int64_t *amounts = malloc((size_t)n * sizeof *amounts), total;
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = { .id = 1, .reference = "R", .currency = "JPY",
				   .payer.payer_name = "ﾏﾙﾔﾏｼﾖｸﾋﾝ(ｶ" };
	double spent = 0;

	match_config_default(&cfg);
	d.date = bench_day("2026-11-10");
	for (int k = 0; k < rounds; k++) {
		struct match_index *ix = wholesaler(n, &total, amounts);
		double t0 = bench_now();

		d.amount = total;
		match_deposit(ix, &cfg, &d, &r);
		*lines = r.nprop && r.hold == MATCH_AUTO ? r.prop[0].nlines : 0;
		if (*lines)
			match_index_apply(ix, &r.prop[0]);
		spent += bench_now() - t0;
		match_index_free(ix);
	}
	free(amounts);
	return spent / rounds;
}

/* The floor: add up n slips and find the largest, rounds × 50 times. */
static double
time_floor(int n, int rounds)
{
	volatile int64_t sink = 0;
	int64_t *a = malloc((size_t)n * sizeof *a);
	double t0;

	for (int i = 0; i < n; i++)
		a[i] = 1000 + (i * 7919) % 90000;
	t0 = bench_now();
	for (int k = 0; k < rounds * 50; k++) {
		int64_t t = 0, big = 0;

		for (int i = 0; i < n; i++) {
			t += a[i];
			big = a[i] > big ? a[i] : big;
		}
		sink += t + big + k;
	}
	free(a);
	return (bench_now() - t0) / (rounds * 50);
}

int
main(int argc, char **argv)
{
	int rounds = argc > 2 && strcmp(argv[1], "--rounds") == 0 ? atoi(argv[2]) : 200;
	double last = 0;

	for (int n = 125; n <= 2000; n *= 2) {
		int lines = 0;
		double t = time_match(n, rounds, &lines), f = time_floor(n, rounds);

		printf("%5d slips: %7.1f µs per deposit (%d lines matched), floor %.2f µs: "
		       "ratio %.0f", n, t * 1e6, lines, f * 1e6, t / f);
		if (last > 0)
			printf(", ×%.2f the half size (linear: 2)", t / last);
		printf("\n");
		last = t;
	}
	return 0;
}
