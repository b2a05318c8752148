/* aging_sql: print, as a sqlite3-shell script, the exact query `urikake
 * aging` runs (with its parameters bound by .param), so the benchmark can
 * time the sqlite3 shell on the same file as the floor.
 * Usage: aging_sql full|fast YYYY-MM-DD */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "store.h"

int
main(int argc, char **argv)
{
	if (argc != 3 || (strcmp(argv[1], "full") != 0 && strcmp(argv[1], "fast") != 0)) {
		fprintf(stderr, "usage: aging_sql full|fast YYYY-MM-DD\n");
		return 2;
	}
	printf(".param set :as_of \"'%s'\"\n", argv[2]);
	printf(".param set :b1 30\n.param set :b2 60\n.param set :b3 90\n");
	printf(".param set :company 1\n"); /* the only company of a demo database */
	printf("%s;\n", strcmp(argv[1], "full") == 0 ? store_aging_sql() : store_aging_fast_sql());
	return 0;
}
