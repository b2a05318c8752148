/* words: the wording of printed documents in each document language (a
 * Japanese 合計請求書, a Chinese 对账单, an English statement). These are
 * business forms in the customer's language, chosen per customer, not
 * program messages in the clerk's language, so they are data here and not
 * in the gettext catalogue. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_WORDS_H
#define UR_SRC_STATEMENT_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "statement.h"

struct stmt_words {
	const char *title;
	const char *to_prefix, *to_suffix; /* around the customer's name */
	const char *intro;                 /* the sentence under the title */
	const char *colon; /* after a label: "：" or ": " */
	const char *issued, *period, *account, *currency, *registration, *period_sep;
	/* the summary */
	const char *previous, *received, *adjusted, *carried, *sales, *tax, *current;
	/* sections */
	const char *sec_payments, *sec_invoices, *sec_ledger, *sec_tax, *sec_aging,
		*sec_pay_to;
	/* columns */
	const char *c_date, *c_number, *c_memo, *c_amount, *c_fee, *c_tax, *c_due, *c_debit,
		*c_credit, *c_balance, *c_open, *c_days;
	/* movement descriptions */
	const char *m_opening, *m_invoice, *m_payment, *m_fee, *m_write_off, *m_credit_note,
		*m_reversal, *m_closing, *m_refund;
	const char *none; /* no movements */
	const char *aging[STMT_AGING_BUCKETS];
	const char *on_account; /* the credit line under the aging: cash held */
	const char *rate_pre, *rate_post; /* around a rate: "税率" 13 "%" */
	const char *exempt, *rate_unknown, *rate_other, *reduced_mark, *reduced_note;
	const char *base, *tax_incl;
	const char *tax_unknown_note;
	const char *tax_total_note; /* tax once per rate on the period total: the
				       difference from the slips' tax follows */
	/* the confirmation slip (对账单): heading, lines */
	const char *slip_title, *slip_agree, *slip_disagree, *slip_seal, *slip_signer,
		*slip_date;
	const char *as_of_pre, *as_of_post; /* around a date: "截至" … "" */
	/* the heading: closing date and payment deadline (合計請求書 only),
	 * our phone and contact person, the box for our seal (NULL: none) */
	const char *closing, *deadline, *tel, *contact, *seal;
};

/** The wording of documents in lang. */
const struct stmt_words *stmt_words(enum stmt_lang lang);

/* Size of a buffer for stmt_date_long. */
#define STMT_DATE_SIZE 32

/** day written out in lang: "2026年3月31日" (ja, zh_CN) or "31 March 2026". */
void stmt_date_long(int32_t day, enum stmt_lang lang, char buf[STMT_DATE_SIZE]);
/** day in tables: "2026/03/31" (ja) or "2026-03-31". */
void stmt_date_short(int32_t day, enum stmt_lang lang, char buf[STMT_DATE_SIZE]);
/* Size of a buffer for stmt_postal_split. */
#define STMT_POSTAL_SIZE 16

/** A Japanese address that starts with its postal code (〒123-4567,
 *  123-4567 or 1234567, then a space or the end): "〒123-4567" into buf and
 *  the rest of the address returned; else buf "" and address. */
const char *stmt_postal_split(const char *address, char buf[STMT_POSTAL_SIZE]);
/** The description of a movement line in lang. */
const char *stmt_line_text(const struct stmt_line *l, enum stmt_lang lang);
/** The label of tax rate rate (stmt_tax_rate) in lang, into buf. */
void stmt_rate_label(int rate, enum stmt_lang lang, char *buf, size_t size);

#endif
