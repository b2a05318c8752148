/* match_priv: the engine's internal structures — the index's arrays and
 * hash tables, shared by the files of src/match/. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_MATCH_MATCH_PRIV_H
#define UR_SRC_MATCH_MATCH_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "match.h"

#define MATCH_NONE UINT32_MAX

/* A chained hash table from byte strings (or int64 keys) to uint32 values;
 * several values per key are kept (walk with mh_first/mh_next). */
struct mhash {
	uint32_t *head;    /* nbuckets heads, MATCH_NONE = empty */
	uint32_t nbuckets; /* power of two */
	uint32_t n, cap;
	struct mh_ent {
		uint64_t hash;
		const char *key; /* NULL for integer keys */
		uint32_t value;
		uint32_t next;
	} *ent;
};

void mh_init(struct mhash *h);
void mh_free(struct mhash *h);
uint64_t mh_hash_str(const char *s, size_t n);
uint64_t mh_hash_int(int64_t v);
/* Make room for n entries. */
void mh_reserve(struct mhash *h, uint32_t n);
/* Add (key, value); key must stay alive (NULL for integer keys). */
void mh_add(struct mhash *h, uint64_t hash, const char *key, uint32_t value);
/* First entry index for (hash, key of n bytes), or MATCH_NONE. */
uint32_t mh_first(const struct mhash *h, uint64_t hash, const char *key, size_t n);
uint32_t mh_next(const struct mhash *h, uint32_t e, const char *key, size_t n);

struct mcust {
	int64_t id;
	char *code, *name, *key, *currency;
	const char *corp; /* static string from kana_fold, or NULL */
	struct match_fee_policy fee;
	uint32_t inv_first, inv_count; /* range in ix->inv after finish */
	uint32_t nbigrams;
	char *parent_code, *rep_key;  /* payer links as added ("" if none) */
	uint32_t sub_first, sub_count; /* range in ix->subs: it pays for these */
	int16_t late_days;             /* usual days from due date to payment … */
	int16_t late_known;            /* … as confirmed payments show (0: unknown) */
	int8_t close_day;              /* closing day of its terms (31: month end; 0: none) */
	int8_t habit_moling;           /* drops small change: to 1 or 10 units (0: no) */
	int16_t habit_bp;              /* deducts this discount rate (basis points; 0: no) */
	int16_t habit_round;           /* … and rounds the rest down to this unit (0: no) */
	int8_t nhabit_fee;
	int8_t custom_fee;             /* the master declares its fee policy */
	int64_t habit_fee[4];          /* transfer fees it deducted, latest last */
	int8_t ties_oldest, ties_due;  /* confirmed ties it paid the oldest / the one due */
	uint32_t bill_first, bill_count; /* range in ix->bill after finish */
};

/* An issued 合計請求書 and its slips: ix->bslip[first, first + n). */
struct mbill {
	uint32_t cust;
	char cur[4];
	int32_t to, issued;
	int64_t billed, purchases; /* 今回御請求額, 今回お買上額 */
	uint32_t first, n;
};
struct mbslip {
	int64_t invoice_id;
	int64_t open;   /* open on it when the statement was issued */
	uint32_t inv;   /* its index in ix->inv (MATCH_NONE: not open now) */
	bool in_period; /* issued in the statement's period (else carried over) */
};

struct minv {
	int64_t id;
	char *number;
	uint32_t cust;
	int32_t issue, due;
	int64_t open, billed; /* billed: the invoice's amount */
	char cur[4];
	int held;  /* a held deposit's best proposal clears it (match_index_hold) */
};

struct malias {
	char *key, *bank, *branch, *code;
	uint32_t cust;
	int64_t count;
};

struct match_index {
	struct mcust *cust;
	uint32_t ncust, capcust;
	struct minv *inv;
	uint32_t ninv, capinv;
	struct malias *alias;
	uint32_t nalias, capalias;
	struct mbill *bill;      /* issued statements, by customer after finish */
	uint32_t nbill, capbill;
	uint32_t *bill_by_to;    /* ix->bill by closing date (after finish) */
	struct match_agent_pairs **agent_pairs; /* at a date's first in bill_by_to:
						   its totals' pairs, once searched */
	struct mbslip *bslip;
	uint32_t nbslip, capbslip;
	int bill_skip;           /* the bill added last is of no customer here */
	uint32_t *dense;         /* customer id → cust, for ids below ndense */
	uint32_t ndense;
	struct mhash by_id;      /* customer id → cust, the ids dense does not hold */
	struct mhash by_key;     /* folded key → cust */
	struct mhash by_alias;   /* alias payer key → alias */
	struct mhash by_code;    /* alias payer code → alias */
	struct mhash by_virtual; /* account number → cust */
	struct mhash by_number;  /* normalised invoice number → inv */
	struct mhash by_amount;  /* open amount → inv */
	struct mhash by_total;   /* sum of a customer's oldest 2…8 open → cust */
	struct mhash by_period;  /* closing total's bucket → cust (match_period_bucket) */
	struct mhash by_bigram;  /* key bigram → cust (fuzzy) */
	struct mhash by_rep;     /* folded representative's name → cust */
	uint32_t *subs;          /* customers a parent pays for, by parent */
	uint32_t *sorted;        /* customers with a key, by key (prefixes) */
	uint32_t nsorted;
	size_t max_key;          /* bytes of the longest customer key */
	char **chunks;           /* string arena */
	uint32_t nchunks;
	char *arena;
	size_t arena_left;
	struct scorer *scorer;   /* match_deposit's scratch (kept: it is 23 KiB) */
	struct mlines {          /* the proposals' lines of one match_deposit: chunks */
		struct match_line **chunk; /* that never move, reused for the next deposit */
		uint32_t *cap;
		uint32_t n, at, used;      /* chunks; the one in use; lines used in it */
	} lines;
	uint16_t *votes;         /* fuzzy scratch, one per customer */
	uint32_t *touched;
	int finished;
};

/* Room for n more lines of one proposal in the index's line chunks. */
struct match_line *match_lines_reserve(struct mlines *l, uint32_t n);
/* The proposal whose lines start at match_lines_reserve's pointer took n. */
void match_lines_commit(struct mlines *l, uint32_t n);

/* Normalise an invoice number or EDI token into out (upper-case ASCII
 * letters and digits only); returns its length. */
size_t match_norm_number(const char *s, size_t n, char *out, size_t cap);
/* True when the oldest two or more open invoices of cust add up to want. */
int match_oldest_sum_fits(const struct match_index *ix, uint32_t cust, int64_t want);
/* Number of code points in s and its bigrams' hashes (at most cap). */
uint32_t match_bigrams(const char *s, uint64_t *out, uint32_t cap);

/* Candidate customers of one deposit with their identity evidence (at
 * most MATCH_MAX_CANDS, match.h). */
struct mcand {
	uint32_t cust;
	int identity;        /* identity score */
	unsigned features;
	int64_t alias_count;
	int similarity;
	int amount_peers;    /* amount only: customers the amount fits */
	uint32_t edi_inv;    /* invoice named in the EDI text, or MATCH_NONE */
	uint32_t parent;     /* MATCH_F_PARENT: the paying parent, or MATCH_NONE */
};
struct mcands {
	int n;
	struct mcand c[MATCH_MAX_CANDS];
};

/* match_cand.c: collect the candidates of d. */
void match_candidates(struct match_index *ix, const struct match_deposit *d,
		      const char *key, const char *corp, const char *code, struct mcands *out);
/* match_fit.c: the amount fits of deposit d for customer cust, each
 * appended to r (scored later by the caller through score()). */
typedef void (*match_fit_fn)(void *ctx, const struct match_proposal *p);

/* The state of one customer's fitting. */
struct fitter {
	const struct match_index *ix;
	struct mlines *lines;   /* where proposals' lines go */
	const struct match_config *cfg;
	const struct match_deposit *d;
	const struct mcust *c;
	uint32_t cust;
	const struct minv **v; /* the customer's open invoices, oldest first */
	int n;
	const struct minv **fut; /* … issued after the deposit date (never auto) */
	int nfut;
	match_fit_fn fn;
	void *ctx;
	int *exact;              /* fits emitted that clear the amount exactly and
				    unambiguously (else near misses are looked for) */
	const struct mbill *stale; /* an issued statement the amount fits, no longer
				      valid: every fit says so */
	const struct minv *named; /* the open invoice the EDI text names, or NULL */
};

/* A new proposal for the customer, with room for all its invoices. */
void match_fit_start(const struct fitter *f, struct match_proposal *p, enum match_fit fit);
/* Add invoice v to p, cleared (fee share included) with fee absorbed. */
void match_fit_line(struct match_proposal *p, const struct minv *v, int64_t cleared,
		    int64_t fee);
/* True when a "fee" taken from v[0, n) is really one of them left unpaid,
 * with a smaller fee (or none) taken from the rest. */
bool match_fee_hides_slip(const struct match_fee_policy *p, int64_t fee, const struct minv **v,
			  int n);
/* Book fee on p's lines, the largest invoice first, each at most what it
 * clears (never a credit slip); false when the invoices are too small. */
bool match_fee_spread(struct match_proposal *p, int64_t fee);
/* Keep p's lines and hand it to the scorer (not when its fees are as much
 * as the deposit). */
void match_fit_emit(const struct fitter *f, struct match_proposal *p);
/** Is f->v[j] the first of its due day's invoices (so each day is taken
 *  once when walking them)? */
bool match_first_of_day(const struct fitter *f, int j);
#define TIE_GAP 14 /* days by which one due date must fit better to decide a tie */

/** Whether identical amounts go to the customer's oldest invoice: its own
 *  order once confirmed ties show one, else allocation-order. */
bool match_oldest_first(const struct match_config *cfg, const struct mcust *c);
/** … and the customer's own order, learned, is oldest first. */
bool match_learned_oldest(const struct mcust *c);
/* Days between day and a due date moved by c's usual lateness. */
int match_due_gap(const struct mcust *c, int32_t day, int32_t due);
/* The index in ix->cust of customer id, or MATCH_NONE. */
uint32_t match_cust_by_id(const struct match_index *ix, int64_t id);
/* p clears no invoice yet; p clears v too: its oldest issue and due span. */
void match_span_start(struct match_proposal *p);
void match_span_add(struct match_proposal *p, const struct minv *v);
/* … between the deposit and v's due date, for the fitter's customer. */
int match_due_distance(const struct fitter *f, const struct minv *v);
/* Candidates a payer that pays for several customers names: a learned
 * alias of several, or the customer master's paying parent. */
#define MATCH_F_GROUP (MATCH_F_CONFLICT | MATCH_F_PARENT)
/* A combination the customer would naturally pay ends with an invoice
 * due within this many days of the deposit (by its lateness). */
#define MATCH_NATURAL_DAYS 31
/* One closing period's open slips: w[first, first + n). */
struct period {
	int first, n, slips;   /* slips: those with a positive amount */
	int64_t sum, gross;    /* gross: of the positive slips (returns not netted) */
	int32_t end;
};
/* The customer's open slips issued by the deposit date (credit slips
 * too), oldest first, into w (room for all its invoices), grouped by
 * closing period into per; the number of periods. */
int match_periods_of(const struct fitter *f, const struct minv **w, struct period *per);
/* match_fifo.c: oldest first, and the partial and on-account readings
 * beside it. */
/* The rest of an invoice an earlier deposit of the payer pays part of. */
void match_fit_earlier(const struct fitter *f);
void match_fit_fifo(const struct fitter *f);
/* match_billed.c: an issued 合計請求書's total as the fit; *stale set to
 * the bill whose total fits but whose slips changed since (else NULL). */
void match_fit_billed(const struct fitter *f, const struct mbill **stale);
/* Group the bills by customer and find their slips among the invoices. */
void match_index_finish_bills(struct match_index *ix);
/* Could deposit d pay bill b's billed total now: issued by its date, in
 * its currency, every slip still open as listed and due about now. */
bool match_bill_payable(const struct match_index *ix, const struct match_deposit *d,
			const struct mbill *b);
/* match_agent.c: a payer nobody knows paying several customers' issued
 * statements of one closing date; proposes at most MATCH_AGENT_WAYS and
 * returns how many ways it found (one more than proposed: more). */
int match_fit_agent(struct match_index *ix, const struct match_deposit *d, match_fit_fn fn,
		    void *ctx);
/* match_period.c: the customer's closing periods (締め) as fits. */
void match_fit_periods(const struct fitter *f);
/* Index each closing customer's period totals (by_period). */
void match_index_period_totals(struct match_index *ix);
/* The by_period key of a total: totals a little apart share it or are next. */
int64_t match_period_bucket(int64_t total);
/* True when one of cust's closing totals in cur is want, but for tax rounding. */
bool match_period_total_fits(const struct match_index *ix, uint32_t cust, int64_t want,
			     const char *cur);
/* Add to hit[0, *nhit) the customers (distinct, *nhit at most cap) one of
 * whose closing totals is want. */
void match_period_hits(const struct match_index *ix, int64_t want, const char *cur, uint32_t *hit,
		       int *nhit, int cap);
/* The closing date on or after day, for closing day close (31: month end). */
int32_t match_period_end(int32_t day, int close);
/* match_group.c: one transfer for the several customers the payer names. */
void match_fit_group(struct match_index *ix, const struct match_deposit *d,
		     const struct mcands *cs, match_fit_fn fn, void *ctx);
/* match_near.c: near-miss amounts, when nothing fits exactly. */
void match_fit_near(const struct fitter *f);
/* The most a transfer fee can be in currency cur (minor units). */
int64_t match_fee_cap(const char *cur);
/* A round sum (¥10,000s, 1,000s of yuan): an instalment, not a bill less
 * something. */
bool match_round_sum(const char *cur, int64_t amount);
/* A round sum for a part payment (¥10,000s, hundreds of yuan). */
bool match_part_sum(int64_t amount);
/* The per cent of v's bill a round sum is, when an instalment's share. */
int match_round_share(int64_t amount, const struct minv *v);
/* True when a round sum amount pays over above a set of an odd total,
 * less than its step: the customer rounded the transfer up. */
bool match_rounded_up(const char *cur, int64_t amount, int64_t over);
/* One or two invoices just below a round sum, the excess on account. */
void match_fit_round_up(const struct fitter *f);
/* A day's bills less the fewest slips left open that make up the
 * difference (match_period.c). */
void match_fit_left_open(const struct fitter *f);
/* Discount rates looked at, in basis points of the amount billed. */
#define MATCH_MIN_BP 25
#define MATCH_MAX_BP 1000
/* True when paid is billed less dropped small change (抹零: a currency
 * with cents, paid in whole units or tens, deducted below one or ten). */
bool match_moling(const char *cur, int64_t paid, int64_t deducted);
/* The unit (10, 100 or 1000 minor units; a currency with cents: 100 or
 * 1000) that paid was rounded down to when rounding dropped rest; 0 when
 * paid is not a round amount or rest is too large for its unit. */
int64_t match_round_unit(const char *cur, int64_t paid, int64_t rest);
/* How a deduction splits: a discount at rate bp of the gross or the net
 * billed, one of fees (or none), and what rounding the payment down to a
 * unit of at most unit dropped. */
struct deduction {
	int bp;
	int64_t fee, dropped, unit;
};
/* Split deducted from billed base[2] (gross, net) as d says (d->bp, and
 * d->unit when rounding is allowed) with one of nfees fees or none; fills
 * d->fee and d->dropped; false when it does not split so. */
bool match_deduction_split(const int64_t *fees, int nfees, const int64_t base[2],
			   int64_t deducted, const char *cur, int64_t paid, struct deduction *d);
/* What a confirmed deduction teaches of round discount rates: alone, with
 * a fee the policy lists, or with the payment rounded down; d->bp 0 when
 * none. */
/* The round rate whose discount leaves the smallest fee of its own (up to
 * the fee cap) in deducted, that fee in *fee; 0 when none. */
int match_discount_own_fee(const int64_t base[2], int64_t deducted, const char *cur, int64_t *fee);
void match_deduction_learn(const struct match_fee_policy *p, const int64_t base[2],
			   int64_t deducted, const char *cur, int64_t paid, struct deduction *d);
/* True when deducted is bp basis points of billed, rounded either way. */
bool match_discount_is(int64_t billed, int64_t deducted, int bp);
/* A discount of rate bp (a round rate when 0) of base[0] or base[1] (gross,
 * net) plus one fee of policy p that together make up deducted: the rate,
 * and *fee; 0 when none. */
int match_discount_and_fee(const struct match_fee_policy *p, const int64_t base[2],
			   int64_t deducted, int bp, int64_t *fee);

/* named: the invoice the deposit's EDI text names (MATCH_NONE: none). */
void match_fits(struct match_index *ix, const struct match_config *cfg,
		const struct match_deposit *d, uint32_t cust, uint32_t named, int amount_only,
		match_fit_fn fn, void *ctx);

#endif
