/* test_migrate: the comparison that decides whether `urikake migrate`
 * commits — equal figures agree; a row count off by one, the
 * migration's own audit row counted or not, and a single money sum that
 * differs are each found, in the first table and sum that differ. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "store_migrate.h"
#include "tap.h"

/* Three tables whose figures agree: invoice (two sums), audit (the
 * migration's own row added), allocation (one sum). */
static void
tables(struct migrate_table *t)
{
	memset(t, 0, 3 * sizeof *t);
	t[0] = (struct migrate_table){ "invoice", 4, 4, 0, 2,
				       { { "amount", 385000, 385000 }, { "paid", 1000, 1000 } } };
	t[1] = (struct migrate_table){ "audit", 10, 11, 1, 0, { { NULL, 0, 0 } } };
	t[2] = (struct migrate_table){ "allocation", 2, 2, 0, 1, { { "amount", 1000, 1000 } } };
}

static void
test_agree(void)
{
	struct migrate_table t[3];
	int ti = -9, si = -9;

	tables(t);
	tap_ok(store_migrate_agree(t, 3, &ti, &si), "equal figures agree");
	tap_ok(store_migrate_agree(t, 0, &ti, &si), "no tables agree");
	t[2].rows_to = 3;
	tap_ok(!store_migrate_agree(t, 3, &ti, &si) && ti == 2 && si == -1,
	       "one row more on the server: table 2, its row count");
	tables(t);
	t[1].added = 0;
	tap_ok(!store_migrate_agree(t, 3, &ti, &si) && ti == 1 && si == -1,
	       "the migration's audit row not allowed for: the audit count differs");
	tables(t);
	t[0].sums[1].to = 999;
	tap_ok(!store_migrate_agree(t, 3, &ti, &si) && ti == 0 && si == 1,
	       "a paid sum one less: table 0, sum 1");
	t[2].sums[0].from = 0;
	tap_ok(!store_migrate_agree(t, 3, &ti, &si) && ti == 0 && si == 1,
	       "two differences: the first is named");
	tables(t);
	t[0].sums[0].from = -385000;
	t[0].sums[0].to = 385000;
	tap_ok(!store_migrate_agree(t, 3, &ti, &si) && ti == 0 && si == 0,
	       "the same magnitude with the other sign differs");
}

TAP_SUITE(migrate)
{
	test_agree();
}
