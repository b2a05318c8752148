/* match: the matching engine — pure functions over in-memory indexes of
 * customers, learned aliases, virtual accounts and open invoices. For one
 * deposit it finds candidate customers, fits the amount to their open
 * invoices, scores each proposal with named features, explains it in one
 * line and decides whether it is safe to match automatically. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_MATCH_MATCH_H
#define UR_SRC_MATCH_MATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "payer.h"
#include "strbuf.h"

/* Transfer-fee policy of one customer (research §3.2). */
#define MATCH_MAX_FEES 32
enum match_fee_kind {
	MATCH_FEE_NONE, /* the customer never deducts a fee */
	MATCH_FEE_LIST, /* any one of fees[] */
	MATCH_FEE_UPTO  /* anything from 1 to fees[0] */
};
struct match_fee_policy {
	enum match_fee_kind kind;
	int nfees;
	int64_t fees[MATCH_MAX_FEES];
};

/** The default policy: the observed fee list of research §3.2 (110 … 1,100
 *  yen) plus the legacy 8% values (108 … 864). */
void match_fee_default(struct match_fee_policy *p);
/** Parse a policy: "none", "default" or "deduct" (the default list), an
 *  amount "660", tiers "440/660", "list:110,220,440" or "upto:880" (amounts
 *  as written in cur). UR_INPUT with a message when malformed. */
enum ur_status match_fee_parse(const char *text, const char *cur, struct match_fee_policy *p,
			       struct ur_err *err);
/** True when fee (> 0) is a deduction policy p allows. */
bool match_fee_allows(const struct match_fee_policy *p, int64_t fee);

/* Settings of the engine and of the auto-match rule. */
struct match_config {
	int threshold;          /* auto-match when the best score reaches this */
	int margin;             /* … and leads the best other customer by this */
	int64_t tolerance;      /* tax-rounding difference accepted (minor units) */
	int subset_items;       /* oldest open invoices a combination draws from */
	int subset_size;        /* most invoices in one combination */
	long subset_nodes;      /* search steps per customer and deposit */
	bool oldest_first;      /* allocation-order = oldest (民法488条): identical
				   amounts go to the oldest invoice, not the one due */
};
/** Defaults: threshold 85, margin 15, tolerance 0, 24 items, 8 per
 *  combination (MATCH_SUBSET_LINES), 20,000 steps, identical amounts by
 *  due date. */
void match_config_default(struct match_config *c);

/* One deposit as the engine sees it. Strings borrowed; NULL = "". */
struct match_deposit {
	int64_t id;
	const char *reference;
	int32_t date;
	int64_t amount;
	const char *currency;
	struct deposit_payer payer; /* who paid (payer.h) */
	/* Earlier deposits of the same payer still in the queue, their
	 * amounts (0 of them when not looked up): a part payment not yet
	 * confirmed may have paid part of the invoice this one ends. */
	const int64_t *earlier;
	int nearlier;
};
#define MATCH_EARLIER_MAX 8 /* earlier deposits worth looking up */

/* A learned payer → customer link (payer_alias rows). */
struct match_alias {
	const char *payer_key;
	const char *remit_bank, *remit_branch;
	const char *payer_code;
	int64_t customer_id;
	int64_t count;
};

struct match_index;

/** A new, empty index. */
struct match_index *match_index_new(void);
/** Free ix and everything it holds. */
void match_index_free(struct match_index *ix);
/** Add a customer (strings copied). kana_key is the stored folded key;
 *  kana (or the name when there is none) gives the company type. fee NULL:
 *  the default policy. A second customer with the same id is ignored. */
void match_index_add_customer(struct match_index *ix, int64_t id, const char *code,
			      const char *name, const char *kana, const char *kana_key,
			      const char *currency, const struct match_fee_policy *fee);
/** Add an open invoice of a customer added before (open amount ≠ 0; a
 *  credit slip's is negative and only closing periods use it). */
void match_index_add_invoice(struct match_index *ix, int64_t id, const char *number,
			     int64_t customer_id, int32_t issue_date, int32_t due_date,
			     int64_t open, const char *currency);
/** … and what it was billed (more than open once paid in part). */
void match_index_add_billed(struct match_index *ix, int64_t id, const char *number,
			    int64_t customer_id, int32_t issue_date, int32_t due_date,
			    int64_t open, int64_t billed, const char *currency);
/** Record who else pays for customer id (added before), as the customer
 *  master has it: the code of its paying parent (請求先) and its
 *  representative's name in kana (代表者カナ); either NULL or "". */
void match_index_add_payers(struct match_index *ix, int64_t id, const char *parent_code,
			    const char *rep_kana);
/** The customer's usual lateness: days from due date to payment, as its
 *  confirmed payments show (n of them). Unknown: 0 days. */
void match_index_set_lateness(struct match_index *ix, int64_t id, int days, int n);
/** A clerk paid one invoice (due chosen_due) with a deposit of paid_on
 *  while n others of the same amount were open (other_due): from such ties
 *  the customer's own allocation order is learned (after its lateness). */
void match_index_learn_tie(struct match_index *ix, int64_t id, int32_t paid_on,
			   int32_t chosen_due, const int32_t *other_due, int n);
/** The customer bills by closing date (締め): close_day 1–30, or 31 for
 *  the month's end; its open slips of a period are paid as one total. */
void match_index_set_closing(struct match_index *ix, int64_t id, int close_day);
/** The most a closing total's tax rounding makes it differ from the sum
 *  of its slips (minor units). */
#define MATCH_TOTAL_ROUNDING 99
/** A customer's closing totals (締め), worked out from its open slips in
 *  one currency fed oldest first: each closing period's sum and everything
 *  open up to each period's end go to out (at most cap). */
struct match_totals {
	int close_day;
	int32_t end;     /* the period being summed */
	int64_t one, all;
	int64_t *out;
	int n, cap;
};
void match_totals_start(struct match_totals *t, int close_day, int64_t *out, int cap);
void match_totals_add(struct match_totals *t, int32_t issue, int64_t open);
/** Close the last period; the number of totals in out. */
int match_totals_end(struct match_totals *t);
/** A closing-period statement (合計請求書) urikake issued to customer id
 *  (added before) on day issued: the period closing on day to, the total
 *  billed (今回御請求額) and the period's purchases (今回お買上額) as
 *  printed, in currency; its slips follow (match_index_add_bill_slip). The
 *  latest issue of a period only: a deposit of a total (or less the
 *  customer's deduction) pays its slips, while each is still open by the
 *  amount it was then. */
void match_index_add_bill(struct match_index *ix, int64_t id, const char *currency,
			  int32_t to, int32_t issued, int64_t billed, int64_t purchases);
/** A slip of the statement added last: invoice id, open by open when
 *  issued, issued in its period (else carried over into it). */
void match_index_add_bill_slip(struct match_index *ix, int64_t invoice_id, int64_t open,
			       bool in_period);
/** Learn from one confirmed payment of the customer: of the invoices it
 *  cleared (gross: the positive ones; net: credit slips set against them)
 *  it deducted this much (its fees) and paid the rest; a fee, a discount
 *  rate (of the gross or the net) or dropped small change becomes the
 *  customer's habit. */
void match_index_learn_deduction(struct match_index *ix, int64_t id, int64_t deducted,
				 int64_t gross, int64_t net, int64_t paid);
/** The largest transfer fee customer id declares (its own fee policy) or
 *  has deducted before (learned); 0 when neither. */
int64_t match_index_fee_max(const struct match_index *ix, int64_t id);
/** Add a learned alias of a customer added before. */
void match_index_add_alias(struct match_index *ix, const struct match_alias *a);
/** Map a receiving (virtual) account number to a customer. */
void match_index_add_virtual(struct match_index *ix, const char *acct_number,
			     int64_t customer_id);
/** Build the look-up structures; call once after adding, before matching. */
void match_index_finish(struct match_index *ix);
/** Number of customers and open invoices held. */
void match_index_size(const struct match_index *ix, long *customers, long *invoices);

/* The most candidate customers the engine weighs for one deposit. */
#define MATCH_MAX_CANDS 24
/* Sets of several customers' statements proposed for an unknown payer,
 * of closing dates so many days before the deposit at most (and so many
 * dates), and the most statements of one closing date looked at. */
#define MATCH_AGENT_WAYS 3
#define MATCH_AGENT_DAYS 75
#define MATCH_AGENT_DATES 64
#define MATCH_AGENT_BILLS 300
/** A set of two to four totals: their indexes in the caller's array and
 *  the transfer fee taken from them. */
struct match_agent_set {
	int member[4];
	int n;
	int64_t fee;
};
/** One closing date's statement totals and every two of them, sorted:
 *  built once, searched for each deposit (match_agent.c). */
struct match_agent_pairs;
struct match_agent_pairs *match_agent_pairs_new(const int64_t *total, int n);
void match_agent_pairs_free(struct match_agent_pairs *pp);
/** The chance that a set of k statements adds up to an amount by
 *  coincidence: sets with a sum about it (near), per how wide "about" is
 *  (width), times the exact amounts tried (tries: with each usual fee). */
struct match_agent_chance {
	int64_t near, tries, width;
	bool named; /* the payer's name says it is a payment agent */
};
/** Whether a payer's name says it pays for others: 収納代行, 決済,
 *  ペイメント, ファクタリング, 一括, 支付 (a deposit's payer_name). */
bool match_agent_named(const char *payer_name);
/** Add pp's sets of k about amount to c. */
void match_agent_chance_add(struct match_agent_chance *c, const struct match_agent_pairs *pp,
			    int k, int64_t amount, const char *cur);
/** Whether a set adding up exactly would be telling: a coincidence under
 *  1 in 20, or under 1 in 3 when the payer's name says it is an agent. */
bool match_agent_telling(const struct match_agent_chance *c);
/** The sets of k (2 to 4) of pp's totals adding up to amount, or to it
 *  plus one usual transfer fee, each total usable (NULL: all) and no two
 *  of one owner (NULL: no owners); at most max + 1 into out (max + 1:
 *  there are more). Returns their number. */
int match_agent_sets(const struct match_agent_pairs *pp, const bool *usable,
		     const int64_t *owner, int64_t amount, const char *cur, int k,
		     struct match_agent_set *out, int max);
/** The customers of ix deposit d's payer may be, as the engine finds them
 *  (key: the payer's folded name, corp: its company type, code: its payer
 *  code; either of the last two NULL or ""): their ids into ids (room for
 *  MATCH_MAX_CANDS), and the count. *named: whether one of them is named
 *  by more than a similar name (virtual account, EDI, alias, code, exact or
 *  cut-short name, representative, paying parent). For the store, which
 *  loads only those customers for the one deposit the queue shows. */
int match_payer_customers(struct match_index *ix, const struct match_deposit *d,
			  const char *key, const char *corp, const char *code, int64_t *ids,
			  bool *named);

/* How the amount fits the customer's open invoices. */
enum match_fit {
	MATCH_FIT_NONE,     /* nothing fits */
	MATCH_FIT_EXACT,    /* one invoice exactly */
	MATCH_FIT_FEE,      /* one invoice minus a transfer fee */
	MATCH_FIT_SUM,      /* several invoices exactly */
	MATCH_FIT_SUM_FEE,  /* several invoices minus one fee */
	MATCH_FIT_ROUNDING, /* one invoice within the tax-rounding tolerance */
	MATCH_FIT_PERIOD,   /* the open slips of closing periods (締め), credit slips
			       included, the total's tax rounding or a fee deducted */
	MATCH_FIT_NEAR,     /* invoices less a difference of a named kind (a fee
			       not listed, a discount, 抹零 …): automatic only
			       when it is the customer's learned habit */
	MATCH_FIT_PARTIAL,  /* oldest first, the last one partly */
	MATCH_FIT_OVER      /* oldest first, the excess held on account */
};

/* Named features (bits of match_proposal.features). */
#define MATCH_F_VIRTUAL      (1u << 0)  /* received on the customer's virtual account */
#define MATCH_F_EDI          (1u << 1)  /* EDI text names one of the invoices */
#define MATCH_F_CODE         (1u << 2)  /* learned payer code */
#define MATCH_F_ALIAS        (1u << 3)  /* learned payer name */
#define MATCH_F_CONFLICT     (1u << 4)  /* the alias also points at other customers */
#define MATCH_F_NAME_EXACT   (1u << 5)  /* folded payer name = customer kana */
#define MATCH_F_NAME_PREFIX  (1u << 6)  /* payer name cut short of the customer's */
#define MATCH_F_NAME_FUZZY   (1u << 7)  /* similar names */
#define MATCH_F_CORP_DIFFERS (1u << 8)  /* company types differ (株式会社 vs 有限会社) */
#define MATCH_F_DUE_NEAR     (1u << 9)  /* paid within a week of the due date */
#define MATCH_F_AMOUNT_ONLY  (1u << 10) /* found by amount alone */
#define MATCH_F_NAME_SHARED  (1u << 11) /* several customers share the name */
#define MATCH_F_SKIPS_OLDEST (1u << 12) /* partial of a later invoice, the oldest left open */
#define MATCH_F_PARENT       (1u << 13) /* the payer is the customer's paying parent */
#define MATCH_F_REP          (1u << 14) /* the payer is the customer's representative */
#define MATCH_F_REP_SHARED   (1u << 15) /* … of several customers */
#define MATCH_F_TIE_LATER    (1u << 16) /* a later invoice of the same open amount */
#define MATCH_F_HELD_OTHER   (1u << 17) /* … and a deposit held earlier in the run may pay one */
#define MATCH_F_FUTURE       (1u << 18) /* an invoice issued after the deposit date */
#define MATCH_F_AMBIGUOUS    (1u << 19) /* another set of the customer's invoices fits as well */
#define MATCH_F_OLDER_SAME   (1u << 20) /* an older open invoice of the same amount stays open */
#define MATCH_F_LEARNED      (1u << 21) /* the difference is the customer's learned habit */
#define MATCH_F_SEVERAL      (1u << 22) /* the payer pays for several customers at once */
#define MATCH_F_GROUP_LEARNED (1u << 23) /* … its learned customers, one closing total
					    each, and no other choice of theirs fits */
#define MATCH_F_BILLED       (1u << 24) /* the total of a 合計請求書 urikake issued */
#define MATCH_F_BILL_STALE   (1u << 25) /* … whose slips were paid or changed since */
#define MATCH_F_BILLED_PERIOD (1u << 26) /* MATCH_F_BILLED: its purchases of the period */
#define MATCH_F_PAYS_OLDEST  (1u << 27) /* of identical amounts the oldest: the customer's
					    order, learned from confirmed ties */
#define MATCH_F_REST_OLDEST  (1u << 28) /* the invoice due now in full, the rest part
					    of the oldest */
#define MATCH_F_EARLIER_PART (1u << 29) /* the rest of an invoice an earlier deposit
					    still in the queue pays part of */
#define MATCH_F_ROUNDED_UP   (1u << 30) /* a round sum just above the invoices: the
					    excess on account */
#define MATCH_F_LEFT_OPEN    (1u << 31) /* a day's bills less slips left open */
/* Evidence from the customer master's payer links alone: never enough to
 * match automatically unless the amount fits exactly one open invoice. */
#define MATCH_F_LINK (MATCH_F_PARENT | MATCH_F_REP)
/* Any feature that names the customer (amount alone never does). */
#define MATCH_F_IDENTITY (MATCH_F_VIRTUAL | MATCH_F_EDI | MATCH_F_CODE | MATCH_F_ALIAS | \
			  MATCH_F_NAME_EXACT | MATCH_F_NAME_PREFIX | MATCH_F_NAME_FUZZY | \
			  MATCH_F_LINK)

#define MATCH_LEFT_OPEN_MAX 3 /* slips a day's bills are read as paid without */
#define MATCH_SUBSET_LINES 8 /* most invoices one combination search draws together */
#define MATCH_MAX_PROPOSALS 5

/* MATCH_FIT_NEAR: what the difference between invoices and deposit is. */
enum match_diff {
	MATCH_DIFF_NONE,
	MATCH_DIFF_FEE,      /* a transfer fee not in the customer's policy */
	MATCH_DIFF_ROUNDING, /* a few yen */
	MATCH_DIFF_MOLING,   /* 抹零: the small change dropped (CNY) */
	MATCH_DIFF_DISCOUNT, /* a percentage (安全協力会費, early payment) */
	MATCH_DIFF_OTHER     /* an offset (相殺) or a claim: the clerk knows */
};

/* One invoice a proposal clears. */
struct match_line {
	int64_t invoice_id;
	const char *number; /* owned by the index */
	int64_t cleared;    /* of the invoice, fee share included */
	int64_t fee;        /* part of cleared absorbed as a fee */
	int64_t customer_id; /* whose invoice (0: the proposal's customer) … */
	const char *customer_code; /* … and its code (NULL: the proposal's) */
	bool part;          /* clears less than is open on it */
	uint8_t share;      /* … a telling round share of its bill, in per cent */
};

struct match_proposal {
	int64_t customer_id;
	const char *customer_code, *customer_name; /* owned by the index */
	const char *parent_name; /* MATCH_F_PARENT: the paying parent (index's) */
	int score;
	unsigned features;
	enum match_fit fit;
	int64_t alias_count; /* confirmations behind the alias or code */
	int similarity;      /* fuzzy name similarity, percent */
	int amount_peers;    /* amount only: customers the amount fits (9: more) */
	int nlines;          /* no limit: a closing period may hold hundreds of slips */
	struct match_line *line; /* the engine's: valid until the next match_deposit
				    on the same index; else whoever built p owns it */
	int32_t oldest;      /* issue date of the oldest invoice it clears */
	int32_t due_first, due_last; /* the earliest and latest of their due dates */
	int64_t on_account;  /* cash held as a credit */
	int32_t other_due;   /* MATCH_F_OLDER_SAME, MATCH_F_AMBIGUOUS on a tie: the
				other invoice's due date */
	enum match_diff diff; /* MATCH_FIT_NEAR: the kind of difference … */
	int diff_bp;          /* … and for a discount its rate in basis points, */
	int64_t diff_fee;     /* … and a transfer fee deducted with the discount */
	int64_t diff_round;   /* … and what rounding the rest down dropped */
	int64_t earlier_part; /* MATCH_F_EARLIER_PART: what the earlier deposit pays */
	int left_open;        /* MATCH_F_LEFT_OPEN: how many slips were left out, … */
	const char *left_open_num[MATCH_LEFT_OPEN_MAX]; /* … their numbers (the index's) … */
	int64_t left_open_sum; /* … and their total */
	int32_t period;      /* MATCH_FIT_PERIOD: the last closing date it clears */
	int32_t periods;     /* … and how many closing periods */
	int32_t bill_to;     /* MATCH_F_BILLED, MATCH_F_BILL_STALE: the statement's
				closing date, … */
	int32_t bill_issued; /* … the day it was issued … */
	int64_t billed;      /* … and the total it printed (MATCH_F_BILLED_PERIOD: the
				period's purchases) */
};

/* Why a deposit was not matched automatically. */
enum match_hold {
	MATCH_AUTO,            /* matched automatically */
	MATCH_HOLD_NOTHING,    /* no proposal at all */
	MATCH_HOLD_NO_PAYER,   /* only amounts fit: the payer is not known */
	MATCH_HOLD_LOW_SCORE,  /* best score below the threshold */
	MATCH_HOLD_CLOSE,      /* another customer is too close */
	MATCH_HOLD_CONFLICT,   /* the alias points at several customers */
	MATCH_HOLD_AMOUNT,     /* partial, over-payment or no amount fit */
	MATCH_HOLD_FUTURE,     /* the fit uses an invoice issued after the deposit */
	MATCH_HOLD_AMBIGUOUS,  /* several sets of the customer's invoices fit */
	MATCH_HOLD_MANY_FITS,  /* more fits than the scorer keeps: a rival may be among the rest */
	MATCH_HOLD_HELD_OTHER  /* a deposit held earlier in the run may pay the same invoices */
};
#define MATCH_HOLD_LAST MATCH_HOLD_HELD_OTHER

struct match_result {
	int nprop;
	struct match_proposal prop[MATCH_MAX_PROPOSALS]; /* best first */
	enum match_hold hold; /* MATCH_AUTO: prop[0] may be confirmed */
	int runner_up;        /* best score of another customer (0: none) */
};

/** Propose matches for d, best first, and apply the auto-match rule. The
 *  proposals' lines live in ix until its next match_deposit. */
void match_deposit(struct match_index *ix, const struct match_config *cfg,
		   const struct match_deposit *d, struct match_result *r);
/** Take what p clears out of the index's open amounts (after confirming
 *  it), so later deposits of the same run do not clear it again. */
void match_index_apply(struct match_index *ix, const struct match_proposal *p);
/** Note what the best proposal of a deposit left for a clerk would clear
 *  (when more than a similar name names the customer): later deposits of the same run leave
 *  those invoices to it when identical open amounts tie, and are not
 *  matched automatically onto them. */
void match_index_hold(struct match_index *ix, const struct match_result *r);
/** Forget every match_index_hold: a new pass over the held deposits. */
void match_index_unhold(struct match_index *ix);

/** Whose invoice line i of p is: its own customer, else the proposal's. */
int64_t match_line_customer(const struct match_proposal *p, int i);
/** … and its code (NULL when the line names only the id). */
const char *match_line_customer_code(const struct match_proposal *p, int i);
/** True when line i is the first of p's lines of its customer (to name each
 *  customer of a transfer for several once). */
bool match_line_first_of_customer(const struct match_proposal *p, int i);
/** What p's lines book as deductions (fees, discounts, small change). */
int64_t match_proposal_fees(const struct match_proposal *p);

/** Append a one-line explanation of p for a clerk to out ("payer ｶ)ﾔﾏﾀﾞ…
 *  = 山田商事 (alias, confirmed 7×); amount = INV-0042 − fee ¥440"). */
void match_explain(const struct match_proposal *p, const struct match_deposit *d,
		   struct strbuf *out);
/** The two halves of match_explain: who pays, and how the amount is read
 *  (with its doubts and the score), for a narrow screen that shows the
 *  reading first. */
void match_explain_who(const struct match_proposal *p, const struct match_deposit *d,
		       struct strbuf *out);
void match_explain_reading(const struct match_proposal *p, const struct match_deposit *d,
			   struct strbuf *out);
/** The reason for a hold, as a short translated sentence. */
const char *match_hold_text(enum match_hold h);
/** The name of a fit ("exact", "fee", "sum", …), untranslated, for JSON. */
const char *match_fit_name(enum match_fit f);
/** The name of a hold ("auto", "close", "ambiguous", …), untranslated, for JSON. */
const char *match_hold_name(enum match_hold h);
/** The band a clerk sees for a score: 'A' (at the auto-match threshold),
 *  'B' (60 and above) or 'C'. */
char match_band(const struct match_config *cfg, int score);

#endif
