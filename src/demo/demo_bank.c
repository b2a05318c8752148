/* demo_bank: the demo's bank files — a CP932 Zengin 振込入金通知 for the
 * Japanese customers and a GB18030 CCB account-detail CSV for the Chinese
 * ones, paying some of their open invoices — and the benchmark's large
 * Zengin file. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "demo_bank.h"
#include "i18n.h"
#include "money.h"
#include "outfile.h"
#include "store.h"
#include "strbuf.h"
#include "xalloc.h"

#define REC 200
/* Deposits at most in each demo file, and payments from strangers. */
#define DB_MAX_JPY 160
#define DB_MAX_CNY 40
/* Records per header…trailer group of the large file. */
#define DB_GROUP 100000

/* Half-width (JIS X 0201) bytes of katakana U+30A1…U+30F4 in the banks'
 * spelling: small kana written large, voicing marks as separate bytes. */
static const char *const db_kata[] = {
	"\xB1", "\xB1", "\xB2", "\xB2", "\xB3", "\xB3", "\xB4", "\xB4",
	"\xB5", "\xB5", "\xB6", "\xB6\xDE", "\xB7", "\xB7\xDE", "\xB8", "\xB8\xDE",
	"\xB9", "\xB9\xDE", "\xBA", "\xBA\xDE", "\xBB", "\xBB\xDE", "\xBC", "\xBC\xDE",
	"\xBD", "\xBD\xDE", "\xBE", "\xBE\xDE", "\xBF", "\xBF\xDE", "\xC0", "\xC0\xDE",
	"\xC1", "\xC1\xDE", "\xC2", "\xC2", "\xC2\xDE", "\xC3", "\xC3\xDE", "\xC4",
	"\xC4\xDE", "\xC5", "\xC6", "\xC7", "\xC8", "\xC9", "\xCA", "\xCA\xDE",
	"\xCA\xDF", "\xCB", "\xCB\xDE", "\xCB\xDF", "\xCC", "\xCC\xDE", "\xCC\xDF", "\xCD",
	"\xCD\xDE", "\xCD\xDF", "\xCE", "\xCE\xDE", "\xCE\xDF", "\xCF", "\xD0", "\xD1",
	"\xD2", "\xD3", "\xD4", "\xD4", "\xD5", "\xD5", "\xD6", "\xD6",
	"\xD7", "\xD8", "\xD9", "\xDA", "\xDB", "\xDC", "\xDC", "\xB2",
	"\xB4", "\xB5", "\xDD", "\xB3\xDE",
};

/* Company types as the banks abbreviate them (full reading → short). */
static const struct {
	const char *reading, *abbr;
} db_corp[] = {
	{ "カブシキガイシャ", "ｶ" }, { "ユウゲンガイシャ", "ﾕ" }, { "ゴウドウガイシャ", "ﾄﾞ" },
};

/* Remitting banks and branches (half-width, as in the files). */
static const char *const db_rbank[] = { "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ", "ﾐｽﾞﾎ", "ﾐﾂｲｽﾐﾄﾓ", "ﾘｿﾅ",
					"ﾖｺﾊﾏ", "ｼｽﾞｵｶ", "ﾕｳﾁﾖ" };
static const char *const db_rbranch[] = { "ﾎﾝﾃﾝ", "ｼﾝｼﾞﾕｸ", "ｳﾒﾀﾞ", "ﾅｺﾞﾔ", "ｼﾌﾞﾔ",
					  "ﾊｶﾀ", "ｻｶｴ", "ﾏﾙﾉｳﾁ" };
/* Payments nobody can match: the real unmatched queue. */
static const char *const db_jp_stranger[] = {
	"ﾀﾅｶ ｲﾁﾛｳ", "ｶ)ﾐﾗｲｺｳｻﾝ", "ﾕ)ｻｸﾗﾔｼﾖｳﾃﾝ", "ｻﾄｳ ﾊﾅｺ", "ｶ)ﾆﾎﾝﾃﾞﾝｷｺｳｷﾞﾖｳ",
	"ｺｸｾﾞｲｷﾖｸ", "ｼﾔ)ｹﾝｺｳﾎｹﾝｸﾐｱｲ", "ﾔﾏｸﾞﾁ ｹﾝｼﾞ",
};
static const char *const db_cn_stranger[] = { "张伟", "深圳市华盛电子科技有限公司", "李娜",
					      "宁波远航国际物流有限公司" };
static const char *const db_cn_bank[] = { "中国工商银行上海分行", "招商银行深圳分行",
					  "中国银行北京分行", "交通银行广州分行" };

/* A customer of the demo database. */
struct db_cust {
	char *code, *name, *kana;
	char currency[8];
	int64_t pending;  /* a payment held to be combined with the next one */
	int32_t pending_issued;
	char pending_inv[40];
};

/* The files being made. */
struct db_run {
	struct db_cust *cust;
	size_t ncust, cap;
	int32_t today;
	struct strbuf zengin, csv, name;
	unsigned long ref;
	int64_t zsum, balance;
	size_t nz, ncsv;
};

static uint32_t
db_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The next code point of UTF-8 text at *p (U+FFFD for a bad byte). */
static uint32_t
db_utf8(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	int len = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	uint32_t c = len == 1 ? s[0] : len == 2 ? s[0] & 0x1F : len == 3 ? s[0] & 0x0F : s[0] & 7;

	if (!len) {
		(*p)++;
		return 0xFFFD;
	}
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*p += i;
			return 0xFFFD;
		}
		c = c << 6 | (s[i] & 0x3F);
	}
	*p += len;
	return c;
}

/* Append the JIS X 0201 bytes of code point c as a bank writes a name. */
static void
db_kana_char(struct strbuf *out, uint32_t c)
{
	if (c >= 0xFF01 && c <= 0xFF5E)
		c -= 0xFEE0;
	if (c >= 0x3041 && c <= 0x3094)
		c += 0x60;
	if (c >= 'a' && c <= 'z')
		c -= 32;
	if (c >= 0x20 && c < 0x7F)
		sb_addc(out, (char)c);
	else if (c == 0x3000)
		sb_addc(out, ' ');
	else if (c == 0x30FC || c == 0x2212 || (c >= 0x2010 && c <= 0x2015))
		sb_addc(out, '-');
	else if (c == 0x30FB)
		sb_addc(out, '.');
	else if (c >= 0x30A1 && c <= 0x30F4)
		sb_adds(out, db_kata[c - 0x30A1]);
	else if (c >= 0xFF67 && c <= 0xFF6F)
		sb_adds(out, db_kata[(c == 0xFF6F   ? 0x30C3
				      : c >= 0xFF6C ? 0x30E3 + 2 * (c - 0xFF6C)
						    : 0x30A1 + 2 * (c - 0xFF67)) - 0x30A1]);
	else if (c >= 0xFF61 && c <= 0xFF9F)
		sb_addc(out, (char)(0xA1 + (c - 0xFF61)));
}

/* Append UTF-8 text as half-width CP932 bytes. */
static void
db_kana(struct strbuf *out, const char *s)
{
	while (*s)
		db_kana_char(out, db_utf8(&s));
}

/* The payer name a bank sends for a customer reading: 株式会社ヤマダ… →
 * ｶ)ﾔﾏﾀﾞ…, …カブシキガイシャ → …(ｶ, in CP932 bytes. */
static void
db_payer(struct strbuf *out, const char *reading)
{
	size_t n = strlen(reading);

	sb_reset(out);
	for (size_t i = 0; i < sizeof db_corp / sizeof db_corp[0]; i++) {
		size_t m = strlen(db_corp[i].reading);

		if (strncmp(reading, db_corp[i].reading, m) == 0) {
			db_kana(out, db_corp[i].abbr);
			sb_addc(out, ')');
			db_kana(out, reading + m);
			return;
		}
		if (n > m && strcmp(reading + n - m, db_corp[i].reading) == 0) {
			char *head = xstrndup(reading, n - m);

			db_kana(out, head);
			free(head);
			sb_addc(out, '(');
			db_kana(out, db_corp[i].abbr);
			return;
		}
	}
	db_kana(out, reading);
}

/* A 200-byte record under construction. */
struct db_rec {
	char b[REC];
};

static void
db_rec_init(struct db_rec *r, char kind)
{
	memset(r->b, ' ', REC);
	r->b[0] = kind;
}

/* N field at 1-based pos: zero-padded. */
static void
db_put_n(struct db_rec *r, int pos, int len, long long v)
{
	char tmp[24];

	snprintf(tmp, sizeof tmp, "%0*lld", len, v);
	memcpy(r->b + pos - 1, tmp, (size_t)len);
}

/* C field at pos: bytes of s (already CP932), cut to len. */
static void
db_put_c(struct db_rec *r, int pos, int len, const char *s, size_t n)
{
	memcpy(r->b + pos - 1, s, n < (size_t)len ? n : (size_t)len);
}

/* 和暦 YYMMDD (令和) of day. */
static long long
db_wareki(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return (long long)(y - 2018) * 10000 + m * 100 + d;
}

/* Header of a 振込入金通知 group: bank 0001 ﾐｽﾞﾎ branch 001 ﾎﾝﾃﾝ. */
static void
db_header(struct db_rec *r, int32_t from, int32_t to, long long account)
{
	static const char bank[] = "\xD0\xBD\xDE\xCE", branch[] = "\xCE\xDD\xC3\xDD";
	static const char holder[] = "\xB3\xD8\xB6\xB9\xBC\xD6\xB3\xBC\xDE(\xB6"; /* ｳﾘｶｹｼﾖｳｼﾞ(ｶ */

	db_rec_init(r, '1');
	db_put_n(r, 2, 2, 1);
	db_put_n(r, 4, 1, 0);
	db_put_n(r, 5, 6, db_wareki(to));
	db_put_n(r, 11, 6, db_wareki(from));
	db_put_n(r, 17, 6, db_wareki(to));
	db_put_n(r, 23, 4, 1);
	db_put_c(r, 27, 15, bank, sizeof bank - 1);
	db_put_n(r, 42, 3, 1);
	db_put_c(r, 45, 15, branch, sizeof branch - 1);
	db_put_n(r, 60, 1, 1);
	db_put_n(r, 61, 7, account);
	db_put_c(r, 68, 40, holder, sizeof holder - 1);
}

/* One deposit of a 振込入金通知 (format A). payer is CP932 bytes. */
struct db_tx {
	unsigned long ref;
	int32_t date;
	int64_t amount;
	const char *payer, *rbank, *rbranch, *edi; /* UTF-8 but payer */
};

static void
db_transfer(struct db_rec *r, const struct db_tx *t, struct strbuf *tmp)
{
	db_rec_init(r, '2');
	db_put_n(r, 2, 6, (long long)(t->ref % 1000000));
	db_put_n(r, 8, 6, db_wareki(t->date));
	db_put_n(r, 14, 6, db_wareki(t->date));
	db_put_n(r, 20, 10, t->amount);
	db_put_n(r, 30, 10, 0);
	db_put_n(r, 40, 10, 0);
	db_put_c(r, 50, 48, t->payer, strlen(t->payer));
	sb_reset(tmp);
	db_kana(tmp, t->rbank);
	db_put_c(r, 98, 15, tmp->buf, tmp->len);
	sb_reset(tmp);
	db_kana(tmp, t->rbranch);
	db_put_c(r, 113, 15, tmp->buf, tmp->len);
	if (t->edi) {
		sb_reset(tmp);
		db_kana(tmp, t->edi);
		db_put_c(r, 129, 20, tmp->buf, tmp->len);
	}
}

static void
db_trailer(struct db_rec *r, long long n, long long sum)
{
	db_rec_init(r, '8');
	db_put_n(r, 2, 6, n);
	db_put_n(r, 8, 12, sum);
	db_put_n(r, 20, 6, 0);
	db_put_n(r, 26, 12, 0);
}

/* Append record r and CRLF. */
static void
db_emit(struct strbuf *out, const struct db_rec *r)
{
	sb_add(out, r->b, REC);
	sb_add(out, "\r\n", 2);
}

/* Write the n bytes at p to path (replacing an earlier demo's file). */
static enum ur_status
db_write(const char *path, const char *p, size_t n, struct ur_err *err)
{
	return outfile_put(path, p, n, 0666, OUTFILE_REPLACE, err);
}

/* A weekday on or before day (banks book on business days). */
static int32_t
db_weekday(int32_t day)
{
	int w = date_weekday(day);

	return w == 0 ? day - 2 : w == 6 ? day - 1 : day;
}

static int
db_cust_cmp(const void *a, const void *b)
{
	return strcmp(((const struct db_cust *)a)->code, ((const struct db_cust *)b)->code);
}

static int
db_take_customer(const struct customer *c, void *ctx)
{
	struct db_run *run = ctx;
	struct db_cust *d;

	if (run->ncust == run->cap) {
		run->cap = run->cap ? 2 * run->cap : 256;
		run->cust = xrealloc(run->cust, run->cap * sizeof *run->cust);
	}
	d = &run->cust[run->ncust++];
	memset(d, 0, sizeof *d);
	d->code = xstrdup(c->code);
	d->name = xstrdup(c->name);
	d->kana = xstrdup(c->kana && *c->kana ? c->kana : c->name);
	snprintf(d->currency, sizeof d->currency, "%s", c->currency ? c->currency : "JPY");
	return 0;
}

/* The day a payment is booked: a weekday of the last ten days, but not
 * before the invoice it pays was issued (db_take_invoice leaves out those
 * issued after the last weekday). */
static int32_t
db_pay_day(const struct db_run *run, uint32_t h, int32_t issued)
{
	int32_t day = db_weekday(run->today - (int32_t)((h >> 4) % 10));
	int w = date_weekday(issued);

	if (day >= issued)
		return day;
	return issued + (w == 6 ? 2 : w == 0 ? 1 : 0);
}

/* A payment of a Japanese customer (payer NULL: the customer's reading) of
 * an invoice issued on issued (0: none). */
static void
db_jp_pay(struct db_run *run, const char *payer, const char *reading, int64_t amount,
	  const char *edi, int32_t issued, uint32_t h)
{
	struct db_tx t = { ++run->ref, db_pay_day(run, h, issued), amount, NULL,
			   db_rbank[(h >> 8) % 7], db_rbranch[(h >> 12) % 8], edi };
	struct strbuf tmp;
	struct db_rec r;

	sb_init(&tmp);
	if (payer) {
		sb_reset(&run->name);
		db_kana(&run->name, payer);
	} else {
		db_payer(&run->name, reading);
	}
	t.payer = run->name.buf;
	db_transfer(&r, &t, &tmp);
	db_emit(&run->zengin, &r);
	sb_free(&tmp);
	run->zsum += amount;
	run->nz++;
}

/* A row of money in on the CCB statement, for an invoice issued on issued
 * (0: none). */
static void
db_cn_pay(struct db_run *run, const char *payer, int64_t amount, const char *memo,
	  int32_t issued, uint32_t h)
{
	int32_t day = db_pay_day(run, h, issued);
	char date[DATE_ISO_SIZE], when[32], amt[MONEY_BUFSZ], bal[MONEY_BUFSZ], acct[24], ref[40];
	int y, m, d;

	date_format_iso(day, date);
	date_to_ymd(day, &y, &m, &d);
	snprintf(when, sizeof when, "%s %02u:%02u:%02u", date, 9 + (h >> 3) % 8, (h >> 7) % 60,
		 (h >> 13) % 60);
	snprintf(acct, sizeof acct, "62%017u", (unsigned)(h % 100000000u) * 7u + 1234567u);
	snprintf(ref, sizeof ref, "%04d%02d%02d-%06lu", y, m, d, ++run->ref);
	run->balance += amount;
	money_format(amount, "CNY", MONEY_GROUP, amt, sizeof amt);
	money_format(run->balance, "CNY", MONEY_GROUP, bal, sizeof bal);
	csv_put_sep(&run->csv, "31050161373600001234", 0);
	csv_put_sep(&run->csv, "瓜卡（上海）贸易有限公司", 0);
	csv_put_sep(&run->csv, when, 0);
	csv_put_sep(&run->csv, "", 0);
	csv_put_sep(&run->csv, amt, 0);
	csv_put_sep(&run->csv, bal, 0);
	csv_put_sep(&run->csv, "人民币", 0);
	csv_put_sep(&run->csv, payer, 0);
	csv_put_sep(&run->csv, acct, 0);
	csv_put_sep(&run->csv, db_cn_bank[(h >> 9) % 4], 0);
	sb_addf(&run->csv, "%04d%02d%02d,", y, m, d);
	csv_put_sep(&run->csv, "货款", 0);
	csv_put_sep(&run->csv, memo ? memo : "", 0);
	csv_put_sep(&run->csv, ref, 1);
	run->ncsv++;
}

/* A Japanese customer's open invoice: paid exactly (20%), less a transfer
 * fee (5%), together with the next one (10%) or not yet. */
static void
db_jp_invoice(struct db_run *run, struct db_cust *c, const struct invoice *inv, int64_t open,
	      uint32_t h)
{
	static const int64_t fees[] = { 440, 660, 770, 880 };
	const char *edi = h % 9 == 0 ? inv->number : NULL;
	unsigned k = h % 20;

	if (k < 4) {
		db_jp_pay(run, NULL, c->kana, open, edi, inv->issue_date, h);
	} else if (k == 4 && open > 20000) {
		db_jp_pay(run, NULL, c->kana, open - fees[(h >> 5) % 4], edi, inv->issue_date, h);
	} else if (k == 5 || k == 6) {
		if (!c->pending) {
			c->pending = open;
			c->pending_issued = inv->issue_date;
			snprintf(c->pending_inv, sizeof c->pending_inv, "%s", inv->number);
			return;
		}
		db_jp_pay(run, NULL, c->kana, c->pending + open, NULL,
			  c->pending_issued > inv->issue_date ? c->pending_issued : inv->issue_date, h);
		c->pending = 0;
	}
}

static int
db_take_invoice(const struct invoice *inv, int64_t open, void *ctx)
{
	struct db_run *run = ctx;
	struct db_cust key = { 0 }, *c;
	uint32_t h = db_hash(inv->number);

	key.code = unconst(inv->customer);
	if (open <= 0 || inv->due_date > run->today + 20 || inv->due_date < run->today - 150 ||
	    inv->issue_date > db_weekday(run->today) ||
	    !(c = bsearch(&key, run->cust, run->ncust, sizeof key, db_cust_cmp)))
		return 0;
	if (strcmp(inv->currency, "JPY") == 0 && run->nz < DB_MAX_JPY)
		db_jp_invoice(run, c, inv, open, h);
	else if (strcmp(inv->currency, "CNY") == 0 && run->ncsv < DB_MAX_CNY && h % 10 < 6)
		db_cn_pay(run, c->name, h % 10 == 5 ? open / 200 * 100 : open,
			  h % 3 == 0 ? inv->number : NULL, inv->issue_date, h);
	return 0;
}

/* Payments held for combining that found no second invoice, and the
 * strangers nobody can match. */
static void
db_finish(struct db_run *run)
{
	for (size_t i = 0; i < run->ncust; i++) {
		struct db_cust *c = &run->cust[i];

		if (c->pending)
			db_jp_pay(run, NULL, c->kana, c->pending, NULL, c->pending_issued,
				  db_hash(c->pending_inv));
	}
	for (size_t i = 0; i < sizeof db_jp_stranger / sizeof db_jp_stranger[0]; i++) {
		uint32_t h = db_hash(db_jp_stranger[i]);

		db_jp_pay(run, db_jp_stranger[i], NULL, 3000 + (int64_t)(h % 4000) * 100, NULL, 0,
			  h);
	}
	for (size_t i = 0; i < sizeof db_cn_stranger / sizeof db_cn_stranger[0]; i++) {
		uint32_t h = db_hash(db_cn_stranger[i]);

		db_cn_pay(run, db_cn_stranger[i], 50000 + (int64_t)(h % 90000) * 100, NULL, 0, h);
	}
}

/* Header, the deposits, trailer and end record into dir/DEMO_BANK_ZENGIN. */
static enum ur_status
db_zengin_file(struct db_run *run, const char *dir, struct ur_err *err)
{
	struct strbuf file, path;
	struct db_rec r;
	enum ur_status rc;

	sb_init(&file);
	sb_init(&path);
	db_header(&r, run->today - 14, run->today, 1234567);
	db_emit(&file, &r);
	sb_add(&file, run->zengin.buf, run->zengin.len);
	db_trailer(&r, (long long)run->nz, run->zsum);
	db_emit(&file, &r);
	db_rec_init(&r, '9');
	db_emit(&file, &r);
	sb_addf(&path, "%s/%s", dir, DEMO_BANK_ZENGIN);
	rc = db_write(path.buf, file.buf, file.len, err);
	sb_free(&file);
	sb_free(&path);
	return rc;
}

/* UTF-8 in → GB18030 out. */
static enum ur_status
db_gb18030(const struct strbuf *in, struct strbuf *out, struct ur_err *err)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char *src = in->buf, *dst;
	size_t left = in->len, room = 2 * in->len + 16;
	char *buf = xmalloc(room);
	size_t got;

	if (cd == (iconv_t)-1) {
		free(buf);
		return ur_fail(err, UR_FAIL, _("cannot convert to %s: %s"), "GB18030",
			       strerror(errno));
	}
	dst = buf;
	got = iconv(cd, &src, &left, &dst, &room);
	iconv_close(cd);
	if (got == (size_t)-1) {
		free(buf);
		return ur_fail(err, UR_FAIL, _("cannot convert to %s: %s"), "GB18030",
			       strerror(errno));
	}
	sb_add(out, buf, (size_t)(dst - buf));
	free(buf);
	return UR_OK;
}

/* The CCB export: title rows, header, the rows, a page subtotal. */
static enum ur_status
db_csv_file(struct db_run *run, const char *dir, struct ur_err *err)
{
	struct strbuf text, gb, path;
	char from[DATE_ISO_SIZE], to[DATE_ISO_SIZE], sum[MONEY_BUFSZ];
	enum ur_status rc;

	date_format_iso(run->today - 14, from);
	date_format_iso(run->today, to);
	money_format(run->balance, "CNY", MONEY_PLAIN, sum, sizeof sum);
	sb_init(&text);
	sb_init(&gb);
	sb_init(&path);
	sb_adds(&text, "中国建设银行单位账户明细\r\n账号,31050161373600001234\r\n"
		       "账户名称,瓜卡（上海）贸易有限公司\r\n");
	sb_addf(&text, "起止日期,%s,%s\r\n", from, to);
	sb_adds(&text, "账号,账户名称,交易时间,借方发生额（支取）,贷方发生额（收入）,余额,币种,"
		       "对方户名,对方账号,对方开户机构,记账日期,摘要,备注,"
		       "账户明细编号-交易流水号\r\n");
	sb_add(&text, run->csv.buf, run->csv.len);
	sb_addf(&text, "本页小计,,,0.00,%s,,,,,,,,,\r\n", sum);
	rc = db_gb18030(&text, &gb, err);
	sb_addf(&path, "%s/%s", dir, DEMO_BANK_CSV);
	if (rc == UR_OK)
		rc = db_write(path.buf, gb.buf, gb.len, err);
	sb_free(&text);
	sb_free(&gb);
	sb_free(&path);
	return rc;
}

static void
db_run_free(struct db_run *run)
{
	for (size_t i = 0; i < run->ncust; i++) {
		free(run->cust[i].code);
		free(run->cust[i].name);
		free(run->cust[i].kana);
	}
	free(run->cust);
	sb_free(&run->zengin);
	sb_free(&run->csv);
	sb_free(&run->name);
}

enum ur_status
demo_bank_write(struct store *st, const char *dir, int32_t today, struct demo_bank_counts *out,
		struct ur_err *err)
{
	struct db_run run;
	enum ur_status rc;

	memset(&run, 0, sizeof run);
	run.today = today;
	run.ref = 100000;
	sb_init(&run.zengin);
	sb_init(&run.csv);
	sb_init(&run.name);
	rc = store_customers_each(st, db_take_customer, &run, err);
	if (rc == UR_OK)
		rc = store_invoices_each(st, db_take_invoice, &run, err);
	if (rc == UR_OK) {
		db_finish(&run);
		rc = db_zengin_file(&run, dir, err);
	}
	if (rc == UR_OK)
		rc = db_csv_file(&run, dir, err);
	if (out) {
		out->zengin = run.nz;
		out->csv = run.ncsv;
	}
	db_run_free(&run);
	return rc;
}

/* Deposit i of the large file: a customer-like payer and an amount. */
static void
db_big_tx(unsigned long i, int32_t today, struct strbuf *payer, struct db_tx *t)
{
	static const char *const head[] = { "ﾔﾏﾀﾞ", "ﾀﾅｶ", "ｻﾄｳ", "ｽｽﾞｷ", "ﾀｶﾊｼ", "ｲﾄｳ",
					    "ﾜﾀﾅﾍﾞ", "ﾅｶﾑﾗ", "ｺﾊﾞﾔｼ", "ｶﾄｳ", "ﾖｼﾀﾞ" };
	static const char *const tail[] = { "ｼﾖｳｼﾞ", "ｾｲｷ", "ｹﾝｾﾂ", "ﾃﾞﾝｷ", "ﾌﾞﾂｻﾝ",
					    "ｺｳｷﾞﾖｳ", "ｻﾝｷﾞﾖｳ", "ｳﾝﾕ" };
	uint32_t h = (uint32_t)(i * 2654435761u);

	sb_reset(payer);
	sb_adds(payer, (h >> 3) % 2 ? "ｶ)" : "");
	sb_adds(payer, head[(h >> 5) % 11]);
	sb_adds(payer, tail[(h >> 9) % 8]);
	sb_adds(payer, (h >> 3) % 2 ? "" : "(ｶ");
	memset(t, 0, sizeof *t);
	t->ref = i;
	t->date = db_weekday(today - (int32_t)((h >> 13) % 5));
	t->amount = 1000 + (int64_t)((h >> 7) % 5000000);
	t->rbank = db_rbank[(h >> 17) % 7];
	t->rbranch = db_rbranch[(h >> 21) % 8];
}

/* One group of the large file: records first … first + n - 1. */
static void
db_big_group(struct strbuf *out, unsigned long first, unsigned long n, int32_t today,
	     long long account, struct strbuf *payer, struct strbuf *tmp)
{
	struct db_rec r;
	struct db_tx t;
	long long sum = 0;

	db_header(&r, today - 7, today, account);
	db_emit(out, &r);
	for (unsigned long i = first; i < first + n; i++) {
		db_big_tx(i, today, payer, &t);
		sb_reset(tmp);
		db_kana(tmp, payer->buf);
		t.payer = tmp->buf;
		sum += t.amount;
		db_transfer(&r, &t, payer);
		db_emit(out, &r);
	}
	db_trailer(&r, (long long)n, sum);
	db_emit(out, &r);
}

enum ur_status
demo_bank_big_file(const char *path, unsigned long n, int32_t today, struct ur_err *err)
{
	struct outfile f;
	struct strbuf out, payer, tmp;
	struct db_rec end;
	enum ur_status rc;

	if (outfile_open(&f, path, 0666, OUTFILE_REPLACE, err) != UR_OK)
		return err->status;
	sb_init(&out);
	sb_init(&payer);
	sb_init(&tmp);
	for (unsigned long i = 0, g = 0; i < n && !f.error; i += DB_GROUP, g++) {
		sb_reset(&out);
		db_big_group(&out, i, n - i < DB_GROUP ? n - i : DB_GROUP, today,
			     2000000 + (long long)g, &payer, &tmp);
		outfile_write(&f, out.buf, out.len, NULL);
	}
	db_rec_init(&end, '9');
	sb_reset(&out);
	db_emit(&out, &end);
	if ((rc = outfile_write(&f, out.buf, out.len, err)) == UR_OK)
		rc = outfile_commit(&f, err);
	else
		outfile_abort(&f);
	sb_free(&out);
	sb_free(&payer);
	sb_free(&tmp);
	return rc;
}
