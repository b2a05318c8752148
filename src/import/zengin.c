/* zengin: framing of 200-byte records, the (header data* trailer)+ end
 * grammar, and the field layouts of 振込入金通知 and 入出金取引明細. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "xalloc.h"
#include "zengin.h"

#define REC ZENGIN_RECORD_LEN
#define CHUNK (64 * 1024)
/* How far after and before its anchor (today for 作成日, else 作成日) a
 * 和暦 date may lie: one year after, twenty years before. */
#define FUTURE_DAYS 366
#define PAST_DAYS (20 * 365 + 5)
/* Room for a decoded C field of n bytes (half-width kana: 3 UTF-8 bytes). */
#define UTF8_ROOM(n) (3 * (n) + 1)

/* Where the grammar is: before the first header, inside a group, between
 * a trailer and the next header (or the end record), after the end. */
enum zg_state { ZG_START, ZG_GROUP, ZG_BETWEEN, ZG_END };

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

/* What a group's data records add up to, for its trailer. [0] is
 * transfers (01) or credits (03), [1] cancellations (01) or debits (03). */
struct zg_totals {
	int64_t count[2];
	int64_t sum[2];
	int64_t records;
};

/* The strings of the deposit being built (decoded, NUL-terminated). */
struct zg_text {
	char ref[UTF8_ROOM(8)];
	char code[UTF8_ROOM(10)];
	char name[UTF8_ROOM(48)];
	char rbank[UTF8_ROOM(15)];
	char rbranch[UTF8_ROOM(15)];
	char edi[UTF8_ROOM(20)];
};

struct zg_parser {
	const struct zengin_opts *o;
	bank_deposit_fn fn;
	void *ctx;
	struct ur_err *err;
	struct zengin_summary sum;
	enum zg_state state;
	unsigned long recno;   /* number of the record being read, 1-based */
	uint64_t rec_off;      /* its offset in the file */
	uint64_t pos;          /* offset of the next byte fed */
	uint64_t line_start;   /* offset just after the last line break */
	size_t have;           /* bytes of a record split across chunks, in rec */
	unsigned char rec[REC];
	int32_t reiwa, heisei; /* first days of 令和 and of 平成 */
	int32_t anchor;        /* the group's 作成日 (or today) */
	struct zg_totals tot;
	char bank[5], branch[4], account[11];
	struct zg_text t;
};

static enum ur_status zg_fail_at(struct zg_parser *p, unsigned long recno, uint64_t off,
				 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static enum ur_status
zg_fail_at(struct zg_parser *p, unsigned long recno, uint64_t off, const char *fmt, ...)
{
	char reason[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return ur_fail(p->err, UR_INPUT, _("RECORD %lu (byte %llu): %s"), recno,
		       (unsigned long long)off, reason);
}

/* Offset of field f of the current record. */
static uint64_t
zg_off(const struct zg_parser *p, const struct zg_field *f)
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
zg_num(struct zg_parser *p, const unsigned char *r, const struct zg_field *f, int64_t *v)
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
		return zg_fail_at(p, p->recno, zg_off(p, f), _("%s is not a number"), f->name);
	return UR_OK;
}

/* Check that each of the n N fields at fs is digits or blank. */
static enum ur_status
zg_nums_ok(struct zg_parser *p, const unsigned char *r, const struct zg_field *fs, size_t n)
{
	enum ur_status st = UR_OK;
	int64_t v;

	for (size_t i = 0; i < n && st == UR_OK; i++)
		st = zg_num(p, r, &fs[i], &v);
	return st;
}

/* Copy N field f as text into out (empty when blank), leading zeros kept. */
static enum ur_status
zg_num_text(struct zg_parser *p, const unsigned char *r, const struct zg_field *f, char *out)
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
zg_wareki(struct zg_parser *p, const unsigned char *r, const struct zg_field *f,
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
	return zg_fail_at(p, p->recno, zg_off(p, f),
			  _("%s %s is not a 令和 or 平成 date (YYMMDD) between %s and %s"), f->name,
			  zg_show(r, f, buf), from, to);
}

/* Read the booking date (required) and value date (booking when absent). */
static enum ur_status
zg_dates(struct zg_parser *p, const unsigned char *r, const struct zg_field *book,
	 const struct zg_field *value, struct bank_deposit *d)
{
	bool present;
	enum ur_status st = zg_wareki(p, r, book, p->anchor, &present, &d->booking_date);

	if (st != UR_OK)
		return st;
	if (!present)
		return zg_fail_at(p, p->recno, zg_off(p, book), _("%s is missing"), book->name);
	st = zg_wareki(p, r, value, p->anchor, &present, &d->value_date);
	if (st == UR_OK && !present)
		d->value_date = d->booking_date;
	return st;
}

/* Every byte of a header, data or trailer record must be JIS X 0201 text. */
static enum ur_status
zg_check_bytes(struct zg_parser *p, const unsigned char *r)
{
	for (size_t i = 0; i < REC; i++) {
		unsigned char c = r[i];

		if ((unsigned char)(c - 0x20) < 0x5F || (unsigned char)(c - 0xA1) < 0x3F)
			continue;
		return zg_fail_at(p, p->recno, p->rec_off + i,
				  _("byte 0x%02X is not JIS X 0201 text (was the file re-saved "
				    "as UTF-8?)"),
				  c);
	}
	return UR_OK;
}

/* Read a required amount field: blank or zero is an error. */
static enum ur_status
zg_amount(struct zg_parser *p, const unsigned char *r, const struct zg_field *f, int64_t *v)
{
	enum ur_status st = zg_num(p, r, f, v);

	if (st == UR_OK && *v < 0)
		return zg_fail_at(p, p->recno, zg_off(p, f), _("%s is blank"), f->name);
	return st;
}

/* Add a record's amount to its group's totals (kind 0 or 1). */
static enum ur_status
zg_tally(struct zg_parser *p, int kind, int64_t amount)
{
	if (amount > INT64_MAX - p->tot.sum[kind])
		return zg_fail_at(p, p->recno, p->rec_off, _("the amounts add up to too much"));
	p->tot.count[kind]++;
	p->tot.sum[kind] += amount;
	p->tot.records++;
	return UR_OK;
}

/* The fields every deposit of the current record shares. */
static void
zg_deposit_init(struct zg_parser *p, struct bank_deposit *d)
{
	memset(d, 0, sizeof *d);
	d->account_bank = p->bank[0] ? p->bank : NULL;
	d->account_branch = p->branch[0] ? p->branch : NULL;
	d->account_number = p->account[0] ? p->account : NULL;
	d->currency = "JPY";
	d->record_no = p->recno;
	d->byte_offset = p->rec_off;
}

/* Hand d to the caller. */
static enum ur_status
zg_emit(struct zg_parser *p, const struct bank_deposit *d)
{
	if (d->amount <= 0)
		return zg_fail_at(p, p->recno, p->rec_off, _("the amount is zero"));
	p->sum.deposits++;
	if (d->cancels)
		p->sum.cancellations++;
	return p->fn ? p->fn(d, p->ctx, p->err) : UR_OK;
}

/* 金額 of a 振込入金通知 record; format B carries 金額(2) for amounts
 * of more than 10 digits (金額 then 0). */
static enum ur_status
zg_transfer_amount(struct zg_parser *p, const unsigned char *r, int64_t *amount)
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
		return zg_fail_at(p, p->recno, zg_off(p, &TB_AMOUNT), _("%s and %s differ"),
				  T_AMOUNT.name, TB_AMOUNT.name);
	*amount = a2;
	return UR_OK;
}

/* A 振込入金通知 data record (format A or B). */
static enum ur_status
zg_transfer_data(struct zg_parser *p, const unsigned char *r)
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
		d.payer_code = zg_code_or_null(zg_decode(r, &T_CODE, p->t.code));
	else if ((st = zg_num_text(p, r, &T_CODE, p->t.code)) != UR_OK)
		return st;
	else
		d.payer_code = zg_code_or_null(p->t.code);
	d.reference = p->t.ref[0] ? p->t.ref : NULL;
	d.cancels = cancel == 1;
	d.payer_name = zg_decode(r, &T_NAME, p->t.name);
	d.remit_bank = zg_decode(r, &T_RBANK, p->t.rbank);
	d.remit_branch = zg_decode(r, &T_RBRANCH, p->t.rbranch);
	d.edi = zg_decode(r, p->o->format_b ? &TB_EDI : &TA_EDI, p->t.edi);
	if (d.amount > 0 && (st = zg_tally(p, d.cancels, d.amount)) != UR_OK)
		return st;
	return zg_emit(p, &d);
}

/* A 入出金取引明細 data record: credits become deposits, debits are only
 * counted for the trailer. */
static enum ur_status
zg_statement_data(struct zg_parser *p, const unsigned char *r)
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
		return zg_fail_at(p, p->recno, zg_off(p, &S_DIR),
				  _("%s \"%s\" is neither 1 (deposit) nor 2 (withdrawal)"),
				  S_DIR.name, zg_show(r, &S_DIR, buf));
	if ((st = zg_tally(p, (int)dir - 1, d.amount)) != UR_OK)
		return st;
	if (dir == 2) {
		p->sum.skipped++;
		return UR_OK;
	}
	d.reference = p->t.ref[0] ? p->t.ref : NULL;
	d.payer_code = zg_code_or_null(p->t.code);
	d.cancels = type == 19; /* 訂正 */
	d.payer_name = zg_decode(r, &S_NAME, p->t.name);
	d.remit_bank = zg_decode(r, &S_RBANK, p->t.rbank);
	d.remit_branch = zg_decode(r, &S_RBRANCH, p->t.rbranch);
	d.edi = zg_decode(r, &S_EDI, p->t.edi);
	return zg_emit(p, &d);
}

/* 種別コード and コード区分 of a header: *kind is 1 or 3. */
static enum ur_status
zg_header_kind(struct zg_parser *p, const unsigned char *r, enum zengin_kind *kind)
{
	char buf[UTF8_ROOM(14)];
	enum zengin_kind want = p->sum.kind ? p->sum.kind : p->o->expect;

	if (r[H_CODE.pos - 1] == '1')
		return zg_fail_at(p, p->recno, zg_off(p, &H_CODE),
				  _("コード区分 1 (EBCDIC) is not supported: ask the bank for "
				    "the JIS version of the file"));
	if (r[H_CODE.pos - 1] != '0' && r[H_CODE.pos - 1] != ' ')
		return zg_fail_at(p, p->recno, zg_off(p, &H_CODE), _("%s \"%s\" is unknown"),
				  H_CODE.name, zg_show(r, &H_CODE, buf));
	if (!memcmp(r + 1, "01", 2))
		*kind = ZENGIN_TRANSFER;
	else if (!memcmp(r + 1, "03", 2))
		*kind = ZENGIN_STATEMENT;
	else
		return zg_fail_at(p, p->recno, zg_off(p, &H_KIND),
				  _("種別コード \"%s\" is not supported (01 振込入金通知 and "
				    "03 入出金取引明細 are)"),
				  zg_show(r, &H_KIND, buf));
	if (want && *kind != want)
		return zg_fail_at(p, p->recno, zg_off(p, &H_KIND),
				  _("種別コード %02d where %02d was expected"), (int)*kind,
				  (int)want);
	return UR_OK;
}

/* 作成日 (against today) and the period (against 作成日). */
static enum ur_status
zg_header_dates(struct zg_parser *p, const unsigned char *r)
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
zg_header(struct zg_parser *p, const unsigned char *r)
{
	enum zengin_kind kind;
	enum ur_status st;
	bool tr;

	if (p->state == ZG_GROUP)
		return zg_fail_at(p, p->recno, p->rec_off,
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
zg_total(struct zg_parser *p, const unsigned char *r, const struct zg_field *f, int64_t want)
{
	int64_t v;
	enum ur_status st = zg_num(p, r, f, &v);

	if (st != UR_OK || v < 0 || v == want)
		return st;
	return zg_fail_at(p, p->recno, zg_off(p, f),
			  _("%s is %lld but the group's records give %lld"), f->name,
			  (long long)v, (long long)want);
}

static enum ur_status
zg_transfer_trailer(struct zg_parser *p, const unsigned char *r)
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
zg_statement_trailer(struct zg_parser *p, const unsigned char *r)
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
zg_record_body(struct zg_parser *p, const unsigned char *r)
{
	enum ur_status st = zg_check_bytes(p, r);

	if (st != UR_OK)
		return st;
	if (r[0] == '1')
		return zg_header(p, r);
	if (p->state != ZG_GROUP) {
		if (r[0] == '8')
			return zg_fail_at(p, p->recno, p->rec_off,
					  _("trailer record without a header"));
		return zg_fail_at(p, p->recno, p->rec_off, p->state == ZG_START
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
zg_end(struct zg_parser *p)
{
	if (p->state == ZG_GROUP)
		return zg_fail_at(p, p->recno, p->rec_off,
				  _("end record before the group's trailer"));
	if (p->state == ZG_START)
		return zg_fail_at(p, p->recno, p->rec_off, _("end record without any header"));
	p->state = ZG_END;
	return UR_OK;
}

/* One complete 200-byte record. */
static enum ur_status
zg_record(struct zg_parser *p, const unsigned char *r)
{
	enum ur_status st;

	p->sum.records++;
	if (p->state == ZG_END)
		st = zg_fail_at(p, p->recno, p->rec_off, _("record after the end record"));
	else if (r[0] == '9')
		st = zg_end(p);
	else if (r[0] == '1' || r[0] == '2' || r[0] == '8')
		st = zg_record_body(p, r);
	else if (r[0] >= 0xF0 && r[0] <= 0xF9) /* EBCDIC digits */
		st = zg_fail_at(p, p->recno, p->rec_off,
				_("the file is in EBCDIC (コード区分 1), which is not supported: "
				  "ask the bank for the JIS version of the file"));
	else if (r[0] >= 0x20 && r[0] < 0x7F)
		st = zg_fail_at(p, p->recno, p->rec_off,
				_("unknown データ区分 \"%c\" (record kinds are 1, 2, 8 and 9)"),
				r[0]);
	else
		st = zg_fail_at(p, p->recno, p->rec_off,
				_("unknown データ区分 byte 0x%02X (record kinds are 1, 2, 8 "
				  "and 9)"),
				r[0]);
	p->recno++;
	return st;
}

/* The current record has only p->have bytes before a line break (or the
 * end of the file). When it directly follows one whole record on the same
 * line, that record is the one too long. */
static enum ur_status
zg_bad_length(struct zg_parser *p, bool at_eof)
{
	uint64_t end = p->rec_off + p->have;

	if (p->rec_off - p->line_start == REC && (!at_eof || p->line_start > 0))
		return zg_fail_at(p, p->recno - 1, p->line_start,
				  _("record length is %llu bytes, not 200"),
				  (unsigned long long)(end - p->line_start));
	return zg_fail_at(p, p->recno, p->rec_off, _("record length is %llu bytes, not 200"),
			  (unsigned long long)p->have);
}

/* Index of the first CR or LF among the n bytes at s, or n. */
static size_t
zg_first_break(const unsigned char *s, size_t n)
{
	const unsigned char *lf = memchr(s, '\n', n);
	const unsigned char *cr = memchr(s, '\r', lf ? (size_t)(lf - s) : n);

	return cr ? (size_t)(cr - s) : lf ? (size_t)(lf - s) : n;
}

/* Take the next piece of the file: records are cut out of it (copied only
 * when split across pieces), line breaks between records skipped. */
static enum ur_status
zg_feed(struct zg_parser *p, const unsigned char *s, size_t n)
{
	enum ur_status st = UR_OK;

	while (n > 0 && st == UR_OK) {
		size_t take;

		if (p->have == 0) {
			size_t k = 0;

			while (k < n && (s[k] == '\r' || s[k] == '\n'))
				k++;
			s += k, n -= k, p->pos += k;
			if (k > 0) {
				p->line_start = p->pos;
				continue;
			}
			p->rec_off = p->pos;
			if (n >= REC && zg_first_break(s, REC) == REC) {
				s += REC, n -= REC, p->pos += REC;
				st = zg_record(p, s - REC);
				continue;
			}
		}
		take = REC - p->have < n ? REC - p->have : n;
		if (zg_first_break(s, take) < take) {
			p->have += zg_first_break(s, take);
			return zg_bad_length(p, false);
		}
		memcpy(p->rec + p->have, s, take);
		p->have += take, s += take, n -= take, p->pos += take;
		if (p->have == REC) {
			p->have = 0;
			st = zg_record(p, p->rec);
		}
	}
	return st;
}

/* The end of the file: no partial record (a DOS end-of-file mark ^Z after
 * the end record is allowed), and the end record seen. */
static enum ur_status
zg_finish(struct zg_parser *p)
{
	if (p->have > 0 && !(p->have == 1 && p->rec[0] == 0x1A && p->state == ZG_END))
		return zg_bad_length(p, true);
	if (p->state == ZG_END)
		return UR_OK;
	if (p->sum.records == 0)
		return zg_fail_at(p, p->recno, p->pos, _("the file has no records"));
	return zg_fail_at(p, p->recno, p->pos, _("missing end record (データ区分 9)"));
}

static void
zg_init(struct zg_parser *p, const struct zengin_opts *o, bank_deposit_fn fn, void *ctx,
	struct ur_err *err)
{
	memset(p, 0, sizeof *p);
	p->o = o;
	p->fn = fn;
	p->ctx = ctx;
	p->err = err;
	p->state = ZG_START;
	p->recno = 1;
	p->reiwa = date_from_ymd(2019, 5, 1);
	p->heisei = date_from_ymd(1989, 1, 8);
	ur_err_clear(err);
}

enum ur_status
zengin_parse_mem(const char *buf, size_t n, const struct zengin_opts *o, bank_deposit_fn fn,
		 void *ctx, struct zengin_summary *sum, struct ur_err *err)
{
	struct zg_parser p;
	enum ur_status st;

	zg_init(&p, o, fn, ctx, err);
	st = zg_feed(&p, (const unsigned char *)buf, n);
	if (st == UR_OK)
		st = zg_finish(&p);
	if (sum)
		*sum = p.sum;
	return st;
}

enum ur_status
zengin_parse_fd(int fd, const struct zengin_opts *o, bank_deposit_fn fn, void *ctx,
		struct zengin_summary *sum, struct ur_err *err)
{
	struct zg_parser p;
	unsigned char *chunk = xmalloc(CHUNK);
	enum ur_status st = UR_OK;
	ssize_t got;

	zg_init(&p, o, fn, ctx, err);
	while (st == UR_OK) {
		got = read(fd, chunk, CHUNK);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			st = ur_fail(err, UR_FAIL, _("cannot read the file: %s"), strerror(errno));
		else if (got == 0)
			break;
		else
			st = zg_feed(&p, chunk, (size_t)got);
	}
	if (st == UR_OK)
		st = zg_finish(&p);
	free(chunk);
	if (sum)
		*sum = p.sum;
	return st;
}

bool
zengin_sniff(const char *head, size_t n)
{
	const unsigned char *h = (const unsigned char *)head;

	if (n < 4)
		return false;
	/* EBCDIC "1011" / "1031": claim it, so that the parser explains. */
	if (h[0] == 0xF1 && h[1] == 0xF0 && (h[2] == 0xF1 || h[2] == 0xF3) && h[3] == 0xF1)
		return true;
	if (h[0] != '1' || h[1] != '0' || (h[2] != '1' && h[2] != '3') ||
	    (h[3] != '0' && h[3] != '1' && h[3] != ' '))
		return false;
	/* 作成日 and the period: digits or spaces */
	for (size_t i = 4; i < 22 && i < n; i++)
		if ((h[i] < '0' || h[i] > '9') && h[i] != ' ')
			return false;
	/* then a line break or the next record */
	return n <= REC || h[REC] == '\r' || h[REC] == '\n' || h[REC] == '2' || h[REC] == '8';
}
