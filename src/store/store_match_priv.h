/* store_match_priv: helpers shared by src/store_match.c and
 * src/store_alias.c (statements prepared per call, savepoint-or-begin
 * transactions, alias learning). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_MATCH_PRIV_H
#define UR_SRC_STORE_MATCH_PRIV_H

#include "match.h"
#include "store_match.h"
#include "store_priv.h"

/** Done with s (store_keep); UR_OK when the last step returned DB_DONE, else the error. */
enum ur_status store_match_done(struct store *st, struct db_stmt *s, int rc,
				struct ur_err *err);
/** Begin a transaction, or a savepoint inside the caller's (*own = 0). */
enum ur_status store_match_tx_begin(struct store *st, int *own, struct ur_err *err);
/** Commit (rc UR_OK) or roll back what store_match_tx_begin started; rc. */
enum ur_status store_match_tx_end(struct store *st, int own, enum ur_status rc,
				  struct ur_err *err);
/** Tell ix that customer_id bills by closing date when its terms say so. */
void store_match_closing(struct match_index *ix, int64_t customer_id, const char *terms);
/** Learn what customer_id's (0: every customer's) confirmed payments
 *  show into ix: its usual lateness, its deductions (fees, discount rates,
 *  dropped small change) and which of identical amounts it pays first. */
enum ur_status store_match_learned(struct store *st, struct match_index *ix,
				   int64_t customer_id, struct ur_err *err);
/** Count a confirmation of d's payer for customer_id (delta +1), or take
 *  one back (delta −1, removing the alias at zero); audited. */
enum ur_status store_alias_learn(struct store *st, const struct match_deposit *d,
				 int64_t customer_id, int delta, struct ur_err *err);

/* match --auto's confirmations gathered and written set-based on
 * PostgreSQL while nobody else writes (store_match_set.c). */
struct match_set;
/** Note the newest audit id, before the run reads (nothing on SQLite). */
enum ur_status store_match_set_mark(struct store *st, struct ur_err *err);
struct match_set *store_match_set_new(struct store *st);
void store_match_set_free(struct match_set *m);
/** At a batch's start, inside its transaction: whether its
 *  confirmations may be gathered (store_match_set_fast). */
enum ur_status store_match_set_begin(struct match_set *m, struct ur_err *err);
bool store_match_set_fast(const struct match_set *m);
/** Deposit deposit_id's state and, read as the engine reads it, the
 *  deposit (*d, its strings in *l, which the caller frees). */
enum ur_status store_match_deposit_state(struct store *st, int64_t deposit_id,
					 enum deposit_state *state, struct match_deposit *d,
					 struct store_match_deposits *l, struct ur_err *err);
/** The allocation row of p's line i for deposit d (kind); i == p->nlines:
 *  the money p holds on account. */
struct allocation store_match_row(const struct match_deposit *d, const struct match_proposal *p,
				  int i, enum alloc_kind kind);
/** Gather an automatic confirmation of p for d (its amounts checked);
 *  UR_INPUT when refused, gathering nothing. Every SET_FLUSH_DEPS deposits
 *  what was gathered is written; a failure of that is kept for
 *  store_match_set_end, and nothing more is gathered. */
enum ur_status store_match_set_add(struct match_set *m, const struct match_deposit *d,
				   const struct match_proposal *p, struct ur_err *err);
/** Before the batch's commit: write what was gathered (UR_CONFLICT when
 *  the rows are not as expected: roll the batch back) and note the
 *  newest audit id again. */
enum ur_status store_match_set_end(struct match_set *m, struct ur_err *err);

#endif
