/* dispute: a balance-confirmation dispute as the clerk works on it, for
 * `confirm resolve` and pane 3's resolve form alike — an item made from
 * the clerk's words under one set of rules, and the open dispute with what
 * is named so far and the invoices that can still be named. Prints
 * nothing. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_RUN_DISPUTE_H
#define UR_SRC_RUN_DISPUTE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"
#include "store_confirm.h"
#include "store_ui.h"

/** An item of kind from the clerk's words: invoice (DISPUTE_INVOICE: its
 *  number), amount in currency ("" or NULL: none — for an invoice, its
 *  open amount) and note (may be NULL). UR_INPUT with the reason in err
 *  when they make no item: an amount that is not one, none where the kind
 *  needs one, another amount without saying what it is, an empty note.
 *  it borrows the strings. */
enum ur_status dispute_item_make(enum dispute_kind kind, const char *invoice,
				 const char *amount, const char *note, const char *currency,
				 struct dispute_item *it, struct ur_err *err);

/* An item named so far. */
struct dispute_named {
	enum dispute_kind kind;
	char invoice[40]; /* its number, or "" */
	int64_t amount;
	char *note;
};

/* A customer's open dispute. */
struct dispute {
	int64_t confirmation_id;   /* 0: none open */
	enum confirm_state state;  /* the latest confirmation's */
	char code[32];             /* the customer's */
	char currency[8];
	int32_t as_of, answered_on;
	int64_t ours, theirs;
	int64_t difference; /* ours less theirs */
	int64_t explained;  /* by the items named so far */
	char *reason;       /* the customer's */
	struct dispute_named *named;
	size_t nnamed;
	struct sui_item *open; /* the customer's open invoices in the currency */
	size_t nopen;          /*   not named yet, oldest due first */
};

/** Customer customer_id's open dispute into *d (free with dispute_free);
 *  UR_INPUT naming the state when none is open. */
enum ur_status dispute_load(struct store *st, int64_t customer_id, struct dispute *d,
			    struct ur_err *err);
void dispute_free(struct dispute *d);

/** An item's kind in a word or two, in the clerk's language ("credit
 *  note"). */
const char *dispute_kind_label(enum dispute_kind k);

#endif
