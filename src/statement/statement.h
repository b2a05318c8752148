/* statement: the model of a customer statement (合計請求書 / 对账单 /
 * statement of account) for a period — previous balance, payments with
 * fees, adjustments, carried balance, invoices with tax per rate, current
 * balance, aging and open invoices — built from the store, plus the
 * document language and the default period from the payment terms. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_STATEMENT_H
#define UR_SRC_STATEMENT_STATEMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "ledger_words.h"


/* The language a document is written in (not the program's messages). */
enum stmt_lang { STMT_EN, STMT_JA, STMT_ZH, STMT_LANGS };

/** Parse "en", "ja" or "zh_CN" (also "zh"); -1 when unknown. */
int stmt_lang_parse(const char *code);
/** "en", "ja" or "zh_CN". */
const char *stmt_lang_code(enum stmt_lang lang);
/** The default period for terms text (doc/cli-contract.md syntax) on day today: from
 *  the day after the closing date before the last one to the last closing
 *  date on or before today (a month end for NET or no terms). */
void stmt_default_period(const char *terms, int32_t today, int32_t *from, int32_t *to);

/** The payment deadline of a statement closed on closing: the customer's
 *  terms applied to that day with currency's bank holidays (CNY: Chinese,
 *  else Japanese); closing itself without terms. */
int32_t stmt_deadline(const char *terms, const char *currency, int32_t closing);

/* Tax rate of an invoice, inferred from its amount and tax. */
#define STMT_RATE_EXEMPT 0    /* tax 0 */
#define STMT_RATE_UNKNOWN (-1) /* tax not recorded */
#define STMT_RATE_OTHER (-2)   /* tax recorded, matching no single rate */

/** The rate (percent) of an invoice of amount (tax included) with tax in
 *  currency cur: one of the currency's rates (JPY 10, 8; CNY 13, 9, 6, 3)
 *  when tax is that rate of amount − tax rounded down, up or to nearest,
 *  else STMT_RATE_*. */
int stmt_tax_rate(int64_t amount, int64_t tax, const char *cur);

struct stmt_line {
	enum ledger_move_kind kind;
	int32_t date, due;
	char *ref, *text;
	int64_t amount;  /* invoice total; cash received; adjustment */
	int64_t fee;     /* payments: fee deducted */
	int64_t tax;     /* invoices: -1 unknown */
	int rate;        /* invoices: stmt_tax_rate */
	int64_t balance; /* running balance after this line */
};

struct stmt_item {
	char *number, *memo;
	int32_t issue, due;
	int64_t amount, open;
	int days_late; /* days past due on the statement date (≤ 0: not due) */
	bool disputed; /* in an open dispute: no dunning until it is resolved */
};

/* Invoices of the period per rate: amount incl. tax and tax. */
#define STMT_MAX_RATES 8
struct stmt_rate {
	int rate;
	int64_t amount, tax;
};

#define STMT_AGING_BUCKETS 5 /* not due, 1–30, 31–60, 61–90, over 90 days */

struct statement {
	int64_t cust_id;
	char *code, *name, *address, *currency;
	enum stmt_lang lang;
	int32_t from, to;
	int32_t deadline; /* when the current balance is to be paid: the terms
			     applied to the closing date to (お支払期限) */
	int64_t previous; /* balance at the end of the day before from */
	int64_t received; /* cash received in the period */
	int64_t fees;     /* transfer fees deducted by the customer */
	int64_t adjusted; /* write-offs and credit notes */
	int64_t carried;  /* previous − received − fees − adjusted (繰越) */
	int64_t sales;    /* invoices of the period, tax included */
	int64_t tax;      /* their tax, where known */
	int tax_unknown;  /* invoices whose tax is not recorded */
	int64_t current;  /* carried + sales = balance at the end of to */
	bool closing;     /* the customer bills by closing date: a 合計請求書 */
	int64_t tax_rounding; /* tax once per rate on the period total (適格請求書,
				 JPY closing customers) less the slips' own tax */
	int64_t billed;   /* 今回御請求額 as printed: current + tax_rounding */
	struct stmt_line *lines;
	size_t nlines;
	struct stmt_rate rates[STMT_MAX_RATES];
	int nrates;
	int64_t aging[STMT_AGING_BUCKETS];
	int64_t on_account; /* cash held at the end of to: the open invoices less
			       it are the current balance */
	struct stmt_item *items; /* invoices open at the end of to */
	size_t nitems;
};

/* What to build: the period (0 = the default from the customer's terms
 * on today) and the language (-1 = the customer's). */
struct stmt_opts {
	int32_t from, to, today;
	int lang;
};

void stmt_free(struct statement *s);

/** Whether line l is cash in the received column (a payment, a refund). */
int stmt_line_is_cash(const struct stmt_line *l);
/** The cash of line l as received: a refund paid back counts negative. */
int64_t stmt_line_cash(const struct stmt_line *l);

/** Tax computed once per rate on the period's invoices (適格請求書: JPY,
 *  a closing customer): each known rate's base (amount − tax) times the
 *  rate, rounded down (toward zero), replaces the slips' summed tax;
 *  sets tax_rounding and billed (current + tax_rounding; current alone
 *  when the rule does not apply). */
void stmt_tax_on_total(struct statement *s);

/** Number of open invoices past due on the statement date, those in an
 *  open dispute left out (they are not dunned). */
size_t stmt_overdue_count(const struct statement *s);

#endif
