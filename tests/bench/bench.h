/* bench.h: what the benchmark programs share — a monotonic clock and an
 * ISO date read as the day number the engine uses. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_BENCH_H
#define UR_TESTS_BENCH_H

#include <stdint.h>
#include <time.h>

#include "date.h"

/* Seconds on a monotonic clock. */
static inline double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The day number of a YYYY-MM-DD date (0 when it is not one). */
static inline int32_t
bench_day(const char *iso)
{
	int32_t d = 0;

	date_parse(iso, &d, NULL);
	return d;
}

#endif
