/* store_match_priv: helpers shared by src/store_match.c and
 * src/store_alias.c (statements prepared per call, savepoint-or-begin
 * transactions, alias learning). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef UR_SRC_STORE_MATCH_PRIV_H
#define UR_SRC_STORE_MATCH_PRIV_H

#include "match.h"
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

#endif
