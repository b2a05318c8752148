/* store_bank: the deposit queries of bank import and export — finding the
 * deposit a cancellation reverses, voiding what it was matched to, the
 * bank file's record count and walking every deposit for export. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_BANK_H
#define UR_SRC_STORE_BANK_H

#include <stdint.h>

#include "err.h"
#include "store.h"

/** Settings for importing a whole bank file in one transaction (a page
 *  cache that holds the deposit indexes: 32 MiB at most). */
enum ur_status store_bank_bulk(struct store *st, struct ur_err *err);

/* A deposit found by store_deposit_find. */
struct store_dep_found {
	int64_t id;          /* 0: none */
	enum deposit_state state;
	int64_t customer_id; /* 0: none */
	bool ambiguous;      /* no reference matched and several deposits could be meant */
};

/** The deposit a cancellation reverses: same account (bank, branch,
 *  number; NULL = ""), reference and amount, preferring the newest one not
 *  yet reversed. With by_payer, when no reference matches: the one live
 *  deposit of the same account, amount and payer key whose value or booking
 *  date is key's value date (out->ambiguous when there are several).
 *  out->id = 0: none. */
enum ur_status store_deposit_find(struct store *st, const struct deposit *key, bool by_payer,
				  struct store_dep_found *out, struct ur_err *err);

/** Void every active allocation of deposit id (each audited, its fee
 *  adjustment with it); *n receives how many were voided. */
enum ur_status store_deposit_void_allocations(struct store *st, int64_t id, int *n,
					      struct ur_err *err);

/** Set the record count of bank file id. */
enum ur_status store_bank_file_set_records(struct store *st, int64_t id, int64_t records,
					   struct ur_err *err);

/* One deposit for export: d's strings (never NULL) and state/customer are
 * valid only during the callback; customer is the code or "". */
typedef int (*store_deposit_fn)(const struct deposit *d, const char *state,
				const char *customer, void *ctx);

/** Call fn for every deposit in booking date, then id order; a non-zero
 *  return stops the walk. */
enum ur_status store_deposits_each(struct store *st, store_deposit_fn fn, void *ctx,
				   struct ur_err *err);

#endif
