/* test_zengin: the Zengin deposit parser, on files built field by field. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "strbuf.h"
#include "tap.h"
#include "testutil.h"
#include "zengin.h"
#include "zengin_fixture.h"

#define REC ZENGIN_RECORD_LEN

#define U8_YAMADA "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"

struct got {
	int n;
	struct bank_deposit d[8]; /* what the callback received, copied */
	long long total;
	enum ur_status fail_with; /* returned by the callback when set */
};

static enum ur_status
collect(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	struct got *g = ctx;

	if (g->fail_with)
		return ur_fail(err, g->fail_with, "stop at record %lu", d->record_no);
	g->total += d->amount;
	if (g->n >= (int)(sizeof g->d / sizeof g->d[0])) {
		g->n++;
		return UR_OK;
	}
	tu_deposit_copy(&g->d[g->n++], d);
	return UR_OK;
}

static void
got_free(struct got *g)
{
	int n = g->n < 8 ? g->n : 8;

	for (int i = 0; i < n; i++)
		tu_deposit_free(&g->d[i]);
	memset(g, 0, sizeof *g);
}

static struct zengin_opts
opts(bool format_b)
{
	struct zengin_opts o = { format_b, ZENGIN_ANY, date_from_ymd(2026, 3, 31) };

	return o;
}

/* Parse sb with the given options into g. */
static enum ur_status
parse(const struct strbuf *sb, bool format_b, struct got *g, struct zengin_summary *sum,
      struct ur_err *err)
{
	struct zengin_opts o = opts(format_b);

	got_free(g);
	return zengin_parse_mem(sb->buf, sb->len, &o, collect, g, sum, err);
}

/* Expect UR_INPUT with exactly msg. */
static void
rejects(const struct strbuf *sb, bool format_b, const char *msg, const char *what)
{
	struct got g = { 0 };
	struct ur_err err;
	enum ur_status st = parse(sb, format_b, &g, NULL, &err);

	tap_is_int(st, UR_INPUT, "%s: rejected", what);
	tap_is_str(err.msg, msg, "%s: message", what);
	got_free(&g);
}

static const struct zfix_tx TX1 = {
	"000123", "080331", "080331", 109670, 0, 0, K_YAMADA, K_MUFG, K_SHINJUKU, " ",
	"INV2026-0312", 0,
};
static const struct zfix_tx TX2 = {
	"000124", "080330", "080327", 55000, 0, 1234567890, K_TARO, K_MIZUHO, K_HONTEN, "0",
	NULL, 0,
};

/* hdr, TX1, TX2, trailer, end. */
static int
simple_file(struct zfix_rec *rs)
{
	zfix_header(&rs[0], "01", "080331", "1234567");
	zfix_transfer(&rs[1], &TX1, false);
	zfix_transfer(&rs[2], &TX2, false);
	zfix_transfer_trailer(&rs[3], 2, 109670 + 55000, 0, 0);
	zfix_end(&rs[4]);
	return 5;
}

static void
test_format_a(struct strbuf *sb)
{
	struct zfix_rec rs[8];
	struct got g = { 0 };
	struct zengin_summary sum;
	struct ur_err err;
	int n = simple_file(rs);
	const struct bank_deposit *d = &g.d[0];

	zfix_join(sb, rs, n, "\r\n", true);
	tap_is_int(parse(sb, false, &g, &sum, &err), UR_OK, "format A: parsed");
	tap_is_str(err.msg, "", "format A: no message");
	tap_is_int(g.n, 2, "format A: two deposits");
	tap_is_str(d->account_bank, "0001", "format A: account bank");
	tap_is_str(d->account_branch, "001", "format A: account branch");
	tap_is_str(d->payer.acct_number, "1234567", "format A: 7-digit account");
	tap_is_int(d->booking_date, date_from_ymd(2026, 3, 31), "format A: 勘定日 080331");
	tap_is_int(d->value_date, date_from_ymd(2026, 3, 31), "format A: 起算日");
	tap_is_int(d->amount, 109670, "format A: amount");
	tap_is_str(d->currency, "JPY", "format A: currency");
	tap_is_str(d->payer.payer_name, U8_YAMADA, "format A: half-width payer name");
	tap_is_str(d->payer.payer_code, NULL, "format A: zero payer code is absent");
	tap_is_str(d->payer.remit_bank, "ﾐﾂﾋﾞｼ", "format A: remitting bank");
	tap_is_str(d->payer.remit_branch, "ｼﾝｼﾞﾕｸ", "format A: remitting branch");
	tap_is_str(d->payer.edi, "INV2026-0312", "format A: EDI at 129");
	tap_is_str(d->reference, "000123", "format A: 照会番号 with leading zeros");
	tap_ok(!d->cancels, "format A: blank 取消区分 does not cancel");
	tap_is_int(d->record_no, 2, "format A: record number");
	tap_is_int((long long)d->byte_offset, 202, "format A: byte offset");
	d = &g.d[1];
	tap_is_str(d->payer.payer_name, "ﾔﾏﾀﾞ ﾀﾛｳ", "format A: inner space kept, trailing trimmed");
	tap_is_str(d->payer.payer_code, "1234567890", "format A: payer code");
	tap_is_int(d->value_date, date_from_ymd(2026, 3, 27), "format A: 起算日 differs");
	tap_is_int(d->booking_date, date_from_ymd(2026, 3, 30), "format A: second 勘定日");
	tap_is_str(d->payer.edi, NULL, "format A: blank EDI is NULL");
	tap_ok(!d->cancels, "format A: 取消区分 0 does not cancel");
	tap_is_int(sum.kind, ZENGIN_TRANSFER, "format A: summary kind");
	tap_is_int(sum.groups, 1, "format A: one group");
	tap_is_int(sum.records, 5, "format A: five records");
	tap_is_int(sum.deposits, 2, "format A: summary deposits");
	tap_is_int(sum.cancellations, 0, "format A: no cancellations");
	got_free(&g);
}

static void
test_groups(struct strbuf *sb)
{
	struct zfix_rec rs[12];
	struct got g = { 0 };
	struct zengin_summary sum;
	struct ur_err err;
	struct zfix_tx t3 = TX1;

	zfix_header(&rs[0], "01", "080331", "1234567");
	zfix_transfer(&rs[1], &TX1, false);
	zfix_transfer(&rs[2], &TX2, false);
	zfix_transfer_trailer(&rs[3], 2, 164670, 0, 0);
	zfix_header(&rs[4], "01", "080331", "7654321");
	zfix_transfer_trailer(&rs[5], 0, 0, 0, 0);
	zfix_header(&rs[6], "01", "080401", "0000042");
	t3.amount = 1000, t3.book = t3.value = "080401";
	zfix_transfer(&rs[7], &t3, false);
	zfix_transfer_trailer(&rs[8], 1, 1000, ZFIX_BLANK, ZFIX_BLANK);
	zfix_end(&rs[9]);
	zfix_join(sb, rs, 10, "", false);
	tap_is_int(parse(sb, false, &g, &sum, &err), UR_OK, "groups: parsed");
	tap_is_int(g.n, 3, "groups: three deposits");
	tap_is_str(g.d[1].payer.acct_number, "1234567", "groups: first group's account");
	tap_is_str(g.d[2].payer.acct_number, "0000042",
		   "groups: third group's account, zeros kept");
	tap_is_int(g.d[2].booking_date, date_from_ymd(2026, 4, 1), "groups: date after today");
	tap_is_int(g.d[2].record_no, 8, "groups: record number counts every record");
	tap_is_int((long long)g.d[2].byte_offset, 1400, "groups: offset without separators");
	tap_is_int(sum.groups, 3, "groups: empty group counted");
	tap_is_int(sum.records, 10, "groups: records");
	got_free(&g);
}

static void
test_separators(struct strbuf *sb)
{
	static const struct {
		const char *sep;
		bool final;
		long long off2;
	} cases[] = {
		{ "\r\n", true, 202 }, { "\r\n", false, 202 }, { "\n", true, 201 },
		{ "\n", false, 201 },  { "\r", true, 201 },    { "", false, 200 },
		{ "", true, 200 },     { "\r\n\r\n", true, 204 },
	};
	static const char *names[] = { "CRLF", "CRLF no final", "LF", "LF no final", "CR",
				       "none", "none", "blank lines" };
	struct zfix_rec rs[8];
	int n = simple_file(rs);

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct got g = { 0 };
		struct ur_err err;

		zfix_join(sb, rs, n, cases[i].sep, cases[i].final);
		tap_is_int(parse(sb, false, &g, NULL, &err), UR_OK, "separator %s: parsed",
			   names[i]);
		tap_is_int(g.n, 2, "separator %s: deposits", names[i]);
		tap_is_int((long long)g.d[1].byte_offset, 2 * cases[i].off2,
			   "separator %s: offset of record 3", names[i]);
		tap_is_str(g.d[1].payer.payer_name, "ﾔﾏﾀﾞ ﾀﾛｳ", "separator %s: name", names[i]);
		got_free(&g);
	}
	zfix_join(sb, rs, n, "\r\n", true);
	sb_addc(sb, 0x1A);
	{
		struct got g = { 0 };
		struct ur_err err;

		tap_is_int(parse(sb, false, &g, NULL, &err), UR_OK, "DOS ^Z after the end record");
		got_free(&g);
	}
}

static void
test_format_b(struct strbuf *sb)
{
	struct zfix_rec rs[8];
	struct got g = { 0 };
	struct ur_err err;
	struct zfix_tx t = TX1;

	t.amount = 0, t.amount2 = 123456789012LL, t.edi = "ZEDI0123456789ABCDEF";
	zfix_header(&rs[0], "01", "080331", "1234567");
	zfix_transfer(&rs[1], &t, true);
	t.amount = 5000, t.amount2 = 0, t.edi = NULL;
	zfix_transfer(&rs[2], &t, true);
	zfix_transfer_trailer(&rs[3], 2, 123456794012LL, 0, 0);
	zfix_end(&rs[4]);
	zfix_join(sb, rs, 5, "\r\n", true);
	tap_is_int(parse(sb, true, &g, NULL, &err), UR_OK, "format B: parsed");
	tap_is_int(g.d[0].amount, 123456789012LL, "format B: 12-digit 金額(2)");
	tap_is_str(g.d[0].payer.edi, "ZEDI0123456789ABCDEF", "format B: EDI at 153");
	tap_is_int(g.d[1].amount, 5000, "format B: 金額 when 金額(2) is 0");
	tap_is_str(g.d[1].payer.edi, NULL, "format B: blank EDI");
	got_free(&g);
	rejects(sb, false, "RECORD 2 (byte 202): the amount is zero",
		"format B file read as format A");
	t.amount = 4000, t.amount2 = 5000;
	zfix_transfer(&rs[2], &t, true);
	zfix_join(sb, rs, 5, "\r\n", true);
	rejects(sb, true, "RECORD 3 (byte 532): 金額 and 金額(2) differ",
		"format B: amounts differ");
}

static void
test_statement(struct strbuf *sb)
{
	struct zfix_rec rs[8];
	struct got g = { 0 };
	struct zengin_summary sum;
	struct ur_err err;
	struct zfix_st credit = { "00000123", "080331", "080331", 1, 11, 30000, 0, K_SUZUKI,
			     K_MUFG, K_SHINJUKU, K_FURIKOMI, "INV-7" };
	struct zfix_st debit = { "00000124", "080331", "080331", 2, 14, 7000, 0, "0000012345",
			    NULL, NULL, NULL, NULL };
	struct zfix_st fix = { "00000125", "080331", NULL, 1, 19, 2500, 987, K_YAMADA, NULL, NULL,
			  NULL, NULL };

	zfix_header(&rs[0], "03", "080331", "0001234567");
	zfix_statement(&rs[1], &credit);
	zfix_statement(&rs[2], &debit);
	zfix_statement(&rs[3], &fix);
	zfix_statement_trailer(&rs[4], 2, 32500, 1, 7000, 3);
	zfix_end(&rs[5]);
	zfix_join(sb, rs, 6, "\r\n", true);
	tap_is_int(parse(sb, false, &g, &sum, &err), UR_OK, "statement: parsed");
	tap_is_str(err.msg, "", "statement: no message");
	tap_is_int(g.n, 2, "statement: debit skipped");
	tap_is_str(g.d[0].payer.acct_number, "0001234567", "statement: 10-digit account");
	tap_is_str(g.d[0].reference, "00000123", "statement: 8-digit 照会番号");
	tap_is_int(g.d[0].amount, 30000, "statement: amount");
	tap_is_str(g.d[0].payer.payer_name, "ｽｽﾞｷ ﾊﾅｺ", "statement: payer name");
	tap_is_str(g.d[0].payer.remit_bank, "ﾐﾂﾋﾞｼ", "statement: remitting bank");
	tap_is_str(g.d[0].payer.edi, "INV-7", "statement: EDI at 180");
	tap_ok(!g.d[0].cancels, "statement: 取引区分 11 does not cancel");
	tap_ok(g.d[1].cancels, "statement: 取引区分 19 訂正 cancels");
	tap_is_str(g.d[1].payer.payer_code, "0000000987", "statement: payer code");
	tap_is_int(g.d[1].value_date, date_from_ymd(2026, 3, 31), "statement: blank value date");
	tap_is_int(g.d[1].record_no, 4, "statement: record number");
	tap_is_int(sum.kind, ZENGIN_STATEMENT, "statement: kind");
	tap_is_int(sum.skipped, 1, "statement: skipped count");
	tap_is_int(sum.cancellations, 1, "statement: cancellations");
	got_free(&g);

	zfix_statement_trailer(&rs[4], 3, 39500, 0, 0, 3);
	zfix_join(sb, rs, 6, "\r\n", true);
	rejects(sb, false, "RECORD 5 (byte 809): 入金件数 is 3 but the group's records give 2",
		"statement: 入金件数 counts credits only");
	zfix_statement_trailer(&rs[4], 2, 32500, 1, 7000, 4);
	zfix_join(sb, rs, 6, "\r\n", true);
	rejects(sb, false,
		"RECORD 5 (byte 862): データ・レコード件数 is 4 but the group's records give 3",
		"statement: データ・レコード件数");
	zfix_statement_trailer(&rs[4], 2, 32500, 1, 7001, ZFIX_BLANK);
	zfix_join(sb, rs, 6, "\r\n", true);
	rejects(sb, false,
		"RECORD 5 (byte 834): 出金額合計 is 7001 but the group's records give 7000",
		"statement: 出金額合計");
	zfix_statement_trailer(&rs[4], 2, 32500, 1, 7000, ZFIX_BLANK);
	debit.dir = 3;
	zfix_statement(&rs[2], &debit);
	zfix_join(sb, rs, 6, "\r\n", true);
	rejects(sb, false,
		"RECORD 3 (byte 425): 入払区分 \"3\" is neither 1 (deposit) nor 2 (withdrawal)",
		"statement: 入払区分 3");
}

static void
test_cancel_and_blanks(struct strbuf *sb)
{
	struct zfix_rec rs[8];
	struct got g = { 0 };
	struct ur_err err;
	struct zfix_tx t = TX1, c = TX1;

	t.ref = NULL, t.value = NULL, t.other = ZFIX_BLANK, t.code = ZFIX_BLANK, t.cancel = NULL;
	c.cancel = "1", c.amount = 8000;
	zfix_header(&rs[0], "01", "080331", "1234567");
	zfix_transfer(&rs[1], &t, false);
	zfix_transfer(&rs[2], &c, false);
	zfix_transfer_trailer(&rs[3], 1, 109670, 1, 8000);
	zfix_end(&rs[4]);
	zfix_join(sb, rs, 5, "\n", true);
	tap_is_int(parse(sb, false, &g, NULL, &err), UR_OK, "cancel: parsed");
	tap_is_str(g.d[0].reference, NULL, "blank 照会番号 is NULL");
	tap_is_int(g.d[0].value_date, g.d[0].booking_date, "blank 起算日 = 勘定日");
	tap_is_str(g.d[0].payer.payer_code, NULL, "blank 振込依頼人コード is NULL");
	tap_ok(!g.d[0].cancels, "blank 取消区分 does not cancel");
	tap_ok(g.d[1].cancels, "取消区分 1 cancels");
	tap_is_str(g.d[1].reference, "000123", "cancellation keeps the reference");
	tap_is_int(g.d[1].amount, 8000, "cancellation amount");

	zfix_transfer_trailer(&rs[3], 2, 117670, 1, 8000);
	zfix_join(sb, rs, 5, "\n", true);
	tap_is_int(parse(sb, false, &g, NULL, &err), UR_OK, "cancel: 振込合計 incl. cancellation");
	zfix_transfer_trailer(&rs[3], 1, 109670, ZFIX_BLANK, ZFIX_BLANK);
	zfix_join(sb, rs, 5, "\n", true);
	tap_is_int(parse(sb, false, &g, NULL, &err), UR_OK, "cancel: blank 取消合計");
	zfix_transfer_trailer(&rs[3], 1, 109670, 2, 8000);
	zfix_join(sb, rs, 5, "\n", true);
	rejects(sb, false, "RECORD 4 (byte 622): 取消合計件数 is 2 but the group's records give 1",
		"cancel: 取消合計件数");
	zfix_transfer_trailer(&rs[3], 1, 109670, 1, 8001);
	zfix_join(sb, rs, 5, "\n", true);
	rejects(sb, false,
		"RECORD 4 (byte 628): 取消合計金額 is 8001 but the group's records give 8000",
		"cancel: 取消合計金額");
	zfix_transfer_trailer(&rs[3], 2, 109670, 1, 8000);
	zfix_join(sb, rs, 5, "\n", true);
	rejects(sb, false, "RECORD 4 (byte 604): 振込合計件数 is 2 but the group's records give 1",
		"cancel: 振込合計件数");
	zfix_transfer_trailer(&rs[3], 1, 109671, 1, 8000);
	zfix_join(sb, rs, 5, "\n", true);
	rejects(sb, false,
		"RECORD 4 (byte 610): 振込合計金額 is 109671 but the group's records give 109670",
		"cancel: 振込合計金額");
	got_free(&g);
}

/* One data record with 勘定日 book under a header made on made. */
static enum ur_status
date_case(struct strbuf *sb, const char *made, const char *book, struct got *g,
	  struct ur_err *err)
{
	struct zfix_rec rs[4];
	struct zfix_tx t = TX1;

	t.book = book, t.value = NULL;
	zfix_header(&rs[0], "01", made, "1234567");
	zfix_transfer(&rs[1], &t, false);
	zfix_transfer_trailer(&rs[2], ZFIX_BLANK, ZFIX_BLANK, ZFIX_BLANK, ZFIX_BLANK);
	zfix_end(&rs[3]);
	zfix_join(sb, rs, 4, "", false);
	return parse(sb, false, g, NULL, err);
}

static void
test_wareki(struct strbuf *sb)
{
	static const struct {
		const char *made, *book;
		int y, m, d;
	} ok[] = {
		{ "080331", "070101", 2025, 1, 1 },   { "080331", "010501", 2019, 5, 1 },
		{ "080331", "310430", 2019, 4, 30 },  { "080331", "090331", 2027, 3, 31 },
		{ "080331", "180401", 2006, 4, 1 },   { "310430", "310430", 2019, 4, 30 },
		{ "310430", "010501", 2019, 5, 1 },   { "060229", "060229", 2024, 2, 29 },
	};
	static const struct {
		const char *made, *book, *msg;
	} bad[] = {
		{ "080331", "310501",
		  "RECORD 2 (byte 207): 勘定日 310501 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "080331", "640107",
		  "RECORD 2 (byte 207): 勘定日 640107 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "080331", "011301",
		  "RECORD 2 (byte 207): 勘定日 011301 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "080331", "080229", /* 令和8 is no leap year; 平成8 (1996) is too old */
		  "RECORD 2 (byte 207): 勘定日 080229 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "080331", "100401", /* 令和10 too far ahead, 平成10 too old */
		  "RECORD 2 (byte 207): 勘定日 100401 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "010108", "010108", /* 平成元年 is more than 20 years ago */
		  "RECORD 1 (byte 4): 作成日 010108 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "080331", "000000", "RECORD 2 (byte 207): 勘定日 is missing" },
		{ "310501", "080331",
		  "RECORD 1 (byte 4): 作成日 310501 is not a 令和 or 平成 date (YYMMDD) "
		  "between 2006-03-31 and 2027-04-01" },
		{ "080331", "08033A", "RECORD 2 (byte 207): 勘定日 is not a number" },
	};
	struct got g = { 0 };
	struct ur_err err;

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		tap_is_int(date_case(sb, ok[i].made, ok[i].book, &g, &err), UR_OK,
			   "和暦 %s under 作成日 %s", ok[i].book, ok[i].made);
		tap_is_int(g.d[0].booking_date, date_from_ymd(ok[i].y, ok[i].m, ok[i].d),
			   "和暦 %s under 作成日 %s = %04d-%02d-%02d", ok[i].book, ok[i].made,
			   ok[i].y, ok[i].m, ok[i].d);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tap_is_int(date_case(sb, bad[i].made, bad[i].book, &g, &err), UR_INPUT,
			   "和暦 %s under 作成日 %s rejected", bad[i].book, bad[i].made);
		tap_is_str(err.msg, bad[i].msg, "和暦 %s under 作成日 %s: message", bad[i].book,
			   bad[i].made);
	}
	got_free(&g);
}

/* Replace rs[i] by bytes (len) in the joined file: for malformed records. */
static void
join_with(struct strbuf *sb, const struct zfix_rec *rs, int n, int i, const char *bytes, size_t len)
{
	sb_reset(sb);
	for (int k = 0; k < n; k++) {
		if (k == i)
			sb_add(sb, bytes, len);
		else
			sb_add(sb, rs[k].b, REC);
		sb_adds(sb, "\r\n");
	}
}

static void
test_framing(struct strbuf *sb)
{
	struct zfix_rec rs[8];
	int n = simple_file(rs);
	char buf[REC + 40];

	join_with(sb, rs, n, 1, rs[1].b, REC - 1);
	rejects(sb, false, "RECORD 2 (byte 202): record length is 199 bytes, not 200",
		"short record");
	memcpy(buf, rs[1].b, REC);
	buf[REC] = ' ';
	join_with(sb, rs, n, 1, buf, REC + 1);
	rejects(sb, false, "RECORD 2 (byte 202): record length is 201 bytes, not 200",
		"long record");
	/* the name re-encoded as UTF-8: 11 bytes become 33 */
	memcpy(buf, rs[1].b, 49);
	memcpy(buf + 49, U8_YAMADA, strlen(U8_YAMADA));
	memcpy(buf + 49 + strlen(U8_YAMADA), rs[1].b + 60, REC - 60);
	join_with(sb, rs, n, 1, buf, REC + 22);
	rejects(sb, false,
		"RECORD 2 (byte 251): byte 0xEF is not JIS X 0201 text (was the file re-saved as "
		"UTF-8?)",
		"UTF-8 file");
	zfix_join(sb, rs, n, "", false);
	sb->buf[400 + 49] = (char)0x82, sb->buf[400 + 50] = (char)0xA0; /* あ in Shift_JIS */
	rejects(sb, false,
		"RECORD 3 (byte 449): byte 0x82 is not JIS X 0201 text (was the file re-saved as "
		"UTF-8?)",
		"double-byte Shift_JIS");
	zfix_join(sb, rs, n, "", false);
	sb->len = 550, sb->buf[550] = '\0';
	rejects(sb, false, "RECORD 3 (byte 400): record length is 150 bytes, not 200",
		"file cut inside a record");
	zfix_join(sb, rs, n, "\r\n", false);
	sb_adds(sb, "XYZ");
	rejects(sb, false, "RECORD 5 (byte 808): record length is 203 bytes, not 200",
		"bytes after the end record");
	sb_reset(sb);
	rejects(sb, false, "RECORD 1 (byte 0): the file has no records", "empty file");
}

/* The file made of the n records l points at (copied to rs first). */
static void
file_of(struct strbuf *sb, struct zfix_rec *rs, int n, const struct zfix_rec *const *l)
{
	for (int i = 0; i < n; i++)
		rs[i] = *l[i];
	zfix_join(sb, rs, n, "", false);
}

static void
test_grammar(struct strbuf *sb)
{
	struct zfix_rec rs[8], h, d, t, e;

	zfix_header(&h, "01", "080331", "1234567");
	zfix_transfer(&d, &TX1, false);
	zfix_transfer_trailer(&t, ZFIX_BLANK, ZFIX_BLANK, ZFIX_BLANK, ZFIX_BLANK);
	zfix_end(&e);
	file_of(sb, rs, 4, (const struct zfix_rec *[]){ &d, &h, &t, &e });
	rejects(sb, false, "RECORD 1 (byte 0): data record before any header", "data first");
	file_of(sb, rs, 2, (const struct zfix_rec *[]){ &t, &e });
	rejects(sb, false, "RECORD 1 (byte 0): trailer record without a header", "trailer first");
	file_of(sb, rs, 4, (const struct zfix_rec *[]){ &h, &t, &t, &e });
	rejects(sb, false, "RECORD 3 (byte 400): trailer record without a header",
		"two trailers");
	file_of(sb, rs, 4, (const struct zfix_rec *[]){ &h, &t, &d, &e });
	rejects(sb, false, "RECORD 3 (byte 400): data record after the group's trailer",
		"data after trailer");
	file_of(sb, rs, 5, (const struct zfix_rec *[]){ &h, &d, &h, &t, &e });
	rejects(sb, false, "RECORD 3 (byte 400): header record before the previous group's trailer",
		"header inside a group");
	file_of(sb, rs, 4, (const struct zfix_rec *[]){ &h, &t, &e, &h });
	rejects(sb, false, "RECORD 4 (byte 600): record after the end record", "header after end");
	file_of(sb, rs, 4, (const struct zfix_rec *[]){ &h, &t, &e, &e });
	rejects(sb, false, "RECORD 4 (byte 600): record after the end record", "two end records");
	file_of(sb, rs, 3, (const struct zfix_rec *[]){ &h, &d, &t });
	rejects(sb, false, "RECORD 4 (byte 600): missing end record (データ区分 9)",
		"no end record");
	file_of(sb, rs, 3, (const struct zfix_rec *[]){ &h, &d, &e });
	rejects(sb, false, "RECORD 3 (byte 400): end record before the group's trailer",
		"end inside a group");
	file_of(sb, rs, 1, (const struct zfix_rec *[]){ &e });
	rejects(sb, false, "RECORD 1 (byte 0): end record without any header", "only an end");
	rs[0] = h, rs[1] = t, rs[2] = e;
	rs[1].b[0] = '7';
	zfix_join(sb, rs, 3, "\r\n", true);
	rejects(sb, false,
		"RECORD 2 (byte 202): unknown データ区分 \"7\" (record kinds are 1, 2, 8 and 9)",
		"データ区分 7");
	file_of(sb, rs, 3, (const struct zfix_rec *[]){ &h, &t, &e });
	memcpy(sb->buf + 1, "21", 2);
	rejects(sb, false,
		"RECORD 1 (byte 1): 種別コード \"21\" is not supported (01 振込入金通知 and 03 "
		"入出金取引明細 are)",
		"種別コード 21");
	file_of(sb, rs, 5, (const struct zfix_rec *[]){ &h, &t, &h, &t, &e });
	memcpy(sb->buf + 401, "03", 2);
	rejects(sb, false, "RECORD 3 (byte 401): 種別コード 03 where 01 was expected",
		"mixed 種別コード");
	file_of(sb, rs, 3, (const struct zfix_rec *[]){ &h, &t, &e });
	sb->buf[3] = '1';
	rejects(sb, false,
		"RECORD 1 (byte 3): コード区分 1 (EBCDIC) is not supported: ask the bank for the "
		"JIS version of the file",
		"コード区分 1");
	memcpy(sb->buf, "\xF1\xF0\xF1\xF1", 4);
	rejects(sb, false,
		"RECORD 1 (byte 0): the file is in EBCDIC (コード区分 1), which is not supported: "
		"ask the bank for the JIS version of the file",
		"EBCDIC bytes");
	tap_ok(zengin_sniff(sb->buf, sb->len), "sniff claims an EBCDIC file");

}

/* --format zengin-transfer / zengin-statement, and a failing callback. */
static void
test_expect_and_callback(struct strbuf *sb)
{
	struct zfix_rec rs[8];
	struct got g = { 0 };
	struct zengin_summary sum;
	struct ur_err err;
	struct zengin_opts o = opts(false);

	simple_file(rs);
	zfix_join(sb, rs, 5, "", false);
	o.expect = ZENGIN_STATEMENT;
	tap_is_int(zengin_parse_mem(sb->buf, sb->len, &o, collect, &g, &sum, &err), UR_INPUT,
		   "--format zengin-statement on a 01 file");
	tap_is_str(err.msg, "RECORD 1 (byte 1): 種別コード 01 where 03 was expected",
		   "expected kind: message");
	g.fail_with = UR_CONFLICT;
	o.expect = ZENGIN_TRANSFER;
	tap_is_int(zengin_parse_mem(sb->buf, sb->len, &o, collect, &g, &sum, &err), UR_CONFLICT,
		   "callback failure stops the parse");
	tap_is_str(err.msg, "stop at record 2", "callback's message kept");
	tap_is_int(sum.records, 2, "summary up to the failure");
	got_free(&g);
}

static void
test_fields(struct strbuf *sb)
{
	struct zfix_rec rs[8];

	simple_file(rs);
	memcpy(rs[1].b + 19, "00000012A4", 10);
	zfix_join(sb, rs, 5, "\r\n", true);
	rejects(sb, false, "RECORD 2 (byte 221): 金額 is not a number", "non-digit amount");
	memcpy(rs[1].b + 19, "     12345", 10);
	zfix_join(sb, rs, 5, "\r\n", true);
	rejects(sb, false, "RECORD 2 (byte 221): 金額 is not a number", "space-padded amount");
	memset(rs[1].b + 19, ' ', 10);
	zfix_join(sb, rs, 5, "\r\n", true);
	rejects(sb, false, "RECORD 2 (byte 221): 金額 is blank", "blank amount");
	simple_file(rs);
	memcpy(rs[0].b + 60, "12-4567", 7);
	zfix_join(sb, rs, 5, "\r\n", true);
	rejects(sb, false, "RECORD 1 (byte 60): 口座番号 is not a number", "header account");
	simple_file(rs);
	rs[1].b[127] = 'X';
	zfix_join(sb, rs, 5, "\r\n", true);
	rejects(sb, false, "RECORD 2 (byte 329): 取消区分 is not a number", "取消区分 X");
}

/* Write sb to a file and parse it through zengin_parse_fd. */
static void
test_fd(struct strbuf *sb)
{
	struct zfix_rec rs[4];
	struct got g = { 0 };
	struct zengin_summary sum;
	struct zengin_opts o = opts(false);
	struct ur_err err;
	char path[4096];
	struct zfix_tx t = TX1;
	int fd;
	const int n = 1000;

	snprintf(path, sizeof path, "%s/zengin-big.txt", tap_tmpdir());
	zfix_header(&rs[0], "01", "080331", "1234567");
	sb_reset(sb);
	sb_add(sb, rs[0].b, REC), sb_adds(sb, "\r\n");
	for (int i = 1; i <= n; i++) {
		t.amount = i;
		zfix_transfer(&rs[1], &t, false);
		sb_add(sb, rs[1].b, REC), sb_adds(sb, "\r\n");
	}
	zfix_transfer_trailer(&rs[2], n, (long long)n * (n + 1) / 2, 0, 0);
	zfix_end(&rs[3]);
	sb_add(sb, rs[2].b, REC), sb_adds(sb, "\r\n");
	sb_add(sb, rs[3].b, REC);
	fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0600);
	tap_ok(fd >= 0 && write(fd, sb->buf, sb->len) == (ssize_t)sb->len, "wrote %s", path);
	close(fd);
	fd = open(path, O_RDONLY);
	tap_is_int(zengin_parse_fd(fd, &o, collect, &g, &sum, &err), UR_OK,
		   "fd: 1000 records across 64 KiB chunks");
	close(fd);
	unlink(path);
	tap_is_int(g.n, n, "fd: deposits");
	tap_is_int(g.total, (long long)n * (n + 1) / 2, "fd: amounts");
	tap_is_int(sum.records, n + 3, "fd: records");
	got_free(&g);
	fd = open(tap_tmpdir(), O_RDONLY);
	tap_is_int(zengin_parse_fd(fd, &o, collect, &g, &sum, &err), UR_FAIL,
		   "fd: read error is UR_FAIL");
	tap_ok(strstr(err.msg, "cannot read the file: ") == err.msg, "fd: read error message");
	close(fd);
}

static void
test_sniff(struct strbuf *sb)
{
	struct zfix_rec rs[8];

	simple_file(rs);
	zfix_join(sb, rs, 5, "\r\n", true);
	tap_ok(zengin_sniff(sb->buf, sb->len), "sniff: 01 file");
	tap_ok(zengin_sniff(sb->buf, 10), "sniff: a short head");
	sb->buf[REC] = 'x';
	tap_ok(!zengin_sniff(sb->buf, sb->len), "sniff: no record boundary at 200");
	zfix_header(&rs[0], "03", "080331", "0001234567");
	zfix_join(sb, rs, 2, "", false);
	tap_ok(zengin_sniff(sb->buf, sb->len), "sniff: 03 file without separators");
	tap_ok(!zengin_sniff("1021080331", 10), "sniff: 総合振込 is not a deposit file");
	tap_ok(!zengin_sniff("date,amount,payer\n", 18), "sniff: CSV");
	tap_ok(!zengin_sniff("101", 3), "sniff: too short");
	tap_ok(!zengin_sniff("1010ABCDEF", 10), "sniff: 作成日 not digits");
}

TAP_SUITE(zengin)
{
	struct strbuf sb;

	sb_init(&sb);
	test_format_a(&sb);
	test_groups(&sb);
	test_separators(&sb);
	test_format_b(&sb);
	test_statement(&sb);
	test_cancel_and_blanks(&sb);
	test_wareki(&sb);
	test_framing(&sb);
	test_grammar(&sb);
	test_expect_and_callback(&sb);
	test_fields(&sb);
	test_fd(&sb);
	test_sniff(&sb);
	sb_free(&sb);
}
