/* demo: a realistic, deterministic sample company — Japanese and Chinese
 * customers with readings, terms and contacts, and a year of invoices —
 * written into the store or out as import-ready CSV files. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_DEMO_H
#define UR_SRC_DEMO_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;

/* Who the demo company's past work (matches, calls, letters) is recorded
 * as: not the clerk trying it, whose own work of today the status line
 * counts as "by you". */
#define DEMO_USER "demo"

enum demo_size {
	DEMO_SMALL, /* 300 customers, 7,200 invoices */
	DEMO_LARGE, /* 50,000 customers, 1,000,000 invoices (benchmarks) */
};

struct demo_counts {
	size_t customers, invoices;
};

/** Fill an empty database (UR_INPUT when it already holds customers) in one
 *  transaction; invoices cover the 12 months ending on today. */
enum ur_status demo_fill(struct store *st, enum demo_size size, int32_t today,
			 struct demo_counts *out, struct ur_err *err);

/** Write dir/customers.csv and dir/invoices.csv (doc/cli-contract.md columns, with due
 *  dates) holding the same data demo_fill stores; dir must exist. */
enum ur_status demo_write_csv(const char *dir, enum demo_size size, int32_t today,
			      struct demo_counts *out, struct ur_err *err);

#endif
