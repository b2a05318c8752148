/* store_migrate: copying a whole SQLite database into a PostgreSQL one made
 * by `urikake init` — every table in dependency and id order, ids kept, in
 * one transaction on the server that commits only when the row counts,
 * the money sums and the invoices' paid amounts agree; a rerun on a
 * database that holds that copy already copies nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_MIGRATE_H
#define UR_SRC_STORE_MIGRATE_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

#define MIGRATE_TABLES 19
#define MIGRATE_SUMS 3

/* One money column's sum (minor units, all currencies) on both sides. */
struct migrate_sum {
	const char *column;
	int64_t from, to;
};

/* One table's figures: in the file (from) and on the server (to). */
struct migrate_table {
	const char *name;
	int64_t rows_from, rows_to;
	int64_t added; /* rows the migration itself adds (its audit row) */
	int nsums;
	struct migrate_sum sums[MIGRATE_SUMS];
};

struct migrate_report {
	int ntables;
	struct migrate_table t[MIGRATE_TABLES];
	bool already; /* the server held this copy already: nothing copied */
	int64_t invoices_checked; /* invoices whose paid amount was checked */
};

/** Copy the SQLite database at from (at this urikake's schema version)
 *  into the PostgreSQL database at the URL to (made by urikake init, and
 *  empty or holding this very copy), auditing it as user. Fills *rep.
 *  UR_INPUT, nothing written, for a source at another version, a target
 *  with other data, or figures that differ after copying. */
enum ur_status store_migrate(const char *from, const char *to, const char *user,
			     struct migrate_report *rep, struct ur_err *err);

/** Whether the figures of the n tables t agree (rows_from + added ==
 *  rows_to, every sum equal); if not, *table is the first table that
 *  differs and *sum the sum that does (-1: its row count). */
bool store_migrate_agree(const struct migrate_table *t, int n, int *table, int *sum);

#endif
