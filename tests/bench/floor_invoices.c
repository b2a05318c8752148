/* floor_invoices: the floor for the invoice-import benchmark — a minimal C
 * loop that reads the same invoices.csv and inserts every row with one
 * prepared statement in one transaction, with no validation, no upsert
 * and no audit. urikake's `import invoices` is measured against it.
 * Usage: floor_invoices DB invoices.csv  (DB already holds the customers) */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FIELDS 16

/* Split one CSV line in place (the demo writes no quoted commas in these
 * columns; quotes around a field are dropped). */
static int
split(char *line, char **f)
{
	int n = 0;
	char *p = line;

	while (n < MAX_FIELDS) {
		char *end = strchr(p, ',');

		if (*p == '"') {
			p++;
			char *q = strchr(p, '"');
			if (q) {
				*q = '\0';
				end = strchr(q + 1, ',');
			}
		}
		f[n++] = p;
		if (!end)
			break;
		*end = '\0';
		p = end + 1;
	}
	return n;
}

static long long
minor_units(const char *s)
{
	long long v = 0;
	int neg = *s == '-';

	for (s += neg; *s; s++)
		if (*s >= '0' && *s <= '9')
			v = v * 10 + (*s - '0');
	return neg ? -v : v;
}

static int
run(sqlite3 *db, FILE *in)
{
	sqlite3_stmt *ins;
	char line[4096], *f[MAX_FIELDS];
	long rows = 0;

	sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
	sqlite3_prepare_v2(db,
		"INSERT INTO invoice(number, customer_id, issue_date, due_date, amount,"
		" currency, tax, memo) VALUES (?, (SELECT id FROM customer WHERE code = ?),"
		" ?, ?, ?, ?, ?, ?)", -1, &ins, 0);
	if (!fgets(line, sizeof line, in))
		return 1;
	while (fgets(line, sizeof line, in)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (split(line, f) < 8)
			continue;
		/* columns as written by `urikake demo --csv`:
		 * number,customer,issue_date,due_date,amount,currency,tax,memo */
		sqlite3_bind_text(ins, 1, f[0], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, f[1], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, f[2], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, f[3], -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 5, minor_units(f[4]));
		sqlite3_bind_text(ins, 6, f[5], -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 7, minor_units(f[6]));
		sqlite3_bind_text(ins, 8, f[7], -1, SQLITE_STATIC);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "floor: %s\n", sqlite3_errmsg(db));
			return 1;
		}
		sqlite3_reset(ins);
		rows++;
	}
	sqlite3_finalize(ins);
	sqlite3_exec(db, "COMMIT", 0, 0, 0);
	fprintf(stderr, "floor: %ld rows\n", rows);
	return 0;
}

int
main(int argc, char **argv)
{
	sqlite3 *db;
	FILE *in;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: floor_invoices DB invoices.csv\n");
		return 2;
	}
	if (sqlite3_open(argv[1], &db) != SQLITE_OK || !(in = fopen(argv[2], "r"))) {
		fprintf(stderr, "floor: cannot open %s or %s\n", argv[1], argv[2]);
		return 1;
	}
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
			 " PRAGMA foreign_keys=ON", 0, 0, 0);
	rc = run(db, in);
	fclose(in);
	sqlite3_close(db);
	return rc;
}
