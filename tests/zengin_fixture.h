/* zengin_fixture: builds Zengin deposit files for the tests, record by
 * record and field by field (N fields zero-padded, C fields space-padded,
 * half-width kana given as CP932 bytes). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_TESTS_ZENGIN_FIXTURE_H
#define UR_TESTS_ZENGIN_FIXTURE_H

#include <stdbool.h>

#include "strbuf.h"
#include "zengin.h"

/* Payer names and bank names as CP932 bytes, and as the UTF-8 expected. */
#define K_YAMADA "\xB6\x29\xD4\xCF\xC0\xDE\xBC\xD6\xB3\xBC\xDE" /* ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ */
#define K_TARO "\xD4\xCF\xC0\xDE\x20\xC0\xDB\xB3"               /* ﾔﾏﾀﾞ ﾀﾛｳ */
#define K_MUFG "\xD0\xC2\xCB\xDE\xBC"                           /* ﾐﾂﾋﾞｼ */
#define K_SHINJUKU "\xBC\xDD\xBC\xDE\xD5\xB8"                   /* ｼﾝｼﾞﾕｸ */
#define K_MIZUHO "\xD0\xBD\xDE\xCE"                             /* ﾐｽﾞﾎ */
#define K_HONTEN "\xCE\xDD\xC3\xDD"                             /* ﾎﾝﾃﾝ */
#define K_OURS "\xB3\xD8\xB6\xB9\x28\xB6"                       /* ｳﾘｶｹ(ｶ */
#define K_FURIKOMI "\xCC\xD8\xBA\xD0"                           /* ﾌﾘｺﾐ */
#define K_SUZUKI "\xBD\xBD\xDE\xB7\x20\xCA\xC5\xBA"             /* ｽｽﾞｷ ﾊﾅｺ */

/* An N field value meaning "leave the field blank". */
#define ZFIX_BLANK (-1LL)

/* A record under construction: spaces, then fields put in place. */
struct zfix_rec {
	char b[ZENGIN_RECORD_LEN];
};

/* A 振込入金通知 data record: NULL strings and ZFIX_BLANK numbers leave
 * their fields blank. */
struct zfix_tx {
	const char *ref, *book, *value;
	long long amount, other, code;
	const char *name, *rbank, *rbranch, *cancel, *edi;
	long long amount2; /* format B */
};

/* A 入出金取引明細 data record (same conventions). */
struct zfix_st {
	const char *ref, *book, *value;
	int dir, type;
	long long amount, code;
	const char *name, *rbank, *rbranch, *memo, *edi;
};

/** Start record r of kind (データ区分 '1', '2', '8' or '9'): all spaces. */
void zfix_init(struct zfix_rec *r, char kind);

/** N field at 1-based pos: zero-padded; ZFIX_BLANK leaves spaces. */
void zfix_put_n(struct zfix_rec *r, int pos, int len, long long v);

/** C field (or raw text) at pos: the bytes of s, the rest left as spaces. */
void zfix_put_c(struct zfix_rec *r, int pos, const char *s);

/** Header: kind "01" or "03", 作成日 = 勘定日 = made (和暦 YYMMDD), bank
 *  0001 branch 001, account 7 (01) or 10 (03) digits. */
void zfix_header(struct zfix_rec *r, const char *kind, const char *made, const char *account);

/** 振込入金通知 data record, format A or B. */
void zfix_transfer(struct zfix_rec *r, const struct zfix_tx *t, bool format_b);

/** 振込入金通知 trailer: 振込合計件数/金額, 取消合計件数/金額. */
void zfix_transfer_trailer(struct zfix_rec *r, long long n, long long sum, long long cn,
			   long long csum);

/** 入出金取引明細 data record. */
void zfix_statement(struct zfix_rec *r, const struct zfix_st *s);

/** 入出金取引明細 trailer: 入金/出金 counts and sums, データ・レコード件数. */
void zfix_statement_trailer(struct zfix_rec *r, long long in, long long in_sum, long long out,
			    long long out_sum, long long records);

/** End record: 9 and spaces. */
void zfix_end(struct zfix_rec *r);

/** The n records into sb, each followed by sep (the last only when final). */
void zfix_join(struct strbuf *sb, const struct zfix_rec *rs, int n, const char *sep,
	       bool final);

#endif
