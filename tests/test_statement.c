/* test_statement: the statement model on hand-computed ledgers (previous
 * balance, payments in and out of the period, fees, on-account money,
 * carried balance, tax per rate, aging, undone payments), default periods,
 * company settings, dunning templates, and golden plain-text renderings. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "company.h"
#include "date.h"
#include "contact.h"
#include "dunning.h"
#include "dunning_send.h"
#include "render.h"
#include "statement.h"
#include "stmt_build.h"
#include "store.h"
#include "store_priv.h"
#include "store_statement.h"
#include "tap.h"
#include "testutil.h"
#include "words.h"
#include "test_store.h"
#include "xalloc.h"

static const char company_text[] =
	"# test company\n"
	"name = 株式会社うりかけ商事\n"
	"name.en = Urikake Trading Co., Ltd.\n"
	"address = 東京都千代田区丸の内1-1-1\n"
	"registration = T1234567890123\n"
	"bank = みずほ銀行 丸の内支店 普通 1234567\\n口座名義 カ）ウリカケシヨウジ\n"
	"bank.zh_CN = 开户行：瑞穗银行\\n账号：1234567\n"
	"bank.en = Mizuho Bank, account 1234567\n"
	"dunning_days = 14, 10, 7\n";

static int64_t
cust(struct store *st, const char *code, const char *name, const char *kana, const char *cur,
     const char *terms)
{
	struct customer c = { 0 }, got;
	enum store_upsert what;
	struct ur_err err;

	c.code = code;
	c.name = name;
	c.kana = kana;
	c.currency = cur;
	c.terms = terms;
	c.address = "東京都港区1-2-3";
	if (store_customer_upsert(st, &c, &what, &err) != UR_OK ||
	    store_customer_get(st, code, &got, &err) != UR_OK)
		return 0;
	return got.id;
}

static int64_t
inv(struct store *st, const char *num, const char *code, const char *issue, const char *due,
    int64_t amount, int64_t tax, const char *cur)
{
	struct invoice v = { 0 }, got;
	enum store_upsert what;
	struct ur_err err;
	int64_t open;

	v.number = num;
	v.customer = code;
	v.issue_date = tu_day(issue);
	v.due_date = tu_day(due);
	v.amount = amount;
	v.tax = tax;
	v.currency = cur;
	v.memo = "";
	if (store_invoice_upsert(st, &v, &what, &err) != UR_OK ||
	    store_invoice_get(st, num, &got, &open, &err) != UR_OK)
		return 0;
	return got.id;
}

/* A deposit of amount on date applied to invoice_id (0: on account). */
static int64_t
pay(struct store *st, int64_t cust_id, int64_t invoice_id, const char *date, int64_t amount,
    int64_t fee, const char *cur, const char *ref)
{
	struct deposit d = { 0 };
	struct allocation a = { 0 };
	enum store_upsert what;
	struct ur_err err;
	int64_t dep, id = 0;

	d.booking_date = d.value_date = tu_day(date);
	d.amount = amount;
	d.currency = cur;
	d.payer.payer_name = "ﾃｽﾄ";
	d.reference = ref;
	if (store_deposit_insert(st, &d, &dep, &what, &err) != UR_OK)
		return 0;
	a.deposit_id = dep;
	a.invoice_id = invoice_id;
	a.customer_id = cust_id;
	a.amount = amount;
	a.fee = fee;
	a.kind = ALLOC_MANUAL;
	a.alloc_date = tu_day(date);
	if (store_allocation_insert(st, &a, &id, &err) != UR_OK)
		tap_diag("allocation: %s", err.msg);
	return id;
}

/* J1 (JPY, ja): see the hand computation in test "ja period". */
static int64_t
fixture(struct store *st, int64_t *on_account)
{
	struct ur_err err;
	int64_t j1, z1, e1, a1, a2, a3, b0, b1, c1;

	store_begin(st, &err);
	j1 = cust(st, "J1", "株式会社テスト商事", "カブシキガイシャテストショウジ", "JPY",
		  "EOM/+1/EOM");
	a1 = inv(st, "A-1", "J1", "2026-02-10", "2026-03-31", 110000, 10000, "JPY");
	a2 = inv(st, "A-2", "J1", "2026-02-20", "2026-03-31", 54000, 4000, "JPY");
	a3 = inv(st, "A-3", "J1", "2026-03-05", "2026-04-30", 220000, 20000, "JPY");
	inv(st, "A-4", "J1", "2026-03-15", "2026-04-30", 10800, 800, "JPY");
	inv(st, "A-5", "J1", "2026-03-20", "2026-04-30", 33000, -1, "JPY");
	inv(st, "A-6", "J1", "2026-01-10", "2026-02-28", 50000, 5000, "JPY");
	pay(st, j1, a1, "2026-02-25", 110000, 0, "JPY", "0000001");
	pay(st, j1, a2, "2026-03-10", 53340, 660, "JPY", "0000002");
	pay(st, j1, a3, "2026-04-02", 220000, 0, "JPY", "0000003");
	*on_account = pay(st, j1, 0, "2026-03-12", 5000, 0, "JPY", "0000004");
	z1 = cust(st, "Z1", "上海测试贸易有限公司", NULL, "CNY", "NET30");
	b0 = inv(st, "B-0", "Z1", "2026-02-01", "2026-03-03", 22600, 2600, "CNY");
	b1 = inv(st, "B-1", "Z1", "2026-03-03", "2026-04-02", 113000, 13000, "CNY");
	pay(st, z1, b0, "2026-03-02", 22600, 0, "CNY", "CN001");
	pay(st, z1, b1, "2026-03-20", 50000, 0, "CNY", "CN002");
	e1 = cust(st, "E1", "Acme Corporation", NULL, "USD", "NET30");
	c1 = inv(st, "C-1", "E1", "2026-03-02", "2026-04-01", 150000, -1, "USD");
	inv(st, "C-0", "E1", "2025-12-01", "2025-12-31", 80000, 0, "USD");
	pay(st, e1, c1, "2026-03-25", 100000, 0, "USD", "US001");
	if (store_commit(st, &err) != UR_OK)
		tap_diag("fixture: %s", err.msg);
	return j1;
}

static void
test_ja_period(struct store *st, struct store_statement *q)
{
	struct stmt_opts o = { 0, 0, tu_day("2026-03-31"), -1 };
	struct statement s;
	struct ur_err err;
	static const int64_t run[] = { 324000, 270000, 265000, 275800, 308800 };

	tap_is_int(stmt_build(st, q, "J1", &o, &s, &err), UR_OK, "J1 builds");
	tap_is_int(s.from, tu_day("2026-03-01"), "default period starts after the last close");
	tap_is_int(s.to, tu_day("2026-03-31"), "default period ends on the closing date");
	tap_is_int(s.lang, STMT_JA, "JPY with kana: Japanese");
	tap_is_int(s.previous, 104000, "previous: 110000+54000+50000 issued, 110000 paid");
	tap_is_int(s.received, 58340, "received: 53340 in cash + 5000 on account");
	tap_is_int(s.fees, 660, "fees: 660 deducted on A-2");
	tap_is_int(s.carried, 45000, "carried: 104000-58340-660");
	tap_is_int(s.sales, 263800, "sales: 220000+10800+33000");
	tap_is_int(s.tax, 20800, "tax where known: 20000+800");
	tap_is_int(s.tax_unknown, 1, "one invoice without tax");
	tap_is_int(s.current, 308800, "current = carried + sales");
	tap_is_int(s.on_account, 5000, "on account: the open invoices less it are current");
	tap_is_int((long long)s.nlines, 5, "3 invoices and 2 payments in March");
	for (size_t i = 0; i < s.nlines && i < 5; i++)
		tap_is_int(s.lines[i].balance, run[i], "running balance after line %zu", i);
	tap_is_str(s.nlines > 1 ? s.lines[1].ref : "", "0000002", "payments by date");
	tap_is_int(s.nlines > 1 ? s.lines[1].fee : 0, 660, "the payment carries its fee");
	tap_is_int(s.nrates, 3, "three tax groups");
	tap_is_int(s.rates[0].rate, 10, "first 10%%");
	tap_is_int(s.rates[0].amount, 220000, "10%% gross");
	tap_is_int(s.rates[1].rate, 8, "then 8%%");
	tap_is_int(s.rates[1].tax, 800, "8%% tax");
	tap_is_int(s.rates[2].rate, STMT_RATE_UNKNOWN, "then unknown");
	tap_is_int(s.aging[0], 263800, "not yet due: A-3, A-4, A-5");
	tap_is_int(s.aging[2], 50000, "A-6 is 31 days late");
	tap_is_int(s.aging[1] + s.aging[3] + s.aging[4], 0, "nothing else late");
	tap_is_int((long long)s.nitems, 4, "four invoices open (A-1, A-2 paid)");
	tap_is_int((long long)stmt_overdue_count(&s), 1, "one overdue");
	stmt_free(&s);
}

static void
test_other_periods(struct store *st, struct store_statement *q)
{
	struct stmt_opts o = { tu_day("2026-04-01"), tu_day("2026-04-30"), 0, STMT_EN };
	struct statement s;
	struct ur_err err;

	tap_is_int(stmt_build(st, q, "J1", &o, &s, &err), UR_OK, "April builds");
	tap_is_int(s.previous, 308800, "April's previous = March's current");
	tap_is_int(s.received, 220000, "A-3 paid on 04-02");
	tap_is_int(s.current, 88800, "308800 - 220000");
	tap_is_int(s.lang, STMT_EN, "--lang overrides the customer's");
	stmt_free(&s);
	o.from = tu_day("2026-02-01");
	o.to = tu_day("2026-02-28");
	tap_is_int(stmt_build(st, q, "J1", &o, &s, &err), UR_OK, "February builds");
	tap_is_int(s.previous, 50000, "only A-6 before February");
	tap_is_int(s.current, 104000, "February's current = March's previous");
	stmt_free(&s);
	o.from = tu_day("2026-03-31");
	o.to = tu_day("2026-03-01");
	tap_is_int(stmt_build(st, q, "J1", &o, &s, &err), UR_INPUT, "reversed period rejected");
	tap_ok(strstr(err.msg, "2026-03-01") != NULL, "message names the dates: %s", err.msg);
	tap_is_int(stmt_build(st, q, "NOPE", &o, &s, &err), UR_INPUT, "unknown customer");
}

/* Undoing the on-account payment today: March stays as printed, today's
 * month shows the reversal. */
static void
test_void(struct store *st, struct store_statement *q, int64_t alloc)
{
	struct stmt_opts o = { 0, 0, tu_day("2026-03-31"), -1 };
	struct statement s;
	struct ur_err err;
	time_t now = time(NULL);
	struct tm tm;
	int found = 0;

	gmtime_r(&now, &tm);
	tap_is_int(store_allocation_void(st, alloc, &err), UR_OK, "void the 5000 on account");
	tap_is_int(stmt_build(st, q, "J1", &o, &s, &err), UR_OK, "March again");
	tap_is_int(s.received, 58340, "March unchanged after a later undo");
	tap_is_int(s.current, 308800, "March's current unchanged");
	stmt_free(&s);
	o.from = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, 1);
	o.to = date_end_of_month(o.from);
	tap_is_int(stmt_build(st, q, "J1", &o, &s, &err), UR_OK, "this month builds");
	for (size_t i = 0; i < s.nlines; i++)
		found |= s.lines[i].kind == LEDGER_MOVE_PAYMENT && s.lines[i].amount == -5000;
	tap_ok(found, "the undone payment shows as -5000");
	tap_is_int(s.current - s.previous, 5000, "and raises the balance by 5000");
	stmt_free(&s);
}

static int
count_step(void *n)
{
	++*(long *)n;
	return 0;
}

/* SQLite's steps for J1's March statement on st's own connection. */
static long
steps_for_j1(struct store *st, struct store_statement *q)
{
	struct stmt_opts o = { tu_day("2026-03-01"), tu_day("2026-03-31"), 0, -1 };
	struct statement s;
	struct ur_err err;
	long n = 0;

	db_progress_handler(st->db, 1, count_step, &n);
	if (stmt_build(st, q, "J1", &o, &s, &err) == UR_OK)
		stmt_free(&s);
	else
		n = -1;
	db_progress_handler(st->db, 0, NULL, NULL);
	return n;
}

/* A statement reads the customer's own rows: another customer's invoices
 * and write-offs in the same currency add nothing to J1's (they once made
 * every statement read the whole currency: seconds each on a large book). */
static void
test_own_rows(struct store *st, struct store_statement *q)
{
	enum { OTHERS = 200 };
	struct stmt_opts o = { tu_day("2026-03-01"), tu_day("2026-03-31"), 0, -1 };
	struct adjustment w = { 0, "write_off", 1000, tu_day("2026-03-20"), 0 };
	struct statement s;
	struct ur_err err;
	long before = steps_for_j1(st, q), after;
	char num[32];
	int64_t id;
	size_t adj = 0;

	store_begin(st, &err);
	cust(st, "BIG", "株式会社大口", "カブシキガイシャオオグチ", "JPY", "EOM/+1/EOM");
	for (int i = 0; i < OTHERS; i++) {
		snprintf(num, sizeof num, "BIG-%03d", i);
		w.invoice_id = inv(st, num, "BIG", "2026-03-10", "2026-04-30", 1000, 90, "JPY");
		store_adjustment_insert(st, &w, &id, &err);
	}
	store_commit(st, &err);
	after = steps_for_j1(st, q);
	if (ts_sqlite_only(2, "a statement's work counted in SQLite's steps (its progress "
			      "handler; the server has none)")) {
		tap_ok(before > 0, "J1's statement builds (%ld steps)", before);
		tap_ok(after >= 0 && after - before < OTHERS,
		       "J1's statement takes not one more step per invoice and write-off of another "
		       "customer (%ld steps, then %ld)", before, after);
	}
	tap_is_int(stmt_build(st, q, "BIG", &o, &s, &err), UR_OK, "BIG builds");
	for (size_t i = 0; i < s.nlines; i++)
		adj += s.lines[i].kind == LEDGER_MOVE_ADJUSTMENT;
	tap_is_int((long long)adj, OTHERS, "its write-offs are its movements");
	tap_is_int(s.current, 0, "and clear its invoices");
	stmt_free(&s);
}

static void
test_periods_rates(void)
{
	static const struct {
		const char *terms, *today, *from, *to;
	} p[] = {
		{ "EOM/+1/EOM", "2026-03-31", "2026-03-01", "2026-03-31" },
		{ "EOM/+1/EOM", "2026-03-15", "2026-02-01", "2026-02-28" },
		{ "20/+1/10", "2026-03-15", "2026-01-21", "2026-02-20" },
		{ "20/+1/10", "2026-03-20", "2026-02-21", "2026-03-20" },
		{ "30/+1/EOM", "2026-03-15", "2026-01-31", "2026-02-28" },
		{ "NET30", "2026-03-10", "2026-02-01", "2026-02-28" },
		{ "", "2026-01-31", "2026-01-01", "2026-01-31" },
	};
	int32_t f, t;

	for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
		stmt_default_period(p[i].terms, tu_day(p[i].today), &f, &t);
		tap_is_int(f, tu_day(p[i].from), "%s on %s starts %s", p[i].terms, p[i].today,
			   p[i].from);
		tap_is_int(t, tu_day(p[i].to), "%s on %s ends %s", p[i].terms, p[i].today, p[i].to);
	}
	tap_is_int(stmt_tax_rate(110000, 10000, "JPY"), 10, "10%% exact");
	tap_is_int(stmt_tax_rate(10800, 800, "JPY"), 8, "8%% exact");
	tap_is_int(stmt_tax_rate(1357, 123, "JPY"), 10, "10%% of 1234 rounded down");
	tap_is_int(stmt_tax_rate(1358, 124, "JPY"), 10, "10%% of 1234 rounded up");
	tap_is_int(stmt_tax_rate(1000, 37, "JPY"), STMT_RATE_OTHER, "no single rate");
	tap_is_int(stmt_tax_rate(1000, 0, "JPY"), STMT_RATE_EXEMPT, "tax 0");
	tap_is_int(stmt_tax_rate(1000, -1, "JPY"), STMT_RATE_UNKNOWN, "tax unknown");
	tap_is_int(stmt_tax_rate(113000, 13000, "CNY"), 13, "CNY 13%%");
	tap_is_int(stmt_tax_rate(106000, 6000, "CNY"), 6, "CNY 6%%");
	tap_is_int(stmt_tax_rate(110000, 10000, "USD"), STMT_RATE_OTHER, "no rates for USD");
	tap_is_int(stmt_lang_parse("zh_CN"), STMT_ZH, "zh_CN");
	tap_is_int(stmt_lang_parse("fr"), -1, "fr unknown");
	tap_is_int(stmt_deadline("20/+1/10", "JPY", tu_day("2026-03-20")), tu_day("2026-04-10"),
		   "20/+1/10 closed on the 20th: deadline the 10th of the next month");
	tap_is_int(stmt_deadline("", "JPY", tu_day("2026-03-31")), tu_day("2026-03-31"),
		   "no terms: deadline the closing date");
}

static void
test_postal(void)
{
	static const struct {
		const char *address, *postal, *rest;
	} a[] = {
		{ "〒530-0001 大阪府大阪市北区梅田1-2-3", "〒530-0001", "大阪府大阪市北区梅田1-2-3" },
		{ "530-0001　大阪府", "〒530-0001", "大阪府" },
		{ "5300001\n大阪府", "〒530-0001", "大阪府" },
		{ "〒530-0001", "〒530-0001", "" },
		{ "大阪府大阪市北区梅田1-2-3", "", "大阪府大阪市北区梅田1-2-3" },
		{ "530-00012 号", "", "530-00012 号" },
		{ "1-2-3 Umeda", "", "1-2-3 Umeda" },
	};
	char buf[STMT_POSTAL_SIZE];

	for (size_t i = 0; i < sizeof a / sizeof a[0]; i++) {
		const char *rest = stmt_postal_split(a[i].address, buf);

		tap_is_str(buf, a[i].postal, "address %zu: its postal code", i);
		tap_is_str(rest, a[i].rest, "... and the rest");
	}
}

static void
test_company(void)
{
	struct company c;
	struct ur_err err;

	tap_is_int(company_parse(company_text, "company", &c, &err), UR_OK, "settings parse");
	tap_is_str(company_get(&c, "name", "en"), "Urikake Trading Co., Ltd.", "name.en");
	tap_is_str(company_get(&c, "name", "zh_CN"), "株式会社うりかけ商事", "falls back to name");
	tap_is_str(company_get(&c, "bank", "ja"),
		   "みずほ銀行 丸の内支店 普通 1234567\n口座名義 カ）ウリカケシヨウジ", "\\n breaks");
	tap_is_str(company_get(&c, "printer", "ja"), "", "unset is empty");
	tap_is_str(company_font(&c, "zh_CN"), "WenQuanYi Micro Hei", "Chinese font");
	tap_is_str(company_font(&c, "ja"), "Noto Sans CJK JP", "Japanese font");
	tap_is_int(company_dunning_days(&c, 2), 10, "level 2 gives 10 days");
	company_free(&c);
	tap_is_int(company_parse("name = x\nregistration = T123\n", "co", &c, &err), UR_INPUT,
		   "short registration number rejected");
	tap_is_str(err.msg, "co:2: registration number 'T123' is not T and 13 digits",
		   "message names file and line");
	tap_is_int(company_parse("nmae = x\n", "co", &c, &err), UR_INPUT, "typo rejected");
	tap_is_str(err.msg, "co:1: unknown setting 'nmae'", "unknown key named");
	tap_is_int(company_parse("\n\nname\n", "co", &c, &err), UR_INPUT, "no '='");
	tap_is_str(err.msg, "co:3: expected 'key = value'", "line 3");
	tap_ok(company_registration_valid("T1234567890123"), "T + 13 digits");
	tap_ok(!company_registration_valid("T123456789012X"), "a letter is not a digit");
}

/* Compare a rendering with tests/fixtures/statement/NAME; with
 * UR_UPDATE_GOLDEN=1 in the environment, (re)write the fixture instead,
 * to be reviewed by hand. */
static void
golden(const char *name, const char *got)
{
	char path[1024];
	FILE *f;
	struct strbuf want;
	char buf[4096];
	size_t n;

	snprintf(path, sizeof path, "%s/tests/fixtures/statement/%s", tap_srcdir(), name);
	sb_init(&want);
	if ((f = fopen(path, "rb"))) {
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			sb_add(&want, buf, n);
		fclose(f);
	}
	if (getenv("UR_UPDATE_GOLDEN") && (f = fopen(path, "wb"))) {
		fputs(got, f);
		fclose(f);
		tap_diag("wrote %s", path);
	} else {
		tap_is_str(got, want.buf, "golden %s", name);
	}
	sb_free(&want);
}

static void
test_golden(struct store *st, struct store_statement *q, const struct company *c)
{
	static const char *const codes[] = { "J1", "Z1", "E1" };
	static const char *const files[] = { "ja.txt", "zh_CN.txt", "en.txt" };
	struct stmt_opts o = { tu_day("2026-03-01"), tu_day("2026-03-31"), 0, -1 };
	struct statement s;
	struct ur_err err;
	struct strbuf out;

	for (int i = 0; i < 3; i++) {
		sb_init(&out);
		if (stmt_build(st, q, codes[i], &o, &s, &err) != UR_OK) {
			tap_ok(0, "%s: %s", codes[i], err.msg);
			continue;
		}
		render_statement_text(&s, c, &out);
		golden(files[i], out.buf);
		stmt_free(&s);
		sb_free(&out);
	}
}

/* A built-in letter in every language for exactly the levels the table
 * (contact.c) gives a letter: 1–3, not legal action; and level 0, the
 * balance confirmation. */
static void
test_letter_levels(void)
{
	struct strbuf list;
	struct ur_err err;
	char *text, *name;

	for (int level = 0; level <= ARCONF_LEVELS + 1; level++)
		for (int lang = 0; lang < STMT_LANGS; lang++) {
			enum ur_status rc = dunning_template(level, (enum stmt_lang)lang, NULL,
							     &text, &name, &err);

			tap_is_int(rc,
				   contact_level_letter(level) || level == DUNNING_CONFIRM ? UR_OK
											   : UR_INPUT,
				   "level %d in %s: a template iff the table says a letter (0: the "
				   "balance confirmation)", level,
				   stmt_lang_code((enum stmt_lang)lang));
			if (rc == UR_OK) {
				free(text);
				free(name);
			}
		}
	tap_ok(contact_level_letter(CONTACT_LEVEL_CERTIFIED) &&
		       !contact_level_letter(CONTACT_LEVEL_LEGAL),
	       "letters up to the certified letter, none for legal action");
	sb_init(&list);
	contact_level_list(true, &list);
	tap_is_str(list.buf, "1 Reminder, 2 Demand letter, 3 Certified letter",
		   "the levels with a letter, by name");
	sb_reset(&list);
	contact_level_list(false, &list);
	tap_is_str(list.buf, "1 Reminder, 2 Demand letter, 3 Certified letter, 4 Legal action",
		   "every level");
	sb_free(&list);
}

/* A letter sent is logged at its level, once a day, and the next one is
 * a level up — after that day; on it, the same letter again. */
static void
test_send(struct store *st, const struct statement *s, const struct company *c)
{
	struct dunning_send r = { .st = st, .company = c, .level = 0 };
	struct dunning_letter d;
	struct ur_err err;
	int level = -1;
	bool again = true;

	tap_is_int(dunning_send_next(st, s, s->to, &level, &again, &err), UR_OK, "the next level");
	tap_is_int(level, 1, "… is the first when nothing is recorded");
	tap_ok(!again, "… not a letter sent before");
	r.level = 2;
	tap_is_int(dunning_send_letter(&r, s, &d, &err), UR_OK, "a level-2 letter");
	dunning_send_sent(&r, &d);
	dunning_free(&d);
	tap_is_int(dunning_send_log(&r, s->to, &err), UR_OK, "logged");
	tap_is_int((int)r.nagain, 0, "… as new");
	tap_is_int(dunning_send_log(&r, s->to, &err), UR_OK, "logged again the same day");
	tap_is_int((int)r.nagain, 1, "… is not logged twice");
	tap_is_int(dunning_send_next(st, s, s->to, &level, &again, &err), UR_OK,
		   "the next level the same day");
	tap_ok(level == 2 && again, "… is the letter sent that day, again");
	tap_is_int(dunning_send_next(st, s, s->to + 1, &level, &again, &err), UR_OK,
		   "the next level the day after");
	tap_ok(level == 3 && !again, "… one above the letter logged");
	dunning_send_free(&r);
}

static void
test_dunning(struct store *st, struct store_statement *q, const struct company *c)
{
	struct stmt_opts o = { tu_day("2026-03-31"), tu_day("2026-03-31"), 0, -1 };
	struct statement s;
	struct dunning_letter d;
	struct ur_err err;
	struct strbuf out;
	char *text, *name;

	if (stmt_build(st, q, "J1", &o, &s, &err) != UR_OK) {
		tap_ok(0, "J1: %s", err.msg);
		return;
	}
	tap_is_int(dunning_template(2, STMT_JA, NULL, &text, &name, &err), UR_OK, "built-in");
	tap_is_str(name, "dunning-2.ja.txt", "its name");
	tap_is_int(dunning_build(text, name, &s, c, 2, &d, &err), UR_OK, "督促状 expands");
	tap_is_str(d.title, "督促状", "title is the first line");
	tap_is_int(d.total, 50000, "overdue total: A-6");
	tap_is_int((long long)d.count, 1, "one overdue invoice");
	tap_is_int(d.pay_by, tu_day("2026-04-10"), "10 days to pay at level 2");
	sb_init(&out);
	dunning_text(&d, c, &out);
	golden("dunning-2.ja.txt", out.buf);
	sb_free(&out);
	dunning_free(&d);
	free(text);
	free(name);
	tap_is_int(dunning_build("Title\n{custmer}\n", "t.txt", &s, c, 1, &d, &err), UR_INPUT,
		   "unknown placeholder");
	tap_is_str(err.msg, "t.txt:2: unknown placeholder {custmer}", "named with its line");
	tap_is_int(dunning_build("T\nsee {invoice_table} here\n", "t.txt", &s, c, 1, &d, &err),
		   UR_INPUT, "table inside a line");
	tap_is_int(dunning_build("# only a comment\n\n", "t.txt", &s, c, 1, &d, &err), UR_INPUT,
		   "no title");
	test_letter_levels();
	test_send(st, &s, c);
	stmt_free(&s);
}

TAP_SUITE(statement)
{
	char path[1024];
	struct store *st;
	struct store_statement *q;
	struct company c;
	struct ur_err err;
	int64_t on_account;

	test_periods_rates();
	test_postal();
	test_company();
	ts_db(path, sizeof path, "statement.db");
	if (store_open(&st, path, "tester", &err) != UR_OK) {
		tap_ok(0, "open: %s", err.msg);
		return;
	}
	fixture(st, &on_account);
	store_statement_open(st, &q, &err);
	company_parse(company_text, "company", &c, &err);
	test_ja_period(st, q);
	test_other_periods(st, q);
	test_golden(st, q, &c);
	test_dunning(st, q, &c);
	tap_is_int(ts_q1(path, "SELECT dunning_level FROM contact WHERE channel = 'letter'"), 2,
		   "the contact has the level");
	test_void(st, q, on_account);
	test_own_rows(st, q);
	company_free(&c);
	store_statement_close(q);
	store_close(st);
}
