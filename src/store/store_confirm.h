/* store_confirm: balance confirmations (残高確認 / 对账, 询证函) in the
 * database — a letter or statement sent with the balance it states, the
 * customer's answer (agreed, or disputed with their figure and reason),
 * the items that explain a dispute's difference and its closing. Every
 * change is one short transaction and one audit row. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_CONFIRM_H
#define UR_SRC_STORE_CONFIRM_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct store;

/* A customer's confirmation state: that of its latest confirmation. */
enum confirm_state {
	CONFIRM_NOT_SENT,
	CONFIRM_AWAITING, /* sent, no answer yet */
	CONFIRM_AGREED,   /* 相符 */
	CONFIRM_DISPUTED, /* 不符: a dispute is open */
	CONFIRM_RESOLVED, /* the dispute was explained and closed */
	CONFIRM_STATES
};

/** "not-sent", "awaiting", "agreed", "disputed" or "resolved". */
const char *confirm_state_name(enum confirm_state s);
/** The state named name (as confirm_state_name); false when unknown. */
bool confirm_state_parse(const char *name, enum confirm_state *out);
/** The state in the clerk's language ("awaiting an answer"). */
const char *confirm_state_label(enum confirm_state s);

/* One confirmation sent. */
struct confirm_send {
	int64_t customer_id;
	int32_t sent_on, as_of;
	int64_t balance;          /* ours on as_of, minor units of currency */
	const char *currency;
	const char *document;     /* "confirmation" or "statement" */
	const char *delivery;     /* "printed", "saved" or "emailed" */
	const char *file;         /* where the document went ("-": standard output) */
};

/** Record a confirmation sent, in the caller's transaction if one is open.
 *  UR_INPUT when the customer has a dispute open (resolve it first). */
enum ur_status store_confirm_send(struct store *st, const struct confirm_send *c,
				  int64_t *id, struct ur_err *err);

/** The customer's answer to its confirmation awaiting one: agreed, or
 *  their balance and reason (a different figure opens a dispute; the same
 *  figure is agreement). UR_INPUT when none awaits an answer. */
enum ur_status store_confirm_answer(struct store *st, int64_t customer_id, int32_t day,
				    bool agreed, int64_t their_balance, const char *reason,
				    struct ur_err *err);

enum dispute_kind {
	DISPUTE_INVOICE,     /* an invoice the customer disputes */
	DISPUTE_UNRECEIVED,  /* a payment they made that we have not received */
	DISPUTE_CREDIT_NOTE, /* a credit note we owe them */
	DISPUTE_OTHER,       /* any other amount, with a note */
	DISPUTE_NOTE,        /* a note, no amount */
};

struct dispute_item {
	enum dispute_kind kind;
	const char *invoice;  /* DISPUTE_INVOICE: its number */
	int64_t amount;       /* DISPUTE_INVOICE: 0 = its open amount */
	const char *note;
};

/** Add items to the customer's open dispute and, when close, close it —
 *  all in one transaction. confirmation_id 0: the customer's latest
 *  confirmation; else the one the clerk was shown, and UR_CONFLICT
 *  (nothing written) when it is no longer the open dispute — another
 *  clerk closed it meanwhile. Closing needs the items to explain the
 *  difference exactly (ours − theirs); otherwise UR_INPUT naming what is
 *  explained and what is not, and nothing is written. */
enum ur_status store_confirm_resolve(struct store *st, int64_t customer_id,
				     int64_t confirmation_id, int32_t day,
				     const struct dispute_item *items, int nitems, bool close,
				     struct ur_err *err);

/* An item named in a dispute. Strings valid in the callback. */
struct dispute_row {
	enum dispute_kind kind;
	int64_t invoice_id;   /* 0: none */
	const char *invoice;  /* its number, or "" */
	int64_t amount;
	const char *note, *user;
};
typedef int (*store_dispute_fn)(const struct dispute_row *r, void *ctx);

/** The items named in confirmation confirmation_id, in the order named.
 *  Non-zero from fn stops. */
enum ur_status store_dispute_items(struct store *st, int64_t confirmation_id,
				   store_dispute_fn fn, void *ctx, struct ur_err *err);

/* A customer's latest confirmation (or none). Strings valid in the callback. */
struct confirm_row {
	int64_t id;               /* 0: never sent */
	int64_t customer_id;
	const char *code, *name, *currency;
	enum confirm_state state;
	int32_t sent_on, as_of, answered_on, resolved_on;
	int64_t balance, their_balance, difference, explained;
	const char *document, *delivery, *file, *reason, *user;
};
typedef int (*store_confirm_fn)(const struct confirm_row *r, void *ctx);

/** Every customer with its latest confirmation, by code; only those in
 *  state when state_filter is set. Non-zero from fn stops. */
enum ur_status store_confirm_each(struct store *st, const enum confirm_state *state_filter,
				  store_confirm_fn fn, void *ctx, struct ur_err *err);
/** Every confirmation ever sent, by customer code and id (the export). */
enum ur_status store_confirm_history(struct store *st, store_confirm_fn fn, void *ctx,
				     struct ur_err *err);
/** The customer's latest confirmation into fn (a row with id 0 if none). */
enum ur_status store_confirm_latest(struct store *st, int64_t customer_id,
				    store_confirm_fn fn, void *ctx, struct ur_err *err);

/** Whether invoice_id is named in an open dispute (held back from dunning). */
enum ur_status store_invoice_disputed(struct store *st, int64_t invoice_id, bool *out,
				      struct ur_err *err);

struct rating_hist;
/** Add to h (rating.h) the balance-confirmation disputes open at as_of of
 *  every customer and currency, for the credit rating. */
enum ur_status store_confirm_disputes(struct store *st, int32_t as_of, struct rating_hist *h,
				      struct ur_err *err);

/* SQL condition true for an invoice column expression named in an open
 * dispute (for the queries of statements, letters and the worklist). */
#define STORE_INVOICE_DISPUTED(INV)                                                       \
	"EXISTS (SELECT 1 FROM dispute_item AS di JOIN confirmation AS cf"                \
	" ON cf.id = di.confirmation_id WHERE di.invoice_id = " INV                        \
	" AND cf.state = 'disputed')"

#endif
