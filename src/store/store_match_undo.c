/* store_match_undo: match undo — a deposit's active allocations voided
 * (audited), the deposit back in the queue, what a clerk's confirmation
 * taught forgotten again. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "store_match.h"
#include "store_match_priv.h"
#include "xalloc.h"

/* The customers of a match's allocations: distinct, growing. */
struct custs {
	int64_t *id;
	int n;
};

static void
custs_add(struct custs *c, int64_t id)
{
	for (int i = 0; i < c->n; i++)
		if (c->id[i] == id)
			return;
	if ((c->n & (c->n - 1)) == 0)
		c->id = xrealloc(c->id, (size_t)(c->n ? 2 * c->n : 1) * sizeof *c->id);
	c->id[c->n++] = id;
}

/* Void the deposit's active allocations; *manual collects the customers
 * of a manual match (none for an automatic one), *n how many were voided. */
static enum ur_status
void_allocations(struct store *st, int64_t deposit_id, struct custs *manual, int *n,
		 struct ur_err *err)
{
	struct db_stmt *s = store_prepare(st,
		"SELECT id, customer_id, kind FROM allocation WHERE deposit_id = ?1"
		" AND voided_at IS NULL AND +company_id = " STORE_COMPANY " ORDER BY id", err);
	int64_t *ids = NULL;
	int rc, k = 0;

	*n = 0;
	if (!s)
		return UR_FAIL;
	db_bind_int64(s, 1, deposit_id);
	while ((rc = db_step(s)) == DB_ROW) {
		if ((k & (k - 1)) == 0)
			ids = xrealloc(ids, (size_t)(k ? 2 * k : 1) * sizeof *ids);
		ids[k++] = db_column_int64(s, 0);
		if (store_column_alloc_kind(s, 2) == ALLOC_MANUAL)
			custs_add(manual, db_column_int64(s, 1));
	}
	rc = store_match_done(st, s, rc, err);
	for (int i = 0; i < k && rc == UR_OK; i++)
		rc = store_allocation_void(st, ids[i], err);
	free(ids);
	*n = k;
	return rc;
}

static enum ur_status
unmatch(struct store *st, int64_t deposit_id, struct ur_err *err)
{
	struct store_match_deposits l;
	struct match_deposit d;
	enum deposit_state state = DEPOSIT_UNMATCHED;
	struct custs manual = { NULL, 0 };
	enum ur_status rc;
	int n = 0;

	if ((rc = store_match_deposit_state(st, deposit_id, &state, &d, &l, err)) != UR_OK)
		return rc;
	if ((rc = void_allocations(st, deposit_id, &manual, &n, err)) != UR_OK)
		goto out;
	if (n == 0) {
		rc = ur_fail(err, UR_INPUT, _("deposit %s has no match to undo"), d.reference);
		goto out;
	}
	if (state != DEPOSIT_UNMATCHED)
		rc = store_deposit_set_state(st, deposit_id, state, DEPOSIT_UNMATCHED, 0, NULL,
					     err);
	for (int i = 0; i < manual.n && rc == UR_OK; i++)
		rc = store_alias_learn(st, &d, manual.id[i], -1, err);
out:
	free(manual.id);
	store_match_deposits_free(&l);
	return rc;
}

enum ur_status
store_match_undo(struct store *st, int64_t deposit_id, struct ur_err *err)
{
	enum ur_status rc;
	int own;

	if ((rc = store_match_tx_begin(st, &own, err)) != UR_OK)
		return rc;
	return store_match_tx_end(st, own, unmatch(st, deposit_id, err), err);
}
