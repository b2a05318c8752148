/* demo: deterministic sample customers and invoices (fixed-seed PRNG), fed
 * to a sink that either upserts them into the store or writes CSV files. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "demo.h"
#include "demo_story.h"
#include "i18n.h"
#include "kana.h"
#include "money.h"
#include "outfile.h"
#include "store.h"
#include "store_statement.h"
#include "strbuf.h"
#include "terms.h"

/* data/demo-company, compiled in by build-aux/embed.sh. */
extern const char ur_demo_company[];

#define DEMO_SEED 0x75726b6b2026ULL
#define DEMO_MONTHS 12

struct pair {
	const char *kanji, *kana;
};

/* Name prefixes: family names, cities and regions, with their readings. */
static const struct pair jp_prefix[] = {
	{ "山田", "ヤマダ" }, { "田中", "タナカ" }, { "佐藤", "サトウ" }, { "鈴木", "スズキ" },
	{ "高橋", "タカハシ" }, { "伊藤", "イトウ" }, { "渡辺", "ワタナベ" }, { "中村", "ナカムラ" },
	{ "小林", "コバヤシ" }, { "加藤", "カトウ" }, { "吉田", "ヨシダ" }, { "松本", "マツモト" },
	{ "井上", "イノウエ" }, { "木村", "キムラ" }, { "林", "ハヤシ" }, { "清水", "シミズ" },
	{ "森", "モリ" }, { "池田", "イケダ" }, { "橋本", "ハシモト" }, { "石川", "イシカワ" },
	{ "前田", "マエダ" }, { "藤田", "フジタ" }, { "岡田", "オカダ" }, { "長谷川", "ハセガワ" },
	{ "村上", "ムラカミ" }, { "近藤", "コンドウ" }, { "坂本", "サカモト" }, { "遠藤", "エンドウ" },
	{ "青木", "アオキ" }, { "西村", "ニシムラ" }, { "東京", "トウキョウ" }, { "大阪", "オオサカ" },
	{ "名古屋", "ナゴヤ" }, { "横浜", "ヨコハマ" }, { "京都", "キョウト" }, { "神戸", "コウベ" },
	{ "札幌", "サッポロ" }, { "仙台", "センダイ" }, { "広島", "ヒロシマ" }, { "福岡", "フクオカ" },
	{ "北海道", "ホッカイドウ" }, { "東北", "トウホク" }, { "関東", "カントウ" },
	{ "中部", "チュウブ" }, { "関西", "カンサイ" }, { "九州", "キュウシュウ" }, { "四国", "シコク" },
	{ "北陸", "ホクリク" }, { "山陽", "サンヨウ" }, { "湘南", "ショウナン" }, { "富士", "フジ" },
	{ "東洋", "トウヨウ" }, { "大和", "ヤマト" }, { "三河", "ミカワ" }, { "新潟", "ニイガタ" },
	{ "静岡", "シズオカ" }, { "浜松", "ハママツ" }, { "岐阜", "ギフ" }, { "奈良", "ナラ" },
	{ "旭", "アサヒ" }, { "太平洋", "タイヘイヨウ" }, { "桜", "サクラ" }, { "協和", "キョウワ" },
	{ "三和", "サンワ" },
};

/* Business words. */
static const struct pair jp_word[] = {
	{ "商事", "ショウジ" }, { "精機", "セイキ" }, { "製作所", "セイサクショ" },
	{ "建設", "ケンセツ" }, { "電機", "デンキ" }, { "物産", "ブッサン" }, { "工業", "コウギョウ" },
	{ "産業", "サンギョウ" }, { "運輸", "ウンユ" }, { "物流", "ブツリュウ" }, { "化学", "カガク" },
	{ "電子", "デンシ" }, { "食品", "ショクヒン" }, { "製菓", "セイカ" }, { "印刷", "インサツ" },
	{ "鋼材", "コウザイ" }, { "金属", "キンゾク" }, { "工務店", "コウムテン" },
	{ "設備", "セツビ" }, { "電設", "デンセツ" }, { "土木", "ドボク" }, { "不動産", "フドウサン" },
	{ "商会", "ショウカイ" }, { "通商", "ツウショウ" }, { "薬品", "ヤクヒン" }, { "機械", "キカイ" },
	{ "技研", "ギケン" }, { "システム", "システム" }, { "情報", "ジョウホウ" },
	{ "開発", "カイハツ" }, { "繊維", "センイ" }, { "木材", "モクザイ" }, { "建材", "ケンザイ" },
	{ "水産", "スイサン" }, { "酒造", "シュゾウ" }, { "製薬", "セイヤク" },
};

/* Japanese addresses with the matching telephone area code. */
static const struct {
	const char *addr, *area;
} jp_place[] = {
	{ "東京都千代田区丸の内", "03" }, { "東京都港区芝浦", "03" },
	{ "大阪府大阪市北区梅田", "06" }, { "愛知県名古屋市中区栄", "052" },
	{ "神奈川県横浜市西区みなとみらい", "045" }, { "北海道札幌市中央区北一条西", "011" },
	{ "福岡県福岡市博多区博多駅前", "092" }, { "宮城県仙台市青葉区中央", "022" },
	{ "広島県広島市中区基町", "082" }, { "京都府京都市下京区烏丸通", "075" },
	{ "兵庫県神戸市中央区三宮町", "078" }, { "静岡県浜松市中区板屋町", "053" },
	{ "新潟県新潟市中央区万代", "025" }, { "埼玉県さいたま市大宮区桜木町", "048" },
};

/* Chinese cities (name prefix) with their street address and area code. */
static const struct {
	const char *city, *street, *area;
} cn_place[] = {
	{ "上海", "上海市浦东新区世纪大道", "021" }, { "北京", "北京市朝阳区建国路", "010" },
	{ "深圳", "深圳市南山区科技园路", "0755" }, { "广州", "广州市天河区天河路", "020" },
	{ "杭州", "杭州市西湖区文三路", "0571" }, { "苏州", "苏州市工业园区星湖街", "0512" },
	{ "南京", "南京市鼓楼区中山路", "025" }, { "天津", "天津市和平区南京路", "022" },
	{ "成都", "成都市武侯区人民南路", "028" }, { "武汉", "武汉市江汉区解放大道", "027" },
};

static const char *const cn_brand[] = {
	"恒通", "华信", "鼎盛", "宏达", "永利", "瑞丰", "金桥", "新元", "海天", "联创", "博远", "天成",
};
static const char *const cn_trade[] = {
	"贸易", "科技", "电子", "机械", "实业", "物流", "化工", "纺织", "精密", "电气",
};
static const char *const jp_reps[] = {
	"佐藤 健一", "鈴木 美咲", "高橋 翔", "田中 由美", "伊藤 大輔", "渡辺 愛",
};
static const char *const cn_reps[] = { "王伟", "李娜", "张敏" };
static const char *const jp_terms[] = {
	"NET30", "EOM/+1/EOM", "20/+1/10", "25/+1/EOM", "NET60", "15/+0/EOM",
	"EOM/+1/EOM:next", "20/+1/10:prev", "EOM/+2/10:next", "NET45:next", "",
};
static const char *const cn_terms[] = { "NET30", "NET60", "EOM/+1/EOM:next", "NET90:next" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* How an invoice was paid: on date, in full less a transfer fee the
 * customer deducted; an unapplied payment waits in the deposit queue. */
struct demo_pay {
	int32_t date;
	int64_t fee;
	int unapplied;
};

/* How a customer of the small demo pays (the large one, a benchmark load,
 * keeps demo_payment_bench): most on time, some days or weeks late, and a
 * few have stopped paying since a date that puts them at each dunning
 * level, their story logged (demo_story.h). */
enum demo_habit { HABIT_ON_TIME, HABIT_DAYS_LATE, HABIT_WEEKS_LATE, HABIT_STOPPED };

/* Where generated records go. */
struct demo_sink {
	enum ur_status (*customer)(void *ctx, const struct customer *c, struct ur_err *err);
	enum ur_status (*invoice)(void *ctx, const struct invoice *inv, struct ur_err *err);
	enum ur_status (*payment)(void *ctx, const struct customer *c, const struct invoice *inv,
				  const struct demo_pay *p, struct ur_err *err);
	/* a customer who stopped paying: the contacts logged since */
	enum ur_status (*story)(void *ctx, const struct customer *c, int32_t oldest_due,
				int64_t overdue, struct ur_err *err);
	void *ctx;
};

/* One customer being generated, with the strings its struct points to. */
struct demo_cust {
	struct customer c;
	struct terms terms;
	enum cal_region region;
	int64_t base; /* typical net amount of one invoice */
	enum demo_habit habit;
	int32_t stopped; /* HABIT_STOPPED: invoices due from this day on are unpaid */
	char code[16], terms_text[TERMS_TEXT_SIZE], phone[24], email[48];
	struct strbuf name, kana, kana_key, address;
};

struct demo_gen {
	uint64_t rng;
	enum demo_size size;
	size_t ncust, per_cust;
	int32_t today, first_month; /* first day of the oldest month */
	size_t month_seq[DEMO_MONTHS];
	struct demo_counts n;
};

/* splitmix64: small, fast, and the same everywhere. */
static uint64_t
demo_next(struct demo_gen *g)
{
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static size_t
demo_pick(struct demo_gen *g, size_t n)
{
	return (size_t)(demo_next(g) % n);
}

/* 株式会社山田商事, 山田商事株式会社, 有限会社…, …合同会社 with the reading. */
static void
demo_jp_name(struct demo_gen *g, size_t i, struct demo_cust *d)
{
	static const struct pair forms[] = {
		{ "株式会社", "カブシキガイシャ" },
		{ "有限会社", "ユウゲンガイシャ" },
		{ "合同会社", "ゴウドウガイシャ" },
	};
	const struct pair *p = &jp_prefix[i % COUNT(jp_prefix)];
	const struct pair *w = &jp_word[(i / COUNT(jp_prefix) + 7 * i) % COUNT(jp_word)];
	size_t roll = demo_pick(g, 20);
	const struct pair *f = &forms[roll < 15 ? 0 : roll < 18 ? 1 : 2];
	int before = roll < 8 || (roll >= 15 && roll < 18);

	sb_addf(&d->name, "%s%s%s%s", before ? f->kanji : "", p->kanji, w->kanji,
		before ? "" : f->kanji);
	sb_addf(&d->kana, "%s%s%s%s", before ? f->kana : "", p->kana, w->kana,
		before ? "" : f->kana);
}

static void
demo_jp_customer(struct demo_gen *g, size_t i, struct demo_cust *d)
{
	size_t pl = demo_pick(g, COUNT(jp_place));
	size_t local = strlen(jp_place[pl].area) == 2 ? 4 : 3;

	demo_jp_name(g, i, d);
	d->c.currency = "JPY";
	d->region = CAL_JP;
	snprintf(d->terms_text, sizeof d->terms_text, "%s", jp_terms[i % COUNT(jp_terms)]);
	d->c.sales_rep = jp_reps[demo_pick(g, COUNT(jp_reps))];
	snprintf(d->phone, sizeof d->phone, "%s-%0*zu-%04zu", jp_place[pl].area, (int)local,
		 100 + demo_pick(g, local == 4 ? 9900 : 900), demo_pick(g, 10000));
	snprintf(d->email, sizeof d->email, "keiri@c%05zu.example.jp", i + 1);
	sb_addf(&d->address, "%s%zu-%zu-%zu", jp_place[pl].addr, 1 + demo_pick(g, 5),
		1 + demo_pick(g, 20), 1 + demo_pick(g, 30));
	/* net 50,000–3,000,000 yen, in hundreds */
	d->base = (int64_t)(500 + demo_pick(g, 29500)) * 100;
	d->c.credit_limit = i % 3 == 0 ? (d->base * 6 / 1000000 + 1) * 1000000 : 0;
}

static void
demo_cn_customer(struct demo_gen *g, size_t i, struct demo_cust *d)
{
	size_t city = demo_pick(g, COUNT(cn_place));

	sb_addf(&d->name, "%s%s%s%s", cn_place[city].city, cn_brand[demo_pick(g, COUNT(cn_brand))],
		cn_trade[demo_pick(g, COUNT(cn_trade))],
		demo_pick(g, 4) == 0 ? "股份有限公司" : "有限公司");
	d->c.currency = "CNY";
	d->region = CAL_CN;
	snprintf(d->terms_text, sizeof d->terms_text, "%s", cn_terms[i % COUNT(cn_terms)]);
	d->c.sales_rep = cn_reps[demo_pick(g, COUNT(cn_reps))];
	snprintf(d->phone, sizeof d->phone, "%s-%04zu-%04zu", cn_place[city].area,
		 1000 + demo_pick(g, 9000), demo_pick(g, 10000));
	snprintf(d->email, sizeof d->email, "finance@c%05zu.example.cn", i + 1);
	sb_addf(&d->address, "%s%zu号", cn_place[city].street, 1 + demo_pick(g, 999));
	/* net 2,000.00–200,000.00 yuan, in fen */
	d->base = (int64_t)(2000 + demo_pick(g, 198000)) * 100;
	d->c.credit_limit = i % 4 == 0 ? (d->base * 5 / 10000000 + 1) * 10000000 : 0;
}

/* Customer i's habit: of each 15, one stopped paying (4, 25, 50, 80 or
 * 110 days before today in turn: none, or the first to the fourth dunning
 * level reached), two pay days late and one weeks late. */
static void
demo_habit_of(const struct demo_gen *g, size_t i, struct demo_cust *d)
{
	static const int32_t stopped_days[] = { 4, 25, 50, 80, 110 };

	d->habit = HABIT_ON_TIME;
	d->stopped = 0;
	if (g->size == DEMO_LARGE)
		return;
	switch (i % 15) {
	case 4:
		d->habit = HABIT_STOPPED;
		d->stopped = g->today - stopped_days[(i / 15) % COUNT(stopped_days)];
		break;
	case 7:
	case 11: d->habit = HABIT_DAYS_LATE; break;
	case 13: d->habit = HABIT_WEEKS_LATE; break;
	default: break;
	}
}

/* Customer i: one in ten is a Chinese company billed in CNY. */
static void
demo_customer(struct demo_gen *g, size_t i, struct demo_cust *d)
{
	struct ur_err e;

	memset(&d->c, 0, sizeof d->c);
	sb_reset(&d->name);
	sb_reset(&d->kana);
	sb_reset(&d->kana_key);
	sb_reset(&d->address);
	/* at most ten digits: the code always fits */
	snprintf(d->code, sizeof d->code, "C%05u", (unsigned)(i + 1));
	if (i % 10 == 9)
		demo_cn_customer(g, i, d);
	else
		demo_jp_customer(g, i, d);
	if (terms_parse(d->terms_text, &d->terms, &e) != UR_OK)
		d->terms.kind = TERMS_NONE;
	kana_fold(d->kana.len ? d->kana.buf : d->name.buf, &d->kana_key, NULL);
	d->c.code = d->code;
	d->c.name = d->name.buf;
	d->c.kana = d->kana.buf;
	d->c.kana_key = d->kana_key.buf;
	d->c.terms = d->terms_text;
	d->c.phone = d->phone;
	d->c.email = d->email;
	d->c.address = d->address.buf;
	demo_habit_of(g, i, d);
}

/* Invoice j of the customer: spread over the 12 months, issued on a
 * weekday-ish day no later than today; 10% tax (13% VAT in China). */
static void
demo_invoice(struct demo_gen *g, const struct demo_cust *d, size_t j, struct invoice *inv,
	     char *number, size_t size, char *memo, size_t msize)
{
	int month = (int)(j * DEMO_MONTHS / g->per_cust), y, m, day;
	int32_t first = date_add_months_clamped(g->first_month, month);
	int32_t last = date_end_of_month(first);
	int64_t net;

	memo[0] = '\0';
	if (last > g->today)
		last = g->today;
	inv->issue_date = first + (int32_t)demo_pick(g, (size_t)(last - first) + 1);
	date_to_ymd(inv->issue_date, &y, &m, &day);
	snprintf(number, size, "INV-%02d%02d-%06zu", y % 100, m, ++g->month_seq[month]);
	net = d->base * (int64_t)(50 + demo_pick(g, 101)) / 100;
	if (d->region == CAL_JP) {
		net = net / 100 * 100;
		inv->tax = net / 10;
		if (demo_pick(g, 3))
			snprintf(memo, msize, "%d月分 ご請求", m);
	} else {
		inv->tax = net * 13 / 100;
		if (demo_pick(g, 3))
			snprintf(memo, msize, "%d月货款", m);
	}
	inv->number = number;
	inv->customer = d->code;
	inv->currency = d->c.currency;
	inv->amount = net + inv->tax;
	inv->memo = memo;
	inv->due_date = terms_due_date(&d->terms, inv->issue_date, d->region);
}

/* The large demo (a benchmark load, its figures in README): whether and
 * how invoice inv is paid by today — the later past due, the likelier;
 * most pay around the due date, some a few days late. */
static int
demo_payment_bench(struct demo_gen *g, const struct demo_cust *d, const struct invoice *inv,
	     struct demo_pay *p)
{
	int32_t late = g->today - inv->due_date;
	size_t pct = late < -20 ? 2 : late < 0 ? 12 : late <= 30 ? 55 : late <= 60 ? 80
		   : late <= 90 ? 88 : 95;
	size_t roll = demo_pick(g, 100), delay = demo_pick(g, 14), fee = demo_pick(g, 8);

	if (roll >= pct)
		return 0;
	p->date = inv->due_date - 4 + (int32_t)delay;
	if (p->date > g->today)
		p->date = g->today;
	if (p->date < inv->issue_date)
		p->date = inv->issue_date;
	p->fee = d->region == CAL_JP && fee < 2 ? (fee ? 440 : 660) : 0;
	p->unapplied = roll % 40 == 7;
	return 1;
}

/* Whether (and how) invoice inv is paid by today, by the customer's habit:
 * on time pays in the five days up to the due date, days late 3–12 days
 * after it, weeks late 14–34 days after; a payment of the last few days
 * may still wait unapplied in the deposit queue. */
static int
demo_payment(struct demo_gen *g, const struct demo_cust *d, const struct invoice *inv,
	     struct demo_pay *p)
{
	size_t roll, fee;
	int32_t delay;

	if (g->size == DEMO_LARGE)
		return demo_payment_bench(g, d, inv, p);
	roll = demo_pick(g, 100);
	fee = demo_pick(g, 8);
	delay = (int32_t)demo_pick(g, 21);
	if (d->habit == HABIT_STOPPED && inv->due_date >= d->stopped)
		return 0;
	p->date = d->habit == HABIT_DAYS_LATE    ? inv->due_date + 3 + delay / 2
		: d->habit == HABIT_WEEKS_LATE ? inv->due_date + 14 + delay
					       : inv->due_date - delay / 4;
	if (p->date > g->today)
		return 0;
	if (p->date < inv->issue_date)
		p->date = inv->issue_date;
	p->fee = d->region == CAL_JP && fee < 2 ? (fee ? 440 : 660) : 0;
	p->unapplied = g->today - p->date < 5 && roll % 4 == 0;
	return 1;
}

static enum ur_status
demo_run(enum demo_size size, int32_t today, const struct demo_sink *sink,
	 struct demo_counts *out, struct ur_err *err)
{
	struct demo_gen g;
	struct demo_cust d;
	struct invoice inv;
	char number[32], memo[64];
	struct demo_pay pay;
	enum ur_status s = UR_OK;

	memset(&g, 0, sizeof g);
	g.rng = DEMO_SEED;
	g.size = size;
	g.ncust = size == DEMO_LARGE ? 50000 : 300;
	g.per_cust = size == DEMO_LARGE ? 20 : 24;
	g.today = today;
	g.first_month = date_add_months_clamped(date_end_of_month(date_add_months_clamped(today, -1)) + 1,
						1 - DEMO_MONTHS);
	memset(&d, 0, sizeof d);
	sb_init(&d.name);
	sb_init(&d.kana);
	sb_init(&d.kana_key);
	sb_init(&d.address);
	for (size_t i = 0; i < g.ncust && s == UR_OK; i++) {
		int32_t oldest = 0; /* a stopped payer's oldest overdue invoice */
		int64_t overdue = 0;

		demo_customer(&g, i, &d);
		s = sink->customer(sink->ctx, &d.c, err);
		g.n.customers += s == UR_OK;
		for (size_t j = 0; j < g.per_cust && s == UR_OK; j++) {
			memset(&inv, 0, sizeof inv);
			demo_invoice(&g, &d, j, &inv, number, sizeof number, memo, sizeof memo);
			s = sink->invoice(sink->ctx, &inv, err);
			g.n.invoices += s == UR_OK;
			if (s == UR_OK && demo_payment(&g, &d, &inv, &pay))
				s = sink->payment(sink->ctx, &d.c, &inv, &pay, err);
			else if (d.habit == HABIT_STOPPED && inv.due_date >= d.stopped &&
				 inv.due_date < g.today) {
				oldest = oldest && oldest < inv.due_date ? oldest : inv.due_date;
				overdue += inv.amount;
			}
		}
		if (s == UR_OK && oldest)
			s = sink->story(sink->ctx, &d.c, oldest, overdue, err);
	}
	sb_free(&d.name);
	sb_free(&d.kana);
	sb_free(&d.kana_key);
	sb_free(&d.address);
	if (out)
		*out = g.n;
	return s;
}

/* The store sink: the customer being written and the deposit counter. */
struct demo_store {
	struct store *st;
	int64_t cust_id;
	size_t deposits;
	int32_t today;
};

static enum ur_status
demo_store_customer(void *ctx, const struct customer *c, struct ur_err *err)
{
	struct demo_store *x = ctx;
	struct customer got;
	enum store_upsert what;

	if (store_customer_upsert(x->st, c, &what, err) != UR_OK ||
	    store_customer_get(x->st, c->code, &got, err) != UR_OK)
		return err->status;
	x->cust_id = got.id;
	return UR_OK;
}

static enum ur_status
demo_store_invoice(void *ctx, const struct invoice *inv, struct ur_err *err)
{
	struct demo_store *x = ctx;
	enum store_upsert what;

	return store_invoice_upsert(x->st, inv, &what, err);
}

/* A deposit from the customer (bank-style reference, payer as its reading)
 * and, unless left unapplied, its allocation to the invoice. */
static enum ur_status
demo_store_payment(void *ctx, const struct customer *c, const struct invoice *inv,
		   const struct demo_pay *p, struct ur_err *err)
{
	struct demo_store *x = ctx;
	struct deposit dep;
	struct allocation a;
	struct invoice got;
	enum store_upsert what;
	int64_t open, dep_id, alloc_id;
	char ref[16];

	if (store_invoice_get(x->st, inv->number, &got, &open, err) != UR_OK)
		return err->status;
	memset(&dep, 0, sizeof dep);
	snprintf(ref, sizeof ref, "%08zu", ++x->deposits);
	dep.acct_bank = "0001";
	dep.acct_branch = "001";
	dep.payer.acct_number = "1234567";
	dep.booking_date = dep.value_date = p->date;
	dep.amount = inv->amount - p->fee;
	dep.currency = inv->currency;
	dep.payer.payer_name = c->kana && *c->kana ? c->kana : c->name;
	dep.payer.payer_key = c->kana_key;
	dep.reference = ref;
	if (store_deposit_insert(x->st, &dep, &dep_id, &what, err) != UR_OK)
		return err->status;
	if (p->unapplied)
		return UR_OK;
	memset(&a, 0, sizeof a);
	a.deposit_id = dep_id;
	a.invoice_id = got.id;
	a.customer_id = x->cust_id;
	a.amount = dep.amount;
	a.fee = p->fee;
	a.kind = p->fee ? ALLOC_MANUAL : ALLOC_AUTO;
	a.alloc_date = a.made_on = p->date; /* a payment of the past, matched then */
	if (store_allocation_insert(x->st, &a, &alloc_id, err) != UR_OK)
		return err->status;
	return store_deposit_set_state(x->st, dep_id, DEPOSIT_UNMATCHED, DEPOSIT_MATCHED,
				       x->cust_id, NULL, err);
}

static enum ur_status
demo_store_story(void *ctx, const struct customer *c, int32_t oldest_due, int64_t overdue,
		 struct ur_err *err)
{
	struct demo_store *x = ctx;

	return demo_story_log(x->st, x->cust_id, strcmp(c->currency, "CNY") == 0, oldest_due,
			      overdue, x->today, err);
}

static int
demo_any(const struct customer *c, void *ctx)
{
	(void)c;
	*(int *)ctx = 1;
	return 1;
}

enum ur_status
demo_fill(struct store *st, enum demo_size size, int32_t today, struct demo_counts *out,
	  struct ur_err *err)
{
	struct demo_store x = { st, 0, 0, today };
	const struct demo_sink sink = { demo_store_customer, demo_store_invoice,
					demo_store_payment, demo_store_story, &x };
	struct demo_counts n;
	char after[128];
	int any = 0;

	if (store_customers_each(st, demo_any, &any, err) != UR_OK)
		return err->status;
	if (any)
		return ur_fail(err, UR_INPUT,
			       _("the database already holds customers: the demo needs a new one"));
	if (store_begin(st, err) != UR_OK)
		return err->status;
	if (demo_run(size, today, &sink, &n, err) == UR_OK) {
		if (out)
			*out = n;
		snprintf(after, sizeof after, "{\"size\":\"%s\",\"customers\":%zu,\"invoices\":%zu}",
			 size == DEMO_LARGE ? "large" : "small", n.customers, n.invoices);
		if (store_company_settings_set(st, ur_demo_company, err) == UR_OK &&
		    store_audit(st, "demo", "database", NULL, after, err) == UR_OK &&
		    store_commit(st, err) == UR_OK)
			return UR_OK;
	}
	store_rollback(st);
	return err->status != UR_OK ? err->status : UR_FAIL;
}

/* CSV files being written (outfile.h), and the row buffer. */
struct demo_csv {
	struct outfile cust, inv;
	struct strbuf row;
};

static enum ur_status
demo_csv_row(struct demo_csv *x, struct outfile *f, struct ur_err *err)
{
	enum ur_status rc = outfile_write(f, x->row.buf, x->row.len, err);

	sb_reset(&x->row);
	return rc;
}

static void
demo_csv_money(struct strbuf *row, int64_t v, const char *cur, int present, int last)
{
	char buf[MONEY_BUFSZ];

	buf[0] = '\0';
	if (present)
		money_format(v, cur, MONEY_PLAIN, buf, sizeof buf);
	csv_put_sep(row, buf, last);
}

static enum ur_status
demo_csv_customer(void *ctx, const struct customer *c, struct ur_err *err)
{
	struct demo_csv *x = ctx;

	csv_put_sep(&x->row, c->code, 0);
	csv_put_sep(&x->row, c->name, 0);
	csv_put_sep(&x->row, c->kana, 0);
	csv_put_sep(&x->row, c->currency, 0);
	csv_put_sep(&x->row, c->terms, 0);
	demo_csv_money(&x->row, c->credit_limit, c->currency, c->credit_limit != 0, 0);
	csv_put_sep(&x->row, c->sales_rep, 0);
	csv_put_sep(&x->row, c->phone, 0);
	csv_put_sep(&x->row, c->email, 0);
	csv_put_sep(&x->row, c->address, 1);
	return demo_csv_row(x, &x->cust, err);
}

static enum ur_status
demo_csv_invoice(void *ctx, const struct invoice *inv, struct ur_err *err)
{
	struct demo_csv *x = ctx;
	char issue[DATE_ISO_SIZE], due[DATE_ISO_SIZE];

	date_format_iso(inv->issue_date, issue);
	date_format_iso(inv->due_date, due);
	csv_put_sep(&x->row, inv->number, 0);
	csv_put_sep(&x->row, inv->customer, 0);
	csv_put_sep(&x->row, issue, 0);
	csv_put_sep(&x->row, due, 0);
	demo_csv_money(&x->row, inv->amount, inv->currency, 1, 0);
	csv_put_sep(&x->row, inv->currency, 0);
	demo_csv_money(&x->row, inv->tax, inv->currency, inv->tax >= 0, 0);
	csv_put_sep(&x->row, inv->memo, 1);
	return demo_csv_row(x, &x->inv, err);
}

/* Payments stay out of the CSV files (they hold what `import` reads). */
static enum ur_status
demo_csv_payment(void *ctx, const struct customer *c, const struct invoice *inv,
		 const struct demo_pay *p, struct ur_err *err)
{
	(void)ctx;
	(void)c;
	(void)inv;
	(void)p;
	(void)err;
	return UR_OK;
}

/* So do the contacts. */
static enum ur_status
demo_csv_story(void *ctx, const struct customer *c, int32_t oldest_due, int64_t overdue,
	       struct ur_err *err)
{
	(void)ctx;
	(void)c;
	(void)oldest_due;
	(void)overdue;
	(void)err;
	return UR_OK;
}

/* Start dir/name (replacing an earlier demo's), with its header line. */
static enum ur_status
demo_csv_open(struct outfile *f, const char *dir, const char *name, const char *header,
	      struct ur_err *err)
{
	struct strbuf path;
	enum ur_status rc;

	sb_init(&path);
	sb_addf(&path, "%s/%s", dir, name);
	if ((rc = outfile_open(f, path.buf, 0666, OUTFILE_REPLACE, err)) == UR_OK)
		rc = outfile_write(f, header, strlen(header), err);
	sb_free(&path);
	return rc;
}

/* Put the file in place when everything went well, else remove it. */
static enum ur_status
demo_csv_close(struct outfile *f, enum ur_status rc, struct ur_err *err)
{
	if (rc == UR_OK)
		return outfile_commit(f, err);
	outfile_abort(f);
	return rc;
}

enum ur_status
demo_write_csv(const char *dir, enum demo_size size, int32_t today, struct demo_counts *out,
	       struct ur_err *err)
{
	struct demo_csv x;
	const struct demo_sink sink = { demo_csv_customer, demo_csv_invoice, demo_csv_payment,
					demo_csv_story, &x };
	enum ur_status s;

	ur_err_clear(err);
	memset(&x, 0, sizeof x);
	sb_init(&x.row);
	s = demo_csv_open(&x.cust, dir, "customers.csv",
			  "code,name,kana,currency,terms,credit_limit,sales_rep,phone,email,"
			  "address\n", err);
	if (s == UR_OK)
		s = demo_csv_open(&x.inv, dir, "invoices.csv",
				  "number,customer,issue_date,due_date,amount,currency,tax,"
				  "memo\n", err);
	if (s == UR_OK)
		s = demo_run(size, today, &sink, out, err);
	s = demo_csv_close(&x.inv, s, err);
	s = demo_csv_close(&x.cust, s, err);
	sb_free(&x.row);
	return s;
}
