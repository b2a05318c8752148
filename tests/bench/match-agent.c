/* match-agent: what the search for an unknown agent's first transfer
 * costs (match_agent.c). N customers billed for one closing date, each
 * with an issued 合計請求書 of one slip, and deposits from a payer nobody
 * knows of amounts nothing else fits — the only deposits that search runs
 * for: the time per deposit for N = 50 … 400 (the sums of every two
 * statements are sorted once per closing date, then searched), against a
 * floor measured in the same run: one pass over the N totals per deposit,
 * as whether each statement may be paid must at least be looked at.
 * Usage: match-agent [--deposits D] */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "bench.h"
#include "match.h"

/* A pseudo-random total of ¥20,000 … ¥2,000,000 (the same every run). */
static int64_t
billed(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return 20000 + (int64_t)(*seed >> 8) % 1980000;
}

/* N month-end customers, each billed one slip on a statement of 09-30. */
static struct match_index *
billed_world(int n, int64_t *total)
{
	struct match_index *ix = match_index_new();
	uint32_t seed = 7;

	for (int i = 0; i < n; i++) {
		char code[16], num[16];

		snprintf(code, sizeof code, "W%04d", i);
		snprintf(num, sizeof num, "D-%05d", i);
		total[i] = billed(&seed);
		match_index_add_customer(ix, 1 + i, code, "株式会社商店", "ショウテン", "シヨウテン",
					 "JPY", NULL);
		match_index_set_closing(ix, 1 + i, 31);
		match_index_add_invoice(ix, 1000 + i, num, 1 + i, bench_day("2026-09-15"),
					bench_day("2026-10-31"), total[i], "JPY");
		match_index_add_bill(ix, 1 + i, "JPY", bench_day("2026-09-30"), bench_day("2026-10-01"),
				     total[i], total[i]);
		match_index_add_bill_slip(ix, 1000 + i, total[i], true);
	}
	match_index_finish(ix);
	return ix;
}

/* Seconds per deposit from payer; *proposed: how many got an agent's
 * proposal (a payer named as an agent is allowed the likelier chance). */
static double
time_agent(struct match_index *ix, int deposits, const char *payer, int *proposed)
{
	struct match_config cfg;
	struct match_result r;
	struct match_deposit d = { .id = 1, .reference = "R", .currency = "JPY",
				   .payer.payer_name = payer };
	uint32_t seed = 99;
	double t0;

	match_config_default(&cfg);
	d.date = bench_day("2026-10-30");
	*proposed = 0;
	t0 = bench_now();
	for (int k = 0; k < deposits; k++) {
		d.amount = 2 * billed(&seed) + 1; /* odd: no single statement pays it */
		match_deposit(ix, &cfg, &d, &r);
		*proposed += r.nprop > 0;
	}
	return (bench_now() - t0) / deposits;
}

/* The floor: one pass over the n totals, per deposit. */
static double
time_floor(const int64_t *total, int n, int deposits)
{
	volatile int64_t sink = 0;
	double t0 = bench_now();

	for (int k = 0; k < deposits; k++) {
		int64_t s = 0;

		for (int i = 0; i < n; i++)
			s += total[i] > k;
		sink += s;
	}
	return (bench_now() - t0) / deposits;
}

int
main(int argc, char **argv)
{
	int deposits = argc > 2 && strcmp(argv[1], "--deposits") == 0 ? atoi(argv[2]) : 200;
	double last = 0;

	for (int n = 50; n <= 400; n *= 2) {
		int64_t *total = malloc((size_t)n * sizeof *total);
		struct match_index *ix = billed_world(n, total);
		int proposed, plain;
		double t = time_agent(ix, deposits, "ｼﾕｳﾉｳﾀﾞｲｺｳ(ｶ", &proposed),
		       f = time_floor(total, n, deposits);

		time_agent(ix, deposits, "ﾔﾏﾀﾞｼﾖｳｼﾞ(ｶ", &plain);
		printf("%4d statements of one date: %8.1f µs per deposit nothing else fits "
		       "(proposed: %d of %d from an agent's name, %d from another), floor %.1f µs: "
		       "ratio %.1f", n, t * 1e6, proposed, deposits, plain, f * 1e6, t / f);
		if (last > 0)
			printf(", ×%.2f the half size", t / last);
		printf("\n");
		last = t;
		match_index_free(ix);
		free(total);
	}
	return 0;
}
