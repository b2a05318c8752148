/* notice: letters about one payment — the difference notice (ご入金額差異の
 * ご連絡 / 付款差异通知: what was billed, what arrived, the difference and
 * what we will do) and the refund notice (返金のお知らせ / 退款通知) — from
 * templates like the dunning letters, in ja, zh_CN and en. No I/O: the
 * caller gathers the facts. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STATEMENT_NOTICE_H
#define UR_SRC_STATEMENT_NOTICE_H

#include <stdint.h>

#include "company.h"
#include "dunning.h"
#include "err.h"
#include "statement.h"

enum notice_kind { NOTICE_DIFFERENCE, NOTICE_REFUND };

/* What we will do about a difference. */
enum notice_action { NOTICE_KEEP, NOTICE_RETURN, NOTICE_EXPECT, NOTICE_ACTIONS };

/* The facts of a notice. Strings are copied; NULL reads as "". */
struct notice_facts {
	enum notice_kind kind;
	const char *code, *name, *address; /* the addressee (a payer we do not
					      know: no code, the payer's name) */
	const char *currency;
	int lang;          /* enum stmt_lang; -1: from the currency */
	int32_t date;      /* of the letter */
	const char *deposit, *payer;
	int32_t deposit_date;
	int64_t billed, received;     /* difference: the invoices fitted, the deposit */
	enum notice_action action;
	int32_t by;                   /* NOTICE_EXPECT: the rest by this day */
	int64_t refunded;             /* refund notice */
	int32_t refund_date;
	const char *paid_to, *reason;
};

struct notice {
	struct statement s; /* the addressee only (name, code, address, currency) */
	struct letter_row rows[3];
	struct dunning_letter letter;
};

/** Parse "keep", "refund" or "expect"; -1 when unknown. */
int notice_action_parse(const char *word);
/** "keep", "refund" or "expect". */
const char *notice_action_word(enum notice_action a);
/** Whether action fits the difference: short → expect; over or from a
 *  payer we do not know (nothing billed) → keep or refund. */
int notice_action_fits(const struct notice_facts *f, enum notice_action a);

/** The template of kind in lang: notice-difference.LANG.txt or
 *  notice-refund.LANG.txt in dir when there, else the built-in one. */
enum ur_status notice_template(enum notice_kind kind, enum stmt_lang lang, const char *dir,
			       char **text, char **name, struct ur_err *err);

/** Build notice out for facts f with template text (called name).
 *  UR_INPUT when the action does not fit the difference, there is no
 *  difference, or the template is bad. Free with notice_free. */
enum ur_status notice_build(const char *text, const char *name, const struct notice_facts *f,
			    const struct company *c, struct notice *out, struct ur_err *err);
void notice_free(struct notice *n);

struct match_deposit;
struct match_proposal;
struct customer;

/** The facts of a difference notice for deposit d on day today: billed is
 *  what proposal p (NULL: none fits, a payer we do not know) clears of
 *  its invoices, addressed to customer c (NULL: to the payer). The strings
 *  stay d's and c's. */
void notice_difference_facts(struct notice_facts *f, const struct match_deposit *d,
			     const struct match_proposal *p, const struct customer *c,
			     int32_t today);

/** The part of line i of proposal p that is a fee the customer may deduct
 *  (a bank charge, rounding, 抹零) and so no difference; a discount or an
 *  offset the customer took is one (0). */
int64_t notice_fee(const struct match_proposal *p, int i);

/** The language of a notice of facts f (f->lang, else from its currency). */
enum stmt_lang notice_lang(const struct notice_facts *f);

#endif
