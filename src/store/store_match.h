/* store_match: the SQL of matching — loading the engine's index and the
 * unexplained deposits in a few bulk queries, confirming a match (one
 * transaction that checks the deposit is still unmatched, writes the
 * allocations, fee adjustments and on-account remainder, learns the
 * payer alias and audits), undoing it, the alias table and the
 * allocations export. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_MATCH_H
#define UR_SRC_STORE_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "match.h"
#include "store.h"

/** Fill ix with every customer, learned alias and open invoice (and the
 *  virtual accounts and fee policies, when the database has them), then
 *  finish it. */
enum ur_status store_match_load(struct store *st, struct match_index *ix, struct ur_err *err);

struct ar_settings;
/** The largest shortfall of customer_id's payment in currency cur that is
 *  booked as a transfer fee without asking: the fee-limit setting of s, or
 *  the customer's own fee when larger — the largest its fee_policy declares
 *  or it deducted before (as the matcher learns it). */
enum ur_status store_fee_limit(struct store *st, int64_t customer_id,
			       const struct ar_settings *s, const char *cur, int64_t *out,
			       struct ur_err *err);

/** Prepare the connection for a long run of confirmations: a page cache
 *  large enough (256 MiB at most) that each page is written once per
 *  batch instead of once per commit; on PostgreSQL note the newest audit
 *  id, before the run reads (store_match_batch_confirm). */
enum ur_status store_match_bulk(struct store *st, struct ur_err *err);

/* Deposits read for matching; strings owned by the list. */
struct store_match_deposits {
	struct match_deposit *d;
	size_t n;
	char **strs; /* every string handed out, for freeing */
	size_t nstrs;
};
/** All unmatched deposits, in booking-date and id order. */
enum ur_status store_match_unmatched(struct store *st, struct store_match_deposits *out,
				     struct ur_err *err);
/** One deposit by its reference (照会番号 etc.), whatever its state:
 *  out->n = 1, *state its state. UR_INPUT
 *  when no deposit or several have that reference. */
enum ur_status store_match_deposit_get(struct store *st, const char *ref,
				       struct store_match_deposits *out,
				       enum deposit_state *state,
				       struct ur_err *err);
/** The amounts of deposits of d's payer (its payer key) and currency
 *  still unmatched and booked before it (the latest first, at most cap)
 *  into amounts, *n of them; what match_deposit's earlier reads. */
enum ur_status store_match_earlier(struct store *st, const struct match_deposit *d,
				   int64_t *amounts, int cap, int *n, struct ur_err *err);
/** Free the deposits of a list. */
void store_match_deposits_free(struct store_match_deposits *l);

/** Confirm proposal p for deposit d: kind ALLOC_AUTO or ALLOC_MANUAL (a manual
 *  confirmation also teaches the payer alias). The cash of the lines
 *  (cleared − fee) plus on_account must equal the deposit's amount, else
 *  UR_INPUT stating the difference. UR_CONFLICT when the deposit is no
 *  longer unmatched or an invoice no longer has that much open. One
 *  transaction (a savepoint inside the caller's): all or nothing. */
enum ur_status store_match_confirm(struct store *st, const struct match_deposit *d,
				   const struct match_proposal *p, enum alloc_kind kind,
				   struct ur_err *err);
/* Confirmations in a long run inside the caller's transaction, with the
 * statements prepared once for the run and no savepoint per deposit:
 * whatever can conflict is checked before the first write. */
struct store_match_batch;
/** Prepare a batch on st; NULL after filling err. Free it before closing
 *  st. */
struct store_match_batch *store_match_batch_new(struct store *st, struct ur_err *err);
/** Free b (NULL is fine). */
void store_match_batch_free(struct store_match_batch *b);
/** Call after beginning each transaction of the batch's confirmations,
 *  and store_match_batch_end before committing it (it writes what was
 *  gathered); a failure of either: roll the transaction back. */
enum ur_status store_match_batch_begin(struct store_match_batch *b, struct ur_err *err);
enum ur_status store_match_batch_end(struct store_match_batch *b, struct ur_err *err);
/** store_match_confirm inside the transaction the caller has begun on
 *  the batch's store. UR_CONFLICT (another user matched the deposit or
 *  paid an invoice) and UR_INPUT have written nothing: go on with the
 *  next deposit. Any other failure may leave this deposit half-written:
 *  roll the caller's transaction back. On PostgreSQL, while nobody else
 *  has written since the run read (store_match_bulk notes where that
 *  was), an automatic confirmation is checked and gathered, and written
 *  by store_match_batch_end. */
enum ur_status store_match_batch_confirm(struct store_match_batch *b,
					 const struct match_deposit *d,
					 const struct match_proposal *p, enum alloc_kind kind,
					 struct ur_err *err);
/** Void the deposit's active allocations (and their fees) and make it
 *  unmatched again; a manual match also unlearns its alias count. UR_INPUT
 *  when it has nothing to undo. One transaction, audited. */
enum ur_status store_match_undo(struct store *st, int64_t deposit_id, struct ur_err *err);

/* One learned alias, as listed. Strings valid during the callback. */
struct store_alias_row {
	int64_t id;
	const char *payer_key, *remit_bank, *remit_branch, *payer_code;
	const char *customer_code, *customer_name;
	int64_t count;
	const char *last_used_at, *user;
	int conflict; /* the same payer key also points at another customer */
};
typedef int (*store_alias_fn)(const struct store_alias_row *a, void *ctx);
/** Every alias, by payer key then count (highest first). */
enum ur_status store_alias_each(struct store *st, store_alias_fn fn, void *ctx,
				struct ur_err *err);
/** Point alias id at the customer with code; audited. UR_INPUT when
 *  there is no such alias or customer. */
enum ur_status store_alias_edit(struct store *st, int64_t id, const char *customer_code,
				struct ur_err *err);
/** Remove alias id (it is learned data, not a ledger); audited. */
enum ur_status store_alias_remove(struct store *st, int64_t id, struct ur_err *err);

/* One active allocation, as exported (doc/cli-contract.md columns). */
struct store_alloc_row {
	const char *deposit_ref;
	int32_t deposit_date;
	const char *payer_name;
	const char *invoice; /* "" for money held on account */
	const char *customer;
	int64_t amount; /* cleared of the invoice, fee included */
	int64_t fee;
	const char *currency;
	const char *kind, *user, *at;
};
typedef int (*store_alloc_fn)(const struct store_alloc_row *r, void *ctx);
/** Every active allocation, by deposit date, deposit and allocation id;
 *  deposit_id > 0 restricts the walk to that deposit. */
enum ur_status store_allocations_each(struct store *st, int64_t deposit_id,
				      store_alloc_fn fn, void *ctx, struct ur_err *err);

#endif
