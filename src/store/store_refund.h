/* store_refund: money paid back (返金 / 退款) — from what a customer holds
 * on account (前受金 / 预收款), or a deposit that was never ours (誤入金) —
 * recorded as a ledger row (voided, never deleted), audited, listed, and
 * undone. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_REFUND_H
#define UR_SRC_STORE_REFUND_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"
#include "ledger_words.h"

struct store;

/* What a refund is paid from, resolved by store_refund_source. */
struct refund_source {
	bool from_deposit;    /* a deposit that was never ours (kind 'deposit') */
	int64_t customer_id;  /* 0: nobody known (a deposit from an unknown payer) */
	int64_t deposit_id;   /* 0: the customer's money on account as a whole */
	char customer[64];    /* code, "" when none */
	char deposit[64];     /* reference, "" when none */
	enum deposit_state state; /* the deposit's state (from_deposit) */
	char currency[8];
	int64_t available;    /* the most that can be refunded on the day asked */
};

/** Resolve what a refund of customer code (or of deposit reference ref;
 *  exactly one is set) on day draws on, with how much is available then
 *  (and every day after). UR_INPUT for an unknown customer or deposit, a
 *  reference several deposits share, or a deposit with nothing to give
 *  back (matched to invoices, already reversed). */
enum ur_status store_refund_source(struct store *st, const char *code, const char *ref,
				   int32_t day, struct refund_source *out, struct ur_err *err);

/* A refund to record. */
struct refund {
	int64_t amount; /* minor units of the source's currency, > 0 */
	int32_t date;
	const char *paid_to; /* to whom (name, bank account) */
	const char *reason;
};

/** Record refund r from src (checking again, in the transaction, that it
 *  is available), audited; a deposit refunded in full leaves the queue
 *  (state 'reversed'). *id gets the refund's id. UR_INPUT when the amount
 *  is not positive or more than is available, or to/reason are empty;
 *  UR_CONFLICT when the deposit changed meanwhile. */
enum ur_status store_refund_add(struct store *st, const struct refund_source *src,
				const struct refund *r, int64_t *id, struct ur_err *err);

/** Void refund id (the money is on account again; a deposit refunded in
 *  full goes back to the queue), audited. UR_INPUT when there is no such
 *  refund or it was undone already. */
enum ur_status store_refund_undo(struct store *st, int64_t id, struct ur_err *err);

/* One refund. Strings valid during the callback only, never NULL. */
struct refund_row {
	int64_t id;
	const char *kind;      /* "on_account" or "deposit" */
	const char *customer;  /* code, "" for none */
	const char *name;      /* the customer's name, else the deposit's payer */
	const char *address;   /* the customer's, "" for none */
	const char *deposit;   /* reference, "" for none */
	const char *currency;
	int64_t amount;
	int32_t date;
	const char *paid_to, *reason, *user, *created_at;
	const char *voided_at; /* "" while it stands */
};
typedef int (*store_refund_fn)(const struct refund_row *r, void *ctx);

/** Call fn for refund id (0: every refund, oldest first). A non-zero
 *  return stops the walk. UR_INPUT when id is given and unknown. */
enum ur_status store_refunds_each(struct store *st, int64_t id, store_refund_fn fn, void *ctx,
				  struct ur_err *err);

#endif
