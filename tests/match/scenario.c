/* scenario: the generated two-month world the match benchmarks and the
 * quality test measure against (see scenario.h). Payer names follow
 * research §2: ｶ) prefix, (ｶ suffix, (ｶ) mid-name with a branch, spaced
 * words, spelled-out legal forms, 依頼人番号, truncation at 26 characters,
 * (ｴｲ branch offices, the (ｶ) mis-entry, no marker, and typos. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "scenario.h"
#include "text.h"
#include "xalloc.h"

static const char *const family[] = {
	"ヤマダ", "スズキ", "タナカ", "サトウ", "タカハシ", "イトウ", "ワタナベ", "ナカムラ",
	"コバヤシ", "カトウ", "ヨシダ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "シミズ",
	"ヤマザキ", "モリ", "アベ", "イケダ", "ハシモト", "ヤマグチ", "イシカワ", "オガワ",
	"オカダ", "ゴトウ", "ハセガワ", "フジタ", "ニシムラ", "ミヤザキ", "トウキョウ", "オオサカ",
	"ナゴヤ", "ヨコハマ", "キョウト", "コウベ", "サッポロ", "フクオカ", "センダイ", "ヒロシマ",
	"ニッポン", "トウヨウ", "ダイイチ", "シンワ", "ミライ", "アサヒ", "ヒカリ", "サクラ",
	"ミドリ", "アオバ", "ホクト", "チュウオウ", "ヤマト", "ミズホ", "フジ", "ツバサ",
};
static const char *const business[] = {
	"ショウジ", "コウギョウ", "サンギョウ", "デンキ", "ケンセツ", "ショウカイ", "フドウサン",
	"セイサクショ", "ブッサン", "ツウシン", "システム", "ソフト", "ロジスティクス",
	"ショクヒン", "セイヤク", "ジドウシャ", "コウム", "セッケイ", "インサツ", "キカイ",
	"カガク", "トレーディング", "エンジニアリング", "サービス", "メディカル", "デザイン",
	"コンサルティング", "ショウテン", "ユソウ", "ノウエン",
};
static const char *const given[] = { "タロウ", "ハナコ", "ジロウ", "ケンジ", "ユミ",
				     "アキラ", "マコト", "サトシ", "キョウコ", "ヒロシ" };
static const char *const corp_kanji[] = { "株式会社", "有限会社", "合同会社", "医療法人" };
static const char *const corp_abbr[] = { "ｶ", "ﾕ", "ﾄﾞ", "ｲ" };
static const char *const corp_long[] = { "ｶﾌﾞｼｷｶﾞｲｼﾔ", "ﾕｳｹﾞﾝｶﾞｲｼﾔ", "ｺﾞｳﾄﾞｳｶﾞｲｼﾔ",
					 "ｲﾘﾖｳﾎｳｼﾞﾝ" };
static const char *const banks[] = { "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "ﾐｽﾞﾎ", "ﾐﾂｲｽﾐﾄﾓ", "ﾘｿﾅ", "ﾖｺﾊﾏ",
				     "ﾁﾊﾞ", "ｼｽﾞｵｶ" };
static const char *const branches[] = { "ﾎﾝﾃﾝ", "ｼﾝｼﾞﾕｸ", "ｼﾌﾞﾔ", "ｳｴﾉ", "ｲｹﾌﾞｸﾛ",
					"ｵｵｻｶ", "ﾅｺﾞﾔ" };
static const char *const strangers[] = { "ｺｸｾﾞｲｷﾖｸ", "ﾘｿｸ", "ﾎｹﾝｷﾝ ｼﾊﾗｲ", "ｶ)ﾍﾞﾂﾉｶｲｼﾔ",
					 "ｾﾞｲﾑｼﾖ ｶﾝﾌﾟｷﾝ", "ﾕ)ﾐｼﾗﾇﾄﾘﾋｷｻｷ" };
static const char *const holding[] = { "ﾀﾞｲﾄｳ", "ｺｳﾖｳ", "ｾｲﾜ", "ﾊｸﾖｳ", "ｼﾝｾｲ" };
static const int64_t fees[] = { 440, 660, 220, 880, 110, 330, 770 };

#define NFAM (int)(sizeof family / sizeof family[0])
#define NBUS (int)(sizeof business / sizeof business[0])
#define MAIN_ACCOUNT "1234567"

/* What drives one customer's payments (kept beside the public record). */
struct sc_who {
	int corp;        /* index into corp_*; -1: an individual */
	int fam, bus;    /* words of the kana name */
	int conv;        /* payer-name convention */
	int64_t fee;     /* deducted per deposit, 0: none */
	int64_t monthly; /* identical amount every month, 0: varies */
	int payer;       /* customer index paying for it (parent), or -1 */
	int stranger_parent; /* parent that is not a customer */
	int owner;       /* paid by its owner under a personal name */
	int edi, va;
	char name[256];  /* payer name as sent */
	char code[12];
	int bank, branch;
};

struct gen {
	struct scenario *s;
	struct sc_who *who;
	uint64_t rng;
	uint64_t master_rng; /* the master's payer links: a stream of their own,
			      * so that the world itself stays as it was */
	int64_t *open; /* true open amount per invoice */
	int capinv, capdep;
};

static uint64_t
rnd(struct gen *g)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return g->rng * 2685821657736338717ull;
}

static int
pick(struct gen *g, int n)
{
	return (int)(rnd(g) % (uint64_t)n);
}

/* True with probability pct percent. */
static int
chance(struct gen *g, int pct)
{
	return pick(g, 1000) < pct * 10;
}

static const char *const fw_plain = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ"
				    "マミムメモヤユヨラリルレロワヲン";
static const char *const hw_plain = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
static const char *const fw_voiced = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
static const char *const hw_voiced = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
static const char *const fw_semi = "パピプペポ";
static const char *const hw_semi = "ﾊﾋﾌﾍﾎ";
static const char *const fw_small = "ァィゥェォッャュョヮ";
static const char *const hw_small = "ｱｲｳｴｵﾂﾔﾕﾖﾜ";

/* Position of code point cp in the UTF-8 text set, or -1. */
static int
cp_index(const char *set, uint32_t cp)
{
	size_t n = strlen(set), i = 0, len;
	uint32_t c;
	int k = 0;

	for (; i < n; i += len, k++) {
		len = utf8_decode(set + i, n - i, &c);
		if (c == cp)
			return k;
	}
	return -1;
}

/* The k-th code point of set, appended to out. */
static void
cp_put(struct strbuf *out, const char *set, int k)
{
	size_t n = strlen(set), i = 0, len = 0;
	uint32_t c = 0;

	for (; k >= 0 && i < n; i += len, k--)
		len = utf8_decode(set + i, n - i, &c);
	utf8_append(out, c);
}

static void
hw_one(struct strbuf *out, uint32_t cp)
{
	int k;

	if ((k = cp_index(fw_plain, cp)) >= 0) {
		cp_put(out, hw_plain, k);
	} else if ((k = cp_index(fw_voiced, cp)) >= 0) {
		cp_put(out, hw_voiced, k);
		sb_adds(out, "ﾞ");
	} else if ((k = cp_index(fw_semi, cp)) >= 0) {
		cp_put(out, hw_semi, k);
		sb_adds(out, "ﾟ");
	} else if ((k = cp_index(fw_small, cp)) >= 0) {
		cp_put(out, hw_small, k);
	} else if (cp == 0x30FC) {
		sb_addc(out, '-');
	} else if (cp == 0x30F4) {
		sb_adds(out, "ｳﾞ");
	} else {
		utf8_append(out, cp);
	}
}

void
scenario_halfwidth(const char *in, char *out, size_t cap)
{
	struct strbuf sb;
	size_t n = strlen(in), i = 0, len;
	uint32_t cp;

	sb_init(&sb);
	for (; i < n; i += len) {
		len = utf8_decode(in + i, n - i, &cp);
		if (len == 0)
			len = 1;
		hw_one(&sb, cp);
	}
	snprintf(out, cap, "%s", sb.buf);
	sb_free(&sb);
}

/* Cut UTF-8 text s after max code points (a bank field limit). */
static void
cut_chars(char *s, int max)
{
	size_t i = 0;
	int k = 0;

	for (; s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && k++ == max)
			break;
	s[i] = '\0';
}

/* Drop the code point in the middle of s (a typing slip). */
static void
drop_middle(char *s)
{
	size_t n = strlen(s), i, j;
	int cps = 0, k = 0;

	for (i = 0; i < n; i++)
		cps += ((unsigned char)s[i] & 0xc0) != 0x80;
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && k++ == cps / 2)
			break;
	for (j = i + 1; j < n && ((unsigned char)s[j] & 0xc0) == 0x80; j++)
		;
	memmove(s + i, s + j, n - j + 1);
}

/* The payer name a customer's bank sends, in convention w->conv. */
static void
payer_name(const struct sc_who *w, char *out, size_t cap)
{
	char fam[64], bus[96], name[160];
	const char *ab = w->corp >= 0 ? corp_abbr[w->corp] : "";

	scenario_halfwidth(family[w->fam], fam, sizeof fam);
	scenario_halfwidth(business[w->bus], bus, sizeof bus);
	snprintf(name, sizeof name, "%s%s", fam, bus);
	if (w->corp < 0) {
		snprintf(out, cap, "%s %s", fam, bus);
		return;
	}
	switch (w->conv) {
	case 1: snprintf(out, cap, "%s(%s", name, ab); break;
	case 2: snprintf(out, cap, "%s(%s)ﾄｳｷﾖｳｼﾃﾝ", name, ab); break;
	case 3: snprintf(out, cap, "%s) %s %s", ab, fam, bus); break;
	case 4: snprintf(out, cap, "%s %s", corp_long[w->corp], name); cut_chars(out, 48); break;
	case 5: snprintf(out, cap, "%07d %s)%s", (w->fam * 7919 + w->bus) % 10000000, ab, name);
		break;
	case 6: snprintf(out, cap, "%s %s", corp_long[w->corp], name); cut_chars(out, 26); break;
	case 7: snprintf(out, cap, "%s(%s)ｵｵｻｶ(ｴｲ", name, ab); break;
	case 8: snprintf(out, cap, "(%s)%s", ab, name); break;
	case 9: snprintf(out, cap, "%s", name); break;
	case 10: drop_middle(name); snprintf(out, cap, "%s)%s", ab, name); break;
	default: snprintf(out, cap, "%s)%s", ab, name); break;
	}
}

static int
pick_conv(struct gen *g)
{
	static const int weight[] = { 30, 15, 5, 8, 8, 5, 7, 4, 5, 8, 5 };
	int r = pick(g, 100), k = 0;

	while (k < 10 && r >= weight[k])
		r -= weight[k++];
	return k;
}

/* A kana name not used yet (a few deliberate twins differ only in type). */
static void
unique_name(struct gen *g, int i, struct sc_who *w, char *used)
{
	do {
		w->fam = pick(g, NFAM);
		w->bus = pick(g, NBUS);
	} while (used[w->fam * NBUS + w->bus]);
	used[w->fam * NBUS + w->bus] = 1;
	if (i > 0 && i % 97 == 0 && g->who[i - 1].corp == 0) { /* 有限会社 twin of the last */
		w->fam = g->who[i - 1].fam;
		w->bus = g->who[i - 1].bus;
		w->corp = 1;
	}
}

static void
gen_customer(struct gen *g, int i, char *used)
{
	struct sc_customer *c = &g->s->cust[i];
	struct sc_who *w = &g->who[i];
	int r = pick(g, 100);

	memset(w, 0, sizeof *w);
	w->corp = r < 60 ? 0 : r < 80 ? 1 : r < 86 ? 2 : r < 90 ? 3 : -1;
	unique_name(g, i, w, used);
	w->conv = pick_conv(g);
	w->fee = chance(g, 35) ? fees[pick(g, 7)] : 0;
	w->monthly = chance(g, 30) ? (int64_t)(pick(g, 2000) + 10) * 1100 : 0;
	w->payer = -1;
	w->bank = pick(g, 7);
	w->branch = pick(g, 7);
	w->edi = chance(g, 8);
	w->va = chance(g, 7);
	if (chance(g, 10))
		snprintf(w->code, sizeof w->code, "%010d", pick(g, 1000000000));
	snprintf(c->code, sizeof c->code, "C%05d", i + 1);
	snprintf(c->kana, sizeof c->kana, "%s%s%s", family[w->fam], w->corp < 0 ? " " : "",
		 business[w->bus]);
	snprintf(c->name, sizeof c->name, "%s%s", w->corp >= 0 ? corp_kanji[w->corp] : "",
		 c->kana);
	if (w->va)
		snprintf(c->acct, sizeof c->acct, "9%06d", i + 1);
	payer_name(w, w->name, sizeof w->name);
}

/* Whether the customer master records a payer link (representative or
 * paying parent) of a customer that is paid for that way: 70%. An office
 * enters the 請求先 when invoices go to the parent and the 代表者 from the
 * credit application or the 登記簿, so most are there; but the master of a
 * small shop or an older account often lacks them, and a group's paying
 * arrangement often changes without anyone telling accounting — those the
 * clerk only learns from the first unexplained deposit. */
static int
master_knows(struct gen *g)
{
	struct gen m = { .rng = g->master_rng };
	int known = chance(&m, 70);

	g->master_rng = m.rng;
	return known;
}

/* The owner pays for the shop under a personal name. */
static void
gen_owner(struct gen *g, int i)
{
	struct sc_who *w = &g->who[i];
	int fam = pick(g, NFAM), giv;

	w->owner = 1;
	scenario_halfwidth(family[fam], w->name, sizeof w->name);
	strcat(w->name, " ");
	giv = pick(g, 10);
	scenario_halfwidth(given[giv], w->name + strlen(w->name), sizeof w->name - strlen(w->name));
	if (master_knows(g))
		snprintf(g->s->cust[i].rep_kana, sizeof g->s->cust[i].rep_kana, "%s %s",
			 family[fam], given[giv]);
}

/* Parents paying for subsidiaries, and owners paying for their shop. */
static void
gen_payers(struct gen *g)
{
	for (int i = 0; i < g->s->ncust; i++) {
		struct sc_who *w = &g->who[i];

		if (w->va || !chance(g, 8))
			continue;
		if (chance(g, 35)) {
			gen_owner(g, i);
		} else if (chance(g, 40)) {
			w->stranger_parent = 1;
			snprintf(w->name, sizeof w->name, "ｶ)%sﾎ-ﾙﾃﾞｲﾝｸﾞｽ", holding[pick(g, 5)]);
		} else {
			int p = pick(g, g->s->ncust);

			if (p == i || g->who[p].payer >= 0 || g->who[p].va)
				continue;
			w->payer = p;
			snprintf(w->name, sizeof w->name, "%s", g->who[p].name);
			w->bank = g->who[p].bank;
			w->branch = g->who[p].branch;
			w->code[0] = '\0';
			if (master_knows(g))
				snprintf(g->s->cust[i].parent, sizeof g->s->cust[i].parent, "%s",
					 g->s->cust[p].code);
		}
	}
}

static int
add_invoice(struct gen *g, int cust, int month, int64_t amount)
{
	struct scenario *s = g->s;
	struct sc_invoice *v;

	if (s->ninv == g->capinv) {
		g->capinv = g->capinv ? g->capinv * 2 : 256;
		s->inv = xrealloc(s->inv, (size_t)g->capinv * sizeof *s->inv);
		g->open = xrealloc(g->open, (size_t)g->capinv * sizeof *g->open);
	}
	v = &s->inv[s->ninv];
	snprintf(v->number, sizeof v->number, "INV-%06d", s->ninv + 1);
	v->cust = cust;
	v->month = month;
	v->issue = date_from_ymd(2026, month, 1 + pick(g, 28));
	v->due = date_end_of_month(date_add_months_clamped(v->issue, 1));
	v->amount = amount;
	g->open[s->ninv] = amount;
	return s->ninv++;
}

static void
gen_invoices(struct gen *g, int month)
{
	for (int i = 0; i < g->s->ncust; i++) {
		int r = pick(g, 100), n = r < 70 ? 1 : r < 90 ? 2 : 3;

		for (int k = 0; k < n; k++)
			add_invoice(g, i, month, g->who[i].monthly && k == 0 ? g->who[i].monthly
					: (int64_t)(pick(g, 180000) + 1000) * 11);
	}
}

static struct sc_deposit *
new_deposit(struct gen *g, int cust, int month)
{
	struct scenario *s = g->s;
	struct sc_deposit *d;

	if (s->ndep == g->capdep) {
		g->capdep = g->capdep ? g->capdep * 2 : 256;
		s->dep = xrealloc(s->dep, (size_t)g->capdep * sizeof *s->dep);
	}
	d = &s->dep[s->ndep];
	memset(d, 0, sizeof *d);
	snprintf(d->ref, sizeof d->ref, "%010d", s->ndep + 1);
	d->month = month;
	d->date = date_end_of_month(date_from_ymd(2026, month + 1, 1)) - 3 + pick(g, 5);
	d->cust = cust;
	snprintf(d->acct, sizeof d->acct, "%s", MAIN_ACCOUNT);
	if (cust >= 0) {
		const struct sc_who *w = &g->who[cust];

		snprintf(d->payer, sizeof d->payer, "%s", w->name);
		snprintf(d->code, sizeof d->code, "%s", w->code);
		snprintf(d->bank, sizeof d->bank, "%s", banks[w->bank]);
		snprintf(d->branch, sizeof d->branch, "%s", branches[w->branch]);
		if (w->va)
			snprintf(d->acct, sizeof d->acct, "%s", s->cust[cust].acct);
	}
	s->ndep++;
	return d;
}

static void
take(struct gen *g, struct sc_deposit *d, int inv, int64_t cleared)
{
	d->line[d->nlines].inv = inv;
	d->line[d->nlines++].cleared = cleared;
	g->open[inv] -= cleared;
	d->amount += cleared;
}

/* Pay the open invoices in[0..n) (oldest first) in one deposit. */
static void
pay(struct gen *g, int cust, int month, const int *in, int n, int alone)
{
	struct sc_deposit *d = new_deposit(g, cust, month);
	const struct sc_who *w = &g->who[cust];
	int r = pick(g, 1000);

	if (r < 20) { /* partial: part of the oldest */
		d->kind = SC_PARTIAL;
		take(g, d, in[0], g->open[in[0]] / 1000 * (300 + pick(g, 400)));
	} else if (r < 35 && alone && n == 1) { /* over-payment */
		d->kind = SC_OVER;
		take(g, d, in[0], g->open[in[0]]);
		d->on_account = (pick(g, 50) + 1) * 1000;
		d->amount += d->on_account;
	} else {
		d->kind = n > 1 ? SC_COMBINED : w->fee ? SC_FEE : SC_EXACT;
		for (int k = 0; k < n; k++)
			take(g, d, in[k], g->open[in[k]]);
		if (w->fee) {
			d->line[d->nlines - 1].fee = w->fee;
			d->amount -= w->fee;
		}
	}
	if (w->edi)
		snprintf(d->edi, sizeof d->edi, "%s", g->s->inv[in[0]].number);
}

/* The customer's open invoices, oldest first (the generator adds them in
 * issue order per month, so sort by month then issue date). */
static int
open_of(struct gen *g, int cust, int *in, int max)
{
	int n = 0;

	for (int i = 0; i < g->s->ninv && n < max; i++)
		if (g->s->inv[i].cust == cust && g->open[i] > 0)
			in[n++] = i;
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0 && g->s->inv[in[b]].issue < g->s->inv[in[b - 1]].issue; b--) {
			int t = in[b];

			in[b] = in[b - 1];
			in[b - 1] = t;
		}
	return n;
}

static void
gen_deposits(struct gen *g, int month)
{
	int in[SC_MAX_LINES];

	for (int i = 0; i < g->s->ncust; i++) {
		int n = open_of(g, i, in, SC_MAX_LINES);

		if (n == 0 || chance(g, month == 1 ? 6 : 3))
			continue; /* does not pay this month */
		if (n > 1 && g->s->inv[in[0]].amount == g->s->inv[in[1]].amount && chance(g, 50))
			n = 1; /* identical monthly amounts: pays the oldest */
		if (n > 1 && chance(g, 25)) {
			for (int k = 0; k < n; k++) {
				pay(g, i, month, in + k, 1, 0);
				if (k) /* the bank books them in the order they pay */
					g->s->dep[g->s->ndep - 1].date = g->s->dep[g->s->ndep - 2].date;
			}
		} else
			pay(g, i, month, in, n, n == open_of(g, i, in, SC_MAX_LINES));
	}
}

/* Money from outside the customer base; some amounts equal an open invoice. */
static void
gen_strangers(struct gen *g, int month)
{
	int n = g->s->ncust / 20 + 1;

	for (int k = 0; k < n; k++) {
		struct sc_deposit *d = new_deposit(g, -1, month);

		d->kind = SC_STRANGER;
		if (chance(g, 50))
			snprintf(d->payer, sizeof d->payer, "%s", strangers[pick(g, 6)]);
		else
			snprintf(d->payer, sizeof d->payer, "ｶ)%sｺｳｻﾝ", holding[pick(g, 5)]);
		d->amount = chance(g, 30) ? g->s->inv[pick(g, g->s->ninv)].amount
					  : (int64_t)(pick(g, 90000) + 1) * 10;
		snprintf(d->bank, sizeof d->bank, "%s", banks[pick(g, 7)]);
	}
}

void
scenario_generate(struct scenario *s, int ncust, uint64_t seed)
{
	struct gen g;
	char *used = xcalloc((size_t)(NFAM * NBUS), 1);

	memset(s, 0, sizeof *s);
	memset(&g, 0, sizeof g);
	g.s = s;
	g.rng = seed * 0x9e3779b97f4a7c15ull + 1;
	g.master_rng = seed * 0xbf58476d1ce4e5b9ull + 7;
	if (ncust > NFAM * NBUS / 2)
		ncust = NFAM * NBUS / 2;
	s->ncust = ncust;
	s->cust = xcalloc((size_t)ncust, sizeof *s->cust);
	g.who = xcalloc((size_t)ncust, sizeof *g.who);
	for (int i = 0; i < ncust; i++)
		gen_customer(&g, i, used);
	gen_payers(&g);
	for (int m = 1; m <= 2; m++) {
		gen_invoices(&g, m);
		gen_deposits(&g, m);
		gen_strangers(&g, m);
	}
	free(used);
	free(g.who);
	free(g.open);
}

void
scenario_free(struct scenario *s)
{
	free(s->cust);
	free(s->inv);
	free(s->dep);
	memset(s, 0, sizeof *s);
}
