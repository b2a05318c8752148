/* floor_bank: the bank import benchmark's floor — parse a Zengin file with
 * zengin_parse_fd and insert every deposit into an initialised database
 * with one prepared statement in one transaction, nothing else. Prints
 * the seconds taken and the peak resident set size. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "zengin.h"

static const char ins[] =
	"INSERT INTO deposit (acct_bank, acct_branch, acct_number, currency, payer_name,"
	" payer_code, remit_bank, remit_branch, edi, reference, booking_date, value_date,"
	" amount, record_no) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

static enum ur_status
row(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	sqlite3_stmt *s = ctx;
	const char *text[] = { d->account_bank, d->account_branch, d->payer.acct_number,
			       d->currency, d->payer.payer_name, d->payer.payer_code,
			       d->payer.remit_bank, d->payer.remit_branch, d->payer.edi,
			       d->reference };
	char book[DATE_ISO_SIZE], value[DATE_ISO_SIZE];

	date_format_iso(d->booking_date, book);
	date_format_iso(d->value_date, value);
	for (int i = 0; i < 10; i++)
		sqlite3_bind_text(s, i + 1, text[i] ? text[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, book, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 12, value, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 13, d->amount);
	sqlite3_bind_int64(s, 14, (sqlite3_int64)d->record_no);
	if (sqlite3_step(s) != SQLITE_DONE)
		return ur_fail(err, UR_FAIL, "insert failed");
	sqlite3_reset(s);
	return UR_OK;
}

int
main(int argc, char **argv)
{
	struct zengin_opts o = { false, ZENGIN_TRANSFER, 0 };
	struct timespec t0, t1;
	struct rusage ru;
	struct ur_err err;
	sqlite3_stmt *s;
	sqlite3 *db;
	int fd, bad;

	if (argc != 3) {
		fputs("usage: floor_bank DB ZENGIN-FILE\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	o.today = date_today();
	if (sqlite3_open(argv[1], &db) != SQLITE_OK || (fd = open(argv[2], O_RDONLY)) < 0) {
		fputs("floor_bank: cannot open\n", stderr);
		return 1;
	}
	sqlite3_exec(db, "PRAGMA journal_mode=WAL; BEGIN", NULL, NULL, NULL);
	bad = sqlite3_prepare_v2(db, ins, -1, &s, NULL) != SQLITE_OK ||
	      zengin_parse_fd(fd, &o, row, s, NULL, &err) != UR_OK;
	sqlite3_finalize(s);
	bad |= sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK;
	sqlite3_close(db);
	close(fd);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (bad) {
		fprintf(stderr, "floor_bank: failed: %s\n", err.msg);
		return 1;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("%.3f %ld\n", (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
	       ru.ru_maxrss);
	return 0;
}
