/* zengin_rec: the record grammar (header data* trailer)+ end and the field
 * layouts of 振込入金通知 (A and B) and 入出金取引明細: checking, decoding
 * and resolving 和暦 dates, and the trailers' counts and sums. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "zengin_priv.h"

/* How far after and before its anchor (today for 作成日, else 作成日) a
 * 和暦 date may lie: one year after, twenty years before. */
#define FUTURE_DAYS 366
#define PAST_DAYS (20 * 365 + 5)

/* A field as in the layouts: 1-based position, length in bytes. */
struct zg_field {
	unsigned char pos, len;
	const char *name;
};

/* Header (both kinds). */
static const struct zg_field H_KIND = { 2, 2, "種別コード" };
static const struct zg_field H_CODE = { 4, 1, "コード区分" };
static const struct zg_field H_MADE = { 5, 6, "作成日" };
static const struct zg_field H_FROM = { 11, 6, "勘定日（自）" };
static const struct zg_field H_TO = { 17, 6, "勘定日（至）" };
static const struct zg_field H_BANK = { 23, 4, "銀行コード" };
static const struct zg_field H_BRANCH = { 42, 3, "支店コード" };
static const struct zg_field HT_ACCOUNT = { 61, 7, "口座番号" };
static const struct zg_field HS_ACCOUNT = { 64, 10, "口座番号" };
static const struct zg_field HT_OTHER[] = { { 60, 1, "預金種目" } };
static const struct zg_field HS_OTHER[] = {
	{ 60, 3, "ダミー" }, { 63, 1, "預金種目" }, { 114, 1, "貸越区分" },
	{ 115, 1, "通帳・証書区分" }, { 116, 14, "取引前残高" },
};

/* 振込入金通知 data record (format A; B differs from 129 on). */
static const struct zg_field T_REF = { 2, 6, "照会番号" };
static const struct zg_field T_BOOK = { 8, 6, "勘定日" };
static const struct zg_field T_VALUE = { 14, 6, "起算日" };
static const struct zg_field T_AMOUNT = { 20, 10, "金額" };
static const struct zg_field T_OTHER = { 30, 10, "うち他店券金額" };
static const struct zg_field T_CODE = { 40, 10, "振込依頼人コード" };
static const struct zg_field T_NAME = { 50, 48, "振込依頼人名" };
static const struct zg_field T_RBANK = { 98, 15, "仕向銀行名" };
static const struct zg_field T_RBRANCH = { 113, 15, "仕向店名" };
static const struct zg_field T_CANCEL = { 128, 1, "取消区分" };
static const struct zg_field TA_EDI = { 129, 20, "EDI情報" };
static const struct zg_field TB_AMOUNT = { 129, 12, "金額(2)" };
static const struct zg_field TB_OTHER = { 141, 12, "うち他店券金額(2)" };
static const struct zg_field TB_EDI = { 153, 20, "EDI情報" };

/* 入出金取引明細 data record. */
static const struct zg_field S_REF = { 2, 8, "照会番号" };
static const struct zg_field S_BOOK = { 10, 6, "勘定日" };
static const struct zg_field S_VALUE = { 16, 6, "預入・払出日" };
static const struct zg_field S_DIR = { 22, 1, "入払区分" };
static const struct zg_field S_TYPE = { 23, 2, "取引区分" };
static const struct zg_field S_AMOUNT = { 25, 12, "取引金額" };
static const struct zg_field S_CODE = { 72, 10, "振込依頼人コード" };
static const struct zg_field S_NAME = { 82, 48, "振込依頼人名" };
static const struct zg_field S_RBANK = { 130, 15, "仕向銀行名" };
static const struct zg_field S_RBRANCH = { 145, 15, "仕向店名" };
static const struct zg_field S_EDI = { 180, 20, "EDI情報" };
static const struct zg_field S_OTHER[] = {
	{ 37, 12, "うち他店券金額" }, { 49, 6, "交換呈示日" }, { 55, 6, "不渡返還日" },
	{ 61, 1, "手形・小切手区分" }, { 62, 7, "手形・小切手番号" }, { 69, 3, "僚店番号" },
};

/* Trailers. */
static const struct zg_field TT_COUNT = { 2, 6, "振込合計件数" };
static const struct zg_field TT_SUM = { 8, 12, "振込合計金額" };
static const struct zg_field TT_CCOUNT = { 20, 6, "取消合計件数" };
static const struct zg_field TT_CSUM = { 26, 12, "取消合計金額" };
static const struct zg_field ST_IN_COUNT = { 2, 6, "入金件数" };
static const struct zg_field ST_IN_SUM = { 8, 13, "入金額合計" };
static const struct zg_field ST_OUT_COUNT = { 21, 6, "出金件数" };
static const struct zg_field ST_OUT_SUM = { 27, 13, "出金額合計" };
static const struct zg_field ST_RECORDS = { 55, 7, "データ・レコード件数" };
static const struct zg_field ST_OTHER[] = { { 40, 1, "貸越区分" }, { 41, 14, "取引後残高" } };

/* Offset of field f of the current record. */
static uint64_t
zg_off(const struct zengin_parser *p, const struct zg_field *f)
{
	return p->rec_off + f->pos - 1;
}

/* Decode C field f of r (JIS X 0201, already checked) to UTF-8 in out,
 * without trailing spaces; NULL when the field is blank. */
static const char *
zg_decode(const unsigned char *r, const struct zg_field *f, char *out)
{
	const unsigned char *s = r + f->pos - 1;
	size_t n = f->len;
	char *o = out;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		unsigned cp = s[i];

		if (cp < 0x80) {
			*o++ = (char)cp;
			continue;
		}
		cp += 0xFEC0; /* 0xA1–0xDF → U+FF61–U+FF9F */
		*o++ = (char)0xEF;
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	*o = '\0';
	return out;
}

/* Field f of r as text for a message. */
static const char *
zg_show(const unsigned char *r, const struct zg_field *f, char out[UTF8_ROOM(14)])
{
	const char *s = zg_decode(r, f, out);

	return s ? s : "";
}

/* Read N field f: *v = its value, or -1 when it is blank (all spaces). */
static enum ur_status
zg_num(struct zengin_parser *p, const unsigned char *r, const struct zg_field *f, int64_t *v)
{
	const unsigned char *s = r + f->pos - 1;
	int64_t x = 0;
	size_t digits = 0, spaces = 0;

	for (size_t i = 0; i < f->len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			x = x * 10 + (s[i] - '0'), digits++;
		else if (s[i] == ' ')
			spaces++;
	}
	if (digits == f->len)
		*v = x;
	else if (spaces == f->len)
		*v = -1;
	else
		return zengin_fail(p, p->recno, zg_off(p, f), _("%s is not a number"), f->name);
	return UR_OK;
}

/* Check that each of the n N fields at fs is digits or blank. */
static enum ur_status
zg_nums_ok(struct zengin_parser *p, const unsigned char *r, const struct zg_field *fs, size_t n)
{
	enum ur_status st = UR_OK;
	int64_t v;

	for (size_t i = 0; i < n && st == UR_OK; i++)
		st = zg_num(p, r, &fs[i], &v);
	return st;
}

/* Copy N field f as text into out (empty when blank), leading zeros kept. */
static enum ur_status
zg_num_text(struct zengin_parser *p, const unsigned char *r, const struct zg_field *f, char *out)
{
	int64_t v;
	enum ur_status st = zg_num(p, r, f, &v);

	if (st != UR_OK)
		return st;
	if (v < 0)
		out[0] = '\0';
	else
		memcpy(out, r + f->pos - 1, f->len), out[f->len] = '\0';
	return UR_OK;
}

/* s, or NULL when s is empty or only zeros (an unset code). */
static const char *
zg_code_or_null(const char *s)
{
	return s && s[strspn(s, "0")] ? s : NULL;
}

/* The day y-m-d in *out when it is a real date within [lo, hi]. */
static bool
zg_in_era(int y, int m, int d, int32_t lo, int32_t hi, int32_t *out)
{
	if (!date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return *out >= lo && *out <= hi;
}

/* Resolve the 和暦 YYMMDD field f: its 令和 or 平成 reading that lies
 * between PAST_DAYS before anchor and FUTURE_DAYS after it (the two
 * readings are 30 years apart, so at most one does). *present is false
 * for a blank or all-zero field. */
static enum ur_status
zg_wareki(struct zengin_parser *p, const unsigned char *r, const struct zg_field *f,
	  int32_t anchor, bool *present, int32_t *day)
{
	int64_t v;
	int32_t first = anchor - PAST_DAYS, last = anchor + FUTURE_DAYS;
	enum ur_status st = zg_num(p, r, f, &v);
	int yy, mm, dd;
	char buf[UTF8_ROOM(14)], from[DATE_ISO_SIZE], to[DATE_ISO_SIZE];

	*present = st == UR_OK && v > 0;
	if (!*present)
		return st;
	yy = (int)(v / 10000), mm = (int)(v / 100 % 100), dd = (int)(v % 100);
	if (zg_in_era(2018 + yy, mm, dd, p->reiwa > first ? p->reiwa : first, last, day) ||
	    zg_in_era(1988 + yy, mm, dd, p->heisei > first ? p->heisei : first,
		      p->reiwa - 1 < last ? p->reiwa - 1 : last, day))
		return UR_OK;
	date_format_iso(first, from);
	date_format_iso(last, to);
	return zengin_fail(p, p->recno, zg_off(p, f),
			   _("%s %s is not a 令和 or 平成 date (YYMMDD) between %s and %s"),
			   f->name, zg_show(r, f, buf), from, to);
}

/* Read the booking date (required) and value date (booking when absent). */
static enum ur_status
zg_dates(struct zengin_parser *p, const unsigned char *r, const struct zg_field *book,
	 const struct zg_field *value, struct bank_deposit *d)
{
	bool present;
	enum ur_status st = zg_wareki(p, r, book, p->anchor, &present, &d->booking_date);

	if (st != UR_OK)
		return st;
	if (!present)
		return zengin_fail(p, p->recno, zg_off(p, book), _("%s is missing"), book->name);
	st = zg_wareki(p, r, value, p->anchor, &present, &d->value_date);
	if (st == UR_OK && !present)
		d->value_date = d->booking_date;
	return st;
}

/* Every byte of a header, data or trailer record must be JIS X 0201 text. */
static enum ur_status
zg_check_bytes(struct zengin_parser *p, const unsigned char *r)
{
	for (size_t i = 0; i < REC; i++) {
		unsigned char c = r[i];

		if ((unsigned char)(c - 0x20) < 0x5F || (unsigned char)(c - 0xA1) < 0x3F)
			continue;
		return zengin_fail(p, p->recno, p->rec_off + i,
				   _("byte 0x%02X is not JIS X 0201 text (was the file re-saved "
				     "as UTF-8?)"),
				   c);
	}
	return UR_OK;
}

/* Read a required amount field: blank is an error. */
static enum ur_status
zg_amount(struct zengin_parser *p, const unsigned char *r, const struct zg_field *f, int64_t *v)
{
	enum ur_status st = zg_num(p, r, f, v);

	if (st == UR_OK && *v < 0)
		return zengin_fail(p, p->recno, zg_off(p, f), _("%s is blank"), f->name);
	return st;
}

/* Add a record's amount to its group's totals (kind 0 or 1). */
static enum ur_status
zg_tally(struct zengin_parser *p, int kind, int64_t amount)
{
	if (amount > INT64_MAX - p->tot.sum[kind])
		return zengin_fail(p, p->recno, p->rec_off, _("the amounts add up to too much"));
	p->tot.count[kind]++;
	p->tot.sum[kind] += amount;
	p->tot.records++;
	return UR_OK;
}

/* The fields every deposit of the current record shares. */
static void
zg_deposit_init(struct zengin_parser *p, struct bank_deposit *d)
{
	memset(d, 0, sizeof *d);
	d->account_bank = p->bank[0] ? p->bank : NULL;
	d->account_branch = p->branch[0] ? p->branch : NULL;
	d->payer.acct_number = p->account[0] ? p->account : NULL;
	d->currency = "JPY";
	d->record_no = p->recno;
	d->byte_offset = p->rec_off;
}

/* Hand d to the caller. */
static enum ur_status
zg_emit(struct zengin_parser *p, const struct bank_deposit *d)
{
	if (d->amount <= 0)
		return zengin_fail(p, p->recno, p->rec_off, _("the amount is zero"));
	p->sum.deposits++;
	if (d->cancels)
		p->sum.cancellations++;
	return p->fn ? p->fn(d, p->ctx, p->err) : UR_OK;
}

/* 金額 of a 振込入金通知 record; format B carries 金額(2) for amounts
 * of more than 10 digits (金額 then 0). */
static enum ur_status
zg_transfer_amount(struct zengin_parser *p, const unsigned char *r, int64_t *amount)
{
	int64_t a1, a2, v;
	enum ur_status st = zg_num(p, r, &T_AMOUNT, &a1);

	if (st == UR_OK)
		st = zg_num(p, r, &T_OTHER, &v);
	if (st != UR_OK || !p->o->format_b)
		return st != UR_OK ? st : zg_amount(p, r, &T_AMOUNT, amount);
	if ((st = zg_num(p, r, &TB_AMOUNT, &a2)) != UR_OK ||
	    (st = zg_num(p, r, &TB_OTHER, &v)) != UR_OK)
		return st;
	if (a2 <= 0)
		return zg_amount(p, r, &T_AMOUNT, amount);
	if (a1 > 0 && a1 != a2)
		return zengin_fail(p, p->recno, zg_off(p, &TB_AMOUNT), _("%s and %s differ"),
				   T_AMOUNT.name, TB_AMOUNT.name);
	*amount = a2;
	return UR_OK;
}

/* A 振込入金通知 data record (format A or B). */
static enum ur_status
zg_transfer_data(struct zengin_parser *p, const unsigned char *r)
{
	struct bank_deposit d;
	int64_t cancel;
	enum ur_status st;

	zg_deposit_init(p, &d);
	if ((st = zg_num_text(p, r, &T_REF, p->t.ref)) != UR_OK ||
	    (st = zg_dates(p, r, &T_BOOK, &T_VALUE, &d)) != UR_OK ||
	    (st = zg_transfer_amount(p, r, &d.amount)) != UR_OK ||
	    (st = zg_num(p, r, &T_CANCEL, &cancel)) != UR_OK)
		return st;
	if (p->o->format_b) /* C(10) in format B */
		d.payer.payer_code = zg_code_or_null(zg_decode(r, &T_CODE, p->t.code));
	else if ((st = zg_num_text(p, r, &T_CODE, p->t.code)) != UR_OK)
		return st;
	else
		d.payer.payer_code = zg_code_or_null(p->t.code);
	d.reference = p->t.ref[0] ? p->t.ref : NULL;
	d.cancels = cancel == 1;
	d.payer.payer_name = zg_decode(r, &T_NAME, p->t.name);
	d.payer.remit_bank = zg_decode(r, &T_RBANK, p->t.rbank);
	d.payer.remit_branch = zg_decode(r, &T_RBRANCH, p->t.rbranch);
	d.payer.edi = zg_decode(r, p->o->format_b ? &TB_EDI : &TA_EDI, p->t.edi);
	if (d.amount > 0 && (st = zg_tally(p, d.cancels, d.amount)) != UR_OK)
		return st;
	return zg_emit(p, &d);
}

/* A 入出金取引明細 data record: credits become deposits, debits are only
 * counted for the trailer. */
static enum ur_status
zg_statement_data(struct zengin_parser *p, const unsigned char *r)
{
	struct bank_deposit d;
	int64_t dir, type;
	enum ur_status st;
	char buf[UTF8_ROOM(14)];

	zg_deposit_init(p, &d);
	if ((st = zg_num_text(p, r, &S_REF, p->t.ref)) != UR_OK ||
	    (st = zg_dates(p, r, &S_BOOK, &S_VALUE, &d)) != UR_OK ||
	    (st = zg_num(p, r, &S_DIR, &dir)) != UR_OK ||
	    (st = zg_num(p, r, &S_TYPE, &type)) != UR_OK ||
	    (st = zg_amount(p, r, &S_AMOUNT, &d.amount)) != UR_OK ||
	    (st = zg_nums_ok(p, r, S_OTHER, sizeof S_OTHER / sizeof S_OTHER[0])) != UR_OK ||
	    (st = zg_num_text(p, r, &S_CODE, p->t.code)) != UR_OK)
		return st;
	if (dir != 1 && dir != 2)
		return zengin_fail(p, p->recno, zg_off(p, &S_DIR),
				   _("%s \"%s\" is neither 1 (deposit) nor 2 (withdrawal)"),
				   S_DIR.name, zg_show(r, &S_DIR, buf));
	if ((st = zg_tally(p, (int)dir - 1, d.amount)) != UR_OK)
		return st;
	if (dir == 2) {
		p->sum.skipped++;
		return UR_OK;
	}
	d.reference = p->t.ref[0] ? p->t.ref : NULL;
	d.payer.payer_code = zg_code_or_null(p->t.code);
	d.cancels = d.correction = type == 19; /* 訂正 */
	d.payer.payer_name = zg_decode(r, &S_NAME, p->t.name);
	d.payer.remit_bank = zg_decode(r, &S_RBANK, p->t.rbank);
	d.payer.remit_branch = zg_decode(r, &S_RBRANCH, p->t.rbranch);
	d.payer.edi = zg_decode(r, &S_EDI, p->t.edi);
	return zg_emit(p, &d);
}

/* 種別コード and コード区分 of a header: *kind is 1 or 3. */
static enum ur_status
zg_header_kind(struct zengin_parser *p, const unsigned char *r, enum zengin_kind *kind)
{
	char buf[UTF8_ROOM(14)];
	enum zengin_kind want = p->sum.kind ? p->sum.kind : p->o->expect;

	if (r[H_CODE.pos - 1] == '1')
		return zengin_fail(p, p->recno, zg_off(p, &H_CODE),
				   _("コード区分 1 (EBCDIC) is not supported: ask the bank for "
				     "the JIS version of the file"));
	if (r[H_CODE.pos - 1] != '0' && r[H_CODE.pos - 1] != ' ')
		return zengin_fail(p, p->recno, zg_off(p, &H_CODE), _("%s \"%s\" is unknown"),
				   H_CODE.name, zg_show(r, &H_CODE, buf));
	if (!memcmp(r + 1, "01", 2))
		*kind = ZENGIN_TRANSFER;
	else if (!memcmp(r + 1, "03", 2))
		*kind = ZENGIN_STATEMENT;
	else
		return zengin_fail(p, p->recno, zg_off(p, &H_KIND),
				   _("種別コード \"%s\" is not supported (01 振込入金通知 and "
				     "03 入出金取引明細 are)"),
				   zg_show(r, &H_KIND, buf));
	if (want && *kind != want)
		return zengin_fail(p, p->recno, zg_off(p, &H_KIND),
				   _("種別コード %02d where %02d was expected"), (int)*kind,
				   (int)want);
	return UR_OK;
}

/* 作成日 (against today) and the period (against 作成日). */
static enum ur_status
zg_header_dates(struct zengin_parser *p, const unsigned char *r)
{
	bool present;
	int32_t day;
	enum ur_status st = zg_wareki(p, r, &H_MADE, p->o->today, &present, &day);

	if (st != UR_OK)
		return st;
	p->anchor = present ? day : p->o->today;
	st = zg_wareki(p, r, &H_FROM, p->anchor, &present, &day);
	if (st == UR_OK)
		st = zg_wareki(p, r, &H_TO, p->anchor, &present, &day);
	return st;
}

static enum ur_status
zg_header(struct zengin_parser *p, const unsigned char *r)
{
	enum zengin_kind kind = ZENGIN_ANY;
	enum ur_status st;
	bool tr;

	if (p->state == ZG_GROUP)
		return zengin_fail(p, p->recno, p->rec_off,
				   _("header record before the previous group's trailer"));
	if ((st = zg_header_kind(p, r, &kind)) != UR_OK)
		return st;
	tr = kind == ZENGIN_TRANSFER;
	if ((st = zg_header_dates(p, r)) != UR_OK ||
	    (st = zg_num_text(p, r, &H_BANK, p->bank)) != UR_OK ||
	    (st = zg_num_text(p, r, &H_BRANCH, p->branch)) != UR_OK ||
	    (st = zg_num_text(p, r, tr ? &HT_ACCOUNT : &HS_ACCOUNT, p->account)) != UR_OK)
		return st;
	st = tr ? zg_nums_ok(p, r, HT_OTHER, sizeof HT_OTHER / sizeof HT_OTHER[0])
		: zg_nums_ok(p, r, HS_OTHER, sizeof HS_OTHER / sizeof HS_OTHER[0]);
	if (st != UR_OK)
		return st;
	p->sum.kind = kind;
	p->sum.groups++;
	memset(&p->tot, 0, sizeof p->tot);
	p->state = ZG_GROUP;
	return UR_OK;
}

/* Compare trailer total f with what the records give; blank: unchecked. */
static enum ur_status
zg_total(struct zengin_parser *p, const unsigned char *r, const struct zg_field *f, int64_t want)
{
	int64_t v;
	enum ur_status st = zg_num(p, r, f, &v);

	if (st != UR_OK || v < 0 || v == want)
		return st;
	return zengin_fail(p, p->recno, zg_off(p, f),
			   _("%s is %lld but the group's records give %lld"), f->name,
			   (long long)v, (long long)want);
}

static enum ur_status
zg_transfer_trailer(struct zengin_parser *p, const unsigned char *r)
{
	const struct zg_totals *t = &p->tot;
	int64_t n, s;
	enum ur_status st;

	if ((st = zg_num(p, r, &TT_COUNT, &n)) != UR_OK ||
	    (st = zg_num(p, r, &TT_SUM, &s)) != UR_OK)
		return st;
	/* Banks differ on whether 振込合計 includes the cancellations: when it
	 * matches the figures with them, accept it. */
	if (t->count[1] == 0 || (n >= 0 && n != t->count[0] + t->count[1]) ||
	    (s >= 0 && s != t->sum[0] + t->sum[1])) {
		if ((st = zg_total(p, r, &TT_COUNT, t->count[0])) != UR_OK ||
		    (st = zg_total(p, r, &TT_SUM, t->sum[0])) != UR_OK)
			return st;
	}
	if ((st = zg_total(p, r, &TT_CCOUNT, t->count[1])) != UR_OK)
		return st;
	return zg_total(p, r, &TT_CSUM, t->sum[1]);
}

static enum ur_status
zg_statement_trailer(struct zengin_parser *p, const unsigned char *r)
{
	const struct zg_totals *t = &p->tot;
	enum ur_status st;

	if ((st = zg_total(p, r, &ST_IN_COUNT, t->count[0])) != UR_OK ||
	    (st = zg_total(p, r, &ST_IN_SUM, t->sum[0])) != UR_OK ||
	    (st = zg_total(p, r, &ST_OUT_COUNT, t->count[1])) != UR_OK ||
	    (st = zg_total(p, r, &ST_OUT_SUM, t->sum[1])) != UR_OK ||
	    (st = zg_nums_ok(p, r, ST_OTHER, sizeof ST_OTHER / sizeof ST_OTHER[0])) != UR_OK)
		return st;
	return zg_total(p, r, &ST_RECORDS, t->records);
}

/* A header, data or trailer record (r[0] is 1, 2 or 8). */
static enum ur_status
zg_record_body(struct zengin_parser *p, const unsigned char *r)
{
	enum ur_status st = zg_check_bytes(p, r);

	if (st != UR_OK)
		return st;
	if (r[0] == '1')
		return zg_header(p, r);
	if (p->state != ZG_GROUP) {
		if (r[0] == '8')
			return zengin_fail(p, p->recno, p->rec_off,
					   _("trailer record without a header"));
		return zengin_fail(p, p->recno, p->rec_off, p->state == ZG_START
				   ? _("data record before any header")
				   : _("data record after the group's trailer"));
	}
	if (r[0] == '2')
		return p->sum.kind == ZENGIN_TRANSFER ? zg_transfer_data(p, r)
						      : zg_statement_data(p, r);
	st = p->sum.kind == ZENGIN_TRANSFER ? zg_transfer_trailer(p, r)
					    : zg_statement_trailer(p, r);
	p->state = ZG_BETWEEN;
	return st;
}

/* The end record (its bytes 2–200 are ignored). */
static enum ur_status
zg_end(struct zengin_parser *p)
{
	if (p->state == ZG_GROUP)
		return zengin_fail(p, p->recno, p->rec_off,
				   _("end record before the group's trailer"));
	if (p->state == ZG_START)
		return zengin_fail(p, p->recno, p->rec_off, _("end record without any header"));
	p->state = ZG_END;
	return UR_OK;
}

/* One complete 200-byte record. */
enum ur_status
zengin_record(struct zengin_parser *p, const unsigned char *r)
{
	enum ur_status st;

	p->sum.records++;
	if (p->state == ZG_END)
		st = zengin_fail(p, p->recno, p->rec_off, _("record after the end record"));
	else if (r[0] == '9')
		st = zg_end(p);
	else if (r[0] == '1' || r[0] == '2' || r[0] == '8')
		st = zg_record_body(p, r);
	else if (r[0] >= 0xF0 && r[0] <= 0xF9) /* EBCDIC digits */
		st = zengin_fail(p, p->recno, p->rec_off,
				 _("the file is in EBCDIC (コード区分 1), which is not supported: "
				   "ask the bank for the JIS version of the file"));
	else if (r[0] >= 0x20 && r[0] < 0x7F)
		st = zengin_fail(p, p->recno, p->rec_off,
				 _("unknown データ区分 \"%c\" (record kinds are 1, 2, 8 and 9)"),
				r[0]);
	else
		st = zengin_fail(p, p->recno, p->rec_off,
				 _("unknown データ区分 byte 0x%02X (record kinds are 1, 2, 8 "
				   "and 9)"),
				r[0]);
	p->recno++;
	return st;
}

