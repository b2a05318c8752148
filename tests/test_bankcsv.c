/* test_bankcsv: bank CSV profiles and the profile-driven CSV parser, on
 * samples written here and encoded to GB18030 / CP932 with iconv. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bankcsv.h"
#include "profile.h"
#include "tap.h"
#include "testutil.h"
#include "xalloc.h"

/* utf8 converted to encoding `to` (a new buffer, length in *n). */
static char *
encode(const char *utf8, const char *to, size_t *n)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t inleft = strlen(utf8), cap = inleft * 2 + 16, outleft = cap;
	char *out = xmalloc(cap), *in = unconst(utf8), *o = out;

	if (cd == (iconv_t)-1 || iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1)
		abort();
	iconv_close(cd);
	*n = cap - outleft;
	return out;
}

/* Byte offset of the start of line (1-based) in buf. */
static unsigned long long
line_at(const char *buf, size_t n, unsigned long line)
{
	size_t off = 0;

	for (unsigned long l = 1; l < line && off < n; off++) {
		if (buf[off] == '\n')
			l++;
	}
	return off;
}

static struct profile_set builtin;

static enum ur_status
parse_with(const char *profile, const char *data, size_t n, struct tu_deposits *g, struct ur_err *err)
{
	const struct profile *p = profile_find(&builtin, profile);

	ur_err_clear(err);
	if (!p)
		return ur_fail(err, UR_USAGE, "no profile %s", profile);
	return bankcsv_parse(data, n, p, tu_collect, g, err);
}

static const char ccb_csv[] =
	"中国建设银行单位账户明细查询\r\n"
	"账号：11050162540000001234,账户名称：上海某某贸易有限公司\r\n"
	"起止日期：20260301-20260331\r\n"
	"账号,账户名称,交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,对方户名,"
	"对方账号,对方开户机构,记账日期,摘要,备注,账户明细编号-交易流水号\r\n"
	"11050162540000001234,上海某某贸易有限公司,20260302101530,,\"12,345.60\","
	"\"112,345.60\",人民币,北京甲乙科技有限公司,6222020200012345678,"
	"中国工商银行北京分行,20260302,货款,INV-2026-031,110501625400000012340001\r\n"
	"11050162540000001234,上海某某贸易有限公司,20260303091000,\"2,000.00\",,"
	"\"110,345.60\",人民币,上海房东,6222,招商银行,20260303,房租,,110501625400000012340002\r\n"
	",,本页小计,\"2,000.00\",\"12,345.60\",,,,,,,,,\r\n"
	"11050162540000001234,上海某某贸易有限公司,2026-03-05 14:20:00,-,\"\t8,800.00\t\","
	"\"119,145.60\",人民币,广州丙丁有限公司,44001,中国银行,2026-03-06,,,"
	"=\"110501625400000012340003\"\r\n"
	"合计,,,\"2,000.00\",\"21,145.60\",,,,,,,,,\r\n";

static void
test_ccb(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;
	size_t n;
	char *gb = encode(ccb_csv, "GB18030", &n);

	tap_is_int(parse_with("ccb", gb, n, &g, &err), UR_OK, "ccb: parses (%s)", err.msg);
	tap_is_int(g.n, 2, "ccb: two credits (debit, 本页小计, 合计 skipped)");
	tap_is_int(g.v[0].amount, 1234560, "ccb: 12,345.60 CNY");
	tu_is_str(g.v[0].currency, "CNY", "ccb: 人民币 = CNY");
	tap_is_int(g.v[0].booking_date, tu_day("2026-03-02"), "ccb: 记账日期");
	tap_is_int(g.v[0].value_date, tu_day("2026-03-02"), "ccb: 交易时间 compact timestamp");
	tu_is_str(g.v[0].payer.payer_name, "北京甲乙科技有限公司", "ccb: 对方户名");
	tu_is_str(g.v[0].payer.payer_code, "6222020200012345678", "ccb: 对方账号");
	tu_is_str(g.v[0].payer.remit_bank, "中国工商银行北京分行", "ccb: 对方开户机构");
	tu_is_str(g.v[0].payer.edi, "货款 INV-2026-031", "ccb: 摘要 + 备注");
	tu_is_str(g.v[0].reference, "110501625400000012340001", "ccb: serial");
	tu_is_str(g.v[0].payer.acct_number, "11050162540000001234", "ccb: 账号 column");
	tap_is_int((long long)g.v[0].record_no, 5, "ccb: line number");
	tap_is_int((long long)g.v[0].byte_offset, (long long)line_at(gb, n, 5),
		   "ccb: byte offset in GB18030");
	tap_is_int(g.v[1].amount, 880000, "ccb: tab-padded 8,800.00");
	tap_is_int(g.v[1].booking_date, tu_day("2026-03-06"), "ccb: second booking date");
	tap_is_int(g.v[1].value_date, tu_day("2026-03-05"), "ccb: date with time");
	tu_is_str(g.v[1].reference, "110501625400000012340003", "ccb: =\"...\" Excel cell");
	tap_ok(g.v[1].payer.edi == NULL, "ccb: empty memo is NULL");
	tu_deposits_free(&g);
	free(gb);
}

static const char bocom_csv[] =
	"交通银行账户交易明细\n"
	"账号：,310066726018010012345,户名：,上海某某贸易有限公司\n"
	"交易时间,借方发生额,贷方发生额,账户余额,对方账号,对方户名,摘要\n"
	"承上页,,,\"50,000.00\",,,\n"
	"2026-03-10 09:12:00,,\"￥5,000.00\",\"55,000.00\",6217001,杭州戊己有限公司,货款\n"
	"2026-03-11 16:40:00,300.00,,\"54,700.00\",6217002,上海电力,电费\n"
	"2026-03-12 10:00:00,,0.50,\"54,700.50\",,,利息\n"
	"转下页,,,,,,\n"
	"交易时间,借方发生额,贷方发生额,账户余额,对方账号,对方户名,摘要\n"
	"本页小计,300.00,\"5,000.50\",,,,\n";

static void
test_bocom(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;
	size_t n;
	char *gb = encode(bocom_csv, "GB18030", &n);

	tap_is_int(parse_with("bocom", gb, n, &g, &err), UR_OK, "bocom: parses (%s)", err.msg);
	tap_is_int(g.n, 2, "bocom: two credits (承上页, debit, repeated header skipped)");
	tap_is_int(g.v[0].amount, 500000, "bocom: ￥5,000.00");
	tu_is_str(g.v[0].payer.acct_number, "310066726018010012345",
		  "bocom: 账号 from the title row");
	tu_is_str(g.v[0].payer.payer_name, "杭州戊己有限公司", "bocom: 对方户名");
	tu_is_str(g.v[0].payer.payer_code, "6217001", "bocom: 对方账号");
	tap_ok(g.v[0].reference == NULL, "bocom: no serial column, no reference");
	tap_is_int(g.v[0].booking_date, tu_day("2026-03-10"), "bocom: 交易时间 date part");
	tap_is_int(g.v[1].amount, 50, "bocom: 0.50 interest");
	tap_ok(g.v[1].payer.payer_name == NULL, "bocom: empty payer is NULL");
	tu_deposits_free(&g);
	free(gb);
}

static const char cmb_csv[] =
	"招商银行交易明细\r\n"
	"账号：755912345610801\r\n"
	"记账日期,货币,交易金额,联机余额,交易摘要,对手信息\r\n"
	"20260310,人民币,\"1,000.50\",\"21,000.50\",转账汇入,深圳庚辛有限公司\r\n"
	"20260311,人民币,-300.00,\"20,700.50\",代发工资,\r\n"
	"20260312,人民币,+2500,\"23,200.50\",网银转入,\r\n";

static void
test_cmb(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;
	size_t n;
	char *gb = encode(cmb_csv, "GB18030", &n);

	tap_is_int(parse_with("cmb", gb, n, &g, &err), UR_OK, "cmb: parses (%s)", err.msg);
	tap_is_int(g.n, 2, "cmb: negative amount skipped");
	tap_is_int(g.v[0].amount, 100050, "cmb: 1,000.50");
	tu_is_str(g.v[0].payer.payer_name, "深圳庚辛有限公司", "cmb: 对手信息");
	tu_is_str(g.v[0].payer.edi, "转账汇入", "cmb: 交易摘要");
	tu_is_str(g.v[0].payer.acct_number, "755912345610801", "cmb: 账号 in one title cell");
	tap_is_int(g.v[1].amount, 250000, "cmb: +2500");
	tap_is_int((long long)g.v[1].record_no, 6, "cmb: line of the second credit");
	tu_deposits_free(&g);
	free(gb);
}

static const char spdb_csv[] =
	"\xEF\xBB\xBF" "浦发银行账户明细\n"
	"账号,98760154740001234\n"
	"交易日期,摘要,借方金额,贷方金额,余额,对方账号,对方户名\n"
	"2026/03/20,货款,（空）,\"3,210.00\",\"13,210.00\",  95588001  ,  成都壬癸有限公司  \n"
	"2026/03/21,手续费,10.00,（空）,\"13,200.00\",,\n"
	"合计,,10.00,\"3,210.00\",,,\n";

static void
test_spdb(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;

	tap_is_int(parse_with("spdb", spdb_csv, strlen(spdb_csv), &g, &err), UR_OK,
		   "spdb: parses UTF-8 with BOM (%s)", err.msg);
	tap_is_int(g.n, 1, "spdb: one credit");
	tap_is_int(g.v[0].amount, 321000, "spdb: 3,210.00");
	tu_is_str(g.v[0].payer.payer_name, "成都壬癸有限公司", "spdb: spaces trimmed");
	tu_is_str(g.v[0].payer.payer_code, "95588001", "spdb: 对方账号");
	tu_is_str(g.v[0].payer.acct_number, "98760154740001234", "spdb: 账号 in the next title cell");
	tap_is_int(g.v[0].booking_date, tu_day("2026-03-20"), "spdb: YYYY/MM/DD");
	tap_is_int((long long)g.v[0].byte_offset, (long long)line_at(spdb_csv, strlen(spdb_csv), 4),
		   "spdb: byte offset counts the BOM");
	tu_deposits_free(&g);
}

static const char anser_csv[] =
	"\"照会口座\",\"番号\",\"勘定日\",\"起算日\",\"出金金額\",\"入金金額\",\"小切手区分\","
	"\"残高\",\"取引区分\",\"明細区分\",\"金融機関名\",\"支店名\",\"摘要\"\r\n"
	"\"001-1234567\",\"1\",\"2026/03/02\",\"2026/03/02\",\"\",\"109,670\",\"\","
	"\"1,109,670\",\"振込\",\"\",\"ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ\",\"ｼﾝｼﾞﾕｸ\",\"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ\"\r\n"
	"\"001-1234567\",\"2\",\"2026/03/03\",\"2026/03/03\",\"50,000\",\"\",\"\","
	"\"1,059,670\",\"振替\",\"\",\"\",\"\",\"ﾃﾞﾝｷﾀﾞｲ\"\r\n"
	"\"001-1234567\",\"3\",\"2026/03/31\",\"2026/03/30\",\"\",\"54,780\",\"\","
	"\"1,114,450\",\"振込\",\"\",\"ﾐｽﾞﾎ\",\"ﾎﾝﾃﾝ\",\"ﾀﾅｶｺｳｷﾞﾖｳ(ﾕ\"\r\n";

static void
test_anser(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;
	size_t n;
	char *sj = encode(anser_csv, "CP932", &n);

	tap_is_int(parse_with("anser", sj, n, &g, &err), UR_OK, "anser: parses (%s)", err.msg);
	tap_is_int(g.n, 2, "anser: two credits");
	tap_is_int(g.v[0].amount, 109670, "anser: ¥109,670");
	tu_is_str(g.v[0].currency, "JPY", "anser: JPY");
	tu_is_str(g.v[0].payer.payer_name, "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "anser: 摘要 half-width kana kept");
	tu_is_str(g.v[0].payer.remit_bank, "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "anser: 金融機関名");
	tu_is_str(g.v[0].payer.remit_branch, "ｼﾝｼﾞﾕｸ", "anser: 支店名");
	tu_is_str(g.v[0].payer.acct_number, "001-1234567", "anser: 照会口座");
	tu_is_str(g.v[0].payer.edi, "振込", "anser: 取引区分");
	tap_ok(g.v[0].reference == NULL, "anser: no serial column, no reference");
	tap_is_int(g.v[1].booking_date, tu_day("2026-03-31"), "anser: 勘定日");
	tap_is_int(g.v[1].value_date, tu_day("2026-03-30"), "anser: 起算日");
	tap_is_int((long long)g.v[1].byte_offset, (long long)line_at(sj, n, 4), "anser: CP932 offset");
	tu_deposits_free(&g);
	free(sj);
}

static const char mufg_csv[] =
	"日付,摘要,摘要内容,支払い金額,預かり金額,差引残高,メモ,未資金化区分,入払区分\r\n"
	"\"2026/3/2\",\"振込１\",\"ヤマダ　タロウ\",\"\",\"30,000\",\"530,000\",\"3月分\",\"\",\"入金\"\r\n"
	"\"2026/3/5\",\"カード\",\"ＡＢＣストア\",\"5,400\",\"\",\"524,600\",\"\",\"\",\"支払い\"\r\n";

static void
test_mufg(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;
	size_t n;
	char *sj = encode(mufg_csv, "CP932", &n);

	tap_is_int(parse_with("mufg-personal", sj, n, &g, &err), UR_OK, "mufg: parses (%s)",
		   err.msg);
	tap_is_int(g.n, 1, "mufg: one credit");
	tap_is_int(g.v[0].amount, 30000, "mufg: 預かり金額");
	tu_is_str(g.v[0].payer.payer_name, "ヤマダ　タロウ", "mufg: 摘要内容 as payer");
	tu_is_str(g.v[0].payer.edi, "振込１ 3月分", "mufg: 摘要 + メモ");
	tap_is_int(g.v[0].booking_date, tu_day("2026-03-02"), "mufg: 2026/3/2");
	tu_deposits_free(&g);
	free(sj);
}

static const char generic_csv[] =
	"date,amount,payer,memo,reference,,\n"
	"2026-03-31,\"1,234\",Acme KK,INV-1,R-001,,\n"
	"2026-03-31,-500,Acme KK,refund,R-002,,\n"
	"2026-04-01,¥20000,,,,,\n";

static void
test_generic(void)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;

	tap_is_int(parse_with("generic", generic_csv, strlen(generic_csv), &g, &err), UR_OK,
		   "generic: parses (%s)", err.msg);
	tap_is_int(g.n, 2, "generic: negative amount skipped");
	tap_is_int(g.v[0].amount, 1234, "generic: 1,234");
	tu_is_str(g.v[0].payer.payer_name, "Acme KK", "generic: payer");
	tu_is_str(g.v[0].payer.edi, "INV-1", "generic: memo");
	tu_is_str(g.v[0].reference, "R-001", "generic: reference");
	tap_is_int(g.v[1].amount, 20000, "generic: ¥20000");
	tap_ok(g.v[1].reference == NULL, "generic: empty reference cell, no reference");
	tu_deposits_free(&g);
}

/* Parse data with a generic profile expecting a rejection; check the message. */
static void
rejects(const char *profile, const char *data, size_t n, const char *want, const char *what)
{
	struct tu_deposits g = { 0 };
	struct ur_err err;
	enum ur_status st = parse_with(profile, data, n, &g, &err);

	tap_is_int(st, UR_INPUT, "%s: UR_INPUT", what);
	tap_is_str(err.msg, want, "%s: message", what);
	tu_deposits_free(&g);
}

/* Bytes that are not GB18030 after a GB18030 header: the line and offset. */
static void
test_undecodable(void)
{
	size_t n;
	char *gb = encode("账号,交易时间,贷方发生额,记账日期\n", "GB18030", &n);
	char want[128];

	gb = xrealloc(gb, n + 3);
	memcpy(gb + n, "\x80\x80\n", 3);
	snprintf(want, sizeof want, "LINE 2 (byte %zu): bytes that are not valid GB18030", n);
	rejects("ccb", gb, n + 3, want, "undecodable GB18030");
	free(gb);
}

static void
test_rejections(void)
{
	static const char *const bad[][3] = {
		{ "date,amount\n2026-02-30,100\n",
		  "LINE 2 (byte 12): bad date \"2026-02-30\": ", "bad date" },
		{ "date,amount\n2026-02-28,100\n2026-03-01,12a\n",
		  "LINE 3 (byte 27): bad amount \"12a\": ", "bad amount" },
		{ "date,memo,amount\n2026-03-01,x\n",
		  "LINE 2 (byte 17): 2 fields, expected at least 3", "short row" },
		{ "date,amount\n2026-03-01,\"100\n",
		  "LINE 2 (byte 12): ", "unclosed quote" },
		{ "date,amount,currency\n2026-03-01,100,XYZ\n",
		  "LINE 2 (byte 21): unknown currency \"XYZ\"", "unknown currency" },
	};
	struct ur_err err;
	struct tu_deposits g = { 0 };

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		enum ur_status st = parse_with("generic", bad[i][0], strlen(bad[i][0]), &g, &err);

		tap_is_int(st, UR_INPUT, "%s: UR_INPUT", bad[i][2]);
		tap_ok(strncmp(err.msg, bad[i][1], strlen(bad[i][1])) == 0, "%s: \"%s\"",
		       bad[i][2], err.msg);
		tu_deposits_free(&g);
	}
	rejects("generic", "foo,bar\n1,2\n", 12,
		"no header row found in the first 50 rows: expected a row with the columns "
		"date|日付|取引日|交易日期|记账日期|入账日期, "
		"amount|金額|金额|交易金额|交易发生金额|发生额 (profile generic)", "no header");
	test_undecodable();
	g.stop_with = UR_CONFLICT;
	tap_is_int(parse_with("generic", generic_csv, strlen(generic_csv), &g, &err),
		   UR_CONFLICT, "callback status stops the parse");
}

static void
test_profiles(void)
{
	static const char *const names[] = { "anser", "bocom", "ccb", "cmb", "generic",
					     "mufg-personal", "spdb" };
	static const char *const bad[][2] = {
		{ "name = x\ncurrency = JPY\ncolour = red\n", "t:3: unknown key \"colour\"" },
		{ "name = x\nencoding = EBCDIC\n",
		  "t:2: unknown encoding \"EBCDIC\" (use auto, UTF-8, CP932 or GB18030)" },
		{ "name = x\njust words\n", "t:2: expected KEY = VALUE" },
		{ "name = X Y\n", "t: \"name\" is missing or not made of a-z, 0-9, - and _" },
		{ "name = x\ncurrency = ABC\n", "t: \"currency\" is missing or unknown" },
		{ "name = x\ncurrency = CNY\ndate = d\ncredit = c\n",
		  "t: \"header\" keywords are missing" },
		{ "name = x\ncurrency = CNY\nheader = d\ndate = d\n",
		  "t: name a \"credit\" or an \"amount\" column" },
		{ "name = x\ncurrency = CNY\nheader = d\ndate = d\namount = a\ndirection = f\n",
		  "t: a \"direction\" column needs \"credit_values\"" },
	};
	const struct profile *p = profile_find(&builtin, "ccb");
	struct profile prof;
	struct ur_err err;

	tap_is_int((long long)builtin.n, 7, "seven profiles shipped");
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		tap_ok(profile_find(&builtin, names[i]) != NULL, "profile %s shipped", names[i]);
	tap_ok(p && p->header.n == 3 && strcmp(p->header.v[1], "贷方发生额") == 0,
	       "ccb header keywords split on commas");
	tap_ok(p && p->col[PROFILE_CREDIT].n == 2 &&
	       strcmp(p->col[PROFILE_CREDIT].v[0], "贷方发生额（收入）") == 0,
	       "ccb credit names keep full-width parentheses");
	tap_is_str(p ? p->source : "", "builtin:ccb.profile", "ccb source");
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		ur_err_clear(&err);
		tap_is_int(profile_parse(bad[i][0], strlen(bad[i][0]), "t", &prof, &err),
			   UR_INPUT, "bad profile %zu rejected", i);
		tap_is_str(err.msg, bad[i][1], "bad profile %zu message", i);
	}
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		abort();
	fputs(text, f);
	fclose(f);
}

static void
test_user_dir(void)
{
	char dir[512], path[600];
	struct profile_set set = { 0 };
	struct ur_err err;
	const struct profile *p;

	snprintf(dir, sizeof dir, "%s/bank-profiles", tap_tmpdir());
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/ccb.profile", dir);
	write_file(path, "# mine\nname = ccb\ndescription = my CCB\ncurrency = CNY\n"
			 "encoding = gb18030\nheader = 日期, 收入\ndate = 日期\ncredit = 收入\n");
	snprintf(path, sizeof path, "%s/zz.profile", dir);
	write_file(path, "name = mybank\ncurrency = USD\nheader = Day\ndate = Day\n"
			 "amount = Sum\n");
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	write_file(path, "not a profile");
	tap_is_int(profile_load_builtin(&set, &err), UR_OK, "builtin profiles load");
	tap_is_int(profile_load_dir(&set, dir, &err), UR_OK, "user dir loads (%s)", err.msg);
	tap_is_int((long long)set.n, 8, "one profile replaced, one added");
	p = profile_find(&set, "ccb");
	tap_is_str(p ? p->description : "", "my CCB", "user ccb overrides the shipped one");
	tap_is_str(p ? p->encoding : "", "GB18030", "encoding name canonical");
	tap_ok(profile_find(&set, "mybank") != NULL, "user profile added");
	snprintf(path, sizeof path, "%s/bad.profile", dir);
	write_file(path, "name = bad\n");
	tap_is_int(profile_load_dir(&set, dir, &err), UR_INPUT, "a bad user profile is an error");
	tap_ok(strstr(err.msg, "bad.profile: \"currency\"") != NULL, "message names the file");
	tap_is_int(profile_load_dir(&set, "/nonexistent/urikake", &err), UR_OK,
		   "missing directory is fine");
	profile_set_free(&set);
	remove(path);
	snprintf(path, sizeof path, "%s/ccb.profile", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/zz.profile", dir);
	remove(path);
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	remove(path);
	rmdir(dir);
}

/* Forced UTF-8 profile: invalid bytes are reported, not guessed around. */
static void
test_forced_utf8(void)
{
	static const char prof[] = "name = u\ncurrency = EUR\nencoding = utf-8\n"
				   "header = Datum, Betrag\ndate = Datum\namount = Betrag\n";
	static const char data[] = "Datum,Betrag\n2026-03-01,\"1.000,00\"\n";
	static const char bad[] = "Datum,Betrag\n2026-03-01,10\n\xff,1\n";
	struct profile p;
	struct tu_deposits g = { 0 };
	struct ur_err err;

	tap_is_int(profile_parse(prof, strlen(prof), "u", &p, &err), UR_OK, "custom profile");
	tap_is_int(bankcsv_parse(bad, strlen(bad), &p, tu_collect, &g, &err), UR_INPUT,
		   "invalid UTF-8 rejected");
	tap_is_str(err.msg, "LINE 3 (byte 27): bytes that are not valid UTF-8",
		   "invalid UTF-8 message");
	tap_is_int(g.n, 0, "nothing emitted before the decoding error");
	tap_is_int(bankcsv_parse(data, strlen(data), &p, tu_collect, &g, &err), UR_INPUT,
		   "European decimal comma is not an amount");
	tap_ok(strncmp(err.msg, "LINE 2 (byte 13): bad amount \"1.000,00\"", 39) == 0,
	       "decimal comma message: %s", err.msg);
	tu_deposits_free(&g);
	profile_free(&p);
}

static void
test_sniff(void)
{
	static const struct {
		const char *text, *enc, *want;
	} cases[] = {
		{ ccb_csv, "GB18030", "ccb" },
		{ bocom_csv, "GB18030", "bocom" },
		{ cmb_csv, "GB18030", "cmb" },
		{ spdb_csv, NULL, "spdb" },
		{ anser_csv, "CP932", "anser" },
		{ mufg_csv, "CP932", "mufg-personal" },
		{ generic_csv, NULL, "generic" },
	};
	const char *got;

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = strlen(cases[i].text);
		char *buf = cases[i].enc ? encode(cases[i].text, cases[i].enc, &n)
					 : xstrdup(cases[i].text);

		got = bankcsv_sniff(buf, n, &builtin);
		tap_is_str(got ? got : "(none)", cases[i].want, "sniff picks %s", cases[i].want);
		got = bankcsv_sniff(buf, n > 300 ? 300 : n, &builtin);
		tap_is_str(got ? got : "(none)", cases[i].want, "sniff %s from a cut head",
			   cases[i].want);
		free(buf);
	}
	got = bankcsv_sniff("foo,bar\n1,2\n", 12, &builtin);
	tap_ok(got == NULL, "sniff: no profile for an unknown header");
	tap_ok(bankcsv_sniff("", 0, &builtin) == NULL, "sniff: empty head");
}

TAP_SUITE(bankcsv)
{
	struct ur_err err;

	tap_is_int(profile_load_builtin(&builtin, &err), UR_OK, "builtin profiles (%s)",
		   builtin.n ? "" : err.msg);
	test_profiles();
	test_ccb();
	test_bocom();
	test_cmb();
	test_spdb();
	test_anser();
	test_mufg();
	test_generic();
	test_rejections();
	test_forced_utf8();
	test_user_dir();
	test_sniff();
	profile_set_free(&builtin);
}
