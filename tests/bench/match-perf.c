/* match-perf: time `match --auto` (match_run_auto: load the index, match,
 * write the allocations) for D deposits against I open invoices of C
 * customers, at ¼, ½ and full size, each in its own process so that the
 * peak memory (getrusage max RSS) is that size's alone. Prints times, the
 * ratios between sizes (n log n growth gives ≈ 2.1 per doubling) and RSS.
 * "engine" is a dry run (load the index and the deposits, match them all,
 * write nothing); "with writes" confirms every auto-match as well.
 * "floor" is the least SQLite work of the same run, timed on a copy of
 * the same database: read the open invoices and the unmatched deposits,
 * then for as many deposits as were matched one state UPDATE, one
 * allocation INSERT, one paid UPDATE and one audit INSERT each, in the
 * same batches, with no engine, no checks and no explanations.
 * Usage: match-perf [--deposits D] [--invoices I] [--customers C]
 * (default 100000 / 1000000 / 50000) [--keep FILE]: with --keep, only
 * write the database of the full size to FILE, for tests/bench/pg-bench.sh
 * to time on both stores. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"
#include "kana.h"
#include "match_run.h"
#include "store.h"

static const char *const syl[] = { "ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ",
				   "サ", "シ", "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト",
				   "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
				   "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ",
				   "ル", "レ", "ロ", "ワ", "ガ", "ギ", "グ", "ゲ", "ゴ", "ダ" };

static uint64_t rng = 88172645463325252ull;

static uint64_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
kana_name(long i, char *out, size_t cap)
{
	long v = i * 7919 + 104729;
	size_t n = 0;

	out[0] = '\0';
	for (int k = 0; k < 6 && n + 4 < cap; k++, v /= 50)
		n += (size_t)snprintf(out + n, cap - n, "%s", syl[v % 50]);
}

static void
exec1(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "match-perf: %s\n", msg);
		exit(1);
	}
}

static void
fill_customers(sqlite3 *db, long nc)
{
	sqlite3_stmt *s;
	struct strbuf key;
	char kana[64], code[24], name[96];

	sb_init(&key);
	sqlite3_prepare_v2(db, "INSERT INTO customer (id, code, name, kana, kana_key, currency)"
			       " VALUES (?1, ?2, ?3, ?4, ?5, 'JPY')", -1, &s, NULL);
	for (long i = 1; i <= nc; i++) {
		kana_name(i, kana, sizeof kana);
		kana_fold(kana, &key, NULL);
		snprintf(code, sizeof code, "C%06ld", i);
		snprintf(name, sizeof name, "株式会社%s", kana);
		sqlite3_bind_int64(s, 1, i);
		sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, kana, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 5, key.buf, -1, SQLITE_TRANSIENT);
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	sb_free(&key);
}

/* Invoices: invoice i (0-based) belongs to customer i % nc + 1 and is
 * its (i / nc)-th oldest; amounts in amt[]. */
static void
fill_invoices(sqlite3 *db, long nc, long ni, int64_t *first)
{
	sqlite3_stmt *s;
	char num[24], issue[16];

	sqlite3_prepare_v2(db, "INSERT INTO invoice (id, number, customer_id, issue_date,"
			       " due_date, amount, currency) VALUES (?1, ?2, ?3, ?4, '2026-03-31',"
			       " ?5, 'JPY')", -1, &s, NULL);
	for (long i = 0; i < ni; i++) {
		long c = i % nc + 1, k = i / nc;
		int64_t amount = (int64_t)(rnd() % 500000 + 1000) * 11;

		first[i] = amount;
		snprintf(num, sizeof num, "INV-%08ld", i + 1);
		snprintf(issue, sizeof issue, "2025-%02ld-%02ld", 1 + k % 12, 1 + (k / 12) % 28);
		sqlite3_bind_int64(s, 1, i + 1);
		sqlite3_bind_text(s, 2, num, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, c);
		sqlite3_bind_text(s, 4, issue, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 5, amount);
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
}

/* Deposits: deposit i pays invoice i (so each customer's oldest open
 * one) under the customer's bank name, 30% minus a fee; 5% come from
 * strangers. */
static void
fill_deposits(sqlite3 *db, long nc, long nd, const int64_t *first)
{
	sqlite3_stmt *s;
	struct strbuf key;
	char kana[64], payer[96], ref[24];

	sb_init(&key);
	sqlite3_prepare_v2(db, "INSERT INTO deposit (booking_date, value_date, amount, currency,"
			       " payer_name, payer_key, reference, acct_number) VALUES ('2026-03-31',"
			       " '2026-03-31', ?1, 'JPY', ?2, ?3, ?4, '1234567')", -1, &s, NULL);
	for (long i = 0; i < nd; i++) {
		long c = i % nc + 1;
		int r = (int)(rnd() % 100);
		int64_t amount = first[i] - (r < 30 ? 440 : 0);

		kana_name(c, kana, sizeof kana);
		snprintf(payer, sizeof payer, "ｶ)%s", kana);
		if (r >= 95) {
			snprintf(payer, sizeof payer, "ﾀﾅｶ ﾀﾛｳ%ld", i);
			amount = (int64_t)(rnd() % 100000 + 1) * 10;
		}
		kana_fold(payer, &key, NULL);
		snprintf(ref, sizeof ref, "%010ld", i + 1);
		sqlite3_bind_int64(s, 1, amount);
		sqlite3_bind_text(s, 2, payer, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, key.buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 4, ref, -1, SQLITE_TRANSIENT);
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	sb_free(&key);
}

static void
populate(const char *path, long nc, long ni, long nd)
{
	struct store *st;
	struct ur_err err;
	int64_t *first = calloc((size_t)ni + 1, sizeof *first);
	sqlite3 *db;

	if (store_open(&st, path, "bench", &err) != UR_OK) {
		fprintf(stderr, "match-perf: %s\n", err.msg);
		exit(1);
	}
	store_close(st);
	sqlite3_open(path, &db);
	exec1(db, "BEGIN");
	fill_customers(db, nc);
	fill_invoices(db, nc, ni, first);
	fill_deposits(db, nc, nd, first);
	exec1(db, "COMMIT");
	sqlite3_close(db);
	free(first);
}

static void
copy_file(const char *from, const char *to)
{
	static char buf[1 << 20];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n;

	if (in < 0 || out < 0)
		exit(1);
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			exit(1);
	close(in);
	close(out);
}

/* Step s to its end, reading every column of every row. */
static void
read_all(sqlite3_stmt *s)
{
	long sink = 0;

	while (sqlite3_step(s) == SQLITE_ROW)
		for (int c = 0; c < sqlite3_column_count(s); c++)
			sink += sqlite3_column_bytes(s, c);
	sqlite3_finalize(s);
	if (sink < 0)
		exit(1);
}

static sqlite3_stmt *
prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "match-perf: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	return s;
}

static void
step1(sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE) {
		fprintf(stderr, "match-perf: floor: %s\n", sqlite3_errmsg(sqlite3_db_handle(s)));
		exit(1);
	}
	sqlite3_reset(s);
}

/* Deposit i (1-based) pays invoice i of customer (i - 1) % nc + 1. */
static void
floor_write(sqlite3_stmt *const *w, long i, long nc)
{
	char entity[32];

	sqlite3_bind_int64(w[0], 1, i);
	sqlite3_bind_int64(w[0], 2, (i - 1) % nc + 1);
	step1(w[0]);
	sqlite3_bind_int64(w[1], 1, i);
	if (sqlite3_step(w[1]) != SQLITE_ROW)
		exit(1);
	sqlite3_bind_int64(w[2], 1, i);
	sqlite3_bind_int64(w[2], 2, i);
	sqlite3_bind_int64(w[2], 3, (i - 1) % nc + 1);
	sqlite3_bind_int64(w[2], 4, sqlite3_column_int64(w[1], 0));
	sqlite3_reset(w[1]);
	step1(w[2]);
	sqlite3_bind_int64(w[3], 1, i);
	step1(w[3]);
	snprintf(entity, sizeof entity, "allocation:%lld", (long long)sqlite3_last_insert_rowid(
							      sqlite3_db_handle(w[2])));
	sqlite3_bind_text(w[4], 1, entity, -1, SQLITE_TRANSIENT);
	step1(w[4]);
}

/* The floor (see the top) over the database at path; seconds. */
static double
floor_run(const char *path, long nc, long matched)
{
	static const char *const sql[] = {
		"UPDATE deposit SET state = 'matched', customer_id = ?2 WHERE id = ?1"
		" AND state = 'unmatched'",
		"SELECT amount - paid FROM invoice WHERE id = ?1",
		"INSERT INTO allocation (deposit_id, invoice_id, customer_id, amount, kind,"
		" alloc_date, user, made_on) VALUES (?1, ?2, ?3, ?4, 'auto', '2026-03-31',"
		" 'bench', '2026-03-31')",
		"UPDATE invoice SET paid = amount WHERE id = ?1",
		"INSERT INTO audit (user, os_user, action, entity, after) VALUES ('bench', 'bench',"
		" 'allocate', ?1, '{\"state\":\"matched\"}')",
	};
	sqlite3_stmt *w[5];
	sqlite3 *db;
	double t0 = bench_now();

	sqlite3_open(path, &db);
	exec1(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
		  " PRAGMA foreign_keys = ON; PRAGMA cache_size = -262144;"
		  " PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 262144");
	read_all(prep(db, "SELECT id, number, customer_id, issue_date, due_date, amount - paid,"
			  " currency FROM invoice NOT INDEXED WHERE amount <> paid"));
	read_all(prep(db, "SELECT id, reference, booking_date, amount, currency, payer_name,"
			  " payer_key, payer_code, remit_bank, remit_branch, edi, acct_number"
			  " FROM deposit WHERE state = 'unmatched' ORDER BY booking_date, id"));
	for (int k = 0; k < 5; k++)
		w[k] = prep(db, sql[k]);
	for (long i = 1; i <= matched; i++) {
		if (i % 10000 == 1)
			exec1(db, i == 1 ? "BEGIN" : "COMMIT; BEGIN");
		floor_write(w, i, nc);
	}
	exec1(db, "COMMIT");
	for (int k = 0; k < 5; k++)
		sqlite3_finalize(w[k]);
	sqlite3_close(db);
	return bench_now() - t0;
}

/* One timed run over the database at path; seconds. */
static double
timed_run(const char *path, bool dry, struct match_run_stats *stats)
{
	struct match_config cfg;
	struct store *st;
	struct ur_err err;
	double t0 = bench_now();

	match_config_default(&cfg);
	if (store_open(&st, path, "bench", &err) != UR_OK ||
	    match_run_auto(st, &cfg, dry, NULL, NULL, stats, &err) != UR_OK) {
		fprintf(stderr, "match-perf: %s\n", err.msg);
		exit(1);
	}
	store_close(st);
	return bench_now() - t0;
}

/* In a child: populate, then time the engine alone (a dry run: load,
 * match, nothing written) and the whole run (with the writes); the two
 * times go to fd. */
static void
child(const char *dir, long nc, long ni, long nd, int fd)
{
	struct match_run_stats stats;
	char path[256], copy[256], buf[64];
	const char *sfx[] = { "", "-wal", "-shm" };
	double dry, full, bare;

	snprintf(path, sizeof path, "%s/perf-%ld.db", dir, nd);
	snprintf(copy, sizeof copy, "%s/floor-%ld.db", dir, nd);
	populate(path, nc, ni, nd);
	copy_file(path, copy);
	dry = timed_run(path, true, &stats);
	full = timed_run(path, false, &stats);
	bare = floor_run(copy, nc, stats.matched);
	printf("%7ld deposits, %8ld invoices, %6ld customers: engine %6.2f s, with writes "
	       "%6.2f s (floor %.2f s: ratio %.2f), %ld matched automatically", nd, ni, nc, dry,
	       full, bare, full / bare, stats.matched);
	fflush(stdout);
	snprintf(buf, sizeof buf, "%f %f", dry, full);
	if (write(fd, buf, strlen(buf)) < 0)
		exit(1);
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/perf-%ld.db%s", dir, nd, sfx[i]);
		unlink(path);
		snprintf(path, sizeof path, "%s/floor-%ld.db%s", dir, nd, sfx[i]);
		unlink(path);
	}
	exit(0);
}

int
main(int argc, char **argv)
{
	long nd = 100000, ni = 1000000, nc = 50000;
	char dir[] = "/tmp/match-perf.XXXXXX";
	double prev[2] = { 0, 0 };
	const char *keep = NULL;

	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--deposits") == 0)
			nd = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--invoices") == 0)
			ni = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--customers") == 0)
			nc = atol(argv[i + 1]);
		else if (strcmp(argv[i], "--keep") == 0)
			keep = argv[i + 1];
	}
	if (keep) {
		populate(keep, nc, ni, nd);
		return 0;
	}
	if (!mkdtemp(dir))
		return 1;
	for (int q = 4; q >= 1; q /= 2) {
		double t[2] = { 0, 0 };
		char buf[64] = "";
		struct rusage ru;
		int status, p[2];
		pid_t pid;

		fflush(stdout);
		if (pipe(p) != 0)
			return 1;
		if ((pid = fork()) == 0)
			child(dir, nc / q, ni / q, nd / q, p[1]);
		close(p[1]);
		if (read(p[0], buf, sizeof buf - 1) <= 0 || sscanf(buf, "%lf %lf", &t[0], &t[1]) != 2)
			return 1;
		close(p[0]);
		if (pid < 0 || wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			return 1;
		printf(", max RSS %.0f MiB (size 1/%d)", (double)ru.ru_maxrss / 1024.0, q);
		if (prev[0] > 0)
			printf(", ×%.2f and ×%.2f the half size (n log n: ≈ 2.1)", t[0] / prev[0],
			       t[1] / prev[1]);
		printf("\n");
		prev[0] = t[0];
		prev[1] = t[1];
	}
	rmdir(dir);
	return 0;
}
