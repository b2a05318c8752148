/* test_bankimport: the bank file pipeline on a real store — counts, the
 * file name in messages, rollback of a rejected file, re-import, CSV and
 * camt through the same path, cancellations, progress, the deposit walk —
 * the demo's bank files read back, and routing by receiving account. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bankimport.h"
#include "date.h"
#include "demo_bank.h"
#include "store.h"
#include "store_bank.h"
#include "tap.h"
#include "test_store.h"
#include "zengin_fixture.h"

/* A 振込入金通知 file of the n deposits; cancel: the last one cancels
 * reference cancel (amount 1000). */
static void
write_zengin(const char *path, int n, const char *cancel, long long trailer_sum)
{
	struct zfix_rec r[8];
	struct zfix_tx t = { NULL, "080325", "080325", 0, 0, 0, K_YAMADA, K_MUFG,
			     K_SHINJUKU, NULL, NULL, ZFIX_BLANK };
	const char *const refs[] = { "000001", "000002", "000003", cancel };
	long long sum = 0;
	struct strbuf sb;
	FILE *f;
	int k = 0;

	zfix_header(&r[k++], "01", "080331", "1234567");
	for (int i = 0; i < n; i++) {
		t.ref = refs[i];
		t.amount = 1000 * (i % 3 + 1);
		t.cancel = cancel && i == n - 1 ? "1" : NULL;
		t.amount = t.cancel ? 1000 : t.amount;
		zfix_transfer(&r[k++], &t, false);
		sum += t.cancel ? 0 : t.amount;
	}
	zfix_transfer_trailer(&r[k++], n - !!cancel, trailer_sum >= 0 ? trailer_sum : sum,
			      !!cancel, cancel ? 1000 : 0);
	zfix_end(&r[k++]);
	sb_init(&sb);
	zfix_join(&sb, r, k, "\r\n", true);
	f = fopen(path, "wb");
	fwrite(sb.buf, 1, sb.len, f);
	fclose(f);
	sb_free(&sb);
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	fputs(text, f);
	fclose(f);
}

static size_t progress_last, progress_calls;

static void
progress(size_t done, size_t total, void *ctx)
{
	(void)ctx;
	progress_calls++;
	progress_last = done == total ? done : 0;
}

static enum ur_status
run(struct store *st, const char *path, const char *fmt, struct bankimport_result *r,
    struct ur_err *err)
{
	struct bankimport_opts o = { fmt, NULL, NULL, "bank.dat", date_from_ymd(2026, 3, 31),
				     progress, NULL, false };

	ur_err_clear(err);
	return bankimport_file(st, path, &o, r, err);
}

static int
count_rows(const struct deposit *d, const char *state, const char *customer, void *ctx)
{
	int *n = ctx;

	(void)d;
	(void)customer;
	n[0]++;
	n[1] += strcmp(state, "reversed") == 0;
	return 0;
}

static void
test_zengin(struct store *st, const char *dbpath)
{
	char path[512];
	struct bankimport_result r;
	struct ur_err err;
	int n[2] = { 0, 0 };

	ts_path(path, sizeof path, "a.dat");
	write_zengin(path, 3, NULL, -1);
	progress_calls = progress_last = 0;
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "zengin imports (%s)", err.msg);
	tap_is_str(r.format, "zengin-transfer", "format guessed");
	tap_is_str(r.encoding, "CP932", "encoding");
	tap_ok(r.added == 3 && r.unchanged == 0 && r.reversed == 0 && !r.file_seen, "3 new");
	tap_ok(progress_calls >= 1 && progress_last > 0, "progress ends at the file's size");
	tap_is_int(ts_q1(dbpath, "SELECT records FROM bank_file"), 3, "bank_file.records");
	tap_is_int(run(st, path, "zengin-transfer", &r, &err), UR_OK, "again");
	tap_ok(r.added == 0 && r.unchanged == 3 && r.file_seen, "re-import: 3 already imported");
	ts_path(path, sizeof path, "bad.dat");
	write_zengin(path, 3, NULL, 5999);
	tap_is_int(run(st, path, NULL, &r, &err), UR_INPUT, "trailer mismatch rejected");
	tap_is_str(err.msg, "bank.dat:RECORD 5 (byte 815): 振込合計金額 is 5999 but the "
			    "group's records give 6000", "message names file, record, byte");
	tap_is_int(ts_q1(dbpath, "SELECT count(*) FROM bank_file"), 1, "rolled back: no file row");
	ts_path(path, sizeof path, "cancel.dat");
	write_zengin(path, 4, "000001", -1);
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "cancellation file (%s)", err.msg);
	tap_ok(r.added == 0 && r.unchanged == 3 && r.reversed == 1, "1 reversed");
	tap_is_int(store_deposits_each(st, count_rows, n, &err), UR_OK, "walk");
	tap_ok(n[0] == 3 && n[1] == 1, "3 deposits, 1 reversed");
	tap_is_int(ts_q1(dbpath, "SELECT count(*) FROM audit WHERE entity = 'deposit:1'"), 1,
		   "reversal audited");
}

static void
test_cancel_unknown(struct store *st, const char *dbpath)
{
	char path[512];
	struct bankimport_result r;
	struct ur_err err;
	long long before = ts_q1(dbpath, "SELECT count(*) FROM deposit");

	ts_path(path, sizeof path, "c2.dat");
	write_zengin(path, 4, "000009", -1);
	tap_is_int(run(st, path, NULL, &r, &err), UR_INPUT, "cancellation of nothing");
	tap_is_str(err.msg, "bank.dat:RECORD 5 (byte 808): cancellation of reference "
			    "\"000009\" finds no earlier deposit of that amount to this account",
		   "message");
	tap_is_int(ts_q1(dbpath, "SELECT count(*) FROM deposit"), before,
		   "nothing written (the new deposits rolled back)");
}

static void
test_other_formats(struct store *st)
{
	char path[512];
	struct bankimport_result r;
	struct ur_err err;

	ts_path(path, sizeof path, "g.csv");
	write_text(path, "date,amount,payer,memo,reference\n2026-03-31,\"1,234\",Acme,INV-1,R1\n");
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "generic CSV (%s)", err.msg);
	tap_is_str(r.format, "csv:generic", "generic profile chosen");
	tap_is_str(r.encoding, "UTF-8", "UTF-8 detected");
	tap_is_int((long long)r.added, 1, "one deposit");
	write_text(path, "date,amount,payer\n2026-03-31,abc,Acme\n");
	tap_is_int(run(st, path, "csv:generic", &r, &err), UR_INPUT, "bad amount rejected");
	tap_ok(strncmp(err.msg, "bank.dat:LINE 2 (byte 18): ", 27) == 0, "names line and byte: %s",
	       err.msg);
	tap_is_int(run(st, path, "csv:none", &r, &err), UR_USAGE, "unknown profile");
	tap_is_int(run(st, path, "mt940", &r, &err), UR_USAGE, "unknown format");
	ts_path(path, sizeof path, "e.bin");
	write_text(path, "");
	tap_is_int(run(st, path, NULL, &r, &err), UR_INPUT, "empty file: nothing fits");
	ts_path(path, sizeof path, "c.xml");
	write_text(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:"
			 "iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>"
			 "<Acct><Id><IBAN>CH93</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">5.00</Amt>"
			 "<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-10</Dt></BookgDt>"
			 "<AcctSvcrRef>Z1</AcctSvcrRef></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn>"
			 "</Document>\n");
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "camt.054 (%s)", err.msg);
	tap_is_str(r.format, "camt054", "camt054 chosen");
	tap_is_int((long long)r.added, 1, "camt deposit");
}

/* The demo files: written from the store, read back by the importer. */
static void
test_demo(struct store *st)
{
	struct customer c = { .code = "J1", .name = "株式会社山田商事",
			      .kana = "カブシキガイシャヤマダショウジ", .kana_key = "ヤマダシヨウジ",
			      .currency = "JPY", .terms = "NET30" };
	char path[512];
	struct demo_bank_counts n;
	struct bankimport_result r;
	enum store_upsert what;
	struct ur_err err;

	ur_err_clear(&err);
	store_begin(st, &err);
	store_customer_upsert(st, &c, &what, &err);
	for (int i = 0; i < 40; i++) {
		char num[16];

		snprintf(num, sizeof num, "D-%03d", i);
		ts_invoice(st, num, "J1", "2026-03-01", "2026-03-31", 10000 + i, NULL);
	}
	store_commit(st, &err);
	tap_is_int(demo_bank_write(st, tap_tmpdir(), date_from_ymd(2026, 3, 31), &n, &err), UR_OK,
		   "demo bank files (%s)", err.msg);
	tap_ok(n.zengin > 8 && n.csv == 4, "payments and strangers (%zu, %zu)", n.zengin, n.csv);
	ts_path(path, sizeof path, DEMO_BANK_ZENGIN);
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "demo Zengin imports (%s)", err.msg);
	tap_is_int((long long)r.added, (long long)n.zengin, "every demo deposit");
	ts_path(path, sizeof path, DEMO_BANK_CSV);
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "demo CSV imports (%s)", err.msg);
	tap_is_str(r.format, "csv:ccb", "demo CSV is CCB");
	tap_is_str(r.encoding, "GB18030", "demo CSV is GB18030");
	ts_path(path, sizeof path, "big.dat");
	tap_is_int(demo_bank_big_file(path, 250, date_from_ymd(2026, 3, 31), &err), UR_OK, "big");
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "big imports (%s)", err.msg);
	tap_is_int((long long)r.added, 250, "250 deposits");
}

/* A camt.054 notification of one credit of ref to account iban. */
static void
write_camt(const char *path, const char *iban, const char *ref)
{
	char xml[1024];

	snprintf(xml, sizeof xml,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:"
		 "iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn><Ntfctn>"
		 "<Acct><Id><IBAN>%s</IBAN></Id></Acct><Ntry><Amt Ccy=\"EUR\">7.00</Amt>"
		 "<CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-03-11</Dt></BookgDt>"
		 "<AcctSvcrRef>%s</AcctSvcrRef></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn>"
		 "</Document>\n", iban, ref);
	write_text(path, xml);
}

/* Routing by receiving account: a camt account (no bank, no branch) owned
 * by company x; a CSV with no account column refused unless a company is
 * chosen. */
static void
test_routing(struct store *st, const char *dbpath)
{
	struct bankimport_opts o = { NULL, NULL, NULL, "bank.dat", date_from_ymd(2026, 3, 31),
				     NULL, NULL, true };
	long long deposits = ts_q1(dbpath, "SELECT count(*) FROM deposit");
	struct bankimport_result r;
	struct ur_err err;
	char path[512];
	bool added;

	ur_err_clear(&err);
	tap_is_int(store_company_add(st, "x", "X Co", &err), UR_OK, "company x");
	tap_is_int(store_company_account_add(st, "x", "", "", "CH93RT", &added, &err), UR_OK,
		   "x owns the camt account CH93RT");
	ts_path(path, sizeof path, "rt.xml");
	write_camt(path, "CH93RT", "RT1");
	tap_is_int(run(st, path, NULL, &r, &err), UR_OK, "camt routed (%s)", err.msg);
	tap_ok(r.ncompanies == 1 && !strcmp(r.companies[0].code, "x") &&
	       r.companies[0].deposits == 1, "… its one deposit to x");
	bankimport_result_free(&r);
	tap_is_int(ts_q1(dbpath, "SELECT company_id FROM deposit WHERE acct_number = 'CH93RT'"), 2,
		   "… the deposit is x's");
	tap_is_int(ts_q1(dbpath, "SELECT count(*) FROM bank_file WHERE company_id = 2"), 1,
		   "… and the file row");
	tap_is_int(store_company_id(st), 1, "… the current company main again");
	ts_path(path, sizeof path, "rt.csv");
	write_text(path, "date,amount,payer,reference\n2026-03-31,500,Acme,RT2\n");
	tap_is_int(run(st, path, NULL, &r, &err), UR_INPUT, "CSV with no account: refused");
	tap_is_str(err.msg, "bank.dat:LINE 2 (byte 28): no company owns the receiving account "
			    "(none): register it with urikake company account, or choose the "
			    "company for it with --company", "… naming line, byte and account");
	tap_is_int(ts_q1(dbpath, "SELECT count(*) FROM deposit"), deposits + 1, "… nothing written");
	ur_err_clear(&err);
	tap_is_int(bankimport_file(st, path, &o, &r, &err), UR_OK, "with main chosen (%s)",
		   err.msg);
	tap_is_int(ts_q1(dbpath, "SELECT company_id FROM deposit WHERE reference = 'RT2'"), 1,
		   "… it is main's");
	bankimport_result_free(&r);
}

TAP_SUITE(bankimport)
{
	char dbpath[512];
	struct store *st;
	struct ur_err err;

	ts_db(dbpath, sizeof dbpath, "bank.db");
	remove(dbpath);
	if (store_open(&st, dbpath, "tester", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	test_zengin(st, dbpath);
	test_cancel_unknown(st, dbpath);
	test_other_formats(st);
	test_demo(st);
	test_routing(st, dbpath);
	store_close(st);
}
